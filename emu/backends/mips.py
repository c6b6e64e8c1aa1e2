"""MIPS I (R3000: DECstation pmax) on unicorn, big-endian.

The CPU's rules for an interrupt (IDT R30xx Family Software Reference
Manual, "Exception Management": Status, Cause, EPC, rfe; the R3000 CP0
Status register layout):

- Status: IEc (bit 0) enables interrupts, IM7..0 (bits 15:8) enable each
  Cause IP line; the KU/IE pairs in bits 5:0 are a three-deep stack
  (current, previous, old).  A request on line n (Cause IPn; IP0/IP1 are
  the software interrupts) is taken when IEc = 1 and IMn = 1: a mask, not
  an ordered level.
- Entry: EPC := the interrupted instruction (the branch, with Cause.BD, when
  the CPU stops in a delay slot), the KU/IE stack is pushed (old := prev,
  prev := current, current := kernel with IEc = 0), Cause.ExcCode := 0,
  PC := the general exception vector.
- Return: ``jr k0; rfe`` -- rfe, in the jump's delay slot, pops the stack.

An mtc0 of Status takes its effect on which requests the CPU takes at the
next boundary: the R3000's CP0 hazard cycles after it (IDT R30xx manual;
NetBSD pads such an mtc0 with nops) are not modelled, so a routine is
judged as on a CPU without them (one that leaves out the padding is not
seen; red team 27 B noted it).

A branch and its delay slot are one boundary here.  Unicorn never stops
inside a delay slot: a step (emu_start with count=1) from a branch runs the
branch and its slot together, and a real R3000 interrupted in a slot
resumes by re-executing the branch (EPC = the branch), so the only states
the CPU can be interrupted in are the ones before a branch or after its
slot.  No boundary falls in a slot.

The MIPS I load delay (IDT R30xx Family Software Reference Manual: every
load has a delay of one instruction, and the instruction immediately
following a load may not use its target; the hardware neither enforces nor
detects it): the R3000 does not interlock, that instruction gets the old
value.  It holds for lb/lbu/lh/lhu/lw/lwl/lwr and the coprocessor moves
mfcz/cfcz; an lwl/lwr merging into the register a load just wrote is
bypassed (appendix A, LWL/LWR).  Unicorn models a MIPS32 CPU, which
interlocks, so the backend finds the loads in the image whose next
instruction may read their target (``image_loaded``: the one after them,
or in a delay slot whichever of the target and the fall-through runs) and
hooks just those, once: the instruction that actually runs next faults
when it reads the register (a CpuFault naming both, so ``no_fault`` fails
at it).  An interrupt taken between the two lets the load complete (the
use runs again after rfe): no fault then.

The MIPS I HI/LO hazard: an MFHI's result is undefined when either of the
two instructions after it writes HI (MULT, MULTU, DIV, DIVU, MTHI), an
MFLO's when one writes LO (the same, MTLO) (MIPS32 Architecture for
Programmers vol. II, MFHI/MFLO "Historical Information": in MIPS I-III
"the two instructions which follow the MFHI must not modify the HI
register", read from secondary copies; GDB's MIPS simulator checks the
same pairs on its mips1-mips4 models, sim/testsuite/mips hilo-hazard
tests; the IDT R30xx manual's own wording was not checked).  The backend
hooks every mfhi/mflo in the image and, once it ran, looks at the next
instruction in program order (the one after it, or, in a delay slot, the
branch's target or fall-through) and the one after that (its slot, if it
is a branch): when one writes the register read, the mfhi/mflo's rd gets
the world's poison (Backend.poison_now) before the next instruction runs,
so a routine whose end depends on it fails defined_only naming rd.  It is
applied at the boundary right after the mfhi/mflo, so an interrupt taken
there does not lift it: the rule is read in program order (an assumption:
whether an exception in between clears the hazard on the R3000 was not
checked; the uninterrupted run meets it either way).  An mfhi/mflo in the
delay slot of the routine's return is followed by the caller's code,
which the model does not have: not judged.

Cause IP1..0 are the software interrupt requests and are writable (R30xx
manual, Cause register): an ``mtc0 rt, $13`` writing 0 there withdraws the
request pending on that line (``withdrawn_levels``); one writing 1 would
be a request of the guest's own, which the model does not make (its
requests are the machine's, the port's _setsoftintr): NotModelled (no
verdict).  A read of Cause (``mfc0 rt, $13``) is NotModelled too:
unicorn's Cause does not hold the machine's pending requests, so the
value read would be wrong (a read-modify-write clearing one soft line
would cancel the other's pending request).

Unicorn 2.1.4 emulates a MIPS32 CP0, which differs from the R3000's:

- Status: bit 2 is ERL there and IEp on the R3000, bit 1 EXL (KUc), bits
  4:3 KSU (IEo, KUp), and an mtc0 drops bits an R3000 holds (probed: 5
  KUo, 16 IsC, 17 SwC, 18 PZ, 30 CU2, 31 CU3; 23 and 27, 0 fields on the
  R3000).  So the guest's Status is the backend's own word, ``_status``
  (IDT R30xx manual, "Exception Management", Status register: every bit
  but the 0 fields 27:26, 24:23, 7:6 holds what is written), which the
  register API, snapshots, rfe, the interrupt entry and every
  ``mfc0``/``mtc0`` of Status in the image go through: the backend hooks
  each one (``image_loaded``).  Before an ``mtc0 rt, $12`` runs it takes
  rt's value as the new Status and gives unicorn, for the instruction
  alone, rt = unicorn's image of it (ERL = 1: kernel mode, whatever the
  KU/IE stack says; no interrupt of its own; ``UC_STATUS_KEPT``), then
  puts rt back; after an ``mfc0 rt, $12`` rt gets ``_status``.  Both are
  finished at the next block start (an mtc0 of Status ends its block in
  QEMU, as a branch and its slot do) or, in a step, when the step ends,
  before anything reads a register.  ``mtc0 $zero, $12`` cannot be given
  another value: it writes 0, MIPS32 kernel mode with ERL = 0, in which
  kuseg is TLB-mapped, until the next block start.  So the backend writes
  one wired TLB entry at start (``_TLB_SETUP``: a pair of 16 MiB pages,
  global, mapping 0..32 MiB one to one, where iplemu's layout lives), and
  the R3000 idiom of clearing Status before writing the merged value back
  runs as on an R3000.  (Unicorn's virtual TLB, UC_TLB_VIRTUAL, would do
  without the entry, but with it a step that stopped after a load in a
  delay slot left the branch pending: the next ``jr`` raised "reserved
  instruction", QEMU's branch in a delay slot.)
- ``rfe`` is reserved (intno 20): the backend pops the KU/IE stack itself.
  In a delay slot unicorn has already taken the jump; continuing at the
  target ran its first instruction twice (the jump is still marked
  pending), so the backend continues at a ``nop`` in its private page,
  which completes the pending jump as its delay slot.  The PC unicorn
  shows in its exception hook is not the raising instruction (it read 0):
  the backend knows that instruction from the step it ran (a branch
  standing for its slot, as EPC does) or, in a watched run, from the block
  that raised it (an exception raised at translation, as rfe's is, ends
  its block).
- The API has no Cause or EPC: the entry runs a trampoline in the private
  page that loads EPC from a mailbox (clobbering k0/k1, the registers the
  MIPS ABI reserves for the kernel's exception code) and jumps to the stub.
- A fetch from unmapped memory (a jump there, or the translator reading
  ahead past the end of a mapped page) that unicorn reports as
  UC_ERR_FETCH_UNMAPPED leaves its code generator broken: the next
  emu_start that translates code dies with SIGSEGV in TCG's temp_load
  (unicorn issues #2134 and #2339, both on 2.1.4; probed here: any such
  fetch, then any translation).  So the backend never lets one fail: its
  unmapped-fetch hook maps the page for the run, filled with ``break``,
  and a ``break`` executed there is the fault "jump to unmapped memory"
  at the address fetched; the page is unmapped again when the run ends
  (``_trap_pages``).  A page only read ahead, never run, changes nothing.
- A fetch from an address that is not word aligned breaks it the same
  way: QEMU raises the address error (AdEL) from inside the translator
  (``translator_ldl``), emu_start returns UC_ERR_READ_UNALIGNED, and the
  next emu_start that translates code dies with SIGSEGV in ``temp_load``
  (probed on 2.1.4: ``jr`` to 0x1634526e, then any new block; a jump to
  an odd address instead enters MIPS16 mode, which the R3000 does not
  have).  The R3000 takes an address error when it fetches the target of
  a ``jr``/``jalr`` whose two low bits are not 0 (IDT R30xx manual,
  appendix A, JR/JALR; "Exception Management", AdEL), so the backend
  hooks every ``jr``/``jalr`` in the image and, before one runs with such
  a target, faults there with that address error (``_register_jumps``);
  unicorn never fetches from it.  A run started at such a PC faults
  before emu_start.
- The ``until`` address of emu_start goes through the MMU: 0xFFFFFFFF
  (kseg2, TLB-mapped) is an unmapped read, and so is a kuseg address the
  wired entry does not map while ERL = 0 (an ``mtc0 $zero, $12`` ran);
  the last word of the private page is used: mapped, never executed.
"""

from __future__ import annotations

import struct

import capstone
from unicorn import (UC_ARCH_MIPS, UC_HOOK_CODE, UC_MEM_FETCH_UNMAPPED, UC_MODE_BIG_ENDIAN,
                     UC_MODE_MIPS32)
from unicorn import mips_const as M

from .base import CpuFault, NotModelled, Unmodelled
from .unicorn_base import PRIVATE_BASE, PRIVATE_SIZE, UnicornBackend

STATUS_IEC = 1 << 0
STATUS_KU_IE = 0x3F                # KUo IEo KUp IEp KUc IEc
STATUS_IM_SHIFT = 8
#: the R3000 Status bits that hold what is written: all but the 0 fields
#: 27:26, 24:23 and 7:6 (IDT R30xx manual, "Exception Management", the
#: Status register figure)
STATUS_WRITABLE = 0xF27FFF3F
#: Status bits the model has no meaning for (IDT R30xx manual, Status
#: register): BEV (exceptions to the boot ROM's vectors), SwC and IsC (the
#: caches swapped, isolated from memory); and KUc (user mode)
STATUS_UNMODELLED = 0x00430000
STATUS_KUC = 1 << 1
_STATUS_NAMES = ((1 << 22, "BEV"), (1 << 17, "SwC"), (1 << 16, "IsC"))
#: unicorn's own Status: MIPS32 ERL (bit 2) always set, so unicorn runs
#: in kernel mode whatever the guest's KU/IE stack says, and of the
#: guest's bits only those that mean the same to a MIPS32 CPU: IEc/IE,
#: IM7..0, CU1 (the FPU usable).  The guest's Status is the backend's
#: (``_status``; module docstring).
UC_ERL = 1 << 2
UC_STATUS_KEPT = 0x2000FF01
RFE = 0x42000010
MFC0, MTC0, STATUS, CAUSE = 0x40000000, 0x40800000, 12, 13
CAUSE_SOFT = 0x300                 # Cause IP1..0: the software interrupt requests
NOP = 0x00000000
RESERVED_INSTRUCTION = 20          # QEMU's EXCP_RI, as UC_HOOK_INTR reports it

# private page layout
_MAILBOX_EPC, _MAILBOX_STUB = 0x00, 0x04
_TRAMPOLINE = 0x100
_RFE_CONTINUE = 0x200              # a nop: completes a jump rfe sat in the slot of
_TLB_SETUP = 0x300                 # run once at start: the wired TLB entry (module docstring)
BREAK = 0x0000000D                 # fills a page mapped for an unmapped fetch (module docstring)
BREAKPOINT = 18                    # QEMU's EXCP_BREAK, as UC_HOOK_INTR reports it
PAGE = 0x1000

#: QEMU's EXCP_* numbers as UC_HOOK_INTR reports them (probed on unicorn
#: 2.1.4: add overflowing 21, teq 22, syscall 17, break 18, a jump into
#: kseg2 26; the rest follow QEMU's enum order, target/mips/cpu.h)
_EXCEPTIONS = {12: "address error on a load or fetch (AdEL)",
               13: "address error on a store (AdES)", 17: "syscall", 18: "breakpoint",
               19: "coprocessor unusable", 20: "reserved instruction",
               21: "arithmetic overflow", 22: "trap", 23: "floating-point exception",
               26: "TLB miss on a load or fetch (a TLB-mapped address: this model's one TLB "
                   "entry maps 0..32 MiB)",
               27: "TLB miss on a store (a TLB-mapped address: this model's one TLB entry maps "
                   "0..32 MiB)"}

_REGISTERS = ["zero", "at", "v0", "v1", "a0", "a1", "a2", "a3",
              "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
              "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7",
              "t8", "t9", "k0", "k1", "gp", "sp", "s8", "ra"]


def _trampoline(base: int) -> bytes:
    """The CPU's entry as code: EPC := mailbox word 0, then jump to the
    stub in mailbox word 1 (k0 = base, k1 = scratch)."""
    hi = base >> 16
    words = [
        0x3C1A0000 | hi,                      # lui   k0, %hi(base)
        0x8F5B0000 | _MAILBOX_EPC,            # lw    k1, EPC(k0)
        0x409B7000,                           # mtc0  k1, $14 (EPC)
        0x8F5B0000 | _MAILBOX_STUB,           # lw    k1, STUB(k0)
        0x03600008,                           # jr    k1
        NOP,
    ]
    return struct.pack(">6I", *words)


def _tlb_setup() -> bytes:
    """Code that writes TLB entry 0 (and Wired = 1): EntryHi VPN2 0, ASID
    0; PageMask 16 MiB; EntryLo0 PFN 0 and EntryLo1 PFN 16 MiB, each
    C = 3, D, V, G (MIPS32 PRA: the TLB entry; unicorn's CPU is a MIPS32,
    the R3000 model does not see its TLB: ``_TLB_SETUP``)."""
    def li(value):            # lui t0; ori t0
        return [0x3C080000 | value >> 16, 0x35080000 | value & 0xFFFF]

    def mtc0(rt, rd):
        return 0x40800000 | rt << 16 | rd << 11
    words = [*li(0x01FFE000), mtc0(8, 5), mtc0(0, 0), mtc0(0, 10),
             *li(0x1F), mtc0(8, 2), *li((0x01000000 >> 12) << 6 | 0x1F), mtc0(8, 3),
             *li(1), mtc0(8, 6), 0x42000002, NOP]          # Wired = 1; tlbwi
    return struct.pack(f">{len(words)}I", *words)


_SPECIAL_I = frozenset({0, 2, 3, 4, 6, 7, 8, 9, 12, 13, 16, 17, 18, 19, 24, 25, 26, 27,
                        32, 33, 34, 35, 36, 37, 38, 39, 42, 43})
_OPCODES_I = frozenset({2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                        32, 33, 34, 35, 36, 37, 38, 40, 41, 42, 43, 46, 49, 57})
_COP0_I = frozenset({1, 2, 6, 8, 16})          # tlbr tlbwi tlbwr tlbp rfe


def not_mips_i(word: int) -> str | None:
    """Why the R3000 would not run ``word`` (None: a MIPS I instruction).
    IDT R30xx manual, appendix A, the opcode encoding tables: SPECIAL's
    functions, REGIMM's bltz/bgez/bltzal/bgezal, the I-type opcodes,
    lwc1/swc1 (the R3010; no coprocessor 2 or 3 on a DECstation), and the
    coprocessor moves, branches and operations (CP0's: tlbr, tlbwi, tlbwr,
    tlbp, rfe).  Unicorn's MIPS32 would run what MIPS II and later added
    (branch-likely, ll/sc, sync, traps, movn/movz, mul, eret, di/ei, ...),
    which the R3000 takes as a reserved instruction."""
    op = word >> 26
    if op == 0:
        ok = word & 0x3F in _SPECIAL_I
    elif op == 1:
        ok = (word >> 16) & 0x1F in (0, 1, 16, 17)
    elif 16 <= op <= 19:
        rs = (word >> 21) & 0x1F
        if rs in (0, 2, 4, 6):
            ok = True
        elif rs == 8:
            ok = (word >> 16) & 0x1F in (0, 1)      # bcf, bct (not the likely forms)
        elif rs >= 16:
            ok = op != 16 or word & 0x3F in _COP0_I
        else:
            ok = False
    else:
        ok = op in _OPCODES_I
    return None if ok else ("not a MIPS I instruction: the R3000 takes it as a reserved "
                            "instruction (IDT R30xx manual, appendix A)")


#: the CP0 registers of the TLB (IDT R30xx manual, "Memory Management"):
#: Index, EntryLo, Context, EntryHi (its ASID: the address space in use)
_TLB_REGISTERS = {0: "Index", 2: "EntryLo", 4: "Context", 10: "EntryHi"}


def _tlb_write(word: int) -> Unmodelled | None:
    """Why the model refuses an mtc0 to a TLB register: it has no TLB for
    kseg2 and user space, nor an address space id (red team 28 D: an
    EntryHi clobber held)."""
    if word >> 26 != 16 or (word >> 21) & 0x1F != 4:
        return None
    name = _TLB_REGISTERS.get((word >> 11) & 0x1F)
    return None if name is None else Unmodelled(
        f"writes CP0 {name} (IDT R30xx manual, Memory Management): the TLB and the address "
        f"space id, which this model does not have")


def is_branch(word: int) -> bool:
    """Does this MIPS I instruction have a delay slot (a branch or jump)?
    (the MIPS I opcode map: SPECIAL jr/jalr, REGIMM, j, jal, beq..bgtz,
    the branch-likely forms and the coprocessor branches BCzF/BCzT.)"""
    op = word >> 26
    if op == 0:
        return word & 0x3F in (8, 9)
    if op in (1, 2, 3, 4, 5, 6, 7, 20, 21, 22, 23):
        return True
    return op in (16, 17, 18, 19) and (word >> 21) & 0x1F == 8


#: MIPS I loads with a GPR destination (rt): lb lh lwl lw lbu lhu lwr
_LOADS = frozenset(range(0x20, 0x27))
_LWL, _LWR = 0x22, 0x26


def load_target(word: int) -> int:
    """The general register a MIPS I load-type instruction writes with a
    one-instruction delay (0: none): the loads lb/lbu/lh/lhu/lw/lwl/lwr and
    the coprocessor moves mfcz/cfcz (IDT R30xx manual: every load has a delay
    of one instruction, the coprocessor moves too)."""
    op = word >> 26
    if op in _LOADS:
        return (word >> 16) & 0x1F
    if op in (16, 17, 18, 19) and (word >> 21) & 0x1F in (0, 2):     # MFCz, CFCz
        return (word >> 16) & 0x1F
    return 0


#: SPECIAL functions: MFHI/MFLO (rd := HI, LO), and what writes each of HI
#: and LO: MTHI, MTLO, and MULT, MULTU, DIV, DIVU both (IDT R30xx manual,
#: appendix A)
_MOVES_FROM_HILO = {0x10: "hi", 0x12: "lo"}
_HILO_WRITES = {0x11: ("hi",), 0x13: ("lo",), **dict.fromkeys((0x18, 0x19, 0x1A, 0x1B), ("hi", "lo"))}


def hilo_read(word: int) -> tuple[int, str] | None:
    """(rd, "hi" or "lo") of an MFHI/MFLO writing a register; else None."""
    if word >> 26 or (word >> 11) & 0x1F == 0:
        return None
    which = _MOVES_FROM_HILO.get(word & 0x3F)
    return None if which is None else ((word >> 11) & 0x1F, which)


def hilo_writes(word: int) -> tuple[str, ...]:
    """Which of HI and LO a MIPS I instruction writes."""
    return () if word >> 26 else _HILO_WRITES.get(word & 0x3F, ())


def reads(word: int, after_load: bool = False) -> frozenset[int]:
    """The general registers a MIPS I instruction reads ($zero left out).
    ``after_load``: it follows a load of the CPU (not a coprocessor move),
    whose target an lwl/lwr merging into the same register gets bypassed
    (IDT R30xx manual, appendix A, LWL/LWR), so that rt is no read then."""
    op, rs, rt = word >> 26, (word >> 21) & 0x1F, (word >> 16) & 0x1F
    if op == 0:
        funct = word & 0x3F
        if funct in (0, 2, 3):                    # sll srl sra
            used = {rt}
        elif funct in (8, 9, 17, 19):             # jr jalr mthi mtlo
            used = {rs}
        elif funct in (12, 13, 16, 18):           # syscall break mfhi mflo
            used = set()
        else:                                     # sllv.., mult/div, ALU, traps
            used = {rs, rt}
    elif op in (1, 6, 7, 22, 23) or 8 <= op <= 14:    # REGIMM, blez/bgtz(l), ALU immediate
        used = {rs}
    elif op in (2, 3, 15):                        # j jal lui
        used = set()
    elif op in (4, 5, 20, 21):                    # beq bne (beql bnel)
        used = {rs, rt}
    elif op in (16, 17, 18, 19):                  # COPz: mtcz/ctcz read rt
        used = {rt} if rs in (4, 6) else set()
    elif op in (_LWL, _LWR):                      # merges into rt
        used = {rs} if after_load else {rs, rt}
    elif op in _LOADS or 48 <= op <= 59:          # loads, lwcz/swcz: the base
        used = {rs}
    elif 40 <= op <= 47:                          # stores: base and data
        used = {rs, rt}
    else:
        used = {rs, rt}
    used.discard(0)
    return frozenset(used)


def _uc_status(status: int) -> int:
    """Unicorn's Status for the guest's ``status`` (``UC_STATUS_KEPT``)."""
    return UC_ERL | (status & UC_STATUS_KEPT)


def _link_register(word: int) -> int:
    """The register a MIPS I branch writes its return address to (0:
    none): jal and bltzal/bgezal $31, jalr its rd."""
    op = word >> 26
    if op == 3 or (op == 1 and (word >> 16) & 0x1F in (16, 17)):
        return 31
    if op == 0 and word & 0x3F == 9:
        return (word >> 11) & 0x1F
    return 0


def _jump_register(word: int) -> int:
    """The register whose value a MIPS I ``jr``/``jalr`` jumps to (0:
    not one of them; ``jr $zero`` jumps to 0, aligned)."""
    if word >> 26 == 0 and word & 0x3F in (8, 9):
        return (word >> 21) & 0x1F
    return 0


def _unaligned_fetch(address: int, target: int, text: str) -> CpuFault:
    return CpuFault(address, (
        f"`{text}` jumps to 0x{target:08x}, which is not word aligned: the R3000 takes an "
        f"address error (AdEL) fetching it (IDT R30xx manual, appendix A, JR/JALR)"))


class MipsBackend(UnicornBackend):
    family = "mips"
    operand_form = "{offset}(${register})"
    arch, mode = UC_ARCH_MIPS, UC_MODE_MIPS32 | UC_MODE_BIG_ENDIAN
    cs_arch, cs_mode = capstone.CS_ARCH_MIPS, capstone.CS_MODE_MIPS32 | capstone.CS_MODE_BIG_ENDIAN
    registers = {**{name: getattr(M, f"UC_MIPS_REG_{i}") for i, name in enumerate(_REGISTERS)},
                 "fp": M.UC_MIPS_REG_30, "pc": M.UC_MIPS_REG_PC,
                 "hi": M.UC_MIPS_REG_HI, "lo": M.UC_MIPS_REG_LO,
                 "status": M.UC_MIPS_REG_CP0_STATUS,
                 # the R3010's registers (IDT R30xx manual, 'Floating Point
                 # Unit'): f0-f31 and its control/status register FCR31
                 **{f"f{i}": getattr(M, f"UC_MIPS_REG_F{i}") for i in range(32)},
                 "fcsr": M.UC_MIPS_REG_FCSR}
    trace_registers = (*_REGISTERS[1:], "hi", "lo", "status")
    never_address = PRIVATE_BASE + PRIVATE_SIZE - 4    # mapped, never run: module docstring

    entry_length = 6                   # the trampoline, lui to the nop in jr's slot

    #: Cause IP(7:2) follow the interrupt inputs, which the device holds
    #: until its handler clears it there; software cannot clear them (only
    #: IP(1:0), the software interrupts, are writable: MIPS R4000 User's
    #: Manual ch. 5, Cause register; NEC VR4181 User's Manual 3.2.12, "IP6
    #: to IP2 reflect the state of the interrupt request signals"), and the
    #: entry only clears IEc: a stub that sets IEc with its own IM bit on
    #: takes its own request again.  The software interrupts (IP0/IP1, soft
    #: sources) are left as they were: the stub clears them itself
    holds_taken_requests = True

    def holdable(self, name, value):
        """FCR31 with its Cause field (bits 17:12) clear: a ctc1 setting a
        Cause bit whose Enable bit is set raises the exception at once
        (IDT R30xx manual, 'Floating Point Unit', Control/Status
        Register), so a process's FCR31 at rest has none such (unicorn
        refuses the write)."""
        return value & ~0x3F000 if name == "fcsr" else value

    def setup_private(self, base):
        self._base = base
        self._branch: dict[int, bool] = {}
        self._step_from = 0                   # where the last emu_start began
        #: load-type instruction -> (the register it loads, a CPU load?):
        #: those whose next instruction may read it (image_loaded)
        self._producers: dict[int, tuple[int, bool]] = {}
        #: (address, register, CPU load?) of the load just executed, until
        #: the next instruction: the load delay (module docstring)
        self._pending: tuple[int, int, bool] | None = None
        #: mfhi/mflo -> (rd, "hi" or "lo"), every one in the image (image_loaded)
        self._hilo_reads: dict[int, tuple[int, str]] = {}
        #: (address, rd, "hi" or "lo") of the mfhi/mflo just executed, until
        #: the instruction after it: the HI/LO hazard (module docstring)
        self._hilo_pending: tuple[int, int, str] | None = None
        #: the pending load's target register as it was before the load ran
        #: (None: not known, after a restore)
        self._pending_old: int | None = None
        self._withdrawn = 0                   # Cause soft lines a write cleared, not yet asked
        self._cause_writes: dict[int, int] = {}   # mtc0 rt, $13 -> rt (image_loaded)
        self._cause_reads: set[int] = set()        # mfc0 rt, $13 (image_loaded)
        self._status_writes: dict[int, int] = {}   # mtc0 rt, $12 -> rt (image_loaded)
        self._status_reads: dict[int, int] = {}    # mfc0 rt, $12 -> rt (image_loaded)
        self._status_after: set[int] = set()       # the instruction after such an mfc0
        #: jr/jalr -> the register it jumps to (image_loaded): checked for a
        #: target that is not word aligned before it runs (module docstring)
        self._register_jumps: dict[int, int] = {}
        #: pages mapped for an unmapped fetch during a run -> the address
        #: fetched first there (module docstring)
        self._trap_pages: dict[int, int] = {}
        #: the guest's Status (module docstring)
        self._status = 0
        #: register writes that finish an mtc0/mfc0 of Status (``_settle``)
        self._settling: list[tuple[int, int]] | None = None
        self.write(M.UC_MIPS_REG_CP0_STATUS, UC_ERL)
        code = _tlb_setup()
        self.uc.mem_write(base + _TLB_SETUP, code)
        self._entering = len(code) // 4
        try:
            self.uc.emu_start(base + _TLB_SETUP, self.never_address, 0, len(code) // 4)
        finally:
            self._entering = 0
        self.write(M.UC_MIPS_REG_8, 0)
        self.uc.mem_write(base + _TRAMPOLINE, _trampoline(base))
        self.uc.mem_write(base + _RFE_CONTINUE, struct.pack(">I", NOP))

    def _word(self, address: int) -> int:
        """The instruction word at ``address``; CpuFault where no memory is
        (a jump to unmapped memory, disassembled for its trace)."""
        try:
            return int.from_bytes(self.read_memory(address, 4), "big")
        except CpuFault:
            raise CpuFault(address, "jump to unmapped memory") from None

    def _disassemble_run(self, start, end):
        """Also mark what is not MIPS I (``not_mips_i``) as having no meaning
        in this model: the run faults before it."""
        super()._disassemble_run(start, end)
        first = start + (-start % 4)
        for address in range(first, end - 3, 4):
            entry = self._insns.get(address)
            if entry is None or entry[1] is not None:
                continue
            word = self._word(address)
            why = not_mips_i(word) or _tlb_write(word)
            if why is not None:        # the same kind of reason (Unmodelled or not), named
                self._insns[address] = (entry[0],
                                        type(why)(f"`{self.disassemble(address)[1]}`: {why}"))

    def _has_slot(self, address: int) -> bool:
        known = self._branch.get(address)
        if known is None:
            known = self._branch[address] = is_branch(self._word(address))
        return known

    def _start(self, pc, count):
        """A step of a branch runs its delay slot after the step's count is
        spent: unicorn calls no code hook there, so the slot's Cause write
        and load are seen here, before and after the step."""
        self._step_from = pc
        if pc & 3:                 # never fetched by unicorn (module docstring)
            raise CpuFault(pc, f"the PC 0x{pc:08x} is not word aligned: the R3000 takes an "
                               f"address error (AdEL) fetching it")
        slot = pc + 4 if self._stepping and count == 1 and self._has_slot(pc) \
            and not 20 <= self._word(pc) >> 26 <= 23 else None     # no branch-likely in MIPS I
        if slot is not None:
            why = not_mips_i(self._word(slot))
            if why is not None:              # the step's boundary is the branch (EPC's too)
                raise CpuFault(pc, f"`{self.disassemble(slot)[1]}` in the delay slot of "
                                   f"`{self.disassemble(pc)[1]}`: {why}")
        if slot is not None and slot in self._cause_writes \
                and not self._cause_write(slot, self._cause_writes[slot]):
            raise self._fault
        if slot is not None and slot in self._cause_reads:
            raise self._cause_read(slot)
        if slot is not None and slot in self._status_writes:
            rt = self._status_writes[slot]
            branch = self._word(pc)
            if rt and (rt in reads(branch) or rt == _link_register(branch)):
                raise NotModelled(slot, (
                    f"`{self.disassemble(slot)[1]}` in the delay slot of `"
                    f"{self.disassemble(pc)[1]}`, which uses ${_REGISTERS[rt]} too"))
            if not self._status_write(rt, slot):
                raise self._fault
        if slot is not None and slot in self._status_reads:
            self._status_read(self._status_reads[slot])
        if slot is not None and slot in self._producers:   # unknown where the branch links there
            target = self._producers[slot][0]
            self._pending_old = None if _link_register(self._word(pc)) == target \
                else self._register(target)
        try:
            super()._start(pc, count)
        finally:
            if self._settling is not None:
                self._settle()
            if self._trap_pages:
                for page in self._trap_pages:
                    self.uc.mem_unmap(page, PAGE)
                self._trap_pages.clear()
        if slot is not None and slot in self._producers:
            self._pending = (slot, *self._producers[slot])
            self._block_check = self._after_load
        if slot is not None and slot in self._hilo_reads:
            self._hilo_pending = (slot, *self._hilo_reads[slot])
        if self._hilo_pending is not None:        # the step ended at the next boundary
            self._after_hilo_read(self.pc)

    # -- the MIPS I load delay (module docstring) ------------------------------
    def image_loaded(self, segments):
        """Find every load-type instruction whose next instruction may read
        the register it loads (the one after it, or, in a delay slot, the
        branch's target or fall-through, which only a run knows), and hook
        those loads and the instructions after them, once."""
        super().image_loaded(segments)
        for address, body in segments:
            skip = -address % 4
            count = (len(body) - skip) // 4
            words = struct.unpack(f">{count}I", body[skip:skip + 4 * count])
            for i, word in enumerate(words):
                if word & 0xFFE0FFFF == MTC0 | CAUSE << 11:
                    self._cause_writes[address + skip + 4 * i] = (word >> 16) & 0x1F
                if word & 0xFFE0FFFF == MFC0 | CAUSE << 11:
                    self._cause_reads.add(address + skip + 4 * i)
                if word & 0xFFE0FFFF == MTC0 | STATUS << 11:
                    self._status_writes[address + skip + 4 * i] = (word >> 16) & 0x1F
                if word & 0xFFE0FFFF == MFC0 | STATUS << 11:
                    self._status_reads[address + skip + 4 * i] = (word >> 16) & 0x1F
                    self._status_after.add(address + skip + 4 * i + 4)
                moved = hilo_read(word)
                if moved is not None:
                    self._hilo_reads[address + skip + 4 * i] = moved
                jumps_through = _jump_register(word)
                if jumps_through:
                    self._register_jumps[address + skip + 4 * i] = jumps_through
                reg = load_target(word)
                if not reg:
                    continue
                cpu_load = word >> 26 in _LOADS
                in_slot = i > 0 and is_branch(words[i - 1])
                last = i + 1 == count
                if in_slot or last or reg in reads(words[i + 1], cpu_load):
                    self._producers[address + skip + 4 * i] = (reg, cpu_load)
        watched = set(self._producers) | {a + 4 for a in self._producers} \
            | set(self._cause_writes) | self._cause_reads \
            | set(self._status_writes) | set(self._status_reads) | self._status_after \
            | set(self._hilo_reads) | {a + 4 for a in self._hilo_reads} \
            | set(self._register_jumps)
        for address in sorted(watched):
            self.uc.hook_add(UC_HOOK_CODE, self._on_load_watch, None, address, address)

    def _executing(self, address: int) -> bool:
        """Is the hook at ``address`` for an instruction this emu_start runs?
        A step (count=1) may translate the block after its instruction and
        enter it before it stops: that block is the next step's."""
        return not self._stepping or address == self._step_from \
            or (address == self._step_from + 4 and self._has_slot(self._step_from))

    def _on_load_watch(self, uc, address, size, _):
        try:
            if self._settling is not None and not self._stepping:
                self._settle()          # after an mfc0 of Status (the next instruction)
            if not self._executing(address):
                return
            if self._hilo_pending is not None:
                self._after_hilo_read(address)
            if self._pending is not None and not self._after_load(address):
                uc.emu_stop()
                return
            rs = self._register_jumps.get(address)
            target = None if rs is None else self._register(rs)
            if target is not None and target & 3:
                self._fault = _unaligned_fetch(address, target, self.disassemble(address)[1])
                uc.emu_stop()
                return
            source = self._cause_writes.get(address)
            if source is not None and not self._cause_write(address, source):
                uc.emu_stop()
                return
            if address in self._cause_reads:
                self._fault = self._cause_read(address)
                uc.emu_stop()
                return
            rt = self._status_writes.get(address)
            if rt is not None and not self._status_write(rt, address):
                uc.emu_stop()
                return
            rt = self._status_reads.get(address)
            if rt is not None:
                self._status_read(rt)
            producer = self._producers.get(address)
            if producer is not None:
                self._pending = (address, *producer)
                self._pending_old = self._register(producer[0])
                self._block_check = self._after_load
            moved = self._hilo_reads.get(address)
            if moved is not None:
                self._hilo_pending = (address, *moved)
                if not self._stepping:           # a step's end finishes it (_start)
                    self._block_fixup = self._at_block_start
        except BaseException as exc:   # noqa: B902 - handed to _start
            self._fault = exc
            uc.emu_stop()

    def return_hazard(self):
        """A load (or mfc0) whose delay slot is the caller's first
        instruction: it reads the old register (IDT R30xx manual, load
        delay slot); none when the load gave the register the value it
        held (the old value is the new one)."""
        if self._pending is None:
            return None
        load, reg, _ = self._pending
        if self._pending_old is not None and self._register(reg) == self._pending_old:
            return None
        name = _REGISTERS[reg]
        return name, load, (f"`{self.disassemble(load)[1]}` is still in its load delay as the "
                            f"routine returns: the caller's first instruction would read the old "
                            f"${name} (IDT R30xx manual, load delay slot: MIPS I does not "
                            f"interlock)")

    def _after_hilo_read(self, address: int) -> None:
        """``address`` is the instruction after the pending mfhi/mflo in
        program order: when it or the one after it (its delay slot, if it
        is a branch) writes the register the mfhi/mflo read, the
        mfhi/mflo's result is undefined (module docstring): its rd gets the
        world's poison before ``address`` runs."""
        (_, rd, which), self._hilo_pending = self._hilo_pending, None
        try:
            written = any(which in hilo_writes(self._word(at)) for at in (address, address + 4))
        except CpuFault:
            return                        # the fetch faults by itself
        if written and self.poison_now is not None:
            self.poison_now(((_REGISTERS[rd], 0xFFFFFFFF),))

    def _after_load(self, address: int) -> bool:
        """``address`` runs right after the pending load: False (with the
        fault) when it reads the loaded register (IDT R30xx manual, "the
        instruction immediately following a load may not use" its target:
        the R3000 does not interlock, it gives the old value)."""
        if not self._executing(address):
            return True
        (load, reg, cpu_load), self._pending, self._block_check = self._pending, None, None
        try:
            word = self._word(address)
        except CpuFault:
            return True                   # the fetch itself faults
        if reg not in reads(word, cpu_load):
            return True
        name = _REGISTERS[reg]
        self._fault = CpuFault(address, (
            f"`{self.disassemble(address)[1]}` reads ${name} in the load delay slot of "
            f"`{self.disassemble(load)[1]}` (0x{load:08x}); MIPS I does not interlock: the R3000 "
            f"gives it the old ${name} (IDT R30xx manual, load delay slot)"))
        return False

    def _cause_write(self, address: int, source: int) -> bool:
        """``mtc0 $source, $13`` is about to run.  Cause IP1..0 are the
        software interrupt requests, and writable (IDT R30xx manual,
        "Exception Management", Cause register): a 0 written there cancels
        the request pending on that line (``withdrawn_levels``).  A 1 would
        be a request of the routine's own, which this model does not make
        (its requests are the machine's, as the port's _setsoftintr):
        False, with the fault (NotModelled)."""
        value = self.read(self.registers[_REGISTERS[source]]) if source else 0
        requested = (value & CAUSE_SOFT) >> STATUS_IM_SHIFT
        if requested:
            self._fault = NotModelled(address, (
                f"`{self.disassemble(address)[1]}` sets Cause IP{requested >> 1} (0x{value:08x}): "
                f"a software interrupt requested by a Cause write (the requests are the "
                f"machine's)"))
            return False
        self._withdrawn |= ~value >> STATUS_IM_SHIFT & CAUSE_SOFT >> STATUS_IM_SHIFT
        return True

    def _cause_read(self, address: int) -> NotModelled:
        """``mfc0 rt, $13`` is about to run: the Cause IP bits it would read
        are the requests pending on each line, which are the machine's,
        not in unicorn's Cause (it would read them 0, and a read-modify-
        write of Cause would then cancel a pending soft request that is
        not the one it means to clear): no verdict rather than one on a
        wrong value."""
        return NotModelled(address, (
            f"`{self.disassemble(address)[1]}` reads Cause: its IP bits, the pending requests, "
            f"are the machine's, not in this model's Cause (a read would see them 0)"))

    # -- the guest's Status (module docstring) ----------------------------------
    def _status_write(self, rt: int, address: int) -> bool:
        """``mtc0 $rt, $12`` is about to run: rt's value is the new Status;
        unicorn gets its image of it (rt holds that image for the one
        instruction, and gets its value back in ``_settle``).  False, with
        the fault, where the value sets what the model has no meaning for
        (BEV, IsC, SwC: STATUS_UNMODELLED) or KUc (user mode: the next
        fetch from kseg0 is an address error)."""
        reg = self.registers[_REGISTERS[rt]]
        value = self.read(reg) if rt else 0
        unmodelled = value & STATUS_UNMODELLED
        if unmodelled:
            names = ", ".join(name for bit, name in _STATUS_NAMES if unmodelled & bit)
            self._fault = NotModelled(address, (
                f"`{self.disassemble(address)[1]}` sets Status {names} (0x{value:08x}): the boot "
                f"ROM's exception vectors, an isolated or swapped cache (IDT R30xx manual, "
                f"Status register), which this model does not have"))
            return False
        if value & STATUS_KUC:
            self._fault = CpuFault(address, (
                f"`{self.disassemble(address)[1]}` sets Status KUc (0x{value:08x}): user mode, so "
                f"the next instruction's fetch from kseg0 is an address error (IDT R30xx manual, "
                f"Status register; kseg0 is kernel-only)"))
            return False
        self._status = value & STATUS_WRITABLE
        self._settling = self._settling or []
        if rt:
            self.write(reg, _uc_status(self._status))
            self._settling.append((reg, value))
        if not self._stepping:
            self._block_fixup = self._at_block_start
        return True

    def _status_read(self, rt: int) -> None:
        """``mfc0 $rt, $12`` is about to run: after it rt gets the guest's
        Status (``_settle``), not unicorn's image of it."""
        if not rt:
            return
        self._settling = self._settling or []
        self._settling.append((self.registers[_REGISTERS[rt]], self._status))
        if not self._stepping:
            self._block_fixup = self._at_block_start

    def _at_block_start(self) -> None:
        """At the block start after an mtc0/mfc0 of Status, or after an
        mfhi/mflo that ended its block (a delay slot): finish them, before
        the watcher reads a register or takes an interrupt."""
        self._block_fixup = None
        if self._settling is not None:
            self._settle()
        if self._hilo_pending is not None:
            self._after_hilo_read(self.pc)

    def _settle(self) -> None:
        """Finish the mtc0s and mfc0s of Status that ran: their registers'
        values, and unicorn's Status as the image of the guest's."""
        writes, self._settling = self._settling, None
        for reg, value in writes or ():
            self.write(reg, value)
        self.write(M.UC_MIPS_REG_CP0_STATUS, _uc_status(self._status))

    def _set_status(self, value: int) -> None:
        self._status = value & STATUS_WRITABLE
        self.write(M.UC_MIPS_REG_CP0_STATUS, _uc_status(self._status))

    own_reads = frozenset({"status"})
    own_writes = frozenset({"status", "pc"})

    def read_register(self, name):
        if name == "status":
            return self._status
        return super().read_register(name)

    def withdrawn_levels(self):
        """The soft lines a Cause write just cleared (``_cause_write``)."""
        levels, self._withdrawn = self._withdrawn, 0
        return levels

    def _register(self, number: int) -> int:
        """General register ``number``'s value now."""
        return self.read(self.registers[_REGISTERS[number]])

    def _no_load_pending(self) -> None:
        self._pending = self._pending_old = self._hilo_pending = None
        self._block_check = None

    def write_register(self, name, value):
        """The engine moving the PC (a call) is no instruction: no load is
        in its delay slot after it."""
        if name == "pc":
            self._no_load_pending()
            self._withdrawn = 0
        if name == "status":
            self._set_status(value)
            return
        super().write_register(name, value)

    def snapshot(self):
        """With the load in flight, when the instruction at the PC reads
        its register (else it is no state: nothing can see it).  No
        mfhi/mflo is pending at a boundary (``_after_hilo_read`` ran)."""
        pending = self._pending
        if pending is not None:
            try:
                if pending[1] not in reads(self._word(self.pc), pending[2]):
                    pending = None
            except CpuFault:
                pending = None
        return super().snapshot(), pending, self._status

    def restore(self, snapshot):
        state, self._pending, self._status = snapshot
        self._hilo_pending = None
        self._pending_old = None          # not kept: a return hazard stays one
        self._withdrawn = 0
        self._settling = self._block_fixup = None
        self._block_check = None if self._pending is None else self._after_load
        super().restore(state)

    def snapshot_bytes(self, snapshot):
        state, pending, status = snapshot
        tail = b"" if pending is None else struct.pack(">IB?", *pending)
        return super().snapshot_bytes(state) + struct.pack(">I", status) + tail

    def _raising(self) -> int:
        """The instruction a CPU exception came from (module docstring): the
        step's, or in a watched run the last decoded one of its block."""
        if self._stepping or self._left_from is None:
            return self._step_from
        return self._left_from

    def disassemble(self, address):
        """capstone 5 has no MIPS I rfe and names CP0 registers as GPRs
        (`mfc0 $v0, $t4, 0` for Status): both are written out here."""
        word = self._word(address)
        if word == RFE:
            return 4, "rfe"
        if word >> 26 == 16 and (word >> 21) & 0x1F in (0, 4):     # COP0 MF / MT
            name = "mfc0" if (word >> 21) & 0x1F == 0 else "mtc0"
            return 4, f"{name} ${_REGISTERS[(word >> 16) & 0x1F]}, ${(word >> 11) & 0x1F}"
        return super().disassemble(address)

    def _on_unmapped(self, uc, access, address, size, value, _):
        """An unmapped fetch is never let fail (module docstring): the page
        is mapped for this run, filled with ``break``."""
        if access != UC_MEM_FETCH_UNMAPPED:
            return super()._on_unmapped(uc, access, address, size, value, _)
        page = address & -PAGE
        if page in self._trap_pages:          # cannot happen: it is mapped
            return super()._on_unmapped(uc, access, address, size, value, _)
        try:
            uc.mem_map(page, PAGE)
        except Exception:                     # noqa: BLE001 - overlaps a mapping: report it
            return super()._on_unmapped(uc, access, address, size, value, _)
        uc.mem_write(page, struct.pack(f">{PAGE // 4}I", *[BREAK] * (PAGE // 4)))
        self._trap_pages[page] = address & 0xFFFFFFFF
        return True

    def cpu_exception(self, intno):
        at = self._raising()
        if intno == BREAKPOINT and self._trap_pages:
            for page, fetched in self._trap_pages.items():
                if page <= at < page + PAGE or page <= self.pc < page + PAGE:
                    return CpuFault(fetched, "jump to unmapped memory")
        if intno == RESERVED_INSTRUCTION:
            if self._word(at) == RFE:
                return self._return_from_exception(at, in_slot=False)
            if self._word(at + 4) == RFE:    # in the slot of ``at``, or after it in its block
                return self._return_from_exception(at + 4, in_slot=self._has_slot(at))
        return CpuFault(at, _EXCEPTIONS.get(intno, f"CPU exception {intno}"))

    def _return_from_exception(self, address: int, in_slot: bool):
        """rfe (R30xx manual, "Exception Management"): pop the KU/IE stack;
        KUo/IEo stay.  In a slot, continue at the private nop that completes
        the jump (module docstring).  A pop that leaves KUc = 1 is user
        mode: the next fetch from kseg0 is an address error (the fault;
        None otherwise)."""
        self._no_load_pending()
        status = self._status
        popped = (status & ~0x0F) | ((status >> 2) & 0x0F)
        if popped & STATUS_KUC:
            return CpuFault(address, (
                f"`rfe` pops the KU/IE stack to KUc = 1 (Status 0x{status:08x} -> "
                f"0x{popped:08x}): user mode, so the next instruction's fetch from kseg0 is an "
                f"address error (IDT R30xx manual, 'Exception Management'; kseg0 is kernel-only)"))
        self._set_status(popped)
        if in_slot:
            self._entering = 1
            self.uc.reg_write(M.UC_MIPS_REG_PC, self._base + _RFE_CONTINUE)
        else:
            self.uc.reg_write(M.UC_MIPS_REG_PC, address + 4)
        return None

    def interrupt_accepted(self, level):
        """Line ``level`` (Cause IPn) is taken when IEc and IMn are set."""
        status = self._status
        return bool(status & STATUS_IEC and status >> (STATUS_IM_SHIFT + level) & 1)

    def take_interrupt(self, level, vector, handler):
        """The R3000 entry: push the KU/IE stack (IEc = KUc = 0), EPC := PC
        (never a delay slot here), continue at the port's stub through the
        trampoline that writes EPC.  A load before the boundary completes
        (the interrupted instruction runs again after the return)."""
        self._no_load_pending()
        status = self._status
        self._set_status((status & ~STATUS_KU_IE) | ((status << 2) & STATUS_KU_IE))
        self.write_memory(self._base + _MAILBOX_EPC, struct.pack(">I", self.read(M.UC_MIPS_REG_PC)))
        self.write_memory(self._base + _MAILBOX_STUB, struct.pack(">I", handler))
        self.enter_private(self._base + _TRAMPOLINE)

    def return_point(self):
        return self.read(M.UC_MIPS_REG_PC), self.read(M.UC_MIPS_REG_29)
