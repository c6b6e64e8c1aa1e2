"""Differential test: AlphaBackend against Debian's qemu-alpha (user mode).

Random programs of non-privileged integer instructions (operate, byte
manipulation, conditional moves, lda/ldah, loads and stores into a scratch
buffer, LDx_L/STx_C pairs and lone STx_C, short forward branches and
jumps) are built as static Linux ELF
files and run twice:

* under ``qemu-alpha -singlestep -d cpu,nochain``, which logs PC, PS and
  all 31 integer registers before every instruction;
* under AlphaBackend, started from qemu's first logged state with the same
  ELF segments loaded, comparing every register at every boundary.

The programs come from a fixed seed, so a failure is reproducible; the
message names the program, the instruction and the registers that differ.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from emu.backends.alpha import (
    BRANCHES, CMOVE, OPERATE, REGISTER_NUMBERS, SIGN_EXTEND, AlphaBackend,
)
from tests.alpha_helpers import link, load_elf

SEED = 20030718
PROGRAMS = 16
INSTRUCTIONS_PER_PROGRAM = 1500
MINIMUM_COMPARED = 10_000

# The scratch buffer lives in .data at a fixed address so that its base
# can be built without relocations: lda $14,0x14($31); sll $14,28,$14.
DATA_BASE = 0x140000000
BUFFER_BYTES = 512
BASE = 14  # s5 holds the buffer address and is never a destination

EXIT = "\tlda $0,1($31)\n\tlda $16,0($31)\n\tcall_pal 0x83\n"

LOADS = {"ldq": 8, "ldl": 4, "ldwu": 2, "ldbu": 1, "ldq_u": 1}
STORES = {"stq": 8, "stl": 4, "stw": 2, "stb": 1, "stq_u": 1}


def _qemu() -> str:
    path = shutil.which("qemu-alpha")
    if path is None:
        pytest.fail("qemu-alpha not found: the Alpha differential test needs "
                    "Debian's qemu-user package (apt-get install qemu-user)")
    return path


class ProgramGenerator:
    """Random straight-line code with short forward control transfers."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.labels = 0
        # Destinations: anything but the buffer base (R31 included: its
        # writes must vanish).
        self.destinations = [r for r in range(32) if r != BASE]

    def reg(self) -> str:
        return f"${self.rng.randrange(32)}"

    def dest(self) -> str:
        return f"${self.rng.choice(self.destinations)}"

    def label(self) -> str:
        self.labels += 1
        return f"L{self.labels}"

    def operand(self) -> str:
        if self.rng.random() < 0.35:
            return str(self.rng.choice([0, 1, 7, 8, 31, 32, 63, 64, 255,
                                        self.rng.randrange(256)]))
        return self.reg()

    def operate(self) -> list[str]:
        r = self.rng.random()
        if r < 0.7:
            name = self.rng.choice([n for n, _ in OPERATE.values()])
        elif r < 0.9:
            name = self.rng.choice([n for n, _ in CMOVE.values()])
        else:
            name = self.rng.choice([n for n, _ in SIGN_EXTEND.values()])
            return [f"{name} {self.reg()},{self.dest()}"]
        return [f"{name} {self.reg()},{self.operand()},{self.dest()}"]

    def address_op(self) -> list[str]:
        name = self.rng.choice(["lda", "ldah"])
        disp = self.rng.choice([0, 1, -1, 0x7FFF, -0x8000,
                                self.rng.randrange(-0x8000, 0x8000)])
        return [f"{name} {self.dest()},{disp}({self.reg()})"]

    def memory(self) -> list[str]:
        table = LOADS if self.rng.random() < 0.5 else STORES
        name = self.rng.choice(list(table))
        size = table[name]
        offset = self.rng.randrange(0, BUFFER_BYTES - 8, size)
        register = self.dest() if table is LOADS else self.reg()
        return [f"{name} {register},{offset}(${BASE})"]

    def branch(self) -> list[str]:
        """A conditional or unconditional forward branch over 0-3 filler
        instructions."""
        target = self.label()
        name = self.rng.choice([n for n, _ in BRANCHES.values()] + ["br", "bsr"])
        register = self.dest() if name in ("br", "bsr") else self.reg()
        filler = [line for _ in range(self.rng.randrange(4))
                  for line in self.simple()]
        return [f"{name} {register},{target}", *filler, f"{target}:"]

    def jump(self) -> list[str]:
        """br to learn the PC, lda to make a target three words on, then one
        of jmp/jsr/ret/jsr_coroutine over a skipped instruction."""
        here, target = self.label(), self.label()
        link_reg = f"${self.rng.choice([r for r in self.destinations if r != 31])}"
        kind = self.rng.choice(["jmp", "jsr", "ret", "jsr_coroutine"])
        hint = self.rng.choice([0, 1])
        return [f"br {link_reg},{here}", f"{here}:",
                f"lda {link_reg},12({link_reg})",
                f"{kind} {self.dest()},({link_reg}),{hint}",
                *self.simple(), f"{target}:"]

    def locked(self) -> list[str]:
        """LDx_L, 0-2 operate instructions, STx_C to the same address (it
        succeeds: qemu-user's STx_C also wants the LDx_L's address and the
        value it loaded, and nothing stores in between); or a lone STx_C,
        which fails (no lock: the last STx_C cleared it)."""
        size = self.rng.choice([4, 8])
        load, store = ("ldl_l", "stl_c") if size == 4 else ("ldq_l", "stq_c")
        offset = self.rng.randrange(0, BUFFER_BYTES - 8, size)
        if self.rng.random() < 0.2:
            return [f"{store} {self.dest()},{offset}(${BASE})"]
        filler = [line for _ in range(self.rng.randrange(3)) for line in self.operate()]
        return [f"{load} {self.dest()},{offset}(${BASE})", *filler,
                f"{store} {self.dest()},{offset}(${BASE})"]

    def simple(self) -> list[str]:
        r = self.rng.random()
        if r < 0.6:
            return self.operate()
        if r < 0.75:
            return self.address_op()
        if r < 0.97:
            return self.memory()
        # Barriers, and imb: the one PAL call qemu-user runs as a no-op.
        return [self.rng.choice(["mb", "wmb", "trapb", "excb", "call_pal 0x86"])]

    def program(self, count: int) -> str:
        lines = ["lda $14,0x14($31)", "sll $14,28,$14"]
        # Start every register (but the base and R31) from random data.
        lines += [f"ldq ${r},{8 * r}($14)" for r in range(31) if r != BASE]
        emitted = 0
        while emitted < count:
            r = self.rng.random()
            chunk = (self.branch() if r < 0.08 else
                     self.jump() if r < 0.1 else
                     self.locked() if r < 0.13 else self.simple())
            lines += chunk
            emitted += sum(not line.endswith(":") for line in chunk)
        data = "\n".join(f"\t.quad 0x{self.rng.getrandbits(64):016x}"
                         for _ in range(BUFFER_BYTES // 8))
        body = "\n".join(line if line.endswith(":") else f"\t{line}"
                         for line in lines)
        return (f"\t.set noat\n\t.set noreorder\n\t.set nomacro\n"
                f"\t.globl _start\n_start:\n{body}\n{EXIT}"
                f"\t.data\n{data}\n")


_RECORD = re.compile(r"PC\s+([0-9a-f]{16}) PS\s+([0-9a-f]+)\n((?:.*\n){11})")
_FIELD = re.compile(r"(\w+)\s+([0-9a-f]{16})")


def parse_qemu_log(text: str) -> list[tuple[int, int, list[int]]]:
    """[(pc, ps, [r0..r30])] for each instruction qemu logged."""
    records = []
    for match in _RECORD.finditer(text):
        regs = [0] * 31
        for name, value in _FIELD.findall(match.group(3)):
            number = REGISTER_NUMBERS.get(name)
            if number is not None:
                regs[number] = int(value, 16)
        records.append((int(match.group(1), 16), int(match.group(2), 16), regs))
    return records


def run_under_qemu(qemu: str, source: str) -> tuple[Path, list]:
    workdir = Path(tempfile.mkdtemp(prefix="alpha-diff-"))
    elf = link(source, ["-static", f"-Tdata=0x{DATA_BASE:x}"], workdir)
    log = workdir / "LOG"
    result = subprocess.run([qemu, "-singlestep", "-d", "cpu,nochain",
                             "-D", str(log), str(elf)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"qemu-alpha failed: {result.stderr}"
    return elf, parse_qemu_log(log.read_text())


def compare_with_backend(elf: Path, records: list, label: str) -> int:
    """Run the ELF under AlphaBackend from qemu's first state; assert every
    boundary matches qemu's log.  Returns the instructions compared."""
    program = load_elf(elf)
    backend = AlphaBackend("ev67")   # qemu-alpha's CPU has BWX: not the port's EV4
    for address, data in program.segments:
        start = address & ~0xFFF
        backend.map_memory(start, (address + len(data) - start + 0xFFF) & ~0xFFF)
        backend.write_memory(address, data)
    pc, ps, regs = records[0]
    for number, value in enumerate(regs):
        backend.write_register(f"r{number}", value)
    backend.write_register("ps", ps)
    backend.write_register("pc", pc)

    index = 0

    def on_boundary(pc: int) -> bool:
        nonlocal index
        want_pc, want_ps, want_regs = records[index]
        got = [backend.read_register(f"r{n}") for n in range(31)]
        if (pc, backend.read_register("ps"), got) != (want_pc, want_ps, want_regs):
            previous = records[index - 1][0] if index else None
            diffs = [f"r{n}: qemu 0x{w:x} ours 0x{g:x}"
                     for n, (w, g) in enumerate(zip(want_regs, got)) if w != g]
            raise AssertionError(
                f"{label}: state differs before instruction {index} "
                f"(pc qemu 0x{want_pc:x} ours 0x{pc:x}); previous instruction "
                + (f"0x{previous:x} {backend.disassemble(previous)[1]}"
                   if previous is not None else "none")
                + "; " + "; ".join(diffs))
        index += 1
        # The last record is the exit call_pal: stop before it.
        return index < len(records)

    backend.run(on_boundary)
    return index


def test_alpha_against_qemu():
    qemu = _qemu()
    rng = random.Random(SEED)
    sources = [ProgramGenerator(rng).program(INSTRUCTIONS_PER_PROGRAM)
               for _ in range(PROGRAMS)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(lambda s: run_under_qemu(qemu, s), sources))
    compared = 0
    try:
        for number, (elf, records) in enumerate(runs):
            assert len(records) > 100, f"program {number}: qemu logged too little"
            compared += compare_with_backend(elf, records, f"program {number} (seed {SEED})")
    finally:
        for elf, _ in runs:
            shutil.rmtree(elf.parent)
    assert compared >= MINIMUM_COMPARED, compared
