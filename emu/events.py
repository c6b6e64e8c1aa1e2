"""What a run records: one Event per thing that happened, one Step per
instruction executed, and the RunResult that carries both."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


#: Event.detail of a ``taken`` that is no new request, and of an ``inject``
#: that merged into the request its line still holds
RETAKEN = "again: the CPU still holds the request (software has not cleared it)"
MERGED = "merged: the CPU still holds this line's request (software has not cleared it)"
#: Event.detail of a ``taken`` that is no new request on a CPU whose device
#: lines stay asserted until the source's handler acknowledges the device
#: (Backend.holds_taken_requests), and of an ``inject`` on such a line
ASSERTED = "again: the device still asserts its line (its handler has not started)"
MERGED_ASSERTED = "merged: the device still asserts this line (its handler has not started)"
#: Event.detail of a new request's ``taken`` while a priority write was
#: still settling (Backend.settling: a sparc WRPSR, V8 B.29): the CPU
#: decided at the priority still in effect, not the one the event shows
#: (what the written value gives once the take completes the write)
SETTLING = "before a priority write landed: the CPU took it at the priority still in effect"


def storm_note(retakes: int, asserted: int = 0) -> str:
    """What a runaway's message adds when the CPU took held requests
    ``retakes`` times again (RETAKEN), or requests whose device still
    asserted its line ``asserted`` times (ASSERTED): empty when it took none."""
    if asserted:
        return (f" (the CPU took a request again {asserted} time{'s' * (asserted > 1)} while "
                f"its device still asserted it: the stub let its own request in before its "
                f"handler ran to acknowledge the device, an interrupt storm)")
    if not retakes:
        return ""
    return (f" (the CPU took a request it still held {retakes} time{'s' * (retakes > 1)}: "
            f"software never cleared its line's bit, an interrupt storm)")


@dataclass
class Event:
    """``kind`` is one of:
    inject    a source starts requesting an interrupt (``source``;
              ``detail`` MERGED: its line's request is still held in a CPU
              that latches requests, so it adds none)
    blocked   the CPU refuses a requested source at this boundary
    taken     the CPU takes it (``priority``: the priority it interrupted;
              ``detail`` RETAKEN: a request the CPU still held after taking
              it, no new one: Backend.latches_requests; ASSERTED: one
              whose device still asserts it, its handler not started:
              Backend.holds_taken_requests)
    pended    the port's software recorded it as pending (mask ports)
    withdrawn software cleared the pending request in the CPU before it
              was taken (Backend.withdrawn_levels): it is gone
    handler   the source's handler starts (``priority`` it runs at;
              ``detail`` 'direct' or 'replay'; ``problem``: what is wrong
              there beyond the priority, Machine.handler_entry_problem;
              ``interrupted``, ``running``, ``awaiting``, ``replays`` and
              ``waiting``: what was in force when it started, which bounds
              its priority, the interrupts and software replays whose
              service it preempted, and the hardware requests a soft one
              went ahead of: judgement.HandlerRun)
    return    an interrupt returns (``priority`` restored; ``detail`` says
              whether it equals the interrupted priority)
    priority  the priority changed (``priority`` the new value)
    """
    step: int
    kind: str
    source: str | None = None
    priority: int | None = None
    detail: str | None = None
    address: int | None = None
    #: ``taken`` with --regs: the registers the CPU's interrupt entry changed
    registers: dict[str, int] | None = None
    problem: str | None = None
    #: ``handler``: the priority the innermost interrupt in flight
    #: interrupted (None: none was in flight, the routine started it)
    interrupted: int | None = None
    #: ``handler``: the sources whose handlers were still running
    running: tuple[str, ...] = ()
    #: ``handler``: the sources of interrupts in flight around it whose own
    #: handler had not started (runloop.handler_started)
    awaiting: tuple[str, ...] = ()
    #: ``handler``: the sources whose pended request software had claimed
    #: for a replay, their handler not started, when an interrupt around it
    #: was taken (runloop.handler_started)
    replays: tuple[str, ...] = ()
    #: ``handler`` of a soft source: the hardware requests waiting unblocked
    #: by its priority, (source, "pending", "claimed" or "cpu")
    #: (Machine.waiting_requests)
    waiting: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict:
        """The event as the schemas give it (``interrupted``, ``running``,
        ``awaiting``, ``replays`` and ``waiting`` are the judgement's, not
        printed)."""
        return {k: v for k, v in asdict(self).items()
                if v is not None and k not in ("interrupted", "running", "awaiting", "replays",
                                               "waiting")}


@dataclass
class Step:
    """One executed instruction and the priority after it."""
    step: int
    address: int
    priority: int
    settling: int = 0           # instructions until a priority write takes effect
    text: str = ""              # disassembly, filled in for traces
    line: str | None = None     # file:line of the instruction (None: no line recorded)
    symbol: str | None = None   # symbol+0xN of the instruction
    changed: dict[str, int] | None = None   # registers the instruction changed (--regs)
    nullified: bool = False     # it occupied its boundary but did nothing (PA-RISC PSW[N])
    returned_from: str | None = None   # the C function it returned from (Poisoner.poison_after_call)


@dataclass
class RunResult:
    port: str
    routine: str
    args: list[int]
    priority_before: int
    priority_after: int
    settling_after: int
    returned: int
    steps: int
    events: list[Event] = field(default_factory=list)
    trace: list[Step] = field(default_factory=list)
    #: what the ABI and the CPU state promise the caller, as it must be at
    #: return (preserved registers, the caller's stack pointer, state bits)
    #: and as it was when the routine returned
    kept_before: dict[str, int] = field(default_factory=dict)
    kept_after: dict[str, int] = field(default_factory=dict)
    pending_after: int = 0     # the port's pending word at return (mask ports)
    requesting_after: list[str] = field(default_factory=list)   # sources the CPU has not taken yet
    #: sources a CPU that latches requests holds after taking them (Run.held)
    latched_after: list[str] = field(default_factory=list)
    opaque: str | None = None  # an interrupt gave back a register changed (which, how)
    #: a run no interrupt entered: the first data word it left changed (Machine.data_change)
    data_changed: str | None = None
    #: the routine's own data at the return (Machine.own_bytes)
    own_after: bytes = b""

    def of_kind(self, kind: str) -> list[Event]:
        return [e for e in self.events if e.kind == kind]
