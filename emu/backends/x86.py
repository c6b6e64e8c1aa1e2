"""i386 (32-bit protected mode) on unicorn.

The CPU's rules for an external interrupt (Intel SDM vol. 3A §6.8.1 and
§6.12.1): it is recognised at an instruction boundary only when EFLAGS.IF
is 1; the CPU pushes EFLAGS, CS and EIP, clears IF (interrupt gate) and TF,
and continues at the gate's handler; ``iret`` pops them back.  The x86 has no
hardware priority level: masking by level is the port's software (cpl).

``iret`` needs a GDT with a ring-0 code descriptor and CS=8 (notes/emulators.md);
it lives in the backend's private page.
"""

from __future__ import annotations

import struct

import capstone
from unicorn import UC_ARCH_X86, UC_MODE_32
from unicorn import x86_const as X

from .base import CpuFault
from .unicorn_base import UnicornBackend

EFLAGS_TF = 1 << 8
EFLAGS_IF = 1 << 9
KERNEL_CS = 0x08
KERNEL_DS = 0x10

# flat 4 GiB segments (SDM vol. 3A §3.4.5): code 0x9B = present ring-0 exec/read,
# data 0x93 = present ring-0 read/write, both with the accessed bit already set
# (§3.4.5.1) so the CPU never writes the GDT, which lives in the read-only
# private page; 0xC: 4 KiB granularity, 32-bit.
_GDT = struct.pack("<QQQ", 0, 0x00CF9B000000FFFF, 0x00CF93000000FFFF)

_EXCEPTIONS = {0: "divide error", 6: "illegal instruction (#UD)",
               13: "general protection fault (#GP)", 14: "page fault", 3: "breakpoint (int3)"}

_HALT = "halts the CPU until an interrupt (SDM vol. 2 HLT, MWAIT): no meaning in this model"
_PORT_IO = "port I/O (SDM vol. 2 IN, OUT, INS, OUTS): no device in this model"
_CLOCK = "reads a counter of the host (SDM vol. 2 RDTSC, RDPMC): no meaning in this model"
_MSR = "model-specific register access (SDM vol. 2 RDMSR, WRMSR): no meaning in this model"
_SYSTEM_CALL = ("a system call or software interrupt (SDM vol. 2 INT n, SYSCALL, SYSENTER): "
                "no meaning in this model")
_RANDOM = "reads a random number generator (SDM vol. 2 RDRAND, RDSEED): no meaning in this model"

#: capstone mnemonic -> why the model has no meaning for it (run and check fault there)
UNMODELLED = {
    "hlt": _HALT, "monitor": _HALT, "mwait": _HALT,
    **{name: _PORT_IO for name in ("in", "out", "insb", "insw", "insd", "outsb", "outsw", "outsd")},
    "rdtsc": _CLOCK, "rdtscp": _CLOCK, "rdpmc": _CLOCK,
    "rdmsr": _MSR, "wrmsr": _MSR,
    **{name: _SYSTEM_CALL for name in ("syscall", "sysenter", "sysexit", "sysret",
                                        "int", "int1", "int3", "into")},
    "rdrand": _RANDOM, "rdseed": _RANDOM,
}


class X86Backend(UnicornBackend):
    family = "x86"
    arch, mode = UC_ARCH_X86, UC_MODE_32
    cs_arch, cs_mode = capstone.CS_ARCH_X86, capstone.CS_MODE_32
    unmodelled = UNMODELLED
    registers = {
        "eax": X.UC_X86_REG_EAX, "ebx": X.UC_X86_REG_EBX, "ecx": X.UC_X86_REG_ECX,
        "edx": X.UC_X86_REG_EDX, "esi": X.UC_X86_REG_ESI, "edi": X.UC_X86_REG_EDI,
        "ebp": X.UC_X86_REG_EBP, "esp": X.UC_X86_REG_ESP, "sp": X.UC_X86_REG_ESP,
        "eip": X.UC_X86_REG_EIP, "pc": X.UC_X86_REG_EIP, "eflags": X.UC_X86_REG_EFLAGS,
        "cs": X.UC_X86_REG_CS, "ss": X.UC_X86_REG_SS, "ds": X.UC_X86_REG_DS,
        "es": X.UC_X86_REG_ES,
    }

    def setup_private(self, base: int) -> None:
        self.uc.mem_write(base, _GDT)
        self.uc.reg_write(X.UC_X86_REG_GDTR, (0, base, len(_GDT) - 1, 0))
        self.uc.reg_write(X.UC_X86_REG_CS, KERNEL_CS)
        for seg in (X.UC_X86_REG_SS, X.UC_X86_REG_DS, X.UC_X86_REG_ES):
            self.uc.reg_write(seg, KERNEL_DS)

    def cpu_exception(self, intno: int):
        return CpuFault(self.pc, _EXCEPTIONS.get(intno, f"CPU exception {intno}"))

    def interrupt_accepted(self, level):
        return bool(self.read(X.UC_X86_REG_EFLAGS) & EFLAGS_IF)

    def take_interrupt(self, level, vector, handler):
        eflags = self.read(X.UC_X86_REG_EFLAGS)
        esp = self.read(X.UC_X86_REG_ESP) - 12
        frame = struct.pack("<III", self.read(X.UC_X86_REG_EIP), KERNEL_CS, eflags)
        self.uc.mem_write(esp, frame)
        self.write(X.UC_X86_REG_ESP, esp)
        self.write(X.UC_X86_REG_EFLAGS, eflags & ~(EFLAGS_IF | EFLAGS_TF))
        self.redirect(handler)

    def return_point(self):
        return self.read(X.UC_X86_REG_EIP), self.read(X.UC_X86_REG_ESP)
