"""Differential test: HppaBackend against Debian's qemu-hppa (user mode).

Random programs of non-privileged PA-RISC 1.1 instructions (the
three-register arithmetic and logical group with its conditions, the
immediate forms, ldo/ldil/addil, extract/deposit/shift pairs, loads and
stores into a scratch buffer, compare-and-branch, add-and-branch,
move-and-branch, branch-on-bit and bl, all with nullification) are built
as static Linux ELF files and run twice.  Besides the random programs of
PROGRAMS, VARIABLE_PROGRAMS random ones favour the SAR-controlled forms
(VSHD, VEXTRU, VEXTRS, ZVDEP, VDEP, ZVDEPI, VDEPI, BVB; the PA-RISC 1.1
manual's ch. 5 instruction pages) and SHnADDL, and one systematic program
runs each SAR-controlled form with SAR = 0, 1, 31 and two others, every
shift/extract/deposit condition, len = 1, 2, 31, 32, the immediates -16,
-1, 0, 15, and GR0 as source and target, each followed by an instruction
it may nullify.  Each program runs:

* under ``qemu-hppa -singlestep -d cpu,nochain``, which logs the queue
  (IA_F, IA_B), the PSW and GR0-GR31 before every instruction (a delay
  slot that a taken branch nullifies it skips without a record; the
  comparison skips that boundary of ours too);
* under HppaBackend, started from qemu's first logged state with the same
  ELF segments loaded, comparing every general register, both queue
  entries, PSW[N] and the word's carry PSW[C/B]{0} (what ADDC and SUBB
  read) at every boundary (the privilege bits qemu keeps in the low two
  bits of the queue are masked; qemu 7.2 logs the other, per-digit C/B
  bits folded wrongly: cpu_hppa_get_psw in target/hppa/helper.c turns a
  single carry into bit 8 into two bits, so they are not compared).

The programs come from a fixed seed, so a failure is reproducible.  The
disassembly of every word of every program is also checked against
hppa-linux-gnu-objdump.
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

from emu.backends.hppa import PSW_CARRY, PSW_N, HppaBackend, disassemble_word
from tests.alpha_helpers import load_elf
from tests.hppa_helpers import link, objdump

SEED = 20030718
PROGRAMS = 8
#: random programs that favour the SAR-controlled forms (their own seed,
#: so the PROGRAMS above stay the programs they were)
VARIABLE_SEED = 19940201
VARIABLE_PROGRAMS = 2
INSTRUCTIONS_PER_PROGRAM = 1400
MINIMUM_COMPARED = 10_000

#: the PSW bits compared: N and the word's carry C/B{0}
COMPARED_PSW = PSW_N | PSW_CARRY

BUFFER_BYTES = 256
BASE = 3            # r3 holds the buffer address and is never a destination

EXIT = "\tnop\n\tldi 1, %r20\n\tldi 0, %r26\nexit_call:\n\tble 0x100(%sr2, %r0)\n\tnop\n"

COMPARE = ["", "=", "<", "<=", "<<", "<<=", "sv", "od", "tr", "<>", ">=", ">", ">>=", ">>", "nsv", "ev"]
ADD = ["", "=", "<", "<=", "nuv", "znv", "sv", "od", "tr", "<>", ">=", ">", "uv", "vnz", "nsv", "ev"]
LOGICAL = ["", "=", "<", "<=", "od", "tr", "<>", ">=", ">", "ev"]
SHIFT = ["", "=", "<", "od", "tr", "<>", ">=", "ev"]
BRANCH_COMPARE = ["=", "<", "<=", "<<", "<<=", "sv", "od", "<>", ">=", ">", ">>=", ">>", "nsv", "ev"]
#: add-and-branch conditions gas encodes as PA 1.1 ones (binutils 2.40 reads
#: c = 4..7 of addb/addib as PA 2.0 doubleword conditions: "addb,sv" comes
#: out as "addb,*<")
BRANCH_ADD = ["=", "<", "<=", "<>", ">=", ">"]


def _qemu() -> str:
    path = shutil.which("qemu-hppa")
    if path is None:
        pytest.fail("qemu-hppa not found: the hppa differential test needs "
                    "Debian's qemu-user package (apt-get install qemu-user)")
    return path


class ProgramGenerator:
    """Random straight-line code with short forward branches."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.labels = 0
        self.destinations = [r for r in range(32) if r not in (BASE, 30)]

    def reg(self) -> str:
        return f"%r{self.rng.randrange(32)}"

    def dest(self) -> str:
        return f"%r{self.rng.choice(self.destinations)}"

    def label(self) -> str:
        self.labels += 1
        return f"L{self.labels}"

    def cond(self, names) -> str:
        name = self.rng.choice(names)
        return f",{name}" if name else ""

    def alu(self) -> list[str]:
        r = self.rng.random()
        if r < 0.1:          # they read PSW[C/B]; modelled without a condition
            return [f"{self.rng.choice(['addc', 'subb'])} {self.reg()},{self.reg()},{self.dest()}"]
        if r < 0.5:
            name = self.rng.choice(["add", "addl", "sh1add", "sh2add", "sh3add"])
            names = ADD
        elif r < 0.7:
            name, names = self.rng.choice(["sub", "comclr"]), COMPARE
        else:
            name, names = self.rng.choice(["or", "xor", "and", "andcm"]), LOGICAL
        return [f"{name}{self.cond(names)} {self.reg()},{self.reg()},{self.dest()}"]

    def immediate(self) -> list[str]:
        r = self.rng.random()
        imm11 = self.rng.choice([0, 1, -1, 1023, -1024, self.rng.randrange(-1024, 1024)])
        if r < 0.25:
            return [f"addi{self.cond(ADD)} {imm11},{self.reg()},{self.dest()}"]
        if r < 0.45:
            return [f"subi{self.cond(COMPARE)} {imm11},{self.reg()},{self.dest()}"]
        if r < 0.6:
            return [f"comiclr{self.cond(COMPARE)} {imm11},{self.reg()},{self.dest()}"]
        if r < 0.8:
            disp = self.rng.choice([0, 1, -1, 8191, -8192, self.rng.randrange(-8192, 8192)])
            return [f"ldo {disp}({self.reg()}),{self.dest()}"]
        value = self.rng.getrandbits(21) << 11
        if r < 0.9:
            return [f"ldil L%0x{value:x},{self.dest()}"]
        return [f"addil L%0x{value:x},{self.reg()}"]

    def field(self) -> list[str]:
        r = self.rng.random()
        p = self.rng.randrange(32)
        length = self.rng.randint(1, p + 1)
        cond = self.cond(SHIFT)
        if r < 0.25:
            return [f"extru{cond} {self.reg()},{p},{length},{self.dest()}"]
        if r < 0.45:
            return [f"extrs{cond} {self.reg()},{p},{length},{self.dest()}"]
        if r < 0.6:
            return [f"zdep{cond} {self.reg()},{p},{length},{self.dest()}"]
        if r < 0.75:
            return [f"dep{cond} {self.reg()},{p},{length},{self.dest()}"]
        if r < 0.85:
            imm = self.rng.randrange(-16, 16)
            name = self.rng.choice(["depi", "zdepi"])
            return [f"{name}{cond} {imm},{p},{length},{self.dest()}"]
        if r < 0.95:
            return [f"shd{cond} {self.reg()},{self.reg()},{p},{self.dest()}"]
        return [f"mtsar {self.reg()}", f"vshd{cond} {self.reg()},{self.reg()},{self.dest()}"]

    def variable(self) -> list[str]:
        """A SAR-controlled form (or SHnADDL), with mtsar of a random
        register (its low five bits) or of an edge value before it half the
        time."""
        lines = []
        if self.rng.random() < 0.5:
            if self.rng.random() < 0.5:
                lines.append(f"mtsar {self.reg()}")
            else:
                lines += [f"ldi {self.rng.choice([0, 1, 31, 30, 2, 16])},%r1", "mtsar %r1"]
        r = self.rng.random()
        length = self.rng.choice([1, 2, 31, 32, self.rng.randint(1, 32)])
        cond = self.cond(SHIFT)
        if r < 0.2:
            line = f"{self.rng.choice(['vextru', 'vextrs'])}{cond} {self.reg()},{length},{self.dest()}"
        elif r < 0.4:
            line = f"{self.rng.choice(['zvdep', 'vdep'])}{cond} {self.reg()},{length},{self.dest()}"
        elif r < 0.6:
            imm = self.rng.choice([-16, -1, 0, 15, self.rng.randrange(-16, 16)])
            line = f"{self.rng.choice(['zvdepi', 'vdepi'])}{cond} {imm},{length},{self.dest()}"
        elif r < 0.7:
            line = f"vshd{cond} {self.reg()},{self.reg()},{self.dest()}"
        elif r < 0.85:
            name = self.rng.choice(["sh1addl", "sh2addl", "sh3addl"])
            line = f"{name}{self.cond(ADD)} {self.reg()},{self.reg()},{self.dest()}"
        else:
            target = self.label()
            n = ",n" if self.rng.random() < 0.5 else ""
            filler = [x for _ in range(self.rng.randrange(4)) for x in self.simple()]
            return [*lines, f"bvb,{self.rng.choice(['<', '>='])}{n} {self.reg()},{target}",
                    *filler, f"{target}:"]
        return [*lines, line]

    def memory(self) -> list[str]:
        r = self.rng.random()
        size, load, store = self.rng.choice([(4, "ldw", "stw"), (2, "ldh", "sth"), (1, "ldb", "stb")])
        if r < 0.1:
            return [f"{load}x,s {self.reg_index()}(%r{BASE}),{self.dest()}"]
        offset = self.rng.randrange(0, BUFFER_BYTES - 4, size)
        if self.rng.random() < 0.3:
            offset = self.rng.randrange(0, 16, size)       # the short forms
        if r < 0.55:
            return [f"{load} {offset}(%r{BASE}),{self.dest()}"]
        return [f"{store} {self.reg()},{offset}(%r{BASE})"]

    def reg_index(self) -> str:
        """An index register holding 0..15 (set just before, by the caller)."""
        return "%r1"

    def branch(self) -> list[str]:
        """A forward conditional branch (or bl) over 0-3 filler
        instructions, with or without ,n."""
        target = self.label()
        n = ",n" if self.rng.random() < 0.5 else ""
        r = self.rng.random()
        if r < 0.3:
            line = f"comb,{self.rng.choice(BRANCH_COMPARE)}{n} {self.reg()},{self.reg()},{target}"
        elif r < 0.5:
            line = f"comib,{self.rng.choice(BRANCH_COMPARE)}{n} {self.rng.randrange(-16, 16)},{self.reg()},{target}"
        elif r < 0.65:
            line = f"addib,{self.rng.choice(BRANCH_ADD)}{n} {self.rng.randrange(-16, 16)},{self.dest()},{target}"
        elif r < 0.75:
            line = f"addb,{self.rng.choice(BRANCH_ADD)}{n} {self.reg()},{self.dest()},{target}"
        elif r < 0.85:
            cond = self.rng.choice(SHIFT[1:])
            line = f"movb,{cond}{n} {self.reg()},{self.dest()},{target}"
        elif r < 0.95:
            line = f"bb,{self.rng.choice(['<', '>='])}{n} {self.reg()},{self.rng.randrange(32)},{target}"
        else:
            line = f"bl{n} {target},{self.dest()}"
        filler = [x for _ in range(self.rng.randrange(4)) for x in self.simple()]
        return [line, *filler, f"{target}:"]

    def simple(self) -> list[str]:
        r = self.rng.random()
        if r < 0.35:
            return self.alu()
        if r < 0.6:
            return self.immediate()
        if r < 0.8:
            return self.field()
        lines = self.memory()
        if "%r1(" in lines[0]:
            # a nop first: the instruction before may nullify the next one
            lines = ["nop", f"extru {self.reg()},31,4,%r1", *lines]
        return lines

    def program(self, count: int, variable: float = 0.0) -> str:
        """``count`` instructions; ``variable``: the share of variable()."""
        lines = [f"ldil L%buffer,%r{BASE}", f"ldo R%buffer(%r{BASE}),%r{BASE}"]
        lines += [f"ldw {4 * r}(%r{BASE}),%r{r}" for r in range(1, 32) if r not in (BASE, 30)]
        emitted = 0
        while emitted < count:
            if variable and self.rng.random() < variable:
                chunk = self.variable()
            else:
                chunk = self.branch() if self.rng.random() < 0.15 else self.simple()
            lines += chunk
            emitted += sum(not line.endswith(":") for line in chunk)
        return self.wrap(lines)

    def systematic(self) -> str:
        """Every SAR-controlled form with SAR = 0, 1, 31, 16 and 30, every
        condition, len = 1, 2, 31 and 32, each followed by an addi that a
        condition holding nullifies; BVB on each SAR, both senses."""
        lines = [f"ldil L%buffer,%r{BASE}", f"ldo R%buffer(%r{BASE}),%r{BASE}"]
        lines += [f"ldw {4 * r}(%r{BASE}),%r{r}" for r in range(1, 32) if r not in (BASE, 30)]
        # sources with bit 0 set and clear, all ones, zero (r0), one
        lines += ["ldil L%0x80000000,%r4", "ldo 0x5a5(%r4),%r4", "ldi -1,%r5", "ldi 1,%r6",
                  "ldil L%0x7fff0000,%r7", "ldo 0x1234(%r7),%r7"]
        sources = ["%r4", "%r5", "%r6", "%r7", "%r0", "%r9"]
        for number, sar in enumerate((0, 1, 31, 16, 30)):
            lines += [f"ldi {sar},%r1", "mtsar %r1"]
            for index, cond in enumerate(SHIFT):
                c = f",{cond}" if cond else ""
                for length in (1, 2, 31, 32):
                    source = sources[(index + length + number) % len(sources)]
                    dest = "%r0" if (index + length) % 7 == 0 else f"%r{10 + (index + length) % 9}"
                    imm = (-16, -1, 0, 15)[(index + length) % 4]
                    for line in (f"vextru{c} {source},{length},{dest}",
                                 f"vextrs{c} {source},{length},{dest}",
                                 f"zvdep{c} {source},{length},{dest}",
                                 f"vdep{c} {source},{length},{dest}",
                                 f"zvdepi{c} {imm},{length},{dest}",
                                 f"vdepi{c} {imm},{length},{dest}"):
                        lines += [line, "addi 1,%r20,%r20"]
                lines += [f"vshd{c} {source},{sources[index % len(sources)]},%r21", "addi 1,%r20,%r20"]
            for source in sources:
                for sense in ("<", ">="):
                    for n in ("", ",n"):
                        target = self.label()
                        lines += [f"bvb,{sense}{n} {source},{target}", "addi 1,%r22,%r22",
                                  "addi 1,%r23,%r23", f"{target}:"]
        return self.wrap(lines)

    def wrap(self, lines: list[str]) -> str:
        data = "\n".join(f"\t.word 0x{self.rng.getrandbits(32):08x}" for _ in range(BUFFER_BYTES // 4))
        body = "\n".join(line if line.endswith(":") else f"\t{line}" for line in lines)
        return (f"\t.text\n\t.globl _start\n_start:\n{body}\n{EXIT}"
                f"\t.data\n\t.align 8\nbuffer:\n{data}\n")


_RECORD = re.compile(r"IA_F ([0-9a-f]{8}) IA_B ([0-9a-f]{8}).*\nPSW\s+([0-9a-f]{8}).*\n((?:GR.*\n){8})")
_FIELD = re.compile(r"GR(\d\d) ([0-9a-f]{8})")


def parse_qemu_log(text: str) -> list[tuple[int, int, int, list[int]]]:
    """[(IA_F, IA_B, PSW, [gr0..gr31])] for each instruction qemu logged."""
    records = []
    for match in _RECORD.finditer(text):
        regs = [0] * 32
        for number, value in _FIELD.findall(match.group(4)):
            regs[int(number)] = int(value, 16)
        records.append((int(match.group(1), 16) & ~3, int(match.group(2), 16) & ~3,
                        int(match.group(3), 16), regs))
    return records


def run_under_qemu(qemu: str, source: str) -> tuple[Path, list]:
    workdir = Path(tempfile.mkdtemp(prefix="hppa-diff-"))
    elf = link(source, ["-static", "-Ttext=0x10000"], workdir)
    log = workdir / "LOG"
    result = subprocess.run([qemu, "-singlestep", "-d", "cpu,nochain", "-D", str(log), str(elf)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"qemu-hppa failed: {result.stderr}"
    return elf, parse_qemu_log(log.read_text())


def compare_with_backend(elf: Path, records: list, label: str) -> int:
    """Run the ELF under HppaBackend from qemu's first state; assert every
    boundary matches qemu's log.  Returns the instructions compared."""
    program = load_elf(elf)
    backend = HppaBackend()
    for address, data in program.segments:
        start = address & ~0xFFF
        backend.map_memory(start, (address + len(data) - start + 0xFFF) & ~0xFFF)
        backend.write_memory(address, data)
    front, back, psw, regs = records[0]
    for number, value in enumerate(regs):
        backend.write_register(f"r{number}", value)
    backend.write_register("pc", front)
    backend.write_register("npc", back)
    backend.write_register("psw", psw & COMPARED_PSW)
    backend.write_register("privilege", 3)        # qemu-user runs the program at privilege 3
    exit_call = program.symbols["exit_call"]      # the exit system call, outside the model
    index = 0

    def on_boundary(pc: int) -> bool:
        nonlocal index
        if pc == exit_call:
            return False
        want_front, want_back, want_psw, want_regs = records[index]
        if backend.read_register("psw") & PSW_N and want_front != pc:
            return True       # qemu goes past a nullified delay slot without logging it
        got = [backend.read_register(f"r{n}") for n in range(32)]
        state = (pc, backend.read_register("npc"), backend.read_register("psw") & COMPARED_PSW, got)
        if state != (want_front, want_back, want_psw & COMPARED_PSW, want_regs):
            previous = records[index - 1][0] if index else None
            diffs = [f"r{n}: qemu 0x{w:x} ours 0x{g:x}"
                     for n, (w, g) in enumerate(zip(want_regs, got)) if w != g]
            raise AssertionError(
                f"{label}: state differs before instruction {index} (queue qemu "
                f"0x{want_front:x}/0x{want_back:x} N={want_psw >> 21 & 1}, ours 0x{pc:x}/"
                f"0x{state[1]:x} N={state[2] >> 21 & 1}; carry qemu {want_psw >> 15 & 1} "
                f"ours {state[2] >> 15 & 1}); previous instruction "
                + (f"0x{previous:x} {backend.disassemble(previous)[1]}" if previous is not None
                   else "none") + "; " + "; ".join(diffs))
        index += 1
        return pc != exit_call

    backend.run(on_boundary)
    return index


@pytest.fixture(scope="module")
def runs():
    qemu = _qemu()
    rng = random.Random(SEED)
    sources = [ProgramGenerator(rng).program(INSTRUCTIONS_PER_PROGRAM) for _ in range(PROGRAMS)]
    rng = random.Random(VARIABLE_SEED)
    sources += [ProgramGenerator(rng).program(INSTRUCTIONS_PER_PROGRAM, variable=0.4)
                for _ in range(VARIABLE_PROGRAMS)]
    sources.append(ProgramGenerator(rng).systematic())
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = list(pool.map(lambda s: run_under_qemu(qemu, s), sources))
    yield done
    for elf, _ in done:
        shutil.rmtree(elf.parent)


def test_hppa_against_qemu(runs):
    compared = 0
    for number, (elf, records) in enumerate(runs):
        assert len(records) > 100, f"program {number}: qemu logged too little"
        seed = SEED if number < PROGRAMS else VARIABLE_SEED
        compared += compare_with_backend(elf, records, f"program {number} (seed {seed})")
    assert compared >= MINIMUM_COMPARED, compared


def test_disassembly_matches_objdump(runs):
    """Every instruction word of the random programs disassembles as
    hppa-linux-gnu-objdump prints it (the exit's ble aside: outside the model)."""
    checked = 0
    for elf, _ in runs:
        program = load_elf(elf)
        text = objdump(elf)
        segment = {a: d for a, d in program.segments}
        for address, want in text.items():
            base = max(a for a in segment if a <= address)
            word = int.from_bytes(segment[base][address - base:address - base + 4], "big")
            if word >> 26 == 0x39:          # ble, the exit
                continue
            assert disassemble_word(word, address) == want, (hex(address), hex(word))
            checked += 1
    assert checked > 10_000
