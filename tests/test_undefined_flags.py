"""Condition codes are undefined at a call (issue 17): the engine poisons
them, and tells the bits no instruction wrote since the call without
taking a never-written one for written, which would let a case that reads
it pass: by value (Backend.unwritten_bits), or per instruction where the
backend knows which flags each one writes (Backend.written_flags), so a
flag an instruction leaves beside ones it writes stays undefined."""

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


# -- flags an instruction leaves while it writes others (Backend.written_flags) --

def written(backend, code: bytes) -> list[int]:
    """The tracked flag bits each instruction of ``code`` may write, in order."""
    backend.map_memory(CODE, 0x1000)
    backend.write_memory(CODE, code)
    found, address = [], CODE
    while address < CODE + len(code):
        size, _ = backend.disassemble(address)
        (_, bits), = backend.written_flags(address)
        found.append(bits)
        address += size
    return found


def test_x86_inc_and_dec_leave_cf_and_a_table_miss_writes_everything():
    """SDM vol. 2 INC, DEC: CF not affected; ADC all six; Jcc, SETcc, MOV
    none; MOV to CR0 leaves them undefined: written; an instruction the
    table does not name (popcnt) writes all."""
    from emu.backends.x86 import X86Backend
    # inc %eax; dec %ecx; adc $0,%ebx; jc .; setc %al; mov %eax,%ebx; mov %eax,%cr0; popcnt %eax,%ebx; clc
    code = bytes.fromhex("40" "49" "83d300" "72fe" "0f92c0" "89c3" "0f22c0" "f30fb8d8" "f8")
    assert written(X86Backend("i386"), code) == [0x8D4, 0x8D4, 0x8D5, 0, 0, 0, 0x8D5, 0x8D5, 0x1]
    amd64 = X86Backend("amd64")
    assert amd64.flag_bits == {"rflags": amd64.flag_bits["rflags"]}
    assert written(amd64, bytes.fromhex("ffc7" "48ffc8")) == [0x8D4, 0x8D4]   # inc %edi; dec %rax


def test_arm_logical_operations_leave_v():
    """ARM ARM §A4.1: ANDS/MOVS/TST set N Z C, leave V; CMP and ADDS all
    four; MSR cpsr_c none, cpsr_f all; MOVS pc and LDM ^ with the PC copy
    the SPSR: all; a conditional MOV without S none."""
    from emu.backends.arm import ArmBackend
    words = [0xE2113001,   # ands r3, r1, #1
             0xE1B01001,   # movs r1, r1
             0xE1100001,   # tst r0, r1
             0xE1500001,   # cmp r0, r1
             0xE0910002,   # adds r0, r1, r2
             0x03A00001,   # moveq r0, #1
             0xE121F000,   # msr cpsr_c, r0
             0xE128F000,   # msr cpsr_f, r0
             0xE1B0F00E,   # movs pc, lr
             0xE8FD8000,   # ldm sp!, {pc}^
             0xE0100291]   # muls r0, r1, r2
    code = b"".join(word.to_bytes(4, "little") for word in words)
    nzc, nzcv = 0xE0000000, 0xF0000000
    assert written(ArmBackend(), code) == [nzc, nzc, nzc, nzcv, nzcv, 0, 0, nzcv, nzcv, nzcv, nzc]


def test_m68k_compares_and_moves_leave_x():
    """MC68030 UM Table 3-12: CMP, MOVE, MOVEQ, TST set N Z V C, leave X;
    ADDX all five; BTST Z only; Bcc, LEA, MOVE from SR none; MOVE to SR or
    CCR and ANDI to CCR all five."""
    # cmp.l %d1,%d1; move.l %d0,%d1; moveq #0,%d0; tst.l %d0; addx.l %d1,%d0; btst #1,%d0;
    # bcs.s +2; lea 4(%a0),%a1; move.w %sr,%d0; move.w %d0,%sr; andi.b #0xfe,%ccr; dbra %d0,.
    code = bytes.fromhex("b281" "2200" "7000" "4a80" "d181" "08000001" "6502" "43e80004"
                         "40c0" "46c0" "023c00fe" "51c8fffe")
    assert written(M68kBackend(), code) == [0xF, 0xF, 0xF, 0xF, 0x1F, 0x4, 0, 0, 0, 0x1F, 0x1F, 0]


def test_m68k_flips_a_never_written_flag_and_keeps_the_live_ones():
    """M68kBackend.flip_bits: the engine's read of the CCR is stale once
    an instruction wrote it, so the flip runs eori to CCR as guest code:
    after a compare (Z set, C clear) flipping X leaves Z and C as the
    compare set them."""
    # cmp.l %d1,%d1 (Z=1 C=0, X untouched); then seq %d2; scs %d3; addx.l %d4,%d4
    backend = m68k(bytes.fromhex("b281" "57c2" "55c3" "d984" "4e71"), 0x2710)
    steps = []

    def on_boundary(pc):
        steps.append(pc)
        if len(steps) == 2:                  # after the compare: X (0x10) never written
            backend.flip_bits("sr", 0x10)
        return len(steps) <= 4
    backend.run(on_boundary)
    assert backend.read_register("d2") & 0xFF == 0xFF      # Z still set
    assert backend.read_register("d3") & 0xFF == 0         # C still clear
    assert backend.read_register("d4") == 0                # X now 0: 0 + 0 + X


def test_powerpc_xer_written_and_adde_sees_the_carry_written():
    """unicorn's API reaches only XER's other bits (QEMU keeps SO, OV, CA
    apart): PowerPCBackend writes and reads SO/OV/CA in the CPU state a
    unicorn context copies, r0 and the PC kept.  adde then adds the CA
    written, and addic writes CA but leaves SO and OV (PPC405 UM
    §2.3.2.3)."""
    from emu.backends.powerpc import PowerPCBackend, powerpc_xer_writes
    # li r6,0; adde r5,r6,r6; addic r7,r6,-1 (0 - 1: no carry out); nop
    code = bytes.fromhex("38c00000" "7ca63114" "30e6ffff" "60000000")
    for xer, added in ((0xE0000000, 1), (0, 0)):
        backend = PowerPCBackend()
        backend.map_memory(CODE, 0x1000)
        backend.write_memory(CODE, code)
        backend.write_register("pc", CODE)
        backend.write_register("r0", 0x1234)
        backend.write_register("xer", xer)
        assert backend.read_register("xer") == xer
        backend.flip_bits("xer", 0xA0000000)                      # SO and CA
        assert backend.read_register("xer") == xer ^ 0xA0000000
        backend.flip_bits("xer", 0xA0000000)
        assert backend.read_register("r0") == 0x1234 and backend.pc == CODE
        steps = []
        backend.run(lambda pc: steps.append(pc) or len(steps) <= 3)
        assert backend.read_register("r5") == added
        assert backend.read_register("xer") == xer & 0xC0000000     # CA: 0 - 1 carries nothing
    assert [powerpc_xer_writes(name) for name in ("adde", "addic.", "srawi", "add", "cmpw",
                                                   "mtxer", "addo")] == \
        [0x20000000, 0x20000000, 0x20000000, 0, 0, 0xE0000000, 0xC0000000]


def test_powerpc_xer_reads_inside_a_run_as_the_guest_mfxer_does():
    """A case sees an interrupt's return from a hook, inside a run: there
    PowerPCBackend's XER (its SO/OV/CA from unicorn's saved CPU state, no
    guest code) is what the next mfxer reads, after addic wrote CA and
    addo OV and SO (PPC405 UM §2.3.2.3), from every SO/OV/CA at the start.
    Words as powerpc-linux-gnu-as 2.40 assembles them."""
    from emu.backends.powerpc import PowerPCBackend
    # addic r5,r6,-1; addo r8,r9,r9; b 1f; 1: nop; mfxer r7; b 2f; 2: nop
    code = bytes.fromhex("30a6ffff" "7d094e14" "48000004" "60000000" "7ce102a6" "48000004"
                         "60000000")
    watched, end = CODE + 0xC, CODE + 0x18
    backend = PowerPCBackend()
    backend.map_memory(CODE, 0x1000)
    backend.write_memory(CODE, code)
    seen = set()
    for start in range(0, 0x100000000, 0x20000000):
        for r6, carry in ((0, 0), (5, 1 << 29)):
            for r9, overflow in ((1, 0), (0x40000000, 3 << 30)):
                backend.write_register("xer", start | 0x7F)        # the byte count too
                backend.write_register("r6", r6)
                backend.write_register("r9", r9)
                backend.write_register("pc", CODE)
                in_run = []

                def on_address(pc):
                    if pc == watched:
                        in_run.append(backend.read_register("xer"))
                    return pc != end
                backend.run_watching(on_address, {watched, end}, 20)
                expected = (start & 1 << 31 | overflow) | carry | 0x7F
                assert in_run == [expected] == [backend.read_register("r7")], \
                    (hex(start), r6, r9, [hex(v) for v in in_run])
                seen.add(expected)
    assert len(seen) == 6           # SO, OV and CA each both ways


def test_powerpc_xer_written_inside_a_run_is_what_the_next_instructions_read():
    """A C function's return poisons XER from a hook, inside a run: every
    SO/OV/CA written there (the byte count too) is what the next mfxer
    reads, and adde adds the CA written (0 + 0 + CA) and clears it.  Words as
    powerpc-linux-gnu-as 2.40 assembles them."""
    from emu.backends.powerpc import PowerPCBackend
    # b 1f; 1: mfxer r7; adde r5,r6,r6; b 2f; 2: nop
    code = bytes.fromhex("48000004" "7ce102a6" "7ca63114" "48000004" "60000000")
    watched, end = CODE + 0x4, CODE + 0x10
    backend = PowerPCBackend()
    backend.map_memory(CODE, 0x1000)
    backend.write_memory(CODE, code)
    for before in (0, 0xE000007F):
        for written in range(0, 0x100000000, 0x20000000):
            backend.write_register("xer", before)
            backend.write_register("r6", 0)
            backend.write_register("pc", CODE)

            def on_address(pc):
                if pc == watched:
                    backend.write_register("xer", written | 0x15)
                return pc != end
            backend.run_watching(on_address, {watched, end}, 20)
            assert backend.read_register("r7") == written | 0x15, (hex(before), hex(written))
            assert backend.read_register("r5") == (written >> 29) & 1
            # adde's carry out of 0 + 0 + CA is 0 (PPC405 UM §2.3.2.3)
            assert backend.read_register("xer") == written & ~0x20000000 | 0x15


def test_powerpc_cr_writes_are_the_target_bit_field_or_fields():
    """CR writes decoded from the word (PPC405 UM SA14-2339-04 §2.3.3): a
    CR-logical instruction (crclr, crset, crxor, cror) its target bit
    only, mcrf and the compares their target field, mtcrf its mask's
    fields, record forms CR0 (CR1 for floating point), mfcr and blr none.
    Words as powerpc-linux-gnu-as 2.40 assembles them."""
    from emu.backends.powerpc import powerpc_cr_writes
    words = {
        0x4FDEF182: 0x00000002,   # crclr 4*cr7+eq: CR7[EQ]
        0x4CE73A42: 0x01000000,   # crset 4*cr1+so: CR1[SO]
        0x4CA63982: 0x04000000,   # crxor 4*cr1+gt,...: CR1[GT]
        0x4C011382: 0x80000000,   # cror lt,gt,eq: CR0[LT]
        0x4E800000: 0x00000F00,   # mcrf cr5,cr0
        0x2F030000: 0x000000F0,   # cmpwi cr6,r3,0
        0x7C032040: 0xF0000000,   # cmplw r3,r4
        0x7C832839: 0xF0000000,   # and. r3,r4,r5
        0x7C832838: 0,            # and r3,r4,r5
        0x70830001: 0xF0000000,   # andi. r3,r4,1
        0x7C681120: 0xF000000F,   # mtcrf 129,r3: CR0 and CR7
        0x7C600026: 0,            # mfcr r3
        0x7C60212D: 0xF0000000,   # stwcx. r3,0,r4
        0xFC22182B: 0x0F000000,   # fadd. f1,f2,f3: CR1
        0xFF811000: 0x0000000F,   # fcmpu cr7,f1,f2
        0x54830045: 0xF0000000,   # rlwinm. r3,r4,0,1,2
        0x4E800020: 0,            # blr
    }
    assert {word: powerpc_cr_writes(word) for word in words} == words


def test_m68k_divide_overflow_is_the_quotient_not_fitting():
    """M68000 PRM §4 DIVS/DIVU: N and Z are undefined only when the
    quotient overflows 16 bits (.W) or 32 bits (.L)."""
    from emu.backends.m68k import m68k_divide_overflows as overflows
    assert overflows(0x10000, 1, False, 32, 16)
    assert not overflows(0xFFFF, 1, False, 32, 16)
    assert not overflows(0x7FFF0000, 0x8000, False, 32, 16)     # 0xFFFE
    assert overflows(0x8000, 1, True, 32, 16)                  # +32768
    assert not overflows(0xFFFF8000, 1, True, 32, 16)          # -32768
    assert not overflows(0xFFFFFFFC, 0xFFFE, True, 32, 16)     # -4 / -2
    assert overflows(1 << 32, 1, False, 64, 32)
    assert not overflows((1 << 32) - 1, 1, False, 64, 32)
    assert overflows(0x80000000, 0xFFFFFFFF, True, 32, 32)
    assert overflows(5, 0, False, 32, 16)                      # by 0: traps


def test_m68k_divide_overflow_leaves_the_destination():
    """M68000 PRM §4 DIVU/DIVS: "If overflow is detected, the destination
    operand is unaffected"; the emulator leaves it so (the engine poisons
    only N and Z there)."""
    for code in ("80fc0001", "81fc0002"):             # divu.w #1,d0; divs.w #2,d0
        backend = m68k(bytes.fromhex(code + "4e71"), 0x2700)
        backend.write_register("d0", 0x00123456)      # quotient 0x123456 / 0x91a2b: no 16 bits
        steps: list[int] = []
        backend.run(lambda pc: steps.append(pc) or len(steps) <= 1)
        assert steps == [CODE, CODE + 4] and backend.read_register("d0") == 0x00123456


def test_powerpc_divide_by_zero_leaves_rd_undefined_in_every_form():
    """PEM ch. 8 divw, divwu: rD undefined for <anything> / 0 and (divw)
    0x8000_0000 / -1, with or without OE and Rc; CR0 only with Rc."""
    from emu.backends.powerpc import PowerPCBackend
    backend = PowerPCBackend()
    backend.map_memory(CODE, 0x1000)
    # divw r8,r6,r7; divwu r9,r6,r7; divwo r10,r6,r7; divw. r11,r6,r7
    backend.write_memory(CODE, bytes.fromhex("7d063bd6" "7d263b96" "7d463fd6" "7d663bd7"))
    assert [backend._flag_effects(CODE + 4 * i)[3] for i in range(4)] == [
        (("r8", 0xFFFFFFFF),), (("r9", 0xFFFFFFFF),), (("r10", 0xFFFFFFFF),),
        (("cr", 0xE0000000), ("r11", 0xFFFFFFFF))]
    insn = next(backend._instructions(backend._detail_decoder(), bytes.fromhex("7d063bd6"), CODE))
    for dividend, divisor, undefined in ((5, 0, True), (0x80000000, 0xFFFFFFFF, True),
                                         (0x80000000, 2, False), (6, 3, False)):
        backend.write_register("r6", dividend)
        backend.write_register("r7", divisor)
        assert backend.undefined_condition(insn) is undefined


def test_x86_shift_by_cl_leaves_what_its_count_says():
    """SDM vol. 2 SAL/SAR/SHL/SHR, ROL, SHLD "Flags Affected", by the
    count CL holds as the instruction runs: a masked count of 0 affects no
    flag (none written, none undefined), OF is defined for a count of 1
    only, a 16-bit SHLD past 16 leaves its destination undefined too."""
    from emu.backends.x86 import X86_FLAGS, X86Backend
    of, af, cf = X86_FLAGS["OF"], X86_FLAGS["AF"], X86_FLAGS["CF"]
    backend = X86Backend("i386")
    backend.map_memory(CODE, 0x1000)
    for code, counts in (
            ("d3e0", ((0, (), 0), (1, (("eflags", af),), 0x8D5),    # shl eax, cl
                      (2, (("eflags", af | of),), 0x8D5), (32, (), 0))),
            ("d3c0", ((0, (), 0), (1, (), cf | of), (3, (("eflags", of),), cf | of))),  # rol eax, cl
            ("66d3e0", ((16, (("eflags", cf | of | af),), 0x8D5),)),                   # shl ax, cl
            ("660fa5c2", ((16, (("eflags", af | of),), 0x8D5),                         # shld dx, ax, cl
                          (17, (("eflags", 0x8D5), ("edx", 0xFFFF)), 0x8D5)))):
        backend.write_memory(CODE, bytes.fromhex(code))
        insn = next(backend._instructions(backend._detail_decoder(), bytes.fromhex(code), CODE))
        assert backend.flag_undefined(insn) == ()
        for count, undefined, written in counts:
            backend.write_register("ecx", 0x100 | count)
            assert backend.undefined_condition(insn) == undefined, (code, count)
            assert backend.written_flags(CODE) == (("eflags", written),), (code, count)


def test_m68k_divide_reads_its_operand_where_its_addressing_mode_says():
    """The overflow test reads the divisor before the divide runs, by
    the effective address its encoding names (PRM §2.2), brief and full
    extension formats too."""
    backend = m68k(b"", 0x2700)
    backend.write_memory(CODE + 0x100, bytes.fromhex("0003 0005 00010104")
                         + (CODE + 0x100).to_bytes(4, "big"))
    backend.write_register("a0", CODE + 0x100)
    backend.write_register("a1", CODE + 0x102)
    backend.write_register("d3", 2)
    read = backend._operand
    assert read(0o20, 2, b"", 0) == 3                                    # (a0)
    assert read(0o30, 2, b"", 0) == 3                                    # (a0)+
    assert read(0o41, 2, b"", 0) == 3                                    # -(a1)
    assert read(0o50, 2, bytes.fromhex("0002"), 0) == 5                  # 2(a0)
    assert read(0o60, 2, bytes.fromhex("3000"), 0) == 5                  # (0,a0,d3.w): brief
    assert read(0o60, 4, bytes.fromhex("3920 0002"), 0) == 0x00010104    # (2,a0,d3.l): full
    assert read(0o60, 2, bytes.fromhex("0161 0008"), 0) == 3             # ([8,a0]): indirect
    assert read(0o72, 2, bytes.fromhex("00fe"), CODE + 2) == 3           # (d16,pc)
    assert read(0o74, 4, bytes.fromhex("12345678"), 0) == 0x12345678     # #imm
    assert read(0o00 | 3, 2, b"", 0) == 2                                # d3


def test_powerpc_o_forms_capstone_does_not_decode_are_named_and_tracked():
    """capstone 5.0 decodes no XO-form with OE = 1: the backend names them
    (a trace shows divwuo.), they write XER OV and SO, and divwuo. leaves
    CR0 and rD undefined when dividing by 0 (PEM ch. 8 divwu)."""
    from emu.backends.powerpc import PowerPCBackend, XER_FLAGS
    backend = PowerPCBackend()
    backend.map_memory(CODE, 0x1000)
    backend.write_memory(CODE, bytes.fromhex("7d063f97" "7c642e14"))   # divwuo. r8,r6,r7; addo r3,r4,r5
    assert backend.disassemble(CODE) == (4, "divwuo. r8, r6, r7")
    assert backend.disassemble(CODE + 4) == (4, "addo r3, r4, r5")
    written = dict(backend.written_flags(CODE))
    assert written["xer"] == XER_FLAGS["OV"] | XER_FLAGS["SO"] and written["cr"] == 0xF0000000
    insn = backend._flag_effects(CODE)
    assert insn[3] == (("cr", 0xE0000000), ("r8", 0xFFFFFFFF))
