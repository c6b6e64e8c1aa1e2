"""Alpha AXP (64-bit, little-endian) with OSF/1 PALcode, interpreted in Python.

Unicorn has no Alpha, so this module is a small interpreter of our own for
the integer subset that NetBSD's spl routines and interrupt stubs use.

References (ARM = *Alpha Architecture Reference Manual*, 3rd/4th edition):

* Part I, the common architecture: §3.3 instruction formats (memory,
  branch, operate, PALcode), §4.2 integer loads and stores, §4.3 branches
  and jumps, §4.4 integer arithmetic, §4.5 logical and shift, §4.6 byte
  manipulation, §4.11 miscellaneous instructions (CALL_PAL, MB, TRAPB).
* Part III, the OSF/1 (Digital UNIX / Tru64 UNIX) PALcode: the processor
  status (PS<2:0> = IPL, PS<3> = CM, 1 = user mode), the kernel PALcode
  instructions swpipl, rdps, wrkgp and rti, and the chapter on exceptions
  and interrupts (the 6-quadword stack frame and entInt's arguments).

What is modelled, and what is not:

* Registers are kept as unsigned 64-bit Python ints in a list of 32;
  R31 always reads 0 because nothing ever writes it.  Longword results are
  sign-extended to 64 bits (§4.4).
* Memory, the step cache, the run loop and snapshots are the interpreter
  core's (emu/backends/interpreter.py).  Every Alpha access of the
  implemented kinds is naturally aligned (LDQ_U/STQ_U clear the low three
  address bits); a misaligned access raises CpuFault instead of taking the
  OSF/1 unaligned-access trap.
* Each instruction is decoded once into a Python closure (a "step") that
  executes it and returns the next PC.
* The PALcode itself is not emulated instruction by instruction: CALL_PAL
  functions and interrupt entry are done directly in Python, with the
  architectural effects the ARM specifies for the OSF/1 PALcode.
* Overflow-trapping forms (ADDQ/V ...), floating point and anything else
  outside the list in ``_decode`` raise CpuFault (base.not_decoded:
  "not in this model's decode table") rather than produce a possibly
  wrong result.
* LDx_L/STx_C (§4.2.4, §4.2.5) keep the CPU's lock_flag and locked
  physical address (no MMU: the virtual address) as one value, ``_locked``:
  the locked block, or None when lock_flag is clear.  The locked range is
  the aligned 16-byte block, the smallest the ARM allows.  Where the ARM
  says lock_flag *may* be cleared the model clears it, so that a sequence
  that does not retry a failed STx_C is seen: on every interrupt taken, on
  every CALL_PAL (each returns from PALcode, rti included), and on a store
  of this CPU, or a write by the machine, into the locked block; and on
  every other load or store this CPU makes between the two (§4.2.5: "the
  sequence above may always fail on some implementations; hence, no
  useful program should do this": a retry loop around one never ends
  there).  Not modelled: the "may always fail" cases of taken branches or
  more than 20 instructions between the two (they succeed here).
* The CPU model (the port's ``cpu.model``, ``MODELS``) says which of the
  architecture extensions the chip has: BWX (byte/word: LDBU, LDWU, STB,
  STW, SEXTB, SEXTW), FIX (FP/integer moves, square root), CIX (CTPOP,
  CTLZ, CTTZ), MVI (PERR, MINxxx/MAXxxx, PKxx/UNPKxx).  An instruction of an
  extension the model lacks is what it is on that chip, a reserved opcode:
  an OPCDEC fault (ARM: the extensions, like AMASK's bits BWX 0, FIX 1,
  CIX 2, MVI 8, are from memory of the ARM 4th edition §4.11 AMASK and
  Appendix D; the bits and IMPLVER's EV4 0 / EV5 1 / EV6 2 agree with Linux
  arch/alpha/include/asm/special_insns.h).  Of the extensions only BWX is
  implemented; the others' instructions are named so that a model lacking
  them reports OPCDEC, and are otherwise unimplemented.  AMASK and IMPLVER
  themselves are not implemented (unimplemented instruction): what a 21064
  does with them was not checked.
"""

from __future__ import annotations

import re
from typing import Callable

from .base import CpuFault, fault_at, not_decoded, not_run
from .interpreter import (PAGE_MASK, PAGE_SHIFT, InstructionFault, Interpreter,
                                      signed_field)

M64 = (1 << 64) - 1
SIGN64 = 1 << 63

# OSF/1 processor status (ARM Part III): IPL in bits 2:0, current mode in bit 3.
PS_IPL = 0x7
PS_CM = 0x8  # 1 = user mode

# The OSF/1 interrupt/exception stack frame (ARM Part III, "Stack Frames"):
# quadwords at sp+0 .. sp+40 after PALcode has pushed them.
FRAME_PS, FRAME_PC, FRAME_GP, FRAME_A0, FRAME_A1, FRAME_A2 = range(0, 48, 8)
FRAME_SIZE = 48

# entInt's a0 values (ARM Part III, "Interrupts"; NetBSD alpha_cpu.h
# ALPHA_INTR_*): 0 interprocessor, 1 clock, 2 error, 3 device, 4 perf. counter.
INTR_DEVICE = 3

# Register numbers of the software names used below.
V0, A0, A1, A2, GP, SP = 0, 16, 17, 18, 29, 30

# Software register names as alpha-linux-gnu-objdump prints them.
OBJDUMP_NAMES = (
    "v0", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
    "s0", "s1", "s2", "s3", "s4", "s5", "fp",
    "a0", "a1", "a2", "a3", "a4", "a5", "t8", "t9", "t10", "t11",
    "ra", "t12", "at", "gp", "sp", "zero",
)


def _register_numbers() -> dict[str, int]:
    """Every accepted integer-register name -> register number."""
    names: dict[str, int] = {}
    for number, soft in enumerate(OBJDUMP_NAMES):
        names[f"r{number}"] = number
        names[f"${number}"] = number
        names[soft] = number
        names[f"${soft}"] = number
    for alias, number in (("pv", 27), ("s6", 15)):
        names[alias] = number
        names[f"${alias}"] = number
    return names


REGISTER_NUMBERS = _register_numbers()

# BYTE_MASK[m] has byte i set to 0xff where bit i of m is set: the
# ZAPNOT mask of §4.6 ("BYTE_ZAP" in the ARM's pseudo-code).
BYTE_MASK = tuple(
    sum(0xFF << (8 * i) for i in range(8) if m >> i & 1) for m in range(256)
)


def _sext32(x: int) -> int:
    """Low longword of ``x`` sign-extended to an unsigned 64-bit value."""
    return (((x & 0xFFFFFFFF) ^ 0x80000000) - 0x80000000) & M64


def _signed(x: int) -> int:
    """Unsigned 64-bit value -> Python signed int."""
    return x - (1 << 64) if x & SIGN64 else x


# -- operate-format instructions (§4.4-§4.6) --------------------------------
# Each takes Rav and Rbv (or the zero-extended literal) as unsigned 64-bit
# ints and returns the unsigned 64-bit result for Rc.

def _cmpbge(a: int, b: int) -> int:
    """§4.4 CMPBGE: bit i of the result = byte i of Ra >= byte i of Rb."""
    result = 0
    for i in range(8):
        shift = 8 * i
        if (a >> shift) & 0xFF >= (b >> shift) & 0xFF:
            result |= 1 << i
    return result


def _extract_low(mask: int):
    """§4.6 EXTxL: shift Ra right by Rbv<2:0> bytes, keep ``mask`` bytes."""
    keep = BYTE_MASK[mask]
    return lambda a, b: (a >> ((b & 7) * 8)) & keep


def _extract_high(mask: int):
    """§4.6 EXTxH: shift Ra left by (64 - 8*Rbv<2:0>)<5:0> bits, keep
    ``mask`` bytes."""
    keep = BYTE_MASK[mask]
    return lambda a, b: (a << ((64 - (b & 7) * 8) & 63)) & keep


def _insert_low(mask: int):
    """§4.6 INSxL: shift Ra left by Rbv<2:0> bytes, keep the bytes of
    (mask << Rbv<2:0>)<7:0>."""
    return lambda a, b: (a << ((b & 7) * 8)) & BYTE_MASK[(mask << (b & 7)) & 0xFF]


def _insert_high(mask: int):
    """§4.6 INSxH: shift Ra right by (64 - 8*Rbv<2:0>)<5:0> bits, keep the
    bytes of (mask << Rbv<2:0>)<15:8>.  With Rbv<2:0> = 0 the mask is empty."""
    return lambda a, b: (
        (a >> ((64 - (b & 7) * 8) & 63)) & BYTE_MASK[(mask << (b & 7)) >> 8]
    )


def _mask_low(mask: int):
    """§4.6 MSKxL: clear the bytes of (mask << Rbv<2:0>)<7:0> in Ra."""
    return lambda a, b: a & ~BYTE_MASK[(mask << (b & 7)) & 0xFF] & M64


def _mask_high(mask: int):
    """§4.6 MSKxH: clear the bytes of (mask << Rbv<2:0>)<15:8> in Ra."""
    return lambda a, b: a & ~BYTE_MASK[(mask << (b & 7)) >> 8] & M64


def _sra(a: int, b: int) -> int:
    return (_signed(a) >> (b & 63)) & M64


# (opcode, function) -> (mnemonic, result function)
OPERATE: dict[tuple[int, int], tuple[str, Callable[[int, int], int]]] = {
    # §4.4 integer arithmetic (opcode 0x10 INTA, 0x13 INTM)
    (0x10, 0x00): ("addl", lambda a, b: _sext32(a + b)),
    (0x10, 0x02): ("s4addl", lambda a, b: _sext32(4 * a + b)),
    (0x10, 0x09): ("subl", lambda a, b: _sext32(a - b)),
    (0x10, 0x0B): ("s4subl", lambda a, b: _sext32(4 * a - b)),
    (0x10, 0x0F): ("cmpbge", _cmpbge),
    (0x10, 0x12): ("s8addl", lambda a, b: _sext32(8 * a + b)),
    (0x10, 0x1B): ("s8subl", lambda a, b: _sext32(8 * a - b)),
    (0x10, 0x1D): ("cmpult", lambda a, b: int(a < b)),
    (0x10, 0x20): ("addq", lambda a, b: (a + b) & M64),
    (0x10, 0x22): ("s4addq", lambda a, b: (4 * a + b) & M64),
    (0x10, 0x29): ("subq", lambda a, b: (a - b) & M64),
    (0x10, 0x2B): ("s4subq", lambda a, b: (4 * a - b) & M64),
    (0x10, 0x2D): ("cmpeq", lambda a, b: int(a == b)),
    (0x10, 0x32): ("s8addq", lambda a, b: (8 * a + b) & M64),
    (0x10, 0x3B): ("s8subq", lambda a, b: (8 * a - b) & M64),
    (0x10, 0x3D): ("cmpule", lambda a, b: int(a <= b)),
    # signed compares: flipping bit 63 maps signed order onto unsigned order
    (0x10, 0x4D): ("cmplt", lambda a, b: int(a ^ SIGN64 < b ^ SIGN64)),
    (0x10, 0x6D): ("cmple", lambda a, b: int(a ^ SIGN64 <= b ^ SIGN64)),
    (0x13, 0x00): ("mull", lambda a, b: _sext32(a * b)),
    (0x13, 0x20): ("mulq", lambda a, b: (a * b) & M64),
    (0x13, 0x30): ("umulh", lambda a, b: (a * b) >> 64),
    # §4.5 logical (opcode 0x11 INTL)
    (0x11, 0x00): ("and", lambda a, b: a & b),
    (0x11, 0x08): ("bic", lambda a, b: a & ~b & M64),
    (0x11, 0x20): ("bis", lambda a, b: a | b),
    (0x11, 0x28): ("ornot", lambda a, b: (a | ~b) & M64),
    (0x11, 0x40): ("xor", lambda a, b: a ^ b),
    (0x11, 0x48): ("eqv", lambda a, b: (a ^ ~b) & M64),
    # §4.5 shifts and §4.6 byte manipulation (opcode 0x12 INTS)
    (0x12, 0x02): ("mskbl", _mask_low(0x01)),
    (0x12, 0x06): ("extbl", _extract_low(0x01)),
    (0x12, 0x0B): ("insbl", _insert_low(0x01)),
    (0x12, 0x12): ("mskwl", _mask_low(0x03)),
    (0x12, 0x16): ("extwl", _extract_low(0x03)),
    (0x12, 0x1B): ("inswl", _insert_low(0x03)),
    (0x12, 0x22): ("mskll", _mask_low(0x0F)),
    (0x12, 0x26): ("extll", _extract_low(0x0F)),
    (0x12, 0x2B): ("insll", _insert_low(0x0F)),
    (0x12, 0x30): ("zap", lambda a, b: a & ~BYTE_MASK[b & 0xFF] & M64),
    (0x12, 0x31): ("zapnot", lambda a, b: a & BYTE_MASK[b & 0xFF]),
    (0x12, 0x32): ("mskql", _mask_low(0xFF)),
    (0x12, 0x34): ("srl", lambda a, b: a >> (b & 63)),
    (0x12, 0x36): ("extql", _extract_low(0xFF)),
    (0x12, 0x39): ("sll", lambda a, b: (a << (b & 63)) & M64),
    (0x12, 0x3B): ("insql", _insert_low(0xFF)),
    (0x12, 0x3C): ("sra", _sra),
    (0x12, 0x52): ("mskwh", _mask_high(0x03)),
    (0x12, 0x57): ("inswh", _insert_high(0x03)),
    (0x12, 0x5A): ("extwh", _extract_high(0x03)),
    (0x12, 0x62): ("msklh", _mask_high(0x0F)),
    (0x12, 0x67): ("inslh", _insert_high(0x0F)),
    (0x12, 0x6A): ("extlh", _extract_high(0x0F)),
    (0x12, 0x72): ("mskqh", _mask_high(0xFF)),
    (0x12, 0x77): ("insqh", _insert_high(0xFF)),
    (0x12, 0x7A): ("extqh", _extract_high(0xFF)),
}

# §4.5 conditional moves (opcode 0x11): function -> (mnemonic, test of Rav).
CMOVE: dict[int, tuple[str, Callable[[int], bool]]] = {
    0x14: ("cmovlbs", lambda a: a & 1),
    0x16: ("cmovlbc", lambda a: not a & 1),
    0x24: ("cmoveq", lambda a: a == 0),
    0x26: ("cmovne", lambda a: a != 0),
    0x44: ("cmovlt", lambda a: a & SIGN64),
    0x46: ("cmovge", lambda a: not a & SIGN64),
    0x64: ("cmovle", lambda a: a == 0 or a & SIGN64),
    0x66: ("cmovgt", lambda a: a != 0 and not a & SIGN64),
}

# Opcode 0x1C (BWX extension, §4.6): function -> (mnemonic, result of Rbv).
# The ARM requires Ra = R31; objdump shows only the register form.
SIGN_EXTEND: dict[int, tuple[str, Callable[[int], int]]] = {
    0x00: ("sextb", lambda b: (((b & 0xFF) ^ 0x80) - 0x80) & M64),
    0x01: ("sextw", lambda b: (((b & 0xFFFF) ^ 0x8000) - 0x8000) & M64),
}

#: CPU models: name -> (IMPLVER, the extensions the chip has).  21064
#: (EV4, EV45) and 21164 (EV5) have none; 21164A (EV56) adds BWX, 21164PC
#: (PCA56) BWX and MVI, 21264 (EV6) BWX, FIX and MVI, 21264A (EV67) CIX too
#: (from memory of the ARM and the chips' hardware reference manuals).
#: Model None (a backend built without one) refuses no extension.
MODELS: dict[str, tuple[int, frozenset[str]]] = {
    "ev4": (0, frozenset()),
    "ev45": (0, frozenset()),
    "ev5": (1, frozenset()),
    "ev56": (1, frozenset({"bwx"})),
    "pca56": (1, frozenset({"bwx", "mvi"})),
    "ev6": (2, frozenset({"bwx", "fix", "mvi"})),
    "ev67": (2, frozenset({"bwx", "fix", "cix", "mvi"})),
}
EXTENSIONS = frozenset({"bwx", "fix", "cix", "mvi"})
#: how the ARM names each (AMASK bit; sections from memory of the 4th ed.)
EXTENSION_TEXT = {"bwx": "byte/word extension, §4.2 and §4.6, AMASK bit 0",
                  "fix": "floating-point/integer move and square-root extension, AMASK bit 1",
                  "cix": "count extension, AMASK bit 2",
                  "mvi": "multimedia extension, AMASK bit 8"}

#: Memory-format opcodes of an extension: opcode -> (extension, mnemonic).
EXTENSION_OPCODES = {0x0A: ("bwx", "ldbu"), 0x0C: ("bwx", "ldwu"),
                     0x0D: ("bwx", "stw"), 0x0E: ("bwx", "stb"),
                     0x14: ("fix", "itof/sqrt (opcode 0x14)")}
#: Opcode 0x1C (FPTI) functions: function -> (extension, mnemonic).
EXTENSION_FUNCTIONS = {
    0x00: ("bwx", "sextb"), 0x01: ("bwx", "sextw"),
    0x30: ("cix", "ctpop"), 0x32: ("cix", "ctlz"), 0x33: ("cix", "cttz"),
    0x31: ("mvi", "perr"), 0x34: ("mvi", "unpkbw"), 0x35: ("mvi", "unpkbl"),
    0x36: ("mvi", "pkwb"), 0x37: ("mvi", "pklb"), 0x38: ("mvi", "minsb8"),
    0x39: ("mvi", "minsw4"), 0x3A: ("mvi", "minub8"), 0x3B: ("mvi", "minuw4"),
    0x3C: ("mvi", "maxub8"), 0x3D: ("mvi", "maxuw4"), 0x3E: ("mvi", "maxsb8"),
    0x3F: ("mvi", "maxsw4"), 0x70: ("fix", "ftoit"), 0x78: ("fix", "ftois"),
}


def extension_of(word: int) -> tuple[str, str] | None:
    """(extension, mnemonic) of an instruction word that belongs to an
    architecture extension, else None."""
    opcode = word >> 26
    if opcode == 0x1C:
        return EXTENSION_FUNCTIONS.get((word >> 5) & 0x7F)
    return EXTENSION_OPCODES.get(opcode)


# Decoded for disassembly only; executing them raises CpuFault.
UNIMPLEMENTED_OPERATE = {
    (0x10, 0x40): "addl/v", (0x10, 0x49): "subl/v", (0x10, 0x60): "addq/v",
    (0x10, 0x69): "subq/v", (0x13, 0x40): "mull/v", (0x13, 0x60): "mulq/v",
}

# §4.2 loads: opcode -> (mnemonic, bytes, sign-extend 32)
LOADS = {
    0x0A: ("ldbu", 1, False),
    0x0B: ("ldq_u", 8, False),
    0x0C: ("ldwu", 2, False),
    0x28: ("ldl", 4, True),
    0x29: ("ldq", 8, False),
}
# §4.2 stores: opcode -> (mnemonic, bytes)
STORES = {
    0x0D: ("stw", 2),
    0x0E: ("stb", 1),
    0x0F: ("stq_u", 8),
    0x2C: ("stl", 4),
    0x2D: ("stq", 8),
}
# §4.2.4 locked loads: opcode -> (mnemonic, bytes, sign-extend 32)
LOCKED_LOADS = {0x2A: ("ldl_l", 4, True), 0x2B: ("ldq_l", 8, False)}
# §4.2.5 conditional stores: opcode -> (mnemonic, bytes)
CONDITIONAL_STORES = {0x2E: ("stl_c", 4), 0x2F: ("stq_c", 8)}
#: the locked range: an aligned block of this many bytes (§4.2.4: at least
#: 16 bytes, at most a page, implementation-dependent; from memory)
LOCK_BLOCK = 16
LOCK_MASK = M64 & ~(LOCK_BLOCK - 1)

# §4.3 conditional branches: opcode -> (mnemonic, test of Rav).
BRANCHES: dict[int, tuple[str, Callable[[int], bool]]] = {
    0x38: ("blbc", lambda a: not a & 1),
    0x39: ("beq", lambda a: a == 0),
    0x3A: ("blt", lambda a: a & SIGN64),
    0x3B: ("ble", lambda a: a == 0 or a & SIGN64),
    0x3C: ("blbs", lambda a: a & 1),
    0x3D: ("bne", lambda a: a != 0),
    0x3E: ("bge", lambda a: not a & SIGN64),
    0x3F: ("bgt", lambda a: a != 0 and not a & SIGN64),
}

# §4.3 jumps (opcode 0x1A), by the function field in bits 15:14.
JUMPS = ("jmp", "jsr", "ret", "jsr_coroutine")

# §4.11 miscellaneous (opcode 0x18) that need nothing on one in-order CPU.
BARRIERS = {0x0000: "trapb", 0x0400: "excb", 0x4000: "mb", 0x4400: "wmb"}

# CALL_PAL functions objdump prints by name (others: "call_pal 0x..").
PAL_NAMES = {
    0x00: "halt", 0x02: "draina", 0x80: "bpt", 0x81: "bugchk",
    0x83: "callsys", 0x86: "imb", 0x9E: "rduniq", 0x9F: "wruniq",
    0xAA: "gentrap",
}
# Privileged CALL_PAL functions are 0x00-0x3F (ARM §4.11, CALL_PAL).
PAL_PRIVILEGED_LIMIT = 0x40


class AlphaBackend(Interpreter):
    """An Alpha CPU in kernel mode under OSF/1 PALcode (see module doc).

    Register names: r0-r31, $0-$31, the software names (v0, t0-t12, s0-s6,
    fp, a0-a5, ra, pv, at, gp, sp, zero, also with a ``$``), ``pc``, ``ps``
    and three PALcode-private values: ``kgp`` (the kernel GP loaded on
    interrupt entry, set by wrkgp), ``usp`` (the user SP while in kernel
    mode) and ``ksp`` (the kernel SP while in user mode).
    """

    family = "alpha"
    operand_form = "{offset}(${register})"
    #: objdump's branch and jsr-hint targets: bare hex as the last operand
    address_literal = re.compile(r"(?:^br |,)(?P<literal>(?P<hex>[0-9a-f]+))$")
    write_latencies = (0,)
    register_bits = 64
    code_sync = ("call_pal imb", "an IMB must run after a write into the instruction stream and "
                 "before the new value is fetched; without one it is UNPREDICTABLE whether the "
                 "old or the new instruction runs (Alpha Architecture Handbook v4, 6.7.3 CALL_PAL "
                 "IMB, 5.6.4.2)")

    byte_order = "little"
    address_mask = M64
    register_index = REGISTER_NUMBERS
    trace_registers = (*OBJDUMP_NAMES[:31], "ps")
    register_count = 32
    zero_register = 31
    fault_text = {
        "unmapped": "unmapped {access} of data address 0x{address:x}",
        "misaligned": "unaligned {access} of {size} bytes at data address 0x{address:x}",
        "fetch": "unmapped instruction fetch",
    }

    def __init__(self, model: str | None = None):
        """``model``: a key of MODELS (the port's cpu.model), or None for a
        CPU that refuses no extension; another name is a ValueError."""
        super().__init__(model)
        if model is None:
            self._extensions = EXTENSIONS
        elif model in MODELS:
            self._extensions = MODELS[model][1]
        else:
            raise ValueError(f"alpha cpu.model {model!r}: not one of {', '.join(MODELS)}")
        self._ps = 0  # kernel mode, IPL 0
        self._kgp = 0
        self._usp = 0
        self._ksp = 0
        #: lock_flag and locked_physical_address (§4.2.4): the locked block's
        #: address while lock_flag is set, None while it is clear
        self._locked: int | None = None

    # -- registers ------------------------------------------------------
    # Registers outside the integer file -> the attribute holding each.
    _SPECIAL_REGISTERS = {"pc": "_pc", "ps": "_ps", "kgp": "_kgp",
                          "usp": "_usp", "ksp": "_ksp"}

    def _read_special(self, name: str) -> int:
        return getattr(self, self._SPECIAL_REGISTERS[name])

    def _write_special(self, name: str, value: int) -> None:
        attribute = self._SPECIAL_REGISTERS[name]
        if name == "pc":
            value &= ~3
        elif name == "ps":
            value &= PS_CM | PS_IPL  # the other PS bits must be zero
        setattr(self, attribute, value)

    # -- execution ------------------------------------------------------
    def _execute(self, step: Callable[[], int]) -> None:
        """A step executes its instruction and returns the next PC."""
        self._pc = step()

    def _decode(self, word: int, pc: int) -> Callable[[], int] | None:
        """The step for ``word`` at ``pc``, by instruction format (§3.3);
        None for anything not implemented."""
        opcode = word >> 26
        ra = (word >> 21) & 31
        rb = (word >> 16) & 31
        nxt = (pc + 4) & M64

        extension = extension_of(word)
        if extension is not None and extension[0] not in self._extensions:
            return self._make_opcdec(*extension)

        # Memory format (§3.3.1): opcode, Ra, Rb, 16-bit signed displacement.
        disp = signed_field(word, 16)
        if opcode in (0x08, 0x09):
            return self._make_lda(ra, rb, disp << 16 if opcode == 0x09 else disp, nxt)
        if opcode in LOADS:
            return self._make_load(LOADS[opcode], ra, rb, disp, nxt)
        if opcode in STORES:
            return self._make_store(STORES[opcode], ra, rb, disp, nxt)
        if opcode in LOCKED_LOADS:
            return self._make_load_locked(LOCKED_LOADS[opcode], ra, rb, disp, nxt)
        if opcode in CONDITIONAL_STORES:
            return self._make_store_conditional(CONDITIONAL_STORES[opcode], ra, rb, disp, nxt)
        if opcode == 0x18 and (word & 0xFFFF) in BARRIERS:
            return lambda: nxt
        if opcode == 0x1A:
            return self._make_jump(ra, rb, nxt)

        # Branch format (§3.3.2): opcode, Ra, 21-bit signed word displacement.
        target = (nxt + 4 * signed_field(word, 21)) & M64
        if opcode in (0x30, 0x34):  # br, bsr
            return self._make_br(ra, target, nxt)
        if opcode in BRANCHES:
            return self._make_branch(BRANCHES[opcode][1], ra, target, nxt)

        # Operate format (§3.3.3): opcode, Ra, Rb or 8-bit literal (bit 12
        # set), 7-bit function, Rc.
        function = (word >> 5) & 0x7F
        rc = word & 31
        literal = (word >> 13) & 0xFF if word & 0x1000 else None
        if (opcode, function) in OPERATE:
            return self._make_operate(
                OPERATE[opcode, function][1], ra, rb, literal, rc, nxt)
        if opcode == 0x11 and function in CMOVE:
            return self._make_cmove(CMOVE[function][1], ra, rb, literal, rc, nxt)
        if opcode == 0x1C and function in SIGN_EXTEND and ra == 31 and literal is None:
            extend = SIGN_EXTEND[function][1]
            return self._make_operate(lambda a, b: extend(b), ra, rb, None, rc, nxt)

        # PALcode format (§3.3.4): opcode 0, 26-bit function.
        if opcode == 0x00:
            return self._make_pal(word & 0x3FFFFFF, pc)
        return None

    def _undecoded(self, word: int, pc: int) -> str:
        text = disassemble_word(word, pc)
        detail = f"opcode 0x{word >> 26:02x}" if text.startswith(".long") else text
        return not_decoded(detail, f"0x{word:08x}")

    # The _make_* methods return closures over the register list, with the
    # instruction's fields and its PC bound as constants.

    def _make_opcdec(self, extension: str, mnemonic: str):
        """An instruction of an extension the model lacks: on that chip its
        opcode is reserved, and executing it is an OPCDEC fault (ARM
        §4.2/§4.6 BWX, §4.11 AMASK; from memory)."""
        message = (f"reserved opcode on {self.model.upper()} (OPCDEC): {mnemonic} needs "
                   f"the {extension.upper()} extension (Alpha ARM, {EXTENSION_TEXT[extension]})")

        def step():
            raise InstructionFault(message)
        return step

    def _make_lda(self, ra: int, rb: int, offset: int, nxt: int):
        """§4.2 LDA/LDAH: Ra = Rbv + sext(disp) (LDAH: disp * 65536)."""
        regs = self._regs
        if ra == 31:
            return lambda: nxt

        def step():
            regs[ra] = (regs[rb] + offset) & M64
            return nxt
        return step

    def _make_load(self, spec, ra: int, rb: int, disp: int, nxt: int):
        """§4.2 loads.  A load into R31 is UNOP (LDQ_U) or a prefetch hint
        and accesses nothing."""
        name, size, sign_extend = spec
        if ra == 31:
            return lambda: nxt
        regs, page_of = self._regs, self._page
        unpack = self._unpack[size]
        # LDQ_U ignores the low three address bits; the rest are aligned.
        address_mask = M64 & ~7 if name == "ldq_u" else M64

        cpu = self

        def step():
            address = (regs[rb] + disp) & address_mask
            value = unpack(page_of(address, size, "read"), address & PAGE_MASK)[0]
            regs[ra] = _sext32(value) if sign_extend else value
            cpu._locked = None        # a "may always fail" of §4.2.5, taken
            return nxt
        return step

    def _make_store(self, spec, ra: int, rb: int, disp: int, nxt: int):
        """§4.2 stores (of Rav's low bytes); a store over decoded code drops
        the cached steps; a store clears lock_flag (into the locked block a
        "may" of §4.2.4, elsewhere a "may always fail" of §4.2.5: both
        taken)."""
        name, size = spec
        regs, page_of, cpu = self._regs, self._page, self
        pack = self._pack[size]
        value_mask = (1 << (8 * size)) - 1
        address_mask = M64 & ~7 if name == "stq_u" else M64
        code_pages, forget = self._code_pages, self._forget_steps

        def step():
            address = (regs[rb] + disp) & address_mask
            pack(page_of(address, size, "write"), address & PAGE_MASK,
                 regs[ra] & value_mask)
            if address >> PAGE_SHIFT in code_pages:
                forget(address, size)
            cpu._locked = None
            return nxt
        return step

    def _make_load_locked(self, spec, ra: int, rb: int, disp: int, nxt: int):
        """§4.2.4 LDL_L/LDQ_L: load as LDL/LDQ (naturally aligned, LDL_L
        sign-extends), then set lock_flag and lock the aligned block
        holding the address.  Into R31 it is, like the other loads into
        R31 (see _make_load), a no-op that accesses nothing and locks
        nothing (as qemu-alpha has it: tests/test_alpha_differential.py)."""
        name, size, sign_extend = spec
        if ra == 31:
            return lambda: nxt
        regs, page_of, cpu = self._regs, self._page, self
        unpack = self._unpack[size]

        def step():
            address = (regs[rb] + disp) & M64
            value = unpack(page_of(address, size, "read"), address & PAGE_MASK)[0]
            regs[ra] = _sext32(value) if sign_extend else value
            cpu._locked = address & LOCK_MASK
            return nxt
        return step

    def _make_store_conditional(self, spec, ra: int, rb: int, disp: int, nxt: int):
        """§4.2.5 STL_C/STQ_C: if lock_flag is set and the address is in
        the locked block, store Rav's low bytes and write 1 to Ra; else
        store nothing and write 0 to Ra.  Either way lock_flag is cleared.
        The access is checked (alignment, mapping) as a store's, whether
        or not it stores."""
        name, size = spec
        regs, page_of, cpu = self._regs, self._page, self
        pack = self._pack[size]
        value_mask = (1 << (8 * size)) - 1
        code_pages, forget = self._code_pages, self._forget_steps

        def step():
            address = (regs[rb] + disp) & M64
            page = page_of(address, size, "write")
            success = cpu._locked is not None and address & LOCK_MASK == cpu._locked
            cpu._locked = None
            if success:
                pack(page, address & PAGE_MASK, regs[ra] & value_mask)
                if address >> PAGE_SHIFT in code_pages:
                    forget(address, size)
            if ra != 31:
                regs[ra] = int(success)
            return nxt
        return step

    def _make_br(self, ra: int, target: int, nxt: int):
        """§4.3 BR/BSR: Ra = updated PC; go to the target."""
        regs = self._regs
        if ra == 31:
            return lambda: target

        def step():
            regs[ra] = nxt
            return target
        return step

    def _make_branch(self, taken: Callable[[int], bool], ra: int, target: int, nxt: int):
        """§4.3 conditional branches on Rav."""
        regs = self._regs

        def step():
            return target if taken(regs[ra]) else nxt
        return step

    def _make_jump(self, ra: int, rb: int, nxt: int):
        """§4.3 JMP/JSR/RET/JSR_COROUTINE: all four jump to Rbv<63:2>*4 and
        write the updated PC to Ra (the function field is a predictor hint).
        Rbv is read before Ra is written."""
        regs = self._regs

        def step():
            target = regs[rb] & (M64 & ~3)
            if ra != 31:
                regs[ra] = nxt
            return target
        return step

    def _make_operate(self, compute, ra: int, rb: int, literal, rc: int, nxt: int):
        """§4.4-§4.6 operate format: Rc = compute(Rav, Rbv or literal).
        With Rc = R31 nothing is written (and nothing can trap)."""
        regs = self._regs
        if rc == 31:
            return lambda: nxt
        if literal is None:
            def step():
                regs[rc] = compute(regs[ra], regs[rb])
                return nxt
        else:
            def step():
                regs[rc] = compute(regs[ra], literal)
                return nxt
        return step

    def _make_cmove(self, condition, ra: int, rb: int, literal, rc: int, nxt: int):
        """§4.5 CMOVxx: if the test of Rav holds, Rc = Rbv (or literal)."""
        regs = self._regs
        if rc == 31:
            return lambda: nxt
        if literal is None:
            def step():
                if condition(regs[ra]):
                    regs[rc] = regs[rb]
                return nxt
        else:
            def step():
                if condition(regs[ra]):
                    regs[rc] = literal
                return nxt
        return step

    # -- OSF/1 PALcode ----------------------------------------------------
    # The implemented OSF/1 PALcode functions: CALL_PAL function -> method.
    _PAL_FUNCTIONS = {0x00: "_pal_halt", 0x35: "_pal_swpipl", 0x36: "_pal_rdps",
                      0x37: "_pal_wrkgp", 0x3C: "_pal_whami", 0x3F: "_pal_rti",
                      0x86: "_pal_imb"}
    #: the other OSF/1 PALcode functions (ARM Part III; the names of NetBSD
    #: alpha_cpu.h and Linux asm/pal.h): legal, not run here.  A function
    #: code outside the PALcode's list is OPCDEC
    _PAL_NOT_RUN = {0x01: "cflush", 0x02: "draina", 0x09: "cserve", 0x0A: "swppal",
                    0x0D: "wripir", 0x10: "rdmces", 0x11: "wrmces", 0x2B: "wrfen",
                    0x2D: "wrvptptr", 0x30: "swpctx", 0x31: "wrval", 0x32: "rdval",
                    0x33: "tbi", 0x34: "wrent", 0x38: "wrusp", 0x39: "wrperfmon",
                    0x3A: "rdusp", 0x3D: "retsys", 0x3E: "wtint", 0x80: "bpt",
                    0x81: "bugchk", 0x83: "callsys", 0x92: "urti", 0x9E: "rdunique",
                    0x9F: "wrunique", 0xAA: "gentrap", 0xAE: "clrfen", 0xBE: "nphalt"}

    def _make_pal(self, function: int, pc: int):
        """CALL_PAL (§4.11; the functions are those of the OSF/1 PALcode,
        ARM Part III).  The step runs the PAL function and returns the PC
        it resumes at."""
        method = self._PAL_FUNCTIONS.get(function)
        handler = getattr(self, method) if method else None

        def step():
            if function < PAL_PRIVILEGED_LIMIT and self._ps & PS_CM:
                raise CpuFault(pc, f"privileged PAL call 0x{function:02x} in user mode")
            if handler is None:
                name = self._PAL_NOT_RUN.get(function)
                if name is None:
                    raise CpuFault(pc, f"OPCDEC: call_pal 0x{function:02x} is no OSF/1 PALcode "
                                       f"function (ARM Part III)")
                raise fault_at(pc, not_run(f"call_pal {name}", f"ARM Part III, the OSF/1 "
                                           f"PALcode function 0x{function:02x}"))
            # PALcode returns through HW_REI, which may clear lock_flag
            # (§4.2.4; from memory): taken, for every function, rti included
            self._locked = None
            return handler(pc)
        return step

    #: PALcode may leave r1 (t0) and r22-r25 (t8-t11) changed: NetBSD's
    #: alpha_pal_* inlines (sys/arch/alpha/include/alpha_cpu.h 1.43,
    #: 2001-12-18) declare them clobbered by every call_pal, and a0 too by
    #: every function that takes it (alpha_pal_swpipl: "clobbers t0,
    #: t8..t11, a0").  They come back with the poison of the run's world
    #: (poison_now; this pattern where no machine gives one), so a
    #: routine that keeps a value there across a PAL call, or reads one
    #: after it, fails defined_only whatever the value it wanted.
    PAL_CLOBBERED = (1, 22, 23, 24, 25)
    PAL_CLOBBER = 0xFA1C0BB3_0000_0000

    def _clobber_pal_scratch(self, arguments: tuple[int, ...] = ()) -> None:
        """After a PAL function: t0, t8-t11 and the ``arguments``
        registers it took are undefined."""
        numbers = self.PAL_CLOBBERED + arguments
        for number in numbers:
            self._regs[number] = self.PAL_CLOBBER | number
        if self.poison_now is not None:
            self.poison_now(tuple((OBJDUMP_NAMES[number], M64) for number in numbers))

    def _pal_halt(self, pc: int) -> int:
        raise CpuFault(pc, "halt")

    def _pal_imb(self, pc: int) -> int:
        """imb: fetches see every store from now on (code_sync)."""
        self._code_synced()
        return pc + 4

    def _pal_swpipl(self, pc: int) -> int:
        """swpipl: v0 = old PS<IPL>; PS<IPL> = a0<2:0>."""
        regs = self._regs
        regs[V0] = self._ps & PS_IPL
        self._ps = (self._ps & ~PS_IPL) | (regs[A0] & PS_IPL)
        self._clobber_pal_scratch((A0,))
        return pc + 4

    def _pal_rdps(self, pc: int) -> int:
        """rdps: v0 = PS."""
        self._regs[V0] = self._ps
        self._clobber_pal_scratch()
        return pc + 4

    def _pal_wrkgp(self, pc: int) -> int:
        """wrkgp: the kernel GP that interrupt entry loads = a0."""
        self._kgp = self._regs[A0]
        self._clobber_pal_scratch((A0,))
        return pc + 4

    def _pal_whami(self, pc: int) -> int:
        """whami (ARM Part III, OSF/1 PALcode, privileged): v0 = the number
        of the processor running it, 0 here (one CPU); NetBSD's
        alpha_pal_whami (cpu_number) declares t0, t8-t11 clobbered."""
        self._regs[V0] = 0
        self._clobber_pal_scratch()
        return pc + 4

    def _pal_rti(self, pc: int) -> int:
        """rti: pop PS, PC, GP, a0, a1, a2 from the frame at sp and sp += 48;
        returning to user mode saves sp as the kernel SP and loads the user
        SP.  The PC's low two bits are cleared."""
        regs = self._regs
        sp = regs[SP]
        frame = [self._load((sp + offset) & M64, 8) for offset in range(0, FRAME_SIZE, 8)]
        ps, new_pc, regs[GP], regs[A0], regs[A1], regs[A2] = frame
        sp = (sp + FRAME_SIZE) & M64
        self._ps = ps & (PS_CM | PS_IPL)
        if self._ps & PS_CM:
            self._ksp, sp = sp, self._usp
        regs[SP] = sp
        return new_pc & (M64 & ~3)

    # -- interrupts -------------------------------------------------------
    def interrupt_accepted(self, level: int | None) -> bool:
        """An interrupt at IPL ``level`` is taken when level > PS<IPL>."""
        if level is None:
            raise ValueError("Alpha interrupts always have an IPL")
        return level > self._ps & PS_IPL

    def take_interrupt(self, level: int | None, vector: int, handler: int) -> None:
        """What OSF/1 PALcode does on an interrupt (ARM Part III, exceptions
        and interrupts): from user mode switch to the kernel stack (saving
        the user SP); push PS, PC, GP, a0, a1, a2 (sp -= 48, PS at sp+0);
        PS = kernel mode at IPL ``level``; gp = the kernel GP (wrkgp);
        a0 = 3 (device interrupt), a1 = ``vector`` (the SCB vector offset),
        a2 = 0 (the ARM leaves it unpredictable for device interrupts);
        continue at ``handler`` (the kernel's entInt)."""
        if level is None:
            raise ValueError("Alpha interrupts always have an IPL")
        regs = self._regs
        sp = regs[SP]
        if self._ps & PS_CM:
            sp = self._ksp
        self._locked = None  # an interrupt may clear lock_flag (§4.2.4): taken
        frame_base = (sp - FRAME_SIZE) & M64
        saved = (self._ps, self._pc, regs[GP], regs[A0], regs[A1], regs[A2])
        try:  # check the whole frame before writing any of it
            for offset in range(0, FRAME_SIZE, 8):
                self._page((frame_base + offset) & M64, 8, "write")
        except InstructionFault as fault:
            raise fault_at(self._pc, fault.message) from None
        for offset, value in zip(range(0, FRAME_SIZE, 8), saved):
            self._store((frame_base + offset) & M64, 8, value)
        if self._ps & PS_CM:
            self._usp = regs[SP]
        regs[SP] = frame_base
        self._ps = level & PS_IPL
        regs[GP] = self._kgp
        regs[A0] = INTR_DEVICE
        regs[A1] = vector & M64
        regs[A2] = 0
        self._pc = handler & (M64 & ~3)

    def return_point(self) -> tuple:
        return (self._pc, self._regs[SP])

    # -- disassembly ------------------------------------------------------
    def _disassemble_word(self, word: int, address: int) -> str:
        return disassemble_word(word, address)

    # -- snapshots ----------------------------------------------------------
    def _cpu_state(self) -> tuple:
        """PS, the PALcode's values and the lock (lock_flag and the locked
        block, §4.2.4), so that a boundary snapshot resumes a sequence
        between LDx_L and STx_C exactly."""
        return self._ps, self._kgp, self._usp, self._ksp, self._locked

    def _set_cpu_state(self, state: tuple) -> None:
        self._ps, self._kgp, self._usp, self._ksp, self._locked = state

    # -- memory written by the machine ---------------------------------------
    def write_memory(self, address: int, data: bytes) -> None:
        """As the core's; a write into the locked block, another agent's as
        far as this CPU knows, clears lock_flag (§4.2.4)."""
        super().write_memory(address, data)
        locked = self._locked
        if locked is not None and data and address <= locked + LOCK_BLOCK - 1 \
                and locked <= address + len(data) - 1:
            self._locked = None


# -- disassembler -------------------------------------------------------------
# Text in the style of alpha-linux-gnu-objdump -d, including its aliases
# (mov, clr, nop, unop, negq, sextl, not, andnot, or, ret, jcr ...), with a
# single space after the mnemonic and branch targets in bare hex.

def _hex(value: int) -> str:
    """C's "%#x", as objdump uses for literals and hints: 0 -> "0"."""
    return f"0x{value:x}" if value else "0"


def disassemble_word(word: int, pc: int) -> str:
    """objdump-style text of the instruction ``word`` located at ``pc``."""
    r = OBJDUMP_NAMES
    opcode = word >> 26
    ra, rb = (word >> 21) & 31, (word >> 16) & 31
    disp = signed_field(word, 16)
    nxt = (pc + 4) & M64

    if opcode == 0x00:
        function = word & 0x3FFFFFF
        return PAL_NAMES.get(function, f"call_pal {_hex(function)}")
    if opcode in (0x08, 0x09):
        name = "lda" if opcode == 0x08 else "ldah"
        if rb == 31:
            return f"{name} {r[ra]},{disp}"
        return f"{name} {r[ra]},{disp}({r[rb]})"
    if opcode == 0x0B and ra == 31:
        return "unop"
    memory = (LOADS.get(opcode) or STORES.get(opcode) or LOCKED_LOADS.get(opcode)
              or CONDITIONAL_STORES.get(opcode))
    name = memory[0] if memory else None
    if name:
        return f"{name} {r[ra]},{disp}({r[rb]})"
    if opcode == 0x18 and (word & 0xFFFF) in BARRIERS:
        return BARRIERS[word & 0xFFFF]
    if opcode == 0x1A:
        kind = JUMPS[(word >> 14) & 3]
        hint = word & 0x3FFF
        if kind in ("jmp", "jsr"):
            if kind == "jmp" and ra == 31 and hint == 0:
                return f"jmp ({r[rb]})"
            target = (nxt + 4 * signed_field(hint, 14)) & M64
            return f"{kind} {r[ra]},({r[rb]}),{target:x}"
        if kind == "ret" and ra == 31 and rb == 26 and hint == 1:
            return "ret"
        return f"{'ret' if kind == 'ret' else 'jcr'} {r[ra]},({r[rb]}),{_hex(hint)}"

    target = (nxt + 4 * signed_field(word, 21)) & M64
    if opcode == 0x30 and ra == 31:
        return f"br {target:x}"
    if opcode in (0x30, 0x34):
        return f"{'br' if opcode == 0x30 else 'bsr'} {r[ra]},{target:x}"
    if opcode in BRANCHES:
        return f"{BRANCHES[opcode][0]} {r[ra]},{target:x}"

    function = (word >> 5) & 0x7F
    rc = word & 31
    is_literal = word & 0x1000
    b = _hex((word >> 13) & 0xFF) if is_literal else r[rb]
    if opcode == 0x1C:
        if function in SIGN_EXTEND and ra == 31 and not is_literal:
            return f"{SIGN_EXTEND[function][0]} {b},{r[rc]}"
        return f".long 0x{word:x}"
    if opcode == 0x11 and function in CMOVE:
        name = CMOVE[function][0]
    elif (opcode, function) in OPERATE:
        name = OPERATE[opcode, function][0]
    elif (opcode, function) in UNIMPLEMENTED_OPERATE:
        name = UNIMPLEMENTED_OPERATE[opcode, function]
    else:
        return f".long 0x{word:x}"

    # objdump's aliases, tried in the order its opcode table lists them.
    if name == "bis":
        if word == 0x47FF041F:
            return "nop"
        if ra == 31 and rb == 31 and not is_literal:
            return f"clr {r[rc]}"
        if ra == 31 or (ra == rb and not is_literal):
            return f"mov {b},{r[rc]}"
        name = "or"
    elif name == "bic":
        name = "andnot"
    elif ra == 31 and name in ("addl", "subl", "subq", "ornot", "subl/v", "subq/v"):
        alias = {"addl": "sextl", "subl": "negl", "subq": "negq", "ornot": "not",
                 "subl/v": "negl/v", "subq/v": "negq/v"}[name]
        return f"{alias} {b},{r[rc]}"
    return f"{name} {r[ra]},{b},{r[rc]}"
