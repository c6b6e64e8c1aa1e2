"""A short fuzz campaign (tools/fuzz.py) through the real CLI on every
port: random bytes and random instruction sequences, `run` and `check
--snippet`, each twice; no traceback, exit 0/1/2, one line on exit 2, the
same output twice, no stop by the wall-clock limit.  About 15 s on a
loaded 2-core machine, so it is part of the default run; `-m fuzz` runs it
alone.  Also: the harness's --jobs gives the same lines as one executor,
and it kills an execution that outlives its bound."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import time

import pytest

from emu.model import available_ports

from conftest import ROOT


@pytest.mark.fuzz
def test_a_short_fuzz_campaign_finds_nothing():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "fuzz.py"), "--per-port", "3",
                             "--seed", "1"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert "FAIL" not in result.stderr, result.stderr
    runs = 3 * 2 * 2 * len(available_ports())    # per port: 3 inputs x (run, check) x twice
    assert result.stdout.strip() == f"fuzz: {runs} runs, 0 failures", result.stderr
    assert result.returncode == 0


PLANTED = """\
import sys
import time
sys.path.insert(0, "tools")
import fuzz
found = fuzz.problems
# a deterministic failure on some executions, to see FAIL lines and their order
fuzz.problems = lambda first, second: found(first, second) + (["planted"] if len(first.stdout) % 2 else [])
sys.exit(fuzz.main(sys.argv[1:]))
"""


def _campaign(jobs: int, keep) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", PLANTED, "--per-port", "4", "--seed", "2",
                           "--ports", "i386", "m68k", "--keep", str(keep), "--jobs", str(jobs)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)


@pytest.mark.fuzz
def test_parallel_executors_give_the_same_output_as_one(tmp_path):
    """--jobs 3 runs the same inputs and prints the same lines, FAIL lines
    in input order, as --jobs 1; only the seconds differ."""
    one, three = _campaign(1, tmp_path), _campaign(3, tmp_path)

    def lines(result):   # without the seconds and the name of the harness's scratch directory
        text = re.sub(r", [0-9.]+ s, [0-9.]+ runs/s$", "", result.stderr, flags=re.M)
        return re.sub(r"iplemu-fuzz-[^/]+", "SCRATCH", text).splitlines()

    assert [line for line in lines(one) if line.startswith("FAIL")], one.stderr   # some were planted
    assert lines(three) == lines(one)
    assert three.stdout == one.stdout == f"fuzz: 32 runs, {len(lines(one)) - 2} failures\n"
    assert one.returncode == three.returncode == 1


def test_the_harness_kills_an_execution_that_outlives_its_bound():
    """An execution still running at the bound is killed with its process
    group (the harness then reports "no exit"); one that ends gives its
    exit code."""
    spec = importlib.util.spec_from_file_location("fuzz_harness", ROOT / "tools" / "fuzz.py")
    fuzz = sys.modules[spec.name] = importlib.util.module_from_spec(spec)   # for its dataclasses
    spec.loader.exec_module(fuzz)
    hung = os.fork()
    if hung == 0:
        os.setpgid(0, 0)
        time.sleep(600)
        os._exit(0)
    assert fuzz._wait(hung, 0.2)[0] is None
    with pytest.raises(ProcessLookupError):
        os.kill(hung, 0)                      # gone and reaped
    ended = os.fork()
    if ended == 0:
        os._exit(1)
    code, cpu = fuzz._wait(ended, 600)
    assert code == 1 and cpu >= 0


def test_an_internal_error_is_a_failure():
    """The CLI's catch-all line is one line with exit 2, but names no
    file:line or address: the harness counts it."""
    spec = importlib.util.spec_from_file_location("fuzz_problems", ROOT / "tools" / "fuzz.py")
    fuzz = sys.modules[spec.name] = importlib.util.module_from_spec(spec)   # for its dataclasses
    spec.loader.exec_module(fuzz)
    internal = fuzz.Execution(2, b"", b"iplemu: internal error: UcError: Invalid memory read\n", 0.1)
    assert fuzz.problems(internal, internal) == ["an internal error"]
    named = fuzz.Execution(2, b"", b"iplemu: unmapped read of 0x50000000 at 0x00010004\n", 0.1)
    assert fuzz.problems(named, named) == []

