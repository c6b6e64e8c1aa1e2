"""A run that comes back to a state it was in never ends.

A run is deterministic between the points where the engine steps in (an
injection, a watched address), so a machine state (the CPU, all memory,
and what the engine keeps of the run) that recurs before the engine steps
in recurs for ever: the run is a runaway (no_fault) without running to
the step limit.  LoopWatch finds such a recurrence as Brent's cycle
detection does (R. P. Brent, "An improved Monte Carlo factorization
algorithm", BIT 20 (1980), §2): it keeps the state at step 2**k and
compares it with the states of the steps up to 2**(k+1), only where the
PC is the kept state's (no state can equal it elsewhere).  A loop whose
state never recurs (a counter) is left to the step limit, and costs at
most COMPARISONS state digests per doubling.
"""

from __future__ import annotations

from typing import Callable

#: the step from which a run looks for a recurring state: past the path of
#: any spl routine with its handlers (the shipped ones' cases end within a
#: few hundred), so a run that ends costs nothing
WATCH_FROM = 1024
#: full state comparisons per doubling, at most
COMPARISONS = 32


def loop_message(address: int, where: str, period: int) -> str:
    """The runaway's sentence (no_fault), after "runaway: "."""
    return (f"a loop that never ends: the machine is back in the state it was in "
            f"{period} step{'' if period == 1 else 's'} before, at pc 0x{address:08x}{where}")


class LoopWatch:
    """``state()``: bytes equal for two moments exactly when the machine
    (and the engine's books of the run) are the same there.  ``forget``
    where the engine stepped in: a state kept before is no evidence after
    (the next is kept at the next doubling: a run the engine steps into
    often costs a state only per doubling)."""

    def __init__(self, state: Callable[[], bytes]):
        self.state = state
        self.mark = WATCH_FROM
        self.kept_pc: int | None = None
        self.kept: bytes = b""
        self.kept_step = 0
        self.compared = 0

    def forget(self) -> None:
        self.kept_pc = None

    def period(self, pc: int, step: int) -> int | None:
        """The steps since this state was last kept, where the machine is in
        it again (a loop for ever); else None.  Called at every boundary
        from WATCH_FROM on."""
        if step >= self.mark:
            self.kept_pc, self.kept, self.kept_step = pc, self.state(), step
            self.mark = 2 * step
            self.compared = 0
            return None
        if self.kept_pc is None:
            return None
        if pc != self.kept_pc or self.compared >= COMPARISONS:
            return None
        self.compared += 1
        return step - self.kept_step if self.state() == self.kept else None
