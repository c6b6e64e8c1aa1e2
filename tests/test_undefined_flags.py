"""Condition codes are undefined at a call (issue 17): the engine poisons
them, and tells the bits no instruction wrote since the call
(Backend.unwritten_bits) without taking a never-written field for a
written one, which would let a case that reads it pass."""

from __future__ import annotations

from emu.backends.m68k import M68kBackend

CODE = 0x10000


def m68k(code: bytes, sr: int) -> M68kBackend:
    backend = M68kBackend()
    backend.map_memory(CODE, 0x1000)
    backend.write_memory(CODE, code)
    backend.write_register("sr", sr)
    backend.write_register("sp", CODE + 0x800)
    backend.write_register("pc", CODE)
    return backend


def ccr_at_boundaries(backend: M68kBackend, count: int) -> list[int]:
    seen: list[int] = []

    def on_boundary(pc):
        seen.append(backend.unwritten_bits("sr", ((0x1F, 0x1F),)))
        return len(seen) <= count
    backend.run(on_boundary)
    return seen


def test_m68k_ccr_reads_back_exactly_until_an_instruction_writes_the_flags():
    """M68kBackend.inexact_bits: lea, movea, bra and move from SR leave the
    flags alone, and the poisoned CCR reads back whole through them."""
    # lea 4(%a0),%a1; movea.l %a0,%a2; bra.s +2 (over a nop); move.w %sr,%d0; moveq #0,%d1
    backend = m68k(bytes.fromhex("43e80004" "2448" "6002" "4e71" "40c0" "7200" "4e71"), 0x271F)
    unwritten = ccr_at_boundaries(backend, 5)
    assert unwritten[:5] == [0x1F] * 5          # entry, after lea, movea, bra, move from SR
    assert unwritten[5] == 0                    # moveq wrote N Z V C
    assert backend.read_register("d0") & 0x1F == 0x1F
