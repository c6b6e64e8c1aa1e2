"""Machine: one generic engine over a CPU backend.

It loads an Image, enters supervisor mode at a given priority, calls a
routine by symbol with arguments per the port's ABI, and stops when the
routine returns to a sentinel address (or at a step limit).  At every
instruction boundary it may deliver the sources the caller injected: the
backend says whether the CPU accepts the request there and does what the
CPU does on an interrupt; the port's stub (from the YAML) does the rest.
Everything it sees becomes Events (one run's boundary bookkeeping is
emu/runloop.py's).  What the state the ABI leaves undefined holds, and
when it is poisoned, is its Poisoner's (``machine.poisoner``,
emu/poison.py).  It never names a port or a CPU.
"""

from __future__ import annotations

from contextlib import contextmanager

from .assembler import Image
from .backends import CpuFault, NotModelled, backend_class, fault_at
from .errors import GuestFault, InputError, NotModelledFault, RunError
from .events import RunResult, Step
from .interning import Interner
from .layout import PAGE, SENTINEL, STACK_BASE, STACK_SIZE, page_runs
from .model import PortModel, Source
from .operands import with_symbols
from .portnumbers import carried_state
from .poison import CALLER_FRAME, FOREIGN, Poisoner, overlay
from .reenter import lowered_word_name
from .runloop import HardwareClaims, Injection, Run, SoftClaims
from .starts import CallStart

DEFAULT_MAX_STEPS = 10_000

#: kept_state's key (with ``&`` and the mask) for interrupt.enable_register's
#: ``all`` bits
ENABLE_REGISTER = "interrupt.enable_register"


#: what a byte is that no object of the user's or the port's takes
OUTSIDE = "outside the snippet's objects: another object's in a kernel"


class Machine:
    def __init__(self, port: PortModel, image: Image, latency: int | None = None):
        self.port = port
        self.image = image
        #: where the stack is (abi.stack_address, else layout.STACK_BASE)
        self.stack_base = port.abi.stack_address or STACK_BASE
        #: the return address every call is made with, where nothing runs:
        #: layout.SENTINEL, as far from it as the stack is moved from
        #: STACK_BASE (in the kernel's half with it: amd64 and alpha, where a
        #: return address cut to 32 bits no longer returns)
        self.sentinel = SENTINEL + self.stack_base - STACK_BASE
        try:
            self.backend = backend_class(port.cpu_family)(port.cpu_model)
        except (KeyError, ValueError) as exc:
            raise RunError(f"{port.path}: cpu: {exc.args[0]}") from None
        if port.syntax is not None:
            self.backend.use_syntax(port.syntax)
        if latency is not None:
            if latency not in self.backend.write_latencies:
                raise RunError(f"{port.name}: write latency {latency} not possible on this CPU "
                               f"(possible: {', '.join(map(str, self.backend.write_latencies))})")
            self.backend.latency = latency
        enable = port.interrupt_enable_register
        if enable is not None:    # a device register that gates every level
            self.backend.set_enable_register(enable.address, enable.size, enable.all,
                                             enable.soft_requests)
        self._map(image)
        #: handler entry address -> its source (the engine records entries)
        self.handler_addresses = {self._named_by_port(f"sources[{i}].handler", s.handler): s
                                  for i, s in enumerate(port.sources)}
        #: the C functions by entry address -> (name, whether it returns a
        #: value): the port's (PortModel.c_functions) and every source's
        #: handler (void, as NetBSD's are C); a call to one is watched for
        #: its return (Poisoner.poison_after_call)
        self.function_entries = {self.image.symbols[name]: (name, returns)
                                 for name, returns in port.c_functions.items()
                                 if name in self.image.symbols}
        for address, source in self.handler_addresses.items():
            self.function_entries.setdefault(address, (source.handler, False))
        #: the name a ``calls`` list gives a handler's call -> its source
        self._handler_calls = {self.function_entries[address][0]: source.name
                               for address, source in self.handler_addresses.items()}
        #: source -> its handler's ``reenter_lowered_<source>`` word, where the
        #: image has one: not 0 while the handler runs lowered by design
        #: (emu/reenter.py base_argument: hardclock's spllowersoftclock())
        self._lowered_words = {s.name: self.image.symbols[lowered_word_name(s)]
                               for s in port.sources if lowered_word_name(s) in self.image.symbols}
        #: where a case run always stops to look: handler and C function
        #: entries, and the return
        self.always_watched = (frozenset(self.handler_addresses) | frozenset(self.function_entries)
                               | {self.sentinel})
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
        #: the bits of the pending word no source owns: a routine that keeps
        #: a flag there keeps it as its own data (red team 35 F5); 0: none
        self._spare_pending = 0 if self._pending_address is None else \
            0xFFFFFFFF & ~sum(1 << bit for bit in self._bit_sources)
        for reg, value in port.reset.items():  # in YAML order (m68k: SR before SP)
            self.backend.write_register(reg, value)
        for name in (*port.abi.preserved, *(b.register for b in port.abi.state)):
            try:
                self.backend.read_register(name)
            except KeyError:
                raise RunError(f"{port.path}: abi: unknown register {name!r} for cpu "
                               f"{port.cpu_family}") from None
        self._clean = self.backend.snapshot()
        #: the image's pages as loaded: its segments' bytes, zeros in the
        #: rest of their pages (a store past the last object changes another
        #: object's memory in a kernel), with the words the engine set
        #: (set_words); the kernel's data compare to them
        self.loaded_segments = self._loaded_pages(image)
        #: traced calls also record the registers each step changed (--regs)
        self.trace_registers = False
        self._kept_at_entry: dict[str, int] = {}
        #: (start, end) of the stack the caller owns at the current call
        self.caller_frame = (0, 0)
        #: (kept_state's key, address) of each abi.stack_reserve_kept word at the current call
        self.kept_words: tuple[tuple[str, int], ...] = ()
        #: the stack address the stack pointer stands for at the routine's
        #: entry at the current call (the return address pushed, if the call pushes one)
        self.entry_stack = 0
        self._kernel: frozenset[str] | None = None     # see _kernel_symbols
        self._own_ranges: tuple | None = None          # see own_ranges
        self._own_outside_code: frozenset | None = None   # see own_data_outside_code
        self._loaded_own: bytes | None = None          # see loaded_own_bytes
        #: kernel data bytes the user's code writes (adopt_kernel_bytes)
        self._adopted: frozenset[int] = frozenset()
        #: the current call started from own data other calls left (prepare_call)
        self._from_own_data = False
        #: where calls start beyond priority and arguments (see starting)
        self.start = CallStart()
        #: the loaded state with the routine's own data as earlier calls
        #: left it (starting), which calls start from instead; None: as loaded
        self._start_state = None
        #: the interrupted code's registers an interrupt must give back
        #: register -> the bits an interrupt may leave changed (interrupt.state_changes)
        self._state_changes: dict[str, int] = {}
        for bits in port.interrupt_state_changes:
            self._state_changes[bits.register] = self._state_changes.get(bits.register, 0) \
                | bits.mask
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
        #: one shared copy of equal values a deep check keeps (emu/interning.py)
        self.interned = Interner()
        #: what undefined state holds and when it is poisoned (emu/poison.py)
        self.poisoner = Poisoner(self, self._clean)
        self.backend.poison_now = self.poisoner.poison_left_undefined
        if port.abi.window_save_area:       # a SAVE may overflow on a CPU with fewer windows
            self.backend.window_saved = self.poisoner.spill_windows
            self.backend.window_save_bias = port.abi.stack_bias
        # kept_state's (register, mask) pairs; a state bit pair is named register&mask
        abi = port.abi
        self._kept_names = (*((reg, None) for reg in abi.preserved), (abi.stack_pointer, None),
                            *((bits.register, bits.mask) for bits in abi.state),
                            *(((FOREIGN, None),) if abi.foreign else ()))
        self._kept_keys = (*abi.preserved, abi.stack_pointer,
                           *(bits.kept_key for bits in abi.state),
                           *((FOREIGN,) if abi.foreign else ()))
        # the interrupt enable register's bits that gate every level: a
        # routine gives them back as it found them (kept_state)
        enable = port.interrupt_enable_register
        self._kept_enable = None if enable is None else (
            f"{ENABLE_REGISTER}&{enable.all:#x}", enable.address, enable.size, enable.all)

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
        changes = self._state_changes
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
            return self.poisoner.foreign_change(before, after, "{reg} {before} -> {after}")
        text = f"{reg} {before:#x} -> {after:#x}"
        return text if mask is None else f"{text} ({self.bit_names(reg, before ^ after)})"

    def bit_names(self, reg: str, changed: int) -> str:
        """``IF, bits 0x4``: the ``changed`` bits of ``reg`` by their names:
        the backend's (Backend.flag_bits), the YAML's (a ``name`` of
        abi.interrupt_enable, abi.state or interrupt.restores), else their mask."""
        names, named = [], 0
        for flag, bit in self.backend.flag_bits.get(reg, {}).items():
            if changed & bit:
                names.append(flag)
                named |= bit
        gate = self.port.abi.interrupt_enable
        for bits in (*((gate,) if gate else ()), *self.port.abi.state,
                     *self.port.interrupt_restores):
            if bits.register == reg and bits.name and changed & bits.mask & ~named:
                names.append(bits.name)
                named |= bits.mask
        if changed & ~named:
            names.append(f"bits {changed & ~named:#x}")
        return ", ".join(names)

    def interrupt_may_change(self, key: str) -> int:
        """The bits of the kept_state value ``key`` (``psr&0x30ff``) an
        interrupt taken during the call may leave changed
        (``interrupt.state_changes``: sparc PSR.PS, which RETT does not
        write back); 0 for any other key."""
        reg, state, mask = key.partition("&")
        return self._state_changes.get(reg, 0) & int(mask, 16) if state else 0

    def kept_change(self, key: str, before: int, after: int) -> str:
        """What a counter-example says of a kept_state value the routine
        did not give back: ``eflags&0x600 was 0x0 at entry and 0x200 at
        return (IF)``, the bits of a CPU state key by their names."""
        reg, state, _ = key.partition("&")
        if reg == ENABLE_REGISTER:
            enable = self.port.interrupt_enable_register
            bits = enable.name or f"bits {enable.all:#x}"
            return (f"{bits} of the interrupt enable register at 0x{enable.address:08x} "
                    f"(interrupt.enable_register) was {before:#x} at entry and {after:#x} at "
                    f"return: while {'it is' if enable.name else 'they are'} clear the CPU "
                    f"takes no request, of any level")
        text = f"{key} was {before:#x} at entry and {after:#x} at return"
        if reg in self.backend.flushed_registers and self.start.state \
                and self.start.call_state(self.port).older_windows:
            text += (" (read as a flush of the register windows above leaves it, every one "
                     "stored in its save area: kept_state)")
        if self.start.restored and key in self._restored_bits():
            text = f"{key} is {after:#x} at return where the spl value passed asks {before:#x}"
        return f"{text} ({self.bit_names(reg, before ^ after)})" if state else text

    @property
    def write_latencies(self) -> tuple[int, ...]:
        return self.backend.write_latencies

    def stub_address(self, source: Source) -> int:
        """Where the CPU continues when it takes ``source`` (the port's stub)."""
        return self._stubs[source.name]

    def enter_interrupt(self, source: Source) -> None:
        """The CPU takes ``source`` at this boundary and continues at its
        stub; a CpuFault (or NotModelled) where it cannot be followed
        (Backend.entry_fault)."""
        reason = self.backend.entry_fault()
        if reason is not None:
            raise fault_at(self.backend.pc, reason)
        self.backend.take_interrupt(source.level, source.vector, self.stub_address(source))

    @staticmethod
    def _loaded_pages(image: Image) -> list[tuple[int, bytes]]:
        """(address, bytes) of each run of the pages the image's segments
        take (as _map maps them), as loaded."""
        pages = [(start, bytearray(end - start)) for start, end in page_runs(image.segments)]
        for addr, body in image.segments:
            base, page = next((base, page) for base, page in pages
                              if base <= addr < base + len(page))
            page[addr - base:addr - base + len(body)] = body
        return [(base, bytes(page)) for base, page in pages]

    def _map(self, image: Image) -> None:
        merged = page_runs(image.segments)
        enable = self.port.interrupt_enable_register
        registers = [] if enable is None else [(enable.address & ~(PAGE - 1), PAGE,
                                                "interrupt enable register (interrupt.enable_register)")]
        reserved = [(self.stack_base, STACK_SIZE, "stack"), (self.sentinel, PAGE, "return sentinel"),
                    *((base, size, "private page") for base, size in self.backend.reserved),
                    *registers]
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
        self.backend.assembled = frozenset(image.lines)
        self.backend.image_loaded(image.code_segments())
        self.backend.map_memory(self.stack_base, STACK_SIZE)
        self.backend.map_memory(self.sentinel, PAGE)
        # the caller's code, where every call returns: kernel text, which
        # a routine must not write (nothing compares it after the return)
        self.backend.protect_memory(self.sentinel, PAGE, "the caller's code at the return "
                                    "address (kernel text: read-only here)")
        if enable is not None:    # its page, the register as a call finds it
            self.backend.map_memory(enable.address & ~(PAGE - 1), PAGE)
            self.backend.write_memory(enable.address, enable.reset.to_bytes(enable.size,
                                                                            self.port.endian))

    def set_words(self, words: dict[str, int]) -> None:
        """Write data words as wide as a register, pointers or numbers
        (symbol -> value), into the loaded state every call starts from
        (emu/reenter.py's); a word already so is left alone.  What
        data_change compares to is the state with them."""
        size = self.backend.register_bits // 8
        encoded = {name: (value & (1 << 8 * size) - 1).to_bytes(size, self.port.endian)
                   for name, value in words.items()}
        changed = {name: data for name, data in encoded.items()
                   if self.backend.read_memory(self.image.symbols[name], size) != data}
        if not changed:
            return
        self.backend.restore(self._clean)
        segments = [(addr, bytearray(body)) for addr, body in self.loaded_segments]
        for name, data in changed.items():
            address = self.image.symbols[name]
            self.backend.write_memory(address, data)
            for addr, body in segments:
                if addr <= address and address + size <= addr + len(body):
                    body[address - addr:address - addr + size] = data
        self._clean = self.backend.snapshot()
        self.loaded_segments = [(addr, bytes(body)) for addr, body in segments]

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

    def handler_entry_problem(self, source: Source, priority: int) -> str | None:
        """What is wrong at the first instruction of ``source``'s handler,
        which runs at live ``priority``, beyond the priority itself
        (handler_priority judges it): the CPU refuses a source that priority
        does not block (the stub left interrupts disabled: nothing can
        preempt the handler).  None: nothing.  (Which of several pending
        hardware sources a replay runs first is not judged: NetBSD's own
        replays run a lower one first on several ports, contract.py; a soft
        one ahead of a pending hardware one is: waiting_requests.)  Not in a
        call made with interrupts disabled (CallStart.interrupts_off): a
        handler its replay runs may keep the caller's enable off, as the
        powerpc do_pending_int runs each handler with MSR[EE] as at its
        entry, arm32's footbridge_do_pending with the CPSR I it found
        (restore_interrupts) and hppa's intr_dispatch with PSW I untouched
        (it sets EIEM only): kernel_snippets/{powerpc,arm32,hppa}/spl.S,
        after NetBSD macppc extintr.c 1.10.2.7, footbridge_irqhandler.c
        1.9 and hp700 intr.c hp700_intr_dispatch.  The caller asked for
        nothing to interrupt it.  Nor for a source the port's dispatch runs
        unpreemptible (Source.preemptible: pmax's clock, whose hardclock
        NetBSD's dec_3100_intr calls before it turns IE back on).  Nor is
        the handler of a source at the CPU's unmaskable level
        (priority.unmaskable) asked to let its own request in again: the
        stub shuts it off on purpose, where the hardware gives a way
        (NetBSD sparc locore.s 1.222 nmi_sun4c clears IE_ALLIE "to prevent
        recursion": interrupt.enable_register), and being re-entered by
        itself is no preemption by another source."""
        port = self.port
        if self.start.blocks_all(port) or not source.preemptible:
            return None
        for other in port.sources:
            if other.name == source.name and other.level == port.priority.unmaskable:
                continue    # its own request, which no priority blocks: below
            if not port.blocks(priority, other) \
                    and not self.backend.interrupt_accepted(other.level):
                return (f"{source.name}'s handler started where the CPU takes no {other.name} "
                        f"request ({other.ipl}), which its priority "
                        f"{port.priority_label(priority)} does not block: interrupts left "
                        f"disabled, nothing can preempt the handler")
        return None

    def pended(self, source: Source) -> bool:
        """Is ``source``'s bit set in the port's pending word now?"""
        return pended_in(self.pending_word(), source)

    def soft_claimed(self, before: int, now: int) -> tuple[str, ...]:
        """The soft sources whose bit the pending word ``before`` has and
        ``now`` has not: software claimed their request (Run.soft_claims)."""
        cleared = before & ~now
        if not cleared:
            return ()
        return tuple(s.name for s in self.port.sources if s.soft and pended_in(cleared, s))

    def hardware_pended(self, pending_word: int) -> tuple[str, ...]:
        """The hardware sources whose bit is set in ``pending_word``, in the
        port's order: what a replay claims (Run.hardware_claims)."""
        return tuple(s.name for s in self.port.sources
                     if not s.soft and pended_in(pending_word, s))

    def all_pended(self, pending_word: int) -> tuple[str, ...]:
        """Every source whose bit is set in ``pending_word``, in the port's
        order: what a soft source's claim leaves waiting (Run.soft_claims)."""
        return tuple(s.name for s in self.port.sources if pended_in(pending_word, s))

    def waiting_requests(self, source: Source, priority: int,
                         held=(), claimed: tuple[str, ...] | None = None,
                         batch: tuple[str, ...] = ()) -> tuple[tuple[str, str], ...]:
        """At the first instruction of a soft ``source``'s handler, which
        runs at live ``priority``: the sources whose request waits there,
        unblocked by that priority, as (name, where): "pending", its
        bit set in the port's pending word (priority.pending), or "cpu",
        requested (``held``: the Sources the CPU holds untaken) where the CPU
        takes no such request now (not in a call made with interrupts
        disabled: the caller shut them out, CallStart.interrupts_off).
        judgement.inversion_problem fails each: a pending hardware request
        is served before any soft one (NetBSD i386 icu.s 1.45, read via
        OpenBSD icu.s 1.14: Xspllower and Xdoreti run the lowest set bit of
        ipending & ~cpl with bsfl, the soft interrupts on its top bits, as
        archs/i386.yaml's SIR bits 29-31), and a higher soft one before a
        lower (the same bsfl takes SIR_SERIAL, bit 29, first; macppc
        extintr.c 1.10.2.7 do_pending_int runs SIR_SERIAL, SIR_NET,
        SIR_CLOCK: red team 39 E F1).  () for a hardware ``source``,
        and not asked where the soft source's own delivery runs it
        (runloop.own_delivery).  ``claimed``: the hardware sources the
        dispatch that claimed ``source``'s request answers for
        (runloop.SoftClaims): only those count as "pending" (a soft
        source only ever waits there); one an
        interrupt nested after the claim pended where the claim's level did
        not block it waits in NetBSD too.  None (no claim seen at this
        level): every pended one.  ``batch``: the hardware sources software
        claimed at this level for a replay, their handler not started
        (runloop.HardwareClaims): each waits, "claimed", held in a register
        by the dispatch that runs ``source`` ahead of it."""
        if not source.soft:
            return ()
        port = self.port
        names = {s.name for s in held}
        cpu = names and not self.start.blocks_all(port)
        waiting = []
        for other in port.sources:
            if other is source or port.blocks(priority, other):
                continue
            if self.pended(other):
                if claimed is None or other.name in claimed:
                    waiting.append((other.name, "pending"))
            elif other.soft:
                continue       # a soft request waits only in the pending word
            elif other.name in batch:
                waiting.append((other.name, "claimed"))
            elif cpu and other.name in names and not self.backend.interrupt_accepted(other.level):
                waiting.append((other.name, "cpu"))
        return tuple(waiting)

    # -- calling ------------------------------------------------------------------
    def prepare_call(self, symbol: str | None, args: list[int], priority: int) -> int:
        """Reset to the loaded state, enter ``priority``, set up the
        arguments and the return address per the ABI; return the entry
        (``symbol`` None: the machine starts at the return already, where it
        can only deliver interrupts: see ``probe``).  Inside ``starting``,
        from its start."""
        self.backend.restore(self._clean if self._start_state is None else self._start_state)
        self._from_own_data = self._start_state is not None
        self.write_priority(priority)
        if self.start.interrupts_off:
            self._disable_interrupts()
        if self.start.state:
            self._enter_call_state(self.start.call_state(self.port))
        for name in self.start.pended_all:
            self._pend(self.port.source(name))
        abi = self.port.abi
        entry = self.image.routine(symbol) if symbol is not None else self.sentinel
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
        self._set_caller_frame(caller_sp, 0 if abi.args is not None else len(args) * abi.arg_size)
        if abi.return_address is None:           # pushed by the call: one stack slot (amd64: 8 bytes)
            sp -= abi.arg_size
            self.backend.write_memory(sp, self.sentinel.to_bytes(abi.arg_size, self.port.endian))
        else:
            self.backend.write_register(abi.return_address, self.sentinel - abi.return_offset)
        poisoner = self.poisoner
        world = self.start.world or poisoner.world
        poisoner.poison_preserved(world)
        passed = set(abi.args[:len(args)]) if abi.args else set()
        poisoner.poison_undefined(world, sp, passed=passed, at_entry=True)
        poisoner.poison_foreign(world)
        self.kept_words = tuple((self.reserve_word_label(word),
                                 poisoner.reserve_word(sp, word.offset))
                                for word in abi.stack_reserve_kept)
        poisoner.set_frame(*self.caller_frame, sp)
        poisoner.poison_frame(world)    # the caller's values, no input of the routine
        if self.start.state:
            older = self.start.call_state(self.port).older_windows
            if older:                   # its callers' windows, newer than their frames
                self.backend.load_older_windows(poisoner.older_window_registers(older))
        if self.start.left:
            self._put_left(self.start.left, sp)
        self.entry_stack = sp
        if abi.callee_address is not None:
            self.backend.write_register(abi.callee_address, entry)
        if abi.global_pointer is not None:   # the linker defines it when some code refers to it
            register, symbol = abi.global_pointer
            self.backend.write_register(register, self.image.symbols.get(symbol, 0))
        self.backend.write_register(abi.stack_pointer, sp - abi.stack_bias)
        self.backend.write_register("pc", entry)
        # a copy: kept_state's dict is shared by every equal state
        self._kept_at_entry = {**self.kept_state(),
                               abi.stack_pointer: caller_sp - abi.stack_bias}
        if self.start.restored:
            self._kept_at_entry.update(self._restored_bits())
        return entry

    def _put_left(self, left, sp: int) -> None:
        """What an earlier spl call left (starts.LeftBehind) where the
        call's poison went: its scratch registers' bits, its free stack
        bytes beyond ``sp`` (the call's stack pointer: an earlier call
        passed fewer arguments on the stack, whose free stack began
        nearer the caller), its free windows' registers."""
        backend = self.backend
        if left.registers:
            backend.write_registers([(reg, backend.read_register(reg) & ~mask | value)
                                     for reg, mask, value in left.registers])
        start, end = self.poisoner.free_stack(sp)
        for address, data in left.stack:
            low, high = max(address, start), min(address + len(data), end)
            if low < high:
                backend.write_memory(low, data[low - address:high - address])
        if left.windows:
            backend.load_free_windows(list(left.windows))

    def _restored_bits(self) -> dict[str, int]:
        """kept_state's entries for the state bits the spl values carry
        (portnumbers.carried_state) as cpu.reset has them: what a restore
        routine passed such a value leaves them at (starts.restored_states)."""
        carried = carried_state(self.port)
        register = self.port.priority.register
        reset = self.port.reset.get(register, 0)
        return {bits.kept_key: self._kept_at_entry[bits.kept_key] & ~(bits.mask & carried)
                | reset & bits.mask & carried
                for bits in self.port.abi.state if bits.register == register}

    def _disable_interrupts(self) -> None:
        """Turn the CPU's interrupt enable (abi.interrupt_enable) off."""
        gate = self.port.abi.interrupt_enable
        raw = self.backend.read_register(gate.register)
        self.backend.write_register(gate.register, raw & ~gate.mask | gate.value)

    def _enter_call_state(self, state) -> None:
        """Set the bits of the abi.call_states entry ``state`` (before the
        arguments and poisons: on a windowed CPU they go to its window)."""
        for reg, mask, value in state.bits:
            raw = self.backend.read_register(reg)
            self.backend.write_register(reg, raw & ~mask | value)

    def _pend(self, source: Source) -> None:
        """Set ``source``'s bit in the port's pending word (priority.pending),
        as its stub does when the priority blocks it."""
        self.backend.write_memory(self._pending_address,
                                  self.word_bytes(self._read_pending() | 1 << source.bit))

    def stack_address(self) -> int:
        """The address the stack pointer stands for now: its value plus
        abi.stack_bias (SPARC V9's 64-bit %sp is 2047 below its frame)."""
        abi = self.port.abi
        return self.backend.read_register(abi.stack_pointer) + abi.stack_bias

    def initial_stack_pointer(self) -> int:
        """The stack address sp stands for at a call (the register holds
        it less abi.stack_bias): 0x100 bytes from the end of the stack the
        callee's pushes move away from (and from abi.frame_pointer's
        frames, the caller's callers', at the end), past the
        ``stack_reserve`` of the caller's frame the callee may use (above
        sp on a downward stack, below it on PA-RISC's upward one), rounded
        away from the caller's frame to a multiple of
        ``abi.call_stack_alignment``; inside ``starting``, the start's
        shift further away."""
        abi = self.port.abi
        align = abi.call_stack_alignment      # the machine's call meets the ABI's alignment
        frames = abi.frame_pointer.frames * abi.window_save_area if abi.frame_pointer else 0
        if abi.stack_grows == "up":
            return (-(-(self.stack_base + 0x100 + abi.stack_reserve) // align) * align
                    + self.start.shift)
        end = self.stack_base + STACK_SIZE - frames
        return (end - 0x100 - abi.stack_reserve) // align * align - self.start.shift

    @contextmanager
    def starting(self, start: CallStart, max_steps: int = DEFAULT_MAX_STEPS,
                 trace: bool = False):
        """Calls inside the block start from ``start``: its earlier calls
        are made first, in order, with no interrupt, each from the state
        the one before left the routine's own data in (own_data_state),
        and every call then starts from theirs (in ``start.world``'s poison
        of what the ABI leaves undefined), its stack address
        ``start.shift`` bytes away, with interrupts disabled where
        ``start.interrupts_off``, ``start.pended``'s bit set in the
        pending word and the CPU in ``start.state`` (abi.call_states);
        ``start.own`` (own_bytes's, as an interrupted call left them) puts
        the routine's own data so before any earlier call.
        Yields the earlier calls' runs
        (``trace``: traced), or None where the earlier calls changed none
        of the routine's own data (the start is then the usual one, or the
        same start without earlier calls).  An earlier call's fault raises
        GuestFault."""
        runs: list[RunResult] = []
        try:
            if start.own:
                self._start_state = self.state_with_own(start.own)
            for symbol, args, priority in start.earlier:
                at = runs[-1].priority_after if priority is None else priority
                runs.append(self.call(symbol, list(args), at, max_steps=max_steps, trace=trace))
                self._start_state = self.own_data_state()
            unchanged = self._start_state is None      # the earlier calls left the own data so
            if unchanged and (start.earlier or (not start.shift and not start.interrupts_off
                                                and not start.state and not start.world
                                                and not start.left and not start.pended_also)):
                # the usual start, or one whose earlier calls add nothing to
                # the start without them (a call state's with no earlier call)
                yield None
            else:
                self.start = start
                yield runs
        finally:
            self.start = CallStart()
            self._start_state = None

    def start_with_own(self, own: bytes) -> None:
        """Inside ``starting``: the next calls start from the routine's own
        data set to ``own`` (own_bytes's string)."""
        self._start_state = self.state_with_own(own)

    def carry_own(self) -> None:
        """Inside ``starting``: the next calls start from the routine's own
        data as the last call left them (own_data_state), as the start's
        earlier calls do."""
        self._start_state = self.own_data_state()

    def own_data_state(self):
        """The loaded state with the bytes of the user's objects (the
        routine's own data: _is_own) and
        the pending word's spare bits (own_bytes) as they are now; None
        where all of them are as loaded."""
        own = []
        for addr, loaded in self.loaded_segments:
            now = self.backend.read_memory(addr, len(loaded))
            if now != loaded:
                own += [(addr + i, bytes(now[i:i + 1])) for i in differing(loaded, now)
                        if self._is_own(addr + i)]
        spare = self._spare_bits()
        if not own and spare == self._loaded_spare():
            return None
        self.backend.restore(self._clean)
        for address, byte in own:
            self.backend.write_memory(address, byte)
        self._set_spare_bits(spare)
        return self.backend.snapshot()

    def own_ranges(self) -> tuple[tuple[int, int], ...]:
        """(address, length) of each run of loaded bytes the user's objects
        take (Image.owned: the routine's own data), and of the others the
        user's code writes (adopt_kernel_bytes), found once."""
        if self._own_ranges is None:
            ranges = []
            for addr, body in self.loaded_segments:
                start = None
                for i in range(len(body) + 1):
                    own = i < len(body) and self._is_own(addr + i)
                    if own and start is None:
                        start = i
                    elif not own and start is not None:
                        ranges.append((addr + start, i - start))
                        start = None
            self._own_ranges = tuple(ranges)
        return self._own_ranges

    def own_data_outside_code(self) -> frozenset[int]:
        """The addresses of the routine's own bytes (own_ranges) that no
        instruction the assembler or compiler recorded a line for covers:
        where a static temporary would live, or padding and tables a call
        never touches (check_routine asks which ones a call touched)."""
        if self._own_outside_code is None:
            code = set()
            for address in self.image.lines:
                try:
                    size, _ = self.backend.disassemble(address)
                except CpuFault:
                    continue
                code.update(range(address, address + size))
            self._own_outside_code = frozenset(
                address for start, length in self.own_ranges()
                for address in range(start, start + length) if address not in code)
        return self._own_outside_code

    def _is_own(self, address: int) -> bool:
        """Is the byte at ``address`` the routine's own data: one of the
        user's objects' (Image.owns: byte_change's test), or one the user's
        code writes (adopt_kernel_bytes)?"""
        return address in self._adopted or self.image.owns(address)

    def adopt_kernel_bytes(self, addresses: frozenset[int]) -> None:
        """Take the kernel data bytes at ``addresses``, which the user's code
        writes (kernelwords.users_kernel_bytes), as the routine's own data
        too: a guard or flag kept in a word the port's files name is state
        the routine carries from call to call as a static of its own is
        (red team 39 F F1), so starts are made from what calls leave there.
        preserves judges them as the kernel's in a call from the data as
        loaded, which must leave them so; in one from own data other calls
        left they are the routine's state, as its statics are (loaded_data)."""
        if addresses <= self._adopted:
            return
        self._adopted = self._adopted | addresses
        self._own_ranges = self._own_outside_code = self._loaded_own = None

    def adopted_words(self) -> tuple[str, ...]:
        """The names of the kernel words adopt_kernel_bytes took, in
        address order."""
        names = []
        for address in sorted(self._adopted):
            name, outside = self._kernel_word(address)
            if outside:     # named by their aligned word where it is outside too
                word = self._kernel_word(address & ~3)
                if word is not None and word[1]:
                    name = word[0]
                name = f"{name} (outside the snippet's objects)"
            else:
                name = name.partition("+")[0]
            if name not in names:
                names.append(name)
        return tuple(names)

    def _kernel_word(self, address: int) -> tuple[str, bool] | None:
        """What the byte at ``address`` is, where it is not one of the
        user's objects' (Image.owns; a static of the user's named as a
        local of the port's, ``processing``, is the user's, red team 40 A
        F1): (the kernel symbol+offset naming it, False), or (the nearest
        symbol, True) for a byte outside every object (past the user's last
        object, ld's fill: another object's in a kernel, red team 42 B F6,
        OUTSIDE); None where it is the user's."""
        if self.image.owns(address):
            return None
        named = self.image.symbol_of(address)
        if named is not None and not self.image.users_nearest(address) \
                and named.partition("+")[0] in self._kernel_symbols():
            return named, False
        return self.image.object_near(address) or "the image", True

    def watch_own(self) -> None:
        """Have the backend note which bytes of the routine's own data
        (own_ranges) guest instructions read or write outside any
        interrupt (Backend.watch_memory: ``backend.own_touched``); nothing
        where the image has no own data."""
        ranges = self.own_ranges()
        if ranges and self.backend._watched != tuple((a, a + n) for a, n in ranges):
            self.backend.watch_memory(ranges)

    def has_own_data(self) -> bool:
        """Has the routine data of its own (own_bytes): own_ranges, or
        spare bits in the port's pending word?"""
        return bool(self.own_ranges() or self._spare_pending)

    def own_offsets(self, addresses: set[int]) -> tuple[int, ...]:
        """The places in own_bytes's string of the bytes at ``addresses``,
        and always those of the pending word's spare bits (only a routine
        that keeps a flag there sets them)."""
        offsets, offset = [], 0
        for addr, length in self.own_ranges():
            offsets += [offset + i for i in range(length) if addr + i in addresses]
            offset += length
        if self._spare_pending:
            offsets += range(offset, offset + 4)
        return tuple(offsets)

    def own_bytes(self) -> bytes:
        """The routine's own data as they are now, one string: the bytes
        of own_ranges, then (on a port with a pending word) its bits no
        source owns, as a word with the others 0: a flag kept there is
        shared between calls as a static is (b"" where there are none:
        then reading costs nothing)."""
        read = self.backend.read_memory
        own = b"".join(bytes(read(addr, length)) for addr, length in self.own_ranges())
        return own + self.word_bytes(self._spare_bits()) if self._spare_pending else own

    def loaded_own_bytes(self) -> bytes:
        """own_bytes as the image was loaded."""
        if self._loaded_own is None:
            self._loaded_own = b"".join(self._loaded_bytes(addr, length)
                                        for addr, length in self.own_ranges())
            if self._spare_pending:
                self._loaded_own += self.word_bytes(self._loaded_spare())
        return self._loaded_own

    def state_with_own(self, own: bytes):
        """The loaded state with the routine's own data set to ``own``
        (own_bytes's string)."""
        self.backend.restore(self._clean)
        offset = 0
        for addr, length in self.own_ranges():
            self.backend.write_memory(addr, own[offset:offset + length])
            offset += length
        if self._spare_pending:
            self._set_spare_bits(int.from_bytes(own[offset:offset + 4], self.port.endian))
        return self.backend.snapshot()

    def spare_bits_of(self, own: bytes) -> int:
        """The pending word's spare bits in ``own`` (own_bytes's string; 0
        where it has none): a call from such a start finds them set by the
        call it runs inside, and may leave them so."""
        if not self._spare_pending or not own:
            return 0
        return int.from_bytes(own[-4:], self.port.endian)

    def _spare_bits(self) -> int:
        """The pending word's bits no source owns, as they are now."""
        return self._read_pending() & self._spare_pending if self._spare_pending else 0

    def _loaded_spare(self) -> int:
        """_spare_bits in the clean state."""
        if not self._spare_pending:
            return 0
        word = self._loaded_bytes(self._pending_address, 4)
        return int.from_bytes(word, self.port.endian) & self._spare_pending

    def _loaded_bytes(self, address: int, length: int) -> bytes:
        """The ``length`` bytes at ``address`` as loaded (loaded_segments);
        zeros where no segment holds them (.bss)."""
        return next((body[address - base:address - base + length]
                     for base, body in self.loaded_segments
                     if base <= address < base + len(body)), bytes(length))

    def _set_spare_bits(self, bits: int) -> None:
        """Give the pending word's spare bits ``bits``, its others kept."""
        if self._spare_pending:
            self.backend.write_memory(self._pending_address, self.word_bytes(
                self._read_pending() & ~self._spare_pending | bits))

    def _set_caller_frame(self, caller_sp: int, arguments: int) -> None:
        """The stack the caller owns: beyond its stack pointer's far side,
        past the ``arguments`` bytes it pushed (the callee's, cdecl) and
        the ``stack_reserve`` the callee may use, to the stack's end; the
        call fills it with the world's frame_pattern (Poisoner.set_frame,
        poison_frame), which must be there again at the return."""
        abi = self.port.abi
        if abi.stack_grows == "up":
            start, end = self.stack_base, caller_sp - arguments - abi.stack_reserve
        else:
            start, end = caller_sp + arguments + abi.stack_reserve, self.stack_base + STACK_SIZE
        self.caller_frame = (start, end)

    def reserve_word_label(self, word) -> str:
        """What a counter-example calls an ``abi.stack_reserve_kept`` word:
        its name, and where it is relative to the stack pointer register
        at the call (``the back chain at 0(r1)``)."""
        abi = self.port.abi
        at = word.offset + abi.stack_bias if abi.stack_grows != "up" else -word.offset - 4
        return (f"{word.name} at {at}({abi.stack_pointer}) (a word of the caller's frame "
                f"the callee must keep)")

    def frame_word_label(self, address: int) -> str:
        """What a counter-example calls the word of the caller's frame at
        ``address`` (Poisoner.frame_words): an ``abi.stack_reserve_kept``
        word by its label, else ``the caller's frame at 8(%esp)
        (0x0020fefc)``: where it is from the stack pointer register at the
        routine's entry, as the port's assembly writes it
        (Backend.memory_operand), and its address."""
        for label, at in self.kept_words:
            if at == address:
                return label
        abi = self.port.abi
        operand = self.backend.memory_operand(abi.stack_pointer,
                                              address - self.entry_stack + abi.stack_bias)
        return f"{CALLER_FRAME} at {operand} (0x{address:08x})"

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

    def running_handlers(self, calls: list) -> tuple[str, ...]:
        """The sources whose handlers are still running among ``calls``
        (call_entered's tuples, innermost last), outermost first, but a
        handler that lowered below its IPL by design and has not raised
        back yet (its ``reenter_lowered_<source>`` word set: the clock's
        at base priority, as NetBSD's hardclock() runs softclock()): what
        its IPL blocks may come in then, as it does in NetBSD."""
        running = (self._handler_calls[call[2]] for call in calls
                   if call[2] in self._handler_calls)
        size = self.backend.register_bits // 8     # as wide as the other re-entry words
        return tuple(name for name in running
                     if name not in self._lowered_words
                     or not any(self.backend.read_memory(self._lowered_words[name], size)))

    def call_entered(self, pc: int) -> tuple[int, int, str, bool]:
        """At the entry of the C function at ``pc``: the call as ``calls``
        lists hold it: (return address, stack pointer once returned, its
        name, whether it returns a value)."""
        name, returns_value = self.function_entries[pc]
        self.poisoner.spill_windows(current=True)
        watch = self.call_return_watch()
        self._check_alignment(pc, name, *watch)
        self._check_entry_state(pc, name, watch[0])
        return (*watch, name, returns_value)

    def _check_entry_state(self, pc: int, name: str, returns_to: int) -> None:
        """A C function entered in a CPU state its compiled code (or an
        exception it takes) cannot run in is a fault: bits of
        ``abi.entry_state`` without their value (a string direction flag
        set, traps disabled), or ``abi.callee_address`` not the entry (the
        register a prologue computes its global pointer from)."""
        abi, backend = self.port.abi, self.backend
        for bits in abi.entry_state:
            held = backend.read_register(bits.register) & bits.mask
            if held != bits.value:
                raise CpuFault(pc, f"{name} entered with {bits.register}&{bits.mask:#x} "
                               f"({bits.name}) = {held:#x}, not {bits.value:#x} "
                               f"(abi.entry_state: {bits.source}); the call returns to "
                               f"0x{returns_to:08x}{self.where(returns_to)}")
        if abi.callee_address is not None:
            held = backend.read_register(abi.callee_address)
            if held != pc:
                raise CpuFault(pc, f"{name} entered with {abi.callee_address} = 0x{held:x}, not "
                               f"its entry address 0x{pc:x} (abi.callee_address: "
                               f"{abi.callee_address_source or abi.source}); the call returns to "
                               f"0x{returns_to:08x}{self.where(returns_to)}")

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

    def call_returned(self, calls: list, pc: int, interrupted: tuple | None = None) -> str | None:
        """The name of the C function of ``calls`` (call_entered's tuples,
        innermost last) that returned at ``pc`` (its return address, with
        the stack pointer its return leaves), else None.  The call (and
        any inside it that never returned) is dropped and what it may
        leave changed is poisoned (``interrupted``: see
        Poisoner.poison_after_call)."""
        for index in range(len(calls) - 1, -1, -1):
            if self.has_returned(calls[index], pc):
                name, returns_value = calls[index][2:]
                del calls[index:]
                self.poisoner.poison_after_call(returns_value, interrupted)
                return name
        return None

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
        Poisoner.foreign_now."""
        if (FOREIGN, None) in names:
            at = names.index((FOREIGN, None))
            rest = self._reader(names[:at] + names[at + 1:])
            foreign_now = self.poisoner.foreign_now

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
        registers, the stack pointer, the CPU state bits (archs/README.md),
        the caller's frame (its bytes as one big-endian number, and each
        ``abi.stack_reserve_kept`` word by its name) and, where the port
        has one, interrupt.enable_register's ``all`` bits (sparc IE_ALLIE:
        left clear, no request of any level is taken after the return).
        Register windows above the current one that hold registers are
        read as a flush would leave them (Backend.flushed_view: stored in
        their save areas, the window counters so): a routine (or an
        interrupt) that spills them gives the same, one that drops them
        (CANRESTORE := 0 with no spill) leaves stale save areas."""
        start, end = self.caller_frame
        values = self.values_of(self._kept_names)
        frame = self.backend.read_memory(start, end - start)
        flushed, stores = self.backend.flushed_view()
        if flushed:        # register windows: their registers, wherever they are
            values = tuple(flushed[reg] & (-1 if mask is None else mask) if reg in flushed
                           else value for (reg, mask), value in zip(self._kept_names, values))
            frame = bytearray(frame)
            overlay(frame, start, stores)
        values = (*values, int.from_bytes(frame, "big"),
                  *(self.read_word(address) for _, address in self.kept_words))
        keys = (*self._kept_keys, CALLER_FRAME, *(key for key, _ in self.kept_words))
        if self._kept_enable is not None:   # interrupt.enable_register's ``all`` bits
            key, address, size, bits = self._kept_enable
            values += (int.from_bytes(self.backend.read_memory(address, size),
                                      self.port.endian) & bits,)
            keys += (key,)
        # equal end states share one dict (read only: judged, never changed)
        return self.interned.by_key(("kept", keys, values), lambda: dict(zip(keys, values)))

    def frame_change(self, before: int, after: int) -> str:
        """Where a routine changed the caller's frame (kept_state's two
        numbers): the first word that differs, by its address."""
        start, end = self.caller_frame
        old, new = (value.to_bytes(end - start, "big") for value in (before, after))
        offset = next(i for i in range(end - start) if old[i] != new[i]) & ~3
        word = lambda data: int.from_bytes(data[offset:offset + 4], self.port.endian)
        text = (f"the caller's frame at 0x{start + offset:08x} (beyond what the callee may use) "
                f"was {word(old):#x} at entry and {word(new):#x} at return")
        size = self.port.abi.window_save_area
        window = next((k for k, frame in enumerate(self.poisoner.window_frames, 1)
                       if frame <= start + offset < frame + size), None)
        if window is not None:
            text += (f": the save area of the register window {window} above the caller's, "
                     f"read with every window above spilled (abi.frame_pointer): that window's "
                     f"registers were lost, neither kept nor stored")
        return text

    def data_change(self) -> str | None:
        """The first byte of the kernel's data (every byte of the image's
        pages no object of the user's takes: the port's snippets' data and
        code, and the bytes outside every object, another object's in a
        kernel) that is not what it was loaded as, outside the priority and
        pending words, with the word from there; None when there is none.
        The user's objects (Image.owned) are its routines' own (and the
        kernel bytes its code writes, in a call from own data: loaded_data)."""
        change = self.data_difference([body for _, body in self.loaded_segments])
        return change and f"{change[0]} was {change[1]:#x} when loaded and {change[2]:#x} at return"

    def loaded_data(self) -> list[bytes]:
        """The loaded segments as they are now, the priority and pending
        words as loaded (theirs to change), and so the adopted kernel bytes
        (adopt_kernel_bytes) in a call that started from own data other
        calls left: their value there is the routine's state, which it may
        change as it changes a static of its own.  What data_difference
        compares."""
        words = [a for a in (self._priority_address, self._pending_address) if a is not None]
        found = []
        for addr, body in self.loaded_segments:
            now = bytearray(self.backend.read_memory(addr, len(body)))
            for w in words:
                if addr <= w and w + 4 <= addr + len(body):
                    now[w - addr:w - addr + 4] = body[w - addr:w - addr + 4]
            for address in self._adopted if self._from_own_data else ():
                if addr <= address < addr + len(body):
                    now[address - addr] = body[address - addr]
            found.append(bytes(now))
        return found

    def data_difference(self, before: list[bytes]) -> tuple[str, int, int] | None:
        """(the word's name and address, its value in ``before``, now) at
        the first byte of the kernel's data (see data_change) that differs
        from ``before`` (loaded_data's segments); None when none does."""
        for (addr, _), old, now in zip(self.loaded_segments, before, self.loaded_data()):
            if now == old:
                continue
            for i in differing(old, now):
                change = self.byte_change(addr, i, old, now)
                if change is not None:
                    return change
        return None

    def byte_change(self, addr: int, i: int, old: bytes, now: bytes
                    ) -> tuple[str, int, int] | None:
        """(the word's name and address, before, now) at byte ``i`` of the
        loaded run at ``addr`` (``old`` and ``now`` its contents); None where
        the byte is one of the user's objects' (see data_change)."""
        word = self._kernel_word(addr + i)
        if word is None:
            return None
        name, outside = word
        was, new = (int.from_bytes(data[i:i + 4], self.port.endian) for data in (old, now))
        where = f"0x{addr + i:08x}, {OUTSIDE}" if outside else f"0x{addr + i:08x}"
        return f"{name} ({where})", was, new

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
               observer, max_steps: int = DEFAULT_MAX_STEPS, active=(), unwritten=(), calls=(),
               asserted=(), pended=(), claims=(), soft_claims=(),
               hardware_claims=()) -> RunResult:
        """Continue a call from a boundary snapshot of an earlier run, with
        that run's interrupts in flight there (``active``), its
        never-written flag bits (``unwritten``: (register, bits) pairs)
        its C function calls not yet returned (``calls``), the requests
        devices still assert after their take (``asserted``, Run.asserted),
        the sources pended since their handler ran (``pended``,
        Run.was_pended) and the replays claimed (``claims``: (source,
        level) pairs, Run.claimed; ``soft_claims`` and ``hardware_claims``,
        Run.soft_claims's and Run.hardware_claims's items), counting steps from ``start_step``;
        synced, with ``observer`` at every boundary."""
        self.backend.restore(snapshot)
        run = Run(self, injections, max_steps + start_step, False, observer)
        given = dict(unwritten)
        run.unwritten = {reg: given.get(reg, 0) for reg in run.unwritten}
        run.steps = start_step
        run.active = list(active)
        run.calls = list(calls)
        run.asserted = list(asserted)
        run.was_pended = set(pended)
        run.claimed = dict(claims)
        run.soft_claims = SoftClaims(soft_claims)
        run.hardware_claims = HardwareClaims(hardware_claims)
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
            kind = NotModelledFault if isinstance(fault, NotModelled) else GuestFault
            raise kind(f"{fault}{self.where(fault.address)}", fault.address,
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
            # no source taken and no handler run (a replay of one pended
            # before the call runs one untaken): the data is the routine's doing
            if not result.of_kind("taken") and not result.of_kind("handler"):
                result.data_changed = self.data_change()
            result.requesting_after = [s.name for s in run.requesting]
            result.own_after = self.own_bytes()
            result.latched_after = [s.name for s in run.held()]
        return result

    def instruction_text(self, address: int) -> str:
        """The disassembly at ``address``, its addresses named by symbols
        ("(the return)" at the sentinel, "(unmapped)" where there is no
        memory)."""
        if address == self.sentinel:
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
        return CpuFault(self.sentinel if address is None else address, why)

    def where(self, address: int) -> str:
        """' (file:line)' for an address of the image (' (symbol+0xN)' where
        the assembler recorded no line), else ''."""
        where = self.image.where(address)
        return f" ({where})" if where else ""


def pended_in(pending_word: int, source: Source) -> bool:
    """Is ``source``'s bit set in ``pending_word`` (the port's software
    pending word; 0 on ports without one)?"""
    return source.bit is not None and bool(pending_word >> source.bit & 1)


def differing(old: bytes, now: bytes, chunk: int = 64):
    """The indices where ``old`` and ``now`` (of one length) differ, in
    order: compared a chunk at a time, each byte only in a chunk that
    differs (a data segment of kilobytes with one counter changed)."""
    for base in range(0, len(old), chunk):
        end = base + chunk
        if old[base:end] != now[base:end]:
            yield from (i for i in range(base, min(end, len(old))) if old[i] != now[i])
