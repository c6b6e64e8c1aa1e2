"""`iplemu check`: the whole contract of an spl routine, decided by
injecting every source at every instruction boundary of every IPL pair
(and, at depth 2, a second source at every boundary after the first).

The properties, and the result types, are emu/contract.py's; how a case
ended is judged by emu/judgement.py, and a case is run again in the
second world by emu/worlds.py.

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

from .contract import (PROPERTIES, CounterExample, Level, PortCheck, RoutineCheck, Verdict,
                       distinct_levels, highest_sources, port_floor, promised, routine_pairs,
                       unblocked_sources)
from .errors import GuestFault, NotModelledFault, RunError
from .explore import (Baseline, Boundary, States, record_after_stub, record_baseline,
                      record_nested, run_case)
from .judgement import KERNEL_WRITE, EndState, Judge, end_of_baseline, end_of_case
from .kernelwords import users_kernel_bytes
from .machine import DEFAULT_MAX_STEPS, Machine, pended_in
from .runloop import Injection
from .model import PortModel, Routine, Source
from .reenter import base_word_name, reentry_changed, reentry_variants
from .repeats import repeated_starts
from .portnumbers import state_in_value
from .starts import (INSIDE_NESTING, LEFT_GENERATIONS, CallStart, LeftBehind, other_starts,
                     several_pended, snippet_siblings)
from .worlds import Call, Worlds

TRACE_CONTEXT = (4, 24)   # trace lines before / after the boundary in a counter-example
REENTRY_CONTEXT = 12      # trace lines from a handler's call of the routine on


class StateBound(RunError):
    """An exploration reached ``--max-states`` distinct states in one IPL
    pair, or its process ``--max-memory``: it stops with no verdict (exit
    2), never a partial "holds"."""


class StepBound(RunError):
    """A case's run passed a ``--max-steps`` set below the default
    (DEFAULT_MAX_STEPS, past which a run is a runaway, a failing
    no_fault): the user's budget stopped it, not the routine, so the check
    stops with no verdict (exit 2)."""


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


@dataclass
class Pair:
    """One (from, to, latency) of a routine, with what its cases share;
    ``order`` is its place in the serial order of the routine's pairs."""
    frm: Level
    to: Level
    latency: int
    want: int                  # the promised live priority after return
    base: Baseline             # the top-level baseline (kept_before, result)
    order: int = 0
    #: judgements by what an end holds (judgement.EndState.value), see judge_end
    judgements: dict = field(default_factory=dict, compare=False, repr=False)
    #: addresses of the kernel bytes some interrupt or handler of the pair
    #: changed (Outcome.touched): a put-back of one of them is no undo
    touched: set = field(default_factory=set, compare=False, repr=False)
    #: where its calls start beyond priority and argument (emu/starts.py)
    start: CallStart = CallStart()
    #: which of the check's re-entry settings the handlers call with
    #: (_Checker.variants, emu/reenter.py reentry_variants)
    reentry: int = 0


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
    start: CallStart = CallStart()
    reentry: int = 0


@dataclass(frozen=True)
class InsideStart(CallStart):
    """A call a handler makes while another call of the routine is
    inside it: the routine's own data as that call had them at a boundary
    where a source's interrupt may be taken, and so its handler call the
    routine (``left_by``: that call, the boundary and the source)."""

    def note(self, port: PortModel) -> str:
        return (f" (in a call made by a handler while another call was running: "
                f"{self.left_by}; the routine's own data as that call had them there, "
                f"from a priority blocking the handler's source: a handler calls spl routines "
                f"at its own IPL and above, archs/README.md \"A handler calls the routine "
                f"again\")")



DEFAULT_MAX_STATES = 1_000_000


class _Checker:
    """``depth``: the most injections in one case (1, 2, ... or "all");
    ``merge``: explore each state once (depth 2 and beyond), stopping past
    ``max_states`` states in one pair or past max_memory = (this process's
    share, the whole bound) MiB resident (StateBound)."""

    def __init__(self, machine: Machine, routine: str, symbol: str, kind: str, max_steps: int,
                 depth: int | str = 1, returns_value: bool = True, merge: bool = True,
                 max_states: int | None = DEFAULT_MAX_STATES,
                 max_memory: tuple[int, int] | None = None, argument: str = "spl",
                 fixed: str | None = None, static_data: bool = False, most_waiting: int = 0,
                 adopted: frozenset[int] = frozenset()):
        self.machine = machine
        # kernel data the user's code keeps state in (emu/kernelwords.py):
        # own data too, in this process's machine as in the caller's
        machine.adopt_kernel_bytes(adopted)
        # the handlers re-enter the routine as a driver's do (emu/reenter.py),
        # with every setting of the words in turn (_explore); where the
        # routine's calls touch own data outside its code or write into it
        # (a static temporary: static_found), more handlers re-enter it
        #: (RoutineCheck.static_data)
        self.static_data = static_data
        self.variants = reentry_variants(machine.port, machine.image.symbols, symbol, kind,
                                         argument, returns_value, fixed, self.static_data)
        #: per setting, the sources whose handlers call otherwise than in
        #: the first: past the first, only their cases run again (explore)
        self.reentering = [reentry_changed(machine.port, self.variants[0][0], words)
                           for words, _ in self.variants]
        machine.set_words(self.variants[0][0])
        self.depth = depth
        self.limit = depth_limit(depth)
        #: what the state and memory bounds' messages add: a fixed depth
        #: only where the depth is "all"
        self.fixed_depth_hint = ", or give a fixed --depth" if depth == "all" else ""
        self.merging = merge and self.limit >= 2
        self.max_states = max_states
        self.max_memory = max_memory
        self.states = self.merges = 0
        self.deepest = 1
        #: clean-call pairs (first re-entry setting) also run from a request
        #: pending at the call (explore_pending)
        self.pending_starts = 0
        #: the most sources a several-pended start of the check's pairs pends
        #: (most_waiting): the starts pending that many are explored
        self.most_waiting = most_waiting
        self.other_starts = 0        # calls of a pair from another start (check_other_starts)
        #: pairs also explored on the path another world's call took (explore_world_path)
        self.world_paths = 0
        self.left_paths = 0            # explore_left_paths's starts
        self.left_pending = 0          # judge_left_pending's calls
        #: no_window cases of the interrupts-disabled starts (judge_interrupts_off)
        self.interrupts_off_cases = 0
        #: the routine's own data (Machine.own_bytes) an interrupted case
        #: left, each with (pair order, serial: the first such case) and
        #: the description of that case (note_left; check_left_starts)
        self.left: dict[bytes, tuple[tuple, str]] = {}
        #: ... and what the calls with no interrupt (the baselines) left
        self.clean_own: set[bytes] = set()
        self.left_serial = 0
        #: how many generations of own-data starts the calls explored here
        #: come from (0: the usual and other starts; check_routine): a
        #: state an earlier generation left is kept as that one left it
        self.generation = 0
        #: addresses of the routine's own data its calls read or wrote
        #: outside any interrupt (Machine.watch_own): the own data a start
        #: differs in; what only stubs and handlers touch starts nothing
        self.own_touched: set[int] = set()
        #: those of own_touched its calls wrote (a store into its own code
        #: too: static_found)
        self.own_written: set[int] = set()
        #: (from, to, latency) -> the addresses of own_touched the pair's
        #: clean call and its interrupted cases touched (check_pair): a
        #: start new to the pair differs there (check_left_starts)
        self.pair_touched: dict[tuple, frozenset] = {}
        machine.watch_own()
        #: own data (Machine.own_bytes) a clean call had at a boundary
        #: where the CPU takes a source, whose handler may call the routine
        #: then: own -> (key, {source: where its handler may run there}) (note_inside)
        self.inside: dict[bytes, tuple[tuple, dict[str, str]]] = {}
        self.inside_cases = 0
        self.port = machine.port
        self.routine, self.symbol, self.kind = routine, symbol, kind
        self.returns_value = returns_value
        self.argument = argument
        bits = self.port.abi.result_bits
        #: the bits of the result register the result is (abi.result_bits)
        result_mask = -1 if bits is None else (1 << bits) - 1
        self.max_steps = max_steps
        asks_previous = returns_value and kind in ("raise", "lower", "set")
        asked = [p for p in PROPERTIES if p != "returns_previous" or asks_previous]
        self.verdicts = {p: Verdict(p) for p in asked}
        self.failures: dict[str, _Failure] = {}  # prop -> the simplest failing case so far
        self.unjudged: _Failure | None = None     # the simplest case not modelled (no_verdict)
        self.serial = 0                          # failures seen in the current pair
        self.boundaries = 0
        self.runs = 0
        self.path_lengths: list[int] = []
        self.changes: list[int] = []
        floors = {s.name: port_floor(self.port, s) for s in self.port.sources}
        self.judge = Judge(machine, returns_value, asks_previous, result_mask, floors)
        self.worlds = Worlds(machine, symbol, max_steps, returns_value, result_mask,
                             restores=kind == "restore" and argument == "spl")
        #: start IPL -> Worlds.left_behind of the calls to it (left_behind)
        self._left_behind: dict[str, list] = {}

    def arguments(self, to: Level, start: CallStart = CallStart()) -> list[int]:
        """What the routine is called with to go to ``to``: nothing for a
        set routine (its IPL is fixed), else the argument for that IPL; an
        spl value as a caller in ``start``'s call state has it (its bits
        the port's spl values carry: portnumbers.state_in_value)."""
        if self.kind == "set":
            return []
        value = self.port.argument_as(self.argument, to.name)
        if self.argument == "spl" and not start.restored:
            value = state_in_value(self.port, start.call_state(self.port), value)
        return [value]

    def left_behind(self, frm: Level) -> list:
        """What the calls that go to ``frm``, the routine's and the port's
        other spl routines' (``splx(s); t = splhigh();``: red team 39 G
        F3), made from every priority, leave in the registers the ABI
        leaves undefined (Worlds.left_behind): what a call from ``frm``
        finds there when an spl call came just before.  Made once per start."""
        known = self._left_behind.get(frm.name)
        if known is None:
            starts = [(level.live, level.name) for level in distinct_levels(self.port)]
            calls = [(self.symbol, self.arguments(frm))]
            for routine in self.port.routines.values():
                if routine.symbol != self.symbol and (routine.kind != "set" or
                                                      routine.ipl in frm.aliases):
                    calls.append((routine.symbol, [] if routine.kind == "set" else
                                  [self.port.argument_as(routine.argument, frm.name)]))
            known = self._left_behind[frm.name] = self.worlds.left_behind(
                calls, frm.name, frm.live, starts)
        return known

    # -- failures and counter-examples ----------------------------------------
    def fail(self, prop: str, pair: Pair, injections: list[Injection], step: int, what,
             address: int):
        """Remember a failing case; keep the simplest per property.
        ``what``: the sentence, or a callable giving it (worlds.Difference),
        called only when this case is kept."""
        # a loop whose state recurs (emu/loops.py) is endless whatever the budget
        if prop == "no_fault" and self.max_steps < DEFAULT_MAX_STEPS \
                and isinstance(what, str) and what.startswith("runaway: no return after"):
            raise StepBound(
                f"{self.routine} from {pair.frm.name} to {pair.to.name}: a run passed "
                f"--max-steps {self.max_steps} (below the default {DEFAULT_MAX_STEPS}, past "
                f"which a run is judged a runaway); stopped with no verdict (raise --max-steps)")
        key = self.case_key(pair, injections, step)
        known = self.failures.get(prop)
        if known is None or key < known.key:
            text = what if isinstance(what, str) else what()
            self.failures[prop] = _Failure(key, pair.frm, pair.to, pair.latency, list(injections),
                                           step, text + pair.start.note(self.port)
                                           + self.reentry_note(pair), address, pair.start,
                                           pair.reentry)

    def base_lowering(self) -> tuple[str, ...]:
        """The sources whose handlers lower to IPL_SOFTCLOCK at base
        priority in this check (their reenter_base_arg word set)."""
        words = self.variants[0][0] if self.variants else {}
        return tuple(s.name for s in self.machine.port.sources if words.get(base_word_name(s)))

    def reentry_note(self, pair: Pair) -> str:
        """What a counter-example says of the handlers' calls of the
        routine where they are not the first setting's (raise to IPL_HIGH)."""
        said = self.variants[pair.reentry][1] if self.variants else ""
        return f" (the re-entering handlers' first call: {said})" if said else ""

    def case_key(self, pair: Pair, injections: list[Injection], step: int) -> tuple:
        """How simple a case is, simplest first: fewer injections (a
        source pended before the call, CallStart.pended, is one), the
        usual start before another (emu/starts.py), a pair that changes the
        priority, an earlier step, an earlier pair, the first re-entry
        setting (``variants``) before the others; then the order seen
        (``serial``)."""
        self.serial += 1
        return (len(injections) + len(pair.start.pended_all), not pair.start.usual,
                pair.want == pair.frm.live, step, pair.order, pair.reentry, self.serial)

    def no_verdict(self, pair: Pair, injections: list[Injection], step: int, what: str,
                   address: int):
        """Remember a case that reached what the model does not cover
        (backends.NotModelled): it is judged on no property, and the
        routine gets no verdict unless another property fails; keep the
        simplest, as ``fail`` does."""
        key = self.case_key(pair, injections, step)
        if self.unjudged is None or key < self.unjudged.key:
            self.unjudged = _Failure(key, pair.frm, pair.to, pair.latency, list(injections),
                                     step, what + pair.start.note(self.port)
                                     + self.reentry_note(pair), address, pair.start,
                                     pair.reentry)

    def judge_fault(self, pair: Pair, injections: list[Injection], step: int,
                    fault: GuestFault, address: int) -> None:
        """A run that ended in ``fault`` instead of the return: a failing
        no_fault case, or, where the model does not cover what the CPU ran
        there (NotModelledFault), a case judged on no property."""
        if isinstance(fault, NotModelledFault):
            self.no_verdict(pair, injections, step, str(fault), address)
            return
        self.verdicts["no_fault"].cases += 1
        self.fail("no_fault", pair, injections, step, str(fault), address)

    def judge_worlds(self, pair: Pair, injections: list[Injection], step: int, address: int,
                     cases: int, problem) -> None:
        """defined_only on ``cases`` cases run in the other poison world
        too: ``problem`` is what differed there (None: nothing), or the
        NotModelledFault that world's run reached (then no property)."""
        if isinstance(problem, NotModelledFault):
            self.no_verdict(pair, injections, step, str(problem), address)
            return
        self.verdicts["defined_only"].cases += cases
        if problem:
            self.fail("defined_only", pair, injections, step, problem, address)

    def merge(self, other: "_Checker") -> None:
        """Add what ``other`` explored (other pairs of the same routine)."""
        for prop, verdict in other.verdicts.items():
            self.verdicts[prop].cases += verdict.cases
        for prop, failure in other.failures.items():
            known = self.failures.get(prop)
            if known is None or failure.key < known.key:
                self.failures[prop] = failure
        if other.unjudged is not None and (self.unjudged is None
                                           or other.unjudged.key < self.unjudged.key):
            self.unjudged = other.unjudged
        self.boundaries += other.boundaries
        self.runs += other.runs
        self.states += other.states
        self.merges += other.merges
        self.deepest = max(self.deepest, other.deepest)
        self.pending_starts += other.pending_starts
        self.other_starts += other.other_starts
        self.world_paths += other.world_paths
        self.left_paths += other.left_paths
        self.left_pending += other.left_pending
        self.interrupts_off_cases += other.interrupts_off_cases
        for own, found in other.inside.items():
            known = self.inside.get(own)
            if known is not None:            # each source where the first call found it
                first, then = (found, known) if found[0] < known[0] else (known, found)
                found = (first[0], {**then[1], **first[1]})
            self.inside[own] = found
        self.inside_cases += other.inside_cases
        for own, (key, text) in other.left.items():
            known = self.left.get(own)
            if known is None or key < known[0]:
                self.left[own] = (key, text)
        self.clean_own |= other.clean_own
        self.own_touched |= other.own_touched
        self.own_written |= other.own_written
        self.pair_touched.update(other.pair_touched)
        self.path_lengths += other.path_lengths
        self.changes += other.changes

    def portable(self) -> "_Checker":
        """This checker without its machine, to send to another process."""
        self.machine = self.judge = self.worlds = None
        return self

    def counter_examples(self):
        for prop, failure in self.failures.items():
            self.verdicts[prop].counter_example = self.counter_example(prop, failure)

    def counter_example(self, prop: str, failure: _Failure) -> CounterExample:
        """Replay the case traced; ``step`` and ``address`` are the boundary
        where the last source arrived (or, with no injection, where the
        routine went wrong).  From another start, the earlier calls it
        made are replayed traced too (CounterExample.earlier)."""
        from .timeline import timeline
        machine = self.machine
        injections, step, what, address = (failure.injections, failure.step, failure.what,
                                           failure.address)
        injections = requested_from_the_call(injections)
        fault = None
        machine.backend.latency = failure.latency
        machine.set_words(self.variants[failure.reentry][0])
        focus = step
        earlier = None
        try:
            with machine.starting(failure.start, self.max_steps, trace=True) as earlier:
                result = machine.call(self.symbol, self.arguments(failure.to, failure.start),
                                      failure.frm.live,
                                      injections, self.max_steps, trace=True)
        except GuestFault as error:
            result = error.result
            if prop == "no_fault":   # the traced replay names the exact instruction
                fault = str(error)
                what = fault + failure.start.note(self.port)
                focus = result.trace[-1].step - 1 if result.trace else step
                if not injections:
                    step, address = focus, error.address
        # where each source arrived: the boundary's instruction, not the
        # stub that runs there when the CPU takes it at once
        arrived = [e.address for e in result.events if e.kind == "inject"]
        lo, hi = focus + 1 - TRACE_CONTEXT[0], focus + 1 + TRACE_CONTEXT[1]
        passed = self.arguments(failure.to, failure.start)
        # a handler that called the routine again (emu/reenter.py): the
        # trace goes on to show that call's first instructions
        entry = machine.image.symbol(self.symbol)
        again = next((s.step for s in result.trace
                      if s.address == entry and injections and s.step > step + 1), None)
        if again is not None:
            hi = max(hi, again + REENTRY_CONTEXT)
        return CounterExample(
            port=self.port.name, routine=self.routine, from_ipl=failure.frm.name,
            to_ipl=failure.to.name, argument=passed[0] if passed else None,
            latency=failure.latency if len(machine.write_latencies) > 1 else None, step=step,
            address=address, instruction=self.machine.instruction_text(address),
            line=machine.image.line_of(address), symbol=machine.image.symbol_of(address),
            source=injections[-1].source.name if injections else None, what=what,
            run=replace(result, trace=[s for s in result.trace if lo <= s.step <= hi],
                        events=[e for e in result.events if lo <= e.step <= hi]),
            fault=fault, stack_shift=failure.start.shift, earlier=earlier or [],
            interrupts_disabled=failure.start.interrupts_off,
            pended_before_call=", ".join(failure.start.pended_all) or None,
            call_state=failure.start.state,
            left_by=failure.start.left_by or None, repeated_rounds=failure.start.rounds,
            injections=[self.describe_injection(inj, where if where is not None else machine.sentinel)
                        for inj, where in zip(injections, arrived + [None] * len(injections))],
            timeline=timeline(self.port, machine.image, result, ((self.symbol, "spl routine"),)))

    def describe_injection(self, injection: Injection, address: int) -> dict:
        """Where one injection arrived: source, boundary, instruction, line."""
        return {"source": injection.source.name, "step": injection.step, "address": address,
                "instruction": self.machine.instruction_text(address),
                "line": self.machine.image.line_of(address),
                "symbol": self.machine.image.symbol_of(address),
                "pended_at_call": injection.at_call,
                "held_by_cpu": injection.held is not None}

    # -- one pair ------------------------------------------------------------------
    def check_pair(self, frm: Level, to: Level, latency: int, memo: dict, order: int = 0,
                   reentry: int = 0):
        """``memo`` holds case outcomes shared by the write latencies of
        this pair where they cannot differ: a trap completes every pending
        write (Backend.complete_writes), so a run whose latency decided
        only interrupt acceptance goes on alike from the same boundary at
        every latency; where a latency decides more (a run that reads, in
        the three instructions after a write, what the write delays:
        Backend.latency_bound), its outcomes, and the cases on a run whose
        path it decided, are keyed by the latency too (one_case, explore).
        Where a case is delivered depends on the latency, and is found anew.
        ``reentry``: the setting of the handlers' re-entry words
        (``variants``) the machine has; past the first, only the cases
        where a re-entering source's handler may run are run again
        (explore), and the pair's call with no interrupt, the same in
        every setting, is judged once, with the first."""
        want = promised(self.port, self.kind, frm.live, to.live)
        self.serial = 0
        states = States() if self.merging else None
        pair = self.baseline_pair(frm, to, latency, want, order, states, reentry=reentry)
        if pair is None:
            return
        base = pair.base
        result = base.result
        last = len(base.boundaries) - 1          # the boundary at the return
        if not reentry:
            self.boundaries += len(base.boundaries)
            self.path_lengths.append(result.steps)
            self.changes.append(len(result.of_kind("priority")))
            self.judge_baseline(pair)
            call = Call(self.arguments(to), frm.live, result)
            worlds = self.worlds.call_problem(call)
            problem, lefts, left_paths = worlds.problem, [], []
            if problem is None:
                lefts = self.left_behind(frm)
                problem, left_paths = self.worlds.left_problem(call, lefts)
            self.judge_worlds(pair, [], last, base.boundaries[-1].address, 1, problem)
            self.clean_own.add(result.own_after)
            self.note_inside(pair)
        if states is not None:
            states.add(base)
        self.explore(pair, base, last, memo, states, [])
        if self.explore_pending(pair, base, memo, states, note=not reentry) and not reentry:
            self.pending_starts += 1
        if states is not None:
            self.states += len(states)
            self.merges += states.merges
        if self.machine.backend._watched:
            touched = frozenset(self.machine.backend.own_touched)
            key = (frm.name, to.name, latency)
            self.pair_touched[key] = self.pair_touched.get(key, frozenset()) | touched
        if not reentry:       # the other starts' calls with the first setting only
            for world, flag in worlds.other_paths:
                self.explore_world_path(pair, world, flag)
            self.explore_left_paths(pair, left_paths if problem is None else [])
            if problem is None:
                self.judge_left_pending(pair, [left for left in lefts if left not in left_paths])
            self.check_other_starts(frm, to, latency, want, order)

    def explore_world_path(self, first: Pair, world: int, flag: tuple[str, int]) -> None:
        """The pair's call with what the ABI leaves undefined holding
        ``world``'s poison, which reached ``first``'s end (world 0's) by
        another path, the one bit ``flag`` deciding it (Worlds.call_problem:
        a branch on the caller's condition code over an instruction; no
        caller can tell, an interrupt can): where the bit was still the
        caller's at the boundary the paths part (Boundary.unwritten), its
        baseline judged and every source at every boundary of it, as world
        0's, the two worlds holding both of its values (red team 35 F6: such
        a routine failed defined_only, its second path unexplored).  Where
        an instruction had combined it with other state before (an add with
        carry), whose other values the two worlds do not cover: defined_only
        fails.  The cases' own world-1 reruns flip only what world 0's
        poison would: they judge the free stack an interrupt leaves."""
        start = CallStart(world=world)
        with self.machine.starting(start, self.max_steps):
            pair = self.baseline_pair(first.frm, first.to, first.latency, first.want,
                                      first.order, start=start)
            if pair is None:
                return
            ours, theirs = first.base.boundaries, pair.base.boundaries
            part = next((i for i, (a, b) in enumerate(zip(ours, theirs))
                         if a.address != b.address), min(len(ours), len(theirs))) - 1
            name, bit = flag
            if not dict(ours[max(part, 0)].unwritten).get(name, 0) & bit:
                last = len(ours) - 1
                self.fail("defined_only", first, [], last,
                          self.worlds.path_problem(world, flag), ours[-1].address)
                return
            self.world_paths += 1
            self.boundaries += len(theirs)
            self.judge_baseline(pair)
            self.explore(pair, pair.base, len(theirs) - 1, {}, None, [])

    def explore_left_paths(self, first: Pair, lefts: list[LeftBehind]) -> None:
        """The pair's call with what the ABI leaves undefined holding what
        an earlier spl call left there (``lefts``: those with which the
        call took another path than the clean call to the same end,
        Worlds.left_problem), explored as the clean call at depth 1: every
        source at every boundary, and the highest request it unblocks
        pending at the call (explore_start).  No caller can tell such a
        path from the clean call's; an interrupt can (red team 39 G F4: a
        stale %ecx choosing a fast path that tests ipending before it
        writes cpl; F5: one skipping the ipending test, which only a
        request pending at the call shows)."""
        for left in lefts:
            start = CallStart(left=left)
            with self.machine.starting(start, self.max_steps):
                pair = self.baseline_pair(first.frm, first.to, first.latency, first.want,
                                          first.order, start=start)
                if pair is None:
                    continue
                self.left_paths += 1
                self.judge_baseline(pair)
                self.explore_start(pair)

    def judge_left_pending(self, first: Pair, lefts: list[LeftBehind]) -> None:
        """The pair's call with the highest request it unblocks pending at
        the call (judge_pending_start's), made with what an earlier spl call
        left where the ABI leaves it undefined (``lefts``: those with which
        the clean call takes its own path to its own end), judged at its
        end: a stale value may choose a path only where something is
        pending (a replay skipped when a register still holds what the
        routine's last call wrote there).  The clean call's path is the
        same with each of them, so the request is delivered where it is
        without them, in one plain run each (no boundary kept)."""
        path = self.pending_path(first) if lefts else None
        if path is None:
            return
        injections = requested_from_the_call(path)     # as a counter-example replays it
        address = first.base.boundaries[-1].address
        for left in lefts:
            start = CallStart(left=left)
            pair = replace(first, start=start, judgements={}, touched=set())
            self.left_pending += 1
            self.runs += 1
            with self.machine.starting(start, self.max_steps):
                try:
                    result = self.machine.call(self.symbol, self.arguments(first.to, start),
                                               first.frm.live, injections, self.max_steps)
                except GuestFault as fault:
                    self.judge_fault(pair, path, path[0].step, fault,
                                     first.base.at(path[0].step).address)
                    continue
            pair.base = Baseline(result, [], result.kept_before)
            self.judge_end(pair, path, result.steps, address,
                           end_of_baseline(pair.base), reference=None)

    def baseline_pair(self, frm: Level, to: Level, latency: int, want: int, order: int,
                      states: States | None = None, start: CallStart = CallStart(),
                      reentry: int = 0) -> Pair | None:
        """The pair with its baseline recorded (from the machine's start
        now, ``start``); None where the baseline faults (a failing
        no_fault case)."""
        try:
            base = record_baseline(self.machine, self.symbol, self.arguments(to, start), frm.live,
                                   self.max_steps, states)
        except GuestFault as fault:
            pair = Pair(frm, to, latency, want, Baseline(fault.result, [], {}), order, start=start,
                        reentry=reentry)
            self.judge_fault(pair, [], fault.result.steps, fault, fault.address)
            return None
        return Pair(frm, to, latency, want, base, order, start=start, reentry=reentry)

    def judge_baseline(self, pair: Pair) -> None:
        """exact, the end's properties and the kernel data of the pair's
        baseline (no interrupt of its own)."""
        port, base = self.port, pair.base
        result = base.result
        last = len(base.boundaries) - 1          # the boundary at the return
        address = base.boundaries[-1].address
        self.verdicts["exact"].cases += 1
        if result.priority_after != pair.want or result.settling_after:
            what = (f"returned at {port.priority_label(result.priority_after)}, "
                    f"promised {port.priority_label(pair.want)}")
            if result.settling_after:
                what += f"; the priority write takes effect {result.settling_after} insns after return"
            self.fail("exact", pair, [], last, what, address)
        self.judge_end(pair, [], last, address, end_of_baseline(base, pair.start.pended_all),
                       reference=None)
        if result.data_changed:         # part of the baseline's preserves case, counted above
            self.fail("preserves", pair, [], last, f"{result.data_changed}: {KERNEL_WRITE}",
                      address)

    def check_other_starts(self, frm: Level, to: Level, latency: int, want: int,
                           order: int) -> None:
        """The pair's call from the other starts (emu/starts.py): its
        baseline, and the call with the highest request it unblocks
        pending (judge_pending_start), each judged at its end, and from the
        interrupts-disabled start with nothing pended, every source
        requested at every boundary (judge_interrupts_off); a start whose
        earlier calls fault is left out (those calls are cases of their
        own: the routine's baseline, the restore routine's check)."""
        for start in other_starts(self.port, self.symbol, self.kind, self.argument,
                                  self.arguments(to), frm.name, frm.live, want, to.name):
            try:
                with self.machine.starting(start, self.max_steps) as earlier:
                    if earlier is None:
                        continue
                    self.runs += len(earlier) + 1
                    self.other_starts += 1
                    pair = self.baseline_pair(frm, to, latency, want, order, start=start)
                    if pair is None:
                        continue
                    self.judge_baseline(pair)
                    if start.blocks_all(self.port) and not start.pended:
                        self.judge_interrupts_off(pair)
                    elif start.interrupts_off and start.pended:
                        # the replay of the pended source runs, and may turn
                        # interrupts on as the port's own stubs do: every
                        # source at every boundary, judged by the priority
                        # (red team 28 A F3: a claim lost there held); the
                        # own data inside that replay are noted as the clean
                        # call's are (red team 35 F1b: a flag set only there)
                        self.explore_start(pair, pending=False)
                        self.note_inside(pair, how=f" with interrupts disabled and "
                                                   f"{start.pended} pending at the call")
                    elif start.restored:
                        # the routine turns interrupts on (starts.restored_states)
                        self.explore_start(pair, pending=False)
                    elif start.pended_also and len(start.pended_also) == self.most_waiting:
                        # with every request waiting together, its replay meets
                        # one more at every boundary (red team 41: a claim with
                        # interrupts on after the first, a dispatch going on
                        # from the source after the one it served; only the
                        # sources the priority there blocks missed them: a
                        # handler run at once changes the pending word too);
                        # from the other priorities (fewer waiting) judged at
                        # the end only: each such start explored doubled a
                        # check's cost
                        self.explore_start(pair, pending=False)
                    elif start.state and not start.earlier \
                            and latency == self.machine.write_latencies[0] \
                            and start.call_state(self.port).older_windows:
                        # an interrupt anywhere spills the windows above
                        # through the frame pointer (abi.frame_pointer): a
                        # leaf's %fp used as a scratch register (red team 30
                        # J); at one write latency, which no %fp depends on
                        self.explore_start(pair, pending=False)
                    self.judge_pending_start(pair)
            except GuestFault:
                continue

    # -- the routine's own data as interrupted calls left them ----------------------
    def note_left(self, pair: Pair, injections: list[Injection], own: bytes) -> None:
        """An interrupted case of the pair (``injections``) ended with the
        routine's own data ``own`` (Machine.own_bytes): kept, with the
        case that left it first, for check_left_starts."""
        if own in self.left:
            return
        self.left_serial += 1
        self.left[own] = ((self.generation, pair.order, self.left_serial),
                          self.left_description(pair, injections))

    def left_description(self, pair: Pair, injections: list[Injection]) -> str:
        """The interrupted call that left the routine's own data: what it
        was called with, from where, and its interrupts."""
        args = ", ".join(f"{a:#x}" for a in self.arguments(pair.to))
        latency = (f" at write latency {pair.latency}"
                   if len(self.machine.write_latencies) > 1 else "")
        interrupts = ", then ".join(
            f"{i.source.name} pending at the call" if i.at_call
            else f"{i.source.name} arriving at boundary {i.step}" for i in injections)
        text = (f"{self.symbol}({args}) from {pair.frm.name}{latency}, interrupted "
                f"({interrupts})")
        start = pair.start
        if start.own and start.rounds and not start.mixed:
            return f"{text}, after {start.rounds} rounds of {start.left_by}"
        if start.own:
            return f"{text}, after {start.left_by}"
        return text

    def left_starts(self) -> list[CallStart]:
        """The starts check_left_starts calls every pair from: each
        distinct own data an interrupted case left that no call without an
        interrupt left (nor the image as loaded), in the order the cases
        were explored; every one (a bound could leave out the one state a
        later call goes wrong from).  Distinct in the bytes the routine's
        calls themselves read or wrote outside any interrupt
        (``own_touched``) only: data only a stub or a handler touches (a
        stub's static save area of the interrupted PC) is theirs, and a
        state differing there alone is no new start; of the states alike
        in those bytes the first is kept."""
        loaded = self.machine.loaded_own_bytes()
        offsets = self.machine.own_offsets(self.own_touched)

        def seen(own: bytes) -> bytes:
            return bytes(own[i] for i in offsets)
        known = {seen(loaded), *map(seen, self.clean_own)}
        starts = []
        for _, own, text in sorted((key, own, text) for own, (key, text) in self.left.items()):
            if seen(own) in known:
                continue
            known.add(seen(own))
            starts.append(CallStart(own=own, left_by=text))
        return starts

    def collect_touched(self) -> None:
        """Keep what the machine's backend noted (Machine.watch_own) since
        the last collect_touched, and start noting afresh."""
        backend = self.machine.backend
        if backend._watched:
            self.own_touched |= backend.own_touched
            self.own_written |= backend.own_written
            backend.own_touched, backend.own_written = set(), set()

    def drop_touched(self) -> None:
        """Forget what the backend noted before this checker's own calls."""
        self.collect_touched()
        self.own_touched, self.own_written = set(), set()

    def static_found(self) -> bool:
        """Did the calls explored so far read or write own data outside
        the routine's code, or write into its code (self-modifying code
        keeping a value in an instruction's immediate: red team 30 I F)?
        There a static temporary lives (static_data).  Code read as data
        (arm32's literal pools) is none."""
        return bool(self.own_touched & self.machine.own_data_outside_code()
                    or self.own_written)

    def check_left_starts(self, frm: Level, to: Level, latency: int, want: int, order: int,
                          starts: list[CallStart], touched: frozenset | None = None,
                          clean: set[bytes] = frozenset()) -> None:
        """The pair's call from each start an interrupted call's own data
        give (left_starts), in cpu.reset's state and in each
        abi.call_states entry: explored as the clean call is at depth 1
        (explore_start), or, from a call state that takes no interrupt,
        every source requested at every boundary (judge_interrupts_off).
        Those data are a state no call without an interrupt leaves, so a
        later call from them may meet an interrupt anywhere too.  Of the
        starts, those new to the pair: distinct in the bytes the pair's
        own calls touched outside any interrupt (``touched``: a memo's
        entry for the pair's argument, not another's), and there unlike
        the image as loaded and every state a clean call left (``clean``);
        of starts alike there the first (None: every start).  A start
        repeated rounds of earlier calls left (``rounds``,
        emu/repeats.py) need only be unlike the image as loaded and the
        starts before it there."""
        states = [None, *(state.name for state in self.port.abi.call_states)]
        if touched is not None:
            offsets = self.machine.own_offsets(touched)

            def seen(own: bytes) -> bytes:
                return bytes(own[i] for i in offsets)
            # a start repeated rounds left (emu/repeats.py) is new also where
            # a clean call leaves the same: that state was judged with no
            # interrupt only (a warm start)
            loaded = {seen(self.machine.loaded_own_bytes())}
            known = loaded | set(map(seen, clean))
            fresh = []
            for start in starts:
                if seen(start.own) not in (loaded if start.rounds else known):
                    loaded.add(seen(start.own))
                    known.add(seen(start.own))
                    fresh.append(start)
            starts = fresh
        for own in starts:
            if own.exists_at is not None:
                met_by = self.met_by(own.exists_at, frm, to)
                if met_by is None:
                    continue             # own data callers meet at other priorities only
                own = replace(own, left_by=met_by, met=True, rounds=0, mixed=False)
            for state in states:
                start = replace(own, state=state)
                with self.machine.starting(start, self.max_steps):
                    self.runs += 1
                    self.other_starts += 1
                    pair = self.baseline_pair(frm, to, latency, want, order, start=start)
                    if pair is None:
                        continue
                    self.judge_baseline(pair)
                    if start.blocks_all(self.port):
                        self.judge_interrupts_off(pair)
                    else:
                        self.explore_start(pair)

    def met_by(self, exists_at: tuple, frm: Level, to: Level) -> str | None:
        """The calls that lead a caller of the pair to own data of
        CallStart.exists_at (outside any handler at ``frm``, or in a
        handler calling there, which lowers no lower than its IPL); None:
        no caller of the pair meets them."""
        for (priority, inside), calls in exists_at:
            if priority == frm.live and (inside is None or self.handler_calls(inside, frm, to)):
                return calls
        return None

    def handler_calls(self, source: str, frm: Level, to: Level) -> bool:
        """Does ``source``'s handler make the pair's call?  A handler runs
        at its IPL or above, and lowers (restores) no lower; it calls no
        set routine whose IPL is below its own."""
        port = self.port
        handler = port.source(source)
        return port.blocks(frm.live, handler) and (self.kind == "raise"
                                                    or port.blocks(to.live, handler))

    def explore_start(self, pair: Pair, pending: bool = True) -> None:
        """Every source at every boundary of the pair's call from its start
        (pair.start), and (``pending``) from the call with the highest
        request it unblocks pending at the call (explore_pending): the clean call's
        cases at depth 1, whatever the depth asked (a start is one more
        dimension of every case: depth 2 from each would multiply the
        cost by the boundaries)."""
        base = pair.base
        self.boundaries += len(base.boundaries)
        limit = self.limit
        self.limit = min(limit, 1)
        try:
            memo: dict = {}
            self.explore(pair, base, len(base.boundaries) - 1, memo, None, [])
            if pending:
                self.explore_pending(pair, base, memo, None)
        finally:
            self.limit = limit

    # -- calls a handler makes while another call is inside the routine -----------
    def note_inside(self, pair: Pair, base: Baseline | None = None, how: str = "",
                    nesting: int = 0) -> None:
        """Keep the routine's own data (Machine.own_bytes) as the pair's
        call has them at each boundary before its return where the CPU
        takes some source the priority there does not block: that source's
        handler may call the routine there (every NetBSD handler calls spl
        routines), and that call starts from these own data
        (check_inside_starts judges it).  The call is the one recorded in
        ``base`` (default: the pair's own, its clean call or its start's),
        ``how`` what it says of it beyond the pair (" with clock pending at
        the call"), ``nesting`` how many handlers' calls deep it is (0: the
        pair's own; check_inside_starts).  Own data as loaded are the usual
        start's; a routine with no own data (the port's, on a port with no
        pending word) pays nothing."""
        if not self.machine.has_own_data():
            return
        args = ", ".join(f"{a:#x}" for a in self.arguments(pair.to))
        self.note_inside_run(base or pair.base, f"{self.symbol}({args}) from {pair.frm.name}{how}",
                             (nesting, pair.order))

    def note_inside_run(self, base: Baseline, call: str, order: tuple,
                        settled: bytes | None = None) -> None:
        """note_inside's work on the clean call recorded in ``base``
        (``call`` says it, ``order`` ranks it among the calls noted: the
        first to reach a state names it): the pair's call, or a call in a
        round of earlier calls (emu/repeats.py: another routine of the
        snippet, splx after splhigh, may leave the data shared with the
        routine in a state no call of the routine itself reaches); own
        data ``settled`` (a round's end, a start of every pair already)
        are not kept."""
        machine = self.machine
        loaded = machine.loaded_own_bytes()
        software = self.port.priority.symbol is not None     # the priority is a word in memory
        for boundary in base.boundaries[:-1]:
            if not boundary.accepts or boundary.snapshot is None:
                continue
            machine.backend.restore(boundary.snapshot)
            # a source whose handler runs there: the CPU takes it (at the
            # priority in effect: a write still pending is not, red team 34
            # F3) and a priority in memory does not block it (a stub that
            # finds it blocked there pends it: red team 30 I E), nor does
            # the priority block a soft interrupt the kernel simulates (a
            # bit its stub posts, run where software dispatches the word:
            # alpha's and m68k's ssir)
            sources = tuple(s.name for s in self.port.sources if s.name in boundary.accepts
                            and not ((software or s.bit is not None)
                                     and self.port.blocks(boundary.priority, s)))
            if not sources:
                continue
            own = machine.own_bytes()
            if own == loaded or own == settled:
                continue
            known = self.inside.get(own)
            if known is None:
                self.left_serial += 1
                known = self.inside[own] = ((*order, self.left_serial), {})
            if set(sources) <= set(known[1]):
                continue
            text = (f"taken at boundary {boundary.step} "
                    f"({machine.instruction_text(boundary.address)}) of {call}")
            for name in sources:
                known[1].setdefault(name, text)

    def inside_starts(self) -> list[tuple[CallStart, dict[str, str]]]:
        """The starts check_inside_starts calls pairs from, each with the
        sources whose handler may make that call and where the first call
        found it could (note_inside), in the order found."""
        return [(InsideStart(own=own), texts)
                for _, own, texts in sorted((key, own, texts) for own, (
                    key, texts) in self.inside.items())]

    def check_inside_starts(self, frm: Level, to: Level, latency: int, want: int, order: int,
                            starts: list, nesting: int = 1) -> None:
        """The pair's call from each start of inside_starts whose sources
        ``frm`` blocks one of (a handler calls at its own IPL and above),
        with no interrupt and with every source at every boundary (depth
        1, explore_start): a call of the routine made by a handler while
        another call is inside it, judged as a call of its kind (exact:
        the priority its kind promises from ``frm``; returns_previous, and
        the rest of the end) (red team 20 B F2: a guard that makes the
        re-entered call skip its priority write), and what an interrupt
        taken inside it runs (red team 24 F6: a re-entered call that
        writes cpl = 0 for one instruction lets a disk handler run inside
        the clock's).  ``nesting``: how many calls deep these are (1: a
        handler's call inside the pair's call); below INSIDE_NESTING, the
        own data they have where a handler may run are noted in turn, the
        starts of the next (red team 35 F4: a count that goes wrong at two
        nested calls)."""
        for start, texts in starts:
            fit = [name for name in texts if self.handler_calls(name, frm, to)]
            if not fit:
                continue
            where: dict[str, list[str]] = {}
            for name in fit:
                where.setdefault(texts[name], []).append(name)
            start = replace(start, left_by="; ".join(
                f"{' or '.join(names)}'s handler, {text}" for text, names in where.items()))
            with self.machine.starting(start, self.max_steps):
                self.runs += 1
                self.inside_cases += 1
                pair = self.baseline_pair(frm, to, latency, want, order, start=start)
                if pair is None:
                    continue
                self.judge_baseline(pair)
                self.explore_start(pair)
                if nesting < INSIDE_NESTING:
                    self.note_inside(pair, how=f", made by {start.left_by}", nesting=nesting)

    def judge_interrupts_off(self, pair: Pair) -> None:
        """no_window on a call made with interrupts disabled
        (CallStart.blocks_all: the enable off, or a call state with
        interrupts off): every source requested at every
        boundary of its baseline, one case each; the CPU must take none
        before the return, as disabled interrupts block every source (one
        taken at the return boundary only is taken in the caller, with the
        enable on at the return: preserves judges that).  No case runs: a
        take is the failure, and a correct routine has none."""
        base = pair.base
        last = base.boundaries[-1].step
        window = self.verdicts["no_window"]
        gate, state = self.port.abi.interrupt_enable, pair.start.call_state(self.port)
        started = (f"{state.name} ("
                   + ", ".join(f"{reg}&{mask:#x} = {value:#x}" for reg, mask, value in state.bits)
                   + ")" if state else f"{gate.register} {gate.name} = {gate.value:#x}")
        for boundary in base.boundaries:
            for source in self.port.sources:
                window.cases += 1
                self.interrupts_off_cases += 1
                taken_at = base.first_acceptance(boundary.step, source)
                if taken_at is None and not base.merges(boundary.step, source):
                    # refused while interrupts are off, then withdrawn: lost
                    withdrew = base.lost_withdrawal(boundary.step, source)
                    if withdrew is not None:
                        self.fail("served_once", pair,
                                  [Injection(source, boundary.step, boundary.visit)],
                                  boundary.step, lambda source=source, step=boundary.step,
                                  withdrew=withdrew: self.withdrawn_problem(
                                      pair, step, source, self.withdrawn_by(withdrew)),
                                  boundary.address)
                if taken_at is None or taken_at >= last:
                    continue
                after = base.at(max(taken_at - 1, base.boundaries[0].step)).address
                self.fail("no_window", pair, [Injection(source, boundary.step, boundary.visit)],
                          boundary.step,
                          f"{source.name} (at {source.ipl}) arrived at step {boundary.step} and "
                          f"the CPU took it at step {taken_at}, before the return, right after "
                          f"{self.machine.instruction_text(after)}{self.machine.where(after)}: "
                          f"the call started with {started}, which blocks every source, and the "
                          f"routine let the interrupt in", boundary.address)

    def judge_pending_start(self, pair: Pair) -> None:
        """The end of the pair's call with the highest request it unblocks
        pending at the call (explore_pending), or its fault.  Not from a
        call made with interrupts disabled: the CPU takes no request there
        (judge_interrupts_off asks that it takes none); nor from one made
        with every request the routine unblocks pended already
        (starts.several_pended)."""
        if pair.start.interrupts_off or pair.start.pended_also:
            return            # none taken; every one the routine unblocks pended already
        path = self.pending_path(pair)
        if path is None:
            return
        self.runs += 1
        try:
            pending = self.pending_run(pair.base, path[0])
        except GuestFault as fault:
            self.judge_fault(pair, path, path[0].step, fault, pair.base.at(path[0].step).address)
            return
        if pending is not None:
            end = pending.boundaries[-1]
            self.judge_end(pair, path, end.step, end.address, end_of_baseline(pending),
                           reference=None)

    def pending_path(self, pair: Pair) -> list[Injection] | None:
        """The injection of the request pending at the pair's call
        (pending_at_call), None where no source fits: at the call's first
        boundary where the CPU takes it there (its stub pends it), else
        where the CPU takes the request it held from the call on
        (Injection.held, filled in by pending_run)."""
        base = pair.base
        found = pending_at_call(self.port, pair.frm.live, pair.want, base)
        if found is None:
            return None
        source, taken_at = found
        entry = base.boundaries[0]
        if taken_at == entry.step:
            return [Injection(source, entry.step, entry.visit, at_call=True)]
        return [Injection(source, taken_at, base.at(taken_at).visit, at_call=True, held=())]

    def pending_run(self, base: Baseline, pending: Injection, states: States | None = None
                    ) -> Baseline | None:
        """The run from the pending request's delivery (pending_path's
        ``pending``): one the CPU took at the call's first boundary, from the
        boundary after its stub returned (record_after_stub: the stub pended
        it); one the CPU held, from its take on, its stub and handler too
        (record_nested).  None where the stub never returns; a fault raises
        GuestFault."""
        if pending.held is None:
            return record_after_stub(self.machine, base, pending.step, pending.source,
                                     self.max_steps, states)
        return record_nested(self.machine, base, pending.step, pending.source, self.max_steps,
                             states)

    def explore_pending(self, pair: Pair, base: Baseline, memo: dict,
                        states: States | None, note: bool = False) -> bool:
        """The call made with a request already pending: of the sources the
        caller's priority blocks and the routine's unblocks, the highest
        (blocked by the fewest distinct levels) the CPU takes before the
        return (pending_at_call).  Where the CPU takes it at the call's
        first instruction (a software priority), its stub pends it and
        returns to the routine; then from the boundary after the stub
        returned, the cases of the depth asked, as from a clean call: at
        depth 1 one more source at every boundary, at depth 2 also a second
        nested after every first, and so on (the pending request is where
        the case starts, not one of the depth's injections).  So the
        routine's replay of what was pending meets an interrupt at every
        instruction: one that finds the request still pending serves it
        twice; a source that arrives and pends while the replay clears the
        pending word without excluding interrupts is lost (the highest
        source's replay blocks the most arrivals, which pend).  Where the
        CPU holds the request (its priority is the CPU's), it takes it
        where the routine lets it in: the cases then start at that take,
        one more source at every boundary of its stub, its handler and the
        rest of the call, so a stub or handler meets a second interrupt
        nested in it already at depth 1 (a source arriving before the
        take is left out: both wait for the same unblocking).
        ``states``: the pair's, shared with the clean call's runs (a state
        reached from both is explored once).  World 1 is not run on these
        cases (defined_only is judged on the others).  ``note``: the
        routine's own data inside this call are kept as note_inside keeps
        the clean call's (a replay path's flag exists only where something
        was pending: red team 35 F1, F2).  True where it ran."""
        path = self.pending_path(pair)
        if path is None:
            return False
        try:
            pending = self.pending_run(base, path[0], states)
        except GuestFault:
            return False      # that case faults already: judged among the cases
        if pending is None:
            return False      # the stub never returned (a fault or runaway: judged as a case)
        if path[0].held is not None:
            # its interrupt, told apart from later ones by where it returns (nests)
            delivery = pending.boundaries[0].active[-1]
            path = [replace(path[0], held=delivery.return_point)]
        self.boundaries += len(pending.boundaries)
        if note:
            self.note_inside(pair, pending, f" with {path[0].source.name} pending at the call")
        if pending.result.own_after:
            self.note_left(pair, path, pending.result.own_after)
        end = pending.boundaries[-1]
        self.judge_end(pair, path, end.step, end.address, end_of_baseline(pending), reference=None)
        if states is not None:
            states.add(pending)
        self.explore(pair, pending, end.step, memo, states, path)
        return True

    @staticmethod
    def from_pending(earlier: list[Injection]) -> bool:
        """Do these injections start with a request pending at the call
        (explore_pending)?  Then no other world runs the case."""
        return bool(earlier) and earlier[0].at_call

    @classmethod
    def depth_of(cls, injections: list[Injection]) -> int:
        """How deep a case is: its injections but a request pending at the
        call, which is where the case starts (explore_pending)."""
        return len(injections) - cls.from_pending(injections)

    def explore(self, pair: Pair, base: Baseline, last: int, memo: dict, states: States | None,
                earlier: list[Injection]):
        """Every case with one more injection than ``earlier`` (the
        injections already in ``base``'s run), then, depth permitting
        (depth_of), the runs nested from where the CPU took one (see
        ``nests``)."""
        port = self.port
        ends: dict = {}
        taken: dict = {}              # (boundary, source) the CPU takes on this run
        # outcomes by place (this run's boundary: shared by every write
        # latency, which decides only where sources are taken, unless it
        # decided this run's path) and by state
        key = tuple((i.source.name, i.step, i.visit) for i in earlier)
        places = memo.setdefault((key, pair.latency) if base.latency_bound else key, {})
        by_state = memo.setdefault("states", {}) if states is not None else None
        groups = case_groups(base, port.sources, last)
        # past the first re-entry setting, a case none of whose sources
        # calls otherwise than in the first runs as with the first
        again = self.reentering[pair.reentry] if pair.reentry else None
        if again is not None and any(i.source.name in again for i in earlier):
            again = None
        for index, boundary in enumerate(base.boundaries):
            for source in port.sources:
                size = groups.get((index, source.name))
                if size is None:
                    continue            # judged with the first case of its group
                if again is not None and source.name not in again:
                    continue
                taken_at = self.one_case(pair, base, boundary.step, source, last,
                                         (places, by_state), ends, earlier, size)
                if taken_at is not None:
                    taken[(taken_at, source.name)] = True
        if self.depth_of(earlier) + 2 > self.limit:
            return
        for taken_at, first_name in taken:
            if not self.nests(base, taken_at, earlier):
                continue
            first = port.source(first_name)
            path = earlier + [Injection(first, taken_at, base.at(taken_at).visit)]
            depth = self.depth_of(path)
            final = depth + 2 > self.limit
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
                        f"{self.max_states} states at depth {depth + 1}; stopped with no "
                        f"verdict (raise --max-states{self.fixed_depth_hint})")
            if self.max_memory is not None and resident_mib() > self.max_memory[0]:
                share, total = self.max_memory
                raise StateBound(
                    f"{self.routine} from {pair.frm.name} to {pair.to.name}: more than "
                    f"{share} MiB in use at depth {depth + 1}"
                    f"{f' ({len(states)} states)' if states is not None else ''}"
                    f"{f' (each process has {share} of the {total} MiB)' if share < total else ''}"
                    f"; stopped with no verdict (raise --max-memory{self.fixed_depth_hint})")
            self.boundaries += len(nested.boundaries)
            if nested.result.own_after:
                self.note_left(pair, path, nested.result.own_after)
            # a source taken at the return boundary runs after the routine:
            # everything nested in it is after the return too
            nested_last = nested.boundaries[-1].step if taken_at < last else -1
            end = nested.boundaries[-1]
            self.judge_end(pair, path, end.step, end.address, end_of_baseline(nested),
                           reference=None)
            self.explore(pair, nested, nested_last, memo, states, path)
            if states is not None:
                states.release(nested)

    @classmethod
    def nests(cls, base: Baseline, taken_at: int, earlier: list[Injection]) -> bool:
        """Does a run nest from ``base``'s boundary ``taken_at``?  In a
        case every injection but the last is taken while all earlier ones
        are still in flight (it nests in the handler before it); the last
        one arrives at any boundary.  So depth 2 is every first source at
        every boundary and every second one at every boundary after it
        (the same source again too), and deeper cases nest until the
        priorities run out (unless a handler lets its own source in
        again: then --max-states ends it).  A request pending at the call
        is not counted (depth_of): its stub returned before the case began,
        or, held by the CPU (Injection.held), its interrupt, while still in
        flight, is the outermost and not one of the case's."""
        depth = cls.depth_of(earlier)
        if depth < 1:
            return True
        active = base.at(taken_at).active
        held = earlier[0].held
        outer = held is not None and bool(active) and active[0].source == earlier[0].source \
            and active[0].return_point == held
        return len(active) - outer == depth

    # -- one case --------------------------------------------------------------------
    def one_case(self, pair: Pair, base: Baseline, step: int, source: Source, last: int,
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
        # on a CPU that latches requests, a source arriving while the CPU
        # still holds its line's request adds none: the run is the
        # baseline's, and the request is served if the source's handler
        # runs after it arrives (the one the held request leads to)
        merged = base.merges(step, source)
        # ... and software that reads where it holds requests between the
        # arrival and the take would see this one: run from the arrival
        arrival = not merged and self.machine.backend.latches_requests \
            and base.read_before_taken(step, source)
        outcome = None
        # an outcome another write latency could change (latency_bound) is
        # kept under its latency too
        latency = pair.latency
        if arrival:
            places, _ = memos
            place = ("arrival", step, source.name)
            outcome = places.get(place) or places.get((place, latency))
            if outcome is None:
                outcome = run_case(machine, base, step, source, self.max_steps, arrival=True)
                places[(place, latency) if outcome.latency_bound else place] = outcome
                self.runs += 1
        elif taken_at is not None:
            at = base.at(taken_at)
            places, by_state = memos
            place = (taken_at, source.name)
            state = (at.key, source.name)
            outcome = places.get(place) or places.get((place, latency))
            if outcome is None and by_state is not None:
                outcome = by_state.get(state) or by_state.get((state, latency))
                if outcome is not None:
                    places[(place, latency) if outcome.latency_bound else place] = outcome
            if outcome is None:
                outcome = run_case(machine, base, taken_at, source, self.max_steps)
                places[(place, latency) if outcome.latency_bound else place] = outcome
                if by_state is not None:
                    by_state[(state, latency) if outcome.latency_bound else state] = outcome
                self.runs += 1
            # Worlds.case_problem, once per outcome, also for one a case
            # from a request pending at the call ran first (a state both reach);
            # on the usual start's cases only (an own-data start's are
            # judged on the other properties: explore_start)
            if not at.active and not self.from_pending(earlier) and not pair.start.own \
                    and not pair.start.left \
                    and not outcome.judged_in_two_worlds and not outcome.not_modelled:
                outcome.world_problem = self.worlds.case_problem(base, taken_at, source, outcome)
                outcome.judged_in_two_worlds = True
        self.deepest = max(self.deepest, self.depth_of(earlier) + 1)
        if outcome is not None and outcome.touched:
            pair.touched |= outcome.touched
        ran = outcome is not None and any(run[0] == source.name for run in outcome.handlers)
        if arrival:
            # one software withdrew in the CPU and served from the pending
            # word (its handler ran in this run) was taken, by software
            taken = outcome.taken or (outcome.withdrawn and ran)
            taken_before = taken and not outcome.taken_at_return
        else:
            taken, taken_before = taken_at is not None, taken_at is not None and taken_at < last
        before_return = ran and taken_before
        if merged:
            ran = before_return = last >= 0 and any(
                event.kind == "handler" and event.source == source.name
                for event in base.result.events[base.at(step).events:])
        boundary = base.at(step)
        injections = earlier + [Injection(source, step, boundary.visit)]
        address = boundary.address
        if outcome is not None and outcome.own_after and not outcome.fault:
            self.note_left(pair, injections, outcome.own_after)
        if outcome is not None and outcome.not_modelled:
            self.no_verdict(pair, injections, step, outcome.fault, address)
            return taken_at
        if outcome is not None and outcome.judged_in_two_worlds \
                and not self.from_pending(earlier):      # judged on the clean call's cases
            self.judge_worlds(pair, injections, step, address, group, outcome.world_problem)
        blocked_after = port.blocks(want, source)
        # a caller with interrupts off blocks every source (pmax's IEc 0
        # call state, whose restore turns them on: red team 42 F2)
        caller_off = pair.start.disabled_at_call(port)
        in_floor = blocked_after and (caller_off or port.blocks(frm.live, source))

        if arrival:
            end = ends.get(("arrival", step, source.name))
            if end is None:
                end = ends[("arrival", step, source.name)] = end_of_case(
                    pair.touched, base, step, source, outcome, arrival=True,
                    pended=pair.start.pended_all)
            reference = base.result
        elif outcome is None:
            end = ends.get(None)
            if end is None:
                end = ends[None] = end_of_baseline(base, pair.start.pended_all)
            reference = None
        else:
            end = ends.get((taken_at, source.name))
            if end is None:
                end = ends[(taken_at, source.name)] = end_of_case(pair.touched, base, taken_at,
                                                                  source, outcome,
                                                                  pended=pair.start.pended_all)
            reference = base.result
        # the earlier injections of a nested case were all taken before the
        # routine returned when ``last`` is a step (see explore), and the
        # second interrupt may decide their fate: a replay path it runs may
        # lose a pended request, or run it while the priority blocks it
        earlier_asked = earlier if last >= 0 and not (outcome and outcome.fault) else []

        window = self.verdicts["no_window"]
        window.cases += group
        if merged:
            pass                # the held request's own case judged its handler's runs
        elif before_return and in_floor:
            caller = f"{frm.name} with interrupts disabled" if caller_off else frm.name
            self.fail("no_window", pair, injections, step,
                      f"{source.name} (at {source.ipl}) ran before the return although both "
                      f"{caller} and the promised result block it", address)
        elif ran and not before_return and blocked_after:
            self.fail("no_window", pair, injections, step,
                      f"{source.name} ran at the return boundary although the result "
                      f"{port.priority_label(want)} blocks it", address)
        elif not taken or taken_before:
            problem = self.earlier_window_problem(pair, earlier_asked, source, end)
            if problem:
                self.fail("no_window", pair, injections, step, problem, address)

        # a request software withdrew in the CPU before the CPU took it
        # (Backend.withdrawn_levels) is served if a run of its handler
        # started after it arrived; else it is lost, whatever the result
        # blocks (served_once)
        withdrew, served_withdrawn = None, False
        if outcome is None and not merged and base.withdraws():
            withdrew = base.withdrawal(step, source)
            if withdrew is not None and base.pending_at_return(source):
                withdrew = None          # recorded in the pending word: judged as pending
            elif withdrew is not None and base.served_since(step, source):
                # no_lost: served by the return if that handler run started before it
                served_withdrawn = last >= 0 and base.served_since(step, source, last)
                withdrew = None
        earlier_lost, lost_problem = self.earlier_lost_problem(pair, earlier_asked, end)
        if (step < last and not blocked_after) or earlier_lost:
            self.verdicts["no_lost"].cases += group
        # a call made with interrupts disabled returns with them disabled
        # (preserves): a request the CPU never took is held there, the
        # caller's to take when it enables them, not lost
        held = pair.start.interrupts_off and outcome is None and not merged \
            and base.withdrawal(step, source) is None
        if step < last and not blocked_after and not served_withdrawn and not held \
                and not (ran and (merged or arrival or taken_at <= last)):
            why = ("the CPU still held its line's request from an earlier one, whose handler "
                   "did not run after it arrived (the line's bit was cleared first)" if merged else
                   self.never_taken(base, step, source) if outcome is None else
                   "software cleared its request in the CPU before the CPU took it (run from "
                   "its arrival: software reads the register holding it first)"
                   if arrival and outcome.withdrawn else
                   "the CPU never took it (run from its arrival: software reads the register "
                   "holding it before the CPU would take it)" if arrival and not taken
                   and not outcome.fault else
                   "it faulted first" if outcome.fault else
                   f"the CPU took it at step {taken_at} but its handler never ran"
                   if not ran else "it ran only after the return")
            lost_problem = (f"{source.name} arrived at step {step}, is not blocked by the result "
                            f"{port.priority_label(want)}, and had not run at the return: {why}")
        if lost_problem:
            self.fail("no_lost", pair, injections, step, lost_problem, address)
        if withdrew is not None:
            self.fail("served_once", pair, injections, step,
                      lambda: self.withdrawn_problem(pair, step, source,
                                                     self.withdrawn_by(withdrew)), address)
        elif arrival and outcome.withdrawn and not pended_in(outcome.pending_after, source) \
                and not any(run[0] == source.name for run in outcome.handlers):
            self.fail("served_once", pair, injections, step,
                      lambda: self.withdrawn_problem(pair, step, source,
                                                     self.arrival_withdrawn_by(base, step, source)),
                      address)

        self.judge_end(pair, injections, step, address, end, reference, group)
        return taken_at

    def never_taken(self, base: Baseline, step: int, source: Source) -> str:
        """Why the CPU never took ``source`` arriving at ``step``."""
        withdrew = base.withdrawal(step, source)
        if withdrew is None:
            return "the CPU never took it"
        return (f"software cleared its request in the CPU before the CPU took it "
                f"({self.withdrawn_by(withdrew)})")

    def withdrawn_by(self, withdrew: Boundary) -> str:
        """The instruction after ``withdrew`` (Baseline.withdrawal), in words."""
        return (f"step {withdrew.step + 1}: {self.machine.instruction_text(withdrew.address)}"
                f"{self.machine.where(withdrew.address)}")

    def arrival_withdrawn_by(self, base: Baseline, step: int, source: Source) -> str:
        """The instruction that withdrew ``source``'s request arriving at
        ``step`` in a case run from its arrival (Outcome.withdrawn), in
        words: that run again from there (the resumed run's first boundary
        is its visit 0), its events kept; only for the case shown."""
        at = base.at(step)
        try:
            result = self.machine.resume(at.snapshot, base.result.routine,
                                         [Injection(source, step)], step, None,
                                         self.max_steps, at.active, at.unwritten, at.calls)
            events = result.events
        except GuestFault as fault:
            events = fault.result.events if fault.result is not None else []
        gone = next((e for e in events if e.kind == "withdrawn" and e.source == source.name), None)
        if gone is None or gone.address is None:
            return "an instruction after it arrived"
        return (f"step {gone.step}: {self.machine.instruction_text(gone.address)}"
                f"{self.machine.where(gone.address)}")

    def withdrawn_problem(self, pair: Pair, step: int, source: Source, how: str) -> str:
        """served_once's sentence for a request software withdrew in the CPU
        before the CPU took it, and no run of its handler after."""
        return (f"{source.name} arrived at step {step}, and software withdrew its request in "
                f"the CPU before the CPU took it ({how}); its handler did not run after it "
                f"arrived: the request is lost, neither served nor pending, whatever the "
                f"result {self.port.priority_label(pair.want)} blocks")

    def earlier_window_problem(self, pair: Pair, earlier: list[Injection], source: Source,
                               end: EndState) -> str | None:
        """no_window for the sources of ``earlier`` injections (not the
        case's own ``source``, judged by one_case): none of their handlers
        ran before the return while both ``from`` and the promised result block it."""
        port = self.port
        for name in dict.fromkeys(inj.source.name for inj in earlier):
            if name == source.name:
                continue
            other = port.source(name)
            if port.blocks(pair.frm.live, other) and port.blocks(pair.want, other) \
                    and any(run.source == name for run in end.runs):
                return (f"{name} (at {other.ipl}, requested earlier in the case) ran before the "
                        f"return although both {pair.frm.name} and the promised result block it")
        return None

    def earlier_lost_problem(self, pair: Pair, earlier: list[Injection],
                             end: EndState) -> tuple[bool, str | None]:
        """no_lost for the sources of ``earlier`` injections: (was it asked,
        what failed): each one the result does not block has run its
        handler after the CPU took it (the injections' takes come first, in
        order, in ``end.takes``)."""
        port = self.port
        asked = False
        for index, inj in enumerate(earlier):
            if port.blocks(pair.want, inj.source):
                continue
            asked = True
            name = inj.source.name
            if not any(run.source == name and run.after > index for run in end.runs):
                return True, (f"{name} arrived at step {inj.step} (injection {index + 1} of the "
                        f"case), is not blocked by the result {port.priority_label(pair.want)}, "
                        f"and had not run at the return: a later interrupt's path lost it")
        return asked, None

    def judge_end(self, pair: Pair, injections: list[Injection], step: int, address: int,
                  end: EndState, reference, cases: int = 1):
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
                judged = pair.judgements[key] = self.judge.judgement(pair, end, reference)
            end.judged[reference is None] = judged
        counts, failures = judged
        for prop, count in counts:
            self.verdicts[prop].cases += count * cases
        for prop, what in failures:
            self.fail(prop, pair, injections, step, what, address)

#: case_groups' mark of a boundary where a source merges into a held request
MERGES = "merges"
#: ... and of one whose case runs from the arrival (Baseline.read_before_taken)
ARRIVAL = "arrival"
#: ... and of one whose request an instruction withdraws before the CPU takes it
WITHDRAWN = "withdrawn"


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
        taken: list = [None] * len(boundaries)
        following = None          # taken from the next boundary on
        read_following = False    # a read of the held requests comes first (read_before_taken)
        for i in range(len(boundaries) - 1, -1, -1):
            here = boundaries[i]
            accepted = source.name in here.accepts
            taken[i] = here.step if accepted else following
            read = not accepted and (here.reads_latch or read_following)
            # a boundary whose previous instruction withdrew the request ends
            # the search; the boundaries before it (back to the previous such
            # end) are a group of their own: one_case asks whether a handler
            # run served their request after it was withdrawn there
            withdrawn = here.withdrawn >> bit & 1
            following = (WITHDRAWN, i) if withdrawn else taken[i]
            read_following = read and not withdrawn
            if here.latched >> bit & 1 or any(s.name == source.name for s in here.asserted):
                # merges into the held or still asserted request (Baseline.merges):
                taken[i] = (MERGES, i)      # served if a handler starts after it, its own group
            elif read:                      # run from its arrival: a group of its own
                taken[i] = (ARRIVAL, i)
        head = 0
        for i in range(1, len(boundaries) + 1):
            if i == len(boundaries) or taken[i] != taken[head] \
                    or (boundaries[i].step < last) != (boundaries[head].step < last):
                groups[(head, source.name)] = i - head
                head = i
    return groups


def check_routine(machine: Machine, routine: str, symbol: str, kind: str,
                  max_steps: int = DEFAULT_MAX_STEPS, depth: int | str = 1,
                  only: list[str] | None = None, returns_value: bool = True,
                  jobs: int = 1, progress=None, starts: list[str] | None = None,
                  targets: list[str] | None = None, fixed: str | None = None,
                  merge: bool = True, max_states: int | None = DEFAULT_MAX_STATES,
                  max_memory: int | None = None, argument: str | None = None,
                  static_data: bool = False, companions: tuple = (),
                  adopted: frozenset[int] = frozenset()) -> RoutineCheck:
    """``only``: explore just these IPL names (as from and to); default all.
    ``starts``, ``targets``: just these IPL names as from, as to.  ``fixed``:
    the IPL a ``set`` routine goes to.  ``argument``: what the routine takes
    (ARGUMENT_KINDS; default: as the port's routine at ``symbol``, else an
    spl value).
    ``jobs``: processes to split the pairs over; the result is the same for
    any number (counter-examples are chosen by a key, not by who came first).
    ``progress``: a Progress advanced by one per pair explored.
    ``companions``: the other routines checked with it (model.Routine),
    judged beside it where the user's files define them (_judge_siblings)."""
    port = machine.port
    argument = argument or port.argument_kind(symbol)
    pairs = routine_pairs(port, kind, only, starts, targets, fixed, argument)
    processes = max(1, min(jobs, len(pairs)))    # no process without a pair (--jobs 100000)
    spec = _Spec(routine, symbol, kind, max_steps, depth, returns_value, merge, max_states,
                 None if max_memory is None else (max_memory // processes, max_memory), argument,
                 fixed, adopted=adopted)
    machine.adopt_kernel_bytes(adopted)
    if not static_data and machine.own_data_outside_code():
        # (a routine storing into its own code is found by the exploration below)
        static_data = _clean_calls_touch_static(machine, spec, pairs)
    spec = spec._replace(static_data=static_data, most_waiting=most_waiting(port, kind, pairs))
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
    if not static_data and checker.static_found():
        # a static temporary only interrupted calls touch: everything
        # again, more handlers re-entering
        if progress is not None:
            progress.total += len(pairs)
        return check_routine(machine, routine, symbol, kind, max_steps, depth, only,
                             returns_value, jobs, progress, starts, targets, fixed, merge,
                             max_states, max_memory, argument, static_data=True,
                             companions=companions, adopted=adopted)
    # every pair again from the own data interrupted calls left (its own
    # or another pair's): a later call is where such data go wrong,
    left = checker.left_starts()
    # and from every state of its own data repeated rounds of earlier calls
    # reach (emu/repeats.py)
    chains = repeated_starts(checker, pairs, {checker.machine.loaded_own_bytes(),
                                              *(start.own for start in left)},
                             companions=companions)
    pending = left + chains.starts
    # the interrupted calls from those starts leave own data in turn: each
    # generation's new states are starts of the next, until none is new or
    # for LEFT_GENERATIONS generations (a count of interrupted calls that
    # goes wrong at 2: red team 22 A F6)
    done = {start.own for start in pending}
    generations = left_unsettled = 0
    while pending:
        generations += 1
        context = (pending, checker.pair_touched, checker.clean_own, generations)
        if processes > 1:
            from .parallel import map_in_workers
            chunks = _chunks(list(enumerate(pairs)), processes * 8)
            with closing(map_in_workers(machine, _left_chunk,
                                        [(spec, chunk, context) for chunk in chunks],
                                        processes)) as parts:
                for part in parts:
                    checker.merge(part)
        else:
            checker.merge(_explore_left(machine, spec, list(enumerate(pairs)), context))
        pending = [start for start in checker.left_starts() if start.own not in done]
        if pending and generations == LEFT_GENERATIONS:
            left_unsettled = 1
            break
        done |= {start.own for start in pending}
        left += pending
    # every pair a handler may call the routine on while another call is
    # inside it, from the own data that call had there (note_inside)
    # (and, INSIDE_NESTING deep, a handler's call inside such a call)
    explored: dict[bytes, set] = {}
    inside = _new_inside(checker.inside_starts(), explored)
    for nesting in range(1, INSIDE_NESTING + 1):
        if not inside:
            break
        checker.merge(_explore_inside(machine, spec, list(enumerate(pairs)), inside, nesting))
        inside = _new_inside(checker.inside_starts(), explored)
    siblings = []
    if explored:
        siblings = _judge_siblings(machine, spec, checker.inside_starts(), only, starts,
                                   targets, companions)
    checker.counter_examples()
    for sibling, judged in siblings:
        _adopt(checker.verdicts, routine, sibling, judged.verdicts)
    lengths = sorted(checker.path_lengths)
    return RoutineCheck(
        routine=routine, symbol=symbol, kind=kind, argument=argument, pairs=len(pairs),
        latencies=machine.write_latencies, boundaries=checker.boundaries,
        runs=checker.runs + chains.calls,
        common_path=lengths[len(lengths) // 2] if lengths else 0,
        atomic=max(checker.changes, default=0) <= 1,
        verdicts=checker.verdicts, returns_value=returns_value, ipl=fixed, states=checker.states,
        merges=checker.merges, deepest=checker.deepest, pending_starts=checker.pending_starts,
        other_starts=checker.other_starts, world_paths=checker.world_paths,
        left_paths=checker.left_paths, left_pending=checker.left_pending,
        interrupts_off_cases=checker.interrupts_off_cases,
        left_data=len(left), left_generations=generations, left_unsettled=left_unsettled,
        repeated_starts=len(chains.starts), repeat_chains=chains.chains,
        repeat_rounds=chains.rounds, repeat_unsettled=chains.unsettled, repeat_bound=chains.bound,
        static_data=checker.static_data, base_lowering=checker.base_lowering(),
        siblings=tuple(sibling.name for sibling, _ in siblings),
        kernel_words=machine.adopted_words(),
        not_modelled=None if checker.unjudged is None else unjudged_case(checker.unjudged))


def _judge_siblings(machine: Machine, spec: tuple, inside: list, only, starts, targets,
                    companions: tuple = ()) -> list[tuple]:
    """Each other routine the user's snippet defines (starts.snippet_siblings:
    the port's it replaces, and ``companions``, the routines checked with
    it under names of their own: red team 35 F3)
    called from the starts of ``inside`` (_Checker.inside_starts: the own
    data a call had where a handler could run) as a handler calls it, from
    a priority blocking the handler's source (check_inside_starts), with
    every source at every boundary: it shares data with the routine, and
    a state the routine's call leaves them in for one instruction may be
    one in which the other breaks its promise (red team 30 I D: splx
    lowers before it clears an "at IPL_HIGH" flag splhigh sets; a clock
    handler's splhigh() there sees the flag and does not raise).  Returns
    (the sibling, its _Checker with its counter-examples made)."""
    port = machine.port
    judged = []
    for sibling in snippet_siblings(port, machine.image.user_symbols, spec.symbol, companions):
        pairs = routine_pairs(port, sibling.kind, only, starts, targets, sibling.ipl,
                              sibling.argument)
        if not pairs:
            continue
        sub_spec = spec._replace(routine=sibling.name, symbol=sibling.symbol, kind=sibling.kind,
                                 depth=1, returns_value=sibling.returns_value,
                                 argument=sibling.argument, fixed=sibling.ipl, most_waiting=0)
        checker = _explore_inside(machine, sub_spec, list(enumerate(pairs)), inside)
        if not any(v.cases for v in checker.verdicts.values()):
            continue
        checker.counter_examples()
        judged.append((sibling, checker))
    return judged


def _adopt(verdicts: dict, routine: str, sibling, theirs: dict) -> None:
    """The routine's verdicts take the cases of a sibling's calls judged on
    its behalf (_judge_siblings), and a failure of one where the
    routine's own property holds (a property the routine has not, only
    where it fails): the counter-example names the sibling called and
    says why it is the routine's."""
    for prop, verdict in theirs.items():
        ce = verdict.counter_example
        if prop not in verdicts and ce is None:
            continue             # a property the routine has not (a void one's returns_previous)
        mine = verdicts.setdefault(prop, Verdict(prop))
        mine.cases += verdict.cases
        if ce is not None and mine.holds:
            mine.counter_example = replace(ce, what=(
                f"{sibling.name}, which your file defines beside {routine} and which shares "
                f"its data: {ce.what}"))


class _Spec(NamedTuple):
    """What a routine's _Checker is made with, in every process (its
    __init__'s parameters, in their order)."""
    routine: str
    symbol: str
    kind: str
    max_steps: int
    depth: int | str
    returns_value: bool
    merge: bool
    max_states: int | None
    max_memory: tuple[int, int] | None
    argument: str
    fixed: str | None
    static_data: bool = False
    most_waiting: int = 0
    adopted: frozenset[int] = frozenset()


def _kernel_bytes_written(machine: Machine, routines: list[tuple]) -> frozenset[int]:
    """The kernel data bytes the user's code writes in the calls of
    ``routines`` ((name, symbol, kind, argument, pairs)), with no interrupt
    and with each request the call unblocks arriving at its first
    instruction, at every write latency (kernelwords.users_kernel_bytes);
    none where the user's files define no symbol."""
    if not machine.image.user_symbols:
        return frozenset()
    calls = []
    for name, symbol, kind, argument, pairs in routines:
        checker = _Checker(machine, name, symbol, kind, DEFAULT_MAX_STEPS, argument=argument)
        for frm, to in pairs:
            args = checker.arguments(to)
            want = promised(checker.port, kind, frm.live, to.live)
            calls += [(symbol, args, frm.live, injections) for injections in
                      [[]] + [[Injection(source, 0)]
                              for source in unblocked_sources(checker.port, frm.live, want)]]
    found = set()
    for latency in machine.write_latencies:
        machine.backend.latency = latency
        found |= users_kernel_bytes(machine, calls)
    return frozenset(found)


def _clean_calls_touch_static(machine: Machine, spec: tuple, pairs: list) -> bool:
    """Do the calls of ``pairs`` with no interrupt touch own bytes where a
    static temporary lives (_Checker.static_found)?  One run a pair and
    latency; check_routine asks the interrupted calls too where these
    touch none."""
    checker = _Checker(machine, *spec)
    machine.set_words(checker.variants[0][0])
    checker.drop_touched()
    for frm, to in pairs:
        want = promised(checker.port, checker.kind, frm.live, to.live)
        for latency in machine.write_latencies:
            machine.backend.latency = latency
            checker.baseline_pair(frm, to, latency, want, 0)
    checker.collect_touched()
    return checker.static_found()


def unjudged_case(case: _Failure) -> str:
    """One line: what the model does not cover and where (the fault's
    text), then the case that reached it."""
    where = f"from {case.frm.name} to {case.to.name}"
    if case.injections:
        where += " with " + ", ".join(
            f"{i.source.name} {'pending at the call' if i.at_call else f'at step {i.step}'}"
            for i in case.injections)
    return f"{case.what}; {where}"


def pending_at_call(port: PortModel, frm: int, want: int, base: Baseline
                    ) -> tuple[Source, int] | None:
    """The source _Checker.explore_pending starts the call with pending,
    and the boundary where the CPU takes it: of those the caller's
    priority ``frm`` blocks and the routine's promised priority ``want``
    does not, requested from the call's first boundary on, the highest
    (contract.highest_sources) the CPU takes there (a software priority:
    its stub pends it) or later but before the return (a priority the CPU
    holds it against, until the routine lets it in); None when there is
    none."""
    entry = base.boundaries[0].step
    last = base.boundaries[-1].step
    taken = {s.name: base.first_acceptance(entry, s) for s in unblocked_sources(port, frm, want)}
    eligible = [port.source(name) for name, at in taken.items()
                if at is not None and (at == entry or at < last)]
    if not eligible:
        return None
    source = highest_sources(port, eligible)[0]
    return source, taken[source.name]


def requested_from_the_call(injections: list[Injection]) -> list[Injection]:
    """``injections`` as a plain call replays them: a request the CPU held
    from the call on (Injection.held) requested at the call's first
    boundary (step 0), taken where the CPU takes it."""
    return [replace(i, step=0, visit=0) if i.held is not None else i for i in injections]


def most_waiting(port: PortModel, kind: str, pairs: list) -> int:
    """The most requests a several-pended start of ``pairs`` pends
    (starts.several_pended): its calls, from the highest priority checked,
    are explored with every source at every boundary, the others judged
    at their end."""
    return max((len(several_pended(port, frm.live, promised(port, kind, frm.live, to.live)))
                for frm, to in pairs), default=0)


def _chunks(items: list, count: int) -> list[list]:
    """``items`` cut into at most ``count`` runs of consecutive items."""
    size = max(1, -(-len(items) // count))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _explore(machine: Machine, spec: tuple, pairs: list, advance=lambda units: None) -> _Checker:
    """Explore ``pairs`` ((index, (from, to)) in serial order) of one routine."""
    checker = _Checker(machine, *spec)
    checker.drop_touched()
    latencies = machine.write_latencies
    for index, (frm, to) in pairs:
        # once per setting of the handlers' re-entry (emu/reenter.py reentry_variants)
        for reentry, (words, _) in enumerate(checker.variants):
            machine.set_words(words)
            memo: dict = {}
            for n, latency in enumerate(latencies):
                machine.backend.latency = latency
                checker.collect_touched()
                checker.check_pair(frm, to, latency, memo, index * len(latencies) + n, reentry)
        advance(1)
    machine.set_words(checker.variants[0][0])
    checker.runs += checker.worlds.runs      # the cases run again in the second world
    checker.collect_touched()
    return checker


def _explore_chunk(machine: Machine, work: tuple) -> _Checker:
    spec, pairs = work
    return _explore(machine, spec, pairs).portable()


def _explore_left(machine: Machine, spec: tuple, pairs: list, context: tuple) -> _Checker:
    """Call ``pairs`` ((index, (from, to))) from each of the starts in
    ``context`` (the own data interrupted calls left: _Checker.left_starts),
    with what each pair touched and the clean calls' own data
    (check_left_starts)."""
    starts, pair_touched, clean, generation = context
    checker = _Checker(machine, *spec)
    checker.generation = generation
    latencies = machine.write_latencies
    for index, (frm, to) in pairs:
        want = promised(checker.port, checker.kind, frm.live, to.live)
        for n, latency in enumerate(latencies):
            machine.backend.latency = latency
            checker.check_left_starts(frm, to, latency, want, index * len(latencies) + n, starts,
                                      pair_touched.get((frm.name, to.name, latency)), clean)
    checker.runs += checker.worlds.runs
    return checker


def _explore_inside(machine: Machine, spec: tuple, pairs: list, starts: list,
                    nesting: int = 1) -> _Checker:
    """Call ``pairs`` ((index, (from, to))) from each of ``starts``
    (_Checker.inside_starts, ``nesting`` calls deep) whose sources the
    pair's from blocks."""
    checker = _Checker(machine, *spec)
    latencies = machine.write_latencies
    for index, (frm, to) in pairs:
        want = promised(checker.port, checker.kind, frm.live, to.live)
        for n, latency in enumerate(latencies):
            machine.backend.latency = latency
            checker.check_inside_starts(frm, to, latency, want, index * len(latencies) + n,
                                        starts, nesting)
    return checker


def _new_inside(starts: list, explored: dict) -> list:
    """Of ``starts`` (_Checker.inside_starts), each with the sources no
    start of the same own data was explored for (``explored``: own ->
    those sources), which it adds."""
    new = []
    for start, texts in starts:
        seen = explored.setdefault(start.own, set())
        fresh = {name: text for name, text in texts.items() if name not in seen}
        if fresh:
            seen.update(fresh)
            new.append((start, fresh))
    return new


def _left_chunk(machine: Machine, work: tuple) -> _Checker:
    spec, pairs, context = work
    return _explore_left(machine, spec, pairs, context).portable()


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
    port = machine.port
    takes = [(r[5] if len(r) > 5 else None) or port.argument_kind(r[1]) for r in routines]
    progress = Progress(f"check {port.name}",
                        sum(len(routine_pairs(port, r[2], only, starts, targets, ipl, argument))
                            for r, ipl, argument in zip(routines, fixed, takes)))
    returns = [r[3] if len(r) > 3 else True for r in routines]
    # the routines checked together, each a sibling of the others where the
    # user's files define it (red team 35 F3: names of their own share data too)
    together = tuple(Routine(r[0], r[1], r[2], "checked with --routine", value, argument, ipl)
                     for r, value, ipl, argument in zip(routines, returns, fixed, takes))
    adopted = _kernel_bytes_written(machine, [
        (r[0], r[1], r[2], argument, routine_pairs(port, r[2], only, starts, targets, ipl, argument))
        for r, ipl, argument in zip(routines, fixed, takes)])
    checks = [check_routine(machine, r[0], r[1], r[2], max_steps, depth, only, value, jobs,
                            progress, starts, targets, ipl, merge, max_states, max_memory,
                            r[5] if len(r) > 5 else None, companions=together, adopted=adopted)
              for r, value, ipl in zip(routines, returns, fixed)]
    progress.finish()
    return PortCheck(machine.port.name, checks, time.perf_counter() - start, depth)
