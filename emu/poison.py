"""Poison: what the state the ABI leaves undefined holds, and when.

A routine may depend only on what its caller defined: its arguments, the
live priority, the kernel's data.  Everything else (a scratch register,
a condition code, the stack beyond the stack pointer) is *undefined*: a
real caller leaves whatever happens to be there.  The machine makes
undefined state visible by filling it with a recognisable value, its
*poison*, and emu/worlds.py runs a call (or a case) again with other
poison: a routine whose end differs depends on undefined state and fails
defined_only, and one that changes what it must keep fails preserves.

The worlds.  World 0's poison is a pattern, never 0 (``poison``: rare
bytes of odd parity, each unlike the same byte of every other
register's, _distinct_bytes; all the bits of a flag field); world 1's
is its complement, so every undefined bit differs between them.
Complementing keeps what a test for zero, a byte's parity or an
equality of two undefined registers' bytes finds (neither pattern is 0,
two registers' patterns differ in every byte in both), so a call also
runs in the ZERO_WORLD, where every undefined register and the free
stack hold 0 (flag fields: MIXED_FLAGS, where the sign and overflow
flags differ;
preserved and abi.foreign registers: as world 0, that world's question
being only what is undefined; the caller's frame: 0, see below).  A
Machine's ``poisoner`` (a Poisoner) holds which world a run is in:
``world`` for the free stack and what an interrupt leaves,
``call_world`` (world, only) for what a C function's return and an
instruction's undefined result leave, in the parts ``only`` names when
the second world looks for the register that alone makes the
difference (``chosen_bits``).

Entry poison (a call's, Machine.prepare_call; poison_undefined): the
registers and REGISTER:MASK fields of ``abi.scratch`` and
``interrupt.clobbers``, the argument registers the call does not pass
(and those it passes above ``abi.arg_bits``) and the result register
get the world's poison, and the registers of the free register windows
below the caller's (Backend.free_window_registers: what a routine that
takes a window finds there) ``window_pattern``; the preserved registers
get ``entry_pattern`` (its complement in world 1: the caller's values,
defined but no input of the routine; poison_preserved); the free stack
beyond the stack pointer (``free_stack``) gets ``STACK_POISON[world]``,
as does the ``abi.stack_reserve`` on the caller's side of it, but for
the words the ABI defines there and those the caller keeps
(_poison_reserve).  The free windows are judged by the call with no
interrupt in each world (Worlds.call_problem); a case run again from a
boundary (repoison) keeps world 0's in them.

The caller's frame (set_frame, poison_frame): the stack on the caller's
side of its stack pointer past the arguments it passed and the reserve
(Machine.caller_frame), and the reserve's ``abi.stack_reserve_kept``
words, hold ``frame_pattern`` of the world: world 0's never 0 and
distinct at every byte (preserves is judged there: a routine that
writes any byte of it is seen), its complement in world 1, 0 in the
ZERO_WORLD.  They are the caller's values, defined but no input of the
routine, as the preserved registers' are: a routine whose end depends
on one (a second argument no caller pushed, a local of the caller's
above the reserve) fails defined_only, the counter-example naming the
word (Worlds.frame_word).  What the ABI defines holds the same in every
world: the arguments passed, the return address, and the kept words
``abi.stack_reserve_defined`` names too (powerpc's back chain: world
0's pattern).  Worlds.kept_signature compares the frame as "still what
its world gave it", or by the bytes no world gave it.

abi.foreign: registers a kernel routine neither reads nor changes (a
process's FPU state, segment registers) hold a pattern per world as the
CPU can hold it (poison_foreign), and are read as one number
(``foreign_now``, kept_state's ``FOREIGN``) named one by one only where
they differ (foreign_registers, foreign_change).

After an interrupt returns (clobber_after_interrupt): what its entry may
have changed holds the world's poison again: ``interrupt.clobbers``, the
free stack beyond the interrupted stack pointer (where every port's
interrupt pushes its frame) and ``interrupt.spill_area``; after a
register window overflow could have happened, the save areas it spills
to (spill_windows).  So nothing an interrupt left behind lingers.

After a C function returns (poison_after_call): what every ABI here lets
a callee change holds another poison (0xCA11..., ``after_call``): the
scratch and argument registers, the result register unless it returns
a value, the free stack and the reserve's words the callee may write;
inside an interrupt the scratch fields hold the complement of what the
interrupted code had in them (_unlike_interrupted).

After an instruction whose result the CPU's manual leaves undefined (a
flag, a divide's rD; Backend.undefined_flags): those bits get the entry
poison of the ``call_world`` (poison_left_undefined).

Between runs: ``unwritten_now`` lists the undefined bits no instruction
wrote since the call (they still hold world 0's entry poison), and a
case run from a boundary snapshot in world 1 gets that world's poison
there (``repoison``), and the bytes of the caller's frame that still
hold world 0's pattern that world's (``repoison_frame``).
"""

from __future__ import annotations

import functools
import sys
from typing import TYPE_CHECKING

from .backends import CpuFault
from .layout import STACK_SIZE

if TYPE_CHECKING:
    from .machine import Machine


def entry_pattern(index: int, bits: int = 32, world: int = 0) -> int:
    """The value the index-th preserved register holds at a call: distinct
    and never 0, so a routine that clobbers it (even with 0) is seen; in a
    64-bit register the high half is neither the zero- nor the sign-
    extension of the low (a 32-bit write of its own low half, as x86-64
    ``movl %ebx,%ebx``, alpha ``addl`` or sparc64 ``srl``, changes it).
    World 1 holds its complement: the caller's value is no input of the
    routine, so one whose end depends on it fails defined_only (the
    ZERO_WORLD holds world 0's)."""
    value = 0x5EED0000 | (index + 1) * 0x0101
    if bits > 32:
        value |= 0x5EEDC0DE << 32
    return ~value & ((1 << bits) - 1) if world == 1 else value


def window_pattern(index: int, bits: int = 32, world: int = 0) -> int:
    """The value the index-th register of the free register windows
    (Backend.free_window_registers) holds at a call: what code that ran
    there last left, distinct for every register and never 0 in world 0,
    its complement in world 1, 0 in the ZERO_WORLD (in a 64-bit register
    the high half is another pattern, as entry_pattern's)."""
    if world == ZERO_WORLD:
        return 0
    value = 0xF4EE0000 | (index + 1) * 0x0101
    if bits > 32:
        value |= 0xF4EEC0DE << 32
    return ~value & ((1 << bits) - 1) if world == 1 else value


def poison(world: int, index: int, bits: int, mask: int | None,
           after_call: bool = False) -> tuple[int, int]:
    """(value, mask) an undefined register (or its ``mask`` bits) holds at a
    call in ``world`` 0, 1 or ZERO_WORLD: a pattern, its complement and 0,
    so a routine that relies on what it never set behaves differently.
    ``after_call``: what a C function's return leaves, another pattern
    (0xCA11...), so that a stub that does not save a register across its
    handler's call gives the interrupted code back another value even
    where that code never wrote it (flag fields: the same as at a call)."""
    full = (1 << bits) - 1
    if mask is not None:
        return (mask if world == 0 else MIXED_FLAGS & mask if world == ZERO_WORLD else 0), mask
    if world == ZERO_WORLD:
        return 0, full
    if not after_call and index < FOREIGN_INDEX:
        value = _distinct_bytes(index, bits)
    else:
        value = (0xCA110000 if after_call else 0xDEAD0000) | _low_half(
            index, _POISON_BYTES if index < FOREIGN_INDEX else _RARE_BYTES)
        if bits > 32:
            value |= 0xBADC0FFE << 32
    return (value if world == 0 else ~value & full), full


#: the bytes a poison is made of: never a small number, a round mask or a
#: sign (0x00-0x80, a low nibble of 0, 8 or f, 0xf9-0xff), which a routine
#: writes often, so that a byte or halfword write seldom leaves the
#: register equal to its poison (a write the by-value test,
#: Backend.unwritten_bits, would miss: an m68k ``move.b 6(%sp),%d1`` of an
#: SR image's 0x22 once left 0xdead0222 whole)
_RARE_BYTES = tuple(b for b in range(0x81, 0xf9) if b & 0xf not in (0x0, 0x8, 0xf))
#: an undefined register's (and a C function's return's): of odd parity
#: too, which the complement keeps and 0 has not, so a branch on a byte's
#: parity (x86 PF after ``testb %sil,%sil``) goes another way in the
#: ZERO_WORLD (red team 37 F3)
_POISON_BYTES = tuple(b for b in _RARE_BYTES if bin(b).count("1") % 2)


#: per byte of a register, the step between two registers' bytes there
#: (prime to len(_POISON_BYTES), 49: the first 49 registers differ at
#: every byte)
_BYTE_STEPS = (1, 2, 3, 4, 5, 6, 8, 9)


def _distinct_bytes(index: int, bits: int) -> int:
    """The index-th undefined register's entry poison, ``bits`` wide:
    bytes of _POISON_BYTES, each unlike the same byte of every other
    register's (of the first 49), so that two undefined registers differ
    in every byte in worlds 0 and 1 (and are equal in the ZERO_WORLD: a
    routine that compares their bytes, sh3 ``cmp/str``, alpha
    ``cmpbge``, takes another path there; red team 37 F3)."""
    count = len(_POISON_BYTES)
    value = 0
    for k in range(bits // 8):
        value |= _POISON_BYTES[(index * _BYTE_STEPS[k] + 11 * k + 5) % count] << (8 * k)
    return value


def _low_half(index: int, table: tuple) -> int:
    """Two bytes of ``table``, distinct for the first len(table) indices:
    the low half of a C function's return's poison (_POISON_BYTES, behind
    0xCA11, which names it in a counter-example) and of a foreign
    register's (_RARE_BYTES, behind 0xDEAD)."""
    count = len(table)
    return table[(index * 5 + 11) % count] << 8 | table[(index * 3 + 41) % count]


#: what a flag field (an abi.scratch REGISTER:MASK entry) holds in the
#: ZERO_WORLD, where world 0 gives it all ones and world 1 all zeros:
#: bits 1 and 7 of every byte, so that the sign and the overflow flag
#: differ there on every CPU modelled (x86 SF bit 7, OF bit 11; SPARC
#: and m68k N bits 3, 7, 23 over V bits 1, 5, 21; ARM N 31, V 28): a
#: branch on their exclusive or (x86 ``jl``, SPARC ``bl``, m68k ``blt``,
#: ARM ``lt``) goes the same way in worlds 0 and 1 and the other way here
#: (red team 37 F4)
MIXED_FLAGS = 0x8282828282828282


#: the first poison index of the abi.foreign registers (apart from the
#: undefined registers' own, which count from 0)
FOREIGN_INDEX = 0x40
#: the world whose undefined registers and free stack hold 0 (see the module's docstring)
ZERO_WORLD = 2
STACK_POISON = (0xA5, 0x5A, 0x00)      # the free stack beyond the stack pointer, per world
#: what an interrupt's frame or a register window's spill leaves in memory,
#: per world: world 0's stack poison (so a state after an interrupt equals
#: the one before), then 0 (such words are often 0, a spilled %l0, a saved
#: flag; a test for zero of one must go the other way, as the complement,
#: never 0, would not)
FRAME_POISON = (0xA5, 0x00, 0x00)
#: kept_state's key, and interrupted_registers' name, for the abi.foreign
#: registers together (Poisoner.foreign_now)
FOREIGN = "abi.foreign"
#: kept_state's key for the stack the caller owns, and the name an ``only``
#: set gives it (whole, or one word: (CALLER_FRAME, address)) in a second
#: world's run (Poisoner.poison_frame, repoison)
CALLER_FRAME = "the caller's frame"


def overlay(data: bytearray, start: int, words) -> None:
    """Put the (address, bytes) ``words`` that fall inside ``data`` (the
    bytes from address ``start``) into it."""
    for address, value in words:
        if start <= address and address + len(value) <= start + len(data):
            data[address - start:address - start + len(value)] = value


@functools.lru_cache(maxsize=64)
def frame_pattern(size: int, world: int = 0) -> bytes:
    """What the caller's frame holds at a call in ``world``: in world 0
    never 0 and different at every byte of a word, so a routine that
    writes any of it (even 0, even a copy of another slot) is seen
    (preserves is judged there); in world 1 its complement, in the
    ZERO_WORLD 0: the caller's values are no input of the routine, so
    one whose end depends on them fails defined_only."""
    if world == ZERO_WORLD:
        return bytes(size)
    flip = 0xFF if world == 1 else 0
    return bytes((0xC0 | (i & 0x3F)) ^ flip for i in range(size))


def chosen_bits(only, reg: str, bits: int) -> int:
    """The bits of register ``reg`` an ``only`` set picks: all of them when
    it names the register (or is None), those of its (register, bits)
    pairs for it otherwise."""
    if only is None or reg in only:
        return bits
    picked = 0
    for item in only:
        if isinstance(item, tuple) and item[0] == reg:
            picked |= item[1]
    return bits & picked


class Poisoner:
    """A Machine's poison (``machine.poisoner``): which world its runs are
    in, the values undefined state gets there, and the writes that give
    it them at a call, after an interrupt, after a C function's return and
    after an instruction that leaves a result undefined.  It works on the
    machine's backend and port; of the machine itself it uses the stack
    pointer's address now (Machine.stack_address), the stack address at a
    call (Machine.initial_stack_pointer) and batched register reads
    (Machine.values_of).  ``clean``: the machine's loaded state, given
    back after abi.foreign's values at a call are measured."""

    def __init__(self, machine: Machine, clean: object):
        port, backend = machine.port, machine.backend
        self.port, self.backend = port, backend
        self._stack_address = machine.stack_address
        self._stack_base = machine.stack_base
        self._sentinel = machine.sentinel
        self._initial_stack_pointer = machine.initial_stack_pointer
        self._values_of = machine.values_of
        self._interned = machine.interned
        #: registers defined at a call that an instruction left undefined
        #: in some run (_poison_register): defined_only's culprits too
        self.left_registers: set[str] = set()
        #: 0 or 1: which poison pattern undefined state gets (see ``poison``)
        self.world = 0
        #: (world, only) of the poison a C function's return leaves
        #: (poison_after_call): a second-world run's, in the parts it asks for
        self.call_world: tuple[int, set | None] = (0, None)
        #: (kind, world, after_call) -> poison_fields / poison_values
        self._poison: dict[tuple[str, int, bool], dict] = {}
        #: poison_undefined's arguments -> its register writes (_register_plan)
        self._register_plans: dict[tuple, tuple] = {}
        self._stack_poison = [bytes([pattern]) * STACK_SIZE for pattern in STACK_POISON]
        self._frame_poison = [bytes([pattern]) * STACK_SIZE for pattern in FRAME_POISON]
        self._interrupt_poison: dict[int, tuple] = {}   # world -> clobber_after_interrupt's registers
        #: the bits of an argument register above the argument (abi.arg_bits):
        #: undefined at the call, poisoned like the scratch registers
        self._beyond_argument = 0 if port.abi.arg_bits is None else -1 << port.abi.arg_bits
        #: registers Machine.prepare_call sets, never poisoned
        self.set_by_call = {port.abi.callee_address,
                            port.abi.global_pointer and port.abi.global_pointer[0],
                            port.abi.frame_pointer and port.abi.frame_pointer.register}
        #: the stack addresses of abi.frame_pointer's frames (window_frames)
        self.window_frames = self._window_frames()
        #: the registers of the free register windows at the last call
        #: (Backend.free_window_registers; _poison_free_windows)
        self.free_windows: tuple[str, ...] = ()
        #: (world, how many registers) -> their window_pattern values
        self._window_poison: dict[tuple[int, int], list[int]] = {}
        #: (index in Machine.interrupted_registers, register, bits) of the scratch
        #: fields a register holds apart from the rest (abi.scratch
        #: REGISTER:MASK: condition codes), see poison_after_call; only the
        #: scratch bits, though a register's state bits (abi.state,
        #: interrupt.restores) share its entry in interrupted_registers
        whole = {reg for reg, mask in port.abi.scratch if mask is None}
        scratch_bits: dict[str, int] = {}
        for name, bits in port.abi.scratch:
            if bits is not None:
                scratch_bits[name] = scratch_bits.get(name, 0) | bits
        self._scratch_fields = tuple(
            (index, reg, scratch_bits[reg])
            for index, (reg, mask) in enumerate(machine.interrupted_registers)
            if mask is not None and reg in scratch_bits and reg not in whole
            and reg not in self.set_by_call)
        #: register -> its undefined bits whose writes the backend knows per
        #: instruction (Backend.flag_bits): all never written at a call
        self.tracked_at_call = {reg: mask & self.backend.flag_mask(reg)
                                for reg, (_, mask) in self.poison_values(0).items()
                                if reg in self.backend.flag_bits}
        abi = port.abi
        #: abi.foreign: the registers a routine neither reads nor changes
        #: (poison_foreign), read together as one number (foreign_now: one
        #: batched read, Backend.raw_reader) and named one by one only
        #: where they differ (foreign_registers); the (register, value)
        #: each world's call writes, and what each world's call reads back
        #: (the CPU may keep less: x87's tag word)
        self.foreign = abi.foreign
        self._foreign_read, self._foreign_layout = self.backend.raw_reader(abi.foreign)
        self._foreign_size = sum(size for _, _, size in self._foreign_layout)
        self._foreign_masks = {reg: (1 << self.backend.register_width(reg)) - 1
                               for reg in abi.foreign}
        self._foreign_poison = {world: tuple(
            (reg, self.backend.holdable(reg, poison(world, FOREIGN_INDEX + i,
                                                    self.backend.register_width(reg), None)[0]
                                        & self._foreign_masks[reg]))
            for i, reg in enumerate(abi.foreign)) for world in (0, 1)}
        self._foreign_poison[ZERO_WORLD] = self._foreign_poison[0]
        self._foreign_writers = {world: self.backend.fixed_writer(values)
                                 for world, values in self._foreign_poison.items()}
        #: world -> foreign_now at a call
        self.foreign_entry: dict[int, int] = {0: 0, 1: 0}
        if abi.foreign:
            for world in (1, 0):
                self._foreign_writers[world]()
                self.foreign_entry[world] = self.foreign_now()
            self.backend.restore(clean)
        self.foreign_entry[ZERO_WORLD] = self.foreign_entry[0]
        #: world -> (address, bytes) of what the caller owns beyond the
        #: arguments at the current call, as each world fills it (set_frame)
        self._frame_parts: dict[int, tuple[tuple[int, bytes], ...]] = {0: (), 1: (), ZERO_WORLD: ()}
        self._frames: dict[tuple[int, int, int], dict] = {}   # set_frame's, by where
        self._chains: dict[int, tuple] = {}      # chain_words', by sp
        #: register -> its values at a call in the two worlds (Worlds.signature)
        self.foreign_at_call = {reg: (first, second) for (reg, first), (_, second)
                                in zip(self.foreign_registers(self.foreign_entry[0]).items(),
                                       self.foreign_registers(self.foreign_entry[1]).items())}

    # -- the values ----------------------------------------------------------------
    def poison_fields(self, world: int, after_call: bool = False
                      ) -> dict[str, tuple[tuple[int, int], ...]]:
        """register -> the (value, mask) of each of its undefined fields in
        ``world``: the whole register (``abi.scratch``, ``interrupt.clobbers``,
        the argument and result registers), or the bits of each REGISTER:MASK
        entry of ``abi.scratch`` (a register may have several, each with a
        poison of its own; judged apart by Backend.unwritten_bits where the
        backend does not track them per instruction); ``after_call``: the
        values a C function's return leaves (``poison``).  Made once per
        world; do not change it."""
        fields = self._poison.get(("fields", world, after_call))
        if fields is None:
            bits = self.backend.register_bits
            abi = self.port.abi
            undefined = [*abi.scratch, *((reg, None) for reg in self.port.interrupt_clobbers)]
            listed = {reg for reg, _ in undefined}
            # argument registers a call does not pass, and the result
            # register, are undefined too (a function's to change, every
            # ABI here): after the lists, so that their poisons keep theirs
            for reg in dict.fromkeys([*(abi.args or ()), abi.returns]):
                if reg not in listed:
                    undefined.append((reg, None))
            fields = self._poison[("fields", world, after_call)] = {}
            for index, (reg, mask) in enumerate(undefined):
                fields[reg] = fields.get(reg, ()) + (poison(world, index, bits, mask, after_call),)
        return fields

    def poison_values(self, world: int, after_call: bool = False) -> dict[str, tuple[int, int]]:
        """register -> (value, mask) of the ABI's undefined registers in
        ``world`` (``after_call``: see poison_fields), a register's fields
        together (made once per world)."""
        merged = self._poison.get(("values", world, after_call))
        if merged is None:
            merged = self._poison[("values", world, after_call)] = {}
            for reg, fields in self.poison_fields(world, after_call).items():
                value = mask = 0
                for field_value, field_mask in fields:
                    value, mask = value | field_value, mask | field_mask
                merged[reg] = (value, mask)
        return merged

    def preserved_at_call(self, world: int) -> dict[str, int]:
        """register -> the value each abi.preserved register holds at a call
        in ``world`` (entry_pattern; abi.frame_pointer's, the first of its
        frames, in every world)."""
        bits = self.backend.register_bits
        values = {reg: entry_pattern(index, bits, world)
                  for index, reg in enumerate(self.port.abi.preserved)}
        pointer = self.port.abi.frame_pointer
        if pointer is not None:
            values[pointer.register] = self.window_frames[0] - self.port.abi.stack_bias
        return values

    def _window_frames(self) -> tuple[int, ...]:
        """The stack addresses of abi.frame_pointer's frames, the caller's
        caller's first: one window save area each, the last ending at the
        stack's end (the model's caller's frame reaches there)."""
        pointer = self.port.abi.frame_pointer
        if pointer is None:
            return ()
        size, end = self.port.abi.window_save_area, self._stack_base + STACK_SIZE
        return tuple(end - (pointer.frames - k) * size for k in range(pointer.frames))

    def older_window_registers(self, count: int) -> list[list[int]]:
        """The registers of the first ``count`` windows of abi.frame_pointer's
        frames (Backend.load_older_windows) in a call state that has them
        in the register file: each word the complement of what its save
        area holds (those windows changed since they were last stored
        there: a flush stores them, a routine that drops them leaves the
        save area stale), but the link, their frame pointer, which is the
        same."""
        pointer, size = self.port.abi.frame_pointer, self.backend.register_bits // 8
        full, link = (1 << 8 * size) - 1, pointer.link // size
        windows = []
        for frame in self.window_frames[:count]:
            data = self.backend.read_memory(frame, 16 * size)
            words = [int.from_bytes(data[n * size:(n + 1) * size], self.port.endian)
                     for n in range(16)]
            windows.append([word if n == link else ~word & full for n, word in enumerate(words)])
        return windows

    def window_frame_words(self) -> tuple[tuple[int, bytes], ...]:
        """(address, bytes) of each frame's link word (window_frames): the
        next frame's stack pointer, the last one's 0; the rest of their
        save areas hold world 0's frame pattern in every world (set_frame)."""
        pointer, abi = self.port.abi.frame_pointer, self.port.abi
        if pointer is None:
            return ()
        size = self.backend.register_bits // 8
        links = [frame - abi.stack_bias for frame in self.window_frames[1:]] + [0]
        return tuple((frame + pointer.link, (link & (1 << 8 * size) - 1).to_bytes(size, self.port.endian))
                     for frame, link in zip(self.window_frames, links))

    # -- where: the free stack and the caller's reserve ----------------------------
    def free_stack(self, sp: int) -> tuple[int, int]:
        """(start, end) of the stack beyond ``sp``: where the callee pushes,
        undefined at the call; empty when ``sp`` is on another stack (an
        IRQ-mode stub's own: the stack here holds the interrupted frames)."""
        base = self._stack_base
        if not base <= sp <= base + STACK_SIZE:
            return sp, sp
        if self.port.abi.stack_grows == "up":
            return sp, base + STACK_SIZE
        return base, sp

    def reserve_beyond(self, sp: int) -> tuple[int, int]:
        """(start, end) of the ``abi.stack_reserve`` bytes on the caller's
        side of ``sp`` (the caller's stack pointer: wherever there is a
        reserve the return address is in a register, so sp at entry)."""
        reserve = self.port.abi.stack_reserve
        return (sp - reserve, sp) if self.port.abi.stack_grows == "up" else (sp, sp + reserve)

    def reserve_word(self, sp: int, offset: int) -> int:
        """The address of the reserve's word at ``offset`` (as
        ``abi.stack_reserve_defined`` counts: from ``sp`` away from the
        free stack; on an upward stack offset 0 is the word at sp - 4)."""
        start, end = self.reserve_beyond(sp)
        return start + offset if self.port.abi.stack_grows != "up" else end - offset - 4

    # -- at a call -----------------------------------------------------------------
    def poison_undefined(self, world: int, sp: int | None = None,
                         only: set[str] | None = None, skip: set[str] = frozenset(),
                         passed: set[str] = frozenset(), at_entry: bool = False,
                         after_call: bool = False) -> None:
        """Give what the ABI leaves undefined at a call the ``world``'s
        poison: the scratch registers (``only``: just these; never those in
        ``skip``, nor ``abi.callee_address`` and ``abi.global_pointer``,
        which the call sets; of the argument registers in ``passed`` only
        the bits above abi.arg_bits; a (register, bits) pair in ``only``:
        just those bits) and, when ``sp`` (a stack address) is given, the
        free stack beyond it, and ``at_entry`` (a call's, not a C
        function's return) the undefined words of the reserve on the
        caller's side of it (``reserve_beyond``), and the registers of the
        free register windows (_poison_free_windows); ``after_call``: the
        registers get what a C function's return leaves (``poison``), and
        the reserve's words the callee may write the poison again."""
        key = (world, after_call, None if only is None else frozenset(only), frozenset(skip),
               frozenset(passed))
        plan = self._register_plans.get(key)
        if plan is None:
            plan = self._register_plans[key] = self._register_plan(world, after_call, only,
                                                                   skip, passed)
        write_whole, partial = plan
        if write_whole is not None:
            write_whole()
        if partial:
            self.backend.write_registers(self._poisoned(partial))
        if at_entry:
            self._poison_free_windows(world, only)
        if sp is not None and (only is None or "stack" in only):
            self._poison_free_stack(world, sp)
            if at_entry or after_call:
                self._poison_reserve(world, sp, after_call)

    def undefined_at_call(self, passed: set[str] = frozenset()) -> list[tuple[str, int]]:
        """(register, bits) of what poison_undefined poisons at a call
        passing arguments in ``passed`` (of those, the bits above
        abi.arg_bits)."""
        fields = []
        for reg, (_, mask) in self.poison_values(0).items():
            if reg in passed:
                mask &= self._beyond_argument
            if mask and reg not in self.set_by_call:
                fields.append((reg, mask))
        return fields

    def _poison_free_windows(self, world: int, only) -> None:
        """At a call: the registers of the free register windows
        (Backend.free_window_registers, kept in ``free_windows``) hold
        ``world``'s window_pattern (``only``: those it names; the rest
        keep world 0's, which the call gave them)."""
        names = self.free_windows = self.backend.free_window_registers()
        if not names or (only is not None and not only.intersection(names)):
            return
        bits = self.backend.register_bits
        if only is None:
            values = self._window_poison.get((world, len(names)))
            if values is None:
                values = self._window_poison[world, len(names)] = [
                    window_pattern(index, bits, world) for index in range(len(names))]
        else:
            values = [window_pattern(index, bits, world if name in only else 0)
                      for index, name in enumerate(names)]
        self.backend.load_free_windows(values)

    def left_in_free_stack(self, sp: int) -> tuple[tuple[int, bytes], ...]:
        """(address, bytes) of each run of the free stack beyond ``sp``
        that holds other than world 0's poison now: what a call whose
        stack pointer was ``sp`` left there (Worlds.left_behind)."""
        from .machine import differing       # machine imports this module
        start, end = self.free_stack(sp)
        now = bytes(self.backend.read_memory(start, end - start))
        spans: list[list[int]] = []             # [first, past the last] of each run
        for index in differing(self._stack_poison[0][:end - start], now):
            if spans and spans[-1][1] == index:
                spans[-1][1] = index + 1
            else:
                spans.append([index, index + 1])
        return tuple((start + first, now[first:past]) for first, past in spans)

    def left_in_free_windows(self) -> tuple[int, ...]:
        """The free register windows' registers (Backend.free_window_values)
        where some holds other than world 0's window poison now, else ()."""
        values = self.backend.free_window_values()
        bits = self.backend.register_bits
        if all(value == window_pattern(index, bits, 0) for index, value in enumerate(values)):
            return ()
        return tuple(values)

    def _register_plan(self, world: int, after_call: bool, only, skip, passed) -> tuple:
        """poison_undefined's register writes for one set of its arguments,
        made once: (a writer of the registers poisoned whole, fixed values
        written as one batch (Backend.fixed_writer), or None; the
        (register, poison, mask) entries of those poisoned in part, whose
        other bits are read at each call)."""
        full = (1 << self.backend.register_bits) - 1
        whole, partial = [], []
        for reg, (value, mask) in self.poison_values(world, after_call).items():
            mask = chosen_bits(only, reg, mask)
            if reg in passed:
                mask &= self._beyond_argument
            if mask and reg not in skip and reg not in self.set_by_call:
                if mask == full:
                    whole.append((reg, value))
                else:
                    partial.append((reg, value, mask))
        return (self.backend.fixed_writer(whole) if whole else None), tuple(partial)

    def _poisoned(self, entries: tuple[tuple[str, int, int], ...]) -> list[tuple[str, int]]:
        """(register, value) to write for (register, poison, mask) entries:
        the poison in the mask's bits, the register's own value in the
        others, read in one batch (Backend.register_reader) for the
        entries whose mask leaves some bits (a whole register needs no
        read); written in one batch by the caller (Backend.write_registers)."""
        full = (1 << self.backend.register_bits) - 1
        partial = tuple((reg, None) for reg, _, mask in entries if mask != full)
        now = iter(self._values_of(partial) if partial else ())
        return [(reg, value if mask == full else (next(now) & ~mask) | (value & mask))
                for reg, value, mask in entries]

    def _poison_free_stack(self, world: int, sp: int) -> None:
        """The stack beyond ``sp`` holds ``world``'s poison."""
        start, end = self.free_stack(sp)
        self.backend.write_memory(start, self._stack_poison[world][:end - start])

    def _poison_reserve(self, world: int, sp: int, after_call: bool = False) -> None:
        """At a call, the reserve beyond the caller's ``sp`` is the callee's
        to use and holds what nobody wrote for it (sparc's window save and
        argument dump areas, pmax's argument home area, powerpc's LR save
        word, hppa's frame marker and argument area): ``world``'s stack
        poison, but the words the ABI defines (``abi.stack_reserve_defined``,
        offsets from sp: powerpc's back chain), which keep what the machine
        put there, and the words that stay the caller's
        (``abi.stack_reserve_kept``), which hold frame_pattern as the
        caller's frame does, in both worlds: what the caller left there is
        defined, and a routine that writes any of it (even 0) is seen.  A
        routine that reads the rest before writing it fails
        defined_only.  ``after_call`` (a C function returned to the code
        whose ``sp`` this is): the words the callee may have written hold
        the poison again, the defined and kept words what they hold (a
        caller that keeps a value in its outgoing argument area, sparc's
        argument dump or pmax's home slots, across a call is seen)."""
        start, end = self.reserve_beyond(sp)
        poison = bytearray(self._stack_poison[world][:end - start])
        for offset in self.port.abi.stack_reserve_defined:
            at = self.reserve_word(sp, offset) - start
            poison[at:at + 4] = self.backend.read_memory(start + at, 4)
        pattern = frame_pattern(end - start)
        for word in self.port.abi.stack_reserve_kept:
            at = self.reserve_word(sp, word.offset) - start
            poison[at:at + 4] = (self.backend.read_memory(start + at, 4) if after_call
                                 else pattern[at:at + 4])
        if not after_call:
            overlay(poison, start, self.chain_words(sp))
        self.backend.write_memory(start, bytes(poison))

    def chain_words(self, sp: int) -> tuple[tuple[int, bytes], ...]:
        """(address, bytes) of the words ``abi.back_chain`` defines at a
        call with ``sp``: the reserve's link word, and each frame's link
        (the next frame's address, 0 for the last) and return address (the
        k-th frame's is k words past the machine's return sentinel: a code
        address, none the routine's own, the same in every world)."""
        chain = self.port.abi.back_chain
        if chain is None:
            return ()
        words = self._chains.get(sp)
        if words is None:
            size, endian = self.backend.register_bits // 8, self.port.endian
            frames = [sp + chain.frame * k for k in range(1, chain.frames + 1)]
            links = frames[1:] + [0]
            words = ((self.reserve_word(sp, chain.offset), frames[0].to_bytes(size, endian)),
                     *((at, link.to_bytes(size, endian)) for at, link in zip(frames, links)),
                     *((at + chain.return_address,
                        (self._sentinel + 4 * k).to_bytes(size, endian))
                       for k, at in enumerate(frames, 1)))
            words = self._chains[sp] = tuple(words)
        return words

    # -- the caller's frame --------------------------------------------------------
    def set_frame(self, start: int, end: int, sp: int) -> None:
        """The caller's frame at this call (Machine.prepare_call): the
        bytes from ``start`` to ``end`` (Machine.caller_frame) and the
        ``abi.stack_reserve_kept`` words of the reserve beyond ``sp`` that
        ``abi.stack_reserve_defined`` does not name (powerpc's back chain,
        which the ABI defines, holds world 0's frame_pattern in every world:
        _poison_reserve)."""
        key = (start, end, sp)
        parts = self._frames.get(key)
        if parts is None:
            abi = self.port.abi
            low, high = self.reserve_beyond(sp)
            words = [self.reserve_word(sp, word.offset) for word in abi.stack_reserve_kept
                     if word.offset not in abi.stack_reserve_defined]
            parts = self._frames[key] = {}
            chain = self.chain_words(sp)
            first = frame_pattern(end - start, 0)
            size = abi.window_save_area
            chain += tuple((at, first[at - start:at - start + size])
                           for at in self.window_frames) + self.window_frame_words()
            for world in (0, 1, ZERO_WORLD):
                reserve = frame_pattern(high - low, world)
                frame = bytearray(frame_pattern(end - start, world))
                overlay(frame, start, chain)       # the ABI's: the same in every world
                parts[world] = ((start, bytes(frame)),
                                *((at, reserve[at - low:at - low + 4]) for at in words))
        self._frame_parts = parts

    def frame_at_call(self, world: int) -> tuple[tuple[int, bytes], ...]:
        """(address, bytes) of the caller's frame (set_frame) as ``world``
        fills it at a call."""
        return self._frame_parts[world]

    def frame_words(self) -> list[int]:
        """The address of every word of the caller's frame that a world
        fills with its own pattern (set_frame), in order."""
        return [address + at for address, data in self._frame_parts[0]
                for at in range(0, len(data), 4)]

    def _frame_spans(self, only) -> list[tuple[int, int, int]]:
        """(part, offset, end) of the caller's frame that ``only`` picks:
        all of it when it is None or names CALLER_FRAME, else the words
        its (CALLER_FRAME, address) pairs name."""
        parts = self._frame_parts[0]
        if only is None or CALLER_FRAME in only:
            return [(i, 0, len(data)) for i, (_, data) in enumerate(parts)]
        spans = []
        for item in only:
            if isinstance(item, tuple) and item[0] == CALLER_FRAME:
                for i, (address, data) in enumerate(parts):
                    if address <= item[1] < address + len(data):
                        at = item[1] - address
                        spans.append((i, at, min(at + 4, len(data))))
        return spans

    def poison_frame(self, world: int, only=None) -> None:
        """The caller's frame (``only``: the parts _frame_spans picks)
        holds ``world``'s frame_pattern, as at a call."""
        parts, write = self._frame_parts[world], self.backend.write_memory
        for i, at, end in self._frame_spans(only):
            address, data = parts[i]
            write(address + at, data[at:end])

    def repoison_frame(self, world: int, only=None) -> None:
        """From a boundary: the bytes of the caller's frame (``only``: see
        _frame_spans) that still hold world 0's pattern get ``world``'s."""
        first, other = self._frame_parts[0], self._frame_parts[world]
        read, write = self.backend.read_memory, self.backend.write_memory
        for i, at, end in self._frame_spans(only):
            address, was = first[i]
            now, was, new = read(address + at, end - at), was[at:end], other[i][1][at:end]
            if now != was:           # bytes the routine wrote keep what it wrote
                new = bytes(b if a == n else n for n, a, b in zip(now, was, new))
            write(address + at, new)

    def caller_fields_at_call(self, world: int) -> dict[str, tuple[str, int, int]]:
        """kept_state's key (``cr&0xfff000``) -> (register, mask, value) of
        each abi.state entry marked ``caller``: the bits hold the caller's
        value at a call, an entry_pattern of their own in ``world``
        (numbered after abi.preserved's registers), never 0 in the mask
        (made once per world; do not change it)."""
        fields = self._poison.get(("caller", world))
        if fields is None:
            bits = self.backend.register_bits
            first = len(self.port.abi.preserved)
            fields = self._poison[("caller", world)] = {}
            for index, state in enumerate(b for b in self.port.abi.state if b.caller):
                value = entry_pattern(first + index, bits, world) & state.mask
                if not value:                 # a narrow field the pattern misses: its complement
                    value = ~entry_pattern(first + index, bits, world) & state.mask
                fields[state.kept_key] = (state.register, state.mask, value)
        return fields

    def poison_preserved(self, world: int, only=None) -> None:
        """The preserved registers (``only``: those it names, never one the
        call sets) and the abi.state bits marked ``caller`` (by kept_state's
        key) hold ``world``'s value at a call: the caller's, no input of
        the routine."""
        self.backend.write_registers(
            [(reg, value) for reg, value in self.preserved_at_call(world).items()
             if only is None or (reg in only and reg not in self.set_by_call)])
        for key, (reg, mask, value) in self.caller_fields_at_call(world).items():
            if only is None or key in only:
                self.backend.set_bits(reg, mask, value)

    def poison_foreign(self, world: int, only=None) -> None:
        """The abi.foreign registers (``only``: those it names) hold
        ``world``'s poison, as at a call: a process's or the system's
        values the routine cannot know (a pattern, its complement)."""
        if only is None:
            if self.foreign:
                self._foreign_writers[world]()
            return
        writes = tuple((reg, value) for reg, value in self._foreign_poison[world] if reg in only)
        if writes:
            self.backend.write_registers(writes)

    # -- abi.foreign as one number -------------------------------------------------
    def foreign_now(self) -> int:
        """The abi.foreign registers as one number (their bytes as the
        backend's raw_reader lays them out, big-endian)."""
        return int.from_bytes(self._foreign_read(), "big")

    def foreign_registers(self, value: int) -> dict[str, int]:
        """register -> its value in a foreign_now number."""
        raw = value.to_bytes(self._foreign_size, "big")
        return {reg: int.from_bytes(raw[at:at + size], sys.byteorder) & self._foreign_masks[reg]
                for reg, at, size in self._foreign_layout}

    def foreign_change(self, before: int, after: int, form: str) -> str:
        """The first abi.foreign register that differs between two
        foreign_now numbers, in ``form`` (``{reg}``, ``{before}``,
        ``{after}``)."""
        old, new = self.foreign_registers(before), self.foreign_registers(after)
        reg = next(reg for reg in self.foreign if old[reg] != new[reg])
        return form.format(reg=reg, before=f"{old[reg]:#x}", after=f"{new[reg]:#x}")

    # -- after an interrupt, and a register window overflow ------------------------
    def clobber_after_interrupt(self) -> None:
        """An interrupt returned: what its entry may leave changed holds the
        world's poison: the registers of interrupt.clobbers (mips k0/k1)
        and (FRAME_POISON) the free stack beyond the interrupted code's stack pointer,
        where every port's interrupt pushes its frame (each YAML's
        interrupt.changes says so), and interrupt.spill_area (SPARC: the
        save area of the interrupted window and of every older one still
        in the registers, Backend.window_stack_pointers, which a window
        overflow during the interrupt fills with that window's registers;
        a window already in memory, after a V9 FLUSHW, is not spilled
        again; without windows: the interrupted code's and the routine's
        caller's stack pointers).  So no frame bytes linger there: code
        that reads them reads undefined memory (defined_only), and the state
        after the return can equal the one before the interrupt was taken."""
        backend, world = self.backend, self.world
        # the registers get the call world's poison where it asks for them
        # (a second world's culprit search: each alone, apart from the stack)
        chosen, only = self.call_world
        if only is None:
            clobbers = self.clobbers(world)
        else:
            clobbers = tuple(theirs if theirs[0] in only else first for first, theirs
                             in zip(self.clobbers(0), self.clobbers(chosen)))
        if clobbers:
            backend.write_registers(self._poisoned(clobbers))
        sp = self._stack_address()
        start, end = self.free_stack(sp)
        backend.write_memory(start, self._frame_poison[world][:end - start])
        spill = self.port.interrupt_spill
        if spill is not None:               # a window overflow may have spilled there
            offset, size = spill
            bias = self.port.abi.stack_bias
            bases = {pointer + bias for pointer in backend.window_stack_pointers()} \
                or {sp, self._initial_stack_pointer()}
            for base in bases:
                try:
                    backend.write_memory(base + offset, self._frame_poison[world][:size])
                except CpuFault:     # a window whose %sp points nowhere: no spill to judge
                    pass

    def clobbers(self, world: int) -> tuple:
        """(register, poison, mask) of interrupt.clobbers in ``world``."""
        clobbers = self._interrupt_poison.get(world)
        if clobbers is None:
            clobbers = self._interrupt_poison[world] = tuple(
                (reg, value, mask) for reg, (value, mask) in self.poison_values(world).items()
                if reg in self.port.interrupt_clobbers and reg not in self.set_by_call)
        return clobbers

    def spill_windows(self, current: bool = False) -> None:
        """A window overflow may have happened: every older window's save
        area (abi.window_save_area bytes at its stack address; SPARC: the
        interrupted window's, the routine's caller's ...; the backend names
        them, Backend.window_stack_pointers) may hold that window's
        registers now.  Called after every instruction that takes a window
        (Backend.window_saved: a CPU with fewer free windows traps there),
        and with ``current`` at a C function's entry: it may take windows as
        deep as it likes, so the current window's save area may be filled
        too (a stub's when its handler calls deeper).  They hold the world's
        FRAME_POISON from here on (the bytes clobber_after_interrupt's
        spill area gets), so code that keeps its own data in a save area
        not its frame's beyond the 16 words (a stub's frame too small)
        reads undefined memory after the call.  The model itself never
        overflows nor fills from memory (a SAVE or RESTORE that would trap
        is a fault), so a correct routine is not changed by it."""
        size = self.port.abi.window_save_area
        if not size:
            return
        backend, bias = self.backend, self.port.abi.stack_bias
        poison = self._frame_poison[self.world][:size]
        for sp in backend.window_stack_pointers()[0 if current else 1:]:
            try:
                backend.write_memory(sp + bias, poison)
            except CpuFault:         # a window whose %sp points nowhere: no spill to judge
                pass

    # -- after a C function's return -----------------------------------------------
    def poison_after_call(self, returns_value: bool, interrupted: tuple | None = None) -> None:
        """A C function returned: what every ABI here lets a callee leave
        changed holds poison again, as at a call: the scratch and argument
        registers, the result register unless it returns a value, and the
        free stack beyond the stack pointer, where its frame was (the
        ``call_world``'s poison: world 0's, or a second-world run's in the
        parts it asks for, world 0's in the rest).  So a caller that keeps
        a value there across the call, or reads the callee's leftovers,
        depends on undefined state."""
        skip = {self.port.abi.returns} if returns_value else set()
        sp = self._stack_address()
        world, only = self.call_world
        if not world or only is not None:
            self.poison_undefined(0, sp, skip=skip, after_call=True)
        if world:
            self.poison_undefined(world, sp, only=only, skip=skip, after_call=True)
        if interrupted is not None:
            self._unlike_interrupted(interrupted)

    def _unlike_interrupted(self, interrupted: tuple) -> None:
        """A C function returned inside an interrupt (``interrupted``: the
        values of interrupted_registers when the innermost one was taken,
        Delivery.registers): its scratch fields (the condition codes) hold
        the complement of what the interrupted code had in them, not the
        fixed after-call poison, which may equal it (a one-bit flag always
        may).  So a stub or replay path that does not give them back is
        seen by interrupt_transparent whatever the interrupted code held;
        inside an interrupt no world compares them (Worlds.case_problem)."""
        read, write = self.backend.read_register, self.backend.write_register
        for index, reg, mask in self._scratch_fields:
            write(reg, (read(reg) & ~mask) | (~interrupted[index] & mask))

    # -- after an instruction that leaves a result undefined -----------------------
    def poison_left_undefined(self, fields: tuple[tuple[str, int], ...]) -> None:
        """An instruction left these (register, bits) undefined
        (Backend.undefined_flags): they get the poison of a call's entry,
        in the ``call_world`` (world 0's, or a second-world run's in the
        parts it asks for), so what branches on them depends on the world.
        A stepped run (a baseline, a traced run) calls it after each such
        instruction; a case's run from a snapshot through
        Backend.left_undefined, before anything reads them."""
        world, only = self.call_world
        first = self.poison_values(0)
        other = self.poison_values(world) if world else first
        backend = self.backend
        for reg, bits in fields:
            if reg not in first:           # not undefined at a call (a divide's rD)
                self._poison_register(reg, bits, chosen_bits(only, reg, bits) if world else 0)
                continue
            bits &= first[reg][1]
            chosen = chosen_bits(only, reg, bits) if world else 0
            backend.set_bits(reg, bits, (first[reg][0] & bits & ~chosen) | (other[reg][0] & chosen))

    def _poison_register(self, reg: str, bits: int, chosen: int) -> None:
        """Give ``bits`` of ``reg``, a register the ABI defines at a call
        that an instruction left undefined (PEM ch. 8 divw by 0: rD),
        world 0's poison, world 1's in the ``chosen`` bits: a pattern of
        its own, from the register's name."""
        self.left_registers.add(reg)
        index = 0x40 + sum(reg.encode()) % 0x40
        first = poison(0, index, self.backend.register_bits, None)[0]
        self.backend.set_bits(reg, bits, (first & bits & ~chosen) | (~first & chosen))

    # -- between runs: a boundary snapshot's unwritten bits ------------------------
    def unwritten_now(self, tracked: dict[str, int]) -> tuple[tuple[str, int], ...]:
        """(register, bits) of every undefined register's bits no
        instruction wrote since the call, at this boundary: ``tracked``
        (a run's Run.unwritten) for the flags the backend knows per
        instruction, less any bit whose value left its entry poison (a sure
        write: a safety net under the backend's table); the rest by
        Backend.unwritten_bits, against the poison of a call and of a C
        function's return (both undefined; a second world flips either)."""
        backend = self.backend
        entry = self.poison_values(0)
        after_call = self.poison_fields(0, after_call=True)
        found = []
        for reg, fields in self.poison_fields(0).items():
            if reg in tracked:
                value, mask = entry[reg]
                bits = tracked[reg] & mask & ~(backend.read_register(reg) ^ value)
            else:
                bits = backend.unwritten_bits(reg, fields) \
                    | backend.unwritten_bits(reg, after_call[reg])
            if bits:
                found.append((reg, bits))
        if self.foreign:           # abi.foreign: unwritten while it holds its value at the call
            now = self.foreign_now()
            if now == self.foreign_entry[0]:
                found += [(reg, self._foreign_masks[reg]) for reg in self.foreign]
            else:
                found += [(reg, self._foreign_masks[reg])
                          for reg, value in self.foreign_registers(now).items()
                          if value == self.foreign_at_call[reg][0]]
        return self._interned(tuple(found))      # every boundary keeps one

    def repoison(self, world: int, unwritten: tuple, only: set | None = None) -> None:
        """The bits of undefined registers no instruction wrote since the call
        (``unwritten``: (register, bits) pairs, holding world 0's entry poison)
        get ``world``'s poison (``only``: see chosen_bits): what a run reads of
        them was never defined.  They hold world 0's, so flipping where the
        two worlds differ is enough (Backend.flip_bits: no read).  The
        caller's frame gets the world's pattern where the routine left it
        (repoison_frame; ``only``: where it names CALLER_FRAME)."""
        flip_bits = self.backend.flip_bits
        entry, other = self.poison_values(0), self.poison_values(world)
        foreign = {reg for reg, _ in unwritten if reg in self.foreign_at_call
                   and (only is None or reg in only)}
        if foreign:                  # abi.foreign: the world's value at a call, whole
            self.poison_foreign(world, foreign)
        for reg, bits in unwritten:
            if reg in self.foreign_at_call:
                continue
            bits = chosen_bits(only, reg, bits) & (entry[reg][0] ^ other[reg][0])
            if bits:
                flip_bits(reg, bits)
        self.repoison_frame(world, only)
