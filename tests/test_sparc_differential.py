"""Differential test of the SPARC V8 interpreter against qemu-sparc.

Random programs of non-privileged integer instructions (ALU, shifts, sethi,
multiplies, MULScc, tagged arithmetic, divides, %y, STBAR, FLUSH, loads and
stores into a scratch buffer, forward branches with and without annul,
call, jmpl, save/restore) run twice: under Debian's
qemu-sparc (user mode), which logs PC, nPC, all visible registers, PSR, WIM
and Y before every instruction (``-singlestep -d cpu,nochain``), and on
SparcBackend, started from qemu's first logged state.  Every boundary must
agree, and at the end the scratch buffer, which the program writes to
stdout, must equal the backend's memory.
"""

from __future__ import annotations

import random
import re

from emu.backends.sparc import SparcBackend
from sparc_helpers import LINUX_LINK, assemble, load_elf, qemu_trace

SEED = 0x5BA4C
PROGRAMS = 10
ITEMS_PER_PROGRAM = 700
BUFFER_SIZE = 256

ALU = ["add", "addcc", "addx", "addxcc", "sub", "subcc", "subx", "subxcc",
       "and", "andcc", "andn", "andncc", "or", "orcc", "orn", "orncc",
       "xor", "xorcc", "xnor", "xnorcc", "umul", "umulcc", "smul", "smulcc",
       "mulscc", "taddcc", "tsubcc"]
#: V8 B.19; the divisor is never 0 (a nonzero simm13 or %g7, the buffer's
#: address): division_by_zero would end the program under qemu
DIVIDES = ["udiv", "udivcc", "sdiv", "sdivcc"]
#: V8 B.16: these trap on overflow, so they only add a multiple of 4 to
#: %g0 or %g7 (tag 0, no overflow)
TAGGED_TRAPPING = ["taddcctv", "tsubcctv"]
SHIFTS = ["sll", "srl", "sra"]
BRANCHES = ["ba", "bn", "bne", "be", "bg", "ble", "bge", "bl",
            "bgu", "bleu", "bcc", "bcs", "bpos", "bneg", "bvc", "bvs"]
LOADS = {"ld": 4, "ldub": 1, "ldsb": 1, "lduh": 2, "ldsh": 2}
STORES = {"st": 4, "stb": 1, "sth": 2}
# %g7 holds the scratch buffer's address: never a random destination.
REGS = [f"%{bank}{n}" for bank in "goli" for n in range(8) if (bank, n) != ("g", 7)]
EVEN_PAIRS = [r for r in REGS if int(r[2]) % 2 == 0 and r != "%g6"]
#: The 32 visible integer registers, as the backend names them.
REG_NAMES = [f"{bank}{n}" for bank in "goli" for n in range(8)]


class ProgramGenerator:
    """Random straight-line-ish code as a list of items, item i labelled
    L<i>.  Branches only go forward; a delay slot is never a control
    transfer; no save/restore lies where a branch could skip it (nor between
    the sethi and the jmpl that uses it), so the
    window depth is the same on every path and stays clear of the window
    that WIM marks invalid (qemu's Linux ABI starts at CWP 0, WIM = 1)."""

    def __init__(self, rng: random.Random, count: int):
        self.rng = rng
        self.count = count
        self.items: list[str] = []
        self.cwp = 0
        self.furthest_target = 0  # items below this index may be skipped
        self.plain_next = False   # the next item is a delay slot

    def register(self) -> str:
        return self.rng.choice(REGS)

    def simm13(self) -> int:
        rng = self.rng
        return rng.choice([rng.randint(-16, 16), rng.randint(-4096, 4095),
                           rng.choice([-4096, -1, 0, 1, 4095])])

    def operand2(self) -> str:
        return self.register() if self.rng.random() < 0.5 else str(self.simm13())

    def plain(self) -> str:
        """One instruction that is not a control transfer."""
        rng, r = self.rng, self.register
        kind = rng.random()
        if kind < 0.40:
            return f"{rng.choice(ALU)} {r()}, {self.operand2()}, {r()}"
        if kind < 0.45:
            divisor = "%g7" if rng.random() < 0.3 else str(self.simm13() or 1)
            return f"{rng.choice(DIVIDES)} {r()}, {divisor}, {r()}"
        if kind < 0.46:
            return (f"{rng.choice(TAGGED_TRAPPING)} {rng.choice(['%g0', '%g7'])}, "
                    f"{4 * rng.randint(-1024, 1023)}, {r()}")
        if kind < 0.54:
            count = r() if rng.random() < 0.3 else rng.randint(0, 31)
            return f"{rng.choice(SHIFTS)} {r()}, {count}, {r()}"
        if kind < 0.60:
            return f"sethi %hi(0x{rng.getrandbits(32):08x}), {r()}"
        if kind < 0.65:
            # Y = 0 and Y = -1 too: a dividend Y:rs1 whose quotient fits
            return rng.choice([f"wr {r()}, {self.operand2()}, %y", "wr %g0, %y",
                               "wr %g0, -1, %y", f"rd %y, {r()}", f"rd %y, {r()}"])
        if kind < 0.76:
            name = rng.choice(list(LOADS))
            return f"{name} [%g7 + {self.offset(LOADS[name])}], {r()}"
        if kind < 0.86:
            name = rng.choice(list(STORES))
            return f"{name} {r()}, [%g7 + {self.offset(STORES[name])}]"
        if kind < 0.91:
            pair = rng.choice(EVEN_PAIRS)
            op = "ldd [%g7 + {}], {}" if rng.random() < 0.5 else "std {1}, [%g7 + {0}]"
            return op.format(self.offset(8), pair)
        if kind < 0.94:
            return f"ldstub [%g7 + {self.offset(1)}], {r()}"
        if kind < 0.98:
            return f"swap [%g7 + {self.offset(4)}], {r()}"
        return rng.choice(["stbar", f"flush %g7 + {self.offset(8)}"])

    def offset(self, size: int) -> int:
        return self.rng.randrange(0, BUFFER_SIZE, size)

    def target(self, index: int) -> int:
        """A forward target 2-6 items ahead (past the delay slot)."""
        target = min(index + self.rng.randint(2, 6), self.count)
        self.furthest_target = max(self.furthest_target, target)
        return target

    def next_item(self) -> str:
        rng, index = self.rng, len(self.items)
        if self.plain_next:
            self.plain_next = False
            return self.plain()
        kind = rng.random()
        if index + 3 >= self.count or kind < 0.72:
            return self.plain()
        if kind < 0.86:
            self.plain_next = True
            return self.branch(index)
        if kind < 0.89:
            self.plain_next = True
            return f"call L{self.target(index)}"
        if kind < 0.92 and index >= self.furthest_target:
            # sethi + jmpl: two items (no branch may land between them),
            # then the delay slot.
            target = self.target(index + 1)
            self.items.append(f"sethi %hi(L{target}), %g6")
            self.plain_next = True
            return f"jmpl %g6 + %lo(L{target}), {self.register()}"
        if index < self.furthest_target:
            return self.plain()
        move = self.window_move()
        return f"{move} {self.register()}, {self.operand2()}, {self.register()}"

    def branch(self, index: int) -> str:
        """A Bicc, with or without annul, to a forward target."""
        annul = ",a" if self.rng.random() < 0.4 else ""
        return f"{self.rng.choice(BRANCHES)}{annul} L{self.target(index)}"

    def window_move(self) -> str:
        """save or restore, never into the invalid window 0."""
        moves = [m for m, new in (("save", self.cwp - 1), ("restore", self.cwp + 1))
                 if new % 8 != 0]
        move = self.rng.choice(moves)
        self.cwp = (self.cwp + (-1 if move == "save" else 1)) % 8
        return move

    def initial_value(self, reg: str) -> str:
        return f"set 0x{self.rng.getrandbits(32):08x}, {reg}"

    #: the Linux system-call trap (sparc32)
    SYSCALL = "ta 0x10"

    def program(self) -> str:
        prologue = [self.initial_value(reg) for reg in REGS if reg != "%g0"]
        while len(self.items) < self.count:
            self.items.append(self.next_item())
        body = "\n".join(f"L{i}:\t{insn}" for i, insn in enumerate(self.items))
        return f"""
        .text
        .globl _start
_start:
        set scratch, %g7
        {'; '.join(prologue)}
{body}
L{self.count}:
epilogue:
        mov 4, %g1              ! write(1, scratch, BUFFER_SIZE)
        mov 1, %o0
        mov %g7, %o1
        mov {BUFFER_SIZE}, %o2
        {self.SYSCALL}
        mov 1, %g1              ! exit(0)
        mov 0, %o0
        {self.SYSCALL}
        .data
        .align 8
scratch:
        .skip {BUFFER_SIZE}
"""


def qemu_states(elf: str) -> tuple[list[dict], bytes]:
    """Run the program under qemu-sparc; return its per-instruction states
    and its stdout."""
    blocks, stdout = qemu_trace("qemu-sparc", elf, timeout=60)
    states = []
    for block in blocks:
        fields = dict(re.findall(r"(%[goli]0-7|npc|psr|wim|y):\s*((?:[0-9a-f]{8}\s*)+)",
                                 block))
        state = {"pc": int(block.split()[0], 16), "npc": int(fields["npc"], 16)}
        for bank in "goli":
            for n, value in enumerate(fields[f"%{bank}0-7"].split()):
                state[f"{bank}{n}"] = int(value, 16)
        psr = int(fields["psr"].split()[0], 16)
        state["icc"], state["cwp"] = psr >> 20 & 0xF, psr & 0x1F
        state["y"] = int(fields["y"].split()[0], 16)
        state["wim"] = int(fields["wim"].split()[0], 16)
        states.append(state)
    return states, stdout


def v8_state(cpu: SparcBackend) -> dict:
    """What qemu-sparc logs besides the PC, as the backend has it."""
    psr = cpu.read_register("psr")
    state = {"npc": cpu.read_register("npc"), "icc": psr >> 20 & 0xF, "cwp": psr & 0x1F,
             "y": cpu.read_register("y"), "wim": cpu.read_register("wim")}
    state.update((name, cpu.read_register(name)) for name in REG_NAMES)
    return state


def compare_with_qemu(cpu, symbols: dict, expected: list[dict], stdout: bytes,
                      state_of, label: str) -> int:
    """Run ``cpu`` (set to qemu's first state) up to the program's epilogue,
    comparing ``state_of(cpu)`` and the PC with qemu's state at every
    boundary, then the scratch buffer with qemu's stdout; return how many
    instructions were compared."""
    stop = symbols["epilogue"]
    actual = []

    def record(pc):
        if pc == stop:
            return False
        actual.append({"pc": pc, **state_of(cpu)})
        return len(actual) < 200_000
    cpu.run(record)
    expected = expected[:[s["pc"] for s in expected].index(stop)]
    for step, (want, got) in enumerate(zip(expected, actual)):
        if want != got:
            diff = {k: (f"qemu 0x{want[k]:x}", f"ours 0x{got[k]:x}")
                    for k in want if want[k] != got[k]}
            previous = expected[step - 1]["pc"] if step else None
            before = (f" after 0x{previous:08x} {cpu.disassemble(previous)[1]}"
                      if previous is not None else "")
            raise AssertionError(f"{label} step {step} at 0x{want['pc']:08x}{before}: {diff}")
    assert len(actual) == len(expected), (label, len(actual), len(expected))
    assert cpu.read_memory(symbols["scratch"], BUFFER_SIZE) == stdout
    return len(actual)


def check_program(index: int) -> int:
    """Generate, run and compare program ``index``; return how many
    instructions were compared."""
    rng = random.Random(SEED + index)
    source = ProgramGenerator(rng, ITEMS_PER_PROGRAM).program()
    elf = assemble(source, LINUX_LINK)
    expected, stdout = qemu_states(elf)

    cpu = SparcBackend()
    cpu.latency = 0       # QEMU writes Y (and the PSR) at once: the shortest delay V8 allows
    symbols = load_elf(cpu, elf)
    first = expected[0]
    cpu.write_register("psr", first["icc"] << 20 | first["cwp"])  # user mode
    cpu.write_register("wim", first["wim"])
    cpu.write_register("y", first["y"])
    for name in REG_NAMES:
        cpu.write_register(name, first[name])
    cpu.write_register("pc", first["pc"])
    cpu.write_register("npc", first["npc"])
    return compare_with_qemu(cpu, symbols, expected, stdout, v8_state,
                             f"program {index} (seed {SEED + index})")


def test_random_programs_match_qemu():
    compared = sum(check_program(index) for index in range(PROGRAMS))
    assert compared >= 3000, compared
