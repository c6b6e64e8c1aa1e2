"""The port schema checks ranges, register names (asked of the CPU's
backend), the type of every entry and the YAML itself (no aliases, UTF-8);
every numeric CLI argument is checked against the port.  Each refusal is
one line, ``file:line: key.path: what is wrong``, exit 2, through the CLI."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, run_cli
from test_bad_input import assert_one_line_error

#: (port, old text, new text, expected line) — each edit breaks one rule
EDITS = [
    ("sparc", "level: 5,", "level: 99,", r"sources\[2\]\.level: 99 is out of range.*1\.\.15"),
    ("i386", "spl: 0xe0004423,", "spl: 0x1e0004423,",
     r"ipl\.IPL_\w+\.spl: 8053081123 is out of range: an spl value, which a routine takes in its 32-bit argument"),
    ("i386", "pending: ipending", "pending: cpl", r"priority\.pending: cpl: the pending word must be another"),
    ("m68k", "kind: raise,   source:", "kind: raise, argument: blocked, source:",
     r"routines\.splraise\.argument: blocked \(the sources to block\) needs a mask priority"),
    # red team 19 B8: IPL_SOFTNET and IPL_BIO are both 1 on mvme68k
    ("m68k", "kind: raise,   source:", "kind: raise, argument: ipl, source:",
     r"routines\.splraise\.argument: ipl: m68k's IPL_SOFTNET and IPL_BIO are both IPL number 1"),
    ("sparc", "level: 5,", "level: -3,", r"sources\[2\]\.level: -3 is out of range"),
    ("m68k", "level: 3,", "level: 8,", r"sources\[1\]\.level: 8 is out of range.*1\.\.7"),
    ("alpha", "level: 4,", "level: 0,", r"sources\[1\]\.level: 0 is out of range"),
    # a source pended in software (alpha's ssir) needs the word, and a bit of it
    ("sparc64", "level: 1,  vector: 0x41, soft: true, stub: Xintr_softclock", "level: 1,  bit: 1, vector: 0x41, soft: true, stub: Xintr_softclock",
     r"sources\[0\]\.bit: a source pended in software needs the word it is pended in \(priority\.pending\)"),
    ("alpha", "bit: 2,", "bit: 40,", r"sources\[0\]\.bit: 40 is out of range: a bit of the 32-bit pending word ssir: 0\.\.31"),
    ("i386", "bit: 10,", "bit: 40,", r"sources\[4\]\.bit: 40 is out of range.*0\.\.31"),
    ("i386", "arg_size: 4", "arg_size: -4", r"abi\.arg_size: -4: expected 1, 2, 4 or 8"),
    ("sparc64", "stack_bias: 2047 ", "stack_bias: 4096 ", r"abi\.stack_bias: 4096 is out of range.*0\.\.4095"),
    ("sparc64", "window_save_area: 128 ", "window_save_area: 4097 ",
     r"abi\.window_save_area: 4097 is out of range.*0\.\.4096"),
    ("amd64", "arg_bits: 32 ", "arg_bits: 64 ", r"abi\.arg_bits: 64 is out of range.*1\.\.63"),
    ("amd64", "call_stack_alignment: {bytes: 16,", "call_stack_alignment: {bytes: 12,",
     r"abi\.call_stack_alignment\.bytes: 12: expected a power of two"),
    ("amd64", "call_stack_alignment: {bytes: 16,", "call_stack_alignment: {bytes: 512,",
     r"abi\.call_stack_alignment\.bytes: 512 is out of range.*1\.\.256"),
    ("amd64", "call_stack_alignment: {bytes: 16, source: ", "call_stack_alignment: {bytes: 16, cite: ",
     r"abi\.call_stack_alignment\.cite: unknown key"),
    ("amd64", "call_stack_alignment: {bytes: 16,", "call_stack_alignment: {bytes: x16,",
     r"abi\.call_stack_alignment\.bytes: expected"),
    ("sparc", "spill_area: [0, 64]", "spill_area: [0, 0]", r"interrupt\.spill_area\[1\]: 0 is out of range.*1\.\.4096"),
    ("sparc", "spill_area: [0, 64]", "spill_area: [64]", r"interrupt\.spill_area: expected \[offset, size\]"),
    ("alpha", "result_bits: 32 ", "result_bits: 0 ", r"abi\.result_bits: 0 is out of range.*1\.\.63"),
    ("alpha", "result_upper: sign ", "result_upper: ones ", r"abi\.result_upper: 'ones': the bits above result_bits are 'sign', 'zero' or 'undefined'"),
    ("sparc64", "  result_bits: 32 ", "  x_bits: 32 ", r"abi\.x_bits: unknown key"),
    ("sparc", "bits: [11, 8]", "bits: [99, 8]", r"priority\.bits: 99 is out of range"),
    ("sparc", "psr: 0x00000fe0", "psr: 0x00000fff", r"cpu\.reset\.psr: psr cannot hold 0xfff.*CWP"),
    ("alpha", "ps: 6 ", "ps: 0x100 ", r"cpu\.reset\.ps: ps cannot hold 0x100"),
    ("i386", "eflags: 0x202", "eflags: -1", r"cpu\.reset\.eflags: eflags cannot hold"),
    ("m68k", "sr: 0x2700", "a9: 1", r"cpu\.reset\.a9: m68k has no register 'a9'"),
    ("sparc", "stack_pointer: sp", "stack_pointer: sq", r"abi\.stack_pointer: sparc has no register 'sq'"),
    ("alpha", "return_address: ra", "return_address: rb", r"abi\.return_address: alpha has no register"),
    ("i386", "returns: eax", "returns: rax", r"abi\.returns: x86 has no register 'rax'"),
    ("i386", "preserved: [ebx,", "preserved: [rbx,", r"abi\.preserved\[0\]: x86 has no register 'rbx'"),
    ("m68k", "register: sr", "register: ccr", r"priority\.register: m68k has no register 'ccr'"),
    ("sparc", "family: sparc", "family: vax", r"cpu\.family: no backend for CPU family 'vax'"),
    ("sparc", "returns: o0", "returns: [o0]", r"abi\.returns: expected a non-empty string"),
    ("sparc", "  - {name: disk", "  - 7\n  - {name: disk", r"sources\[2\]: expected a mapping"),
    ("i386", "  IPL_NONE:", "  IPL_NONE: 3\n  IPL_XNONE:", r"ipl\.IPL_NONE: expected a mapping"),
    ("m68k", "  splx:", "  splx: [1]\n  xsplx:", r"routines\.splx: expected a mapping"),
    ("i386", "args: stack", "args: &a stack\n  xx: *a", r"abi\.xx: YAML aliases"),
    ("m68k", "port: m68k", "port: ../m68k", r"port: a port name is lower-case"),
    ("pmax", "invert: 0xff ", "invert: 0x1ff ", r"priority\.invert: 511 is out of range.*0\.\.255"),
    ("pmax", "clobbers: [k0, k1]", "clobbers: [k0, k9]", r"interrupt\.clobbers\[1\]: mips has no register 'k9'"),
    ("i386", "  changes: ", "  changed: ", r"interrupt\.changed: unknown key"),
    ("powerpc", "{register: msr, mask: 0x40000, source:", "{register: msr, mask: 0x60000, source:",
     r"interrupt\.state_changes\[0\]\.mask: 0x60000: bits 0x20000 of msr are not abi\.state bits"),
    ("powerpc", "{register: msr, mask: 0x40000, source:", "{register: mxr, mask: 0x40000, source:",
     r"interrupt\.state_changes\[0\]\.register: powerpc has no register 'mxr'"),
    ("hppa", "{register: psw, mask: 0x00200000, name: N,", "{register: ipsw, mask: 0x00200000, name: N,",
     r"interrupt\.restores\[0\]\.register: ipsw is in interrupt\.clobbers"),
    ("hppa", "{register: psw, mask: 0x00200000, name: N,", "{register: psw, mask: 0, name: N,",
     r"interrupt\.restores\[0\]\.mask: expected a positive bit mask"),
    ("hppa", "{register: psw, mask: 0x00200000, name: N,", "{register: psw, mask: 0x00200000, label: N,",
     r"interrupt\.restores\[0\]\.label: unknown key"),
    # abi.state's caller bits are no interrupt's to give back
    ("hppa", "{register: psw, mask: 0x00200000, name: N,", "{register: psw, mask: 0x00200000, caller: true, name: N,",
     r"interrupt\.restores\[0\]\.caller: unknown key"),
    ("powerpc", "name: \"cr2-cr4\", caller: true,", "name: \"cr2-cr4\", caller: 1,",
     r"abi\.state\[0\]\.caller: expected"),
    ("hppa", "stack_grows: up", "stack_grows: sideways", r"abi\.stack_grows: 'sideways': expected 'down' or 'up'"),
    ("i386", "args: stack", "args: stack\n  stack_grows: up", r"abi\.stack_grows: an upward stack takes arguments"),
    ("i386", "args: stack", "args: stack\n  stack_reserve: 8", r"abi\.stack_reserve: a reserve beyond the caller's stack pointer needs the return address in a register"),
    ("powerpc", "stack_reserve_defined: [0]", "stack_reserve_defined: [6]", r"abi\.stack_reserve_defined\[0\]: 6: expected the offset of a word inside the 8-byte stack_reserve"),
    ("powerpc", "stack_reserve_defined: [0]", "stack_reserve_defined: [8]", r"abi\.stack_reserve_defined\[0\]: 8: expected the offset of a word"),
    ("powerpc", "stack_reserve_defined: [0]", "stack_reserve_defined: [-4]", r"abi\.stack_reserve_defined\[0\]: expected a byte offset, got -4"),
    ("powerpc", "{offset: 0, name:", "{offset: 2, name:", r"abi\.stack_reserve_kept\[0\]\.offset: 2: expected the offset of a word inside the 8-byte stack_reserve"),
    ("powerpc", "{offset: 0, name:", "{offset: 8, name:", r"abi\.stack_reserve_kept\[0\]\.offset: 8: expected the offset of a word"),
    ("powerpc", "{offset: 0, name:", "{offset: -4, name:", r"abi\.stack_reserve_kept\[0\]\.offset: expected a byte offset, got -4"),
    ("powerpc", "{offset: 0, name: \"the back chain\", ", "{offset: 0, ", r"abi\.stack_reserve_kept\[0\]\.name: missing required key"),
    ("powerpc", "{offset: 0, name:", "{offset: 0, word:", r"abi\.stack_reserve_kept\[0\]\.word: unknown key"),
    ("alpha", "kernel_text: 0xfffffc0000230000   # NetBSD/alpha's link address, in K0SEG\n  run_at_kernel_text: true", "run_at_kernel_text: true   # without kernel_text", r"assembler\.run_at_kernel_text: needs kernel_text"),
    ("alpha", "run_at_kernel_text: true", "run_at_kernel_text: 1", r"assembler\.run_at_kernel_text: expected"),
    ("powerpc", "back_chain: {offset: 0,", "back_chain: {offset: 4,", r"abi\.back_chain\.offset: 4: the back chain is a word of the reserve that stack_reserve_defined and stack_reserve_kept both name"),
    ("powerpc", "frame: 16, return_address: 4,", "frame: 16, return_address: 16,", r"abi\.back_chain\.return_address: 16: expected a word inside the 16-byte frame"),
    ("powerpc", "frames: 3,", "frames: 0,", r"abi\.back_chain\.frames: 0 is out of range"),
    # abi.frame_pointer: a preserved register, its link a word of the save
    # area; a call state's older_windows within its frames
    ("sparc64", "frame_pointer: {register: i6,", "frame_pointer: {register: o6,",
     r"abi\.frame_pointer\.register: o6: expected a register of abi\.preserved"),
    ("sparc64", "link: 0x70, frames: 2,", "link: 0x80, frames: 2,",
     r"abi\.frame_pointer\.link: 128: expected a word of the 128-byte window save area"),
    ("sparc64", "link: 0x70, frames: 2,", "link: 0x74, frames: 2,",   # half a 64-bit register
     r"abi\.frame_pointer\.link: 116: expected a word of the 128-byte window save area"),
    ("sparc64", "link: 0x70, frames: 2,", "link: 0x70, frames: 9,",
     r"abi\.frame_pointer\.frames: 9 is out of range"),
    ("sparc", "older_windows: 2", "older_windows: 7",
     r"abi\.call_states\[2\]\.older_windows: 7: more windows than abi\.frame_pointer's 6 frames"),
    ("powerpc", "frames: 3,", "frames: 3, depth: 2,", r"abi\.back_chain\.depth: unknown key"),
    ("hppa", "eiem: 0xfc0000e0", "eiem: 0x1fc0000e0", r"cpu\.reset\.eiem: eiem cannot hold"),
    ("i386", "bit: 1,", "bit: 0,", r"sources\[1\]\.bit: bit 0: source 'clock' has it already"),
    ("pmax", "bit: 5,", "bit: 6,", r"sources\[1\]\.bit: bit 6: source .* has it already"),
    ("i386", '"eflags:0x8d5"', '"eflags:"', r"abi\.scratch\[3\]: expected REGISTER or REGISTER:MASK"),
    ("amd64", '"rflags:0x8d5"', '"rflags:0"', r"abi\.scratch\[\d+\]: expected REGISTER or REGISTER:MASK"),
    ("i386", "spl: 0x80000000", "spl: !!int 'zz'", r"YAML error: 'zz' is not a valid int"),
    ("m68k", "level: 3,", "level: !!bool maybe,", r"YAML error: 'maybe' is not a valid bool"),
    ("sparc", "level: 5,", "level: !!int '',", r"YAML error: '' is not a valid int"),
    ("alpha", "level: 4,", "level: !!timestamp someday,", r"YAML error: 'someday' is not a valid timestamp"),
    ("m68k", "return_address: stack", 'return_address: ""', r"abi\.return_address: expected a non-empty string, got ''"),
    ("sparc", "return_address: o7", "return_address: ''", r"abi\.return_address: expected a non-empty string"),
    ("alpha", "callee_address: {register: pv,", "callee_address: {register: '',", r"abi\.callee_address\.register: expected a non-empty string"),
    ("alpha", "callee_address: {register: pv, source:", "callee_address: {register: pv, src:", r"abi\.callee_address\.src: unknown key"),
    ("i386", "mask: 0x400, value: 0, name: DF", "mask: 0x400, value: 0x800, name: DF", r"abi\.entry_state\[0\]\.value: 0x800: expected bits of the mask 0x400"),
    ("i386", "value: 0, name: DF, source:", "value: 0, source:", r"abi\.entry_state\[0\]\.name: missing required key"),
    ("powerpc", "mask: 0x4000, value: 0, name: PR", "mask: 0, value: 0, name: PR", r"abi\.entry_state\[1\]\.mask: expected a positive bit mask"),
    ("sparc", "{register: psr, mask: 0x20, value: 0x20", "{register: pssr, mask: 0x20, value: 0x20", r"abi\.entry_state\[0\]\.register: .*pssr"),
    ("sh3", "mask: 0x10000000, value: 0, name: BL", "mask: 0x10000000, value: 0x10000000, name: BL", r"abi\.entry_state\[0\]\.value: 0x10000000: cpu\.reset gives sr&0x10000000 \(BL\) 0x0"),
    ("m68k", "register: sr", 'register: ""', r"priority\.register: expected a non-empty string"),
    ("hppa", "symbol: cpl", "symbol: ''", r"priority\.symbol: expected a non-empty string"),
    ("arm32", "snippets: [spl.S, intr.S]", "snippets: [spl.S, ' ']", r"snippets\[1\]: expected a non-empty string"),
    ("hppa", "level: 31,", "level: -1,", r"sources\[0\]\.level: -1 is out of range: an interrupt line 0\.\.63"),
    # abi.interrupt_enable: bits of abi.state apart from the priority, on in cpu.reset
    ("i386", "mask: 0x200, disabled: 0, name: IF", "mask: 0x200, disabled: 0x200, name: IF",
     r"abi\.interrupt_enable\.disabled: 0x200: cpu\.reset must set eflags&0x200 \(IF\) to another value"),
    ("sparc64", "mask: 0x2, disabled: 0, name: IE", "mask: 0x2000, disabled: 0, name: IE",
     r"abi\.interrupt_enable\.mask: 0x2000: bits 0x2000 of pstate are not abi\.state bits"),
    ("powerpc", "mask: 0x8000, disabled: 0, name: EE", "mask: 0x8000, disabled: 0x10000, name: EE",
     r"abi\.interrupt_enable\.disabled: 0x10000: expected bits of the mask 0x8000"),
    ("arm32", "interrupt_enable: {register: cpsr,", "interrupt_enable: {register: cpsrr,",
     r"abi\.interrupt_enable\.register: .*cpsrr"),
    ("m68k", "\n  state:", "\n  interrupt_enable: {register: sr, mask: 0x700, disabled: 0x700, name: IPL, "
     "source: none}\n  state:", r"abi\.interrupt_enable\.mask: 0x700: overlaps the priority field"),
    # abi.call_states: abi.state bits apart from the priority, some other than cpu.reset's
    ("sparc", "{register: psr, mask: 0x40, value: 0x0}", "{register: psr, mask: 0x40, value: 0x40}",
     r"abi\.call_states\[1\]\.bits: every bit as cpu\.reset has it: that is the usual start"),
    ("sparc", "{register: psr, mask: 0x40, value: 0x0}", "{register: psr, mask: 0x100, value: 0x0}",
     r"abi\.call_states\[1\]\.bits\[0\]\.mask: 0x100: overlaps the priority field"),
    ("pmax", "{register: status, mask: 0x1, value: 0x0}", "{register: status, mask: 0x80, value: 0x0}",
     r"abi\.call_states\[0\]\.bits\[0\]\.mask: 0x80: bits 0x80 of status are not abi\.state bits"),
    ("pmax", "{register: status, mask: 0x1, value: 0x0}", "{register: status, mask: 0x1, value: 0x2}",
     r"abi\.call_states\[0\]\.bits\[0\]\.value: 0x2: expected bits of the mask 0x1"),
    ("i386", "bits: [31, 0]", "bits: [63, 0]", r"priority\.bits: 63 is out of range: bit numbers of "
                                               r"the 32-bit word cpl 0\.\.31"),
]


@pytest.mark.parametrize("port,old,new,pattern", EDITS)
def test_schema_refuses_in_one_line(port, old, new, pattern, tmp_path):
    text = (ROOT / "archs" / f"{port}.yaml").read_text()
    assert old in text
    bad = tmp_path / f"{port}.yaml"
    bad.write_text(text.replace(old, new, 1))
    result = run_cli("run", str(bad), "--call", "splx")
    assert_one_line_error(result, rf"{port}\.yaml:\d+: " + pattern)
    # the line named is the line of the edit
    line = int(re.search(rf"{port}\.yaml:(\d+):", result.stderr)[1])
    edited = [i for i, l in enumerate(bad.read_text().splitlines(), 1)
              if l.strip() and l not in text.splitlines()]
    assert line in edited or not edited, (line, edited)


@pytest.mark.parametrize("port", ["alpha", "i386", "m68k", "sparc"])
def test_an_empty_snippet_list_is_refused(port, tmp_path):
    text = (ROOT / "archs" / f"{port}.yaml").read_text()
    bad = tmp_path / f"{port}.yaml"
    bad.write_text(text[:text.index("\nsnippets:")] + "\nsnippets: []\n")
    assert_one_line_error(run_cli("run", str(bad), "--call", "splx"),
                          rf"{port}\.yaml:\d+: snippets: at least one snippet")


def test_an_alias_bomb_is_refused_at_once(tmp_path):
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("a: &a [x, x, x, x, x, x, x, x, x]\n"
                    + "".join(f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n"
                              for p, c in zip("abcdefgh", "bcdefghi")))
    assert_one_line_error(run_cli("run", str(bomb), "--call", "splx"),
                          r"bomb\.yaml:2: b\[0\]: YAML aliases")


def test_a_recursive_alias_is_refused(tmp_path):
    loop = tmp_path / "loop.yaml"
    loop.write_text("port: i386\nloop: &l [1, *l]\n")
    assert_one_line_error(run_cli("run", str(loop), "--call", "splx"), r"loop\.yaml:2: loop\[1\]: YAML aliases")


def test_non_utf8_text_names_the_line(tmp_path):
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes(b"port: i386\ndescription: caf\xe9\n")
    assert_one_line_error(run_cli("run", str(bad), "--call", "splx"), r"latin1\.yaml:2: not UTF-8 text")


def test_a_python_tag_is_refused(tmp_path):
    bad = tmp_path / "tag.yaml"
    bad.write_text("port: !!python/object/apply:os.system [echo hi]\n")
    assert_one_line_error(run_cli("run", str(bad), "--call", "splx"), r"tag\.yaml:1: port: YAML tag .*python/object/apply:os\.system.* not allowed")


def test_a_yaml_that_is_not_a_file(tmp_path):
    (tmp_path / "dir.yaml").mkdir()
    assert_one_line_error(run_cli("run", str(tmp_path / "dir.yaml"), "--call", "splx"),
                          r"dir\.yaml: not a regular file")


#: (port, CLI arguments, expected line) — every numeric argument against the port
ARGUMENTS = [
    ("sparc", ["--ipl", "16"], r"--ipl 16: a sparc priority is level psr\[11:8\], from 0 to 15"),
    ("m68k", ["--ipl", "8"], r"--ipl 8: .* from 0 to 7"),
    ("alpha", ["--ipl", "-1"], r"--ipl -1: .* from 0 to 7"),
    ("i386", ["--ipl", "0x100000000"], r"--ipl 0x100000000: .* from 0 to 4294967295"),
    ("i386", ["--arg", "0x100000000"], r"--arg 0x100000000: does not fit the i386 argument word"),
    ("m68k", ["--arg=-0x80000001"], r"--arg -0x80000001: does not fit"),
    ("sparc", ["--arg=--"], r"unknown IPL '--'"),
    ("alpha", ["--ipl=--"], r"unknown IPL '--'"),
    ("m68k", ["--ipl", "0x"], r"--ipl 0x: neither an IPL name nor a number"),
    ("i386", ["--inject", "clock@-1"], r"SOURCE@STEP"),
    ("m68k", ["--inject", "clock@999999999999"], r"STEP from 0 to 100000000"),
    ("sparc", ["--max-steps", "0"], r"--max-steps: expected a number from 1"),
    ("alpha", ["--max-steps", "1000000000000"], r"--max-steps: expected a number from 1"),
    ("sparc", ["--latency", "7"], r"write latency 7 not possible"),
    ("i386", ["--latency", "-1"], r"write latency -1 not possible"),
]


@pytest.mark.parametrize("port,args,pattern", ARGUMENTS)
def test_numeric_arguments_are_checked_against_the_port(port, args, pattern):
    assert_one_line_error(run_cli("run", port, "--call", "splx", *args), pattern)


@pytest.mark.parametrize("args,pattern", [
    (["check", "sparc", "--depth", "3"], r"--depth: invalid choice"),
    (["check", "alpha", "--max-steps", "-5"], r"--max-steps"),
    (["check", "m68k", "--ipl", "--"], r"--ipl: expected one argument"),
    (["check", "m68k", "--ipl=--"], r"unknown IPL '--'"),
])
def test_check_arguments_are_checked(args, pattern):
    assert_one_line_error(run_cli(*args), pattern)
