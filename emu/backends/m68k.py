"""Motorola 68030/68040 on unicorn.

The CPU's rules for an interrupt (M68000 Family Programmer's Reference
Manual §1.3 status register, M68030 User's Manual §8.1.9 interrupt
exceptions): a request at level L is taken at an instruction boundary when
L > SR.I (level 7 always); the CPU saves SR, sets S, clears T, sets
SR.I := L, pushes a format-0 frame (SR, PC, format/vector word) on the
supervisor stack and continues at the vector's address; ``rte`` pops it.

Unicorn quirks handled here (docs/emulators.md): the default
model is ColdFire, so 68030/68040 is selected before mapping memory;
``reg_read(SR)`` corrupts the live flags, so SR is read from a saved
context; ``rte`` is not implemented, so the CPU exception it raises (0x100)
is completed by hand; and the interrupt frame is built by a small supervisor
trampoline that pushes the live SR itself (so the interrupted code resumes
with its own condition codes).
"""

from __future__ import annotations

import re
import struct

import capstone
from unicorn import UC_ARCH_M68K, UC_MODE_BIG_ENDIAN
from unicorn import m68k_const as M

from .base import CpuFault, NotModelled, Unmodelled
from .unicorn_base import UnicornBackend

SR_IPL_SHIFT = 8
SR_IPL_MASK = 0x0700
SR_S = 0x2000           # supervisor state (PRM §1.3.2)
SR_T1, SR_T0 = 0x8000, 0x4000      # trace on any instruction, on a change of flow (PRM §1.3.2)
RTE_EXCEPTION = 0x100
ILLEGAL_INSTRUCTION = 4
RTR = b"\x4e\x77"        # M68000 PRM §8 opcode map: RTR

#: the exception stack frame formats each CPU writes and rte takes (MC68030
#: User's Manual §8.4: $0, $1, $2, $9, $A, $B; MC68040 User's Manual §8.4:
#: $0, $1, $2, $3, $4, $7); rte of another is a format error; this model
#: writes and takes $0 only
FRAME_FORMATS = {"m68030": (0x0, 0x1, 0x2, 0x9, 0xA, 0xB), "m68040": (0x0, 0x1, 0x2, 0x3, 0x4, 0x7)}
_MODELS = {"m68030": M.UC_CPU_M68K_M68030, "m68040": M.UC_CPU_M68K_M68040}
_EXCEPTIONS = {2: "bus error", 3: "address error", 4: "illegal instruction",
               5: "divide by zero", 8: "privilege violation", 9: "trace", 10: "line A", 11: "line F"}

_TRAP = Unmodelled("a trap to the operating system (M68000 PRM §4 TRAP, TRAPV, TRAPcc): the "
                   "kernel's handler is not in this model")
#: capstone mnemonic (size suffix dropped) -> why the model refuses it (run
#: and check stop there; unicorn 2.1.4 loops forever inside emu_start on
#: bkpt, where no hook fires and emu_stop is never seen): a halt is the
#: routine's fault (no_fault), the others Unmodelled (no verdict)
UNMODELLED = {
    "stop": "stops the CPU until an interrupt (M68000 PRM §6 STOP): a halt (no_fault)",
    "lpstop": "stops the CPU until an interrupt (M68000 PRM §6 LPSTOP): a halt (no_fault)",
    "bkpt": Unmodelled("a breakpoint for a debugger (M68000 PRM §4 BKPT): no debugger in this "
                       "model"),
    "reset": Unmodelled("resets external devices (M68000 PRM §6 RESET): no device in this model"),
    "trap": _TRAP, "trapv": _TRAP,
    **{f"trap{cc}": _TRAP for cc in ("t", "hi", "ls", "cc", "cs", "ne", "eq", "vc", "vs", "pl",
                                     "mi", "ge", "lt", "gt", "le")},
    **dict.fromkeys(("chk2", "cmp2"), Unmodelled(
        "a 68020+ bounds check (M68000 PRM §4 CHK2, CMP2) that unicorn's 68030 takes for an "
        "illegal instruction")),
}

#: the condition codes (CCR, the low byte of SR: M68000 PRM §1.1.4),
#: undefined at a call (abi.scratch sr:0x1f)
M68K_FLAGS = {"X": 0x10, "N": 0x08, "Z": 0x04, "V": 0x02, "C": 0x01}
_CCR = 0x1F
_NZVC = 0x0F
#: capstone mnemonic (size dropped) -> the CCR bits it may write, per the
#: MC68030 User's Manual §3.3.1, Table 3-12 (Condition Code Computations;
#: the M68000 PRM §4 gives the same per instruction): a bit it sets,
#: clears, computes or leaves undefined ("U") is written, "-" is not.
#: ADDQ/SUBQ to an address register change no flag, counted written here.
#: A mnemonic not here (nor a Bcc, DBcc or Scc) writes all five.
M68K_FLAG_WRITES = {
    **dict.fromkeys(("add", "addi", "addq", "addx", "sub", "subi", "subq", "subx", "neg",
                     "negx", "abcd", "sbcd", "nbcd", "asl", "asr", "lsl", "lsr", "roxl",
                     "roxr", "rtr"), _CCR),
    # X not affected
    **dict.fromkeys(("and", "andi", "eor", "eori", "or", "ori", "moveq", "move", "clr", "ext",
                     "extb", "not", "tas", "tst", "chk", "chk2", "cmp2", "cas", "cas2", "cmp",
                     "cmpa", "cmpi", "cmpm", "divs", "divu", "divsl", "divul", "muls", "mulu",
                     "rol", "ror", "swap", "bfchg", "bfclr", "bfexts", "bfextu", "bfffo",
                     "bfins", "bfset", "bftst"), _NZVC),
    # BTST, BCHG, BCLR, BSET: Z only
    **dict.fromkeys(("btst", "bchg", "bclr", "bset"), M68K_FLAGS["Z"]),
    # "Condition Codes: Not affected." (PRM §4 each; MOVEA, ADDA, SUBA, LEA,
    # PEA, JMP, JSR, BRA, BSR, RTS, RTD, LINK, UNLK, MOVEM, EXG, NOP; MOVEC,
    # MOVES: §6)
    **dict.fromkeys(("movea", "adda", "suba", "lea", "pea", "jmp", "jsr", "bra", "bsr", "rts",
                     "rtd", "link", "unlk", "movem", "exg", "nop", "movec", "moves"), 0),
    # Bcc, DBcc, Scc only test them (PRM §4: "Not affected")
    **dict.fromkeys((f"{kind}{cc}" for kind in ("b", "db", "s")
                     for cc in ("hi", "ls", "cc", "cs", "ne", "eq", "vc", "vs", "pl", "mi", "ge",
                                "lt", "gt", "le", "hs", "lo")), 0),
    **dict.fromkeys(("dbra", "dbt", "dbf", "st", "sf"), 0),
}


_X, _N, _Z, _V, _C = 0x10, 0x08, 0x04, 0x02, 0x01
#: capstone mnemonic (size dropped) -> the CCR bits it always leaves
#: undefined (M68000 PRM §4, each instruction's Condition Codes): ABCD,
#: SBCD, NBCD "N - Undefined. V - Undefined."; CHK (no trap: the register
#: within bounds) "N - Set if Dn < 0; cleared if Dn > effective address
#: operand; undefined otherwise. Z, V, C - Undefined."  (DIVU/DIVS: only
#: on overflow, M68K_DIVIDES)
M68K_FLAG_UNDEFINED = {
    **dict.fromkeys(("abcd", "sbcd", "nbcd"), _N | _V),
    "chk": _N | _Z | _V | _C,
}
#: DIVU, DIVS (.W and .L; capstone names DIVUL/DIVSL so too): "N - ...
#: undefined if overflow or divide by zero occurs. Z - ... undefined if
#: overflow or divide by zero occurs" (M68000 PRM §4 DIVS/DIVU, DIVSL/DIVUL);
#: a divide by zero traps (vector 5) instead
M68K_DIVIDES = ("divu", "divs", "divul", "divsl")


def _signed(value: int, bits: int) -> int:
    return value - (1 << bits) if bits and value >> (bits - 1) & 1 else value


def m68k_divide_overflows(dividend: int, divisor: int, signed: bool, dividend_bits: int,
                          quotient_bits: int) -> bool:
    """Whether a DIVU/DIVS's quotient does not fit its destination (PRM §4
    DIVS/DIVU: "overflow ... if the quotient is larger than a 16-bit" (.W)
    or 32-bit (.L) "signed/unsigned integer"); True for a divisor of 0."""
    if signed:
        dividend = _signed(dividend, dividend_bits)
        divisor = _signed(divisor, 16 if quotient_bits == 16 else 32)
    if divisor == 0:
        return True
    quotient = abs(dividend) // abs(divisor)
    if signed:
        quotient = -quotient if (dividend < 0) != (divisor < 0) else quotient
        return not -(1 << (quotient_bits - 1)) <= quotient < 1 << (quotient_bits - 1)
    return quotient >> quotient_bits != 0


def m68k_flag_writes(mnemonic: str, operands: str) -> int:
    """The CCR bits an m68k instruction may write (M68K_FLAG_WRITES): all
    five where SR or CCR is its destination (MOVE, ANDI, ORI, EORI to SR or
    CCR; PRM §4, §6); none for MOVE from SR or CCR and MOVE USP."""
    name = mnemonic.split(".")[0]
    places = [part.strip() for part in operands.split(",")]
    if places[-1] in ("sr", "ccr"):
        return _CCR
    if name == "move" and (places[0] in ("sr", "ccr", "usp") or places[-1] == "usp"):
        return 0
    return M68K_FLAG_WRITES.get(name, _CCR)


# private page layout
_MAILBOX_PC, _MAILBOX_FV, _MAILBOX_HANDLER = 0x00, 0x04, 0x08
_TRAMPOLINES, _TRAMPOLINE_SIZE = 0x100, 0x40
_FLIPS = 0x300          # eori.b #n,%ccr for n = 0..31, four bytes each
_READ_SR = 0x380        # move.w %sr,%d0


def _trampoline(base: int, level: int) -> bytes:
    """The CPU's interrupt entry as code, for one level (opcodes from the
    M68000 PRM §4): reserve the 8-byte frame (subq does not touch the
    flags), store the live SR first, then PC and format/vector word, set
    S, clear T, SR.I := level, and go to the stub."""
    abs32 = lambda off: struct.pack(">I", base + off)
    return b"".join([
        b"\x51\x8f",                                   # subq.l  #8,%sp
        b"\x40\xd7",                                   # move.w  %sr,(%sp)
        b"\x2f\x79" + abs32(_MAILBOX_PC) + b"\x00\x02",  # move.l  (pc).l,2(%sp)
        b"\x3f\x79" + abs32(_MAILBOX_FV) + b"\x00\x06",  # move.w  (fv).l,6(%sp)
        b"\x00\x7c\x27\x00",                           # ori.w   #0x2700,%sr
        b"\x02\x7c" + struct.pack(">H", 0x38FF | level << SR_IPL_SHIFT),  # andi.w: T=0, I=level
        b"\x2f\x39" + abs32(_MAILBOX_HANDLER),         # move.l  (handler).l,-(%sp)
        b"\x4e\x75",                                   # rts
    ])


class M68kBackend(UnicornBackend):
    family = "m68k"
    operand_form = "{offset}(%{register})"
    arch, mode = UC_ARCH_M68K, UC_MODE_BIG_ENDIAN
    cs_arch = capstone.CS_ARCH_M68K
    cs_mode = capstone.CS_MODE_M68K_030 | capstone.CS_MODE_BIG_ENDIAN
    #: capstone's Motorola text: an absolute address is $hex with an
    #: optional .w/.l size (``jsr $100cc.l``), an immediate #$hex
    address_literal = re.compile(r"(?<![#\w])(?P<literal>\$(?P<hex>[0-9a-f]+)(?:\.[wl])?)(?![\w(])")
    unmodelled = UNMODELLED
    entry_length = 8      # the trampoline's instructions, subq to rts
    #: besides the integer unit's: the user and master stack pointers and
    #: the alternate function code registers (M68000 PRM §1.3 supervisor
    #: programming model).  Unicorn 2.1.4 exposes no register of the
    #: 68881/68882 FPU (fp0-fp7, fpcr, fpsr, fpiar), though its 68030 runs
    #: FPU instructions: unmodelled_reason refuses them
    registers = {**{f"d{i}": getattr(M, f"UC_M68K_REG_D{i}") for i in range(8)},
                 **{f"a{i}": getattr(M, f"UC_M68K_REG_A{i}") for i in range(8)},
                 "sp": M.UC_M68K_REG_A7, "pc": M.UC_M68K_REG_PC, "sr": M.UC_M68K_REG_SR,
                 "usp": M.UC_M68K_REG_CR_USP, "msp": M.UC_M68K_REG_CR_MSP,
                 "sfc": M.UC_M68K_REG_CR_SFC, "dfc": M.UC_M68K_REG_CR_DFC}
    trace_registers = (*(f"d{i}" for i in range(8)), *(f"a{i}" for i in range(8)), "sr")
    #: the CCR read from a context saved between two instructions is stale
    #: once an instruction wrote the flags (QEMU's lazy condition codes):
    #: at the call (the engine wrote it) and until an instruction writes it
    #: the read is exact, so ``unwritten_bits`` by value never takes a
    #: never-written CCR for written; a written one it may take for
    #: unwritten (a stale read equal to the poison), which can only make a
    #: correct routine fail, never a wrong one hold.  interrupt_transparent
    #: reads it by guest code (read_exactly)
    inexact_bits = {"sr": 0x1F}
    flag_bits = {"sr": M68K_FLAGS}

    flags_written_in_hooks = False

    def flag_writes(self, insn):
        return (("sr", m68k_flag_writes(insn.mnemonic, insn.op_str)),)

    def unmodelled_reason(self, insn):
        """Besides the table: every instruction of the floating-point
        coprocessor (M68000 PRM §5, the F-line with coprocessor ID 1; its
        mnemonics are the ones starting with f): its registers hold a user
        process's state (NetBSD m68k switches the FPU lazily: the kernel
        uses none of it) and unicorn exposes none of them, so the model
        can neither poison nor compare what such an instruction reads or
        changes."""
        target = insn.op_str.rpartition(", ")[2] if insn.mnemonic == "movec" else None
        if target in ("vbr", "cacr", "caar"):
            return Unmodelled(f"movec to {target} (M68000 PRM §6 MOVEC; MC68030 User's Manual "
                              "§1.3.2): the vector base, where the CPU finds its interrupt "
                              "vectors, or the caches; this model's interrupt entry goes to the "
                              "ports' stubs directly and has no cache")
        if target == "isp":
            return Unmodelled("movec to isp (M68000 PRM §6 MOVEC): with SR.M = 0 the interrupt "
                              "stack pointer is A7 itself, which unicorn's MOVEC leaves as it was")
        if insn.mnemonic.startswith("moves"):
            return Unmodelled("moves (M68000 PRM §6 MOVES): an access in the address space SFC or "
                              "DFC names (a user's, as NetBSD sets them), which this model, with "
                              "one address space, does not have")
        if insn.bytes[0] & 0xFE == 0xF0:       # F-line, coprocessor ID 0: the 68030's MMU
            return Unmodelled("an MMU instruction (MC68030 User's Manual §9, PMOVE, PFLUSH, "
                              "PLOAD, PTEST: F-line, coprocessor ID 0): this model has no MMU")
        if insn.mnemonic.startswith("f"):
            return Unmodelled("a floating-point coprocessor instruction (M68000 PRM §5): "
                              "fp0-fp7, fpcr, fpsr and fpiar are a user process's, and unicorn "
                              "exposes none of them")
        return super().unmodelled_reason(insn)

    def look_after(self, insn):
        """A write of SR by MOVE, ORI or EORI (M68000 PRM §4, §6): QEMU ends
        the block after it (the interrupt mask may change), and ignores its
        trace bits, which look_at_cpu judges."""
        return insn.op_str.endswith(", sr") and insn.mnemonic.split(".")[0] in (
            "move", "ori", "eori")

    def look_at_cpu(self, after):
        """SR.T1 set: the CPU takes a trace exception after the next
        instruction (M68000 PRM §1.3.2, MC68030 User's Manual §8.1.7), into
        the kernel's trap code, which unicorn never raises: a fault at
        ``after``, the instruction that set it.  T0 alone traces only a
        change of flow (68020 and later): no verdict."""
        sr = self.read_register("sr")
        if sr & SR_T1:
            raise CpuFault(after, f"sets SR.T1 (SR {sr:#06x}): the instruction after it takes a "
                                  f"trace exception (vector 9, MC68030 User's Manual §8.1.7), "
                                  f"the kernel's trap code")
        if sr & SR_T0:
            raise NotModelled(after, f"sets SR.T0 (SR {sr:#06x}: trace on a change of flow, "
                                     f"MC68030 User's Manual §8.1.7), which this model does "
                                     f"not trace")

    def flag_undefined(self, insn):
        undefined = M68K_FLAG_UNDEFINED.get(insn.mnemonic.split(".")[0], 0)
        return (("sr", undefined),) if undefined else ()

    def flag_undefined_if(self, insn):
        return (("sr", _N | _Z),) if insn.mnemonic.split(".")[0] in M68K_DIVIDES else ()

    def undefined_condition(self, insn):
        """Whether the divide about to run overflows, its operands read as
        its encoding names them (PRM §4 DIVS/DIVU: ``1000 Dn s11 <ea>`` for
        .W, s the sign; ``0100 1100 01 <ea>`` and an extension word with
        Dq in bits 14-12, signed bit 11, 64-bit dividend bit 10, Dr in bits
        2-0 for .L); True where its memory cannot be read.  CpuFault for
        the operands that crash the emulator."""
        code = bytes(insn.bytes)
        word = int.from_bytes(code[:2], "big")
        if word & 0xF000 == 0x8000:
            signed, quotient_bits = bool(word & 0x0100), 16
            dividend, dividend_bits = self.read_register(f"d{word >> 9 & 7}"), 32
            divisor = self._operand(word & 0x3F, 2, code[2:], insn.address + 2)
        else:
            extension = int.from_bytes(code[2:4], "big")
            signed, quotient_bits = bool(extension & 0x0800), 32
            dividend, dividend_bits = self.read_register(f"d{extension >> 12 & 7}"), 32
            if extension & 0x0400:
                dividend |= self.read_register(f"d{extension & 7}") << 32
                dividend_bits = 64
            divisor = self._operand(word & 0x3F, 4, code[4:], insn.address + 4)
        if divisor is None:
            return True
        if signed and dividend == 1 << (dividend_bits - 1) and divisor == (1 << 8 * (
                2 if quotient_bits == 16 else 4)) - 1:
            raise NotModelled(insn.address, "a signed divide of the most negative dividend "
                              "by -1 (unicorn 2.1.4's 68030 divides on the host and dies of "
                              "SIGFPE; a 68030 sets V, PRM §4 DIVS)")
        return m68k_divide_overflows(dividend, divisor, signed, dividend_bits, quotient_bits)

    def _operand(self, field: int, size: int, extension: bytes, extension_at: int) -> int | None:
        """The ``size``-byte source operand the 6-bit effective address
        ``field`` names, before the instruction runs (PRM §2.2; PC-relative
        modes take the PC as the extension word's address); None where
        memory cannot be read (the instruction faults itself)."""
        mode, reg = field >> 3, field & 7
        if mode == 0:
            return self.read_register(f"d{reg}") & ((1 << 8 * size) - 1)
        if field == 0o74:                                  # #<data>
            return int.from_bytes(extension[:size], "big")
        word = int.from_bytes(extension[:2], "big")
        an = self.read_register(f"a{reg}")
        try:
            address = (an if mode in (2, 3) else               # (An), (An)+
                       an - size if mode == 4 else             # -(An)
                       an + _signed(word, 16) if mode == 5 else                # (d16,An)
                       self._indexed(an, extension) if mode == 6 else
                       _signed(word, 16) if field == 0o70 else                 # (xxx).W
                       int.from_bytes(extension[:4], "big") if field == 0o71 else  # (xxx).L
                       extension_at + _signed(word, 16) if field == 0o72 else  # (d16,PC)
                       self._indexed(extension_at, extension))                 # (d8,PC,Xn) ...
            return int.from_bytes(self.read_memory(address & 0xFFFFFFFF, size), "big")
        except CpuFault:
            return None

    def _indexed(self, base: int, extension: bytes) -> int:
        """The address an indexed mode's extension words name (PRM §2.1.2
        brief and full extension word formats, §2.2.10-2.2.17): base (An or
        the PC) + displacement + index register * scale, the full format
        with base and index suppress and memory indirection pre- or
        post-indexed."""
        word = int.from_bytes(extension[:2], "big")
        index = self.read_register(f"{'ad'[word >> 15 ^ 1]}{word >> 12 & 7}")
        index = (index if word & 0x0800 else _signed(index & 0xFFFF, 16)) << (word >> 9 & 3)
        if not word & 0x0100:                              # brief: (d8,An,Xn)
            return base + _signed(word & 0xFF, 8) + index
        at = 2
        base = 0 if word & 0x80 else base                  # BS
        index = 0 if word & 0x40 else index                # IS
        base_size = {2: 2, 3: 4}.get(word >> 4 & 3, 0)     # BD SIZE: null, word, long
        base += _signed(int.from_bytes(extension[at:at + base_size], "big"), 8 * base_size)
        at += base_size
        select = word & 7                                  # I/IS
        if select == 0:
            return base + index
        outer_size = {2: 2, 3: 4}.get(select & 3, 0)
        outer = _signed(int.from_bytes(extension[at:at + outer_size], "big"), 8 * outer_size)
        if select & 4:                                     # post-indexed
            return int.from_bytes(self.read_memory(base & 0xFFFFFFFF, 4), "big") + index + outer
        return int.from_bytes(self.read_memory((base + index) & 0xFFFFFFFF, 4), "big") + outer

    def flip_bits(self, name, bits):
        """CCR bits by guest code (a read of the CCR between instructions
        may be stale, and writing it back would put the stale flags live):
        ``eori.b #bits,%ccr`` run from the private page (PRM §4 EORI to
        CCR)."""
        if name != "sr" or bits & ~_CCR:
            super().flip_bits(name, bits)
            return
        flip = bits
        pc = self.read(M.UC_M68K_REG_PC)
        self._entering = 1                 # the block hook's leave to run in the private page
        try:
            self._start(self._base + _FLIPS + 4 * flip, 1)
        finally:
            self._entering = 0
            self.redirect(pc)

    def read_exactly(self, name):
        """SR with the CCR as the guest sees it: ``move.w %sr,%d0`` run
        from the private page (PRM §4 MOVE from SR; QEMU computes its lazy
        condition codes for it), d0 and the PC given back.  Supervisor
        state only (MOVE from SR is privileged on the 68010 and later);
        in user state the saved context's read."""
        sr = self.read_register("sr")
        if name != "sr" or not sr & SR_S:
            return self.read_register(name)
        pc, d0 = self.read(M.UC_M68K_REG_PC), self.read(M.UC_M68K_REG_D0)
        self._entering = 1                 # the block hook's leave to run in the private page
        try:
            self._start(self._base + _READ_SR, 1)
            return self.read(M.UC_M68K_REG_D0) & 0xFFFF
        finally:
            self._entering = 0
            self.write(M.UC_M68K_REG_D0, d0)
            self.redirect(pc)

    def configure_model(self):
        model = self.model or "m68030"
        if model not in _MODELS:
            raise ValueError(f"unknown m68k model {model!r} (known: {', '.join(_MODELS)})")
        self.uc.ctl_set_cpu_model(_MODELS[model])

    def setup_private(self, base):
        self._base = base
        for level in range(8):
            self.uc.mem_write(base + _TRAMPOLINES + level * _TRAMPOLINE_SIZE, _trampoline(base, level))
        self.uc.mem_write(base + _FLIPS, b"".join(struct.pack(">HH", 0x0A3C, flip)
                                                  for flip in range(_CCR + 1)))
        self.uc.mem_write(base + _READ_SR, struct.pack(">H", 0x40C0))

    own_reads = frozenset({"sr"})
    own_writes = frozenset({"sp"})

    def read_register(self, name):
        if name == "sr":  # a live reg_read(SR) corrupts the flags: read a saved context
            return self.uc.context_save().reg_read(M.UC_M68K_REG_SR)
        return super().read_register(name)

    def write_register(self, name, value):
        if name == "sp":  # A7 is banked by SR.S: write it after SR (the caller's order)
            name = "a7"
        super().write_register(name, value)

    def cpu_exception(self, intno):
        if intno == RTE_EXCEPTION:
            self._return_from_exception()
            self.resume_in_new_run()
            return None
        if intno == ILLEGAL_INSTRUCTION and self.read_memory(self.pc, 2) == RTR:
            self._return_and_restore_ccr()
            self.resume_in_new_run()
            return None
        return CpuFault(self.pc, _EXCEPTIONS.get(intno, f"trap (vector {intno})"))

    def _return_and_restore_ccr(self):
        """rtr (M68000 PRM §4, RTR: "CCR <- (SP); SP <- SP + 2; PC <- (SP);
        SP <- SP + 4"), which unicorn takes for an illegal instruction: the
        CCR from the low byte of the word popped, the rest of SR kept."""
        sp = self.read(M.UC_M68K_REG_A7)
        ccr, pc = struct.unpack(">HI", self.read_memory(sp, 6))
        sr = self.read_register("sr")
        self.write(M.UC_M68K_REG_SR, (sr & ~_CCR) | (ccr & _CCR))
        self.write(M.UC_M68K_REG_A7, sp + 6)
        self.write(M.UC_M68K_REG_PC, pc)

    def _return_from_exception(self):
        """rte (M68000 PRM §6, RTE): pop SR, PC and the format word, SR first."""
        rte_at = self.pc
        sp = self.read(M.UC_M68K_REG_A7)
        sr, pc, fv = struct.unpack(">HIH", self.read_memory(sp, 8))
        form = fv >> 12
        if form != 0:
            cpu = self.model or "m68030"
            manual = f"MC{cpu[1:]} User's Manual §8.4"
            self._fault = (NotModelled(self.pc, f"rte of a frame of format ${form:X}, which "
                                                f"the {cpu} takes ({manual}) and this model "
                                                f"does not")
                           if form in FRAME_FORMATS[cpu] else
                           CpuFault(self.pc, f"rte of a frame of format ${form:X}: a format "
                                             f"error ({manual})"))
            self.uc.emu_stop()
            return
        self.write(M.UC_M68K_REG_SR, sr)
        self.write(M.UC_M68K_REG_A7, sp + 8)
        self.write(M.UC_M68K_REG_PC, pc)
        if sr & (SR_T1 | SR_T0):         # traced from the next instruction on
            self._look_due = rte_at

    def interrupt_accepted(self, level):
        return self.accepted_levels((level,))[level]

    def accepted_levels(self, levels):
        """Level 7 is not maskable; any other is taken above SR's I field
        (M68030 User's Manual §8.1.9; the SR read costs a context save)."""
        current = (self.read_register("sr") & SR_IPL_MASK) >> SR_IPL_SHIFT
        return {level: level == 7 or level > current for level in levels}

    def take_interrupt(self, level, vector, handler):
        self.write_memory(self._base + _MAILBOX_PC, struct.pack(">I", self.read(M.UC_M68K_REG_PC)))
        self.write_memory(self._base + _MAILBOX_FV, struct.pack(">H", (vector * 4) & 0x0FFF))
        self.write_memory(self._base + _MAILBOX_HANDLER, struct.pack(">I", handler))
        self.enter_private(self._base + _TRAMPOLINES + level * _TRAMPOLINE_SIZE)

    def return_point(self):
        return self.read(M.UC_M68K_REG_PC), self.read(M.UC_M68K_REG_A7)
