"""Issue 16: which IPL pairs `check` explores (--from, --to apart from
--ipl), routines without arguments (kind `set`), the port's own stubs and
replay paths replaceable from --snippet (weak symbols)."""

from __future__ import annotations

import json
import re

import pytest

from emu.assembler import build_image
from emu.contract import distinct_levels, routine_pairs

from conftest import DATA, ROOT, broken, port_model, run_cli, valid_json


def _pairs(report: dict) -> int:
    return report["routines"][0]["pairs"]


def test_from_and_to_narrow_one_side_each():
    port = port_model("i386")
    levels = len(distinct_levels(port))
    starts = routine_pairs(port, "raise", starts=["IPL_SOFTNET"])
    targets = routine_pairs(port, "raise", targets=["IPL_SOFTNET"])
    assert len(starts) == len(targets) == levels
    assert {f.name for f, _ in starts} == {"IPL_SOFTNET"}
    assert {t.name for _, t in targets} == {"IPL_SOFTNET"}
    both = routine_pairs(port, "raise", only=["IPL_SOFTNET"])
    assert [(f.name, t.name) for f, t in both] == [("IPL_SOFTNET", "IPL_SOFTNET")]


def test_a_level_asked_for_by_an_alias_goes_by_that_name():
    """IPL_HIGH is IPL_STATCLOCK's priority on arm32: asked as IPL_HIGH,
    the pairs (and counter-examples) say IPL_HIGH."""
    port = port_model("arm32")
    pairs = routine_pairs(port, "raise", starts=["IPL_HIGH"], targets=["IPL_NONE"])
    assert [(f.name, t.name) for f, t in pairs] == [("IPL_HIGH", "IPL_NONE")]
    assert "IPL_STATCLOCK" in pairs[0][0].aliases
    assert "IPL_HIGH" not in {lv.name for lv in distinct_levels(port)}   # unasked: the first alias


def test_from_and_to_on_the_command_line():
    result = run_cli("check", "i386", "--routine", "spllower", "--from", "softnet", "--to",
                     "IPL_NONE", "--to", "softclock", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert _pairs(json.loads(result.stdout)) == 2


def test_a_counter_example_stays_inside_the_filter():
    """spllower_loses fails no_lost; asked only from IPL_HIGH down to
    IPL_NONE, the counter-example is that pair."""
    result = run_cli("check", "i386", "--snippet", broken("i386"), "--routine",
                     "spllower_loses=lower", "--from", "high", "--to", "none", "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert _pairs(report) == 1
    ce = report["routines"][0]["verdicts"]["no_lost"]["counter_example"]
    assert (ce["from_ipl"], ce["to_ipl"]) == ("IPL_HIGH", "IPL_NONE")   # as it was asked for


def test_filters_that_leave_no_pair_are_bad_input():
    result = run_cli("check", "i386", "--routine", "spllower", "--from", "none", "--to", "high")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no IPL pair of spllower" in result.stderr
    result = run_cli("check", "i386", "--from", "nosuch")
    assert result.returncode == 2 and "unknown IPL 'nosuch'" in result.stderr
    # a set routine's one target is its own IPL: the line says so
    result = run_cli("check", "sh3", "--routine", "splhigh", "--ipl", "none", "--ipl", "clock")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "goes only to its own IPL, IPL_HIGH: --ipl must name it" in result.stderr


# -- the port's own parts are weak: a --snippet replaces them --------------------------

PORTS = ["i386", "m68k", "sparc", "alpha", "amd64", "powerpc", "arm32", "pmax", "sparc64", "sh3", "hppa"]
WEAK = re.compile(r"^[ \t]*\.weak[ \t]+([^/|!#\n]+)", re.M)


def weak_symbols(port) -> set[str]:
    """Every symbol the port's snippets declare weak, macros expanded per source."""
    names = set()
    for path in port.snippets:
        for line in WEAK.findall(path.read_text()):
            for name in (n.strip() for n in line.split(",")):
                names |= ({name.replace("\\name", s.name) for s in port.sources}
                          if "\\name" in name else {name})
    return names


@pytest.mark.parametrize("name", PORTS)
def test_every_part_of_the_port_is_weak_and_a_snippet_replaces_it(name, tmp_path):
    """Every stub, handler, routine and replay path is weak; a file that
    defines all of them under the same names wins the link for each."""
    port = port_model(name)
    weak = weak_symbols(port)
    named = ({s.stub for s in port.sources} | {s.handler for s in port.sources}
             | {r.symbol for r in port.routines.values()})
    assert named <= weak
    user = tmp_path / "mine.S"
    user.write_text("\t.text\n" + "".join(f"\t.globl\t{s}\n\t.balign\t4\n{s}:\t.long\t0\n"
                                          for s in sorted(weak)))
    alone, mine = build_image(port), build_image(port, user)
    ports_last = max(alone.symbol(s) for s in weak)   # the port's text is linked first
    assert all(mine.symbol(s) > ports_last for s in weak)
    assert len({mine.symbol(s) for s in weak}) == len(weak)


def _check(port: str, snippet: str, *args: str) -> tuple[int, dict]:
    result = run_cli("check", port, "--snippet", str(DATA / "replace" / port / snippet),
                     *args, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)["routines"][0]


# (port, file, check arguments, the property that fails or None: holds).
# i386's Xdoreti replays only when a source pended during another
# interrupt, so only depth 2 reaches it.
REPLACED = [
    ("i386", "doreti.S", ("--depth", "2", "--from", "softnet", "--to", "softnet"), None),
    ("i386", "doreti_ignores_cpl.S", ("--depth", "2", "--from", "softnet", "--to", "softnet"),
     "no_window"),
    ("i386", "doreti_no_replay.S", ("--depth", "2", "--from", "softnet", "--to", "softnet"),
     "no_lost"),
    ("powerpc", "do_pending_int.S", ("--from", "high", "--to", "none"), None),
    # the same taking the lowest bit whatever it is: soft ones before the clock
    ("powerpc", "do_pending_lowest_first.S", ("--from", "high", "--to", "none"),
     "handler_priority"),
    ("powerpc", "do_pending_stays_high.S", ("--from", "high", "--to", "none"), "nesting"),
    ("powerpc", "do_pending_keeps_bit.S", ("--from", "high", "--to", "none"), "no_fault"),
]


@pytest.mark.parametrize("port,snippet,args,prop", REPLACED)
def test_a_users_replay_path_is_checked_under_the_ports_model(port, snippet, args, prop):
    routine = "splraise" if port == "i386" else "spllower"
    code, report = _check(port, snippet, "--routine", routine, *args)
    verdicts = report["verdicts"]
    if prop is None:
        assert code == 0 and all(v["holds"] and v["cases"] for v in verdicts.values())
        return
    assert code == 1 and not verdicts[prop]["holds"]
    ce = verdicts[prop]["counter_example"]
    assert ce["source"] and ce["what"] and len(ce["trace"]) > 1
    assert any(snippet in (step["line"] or "") for step in ce["timeline"]["steps"]), \
        "the counter-example runs the user's code"


# -- routines without arguments: kind `set` --------------------------------------------

def test_a_set_routine_goes_from_every_priority_to_its_one_ipl():
    port = port_model("i386")
    pairs = routine_pairs(port, "set", fixed="IPL_NONE")
    assert len(pairs) == len(distinct_levels(port))
    assert {t.name for _, t in pairs} == {"IPL_NONE"}
    # a level asked for by one of its names goes by that name (IPL_HIGH, not IPL_CLOCK)
    assert routine_pairs(port, "set", starts=["IPL_BIO"], fixed="IPL_HIGH")[0][1].name == "IPL_HIGH"


@pytest.mark.parametrize("port", PORTS)
def test_the_ports_spl0_and_splhigh_are_set_routines(port):
    model = port_model(port)
    assert (model.routines["spl0"].kind, model.routines["spl0"].ipl) == ("set", "IPL_NONE")
    assert (model.routines["splhigh"].kind, model.routines["splhigh"].ipl) == ("set", "IPL_HIGH")


# (port, routine=set:IPL, the property that must fail)
BROKEN_SET = [
    ("i386", "spl0_noreplay=set:IPL_NONE", "no_lost"),
    ("i386", "splhigh_noclock=set:IPL_HIGH", "exact"),
    ("i386", "splhigh_raise=set:high", "exact"),
    ("amd64", "spl0_noreplay=set:none", "no_lost"),
    ("amd64", "splhigh_noclock=set:high", "exact"),
    ("powerpc", "spl0_noreplay=set:none", "no_lost"),
    ("powerpc", "splhigh_noclock=set:high", "exact"),
    ("arm32", "spl0_noreplay=set:none", "no_lost"),
    ("arm32", "splhigh_noclock=set:high", "exact"),
    ("pmax", "spl0_hardonly=set:none", "exact"),
    ("pmax", "splhigh_noclock=set:high", "exact"),
    ("m68k", "spl0_raise=set:none", "exact"),
    ("m68k", "splhigh_noclock=set:high", "exact"),
    ("sparc", "spl0_nodelay=set:none", "exact"),
    ("sparc", "splhigh_noclock=set:high", "exact"),
    ("alpha", "spl0_returns_new=set:none", "returns_previous"),
    ("alpha", "splhigh_noclock=set:high", "exact"),
    ("sparc64", "spl0_returns_new=set:none", "returns_previous"),
    ("sparc64", "splhigh_noclock=set:high", "exact"),
    ("sh3", "spl0_returns_new=set:none", "returns_previous"),
    ("sh3", "splhigh_noclock=set:high", "exact"),
]


@pytest.mark.parametrize("port,routine,prop", BROKEN_SET)
def test_a_broken_set_routine_fails_with_the_right_property(port, routine, prop):
    result = run_cli("check", port, "--snippet", str(DATA / "broken" / port / "set.S"),
                     "--routine", routine, "--format", "json")
    assert result.returncode == 1, result.stderr
    report = valid_json(result.stdout, "check")["routines"][0]
    assert report["kind"] == "set" and report["ipl"] in ("IPL_NONE", "IPL_HIGH")
    verdict = report["verdicts"][prop]
    assert verdict["holds"] is False
    ce = verdict["counter_example"]
    assert ce["routine"] == routine.split("=")[0] and ce["what"] and len(ce["trace"]) > 1
    assert ce["to_ipl"] == report["ipl"]          # named as the routine's IPL was


def test_a_set_routine_in_the_text_report():
    result = run_cli("check", "m68k", "--routine", "splhigh")
    assert result.returncode == 0, result.stderr
    assert "splhigh (set IPL_HIGH, symbol splhigh): 7 IPL pairs" in result.stdout


@pytest.mark.parametrize("spec,message", [
    ("mine=set", "a set routine names its IPL: set:IPL_NAME"),
    ("mine=set:", "a set routine names its IPL: set:IPL_NAME"),
    ("mine=raise:IPL_NONE", "only set takes an IPL"),
    ("mine=set:nosuch", "unknown IPL 'nosuch'"),
    ("mine=sets:IPL_NONE", "KIND must be one of raise, lower, restore, set:IPL_NAME"),
])
def test_a_bad_set_routine_on_the_command_line_is_one_line(spec, message):
    result = run_cli("check", "i386", "--routine", spec)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr


@pytest.mark.parametrize("edit,message", [
    ("kind: set, ipl: IPL_NONE", None),
    ("kind: set", "routines.splraise.ipl: missing required key"),
    ("kind: raise, ipl: IPL_NONE", "only a set routine has a fixed IPL"),
    ("kind: set, ipl: IPL_NOSUCH", "unknown IPL 'IPL_NOSUCH'"),
])
def test_a_set_routine_in_the_yaml(tmp_path, edit, message):
    source = ROOT / "archs" / "m68k.yaml"
    text = source.read_text().replace("splraise: {symbol: splraise, kind: raise,",
                                      f"splraise: {{symbol: splraise, {edit},", 1)
    assert text != source.read_text()
    (tmp_path / "m68k.yaml").write_text(text)
    result = run_cli("check", str(tmp_path / "m68k.yaml"), "--routine", "splraise",
                     "--format", "json")
    if message is None:       # splraise as a set to IPL_NONE: it never lowers
        assert result.returncode == 1
        assert json.loads(result.stdout)["routines"][0]["verdicts"]["exact"]["holds"] is False
    else:
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "m68k.yaml:" in result.stderr
        assert message in result.stderr, result.stderr


# -- race: a user's dispatcher is judged by running it ---------------------------------

RACE_BROKEN = str(DATA / "broken" / "i386" / "race_broken.S")


@pytest.mark.parametrize("fix", [None, "none", "spllower", "ack"])
def test_a_users_racy_dispatcher_fails_whatever_its_label(fix):
    label = ["--fix", fix] if fix else []
    result = run_cli("race", "i386", "--snippet", RACE_BROKEN, "--dispatcher",
                     "race_dispatch_spllower_splx", *label, "--format", "json")
    assert result.returncode == 1, result.stderr
    (race,) = valid_json(result.stdout, "race")["races"]
    assert race["window"] and race["fails"] and not race["reference"]
    assert race["fix"] == (fix or "yours")
    # it calls ipl_le, so the comparison is checked, whatever the label says
    assert race["compare_ok"] and race["compare"].startswith("ipl_le agrees")


def test_the_ports_own_dispatchers_named_are_judged_too():
    """race_dispatch_none, named with --dispatcher, is a dispatcher like any
    other: its window fails; race_dispatch_ack closes it and holds, and
    calls no ipl_le, so no comparison is asked of it."""
    racy = run_cli("race", "i386", "--dispatcher", "race_dispatch_none", "--fix", "none")
    assert racy.returncode == 1 and "WINDOW" in racy.stdout
    safe = run_cli("race", "i386", "--dispatcher", "race_dispatch_ack", "--format", "json")
    assert safe.returncode == 0, safe.stderr
    (race,) = valid_json(safe.stdout, "race")["races"]
    assert not race["window"] and race["compare"] is None
    reference = run_cli("race", "i386", "--fix", "none")
    assert reference.returncode == 0 and "WINDOW" in reference.stdout


def test_the_users_code_has_a_legend_entry():
    args = ("race", "i386", "--snippet", RACE_BROKEN, "--dispatcher",
            "race_dispatch_spllower_splx")
    text = run_cli(*args).stdout
    assert "your dispatcher (race_dispatch_spllower_splx)" in text
    assert "Y your code" in " ".join(text.split())          # the legend, wrapped
    lanes = [line for line in text.splitlines() if " |" in line]
    assert any("Y" in line.split("|", 1)[1] for line in lanes)
    svg = run_cli(*args, "--format", "svg").stdout
    assert ">your code</text>" in svg
    assert "Y your code" not in " ".join(run_cli("race", "i386", "--fix", "none").stdout.split())


def test_race_md_flags_are_netbsd_callout_h():
    """sys/callout.h 1.18 (2003-07-20): PENDING 0x2, FIRED 0x4, INVOKING 0x8."""
    text = (ROOT / "kernel_snippets" / "RACE.md").read_text()
    assert "0x2 PENDING" in text and "0x4 FIRED" in text and "0x8 INVOKING" in text
    for port in PORTS:
        source = (ROOT / "kernel_snippets" / port / "race.S").read_text()
        values = dict(re.findall(r"\.equ(?:iv)?\s+(?:CO_)?(PENDING|INVOKING|FIRED),\s*(\d+)", source))
        assert values == {"PENDING": "2", "INVOKING": "8", "FIRED": "4"}, port
