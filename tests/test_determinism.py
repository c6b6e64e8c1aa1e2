"""The same input gives the same bytes: no timings unless --timings
(issue 13, item 6); a file that is not a regular file is one line, never a
blocked read."""

from __future__ import annotations

import json
import os

import pytest

from conftest import run_cli, valid_json
from test_bad_input import assert_one_line_error

PORTS = ["alpha", "i386", "m68k", "sparc"]


@pytest.mark.parametrize("port", PORTS)
@pytest.mark.parametrize("form", ["json", "text"])
def test_check_output_is_the_same_twice(port, form):
    args = ("check", port, "--routine", "splx", "--ipl", "none", "--ipl", "high", "--format", form)
    first, second = run_cli(*args), run_cli(*args)
    assert first.returncode == 0, first.stderr
    assert (first.stdout, first.stderr) == (second.stdout, second.stderr)
    assert "seconds" not in first.stdout and " s\n" not in first.stdout


def test_timings_only_when_asked():
    args = ("check", "i386", "--routine", "splx", "--ipl", "none", "--ipl", "high")
    assert "seconds" in json.loads(run_cli(*args, "--format", "json", "--timings").stdout)
    assert " s\n" in run_cli(*args, "--timings").stdout.split("\n", 1)[0] + "\n"
    rows = valid_json(run_cli("table", "--ports", "i386", "--format", "json").stdout, "table")["rows"]
    assert all("seconds" not in row for row in rows)
    rows = valid_json(run_cli("table", "--ports", "i386", "--format", "json", "--timings").stdout,
                      "table")["rows"]
    assert all("seconds" in row for row in rows)


@pytest.mark.parametrize("args", [
    ("run", "i386", "{path}", "--call", "f"),
    ("check", "m68k", "--snippet", "{path}", "--routine", "f=raise"),
    ("race", "sparc", "--snippet", "{path}", "--fix", "none", "--dispatcher", "f"),
])
@pytest.mark.parametrize("kind", ["fifo", "directory", "/dev/zero"])
def test_an_assembly_file_that_is_not_a_regular_file(args, kind, tmp_path):
    if kind == "fifo":
        path = tmp_path / "pipe.S"
        os.mkfifo(path)
    elif kind == "directory":
        path = tmp_path / "dir.S"
        path.mkdir()
    else:
        path = kind
    result = run_cli(*[a.replace("{path}", str(path)) for a in args])
    assert_one_line_error(result, rf"{path}: not a regular file")
