"""C snippets (emu/compiler.py): port.h, compiler errors, the cache, one
object per C file, the alpha call's pv, C lines in traces."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, port_model, run_cli
from emu import compiler
from emu.assembler import build_image, port_constants
from emu.machine import Machine
from emu.model import available_ports


@pytest.mark.parametrize("name", available_ports())
def test_port_h_gives_the_constants_of_port_inc(name):
    port = port_model(name)
    equ = dict(re.findall(r"\.equ(?:iv)? (\w+), (-?\d+)", port_constants(port)))
    define = dict(re.findall(r"#define (\w+) (\S+)", compiler.port_header(port)))
    assert equ and {k: int(v) for k, v in equ.items()} == \
        {k: int(define[k], 0) for k in equ}


@pytest.mark.parametrize("name", available_ports())
def test_port_h_compiles_with_every_declaration(name, tmp_path):
    """Every declaration port.h makes names a symbol the image defines."""
    port = port_model(name)
    declared = re.findall(r"(\w+)(?:\(|\[\]|;)", "\n".join(
        l for l in compiler.port_header(port).splitlines() if not l.startswith(("#", "/*"))))
    uses = "\n".join(f"\t(void)&{symbol};" for symbol in declared)
    source = tmp_path / "uses.c"
    source.write_text(f'#include "port.h"\nvoid uses_all(void)\n{{\n{uses}\n}}\n')
    image = build_image(port, source)
    for symbol in declared:
        image.symbol(symbol)


def test_compiler_error_is_one_line_with_file_and_line(tmp_path):
    source = tmp_path / "bad.c"
    source.write_text('#include "port.h"\nint f(int s)\n{\n\treturn s +;\n}\n')
    result = run_cli("check", "m68k", "--snippet", str(source), "--routine", "f=raise")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"iplemu: {source}:4: compiler error: expected expression")


def test_a_compiler_that_would_eat_the_machine_stops_at_its_bounds(tmp_path):
    """#include "/dev/zero" grows cc1 without end: it stops at the tools'
    memory bound within seconds, one line, and leaves no process behind
    (before the bound, cc1 outlived the driver the time limit killed and
    went on to the host's OOM killer)."""
    import subprocess
    source = tmp_path / "zeros.c"
    source.write_text('#include "/dev/zero"\nint f(void) { return 0; }\n')
    result = run_cli("run", "i386", str(source), "--call", "f", "--timeout", "100")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"iplemu: {source}: compiler error: ")
    assert "stopped at iplemu's bounds for a tool (4096 MiB of memory, 60 s of CPU, 256 MiB per file)" in result.stderr
    left = subprocess.run(["pgrep", "-f", str(source)], capture_output=True, text=True).stdout
    assert left == "", left


@pytest.mark.parametrize("wrappers", [True, False], ids=["setpriv+prlimit", "preexec_fn"])
def test_tools_run_within_their_bounds(wrappers, monkeypatch):
    import shutil
    from emu import isolation
    if not wrappers:     # a system without util-linux's setpriv and prlimit
        which = shutil.which
        monkeypatch.setattr(isolation.shutil, "which",
                            lambda name: None if name in ("setpriv", "prlimit") else which(name))
    shown = isolation.run_tool(["sh", "-c", "ulimit -v; ulimit -t; ulimit -f"]).stdout.split()
    # dash's ulimit: -v in KiB, -f in 512-byte blocks
    assert shown == [str(isolation.TOOL_MEMORY >> 10), str(isolation.TOOL_CPU_SECONDS),
                     str(isolation.TOOL_FILE_SIZE >> 9)]


def test_a_port_without_compiler_refuses_c_in_one_line(tmp_path):
    yaml = tmp_path / "i386.yaml"
    text = (ROOT / "archs" / "i386.yaml").read_text()
    yaml.write_text(re.sub(r"\ncompiler:\n(  .*\n)+", "\n", text))
    source = tmp_path / "f.c"
    source.write_text("int f(int s) { return s; }\n")
    result = run_cli("run", str(yaml), str(source), "--call", "f", "--arg", "0")
    assert result.returncode == 2
    assert result.stderr == f"iplemu: {source}: i386 has no C compiler (no compiler section in i386.yaml)\n"


def test_a_compiled_image_is_cached_and_rebuilt_when_a_header_changes(tmp_path, monkeypatch):
    (tmp_path / "level.h").write_text("#define LEVEL 3\n")
    source = tmp_path / "f.c"
    source.write_text('#include "level.h"\nint f(int s) { return s + LEVEL; }\n')
    port = port_model("i386")
    first = build_image(port, source)
    calls = []
    real = compiler.compile_c
    monkeypatch.setattr(compiler, "compile_c", lambda *a: calls.append(a) or real(*a))
    assert build_image(port, source).segments == first.segments and calls == []
    (tmp_path / "level.h").write_text("#define LEVEL 4\n")
    machine = Machine(port, build_image(port, source))
    assert len(calls) == 1
    assert machine.call("f", [1]).returned == 5


def test_two_alpha_c_files_link_without_clashing(tmp_path):
    """Each calls spl0 through the GOT: both have !gpdisp!1 and $L labels
    of the same numbers, in objects of their own."""
    files = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.c"
        path.write_text(f'#include "port.h"\nvoid to_zero_{name}(int s)\n{{\n'
                        f'\tif (s == 0)\n\t\tspl0();\n}}\n')
        files.append(path)
    port = port_model("alpha")
    machine = Machine(port, build_image(port, files))
    for name in ("a", "b"):
        result = machine.call(f"to_zero_{name}", [0], priority=4)
        assert result.priority_after == 0


def test_alpha_call_loads_pv_and_the_gcc_prologue_runs():
    result = run_cli("run", "alpha", "examples/alpha/spl.c", "--call", "c_splx", "--arg", "0",
                     "--ipl", "IPL_BIO", "--trace")
    assert result.returncode == 0, result.stderr
    steps = [l for l in result.stdout.splitlines() if re.match(r"\s+\d+\s+0x", l)]
    assert "ldah gp,1(t12)" in steps[0] and " spl.c:" in steps[0]
    assert any("spl.S:" in l for l in steps)             # the port's spl0, called through the GOT
    assert "-> 0 IPL_NONE" in result.stdout


def test_trace_names_the_c_line_of_instructions_without_a_row_of_their_own():
    """GCC writes no line-table row for some instructions; they take the
    line of the row before them."""
    result = run_cli("run", "i386", "examples/i386/spllower_no_replay.c", "--call", "c_spllower",
                     "--arg", "0", "--ipl", "IPL_SOFTCLOCK", "--trace")
    steps = [l for l in result.stdout.splitlines() if re.match(r"\s+\d+\s+0x", l)]
    assert steps and all("spllower_no_replay.c:" in l for l in steps)


def test_race_takes_a_c_dispatcher(tmp_path):
    """The 2003 dispatcher of kernel_snippets/RACE.md, in C (PENDING 0x2,
    FIRED 0x4): its window fails it."""
    source = tmp_path / "dispatch.c"
    source.write_text('#include "port.h"\nextern volatile int callout_flags;\nvoid tcp_timer(void);\n'
                      "int my_dispatch(void)\n{\n\tint s = splraise(SPL_HIGH);\n\n"
                      "\tif (callout_flags & 2) {\n\t\tcallout_flags = (callout_flags & ~2) | 4;\n"
                      "\t\tsplx(s);\n\t\ttcp_timer();\n\t\ts = splraise(SPL_HIGH);\n\t}\n"
                      "\tsplx(s);\n\treturn 0;\n}\n")
    result = run_cli("race", "i386", "--fix", "none", "--snippet", str(source),
                     "--dispatcher", "my_dispatch")
    assert result.returncode == 1, result.stderr
    assert "(my_dispatch): WINDOW" in result.stdout and "dispatch.c:" in result.stdout


def test_a_symbol_defined_by_the_port_too_is_one_line(tmp_path):
    """The port's routines and stubs are weak (a snippet replaces them);
    its other symbols are not."""
    source = tmp_path / "twice.c"
    source.write_text('#include "port.h"\nint count_clock = 1;\n')
    result = run_cli("check", "m68k", "--snippet", str(source), "--routine", "splraise")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert re.match(rf"iplemu: {re.escape(str(source))}:\d+: symbol 'count_clock' is defined twice "
                    rf"\(also in ", result.stderr), result.stderr
    assert "(also in kernel_snippets/m68k/intr.S)" in result.stderr


@pytest.mark.parametrize("name", [p for p in available_ports() if port_model(p).compiler])
def test_a_c_clock_handler_is_called_as_its_calling_standard_says(name):
    """The port's interrupt stub calls a compiled handler as any C caller
    would (alpha: pv holds the handler's address, its ldgp reads it)."""
    result = run_cli("check", name, "--snippet", str(ROOT / "tests/data/c_clock_handler.c"),
                     "--routine", "spllower", "--ipl", "none", "--ipl", "softclock")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "every property holds" in result.stdout


@pytest.mark.parametrize("port,line", [("i386", ":4"), ("m68k", "")])
def test_an_asm_statement_the_assembler_refuses_is_one_line(tmp_path, port, line):
    """The assembler's ``Error:`` (red team 28 C F2: only GCC's lower-case
    ``error:`` was found, and the line said "Assembler messages:"): the
    user's file, its line where GCC's output names it, the message."""
    source = tmp_path / "asm.c"
    source.write_text('#include "port.h"\nint f(int s)\n{\n\t__asm volatile("frobnicate");\n'
                      '\treturn s;\n}\n')
    result = run_cli("check", port, "--snippet", str(source), "--routine", "f=raise")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"iplemu: {source}{line}: assembler error (an asm statement): ")
    assert "frobnicate" in result.stderr


def test_an_inlined_function_s_instruction_has_its_own_line(tmp_path):
    """GCC writes several line rows at the address where an inlined
    function's statements start; the last names the instruction, as
    addr2line says (red team 28 C F3: the first was taken, the caller's)."""
    source = tmp_path / "inline.c"
    source.write_text('#include "port.h"\n'
                      'static inline void disable(void)\n{\n\t__asm volatile("cli" ::: "memory");\n}\n'
                      'int f(int s)\n{\n\tint old = cpl;\n\tdisable();\n\tcpl = s;\n\treturn old;\n}\n')
    image = build_image(port_model("i386"), source)
    machine = Machine(port_model("i386"), image)
    address = image.symbol("f")
    while machine.backend.disassemble(address)[1] != "cli":
        address += machine.backend.disassemble(address)[0]
    assert image.line_of(address).endswith("inline.c:4"), image.line_of(address)
