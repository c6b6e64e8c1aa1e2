"""The Python API (emu/api.py, `import iplemu`): each function returns what
its command prints with --format json, and runs isolated as the CLI does:
bad input and a hang past the time limit raise IplemuError, and the caller
goes on."""

from __future__ import annotations

import json

import pytest

import emu as iplemu
import emu.check  # noqa: F401  (the submodule of the same name must not hide iplemu.check)
from conftest import run_cli


def test_check_returns_the_json_of_the_command():
    options = ("--routine", "splx", "--ipl", "none", "--ipl", "high")
    expected = json.loads(run_cli("check", "alpha", *options, "--format", "json").stdout)
    assert iplemu.check("alpha", routine=["splx"], ipl=["none", "high"]) == expected


def test_run_returns_the_json_of_the_command():
    expected = json.loads(run_cli("run", "m68k", "--call", "splx", "--arg", "IPL_NONE", "--ipl",
                                  "IPL_HIGH", "--inject", "clock@0", "--trace", "--format", "json").stdout)
    got = iplemu.run("mvme68k", call="splx", args=["IPL_NONE"], ipl="IPL_HIGH", inject=["clock@0"],
                     trace=True)
    assert got == expected


def test_table_race_ports_and_compare():
    [row] = iplemu.table("alpha")
    assert row["port"] == "alpha" and row["routines_hold"] is True
    races = iplemu.race("alpha", fix="none")
    assert [(r["port"], r["fix"]) for r in races] == [("alpha", "none")]
    assert [p["port"] for p in iplemu.ports("x86")] == ["i386"]
    assert iplemu.compare("alpha", "softclock", "softnet")["port"] == "alpha"


def test_a_snippet_file_and_a_failing_property(tmp_path):
    lost = tmp_path / "lost.S"
    lost.write_text("\t.globl lower_nothing\nlower_nothing:\n\tret $31, ($26), 1\n")
    result = iplemu.check("alpha", snippet=lost, routine=["lower_nothing=lower"],
                          ipl=["none", "high"])
    assert result["holds"] is False          # a failing property is data, not an error


def test_bad_input_raises_with_the_one_line_message():
    with pytest.raises(iplemu.IplemuError) as raised:
        iplemu.run("vax", call="splx")
    assert raised.value.exit_code == 2 and raised.value.message.startswith("unknown port 'vax'")
    with pytest.raises(iplemu.IplemuError, match="unrecognized arguments: --bogus"):
        iplemu.check("alpha", bogus=1)


def test_a_hang_is_stopped_and_the_caller_goes_on(tmp_path):
    spin = tmp_path / "spin.S"
    spin.write_text("\t.globl spin\nspin:\n1:\taddq $0, 1, $0\n\tbr $31, 1b\n")   # a counter
    with pytest.raises(iplemu.IplemuError, match="time limit of 1 s reached while running 'run'"):
        iplemu.run("alpha", call="spin", snippet=spin, max_steps=100_000_000, timeout=1)
    assert iplemu.ports("alpha")[0]["port"] == "alpha"
