"""Read a YAML file into plain Python values while remembering where each
key stood, so that a schema error can name ``file:line`` and the key path.

PyYAML's composer keeps a ``start_mark`` on every node; we walk the node tree
once and record the line of every mapping key and sequence item.  The text
must be UTF-8 and may not use aliases (``*name``: a port file has no need
for them, and nested ones expand exponentially); keys are plain scalars.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import InputError
from .userfiles import file_problem


#: libyaml's parser when PyYAML was built with it (about 14 times faster
#: than the pure-Python one, which every command pays on every port it loads)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Located:
    """A loaded document plus the line of every path in it."""

    def __init__(self, path: Path, data, lines: dict[tuple, int]):
        self.path = path
        self.data = data
        self._lines = lines

    def line(self, keypath: tuple) -> int:
        """Line (1-based) of ``keypath``; falls back to the nearest parent."""
        while keypath not in self._lines and keypath:
            keypath = keypath[:-1]
        return self._lines.get(keypath, 1)

    def error(self, keypath: tuple, message: str) -> InputError:
        return InputError(f"{self.path}:{self.line(keypath)}: {dotted(keypath)}: {message}")


def dotted(keypath: tuple) -> str:
    """('sources', 2, 'level') -> 'sources[2].level'."""
    text = ""
    for part in keypath:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def load_located(path: Path) -> Located:
    """Parse ``path``; a YAML syntax error becomes a one-line InputError."""
    return parse_located(path, read_source(path))


def read_source(path: Path) -> bytes:
    """The bytes of ``path``, a regular file; anything else is one line."""
    problem = file_problem(path)
    if problem:
        raise InputError(f"{path}: {problem}")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None


def parse_located(path: Path, raw: bytes) -> Located:
    """Parse ``raw``, the text of ``path`` (named in every error)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError(f"{path}:{line}: not UTF-8 text (byte 0x{raw[exc.start]:02x})") from None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"{where}: YAML syntax error: {problem}") from None
    lines: dict[tuple, int] = {}
    try:
        data = _convert(node, (), lines, path, set()) if node is not None else None
    except _Alias as alias:   # the first alias met is the first in the text
        line = next(e.start_mark.line + 1 for e in yaml.parse(text, Loader=_LOADER)
                    if isinstance(e, yaml.AliasEvent))
        raise InputError(f"{path}:{line}: {dotted(alias.keypath)}: YAML aliases (*name) are "
                         f"not allowed; write the value out") from None
    return Located(path, data, lines)


class _Alias(Exception):
    """A node met a second time: an alias, at ``keypath``."""

    def __init__(self, keypath: tuple):
        super().__init__(keypath)
        self.keypath = keypath


def _convert(node, keypath: tuple, lines: dict, path: Path, seen: set[int], line: int | None = None):
    """Plain values of ``node``; ``seen`` holds the nodes met so far (an
    alias is a node met twice), ``line`` where this value was written."""
    line = line or node.start_mark.line + 1
    lines.setdefault(keypath, line)
    if id(node) in seen:
        raise _Alias(keypath)
    seen.add(id(node))
    if isinstance(node, yaml.CollectionNode) and node.tag not in _PLAIN_COLLECTIONS:
        raise InputError(f"{path}:{line}: {dotted(keypath)}: YAML tag {node.tag!r} is not allowed")
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise InputError(f"{path}:{key_line}: {dotted(keypath)}: a key must be a plain name")
            key = _scalar(key_node, path)
            if not isinstance(key, (str, int)):
                key = str(key)
            if key in result:
                raise InputError(f"{path}:{key_line}: duplicate key {key!r}")
            child = keypath + (key,)
            lines[child] = key_line
            result[key] = _convert(value_node, child, lines, path, seen, key_line)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, keypath + (i,), lines, path, seen) for i, item in enumerate(node.value)]
    return _scalar(node, path)


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_PLAIN_COLLECTIONS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


def _scalar(node, path: Path):
    try:
        return _CONSTRUCTOR.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"{path}:{node.start_mark.line + 1}: YAML error: {problem}") from None
    except Exception:   # noqa: BLE001 -- an explicit tag on text it cannot take:
        # PyYAML's constructors raise ValueError (!!int 'zz'), KeyError (!!bool 'maybe'),
        # IndexError (!!int ''), AttributeError (!!timestamp 'x') ...
        kind = node.tag.rsplit(":", 1)[-1]
        raise InputError(f"{path}:{node.start_mark.line + 1}: YAML error: {node.value!r} "
                         f"is not a valid {kind}") from None
    finally:
        # construct_object remembers every node it built (PyYAML's
        # construct_document forgets them after each document; we call it
        # per scalar): without this, every load kept its nodes for good,
        # ~120 KB per port file, 780 MB in a fuzz harness after 6,000 loads
        _CONSTRUCTOR.constructed_objects.clear()
        _CONSTRUCTOR.recursive_objects.clear()
