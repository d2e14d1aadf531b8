"""Where things are: the repo root is found from this file, not the cwd."""
import os
import subprocess

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def build_dir(arch):
    return os.path.join(REPO, "build", arch)


def shown(path):
    """A path for documents: repo-relative when inside the repo."""
    if path is None:
        return None
    full = os.path.abspath(path)
    rel = os.path.relpath(full, REPO)
    return full if rel.startswith("..") else rel


def git_commit():
    try:
        done = subprocess.run(["git", "-C", REPO, "rev-parse", "HEAD"],
                              capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None
