"""A SPARC V8 (32-bit) integer unit, interpreted in pure Python.

Unicorn's SPARC cannot be stepped instruction by instruction (any code hook
breaks ``retl``/``jmpl``/``rett``, and reading the PSR crashes), so this
backend interprets the integer instruction set itself.  References are to
*The SPARC Architecture Manual, Version 8* (SPARC International, 1992):

* §4.1    the windowed ``r`` registers (8 globals + NWINDOWS windows of 16);
* §4.2    the control/status registers PSR, WIM, TBR and Y;
* §5.1.3  delayed control transfer: the PC/nPC pair and the delay slot;
* §7      traps: §7.3 interrupt levels (15 is non-maskable), §7.5 trap entry;
* App. B  one definition per instruction (B.1 loads ... B.29 wr, B.30
  STBAR, B.32 FLUSH).

What is modelled: the integer unit in supervisor and user mode, big-endian
memory in page-aligned regions, 8 register windows, interrupts delivered by
the machine through ``take_interrupt``, and the *delayed write* of ``wr
%psr`` (B.29: up to three instructions may still run under the old PIL and
icc; one of them using another field the write changes is a fault).
What is not: floating point, coprocessor, alternate address spaces, the
MMU, and every trap other than an interrupt.  Where the real CPU would take
such a trap the interpreter raises ``CpuFault`` instead, so nothing outside
the model ever produces a silently wrong result.

How it runs.  Memory, the cache of decoded instructions, the step loop and
snapshots are the interpreter core's (emu/backends/interpreter.py).  Each
instruction word is decoded once into a Python closure that takes the
current nPC and returns None for "continue with the next instruction" or a
new ``(pc, npc)`` pair when it transfers control; ``_execute`` keeps the
PC/nPC pair, so a delay slot is an ordinary boundary of its own.
"""

from __future__ import annotations

from typing import Callable

import capstone

from .base import Unmodelled, fault_at, not_run, vectors_moved
from .interpreter import PAGE_MASK, PAGE_SHIFT, InstructionFault, Interpreter, signed_field

M32 = 0xFFFFFFFF
NWINDOWS = 8

#: impl (bits 31:28) and ver (27:24) of the PSR: read-only, any constant will
#: do for NetBSD's spl code.
PSR_IMPL_VER = 0x00000000

# Layout of the 33-entry list that holds the registers of the current window:
# index = the 5-bit register number of the instruction (0-7 %g, 8-15 %o,
# 16-23 %l, 24-31 %i).  Index 32 is a sink: an instruction whose destination
# is %g0 writes there, so %g0 (index 0) always reads 0.
_SINK = 32
_O7 = 15
_SP = 14
_L1 = 17
_L2 = 18

#: Register names accepted by read_register/write_register (§4.1).
_REG_INDEX = {}
for _n in range(8):
    _REG_INDEX[f"g{_n}"] = _n
    _REG_INDEX[f"o{_n}"] = 8 + _n
    _REG_INDEX[f"l{_n}"] = 16 + _n
    _REG_INDEX[f"i{_n}"] = 24 + _n
for _n in range(32):
    _REG_INDEX[f"r{_n}"] = _n
_REG_INDEX["sp"] = _SP
_REG_INDEX["fp"] = 30

# -- integer condition codes (§4.2 PSR.icc) -------------------------------
# icc is kept as a 4-bit number: N=8, Z=4, V=2, C=1 (PSR bits 23:20).

#: Condition mnemonics by the 4-bit cond field of Bicc/Ticc (B.21, B.27).
_COND_NAMES = ("n", "e", "le", "l", "leu", "cs", "neg", "vs",
               "a", "ne", "g", "ge", "gu", "cc", "pos", "vc")


def _cond_true(cond: int, icc: int) -> bool:
    n, z, v, c = icc >> 3 & 1, icc >> 2 & 1, icc >> 1 & 1, icc & 1
    test = (False, z, z or (n ^ v), n ^ v, c or z, c, n, v)[cond & 7]
    return bool(test) != bool(cond & 8)


#: _COND_TAKEN[cond][icc]: is the condition true for these condition codes?
_COND_TAKEN = tuple(tuple(_cond_true(cond, icc) for icc in range(16))
                    for cond in range(16))


def _nz(r: int) -> int:
    """icc for a logical result: N and Z set from it, V = C = 0."""
    return (r >> 31) << 3 | (r == 0) << 2


def _add_icc(a: int, b: int, r: int) -> int:
    """icc of r = a + b (+ carry), B.13."""
    v = ((a & b & ~r) | (~a & ~b & r)) >> 31 & 1
    c = ((a & b) | (~r & (a | b))) >> 31 & 1
    return _nz(r) | v << 1 | c


def _sub_icc(a: int, b: int, r: int) -> int:
    """icc of r = a - b (- carry), B.15 (C is the borrow)."""
    v = ((a & ~b & ~r) | (~a & b & r)) >> 31 & 1
    c = ((~a & b) | (r & (~a | b))) >> 31 & 1
    return _nz(r) | v << 1 | c


def _signed(x: int) -> int:
    return (x ^ 0x80000000) - 0x80000000


# -- ALU operations --------------------------------------------------------
# Each takes (rs1 value, operand2 value, cpu) and returns the 32-bit result;
# the "cc" forms also set cpu._icc, the multiplies and MULScc set cpu._y
# (B.11-B.19; B.16 tagged arithmetic, B.17 MULScc, B.19 divides).

def _add(a, b, cpu):
    return (a + b) & M32


def _addcc(a, b, cpu):
    r = (a + b) & M32
    cpu._icc = _add_icc(a, b, r)
    return r


def _addx(a, b, cpu):
    return (a + b + (cpu._icc & 1)) & M32


def _addxcc(a, b, cpu):
    r = (a + b + (cpu._icc & 1)) & M32
    cpu._icc = _add_icc(a, b, r)
    return r


def _sub(a, b, cpu):
    return (a - b) & M32


def _subcc(a, b, cpu):
    r = (a - b) & M32
    cpu._icc = _sub_icc(a, b, r)
    return r


def _subx(a, b, cpu):
    return (a - b - (cpu._icc & 1)) & M32


def _subxcc(a, b, cpu):
    r = (a - b - (cpu._icc & 1)) & M32
    cpu._icc = _sub_icc(a, b, r)
    return r


def _and(a, b, cpu):
    return a & b


def _andcc(a, b, cpu):
    r = a & b
    cpu._icc = _nz(r)
    return r


def _andn(a, b, cpu):
    return a & ~b


def _andncc(a, b, cpu):
    r = a & ~b
    cpu._icc = _nz(r)
    return r


def _or(a, b, cpu):
    return a | b


def _orcc(a, b, cpu):
    r = a | b
    cpu._icc = _nz(r)
    return r


def _orn(a, b, cpu):
    return (a | ~b) & M32


def _orncc(a, b, cpu):
    r = (a | ~b) & M32
    cpu._icc = _nz(r)
    return r


def _xor(a, b, cpu):
    return a ^ b


def _xorcc(a, b, cpu):
    r = a ^ b
    cpu._icc = _nz(r)
    return r


def _xnor(a, b, cpu):
    return ~(a ^ b) & M32


def _xnorcc(a, b, cpu):
    r = ~(a ^ b) & M32
    cpu._icc = _nz(r)
    return r


def _sll(a, b, cpu):
    return (a << (b & 31)) & M32


def _srl(a, b, cpu):
    return a >> (b & 31)


def _sra(a, b, cpu):
    return (_signed(a) >> (b & 31)) & M32


def _umul(a, b, cpu):
    p = a * b
    cpu._y = p >> 32
    return p & M32


def _umulcc(a, b, cpu):
    r = _umul(a, b, cpu)
    cpu._icc = _nz(r)
    return r


def _smul(a, b, cpu):
    p = _signed(a) * _signed(b)
    cpu._y = (p >> 32) & M32
    return p & M32


def _smulcc(a, b, cpu):
    r = _smul(a, b, cpu)
    cpu._icc = _nz(r)
    return r


def divide32(y: int, a: int, b: int, signed: bool, name: str) -> tuple[int, bool]:
    """The integer divide of V8 B.19 (and of V9 A.10, which keeps it):
    the 64-bit dividend Y<31:0>:a<31:0> over the 32-bit divisor b<31:0>,
    both unsigned (UDIV) or two's complement (SDIV), the quotient
    truncated toward zero.  A quotient that does not fit 32 bits is an
    overflow: the result is then 2**32 - 1 (UDIV), or 2**31 - 1 for a
    positive and -2**31 for a negative quotient (SDIV).  Returns (quotient
    as a Python int inside the 32-bit range, overflow?); the caller sets
    rd and the condition codes.  A zero divisor is the division_by_zero
    trap (tt 0x2A): a fault naming ``name`` (the routine divided by zero)."""
    b &= M32
    if b == 0:
        raise InstructionFault(f"division_by_zero trap ({name} by 0, V8 B.19)")
    dividend = (y & M32) << 32 | a & M32
    if not signed:
        q = dividend // b
        return (M32, True) if q > M32 else (q, False)
    dividend = (dividend ^ (1 << 63)) - (1 << 63)
    b = _signed(b)
    q = abs(dividend) // abs(b)
    if (dividend < 0) != (b < 0):
        q = -q
    if q > 0x7FFFFFFF:
        return 0x7FFFFFFF, True
    if q < -0x80000000:
        return -0x80000000, True
    return q, False


def _divide(signed: bool, cc: bool):
    """UDIV, SDIV, UDIVcc, SDIVcc (B.19): rd = the 32-bit quotient of
    Y:r[rs1] by operand2 (see divide32).  The cc forms set N and Z from
    the result, V = overflow, C = 0.  Y is read, not written."""
    name = ("sdiv" if signed else "udiv") + ("cc" if cc else "")

    def divide(a, b, cpu):
        q, overflow = divide32(cpu._y, a, b, signed, name)
        r = q & M32
        if cc:
            cpu._icc = _nz(r) | overflow << 1
        return r
    return divide


def _mulscc(a, b, cpu):
    """MULScc (B.17), one step of a shift-and-add multiply: operand 1 is
    r[rs1] shifted right one bit with (N xor V) of the old icc shifted in
    at bit 31; operand 2 is operand2 if Y<0> = 1, else 0; rd = their sum,
    icc as for ADDcc; Y shifts right one bit, r[rs1]<0> entering at
    Y<31>."""
    icc, y = cpu._icc, cpu._y & M32
    op1 = ((icc >> 3 ^ icc >> 1) & 1) << 31 | a >> 1
    op2 = b if y & 1 else 0
    r = (op1 + op2) & M32
    cpu._icc = _add_icc(op1, op2, r)
    cpu._y = (a & 1) << 31 | y >> 1
    return r


def _tagged(subtract: bool, trap: bool):
    """TADDcc, TSUBcc, TADDccTV, TSUBccTV (B.16): an ADDcc/SUBcc whose V
    is also set when either operand has a nonzero tag (bits 1:0).  The TV
    forms on an overflow (tag or arithmetic) take the tag_overflow trap
    (tt 0x0A) without writing rd or icc: a fault naming the instruction
    (the routine's operands overflowed)."""
    name = ("tsubcc" if subtract else "taddcc") + ("tv" if trap else "")
    flags = _sub_icc if subtract else _add_icc

    def tagged(a, b, cpu):
        r = (a - b if subtract else a + b) & M32
        icc = flags(a, b, r) | (2 if (a | b) & 3 else 0)
        if trap and icc & 2:
            raise InstructionFault(f"tag_overflow trap (V8 B.16): {name} "
                                   f"0x{a:08x}, 0x{b:08x}")
        cpu._icc = icc
        return r
    return tagged


def _nop(npc):
    """NOP (B.10), SETHI to %g0, BN without annul, STBAR (B.30): nothing
    to do."""


def _flush(npc):
    """FLUSH (B.32) makes stores to the doubleword at r[rs1] + operand2
    visible to instruction fetches.  Nothing here needs it: the
    interpreter core forgets a decoded instruction whenever its word is
    written, so a fetch always sees memory as it is.  The address is not
    computed: with nothing to flush, it names nothing this model uses
    (FLUSH is not privileged, B.32)."""


#: op3 (op = 2) -> ALU operation.
_ALU = {
    0x00: _add, 0x01: _and, 0x02: _or, 0x03: _xor,
    0x04: _sub, 0x05: _andn, 0x06: _orn, 0x07: _xnor,
    0x08: _addx, 0x0A: _umul, 0x0B: _smul, 0x0C: _subx,
    0x10: _addcc, 0x11: _andcc, 0x12: _orcc, 0x13: _xorcc,
    0x14: _subcc, 0x15: _andncc, 0x16: _orncc, 0x17: _xnorcc,
    0x18: _addxcc, 0x1A: _umulcc, 0x1B: _smulcc, 0x1C: _subxcc,
    0x0E: _divide(False, False), 0x0F: _divide(True, False),
    0x1E: _divide(False, True), 0x1F: _divide(True, True),
    0x20: _tagged(False, False), 0x21: _tagged(True, False),
    0x22: _tagged(False, True), 0x23: _tagged(True, True), 0x24: _mulscc,
    0x25: _sll, 0x26: _srl, 0x27: _sra,
}

#: PSR fields (other than PIL and icc, whose delay is modelled) that an
#: instruction may read or write while a WRPSR that changes them has not
#: landed (B.29); their names, for the fault.
PSR_CWP, PSR_ET, PSR_PS, PSR_S, PSR_EF, PSR_EC = 0x1F, 0x20, 0x40, 0x80, 0x1000, 0x2000
PSR_ICC = 0xF00000                  # N, Z, V, C (§4.2)
PSR_UNSETTLED = PSR_CWP | PSR_ET | PSR_PS | PSR_S | PSR_EF | PSR_EC
#: B.29: "the three instructions that follow a WRPSR"
UNSETTLED_WINDOW = 3
_FIELD_NAMES = ((PSR_EC, "EC"), (PSR_EF, "EF"), (PSR_S, "S"), (PSR_PS, "PS"), (PSR_ET, "ET"),
                (PSR_CWP, "CWP"))


def psr_field_names(mask: int) -> str:
    """'ET/CWP' for a mask of PSR fields."""
    return "/".join(name for bit, name in _FIELD_NAMES if mask & bit)


def psr_fields_used(word: int) -> int:
    """The PSR fields of PSR_UNSETTLED that the instruction ``word`` reads
    or writes as it executes (B.29 lists them for the delayed write):
    CWP by every access to a windowed register (r8-r31: its window is
    CWP's), CALL (%o7), SAVE, RESTORE and RETT; S by the privileged
    instructions (rd/wr %psr/%wim/%tbr, RETT); ET, PS by RETT; every field
    by RDPSR.  WRPSR's own write is judged by the write
    (SparcBackend._write_psr_delayed).  S also selects the address space
    of every fetch, load and store, which no part of this model tells
    apart (no MMU): both values give the same result there."""
    op = word >> 30
    if op == 1:
        return PSR_CWP                       # CALL writes %o7
    rd, rs1, rs2 = word >> 25 & 31, word >> 14 & 31, word & 31
    if op == 0:
        return PSR_CWP if word >> 22 & 7 == 4 and rd >= 8 else 0   # SETHI
    op3 = word >> 19 & 0x3F
    regs = [rd, rs1]
    if not word >> 13 & 1:
        regs.append(rs2)
    fields = 0
    if op == 2:
        if op3 == 0x29:                      # RDPSR reads every field
            return PSR_UNSETTLED
        if 0x28 <= op3 <= 0x2B:              # RD: rs1 names the register
            regs = [rd]
            fields |= PSR_S if op3 != 0x28 else 0
        elif 0x30 <= op3 <= 0x33 or op3 in (0x3A, 0x3B):   # WR, Ticc, FLUSH: rd no register
            regs = regs[1:]
            fields |= PSR_S if op3 in (0x31, 0x32, 0x33) else 0
        elif op3 == 0x39:                    # RETT
            return PSR_CWP | PSR_ET | PSR_PS | PSR_S
        elif op3 in (0x3C, 0x3D):            # SAVE, RESTORE
            return PSR_CWP
    if any(r >= 8 for r in regs):
        fields |= PSR_CWP
    return fields


#: op3 (op = 2) of the instructions that read or write the icc (B.11-B.19:
#: the cc forms, ADDX/SUBX with their carry in, the tagged forms, MULScc)
_ICC_OP3 = frozenset((0x08, 0x0C, *range(0x10, 0x25)))
#: ... and of those that read or write Y (B.17 MULScc, B.18 the multiplies,
#: B.19 the divides)
_Y_OP3 = frozenset((0x0A, 0x0B, 0x0E, 0x0F, 0x1A, 0x1B, 0x1E, 0x1F, 0x24))


def delayed_use(word: int) -> tuple[bool, bool]:
    """(does the instruction ``word`` use what a WRPSR delays, ... what a
    WRY delays), "use" being read or write: of the PSR the PIL (RDPSR) and
    the icc (RDPSR, Bicc other than BA/BN, Ticc, the cc ALU forms,
    ADDX/SUBX, MULScc); Y (RDY, the multiplies, MULScc, the divides).
    What a delayed write leaves these reading, or replaces when it lands,
    depends on the latency (B.29).  Another WRPSR (WRY) is no use: it
    writes every field itself, what lands last is the same at every
    latency, and the three instructions after it are watched anew.  The
    other PSR fields are judged at every latency alike (psr_fields_used)."""
    op = word >> 30
    if op == 0:
        return (word >> 22 & 7 == 2 and word >> 25 & 7 != 0), False     # Bicc, not BA/BN
    if op != 2:
        return False, False
    op3 = word >> 19 & 0x3F
    if op3 == 0x28:
        return False, word >> 14 & 31 == 0                  # RDY (rs1 0; else RDASR)
    return (op3 in _ICC_OP3 or op3 in (0x29, 0x3A)), op3 in _Y_OP3


#: op3 (op = 3) of the plain loads -> (size in bytes, sign-extend?) (B.1).
_LOADS = {0x00: (4, False), 0x01: (1, False), 0x02: (2, False),
          0x09: (1, True), 0x0A: (2, True)}
#: op3 (op = 3) of the plain stores -> size in bytes (B.4).
_STORES = {0x04: 4, 0x05: 1, 0x06: 2}


#: a WRTBR: sets TBA, where the CPU finds its trap handlers
_MOVED_TRAP_TABLE = vectors_moved(
    "wr %tbr: sets the trap table's base (V8 §4.2, TBR's TBA field; B.29 WRTBR)")


class SparcBackend(Interpreter):
    """One SPARC V8 integer unit with NWINDOWS = 8 register windows.

    State after construction is that after a reset trap (§7), as far as it
    matters here: PSR.S = 1, ET = 0, PIL = 0, CWP = 0; WIM, TBR, Y and all
    registers 0; nothing mapped.  The machine sets PC, %sp, PSR and WIM.
    """

    family = "sparc"
    operand_form = "[%{register} + {offset}]"
    write_latencies = (0, 1, 2, 3)
    byte_order = "big"
    address_mask = M32
    #: the manual's section on window overflow and underflow traps
    window_traps_section = "V8 §4.3"
    # The current window lives in _regs (see _SINK); the other windows live
    # in _windows, 16 per window: its 8 outs, then its 8 locals.  The ins of
    # window w are the outs of window w+1 (§4.1: SAVE decrements CWP, so
    # the caller's outs become the callee's ins).
    register_index = _REG_INDEX
    trace_registers = (*(f"{bank}{n}" for bank in "goli" for n in range(8) if (bank, n) != ("g", 0)),
                       "psr", "wim", "y")
    register_count = 33
    zero_register = 0
    #: the decode tables a V9 subclass replaces (64-bit ALU, ldx/stx ...)
    _alu = _ALU
    _loads = _LOADS
    _stores = _STORES

    _disassembler = None  # capstone.Cs, created on first use

    #: a request a device made stays on its IRL level past the trap, until
    #: software clears it at the device: the CPU takes it again wherever ET
    #: = 1 and its level is above PIL, or is 15 (V8 §7.3: interrupt_level_15
    #: whatever PIL), until the handler runs (Run.asserted).  No trap
    #: acknowledges a device on sun4/sun4c.  Read here: NetBSD sparc
    #: intreg.h 1.7 (the sun4c interrupt enable register) "Software
    #: interrupt requests must be cleared in software ... The ALLIE bit must
    #: be cleared to clear asynchronous memory error (level 15) interrupts",
    #: and locore.s 1.222 nmi_sun4 / nmi_sun4c clear IE_ALLIE "with traps
    #: off ... to prevent recursion" before `wr %l0, PSR_ET, %psr`
    #: (nmi_sun4m clears the level-15 bit in ICR_PI_CLR first); the
    #: counters at levels 10 and 14 keep requesting until their handler
    #: reads the limit register (clock.c 1.25 clockintr / statintr: "read
    #: the limit register to clear the interrupt"; timerreg.h TMR_LIMIT);
    #: a Z8530 (zs, level 12) keeps IP, and /INT, set through the
    #: acknowledge until software clears it (Zilog, Interfacing Z80 CPUs to
    #: the Z8500 Peripheral Family, Peripheral Interrupt Operation; the
    #: SPARC bus gives no acknowledge to it at all).  Disk (5) and ether
    #: (6) are held as those are: no manual of theirs was read here.  The
    #: soft sources are left as they were (Backend.holds_taken_requests):
    #: the model's stubs do not clear intreg.h IE_L1
    holds_taken_requests = True
    models_enable_register = True

    def __init__(self, model: str | None = None):
        super().__init__(model)
        self._windows = [0] * (16 * NWINDOWS)
        self._npc = 4
        # PSR fields (§4.2).  _ecef holds bits 13:12 (EC, EF) as they are.
        self._icc = 0
        self._ecef = 0
        self._pil = 0
        self._s = 1
        self._ps = 0
        self._et = 0
        self._cwp = 0
        self._wim = 0
        self._tbr = 0
        self._y = 0
        # Delayed PSR write (B.29).  _eff_pil is the PIL interrupt acceptance
        # sees; each entry of _pending is a write still settling:
        # [instructions left, its PIL, its icc or None], oldest first.  ET
        # takes effect at once for interrupts; icc lands with the PIL (see
        # _write_psr_delayed).
        self._eff_pil = 0
        self._pending: list[list[int]] = []
        #: the WRPSRs of the last UNSETTLED_WINDOW instructions that changed
        #: fields of PSR_UNSETTLED: [instructions left, those fields, the
        #: PSR written]; an instruction using one of them is a fault
        #: (_check_unsettled), whatever the latency explored
        self._unsettled: list[list[int]] = []
        #: a WRY still settling (B.29): [instructions left, the value]
        self._pending_y: list[int] = []
        #: instructions left of the three after the last WRPSR and the last
        #: WRY, whatever the latency explored (latency_bound)
        self._psr_window = 0
        self._y_window = 0
        #: (page number, offset in the page, size, bits) of the interrupt
        #: enable register (set_enable_register), or None
        self._enable: tuple[int, int, int, int] | None = None
        #: the enable register's soft request bit of each level
        #: (set_enable_register), and the levels whose bit the last store cleared
        self._soft_bits: dict[int, int] = {}
        self._withdrawn = 0

    # -- registers ----------------------------------------------------------
    def _psr(self) -> int:
        """The PSR as ``rd %psr`` reads it (§4.2)."""
        return (PSR_IMPL_VER | self._icc << 20 | self._ecef | self._pil << 8
                | self._s << 7 | self._ps << 6 | self._et << 5 | self._cwp)

    def _psr_as_read(self) -> int:
        """The PSR as RDPSR reads it while a WRPSR may not have landed: the
        PIL in effect (the old one until the write lands at the latency
        explored), as the icc are (B.29: a field the WRPSR changed is
        unpredictable to the three instructions after it; the old value is
        one of the outcomes)."""
        return self._psr() & ~0xF00 | self._eff_pil << 8

    def _set_psr(self, value: int) -> None:
        """Write every writable PSR field at once; CWP must be < NWINDOWS."""
        self._icc = value >> 20 & 0xF
        self._ecef = value & 0x3000
        self._pil = value >> 8 & 0xF
        self._s = value >> 7 & 1
        self._ps = value >> 6 & 1
        self._et = value >> 5 & 1
        self._set_cwp(value & 0x1F)

    def _set_cwp(self, cwp: int) -> None:
        """Switch the current window (§4.1): save the 24 windowed registers
        of the old window, then load those of the new one."""
        regs, windows = self._regs, self._windows
        old = self._cwp * 16
        windows[old:old + 16] = regs[8:24]
        ins = (self._cwp + 1) % NWINDOWS * 16
        windows[ins:ins + 8] = regs[24:32]
        new = cwp * 16
        regs[8:24] = windows[new:new + 16]
        ins = (cwp + 1) % NWINDOWS * 16
        regs[24:32] = windows[ins:ins + 8]
        self._cwp = cwp

    def _window_registers(self, window: int) -> list[int]:
        """%l0-%l7 and %i0-%i7 of a window other than the current one, in
        the order a spill stores them (its ins are the outs of the window
        above it in _windows)."""
        ins = (window + 1) % NWINDOWS * 16
        return self._windows[window * 16 + 8:window * 16 + 16] + self._windows[ins:ins + 8]

    def _set_window_registers(self, window: int, values: list[int]) -> None:
        """Give a window other than the current one the %l0-%l7 and
        %i0-%i7 ``values`` (a fill's order)."""
        self._windows[window * 16 + 8:window * 16 + 16] = values[:8]
        ins = (window + 1) % NWINDOWS * 16
        self._windows[ins:ins + 8] = values[8:]

    def _read_special(self, name: str) -> int:
        if name == "pc":
            return self._pc
        if name == "npc":
            return self._npc
        if name == "psr":
            return self._psr()
        if name == "wim":
            return self._wim
        if name == "tbr":
            return self._tbr
        if name == "y":
            return self._y
        raise KeyError(name)

    def _write_special(self, name: str, value: int) -> None:
        """``pc`` also sets npc = pc + 4; ``psr`` takes effect at once, also
        for interrupt acceptance (no settling)."""
        if name == "pc":
            self._pc = value
            self._npc = (value + 4) & M32
        elif name == "npc":
            self._npc = value
        elif name == "psr":
            if value & 0x1F >= NWINDOWS:
                raise ValueError(f"psr 0x{value:08x}: CWP beyond {NWINDOWS} windows")
            self._set_psr(value)
            self._eff_pil = self._pil
            self._pending.clear()
            self._unsettled.clear()
            self._psr_window = 0
        elif name == "wim":
            self._wim = value & ((1 << NWINDOWS) - 1)
        elif name == "tbr":
            self._tbr = value & 0xFFFFFFF0
        elif name == "y":
            self._y = value
            self._pending_y.clear()
            self._y_window = 0
        else:
            raise KeyError(name)

    def flip_bits(self, name: str, bits: int) -> None:
        """Invert ``bits`` of Y, or of the icc in the PSR, as the CPU holds
        them now, a WRY or WRPSR still settling left to land as it would
        (B.29; a trap completes it, §7.5).  Poisoner.repoison gives a second
        world's poison so at a boundary within three instructions after a
        ``wr``: write_register would drop the write, and a routine's
        ``wr %g0, 0, %y; nop; nop; nop; udiv`` would divide by the poison
        in that world only."""
        if name == "y":
            self._y ^= bits & M32
        elif name == "psr" and not bits & ~PSR_ICC:
            self._icc ^= bits >> 20 & 0xF
        else:
            super().flip_bits(name, bits)

    # -- execution ----------------------------------------------------------
    def _execute(self, op: Callable) -> None:
        """One instruction (§5.1.3): it counts towards a settling ``wr
        %psr``; a step returns None (PC = nPC, nPC += 4) or the new
        (PC, nPC) of a control transfer, so a delay slot is a boundary of
        its own (an annulled one is skipped and is not a boundary)."""
        if self._pending or self._pending_y:
            self._settle_one()
        if self._psr_window or self._y_window:
            self._watch_window()
        if self._unsettled:
            self._check_unsettled()
        transfer = op(self._npc)
        if transfer is None:
            npc = self._npc
            self._pc = npc
            self._npc = (npc + 4) & M32
        else:
            self._pc, self._npc = transfer

    def _settle_one(self) -> None:
        """One more instruction is about to execute: count down the writes
        still settling.  A write made with latency L governs interrupt
        acceptance from the L-th boundary after it on (the newest whose
        delay has elapsed is in effect), while the L instructions after it
        read the old value (B.29: "within three instructions after a WRY
        ... its results are undefined"; the same for the fields of a WRPSR):
        its icc, and its Y, land one instruction later, replacing what was
        written since."""
        if self._pending_y:
            self._pending_y[0] -= 1
            if self._pending_y[0] < 0:
                self._y = self._pending_y[1]
                self._pending_y.clear()
        pending = self._pending
        for entry in pending:
            entry[0] -= 1
        for entry in reversed(pending):
            if entry[0] <= 0:
                self._eff_pil = entry[1]
                break
        for i in range(len(pending) - 1, -1, -1):
            if pending[i][0] < 0:
                if pending[i][2] is not None:   # the write's icc replaces what was written since
                    self._icc = pending[i][2]
                del pending[:i + 1]
                return

    def _watch_window(self) -> None:
        """The instruction about to run is one of the three after a WRPSR
        or a WRY (counted so at every latency explored): if it reads or
        writes what such a write delays (delayed_use), its result, and so
        the rest of the run, may depend on the latency: latency_seen."""
        word = self._fetch(self._pc)
        psr_use, y_use = delayed_use(word)
        if (psr_use and self._psr_window) or (y_use and self._y_window):
            self.latency_seen = True
        if self._psr_window:
            self._psr_window -= 1
        if self._y_window:
            self._y_window -= 1

    def latency_bound(self) -> bool:
        """Could the run since latency_seen was last cleared have gone
        otherwise at another write latency?  Yes if an instruction among
        the three after a WRPSR or WRY used what the write delays (the PIL
        by rd %psr, the icc, Y: see delayed_use), or the run ended with
        such a window open (its end state still settling).  Otherwise the
        latency decided only interrupt acceptance: a trap completes every
        pending write (complete_writes), so a run delivered at the same
        boundary goes on alike at every latency."""
        return self.latency_seen or bool(self._psr_window or self._y_window)

    def _unsettled_fields(self, floor: int) -> int:
        """The PSR_UNSETTLED fields changed by the writes with more than
        ``floor`` instructions left in their window."""
        mask = 0
        for entry in self._unsettled:
            if entry[0] > floor:
                mask |= entry[1]
        return mask

    def _check_unsettled(self) -> None:
        """B.29: "If any of the three instructions that follow a WRPSR
        uses any of the PSR fields that WRPSR modified, the value of those
        fields is unpredictable."  Count the instruction about to run
        against the WRPSRs in _unsettled; if it is one of the three after
        one and reads or writes a PSR_UNSETTLED field that write changed,
        its result is none the model can give (RETT with the old ET = 1 is
        an illegal_instruction trap, with the new ET = 0 it returns; SAVE
        in the old or the new window ...): a fault.  The window is the
        manual's three instructions at every latency explored: what is
        unpredictable on some implementation is wrong code on all of them
        (and the outcome of a case then does not depend on the latency,
        which check shares between latencies).  PIL and icc are not judged
        here: their delay is modelled (the old values until the write
        lands, ``latency``)."""
        unsettled = self._unsettled
        for entry in unsettled:
            entry[0] -= 1
        while unsettled and unsettled[0][0] < 0:
            del unsettled[0]
        mask = self._unsettled_fields(-1)
        if not mask:
            return
        word = self._fetch(self._pc)
        used = psr_fields_used(word) & mask
        if used:
            left = max(e[0] for e in unsettled if e[1] & used)
            self._unpredictable(word, used, UNSETTLED_WINDOW - left)

    def _unpredictable(self, word: int, fields: int, after: int) -> None:
        text = self._disassemble_word(word, self._pc)
        raise InstructionFault(
            f"unpredictable (V8 B.29): {text.split()[0]} {after} instruction"
            f"{'s' if after != 1 else ''} after a wr %psr that changes {psr_field_names(fields)}, "
            f"which it uses: the write may land only after three instructions (judged so at "
            f"every write latency)")

    def return_hazard(self):
        """A WRPSR whose three-instruction window (B.29) reaches past the
        return: the caller's first instruction is among the three, and a
        field of PSR_UNSETTLED the write changed is unpredictable to it
        (the PIL's own delay is judged by exact, settling).  Whatever the
        caller does first may use it: with ET, any trap it takes (a save
        overflowing the windows, a data access fault, a `ta`) finds ET
        still 0 on some implementation, and a trap with ET = 0 puts the
        processor into error mode (V8 ch. 7, Error Mode); with CWP, S, PS
        every windowed register and privileged instruction."""
        fields = self._unsettled_fields(0)
        if not fields:
            return None
        left = max(e[0] for e in self._unsettled if e[0] > 0 and e[1] & fields)
        after = UNSETTLED_WINDOW - left
        return None, None, (
            f"the routine returns {after} instruction{'s' if after != 1 else ''} after a wr "
            f"%psr that changes {psr_field_names(fields)}: the caller's first instruction is "
            f"still one of the three after it, to which {psr_field_names(fields)} "
            f"{'is' if '/' not in psr_field_names(fields) else 'are'} unpredictable "
            f"(SPARC V8 B.29 WRPSR; a trap taken there with ET still 0 enters error mode, "
            f"V8 ch. 7); keep the write three instructions ahead of the return")

    def settling(self) -> int:
        """Instructions until the last write that changes the effective PIL
        takes effect (a write of the PIL already in effect changes nothing)."""
        left_most, effective = 0, self._eff_pil
        for left, pil, _ in self._pending:
            if left > 0 and pil != effective:
                left_most, effective = max(left_most, left), pil
        return left_most

    # -- decoding (Appendix B) ------------------------------------------------
    def _decode(self, word: int, pc: int) -> Callable | None:
        """The step of ``word`` at ``pc``, by its op field (§5.2)."""
        op = word >> 30
        if op == 1:
            return self._decode_call(pc, word)
        if op == 0:
            return self._decode_format2(pc, word)
        if op == 2:
            return self._decode_arith(pc, word)
        return self._decode_memory(word)

    def _decode_call(self, pc: int, word: int) -> Callable:
        """CALL (B.24): %o7 = address of the call; delayed jump to
        pc + 4 * disp30."""
        regs = self._regs
        target = (pc + signed_field(word, 30) * 4) & self.address_mask

        def call(npc):
            regs[_O7] = pc
            return npc, target
        return call

    def _decode_format2(self, pc: int, word: int) -> Callable | None:
        """SETHI/NOP (B.9, B.10), Bicc (B.21), UNIMP (B.31)."""
        op2 = word >> 22 & 7
        if op2 == 4:
            rd = word >> 25 & 31
            value = (word & 0x3FFFFF) << 10
            if rd == 0:
                return _nop
            regs = self._regs

            def sethi(npc):
                regs[rd] = value
            return sethi
        if op2 == 2:
            return self._decode_bicc(pc, word)
        if op2 == 0:
            const = word & 0x3FFFFF

            def unimp(npc):
                raise InstructionFault(f"illegal instruction (unimp 0x{const:x})")
            return unimp
        return None  # FBfcc, CBccc and the reserved op2 values

    def _decode_bicc(self, pc: int, word: int) -> Callable:
        """Bicc (B.21) on the integer condition codes."""
        cond = word >> 25 & 0xF
        taken, cpu = _COND_TAKEN[cond], self
        target = (pc + signed_field(word, 22) * 4) & self.address_mask
        return self._branch({8: True, 0: False}.get(cond, lambda: taken[cpu._icc]),
                            word >> 29 & 1, target)

    def _branch(self, test, annul: int, target: int) -> Callable:
        """A delayed conditional branch (B.21; V9 BPcc and BPr share it):
        ``test`` is True (always), False (never) or a function of the CPU
        state.  Taken: the delay slot runs, then the target.  The annul bit
        cancels the delay slot of an untaken conditional branch, and always
        for ``ba,a`` (and ``bn,a``)."""
        mask = self.address_mask
        after = (target + 4) & mask
        if test is True:  # ba
            if annul:
                return lambda npc: (target, after)
            return lambda npc: (npc, target)
        if test is False:  # bn: never taken, a plain nop unless annulling
            if annul:
                return lambda npc: ((npc + 4) & mask, (npc + 8) & mask)
            return _nop
        if annul:
            def branch_annul(npc):
                if test():
                    return npc, target
                return (npc + 4) & mask, (npc + 8) & mask
            return branch_annul

        def branch(npc):
            if test():
                return npc, target
        return branch

    def _operand2(self, word: int) -> Callable[[], int]:
        """operand2 of a format-3 instruction: r[rs2], or simm13
        sign-extended (i = 1), as a function returning the current value."""
        if word >> 13 & 1:
            imm = signed_field(word, 13) & self.address_mask
            return lambda: imm
        regs, rs2 = self._regs, word & 31
        return lambda: regs[rs2]

    def _decode_arith(self, pc: int, word: int) -> Callable | None:
        """op = 2: ALU, shifts, multiplies, rd/wr, jmpl, rett, Ticc,
        save/restore."""
        op3 = word >> 19 & 0x3F
        rd = word >> 25 & 31
        dest = rd or _SINK
        rs1 = word >> 14 & 31
        regs = self._regs
        cpu = self

        mask = self.address_mask
        alu = self._alu.get(op3)
        if alu is not None:
            # The most frequent case: specialise on the operand2 form.
            if word >> 13 & 1:
                imm = signed_field(word, 13) & mask

                def alu_imm(npc):
                    regs[dest] = alu(regs[rs1], imm, cpu)
                return alu_imm
            rs2 = word & 31

            def alu_reg(npc):
                regs[dest] = alu(regs[rs1], regs[rs2], cpu)
            return alu_reg

        operand2 = self._operand2(word)
        if op3 in (0x3C, 0x3D):
            return self._decode_save_restore(op3 == 0x3C, rs1, operand2, dest)
        if op3 == 0x38:  # JMPL (B.25)
            def jmpl(npc):
                target = (regs[rs1] + operand2()) & mask
                if target & 3:
                    raise InstructionFault(f"misaligned jump target 0x{target:08x}")
                regs[dest] = pc
                return npc, target
            return jmpl
        if op3 == 0x39:
            return self._decode_rett(rs1, operand2)
        if op3 == 0x3A:
            return self._decode_ticc(word, rs1, operand2)
        if op3 == 0x3B:
            return _flush
        if 0x28 <= op3 <= 0x2B:
            return self._decode_rd(op3, rs1, dest)
        if 0x30 <= op3 <= 0x33:
            return self._decode_wr(op3, rd, rs1, operand2)
        return None  # FPop, CPop, the ASRs, reserved op3 values

    def _decode_save_restore(self, save: bool, rs1: int,
                             operand2: Callable[[], int], dest: int) -> Callable:
        """SAVE / RESTORE (B.20): CWP - 1 / CWP + 1 (mod NWINDOWS); rd (in
        the new window) = rs1 + operand2 (read in the old window).  Moving
        into a window marked in WIM is a window overflow / underflow trap,
        run as NetBSD's handler runs it (_overflow, _underflow), then the
        instruction.  A SAVE inside an interrupt (not ``own_top``) then
        spills every older window (_flush), as a handler calling deep
        enough does: they come back from memory by underflow traps."""
        regs, cpu = self._regs, self
        step = -1 if save else 1
        name = "save" if save else "restore"

        def window_move(npc):
            new = (cpu._cwp + step) % NWINDOWS
            if cpu._wim >> new & 1:
                if not cpu._et:
                    raise InstructionFault(
                        f"a window {'overflow' if save else 'underflow'} trap with traps "
                        f"disabled (PSR.ET = 0): the processor enters error mode and halts "
                        f"(V8 ch. 7, Error Mode)")
                if save:
                    cpu._overflow(name)
                else:
                    cpu._underflow(name)
            value = (regs[rs1] + operand2()) & M32
            cpu._set_cwp(new)
            regs[dest] = value
            if save and cpu.window_saved is not None:
                cpu.window_saved()
            if save and not cpu.own_top:
                cpu._flush(name)
        return window_move

    def _single_invalid(self, text: str) -> int:
        """The one window WIM marks invalid (NetBSD keeps one); with more
        or none the handlers' rotation is not modelled."""
        wim = self._wim & ((1 << NWINDOWS) - 1)
        if wim == 0 or wim & (wim - 1):
            raise InstructionFault(not_run(text, (
                f"V8 §4.3: a window trap with %wim 0x{self._wim:02x} (not one invalid window, "
                f"as the kernel's handlers keep it)")))
        return wim.bit_length() - 1

    def _window_address(self, sp: int, text: str, trap: str) -> int:
        """Where a window with stack pointer ``sp`` is spilled or filled:
        its 16-register save area at %sp + abi.window_save_area's bias
        (V8 §4.1; V9 §6.4, where the bias is 2047)."""
        if self.window_save_bias is None:
            raise InstructionFault(not_run(text, f"{self.window_traps_section}: a window {trap} "
                                                 f"trap, whose kernel handler needs "
                                                 f"abi.window_save_area"))
        return (sp + self.window_save_bias) & self.address_mask

    def _overflow(self, text: str) -> None:
        """A window overflow trap (B.20; or a trap's entry into the invalid
        window, §7.5) as NetBSD's handler runs it (sparc locore.s
        winof_kernel; the trap setup's "the trap window is potentially the
        last window"): the oldest window, just past the invalid one in
        SAVE's direction, stores its %l0-%l7 and %i0-%i7 at its own %sp
        and becomes the invalid one (WIM rotated right).  A store that
        faults is the handler's fault."""
        invalid = self._single_invalid(text)
        oldest = (invalid - 1) % NWINDOWS
        if oldest == self._cwp:
            raise InstructionFault(not_run(text, "V8 §4.3: a window overflow with every "
                                                 "window in use"))
        self._set_cwp(self._cwp)                   # the current window's registers to _windows
        values = self._window_registers(oldest)
        area = self._window_address(self._windows[oldest * 16 + 6], text, "overflow")
        try:
            for n, value in enumerate(values):
                self._store(area + 4 * n, 4, value)
        except InstructionFault as fault:
            raise InstructionFault(f"{fault.message}: the window overflow trap's handler "
                                   f"spilling window {oldest} at its %sp") from None
        self._wim = 1 << oldest

    def _underflow(self, text: str) -> None:
        """A window underflow trap (B.20 RESTORE, or before a RETT: NetBSD's
        return from trap fills the window it returns to first, sparc
        locore.s rft_kernel) as NetBSD's handler runs it (winuf): the
        invalid window, the next in RESTORE's direction, loads its
        %l0-%l7 and %i0-%i7 from its %sp (the current %fp) and becomes
        valid, the one past it invalid (WIM rotated left)."""
        invalid = self._single_invalid(text)
        if invalid != (self._cwp + 1) % NWINDOWS:
            raise InstructionFault(not_run(text, "V8 §4.3: an underflow into a window not "
                                                 "next to the current one"))
        area = self._window_address(self._regs[30], text, "underflow")
        try:
            values = [self._load(area + 4 * n, 4) for n in range(16)]
        except InstructionFault as fault:
            raise InstructionFault(f"{fault.message}: the window underflow trap's handler "
                                   f"filling window {invalid} from %fp") from None
        self._set_window_registers(invalid, values)
        self._wim = 1 << (invalid + 1) % NWINDOWS

    def _flush(self, text: str) -> None:
        """Every window older than the current one spilled (_overflow, the
        oldest first), as a handler calling deep enough leaves them: the
        invalid window is then the one next to the current."""
        while not self._wim >> (self._cwp + 1) % NWINDOWS & 1:
            self._overflow(text)

    def _decode_rett(self, rs1: int, operand2: Callable[[], int]) -> Callable:
        """RETT (B.26): with traps disabled in supervisor mode, CWP + 1,
        S = PS, ET = 1 and a delayed jump to rs1 + operand2.  With ET = 1 it
        traps (illegal/privileged instruction); with ET = 0 in user mode, an
        underflow or a misaligned target the CPU would enter error mode."""
        regs, cpu = self._regs, self

        def rett(npc):
            if not cpu._s:
                raise InstructionFault("privileged instruction (rett in user mode)")
            if cpu._et:
                raise InstructionFault("illegal instruction (rett with traps enabled, PSR.ET = 1)")
            target = (regs[rs1] + operand2()) & M32
            new = (cpu._cwp + 1) % NWINDOWS
            if cpu._wim >> new & 1:
                cpu._underflow("rett")     # as the kernel's return from trap does first
            if target & 3:
                raise InstructionFault(f"misaligned rett target 0x{target:08x}")
            cpu._set_cwp(new)
            cpu._s = cpu._ps
            cpu._set_et_now(1)
            return npc, target
        return rett

    def _decode_ticc(self, word: int, rs1: int,
                     operand2: Callable[[], int]) -> Callable:
        """Ticc (B.27): when the condition holds the CPU takes software trap
        128 + ((rs1 + operand2) & 0x7f); that is not modelled."""
        cond = word >> 25 & 0xF
        taken = _COND_TAKEN[cond]
        mnemonic = "t" + _COND_NAMES[cond]
        regs, cpu = self._regs, self

        def ticc(npc):
            if taken[cpu._icc]:
                number = (regs[rs1] + operand2()) & 0x7F
                flush = " (ST_FLUSHWIN: the kernel spills the windows)" if number == 3 else ""
                raise InstructionFault(not_run(f"{mnemonic} 0x{number:x}", (
                    f"V8 B.27 Ticc: software trap tt 0x{0x80 + number:02x}{flush}, "
                    f"run by the kernel's handler")))
        return ticc

    def _decode_rd(self, op3: int, rs1: int, dest: int) -> Callable | None:
        """RDY, RDPSR, RDWIM, RDTBR (B.28); all but RDY are privileged.
        STBAR (B.30) is the RDASR encoding with rs1 = 15, rd = 0: it orders
        the stores before it ahead of those after it, which a single CPU
        whose stores complete in program order already does, so it is a
        no-op here.  The other ancillary state registers (rs1 1-31 with
        op3 0x28) are not modelled."""
        regs, cpu = self._regs, self
        if op3 == 0x28:
            if rs1 == 15 and dest == _SINK:
                return _nop  # STBAR
            if rs1:
                return None

            def rd_y(npc):
                regs[dest] = cpu._y
            return rd_y
        read, name = {0x29: (self._psr_as_read, "psr"),
                      0x2A: (lambda: cpu._wim, "wim"),
                      0x2B: (lambda: cpu._tbr, "tbr")}[op3]

        def rd_privileged(npc):
            if not cpu._s:
                raise InstructionFault(f"privileged instruction (rd %{name} in user mode)")
            regs[dest] = read()
        return rd_privileged

    def _decode_wr(self, op3: int, rd: int, rs1: int,
                   operand2: Callable[[], int]) -> Callable | None:
        """WRY, WRPSR, WRWIM, WRTBR (B.29): the register becomes
        r[rs1] XOR operand2.  WRPSR is a delayed write: the PIL takes
        effect for interrupts only ``self.latency`` instructions later (the
        register itself changes at once; an instruction using another
        changed field within three is a fault, see _write_psr_delayed)."""
        regs, cpu = self._regs, self
        if op3 == 0x30:
            if rd:
                return None  # WRASR to an ancillary state register

            def wr_y(npc):
                cpu._write_y_delayed(regs[rs1] ^ operand2())
            return wr_y
        name = {0x31: "psr", 0x32: "wim", 0x33: "tbr"}[op3]

        def wr_privileged(npc):
            if not cpu._s:
                raise InstructionFault(f"privileged instruction (wr %{name} in user mode)")
            value = regs[rs1] ^ operand2()
            if op3 == 0x31:
                cpu._write_psr_delayed(value)
            elif op3 == 0x32:
                cpu._wim = value & ((1 << NWINDOWS) - 1)
            else:      # TBA here is the reset's, not the kernel's
                raise InstructionFault(_MOVED_TRAP_TABLE)
        return wr_privileged

    def _write_psr_delayed(self, value: int) -> None:
        """WRPSR (B.29): a delayed write.  For interrupt acceptance the new
        PIL counts only ``latency`` instructions later (both the old and
        the new PIL are possible meanwhile).  The condition codes lag the
        same way: the instructions before the write lands read the old icc,
        and when it lands its icc replaces whatever they wrote (a `subcc;
        be` right after `wr %psr` branches on the icc the wr wrote, one
        of the outcomes the manual allows; a routine must keep icc out of
        the delay as it keeps the PIL's effect out).  ET is taken at once
        for interrupts (B.29: "WRPSR appears to write the ET and PIL fields
        immediately with respect to interrupts"; a lagging ET would let an
        interrupt into every `wr (ET=0); nops; jmp; rett` return).  The
        other fields, ET, S, PS, CWP, EF and EC (PSR_UNSETTLED), are
        unpredictable to the three instructions after the write (B.29): one
        of them that reads or writes such a field the write changed is a
        fault (_check_unsettled: RETT reads ET, S, PS, CWP; SAVE, RESTORE,
        CALL and every windowed register access CWP; the privileged
        instructions S; RDPSR all), and so is a second WRPSR there giving
        such a field another value, and an interrupt there after a change
        of S, PS or CWP (entry_fault).  ``rd %psr`` reads the PIL and the
        icc in effect (_psr_as_read).
        A WRPSR that sets ET finds the PIL of every earlier WRPSR in effect
        for interrupts: B.29's programming note has a trap handler raise
        PIL with ET = 0 in one WRPSR and set ET in the next, because a
        single WRPSR changing both may take an interrupt at the old PIL on
        some implementations (that case is modelled: its own PIL settles at
        the latency explored, ET = 1 at once).  NetBSD relies on it: sparc
        locore.s 1.222, sparc_interrupt44c: "wr %l4, 0, %psr ! the manual
        claims this" / "wr %l4, PSR_ET, %psr ! song and dance is
        necessary", back to back."""
        if value & 0x1F >= NWINDOWS:
            raise InstructionFault(f"illegal instruction (wr %psr with CWP {value & 0x1F}, "
                         f"only {NWINDOWS} windows)")
        for entry in self._unsettled:        # all within their window
            clash = entry[1] & (value ^ entry[2])
            if clash:   # B.29: a field written again, differently, before it landed
                self._unpredictable(self._fetch(self._pc), clash, UNSETTLED_WINDOW - entry[0])
        old_icc, old = self._icc, self._psr()
        self._psr_window = UNSETTLED_WINDOW
        self._set_psr(value)
        new = self._psr()
        if (old ^ new) & PSR_UNSETTLED:
            self._unsettled.append([UNSETTLED_WINDOW, (old ^ new) & PSR_UNSETTLED, new])
        if self.latency == 0:
            self._pending.clear()
            self._eff_pil = self._pil
        else:
            if new & PSR_ET and not old & PSR_ET:
                # traps enabled: the PIL an earlier WRPSR wrote is in
                # effect for interrupts from here on (see the docstring)
                self._eff_pil = old >> 8 & 0xF
                for entry in self._pending:
                    entry[1] = self._eff_pil
            self._pending.append([self.latency, self._pil, self._icc])
            self._icc = old_icc

    def _write_y_delayed(self, value: int) -> None:
        """WRY (B.29) is a delayed write as WRPSR is: the instructions
        before it lands (``latency``, explored as the PSR's) read the old Y
        (rd %y, the multiplies, MULScc, the divides); what they write to Y
        meanwhile the write replaces when it lands."""
        self._y_window = UNSETTLED_WINDOW
        if self.latency == 0:
            self._y = value
            self._pending_y.clear()
        else:
            self._pending_y[:] = [self.latency, value]

    def _set_et_now(self, et: int) -> None:
        """Trap entry and RETT set ET (it never waits; see _write_psr_delayed)."""
        self._et = et

    def _decode_memory(self, word: int) -> Callable | None:
        """op = 3: LD/LDUB/LDUH/LDSB/LDSH/LDD (B.1), ST/STB/STH/STD (B.4),
        LDSTUB (B.7), SWAP (B.8).  Alternate-space, floating-point and
        coprocessor forms are not modelled."""
        op3 = word >> 19 & 0x3F
        rd = word >> 25 & 31
        dest = rd or _SINK
        rs1 = word >> 14 & 31
        operand2 = self._operand2(word)
        regs = self._regs
        load, store = self._load, self._store
        mask = self.address_mask

        if op3 in self._loads:
            size, signed = self._loads[op3]
            if signed:
                bit = 1 << (8 * size - 1)

                def load_signed(npc):
                    value = load((regs[rs1] + operand2()) & mask, size)
                    regs[dest] = ((value ^ bit) - bit) & mask
                return load_signed

            def load_unsigned(npc):
                regs[dest] = load((regs[rs1] + operand2()) & mask, size)
            return load_unsigned
        if op3 in self._stores:
            size = self._stores[op3]

            def store_op(npc):
                store((regs[rs1] + operand2()) & mask, size, regs[rd])
            return store_op
        if op3 in (0x03, 0x07):  # LDD, STD: an even/odd register pair
            if rd & 1:
                def odd_pair(npc):
                    raise InstructionFault(f"illegal instruction ({'ldd' if op3 == 3 else 'std'}"
                                 f" with odd register r{rd})")
                return odd_pair
            if op3 == 0x03:
                def ldd(npc):
                    address = (regs[rs1] + operand2()) & mask
                    if address & 7:
                        raise InstructionFault(f"misaligned 8-byte read of 0x{address:08x}")
                    high, low = load(address, 4), load(address + 4, 4)
                    regs[dest] = high
                    regs[rd + 1] = low
                return ldd

            def std(npc):
                store((regs[rs1] + operand2()) & mask, 8,
                      (regs[rd] & M32) << 32 | regs[rd + 1] & M32)
            return std
        if op3 == 0x0D:  # LDSTUB: read a byte, write 0xff, atomically
            def ldstub(npc):
                address = (regs[rs1] + operand2()) & mask
                value = load(address, 1)
                store(address, 1, 0xFF)
                regs[dest] = value
            return ldstub
        if op3 == 0x0F:  # SWAP: exchange a register with a memory word
            def swap(npc):
                address = (regs[rs1] + operand2()) & mask
                value = load(address, 4)
                store(address, 4, regs[rd])
                regs[dest] = value
            return swap
        return None

    # -- disassembly ----------------------------------------------------------
    def _disassemble_word(self, word: int, address: int) -> str:
        """Capstone's text (".word 0x..." when capstone cannot decode it)."""
        cs = SparcBackend._disassembler
        if cs is None:
            cs = SparcBackend._disassembler = capstone.Cs(
                capstone.CS_ARCH_SPARC, capstone.CS_MODE_BIG_ENDIAN)
        for insn in cs.disasm_lite(word.to_bytes(4, "big"), address, 1):
            return f"{insn[2]} {insn[3]}".strip()
        return _text_capstone_lacks(word) or f".word 0x{word:08x}"

    # -- interrupts (§7) ------------------------------------------------------
    def interrupt_accepted(self, level: int | None) -> bool:
        """§7.3: an interrupt request at ``level`` (1-15) is taken when
        ET = 1 and (level == 15 or level > PIL), with the ET and PIL in
        effect now (an unsettled ``wr %psr`` still shows its old values);
        and, where the port has one (set_enable_register), while the
        interrupt enable register's IE_ALLIE is set: the sun4/sun4c
        register gates every level, 15 too (NetBSD sparc intreg.h 1.7:
        IE_ALLIE "enable interrupts"; locore.s 1.222 nmi_sun4c clears it
        so that level 15 does not recur)."""
        if not self._et or not (level == 15 or level > self._eff_pil):
            return False
        if self._enable is None:
            return True
        number, offset, size, bits = self._enable
        page = self._pages.get(number)
        return page is not None and bool(
            int.from_bytes(page[offset:offset + size], self.byte_order) & bits)

    def set_enable_register(self, address: int, size: int, bits: int,
                            soft_requests: tuple[tuple[int, int], ...] = ()) -> None:
        """The CPU takes no request while ``bits`` of the ``size``-byte
        register at ``address`` are clear
        (interrupt_accepted; an unmapped register: none either).  Its
        ``soft_requests`` bits are the soft requests of their levels
        (request, withdrawn_levels): stores are watched for them."""
        self._enable = (address >> PAGE_SHIFT, address & PAGE_MASK, size, bits)
        self._soft_bits = dict(soft_requests)
        if soft_requests:
            self._store = self._store_to_enable_register

    def _enable_value(self) -> int:
        """The interrupt enable register's value now (0 while unmapped)."""
        number, offset, size, _ = self._enable
        page = self._pages.get(number)
        return 0 if page is None else int.from_bytes(page[offset:offset + size], self.byte_order)

    def _store_to_enable_register(self, address: int, size: int, value: int) -> None:
        """A store, watched for the enable register's soft request bits:
        one it clears withdraws its level's soft requests (sun4c: a
        request is IE_L1 set, NetBSD sparc cpu.h 1.24 setsoftint() is
        ienab_bis(IE_L1); ienab_bic(IE_L1) takes it back before the CPU
        took it)."""
        number, offset, width, _ = self._enable
        start = number << PAGE_SHIFT | offset
        if address < start + width and start < address + size:
            before = self._enable_value()
            Interpreter._store(self, address, size, value)
            cleared = before & ~self._enable_value()
            for level, bit in self._soft_bits.items():
                if cleared & bit:
                    self._withdrawn |= 1 << level
            return
        Interpreter._store(self, address, size, value)

    def request(self, level: int | None, soft: bool = False) -> None:
        """A soft request at a level with a soft request bit in the enable
        register (set_enable_register) sets that bit, as setsoftint() does."""
        bit = self._soft_bits.get(level) if soft else None
        if bit is not None and self._pages.get(self._enable[0]) is not None:
            number, offset, size, _ = self._enable
            self._pages[number][offset:offset + size] = (self._enable_value() | bit).to_bytes(
                size, self.byte_order)

    def withdrawn_levels(self) -> int:
        """The levels whose soft request bit the last store cleared."""
        levels, self._withdrawn = self._withdrawn, 0
        return levels

    def take_interrupt(self, level: int | None, vector: int, handler: int) -> None:
        """Trap entry (§7.5): ET = 0, PS = S, S = 1, CWP = CWP - 1 mod
        NWINDOWS, %l1 = PC and %l2 = nPC in the new window, TBR.tt =
        ``vector`` (0x10 + level for an interrupt), then PC = handler,
        nPC = handler + 4.  PIL is not changed.  Taken between a branch and
        its delay slot, %l1 is the delay slot and %l2 the branch target, so
        the handler's ``jmp %l1; rett %l2`` resumes exactly there.  WIM is
        not checked on trap entry: entered into the window WIM marks
        invalid, the kernel's trap setup spills the oldest window first
        (_overflow; NetBSD sparc locore.s: "the trap window is potentially
        the last window"), which this does before the stub runs; a fault
        of that spill raises CpuFault at the interrupted PC."""
        pc, npc = self._pc, self._npc
        new = (self._cwp - 1) % NWINDOWS
        if self._wim >> new & 1 and self.window_save_bias is not None:
            try:
                self._overflow("interrupt entry")
            except InstructionFault as fault:
                raise fault_at(pc, fault.args[0] if fault.args else str(fault)) from None
        self.complete_writes()
        self._set_et_now(0)
        self._ps = self._s
        self._s = 1
        self._set_cwp(new)
        self._regs[_L1] = pc
        self._regs[_L2] = npc
        self._tbr = (self._tbr & 0xFFFFF000) | (vector & 0xFF) << 4
        self._pc = handler & M32
        self._npc = (handler + 4) & M32

    def complete_writes(self) -> None:
        """A trap completes the PSR and Y writes before it (V8 B.29: after
        a trap taken within the three instructions after a WRPSR, WRWIM or
        WRTBR, an RDPSR, RDWIM or RDTBR in the trap handler reads the
        register's new value; §7.5: the trap itself writes ET, PS, S and
        CWP of that PSR).  So every field reads as written: the PIL too
        (the stub's first rd %psr, whose value its closing wr %psr puts
        back, is the routine's new PIL, not the one still in effect for
        acceptance at the trap), the icc the newest write's, Y the WRY's.
        Nothing is left settling, and no window is open (latency_bound):
        from here a run is the same at every latency explored."""
        for entry in self._pending:
            if entry[2] is not None:
                self._icc = entry[2]
        self._pending.clear()
        self._eff_pil = self._pil
        if self._pending_y:
            self._y = self._pending_y[1]
            self._pending_y.clear()
        self._unsettled.clear()
        self._psr_window = self._y_window = 0

    def entry_fault(self) -> str | None:
        """A trap within three instructions of a WRPSR changing S, PS or
        CWP (B.29: the trap may use the old or the new S and CWP, and it
        writes PS) is not modelled: the machine stops there.  Nor is a trap
        into the window WIM marks invalid on a port without
        abi.window_save_area (with it, take_interrupt spills first)."""
        unsettled = self._unsettled_fields(0) & (PSR_S | PSR_PS | PSR_CWP)
        if unsettled:
            return (f"unpredictable (V8 B.29): an interrupt within three instructions of a "
                    f"wr %psr that changes {psr_field_names(unsettled)}: the trap may use the "
                    f"old or the new S and CWP (and it writes PS)")
        new = (self._cwp - 1) % NWINDOWS
        if self._wim >> new & 1 and self.window_save_bias is None:
            return Unmodelled(f"register window overflow: interrupt entry into window {new}, "
                              f"invalid in %wim 0x{self._wim:02x}, with no "
                              f"abi.window_save_area to spill the oldest window to")
        return None

    def _older_windows(self) -> int:
        """How many windows above the current one (CWP+1, CWP+2 ...) hold
        a caller's registers: up to the window WIM marks invalid (§4.1,
        §4.3: the overflow trap's handler spilled the ones beyond)."""
        for count in range(NWINDOWS - 1):
            if self._wim >> (self._cwp + count + 1) % NWINDOWS & 1:
                return count
        return NWINDOWS - 1

    def load_older_windows(self, windows: list[list[int]]) -> None:
        """The k-th window above the current one (the one the k-th RESTORE
        enters, CWP + k in V8's order) gets windows[k - 1]'s %l0-%l7 and
        %i0-%i7; its outs are the ins of the window below, as they are."""
        for k, values in enumerate(windows, 1):
            self._set_window_registers((self._cwp + k) % NWINDOWS, values)

    def free_window_registers(self) -> tuple[str, ...]:
        """Of each window below the current one that is neither the current
        one nor an older window holding registers (_older_windows), nearest
        first (the one SAVE enters first): its %l0-%l7, then its %o0-%o7
        unless they are the ins of a window that holds registers (the last
        free window's are those of the oldest, or the current one's).
        SAVE clears none of them (free_window_source); the invalid window
        is among them, which SAVE enters after a window overflow trap."""
        return _FREE_WINDOW_NAMES[self._free_windows()]

    def _free_windows(self) -> int:
        """How many windows below the current one are free
        (free_window_registers)."""
        return max(0, NWINDOWS - 1 - self._older_windows())

    free_window_source = "SAVE clears none of the registers of the window it enters: V8 §4.1, B.20"

    def _free_window_slots(self) -> list[int]:
        """Where in _windows each group of 8 free-window registers lies, in
        free_window_registers' order: each free window's locals, then its
        outs but the last one's (the ins of a window holding registers)."""
        free, slots = self._free_windows(), []
        for k in range(1, free + 1):
            window = (self._cwp - k) % NWINDOWS * 16
            slots.append(window + 8)
            if k < free:
                slots.append(window)
        return slots

    def free_window_values(self) -> list[int]:
        """The free windows' registers' values (free_window_registers)."""
        return [value for slot in self._free_window_slots()
                for value in self._windows[slot:slot + 8]]

    def load_free_windows(self, values: list[int]) -> None:
        """The free windows' registers (free_window_registers) get ``values``."""
        for at, slot in enumerate(self._free_window_slots()):
            self._windows[slot:slot + 8] = values[8 * at:8 * at + 8]

    flushed_registers = ("wim",)

    def flushed_view(self) -> tuple[dict[str, int], tuple[tuple[int, bytes], ...]]:
        """Every window above the current one that holds registers
        (_older_windows) stored at its own %sp (plus the save bias), as
        the overflow handler stores it, and the window counters as a flush
        leaves them (_flushed_counters)."""
        count = self._older_windows() if self._windows_valid() else 0
        if not count:
            return {}, ()
        size, bias = self.register_bits // 8, self.window_save_bias or 0
        stores = []
        for k, sp in enumerate(self.window_stack_pointers()[1:count + 1], 1):
            values = self._window_registers((self._cwp + k) % NWINDOWS)
            stores.append(((sp + bias) & self.address_mask,
                           b"".join(v.to_bytes(size, self.byte_order) for v in values)))
        return self._flushed_counters(), tuple(stores)

    def _windows_valid(self) -> bool:
        """Does WIM mark one window invalid, as NetBSD keeps it (§4.3)?
        Another WIM is no window state a flush starts from: read as it is."""
        wim = self._wim & ((1 << NWINDOWS) - 1)
        return wim != 0 and not wim & (wim - 1)

    def _flushed_counters(self) -> dict[str, int]:
        """WIM after a flush: the window next to the current one invalid."""
        return {"wim": 1 << (self._cwp + 1) % NWINDOWS}

    def window_stack_pointers(self) -> tuple[int, ...]:
        """%sp of the current window and of each older one in the
        registers (_older_windows): a window overflow trap stores a
        window's %l0-%l7/%i0-%i7 at its own %sp (V8 §4.1, the 16-word
        register save area; NetBSD sparc locore.s, the window overflow handler:
        std %l0, [%sp] ...).
        The next window's %sp is the current %fp; the older ones' %o6
        are in _windows (its outs first)."""
        count = self._older_windows()
        sps = [self._regs[_SP]]
        if count:
            sps.append(self._regs[30])
        for k in range(2, count + 1):
            sps.append(self._windows[(self._cwp + k) % NWINDOWS * 16 + 6])
        return tuple(sps)

    def return_point(self) -> tuple:
        """(pc, npc, cwp, sp): where the interrupted code resumes."""
        return self._pc, self._npc, self._cwp, self._regs[_SP]

    # -- snapshots ------------------------------------------------------------
    def _cpu_state(self) -> tuple:
        """Registers of all windows, PC/nPC, PSR/WIM/TBR/Y and the settling
        PSR writes."""
        return (tuple(self._windows), self._npc,
                self._icc, self._ecef, self._pil, self._s, self._ps, self._et,
                self._cwp, self._wim, self._tbr, self._y,
                self._eff_pil, tuple(tuple(e) for e in self._pending), tuple(self._pending_y),
                tuple(tuple(e) for e in self._unsettled), self._psr_window, self._y_window)

    def _set_cpu_state(self, state: tuple) -> None:
        (windows, self._npc,
         self._icc, self._ecef, self._pil, self._s, self._ps, self._et,
         self._cwp, self._wim, self._tbr, self._y,
         self._eff_pil, pending, pending_y, unsettled, self._psr_window, self._y_window) = state
        # Update in place: decoded instructions refer to these objects.
        self._windows[:] = windows
        self._pending[:] = [list(e) for e in pending]
        self._pending_y[:] = pending_y
        self._unsettled[:] = [list(e) for e in unsettled]


def _free_window_names(free: int) -> tuple[str, ...]:
    """SparcBackend.free_window_registers' names with ``free`` free windows:
    the k-th window below the caller's (at a call the current window is
    the caller's), its locals, then its outs but in the last."""
    names = []
    for k in range(1, free + 1):
        banks = "lo" if k < free else "l"
        names += [f"%{bank}{n} of the register window {k} below the caller's"
                  for bank in banks for n in range(8)]
    return tuple(names)


#: _free_window_names by the number of free windows
_FREE_WINDOW_NAMES = tuple(_free_window_names(free) for free in range(NWINDOWS))

_STATE_REGISTERS = {0: "%y", 1: "%psr", 2: "%wim", 3: "%tbr"}
_MEMORY_OPS = {0x03: "ldd", 0x07: "std", 0x0d: "ldstub", 0x0f: "swap"}


def _register_name(number: int) -> str:
    name = "goli"[number >> 3] + str(number & 7)
    return "%" + {"o6": "sp", "i6": "fp"}.get(name, name)


def _text_capstone_lacks(word: int) -> str | None:
    """Text for the format-3 words capstone 5 cannot decode: rd/wr of
    %y/%psr/%wim/%tbr (V8 B.28, B.29), ldd/std/ldstub/swap (B.1, B.4,
    B.7, B.8), mulscc (B.17) and flush (B.32), in GNU as syntax."""
    op, rd, op3 = word >> 30, (word >> 25) & 31, (word >> 19) & 63
    rs1, immediate = (word >> 14) & 31, word >> 13 & 1
    simm13 = signed_field(word, 13)
    operand2 = (hex(simm13) if abs(simm13) > 9 else str(simm13)) if immediate \
        else _register_name(word & 31)
    if op == 2 and 0x28 <= op3 <= 0x2B and (op3 != 0x28 or rs1 == 0):
        return f"rd {_STATE_REGISTERS[op3 - 0x28]}, {_register_name(rd)}"
    if op == 2 and 0x30 <= op3 <= 0x33 and (op3 != 0x30 or rd == 0):
        return f"wr {_register_name(rs1)}, {operand2}, {_STATE_REGISTERS[op3 - 0x30]}"
    if immediate:
        offset = f" + {simm13}" if simm13 else ""
    else:
        offset = f" + {operand2}" if word & 31 else ""
    if op == 2 and op3 == 0x24:
        return f"mulscc {_register_name(rs1)}, {operand2}, {_register_name(rd)}"
    if op == 2 and op3 == 0x3B:
        return f"flush {_register_name(rs1)}{offset}"
    if op == 3 and op3 in _MEMORY_OPS:
        address = f"[{_register_name(rs1)}{offset}]"
        mnemonic = _MEMORY_OPS[op3]
        if mnemonic == "std":
            return f"std {_register_name(rd)}, {address}"
        return f"{mnemonic} {address}, {_register_name(rd)}"
    return None
