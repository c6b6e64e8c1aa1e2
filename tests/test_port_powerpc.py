"""The powerpc port (archs/powerpc.yaml, kernel_snippets/powerpc/) end to
end: the external interrupt entry and rfi as the PowerPC Programming
Environments Manual (PEM, as archs/powerpc.yaml cites it) describes them,
MSR[EE] gating the line, traces in PowerPC disassembly, the replay through
do_pending_int, and what the port says about PR#20390 (softnet preempts
softclock-level code)."""

from __future__ import annotations

import re
import struct

from emu.machine import Injection

from emu.check import check_routine

from conftest import broken, machine_for, port_model, run_cli

MSR_EE, MSR_PR, MSR_FP, MSR_ME, MSR_SE, MSR_RI = 0x8000, 0x4000, 0x2000, 0x1000, 0x400, 0x2
F_SRR0, F_SRR1 = 68, 72          # where the stub saves them (kernel_snippets/powerpc/intr.S)


def stub_entry(msr: int):
    """Set MSR, take the clock interrupt at splraise's entry, and run the
    stub up to (not including) its 7th instruction, by which it has stored
    SRR0 and SRR1 in its frame."""
    port, machine = port_model("powerpc"), machine_for("powerpc")
    entry = machine.prepare_call("splraise", [0], 0)
    backend = machine.backend
    backend.write_register("msr", msr)
    backend.write_register("r3", 0x33333333)
    backend.write_register("r4", 0x44444444)
    backend.write_register("ctr", 0x12345678)
    backend.take_interrupt(None, 0x900, machine.stub_address(port.source("clock")))
    seen = []

    def on_boundary(pc):
        seen.append(pc)
        return len(seen) < 7
    backend.run(on_boundary)
    return machine, entry, seen


def test_external_interrupt_entry_sets_srr0_srr1_and_msr():
    """PEM §6.4.5 (Bus Interface manual Table 5-9): SRR0 = the instruction
    that would have run next, SRR1 = MSR with bits 1-4 and 10-15 cleared;
    MSR[EE, PR, FP, SE, RI] cleared, ME kept; the interrupted registers
    reach the stub untouched (the backend's mtsrr0/mtsrr1 trampoline
    restores r3 and r4)."""
    before = MSR_EE | MSR_ME | MSR_FP | MSR_SE | MSR_RI
    machine, entry, seen = stub_entry(before)
    port, backend = machine.port, machine.backend
    assert seen[0] == machine.stub_address(port.source("clock"))
    sp = backend.read_register("r1")
    srr0, srr1 = struct.unpack(">II", backend.read_memory(sp + F_SRR0, 8))
    assert srr0 == entry
    assert srr1 == before & ~0x783F0000
    assert backend.read_register("msr") == MSR_ME
    assert backend.read_register("ctr") == 0x12345678
    assert (backend.read_register("r3"), backend.read_register("r4")) == (0x33333333, 0x44444444)


def test_rfi_returns_to_the_interrupted_state():
    """PEM rfi: MSR from SRR1 (EE on again), PC from SRR0; the stub
    gives the routine back r1, its registers and its cpl."""
    port, machine = port_model("powerpc"), machine_for("powerpc")
    plain = machine.call("splraise", [port.spl_of("IPL_NET")], 0)
    result = machine.call("splraise", [port.spl_of("IPL_NET")], 0,
                          [Injection(port.source("bm0"), 3)], trace=True)
    assert [e.source for e in result.of_kind("handler")] == ["bm0"]
    assert [e.detail for e in result.of_kind("return")] == ["restored"]
    assert [s.text for s in result.trace if s.text == "rfi"] == ["rfi"]
    assert result.returned == plain.returned == 0
    assert result.priority_after == port.priority_of("IPL_NET")
    assert machine.backend.read_register("r1") == machine.initial_stack_pointer()
    assert machine.backend.read_register("msr") & MSR_EE


def test_ee_off_refuses_every_source():
    """MSR[EE] = 0 (§2.3.1): the CPU takes no external interrupt whatever cpl
    says; the source waits and runs once EE is back on."""
    machine = machine_for("powerpc")
    machine.prepare_call("splraise", [0], 0)
    machine.backend.write_register("msr", MSR_ME)
    assert not machine.backend.interrupt_accepted(None)
    machine.backend.write_register("msr", MSR_ME | MSR_EE)
    assert machine.backend.interrupt_accepted(None)


def test_trace_shows_powerpc_disassembly_and_the_replay():
    result = run_cli("run", "powerpc", "--call", "spllower", "--arg", "IPL_NONE", "--ipl", "IPL_NET",
                     "--inject", "softnet@0", "--trace")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    for insn in ("lwz r4,", "andc. r5, r5, r3", "mfmsr r30", "mtmsr r29", "cntlzw", "rfi", "blr"):
        assert insn in text, (insn, text)
    assert "softnet pended" in text and "softnet handler runs at 0x30000000 IPL_SOFTNET (replay)" in text
    assert "returned 0x30000006" in text


def test_softnet_preempts_softclock_level_code():
    """PR#20390's window exists on macppc: imask[IPL_SOFTCLOCK] is only
    1 << SIR_CLOCK, so softnet runs at once."""
    port, machine = port_model("powerpc"), machine_for("powerpc")
    result = machine.call("splraise", [port.spl_of("IPL_NONE")], port.priority_of("IPL_SOFTCLOCK"),
                          [Injection(port.source("softnet"), 0)])
    assert [(e.source, e.detail) for e in result.of_kind("handler")] == [("softnet", "direct")]


def test_ee_left_off_loses_interrupts():
    """The port's typical mistake: a lowering that leaves MSR[EE] off.  No
    interrupt is taken after it, and the MSR differs at return."""
    result = run_cli("check", "powerpc", "--snippet", broken("powerpc"), "--routine",
                     "spllower_ee_off=lower")
    assert result.returncode == 1, result.stderr
    assert re.search(r"^  no_lost +FAILS", result.stdout, re.M)
    assert "the CPU never took it" in result.stdout
    assert re.search(r"^  preserves +FAILS", result.stdout, re.M)
    assert "msr&0xd070 was 0x9030 at entry and 0x1030 at return" in result.stdout


def test_depth_2_finds_a_stub_that_enables_ee_before_saving_srr0_srr1():
    """A stub that turns EE on before it has saved SRR0/SRR1: one interrupt
    is fine; a second one in that gap overwrites them (PEM §6.4.5), so
    the first one's rfi goes back into its own stub and the stack runs away."""
    stubs = (("softnet", "Xintr_softnet_ee_early"), ("clock", "Xintr_clock_ee_early"))
    machine = machine_for("powerpc", broken("powerpc"), stubs)
    shallow = check_routine(machine, "spllower", "spllower", "lower", depth=1, only=["IPL_NONE"])
    assert shallow.holds
    deep = check_routine(machine, "spllower", "spllower", "lower", depth=2, only=["IPL_NONE"])
    assert not deep.verdicts["no_fault"].holds
    assert "_ee_early" in deep.verdicts["no_fault"].counter_example.what
