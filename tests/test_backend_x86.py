"""The x86 backend's table of flags an instruction leaves undefined (SDM
vol. 2, each instruction's "Flags Affected"), and what the engine does
with them: the world's poison after the instruction."""

from __future__ import annotations

import capstone
import pytest

from emu.backends.x86 import (INSTRUCTION_SETS, LATER_INSTRUCTIONS, X86_FLAGS,
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


@pytest.mark.parametrize("code,refusal", I386_CODE)
def test_the_80386_refuses_what_it_does_not_have(code, refusal):
    """x86.INSTRUCTION_SETS: an instruction outside the 80386's set is an
    invalid opcode there, named with where it came from."""
    decoder = capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_32)
    found = INSTRUCTION_SETS["i386"].lacks(list(decoder.disasm(code, 0x1000))[-1])
    assert (found is None) if refusal is None else refusal in found, found


# (64-bit machine code, the first x86-64s' refusal: None where they have it)
AMD64_CODE = [
    (b"\xc4\xe2\x60\xf2\xc8", "andn is not an x86-64 baseline (K8, first EM64T) "
                             "instruction: an invalid opcode there (#UD; introduced by BMI1 "
                             "(CPUID.(EAX=07H,ECX=0):EBX.BMI1[bit 3]), SDM vol. 2 ANDN)"),
    (b"\xc4\xe2\x78\xf3\xc8", "blsr is not an x86-64 baseline"),     # blsr eax, eax (BMI1)
    (b"\xc4\xe2\x63\xf5\xc8", "pdep is not an x86-64 baseline"),     # pdep ecx, ebx, eax (BMI2)
    (b"\xc5\xf1\xef\xd0", "vpxor is not an x86-64 baseline (K8, first EM64T) instruction: "
                        "an invalid opcode there (#UD; introduced by AVX"),    # VEX
    (b"\x62\xf1\x75\x48\xef\xd0", "vpxord is not an x86-64 baseline"),  # EVEX (AVX-512)
    (b"\xc5\xf8\x93\xc1", "kmovw is not an x86-64 baseline"),          # VEX, AVX-512's
    (b"\xf3\x0f\xb8\xc8", "popcnt is not an x86-64 baseline (K8, first EM64T) instruction: "
                        "an invalid opcode there (#UD; introduced by POPCNT"),
    (b"\x48\x0f\xc7\x0f", "cmpxchg16b is not an x86-64 baseline"),     # cmpxchg16b [rdi]
    (b"\x9f", "lahf is not an x86-64 baseline (K8, first EM64T) instruction: an invalid "
             "opcode there (#UD; in 64-bit mode only with LAHF-SAHF"),
    (b"\x9e", "sahf is not an x86-64 baseline"),
    (b"\xf2\x0f\x7c\xc1", "haddps is not an x86-64 baseline"),           # SSE3
    (b"\xdb\x08", "fisttp is not an x86-64 baseline"),                    # SSE3's x87
    (b"\x66\x0f\x38\x00\xc1", "pshufb is not an x86-64 baseline"),       # SSSE3
    (b"\x66\x0f\x38\x17\xc1", "ptest is not an x86-64 baseline"),        # SSE4.1
    (b"\xf2\x0f\x38\xf1\xc8", "crc32 is not an x86-64 baseline"),        # SSE4.2
    (b"\x0f\x38\xf0\x18", "movbe is not an x86-64 baseline"),
    (b"\x66\x0f\x38\xf6\xc1", "adcx is not an x86-64 baseline"),         # ADX
    (b"\x0f\x01\xf9", "rdtscp is not an x86-64 baseline"),
    (b"\x0f\xae\x20", "xsave is not an x86-64 baseline"),                 # xsave [rax]
    (b"\x0f\x01\xd0", "xgetbv is not an x86-64 baseline"),
    (b"\x66\x0f\x3a\x44\xc1\x00", "pclmulqdq is not an x86-64 baseline"),
    (b"\x66\x0f\x38\xdc\xc1", "aesenc is not an x86-64 baseline"),
    (b"\x0f\xc7\xf0", "rdrand is not an x86-64 baseline"),
    (b"\x0f\x0d\x08", "prefetchw is not an x86-64 baseline"),             # 3DNow!: AMD's
    (b"\x0f\x34", "sysenter is not an x86-64 baseline"),                   # #UD in AMD's long mode
    (b"\x0f\x20\xc8", "mov of CR1 is not an x86-64 baseline"),            # mov rax, cr1
    (b"\x0f\x19\x00", "the hint nop (0F 18-0F 1E) is not an x86-64 baseline"),
    (b"\x0f\xc2\xc1\x00", None),                     # cmpps xmm0, xmm1, 0: "cmpeqps"
    (b"\xf2\x0f\xc2\xc1\x01", None),                 # cmpsd xmm0, xmm1, 1: "cmpltsd"
    (b"\x66\xff\x18", None),                         # lcall [rax] (m16:16)
    (b"\xf3\x0f\x1e\xfa", "endbr64 is not an x86-64 baseline"),          # CET
    (b"\xf3\x0f\xbc\xc8", None),                    # tzcnt: bsf there (_ZERO_SOURCE_SCANS)
    (b"\xf3\x0f\xbd\xc8", None),                    # lzcnt: bsr there
    (b"\xf3\x90", None),                              # pause: a nop there
    (b"\x0f\x1f\x44\x00\x00", None),                  # the multi-byte nop: family 0Fh
    (b"\x44\x0f\x20\xc0", None),                     # mov rax, cr8
    (b"\x0f\x20\xe0", None),                         # mov rax, cr4
    (b"\xf0\x0f\xb1\x10", None),                     # lock cmpxchg [rax], edx
    (b"\x0f\xc7\x0f", None),                         # cmpxchg8b [rdi]
    (b"\x0f\x44\xd1", None),                         # cmove edx, ecx
    (b"\x48\x63\xc8", None),                         # movsxd rcx, eax
    (b"\x48\xcf", None),                              # iretq
    (b"\x48\x0f\xae\x00", None),                     # fxsave64 [rax]
    (b"\xdf\xf1", None),                              # fcomip st(1) (capstone: fcompi)
    (b"\x0f\x77", None),                              # emms (MMX)
    (b"\x0f\x58\xc1", None),                         # addps (SSE)
    (b"\xf2\x0f\x10\xc8", None),                     # movsd xmm1, xmm0 (SSE2)
    (b"\xa5", None),                                 # the string movsd
    (b"\x66\x0f\xef\xc1", None),                     # pxor xmm0, xmm1 (SSE2)
    (b"\x0f\xae\xe8", None),                         # lfence
    (b"\x0f\x05", None),                              # syscall (UNMODELLED's, not #UD)
    (b"\x0f\x01\xf8", None),                         # swapgs
]


@pytest.mark.parametrize("code,refusal", AMD64_CODE)
def test_the_first_x86_64s_refuse_what_they_do_not_have(code, refusal):
    """x86.INSTRUCTION_SETS["amd64"]: an instruction the K8 and the first
    EM64T lack (a later extension, any VEX/EVEX encoding) is an invalid
    opcode there, named with the extension and its CPUID flag."""
    decoder = capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_64)
    found = INSTRUCTION_SETS["amd64"].lacks(list(decoder.disasm(code, 0x1000))[-1])
    assert (found is None) if refusal is None else refusal in found, found


def test_every_later_instruction_is_outside_its_set():
    """A table naming where an instruction came from names none the set
    has."""
    assert not set(LATER_INSTRUCTIONS) & INSTRUCTION_SETS["i386"].mnemonics
    for instruction_set in INSTRUCTION_SETS.values():
        assert not set(instruction_set.later) & instruction_set.mnemonics
