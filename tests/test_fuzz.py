"""A short fuzz campaign (tools/fuzz.py) through the real CLI on every
port: random bytes and random instruction sequences, `run` and `check
--snippet`, each twice; no traceback, exit 0/1/2, one line on exit 2, the
same output twice, no stop by the wall-clock limit.  About 15 s on a
loaded 2-core machine, so it is part of the default run; `-m fuzz` runs it
alone."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.fuzz
def test_a_short_fuzz_campaign_finds_nothing():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "fuzz.py"), "--per-port", "3",
                             "--seed", "1"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert "FAIL" not in result.stderr, result.stderr
    assert result.stdout.strip() == "fuzz: 108 runs, 0 failures", result.stderr
    assert result.returncode == 0
