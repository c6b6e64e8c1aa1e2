"""How a case ended, and what that end says of each property.

A case's end (EndState) is what a caller of the routine, and the kernel,
could see: the sources the CPU took, the handlers that ran and at which
priority, the priority, result, preserved state and pending word at the
return, and what went wrong on the way.  Judge turns one end into the
properties it counts and the failures it shows (emu/contract.py names
them); check makes that judgement once per pair and end value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from .events import ASSERTED, RETAKEN
from .explore import Baseline, Outcome
from .machine import CALLER_FRAME, Machine, pended_in
from .model import Source
from .poison import FOREIGN
from .portnumbers import spl_value_problem, state_in_value, usual_value

#: what preserves says of a change Machine.data_change found: a byte the
#: port's snippets loaded (their data or their code) or no object takes,
#: not the priority or pending word
KERNEL_WRITE = ("the routine wrote the kernel's data or code (what the port's snippets load, "
                "or memory outside the snippet's objects) other than the priority and pending words")

if TYPE_CHECKING:
    from .check import Pair


class HandlerRun(NamedTuple):
    """One handler run of a case, and what was in force when it started:
    ``interrupted``, the priority the innermost interrupt in flight
    interrupted (None: none was in flight, so the routine itself started
    it: a replay), and ``running``, the sources whose handlers were still
    running.  Judge.handler_ceiling bounds its priority by them."""
    source: str
    priority: int                # at its entry
    after: int                   # how many takes came before it
    problem: str | None          # beyond the priority: Machine.handler_entry_problem
    interrupted: int | None
    running: tuple[str, ...]
    #: the sources of the interrupts in flight around it whose own handler
    #: had not started (runloop.handler_started): it preempted their service
    awaiting: tuple[str, ...] = ()
    #: the sources whose pended request software had claimed for a replay
    #: (its handler not started) when an interrupt around it was taken
    replays: tuple[str, ...] = ()
    #: a soft source's: the hardware requests that waited, unblocked by its
    #: priority, when it started, (source, "pending", "claimed" or "cpu")
    #: (Machine.waiting_requests): it went ahead of them
    waiting: tuple[tuple[str, str], ...] = ()


@dataclass
class EndState:
    """How one run of a case ended: the events before the delivery (from the
    baseline it started from), the handlers after it, and the end state."""
    takes: list[str]           # sources the CPU took, in order
    runs: list[HandlerRun]
    priority_after: int
    returned: int
    kept_after: dict[str, int]
    pending_after: int
    fault: str | None
    bad_return: str | None
    opaque: str | None = None
    data_changed: str | None = None    # kernel data the routine wrote after an interrupt
    #: sources whose request a CPU that latches requests still holds at the
    #: return after taking it (Run.held): it takes each again
    latched_after: tuple[str, ...] = ()
    #: check's judgement of it (its judge_end), by "is it a baseline"
    judged: dict = field(default_factory=dict, compare=False, repr=False)

    def value(self) -> tuple:
        """Everything a judgement reads of this end, hashable."""
        return (tuple(self.takes), tuple(self.runs), self.priority_after, self.returned,
                tuple(self.kept_after.items()), self.pending_after, self.fault, self.bad_return,
                self.opaque, self.data_changed, self.latched_after)


def end_of_baseline(base: Baseline, pended: tuple[str, ...] = ()) -> EndState:
    """How a baseline (a run with no injection of its own) ended
    (``pended``: see with_pended)."""
    result = base.result
    takes, runs = with_pended(*takes_and_runs(result.events), pended)
    return EndState(takes, runs, result.priority_after, result.returned, result.kept_after,
                     result.pending_after, None, None, result.opaque,
                     latched_after=tuple(result.latched_after))


def with_pended(takes: list[str], runs: list, pended: tuple[str, ...] = ()
                ) -> tuple[list, list]:
    """``pended``, the sources pended in software before the call
    (CallStart.pended_all), counted as taken before the run's own takes
    (each one's stub took it and pended it), so served_once asks that each
    is served."""
    if not pended:
        return takes, runs
    return [*pended, *takes], [run._replace(after=run.after + len(pended)) for run in runs]


def end_of_case(touched: set, base: Baseline, taken_at: int, source: Source,
                outcome: Outcome, arrival: bool = False, pended: tuple[str, ...] = ()
                ) -> EndState:
    """How a case ended: ``base``'s run to ``taken_at``, then ``outcome``
    (``arrival``: the case was run from the request's arrival at
    ``taken_at``, and the CPU took it if Outcome.taken says so;
    ``pended``: as end_of_baseline's).
    ``touched``: the kernel bytes some interrupt of the pair changed (a
    put-back of one is no undo); it already holds what the interrupts
    earlier on this path changed: each was the last injection of a case
    run before it."""
    takes, runs = takes_and_runs(base.events_before(taken_at))
    # a request software withdrew in the CPU and recorded in the pending
    # word (pending at the return, or served from there: its handler ran)
    # counts as taken, as a stub's take of one its priority blocks
    if outcome.taken or not arrival or (outcome.withdrawn and (
            pended_in(outcome.pending_after, source)
            or any(run[0] == source.name for run in outcome.handlers))):
        takes.append(source.name)
    runs += [HandlerRun(name, priority, len(takes), *rest)
             for name, priority, *rest in outcome.handlers]
    takes, runs = with_pended(takes, runs, pended)
    data_changed = outcome.data_changed or next(
        (what for addr, what in outcome.put_back if addr in touched), None)
    return EndState(takes, runs, outcome.priority_after, outcome.returned,
                     outcome.kept_after, outcome.pending_after, outcome.fault,
                     outcome.bad_return, outcome.opaque, data_changed,
                     tuple(outcome.latched_after))

def takes_and_runs(events) -> tuple[list[str], list[HandlerRun]]:
    """The sources taken and the handlers run, each run with the number of
    takes before it (so "a run after the last take" can be asked).  A
    request a CPU that latches requests takes again (RETAKEN) is no new
    take: the handler it runs is a second run for one request; so is one
    whose device still asserted it (ASSERTED).  A request software
    withdrew in the CPU and then recorded in the pending word is a take
    (software took it, as hp700's hppa_intr moves EIRR bits to ipending)."""
    takes: list[str] = []
    runs: list[HandlerRun] = []
    withdrawn: set[str] = set()
    for event in events:
        if event.kind == "taken" and event.detail not in (RETAKEN, ASSERTED):
            takes.append(event.source)
        elif event.kind == "withdrawn":
            withdrawn.add(event.source)
        elif event.kind == "pended" and event.source in withdrawn:
            withdrawn.discard(event.source)
            takes.append(event.source)
        elif event.kind == "handler":
            runs.append(HandlerRun(event.source, event.priority, len(takes), event.problem,
                                   event.interrupted, event.running, event.awaiting,
                                   event.replays, event.waiting))
    return takes, runs


class Judge:
    """The end-state properties of one routine's cases.  ``asks_previous``:
    returns_previous is asked; ``result_mask``: the bits of the result
    register the result is (abi.result_bits); ``floors``: each source's
    lowest priority its handler may run at (contract.port_floor)."""

    def __init__(self, machine: Machine, returns_value: bool, asks_previous: bool,
                 result_mask: int, floors: dict[str, int]):
        self.machine, self.port = machine, machine.port
        self.returns_value, self.asks_previous = returns_value, asks_previous
        self.result_mask, self.floors = result_mask, floors

    def judgement(self, pair: Pair, end: EndState, reference) -> tuple[list, list]:
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

        if self.asks_previous:
            counts.append(("returns_previous", 1))
            value = end.returned & self.result_mask
            got = port.priority.of_spl(value)
            # from another call state (abi.call_states), the bits the spl
            # values carry are asked as they were at the call (pmax's
            # _splraise from IEc = 0 returns IEc = 0), the rest as usual
            state = pair.start.call_state(port)
            at_call = state_in_value(port, state, value)
            invalid = spl_value_problem(port, usual_value(port, state, value))
            upper = self.result_upper_problem(end.returned)
            if upper:
                failures.append(("returns_previous", upper))
            elif at_call != value:
                failures.append(("returns_previous",
                                 f"returned {end.returned:#x}, whose {port.priority.register} "
                                 f"bits {value ^ at_call:#x} are not as at the call "
                                 f"({state.name}): an splx of it would change them"))
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
            # the bits an interrupt the CPU took may leave changed are its
            loose = self.machine.interrupt_may_change(name) if end.takes else 0
            if after is None or (after ^ before) & ~loose:
                failures.append(("preserves", self.machine.frame_change(before, after)
                                 if name == CALLER_FRAME else self.machine.poisoner.foreign_change(
                                     before, after, "{reg} was {before} at entry and {after} "
                                     "at return") if name == FOREIGN else
                                 self.machine.kept_change(name, before, after)))
                break
        if end.data_changed and not any(prop == "preserves" for prop, _ in failures):
            failures.append(("preserves", f"{end.data_changed}: {KERNEL_WRITE}"))

        judged_runs = 0
        for run in end.runs:
            judged_runs += 1
            name, at, problem = run.source, run.priority, run.problem
            ceiling = self.handler_ceiling(pair, run)
            if not port.priority.covers(at, self.floors[name]):
                problem = (f"{name}'s handler ran at {port.priority_label(at)}, which does "
                           f"not block everything {port.source(name).ipl} blocks "
                           f"({port.priority_label(self.floors[name])})")
            elif not port.priority.covers(ceiling, at):
                problem = (f"{name}'s handler ran at {port.priority_label(at)}, which blocks "
                           f"more than {port.source(name).ipl} and "
                           f"{self.ceiling_basis(pair, run)} together block "
                           f"({port.priority_label(ceiling)})"
                           + ("" if run.interrupted is not None else
                              ": the routine started it with no interrupt in flight (a "
                              "replay), and a replay runs under the priority that unblocks "
                              "its source, not under the one before"))
            if not problem:
                problem = self.inversion_problem(run)
            if problem:
                failures.append(("handler_priority", problem))
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

    def handler_ceiling(self, pair: Pair, run: HandlerRun) -> int:
        """The highest priority ``run`` may start at: what its IPL, the
        IPLs of the handlers still running and its basis block together.
        The basis: started while an interrupt was in flight (the CPU took
        it, or a stub's exit path replayed it), the priority that interrupt
        interrupted (a handler runs at its IPL joined with the priority it
        interrupts); started by the routine itself (a replay, as spllower
        and splx make), the promised result: a replay exists only because
        the new priority unblocks its source, so it runs under that one,
        not under the priority at the call."""
        join = self.port.priority.join
        ceiling = join(pair.want if run.interrupted is None else run.interrupted,
                       self.floors[run.source])
        for name in run.running:
            ceiling = join(ceiling, self.floors[name])
        return ceiling

    def inversion_problem(self, run: HandlerRun) -> str | None:
        """A handler that started inside the interrupt of a source whose IPL
        blocks it, before that source's own handler started: the stub let a
        lower interrupt in ahead of the one it was serving (it enabled
        interrupts before raising the priority), a priority inversion.  So
        is a handler that started while the handler of a source whose IPL
        blocks it was still running (HandlerRun.running): inside that
        handler the priority went below its IPL, as a routine the handler
        calls may make it.  So is a soft handler that started while a
        request its priority does not block waited, a hardware one or a
        higher soft one (HandlerRun.waiting)."""
        port = self.port
        for name in run.awaiting:
            if port.blocks(self.floors[name], port.source(run.source)):
                if port.source(run.source).soft and name != run.source:
                    return (f"soft interrupt {run.source}'s handler ran inside {name}'s "
                            f"interrupt before that interrupt's own handler started, though "
                            f"{name}'s {port.source(name).ipl} blocks {run.source} "
                            f"({port.source(run.source).ipl}): NetBSD runs soft interrupts "
                            f"only from the tails, after the handlers of the interrupts in "
                            f"flight (i386 Xdoreti/Xspllower, macppc do_pending_int), never "
                            f"ahead of a taken source's own handler (a priority inversion)")
                if name == run.source:    # handler_started: a later take of it is served
                    return (f"{name}'s handler ran for a later take of {name} inside {name}'s "
                            f"interrupt before that interrupt's own handler started, though "
                            f"{name}'s {port.source(name).ipl} blocks {name}: {name}'s stub let "
                            f"its own source in again before serving the request it took (a "
                            f"priority inversion)")
                return (f"{run.source}'s handler ran inside {name}'s interrupt before "
                        f"that interrupt's own handler started, though {name}'s "
                        f"{port.source(name).ipl} blocks {run.source} "
                        f"({port.source(run.source).ipl}): {name}'s stub let in an interrupt "
                        f"its IPL blocks before serving its own (a priority inversion)")
        for name in run.running:
            if port.blocks(self.floors[name], port.source(run.source)):
                return (f"{run.source}'s handler started while {name}'s handler was still "
                        f"running, though {name}'s {port.source(name).ipl} blocks "
                        f"{run.source} ({port.source(run.source).ipl}): the priority went "
                        f"below {name}'s IPL inside its handler (a priority inversion)")
        for name in run.replays:         # a new request of the replayed source itself is no inversion
            if name != run.source and port.blocks(self.floors[name], port.source(run.source)):
                return (f"{run.source}'s handler ran inside an interrupt taken after software "
                        f"had claimed {name}'s pending request for a replay and before that "
                        f"replay's handler started, though {name}'s {port.source(name).ipl} "
                        f"blocks {run.source} ({port.source(run.source).ipl}): the replay let "
                        f"in an interrupt its IPL blocks before raising to it (a priority "
                        f"inversion)")
        for name, where in run.waiting:
            held = (f"pended in {port.priority.pending}" if where == "pending" else
                    f"claimed from {port.priority.pending} for a replay, its handler not "
                    f"started" if where == "claimed" else
                    "requested and held by the CPU, not taken")
            rule = ("a higher soft request is served before a lower one, as NetBSD i386 "
                    "icu.s Xspllower and Xdoreti take the lowest set bit of ipending (bsfl: "
                    "SIR_SERIAL, SIR_NET, SIR_CLOCK) and macppc do_pending_int runs them in "
                    "that order" if port.source(name).soft else
                    "a pending hardware request is served before any soft one, as NetBSD "
                    "i386 icu.s Xspllower and Xdoreti take the lowest set bit of ipending "
                    "(bsfl) with the soft interrupts on its top bits")
            return (f"soft interrupt {run.source}'s handler started at "
                    f"{port.priority_label(run.priority)} while {name}'s request waited, "
                    f"{held}, though that priority does not block {name} "
                    f"({port.source(name).ipl}): {rule} (a priority inversion: {name} waits "
                    f"for {run.source}'s whole handler)")
        return None

    def ceiling_basis(self, pair: Pair, run: HandlerRun) -> str:
        """What handler_ceiling joined for ``run`` besides its IPL, in words."""
        label = self.port.priority_label
        if run.interrupted is None:
            basis = f"the promised result {label(pair.want)}"
        else:
            basis = f"the priority the interrupt in flight interrupted ({label(run.interrupted)})"
        if run.running:
            basis += f" and the IPLs of the handlers still running ({', '.join(run.running)})"
        return basis

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

    def served_problem(self, pair: Pair, end: EndState) -> str | None:
        """What breaks served_once at this end (None: nothing)."""
        port = self.port
        outstanding = 0
        # every source taken, and every one whose handler ran (taken or not)
        for name in dict.fromkeys([*end.takes, *(run.source for run in end.runs)]):
            source = port.source(name)
            taken = end.takes.count(name)
            ran = sum(1 for run in end.runs if run.source == name)
            if ran > taken:
                return (f"{name}'s handler ran {ran} time{'s' * (ran > 1)} for {taken} "
                        f"request{'s' * (taken != 1)}")
            last_take = max(i + 1 for i, t in enumerate(end.takes) if t == name)
            held = name in end.latched_after
            if any(run.source == name and run.after >= last_take for run in end.runs):
                if held:
                    return (f"{name}'s handler ran for its request, and the CPU still holds "
                            f"that request at the return (its line's bit was not cleared): "
                            f"the CPU takes it again once it accepts {name}, and the "
                            f"handler runs twice for one request")
                continue
            bit = 1 << source.bit if source.bit is not None else 0
            if held:             # the CPU's own latch keeps the request (no software pending)
                if not port.blocks(pair.want, source):
                    return (f"{name} is still requesting (held by the CPU) at the return "
                            f"although the result {port.priority_label(pair.want)} does not "
                            f"block it")
                continue
            if not end.pending_after & bit:
                return (f"{name} was taken but its handler never ran after it and it is not "
                        f"pending at the return: the request was lost")
            if not port.blocks(pair.want, source):
                return (f"{name} is still pending at the return although the result "
                        f"{port.priority_label(pair.want)} does not block it")
            outstanding |= bit
        # a spare bit the call started with is the flag of the call it runs inside
        stray = end.pending_after & ~outstanding & ~self.machine.spare_bits_of(pair.start.own)
        if stray:
            return (f"the pending word is {end.pending_after:#x} at the return: bits {stray:#x} "
                    f"stand for no request still outstanding")
        return None
