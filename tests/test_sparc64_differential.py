"""Differential test of the SPARC V9 interpreter against qemu-sparc64.

One random program of non-privileged V9 integer instructions (64-bit ALU
and shifts, MOVcc on %icc and %xcc, MOVr, mulx/udivx/sdivx, the 32-bit
multiplies and divides, sethi, %y and %ccr,
ldx/stx/ldsw and the V8 loads and stores into a scratch buffer, Bicc,
BPcc on %icc and %xcc, BPr, call, jmpl, save/restore and return within
the free windows) runs twice: under Debian's qemu-sparc64 (user mode), which logs
PC, nPC, all visible registers, CCR, Y, CWP, CANSAVE and CANRESTORE before
every instruction (``-singlestep -d cpu,nochain``), and on Sparc64Backend,
started from qemu's first logged state.  Every register must agree at
every boundary, and at the end the scratch buffer, which the program writes
to stdout, must equal the backend's memory.  The generator is the V8
test's, with V9 instructions, branches and window bookkeeping.  A second,
fixed program runs every MOVr condition (A.36), register and immediate
forms, on 64-bit values of each sign (and 32-bit-negative positives), and
UDIV/SDIV(cc) (A.10) across their overflow and sign cases.
"""

from __future__ import annotations

import random
import re

from emu.backends.sparc64 import Sparc64Backend
from sparc_helpers import LINUX_LINK, V9, assemble, load_elf, qemu_trace
from test_sparc_differential import REG_NAMES, ProgramGenerator, compare_with_qemu

SEED = 0x5BA64
ITEMS = 12_500
MINIMUM_COMPARED = 10_000

ALU = ["add", "addcc", "addc", "addccc", "sub", "subcc", "subc", "subccc",
       "and", "andcc", "andn", "andncc", "or", "orcc", "orn", "orncc",
       "xor", "xorcc", "xnor", "xnorcc", "umul", "umulcc", "smul", "smulcc", "mulx"]
SHIFTS = ["sll", "srl", "sra", "sllx", "srlx", "srax"]
CONDITIONS = ["a", "n", "ne", "e", "g", "le", "ge", "l", "gu", "leu", "cc", "cs",
              "pos", "neg", "vc", "vs"]
REGISTER_BRANCHES = ["brz", "brlez", "brlz", "brnz", "brgz", "brgez"]
REGISTER_MOVES = ["movrz", "movrlez", "movrlz", "movrnz", "movrgz", "movrgez"]
DIVIDES = ["udiv", "udivcc", "sdiv", "sdivcc"]
LOADS = {"ld": 4, "lduw": 4, "ldsw": 4, "ldx": 8, "ldub": 1, "ldsb": 1, "lduh": 2, "ldsh": 2}
STORES = {"st": 4, "stx": 8, "stb": 1, "sth": 2}
#: the window depth the program may reach: qemu's Linux start has
#: CANSAVE = 6, CANRESTORE = 0; spills and fills are not modelled
MAX_DEPTH = 5


class V9Generator(ProgramGenerator):
    """The V8 generator's program shape with V9 instructions."""

    SYSCALL = "ta 0x6d"

    def __init__(self, rng: random.Random, count: int):
        super().__init__(rng, count)
        self.depth = 0

    def plain(self) -> str:
        rng, r = self.rng, self.register
        extra = rng.random()
        if extra < 0.04:
            value = r() if rng.random() < 0.5 else rng.randint(-512, 511)
            return f"{rng.choice(REGISTER_MOVES)} {r()}, {value}, {r()}"
        if extra < 0.06:   # immediate divisors: a zero one traps
            divisor = rng.choice([rng.randint(1, 4095), -rng.randint(1, 4096)])
            return f"{rng.choice(DIVIDES)} {r()}, {divisor}, {r()}"
        kind = rng.random()
        if kind < 0.36:
            return f"{rng.choice(ALU)} {r()}, {self.operand2()}, {r()}"
        if kind < 0.40:
            value = r() if rng.random() < 0.6 else rng.randint(-1024, 1023)
            return f"mov{rng.choice(CONDITIONS)} {rng.choice(['%icc', '%xcc'])}, {value}, {r()}"
        if kind < 0.44:
            divide = rng.choice(["udivx", "sdivx"])
            divisor = rng.choice([rng.randint(1, 4095), -rng.randint(1, 4096)])
            return f"{divide} {r()}, {divisor}, {r()}"
        if kind < 0.54:
            name = rng.choice(SHIFTS)
            count = r() if rng.random() < 0.3 else rng.randint(0, 63 if name[-1] == "x" else 31)
            return f"{name} {r()}, {count}, {r()}"
        if kind < 0.60:
            return f"sethi %hi(0x{rng.getrandbits(32):08x}), {r()}"
        if kind < 0.66:
            register = rng.choice(["%y", "%ccr"])
            return (f"wr {r()}, {self.operand2()}, {register}" if rng.random() < 0.5
                    else f"rd {register}, {r()}")
        if kind < 0.80:
            name = rng.choice(list(LOADS))
            return f"{name} [%g7 + {self.offset(LOADS[name])}], {r()}"
        if kind < 0.92:
            name = rng.choice(list(STORES))
            return f"{name} {r()}, [%g7 + {self.offset(STORES[name])}]"
        if kind < 0.96:
            return f"ldstub [%g7 + {self.offset(1)}], {r()}"
        return f"swap [%g7 + {self.offset(4)}], {r()}"

    def branch(self, index: int) -> str:
        rng = self.rng
        annul = ",a" if rng.random() < 0.4 else ""
        predict = rng.choice(["", ",pt", ",pn"])
        target = self.target(index)
        kind = rng.random()
        if kind < 0.3:
            return f"b{rng.choice(CONDITIONS)}{annul} L{target}"
        if kind < 0.75:
            cc = rng.choice(["%icc", "%xcc"])
            return f"b{rng.choice(CONDITIONS)}{annul}{predict} {cc}, L{target}"
        return f"{rng.choice(REGISTER_BRANCHES)}{annul}{predict} {self.register()}, L{target}"

    def next_item(self) -> str:
        """The V8 generator's items, and now and then RETURN (A.45): a
        restore with a delayed jump, as sethi + return (no branch lands
        between them), then its delay slot, run in the restored window."""
        index = len(self.items)
        if (not self.plain_next and self.depth > 0 and index >= self.furthest_target
                and index + 4 < self.count and self.rng.random() < 0.02):
            target = self.target(index + 1)
            self.items.append(f"sethi %hi(L{target}), %g6")
            self.plain_next = True
            self.depth -= 1
            return f"return %g6 + %lo(L{target})"
        return super().next_item()

    def window_move(self) -> str:
        moves = [m for m, depth in (("save", self.depth + 1), ("restore", self.depth - 1))
                 if 0 <= depth <= MAX_DEPTH]
        move = self.rng.choice(moves)
        self.depth += 1 if move == "save" else -1
        return move

    def initial_value(self, reg: str) -> str:
        """A 64-bit value, built with %g7 as setx's temporary; %g7 then
        gets the buffer's address back."""
        return f"setx 0x{self.rng.getrandbits(64):016x}, %g7, {reg}; set scratch, %g7"


def qemu_states(elf: str) -> tuple[list[dict], bytes]:
    """Run the program under qemu-sparc64; its per-instruction states and
    its stdout."""
    blocks, stdout = qemu_trace("qemu-sparc64", elf)
    states = []
    for block in blocks:
        state = {"pc": int(block.split()[0], 16),
                 "npc": int(re.search(r"npc: ([0-9a-f]+)", block).group(1), 16)}
        for bank in "goli":
            values = []
            for half in ("0-3", "4-7"):
                values += re.search(rf"%{bank}{half}: ((?:[0-9a-f]{{16}}\s*)+)", block).group(1).split()
            for n, value in enumerate(values):
                state[f"{bank}{n}"] = int(value, 16)
        for name in ("ccr", "y", "cwp", "cansave", "canrestore"):
            state[name] = int(re.search(rf"\b{name}: ([0-9a-f]+)", block).group(1),
                              16 if name in ("ccr", "y") else 10)
        states.append(state)
    return states, stdout


def v9_state(cpu: Sparc64Backend) -> dict:
    """What the comparison takes from qemu-sparc64's log, as the backend
    has it."""
    state = {name: cpu.read_register(name)
             for name in ("npc", "ccr", "y", "cwp", "cansave", "canrestore")}
    state.update((name, cpu.read_register(name)) for name in REG_NAMES)
    return state


def run_against_qemu(source: str, label: str) -> int:
    """Assemble ``source``, run it under qemu-sparc64 and on the backend
    from qemu's first state; return how many instructions were compared."""
    elf = assemble(source, LINUX_LINK, isa=V9)
    expected, stdout = qemu_states(elf)
    cpu = Sparc64Backend()
    symbols = load_elf(cpu, elf)
    first = expected[0]
    cpu.write_register("pstate", 0x12)                  # user mode: PEF, IE
    for name in ("cansave", "canrestore", "cwp", "ccr", "y", *REG_NAMES):
        cpu.write_register(name, first[name])
    cpu.write_register("cleanwin", first["cansave"])
    cpu.write_register("pc", first["pc"])
    cpu.write_register("npc", first["npc"])
    return compare_with_qemu(cpu, symbols, expected, stdout, v9_state, label)


#: 64-bit values of each sign for the register conditions: zero, positive,
#: negative, the extremes, and positives whose low word is negative
SIGN_CASES = [0, 1, 5, (1 << 63) - 1, 0x80000000, 0xFFFFFFFF, 1 << 32,
              -1, -5, -(1 << 63), -(1 << 32), -0x80000000]


def test_every_register_condition_and_divide_case_matches_qemu():
    """MOVr: each rcond, rs2 and simm10 (both signs, the extremes -512 and
    511), over SIGN_CASES, with rd holding a marker so a move not taken
    shows; UDIV/SDIV and their cc forms over Y:rs1 dividends that do and
    do not overflow 32 bits, of both signs."""
    items = ["setx 0x0123456789abcdef, %g1, %l2"]
    for value in SIGN_CASES:
        items.append(f"setx {value & (1 << 64) - 1:#x}, %g1, %l1")
        for move in REGISTER_MOVES:
            for source in ("%l2", "-512", "511", "-3", "%g0"):
                items.append("mov 77, %l3")
                items.append(f"{move} %l1, {source}, %l3")
            items.append(f"{move} %l1, %l1, %l1")      # rs1 is rd
    for y in (0, 1, 0xFFFFFFFF, 0x7FFFFFFF):
        for dividend in (0x7FFFFFFF, 0x80000000, 5, 0xFFFFFFFB, 0x123456789ABCDEF0):
            items.append(f"setx {dividend:#x}, %g1, %l1")
            for divisor in (1, -1, 3, -3, 4095):
                for divide in DIVIDES:
                    items.append(f"wr %g0, {y:#x}, %y" if y < 4096 else f"set {y:#x}, %g1; wr %g1, %y")
                    items.append(f"{divide} %l1, {divisor}, %l4")
                    items.append("rd %ccr, %l5")
    generator = V9Generator(random.Random(SEED), len(items))
    generator.items = items
    compared = run_against_qemu(generator.program(), "register conditions and divides")
    assert compared >= len(items), compared


def test_random_program_matches_qemu():
    """10,000 random instructions (fixed seed) in one qemu run, every
    register compared after every instruction."""
    rng = random.Random(SEED)
    source = V9Generator(rng, ITEMS).program()
    compared = run_against_qemu(source, f"seed {SEED}")
    assert compared >= MINIMUM_COMPARED, compared
