"""Results history: the SQLite store of runner and LAVA run documents, the
regression check and the HTML report (doc/lab.md, "Results store").

store and regress use the standard library only (lab/run --store imports
them); report needs python3-matplotlib.
"""
