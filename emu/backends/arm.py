"""ARM (ARMv4, 32-bit ARM state; StrongARM SA-1110 model) on unicorn.

The CPU's rules for an IRQ (ARM Architecture Reference Manual, ARM DDI 0100E,
§A2.6 Exceptions, 'Interrupt request (IRQ) exception'; §A2.5 Program
status registers): an IRQ is taken at an instruction boundary when CPSR.I
(bit 7) is 0.  The CPU then does

    R14_irq  = address of the next instruction to execute + 4
    SPSR_irq = CPSR
    CPSR[4:0] = 0b10010 (IRQ mode: R13 and R14 switch to the IRQ bank)
    CPSR[5] = 0 (ARM state), CPSR[7] = 1 (IRQ disabled), CPSR.F unchanged
    PC = 0x00000018 (the IRQ vector)

and the handler returns with ``subs pc, r14, #4``, which also copies
SPSR_irq back into the CPSR (§A4.1, SUB: with S set and Rd = R15, CPSR := SPSR).  The ARM
has no priority level: masking by level is the port's software.

Unicorn 2.1.4 delivers no IRQ and has no banked-register API: the backend
writes the CPSR (which switches the bank), then SPSR and R14 of the IRQ
mode, and continues at the port's stub (the vector table is not modelled).
The kernel gives each exception mode its own stack (NetBSD's initarm sets
the IRQ-mode R13 with set_stackptr); the backend maps one page for it, part
of every snapshot, and points R13_irq at its top.
"""

from __future__ import annotations

import re

import capstone
from unicorn import UC_ARCH_ARM, UC_MODE_ARM
from unicorn import arm_const as A

from .base import CpuFault
from .unicorn_base import PRIVATE_BASE, PRIVATE_SIZE, UnicornBackend

CPSR_MODE = 0x1F
CPSR_T = 1 << 5
CPSR_F = 1 << 6
CPSR_I = 1 << 7
MODE_IRQ = 0x12
MODE_SVC = 0x13
IRQ_RETURN_OFFSET = 4              # R14_irq = next instruction + 4

#: the IRQ-mode stack page, just above the private page
IRQ_STACK_BASE = PRIVATE_BASE + PRIVATE_SIZE
IRQ_STACK_SIZE = 0x1000

_MODELS = {"sa1110": A.UC_CPU_ARM_SA1110, "sa1100": A.UC_CPU_ARM_SA1100}
# QEMU's exception numbers (target/arm/cpu.h EXCP_*), as UC_HOOK_INTR reports them
SWI = 2
_EXCEPTIONS = {1: "undefined instruction", 2: "software interrupt (swi)",
               3: "prefetch abort", 4: "data abort", 7: "breakpoint (bkpt)"}


#: the condition flags of the CPSR (ARM ARM DDI 0100E §A2.5), undefined at
#: a call (abi.scratch)
ARM_FLAGS = {"N": 1 << 31, "Z": 1 << 30, "C": 1 << 29, "V": 1 << 28}
_NZCV = 0xF << 28
_I = capstone.arm
#: data-processing instructions with S (and the compares, which always set
#: flags): the logical ones set N and Z and put the shifter's carry-out in
#: C, "V Flag = unaffected" (ARM ARM DDI 0100E §A4.1, AND, EOR, ORR, BIC,
#: MOV, MVN, TST, TEQ, and the shifts UAL writes as their own mnemonics);
#: the arithmetic ones set all four (ADD, ADC, SUB, SBC, RSB, RSC, CMP,
#: CMN); the multiplies set N and Z, leave V, and C is UNPREDICTABLE on
#: ARMv4 (MUL, MLA, SMULL, UMULL, SMLAL, UMLAL: counted written)
_LOGICAL = {_I.ARM_INS_AND, _I.ARM_INS_EOR, _I.ARM_INS_ORR, _I.ARM_INS_BIC, _I.ARM_INS_MOV,
            _I.ARM_INS_MVN, _I.ARM_INS_TST, _I.ARM_INS_TEQ, _I.ARM_INS_LSL, _I.ARM_INS_LSR,
            _I.ARM_INS_ASR, _I.ARM_INS_ROR, _I.ARM_INS_RRX}
_MULTIPLY = {_I.ARM_INS_MUL, _I.ARM_INS_MLA, _I.ARM_INS_SMULL, _I.ARM_INS_UMULL,
             _I.ARM_INS_SMLAL, _I.ARM_INS_UMLAL}
_NZC = ARM_FLAGS["N"] | ARM_FLAGS["Z"] | ARM_FLAGS["C"]


def arm_flag_writes(insn) -> int:
    """The CPSR flags an ARM instruction (capstone, with detail) may write.
    ARM ARM DDI 0100E §A2.5.2 lists every way they change: a compare, a
    data-processing instruction with S (with Rd = PC it copies the SPSR
    into the CPSR), MSR to the CPSR's flags field, MRC to R15, an LDM that
    loads the PC with ^; nothing else writes them.  Anything with S this
    table does not know writes all four."""
    operands = insn.op_str.replace(" ", "")
    if insn.update_flags:
        if operands.startswith("pc,"):
            return _NZCV                          # SPSR -> CPSR
        if insn.id in _LOGICAL or insn.id in _MULTIPLY:
            return _NZC
        return _NZCV
    if insn.id == _I.ARM_INS_MSR:
        field = operands.split(",")[0]
        return _NZCV if field.startswith("apsr") or \
            (field.startswith("cpsr") and "f" in field.partition("_")[2]) else 0
    if insn.id == _I.ARM_INS_MRC and ("pc" in operands or "apsr" in operands):
        return _NZCV
    if "^" in operands and "pc" in operands:      # LDM (3): SPSR -> CPSR
        return _NZCV
    return 0


class ArmBackend(UnicornBackend):
    family = "arm"
    arch, mode = UC_ARCH_ARM, UC_MODE_ARM
    cs_arch, cs_mode = capstone.CS_ARCH_ARM, capstone.CS_MODE_ARM
    #: capstone prints a branch target like an immediate (``bl #0x1001c``):
    #: only a b/bl's operand is an address
    address_literal = re.compile(r"^bl?(?:eq|ne|cs|hs|cc|lo|mi|pl|vs|vc|hi|ls|ge|lt|gt|le|al)?"
                                 r" (?P<literal>#0x(?P<hex>[0-9a-f]+))$")
    reserved = (*UnicornBackend.reserved, (IRQ_STACK_BASE, IRQ_STACK_SIZE))
    registers = {**{f"r{i}": getattr(A, f"UC_ARM_REG_R{i}") for i in range(13)},
                 "sp": A.UC_ARM_REG_SP, "lr": A.UC_ARM_REG_LR, "pc": A.UC_ARM_REG_PC,
                 "r13": A.UC_ARM_REG_SP, "r14": A.UC_ARM_REG_LR, "r15": A.UC_ARM_REG_PC,
                 "ip": A.UC_ARM_REG_R12,
                 "cpsr": A.UC_ARM_REG_CPSR, "spsr": A.UC_ARM_REG_SPSR}
    trace_registers = (*(f"r{i}" for i in range(12)), "ip", "sp", "lr", "cpsr", "spsr")
    flag_bits = {"cpsr": ARM_FLAGS}

    def flag_writes(self, insn):
        return (("cpsr", arm_flag_writes(insn)),)

    def configure_model(self):
        model = self.model or "sa1110"
        if model not in _MODELS:
            raise ValueError(f"unknown arm model {model!r} (known: {', '.join(_MODELS)})")
        self.uc.ctl_set_cpu_model(_MODELS[model])

    def setup_private(self, base):
        self.map_memory(IRQ_STACK_BASE, IRQ_STACK_SIZE)
        self._in_mode(MODE_IRQ, lambda: self.uc.reg_write(A.UC_ARM_REG_SP,
                                                          IRQ_STACK_BASE + IRQ_STACK_SIZE))

    def _in_mode(self, mode: int, action):
        """Run ``action`` with the register bank of ``mode`` (CPSR writes
        through the API switch banks), then restore the CPSR."""
        cpsr = self.read(A.UC_ARM_REG_CPSR)
        self.uc.reg_write(A.UC_ARM_REG_CPSR, (cpsr & ~CPSR_MODE) | mode | CPSR_I | CPSR_F)
        try:
            return action()
        finally:
            self.uc.reg_write(A.UC_ARM_REG_CPSR, cpsr)

    own_reads = frozenset({"sp_irq", "lr_irq", "spsr_irq"})   # _BANKED

    def read_register(self, name):
        """Also ``sp_irq``, ``lr_irq``, ``spsr_irq``: the IRQ bank, read
        without leaving the current mode."""
        bank = _BANKED.get(name)
        if bank is not None:
            return self._in_mode(MODE_IRQ, lambda: self.read(bank))
        return super().read_register(name)

    def write_register(self, name, value):
        bank = _BANKED.get(name)
        if bank is not None:
            self._in_mode(MODE_IRQ, lambda: self.uc.reg_write(bank, value))
            return
        super().write_register(name, value)

    def cpu_exception(self, intno):
        """Unicorn shows the PC at the raising instruction, except after a
        swi: there it is the next instruction already (the SWI exception's
        return address, ARM ARM §A2.6)."""
        address = self.pc - 4 if intno == SWI else self.pc
        return CpuFault(address, _EXCEPTIONS.get(intno, f"CPU exception {intno}"))

    def interrupt_accepted(self, level):
        return not self.read(A.UC_ARM_REG_CPSR) & CPSR_I

    def take_interrupt(self, level, vector, handler):
        """ARM ARM §A2.6, IRQ exception: the IRQ entry, in the order the API needs
        (the CPSR write first, so SPSR and R14 land in the IRQ bank)."""
        cpsr = self.read(A.UC_ARM_REG_CPSR)
        pc = self.read(A.UC_ARM_REG_PC)
        self.uc.reg_write(A.UC_ARM_REG_CPSR, (cpsr & ~(CPSR_MODE | CPSR_T)) | MODE_IRQ | CPSR_I)
        self.uc.reg_write(A.UC_ARM_REG_SPSR, cpsr)
        self.uc.reg_write(A.UC_ARM_REG_LR, pc + IRQ_RETURN_OFFSET)
        self.redirect(handler)

    def return_point(self):
        return (self.read(A.UC_ARM_REG_PC), self.read(A.UC_ARM_REG_SP),
                self.read(A.UC_ARM_REG_CPSR) & CPSR_MODE)


_BANKED = {"sp_irq": A.UC_ARM_REG_SP, "lr_irq": A.UC_ARM_REG_LR, "spsr_irq": A.UC_ARM_REG_SPSR}
