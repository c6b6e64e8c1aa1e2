"""Facts about NetBSD itself, not about one port: its CPU families of 2003
(netbsd/families.yaml) and what the PR#20390 fixes ask and what shipped
(netbsd/history.yaml).  Each fact carries its `source:`.

``coverage`` says which families the ports in archs/ execute and which
are not executed yet; the list of families is data, never code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .catalog import shipped
from .yamlsource import Located, load_located

NETBSD_DIR = shipped("netbsd")
SOFT_KINDS = ("shared", "distinct")


@dataclass(frozen=True)
class Family:
    name: str
    names: frozenset[str]       # the family, its NetBSD ports and aliases
    ports: tuple[str, ...]      # NetBSD ports (sys/arch/<port>) of this family
    soft: str                   # shared / distinct (softclock vs softnet)
    source: str


@dataclass(frozen=True)
class Coverage:
    executed: list[tuple[Family, list[str]]]   # family, the iplemu ports that run it
    not_yet: list[Family]
    unlisted: list[str]                         # iplemu ports in no listed family
    source: str


def _text(doc: Located, mapping, path: tuple, key: str) -> str:
    value = mapping.get(key) if isinstance(mapping, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise doc.error(path + (key,), "expected a non-empty string")
    return value


@lru_cache(maxsize=None)
def families() -> tuple[list[Family], str]:
    """The families and the source of the list."""
    doc = load_located(NETBSD_DIR / "families.yaml")
    found = []
    for i, entry in enumerate(doc.data.get("families") or []):
        path = ("families", i)
        name = _text(doc, entry, path, "name")
        soft = _text(doc, entry, path, "soft")
        if soft not in SOFT_KINDS:
            raise doc.error(path + ("soft",), f"expected one of {', '.join(SOFT_KINDS)}")
        ports = tuple(entry.get("ports") or ())
        aliases = tuple(entry.get("aliases") or ())
        found.append(Family(name, frozenset((name, *ports, *aliases)), ports, soft,
                            _text(doc, entry, path, "source")))
    if not found:
        raise doc.error(("families",), "expected a list of families")
    return found, _text(doc, doc.data, (), "source")


@lru_cache(maxsize=None)
def history() -> dict:
    """The thread, the fixes and what shipped, as in netbsd/history.yaml."""
    doc = load_located(NETBSD_DIR / "history.yaml")
    data = doc.data if isinstance(doc.data, dict) else {}
    _text(doc, data.get("thread"), ("thread",), "subject")
    for name, fix in (data.get("fixes") or {}).items():
        for key in ("title", "asks", "source"):
            _text(doc, fix, ("fixes", name), key)
    for i, item in enumerate(data.get("shipped") or []):
        for key in ("text", "source"):
            _text(doc, item, ("shipped", i), key)
    return data


def coverage(port_names: list[str]) -> Coverage:
    """Which NetBSD families ``port_names`` (archs/ ports) execute."""
    listed, source = families()
    executed, not_yet = [], []
    for family in listed:
        ours = sorted(p for p in port_names if p in family.names)
        (executed.append((family, ours)) if ours else not_yet.append(family))
    known = set().union(*(f.names for f in listed))
    return Coverage(executed, not_yet, sorted(p for p in port_names if p not in known), source)
