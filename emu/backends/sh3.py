"""Hitachi SH-3 (SuperH, 32-bit, 16-bit instructions), interpreted in Python.

Neither unicorn nor icicle has SuperH, and pypcode's SuperH4 ``ldc Rm,SR``
reads the old SR fields before writing (docs/ports.md), so this
is an interpreter of our own for the integer subset NetBSD/sh3's spl
routines, interrupt stubs and handlers use, on the shared core
(emu/backends/interpreter.py).

References:

* SH-3/SH-3E/SH3-DSP Software Manual (Hitachi/Renesas): the register set
  (general registers R0-R15 with R0-R7 banked; SR, GBR, VBR, SSR, SPC;
  MACH, MACL, PR; SR = MD 30, RB 29, BL 28, M 9, Q 8, I3-I0 7:4, S 1, T 0)
  and the instruction descriptions (operation, T bit, delay slot).
* SH7708 Series Hardware Manual, section 4 "Exception Handling", 4.2.1
  (the basic sequence: SPC := PC, SSR := SR, SR.BL = SR.MD = SR.RB = 1,
  the event code into INTEVT, jump to VBR + H'600 for an interrupt) and
  SH7709S Hardware Manual 4.2.5 "Exception Request Masks" (with SR.BL = 1
  an interrupt is held pending, not accepted) and 4.2.6 "Returning from
  Exception Handling" (RTE: PC := SPC, SR := SSR).  SH7727 Hardware Manual
  4 (SH7700 series): the accepted level is *not* written to SR.IMASK; an
  interrupt is accepted when its level is above SR.IMASK and BL = 0.
* SH7720 Hardware Manual 7.2.1 (SH7700 series): RTE restores SR from SSR,
  executes its delay slot, then continues at SPC, and no exception is
  accepted during these steps.  SH7604 Hardware Manual 4.6, Table 4.10
  (SH-2, the SuperH line SH-3 extends): an interrupt arriving right after
  a delayed branch is not accepted until the slot has executed; SH7730 and
  SH7781 Hardware Manuals 5 (SH-4A), "Indivisible Delayed Branch
  Instruction and Delay Slot Instruction": the pair is treated as a single
  instruction.  (No SH-3 manual section saying so was found.)

What is modelled, and what is not:

* A delayed branch (bra, bsr, braf, bsrf, jmp, jsr, rts, rte, bt/s, bf/s)
  and its slot are *one* step, hence one boundary: interrupts are not
  accepted between them.  The target (and the condition, and PR for rts)
  is taken before the slot runs, as the manual's operation descriptions
  do.  A slot that rewrites the PC (a branch, trapa, ldc Rm,SR,
  ldc.l @Rm+,SR) is a fault, the slot illegal instruction exception
  (SLOT_ILLEGAL: SH7708 Series Hardware Manual 4, Illegal slot
  instruction).  A PC-relative slot (mov.w and
  mov.l @(disp,PC), mova) counts from the PC the manual gives it there:
  the address of the branch destination + 2 in place of its own address
  + 4 (SH-3/SH-3E/SH3-DSP Software Manual, instruction descriptions, MOVA
  and MOV @(disp,PC), Note: if the instruction is placed immediately
  after a delayed branch instruction, the PC points to the starting
  address of the branch destination + 2.  Read through transcriptions,
  not the SH-3 manual itself: O. Endo's SH instruction set summary
  (sh_insns.cpp, MOVA, "SH1*, SH2*, SH3*"; on the SH-4 the same slot is a
  slot illegal instruction) and SH-2 emulators quoting the SH-1/SH-2
  Programming Manual's note on MOV @(disp,PC)).  The destination is where
  the branch goes: its target when taken, the instruction after the slot
  when a bt/s or bf/s is not (then the base is the slot's own address
  + 4, as without a branch; an inference: the note names no case).  The
  disassembly of such a slot still shows the literal counted from its own
  address, as objdump does.
* R0-R7 of the current bank live in ``_regs[0:8]``; the other bank in
  ``_other_bank``.  The current bank is 1 when SR.MD = SR.RB = 1; a write
  of SR that changes it swaps the two in place.
* A write of SR takes effect at the next boundary (write latency 0).  The
  SH-2 rule that no interrupt is accepted right after LDC/STC/LDS/STS
  (SH7604 Table 4.10; not found for SH-3) is not modelled: interrupts are
  offered at those boundaries too, and what the hardware would defer by
  one instruction is also a case requested one boundary later.
* The chip (the port's ``cpu.model``, ``MODELS``) says where the on-chip
  registers the model implements are mapped.  Of them only INTEVT is: a
  longword read (mov.l) of its address gives the event code the last
  interrupt entry set (bits 11-0; bits 31-12 read 0).  A read of another
  size and any write stop the run naming the register, not modelled (no
  verdict: software may write INTEVT on the chip, SH7709S Hardware Manual
  4.3); a read in user mode is an address error (P4 registers are
  privileged).  Another address of the on-chip register area
  (ON_CHIP_AREA up) is a register the model does not have: no verdict in
  privileged mode (the chip takes no address error there), an address
  error in user mode.
  Without a model (None) no on-chip register is mapped.
* Privileged instructions in user mode (SR.MD = 0) and misaligned
  accesses (the CPU's address error) raise CpuFault, and so does
  ``sleep`` (a halt); ``trapa``, ``ldtlb``, ``div1 Rn,Rn`` and ``div1``
  by zero (there the manual and qemu disagree) are not modelled (no
  verdict) rather than produce a possibly wrong result, and ``tas.b``,
  ``mac.w``/``mac.l`` and the floating-point opcodes are not decoded.
"""

from __future__ import annotations

import re
from typing import Callable

from .base import Unmodelled, not_decoded, vectors_moved
from .interpreter import PAGE_MASK, PAGE_SHIFT, PAGE_SIZE, InstructionFault, Interpreter

M32 = 0xFFFFFFFF
#: where the SH7708's on-chip peripheral registers start in P4: SCI at
#: H'FFFFFE80, TMU H'FFFFFE90 (TSTR H'FFFFFE92), RTC H'FFFFFEC0, INTC
#: H'FFFFFEE0, BSC H'FFFFFF60, CPG H'FFFFFF80, UBC H'FFFFFF90, CCR,
#: TRA/EXPEVT/INTEVT H'FFFFFFD0-D8, MMU H'FFFFFFE0 up (SH7708 Series
#: Hardware Manual, Appendix A, register address list; NetBSD sh3
#: include/tmureg.h SHREG_TSTR 0xfffffe92, the SH3 timer unit; revision not confirmed)
ON_CHIP_AREA = 0xFFFFFE80
SIGN32 = 0x80000000
#: what the SH-3 does with an instruction that rewrites the PC in a delay slot
SLOT_ILLEGAL = ("SH7708 Series Hardware Manual 4, Illegal slot instruction: an instruction "
                "that rewrites the PC decoded in a delay slot, JMP, JSR, BRA, BRAF, BSR, BSRF, "
                "RTS, RTE, BT, BF, BT/S, BF/S, TRAPA, LDC Rm,SR or LDC.L @Rm+,SR, raises it: "
                "SPC := the delayed branch's address, EXPEVT := H'1A0, a jump to VBR + H'100")

# SR bits (Software Manual, "Control registers").
SR_T = 0x1
SR_S = 0x2
SR_IMASK = 0xF0
SR_Q = 0x100
SR_M = 0x200
SR_BL = 0x10000000
SR_RB = 0x20000000
SR_MD = 0x40000000
#: every SR bit the SH-3 implements; the others read 0
SR_WRITABLE = SR_MD | SR_RB | SR_BL | SR_M | SR_Q | SR_IMASK | SR_S | SR_T

#: The chips (the port's cpu.model) and the on-chip registers the model
#: maps for each: name -> address.  INTEVT, the interrupt event register:
#: SH7708 Series Hardware Manual section 4 "Exception Handling" (the
#: exception sequence writes the event code to INTEVT, 4.2.1) and SH7709S
#: Hardware Manual 4.3 "Register Descriptions" (the SH7700 series' INTEVT
#: at H'FFFFFFD8, a peripheral register in area P4 reached in privileged
#: mode only; a 12-bit code in bits 11-0, bits 31-12 reserved, read as 0);
#: NetBSD sys/arch/sh3/include/exception.h 1.5 (2004-03-25) SH3_INTEVT
#: 0xffffffd8 "32bit" (SH4_INTEVT is 0xff000028: another chip), and
#: sh3/sh3/interrupt.c intc_intr (revision as indexed) reads it with
#: _reg_read_4 on CPU_PRODUCT_7708/7708S/7708R.  The SH7709 is not one of
#: these: there INTEVT holds a priority code and the source's code is in
#: INTEVT2 (H'A4000000, SH7709S HW manual 4.3).
MODELS: dict[str, dict[str, int]] = {
    "sh7708r": {"intevt": 0xFFFFFFD8},   # NetBSD mmeye conf/MMEYE 1.40.2.1: options SH7708R
}
#: the implemented bits of INTEVT (SH7709S HW manual 4.3, figure 4.3)
INTEVT_CODE = 0xFFF

# Indices in _regs beyond R0-R15.
PR, MACH, MACL, GBR = 16, 17, 18, 19


def _register_index() -> dict[str, int]:
    names = {f"r{n}": n for n in range(16)}
    names.update(sp=15, pr=PR, mach=MACH, macl=MACL, gbr=GBR)
    return names


REGISTER_INDEX = _register_index()

#: registers outside _regs -> the attribute holding each
SPECIAL_REGISTERS = {"pc": "_pc", "vbr": "_vbr", "ssr": "_ssr", "spc": "_spc",
                     "intevt": "_intevt"}


def _sext(value: int, bits: int) -> int:
    """The low ``bits`` of ``value`` sign-extended, as an unsigned 32-bit value."""
    sign = 1 << (bits - 1)
    return (((value & ((sign << 1) - 1)) ^ sign) - sign) & M32


def _signed(value: int) -> int:
    return value - (1 << 32) if value & SIGN32 else value


# -- two-register ALU operations (Software Manual, instruction descriptions) --
# Each takes (Rn, Rm, T) and returns (new Rn or None, new T or None).

def _addc(n, m, t):
    total = n + m + t
    return total & M32, total >> 32


def _addv(n, m, t):
    result = (n + m) & M32
    return result, int(((n ^ result) & (m ^ result) & SIGN32) != 0)


def _subc(n, m, t):
    total = n - m - t
    return total & M32, int(total < 0)


def _subv(n, m, t):
    result = (n - m) & M32
    return result, int(((n ^ m) & (n ^ result) & SIGN32) != 0)


def _negc(n, m, t):
    total = -m - t
    return total & M32, int(total < 0)


def _cmp_str(n, m, t):
    x = n ^ m
    return None, int(any((x >> s) & 0xFF == 0 for s in (0, 8, 16, 24)))


def _shad(n, m, t):
    """SHAD: left by Rm<4:0> when Rm >= 0; else arithmetic right by
    32 - Rm<4:0> (all sign bits when Rm<4:0> = 0)."""
    if not m & SIGN32:
        return (n << (m & 31)) & M32, None
    if m & 31 == 0:
        return (M32 if n & SIGN32 else 0), None
    return (_signed(n) >> (32 - (m & 31))) & M32, None


def _shld(n, m, t):
    """SHLD: as SHAD with a logical right shift."""
    if not m & SIGN32:
        return (n << (m & 31)) & M32, None
    if m & 31 == 0:
        return 0, None
    return n >> (32 - (m & 31)), None


#: (low nibble of 0011nnnnmmmmxxxx / 0010... / 0110... / 0100...1100-1101) tables
ALU_0011 = {
    0x0: ("cmp/eq", lambda n, m, t: (None, int(n == m))),
    0x2: ("cmp/hs", lambda n, m, t: (None, int(n >= m))),
    0x3: ("cmp/ge", lambda n, m, t: (None, int(_signed(n) >= _signed(m)))),
    0x6: ("cmp/hi", lambda n, m, t: (None, int(n > m))),
    0x7: ("cmp/gt", lambda n, m, t: (None, int(_signed(n) > _signed(m)))),
    0x8: ("sub", lambda n, m, t: ((n - m) & M32, None)),
    0xA: ("subc", _subc),
    0xB: ("subv", _subv),
    0xC: ("add", lambda n, m, t: ((n + m) & M32, None)),
    0xE: ("addc", _addc),
    0xF: ("addv", _addv),
}
ALU_0010 = {
    0x8: ("tst", lambda n, m, t: (None, int(n & m == 0))),
    0x9: ("and", lambda n, m, t: (n & m, None)),
    0xA: ("xor", lambda n, m, t: (n ^ m, None)),
    0xB: ("or", lambda n, m, t: (n | m, None)),
    0xC: ("cmp/str", _cmp_str),
    0xD: ("xtrct", lambda n, m, t: (((m << 16) | (n >> 16)) & M32, None)),
}
ALU_0110 = {
    0x3: ("mov", lambda n, m, t: (m, None)),
    0x7: ("not", lambda n, m, t: (~m & M32, None)),
    0x8: ("swap.b", lambda n, m, t: ((m & 0xFFFF0000) | (m & 0xFF) << 8 | (m >> 8) & 0xFF, None)),
    0x9: ("swap.w", lambda n, m, t: (((m << 16) | (m >> 16)) & M32, None)),
    0xA: ("negc", _negc),
    0xB: ("neg", lambda n, m, t: (-m & M32, None)),
    0xC: ("extu.b", lambda n, m, t: (m & 0xFF, None)),
    0xD: ("extu.w", lambda n, m, t: (m & 0xFFFF, None)),
    0xE: ("exts.b", lambda n, m, t: (_sext(m, 8), None)),
    0xF: ("exts.w", lambda n, m, t: (_sext(m, 16), None)),
}
ALU_0100 = {0xC: ("shad", _shad), 0xD: ("shld", _shld)}

# -- one-register shifts and tests, 0100nnnnxxxxyyyy: (Rn, T) -> (Rn, T) --
SHIFTS = {
    0x00: ("shll", lambda n, t: ((n << 1) & M32, n >> 31)),
    0x01: ("shlr", lambda n, t: (n >> 1, n & 1)),
    0x20: ("shal", lambda n, t: ((n << 1) & M32, n >> 31)),
    0x21: ("shar", lambda n, t: ((_signed(n) >> 1) & M32, n & 1)),
    0x04: ("rotl", lambda n, t: (((n << 1) | (n >> 31)) & M32, n >> 31)),
    0x05: ("rotr", lambda n, t: ((n >> 1) | (n & 1) << 31, n & 1)),
    0x24: ("rotcl", lambda n, t: (((n << 1) | t) & M32, n >> 31)),
    0x25: ("rotcr", lambda n, t: ((n >> 1) | t << 31, n & 1)),
    0x08: ("shll2", lambda n, t: ((n << 2) & M32, None)),
    0x09: ("shlr2", lambda n, t: (n >> 2, None)),
    0x18: ("shll8", lambda n, t: ((n << 8) & M32, None)),
    0x19: ("shlr8", lambda n, t: (n >> 8, None)),
    0x28: ("shll16", lambda n, t: ((n << 16) & M32, None)),
    0x29: ("shlr16", lambda n, t: (n >> 16, None)),
    0x10: ("dt", lambda n, t: ((n - 1) & M32, int(n == 1))),
    0x11: ("cmp/pz", lambda n, t: (n, int(not n & SIGN32))),
    0x15: ("cmp/pl", lambda n, t: (n, int(n != 0 and not n & SIGN32))),
}

# -- immediate operations on R0, 11001xxx iiiiiiii (zero-extended imm) --
IMMEDIATE_R0 = {
    0x8: ("tst", lambda r0, i: (None, int(r0 & i == 0))),
    0x9: ("and", lambda r0, i: (r0 & i, None)),
    0xA: ("xor", lambda r0, i: (r0 ^ i, None)),
    0xB: ("or", lambda r0, i: (r0 | i, None)),
}
IMMEDIATE_GBR = {0xC: "tst.b", 0xD: "and.b", 0xE: "xor.b", 0xF: "or.b"}

# -- single-word instructions without operands --
NO_OPERANDS = {0x0008: "clrt", 0x0018: "sett", 0x0028: "clrmac", 0x0038: "ldtlb",
               0x0048: "clrs", 0x0058: "sets", 0x0009: "nop", 0x0019: "div0u",
               0x000B: "rts", 0x001B: "sleep", 0x002B: "rte"}

#: an LDC to VBR: where the CPU's exceptions and interrupts go
_MOVED_VECTORS = vectors_moved(
    "ldc to vbr: sets the vector base (SH-3 programming manual, VBR; exception handling: "
    "interrupts go to VBR + 0x600)")

# Control and system registers by the m field of stc/ldc (0000nnnnmmmm0010,
# 0100mmmmxxxx1110/0111, 0100nnnnxxxx0011) and sts/lds (xxxx1010, ...).
CONTROL = {0: "sr", 1: "gbr", 2: "vbr", 3: "ssr", 4: "spc"}
SYSTEM = {0: "mach", 1: "macl", 2: "pr"}
#: control registers only privileged code may touch
PRIVILEGED_CONTROL = {"sr", "vbr", "ssr", "spc"}

SIZES = {0: 1, 1: 2, 2: 4}
SUFFIX = {1: "b", 2: "w", 4: "l"}


def is_delayed_branch(word: int) -> bool:
    """Whether ``word`` is one of the SH-3's delayed branches (its slot runs
    with it as one step)."""
    top = word >> 12
    low = word & 0xF0FF
    return (top in (0xA, 0xB) or word & 0xFD00 == 0x8D00
            or low in (0x0003, 0x0023, 0x400B, 0x402B) or word in (0x000B, 0x002B))


class Sh3Backend(Interpreter):
    """An SH-3 CPU in privileged mode (see the module doc).

    Register names: r0-r15 (sp = r15) of the current bank, r0_bank0 ...
    r7_bank1 explicitly, pr, mach, macl, gbr, sr, vbr, ssr, spc, intevt, pc.
    """

    #: an IRL or on-chip module's request is a level the device holds until
    #: the handler clears its source (SH7705 HW manual 6.6 Usage Note, Level
    #: interrupt: "held until the CPU accepts it ... cleared (released)
    #: within the specific interrupt handler"; 6.5.2 Multiple Interrupts:
    #: clear the source, then clear BL and set IMASK), while acceptance
    #: sets BL and leaves IMASK (SH7708 HW manual 6.4.1): a stub that clears
    #: BL with IMASK below its own level takes its own request again.
    #: NetBSD's sh_vector_interrupt (exception_vector.S 1.35.6.1) runs
    #: __INTR_MASK before __EXCEPTION_UNBLOCK.  The soft sources (TMU1/2
    #: here) are left as they were: taking them consumes them
    holds_taken_requests = True


    family = "sh3"
    operand_form = "@({offset},{register})"
    write_latencies = (0,)
    byte_order = "big"
    address_mask = M32
    register_index = REGISTER_INDEX
    trace_registers = (*(f"r{n}" for n in range(16)), "sr", "pr", "mach", "macl", "gbr",
                       "ssr", "spc", *(f"r{n}_bank1" for n in range(8)))
    #: objdump's branch targets: bare hex (``bt 10016``)
    address_literal = re.compile(r"^(?:bt|bf|bt/s|bf/s|bra|bsr) (?P<literal>(?P<hex>[0-9a-f]+))$")
    register_count = 20
    zero_register = -1            # none: every register is writable
    instruction_size = 2
    fault_text = {
        "unmapped": "unmapped {access} of 0x{address:08x} (address error)",
        "misaligned": "misaligned {size}-byte {access} of 0x{address:08x} (address error)",
        "fetch": "unmapped instruction fetch from 0x{address:08x}",
    }

    def __init__(self, model: str | None = None):
        """``model``: a key of MODELS (the port's cpu.model), or None for a
        CPU with no on-chip register mapped; another name is a ValueError."""
        super().__init__(model)
        if model is not None and model not in MODELS:
            raise ValueError(f"sh3 cpu.model {model!r}: not one of {', '.join(MODELS)}")
        #: on-chip registers by address (only INTEVT: see MODELS)
        self._chip_registers = {address: name
                                for name, address in MODELS.get(model, {}).items()}
        #: the page a longword read of INTEVT is served from (see _page)
        self._register_page = bytearray(PAGE_SIZE)
        self._other_bank = [0] * 8
        self._sr = SR_MD | SR_IMASK
        #: SR bits no instruction has written since the call (see
        #: ``unwritten_bits``), and the same word of every interrupted code
        #: an interrupt entry saved and its rte gives back, innermost last
        self._sr_unwritten = SR_WRITABLE
        self._interrupted_unwritten: tuple[int, ...] = ()
        self._vbr = 0
        self._ssr = 0
        self._spc = 0
        self._intevt = 0
        #: delay-slot steps by address (decoded with the slot's own rules);
        #: a branch looks its slot up each time, so dropping one is enough
        self._slots: dict[int, Callable[[], int]] = {}
        #: what a PC-relative slot counts from: the destination of the
        #: branch running it + 2 (set by the branch before its slot runs)
        self._slot_base = 0

    # -- registers --------------------------------------------------------
    def _bank(self, sr: int) -> int:
        """The bank R0-R7 name under ``sr``: 1 when MD = RB = 1."""
        return int(sr & (SR_MD | SR_RB) == SR_MD | SR_RB)

    def _set_sr(self, value: int) -> None:
        """Write SR (its implemented bits); switching banks swaps R0-R7."""
        value &= SR_WRITABLE
        if self._bank(value) != self._bank(self._sr):
            regs, other = self._regs, self._other_bank
            regs[0:8], other[:] = other[:], regs[0:8]
        self._sr = value

    def _write_sr_bits(self, bits: int, value: int) -> None:
        """An instruction writes the SR ``bits`` (T, Q, M, S) with ``value``."""
        self._sr = (self._sr & ~bits) | value
        self._sr_unwritten &= ~bits

    def unwritten_bits(self, name: str, fields: tuple[tuple[int, int], ...]) -> int:
        """SR: the bits no instruction has written since the call, tracked
        (a compare that sets T to its entry value has written it; ldc only
        the bits it changes: stc then ldc gives the caller's T back); an
        interrupt's rte gives back the interrupted code's word (its entry
        saved it), so what the interrupt wrote is not counted against the
        interrupted code.  Other registers: judged by value."""
        if name == "sr":
            mask = 0
            for _, bits in fields:
                mask |= bits
            return mask & self._sr_unwritten
        return super().unwritten_bits(name, fields)

    def _banked(self, name: str) -> tuple[list[int], int] | None:
        """Where ``rN_bankB`` (N 0-7, B 0 or 1) lives: (list, index); None
        for any other name."""
        if len(name) != 8 or not name.startswith("r") or name[2:7] != "_bank":
            return None
        number, bank = name[1], name[7]
        if number not in "01234567" or bank not in "01":
            return None
        current = self._bank(self._sr) == int(bank)
        return (self._regs if current else self._other_bank), int(number)

    def _read_special(self, name: str) -> int:
        if name == "sr":
            return self._sr
        banked = self._banked(name)
        if banked is not None:
            registers, index = banked
            return registers[index]
        return getattr(self, SPECIAL_REGISTERS[name])

    def _write_special(self, name: str, value: int) -> None:
        banked = self._banked(name)
        if name == "sr":
            self._set_sr(value)
        elif banked is not None:
            registers, index = banked
            registers[index] = value
        else:
            setattr(self, SPECIAL_REGISTERS[name], value & ~1 if name == "pc" else value)

    # -- memory: the on-chip registers ------------------------------------
    def _page(self, address: int, size: int, access: str) -> bytearray:
        """The core's page lookup; an unmapped address that is an on-chip
        register of the model (MODELS) is served by ``_chip_register``."""
        page = self._pages.get(address >> PAGE_SHIFT)
        if page is None and address in self._chip_registers:
            return self._chip_register(address, size, access)
        if page is None and address >= ON_CHIP_AREA and self._chip_registers \
                and self._sr & SR_MD:
            raise InstructionFault(Unmodelled(
                f"{access} of the on-chip register at H'{address:08X} (the SH7708's peripheral "
                f"registers, H'{ON_CHIP_AREA:08X}-H'FFFFFFFF: a timer, the interrupt controller, "
                f"the serial port ...), which this model does not have"))
        return super()._page(address, size, access)

    def _chip_register(self, address: int, size: int, access: str) -> bytearray:
        """A longword read of INTEVT: a page holding its value at the
        register's offset, which the load reads.  Anything else faults
        naming the register."""
        name = self._chip_registers[address].upper()
        where = f"{name} (H'{address:08X})"
        if not self._sr & SR_MD:
            raise InstructionFault(f"{access} of {where} in user mode: an on-chip register "
                                   "is reached in privileged mode only (address error)")
        if access != "read":
            raise InstructionFault(Unmodelled(f"write of {where} (software may write it on "
                                              f"the chip, SH7709S Hardware Manual 4.3)"))
        if size != 4:
            raise InstructionFault(Unmodelled(f"{size}-byte read of {where} (a 32-bit "
                                              f"register: only mov.l is modelled)"))
        page = self._register_page
        self._pack[4](page, address & PAGE_MASK, self._intevt & INTEVT_CODE)
        return page

    # -- execution --------------------------------------------------------
    def _execute(self, step: Callable[[], int]) -> None:
        """A step executes its instruction (with its delay slot) and returns
        the next PC."""
        self._pc = step()

    def _decode(self, word: int, pc: int) -> Callable[[], int] | None:
        return self._decode_word(word, pc, in_slot=False)

    def _slot(self, pc: int) -> Callable[[], int]:
        """The step of the delay slot at ``pc`` (decoded now, run with its
        branch)."""
        word = self._fetch(pc)
        step = self._decode_word(word, pc, in_slot=True)
        if step is None:
            why = self._not_decoded(word, pc)
            raise InstructionFault(type(why)(why + " in a delay slot"))
        return step

    def _undecoded(self, word: int, pc: int) -> str:
        text = disassemble_word(word, pc)
        return not_decoded(text, f"0x{word:04x}")

    def _privileged(self, name: str, pc: int, action: Callable[[], int]) -> Callable[[], int]:
        """``action`` when in privileged mode; a fault in user mode."""
        def step():
            if not self._sr & SR_MD:
                raise InstructionFault(f"privileged instruction {name} in user mode")
            return action()
        return step

    def _refuse(self, text: str) -> Callable[[], int]:
        def step():
            raise InstructionFault(text)
        return step

    def _decode_word(self, word: int, pc: int, in_slot: bool) -> Callable[[], int] | None:
        """The step for ``word`` at ``pc`` by its top nibble; None for an
        instruction outside the model.  In a slot, an instruction that
        rewrites the PC (control transfers, trapa, SR writes) raises the
        slot illegal instruction exception (SLOT_ILLEGAL); PC-relative reads
        count from ``_slot_base``."""
        n = (word >> 8) & 0xF
        m = (word >> 4) & 0xF
        nxt = (pc + 2) & M32
        top = word >> 12
        if in_slot and (is_delayed_branch(word) or word & 0xFF00 in (0x8900, 0x8B00, 0xC300)
                        or word & 0xF0FF in (0x400E, 0x4007)):
            return self._refuse(f"slot illegal instruction: {disassemble_word(word, pc)} in a "
                                f"delay slot ({SLOT_ILLEGAL})")
        if in_slot and (top in (0x9, 0xD) or word & 0xFF00 == 0xC700):
            return self._make_slot_pc_relative(word, nxt)
        if word in NO_OPERANDS:
            return self._decode_no_operands(word, pc, nxt)
        if top == 0x0:
            return self._decode_0000(word, n, m, pc, nxt)
        if top == 0x1:
            return self._make_store(m, n, 4, lambda: (word & 0xF) * 4, nxt)
        if top == 0x2:
            return self._decode_0010(word, n, m, nxt)
        if top == 0x3:
            return self._decode_0011(word, n, m, nxt)
        if top == 0x4:
            return self._decode_0100(word, n, m, pc, nxt)
        if top == 0x5:
            return self._make_load(m, n, 4, (word & 0xF) * 4, nxt)
        if top == 0x6:
            return self._decode_0110(word, n, m, nxt)
        if top == 0x7:
            return self._make_add_immediate(n, _sext(word, 8), nxt)
        if top == 0x8:
            return self._decode_1000(word, n, m, pc, nxt)
        if top == 0x9:
            return self._make_constant_load(n, 2, (pc + 4 + (word & 0xFF) * 2) & M32, nxt)
        if top in (0xA, 0xB):
            target = (pc + 4 + 2 * _signed(_sext(word, 12))) & M32
            return self._make_delayed(lambda: target, pc, link=top == 0xB)
        if top == 0xC:
            return self._decode_1100(word, pc, nxt)
        if top == 0xD:
            return self._make_constant_load(n, 4, ((pc & ~3) + 4 + (word & 0xFF) * 4) & M32, nxt)
        if top == 0xE:
            return self._make_move_immediate(n, _sext(word, 8), nxt)
        return None

    # -- the steps ----------------------------------------------------------
    def _decode_no_operands(self, word: int, pc: int, nxt: int):
        name = NO_OPERANDS[word]
        regs = self._regs
        if name == "nop":
            return lambda: nxt
        if name == "rts":
            return self._make_delayed(lambda: regs[PR], pc, link=False)
        if name == "rte":
            return self._privileged("rte", pc, self._make_rte(pc))
        if name == "sleep":
            return self._refuse("sleep halts the CPU until an interrupt: a halt (no_fault)")
        if name == "ldtlb":
            return self._refuse(Unmodelled("ldtlb (no TLB in this model)"))
        if name == "clrmac":
            def clrmac():
                regs[MACH] = regs[MACL] = 0
                return nxt
            return clrmac
        bits = {"clrt": (SR_T, 0), "sett": (SR_T, SR_T), "clrs": (SR_S, 0),
                "sets": (SR_S, SR_S), "div0u": (SR_M | SR_Q | SR_T, 0)}[name]
        clear, value = bits

        def set_bits():
            self._write_sr_bits(clear, value)
            return nxt
        return set_bits

    def _decode_0000(self, word: int, n: int, m: int, pc: int, nxt: int):
        low = word & 0xF
        regs = self._regs
        if low == 0x2:                             # stc CR,Rn / stc Rm_BANK,Rn
            if m & 8:
                return self._privileged("stc", pc, self._make_bank_read(n, m & 7, nxt))
            return self._make_control_read(CONTROL.get(m), n, pc, nxt)
        if low == 0x3:
            if m == 0x0:                           # bsrf Rm
                return self._make_delayed(lambda: (pc + 4 + regs[n]) & M32, pc, link=True)
            if m == 0x2:                           # braf Rm
                return self._make_delayed(lambda: (pc + 4 + regs[n]) & M32, pc, link=False)
            if m == 0x8:                           # pref @Rn: a cache hint
                return lambda: nxt
            return None
        if low in (0x4, 0x5, 0x6):                 # mov.x Rm,@(R0,Rn)
            return self._make_store(m, n, SIZES[low - 4], lambda: regs[0], nxt)
        if low == 0x7:                             # mul.l Rm,Rn
            def mul_l():
                regs[MACL] = (regs[n] * regs[m]) & M32
                return nxt
            return mul_l
        if low == 0x9 and m == 0x2:                # movt Rn
            def movt():
                regs[n] = self._sr & SR_T
                return nxt
            return movt
        if low == 0xA and m in SYSTEM:             # sts SR,Rn
            source = {0: MACH, 1: MACL, 2: PR}[m]

            def sts():
                regs[n] = regs[source]
                return nxt
            return sts
        if low in (0xC, 0xD, 0xE):                 # mov.x @(R0,Rm),Rn
            size = SIZES[low - 0xC]
            return self._make_load_indexed(m, n, size, nxt)
        return None

    def _decode_0010(self, word: int, n: int, m: int, nxt: int):
        low = word & 0xF
        regs = self._regs
        if low in (0x0, 0x1, 0x2):                 # mov.x Rm,@Rn
            return self._make_store(m, n, SIZES[low], lambda: 0, nxt)
        if low in (0x4, 0x5, 0x6):                 # mov.x Rm,@-Rn
            return self._make_push(m, n, SIZES[low - 4], nxt)
        if low == 0x7:                             # div0s Rm,Rn
            def div0s():
                q, mm = regs[n] >> 31, regs[m] >> 31
                self._write_sr_bits(SR_Q | SR_M | SR_T, q << 8 | mm << 9 | (q ^ mm))
                return nxt
            return div0s
        if low == 0xE or low == 0xF:               # mulu.w / muls.w
            extend = (lambda x: x & 0xFFFF) if low == 0xE else (lambda x: _signed(_sext(x, 16)))

            def mul_w():
                regs[MACL] = (extend(regs[n]) * extend(regs[m])) & M32
                return nxt
            return mul_w
        if low in ALU_0010:
            return self._make_alu(ALU_0010[low][1], n, m, nxt)
        return None

    def _decode_0011(self, word: int, n: int, m: int, nxt: int):
        low = word & 0xF
        regs = self._regs
        if low == 0x4:
            if n == m:      # the manual reads Rm before shifting Rn, qemu after: unsettled
                return self._refuse(Unmodelled("div1 Rn,Rn"))
            return self._make_div1(n, m, nxt)
        if low in (0x5, 0xD):                      # dmulu.l / dmuls.l
            convert = (lambda x: x) if low == 0x5 else _signed

            def dmul():
                product = (convert(regs[n]) * convert(regs[m])) & ((1 << 64) - 1)
                regs[MACH], regs[MACL] = product >> 32, product & M32
                return nxt
            return dmul
        if low in ALU_0011:
            return self._make_alu(ALU_0011[low][1], n, m, nxt)
        return None

    def _decode_0100(self, word: int, n: int, m: int, pc: int, nxt: int):
        low = word & 0xF
        regs = self._regs
        code = word & 0xFF
        if low in ALU_0100:
            return self._make_alu(ALU_0100[low][1], n, m, nxt)
        if code in SHIFTS:
            return self._make_shift(SHIFTS[code][1], n, nxt)
        if code in (0x0B, 0x2B):                   # jsr @Rm / jmp @Rm
            return self._make_delayed(lambda: regs[n], pc, link=code == 0x0B)
        if low == 0xA and m in SYSTEM:             # lds Rm,SR
            target = {0: MACH, 1: MACL, 2: PR}[m]

            def lds():
                regs[target] = regs[n]
                return nxt
            return lds
        if low == 0x6 and m in SYSTEM:             # lds.l @Rm+,SR
            target = {0: MACH, 1: MACL, 2: PR}[m]
            return self._make_pop(n, lambda value: regs.__setitem__(target, value), nxt)
        if low == 0x2 and m in SYSTEM:             # sts.l SR,@-Rn
            source = {0: MACH, 1: MACL, 2: PR}[m]
            return self._make_push_value(n, lambda: regs[source], nxt)
        if low == 0xE:                             # ldc Rm,CR / ldc Rm,Rn_BANK
            if m & 8:
                return self._privileged("ldc", pc, self._make_bank_write(n, m & 7, nxt))
            return self._make_control_write(CONTROL.get(m), n, pc, nxt)
        if low == 0x7:                             # ldc.l @Rm+,CR / Rn_BANK
            if m & 8:
                bank = m & 7
                return self._privileged("ldc.l", pc, self._make_pop(
                    n, lambda value: self._write_other_bank(bank, value), nxt))
            name = CONTROL.get(m)
            if name is None:
                return None
            return self._guard(name, "ldc.l", pc, self._make_pop(
                n, lambda value: self._write_control(name, value), nxt))
        if low == 0x3:                             # stc.l CR,@-Rn / Rm_BANK
            if m & 8:
                bank = m & 7
                return self._privileged("stc.l", pc, self._make_push_value(
                    n, lambda: self._other_bank[bank], nxt))
            name = CONTROL.get(m)
            if name is None:
                return None
            return self._guard(name, "stc.l", pc, self._make_push_value(
                n, lambda: self._read_control(name), nxt))
        return None

    def _decode_0110(self, word: int, n: int, m: int, nxt: int):
        low = word & 0xF
        if low in (0x0, 0x1, 0x2):                 # mov.x @Rm,Rn
            return self._make_load(m, n, SIZES[low], 0, nxt)
        if low in (0x4, 0x5, 0x6):                 # mov.x @Rm+,Rn
            return self._make_load_increment(m, n, SIZES[low - 4], nxt)
        return self._make_alu(ALU_0110[low][1], n, m, nxt)

    def _decode_1000(self, word: int, n: int, m: int, pc: int, nxt: int):
        regs = self._regs
        disp = word & 0xF
        if n in (0x0, 0x1):                        # mov.b/w R0,@(disp,Rn)
            size = 1 << n
            return self._make_store(0, m, size, lambda: disp * size, nxt)
        if n in (0x4, 0x5):                        # mov.b/w @(disp,Rm),R0
            size = 1 << (n - 4)
            return self._make_load(m, 0, size, disp * size, nxt)
        if n == 0x8:                               # cmp/eq #imm,R0
            imm = _sext(word, 8)

            def cmp_eq_immediate():
                self._write_sr_bits(SR_T, int(regs[0] == imm))
                return nxt
            return cmp_eq_immediate
        if n in (0x9, 0xB, 0xD, 0xF):              # bt, bf, bt/s, bf/s
            target = (pc + 4 + 2 * _signed(_sext(word, 8))) & M32
            want = int(n in (0x9, 0xD))
            if n in (0x9, 0xB):
                def branch():
                    return target if self._sr & SR_T == want else nxt
                return branch
            return self._make_delayed(lambda: target, pc, link=False,
                                      condition=lambda: self._sr & SR_T == want)
        return None

    def _decode_1100(self, word: int, pc: int, nxt: int):
        regs = self._regs
        kind = (word >> 8) & 0xF
        imm = word & 0xFF
        if kind in (0x0, 0x1, 0x2):                # mov.x R0,@(disp,GBR)
            size = SIZES[kind]
            return self._make_store(0, GBR, size, lambda: imm * size, nxt)
        if kind in (0x4, 0x5, 0x6):                # mov.x @(disp,GBR),R0
            size = SIZES[kind - 4]
            return self._make_load(GBR, 0, size, imm * size, nxt)
        if kind == 0x3:
            return self._refuse(Unmodelled(f"trapa #{imm} (the kernel's handler)"))
        if kind == 0x7:                            # mova @(disp,PC),R0
            address = ((pc & ~3) + 4 + imm * 4) & M32

            def mova():
                regs[0] = address
                return nxt
            return mova
        if kind in IMMEDIATE_R0:
            operation = IMMEDIATE_R0[kind][1]

            def immediate():
                value, t = operation(regs[0], imm)
                if value is not None:
                    regs[0] = value
                if t is not None:
                    self._write_sr_bits(SR_T, t)
                return nxt
            return immediate
        return self._make_gbr_byte(IMMEDIATE_GBR[kind], imm, nxt)

    def _make_gbr_byte(self, name: str, imm: int, nxt: int):
        """tst.b/and.b/xor.b/or.b #imm,@(R0,GBR): a byte at GBR + R0."""
        regs = self._regs

        def step():
            address = (regs[GBR] + regs[0]) & M32
            value = self._load(address, 1)
            if name == "tst.b":
                self._write_sr_bits(SR_T, int(value & imm == 0))
            else:
                op = {"and.b": value & imm, "xor.b": value ^ imm, "or.b": value | imm}[name]
                self._store(address, 1, op)
            return nxt
        return step

    def _make_alu(self, operation, n: int, m: int, nxt: int):
        regs = self._regs

        def step():
            value, t = operation(regs[n], regs[m], self._sr & SR_T)
            if value is not None:
                regs[n] = value
            if t is not None:
                self._write_sr_bits(SR_T, t)
            return nxt
        return step

    def _make_shift(self, operation, n: int, nxt: int):
        regs = self._regs

        def step():
            value, t = operation(regs[n], self._sr & SR_T)
            regs[n] = value
            if t is not None:
                self._write_sr_bits(SR_T, t)
            return nxt
        return step

    def _make_div1(self, n: int, m: int, nxt: int):
        """DIV1 Rm,Rn: one step of the non-restoring division (Software
        Manual, DIV1: Q, M, T bits)."""
        regs = self._regs

        def step():
            if regs[m] == 0:
                raise InstructionFault(Unmodelled("div1 with a zero divisor (the Software "
                                                  "Manual and qemu disagree on Q)"))
            sr = self._sr
            q, mbit, t = (sr >> 8) & 1, (sr >> 9) & 1, sr & 1
            old_q = q
            q = regs[n] >> 31
            dividend = ((regs[n] << 1) | t) & M32
            divisor = regs[m]
            if old_q == mbit:
                result = dividend - divisor
                borrow = int(result < 0)
            else:
                result = dividend + divisor
                borrow = int(result > M32)
            regs[n] = result & M32
            # Q = old Rn msb XOR M XOR the carry/borrow (tmp1 in the manual)
            q = q ^ mbit ^ borrow
            t = int(q == mbit)
            self._write_sr_bits(SR_Q | SR_T, q << 8 | t)
            return nxt
        return step

    def _make_add_immediate(self, n: int, imm: int, nxt: int):
        regs = self._regs

        def step():
            regs[n] = (regs[n] + imm) & M32
            return nxt
        return step

    def _make_move_immediate(self, n: int, imm: int, nxt: int):
        regs = self._regs

        def step():
            regs[n] = imm
            return nxt
        return step

    def _make_constant_load(self, n: int, size: int, address: int, nxt: int):
        """mov.w/mov.l @(disp,PC),Rn: a sign-extended load from the literal."""
        regs = self._regs

        def step():
            value = self._load(address, size)
            regs[n] = _sext(value, 16) if size == 2 else value
            return nxt
        return step

    def _make_slot_pc_relative(self, word: int, nxt: int):
        """mov.w/mov.l @(disp,PC),Rn or mova @(disp,PC),R0 in a delay slot:
        the base ``_slot_base`` (branch destination + 2) stands where the
        instruction's own address + 4 stands outside a slot: mov.w reads
        base + disp * 2, mov.l base & ~3 + disp * 4, mova gives
        base & ~3 + disp * 4 (module doc)."""
        regs = self._regs
        n = (word >> 8) & 0xF
        disp = word & 0xFF
        top = word >> 12
        if top == 0x9:
            def mov_w():
                regs[n] = _sext(self._load((self._slot_base + disp * 2) & M32, 2), 16)
                return nxt
            return mov_w
        if top == 0xD:
            def mov_l():
                regs[n] = self._load(((self._slot_base & ~3) + disp * 4) & M32, 4)
                return nxt
            return mov_l

        def mova():
            regs[0] = ((self._slot_base & ~3) + disp * 4) & M32
            return nxt
        return mova

    def _make_load(self, m: int, n: int, size: int, disp: int, nxt: int):
        """mov.x @(disp,Rm),Rn (disp 0: @Rm): sign-extended to 32 bits."""
        regs, page_of, unpack = self._regs, self._page, self._unpack[size]
        bits = 8 * size

        def step():
            address = (regs[m] + disp) & M32
            value = unpack(page_of(address, size, "read"), address & PAGE_MASK)[0]
            regs[n] = _sext(value, bits) if size < 4 else value
            return nxt
        return step

    def _make_load_indexed(self, m: int, n: int, size: int, nxt: int):
        regs = self._regs
        bits = 8 * size

        def step():
            value = self._load((regs[0] + regs[m]) & M32, size)
            regs[n] = _sext(value, bits) if size < 4 else value
            return nxt
        return step

    def _make_load_increment(self, m: int, n: int, size: int, nxt: int):
        """mov.x @Rm+,Rn: load, then Rm += size (when n = m the loaded
        value stays in Rn)."""
        regs = self._regs
        bits = 8 * size

        def step():
            address = regs[m]
            value = self._load(address, size)
            if m != n:
                regs[m] = (address + size) & M32
            regs[n] = _sext(value, bits) if size < 4 else value
            return nxt
        return step

    def _make_store(self, m: int, base: int, size: int, offset: Callable[[], int], nxt: int):
        """mov.x Rm,@(offset,base): store the low ``size`` bytes of Rm
        (``base`` a register index: Rn, or GBR)."""
        regs, page_of, pack = self._regs, self._page, self._pack[size]
        code_pages, forget = self._code_pages, self._forget_steps
        value_mask = (1 << (8 * size)) - 1

        def step():
            address = (regs[base] + offset()) & M32
            pack(page_of(address, size, "write"), address & PAGE_MASK, regs[m] & value_mask)
            if address >> PAGE_SHIFT in code_pages:
                forget(address, size)
            return nxt
        return step

    def _make_push(self, m: int, n: int, size: int, nxt: int):
        """mov.x Rm,@-Rn: Rn -= size, then store Rm (its value before the
        decrement when m = n)."""
        regs = self._regs

        def step():
            value = regs[m]
            address = (regs[n] - size) & M32
            self._store(address, size, value)
            regs[n] = address
            return nxt
        return step

    def _make_push_value(self, n: int, value: Callable[[], int], nxt: int):
        """sts.l/stc.l X,@-Rn."""
        regs = self._regs

        def step():
            address = (regs[n] - 4) & M32
            self._store(address, 4, value())
            regs[n] = address
            return nxt
        return step

    def _make_pop(self, m: int, write: Callable[[int], None], nxt: int):
        """lds.l/ldc.l @Rm+,X."""
        regs = self._regs

        def step():
            address = regs[m]
            value = self._load(address, 4)
            regs[m] = (address + 4) & M32
            write(value)
            return nxt
        return step

    # -- control registers and banks -----------------------------------------
    def _read_control(self, name: str) -> int:
        return self._regs[GBR] if name == "gbr" else self._read_special(name)

    def _write_control(self, name: str, value: int) -> None:
        """An ldc: VBR, where the CPU's exceptions and interrupts go, is
        refused (the model enters the ports' stubs directly: red team 28 E)."""
        if name == "vbr":
            raise InstructionFault(_MOVED_VECTORS)
        if name == "gbr":
            self._regs[GBR] = value
        elif name == "sr":
            # a bit ldc leaves as it was still holds what it held (stc sr;
            # ...; ldc keeps the caller's T): only the changed bits count
            # as written, so an unwritten bit is never taken for written
            before = self._sr
            self._set_sr(value)
            self._sr_unwritten &= ~(before ^ self._sr)
        else:
            self._write_special(name, value)

    def _guard(self, name: str, mnemonic: str, pc: int, step):
        """Privileged unless the control register is GBR."""
        if name in PRIVILEGED_CONTROL:
            return self._privileged(mnemonic, pc, step)
        return step

    def _make_control_read(self, name: str | None, n: int, pc: int, nxt: int):
        if name is None:
            return None
        regs = self._regs

        def step():
            regs[n] = self._read_control(name)
            return nxt
        return self._guard(name, "stc", pc, step)

    def _make_control_write(self, name: str | None, m: int, pc: int, nxt: int):
        if name is None:
            return None
        regs = self._regs

        def step():
            self._write_control(name, regs[m])
            return nxt
        return self._guard(name, "ldc", pc, step)

    def _write_other_bank(self, number: int, value: int) -> None:
        self._other_bank[number] = value

    def _make_bank_read(self, n: int, bank_register: int, nxt: int):
        """stc Rm_BANK,Rn: R0-R7 of the bank not in use."""
        regs, other = self._regs, self._other_bank

        def step():
            regs[n] = other[bank_register]
            return nxt
        return step

    def _make_bank_write(self, m: int, bank_register: int, nxt: int):
        regs, other = self._regs, self._other_bank

        def step():
            other[bank_register] = regs[m]
            return nxt
        return step

    # -- delayed branches ---------------------------------------------------
    def _make_delayed(self, target: Callable[[], int], pc: int, link: bool,
                      condition: Callable[[], bool] | None = None):
        """A delayed branch and its slot as one step: the target (and the
        condition) are read first, PR is written (bsr, bsrf, jsr: PR = the
        address after the slot), then the slot runs, then the branch."""
        regs = self._regs
        slot_pc = (pc + 2) & M32
        after = (pc + 4) & M32
        slots = self._slots

        def step():
            destination = target() & ~1
            taken = condition is None or condition()
            if link:
                regs[PR] = after
            self._slot_base = ((destination if taken else after) + 2) & M32
            slot = slots.get(slot_pc) or self._remember_slot(slot_pc)
            slot()
            return destination if taken else after
        return step

    def _remember_slot(self, pc: int):
        step = self._slot(pc)
        self._slots[pc] = step
        self._code_pages.add(pc >> PAGE_SHIFT)
        return step

    def _make_rte(self, pc: int):
        """RTE: SR := SSR, then the delay slot (under the restored SR), then
        PC := SPC (SH7720 HW manual 7.2.1; SPC is read before the slot)."""
        slot_pc = (pc + 2) & M32

        def step():
            destination = self._spc & ~1
            self._slot_base = (destination + 2) & M32
            self._set_sr(self._ssr)
            # an rte no interrupt entry matches returns with the SR its own
            # code put in SSR: written
            saved = self._interrupted_unwritten
            self._sr_unwritten, self._interrupted_unwritten = (saved[-1], saved[:-1]) if saved \
                else (0, ())
            slot = self._slots.get(slot_pc) or self._remember_slot(slot_pc)
            slot()
            return destination
        return step

    def _forget_steps(self, address: int, size: int, stored: bool = True) -> None:
        super()._forget_steps(address, size, stored)
        for pc in range(address & -2, address + size, 2):
            self._slots.pop(pc, None)

    def restore(self, snapshot: object) -> None:
        """The core's restore; slots are decoded again afterwards (the core
        forgets only the steps in ``_decoded``)."""
        self._slots.clear()
        super().restore(snapshot)

    # -- interrupts ---------------------------------------------------------
    def interrupt_accepted(self, level: int | None) -> bool:
        """Accepted when SR.BL = 0 and the request's level is above
        SR.IMASK (SH7709S HW manual 4.2.5; SH7727 HW manual 4)."""
        if level is None:
            raise ValueError("SH-3 interrupts always have a level")
        return not self._sr & SR_BL and level > (self._sr & SR_IMASK) >> 4

    def take_interrupt(self, level: int | None, vector: int, handler: int) -> None:
        """The SH-3's interrupt entry (SH7708 HW manual 4.2.1): SPC := PC,
        SSR := SR, SR.BL = SR.MD = SR.RB = 1 (R0-R7 switch to bank 1),
        INTEVT := the event code (``vector``), continue at ``handler`` (the
        stub VBR + H'600 would reach).  SR.IMASK is left as it was."""
        if level is None:
            raise ValueError("SH-3 interrupts always have a level")
        self._spc = self._pc
        self._ssr = self._sr
        self._interrupted_unwritten += (self._sr_unwritten,)
        self._set_sr(self._sr | SR_BL | SR_MD | SR_RB)
        self._sr_unwritten &= ~(SR_BL | SR_MD | SR_RB)
        self._intevt = (vector or 0) & 0xFFF
        self._pc = handler & ~1

    def return_point(self) -> tuple:
        return (self._pc, self._regs[15])

    # -- disassembly ----------------------------------------------------------
    def _disassemble_word(self, word: int, address: int) -> str:
        return disassemble_word(word, address)

    # -- snapshots ------------------------------------------------------------
    def _cpu_state(self) -> tuple:
        return (tuple(self._other_bank), self._sr, self._vbr, self._ssr, self._spc,
                self._intevt, self._sr_unwritten, self._interrupted_unwritten)

    def _set_cpu_state(self, state: tuple) -> None:
        (bank, self._sr, self._vbr, self._ssr, self._spc, self._intevt, self._sr_unwritten,
         self._interrupted_unwritten) = state
        self._other_bank[:] = bank


# -- disassembler -------------------------------------------------------------
# Text in the style of sh4-linux-gnu-objdump -d (one space after the
# mnemonic here; objdump uses a tab), branch targets in bare hex.

def disassemble_word(word: int, pc: int) -> str:
    """objdump-style text of the 16-bit instruction ``word`` at ``pc``."""
    n = (word >> 8) & 0xF
    m = (word >> 4) & 0xF
    low = word & 0xF
    top = word >> 12
    rn, rm = f"r{n}", f"r{m}"
    if word in NO_OPERANDS:
        return NO_OPERANDS[word]
    if top == 0x0:
        if low == 0x2:
            if m & 8:
                return f"stc r{m & 7}_bank,{rn}"
            if m in CONTROL:
                return f"stc {CONTROL[m]},{rn}"
        if low == 0x3 and m in (0x0, 0x2, 0x8):
            return {0x0: f"bsrf {rn}", 0x2: f"braf {rn}", 0x8: f"pref @{rn}"}[m]
        if low in (0x4, 0x5, 0x6):
            return f"mov.{SUFFIX[SIZES[low - 4]]} {rm},@(r0,{rn})"
        if low == 0x7:
            return f"mul.l {rm},{rn}"
        if low == 0x9 and m == 0x2:
            return f"movt {rn}"
        if low == 0xA and m in SYSTEM:
            return f"sts {SYSTEM[m]},{rn}"
        if low in (0xC, 0xD, 0xE):
            return f"mov.{SUFFIX[SIZES[low - 0xC]]} @(r0,{rm}),{rn}"
        if low == 0xF:
            return f"mac.l @{rm}+,@{rn}+"
    elif top == 0x1:
        return f"mov.l {rm},@({low * 4},{rn})"
    elif top == 0x2:
        if low in (0x0, 0x1, 0x2):
            return f"mov.{SUFFIX[SIZES[low]]} {rm},@{rn}"
        if low in (0x4, 0x5, 0x6):
            return f"mov.{SUFFIX[SIZES[low - 4]]} {rm},@-{rn}"
        if low == 0x7:
            return f"div0s {rm},{rn}"
        if low in (0xE, 0xF):
            return f"{'mulu.w' if low == 0xE else 'muls.w'} {rm},{rn}"
        if low in ALU_0010:
            return f"{ALU_0010[low][0]} {rm},{rn}"
    elif top == 0x3:
        names = {**{k: v[0] for k, v in ALU_0011.items()}, 0x4: "div1", 0x5: "dmulu.l",
                 0xD: "dmuls.l"}
        if low in names:
            return f"{names[low]} {rm},{rn}"
    elif top == 0x4:
        code = word & 0xFF
        if low in ALU_0100:
            return f"{ALU_0100[low][0]} {rm},{rn}"
        if code in SHIFTS:
            return f"{SHIFTS[code][0]} {rn}"
        if code in (0x0B, 0x2B):
            return f"{'jsr' if code == 0x0B else 'jmp'} @{rn}"
        if code == 0x1B:
            return f"tas.b @{rn}"
        if low == 0xF:
            return f"mac.w @{rm}+,@{rn}+"
        if low == 0xA and m in SYSTEM:
            return f"lds {rn},{SYSTEM[m]}"
        if low == 0x6 and m in SYSTEM:
            return f"lds.l @{rn}+,{SYSTEM[m]}"
        if low == 0x2 and m in SYSTEM:
            return f"sts.l {SYSTEM[m]},@-{rn}"
        if low in (0xE, 0x7, 0x3):
            target = f"r{m & 7}_bank" if m & 8 else CONTROL.get(m)
            if target is not None:
                if low == 0xE:
                    return f"ldc {rn},{target}"
                if low == 0x7:
                    return f"ldc.l @{rn}+,{target}"
                return f"stc.l {target},@-{rn}"
    elif top == 0x5:
        return f"mov.l @({low * 4},{rm}),{rn}"
    elif top == 0x6:
        if low in (0x0, 0x1, 0x2):
            return f"mov.{SUFFIX[SIZES[low]]} @{rm},{rn}"
        if low in (0x4, 0x5, 0x6):
            return f"mov.{SUFFIX[SIZES[low - 4]]} @{rm}+,{rn}"
        return f"{ALU_0110[low][0]} {rm},{rn}"
    elif top == 0x7:
        return f"add #{_signed(_sext(word, 8))},{rn}"
    elif top == 0x8:
        if n in (0x0, 0x1):
            size = 1 << n
            return f"mov.{SUFFIX[size]} r0,@({low * size},{rm})"
        if n in (0x4, 0x5):
            size = 1 << (n - 4)
            return f"mov.{SUFFIX[size]} @({low * size},{rm}),r0"
        if n == 0x8:
            return f"cmp/eq #{_signed(_sext(word, 8))},r0"
        if n in (0x9, 0xB, 0xD, 0xF):
            target = (pc + 4 + 2 * _signed(_sext(word, 8))) & M32
            return f"{ {0x9: 'bt', 0xB: 'bf', 0xD: 'bt.s', 0xF: 'bf.s'}[n]} {target:x}"
    elif top == 0x9:
        return f"mov.w {(pc + 4 + (word & 0xFF) * 2) & M32:x},{rn}"
    elif top in (0xA, 0xB):
        target = (pc + 4 + 2 * _signed(_sext(word, 12))) & M32
        return f"{'bra' if top == 0xA else 'bsr'} {target:x}"
    elif top == 0xC:
        kind, imm = n, word & 0xFF
        if kind in (0x0, 0x1, 0x2):
            size = SIZES[kind]
            return f"mov.{SUFFIX[size]} r0,@({imm * size},gbr)"
        if kind in (0x4, 0x5, 0x6):
            size = SIZES[kind - 4]
            return f"mov.{SUFFIX[size]} @({imm * size},gbr),r0"
        if kind == 0x3:
            return f"trapa #{imm}"
        if kind == 0x7:
            return f"mova {((pc & ~3) + 4 + imm * 4) & M32:x},r0"
        if kind in IMMEDIATE_R0:
            return f"{IMMEDIATE_R0[kind][0]} #{imm},r0"
        return f"{IMMEDIATE_GBR[kind]} #{imm},@(r0,gbr)"
    elif top == 0xD:
        return f"mov.l {((pc & ~3) + 4 + (word & 0xFF) * 4) & M32:x},{rn}"
    elif top == 0xE:
        return f"mov #{_signed(_sext(word, 8))},{rn}"
    return f".word 0x{word:04x}"
