"""Where a call starts beyond its priority and argument, and the other
starts a check judges each IPL pair from.

Every case of a pair starts from the loaded image, its stack pointer at
one address (Machine.initial_stack_pointer).  A kernel's calls do not: a
routine's own data (what a --snippet file defines, no kernel symbol
names) holds what its earlier calls left there (a one-entry memo, a table
built on the first call, a cached level), and the caller's stack pointer
may sit at any address the ABI's ``abi.call_stack_alignment`` allows (a
routine that realigns the stack and undoes it by a constant is right at
one of them only).  So check also calls each pair's routine, with no
interrupt and with the highest request it unblocks pending at the call
(check.pending_at_call), from

- three warm starts: the routine's own data as ``s = routine(to);
  restore(s)`` leave it, run first with no interrupt (the restore: the
  routine itself for a restore routine, else the port's first restore
  routine taking an spl value; ``s`` the spl value of ``from``, what a
  right routine returns), once from the pair's ``from`` and once from
  another priority (``elsewhere``), for a routine that keeps what it
  computed keyed on its argument alone, and once from ``from`` with
  another argument than the pair's (``other_argument``: ``routine(x);
  restore(s)``), for one that keys it on the priority it found alone; a
  start whose earlier calls change none of the routine's own data is
  the usual one, and not run again;
- the routine's own data as the warm starts' rounds of earlier calls,
  in every sequence with no interrupt (up to emu/repeats.REPEAT_BOUND
  rounds), leave them, where some round's call from them behaves
  otherwise than from the states before (its path, the priorities it went
  through, its result: ``CallStart.own`` with ``rounds``; the first
  round's state, this item's, among them): explored
  as the own data an interrupted call left are (next item;
  emu/repeats.py);
- the routine's own data as an interrupted call left them: check collects
  the own data (Machine.own_bytes) at the end of every case with an
  interrupt of every pair, and explores every pair again from each
  distinct state that no call without an interrupt leaves (nor the image
  as loaded), every one of them (check._Checker.left_starts:
  ``CallStart.own``, described by ``left_by``), as the clean call at
  depth 1: every source at every boundary, and from a request pending at
  the call (check._Checker.explore_start), from cpu.reset's state and
  each abi.call_states entry; and from the states the interrupted cases
  from those starts leave in turn, for up to LEFT_GENERATIONS
  generations.  A cache filled with interrupts enabled,
  whose fill a handler's own call of the routine interleaves with, or a
  guard a nested call leaves set, is right in the call that broke it and
  wrong in a later one, maybe only in a later one an interrupt meets.
  Distinct in the bytes the routine's calls read or write with no
  interrupt in flight (Machine.watch_own): data only stubs and handlers
  touch (a stub's static save area) make no start;
- every other stack address modulo REALIGN_BYTES the ABI's alignment
  allows (none where the alignment is REALIGN_BYTES or more);
- interrupts disabled: the CPU's interrupt enable apart from the priority
  (``abi.interrupt_enable``: i386 EFLAGS.IF, sparc64 PSTATE.IE) off at the
  call, as a caller inside a cli/disable_intr section has it.  That caller
  relies on two things: no interrupt is taken during the call, and the
  enable is off again at the return.  So from this start every source is
  requested at every boundary of the call (the clean call's
  (boundary, source) cases, Baseline.first_acceptance): one the CPU takes
  before the return fails ``no_window`` (disabled interrupts block every
  source); a correct routine takes none, so no case runs.  A routine that
  turns the enable off and back on with a constant instead of giving back
  what it found returns with it on: ``preserves`` (the bits are
  abi.state's).  No request is pending in the CPU from this start: one
  pending in the device stays there while the CPU refuses it
  (check.pending_at_call finds none the CPU takes at the call);
- interrupts disabled with a request pended in software: on a port whose
  priority pends in a word (``priority.pending``), the same start with
  the highest source the routine unblocks already pended there, as if it
  arrived while the priority blocked it and its stub pended it before
  the caller disabled interrupts.  The routine's replay runs it with
  interrupts off at the call; judged at its end (``preserves``: the
  enable given back after the replay), and not by the rule above: a
  replay may let interrupts in while the handler runs (the i386 stubs,
  after NetBSD 1.6's INTRSTUB in i386/isa/vector.s, do `sti` before the
  handler, and Xdoreti's iret gives back the IF Xspllower's fake frame
  pushed: kernel_snippets/i386/intr.S, spl.S).  So every source arrives
  at every boundary of it too (depth 1, as the other starts: a claim of
  the pending word that a request arriving there breaks, red team 28 A
  F3), judged by the priority as a clean call's cases are; a request the
  CPU never took is held at the return, where the enable is off again,
  not lost (check.one_case).

- several requests waiting: on a port whose priority pends in a word, a
  call lowering to a priority that blocks none of the pending word's
  sources made with every one the caller's priority blocks already pended
  there (several_pended), judged at its end with no interrupt: each
  served once, none left pending (red team 40 B: replay loops that keep a
  copy of the pending word, or a budget of replays, go wrong only with
  three or more waiting); from the priority checked that pends the most,
  with every source at every boundary too (red team 41: one more arriving
  while they are replayed);

- another CPU state at the call: each abi.call_states entry, other values
  of abi.state bits than cpu.reset's that a caller may have (sparc: a
  caller in another register window, with WIM moved along; kernel code a
  trap from user mode entered, PSR.PS = 0; pmax: Status IEc = 0, as the
  interrupt path before its _splset(MIPS_SR_INT_IE | ...) has it).  A
  routine that writes a constant into those bits instead of keeping them
  fails ``preserves``; what it returns and what a restore routine is
  passed carry the state where the port's spl values carry those bits
  (portnumbers.carried_state: pmax's IEc), and returns_previous asks the
  value back with the bits as they were at the call.  Judged as the other
  starts are (no interrupt, and the highest request it unblocks pending
  at the call); a state in which the CPU takes no interrupt
  (``interrupts_off``) as the interrupts-disabled start: every source
  requested at every boundary, none may be taken before the return.
  Each state also after each warm start's earlier calls (made in
  cpu.reset's state): own data an ordinary call left, met by a caller in
  another state (a memo of the whole Status an IEc 1 call filled, written
  back for an IEc 0 caller); one whose earlier calls change no own data
  is the state's cold start, not run again (Machine.starting).  A restore
  routine is also called in each such state passed a value whose carried
  bits are cpu.reset's (restored_states: pmax's dec_3100_intr turns IE
  back on with _splset from IEc = 0), which it must set (``preserves``),
  explored with every source at every boundary: interrupts are on once
  it sets them.

Ports whose priority is the CPU's only gate (m68k, alpha; sparc and sh3,
whose ET = 0 and BL = 1 no C code runs with) have no interrupts-disabled
start, nor pmax, whose spl values carry IEc (archs/README.md).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import NamedTuple

from .contract import highest_sources, unblocked_sources
from .model import PortModel, Source
from .portnumbers import carried_state
from .poison import ZERO_WORLD

#: the most generations of own-data starts check explores: the interrupted
#: calls from the own data interrupted calls left, and so on (a count of
#: nested calls never reset that goes wrong at 2 needs two).  Past it,
#: states still new are left unexplored, and the routine's line, the
#: "explored:" line and the verdict say so
LEFT_GENERATIONS = 4

#: how deep handlers' calls made while another call is inside the routine
#: nest (check.check_inside_starts): a handler's call inside the call, one
#: inside that handler's call, and one more; a state that exists only two
#: calls deep (a nesting count of 2, red team 35 F4) is a start of the next
INSIDE_NESTING = 3

#: the widest alignment a routine is taken to realign its stack to: 16
#: bytes, SSE's (Intel SDM vol. 2B, MOVAPS: a memory operand not 16-byte
#: aligned raises #GP), what GCC's -mstackrealign realigns to (GCC manual,
#: x86 Options); the stack addresses a check calls from differ in every
#: bit below it the ABI leaves free
REALIGN_BYTES = 16


class LeftBehind(NamedTuple):
    """What an earlier spl call left where the ABI leaves the next call's
    state undefined (Worlds.left_behind): (register, bits, value) of each
    scratch register it wrote, (address, bytes) of the free stack beyond
    the call's stack pointer it wrote, the values of the free register
    windows' registers (Backend.free_window_registers: a SAVE there finds
    them), and that call as a sentence names it."""
    registers: tuple[tuple[str, int, int], ...]
    call: str
    stack: tuple[tuple[int, bytes], ...] = ()
    windows: tuple[int, ...] = ()

    def parts(self) -> list["LeftBehind"]:
        """Each register, the stack and the windows alone: the part that
        alone changes a call is named (Worlds.left_problem)."""
        alone = [LeftBehind((field,), self.call) for field in self.registers]
        if self.stack:
            alone.append(LeftBehind((), self.call, stack=self.stack))
        if self.windows:
            alone.append(LeftBehind((), self.call, windows=self.windows))
        return alone

    def names(self, label=str) -> list[str]:
        """What holds the values: each register (``label`` names it:
        Worlds.undefined_label), the free stack, the free windows."""
        return [*(label(reg) for reg, _, _ in self.registers),
                *([f"the free stack from {min(a for a, _ in self.stack):#x}"]
                  if self.stack else []),
                *(["the free register windows"] if self.windows else [])]

    def what(self, label=str) -> str:
        """As a sentence's subject: "ecx holds 0x3fff, what" (one register),
        "ecx and the free stack from 0x... hold what"."""
        if len(self.registers) == 1 and not self.stack and not self.windows:
            reg, _, value = self.registers[0]
            return f"{label(reg)} holds {value:#x}, what"
        return f"{_joined(self.names(label))} hold what"


def _joined(names: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


@dataclass(frozen=True)
class CallStart:
    """What a call starts from beyond its priority and arguments.
    ``shift``: bytes the stack address at the call lies beyond the usual
    one, away from the caller's frame; ``earlier``: calls made first, with
    no interrupt, each (symbol, arguments, live priority, or None: where
    the call before it left the priority), whose writes to the routine's
    own data the call starts from (Machine.starting); ``interrupts_off``:
    the call starts with ``abi.interrupt_enable`` at its disabled value;
    ``pended``: with it, the name of a source whose bit is set in the
    port's pending word (priority.pending) at the call; ``state``: the
    name of the abi.call_states entry the CPU is in at the call; ``own``:
    the routine's own data (Machine.own_bytes) as an interrupted call left
    them, which ``left_by`` describes (check.LeftData); with ``rounds``,
    as that many rounds of a warm start's earlier calls left them, with no
    interrupt (emu/repeats.py), ``left_by`` naming one round's calls, or
    with ``mixed`` each run of equal rounds in turn; ``restored``: with
    ``state``, a restore routine passed an spl value whose carried state
    bits (portnumbers.carried_state) are cpu.reset's, not the state's:
    it sets them (restored_states); ``exists_at``: where a call from
    ``own`` may start (a state rounds of earlier calls reach exists only
    where they and the calls that keep it lead: repeats.Whereabouts.of's
    live priorities outside any handler, and (priority, source) where
    that source's handler calls, each with the calls that lead there),
    None: at any priority; ``met``: ``left_by`` names those calls, which
    lead to ``own`` where the pair's caller meets it; ``world``: what the ABI
    leaves undefined at the call holds that world's poison (emu/worlds.py:
    1, or poison.ZERO_WORLD) instead of world 0's, where the call took a
    path of its own there to the same end (check.explore_world_path);
    ``pended_also``: more sources whose bits are set in the pending word
    at the call (several_pended: requests waiting together);
    ``left``: what the ABI leaves undefined at the call holds what an
    earlier spl call left there (a LeftBehind), where the call took another
    path with it (check.explore_left_paths), or to judge the call with a
    request pending at the call (check.judge_left_pending)."""
    shift: int = 0
    earlier: tuple = ()
    interrupts_off: bool = False
    pended: str | None = None
    pended_also: tuple[str, ...] = ()
    state: str | None = None
    own: bytes = b""
    left_by: str = ""
    rounds: int = 0
    mixed: bool = False
    restored: bool = False
    exists_at: tuple | None = None
    met: bool = False
    world: int = 0
    left: LeftBehind | None = None

    @property
    def usual(self) -> bool:
        return not self.shift and not self.earlier and not self.interrupts_off \
            and not self.state and not self.own and not self.world and not self.left \
            and not self.pended_also

    @property
    def pended_all(self) -> tuple[str, ...]:
        """Every source pended in software at the call (``pended`` first)."""
        return ((self.pended,) if self.pended else ()) + self.pended_also

    def call_state(self, port: PortModel):
        """The abi.call_states entry of ``state`` (None: cpu.reset's)."""
        return port.call_state(self.state) if self.state else None

    def blocks_all(self, port: PortModel) -> bool:
        """Does the CPU take no interrupt at all from this start (the
        enable off, or a call state with interrupts off)?"""
        return self.interrupts_off or (not self.restored and self.disabled_at_call(port))

    def disabled_at_call(self, port: PortModel) -> bool:
        """Is the CPU taking no interrupt when the call begins (blocks_all,
        or a call state with interrupts off that the routine's restore
        turns back on: restored)?  Such a caller blocks every source."""
        return self.interrupts_off or bool(self.state
                                           and port.call_state(self.state).interrupts_off)

    def note(self, port: PortModel) -> str:
        """What a counter-example adds to its sentence about this start
        ("" for the usual one)."""
        if self.state:
            state = port.call_state(self.state)
            fields = ", ".join(f"{reg}&{mask:#x} = {value:#x}" for reg, mask, value in state.bits)
            passed = (", passed an spl value carrying cpu.reset's state bits, which the "
                      "routine sets: a caller turning them back on with splx" if self.restored
                      else "")
            if self.pended and not self.interrupts_off:
                source = port.source(self.pended)
                passed += (f", with {source.name} ({source.ipl}) already pended in "
                           f"{port.priority.pending} (bit {source.bit}) at the call, as if its "
                           f"stub pended it while the priority blocked it")
            return (f" (in a call made in another CPU state than cpu.reset's: {state.name}, "
                    f"{fields} at the call, as a caller may have it: abi.call_states{passed})"
                    + replace(self, state=None, restored=False, pended=None
                              if not self.interrupts_off else self.pended).note(port))
        if self.world:
            held = "zero" if self.world == ZERO_WORLD else "the complement of their first poison"
            return (f" (in a call made with the registers, flags and stack the ABI leaves "
                    f"undefined at the call holding {held}: the call took another path there "
                    f"than with the first, to the same end, and both are explored)")
        if self.pended_also:
            names = _joined([f"{name} ({port.source(name).ipl})" for name in self.pended_also])
            return (f" (in a call made with {names} already pended in "
                    f"{port.priority.pending} at the call, as if each arrived while the "
                    f"priority blocked it and its stub pended it: requests waiting together)")
        if self.left:
            return (f" (in a call made with {_joined(self.left.names())} holding what "
                    f"{self.left.call} left there at its return, where the ABI leaves them "
                    f"undefined at a call: two calls in a row, nothing run between them)")
        if self.shift:
            direction = "above" if port.abi.stack_grows == "up" else "below"
            return (f" (in a call with the stack address {self.shift} bytes {direction} the "
                    f"usual one: the ABI promises only {port.abi.call_stack_alignment}-byte "
                    f"alignment at a call, abi.call_stack_alignment)")
        if self.interrupts_off:
            gate = port.abi.interrupt_enable
            pended = ""
            if self.pended:
                source = port.source(self.pended)
                pended = (f", and {source.name} ({source.ipl}) already pended in "
                          f"{port.priority.pending} (bit {source.bit}) at the call, as if it "
                          f"arrived while the priority blocked it and its stub pended it "
                          f"before the caller disabled interrupts")
            return (f" (in a call made with interrupts disabled: {gate.register} {gate.name} = "
                    f"{gate.value:#x} at the call, as a caller inside a disable_intr section "
                    f"has it, abi.interrupt_enable{pended})")
        if self.own and self.met:
            inside = "its handler's" in self.left_by or self.left_by.endswith("interrupt")
            return (f" (in a call made after {self.left_by}"
                    f"{', by that handler' if self.left_by.endswith('interrupt') else ''}, "
                    f"each call with no interrupt{' but those named' if inside else ''}: the "
                    f"routine's own data as those calls leave them, where a caller meets "
                    f"them, emu/repeats.py)")
        if self.own and self.mixed:
            return (f" (in a call made after {self.left_by} ({self.rounds} "
                    f"round{'s' if self.rounds != 1 else ''}), with no "
                    f"interrupt: the routine's own data as those earlier calls left them, "
                    f"emu/repeats.py)")
        if self.own and self.rounds == 1:      # one round: as a warm start says it
            return (f" (in a call made after {self.left_by} ran with no interrupt: the "
                    f"routine's own data as those earlier calls left it)")
        if self.own and self.rounds:
            return (f" (in a call made after {self.rounds} rounds in a row of {self.left_by}, "
                    f"with no interrupt: the routine's own data as those earlier calls left "
                    f"them, emu/repeats.py)")
        if self.own:
            return (f" (in a call made after {self.left_by}: the routine's own data as that "
                    f"interrupted call left them, which no call without an interrupt leaves)")
        if self.earlier:
            calls = " and then ".join(
                f"{symbol}({', '.join(f'{a:#x}' for a in args)})"
                + (f" from {port.priority_label(priority)}" if priority is not None else "")
                for symbol, args, priority in self.earlier)
            return (f" (in a call made after {calls} ran with no interrupt: the routine's own "
                    f"data as those earlier calls left it)")
        return ""


def stack_shifts(port: PortModel) -> list[int]:
    """The shifts (CallStart.shift) that give every other stack address
    modulo REALIGN_BYTES a call may start at under the port's ABI."""
    align = port.abi.call_stack_alignment
    return list(range(align, REALIGN_BYTES, align))


def restore_routine(port: PortModel, symbol: str, kind: str, argument: str
                    ) -> tuple[str, str] | None:
    """(symbol, what it takes) of the routine that puts the priority back
    after a call of the routine at ``symbol``: itself for a restore
    routine, else the port's first restore routine taking an spl value;
    None where the port has none."""
    if kind == "restore":
        return symbol, argument
    own = next((r for r in port.routines.values() if r.kind == "restore" and r.argument == "spl"),
               None)
    return (own.symbol, own.argument) if own else None


def snippet_siblings(port: PortModel, user_symbols, symbol: str, companions: tuple = ()
                     ) -> list:
    """The port's routines (model.Routine, with the symbol the image has
    them at) that the user's files define (``user_symbols``:
    Image.user_symbols) besides the routine at ``symbol``, then those of
    ``companions`` (routines checked with it, under names of their own)
    the user's files define at another symbol: a snippet that replaces
    several may share data among them (an "already at IPL_HIGH" flag
    splhigh sets and splx clears), and a call of one leaves them in
    states in which a handler's call of another must keep its promise too
    (check_routine, red team 30 I D; red team 35 F3)."""
    found = []
    for routine in port.routines.values():
        at = routine.defined_by_user(user_symbols)
        if at is not None and at != symbol:
            found.append(replace(routine, symbol=at))
    for routine in companions:
        if routine.symbol in user_symbols and routine.symbol != symbol \
                and all(other.symbol != routine.symbol for other in found):
            found.append(routine)
    return found


def other_starts(port: PortModel, symbol: str, kind: str, argument: str,
                 arguments: list[int], frm: str, priority: int,
                 want: int | None = None, to: str | None = None) -> list[CallStart]:
    """The starts besides the usual one a pair from the IPL ``frm`` (live
    ``priority``) to the IPL ``to``, whose call passes ``arguments`` and
    promises the live priority ``want``, is judged from: the warm starts
    (the third, with another argument, where ``to`` is given and another
    IPL passes another argument: other_argument), each stack shift, then
    interrupts disabled (where the port has an ``abi.interrupt_enable``),
    and with them disabled and a source pended in software
    (pended_source; none where ``want`` is None), then each
    abi.call_states entry (one that takes no interrupt also with that
    source pended)."""
    restore = restore_routine(port, symbol, kind, argument)

    def warm(first_from: int, first_arguments: tuple = tuple(arguments)) -> CallStart:
        earlier = [(symbol, first_arguments, first_from)]
        if restore is not None:
            earlier.append((restore[0], (port.argument_as(restore[1], frm),), None))
        return CallStart(earlier=tuple(earlier))
    other = elsewhere(port, priority)
    another = other_argument(port, argument, to, arguments) if to is not None else None
    warms = [warm(priority), *((warm(other),) if other is not None else ()),
             *((warm(priority, (another,)),) if another is not None else ())]
    starts = [*warms, *(CallStart(shift=s) for s in stack_shifts(port))]
    pended = pended_source(port, priority, want) if want is not None else None
    several = several_pended(port, priority, want) if want is not None else ()
    if several:
        starts.append(CallStart(pended_also=several))
    if port.abi.interrupt_enable:
        starts.append(CallStart(interrupts_off=True))
        if pended is not None:
            starts.append(CallStart(interrupts_off=True, pended=pended.name))
    # each call state, cold and after each warm start's earlier calls
    # (made in cpu.reset's state: own data a usual caller left, met by a
    # caller in another state); one that takes no interrupt also with a
    # source pended in software, whose replay the routine runs there (hppa
    # EIEM 0: a slow path giving back a constant EIEM, red team 37 F5)
    starts += [replace(start, state=state.name) for state in port.abi.call_states
               for start in (CallStart(), *warms)]
    if pended is not None:
        starts += [CallStart(state=state.name, pended=pended.name)
                   for state in port.abi.call_states if state.interrupts_off]
    if kind == "restore" and argument == "spl":
        starts += restored_states(port)
    return starts


def restored_states(port: PortModel) -> list[CallStart]:
    """A restore routine called in each abi.call_states entry whose bits
    the port's spl values carry (portnumbers.carried_state: pmax's IEc),
    passed a value carrying them as cpu.reset has them: it must set them
    (NetBSD's dec_3100_intr, in IEc = 0 after the exception, turns
    interrupts back on with _splset(MIPS_SR_INT_IE | ...)); an _splset
    that keeps the CPU's IEc and takes only IM from its argument leaves
    them off (``preserves``, and the requests never taken: ``no_lost``).
    Explored with every source at every boundary (depth 1): once the
    routine sets them the CPU takes interrupts."""
    carried = carried_state(port)
    register = port.priority.register
    return [CallStart(state=state.name, restored=True) for state in port.abi.call_states
            if any(reg == register and mask & carried for reg, mask, _ in state.bits)]


def elsewhere(port: PortModel, priority: int) -> int | None:
    """The live priority a second warm start makes its earlier call from:
    the first IPL's the YAML lists (IPL_NONE on every port), or the last's
    where the pair starts there; None when the port has one priority.  A
    routine that keeps what it computed from the argument alone (a memo of
    the level it wrote) is then called with data an earlier call from
    another priority left."""
    lives = list(dict.fromkeys(port.priority.of_spl(ipl.spl) for ipl in port.ipls.values()))
    others = [live for live in lives if live != priority]
    if not others:
        return None
    return others[0] if lives[0] != priority else others[-1]


def other_argument(port: PortModel, argument: str, to: str, arguments: list[int]
                   ) -> int | None:
    """The argument a third warm start makes its earlier call with, from
    the pair's own priority: that of the IPL nearest ``to`` in the YAML's
    list (the one below first, then the one above, then further out)
    whose argument (``argument``'s kind) differs from the pair's
    (``arguments``); None for a routine that takes none, or where every
    IPL passes the same.  A routine that keeps what it computed keyed on
    the priority it found alone (a memo that leaves the argument out) is
    then called with data an earlier call with another argument left."""
    if not arguments:
        return None
    names = list(port.ipls)
    at = names.index(to)
    for distance in range(1, len(names)):
        for index in (at - distance, at + distance):
            if 0 <= index < len(names):
                value = port.argument_as(argument, names[index])
                if value != arguments[0]:
                    return value
    return None


def several_pended(port: PortModel, priority: int, want: int) -> tuple[str, ...]:
    """The sources the several-pended start pends in software: every one
    with a bit in the port's pending word that the caller's ``priority``
    blocks, on a call to a ``want`` that blocks none of them (a lowering to
    the bottom: the most requests waiting together from each priority; not
    every pair), where there are two or more (one is the pending-at-call
    start's).  Judged at the call's end, with no interrupt, and from the
    priority checked that pends the most (check.most_waiting) with every
    source at every boundary too (every such start explored doubled the
    cost of a check): a replay loop that goes wrong with three or more
    requests waiting (a copy of the pending word kept across the replays,
    a budget of replays a call) serves one twice or leaves one pending;
    injections alone make at most depth + 1 waiting (red team 40 B); one
    that claims with interrupts on after its first replay, or goes on from
    the source after the one it served, goes wrong when one more arrives
    (red team 41 F3-F5)."""
    if not port.priority.pending:
        return ()
    if any(port.blocks(want, s) for s in port.sources if s.bit is not None):
        return ()
    names = tuple(s.name for s in unblocked_sources(port, priority, want) if s.bit is not None)
    return names if len(names) > 1 else ()


def pended_source(port: PortModel, priority: int, want: int) -> Source | None:
    """The source the interrupts-disabled start pends in software: of those
    with a bit in the port's pending word (priority.pending) that the
    caller's ``priority`` blocks (so it pended on arrival) and the promised
    ``want`` does not, the highest (contract.highest_sources); None where
    the port pends nothing in software or no source fits."""
    if not port.priority.pending:
        return None
    eligible = [s for s in unblocked_sources(port, priority, want) if s.bit is not None]
    return highest_sources(port, eligible)[0] if eligible else None
