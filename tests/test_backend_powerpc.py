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
