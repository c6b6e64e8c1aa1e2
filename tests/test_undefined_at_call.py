"""Nothing a call starts with is kind by accident: after
Machine.prepare_call, every bit of every register a backend exposes
(Backend.trace_registers) is accounted for by exactly one class: the
ABI's preserved registers (entry patterns), what the machine poisons
(abi.scratch, interrupt.clobbers, the argument registers a call does not
pass, the result register), an argument the call passes, the return
address, the stack pointer, the priority field, the abi.state bits, a
register the call sets (abi.callee_address, abi.global_pointer), or
DEFINED below: what the ABI or the CPU defines at a call, each with its
reason.  A new port, or a register a backend newly exposes, that fits
none of them fails here instead of starting at 0 unnoticed
(archs/README.md "What the machine makes undefined")."""

from __future__ import annotations

import pytest

from emu.backends import backend_class
from emu.machine import STACK_SIZE
from emu.poison import (STACK_POISON, ZERO_WORLD, entry_pattern, frame_pattern, overlay, poison,
                        window_pattern)
from emu.starts import CallStart
from conftest import DATA, machine_for, run_cli, valid_json

PORTS = ["i386", "m68k", "sparc", "alpha", "amd64", "powerpc", "arm32", "pmax", "sh3", "hppa",
         "sparc64"]
M32 = 0xFFFFFFFF

#: port -> {register: (bits, why)}: what the ABI or the CPU defines at a
#: call beyond the classes (bits the backend implements; see _implemented)
DEFINED = {
    "i386": {
        "eflags": (M32 & ~0x8D5 & ~0x600 & ~0x247100, "bit 1 (always 1), RF, VM, VIF, VIP "
                   "and the reserved bits: what POPF cannot change in kernel mode or reads as "
                   "fixed (SDM vol. 1 §3.4.3.3)"),
    },
    "amd64": {
        "rflags": ((1 << 64) - 1 & ~0x8D5 & ~0x600 & ~0x247100, "as i386's EFLAGS (SDM vol. 1 "
                   "§3.4.3.3)"),
    },
    "m68k": {
        "sr": (0x08E0, "bits 5-7 and 11: not implemented in the 68030's SR, read as 0 "
               "(MC68030 User's Manual, the status register); unicorn keeps what is written"),
    },
    "sparc": {
        "psr": (0xFF000000, "impl and ver (31:24): read-only identification (SPARC V8 §4.2)"),
    },
    "alpha": {},
    "powerpc": {
        "msr": (M32 & ~0xD070 & ~0x52F03, "the reserved MSR bits (PEM §2.3.1)"),
        "xer": (M32 & ~0xE0000000, "XER's byte count (25:31) and reserved bits: only "
                "lswx/stswx read the count, and no code here uses them"),
    },
    "arm32": {
        "cpsr": (0x0FFFFF20, "bits 27:8 (reserved on ARMv4) and T (bit 5): the SA-1110 is "
                 "ARMv4 without Thumb, the kernel runs ARM code (ARM ARM A2.5)"),
    },
    "pmax": {
        "status": (0xC0, "bits 7:6, reserved (IDT R30xx manual, 'Status Register')"),
    },
    "sh3": {},      # SR.S, the MAC saturation mode, is an abi.state bit (red team 28 E F2)
    "hppa": {
        "psw": (M32 & ~0xFF00 & ~0x400FF & ~0xFFD10000, "the PSW fields but C/B (scratch) and "
                "C, the system mask's reserved bits, R, Q, P, D, I and the bits only RFI writes "
                "but N, B, V (state): the kernel's configuration (PA-RISC 1.1 ch. 2 PSW); N is "
                "the caller's branch's, clear at a call; B is set by every taken branch, V by DS"),
        "sar": (M32 & ~0x1F, "SAR is 5 bits in PA-RISC 1.1 (ch. 2); the API keeps a wider value"),
        **dict.fromkeys(("rctr", "cr1", "cr2", "cr3", "cr4", "cr5", "cr6", "cr7", "pidr1",
                         "pidr2", "pidr3", "pidr4", "iva", "itmr"),
                        (M32, "the recovery counter, reserved CR1-CR7, the protection IDs, "
                         "the vector base, the interval timer: the kernel's configuration "
                         "(ch. 2 Control Registers)")),
        "ccr": (M32 & ~0xFF, "CCR's bits above the eight coprocessor enables (abi.state): "
                "reserved (ch. 2 Control Registers)"),
        "eirr": (M32, "the external interrupt requests: the CPU's, driven by the machine"),
        **dict.fromkeys(("pcsq", "pcoq"), (M32, "the IIA queues: undefined to read with PSW Q "
                                           "set (ch. 2), as every spl routine runs (abi.state): "
                                           "the backend faults such a read")),
    },
    "sparc64": {
        "tba": ((1 << 64) - 1 & ~0x7FFF, "TBA: the kernel's trap table base (V9 §5.2.8)"),
    },
}


def _implemented(family: str, model: str | None, name: str, bits: int) -> int:
    """The bits of register ``name`` a fresh backend keeps written with all
    ones, or, where the model refuses that, each written alone (a bit it
    refuses is one it does not hold)."""
    backend = backend_class(family)(model)
    try:
        backend.write_register(name, (1 << bits) - 1)
        return backend.read_register(name)
    except ValueError:              # the model refuses some bit: ask bit by bit
        pass
    kept = 0
    for bit in range(bits):
        try:
            backend.write_register(name, 1 << bit)
            kept |= backend.read_register(name) & 1 << bit
        except ValueError:          # a value the model refuses: a bit it does not hold
            pass
    return kept


def _aliases(backend, name: str, others) -> list[str]:
    """The registers of ``others`` that are ``name`` under another name."""
    snap = backend.snapshot()
    found = []
    for other in others:
        if other == name:
            continue
        same = True
        for value in (0x1234, 0x2468):
            backend.write_register(name, value)
            if backend.read_register(other) != value:
                same = False
                break
        if same:
            found.append(other)
        backend.restore(snap)
    return found


def classes(port_name: str) -> dict[str, list[tuple[str, int]]]:
    """register -> [(class, bits)] after a prepared call with one argument."""
    machine = machine_for(port_name)
    port, abi, backend = machine.port, machine.port.abi, machine.backend
    routine = next(iter(port.routines.values()))
    machine.prepare_call(routine.symbol, [0], 0)
    bits = backend.register_bits
    full = (1 << bits) - 1
    passed = set(abi.args[:1]) if abi.args else set()
    set_by_call = {abi.callee_address, abi.global_pointer and abi.global_pointer[0]} - {None}
    found: dict[str, list[tuple[str, int]]] = {}

    def add(reg, what, mask=None):
        found.setdefault(reg, []).append((what, full if mask is None else mask))

    for reg in abi.preserved:
        if reg not in set_by_call:      # hppa dp: the call loads it, the routine keeps it
            add(reg, "preserved")
    for reg, (_, mask) in machine.poisoner.poison_values(0).items():
        if reg not in passed and reg not in set_by_call:
            add(reg, "poisoned", mask)
    for reg in passed:
        add(reg, "argument")
    if abi.return_address is not None:
        add(abi.return_address, "return address")
    add(abi.stack_pointer, "stack pointer")
    for reg in set_by_call:
        add(reg, "set by the call")
    for state in abi.state:
        add(state.register, "state", state.mask)
    if port.priority.register is not None:
        hi, lo = port.priority.bits
        add(port.priority.register, "priority", ((1 << (hi - lo + 1)) - 1) << lo)
    for reg, (mask, _) in DEFINED[port_name].items():
        add(reg, "defined", mask)
    return found


@pytest.mark.parametrize("port_name", PORTS)
def test_every_exposed_register_is_accounted_for_once(port_name):
    machine = machine_for(port_name)
    backend = machine.backend
    found = classes(port_name)
    problems = []
    for reg in backend.trace_registers:
        entries = found.get(reg) or [entry for alias in _aliases(backend, reg, found)
                                     for entry in found[alias]]
        width = _implemented(machine.port.cpu_family, machine.port.cpu_model, reg,
                             backend.register_bits)
        covered = 0
        for what, mask in entries:
            if covered & mask & width:
                problems.append(f"{reg}: bits {covered & mask & width:#x} in two classes")
            covered |= mask
        if width & ~covered:
            problems.append(f"{reg}: bits {width & ~covered:#x} in no class (value "
                            f"{backend.read_register(reg):#x} at the call)")
    assert not problems, problems


@pytest.mark.parametrize("port_name", PORTS)
def test_what_the_machine_poisons_holds_poison_in_both_worlds(port_name):
    """The classes are what the machine does, not only what it says: each
    poisoned field holds its world's poison (world 0 never 0, world 1 its
    complement), each preserved register its entry pattern, the free
    stack and the abi.stack_reserve beyond the caller's stack pointer the
    world's stack poison, and the caller's frame (with the reserve's kept
    words the ABI does not define) the world's frame_pattern."""
    machine = machine_for(port_name)
    abi, backend = machine.port.abi, machine.backend
    routine = next(iter(machine.port.routines.values()))
    passed = set(abi.args[:1]) if abi.args else set()
    set_by_call = machine.poisoner.set_by_call     # hppa dp, alpha pv, sparc %fp
    seen = {}
    for world in (0, 1):
        machine.poisoner.world = world
        try:
            machine.prepare_call(routine.symbol, [0], 0)
        finally:
            machine.poisoner.world = 0
        for reg, (value, mask) in machine.poisoner.poison_values(world).items():
            if reg in passed or reg in set_by_call:
                continue
            got = backend.read_register(reg) & mask
            assert got == value & mask, (reg, world, hex(got), hex(value & mask))
            seen.setdefault(reg, []).append(got)
        for index, reg in enumerate(abi.preserved):
            if reg not in set_by_call:          # hppa dp: preserved, and the call loads it
                pattern = entry_pattern(index, backend.register_bits, world)
                assert backend.read_register(reg) == pattern, reg
                seen.setdefault(reg, []).append(pattern)
        if abi.frame_pointer is not None:       # the caller's callers' frames, in every world
            assert backend.read_register(abi.frame_pointer.register) \
                == machine.poisoner.window_frames[0] - abi.stack_bias
        sp = machine.stack_address()
        start, end = machine.poisoner.reserve_beyond(sp)
        reserve = bytearray(backend.read_memory(start, end - start))
        kept = {machine.poisoner.reserve_word(sp, word.offset) - start
                for word in abi.stack_reserve_kept}
        defined = {machine.poisoner.reserve_word(sp, offset) - start
                   for offset in abi.stack_reserve_defined}
        chain = machine.poisoner.chain_words(sp)      # abi.back_chain: the ABI's, every world's
        for at in kept:     # the caller's words: its frame's pattern in the world (defined: world 0's)
            pattern = bytearray(frame_pattern(len(reserve), 0 if at in defined else world))
            overlay(pattern, start, chain)
            assert reserve[at:at + 4] == pattern[at:at + 4]
            reserve[at:at + 4] = bytes([STACK_POISON[world]]) * 4
        for offset in abi.stack_reserve_defined:
            at = machine.poisoner.reserve_word(sp, offset) - start
            if at not in kept:
                assert reserve[at:at + 4] == bytes(4)
                reserve[at:at + 4] = bytes([STACK_POISON[world]]) * 4
        assert len(reserve) == abi.stack_reserve
        assert set(reserve) <= {STACK_POISON[world]}
        start, end = machine.poisoner.free_stack(sp)
        assert set(backend.read_memory(start, end - start)) == {STACK_POISON[world]}
        start, end = machine.caller_frame            # the caller's values: no input either
        frame = backend.read_memory(start, end - start)
        assert frame == _with_chain(machine, frame_pattern(end - start, world), start)
        seen.setdefault("the caller's frame", []).append(frame)
    assert all(first and first != second for first, second in seen.values()), seen


@pytest.mark.parametrize("port_name", PORTS)
def test_every_stack_byte_is_accounted_for(port_name):
    """The stack at a call is, without gap or overlap: the free stack
    (poison), what the call pushed (the return address, the arguments),
    the stack_reserve beyond the caller's stack pointer (poison but the
    words the ABI defines) and the caller's frame (frame_pattern)."""
    machine = machine_for(port_name)
    abi, backend = machine.port.abi, machine.backend
    routine = next(iter(machine.port.routines.values()))
    machine.prepare_call(routine.symbol, [0], 0)
    sp = machine.stack_address()                # sparc64: %sp + its 2047-byte bias
    pushed = (abi.arg_size if abi.return_address is None else 0) \
        + (abi.arg_size if abi.args is None else 0)
    pushed_span = (sp, sp + pushed)
    reserve = machine.poisoner.reserve_beyond(sp + pushed if abi.stack_grows == "down" else sp)
    spans = sorted([machine.poisoner.free_stack(sp), pushed_span, reserve, machine.caller_frame])
    at = machine.stack_base
    for start, end in spans:
        assert start == at, (port_name, [tuple(map(hex, span)) for span in spans])
        at = end
    assert at == machine.stack_base + STACK_SIZE
    start, end = machine.caller_frame
    assert backend.read_memory(start, end - start) == _with_chain(machine, frame_pattern(end - start),
                                                                  start)


def _with_chain(machine, pattern: bytes, start: int) -> bytes:
    """The caller's frame from ``start`` as a call fills it: ``pattern``,
    but the words abi.back_chain defines (powerpc's frames of the caller's
    callers) and abi.frame_pointer's frames (sparc: the save areas of the
    windows above, world 0's pattern, and their links), the same in every
    world."""
    frame = bytearray(pattern)
    first = frame_pattern(len(pattern), 0)
    size = machine.port.abi.window_save_area
    overlay(frame, start, [(at, first[at - start:at - start + size])
                           for at in machine.poisoner.window_frames])
    overlay(frame, start, machine.poisoner.window_frame_words())
    overlay(frame, start, machine.poisoner.chain_words(machine.entry_stack))
    return bytes(frame)


# Routines that read what a call leaves undefined as if it held 0, or
# change what the ABI or the kernel keeps, each the way a kernel developer
# could write it.  Each held every property while the machine started the
# register (or the stack word) at 0 or never compared it; the machine now
# poisons it, or checks it at the return.  id -> (routine kind, the failing
# property, what its counter-example names, the body of `wrong`).
_TAIL_SH3 = "\tmov.l\t1f, r0\n\tjmp\t@r0\n\tnop\n\t.align\t2\n1:\t.long\t{}\n"
KEPT_OR_READ = {
    "sparc_y": ("set:IPL_NONE", "defined_only", "when y holds",
                "\trd\t%y, %o0\t\t/* WRONG: \"%y is 0 since the last divide\" */\n"
                "\tb\tspllower\n\tnop\n"),
    "sparc_g2": ("set:IPL_NONE", "defined_only", "when g2 holds",
                 "\tmov\t%g2, %o0\t\t/* WRONG: %g2 is caller-saves, not 0 */\n"
                 "\tb\tspllower\n\tnop\n"),
    "sparc_g7": ("raise", "preserves", "g7 was",
                 "\tmov\t%o0, %g7\t\t/* WRONG: %g7 is the system's */\n\tb\tsplraise\n\tnop\n"),
    "sparc_wim": ("raise", "preserves", "wim&0xff was 0x2 at entry and 0x0 at return",
                  "\twr\t%g0, 0, %wim\t/* WRONG: the window state is the kernel's */\n"
                  "\tnop\n\tnop\n\tnop\n\tb\tsplraise\n\tnop\n"),
    "sparc_reserve": ("set:IPL_NONE", "defined_only", "the stack_reserve",
                      "\tld\t[%sp + 68], %o0\t/* WRONG: the argument dump area is the callee's */\n"
                      "\tb\tspllower\n\tnop\n"),
    "sparc64_y": ("set:IPL_NONE", "defined_only", "when y (bits 0xffffffff) holds",
                  "\trd\t%y, %o0\n\tb\tspllower\n\tnop\n"),
    "sparc64_g3": ("set:IPL_NONE", "defined_only", "when g3 holds",
                   "\tmov\t%g3, %o0\n\tb\tspllower\n\tnop\n"),
    "sparc64_g6": ("raise", "preserves", "g6 was", "\tmov\t%o0, %g6\n\tb\tsplraise\n\tnop\n"),
    "sparc64_asi": ("raise", "preserves", "asi&0xff was 0x82 at entry",
                    "\twr\t%g0, 0x80, %asi\t/* WRONG: the kernel's default ASI not put back */\n"
                    "\tb\tsplraise\n\tnop\n"),
    "pmax_lo": ("set:IPL_NONE", "defined_only", "when lo holds",
                "\tmflo\t$a0\t\t/* WRONG: LO holds the last product, not 0 */\n"
                "\tj\t_spllower\n\tnop\n"),
    "pmax_reserve": ("set:IPL_NONE", "defined_only", "the stack_reserve",
                     "\tlw\t$a0, 0($sp)\t/* WRONG: the argument home area is the callee's */\n"
                     "\tj\t_spllower\n\tnop\n"),
    "powerpc_reserve": ("set:IPL_NONE", "defined_only", "the stack_reserve",
                        "\tlwz\t3, 4(1)\t\t/* WRONG: the LR save word is the callee's */\n"
                        "\tb\tspllower\n"),
    "hppa_sar": ("set:IPL_NONE,void", "defined_only", "when sar (bits 0x1f) holds",
                 "\tb\tspllower\n\tmfctl\t%sar, %arg0\t/* WRONG: SAR is caller-saves */\n"),
    "hppa_tr": ("set:IPL_NONE,void", "defined_only", "when tr3 holds",
                "\tb\tspllower\n\tmfctl\t%tr3, %arg0\t/* WRONG: the trap code's temporary */\n"),
    "hppa_reserve": ("set:IPL_NONE,void", "defined_only", "the stack_reserve",
                     "\tb\tspllower\n\tldw\t-36(%sp), %arg0\t/* WRONG: arg0's home is the callee's */\n"),
    "sh3_ssr": ("set:IPL_NONE", "defined_only", "when ssr holds",
                "\tstc\tssr, r4\t\t/* WRONG: SSR is the last exception's */\n"
                + _TAIL_SH3.format("spllower")),
    "sh3_gbr": ("raise", "preserves", "gbr was",
                "\tldc\tr4, gbr\t\t/* WRONG: GBR is the thread pointer */\n"
                + _TAIL_SH3.format("_cpu_intr_raise")),
    "arm32_spsr": ("set:IPL_NONE", "no_fault", "unmapped",
                   "\tmrs\tr0, spsr\t\t/* WRONG: SPSR_svc is the last exception's */\n"
                   "\tb\t_spllower\n"),
    "sh3_bank1": ("set:IPL_NONE", "defined_only", "when r0_bank1 holds",
                  "\tstc\tr0_bank, r4\t/* WRONG: bank 1 is the exception code's */\n"
                  + _TAIL_SH3.format("spllower")),
    "i386_ac": ("raise", "preserves", "eflags&0x247100 was",
                "\tpushfl\t\t\t/* WRONG: alignment checks on, to debug, never off again */\n"
                "\torl\t$0x40000, (%esp)\n\tpopfl\n\tjmp\tsplraise\n"),
    "amd64_ac": ("raise", "preserves", "rflags&0x247100 was",
                 "\tpushfq\n\torq\t$0x40000, (%rsp)\n\tpopfq\n\tjmp\tsplraise\n"),
    "powerpc_fp": ("raise", "preserves", "msr&0x52f03 was",
                   "\tmfmsr\t0\t\t/* WRONG: the FPU enabled to save its registers, left on */\n"
                   "\tori\t0, 0, 0x2000\n\tmtmsr\t0\n\tb\tsplraise\n"),
    "pmax_cu1": ("raise,argument=blocked", "preserves", "status&0xffff0000 was",
                 "\tmfc0\t$t0, $12\t\t/* WRONG: CP1 unusable, to catch the FPU's next user, "
                 "left off (cpu.reset: the kernel runs with CU1) */\n"
                 "\tlui\t$t1, 0xdfff\n\tori\t$t1, $t1, 0xffff\n\tand\t$t0, $t0, $t1\n"
                 "\tmtc0\t$t0, $12\n\tj\t_splraise\n\tnop\n"),
    "alpha_gp": ("set:IPL_NONE", "defined_only", "when gp holds",
                 "\tmov\t$29, $16\t\t/* WRONG: gp is not 0, nor the callee's */\n"
                 "\tbr\t$31, spllower\n"),
}


@pytest.mark.parametrize("case", sorted(KEPT_OR_READ))
def test_a_routine_that_relies_on_a_kind_machine_fails(case, tmp_path):
    port = case.partition("_")[0]
    kind, prop, named, body = KEPT_OR_READ[case]
    snippet = tmp_path / "wrong.S"
    snippet.write_text(f"\t.globl\twrong\nwrong:\n{body}")
    result = run_cli("check", port, "--snippet", str(snippet), "--routine", f"wrong={kind}",
                     "--ipl", "none", "--ipl", "high", "--format", "json")
    assert result.returncode == 1, result.stderr
    verdict = valid_json(result.stdout, "check")["routines"][0]["verdicts"][prop]
    assert verdict["holds"] is False
    assert named in verdict["counter_example"]["what"], verdict["counter_example"]["what"]
    assert verdict["counter_example"]["trace"]


def test_sparc64_traces_its_own_registers():
    """sparc64 used to inherit V8's trace_registers, and --regs read %psr,
    which V9 does not have: an internal error."""
    result = run_cli("run", "sparc64", "--call", "splraise", "--arg", "IPL_BIO", "--regs")
    assert result.returncode == 0, result.stderr
    assert "ccr=" in result.stdout and "o1=" in result.stdout


@pytest.mark.parametrize("port_name", ["i386", "amd64", "m68k"])
def test_foreign_registers_differ_between_the_worlds_and_are_kept(port_name):
    """Every abi.foreign register holds another value in each world at a
    call (its poison, as the CPU keeps it), and a routine that touches none
    of them leaves them as the call gave them (kept_state's one number)."""
    machine = machine_for(port_name)
    routine = next(iter(machine.port.routines.values()))
    seen = []
    for world in (0, 1):
        machine.poisoner.world = world
        try:
            machine.prepare_call(routine.symbol, [0], 0)
        finally:
            machine.poisoner.world = 0
        seen.append(machine.poisoner.foreign_registers(machine.poisoner.foreign_now()))
    assert machine.port.abi.foreign
    for reg in machine.port.abi.foreign:
        assert seen[0][reg] != seen[1][reg], reg
    result = machine.call(routine.symbol, [0], 0)
    assert result.kept_after["abi.foreign"] == result.kept_before["abi.foreign"]


@pytest.mark.parametrize("snippet, routine, named", [
    ("redteam15_raise_testecx.S", "rt_raise_testecx", "when ecx holds 0 "),
    ("redteam15_raise_cmpregs.S", "rt_raise_cmpregs", "when ecx and edx hold 0 "),
    ("redteam15_raise_stackoff.S", "rt_raise_stackoff", "the free stack beyond the stack "
                                                        "pointer (or the stack_reserve on the "
                                                        "caller's side of it) holds 0 "),
    # only a case reaches the test (a replay branch): its run, off the baseline's path, too
    ("zero_world_replay.S", "rt_lower_replay_zero", "the case ends differently when ecx, never "
                                                    "written since the call"),
])
def test_the_zero_world_names_what_a_test_for_zero_or_equality_read(snippet, routine, named):
    """A pattern and its complement are never 0 and keep two registers
    unequal: the zero world (every undefined register and the free stack 0)
    is where such a test goes the other way, and the culprit is named (two
    registers when only both together make the difference)."""
    result = run_cli("check", "i386", "--snippet", str(DATA / "broken" / "i386" / snippet),
                     "--routine", f"{routine}={'lower' if 'lower' in routine else 'raise'}",
                     "--ipl", "none", "--ipl", "clock",
                     "--format", "json")
    assert result.returncode == 1, result.stderr
    verdict = valid_json(result.stdout, "check")["routines"][0]["verdicts"]["defined_only"]
    assert named in verdict["counter_example"]["what"], verdict["counter_example"]["what"]


def test_a_poison_has_no_byte_a_routine_writes_often():
    """The low half of every undefined register's poison is two bytes no
    spl value, small count or round mask is (never 0x00-0x80, 0xf9-0xff,
    nor a low nibble of 0, 8 or f), of odd parity (a byte's parity then
    differs from the zero world's: red team 37 F3), distinct for every
    register a port poisons (49), the C-call return's too: a byte write of
    such a value does not leave a register equal to its poison, which the
    by-value test of writes (Backend.unwritten_bits) would take for never
    written."""
    for after_call in (False, True):
        values = [poison(0, index, 32, None, after_call)[0] for index in range(0x40)]
        assert len({v & 0xffff for v in values[:49]}) == 49
        for value in values:
            for byte in (value & 0xff, value >> 8 & 0xff):
                assert 0x80 < byte < 0xf9 and byte & 0xf not in (0, 8, 0xf), hex(value)
                assert bin(byte).count("1") % 2, hex(value)


@pytest.mark.parametrize("state,free", [(None, 7), ("window below invalid", 1)])
def test_the_free_register_windows_hold_a_poison_per_world(state, free):
    """Red team 39 B F3: at a call the windows below the caller's that hold
    no window's registers (Backend.free_window_registers; sparc: 7 with
    cpu.reset's WIM, 1 where the window below is invalid) hold
    window_pattern, each register its own, world 1 the complement, the
    ZERO_WORLD 0: what a SAVE enters.  Their outs count but in the last
    free window, whose outs are a window's ins that holds registers."""
    machine = machine_for("sparc")
    backend, poisoner = machine.backend, machine.poisoner
    machine.start = CallStart(state=state)
    routine = next(iter(machine.port.routines.values()))
    for world in (0, 1, ZERO_WORLD):
        poisoner.world = world
        try:
            machine.prepare_call(routine.symbol, [0], 0)
        finally:
            poisoner.world = 0
        names = backend.free_window_registers()
        assert len(names) == 16 * free - 8 and len(set(names)) == len(names)
        psr = backend.read_register("psr")
        values = []
        for k in range(1, free + 1):          # enter each as SAVE would, CWP - k
            backend.write_register("psr", psr & ~0x1F | (psr - k) & 7)
            values += [backend.read_register(f"{bank}{n}") for bank in "lo"[:1 + (k < free)]
                       for n in range(8)]
        backend.write_register("psr", psr)
        assert values == [window_pattern(index, 32, world) for index in range(len(names))]
        assert world == ZERO_WORLD or len(set(values)) == len(values) and 0 not in values
