"""`iplemu race`: replay the PR#20390 callout race on a port and judge the
two proposed fixes, by running the port's scenario (kernel_snippets/<port>/
race.S, contract in kernel_snippets/RACE.md) with every interrupt source
injected at every instruction boundary of the dispatch.

A case opens the window when the callout handler touches its owner after
network input freed it (the scenario sets `race_stale`).  The dispatch runs
from IPL_SOFTCLOCK, as NetBSD runs softclock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .assembler import Image, build_image
from .errors import InputError
from .events import RunResult
from .explore import record_baseline, run_case
from .machine import DEFAULT_MAX_STEPS, Injection, Machine
from .model import SNIPPETS_DIR, PortModel
from .order import Order, derive_order

FIXES = ("none", "spllower", "ack")
DISPATCHERS = {"none": "race_dispatch_none", "spllower": "race_dispatch_spllower",
               "ack": "race_dispatch_ack"}
REGIONS = (("race_dispatch", "dispatcher"), ("tcp_timer", "callout handler"),
           ("race_touch", "callout handler"), ("handler_softnet", "network input"))


@dataclass
class Opening:
    """One (boundary, source) that opens the window."""
    step: int
    address: int
    instruction: str
    line: str | None
    source: str


@dataclass
class RaceResult:
    port: str
    fix: str
    dispatcher: str
    window: bool
    cases: int
    runs: int
    latencies: tuple[int, ...]
    openings: list[Opening] = field(default_factory=list)
    counter_example: dict | None = None
    compare: str | None = None          # fix 1: the IPL comparison it relies on, checked
    compare_ok: bool = True

    @property
    def width(self) -> int:
        """Instruction boundaries at which some source opens the window."""
        return len({o.step for o in self.openings})

    def to_json(self) -> dict:
        return {
            "port": self.port, "fix": self.fix, "dispatcher": self.dispatcher,
            "window": self.window, "cases": self.cases, "runs": self.runs,
            "latencies": list(self.latencies), "width": self.width,
            "openings": [o.__dict__ for o in self.openings],
            "counter_example": self.counter_example,
            "compare": self.compare, "compare_ok": self.compare_ok,
        }


def scenario_file(port: PortModel) -> Path:
    path = SNIPPETS_DIR / port.name / "race.S"
    if not path.exists():
        raise InputError(f"{port.name}: no race scenario ({path}; see kernel_snippets/RACE.md)")
    return path


def race_machine(port: PortModel, extra: list[Path] = ()) -> Machine:
    return Machine(port, build_image(port, [scenario_file(port), *extra]))


def _word(machine: Machine, symbol: str) -> int:
    return machine.read_word(machine.image.symbol(symbol))


def check_compare(machine: Machine, order: Order) -> tuple[str, bool]:
    """Does the scenario's ipl_le agree with the comparison derived from
    the injections, for every pair of IPLs?"""
    port = machine.port
    best = order.comparison
    if best is None:
        return "the port has no IPL comparison: fix 1 cannot refuse a callout IPL", False
    names = list(port.ipls)
    for a in names:
        for b in names:
            got = machine.call("ipl_le", [port.ipls[a].spl, port.ipls[b].spl], 0).returned & 1
            if bool(got) != best.test(a, b):
                return f"ipl_le({a}, {b}) = {got}, but {best.expression} says {int(best.test(a, b))}", False
    return f"ipl_le agrees with {best.expression} on all {len(names) ** 2} IPL pairs", True


def run_race(machine: Machine, fix: str, dispatcher: str | None = None,
             order: Order | None = None, max_steps: int = DEFAULT_MAX_STEPS) -> RaceResult:
    port = machine.port
    symbol = dispatcher or DISPATCHERS[fix]
    start = port.priority_of("IPL_SOFTCLOCK")
    result = RaceResult(port.name, fix, symbol, False, 0, 0, machine.write_latencies)
    if fix == "spllower":
        result.compare, result.compare_ok = check_compare(machine, order or derive_order(machine))
    first = None
    opened: set[tuple[int, str]] = set()     # (step, source) already in result.openings
    for latency in machine.write_latencies:
        machine.backend.latency = latency
        base = record_baseline(machine, symbol, [], start, max_steps)
        if _word(machine, "owner_refs") != 1 and _word(machine, "race_refused") == 0:
            raise InputError(f"{port.name}: {symbol} did not run its callout once with no "
                             f"interrupt (owner_refs = {_word(machine, 'owner_refs')})")
        stale: dict[tuple[int, str], bool] = {}
        for boundary in base.boundaries:
            for source in port.sources:
                result.cases += 1
                taken = base.first_acceptance(boundary.step, source)
                if taken is None:
                    continue
                key = (taken, source.name)
                if key not in stale:
                    run_case(machine, base, taken, source, max_steps)
                    stale[key] = _word(machine, "race_stale") == 1
                    result.runs += 1
                if stale[key]:
                    if first is None:
                        first = (latency, boundary, source)
                    if (boundary.step, source.name) not in opened:
                        opened.add((boundary.step, source.name))
                        _, text = machine.backend.disassemble(boundary.address)
                        result.openings.append(Opening(boundary.step, boundary.address, text,
                                                       machine.image.line_of(boundary.address),
                                                       source.name))
    result.window = bool(result.openings)
    if first is not None:
        result.counter_example = counter_example(machine, symbol, start, *first)
    return result


def counter_example(machine: Machine, symbol: str, start: int, latency: int, boundary,
                    source) -> dict:
    """Replay the first opening case traced; ``boundary`` is where the
    source arrived (before that instruction)."""
    from .runreport import trace_lines
    step = boundary.step
    machine.backend.latency = latency
    run = machine.call(symbol, [], start, [Injection(source, step)], trace=True)
    touch = {machine.image.symbols.get(n) for n in ("race_touch", "race_touch_ack")} - {None}
    stale_step = next((s.step for s in run.trace if s.address in touch and s.step > step), None)
    _, text = machine.backend.disassemble(boundary.address)
    return {
        "latency": latency if len(machine.write_latencies) > 1 else None,
        "step": step, "source": source.name,
        "address": boundary.address, "instruction": text,
        "line": machine.image.line_of(boundary.address), "stale_step": stale_step,
        "trace": trace_lines(machine.port, run, step - 3, (stale_step or step) + 3),
        "timeline": timeline(machine.port, machine.image, run, step, stale_step),
    }


def _region_of(image: Image, spl_symbols: set[str]):
    """address -> the kind of code there, by the symbol it falls under."""
    labels = sorted((addr, name) for name, addr in image.symbols.items())

    def region(address: int) -> str:
        name = None
        for addr, label in labels:
            if addr > address:
                break
            name = label
        if name is None:
            return "other"
        for prefix, kind in REGIONS:
            if name.startswith(prefix):
                return kind
        if name in spl_symbols:
            return "spl routine"
        if name.startswith(("Xintr_", "Xresume", "Xdoreti", "Xspllower", "Xbody_")) or name.startswith("handler_"):
            return "interrupt"
        return "other"
    return region


def timeline(port: PortModel, image: Image, run: RunResult, inject_step: int,
             stale_step: int | None) -> dict:
    """Plain data for the pictures: per step the priority and the code
    running, plus where the injection was taken and the stale access."""
    region = _region_of(image, {r.symbol for r in port.routines.values()})
    taken = next((e.step for e in run.of_kind("taken")), None)
    return {
        "steps": [{"step": s.step, "priority": s.priority, "region": region(s.address)}
                  for s in run.trace],
        "priority_before": run.priority_before,
        "inject_step": inject_step, "taken_step": taken, "stale_step": stale_step,
        "source": next((e.source for e in run.of_kind("inject")), None),
    }
