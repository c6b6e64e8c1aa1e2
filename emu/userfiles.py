"""Paths the user names (a port YAML, a snippet, a --port-path folder):
what is wrong with one, asked without raising.

Python's ``Path.exists()`` and ``is_file()`` swallow only "no such file";
a name longer than the file system takes (ENAMETOOLONG) or a folder the
user may not search (EACCES) raises from them, which would end a command
in an internal error instead of one line naming the path.  These ask
stat(2) once and turn every failure into words (stat(2) ERRORS).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def file_problem(path: Path) -> str | None:
    """None when ``path`` is a regular file this process may read (after
    symlinks); else what is wrong, in a few words: "no such file", "not a
    regular file" (a folder, FIFO or device, which would block or never
    end), or the system's reason ("File name too long")."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "no such file"
    except (OSError, ValueError) as exc:     # ValueError: a NUL byte in the name
        return f"cannot read: {getattr(exc, 'strerror', None) or exc}"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if not os.access(path, os.R_OK):
        return "cannot read: Permission denied"
    return None


def is_regular_file(path: Path) -> bool:
    return file_problem(path) is None


def is_directory(path: Path) -> bool:
    """Is ``path`` a folder (after symlinks)?  False for any path stat(2)
    refuses."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False
