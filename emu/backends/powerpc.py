"""32-bit PowerPC (OEA, big-endian) on unicorn.

The CPU's rules for an external interrupt, as the Programming Environments
Manual for 32-bit PowerPC (PEM: IBM G522-0290-01 / Motorola MPCFPE32B)
gives them in §6.4.5 External Interrupt (0x00500) with the MSR bits of
§2.3.1.  The PEM's own pages were not available to this project; the
statements below are checked against the manuals that reproduce them
(archs/powerpc.yaml ``interrupt.source`` names each):

- the interrupt is recognized only when MSR[EE] is 1 and is taken at an
  instruction boundary; there is no hardware priority level (masking by
  level is the port's software);
- SRR0 := the address of the instruction the processor would have
  attempted to execute next;
- SRR1 := MSR, with bits 1-4 and 10-15 cleared;
- MSR: POW, EE, PR, FP, FE0, SE, BE, FE1, IR, DR, RI := 0, LE := ILE; ME,
  IP and ILE are kept; execution continues at the vector (here: the
  port's stub, the vector table is not modelled);
- ``rfi`` continues at SRR0 with MSR bits 0, 5-9, 16-23, 25-27 and 30-31
  taken from SRR1; the other MSR bits (ILE among them) are not restored.

XER's SO, OV and CA live apart from the rest of XER in unicorn 2.1.4
(QEMU's env->so/ov/ca): its register API reads and writes only the rest,
and a bit written there shows through every later ``mfxer``.  The backend
finds the three words of the CPU state a unicorn context holds where they
live (once, by running ``mtxer`` from the private page with each flag
alone: each must read 1 there) and reads and writes them through a
context: a save, three words, a restore (memory copies, no run: valid
inside a run's hook, where a C function's return poisons them and an
interrupt's return is compared).  An external interrupt may change SRR0,
SRR1 and MSR only (PEM §6.4.5): XER must come back as it was.

SPRG0-SPRG3 (PEM §2.3.8, "software use": NetBSD's trap code keeps the
interrupted r1 and XER there, archs/powerpc.yaml interrupt.clobbers) are
not in unicorn 2.1.4's register API either; its CPU has them (QEMU's
env->spr[272..275]: ``mtsprg``/``mfsprg`` work in supervisor state and a
unicorn context holds them, probed).  The backend finds each one's word of
the context's CPU state as it finds XER's flags (``mtsprg n,r0`` run from
the private page with 0 and then a pattern: the one word that changes,
holding the pattern) and reads and writes ``sprg0``..``sprg3`` there, inside
a run's hook too.  Snapshots are contexts, so they carry the SPRGs.

unicorn 2.1.4 has MSR in its API but no SRR0 or SRR1 (docs/ports.md).
The entry is completed by a trampoline in the private page, one per stub:
``mtsrr0 r3; mtsrr1 r4`` with the values the backend put in r3/r4, then r3
and r4 are reloaded from a mailbox and ``ba`` goes to the stub, so the
stub sees every register as the interrupted code left it.  ``rfi`` itself
is unicorn's: it restores the MSR bits above and continues at SRR0, but it
also copies SRR1's ILE into MSR (and clears POW), where the manual leaves
ILE alone.  Entry clears SRR1's ILE, so an interrupt taken with ILE = 1
would come back with ILE = 0: the backend refuses to take one
(``entry_fault``).  ILE = 1 also means LE := 1 at entry, a little-endian
handler this big-endian model does not run.

Address translation is not modelled: no page table, BAT or TLB reload;
every effective address is its own real address.  The kernel runs with
MSR[IR] and MSR[DR] set (NetBSD/macppc's initppc(), archs/powerpc.yaml
cpu.source), and the machine calls every routine so (cpu.reset msr
0x9032: EE, ME, IR, DR, RI); the bits are tracked (abi.state: a routine
that clears them for its caller fails ``preserves``), interrupt entry
clears them and saves them in SRR1, rfi gives them back.  unicorn 2.1.4's
CPU (its default 32-bit model, QEMU's 7457, with a software-loaded TLB)
does translate while IR or DR is set: with nothing mapped every fetch
misses its TLB (unicorn's exception 78, 79 or 80: an instruction, load or
store TLB miss).  So the backend loads SR0-SR15, before any run, with
601-style memory-forced I/O segments (T = 1, BUID 0x7F, SR[28-31] = the
segment's number: 0x87F0000n), which QEMU's 32-bit hash MMU translates,
fetches included and whatever the CPU model, to the real address
SR[28-31] || EA[4-31] (target/ppc/mmu_helper.c get_segment_6xx_tlb;
probed): the effective address itself, over the whole 4 GB, so an
access to unmapped memory faults as in real mode, naming its address.
This stands for no hardware's translation (a 7457 has no memory-forced
segments): it is how unicorn is made to translate nothing.  What NetBSD
maps so is the kernel's lowest 256 MB, 1:1, by BAT0 (macppc locore.S
1.24), where everything the machine maps lies.  The segment registers
are not kept or compared (no spl routine of NetBSD's writes them).

The reservation of lwarx/stwcx. (PEM ch. 8 lwarx, stwcx.; §5.1.2) is
CPU state the backend keeps, in its snapshots: the address the last lwarx
reserved, or none.  Only a stwcx. of this processor (to any address,
storing or not) or a store by another processor or mechanism to the
reservation granule clears it (MPC603e User's Manual ch. 2, p. 2-39; the
MPC823e manual §13.4.10: "A store by the same processor does not clear
the reservation"); an interrupt, the interrupt path's ordinary stores and
its rfi leave it (PPC405 manual, lwarx: an asynchronous process pairing
lwarx with "a store other than stwcx." leaves the reservation, and the
interrupted code "would have overwritten the semaphore").  There is one
processor here and no other mechanism, so the granule's size (the 603e's
32-byte block) never matters: nothing else clears it.  The machine's
stubs are this processor's code, so a stub that executes a stwcx. clears
it as NetBSD's would.  A stwcx. with the reservation for its EA stores and
sets CR0 EQ (and SO from XER), without one stores nothing and clears EQ;
with the reservation for another address, whether it stores is undefined
(PEM stwcx.): it stores, as the 603e does, and in the second world
(``choice_world``) it does not.  unicorn's own
lwarx/stwcx. differ (its stwcx. is a compare-and-swap on the value lwarx
read, and its rfi drops the reservation), so a code hook before each
stwcx. of the image sets unicorn's reservation words (found in the CPU
state as the SPRGs are) to the outcome above, and one before each lwarx
takes its EA.  An implementation may also clear the reservation at an
interrupt (Power ISA Book II §1.7.3.1: interrupts are not guaranteed to
clear it, nor promised to keep it): for a routine that retries a failed
stwcx., or keeps EE off from lwarx to stwcx., that changes nothing; one
that takes a failed stwcx. after an interrupt as final is wrong on such
a CPU: the second world (``choice_world`` 1) clears the reservation at
every interrupt it takes, so a case that ends otherwise fails defined_only.
"""

from __future__ import annotations

import ctypes
import struct

import capstone
from unicorn import UC_ARCH_PPC, UC_HOOK_CODE, UC_MODE_BIG_ENDIAN, UC_MODE_PPC32, UcError
from unicorn import ppc_const as P
from unicorn.unicorn_py3 import unicorn as _binding

from .base import CpuFault, Unmodelled
from .unicorn_base import Undecoded, UnicornBackend

# MSR bits (PEM §2.3.1; IBM bit k is 1 << (31 - k))
MSR_POW, MSR_ILE, MSR_EE, MSR_PR = 1 << 18, 1 << 16, 1 << 15, 1 << 14
MSR_FP, MSR_ME, MSR_FE0, MSR_SE, MSR_BE, MSR_FE1 = 1 << 13, 1 << 12, 1 << 11, 1 << 10, 1 << 9, 1 << 8
MSR_IP, MSR_IR, MSR_DR, MSR_RI, MSR_LE = 1 << 6, 1 << 5, 1 << 4, 1 << 1, 1 << 0
#: cleared in SRR1 by an external interrupt: bits 1-4 and 10-15
SRR1_CLEARED = 0x78000000 | 0x003F0000
#: cleared in MSR by interrupt entry (LE then takes ILE)
ENTRY_CLEARED = (MSR_POW | MSR_EE | MSR_PR | MSR_FP | MSR_FE0 | MSR_SE | MSR_BE | MSR_FE1
                 | MSR_IR | MSR_DR | MSR_RI | MSR_LE)

#: the SPRs an mtspr may write (PEM ch. 8 Table 8-9): XER, LR, CTR, SRR0,
#: SRR1 and SPRG0-3, which the model keeps and compares; any other is
#: refused (unmodelled_reason)
#: primary opcode 31's extended opcodes that move a special-purpose
#: register: (mnemonic, how a message names the SPR's side)
_SPR_ACCESSES = {467: ("mtspr", "to"), 339: ("mfspr", "from"), 371: ("mftb", "of")}
_KEPT_SPRS = frozenset((1, 8, 9, 26, 27, 272, 273, 274, 275))
_SPR_NAMES = {18: "DSISR", 19: "DAR", 22: "DEC, the decrementer: the clock", 25: "SDR1",
              268: "TBL, the time base", 269: "TBU, the time base", 287: "PVR, the CPU's identity",
              282: "EAR", 284: "TBL, the time base", 285: "TBU, the time base",
              1008: "HID0", 1009: "HID1", 1010: "IABR", 1013: "DABR",
              **{528 + n: f"IBAT{n // 2}{'UL'[n % 2]}" for n in range(8)},
              **{536 + n: f"DBAT{n // 2}{'UL'[n % 2]}" for n in range(8)}}

# unicorn's interrupt numbers (QEMU's POWERPC_EXCP_*), as seen in probes
ILLEGAL_INSTRUCTION = 96
_EXCEPTIONS = {6: "program exception (trap, or a privileged instruction in user mode)",
               8: "system call (sc)", 5: "alignment exception",
               ILLEGAL_INSTRUCTION: "illegal instruction",
               # QEMU's POWERPC_EXCP_TRACE, probed with MSR[SE] set (red team 28 D)
               68: "trace exception (MSR[SE] or MSR[BE] set: PEM §6.4.11, the kernel's "
                   "trace handler)",
               # translation through a segment register the guest changed
               # from the identity map (module docstring)
               78: "instruction TLB miss (MSR[IR] = 1, a segment register no longer the identity)",
               79: "data load TLB miss (MSR[DR] = 1, a segment register no longer the identity)",
               80: "data store TLB miss (MSR[DR] = 1, a segment register no longer the identity)"}

# private page: r3/r4 mailbox, XER's write, the SPRGs' writes, then one
# trampoline per stub address
_MAILBOX_R3, _MAILBOX_R4 = 0x00, 0x04
_MTXER_R0 = 0x40
#: mtspr XER,r0 (SPR 1), as GNU as assembles mtxer r0
_MTXER = 0x7C0103A6
#: mtsprg n,r0 for n = 0..3 at _MTSPRG_R0 + 4n: mtspr SPR 272+n (PEM ch. 8
#: mtspr; GNU as's ``mtsprg 0,r0`` is 0x7c1043a6)
_MTSPRG_R0 = 0x50
SPRGS = ("sprg0", "sprg1", "sprg2", "sprg3")
#: lwarx r0,0,r0 (EA = r0) and the two words it loads, where the
#: reservation's words in unicorn's CPU state are found (_reserve_words)
_LWARX_R0, _RESERVED = 0x60, 0x70
_LWARX = 0x7C000028
#: mtsr n,r0 for n = 0..15 at _MTSR_R0 + 4n (PEM ch. 8 mtsr: opcode 31,
#: extended 210, SR in bits 12-15), loading the identity segments
_MTSR_R0 = 0x80
#: segment register n: T = 1, BUID 0x7F, n in bits 28-31 (module docstring)
IDENTITY_SEGMENT = 0x87F00000


def _mtsprg_r0(n: int) -> int:
    """mtspr 272+n,r0: the SPR field holds the number's halves swapped."""
    spr = 272 + n
    return 0x7C0003A6 | (spr & 0x1F) << 16 | (spr >> 5) << 11


def _mtsr_r0(n: int) -> int:
    """mtsr n,r0 (GNU as assembles ``mtsr 1,r0`` as 0x7c0101a4)."""
    return 0x7C0001A4 | n << 16

#: XER's SO, OV and CA (PEM §2.1.3; IBM bits 0-2), undefined at a call
#: (the SVR4 ABI's XER is volatile: abi.scratch)
XER_FLAGS = {"SO": 1 << 31, "OV": 1 << 30, "CA": 1 << 29}
_XER_ALL = 0xE0000000
#: the instructions that update XER[CA] (PPC405 Core User's Manual SA14-2339-04
#: §2.3.2.3 XER: "arithmetic instructions that update the CA field"; each one's
#: "Registers Altered" in ch. 9): the carrying adds and subtracts, their
#: extended forms, and the algebraic right shifts (``subc``, ``subic`` are
#: capstone's names for subfc and addic with a negated operand too)
_CA_WRITERS = {"addc", "adde", "addic", "addme", "addze", "subfc", "subfe", "subfic",
               "subfme", "subfze", "sraw", "srawi", "subc", "subic"}


def powerpc_xer_writes(mnemonic: str) -> int:
    """The XER bits among SO, OV and CA a 32-bit PowerPC instruction may
    write: CA by the carrying arithmetic (_CA_WRITERS), OV and SO by the
    "o" forms (OE = 1; SA14-2339-04 §2.3.2.3: "set by mtspr or by using
    'o' form instructions"), all three by mtxer and mcrxr; no other
    instruction alters them (their "Registers Altered" name no XER)."""
    name = mnemonic.rstrip(".")
    if name in ("mtxer", "mcrxr"):
        return _XER_ALL
    bits = XER_FLAGS["CA"] if name in _CA_WRITERS or name[:-1] in _CA_WRITERS else 0
    if name.endswith("o"):              # addo, addco, nego, mullwo, divwuo ... (eieio: counted)
        bits |= XER_FLAGS["OV"] | XER_FLAGS["SO"]
    return bits

#: CR's bits by name (PEM §2.1.1; IBM bit 4n + k of field n is 1 << (31 - 4n - k)):
#: ``cr7 EQ``; the compares' LT, GT, EQ, SO
CR_FLAGS = {f"cr{field} {name}": 1 << (31 - 4 * field - k)
            for field in range(8) for k, name in enumerate(("LT", "GT", "EQ", "SO"))}
#: the condition register logical instructions (opcode 19, XL-form), by
#: extended opcode: crnor, crandc, crxor, crnand, crand, creqv, crorc, cror
_CR_LOGICAL = {33, 129, 193, 225, 257, 289, 417, 449}


#: "If an attempt is made to perform either of the divisions 0x8000_0000
#: / -1 or <anything> / 0, then the contents of rD are undefined, as are
#: the contents of the LT, GT, and EQ bits of the CR0 field (if Rc = 1)"
#: (PowerPC Microprocessor Family: The Programming Environments for 32-Bit
#: Microprocessors, ch. 8 divw, divwu): rD of every form, CR0 of the
#: record forms
CR0_LT_GT_EQ = 0xE0000000
#: divw, divwu by their X-form extended opcode (bits 1-9; OE, bit 10, apart)
_DIVIDES = {491: "divw", 459: "divwu"}


def _divide(word: int) -> str | None:
    """``divw`` or ``divwu`` for any form of either (OE, Rc), else None."""
    return _DIVIDES.get(word >> 1 & 0x1FF) if word >> 26 == 31 else None


#: the XO-form instructions (opcode 31) by their extended opcode, bits 1-9:
#: with OE (bit 10) set, the "o" forms that write XER OV and SO (PEM ch. 8,
#: each one's page; capstone 5.0 decodes none of them)
XO_FORMS = {266: "add", 10: "addc", 138: "adde", 234: "addme", 202: "addze", 491: "divw",
            459: "divwu", 235: "mullw", 104: "neg", 40: "subf", 8: "subfc", 136: "subfe",
            232: "subfme", 200: "subfze"}
_NO_RB = {"addme", "addze", "neg", "subfme", "subfze"}


def powerpc_oe_form(word: int) -> tuple[str, str] | None:
    """(mnemonic, operands) of an "o" form (``divwuo.``, ``r8, r6, r7``),
    or None."""
    name = XO_FORMS.get(word >> 1 & 0x1FF) if word >> 26 == 31 and word & 0x400 else None
    if name is None:
        return None
    registers = [word >> 21 & 31, word >> 16 & 31] + ([] if name in _NO_RB else [word >> 11 & 31])
    return f"{name}o{'.' if word & 1 else ''}", ", ".join(f"r{r}" for r in registers)


def _cr_field(field: int) -> int:
    return 0xF0000000 >> (4 * field)


def powerpc_cr_writes(word: int) -> int:
    """The CR bits the 32-bit PowerPC instruction ``word`` may write, the
    ways PPC405 Core User's Manual SA14-2339-04 §2.3.3 "Condition Register"
    lists (each one's "Registers Altered" in ch. 9): a CR-logical
    instruction its target bit BT only (crand, crandc, creqv, crnand,
    crnor, cror, crorc, crxor; crset, crclr, crmove, crnot are their
    extended mnemonics: the AIX Assembler Language Reference, "Extended
    mnemonics of condition register logical instructions"); mcrf, mcrxr,
    mcrfs, the compares (cmp, cmpl, cmpi, cmpli, fcmpu, fcmpo) their target
    field; mtcrf the fields of its mask; a record form (Rc = 1) CR0, or CR1
    for floating point; andi., andis., addic. and stwcx. CR0; an AltiVec
    compare CR6.  Decoded from the word, so an extended mnemonic needs no
    name of its own."""
    opcode = word >> 26
    crf = (word >> 23) & 7
    xo = (word >> 1) & 0x3FF
    if opcode == 19:
        if xo in _CR_LOGICAL:
            return 1 << (31 - ((word >> 21) & 31))
        return _cr_field(crf) if xo == 0 else 0          # mcrf; branches, rfi, isync: none
    if opcode in (10, 11):                               # cmpli, cmpi
        return _cr_field(crf)
    if opcode in (13, 28, 29):                           # addic., andi., andis.
        return _cr_field(0)
    if opcode == 31:
        if xo in (0, 32, 512):                           # cmp, cmpl, mcrxr
            return _cr_field(crf)
        if xo == 144:                                    # mtcrf FXM
            mask = (word >> 12) & 0xFF
            return sum(_cr_field(n) for n in range(8) if mask & (0x80 >> n))
        return _cr_field(0) if word & 1 else 0           # record forms, stwcx.
    if opcode in (20, 21, 23):                           # rlwimi., rlwinm., rlwnm.
        return _cr_field(0) if word & 1 else 0
    if opcode == 63 and xo in (0, 32, 64):               # fcmpu, fcmpo, mcrfs
        return _cr_field(crf)
    if opcode in (59, 63):
        return _cr_field(1) if word & 1 else 0
    if opcode == 4:                                      # AltiVec compares (Rc: CR6)
        return _cr_field(6)
    return 0

_TRAMPOLINES, _TRAMPOLINE_SIZE = 0x100, 0x20


def reservation_kind(word: int) -> str | None:
    """``lwarx`` or ``stwcx.`` for a load-and-reserve or store-conditional
    word (opcode 31, extended opcode 20 or 150: PEM ch. 8), else None."""
    if word >> 26 != 31:
        return None
    return {20: "lwarx", 150: "stwcx."}.get(word >> 1 & 0x3FF)


def _changed_word(before: bytes, after: bytes) -> int | None:
    """The offset of the one aligned 32-bit word where two equal-length
    buffers differ; None when they are equal or differ elsewhere too."""
    diff = int.from_bytes(before, "little") ^ int.from_bytes(after, "little")
    if not diff:
        return None
    first, last = ((diff & -diff).bit_length() - 1) // 8, (diff.bit_length() - 1) // 8
    return first & ~3 if first // 4 == last // 4 else None


def _trampoline(base: int, stub: int) -> bytes:
    """mtsrr0 r3; mtsrr1 r4; lis r3,base@h; lwz r4,R4(r3); lwz r3,R3(r3); ba stub
    (encodings as GNU as assembles them: mtspr SPR 26/27, addis, lwz, b with AA=1)."""
    if stub & 3 or stub >= 1 << 25:
        raise ValueError(f"stub at 0x{stub:08x} is out of reach of an absolute branch")
    assert base & 0xFFFF == 0
    words = [0x7C7A03A6, 0x7C9B03A6, 0x3C600000 | base >> 16,
             0x80830000 | _MAILBOX_R4, 0x80630000 | _MAILBOX_R3, 0x48000002 | stub]
    return struct.pack(">6I", *words)


class PowerPCBackend(UnicornBackend):
    family = "powerpc"
    arch, mode = UC_ARCH_PPC, UC_MODE_PPC32 | UC_MODE_BIG_ENDIAN
    cs_arch, cs_mode = capstone.CS_ARCH_PPC, capstone.CS_MODE_32 | capstone.CS_MODE_BIG_ENDIAN
    registers = {**{f"r{i}": getattr(P, f"UC_PPC_REG_{i}") for i in range(32)},
                 "sp": P.UC_PPC_REG_1, "pc": P.UC_PPC_REG_PC, "msr": P.UC_PPC_REG_MSR,
                 "lr": P.UC_PPC_REG_LR, "ctr": P.UC_PPC_REG_CTR, "cr": P.UC_PPC_REG_CR,
                 "xer": P.UC_PPC_REG_XER}
    trace_registers = (*(f"r{i}" for i in range(32)), "cr", "lr", "ctr", "xer", "msr", *SPRGS)
    entry_length = 6      # the trampoline's instructions, mtsrr0 to ba
    flag_bits = {"xer": XER_FLAGS, "cr": CR_FLAGS}
    own_reads = frozenset({"xer", *SPRGS})
    own_writes = frozenset({"xer", *SPRGS})
    implementation_choice = ("an interrupt taken between lwarx and stwcx. clears the reservation, "
                             "and a stwcx. to another address than the reservation's stores "
                             "nothing (Power ISA Book II §1.7.3.1, PEM ch. 8 stwcx.: an "
                             "implementation may; this model otherwise keeps the reservation "
                             "and stores, as the 603e does)")
    #: sprgN -> its word in the CPU state a context copies (_sprg_words)
    _sprg: dict[str, ctypes.c_uint32] = {}

    def setup_private(self, base):
        self._base = base
        self._trampolines: dict[int, int] = {}
        self.uc.mem_write(base + _MTXER_R0, struct.pack(">I", _MTXER))
        self.uc.mem_write(base + _MTSPRG_R0, struct.pack(">4I", *map(_mtsprg_r0, range(4))))
        self._xer_flag_words()
        self._sprg_words()
        self._reserve_words()
        self._identity_segments()
        #: the reservation (module docstring): the address of the word the
        #: last lwarx reserved, or None; lwarx and stwcx. by address
        self._reservation: int | None = None
        self._reserving: dict[int, tuple[str, int]] = {}
        self._step_from: int | None = None

    def flag_writes(self, insn):
        word = int.from_bytes(insn.bytes[:4], "big")
        return (("xer", powerpc_xer_writes(insn.mnemonic)), ("cr", powerpc_cr_writes(word)))

    def undecoded(self, code, address):
        named = powerpc_oe_form(int.from_bytes(code[:4], "big")) if len(code) >= 4 else None
        return None if named is None else Undecoded(address, 4, code[:4], *named)

    def flag_undefined_if(self, insn):
        """A divide's rD, and CR0 LT GT EQ of a record form (PEM ch. 8
        divw, divwu), for the operands undefined_condition names."""
        word = int.from_bytes(insn.bytes[:4], "big")
        if not _divide(word):
            return ()
        quotient = ((f"r{word >> 21 & 31}", 0xFFFFFFFF),)
        return (("cr", CR0_LT_GT_EQ), *quotient) if word & 1 else quotient

    def undefined_condition(self, insn):
        """Whether the divide about to run is one PEM ch. 8 divw/divwu
        leaves undefined: anything by 0, and (divw) 0x8000_0000 by -1."""
        word = int.from_bytes(insn.bytes[:4], "big")
        dividend = self.read_register(f"r{word >> 16 & 31}")
        divisor = self.read_register(f"r{word >> 11 & 31}")
        return divisor == 0 or (_divide(word) == "divw" and dividend == 0x80000000
                                and divisor == 0xFFFFFFFF)

    def read_register(self, name):
        if name == "xer":
            return self.read(P.UC_PPC_REG_XER) | self._read_xer_flags()
        word = self._sprg.get(name)
        if word is not None:
            _binding.uclib.uc_context_save(self._uch, self._xer_handle)
            return word.value
        return super().read_register(name)

    def write_register(self, name, value):
        if name == "xer":
            self.write(P.UC_PPC_REG_XER, value & ~_XER_ALL)
            self._write_xer_flags(value)
            return
        if name in self._sprg:
            self.write_registers(((name, value),))
            return
        super().write_register(name, value)

    def register_reader(self, names):
        """The base class's batched reader, the SPRGs among ``names`` read
        from one copy of the CPU state."""
        names = tuple(names)
        sprgs = [(i, self._sprg[name]) for i, name in enumerate(names) if name in self._sprg]
        if not sprgs:
            return super().register_reader(names)
        rest = [name for name in names if name not in self._sprg]
        read_rest = super().register_reader(rest) if rest else tuple
        save, uch, handle = _binding.uclib.uc_context_save, self._uch, self._xer_handle

        def read_all() -> tuple[int, ...]:
            values = list(read_rest())
            save(uch, handle)
            for i, word in sprgs:
                values.insert(i, word.value)
            return tuple(values)
        return read_all

    def write_registers(self, values):
        """The SPRGs among ``values`` by one copy of the CPU state out and
        back, changed in between (a memcpy each, as _write_xer_flags: valid
        inside a run's hook; no copy back when none changes); the others
        first (none of them is an SPRG)."""
        sprgs = [(self._sprg[name], value) for name, value in values if name in self._sprg]
        super().write_registers([(name, value) for name, value in values
                                 if name not in self._sprg])
        if sprgs:
            uch, handle = self._uch, self._xer_handle
            _binding.uclib.uc_context_save(uch, handle)
            changed = False
            for word, value in sprgs:
                if not 0 <= value <= 0xFFFFFFFF:
                    raise ValueError(f"an SPRG is a 32-bit register, not {value:#x}")
                changed |= word.value != value
                word.value = value
            # no copy back where each holds its value already (the poison an
            # interrupt return writes usually is what the call left there)
            status = _binding.uclib.uc_context_restore(uch, handle) if changed else 0
            if status:
                raise UcError(status)

    def _state_word(self, run, value: int, what: str, clear: int = 0) -> ctypes.c_uint32:
        """The word of the CPU state a unicorn context copies that
        ``run(value)`` (guest code from the private page) changes from what
        ``run(clear)`` leaves, which must then hold ``value``: where that
        state lives.  Points into the backend's context (self._xer_context)."""
        handle, address, size = self._xer_handle, self._xer_handle.value, self._xer_context.size

        def state() -> bytes:
            _binding.uclib.uc_context_save(self._uch, handle)
            return ctypes.string_at(address, size)
        run(clear)
        before = state()
        run(value)
        offset = _changed_word(before, state())
        word = None if offset is None else ctypes.c_uint32.from_address(address + offset)
        run(clear)
        if word is None or word.value != value:
            raise RuntimeError(f"powerpc: {what} not found in unicorn's CPU state")
        return word

    def _identity_segments(self) -> None:
        """SR0-SR15 := the memory-forced segments that map every effective
        address to itself (module docstring), written by guest code from
        the private page in real mode; a context carries them, so every
        snapshot does."""
        self.uc.mem_write(self._base + _MTSR_R0, struct.pack(">16I", *map(_mtsr_r0, range(16))))
        for n in range(16):
            self._run_private(_MTSR_R0 + 4 * n, IDENTITY_SEGMENT | n)

    def _sprg_words(self) -> None:
        """SPRG0-3's words in the CPU state (module docstring); each is
        written 0 again after it is found."""
        self._sprg = {name: self._state_word(
            lambda value, n=n: self._run_private(_MTSPRG_R0 + 4 * n, value),
            0x5A5A0000 | 0x1111 * (n + 1), name) for n, name in enumerate(SPRGS)}

    def _reserve_words(self) -> None:
        """unicorn's reservation (QEMU's env->reserve_addr and
        env->reserve_val) in the CPU state: the word that changes when
        ``lwarx`` loads the same value from another address, and the one
        that changes when it loads another value from the same address."""
        base = self._base
        self.uc.mem_write(base + _LWARX_R0, struct.pack(">I", _LWARX))
        self.uc.mem_write(base + _RESERVED, struct.pack(">2I", 0x5A5A5A5A, 0x5A5A5A5A))

        def load(address: int) -> None:
            self._run_private(_LWARX_R0, address)

        def load_value(value: int) -> None:
            self.uc.mem_write(base + _RESERVED, struct.pack(">I", value))
            load(base + _RESERVED)
        self._uc_reserve_addr = self._state_word(load, base + _RESERVED + 4, "reserve_addr",
                                                 clear=base + _RESERVED)
        self._uc_reserve_val = self._state_word(load_value, 0xA5A5A5A5, "reserve_val",
                                                clear=0x5A5A5A5A)

    def _xer_flag_words(self) -> None:
        """Find SO, OV and CA (QEMU's env->so, ov, ca: each 0 or 1) among
        the words of the CPU state a unicorn context copies: each is the
        one word the context shows changed when ``mtxer`` sets its flag
        alone, and it must read 1 then.  Kept as long as the backend: the
        words point into its context."""
        context = self._xer_context = self.uc.context_save()
        self._xer_handle, address = context.context, context.context.value

        def state() -> bytes:
            _binding.uclib.uc_context_save(self._uch, self._xer_handle)
            return ctypes.string_at(address, context.size)
        self._run_mtxer(0)
        clear = state()
        words = []
        for name, bit in XER_FLAGS.items():
            self._run_mtxer(bit)
            offset = _changed_word(clear, state())
            word = None if offset is None else ctypes.c_uint32.from_address(address + offset)
            if word is None or word.value != 1:
                raise RuntimeError(f"powerpc: XER {name} not found in unicorn's CPU state")
            words.append((word, bit))
        self._run_mtxer(0)
        self._xer_words = words

    def _read_xer_flags(self) -> int:
        """SO, OV and CA in place (XER's other bits 0), from a context copy."""
        _binding.uclib.uc_context_save(self._uch, self._xer_handle)
        return sum(bit for word, bit in self._xer_words if word.value)

    def _write_xer_flags(self, value: int) -> None:
        """SO, OV and CA from ``value``'s bits: the CPU state copied out,
        three words changed, copied back (uc_context_restore is a memcpy:
        valid between any two instructions, a run's hook included; the
        block hook's helper leaves TCG's globals in the CPU state, so the
        next instruction reads the new flags)."""
        uch, handle = self._uch, self._xer_handle
        _binding.uclib.uc_context_save(uch, handle)
        for word, bit in self._xer_words:
            word.value = 1 if value & bit else 0
        status = _binding.uclib.uc_context_restore(uch, handle)
        if status:
            raise UcError(status)

    def _run_mtxer(self, value: int) -> None:
        """``mtxer r0`` with r0 = ``value``, run from the private page
        before any run (how the flags' words are found); r0 and the PC as
        they were."""
        self._run_private(_MTXER_R0, value)

    def _run_private(self, offset: int, value: int) -> None:
        """The one instruction at ``offset`` in the private page, with r0 =
        ``value``, before any run; r0 and the PC as they were."""
        r0, pc = self.read(P.UC_PPC_REG_0), self.read(P.UC_PPC_REG_PC)
        self.write(P.UC_PPC_REG_0, value)
        self._entering = 1                 # the block hook's leave to run in the private page
        try:
            self._start(self._base + offset, 1)
        finally:
            self._entering = 0
            self.write(P.UC_PPC_REG_0, r0)
            self.redirect(pc)

    def _trampoline_for(self, stub: int) -> int:
        """The trampoline that ends in ``ba stub``, written the first time
        (one code write per stub, not per interrupt)."""
        address = self._trampolines.get(stub)
        if address is None:
            address = self._base + _TRAMPOLINES + len(self._trampolines) * _TRAMPOLINE_SIZE
            if address + _TRAMPOLINE_SIZE > self._base + 0x1000:
                raise ValueError("too many interrupt stubs for the private page")
            self.uc.mem_write(address, _trampoline(self._base, stub))
            self._trampolines[stub] = address
        return address

    # -- the reservation (module docstring) -------------------------------------
    def image_loaded(self, segments):
        """Hook every lwarx and stwcx. of the image, once."""
        super().image_loaded(segments)
        for address, body in segments:
            skip = -address % 4
            count = (len(body) - skip) // 4
            for i, word in enumerate(struct.unpack(f">{count}I", body[skip:skip + 4 * count])):
                kind = reservation_kind(word)
                if kind is not None:
                    self._reserving[address + skip + 4 * i] = (kind, word)
        for address in sorted(self._reserving):
            self.uc.hook_add(UC_HOOK_CODE, self._on_reserving, None, address, address)

    def _start(self, pc, count):
        self._step_from = pc
        super()._start(pc, count)

    def _effective_address(self, word: int) -> int:
        """EA = (rA|0) + (rB) of an X-form load or store (PEM ch. 8)."""
        ra, rb = word >> 16 & 31, word >> 11 & 31
        base = self.read(self.registers[f"r{ra}"]) if ra else 0
        return (base + self.read(self.registers[f"r{rb}"])) & 0xFFFFFFFF

    def _on_reserving(self, uc, address, size, _):
        """An lwarx or stwcx. is about to run (a step may call the hook of
        the instruction after its own: that one is the next step's).
        lwarx: the reservation is its EA.  stwcx.: stores (CR0 EQ, and SO
        from XER) when the reservation is held for its EA, else does not
        store (EQ clear); clears the reservation either way.  unicorn's
        stwcx. is a compare-and-swap on the value its lwarx read, and its
        rfi drops the reservation: its two words are set here so that it
        does what the reservation says."""
        try:
            if self._stepping and address != self._step_from:
                return
            kind, word = self._reserving[address]
            ea = self._effective_address(word)
            if kind == "lwarx":
                self._reservation = ea
                return
            held, self._reservation = self._reservation, None
            if held is not None and held != ea:
                # whether it stores is undefined (PEM ch. 8 stwcx.): the 603e
                # does, the second world does not (implementation_choice)
                held = None if self.choice_world else ea
            uch, handle = self._uch, self._xer_handle
            _binding.uclib.uc_context_save(uch, handle)
            if held is None:
                self._uc_reserve_addr.value = ea ^ 4          # no match: no store, EQ clear
            else:
                self._uc_reserve_addr.value = ea
                self._uc_reserve_val.value = int.from_bytes(self.read_memory(ea & ~3, 4), "big")
            status = _binding.uclib.uc_context_restore(uch, handle)
            if status:
                raise UcError(status)
        except BaseException as exc:   # noqa: B902 - handed to _start
            self._fault = exc
            uc.emu_stop()

    def snapshot(self):
        return super().snapshot(), self._reservation

    def snapshot_bytes(self, snapshot):
        state, reservation = snapshot
        held = b"" if reservation is None else struct.pack(">I", reservation)
        return super().snapshot_bytes(state) + held

    def restore(self, snapshot):
        state, self._reservation = snapshot
        super().restore(state)

    def cpu_exception(self, intno):
        """The fault at the raising instruction: for an illegal one the
        manual's SRR0 (PEM §6.4.7, program exception: the address of the
        instruction that caused it), where unicorn's PC has moved past it
        (probed: an illegal instruction first in its block and one after
        others both showed the next address)."""
        address = self.pc - 4 if intno == ILLEGAL_INSTRUCTION else self.pc
        return CpuFault(address, _EXCEPTIONS.get(intno, f"CPU exception {intno}"))

    def entry_fault(self):
        msr = self.read(P.UC_PPC_REG_MSR)
        if msr & MSR_ILE:
            return Unmodelled("MSR[ILE] = 1: the interrupt would run its handler little-endian "
                              "(LE := ILE) and unicorn's rfi would clear ILE, which the "
                              "manual's rfi keeps")
        if msr & MSR_IP:
            return Unmodelled("MSR[IP] = 1: the interrupt goes to the vectors at 0xFFFn_nnnn, "
                              "the boot ROM's (PEM §2.3.1, §6.1), not the kernel's: this model "
                              "enters the ports' stubs directly (red team 28 D)")
        return None

    def unmodelled_reason(self, insn):
        """Besides the table: an mtspr or mfspr (PEM ch. 8) of a
        special-purpose register the model does not keep (the decrementer,
        the time base, the PVR, HID0, the performance monitor, the BATs
        ...), and mftb: a clock, the CPU's identity, the caches or
        translation are not in this model, whose emulator reads them as 0 or
        as another CPU's (red team 42 B F1, F7: a replay sampled on the time
        base held)."""
        word = int.from_bytes(insn.bytes[:4], "big") if len(insn.bytes) >= 4 else 0
        access = _SPR_ACCESSES.get((word >> 1) & 0x3FF) if word >> 26 == 31 else None
        if access is not None:
            mnemonic, preposition = access
            spr = (word >> 16) & 0x1F | ((word >> 11) & 0x1F) << 5
            if spr not in _KEPT_SPRS or mnemonic == "mftb":
                name = _SPR_NAMES.get(spr, "a special-purpose register")
                return Unmodelled(f"{mnemonic} {preposition} SPR {spr} ({name}, PEM ch. 8 "
                                  f"{mnemonic}, Table 8-9): "
                                  f"not kept by this model")
        return super().unmodelled_reason(insn)

    def interrupt_accepted(self, level):
        return bool(self.read(P.UC_PPC_REG_MSR) & MSR_EE)

    def take_interrupt(self, level, vector, handler):
        if self.choice_world:             # implementation_choice
            self._reservation = None
        msr = self.read(P.UC_PPC_REG_MSR)
        r3, r4 = self.read(P.UC_PPC_REG_3), self.read(P.UC_PPC_REG_4)
        self.write_memory(self._base + _MAILBOX_R3, struct.pack(">II", r3, r4))
        self.write(P.UC_PPC_REG_3, self.read(P.UC_PPC_REG_PC))     # -> SRR0
        self.write(P.UC_PPC_REG_4, msr & ~SRR1_CLEARED)            # -> SRR1
        new = msr & ~ENTRY_CLEARED | (MSR_LE if msr & MSR_ILE else 0)
        self.write(P.UC_PPC_REG_MSR, new)
        self.enter_private(self._trampoline_for(handler))

    def return_point(self):
        return self.read(P.UC_PPC_REG_PC), self.read(P.UC_PPC_REG_1)
