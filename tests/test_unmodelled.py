"""Instructions the model refuses (halt, stop, breakpoints, port and MSR
I/O, the host's clock, system calls) or that the model's CPU does not
have (the 80386's, the first x86-64s'), jumps into and writes to the emulator's private page,
and runaways: each stops the run naming the
instruction's address, in `run` (one step at a time) and in the case runs
`check` makes (run_watching) alike; through the CLI, exit 2 and one line.
A halt and the CPU's own faults are faults (a check fails no_fault); what
the CPU runs and the model does not cover (a device, the host's clock, the
kernel's trap handler) is NotModelled (a check gives no verdict, exit 2)."""

from __future__ import annotations

import re

import pytest

from emu.backends import CpuFault, NotModelled
from emu.machine import SENTINEL

from conftest import machine_for, run_cli
from test_bad_input import assert_one_line_error

# (port, instructions before the bad one, the bad instruction, what the fault says)
I386 = [
    ("hlt", "halts the CPU"),
    # the 80386 has none of these (x86.INSTRUCTION_SETS): #UD before anything else
    ("rdtsc", "rdtsc is not an 80386 instruction"),
    ("rdtscp", "rdtscp is not an 80386 instruction"),
    ("inb $0x60, %al", "port I/O"),
    ("outb %al, $0x80", "port I/O"),
    ("rep insb", "port I/O"),
    ("wrmsr", "wrmsr is not an 80386 instruction"),
    ("rdmsr", "rdmsr is not an 80386 instruction"),
    ("syscall", "syscall is not an 80386 instruction"),
    ("sysenter", "sysenter is not an 80386 instruction"),
    ("int $0x80", "system call"),
    ("int3", "system call"),
    ("rdrand %eax", "rdrand is not an 80386 instruction"),
    ("lock cmpxchgl %eax, (%esp)", "cmpxchg is not an 80386 instruction: an invalid opcode"),
    ("bswap %eax", "bswap is not an 80386 instruction"),
    ("cmovel %eax, %ebx", "cmove is not an 80386 instruction"),
    ("movl %eax, 0xf00100", "write of 0x00f00100, the emulator's private page"),
    ("jmp 0xf00000", "jump to 0x00f00000, the emulator's private page"),
    ("movl 0x50000000, %eax", "unmapped read of 0x50000000"),
]
M68K = [
    ("stop #0x2700", "stops the CPU"),
    ("bkpt #0", "breakpoint"),
    ("bkpt #7", "breakpoint"),     # 0x4848-0x484f: the only first words that hang unicorn
    ("reset", "resets external devices"),
    ("trap #0", "trap to the operating system"),
    ("trapv", "trap to the operating system"),
    ("move.l %d0, 0xf00100", "write of 0x00f00100, the emulator's private page"),
    ("jmp 0xf00000", "jump to 0x00f00000, the emulator's private page"),
    ("jmp 0xf00100", "jump to 0x00f00100, the emulator's private page"),
]
AMD64 = [
    ("hlt", "halts the CPU"),
    ("rdtsc", "counter of the host"),
    ("inb $0x60, %al", "port I/O"),
    ("wrmsr", "model-specific register"),
    ("syscall", "system call"),
    ("sysretq", "system call"),
    # invalid in AMD's long mode, so not the first x86-64s' (x86.INSTRUCTION_SETS)
    ("sysexitq", "sysexitq is not an x86-64 baseline (K8, first EM64T) instruction"),
    ("rdtscp", "rdtscp is not an x86-64 baseline"),
    ("rdrand %eax", "rdrand is not an x86-64 baseline"),
    ("lahf", "lahf is not an x86-64 baseline"),
    ("swapgs", "swaps GS.base with an MSR"),
    ("int $0x80", "system call"),
    ("movl %eax, 0xf00100", "write of 0x00f00100, the emulator's private page"),
    ("movq 0x50000000, %rax", "unmapped read of 0x50000000"),
]
#: a direct jmp to a low absolute address cannot link where the kernel is
#: (assembler.kernel_text): amd64 jumps there through a register
AMD64_PRIVATE_JUMP = "jump to 0x00f00000, the emulator's private page"
POWERPC = [
    ("stw %r3, 0x100(%r4)", "write of 0x00f00100, the emulator's private page"),
    ("ba 0xf00000", "jump to 0x00f00000, the emulator's private page"),
    ("lwz %r3, 0(%r5)", "unmapped read of 0x50000000"),
]
SH3 = [
    ("sleep", "sleep halts the CPU"),
    ("trapa #0", "not modelled: trapa #0"),
    ("ldtlb", "not modelled: ldtlb"),
    # legal, the assembler emitted them, the decoder lacks them: no verdict
    # (red team 28 B F3: a correct routine failed no_fault)
    ("tas.b @r15", "tas.b @r15 (0x4f1b): a legal instruction this model does not run"),
    ("mac.w @r4+,@r5+", "a legal instruction this model does not run"),
    # an SR write in a delay slot: the slot illegal instruction exception, at
    # the branch (SH7708 Series Hardware Manual 4), a fault of the CPU
    ("bra 1f\n\tldc r4,sr\n1:", "slot illegal instruction: ldc r4,sr in a delay slot"),
    ("div1 r4,r4", "not modelled: div1 Rn,Rn"),
]
CASES = [("i386", "nop", bad, what) for bad, what in I386] + \
        [("amd64", "nop", bad, what) for bad, what in AMD64] + \
        [("amd64", "movl $0xf00000, %eax", "jmp *%rax", AMD64_PRIVATE_JUMP)] + \
        [("m68k", "nop", bad, what) for bad, what in M68K] + \
        [("powerpc", "lis %r4, 0xf0\n\tlis %r5, 0x5000", bad, what) for bad, what in POWERPC] + \
        [("sh3", "nop", bad, what) for bad, what in SH3]
#: what the CPU's own faults (and halts) say; every other row is NotModelled
CPU_FAULTS = ("halts the CPU", "stops the CPU", "private page", "unmapped", "decode table",
             "not an 80386 instruction", "not an x86-64 baseline",   # #UD on the port's CPU
             "slot illegal instruction")
RETURN = {"i386": "ret", "amd64": "ret", "m68k": "rts", "powerpc": "blr", "sh3": "rts\n\tnop"}


def snippet(tmp_path, port, before, bad):
    """A routine `f` whose bad instruction, labelled `bad`, follows `before` twice."""
    path = tmp_path / f"{port}.S"
    path.write_text(f"\t.globl f, bad\nf:\t{before}\n\t{before}\nbad:\t{bad}\n\t{RETURN[port]}\n")
    return path


@pytest.mark.parametrize("port,before,bad,what", CASES)
def test_run_faults_at_the_instruction(tmp_path, port, before, bad, what):
    path = snippet(tmp_path, port, before, bad)
    result = run_cli("run", port, str(path), "--call", "f")
    line = next(number for number, text in enumerate(path.read_text().splitlines(), 1)
                if text.startswith("bad:"))
    assert_one_line_error(result, re.escape(what) + rf".* at 0x[0-9a-f]{{8,16}} \(.*\.S:{line}\)$")


@pytest.mark.parametrize("port,before,bad,what", CASES)
def test_case_runs_fault_where_run_does(tmp_path, port, before, bad, what):
    """The block-hooked run `check` uses and the stepped run `run` uses
    report the same fault at the same address."""
    machine = machine_for(port, str(snippet(tmp_path, port, before, bad)))
    where = machine.image.symbol("bad")
    faults = []
    for runner in (lambda b: b.run(lambda pc: pc != SENTINEL),
                   lambda b: b.run_watching(lambda pc: pc != SENTINEL, {SENTINEL}, 1000)):
        machine.prepare_call("f", [0], 0)
        with pytest.raises(CpuFault) as fault:
            runner(machine.backend)
        faults.append((fault.value.address, fault.value.message))
    assert faults[0] == faults[1]
    assert faults[0][0] == where and what in faults[0][1]
    assert isinstance(fault.value, NotModelled) == (not any(
        fault_kind in what for fault_kind in CPU_FAULTS))


@pytest.mark.parametrize("port", ["i386", "m68k"])
def test_an_earlier_fault_in_the_block_wins(tmp_path, port):
    """An unmapped read before a halt in the same block is the fault."""
    read = "movl 0x50000000, %eax" if port == "i386" else "move.l 0x50000000, %d0"
    halt = "hlt" if port == "i386" else "stop #0x2700"
    machine = machine_for(port, str(snippet(tmp_path, port, read, halt)))
    machine.prepare_call("f", [0], 0)
    with pytest.raises(CpuFault) as fault:
        machine.backend.run_watching(lambda pc: pc != SENTINEL, {SENTINEL}, 1000)
    assert fault.value.address == machine.image.symbol("f")
    assert "unmapped read of 0x50000000" in fault.value.message


@pytest.mark.parametrize("port", ["i386", "m68k"])
def test_every_instruction_counts_towards_the_limit(tmp_path, port):
    loop = "jmp f" if port == "i386" else "bra f"
    machine = machine_for(port, str(snippet(tmp_path, port, "nop", loop)))
    machine.prepare_call("f", [0], 0)
    with pytest.raises(RuntimeError, match="no return after 500 instructions"):
        machine.backend.run_watching(lambda pc: pc != SENTINEL, {SENTINEL}, 500)
    result = run_cli("run", port, str(tmp_path / f"{port}.S"), "--call", "f", "--max-steps", "300")
    assert_one_line_error(result, r"runaway: no return after 300 steps")


@pytest.mark.parametrize("port", ["m68k", "powerpc"])
def test_interrupt_entry_still_runs_in_the_private_page(port):
    """m68k's and powerpc's interrupt entries are trampolines in the
    private page: a case run through one reaches the handler and returns."""
    machine = machine_for(port)
    source = machine.port.sources[0]
    seen = []
    machine.prepare_call("splraise", [machine.port.spl_of("IPL_NONE")], 0)
    machine.backend.take_interrupt(source.level, source.vector, machine.stub_address(source))
    handlers = set(machine.handler_addresses)

    def on_address(pc):
        seen.append(pc)
        return pc != SENTINEL
    machine.backend.run_watching(on_address, handlers | {SENTINEL}, 1000)
    assert seen[0] in handlers and seen[-1] == SENTINEL


def test_a_long_straight_run_is_decoded_once_not_once_per_step(tmp_path):
    """`run` steps one instruction at a time and unicorn hands each step the
    rest of the straight run as its block: each instruction is disassembled
    once, not once per step through it (a fuzz input that fell into zeroed
    m68k memory, where 0x0000 0000 is ori.b #0,%d0, took ~1 ms a step and
    ran into the wall-clock limit)."""
    source = tmp_path / "straight.S"
    source.write_text("\t.text\n\t.globl f\nf:\n\t.rept 400\n\tori.b #0, %d0\n\t.endr\n\trts\n")
    machine = machine_for("m68k", str(source))
    backend = machine.backend
    decoded = []
    run_decoder = backend._disassemble_run

    def counting(start, end):
        decoded.append((start, end))
        run_decoder(start, end)
    backend._disassemble_run = counting
    result = machine.call("f", max_steps=2000)
    assert result.steps > 400
    straight = [(start, end) for start, end in decoded if start < machine.image.symbol("f") + 1600 <= end]
    assert len(straight) == 1, decoded    # the run of ori.b: decoded by one call, not 400


def test_code_that_runs_into_zeroed_m68k_memory_ends_in_one_line(tmp_path):
    """A fuzz input: .balign pads with 0x0000, the first word of ori.b #imm,
    %d0, which takes the rts as its immediate; the run goes on through the
    zeroed memory after the image to its end: exit 2, one line, twice the
    same (it used to take so long it met the wall-clock limit)."""
    source = tmp_path / "balign.S"
    source.write_text("\t.text\n\t.globl f\nf:\n\tmoveq #-113, %d0\n\t.balign 4\n\trts\n")
    args = ("run", "m68k", str(source), "--call", "f", "--max-steps", "2000", "--format", "json")
    first, second = run_cli(*args), run_cli(*args)
    assert_one_line_error(first, "jump to unmapped memory at 0x")
    assert (first.stdout, first.stderr) == (second.stdout, second.stderr)


@pytest.mark.parametrize("format_word,kind,what", [
    (0x2000, NotModelled, "not modelled: rte of a frame of format $2, which the m68030 takes"),
    (0x5000, CpuFault, "rte of a frame of format $5: a format error")])
def test_rte_of_a_frame_the_cpu_takes_is_not_modelled(tmp_path, format_word, kind, what):
    """A 68030 takes frame formats $0, $1, $2, $9, $A and $B (MC68030 User's
    Manual §8.4); this model only $0: another format it takes is no
    verdict, one it does not take a format error (a fault)."""
    path = tmp_path / "rte.S"
    path.write_text(f"\t.globl f\nf:\n\tmove.l #0, -(%sp)\n\tmove.w #{format_word:#x}, -(%sp)\n"
                    f"\tpea 1f\n\tmove.w %sr, -(%sp)\n\trte\n1:\trts\n")
    machine = machine_for("m68k", str(path))
    machine.prepare_call("f", [0], 0)
    with pytest.raises(CpuFault) as fault:
        machine.backend.run(lambda pc: pc != SENTINEL)
    assert type(fault.value) is kind and fault.value.message.startswith(what), fault.value


@pytest.mark.parametrize("setting", ["move.w #0xa700, %sr", "ori.w #0x8000, %sr",
                                     "eori.w #0x8000, %sr"])
def test_a_trace_bit_set_for_one_instruction_faults_in_both_runs(tmp_path, setting):
    """SR.T1 set and cleared by the next instruction: the 68030 takes a
    trace exception after that one (MC68030 User's Manual §8.1.7), which
    unicorn never raises.  Both runs see it before the instruction after
    the write runs (a code hook there; QEMU's block ends after a MOVE to
    SR, whose next block start looks too) and name the write."""
    path = tmp_path / "trace.S"
    path.write_text(f"\t.globl f, bad\nf:\t{setting}\nbad:\tmove.w #0x2700, %sr\n"
                    "\tmoveq #1, %d0\n\trts\n")
    machine = machine_for("m68k", str(path))
    where = machine.image.symbol("f")
    for runner in (lambda b: b.run(lambda pc: pc != SENTINEL),
                   lambda b: b.run_watching(lambda pc: pc != SENTINEL, {SENTINEL}, 1000)):
        machine.prepare_call("f", [0], 0)
        with pytest.raises(CpuFault) as fault:
            runner(machine.backend)
        assert fault.value.address == where and "sets SR.T1" in fault.value.message
        assert "trace exception" in fault.value.message
        assert not isinstance(fault.value, NotModelled)
