"""Machine: one generic engine over a CPU backend.

It loads an Image, enters supervisor mode at a given priority, calls a
routine by symbol with arguments per the port's ABI, and stops when the
routine returns to a sentinel address (or at a step limit).  At every
instruction boundary it may deliver the sources the caller injected: the
backend says whether the CPU accepts the request there and does what the
CPU does on an interrupt; the port's stub (from the YAML) does the rest.
Everything it sees becomes Events (one run's boundary bookkeeping is
emu/runloop.py's).  It never names a port or a CPU.
"""

from __future__ import annotations

import sys

from .assembler import Image
from .backends import CpuFault, backend_class
from .errors import GuestFault, InputError, RunError
from .events import RunResult, Step
from .layout import PAGE, SENTINEL, STACK_BASE, STACK_SIZE
from .model import PortModel, Source
from .operands import with_symbols
from .runloop import Injection, Run

DEFAULT_MAX_STEPS = 10_000


def entry_pattern(index: int, bits: int = 32, world: int = 0) -> int:
    """The value the index-th preserved register holds at a call: distinct
    and never 0, so a routine that clobbers it (even with 0) is seen; in a
    64-bit register the high half is neither the zero- nor the sign-
    extension of the low (a 32-bit write of its own low half, as x86-64
    ``movl %ebx,%ebx``, alpha ``addl`` or sparc64 ``srl``, changes it).
    World 1 holds its complement: the caller's value is no input of the
    routine, so one whose end depends on it fails defined_only."""
    value = 0x5EED0000 | (index + 1) * 0x0101
    if bits > 32:
        value |= 0x5EEDC0DE << 32
    return value if world == 0 else ~value & ((1 << bits) - 1)


def poison(world: int, index: int, bits: int, mask: int | None,
           after_call: bool = False) -> tuple[int, int]:
    """(value, mask) an undefined register (or its ``mask`` bits) holds at a
    call in ``world`` 0 or 1: a pattern and its complement, never 0 in world
    0, so a routine that relies on what it never set behaves differently.
    ``after_call``: what a C function's return leaves, another pattern
    (0xCA11...), so that a stub that does not save a register across its
    handler's call gives the interrupted code back another value even
    where that code never wrote it (flag fields: the same as at a call)."""
    full = (1 << bits) - 1
    if mask is not None:
        return (mask if world == 0 else 0), mask
    value = (0xCA110000 if after_call else 0xDEAD0000) | (index + 1) * 0x0111
    if bits > 32:
        value |= 0xBADC0FFE << 32
    return (value if world == 0 else ~value & full), full


#: the first poison index of the abi.foreign registers (apart from the
#: undefined registers' own, which count from 0)
FOREIGN_INDEX = 0x40
STACK_POISON = (0xA5, 0x5A)      # the free stack beyond the stack pointer, per world
CALLER_FRAME = "the caller's frame"   # kept_state's key for the stack the caller owns
#: kept_state's key, and interrupted_registers' name, for the abi.foreign
#: registers together (Machine.foreign_now)
FOREIGN = "abi.foreign"


def frame_pattern(size: int) -> bytes:
    """What the caller's frame holds at a call: never 0 and different at
    every byte of a word, so a routine that writes any of it (even 0, even
    a copy of another slot) is seen."""
    return bytes(0xC0 | (i & 0x3F) for i in range(size))


class Machine:
    def __init__(self, port: PortModel, image: Image, latency: int | None = None):
        self.port = port
        self.image = image
        try:
            self.backend = backend_class(port.cpu_family)(port.cpu_model)
        except (KeyError, ValueError) as exc:
            raise RunError(f"{port.path}: cpu: {exc.args[0]}") from None
        if port.syntax is not None:
            self.backend.use_syntax(port.syntax)
        self.backend.poison_now = self.poison_left_undefined
        if latency is not None:
            if latency not in self.backend.write_latencies:
                raise RunError(f"{port.name}: write latency {latency} not possible on this CPU "
                               f"(possible: {', '.join(map(str, self.backend.write_latencies))})")
            self.backend.latency = latency
        self._map(image)
        #: handler entry address -> its source (the engine records entries)
        self.handler_addresses = {self._named_by_port(f"sources[{i}].handler", s.handler): s
                                  for i, s in enumerate(port.sources)}
        #: the C functions by entry address -> (name, whether it returns a
        #: value): the port's (PortModel.c_functions) and every source's
        #: handler (void, as NetBSD's are C); a call to one is watched for
        #: its return (poison_after_call)
        self.function_entries = {self.image.symbols[name]: (name, returns)
                                 for name, returns in port.c_functions.items()
                                 if name in self.image.symbols}
        for address, source in self.handler_addresses.items():
            self.function_entries.setdefault(address, (source.handler, False))
        #: where a case run always stops to look: handler and C function
        #: entries, and the return
        self.always_watched = (frozenset(self.handler_addresses) | frozenset(self.function_entries)
                               | {SENTINEL})
        self._stubs = {s.name: self._named_by_port(f"sources[{i}].stub", s.stub)
                       for i, s in enumerate(port.sources)}
        for name, routine in port.routines.items():
            self._named_by_port(f"routines.{name}.symbol", routine.symbol)
        prio = port.priority
        self._priority_address = (self._named_by_port("priority.symbol", prio.symbol)
                                  if prio.symbol else None)
        self._pending_address = (self._named_by_port("priority.pending", prio.pending)
                                 if prio.pending else None)
        self._bit_sources = {s.bit: s for s in port.sources if s.bit is not None}
        for reg, value in port.reset.items():  # in YAML order (m68k: SR before SP)
            self.backend.write_register(reg, value)
        for name in (*port.abi.preserved, *(b.register for b in port.abi.state)):
            try:
                self.backend.read_register(name)
            except KeyError:
                raise RunError(f"{port.path}: abi: unknown register {name!r} for cpu "
                               f"{port.cpu_family}") from None
        if port.abi.window_save_area:       # a SAVE may overflow on a CPU with fewer windows
            self.backend.window_saved = self.spill_windows
            self.backend.window_save_bias = port.abi.stack_bias
        self._clean = self.backend.snapshot()
        #: traced calls also record the registers each step changed (--regs)
        self.trace_registers = False
        self._kept_at_entry: dict[str, int] = {}
        #: (start, end) of the stack the caller owns at the current call
        self.caller_frame = (0, 0)
        #: (kept_state's key, address) of each abi.stack_reserve_kept word at the current call
        self.kept_words: tuple[tuple[str, int], ...] = ()
        self._kernel: frozenset[str] | None = None     # see _kernel_symbols
        #: registers defined at a call that an instruction left undefined
        #: in some run (_poison_register): defined_only's culprits too
        self.left_registers: set[str] = set()
        #: 0 or 1: which poison pattern undefined state gets (see ``poison``)
        self.world = 0
        #: (world, only) of the poison a C function's return leaves
        #: (poison_after_call): a second-world run's, in the parts it asks for
        self.call_world: tuple[int, set | None] = (0, None)
        #: the interrupted code's registers an interrupt must give back
        self.interrupted_registers = self._interrupted_registers()
        #: (index in interrupted_registers, register, bits) the backend
        #: reads exactly only by guest code (Backend.inexact_bits), read so
        #: when an interrupt is taken (interrupted_values)
        inexact = self.backend.inexact_bits
        self._inexact_at_take = tuple(
            (index, reg, inexact[reg] & (-1 if mask is None else mask))
            for index, (reg, mask) in enumerate(self.interrupted_registers)
            if inexact.get(reg, 0) & (-1 if mask is None else mask))
        self._readers: dict[tuple, object] = {}
        #: (kind, world, after_call) -> poison_fields / poison_values
        self._poison: dict[tuple[str, int, bool], dict] = {}
        self._stack_poison = [bytes([pattern]) * STACK_SIZE for pattern in STACK_POISON]
        self._interrupt_poison: dict[int, tuple] = {}   # world -> clobber_after_interrupt's registers
        #: the bits of an argument register above the argument (abi.arg_bits):
        #: undefined at the call, poisoned like the scratch registers
        self._beyond_argument = 0 if port.abi.arg_bits is None else -1 << port.abi.arg_bits
        #: registers prepare_call sets, never poisoned
        self.set_by_call = {port.abi.callee_address,
                            port.abi.global_pointer and port.abi.global_pointer[0]}
        #: (index in interrupted_registers, register, bits) of the scratch
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
            for index, (reg, mask) in enumerate(self.interrupted_registers)
            if mask is not None and reg in scratch_bits and reg not in whole
            and reg not in self.set_by_call)
        #: register -> its undefined bits whose writes the backend knows per
        #: instruction (Backend.flag_bits): all never written at a call
        self.tracked_at_call = {reg: mask & self.backend.flag_mask(reg)
                                for reg, (_, mask) in self.poison_values(0).items()
                                if reg in self.backend.flag_bits}
        # kept_state's (register, mask) pairs; a state bit pair is named register&mask
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
        self._foreign_writers = {world: self.backend.fixed_writer(values)
                                 for world, values in self._foreign_poison.items()}
        #: world -> foreign_now at a call
        self.foreign_entry: dict[int, int] = {0: 0, 1: 0}
        if abi.foreign:
            for world in (1, 0):
                self._foreign_writers[world]()
                self.foreign_entry[world] = self.foreign_now()
            self.backend.restore(self._clean)
        #: register -> its values at a call in the two worlds (Worlds.signature)
        self.foreign_at_call = {reg: (first, second) for (reg, first), (_, second)
                                in zip(self.foreign_registers(self.foreign_entry[0]).items(),
                                       self.foreign_registers(self.foreign_entry[1]).items())}
        self._kept_names = (*((reg, None) for reg in abi.preserved), (abi.stack_pointer, None),
                            *((bits.register, bits.mask) for bits in abi.state),
                            *(((FOREIGN, None),) if abi.foreign else ()))
        self._kept_keys = (*abi.preserved, abi.stack_pointer,
                           *(f"{bits.register}&{bits.mask:#x}" for bits in abi.state),
                           *((FOREIGN,) if abi.foreign else ()))

    def _interrupted_registers(self) -> tuple[tuple[str, int | None], ...]:
        """(register, mask or None for all of it): the ABI's registers, the
        scratch fields, the CPU state bits (``abi.state``) but those an
        interrupt may leave changed (``interrupt.state_changes``), and what
        the interrupt's return gives back beyond them (``interrupt.restores``:
        hppa's PSW[N]); a register's fields together.  The priority field
        is not among them: ``nesting`` judges it."""
        port = self.port
        abi = port.abi
        whole = [(reg, None) for reg in (*abi.preserved, *(abi.args or ()), abi.returns,
                                         abi.stack_pointer)]
        if abi.foreign:
            whole.append((FOREIGN, None))
        if abi.return_address is not None:
            whole.append((abi.return_address, None))
        changes: dict[str, int] = {}
        for bits in port.interrupt_state_changes:
            changes[bits.register] = changes.get(bits.register, 0) | bits.mask
        state = [(bits.register, bits.mask & ~changes.get(bits.register, 0)) for bits in abi.state]
        restored = [(bits.register, bits.mask) for bits in port.interrupt_restores]
        seen: dict[str, int | None] = {}
        for reg, mask in [*whole, *abi.scratch, *((r, m) for r, m in state if m), *restored]:
            if reg not in seen or mask is None:
                seen[reg] = mask
            elif seen[reg] is not None:
                seen[reg] |= mask          # another field of the same register
        return tuple(seen.items())

    def describe_change(self, reg: str, mask: int | None, before: int, after: int) -> str:
        """``cr 0x0 -> 0x20000 (cr3 EQ)``: a register an interrupt did not
        give back, and, where only some of its bits are compared, the bits
        that changed by their names: the backend's (Backend.flag_bits), the
        YAML's (a ``name`` of abi.state or interrupt.restores), else their
        mask."""
        if reg == FOREIGN:
            return self.foreign_change(before, after, "{reg} {before} -> {after}")
        text = f"{reg} {before:#x} -> {after:#x}"
        if mask is None:
            return text
        changed = before ^ after
        names, named = [], 0
        for flag, bit in self.backend.flag_bits.get(reg, {}).items():
            if changed & bit:
                names.append(flag)
                named |= bit
        for bits in (*self.port.abi.state, *self.port.interrupt_restores):
            if bits.register == reg and bits.name and changed & bits.mask & ~named:
                names.append(bits.name)
                named |= bits.mask
        if changed & ~named:
            names.append(f"bits {changed & ~named:#x}")
        return f"{text} ({', '.join(names)})"

    @property
    def write_latencies(self) -> tuple[int, ...]:
        return self.backend.write_latencies

    def stub_address(self, source: Source) -> int:
        """Where the CPU continues when it takes ``source`` (the port's stub)."""
        return self._stubs[source.name]

    def enter_interrupt(self, source: Source) -> None:
        """The CPU takes ``source`` at this boundary and continues at its
        stub; CpuFault where the model cannot follow (Backend.entry_fault)."""
        reason = self.backend.entry_fault()
        if reason is not None:
            raise CpuFault(self.backend.pc, reason)
        self.backend.take_interrupt(source.level, source.vector, self.stub_address(source))

    def _map(self, image: Image) -> None:
        spans = []
        for addr, body in image.segments:
            start, end = addr & ~(PAGE - 1), (addr + len(body) + PAGE - 1) & ~(PAGE - 1)
            spans.append([start, end])
        spans.sort()
        merged = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        reserved = [(STACK_BASE, STACK_SIZE, "stack"), (SENTINEL, PAGE, "return sentinel"),
                    *((base, size, "private page") for base, size in self.backend.reserved)]
        for start, end in merged:
            for base, size, what in reserved:
                if start < base + size and base < end:
                    raise InputError(
                        f"{self.port.name}: the image spans 0x{start:08x}-0x{end - 1:08x}, over the "
                        f"machine's {what} at 0x{base:08x}-0x{base + size - 1:08x}: make the "
                        f"snippet's sections smaller (a large .bss or .space?)")
        for start, end in merged:
            self.backend.map_memory(start, end - start)
        for addr, body in image.segments:
            self.backend.write_memory(addr, body)
        self.backend.image_loaded(list(image.segments))
        self.backend.map_memory(STACK_BASE, STACK_SIZE)
        self.backend.map_memory(SENTINEL, PAGE)

    def _named_by_port(self, key: str, symbol: str) -> int:
        """The address of ``symbol``, which the port's YAML names at ``key``;
        one the image lacks is an error naming the YAML and the key."""
        try:
            return self.image.symbol(symbol)
        except InputError as exc:
            raise InputError(f"{self.port.path}: {key}: {exc}") from None

    # -- memory words and the priority, in the port's units ------------------------
    def read_word(self, address: int) -> int:
        """A 32-bit word of guest memory, in the port's byte order."""
        return int.from_bytes(self.backend.read_memory(address, 4), self.port.endian)

    def word_bytes(self, value: int) -> bytes:
        return (value & 0xFFFFFFFF).to_bytes(4, self.port.endian)

    def read_priority(self) -> int:
        prio = self.port.priority
        if self._priority_address is not None:
            raw = self.read_word(self._priority_address)
        else:
            raw = self.backend.read_register(prio.register)
        return prio.field_of(raw)

    def write_priority(self, value: int) -> None:
        """Enter a live priority (the machine's set-up, not a routine: no events)."""
        prio = self.port.priority
        hi, lo = prio.bits
        mask = ((1 << (hi - lo + 1)) - 1) << lo
        value = prio.raw_field(value)
        if self._priority_address is not None:
            self.backend.write_memory(self._priority_address, self.word_bytes(value << lo))
        else:
            raw = self.backend.read_register(prio.register)
            self.backend.write_register(prio.register, (raw & ~mask) | (value << lo))

    def _read_pending(self) -> int:
        return self.read_word(self._pending_address)

    # -- calling ------------------------------------------------------------------
    def prepare_call(self, symbol: str | None, args: list[int], priority: int) -> int:
        """Reset to the loaded state, enter ``priority``, set up the
        arguments and the return address per the ABI; return the entry
        (``symbol`` None: the machine starts at the return already, where it
        can only deliver interrupts: see ``probe``)."""
        self.backend.restore(self._clean)
        self.write_priority(priority)
        abi = self.port.abi
        entry = self.image.symbol(symbol) if symbol is not None else SENTINEL
        sp = self.initial_stack_pointer()
        if abi.args is None:
            for value in reversed(args):
                sp -= abi.arg_size
                self.backend.write_memory(sp, self.word_bytes(value))
        else:
            if len(args) > len(abi.args):
                raise RunError(f"{self.port.name}: at most {len(abi.args)} register arguments")
            for reg, value in zip(abi.args, args):
                self.backend.write_register(reg, value)
        caller_sp = sp                           # what sp is again once the routine returned
        self._fill_caller_frame(caller_sp, 0 if abi.args is not None else len(args) * abi.arg_size)
        if abi.return_address is None:           # pushed by the call: one stack slot (amd64: 8 bytes)
            sp -= abi.arg_size
            self.backend.write_memory(sp, SENTINEL.to_bytes(abi.arg_size, self.port.endian))
        else:
            self.backend.write_register(abi.return_address, SENTINEL - abi.return_offset)
        self.poison_preserved(self.world)
        passed = set(abi.args[:len(args)]) if abi.args else set()
        self.poison_undefined(self.world, sp, passed=passed, at_entry=True)
        self.poison_foreign(self.world)
        self.kept_words = tuple((self.reserve_word_label(word), self.reserve_word(sp, word.offset))
                                for word in abi.stack_reserve_kept)
        if abi.callee_address is not None:
            self.backend.write_register(abi.callee_address, entry)
        if abi.global_pointer is not None:   # the linker defines it when some code refers to it
            register, symbol = abi.global_pointer
            self.backend.write_register(register, self.image.symbols.get(symbol, 0))
        self.backend.write_register(abi.stack_pointer, sp - abi.stack_bias)
        self.backend.write_register("pc", entry)
        self._kept_at_entry = self.kept_state()
        self._kept_at_entry[abi.stack_pointer] = caller_sp - abi.stack_bias
        return entry

    def stack_address(self) -> int:
        """The address the stack pointer stands for now: its value plus
        abi.stack_bias (SPARC V9's 64-bit %sp is 2047 below its frame)."""
        abi = self.port.abi
        return self.backend.read_register(abi.stack_pointer) + abi.stack_bias

    def initial_stack_pointer(self) -> int:
        """The stack address sp stands for at a call (the register holds
        it less abi.stack_bias): 0x100 bytes from the end of the stack the
        callee's pushes move away from, past the ``stack_reserve`` of the caller's
        frame the callee may use (above sp on a downward stack, below it on
        PA-RISC's upward one), rounded away from the caller's frame to a
        multiple of ``abi.call_stack_alignment``."""
        abi = self.port.abi
        align = abi.call_stack_alignment      # the machine's call meets the ABI's alignment
        if abi.stack_grows == "up":
            return -(-(STACK_BASE + 0x100 + abi.stack_reserve) // align) * align
        return (STACK_BASE + STACK_SIZE - 0x100 - abi.stack_reserve) // align * align

    def _fill_caller_frame(self, caller_sp: int, arguments: int) -> None:
        """The stack the caller owns: beyond its stack pointer's far side,
        past the ``arguments`` bytes it pushed (the callee's, cdecl) and
        the ``stack_reserve`` the callee may use, to the stack's end; it
        gets frame_pattern, which must be there again at the return."""
        abi = self.port.abi
        if abi.stack_grows == "up":
            start, end = STACK_BASE, caller_sp - arguments - abi.stack_reserve
        else:
            start, end = caller_sp + arguments + abi.stack_reserve, STACK_BASE + STACK_SIZE
        self.caller_frame = (start, end)
        self.backend.write_memory(start, frame_pattern(end - start))

    def free_stack(self, sp: int) -> tuple[int, int]:
        """(start, end) of the stack beyond ``sp``: where the callee pushes,
        undefined at the call; empty when ``sp`` is on another stack (an
        IRQ-mode stub's own: the stack here holds the interrupted frames)."""
        if not STACK_BASE <= sp <= STACK_BASE + STACK_SIZE:
            return sp, sp
        if self.port.abi.stack_grows == "up":
            return sp, STACK_BASE + STACK_SIZE
        return STACK_BASE, sp

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

    def preserved_at_call(self, world: int) -> dict[str, int]:
        """register -> the value each abi.preserved register holds at a call
        in ``world`` (entry_pattern)."""
        bits = self.backend.register_bits
        return {reg: entry_pattern(index, bits, world)
                for index, reg in enumerate(self.port.abi.preserved)}

    def poison_preserved(self, world: int, only=None) -> None:
        """The preserved registers (``only``: those it names, never one the
        call sets) hold ``world``'s value at a call: the caller's, no
        input of the routine."""
        self.backend.write_registers(
            [(reg, value) for reg, value in self.preserved_at_call(world).items()
             if only is None or (reg in only and reg not in self.set_by_call)])

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
        return tuple(found)

    def clobber_after_interrupt(self) -> None:
        """An interrupt returned: what its entry may leave changed holds the
        world's poison: the registers of interrupt.clobbers (mips k0/k1)
        and the free stack beyond the interrupted code's stack pointer,
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
        clobbers = self._interrupt_poison.get(world)
        if clobbers is None:
            clobbers = self._interrupt_poison[world] = tuple(
                (reg, value, mask) for reg, (value, mask) in self.poison_values(world).items()
                if reg in self.port.interrupt_clobbers and reg not in self.set_by_call)
        if clobbers:
            backend.write_registers(self._poisoned(clobbers))
        sp = self.stack_address()
        self._poison_free_stack(world, sp)
        spill = self.port.interrupt_spill
        if spill is not None:               # a window overflow may have spilled there
            offset, size = spill
            bias = self.port.abi.stack_bias
            bases = {pointer + bias for pointer in backend.window_stack_pointers()} \
                or {sp, self.initial_stack_pointer()}
            for base in bases:
                try:
                    backend.write_memory(base + offset, self._stack_poison[world][:size])
                except CpuFault:     # a window whose %sp points nowhere: no spill to judge
                    pass

    def call_return_watch(self) -> tuple[int, int]:
        """At a C function's (or a handler's) entry: (the address it returns to, the stack
        pointer once it has), per the ABI: the return address on the stack
        (popped by the return) or in ``abi.return_address`` (plus
        ``abi.return_offset``).  An upward stack always has the latter (the
        schema refuses a return address on it)."""
        abi, backend = self.port.abi, self.backend
        sp = backend.read_register(abi.stack_pointer)
        if abi.return_address is not None:
            return backend.read_register(abi.return_address) + abi.return_offset, sp
        try:
            word = backend.read_memory(sp + abi.stack_bias, abi.arg_size)
        except CpuFault:
            name = self.function_entries.get(backend.pc, ("a C function",))[0]
            raise CpuFault(backend.pc, f"{name} entered with the stack pointer at 0x{sp:08x}, "
                           f"where no return address can be read") from None
        return int.from_bytes(word, self.port.endian), sp + abi.arg_size

    def has_returned(self, watch: tuple, pc: int) -> bool:
        """Whether the call whose call_return_watch was ``watch`` (its
        first two items) has returned, at ``pc``: at its return address
        with the stack pointer its return leaves."""
        return pc == watch[0] and self.backend.read_register(self.port.abi.stack_pointer) == watch[1]

    def call_entered(self, pc: int) -> tuple[int, int, str, bool]:
        """At the entry of the C function at ``pc``: the call as ``calls``
        lists hold it: (return address, stack pointer once returned, its
        name, whether it returns a value)."""
        name, returns_value = self.function_entries[pc]
        self.spill_windows(current=True)
        watch = self.call_return_watch()
        self._check_alignment(pc, name, *watch)
        return (*watch, name, returns_value)

    def _check_alignment(self, pc: int, name: str, returns_to: int, sp: int) -> None:
        """A C function called with the stack misaligned for the ABI
        (``sp``: the stack pointer at the call, before it pushed anything;
        its stack address a multiple of ``abi.call_stack_alignment``, the
        ABI document's rule: x86-64 psABI §3.2.2 and the others
        archs/*.yaml cite) is a fault: code compiled for the ABI (an aligned
        spill, a frame it aligns no further) may break there."""
        abi = self.port.abi
        align = abi.call_stack_alignment
        if (sp + abi.stack_bias) % align:
            raise CpuFault(pc, f"{name} called with the stack misaligned: {abi.stack_pointer} "
                           f"at the call 0x{sp:x}"
                           + (f" (+ {abi.stack_bias} bias)" if abi.stack_bias else "")
                           + f", not a multiple of {align} bytes (abi.call_stack_alignment); "
                           f"the call returns to 0x{returns_to:08x}{self.where(returns_to)}, "
                           f"{name}'s entry")

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
        stack poison from here on (the bytes clobber_after_interrupt's
        spill area gets), so code that keeps its own data in a save area
        not its frame's beyond the 16 words (a stub's frame too small)
        reads undefined memory after the call.  The model itself never
        overflows nor fills from memory (a SAVE or RESTORE that would trap
        is a fault), so a correct routine is not changed by it."""
        size = self.port.abi.window_save_area
        if not size:
            return
        backend, bias = self.backend, self.port.abi.stack_bias
        poison = self._stack_poison[self.world][:size]
        for sp in backend.window_stack_pointers()[0 if current else 1:]:
            try:
                backend.write_memory(sp + bias, poison)
            except CpuFault:         # a window whose %sp points nowhere: no spill to judge
                pass

    def call_returned(self, calls: list, pc: int, interrupted: tuple | None = None) -> str | None:
        """The name of the C function of ``calls`` (call_entered's tuples,
        innermost last) that returned at ``pc`` (its return address, with
        the stack pointer its return leaves), else None.  The call (and
        any inside it that never returned) is dropped and what it may
        leave changed is poisoned (``interrupted``: see poison_after_call)."""
        for index in range(len(calls) - 1, -1, -1):
            if self.has_returned(calls[index], pc):
                name, returns_value = calls[index][2:]
                del calls[index:]
                self.poison_after_call(returns_value, interrupted)
                return name
        return None

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
        sp = self.stack_address()
        world, only = self.call_world
        if not world or only is not None:
            self.poison_undefined(0, sp, skip=skip, after_call=True)
        if world:
            self.poison_undefined(world, sp, only=only, skip=skip, after_call=True)
        if interrupted is not None:
            self._unlike_interrupted(interrupted)

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
            value = (first[reg][0] & bits & ~chosen) | (other[reg][0] & chosen)
            wrong = (backend.read_exactly(reg) ^ value) & bits
            if wrong:
                backend.flip_bits(reg, wrong)

    def _poison_register(self, reg: str, bits: int, chosen: int) -> None:
        """Give ``bits`` of ``reg``, a register the ABI defines at a call
        that an instruction left undefined (PEM ch. 8 divw by 0: rD),
        world 0's poison, world 1's in the ``chosen`` bits: a pattern of
        its own, from the register's name."""
        self.left_registers.add(reg)
        index = 0x40 + sum(reg.encode()) % 0x40
        first = poison(0, index, self.backend.register_bits, None)[0]
        value = (first & bits & ~chosen) | (~first & chosen)
        backend = self.backend
        wrong = (backend.read_exactly(reg) ^ value) & bits
        if wrong:
            backend.flip_bits(reg, wrong)

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
        caller's side of it (``reserve_beyond``); ``after_call``: the
        registers get what a C function's return leaves (``poison``), and
        the reserve's words the callee may write the poison again."""
        writes = []
        for reg, (value, mask) in self.poison_values(world, after_call).items():
            mask = chosen_bits(only, reg, mask)
            if reg in passed:
                mask &= self._beyond_argument
            if mask and reg not in skip and reg not in self.set_by_call:
                writes.append((reg, value, mask))
        if writes:
            self.backend.write_registers(self._poisoned(tuple(writes)))
        if sp is not None and (only is None or "stack" in only):
            self._poison_free_stack(world, sp)
            if at_entry or after_call:
                self._poison_reserve(world, sp, after_call)

    def _poisoned(self, entries: tuple[tuple[str, int, int], ...]) -> list[tuple[str, int]]:
        """(register, value) to write for (register, poison, mask) entries:
        the poison in the mask's bits, the register's own value in the
        others, read in one batch (Backend.register_reader) for the
        entries whose mask leaves some bits (a whole register needs no
        read); written in one batch by the caller (Backend.write_registers)."""
        full = (1 << self.backend.register_bits) - 1
        partial = tuple((reg, None) for reg, _, mask in entries if mask != full)
        now = iter(self.values_of(partial) if partial else ())
        return [(reg, value if mask == full else (next(now) & ~mask) | (value & mask))
                for reg, value, mask in entries]

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

    def reserve_word_label(self, word) -> str:
        """What a counter-example calls an ``abi.stack_reserve_kept`` word:
        its name, and where it is relative to the stack pointer register
        at the call (``the back chain at 0(r1)``)."""
        abi = self.port.abi
        at = word.offset + abi.stack_bias if abi.stack_grows != "up" else -word.offset - 4
        return (f"{word.name} at {at}({abi.stack_pointer}) (a word of the caller's frame "
                f"the callee must keep)")

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
        self.backend.write_memory(start, bytes(poison))

    def _poison_free_stack(self, world: int, sp: int) -> None:
        """The stack beyond ``sp`` holds ``world``'s poison."""
        start, end = self.free_stack(sp)
        self.backend.write_memory(start, self._stack_poison[world][:end - start])

    def interrupted_values(self) -> tuple[int, ...]:
        """The values of interrupted_registers as the code an interrupt is
        about to interrupt holds them (between two runs, never inside one):
        the bits a register read may get wrong there are read by guest code
        (Backend.read_exactly).  At the interrupt's return a plain read is
        exact: the return from exception wrote the register through the
        engine (docs/emulators.md, m68k CCR)."""
        values = self.values_of(self.interrupted_registers)
        if not self._inexact_at_take:
            return values
        values = list(values)
        for index, reg, bits in self._inexact_at_take:
            values[index] = (values[index] & ~bits) | (self.backend.read_exactly(reg) & bits)
        return tuple(values)

    def values_of(self, names: tuple) -> tuple[int, ...]:
        """The values of (register, mask or None) pairs, in their order:
        one batched read (Backend.register_reader) per list."""
        reader = self._readers.get(names)
        if reader is None:
            reader = self._readers[names] = self._reader(names)
        return reader()

    def _reader(self, names: tuple):
        """values_of's reader for ``names``; a FOREIGN entry gives
        foreign_now."""
        if (FOREIGN, None) in names:
            at = names.index((FOREIGN, None))
            rest = self._reader(names[:at] + names[at + 1:])
            foreign_now = self.foreign_now

            def with_foreign() -> tuple[int, ...]:
                values = rest()
                return values[:at] + (foreign_now(),) + values[at:]
            return with_foreign
        read_all = self.backend.register_reader([reg for reg, _ in names])
        masked = [(i, mask) for i, (_, mask) in enumerate(names) if mask is not None]
        if not masked:
            return read_all

        def reader() -> tuple[int, ...]:
            values = list(read_all())
            for i, mask in masked:
                values[i] &= mask
            return tuple(values)
        return reader

    def kept_state(self) -> dict[str, int]:
        """What a routine must leave as it found it: the ABI's preserved
        registers, the stack pointer, the CPU state bits (archs/README.md)
        and the caller's frame (its bytes as one big-endian number, and
        each ``abi.stack_reserve_kept`` word by its name)."""
        kept = dict(zip(self._kept_keys, self.values_of(self._kept_names)))
        start, end = self.caller_frame
        kept[CALLER_FRAME] = int.from_bytes(self.backend.read_memory(start, end - start), "big")
        for key, address in self.kept_words:
            kept[key] = self.read_word(address)
        return kept

    def frame_change(self, before: int, after: int) -> str:
        """Where a routine changed the caller's frame (kept_state's two
        numbers): the first word that differs, by its address."""
        start, end = self.caller_frame
        old, new = (value.to_bytes(end - start, "big") for value in (before, after))
        offset = next(i for i in range(end - start) if old[i] != new[i]) & ~3
        word = lambda data: int.from_bytes(data[offset:offset + 4], self.port.endian)
        return (f"the caller's frame at 0x{start + offset:08x} (beyond what the callee may use) "
                f"was {word(old):#x} at entry and {word(new):#x} at return")

    def data_change(self) -> str | None:
        """The first byte of the kernel's data (what the port's own
        snippets define: every loaded byte a symbol of the port-only image
        names) that is not what it was loaded as, outside the priority and
        pending words, with the word from there; None when there is none.
        Data a --snippet file defines is its routines' own."""
        change = self.data_difference([body for _, body in self.image.segments])
        return change and f"{change[0]} was {change[1]:#x} when loaded and {change[2]:#x} at return"

    def loaded_data(self) -> list[bytes]:
        """The loaded segments as they are now, the priority and pending
        words as loaded (theirs to change): what data_difference compares."""
        words = [a for a in (self._priority_address, self._pending_address) if a is not None]
        found = []
        for addr, body in self.image.segments:
            now = bytearray(self.backend.read_memory(addr, len(body)))
            for w in words:
                if addr <= w and w + 4 <= addr + len(body):
                    now[w - addr:w - addr + 4] = body[w - addr:w - addr + 4]
            found.append(bytes(now))
        return found

    def data_difference(self, before: list[bytes]) -> tuple[str, int, int] | None:
        """(the word's name and address, its value in ``before``, now) at
        the first byte of the kernel's data (see data_change) that differs
        from ``before`` (loaded_data's segments); None when none does."""
        for (addr, _), old, now in zip(self.image.segments, before, self.loaded_data()):
            if now == old:
                continue
            for i in range(len(old)):
                if now[i] != old[i]:
                    change = self.byte_change(addr, i, old, now)
                    if change is not None:
                        return change
        return None

    def byte_change(self, addr: int, i: int, old: bytes, now: bytes
                    ) -> tuple[str, int, int] | None:
        """(the word's name and address, before, now) at byte ``i`` of the
        segment at ``addr`` (``old`` and ``now`` its contents); None when no
        symbol of the kernel's data names it (see data_change).  Where
        several names share the nearest symbol's address, one of the user's
        makes the byte the user's: the linker's ``__bss_start`` (in every
        image, so a "port's" name) is also where the user's first .bss
        variable begins (a C file's ``static int n``)."""
        named = self.image.symbol_of(addr + i)
        kernel = self._kernel_symbols()
        if named is None or named.partition("+")[0] not in kernel \
                or any(name not in kernel for name in self.image.names_nearest(addr + i)):
            return None
        was, new = (int.from_bytes(data[i:i + 4], self.port.endian) for data in (old, now))
        return f"{named} (0x{addr + i:08x})", was, new

    def _kernel_symbols(self) -> frozenset[str]:
        """The symbols the port's own snippets define (built once)."""
        if self._kernel is None:
            from .assembler import build_image
            self._kernel = frozenset(build_image(self.port).symbols)
        return self._kernel

    def pending_word(self) -> int:
        """The port's word of pended sources (0 on ports without one)."""
        return self._read_pending() if self._pending_address is not None else 0

    def call(self, symbol: str, args: list[int] | None = None, priority: int = 0,
             injections: list[Injection] = (), max_steps: int = DEFAULT_MAX_STEPS,
             trace: bool = False, observer=None) -> RunResult:
        """Run ``symbol`` from the live ``priority`` until it returns.
        ``observer(run, pc)``, when given, is called at every boundary of the
        routine's own code before any delivery (the explorer snapshots there)."""
        args = list(args or [])
        self.prepare_call(symbol, args, priority)
        run = Run(self, injections, max_steps, trace, observer)
        return self._execute(run, symbol, args, synced=observer is not None)

    def run_prepared(self, symbol: str, args: list[int], max_steps: int = DEFAULT_MAX_STEPS
                     ) -> RunResult:
        """Run a call ``prepare_call`` set up (and the caller then adjusted)."""
        return self._execute(Run(self, (), max_steps, False), symbol, list(args), synced=False)

    def resume(self, snapshot, routine: str, injections: list[Injection], start_step: int,
               observer, max_steps: int = DEFAULT_MAX_STEPS, active=(), unwritten=(), calls=()
               ) -> RunResult:
        """Continue a call from a boundary snapshot of an earlier run, with
        that run's interrupts in flight there (``active``), its
        never-written flag bits (``unwritten``: (register, bits) pairs)
        and its C function calls not yet returned (``calls``), counting
        steps from ``start_step``; synced, with ``observer`` at every
        boundary."""
        self.backend.restore(snapshot)
        run = Run(self, injections, max_steps + start_step, False, observer)
        given = dict(unwritten)
        run.unwritten = {reg: given.get(reg, 0) for reg in run.unwritten}
        run.steps = start_step
        run.active = list(active)
        run.calls = list(calls)
        run.resumed = True
        return self._execute(run, routine, [], synced=True)

    def probe(self, priority: int, source: Source) -> RunResult:
        """Sit at ``priority`` (no routine runs) and let ``source`` request
        once: the events say whether the CPU and the port's stub let its
        handler run."""
        self.prepare_call(None, [], priority)
        run = Run(self, [Injection(source, 0)], DEFAULT_MAX_STEPS, False)
        return self._execute(run, "(probe)", [], synced=False)

    def _execute(self, run: Run, routine: str, args: list[int], synced: bool) -> RunResult:
        """Run the backend under ``run``'s bookkeeping to the return.  A
        fault or runaway raises GuestFault carrying the run so far."""
        before = run.priority
        try:
            self.backend.run(run.on_boundary, synced=synced)
        except CpuFault as fault:
            if run.tracing and run.last_address is not None:   # show the faulting instruction
                run.trace.append(Step(run.steps + 1, run.last_address, run.priority))
            raise GuestFault(f"{fault}{self.where(fault.address)}", fault.address,
                             self._result(run, routine, args, before, partial=True)) from None
        except GuestFault as fault:
            fault.result = self._result(run, routine, args, before, partial=True)
            raise
        return self._result(run, routine, args, before)

    def _result(self, run: Run, routine: str, args: list[int], before: int,
                partial: bool = False) -> RunResult:
        result = RunResult(port=self.port.name, routine=routine, args=args, priority_before=before,
                           priority_after=run.priority, settling_after=0, returned=0,
                           steps=run.steps, events=run.events, trace=run.trace,
                           kept_before=dict(self._kept_at_entry), opaque=run.opaque)
        if run.tracing:
            for step in result.trace:
                step.text = self.instruction_text(step.address) + (" (nullified)" if step.nullified
                                                                   else "")
                step.line = self.image.line_of(step.address)
                step.symbol = self.image.symbol_of(step.address)
        if not partial:
            result.priority_after = self.read_priority()
            result.settling_after = self.backend.settling()
            result.returned = self.backend.read_register(self.port.abi.returns)
            result.kept_after = self.kept_state()
            result.pending_after = self.pending_word()
            if not result.of_kind("taken"):      # no handler ran: its data is the routine's doing
                result.data_changed = self.data_change()
            result.requesting_after = [s.name for s in run.requesting]
        return result

    def instruction_text(self, address: int) -> str:
        """The disassembly at ``address``, its addresses named by symbols
        ("(the return)" at the sentinel, "(unmapped)" where there is no
        memory)."""
        if address == SENTINEL:
            return "(the return)"
        try:
            size, text = self.backend.disassemble(address)
        except CpuFault:
            return "(unmapped)"
        return with_symbols(text, self.backend, self.image, address, size)

    def return_hazard(self) -> CpuFault | None:
        """What the routine leaves in flight at its return for the caller's
        first instruction (Backend.return_hazard), as a fault; None when
        nothing, or only a register the caller does not read after a call
        (not the result, a preserved register or the stack pointer)."""
        hazard = self.backend.return_hazard()
        if hazard is None:
            return None
        register, address, why = hazard
        abi = self.port.abi
        if register is not None and register not in (abi.returns, abi.stack_pointer,
                                                     *abi.preserved):
            return None
        return CpuFault(SENTINEL if address is None else address, why)

    def where(self, address: int) -> str:
        """' (file:line)' for an address of the image (' (symbol+0xN)' where
        the assembler recorded no line), else ''."""
        where = self.image.where(address)
        return f" ({where})" if where else ""


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
