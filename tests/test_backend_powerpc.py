"""The PowerPC backend's rfi and interrupt entry against the Programming
Environments Manual for 32-bit PowerPC (PEM §6.4.5 and the rfi page, as
archs/powerpc.yaml cites them), and the unicorn rfi quirk that makes the
backend refuse an interrupt taken with MSR[ILE] = 1."""

from __future__ import annotations

import struct

import pytest

from emu.backends.base import CpuFault
from emu.backends.powerpc import (MSR_EE, MSR_FE0, MSR_FE1, MSR_FP, MSR_ILE, MSR_ME, MSR_POW,
                                  MSR_RI, PowerPCBackend)

from conftest import machine_for

CODE, TARGET = 0x10000, 0x10100
NOP, RFI = 0x60000000, 0x4C000064
MTSRR0_R3, MTSRR1_R4 = 0x7C7A03A6, 0x7C9B03A6
#: MSR bits rfi takes from SRR1 (PEM rfi: bits 0, 5-9, 16-23, 25-27, 30-31)
RFI_RESTORED = 0x87C0FF73


def rfi_with(msr: int, srr1: int) -> tuple[int, int]:
    """Run ``mtsrr0 r3; mtsrr1 r4; rfi`` with MSR = ``msr``, SRR0 = TARGET
    and SRR1 = ``srr1``; return (pc, MSR) after the rfi."""
    cpu = PowerPCBackend()
    cpu.map_memory(CODE, 0x1000)
    cpu.write_memory(CODE, struct.pack(">3I", MTSRR0_R3, MTSRR1_R4, RFI))
    cpu.write_memory(TARGET, struct.pack(">I", NOP))
    cpu.write_register("msr", msr)
    cpu.write_register("r3", TARGET)
    cpu.write_register("r4", srr1)
    cpu.write_register("pc", CODE)
    seen = []

    def boundary(pc):
        seen.append(pc)
        return pc != TARGET and len(seen) < 10
    cpu.run(boundary)
    return seen[-1], cpu.read_register("msr")


def test_rfi_takes_the_listed_msr_bits_from_srr1_and_continues_at_srr0():
    """PEM rfi: SRR1[16-23, 25-27, 30-31] go into the MSR (EE back on) and
    the next instruction is fetched from SRR0; SRR1 bits 1-4 are not MSR
    bits and do not reach it."""
    srr1 = MSR_EE | MSR_FP | MSR_ME | MSR_FE0 | MSR_FE1 | MSR_RI
    pc, msr = rfi_with(MSR_ME, srr1 | 0x78000000)
    assert pc == TARGET
    assert msr & RFI_RESTORED == srr1
    assert msr & 0x78000000 == 0


def test_unicorns_rfi_copies_srr1_ile_which_the_manual_keeps():
    """The quirk behind entry_fault: the PEM's rfi leaves MSR[ILE] (bit 15)
    alone, unicorn's copies it from SRR1 (and clears POW).  Interrupt entry
    clears SRR1 bits 10-15, so ILE = 1 would not survive an interrupt."""
    _, msr = rfi_with(MSR_ME | MSR_ILE, MSR_ME | MSR_EE)
    assert msr & MSR_ILE == 0
    _, msr = rfi_with(MSR_ME, MSR_ME | MSR_EE | MSR_POW)
    assert msr & MSR_POW == 0


def test_an_interrupt_with_ile_set_is_refused_not_mismodelled():
    """With MSR[ILE] = 1 the model cannot follow the interrupt (LE := ILE,
    then unicorn's rfi): the machine reports a fault at the boundary."""
    machine = machine_for("powerpc")
    port = machine.port
    machine.prepare_call("splraise", [0], 0)
    backend = machine.backend
    backend.write_register("msr", MSR_ME | MSR_EE)
    assert backend.entry_fault() is None
    backend.write_register("msr", MSR_ME | MSR_EE | MSR_ILE)
    with pytest.raises(CpuFault, match=r"MSR\[ILE\] = 1"):
        machine.enter_interrupt(port.source("clock"))


def test_the_sprgs_read_back_what_was_written_and_survive_snapshot_and_restore():
    """SPRG0-3 are not in unicorn's register API: the backend reads and
    writes them in the CPU state; the guest's mfsprg sees what the backend
    wrote, the backend reads what mtsprg wrote, and a snapshot (a unicorn
    context) carries them."""
    cpu = PowerPCBackend()
    cpu.map_memory(CODE, 0x1000)
    # mfsprg r5,0 .. mfsprg r8,3; mtsprg 0,r9 .. mtsprg 3,r9; nop
    mfsprg = [0x7C1042A6 | (5 + n) << 21 | n << 16 for n in range(4)]
    mtsprg = [0x7C1043A6 | 9 << 21 | n << 16 for n in range(4)]
    cpu.write_memory(CODE, struct.pack(">9I", *mfsprg, *mtsprg, NOP))
    cpu.write_register("msr", MSR_ME)
    written = {f"sprg{n}": 0x5EED0000 | n * 0x111 for n in range(4)}
    for name, value in written.items():
        cpu.write_register(name, value)
    assert {name: cpu.read_register(name) for name in written} == written
    saved = cpu.snapshot()
    cpu.write_registers([(name, 0xDEAD0000 | n) for n, name in enumerate(written)])
    assert [cpu.read_register(name) for name in written] == [0xDEAD0000 | n for n in range(4)]
    cpu.restore(saved)
    assert cpu.register_reader(["r1", *written, "msr"])()[1:5] == tuple(written.values())
    cpu.write_register("r9", 0xABCD1234)
    cpu.write_register("pc", CODE)
    cpu.run(lambda pc: pc != CODE + 8 * 4)
    assert [cpu.read_register(f"r{5 + n}") for n in range(4)] == list(written.values())
    assert [cpu.read_register(name) for name in written] == [0xABCD1234] * 4
    with pytest.raises(ValueError):
        cpu.write_register("sprg1", 1 << 32)


def test_a_fixed_writer_batches_the_plain_registers_then_writes_xer_and_the_sprgs():
    """fixed_writer writes the registers unicorn's API has in one batch and
    then those the backend writes its own way (own_writes: XER's flags,
    the SPRGs), in their order; with one of those first it writes all of
    them one by one, in order.  Either way every value arrives."""
    cpu = PowerPCBackend()
    values = [("r3", 0x1111), ("r4", 0x2222), ("ctr", 0x3333), ("xer", 0xE0000000),
              ("sprg1", 0x4444), ("sprg2", 0x5555)]
    for order in (values, values[::-1]):
        for name, _ in values:
            cpu.write_register(name, 0)
        cpu.fixed_writer(order)()
        assert {name: cpu.read_register(name) for name, _ in values} == dict(values)


# the reservation (emu/backends/powerpc.py module docstring)
LWARX_R5_R9, STWCX_R7_R9, STWCX_R7_R8 = 0x7CA04828, 0x7CE0492D, 0x7CE0412D
STW_R6_R9, MFCR_R8, MFCR_R10 = 0x90C90000, 0x7D000026, 0x7D400026
WORD, STUB = CODE + 0x800, CODE + 0x400
CR0_EQ, CR0_SO = 0x20000000, 0x10000000


def reserving_cpu(code: list[int], stub: list[int] = ()) -> PowerPCBackend:
    """A backend with ``code`` at CODE (and ``stub`` at STUB) loaded as an
    image, r9 = WORD holding 0x11, r6 = 0x66, r7 = 0x77, EE on."""
    cpu = PowerPCBackend()
    cpu.map_memory(CODE, 0x1000)
    image = struct.pack(f">{len(code)}I", *code)
    cpu.write_memory(CODE, image)
    segments = [(CODE, image)]
    if stub:
        body = struct.pack(f">{len(stub)}I", *stub)
        cpu.write_memory(STUB, body)
        segments.append((STUB, body))
    cpu.image_loaded(segments)
    cpu.write_memory(WORD, struct.pack(">I", 0x11))
    for name, value in (("r9", WORD), ("r6", 0x66), ("r7", 0x77), ("msr", MSR_ME | MSR_EE),
                        ("pc", CODE)):
        cpu.write_register(name, value)
    return cpu


def word_at(cpu: PowerPCBackend) -> int:
    return struct.unpack(">I", cpu.read_memory(WORD, 4))[0]


def test_a_store_of_the_same_processor_keeps_the_reservation_and_stwcx_stores():
    """MPC823e manual §13.4.10: "A store by the same processor does not
    clear the reservation"; the stwcx. then stores and sets CR0 EQ (unicorn's
    own would compare the word with what lwarx read, and fail)."""
    cpu = reserving_cpu([LWARX_R5_R9, STW_R6_R9, STWCX_R7_R9, MFCR_R8, NOP])
    cpu.run(lambda pc: pc != CODE + 16)
    assert word_at(cpu) == 0x77
    assert cpu.read_register("r8") & 0xF0000000 == CR0_EQ


def test_every_stwcx_clears_the_reservation_and_copies_so():
    """PEM ch. 8 stwcx.: the reservation is cleared whether it stored or
    not; without one it stores nothing and CR0 = 0b00 || 0 || XER[SO]."""
    cpu = reserving_cpu([LWARX_R5_R9, STWCX_R7_R9, MFCR_R8, STWCX_R7_R9, MFCR_R8, NOP])
    cpu.write_register("xer", 0x80000000)
    cpu.run(lambda pc: pc != CODE + 12)
    assert word_at(cpu) == 0x77 and cpu.read_register("r8") >> 28 == 0b0011
    cpu.write_register("r7", 0x99)
    cpu.run(lambda pc: pc != CODE + 20)
    assert word_at(cpu) == 0x77 and cpu.read_register("r8") >> 28 == 0b0001


def test_the_reservation_survives_an_interrupt_whose_stub_stores_to_the_word():
    """The stub pends with a plain stw and returns by rfi (unicorn's rfi
    drops its reservation; the PEM's keeps it): the interrupted stwcx.
    stores over what the stub stored, as on a 603e (a lost interrupt for
    code that relies on the reservation being lost)."""
    cpu = reserving_cpu([LWARX_R5_R9, NOP, STWCX_R7_R9, MFCR_R8, NOP], [STW_R6_R9, RFI])
    taken = []

    def boundary(pc):
        if pc == CODE + 4 and not taken:
            taken.append(pc)
            cpu.take_interrupt(None, 0, STUB)
        return pc != CODE + 16
    cpu.run(boundary)
    assert taken and word_at(cpu) == 0x77
    assert cpu.read_register("r8") & 0xF0000000 == CR0_EQ


def test_a_snapshot_carries_the_reservation():
    """restore puts the reservation back as the snapshot had it (held or
    not), and snapshot_bytes tells the two apart."""
    cpu = reserving_cpu([LWARX_R5_R9, STWCX_R7_R9, MFCR_R8, NOP])
    none = cpu.snapshot()
    cpu.run(lambda pc: pc != CODE + 4)
    held = cpu.snapshot()
    assert cpu.snapshot_bytes(held) != cpu.snapshot_bytes(none)
    cpu.run(lambda pc: pc != CODE + 12)
    assert word_at(cpu) == 0x77 and cpu.read_register("r8") & CR0_EQ
    cpu.restore(held)
    cpu.write_register("r7", 0x88)
    cpu.run(lambda pc: pc != CODE + 12)
    assert word_at(cpu) == 0x88 and cpu.read_register("r8") & CR0_EQ
    cpu.restore(none)
    cpu.write_register("pc", CODE + 4)
    cpu.run(lambda pc: pc != CODE + 12)
    assert word_at(cpu) == 0x11 and not cpu.read_register("r8") & CR0_EQ


@pytest.mark.parametrize("world,stores", [(0, True), (1, False)])
def test_a_stwcx_to_another_address_than_the_reservations_stores_in_one_world(world, stores):
    """PEM ch. 8 stwcx.: with the reservation for another address, whether
    it stores is undefined: it does in world 0 (as the 603e), not in the
    second world (implementation_choice); the reservation is gone."""
    cpu = reserving_cpu([LWARX_R5_R9, STWCX_R7_R8, MFCR_R10, STWCX_R7_R9, NOP])
    cpu.choice_world = world
    cpu.write_register("r8", WORD + 4)
    cpu.run(lambda pc: pc != CODE + 12)
    stored = int.from_bytes(cpu.read_memory(WORD + 4, 4), "big") == 0x77
    assert stored == stores and bool(cpu.read_register("r10") & CR0_EQ) == stores
    cpu.write_register("r7", 0x99)
    cpu.run(lambda pc: pc != CODE + 16)
    assert word_at(cpu) != 0x99                     # no reservation left for the next


@pytest.mark.parametrize("first", [True, False])
def test_an_illegal_instruction_is_named_at_its_own_address(first):
    """PEM §6.4.7, program exception: SRR0 holds the address of the
    instruction that caused it; unicorn's PC has moved past it, so the
    fault names the instruction itself (isel, which the 604/750 lacks),
    first in its block or after another."""
    ISEL, OR = 0x7CA4189E, 0x7C851B78       # isel r5,r4,r3,2; or r5,r4,r3
    cpu = PowerPCBackend()
    cpu.map_memory(CODE, 0x1000)
    cpu.write_memory(CODE, struct.pack(">3I", OR, ISEL, OR))
    cpu.write_register("pc", CODE + (4 if first else 0))
    with pytest.raises(CpuFault) as fault:
        cpu.run(lambda pc: True)
    assert fault.value.address == CODE + 4
    assert "illegal instruction" in str(fault.value)
