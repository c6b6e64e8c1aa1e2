"""Explore one routine call exhaustively: inject every source at every
instruction boundary, cheaply.

For one (routine, from, to) the explorer runs the call once with no
injection (the *baseline*) and keeps, at every boundary, a snapshot of the
CPU and memory plus which sources the CPU would accept there.  A case
(boundary k, source s) needs no replay of the prefix: until the CPU takes
s, the run *is* the baseline.  A level-triggered request refused at k stays
asserted, so the case is decided at the first boundary j >= k where the CPU
accepts s; cases sharing (j, s) share one emulator run.  That run restores
snapshot j, does the CPU's interrupt entry, and continues to the return
watching only handler entries and interrupt returns (Outcome).

A CPU that latches requests (Backend.latches_requests: PA-RISC's EIRR)
holds each one until software clears its bit: the boundary after the
clearing instruction ends the search as a withdrawal does; a case's run
takes a held request again wherever the CPU accepts it (a second handler
run for one request, or a storm that runs away); and a source arriving
while its line's request is still held adds none (Baseline.merges).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from .backends import CpuFault, NotModelled
from .events import Event, RunResult, storm_note
from .machine import Machine, differing, pended_in
from .runloop import (Delivery, HardwareClaims, Injection, SoftClaims, asserted_storm,
                      committed_claims, handler_started, own_delivery, state_books)
from .model import Source


@dataclass(slots=True)
class Boundary:
    """The state before the baseline's step-th instruction (step n: at the return)."""
    step: int
    address: int
    priority: int
    snapshot: object
    accepts: frozenset[str]        # sources the CPU would take here
    active: tuple[Delivery, ...] = ()   # interrupts in flight (depth 2 baselines)
    visit: int = 0                 # which boundary of this step number (after an interrupt entry: 1..)
    events: int = 0                # how many of the run's events happened before this boundary's delivery
    undefined: frozenset[str] = frozenset()   # undefined registers still holding their entry poison
    unwritten: tuple = ()          # (register, bits) of them never written since the call (Poisoner.unwritten_now)
    withdrawn: int = 0             # request levels the instruction before it cleared (bit n: level n)
    key: bytes | None = None       # the state's digest (see state_key), when states are merged
    books: tuple = ()              # the run's bookkeeping that is part of the state
    #: world -> the snapshot with that world's poison in the never-written
    #: bits (run_case makes it once: flipping costs more than a restore)
    worlds: dict = field(default_factory=dict)
    calls: tuple = ()              # C functions called and not yet returned (Run.calls)
    #: levels whose request a CPU that latches requests holds here (bit n:
    #: level n; Backend.latched_levels): a source arriving on one merges
    latched: int = 0
    #: this boundary's instruction reads where such a CPU holds its
    #: requests (Backend.reads_latched)
    reads_latch: bool = False
    #: the sources whose device still asserts the request the CPU took
    #: (Run.asserted, Backend.holds_taken_requests): a source arriving on
    #: one merges, and a case's run takes them again where accepted
    asserted: tuple = ()
    #: the sources pended since their last handler run (Run.was_pended)
    #: and the replays software claimed, with the level each was claimed
    #: at (Run.claimed): a run resumed here goes on with them
    pended: tuple = ()
    claims: tuple = ()
    #: the soft sources claimed and not yet run, with the hardware sources
    #: pended at each claim (Run.soft_claims's items)
    soft_claims: tuple = ()
    #: the hardware sources claimed for a replay, their handler not
    #: started, with the level each was claimed at (Run.hardware_claims's items)
    hardware_claims: tuple = ()

    @property
    def claimed(self) -> tuple[str, ...]:
        """The replays claimed at this level whose handler has not started
        (Run.claimed_here): an interrupt taken here preempts them."""
        return committed_claims(self.claims, len(self.active))


@dataclass
class Baseline:
    """``kept_before``: what the routine must leave as it found it (the
    top-level call's, shared by the nested baselines of its pair)."""
    result: RunResult
    boundaries: list[Boundary]
    kept_before: dict[str, int] = field(default_factory=dict)
    _addresses: frozenset | None = field(default=None, repr=False)
    _withdraws: bool | None = field(default=None, repr=False)
    #: this run, or one it was nested in, could have taken another path at
    #: another write latency (Backend.latency_bound): its steps name the
    #: same boundaries only at its own latency
    latency_bound: bool = False

    def addresses(self) -> frozenset[int]:
        """The address of every instruction this run executed."""
        if self._addresses is None:
            self._addresses = frozenset(b.address for b in self.boundaries)
        return self._addresses

    def at(self, step: int) -> Boundary:
        """The boundary before the step-th instruction (a nested baseline's
        steps start where its first delivery was)."""
        return self.boundaries[step - self.boundaries[0].step]

    def _fate(self, start: int, source: Source) -> tuple[int | None, bool]:
        """Where ``source``'s request arriving at step ``start`` ends: (the
        index in ``boundaries`` of the first boundary where the CPU takes
        it, True) or (of the boundary after the instruction that withdrew
        it, False: Backend.withdrawn_levels); (None, False) when neither
        happens before the run ends."""
        first = self.boundaries[0].step
        for index in range(start - first, len(self.boundaries)):
            boundary = self.boundaries[index]
            if boundary.step > start and boundary.withdrawn >> (source.level or 0) & 1:
                return index, False
            if source.name in boundary.accepts:
                return index, True
        return None, False

    def first_acceptance(self, start: int, source: Source) -> int | None:
        """The first boundary at or after step ``start`` where the CPU takes
        ``source``; None when it never does, or software withdraws the
        request first (Backend.withdrawn_levels)."""
        if self.merges(start, source):
            return None
        index, taken = self._fate(start, source)
        return self.boundaries[index].step if taken else None

    def withdrawal(self, start: int, source: Source) -> Boundary | None:
        """The boundary before the instruction that withdrew ``source``'s
        request arriving at ``start`` before the CPU took it (None: none
        did; see first_acceptance)."""
        index, taken = self._fate(start, source)
        return None if index is None or taken else self.boundaries[index - 1]

    def withdraws(self) -> bool:
        """Does an instruction of this run withdraw a request in the CPU
        (Boundary.withdrawn)?  Most runs do not: then no case of it asks."""
        if self._withdraws is None:
            self._withdraws = any(b.withdrawn for b in self.boundaries)
        return self._withdraws

    def served_since(self, start: int, source: Source, until: int | None = None) -> bool:
        """Does a run of ``source``'s handler start after the boundary
        ``start`` on this run (before the boundary ``until``, when given)?
        A request that arrived at ``start`` is then served, whatever
        happens to it in the CPU afterwards: the handler's run sees the
        work posted before it started."""
        events = self.result.events
        end = len(events) if until is None else self.at(until).events
        return any(event.kind == "handler" and event.source == source.name
                   for event in events[self.at(start).events:end])

    def lost_withdrawal(self, start: int, source: Source) -> Boundary | None:
        """The boundary before the instruction that withdrew in the CPU the
        request of ``source`` arriving at ``start``, before the CPU took
        it, when no run of its handler started after it arrived: the
        request is gone, neither served nor pending (None: it was not
        withdrawn, or was served, or is pending at the return)."""
        if not self.withdraws():
            return None
        withdrew = self.withdrawal(start, source)
        if withdrew is None or self.served_since(start, source) or self.pending_at_return(source):
            return None
        return withdrew

    def pending_at_return(self, source: Source) -> bool:
        """Is ``source``'s bit set in the port's software pending word at
        this run's return?  A request software withdrew in the CPU and
        recorded there (as a stub pends one its priority blocks, NetBSD
        hp700 hppa_intr) is pending, not lost."""
        return pended_in(self.result.pending_after, source)

    def read_before_taken(self, start: int, source: Source) -> bool:
        """Does an instruction read where a CPU that latches requests holds
        them (Boundary.reads_latch) after ``source`` arrives at ``start``
        and before the CPU takes it (or software withdraws it)?  The
        baseline's run read it without the request: the case is run from
        its arrival (run_case's ``arrival``)."""
        index, _ = self._fate(start, source)
        return any(b.reads_latch for b in self.boundaries[start - self.boundaries[0].step:index])

    def merges(self, step: int, source: Source) -> bool:
        """Does ``source`` arriving at boundary ``step`` find its line's
        request still held by a CPU that latches requests (taken on this
        path and not yet cleared)?  Then it adds no request: the CPU holds
        one, and the run is the baseline's (check.one_case: it is served
        when the source's handler runs after it arrives).  So does one
        whose device still asserts the request the CPU took on this path
        (Boundary.asserted)."""
        here = self.at(step)
        return bool(here.latched >> (source.level or 0) & 1) \
            or any(s.name == source.name for s in here.asserted)

    def events_before(self, step: int) -> list[Event]:
        """The events of this baseline's run that happened before a delivery
        at boundary ``step`` (what its snapshot there already contains)."""
        return self.result.events[:self.at(step).events]


@dataclass(slots=True)
class Outcome:
    """What one delivered case did after the delivery, and its end state
    (``fault``: the fault or runaway that ended it instead of the return)."""
    #: (source, priority at entry, Machine.handler_entry_problem, the
    #: priority the innermost interrupt in flight interrupted or None, the
    #: sources whose handlers were still running, the sources whose service
    #: it preempted, the replays it preempted, the hardware requests a soft
    #: one went ahead of): judgement.HandlerRun's
    handlers: list[tuple[str, int, str | None, int | None, tuple[str, ...],
                         tuple[str, ...], tuple[str, ...], tuple]] = \
        field(default_factory=list)
    bad_return: str | None = None      # an interrupt returned to another priority
    priority_after: int = 0
    returned: int = 0
    kept_after: dict[str, int] = field(default_factory=dict)
    pending_after: int = 0
    fault: str | None = None
    #: the fault is backends.NotModelled: the case has no verdict
    not_modelled: bool = False
    opaque: str | None = None          # an interrupt gave back a register changed
    #: the same case in another poison world ended otherwise (a
    #: worlds.Difference: called, it names the culprit)
    world_problem: object | None = None
    judged_in_two_worlds: bool = False
    #: with no interrupt in flight, the case ran code its baseline never
    #: ran (a path an interrupt opened: a replay); Worlds.case_problem
    #: runs such a case in the zero world too
    new_code: bool = False
    #: kernel data the routine changed after the interrupt (see _RoutineWrites)
    data_changed: str | None = None
    #: addresses of the kernel bytes an interrupt or handler of the case changed
    touched: frozenset[int] = frozenset()
    #: (address, what changed) of the bytes the routine put back to their
    #: value at the call that no interrupt or handler of the case changed:
    #: no change unless an interrupt changed them earlier (check judges it)
    put_back: tuple[tuple[int, str], ...] = ()
    #: sources whose request a CPU that latches requests still holds at the
    #: return (no other source requests after the delivery: each was taken)
    latched_after: tuple[str, ...] = ()
    retakes: int = 0                   # requests such a CPU took again
    #: run_case(arrival=True): the CPU neither took the case's request nor
    #: holds it at the return: software withdrew it (Backend.withdrawn_levels)
    withdrawn: bool = False
    #: requests the CPU took again while their device still asserted them
    #: (Backend.holds_taken_requests)
    reasserted: int = 0
    #: run_case(arrival=True): the CPU took the case's request, and did so
    #: at the routine's return boundary
    taken: bool = False
    taken_at_return: bool = False
    #: the routine's own data at the return (Machine.own_bytes)
    own_after: bytes = b""
    #: the run could have gone otherwise at another write latency
    #: (Backend.latency_bound): the outcome holds only at its own
    latency_bound: bool = False


def state_key(machine: Machine, snapshot, books: tuple) -> bytes:
    """A digest of everything a boundary's future depends on: the CPU and
    all memory (Backend.snapshot_bytes) and the run's bookkeeping.  Two
    boundaries with one key are merged after their full contents are
    compared (``same_state``) while both snapshots are kept; once an
    explored run's snapshots are released, on the 256-bit BLAKE2b digest
    alone (a collision among fewer than 2**40 states has odds below
    2**-176)."""
    digest = hashlib.blake2b(machine.backend.snapshot_bytes(snapshot), digest_size=32)
    digest.update(repr(books).encode())
    return digest.digest()


def same_state(machine: Machine, a: Boundary, b: Boundary) -> bool:
    snapshot_bytes = machine.backend.snapshot_bytes
    return a.books == b.books and snapshot_bytes(a.snapshot) == snapshot_bytes(b.snapshot)


class Merged(Exception):
    """A run reached a state already explored (``target``'s boundary
    ``index``) with ``steps`` steps left in its budget."""

    def __init__(self, run, target: "Baseline", index: int):
        super().__init__("merged")
        self.run, self.target, self.index = run, target, index


@dataclass
class States:
    """The states explored for one (IPL pair, write latency): digest ->
    (a baseline, the index of a boundary of it in that state).  ``merges``
    counts the runs that reached one of them and took its continuation."""
    seen: dict = field(default_factory=dict)
    merges: int = 0
    limit: int | None = None

    def add(self, baseline: "Baseline") -> None:
        for index, boundary in enumerate(baseline.boundaries):
            if boundary.key is not None:
                self.seen.setdefault(boundary.key, (baseline, index))

    @staticmethod
    def release(baseline: "Baseline") -> None:
        """Drop the snapshots of a run explored to the end (its states stay
        known): memory holds only the runs still being explored."""
        for boundary in baseline.boundaries:
            boundary.snapshot = None
            boundary.worlds = {}

    def __len__(self) -> int:
        return len(self.seen)


def _observer(machine: Machine, boundaries: list[Boundary], states: States | None = None,
              skip: int | None = None, final: bool = False):
    """``states``: key every boundary and, after the first ``skip`` of
    them (None: never), end the run with Merged where it reaches an
    explored state.  ``final``: nothing will nest from this run, so it may
    also take the continuation of a run whose snapshots were released
    (its cases there find every outcome in the memo)."""
    backend, port, interned = machine.backend, machine.port, machine.interned
    levels = {s.level for s in port.sources}
    latching = backend.latches_requests
    read_at: dict[int, bool] = {}

    def reads_latched(pc):
        known = read_at.get(pc)
        if known is None:
            known = read_at[pc] = backend.reads_latched(pc)
        return known

    def observe(run, pc):
        by_level = backend.accepted_levels(levels)
        accepts = interned(frozenset(s.name for s in port.sources if by_level[s.level]))
        unwritten = machine.poisoner.unwritten_now(run.unwritten)
        # the run's own record takes the bits found written by value too, so
        # equal states keep equal books however they were reached
        found = dict(unwritten)
        for reg in run.unwritten:
            run.unwritten[reg] = found.get(reg, 0)
        if states is not None:
            backend.settle()
        boundary = Boundary(run.steps, pc, run.priority, backend.snapshot(), accepts,
                            tuple(run.active), run.visit, len(run.events),
                            interned(frozenset(reg for reg, _ in unwritten)), unwritten,
                            run.withdrawn,
                            calls=tuple(run.calls), latched=backend.latched_levels(),
                            reads_latch=latching and reads_latched(pc),
                            asserted=tuple(run.asserted), pended=tuple(sorted(run.was_pended)),
                            claims=tuple(sorted(run.claimed.items())),
                            soft_claims=tuple(sorted(run.soft_claims.items())),
                            hardware_claims=tuple(sorted(run.hardware_claims.items())))
        if len(boundaries) > 1 and boundaries[-1].step == run.steps:
            # a CPU that latches requests took a held one again at the last
            # boundary (no instruction ran since): one boundary per step, as
            # Baseline.at counts them, so the stub's first stands for it
            boundaries.pop()
        boundaries.append(boundary)
        if states is None:
            return
        boundary.books = (state_books(run), accepts)
        boundary.key = state_key(machine, boundary.snapshot, boundary.books)
        if skip is None or len(boundaries) <= skip:
            return
        known = states.seen.get(boundary.key)
        if known is None:
            return
        target, index = known
        there = target.boundaries[index]
        # the continuation must end within this run's own step budget
        if target.result.steps - there.step + run.steps >= run.max_steps:
            return
        if there.snapshot is None:
            # with several write latencies a released run's cases may be
            # memoised under another latency only (latency_bound): not taken
            if final and len(machine.write_latencies) == 1:
                raise Merged(run, target, index)
        elif same_state(machine, boundary, there):
            raise Merged(run, target, index)
    return observe


def record_baseline(machine: Machine, symbol: str, args: list[int], priority: int,
                    max_steps: int, states: States | None = None) -> Baseline:
    """Run the call with no injection, snapshotting every boundary
    (``states``: keying them too)."""
    boundaries: list[Boundary] = []
    machine.backend.latency_seen = False
    result = machine.call(symbol, args, priority, max_steps=max_steps,
                          observer=_observer(machine, boundaries, states))
    return Baseline(result, boundaries, result.kept_before,
                    latency_bound=machine.backend.latency_bound())


def record_after_stub(machine: Machine, baseline: Baseline, step: int, source: Source,
                      max_steps: int, states: States | None = None) -> Baseline | None:
    """``source`` delivered at the baseline's boundary ``step``, recorded
    from the first boundary with no interrupt in flight on (the run after
    its stub returned; record_nested, ``states`` as there); None when it
    never gets there.  A fault or runaway before then raises GuestFault,
    as record_nested."""
    nested = record_nested(machine, baseline, step, source, max_steps, states)
    back = next((i for i, b in enumerate(nested.boundaries) if not b.active), None)
    if back is None:
        return None
    return Baseline(nested.result, nested.boundaries[back:], nested.kept_before,
                    latency_bound=nested.latency_bound)


def record_nested(machine: Machine, baseline: Baseline, step: int, first: Source,
                  max_steps: int, states: States | None = None, final: bool = False
                  ) -> Baseline:
    """A nested baseline: from the baseline's boundary ``step``, where the
    CPU takes ``first``, to the return, snapshotting every boundary on the
    way (inside the handler, a replay, the rest of the routine).
    ``states``: where the run reaches an explored state it stops and takes
    that state's continuation (its boundaries, events and end), shifted to
    its own step numbers (``final``: see _observer)."""
    boundaries: list[Boundary] = []
    start = baseline.at(step)
    machine.backend.latency_seen = False
    try:
        result = machine.resume(start.snapshot, baseline.result.routine, [Injection(first, step)],
                                step, _observer(machine, boundaries, states, 1, final), max_steps,
                                start.active, start.unwritten, start.calls, start.asserted,
                                start.pended, start.claims, start.soft_claims,
                                start.hardware_claims)
        # the first boundary is the delivery itself: the next source comes after it
        nested = Baseline(result, boundaries[1:], baseline.kept_before)
    except Merged as merged:
        states.merges += 1
        nested = _spliced(merged, boundaries, start.priority, baseline.kept_before)
    nested.latency_bound |= baseline.latency_bound or machine.backend.latency_bound()
    # the path's events before the delivery come first (what was taken and ran on it)
    prefix = baseline.events_before(step)
    nested.result.events[:0] = prefix
    for boundary in nested.boundaries:
        boundary.events += len(prefix)
    return nested


def _spliced(merged: Merged, boundaries: list[Boundary], priority_before: int,
             kept_before: dict) -> Baseline:
    """This run's boundaries up to the merge, then the explored state's
    continuation with steps and event counts renumbered."""
    run, target, index = merged.run, merged.target, merged.index
    here, there = boundaries[-1], target.boundaries[index]
    shift, first_event = here.step - there.step, there.events
    extra = here.events - first_event
    tail = [replace(b, step=b.step + shift, events=b.events + extra)
            for b in target.boundaries[index + 1:]]
    events = run.events + [replace(e, step=e.step + shift)
                           for e in target.result.events[first_event:]]
    # books equal: this run's first opaque register is set iff the target's was at the merge
    opaque = run.opaque if run.opaque is not None else target.result.opaque
    result = replace(target.result, steps=target.result.steps + shift, events=events,
                     trace=[], opaque=opaque, priority_before=priority_before)
    return Baseline(result, boundaries[1:] + tail, kept_before,
                    latency_bound=target.latency_bound)


def run_case(machine: Machine, baseline: Baseline, step: int, source: Source,
             max_steps: int, world: int | None = None, only: set[str] | None = None,
             arrival: bool = False, observe_claims: bool = False) -> Outcome:
    """Deliver ``source`` at the baseline's boundary ``step`` and run to the
    routine's return, checking every interrupt in flight as it returns.
    ``arrival`` (a CPU that latches requests): ``source`` only starts
    requesting at ``step``, where the CPU holds it from then on (software
    may read it there), and the CPU takes it where it accepts it
    (Outcome.taken); the kernel data is not judged on such a run, nor is
    it run in another world.
    ``world``: first give the undefined bits never written since the call
    (Boundary.unwritten) that world's poison instead (Poisoner.repoison),
    and give the free stack that world's poison where an interrupt returns
    (``only``: just these registers or (register, bits) pairs, and the
    stack if it names "stack").
    ``observe_claims``: step the whole run, watching the pending word for
    soft sources' claims (Run.soft_claims).  A case runs so again where a
    soft handler starts while a hardware request waits pended: which were
    pended at its claim decides (Machine.waiting_requests), and a run that
    looks only at some addresses cannot see the claim (a correct dispatch
    runs the hardware ones first, so such cases are rare)."""
    backend, port, poisoner = machine.backend, machine.port, machine.poisoner
    sentinel = machine.sentinel
    boundary = baseline.at(step)
    if boundary.snapshot is None:      # States.release: its outcomes are all in the memo
        raise RuntimeError(f"engine: a case at step {step} of a released run was not in the memo")
    if world is not None and only is None:
        # every case of this boundary starts from the same second-world state
        flipped = boundary.worlds.get(world)
        if flipped is None:
            backend.restore(boundary.snapshot)
            poisoner.repoison(world, boundary.unwritten)
            flipped = boundary.worlds[world] = backend.snapshot()
        else:
            backend.restore(flipped)
    else:
        backend.restore(boundary.snapshot)
        if world is not None:
            poisoner.repoison(world, boundary.unwritten, only)
    outcome = Outcome()
    backend.latency_seen = False
    handlers, functions = machine.handler_addresses, machine.function_entries
    kept = machine.interrupted_registers
    in_flight = list(boundary.active)
    if not arrival:
        backend.complete_writes()
        in_flight.append(Delivery(source, boundary.priority, backend.return_point(),
                                  machine.interrupted_values(), replays=boundary.claimed,
                                  merges=machine.pended(source)))
    calls = list(boundary.calls)
    always = machine.always_watched
    watch = set(always) | {d.return_point[0] for d in in_flight} \
        | {call[0] for call in calls}                        # grows: calls' and handlers' returns
    # the data written is judged in world 0 (the second world's run is compared by its end)
    writes = _RoutineWrites(machine, outcome, watch, boundary.active, boundary.calls) \
        if world is None and not arrival else None
    # world 0 logs the code run with no interrupt in flight (Outcome.new_code)
    outside: set[int] | None = set() if world is None and not arrival else None
    # a CPU that latches requests takes a request it still holds again
    # (run_watching stops where one is due): after the delivery no source
    # requests anew, so every request it holds was taken on this path
    by_level = {s.level: s for s in port.sources} if backend.latches_requests else None

    def retake(pc) -> bool:
        held = backend.latched_levels()
        for level in sorted((level for level in by_level if held >> (level or 0) & 1),
                            key=lambda level: -(level or 0)):
            if backend.interrupt_accepted(level):
                again = by_level[level]
                backend.complete_writes()
                in_flight.append(Delivery(again, machine.read_priority(), backend.return_point(),
                                          machine.interrupted_values(),
                                          merges=machine.pended(again)))
                watch.add(pc)
                if arrival and again is source and not outcome.taken:
                    outcome.taken = True          # the request's own take
                    outcome.taken_at_return = pc == sentinel and len(in_flight) == 1
                else:
                    outcome.retakes += 1
                backend.own_top = False
                machine.enter_interrupt(again)
                return True
        return False

    # a CPU whose device lines stay asserted until the handler acknowledges
    # the device takes such a request again wherever it accepts its level
    # before its handler starts (Backend.holds_taken_requests): the run is
    # stepped, every boundary looked at, while one is asserted
    asserted = list(boundary.asserted)
    if backend.holds_taken_requests and not arrival and not source.soft \
            and all(s.name != source.name for s in asserted):
        asserted.append(source)

    def reassert(pc) -> bool:
        for again in sorted(asserted, key=lambda s: -(s.level or 0)):
            if backend.interrupt_accepted(again.level):
                storm = asserted_storm(in_flight, again, pc, machine.read_priority())
                if storm is not None:
                    raise CpuFault(pc, storm)
                backend.complete_writes()
                in_flight.append(Delivery(again, machine.read_priority(), backend.return_point(),
                                          machine.interrupted_values(),
                                          merges=machine.pended(again)))
                watch.add(pc)
                outcome.reasserted += 1
                backend.own_top = False
                machine.enter_interrupt(again)
                return True
        return False

    def held_requests() -> list:
        """The requests the CPU holds untaken: still asserted or latched."""
        held = list(asserted)
        if by_level is not None:
            latched = backend.latched_levels()
            held += [s for level, s in by_level.items() if latched >> (level or 0) & 1]
        return held

    resumed = [backend.pc if arrival else None]
    claims = SoftClaims(boundary.soft_claims) if observe_claims else None
    batch = HardwareClaims(boundary.hardware_claims) if observe_claims else None
    needs_claims = [False]
    pending_seen = [machine.pending_word() if observe_claims else 0]
    # hardware requests pended and not yet served: a soft handler started
    # while one of them is no longer pended may have gone ahead of it,
    # claimed into a register, which only a run watching the pending word
    # sees (HardwareClaims): such a case runs again so
    unserved = {name for name in boundary.pended if not port.source(name).soft} \
        | {name for name, _ in boundary.hardware_claims}

    def track_claims():
        now = machine.pending_word()
        if now != pending_seen[0]:
            claims.track(machine, pending_seen[0], now, in_flight)
            batch.track(machine, pending_seen[0], now, len(in_flight))
            pending_seen[0] = now

    def maybe_claimed(priority: int) -> bool:
        """Could a hardware request this priority does not block wait
        claimed, unseen by this run (see ``unserved``)?"""
        return any(not port.blocks(priority, port.source(name))
                   and not machine.pended(port.source(name)) for name in unserved)

    def on_address(pc):
        if pc == resumed[0]:
            # an arrival run's first boundary: the baseline recorded what
            # happened there (a return, an entry); only a take is new
            resumed[0] = None
            if retake(pc):
                return True
            return not (pc == sentinel and not in_flight)
        resumed[0] = None
        returned = False
        while in_flight and pc == in_flight[-1].return_point[0] \
                and backend.return_point() == in_flight[-1].return_point:
            returned = True
            done = in_flight.pop()
            now = machine.read_priority()
            if now != done.interrupted_priority and outcome.bad_return is None:
                outcome.bad_return = (f"{done.source.name} returned to {port.priority_label(now)} "
                                      f"instead of {port.priority_label(done.interrupted_priority)}")
            changed = done.changed(machine.values_of(kept), kept, machine.describe_change)
            if changed and outcome.opaque is None:
                outcome.opaque = f"{done.source.name}'s interrupt returned with {changed}"
            poisoner.clobber_after_interrupt()
            if done.return_point[0] not in always and all(
                    d.return_point[0] != pc for d in in_flight) and all(c[0] != pc for c in calls):
                watch.discard(pc)      # a loop through it now runs unwatched (emu/loops.py)
            if claims:
                claims.returned(len(in_flight))
                batch.returned(len(in_flight))
            if not done.served and not done.source.soft:
                unserved.add(done.source.name)
        if outside is not None:
            backend.code_log = None if in_flight else outside
        # the routine's own accesses are those with no interrupt in flight
        # (Backend.watch_memory)
        backend.own_top = not in_flight
        if calls:
            machine.call_returned(calls, pc, in_flight[-1].registers if in_flight else None)
        if writes:
            writes.at(pc, bool(in_flight))
        if returned and pc in handlers and writes:
            # interrupted at a handler's first instruction: it runs on, its writes are its own
            writes.handler_entered(bool(in_flight))
        if not returned:                          # back at an interrupted entry is no new entry
            if pc in handlers:
                if asserted:            # the handler acknowledges its device: the line drops
                    asserted[:] = [s for s in asserted if s.name != handlers[pc].name]
                priority = machine.read_priority()
                started = handlers[pc]
                claim = claims.started(started, len(in_flight)) if claims is not None else None
                claimed = batch.started(started, len(in_flight)) if batch is not None else ()
                dispatch = started.soft and own_delivery(in_flight, started)
                waiting = () if dispatch else machine.waiting_requests(
                    started, priority, held_requests(), claim, claimed)
                if claims is None and (any(where == "pending" for _, where in waiting) or (
                        started.soft and not dispatch and unserved
                        and maybe_claimed(priority))):
                    needs_claims[0] = True       # run again, seeing the claim
                    return False
                unserved.discard(started.name)
                outcome.handlers.append((started.name, priority,
                                         machine.handler_entry_problem(started, priority),
                                         in_flight[-1].interrupted_priority if in_flight
                                         else None, machine.running_handlers(calls),
                                         *handler_started(in_flight, started), waiting))
                if writes:
                    writes.handler_entered(bool(in_flight))
            if pc in functions:                   # a C function's return is watched too
                call = machine.call_entered(pc)
                calls.append(call)
                watch.add(call[0])
        if by_level is not None and retake(pc):
            return True                  # the stub's first instruction is next
        if pc == sentinel and not in_flight:
            if writes:
                writes.routine_returned()
            return False
        return True

    try:
        # the poison interrupt returns leave (clobber_after_interrupt): ``only``
        # names "stack" when that is the part of the world asked for
        poisoner.world = world if world and (only is None or "stack" in only) else 0
        poisoner.call_world = (world or 0, only)
        backend.choice_world = world if world == 1 and (
            only is None or "implementation" in only) else 0
        if arrival:
            backend.request(source.level, source.soft)
        else:
            machine.enter_interrupt(source)
        backend.left_undefined = poisoner.poison_left_undefined
        backend.own_top = not in_flight
        left = max_steps
        if asserted or claims is not None:
            ran = _run_stepped(backend, poisoner, on_address, watch, asserted, reassert,
                               max_steps, track_claims if claims is not None else None)
            left = None if ran is None else max_steps - ran
        if left is not None:
            backend.run_watching(on_address, watch, left)
    except CpuFault as fault:
        outcome.fault = f"{fault}{machine.where(fault.address)}"
        outcome.not_modelled = isinstance(fault, NotModelled)
        return outcome
    except RuntimeError as exc:
        outcome.fault = f"runaway: {exc}{storm_note(outcome.retakes, outcome.reasserted)}"
        return outcome
    finally:
        outcome.latency_bound = backend.latency_bound()
        backend.own_top = True
        backend.code_log = None
        backend.left_undefined = None
        backend.choice_world = 0
        poisoner.world = 0
        poisoner.call_world = (0, None)
    if needs_claims[0]:
        return run_case(machine, baseline, step, source, max_steps, world, only, arrival,
                        observe_claims=True)
    if outside:
        outcome.new_code = not outside <= baseline.addresses()
    hazard = machine.return_hazard()
    if hazard is not None:
        outcome.fault = f"{hazard}{machine.where(hazard.address)}"
        return outcome
    outcome.priority_after = machine.read_priority()
    outcome.returned = backend.read_register(port.abi.returns)
    outcome.kept_after = machine.kept_state()
    outcome.pending_after = machine.pending_word()
    outcome.own_after = machine.own_bytes()
    if by_level is not None:
        held = backend.latched_levels()
        outcome.latched_after = tuple(s.name for level, s in by_level.items()
                                      if held >> (level or 0) & 1
                                      and not (arrival and s is source and not outcome.taken))
        outcome.withdrawn = arrival and not outcome.taken \
            and not held >> (source.level or 0) & 1
    return outcome


def _run_stepped(backend, poisoner, on_address, watch: set[int], asserted: list,
                 reassert, max_steps: int, each_step=None) -> int | None:
    """A case's run stepped, every boundary looked at: the watched ones
    given to ``on_address``, and ``reassert`` takes a request a device
    still asserts after the CPU took it (``asserted``, emptied as their
    handlers start) again where the CPU accepts it.  Without
    ``each_step``, only while one is asserted: stops at the first boundary
    with none asserted that no watcher needs (run_watching goes on from
    there) and returns the steps it ran.  ``each_step()`` is called at
    every boundary first, to the run's end.  None when the run ended
    (``on_address`` said so).  What an instruction leaves undefined is
    poisoned after it, as a stepped run does; the code run goes to
    Backend.code_log, and a CPU that latches requests is looked at where
    one is due (Backend.latched_due), as run_watching does."""
    count = 0
    ended = False
    last = [None]
    # a CPU that latches requests may take one again at any boundary (run_watching)
    due = backend.latched_due if backend.latches_requests else None
    tracked = bool(poisoner.tracked_at_call)     # flags the ABI leaves undefined (Run's rule)

    def step(pc) -> bool:
        nonlocal count, ended
        count += 1
        if count > max_steps:
            raise RuntimeError(f"no return after {max_steps} steps, last pc 0x{pc:08x}")
        if tracked and last[0] is not None:
            undefined = backend.undefined_flags(last[0])
            if undefined:
                poisoner.poison_left_undefined(undefined)
            last[0] = None
        if each_step is not None:
            each_step()
        elif not asserted and pc not in watch:
            return False
        if pc in watch or (due is not None and due()):
            if not on_address(pc):
                ended = True
                return False
            if backend.pc != pc:
                return True
        if asserted and reassert(pc):
            return True
        if backend.code_log is not None:
            backend.code_log.add(pc)
        last[0] = pc
        return True

    # the poison is given here, after each instruction: not by the backend too
    left_undefined, backend.left_undefined = backend.left_undefined, None
    try:
        backend.run(step, synced=True)
    finally:
        backend.left_undefined = left_undefined
    return None if ended else count


class _RoutineWrites:
    """The kernel data the routine itself writes in a case, which the
    baseline's data check (Machine.data_change) cannot see when only an
    interrupt leads there (a replay path).  Interrupts (stubs) and handlers
    may write data: what changes while one runs is theirs, taken into
    ``expected``; at the routine's return the data must be ``expected``:
    what it was when the case began, with the interrupts' and handlers'
    changes and nothing else, but for a byte no interrupt or handler of the
    case changed that the routine put back to its value at the call (its
    own flag, set before the case began and cleared after: a change the
    routine undoes is no change).  Those bytes go to Outcome.put_back
    rather than being forgiven here: an interrupt earlier on the case's
    path (before it began) may have changed them, which only the checker,
    knowing every interrupt of the pair (Outcome.touched), can tell."""

    def __init__(self, machine: Machine, outcome: Outcome, watch: set[int], active: tuple,
                 calls: tuple = ()):
        self.machine, self.outcome, self.watch = machine, outcome, watch
        #: None until the routine first runs alone: all before is the interrupt's
        self.expected: list[bytes] | None = None
        self.since: list[bytes] | None = []              # the case begins in an interrupt
        #: (return address, sp there), innermost last: the handlers running
        #: where the case begins (``calls``: a replay path's direct call) too
        handler_names = {source.handler for source in machine.port.sources}
        self.handlers: list[tuple[int, int]] = [call[:2] for call in calls
                                                if call[2] in handler_names]
        for where in self.handlers:
            watch.add(where[0])
        #: the data when the routine was interrupted: as the case began, or,
        #: when interrupts were already in flight (``active``), as the
        #: outermost found it; an interrupt's change is told against it, not
        #: against the case's start, where a stub may have set a word it
        #: clears before it returns
        outermost = active[0].routine_data if active else None
        self.interrupted = machine.loaded_data() if outermost is None else list(outermost)
        #: the addresses of the bytes an interrupt or handler of the case changed
        self.touched: set[int] = set()

    def handler_entered(self, interrupted: bool) -> None:
        self._accepting(interrupted)
        where = self.machine.call_return_watch()
        self.handlers.append(where)
        self.watch.add(where[0])

    def at(self, pc: int, interrupted: bool) -> None:
        """A watched address: a handler's return, or the routine resuming
        (``interrupted``: an interrupt is still in flight)."""
        machine = self.machine
        while self.handlers and machine.has_returned(self.handlers[-1], pc):
            self.handlers.pop()
        if not interrupted and not self.handlers and self.since is not None:
            now = machine.loaded_data()
            before = self.interrupted if self.expected is None else self.since
            self._touch(before, now)
            if self.expected is None or self.expected == self.since:
                self.expected = now              # the routine wrote nothing before the interrupt
            elif now != self.since:
                self.expected = [bytes(n if s != n else e for e, s, n in zip(exp, was, cur))
                                 for exp, was, cur in zip(self.expected, self.since, now)]
            self.since = None

    def routine_returned(self) -> None:
        if self.since is not None or self.expected is None or self.outcome.data_changed is not None:
            return
        machine = self.machine
        outcome = self.outcome
        outcome.touched = self.machine.interned(frozenset(self.touched))
        change = machine.data_difference(self.expected)
        if not change:
            return
        # bytes the routine put back to the call's that no interrupt of the case changed
        now = machine.loaded_data()
        allowed, put_back = [], []
        touched = self.touched
        for (addr, call), exp, cur in zip(machine.loaded_segments, self.expected, now):
            if exp == cur:
                allowed.append(exp)
                continue
            back = [i for i in differing(exp, cur) if cur[i] == call[i] and addr + i not in touched]
            for i in back:
                word = machine.byte_change(addr, i, exp, cur)
                if word is not None:
                    put_back.append((addr + i, _written(word)))
            kept = bytearray(exp)
            for i in back:
                kept[i] = cur[i]
            allowed.append(bytes(kept))
        outcome.put_back = tuple(put_back)
        change = machine.data_difference(allowed)
        if change:
            outcome.data_changed = _written(change)

    def _accepting(self, interrupted: bool) -> None:
        if self.since is None and not interrupted and not self.handlers:
            self.since = self.machine.loaded_data()

    def _touch(self, before: list[bytes], now: list[bytes]) -> None:
        """Note the bytes an interrupt or handler changed from ``before`` to
        ``now``, but to their value at the call: a routine's put-back of
        such a byte loses nothing (the routine's own flag, which the
        handler's call of the routine, emu/reenter.py, sets and clears)."""
        for (addr, call), old, new in zip(self.machine.loaded_segments, before, now):
            if old != new:
                self.touched.update(addr + i for i, (a, b) in enumerate(zip(old, new))
                                    if a != b and b != call[i])


def _written(change: tuple[str, int, int]) -> str:
    """What the routine wrote: data_difference's (word, before, now)."""
    return (f"{change[0]} went from {change[1]:#x} to {change[2]:#x} after the interrupt, "
            f"written by the routine (no interrupt or handler running)")
