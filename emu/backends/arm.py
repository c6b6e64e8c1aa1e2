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
An ``msr cpsr_<fields>`` that writes the control field (c) with a mode
M[4:0] none of the seven 32-bit modes is either UNPREDICTABLE (ARM ARM
DDI 0100E §A2.2, Processor modes: the table's seven values, any other is
UNPREDICTABLE) or one of the 26-bit modes (0b00000-0b00011), which ARMv4 makes
optional and this model does not have; unicorn drops such a write
silently (the CPSR keeps its mode, so a routine doing it held).  The
backend hooks every MSR to the CPSR's control field in the image and
faults, "not modelled", before one runs with such a value.

The kernel gives each exception mode its own stack (NetBSD's initarm sets
the IRQ-mode R13 with set_stackptr); the backend maps one page for it, part
of every snapshot, and points R13_irq at its top.
"""

from __future__ import annotations

import re
import struct

import capstone
from unicorn import UC_ARCH_ARM, UC_HOOK_CODE, UC_MODE_ARM
from unicorn import arm_const as A

from .base import CpuFault
from .unicorn_base import PRIVATE_BASE, PRIVATE_SIZE, UnicornBackend

CPSR_MODE = 0x1F
#: M[4:0] of the 32-bit modes (ARM ARM DDI 0100E §A2.2, Processor modes):
#: User, FIQ, IRQ, Supervisor, Abort, Undefined, System
MODES = {0x10: "User", 0x11: "FIQ", 0x12: "IRQ", 0x13: "Supervisor", 0x17: "Abort",
         0x1B: "Undefined", 0x1F: "System"}
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
_LONG_MULTIPLY = {_I.ARM_INS_SMULL, _I.ARM_INS_UMULL, _I.ARM_INS_SMLAL, _I.ARM_INS_UMLAL}


def arm_flags_undefined(insn) -> int:
    """The CPSR flags an ARMv4 instruction (the SA-1100/SA-1110 models)
    leaves UNPREDICTABLE: MULS, MLAS the C flag, UMULLS, SMULLS, UMLALS,
    SMLALS C and V (ARM ARM DDI 0100E §A4.1 MUL, MLA, UMULL...: "the C flag
    is unaffected in v5 and above; in earlier versions of the architecture
    its value was UNPREDICTABLE", V likewise for the long multiplies)."""
    if not insn.update_flags:
        return 0
    if insn.id in _LONG_MULTIPLY:
        return ARM_FLAGS["C"] | ARM_FLAGS["V"]
    if insn.id in _MULTIPLY:
        return ARM_FLAGS["C"]
    return 0


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
        if insn.id in _LONG_MULTIPLY:
            return _NZCV                          # C and V UNPREDICTABLE (arm_flags_undefined)
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


def _condition_passed(cond: int, cpsr: int) -> bool:
    """ARM ARM DDI 0100E §A3.2, the condition field (Table 3-1)."""
    n, z, c, v = (cpsr >> 31) & 1, (cpsr >> 30) & 1, (cpsr >> 29) & 1, (cpsr >> 28) & 1
    base = {0: z, 1: z, 2: c, 3: c, 4: n, 5: n, 6: v, 7: v,
            8: c and not z, 9: c and not z, 10: n == v, 11: n == v,
            12: not z and n == v, 13: not z and n == v, 14: True, 15: True}[cond]
    return bool(base) if cond % 2 == 0 or cond >= 14 else not base


def msr_control(word: int) -> tuple[int, int | None] | None:
    """An MSR to the CPSR that writes its control field (ARM ARM DDI 0100E
    §A4.1, MSR: R = 0, field_mask bit 16): (the condition, the immediate
    operand, or None for a register operand, Rm in bits 3:0); None for any
    other instruction."""
    if word & 0x0FB0F000 == 0x0320F000 and not word & 0x00400000 and word & 0x00010000:
        rotate, imm = (word >> 8) & 0xF, word & 0xFF
        return word >> 28, ((imm >> 2 * rotate) | (imm << (32 - 2 * rotate))) & 0xFFFFFFFF
    if word & 0x0FB0FFF0 == 0x0120F000 and not word & 0x00400000 and word & 0x00010000:
        return word >> 28, None
    return None


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

    def unmodelled_reason(self, insn):
        """Besides the table: ARMv4 multiplies whose registers the manual
        makes UNPREDICTABLE (DDI 0100E §A4.1 MUL, MLA: "Specifying the same
        register for <Rd> and <Rm> has UNPREDICTABLE results"; UMULL, SMULL,
        UMLAL, SMLAL: the same register for <RdHi> and <RdLo>, or for
        either and <Rm>); the emulator computes a product all the same."""
        operands = [part.strip() for part in insn.op_str.split(",")]
        name = insn.mnemonic
        if name.startswith(("mul", "mla")) and len(operands) >= 3 and operands[0] == operands[1]:
            return "the same register for Rd and Rm is UNPREDICTABLE on ARMv4 (DDI 0100E §A4.1)"
        if name.startswith(("umull", "smull", "umlal", "smlal")) and len(operands) >= 4 \
                and len({operands[0], operands[1], operands[2]}) < 3:
            return ("RdLo, RdHi and Rm not all different is UNPREDICTABLE on ARMv4 "
                    "(DDI 0100E §A4.1)")
        return super().unmodelled_reason(insn)

    def flag_undefined(self, insn):
        undefined = arm_flags_undefined(insn)
        return (("cpsr", undefined),) if undefined else ()

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

    own_reads = frozenset(("sp_irq", "lr_irq", "spsr_irq", "spsr_svc"))   # _BANKED

    def read_register(self, name):
        """Also ``sp_irq``, ``lr_irq``, ``spsr_irq`` (the IRQ bank) and
        ``spsr_svc``, read without leaving the current mode (``spsr`` is
        the current mode's)."""
        bank = _BANKED.get(name)
        if bank is not None:
            mode, register = bank
            return self._in_mode(mode, lambda: self.read(register))
        return super().read_register(name)

    def write_register(self, name, value):
        bank = _BANKED.get(name)
        if bank is not None:
            mode, register = bank
            self._in_mode(mode, lambda: self.uc.reg_write(register, value))
            return
        super().write_register(name, value)

    def image_loaded(self, segments):
        """Hook every MSR that writes the CPSR's control field (module
        docstring), once."""
        super().image_loaded(segments)
        self._msr: dict[int, tuple[int, int | None, int]] = {}
        for address, body in segments:
            skip = -address % 4
            count = (len(body) - skip) // 4
            for i, word in enumerate(struct.unpack(f"<{count}I", body[skip:skip + 4 * count])):
                found = msr_control(word)
                if found is not None:
                    self._msr[address + skip + 4 * i] = (*found, word & 0xF)
        for address in sorted(self._msr):
            self.uc.hook_add(UC_HOOK_CODE, self._on_msr, None, address, address)

    def _start(self, pc, count):
        self._step_from = pc
        super()._start(pc, count)

    def _on_msr(self, uc, address, size, _):
        """An MSR to the CPSR's control field is about to run: a mode M[4:0]
        outside the seven is a fault (module docstring).  In User mode the
        control field is not written (§A4.1, MSR).  A step
        may call the hook of the next instruction before it stops: that
        one is the next step's."""
        try:
            if self._stepping and address != self._step_from:
                return
            cond, imm, rm = self._msr[address]
            cpsr = self.read(A.UC_ARM_REG_CPSR)
            if not _condition_passed(cond, cpsr) or cpsr & CPSR_MODE == 0x10:
                return
            value = imm if imm is not None else self.read(self.registers[f"r{rm}"] if rm < 13
                                                           else (A.UC_ARM_REG_SP, A.UC_ARM_REG_LR,
                                                                 A.UC_ARM_REG_PC)[rm - 13])
            mode = value & CPSR_MODE
            if mode not in MODES:
                what = ("a 26-bit mode (ARMv4: optional), which this model does not have"
                        if mode < 4 else "no mode: UNPREDICTABLE (ARM ARM §A2.2)")
                self._fault = CpuFault(address, (
                    f"`{self.disassemble(address)[1]}` writes M[4:0] = 0x{mode:02x}, {what}; "
                    f"not modelled (unicorn would drop the write)"))
                uc.emu_stop()
        except BaseException as exc:   # noqa: B902 - handed to _start
            self._fault = exc
            uc.emu_stop()

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


#: banked registers by name -> (the mode they belong to, the register there)
_BANKED = {"sp_irq": (MODE_IRQ, A.UC_ARM_REG_SP), "lr_irq": (MODE_IRQ, A.UC_ARM_REG_LR),
           "spsr_irq": (MODE_IRQ, A.UC_ARM_REG_SPSR), "spsr_svc": (MODE_SVC, A.UC_ARM_REG_SPSR)}
