"""The reply to the 2003 tech-kern thread, from the table's rows: a
conclusion generated from the verdicts (it changes when they change), the
coverage of NetBSD's CPU families, per port the comparison expression and
the measured cost of each fix, the first counter-example of every open
cell, the history, where the routines come from, and how to reproduce it.

One content, two renderings: ``reply_mail`` (plain ASCII, at most 72
columns) and ``reply_md`` (Markdown, pictures linked).
"""

from __future__ import annotations

import hashlib
import textwrap
from importlib import metadata

from .model import load_port
from .netbsd import coverage, history
from .racereport import ascii_timeline
from .table import DEPTH_WORDS, legend, md_table, rows_depth, text_table

WIDTH = 72
FIXES = (("spllower", "fix 1"), ("ack", "fix 2"))
PICTURE = "iplemu-race.svg"


# -- words ---------------------------------------------------------------------------

def names(items) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def boundaries(n: int) -> str:
    return f"{n} boundar{'y' if n == 1 else 'ies'}"


def span(values) -> str:
    """'+5', or '+2..+9' over several ports."""
    values = sorted(set(values))
    sign = lambda v: f"{v:+d}"
    return sign(values[0]) if len(values) == 1 else f"{sign(values[0])}..{sign(values[-1])}"


def version() -> str:
    try:
        return metadata.version("iplemu")
    except metadata.PackageNotFoundError:
        return "(not installed)"


# -- what the rows say -----------------------------------------------------------------

def lower_routine(row: dict) -> tuple[str, dict] | None:
    return next(((n, r) for n, r in row["routines"].items() if r.get("kind") == "lower"), None)


def properties(rows: list[dict]) -> list[str]:
    """Every property any routine was checked for, in the order met."""
    seen = {}
    for row in rows:
        for routine in row["routines"].values():
            seen.update(dict.fromkeys(routine.get("verdicts", {})))
    return list(seen)


def failures(row: dict) -> list[tuple[str, str, dict]]:
    """(routine, property, counter-example) of every failing verdict."""
    return [(name, prop, v["counter_example"] or {})
            for name, routine in row["routines"].items()
            for prop, v in routine.get("verdicts", {}).items() if v["holds"] is False]


def race(row: dict, fix: str) -> dict | None:
    return row.get(f"race_{fix}")


def closes(result: dict) -> bool:
    return not result["window"] and result["compare_ok"]


def extra_cost(row: dict, fix: str) -> int | None:
    """Instructions the fix adds to the dispatch with no interrupt (the
    longest over write latencies)."""
    base, fixed = race(row, "none"), race(row, fix)
    if not base or not fixed or not base.get("path") or not fixed.get("path"):
        return None
    return max(fixed["path"]) - max(base["path"])


def intrh_order(row: dict) -> str:
    """'up', 'down' or 'no': do the intr.h numbers order the IPLs?"""
    agrees = {c["name"]: c["agrees"] for c in row.get("ipl_candidates", [])}
    return "up" if agrees.get("intr.h up") else "down" if agrees.get("intr.h down") else "no"


# -- the content -------------------------------------------------------------------------

def conclusion(rows: list[dict]) -> list[str]:
    """The three questions, answered from the verdicts."""
    ports = [r["port"] for r in rows]
    props = properties(rows)
    out = []

    held = [r for r in rows if r["spllower"] == "yes"]
    failed = [r for r in rows if r["spllower"] == "no"]
    untested = [r["port"] for r in rows if r["spllower"] not in ("yes", "no")]
    cases = sum(lower_routine(r)[1]["cases"] for r in held)
    checked = f"all {len(props)} properties checked ({', '.join(props)})"
    if held and not failed and not untested:
        text = (f"spllower(): yes, on every port run ({names(ports)}). Each port's spllower, "
                f"in its own assembly, holds {checked} from every IPL to every lower one, "
                f"with every source injected at every instruction boundary, "
                f"{DEPTH_WORDS[rows_depth(rows)]} ({cases} cases; iplemu check --depth "
                f"{rows_depth(rows)}).")
    else:
        text = "spllower(): not shown on every port run."
        for r in failed:
            name, _ = lower_routine(r)
            bad = [p for n, p, _ in failures(r) if n == name]
            text += (f" On {r['port']} {name} fails {names(bad)}"
                     f" ({first_failure(r, name)}).")
        if untested:
            text += f" {names(untested)} name{'s' if len(untested) == 1 else ''} no spllower."
        if held:
            text += f" It holds {checked} on {names(r['port'] for r in held)} ({cases} cases)."
    needs = {}
    for r in held:
        for condition in r["spllower_conditions"]:
            needs.setdefault(condition, []).append(r["port"])
    if needs:
        text += " What it takes: " + "; ".join(f"{c} on {names(p)}" for c, p in needs.items()) + "."
    out.append(text)

    comparable = [r for r in rows if r["ipl_compare"] == "yes"]
    text = ("Comparing IPLs: " + ("yes, on every port run" if len(comparable) == len(rows)
                                  else f"on {names(r['port'] for r in comparable)} only"
                                  if comparable else "on no port run"))
    if comparable:
        text += (", by an expression over spl values that orders the IPLs as the "
                 "injections do (per port below)")
    orders = {kind: [r["port"] for r in comparable if intrh_order(r) == kind]
              for kind in ("up", "down", "no")}
    if orders["down"] or orders["no"]:
        parts = []
        if orders["up"]:
            parts.append(f"they order them on {names(orders['up'])}")
        if orders["down"]:
            parts.append(f"they count the other way on {names(orders['down'])}")
        if orders["no"]:
            parts.append(f"no order of them fits on {names(orders['no'])}")
        text += "; but not by their intr.h numbers: " + "; ".join(parts)
    without = [r["port"] for r in rows if r["ipl_compare"] != "yes"]
    if without:
        text += f". No comparison fits on {names(without)}: some IPLs block incomparable sets"
    out.append(text + ".")

    raced = [r for r in rows if race(r, "none")]
    if raced:
        opened = [r for r in raced if race(r, "none")["window"]]
        shut = [r for r in raced if not race(r, "none")["window"]]
        text = "The race: with the 2003 code the window "
        if opened:
            text += (f"opens on {names(r['port'] for r in opened)} ("
                     + ", ".join(boundaries(race(r, "none")["width"]) for r in opened) + ")")
            distinct = [r["port"] for r in opened if r["soft_levels"] == "distinct"]
            if distinct:
                text += (", where softnet can preempt softclock" if len(distinct) == len(opened)
                         else f"; softnet can preempt softclock on {names(distinct)}")
        else:
            text += "opens on no port run"
        if shut:
            shared = [r["port"] for r in shut if r["soft_levels"] == "shared"]
            other = [r["port"] for r in shut if r["soft_levels"] != "shared"]
            text += f"; it stays shut on {names(r['port'] for r in shut)}"
            if shared and not other:
                text += ", where softclock and softnet share one level"
            elif shared:
                text += f" (softclock and softnet share one level on {names(shared)})"
        text += "."
        expected = [f.name for f in coverage(ports).not_yet if f.soft == "distinct"]
        if expected:
            text += (f" Not yet run: NetBSD's sources give softclock and softnet distinct "
                     f"levels, so the window is expected, on {names(expected)} too.")
        out.append(text)

        text = "Which fix: "
        failing = {label: [r["port"] for r in raced if not closes(race(r, fix))]
                   for fix, label in FIXES}
        if not any(failing.values()):
            text += "both close the window on every port run."
        else:
            text += "; ".join(
                f"{label} closes it on " + (names(r["port"] for r in raced if r["port"] not in bad)
                                            or "no port run")
                + (f" and fails on {names(bad)} (below)" if bad else "")
                for label, bad in failing.items()) + "."
        costs, fewer = [], False
        for fix, label in FIXES:
            added = [c for c in (extra_cost(r, fix) for r in raced) if c is not None]
            if added:
                costs.append(f"{label} {span(added)}")
                fewer |= min(added) < 0
        if costs:
            text += (" Instructions each adds to the dispatch of one callout with no interrupt "
                     f"(run on each port): {', '.join(costs)}"
                     + (" (below zero: shorter than the 2003 code)" if fewer else "")
                     + "; per port below.")
        asks = history().get("fixes", {})
        text += " " + " ".join(f"{label.capitalize()} asks for {' '.join(asks[fix]['asks'].split())}."
                               for fix, label in FIXES if fix in asks)
        shipped = history().get("verdict")
        if shipped:
            text += f" {shipped}"
        out.append(text)
    return out


def first_failure(row: dict, routine: str) -> str:
    """The routine's first failing property and its counter-example."""
    prop, ce = next(((p, ce) for n, p, ce in failures(row) if n == routine), ("", {}))
    return f"{prop}: {describe(ce)}"


def coverage_text(rows: list[dict]) -> list[str]:
    cov = coverage([r["port"] for r in rows])
    total = len(cov.executed) + len(cov.not_yet)
    run = "; ".join(f"{f.name} ({', '.join(p)})" for f, p in cov.executed)
    text = (f"Executed: {len(cov.executed)} of the {total} CPU families NetBSD ran on in "
            f"2003: {run or 'none'}.")
    if cov.unlisted:
        text += f" Also run, in no listed family: {names(cov.unlisted)}."
    if cov.not_yet:
        by_soft = {}
        for f in cov.not_yet:
            by_soft.setdefault(f.soft, []).append(f.name)
        text += (f" Not executed yet: {names(f.name for f in cov.not_yet)}; their soft levels, "
                 f"by NetBSD's sources: " + "; ".join(f"{k} on {names(v)}" for k, v in by_soft.items())
                 + ".")
    return [text, f"(The list: {' '.join(cov.source.split())} Per family in "
                  f"netbsd/families.yaml.)"]


def port_lines(row: dict) -> tuple[str, list[str]]:
    """One port's evidence: a heading and items."""
    items = []
    props = properties([row])
    holding = [n for n, r in row["routines"].items() if r["holds"]]
    title = (f"{row['port']} (priority: {row['priority_kind']} in {row['priority_location']}; "
             f"{row['cases']} cases)")
    if holding:
        items.append(f"{names(holding)} hold{'s' if len(holding) == 1 else ''} all "
                     f"{len(props)} properties.")
    for name, prop, ce in failures(row):
        items.append(f"{name} FAILS {prop}: " + describe(ce))
    lower = lower_routine(row)
    if lower:
        items.append(f"spllower: {lower[1]['cost']} instructions on its common path (a "
                     f"count, not a time), over {row['spllower_pairs']} IPL pairs"
                     + (f"; {', '.join(row['spllower_conditions'])}" if row["spllower_conditions"] else "")
                     + ".")
    if row["ipl_compare"] == "yes":
        items.append(f"compare: a <= b iff {row['ipl_compare_how']}")
    else:
        items.append("compare: no comparison of spl values fits the observed order")
    base = race(row, "none")
    if base:
        path = lambda fix: max(race(row, fix)["path"]) if race(row, fix).get("path") else None
        costs = [f"2003 code {path('none')}"] + [
            f"{label} {path(fix)} ({extra_cost(row, fix):+d})" for fix, label in FIXES
            if path(fix) is not None]
        items.append(f"one callout dispatched, no interrupt: {', '.join(costs)} instructions.")
        cells = [f"no fix {'OPEN at ' + boundaries(base['width']) if base['window'] else 'shut'}"]
        for fix, label in FIXES:
            r = race(row, fix)
            cells.append(f"{label} {'shut' if closes(r) else 'OPEN'}"
                         + ("" if r["compare_ok"] else f" ({r['compare']})"))
        items.append(f"race: {', '.join(cells)} "
                     f"({sum(race(row, f)['cases'] for f in ('none', 'spllower', 'ack'))} cases).")
    return title, items


def describe(ce: dict) -> str:
    """A check counter-example in one sentence."""
    if not ce:
        return "no counter-example recorded"
    where = ce.get("line") or ce.get("symbol")
    where = f" ({where})" if where else ""
    source = f"{ce['source']} at " if ce.get("source") else ""
    return (f"{ce['from_ipl']} -> {ce['to_ipl']}, {source}step {ce['step']}, "
            f"{ce['instruction']}{where}: {ce['what']}")


def counter_examples(rows: list[dict], width: int) -> list[tuple[str, list[str]]]:
    """(heading, ASCII timeline) of the first counter-example of every
    open race cell."""
    found = []
    for row in rows:
        for fix, label in (("none", "no fix"), *FIXES):
            r = race(row, fix)
            ce = r and r.get("counter_example")
            if not ce:
                continue
            where = ce.get("line") or ce.get("symbol")
            where = f" ({where})" if where else ""
            head = (f"{row['port']}, {label} ({r['dispatcher']}): {ce['source']} requested "
                    f"at step {ce['step']}, before {ce['instruction']}{where}; the timer "
                    f"touches freed state at step {ce['stale_step']}.")
            found.append((head, ascii_timeline(load_port(row["port"]), ce["timeline"], width)))
    return found


def history_lines() -> list[str]:
    return [f"{item['year']}: {' '.join(item['text'].split())} ({item['source']})."
            for item in history().get("shipped", [])]


def origin_lines(rows: list[dict]) -> tuple[str, list[str]]:
    text = ("The routines are not NetBSD's own files: they were written for iplemu "
            "after NetBSD 1.6 sources, in each port's assembly (kernel_snippets/<port>/), "
            "with the facts in archs/<port>.yaml. The files those cite:")
    return text, [f"{r['port']}: {', '.join(r.get('cites', [])) or 'none cited'}" for r in rows]


def reproduce(rows: list[dict], fmt: str) -> str:
    digest = hashlib.sha256("".join(r.get("inputs", "") for r in rows).encode()).hexdigest()[:12]
    ports = " ".join(r["port"] for r in rows)
    depth = rows_depth(rows)
    deeper = f" --depth {depth}" if depth != 1 else ""
    return (f"iplemu {version()}, inputs {digest} (a hash of the YAMLs, snippets and "
            f"engine): iplemu table --ports {ports}{deeper} --format {fmt}; the races alone: "
            f"iplemu race {ports}; one port's checks: iplemu check PORT{deeper}.")


def subject() -> str:
    return f"Subject: Re: {history()['thread']['subject']}"


QUESTION = ("Can spllower() exist on every port, can two IPLs be compared, and which fix? "
            "I ran each port's spl routines, in its own assembly, on an emulated CPU that "
            "takes interrupts as the hardware does, injecting every interrupt source at "
            "every instruction boundary (iplemu). In short:")


# -- the two renderings ------------------------------------------------------------------

def _fill(text: str, first: str = "", rest: str = "") -> str:
    return textwrap.fill(" ".join(text.split()), WIDTH, initial_indent=first,
                         subsequent_indent=rest, break_on_hyphens=False, break_long_words=True)


def reply_mail(rows: list[dict]) -> str:
    out = [subject(), "", _fill(QUESTION), ""]
    for i, text in enumerate(conclusion(rows), 1):
        out += [_fill(text, f"{i}. ", "   "), ""]
    section = lambda title: out.extend([title, "-" * len(title)])
    section("Coverage")
    out += [_fill(t) for t in coverage_text(rows)] + [""]
    section("The table")
    out += text_table(rows) + [""] + legend(rows_depth(rows)).splitlines() + [""]
    section("Per port")
    for row in rows:
        title, items = port_lines(row)
        out += [_fill(title)] + [_fill(item, "  - ", "    ") for item in items] + [""]
    examples = counter_examples(rows, WIDTH)
    if examples:
        section("Counter-examples (the first of every open cell)")
        for head, picture in examples:
            out += [_fill(head), *picture, ""]
        out += [_fill(f"A picture of every port and fix: iplemu race --all --format svg "
                      f"> {PICTURE}"), ""]
    section("What NetBSD did")
    out += [_fill(t, "- ", "  ") for t in history_lines()] + [""]
    section("Where the routines come from")
    text, cites = origin_lines(rows)
    out += [_fill(text)] + [_fill(c, "- ", "  ") for c in cites] + [""]
    section("Reproduce")
    out.append(_fill(reproduce(rows, "mail")))
    return "\n".join(line.rstrip() for line in "\n".join(out).splitlines())


def reply_md(rows: list[dict]) -> str:
    code = lambda text: f"`{text}`"
    out = [f"# Re: {history()['thread']['subject']}", "", " ".join(QUESTION.split()), ""]
    out += [f"{i}. {' '.join(text.split())}" for i, text in enumerate(conclusion(rows), 1)]
    out += ["", "## Coverage"]
    for text in coverage_text(rows):
        out += ["", " ".join(text.split())]
    out += ["", "## The table", "", md_table(rows), "", "```", legend(rows_depth(rows)), "```"]
    out += ["", "## Per port", ""]
    for row in rows:
        title, items = port_lines(row)
        out += [f"- **{title}**"] + [f"  - {item}" for item in items]
    examples = counter_examples(rows, 100)
    out += ["", "## Counter-examples (the first of every open cell)", ""]
    for head, picture in examples:
        out += [head, "", "```", *picture, "```", ""]
    out += [f"![PR#20390: every port x fix, priority over time]({PICTURE})", "",
            f"*The picture: {code(f'iplemu race --all --format svg > {PICTURE}')}; hover a "
            f"step for its instruction and file:line.*"]
    out += ["", "## What NetBSD did", ""] + [f"- {t}" for t in history_lines()]
    text, cites = origin_lines(rows)
    out += ["", "## Where the routines come from", "", text, ""] + [f"- {c}" for c in cites]
    out += ["", "## Reproduce", "", reproduce(rows, "md")]
    return "\n".join(out)
