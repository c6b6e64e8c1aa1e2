"""The x86 backend's table of flags an instruction leaves undefined (SDM
vol. 2, each instruction's "Flags Affected"), and what the engine does
with them: the world's poison after the instruction."""

from __future__ import annotations

import capstone
import pytest

from emu.backends.x86 import X86_FLAGS, x86_flag_reads, x86_flags_undefined

from conftest import machine_for

CF, PF, AF, ZF, SF, OF = (X86_FLAGS[f] for f in ("CF", "PF", "AF", "ZF", "SF", "OF"))


@pytest.mark.parametrize("code,undefined", [
    (b"\xf7\xe1", SF | ZF | AF | PF),               # mul ecx
    (b"\xf7\xf1", CF | OF | SF | ZF | AF | PF),     # div ecx
    (b"\x85\xc0", AF),                              # test eax, eax
    (b"\x0f\xbc\xc1", CF | OF | SF | AF | PF),      # bsf eax, ecx: ZF is defined
    (b"\x0f\xa3\xc8", OF | SF | AF | PF),           # bt eax, ecx
    (b"\xd1\xe0", AF),                              # shl eax, 1: OF defined
    (b"\xc1\xe0\x05", AF | OF),                     # shl eax, 5
    (b"\xc1\xe0\x20", 0),                           # shl eax, 32: count 0, flags untouched
    (b"\x49\xc1\xe0\x21", AF | OF),                 # shl r8, 33 (6-bit count)
    (b"\x41\xc1\xe0\x21", AF),                      # shl r8d, 33 = 1
    (b"\xd3\xe0", 0),                               # shl eax, cl: count unknown
    (b"\xc1\xc0\x03", OF),                          # rol eax, 3
    (b"\x01\xc8", 0),                               # add eax, ecx: all defined
])
def test_flags_an_instruction_leaves_undefined(code, undefined):
    insn = next(capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_64).disasm(code, 0))
    assert x86_flags_undefined(insn.mnemonic, insn.op_str) == undefined


def test_an_undefined_flag_gets_the_worlds_poison_after_the_instruction(tmp_path):
    """After ``mull`` ZF holds world 0's poison (set), not what the CPU
    computed from the product (3: clear)."""
    snippet = tmp_path / "mul_zf.S"
    snippet.write_text(".globl mul_zf\nmul_zf:\n\tmovl $3, %eax\n\tmovl $1, %ecx\n"
                       "\tmull %ecx\n\tmovl $0, %eax\n\tjnz 1f\n\tmovl $1, %eax\n1:\tret\n")
    machine = machine_for("i386", str(snippet))
    assert machine.call("mul_zf", [], 0).returned == 1


@pytest.mark.parametrize("mnemonic,flags", [
    ("je", "ZF"), ("jb", "CF"), ("ja", "CF ZF"), ("jl", "SF OF"), ("jg", "ZF SF OF"),
    ("setne", "ZF"), ("cmovae", "CF"), ("adc", "CF"), ("lahf", "SF ZF AF PF CF"),
    ("pushfd", "CF PF AF ZF SF OF"), ("repe cmpsb", "ZF"), ("jmp", ""), ("jecxz", ""),
    ("rep movsb", ""), ("mov", ""), ("test", ""),
])
def test_flags_an_instruction_tests(mnemonic, flags):
    """SDM vol. 1 Appendix A Table A-2 "T" entries, Appendix B Table B-1."""
    assert x86_flag_reads(mnemonic) == sum(X86_FLAGS[f] for f in flags.split())
