"""Where ports come from.

The ports iplemu ships are package data: ``archs/<port>.yaml`` with their
snippets in ``kernel_snippets/<port>/``, and NetBSD's own facts in
``netbsd/``.  In a source checkout those folders stand beside the package;
in an installed wheel they are inside it (pyproject.toml maps them to
``iplemu.archs`` and so on) and are found with importlib.resources.

A user adds ports with ``--port-path DIR`` (repeatable) or the variable
``IPLEMU_PORT_PATH`` (DIRs separated by colons): every ``DIR/*.yaml`` is a
port, named after its file.  The folders are searched in that order, the
shipped ports last, so a user's port of the same name comes first.  A port
is also found by one of its ``aliases:`` (the names NetBSD gives it).

The ``snippets:`` of a port YAML are found relative to the YAML's folder:
first in a folder named after the port beside the YAML, then as written;
last in the shipped port's folder of that name, so that a shipped YAML
copied elsewhere and edited still runs.  (For the shipped ports the folder
named after the port is ``kernel_snippets/<port>``.)
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import InputError
from .userfiles import is_directory
from .yamlsource import load_located

PORT_PATH_VARIABLE = "IPLEMU_PORT_PATH"
_added: list[Path] = []          # --port-path folders, in the order given


def shipped(name: str) -> Path:
    """The shipped data folder ``name`` (archs, kernel_snippets, netbsd):
    inside the installed package, else beside it in the source tree."""
    inside = resources.files(__package__) / name
    if inside.is_dir():
        return Path(str(inside))
    return Path(__file__).resolve().parent.parent / name


def add_port_path(folders: list[str]) -> None:
    """Add ``--port-path`` folders (searched before IPLEMU_PORT_PATH's)."""
    for folder in folders:
        path = Path(folder)
        if not folder or not is_directory(path):
            raise InputError(f"--port-path {folder or repr(folder)}: not a directory")
        _added.append(path)


def port_folders() -> list[Path]:
    """The folders whose ``*.yaml`` are ports, in search order."""
    from_variable = []
    for entry in os.environ.get(PORT_PATH_VARIABLE, "").split(":"):
        if entry:
            if not is_directory(Path(entry)):
                raise InputError(f"{PORT_PATH_VARIABLE}: {entry}: not a directory")
            from_variable.append(Path(entry))
    return [*_added, *from_variable, shipped("archs")]


def port_files() -> dict[str, Path]:
    """{port name: its YAML}, the first folder's file winning a name."""
    found: dict[str, Path] = {}
    for folder in port_folders():
        for path in sorted(folder.glob("*.yaml")):
            found.setdefault(path.stem, path)
    return dict(sorted(found.items()))


def available_ports() -> list[str]:
    return list(port_files())


def aliases_of(path: Path) -> tuple[str, ...]:
    """The ``aliases:`` of a port YAML (none when it cannot be read: the
    error is reported when the port itself is loaded)."""
    try:
        changed = os.stat(path).st_mtime_ns
    except (OSError, ValueError):
        return ()
    return _aliases(path, changed)


@lru_cache(maxsize=None)
def _aliases(path: Path, _mtime: int) -> tuple[str, ...]:
    """Read as a port is (load_located): a FIFO, an alias bomb or a
    nesting too deep is refused there, not waited on or recursed into."""
    try:
        data = load_located(path).data
    except InputError:
        return ()
    names = data.get("aliases") if isinstance(data, dict) else None
    return tuple(n for n in names if isinstance(n, str)) if isinstance(names, list) else ()


def find_port(name: str) -> Path:
    """The YAML of the port called ``name`` or aliased so."""
    files = port_files()
    if name in files:
        return files[name]
    for path in files.values():
        if name in aliases_of(path):
            return path
    raise InputError(f"unknown port {name!r} (known: {', '.join(files)}; "
                     f"more with --port-path DIR or {PORT_PATH_VARIABLE})")


def resolve(name_or_path: str) -> Path:
    """A port name, an alias, or a path to a port YAML -> the YAML."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml"):
        return path
    return find_port(name_or_path)


def snippet_root(yaml_path: Path) -> Path:
    """The folder holding ``<port>/`` snippet folders for the YAMLs of
    ``yaml_path``'s folder: the folder itself, kernel_snippets/ for archs/."""
    folder = yaml_path.parent
    archs = shipped("archs")
    if folder.resolve() == archs.resolve():
        return shipped("kernel_snippets")
    return folder


def snippet_candidates(yaml_path: Path, port: str, snippet: str) -> list[Path]:
    """Where a YAML's snippet may be, first choice first: beside the YAML,
    then (a copy of a shipped port's YAML, edited) the shipped port's own."""
    places = [snippet_root(yaml_path) / port / snippet, yaml_path.parent / snippet,
              shipped("kernel_snippets") / port / snippet]
    return list(dict.fromkeys(places))
