"""The second world (property defined_only): a run again with what the ABI
leaves undefined holding the complement of its first poison.

At a call the machine poisons the registers and bits the ABI leaves
undefined (abi.scratch, the free stack) with one pattern, world 0 (see
emu/poison.py); world 1 holds its complement.  What the caller has
that is no input of the routine (its preserved registers, its frame
beyond the arguments passed) holds another value there too.  A call or
a case that ends differently in world 1 depends on undefined state, and
the register (or flag, or the stack, or the word of the caller's frame)
that alone makes the difference is named.
A case's world 1 also takes the other way where the CPU's manual leaves a
choice to the implementation (Backend.implementation_choice: powerpc
clears an lwarx reservation at an interrupt).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .errors import GuestFault, NotModelledFault
from .events import RunResult
from .explore import Baseline, Outcome, run_case
from .machine import Machine
from .model import Source
from .poison import CALLER_FRAME, FOREIGN, MIXED_FLAGS, ZERO_WORLD
from .portnumbers import spl_values_are_images
from .starts import CallStart, LeftBehind


#: a value in an interrupt_transparent message ("cr 0xff000fff -> 0xff020fff (cr3 EQ)")
_HEX = re.compile(r"0x[0-9a-f]+")


class Call(NamedTuple):
    """One call of a routine: its arguments, the live priority it starts
    at, and how it ran in world 0."""
    arguments: list[int]
    priority: int
    result: RunResult


class CallWorlds(NamedTuple):
    """What a call's reruns in the other worlds found (Worlds.call_problem):
    the difference in how it ends or in its path (a sentence), a
    NotModelledFault, or None; and (world, the flag (register, bit) that
    decided it) of each world whose run took a path of its own to the same
    end."""
    problem: "str | NotModelledFault | None"
    other_paths: list[tuple[int, tuple[str, int]]]


def _end(signature: tuple) -> tuple:
    """How a call ended (Worlds.signature without the path it took); a
    fault's signature whole."""
    return signature if signature[:1] == ("fault",) else signature[:-1]


def _path(signature: tuple) -> tuple:
    """The path a call took (Worlds.signature's last item)."""
    return signature if signature[:1] == ("fault",) else signature[-1]


class Worlds:
    """Reruns of one routine's calls and cases in world 1.  ``result_mask``:
    the bits of the result register the result is (abi.result_bits)."""

    def __init__(self, machine: Machine, symbol: str, max_steps: int, returns_value: bool,
                 result_mask: int, restores: bool = False):
        self.machine, self.port = machine, machine.port
        self.symbol, self.max_steps, self.returns_value = symbol, max_steps, returns_value
        # an spl value may be an image of the priority register (NetBSD m68k
        # _spl returns the whole SR): the bits the ABI leaves undefined there
        # are undefined in the value too, and a caller only writes them back
        self.defined_result = ~(self.scratch_mask(self.port.priority.register) or 0) & result_mask
        #: ``restores``: the routine is passed a value an earlier call
        #: returned, whose undefined bits (beyond abi.result_bits, and the
        #: priority register's abi.scratch bits where spl values are images
        #: of it) hold whatever that call left there: world 1 gives them
        #: the complement of world 0's (red team 39 B F1: an m68k splx
        #: comparing the whole SR image; sparc's and sh3's spl values are
        #: the field alone, their other bits clear: red team 39 D F1)
        abi = self.port.abi
        width = abi.arg_bits or 8 * abi.arg_size
        carried = ((self.scratch_mask(self.port.priority.register) or 0)
                   if spl_values_are_images(self.port) else 0)
        self.undefined_argument = (((1 << width) - 1) & ~(~carried & result_mask)
                                   if restores else 0)
        self.runs = 0        # cases run again in world 1 (case_problem)
        #: preserved register -> its values at a call in the two worlds
        second = machine.poisoner.preserved_at_call(1)
        self._at_call = {reg: (first, second[reg])
                         for reg, first in machine.poisoner.preserved_at_call(0).items()}
        # and the abi.state bits that hold the caller's value (kept_state's key)
        fields = machine.poisoner.caller_fields_at_call(1)
        self._at_call.update({key: (value, fields[key][2]) for key, (_, _, value)
                              in machine.poisoner.caller_fields_at_call(0).items()})
        #: (Poisoner.frame_at_call(0) they were made for, kept_state's key
        #: -> its values at a call in every world) of the caller's frame
        #: and the kept words that vary by world (_frame_at_call)
        self._frame: tuple = ((), {})

    def signature(self, run) -> tuple:
        """What a caller could tell apart about how a run (a RunResult or an
        Outcome) ended.  Of an interrupt that did not give a register back
        (``opaque``, interrupt_transparent's to judge), which register and
        bits, not their values: those hold each world's poison.  A
        RunResult's (a call with no interrupt) ends with the path it took,
        the steps of its events and its length (_end leaves it out)."""
        returned = run.returned & self.defined_result if self.returns_value else None
        opaque = None if run.opaque is None else _HEX.sub("#", run.opaque)
        kept = self.kept_signature(run.kept_after)
        if isinstance(run, Outcome):
            return (run.fault, tuple(run.handlers), run.bad_return, run.priority_after, returned,
                    kept, run.pending_after, opaque)
        # the path last: how it got there, which only an interrupt can tell (_end)
        path = (tuple((e.step, e.kind, e.source, e.priority) for e in run.events), run.steps)
        return (run.priority_after, run.settling_after, returned, kept, run.pending_after,
                opaque, path)

    def _frame_at_call(self) -> dict[str, tuple]:
        """kept_state's key -> its values at the current call in the three
        worlds, for the caller's frame (CALLER_FRAME) and the
        abi.stack_reserve_kept words a world fills (Poisoner.set_frame)."""
        poisoner, machine = self.machine.poisoner, self.machine
        first = poisoner.frame_at_call(0)
        if self._frame[0] is not first:
            values: dict[str, tuple] = {}
            worlds = [poisoner.frame_at_call(world) for world in (0, 1, ZERO_WORLD)]
            addresses = {address: i for i, (address, _) in enumerate(first)}
            for key, address in ((CALLER_FRAME, first[0][0] if first else None),
                                 *machine.kept_words):
                i = addresses.get(address)
                if i is not None:
                    order = "big" if key == CALLER_FRAME else self.port.endian
                    values[key] = tuple(int.from_bytes(parts[i][1], order) for parts in worlds)
            self._frame = (first, values)
        return self._frame[1]

    def _frame_signature(self, value: int):
        """The caller's frame (kept_state's number) as the worlds can
        compare it: "kept" where it holds what its world gave it at the
        call; else the (offset, byte) of each byte that holds none of the
        worlds' values there (each world fills it with its own pattern;
        none: "kept", as a write of 0 or of world 0's own byte is the same
        in every world, and preserves judges it)."""
        poisoner = self.machine.poisoner
        data = [parts[0][1] for parts in (poisoner.frame_at_call(world)
                                          for world in (0, 1, ZERO_WORLD))]
        now = value.to_bytes(len(data[0]), "big")
        return tuple((i, byte) for i, byte in enumerate(now)
                     if byte != data[0][i] and byte != data[1][i] and byte != data[2][i]) \
            or "kept"

    def kept_signature(self, kept: dict[str, int]) -> tuple:
        """The kept state as the worlds can compare it: a preserved or
        abi.foreign register, the caller's frame or a kept word of it
        still holding its value at the call is "kept" (each world gives it
        its own value); any other value is compared as it is (the frame:
        the bytes that differ, _frame_signature)."""
        poisoner = self.machine.poisoner
        frame = self._frame_at_call()
        kept = {name: "kept" if self._at_call.get(name) and value in self._at_call[name]
                else "kept" if name in frame and value in frame[name]
                else self._frame_signature(value) if name == CALLER_FRAME
                else value for name, value in kept.items()}
        value = kept.get(FOREIGN)
        if value is None:
            return tuple(sorted(kept.items()))
        if value in poisoner.foreign_entry.values():
            foreign = "kept"
        else:
            at_call = poisoner.foreign_at_call
            foreign = tuple("kept" if now in at_call[reg] else now
                            for reg, now in poisoner.foreign_registers(value).items())
            if set(foreign) == {"kept"}:      # some in one world's poison, the rest in the other's
                foreign = "kept"
        return tuple(sorted({**kept, FOREIGN: foreign}.items()))

    def call_in_world(self, call: Call, world: int, only: set[str] | None = None):
        """The call, undefined state poisoned for ``world`` (``only``:
        these registers, and "stack", get that world's poison; the rest
        world 0's).  A fault is part of the signature."""
        machine = self.machine
        poisoner = machine.poisoner
        if only is None:
            poisoner.world = world
        poisoner.call_world = (world, only)
        # the zero world asks only about undefined state: the CPU's choices stay world 0's
        machine.backend.choice_world = world if world == 1 and (
            only is None or "implementation" in only) else 0
        argument = call.arguments
        if world == 1 and argument and (only is None or "argument" in only):
            argument = [argument[0] ^ self.undefined_argument, *argument[1:]]
        try:
            machine.prepare_call(self.symbol, argument, call.priority)
            if only is not None:
                sp = machine.stack_address()
                passed = set(self.port.abi.args[:1]) if self.port.abi.args and argument else set()
                poisoner.poison_undefined(world, sp, only, passed=passed, at_entry=True)
                poisoner.poison_foreign(world, only)
                poisoner.poison_preserved(world, only)
                poisoner.poison_frame(world, only)
            result = machine.run_prepared(self.symbol, argument, self.max_steps)
            return self.signature(result)
        except NotModelledFault:
            raise
        except GuestFault as fault:
            return ("fault", str(fault))
        finally:
            poisoner.world = 0
            poisoner.call_world = (0, None)
            machine.backend.choice_world = 0

    def undefined_names(self) -> list[str]:
        """The registers undefined at a call (Poisoner.poison_fields), the
        argument registers first (a call that passes none there: what a
        routine reads by mistake first, before whatever its value sets
        going, as an sh3 SR.RB that brings the other bank's registers in),
        then abi.foreign's (Poisoner.poison_foreign), then those defined
        there that an instruction left undefined (Poisoner.left_registers:
        a divide's rD)."""
        poisoner = self.machine.poisoner
        arguments = set(self.port.abi.args or ())
        fields = sorted(poisoner.poison_fields(0), key=lambda name: name not in arguments)
        names = [*fields, *poisoner.foreign]
        return names + sorted(poisoner.left_registers - set(names))

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

    def call_problem(self, call: Call) -> CallWorlds:
        """What the call (its baseline: no interrupt) depends on of what
        the ABI leaves undefined, or None: it runs again in world 1 (the
        complement) and in the ZERO_WORLD (a test for zero, or of two
        undefined registers being equal, finds the same in worlds 0 and 1).
        A NotModelledFault where a world's run reached what the model does
        not cover: no verdict.  A world whose run ends as world 0's by
        another path, one flag bit alone deciding it (a branch on the
        caller's condition code over an instruction: red team 35 F6), is
        no problem yet but a path of its own to explore: with one bit the
        two worlds hold both its values (CallWorlds.other_paths;
        check.explore_world_path asks that the bit was the caller's where
        the paths part).  Any other difference in the path is one."""
        first = self.signature(call.result)
        paths: list[tuple[int, tuple[str, int]]] = []
        seen = {_path(first)}
        for world in (1, ZERO_WORLD):
            try:
                other = self.call_in_world(call, world)
            except NotModelledFault as fault:    # no verdict (check.no_verdict), not a difference
                return CallWorlds(fault, [])
            if _end(other) != _end(first):
                return CallWorlds(self._call_culprit(call, world, first, _end), [])
            if _path(other) in seen:
                continue
            flag = self._path_flag(call, world, first)
            if flag is None:
                return CallWorlds(self._call_culprit(call, world, first, _path), [])
            seen.add(_path(other))
            paths.append((world, flag))
        return CallWorlds(None, paths)

    def left_behind(self, calls: list[tuple[str, list[int]]], target: str, priority: int,
                    starts: list[tuple[int, str]]) -> list[LeftBehind]:
        """What each of ``calls`` ((symbol, arguments), each to ``target``)
        leaves where the ABI leaves a call of the routine undefined: its
        scratch registers, the free stack beyond the stack pointer, the free
        register windows (starts.LeftBehind), made from each of ``starts``
        (live priority, its name) whose call returns at ``priority`` (no
        interrupt), each distinct one once: what the routine's call from
        there finds when nothing runs between the two, as in ``s =
        splbio(); t = splhigh();`` compiled (red team 39 A F1: a routine
        comparing a scratch register with the priority before it computed
        it, which the worlds' patterns never equal; G F3: left so by the
        port's splx; G F1, F2: in a SAVE's window, in a stack slot)."""
        machine, poisoner = self.machine, self.machine.poisoner
        passed = set(self.port.abi.args[:1]) if self.port.abi.args and calls[0][1] else set()
        fields = poisoner.undefined_at_call(passed)
        poison = poisoner.poison_values(0)
        found: dict[tuple, LeftBehind] = {}
        for symbol, arguments in calls:
            argument = target if arguments else ""
            for start, name in starts:
                try:
                    result = machine.call(symbol, arguments, start, max_steps=self.max_steps)
                except GuestFault:
                    continue             # the routine's own: judged where that pair is explored
                if result.priority_after != priority:
                    continue
                left = LeftBehind(
                    tuple((reg, mask, value & mask) for reg, mask in fields
                          for value in (machine.backend.read_register(reg),)
                          if (value ^ poison[reg][0]) & mask),
                    f"{symbol}({argument}) called at {name}",
                    poisoner.left_in_free_stack(machine.entry_stack),
                    poisoner.left_in_free_windows())
                key = (left.registers, left.stack, left.windows)
                if any(key) and key not in found:
                    found[key] = left
        return list(found.values())

    def left_problem(self, call: Call, lefts: list[LeftBehind]
                     ) -> "tuple[str | NotModelledFault | None, list[LeftBehind]]":
        """How the call ends otherwise when what the ABI leaves undefined
        holds what an earlier spl call left there (``lefts``:
        left_behind's), as a sentence naming the part (a register, the free
        stack, the free windows) that alone makes it (None when none does);
        and the lefts with which the call ends alike by another path, to
        explore with interrupts (check.explore_left_paths: red team 39 G
        F4, a stale register choosing a racy fast path)."""
        first = self.signature(call.result)
        other_paths = []
        for left in lefts:
            try:
                after = self._call_after(call, left)
                if _end(after) == _end(first):
                    if _path(after) != _path(first):
                        other_paths.append(left)
                    continue
                culprit = next((part for part in left.parts()
                                if _end(self._call_after(call, part)) != _end(first)), None)
            except NotModelledFault as fault:
                return fault, []
            held = culprit or left
            them = "it" if len(held.names()) == 1 and not held.stack else "them"
            return (f"the call ends differently when {held.what(self.undefined_label)} "
                    f"{left.call} left there at its return, where the ABI leaves {them} "
                    f"undefined at a call (two calls in a row, nothing run between them): it "
                    f"depends on what is undefined"), []
        return None, other_paths

    def _call_after(self, call: Call, left: LeftBehind) -> tuple:
        """The call's signature, started with what ``left`` holds (world
        0's poison in the rest)."""
        with self.machine.starting(CallStart(left=left), self.max_steps):
            return self.call_in_world(call, 0)

    def _path_flag(self, call: Call, world: int, first: tuple) -> tuple[str, int] | None:
        """(register, bit) of the one flag (Backend.flag_bits) among the
        undefined bits whose ``world`` value alone changes the call's path,
        or None (also where a run reached what the model does not cover)."""
        def differs(only):
            return _path(self.call_in_world(call, world, only)) != _path(first)
        try:
            for name in self.undefined_names():
                bit = self.flag_bit(name, self.scratch_mask(name), differs)
                if bit is not None:
                    return name, bit
        except NotModelledFault:
            return None
        return None

    def path_problem(self, world: int, flag: tuple[str, int]) -> str:
        """The sentence of a call whose path ``flag``'s other value changed
        where an instruction had already combined it with other state
        (check.explore_world_path): a defined_only failure."""
        name, bit = flag
        return (f"the call takes another path when "
                f"{self.machine.backend.flag_name(name, bit)} holds "
                f"{_flag_value_in(world, bit)} at the "
                f"call, where the ABI leaves it undefined, and an instruction combined it "
                f"with other state before the paths part: it depends on what is undefined")

    def _call_culprit(self, call: Call, world: int, first: tuple, part=_end) -> str:
        """The register, flag, stack or choice whose ``world`` poison alone
        makes the call end otherwise than ``first`` (``part``: _end, or
        _path for a call that ends alike by another path), as a sentence."""
        choice = self.machine.backend.implementation_choice if world == 1 else None
        names = [*self.undefined_names(), "stack"]
        windows = list(self.machine.poisoner.free_windows)
        extra = [*self._at_call, *(["implementation"] if choice else []),
                 *(["argument"] if self.undefined_argument else [])] if world == 1 else []
        extra.append(CALLER_FRAME)

        def differs(only):
            try:
                return part(self.call_in_world(call, world, only)) != part(first)
            except NotModelledFault:       # cannot tell: not named as the culprit
                return False
        culprit = next((name for name in names + windows + extra if differs({name})), None)
        ends = "ends differently" if part is _end else "takes another path"
        if culprit in windows:
            return (f"the call {ends} when {culprit} holds {_value_in(world)} at the call, "
                    f"whatever code that ran in that window last left there "
                    f"({self.machine.backend.free_window_source}): it depends on what is "
                    f"undefined")
        if culprit == "implementation":
            return (f"the call {ends} when {choice}: it depends on what the CPU's "
                    f"manual leaves to the implementation")
        if culprit == "argument":
            return (f"the call {ends} when the bits {self.undefined_argument:#x} of its "
                    f"argument hold another value: a value an earlier call returned, which "
                    f"leaves them undefined (abi.result_bits, the priority register's "
                    f"abi.scratch bits): it depends on what is undefined")
        if culprit in self._at_call:
            caller = culprit in self.machine.poisoner.caller_fields_at_call(0)
            what = "the caller's bits of it" if caller else "a preserved register"
            return (f"the call {ends} when {culprit}, {what}, holds "
                    f"another value at the call: it depends on the caller's register, which is "
                    f"no input of the routine")
        if culprit == CALLER_FRAME:
            return (f"the call {ends} when {self.frame_word(differs)} holds "
                    f"{_value_in(world)} at the call: it depends "
                    f"on the caller's frame beyond the arguments passed, which is no input of "
                    f"the routine")
        value = _value_in(world)
        if culprit == "stack":
            what = ("the free stack beyond the stack pointer (or the stack_reserve on the "
                    "caller's side of it)")
        elif culprit:
            what, value = self._held(world, culprit, self.scratch_mask(culprit), differs)
        else:
            what = self.registers_together(names, differs)
        verb = "holds" if culprit else "hold"
        return (f"the call {ends} when {what} {verb} {value} where the ABI "
                f"or the CPU leaves it undefined (at the call, after a C function's return, "
                f"or after an instruction that leaves it undefined): it depends on what is "
                f"undefined")

    def _held(self, world: int, culprit: str, bits: int | None, differs) -> tuple[str, str]:
        """(what a sentence names, what it says it held in ``world``) for
        the undefined register ``culprit``: its first flag among ``bits``
        that alone changes the outcome (flag_bit), with the value it held,
        else the register (a flag field in the ZERO_WORLD: poison.MIXED_FLAGS's
        bits of it)."""
        bit = self.flag_bit(culprit, bits, differs)
        if bit is not None:
            return self.machine.backend.flag_name(culprit, bit), _flag_value_in(world, bit)
        mask = self.scratch_mask(culprit)
        if world == ZERO_WORLD and mask is not None:
            return self.undefined_label(culprit), f"{MIXED_FLAGS & mask:#x}"
        return self.undefined_label(culprit), _value_in(world)

    def frame_word(self, differs) -> str:
        """``the caller's frame at 8(%esp) (0x...)``: the first word of the
        caller's frame (Poisoner.frame_words) whose world's value alone
        changes the outcome (``differs(only)``); else the frame as a whole."""
        machine = self.machine
        word = next((address for address in machine.poisoner.frame_words()
                     if differs({(CALLER_FRAME, address)})), None)
        return CALLER_FRAME if word is None else machine.frame_word_label(word)

    def registers_together(self, names: list[str], differs) -> str:
        """``ecx and edx``: the first two undefined registers that together
        change the outcome (``differs(only)``) where neither alone does, as
        an equality test of the two in the zero world; else "a combination
        of undefined registers"."""
        pair = next(((a, b) for i, a in enumerate(names) for b in names[i + 1:]
                     if differs({a, b})), None)
        return (f"{self.undefined_label(pair[0])} and {self.undefined_label(pair[1])}"
                if pair else "a combination of undefined registers")

    def flag_bit(self, register: str | None, bits: int | None, differs) -> int | None:
        """The bit of the first flag (Backend.flag_bits) of ``register``
        among ``bits`` (None: all) whose value alone changes what
        ``differs(only)`` asks about; None when none does."""
        for bit in self.machine.backend.flag_bits.get(register, {}).values():
            if (bits is None or bits & bit) and differs({(register, bit)}):
                return bit
        return None

    def case_problem(self, base: Baseline, taken_at: int, source: Source,
                     outcome: Outcome) -> "Difference | NotModelledFault | None":
        """Run the case again in world 1: the never-written undefined
        registers flipped, and the free stack the interrupt's return leaves
        holding the other poison; and, where the case ran code its baseline
        never ran (Outcome.new_code: a path only an interrupt opens, whose
        tests for zero the baseline's zero world never met), in the
        ZERO_WORLD.  A Difference names, when asked, the register (or the
        stack) that changes it.  Only for cases delivered where no interrupt is in flight: inside
        one, the registers at hand are the handler's (on sparc another
        window's), not what the call left undefined; what an interrupt path
        does to the interrupted code's registers is
        interrupt_transparent's to judge.  A NotModelledFault where the
        world's run reached what the model does not cover: no verdict."""
        first = self.signature(outcome)
        for world in (1, ZERO_WORLD) if outcome.new_code else (1,):
            self.runs += 1
            other = run_case(self.machine, base, taken_at, source, self.max_steps, world)
            if other.not_modelled:    # no verdict (check.no_verdict), not a difference
                return NotModelledFault(other.fault, base.at(taken_at).address)
            if self.signature(other) != first:
                return Difference(self, base, taken_at, source, world, first)
        return None

    def _case_in_world(self, base: Baseline, taken_at: int, source: Source, world: int,
                       only: set | None = None) -> tuple:
        return self.signature(run_case(self.machine, base, taken_at, source, self.max_steps,
                                       world, only))

    def _case_culprit(self, base: Baseline, taken_at: int, source: Source, world: int,
                      first: tuple) -> str:
        """What alone makes the case end otherwise in ``world``, as a sentence."""
        boundary = base.at(taken_at)
        choice = self.machine.backend.implementation_choice if world == 1 else None
        names = [name for name in self.undefined_names() if name in boundary.undefined]

        def differs(only):
            return self._case_in_world(base, taken_at, source, world, only) != first
        clobbered = [reg for reg, _, _ in self.machine.poisoner.clobbers(0)]
        culprit = next((name for name in names + clobbered + ["stack"]
                        + (["implementation"] if choice else []) + [CALLER_FRAME]
                        if differs({name})), None)
        if culprit in clobbered:
            return (f"the case ends differently when {culprit}, which an interrupt's entry may "
                    f"change (interrupt.clobbers), holds {_value_in(world)} after "
                    f"the interrupt's return: it reads what an interrupt leaves undefined")
        if culprit == "implementation":
            return (f"the case ends differently when {choice}: it depends on what the CPU's "
                    f"manual leaves to the implementation")
        if culprit == CALLER_FRAME:
            return (f"the case ends differently when {self.frame_word(differs)}, which the "
                    f"routine never wrote, holds {_value_in(world)}"
                    f": it depends on the caller's frame beyond the arguments passed, which is no "
                    f"input of the routine")
        if culprit == "stack":
            return (f"the case ends differently when the free stack beyond the stack pointer, "
                    f"where the interrupt's frame went, holds "
                    f"{_value_in(world, 'other bytes')} after its return: it "
                    f"reads memory an interrupt leaves undefined")
        value = _value_in(world)
        if culprit:
            (what, value), verb = self._held(world, culprit, dict(boundary.unwritten).get(culprit),
                                             differs), "holds"
        else:
            what, verb = self.registers_together(names, differs), "hold"
        return (f"the case ends differently when {what}, never written since the call, a C "
                f"function's return or an instruction that left it undefined, {verb} {value}: "
                f"it reads what the ABI leaves undefined")


def _value_in(world: int, other: str = "another value") -> str:
    """What a sentence says the undefined state held in ``world``."""
    return "0" if world == ZERO_WORLD else other


def _flag_value_in(world: int, bit: int) -> str:
    """What a sentence says the flag at ``bit`` held in ``world``: its
    value in the ZERO_WORLD (poison.MIXED_FLAGS), else another value."""
    return str(int(bool(MIXED_FLAGS & bit))) if world == ZERO_WORLD else _value_in(world)


class Difference:
    """A case that ends otherwise in another world (Worlds.case_problem).
    Its culprit is searched (Worlds._case_culprit: a run per undefined
    register, and per pair of them when none alone makes it) only when
    the failure is the one kept for the counter-example (check's fail):
    most failing cases of a routine that reads undefined state are never
    shown, and searching each cost hundreds of runs."""

    def __init__(self, worlds: Worlds, base: Baseline, taken_at: int, source: Source,
                 world: int, first: tuple):
        self._search = (worlds, base, taken_at, source, world, first)
        self._text: str | None = None

    def __call__(self) -> str:
        """The sentence naming the culprit (searched once)."""
        if self._text is None:
            worlds, base, taken_at, source, world, first = self._search
            if base.at(taken_at).snapshot is None:     # States.release: no run from there
                self._text = (f"the case ends differently when what the ABI leaves undefined "
                              f"holds {_value_in(world, 'other values')}: it "
                              f"reads what the ABI leaves undefined")
            else:
                self._text = worlds._case_culprit(base, taken_at, source, world, first)
            self._search = None
        return self._text
