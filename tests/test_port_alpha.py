"""The alpha port (archs/alpha.yaml, kernel_snippets/alpha/) end to end:
the CLI on a user file, traces in Alpha disassembly, faults as one line,
and what the port says about PR#20390 (softnet and softclock share IPL 1,
spllower is one PAL call)."""

from __future__ import annotations

import json
import re

from emu.machine import STACK_SIZE, Injection

from conftest import DATA, machine_for, port_model, run_cli


def test_swpipl_from_ipl_2_acceptance():
    """The issue's check: swpipl(6) entered at IPL 2 leaves IPL 6 and
    returns the old IPL, 2."""
    result = run_cli("run", "alpha", str(DATA / "alpha_swpipl.S"), "--call", "swpipl6",
                     "--ipl", "2", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["ipl_before"]["value"] == 2
    assert data["ipl_after"]["value"] == 6
    assert data["ipl_after"]["name"] == "IPL_HIGH"
    assert data["returned"] == 2


def test_trace_shows_alpha_disassembly():
    result = run_cli("run", "alpha", "--call", "splraise", "--arg", "IPL_CLOCK",
                     "--ipl", "IPL_NET", "--inject", "clock@1", "--trace")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    for insn in ("call_pal 0x36", "and v0,0x7,v0", "cmple a0,v0,t0", "call_pal 0x35",
                 "ldgp", "jsr ra,(t12),handler_clock", "call_pal 0x3f", "ret"):
        if insn == "ldgp":      # ldgp is a macro: objdump shows its ldah/lda pair
            assert re.search(r"ldah gp,\d+\(t12\)", text), text
            continue
        assert insn in text, (insn, text)
    # the image runs where NetBSD/alpha's kernel is linked (assembler.run_at_kernel_text)
    assert re.search(r"0xfffffc0000230[0-9a-f]{3}  call_pal 0x36 .* spl\.S:\d+", text), text
    assert "clock TAKEN" in text and "clock returns to 4 IPL_BIO" in text
    assert "(restored)" in text
    assert "returned 0x4" in text and "-> 5 IPL_CLOCK" in text


def test_unimplemented_instruction_is_one_line_naming_the_address():
    result = run_cli("run", "alpha", str(DATA / "bad" / "alpha_faults.S"), "--call", "trapping")
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    # the assembler emitted it: a legal instruction (no verdict), not "or an illegal one"
    assert re.fullmatch(r"iplemu: not modelled: addq/v t0,t1,t2 \(0x[0-9a-f]{8}\): a legal instruction this "
                        r"model does not run \(the assembler emitted it; the model's decode table "
                        r"lacks it\) at 0x[0-9a-f]{16} \(.*alpha_faults\.S:5\)", lines[0]), lines[0]


def test_spllower_is_one_pal_call_above_ipl_0():
    """NetBSD/alpha 1.6 had no spllower; on alpha it is swpipl alone, but
    to IPL 0, where spl0 runs the soft interrupts pending in ssir first."""
    port, machine = port_model("alpha"), machine_for("alpha")
    result = machine.call("spllower", [port.spl_of("IPL_BIO")], port.priority_of("IPL_HIGH"),
                          trace=True)
    assert [s.text.split()[0] for s in result.trace] == ["beq", "call_pal", "ret"]
    assert (result.priority_after, result.returned) == (4, 6)
    result = machine.call("spllower", [port.spl_of("IPL_NONE")], port.priority_of("IPL_HIGH"),
                          trace=True)
    assert any((s.symbol or "").startswith("spl0") for s in result.trace)
    assert (result.priority_after, result.returned) == (0, 6)


def test_softnet_cannot_preempt_softclock_level_code():
    """PR#20390's window does not exist on alpha: softclock and softnet are
    both level 1 (ssir bits that only spl0 and an interrupt's return to
    IPL 0 run), so softnet waits until the IPL drops to 0."""
    port, machine = port_model("alpha"), machine_for("alpha")
    assert port.priority_of("IPL_SOFTCLOCK") == port.priority_of("IPL_SOFTNET") == 1
    softnet = port.source("softnet")
    result = machine.call("splraise", [port.spl_of("IPL_NONE")], port.priority_of("IPL_SOFTCLOCK"),
                          [Injection(softnet, 0)])
    assert [e.source for e in result.of_kind("pended")] == ["softnet"]
    assert result.of_kind("handler") == []
    assert result.pending_after == 1 << softnet.bit
    result = machine.call("splx", [port.spl_of("IPL_NONE")], port.priority_of("IPL_SOFTCLOCK"),
                          [Injection(softnet, 0)])
    handlers = result.of_kind("handler")
    assert [(e.source, e.priority) for e in handlers] == [("softnet", 1)]
    assert (result.priority_after, result.pending_after) == (0, 0)


def test_a_soft_interrupt_posted_above_ipl_0_waits_for_spl0():
    """A soft source's request is the device interrupt that posts it (the
    clock's, at IPL 5, for softclock): taken at IPL 4 it sets its ssir bit
    and returns to 4, not 0, so its handler has not run; the port's splx(0)
    runs it at IPL 1 before it lowers, and a plain swpipl(0), NetBSD's
    convention broken, leaves it pending (tests/data/broken/alpha)."""
    port, machine = port_model("alpha"), machine_for("alpha")
    softclock = port.source("softclock")
    assert (softclock.level, port.blocks(1, softclock), port.blocks(0, softclock)) == (5, True, False)
    result = machine.call("splx", [port.spl_of("IPL_NONE")], port.priority_of("IPL_BIO"),
                          [Injection(softclock, 0)])
    assert [e.source for e in result.of_kind("pended")] == ["softclock"]
    assert [(e.source, e.priority) for e in result.of_kind("handler")] == [("softclock", 1)]
    assert (result.priority_after, result.pending_after) == (0, 0)


def test_stub_counts_and_restores_registers():
    """A device interrupt in the middle of splraise, between its cmple and
    its bne on t0 (which the handler overwrites): the handler runs (and
    stores nothing: count_ether stays 0), and the stub and rti give the
    routine back t0, sp and its IPL."""
    port, machine = port_model("alpha"), machine_for("alpha")
    ether = port.source("ether")
    result = machine.call("splraise", [port.spl_of("IPL_CLOCK")], 0, [Injection(ether, 3)])
    assert [e.source for e in result.of_kind("handler")] == ["ether"]
    assert [e.detail for e in result.of_kind("return")] == ["restored"]
    assert (result.returned, result.priority_after) == (0, 5)
    count = machine.image.symbol("count_ether")
    assert int.from_bytes(machine.backend.read_memory(count, 8), "little") == 0
    assert machine.backend.read_register("sp") == machine.stack_base + STACK_SIZE - 0x100
