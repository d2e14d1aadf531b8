"""Turns the emulator's byte stream into text lines.

Consoles send \\r\\n, bare \\r, partial writes and the odd non-UTF-8 byte
(line noise, firmware escape sequences); none of that may stop a run.
"""


MAX_LINE = 64 * 1024   # a guest spewing without newlines must not eat memory


class LineBuffer:
    def __init__(self):
        self._pending = b""

    def feed(self, data):
        """Adds bytes; returns the complete lines they finish."""
        self._pending += data
        *lines, self._pending = self._pending.split(b"\n")
        if len(self._pending) > MAX_LINE:
            lines.append(self._pending)
            self._pending = b""
        return [decode(line) for line in lines]

    def flush(self):
        """Returns the unterminated rest (at EOF or a timeout), if any."""
        rest, self._pending = self._pending, b""
        return [decode(rest)] if rest.strip(b"\r\0 \t") else []

    @property
    def pending(self):
        return bool(self._pending)


def decode(raw):
    text = raw.decode("utf-8", errors="replace")
    # Serial consoles end lines with \r\n; a stray \r or NUL inside a line
    # carries no text, and dropping it keeps a protocol tag after it findable.
    return text.replace("\r", "").replace("\0", "")
