"""Instructions with no meaning in this model (halt, stop, breakpoints,
port and MSR I/O, the host's clock, system calls), jumps into and writes to
the emulator's private page, and runaways: each is a fault naming the
instruction's address, in `run` (one step at a time) and in the case runs
`check` makes (run_watching) alike; through the CLI, exit 2 and one line."""

from __future__ import annotations

import re

import pytest

from emu.backends import CpuFault
from emu.machine import SENTINEL

from conftest import machine_for, run_cli
from test_bad_input import assert_one_line_error

# (port, instructions before the bad one, the bad instruction, what the fault says)
I386 = [
    ("hlt", "halts the CPU"),
    ("rdtsc", "counter of the host"),
    ("rdtscp", "counter of the host"),
    ("inb $0x60, %al", "port I/O"),
    ("outb %al, $0x80", "port I/O"),
    ("rep insb", "port I/O"),
    ("wrmsr", "model-specific register"),
    ("rdmsr", "model-specific register"),
    ("syscall", "system call"),
    ("sysenter", "system call"),
    ("int $0x80", "system call"),
    ("int3", "system call"),
    ("rdrand %eax", "random"),
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
CASES = [("i386", "nop", bad, what) for bad, what in I386] + \
        [("m68k", "nop", bad, what) for bad, what in M68K]


def snippet(tmp_path, port, before, bad):
    """A routine `f` whose fourth line is the bad instruction, labelled `bad`."""
    ret = "ret" if port == "i386" else "rts"
    path = tmp_path / f"{port}.S"
    path.write_text(f"\t.globl f, bad\nf:\t{before}\n\t{before}\nbad:\t{bad}\n\t{ret}\n")
    return path


@pytest.mark.parametrize("port,before,bad,what", CASES)
def test_run_faults_at_the_instruction(tmp_path, port, before, bad, what):
    path = snippet(tmp_path, port, before, bad)
    result = run_cli("run", port, str(path), "--call", "f")
    assert_one_line_error(result, re.escape(what) + r".* at 0x[0-9a-f]{8} \(.*\.S:4\)$")


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


def test_interrupt_entry_still_runs_in_the_private_page():
    """m68k's interrupt entry is a trampoline in the private page: a case
    run through it reaches the handler and returns."""
    machine = machine_for("m68k")
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
