"""Read a YAML file into plain Python values while remembering where each
key stood, so that a schema error can name ``file:line`` and the key path.

PyYAML's composer keeps a ``start_mark`` on every node; we walk the node tree
once and record the line of every mapping key and sequence item.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import InputError


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
    try:
        text = path.read_text()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"{where}: YAML syntax error: {problem}") from None
    lines: dict[tuple, int] = {}
    data = _convert(node, (), lines, path) if node is not None else None
    return Located(path, data, lines)


def _convert(node, keypath: tuple, lines: dict, path: Path):
    lines[keypath] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            if key in result:
                raise InputError(f"{path}:{key_node.start_mark.line + 1}: duplicate key {key!r}")
            child = keypath + (key,)
            result[key] = _convert(value_node, child, lines, path)
            lines[child] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, keypath + (i,), lines, path) for i, item in enumerate(node.value)]
    return _scalar(node)


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _scalar(node):
    return _CONSTRUCTOR.construct_object(node, deep=True)
