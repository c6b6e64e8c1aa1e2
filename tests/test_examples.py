"""examples/README.md: every command it shows runs, exits as its verdict
says, and prints the lines shown (``...``: lines left out).  Addresses
(0x10000 and up) are compared masked: they move whenever the port's
snippets grow, which is not what an example shows."""

from __future__ import annotations

import re
import shlex

import pytest

from conftest import ROOT, run_cli

README = ROOT / "examples" / "README.md"


def _blocks() -> list[tuple[list[str], list[str]]]:
    """(command arguments after 'iplemu', shown output lines) per fenced block."""
    blocks = []
    for body in re.findall(r"^```\n(.*?)^```$", README.read_text(), re.M | re.S):
        first, *shown = body.rstrip("\n").split("\n")
        assert first.startswith("$ iplemu "), first
        blocks.append((shlex.split(first)[2:], shown))
    return blocks


BLOCKS = _blocks()


def _masked(lines: list[str]) -> list[str]:
    return [re.sub(r"0x[0-9a-f]{5,}", "0x?", line) for line in lines]


def _contains_in_order(output: list[str], shown: list[str]) -> bool:
    """Each run of shown lines between '...' lines is consecutive in the
    output, the runs in order."""
    output, shown, at = _masked(output), _masked(shown), 0
    for run in "\n".join(shown).split("\n...\n"):
        lines = run.split("\n")
        while at + len(lines) <= len(output) and output[at:at + len(lines)] != lines:
            at += 1
        if at + len(lines) > len(output):
            return False
        at += len(lines)
    return True


def test_every_port_has_a_correct_and_a_buggy_example():
    from emu.model import available_ports
    by_port: dict[str, list[str]] = {}
    for args, _ in BLOCKS:
        by_port.setdefault(args[1], []).append(args[3])
    assert set(by_port) == set(available_ports())
    for port, files in by_port.items():
        assert f"examples/{port}/spl.c" in files and len(files) == 2, (port, files)


@pytest.mark.parametrize("args, shown", BLOCKS, ids=[" ".join(a[1:4:2]) for a, _ in BLOCKS])
def test_example(args, shown):
    result = run_cli(*args)
    holds = shown[-1].startswith("verdict: every property holds")
    assert result.returncode == (0 if holds else 1), result.stderr
    assert _contains_in_order(result.stdout.splitlines(), shown), result.stdout
