"""What ``--format json`` prints for every command: one object that names
iplemu's version (``iplemu``), the version of the shape (``schema``) and
the ``command``, then the command's own fields.  Each command's shape is a
JSON Schema in emu/schemas/<command>.json; ``schema`` changes when one of
them does."""

from __future__ import annotations

import json
from pathlib import Path

SCHEMA_VERSION = 2          # 1: the unversioned outputs before the envelope
SCHEMAS_DIR = Path(__file__).resolve().parent / "schemas"
COMMANDS = ("ports", "run", "check", "compare", "table", "race")


def version() -> str:
    """iplemu's version (one place: the package's __version__)."""
    from . import __version__
    return __version__


def document(command: str, body: dict) -> str:
    """The command's JSON output: the envelope, then ``body``'s fields."""
    return json.dumps({"iplemu": version(), "schema": SCHEMA_VERSION, "command": command, **body},
                      indent=2)
