"""Traces people can read: the port's own assembly syntax (AT&T on x86,
checked against objdump), symbols for addresses in operands, one where
column (file:line, else symbol+offset), whole priority names, 100
columns, --regs, a faulting run's trace, what is pending at return, and
every command's JSON against its schema."""

from __future__ import annotations

import json
import re
import subprocess
from functools import lru_cache

import pytest

from emu.jsonout import SCHEMA_VERSION, version
from emu.runreport import priority_cell

from conftest import DATA, machine_for, port_model, run_cli, valid_json

SHIPPED = ["i386", "m68k", "sparc", "alpha", "amd64", "powerpc", "arm32", "pmax", "sh3"]
ROW = re.compile(r"^ {0,4}\d+  (0x(?:[0-9a-f]{8}){1,2})  ")      # a step's row, not an event or register line


@lru_cache(maxsize=None)
def clock_run(port: str, *extra: str):
    """spllower from the highest IPL with the clock requesting from the start
    (each run once: several tests read it)."""
    symbol = port_model(port).routines["spllower"].symbol
    return run_cli("run", port, "--call", symbol, "--arg", "IPL_NONE", "--ipl", "IPL_HIGH",
                   "--inject", "clock@0", "--trace", *extra)


@pytest.fixture(scope="module", params=SHIPPED)
def traced(request):
    port = request.param
    text, data = clock_run(port), clock_run(port, "--format", "json")
    assert text.returncode == 0 and data.returncode == 0, text.stderr + data.stderr
    return port, text.stdout, valid_json(data.stdout, "run")


def test_trace_rows_fit_100_columns_and_name_every_priority_whole(traced):
    port, text, data = traced
    lines = text.splitlines()
    # the address column is 10 wide, 18 where the image is in a 64-bit kernel half (amd64, alpha)
    wider = max((len(match[1]) for match in map(ROW.match, lines) if match), default=10) - 10
    assert all(len(line) <= 100 + wider for line in lines), max(lines, key=len)
    rows = [line for line in lines if ROW.match(line)]
    assert len(rows) == len(data["trace"])
    model = port_model(port)
    for row, step in zip(rows, data["trace"]):
        assert f"  {priority_cell(model, step['ipl']['value'])}" in row     # never cut


def test_where_is_file_line_else_symbol_and_json_keeps_them_apart(traced):
    port, text, data = traced
    rows = [line for line in text.splitlines() if ROW.match(line)]
    for row, step in zip(rows, data["trace"]):
        if step["line"] is not None:
            assert re.fullmatch(r".+\.S:\d+", step["line"])
            assert row.endswith("  " + step["line"].rsplit("/", 1)[-1])
        else:
            assert row.endswith("  " + step["symbol"])
    assert any(s["line"] is None for s in data["trace"]), "no macro-expanded step to fall back on"


def test_operands_name_symbols_on_every_port(traced):
    """Every address of the image the backend prints (a branch or call
    target, an absolute operand) is named by its symbol; none is left as a
    number."""
    port, _, data = traced
    machine = machine_for(port)
    backend, image = machine.backend, machine.image
    for step in data["trace"]:
        for match in backend.address_literal.finditer(backend.disassemble(step["address"])[1]):
            symbol = image.symbol_of(int(match["hex"], 16))
            if symbol is not None:
                assert re.search(rf"\b{re.escape(symbol)}\b", step["insn"]), (symbol, step)
    for step in data["trace"]:
        literals = machine.backend.address_literal.finditer(step["insn"])
        assert all(machine.image.symbol_of(int(m["hex"], 16)) is None for m in literals), step


@pytest.mark.parametrize("port,call,expected", [
    ("i386", None, ["movl cpl, %eax", "calll Xspllower", "jne spllower+0x1a"]),
    ("m68k", None, ["jsr handler_clock", "move.l count_clock, d0"]),
    ("amd64", None, ["# cpl"]),
    ("sparc", None, ["call handler_clock"]),
    ("pmax", None, ["jal handler_clock"]),
    ("sh3", ("_cpu_intr_raise", "IPL_NET"), ["bt _cpu_intr_raise+0x16"]),
])
def test_named_operands(port, call, expected):
    """``call``: (routine, argument) run traced instead of the clock run."""
    result = (run_cli("run", port, "--call", call[0], "--arg", call[1], "--trace", "--format", "json")
              if call else clock_run(port, "--format", "json"))
    texts = "\n".join(s["insn"] for s in valid_json(result.stdout, "run")["trace"])
    for text in expected:
        assert text in texts, texts


def _objdump_texts(port: str, folder) -> dict[int, str]:
    """address -> objdump -d's text of the image's first segment."""
    machine = machine_for(port)
    model = port_model(port)
    base, body = machine.image.segments[0]
    arch = {"i386": "i386", "amd64": "i386:x86-64"}[port]
    raw = folder / "image.bin"
    raw.write_bytes(body)
    out = subprocess.run([f"{model.assembler_triple}-objdump", "-D", "-b", "binary", "-m", arch,
                          f"--adjust-vma={base:#x}", str(raw)],
                         capture_output=True, check=True, text=True).stdout
    found = {}
    for line in out.splitlines():
        match = re.match(r"^\s*([0-9a-f]+):\t(?:[0-9a-f]{2} )+\s*\t([^#]*)", line)
        if match:
            found[int(match[1], 16)] = match[2].strip()
    return found


def _same_att(ours: str, objdump: str) -> bool:
    """Equal up to spacing, the size suffix objdump leaves out when an
    operand implies it, and how a number is written (4 or 0x4)."""
    number = lambda m: str(int(m[0], 0))
    mine, theirs = ours.split(None, 1) + [""], objdump.split(None, 1) + [""]
    if not (mine[0] == theirs[0] or mine[0][:-1] == theirs[0] and mine[0][-1] in "bwlq"):
        return False
    operands = [re.sub(r"-?(0x[0-9a-f]+|\d+)", number, o.replace(" ", "")) for o in (mine[1], theirs[1])]
    return operands[0] == operands[1]


@pytest.mark.parametrize("port", ["i386", "amd64"])
def test_x86_traces_are_att_like_objdump(port, tmp_path):
    machine = machine_for(port)
    assert port_model(port).syntax == "att"
    objdump = _objdump_texts(port, tmp_path)
    addresses = sorted(machine.image.lines)
    assert len(addresses) > 20
    for address in addresses:
        ours = machine.backend.disassemble(address)[1]
        assert _same_att(ours, objdump[address]), (hex(address), ours, objdump[address])


def test_regs_show_what_each_step_changed():
    text = run_cli("run", "i386", "--call", "splraise", "--arg", "IPL_NET", "--regs")   # --trace implied
    data = valid_json(run_cli("run", "i386", "--call", "splraise", "--arg", "IPL_NET", "--trace",
                              "--regs", "--format", "json").stdout, "run")
    lines = text.stdout.splitlines()
    first = next(i for i, line in enumerate(lines) if "movl cpl, %eax" in line)
    assert re.fullmatch(r" {7}eax=0x00000000", lines[first + 1])
    step = next(s for s in data["trace"] if s["insn"] == "movl cpl, %eax")
    assert step["registers"] == {"eax": 0}
    assert all("registers" in s for s in data["trace"])
    plain = valid_json(run_cli("run", "i386", "--call", "splraise", "--arg", "IPL_NET",
                               "--trace", "--format", "json").stdout, "run")
    assert all("registers" not in s for s in plain["trace"])


def test_regs_name_the_interrupt_entry_and_the_ports_registers():
    result = run_cli("run", "m68k", "--call", "spllower", "--arg", "0x2000", "--ipl", "IPL_HIGH",
                     "--inject", "clock@0", "--trace", "--regs", "--format", "json")
    data = valid_json(result.stdout, "run")
    [taken] = [e for e in data["events"] if e["kind"] == "taken"]
    assert {"a7", "sr"} <= set(taken["registers"])          # the CPU's own entry: stack and SR
    assert {name for s in data["trace"] for name in s["registers"]} <= \
        {*(f"d{i}" for i in range(8)), *(f"a{i}" for i in range(8)), "sr"}


def test_a_faulting_run_prints_its_trace_then_one_line(tmp_path):
    snippet = tmp_path / "fault.S"
    snippet.write_text("\t.globl f\nf:\tmovl $1, %eax\n\tmovl 0x500000, %eax\n\tret\n")
    result = run_cli("run", "i386", str(snippet), "--call", "f", "--trace")
    assert result.returncode == 2
    rows = [line for line in result.stdout.splitlines() if ROW.match(line)]
    assert [r.split()[2] for r in rows] == ["movl", "movl"] and rows[-1].endswith("fault.S:3")
    assert "summary" not in result.stdout
    assert result.stderr.count("\n") == 1 and "unmapped read of 0x00500000 at 0x" in result.stderr
    data = valid_json(run_cli("run", "i386", str(snippet), "--call", "f", "--trace",
                              "--format", "json").stdout, "run")
    assert data["fault"].startswith("unmapped read") and len(data["trace"]) == 2


def test_check_counter_example_ends_like_a_faulting_run():
    snippet = str(DATA / "broken" / "i386" / "contract.S")
    result = run_cli("check", "i386", "--snippet", snippet, "--routine", "splx_derefs=restore,void",
                     "--regs")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    trace = lines.index("    trace:")
    fault = next(i for i, line in enumerate(lines) if line.startswith("    fault: unmapped read"))
    assert ROW.match(lines[fault - 1][4:]) and "movl (%edx), %edx" in lines[fault - 1]
    assert any("edx=0x" in line for line in lines[trace:fault])       # --regs in the counter-example
    assert all(len(line) <= 100 for line in lines[trace:fault + 1])


def test_summary_says_what_is_pending_at_return():
    pended = run_cli("run", "i386", "--call", "splx", "--arg", "IPL_NET", "--ipl", "IPL_HIGH",
                     "--inject", "softnet@0")
    assert "pending at return: softnet (pended)" in pended.stdout
    requesting = run_cli("run", "m68k", "--call", "splx", "--arg", "0x2700", "--ipl", "IPL_HIGH",
                         "--inject", "clock@0", "--format", "json")
    assert valid_json(requesting.stdout, "run")["pending_after"] == {"pended": [],
                                                                     "requesting": ["clock"]}
    served = run_cli("run", "i386", "--call", "spllower", "--arg", "IPL_NONE", "--ipl", "IPL_HIGH",
                     "--inject", "softnet@0")
    assert "pending at return: none" in served.stdout


def test_a_take_before_a_priority_write_landed_says_so():
    """sparc: softclock requested in the WRPSR's delay (V8 B.29) is taken
    at the PIL still in effect; the take line must not read as level 1
    taken at PIL 15 (red team 20 B F9)."""
    result = run_cli("run", "sparc", "--call", "splhigh", "--ipl", "IPL_NONE",
                     "--inject", "softclock@7", "--trace")
    assert result.returncode == 0, result.stderr
    taken = next(line for line in result.stdout.splitlines() if "TAKEN" in line)
    assert "before a priority write landed" in taken and "written value" in taken, taken


def test_every_command_prints_one_versioned_object():
    docs = [valid_json(run_cli("ports", "--format", "json").stdout, "ports"),
            valid_json(run_cli("compare", "m68k", "IPL_NET", "IPL_BIO", "--format", "json").stdout,
                       "compare")]
    for doc in docs:
        assert doc["iplemu"] == version() and doc["schema"] == SCHEMA_VERSION
    assert {p["port"] for p in docs[0]["ports"]} >= set(SHIPPED)


def test_the_schemas_refuse_a_symbol_as_line():
    from jsonschema import ValidationError
    data = valid_json(clock_run("m68k", "--format", "json").stdout, "run")
    data["trace"][0]["line"] = "Xintr_clock+0x4"
    with pytest.raises(ValidationError):
        valid_json(json.dumps(data), "run")
