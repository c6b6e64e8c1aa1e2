"""The reply to the list (`table --format mail|md`): it concludes from the
verdicts, covers every executed port and NetBSD's families, and stays
plain ASCII within 72 columns."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from emu.model import Routine, available_ports
from emu.netbsd import coverage, families, history
from emu.reply import conclusion, reply_mail, reply_md
from emu.table import build_row

from conftest import DATA, port_model, run_cli, valid_json


#: every port's row: the first test to ask builds them all (~80 s on an
#: otherwise idle 2-core machine, longer beside the other tests); a hang guard
TABLE_TIMEOUT = 600


@pytest.fixture(scope="module")
def rows():
    result = run_cli("table", "--format", "json", timeout=TABLE_TIMEOUT)
    assert result.returncode == 0, result.stderr
    return valid_json(result.stdout, "table")["rows"]


@pytest.fixture(scope="module")
def mail():
    result = run_cli("table", "--format", "mail", timeout=TABLE_TIMEOUT)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_mail_is_ascii_within_72_columns(mail):
    assert mail.isascii()
    assert all(len(line) <= 72 for line in mail.splitlines()), max(mail.splitlines(), key=len)
    assert mail.startswith("Subject: Re: " + history()["thread"]["subject"])


def test_mail_names_every_executed_port_with_its_evidence(mail, rows):
    per_port = mail.split("Per port\n", 1)[1]
    for row in rows:
        assert f"\n{row['port']} (priority: " in per_port
        if row["ipl_compare"] == "yes":
            assert row["ipl_compare_how"].split()[0] in per_port
    assert {r["port"] for r in rows} == set(available_ports())


def test_mail_answers_the_three_questions(mail, rows):
    head = mail.split("Coverage\n", 1)[0]
    assert "1. spllower(): yes, on every port run" in head
    assert "2. Comparing IPLs: yes" in head and "intr.h numbers" in head
    opened = [r["port"] for r in rows if r["race_none"] and r["race_none"]["window"]]
    assert opened and f"window opens on {opened[0]}" in " ".join(head.split())
    assert "4. Which fix: both close the window" in head
    assert "fix 1 " in head and "fix 2 +" in " ".join(head.split())


def test_mail_has_coverage_history_origin_and_reproduce(mail, rows):
    flat = " ".join(mail.split())
    cov = coverage([r["port"] for r in rows])
    assert f"Executed: {len(cov.executed)} of the {len(cov.executed) + len(cov.not_yet)}" in flat
    for family in cov.not_yet:
        assert family.name in flat
    assert "callout.h 1.18" in flat and "What NetBSD did" in mail
    assert "written for iplemu after NetBSD 1.6 sources" in flat
    assert "intr.h 1.25" in flat                        # a revision archs/alpha.yaml cites
    assert "Reproduce" in mail and "iplemu 0." in flat and "--format mail" in flat


def test_mail_draws_the_first_counter_example_of_every_open_cell(mail, rows):
    examples = mail.split("Counter-examples", 1)[1].split("What NetBSD did", 1)[0]
    for row in rows:
        for fix in ("none", "spllower", "ack"):
            ce = (row.get(f"race_{fix}") or {}).get("counter_example")
            if ce:
                assert f"{row['port']}, " in examples
                assert f"touches freed state at step {ce['stale_step']}" in " ".join(examples.split())
    assert "events" in examples and "window" in examples and "=" in examples


def test_md_carries_the_same_content_and_links_the_picture(rows):
    result = run_cli("table", "--format", "md", timeout=TABLE_TIMEOUT)
    assert result.returncode == 0, result.stderr
    md = result.stdout
    for heading in ("## Coverage", "## The table", "## Per port", "## Counter-examples",
                    "## What NetBSD did", "## Where the routines come from", "## Reproduce"):
        assert heading in md
    assert "![PR#20390" in md and "iplemu race --all --format svg" in md
    assert all(f"**{r['port']} (priority" in md for r in rows)
    assert conclusion(rows)[0] in md


def test_a_broken_spllower_changes_the_conclusion(rows):
    port = port_model("i386")
    broken = dataclasses.replace(port, routines={
        "spllower": Routine("spllower", "spllower_loses", "lower", "test: stores cpl only")})
    row = build_row(broken, [DATA / "broken" / "i386" / "broken.S"])
    assert row["spllower"] == "no"
    good = conclusion(rows)
    bad = conclusion([row if r["port"] == "i386" else r for r in rows])
    assert good[0].startswith("spllower(): yes") and not bad[0].startswith("spllower(): yes")
    assert "On i386 spllower fails no_lost" in bad[0]
    others = [r["port"] for r in rows if r["port"] != "i386"]
    assert "holds all" in bad[0] and others[0] in bad[0]
    text = reply_mail([row])
    assert "spllower FAILS no_lost" in " ".join(text.split())
    assert all(len(line) <= 72 for line in text.splitlines()) and text.isascii()


def test_the_conclusion_follows_race_verdicts(rows):
    changed = copy.deepcopy(rows)
    shut = next(r for r in changed if r["race_ack"])
    shut["race_ack"]["window"] = True
    assert "fix 2 closes it on" in conclusion(changed)[3]
    assert f"fails on {shut['port']}" in conclusion(changed)[3]


def test_properties_are_counted_from_the_verdicts(rows):
    """A property the checker adds shows up without touching the reply."""
    changed = copy.deepcopy(rows)
    for row in changed:
        for routine in row["routines"].values():
            routine["verdicts"]["served_once"] = {"holds": True, "cases": 1, "counter_example": None}
    n = len(rows[0]["routines"]["splx"]["verdicts"]) + 1
    assert f"all {n} properties checked" in conclusion(changed)[0]
    assert "served_once" in conclusion(changed)[0]


def test_coverage_is_derived_from_the_ports_present():
    cov = coverage(["i386", "amd64", "m68k", "mytoy"])
    run = {f.name: ports for f, ports in cov.executed}
    assert run == {"i386": ["i386"], "x86_64": ["amd64"], "m68k": ["m68k"]}
    assert cov.unlisted == ["mytoy"]
    listed, source = families()
    assert len(cov.not_yet) == len(listed) - 3 and "sys/arch/README" in source
    assert all(f.source for f in listed)


def test_reply_with_a_port_the_renderer_never_heard_of(rows):
    """Nothing assumes the set of ports: a row of an unknown port renders."""
    extra = copy.deepcopy(next(r for r in rows if r["port"] == "m68k"))
    extra["port"] = "mytoy"
    text = reply_mail(rows + [extra])
    assert "\nmytoy (priority: " in text and "in no listed family: mytoy" in " ".join(text.split())
    assert reply_md(rows + [extra])


@pytest.mark.slow   # a depth-2 table: 100 CPU s
def test_a_table_at_depth_2_says_so_in_its_rows_legend_and_mail():
    """`table --depth 2` checks the rows at depth 2 (a row cached at depth 1
    is not taken for it); the rows, the legend and the reply name the depth."""
    shallow = valid_json(run_cli("table", "alpha", "--format", "json").stdout, "table")["rows"][0]
    deep = run_cli("table", "alpha", "--depth", "2", "--format", "json", timeout=TABLE_TIMEOUT)
    assert deep.returncode == 0, deep.stderr
    row = valid_json(deep.stdout, "table")["rows"][0]
    assert (shallow["depth"], row["depth"]) == (1, 2)
    assert row["cases"] > 10 * shallow["cases"]       # a second source after every first
    text = run_cli("table", "alpha", "--depth", "2").stdout
    assert "(check\n          --depth 2)" in text or "(check --depth 2)" in text
    assert "a second source" in text
    mail = " ".join(run_cli("table", "alpha", "--depth", "2", "--format", "mail").stdout.split())
    assert "iplemu check --depth 2)" in mail and "a second source" in mail
    assert "iplemu table --ports alpha --depth 2 --format mail" in mail
    assert "(check --depth 1)" in run_cli("table", "alpha").stdout
