"""The on-disk cache (``~/.cache/iplemu`` or ``$IPLEMU_CACHE``): entries are
read only when they can be trusted, otherwise the caller rebuilds them.

An entry is one JSON file ``{"format": ..., "checksum": ..., "payload": ...}``.
``read`` opens it without following a symlink and without blocking on a
FIFO, takes only a regular file of sane size, and checks the format and the
SHA-256 of the payload; anything else (a directory, a device, a truncated or
edited file, JSON of another shape) reads as absent.  The checksum finds
damage and hand edits; whoever can write the cache can also recompute it, so
the cache directory is to be as private as the home directory.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

FORMAT = "iplemu-cache-1"
MAX_ENTRY = 256 << 20       # bytes; an image entry of the largest allowed image is ~130 MiB
_ignored = False            # --no-cache: every entry reads as absent (and is written afresh)


def ignore_entries() -> None:
    """``--no-cache``: from now on (and in processes forked after) every
    entry reads as absent, so everything is built again."""
    global _ignored
    _ignored = True


def cache_dir() -> Path:
    base = os.environ.get("IPLEMU_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "iplemu")
    return Path(base)


def read(entry: Path):
    """The payload stored at ``entry``, or None when it is absent or cannot
    be trusted (or --no-cache said to ignore them)."""
    if _ignored:
        return None
    data = _regular_file_bytes(entry, MAX_ENTRY)
    if data is None:
        return None
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or "payload" not in doc:
        return None
    if doc.get("checksum") != _checksum(doc["payload"]):
        return None
    return doc["payload"]


def write(entry: Path, payload) -> None:
    """Store ``payload`` (JSON values) at ``entry``, atomically; an
    unwritable cache is no error (it is an optimisation)."""
    text = json.dumps({"format": FORMAT, "checksum": _checksum(payload), "payload": payload})
    tmp = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text)
        tmp.replace(entry)       # replaces a symlink, FIFO or damaged file; not a directory
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass


def file_digest(path: Path) -> str | None:
    """SHA-256 of a regular file's bytes; None when ``path`` is not a
    readable regular file."""
    data = _regular_file_bytes(path, None, follow=True)
    return None if data is None else hashlib.sha256(data).hexdigest()


def _regular_file_bytes(path: Path, limit: int | None, follow: bool = False) -> bytes | None:
    flags = os.O_RDONLY | os.O_NONBLOCK | (0 if follow else os.O_NOFOLLOW)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or (limit is not None and info.st_size > limit):
            return None
        with os.fdopen(os.dup(fd), "rb") as stream:
            return stream.read()
    except OSError:
        return None
    finally:
        os.close(fd)


def _checksum(payload) -> str:
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()
