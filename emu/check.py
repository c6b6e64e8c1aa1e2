"""`iplemu check`: the four properties of an spl routine, decided by
injecting every source at every instruction boundary of every IPL pair.

exact      the priority after return is the one promised (raise: the
           higher of from and to; lower and restore: to), and settled
no_window  no source runs before the return while the priority must still
           block it (blocked by both `from` and the promised result), nor
           at the return boundary while the result blocks it
no_lost    every source the result does not block that arrived during the
           routine has run its handler by the time the routine returns
nesting    every interrupt taken returns to the priority it interrupted, and
           the routine's result and final priority are what they are
           without it

Every verdict counts its cases; a failing one carries a CounterExample
(port, routine, from/to, boundary, source, what went wrong, a trace).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from .explore import Baseline, Outcome, record_baseline, record_nested, run_case
from .machine import DEFAULT_MAX_STEPS, SENTINEL, Injection, Machine
from .model import PortModel, Source

PROPERTIES = ("exact", "no_window", "no_lost", "nesting")
TRACE_CONTEXT = (4, 24)   # trace lines before / after the boundary in a counter-example


@dataclass(frozen=True)
class Level:
    """One distinct live priority, named by its first IPL (aliases kept)."""
    name: str
    aliases: tuple[str, ...]
    live: int
    spl: int


@dataclass
class CounterExample:
    port: str
    routine: str
    from_ipl: str
    to_ipl: str
    latency: int | None
    step: int
    address: int
    instruction: str
    line: str | None
    source: str | None
    what: str
    trace: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Verdict:
    prop: str
    cases: int = 0
    counter_example: CounterExample | None = None

    @property
    def holds(self) -> bool:
        return self.counter_example is None


@dataclass
class RoutineCheck:
    routine: str
    symbol: str
    kind: str
    pairs: int
    latencies: tuple[int, ...]
    boundaries: int            # instruction boundaries explored, summed over pairs and latencies
    runs: int                  # emulator runs after merging equivalent cases
    common_path: int           # instructions of the call on its common path (median pair)
    atomic: bool               # the priority changes in one instruction, once
    verdicts: dict[str, Verdict]

    @property
    def holds(self) -> bool:
        return all(v.holds for v in self.verdicts.values())


def distinct_levels(port: PortModel) -> list[Level]:
    """One Level per distinct live priority, in YAML order."""
    seen: dict[int, list[str]] = {}
    spl_of: dict[int, int] = {}
    for ipl in port.ipls.values():
        live = port.priority.of_spl(ipl.spl)
        seen.setdefault(live, []).append(ipl.name)
        spl_of.setdefault(live, ipl.spl)
    return [Level(names[0], tuple(names), live, spl_of[live]) for live, names in seen.items()]


def promised(port: PortModel, kind: str, before: int, target: int) -> int:
    """The live priority a routine of ``kind`` promises after return."""
    if kind != "raise":
        return target
    if port.priority.kind == "mask":
        return before | target
    return max(before, target)


def applies(port: PortModel, kind: str, frm: Level, to: Level) -> bool:
    """A lower is asked to lower (or keep) the priority; raise and restore
    take every pair (a raise asked to go down must not)."""
    if kind != "lower":
        return True
    if port.priority.kind == "mask":
        return to.live & ~frm.live == 0
    return to.live <= frm.live


class _Checker:
    def __init__(self, machine: Machine, routine: str, symbol: str, kind: str, max_steps: int,
                 depth: int = 1):
        self.machine = machine
        self.depth = depth
        self.port = machine.port
        self.routine, self.symbol, self.kind = routine, symbol, kind
        self.max_steps = max_steps
        self.verdicts = {p: Verdict(p) for p in PROPERTIES}
        self.boundaries = 0
        self.runs = 0
        self.path_lengths: list[int] = []
        self.changes: list[int] = []

    def fail(self, prop, frm, to, latency, step, source, what, injections, address):
        verdict = self.verdicts[prop]
        if verdict.counter_example is None:
            verdict.counter_example = self.counter_example(frm, to, latency, step, source, what,
                                                           injections, address)

    def counter_example(self, frm: Level, to: Level, latency, step, source, what, injections,
                        address: int):
        """Replay the case traced; ``address`` is the boundary's instruction
        (the one the source arrived before)."""
        from .runreport import trace_lines
        machine = self.machine
        machine.backend.latency = latency
        argument = self.port.argument_for(self.symbol, to.name)
        result = machine.call(self.symbol, [argument], frm.live, injections, self.max_steps, trace=True)
        _, text = machine.backend.disassemble(address)
        if address == SENTINEL:
            text = "(the return)"
        lo, hi = step + 1 - TRACE_CONTEXT[0], step + 1 + TRACE_CONTEXT[1]
        return CounterExample(
            port=self.port.name, routine=self.routine, from_ipl=frm.name, to_ipl=to.name,
            latency=latency if len(machine.write_latencies) > 1 else None, step=step,
            address=address, instruction=text, line=machine.image.line_of(address),
            source=source.name if source else None, what=what,
            trace=trace_lines(self.port, result, lo, hi))

    def check_pair(self, frm: Level, to: Level, latency: int, memo: dict):
        """``memo`` holds case outcomes shared by every write latency of this
        pair: after the delivery no other source requests, so the latency
        (which only decides acceptance) cannot change what a case does; and
        the baseline's path, which the snapshots come from, does not depend
        on it either.  Where a case is delivered does, and is found anew."""
        port, machine = self.port, self.machine
        argument = port.argument_for(self.symbol, to.name)
        base = record_baseline(machine, self.symbol, [argument], frm.live, self.max_steps)
        result = base.result
        want = promised(port, self.kind, frm.live, to.live)
        last = len(base.boundaries) - 1          # the boundary at the return
        self.boundaries += len(base.boundaries)
        self.path_lengths.append(result.steps)
        self.changes.append(len(result.of_kind("priority")))
        exact = self.verdicts["exact"]
        exact.cases += 1
        if result.priority_after != want or result.settling_after:
            what = (f"returned at {port.priority_label(result.priority_after)}, "
                    f"promised {port.priority_label(want)}")
            if result.settling_after:
                what += f"; the priority write takes effect {result.settling_after} insns after return"
            self.fail("exact", frm, to, latency, last, None, what, [], base.boundaries[-1].address)
        delivered = memo.setdefault("depth 1", {})
        for boundary in base.boundaries:
            for source in port.sources:
                self.one_case(frm, to, latency, base, boundary.step, source, want, last,
                              delivered, [])
        if self.depth >= 2:
            for taken_at, first_name in list(delivered):
                first = port.source(first_name)
                nested = record_nested(machine, base, taken_at, first, self.max_steps)
                self.boundaries += len(nested.boundaries)
                # a first source taken at the return boundary runs after the
                # routine: everything nested in it is after the return too
                nested_last = nested.boundaries[-1].step if taken_at < last else -1
                inner = memo.setdefault((taken_at, first_name), {})
                earlier = [Injection(first, taken_at)]
                for boundary in nested.boundaries:
                    for source in port.sources:
                        self.one_case(frm, to, latency, nested, boundary.step, source, want,
                                      nested_last, inner, earlier)

    def one_case(self, frm, to, latency, base: Baseline, step: int, source: Source, want: int,
                 last: int, memo, earlier: list[Injection]):
        """One (boundary, source) case; ``last`` is the boundary at the
        routine's return, ``earlier`` the injections before it (depth 2)."""
        port, machine = self.port, self.machine
        taken_at = base.first_acceptance(step, source)
        outcome = None
        if taken_at is not None:
            key = (taken_at, source.name)
            outcome = memo.get(key)
            if outcome is None:
                outcome = memo[key] = run_case(machine, base, taken_at, source, self.max_steps)
                self.runs += 1
        ran = outcome is not None and any(name == source.name for name, _ in outcome.handlers)
        before_return = ran and taken_at < last
        injections = earlier + [Injection(source, step)]
        address = base.at(step).address
        blocked_after = port.blocks(want, source)
        in_floor = blocked_after and port.blocks(frm.live, source)

        window = self.verdicts["no_window"]
        window.cases += 1
        if before_return and in_floor:
            self.fail("no_window", frm, to, latency, step, source,
                      f"{source.name} (at {source.ipl}) ran before the return although both "
                      f"{frm.name} and the result block it", injections, address)
        elif ran and not before_return and blocked_after:
            self.fail("no_window", frm, to, latency, step, source,
                      f"{source.name} ran at the return boundary although the result "
                      f"{port.priority_label(want)} blocks it", injections, address)

        if step < last and not blocked_after:
            lost = self.verdicts["no_lost"]
            lost.cases += 1
            if not before_return:
                why = ("the CPU never took it" if outcome is None else
                       "it was pended and never replayed" if not ran else "it ran only after the return")
                self.fail("no_lost", frm, to, latency, step, source,
                          f"{source.name} arrived at step {step}, is not blocked by the result "
                          f"{port.priority_label(want)}, and had not run at the return: {why}",
                          injections, address)

        if outcome is not None:
            nesting = self.verdicts["nesting"]
            nesting.cases += 1
            result = base.result
            problem = outcome.bad_return
            if problem is None and outcome.priority_after != result.priority_after:
                problem = (f"the routine ended at {port.priority_label(outcome.priority_after)} "
                           f"instead of {port.priority_label(result.priority_after)}")
            if problem is None and port.returns_value(self.symbol) \
                    and outcome.returned != result.returned:
                problem = f"the routine returned {outcome.returned:#x} instead of {result.returned:#x}"
            if problem:
                self.fail("nesting", frm, to, latency, step, source, problem, injections, address)


def check_routine(machine: Machine, routine: str, symbol: str, kind: str,
                  max_steps: int = DEFAULT_MAX_STEPS, depth: int = 1,
                  only: list[str] | None = None) -> RoutineCheck:
    """``only``: explore just these IPL names (as from and to); default all."""
    port = machine.port
    checker = _Checker(machine, routine, symbol, kind, max_steps, depth)
    levels = distinct_levels(port)
    if only:
        levels = [lv for lv in levels if set(lv.aliases) & set(only)]
    pairs = [(f, t) for f in levels for t in levels if applies(port, kind, f, t)]
    latencies = machine.write_latencies
    for frm, to in pairs:
        memo: dict = {}
        for latency in latencies:
            machine.backend.latency = latency
            checker.check_pair(frm, to, latency, memo)
    lengths = sorted(checker.path_lengths)
    return RoutineCheck(
        routine=routine, symbol=symbol, kind=kind, pairs=len(pairs), latencies=latencies,
        boundaries=checker.boundaries, runs=checker.runs,
        common_path=lengths[len(lengths) // 2] if lengths else 0,
        atomic=max(checker.changes, default=0) <= 1,
        verdicts=checker.verdicts)


@dataclass
class PortCheck:
    port: str
    routines: list[RoutineCheck]
    seconds: float
    depth: int = 1

    @property
    def cases(self) -> int:
        return sum(v.cases for r in self.routines for v in r.verdicts.values())

    @property
    def holds(self) -> bool:
        return all(r.holds for r in self.routines)


def check_port(machine: Machine, routines: list[tuple[str, str, str]],
               max_steps: int = DEFAULT_MAX_STEPS, depth: int = 1,
               only: list[str] | None = None) -> PortCheck:
    """``routines``: (name, symbol, kind) triples."""
    start = time.perf_counter()
    checks = [check_routine(machine, name, symbol, kind, max_steps, depth, only)
              for name, symbol, kind in routines]
    return PortCheck(machine.port.name, checks, time.perf_counter() - start, depth)
