"""x86 on unicorn: i386 (32-bit protected mode) and amd64 (64-bit mode),
chosen by the port's ``cpu.model``.

The CPU's rules for an external interrupt: it is recognised at an
instruction boundary only when EFLAGS.IF is 1 (Intel SDM vol. 3A §6.8.1);
through an interrupt gate the CPU saves the interrupted state, clears IF
and TF and continues at the gate's handler; ``iret`` / ``iretq`` pops the
state back.  What is saved differs by mode:

- 32-bit, no privilege change (SDM vol. 3A §6.12.1): EFLAGS, CS, EIP.
- 64-bit mode (SDM vol. 3A §6.14.2, §6.14.3): RSP is first aligned down to
  16 bytes, then SS, the old RSP, RFLAGS, CS and RIP are pushed, always
  (also without a privilege change); ``iretq`` pops all five.

The x86 has no hardware priority level here: masking by level is the
port's software (cpl).  The TPR (%cr8) of 64-bit mode is not modelled:
unicorn 2.1.4 discards writes to it (docs/ports.md), and NetBSD
1.6 did not use it.

The interrupt shadow (SDM vol. 2B, STI; vol. 3A §6.8.3): after an ``sti``
that sets IF (IF was 0), and after an instruction that loads SS (``mov
...,%ss``, ``pop %ss``), no external interrupt is recognised at the next
boundary: ``sti; movl %edx, cpl`` stores with no interrupt in between.
The backend keeps the shadow itself (one flag, part of a snapshot).

``iret`` / ``iretq`` need a GDT with a ring-0 code descriptor and CS=8
(notes/emulators.md, ports.md); it lives in the backend's private page.

64-bit mode runs with paging off, as unicorn 2.1.4 starts it: an address
goes to memory cut to its low 52 bits (physical_bits), so a kernel-half
image (0xffffffff80100000, archs/amd64.yaml) is mapped and read at its
address cut so, and a pointer cut to 32 bits (``movl ptr, %eax``) is
unmapped there (probed in session 39).  Not modelled: a non-canonical
address (SDM vol. 1 §3.3.7.1: #GP) whose low 52 bits are a mapped one's
reaches that memory.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

import capstone
from unicorn import UC_ARCH_X86, UC_MODE_32, UC_MODE_64
from unicorn import x86_const as X

from .base import CpuFault, Unmodelled
from .unicorn_base import Undecoded, UnicornBackend

#: unicorn 2.1.4's saved x86 CPU (QEMU's CPUX86State; pinned in
#: pyproject.toml, checked by tests/test_states.py): where the lazy
#: condition-code fields are, and cc_op's value for "flags computed"
_CC_DST, _CC_SRC2, _CC_OP = 152, 168, 176
_CC_OP_EFLAGS = 1

EFLAGS_TF = 1 << 8
EFLAGS_IF = 1 << 9
KERNEL_CS = 0x08
KERNEL_DS = 0x10

_EXCEPTIONS = {0: "divide error", 6: "illegal instruction (#UD)",
               13: "general protection fault (#GP)", 14: "page fault", 3: "breakpoint (int3)",
               1: "debug exception (#DB: a single-step trap, EFLAGS.TF set, SDM vol. 3A "
                  "§17.3.1.4)"}

_HALT = "halts the CPU until an interrupt (SDM vol. 2 HLT, MWAIT): a halt (no_fault)"
_PORT_IO = Unmodelled("port I/O (SDM vol. 2 IN, OUT, INS, OUTS): no device in this model")
_CLOCK = Unmodelled("reads a counter of the host (SDM vol. 2 RDTSC, RDPMC): no meaning in this "
                    "model")
_MSR = Unmodelled("model-specific register access (SDM vol. 2 RDMSR, WRMSR): no meaning in this "
                  "model")
#: CLTS, LMSW and a MOV to CR0 (TS, WP, ...), CR3, CR4 or CR8: they steer
#: the FPU, paging and the APIC, none of which the model has; a routine
#: that wrote one held before (red team 27 D: clts, CR0.WP, CR4).  CR2,
#: the last page fault's address, is abi.foreign's: modelled
_CONTROL_WRITE = Unmodelled("writes a control register (SDM vol. 3A §2.5 CR0, CR3, CR4, CR8; vol. 2 "
                            "CLTS, LMSW, MOV to CRn): no meaning in this model")
#: a MOV to one of them, in capstone's decoding syntax (Intel: destination first)
_CONTROL_DESTINATION = re.compile(r"cr[0348]\b")
_SYSTEM_CALL = Unmodelled("a system call or software interrupt (SDM vol. 2 INT n, SYSCALL, "
                          "SYSENTER): the kernel's handler is not in this model")
_DESCRIPTOR_TABLE = Unmodelled(
    "loads a descriptor-table or task register (SDM vol. 3A §2.4; vol. 2 LGDT, LIDT, LLDT, "
    "LTR): where the CPU finds its segments and interrupt gates; this model's are its own and "
    "its interrupt entry goes to the ports' stubs directly")
#: an i386 memory access through FS or GS (capstone's Intel syntax names the
#: segment before the operand): in NetBSD 1.6's kernel they hold the
#: interrupted process's selectors (null, or its user data segment, whose
#: limit ends below the kernel), so the access faults: #GP (SDM vol. 3A
#: §5.4.1 null selectors, §5.3 limit checking)
#: a LOCK prefix no instruction takes (X86Backend.undecoded)
_INVALID_OPCODE = ("an invalid opcode, #UD (SDM vol. 2A, LOCK: the prefix only on ADD, ADC, "
                   "AND, BTC, BTR, BTS, CMPXCHG, DEC, INC, NEG, NOT, OR, SBB, SUB, XOR, XADD, "
                   "XCHG with a memory destination)")
#: the legacy prefixes (SDM vol. 2A §2.1.1): LOCK, REPNE, REP, the segment
#: overrides, operand and address size
_LEGACY_PREFIXES = frozenset((0xF0, 0xF2, 0xF3, 0x2E, 0x36, 0x3E, 0x26, 0x64, 0x65, 0x66, 0x67))
_PROCESS_SEGMENT = ("a memory access through %fs or %gs, which hold the interrupted process's "
                    "selectors in the kernel (null, or a user segment ending below the kernel): "
                    "a general-protection fault (SDM vol. 3A §5.3, §5.4.1)")
_RANDOM = Unmodelled("reads a random number generator (SDM vol. 2 RDRAND, RDSEED): no meaning "
                     "in this model")
_IDENTITY = Unmodelled("reads the CPU's identity and features (SDM vol. 2A CPUID): the emulator "
                       "answers as another CPU than the port's cpu.model")

#: capstone mnemonic -> why the model refuses it: a halt is the routine's
#: fault (no_fault), the others Unmodelled (no verdict)
UNMODELLED = {
    "hlt": _HALT, "monitor": _HALT, "mwait": _HALT,
    **{name: _PORT_IO for name in ("in", "out", "insb", "insw", "insd", "outsb", "outsw", "outsd")},
    "rdtsc": _CLOCK, "rdtscp": _CLOCK, "rdpmc": _CLOCK,
    "rdmsr": _MSR, "wrmsr": _MSR,
    **{name: _SYSTEM_CALL for name in ("syscall", "sysenter", "sysexit", "sysret",
                                        "int", "int1", "int3", "into")},
    "rdrand": _RANDOM, "rdseed": _RANDOM, "cpuid": _IDENTITY,
    **dict.fromkeys(("lgdt", "lidt", "lldt", "ltr"), _DESCRIPTOR_TABLE),
}
#: what only 64-bit mode decodes: the REX.W forms of the system-call returns
#: (SDM vol. 2 SYSRET, SYSEXIT) and SWAPGS, which swaps GS.base with the
#: IA32_KERNEL_GS_BASE MSR (SDM vol. 2 SWAPGS)
UNMODELLED_64 = {
    **UNMODELLED,
    "sysretq": _SYSTEM_CALL, "sysexitq": _SYSTEM_CALL,
    "swapgs": Unmodelled("swaps GS.base with an MSR (SDM vol. 2 SWAPGS): no meaning in this "
                         "model"),
}

#: the 80387 coprocessor's instructions (its Programmer's Reference Manual's
#: ESC instructions), as capstone names them: the 80386's and x86-64's x87
_80387_INSTRUCTIONS = (
    "f2xm1", "fabs", "fadd", "faddp", "fiadd", "fbld", "fbstp", "fchs", "fnclex", "fcom",
    "fcomp", "fcompp", "fcos", "fdecstp", "fdiv", "fdivp", "fidiv", "fdivr", "fdivrp",
    "fidivr", "ffree", "ficom", "ficomp", "fild", "fincstp", "fninit", "fist", "fistp", "fld",
    "fld1", "fldcw", "fldenv", "fldl2e", "fldl2t", "fldlg2", "fldln2", "fldpi", "fldz",
    "fmul", "fmulp", "fimul", "fnop", "fpatan", "fprem", "fprem1", "fptan", "frndint",
    "frstor", "fnsave", "fscale", "fsin", "fsincos", "fsqrt", "fst", "fnstcw", "fnstenv",
    "fstp", "fnstsw", "fsub", "fsubp", "fisub", "fsubr", "fsubrp", "fisubr", "ftst", "fucom",
    "fucomp", "fucompp", "fxam", "fxch", "fxtract", "fyl2x", "fyl2xp1",
)

#: the 80386's instructions, as capstone names them (Intel syntax, prefixes
#: dropped): the instruction set of the 80386 Programmer's Reference Manual
#: (1986), ch. 17 (its alphabetical list, AAA to XOR; Jcc and SETcc by
#: each condition, CMPS/INS/LODS/MOVS/OUTS/SCAS/STOS by size), with the
#: 80387 coprocessor's (ch. 11 "Coprocessing"; the ESC instructions of the
#: 80387 Programmer's Reference Manual, FUCOM* and FPREM1/FSIN/FCOS/FSINCOS
#: among them).  Beyond the list: PAUSE, which SDM vol. 2 PAUSE says
#: "operates like a NOP instruction" on processors before it (F3 90, REP
#: NOP); UD2, whose opcode is invalid (#UD) on every x86, the 80386
#: included, as it is here; SALC (D6), undocumented but on every Intel
#: x86 since the 8086; INT1 (F1, ICEBP), undocumented, which
#: UNMODELLED refuses as an interrupt either way; and LZCNT/TZCNT (F3 0F
#: BD/BC), which "on processors that do not support" them are "executed as
#: BSR"/BSF (SDM vol. 2 LZCNT, TZCNT), as X86_FLAG_UNDEFINED and
#: _ZERO_SOURCE_SCANS model them.
_CONDITION_NAMES = ("o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np",
                    "l", "ge", "le", "g")
I386_INSTRUCTIONS = frozenset((
    "aaa", "aad", "aam", "aas", "adc", "add", "and", "arpl", "bound", "bsf", "bsr", "bt",
    "btc", "btr", "bts", "call", "lcall", "cbw", "cwde", "clc", "cld", "cli", "clts", "cmc",
    "cmp", "cmpsb", "cmpsw", "cmpsd", "cwd", "cdq", "daa", "das", "dec", "div", "enter",
    "hlt", "idiv", "imul", "in", "inc", "insb", "insw", "insd", "int", "int3", "into", "iret",
    "iretd", *(f"j{c}" for c in _CONDITION_NAMES), "jcxz", "jecxz", "jmp", "ljmp", "lahf",
    "lar", "lea", "leave", "lgdt", "lidt", "lds", "les", "lfs", "lgs", "lss", "lldt", "lmsw",
    "lodsb", "lodsw", "lodsd", "loop", "loope", "loopne", "lsl", "ltr", "mov", "movsb",
    "movsw", "movsd", "movsx", "movzx", "mul", "neg", "nop", "not", "or", "out", "outsb",
    "outsw", "outsd", "pop", "popal", "popaw", "popf", "popfd", "push", "pushal", "pushaw",
    "pushf", "pushfd", "rcl", "rcr", "rol", "ror", "ret", "retf", "sahf", "sal", "sar", "shl",
    "shr", "sbb", "scasb", "scasw", "scasd", *(f"set{c}" for c in _CONDITION_NAMES), "sgdt",
    "sidt", "shld", "shrd", "sldt", "smsw", "stc", "std", "sti", "stosb", "stosw", "stosd",
    "str", "sub", "test", "verr", "verw", "wait", "xchg", "xlatb", "xor",
    # the 80387's
    *_80387_INSTRUCTIONS,
    # beyond the manual's list (above)
    "pause", "ud2", "int1", "salc", "lzcnt", "tzcnt"))
#: capstone gives SSE2's MOVSD/CMPSD (F2 0F 10, F2 0F C2) the string
#: instructions' names (A5, A7): the model names them apart (the 0F escape)
_SSE_NAMESAKES = {"movsd": "movsd (SSE2)", "cmpsd": "cmpsd (SSE2)"}
#: capstone names the multi-byte NOP (0F 1F /0) and the reserved hint NOPs
#: (0F 18 /4-/7, 0F 19-0F 1E) "nop" with an operand; the model tells them apart
_LONG_NOP, _HINT_NOP = "nop r/m (0F 1F)", "nop r/m (0F 18-0F 1E)"
#: how a refusal shows the names the model gives
_SHOWN = {_LONG_NOP: "the multi-byte nop (0F 1F)", _HINT_NOP: "the hint nop (0F 18-0F 1E)",
          **{ours: name for name, ours in _SSE_NAMESAKES.items()}}
#: where the later instructions a kernel routine may reach for came from:
#: each SDM vol. 2 entry's "IA-32 Architecture Compatibility" ("not
#: supported on ... processors earlier than the Intel486" for BSWAP,
#: CMPXCHG, XADD; "... earlier than the Pentium" for CMPXCHG8B), CMOVcc's
#: and FCMOVcc's "introduced in the P6 family", the multi-byte NOP (0F 1F)
#: of SDM vol. 2 NOP (family 6 and 15 processors), RDTSC's time-stamp
#: counter and RDMSR/WRMSR's MSRs ("introduced into the IA-32 Architecture
#: with the Pentium processor"), CPUID (not on the 80386 nor early
#: Intel486s)
LATER_INSTRUCTIONS = {
    **dict.fromkeys(("bswap", "cmpxchg", "xadd", "invd", "wbinvd", "invlpg"), "the Intel486"),
    "cpuid": "later Intel486s and the Pentium",
    **dict.fromkeys(("cmpxchg8b", "rdtsc", "rdmsr", "wrmsr"), "the Pentium"),
    **dict.fromkeys(("rdpmc", "sysenter", "sysexit", "fcomi", "fcomip", "fcompi", "fucomi",
                     "fucomip", "fucompi"),
                    "the P6 family"),
    **{f"cmov{c}": "the P6 family" for c in _CONDITION_NAMES},
    **{f"fcmov{c}": "the P6 family" for c in ("b", "e", "be", "u", "nb", "ne", "nbe", "nu")},
}


#: what the first 64-bit CPUs added to the 80386's integer set, both
#: vendors' (AMD64 Architecture Programmer's Manual vol. 3, Intel SDM vol. 2,
#: each instruction): the Intel486's BSWAP, CMPXCHG, XADD, INVD, WBINVD,
#: INVLPG; CPUID; the Pentium's CMPXCHG8B (CPUID.01H:EDX.CX8), RDTSC, RDMSR,
#: WRMSR; the P6 family's RDPMC, CMOVcc (CMOV), FCMOVcc, FCOMI/FUCOMI(P)
#: and the multi-byte NOP (0F 1F: SDM vol. 2 NOP, CPUID family 6 or 15; the
#: K8 and the first EM64T are family 0Fh); 64-bit mode's own (AMD64 APM vol.
#: 3 ch. 3, SDM vol. 2 each: MOVSXD, CDQE, CQO, the quadword string forms,
#: JRCXZ, MOVABS, IRETQ, PUSHFQ/POPFQ, far RET with REX.W, SWAPGS,
#: SYSCALL/SYSRET (CPUID.80000001H:EDX.SYSCALL), FXSAVE64/FXRSTOR64).  Not
#: the 80386's that 64-bit mode made invalid (AMD64 APM vol. 3 Appendix B,
#: "Invalid and Reassigned Instructions in 64-Bit Mode": AAA, AAD, AAM,
#: AAS, DAA, DAS, BOUND, LDS, LES, PUSHA, POPA, INTO, ARPL, SALC, the
#: direct far CALL and JMP); capstone's lcall and ljmp are the far ones
#: through memory, which stay.
_X86_64_INTEGER = (
    "adc", "add", "and", "bsf", "bsr", "bt", "btc", "btr", "bts", "call", "lcall", "cbw",
    "cwde", "cdqe", "clc", "cld", "cli", "clts", "cmc", "cmp", "cmpsb", "cmpsw", "cmpsd",
    "cmpsq", "cwd", "cdq", "cqo", "dec", "div", "enter", "hlt", "idiv", "imul", "in", "inc",
    "insb", "insw", "insd", "int", "int3", "iret", "iretd", "iretq",
    *(f"j{c}" for c in _CONDITION_NAMES), "jecxz", "jrcxz", "jmp", "ljmp", "lar", "lea",
    "leave", "lgdt", "lidt", "lfs", "lgs", "lss", "lldt", "lmsw", "lodsb", "lodsw", "lodsd",
    "lodsq", "loop", "loope", "loopne", "lsl", "ltr", "mov", "movabs", "movsb", "movsw",
    "movsd", "movsq", "movsx", "movsxd", "movzx", "mul", "neg", "nop", "not", "or", "out",
    "outsb", "outsw", "outsd", "pop", "popf", "popfq", "push", "pushf", "pushfq", "rcl", "rcr",
    "rol", "ror", "ret", "retf", "retfq", "sal", "sar", "shl", "shr", "sbb", "scasb", "scasw",
    "scasd", "scasq", *(f"set{c}" for c in _CONDITION_NAMES), "sgdt", "sidt", "shld", "shrd",
    "sldt", "smsw", "stc", "std", "sti", "stosb", "stosw", "stosd", "stosq", "str", "sub",
    "test", "verr", "verw", "wait", "xchg", "xlatb", "xor",
    # the Intel486, the Pentium, the P6 family (above) and 64-bit mode
    "bswap", "cmpxchg", "xadd", "invd", "wbinvd", "invlpg", "cpuid", "cmpxchg8b", "rdtsc",
    "rdmsr", "wrmsr", "rdpmc", *(f"cmov{c}" for c in _CONDITION_NAMES), _LONG_NOP, "swapgs",
    "syscall", "sysret", "sysretq",
    # as on the 80386 (I386_INSTRUCTIONS): PAUSE a NOP before SSE2, UD2, INT1,
    # LZCNT/TZCNT run as BSR/BSF without ABM/BMI1 (_ZERO_SOURCE_SCANS)
    "pause", "ud2", "int1", "lzcnt", "tzcnt")
#: the x87 FPU's (the 80387's of I386_INSTRUCTIONS with the P6 family's
#: FCMOVcc, FCOMI, FCOMIP, FUCOMI, FUCOMIP; capstone names the popping two
#: fcompi, fucompi), FXSAVE/FXRSTOR (CPUID.01H:EDX.FXSR)
_X86_64_X87 = (
    *_80387_INSTRUCTIONS,
    *(f"fcmov{c}" for c in ("b", "e", "be", "u", "nb", "ne", "nbe", "nu")),
    "fcomi", "fcomip", "fcompi", "fucomi", "fucomip", "fucompi",
    "fxsave", "fxrstor", "fxsave64", "fxrstor64")
#: MMX (CPUID.01H:EDX.MMX; SDM vol. 1 ch. 9, §5.4)
_MMX = (
    "emms", "movd", "movq", "packssdw", "packsswb", "packuswb", "paddb", "paddw", "paddd",
    "paddsb", "paddsw", "paddusb", "paddusw", "pand", "pandn", "pcmpeqb", "pcmpeqw",
    "pcmpeqd", "pcmpgtb", "pcmpgtw", "pcmpgtd", "pmaddwd", "pmulhw", "pmullw", "por", "psllw",
    "pslld", "psllq", "psraw", "psrad", "psrlw", "psrld", "psrlq", "psubb", "psubw", "psubd",
    "psubsb", "psubsw", "psubusb", "psubusw", "punpckhbw", "punpckhwd", "punpckhdq",
    "punpcklbw", "punpcklwd", "punpckldq", "pxor")
#: SSE (CPUID.01H:EDX.SSE; SDM vol. 1 §5.5: its floating-point, MXCSR,
#: 64-bit SIMD integer, cacheability and prefetch instructions)
_SSE = (
    "addps", "addss", "andnps", "andps", "cmpps", "cmpss", "comiss", "cvtpi2ps", "cvtps2pi",
    "cvtsi2ss", "cvtss2si", "cvttps2pi", "cvttss2si", "divps", "divss", "ldmxcsr", "maxps",
    "maxss", "minps", "minss", "movaps", "movhlps", "movhps", "movlhps", "movlps",
    "movmskps", "movntps", "movss", "movups", "mulps", "mulss", "orps", "rcpps", "rcpss",
    "rsqrtps", "rsqrtss", "shufps", "sqrtps", "sqrtss", "stmxcsr", "subps", "subss",
    "ucomiss", "unpckhps", "unpcklps", "xorps", "pavgb", "pavgw", "pextrw", "pinsrw",
    "pmaxsw", "pmaxub", "pminsw", "pminub", "pmovmskb", "pmulhuw", "psadbw", "pshufw",
    "maskmovq", "movntq", "prefetchnta", "prefetcht0", "prefetcht1", "prefetcht2", "sfence")
#: capstone names CMPPS, CMPSS, CMPPD and CMPSD by their predicate (imm8 0-7:
#: SDM vol. 2 CMPPS, Table 3-1's pseudo-ops), as cmpeqps, cmpltsd
_SSE_PREDICATES = ("eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord")
#: SSE2 (CPUID.01H:EDX.SSE2; SDM vol. 1 §5.6), CLFLUSH (CPUID.01H:EDX.CLFSH,
#: with SSE2 on both vendors' 64-bit CPUs)
_SSE2 = (
    "addpd", "addsd", "andnpd", "andpd", "cmppd", _SSE_NAMESAKES["cmpsd"], "comisd",
    "cvtdq2pd", "cvtdq2ps", "cvtpd2dq", "cvtpd2pi", "cvtpd2ps", "cvtpi2pd", "cvtps2dq",
    "cvtps2pd", "cvtsd2si", "cvtsd2ss", "cvtsi2sd", "cvtss2sd", "cvttpd2dq", "cvttpd2pi",
    "cvttps2dq", "cvttsd2si", "divpd", "divsd", "maskmovdqu", "maxpd", "maxsd", "minpd",
    "minsd", "movapd", "movdq2q", "movdqa", "movdqu", "movhpd", "movlpd", "movmskpd",
    "movntdq", "movnti", "movntpd", "movq2dq", _SSE_NAMESAKES["movsd"], "movupd", "mulpd",
    "mulsd", "orpd", "paddq", "pmuludq", "pshufd", "pshufhw", "pshuflw", "pslldq", "psrldq",
    "psubq", "punpckhqdq", "punpcklqdq", "shufpd", "sqrtpd", "sqrtsd", "subpd", "subsd",
    "ucomisd", "unpckhpd", "unpcklpd", "xorpd", "lfence", "mfence", "clflush")
X86_64_INSTRUCTIONS = frozenset((
    *_X86_64_INTEGER, *_X86_64_X87, *_MMX, *_SSE, *_SSE2,
    *(f"cmp{p}{t}" for p in _SSE_PREDICATES for t in ("ps", "ss", "pd", "sd"))))

#: where the instructions a kernel routine may reach for, beyond the first
#: x86-64s, came from: each extension's CPUID feature flag, as SDM vol. 2
#: gives it in each instruction's "CPUID Feature Flag" column (and AMD64
#: APM vol. 3, Appendix D); the x86-64 psABI's x86-64-v2 level is the
#: first to require CMPXCHG16B, LAHF-SAHF, POPCNT, SSE3, SSSE3, SSE4.1 and
#: SSE4.2.  LAHF and SAHF are the 80386's, but in 64-bit mode only with
#: CPUID.80000001H:ECX.LAHF-SAHF (SDM vol. 2 LAHF, SAHF: #UD without it),
#: which the first K8s and EM64Ts lack.  3DNow! was AMD's alone (never on
#: an Intel CPU); SYSENTER/SYSEXIT are #UD in AMD's long mode (AMD64 APM
#: vol. 3 SYSENTER, SYSEXIT).
_EXTENSIONS = {
    "SSE3 (CPUID.01H:ECX.SSE3[bit 0])": (
        "addsubpd", "addsubps", "fisttp", "haddpd", "haddps", "hsubpd", "hsubps", "lddqu",
        "monitor", "mwait", "movddup", "movshdup", "movsldup"),
    "SSSE3 (CPUID.01H:ECX.SSSE3[bit 9])": (
        "pabsb", "pabsd", "pabsw", "palignr", "phaddd", "phaddsw", "phaddw", "phsubd",
        "phsubsw", "phsubw", "pmaddubsw", "pmulhrsw", "pshufb", "psignb", "psignd", "psignw"),
    "SSE4.1 (CPUID.01H:ECX.SSE4_1[bit 19])": (
        "blendpd", "blendps", "blendvpd", "blendvps", "dppd", "dpps", "extractps", "insertps",
        "movntdqa", "mpsadbw", "packusdw", "pblendvb", "pblendw", "pcmpeqq", "pextrb",
        "pextrd", "pextrq", "phminposuw", "pinsrb", "pinsrd", "pinsrq", "pmaxsb", "pmaxsd",
        "pmaxud", "pmaxuw", "pminsb", "pminsd", "pminud", "pminuw",
        *(f"pmov{s}x{w}" for s in "sz" for w in ("bw", "bd", "bq", "wd", "wq", "dq")),
        "pmuldq", "pmulld", "ptest", "roundpd", "roundps", "roundsd", "roundss"),
    "SSE4.2 (CPUID.01H:ECX.SSE4_2[bit 20])": (
        "crc32", "pcmpestri", "pcmpestrm", "pcmpistri", "pcmpistrm", "pcmpgtq"),
    "POPCNT (CPUID.01H:ECX.POPCNT[bit 23])": ("popcnt",),
    "MOVBE (CPUID.01H:ECX.MOVBE[bit 22])": ("movbe",),
    "CMPXCHG16B (CPUID.01H:ECX.CMPXCHG16B[bit 13])": ("cmpxchg16b",),
    "RDTSCP (CPUID.80000001H:EDX.RDTSCP[bit 27])": ("rdtscp",),
    "BMI1 (CPUID.(EAX=07H,ECX=0):EBX.BMI1[bit 3])": ("andn", "bextr", "blsi", "blsmsk", "blsr"),
    "BMI2 (CPUID.(EAX=07H,ECX=0):EBX.BMI2[bit 8])": (
        "bzhi", "mulx", "pdep", "pext", "rorx", "sarx", "shlx", "shrx"),
    "ADX (CPUID.(EAX=07H,ECX=0):EBX.ADX[bit 19])": ("adcx", "adox"),
    "XSAVE (CPUID.01H:ECX.XSAVE[bit 26])": (
        "xsave", "xsave64", "xrstor", "xrstor64", "xgetbv", "xsetbv"),
    "XSAVEOPT (CPUID.(EAX=0DH,ECX=1):EAX[bit 0])": ("xsaveopt", "xsaveopt64"),
    "XSAVEC (CPUID.(EAX=0DH,ECX=1):EAX[bit 1])": ("xsavec", "xsavec64"),
    "XSAVES (CPUID.(EAX=0DH,ECX=1):EAX[bit 3])": ("xsaves", "xsaves64", "xrstors", "xrstors64"),
    "PCLMULQDQ (CPUID.01H:ECX.PCLMULQDQ[bit 1])": ("pclmulqdq",),
    "AES-NI (CPUID.01H:ECX.AESNI[bit 25])": (
        "aesdec", "aesdeclast", "aesenc", "aesenclast", "aesimc", "aeskeygenassist"),
    "RDRAND (CPUID.01H:ECX.RDRAND[bit 30])": ("rdrand",),
    "RDSEED (CPUID.(EAX=07H,ECX=0):EBX.RDSEED[bit 18])": ("rdseed",),
    "FSGSBASE (CPUID.(EAX=07H,ECX=0):EBX.FSGSBASE[bit 0])": (
        "rdfsbase", "rdgsbase", "wrfsbase", "wrgsbase"),
    "3DNow! (CPUID.80000001H:EDX[bit 31], AMD's only), PREFETCH/PREFETCHW with it or "
    "CPUID.80000001H:ECX.PRFCHW[bit 8]": (
        "femms", "pavgusb", "pf2id", "pf2iw", "pfacc", "pfadd", "pfcmpeq", "pfcmpge",
        "pfcmpgt", "pfmax", "pfmin", "pfmul", "pfnacc", "pfpnacc", "pfrcp", "pfrcpit1",
        "pfrcpit2", "pfrsqit1", "pfrsqrt", "pfsub", "pfsubr", "pi2fd", "pi2fw", "pmulhrw",
        "pswapd", "prefetch", "prefetchw"),
}
X86_64_LATER = {
    **{name: f"introduced by {origin}, SDM vol. 2 {name.upper()}"
       for origin, names in _EXTENSIONS.items() for name in names},
    **dict.fromkeys(("lahf", "sahf"), "in 64-bit mode only with LAHF-SAHF "
                    "(CPUID.80000001H:ECX.LAHF-SAHF[bit 0]), SDM vol. 2 LAHF, SAHF"),
    **{name: f"invalid in long mode on AMD's CPUs, AMD64 APM vol. 3 {name.upper()}"
       for name in ("sysenter", "sysexit", "sysexitq")},
}


#: legacy prefixes (SDM vol. 2 §2.1.1), which may come before a VEX, EVEX
#: or XOP escape byte
_LEGACY_PREFIXES = frozenset((0xF0, 0xF2, 0xF3, 0x2E, 0x36, 0x3E, 0x26, 0x64, 0x65, 0x66, 0x67))
_VEX_ORIGIN = ("introduced by AVX (CPUID.01H:ECX.AVX[bit 28]) and later extensions, whose VEX "
               "and EVEX prefixes (SDM vol. 2 §2.3, §2.7) are LES, LDS and BOUND before them, "
               "invalid in 64-bit mode and with a register operand")


def _vex_encoded(insn) -> bool:
    """Is ``insn`` VEX-, EVEX- or XOP-encoded (C4, C5, 62 or 8F after its
    legacy prefixes, not decoded as LES, LDS, BOUND or POP)?"""
    escape = next((b for b in insn.bytes if b not in _LEGACY_PREFIXES), None)
    return escape in (0xC4, 0xC5, 0x62, 0x8F) \
        and insn.mnemonic.split()[-1] not in ("les", "lds", "bound", "pop")


@dataclass(frozen=True)
class InstructionSet:
    """The instructions of one x86 CPU model, an allow-list: ``mnemonics``
    (capstone's names; _LONG_NOP for 0F 1F), the control registers a MOV
    reaches, the CPU's name and the manual that lists them, and ``later``:
    why an instruction (or control register) the CPU lacks is not there
    (the clause a refusal gives; none: "not in" the manual).  What the
    list does not name is refused, so an instruction nobody thought of
    never runs on a CPU that did not have it."""
    cpu: str
    mnemonics: frozenset[str]
    control_registers: frozenset[str]
    manual: str
    later: dict[str, str]

    def lacks(self, insn) -> str | None:
        """Why the CPU has no instruction ``insn`` (None: it has it): an
        opcode the CPU does not define is an invalid-opcode fault, #UD
        (80386 PRM §9.8.6, Interrupt 6; SDM vol. 3A §6.15, Interrupt 6),
        and the model runs none.  No model has VEX, EVEX or XOP: those
        encodings are refused whatever capstone names them."""
        name = insn.mnemonic.split()[-1]
        if _vex_encoded(insn):
            return self._refusal(name, self.later.get(name, _VEX_ORIGIN))
        if name == "nop" and insn.op_str:
            name = _LONG_NOP if b"\x0f\x1f" in bytes(insn.bytes) else _HINT_NOP
        elif name in _SSE_NAMESAKES and 0x0F in insn.bytes:
            name = _SSE_NAMESAKES[name]
        if name == "mov":
            extra = sorted(set(_CONTROL_REGISTER.findall(insn.op_str)) - self.control_registers)
            origin = next((self.later[reg] for reg in extra if reg in self.later), None)
            return self._refusal(f"mov of {'/'.join(extra).upper()}", origin) if extra else None
        if name in self.mnemonics:
            return None
        return self._refusal(_SHOWN.get(name, name), self.later.get(name))

    def _refusal(self, what: str, origin: str | None) -> str:
        why = origin or f"not in {self.manual}"
        return f"{what} is not an {self.cpu} instruction: an invalid opcode there (#UD; {why})"


_CONTROL_REGISTER = re.compile(r"\bcr\d+\b")

#: the instruction set of each x86 model (the port's cpu.model).  i386 is
#: NetBSD/i386 1.6's 80386 (archs/i386.yaml), whose control registers are
#: CR0, CR2 and CR3 (80386 PRM §4.1.3; CR4 came with the Pentium).  amd64
#: is NetBSD/x86_64 1.6's (archs/amd64.yaml, 2001-2002): the first x86-64
#: CPUs, AMD's K8 (Opteron, Athlon 64, 2003) and Intel's first EM64T
#: (2004), what both have, the x86-64 psABI's baseline level (CMOV, CX8,
#: FPU, FXSR, MMX, OSFXSR, SCE, SSE, SSE2); its control registers CR0, CR2,
#: CR3, CR4 and CR8, the TPR (AMD64 APM vol. 2 §3.1, SDM vol. 3A §2.5)
INSTRUCTION_SETS: dict[str, InstructionSet] = {
    "i386": InstructionSet(
        "80386", I386_INSTRUCTIONS, frozenset(("cr0", "cr2", "cr3")),
        "the 80386 Programmer's Reference Manual's instruction set, ch. 17",
        {**{name: f"introduced by {cpu}, SDM vol. 2 {name.upper()}"
            for name, cpu in LATER_INSTRUCTIONS.items()},
         _LONG_NOP: "introduced by the P6 family, SDM vol. 2 NOP",
         "cr4": "introduced by the Pentium, SDM vol. 3A §2.5 (CR4)"}),
    "amd64": InstructionSet(
        "x86-64 baseline (K8, first EM64T)", X86_64_INSTRUCTIONS,
        frozenset(("cr0", "cr2", "cr3", "cr4", "cr8")),
        "the first x86-64 CPUs' set (the x86-64 psABI's baseline: the 80386's, the later "
        "integer instructions of the Intel486, Pentium and P6, x87, MMX, SSE, SSE2, 64-bit "
        "mode's own)", X86_64_LATER),
}

#: the arithmetic flags of (E/R)FLAGS (SDM vol. 1 §3.4.3.1), the ones a
#: call leaves undefined (abi.scratch)
X86_FLAGS = {"CF": 1 << 0, "PF": 1 << 2, "AF": 1 << 4, "ZF": 1 << 6, "SF": 1 << 7, "OF": 1 << 11}
_ARITH = 0x8D5
#: capstone mnemonic (Intel names, prefixes dropped) -> the arithmetic flags
#: it may write, as "Flags Affected" in SDM vol. 2 gives them per
#: instruction and vol. 1 Appendix A (Table A-2, EFLAGS Cross-Reference)
#: tabulates them: a flag it sets, clears, computes or leaves undefined is
#: written ("T" alone: only tested).  A mnemonic not here (and not of the
#: families in ``x86_flag_writes``) writes them all: never a false
#: "unwritten".
X86_FLAG_WRITES = {
    # INC, DEC: "The CF flag is not affected. The OF, SF, ZF, AF, and PF flags
    # are set according to the result."
    "inc": _ARITH & ~1, "dec": _ARITH & ~1,
    # RCL/RCR/ROL/ROR: "The CF flag contains the value of the bit shifted
    # into it. The OF flag is affected only for single-bit rotates ... The
    # SF, ZF, AF, and PF flags are not affected."
    **dict.fromkeys(("rol", "ror", "rcl", "rcr"), X86_FLAGS["CF"] | X86_FLAGS["OF"]),
    # CLC, STC, CMC: "The CF flag is cleared/set/complemented. The OF, ZF,
    # SF, AF, and PF flags are unaffected."
    **dict.fromkeys(("clc", "stc", "cmc"), X86_FLAGS["CF"]),
    # SAHF: "The SF, ZF, AF, PF, and CF flags are loaded with values from the
    # AH register"; OF is not among them
    "sahf": _ARITH & ~X86_FLAGS["OF"],
    # CMPXCHG8B/16B: "The ZF flag is set if ...; otherwise, it is cleared. The
    # CF, PF, AF, SF, and OF flags are unaffected."  LAR, LSL, VERR, VERW,
    # ARPL: ZF only (each "Flags Affected")
    **dict.fromkeys(("cmpxchg8b", "cmpxchg16b", "lar", "lsl", "verr", "verw", "arpl"),
                    X86_FLAGS["ZF"]),
    # "Flags Affected: None." (MOV, MOVZX, MOVSX/MOVSXD, LEA, PUSH, POP,
    # PUSHA/PUSHAD, POPA/POPAD, PUSHF/PUSHFD/PUSHFQ, XCHG, BSWAP, NOT, NOP,
    # CBW/CWDE/CDQE, CWD/CDQ/CQO, LODS, STOS, MOVS, LEAVE, ENTER, CALL, RET,
    # JMP, LOOPcc (Jcc, SETcc, CMOVcc: see x86_flag_writes), XLAT, LAHF, CPUID,
    # the fences, PAUSE); CLI, STI, CLD, STD change IF or DF only
    **dict.fromkeys((
        "mov", "movzx", "movsx", "movsxd", "movabs", "lea", "push", "pop", "pushal", "pushad",
        "popal", "popad", "pushf", "pushfd", "pushfq", "xchg", "bswap", "not", "nop", "cbw",
        "cwde", "cdqe", "cwd", "cdq", "cqo", "lodsb", "lodsw", "lodsd", "lodsq", "stosb",
        "stosw", "stosd", "stosq", "movsb", "movsw", "movsd", "movsq", "leave", "enter",
        "call", "ret", "retf", "loop", "loope", "loopne", "xlatb", "lahf", "cpuid", "lfence",
        "mfence", "sfence", "pause", "cli", "sti", "cld", "std", "ud2"), 0),
    # "Flags Affected: None." as well: the descriptor-table and task
    # registers (SMSW, SLDT, STR, SGDT, SIDT, LGDT, LIDT, LLDT, LTR, LMSW),
    # CLTS, INVLPG, INVD, WBINVD, CLFLUSH, the prefetches, MOVBE, CRC32 and
    # BMI2's SHLX, SHRX, SARX, RORX, MULX, PDEP, PEXT ("Flags Affected:
    # None", SDM vol. 2 each); x87, MMX, SSE and AVX instructions other than
    # those of X86_VECTOR_FLAG_WRITERS leave EFLAGS alone (x86_flag_writes)
    **dict.fromkeys((
        "smsw", "sldt", "str", "sgdt", "sidt", "lgdt", "lidt", "lldt", "ltr", "lmsw", "clts",
        "invlpg", "invd", "wbinvd", "clflush", "prefetch", "prefetchw", "prefetchnta",
        "prefetcht0", "prefetcht1", "prefetcht2", "movbe", "crc32", "shlx", "shrx", "sarx",
        "rorx", "mulx", "pdep", "pext"), 0),
}
#: the x87/SSE/AVX instructions that do write arithmetic flags: FCOMI,
#: FCOMIP, FUCOMI, FUCOMIP (ZF, PF, CF set; OF, SF, AF cleared: P6 family and
#: later), COMISS/COMISD/UCOMISS/UCOMISD (ZF, PF, CF set, OF, SF, AF
#: cleared), PTEST, VTESTPS/VTESTPD, PCMPESTRI/PCMPESTRM/PCMPISTRI/
#: PCMPISTRM (all six), SDM vol. 2 each
X86_VECTOR_FLAG_WRITERS = frozenset((
    "fcomi", "fcomip", "fucomi", "fucomip", "comiss", "comisd", "ucomiss", "ucomisd",
    "vcomiss", "vcomisd", "vucomiss", "vucomisd", "ptest", "vptest", "vtestps", "vtestpd",
    "pcmpestri", "pcmpestrm", "pcmpistri", "pcmpistrm", "vpcmpestri", "vpcmpestrm",
    "vpcmpistri", "vpcmpistrm"))
#: capstone's groups of x87, MMX, SSE and AVX instructions
_VECTOR_GROUPS = frozenset(("fpu", "mmx", "3dnow", "sse1", "sse2", "sse3", "ssse3", "sse41",
                            "sse42", "sse4a", "avx", "avx2", "avx512", "fma", "fma4", "f16c",
                            "aes", "pclmul", "sha", "xop"))
#: MOV to or from a control or debug register: "The OF, SF, ZF, AF, PF, and
#: CF flags are undefined" (SDM vol. 2 MOV—Move to/from Control Registers,
#: MOV—Move to/from Debug Registers)
_SYSTEM_REGISTER = re.compile(r"\b[cd]r\d")


def x86_flag_writes(mnemonic: str, operands: str) -> int:
    """The arithmetic flags an x86 instruction may write (X86_FLAG_WRITES;
    Jcc, SETcc and CMOVcc only test them: SDM vol. 2, each "Flags
    Affected: None")."""
    name = mnemonic.split()[-1]          # "lock xadd", "rep stosd"
    if name.startswith(("j", "set", "cmov")):
        return 0
    if name == "mov" and _SYSTEM_REGISTER.search(operands):
        return _ARITH
    return X86_FLAG_WRITES.get(name, _ARITH)


_F = X86_FLAGS
#: capstone mnemonic (Intel) -> the arithmetic flags it leaves undefined
#: whatever its operands, as SDM vol. 2 "Flags Affected" says: "... are
#: undefined" (the shifts and rotates, whose undefined flags depend on the
#: count, are x86_flags_undefined's)
X86_FLAG_UNDEFINED = {
    # MUL, IMUL: "The SF, ZF, AF, and PF flags are undefined."
    **dict.fromkeys(("mul", "imul"), _F["SF"] | _F["ZF"] | _F["AF"] | _F["PF"]),
    # DIV, IDIV: "The CF, OF, SF, ZF, AF, and PF flags are undefined."
    **dict.fromkeys(("div", "idiv"), _ARITH),
    # AND, OR, XOR, TEST: "The state of the AF flag is undefined."
    **dict.fromkeys(("and", "or", "xor", "test"), _F["AF"]),
    # BSF, BSR: "The CF, OF, SF, AF, and PF flags are undefined."
    **dict.fromkeys(("bsf", "bsr"), _ARITH & ~_F["ZF"]),
    # BT, BTS, BTR, BTC: "The OF, SF, AF, and PF flags are undefined."
    **dict.fromkeys(("bt", "bts", "btr", "btc"), _F["OF"] | _F["SF"] | _F["AF"] | _F["PF"]),
    # AAA, AAS: "The OF, SF, ZF, and PF flags are undefined."; DAA, DAS: "The
    # OF flag is undefined."; AAM, AAD: "The OF, AF, and CF flags are undefined."
    **dict.fromkeys(("aaa", "aas"), _F["OF"] | _F["SF"] | _F["ZF"] | _F["PF"]),
    **dict.fromkeys(("daa", "das"), _F["OF"]),
    **dict.fromkeys(("aam", "aad"), _F["OF"] | _F["AF"] | _F["CF"]),
    # LZCNT, TZCNT: "The OF, SF, PF and AF flags are undefined"; and CF and
    # ZF: on a CPU without them (the 80386 of NetBSD/i386, the first
    # x86-64s) F3 0F BD/BC runs as BSR/BSF, whose CF is undefined and whose
    # ZF tells a zero source, where LZCNT/TZCNT's ZF tells a zero result
    **dict.fromkeys(("lzcnt", "tzcnt"), _ARITH),
    # BMI1/BMI2 (SDM vol. 2 each, Flags Affected): ANDN, BLSI, BLSMSK, BLSR,
    # BZHI: "AF and PF flags are undefined"; BEXTR: "AF, SF, and PF"
    **dict.fromkeys(("andn", "blsi", "blsmsk", "blsr", "bzhi"), _F["AF"] | _F["PF"]),
    "bextr": _F["AF"] | _F["SF"] | _F["PF"],
}
#: the flags each condition tests (SDM vol. 1 Appendix B, Table B-1
#: "EFLAGS Condition Codes"), by the suffix capstone gives Jcc, SETcc,
#: CMOVcc
_CONDITIONS = {
    "o": "OF", "no": "OF", "b": "CF", "ae": "CF", "e": "ZF", "ne": "ZF", "be": "CF ZF",
    "a": "CF ZF", "s": "SF", "ns": "SF", "p": "PF", "np": "PF", "l": "SF OF", "ge": "SF OF",
    "le": "ZF SF OF", "g": "ZF SF OF",
}
#: capstone mnemonics (prefixes dropped) -> the arithmetic flags they test,
#: the "T" entries of SDM vol. 1 Appendix A, Table A-2 (EFLAGS
#: Cross-Reference), besides the conditional families (x86_flag_reads)
X86_FLAG_READS = {
    **dict.fromkeys(("adc", "sbb", "rcl", "rcr", "cmc", "salc", "adcx"), "CF"),
    **dict.fromkeys(("lahf",), "SF ZF AF PF CF"),
    **dict.fromkeys(("pushf", "pushfd", "pushfq"), "CF PF AF ZF SF OF"),
    **dict.fromkeys(("into", "adox"), "OF"),
    **dict.fromkeys(("daa", "das"), "CF AF"),
    **dict.fromkeys(("aaa", "aas"), "AF"),
    **dict.fromkeys(("loope", "loopne", "loopz", "loopnz"), "ZF"),
}


def _flags(names: str) -> int:
    bits = 0
    for name in names.split():
        bits |= X86_FLAGS[name]
    return bits


def x86_flag_reads(mnemonic: str) -> int:
    """The arithmetic flags an x86 instruction may test: X86_FLAG_READS,
    Jcc/SETcc/CMOVcc by their condition, FCMOVcc (CF, ZF, PF: SDM vol. 2
    FCMOVcc), and ZF under a REPE/REPNE prefix; an unknown condition: all."""
    parts = mnemonic.split()
    name = parts[-1]
    bits = _flags(X86_FLAG_READS.get(name, ""))
    if any(prefix in ("repe", "repne", "repz", "repnz") for prefix in parts[:-1]):
        bits |= X86_FLAGS["ZF"]
    if name.startswith("fcmov"):
        bits |= _flags("CF ZF PF")
    elif name not in ("jmp", "jecxz", "jcxz", "jrcxz"):
        for family in ("j", "set", "cmov"):
            if name.startswith(family):
                condition = _CONDITIONS.get(name[len(family):].rstrip("bwlq")) \
                    or _CONDITIONS.get(name[len(family):])
                bits |= _flags(condition) if condition else _ARITH
                break
    return bits


_SHIFTS = frozenset(("shl", "sal", "shr", "sar", "shld", "shrd"))
_ROTATES = frozenset(("rol", "ror", "rcl", "rcr"))


def _operand_bits(operand: str) -> int:
    """The size in bits of an Intel-syntax register or memory operand."""
    operand = operand.strip()
    for prefix, bits in (("byte", 8), ("word", 16), ("dword", 32), ("qword", 64)):
        if operand.startswith(prefix + " "):
            return bits
    if operand in ("al", "cl", "dl", "bl", "ah", "ch", "dh", "bh", "spl", "bpl", "sil", "dil") \
            or operand.startswith("r") and operand.endswith("b"):
        return 8
    if operand in ("ax", "cx", "dx", "bx", "sp", "bp", "si", "di") or operand.endswith("w"):
        return 16
    if operand.startswith("r") and not operand.endswith("d"):
        return 64
    return 32


def x86_flags_undefined(mnemonic: str, operands: str) -> int:
    """The arithmetic flags an x86 instruction leaves undefined (Intel
    syntax operands).  A shift or rotate by an immediate count (masked to 5
    bits, 6 for a 64-bit operand): SHL/SAL/SHR/SAR, SHLD/SHRD "For a
    non-zero count, the AF flag is undefined" and OF for a count over 1
    ("The OF flag is affected only for 1-bit shifts; otherwise, it is
    undefined"); CF "is undefined for SHL and SHR instructions where the
    count is greater than or equal to the size (in bits) of the destination
    operand"; SHLD/SHRD: "If the count is greater than the operand size, the
    flags are undefined"; ROL/ROR/RCL/RCR "The OF flag is defined only for
    the 1-bit rotates; it is undefined in all other cases"; a masked count
    of 0 affects no flag.  A count in CL: what the largest count leaves
    undefined (X86Backend.flag_undefined_if; its undefined_condition asks
    again with the count CL holds as the instruction runs)."""
    name = mnemonic.split()[-1]
    if name in X86_FLAG_UNDEFINED:
        return X86_FLAG_UNDEFINED[name]
    if name not in _SHIFTS and name not in _ROTATES:
        return 0
    count_text = operands.rsplit(",", 1)[-1].strip() if "," in operands else "1"
    size = _operand_bits(operands.split(",")[0])
    try:
        count = int(count_text, 0)
    except ValueError:                              # cl: any count up to 31 (63)
        count = 0x3F if size == 64 else 0x1F
    count &= 0x3F if size == 64 else 0x1F
    undefined = _F["OF"] if count > 1 else 0
    if name in _SHIFTS and count:
        undefined |= _F["AF"]
    if name in ("shl", "sal", "shr") and count >= size:
        undefined |= _F["CF"]
    if name in ("shld", "shrd") and count > size:
        undefined |= _ARITH
    return undefined


#: what both modes share beyond the general registers: the segment
#: registers (SDM vol. 3A §3.4.2), the x87 FPU's physical data registers
#: fp0-fp7 (80 bits each: unicorn gives a mantissa and an exponent, read
#: here as exponent << 64 | mantissa; the MMX registers mm0-mm7 are their
#: mantissas, SDM vol. 1 §9.2.2, and unicorn 2.1.4 reads and writes no MM
#: register itself), its status, control and tag words (vol. 1 §8.1.3-8.1.7),
#: MXCSR (vol. 1 §10.2.3), CR2 (the last page-fault address, vol. 3A §2.5)
#: the debug address registers DR0-DR3 (vol. 3A §17.2.1), the debug
#: status register DR6 and the debug control register DR7 (§17.2.3, §17.2.4)
_SYSTEM = {
    "cs": X.UC_X86_REG_CS, "ss": X.UC_X86_REG_SS, "ds": X.UC_X86_REG_DS,
    "es": X.UC_X86_REG_ES, "fs": X.UC_X86_REG_FS, "gs": X.UC_X86_REG_GS,
    **{f"fp{i}": getattr(X, f"UC_X86_REG_FP{i}") for i in range(8)},
    "fpsw": X.UC_X86_REG_FPSW, "fpcw": X.UC_X86_REG_FPCW, "fptag": X.UC_X86_REG_FPTAG,
    "mxcsr": X.UC_X86_REG_MXCSR, "cr2": X.UC_X86_REG_CR2,
    **{f"dr{i}": getattr(X, f"UC_X86_REG_DR{i}") for i in (0, 1, 2, 3, 6, 7)},
}


#: the bit scans whose destination a zero source leaves undefined: BSF,
#: BSR "If the content of the source operand is 0, the content of the
#: destination operand is undefined" (SDM vol. 2 BSF, BSR; an 80386 or 486
#: writes it, AMD documents it unchanged), and TZCNT, which runs as BSF on
#: a CPU without BMI1 (the 80386 of NetBSD/i386, the first x86-64s: the F3
#: prefix is ignored).  LZCNT runs as BSR there, whose result (the highest
#: set bit's index) is not LZCNT's (the count of zeros above it) for any
#: source: its destination is undefined whatever the source.
_ZERO_SOURCE_SCANS = frozenset(("bsf", "bsr", "tzcnt"))


def _by_cl(insn) -> bool:
    """A shift or rotate whose count is CL (Intel syntax: its last operand)."""
    name = insn.mnemonic.split()[-1]
    return (name in _SHIFTS or name in _ROTATES) and "," in insn.op_str \
        and insn.op_str.rsplit(",", 1)[-1].strip() == "cl"


#: a 16-bit register -> (the register holding it in 32-bit mode, in 64-bit mode)
_WORD_REGISTERS = {**{name: ("e" + name, "r" + name)
                      for name in ("ax", "bx", "cx", "dx", "si", "di", "bp", "sp")},
                   **{f"r{i}w": (None, f"r{i}") for i in range(8, 16)}}


_REGS32 = {
    "eax": X.UC_X86_REG_EAX, "ebx": X.UC_X86_REG_EBX, "ecx": X.UC_X86_REG_ECX,
    "edx": X.UC_X86_REG_EDX, "esi": X.UC_X86_REG_ESI, "edi": X.UC_X86_REG_EDI,
    "ebp": X.UC_X86_REG_EBP, "esp": X.UC_X86_REG_ESP, "sp": X.UC_X86_REG_ESP,
    "eip": X.UC_X86_REG_EIP, "pc": X.UC_X86_REG_EIP, "eflags": X.UC_X86_REG_EFLAGS,
    **_SYSTEM,
    **{f"xmm{i}": getattr(X, f"UC_X86_REG_XMM{i}") for i in range(8)},    # vol. 1 §10.2.2
}
_REGS64 = {
    **{name: getattr(X, f"UC_X86_REG_{name.upper()}")
       for name in ("rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp",
                    "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15")},
    "sp": X.UC_X86_REG_RSP, "rip": X.UC_X86_REG_RIP, "pc": X.UC_X86_REG_RIP,
    "rflags": X.UC_X86_REG_RFLAGS, "eflags": X.UC_X86_REG_RFLAGS,
    **_SYSTEM,
    # the FS and GS bases 64-bit mode uses (vol. 3A §3.4.4)
    "fs_base": X.UC_X86_REG_FS_BASE, "gs_base": X.UC_X86_REG_GS_BASE,
    **{f"xmm{i}": getattr(X, f"UC_X86_REG_XMM{i}") for i in range(16)},   # vol. 1 §10.2.2
}
#: the bits of the registers narrower or wider than a general register
_WIDTHS = {**{f"xmm{i}": 128 for i in range(16)}, **{f"fp{i}": 80 for i in range(8)},
           "fpsw": 16, "fpcw": 16, "fptag": 16, "mxcsr": 16,
           **dict.fromkeys(("cs", "ss", "ds", "es", "fs", "gs"), 16),
           # DR6[63:32] and DR7[63:32] are reserved, written as 0 (SDM vol. 3A
           # §17.2.3, §17.2.4): unicorn 2.1.4's MOV to DR7 keeps the low 32 bits
           "dr6": 32, "dr7": 32}


@dataclass(frozen=True)
class _Mode:
    """What differs between the two x86 models."""
    uc_mode: int
    cs_mode: int
    registers: dict
    unmodelled: dict
    gdt: bytes
    flags: int            # the (E/R)FLAGS register
    ip: int               # the instruction pointer
    sp: int               # the stack pointer
    trace_registers: tuple[str, ...]


# Descriptors carry the accessed bit already set (SDM vol. 3A §3.4.5.1) so
# the CPU never writes the GDT, which lives in the read-only private page.
_MODES = {
    # flat 4 GiB segments (SDM vol. 3A §3.4.5): code 0x9B = present ring-0
    # exec/read, data 0x93 = present ring-0 read/write; 0xC: 4 KiB
    # granularity, 32-bit.
    "i386": _Mode(UC_MODE_32, capstone.CS_MODE_32, _REGS32, UNMODELLED,
                  struct.pack("<QQQ", 0, 0x00CF9B000000FFFF, 0x00CF93000000FFFF),
                  X.UC_X86_REG_EFLAGS, X.UC_X86_REG_EIP, X.UC_X86_REG_ESP,
                  ("eax", "ebx", "ecx", "edx", "esi", "edi", "ebp", "esp", "eflags")),
    # 64-bit code segment (SDM vol. 3A §5.2.1, §3.4.5): L=1 (bit 53), D=0,
    # present ring-0 exec/read; base and limit are ignored in 64-bit mode.
    "amd64": _Mode(UC_MODE_64, capstone.CS_MODE_64, _REGS64, UNMODELLED_64,
                   struct.pack("<QQQ", 0, 0x00209B0000000000, 0x0000930000000000),
                   X.UC_X86_REG_RFLAGS, X.UC_X86_REG_RIP, X.UC_X86_REG_RSP,
                   ("rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp",
                    *(f"r{i}" for i in range(8, 16)), "rflags")),
}


class X86Backend(UnicornBackend):
    family = "x86"
    arch = UC_ARCH_X86
    cs_arch = capstone.CS_ARCH_X86
    #: GNU as's default (AT&T), and Intel's manuals' own
    syntaxes = ("att", "intel")
    capstone_syntaxes = {"att": capstone.CS_OPT_SYNTAX_ATT, "intel": capstone.CS_OPT_SYNTAX_INTEL}
    operand_form = "{offset}(%{register})"
    #: operand_form per syntax (use_syntax)
    operand_forms = {"att": "{offset}(%{register})", "intel": "[{register}+{offset}]"}
    #: 64-bit mode's RIP-relative operand, from the next instruction (SDM vol. 2
    #: §2.2.1.6), as AT&T text prints it: ``0x46a(%rip)``
    pc_relative = re.compile(r"(?P<disp>-?0x[0-9a-f]+|-?\d+)\(%rip\)")

    def __init__(self, model: str | None = None):
        name = model or "i386"
        if name not in _MODES:
            raise ValueError(f"unknown x86 model {name!r} (known: {', '.join(_MODES)})")
        self._mode = _MODES[name]
        self.mode, self.cs_mode = self._mode.uc_mode, self._mode.cs_mode
        self.registers = self._mode.registers
        self.unmodelled = self._mode.unmodelled
        self._instruction_set = INSTRUCTION_SETS[name]
        self.register_bits = 64 if self._mode.uc_mode == UC_MODE_64 else 32
        self.physical_bits = 52 if self.register_bits == 64 else None
        self.trace_registers = self._mode.trace_registers
        self._flags_name = "rflags" if self.register_bits == 64 else "eflags"
        #: the interrupt shadow at this boundary, and at the next (see run)
        self._shadowed = self._shadow_next = False
        self._shadow_kinds: dict[int, str] = {}     # pc -> "sti", "ss" or ""
        self.flag_bits = {self._flags_name: X86_FLAGS}
        #: address of a shift or rotate by CL -> the flags it wrote at the
        #: count it last ran with (undefined_condition)
        self._written_by_count: dict[int, int] = {}
        super().__init__(model)

    def undecoded(self, code: bytes, address: int) -> Undecoded | None:
        """Bytes with a LOCK prefix that capstone decodes to no instruction:
        the prefix on an instruction that cannot take it, or with a register
        destination (SDM vol. 2A, LOCK: "An undefined opcode exception will
        also be generated if the LOCK prefix is used with any instruction
        not in the above list"), which the CPU refuses with #UD before it
        runs.  unicorn 2.1.4 runs several such (``lock; movl``, ``lock;
        btl``) as if unprefixed and aborts on others (``lock; btsl $3,
        %ecx``: red team 39 C F1, F2): the block stops before them.  Shown
        as the instruction without the prefix where one decodes so (``lock;
        movl %edx, cpl``, as long as the two), else as its first bytes.
        Other bytes capstone does not decode are left to the CPU (capstone
        5 lacks some hint NOPs, 0F 1A-1E: red team 39 D F2)."""
        prefixes = 0
        while prefixes < min(len(code), 14) and code[prefixes] in _LEGACY_PREFIXES:
            prefixes += 1
        lock = code.find(0xF0, 0, prefixes)
        if lock < 0:
            return None
        rest = next(self._text.disasm(code[:lock] + code[lock + 1:16], address + 1), None)
        if rest is not None:
            return Undecoded(address, 1 + rest.size, code[:1 + rest.size], "lock;",
                             f"{rest.mnemonic} {rest.op_str}".strip())
        return Undecoded(address, 1, code[:4], "(bad)", code[:4].hex(" "))

    def unmodelled_reason(self, insn) -> str | None:
        """An instruction the model's CPU does not have (INSTRUCTION_SETS)
        faults as it does there, before it runs; then a control register's
        write and UNMODELLED's get no verdict."""
        if isinstance(insn, Undecoded):
            return _INVALID_OPCODE
        lacked = self._instruction_set and self._instruction_set.lacks(insn)
        if lacked:
            return lacked
        name = insn.mnemonic.split()[-1]
        if name in ("clts", "lmsw") or name == "mov" and _CONTROL_DESTINATION.match(insn.op_str):
            return _CONTROL_WRITE
        if self.register_bits == 32 and ("fs:" in insn.op_str or "gs:" in insn.op_str):
            return _PROCESS_SEGMENT
        return super().unmodelled_reason(insn)

    def holdable(self, name: str, value: int) -> int:
        """The x87 status word's B (bit 15) mirrors ES (bit 7) (SDM vol. 1
        §8.1.3: "B ... for 8087 compatibility, reflects the contents of
        the ES flag"): FRSTOR/FXRSTOR rebuild it.  DR6 and DR7 hold their
        reserved bits at the values the manual gives them."""
        if name == "fpsw":
            return value & ~0x8000 | (0x8000 if value & 0x80 else 0)
        if name == "dr7":
            # bit 10 reads 1, bits 11, 12, 14 and 15 read 0 (SDM vol. 3A
            # §17.2.4, Figure 17-1); GD (bit 13) clear: set, it would make
            # every MOV of a debug register raise #DB (§17.2.4)
            return value & 0xFFFF03FF | 0x400
        if name == "dr6":
            # bits 4-11 and 16-31 read 1, bit 12 reads 0 (SDM vol. 3A
            # §17.2.3, Figure 17-1)
            return value & 0xE00F | 0xFFFF0FF0
        return value

    def register_width(self, name: str) -> int:
        """XMM 128 bits, an x87 register 80, the FPU's words and the
        segment selectors 16 (MXCSR's upper half is reserved: SDM vol. 1
        §10.2.3); the rest a general register's width."""
        return _WIDTHS.get(name, self.register_bits)

    def flag_writes(self, insn) -> tuple[tuple[str, int], ...]:
        name = insn.mnemonic.split()[-1]
        if name not in X86_VECTOR_FLAG_WRITERS \
                and any(self._detail_decoder().group_name(g) in _VECTOR_GROUPS for g in insn.groups):
            return ((self._flags_name, 0),)
        return ((self._flags_name, x86_flag_writes(insn.mnemonic, insn.op_str)),)

    def flag_undefined(self, insn) -> tuple[tuple[str, int], ...]:
        if _by_cl(insn):                   # by the count: flag_undefined_if
            return ()
        fields = self._shift_undefined(insn, insn.op_str, None)
        if insn.mnemonic.split()[-1] == "lzcnt":     # _ZERO_SOURCE_SCANS: any source
            fields = (*fields, self._scan_destination(insn))
        return fields

    def flag_undefined_if(self, insn) -> tuple[tuple[str, int], ...]:
        """A shift or rotate by CL: what the largest count leaves undefined
        (x86_flags_undefined; a 16-bit SHLD/SHRD past 16, its destination
        register too), asked of the count by undefined_condition; a bit
        scan (_ZERO_SOURCE_SCANS): its destination register, asked of the
        source."""
        if insn.mnemonic.split()[-1] in _ZERO_SOURCE_SCANS:
            return (self._scan_destination(insn),)
        return self._shift_undefined(insn, insn.op_str, None) if _by_cl(insn) else ()

    def _scan_destination(self, insn) -> tuple[str, int]:
        """(register, bits) of a bit scan's destination as the model names
        it: a 16-bit one's low half of its holder; a 32-bit one's whole
        register in 64-bit mode (the write that would zero the upper half
        is the one that may not happen)."""
        name = insn.reg_name(insn.operands[0].reg)
        if name in _WORD_REGISTERS:
            return _WORD_REGISTERS[name][self.register_bits == 64], 0xFFFF
        full = (1 << self.register_bits) - 1
        if self.register_bits == 64:
            if name.startswith("e"):
                return "r" + name[1:], full
            if name[-1] == "d":                    # r8d .. r15d
                return name[:-1], full
        return name, full

    def _scan_source(self, insn) -> int:
        """The value a bit scan about to run reads: its register, or its
        memory operand at base + index * scale + displacement (RIP-relative
        from the next instruction)."""
        operand = insn.operands[1]
        if operand.type == capstone.x86.X86_OP_REG:
            return self.uc.reg_read(getattr(X, "UC_X86_REG_" + insn.reg_name(operand.reg).upper()))
        mem = operand.mem
        address = mem.disp
        for reg, scale in ((mem.base, 1), (mem.index, mem.scale)):
            if reg:
                name = insn.reg_name(reg)
                value = insn.address + insn.size if name == "rip" else \
                    self.uc.reg_read(getattr(X, "UC_X86_REG_" + name.upper()))
                address += value * scale
        address &= (1 << self.register_bits) - 1
        return int.from_bytes(self.read_memory(address, operand.size), "little")

    def undefined_condition(self, insn):
        """What a shift or rotate by CL, about to run, leaves undefined for
        the count CL holds (SDM vol. 2 SAL/SAR/SHL/SHR, SHLD, SHRD,
        RCL/RCR/ROL/ROR "Flags Affected": nothing at a masked count of 0,
        OF for a count over 1, ...); and what it writes (written_flags).  A
        bit scan (_ZERO_SOURCE_SCANS): its destination when the source is 0."""
        if insn.mnemonic.split()[-1] in _ZERO_SOURCE_SCANS:
            return self._scan_source(insn) == 0
        count = self.read_register("rcx" if self.register_bits == 64 else "ecx") & 0xFF
        first = insn.op_str.split(",")[0].strip()
        size = _operand_bits(first)
        masked = count & (0x3F if size == 64 else 0x1F)
        name = insn.mnemonic.split()[-1]
        written = x86_flag_writes(insn.mnemonic, insn.op_str) if masked else 0
        if name in ("rcl", "rcr") and size < 32 and masked % (size + 1) == 0:
            written &= _F["OF"]            # no bit rotated: CF kept, OF undefined
        self._written_by_count[insn.address] = written
        return self._shift_undefined(insn, f"{insn.op_str.rsplit(',', 1)[0]}, {count}", insn)

    def written_flags(self, address):
        """The table's flags (UnicornBackend.written_flags), but a shift or
        rotate by CL's at the count it ran with: none at a masked count of
        0 ("the flags are not affected")."""
        written = self._written_by_count.get(address)
        if written is None:
            return super().written_flags(address)
        return ((self._flags_name, written),)

    def _shift_undefined(self, insn, operands: str, running) -> tuple[tuple[str, int], ...]:
        """(register, bits) the instruction leaves undefined with these
        Intel-syntax operands: its flags (x86_flags_undefined) and, for a
        16-bit SHLD/SHRD by a count over 16 ("If the count is greater than
        the operand size, the result is undefined", SDM vol. 2 SHLD, SHRD),
        its destination register's low 16 bits; a memory destination is not
        modelled (``running``: the instruction about to run stops)."""
        flags = x86_flags_undefined(insn.mnemonic, operands)
        fields = ((self._flags_name, flags),) if flags else ()
        name = insn.mnemonic.split()[-1]
        first = operands.split(",")[0].strip()
        if name not in ("shld", "shrd") or _operand_bits(first) != 16:
            return fields
        try:
            count = int(operands.rsplit(",", 1)[-1], 0) & 0x1F
        except ValueError:
            count = 0x1F
        if count <= 16:
            return fields
        holder = _WORD_REGISTERS.get(first, (None, None))[self.register_bits == 64]
        if holder is not None:
            return (*fields, (holder, 0xFFFF))
        if running is not None:
            raise CpuFault(running.address, f"{name} of a 16-bit {first} by {count} leaves it "
                           f"undefined (SDM vol. 2 {name.upper()})")
        return fields

    def flag_reads(self, insn) -> tuple[tuple[str, int], ...]:
        return ((self._flags_name, x86_flag_reads(insn.mnemonic)),)

    def setup_private(self, base: int) -> None:
        gdt = self._mode.gdt
        self.uc.mem_write(base, gdt)
        self.uc.reg_write(X.UC_X86_REG_GDTR, (0, base, len(gdt) - 1, 0))
        self.uc.reg_write(X.UC_X86_REG_CS, KERNEL_CS)
        for seg in (X.UC_X86_REG_SS, X.UC_X86_REG_DS, X.UC_X86_REG_ES):
            self.uc.reg_write(seg, KERNEL_DS)
        if self._mode.uc_mode == UC_MODE_64:
            self._load_segments(base)

    def _load_segments(self, base: int) -> None:
        """64-bit mode: unicorn's reg_write of CS and SS sets the selectors
        but leaves their hidden descriptor parts empty, which the first
        ``iretq`` then fills from the GDT (a segment load fills them: SDM vol.
        3A §3.4.3).  One ``iretq`` of our own here fills them as every later
        one will, so the CPU after an interrupt's return is the CPU before it
        (the explorer merges equal states)."""
        code, frame = base + 0x800, base + 0x900
        self.uc.mem_write(code, b"\x48\xcf")                     # iretq
        self.uc.mem_write(frame, struct.pack("<QQQQQ", code + 2, KERNEL_CS, 2, 0, KERNEL_DS))
        self.uc.reg_write(X.UC_X86_REG_RSP, frame)
        self._entering = 2              # the block hook's leave to run in the private page
        try:
            self.uc.emu_start(code, code + 2, count=1)
        finally:
            self._entering = 0

    def cpu_exception(self, intno: int):
        return CpuFault(self.pc, _EXCEPTIONS.get(intno, f"CPU exception {intno}"))

    def run(self, on_boundary, synced: bool = False) -> None:
        """UnicornBackend.run, keeping the interrupt shadow: an instruction
        that opens one (``_opens_shadow``) shadows the boundary after it."""
        def boundary(pc):
            self._shadowed, self._shadow_next = self._shadow_next, False
            if not on_boundary(pc):
                return False
            if self.pc == pc:               # it executes (no interrupt was taken here)
                self._shadow_next = self._opens_shadow(pc)
            return True
        super().run(boundary, synced)

    def _opens_shadow(self, pc: int) -> bool:
        """Does the instruction at ``pc``, about to execute, shadow the next
        boundary?  ``sti`` with IF clear; a load of SS (``mov r/m16,%ss``:
        8E /2; ``pop %ss``: 17, not valid in 64-bit mode)."""
        kind = self._shadow_kinds.get(pc)
        if kind is None:
            code = bytes(self.uc.mem_read(self._host_address(pc), 2))
            kind = self._shadow_kinds[pc] = (
                "sti" if code[0] == 0xFB else
                "ss" if code[0] == 0x17 and self._mode.uc_mode != UC_MODE_64
                or code[0] == 0x8E and code[1] >> 3 & 7 == 2 else "")
        if kind == "sti":
            return not self.read(self._mode.flags) & EFLAGS_IF
        return kind == "ss"

    def interrupt_accepted(self, level):
        return not self._shadowed and bool(self.read(self._mode.flags) & EFLAGS_IF)

    def snapshot(self) -> object:
        return super().snapshot(), self._shadowed

    def snapshot_bytes(self, snapshot: object) -> bytes:
        state, shadowed = snapshot
        return super().snapshot_bytes(state) + bytes([shadowed])

    def restore(self, snapshot: object) -> None:
        state, shadowed = snapshot
        super().restore(state)
        # the boundary the snapshot was taken at is shadowed again when run resumes there
        self._shadowed = self._shadow_next = shadowed

    def take_interrupt(self, level, vector, handler):
        mode = self._mode
        flags = self.read(mode.flags)
        sp, ip = self.read(mode.sp), self.read(mode.ip)
        if mode.uc_mode == UC_MODE_64:
            # SDM §6.14.2: align RSP to 16, push SS, RSP, RFLAGS, CS, RIP
            new_sp = (sp & ~0xF) - 40
            frame = struct.pack("<QQQQQ", ip, KERNEL_CS, flags, sp, KERNEL_DS)
        else:
            new_sp = sp - 12
            frame = struct.pack("<III", ip, KERNEL_CS, flags)
        self.uc.mem_write(self._host_address(new_sp), frame)
        self.write(mode.sp, new_sp)
        self.write(mode.flags, flags & ~(EFLAGS_IF | EFLAGS_TF))
        self.redirect(handler)

    def return_point(self):
        return self.read(self._mode.ip), self.read(self._mode.sp)

    def settle(self) -> None:
        """Writing (E/R)FLAGS back makes QEMU keep the flags computed
        (cc_op = CC_OP_EFLAGS, cc_src = the flags)."""
        self.write(self._mode.flags, self.read(self._mode.flags))

    def compared_context(self, cpu: bytes) -> bytes:
        """Without cc_dst and cc_src2 when cc_op is CC_OP_EFLAGS (after
        ``settle``): QEMU leaves there the operands of the last
        flag-setting instruction, which nothing reads any more."""
        if int.from_bytes(cpu[_CC_OP:_CC_OP + 4], "little") != _CC_OP_EFLAGS:
            return cpu
        masked = bytearray(cpu)
        masked[_CC_DST:_CC_DST + 8] = masked[_CC_SRC2:_CC_SRC2 + 8] = bytes(8)
        return bytes(masked)
