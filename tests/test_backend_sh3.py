"""Sh3Backend's privileged behaviour against the manuals (what qemu-user
cannot show): interrupt acceptance and entry, rte, SR writes, register
banks, and a delayed branch with its slot as one boundary.

Sections: SH7708 Series Hardware Manual 4.2.1 (exception sequence), SH7709S
Hardware Manual 4.2.5-4.2.6 (BL masks interrupts; RTE), SH7727 Hardware
Manual 4 (the accepted level is not written to IMASK), SH7720 Hardware
Manual 7.2.1 (RTE: SR, slot, SPC), SH-3 Software Manual (SR bits, ADDV,
SUBV, BSR)."""

from __future__ import annotations

import pytest

from emu.backends.base import CpuFault
from emu.backends.sh3 import SR_BL, SR_MD, SR_RB, Sh3Backend

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


def test_sr_write_in_a_delay_slot_is_refused():
    backend = cpu(0xA000, 0x410E)                                 # bra; ldc r1,sr
    with pytest.raises(CpuFault, match="delay slot"):
        steps(backend, 1)


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
