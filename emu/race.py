"""`iplemu race`: replay the PR#20390 callout race on a port and judge the
two proposed fixes, by running the port's scenario (kernel_snippets/<port>/
race.S, contract in kernel_snippets/RACE.md) with every interrupt source
injected at every instruction boundary of the dispatch.

A case opens the window when the callout handler touches its owner after
network input freed it (the scenario sets `race_stale`).  The dispatch runs
from IPL_SOFTCLOCK, as NetBSD runs softclock.  What is judged comes from
running the dispatcher, never from the fix it is labelled with: a window
fails every dispatcher but the 2003 code (fix "none", which shows the
race), and the IPL comparison is checked wherever the dispatch calls
`ipl_le`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .assembler import build_image
from .errors import InputError, NotModelledFault
from .events import RunResult
from .explore import record_baseline, run_case
from .machine import DEFAULT_MAX_STEPS, Machine
from .runloop import Injection
from .model import PortModel
from .order import Order, derive_order
from .timeline import exposed_span, timeline

FIXES = ("none", "spllower", "ack")
YOURS = "yours"                            # the label of a dispatcher from --dispatcher
DISPATCHERS = {"none": "race_dispatch_none", "spllower": "race_dispatch_spllower",
               "ack": "race_dispatch_ack"}
REGIONS = (("race_dispatch", "dispatcher"), ("tcp_timer", "callout handler"),
           ("race_touch", "callout handler"), ("handler_softnet", "network input"),
           ("ipl_le", "dispatcher"))
RACER_HANDLER = "handler_softnet"          # network input, the scenario's racer
TOUCHES = ("race_touch", "race_touch_ack")
COMPARE = "ipl_le"                         # the scenario's IPL comparison (fix 1)


@dataclass
class Opening:
    """One (boundary, source) that opens the window."""
    step: int
    address: int
    instruction: str
    line: str | None           # file:line, None where the assembler recorded none
    source: str
    symbol: str | None = None  # symbol+0xN


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
    path: list[int] = field(default_factory=list)   # insns of the dispatch, no interrupt, per latency
    baseline: dict | None = None        # the dispatch with no interrupt, as a timeline

    reference: bool = False             # the port's 2003 dispatcher, run to show the race

    @property
    def fails(self) -> bool:
        """A window (or a wrong comparison) fails every dispatcher but the
        reference; a dispatcher named with --dispatcher never is one."""
        return not self.reference and (self.window or not self.compare_ok)

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
            "path": self.path, "baseline": self.baseline,
            "reference": self.reference, "fails": self.fails,
        }


def scenario_file(port: PortModel) -> Path:
    path = port.race_scenario
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
             order: Order | None = None, max_steps: int = DEFAULT_MAX_STEPS,
             yours: frozenset[int] = frozenset()) -> RaceResult:
    """``fix``: a label (one of FIXES, or YOURS) naming the port's
    dispatcher unless ``dispatcher`` is given; ``yours``: the addresses of
    the user's code, marked in the timelines."""
    port = machine.port
    symbol = dispatcher or DISPATCHERS[fix]
    start = port.priority_of("IPL_SOFTCLOCK")
    result = RaceResult(port.name, fix, symbol, False, 0, 0, machine.write_latencies,
                        reference=dispatcher is None and fix == "none")
    run = machine.call(symbol, [], start, [], max_steps, trace=True)
    compare_at = machine.image.symbols.get(COMPARE)
    if any(step.address == compare_at for step in run.trace):
        result.compare, result.compare_ok = check_compare(machine, order or derive_order(machine))
    first = None
    opened: set[tuple[int, str]] = set()     # (step, source) already in result.openings
    for latency in machine.write_latencies:
        machine.backend.latency = latency
        base = record_baseline(machine, symbol, [], start, max_steps)
        result.path.append(base.result.steps)
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
                    outcome = run_case(machine, base, taken, source, max_steps)
                    if outcome.not_modelled:       # no verdict on the race: one line, exit 2
                        raise NotModelledFault(f"race {port.name}: {symbol} with {source.name} "
                                               f"at step {boundary.step}: {outcome.fault}",
                                               base.at(taken).address)
                    stale[key] = _word(machine, "race_stale") == 1
                    result.runs += 1
                if stale[key]:
                    if first is None:
                        first = (latency, boundary, source)
                    if (boundary.step, source.name) not in opened:
                        opened.add((boundary.step, source.name))
                        at = boundary.address
                        result.openings.append(Opening(
                            boundary.step, at, machine.instruction_text(at),
                            machine.image.line_of(at), source.name, machine.image.symbol_of(at)))
    result.window = bool(result.openings)
    result.baseline = race_timeline(machine, run, yours)
    if first is not None:
        result.counter_example = counter_example(machine, symbol, start, *first, yours)
    return result


def counter_example(machine: Machine, symbol: str, start: int, latency: int, boundary,
                    source, yours: frozenset[int] = frozenset()) -> dict:
    """Replay the first opening case traced; ``boundary`` is where the
    source arrived (before that instruction)."""
    from .runreport import trace_json
    step = boundary.step
    machine.backend.latency = latency
    run = machine.call(symbol, [], start, [Injection(source, step)], trace=True)
    stale_step = _touch_step(machine, run, step)
    return {
        "latency": latency if len(machine.write_latencies) > 1 else None,
        "step": step, "source": source.name,
        "address": boundary.address, "instruction": machine.instruction_text(boundary.address),
        "line": machine.image.line_of(boundary.address),
        "symbol": machine.image.symbol_of(boundary.address), "stale_step": stale_step,
        **trace_json(machine.port, run, step - 3, (stale_step or step) + 3),
        "timeline": {**race_timeline(machine, run, yours), "inject_step": step,
                     "stale_step": stale_step, "source": source.name},
    }


def _touch_step(machine: Machine, run: RunResult, after: int = 0) -> int | None:
    """The step at which the timer touches its owner (after ``after``)."""
    touch = {machine.image.symbols.get(n) for n in TOUCHES} - {None}
    return next((s.step for s in run.trace if s.address in touch and s.step > after), None)


def race_timeline(machine: Machine, run: RunResult, yours: frozenset[int] = frozenset()) -> dict:
    """The run as a timeline (the user's code, at ``yours``, marked as
    such), plus ``window``: [first, last] step from the unlock to the
    timer's own spl, where the priority lets network input in between the
    lock and the timer's touch ([]: it never does; None: the run has no
    lock or no timer to tell)."""
    port = machine.port
    data = timeline(port, machine.image, run, REGIONS, yours)
    racers = [s for s in port.sources if s.handler == RACER_HANDLER]
    steps = data["steps"]
    lock = next((s["step"] for s in steps if all(port.blocks(s["priority"], r) for r in racers)), None)
    end = _touch_step(machine, run)
    if end is None:
        end = max((s["step"] for s in steps if s["region"] == "callout handler"), default=None)
    data["window"] = None          # not decidable: no racer, no lock or no timer run
    if racers and lock is not None and end is not None:
        data["window"] = exposed_span(port, steps, racers, lock, end) or []
    return data


def _race_port(job: tuple) -> list:
    name, fixes, snippet, dispatcher = job
    from .model import load_port
    from .order import derive_order
    machine = race_machine(load_port(name), [snippet] if snippet else [])
    if dispatcher:
        machine.image.symbol(dispatcher)
    yours = machine.image.addresses_from(snippet) if snippet else frozenset()
    order = derive_order(machine) if "spllower" in fixes else None
    return [run_race(machine, fix, dispatcher, order, yours=yours) for fix in fixes]


def race_ports(names: list[str], fixes, snippet=None, dispatcher: str | None = None,
               jobs: int = 1) -> list:
    """Every fix on every named port, the ports on up to ``jobs`` processes;
    results in the order of ``names`` then ``fixes``."""
    from .parallel import map_ports
    per_port = map_ports(_race_port, [(name, tuple(fixes), snippet, dispatcher) for name in names],
                         jobs, "race: ports")
    return [result for results in per_port for result in results]
