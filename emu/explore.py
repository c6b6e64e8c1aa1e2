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
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .backends import CpuFault
from .events import Event, RunResult
from .machine import SENTINEL, Delivery, Injection, Machine
from .model import Source


@dataclass
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


@dataclass
class Baseline:
    """``kept_before``: what the routine must leave as it found it (the
    top-level call's, shared by the nested baselines of its pair)."""
    result: RunResult
    boundaries: list[Boundary]
    kept_before: dict[str, int] = field(default_factory=dict)

    def at(self, step: int) -> Boundary:
        """The boundary before the step-th instruction (a nested baseline's
        steps start where its first delivery was)."""
        return self.boundaries[step - self.boundaries[0].step]

    def first_acceptance(self, start: int, source: Source) -> int | None:
        """The first boundary at or after step ``start`` where the CPU takes ``source``."""
        for boundary in self.boundaries[start - self.boundaries[0].step:]:
            if source.name in boundary.accepts:
                return boundary.step
        return None

    def events_before(self, step: int) -> list[Event]:
        """The events of this baseline's run that happened before a delivery
        at boundary ``step`` (what its snapshot there already contains)."""
        return self.result.events[:self.at(step).events]


@dataclass
class Outcome:
    """What one delivered case did after the delivery, and its end state
    (``fault``: the fault or runaway that ended it instead of the return)."""
    handlers: list[tuple[str, int]] = field(default_factory=list)   # (source, priority at entry)
    bad_return: str | None = None      # an interrupt returned to another priority
    priority_after: int = 0
    returned: int = 0
    kept_after: dict[str, int] = field(default_factory=dict)
    pending_after: int = 0
    fault: str | None = None
    opaque: str | None = None          # an interrupt gave back a register changed
    world_problem: str | None = None   # the same case in the other poison world ended otherwise
    judged_in_two_worlds: bool = False


def _observer(machine: Machine, boundaries: list[Boundary]):
    backend, port = machine.backend, machine.port
    levels = {s.level for s in port.sources}
    poisoned = machine.poison_values(0).items()
    read = backend.read_register

    def observe(run, pc):
        by_level = {level: backend.interrupt_accepted(level) for level in levels}
        accepts = frozenset(s.name for s in port.sources if by_level[s.level])
        undefined = frozenset(reg for reg, (value, mask) in poisoned if read(reg) & mask == value)
        boundaries.append(Boundary(run.steps, pc, run.priority, backend.snapshot(), accepts,
                                   tuple(run.active), run.visit, len(run.events), undefined))
    return observe


def record_baseline(machine: Machine, symbol: str, args: list[int], priority: int,
                    max_steps: int) -> Baseline:
    """Run the call with no injection, snapshotting every boundary."""
    boundaries: list[Boundary] = []
    result = machine.call(symbol, args, priority, max_steps=max_steps,
                          observer=_observer(machine, boundaries))
    return Baseline(result, boundaries, result.kept_before)


def record_nested(machine: Machine, baseline: Baseline, step: int, first: Source,
                  max_steps: int) -> Baseline:
    """A depth-2 baseline: from the baseline's boundary ``step``, where the
    CPU takes ``first``, to the return, snapshotting every boundary on the
    way (inside the handler, a replay, the rest of the routine)."""
    boundaries: list[Boundary] = []
    start = baseline.at(step)
    result = machine.resume(start.snapshot, baseline.result.routine, [Injection(first, step)],
                            step, _observer(machine, boundaries), max_steps)
    # the first boundary is the delivery itself: the second source comes after it
    return Baseline(result, boundaries[1:], baseline.kept_before)


def run_case(machine: Machine, baseline: Baseline, step: int, source: Source,
             max_steps: int, world: int | None = None, only: set[str] | None = None) -> Outcome:
    """Deliver ``source`` at the baseline's boundary ``step`` and run to the
    routine's return, checking every interrupt in flight as it returns.
    ``world``: first give the undefined registers that still hold their
    entry poison that world's poison instead (see Machine.poison)."""
    backend, port = machine.backend, machine.port
    boundary = baseline.at(step)
    backend.restore(boundary.snapshot)
    if world is not None:
        repoison(machine, world, only)
    outcome = Outcome()
    handlers = machine.handler_addresses
    registers = machine.registers_of(machine.interrupted_registers)
    in_flight = list(boundary.active) + [Delivery(source, boundary.priority, backend.return_point(),
                                                  registers)]
    watch = set(handlers) | {d.return_point[0] for d in in_flight} | {SENTINEL}

    def on_address(pc):
        returned = False
        while in_flight and pc == in_flight[-1].return_point[0] \
                and backend.return_point() == in_flight[-1].return_point:
            returned = True
            done = in_flight.pop()
            now = machine.read_priority()
            if now != done.interrupted_priority and outcome.bad_return is None:
                outcome.bad_return = (f"{done.source.name} returned to {port.priority_label(now)} "
                                      f"instead of {port.priority_label(done.interrupted_priority)}")
            changed = done.changed(machine.registers_of(machine.interrupted_registers))
            if changed and outcome.opaque is None:
                outcome.opaque = f"{done.source.name}'s interrupt returned with {changed}"
            machine.clobber_after_interrupt()
        if pc in handlers and not returned:       # back at an interrupted entry is no new entry
            outcome.handlers.append((handlers[pc].name, machine.read_priority()))
        return not (pc == SENTINEL and not in_flight)

    try:
        machine.world = world or 0        # the poison interrupt returns leave (clobber_after_interrupt)
        machine.enter_interrupt(source)
        backend.run_watching(on_address, watch, max_steps)
    except CpuFault as fault:
        outcome.fault = f"{fault}{machine.where(fault.address)}"
        return outcome
    except RuntimeError as exc:
        outcome.fault = f"runaway: {exc}"
        return outcome
    finally:
        machine.world = 0
    outcome.priority_after = machine.read_priority()
    outcome.returned = backend.read_register(port.abi.returns)
    outcome.kept_after = machine.kept_state()
    outcome.pending_after = machine.pending_word()
    return outcome


def repoison(machine: Machine, world: int, only: set[str] | None = None) -> None:
    """Registers still holding world 0's entry poison get ``world``'s
    (``only``: just these): what a run reads of them was never defined."""
    read, write = machine.backend.read_register, machine.backend.write_register
    first, other = machine.poison_values(0), machine.poison_values(world)
    for reg, (value, mask) in first.items():
        if (only is None or reg in only) and read(reg) & mask == value:
            write(reg, (read(reg) & ~mask) | other[reg][0])
