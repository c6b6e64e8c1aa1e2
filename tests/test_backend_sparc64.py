"""The SPARC V9 interpreter's privileged behaviour, against *The SPARC
Architecture Manual, Version 9* (sections named per test): PIL and
interrupt acceptance, normal trap processing, DONE/RETRY, WRPR/RDPR, the
register-window counts; and its disassembly against binutils' objdump."""

from __future__ import annotations

import re
import subprocess

import pytest

from emu.backends.base import CpuFault, NotModelled
from emu.backends.sparc64 import (MAXTL, PSTATE_AG, PSTATE_IE, PSTATE_PEF, PSTATE_PRIV,
                                  Sparc64Backend)
from conftest import ROOT
from sparc_helpers import V9, assemble, load_elf

KERNEL = PSTATE_PRIV | PSTATE_IE


def cpu_running(body: str, pstate: int = KERNEL, pil: int = 0) -> tuple[Sparc64Backend, dict]:
    """A V9 CPU with ``body`` loaded at 0x10000 (a stack below 0x30000),
    stopped at its first instruction."""
    elf = assemble(f"\t.text\n\t.globl _start\n_start:\n{body}\nend:\tnop\n", isa=V9)
    cpu = Sparc64Backend()
    symbols = load_elf(cpu, elf)
    cpu.map_memory(0x20000, 0x10000)
    cpu.write_register("sp", 0x2F000)
    cpu.write_register("pstate", pstate)
    cpu.write_register("pil", pil)
    cpu.write_register("pc", symbols["_start"])
    return cpu, symbols


def run_to(cpu: Sparc64Backend, stop: int, limit: int = 200) -> list[int]:
    """Run until ``stop``; return the boundaries seen."""
    seen = []

    def boundary(pc):
        seen.append(pc)
        return pc != stop and len(seen) < limit
    cpu.run(boundary)
    return seen


def test_pil_gates_interrupt_levels():
    """§7.4.1 / §5.2.3: interrupt_level_n is taken only when PSTATE.IE = 1
    and n > PIL; level 15 is not special (PIL 15 blocks it)."""
    cpu, _ = cpu_running("nop")
    for pil in range(16):
        cpu.write_register("pil", pil)
        assert [n for n in range(1, 16) if cpu.interrupt_accepted(n)] == list(range(pil + 1, 16))
    cpu.write_register("pil", 0)
    cpu.write_register("pstate", PSTATE_PRIV)           # IE = 0
    assert not any(cpu.interrupt_accepted(n) for n in range(1, 16))


def test_wrpr_pil_takes_effect_at_the_next_boundary():
    """A.62 WRPR: PIL := r[rs1] XOR operand2, with no V8-style write delay:
    the boundary after the write already sees the new level."""
    cpu, sym = cpu_running("\twrpr %g0, 5, %pil\n\tmov 3, %o1\n\twrpr %o1, 6, %pil\n\tnop")
    seen = []

    def boundary(pc):
        seen.append((cpu.read_register("pil"), cpu.interrupt_accepted(5),
                     cpu.interrupt_accepted(6)))
        return pc != sym["end"]
    cpu.run(boundary)
    assert seen[1] == (5, False, True)
    assert seen[3][0] == 3 ^ 6 == 5                      # the XOR of the two operands
    assert cpu.write_latencies == (0,)


def test_interrupt_entry_is_normal_trap_processing():
    """§7.6.1 (normal trap processing): TL := TL+1; TSTATE[TL] :=
    CCR<<32 | ASI<<24 | PSTATE<<8 | CWP; TPC/TNPC := PC/nPC; TT := 0x40 + n; PSTATE gets PRIV, AG, PEF and
    loses IE; CWP and PIL are unchanged; the normal globals are kept aside
    (AG selects the alternate set)."""
    cpu, sym = cpu_running("\tmov 7, %g1\n\tsave %sp, -176, %sp\n\tnop\n\tnop")
    cpu.write_register("ccr", 0x4A)
    cpu.write_register("asi", 0x82)
    cpu.write_register("pil", 3)
    run_to(cpu, sym["_start"] + 8)                      # after mov and save
    pc, npc, cwp = cpu.read_register("pc"), cpu.read_register("npc"), cpu.read_register("cwp")
    cpu.take_interrupt(10, 0x4A, sym["end"])
    assert cpu.read_register("tl") == 1
    assert cpu.read_register("tstate") == 0x4A << 32 | 0x82 << 24 | KERNEL << 8 | cwp
    assert (cpu.read_register("tpc"), cpu.read_register("tnpc")) == (pc, npc)
    assert cpu.read_register("tt") == 0x4A
    assert cpu.read_register("pstate") == PSTATE_PRIV | PSTATE_AG | PSTATE_PEF
    assert (cpu.read_register("cwp"), cpu.read_register("pil")) == (cwp, 3)
    # by name g1 is the normal %g1, kept aside, and ag1 the alternate one,
    # which the trap code now sees as %g1
    assert (cpu.read_register("g1"), cpu.read_register("ag1")) == (7, 0)
    assert (cpu.read_register("pc"), cpu.read_register("npc")) == (sym["end"], sym["end"] + 4)
    assert not cpu.interrupt_accepted(15)


def trap_return(mnemonic: str):
    """An interrupt taken before the second `add`; the stub returns with
    ``mnemonic`` after changing CCR, PSTATE.AG and CWP."""
    body = f"""
\tmov 1, %o0
\tadd %o0, 1, %o0
\tadd %o0, 1, %o0
\tba end
\t nop
stub:
\tsave %sp, -176, %sp
\twr %g0, 0xff, %ccr
\tmov 99, %g1
\t{mnemonic}
"""
    cpu, sym = cpu_running(body)
    cpu.write_register("g1", 5)
    cpu.write_register("ccr", 0x11)
    start_cwp = cpu.read_register("cwp")
    run_to(cpu, sym["_start"] + 8)
    cpu.take_interrupt(1, 0x41, sym["stub"])
    seen = run_to(cpu, sym["end"])
    return cpu, sym, seen, start_cwp


def test_retry_resumes_at_tpc_and_restores_the_state():
    """A.11 RETRY: CCR, ASI, PSTATE and CWP from TSTATE[TL]; PC := TPC,
    nPC := TNPC; TL := TL - 1.  The interrupted instruction runs."""
    cpu, sym, seen, cwp = trap_return("retry")
    assert sym["_start"] + 8 in seen[seen.index(sym["stub"]):]
    assert cpu.read_register("o0") == 3
    assert cpu.read_register("tl") == 0 and cpu.read_register("pstate") == KERNEL
    assert cpu.read_register("ccr") == 0x11 and cpu.read_register("cwp") == cwp
    assert cpu.read_register("g1") == 5                  # the normal globals again


def test_done_resumes_after_the_interrupted_instruction():
    """A.11 DONE: PC := TNPC, nPC := TNPC + 4: the instruction at TPC is
    skipped."""
    cpu, sym, seen, _ = trap_return("done")
    assert sym["_start"] + 8 not in seen[seen.index(sym["stub"]):]
    assert cpu.read_register("o0") == 2


@pytest.mark.parametrize("insn", ["retry", "done", "rdpr %tpc, %o0", "wrpr %g0, 1, %tstate"])
def test_trap_level_registers_at_tl_0_are_illegal(insn):
    """A.11, A.42, A.62: DONE/RETRY and the TPC/TNPC/TSTATE/TT registers
    need TL > 0 (illegal_instruction otherwise)."""
    cpu, _ = cpu_running(f"\t{insn}")
    with pytest.raises(CpuFault, match="illegal_instruction"):
        cpu.run(lambda pc: True)


@pytest.mark.parametrize("insn", ["rdpr %pil, %o0", "wrpr %g0, 1, %pil", "retry"])
def test_privileged_instructions_need_pstate_priv(insn):
    """§5.2.1 PSTATE.PRIV: RDPR, WRPR, DONE and RETRY are privileged_opcode
    traps in nonprivileged mode."""
    cpu, _ = cpu_running(f"\t{insn}", pstate=PSTATE_IE)
    with pytest.raises(CpuFault, match="privileged_opcode"):
        cpu.run(lambda pc: True)


def test_nested_interrupts_use_their_own_trap_level():
    """§5.2.4-§5.2.7: one TPC/TNPC/TSTATE/TT per trap level; at
    TL = MAXTL - 1 a trap enters RED_state (§7.6.2, special traps), not modelled."""
    cpu, sym = cpu_running("\tnop\n\tnop")
    for level in range(1, MAXTL - 1):
        cpu.write_register("pstate", KERNEL)
        before = cpu.read_register("pc")
        cpu.take_interrupt(level, 0x40 + level, sym["end"] + 4 * level)
        assert cpu.read_register("tl") == level and cpu.read_register("tpc") == before
    cpu.write_register("tl", 1)
    assert cpu.read_register("tt") == 0x41 and cpu.read_register("tpc") == sym["_start"]
    cpu.write_register("tl", MAXTL - 1)
    assert "RED_state" in cpu.entry_fault()


def test_save_and_restore_count_windows():
    """§6.3.6 / A.46: SAVE increments CWP, CANSAVE--, CANRESTORE++
    (RESTORE the reverse); SAVE with CANSAVE = 0 is a spill trap and
    RESTORE with CANRESTORE = 0 a fill trap: not run without the save
    area's place (window_save_bias, the machine's abi.window_save_area)."""
    cpu, sym = cpu_running("\tsave %sp, -176, %sp\n\trestore\n\trestore")
    cpu.write_register("cwp", 2)
    run_to(cpu, sym["_start"] + 4)
    assert [cpu.read_register(r) for r in ("cwp", "cansave", "canrestore")] == [3, 5, 1]
    with pytest.raises(CpuFault, match="restore: a legal instruction this model does not run "
                                       r"\(V9 §6.4: a window fill trap"):
        cpu.run(lambda pc: True)
    assert [cpu.read_register(r) for r in ("cwp", "cansave", "canrestore")] == [2, 6, 0]
    cpu, _ = cpu_running("\tsave %sp, -176, %sp")
    cpu.write_register("cansave", 0)
    cpu.write_register("canrestore", 6)
    with pytest.raises(CpuFault, match="save: a legal instruction this model does not run "
                                       r"\(V9 §6.4: a window spill trap"):
        cpu.run(lambda pc: True)


def test_a_save_past_the_free_windows_spills_the_oldest_and_restore_fills_it():
    """§6.4: the seventh SAVE from CANSAVE 6 (NWINDOWS 8) finds CANSAVE = 0
    and takes a spill trap, whose handler (NetBSD's SPILL64, A.47 SAVED)
    stores the oldest window, the first one, at its %sp + bias; the
    seventh RESTORE back takes a fill trap that loads it: its %l3 is 7
    again, and the window counters are where they started."""
    saves = "".join(f"\tsave %sp, -176, %sp\n\tmov {10 + n}, %l3\n" for n in range(7))
    cpu, sym = cpu_running("\tmov 7, %l3\n" + saves + "\trestore\n" * 7 + "\tnop")
    cpu.window_save_bias = 2047
    cpu.write_register("sp", 0x2F000 - 2047)
    after_saves = sym["_start"] + 4 + 8 * 7
    run_to(cpu, after_saves)
    assert [cpu.read_register(r) for r in ("cansave", "canrestore")] == [0, 6]
    assert int.from_bytes(cpu.read_memory(0x2F000 + 24, 8), "big") == 7     # %l3 at area + 24
    assert cpu.read_register("l3") == 16
    run_to(cpu, after_saves + 4 * 7)
    assert cpu.read_register("l3") == 7
    assert [cpu.read_register(r) for r in ("cwp", "cansave", "canrestore")] == [0, 6, 0]


def test_flushw_spills_the_older_windows_and_restore_fills_them_back():
    """A.21 FLUSHW: every window older than the current one is stored at
    its %sp + bias (the spill handler's stx %l0-%l7, %i0-%i7; A.47 SAVED),
    CANSAVE = NWINDOWS - 2, CANRESTORE = 0; a RESTORE then takes a fill
    trap that loads the window from there (A.47 RESTORED: CLEANWIN + 1 up
    to NWINDOWS - 1), as the routine left it."""
    cpu, sym = cpu_running("\tmov 7, %l3\n\tsave %sp, -176, %sp\n\tmov 9, %l3\n"
                           "\tsave %sp, -176, %sp\n\tflushw\n\tstx %g0, [%fp + 2047 + 24]\n"
                           "\trestore\n\trestore\n\tnop")
    cpu.window_save_bias = 2047
    cpu.write_register("sp", 0x2F000 - 2047)
    cpu.write_register("cleanwin", 6)
    run_to(cpu, sym["_start"] + 20)           # after flushw
    assert [cpu.read_register(r) for r in ("cansave", "canrestore", "otherwin")] == [6, 0, 0]
    first, second = 0x2F000, 0x2F000 - 176    # the save areas of the two older windows
    assert int.from_bytes(cpu.read_memory(first + 24, 8), "big") == 7
    assert int.from_bytes(cpu.read_memory(second + 24, 8), "big") == 9
    run_to(cpu, sym["_start"] + 28)           # after the store and one restore
    assert cpu.read_register("l3") == 0 and cpu.read_register("cleanwin") == 7
    assert [cpu.read_register(r) for r in ("cansave", "canrestore")] == [6, 0]
    run_to(cpu, sym["_start"] + 32)
    assert cpu.read_register("l3") == 7 and cpu.read_register("cwp") == 0


def test_tick_is_refused_as_a_legal_instruction_not_run():
    """A.42/A.43: rdpr %tick and rd %tick read the cycle counter, legal in
    privileged code: NotModelled (no verdict), saying the model does not
    run them; so are the SOFTINT registers but CLEAR_SOFTINT (the
    machine's pending requests)."""
    for text, name in (("rdpr %tick, %o2", "rdpr %tick"), ("rd %tick, %o2", "rd %tick"),
                       ("wr %g0, 2, %asr20", "wr %set_softint"),
                       ("rd %asr22, %o2", "rd %softint")):
        cpu, _ = cpu_running(f"\t{text}")
        with pytest.raises(NotModelled, match=f"{name}: a legal instruction this "
                                              "model does not run"):
            cpu.run(lambda pc: True)


def test_windows_overlap_the_v9_way():
    """§6.3.6: after SAVE the caller's %o registers are the callee's %i."""
    cpu, sym = cpu_running("\tmov 42, %o3\n\tsave %sp, -176, %sp\n\tmov %i3, %l0\n\tnop")
    run_to(cpu, sym["_start"] + 12)
    assert cpu.read_register("l0") == 42 and cpu.read_register("i6") == 0x2F000


def objdump_texts(elf: str) -> dict[int, str]:
    out = subprocess.run(["sparc64-linux-gnu-objdump", "-d", elf], capture_output=True,
                         text=True, check=True).stdout
    texts = {}
    for line in out.splitlines():
        match = re.match(r"\s+([0-9a-f]+):\s+(?:[0-9a-f]{2} ){4}\s*(.*)", line)
        if match:
            texts[int(match.group(1), 16)] = match.group(2)
    return texts


def inlined(path) -> str:
    """A snippet with its .include files in place (port.inc left out: the
    test defines the few symbols it needs)."""
    def include(match):
        name = match.group(1)
        return "" if name == "port.inc" else inlined(path.parent / name)
    return re.sub(r'^\s*\.include\s+"([^"]+)".*$', include, path.read_text(), flags=re.M)


def normal(text: str) -> str:
    """Spacing, `!` comments, `<symbol>` and number bases aside."""
    text = re.sub(r"\s*!.*|<[^>]*>", "", text)
    text = re.sub(r"-?0x[0-9a-f]+|-?\d+", lambda m: str(int(m.group(0), 0)), text)
    return re.sub(r"\s+", "", text)


#: objdump's synthetic names for the words capstone spells out
_ALIASES = {"b": "ba", "clr": "mov", "retl": "jmp", "ret": "jmp", "btst": "andcc", "tst": "orcc",
            "cmp": "subcc", "inc": "add", "dec": "sub", "clrx": "mov", "restore": "restore"}


def test_disassembly_agrees_with_objdump():
    """Every instruction of the shipped snippets and the race scenario: our
    text is objdump's (spacing and number bases aside) where we write it
    ourselves (rdpr, wrpr, rd/wr %ccr, done, retry); where capstone writes
    it, the mnemonic is objdump's or the instruction objdump's alias
    stands for."""
    snippets = ROOT / "kernel_snippets" / "sparc64"
    source = "\t.equ SPL_NONE, 0\n\t.equ SPL_SOFTNET, 1\n\t.equ SPL_HIGH, 15\n" + "".join(
        inlined(snippets / name)
        .replace("IPLEMU_SOURCES INTRSTUB", "INTRSTUB clock, -1, 10, 10, 0x4a")
        .replace("IPLEMU_SOURCES HANDLER", "HANDLER clock, -1, 10, 10, 0x4a\n\t.data\n"
                 "count_softnet: .word 0")
        for name in ("spl.S", "intr.S", "race.S"))
    elf = assemble(source + "\n\t.text\n\t.globl _start\n_start: nop\n", isa=V9)
    cpu = Sparc64Backend()
    load_elf(cpu, elf)
    theirs = objdump_texts(elf)
    own = 0
    for address, text in theirs.items():
        ours = cpu.disassemble(address)[1]
        word = int.from_bytes(cpu.read_memory(address, 4), "big")
        mnemonic = text.split()[0]
        if ours.split()[0] in ("rdpr", "wrpr", "done", "retry", "rd", "wr"):
            own += 1
            assert normal(ours) == normal(text), (hex(address), hex(word), ours, text)
        else:
            assert ours.split()[0] in (mnemonic, _ALIASES.get(mnemonic)), (hex(address), ours, text)
    assert own >= 6


@pytest.mark.parametrize("bits", [0x008, 0x020, 0x100, 0x200])
def test_pstate_bits_outside_the_model_are_refused(bits):
    """§5.2.1: AM (32-bit addresses), RED, TLE and CLE (little-endian)
    change how every later access behaves; the model does not follow them,
    so a write setting one is a fault, never a silent difference."""
    cpu, _ = cpu_running(f"\twrpr %g0, {KERNEL | bits}, %pstate")
    with pytest.raises(CpuFault, match="not modelled"):
        cpu.run(lambda pc: True)


@pytest.mark.parametrize("word,text", [
    (0x85826000, "wr %o1, 0, %ccr"),
    (0x81826000, "wr %o1, %y"),
    (0xAB802002, "wr 2, %asr21"),
    (0xAB82400A, "wr %o1, %o2, %asr21"),
    (0xAB826000, "wr %o1, %asr21"),
    (0x91926000, "wrpr %o1, 0, %pil"),
    (0x91924000, "wrpr %o1, %pil"),
    (0x91902005, "wrpr 5, %pil"),
    (0x89520000, "rdpr %pil, %g4"),
    (0x81F00000, "done"),
    (0x83F00000, "retry"),
])
def test_disassembly_of_words_capstone_lacks(word, text):
    """Texts as sparc64-linux-gnu-objdump -d prints them (spacing aside)."""
    from emu.backends.sparc64 import _text_v9
    assert _text_v9(word) == text
