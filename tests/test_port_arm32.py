"""The arm32 port (archs/arm32.yaml, kernel_snippets/arm32/, footbridge
2003) end to end: the CPU's IRQ entry and return against the ARM ARM,
traces in ARM disassembly, the footbridge pending replay, what the port
says about PR#20390 (softnet and softclock are distinct levels), and the
IRQ-mode bank mistake."""

from __future__ import annotations

import dataclasses
import json

import pytest

from emu.backends.arm import (ARM_UNPREDICTABLE, BANKED_BY_NAME, CPSR_F, CPSR_I, CPSR_T,
                              EXCEPTION_STACK_SIZE, EXCEPTION_STACKS, MODE_IRQ, MODES, ArmBackend,
                              arm_needs_spsr, arm_unpredictable, arm_unpredictable_after,
                              arm_unpredictable_rule)
from emu.backends.base import CpuFault
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


def test_every_banked_register_is_read_and_written_by_name_from_any_mode():
    """Unicorn 2.1.4 names only the current mode's R8-R14 and SPSR: the
    backend reaches another mode's (ARM ARM DDI 0100E §A2.3, Figure 2-1)
    by switching the CPSR, one switch per mode for a batch, and leaves the
    current mode's registers and the CPSR as they were; what it wrote is
    what code in that mode sees (a machine of its own: it changes them)."""
    from emu.assembler import build_image
    from emu.machine import Machine
    port = port_model("arm32")
    backend = Machine(port, build_image(port)).backend
    names = sorted(BANKED_BY_NAME)
    values = {name: 0x1000 * (i + 1) + 0x10 for i, name in enumerate(names)}
    values.update({name: 0xD0 | BANKED_BY_NAME[name][0] for name in names if name.startswith("spsr")})
    for mode in (0x10, 0x11, 0x12, 0x13, 0x1B):
        backend.write_register("cpsr", 0x600000C0 | mode)
        own = {reg: backend.read_register(reg) for reg in ("r8", "r12", "sp", "lr")}
        backend.write_registers(list(values.items()))
        assert backend.register_reader(["r8", *names, "sp"])() == \
            (own["r8"], *(values[name] for name in names), own["sp"])
        assert {name: backend.read_register(name) for name in names} == values
        assert {reg: backend.read_register(reg) for reg in own} == own
        assert backend.read_register("cpsr") == 0x600000C0 | mode
    for name, (mode, _) in BANKED_BY_NAME.items():
        backend.write_register("cpsr", 0xC0 | mode)
        register = name.rpartition("_")[0]
        assert backend.read_register(register) == values[name], (name, MODES[mode])


def test_the_exception_modes_start_on_stacks_of_their_own():
    """R13 of IRQ, abort and undefined mode at the top of a mapped page each,
    as NetBSD's initarm sets them (archs/arm32.yaml abi.state: a routine
    gives them back)."""
    backend = machine_for("arm32").backend
    for name, mode in (("sp_irq", 0x12), ("sp_abt", 0x17), ("sp_und", 0x1B)):
        assert backend.read_register(name) == EXCEPTION_STACKS[mode] + EXCEPTION_STACK_SIZE
        backend.read_memory(EXCEPTION_STACKS[mode], EXCEPTION_STACK_SIZE)   # mapped: no CpuFault
    assert {"sp_irq", "sp_und", "sp_abt"} <= {b.register for b in port_model("arm32").abi.state}


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


# ARMv4 words and what the UNPREDICTABLE table says of them (ARM ARM DDI
# 0100E): None, defined; else a part of the reason.  The comment is the
# instruction (capstone's spelling).
ARM_WORDS = [
    (0xe7912103, None),              # ldr r2, [r1, r3, lsl #2]
    (0xe7b13103, None),              # ldr r3, [r1, r3, lsl #2]!   Rd == Rm: allowed
    (0xe5a13000, None),              # str r3, [r1, #0]!
    (0xe52de004, None),              # str lr, [sp, #-4]!
    (0xe49df004, None),              # ldr pc, [sp], #4
    (0xe59f1000, None),              # ldr r1, [pc]               no write-back
    (0xe5d01000, None),              # ldrb r1, [r0]
    (0xe6b21003, None),              # ldrt r1, [r2], r3
    (0xe1d010b0, None),              # ldrh r1, [r0]
    (0xe0d010b2, None),              # ldrh r1, [r0], #2
    (0xe1f010b2, None),              # ldrh r1, [r0, #2]!
    (0xe19010b3, None),              # ldrh r1, [r0, r3]
    (0xe92d4010, None),              # stmfd sp!, {r4, lr}
    (0xe8bd8010, None),              # ldmfd sp!, {r4, pc}
    (0xe8a10006, None),              # stmia r1!, {r1, r2}        Rn the lowest: stored as it was
    (0xe8d00006, None),              # ldmia r0, {r1, r2}^
    (0xe8fd8010, None),              # ldmfd sp!, {r4, pc}^
    (0xe1013090, None),              # swp r3, r0, [r1]
    (0xe0030192, None),              # mul r3, r2, r1
    (0xe0221391, None),              # mla r2, r1, r3, r1         Rn == Rm: allowed
    (0xe0821493, None),              # umull r1, r2, r3, r4
    (0xe0823331, None),              # add r3, r2, r1, lsr r3
    (0xe1a0f00e, None),              # mov pc, lr
    (0xe1b0f00e, None),              # movs pc, lr
    (0xe25ef004, None),              # subs pc, lr, #4
    (0xe3a0f000, None),              # mov pc, #0
    (0xe1500001, None),              # cmp r0, r1
    (0xe10f0000, None),              # mrs r0, cpsr
    (0xe14f0000, None),              # mrs r0, spsr
    (0xe121f000, None),              # msr cpsr_c, r0
    (0xe16ff000, None),              # msr spsr_cxsf, r0
    (0xe7b11103, "Rd the same register as Rn"),       # ldr r1, [r1, r3, lsl #2]!
    (0xe4911004, "Rd the same register as Rn"),       # ldr r1, [r1], #4
    (0xe5a11000, "Rd the same register as Rn"),       # str r1, [r1, #0]!
    (0xe52dd004, "Rd the same register as Rn"),       # str sp, [sp, #-4]!
    (0xe4f11004, "Rd the same register as Rn"),       # ldrbt r1, [r1], #4
    (0xe7b12101, "Rm the same register as Rn"),       # ldr r2, [r1, r1, lsl #2]!
    (0xe6b21002, "Rm the same register as Rn"),       # ldrt r1, [r2], r2
    (0xe791200f, "R15 as the offset register"),       # ldr r2, [r1, pc]
    (0xe5bf1004, "write-back with Rn = R15"),         # ldr r1, [pc, #4]!
    (0xe5d0f000, "byte transfer with Rd = R15"),      # ldrb pc, [r0]
    (0xe1f000b2, "Rd the same register as Rn"),       # ldrh r0, [r0, #2]!
    (0xe1d0f0b0, "Rd = R15"),                         # ldrh pc, [r0]
    (0xe0f010b2, "post-indexed with W = 1"),          # (ldrht r1, [r0], #2: ARMv6T2)
    (0xe19010bf, "R15 as the offset register"),       # ldrh r1, [r0, pc]
    (0xe1ff10b2, "write-back with Rn = R15"),         # ldrh r1, [pc, #2]!
    (0xe19011b3, "bits 11:8 (SBZ)"),                  # ldrh r1, [r0, r3] with bits 11:8 = 1
    (0xe1b010b0, "Rm the same register as Rn"),       # ldrh r1, [r0, r0]!
    (0xe8b10002, "LDM with write-back and Rn in"),    # ldmia r1!, {r1}
    (0xe8a20006, "not its lowest"),                   # stmia r2!, {r1, r2}
    (0xe8b10000, "empty register list"),              # ldmia r1!, {}
    (0xe89f0003, "R15 as the base"),                  # ldmia pc, {r0, r1}
    (0xe8f00006, "with write-back"),                  # ldmia r0!, {r1, r2}^
    (0xe1011090, "Rn the same register as Rd or Rm"),  # swp r1, r0, [r1]
    (0xe1010091, "Rn the same register as Rd or Rm"),  # swp r0, r1, [r1]
    (0xe10f1090, "R15 as Rd, Rm or Rn"),              # swp r1, r0, [pc]
    (0xe08f3333, "register-specified shift"),         # add r3, pc, r3, lsr r3
    (0xe1a0f311, "register-specified shift"),         # mov pc, r1, lsl r3
    (0xe1a01f13, "register-specified shift"),         # mov r1, r3, lsl pc
    (0xe10ff000, "R15 as Rd"),                        # mrs pc, cpsr
    (0xe0010291, "Rd the same register as Rm"),       # mul r1, r1, r2
    (0xe00f0291, "R15 as Rd"),                        # mul pc, r1, r2
    (0xe000f291, "Rn (SBZ)"),                         # mul r0, r1, r2 with Rn = 15
    (0xe022f391, "R15 as Rd"),                        # mla r2, r1, r3, pc
    (0xe0821392, "not all different"),                # umull r1, r2, r2, r3
    (0xe08f1493, "R15 as RdHi"),                      # umull r1, pc, r3, r4
    (0xf1a00000, "0b1111 (NV)"),
    (0xe1a21001, "Rn (SBZ)"),                         # mov r1, r1 with Rn = 2
    (0xe150f001, "Rd (SBZ)"),                         # cmp r0, r1 with Rd = 15 (26-bit cmpp)
    (0xe1a41312, "Rn (SBZ)"),                         # mov r1, r2, lsl r3 with Rn = 4
    (0xe1501211, "Rd (SBZ)"),                         # cmp r0, r1, lsl r2 with Rd = 1
]


@pytest.mark.parametrize("word,why", ARM_WORDS, ids=[f"{w:08x}" for w, _ in ARM_WORDS])
def test_the_unpredictable_table_decodes_the_word(word, why):
    found = arm_unpredictable(word)
    if why is None:
        assert found is None
    else:
        assert found is not None and why in found and "UNPREDICTABLE (ARM ARM DDI 0100E §A" in found


def test_every_unpredictable_rule_names_a_section_and_is_tested():
    fired = {arm_unpredictable_rule(word) for word, why in ARM_WORDS if why is not None}
    assert all(where.startswith("§A") for _, _, _, where in ARM_UNPREDICTABLE)
    assert fired == set(ARM_UNPREDICTABLE)


@pytest.mark.parametrize("word,uses", [
    (0xe1b0f00e, "S and Rd = R15"),        # movs pc, lr
    (0xe25ef004, "S and Rd = R15"),        # subs pc, lr, #4
    (0xe8fd8010, "LDM (3)"),               # ldmfd sp!, {r4, pc}^
    (0xe8d00006, "LDM (2) or STM (2)"),    # ldmia r0, {r1, r2}^
    (0xe9cd0006, "LDM (2) or STM (2)"),    # stmib sp, {r1, r2}^
    (0xe14f0000, "MRS of the SPSR"),       # mrs r0, spsr
    (0xe16ff000, "MSR to the SPSR"),       # msr spsr_cxsf, r0
    (0xe369f013, "MSR to the SPSR"),       # msr spsr_fc, #0x13
    (0xe1a0f00e, None),                    # mov pc, lr
    (0xe8bd8010, None),                    # ldmfd sp!, {r4, pc}
    (0xe10f0000, None),                    # mrs r0, cpsr
    (0xe121f000, None),                    # msr cpsr_c, r0
    (0xe15f0001, None),                    # cmp pc, r1: a compare (S) writes no PC
])
def test_the_instructions_user_and_system_mode_make_unpredictable(word, uses):
    found = arm_needs_spsr(word)
    assert found is None if uses is None else uses in found


LDM2_SP = 0xE8DD6000      # ldmia sp, {r13, r14}^ (LDM (2))


@pytest.mark.parametrize("word,following,banked", [
    (LDM2_SP, 0xE28DD008, "register r13,"),          # add sp, sp, #8
    (LDM2_SP, 0xE1A00000, None),                     # mov r0, r0: NetBSD's NOP
    (0xE8CD6000, 0xE59D0000, "register r13,"),       # stmia sp, {r13, r14}^; ldr r0, [sp]
    (0xE94D7FFF, 0xE1A01008, "register r8,"),        # stmdb sp, {r0-r14}^; mov r1, r8 (any mode)
    (LDM2_SP, 0xEBFFFFFE, "register r14,"),          # bl .: writes the link
    (LDM2_SP, 0xEF000000, "register r14,"),          # swi 0: R14_svc
    (LDM2_SP, 0xE8D02002, "register r13,"),          # ldmia r0, {r1, r13}^
    (LDM2_SP, 0xEE078F9A, "register r8,"),           # mcr p15, 0, r8, c7, c10, 4
    (LDM2_SP, 0xE0208291, "register r8,"),           # mla r0, r1, r2, r8
    (LDM2_SP, 0xE1A00911, "register r9,"),           # mov r0, r1, lsl r9
    (LDM2_SP, 0xE791000A, "register r10,"),          # ldr r0, [r1, r10]
    (LDM2_SP, 0x01A0D00E, "registers r13, r14,"),    # moveq sp, lr: whatever its condition
    (LDM2_SP, 0xE14F0000, None),                     # mrs r0, spsr: no R8-R14
    (LDM2_SP, 0xEAFFFFFE, None),                     # b .
    (LDM2_SP, 0xE28F0004, None),                     # add r0, pc, #4
    (0xE8FD8010, 0xE28DD008, None),                  # ldmfd sp!, {r4, pc}^ is LDM (3)
    (0xE89D6000, 0xE28DD008, None),                  # ldmia sp, {r13, r14}: no ^
])
def test_a_user_register_transfer_must_not_be_followed_by_a_banked_register(word, following,
                                                                            banked):
    """ARM ARM DDI 0100I §A4.1.21 LDM (2) (STM (2) likewise): before ARMv6
    the instruction after one must not access a banked register, R8-R14
    (DDI 0100E §A2.4), by a field, a list or as BL's and SWI's link."""
    found = arm_unpredictable_after(word, following)
    if banked is None:
        assert found is None
    else:
        assert found is not None and f"the banked {banked}" in found
        assert "UNPREDICTABLE before ARMv6 (ARM ARM DDI 0100I §A4.1.21 LDM (2)" in found


def _run_words(words: list[int]) -> tuple[list[int], str | None]:
    """Run ``words`` in Supervisor mode, IRQs off: the boundaries seen and
    the fault, if any."""
    code = 0x10000
    backend = ArmBackend()
    backend.map_memory(code, 0x1000)
    backend.write_memory(code, b"".join(w.to_bytes(4, "little") for w in words))
    backend.write_register("cpsr", 0xD3)
    backend.write_register("sp", code + 0x800)
    backend.write_register("pc", code)
    seen: list[int] = []

    def on_boundary(pc):
        seen.append(pc)
        return pc < code + 4 * (len(words) - 1)
    try:
        backend.run(on_boundary)
    except CpuFault as fault:
        return seen, str(fault)
    return seen, None


def test_the_backend_refuses_ldm_2_before_a_banked_register_and_runs_it_before_a_nop():
    """The LDM (2) faults before it runs, naming itself, the instruction
    after it and the rule; with NetBSD's `mov r0, r0` between them the
    same code runs to its end."""
    nop, add_sp = 0xE1A00000, 0xE28DD008
    seen, fault = _run_words([LDM2_SP, add_sp, nop, nop])
    assert seen == [0x10000]
    assert fault is not None and fault.startswith(
        "ldm sp, {sp, lr} ^: LDM (2) (^, the User registers) followed by `add sp, sp, #8`, "
        "which accesses the banked register r13, is UNPREDICTABLE before ARMv6")
    assert _run_words([LDM2_SP, nop, add_sp, nop]) == ([0x10000, 0x10004, 0x10008, 0x1000C], None)


@pytest.mark.parametrize("routine,says", [
    ("splraise_ldr_wb=raise,argument=ipl",
     "ldr r1, [r1, r3, lsl #2]!: base write-back with Rd the same register as Rn is UNPREDICTABLE"),
    ("splraise_sys_spsr=raise,argument=ipl",
     "`mrs r3, spsr` in System mode, which has no SPSR: MRS of the SPSR (§A4.1 MRS) is UNPREDICTABLE"),
])
def test_an_unpredictable_encoding_faults_citing_the_manual(routine, says):
    result = run_cli("check", "arm32", "--snippet",
                     str(DATA / "broken" / "arm32" / "redteam12_unpredictable.S"),
                     "--routine", routine, "--ipl", "none", "--format", "json")
    assert result.returncode == 1, result.stderr
    verdicts = json.loads(result.stdout)["routines"][0]["verdicts"]
    assert [name for name, v in verdicts.items() if v["holds"] is False] == ["no_fault"]
    assert says in verdicts["no_fault"]["counter_example"]["what"]
