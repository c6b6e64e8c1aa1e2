"""The command line's conventions (issue 14): --version, python -m, '-' for
standard input, repeated --ports, one way to choose ports, --no-cache on
every command, help with descriptions, meanings, defaults and examples,
NetBSD's names as aliases, and what an --ipl or --arg number means."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT, run_cli

COMMANDS = ["ports", "run", "check", "compare", "table", "race"]


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0 and re.fullmatch(r"iplemu \d+\.\d+\.\d+\n", result.stdout)


@pytest.mark.parametrize("module", ["emu", "iplemu"])
def test_python_dash_m(module):
    """`python -m iplemu` (the installed name; the editable install maps it
    to the source folder) and `python -m emu` in the source tree."""
    result = subprocess.run([sys.executable, "-m", module, "ports", "alpha"], capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0 and result.stdout.startswith("alpha: "), result.stderr


def test_dash_reads_the_snippet_from_stdin_once(tmp_path):
    source = "\t.globl f\nf:\n\tmovl $7, %eax\n\tret\n"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "emu", "run", "i386", "-", "--call", "f"],
                            input=source, capture_output=True, text=True, cwd=tmp_path, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "returned 0x7;" in result.stdout


def test_dash_reports_errors_of_stdin_with_a_line(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "emu", "check", "m68k", "--snippet", "-",
                             "--routine", "f=lower"], input="\t.globl f\nf:\n\tbogus\n",
                            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert re.search(r"stdin\.S:3: assembler error", result.stderr), result.stderr


def test_repeated_ports_accumulate():
    result = run_cli("ports", "--ports", "alpha", "--ports", "m68k", "sparc", "--format", "json")
    assert [p["port"] for p in json.loads(result.stdout)["ports"]] == ["alpha", "m68k", "sparc"]
    result = run_cli("ports", "pmax", "--ports", "alpha", "--format", "json")
    assert [p["port"] for p in json.loads(result.stdout)["ports"]] == ["pmax", "alpha"]


def test_one_way_to_choose_ports():
    """Positional names or --all, the same in ports, table and race."""
    every = [p["port"] for p in json.loads(run_cli("ports", "--all", "--format", "json").stdout)["ports"]]
    assert every == [p["port"] for p in json.loads(run_cli("ports", "--format", "json").stdout)["ports"]]
    both = run_cli("race", "i386", "--all")
    assert both.returncode == 2 and "not both" in both.stderr
    none = run_cli("race")
    assert none.returncode == 2 and "--all" in none.stderr


@pytest.mark.parametrize("alias,port", [("x86", "i386"), ("x86_64", "amd64"), ("mvme68k", "m68k"),
                                        ("macppc", "powerpc"), ("cats", "arm32"), ("i386", "i386")])
def test_netbsd_names_are_aliases(alias, port):
    result = run_cli("ports", alias, "--format", "json")
    [row] = json.loads(result.stdout)["ports"]
    assert row["port"] == port
    assert alias == port or alias in row["aliases"]


def test_ports_shows_aliases_and_what_numbers_mean():
    text = run_cli("ports", "m68k", "i386").stdout
    assert "also called: mvme68k" in text and "also called: x86" in text
    assert "--ipl N: a level of sr[10:8], 0 to 7" in text
    assert "--arg N to splx: an spl value laid out as sr" in text
    assert "--ipl N: a mask of blocked sources from the word `cpl`" in text


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_description_choices_defaults_and_examples(command):
    result = run_cli(command, "--help")
    assert result.returncode == 0
    usage, _, rest = result.stdout.partition("\n\n")
    description = rest.split("\n\n")[0]
    assert len(description) > 40 and not description.startswith("positional"), rest
    examples = rest.split("examples:\n")[1].splitlines()
    assert len([e for e in examples if e.startswith("  iplemu ")]) == 2, rest
    text = " ".join(rest.split())
    assert "text: for people" in text and "json: one JSON document" in text
    assert "--no-cache" in text and "--port-path DIR" in text
    if command in ("table", "race", "compare"):
        assert "(default 1800;" in text
    if command == "check":      # a deeper check runs longer (issue 10)
        assert "(default 1800, with --depth 2 or all 28800;" in text
    if command in ("check", "run"):
        assert "(default: 10000)" in text


def test_race_help_says_what_each_fix_is():
    text = run_cli("race", "--help").stdout
    assert all(f"{fix}: " in text for fix in ("none", "spllower", "ack", "all"))


@pytest.mark.parametrize("command,args", [
    ("ports", ["alpha"]), ("run", ["alpha", "--call", "splx", "--arg", "IPL_NONE"]),
    ("check", ["alpha", "--routine", "splx", "--ipl", "none", "--ipl", "high"]),
    ("compare", ["alpha", "none", "high"]), ("table", ["alpha"]), ("race", ["alpha", "--fix", "none"])])
def test_every_command_takes_no_cache(command, args):
    result = run_cli(command, *args, "--no-cache")
    assert result.returncode == 0, result.stderr


def test_no_cache_assembles_again(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), IPLEMU_CACHE=str(tmp_path))
    cli = [sys.executable, "-m", "emu", "run", "alpha", "--call", "splx", "--arg", "IPL_NONE"]
    first = subprocess.run(cli, capture_output=True, text=True, env=env, timeout=120)
    assert first.returncode == 0, first.stderr
    [entry] = tmp_path.glob("*.json")
    os.utime(entry, ns=(0, 0))
    subprocess.run(cli, capture_output=True, env=env, timeout=120)
    assert entry.stat().st_mtime_ns == 0               # read from the cache
    again = subprocess.run([*cli, "--no-cache"], capture_output=True, text=True, env=env, timeout=120)
    assert again.stdout == first.stdout and entry.stat().st_mtime_ns != 0   # built and stored again


def test_m68k_arg_zero_would_leave_supervisor_mode():
    result = run_cli("run", "m68k", "--call", "splx", "--arg", "0")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "this one clears bit 13 of sr," in result.stderr and "S (supervisor, 13)" in result.stderr


def test_m68k_arg_upper_word_is_not_the_spl_values():
    """An m68k spl value is SR's word (abi.result_bits 16): NetBSD's _spl
    leaves d0's upper word as it was, so an splx may get it back."""
    result = run_cli("run", "m68k", "--call", "splx", "--arg", "0x12700")
    assert result.returncode == 0, result.stderr
    assert "-> 7 IPL_HIGH" in result.stdout


def test_m68k_arg_that_is_a_level_gets_a_hint():
    result = run_cli("run", "m68k", "--call", "splx", "--arg", "5")
    assert result.returncode == 2 and "for the level 5 say 0x2500 or an IPL name" in result.stderr


def test_run_argument_says_what_a_users_routine_takes(tmp_path):
    """A routine of the user's own takes an spl value unless --argument
    says otherwise, as check's --routine NAME=KIND,argument=A."""
    snippet = tmp_path / "mine.S"
    snippet.write_text(".globl myraise\nmyraise:\n\tj _splraise\n\tnop\n")
    refused = run_cli("run", "pmax", str(snippet), "--call", "myraise", "--arg", "0")
    assert refused.returncode == 2 and "every pmax spl value" in refused.stderr
    blocked = run_cli("run", "pmax", str(snippet), "--call", "myraise", "--argument", "blocked",
                      "--arg", "0xff00")
    assert blocked.returncode == 0, blocked.stderr
    assert "--arg 0xff00: on pmax, the priority bits to block, in bits 15:8" in blocked.stdout
    assert "-> 0x000000ff IPL_HIGH" in blocked.stdout
    named = run_cli("run", "pmax", str(snippet), "--call", "myraise", "--argument", "blocked",
                    "--arg", "IPL_HIGH")
    assert "myraise(0xff00)" in named.stdout, named.stderr


def test_m68k_ipl_that_is_an_spl_value_gets_a_hint():
    result = run_cli("run", "m68k", "--call", "splx", "--arg", "IPL_NONE", "--ipl", "0x2500")
    assert result.returncode == 2
    assert "0x2500 is IPL_CLOCK's spl value, whose priority is 5" in result.stderr


def test_the_run_output_says_what_the_numbers_meant():
    result = run_cli("run", "m68k", "--call", "splx", "--arg", "0x2500", "--ipl", "6")
    assert result.returncode == 0, result.stderr
    assert "--ipl 6: on m68k, a level of sr[10:8], 0 to 7" in result.stdout
    assert "--arg 0x2500: on m68k, an spl value laid out as sr" in result.stdout
    assert "0x2500 stands for 5 IPL_CLOCK" in result.stdout
    mask = run_cli("run", "i386", "--call", "splx", "--arg", "0", "--ipl", "0xffffffff")
    assert "--ipl 0xffffffff: on i386, a mask of blocked sources" in mask.stdout, mask.stderr
