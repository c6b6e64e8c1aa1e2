"""`iplemu table`: one row per port, produced by running the checks, in
five formats: text (plain ASCII, at most 72 columns), csv, json here; mail
and md, the reply to the list, in reply.py.

Rows are plain dicts.  They are cached on disk (cache.py: regular files,
checksummed) keyed by a hash of every input that decides them: the port
YAML, its snippets and the engine's own source, so a cached row is the row
a fresh run would print.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import textwrap
import time
from pathlib import Path

import yaml

from . import cache
from .assembler import build_image
from .cache import cache_dir
from .check import check_port
from .contract import PortCheck, routine_pairs
from .feasibility import assess
from .machine import Machine
from .model import PortModel, load_port
from .order import derive_order

ENGINE_DIR = Path(__file__).resolve().parent

COMPARE_SHORT = {"field": "field<=", "subset": "subset", "superset": "superset", "numeric": "mask<=",
                 "intr.h up": "IPL<=", "intr.h down": "IPL>="}

#: injections per case behind the table's verdicts by default (check
#: --depth; table --depth 2 asks for more): depth 2 costs ~40-100x depth 1
#: in CPU (i386: ~230 s against ~6 s, issue 10), too slow for a table that
#: runs every port's checks; the table and the mail say which depth
TABLE_DEPTH = 1

#: the legend's words for the check behind the spllower column, by depth
DEPTH_WORDS = {1: "one source per case",
               2: "and a second source at every boundary after the first's delivery, "
                  "its handler's included"}


def legend(depth: int = TABLE_DEPTH) -> str:
    """The table's legend, for rows checked at ``depth``."""
    spllower = textwrap.wrap(
        f"yes/no from running the port's spllower from every IPL to every lower one, with "
        f"every source injected at every instruction boundary, {DEPTH_WORDS[depth]} (check "
        f"--depth {depth}); Ni = how many instructions its common path runs (a count, not a "
        f"time); R = replays pending interrupts, D = waits out a delayed priority write, "
        f"A = not one atomic write", 62)
    return LEGEND.replace(SPLLOWER_MARK, "\n".join(
        ("spllower  " if i == 0 else " " * 10) + line for i, line in enumerate(spllower)))


SPLLOWER_MARK = "<spllower>"

LEGEND = """\
kind      level: a CPU field holds the priority; mask: a software word
          of blocked sources (a source is pended while blocked)
priority  register[bits] (the register alone when too long), or a
          memory word (mem; ~: its name cut short)
<spllower>
compare   the expression over spl values that orders the IPLs as the
          injections do (field<=: numeric compare of the level field;
          subset: (a & ~b) == 0; superset: (b & ~a) == 0, for spl
          values of enabled sources; IPL>=: intr.h numbers reversed)
soft      shared: IPL_SOFTCLOCK and IPL_SOFTNET block the same sources,
          so softnet cannot preempt softclock-level code
race      the PR#20390 callout race, every source at every boundary of
          softclock's dispatch: w/o = no fix, f1 = spllower(co_ipl),
          f2 = callout_stop/callout_ack; open = the handler touched
          freed state, shut = it never did"""


def _input_key(port: PortModel, depth: int) -> str:
    """A hash of what decides the row: the YAML, the assembled images (so
    every file the assembler read, ``.include``d ones too), the engine and
    the depth."""
    digest = hashlib.sha256(f"table-v4 depth {depth}".encode())
    images = [build_image(port)]
    if port.race_scenario.exists():
        images.append(build_image(port, port.race_scenario))
    for image in images:
        for base, body in image.segments:
            digest.update(base.to_bytes(8, "little") + hashlib.sha256(body).digest())
        digest.update(repr(sorted(image.symbols.items())).encode())
    for path in [port.path, *sorted(ENGINE_DIR.rglob("*.py"))]:
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def port_row(name: str, use_cache: bool = True, depth: int = TABLE_DEPTH) -> dict:
    """The table row of one port (a name, alias or YAML path; checks run
    unless a cached row matches)."""
    return port_rows([name], use_cache, depth=depth)[0]


def port_rows(names: list[str], use_cache: bool = True, jobs: int = 1,
              depth: int = TABLE_DEPTH) -> list[dict]:
    """The row of every name, in order: cached rows as they are, the others
    built from units of work spread over up to ``jobs`` processes (every
    routine's check of every port, and each port's order and race), the
    costliest first so that no port's checks finish alone on one core.  The
    rows are the same for any ``jobs``: each unit is decided by its inputs
    alone, and the rows are put together in the parent in port order."""
    from .parallel import map_ports
    ports = [load_port(name) for name in names]
    keys = [_input_key(port, depth) for port in ports]
    rows: list[dict | None] = []
    for port, key in zip(ports, keys):
        row = cache.read(_row_path(port, key)) if use_cache else None
        fresh = isinstance(row, dict) and row.get("port") == port.name and set(row) >= ROW_KEYS
        rows.append(row if fresh else None)
    units = [unit for index, row in enumerate(rows) if row is None
             for unit in _units(names[index], ports[index], depth)]
    units.sort(key=lambda unit: -unit[0])
    done = dict(zip([unit[1:] for unit in units],
                    map_ports(_run_unit, [unit[1:] for unit in units], jobs, "table: checks")))
    for index, (port, key) in enumerate(zip(ports, keys)):
        if rows[index] is None:
            row = rows[index] = _assembled_row(port, names[index], done, depth)
            row["inputs"] = key
            cache.write(_row_path(port, key), row)
    return rows


def _row_path(port: PortModel, key: str) -> Path:
    return cache_dir() / f"row-{port.name}-{key}.json"


def _units(name: str, port: PortModel, depth: int) -> list[tuple]:
    """(estimated cost, what, name, routine, depth) of the work behind one row:
    a check per routine (its cost taken as its pairs times the sources
    injected: a guess that orders the units, nothing more) and the port's
    order and race (cheap: last)."""
    units = [(len(routine_pairs(port, r.kind, fixed=r.ipl, argument=port.argument_kind(r.symbol)))
              * len(port.sources), "check", name, r.name, depth) for r in port.routines.values()]
    return units + [(0, "race", name, None, depth)]


def _run_unit(unit: tuple):
    """One unit (``_units``) in a worker, with a machine of its own: a
    (RoutineCheck, seconds) or the port's race columns (the order they
    need is derived again in the parent: it holds functions, which do not
    cross processes, and costs a fraction of a second)."""
    what, name, routine, depth = unit
    port = load_port(name)
    machine = Machine(port, build_image(port))
    if what == "race":
        return _race_columns(port, derive_order(machine))
    r = port.routines[routine]
    start = time.perf_counter()
    check = check_port(machine, [(r.name, r.symbol, r.kind, r.returns_value, r.ipl)],
                       depth=depth)
    return check.routines[0], time.perf_counter() - start


def _assembled_row(port: PortModel, name: str, done: dict, depth: int) -> dict:
    """The row of ``port`` from its units' results (as ``build_row``)."""
    checks = [done[("check", name, r, depth)] for r in port.routines]
    check = PortCheck(port.name, [c for c, _ in checks], sum(s for _, s in checks), depth)
    machine = Machine(port, build_image(port))
    return _finished_row(machine, check, derive_order(machine), done[("race", name, None, depth)])


#: keys every row has; a cached row without them is rebuilt
ROW_KEYS = {"port", "priority_kind", "priority_location", "spllower", "ipl_compare",
            "soft_levels", "routines_hold", "routines", "cases", "depth"}



def build_row(port: PortModel, extra: list[Path] = (), depth: int = TABLE_DEPTH) -> dict:
    """Run the checks, the order and the race of ``port`` (its snippets
    plus ``extra``) and make its row, in this process."""
    machine = Machine(port, build_image(port, list(extra)))
    check = check_port(machine, [(r.name, r.symbol, r.kind, r.returns_value, r.ipl)
                                 for r in port.routines.values()], depth=depth)
    order = derive_order(machine)
    return _finished_row(machine, check, order, _race_columns(port, order, extra))


def _finished_row(machine: Machine, check: PortCheck, order, race: dict) -> dict:
    row = _row(assess(machine, check, order))
    row["cites"] = cited_files(machine.port.path)
    row["depth"] = check.depth
    row.update(race)
    return row


def _race_columns(port: PortModel, order, extra: list[Path] = ()) -> dict:
    """Per fix: whether the race window exists, the comparison fix 1 relies
    on, the dispatch's length with no interrupt and the first
    counter-example (None where the port has no race scenario)."""
    from .race import FIXES, race_machine, run_race
    if not port.race_scenario.exists():
        return {f"race_{fix}": None for fix in FIXES}
    machine = race_machine(port, list(extra))
    columns = {}
    for fix in FIXES:
        result = run_race(machine, fix, order=order)
        ce = result.counter_example
        columns[f"race_{fix}"] = {
            "window": result.window, "cases": result.cases, "width": result.width,
            "compare_ok": result.compare_ok, "compare": result.compare,
            "dispatcher": result.dispatcher, "path": result.path,
            "counter_example": {k: ce[k] for k in ("source", "step", "stale_step", "latency",
                                                   "instruction", "line", "symbol", "timeline")}
            if ce else None}
    return columns


#: a NetBSD file a YAML cites (path as written) and the revision after it, if any
_CITATION = re.compile(r"\b((?:[\w-]+/)*[\w-]+\.[chsS])\b(?:\s+(\d+\.\d+(?:\.\d+)*))?")


def cited_files(yaml_path: Path) -> list[str]:
    """The source files a port YAML's `source:` entries cite, each once
    with the revisions given ('alpha/include/alpha_cpu.h 1.7'); files of
    another system ('OpenBSD sparc psl.h 1.8') are left out."""
    found: dict[str, tuple[str, set]] = {}
    for text in _sources(yaml.safe_load(yaml_path.read_text())):
        for match in _CITATION.finditer(text):
            if "OpenBSD" in text[max(0, match.start() - 24):match.start()]:
                continue
            path, rev = match.group(1).removeprefix("sys/").removeprefix("arch/"), match.group(2)
            name = path.rsplit("/", 1)[-1]
            shown, revs = found.get(name, (path, set()))
            found[name] = (max(shown, path, key=len), revs | ({rev} if rev else set()))
    return [f"{path} {', '.join(sorted(revs))}".strip() for path, revs in found.values()]


def _sources(data):
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "source" and isinstance(value, str):
                yield value
            else:
                yield from _sources(value)
    elif isinstance(data, list):
        for value in data:
            yield from _sources(value)


def _race_cell(row: dict, fix: str) -> str:
    race = row.get(f"race_{fix}")
    if race is None:
        return "-"
    if fix == "none":
        return "open" if race["window"] else "shut"
    return "OPEN" if race["window"] or not race["compare_ok"] else "shut"


def _counter(ce) -> dict | None:
    if ce is None:
        return None
    return {k: getattr(ce, k) for k in ("from_ipl", "to_ipl", "step", "instruction", "line",
                                         "symbol", "source", "what")}


def _row(f) -> dict:
    lower = f.spllower_routine
    return {
        "port": f.port,
        "priority_kind": f.priority_kind,
        "priority_location": f.location,
        "spllower": f.spllower,
        "spllower_conditions": f.spllower_conditions,
        "spllower_cost": lower.common_path if lower else None,
        "spllower_atomic": lower.atomic if lower else None,
        "spllower_pairs": lower.pairs if lower else 0,
        "ipl_compare": f.compare,
        "ipl_compare_how": f.compare_how,
        "ipl_compare_name": f.order.comparison.name if f.order.comparison else None,
        "ipl_candidates": [{"name": c.name, "expression": c.expression, "agrees": c.agrees}
                           for c in f.order.candidates],
        "ipl_chain": f.order.chain,
        "ipl_aliases": f.order.aliases,
        "soft_levels": f.soft,
        "softnet_preempts_softclock": f.softnet_preempts_softclock,
        "routines_hold": f.check.holds,
        "routines": {r.routine: {"kind": r.kind, "holds": r.holds,
                                 "cases": sum(v.cases for v in r.verdicts.values()),
                                 "pairs": r.pairs, "cost": r.common_path,
                                 "verdicts": {prop: {"holds": v.reported, "cases": v.cases,
                                                     "counter_example": _counter(v.counter_example)}
                                              for prop, v in r.verdicts.items()}}
                     for r in f.check.routines},
        "cases": f.cases,
        "seconds": round(f.check.seconds, 2),
    }


# -- rendering ---------------------------------------------------------------------

def _spllower_cell(row: dict) -> str:
    if row["spllower"] != "yes":
        return row["spllower"]
    flags = ""
    conditions = " ".join(row["spllower_conditions"])
    flags += "R" if "replays" in conditions else ""
    flags += "D" if "delay" in conditions else ""
    flags += "A" if "atomic" in conditions else ""
    return f"yes {row['spllower_cost']}i" + (f" {flags}" if flags else "")


LOCATION_CELL = 9     # the priority column's width in text: the table stays within WIDTH


def _location_cell(location: str) -> str:
    """'psr[11:8]', 'cpl (mem)' when they fit the column; else a register
    without its bit range, a memory word's name cut short and marked '~'
    (the json and md rows have them whole)."""
    if not location.endswith(" (memory)"):
        return location if len(location) <= LOCATION_CELL else location.partition("[")[0]
    symbol = location[:-len(" (memory)")]
    if len(symbol) + len(" (mem)") <= LOCATION_CELL:
        return f"{symbol} (mem)"
    return symbol[:LOCATION_CELL - 1] + "~"


def _cells(row: dict) -> list[str]:
    compare = COMPARE_SHORT.get(row["ipl_compare_name"], "no") if row["ipl_compare"] == "yes" else "no"
    return [row["port"], row["priority_kind"], _location_cell(row["priority_location"]),
            _spllower_cell(row), compare, row["soft_levels"],
            _race_cell(row, "none"), _race_cell(row, "spllower"), _race_cell(row, "ack")]


HEADER = ["port", "kind", "priority", "spllower", "compare", "soft", "w/o", "f1", "f2"]


RACE_COLUMNS = 3   # w/o, f1, f2: one space apart, so that the table fits 72 columns


def _joined(cells: list[str]) -> str:
    first = len(cells) - RACE_COLUMNS
    return "  ".join(cells[:first]) + "  " + " ".join(cells[first:])


def text_table(rows: list[dict]) -> list[str]:
    table = [HEADER] + [_cells(r) for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADER))]
    lines = [_joined([cell.ljust(w) for cell, w in zip(line, widths)]).rstrip() for line in table]
    lines.insert(1, _joined(["-" * w for w in widths]))
    return lines


def render_text(rows: list[dict]) -> str:
    return "\n".join(text_table(rows)) + "\n\n" + legend(rows_depth(rows))


def rows_depth(rows: list[dict]) -> int:
    """The depth the rows were checked at (one table asks for one)."""
    return max((r.get("depth", 1) for r in rows), default=1)


def md_table(rows: list[dict]) -> str:
    head = ["port", "kind", "priority in", "spllower", "insns (common path)", "conditions",
            "IPL compare", "how", "soft levels", "race, no fix", "fix 1", "fix 2", "cases"]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        out.append("| " + " | ".join([
            r["port"], r["priority_kind"], f"`{r['priority_location']}`", r["spllower"],
            str(r["spllower_cost"]), ", ".join(r["spllower_conditions"]) or "-",
            r["ipl_compare"], f"`{r['ipl_compare_how']}`" if r["ipl_compare_how"] else "-",
            r["soft_levels"], _race_cell(r, "none"), _race_cell(r, "spllower"),
            _race_cell(r, "ack"), str(r["cases"])]) + " |")
    return "\n".join(out)


def render_csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    fields = ["port", "priority_kind", "priority_location", "spllower", "spllower_cost",
              "spllower_conditions", "ipl_compare", "ipl_compare_how", "soft_levels",
              "softnet_preempts_softclock", "race_no_fix", "race_fix1", "race_fix2", "cases"]
    writer = csv.DictWriter(buffer, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for r in rows:
        r = {k: ("true" if v else "false") if isinstance(v, bool) else v for k, v in r.items()}
        writer.writerow({**r, "spllower_conditions": "; ".join(r["spllower_conditions"]),
                         "race_no_fix": _race_cell(r, "none"), "race_fix1": _race_cell(r, "spllower"),
                         "race_fix2": _race_cell(r, "ack")})
    return buffer.getvalue().rstrip("\n")


def render_json(rows: list[dict]) -> str:
    from .jsonout import document
    return document("table", {"rows": rows})


def render_mail(rows: list[dict]) -> str:
    from .reply import reply_mail
    return reply_mail(rows)


def render_md(rows: list[dict]) -> str:
    from .reply import reply_md
    return reply_md(rows)


RENDERERS = {"text": render_text, "mail": render_mail, "md": render_md, "csv": render_csv,
             "json": render_json}
