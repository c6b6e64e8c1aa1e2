"""iplemu check / compare / table: verdicts from exhaustive injection.
The shipped routines hold; every broken variant fails with a
counter-example that names the port, routine, IPLs, boundary and source."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from emu.check import check_routine
from emu.contract import distinct_levels, routine_pairs
from emu.order import derive_order

from conftest import HANG_GUARD, ROOT, broken, machine_for, port_model, run_cli, valid_json

SHIPPED = ["i386", "m68k", "sparc", "alpha", "amd64", "powerpc", "arm32", "pmax", "sparc64", "sh3", "hppa"]


@pytest.mark.parametrize("port", SHIPPED)
def test_shipped_routines_hold(port):
    """Every property of every shipped routine holds, with cases, as the
    port's table row reports it: the row's checks are `check PORT`'s, and
    the test run's cache keeps the row, so test_table_formats's tables
    check no port again (test_the_check_command_of_a_shipped_port_holds:
    the check command itself)."""
    # a guard against a hang, not a time limit: powerpc's check takes ~50 CPU s
    result = run_cli("table", port, "--format", "json")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    row, = valid_json(result.stdout, "table")["rows"]
    assert row["routines_hold"] and set(row["routines"]) >= {
        "splraise", "spllower", "splx", "spl0", "splhigh"}
    model = port_model(port)
    for name, routine in row["routines"].items():
        ipl = model.routines[name].ipl
        for prop, verdict in routine["verdicts"].items():
            # no_lost asks nothing of a set routine whose IPL blocks every source
            vacuous = prop == "no_lost" and ipl is not None and all(
                model.blocks(model.priority_of(ipl), s) for s in model.sources)
            assert vacuous and verdict["holds"] is None and verdict["cases"] == 0 or \
                verdict["holds"] and verdict["cases"] > 0, (name, prop)


def test_the_check_command_of_a_shipped_port_holds():
    """`check PORT` itself (alpha's, the quickest): exit 0, every routine's
    verdicts held, the same routines and cases as its table row."""
    result = run_cli("check", "alpha", "--format", "json")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    report = valid_json(result.stdout, "check")
    assert report["holds"] and all(v["holds"] is not False for r in report["routines"]
                                   for v in r["verdicts"].values())
    row, = valid_json(run_cli("table", "alpha", "--format", "json").stdout, "table")["rows"]
    assert {r["routine"]: sum(v["cases"] for v in r["verdicts"].values())
            for r in report["routines"]} == {n: r["cases"] for n, r in row["routines"].items()}


# (port, routine=kind, the property that must fail, the source the counter-example names or None)
BROKEN = [
    ("i386", "splraise_lowers=raise", "no_window", True),
    ("i386", "spllower_loses=lower", "no_lost", True),
    ("i386", "splx_wrong=restore", "exact", False),
    ("m68k", "splraise_lowers=raise", "no_window", True),
    ("m68k", "spllower_loses=lower", "exact", False),
    ("m68k", "splx_wrong=restore", "exact", False),
    ("sparc", "splraise_lowers=raise", "no_window", True),
    ("sparc", "spllower_nodelay=lower", "exact", False),
    ("sparc", "spllower_nodelay=lower", "no_lost", True),
    ("sparc", "splx_wrong=restore", "exact", False),
    ("amd64", "splraise_lowers=raise", "no_window", True),
    ("amd64", "spllower_loses=lower", "no_lost", True),
    ("amd64", "splx_wrong=restore", "exact", False),
    ("amd64", "spllower_cdecl=lower", "exact", False),
    ("powerpc", "splraise_lowers=raise", "no_window", True),
    ("powerpc", "spllower_loses=lower", "no_lost", True),
    ("powerpc", "splx_wrong=restore", "exact", False),
    ("powerpc", "spllower_ee_off=lower", "no_lost", True),
    ("powerpc", "spllower_ee_off=lower", "preserves", False),
    ("arm32", "splraise_lowers=raise", "no_window", True),
    ("arm32", "spllower_noreplay=lower", "no_lost", True),
    ("arm32", "splx_early=restore", "no_lost", True),
    ("arm32", "splx_wrong=restore", "exact", False),
    ("pmax", "splraise_lowers=raise", "no_window", True),
    ("pmax", "spllower_hardonly=lower", "no_lost", True),
    ("pmax", "spllower_hardonly=lower", "exact", False),
    ("pmax", "splx_wrong=restore", "exact", False),
    ("sparc64", "splraise_lowers=raise", "no_window", True),
    ("sparc64", "splx_wrong=restore", "exact", False),
    ("sparc64", "spllower_xor=lower", "exact", False),
    ("sparc64", "spllower_xor=lower", "no_lost", True),
    ("sparc64", "spllower_noread=lower", "returns_previous", False),
    ("sparc64", "spllower_clears_softint=lower", "no_lost", True),
    ("sh3", "splraise_lowers=raise", "no_window", True),
    ("sh3", "spllower_loses=lower", "exact", False),
    ("sh3", "splx_wrong=restore", "exact", False),
    ("sh3", "spllower_raw_ldc=lower", "preserves", False),
    ("hppa", "splraise_lowers=raise", "no_window", True),
    ("hppa", "spllower_loses=lower,void", "no_lost", True),
    ("hppa", "spllower_netbsd_order=lower,void", "no_lost", True),
    ("hppa", "splx_wrong=restore,void", "exact", False),
]


@pytest.mark.parametrize("port,routine,prop,names_source", BROKEN)
def test_broken_variant_fails_with_a_counter_example(port, routine, prop, names_source):
    result = run_cli("check", port, "--snippet", broken(port), "--routine", routine, "--format", "json")
    assert result.returncode == 1, result.stderr
    verdict = valid_json(result.stdout, "check")["routines"][0]["verdicts"][prop]
    assert not verdict["holds"]
    ce = verdict["counter_example"]
    assert ce["port"] == port and ce["routine"] == routine.split("=")[0]
    assert ce["from_ipl"].startswith("IPL_") and ce["to_ipl"].startswith("IPL_")
    assert ce["address"] > 0 and ce["instruction"] and ce["what"]
    assert (ce["source"] is not None) == names_source
    assert ce["trace"] and all(step["insn"] for step in ce["trace"])   # structured steps, as run's
    if port == "sparc":
        assert ce["latency"] in (0, 1, 2, 3)


def test_every_argument_a_routine_can_be_passed_is_a_target():
    """Red team 17 F1: IPLs that share a priority are one start (the machine
    holds only the priority), but a routine passed IPL_* numbers reads a
    row of its own table for each, so each is a target of its own; where
    the argument is the same (equal spl values, the same mask to block)
    they stay one target, at no cost."""
    port = port_model("arm32")
    levels = distinct_levels(port)
    assert len(levels) < len(port.ipls)
    aliased = {name for lv in levels for name in lv.aliases[1:]}
    assert aliased == {"IPL_TTY", "IPL_VM", "IPL_AUDIO", "IPL_HIGH"}
    for routine in ("splraise", "spllower"):
        own = port.routines[routine]
        assert own.argument == "ipl"
        pairs = routine_pairs(port, own.kind, argument=own.argument)
        targets = {to.name: to for _, to in pairs}
        assert set(targets) == set(port.ipls)                  # every IPL_* number is passed
        assert {frm.name for frm, _ in pairs} == {lv.name for lv in levels}   # starts do not grow
        assert targets["IPL_HIGH"].live == targets["IPL_STATCLOCK"].live
        assert targets["IPL_HIGH"].aliases == ("IPL_HIGH",)
    assert len(routine_pairs(port, "raise", argument="ipl")) == len(levels) * len(port.ipls)
    # an spl value (or a mask to block) is the same for aliases: nothing grows
    for argument in ("spl", "blocked"):
        pairs = routine_pairs(port, "raise", argument=argument)
        assert len(pairs) == len(levels) ** 2
        assert {to.name for _, to in pairs} == {lv.name for lv in levels}
    i386 = port_model("i386")
    same = routine_pairs(i386, "raise", argument="spl")
    assert len(same) == len(distinct_levels(i386)) ** 2
    assert "IPL_HIGH" not in {to.name for _, to in same}      # IPL_CLOCK's spl value
    # a set routine passes nothing: one target, its own IPL
    assert {to.name for _, to in routine_pairs(port, "set", fixed="IPL_HIGH",
                                               argument="ipl")} == {"IPL_HIGH"}
    # asked for by name, an alias is the target asked for, alone
    asked = routine_pairs(port, "raise", targets=["IPL_VM"], argument="ipl")
    assert {to.name for _, to in asked} == {"IPL_VM"} and len(asked) == len(levels)


def test_counter_example_text_names_everything():
    result = run_cli("check", "i386", "--snippet", broken("i386"), "--routine", "splraise_lowers=raise")
    assert result.returncode == 1
    out = result.stdout
    assert re.search(r"^  no_window +FAILS", out, re.M)
    assert "counter-example: i386 splraise_lowers from IPL_" in out
    assert "at boundary " in out and "broken.S:" in out and "trace:" in out
    assert "verdict: FAILS: splraise_lowers.exact, splraise_lowers.no_window" in out


def test_a_stub_that_does_not_restore_fails_nesting():
    machine = machine_for("m68k", broken("m68k"), (("clock", "Xintr_clock_norestore"),))
    verdict = check_routine(machine, "splx", "splx", "restore").verdicts["nesting"]
    assert not verdict.holds
    assert "clock returned to" in verdict.counter_example.what
    assert verdict.counter_example.source == "clock"


def test_depth_2_finds_what_depth_1_cannot():
    """i386 stubs that keep the saved cpl in one global: fine alone, wrong nested."""
    stubs = (("softnet", "Xintr_softnet_global"), ("clock", "Xintr_clock_global"))
    machine = machine_for("i386", broken("i386"), stubs)
    levels = ["IPL_NONE", "IPL_SOFTNET", "IPL_NET"]
    shallow = check_routine(machine, "spllower", "spllower", "lower", depth=1, only=levels)
    assert shallow.holds
    deep = check_routine(machine, "spllower", "spllower", "lower", depth=2, only=levels)
    assert not deep.verdicts["nesting"].holds
    ce = deep.verdicts["nesting"].counter_example
    assert "softnet returned to" in ce.what or "instead of" in ce.what
    assert len(ce.injections) == 2            # found with states merged (explore.Merged)
    assert sum(v.cases for v in deep.verdicts.values()) > 10 * sum(v.cases for v in shallow.verdicts.values())


@pytest.mark.parametrize("depth, says", [
    ("1", "from a clean call and from one where the highest request the routine unblocks was "
          "pended at the call (1 of 4 pairs: "),
    ("2", "in the first's handler too, from a clean call and from one where the highest request "
          "the routine unblocks was pended at the call (1 of 4 pairs: ")])
def test_a_verdict_says_what_it_was_explored_on(depth, says):
    """A "holds" is a promise: the line before it says how deep it looked."""
    result = run_cli("check", "i386", "--routine", "splx", "--ipl", "none", "--ipl", "high",
                     "--depth", depth)
    assert result.returncode == 0, result.stderr
    *_, explored, verdict = result.stdout.splitlines()
    assert explored.startswith(f"explored: depth {depth}, ") and says in explored
    assert depth == "1" or "its stub and handler explored too) (--depth all nests" in explored
    assert verdict.startswith("verdict: every property holds (")


@pytest.mark.parametrize("port", ["i386", "m68k"])
def test_the_pending_start_is_claimed_only_where_it_ran(port):
    """A routine that unblocks nothing (a raise) has no start with a request
    pending at the call: the explored line does not claim one.  A lowering
    routine has it on a software priority (i386: its stub pends it) and on
    one the CPU holds requests against (m68k: red team 19 B7, where it
    never ran before), and the line says so."""
    raised = run_cli("check", port, "--routine", "splraise", "--ipl", "none", "--ipl", "high",
                     "--format", "json")
    assert raised.returncode == 0, raised.stderr
    assert valid_json(raised.stdout, "check")["routines"][0]["pending_starts"] == 0
    text = run_cli("check", port, "--routine", "splraise", "--ipl", "none", "--ipl", "high")
    explored = text.stdout.splitlines()[-2]
    assert explored.startswith("explored: depth 1, ") and "pended at the call" not in explored
    lowered = run_cli("check", port, "--routine", "spllower", "--ipl", "none", "--ipl", "high",
                      "--format", "json")
    assert lowered.returncode == 0, lowered.stderr
    assert valid_json(lowered.stdout, "check")["routines"][0]["pending_starts"] >= 1
    text = run_cli("check", port, "--routine", "spllower", "--ipl", "none", "--ipl", "high")
    assert "was pended at the call (" in text.stdout.splitlines()[-2]


TAIL_CALLS = {"arm32": ("ipl", "\tb _splraise\n"),
              "pmax": ("blocked", "\t.set noreorder\n\tj _splraise\n\tnop\n")}


@pytest.mark.parametrize("port", list(TAIL_CALLS))
def test_a_routine_of_yours_may_take_what_the_ports_own_take(port, tmp_path):
    """my_splraise is the port's _splraise under another name: called with
    spl values (the default for your own) it fails; said to take what
    _splraise takes, it holds, and the report says what it was called with."""
    argument, body = TAIL_CALLS[port]
    source = tmp_path / "mine.S"
    source.write_text(f"\t.text\n\t.globl my_splraise\nmy_splraise:\n{body}")
    common = ["check", port, "--snippet", str(source), "--ipl", "none", "--ipl", "softclock",
              "--ipl", "high"]
    assert run_cli(*common, "--routine", "my_splraise=raise").returncode == 1
    result = run_cli(*common, "--routine", f"my_splraise=raise,argument={argument}")
    assert result.returncode == 0, result.stdout[-800:]
    assert re.search(r"^my_splraise \(raise, symbol my_splraise\):.*, called with ", result.stdout, re.M)
    doc = valid_json(run_cli(*common, "--routine", f"my_splraise=raise,argument={argument}",
                             "--format", "json").stdout, "check")
    assert doc["routines"][0]["argument"] == argument


@pytest.mark.parametrize("spec, says", [
    ("f=raise,argument=foo", "argument= takes spl, ipl or blocked"),
    ("f=raise,void,void", "once each"),
    ("f=raise,argument=ipl,argument=spl", "once each"),
    ("f=raise,loud", "may follow"),
    ("f=set:none,argument=ipl", "a set routine takes no argument")])
def test_a_routine_spec_that_makes_no_sense_is_one_line(spec, says):
    result = run_cli("check", "i386", "--routine", spec)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and says in result.stderr


def test_check_bad_input():
    result = run_cli("check", "i386", "--routine", "mine")
    assert result.returncode == 2 and "say its kind" in result.stderr
    result = run_cli("check", "i386", "--routine", "splx=sideways")
    assert result.returncode == 2 and "KIND must be one of" in result.stderr
    result = run_cli("check", "i386", "--snippet", broken("i386"), "--routine", "nosuch=raise")
    assert result.returncode == 2 and "unknown symbol 'nosuch'" in result.stderr


@pytest.mark.parametrize("port,a,b,relation", [
    ("i386", "IPL_SOFTCLOCK", "IPL_SOFTNET", "<"),
    ("i386", "IPL_TTY", "IPL_IMP", "="),
    ("m68k", "softclock", "softnet", "="),
    ("sparc", "IPL_SOFTNET", "IPL_NET", "<"),
    ("alpha", "IPL_CLOCK", "IPL_NET", ">"),
    ("arm32", "IPL_SOFTCLOCK", "IPL_SOFTNET", "<"),
    ("arm32", "IPL_TTY", "IPL_SOFTSERIAL", "="),
    ("pmax", "IPL_SOFTCLOCK", "IPL_SOFTNET", "<"),
    ("pmax", "IPL_CLOCK", "IPL_HIGH", "<"),
    ("amd64", "IPL_SOFTCLOCK", "IPL_SOFTNET", "<"),
    ("powerpc", "IPL_SOFTCLOCK", "IPL_SOFTNET", "<"),
    ("sparc64", "IPL_SOFTCLOCK", "IPL_SOFTNET", "="),
    ("sparc64", "IPL_NET", "IPL_TTY", "="),
    ("sparc64", "IPL_BIO", "IPL_CLOCK", "<"),
    ("sh3", "IPL_SOFTCLOCK", "IPL_SOFTNET", "<"),
    ("sh3", "IPL_TTY", "IPL_SERIAL", "="),
    ("hppa", "IPL_SOFTCLOCK", "IPL_SOFTNET", "<"),
    ("hppa", "IPL_TTY", "IPL_VM", "="),
])
def test_compare_answers_with_evidence(port, a, b, relation):
    result = run_cli("compare", port, a, b, "--format", "json")
    assert result.returncode == 0, result.stderr
    answer = valid_json(result.stdout, "compare")
    assert answer["relation"] == relation
    assert answer["comparison"] is not None and answer["probes"] > 0


def test_derived_orders_match_the_history():
    comparisons = {port: {c.name: c.agrees for c in derive_order(machine_for(port)).candidates}
                   for port in SHIPPED}
    assert comparisons["i386"]["intr.h down"] and not comparisons["i386"]["intr.h up"]
    assert comparisons["i386"]["subset"]
    assert comparisons["m68k"]["field"] and not comparisons["m68k"]["intr.h up"]
    assert comparisons["sparc"]["field"]
    assert comparisons["sparc64"]["field"] and comparisons["sparc64"]["intr.h up"]
    assert comparisons["pmax"]["superset"] and not comparisons["pmax"]["intr.h up"]


def test_masks_that_are_not_nested_leave_only_the_subset_test(tmp_path):
    """A mask port whose IPL_BIO does not include the soft bits: BIO and
    SOFTNET are incomparable, so no total order fits, but the subset test
    (a partial order) still answers every pair right."""
    text = (ROOT / "archs" / "i386.yaml").read_text()
    variant = tmp_path / "i386.yaml"
    variant.write_text(text.replace("IPL_BIO:        {value: 6, spl: 0xc0004000",
                                    "IPL_BIO:        {value: 6, spl: 0x00004000"))
    result = run_cli("compare", str(variant), "IPL_BIO", "IPL_SOFTNET", "--format", "json")
    answer = json.loads(result.stdout)
    assert answer["relation"] == "incomparable" and not answer["chain"]
    agrees = {c["name"]: c["agrees"] for c in answer["candidates"]}
    assert agrees["subset"] and not agrees["numeric"]


def test_table_formats():
    """Every format of one table: the first run fills the cache, the
    others print its rows (one cold table per test session, not five)."""
    for fmt in ["json", "text", "mail", "md", "csv"]:
        check_table_format(fmt, run_cli("table", "--format", fmt, timeout=3 * HANG_GUARD))


def check_table_format(fmt: str, result) -> None:
    assert result.returncode == 0, (fmt, result.stderr)
    out = result.stdout
    if fmt in ("text", "mail"):
        assert all(len(line) <= 72 for line in out.splitlines()), max(out.splitlines(), key=len)
        assert out.isascii()
    if fmt == "mail":
        assert out.startswith("Subject: ") and "Per port" in out
        assert all(f"\n{port} (priority: " in out for port in SHIPPED)
    if fmt == "json":
        rows = valid_json(out, "table")["rows"]
        assert {r["port"] for r in rows} == set(SHIPPED)
        for row in rows:
            assert row["priority_kind"] in ("level", "mask")
            assert row["spllower"] == "yes" and row["ipl_compare"] == "yes"
        soft = {r["port"]: r["soft_levels"] for r in rows}
        assert soft == {"i386": "distinct", "m68k": "shared", "sparc": "shared", "alpha": "shared",
                        "amd64": "distinct", "powerpc": "distinct",
                        "arm32": "distinct", "pmax": "distinct", "sparc64": "shared", "sh3": "distinct",
                        "hppa": "distinct"}
    if fmt == "csv":
        assert out.splitlines()[0].startswith("port,priority_kind,")
        rows = list(csv.DictReader(io.StringIO(out)))
        assert {r["softnet_preempts_softclock"] for r in rows} == {"true", "false"}   # not True/False
    if fmt == "md":
        assert out.startswith("# Re: ") and "\n| port |" in out


def test_the_report_says_who_calls_a_routine_of_another_name_again():
    """The port's stubs and replay paths call the port's routines; the
    clock's and softclock's handlers call the routine under check too,
    whatever its name, where a handler can (emu/reenter.py): the report
    says which handlers, or that only the check calls it (spl0: no handler
    lowers below its own IPL)."""
    result = run_cli("check", "hppa", "--snippet",
                     str(ROOT / "tests" / "data" / "broken" / "hppa" / "redteam10_return.S"),
                     "--routine", "splraise_nullifies_own_ok=raise", "--ipl", "none",
                     "--ipl", "softclock")
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("re-entered:"))
    assert "splraise_nullifies_own_ok" in line and "clock and softclock handlers" in line \
        and "spllower" in line
    assert not any(x.startswith("not re-entered:") for x in result.stdout.splitlines())
    result = run_cli("check", "m68k", "--snippet",
                     str(ROOT / "tests" / "data" / "broken" / "m68k" / "redteam19_spl0_jmp_ok.S"),
                     "--routine", "rt_spl0_jmp_ok=set:IPL_NONE", "--ipl", "none",
                     "--ipl", "softclock")
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("not re-entered:"))
    assert "rt_spl0_jmp_ok" in line and "only the check calls it" in line


def test_a_lowering_call_also_starts_with_a_request_pending():
    """Depth 1 starts a lowering call with the highest source it unblocks
    already pended by its stub: a C replay loop that enables interrupts
    before it clears the pending bit serves that request twice when a
    second interrupt comes in the window, and the counter-example's first
    injection says it was pending at the call.  A raise unblocks nothing:
    no such start."""
    snippet = str(ROOT / "tests" / "data" / "broken" / "i386" / "redteam14_replay.c")
    result = run_cli("check", "i386", "--snippet", snippet, "--routine",
                     "c_spllower_creplay_sti_early=lower", "--routine", "c_splraise_ok=raise",
                     "--ipl", "none", "--ipl", "clock", "--format", "json")
    assert result.returncode == 1, result.stderr
    lower, raise_ = valid_json(result.stdout, "check")["routines"]
    assert lower["pending_starts"] == 1 and raise_["pending_starts"] == 0
    ce = lower["verdicts"]["served_once"]["counter_example"]
    first, second = ce["injections"]
    assert first["pended_at_call"] and first["step"] == 0 and not second["pended_at_call"]
    assert re.search(r"ran (\d+) times for (?!\1)\d+ request", ce["what"]), ce["what"]
    text = run_cli("check", "i386", "--snippet", snippet, "--routine",
                   "c_spllower_creplay_sti_early=lower", "--ipl", "none", "--ipl", "clock").stdout
    assert "(pending at the call: its stub pended it)" in text
    assert "1 pairs also from a request pending at the call" in text


CLRSOFTINTR = str(ROOT / "tests" / "data" / "broken" / "pmax" / "redteam17_clrsoftintr.S")


def test_what_the_model_does_not_cover_is_no_verdict():
    """Red team 17 FF2: soft stubs that read Cause, as NetBSD's
    _clrsoftintr does, are correct, but the model does not hold the
    pending requests in Cause: the port's spllower with them gets no
    verdict (exit 2, one line naming what and where), not a failing
    no_fault; the JSON says so for the routine."""
    args = ("check", "pmax", "--snippet", CLRSOFTINTR, "--routine", "spllower",
            "--ipl", "none", "--ipl", "soft")
    result = run_cli(*args)
    assert result.returncode == 2, result.stdout
    line, = result.stderr.splitlines()
    assert line.startswith("iplemu: check no verdict on spllower: not modelled: `mfc0 $t4, $13` "
                           "reads Cause"), line
    assert re.search(r" at 0x[0-9a-f]{8} \(Xintr_soft\w+\+0x[0-9a-f]+\); from IPL_", line), line
    assert "FAILS" not in result.stdout
    assert result.stdout.splitlines()[-1] == "verdict: " + line.removeprefix("iplemu: check ")
    report = run_cli(*args, "--format", "json")
    assert report.returncode == 2
    routine, = valid_json(report.stdout, "check")["routines"]
    assert routine["holds"] is False and "reads Cause" in routine["no_verdict"]
    assert all(v["holds"] is not False for v in routine["verdicts"].values())


def test_a_real_failure_beside_what_is_not_modelled_still_fails():
    """The same stubs with a routine that returns 0: returns_previous fails
    with a counter-example (exit 1), and the cases not judged are named."""
    result = run_cli("check", "pmax", "--snippet", CLRSOFTINTR, "--routine",
                     "rt_lower_ret0=lower,argument=blocked", "--ipl", "none", "--ipl", "soft",
                     "--format", "json")
    assert result.returncode == 1, result.stderr
    routine, = valid_json(result.stdout, "check")["routines"]
    assert routine["verdicts"]["returns_previous"]["counter_example"]
    assert "reads Cause" in routine["no_verdict"]
    text = run_cli("check", "pmax", "--snippet", CLRSOFTINTR, "--routine",
                   "rt_lower_ret0=lower,argument=blocked", "--ipl", "none", "--ipl", "soft")
    assert text.returncode == 1 and not text.stderr
    verdict = text.stdout.splitlines()[-1]
    # (no_window and preserves fail too since the pmax IEc 0 call state)
    assert verdict.startswith("verdict: FAILS: ") and "rt_lower_ret0.returns_previous" in verdict
    assert "; and some cases of rt_lower_ret0 were not judged: not modelled: " in verdict, verdict


def test_run_and_race_say_not_modelled_in_one_line(tmp_path):
    """`run` stops at what the model does not cover with one line, exit 2;
    so does `race` when a case of its dispatcher reaches it."""
    result = run_cli("run", "pmax", CLRSOFTINTR, "--call", "_spllower", "--arg", "IPL_NONE",
                     "--ipl", "IPL_SOFT", "--inject", "softnet@0")
    assert result.returncode == 2
    line, = result.stderr.splitlines()
    assert line.startswith("iplemu: not modelled: `mfc0 $t4, $13` reads Cause"), line
    dispatcher = tmp_path / "inb.S"        # an 80386 instruction reading a device
    dispatcher.write_text("\t.globl my_dispatch\nmy_dispatch:\n\tcall race_dispatch_ack\n"
                          "\tinb $0x60, %al\n\tret\n")
    race = run_cli("race", "i386", "--snippet", str(dispatcher), "--dispatcher", "my_dispatch")
    assert race.returncode == 2
    line, = race.stderr.splitlines()
    assert "not modelled: inb" in line and "Traceback" not in race.stderr, line
