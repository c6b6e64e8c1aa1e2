"""A traced run as plain data for the pictures (ASCII in text and mail,
SVG): per instruction the priority after it, the kind of code running, the
instruction and its file:line; per boundary the events (a source
requested, taken by the CPU, pended by the port's software, its handler
run directly or replayed, the interrupt returning).

Step n is the n-th instruction; an event at boundary b happened after
instruction b (before b + 1).
"""

from __future__ import annotations

from .assembler import Image
from .events import RunResult
from .model import PortModel

#: event kinds the pictures mark (priority changes are the lanes themselves)
YOUR_CODE = "your code"                    # the region of code from the user's file
MARKED = ("inject", "taken", "pended", "handler", "return")
INTERRUPT_PREFIXES = ("Xintr_", "Xresume", "Xdoreti", "Xspllower", "Xbody_", "handler_")


def region_of(image: Image, spl_symbols: set[str], regions: tuple[tuple[str, str], ...] = ()):
    """address -> the kind of code there, by the symbol it falls under:
    the first of ``regions`` (symbol prefix, kind) that matches, else 'spl
    routine', 'interrupt' or 'other'."""
    labels = sorted((addr, name) for name, addr in image.symbols.items())

    def region(address: int) -> str:
        name = None
        for addr, label in labels:
            if addr > address:
                break
            name = label
        if name is None:
            return "other"
        for prefix, kind in regions:
            if name.startswith(prefix):
                return kind
        if name in spl_symbols:
            return "spl routine"
        if name.startswith(INTERRUPT_PREFIXES):
            return "interrupt"
        return "other"
    return region


def timeline(port: PortModel, image: Image, run: RunResult,
             regions: tuple[tuple[str, str], ...] = (), yours: frozenset[int] = frozenset()) -> dict:
    """The run (traced) as a dict: steps, events, the priority before;
    instructions at ``yours`` (the user's file) are 'your code'."""
    region = region_of(image, {r.symbol for r in port.routines.values()}, regions)
    return {
        "steps": [{"step": s.step, "priority": s.priority,
                   "region": YOUR_CODE if s.address in yours else region(s.address),
                   "text": s.text, "line": s.line, "symbol": s.symbol} for s in run.trace],
        "events": [{"step": e.step, "kind": e.kind, "source": e.source, "detail": e.detail}
                   for e in run.events if e.kind in MARKED],
        "priority_before": run.priority_before,
    }


def exposed_span(port: PortModel, steps: list[dict], racers: list, start: int = 0,
                 end: int | None = None) -> list[int] | None:
    """[first, last] step in (start, end) at which the priority lets some
    of ``racers`` (model Sources) in, or None."""
    open_steps = [s["step"] for s in steps
                  if s["step"] > start and (end is None or s["step"] < end)
                  and not all(port.blocks(s["priority"], r) for r in racers)]
    return [open_steps[0], open_steps[-1]] if open_steps else None
