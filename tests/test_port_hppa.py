"""The hppa port (archs/hppa.yaml, kernel_snippets/hppa/) and its CPU,
emu/backends/hppa.py: the privileged behaviour against the PA-RISC 1.1
Architecture and Instruction Set Reference Manual (3rd ed., 1994) -- ch. 2
(PSW, control registers), ch. 4 (the instruction address queue, delay
slots, nullification), ch. 5 (interruption handling, masking, return from
interruption) and the system control instructions (SSM, RSM, MTSM, MTCTL,
MFCTL, RFI) -- the upward stack, the replay of spllower, nullification
across an interrupt, and the disassembly against hppa-linux-gnu-objdump."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from emu.backends.base import CpuFault
from emu.backends.hppa import PSW_CB, PSW_I, PSW_N, PSW_Q, HppaBackend, disassemble_word
from emu.check import check_routine
from emu.machine import STACK_BASE, STACK_SIZE, Injection
from emu.poison import STACK_POISON, frame_pattern
from tests.alpha_helpers import load_elf, load_into
from tests.hppa_helpers import assemble, link, objdump

from conftest import DATA, machine_for, port_model

CONTRACT = str(DATA / "broken" / "hppa" / "contract.S")


def cpu_with(body: str) -> tuple[HppaBackend, dict]:
    """A CPU at _start of ``body`` (assembled at 0x10000)."""
    program = assemble(f"\t.text\n\t.globl _start\n_start:\n{body}\n\tnop\n\tnop\n")
    cpu = HppaBackend()
    load_into(cpu, program)
    cpu.write_register("pc", program.symbols["_start"])
    return cpu, program.symbols


def step(cpu: HppaBackend, count: int) -> None:
    """Run ``count`` instruction slots (a nullified one counts)."""
    seen = 0

    def on_boundary(pc):
        nonlocal seen
        seen += 1
        return seen <= count
    cpu.run(on_boundary)


def test_interruption_saves_psw_and_both_queue_entries():
    """Ch. 5, interruption handling: IPSW := PSW (N included), IIAOQ :=
    front and back of the queue (here a delay slot: the back is a branch
    target), PSW := 0, the EIRR bit of the line is set, execution continues
    at the vector (the port's stub)."""
    cpu = HppaBackend()
    cpu.write_register("psw", PSW_Q | PSW_I | PSW_N)
    cpu.write_register("pc", 0x10008)
    cpu.write_register("npc", 0x10400)
    assert cpu.entry_fault() is None
    cpu.take_interrupt(31, 4, 0x20000)
    assert cpu.read_register("ipsw") == PSW_Q | PSW_I | PSW_N
    assert (cpu.read_register("pcoq"), cpu.read_register("pcoq_back")) == (0x10008, 0x10400)
    assert cpu.read_register("psw") == 0
    assert cpu.read_register("eirr") == 1 << 31
    assert (cpu.read_register("pc"), cpu.read_register("npc")) == (0x20000, 0x20004)


def test_q_clear_freezes_the_queues():
    """Ch. 5: with PSW[Q] = 0 an interruption leaves IIAOQ/IIASQ as they
    were, so the interrupted code could not be resumed: the model refuses
    to follow (entry_fault) rather than return somewhere else."""
    cpu = HppaBackend()
    cpu.write_register("psw", PSW_I)
    cpu.write_register("pcoq", 0x1234)
    assert "Q" in cpu.entry_fault()
    cpu.take_interrupt(5, 4, 0x20000)
    assert cpu.read_register("pcoq") == 0x1234 and cpu.read_register("ipsw") == PSW_I


def test_eiem_masks_and_psw_i_gates_external_interrupts():
    """Ch. 5, masking: line n is taken when EIEM bit n and PSW[I] are set;
    a masked request stays pending."""
    cpu = HppaBackend()
    cpu.write_register("eiem", 1 << 5)
    cpu.write_register("psw", PSW_Q | PSW_I)
    assert cpu.interrupt_accepted(5) and not cpu.interrupt_accepted(6)
    cpu.write_register("psw", PSW_Q)
    assert not cpu.interrupt_accepted(5)


def test_rfi_restores_psw_and_the_queue_and_the_n_bit_nullifies():
    """RFI (ch. 5, return from interruption): PSW := IPSW, front and back
    := IIAOQ; with IPSW[N] = 1 the first instruction is nullified
    (ch. 4), the second runs."""
    cpu, sym = cpu_with("\trfi\n\tnop\nback:\n\tldi 5, %r3\n\tldi 6, %r4")
    cpu.write_register("ipsw", PSW_Q | PSW_I | PSW_N)
    cpu.write_register("pcoq", sym["back"])
    cpu.write_register("pcoq_back", sym["back"] + 4)
    step(cpu, 1)
    assert (cpu.read_register("pc"), cpu.read_register("npc")) == (sym["back"], sym["back"] + 4)
    assert cpu.read_register("psw") == PSW_Q | PSW_I | PSW_N
    step(cpu, 2)
    assert (cpu.read_register("r3"), cpu.read_register("r4")) == (0, 6)
    assert not cpu.read_register("psw") & PSW_N


def test_mtctl_and_mfctl_of_the_interruption_queue():
    """Ch. 2 (IIAOQ, CR18) and MTCTL/MFCTL: the queue is two deep; mfctl
    reads the front, mtctl shifts the back to the front and writes the
    back, so two writes set front and back and a write of r0 exposes the
    back."""
    cpu, _ = cpu_with("\tldi 1, %r1\n\tldi 2, %r2\n\tmtctl %r1, %pcoq\n\tmtctl %r2, %pcoq\n"
                      "\tmfctl %pcoq, %r5\n\tmtctl %r0, %pcoq\n\tmfctl %pcoq, %r6")
    step(cpu, 7)
    assert (cpu.read_register("r5"), cpu.read_register("r6")) == (1, 2)


def test_the_q_bit_rules():
    """PSW[Q]: the queues may be read or written only with Q = 0, and the
    system mask instructions may clear Q but not set it (only RFI does):
    the manual leaves both undefined, the model faults."""
    cpu, _ = cpu_with("\tmfctl %pcoq, %r5")
    cpu.write_register("psw", PSW_Q)
    with pytest.raises(CpuFault, match="PSW\\[Q\\] = 1"):
        step(cpu, 1)
    cpu, _ = cpu_with("\tssm 8, %r0")
    with pytest.raises(CpuFault, match="setting PSW\\[Q\\]"):
        step(cpu, 1)
    cpu, _ = cpu_with("\trsm 8, %r5\n\tssm 1, %r6\n\tmtsm %r0")
    cpu.write_register("psw", PSW_Q)
    step(cpu, 2)
    assert (cpu.read_register("r5"), cpu.read_register("r6")) == (PSW_Q, 0)
    assert cpu.read_register("psw") == PSW_I
    step(cpu, 1)
    assert cpu.read_register("psw") == 0


def test_writing_eirr_clears_the_bits_written():
    """Ch. 2, EIRR (CR23): writing a 1 clears that bit (acknowledge)."""
    cpu, _ = cpu_with("\tldi 3, %r1\n\tmtctl %r1, %eirr\n\tmfctl %eirr, %r2")
    cpu.write_register("eirr", 0b1011)
    step(cpu, 3)
    assert cpu.read_register("r2") == 0b1000


def test_eirr_holds_a_blocked_request_until_a_1_is_written():
    """Ch. 2, EIRR (CR23), and ch. 5, external interrupts: a device's request
    sets its EIRR bit whatever EIEM says (here its EIEM bit is clear, so the
    CPU does not take it) and MFCTL reads it; it stays set until a MTCTL
    writes 1 to it, which withdraws the request (Backend.withdrawn_levels);
    writing 0 to it changes nothing."""
    cpu, _ = cpu_with("\tmfctl %eirr, %r2\n\tldi 1, %r1\n\tmtctl %r1, %eirr"
                      "\n\tmfctl %eirr, %r3\n\tzdepi 1, 1, 1, %r1\n\tmtctl %r1, %eirr"
                      "\n\tmfctl %eirr, %r4")
    cpu.write_register("psw", PSW_Q | PSW_I)
    cpu.write_register("eiem", 1 << 31)          # the clock's line only
    assert cpu.latches_requests
    cpu.request(30)                              # bit 1 (line 30): masked by EIEM
    assert not cpu.interrupt_accepted(30) and not cpu.latched_due()
    step(cpu, 3)
    assert cpu.read_register("r2") == 1 << 30    # seen although blocked
    assert cpu.withdrawn_levels() == 1           # the write of 1 to line 0
    assert cpu.latched_levels() == 1 << 30       # line 30 still requested
    step(cpu, 3)
    assert cpu.read_register("r3") == 1 << 30
    assert cpu.withdrawn_levels() == 1 << 30     # zdepi 1,1,1: bit 1 is line 30
    assert cpu.read_register("r4") == 0 and cpu.latched_levels() == 0
    assert cpu.withdrawn_levels() == 0           # reading it cleared it


def test_a_taken_request_stays_latched_and_is_taken_again():
    """Ch. 5: taking an external interrupt leaves its EIRR bit set, so once
    PSW[I] and the EIEM bit let it through again the CPU takes it again
    (latched_due), until software writes the bit back."""
    cpu = HppaBackend()
    cpu.write_register("psw", PSW_Q | PSW_I)
    cpu.write_register("eiem", 1 << 31)
    cpu.request(31)
    assert cpu.latched_due()
    cpu.take_interrupt(31, 4, 0x20000)
    assert cpu.latched_levels() == 1 << 31 and not cpu.latched_due()    # PSW[I] = 0
    cpu.write_register("psw", PSW_Q | PSW_I)     # as an rfi gives it back
    assert cpu.latched_due()


@pytest.mark.slow   # depth 2: 104 CPU s
def test_a_stub_acknowledging_after_the_dispatch_serves_twice():
    """The dispatcher runs the handler with PSW[I] = 1 and the interrupted
    EIEM: a clock stub that clears its EIRR bit only after it is taken again
    at once, its nested stub pends it, and the handler runs a second time
    for one request (the case's run takes the held request again)."""
    machine = machine_for("hppa", str(DATA / "broken" / "hppa" / "eirr_late_ack.S"),
                          (("clock", "Xintr_clock_late"),))
    result = check_routine(machine, "splraise", "splraise", "raise",
                           only=["IPL_NONE", "IPL_SOFTCLOCK"])
    verdict = result.verdicts["served_once"]
    assert not verdict.holds
    assert verdict.counter_example.what == "clock's handler ran 2 times for 1 request"
    assert all(v.holds for name, v in result.verdicts.items() if name != "served_once")
    # at depth 2 the nested runs take the held request again inside them
    # (one boundary per step: the explorer's states and memo stay whole),
    # and a second request arriving before the late clearing is lost
    deeper = check_routine(machine, "splraise", "splraise", "raise", depth=2,
                           only=["IPL_NONE", "IPL_SOFTCLOCK"])
    assert not deeper.verdicts["served_once"].holds
    assert "software cleared its request" in deeper.verdicts["no_lost"].counter_example.what


@pytest.mark.slow   # depth 2: 81 CPU s
def test_a_request_arriving_before_the_stub_acknowledges_its_line_merges():
    """At depth 2 a second clock request arriving in the clock's stub before
    it clears the line's EIRR bit adds no request (the bit is already set):
    the handler the stub goes on to run serves it, so the port's stubs,
    which clear the bit before the dispatch, lose nothing."""
    machine = machine_for("hppa")
    result = check_routine(machine, "splraise", "splraise", "raise", depth=2,
                           only=["IPL_NONE", "IPL_SOFTCLOCK"])
    assert all(v.holds for v in result.verdicts.values())
    assert result.verdicts["no_lost"].cases > 0


@pytest.mark.slow   # depth 2: 106 CPU s
def test_a_stub_acknowledging_what_it_reads_in_eirr_loses_an_earlier_request():
    """A stub that writes back what it reads in EIRR (NetBSD's hppa_intr
    does) but pends only its own source clears another line requested
    before its read: that case runs from the request's arrival, where EIRR
    holds it, so the read sees it (the baseline's run read EIRR without it).
    The request is lost whatever the result blocks: served_once names the
    write that withdrew it (found again from the arrival)."""
    machine = machine_for("hppa", str(DATA / "broken" / "hppa" / "eirr_ack_read.S"))
    result = check_routine(machine, "splraise", "splraise", "raise", depth=2,
                           only=["IPL_NONE", "IPL_SOFTNET"])
    verdict = result.verdicts["no_lost"]
    assert not verdict.holds
    assert "software reads the register holding it" in verdict.counter_example.what
    served = result.verdicts["served_once"]
    assert not served.holds
    assert "software withdrew its request in the CPU before the CPU took it (step " \
        in served.counter_example.what and "mtctl" in served.counter_example.what
    assert all(v.holds for name, v in result.verdicts.items()
               if name not in ("no_lost", "served_once"))


def test_delay_slots_and_nullification():
    """Ch. 4: the delay slot of a branch runs before the target; BL links
    to the instruction after the slot; ,n on a conditional branch
    nullifies the slot of a taken forward branch and the next instruction
    after an untaken backward one."""
    cpu, sym = cpu_with("\tbl there, %r2\n\tldi 1, %r3\nafter:\n\tldi 2, %r4\nthere:\n"
                        "\tcomb,=,n %r0, %r0, fwd\n\tldi 7, %r5\nfwd:\n"
                        "\tcomb,<>,n %r0, %r0, _start\n\tldi 8, %r6\n\tldi 9, %r7")
    step(cpu, 8)
    assert cpu.read_register("r2") == sym["after"]
    regs = [cpu.read_register(f"r{n}") for n in (3, 4, 5, 6, 7)]
    assert regs == [1, 0, 0, 0, 9]


def test_a_nullified_word_outside_the_model_is_not_executed():
    """Ch. 4: a nullified instruction is not executed, so a word the model
    does not decode (data after a routine's bv,n) does not fault there."""
    cpu, _ = cpu_with("\tcomb,=,n %r0, %r0, on\n\t.word 0xffffffff\non:\n\tldi 3, %r3")
    step(cpu, 3)
    assert cpu.read_register("r3") == 3


def test_a_trace_marks_nullified_instructions():
    """The trace shows a nullified instruction at its boundary, marked:
    splx_nullifies's ldi (after an always-true cmpclr) and the delay slot
    of its b,n; spllower, with nothing to replay, nullifies nothing."""
    port, machine = port_model("hppa"), machine_for("hppa", CONTRACT)
    result = machine.call("splx_nullifies", [0], port.priority_of("IPL_SOFTCLOCK"), trace=True)
    marked = [(s.address, s.text) for s in result.trace if s.nullified]
    entry = machine.image.symbol("splx_nullifies")
    assert [a - entry for a, _ in marked] == [4, 12]
    assert marked[0][1] == "ldi -1,r26 (nullified)"
    assert result.priority_after == 0


def test_carry_borrow_bits_are_the_carries_out_of_each_digit():
    """Ch. 2 PSW C/B and the ch. 5 instruction pages: ADD sets C/B bit i
    (PSW bit 16 + i) to the carry out of the word's digit i (bits 4i..4i+3
    from the left); SUB adds ~GR[r2] + 1 (C/B{0} = 1: no borrow); ADDC and
    SUBB add C/B{0}; ADDL and COMCLR leave C/B.  0x3c85f027 + 0x1c04a0a5
    carries out of digits 1 (c + c) and 4 (f + a)."""
    cpu, _ = cpu_with("\tldil L%0x3c85f000,%r1\n\tldo 0x27(%r1),%r1\n"
                      "\tldil L%0x1c04a000,%r2\n\tldo 0xa5(%r2),%r2\n"
                      "\tadd %r1,%r2,%r3\n"         # C/B = 0b01001000
                      "\taddl %r1,%r1,%r4\n"        # leaves it
                      "\tcomclr,= %r1,%r2,%r0\n"    # leaves it
                      "\tsub %r1,%r1,%r5\n"         # 0 + ~0... + 1: every digit carries
                      "\taddc %r0,%r0,%r6\n"        # 1
                      "\tsub %r2,%r1,%r7\n"         # borrows: C/B{0} = 0
                      "\tsubb %r0,%r0,%r8\n")       # 0 + ~0 + 0 = -1
    step(cpu, 5)
    assert cpu.read_register("r3") == 0x588A90CC
    assert cpu.read_register("psw") & PSW_CB == 0x4800
    step(cpu, 2)
    assert cpu.read_register("psw") & PSW_CB == 0x4800
    step(cpu, 1)
    assert cpu.read_register("psw") & PSW_CB == 0xFF00
    step(cpu, 1)
    assert cpu.read_register("r6") == 1
    assert cpu.read_register("psw") & PSW_CB == 0          # 0 + 0 + 1 carries nowhere
    step(cpu, 2)
    assert cpu.read_register("psw") & PSW_CB & 0x8000 == 0
    assert cpu.read_register("r8") == 0xFFFFFFFF


def test_the_carry_writers_are_known_per_instruction():
    """Backend.written_flags: PSW C/B for ADD/SUB/ADDI/SUBI/ADDC/RFI, none
    for ADDL, COMCLR, COMICLR, LDO, OR (the engine then knows C/B
    never-written bits exactly)."""
    program = assemble("\t.text\n\t.globl _start\n_start:\n\tadd %r1,%r2,%r3\n\taddi 1,%r1,%r1\n"
                       "\tsubi 1,%r1,%r1\n\taddc %r1,%r2,%r3\n\trfi\n\taddl %r1,%r2,%r3\n"
                       "\tcomclr,= %r1,%r2,%r0\n\tcomiclr,= 1,%r1,%r0\n\tldo 1(%r1),%r1\n"
                       "\tor %r1,%r2,%r3\n")
    cpu = HppaBackend()
    load_into(cpu, program)
    start = program.symbols["_start"]
    writes = [cpu.written_flags(start + 4 * n) for n in range(10)]
    assert writes == [(("psw", PSW_CB),)] * 5 + [()] * 5
    assert cpu.flag_name("psw", PSW_CB) == "psw C/B"


def test_the_stack_grows_up():
    """The 32-bit PA-RISC runtime: sp grows towards higher addresses; the
    64 bytes below sp are the caller's frame marker and argument area,
    the callee's to use (abi.stack_reserve) but the frame marker's words
    that stay the caller's (abi.stack_reserve_kept: Previous SP at -4(sp),
    the stubs' words at -8, -24, -28 and -32(sp), the caller's own words
    at -52..-64(sp)): the machine starts sp
    near the low end and poisons above it and the rest of those 64 bytes;
    the kept words, and below them the caller's frame, hold
    frame_pattern."""
    machine = machine_for("hppa")
    machine.prepare_call("splraise", [0], 0)
    sp = machine.backend.read_register("r30")
    assert sp == STACK_BASE + 0x100 + 64
    above = machine.backend.read_memory(sp, STACK_BASE + STACK_SIZE - sp)
    assert set(above) == {STACK_POISON[0]}
    reserve = bytearray(machine.backend.read_memory(sp - 64, 64))
    for below in (4, 8, 24, 28, 32, 52, 56, 60, 64):
        assert reserve[64 - below:68 - below] == frame_pattern(64)[64 - below:68 - below], below
        reserve[64 - below:68 - below] = bytes([STACK_POISON[0]]) * 4
    assert set(reserve) == {STACK_POISON[0]}
    assert machine.backend.read_memory(STACK_BASE, sp - 64 - STACK_BASE) == frame_pattern(0x100)


def test_spllower_replays_what_it_unblocks():
    """hp700 spllower: softnet arrives while cpl blocks it and is pended;
    splx(IPL_NONE) replays it before returning (intr_dispatch)."""
    port, machine = port_model("hppa"), machine_for("hppa")
    result = machine.call("splx", [0], port.priority_of("IPL_HIGH"),
                          [Injection(port.source("softnet"), 0)])
    assert [e.source for e in result.of_kind("pended")] == ["softnet"]
    assert [(e.source, e.detail) for e in result.of_kind("handler")] == [("softnet", "replay")]
    assert result.priority_after == 0 and result.pending_after == 0


def test_netbsd_spllower_order_loses_a_source_in_its_window():
    """NetBSD/hp700's locore.S loads ipending before it stores cpl: a
    source blocked by the old cpl that arrives between the two is pended
    and not replayed (the shipped spllower stores cpl first)."""
    from tests.conftest import broken
    machine = machine_for("hppa", broken("hppa"))
    result = check_routine(machine, "spllower_netbsd_order", "spllower_netbsd_order", "lower",
                           returns_value=False, only=["IPL_NONE", "IPL_SOFTCLOCK"])
    ce = result.verdicts["no_lost"].counter_example
    assert not result.verdicts["no_lost"].holds and ce.source == "softclock"
    assert "ldil" in ce.instruction or "andcm" in ce.instruction   # after the load, before the store


@pytest.mark.parametrize("stub,holds", [("Xintr_clock", True), ("Xintr_clock_nonull", False)])
def test_an_interrupt_before_a_nullified_instruction_keeps_it_nullified(stub, holds):
    """Ch. 5: IPSW keeps PSW[N], so the instruction the interrupted code
    nullified stays nullified after RFI.  A stub that drops N makes
    splx_nullifies run its nullified ldi -1 and end blocking everything."""
    machine = machine_for("hppa", CONTRACT, (("clock", stub),))
    result = check_routine(machine, "splx", "splx_nullifies", "restore", returns_value=False,
                           only=["IPL_NONE", "IPL_SOFTCLOCK"])
    assert result.verdicts["nesting"].holds is holds
    if not holds:
        assert "0xffffffff" in result.verdicts["nesting"].counter_example.what


def test_an_rfi_path_that_loses_psw_i_is_seen():
    """A stub that clears IPSW[I] before its rfi gives the interrupted code
    back with external interrupts off: the PSW state the routine must keep
    (abi.state) differs at its return."""
    machine = machine_for("hppa", CONTRACT, (("clock", "Xintr_clock_loses_i"),))
    result = check_routine(machine, "splx", "splx", "restore", returns_value=False,
                           only=["IPL_NONE", "IPL_SOFTCLOCK"])
    verdict = result.verdicts["preserves"]
    assert not verdict.holds and verdict.counter_example.source == "clock"
    assert "psw&0x9 was 0x9" in verdict.counter_example.what


SYSTEM = """
	ssm 1, %r0
	rsm 9, %r1
	mtsm %r3
	mtctl %r26, %eiem
	mfctl %eiem, %r28
	mfctl %eirr, %r1
	mtctl %r1, %eirr
	mfctl %pcoq, %r1
	mtctl %r0, %pcoq
	mfctl %pcsq, %r1
	mtctl %r1, %ipsw
	mfctl %sar, %r19
	mtsar %r19
	mtctl %r1, %tr2
	mfctl %tr2, %r1
	rfi
	sync
	break 0, 0
	stw %r2, -20(%r30)
	stw %r2, 4(%r1)
	stwm %r3, 64(%r30)
	ldwm -64(%r30), %r3
	ldw 4(%r1), %r2
	ldwx,s %r2(%r1), %r3
	ldwx %r2(%r1), %r3
	ldb 3(%r1), %r2
	sth %r2, 2(%r1)
	depi 0, 31, 1, %r19
	depi 1, 10, 1, %r19
	bv %r0(%r2)
	bv,n %r0(%r2)
	blr %r1, %r0
	b,n .+8
	nop
	copy %r1, %r3
	ldi -1, %r26
	cmpclr,= %r0, %r0, %r0
	extru,= %r1, 31, 1, %r0
	andcm,<> %r1, %r26, %r1
	and,<> %r21, %r19, %r0
"""


def test_disassembly_of_the_system_and_memory_forms_matches_objdump():
    """Every form the snippets use that the random differential programs do
    not (system control, the memory-modify and short forms, bv, blr) is
    printed as hppa-linux-gnu-objdump prints it."""
    with tempfile.TemporaryDirectory() as tmp:
        elf = link(f"\t.text\n\t.globl _start\n_start:\n{SYSTEM}", ["-N", "-Ttext=0x10000"], Path(tmp))
        want = objdump(elf)
        program = load_elf(elf)
    (base, data), = [(a, d) for a, d in program.segments if a == 0x10000]
    assert len(want) == len(SYSTEM.strip().splitlines())
    for address, text in want.items():
        word = int.from_bytes(data[address - base:address - base + 4], "big")
        assert disassemble_word(word, address) == text, hex(word)


@pytest.mark.parametrize("sar,want", [
    # (SAR, [vextru r4,32; vextrs r4,32; vextrs r4,1; zvdep r6,32; zvdepi -1,4;
    #        vdep r6,2 into r5; vdepi 0,8 into r5]) with r4 = 0x80000005,
    # r5 = 0xffffffff, r6 = 3
    (31, [0x80000005, 0x80000005, 0xFFFFFFFF, 0x00000003, 0x0000000F, 0xFFFFFFFF, 0xFFFFFF00]),
    (30, [0x40000002, 0xC0000002, 0x00000000, 0x00000006, 0x0000001E, 0xFFFFFFFF, 0xFFFFFE01]),
    (1, [0x00000002, 0xFFFFFFFE, 0x00000000, 0xC0000000, 0xC0000000, 0xFFFFFFFF, 0x3FFFFFFF]),
    (0, [0x00000001, 0xFFFFFFFF, 0xFFFFFFFF, 0x80000000, 0x80000000, 0xFFFFFFFF, 0x7FFFFFFF]),
])
def test_the_sar_controlled_extracts_and_deposits(sar, want):
    """VEXTRU/VEXTRS, ZVDEP/VDEP, ZVDEPI/VDEPI (PA-RISC 1.1 ch. 5 pages):
    the field's rightmost bit is bit SAR (0 = the most significant); a field
    longer than SAR + 1 extends with zeros or GR[r]'s bit 0 (extract) and
    loses the bits left of bit 0 (deposit), which GCC's variable shifts
    (vextrs r,32 / zvdep r,32) rely on.  tests/test_hppa_differential.py
    checks the same forms against qemu."""
    cpu, _ = cpu_with(
        f"\tldi {sar},%r1\n\tmtsar %r1\n\tldil L%0x80000000,%r4\n\tldo 5(%r4),%r4\n"
        "\tldi -1,%r5\n\tldi 3,%r6\n"
        "\tvextru %r4,32,%r10\n\tvextrs %r4,32,%r11\n\tvextrs %r4,1,%r12\n"
        "\tzvdep %r6,32,%r13\n\tzvdepi -1,4,%r14\n"
        "\tcopy %r5,%r15\n\tvdep %r6,2,%r15\n\tcopy %r5,%r16\n\tvdepi 0,8,%r16\n")
    step(cpu, 15)
    assert [cpu.read_register(f"r{n}") for n in range(10, 17)] == want


def test_bvb_and_an_extract_condition_nullify():
    """BVB tests bit SAR; VEXTRU,= nullifies the next instruction when the
    field is zero (the shift/extract/deposit conditions, Appendix D)."""
    cpu, _ = cpu_with("\tldi 28,%r1\n\tmtsar %r1\n\tldi 8,%r4\n"
                      "\tvextru,= %r4,1,%r0\n\taddi 1,%r20,%r20\n"       # bit 28 of 8: 1
                      "\tvextru,<> %r4,2,%r0\n\taddi 1,%r21,%r21\n"      # bits 27-28: 1, nullified
                      "\tbvb,< %r4,over\n\taddi 1,%r22,%r22\n\taddi 1,%r23,%r23\nover:\n")
    step(cpu, 10)
    assert [cpu.read_register(f"r{n}") for n in (20, 21, 22, 23)] == [1, 0, 1, 0]


SAR_FORMS = """\
	vextru,= %r20,1,%r28
	vextrs,ev %r20,32,%r0
	zvdep,<> %r20,7,%r28
	vdep %r20,1,%r28
	zvdepi,od -16,32,%r28
	vdepi,>= 15,31,%r28
	vshd,tr %r1,%r2,%r3
	sh2addl,= %r1,%r2,%r3
L0:	bvb,>=,n %r19,L0
"""


def test_disassembly_of_the_sar_forms_matches_objdump():
    """The trace names GCC's SAR-controlled forms as objdump does
    (extrw,s r,sar,len,t ...) instead of .word."""
    with tempfile.TemporaryDirectory() as tmp:
        elf = link(f"\t.text\n\t.globl _start\n_start:\n{SAR_FORMS}", ["-N", "-Ttext=0x10000"], Path(tmp))
        want = objdump(elf)
        program = load_elf(elf)
    (base, data), = [(a, d) for a, d in program.segments if a == 0x10000]
    assert len(want) == len(SAR_FORMS.strip().splitlines())
    for address, text in want.items():
        word = int.from_bytes(data[address - base:address - base + 4], "big")
        assert disassemble_word(word, address) == text, hex(word)
        assert ".word" not in text
