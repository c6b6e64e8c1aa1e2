"""Derive the order of a port's IPLs from injections, and the comparison
the port can implement.

For each IPL, sit at its priority and let each source request once: the
sources whose handler does not run are the ones that IPL blocks.  Those
sets, not the IPL numbers, say what "higher" means.  They form a chain
when inclusion orders them totally; names with the same set are aliases.
Each candidate comparison (a numeric compare of the priority field, a
subset test of masks, the intr.h numbers either way) is then checked
against the observed order for every pair of IPLs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable
from itertools import combinations

from .machine import Machine
from .model import PortModel


@dataclass
class Candidate:
    """A comparison an implementation could use: ``a <= b`` meaning
    'a blocks no more than b'."""
    name: str
    expression: str
    agrees: bool
    counter: str | None = None    # the first pair where it disagrees
    test: Callable[[str, str], bool] | None = None   # (IPL name a, IPL name b) -> a <= b


@dataclass
class Order:
    port: str
    blocks: dict[str, frozenset[str]]          # IPL name -> sources it blocks
    cases: int                                 # probes run (IPL x source)
    aliases: list[list[str]]                   # groups with one blocked set
    chain: bool
    incomparable: list[tuple[str, str]]
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def comparison(self) -> Candidate | None:
        """The first candidate that agrees for every pair, or None."""
        return next((c for c in self.candidates if c.agrees), None)

    def relation(self, a: str, b: str) -> str:
        """'<', '=', '>' or 'incomparable' by the observed blocked sets."""
        sa, sb = self.blocks[a], self.blocks[b]
        if sa == sb:
            return "="
        if sa < sb:
            return "<"
        if sa > sb:
            return ">"
        return "incomparable"


def observed_blocks(machine: Machine) -> tuple[dict[str, frozenset[str]], int]:
    port = machine.port
    blocks, cases = {}, 0
    for ipl in port.ipls.values():
        live = port.priority.of_spl(ipl.spl)
        blocked = set()
        for source in port.sources:
            result = machine.probe(live, source)
            cases += 1
            if not any(e.source == source.name for e in result.of_kind("handler")):
                blocked.add(source.name)
        blocks[ipl.name] = frozenset(blocked)
    return blocks, cases


PARTIAL = {"subset", "superset"}   # candidates that may answer 'neither' for a pair


def _candidates(port: PortModel) -> list[tuple[str, str, Callable[[str, str], bool]]]:
    hi, lo = port.priority.spl_bits
    mask = ((1 << (hi - lo + 1)) - 1) << lo
    field = lambda ipl: (port.ipls[ipl].spl & mask) >> lo
    found = []
    if port.priority.kind == "level":
        side = (lambda v: f"({v} & {mask:#x})") if lo == 0 else (lambda v: f"(({v} & {mask:#x}) >> {lo})")
        found.append(("field", f"{side('a')} <= {side('b')}", lambda a, b: field(a) <= field(b)))
    elif port.priority.invert:   # spl values list the sources let through
        found.append(("superset", "(b & ~a) == 0",
                      lambda a, b: port.ipls[b].spl & ~port.ipls[a].spl == 0))
    else:
        found.append(("subset", "(a & ~b) == 0",
                      lambda a, b: port.ipls[a].spl & ~port.ipls[b].spl == 0))
        found.append(("numeric", "(unsigned) a <= b",
                      lambda a, b: port.ipls[a].spl <= port.ipls[b].spl))
    found.append(("intr.h up", "IPL_a <= IPL_b", lambda a, b: port.ipls[a].value <= port.ipls[b].value))
    found.append(("intr.h down", "IPL_a >= IPL_b", lambda a, b: port.ipls[a].value >= port.ipls[b].value))
    return found


def derive_order(machine: Machine) -> Order:
    port = machine.port
    blocks, cases = observed_blocks(machine)
    groups: dict[frozenset, list[str]] = {}
    for name, blocked in blocks.items():
        groups.setdefault(blocked, []).append(name)
    names = list(blocks)
    incomparable = [(a, b) for a, b in combinations(names, 2)
                    if not (blocks[a] <= blocks[b] or blocks[b] <= blocks[a])]
    order = Order(port.name, blocks, cases, [g for g in groups.values() if len(g) > 1],
                  not incomparable, incomparable)
    for name, expression, test in _candidates(port):
        counter = next((why for a in names for b in names
                        if (why := _disagreement(blocks, test, a, b, name in PARTIAL))), None)
        order.candidates.append(Candidate(name, expression, counter is None, counter, test))
    return order


def _disagreement(blocks, test, a: str, b: str, partial: bool) -> str | None:
    """Why ``test`` cannot serve as the comparison on the pair (a, b), or
    None.  It must refine the observed order: a pair that blocks strictly
    fewer sources must compare strictly lower; a pair with the same blocked
    set may compare either way (no modelled source lies between them).  An
    incomparable pair defeats every total order; a partial test (subset)
    must then answer 'neither'."""
    sa, sb = blocks[a], blocks[b]
    if sa < sb and not (test(a, b) and not test(b, a)):
        return f"{a} blocks fewer sources than {b}, but the expression does not put it lower"
    if not (sa <= sb or sb <= sa):
        if not partial:
            return f"{a} and {b} block incomparable sets: no total order fits"
        if test(a, b) or test(b, a):
            return f"{a} and {b} block incomparable sets, but the expression orders them"
    return None
