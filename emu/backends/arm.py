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

Unicorn 2.1.4 delivers no IRQ and has no banked-register API (its
arm_const names R8-R14 and SPSR of the current mode only): the backend
writes the CPSR (which switches the bank), then SPSR and R14 of the IRQ
mode, and continues at the port's stub (the vector table is not modelled).
Every other mode's banked register is reached the same way, by name
(``sp_und``, ``r8_fiq``, ``spsr_svc``: BANKED_BY_NAME).
An ``msr cpsr_<fields>`` that writes the control field (c) with a mode
M[4:0] none of the seven 32-bit modes is either UNPREDICTABLE (ARM ARM
DDI 0100E §A2.2, Processor modes: the table's seven values, any other is
UNPREDICTABLE) or one of the 26-bit modes (0b00000-0b00011), which ARMv4 makes
optional and this model does not have; unicorn drops such a write
silently (the CPSR keeps its mode, so a routine doing it held).  The
backend hooks every MSR to the CPSR's control field in the image and
stops before one runs with such a value: a fault for no mode, not
modelled (no verdict) for a 26-bit one.

An MSR whose operand sets a bit ARMv4 leaves unallocated (27:8, and the
T bit 5: the SA-110 has no Thumb state) is UNPREDICTABLE whichever fields
it writes (ARM ARM DDI 0100I §A4.1.39 MSR: "if (operand AND UnallocMask)
!= 0 then UNPREDICTABLE /* Attempt to set reserved bits */", Table A4-1,
ARMv4's UnallocMask 0x0FFFFF20; DDI 0100E §A4.1 MSR, Usage: MSR must not
alter the T bit); unicorn drops those bits, so a routine writing them
held.  The same hook stops before such an MSR runs: a fault.

The kernel gives the IRQ, abort and undefined modes a stack each (NetBSD's
initarm sets their R13 with set_stackptr, one page each on cats); the
backend maps one page for each, part of every snapshot, and points R13 of
the mode at its top (EXCEPTION_STACKS).
"""

from __future__ import annotations

import re
import struct
import sys
from itertools import groupby

import capstone
from unicorn import UC_ARCH_ARM, UC_HOOK_CODE, UC_MODE_ARM
from unicorn import arm_const as A

from .base import CpuFault, NotModelled, Unmodelled
from .unicorn_base import PRIVATE_BASE, PRIVATE_SIZE, Undecoded, UnicornBackend

CPSR_MODE = 0x1F
#: M[4:0] of the 32-bit modes (ARM ARM DDI 0100E §A2.2, Processor modes):
#: User, FIQ, IRQ, Supervisor, Abort, Undefined, System
MODES = {0x10: "User", 0x11: "FIQ", 0x12: "IRQ", 0x13: "Supervisor", 0x17: "Abort",
         0x1B: "Undefined", 0x1F: "System"}
CPSR_T = 1 << 5
CPSR_F = 1 << 6
CPSR_I = 1 << 7
MODE_USR = 0x10
MODE_FIQ = 0x11
MODE_IRQ = 0x12
MODE_SVC = 0x13
MODE_ABT = 0x17
MODE_UND = 0x1B
MODE_SYS = 0x1F
IRQ_RETURN_OFFSET = 4              # R14_irq = next instruction + 4

#: the banked registers of each mode but User and System (ARM ARM DDI
#: 0100E §A2.3, General-purpose registers, Figure 2-1 "Register
#: organization": R13, R14 and an SPSR per exception mode, R8-R12 too for
#: FIQ), by the name the backend reads and writes them with: the
#: register's name, an underscore and the mode's (``sp_und``, ``r8_fiq``)
#: -> (the mode, the register unicorn names in it)
BANKED_BY_NAME = {
    f"{register}_{suffix}": (mode, number)
    for suffix, mode in (("fiq", MODE_FIQ), ("irq", MODE_IRQ), ("svc", MODE_SVC),
                         ("abt", MODE_ABT), ("und", MODE_UND))
    for register, number in (
        *((f"r{i}", getattr(A, f"UC_ARM_REG_R{i}")) for i in range(8, 13) if mode == MODE_FIQ),
        ("sp", A.UC_ARM_REG_SP), ("lr", A.UC_ARM_REG_LR), ("spsr", A.UC_ARM_REG_SPSR))}

#: the exception modes' stack pages (mode -> base), just above the private
#: page: the IRQ, abort and undefined stacks NetBSD's initarm allocates
EXCEPTION_STACK_SIZE = 0x1000
EXCEPTION_STACKS = {mode: PRIVATE_BASE + PRIVATE_SIZE + i * EXCEPTION_STACK_SIZE
                    for i, mode in enumerate((MODE_IRQ, MODE_ABT, MODE_UND))}

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


def msr_operand(word: int) -> tuple[int, int | None, int, bool, int] | None:
    """An MSR (ARM ARM DDI 0100E §A4.1, MSR; either PSR, any field mask):
    (the condition, the immediate operand or None for a register operand,
    Rm (bits 3:0), R (the SPSR), the field mask (bits 19:16: c, x, s, f));
    None for any other instruction."""
    if word & 0x0FB0F000 == 0x0320F000:
        rotate, imm = (word >> 8) & 0xF, word & 0xFF
        operand = ((imm >> 2 * rotate) | (imm << (32 - 2 * rotate))) & 0xFFFFFFFF
    elif word & 0x0FB0FFF0 == 0x0120F000:
        operand = None
    else:
        return None
    return word >> 28, operand, word & 0xF, bool(word & 0x00400000), (word >> 16) & 0xF


#: the PSR bits ARMv4 leaves unallocated: 27:8 and, with no Thumb, T (bit 5)
#: (ARM ARM DDI 0100I §A4.1.39 MSR, Table A4-1 "Bit mask constants", the
#: row of architecture 4: UnallocMask 0x0FFFFF20; StateMask 0)
ARMV4_UNALLOCATED = 0x0FFFFF20


class ArmWord:
    """The fields of an ARM instruction word that the UNPREDICTABLE rules
    read (ARM ARM DDI 0100E §A3.1, the ARM instruction set encoding):
    ``n`` bits 19:16, ``d`` 15:12, ``s`` 11:8, ``m`` 3:0, the P W L bits
    of the load/store classes (24, 21, 20; A of MLA is 21), bit 22 (B of LDR/STR, S of
    LDM/STM, I of the halfword transfers, R of MRS/MSR), the opcode (24:21)
    and the register list (15:0)."""
    __slots__ = ("word", "n", "d", "s", "m", "p", "w", "l", "b22", "a", "op", "regs", "kind")

    def __init__(self, word: int):
        self.word = word
        self.n, self.d, self.s, self.m = word >> 16 & 15, word >> 12 & 15, word >> 8 & 15, word & 15
        self.p, self.w, self.l = word >> 24 & 1, word >> 21 & 1, word >> 20 & 1
        self.b22, self.a, self.op, self.regs = word >> 22 & 1, word >> 21 & 1, word >> 21 & 15, word & 0xFFFF
        self.kind = arm_class(word)

    @property
    def writeback(self) -> bool:
        """A load/store writes its base back: post-indexed (P = 0) or W = 1
        (§A5.2, §A5.3)."""
        return not self.p or bool(self.w)


def arm_class(word: int) -> str | None:
    """The ARMv4 instruction class of ``word`` (DDI 0100E §A3.1, Figure
    A3-1) the rules below know, or None: ``nv`` (condition 0b1111),
    ``mul`` (MUL, MLA), ``mull`` (UMULL, UMLAL, SMULL, SMLAL), ``swp``
    (SWP, SWPB), ``mrs``, ``half`` (LDRH, STRH,
    LDRSB, LDRSH), ``dp_reg`` (data processing, register-specified
    shift), ``dp`` (data processing, immediate or immediate shift),
    ``word`` (LDR, STR, LDRB, STRB and their T forms), ``multiple``
    (LDM, STM)."""
    if word >> 28 == 15:
        return "nv"
    if word & 0x0FC000F0 == 0x00000090:
        return "mul"
    if word & 0x0F8000F0 == 0x00800090:
        return "mull"
    if word & 0x0FB00FF0 == 0x01000090:
        return "swp"
    if word & 0x0FBF0FFF == 0x010F0000:
        return "mrs"
    if word & 0x0E000090 == 0x00000090 and word & 0x60:
        return "half"
    misc = word & 0x0D900000 == 0x01000000     # opcode 10xx without S: MSR, BX, CLZ...
    if word & 0x0E000090 == 0x00000010 and not misc:
        return "dp_reg"
    if (word & 0x0E000010 == 0 or word & 0x0E000000 == 0x02000000) and not misc:
        return "dp"
    if word & 0x0C000000 == 0x04000000 and word & 0x02000010 != 0x02000010:
        return "word"
    if word & 0x0E000000 == 0x08000000:
        return "multiple"
    return None


#: ARMv4 encodings the manual (ARM ARM DDI 0100E) makes UNPREDICTABLE, from
#: the instruction word alone: (class, test of the ArmWord, what, where).
#: Rn, Rd, Rs, Rm are the fields n, d, s, m; a multiply's Rd is n, its Rn
#: d (MLA), a long multiply's RdHi n and RdLo d.  "SBZ": a field the
#: manual says should be zero (Glossary, SBZ: other values UNPREDICTABLE).
#: Unicorn runs all of these as if defined (or, the empty list and NV, as
#: an undefined instruction).
ARM_UNPREDICTABLE = (
    ("nv", lambda f: True, "the condition 0b1111 (NV)", "§A3.2.1, ARMv4"),
    ("dp_reg", lambda f: 15 in (f.n, f.d, f.s, f.m), "R15 as Rd, Rn, Rs or Rm with a register-specified shift", "§A5.1, Data-processing operands - Register shifts"),
    ("dp_reg", lambda f: f.op in (13, 15) and f.n, "MOV, MVN: Rn (SBZ) not 0", "§A4.1 MOV, MVN"),
    ("dp", lambda f: f.op in (13, 15) and f.n, "MOV, MVN: Rn (SBZ) not 0", "§A4.1 MOV, MVN"),
    ("dp_reg", lambda f: 8 <= f.op <= 11 and f.d, "a compare's Rd (SBZ) not 0", "§A4.1 CMP, CMN, TST, TEQ"),
    ("dp", lambda f: 8 <= f.op <= 11 and f.d, "a compare's Rd (SBZ) not 0", "§A4.1 CMP, CMN, TST, TEQ"),
    ("word", lambda f: f.writeback and f.n == 15, "base write-back with Rn = R15", "§A5.2, Load and Store Word or Unsigned Byte"),
    ("word", lambda f: f.writeback and f.d == f.n, "base write-back with Rd the same register as Rn", "§A4.1 LDR, LDRB, LDRT, LDRBT, STR, STRB, STRT, STRBT, Operand restrictions"),
    ("word", lambda f: f.word >> 25 & 1 and f.m == 15, "R15 as the offset register Rm", "§A5.2, register offset"),
    ("word", lambda f: f.word >> 25 & 1 and f.writeback and f.m == f.n, "a register offset with write-back and Rm the same register as Rn", "§A5.2, register pre- and post-indexed"),
    ("word", lambda f: f.b22 and f.d == 15, "a byte transfer with Rd = R15", "§A4.1 LDRB, LDRBT, STRB, STRBT"),
    ("half", lambda f: not f.p and f.w, "post-indexed with W = 1", "§A5.3, Miscellaneous Loads and Stores, post-indexed"),
    ("half", lambda f: f.d == 15, "Rd = R15", "§A4.1 LDRH, LDRSB, LDRSH, STRH"),
    ("half", lambda f: f.writeback and f.n == 15, "base write-back with Rn = R15", "§A5.3"),
    ("half", lambda f: f.writeback and f.d == f.n, "base write-back with Rd the same register as Rn", "§A4.1 LDRH, LDRSB, LDRSH, STRH, Operand restrictions"),
    ("half", lambda f: not f.b22 and f.m == 15, "R15 as the offset register Rm", "§A5.3, register offset"),
    ("half", lambda f: not f.b22 and f.writeback and f.m == f.n, "a register offset with write-back and Rm the same register as Rn", "§A5.3, register pre- and post-indexed"),
    ("half", lambda f: not f.b22 and f.s, "a register offset with bits 11:8 (SBZ) not 0", "§A5.3, register offset"),
    ("multiple", lambda f: not f.regs, "an empty register list", "§A5.4, Load and Store Multiple"),
    ("multiple", lambda f: f.n == 15, "R15 as the base register Rn", "§A5.4"),
    ("multiple", lambda f: f.l and f.w and f.regs >> f.n & 1, "LDM with write-back and Rn in the list", "§A4.1 LDM (1), LDM (3), Operand restrictions"),
    ("multiple", lambda f: not f.l and f.w and f.regs >> f.n & 1 and f.regs & ((1 << f.n) - 1), "STM with write-back and Rn in the list, not its lowest register", "§A4.1 STM (1), Operand restrictions"),
    ("multiple", lambda f: f.b22 and f.w and not (f.l and f.regs >> 15 & 1), "LDM (2), STM (2) (^, user registers) with write-back", "§A4.1 LDM (2), STM (2)"),
    ("swp", lambda f: 15 in (f.n, f.d, f.m), "R15 as Rd, Rm or Rn", "§A4.1 SWP, SWPB"),
    ("swp", lambda f: f.n in (f.d, f.m), "Rn the same register as Rd or Rm", "§A4.1 SWP, SWPB, Operand restrictions"),
    ("mrs", lambda f: f.d == 15, "R15 as Rd", "§A4.1 MRS"),
    ("mul", lambda f: 15 in (f.n, f.m, f.s) or (f.a and f.d == 15), "R15 as Rd, Rm, Rs or (MLA) Rn", "§A4.1 MUL, MLA"),
    ("mul", lambda f: f.n == f.m, "Rd the same register as Rm", "§A4.1 MUL, MLA, Operand restrictions"),
    ("mul", lambda f: not f.a and f.d, "MUL: Rn (SBZ) not 0", "§A4.1 MUL"),
    ("mull", lambda f: 15 in (f.n, f.d, f.m, f.s), "R15 as RdHi, RdLo, Rm or Rs", "§A4.1 UMULL, UMLAL, SMULL, SMLAL"),
    ("mull", lambda f: len({f.n, f.d, f.m}) < 3, "RdHi, RdLo and Rm not all different", "§A4.1 UMULL, UMLAL, SMULL, SMLAL, Operand restrictions"),
)


def arm_unpredictable_rule(word: int) -> tuple | None:
    """The first rule of ARM_UNPREDICTABLE the ARM instruction ``word``
    breaks, or None."""
    fields = ArmWord(word)
    return next((rule for rule in ARM_UNPREDICTABLE if rule[0] == fields.kind and rule[1](fields)),
                None)


def arm_unpredictable(word: int) -> str | None:
    """Why the ARM instruction ``word`` is UNPREDICTABLE on ARMv4, or None."""
    rule = arm_unpredictable_rule(word)
    return None if rule is None else f"{rule[2]} is UNPREDICTABLE (ARM ARM DDI 0100E {rule[3]})"


#: the banked registers (ARM ARM DDI 0100E §A2.4, General-purpose registers:
#: R0-R7 unbanked, "the banked registers R8 to R14", R15): R8-R12 have a
#: FIQ copy, R13 and R14 one per exception mode; the term is the register
#: number, whatever the mode
BANKED_REGISTERS = frozenset(range(8, 15))


def arm_user_bank_transfer(word: int) -> bool:
    """LDM (2) or STM (2): an LDM/STM with the S bit (``^``) that moves the
    User-mode registers, i.e. every one but LDM (3) (L = 1 with the PC in
    the list, which copies the SPSR instead; DDI 0100E §A4.1)."""
    return arm_class(word) == "multiple" and bool(word >> 22 & 1) \
        and not (word >> 20 & 1 and word >> 15 & 1)


def arm_registers_named(word: int) -> frozenset[int]:
    """The register numbers an ARMv4 instruction reads or writes (DDI 0100E
    §A3.1 and each one's §A4.1 entry): its Rn, Rd, Rs, Rm fields where
    its class uses them, an LDM/STM's base and list (a User-register
    list too: the same numbers), R14 for BL (the link) and SWI (the
    exception entry writes R14_svc, §A2.6), Rd of MCR/MRC, Rn of LDC/STC.
    The condition does not matter (the instruction is there)."""
    fields, kind = ArmWord(word), arm_class(word)
    named: set[int] = set()
    if kind in ("dp", "dp_reg"):
        if fields.op not in (13, 15):                  # MOV, MVN: no Rn
            named.add(fields.n)
        if not 8 <= fields.op <= 11:                   # compares: no Rd
            named.add(fields.d)
        if not word >> 25 & 1:                         # a register operand
            named.add(fields.m)
        if kind == "dp_reg":
            named.add(fields.s)
    elif kind in ("word", "half"):
        named.update((fields.n, fields.d))
        if (kind == "word" and word >> 25 & 1) or (kind == "half" and not fields.b22):
            named.add(fields.m)                        # register offset
    elif kind == "multiple":
        named.add(fields.n)
        named.update(r for r in range(16) if fields.regs >> r & 1)
    elif kind == "mul":
        named.update((fields.n, fields.m, fields.s) + ((fields.d,) if fields.a else ()))
    elif kind in ("mull", "swp"):
        named.update((fields.n, fields.d, fields.m) + ((fields.s,) if kind == "mull" else ()))
    elif kind == "mrs":
        named.add(fields.d)
    elif word & 0x0FB0FFF0 == 0x0120F000 or word & 0x0FFFFFF0 == 0x012FFF10:
        named.add(fields.m)                            # MSR from a register, BX
    elif word & 0x0E000000 == 0x0A000000 and word >> 24 & 1:
        named.add(14)                                  # BL
    elif word & 0x0F000000 == 0x0F000000 and kind != "nv":
        named.add(14)                                  # SWI
    elif word & 0x0E000000 == 0x0C000000:
        named.add(fields.n)                            # LDC, STC
    elif word & 0x0F000010 == 0x0E000010:
        named.add(fields.d)                            # MCR, MRC
    return frozenset(named)


def arm_unpredictable_after(word: int, following: int, text: str | None = None) -> str | None:
    """Why the ARM instruction ``word`` followed in memory by ``following``
    is UNPREDICTABLE on ARMv4, or None: LDM (2) and STM (2) must not be
    followed by an instruction that accesses banked registers (ARM ARM DDI
    0100I §A4.1.21 LDM (2), Notes, Banked registers: "In ARM architecture
    versions earlier than ARMv6, this form of LDM must not be followed by
    an instruction that accesses banked registers. A following NOP is a
    good way to ensure this."; STM (2)'s Notes say the same of it).
    NetBSD puts ``mov r0, r0`` ("NOP for previous instruction") after
    every ``stmia``/``ldmia sp, {r0-r14}^`` (sys/arch/arm/include/arm32/
    frame.h 1.33.2.2 PUSHFRAME, PULLFRAME, PUSHFRAMEINSVC,
    PULLFRAMEFROMSVCANDEXIT).  "Banked registers" is the manual's term
    for R8-R14 (BANKED_REGISTERS), so the mode does not narrow it (in
    User and System mode the LDM (2)/STM (2) itself is UNPREDICTABLE,
    arm_needs_spsr); nor does the condition of either instruction: the
    rule is about the next instruction in memory, which a LDM (2)/STM (2)
    (no PC loaded) always falls through to.  ``text``: the following
    instruction's disassembly, for the message."""
    if not arm_user_bank_transfer(word):
        return None
    banked = sorted(arm_registers_named(following) & BANKED_REGISTERS)
    if not banked:
        return None
    form = "LDM (2)" if word >> 20 & 1 else "STM (2)"
    names = ", ".join(f"r{r}" for r in banked)
    what = f"`{text}`" if text is not None else f"0x{following:08x}"
    return (f"{form} (^, the User registers) followed by {what}, which accesses the banked "
            f"register{'s' if len(banked) > 1 else ''} {names}, is UNPREDICTABLE before ARMv6 "
            f"(ARM ARM DDI 0100I §A4.1.21 LDM (2), §A4.1 STM (2), Notes: 'A following NOP is a "
            f"good way to ensure this'; banked registers R8-R14: DDI 0100E §A2.4)")


def arm_needs_spsr(word: int) -> str | None:
    """What an ARM instruction does with the current mode's SPSR or the
    User-mode registers that User and System mode make UNPREDICTABLE (they
    have no SPSR; DDI 0100E §A2.5, §A4.1): a data-processing instruction
    with S and Rd = R15 (CPSR := SPSR), LDM (3) (PC in the list, ^), LDM
    (2) and STM (2) (^, the User registers), MRS and MSR of the SPSR
    (R = 1); None for any other."""
    kind = arm_class(word)
    if kind in ("dp", "dp_reg") and word >> 20 & 1 and word >> 12 & 15 == 15 \
            and not 8 <= word >> 21 & 15 <= 11:
        return "a data-processing instruction with S and Rd = R15 (CPSR := SPSR; §A4.1 MOV, SUB...)"
    if kind == "multiple" and word >> 22 & 1:
        return ("LDM (3) (§A4.1 LDM (3))" if word >> 20 & 1 and word >> 15 & 1
                else "LDM (2) or STM (2), the User registers (§A4.1 LDM (2), STM (2))")
    if kind == "mrs" and word >> 22 & 1:
        return "MRS of the SPSR (§A4.1 MRS)"
    if word >> 22 & 1 and (word & 0x0FB0FFF0 == 0x0120F000 or word & 0x0FB0F000 == 0x0320F000):
        return "MSR to the SPSR (§A4.1 MSR)"
    return None


#: LDRT, STRT, LDRBT, STRBT: a privileged mode's access made as the user's
_USER_ACCESS = Unmodelled(
    "an access with user permissions (ARM ARM A4, LDRT/STRT/LDRBT/STRBT: the MMU checks it as "
    "a user mode access, which a kernel-only page aborts): this model has no MMU")

#: an MCR to CP15: its registers set the MMU, the caches and (c1's V bit)
#: where the CPU finds its exception vectors
_SYSTEM_CONTROL_WRITE = Unmodelled(
    "a write of the system control coprocessor (ARM ARM B2-B3, CP15: MMU, caches, the "
    "exception vectors' base, c1's V bit): this model has none of them, and its interrupt "
    "entry goes to the ports' stubs directly")


#: an MRC from CP15 c0: the ID registers (ARM ARM B2, the main ID register:
#: implementor, architecture, part), which the emulator answers as its own
#: CPU, not the port's cpu.model (red team 42 B F7)
_IDENTITY_READ = Unmodelled(
    "a read of the system control coprocessor's ID registers (ARM ARM B2, CP15 c0): the "
    "emulator answers as another CPU than the port's cpu.model")


class ArmBackend(UnicornBackend):
    family = "arm"
    operand_form = "[{register}, #{offset}]"
    arch, mode = UC_ARCH_ARM, UC_MODE_ARM
    cs_arch, cs_mode = capstone.CS_ARCH_ARM, capstone.CS_MODE_ARM
    #: capstone prints a branch target like an immediate (``bl #0x1001c``):
    #: only a b/bl's operand is an address
    address_literal = re.compile(r"^bl?(?:eq|ne|cs|hs|cc|lo|mi|pl|vs|vc|hi|ls|ge|lt|gt|le|al)?"
                                 r" (?P<literal>#0x(?P<hex>[0-9a-f]+))$")
    reserved = (*UnicornBackend.reserved,
                *((base, EXCEPTION_STACK_SIZE) for base in EXCEPTION_STACKS.values()))
    registers = {**{f"r{i}": getattr(A, f"UC_ARM_REG_R{i}") for i in range(13)},
                 "sp": A.UC_ARM_REG_SP, "lr": A.UC_ARM_REG_LR, "pc": A.UC_ARM_REG_PC,
                 "r13": A.UC_ARM_REG_SP, "r14": A.UC_ARM_REG_LR, "r15": A.UC_ARM_REG_PC,
                 "ip": A.UC_ARM_REG_R12,
                 "cpsr": A.UC_ARM_REG_CPSR, "spsr": A.UC_ARM_REG_SPSR}
    trace_registers = (*(f"r{i}" for i in range(12)), "ip", "sp", "lr", "cpsr", "spsr")
    flag_bits = {"cpsr": ARM_FLAGS}

    def flag_writes(self, insn):
        if isinstance(insn, Undecoded):         # never runs (unmodelled_reason): any
            return (("cpsr", _NZCV),)
        return (("cpsr", arm_flag_writes(insn)),)

    def unmodelled_reason(self, insn):
        """Besides the table: an encoding the manual makes UNPREDICTABLE
        on ARMv4 (ARM_UNPREDICTABLE, decoded from the word: the emulator
        runs most of them as if defined, MUL with Rd == Rm computes a
        product), whether its condition passes or not; and an LDM (2) or
        STM (2) whose next instruction accesses a banked register
        (arm_unpredictable_after: unicorn runs the pair as if defined)."""
        if insn.mnemonic.startswith("mcr") and insn.op_str.startswith("p15,") \
                and ", c7," not in insn.op_str:       # c7: cache and write-buffer operations
            return _SYSTEM_CONTROL_WRITE
        if insn.mnemonic.startswith("mrc") and insn.op_str.startswith("p15, #0,") \
                and ", c0," in insn.op_str:
            return _IDENTITY_READ
        if insn.mnemonic[:4] in ("ldrt", "strt") or insn.mnemonic[:5] in ("ldrbt", "strbt"):
            return _USER_ACCESS           # any condition suffix after it
        word = int.from_bytes(insn.bytes[:4], "little")
        why = arm_unpredictable(word)
        if why is None and arm_user_bank_transfer(word):
            why = self._unpredictable_after(insn.address, word)
        return why if why is not None else super().unmodelled_reason(insn)

    def _unpredictable_after(self, address: int, word: int) -> str | None:
        """An LDM (2)/STM (2) at ``address`` and the instruction after it
        (arm_unpredictable_after): refused like an UNPREDICTABLE encoding,
        both named, whenever the LDM/STM is about to run (it always falls
        through to that instruction)."""
        try:
            following = int.from_bytes(self.read_memory(address + 4, 4), "little")
        except CpuFault:
            return None
        return arm_unpredictable_after(word, following, self.disassemble(address + 4)[1])

    def undecoded(self, code, address):
        """A word capstone does not decode that is UNPREDICTABLE (an empty
        LDM/STM list, the NV condition), so that the fault names the rule."""
        if len(code) < 4 or arm_unpredictable(int.from_bytes(code[:4], "little")) is None:
            return None
        return Undecoded(address, 4, code[:4], ".word", f"0x{int.from_bytes(code[:4], 'little'):08x}")

    def flag_undefined(self, insn):
        undefined = 0 if isinstance(insn, Undecoded) else arm_flags_undefined(insn)
        return (("cpsr", undefined),) if undefined else ()

    def configure_model(self):
        model = self.model or "sa1110"
        if model not in _MODELS:
            raise ValueError(f"unknown arm model {model!r} (known: {', '.join(_MODELS)})")
        self.uc.ctl_set_cpu_model(_MODELS[model])

    def setup_private(self, base):
        """The exception modes' stacks (EXCEPTION_STACKS), R13 of each mode
        at the top of its page."""
        for mode, stack in EXCEPTION_STACKS.items():
            self.map_memory(stack, EXCEPTION_STACK_SIZE)
            self._in_mode(mode, lambda top=stack + EXCEPTION_STACK_SIZE:
                          self.uc.reg_write(A.UC_ARM_REG_SP, top))

    def _in_mode(self, mode: int, action):
        """Run ``action`` with the register bank of ``mode`` (CPSR writes
        through the API switch banks), then restore the CPSR."""
        cpsr = self.read(A.UC_ARM_REG_CPSR)
        self.uc.reg_write(A.UC_ARM_REG_CPSR, (cpsr & ~CPSR_MODE) | mode | CPSR_I | CPSR_F)
        try:
            return action()
        finally:
            self.uc.reg_write(A.UC_ARM_REG_CPSR, cpsr)

    own_reads = frozenset(BANKED_BY_NAME)
    own_writes = own_reads

    def read_register(self, name):
        """Also the other modes' banked registers (BANKED_BY_NAME: ``sp_irq``,
        ``spsr_svc``, ``r8_fiq``...), read without leaving the current mode
        (``sp``, ``spsr`` are the current mode's)."""
        bank = BANKED_BY_NAME.get(name)
        if bank is not None:
            mode, register = bank
            return self._in_mode(mode, lambda: self.read(register))
        return super().read_register(name)

    def write_register(self, name, value):
        bank = BANKED_BY_NAME.get(name)
        if bank is not None:
            mode, register = bank
            self._in_mode(mode, lambda: self.uc.reg_write(register, value))
            return
        super().write_register(name, value)

    def register_reader(self, names):
        """The base class's batched reader for the current mode's registers;
        the banked ones among ``names`` read with one CPSR switch per mode
        they belong to (not one each: abi.state and abi.foreign name several,
        read at every interrupt and return), the CPSR given back after."""
        names = tuple(names)
        banked = [i for i, name in enumerate(names) if name in BANKED_BY_NAME]
        if not banked:
            return super().register_reader(names)
        rest = [name for name in names if name not in BANKED_BY_NAME]
        read_rest = super().register_reader(rest) if rest else tuple
        modes: dict[int, list[tuple[int, int]]] = {}
        for i in banked:
            mode, register = BANKED_BY_NAME[names[i]]
            modes.setdefault(mode, []).append((i, register))
        groups = tuple((mode | CPSR_I | CPSR_F, tuple(members)) for mode, members in modes.items())
        read, write, cpsr_id = self.read, self.write, A.UC_ARM_REG_CPSR

        def read_all() -> tuple[int, ...]:
            values = list(read_rest())
            cpsr = read(cpsr_id)
            kept = cpsr & ~CPSR_MODE
            banked_values = {}
            for bits, members in groups:
                write(cpsr_id, kept | bits)
                for i, register in members:
                    banked_values[i] = read(register)
            write(cpsr_id, cpsr)
            for i in banked:
                values.insert(i, banked_values[i])
            return tuple(values)
        return read_all

    def raw_reader(self, names):
        """As the base class's where ``names`` has no banked register; else
        their values by register_reader, four bytes each in host order."""
        names = tuple(names)
        if not any(name in BANKED_BY_NAME for name in names):
            return super().raw_reader(names)
        read_all = self.register_reader(names)
        order = sys.byteorder
        return ((lambda: b"".join(value.to_bytes(4, order) for value in read_all())),
                tuple((name, 4 * k, 4) for k, name in enumerate(names)))

    def write_registers(self, values):
        """In order; each run of banked registers (BANKED_BY_NAME) with one
        CPSR switch per mode (registers of different modes are different
        registers: their order within the run does not matter)."""
        for banked, run in groupby(values, key=lambda item: item[0] in BANKED_BY_NAME):
            if not banked:
                for name, value in run:
                    self.write_register(name, value)
                continue
            modes: dict[int, list[tuple[int, int]]] = {}
            for name, value in run:
                mode, register = BANKED_BY_NAME[name]
                modes.setdefault(mode, []).append((register, value))
            cpsr = self.read(A.UC_ARM_REG_CPSR)
            for mode, writes in modes.items():
                self.write(A.UC_ARM_REG_CPSR, (cpsr & ~CPSR_MODE) | mode | CPSR_I | CPSR_F)
                for register, value in writes:
                    self.write(register, value)
            self.write(A.UC_ARM_REG_CPSR, cpsr)

    def image_loaded(self, segments):
        """Hook every MSR (module docstring: its operand's unallocated bits,
        a CPSR control field's mode) and every instruction using the SPSR or the User
        registers (arm_needs_spsr, _on_spsr), once."""
        super().image_loaded(segments)
        self._msr: dict[int, tuple[int, int | None, int, bool, int]] = {}
        self._spsr_users: dict[int, tuple[int, str]] = {}
        for address, body in segments:
            skip = -address % 4
            count = (len(body) - skip) // 4
            for i, word in enumerate(struct.unpack(f"<{count}I", body[skip:skip + 4 * count])):
                found = msr_operand(word)
                if found is not None:
                    self._msr[address + skip + 4 * i] = found
                uses = arm_needs_spsr(word)
                if uses is not None:
                    self._spsr_users[address + skip + 4 * i] = (word >> 28, uses)
        for address in sorted(self._msr):
            self.uc.hook_add(UC_HOOK_CODE, self._on_msr, None, address, address)
        for address in sorted(self._spsr_users):
            self.uc.hook_add(UC_HOOK_CODE, self._on_spsr, None, address, address)

    def _start(self, pc, count):
        self._step_from = pc
        super()._start(pc, count)

    def _on_msr(self, uc, address, size, _):
        """An MSR is about to run.  An operand setting a bit ARMv4 leaves
        unallocated (ARMV4_UNALLOCATED: 27:8 and T) is a fault, UNPREDICTABLE
        whatever the fields and the mode (ARM ARM DDI 0100I §A4.1.39 MSR,
        Operation: the test comes first; Table A4-1).  Then one writing the
        CPSR's control field with a mode M[4:0] outside the seven is a fault
        (module docstring); in User mode the control field is not written
        (DDI 0100E §A4.1, MSR).  A step may call the hook of the next
        instruction before it stops: that one is the next step's."""
        try:
            if self._stepping and address != self._step_from:
                return
            cond, imm, rm, spsr, fields = self._msr[address]
            cpsr = self.read(A.UC_ARM_REG_CPSR)
            if not _condition_passed(cond, cpsr):
                return
            value = imm if imm is not None else self.read(self.registers[f"r{rm}"] if rm < 13
                                                           else (A.UC_ARM_REG_SP, A.UC_ARM_REG_LR,
                                                                 A.UC_ARM_REG_PC)[rm - 13])
            text = f"`{self.disassemble(address)[1]}`"
            unallocated = value & ARMV4_UNALLOCATED
            if unallocated:
                what = ("the T bit (Thumb state, which the SA-110, ARMv4, does not have)"
                        if unallocated == CPSR_T else
                        f"bits 0x{unallocated:08x}, unallocated on ARMv4"
                        + (" (T among them: no Thumb state)" if unallocated & CPSR_T else ""))
                self._fault = CpuFault(address, (
                    f"{text} writes 0x{value:08x}, setting {what}: UNPREDICTABLE (ARM ARM "
                    f"DDI 0100I §A4.1.39 MSR, 'Attempt to set reserved bits', Table A4-1 "
                    f"ARMv4 UnallocMask 0x{ARMV4_UNALLOCATED:08x}; unicorn would drop them)"))
                uc.emu_stop()
                return
            if spsr or not fields & 1 or cpsr & CPSR_MODE == 0x10:
                return
            mode = value & CPSR_MODE
            if mode not in MODES:
                text = f"{text} writes M[4:0] = 0x{mode:02x}"
                self._fault = (NotModelled(address, f"{text}, a 26-bit mode (ARMv4: optional), "
                                                    f"which this model does not have (unicorn "
                                                    f"would drop the write)")
                               if mode < 4 else
                               CpuFault(address, f"{text}, no mode: UNPREDICTABLE (ARM ARM "
                                                 f"§A2.2)"))
                uc.emu_stop()
        except BaseException as exc:   # noqa: B902 - handed to _start
            self._fault = exc
            uc.emu_stop()

    def _on_spsr(self, uc, address, size, _):
        """An instruction using the SPSR or the User registers is about to
        run: in User or System mode, which have no SPSR, it is UNPREDICTABLE
        (ARM ARM DDI 0100E §A2.5, and each one's §A4.1 entry); unicorn runs
        ``movs pc, lr`` there as ``mov``.  Stepping as _on_msr."""
        try:
            if self._stepping and address != self._step_from:
                return
            cond, what = self._spsr_users[address]
            cpsr = self.read(A.UC_ARM_REG_CPSR)
            mode = cpsr & CPSR_MODE
            if _condition_passed(cond, cpsr) and mode in (0x10, 0x1F):
                self._fault = CpuFault(address, (
                    f"`{self.disassemble(address)[1]}` in {MODES[mode]} mode, which has no "
                    f"SPSR: {what} is UNPREDICTABLE there (ARM ARM DDI 0100E)"))
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
        """(pc, sp, mode); in User or System mode also the IRQ bank's sp.
        Those modes share one sp, which an interrupt's stub does not move
        (it pushes on the IRQ and SVC stacks): code it runs (a handler
        calling the routine again, emu/reenter.py) that switches to System
        mode at the instruction where the routine was interrupted there
        would otherwise look like the interrupt's return.  The IRQ stack
        holds the stub's frame until then."""
        mode = self.read(A.UC_ARM_REG_CPSR) & CPSR_MODE
        point = (self.read(A.UC_ARM_REG_PC), self.read(A.UC_ARM_REG_SP), mode)
        if mode in (MODE_USR, MODE_SYS):
            return point + (self.read_register("sp_irq"),)
        return point

