"""A SPARC V9 (64-bit) integer unit: the subset NetBSD/sparc64's spl code
and interrupt path need, interpreted in pure Python.

Unicorn's sparc64 starts unprivileged with no PSTATE, PIL or TL in its API
(docs/ports.md), so this backend extends the V8 interpreter
(emu/backends/sparc.py) where the encodings agree -- the op-field dispatch,
call, Bicc, sethi, jmpl, operand2, loads and stores -- and replaces what V9
changed.  References are to *The SPARC Architecture Manual, Version 9*
(SPARC International, 1994):

* §5.1.1  64-bit r registers; §5.1.5 CCR (icc and xcc); §5.1.8 ASI;
* §5.2.1  PSTATE (AG 0, IE 1, PRIV 2, AM 3, PEF 4, RED 5, MM 7:6, TLE 8,
  CLE 9); §5.2.2 TL; §5.2.3 PIL; §5.2.4-§5.2.7 TPC, TNPC, TSTATE, TT (one
  per trap level); §5.2.8 TBA; §5.2.10 the register-window state (CWP,
  CANSAVE, CANRESTORE, CLEANWIN, OTHERWIN, WSTATE);
* §6.3.6  register windows: SAVE increments CWP (V8 decremented it) and
  the CANSAVE/CANRESTORE counts replace V8's WIM;
* §7.4.1  PIL control: interrupt_level_n (tt 0x40 + n) is taken when
  PSTATE.IE = 1 and n > PIL;
* §7.6.1  normal trap processing: TL := TL + 1; TSTATE[TL] := (CCR, ASI,
  PSTATE, CWP); TPC[TL] := PC; TNPC[TL] := nPC; TT[TL] := tt; PSTATE.PRIV
  := 1, IE := 0, AG := 1, AM := 0, RED := 0, PEF := 1, CLE := TLE; CWP is
  unchanged;
* Appendix A: A.4 BPr, A.7 BPcc, A.11 DONE/RETRY, A.35 MOVcc, A.36 MOVr,
  A.42 RDPR, A.49 SAVE/RESTORE, A.49 shifts (SLLX ...), A.62 WRPR, A.37
  MULX/SDIVX/UDIVX, A.10 UDIV/SDIV, A.45 RETURN; FLUSH, whose encoding
  V9 keeps, is the V8 class's no-op (V8 B.32).  V8's MULScc and tagged
  arithmetic are not in the 64-bit ALU table: they stay undecoded here.

What is modelled: the integer unit with 64-bit registers, 8 windows with
CANSAVE/CANRESTORE (a spill, fill or clean_window trap is a CpuFault: the
kernel's handlers are not modelled, the same one-line verdict as sparc's
window overflow), the alternate globals (PSTATE.AG: by name, g1-g7 are
the normal set and ag1-ag7 the alternate one whichever AG selects), trap levels up to
MAXTL = 5, interrupts delivered by the machine, DONE and RETRY.  A WRPR
takes effect at once: V9 has no delayed-write rule (V8 B.29's `wr %psr`
delay is gone), so ``write_latencies`` is (0,).  Not modelled: floating
point, alternate address spaces, the MMU, TICK, PSTATE.AM/TLE/CLE/RED (a
write setting one is refused), FLUSHW, RED_state, and every trap
other than an interrupt.  Interrupt requests come from the machine (on
UltraSPARC they are SOFTINT bits 1-15, posted by software or by the
interrupt-vector trap); of the UltraSPARC SOFTINT registers only
CLEAR_SOFTINT (%asr21) is modelled: a write withdraws the pending requests
of its levels (``withdrawn_levels``); SET_SOFTINT, SOFTINT and TICK_CMPR
are not (no verdict).  What is not modelled stops a run as NotModelled
(no verdict: base.not_run), what the CPU refuses as a fault.

CWP.  V8 windows are numbered the other way round (SAVE decrements), and
the V8 class keeps the windows in that order; this class stores the V8
window number ``-CWP mod 8`` and converts at every CWP read and write, so
the window switching itself is shared.
"""

from __future__ import annotations

from typing import Callable

import capstone

from .base import Unmodelled, not_run, vectors_moved
from .interpreter import InstructionFault, signed_field
from .sparc import (_COND_NAMES, _COND_TAKEN, _LOADS, _REG_INDEX, _STORES, M32, NWINDOWS, _SP,
                    SparcBackend, _register_name, _text_capstone_lacks, divide32)

M64 = (1 << 64) - 1
MAXTL = 5

PSTATE_AG = 0x001
PSTATE_IE = 0x002
PSTATE_PRIV = 0x004
PSTATE_AM = 0x008
PSTATE_PEF = 0x010
PSTATE_RED = 0x020
PSTATE_TLE = 0x100
PSTATE_CLE = 0x200
PSTATE_MASK = 0x3FF    # IG/MG (bits 11:10) are UltraSPARC extensions: not modelled
PSTATE_FIELD = 0xFFF   # the field wrpr writes and TSTATE keeps, IG and MG too
#: PSTATE bits whose effect is not modelled (32-bit address masking,
#: little-endian accesses, RED_state): a write that sets one is refused
PSTATE_UNMODELLED = PSTATE_AM | PSTATE_TLE | PSTATE_CLE | PSTATE_RED

#: TSTATE fields (§5.2.6): CCR 39:32, ASI 31:24, PSTATE 19:8, CWP 4:0.
TSTATE_MASK = 0xFF_FF0F_FF1F

#: rdpr/wrpr register numbers (A.42, A.62).
PRIVILEGED = {0: "tpc", 1: "tnpc", 2: "tstate", 3: "tt", 4: "tick", 5: "tba",
              6: "pstate", 7: "tl", 8: "pil", 9: "cwp", 10: "cansave",
              11: "canrestore", 12: "cleanwin", 13: "otherwin", 14: "wstate",
              15: "fq", 31: "ver"}
#: the per-trap-level registers: no entry exists at TL = 0
_PER_LEVEL = ("tpc", "tnpc", "tstate", "tt")
#: ancillary state registers rd/wr reach (A.43, A.63): Y, CCR, ASI
_ASR = {0: "y", 2: "ccr", 3: "asi"}
#: UltraSPARC CLEAR_SOFTINT (%asr21, write only): clears SOFTINT bits, the
#: pending interrupt_level_n requests (bit n: level n)
CLEAR_SOFTINT = 21
#: UltraSPARC's other SOFTINT registers (NetBSD sparc64 include/ctlreg.h:
#: SET_SOFTINT %asr20, SOFTINT %asr22, TICK_CMPR %asr23): legal, not run
SOFTINT_NOT_RUN = {20: "set_softint", 22: "softint", 23: "tick_cmpr"}
#: field widths of the privileged registers modelled
_WIDTH = {"tpc": M64, "tnpc": M64, "tstate": TSTATE_MASK, "tt": 0x1FF,
          "tba": M64 & ~0x7FFF, "pstate": PSTATE_FIELD, "tl": 7, "pil": 0xF,
          "cwp": 0x1F, "cansave": 0x1F, "canrestore": 0x1F, "cleanwin": 0x1F,
          "otherwin": 0x1F, "wstate": 0x3F, "y": M32, "ccr": 0xFF, "asi": 0xFF}
#: the global registers by name, whichever set PSTATE.AG selects (V9
#: §5.1.4): g1-g7 (r1-r7) the normal ones, the ABI's (abi.preserved g6,
#: g7), ag1-ag7 the alternate ones, which every trap selects (§7.6.1) and
#: the trap code uses as scratch (interrupt.clobbers)
_NORMAL = {**{f"g{n}": n for n in range(1, 8)}, **{f"r{n}": n for n in range(1, 8)}}
_ALTERNATES = {f"ag{n}": n for n in range(1, 8)}
_WIDTH.update(dict.fromkeys((*_NORMAL, *_ALTERNATES), M64))


def _signed64(x: int) -> int:
    return (x ^ (1 << 63)) - (1 << 63)


def _nz64(r: int) -> int:
    """icc and xcc (CCR, §5.1.5) for a logical result: N and Z, V = C = 0."""
    low = r & M32
    return (low >> 31) << 3 | (low == 0) << 2, (r >> 63) << 3 | (r == 0) << 2


def _add_ccr(a: int, b: int, r: int) -> tuple[int, int]:
    """(icc, xcc) of r = a + b (+ carry): icc from bit 31, xcc from bit 63."""
    icc, xcc = _nz64(r)
    for shift, field in ((31, 0), (63, 1)):
        v = ((a & b & ~r) | (~a & ~b & r)) >> shift & 1
        c = ((a & b) | (~r & (a | b))) >> shift & 1
        if field:
            xcc |= v << 1 | c
        else:
            icc |= v << 1 | c
    return icc, xcc


def _sub_ccr(a: int, b: int, r: int) -> tuple[int, int]:
    """(icc, xcc) of r = a - b (- carry); C is the borrow."""
    icc, xcc = _nz64(r)
    for shift, field in ((31, 0), (63, 1)):
        v = ((a & ~b & ~r) | (~a & b & r)) >> shift & 1
        c = ((~a & b) | (r & (~a | b))) >> shift & 1
        if field:
            xcc |= v << 1 | c
        else:
            icc |= v << 1 | c
    return icc, xcc


def _logical(op):
    """An ALU operation and its cc form (logical: N, Z from the result)."""
    def plain(a, b, cpu):
        return op(a, b) & M64

    def cc(a, b, cpu):
        r = op(a, b) & M64
        cpu._icc, cpu._xcc = _nz64(r)
        return r
    return plain, cc


def _arith(carry_in: bool, subtract: bool):
    """ADD/ADDC/SUB/SUBC and their cc forms (A.2, A.56): 64-bit, the carry
    in is icc.C."""
    ccr = _sub_ccr if subtract else _add_ccr
    sign = -1 if subtract else 1

    def plain(a, b, cpu):
        return (a + sign * (b + (cpu._icc & 1 if carry_in else 0))) & M64

    def cc(a, b, cpu):
        r = (a + sign * (b + (cpu._icc & 1 if carry_in else 0))) & M64
        cpu._icc, cpu._xcc = ccr(a, b, r)
        return r
    return plain, cc


def _multiply(signed: bool):
    """UMUL/SMUL (A.38): the product of the low 32 bits of each operand,
    all 64 bits in rd and its high 32 bits in Y; the cc form sets N, Z of
    icc from bits 31:0 and of xcc from 63:0, V = C = 0."""
    def plain(a, b, cpu):
        a, b = a & M32, b & M32
        if signed:
            a, b = (a ^ 0x80000000) - 0x80000000, (b ^ 0x80000000) - 0x80000000
        p = (a * b) & M64
        cpu._y = p >> 32
        return p

    def cc(a, b, cpu):
        r = plain(a, b, cpu)
        cpu._icc, cpu._xcc = _nz64(r)
        return r
    return plain, cc


def _mulx(a, b, cpu):
    """MULX (A.37): the low 64 bits of the product."""
    return (a * b) & M64


def _udivx(a, b, cpu):
    """UDIVX (A.37); a zero divisor is the division_by_zero trap (a fault)."""
    if b == 0:
        raise InstructionFault("division_by_zero trap (udivx by 0, V9 A.37)")
    return a // b


def _sdivx(a, b, cpu):
    """SDIVX (A.37): rounds toward zero; a zero divisor traps."""
    if b == 0:
        raise InstructionFault("division_by_zero trap (sdivx by 0, V9 A.37)")
    a, b = _signed64(a), _signed64(b)
    q = abs(a) // abs(b)
    return (q if (a < 0) == (b < 0) else -q) & M64


def _divide32(signed: bool):
    """UDIV/SDIV and their cc forms (A.10, deprecated in V9 but what GCC
    -mcpu=ultrasparc emits for a 32-bit `/`): V8's divide (the shared
    ``divide32`` of sparc.py: Y<31:0>:r[rs1]<31:0> over operand2<31:0>,
    the overflow rules, the division_by_zero fault), with rd getting the
    quotient zero- (UDIV) or sign-extended (SDIV) to 64 bits.  cc: icc.N,
    Z from bits 31:0, icc.V = overflow, icc.C = 0; xcc.N, Z from bits
    63:0, xcc.V = xcc.C = 0 (from memory of A.10; checked against
    qemu-sparc64 by tests/test_sparc64_differential.py)."""
    name = "sdiv" if signed else "udiv"

    def plain(a, b, cpu):
        return divide32(cpu._y, a, b, signed, name)[0] & M64

    def cc(a, b, cpu):
        q, overflow = divide32(cpu._y, a, b, signed, name + "cc")
        r = q & M64
        icc, xcc = _nz64(r)
        cpu._icc, cpu._xcc = icc | overflow << 1, xcc
        return r
    return plain, cc


def _alu64() -> dict:
    table = {}
    for op3, op in ((0x01, lambda a, b: a & b), (0x02, lambda a, b: a | b),
                    (0x03, lambda a, b: a ^ b), (0x05, lambda a, b: a & ~b),
                    (0x06, lambda a, b: a | ~b), (0x07, lambda a, b: ~(a ^ b))):
        table[op3], table[op3 | 0x10] = _logical(op)
    for op3, carry, sub in ((0x00, False, False), (0x08, True, False),
                            (0x04, False, True), (0x0C, True, True)):
        table[op3], table[op3 | 0x10] = _arith(carry, sub)
    table[0x0A], table[0x1A] = _multiply(False)
    table[0x0B], table[0x1B] = _multiply(True)
    table[0x09], table[0x0D], table[0x2D] = _mulx, _udivx, _sdivx
    table[0x0E], table[0x1E] = _divide32(False)
    table[0x0F], table[0x1F] = _divide32(True)
    return table


_ALU64 = _alu64()

#: V9 loads and stores besides V8's (A.27, A.54): LDUW is V8's LD.
_LOADS64 = {**_LOADS, 0x08: (4, True), 0x0B: (8, False)}
_STORES64 = {**_STORES, 0x0E: 8}

#: BPr conditions (A.4): rcond -> test of the 64-bit register
_RCOND = {1: lambda v: v == 0, 2: lambda v: v == 0 or v >> 63 == 1,
          3: lambda v: v >> 63 == 1, 5: lambda v: v != 0,
          6: lambda v: v != 0 and v >> 63 == 0, 7: lambda v: v >> 63 == 0}
#: their names in the manual's mnemonics (A.4, A.36; objdump says movre/movrne)
_RCOND_NAMES = {1: "z", 2: "lez", 3: "lz", 5: "nz", 6: "gz", 7: "gez"}


class Sparc64Backend(SparcBackend):
    """One SPARC V9 integer unit, 8 windows, MAXTL = 5.

    State after construction: TL = 0, PSTATE = PRIV, PIL = 0, CWP = 0,
    CANSAVE = 6 (NWINDOWS - 2), everything else 0; the machine writes the
    port's ``cpu.reset``."""

    family = "sparc64"
    register_bits = 64
    #: V8's list less %psr and %wim (V9 has neither), with V9's ancillary
    #: and privileged registers an instruction reads (A.42, A.43)
    trace_registers = (*(f"{bank}{n}" for bank in "goli" for n in range(8) if (bank, n) != ("g", 0)),
                       "y", "ccr", "asi", "pstate", "tl", "pil", "cwp", "cansave", "canrestore",
                       "cleanwin", "otherwin", "wstate", "tba", *_ALTERNATES)
    write_latencies = (0,)
    address_mask = M64
    #: the register file's names but the globals', which _NORMAL and
    #: _ALTERNATES name whichever set PSTATE.AG selects
    register_index = {name: index for name, index in _REG_INDEX.items() if not 1 <= index <= 7}
    window_traps_section = "V9 §6.4"
    free_window_source = ("SAVE clears none of the registers of the window it enters, and a "
                          "clean window holds zeros or what the same address space, here the "
                          "kernel, left there: V9 §6.3.6, §5.2.10 CLEANWIN")
    _alu = _ALU64
    _loads = _LOADS64
    _stores = _STORES64
    #: not V8's: on UltraSPARC interrupt_level_n comes from SOFTINT bits,
    #: posted by software or by the interrupt-vector trap (the module
    #: docstring), not from an IRL level a device holds; left as it was
    holds_taken_requests = False
    models_enable_register = False

    _disassembler = None

    def __init__(self, model: str | None = None):
        super().__init__(model)
        self._xcc = 0
        self._asi = 0
        self._pstate = PSTATE_PRIV
        self._alternate = [0] * 8        # the globals PSTATE.AG does not select
        self._tl = 0
        self._trap = {name: [0] * (MAXTL + 1) for name in _PER_LEVEL}
        self._tba = 0
        self._cansave = NWINDOWS - 2
        self._canrestore = 0
        self._cleanwin = NWINDOWS - 2
        self._otherwin = 0
        self._wstate = 0
        self._withdrawn = 0              # SOFTINT bits cleared since the engine last asked

    # -- registers ----------------------------------------------------------
    def _ccr(self) -> int:
        return self._xcc << 4 | self._icc

    def _set_pstate(self, value: int) -> None:
        """Write PSTATE; a change of AG swaps the global register sets.  A
        value setting AM, TLE, CLE or RED, or the UltraSPARC's IG or MG
        (bits 11:10, more global register sets), is a ValueError (not
        modelled; it was masked away before, and a routine leaving its
        caller on other globals held: red team 27 D)."""
        if value & PSTATE_FIELD & ~PSTATE_MASK:
            raise ValueError(f"pstate 0x{value:03x}: the UltraSPARC's IG and MG (bits 11:10) "
                             f"are not modelled")
        value &= PSTATE_MASK
        if value & PSTATE_UNMODELLED:
            raise ValueError(f"pstate 0x{value:03x}: AM, TLE, CLE and RED are not modelled")
        if (value ^ self._pstate) & PSTATE_AG:
            regs, other = self._regs, self._alternate
            regs[1:8], other[1:8] = other[1:8], regs[1:8]
        self._pstate = value

    def _v9_cwp(self) -> int:
        return -self._cwp % NWINDOWS

    def _read_v9(self, name: str) -> int:
        """A register by its V9 name (rdpr/rd numbering, or the API)."""
        if name in _PER_LEVEL:
            return self._trap[name][self._tl]
        if name == "ccr":
            return self._ccr()
        if name == "cwp":
            return self._v9_cwp()
        if name == "y":
            return self._y
        if name in ("asi", "pstate", "tl", "tba", "cansave", "canrestore",
                    "cleanwin", "otherwin", "wstate"):
            return getattr(self, "_" + name)
        if name == "pil":
            return self._pil
        if name in _NORMAL:
            return self._global_set(False)[_NORMAL[name]]
        if name in _ALTERNATES:
            return self._global_set(True)[_ALTERNATES[name]]
        raise KeyError(name)

    def _global_set(self, alternate: bool) -> list[int]:
        """Where the normal (or alternate) globals live, by register
        number: the register file while PSTATE.AG selects them."""
        selected = bool(self._pstate & PSTATE_AG) == alternate
        return self._regs if selected else self._alternate

    def _write_v9(self, name: str, value: int) -> None:
        """Write a register by its V9 name, to its field width; a value the
        model cannot hold (TL beyond MAXTL, CWP beyond the windows) is a
        ValueError."""
        value &= _WIDTH[name]
        if name in _PER_LEVEL:
            self._trap[name][self._tl] = value
        elif name == "ccr":
            self._icc, self._xcc = value & 0xF, value >> 4
        elif name == "cwp":
            if value >= NWINDOWS:
                raise ValueError(f"cwp {value}: only {NWINDOWS} windows")
            self._set_cwp(-value % NWINDOWS)
        elif name == "pstate":
            self._set_pstate(value)
        elif name == "tl":
            if value > MAXTL:
                raise ValueError(f"tl {value} beyond MAXTL {MAXTL}")
            self._tl = value
        elif name == "pil":
            self._pil = self._eff_pil = value
        elif name in _NORMAL:
            self._global_set(False)[_NORMAL[name]] = value
        elif name in _ALTERNATES:
            self._global_set(True)[_ALTERNATES[name]] = value
        elif name in ("y", "asi", "tba", "cansave", "canrestore", "cleanwin",
                      "otherwin", "wstate"):
            setattr(self, "_" + name, value)
        else:
            raise KeyError(name)

    def _read_special(self, name: str) -> int:
        if name == "pc":
            return self._pc
        if name == "npc":
            return self._npc
        return self._read_v9(name)

    def _write_special(self, name: str, value: int) -> None:
        """``pc`` also sets npc = pc + 4."""
        if name == "pc":
            self._pc = value
            self._npc = (value + 4) & M64
        elif name == "npc":
            self._npc = value
        elif name in _WIDTH:
            self._write_v9(name, value)
        else:
            raise KeyError(name)

    # -- execution ----------------------------------------------------------
    def _execute(self, op: Callable) -> None:
        """One instruction (PC/nPC as in V8; no delayed writes in V9)."""
        transfer = op(self._npc)
        if transfer is None:
            npc = self._npc
            self._pc = npc
            self._npc = (npc + 4) & M64
        else:
            self._pc, self._npc = transfer

    def _privileged(self, what: str) -> None:
        if not self._pstate & PSTATE_PRIV:
            raise InstructionFault(f"privileged_opcode trap ({what} with PSTATE.PRIV = 0)")

    # -- decoding (Appendix A) ------------------------------------------------
    def _decode_format2(self, pc: int, word: int) -> Callable | None:
        """BPcc (A.7) and BPr (A.4) besides V8's SETHI, Bicc and ILLTRAP."""
        op2 = word >> 22 & 7
        annul = word >> 29 & 1
        cpu, regs = self, self._regs
        if op2 == 1:
            cc = word >> 20 & 3
            if cc & 1:
                return None  # %fcc forms, reserved cc values
            cond = word >> 25 & 0xF
            taken = _COND_TAKEN[cond]
            test = {8: True, 0: False}.get(
                cond, (lambda: taken[cpu._xcc]) if cc else (lambda: taken[cpu._icc]))
            target = (pc + signed_field(word, 19) * 4) & M64
            return self._branch(test, annul, target)
        if op2 == 3:
            condition = _RCOND.get(word >> 25 & 7)
            if condition is None or word >> 28 & 1:
                return None  # reserved rcond
            rs1 = word >> 14 & 31
            displacement = signed_field((word >> 20 & 3) << 14 | word & 0x3FFF, 16)
            target = (pc + displacement * 4) & M64
            return self._branch(lambda: condition(regs[rs1]), annul, target)
        return super()._decode_format2(pc, word)

    def _decode_arith(self, pc: int, word: int) -> Callable | None:
        """op = 2: the V9 forms (shifts, rd/wr, rdpr/wrpr, save/restore,
        done/retry, Tcc); the rest (ALU, jmpl) is V8's decoder with the
        64-bit tables."""
        op3 = word >> 19 & 0x3F
        rd = word >> 25 & 31
        dest = rd or 32
        rs1 = word >> 14 & 31
        if 0x25 <= op3 <= 0x27:
            return self._decode_shift(op3, word, rs1, dest)
        if op3 in (0x28, 0x30):
            return self._decode_asr(op3, word, rd, rs1, dest)
        if op3 == 0x2A:
            return self._decode_rdpr(rs1, dest)
        if op3 == 0x32:
            return self._decode_wrpr(rd, rs1, self._operand2(word))
        if op3 in (0x3C, 0x3D):
            return self._decode_save_restore(op3 == 0x3C, rs1, self._operand2(word), dest)
        if op3 == 0x3E:
            return self._decode_done_retry(rd)
        if op3 == 0x3A:
            return self._decode_tcc(word, rs1, self._operand2(word))
        if op3 == 0x2C:
            return self._decode_movcc(word, dest)
        if op3 == 0x2F:
            return self._decode_movr(word, rs1, dest)
        if op3 == 0x39:
            return self._decode_return(rs1, self._operand2(word))
        if op3 == 0x2B:
            return self._decode_flushw(word)
        if op3 in (0x29, 0x31, 0x33):
            return None  # V8's rd/wr %psr %wim %tbr are gone in V9
        return super()._decode_arith(pc, word)

    def _decode_movcc(self, word: int, dest: int) -> Callable | None:
        """MOVcc (A.35) on icc or xcc: r[rd] := r[rs2] or simm11 when the
        condition holds; the %fcc forms (cc2 = 0) are not modelled."""
        cc2, cc1, cc0 = word >> 18 & 1, word >> 12 & 1, word >> 11 & 1
        if not cc2 or cc0:
            return None  # %fcc0-3, reserved cc values
        taken = _COND_TAKEN[word >> 14 & 0xF]
        regs, cpu = self._regs, self
        if word >> 13 & 1:
            value = signed_field(word, 11) & M64
            source = lambda: value
        else:
            rs2 = word & 31
            source = lambda: regs[rs2]

        def movcc(npc):
            if taken[cpu._xcc if cc1 else cpu._icc]:
                regs[dest] = source()
        return movcc

    def _decode_movr(self, word: int, rs1: int, dest: int) -> Callable:
        """MOVr (A.36, "Move Integer Register on Register Condition"):
        r[rd] := r[rs2] (i = 0) or sign_ext(simm10) (i = 1) when the 64-bit
        r[rs1] meets rcond (bits 12:10): 1 movrz (= 0), 2 movrlez (<= 0),
        3 movrlz (< 0), 5 movrnz (!= 0), 6 movrgz (> 0), 7 movrgez (>= 0),
        the same tests as BPr (A.4); otherwise rd is left as it was.
        rcond 0 and 4 are reserved: illegal_instruction (A.36's exceptions,
        from memory of the manual; binutils has no mnemonic for them)."""
        rcond = word >> 10 & 7
        condition = _RCOND.get(rcond)
        if condition is None:
            def reserved(npc):
                raise InstructionFault(f"illegal_instruction trap (movr with reserved "
                                       f"rcond {rcond}, A.36)")
            return reserved
        regs = self._regs
        if word >> 13 & 1:
            value = signed_field(word, 10) & M64

            def movr_imm(npc):
                if condition(regs[rs1]):
                    regs[dest] = value
            return movr_imm
        rs2 = word & 31

        def movr_reg(npc):
            if condition(regs[rs1]):
                regs[dest] = regs[rs2]
        return movr_reg

    def _decode_shift(self, op3: int, word: int, rs1: int, dest: int) -> Callable:
        """SLL/SRL/SRA and, with x (bit 12), SLLX/SRLX/SRAX (A.49).  The
        32-bit forms: SLL shifts all 64 bits by 0-31, SRL the zero-extended
        low word, SRA the sign-extended low word."""
        regs = self._regs
        wide = word >> 12 & 1
        bits = 63 if wide else 31
        if word >> 13 & 1:
            count = word & bits
            amount = lambda: count  # noqa: E731
        else:
            rs2 = word & 31
            amount = lambda: regs[rs2] & bits  # noqa: E731
        if op3 == 0x25:
            def shift(npc):
                regs[dest] = (regs[rs1] << amount()) & M64
        elif op3 == 0x26:
            def shift(npc):
                regs[dest] = (regs[rs1] if wide else regs[rs1] & M32) >> amount()
        else:
            def shift(npc):
                value = regs[rs1]
                value = _signed64(value) if wide else (value & M32 ^ 0x80000000) - 0x80000000
                regs[dest] = (value >> amount()) & M64
        return shift

    def _decode_asr(self, op3: int, word: int, rd: int, rs1: int, dest: int) -> Callable | None:
        """RD/WR of Y, CCR, ASI (A.43, A.63); MEMBAR/STBAR (rd %asr15, rd 0)
        are no-ops for one CPU.  WR writes r[rs1] XOR operand2."""
        regs, cpu = self._regs, self
        if op3 == 0x28:
            if rs1 == 15 and rd == 0:
                return lambda npc: None
            if rs1 == 4:
                return _tick_refused("rd %tick")
            if rs1 in SOFTINT_NOT_RUN:
                return _softint_refused(f"rd %{SOFTINT_NOT_RUN[rs1]}")
            name = _ASR.get(rs1)
            if name is None or word >> 13 & 1:
                return None

            def rd_asr(npc):
                regs[dest] = cpu._read_v9(name)
            return rd_asr
        operand2 = self._operand2(word)
        if rd == CLEAR_SOFTINT:
            def clear_softint(npc):
                cpu._withdrawn |= (regs[rs1] ^ operand2()) & 0xFFFE
            return clear_softint
        if rd in SOFTINT_NOT_RUN:
            return _softint_refused(f"wr %{SOFTINT_NOT_RUN[rd]}")
        name = _ASR.get(rd)
        if name is None:
            return None  # SIR, the other ASRs: not decoded

        def wr_asr(npc):
            cpu._write_v9(name, regs[rs1] ^ operand2())
        return wr_asr

    def _decode_rdpr(self, rs1: int, dest: int) -> Callable | None:
        """RDPR (A.42): rd := the privileged register."""
        if rs1 == 4:
            return _tick_refused("rdpr %tick")
        name = _modelled_privileged(rs1)
        if name is None:
            return None
        regs, cpu = self._regs, self

        def rdpr(npc):
            cpu._privileged_access("rdpr", name)
            regs[dest] = cpu._read_v9(name)
        return rdpr

    def _decode_wrpr(self, rd: int, rs1: int, operand2: Callable[[], int]) -> Callable | None:
        """WRPR (A.62): the register := r[rs1] XOR operand2, at once."""
        name = _modelled_privileged(rd)
        if name is None:
            return None
        regs, cpu = self._regs, self

        def wrpr(npc):
            cpu._privileged_access("wrpr", name)
            if name == "tba":     # TBA here is the reset's, not the kernel's
                raise InstructionFault(_MOVED_TRAP_TABLE)
            try:
                cpu._write_v9(name, regs[rs1] ^ operand2())
            except ValueError as exc:
                raise InstructionFault(not_run(f"wrpr %{name}", f"V9 A.62: {exc}")) from None
        return wrpr

    def _privileged_access(self, mnemonic: str, name: str) -> None:
        """A.42, A.62: privileged_opcode without PSTATE.PRIV; the trap-level
        registers (TPC, TNPC, TSTATE, TT) at TL = 0 are illegal_instruction."""
        self._privileged(f"{mnemonic} %{name}")
        if name in _PER_LEVEL and self._tl == 0:
            raise InstructionFault(f"illegal_instruction trap ({mnemonic} %{name} at TL = 0)")

    def _decode_save_restore(self, save: bool, rs1: int,
                             operand2: Callable[[], int], dest: int) -> Callable:
        """SAVE / RESTORE (A.49, §6.3.6): SAVE with CANSAVE = 0 takes a
        spill trap, run as the kernel's handler runs it (_spill: the
        oldest window stored in its save area; the trap raises TL and
        clears PSTATE.IE, so no interrupt comes between, V9 §7.6.1), and
        needs CLEANWIN - CANRESTORE > 0 (else clean_window, whose handler
        is not run: a fault).  RESTORE needs CANRESTORE > 0, else a fill
        trap, run as the kernel's handler does it (_fill).  rd (new
        window) = rs1 + operand2 (old window).  A SAVE inside an
        interrupt (not ``own_top``) then spills every older window, as a
        handler calling deep enough does (NetBSD's C handlers may): the
        interrupted code and its callers get their windows back from
        memory, so a routine that wrote into a save area of a window older
        than its own (a frame smaller than abi.window_save_area below
        %sp + 2047, a temporary at %fp + 2047) gives its caller wrong
        registers (``preserves``)."""
        regs, cpu = self._regs, self

        def window_move(npc):
            if save:
                if cpu._cansave == 0:
                    cpu._spill("save")
                if cpu._cleanwin - cpu._canrestore == 0:
                    raise InstructionFault(not_run("save", "V9 §6.4: a clean_window trap "
                                                   "(CLEANWIN = CANRESTORE), run by the "
                                                   "kernel's handler"))
                cpu._cansave -= 1
                cpu._canrestore += 1
            else:
                if cpu._canrestore == 0:
                    cpu._fill("restore")
                cpu._cansave += 1
                cpu._canrestore -= 1
            value = (regs[rs1] + operand2()) & M64
            cpu._set_cwp((cpu._cwp + (-1 if save else 1)) % NWINDOWS)
            regs[dest] = value
            if save and cpu.window_saved is not None:
                cpu.window_saved()
            if save and not cpu.own_top:
                # inside an interrupt: its handler may call as deep as it
                # likes, spilling every older window (oldest first), which
                # then comes back from memory by fill traps
                while cpu._cansave != NWINDOWS - 2:
                    cpu._spill("save")
        return window_move

    def _decode_flushw(self, word: int) -> Callable | None:
        """FLUSHW (A.21; op3 0x2B, i = 0, not privileged): while a window
        other than the current one holds valid registers (CANSAVE !=
        NWINDOWS - 2) it takes a spill trap for the oldest, (CWP + CANSAVE
        + 2) mod NWINDOWS, whose handler stores it and executes SAVED
        (A.47), then RETRY runs FLUSHW again: every older window ends in
        its save area, CANSAVE = NWINDOWS - 2.  Run whole here (_spill);
        an interrupt between two of its spill traps leaves what the whole
        leaves, the remaining windows spilled at the return."""
        if word >> 13 & 1:
            return None
        cpu = self

        def flushw(npc):
            while cpu._cansave != NWINDOWS - 2:
                cpu._spill("flushw")
        return flushw

    def _spill(self, mnemonic: str) -> None:
        """One spill trap of a FLUSHW or a SAVE (V9 §6.4, A.47 SAVED) as NetBSD's handler
        runs it (sparc64 locore.s SPILL64: stx %l0-%l7, %i0-%i7 at %sp +
        BIAS, then saved; retry): with the window to spill current, its
        16 registers stored in its save area; CANSAVE + 1, and OTHERWIN - 1
        when not 0, else CANRESTORE - 1.  A store that faults is the
        handler's fault; CANSAVE beyond NWINDOWS - 2 or no window to give
        back (CANRESTORE = OTHERWIN = 0) is window state the manual leaves
        undefined: a fault."""
        if self._cansave > NWINDOWS - 2 or self._canrestore + self._otherwin == 0:
            raise InstructionFault(
                f"{mnemonic} with CANSAVE {self._cansave}, CANRESTORE {self._canrestore}, "
                f"OTHERWIN {self._otherwin}: not NWINDOWS - 2 = CANSAVE + CANRESTORE + "
                f"OTHERWIN (V9 §6.4), the spill trap's window is undefined")
        here = self._cwp
        self._set_cwp((here - (self._cansave + 2)) % NWINDOWS)   # V8 order: -(V9 CWP)
        try:
            area = self._window_address(self._regs[_SP], mnemonic, "spill")
            for n, value in enumerate(self._regs[16:32]):
                self._store(area + 8 * n, 8, value)
        except InstructionFault as fault:
            kind = "spill_n_other" if self._otherwin else "spill_n_normal"
            raise InstructionFault(f"{fault.message}: the {kind} trap's handler storing "
                                   f"window {self._v9_cwp()} at its %sp "
                                   f"(0x{self._regs[_SP]:x})") from None
        finally:
            self._set_cwp(here)
        self._cansave += 1
        if self._otherwin:
            self._otherwin -= 1
        else:
            self._canrestore -= 1

    def _fill(self, mnemonic: str) -> None:
        """The fill trap of a RESTORE or RETURN with CANRESTORE = 0 (V9
        §6.4, A.47 RESTORED) as NetBSD's handler runs it (sparc64 locore.s
        FILL64: ldx %l0-%l7, %i0-%i7 from %sp + BIAS, then restored;
        retry): with the window CWP - 1 current, its 16 registers loaded
        from its save area; CANRESTORE + 1, CLEANWIN + 1 unless it is
        NWINDOWS - 1, and OTHERWIN - 1 when not 0, else CANSAVE - 1.  The
        instruction then runs as usual: a window a FLUSHW or a SAVE's spill
        trap stored comes back from memory as it is there now; a load that
        faults is the handler's fault."""
        if self._cansave + self._otherwin == 0:
            raise InstructionFault(
                f"{mnemonic} with CANSAVE = CANRESTORE = OTHERWIN = 0: not NWINDOWS - 2 "
                f"(V9 §6.4), the fill trap's window state is undefined")
        here = self._cwp
        self._set_cwp((here + 1) % NWINDOWS)
        try:
            area = self._window_address(self._regs[_SP], mnemonic, "fill")
            values = [self._load(area + 8 * n, 8) for n in range(16)]
            self._regs[16:32] = values
        finally:
            self._set_cwp(here)
        self._canrestore += 1
        if self._cleanwin < NWINDOWS - 1:
            self._cleanwin += 1
        if self._otherwin:
            self._otherwin -= 1
        else:
            self._cansave -= 1

    def _decode_return(self, rs1: int, operand2: Callable[[], int]) -> Callable:
        """RETURN (A.45; op3 0x39, V8's RETT): a delayed jump to r[rs1] +
        operand2, both read in the current window, with RESTORE's window
        semantics (CWP - 1, CANSAVE + 1, CANRESTORE - 1) at once, so its
        delay slot runs in the restored window; it writes no register.
        CANRESTORE = 0 is a fill trap (_fill, as RESTORE's); a target
        not word-aligned is mem_address_not_aligned, taken first.  GCC -O2
        ends a non-leaf V9 function with `return %i7+8` and the result's
        move in the slot.  (Wording of the rule from memory of A.45.)"""
        regs, cpu = self._regs, self

        def return_(npc):
            target = (regs[rs1] + operand2()) & M64
            if target & 3:
                raise InstructionFault(f"mem_address_not_aligned trap (return to "
                                       f"0x{target:x})")
            if cpu._canrestore == 0:
                cpu._fill("return")
            cpu._cansave += 1
            cpu._canrestore -= 1
            cpu._set_cwp((cpu._cwp + 1) % NWINDOWS)
            return npc, target
        return return_

    def _decode_done_retry(self, fcn: int) -> Callable | None:
        """DONE (fcn 0) / RETRY (fcn 1), A.11: privileged, TL > 0; restore
        CCR, ASI, PSTATE and CWP from TSTATE[TL]; RETRY resumes at TPC/TNPC,
        DONE at TNPC/TNPC + 4; TL := TL - 1."""
        if fcn > 1:
            return None
        cpu = self
        name = "retry" if fcn else "done"

        def trap_return(npc):
            cpu._privileged(name)
            tl = cpu._tl
            if tl == 0:
                raise InstructionFault(f"illegal_instruction trap ({name} at TL = 0)")
            tstate = cpu._trap["tstate"][tl]
            tpc, tnpc = cpu._trap["tpc"][tl], cpu._trap["tnpc"][tl]
            cpu._icc, cpu._xcc = tstate >> 32 & 0xF, tstate >> 36 & 0xF
            cpu._asi = tstate >> 24 & 0xFF
            try:
                cpu._set_pstate(tstate >> 8 & PSTATE_FIELD)
            except ValueError as exc:
                raise InstructionFault(f"{name}: TSTATE.{exc}") from None
            cwp = tstate & 0x1F
            if cwp >= NWINDOWS:
                raise InstructionFault(f"{name}: TSTATE.CWP {cwp} beyond {NWINDOWS} windows")
            cpu._set_cwp(-cwp % NWINDOWS)
            cpu._tl = tl - 1
            if fcn:
                return tpc, tnpc
            return tnpc, (tnpc + 4) & M64
        return trap_return

    def _decode_tcc(self, word: int, rs1: int, operand2: Callable[[], int]) -> Callable | None:
        """Tcc (A.61) on icc or xcc: a taken trap is not modelled."""
        cc = word >> 11 & 3
        if cc & 1:
            return None
        cond = word >> 25 & 0xF
        taken = _COND_TAKEN[cond]
        mnemonic = "t" + _COND_NAMES[cond]
        regs, cpu = self._regs, self

        def tcc(npc):
            if taken[cpu._xcc if cc else cpu._icc]:
                number = (regs[rs1] + operand2()) & 0x7F
                raise InstructionFault(not_run(f"{mnemonic} 0x{number:x}", (
                    f"V9 A.61 Tcc: software trap tt 0x{0x100 + number:03x}, run by the "
                    f"kernel's handler")))
        return tcc

    # -- disassembly ----------------------------------------------------------
    def _disassemble_word(self, word: int, address: int) -> str:
        """Capstone's V9 text, or binutils' for the words capstone 5 lacks."""
        own = _text_v9(word)
        if own is not None:
            return own
        cs = Sparc64Backend._disassembler
        if cs is None:
            cs = Sparc64Backend._disassembler = capstone.Cs(
                capstone.CS_ARCH_SPARC, capstone.CS_MODE_BIG_ENDIAN | capstone.CS_MODE_V9)
        for insn in cs.disasm_lite(word.to_bytes(4, "big"), address, 1):
            return f"{insn[2]} {insn[3]}".strip()
        return _text_capstone_lacks(word) or f".word 0x{word:08x}"

    # -- interrupts (§7) ------------------------------------------------------
    def interrupt_accepted(self, level: int | None) -> bool:
        """§7.4.1: interrupt_level_n is taken when PSTATE.IE = 1 and n > PIL
        (level 15 is not special in V9: PIL 15 blocks it)."""
        return bool(self._pstate & PSTATE_IE) and level > self._pil

    def take_interrupt(self, level: int | None, vector: int, handler: int) -> None:
        """Normal trap processing (§7.6.1) for tt = ``vector`` (0x40 + n):
        the trap-level registers of TL + 1 take CCR/ASI/PSTATE/CWP, PC,
        nPC and tt; PSTATE := PRIV, AG, PEF, IE = 0 (MM kept); CWP
        unchanged; then PC = the port's stub
        (the TBA-based vector address is not modelled)."""
        tl = self._tl + 1
        self._trap["tstate"][tl] = (self._ccr() << 32 | self._asi << 24
                                    | self._pstate << 8 | self._v9_cwp())
        self._trap["tpc"][tl] = self._pc
        self._trap["tnpc"][tl] = self._npc
        self._trap["tt"][tl] = vector & 0x1FF
        self._tl = tl
        # AM, RED, TLE and CLE are never set here (PSTATE_UNMODELLED), so
        # AM := 0, RED := 0 and CLE := TLE leave them clear.
        self._set_pstate(self._pstate & ~PSTATE_IE | PSTATE_PRIV | PSTATE_AG | PSTATE_PEF)
        self._pc = handler & M64
        self._npc = (handler + 4) & M64

    def _older_windows(self) -> int:
        """CANRESTORE + OTHERWIN: the windows older than the current one
        still in the registers (V9 §6.3.6, §5.2.10), each one a spill trap
        may store at its own %sp + 2047 (spill_n_normal / spill_n_other)."""
        return min(self._canrestore + self._otherwin, NWINDOWS - 1)

    flushed_registers = ("cansave", "canrestore", "otherwin")

    def _windows_valid(self) -> bool:
        """Every window state is one a flush starts from (one whose sum is
        not NWINDOWS - 2 reads so in CANSAVE)."""
        return True

    def _flushed_counters(self) -> dict[str, int]:
        """FLUSHW's (A.21): every other window in memory, CANSAVE =
        NWINDOWS - 2 less none (the sum kept), CANRESTORE = OTHERWIN = 0."""
        return {"cansave": self._cansave + self._canrestore + self._otherwin,
                "canrestore": 0, "otherwin": 0}

    def entry_fault(self) -> str | None:
        """A trap taken at TL = MAXTL - 1 enters RED_state (§7.6.2, special
        trap processing), at MAXTL error_state; neither is modelled."""
        if self._tl < MAXTL - 1:
            return None
        return Unmodelled(f"trap level {self._tl + 1}: an interrupt at TL = {self._tl} enters "
                          f"RED_state (MAXTL = {MAXTL})")

    def withdrawn_levels(self) -> int:
        """Levels whose pending requests a CLEAR_SOFTINT write cleared
        (UltraSPARC: interrupt_level_n requests are SOFTINT bits 1-15)."""
        levels, self._withdrawn = self._withdrawn, 0
        return levels

    def return_point(self) -> tuple:
        """(pc, npc, cwp, sp, tl): where the interrupted code resumes."""
        return self._pc, self._npc, self._cwp, self._regs[_SP], self._tl

    # -- snapshots ------------------------------------------------------------
    def _cpu_state(self) -> tuple:
        return (super()._cpu_state(), self._xcc, self._asi, self._pstate,
                tuple(self._alternate), self._tl,
                tuple(tuple(self._trap[n]) for n in _PER_LEVEL), self._tba,
                self._cansave, self._canrestore, self._cleanwin, self._otherwin,
                self._wstate, self._withdrawn)

    def _set_cpu_state(self, state: tuple) -> None:
        (v8, self._xcc, self._asi, self._pstate, alternate, self._tl, trap, self._tba,
         self._cansave, self._canrestore, self._cleanwin, self._otherwin,
         self._wstate, self._withdrawn) = state
        super()._set_cpu_state(v8)
        self._alternate[:] = alternate
        for name, values in zip(_PER_LEVEL, trap):
            self._trap[name][:] = values


def _softint_refused(text: str) -> Callable:
    """RD/WR of an UltraSPARC SOFTINT register other than CLEAR_SOFTINT:
    the pending interrupt requests, which are the machine's; not run here
    (no verdict)."""
    def refuse(npc):
        raise InstructionFault(not_run(text, "UltraSPARC SOFTINT registers (NetBSD sparc64 "
                                             "include/ctlreg.h): the machine's pending requests"))
    return refuse


def _tick_refused(text: str) -> Callable:
    """RDPR %tick, RD %tick (A.42, A.43; TICK §5.2.9, privileged only
    with TICK.NPT set): the CPU's cycle count, which no routine can rely
    on; not run here."""
    def refuse(npc):
        raise InstructionFault(not_run(text, "V9 A.42/A.43, TICK §5.2.9: the processor's "
                                             "cycle counter"))
    return refuse


#: a WRPR of TBA: where the CPU finds its trap handlers
_MOVED_TRAP_TABLE = vectors_moved("wrpr %tba: sets the trap table's base (V9 §5.2.8 TBA, A.62 WRPR)")


def _modelled_privileged(number: int) -> str | None:
    """The privileged register rdpr/wrpr ``number`` names, if modelled."""
    name = PRIVILEGED.get(number)
    return None if name in ("tick", "fq", "ver") else name


def _text_v9(word: int) -> str | None:
    """binutils' text for the V9 words capstone 5 cannot decode or gets
    wrong: rdpr, wrpr, done, retry, return (capstone: V8's rett), movr
    (capstone reads simm10 unsigned; the manual's movrz/movrnz where objdump
    says movre/movrne), rd/wr of %ccr/%asi, rd %y (capstone prints no
    destination) and wr %asr21 (checked against
    sparc64-linux-gnu-objdump -d -m sparc:v9)."""
    op, rd, op3 = word >> 30, word >> 25 & 31, word >> 19 & 63
    rs1 = word >> 14 & 31
    if op != 2:
        return None
    if op3 == 0x3E and rd <= 1:
        return ("done", "retry")[rd]
    simm13 = signed_field(word, 13)
    operand2 = (hex(simm13) if abs(simm13) > 9 else str(simm13)) if word >> 13 & 1 \
        else _register_name(word & 31)
    if op3 == 0x2F and word >> 10 & 7 in _RCOND:  # capstone 5 reads simm10 unsigned
        simm10 = signed_field(word, 10)
        source = (hex(simm10) if abs(simm10) > 9 else str(simm10)) if word >> 13 & 1 \
            else _register_name(word & 31)
        return f"movr{_RCOND_NAMES[word >> 10 & 7]} {_register_name(rs1)}, {source}, " \
               f"{_register_name(rd)}"
    if op3 == 0x39:  # capstone 5 prints V8's rett
        if word & 0x3FFF == 0:
            return f"return {_register_name(rs1)}"
        return f"return {_register_name(rs1)} + {operand2}"
    if op3 == 0x2A and rs1 in PRIVILEGED:
        return f"rdpr %{PRIVILEGED[rs1]}, {_register_name(rd)}"
    if op3 == 0x28 and rs1 in _ASR:
        return f"rd %{_ASR[rs1]}, {_register_name(rd)}"
    if op3 in (0x30, 0x32):
        name = (_ASR if op3 == 0x30 else PRIVILEGED).get(rd)
        if op3 == 0x30 and rd == CLEAR_SOFTINT:
            name = "asr21"
        if name is None:
            return None
        mnemonic = "wrpr" if op3 == 0x32 else "wr"
        if rs1 == 0:
            return f"{mnemonic} {operand2}, %{name}"
        # objdump leaves out an operand2 of %g0, and of 0 for %y and the ASRs
        if word & 0x3FFF == 0 or word >> 13 & 1 and simm13 == 0 and name in ("y", "asr21"):
            return f"{mnemonic} {_register_name(rs1)}, %{name}"
        return f"{mnemonic} {_register_name(rs1)}, {operand2}, %{name}"
    return None
