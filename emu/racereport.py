"""Render `iplemu race` results: text (with an ASCII timeline of each first
counter-example), JSON, and an SVG timeline (time across, priority up)."""

from __future__ import annotations

import json
from html import escape

from .model import PortModel
from .race import RaceResult

FIX_TITLE = {"none": "no fix (2003 code)", "spllower": "fix 1: spllower(co_ipl)",
             "ack": "fix 2: callout_stop/callout_ack"}
GLYPH = {"dispatcher": "D", "callout handler": "H", "network input": "N", "spl routine": "s",
         "interrupt": "i", "other": "."}
COLOUR = {"dispatcher": "#4477aa", "callout handler": "#228833", "network input": "#ee6677",
          "spl routine": "#aaaaaa", "interrupt": "#ccbb44", "other": "#dddddd"}
ASCII_WIDTH = 60


def _height(port: PortModel, priority: int) -> int:
    """Rank priorities for drawing: more blocked sources is higher."""
    return sum(port.blocks(priority, s) for s in port.sources) * 1000 + (
        bin(priority).count("1") if port.priority.kind == "mask" else priority)


def _level_name(port: PortModel, priority: int) -> str:
    """'SOFTCLOCK/SOFTNET' for a named priority, else its value."""
    names = [n.replace("IPL_", "") for n in port.names_at(priority)]
    return "/".join(names) if names else port.priority_label(priority)


def ascii_timeline(port: PortModel, tl: dict) -> list[str]:
    steps = tl["steps"]
    if not steps:
        return []
    per = max(1, -(-len(steps) // ASCII_WIDTH))
    columns = [steps[i:i + per] for i in range(0, len(steps), per)]
    levels = sorted({s["priority"] for s in steps} | {tl["priority_before"]},
                    key=lambda p: _height(port, p), reverse=True)
    label = lambda p: _level_name(port, p)[:14]
    rows = []
    for level in levels:
        cells = "".join(next((GLYPH[s["region"]] for s in col if s["priority"] == level), " ")
                        for col in columns)
        rows.append(f"  {label(level):>14} |{cells}")
    marks = [" "] * len(columns)
    for key, glyph in (("taken_step", "^"), ("stale_step", "X")):
        if tl[key] is not None:
            marks[min(len(columns) - 1, max(0, (tl[key] - 1) // per))] = glyph
    rows.append(f"  {'':>14} +{'-' * len(columns)}")
    rows.append(f"  {'':>14}  {''.join(marks)}")
    rows.append(f"  {'':>14}  ^ {tl['source']} taken  X stale access   "
                f"(1 column = {per} insn{'s' if per > 1 else ''})")
    rows.append("  " + "  ".join(f"{g} {name}" for name, g in GLYPH.items() if name != "other"))
    return rows


def races_to_text(port_models: dict[str, PortModel], results: list[RaceResult]) -> str:
    out = []
    for r in results:
        port = port_models[r.port]
        lat = f" x {len(r.latencies)} write latencies" if len(r.latencies) > 1 else ""
        head = f"{r.port}: {FIX_TITLE[r.fix]} ({r.dispatcher}): "
        if r.window:
            head += (f"WINDOW: the handler touched freed state; opens at {r.width} boundaries, "
                     f"{r.cases} cases{lat}, {r.runs} runs")
        else:
            head += f"no window in {r.cases} cases{lat} ({r.runs} runs)"
        out.append(head)
        if r.compare:
            out.append(f"  compare: {r.compare}")
        for o in r.openings[:12]:
            where = f" ({o.line})" if o.line else ""
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


def races_to_json(results: list[RaceResult]) -> str:
    return json.dumps([r.to_json() for r in results], indent=2)


def races_to_svg(port_models: dict[str, PortModel], results: list[RaceResult]) -> str:
    """One SVG: a timeline per first counter-example, and a line per
    (port, fix) without a window."""
    width, left, lane = 960, 150, 16
    parts, y = [], 40
    parts.append(f'<text x="10" y="24" font-size="16" font-weight="bold">PR#20390 callout race: '
                 f'priority over time, first counter-example per port and fix</text>')
    for r in results:
        port = port_models[r.port]
        title = f"{r.port}: {FIX_TITLE[r.fix]}"
        if not r.counter_example:
            parts.append(f'<text x="10" y="{y + 14}" font-size="13">{escape(title)}: no window '
                         f'({r.cases} cases)</text>')
            y += 26
            continue
        tl = r.counter_example["timeline"]
        steps = tl["steps"]
        levels = sorted({s["priority"] for s in steps} | {tl["priority_before"]},
                        key=lambda p: _height(port, p), reverse=True)
        row = {p: i for i, p in enumerate(levels)}
        dx = (width - left - 20) / max(1, len(steps))
        parts.append(f'<text x="10" y="{y + 14}" font-size="13" font-weight="bold">{escape(title)}: '
                     f'WINDOW ({r.width} boundaries, {r.cases} cases)</text>')
        top = y + 24
        for p, i in row.items():
            ly = top + i * lane
            parts.append(f'<text x="{left - 6}" y="{ly + 12}" font-size="11" text-anchor="end">'
                         f'{escape(_level_name(port, p)[:20])}</text>')
            parts.append(f'<line x1="{left}" y1="{ly + lane}" x2="{width - 20}" y2="{ly + lane}" '
                         f'stroke="#eeeeee"/>')
        for k, s in enumerate(steps):
            x = left + k * dx
            parts.append(f'<rect x="{x:.1f}" y="{top + row[s["priority"]] * lane + 2}" '
                         f'width="{max(dx, 1):.1f}" height="{lane - 4}" fill="{COLOUR[s["region"]]}">'
                         f'<title>step {s["step"]}: {s["region"]}</title></rect>')
        bottom = top + len(levels) * lane
        for key, colour, text in (("taken_step", "#000000", f"{tl['source']} taken"),
                                  ("stale_step", "#cc0000", "stale access")):
            if tl[key] is not None:
                x = left + (tl[key] - 1) * dx
                parts.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{bottom + 4}" '
                             f'stroke="{colour}" stroke-width="2"/>')
                parts.append(f'<text x="{x + 3:.1f}" y="{bottom + 16}" font-size="11" '
                             f'fill="{colour}">{escape(text)}</text>')
        y = bottom + 30
    legend_x = 10
    for name, colour in COLOUR.items():
        parts.append(f'<rect x="{legend_x}" y="{y}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{legend_x + 16}" y="{y + 11}" font-size="11">{name}</text>')
        legend_x += 130
    height = y + 30
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="sans-serif">\n'
            f'<rect width="100%" height="100%" fill="white"/>\n' + "\n".join(parts) + "\n</svg>")
