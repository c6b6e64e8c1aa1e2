"""Bad input: one line on stderr naming the file:line or the address,
exit code 2, never a traceback or a dead process."""

from __future__ import annotations

import ctypes
import re

import pytest

from emu.isolation import run_isolated

from conftest import DATA, ROOT, run_cli

BAD = DATA / "bad"


def assert_one_line_error(result, pattern):
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert re.search(pattern, lines[0]), lines[0]


def test_unknown_port():
    assert_one_line_error(run_cli("run", "vax11", "--call", "splx"), r"unknown port 'vax11'")


def test_usage_error_is_one_line():
    assert_one_line_error(run_cli("run", "i386"), r"--call")
    assert_one_line_error(run_cli("run", "i386", "--call", "f", "--inject", "clock"), r"SOURCE@STEP")


@pytest.mark.parametrize("edit,pattern", [
    (("kind: mask", "kind: maybe"), r"i386\.yaml:\d+: priority\.kind: expected level or mask"),
    (("  triple: i686-linux-gnu\n", ""), r"i386\.yaml:\d+: assembler\.triple: missing required key"),
    (("bit: 10,", "bit: ten,"), r"i386\.yaml:\d+: sources\[4\]\.bit: expected an integer"),
    (("IPL_BIO,        bit: 14", "IPL_BIOS,       bit: 14"), r"sources\[5\]\.ipl: unknown IPL 'IPL_BIOS'"),
    (("source: \"intr.h IPL_AUDIO", "sauce: \"intr.h IPL_AUDIO"), r"ipl\.IPL_AUDIO\.sauce: unknown key"),
    (("ipl:\n", "ipl: [\n"), r"i386\.yaml:\d+: YAML syntax error"),
])
def test_broken_yaml_names_file_line_and_key(tmp_path, edit, pattern):
    text = (ROOT / "archs" / "i386.yaml").read_text()
    old, new = edit
    assert old in text
    bad = tmp_path / "i386.yaml"
    bad.write_text(text.replace(old, new, 1))
    # snippets are found by port name under kernel_snippets/, so the copy still assembles
    assert_one_line_error(run_cli("run", str(bad), "--call", "splx"), pattern)


def test_broken_yaml_line_is_the_broken_key(tmp_path):
    text = (ROOT / "archs" / "i386.yaml").read_text()
    bad = tmp_path / "i386.yaml"
    bad.write_text(text.replace("kind: mask", "kind: maybe"))
    line = next(i for i, l in enumerate(bad.read_text().splitlines(), 1) if "kind: maybe" in l)
    result = run_cli("run", str(bad), "--call", "splx")
    assert f"i386.yaml:{line}: " in result.stderr


def test_snippet_that_does_not_assemble():
    assert_one_line_error(run_cli("run", "i386", str(BAD / "syntax.S"), "--call", "f"),
                          r"syntax\.S:5: assembler error: .*frobnicate")


def test_undefined_symbol_in_snippet():
    assert_one_line_error(run_cli("run", "i386", str(BAD / "undefined.S"), "--call", "f"),
                          r"undefined symbol 'no_such_routine'")


def test_a_c_file_needing_a_gcc_helper_is_told_why(tmp_path):
    """No libgcc is linked (archs/README.md "C snippets": Debian's is built
    for newer CPUs than the models': MIPS32 clz in pmax's __divdi3, SH-4
    little-endian PIC for the big-endian SH-3): a 64-bit division on i386
    calls __divdi3, and the one line says what that symbol is (red team
    33: hppa $$remI, alpha __reml, sh __sdivsi3_i4i looked like a typo)."""
    source = tmp_path / "div.c"
    source.write_text('#include "port.h"\nvolatile long long rt_q = 10;\n'
                      "int rt_div(int d) { return (int)(rt_q / d); }\n")
    result = run_cli("run", "i386", str(source), "--call", "rt_div", "--arg", "0")
    assert_one_line_error(result, r"div\.c:3: undefined symbol '__divdi3' \(a helper GCC calls")
    assert "no libgcc is linked" in result.stderr, result.stderr
    plain = run_cli("run", "i386", str(BAD / "undefined.S"), "--call", "f")
    assert "helper" not in plain.stderr, plain.stderr


def test_unknown_symbol_to_call():
    assert_one_line_error(run_cli("run", "i386", "--call", "nosuch"), r"unknown symbol 'nosuch'")


def test_unknown_ipl_and_source():
    assert_one_line_error(run_cli("run", "i386", "--call", "splx", "--ipl", "IPL_BOGUS"),
                          r"unknown IPL 'IPL_BOGUS'")
    assert_one_line_error(run_cli("run", "i386", "--call", "splx", "--inject", "nic@1"),
                          r"unknown interrupt source 'nic'")


def test_one_source_injected_twice_at_one_boundary_is_refused():
    """One device line asserted twice at a boundary is one request (red
    team 20 B F9: it ran the clock's handler twice)."""
    assert_one_line_error(run_cli("run", "pmax", "--call", "_spllower", "--arg", "IPL_NONE",
                                  "--ipl", "IPL_HIGH", "--inject", "clock@0", "--inject",
                                  "clock@0"), r"--inject clock@0 given twice")


def test_missing_snippet_file():
    assert_one_line_error(run_cli("run", "i386", "nowhere.S", "--call", "f"), r"nowhere\.S: no such file")


def test_runaway_loop_hits_the_step_limit():
    assert_one_line_error(run_cli("run", "i386", str(BAD / "runaway.S"), "--call", "spin",
                                  "--max-steps", "500"),
                          r"runaway: no return after 500 steps, last pc 0x[0-9a-f]{8} \(.*runaway\.S:4\)")


def test_a_check_stopped_by_a_low_max_steps_has_no_verdict():
    """red team 20 B F5: a --max-steps below the default is the user's
    budget, not a property of the routine: the shipped m68k splx (four
    instructions, then the stubs) is stopped with no verdict, not failed
    as a runaway."""
    assert_one_line_error(run_cli("check", "m68k", "--max-steps", "3", "--routine", "splx",
                                  "--ipl", "IPL_NONE", "--ipl", "IPL_HIGH"),
                          r"^iplemu: splx from IPL_\w+ to IPL_\w+: a run passed --max-steps 3 "
                          r"\(below the default 10000, past which a run is judged a runaway\); "
                          r"stopped with no verdict \(raise --max-steps\)$")


@pytest.mark.parametrize("limit", [None, "20000", "2000"])
def test_a_check_of_a_real_loop_fails_no_fault_once_its_state_recurs(limit):
    """A loop that never returns is a runaway (no_fault fails, exit 1):
    from step 1024 on a run looks for a state it was in before
    (emu/loops.py), so the loop is proven endless whatever --max-steps
    allows past that; below it the check has no verdict (above)."""
    args = ["check", "i386", "--snippet", str(BAD / "runaway.S"), "--routine", "spin=lower",
            "--ipl", "none"]
    result = run_cli(*args, *(["--max-steps", limit] if limit else []))
    assert result.returncode == 1, result.stderr
    assert "runaway: a loop that never ends: the machine is back in the state it was in 1 " \
           "step before, at pc 0x" in result.stdout
    assert_one_line_error(run_cli(*args, "--max-steps", "500"),
                          r"a run passed --max-steps 500 .*\(raise --max-steps\)$")


def test_a_loop_whose_state_never_recurs_runs_to_the_step_limit(tmp_path):
    """A counter counting for ever never comes back to a state: the step
    limit ends it, as before."""
    source = tmp_path / "count.S"
    source.write_text("\t.text\n\t.globl count\ncount:\tincl %eax\n\tjmp count\n")
    result = run_cli("check", "i386", "--snippet", str(source), "--routine", "count=lower",
                     "--ipl", "none")
    assert result.returncode == 1, result.stderr
    assert "runaway: no return after 10000 steps" in result.stdout


def test_the_check_help_says_where_the_limits_apply():
    text = " ".join(run_cli("check", "--help").stdout.split())
    assert "states are counted at --depth 2 and all only" in text
    assert "with a lower N it stops the check with no verdict (exit 2)" in text


def test_unmapped_read_names_the_address():
    assert_one_line_error(run_cli("run", "i386", str(BAD / "unmapped.S"), "--call", "peek"),
                          r"unmapped read of 0x50000000 at 0x[0-9a-f]{8} \(.*unmapped\.S:4\)")


def test_jump_to_unmapped_memory():
    assert_one_line_error(run_cli("run", "i386", str(BAD / "unmapped.S"), "--call", "leap"),
                          r"jump to unmapped memory at 0x40000000")


def test_illegal_instruction():
    assert_one_line_error(run_cli("run", "i386", str(BAD / "unmapped.S"), "--call", "bad"),
                          r"illegal instruction.* at 0x[0-9a-f]{8} \(.*unmapped\.S:10\)")


def test_m68k_illegal_and_privileged():
    src = DATA / "bad" / "m68k_faults.S"
    assert_one_line_error(run_cli("run", "m68k", str(src), "--call", "bad"),
                          r"illegal instruction at 0x[0-9a-f]{8}")
    assert_one_line_error(run_cli("run", "m68k", str(src), "--call", "peek"),
                          r"unmapped read of 0x50000000")


def test_an_emulator_crash_is_one_line_and_exit_2(capfd):
    def crash():
        ctypes.string_at(0)      # SIGSEGV in C, as unicorn's SPARC PSR read does
        return 0
    assert run_isolated(crash, "testing a crash") == 2
    err = capfd.readouterr().err.strip().splitlines()
    assert err == ["iplemu: emulator crashed (SIGSEGV) while testing a crash"]


def test_isolation_passes_the_exit_code_through():
    assert run_isolated(lambda: 1, "returning 1") == 1


@pytest.mark.parametrize("args,pattern", [
    (("check", "vax"), r"unknown port 'vax'"),
    (("compare", "i386", "IPL_NONE", "IPL_BOGUS"), r"unknown IPL 'IPL_BOGUS'"),
    (("table", "--ports", "i386", "vax"), r"unknown port 'vax'"),
    (("race", "vax"), r"unknown port 'vax'"),
    (("race", "i386", "--fix", "spllower", "--dispatcher", "nowhere"), r"unknown symbol 'nowhere'"),
    (("check", "i386", "--ipl", "IPL_BOGUS"), r"unknown IPL 'IPL_BOGUS'"),
    (("check", "i386", "--snippet", "missing.S", "--routine", "f=raise"), r"missing\.S: no such file"),
    (("check", "m68k", "--routine", "splraise=raise,argument=blocked"),
     r"argument=blocked \(the sources to block\) needs a mask priority; m68k's is a level"),
    (("run", "m68k", "--call", "splraise", "--argument", "blocked", "--arg", "0"),
     r"--argument blocked .* needs a mask priority"),
    # red team 19 B8: IPL numbers that name two priorities (mvme68k's 1: SOFTNET, BIO)
    (("check", "m68k", "--routine", "splraise=raise,argument=ipl"),
     r"argument=ipl: m68k's IPL_SOFTNET and IPL_BIO are both IPL number 1 .* \(say spl\)"),
    (("run", "pmax", "--call", "_splraise", "--argument", "ipl", "--arg", "0"),
     r"--argument ipl: pmax's IPL_CLOCK and IPL_HIGH are both IPL number 8"),
    # red team 40 C F1: a port word named as the routine ran its bytes as code
    (("check", "i386", "--routine", "cpl=raise"),
     r"kernel_snippets/i386/spl\.S:\d+: 'cpl' names data at 0x[0-9a-f]+, not code"),
    (("check", "powerpc", "--routine", "ipending=lower"), r"'ipending' names data at"),
    (("run", "i386", "--call", "ipending"), r"'ipending' names data at"),
])
def test_every_command_refuses_bad_input_in_one_line(args, pattern):
    assert_one_line_error(run_cli(*args), pattern)


RETURNS = {"i386": "ret", "m68k": "rts", "sparc": "retl\n\tnop", "alpha": "ret $31,($26),1"}


@pytest.mark.parametrize("port", sorted(set(RETURNS) - {"alpha"}))   # alpha's stack is in K1SEG
def test_an_image_over_the_machines_stack_is_one_line(port, tmp_path):
    snippet = tmp_path / "big.S"
    snippet.write_text(f"\t.globl f\nf:\n\t{RETURNS[port]}\n\t.bss\nbig:\t.space 0x100000\n")
    result = run_cli("run", port, str(snippet), "--call", "f")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "over the machine's stack" in result.stderr


LONG = "a" * 300    # longer than a file name may be (NAME_MAX 255): stat(2) says ENAMETOOLONG


@pytest.mark.parametrize("args", [
    ("run", f"{LONG}.yaml", "--call", "splx"),
    ("run", "i386", f"{LONG}.S", "--call", "f"),
    ("check", "i386", "--snippet", f"{LONG}.c", "--routine", "f=raise"),
    ("race", "i386", "--snippet", f"{LONG}.S", "--dispatcher", "d"),
    ("ports", "--port-path", LONG),
])
def test_a_name_too_long_for_the_file_system_is_one_line(args):
    assert_one_line_error(run_cli(*args), rf"{LONG}[^:]*: .*(File name too long|not a directory)")


def test_a_snippet_name_too_long_in_a_port_yaml_is_one_line(tmp_path):
    bad = tmp_path / "i386.yaml"
    bad.write_text((ROOT / "archs" / "i386.yaml").read_text().replace(
        "snippets: [spl.S, intr.S]", f"snippets: [{LONG}.S, intr.S]"))
    assert_one_line_error(run_cli("run", str(bad), "--call", "splx"),
                          r"i386\.yaml:\d+: snippets\[0\]: no such regular file")


@pytest.mark.parametrize("name", ["two\nlines.S", "escape\x1b[2J.S"])
def test_a_file_name_with_a_line_break_or_escape_stays_one_line(tmp_path, name):
    """The user's input quoted in a message is escaped: a line break in a
    name cannot make the one line two, nor an escape clear the terminal."""
    snippet = tmp_path / name
    snippet.write_text("\t.globl f\nf:\tfrobnicate\n")
    assert_one_line_error(run_cli("run", "i386", str(snippet), "--call", "f"),
                          r"(two\\nlines|escape\\x1b\[2J)\.S:2: assembler error")


def test_a_yaml_string_with_a_line_break_stays_one_line(tmp_path):
    bad = tmp_path / "i386.yaml"
    bad.write_text((ROOT / "archs" / "i386.yaml").read_text().replace(
        "triple: i686-linux-gnu\n  as_flags", 'triple: "i686\\nlinux"\n  as_flags'))
    assert_one_line_error(run_cli("run", str(bad), "--call", "splx"), r"i686\\nlinux-as not found")


@pytest.mark.parametrize("port", sorted(RETURNS))
def test_a_bss_that_wraps_the_address_space_is_one_line(port, tmp_path):
    """ld adds a 32-bit port's addresses modulo 2**32: 4 GiB of .bss after
    the port's own data wrapped to a few bytes and ran, exit 0."""
    snippet = tmp_path / "wrap.S"
    snippet.write_text(f"\t.globl f\nf:\n\t{RETURNS[port]}\n\t.bss\n\t.space 0xffffffff\n")
    assert_one_line_error(run_cli("run", port, str(snippet), "--call", "f"),
                          r"wrap\.S: the linked image needs 4,294,967,\d+ bytes of memory")


def test_a_huge_initialised_section_stops_the_assembler_at_its_file_bound(tmp_path):
    """2 GiB of initialised bytes: the assembler wrote them all (a 2 GB
    object in the worker's scratch folder) before the image's size was
    refused; now the tool's file size bound stops it first."""
    snippet = tmp_path / "big.S"
    snippet.write_text("\t.globl f\nf:\n\tret\n\t.data\n\t.space 0x7fffffff\n")
    assert_one_line_error(run_cli("run", "i386", str(snippet), "--call", "f"),
                          r"big\.S: assembler error: .*-as stopped at iplemu's bounds for a tool "
                          r"\(.*256 MiB per file\)")


def test_a_jump_to_unmapped_memory_in_a_race_dispatcher_is_one_line(tmp_path):
    """The trace of a run that jumped to unmapped memory disassembles that
    address: on mips the backend read the word there itself (an internal
    error, UcError)."""
    snippet = tmp_path / "d.S"
    # a kseg2 address (TLB-mapped: a TLB miss); $a0's poison was one while
    # every poison was 0xDEAD....; a poison's bytes are the register's own now
    snippet.write_text("\t.globl d\nd:\tlui $a0, 0xdead\n\tjr $a0\n\tnop\n")
    assert_one_line_error(run_cli("race", "pmax", "--snippet", str(snippet), "--dispatcher", "d",
                                  "--fix", "none"), r"TLB miss on a load or fetch")
    snippet.write_text("\t.globl d\nd:\tmove $a0, $zero\n\tjr $a0\n\tnop\n")
    assert_one_line_error(run_cli("race", "pmax", "--snippet", str(snippet), "--dispatcher", "d",
                                  "--fix", "none"), r"jump to unmapped memory at 0x[0-9a-f]{8}")
    data = tmp_path / "data.S"
    data.write_text("\t.data\n\t.globl g\ng:\t.long 0\n")
    # a data word named as the routine is bad input (red team 40 C F1), not code to run
    assert_one_line_error(run_cli("check", "pmax", "--snippet", str(data), "--routine", "g=raise",
                                  "--ipl", "none", "--ipl", "high"), r"'g' names data at")
    # named by the line that defines it, in assembler and in C (red team 42 B)
    data.write_text("\t.data\n\t.globl g\ng:\t.long 0\n\t.text\n\t.globl f\nf:\tjr $ra\n\tnop\n")
    assert_one_line_error(run_cli("check", "pmax", "--snippet", str(data), "--routine", "g=raise"),
                          r"data\.S:3: 'g' names data at")
    c_data = tmp_path / "data.c"
    c_data.write_text("int g_c = 3;\nint f(int x) { return x + g_c; }\n")
    assert_one_line_error(run_cli("check", "pmax", "--snippet", str(c_data), "--routine", "g_c=raise"),
                          r"data\.c:1: 'g_c' names data at")


@pytest.mark.parametrize("old,new,key", [
    ("stub: Xintr_clock,", "stub: Xnowhere,", r"sources\[0\]\.stub"),
    ("handler: handler_clock,", "handler: nowhere,", r"sources\[0\]\.handler"),
    ("{symbol: spl0,", "{symbol: nospl0,", r"routines\.spl0\.symbol"),
    ("symbol: cpl\n", "symbol: nocpl\n", r"priority\.symbol"),
    ("pending: ipending", "pending: noipending", r"priority\.pending"),
])
def test_a_symbol_the_yaml_names_and_the_snippets_lack_names_the_yaml(tmp_path, old, new, key):
    text = (ROOT / "archs" / "i386.yaml").read_text()
    assert old in text
    bad = tmp_path / "i386.yaml"
    bad.write_text(text.replace(old, new, 1))
    assert_one_line_error(run_cli("run", str(bad), "--call", "splx"),
                          rf"i386\.yaml: {key}: unknown symbol '\w+'")


def test_a_mips_overflow_is_named_as_the_cpu_names_it(tmp_path):
    """QEMU's exception numbers as unicorn reports them (probed): an
    overflowing add is 21 (the table had it one off, as coprocessor
    unusable)."""
    snippet = tmp_path / "x.S"
    snippet.write_text("\t.set noreorder\n\t.globl f\nf:\tlui $t1, 0x7fff\n\tori $t1, $t1, 0xffff\n"
                       "\tli $t2, 1\n\tadd $t0, $t1, $t2\n\tjr $ra\n\tnop\n")
    assert_one_line_error(run_cli("run", "pmax", str(snippet), "--call", "f"),
                          r"arithmetic overflow.*x\.S:6")


# (port, code that jumps to a C function with the stack pointer out of the
# machine's memory): where the ABI puts the return address on the stack
WILD_STACK_CALLS = {
    "i386": "\tmovl\t$0x7ffffff0, %esp\n\tjmp\t{function}\n",
    "amd64": "\tmovq\t$0x7ffffff0, %rsp\n\tjmp\t{function}\n",
    "m68k": "\tmove.l\t#0x7ffffff0, %sp\n\tjmp\t{function}\n",
}


@pytest.mark.parametrize("port,function", [  # m68k declares no C function of its own
    ("i386", "handler_clock"), ("i386", "Xspllower"), ("amd64", "handler_clock"),
    ("amd64", "Xspllower"), ("m68k", "handler_clock")])
def test_a_c_function_entered_with_an_unmapped_stack_is_one_line(port, function, tmp_path):
    """The engine reads a C function's return address off the stack at its
    entry (a handler's, or a port function's): an unmapped stack is a
    guest fault naming the function and the address, in run and check
    alike, not an internal error."""
    snippet = tmp_path / "wild.S"
    snippet.write_text("\t.text\n\t.globl\tf\nf:\n" + WILD_STACK_CALLS[port].format(function=function))
    assert_one_line_error(run_cli("run", port, str(snippet), "--call", "f"),
                          rf"{function} entered with the stack pointer at 0x7ffffff0, where no "
                          rf"return address can be read at 0x[0-9a-f]{{8,16}} \(")
    check = run_cli("check", port, "--snippet", str(snippet), "--routine", "f=lower",
                    "--ipl", "IPL_NONE", "--ipl", "IPL_HIGH")
    assert check.returncode == 1 and "internal error" not in check.stdout + check.stderr
    assert f"fault: {function} entered with the stack pointer" in check.stdout
