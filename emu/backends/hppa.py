"""A PA-RISC 1.1 CPU (32-bit, big-endian, privilege level 0), interpreted
in Python.

Neither unicorn nor icicle has PA-RISC, and pypcode's ``rfi`` does not
restore the PSW (docs/ports.md), so this module interprets the
subset NetBSD/hp700's spl routines, interrupt stubs and handlers use, and
what GCC -O2 -march=1.1 emits for spl-style C (among it the SAR-controlled
VSHD, VEXTRU/VEXTRS, ZVDEP/VDEP, ZVDEPI/VDEPI and BVB, and SHnADDL).
References are to the *PA-RISC 1.1 Architecture and Instruction Set
Reference Manual*, 3rd edition (HP 09740-90039, 1994):

* ch. 2 "System Organization", Processing Resources: the general
  registers (GR0 reads 0), the PSW (its N, Q and I bits), the control
  registers SAR (CR11), IVA (CR14), EIEM (CR15), IIASQ (CR17), IIAOQ
  (CR18), IPSW (CR22), EIRR (CR23) and the temporaries TR0-TR7
  (CR24-CR31);
* ch. 4 "Control Flow": the instruction address queue (IAOQ front and
  back), delayed branching (the instruction at the back of the queue, the
  delay slot, runs before the target) and nullification (PSW[N]: the next
  instruction is skipped; it still occupies its place in the queue, so an
  interruption can be taken just before it, with N saved in IPSW);
* ch. 5 "Interruptions": interruption handling (IPSW := PSW, PSW := 0 but
  for the default bits, IIAOQ/IIASQ := both entries of the instruction
  address queues when PSW[Q] was 1, continue at IVA + 32 * vector; an
  external interrupt is taken between instructions when PSW[I] = 1 and
  EIRR & EIEM != 0), masking (EIEM masks: a masked EIRR bit stays
  pending) and "Return from Interruption" (RFI: PSW := IPSW, both queues
  := IIAOQ/IIASQ; the instruction after RFI is not executed);
* the instruction pages (ch. 5-6 "Instruction Descriptions" and the
  System Control instructions SSM, RSM, MTSM, MTCTL, MFCTL, RFI) and
  Appendix C/D (formats, conditions).

What is modelled: the general registers, PSW N/Q/I (and the other system
mask bits as plain bits), the PSW carry/borrow bits (C/B, PSW bits 16-23:
the carry out of each 4-bit digit, the word's own carry leftmost) that
ADD, SHnADD, SUB, ADDI, SUBI write and ADDC/SUBB read and write (ch. 5
instruction pages: "PSW[C/B] <- carry_borrows"; ADDL, SHnADDL, COMCLR,
COMICLR, UADDCM and ADDB/ADDIB leave them), the queues, the control
registers above, flat memory, delay slots and nullification.  Space
registers, the TLB, protection IDs and address translation are not
modelled: PSW C, P and D (code and data translation, protection-ID
checks) are plain bits that change no address.  The machine starts every
call with the kernel's PSW, C, Q, P, D and I set (NetBSD/hp700's kpsw,
archs/hppa.yaml cpu.reset), as it runs; they are tracked all the same
(abi.state: a routine that clears D or P for its caller fails
``preserves``); an interruption saves them in IPSW and clears them, RFI
gives them back.  What is not: DS and DCOR (they
read C/B or V too), conditions on ADDC/SUBB, traps on overflow or
condition, floating point, the TLB, the shadow registers and RFIR.  Anything outside
the model raises CpuFault instead of producing a wrong result; so does
what the manual leaves undefined and NetBSD never does (SSM/MTSM setting
PSW[Q] from 0, MTCTL/MFCTL of the interruption queues with PSW[Q] = 1, an
LDCW whose address is not 16-byte aligned).

How it runs: memory, the step cache, the step loop and snapshots are the
interpreter core's (emu/backends/interpreter.py).  ``_pc`` is the front of
the instruction address queue and ``_npc`` its back; each step returns
None (the back advances by 4), a branch target (the new back), or a
(front, back) pair (RFI).
"""

from __future__ import annotations

from typing import Callable

from .base import Unmodelled, not_decoded
from .interpreter import PAGE_MASK, PAGE_SHIFT, InstructionFault, Interpreter, signed_field

M32 = 0xFFFFFFFF

# PSW bits (manual ch. 2, Processor Status Word; NetBSD hppa/include/psl.h).
PSW_N = 0x00200000
PSW_Q = 0x00000008
PSW_I = 0x00000001
#: the system mask: what SSM/RSM/MTSM read and write (PSW bits 24..31)
PSW_SYSTEM_MASK = 0x000000FF
#: LDCW's operand alignment on PA-RISC 1.1 (HppaBackend._decode_load_and_clear)
LDCW_ALIGNMENT = 16
#: the carry/borrow bits (PSW bits 16..23; NetBSD/OpenBSD hppa psl.h PSW_CB)
PSW_CB = 0x0000FF00
#: PSW[C/B]{0}, the carry out of the whole word: what ADDC and SUBB add
PSW_CARRY = 0x00008000

# Control register numbers (manual ch. 2, Control Registers).
CR_SAR, CR_IVA, CR_EIEM, CR_ITMR = 11, 14, 15, 16
CR_IIASQ, CR_IIAOQ, CR_IPSW, CR_EIRR = 17, 18, 22, 23
#: the external interrupt vector (manual ch. 5, Interruption Descriptions: 4)
EXTERNAL_INTERRUPT = 4

#: control register names as hppa-linux-gnu-objdump prints them
CONTROL_NAMES = (
    "rctr", "cr1", "cr2", "cr3", "cr4", "cr5", "cr6", "cr7",
    "pidr1", "pidr2", "ccr", "sar", "pidr3", "pidr4", "iva", "eiem",
    "itmr", "pcsq", "pcoq", "iir", "isr", "ior", "ipsw", "eirr",
    "tr0", "tr1", "tr2", "tr3", "tr4", "tr5", "tr6", "tr7",
)
#: the interval timer: a read gives a count of CPU cycles (PA-RISC 1.1
#: Architecture and Instruction Set Reference Manual, ch. 2 Control
#: Registers, CR16), which no run here has
_CLOCK = Unmodelled("mfctl %cr16: reads the interval timer, a count of the CPU's cycles "
                    "(PA-RISC 1.1 manual ch. 2, CR16): no clock in this model")
_EXPLICIT_SPACE = Unmodelled(
    "a load or store through an explicit space register (s = 1-3: %sr1-%sr3; PA-RISC 1.1 "
    "manual ch. 3, Space Identifier Selection): the kernel keeps other address spaces there "
    "(a user's, for copyin), and this model has the kernel's alone")


def _explicit_space():
    raise InstructionFault(_EXPLICIT_SPACE)


#: control registers whose write the model cannot follow: it has no
#: interruption vector table, protection IDs nor timer (their values here
#: are the reset's, not the kernel's: no write can be told harmless)
_UNMODELLED_CONTROL = {
    CR_IVA: Unmodelled("mtctl to %iva: moves the interruption vector table (PA-RISC 1.1 manual "
                       "ch. 2, CR14): the CPU's interruptions would go elsewhere, and this model "
                       "enters the ports' stubs directly"),
    **dict.fromkeys((8, 9, 12, 13), Unmodelled(
        "mtctl to a protection ID register (PA-RISC 1.1 manual ch. 2, CR8, CR9, CR12, CR13): "
        "the access rights of every page, which this model does not check")),
    CR_ITMR: Unmodelled("mtctl to %cr16: sets the interval timer's compare value (PA-RISC 1.1 "
                        "manual ch. 2, CR16), when the clock interrupts: no clock in this model"),
}
#: general register names as objdump prints them
OBJDUMP_NAMES = tuple({2: "rp", 27: "dp", 28: "ret0", 29: "ret1", 30: "sp"}.get(n, f"r{n}")
                      for n in range(32))


def _register_numbers() -> dict[str, int]:
    names = {f"r{n}": n for n in range(32)}
    names.update({f"gr{n}": n for n in range(32)})
    names.update(rp=2, dp=27, ret0=28, ret1=29, sp=30, mrp=31,
                 arg0=26, arg1=25, arg2=24, arg3=23, t1=22, t2=21, t3=20, t4=19)
    return names


REGISTER_NUMBERS = _register_numbers()
#: the control registers read_register/write_register name
CONTROL_NUMBERS = {name: n for n, name in enumerate(CONTROL_NAMES)}


def low_sign_ext(field: int, bits: int) -> int:
    """Appendix C low_sign_ext: the sign is the field's lowest bit."""
    value = field >> 1
    return value - (1 << (bits - 1)) if field & 1 else value


def assemble_12(word: int) -> int:
    """The 12-bit word displacement of compare-and-branch (w1, w), signed."""
    w1, w = (word >> 2) & 0x7FF, word & 1
    return signed_field((w << 11) | ((w1 & 1) << 10) | (w1 >> 1), 12)


def assemble_17(word: int) -> int:
    """The 17-bit word displacement of BL (w1, w2, w), signed."""
    w1, w2, w = (word >> 16) & 0x1F, (word >> 2) & 0x7FF, word & 1
    return signed_field((w << 16) | (w1 << 11) | ((w2 & 1) << 10) | (w2 >> 1), 17)


def assemble_21(word: int) -> int:
    """The 21-bit immediate of LDIL/ADDIL, as the value's bits 31..11."""
    x = word & 0x1FFFFF
    value = ((x & 1) << 20) | ((x & 0xFFE) << 8) | ((x & 0xC000) >> 7) \
        | ((x & 0x1F0000) >> 14) | ((x & 0x3000) >> 12)
    return (value << 11) & M32


def carry_borrows(a: int, b: int, total: int) -> int:
    """PSW[C/B] after the 33-bit sum ``total`` of ``a`` and ``b`` (a
    carry in included): C/B bit i (PSW bit 16 + i) is the carry out of
    digit i, the word's bits 4i..4i+3 counted from the left, i.e. the
    carry into bit 32 - 4i from the right (ch. 5, "carry_borrows")."""
    into = a ^ b ^ total               # bit j: the carry into bit j
    bits = 0
    for k in range(1, 9):
        bits |= ((into >> (4 * k)) & 1) << (k + 7)
    return bits


def _s32(x: int) -> int:
    return x - (1 << 32) if x & 0x80000000 else x


# -- conditions (Appendix D) ---------------------------------------------------
# Each condition function takes the operands as unsigned 32-bit ints and the
# result; the 3-bit c field picks the function, f negates it.

def _compare_condition(c: int):
    """Compare/subtract conditions on a - b."""
    return (
        lambda a, b: False,
        lambda a, b: a == b,
        lambda a, b: _s32(a) < _s32(b),
        lambda a, b: _s32(a) <= _s32(b),
        lambda a, b: a < b,
        lambda a, b: a <= b,
        lambda a, b: not -(1 << 31) <= _s32(a) - _s32(b) < (1 << 31),
        lambda a, b: (a - b) & 1 == 1,
    )[c]


def _add_condition(c: int):
    """Add conditions on a + b."""
    return (
        lambda a, b: False,
        lambda a, b: (a + b) & M32 == 0,
        lambda a, b: _s32(a) + _s32(b) < 0,
        lambda a, b: _s32(a) + _s32(b) <= 0,
        lambda a, b: a + b <= M32,
        lambda a, b: (a + b) & M32 == 0 or a + b <= M32,
        lambda a, b: not -(1 << 31) <= _s32(a) + _s32(b) < (1 << 31),
        lambda a, b: (a + b) & 1 == 1,
    )[c]


#: logical conditions on a result (c = 4..6 are reserved)
_LOGICAL = {0: lambda r: False, 1: lambda r: r == 0, 2: lambda r: r & 0x80000000 != 0,
            3: lambda r: r == 0 or r & 0x80000000 != 0, 7: lambda r: r & 1 == 1}
#: shift/extract/deposit conditions on a result (no f bit)
_SHIFT = (lambda r: False, lambda r: r == 0, lambda r: r & 0x80000000 != 0, lambda r: r & 1 == 1,
          lambda r: True, lambda r: r != 0, lambda r: r & 0x80000000 == 0, lambda r: r & 1 == 0)

COMPARE_NAMES = ("", "=", "<", "<=", "<<", "<<=", "sv", "od",
                 "tr", "<>", ">=", ">", ">>=", ">>", "nsv", "ev")
ADD_NAMES = ("", "=", "<", "<=", "nuv", "znv", "sv", "od",
             "tr", "<>", ">=", ">", "uv", "vnz", "nsv", "ev")
LOGICAL_NAMES = ("", "=", "<", "<=", "", "", "", "od",
                 "tr", "<>", ">=", ">", "", "", "", "ev")
SHIFT_NAMES = ("", "=", "<", "od", "tr", "<>", ">=", "ev")


def _negated(test, f: int):
    return (lambda *args: not test(*args)) if f else test


# -- the 3-register arithmetic/logical group (opcode 0x02, ext6) -------------
# ext6 -> (mnemonic as objdump prints it, kind, operation); kind picks the
# conditions: "add", "compare" (sub, comclr) or "logical".
ALU = {
    0x18: ("add", "add", lambda a, b: (a + b) & M32),
    0x28: ("add,l", "add", lambda a, b: (a + b) & M32),
    0x19: ("shladd", "add", lambda a, b: ((a << 1) + b) & M32),
    0x1A: ("shladd", "add", lambda a, b: ((a << 2) + b) & M32),
    0x1B: ("shladd", "add", lambda a, b: ((a << 3) + b) & M32),
    # SHnADDL (ch. 5 "Shift One/Two/Three and Add Logical"): the sum
    # without PSW[C/B] and without the overflow trap; GCC's x * 5 etc.
    0x29: ("shladd,l", "add", lambda a, b: ((a << 1) + b) & M32),
    0x2A: ("shladd,l", "add", lambda a, b: ((a << 2) + b) & M32),
    0x2B: ("shladd,l", "add", lambda a, b: ((a << 3) + b) & M32),
    0x10: ("sub", "compare", lambda a, b: (a - b) & M32),
    # ADDC/SUBB: operate is replaced by the carrying step (CARRYING); only
    # without a condition (theirs include the carry in)
    0x1C: ("add,c", "add", None),
    0x14: ("sub,b", "compare", None),
    0x22: ("cmpclr", "compare", lambda a, b: 0),
    0x09: ("or", "logical", lambda a, b: a | b),
    0x0A: ("xor", "logical", lambda a, b: a ^ b),
    0x08: ("and", "logical", lambda a, b: a & b),
    0x00: ("andcm", "logical", lambda a, b: a & ~b & M32),
    # unit add complement, GCC's one-instruction ~x (uaddcm r0,x,t): only
    # with no unit condition (the digit/byte tests are not modelled)
    0x26: ("uaddcm", "unit", lambda a, b: (a + (~b & M32)) & M32),
}
#: ext6 of the shift-and-add forms -> the shift objdump prints
SHLADD_SHIFT = {0x19: 1, 0x1A: 2, 0x1B: 3, 0x29: 1, 0x2A: 2, 0x2B: 3}
#: ext6 of the forms that write PSW[C/B] (ch. 5: ADD, SHnADD, SUB, ADDC,
#: SUBB; not ADDL, SHnADDL, COMCLR, UADDCM) -> (the shift of GR[r1], GR[r2]
#: complemented, the carry in: 0, 1 or None for PSW[C/B]{0})
CARRYING = {0x18: (0, False, 0), 0x19: (1, False, 0), 0x1A: (2, False, 0), 0x1B: (3, False, 0),
            0x10: (0, True, 1), 0x1C: (0, False, None), 0x14: (0, True, None)}
#: the ext6 that read PSW[C/B]
CARRY_READERS = {0x1C, 0x14}

# -- loads and stores with a 14-bit displacement ------------------------------
LOADS = {0x10: ("ldb", 1), 0x11: ("ldh", 2), 0x12: ("ldw", 4)}
STORES = {0x18: ("stb", 1), 0x19: ("sth", 2), 0x1A: ("stw", 4)}

# -- compare/add/move and branch: opcode -> (mnemonic, kind, negated) ---------
COMPARE_BRANCHES = {0x20: ("cmpb", "compare", 0), 0x22: ("cmpb", "compare", 1),
                    0x21: ("cmpib", "compare", 0), 0x23: ("cmpib", "compare", 1),
                    0x28: ("addb", "add", 0), 0x2A: ("addb", "add", 1),
                    0x29: ("addib", "add", 0), 0x2B: ("addib", "add", 1)}
IMMEDIATE_BRANCHES = {0x21, 0x23, 0x29, 0x2B}


def writes_carry(word: int) -> bool:
    """Whether the instruction ``word`` writes PSW[C/B]: the ALU forms of
    CARRYING, ADDI and SUBI (ch. 5 instruction pages), and RFI (PSW :=
    IPSW)."""
    opcode = word >> 26
    if opcode == 0x02:
        return (word >> 6) & 0x3F in CARRYING and not word & 0x20
    return opcode in (0x2D, 0x25) or word == 0x00000C00


def _nothing() -> None:
    """The step of a nullified word outside the model (never cached)."""


class HppaBackend(Interpreter):
    """A PA-RISC 1.1 CPU at privilege 0 (see the module doc).

    Register names: r0-r31 (and gr0-gr31, rp, dp, ret0, ret1, sp, arg0-arg3,
    t1-t4), ``pc`` (IAOQ front; writing it sets the back to pc + 4),
    ``npc`` (IAOQ back), ``psw``, ``privilege`` (0; the differential test
    runs user code at 3), and the control registers by objdump's
    names (``sar``, ``iva``, ``eiem``, ``eirr``, ``ipsw``, ``tr0``-``tr7``
    ...); ``pcoq``/``pcsq`` read the front of IIAOQ/IIASQ and
    ``pcoq_back``/``pcsq_back`` the back.
    """

    family = "hppa"
    operand_form = "{offset}(%{register})"
    write_latencies = (0,)
    #: PSW[C/B], undefined at a call (the runtime does not preserve the PSW:
    #: archs/hppa.yaml abi.scratch), whose writes ``written_flags`` knows
    flag_bits = {"psw": {"C/B": PSW_CB}}
    byte_order = "big"
    address_mask = M32
    register_index = REGISTER_NUMBERS
    register_count = 32
    #: every general register, the PSW and the control registers MFCTL
    #: reads (ch. 2; the IIA queues only with PSW Q clear)
    trace_registers = (*OBJDUMP_NAMES[1:], "psw", *CONTROL_NAMES)
    zero_register = 0

    def __init__(self, model: str | None = None):
        super().__init__(model)
        self._npc = 4
        self._psw = 0
        self._withdrawn = 0              # EIRR lines a mtctl cleared, not yet asked
        self._cr = [0] * 32              # CR17/CR18 hold the queues' fronts
        self._iiasq_back = 0
        self._iiaoq_back = 0
        #: the privilege level (0 = most privileged), kept in the low two
        #: bits of the queue's offsets: only the link values of BL/BLR show it
        self._privilege = 0
        #: instruction word -> written_flags' answer
        self._carry_writes: dict[int, tuple] = {}

    # -- registers ------------------------------------------------------------
    def _read_special(self, name: str) -> int:
        if name == "pc":
            return self._pc
        if name == "npc":
            return self._npc
        if name == "psw":
            return self._psw
        if name == "pcoq_back":
            return self._iiaoq_back
        if name == "pcsq_back":
            return self._iiasq_back
        if name == "privilege":
            return self._privilege
        return self._cr[CONTROL_NUMBERS[name]]

    def _write_special(self, name: str, value: int) -> None:
        if name == "pc":
            self._pc, self._npc = value & ~3, (value + 4) & M32 & ~3
        elif name == "npc":
            self._npc = value & ~3
        elif name == "psw":
            self._psw = value
        elif name == "pcoq_back":
            self._iiaoq_back = value
        elif name == "pcsq_back":
            self._iiasq_back = value
        elif name == "privilege":
            self._privilege = value & 3
        else:
            self._cr[CONTROL_NUMBERS[name]] = value

    # -- execution ------------------------------------------------------------
    def _execute(self, step: Callable) -> None:
        """One instruction slot (ch. 4): a nullified instruction (PSW[N])
        is skipped, clearing N; otherwise the step runs.  Then the queue
        advances: the back becomes the front, the new back is back + 4 or
        the step's branch target."""
        if self._psw & PSW_N:
            self._psw &= ~PSW_N
            target = None
        else:
            target = step()
        if target is None:
            self._pc, self._npc = self._npc, (self._npc + 4) & M32
        elif target.__class__ is tuple:
            self._pc, self._npc = target
        else:
            self._pc, self._npc = self._npc, target

    def _decode_at(self, pc: int) -> Callable:
        """A nullified slot is fetched but never executed: a word outside
        the model there (data after a routine's last bv,n) is no fault."""
        if self._psw & PSW_N:
            word = self._fetch(pc)
            if self._decode(word, pc) is None:
                return _nothing
        return super()._decode_at(pc)

    def written_flags(self, address: int) -> tuple[tuple[str, int], ...]:
        """PSW[C/B] for the instruction at ``address`` when it may write
        them (``writes_carry``; a nullified one counts too); by the word,
        so a store over code cannot leave a stale answer."""
        word = self._fetch(address)
        known = self._carry_writes.get(word)
        if known is None:
            known = self._carry_writes[word] = (("psw", PSW_CB),) if writes_carry(word) else ()
        return known

    def _nullify(self) -> None:
        self._psw |= PSW_N

    def _decode(self, word: int, pc: int) -> Callable | None:
        """The step of ``word`` at ``pc``, by major opcode (Appendix C)."""
        opcode = word >> 26
        if opcode == 0x02:
            return self._decode_alu(word)
        if opcode in (0x0D, 0x08, 0x0A):
            return self._decode_immediate_load(opcode, word)
        if (opcode in LOADS or opcode in STORES or opcode in (0x13, 0x1B) or opcode == 0x03) \
                and word >> 14 & 3:
            return _explicit_space
        if opcode in LOADS or opcode in STORES or opcode in (0x13, 0x1B):
            return self._decode_memory(opcode, word)
        if opcode == 0x03:
            return self._decode_short_memory(word)
        if opcode in (0x2D, 0x25, 0x24):
            return self._decode_arith_immediate(opcode, word)
        if opcode in COMPARE_BRANCHES:
            return self._decode_compare_branch(opcode, word, pc)
        if opcode == 0x32:
            return self._decode_movb(word, pc)
        if opcode == 0x31:
            return self._decode_bb(word, pc)
        if opcode == 0x30:
            return self._decode_bvb(word, pc)
        if opcode == 0x3A:
            return self._decode_branch(word, pc)
        if opcode == 0x34:
            return self._decode_extract(word)
        if opcode == 0x35:
            return self._decode_deposit(word)
        if opcode == 0x00:
            return self._decode_system(word)
        return None

    def _undecoded(self, word: int, pc: int) -> str:
        return not_decoded(disassemble_word(word, pc), f"0x{word:08x}")

    # The _decode_* methods return closures over the register list with the
    # instruction's fields bound as constants.

    def _decode_alu(self, word: int):
        """Opcode 0x02 (format 3): GR[t] = GR[r1] op GR[r2]; the next
        instruction is nullified when the condition holds."""
        ext6 = (word >> 6) & 0x3F
        entry = ALU.get(ext6)
        if entry is None or word & 0x20:
            return None
        _, kind, operate = entry
        r2, r1, c, f, t = (word >> 21) & 31, (word >> 16) & 31, (word >> 13) & 7, (word >> 12) & 1, word & 31
        regs = self._regs
        if kind == "unit" and (c or f):
            return None
        if kind == "logical":
            if c not in _LOGICAL:
                return None
            test = _negated(_LOGICAL[c], f)
            condition = lambda a, b, result: test(result)   # noqa: E731
        elif ext6 in SHLADD_SHIFT:
            shift = SHLADD_SHIFT[ext6]
            add = _negated(_add_condition(c), f)
            condition = lambda a, b, result: add((a << shift) & M32, b)   # noqa: E731
        else:
            test = _negated(_add_condition(c) if kind == "add" else _compare_condition(c), f)
            condition = lambda a, b, result: test(a, b)   # noqa: E731
        nullify = self._nullify
        if ext6 in CARRYING:
            if ext6 in CARRY_READERS and (c or f):
                return None
            return self._carrying_step(ext6, r1, r2, t, condition)
        if c == 0 and not f:
            def step():
                result = operate(regs[r1], regs[r2])
                if t:
                    regs[t] = result
            return step

        def conditional():
            a, b = regs[r1], regs[r2]
            result = operate(a, b)
            if t:
                regs[t] = result
            if condition(a, b, result):
                nullify()
        return conditional

    def _carrying_step(self, ext6: int, r1: int, r2: int, t: int, condition):
        """The step of an ALU form that writes PSW[C/B] (CARRYING): GR[t]
        = lshift(GR[r1]) + GR[r2] (or ~GR[r2]) + the carry in, C/B := its
        carry_borrows; the condition on the operands nullifies."""
        regs, nullify = self._regs, self._nullify
        shift, complement, carry_in = CARRYING[ext6]
        flip = M32 if complement else 0

        def step():
            first, second = regs[r1], regs[r2]
            a, b = (first << shift) & M32, second ^ flip
            total = a + b + (carry_in if carry_in is not None else self._psw >> 15 & 1)
            result = total & M32
            self._psw = (self._psw & ~PSW_CB) | carry_borrows(a, b, total)
            if t:
                regs[t] = result
            if condition(first, second, result):
                nullify()
        return step

    def _decode_immediate_load(self, opcode: int, word: int):
        """LDO (t = b + d), LDIL (t = i << 11), ADDIL (GR1 = r + i << 11)."""
        regs = self._regs
        b, t = (word >> 21) & 31, (word >> 16) & 31
        if opcode == 0x0D:
            disp = low_sign_ext(word & 0x3FFF, 14)

            def ldo():
                if t:
                    regs[t] = (regs[b] + disp) & M32
            return ldo
        value = assemble_21(word)
        if opcode == 0x08:
            def ldil():
                if b:
                    regs[b] = value
            return ldil

        def addil():
            regs[1] = (regs[b] + value) & M32
        return addil

    def _decode_memory(self, opcode: int, word: int):
        """LDB/LDH/LDW, STB/STH/STW and LDWM/STWM (format 1): address
        b + d (space registers not modelled); LDWM/STWM modify b: before
        the access when d < 0, after it otherwise."""
        b, r = (word >> 21) & 31, (word >> 16) & 31
        disp = low_sign_ext(word & 0x3FFF, 14)
        modify = opcode in (0x13, 0x1B)
        size = 4 if modify else (LOADS.get(opcode) or STORES[opcode])[1]
        store = opcode in STORES or opcode == 0x1B
        return self._memory_step(b, r, size, store, modify, not modify or disp < 0, lambda: disp)

    def _decode_short_memory(self, word: int):
        """Opcode 0x03 (formats 4 and 5): loads and stores with a 5-bit
        displacement (the short forms gas picks for small offsets) and
        indexed loads (x, or x scaled by the size with ,s).  With m set the
        base is modified: short forms before the access when a = 1 (,mb),
        after it otherwise (,ma); indexed ones by the index, after."""
        ext4 = (word >> 6) & 0xF
        short = word >> 12 & 1
        if ext4 == 7 and not (word >> 10) & 3:
            return self._decode_load_and_clear(word, short)
        size = {0: 1, 1: 2, 2: 4, 8: 1, 9: 2, 10: 4}.get(ext4)
        store = ext4 >= 8
        if size is None or (store and not short) or (word >> 10) & 3:
            return None
        regs = self._regs
        b, field, t = (word >> 21) & 31, (word >> 16) & 31, word & 31
        before, modify = (word >> 13) & 1, (word >> 5) & 1
        if short:
            disp = low_sign_ext(t if store else field, 5)
            return self._memory_step(b, field if store else t, size, store, modify,
                                     before or not modify, lambda: disp)
        scale = size if before else 1
        return self._memory_step(b, t, size, store, modify, not modify,
                                 lambda: regs[field] * scale)

    def _decode_load_and_clear(self, word: int, short: bool):
        """LDCW (ch. 6, Load and Clear Word; formats 4 and 5 with ext4 7:
        LDCWX and LDCWS): GR[t] := the word at the address and the word :=
        0, one atomic access.  Base modification as the other forms.

        The address must be a multiple of 16 (LDCW_ALIGNMENT): PA-RISC 1.1,
        the model's CPU (archs/hppa.yaml), leaves LDCW on any other address
        undefined and takes no trap for it (PA-RISC 1.1 Architecture and
        Instruction Set Reference Manual, 3rd ed., ch. 3 "The
        Synchronization Primitive" and the LDCWX/LDCWS pages, as HP's note
        quoted in Linux arch/parisc/include/asm/ldcw.h says it: "If the
        address is unaligned, the operation of the instruction is
        undefined.  The ldcw instruction does not generate unaligned data
        reference traps"; PA-RISC 2.0 relaxes it to 4 for the ,co
        completer only, which this PA 1.1 decoder does not take).  Such an
        LDCW is a fault here, as the other operations the manual leaves
        undefined are (module docstring): whatever the CPU did, the model
        cannot follow it.  NetBSD/hppa's semaphores are 16-byte aligned
        (hppa lock.h: HPPA_LDCW_ALIGN 16, __SIMPLELOCK_ALIGN); so is GCC's
        __sync_synchronize only when the stack slot it picks, (sp + 15) &
        ~7, happens to be (tests/data/broken/hppa/session43_gcc_fence.c)."""
        regs, page_of = self._regs, self._page
        unpack, pack = self._unpack[4], self._pack[4]
        b, field, t = (word >> 21) & 31, (word >> 16) & 31, word & 31
        before, modify = (word >> 13) & 1, (word >> 5) & 1
        if short:
            disp = low_sign_ext(field, 5)
            offset, pre = (lambda: disp), bool(before or not modify)
        else:
            scale = 4 if before else 1
            offset, pre = (lambda: regs[field] * scale), not modify

        def ldcw():
            base, change = regs[b], offset()
            address = (base + change) & M32 if pre else base
            if address & (LDCW_ALIGNMENT - 1):
                raise InstructionFault(
                    f"ldcw of 0x{address:08x}, not 16-byte aligned: undefined on PA-RISC 1.1 "
                    f"(the semaphore of LDCWX/LDCWS must be 16-byte aligned; the CPU takes "
                    f"no trap)")
            page = page_of(address, 4, "write")
            value = unpack(page, address & PAGE_MASK)[0]
            pack(page, address & PAGE_MASK, 0)
            if modify and b:
                regs[b] = (base + change) & M32
            if t:
                regs[t] = value
        return ldcw

    def _memory_step(self, b: int, r: int, size: int, store: bool, modify: bool, pre: bool,
                     offset: Callable[[], int]):
        """The step of a load into / store from GR[r] of ``size`` bytes at
        GR[b] + offset() (``pre``) or at GR[b] (post-modify); ``modify``:
        GR[b] += offset() afterwards.  A store over decoded code drops the
        cached steps."""
        regs, page_of = self._regs, self._page
        unpack, pack = self._unpack[size], self._pack[size]
        code_pages, forget = self._code_pages, self._forget_steps
        mask = (1 << (8 * size)) - 1

        def step():
            base, change = regs[b], offset()
            address = (base + change) & M32 if pre else base
            if store:
                pack(page_of(address, size, "write"), address & PAGE_MASK, regs[r] & mask)
                if address >> PAGE_SHIFT in code_pages:
                    forget(address, size)
            else:
                value = unpack(page_of(address, size, "read"), address & PAGE_MASK)[0]
            if modify and b:
                regs[b] = (base + change) & M32
            if not store and r:
                regs[r] = value
        return step

    def _decode_arith_immediate(self, opcode: int, word: int):
        """ADDI (0x2D), SUBI (0x25: t = i - r), COMICLR (0x24: t = 0) with
        an 11-bit immediate; the condition nullifies the next instruction.
        ADDI and SUBI write PSW[C/B], COMICLR does not (ch. 5).
        The trapping forms (the e bit) are not modelled."""
        if opcode != 0x24 and word & 0x800:
            return None
        regs, nullify = self._regs, self._nullify
        r, t, c, f = (word >> 21) & 31, (word >> 16) & 31, (word >> 13) & 7, (word >> 12) & 1
        imm = low_sign_ext(word & 0x7FF, 11) & M32
        test = _negated(_add_condition(c) if opcode == 0x2D else _compare_condition(c), f)

        if opcode == 0x24:
            def compare():
                a = regs[r]
                if t:
                    regs[t] = 0
                if test(imm, a):
                    nullify()
            return compare
        flip = M32 if opcode == 0x25 else 0

        def step():             # ADDI: imm + GR[r]; SUBI: imm + ~GR[r] + 1; both set C/B
            a = regs[r]
            b = a ^ flip
            total = imm + b + (1 if flip else 0)
            self._psw = (self._psw & ~PSW_CB) | carry_borrows(imm, b, total)
            if t:
                regs[t] = total & M32
            if test(imm, a):
                nullify()
        return step

    def _branch_rule(self, n: int, displacement: int):
        """Ch. 4, nullification with ,n on a conditional branch: a taken
        forward branch nullifies its delay slot, an untaken backward one
        the next instruction."""
        nullify = self._nullify
        if not n:
            return lambda taken: None
        if displacement >= 0:
            return lambda taken: nullify() if taken else None
        return lambda taken: None if taken else nullify()

    def _decode_compare_branch(self, opcode: int, word: int, pc: int):
        """CMPB/CMPIB (compare), ADDB/ADDIB (GR[r2] += first operand);
        target = pc + 8 + 4 * assemble_12."""
        _, kind, f = COMPARE_BRANCHES[opcode]
        regs = self._regs
        r2, r1, c, n = (word >> 21) & 31, (word >> 16) & 31, (word >> 13) & 7, (word >> 1) & 1
        displacement = assemble_12(word) * 4
        target = (pc + 8 + displacement) & M32
        rule = self._branch_rule(n, displacement)
        immediate = low_sign_ext(r1, 5) & M32 if opcode in IMMEDIATE_BRANCHES else None
        if kind == "compare":
            test = _negated(_compare_condition(c), f)

            def compare():
                a = immediate if immediate is not None else regs[r1]
                taken = test(a, regs[r2])
                rule(taken)
                return target if taken else None
            return compare
        test = _negated(_add_condition(c), f)

        def add():
            a = immediate if immediate is not None else regs[r1]
            b = regs[r2]
            if r2:
                regs[r2] = (a + b) & M32
            taken = test(a, b)
            rule(taken)
            return target if taken else None
        return add

    def _decode_movb(self, word: int, pc: int):
        """MOVB: GR[t] = GR[r]; branch on a shift/extract condition of it."""
        regs = self._regs
        t, r, c, n = (word >> 21) & 31, (word >> 16) & 31, (word >> 13) & 7, (word >> 1) & 1
        displacement = assemble_12(word) * 4
        target, rule, test = (pc + 8 + displacement) & M32, self._branch_rule(n, displacement), _SHIFT[c]

        def step():
            value = regs[r]
            if t:
                regs[t] = value
            taken = test(value)
            rule(taken)
            return target if taken else None
        return step

    def _decode_bb(self, word: int, pc: int):
        """BB: branch when bit p (0 = the most significant) of GR[r] is 1
        (c = 0, "<") or 0 (c = 1, ">=")."""
        regs = self._regs
        p, r, c, n = (word >> 21) & 31, (word >> 16) & 31, (word >> 15) & 1, (word >> 1) & 1
        if (word >> 13) & 3 != 2:
            return None
        displacement = assemble_12(word) * 4
        target, rule, shift = (pc + 8 + displacement) & M32, self._branch_rule(n, displacement), 31 - p

        def step():
            taken = (regs[r] >> shift) & 1 != c
            rule(taken)
            return target if taken else None
        return step

    def _decode_bvb(self, word: int, pc: int):
        """BVB (opcode 0x30, ch. 5 "Branch on Variable Bit"): BB with the
        bit number taken from SAR when it runs (bit SAR of GR[r], 0 = the
        most significant); GCC's test of a variable bit of a word (mtsar,
        then ``bb,>= r,sar``).  Bits 21-25, where BB has p, are 0."""
        regs, cr = self._regs, self._cr
        r, c, n = (word >> 16) & 31, (word >> 15) & 1, (word >> 1) & 1
        if (word >> 21) & 31 or (word >> 13) & 3 != 2:
            return None
        displacement = assemble_12(word) * 4
        target, rule = (pc + 8 + displacement) & M32, self._branch_rule(n, displacement)

        def step():
            taken = (regs[r] >> (31 - (cr[CR_SAR] & 31))) & 1 != c
            rule(taken)
            return target if taken else None
        return step

    def _decode_branch(self, word: int, pc: int):
        """Opcode 0x3A: BL (ext 0: t = back + 4, target pc + 8 + 4 *
        assemble_17), BLR (ext 2: target pc + 8 + 8 * GR[x]) and BV (ext 6:
        target GR[b] + 8 * GR[x]); ,n always nullifies the delay slot."""
        regs, nullify = self._regs, self._nullify
        t, x, ext, n = (word >> 21) & 31, (word >> 16) & 31, (word >> 13) & 7, (word >> 1) & 1
        if ext == 0:
            target = (pc + 8 + assemble_17(word) * 4) & M32

            def bl():
                if t:
                    regs[t] = ((self._npc + 4) & M32) | self._privilege
                if n:
                    nullify()
                return target
            return bl
        if ext == 2 and not word & 0x1FFD:
            def blr():
                destination = (pc + 8 + 8 * regs[x]) & M32
                if t:
                    regs[t] = ((self._npc + 4) & M32) | self._privilege
                if n:
                    nullify()
                return destination
            return blr
        if ext == 6 and not word & 0x1FFD:
            b = t

            def bv():
                if n:
                    nullify()
                return (regs[b] + 8 * regs[x]) & M32 & ~3
            return bv
        return None

    def _decode_extract(self, word: int):
        """Opcode 0x34, the shift/extract group (manual ch. 5 instruction
        pages, Appendix C format 11/12): VSHD (ext 0) and SHD (ext 2) shift
        the pair GR[r1]:GR[r2] right by SAR or by 31 - p; VEXTRU/VEXTRS
        (ext 4/5) and EXTRU/EXTRS (ext 6/7) take the len-bit field of GR[r]
        whose rightmost bit is bit SAR or bit p (0 = the most significant),
        right-justified, zero- or sign-extended.  The 3-bit c field is the
        shift/extract/deposit condition on the result (Appendix D: never,
        =, <, OD, TR, <>, >=, EV); when it holds the next instruction is
        nullified.

        A fixed field reaching past bit 0 (len > p + 1) is left undefined
        (None: outside the model; GCC never encodes one).  For the variable
        forms the length is fixed but SAR is not: len > SAR + 1 is how GCC
        writes a variable arithmetic shift right (its ashrsi3 pattern,
        ``mtsar 31-n; vextrs r,32,t``), so the field extends with zeros
        (VEXTRU) or with copies of bit 0 of GR[r] (VEXTRS), as the shifter
        does and as qemu's hppa translator (trans_extrw_sar) does; the
        differential test (tests/test_hppa_differential.py) checks it with
        SAR = 0, 1 and 31."""
        regs, cr, nullify = self._regs, self._cr, self._nullify
        r, second, c, ext = (word >> 21) & 31, (word >> 16) & 31, (word >> 13) & 7, (word >> 10) & 7
        p, clen = (word >> 5) & 31, word & 31
        test = _SHIFT[c]
        if ext in (6, 7):
            t, length = second, 32 - clen
            if length > p + 1:
                return None           # undefined in the manual
            shift, mask, sign = 31 - p, (1 << length) - 1, 1 << (length - 1)

            def operate():
                value = (regs[r] >> shift) & mask
                return ((value ^ sign) - sign) & M32 if ext == 7 else value
        elif ext in (4, 5) and p == 0:
            t, length = second, 32 - clen
            mask, sign = (1 << length) - 1, 1 << (length - 1)

            def operate():
                shift = 31 - (cr[CR_SAR] & 31)
                if ext == 5:            # arithmetic: bit 0 fills past the word
                    value = (_s32(regs[r]) >> shift) & mask
                    return ((value ^ sign) - sign) & M32
                return (regs[r] >> shift) & mask
        elif ext in (0, 2) and (word >> 5) & (0 if ext == 2 else 31) == 0:
            t, r1, r2 = clen, second, r

            def operate():
                amount = 31 - p if ext == 2 else cr[CR_SAR] & 31
                return (((regs[r1] << 32) | regs[r2]) >> amount) & M32
        else:
            return None

        def step():
            result = operate()
            if t:
                regs[t] = result
            if test(result):
                nullify()
        return step

    def _decode_deposit(self, word: int):
        """Opcode 0x35, the deposit group (manual ch. 5 instruction pages,
        Appendix C format 13/14/15/16): the low len bits of GR[r] (ZVDEP
        ext 0, VDEP 1, ZDEP 2, DEP 3) or of the sign-extended 5-bit
        immediate in the r field (ZVDEPI 4, VDEPI 5, ZDEPI 6, DEPI 7) go
        into the field of GR[t] whose rightmost bit is bit SAR (the
        variable forms) or bit p = 31 - cp; the Z forms deposit into zero,
        the others keep GR[t]'s other bits.  c is the shift/extract/deposit
        condition on the result, as for the extracts (Appendix D).

        A fixed field reaching past bit 0 (len > p + 1) is left undefined
        (None).  For the variable forms len > SAR + 1 is how GCC writes a
        variable shift left (its ashlsi3 pattern, ``zvdep r,32,t`` with SAR
        = 31 - n): the bits that would land left of bit 0 are lost, as in
        the shifter and in qemu (do_depw_sar)."""
        regs, cr, nullify = self._regs, self._cr, self._nullify
        t, r, c, ext = (word >> 21) & 31, (word >> 16) & 31, (word >> 13) & 7, (word >> 10) & 7
        cp, length = (word >> 5) & 31, 32 - (word & 31)
        field = (1 << length) - 1
        immediate = low_sign_ext(r, 5) & M32 if ext in (4, 5, 6, 7) else None
        zero = ext in (0, 2, 4, 6)
        test = _SHIFT[c]
        if ext in (2, 3, 6, 7):
            p = 31 - cp
            if length > p + 1:
                return None           # undefined in the manual
            fixed_shift = 31 - p

            def shift_of():
                return fixed_shift
        elif cp == 0:
            def shift_of():
                return 31 - (cr[CR_SAR] & 31)
        else:
            return None

        def step():
            shift = shift_of()
            value = immediate if immediate is not None else regs[r]
            old = 0 if zero else regs[t]
            result = (old & ~(field << shift) | (value & field) << shift) & M32
            if t:
                regs[t] = result
            if test(result):
                nullify()
        return step

    # -- system control (opcode 0x00) ------------------------------------------
    def _decode_system(self, word: int):
        """SSM, RSM, MTSM, MTCTL, MFCTL, RFI, SYNC; BREAK faults."""
        regs, cr = self._regs, self._cr
        ext8 = (word >> 5) & 0xFF
        t = word & 31
        if ext8 == 0x6B or ext8 == 0x73:                  # ssm / rsm
            bits = (word >> 16) & 0x3FF
            if bits & ~PSW_SYSTEM_MASK:
                return None
            setting = ext8 == 0x6B

            def system_mask():
                old = self._psw
                if t:
                    regs[t] = old & PSW_SYSTEM_MASK
                new = old | bits if setting else old & ~bits
                self._write_system_mask(old, new)
            return system_mask
        if ext8 == 0xC3:                                  # mtsm r
            r = (word >> 16) & 31

            def mtsm():
                old = self._psw
                self._write_system_mask(old, (old & ~PSW_SYSTEM_MASK) | (regs[r] & PSW_SYSTEM_MASK))
            return mtsm
        if ext8 == 0xC2:                                  # mtctl r, cr
            number, r = (word >> 21) & 31, (word >> 16) & 31
            if number in (CR_IIASQ, CR_IIAOQ):
                def mtctl_queue():
                    self._require_q_clear("mtctl to " + CONTROL_NAMES[number])
                    if number == CR_IIAOQ:
                        cr[number], self._iiaoq_back = self._iiaoq_back, regs[r]
                    else:
                        cr[number], self._iiasq_back = self._iiasq_back, regs[r]
                return mtctl_queue
            if number == CR_EIRR:
                def mtctl_eirr():               # writing 1s clears those bits
                    cr[CR_EIRR] &= ~regs[r] & M32
                    # every line written 1 loses its request, held or arriving
                    # (withdrawn_levels: a case's request is not in the snapshot)
                    self._withdrawn |= regs[r]
                return mtctl_eirr
            if number in (CR_SAR,):
                def mtsar():
                    cr[CR_SAR] = regs[r] & 31
                return mtsar
            if number in _UNMODELLED_CONTROL:
                def mtctl_unmodelled():
                    raise InstructionFault(_UNMODELLED_CONTROL[number])
                return mtctl_unmodelled

            def mtctl():
                cr[number] = regs[r]
            return mtctl
        if ext8 == 0x45:                                  # mfctl cr, t
            number = (word >> 21) & 31

            if number == CR_ITMR:
                def mfctl_clock():
                    raise InstructionFault(_CLOCK)
                return mfctl_clock

            def mfctl():
                if number in (CR_IIASQ, CR_IIAOQ):
                    self._require_q_clear("mfctl from " + CONTROL_NAMES[number])
                if t:
                    regs[t] = cr[number]
            return mfctl
        if word == 0x00000C00:                            # rfi
            def rfi():
                self._psw = cr[CR_IPSW]
                return (cr[CR_IIAOQ] & ~3, self._iiaoq_back & ~3)
            return rfi
        if ext8 == 0x20 and not word & 0x03FF001F:        # sync
            return lambda: None
        if ext8 == 0x00:
            def brk():
                raise InstructionFault(f"break {word & 31},{(word >> 13) & 0x1FFF}")
            return brk
        return None

    def _require_q_clear(self, what: str) -> None:
        if self._psw & PSW_Q:
            raise InstructionFault(f"{what} with PSW[Q] = 1 (undefined, PA-RISC 1.1 ch. 2 "
                                   "Control Registers)")

    def _write_system_mask(self, old: int, new: int) -> None:
        """SSM/RSM/MTSM may clear PSW[Q] but not set it (only RFI may)."""
        if new & PSW_Q and not old & PSW_Q:
            raise InstructionFault("setting PSW[Q] from 0 by a system mask instruction "
                                   "(undefined, PA-RISC 1.1 SSM/MTSM; only RFI sets Q)")
        self._psw = new

    # -- interrupts -------------------------------------------------------------
    #: ch. 2 Control Registers, EIRR (CR23), and ch. 5 Interruptions,
    #: external interrupts: a device's request sets its EIRR bit whatever
    #: EIEM and PSW[I] say; the CPU takes an external interrupt while
    #: PSW[I] = 1 and EIRR & EIEM != 0, which leaves the bit set; only a
    #: MTCTL to EIRR writing 1 to a bit clears it (writing 0 changes
    #: nothing).  So an interrupt whose stub never clears its bit is taken
    #: again, and a stub that writes 1 to another line's bit drops that
    #: line's request.
    latches_requests = True

    def request(self, level: int | None, soft: bool = False) -> None:
        if level is None:
            raise ValueError("PA-RISC external interrupts need their EIRR bit (level)")
        self._cr[CR_EIRR] |= 1 << level

    def latched_levels(self) -> int:
        return self._cr[CR_EIRR]

    def latched_due(self) -> bool:
        return bool(self._psw & PSW_I and self._cr[CR_EIRR] & self._cr[CR_EIEM])

    def reads_latched(self, address: int) -> bool:
        """MFCTL from EIRR (opcode 0, ext8 0x45, the control register in
        bits 25:21 of the word as numbered here)."""
        try:
            word = self._fetch(address)
        except InstructionFault:
            return False
        return word >> 26 == 0 and (word >> 5) & 0xFF == 0x45 and (word >> 21) & 31 == CR_EIRR

    def withdrawn_levels(self) -> int:
        """The EIRR lines the last instruction wrote 1 to (MTCTL to EIRR)."""
        levels, self._withdrawn = self._withdrawn, 0
        return levels

    def interrupt_accepted(self, level: int | None) -> bool:
        """External interrupt line ``level`` (EIRR bit 1 << level) is taken
        when PSW[I] = 1 and its EIEM bit is set (ch. 5, masking)."""
        if level is None:
            raise ValueError("PA-RISC external interrupts need their EIRR bit (level)")
        return bool(self._psw & PSW_I and self._cr[CR_EIEM] >> level & 1)

    def take_interrupt(self, level: int | None, vector: int, handler: int) -> None:
        """Ch. 5, interruption handling: the device's EIRR bit is set (and
        stays set: ``latches_requests``);
        IPSW := PSW (N included); when PSW[Q] = 1 the queues are saved,
        IIAOQ := (front, back), IIASQ := (0, 0); PSW := 0; continue at
        ``handler`` (IVA + 32 * 4, the port's stub)."""
        if level is None:
            raise ValueError("PA-RISC external interrupts need their EIRR bit (level)")
        cr = self._cr
        cr[CR_EIRR] |= 1 << level
        cr[CR_IPSW] = self._psw
        if self._psw & PSW_Q:
            cr[CR_IIAOQ], self._iiaoq_back = self._pc, self._npc
            cr[CR_IIASQ], self._iiasq_back = 0, 0
        self._psw = 0
        self._pc, self._npc = handler & ~3, (handler + 4) & M32 & ~3

    def entry_fault(self) -> str | None:
        """With PSW[Q] = 0 the CPU would freeze the queues and the
        interrupted code could not be resumed: the model cannot follow."""
        if not self._psw & PSW_Q:
            return "external interrupt with PSW[Q] = 0: the interruption queues are frozen"
        return None

    def nullified(self) -> bool:
        """Ch. 4: PSW[N] set: the instruction at the front is nullified."""
        return bool(self._psw & PSW_N)

    def return_point(self) -> tuple:
        return (self._pc, self._npc, self._regs[30])

    def return_hazard(self):
        """Ch. 4: PSW[N] set nullifies the next instruction executed, the
        caller's first; the back of the queue other than the instruction
        after the return (a branch in a delay slot) sends the caller
        elsewhere after one instruction."""
        if self._psw & PSW_N:
            return None, None, ("PSW[N] is set as the routine returns: the caller's first "
                                "instruction would be nullified (PA-RISC 1.1 ch. 4, PSW N)")
        if self._npc != (self._pc + 4) & 0xFFFFFFFF:
            return None, None, (f"the back of the instruction queue is 0x{self._npc:08x} as "
                                f"the routine returns: the caller would run one instruction "
                                f"and continue there (PA-RISC 1.1 ch. 4, a branch in a delay "
                                f"slot)")
        return None

    # -- disassembly ------------------------------------------------------------
    def _disassemble_word(self, word: int, address: int) -> str:
        return disassemble_word(word, address)

    # -- snapshots --------------------------------------------------------------
    def _cpu_state(self) -> tuple:
        return (self._npc, self._psw, tuple(self._cr), self._iiasq_back, self._iiaoq_back,
                self._privilege)

    def _set_cpu_state(self, state: tuple) -> None:
        self._npc, self._psw, cr, self._iiasq_back, self._iiaoq_back, self._privilege = state
        self._cr[:] = cr
        self._withdrawn = 0


# -- disassembler ---------------------------------------------------------------
# Text as hppa-linux-gnu-objdump -d prints it (binutils 2.40: PA 2.0
# mnemonics such as cmpb, extrw,u, depw,z, shladd, b,l), without the
# " <symbol+offset>" it appends to branch targets.

def _hex(value: int) -> str:
    return f"-{-value:x}" if value < 0 else f"{value:x}"


def disassemble_word(word: int, pc: int) -> str:
    r = OBJDUMP_NAMES
    opcode = word >> 26
    if opcode == 0x02:
        ext6 = (word >> 6) & 0x3F
        entry = ALU.get(ext6)
        if entry is None or word & 0x20:
            return f".word {word:#010x}"
        name, kind, _ = entry
        r2, r1, c, f, t = (word >> 21) & 31, (word >> 16) & 31, (word >> 13) & 7, (word >> 12) & 1, word & 31
        if kind == "unit" and (c or f):
            return f".word {word:#010x}"
        names = {"add": ADD_NAMES, "compare": COMPARE_NAMES, "logical": LOGICAL_NAMES,
                 "unit": ADD_NAMES}[kind]
        cond = names[c + 8 * f]
        if name == "or" and not c and not f:
            if word == 0x08000240:
                return "nop"
            if r2 == 0:
                return f"copy {r[r1]},{r[t]}"
        if ext6 in SHLADD_SHIFT:
            return f"{name}{',' + cond if cond else ''} {r[r1]},{SHLADD_SHIFT[ext6]},{r[r2]},{r[t]}"
        if name == "add,l":
            return f"add,l{',' + cond if cond else ''} {r[r1]},{r[r2]},{r[t]}"
        return f"{name}{',' + cond if cond else ''} {r[r1]},{r[r2]},{r[t]}"
    b, t = (word >> 21) & 31, (word >> 16) & 31
    if opcode == 0x0D:
        disp = low_sign_ext(word & 0x3FFF, 14)
        if b == 0:
            return f"ldi {_hex(disp)},{r[t]}"
        return f"ldo {_hex(disp)}({r[b]}),{r[t]}"
    if opcode == 0x08:
        return f"ldil L%{_hex(_s32(assemble_21(word)))},{r[b]}"
    if opcode == 0x0A:
        return f"addil L%{_hex(_s32(assemble_21(word)))},{r[b]},r1"
    if opcode in LOADS or opcode in STORES or opcode in (0x13, 0x1B):
        disp = low_sign_ext(word & 0x3FFF, 14)
        if opcode == 0x13:
            return f"ldw,{'mb' if disp < 0 else 'ma'} {_hex(disp)}({r[b]}),{r[t]}"
        if opcode == 0x1B:
            return f"stw,{'mb' if disp < 0 else 'ma'} {r[t]},{_hex(disp)}({r[b]})"
        if opcode in LOADS:
            return f"{LOADS[opcode][0]} {_hex(disp)}({r[b]}),{r[t]}"
        return f"{STORES[opcode][0]} {r[t]},{_hex(disp)}({r[b]})"
    if opcode == 0x03:
        return _disassemble_short_memory(word)
    c, f = (word >> 13) & 7, (word >> 12) & 1
    if opcode in (0x2D, 0x25, 0x24):
        imm = low_sign_ext(word & 0x7FF, 11)
        name, names = {0x2D: ("addi", ADD_NAMES), 0x25: ("subi", COMPARE_NAMES),
                       0x24: ("cmpiclr", COMPARE_NAMES)}[opcode]
        if opcode != 0x24 and word & 0x800:
            name += ",tsv" if opcode == 0x2D else ",tsv"
        cond = names[c + 8 * f]
        return f"{name}{',' + cond if cond else ''} {_hex(imm)},{r[b]},{r[t]}"
    n = ",n" if word & 2 else ""
    if opcode in COMPARE_BRANCHES:
        name, kind, negate = COMPARE_BRANCHES[opcode]
        cond = (COMPARE_NAMES if kind == "compare" else ADD_NAMES)[c + 8 * negate]
        target = (pc + 8 + assemble_12(word) * 4) & M32
        first = _hex(low_sign_ext(t, 5)) if opcode in IMMEDIATE_BRANCHES else r[t]
        return f"{name}{',' + cond if cond else ''}{n} {first},{r[b]},{target:x}"
    if opcode == 0x32:
        target = (pc + 8 + assemble_12(word) * 4) & M32
        cond = SHIFT_NAMES[c]
        return f"movb{',' + cond if cond else ''}{n} {r[t]},{r[b]},{target:x}"
    if opcode == 0x31 and (word >> 13) & 3 == 2:
        target = (pc + 8 + assemble_12(word) * 4) & M32
        return f"bb,{'>=' if word >> 15 & 1 else '<'}{n} {r[t]},{b:x},{target:x}"
    if opcode == 0x30 and (word >> 13) & 3 == 2 and b == 0:
        target = (pc + 8 + assemble_12(word) * 4) & M32
        return f"bb,{'>=' if word >> 15 & 1 else '<'}{n} {r[t]},sar,{target:x}"
    if opcode == 0x3A:
        ext = c
        if ext == 0:
            target = (pc + 8 + assemble_17(word) * 4) & M32
            return f"b,l{n} {target:x},{r[b]}"
        if ext == 2 and not word & 0x1FFD:
            return f"blr{n} {r[t]},{r[b]}"
        if ext == 6 and not word & 0x1FFD:
            return f"bv{n} {r[t]}({r[b]})"
        return f".word {word:#010x}"
    if opcode == 0x34:
        ext, p, clen = (word >> 10) & 7, (word >> 5) & 31, word & 31
        cond = SHIFT_NAMES[c]
        cond = f",{cond}" if cond else ""
        if ext in (6, 7):
            return f"extrw,{'u' if ext == 6 else 's'}{cond} {r[b]},{p},{32 - clen},{r[t]}"
        if ext in (4, 5) and p == 0:
            return f"extrw,{'u' if ext == 4 else 's'}{cond} {r[b]},sar,{32 - clen},{r[t]}"
        if ext == 2:
            return f"shrpw{cond} {r[t]},{r[b]},{31 - p},{r[clen]}"
        if ext == 0 and p == 0:
            return f"shrpw{cond} {r[t]},{r[b]},sar,{r[clen]}"
        return f".word {word:#010x}"
    if opcode == 0x35:
        ext, cp, length = (word >> 10) & 7, (word >> 5) & 31, 32 - (word & 31)
        cond = SHIFT_NAMES[c]
        cond = f",{cond}" if cond else ""
        if ext & 2 == 0 and cp:             # the variable forms have cp = 0
            return f".word {word:#010x}"
        position = "sar" if ext & 2 == 0 else str(31 - cp)
        z = ",z" if ext & 1 == 0 else ""
        if ext < 4:
            return f"depw{z}{cond} {r[t]},{position},{length},{r[b]}"
        return f"depwi{z}{cond} {_hex(low_sign_ext(t, 5))},{position},{length},{r[b]}"
    if opcode == 0x00:
        ext8 = (word >> 5) & 0xFF
        if ext8 == 0x6B:
            return f"ssm {(word >> 16) & 0x3FF:x},{r[word & 31]}"
        if ext8 == 0x73:
            return f"rsm {(word >> 16) & 0x3FF:x},{r[word & 31]}"
        if ext8 == 0xC3:
            return f"mtsm {r[t]}"
        if ext8 == 0xC2:
            if b == CR_SAR:
                return f"mtsar {r[t]}"
            return f"mtctl {r[t]},{CONTROL_NAMES[b]}"
        if ext8 == 0x45:
            return f"mfctl {CONTROL_NAMES[b]},{r[word & 31]}"
        if word == 0x00000C00:
            return "rfi"
        if ext8 == 0x20 and not word & 0x03FF001F:
            return "sync"
        if ext8 == 0x00:
            return f"break {word & 31},{(word >> 13) & 0x1FFF}"
    return f".word {word:#010x}"


def _disassemble_short_memory(word: int) -> str:
    r = OBJDUMP_NAMES
    ext4, short = (word >> 6) & 0xF, word >> 12 & 1
    names = {0: "ldb", 1: "ldh", 2: "ldw", 7: "ldcw", 8: "stb", 9: "sth", 10: "stw"}
    if ext4 not in names or (ext4 >= 8 and not short) or (word >> 10) & 3:
        return f".word {word:#010x}"
    b, field, t = (word >> 21) & 31, (word >> 16) & 31, word & 31
    before, modify = (word >> 13) & 1, (word >> 5) & 1
    name = names[ext4]
    if short:
        completer = (",mb" if before else ",ma") if modify else ""
        if ext4 >= 8:
            return f"{name}{completer} {r[field]},{_hex(low_sign_ext(t, 5))}({r[b]})"
        return f"{name}{completer} {_hex(low_sign_ext(field, 5))}({r[b]}),{r[t]}"
    completer = ("," + ("s" if before else "") + ("m" if modify else "")).rstrip(",")
    return f"{name}{completer} {r[field]}({r[b]}),{r[t]}"
