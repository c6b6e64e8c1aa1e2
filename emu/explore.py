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
from .errors import RunError
from .events import RunResult
from .machine import SENTINEL, Injection, Machine
from .model import Source


@dataclass
class Boundary:
    """The state before the baseline's step-th instruction (step n: at the return)."""
    step: int
    address: int
    priority: int
    snapshot: object
    accepts: frozenset[str]        # sources the CPU would take here


@dataclass
class Baseline:
    result: RunResult
    boundaries: list[Boundary]

    def first_acceptance(self, start: int, source: Source) -> int | None:
        """The first boundary at or after ``start`` where the CPU takes ``source``."""
        for boundary in self.boundaries[start:]:
            if source.name in boundary.accepts:
                return boundary.step
        return None


@dataclass
class Outcome:
    """What one delivered case did after the delivery."""
    delivered_at: int
    handlers: list[tuple[str, int]] = field(default_factory=list)   # (source, priority at entry)
    bad_return: str | None = None      # an interrupt returned to another priority
    priority_after: int = 0
    settling_after: int = 0
    returned: int = 0


def record_baseline(machine: Machine, symbol: str, args: list[int], priority: int,
                    max_steps: int) -> Baseline:
    """Run the call with no injection, snapshotting every boundary."""
    backend, port = machine.backend, machine.port
    levels = {s.level for s in port.sources}
    boundaries: list[Boundary] = []

    def observe(run, pc):
        by_level = {level: backend.interrupt_accepted(level) for level in levels}
        accepts = frozenset(s.name for s in port.sources if by_level[s.level])
        boundaries.append(Boundary(run.steps, pc, run.priority, backend.snapshot(), accepts))

    result = machine.call(symbol, args, priority, max_steps=max_steps, observer=observe)
    return Baseline(result, boundaries)


def run_case(machine: Machine, baseline: Baseline, step: int, source: Source,
             max_steps: int) -> Outcome:
    """Deliver ``source`` at the baseline's boundary ``step`` and run to the return."""
    backend, port = machine.backend, machine.port
    boundary = baseline.boundaries[step]
    backend.restore(boundary.snapshot)
    outcome = Outcome(delivered_at=step)
    handlers = machine.handler_addresses
    interrupted = boundary.priority
    return_point = backend.return_point()
    return_pc = return_point[0]
    backend.take_interrupt(source.level, source.vector, machine.stub_address(source))
    returned = False
    watch = set(handlers) | {return_pc, SENTINEL}

    def on_address(pc):
        nonlocal returned
        if pc in handlers:
            outcome.handlers.append((handlers[pc].name, machine.read_priority()))
        if pc == return_pc and not returned and backend.return_point() == return_point:
            returned = True
            now = machine.read_priority()
            if now != interrupted:
                outcome.bad_return = (f"{source.name} returned to {port.priority_label(now)} "
                                      f"instead of {port.priority_label(interrupted)}")
        return not (pc == SENTINEL and returned)

    try:
        backend.run_watching(on_address, watch, max_steps)
    except CpuFault as fault:
        raise RunError(f"{fault}{machine.where(fault.address)} (delivering {source.name} "
                       f"at step {step})") from None
    except RuntimeError as exc:
        raise RunError(f"runaway delivering {source.name} at step {step}: {exc}") from None
    outcome.priority_after = machine.read_priority()
    outcome.settling_after = backend.settling()
    outcome.returned = backend.read_register(port.abi.returns)
    return outcome


def replay_case(machine: Machine, symbol: str, args: list[int], priority: int,
                injections: list[Injection], max_steps: int) -> RunResult:
    """The slow, fully traced run of one case (for a counter-example)."""
    return machine.call(symbol, args, priority, injections, max_steps, trace=True)
