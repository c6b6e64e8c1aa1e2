"""The amd64 port (archs/amd64.yaml, kernel_snippets/amd64/) end to end:
the CPU's 64-bit interrupt entry and iretq as the Intel SDM describes
them, traces in 64-bit disassembly, i386's cpl scheme in 64-bit mode, and
what the port says about PR#20390 (softnet preempts softclock-level code)."""

from __future__ import annotations

import re
import struct

from emu.machine import STACK_SIZE, Injection

from conftest import DATA, broken, machine_for, port_model, run_cli

KERNEL_CS, KERNEL_SS = 0x08, 0x10
RFLAGS_IF, RFLAGS_TF = 1 << 9, 1 << 8


def test_interrupt_entry_pushes_the_64_bit_frame():
    """Intel SDM vol. 3A §6.14.2: in 64-bit mode the CPU aligns RSP down to
    16 bytes, then pushes SS, RSP, RFLAGS, CS, RIP (also without a privilege
    change), and an interrupt gate clears IF and TF (§6.12.1.3)."""
    port, machine = port_model("amd64"), machine_for("amd64")
    entry = machine.prepare_call("splraise", [0], 0)
    backend = machine.backend
    rsp = backend.read_register("rsp")
    assert rsp % 16 == 8                       # after the call's return address: misaligned
    backend.write_register("rflags", 0x202 | RFLAGS_TF | 0x1)   # CF set, to see RFLAGS saved whole
    stub = machine.stub_address(port.source("clock"))
    backend.take_interrupt(None, 32, stub)
    new_rsp = backend.read_register("rsp")
    assert new_rsp == (rsp & ~0xF) - 40
    rip, cs, rflags, old_rsp, ss = struct.unpack("<5Q", backend.read_memory(new_rsp, 40))
    assert (rip, cs, rflags, old_rsp, ss) == (entry, KERNEL_CS, 0x202 | RFLAGS_TF | 0x1, rsp, KERNEL_SS)
    assert backend.read_register("rflags") & (RFLAGS_IF | RFLAGS_TF) == 0
    assert backend.pc == stub


def test_iretq_returns_to_the_interrupted_state():
    """SDM vol. 3A §6.14.3: iretq pops RIP, CS, RFLAGS, RSP and SS
    unconditionally in 64-bit mode: the interrupted code resumes with its
    own (misaligned) RSP and IF=1."""
    port, machine = port_model("amd64"), machine_for("amd64")
    result = machine.call("splraise", [port.spl_of("IPL_NET")], 0,
                          [Injection(port.source("clock"), 1)], trace=True)
    assert [e.detail for e in result.of_kind("return")] == ["restored"]
    assert [s.text for s in result.trace if s.text.startswith("iret")] == ["iretq"]
    assert machine.backend.read_register("rsp") == machine.stack_base + STACK_SIZE - 0x100
    assert machine.backend.read_register("rflags") & RFLAGS_IF
    assert result.priority_after == port.priority_of("IPL_NET")


def test_trace_shows_64_bit_disassembly():
    result = run_cli("run", "amd64", "--call", "spllower", "--arg", "IPL_NONE", "--ipl", "IPL_NET",
                     "--inject", "softnet@0", "--trace")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    for insn in ("pushq %rax", "pushfq", "iretq", "retq"):       # AT&T, as the snippets
        assert insn in text, (insn, text)
    for insn in (r"movl 0x[0-9a-f]+\(%rip\), %eax  # cpl", r"orl \$0x40000000, 0x[0-9a-f]+\(%rip\)  # ipending"):
        assert re.search(insn, text), (insn, text)       # RIP-relative operands name their target
    assert "softnet pended" in text and "softnet handler runs at 0xc0000000 IPL_SOFTNET (replay)" in text
    assert "returned 0xc0004400" in text


def test_softnet_preempts_softclock_level_code():
    """PR#20390's window exists on amd64 as on i386: IPL_SOFTCLOCK blocks
    only softclock, so softnet runs at once."""
    port, machine = port_model("amd64"), machine_for("amd64")
    softnet = port.source("softnet")
    result = machine.call("splraise", [port.spl_of("IPL_NONE")], port.priority_of("IPL_SOFTCLOCK"),
                          [Injection(softnet, 0)])
    assert [(e.source, e.detail) for e in result.of_kind("handler")] == [("softnet", "direct")]


def test_cdecl_habit_fails_exact():
    """The i386 habit on amd64 (argument read from the stack) is caught."""
    result = run_cli("check", "amd64", "--snippet", broken("amd64"), "--routine", "spllower_cdecl=lower")
    assert result.returncode == 1, result.stderr
    assert re.search(r"^  exact +FAILS", result.stdout, re.M)
    assert "counter-example: amd64 spllower_cdecl from IPL_" in result.stdout



def test_an_address_that_cannot_reach_the_kernel_s_is_refused(tmp_path):
    """Red team 28 A F1: `movl $cpl, %ecx` zero-extends a 32-bit absolute
    address (R_X86_64_32), which works at the model's low addresses and
    cannot reach cpl where NetBSD/amd64's kernel is linked
    (assembler.kernel_text): exit 2, one line naming the file and line.
    The sign-extended form (movq $cpl: R_X86_64_32S) links there."""
    snippet = DATA / "broken" / "amd64" / "redteam28_zext_addr.S"
    result = run_cli("check", "amd64", "--snippet", str(snippet), "--routine",
                     "rt_raise_zext=raise", "--ipl", "none", "--ipl", "softclock")
    assert result.returncode == 2 and result.stdout == ""
    line = next(n for n, text in enumerate(snippet.read_text().splitlines(), 1)
                if "movl\t$cpl, %ecx" in text)
    assert result.stderr == (f"iplemu: {snippet}:{line}: relocation truncated to fit: R_X86_64_32 "
                             "against symbol `cpl' (linked where amd64's kernel is, at "
                             "0xffffffff80100000: assembler.kernel_text)\n")
    fixed = tmp_path / "signed.S"
    fixed.write_text(snippet.read_text().replace("movl\t$cpl, %ecx", "movq\t$cpl, %rcx"))
    assert "movq\t$cpl, %rcx" in fixed.read_text()
    assert run_cli("check", "amd64", "--snippet", str(fixed), "--routine",
                   "rt_raise_zext=raise", "--ipl", "none").returncode in (0, 1)
