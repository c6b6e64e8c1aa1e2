"""What every unicorn-backed CPU shares: memory, the stepping loop that
drives ``on_boundary``, the block hook that drives ``run_watching``, fault
reporting, snapshots and capstone text.

Unicorn 2.1.4 delivers no interrupt by itself (see
docs/emulators.md): the subclasses do the CPU's interrupt entry by hand, between
two emu_start calls (a PC written inside a hook loses QEMU's lazily computed
condition codes).

One set of hooks lives as long as the backend: adding or deleting a hook
makes unicorn drop its translated code and leaks native memory (~44 KB per
switch).  ``run`` steps one instruction per emu_start (``count=1``); every
emu_start passes an ``until`` no guest reaches (a reachable one is compiled
into the translated blocks and forces retranslation) and a ``count``, so
unicorn counts every executed instruction, in C, wherever it runs.
"""

from __future__ import annotations

import ctypes
import struct
import sys
from typing import NamedTuple

import capstone
from unicorn import (UC_ERR_FETCH_UNMAPPED, UC_ERR_INSN_INVALID, UC_ERR_READ_UNMAPPED,
                     UC_ERR_WRITE_PROT, UC_ERR_WRITE_UNMAPPED, UC_HOOK_BLOCK, UC_HOOK_CODE,
                     UC_HOOK_INTR,
                     UC_HOOK_MEM_READ, UC_HOOK_MEM_UNMAPPED, UC_HOOK_MEM_WRITE,
                     UC_HOOK_MEM_WRITE_PROT, UC_MEM_FETCH_UNMAPPED,
                     UC_MEM_READ_UNMAPPED, UC_MEM_WRITE, UC_PROT_EXEC, UC_PROT_READ, Uc, UcError)

from unicorn.unicorn_py3 import unicorn as _binding

from ..layout import PAGE
from .base import Backend, CpuFault, fault_at

#: Backends keep their private pages (GDT, trampolines) here; the machine's
#: layout stays below it.  The guest may read it (the CPU reads the GDT) but
#: not write it, and runs code there only inside an interrupt entry.
PRIVATE_BASE = 0x00F00000
PRIVATE_SIZE = 0x1000
_NEVER = 0xFFFFFFFF  # an 'until' address no guest reaches


def _private(address: int) -> bool:
    return PRIVATE_BASE <= address < PRIVATE_BASE + PRIVATE_SIZE


class Undecoded(NamedTuple):
    """An instruction capstone does not decode, named by the backend
    (UnicornBackend.undecoded): what the engine asks of a capstone
    instruction without detail."""
    address: int
    size: int
    bytes: bytes
    mnemonic: str
    op_str: str

    def group(self, _group) -> bool:
        return False

    @property
    def groups(self) -> tuple:
        return ()


class _Block:
    """What the block hook needs to know of one translated block, decoded
    once: the first instruction with no meaning in this model (if any), its
    description, how many instructions precede it in the block, the
    block's last instruction, and the last of its instructions that asks
    for a look at the CPU after it (UnicornBackend.look_after), if any."""
    __slots__ = ("unmodelled", "why", "before", "last", "look_after")

    def __init__(self, unmodelled: int | None, why: str, before: int, last: int,
                 look_after: int | None = None):
        self.unmodelled, self.why, self.before = unmodelled, why, before
        self.last = last       # the address of its last instruction (the one that leaves it)
        self.look_after = look_after


def _ends_block(insn) -> bool:
    """Does the capstone instruction transfer control (a jump, call,
    return or interrupt return: the block ends after it)?  An Undecoded
    one never does."""
    return any(insn.group(g) for g in (capstone.CS_GRP_JUMP, capstone.CS_GRP_CALL,
                                       capstone.CS_GRP_RET, capstone.CS_GRP_IRET,
                                       capstone.CS_GRP_INT))


def _overlap(fields: tuple[tuple[str, int], ...], undefined: dict[str, int]) -> bool:
    """Do the (register, bits) ``fields`` share a bit with ``undefined``?"""
    return any(bits & undefined.get(reg, 0) for reg, bits in fields)


class UnicornBackend(Backend):
    """Subclasses set ``arch``, ``mode``, ``cs_arch``, ``cs_mode``,
    ``registers`` {name: UC_*_REG_*}, ``pc_register``, ``unmodelled`` and
    ``entry_length``."""
    reserved = ((PRIVATE_BASE, PRIVATE_SIZE),)

    arch: int
    mode: int
    cs_arch: int
    cs_mode: int
    registers: dict[str, int]
    pc_register: str = "pc"
    never_address: int = _NEVER      # emu_start's `until`: an address no guest reaches
    #: capstone mnemonic -> what the instruction does, for instructions the
    #: model refuses (halt, port I/O, the host's clock, system calls): the
    #: run stops at their address before they execute, NotModelled where
    #: the reason is Unmodelled (no verdict), else a CpuFault (a halt).
    unmodelled: dict[str, str] = {}
    #: ``syntaxes`` -> capstone's CS_OPT_SYNTAX_* for each
    capstone_syntaxes: dict[str, int] = {}
    #: instructions the CPU's interrupt entry runs in the private page
    #: (a trampoline); 0 when the entry is done by register writes alone.
    entry_length: int = 0
    #: how many low bits of a guest address the library's memory keeps
    #: (None: all): its mem_map, mem_read, mem_write and memory hooks take
    #: and give the address so cut, the guest's own accesses too (see
    #: _host_address, _guest_address)
    physical_bits: int | None = None

    def __init__(self, model: str | None = None):
        super().__init__(model)
        self.uc = Uc(self.arch, self.mode)
        self.configure_model()
        self._host_mask = -1 if self.physical_bits is None else (1 << self.physical_bits) - 1
        self.regions: list[tuple[int, int]] = []
        self._hooked: set[tuple[int, int]] = set()     # watch_memory's ranges with a hook
        self._disasm = capstone.Cs(self.cs_arch, self.cs_mode)   # decoding: capstone's mnemonics
        self._text = capstone.Cs(self.cs_arch, self.cs_mode)     # traces: in the port's syntax
        if self.syntaxes:
            self.use_syntax(self.syntaxes[0])
        self._reg_buffers: dict[int, tuple] = {}      # reg -> (value buffer, its reference)
        self._wide: dict[int, ctypes.Array] = {}      # reg -> raw buffer (_wide_buffer)
        self._uch = self.uc._uch
        self._reg_read, self._reg_write = _binding.uclib.uc_reg_read, _binding.uclib.uc_reg_write
        #: decoded blocks by start address << 16 | size (unicorn translates
        #: blocks of different lengths at one address: a step's, a run's)
        self._blocks: dict[int, _Block] = {}
        #: decoded instructions by address: (the next one's address, why it
        #: has no meaning in this model or None); a step's block is the rest
        #: of a longer one, so each instruction is disassembled once, not once
        #: per step through it (quadratic in a long straight run)
        self._insns: dict[int, tuple[int, str | None]] = {}
        #: the addresses of decoded instructions ``look_after`` asks about
        #: (dropped with ``_insns``), and the one the next block start looks
        #: after (None: no look due); by the address after each of the
        #: image's, the one a code hook there looks after (image_loaded)
        self._looked: set[int] = set()
        self._look_due: int | None = None
        self._looked_before: dict[int, int] = {}
        #: written_flags by address, decoded once (dropped with ``_insns``)
        #: address -> (written_flags, undefined_flags, flag_reads,
        #: flag_undefined_if) of its instruction
        self._flag_writes: dict[int, tuple[tuple, tuple, tuple, tuple]] = {}
        self._detail: capstone.Cs | None = None     # decoding with operands, for flag_writes
        #: region index -> one byte per region byte, 1 where a decoded block lies
        self._code_maps: dict[int, bytearray] = {}
        self._region_buffers: dict[int, ctypes.Array] = {}   # restore's reads of code regions
        self._fault: Exception | None = None
        self._stopped = False                    # the watcher ended the run
        self._stepping = False
        self._entering = 0       # private-page instructions the interrupt entry may still run
        self._prefix_of: int | None = None       # a block to run only up to its unmodelled insn
        self._left_from: int | None = None       # the last instruction of the last guest block
        self._on_address = None
        self._watch: set[int] = set()
        #: while a subclass expects it (MIPS: the instruction after a load),
        #: a callable given the next block's start before the block runs;
        #: False stops the run with the fault it put in ``_fault``
        self._block_check = None
        #: while a subclass expects it (MIPS: an emulated CP0 access to
        #: finish), a callable run at the next block start, first of all
        #: (before the watcher reads any register), with no argument
        self._block_fixup = None
        #: left_undefined's bookkeeping in a run (see _plan_undefined):
        #: fields to give it at the next block start, or (address, fields)
        #: to give it at a flag reader inside the current block
        self._undefined_due: tuple = ()
        self._undefined_cut: tuple | None = None
        self._undefined_plans: dict[int, tuple] = {}   # block key -> (reader | None, fields)
        self._retranslated: int | None = None   # a block to run again with a new reader hook
        #: (address, fields, watched): run_watching poisons, then resumes
        #: there (flags_written_in_hooks False); the address a resumed run
        #: starts at, whose block start the watcher saw already
        self._resume: tuple | None = None
        self._resumed_at: int | None = None
        #: the instructions hooked as flag readers (image_loaded); None where
        #: undefined_flags is always empty (nothing to plan)
        self._flag_readers: set[int] | None = (
            None if type(self).flag_undefined is UnicornBackend.flag_undefined
            and type(self).flag_undefined_if is UnicornBackend.flag_undefined_if else set())
        #: address -> the capstone instruction whose flag_undefined_if
        #: depends on its operands, and whether the condition held when it
        #: last ran (undefined_condition, in a code hook before it runs)
        self._conditional: dict[int, object] = {}
        self._condition_held: dict[int, object] = {}   # undefined_condition's answers
        self.uc.hook_add(UC_HOOK_MEM_UNMAPPED, self._on_unmapped)
        self.uc.hook_add(UC_HOOK_MEM_WRITE_PROT, self._on_write_protected)
        self.uc.hook_add(UC_HOOK_INTR, self._on_cpu_exception)
        self._block_hook = self._hook_blocks()
        self._small = ctypes.create_string_buffer(16)   # reads of a word or two
        self._read_only: dict[int, str] = {}     # page address -> what it is (protect_memory)
        self.uc.mem_map(PRIVATE_BASE, PRIVATE_SIZE, UC_PROT_READ | UC_PROT_EXEC)
        self.setup_private(PRIVATE_BASE)

    # -- hooks the subclasses fill in ------------------------------------------
    def configure_model(self) -> None:
        """Choose the CPU model (must happen before the first mem_map)."""

    def setup_private(self, base: int) -> None:
        """Write descriptor tables or trampolines into the private page."""

    def cpu_exception(self, intno: int) -> CpuFault | None:
        """Handle a CPU exception unicorn raised; None means handled."""
        return CpuFault(self.pc, f"CPU exception {intno}")

    # -- memory ---------------------------------------------------------------
    def _host_address(self, address: int) -> int:
        """A guest address as the library's memory API takes it."""
        return address & self._host_mask

    def _guest_address(self, host: int) -> int:
        """The guest address the library's memory hooks mean by ``host``:
        the canonical one, its top bit repeated above ``physical_bits``
        (an address outside every mapping is named as it is)."""
        if self.physical_bits is None or not host >> (self.physical_bits - 1) & 1:
            return host
        return host | ~self._host_mask & (1 << 64) - 1

    def map_memory(self, address: int, size: int) -> None:
        self.uc.mem_map(self._host_address(address), size)
        self.regions.append((address, size))

    def protect_memory(self, address: int, size: int, what: str) -> None:
        """Backend.protect_memory: the pages lose write permission (the
        library's own writes, mem_write, still write them)."""
        self.uc.mem_protect(self._host_address(address), size, UC_PROT_READ | UC_PROT_EXEC)
        for page in range(address, address + size, PAGE):
            self._read_only[page] = what

    def write_memory(self, address: int, data: bytes) -> None:
        self.uc.mem_write(self._host_address(address), bytes(data))

    def watch_memory(self, ranges: tuple[tuple[int, int], ...]) -> None:
        """Backend.watch_memory: a read and write hook on each range not
        hooked yet (the library calls it for guest accesses only, not for
        mem_write); _on_watched notes only what the ranges now cover."""
        super().watch_memory(ranges)
        for lo, hi in self._watched:
            if (lo, hi) not in self._hooked:
                self.uc.hook_add(UC_HOOK_MEM_READ | UC_HOOK_MEM_WRITE, self._on_watched,
                                 None, self._host_address(lo), self._host_address(hi - 1))
                self._hooked.add((lo, hi))

    def _on_watched(self, uc, access, address, size, value, data) -> None:
        if self.own_top:
            self._note_access(self._guest_address(address), size, access == UC_MEM_WRITE)

    def read_memory(self, address: int, size: int) -> bytes:
        """Small reads (the priority word, the pending word) go straight to
        the library into one buffer: the binding allocates one per call."""
        host = address & self._host_mask
        if size <= len(self._small) and \
                _binding.uclib.uc_mem_read(self.uc._uch, host, self._small, size) == 0:
            return self._small.raw[:size]
        try:
            return bytes(self.uc.mem_read(host, size))
        except UcError:
            raise CpuFault(address, f"unmapped read of 0x{address:08x}") from None

    # -- registers ------------------------------------------------------------
    def read_register(self, name: str) -> int:
        return self.read(self.registers[name])

    def read(self, reg: int) -> int:
        """reg_read straight from the library into one buffer per register,
        without the binding's per-call type lookup and allocation (reads
        dominate short case runs).  Uses unicorn 2.1.4's binding internals,
        pinned in pyproject.toml."""
        slot = self._reg_buffers.get(reg)
        if slot is None:
            slot = None if reg in self._wide else self._buffer(reg)
        if slot is None:
            return self._read_wide(reg)
        if self._reg_read(self._uch, reg, slot[1]):
            return self.uc.reg_read(reg)     # the binding's error
        return slot[0].value

    def _wide_buffer(self, reg: int) -> ctypes.Array:
        """The raw buffer of a register wider than a plain C integer (the
        binding's structure for it: x86 XMM, an x87 register's mantissa and
        exponent), which read and write pass as one little number."""
        buffer = self._wide.get(reg)
        if buffer is None:
            buffer = self._wide[reg] = ctypes.create_string_buffer(
                ctypes.sizeof(self.uc._select_reg_class(reg)))
        return buffer

    def _read_wide(self, reg: int) -> int:
        """A wide register as one integer, its structure's bytes in host
        order (an x87 register: exponent << 64 | mantissa)."""
        buffer = self._wide_buffer(reg)
        if self._reg_read(self._uch, reg, buffer):
            return self.uc.reg_read(reg)     # raises the binding's error
        return int.from_bytes(buffer.raw, sys.byteorder)

    def _write_wide(self, reg: int, value: int) -> None:
        buffer = self._wide_buffer(reg)
        ctypes.memmove(buffer, value.to_bytes(len(buffer), sys.byteorder), len(buffer))
        if self._reg_write(self._uch, reg, buffer):
            self.uc.reg_write(reg, value)    # raises the binding's error

    #: register names a subclass's read_register reads its own way
    own_reads: frozenset = frozenset()

    def register_reader(self, names):
        """One uc_reg_read_batch for the plain registers among ``names``
        (a C integer each, read by UnicornBackend.read_register); the others
        (wider ones, and those a subclass reads its own way) one by one."""
        names = tuple(names)
        batched = [i for i, name in enumerate(names)
                   if name in self.registers and name not in self.own_reads
                   and self._buffer(self.registers[name]) is not None]
        if len(batched) < 2:
            return super().register_reader(names)
        count = len(batched)
        ids = (ctypes.c_int * count)(*(self.registers[names[i]] for i in batched))
        # one 8-byte slot per register; each holds its register's C size
        # (the binding's class for it) at the slot's low-order end, which
        # one struct format unpacks for all of them at once
        slots = (ctypes.c_uint64 * count)()
        base = ctypes.addressof(slots)
        pointers = (ctypes.c_void_p * count)(*(base + 8 * k for k in range(count)))
        sizes = [ctypes.sizeof(self._reg_buffers[self.registers[names[i]]][0]) for i in batched]
        code = {1: "B", 2: "H", 4: "I", 8: "Q"}
        little = sys.byteorder == "little"
        layout = struct.Struct(("<" if little else ">") + "".join(
            code[size] + "x" * (8 - size) if little else "x" * (8 - size) + code[size]
            for size in sizes))
        in_batch = set(batched)
        rest = [(i, name) for i, name in enumerate(names) if i not in in_batch]
        read_batch, handle, read = _binding.uclib.uc_reg_read_batch, self._uch, self.read_register
        unpack = layout.unpack

        def read_all() -> tuple[int, ...]:
            if read_batch(handle, ids, pointers, count):
                return tuple(read(name) for name in names)
            if not rest:
                return unpack(slots)
            values = list(unpack(slots))
            for i, name in rest:
                values.insert(i, read(name))
            return tuple(values)
        return read_all

    def raw_reader(self, names) -> tuple:
        """One uc_reg_read_batch into one buffer, each register at its own
        offset with the size of the binding's structure or integer for
        it (the library writes the register's bytes, host order)."""
        names = tuple(names)
        if not names or any(name in self.own_reads for name in names):
            return super().raw_reader(names)
        layout, offset = [], 0
        for name in names:
            size = ctypes.sizeof(self.uc._select_reg_class(self.registers[name]))
            layout.append((name, offset, size))
            offset += size
        buffer = ctypes.create_string_buffer(offset)
        base = ctypes.addressof(buffer)
        count = len(names)
        ids = (ctypes.c_int * count)(*(self.registers[name] for name in names))
        pointers = (ctypes.c_void_p * count)(*(base + at for _, at, _ in layout))
        read_batch, handle, read_one = _binding.uclib.uc_reg_read_batch, self._uch, self.read_register

        def read() -> bytes:
            if read_batch(handle, ids, pointers, count):     # one by one, the same layout
                return b"".join(read_one(name).to_bytes(size, sys.byteorder)
                                for name, _, size in layout)
            return buffer.raw
        return read, tuple(layout)

    def fixed_writer(self, values):
        """One uc_reg_write_batch from buffers filled once (the library
        writes them in order), then, where they all come after the others,
        the registers a subclass writes its own way (``own_writes``), in
        their order; else one by one."""
        values = tuple(values)
        own = self.own_writes
        if own is None and type(self).write_register is not UnicornBackend.write_register:
            own = frozenset(name for name, _ in values)      # a subclass's own, not said which
        own = own or frozenset()
        plain = next((i for i, (name, _) in enumerate(values) if name in own), len(values))
        theirs = values[plain:]
        if plain < 2 or any(name not in own for name, _ in theirs):
            return super().fixed_writer(values)
        values = values[:plain]
        write_theirs = super().fixed_writer(theirs) if theirs else None
        buffers = []
        for name, value in values:
            size = ctypes.sizeof(self.uc._select_reg_class(self.registers[name]))
            buffers.append(ctypes.create_string_buffer(
                (value & (1 << 8 * size) - 1).to_bytes(size, sys.byteorder), size))
        count = len(values)
        ids = (ctypes.c_int * count)(*(self.registers[name] for name, _ in values))
        pointers = (ctypes.c_void_p * count)(*(ctypes.addressof(b) for b in buffers))
        write_batch, handle, one_by_one = _binding.uclib.uc_reg_write_batch, self._uch, \
            super().fixed_writer(values)

        def write() -> None:
            if write_batch(handle, ids, pointers, count):
                one_by_one()                 # raises the binding's error
            if write_theirs is not None:
                write_theirs()
        write.buffers = buffers              # kept alive with the function
        return write

    #: register names a subclass's write_register writes its own way (None:
    #: all, where it overrides write_register; fixed_writer writes them one by one)
    own_writes: frozenset | None = None

    def _buffer(self, reg: int) -> tuple | None:
        """The register's value buffer and a reference to it (None for
        registers wider than a plain C integer, e.g. descriptor tables)."""
        kind = self.uc._select_reg_class(reg)
        if not issubclass(kind, ctypes._SimpleCData):
            return None
        buffer = kind()
        slot = self._reg_buffers[reg] = (buffer, ctypes.byref(buffer))
        return slot

    def write(self, reg: int, value: int) -> None:
        """reg_write by the same short path as ``read``."""
        slot = self._reg_buffers.get(reg)
        if slot is None:
            slot = None if reg in self._wide else self._buffer(reg)
        if slot is None:
            self._write_wide(reg, value)
            return
        slot[0].value = value
        if self._reg_write(self._uch, reg, slot[1]):
            self.uc.reg_write(reg, value)    # raises the binding's error

    def write_register(self, name: str, value: int) -> None:
        self.write(self.registers[name], value)

    @property
    def pc(self) -> int:
        return self.read(self.registers[self.pc_register])

    # -- execution ------------------------------------------------------------
    def run(self, on_boundary, synced: bool = False) -> None:
        """One emu_start per instruction: the callback always runs with the
        CPU stopped and its state (flags included) flushed, so every run is
        synced.  The interrupt entry's private instructions run in one go
        and are no boundary of the guest.  What an earlier run left due
        (left_undefined's bookkeeping, a run that faulted) is dropped."""
        self._stepping = True
        self._undefined_due, self._undefined_cut = (), None
        previous = None
        try:
            while True:
                pc = self.pc
                if _private(pc):
                    self._run_entry(pc, previous)
                    continue
                if not on_boundary(pc):
                    return
                previous = pc
                if self.pc == pc:      # else the callback took an interrupt: the stub's
                    self._start(pc, 1)  # entry is the next boundary
        finally:
            self._stepping = False

    def _run_entry(self, pc: int, previous: int | None) -> None:
        if not self._entering:
            raise _private_jump(pc, previous)
        self._start(pc, self._entering)
        self._entering = 0
        if _private(self.pc):
            raise CpuFault(self.pc, "interrupt entry did not reach the stub")

    def run_watching(self, on_address, watch, max_transfers) -> None:
        """The block hook calls ``on_address`` at watched block starts;
        unicorn counts every instruction (interrupt entry included) and
        ``max_transfers`` bounds that count, which bounds the transfers too
        (and the runs resumed after left_undefined's poison:
        _poison_between)."""
        self._watch, self._on_address = watch, on_address
        self._undefined_due, self._undefined_cut, self._retranslated = (), None, None
        self._resume, self._resumed_at = None, None
        try:
            self._start(self.pc, max_transfers)
            resumed = 0
            while self._resume is not None:
                address, fields, watched = self._resume
                self._resume = None
                resumed += 1
                if resumed > max_transfers:
                    break
                if fields:
                    self.left_undefined(fields)
                self._resumed_at = None if watched else address
                self._start(address, max_transfers)
        finally:
            self._on_address = None
        if not self._stopped:
            raise RuntimeError(f"no return after {max_transfers} instructions, "
                               f"last pc 0x{self.pc:08x}")

    def enter_private(self, address: int) -> None:
        """Continue at ``address`` in the private page: the CPU's interrupt
        entry, ``entry_length`` instructions ending at the stub."""
        self._entering = self.entry_length
        self.redirect(address)

    def redirect(self, address: int) -> None:
        """Continue at ``address`` (the machine calls this between steps)."""
        self.write(self.registers[self.pc_register], address)

    def _start(self, pc: int, count: int) -> None:
        self._fault = None
        self._stopped = False
        self._left_from = None
        status = _binding.uclib.uc_emu_start(self.uc._uch, pc, self.never_address, 0, count)
        raised, self.uc._hook_exception = self.uc._hook_exception, None  # the binding's hooks'
        if raised is not None:
            raise raised
        if status:
            raise self._fault or CpuFault(self.pc, _describe(status)) from None
        fault = self._fault
        if fault is not None:
            if isinstance(fault, _Refused):
                if fault.before:
                    self._run_prefix(fault)
                raise fault_at(fault.address, fault.why)
            raise fault

    def _run_prefix(self, fault: "_Refused") -> None:
        """Execute the instructions before an unmodelled one in its block, so
        that an earlier fault in the block is the one reported."""
        self._prefix_of = self.pc
        try:
            self._start(self.pc, fault.before)
        finally:
            self._prefix_of = None

    def _hook_blocks(self) -> int:
        """The block hook, the most frequent callback of a case run, as one
        Python function registered with the library directly (the binding's
        wrapper adds two calls per block).  Before a block runs it: refuses
        the private page outside an interrupt entry, calls the watcher at
        watched addresses, and faults at an unmodelled instruction (in a
        step, only when it is the one about to run).  Like the binding's
        wrapper, an exception stops the emulation and _start raises it."""
        uc, blocks, decode = self.uc, self._blocks, self._decode
        stop = uc.emu_stop
        private_end = PRIVATE_BASE + PRIVATE_SIZE

        def on_block(handle, address, size, user_data):
            try:
                if address == self._retranslated:     # the same block once more: only its plan
                    self._retranslated = None
                    self._plan_undefined(address << 16 | size)
                    return
                if self._block_fixup is not None:
                    self._block_fixup()
                if self._look_due is not None:
                    after, self._look_due = self._look_due, None
                    self.look_at_cpu(after)
                if PRIVATE_BASE <= address < private_end:
                    if not self._entering:
                        self._fault = _private_jump(address, self._left_from)
                        stop()
                    return
                self._entering = 0
                if self._undefined_due:        # before the watcher reads any register
                    due, self._undefined_due = self._settled(self._undefined_due), ()
                    if due:
                        if not self.flags_written_in_hooks:
                            self._poison_between(address, due, watched=True)
                            return
                        self.left_undefined(due)
                if address == self._resumed_at:   # resumed after a cut: seen already
                    self._resumed_at = None
                elif self._on_address is not None and address in self._watch \
                        and not self._on_address(address):
                    self._stopped = True
                    stop()
                    return
                check = self._block_check
                if check is not None and not check(address):
                    stop()
                    return
                key = address << 16 | size
                block = blocks.get(key)
                if block is None:
                    block = blocks[key] = decode(address, size)
                if block.look_after is not None:       # a step runs the block's first alone
                    self._look_due = block.look_after if not self._stepping else \
                        address if address in self._looked else None
                if block.unmodelled is not None and address != self._prefix_of \
                        and (block.unmodelled == address or not self._stepping):
                    self._fault = _Refused(block.unmodelled, block.why, block.before)
                    stop()
                self._left_from = block.last
                if self.code_log is not None:
                    self.code_log.add(address)
                if self.left_undefined is not None and self._flag_readers is not None:
                    self._plan_undefined(key)
            except BaseException as exc:   # noqa: B902 - handed to _start
                self._fault = exc
                stop()
        callback = _binding.HOOK_CODE_CFUNC(on_block)
        handle = _binding.uc_hook_h()
        status = _binding.uclib.uc_hook_add(uc._uch, ctypes.byref(handle), UC_HOOK_BLOCK, callback,
                                            None, ctypes.c_uint64(1), ctypes.c_uint64(0))
        if status:
            raise UcError(status)
        uc._callbacks[handle.value] = callback    # kept alive, deleted by hook_del
        return handle.value

    def _decode(self, address: int, size: int) -> _Block:
        """Look once at a block the CPU is about to run: note its region as
        holding code (restore then rewrites only data there) and find its
        first instruction with no meaning in this model."""
        for index, (base, length) in enumerate(self.regions):
            if base <= address < base + length:
                code_map = self._code_maps.setdefault(index, bytearray(length))
                code_map[address - base:address - base + size] = b"\x01" * size
        insns, end, looked = self._insns, address + size, self._looked
        at, last, before, look = address, address, 0, None
        while at < end:
            entry = insns.get(at)
            if entry is None:
                self._disassemble_run(at, end)
                entry = insns.get(at)
                if entry is None:            # no instruction decodes here
                    break
            following, why = entry
            if why is not None:
                return _Block(at, why, before, at, look)
            if at in looked:
                look = at
            last, before, at = at, before + 1, following
        return _Block(None, "", 0, last, look)

    def _disassemble_run(self, start: int, end: int) -> None:
        """Decode the instructions from ``start`` up to ``end`` (or the first
        bytes that decode to none) into ``_insns``."""
        try:
            code = bytes(self.uc.mem_read(self._host_address(start), end - start))
        except UcError:     # a block hook before the fetch fault (mips): none here
            return
        for insn in self._instructions(self._disasm, code, start):
            why = self.unmodelled_reason(insn)
            if why is not None:    # the same kind of reason (Unmodelled or not), named
                why = type(why)(f"{self.disassemble(insn.address)[1]}: {why}")
            self._insns[insn.address] = (insn.address + insn.size, why)
            if self.look_after(insn):
                self._looked.add(insn.address)

    def _instructions(self, decoder: capstone.Cs, code: bytes, address: int):
        """The instructions of ``code`` at ``address``: capstone's
        (``decoder``'s), and where it decodes none the backend's own
        (undecoded), until neither does."""
        offset = 0
        while offset < len(code):
            last = None
            for insn in decoder.disasm(code[offset:], address + offset):
                yield insn
                last = insn
            if last is not None:
                offset = last.address + last.size - address
            own = self.undecoded(code[offset:], address + offset)
            if own is None:
                return
            yield own
            offset += own.size

    def undecoded(self, code: bytes, address: int) -> Undecoded | None:
        """The instruction at the start of ``code`` (at ``address``) that
        capstone does not decode, named by the backend; None: not an
        instruction it knows (this default)."""
        return None

    def unmodelled_reason(self, insn) -> str | None:
        """Why the model refuses the capstone instruction ``insn``
        (``unmodelled``, by mnemonic: an Unmodelled reason where the CPU
        runs it and the model cannot, a plain one where the CPU itself
        would refuse it or leave it undefined), or None."""
        name = insn.mnemonic.split()[-1]     # "rep insb" -> "insb"
        return self.unmodelled.get(name) or self.unmodelled.get(name.split(".")[0])

    def look_after(self, insn) -> bool:
        """Does the capstone instruction ``insn`` change CPU state that
        ``look_at_cpu`` must see before the next instruction (m68k: a write
        of SR, whose trace bits the emulator ignores)?  This default: no."""
        return False

    def look_at_cpu(self, after: int) -> None:
        """Before the instruction after the one at ``after`` that
        ``look_after`` names (a code hook on it, image_loaded), and at the
        start of the block after one that ran such an instruction: raise a
        CpuFault (at ``after``: what made the state) for a state the CPU
        would trap on.  This default: nothing."""

    def written_flags(self, address: int) -> tuple[tuple[str, int], ...]:
        """Decoded once per address (capstone with operand detail) and
        answered by ``flag_writes``; every tracked flag where no
        instruction decodes."""
        return self._flag_effects(address)[0]

    def undefined_flags(self, address: int) -> tuple[tuple[str, int], ...]:
        """Decoded with written_flags and answered by ``flag_undefined``,
        and by ``flag_undefined_if`` when its condition held as the
        instruction ran (asked right after it ran)."""
        effects = self._flag_effects(address)
        if not effects[3]:
            return effects[1]
        held = self._condition_held.get(address, True)
        return effects[1] + (effects[3] if held is True else tuple(held or ()))

    def _flag_effects(self, address: int) -> tuple[tuple, tuple, tuple, tuple]:
        known = self._flag_writes.get(address)
        if known is not None:
            return known
        try:
            code = self.read_memory(address, 16)
        except CpuFault:
            code = b""
        insn = next(self._instructions(self._detail_decoder(), code, address), None)
        every = tuple((reg, self.flag_mask(reg)) for reg in self.flag_bits)
        known = self._flag_writes[address] = (
            (every, (), every, ()) if insn is None else
            (self.flag_writes(insn), self.flag_undefined(insn), self.flag_reads(insn),
             self.flag_undefined_if(insn)))
        return known

    def _detail_decoder(self) -> capstone.Cs:
        """capstone with operand detail (made once)."""
        if self._detail is None:
            self._detail = capstone.Cs(self.cs_arch, self.cs_mode)
            self._detail.detail = True
        return self._detail

    def flag_writes(self, insn) -> tuple[tuple[str, int], ...]:
        """(register, bits) of ``flag_bits`` the capstone instruction
        ``insn`` may write; a backend with ``flag_bits`` implements it."""
        raise NotImplementedError

    def flag_undefined(self, insn) -> tuple[tuple[str, int], ...]:
        """(register, bits) of ``flag_bits`` the capstone instruction
        ``insn`` leaves undefined; this default: none."""
        return ()

    def flag_undefined_if(self, insn) -> tuple[tuple[str, int], ...]:
        """(register, bits) the capstone instruction ``insn`` leaves
        undefined only for some operands, when ``undefined_condition``
        holds (a divide's overflow): bits of ``flag_bits``, or of any other
        register (a divide's result: poisoned before the next instruction
        runs, _untracked); this default: none."""
        return ()

    def undefined_condition(self, insn) -> "bool | tuple[tuple[str, int], ...]":
        """Whether ``insn``, about to run (asked in a code hook on it, the
        registers and memory as it will read them), leaves its
        flag_undefined_if bits undefined: True (all of them), False (none),
        or the (register, bits) among them it does leave undefined (an x86
        shift by CL: which depends on the count); a backend with
        flag_undefined_if implements it, True where it cannot tell (never a
        false "defined"); CpuFault: operands the emulator cannot run (the
        run stops before the instruction with it)."""
        return True

    # -- flags an instruction leaves undefined, in a case's run ----------------
    def flag_reads(self, insn) -> tuple[tuple[str, int], ...]:
        """(register, bits) of ``flag_bits`` the capstone instruction
        ``insn`` may read; this default: all of them (only asked where an
        instruction before it left some undefined)."""
        return tuple((reg, self.flag_mask(reg)) for reg in self.flag_bits)

    def image_loaded(self, segments):
        """Where undefined_flags is ever non-empty: hook every instruction
        that may read flags an instruction before it, in straight line,
        left undefined (left_undefined's poison must be in the CPU before
        it runs, and a block can only be cut by a code hook put there
        before the block is translated: docs/emulators.md).  A linear sweep
        of the image; a reader it missed (data among the code) is hooked
        when a run first meets it (_plan_undefined)."""
        looks = type(self).look_after is not UnicornBackend.look_after
        if self._flag_readers is None and not looks:
            return
        found: dict[int, object] = {}
        for address, body in segments:
            at = address
            while at < address + len(body):
                decoded = list(self._instructions(self._detail_decoder(), body[at - address:], at))
                for insn in decoded:
                    found[insn.address] = insn
                at = decoded[-1].address + decoded[-1].size + 1 if decoded else at + 1
        if looks:
            # look_after's instruction may be inside a block (an ORI to SR
            # does not end QEMU's): a code hook on the next instruction
            # looks before it runs (the block start after covers code the
            # sweep missed, where the state lasts to the block's end)
            for insn in found.values():
                if self.look_after(insn):
                    self._looked_before[insn.address + insn.size] = insn.address
                    self.uc.hook_add(UC_HOOK_CODE, self._on_looked, None,
                                     insn.address + insn.size, insn.address + insn.size)
        if self._flag_readers is None:
            return
        for insn in found.values():
            undefined = dict(self.flag_undefined(insn))
            conditional = self.flag_undefined_if(insn)
            if conditional:
                self._hook_condition(insn)
                for reg, bits in conditional:
                    undefined[reg] = undefined.get(reg, 0) | bits
            at = insn.address + insn.size
            while any(undefined.values()) and at in found:
                after = found[at]
                if _overlap(self.flag_reads(after), undefined) \
                        or self._untracked(undefined.items()):
                    self._flag_readers.add(at)
                    break
                if _ends_block(after):
                    break
                for reg, bits in self.flag_writes(after):
                    if reg in undefined:
                        undefined[reg] &= ~bits
                at += after.size
        for address in sorted(self._flag_readers):
            self._hook_flag_reader(address)

    def _untracked(self, fields) -> bool:
        """Whether the (register, bits) ``fields`` left undefined have bits
        of a register outside ``flag_bits`` (a divide's rD, PEM ch. 8 divw):
        no table says which instruction reads it, so the next one counts as
        its reader (it gets its poison before that one runs)."""
        return any(bits for reg, bits in fields if reg not in self.flag_bits)

    def _hook_condition(self, insn) -> None:
        """Ask undefined_condition each time ``insn`` is about to run; an
        instruction the sweep missed is never asked: its condition counts
        as held."""
        self._conditional[insn.address] = insn
        self.uc.hook_add(UC_HOOK_CODE, self._on_condition, None, insn.address, insn.address)

    def _on_condition(self, uc, address, size, _):
        try:
            self._condition_held[address] = self.undefined_condition(self._conditional[address])
        except CpuFault as fault:           # operands the emulator cannot run: stop before it
            self._fault = fault
            uc.emu_stop()
            self.redirect(address)
        except BaseException as exc:   # noqa: B902 - handed to _start
            self._fault = exc
            uc.emu_stop()

    def _settled(self, fields: tuple) -> tuple[tuple[str, int], ...]:
        """A plan's (register, bits, conditional instruction or None) as
        the (register, bits) left undefined: a conditional one's only as
        far as its instruction's condition held (it ran in this block)."""
        settled = []
        for reg, bits, at in fields:
            held = True if at is None else self._condition_held.get(at, True)
            if held is not True:
                kept = 0
                for name, some in held or ():
                    if name == reg:
                        kept |= some
                bits &= kept
            if bits:
                settled.append((reg, bits))
        return tuple(settled)

    def _hook_flag_reader(self, address: int) -> None:
        self._flag_readers.add(address)
        self.uc.hook_add(UC_HOOK_CODE, self._on_flag_reader, None, address, address)

    def _plan_undefined(self, key: int) -> None:
        """At a block start in a run with left_undefined (the block before
        gave it what it left undefined): find, once per block, the first
        instruction that may read flags left undefined earlier in this
        block (the block is cut there: _on_flag_reader) or else what the
        block leaves undefined at its end (given at the next block start)."""
        self._undefined_cut = None
        plan = self._undefined_plans.get(key)
        if plan is None:
            start = key >> 16
            plan = self._undefined_plans[key] = self._undefined_plan(start, start + (key & 0xFFFF))
        reader, fields = plan
        if reader is None:
            self._undefined_due = fields
        elif reader in self._flag_readers:
            self._undefined_cut = (reader, fields)
        else:
            # a reader image_loaded's sweep did not see (bytes in the code
            # it decoded otherwise): hook it now and run the block again,
            # translated with the hook (docs/emulators.md)
            self._hook_flag_reader(reader)
            start = key >> 16
            self.uc.ctl_remove_cache(start, start + (key & 0xFFFF))
            self._retranslated = start
            self.redirect(start)

    def _undefined_plan(self, start: int, end: int) -> tuple:
        """(the first instruction reading a flag left undefined earlier in
        the block or None, the (register, bits, conditional instruction or
        None) left undefined before it or at the block's end)."""
        undefined: dict[tuple[str, int | None], int] = {}

        def fields():
            return tuple((reg, bits, where) for (reg, where), bits in undefined.items() if bits)
        at = start
        while at < end:
            entry = self._insns.get(at)          # decoded by _decode
            if entry is None:
                break
            written, left, reads, left_if = self._flag_effects(at)
            if at != start and (any(bits & undefined_bits for reg, bits in reads
                                    for (name, _), undefined_bits in undefined.items()
                                    if name == reg)
                                or self._untracked((name, bits) for (name, _), bits
                                                   in undefined.items())):
                return at, fields()
            for reg, bits in written:
                for key in undefined:
                    if key[0] == reg:
                        undefined[key] &= ~bits
            for reg, bits in left:
                undefined[reg, None] = undefined.get((reg, None), 0) | bits
            for reg, bits in left_if:
                undefined[reg, at] = undefined.get((reg, at), 0) | bits
            at = entry[0]
        return None, fields()

    def _on_looked(self, uc, address, size, _):
        try:
            self.look_at_cpu(self._looked_before[address])
        except BaseException as exc:   # noqa: B902 - handed to _start
            self._fault = exc
            uc.emu_stop()

    def _on_flag_reader(self, uc, address, size, _):
        cut = self._undefined_cut
        if cut is None or cut[0] != address or self.left_undefined is None:
            return
        self._undefined_cut = None
        try:
            fields = self._settled(cut[1])
            if not self.flags_written_in_hooks:
                self._poison_between(address, fields, watched=False)
                return
            self.left_undefined(fields)
            self.redirect(address)      # the rest of the block runs from a new block here
        except BaseException as exc:   # noqa: B902 - handed to _start
            self._fault = exc
            uc.emu_stop()

    def _poison_between(self, address: int, fields: tuple, watched: bool) -> None:
        """Stop before ``address`` runs; run_watching gives left_undefined
        its ``fields`` between two runs and resumes there (``watched``: the
        watcher has not seen this block start yet)."""
        self._resume = (address, fields, watched)
        self.uc.emu_stop()

    def resume_in_new_run(self) -> None:
        """In a case's run, stop after this hook and resume at the pc in a
        new run: where the flags cannot be written in hooks
        (flags_written_in_hooks False: m68k's lazy condition codes), a
        hook that wrote them (an emulated RTE) leaves the CPU reading
        stale ones when a later hook stops it inside a block, until a new
        run starts (docs/emulators.md).  Only where such a stop may come:
        an image with flag readers to cut at (image_loaded)."""
        if self._on_address is not None and not self.flags_written_in_hooks \
                and self._flag_readers:
            self._poison_between(self.pc, (), watched=True)

    def _on_unmapped(self, uc, access, address, size, value, _):
        kind = {UC_MEM_READ_UNMAPPED: "read", UC_MEM_FETCH_UNMAPPED: "fetch"}.get(access, "write")
        address = self._guest_address(address)
        if kind == "fetch":
            self._fault = CpuFault(address, "jump to unmapped memory")
        else:
            self._fault = CpuFault(self.pc, f"unmapped {kind} of 0x{address:08x}")
        return False

    def _on_write_protected(self, uc, access, address, size, value, _):
        address = self._guest_address(address)
        what = self._read_only.get(address & -PAGE, "the emulator's private page")
        self._fault = CpuFault(self.pc, f"write of 0x{address:08x}, {what}")
        return False

    def _on_cpu_exception(self, uc, intno, _):
        fault = self.cpu_exception(intno)
        if fault is not None:
            # an instruction the model gives no meaning that the emulator
            # faults on before any block hook sees it (unicorn's 68030 and
            # CHK2): the model's reason, not the emulator's exception
            pc = self.pc
            if pc not in self._insns:
                try:
                    self._disassemble_run(pc, pc + 16)
                except UcError:                 # the pc is not in memory
                    pass
            why = self._insns.get(pc, (None, None))[1]
            self._fault = CpuFault(pc, why) if why else fault
            uc.emu_stop()

    def disassemble(self, address: int) -> tuple[int, str]:
        try:
            code = self.read_memory(address, 16)
        except CpuFault:
            return 0, "(unmapped)"
        for insn in self._instructions(self._text, code, address):
            return insn.size, f"{insn.mnemonic} {insn.op_str}".strip()
        return 2, f".word 0x{code[0]:02x}{code[1]:02x}"

    def use_syntax(self, name: str) -> None:
        super().use_syntax(name)
        self._text.syntax = self.capstone_syntaxes[name]
        self.operand_form = getattr(self, "operand_forms", {}).get(name, self.operand_form)

    # -- snapshots --------------------------------------------------------------
    def snapshot(self) -> object:
        memory = [bytes(self.uc.mem_read(addr & self._host_mask, size))
                  for addr, size in self.regions]
        return self.uc.context_save(), memory

    def snapshot_bytes(self, snapshot: object) -> bytes:
        """The saved CPU context's data and the memory.  A unicorn 2.1.4
        context (uc_priv.h struct uc_context) is a 32-byte header
        (context_size, mode, arch, snapshot_level, ramblock_freed, a host
        pointer, padding) followed by context_size bytes of CPU state; only
        those are compared (equal bytes restore the same CPU)."""
        context, memory = snapshot
        raw = ctypes.string_at(context._context, context._size)
        size = int.from_bytes(raw[:8], "little")
        return b"".join((self.compared_context(raw[32:32 + size]), *memory))

    def compared_context(self, cpu: bytes) -> bytes:
        """The saved CPU state as snapshot_bytes compares it: all of it,
        unless a CPU keeps bytes there that nothing reads any more."""
        return cpu

    def restore(self, snapshot: object) -> None:
        """Put back the saved context and the memory a run can have changed.
        A region with no executed code is copied back whole (a memcpy in C).
        Where code ran, only the span from the first to the last differing
        byte is written: rewriting translated code makes unicorn retranslate
        it, and the decoded blocks are dropped when the span touches code."""
        context, memory = snapshot
        self._look_due = None
        uc = self.uc
        uc.context_restore(context)
        for index, ((guest, size), saved) in enumerate(zip(self.regions, memory)):
            addr = guest & self._host_mask
            code_map = self._code_maps.get(index)
            if code_map is None:
                uc.mem_write(addr, saved)
                continue
            buffer = self._region_buffers.get(index)
            if buffer is None:
                buffer = self._region_buffers[index] = ctypes.create_string_buffer(size)
            _binding.uclib.uc_mem_read(self._uch, addr, buffer, size)
            current = buffer.raw
            if current == saved:
                continue
            first, end = _differing_span(current, saved)
            uc.mem_write(addr + first, saved[first:end])
            if code_map.find(1, first, end) != -1:
                self._blocks.clear()
                self._insns.clear()
                self._looked.clear()
                self._flag_writes.clear()


class _Refused(CpuFault):
    """An instruction the model refuses (unmodelled_reason), met before it
    ran; ``before`` instructions of its block precede it.  ``why``: the
    reason, Unmodelled or not (_start raises the fault it makes)."""

    def __init__(self, address: int, why: str, before: int):
        super().__init__(address, why)
        self.why, self.before = why, before


def _private_jump(target: int, source: int | None) -> CpuFault:
    """The guest jumped into the private page: the fault names the jump
    (the instruction before, when known), else the target."""
    return CpuFault(target if source is None else source,
                    f"jump to 0x{target:08x}, the emulator's private page")


def _differing_span(current: bytes, saved: bytes) -> tuple[int, int]:
    """[first, end) of the bytes where two equal-length, unequal buffers
    differ (XOR as two integers: C speed for a page)."""
    diff = int.from_bytes(current, "big") ^ int.from_bytes(saved, "big")
    size = len(saved)
    first = size - 1 - (diff.bit_length() - 1) // 8
    end = size - ((diff & -diff).bit_length() - 1) // 8
    return first, end


def _describe(errno: int) -> str:
    return {
        UC_ERR_INSN_INVALID: "illegal instruction",
        UC_ERR_READ_UNMAPPED: "unmapped read",
        UC_ERR_WRITE_UNMAPPED: "unmapped write",
        UC_ERR_FETCH_UNMAPPED: "jump to unmapped memory",
        UC_ERR_WRITE_PROT: "write to the emulator's private page",
    }.get(errno, f"emulator error: {UcError(errno)}")
