"""iplemu race: the PR#20390 window on every port, and the two fixes.
History: softnet can preempt softclock-level code on i386 (distinct soft
levels), not on sparc, m68k, alpha (one shared soft level)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from emu.race import race_machine, run_race

from conftest import DATA, port_model, run_cli, valid_json

PORTS = ["i386", "m68k", "sparc", "alpha", "amd64", "powerpc", "arm32", "pmax", "sparc64", "sh3", "hppa"]
WINDOW_WITHOUT_FIX = {"i386": True, "m68k": False, "sparc": False, "alpha": False, "amd64": True,
                      "powerpc": True, "arm32": True, "pmax": True, "sparc64": False, "sh3": True,
                      "hppa": True}


@pytest.fixture(scope="module")
def all_races():
    result = run_cli("race", "--all", "--fix", "all", "--format", "json")
    assert result.returncode == 0, result.stderr
    return {(r["port"], r["fix"]): r for r in valid_json(result.stdout, "race")["races"]}


@pytest.mark.parametrize("port", PORTS)
def test_the_window_matches_the_history(all_races, port):
    none = all_races[(port, "none")]
    assert none["window"] is WINDOW_WITHOUT_FIX[port]
    assert none["cases"] > 0 and none["runs"] > 0
    for fix in ("spllower", "ack"):
        assert all_races[(port, fix)]["window"] is False
        assert all_races[(port, fix)]["counter_example"] is None
    assert all_races[(port, "spllower")]["compare_ok"]
    assert "agrees" in all_races[(port, "spllower")]["compare"]


def test_i386_window_comes_with_evidence(all_races):
    race = all_races[("i386", "none")]
    assert race["width"] >= 1 and race["openings"]
    assert {o["source"] for o in race["openings"]} == {"softnet"}
    ce = race["counter_example"]
    assert ce["source"] == "softnet" and ce["stale_step"] > ce["step"]
    assert ce["instruction"] and ce["trace"]
    regions = {s["region"] for s in ce["timeline"]["steps"]}
    assert {"dispatcher", "callout handler", "network input"} <= regions


# (port, fix, the broken dispatcher): the window must come back where
# softnet can preempt softclock at all (i386); on shared-level ports the
# broken fixes are still saved by the shared level, as the 2003 code is.
BROKEN_FIXES = [("i386", "spllower", "race_dispatch_spllower_splx"),
                ("i386", "ack", "race_dispatch_ack_nocheck"),
                ("amd64", "spllower", "race_dispatch_spllower_splx"),
                ("amd64", "ack", "race_dispatch_ack_nocheck"),
                ("powerpc", "spllower", "race_dispatch_spllower_splx"),
                ("powerpc", "ack", "race_dispatch_ack_nocheck"),
                ("arm32", "spllower", "race_dispatch_spllower_splx"),
                ("arm32", "ack", "race_dispatch_ack_nocheck"),
                ("pmax", "spllower", "race_dispatch_spllower_splx"),
                ("pmax", "ack", "race_dispatch_ack_nocheck"),
                ("sh3", "spllower", "race_dispatch_spllower_splx"),
                ("sh3", "ack", "race_dispatch_ack_nocheck"),
                ("hppa", "spllower", "race_dispatch_spllower_splx"),
                ("hppa", "ack", "race_dispatch_ack_nocheck")]


@pytest.mark.parametrize("port,fix,dispatcher", BROKEN_FIXES)
def test_a_broken_fix_reopens_the_window(port, fix, dispatcher):
    machine = race_machine(port_model(port), [DATA / "broken" / port / "race_broken.S"])
    result = run_race(machine, fix, dispatcher)
    assert result.window and result.counter_example is not None
    assert result.counter_example["source"] == "softnet"


@pytest.mark.parametrize("port", ["m68k", "sparc", "alpha"])
def test_broken_fixes_on_shared_level_ports_still_have_no_window(port):
    machine = race_machine(port_model(port), [DATA / "broken" / port / "race_broken.S"])
    for fix, dispatcher in (("spllower", "race_dispatch_spllower_splx"),
                            ("ack", "race_dispatch_ack_nocheck")):
        assert not run_race(machine, fix, dispatcher).window


def test_cli_exit_1_when_a_fix_leaves_a_window():
    result = run_cli("race", "i386", "--fix", "spllower", "--snippet",
                     str(DATA / "broken" / "i386" / "race_broken.S"),
                     "--dispatcher", "race_dispatch_spllower_splx")
    assert result.returncode == 1
    assert "WINDOW" in result.stdout and "stale access" in result.stdout


def test_cli_race_bad_input():
    result = run_cli("race")
    assert result.returncode == 2 and "--all" in result.stderr
    result = run_cli("race", "i386", "--dispatcher", "x")
    assert result.returncode == 2 and "unknown symbol 'x'" in result.stderr


def test_text_has_an_ascii_timeline():
    out = run_cli("race", "i386", "--fix", "none").stdout
    assert "first counter-example: softnet" in out
    assert "X stale access" in out and "|" in out


def test_svg_is_well_formed_and_shows_the_window():
    out = run_cli("race", "i386", "m68k", "--format", "svg").stdout
    root = ET.fromstring(out)
    assert root.tag.endswith("svg")
    assert "stale access" in out and "no window" in out
