"""The arm32 port (archs/arm32.yaml, kernel_snippets/arm32/, footbridge
2003) end to end: the CPU's IRQ entry and return against the ARM ARM,
traces in ARM disassembly, the footbridge pending replay, what the port
says about PR#20390 (softnet and softclock are distinct levels), and the
IRQ-mode bank mistake."""

from __future__ import annotations

import dataclasses

import pytest

from emu.backends.arm import CPSR_F, CPSR_I, CPSR_T, MODE_IRQ
from emu.errors import RunError
from emu.machine import STACK_BASE, STACK_SIZE, Injection

from conftest import DATA, broken, machine_for, port_model, run_cli


def _word(machine, symbol):
    return machine.read_word(machine.image.symbol(symbol))


def test_irq_entry_and_return_follow_the_arm_arm():
    """ARM ARM (DDI 0100E) §A2.6, 'Interrupt request (IRQ) exception': R14_irq = next instruction + 4,
    SPSR_irq = CPSR, mode IRQ, I = 1, F and the SVC bank untouched;
    `subs pc, lr, #4` (the return that subsection gives) resumes the interrupted instruction with
    its CPSR, flags included (A2.5)."""
    port = port_model("arm32")
    port = dataclasses.replace(port, sources=[
        dataclasses.replace(s, stub="irq_probe") if s.name == "clock" else s for s in port.sources])
    from emu.assembler import build_image
    from emu.machine import Machine
    machine = Machine(port, build_image(port, DATA / "arm32_irq.S"))
    target = machine.image.symbol("irq_target")
    result = machine.call("irq_target", [], 0, [Injection(port.source("clock"), 2)])
    assert [e.kind for e in result.events if e.source == "clock"] == ["inject", "taken", "return"]
    cpsr, spsr, lr = (_word(machine, s) for s in ("irq_cpsr", "irq_spsr", "irq_lr"))
    reset = port.reset["cpsr"]
    assert cpsr & 0x1F == MODE_IRQ and cpsr & CPSR_I and not cpsr & CPSR_T
    assert cpsr & CPSR_F == reset & CPSR_F
    assert spsr & 0xFF == reset & 0xFF and spsr & (1 << 30)        # SVC, I=0, Z=1 saved
    assert lr == target + 8 + 4                                    # the 3rd insn + 4
    assert result.returned == 7                                    # moveq saw Z = 1
    backend = machine.backend
    assert backend.read_register("cpsr") & 0xFF == reset & 0xFF
    assert backend.read_register("sp") == STACK_BASE + STACK_SIZE - 0x100


def test_trace_shows_arm_disassembly_and_the_replay():
    result = run_cli("run", "arm32", "--call", "splx", "--arg", "0", "--ipl", "IPL_HIGH",
                     "--inject", "softnet@0", "--inject", "ether@1", "--trace")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    for insn in ("ldr r1, [pc", "str r0, [r1]", "bics r2, r2, r0", "b footbridge_do_pending",
                 "bl footbridge_intr_dispatch", "msr cpsr_c, r8",
                 "sub lr, lr, #4", "movs pc, lr"):
        assert insn in text, (insn, text)
    assert "softnet pended" in text and "ether pended" in text
    assert "ether@0x00100303 IPL_NET" in text and "softnet@0x00100003 IPL_SOFTNET" in text
    assert "ether handler runs at 0x00100303 IPL_NET (replay)" in text
    assert text.index("ether handler runs") < text.index("softnet handler runs")   # highest first


def test_splraise_takes_an_ipl_number_and_returns_the_mask():
    """footbridge_intr.h 1.4: _splraise(IPL_BIO) ors footbridge_imask[IPL_BIO]
    into current_spl_level and returns the old mask; splx(mask) restores it."""
    port, machine = port_model("arm32"), machine_for("arm32")
    net = port.ipls["IPL_NET"]
    result = machine.call("_splraise", [port.ipls["IPL_BIO"].value], net.spl)
    assert (result.returned, result.priority_after) == (net.spl, net.spl)
    result = machine.call("_spllower", [port.ipls["IPL_SOFTCLOCK"].value], net.spl)
    assert (result.returned, result.priority_after) == (net.spl, port.ipls["IPL_SOFTCLOCK"].spl)


def test_softnet_preempts_softclock_level_code():
    """PR#20390's window exists on arm32: footbridge_imask[IPL_SOFTCLOCK]
    lacks the softnet bit, so softnet runs at once at softclock level."""
    port, machine = port_model("arm32"), machine_for("arm32")
    softclock = port.priority_of("IPL_SOFTCLOCK")
    assert not port.blocks(softclock, port.source("softnet"))
    result = machine.call("_splraise", [port.ipls["IPL_SOFTCLOCK"].value], softclock,
                          [Injection(port.source("softnet"), 0)])
    assert [(e.source, e.detail) for e in result.of_kind("handler")] == [("softnet", "direct")]
    assert result.priority_after == softclock


def test_stub_counts_and_restores_registers():
    port, machine = port_model("arm32"), machine_for("arm32")
    result = machine.call("_splraise", [port.ipls["IPL_CLOCK"].value], 0,
                          [Injection(port.source("ether"), 4)])
    assert [e.source for e in result.of_kind("handler")] == ["ether"]
    assert [e.detail for e in result.of_kind("return")] == ["restored"]
    assert (result.returned, result.priority_after) == (0, port.ipls["IPL_CLOCK"].spl)
    assert _word(machine, "count_ether") == 0     # the stock handler stores nothing
    assert machine.backend.read_register("sp") == STACK_BASE + STACK_SIZE - 0x100
    assert machine.backend.read_register("cpsr") & 0xFF == port.reset["cpsr"]


def test_the_irq_mode_bank_mistake_runs_away_when_nested():
    """A stub that dispatches in IRQ mode with IRQs enabled: alone it works;
    a second IRQ inside the handler overwrites R14_irq, the handler's
    return address, and the handler returns into itself."""
    port = port_model("arm32")
    machine = machine_for("arm32", broken("arm32"), (("clock", "Xintr_clock_irqmode"),))
    clock, ether = port.source("clock"), port.source("ether")
    alone = machine.call("_splraise", [port.ipls["IPL_NONE"].value], 0, [Injection(clock, 0)])
    assert [e.source for e in alone.of_kind("handler")] == ["clock"]
    assert [e.detail for e in alone.of_kind("return")] == ["restored"]
    handler_at = next(e.step for e in alone.of_kind("handler"))
    with pytest.raises(RunError, match="runaway"):
        machine.call("_splraise", [port.ipls["IPL_NONE"].value], 0,
                     [Injection(clock, 0), Injection(ether, handler_at + 1)], max_steps=2000)


def test_a_stub_that_does_not_restore_fails_nesting():
    from emu.check import check_routine
    machine = machine_for("arm32", broken("arm32"), (("clock", "Xintr_clock_norestore"),))
    verdict = check_routine(machine, "splx", "splx", "restore", only=["IPL_NONE", "IPL_SOFTNET"],
                            returns_value=False).verdicts["nesting"]
    assert not verdict.holds
    assert "clock returned to" in verdict.counter_example.what
    assert verdict.counter_example.source == "clock"
