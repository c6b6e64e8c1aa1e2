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
                     UC_ERR_WRITE_UNMAPPED, UC_HOOK_CODE, UC_HOOK_INTR, UC_HOOK_MEM_UNMAPPED,
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

    def __init__(self, model: str | None = None):
        super().__init__(model)
        self.uc = Uc(self.arch, self.mode)
        self.configure_model()
        self.regions: list[tuple[int, int]] = []
        self._disasm = capstone.Cs(self.cs_arch, self.cs_mode)
        self._last_pc = 0
        self._fault: CpuFault | None = None
        self._redirect: int | None = None
        self._running = False
        self.uc.hook_add(UC_HOOK_MEM_UNMAPPED, self._on_unmapped)
        self.uc.hook_add(UC_HOOK_INTR, self._on_cpu_exception)
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
        return self.uc.reg_read(self.registers[name])

    def write_register(self, name: str, value: int) -> None:
        self.uc.reg_write(self.registers[name], value)

    # -- execution ------------------------------------------------------------
    def run(self, on_boundary, synced: bool = False) -> None:
        if synced:
            self._run_synced(on_boundary)
            return
        private_end = PRIVATE_BASE + PRIVATE_SIZE

        def hook(uc, address, size, _):
            if PRIVATE_BASE <= address < private_end:
                return  # the CPU's own entry sequence: no boundary of the guest
            self._last_pc = address
            if not on_boundary(address):
                uc.emu_stop()

        handle = self.uc.hook_add(UC_HOOK_CODE, hook)
        self._fault = None
        self._running = True
        try:
            while True:
                self._redirect = None
                try:
                    self.uc.emu_start(self.pc, _NEVER)
                except UcError as exc:
                    raise self._fault or CpuFault(self._last_pc, _describe(exc)) from None
                if self._fault is not None:
                    raise self._fault
                if self._redirect is None:
                    return
                self.uc.reg_write(self.registers[self.pc_register], self._redirect)
        finally:
            self._running = False
            self.uc.hook_del(handle)

    def _run_synced(self, on_boundary) -> None:
        """One instruction per emu_start: the callback runs with emulation
        stopped, where the CPU state (flags included) is flushed.  Inside a
        code hook QEMU's lazy condition codes are not, so a snapshot taken
        there restores wrong flags."""
        private_end = PRIVATE_BASE + PRIVATE_SIZE
        state = {"first": True}

        def hook(uc, address, size, _):
            if PRIVATE_BASE <= address < private_end:
                return  # the CPU's own entry sequence runs through
            if state["first"]:
                state["first"] = False
                return
            uc.emu_stop()  # the next boundary: report it with the CPU stopped

        handle = self.uc.hook_add(UC_HOOK_CODE, hook)
        try:
            while True:
                pc = self.pc
                self._last_pc = pc
                if not on_boundary(pc):
                    return
                if self.pc != pc:
                    continue  # the callback took an interrupt: the stub's entry is a boundary
                state["first"] = True
                self._fault = None
                try:
                    self.uc.emu_start(pc, _NEVER)
                except UcError as exc:
                    raise self._fault or CpuFault(self._last_pc, _describe(exc)) from None
                if self._fault is not None:
                    raise self._fault
        finally:
            self.uc.hook_del(handle)

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
        memory = [(addr, self.uc.mem_read(addr, size)) for addr, size in self.regions]
        return self.uc.context_save(), memory

    def restore(self, snapshot: object) -> None:
        context, memory = snapshot
        self.uc.context_restore(context)
        for addr, data in memory:
            self.uc.mem_write(addr, bytes(data))


def _describe(exc: UcError) -> str:
    return {
        UC_ERR_INSN_INVALID: "illegal instruction",
        UC_ERR_READ_UNMAPPED: "unmapped read",
        UC_ERR_WRITE_UNMAPPED: "unmapped write",
        UC_ERR_FETCH_UNMAPPED: "jump to unmapped memory",
    }.get(exc.errno, f"emulator error: {exc}")
