"""What every unicorn-backed CPU shares: memory, the per-instruction hook
that drives ``on_boundary``, fault reporting, snapshots and capstone text.

Unicorn 2.1.4 delivers no interrupt by itself (see ../shared/notes/
emulators.md): the subclasses do the CPU's interrupt entry by hand.  They
do it between two emu_start calls, not by writing the PC inside the code
hook: a PC written there leaves the translated block without flushing
QEMU's lazily computed condition codes (seen on m68k: the Z flag set by
the instruction before the interrupt was gone after it), while emu_stop
and a restart keep them.
"""

from __future__ import annotations

import capstone
from unicorn import (UC_ERR_FETCH_UNMAPPED, UC_ERR_INSN_INVALID, UC_ERR_READ_UNMAPPED,
                     UC_ERR_WRITE_UNMAPPED, UC_HOOK_BLOCK, UC_HOOK_CODE, UC_HOOK_INTR,
                     UC_HOOK_MEM_UNMAPPED,
                     UC_MEM_FETCH_UNMAPPED, UC_MEM_READ_UNMAPPED, Uc, UcError)

from .base import Backend, CpuFault

#: Backends keep their private pages (GDT, trampolines) here; the machine's
#: layout stays below it.
PRIVATE_BASE = 0x00F00000
PRIVATE_SIZE = 0x1000
_NEVER = 0xFFFFFFFF  # an 'until' address no guest reaches


class UnicornBackend(Backend):
    """Subclasses set ``arch``, ``mode``, ``cs_arch``, ``cs_mode``,
    ``registers`` {name: UC_*_REG_*} and ``pc_register``."""

    arch: int
    mode: int
    cs_arch: int
    cs_mode: int
    registers: dict[str, int]
    pc_register: str = "pc"
    never_address: int = _NEVER      # emu_start's `until`: an address no guest reaches

    def __init__(self, model: str | None = None):
        super().__init__(model)
        self.uc = Uc(self.arch, self.mode)
        self.configure_model()
        self.regions: list[tuple[int, int]] = []
        self._disasm = capstone.Cs(self.cs_arch, self.cs_mode)
        self._last_pc = 0
        self._fault: CpuFault | None = None
        self._redirect: int | None = None
        self._reg_types: dict[int, type] = {}
        self._running = False
        self._synced = False
        self._first = False
        self._on_boundary = None
        self._on_address = None
        self._watch: set[int] = set()
        self._transfers = self._max_transfers = 0
        self.uc.hook_add(UC_HOOK_MEM_UNMAPPED, self._on_unmapped)
        self.uc.hook_add(UC_HOOK_INTR, self._on_cpu_exception)
        self._hook = self.uc.hook_add(UC_HOOK_CODE, self._on_code)
        self._hook_kind = UC_HOOK_CODE
        self.uc.mem_map(PRIVATE_BASE, PRIVATE_SIZE)
        self.setup_private(PRIVATE_BASE)

    # -- hooks the subclasses fill in ------------------------------------------
    def configure_model(self) -> None:
        """Choose the CPU model (must happen before the first mem_map)."""

    def setup_private(self, base: int) -> None:
        """Write descriptor tables or trampolines into the private page."""

    def cpu_exception(self, intno: int) -> CpuFault | None:
        """Handle a CPU exception unicorn raised; None means handled."""
        return CpuFault(self._last_pc, f"CPU exception {intno}")

    # -- memory ---------------------------------------------------------------
    def map_memory(self, address: int, size: int) -> None:
        self.uc.mem_map(address, size)
        self.regions.append((address, size))

    def write_memory(self, address: int, data: bytes) -> None:
        self.uc.mem_write(address, bytes(data))

    def read_memory(self, address: int, size: int) -> bytes:
        return bytes(self.uc.mem_read(address, size))

    # -- registers ------------------------------------------------------------
    def read_register(self, name: str) -> int:
        return self.read(self.registers[name])

    def read(self, reg: int) -> int:
        """reg_read without the binding's per-call lookup of the register's
        value type (half the cost; reads dominate short case runs).  Uses
        unicorn 2.1.4's _reg_read, pinned in pyproject.toml."""
        kind = self._reg_types.get(reg)
        if kind is None:
            if not hasattr(self.uc, "_reg_read"):
                return self.uc.reg_read(reg)
            kind = self._reg_types[reg] = self.uc._select_reg_class(reg)
        return self.uc._reg_read(reg, kind, None)

    def write_register(self, name: str, value: int) -> None:
        self.uc.reg_write(self.registers[name], value)

    # -- execution ------------------------------------------------------------
    def _use_hook(self, kind: int) -> None:
        """Keep exactly one of the code hook (every instruction) or the block
        hook installed.  Each switch makes unicorn drop its translated code,
        so callers switch per batch of runs, never per run."""
        if self._hook_kind != kind:
            self.uc.hook_del(self._hook)
            callback = self._on_code if kind == UC_HOOK_CODE else self._on_block
            self._hook = self.uc.hook_add(kind, callback)
            self._hook_kind = kind

    def run_watching(self, on_address, watch, max_transfers) -> None:
        self._use_hook(UC_HOOK_BLOCK)
        self._watch, self._on_address = watch, on_address
        self._transfers, self._max_transfers = 0, max_transfers
        try:
            self._start(self.pc)
        finally:
            self._on_address = None

    def _on_block(self, uc, address, size, _):
        self._transfers += 1
        if self._transfers > self._max_transfers:
            self._fault = RuntimeError(f"no return after {self._max_transfers} steps, "
                                       f"last pc 0x{address:08x}")
            uc.emu_stop()
        elif address in self._watch and not self._on_address(address):
            uc.emu_stop()

    def run(self, on_boundary, synced: bool = False) -> None:
        self._use_hook(UC_HOOK_CODE)
        self._on_boundary = on_boundary
        try:
            if synced:
                self._run_synced(on_boundary)
            else:
                self._run_hooked()
        finally:
            self._on_boundary = None

    def _on_code(self, uc, address, size, _):
        """The one code hook, installed once: adding or removing a hook makes
        unicorn drop its translated code, which costs more than the run."""
        if PRIVATE_BASE <= address < PRIVATE_BASE + PRIVATE_SIZE or self._on_boundary is None:
            return  # the CPU's own entry sequence: no boundary of the guest
        if self._synced:
            if self._first:
                self._first = False
            else:
                uc.emu_stop()  # the next boundary: report it with the CPU stopped
            return
        self._last_pc = address
        if not self._on_boundary(address):
            uc.emu_stop()

    def _run_hooked(self) -> None:
        self._synced = False
        self._running = True
        try:
            while True:
                self._redirect = None
                self._start(self.pc)
                if self._redirect is None:
                    return
                self.uc.reg_write(self.registers[self.pc_register], self._redirect)
        finally:
            self._running = False

    def _run_synced(self, on_boundary) -> None:
        """One instruction per emu_start: the callback runs with emulation
        stopped, where the CPU state (flags included) is flushed.  Inside a
        code hook QEMU's lazy condition codes are not, so a snapshot taken
        there restores wrong flags."""
        self._synced = True
        while True:
            pc = self.pc
            if PRIVATE_BASE <= pc < PRIVATE_BASE + PRIVATE_SIZE:
                self._first = False   # the CPU's entry sequence: run to the first guest insn
                self._start(pc)
                continue
            self._last_pc = pc
            if not on_boundary(pc):
                return
            if self.pc != pc:
                continue  # the callback took an interrupt: the stub's entry is a boundary
            self._first = True
            self._start(pc)

    def _start(self, pc: int) -> None:
        self._fault = None
        try:
            self.uc.emu_start(pc, self.never_address)
        except UcError as exc:
            raise self._fault or CpuFault(self._last_pc, _describe(exc)) from None
        if self._fault is not None:
            raise self._fault

    def redirect(self, address: int) -> None:
        """Continue at ``address``.  Inside ``run`` the current instruction
        does not execute: emulation stops and restarts there."""
        if self._running:
            self._redirect = address
            self.uc.emu_stop()
        else:
            self.uc.reg_write(self.registers[self.pc_register], address)

    def _on_unmapped(self, uc, access, address, size, value, _):
        kind = {UC_MEM_READ_UNMAPPED: "read", UC_MEM_FETCH_UNMAPPED: "fetch"}.get(access, "write")
        pc = address if kind == "fetch" else self._last_pc
        self._fault = CpuFault(pc, f"unmapped {kind} of 0x{address:08x}"
                               if kind != "fetch" else "jump to unmapped memory")
        return False

    def _on_cpu_exception(self, uc, intno, _):
        fault = self.cpu_exception(intno)
        if fault is not None:
            self._fault = fault
            uc.emu_stop()

    def disassemble(self, address: int) -> tuple[int, str]:
        try:
            code = self.read_memory(address, 16)
        except UcError:
            return 0, "(unmapped)"
        for insn in self._disasm.disasm(code, address, 1):
            return insn.size, f"{insn.mnemonic} {insn.op_str}".strip()
        return 2, f".word 0x{code[0]:02x}{code[1]:02x}"

    # -- snapshots --------------------------------------------------------------
    def snapshot(self) -> object:
        memory = [(addr, bytes(self.uc.mem_read(addr, size))) for addr, size in self.regions]
        return self.uc.context_save(), memory

    def restore(self, snapshot: object) -> None:
        """Put back the saved context and, per region, the one span from the
        first to the last byte that differs (found by XOR-ing the region as
        two integers).  Code never differs, so no code page is rewritten:
        that would make unicorn retranslate it."""
        context, memory = snapshot
        self.uc.context_restore(context)
        for addr, saved in memory:
            current = bytes(self.uc.mem_read(addr, len(saved)))
            if current == saved:
                continue
            diff = int.from_bytes(current, "big") ^ int.from_bytes(saved, "big")
            size = len(saved)
            first = size - 1 - (diff.bit_length() - 1) // 8
            end = size - ((diff & -diff).bit_length() - 1) // 8
            self.uc.mem_write(addr + first, saved[first:end])


def _describe(exc: UcError) -> str:
    return {
        UC_ERR_INSN_INVALID: "illegal instruction",
        UC_ERR_READ_UNMAPPED: "unmapped read",
        UC_ERR_WRITE_UNMAPPED: "unmapped write",
        UC_ERR_FETCH_UNMAPPED: "jump to unmapped memory",
    }.get(exc.errno, f"emulator error: {exc}")
