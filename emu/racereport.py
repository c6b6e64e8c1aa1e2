"""Render `iplemu race` results: text (with an ASCII timeline of each first
counter-example) and JSON.  The SVG pictures are in svgtimeline.py."""

from __future__ import annotations

import textwrap

from .model import PortModel
from .race import RaceResult

FIX_TITLE = {"none": "no fix (2003 code)", "spllower": "fix 1: spllower(co_ipl)",
             "ack": "fix 2: callout_stop/callout_ack", "yours": "your dispatcher"}
GLYPH = {"dispatcher": "D", "callout handler": "H", "network input": "N", "spl routine": "s",
         "interrupt": "i", "your code": "Y", "other": "."}
SHOWN_IF_RUN = ("your code",)             # regions in the legend only where a run has them
#: event marks under the lanes, the strongest first where two share a column
EVENT_GLYPH = (("stale", "X"), ("replay", "r"), ("direct", "h"), ("pended", "p"),
               ("taken", "t"), ("inject", "^"))
EVENT_WORDS = {"inject": "requested", "taken": "taken by the CPU", "pended": "pended",
               "replay": "replayed", "direct": "run directly", "stale": "stale access"}
LABEL_WIDTH = 12
TEXT_WIDTH = 78


def height(port: PortModel, priority: int) -> int:
    """Rank priorities for drawing: more blocked sources is higher."""
    return sum(port.blocks(priority, s) for s in port.sources) * 1000 + (
        bin(priority).count("1") if port.priority.kind == "mask" else priority)


def level_name(port: PortModel, priority: int) -> str:
    """'SOFTCLOCK/SOFTNET' for a named priority, else its value."""
    names = [n.replace("IPL_", "") for n in port.names_at(priority)]
    return "/".join(names) if names else port.priority_label(priority)


def levels(port: PortModel, tl: dict) -> list[int]:
    """The priorities a timeline visits, highest first."""
    return sorted({s["priority"] for s in tl["steps"]} | {tl["priority_before"]},
                  key=lambda p: height(port, p), reverse=True)


def marks(tl: dict) -> list[tuple[int, str]]:
    """(boundary step, mark kind) of what happened: requested, taken,
    pended, replayed, run directly, stale access."""
    found = []
    for e in tl.get("events", []):
        kind = e["detail"] if e["kind"] == "handler" else e["kind"]
        if kind in EVENT_WORDS:
            found.append((e["step"], kind))
    if tl.get("stale_step") is not None:
        found.append((tl["stale_step"] - 1, "stale"))
    return found


def ascii_timeline(port: PortModel, tl: dict, width: int = TEXT_WIDTH) -> list[str]:
    """Priority lanes over time, the events under them, the window, a
    legend; no line longer than ``width``."""
    steps = tl["steps"]
    if not steps:
        return []
    pad = " " * (2 + LABEL_WIDTH)
    room = width - len(pad) - 2
    per = max(1, -(-len(steps) // room))
    columns = [steps[i:i + per] for i in range(0, len(steps), per)]
    column = lambda step: min(len(columns) - 1, max(0, (step - 1) // per))
    rows = []
    for level in levels(port, tl):
        cells = "".join(next((GLYPH[s["region"]] for s in col if s["priority"] == level), " ")
                        for col in columns)
        rows.append(f"  {level_name(port, level)[:LABEL_WIDTH]:>{LABEL_WIDTH}} |{cells}".rstrip())
    rows.append(f"{pad} +{'-' * len(columns)}")
    line, rank = [" "] * len(columns), {k: i for i, (k, _) in enumerate(EVENT_GLYPH)}
    best = [len(rank)] * len(columns)
    found = marks(tl)
    for step, kind in found:
        c = column(step + 1)
        if rank[kind] < best[c]:
            best[c], line[c] = rank[kind], dict(EVENT_GLYPH)[kind]
    rows.append(f"  {'events':>{LABEL_WIDTH}}  {''.join(line)}".rstrip())
    window = tl.get("window")
    if window:
        first, last = column(window[0]), column(window[1])
        rows.append(f"  {'window':>{LABEL_WIDTH}}  {' ' * first}{'=' * (last - first + 1)}")
    kinds = {kind for _, kind in found}
    words = [f"{g} {EVENT_WORDS[k]}" for k, g in reversed(EVENT_GLYPH) if k in kinds]
    legend = (f"{tl.get('source') or 'a source'}: " + ", ".join(words) + ";" if words else "")
    if window:
        legend += " = the window (the unlock to the timer's own spl);"
    present = {s["region"] for s in steps}
    legend += f" 1 column = {per} insn{'s' if per > 1 else ''}; " + ", ".join(
        f"{g} {name}" for name, g in GLYPH.items()
        if name != "other" and (name not in SHOWN_IF_RUN or name in present))
    rows += textwrap.wrap(legend, width, initial_indent=pad + "  ", subsequent_indent=pad + "  ")
    return rows


def races_to_text(port_models: dict[str, PortModel], results: list[RaceResult]) -> str:
    out = []
    for r in results:
        port = port_models[r.port]
        lat = f" x {len(r.latencies)} write latencies" if len(r.latencies) > 1 else ""
        head = f"{r.port}: {FIX_TITLE.get(r.fix, r.fix)} ({r.dispatcher}): "
        if r.window:
            head += (f"WINDOW: the handler touched freed state; opens at {r.width} boundaries, "
                     f"{r.cases} cases{lat}, {r.runs} runs")
        else:
            head += f"no window in {r.cases} cases{lat} ({r.runs} runs)"
        out.append(head)
        out.append(f"  dispatch path with no interrupt: {path_text(r.path)}")
        if r.compare:
            out.append(f"  compare: {r.compare}")
        for o in r.openings[:12]:
            where = f" ({o.line or o.symbol})" if o.line or o.symbol else ""
            out.append(f"  opens: step {o.step:>3} 0x{o.address:08x} {o.instruction}{where}  <- {o.source}")
        if len(r.openings) > 12:
            out.append(f"  ... {len(r.openings) - 12} more")
        ce = r.counter_example
        if ce:
            out.append(f"  first counter-example: {ce['source']} at step {ce['step']}, "
                       f"stale access at step {ce['stale_step']}"
                       + (f", write latency {ce['latency']}" if ce["latency"] is not None else ""))
            out += ascii_timeline(port, ce["timeline"])
        out.append("")
    return "\n".join(out).rstrip()


def path_text(path: list[int]) -> str:
    """'31 insns', or '31..34 insns' over write latencies."""
    if not path:
        return "-"
    lo, hi = min(path), max(path)
    return f"{lo} insns" if lo == hi else f"{lo}..{hi} insns"


def races_to_json(results: list[RaceResult]) -> str:
    from .jsonout import document
    return document("race", {"races": [r.to_json() for r in results]})
