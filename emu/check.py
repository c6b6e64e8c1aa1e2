"""`iplemu check`: the whole contract of an spl routine, decided by
injecting every source at every instruction boundary of every IPL pair
(and, at depth 2, a second source at every boundary after the first).

What a caller of an spl routine relies on, one property each:

exact             the priority after return is the one promised (raise: the
                  higher of from and to; lower, restore and set: to; a set
                  routine takes no argument and goes to its one IPL from
                  every priority), and settled
                  (a pending write of the value already in effect is not
                  settling)
no_window         no source runs before the return while the priority must
                  still block it (blocked by both `from` and the promised
                  result), nor at the return boundary while the result blocks it
no_lost           every source the result does not block that arrived during
                  the routine has run its handler by the return.  The return
                  boundary counts as "by the return": a source taken after
                  the routine's last instruction and before the caller's first
                  is, for the caller, one taken just before (so a sparc
                  `wr %psr; nop; retl; nop` holds at write latency 3)
nesting           every interrupt taken returns to the priority it
                  interrupted, and the routine's final priority (and its
                  result, unless it is void) is what it is without it
returns_previous  raise, lower and set return an spl value whose priority
                  field is the priority at entry (not for `returns: none`)
preserves         at return the ABI's preserved registers, the caller's stack
                  pointer, the CPU state bits (abi.state: mode, interrupt
                  enable, window pointer...) and the caller's frame (beyond
                  its arguments and abi.stack_reserve, with the reserve's
                  abi.stack_reserve_kept words) are what they were at
                  entry; a call no interrupt enters leaves the kernel's
                  data (the port's snippets') but the priority and pending
                  words as loaded, and with interrupts the routine changes
                  none of it itself (what changes while an interrupt or a
                  handler runs is theirs: explore._RoutineWrites)
handler_priority  every handler, taken directly or replayed from pending,
                  starts at a priority that blocks everything its own IPL
                  blocks (so at least its own source)
served_once       every request the CPU took has run its handler after it, or
                  is still pending (its bit set in the pending word) and
                  blocked by the result; no handler runs more often than its
                  source was taken; the pending word holds nothing else
no_fault          no case (the routine, its interrupt paths, its replays)
                  faults, traps, halts or runs away
defined_only      nothing depends on what the ABI leaves undefined: every
                  case ends the same when the scratch registers and bits
                  (the condition codes among them; for a baseline also the
                  free stack beyond the stack pointer and the stack_reserve
                  on the caller's side of it) start with a pattern
                  and when they start with its complement (a case flips
                  only what no instruction wrote since the call)
interrupt_transparent
                  every interrupt gives the interrupted code back all its
                  registers (the ABI's and the condition codes) as they were
                  when it was taken: a stub or replay path that clobbers one
                  fails even where the routine never reads it again

A case is (IPL pair, write latency, boundary, source) at depth 1, and the
same after a first source taken at some boundary at depth 2.  Every verdict
counts its cases; a failing one carries the simplest counter-example found
(fewest injections, then a pair where the priority really changes, then the
earliest boundary), replayed with a full trace.
"""

from __future__ import annotations

import math
import os
import time
from contextlib import closing
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from .errors import GuestFault, RunError
from .events import RunResult
from .explore import Baseline, Outcome, States, record_baseline, record_nested, run_case
from .machine import CALLER_FRAME, DEFAULT_MAX_STEPS, SENTINEL, Injection, Machine
from .model import PortModel, Source
from .portnumbers import spl_value_problem

PROPERTIES = ("exact", "no_window", "no_lost", "nesting", "returns_previous", "preserves",
              "handler_priority", "served_once", "no_fault", "defined_only",
              "interrupt_transparent")
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
    """One failing case, replayed with a trace.  ``step``, ``address``,
    ``instruction``, ``line`` (file:line or None), ``symbol`` and ``source``
    describe the last injection (the boundary where the case's source
    arrived); ``injections`` lists every injection of the case in order (two
    at depth 2).  ``run`` is the replay around that boundary (its steps and
    events); ``fault`` the one-line error where the replay faulted."""
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
    symbol: str | None = None
    run: RunResult | None = None
    fault: str | None = None
    injections: list[dict] = field(default_factory=list)
    timeline: dict | None = None     # the case replayed, for pictures (emu/timeline.py)

    def to_json(self, port: PortModel) -> dict:
        """The fields, and the replay's steps and events as ``run`` prints them."""
        from .runreport import trace_json
        data = {k: v for k, v in self.__dict__.items() if k != "run"}
        return {**data, **(trace_json(port, self.run) if self.run else {"trace": [], "events": []})}


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
    argument: str              # what it was called with (model.ARGUMENT_KINDS)
    pairs: int
    latencies: tuple[int, ...]
    boundaries: int            # instruction boundaries explored, summed over pairs and latencies
    runs: int                  # emulator runs after merging equivalent cases
    common_path: int           # instructions of the call on its common path (median pair)
    atomic: bool               # the priority changes in one instruction, once
    verdicts: dict[str, Verdict]
    returns_value: bool = True
    states: int = 0            # distinct states explored (depth 2 and beyond), summed over pairs
    merges: int = 0            # runs that reached an explored state and took its continuation
    deepest: int = 1           # the most injections in one case explored
    ipl: str | None = None     # the IPL a set routine goes to

    @property
    def holds(self) -> bool:
        return all(v.holds for v in self.verdicts.values())


class StateBound(RunError):
    """An exploration reached ``--max-states`` distinct states in one IPL
    pair, or its process ``--max-memory``: it stops with no verdict (exit
    2), never a partial "holds"."""


def default_max_memory() -> int:
    """MiB one check may hold: half the machine's memory, at most 8 GiB.
    Deep nesting keeps a snapshot of every boundary of every run still
    being explored (m68k's non-maskable level 7 nests in itself until
    the stack runs out: ~450 KiB a state at --depth all), so the state
    bound alone does not bound memory."""
    physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") >> 20
    return min(8192, physical // 2)


def resident_mib() -> int:
    """This process's resident memory (Linux /proc/self/statm), in MiB."""
    with open("/proc/self/statm", "rb") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") >> 20


def depth_limit(depth: int | str) -> float:
    """The most injections in one case: ``depth``, or no limit for "all"."""
    return math.inf if depth == "all" else depth


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
    return port.priority.join(before, target)


def applies(port: PortModel, kind: str, frm: Level, to: Level) -> bool:
    """A lower is asked to lower (or keep) the priority; raise, restore and
    set take every pair (a raise asked to go down must not; a set goes to
    its one IPL from everywhere)."""
    return kind != "lower" or port.priority.covers(frm.live, to.live)


@dataclass
class _Pair:
    """One (from, to, latency) of a routine, with what its cases share;
    ``order`` is its place in the serial order of the routine's pairs."""
    frm: Level
    to: Level
    latency: int
    want: int                  # the promised live priority after return
    base: Baseline             # the top-level baseline (kept_before, result)
    order: int = 0
    #: judgements by what an end holds (_EndState.value), see judge_end
    judgements: dict = field(default_factory=dict, compare=False, repr=False)
    #: addresses of the kernel bytes some interrupt or handler of the pair
    #: changed (Outcome.touched): a put-back of one of them is no undo
    touched: set = field(default_factory=set, compare=False, repr=False)


class _Failure(NamedTuple):
    """A failing case, kept light (no snapshots) so it can cross processes."""
    key: tuple                 # simplest first: injections, unchanged priority, step, order
    frm: Level
    to: Level
    latency: int
    injections: list
    step: int
    what: str
    address: int


@dataclass
class _EndState:
    """How one run of a case ended: the events before the delivery (from the
    baseline it started from), the handlers after it, and the end state."""
    takes: list[str]           # sources the CPU took, in order
    runs: list[tuple[str, int, int]]   # (source, priority at entry, index in takes order)
    priority_after: int
    returned: int
    kept_after: dict[str, int]
    pending_after: int
    fault: str | None
    bad_return: str | None
    opaque: str | None = None
    data_changed: str | None = None    # kernel data the routine wrote after an interrupt
    #: _Checker.judge_end's judgement of it, by "is it a baseline"
    judged: dict = field(default_factory=dict, compare=False, repr=False)

    def value(self) -> tuple:
        """Everything a judgement reads of this end, hashable."""
        return (tuple(self.takes), tuple(self.runs), self.priority_after, self.returned,
                tuple(self.kept_after.items()), self.pending_after, self.fault, self.bad_return,
                self.opaque, self.data_changed)


DEFAULT_MAX_STATES = 1_000_000


class _Checker:
    """``depth``: the most injections in one case (1, 2, ... or "all");
    ``merge``: explore each state once (depth 2 and beyond), stopping past
    ``max_states`` states in one pair or past max_memory = (this process's
    share, the whole bound) MiB resident (StateBound)."""

    def __init__(self, machine: Machine, routine: str, symbol: str, kind: str, max_steps: int,
                 depth: int | str = 1, returns_value: bool = True, merge: bool = True,
                 max_states: int | None = DEFAULT_MAX_STATES,
                 max_memory: tuple[int, int] | None = None, argument: str = "spl"):
        self.machine = machine
        self.depth = depth
        self.limit = depth_limit(depth)
        self.merging = merge and self.limit >= 2
        self.max_states = max_states
        self.max_memory = max_memory
        self.states = self.merges = 0
        self.deepest = 1
        self.port = machine.port
        self.routine, self.symbol, self.kind = routine, symbol, kind
        self.returns_value = returns_value
        self.argument = argument
        # an spl value may be an image of the priority register (NetBSD m68k
        # _spl returns the whole SR): the bits the ABI leaves undefined there
        # are undefined in the value too, and a caller only writes them back
        self.defined_result = ~(self.scratch_mask(self.port.priority.register) or 0)
        bits = self.port.abi.result_bits
        #: the bits of the result register the result is (abi.result_bits)
        self.result_mask = -1 if bits is None else (1 << bits) - 1
        if bits is not None:
            self.defined_result &= self.result_mask
        self.max_steps = max_steps
        asked = [p for p in PROPERTIES
                 if p != "returns_previous" or (returns_value and kind in ("raise", "lower", "set"))]
        self.verdicts = {p: Verdict(p) for p in asked}
        self.failures: dict[str, _Failure] = {}  # prop -> the simplest failing case so far
        self.serial = 0                          # failures seen in the current pair
        self.boundaries = 0
        self.runs = 0
        self.path_lengths: list[int] = []
        self.changes: list[int] = []
        self.floors = {s.name: port_floor(self.port, s) for s in self.port.sources}

    def arguments(self, to: Level) -> list[int]:
        """What the routine is called with to go to ``to``: nothing for a
        set routine (its IPL is fixed), else the argument for that IPL."""
        return [] if self.kind == "set" else [self.port.argument_as(self.argument, to.name)]

    # -- failures and counter-examples ----------------------------------------
    def fail(self, prop: str, pair: _Pair, injections: list[Injection], step: int, what: str,
             address: int):
        """Remember a failing case; keep the simplest per property."""
        self.serial += 1
        key = (len(injections), pair.want == pair.frm.live, step, pair.order, self.serial)
        known = self.failures.get(prop)
        if known is None or key < known.key:
            self.failures[prop] = _Failure(key, pair.frm, pair.to, pair.latency, list(injections),
                                           step, what, address)

    def merge(self, other: "_Checker") -> None:
        """Add what ``other`` explored (other pairs of the same routine)."""
        for prop, verdict in other.verdicts.items():
            self.verdicts[prop].cases += verdict.cases
        for prop, failure in other.failures.items():
            known = self.failures.get(prop)
            if known is None or failure.key < known.key:
                self.failures[prop] = failure
        self.boundaries += other.boundaries
        self.runs += other.runs
        self.states += other.states
        self.merges += other.merges
        self.deepest = max(self.deepest, other.deepest)
        self.path_lengths += other.path_lengths
        self.changes += other.changes

    def portable(self) -> "_Checker":
        """This checker without its machine, to send to another process."""
        self.machine = None
        return self

    def counter_examples(self):
        for prop, failure in self.failures.items():
            self.verdicts[prop].counter_example = self.counter_example(prop, failure)

    def counter_example(self, prop: str, failure: _Failure) -> CounterExample:
        """Replay the case traced; ``step`` and ``address`` are the boundary
        where the last source arrived (or, with no injection, where the
        routine went wrong)."""
        from .timeline import timeline
        machine = self.machine
        injections, step, what, address = (failure.injections, failure.step, failure.what,
                                           failure.address)
        fault = None
        machine.backend.latency = failure.latency
        focus = step
        try:
            result = machine.call(self.symbol, self.arguments(failure.to), failure.frm.live,
                                  injections, self.max_steps, trace=True)
        except GuestFault as error:
            result = error.result
            if prop == "no_fault":   # the traced replay names the exact instruction
                what = fault = str(error)
                focus = result.trace[-1].step - 1 if result.trace else step
                if not injections:
                    step, address = focus, error.address
        # where each source arrived: the boundary's instruction, not the
        # stub that runs there when the CPU takes it at once
        arrived = [e.address for e in result.events if e.kind == "inject"]
        lo, hi = focus + 1 - TRACE_CONTEXT[0], focus + 1 + TRACE_CONTEXT[1]
        return CounterExample(
            port=self.port.name, routine=self.routine, from_ipl=failure.frm.name,
            to_ipl=failure.to.name,
            latency=failure.latency if len(machine.write_latencies) > 1 else None, step=step,
            address=address, instruction=self.machine.instruction_text(address),
            line=machine.image.line_of(address), symbol=machine.image.symbol_of(address),
            source=injections[-1].source.name if injections else None, what=what,
            run=replace(result, trace=[s for s in result.trace if lo <= s.step <= hi],
                        events=[e for e in result.events if lo <= e.step <= hi]),
            fault=fault,
            injections=[self.describe_injection(inj, where if where is not None else SENTINEL)
                        for inj, where in zip(injections, arrived + [None] * len(injections))],
            timeline=timeline(self.port, machine.image, result, ((self.symbol, "spl routine"),)))

    def describe_injection(self, injection: Injection, address: int) -> dict:
        """Where one injection arrived: source, boundary, instruction, line."""
        return {"source": injection.source.name, "step": injection.step, "address": address,
                "instruction": self.machine.instruction_text(address),
                "line": self.machine.image.line_of(address),
                "symbol": self.machine.image.symbol_of(address)}

    # -- one pair ------------------------------------------------------------------
    def check_pair(self, frm: Level, to: Level, latency: int, memo: dict, order: int = 0):
        """``memo`` holds case outcomes shared by every write latency of this
        pair: after the delivery no other source requests, so the latency
        (which only decides acceptance) cannot change what a case does; and
        the baseline's path, which the snapshots come from, does not depend
        on it either.  Where a case is delivered does, and is found anew."""
        port, machine = self.port, self.machine
        want = promised(port, self.kind, frm.live, to.live)
        self.serial = 0
        try:
            states = States() if self.merging else None
            base = record_baseline(machine, self.symbol, self.arguments(to), frm.live,
                                   self.max_steps, states)
        except GuestFault as fault:
            pair = _Pair(frm, to, latency, want, Baseline(fault.result, [], {}), order)
            self.verdicts["no_fault"].cases += 1
            self.fail("no_fault", pair, [], fault.result.steps, str(fault), fault.address)
            return
        pair = _Pair(frm, to, latency, want, base, order)
        result = base.result
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
            self.fail("exact", pair, [], last, what, base.boundaries[-1].address)
        self.judge_end(pair, [], last, base.boundaries[-1].address, self.end_of_baseline(base),
                       reference=None)
        if result.data_changed:         # part of the baseline's preserves case, counted above
            self.fail("preserves", pair, [], last,
                      f"{result.data_changed}: the routine wrote kernel data other than the "
                      f"priority and pending words", base.boundaries[-1].address)
        self.check_baseline_worlds(pair, last, base.boundaries[-1].address)
        if states is not None:
            states.add(base)
        self.explore(pair, base, last, memo, states, [])
        if states is not None:
            self.states += len(states)
            self.merges += states.merges

    def explore(self, pair: _Pair, base: Baseline, last: int, memo: dict, states: States | None,
                earlier: list[Injection]):
        """Every case with one more injection than ``earlier`` (the
        injections already in ``base``'s run), then, depth permitting, the
        runs nested from where the CPU took one (see ``nests``)."""
        port = self.port
        ends: dict = {}
        taken: dict = {}              # (boundary, source) the CPU takes on this run
        # outcomes by place (this run's boundary: shared by every write
        # latency, which decides only where sources are taken) and by state
        places = memo.setdefault(tuple((i.source.name, i.step, i.visit) for i in earlier), {})
        by_state = memo.setdefault("states", {}) if states is not None else None
        groups = case_groups(base, port.sources, last)
        for index, boundary in enumerate(base.boundaries):
            for source in port.sources:
                size = groups.get((index, source.name))
                if size is None:
                    continue            # judged with the first case of its group
                taken_at = self.one_case(pair, base, boundary.step, source, last,
                                         (places, by_state), ends, earlier, size)
                if taken_at is not None:
                    taken[(taken_at, source.name)] = True
        if len(earlier) + 2 > self.limit:
            return
        for taken_at, first_name in taken:
            if not self.nests(base, taken_at, earlier):
                continue
            first = port.source(first_name)
            path = earlier + [Injection(first, taken_at, base.at(taken_at).visit)]
            final = len(path) + 2 > self.limit
            try:
                nested = record_nested(self.machine, base, taken_at, first, self.max_steps, states,
                                       final)
            except GuestFault:
                continue              # the case of this source taken here already faults
            if states is not None:
                states.add(nested)
                if self.max_states is not None and len(states) > self.max_states:
                    raise StateBound(
                        f"{self.routine} from {pair.frm.name} to {pair.to.name}: more than "
                        f"{self.max_states} states at depth {len(path) + 1}; stopped with no "
                        f"verdict (raise --max-states, or give a fixed --depth)")
            if self.max_memory is not None and resident_mib() > self.max_memory[0]:
                share, total = self.max_memory
                raise StateBound(
                    f"{self.routine} from {pair.frm.name} to {pair.to.name}: more than "
                    f"{share} MiB in use at depth {len(path) + 1}"
                    f"{f' ({len(states)} states)' if states is not None else ''}"
                    f"{f' (each process has {share} of the {total} MiB)' if share < total else ''}"
                    f"; stopped with no verdict (raise --max-memory, or give a fixed --depth)")
            self.boundaries += len(nested.boundaries)
            # a source taken at the return boundary runs after the routine:
            # everything nested in it is after the return too
            nested_last = nested.boundaries[-1].step if taken_at < last else -1
            end = nested.boundaries[-1]
            self.judge_end(pair, path, end.step, end.address, self.end_of_baseline(nested),
                           reference=None)
            self.explore(pair, nested, nested_last, memo, states, path)
            if states is not None:
                states.release(nested)

    @staticmethod
    def nests(base: Baseline, taken_at: int, earlier: list[Injection]) -> bool:
        """Does a run nest from ``base``'s boundary ``taken_at``?  In a
        case every injection but the last is taken while all earlier ones
        are still in flight (it nests in the handler before it); the last
        one arrives at any boundary.  So depth 2 is every first source at
        every boundary and every second one at every boundary after it
        (the same source again too), and deeper cases nest until the
        priorities run out (unless a handler lets its own source in
        again: then --max-states ends it)."""
        return len(earlier) < 1 or len(base.at(taken_at).active) == len(earlier)

    # -- one case --------------------------------------------------------------------
    def one_case(self, pair: _Pair, base: Baseline, step: int, source: Source, last: int,
                 memos: tuple, ends: dict, earlier: list[Injection], group: int = 1
                 ) -> int | None:
        """One (boundary, source) case; ``last`` is the boundary at the
        routine's return, ``earlier`` the injections before it.  ``memos``:
        outcomes by (boundary taken, source) on this run, and (when states
        are keyed) by (state taken in, source): the outcome after a
        delivery depends on that state alone.  ``ends``: how each case of
        this run ended.  ``group``: this case stands for itself and the
        next group - 1 boundaries, which case_groups found judged alike
        (each is counted; a failure is kept for the first, whose step is
        the smallest, as fail would choose among them).  Returns the
        boundary where the CPU took the source (None: never)."""
        port, machine = self.port, self.machine
        frm, want = pair.frm, pair.want
        taken_at = base.first_acceptance(step, source)
        outcome = None
        if taken_at is not None:
            at = base.at(taken_at)
            places, by_state = memos
            place = (taken_at, source.name)
            state = (at.key, source.name)
            outcome = places.get(place)
            if outcome is None and by_state is not None:
                outcome = places[place] = by_state.get(state)
            if outcome is None:
                outcome = places[place] = run_case(machine, base, taken_at, source, self.max_steps)
                if by_state is not None:
                    by_state[state] = outcome
                self.runs += 1
                if not at.active:   # see case_world_problem
                    outcome.world_problem = self.case_world_problem(base, taken_at, source,
                                                                    outcome)
                    outcome.judged_in_two_worlds = True
        self.deepest = max(self.deepest, len(earlier) + 1)
        if outcome is not None and outcome.touched:
            pair.touched |= outcome.touched
        ran = outcome is not None and any(name == source.name for name, _ in outcome.handlers)
        before_return = ran and taken_at < last
        boundary = base.at(step)
        injections = earlier + [Injection(source, step, boundary.visit)]
        address = boundary.address
        if outcome is not None and outcome.judged_in_two_worlds:
            defined = self.verdicts["defined_only"]
            defined.cases += group
            if outcome.world_problem:
                self.fail("defined_only", pair, injections, step, outcome.world_problem, address)
        blocked_after = port.blocks(want, source)
        in_floor = blocked_after and port.blocks(frm.live, source)

        window = self.verdicts["no_window"]
        window.cases += group
        if before_return and in_floor:
            self.fail("no_window", pair, injections, step,
                      f"{source.name} (at {source.ipl}) ran before the return although both "
                      f"{frm.name} and the result block it", address)
        elif ran and not before_return and blocked_after:
            self.fail("no_window", pair, injections, step,
                      f"{source.name} ran at the return boundary although the result "
                      f"{port.priority_label(want)} blocks it", address)

        if step < last and not blocked_after:
            lost = self.verdicts["no_lost"]
            lost.cases += group
            if not (ran and taken_at <= last):
                why = ("the CPU never took it" if outcome is None else
                       "it faulted first" if outcome.fault else
                       f"the CPU took it at step {taken_at} but its handler never ran"
                       if not ran else "it ran only after the return")
                self.fail("no_lost", pair, injections, step,
                          f"{source.name} arrived at step {step}, is not blocked by the result "
                          f"{port.priority_label(want)}, and had not run at the return: {why}",
                          address)

        if outcome is None:
            end = ends.get(None)
            if end is None:
                end = ends[None] = self.end_of_baseline(base)
            reference = None
        else:
            end = ends.get((taken_at, source.name))
            if end is None:
                end = ends[(taken_at, source.name)] = self.end_of_case(pair, base, taken_at,
                                                                       source, outcome)
            reference = base.result
        self.judge_end(pair, injections, step, address, end, reference, group)
        return taken_at

    def end_of_baseline(self, base: Baseline) -> _EndState:
        result = base.result
        takes, runs = self.takes_and_runs(result.events)
        return _EndState(takes, runs, result.priority_after, result.returned, result.kept_after,
                         result.pending_after, None, None, result.opaque)

    def end_of_case(self, pair: _Pair, base: Baseline, taken_at: int, source: Source,
                    outcome: Outcome) -> _EndState:
        """``pair.touched`` already holds what the interrupts earlier on this
        path changed: each was the last injection of a case run before it."""
        takes, runs = self.takes_and_runs(base.events_before(taken_at))
        takes.append(source.name)
        runs += [(name, priority, len(takes)) for name, priority in outcome.handlers]
        data_changed = outcome.data_changed or next(
            (what for addr, what in outcome.put_back if addr in pair.touched), None)
        return _EndState(takes, runs, outcome.priority_after, outcome.returned,
                         outcome.kept_after, outcome.pending_after, outcome.fault,
                         outcome.bad_return, outcome.opaque, data_changed)

    @staticmethod
    def takes_and_runs(events) -> tuple[list[str], list[tuple[str, int, int]]]:
        """The sources taken and the handlers run, each run with the number of
        takes before it (so "a run after the last take" can be asked)."""
        takes: list[str] = []
        runs: list[tuple[str, int, int]] = []
        for event in events:
            if event.kind == "taken":
                takes.append(event.source)
            elif event.kind == "handler":
                runs.append((event.source, event.priority, len(takes)))
        return takes, runs

    def judge_end(self, pair: _Pair, injections: list[Injection], step: int, address: int,
                  end: _EndState, reference, cases: int = 1):
        """The properties judged on how a case (or a baseline) ended.
        ``reference``: the run it must equal apart from the interrupt
        (nesting), None for a baseline itself; ``cases``: how many cases
        ended so (see one_case's group).  The judgement depends on
        the end alone (and the pair), so it is made once per pair and
        end value (many runs end alike: the same takes, handlers and end
        state) and replayed for every case that ended so."""
        judged = end.judged.get(reference is None)
        if judged is None:
            key = (None if reference is None else (reference.priority_after, reference.returned),
                   end.value())
            judged = pair.judgements.get(key)
            if judged is None:
                judged = pair.judgements[key] = self.judgement(pair, end, reference)
            end.judged[reference is None] = judged
        counts, failures = judged
        for prop, count in counts:
            self.verdicts[prop].cases += count * cases
        for prop, what in failures:
            self.fail(prop, pair, injections, step, what, address)

    def judgement(self, pair: _Pair, end: _EndState, reference) -> tuple[list, list]:
        """(property, cases) counted and (property, what failed) found for
        one end, in the order judge_end replays them."""
        port = self.port
        counts: list[tuple[str, int]] = [("no_fault", 1)]
        failures: list[tuple[str, str]] = []
        if end.fault:
            return counts, [("no_fault", end.fault)]

        if reference is not None:
            counts.append(("nesting", 1))
            problem = end.bad_return
            if problem is None and end.priority_after != reference.priority_after:
                problem = (f"the routine ended at {port.priority_label(end.priority_after)} "
                           f"instead of {port.priority_label(reference.priority_after)}")
            if problem is None and self.returns_value \
                    and (end.returned ^ reference.returned) & self.result_mask:
                problem = f"the routine returned {end.returned:#x} instead of {reference.returned:#x}"
            if problem:
                failures.append(("nesting", problem))

        if "returns_previous" in self.verdicts:
            counts.append(("returns_previous", 1))
            value = end.returned & self.result_mask
            got = port.priority.of_spl(value)
            invalid = spl_value_problem(port, value)
            upper = self.result_upper_problem(end.returned)
            if upper:
                failures.append(("returns_previous", upper))
            elif got != pair.frm.live:
                failures.append(("returns_previous",
                                 f"returned {end.returned:#x} (priority {port.priority_label(got)}); "
                                 f"the priority at entry was {port.priority_label(pair.frm.live)}"))
            elif invalid:             # an splx of it would change more than the priority
                failures.append(("returns_previous",
                                 f"returned {end.returned:#x}, which is no spl value: {invalid[0]}"))

        counts.append(("preserves", 1))
        for name, before in pair.base.kept_before.items():
            after = end.kept_after.get(name)
            if after != before:
                failures.append(("preserves", self.machine.frame_change(before, after)
                                 if name == CALLER_FRAME else
                                 f"{name} was {before:#x} at entry and {after:#x} at return"))
                break
        if end.data_changed and not any(prop == "preserves" for prop, _ in failures):
            failures.append(("preserves", f"{end.data_changed}: the routine wrote kernel data "
                                          f"other than the priority and pending words"))

        judged_runs = 0
        for name, at, _ in end.runs:
            judged_runs += 1
            if not port.priority.covers(at, self.floors[name]):
                failures.append(("handler_priority",
                                 f"{name}'s handler ran at {port.priority_label(at)}, which does "
                                 f"not block everything {port.source(name).ipl} blocks "
                                 f"({port.priority_label(self.floors[name])})"))
                break
        counts.append(("handler_priority", judged_runs))

        counts.append(("served_once", 1))
        problem = self.served_problem(pair, end)
        if problem:
            failures.append(("served_once", problem))

        counts.append(("interrupt_transparent", 1))
        if end.opaque:
            failures.append(("interrupt_transparent", end.opaque))
        return counts, failures

    def result_upper_problem(self, returned: int) -> str | None:
        """What is wrong with the bits of a result above abi.result_bits
        where the ABI has the callee extend it (None: nothing)."""
        abi = self.port.abi
        if abi.result_upper not in ("sign", "zero"):
            return None
        bits = abi.result_bits
        width = self.machine.backend.register_bits
        low = returned & self.result_mask
        if abi.result_upper == "sign" and low >> (bits - 1) & 1:
            want = low | ((1 << width) - 1) & ~self.result_mask
        else:
            want = low
        if returned == want:
            return None
        return (f"returned {returned:#x}: the ABI has the callee {abi.result_upper}-extend an "
                f"int result, so bits {width - 1}:{bits} must extend the low {bits} bits: "
                f"{want:#x} (abi.result_upper; a caller uses the whole register)")

    # -- the second world ----------------------------------------------------------
    def signature(self, run) -> tuple:
        """What a caller could tell apart about how a run (a RunResult or an
        Outcome) ended."""
        returned = run.returned & self.defined_result if self.returns_value else None
        if isinstance(run, Outcome):
            return (run.fault, tuple(run.handlers), run.bad_return, run.priority_after, returned,
                    tuple(sorted(run.kept_after.items())), run.pending_after, run.opaque)
        events = tuple((e.step, e.kind, e.source, e.priority) for e in run.events)
        return (run.priority_after, run.settling_after, returned,
                tuple(sorted(run.kept_after.items())), run.pending_after, events, run.steps,
                run.opaque)

    def baseline_in_world(self, pair: _Pair, world: int, only: set[str] | None = None):
        """The pair's call, undefined state poisoned for ``world`` (``only``:
        these registers, and "stack", get that world's poison; the rest
        world 0's).  A fault is part of the signature."""
        machine = self.machine
        if only is None:
            machine.world = world
        machine.call_world = (world, only)
        argument = self.arguments(pair.to)
        try:
            machine.prepare_call(self.symbol, argument, pair.frm.live)
            if only is not None:
                sp = machine.stack_address()
                passed = set(self.port.abi.args[:1]) if self.port.abi.args and argument else set()
                machine.poison_undefined(world, sp, only, passed=passed, at_entry=True)
            result = machine.run_prepared(self.symbol, argument, self.max_steps)
            return self.signature(result)
        except GuestFault as fault:
            return ("fault", str(fault))
        finally:
            machine.world = 0
            machine.call_world = (0, None)

    def undefined_names(self) -> list[str]:
        """The registers undefined at a call (Machine.poison_fields)."""
        return list(self.machine.poison_fields(0))

    def scratch_mask(self, name: str | None) -> int | None:
        """The bits of ``name`` abi.scratch leaves undefined (all its
        REGISTER:MASK entries); None when it names the whole register or
        not at all."""
        masks = [mask for reg, mask in self.port.abi.scratch if reg == name]
        if not masks or None in masks:
            return None
        union = 0
        for mask in masks:
            union |= mask
        return union

    def undefined_label(self, name: str) -> str:
        """``ecx``, or ``sr (bits 0x301)`` for a register the ABI leaves only
        partly undefined."""
        mask = self.scratch_mask(name)
        return f"{name} (bits {mask:#x})" if mask is not None else name

    def check_baseline_worlds(self, pair: _Pair, last: int, address: int):
        verdict = self.verdicts["defined_only"]
        verdict.cases += 1
        first = self.signature(pair.base.result)
        if self.baseline_in_world(pair, 1) == first:
            return
        culprit = next((name for name in [*self.undefined_names(), "stack"]
                        if self.baseline_in_world(pair, 1, {name}) != first), None)
        flag = self.culprit_flag(culprit, self.scratch_mask(culprit),
                                 lambda only: self.baseline_in_world(pair, 1, only) != first)
        what = ("the free stack beyond the stack pointer (or the stack_reserve on the caller's "
                "side of it)" if culprit == "stack" else
                flag or self.undefined_label(culprit) if culprit else
                "a combination of undefined registers")
        self.fail("defined_only", pair, [], last,
                  f"the call ends differently when {what} holds another value where the ABI "
                  f"leaves it undefined (at the call, or after a C function's return): it "
                  f"depends on what the ABI leaves undefined", address)

    def culprit_flag(self, culprit: str | None, bits: int | None, differs) -> str | None:
        """``eflags CF``: the first flag (Backend.flag_bits) of register
        ``culprit`` among ``bits`` that alone changes the outcome
        (``differs(only)``); None when the register has no named flags or
        no single one does."""
        backend = self.machine.backend
        for flag, bit in backend.flag_bits.get(culprit, {}).items():
            if (bits is None or bits & bit) and differs({(culprit, bit)}):
                return backend.flag_name(culprit, bit)
        return None

    def case_world_problem(self, base: Baseline, taken_at: int, source: Source,
                           outcome: Outcome) -> str | None:
        """Run the case again in the other world: the never-written undefined
        registers flipped, and the free stack the interrupt's return leaves
        holding the other poison; name the register (or the stack) that
        changes it.  Only for cases delivered where no interrupt is in
        flight: inside one, the registers at hand are the handler's (on
        sparc another window's), not what the call left undefined; what an
        interrupt path does to the interrupted code's registers is
        interrupt_transparent's to judge."""
        machine = self.machine
        boundary = base.at(taken_at)
        undefined = boundary.undefined
        first = self.signature(outcome)
        self.runs += 1
        if self.signature(run_case(machine, base, taken_at, source, self.max_steps, 1)) == first:
            return None
        candidates = [name for name in self.undefined_names() if name in undefined] + ["stack"]
        culprit = next((name for name in candidates
                        if self.signature(run_case(machine, base, taken_at, source,
                                                   self.max_steps, 1, {name})) != first), None)
        if culprit == "stack":
            return ("the case ends differently when the free stack beyond the stack pointer, "
                    "where the interrupt's frame went, holds other bytes after its return: it "
                    "reads memory an interrupt leaves undefined")
        unwritten = dict(boundary.unwritten).get(culprit)
        flag = self.culprit_flag(culprit, unwritten, lambda only: self.signature(
            run_case(machine, base, taken_at, source, self.max_steps, 1, only)) != first)
        what = flag or (self.undefined_label(culprit) if culprit
                        else "a combination of undefined registers")
        return (f"the case ends differently when {what}, never written since the call or a C "
                f"function's return, holds another value: it reads what the ABI leaves undefined")

    def served_problem(self, pair: _Pair, end: _EndState) -> str | None:
        port = self.port
        outstanding = 0
        # every source taken, and every one whose handler ran (taken or not)
        for name in dict.fromkeys([*end.takes, *(run for run, _, _ in end.runs)]):
            source = port.source(name)
            taken = end.takes.count(name)
            ran = sum(1 for run, _, _ in end.runs if run == name)
            if ran > taken:
                return (f"{name}'s handler ran {ran} time{'s' * (ran > 1)} for {taken} "
                        f"request{'s' * (taken != 1)}")
            last_take = max(i + 1 for i, t in enumerate(end.takes) if t == name)
            if any(run == name and after >= last_take for run, _, after in end.runs):
                continue
            bit = 1 << source.bit if source.bit is not None else 0
            if not end.pending_after & bit:
                return (f"{name} was taken but its handler never ran after it and it is not "
                        f"pending at the return: the request was lost")
            if not port.blocks(pair.want, source):
                return (f"{name} is still pending at the return although the result "
                        f"{port.priority_label(pair.want)} does not block it")
            outstanding |= bit
        stray = end.pending_after & ~outstanding
        if stray:
            return (f"the pending word is {end.pending_after:#x} at the return: bits {stray:#x} "
                    f"stand for no request still outstanding")
        return None


def case_groups(base: Baseline, sources, last: int) -> dict[tuple[int, str], int]:
    """(boundary index, source) -> group size, for the first boundary of
    each group: consecutive boundaries where the source arriving is first
    taken at the same boundary (Baseline.first_acceptance) and which are
    all before the return or all at it.  Everything one_case judges is
    the same for a group but the step, which only picks the counter-example
    (the first's).  Found for every source in one backward pass."""
    boundaries = base.boundaries
    groups: dict[tuple[int, str], int] = {}
    for source in sources:
        bit = source.level or 0
        taken: list[int | None] = [None] * len(boundaries)
        following = None          # taken from the next boundary on
        for i in range(len(boundaries) - 1, -1, -1):
            here = boundaries[i]
            taken[i] = here.step if source.name in here.accepts else following
            # a boundary whose previous instruction withdrew the request ends the search
            following = None if here.withdrawn >> bit & 1 else taken[i]
        head = 0
        for i in range(1, len(boundaries) + 1):
            if i == len(boundaries) or taken[i] != taken[head] \
                    or (boundaries[i].step < last) != (boundaries[head].step < last):
                groups[(head, source.name)] = i - head
                head = i
    return groups


def port_floor(port: PortModel, source: Source) -> int:
    """The live priority of a source's own IPL: its handler must run at
    least there."""
    return port.priority.of_spl(port.ipls[source.ipl].spl)


def check_routine(machine: Machine, routine: str, symbol: str, kind: str,
                  max_steps: int = DEFAULT_MAX_STEPS, depth: int | str = 1,
                  only: list[str] | None = None, returns_value: bool = True,
                  jobs: int = 1, progress=None, starts: list[str] | None = None,
                  targets: list[str] | None = None, fixed: str | None = None,
                  merge: bool = True, max_states: int | None = DEFAULT_MAX_STATES,
                  max_memory: int | None = None, argument: str | None = None) -> RoutineCheck:
    """``only``: explore just these IPL names (as from and to); default all.
    ``starts``, ``targets``: just these IPL names as from, as to.  ``fixed``:
    the IPL a ``set`` routine goes to.  ``argument``: what the routine takes
    (ARGUMENT_KINDS; default: as the port's routine at ``symbol``, else an
    spl value).
    ``jobs``: processes to split the pairs over; the result is the same for
    any number (counter-examples are chosen by a key, not by who came first).
    ``progress``: a Progress advanced by one per pair explored."""
    port = machine.port
    pairs = routine_pairs(port, kind, only, starts, targets, fixed)
    processes = max(1, min(jobs, len(pairs)))    # no process without a pair (--jobs 100000)
    argument = argument or port.argument_kind(symbol)
    spec = (routine, symbol, kind, max_steps, depth, returns_value, merge, max_states,
            None if max_memory is None else (max_memory // processes, max_memory), argument)
    checker = _Checker(machine, *spec)
    advance = progress.advance if progress is not None else (lambda units: None)
    if processes > 1:
        from .parallel import map_in_workers
        chunks = _chunks(list(enumerate(pairs)), processes * 8)
        with closing(map_in_workers(machine, _explore_chunk,
                                    [(spec, chunk) for chunk in chunks], processes)) as parts:
            for chunk, part in zip(chunks, parts):
                checker.merge(part)
                advance(len(chunk))
    else:
        checker.merge(_explore(machine, spec, list(enumerate(pairs)), advance))
    checker.counter_examples()
    lengths = sorted(checker.path_lengths)
    return RoutineCheck(
        routine=routine, symbol=symbol, kind=kind, argument=argument, pairs=len(pairs),
        latencies=machine.write_latencies, boundaries=checker.boundaries, runs=checker.runs,
        common_path=lengths[len(lengths) // 2] if lengths else 0,
        atomic=max(checker.changes, default=0) <= 1,
        verdicts=checker.verdicts, returns_value=returns_value, ipl=fixed, states=checker.states,
        merges=checker.merges, deepest=checker.deepest)


def routine_pairs(port: PortModel, kind: str, only: list[str] | None = None,
                  starts: list[str] | None = None, targets: list[str] | None = None,
                  fixed: str | None = None) -> list:
    """The (from, to) Levels a routine of ``kind`` is checked on, in serial
    order (``only``: just these IPL names, as from and to; ``starts``: as
    from; ``targets``: as to; ``fixed``: a set routine's one IPL, the only
    to).  A Level matches a name list by any alias."""
    def named(levels: list[Level], names: list[str] | None) -> list[Level]:
        return [lv for lv in levels if set(lv.aliases) & set(names)] if names else levels
    levels = named(distinct_levels(port), only)
    tos = named(named(levels, targets), [fixed] if fixed else None)
    return [(f, t) for f in named(levels, starts) for t in tos if applies(port, kind, f, t)]


def _chunks(items: list, count: int) -> list[list]:
    """``items`` cut into at most ``count`` runs of consecutive items."""
    size = max(1, -(-len(items) // count))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _explore(machine: Machine, spec: tuple, pairs: list, advance=lambda units: None) -> _Checker:
    """Explore ``pairs`` ((index, (from, to)) in serial order) of one routine."""
    checker = _Checker(machine, *spec)
    latencies = machine.write_latencies
    for index, (frm, to) in pairs:
        memo: dict = {}
        for n, latency in enumerate(latencies):
            machine.backend.latency = latency
            checker.check_pair(frm, to, latency, memo, index * len(latencies) + n)
        advance(1)
    return checker


def _explore_chunk(machine: Machine, work: tuple) -> _Checker:
    spec, pairs = work
    return _explore(machine, spec, pairs).portable()


@dataclass
class PortCheck:
    port: str
    routines: list[RoutineCheck]
    seconds: float
    depth: int | str = 1

    @property
    def cases(self) -> int:
        return sum(v.cases for r in self.routines for v in r.verdicts.values())

    @property
    def holds(self) -> bool:
        return all(r.holds for r in self.routines)


def check_port(machine: Machine, routines: list[tuple],
               max_steps: int = DEFAULT_MAX_STEPS, depth: int | str = 1,
               only: list[str] | None = None, jobs: int = 1, starts: list[str] | None = None,
               targets: list[str] | None = None, merge: bool = True,
               max_states: int | None = DEFAULT_MAX_STATES,
               max_memory: int | None = None) -> PortCheck:
    """``routines``: (name, symbol, kind), optionally followed by
    returns_value, a set routine's IPL and what it takes (check_routine's
    ``argument``); ``only``, ``starts``, ``targets``:
    as routine_pairs; ``max_memory``: MiB for all processes together
    (default_max_memory; None: no bound)."""
    from .progress import Progress
    start = time.perf_counter()
    fixed = [r[4] if len(r) > 4 else None for r in routines]
    progress = Progress(f"check {machine.port.name}",
                        sum(len(routine_pairs(machine.port, r[2], only, starts, targets, ipl))
                            for r, ipl in zip(routines, fixed)))
    checks = [check_routine(machine, r[0], r[1], r[2], max_steps, depth, only,
                            r[3] if len(r) > 3 else True, jobs, progress, starts, targets, ipl,
                            merge, max_states, max_memory, r[5] if len(r) > 5 else None)
              for r, ipl in zip(routines, fixed)]
    progress.finish()
    return PortCheck(machine.port.name, checks, time.perf_counter() - start, depth)
