"""The x86 backend's table of flags an instruction leaves undefined (SDM
vol. 2, each instruction's "Flags Affected"), and what the engine does
with them: the world's poison after the instruction."""

from __future__ import annotations

import capstone
import pytest

from emu.backends.x86 import (INSTRUCTION_SETS, LATER_INSTRUCTIONS, X86_FLAGS, X86Backend,
                              x86_flag_reads, x86_flags_undefined)

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
    (b"\xd3\xe0", AF | OF),                          # shl eax, cl: count unknown, up to 31
    (b"\xc1\xc0\x03", OF),                          # rol eax, 3
    (b"\x01\xc8", 0),                               # add eax, ecx: all defined
    (b"\xc0\xe9\x08", CF | OF | AF),                  # shr cl, 8: count >= size, CF too
    (b"\x66\xc1\xe1\x10", CF | OF | AF),              # shl cx, 16
    (b"\x48\xc1\xe8\x20", OF | AF),                   # shr rax, 32: within 64 bits
    (b"\xc0\xf8\x08", OF | AF),                       # sar al, 8: CF is the sign
    (b"\x66\x0f\xa4\xc1\x11", CF | PF | AF | ZF | SF | OF),   # shld cx, ax, 17: all
    (b"\xf3\x0f\xbd\xc0", CF | OF | SF | AF | PF | ZF),   # lzcnt: ZF too (bsr where there is none: a zero source)
    (b"\xc4\xe2\x78\xf3\xc8", AF | PF),              # blsr eax, eax
    (b"\xc4\xe2\x78\xf7\xc0", AF | SF | PF),         # bextr eax, eax, eax
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


@pytest.mark.parametrize("code,writes", [
    (b"\x0f\x01\xe1", 0),                          # smsw ecx: "Flags Affected: None"
    (b"\x0f\x00\xc1", 0),                          # sldt ecx
    (b"\xd9\xd0", 0),                              # fnop: x87 only
    (b"\x66\x0f\x6e\xc0", 0),                      # movd xmm0, eax
    (b"\x66\x0f\x2f\xc1", CF | PF | AF | ZF | SF | OF),   # comisd: ZF PF CF, the rest cleared
    (b"\xdb\xf1", CF | PF | AF | ZF | SF | OF),       # fcomi st(1)
    (b"\x01\xc8", CF | PF | AF | ZF | SF | OF),       # add
])
def test_flags_an_instruction_writes(code, writes):
    """An instruction that writes no flag must not count as writing them:
    flags left undefined before it would look defined again after it."""
    backend = machine_for("amd64").backend
    insn = next(backend._detail_decoder().disasm(code, 0))
    assert backend.flag_writes(insn) == (("rflags", writes),)


# (machine code, the 80386's refusal: None where it has the instruction)
I386_CODE = [
    (b"\xf0\x0f\xb1\x10", "cmpxchg is not an 80386 instruction: an invalid opcode there (#UD; "
                         "introduced by the Intel486, SDM vol. 2 CMPXCHG)"),
    (b"\x0f\xc8", "bswap is not an 80386 instruction"),              # bswap eax
    (b"\x0f\xc1\x03", "xadd is not an 80386 instruction"),          # xadd [ebx], eax
    (b"\x0f\x44\xd1", "cmove is not an 80386 instruction"),         # cmove edx, ecx
    (b"\xda\xc1", "fcmovb is not an 80386 instruction"),             # fcmovb st, st(1)
    (b"\xdb\xf1", "fcomi is not an 80386 instruction"),
    (b"\x0f\xa2", "cpuid is not an 80386 instruction"),
    (b"\x0f\x31", "rdtsc is not an 80386 instruction"),
    (b"\x0f\x32", "rdmsr is not an 80386 instruction"),
    (b"\x0f\xc7\x08", "cmpxchg8b is not an 80386 instruction"),
    (b"\x0f\x0b", None),                                           # ud2: #UD everywhere
    (b"\x0f\x34", "sysenter is not an 80386 instruction"),
    (b"\x0f\x01\x38", "invlpg is not an 80386 instruction"),
    (b"\x0f\x09", "wbinvd is not an 80386 instruction"),
    (b"\x0f\xaa", "rsm is not an 80386 instruction"),
    (b"\x0f\x77", "emms is not an 80386 instruction"),                # MMX
    (b"\xf2\x0f\x10\xc8", "movsd is not an 80386 instruction"),       # SSE2 movsd xmm1, xmm0
    (b"\xa5", None),                                                # the string movsd
    (b"\xf3\xa5", None),                                            # rep movsd
    (b"\xf3\x0f\xb8\xd8", "popcnt is not an 80386 instruction"),
    (b"\x0f\x38\xf0\x18", "movbe is not an 80386 instruction"),
    (b"\x0f\x1f\x00", "the multi-byte nop (0F 1F) is not an 80386 instruction"),
    (b"\x90", None),
    (b"\xf3\x90", None),                                            # pause: a nop there
    (b"\x0f\x20\xe0", "mov of CR4 is not an 80386 instruction"),      # mov eax, cr4
    (b"\x0f\x20\xc0", None),                                        # mov eax, cr0
    (b"\x0f\x22\xd8", None),                                        # mov cr3, eax
    (b"\xf3\x0f\xbc\xd8", None),                                    # tzcnt: bsf there
    (b"\x0f\xbc\xc1", None),                                        # bsf eax, ecx
    (b"\x0f\xa4\xc1\x03", None),                                    # shld ecx, eax, 3
    (b"\x0f\xb6\xc0", None),                                        # movzx eax, al
    (b"\x0f\x95\xc0", None),                                        # setne al
    (b"\xf0\x0f\xab\x03", None),                                    # lock bts [ebx], eax
    (b"\x9b\xdf\xe0", None),                                        # fstsw ax (wait; fnstsw)
    (b"\xdd\x30", None),                                            # fnsave [eax]
    (b"\xd9\xfe", None),                                            # fsin (80387)
    (b"\xcf", None),                                                # iretd
]


@pytest.fixture(scope="module")
def amd64():
    return X86Backend("amd64")


@pytest.mark.parametrize("code,refusal", I386_CODE)
def test_the_80386_refuses_what_it_does_not_have(code, refusal, amd64):
    """x86.INSTRUCTION_SETS: an instruction outside the 80386's set is an
    invalid opcode there, named with where it came from; amd64's model
    refuses none of them for that (UNMODELLED's reasons stay)."""
    decoder = capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_32)
    found = INSTRUCTION_SETS["i386"].lacks(list(decoder.disasm(code, 0x1000))[-1])
    assert (found is None) if refusal is None else refusal in found, found
    wide = capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_64)
    reason = amd64.unmodelled_reason(list(wide.disasm(code, 0x1000))[-1]) or ""
    assert "is not an" not in reason, reason


def test_every_later_instruction_is_outside_the_80386s_set():
    """A table naming where an instruction came from names none the
    80386 has."""
    assert not set(LATER_INSTRUCTIONS) & INSTRUCTION_SETS["i386"].mnemonics
    assert INSTRUCTION_SETS["amd64"] is None
