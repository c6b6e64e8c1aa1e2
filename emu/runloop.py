"""One run of a call, boundary by boundary: the requests the caller
injected, the interrupts the CPU takes and returns from, the handlers and
C functions entered, and the Events (and, traced, the Steps) they make.

Machine drives it: the backend calls ``Run.on_boundary`` before every
instruction (Backend.run), and the run says whether to go on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .errors import GuestFault
from .events import ASSERTED, MERGED, MERGED_ASSERTED, RETAKEN, SETTLING, Event, Step, storm_note
from .loops import WATCH_FROM, LoopWatch, loop_message
from .model import Source

if TYPE_CHECKING:
    from .machine import Machine


@dataclass(frozen=True)
class Injection:
    """``source`` starts requesting an interrupt at boundary ``step``
    (before the step-th instruction, counted from 0) and keeps requesting
    until the CPU takes it, as a level-triggered device line does.
    ``visit``: which boundary with that step number (an interrupt entry
    executes no instruction, so the stub's first boundary shares the step
    of the one the interrupt was taken at: visit 1, 2, ...).  ``at_call``:
    it stands for a request already pending when the routine was called
    (check.explore_pending), delivered at its first instruction; or, with
    ``held``, requested from the call's first boundary and held by the CPU
    until it took it at ``step`` (``held``: the return point of that take,
    Delivery.return_point, which tells its interrupt among those in flight)."""
    source: Source
    step: int
    visit: int = 0
    at_call: bool = False
    held: tuple | None = None


@dataclass
class Delivery:
    """An interrupt the CPU took and that has not returned yet, with the
    interrupted code's registers it must give back."""
    source: Source
    interrupted_priority: int
    return_point: tuple
    registers: tuple = None     # values of Machine.interrupted_registers, in order
    #: the interrupted code's never-written flag bits (Run.unwritten), its
    #: again once the interrupt returns
    unwritten: tuple = ()
    #: the outermost interrupt's: the kernel data (Machine.loaded_data) when
    #: it interrupted the routine, and its digest (part of a state's books):
    #: what the interrupts changed is told against it (explore._RoutineWrites)
    routine_data: tuple | None = None
    routine_key: bytes | None = None
    #: its own source's handler has started inside it (handler_started)
    served: bool = False
    #: the sources whose pended request software had claimed (cleared its
    #: pending bit) for a replay at the interrupted level, their handler
    #: not started, when the CPU took it (Run.claimed): the interrupt
    #: preempts their service as it preempts an interrupt's in flight
    replays: tuple[str, ...] = ()
    #: its source's bit was set in the pending word when the CPU took it:
    #: software had recorded an earlier request of the source there, into
    #: which this one merges (handler_started)
    merges: bool = False

    def changed(self, now: tuple, names: tuple, describe=None) -> str | None:
        """'ecx 0x1 -> 0x2' for the first register the interrupt did not give
        back (``now``: the values of ``names``, Machine.interrupted_registers;
        ``describe``: Machine.describe_change, which names the bits)."""
        if self.registers is None or now == self.registers:
            return None
        for (reg, mask), before, after in zip(names, self.registers, now):
            if after != before:
                if describe is not None:
                    return describe(reg, mask, before, after)
                return f"{reg} {before:#x} -> {after:#x}"
        return None


def handler_started(active: list[Delivery], source: Source,
                    claimed: dict[str, tuple[int, bool]] | None = None
                    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """At the entry of ``source``'s handler with ``active`` in flight
    (innermost last): the sources of the interrupts in flight outside the
    innermost whose own handler has not started yet, and the replays the
    interrupts in flight preempted (Delivery.replays): their service waits
    for this one, which judgement judges a priority inversion where their
    IPL blocks ``source``.  The innermost is left out for a hardware
    ``source``: its stub may run another pending hardware source's handler
    before its own, as NetBSD macppc's ext_intr runs the controller's
    pending lines in IRQ order (extintr.c 1.10.2.7).  Not for a soft
    ``source`` inside a hardware source's interrupt: NetBSD runs soft
    interrupts only from the tails, after the hardware handler (i386 1.6
    spl.s Xdoreti/Xspllower, macppc do_pending_int after ext_intr's
    handlers), so one started ahead of the innermost's own handler is
    judged like one ahead of an outer's.  A soft innermost is left out for
    a soft ``source`` too: its delivery is NetBSD's soft dispatch itself
    (hp700 hp700_intr_schedule runs intr_dispatch, which takes the pending
    bits in its own order).

    The run serves the innermost interrupt in flight of ``source``'s own
    whose handler has not started, wherever it is: that one is marked
    served and is not awaited.  It need not be the innermost: a stub
    nested in it may dispatch the bit the outer stub pended (NetBSD hp700
    intr.c 1.1 hp700_intr_dispatch runs every bit of ``ipending & ~ncpl``,
    lowest first, whichever interrupt set it), and that run is the outer
    interrupt's service, not a second one.  So is the next outer one of
    the same source when the one served was taken with the source's bit
    set in the pending word (Delivery.merges): the request recorded there
    and this one are one pending bit, which one handler run serves.
    Otherwise an outer interrupt of the same source is still awaited when
    a later take of that source (a new request, or one still asserted or
    latched, taken again) is the one served: its stub let its own source
    in before serving it.  ``claimed`` (Run.claimed) forgets the replays
    claimed at this level: a handler started there."""
    last = len(active) - 1
    own = [i for i in range(last, -1, -1)
           if active[i].source.name == source.name and not active[i].served]
    served = set()
    for i in own:               # innermost first: each merged into the next outer one
        served.add(i)
        if not active[i].merges:
            break
    awaiting = tuple(d.source.name for i, d in enumerate(active)
                     if not d.served and i not in served
                     and (i < last or (source.soft and not d.source.soft)))
    replays = tuple(name for d in active for name in d.replays)
    for i in served:
        active[i] = replace(active[i], served=True)
    if claimed:
        for name in [n for n, (depth, _) in claimed.items()
                     if depth == len(active) or n == source.name]:
            del claimed[name]
    return awaiting, replays


class SoftClaims(dict):
    """(soft source, interrupts in flight at its claim) -> the sources (the
    hardware ones and the other soft ones) its dispatch answers for, from the moment software claimed the
    soft source's request (cleared its pending bit) there until its handler
    starts there (Machine.waiting_requests fails each still pended then):
    those pended at the claim, and those pended since while the claim's
    level's own priority blocked them (lowering it later unblocks them for
    that code, which then runs the soft handler ahead of them).  Not one
    pended by an interrupt nested on that level whose priority did not
    block it: the nested code pended it, and its tail may not replay it
    (NetBSD macppc extintr.c 1.10.2.7 do_pending_int returns at once while
    an outer run is ``processing``), so it waits behind the soft handler in
    NetBSD too.  That holds only while the claim is the dispatch's last
    look: where another handler starts at the claim's level before the
    soft one (a batch of soft sources claimed in one store and run back to
    back), NetBSD's dispatch would have claimed the soft source after that
    handler, looking at the hardware first ("goto again"), so the claim
    then answers for every pended one (its value None: red team 24 F3)."""

    def track(self, machine: Machine, before: int, now: int, active: list[Delivery]) -> None:
        """The pending word went from ``before`` to ``now`` with ``active``
        in flight."""
        depth = len(active)
        fresh = machine.all_pended(now & ~before)
        if fresh and self:
            port = machine.port
            for key, names in self.items():
                if names is None:
                    continue
                level = key[1]
                added = tuple(name for name in fresh if name not in names and (
                    level >= depth or port.blocks(active[level].interrupted_priority,
                                                  port.source(name))))
                if added:
                    self[key] = names + added
        for name in machine.soft_claimed(before, now):
            self[(name, depth)] = machine.all_pended(now)

    def returned(self, depth: int) -> None:
        """An interrupt returned, ``depth`` left in flight: a claim made
        inside it goes with it."""
        for key in [key for key in self if key[1] > depth]:
            del self[key]

    def started(self, source: Source, depth: int) -> tuple[str, ...] | None:
        """``source``'s handler starts with ``depth`` interrupts in flight:
        the hardware sources its dispatch answers for (None: a soft source
        with no claim seen there or one held across another handler's run,
        or a hardware one).  The other soft claims at that level are held
        across this run: each answers for every pended one from now on."""
        for key in [key for key in self if key[1] == depth and key[0] != source.name]:
            self[key] = None
        return self.pop((source.name, depth), None) if source.soft else None


class HardwareClaims(dict):
    """Hardware source -> how many interrupts were in flight when software
    claimed its pended request (cleared its bit in the pending word), from
    that claim until its handler starts, its bit is set again or that
    level returns: a request a replay holds in a register (a batch claimed
    in one store, as NetBSD macppc extintr.c 1.10.2.7 do_pending_int
    claims ``hwpend``).  A soft handler started at that level ahead of it
    went ahead of a waiting hardware request (Machine.waiting_requests,
    "claimed"), as one started while its bit is still set does.  Unlike
    Run.claimed, another handler's start does not forget it: a batch's
    later members still wait."""

    def track(self, machine: Machine, before: int, now: int, depth: int) -> None:
        """The pending word went from ``before`` to ``now`` with ``depth``
        interrupts in flight."""
        for name in machine.hardware_pended(before & ~now):
            self[name] = depth
        for name in machine.hardware_pended(now & ~before):
            self.pop(name, None)

    def returned(self, depth: int) -> None:
        """An interrupt returned, ``depth`` left in flight: a claim made
        inside it goes with it."""
        for name in [name for name, level in self.items() if level > depth]:
            del self[name]

    def started(self, source: Source, depth: int) -> tuple[str, ...]:
        """``source``'s handler starts with ``depth`` interrupts in flight:
        for a soft one, the hardware sources claimed at that level whose
        handler has not started (they wait); ``source``'s own claim is
        served."""
        waiting = tuple(name for name, level in self.items()
                        if level == depth) if source.soft else ()
        self.pop(source.name, None)
        return waiting


def own_delivery(active: list[Delivery], source: Source) -> bool:
    """Is the innermost interrupt in flight (``active``) ``source``'s own,
    its handler not started: a handler of ``source`` starting now is that
    delivery's direct service.  For a soft source that delivery stands for
    NetBSD's soft dispatch itself (its stub runs the handler as i386 1.6
    Xdoreti runs a pending soft bit): Machine.waiting_requests is not
    asked of it, where a request it went ahead of is one the model's
    arrival of the soft request at that boundary put behind it, not the
    code under check."""
    return bool(active) and active[-1].source.name == source.name and not active[-1].served


def committed_claims(claims, depth: int) -> tuple[str, ...]:
    """The sources of ``claims`` ((source, (level, committed)) pairs,
    Run.claimed) claimed at ``depth`` interrupts in flight and committed,
    in name order: the replays an interrupt taken there preempts."""
    return tuple(sorted(name for name, (at, committed) in claims if at == depth and committed))


def asserted_storm(active, source: Source, pc: int, priority: int) -> str | None:
    """Why taking ``source``'s request again at ``pc`` (its device still
    asserts it: Backend.holds_taken_requests) is an endless re-entry: an
    interrupt in flight (``active``) took the same request at the same
    address and priority, so the stub it entered got back here without its
    handler starting and will do so again from this take (None: no such
    one)."""
    for delivery in active:
        if delivery.source.name == source.name and delivery.return_point[0] == pc \
                and delivery.interrupted_priority == priority:
            return (f"interrupt storm: {source.name}'s request, still asserted by its device "
                    f"(its handler had not started to acknowledge it), was taken again at the "
                    f"same place and priority {priority:#x} inside its own interrupt: the stub "
                    f"lets its own request in before its handler runs, and so re-enters "
                    f"without end")
    return None


def state_books(run) -> tuple:
    """What of a run's bookkeeping, besides the CPU and memory, decides
    what it does and records from a boundary on: the interrupts in flight
    (what each must give back and where it returns), the sources still
    requesting, those pended since their last handler run (an entry is a
    replay), whether a register an interrupt did not give back was
    already seen (only the first is reported), which undefined flags
    were never written (those of each interrupted code too), and the C
    functions called and not yet returned (their returns poison), and the
    requests devices still assert after their take (Run.asserted), and
    the replays and the soft and hardware sources claimed (Run.claimed,
    Run.soft_claims, Run.hardware_claims)."""
    active = tuple((d.source.name, d.interrupted_priority, d.return_point,
                    d.registers, d.unwritten, d.routine_key, d.served, d.replays, d.merges)
                   for d in run.active)
    return (active, tuple(s.name for s in run.requesting), tuple(sorted(run.was_pended)),
            run.opaque is None, tuple(run.unwritten.items()), tuple(run.calls),
            tuple(s.name for s in run.asserted), tuple(sorted(run.claimed.items())),
            tuple(sorted(run.soft_claims.items())), tuple(sorted(run.hardware_claims.items())))


class Run:
    """The per-boundary bookkeeping of one call."""

    def __init__(self, machine: Machine, injections, max_steps: int, trace: bool, observer=None):
        self.m = machine
        self.observer = observer
        self.backend = machine.backend
        self.max_steps = max_steps
        self.tracing = trace
        self.steps = 0
        self.events: list[Event] = []
        self.trace: list[Step] = []
        self.by_step: dict[tuple[int, int], list[Source]] = {}
        for inj in injections:
            self.by_step.setdefault((inj.step, inj.visit), []).append(inj.source)
        self.visit = 0                       # boundaries seen at this step number before
        self.requesting: list[Source] = []
        #: a CPU that latches requests (Backend.latches_requests): its
        #: sources by level, to name the request it holds and takes again
        self.latching = machine.backend.latches_requests
        self.by_level = {s.level: s for s in machine.port.sources} if self.latching else {}
        self.refused: set[str] = set()
        #: a CPU whose device lines stay asserted until the handler
        #: acknowledges the device (Backend.holds_taken_requests): the
        #: hardware sources taken whose handler has not started yet; the
        #: CPU takes each again wherever it accepts its level
        self.asserting = machine.backend.holds_taken_requests
        self.asserted: list[Source] = []
        self.active: list[Delivery] = []
        self.was_pended: set[str] = set()
        #: source -> (how many interrupts were in flight when software
        #: claimed its pended request for a replay (cleared its pending
        #: bit), whether the CPU has accepted no source since: the replay
        #: is committed); forgotten once a handler starts at that level
        self.claimed: dict[str, tuple[int, bool]] = {}
        self.soft_claims = SoftClaims()
        self.hardware_claims = HardwareClaims()
        self.priority = machine.read_priority()
        self.pending = machine._read_pending() if machine._pending_address is not None else 0
        self.last_address: int | None = None
        self.last_nullified = False           # traced: the last instruction was nullified
        self.entering: str | None = None     # a source whose CPU entry just happened
        self.withdrawn = 0                   # levels the last instruction cleared (Backend.withdrawn_levels)
        #: the registers a traced step records when it changes them (--regs)
        self.watched = machine.backend.trace_registers if trace and machine.trace_registers else ()
        self.registers = self._watched_values()
        self.opaque: str | None = None       # the first register an interrupt did not give back
        #: register -> the undefined flag bits no instruction of the
        #: interrupted code has written since the call (Backend.flag_bits)
        self.unwritten = dict(machine.poisoner.tracked_at_call)
        self.resumed = False                 # at the boundary an earlier run's snapshot was taken
        #: C functions called and not yet returned (Machine.call_entered),
        #: innermost last
        self.calls: list[tuple[int, int, str, bool]] = []
        #: a state the run was in before, from WATCH_FROM steps on (emu/loops.py)
        self.loops = LoopWatch(self._state)

    def _storm_note(self) -> str:
        """A runaway's note of the requests the CPU took again (storm_note)."""
        retakes = sum(1 for e in self.events if e.kind == "taken" and e.detail == RETAKEN)
        asserted = sum(1 for e in self.events if e.kind == "taken" and e.detail == ASSERTED)
        return storm_note(retakes, asserted)

    def _state(self) -> bytes:
        """What decides the run from this boundary on, as bytes: the CPU and
        memory, and the books (state_books; the boundary's visit, the
        priority and pending word the next events are told against)."""
        backend = self.backend
        books = (state_books(self), self.visit, self.priority, self.pending,
                 backend.latched_levels(), backend.settling())
        return backend.snapshot_bytes(backend.snapshot()) + repr(books).encode()

    def on_boundary(self, pc: int) -> bool:
        m, backend = self.m, self.backend
        self.withdrawn = 0
        if self.last_address is not None:
            self._after_instruction()
            self.visit = 0
        elif self.entering is not None:
            self._after_entry()
            self.visit += 1
        returned = False
        while self.active and backend.return_point() == self.active[-1].return_point:
            done = self.active.pop()
            returned = True
            now = self.priority
            same = now == done.interrupted_priority
            self.events.append(Event(self.steps, "return", done.source.name, now,
                                     "restored" if same else
                                     f"priority {now:#x} != interrupted {done.interrupted_priority:#x}"))
            changed = done.changed(m.values_of(m.interrupted_registers), m.interrupted_registers,
                                   m.describe_change)
            if changed and self.opaque is None:
                self.opaque = f"{done.source.name}'s interrupt returned with {changed}"
            m.poisoner.clobber_after_interrupt()
            self.unwritten = dict(done.unwritten)
            if self.soft_claims:
                self.soft_claims.returned(len(self.active))
            if self.hardware_claims:
                self.hardware_claims.returned(len(self.active))
        if self.calls:
            function = m.call_returned(self.calls, pc,
                                       self.active[-1].registers if self.active else None)
            if function is not None:
                self._after_call(function)
        # a return is no entry, nor is the boundary a resumed run starts
        # from (the earlier run recorded its entry)
        entry = not (returned or self.resumed)
        source = m.handler_addresses.get(pc) if entry else None
        running = m.running_handlers(self.calls) if source is not None else ()
        soft_dispatch = source is not None and source.soft and own_delivery(self.active, source)
        claimed = self.soft_claims.started(source, len(self.active)) \
            if source is not None else None
        batch = self.hardware_claims.started(source, len(self.active)) \
            if source is not None else ()
        awaiting, replays = handler_started(self.active, source, self.claimed) \
            if source is not None else ((), ())
        if entry and pc in m.function_entries:
            self.calls.append(m.call_entered(pc))
        self.resumed = False
        if source is not None:
            if self.asserted:     # the handler acknowledges its device: the line drops
                self.asserted = [s for s in self.asserted if s.name != source.name]
            how = "replay" if source.name in self.was_pended else "direct"
            self.was_pended.discard(source.name)
            self.events.append(Event(self.steps, "handler", source.name, self.priority, how, pc,
                                     problem=m.handler_entry_problem(source, self.priority),
                                     interrupted=self.active[-1].interrupted_priority
                                     if self.active else None, running=running,
                                     awaiting=awaiting, replays=replays,
                                     waiting=() if soft_dispatch else m.waiting_requests(
                                         source, self.priority,
                                         self.requesting + self.held() + self.asserted,
                                         claimed, batch)))
        if self.observer is not None:
            self.observer(self, pc)
        for new in self.by_step.pop((self.steps, self.visit), ()):
            if self.latching and backend.latched_levels() >> (new.level or 0) & 1:
                # the line's bit is still set: the request merges into the one held
                self.events.append(Event(self.steps, "inject", new.name, self.priority, MERGED,
                                         pc))
                continue
            if any(s.name == new.name for s in self.asserted):
                # its device still asserts the line: the request is the one taken
                self.events.append(Event(self.steps, "inject", new.name, self.priority,
                                         MERGED_ASSERTED, pc))
                continue
            self.events.append(Event(self.steps, "inject", new.name, self.priority, address=pc))
            backend.request(new.level, new.soft)
            self.requesting.append(new)
        if (self.requesting or self.latching or self.asserted) and self._deliver(pc):
            backend.own_top = False
            return True           # the CPU is now at the stub; its first insn is the next boundary
        # the next instruction's accesses are the call's own outside any
        # interrupt (Backend.watch_memory) while none is in flight
        backend.own_top = not self.active
        if pc == m.sentinel and not self.active:
            hazard = m.return_hazard()
            if hazard is not None:
                raise hazard
            return False
        if self.steps >= WATCH_FROM and not self.by_step:     # no injection to come
            period = self.loops.period(pc, self.steps)
            if period is not None:
                raise GuestFault(f"runaway: {loop_message(pc, m.where(pc), period)}"
                                 f"{self._storm_note()}", pc)
        if self.steps >= self.max_steps:
            raise GuestFault(f"runaway: no return after {self.max_steps} steps, "
                             f"last pc 0x{pc:08x}{m.where(pc)}{self._storm_note()}", pc)
        self.last_address = pc
        if self.tracing:
            self.last_nullified = backend.nullified()
        return True

    def _after_call(self, function: str):
        """``function``, a C function, returned and its leftovers were
        poisoned: the flags among them are undefined and unwritten again; a
        traced run says so on the return's step, with the registers that
        changed (--regs)."""
        tracked = self.m.poisoner.tracked_at_call
        for reg in self.unwritten:
            self.unwritten[reg] |= tracked[reg]
        if self.tracing and self.trace:
            last = self.trace[-1]
            last.returned_from = function
            if self.watched:
                last.changed = {**(last.changed or {}), **self._changed_registers()}

    def _watched_values(self) -> dict[str, int]:
        read = self.backend.read_register
        return {name: read(name) for name in self.watched}

    def _changed_registers(self) -> dict[str, int]:
        """The watched registers that differ from the last look, and their values."""
        now = self._watched_values()
        changed = {name: value for name, value in now.items() if self.registers[name] != value}
        self.registers = now
        return changed

    def _after_entry(self):
        """The CPU's interrupt entry (no guest instruction) may have changed
        the priority: record it at the delivery's boundary (and, with
        --regs, the registers it changed, on its ``taken`` event)."""
        if self.watched:
            taken = next(e for e in reversed(self.events) if e.kind == "taken")
            taken.registers = self._changed_registers()
        priority = self.m.read_priority()
        if priority != self.priority:
            self.events.append(Event(self.steps, "priority", self.entering, priority,
                                     f"was {self.priority:#x} (interrupt entry)"))
            self.priority = priority
        self.entering = None

    def _after_instruction(self):
        m = self.m
        self.steps += 1
        if self.unwritten:
            unwritten = self.unwritten
            for reg, bits in self.backend.written_flags(self.last_address):
                if reg in unwritten:
                    unwritten[reg] &= ~bits
            undefined = self.backend.undefined_flags(self.last_address)
            if undefined:
                m.poisoner.poison_left_undefined(undefined)
                tracked = m.poisoner.tracked_at_call
                for reg, bits in undefined:
                    if reg in unwritten:
                        unwritten[reg] |= bits & tracked[reg]
        priority = m.read_priority()
        settling = self.backend.settling()
        if priority != self.priority:
            self.events.append(Event(self.steps, "priority", None, priority,
                                     f"was {self.priority:#x}", self.last_address))
            self.priority = priority
        if m._pending_address is not None:
            pending = m._read_pending()
            for bit in range(32):
                if pending >> bit & 1 and not self.pending >> bit & 1 and bit in m._bit_sources:
                    name = m._bit_sources[bit].name
                    self.was_pended.add(name)
                    self.events.append(Event(self.steps, "pended", name, priority))
                elif self.pending >> bit & 1 and not pending >> bit & 1 and bit in m._bit_sources:
                    name = m._bit_sources[bit].name
                    if name in self.was_pended:
                        self.claimed[name] = (len(self.active), False)
            if pending != self.pending:
                self.soft_claims.track(m, self.pending, pending, self.active)
                self.hardware_claims.track(m, self.pending, pending, len(self.active))
            self.pending = pending
        # committed where the CPU accepts no source at the claim's own level
        # (a cli in an interrupt's stub nested on the claim commits nothing)
        level = len(self.active)
        if any(depth == level and not done for depth, done in self.claimed.values()) \
                and not any(self.backend.interrupt_accepted(s.level) for s in m.port.sources):
            self.claimed = {name: (depth, done or depth == level)
                            for name, (depth, done) in self.claimed.items()}
        self.withdrawn = withdrawn = self.backend.withdrawn_levels()
        if withdrawn:
            for source in [s for s in self.requesting if withdrawn >> (s.level or 0) & 1]:
                self.requesting.remove(source)
                self.refused.discard(source.name)
                self.events.append(Event(self.steps, "withdrawn", source.name, priority, None,
                                         self.last_address))
        if self.tracing:
            changed = self._changed_registers() if self.watched else None
            self.trace.append(Step(self.steps, self.last_address, priority, settling,
                                   changed=changed, nullified=self.last_nullified))
        self.last_address = None

    def claimed_here(self) -> tuple[str, ...]:
        """The replays claimed at the current level whose handler has not
        started and that are committed (Run.claimed): what an interrupt
        taken now preempts.  A replay is committed once the CPU accepts no
        source after its claim, as NetBSD's replay paths run a source's
        resume entry with interrupts off (i386 1.6 spl.s: Xspllower's
        btrl, then cli and the fake frame; macppc extintr.c 1.10.2.7
        do_pending_int claims with EE off): a request taken between the
        claim and that point is not ahead of a replay yet begun."""
        return committed_claims(self.claimed.items(), len(self.active))

    def held(self) -> list[Source]:
        """The sources whose request a CPU that latches requests still holds
        after taking it (software has not cleared its bit and no new request
        came): the CPU takes each again when it accepts its level.  (The
        requests of Backend.holds_taken_requests are ``asserted``.)"""
        if not self.latching:
            return []
        held = self.backend.latched_levels()
        if not held:
            return []
        for source in self.requesting:
            held &= ~(1 << (source.level or 0))
        return [s for level, s in self.by_level.items() if held >> (level or 0) & 1]

    def _deliver(self, pc: int) -> bool:
        """Offer the requesting sources to the CPU, highest level first;
        take at most one per boundary (the CPU then runs the stub).  A CPU
        that latches requests takes a request it still holds again (an
        event ``taken`` marked RETAKEN: no new request), and one whose
        device still asserts a request it took (``asserted``: ASSERTED)."""
        backend = self.backend
        held = self.held()
        asserted = self.asserted
        order = sorted(self.requesting + held + asserted, key=lambda s: -(s.level or 0))
        for source in order:
            again = source in held or source in asserted
            if backend.interrupt_accepted(source.level):
                if source in asserted:
                    storm = asserted_storm(self.active, source, pc, self.priority)
                    if storm is not None:
                        self.events.append(Event(self.steps, "taken", source.name,
                                                 self.priority, ASSERTED, pc))
                        raise GuestFault(f"{storm} at 0x{pc:08x}{self.m.where(pc)}", pc)
                if not again:
                    self.requesting.remove(source)
                    if self.asserting and not source.soft:
                        self.asserted = self.asserted + [source]
                settling = backend.settling()
                backend.complete_writes()
                data = None if self.active else tuple(self.m.loaded_data())
                self.active.append(Delivery(source, self.priority, backend.return_point(),
                                            self.m.interrupted_values(),
                                            tuple(self.unwritten.items()), data,
                                            data and hashlib.blake2b(b"".join(data),
                                                                     digest_size=16).digest(),
                                            replays=self.claimed_here(),
                                            merges=self.m.pended(source)))
                self.events.append(Event(self.steps, "taken", source.name, self.priority,
                                         (ASSERTED if source in asserted else RETAKEN)
                                         if again else SETTLING if settling else None, pc))
                self.m.enter_interrupt(source)
                self.entering = source.name
                return True
            if not again and source.name not in self.refused:
                self.refused.add(source.name)
                self.events.append(Event(self.steps, "blocked", source.name, self.priority, None, pc))
        return False
