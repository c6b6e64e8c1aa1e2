"""Sh3Backend's privileged behaviour against the manuals (what qemu-user
cannot show): interrupt acceptance and entry, rte, SR writes, register
banks, and a delayed branch with its slot as one boundary.

Sections: SH7708 Series Hardware Manual 4.2.1 (exception sequence), SH7709S
Hardware Manual 4.2.5-4.2.6 (BL masks interrupts; RTE), SH7727 Hardware
Manual 4 (the accepted level is not written to IMASK), SH7720 Hardware
Manual 7.2.1 (RTE: SR, slot, SPC), SH-3 Software Manual (SR bits, ADDV,
SUBV, BSR; MOV @(disp,PC) and MOVA in a delay slot count from the branch
destination + 2), SH7709S Hardware Manual 4.3 (INTEVT at H'FFFFFFD8)."""

from __future__ import annotations

import pytest

from emu.backends.base import CpuFault, NotModelled
from emu.backends.sh3 import SR_BL, SR_MD, SR_RB, SR_T, Sh3Backend

CODE = 0x10000


def cpu(*words: int, sr: int = SR_MD | 0x50) -> Sh3Backend:
    backend = Sh3Backend()
    backend.map_memory(CODE, 0x1000)
    backend.write_memory(CODE, b"".join(w.to_bytes(2, "big") for w in words))
    backend.write_register("sr", sr)
    backend.write_register("pc", CODE)
    return backend


def steps(backend: Sh3Backend, count: int) -> list[int]:
    """Run ``count`` boundaries; return the PCs seen."""
    seen: list[int] = []

    def on_boundary(pc):
        seen.append(pc)
        return len(seen) <= count
    backend.run(on_boundary)
    return seen


def test_interrupt_acceptance_compares_with_imask_and_honours_bl():
    backend = cpu(0x0009)
    assert backend.interrupt_accepted(6) and not backend.interrupt_accepted(5)
    backend.write_register("sr", SR_MD | SR_BL)
    assert not backend.interrupt_accepted(15)          # 4.2.5: held while BL = 1


def test_interrupt_entry_saves_pc_and_sr_and_switches_banks():
    backend = cpu(0x0009, 0x0009)
    backend.write_register("r0", 0x1234)
    steps(backend, 1)
    backend.take_interrupt(9, 0x2A0, 0x10100)
    sr = backend.read_register("sr")
    assert backend.read_register("spc") == CODE + 2
    assert backend.read_register("ssr") == SR_MD | 0x50
    assert sr & (SR_BL | SR_MD | SR_RB) == SR_BL | SR_MD | SR_RB
    assert sr & 0xF0 == 0x50                            # SH7727 4: IMASK unchanged
    assert backend.read_register("intevt") == 0x2A0
    assert backend.pc == 0x10100
    assert backend.read_register("r0_bank0") == 0x1234  # bank 0 kept
    backend.write_register("r0", 7)                     # bank 1 now
    assert backend.read_register("r0_bank0") == 0x1234


def test_rte_restores_sr_runs_its_slot_and_returns_as_one_boundary():
    # rte; mov #1,r0 (slot)
    backend = cpu(0x002B, 0xE001, sr=SR_MD | SR_RB | SR_BL | 0xF0)
    backend.write_register("ssr", SR_MD | 0x30)
    backend.write_register("spc", 0x10200)
    seen = steps(backend, 1)
    assert seen == [CODE, 0x10200]                      # the slot is no boundary
    assert backend.read_register("sr") == SR_MD | 0x30
    assert backend.read_register("r0_bank0") == 1       # slot ran under the restored SR (bank 0)


def test_bsr_sets_pr_past_the_slot_and_the_slot_runs_first():
    # bsr +0 (to CODE + 4); mov #5,r1 (slot); nop
    backend = cpu(0xB000, 0xE105, 0x0009)
    assert steps(backend, 1) == [CODE, CODE + 4]
    assert backend.read_register("pr") == CODE + 4 and backend.read_register("r1") == 5


def test_ldc_sr_writes_every_field_and_stc_reads_it_back():
    # ldc r1,sr; stc sr,r2
    backend = cpu(0x410E, 0x0202)
    backend.write_register("r1", SR_MD | 0xA0 | 0x1)
    steps(backend, 2)
    assert backend.read_register("r2") == SR_MD | 0xA0 | 0x1     # T kept, IMASK new


def test_privileged_instructions_fault_in_user_mode():
    backend = cpu(0x410E, sr=0)                                   # ldc r1,sr with MD = 0
    with pytest.raises(CpuFault, match="privileged"):
        steps(backend, 1)


@pytest.mark.parametrize("slot", [0x410E, 0x4107, 0xC320, 0x000B, 0x8B00])
def test_an_instruction_rewriting_the_pc_in_a_delay_slot_is_slot_illegal(slot):
    """SH7708 Series Hardware Manual 4, Illegal slot instruction: LDC Rm,SR,
    LDC.L @Rm+,SR, TRAPA, RTS, BF in a delay slot raise it, at the branch."""
    backend = cpu(0xA000, slot)                                   # bra; the slot
    with pytest.raises(CpuFault, match="slot illegal instruction") as raised:
        steps(backend, 1)
    assert not isinstance(raised.value, NotModelled) and raised.value.address == CODE


@pytest.mark.parametrize("word,rn,rm,result,t", [
    (0x321F, 0x7FFFFFFF, 1, 0x80000000, 1),    # addv r1,r2: overflow
    (0x321F, 5, 1, 6, 0),
    (0x321B, 0x80000000, 1, 0x7FFFFFFF, 1),    # subv r1,r2: underflow
    (0x321B, 5, 1, 4, 0),
])
def test_addv_subv_write_rn_and_set_t_on_overflow(word, rn, rm, result, t):
    backend = cpu(word)
    backend.write_register("r2", rn)
    backend.write_register("r1", rm)
    steps(backend, 1)
    assert backend.read_register("r2") == result and backend.read_register("r1") == rm
    assert backend.read_register("sr") & 1 == t


@pytest.mark.parametrize("word,before,after,t", [
    (0x4204, 0x80000001, 0x00000003, 1),       # rotl r2: bit 31 into T and bit 0
    (0x4204, 0x40000000, 0x80000000, 0),
    (0x4205, 0x00000003, 0x80000001, 1),       # rotr r2: bit 0 into T and bit 31
    (0x4205, 0x00000002, 0x00000001, 0),
])
def test_rotl_rotr_move_the_bit_rotated_out_into_t(word, before, after, t):
    backend = cpu(word)
    backend.write_register("r2", before)
    steps(backend, 1)
    assert backend.read_register("r2") == after
    assert backend.read_register("sr") & 1 == t


def test_div1_by_zero_and_on_itself_are_refused():
    backend = cpu(0x3214)                                         # div1 r1,r2 with r1 = 0
    with pytest.raises(CpuFault, match="zero divisor"):
        steps(backend, 1)
    backend = cpu(0x3224)                                         # div1 r2,r2
    with pytest.raises(CpuFault, match="div1 Rn,Rn"):
        steps(backend, 1)


def test_sr_bits_an_instruction_wrote_are_tracked_even_when_it_wrote_their_value():
    """unwritten_bits: a compare that leaves T as it was at the call has
    written it (by value alone a one-bit flag cannot tell); what an
    interrupt's code writes is given back with SR by its rte."""
    # cmp/eq #1,r0 (T = 1: its value at the call); at 0x100: cmp/eq #1,r0; rte; nop
    backend = cpu(0x8801, sr=SR_MD | 0x50 | 0x1)
    backend.write_memory(CODE + 0x100, bytes.fromhex("8801002b0009"))
    backend.write_register("r0", 1)
    assert backend.unwritten_bits("sr", ((0x301, 0x301),)) == 0x301
    backend.take_interrupt(9, 0x2A0, CODE + 0x100)
    assert steps(backend, 2) == [CODE + 0x100, CODE + 0x102, CODE]   # the handler's compare, rte
    assert backend.unwritten_bits("sr", ((0x301, 0x301),)) == 0x301
    steps(backend, 1)
    assert backend.read_register("sr") & 0x1 == 1
    assert backend.unwritten_bits("sr", ((0x301, 0x301),)) == 0x300         # T written, Q and M not
    assert backend.unwritten_bits("r0", ((1, 0xFFFFFFFF),)) == 0xFFFFFFFF   # others: by value


def test_ldc_sr_writes_only_the_sr_bits_it_changes():
    """stc sr,r1 / ldc r1,sr (how an spl routine writes IMASK) leaves T,
    Q and M holding what the caller left: still unwritten."""
    # stc sr,r1; mov #0x20,r2; or r2,r1 (IMASK 2); ldc r1,sr
    backend = cpu(0x0102, 0xE220, 0x212B, 0x410E, sr=SR_MD | 0x301)
    steps(backend, 4)
    assert backend.read_register("sr") == SR_MD | 0x321
    assert backend.unwritten_bits("sr", ((0x301, 0x301),)) == 0x301
    assert backend.unwritten_bits("sr", ((0, 0xF0),)) == 0xD0          # IMASK bit 5 written


# -- PC-relative instructions in a delay slot ---------------------------------
# SH-3 Software Manual, MOV @(disp,PC) and MOVA, Note: in a delay slot the
# PC is the branch destination + 2, where outside a slot it is the
# instruction's own address + 4.  OWN and DEST are the words a literal
# counted each way holds; every case reads DEST and would read OWN under
# the other rule.
OWN, DEST = 0x11111111, 0x22222222


def slot_cpu(branch: int, slot: int, target: int, own: int, dest: int, **regs) -> Sh3Backend:
    """``branch`` at CODE, ``slot`` at CODE + 2, nops up to ``target`` and
    beyond; OWN at ``own`` and DEST at ``dest`` (addresses)."""
    backend = cpu(branch, slot, *[0x0009] * 30)
    backend.write_memory(own, OWN.to_bytes(4, "big"))
    backend.write_memory(dest, DEST.to_bytes(4, "big"))
    for name, value in regs.items():
        backend.write_register(name, value)
    return backend


@pytest.mark.parametrize("target,dest", [
    (CODE + 0x10, CODE + 0x14),      # ((0x10 + 2) & ~3) + 1 * 4
    (CODE + 0x12, CODE + 0x18),      # ((0x12 + 2) & ~3) + 1 * 4
])
def test_a_mov_l_in_a_slot_counts_from_the_branch_destination_plus_2(target, dest):
    # bra target; mov.l @(1 * 4,PC),r1 (slot): its own rule would read
    # ((CODE + 2) & ~3) + 4 + 4 = CODE + 8
    backend = slot_cpu(0xA000 | (target - CODE - 4) // 2, 0xD101, target, CODE + 0x8, dest)
    assert steps(backend, 1) == [CODE, target]
    assert backend.read_register("r1") == DEST


def test_a_mov_w_in_a_slot_counts_from_the_branch_destination_plus_2():
    # bra CODE + 0x10; mov.w @(1 * 2,PC),r1: 0x10012 + 2 = CODE + 0x14 (own: CODE + 8)
    backend = slot_cpu(0xA006, 0x9101, CODE + 0x10, CODE + 0x8, CODE + 0x14)
    steps(backend, 1)
    assert backend.read_register("r1") == DEST >> 16


def test_a_mova_in_a_slot_counts_from_the_branch_destination_plus_2():
    # bra CODE + 0x10; mova @(1 * 4,PC),r0: ((0x10012) & ~3) + 4 (own: CODE + 8)
    backend = slot_cpu(0xA006, 0xC701, CODE + 0x10, CODE + 0x8, CODE + 0x14)
    steps(backend, 1)
    assert backend.read_register("r0") == CODE + 0x14


def test_a_slot_of_jmp_rts_and_rte_counts_from_where_they_go():
    # jmp @r2 / rts / rte; mov.l @(1 * 4,PC),r1 (slot), going to CODE + 0x10
    for branch, regs in ((0x422B, {"r2": CODE + 0x10}), (0x000B, {"pr": CODE + 0x10}),
                         (0x002B, {"spc": CODE + 0x10, "ssr": SR_MD | 0x50})):
        backend = slot_cpu(branch, 0xD101, CODE + 0x10, CODE + 0x8, CODE + 0x14, **regs)
        assert steps(backend, 1) == [CODE, CODE + 0x10]
        assert backend.read_register("r1") == DEST, hex(branch)


def test_a_slot_of_a_bt_s_not_taken_counts_from_its_own_address():
    # bt/s CODE + 0x10 with T = 0 (not taken: on to CODE + 4); mov.l
    # @(1 * 4,PC),r1: the destination is CODE + 4, + 2 = the slot's own
    # address + 4: ((CODE + 6) & ~3) + 4 = CODE + 8
    backend = slot_cpu(0x8D06, 0xD101, CODE + 0x10, CODE + 0x8, CODE + 0x14,
                       sr=SR_MD | 0x50)
    assert backend.read_register("sr") & SR_T == 0
    assert steps(backend, 1) == [CODE, CODE + 4]
    assert backend.read_register("r1") == OWN


# -- INTEVT, memory-mapped on the SH7708 (SH7709S Hardware Manual 4.3) ---------
INTEVT = 0xFFFFFFD8


def test_intevt_reads_the_code_the_interrupt_entry_set():
    # mov.l @r1,r2: r1 = H'FFFFFFD8
    backend = Sh3Backend("sh7708r")
    backend.map_memory(CODE, 0x1000)
    backend.write_memory(CODE + 0x100, bytes.fromhex("6212"))
    backend.write_register("pc", CODE)
    backend.take_interrupt(9, 0x2A0, CODE + 0x100)
    backend.write_register("r1", INTEVT)
    steps(backend, 1)
    assert backend.read_register("r2") == 0x2A0


@pytest.mark.parametrize("word,sr,match", [
    (0x6211, SR_MD, "not modelled: 2-byte read of INTEVT \\(H'FFFFFFD8\\)"),   # mov.w @r1,r2
    (0x2122, SR_MD, "write of INTEVT \\(H'FFFFFFD8\\)"),                        # mov.l r2,@r1
    (0x6212, 0, "INTEVT \\(H'FFFFFFD8\\) in user mode"),                         # mov.l @r1,r2
])
def test_intevt_otherwise_faults_naming_it(word, sr, match):
    backend = Sh3Backend("sh7708r")
    backend.map_memory(CODE, 0x1000)
    backend.write_memory(CODE, word.to_bytes(2, "big"))
    backend.write_register("sr", sr)
    backend.write_register("pc", CODE)
    backend.write_register("r1", INTEVT)
    with pytest.raises(CpuFault, match=match):
        steps(backend, 1)


def test_without_a_chip_intevt_is_unmapped_and_an_unknown_chip_is_refused():
    backend = cpu(0x6212)                                         # mov.l @r1,r2
    backend.write_register("r1", INTEVT)
    with pytest.raises(CpuFault, match="unmapped read of 0xffffffd8"):
        steps(backend, 1)
    with pytest.raises(ValueError, match="sh7708r"):
        Sh3Backend("sh7709")
