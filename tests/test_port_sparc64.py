"""The sparc64 port (archs/sparc64.yaml, kernel_snippets/sparc64/) end to
end: listed, traced in V9 disassembly, interrupts entered at TL+1 and
returned with retry, and the table's row as the sources say (a level port,
softclock and softnet share PIL 1)."""

from __future__ import annotations

import json

from emu.check import check_routine
from emu.machine import Injection

from conftest import broken, machine_for, port_model, run_cli


def test_ports_lists_sparc64():
    result = run_cli("ports")
    assert result.returncode == 0, result.stderr
    assert "sparc64" in result.stdout and "%pil" in result.stdout


def test_trace_shows_the_interrupt_path_at_tl_1():
    result = run_cli("run", "sparc64", "--call", "spllower", "--arg", "IPL_NONE",
                     "--ipl", "IPL_CLOCK", "--inject", "softnet@0", "--inject", "clock@2", "--trace")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    for insn in ("rdpr %pil, %o1", "wrpr %o0, 0, %pil", "rdpr %tstate, %l0", "wrpr 0, %tl",
                 "retry", "save %sp"):
        assert insn in text, (insn, text)
    assert "softnet handler runs at 1 " in text


def test_nested_interrupt_returns_through_both_trap_levels():
    """softnet's handler interrupted by the clock: each retry restores the
    TSTATE of its own level; the routine ends where it would alone."""
    port, machine = port_model("sparc64"), machine_for("sparc64")
    softnet = next(s for s in port.sources if s.name == "softnet")
    clock = next(s for s in port.sources if s.name == "clock")
    alone = machine.call("splx", [0], priority=15)
    nested = machine.call("splx", [0], priority=15,
                          injections=[Injection(softnet, 0), Injection(clock, 20)])
    handlers = [e.source for e in nested.of_kind("handler")]
    returns = [e for e in nested.of_kind("return")]
    assert handlers == ["softnet", "clock"] and len(returns) == 2
    assert all(e.detail == "restored" for e in returns)
    assert nested.priority_after == alone.priority_after == 0
    assert machine.backend.read_register("tl") == 0


def test_table_row_agrees_with_the_sources():
    """psl.h 1.20: spl values are the PIL; splsoftclock = splsoftnet =
    splsoftint (PIL 1): shared, so no PR#20390 window without a fix."""
    result = run_cli("table", "--ports", "sparc64", "--format", "json")
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout)["rows"][0]
    assert row["priority_kind"] == "level" and row["soft_levels"] == "shared"
    assert row["spllower"] == "yes" and row["ipl_compare"] == "yes"
    port = port_model("sparc64")
    assert port.ipls["IPL_SOFTCLOCK"].value == port.ipls["IPL_SOFTNET"].value == 1


def test_a_stub_returning_with_done_skips_the_interrupted_instruction():
    """V9 A.11: DONE resumes at TNPC.  A stub that returns with done
    instead of retry loses the instruction the interrupt arrived before:
    splx's retl is skipped and the CPU runs on past the routine."""
    machine = machine_for("sparc64", broken("sparc64"), (("clock", "Xintr_clock_done"),))
    splx = port_model("sparc64").routines["splx"]
    result = check_routine(machine, "splx", splx.symbol, "restore", returns_value=splx.returns_value)
    verdict = result.verdicts["no_fault"]
    assert not verdict.holds and verdict.counter_example.source == "clock"


def test_clear_softint_withdraws_a_pending_soft_request():
    """UltraSPARC CLEAR_SOFTINT (%asr21; NetBSD psl.h: CLEAR_SOFTINT): a
    lowering that clears the level-1 bit drops the softclock request
    posted while PIL blocked it; the trace says so, and check calls it
    lost."""
    result = run_cli("run", "sparc64", broken("sparc64"), "--call", "spllower_clears_softint",
                     "--arg", "IPL_NONE", "--ipl", "IPL_CLOCK", "--inject", "softclock@0",
                     "--trace")
    assert result.returncode == 0, result.stderr
    assert "wr 2, %asr21" in result.stdout
    assert "softclock request cleared by software" in result.stdout
    assert "handlers: none" in result.stdout
