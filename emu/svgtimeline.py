"""SVG pictures of timelines (time across, priority up): `race --format
svg` draws every port x fix as small multiples on one page, `check
--format svg` each counter-example.

A panel has one lane per priority the run visits, a rectangle per
instruction coloured by the code running (tooltip: step, instruction,
file:line), the window shaded, a step axis, and the events marked apart:
requested, taken by the CPU, pended by the port's software, replayed,
run directly, stale access.  Plain SVG 1.1, no script; readable at
1000 px wide.
"""

from __future__ import annotations

from html import escape

from .model import PortModel
from .racereport import FIX_TITLE, level_name, levels, marks, path_text

PAGE_WIDTH = 1000
LANE = 15
FONT = "font-family=\"DejaVu Sans, Arial, sans-serif\""
REGION_COLOUR = {"dispatcher": "#4477aa", "callout handler": "#228833", "network input": "#ee6677",
                 "spl routine": "#9a9a9a", "interrupt": "#ccbb44", "your code": "#66ccee",
                 "other": "#dddddd"}
#: mark kind -> (colour, dash, label), in legend order
MARK_STYLE = {
    "inject": ("#555555", "2,2", "requested"),
    "taken": ("#000000", "", "taken by the CPU"),
    "pended": ("#ee7733", "4,2", "pended (blocked by software)"),
    "replay": ("#aa3377", "", "replayed (handler runs later)"),
    "direct": ("#117733", "", "handler runs directly"),
    "stale": ("#cc0000", "", "stale access (the race)"),
}
SHORT = {"inject": "req", "taken": "taken", "pended": "pended", "replay": "replayed",
         "direct": "handler", "stale": "STALE"}
WINDOW_FILL = "#ffe08a"
CHECK_CONTEXT = (40, 160)     # steps drawn before / after a check counter-example's boundary


def _wrap(text: str, chars: int) -> list[str]:
    words, lines = text.split(), [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) > chars:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def _axis_step(n: int, width: float) -> int:
    """A tick every 1, 2, 5, 10, 20, 50 ... steps, at least ~40 px apart."""
    for unit in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        if width * unit / max(n, 1) >= 40:
            return unit
    return 2000


def panel(port: PortModel, tl: dict | None, title: str, verdict: str, bad: bool,
          x0: float, y0: float, w: float) -> tuple[list[str], float]:
    """One timeline at (x0, y0), ``w`` wide: SVG elements and its height."""
    out = []
    chars = int(w / 6.6)
    head = _wrap(title, chars)
    say = _wrap(verdict, chars)
    y = y0 + 13
    for line in head:
        out.append(f'<text x="{x0:.1f}" y="{y:.1f}" font-size="12.5" font-weight="bold">'
                   f'{escape(line)}</text>')
        y += 15
    colour = "#cc0000" if bad else "#225522"
    for line in say:
        out.append(f'<text x="{x0:.1f}" y="{y:.1f}" font-size="11.5" fill="{colour}">'
                   f'{escape(line)}</text>')
        y += 14
    if not tl or not tl["steps"]:
        return out, y - y0 + 6
    steps = tl["steps"]
    lanes = levels(port, tl)
    row = {p: i for i, p in enumerate(lanes)}
    label_w = min(120.0, w * 0.36)
    left, right = x0 + label_w, x0 + w - 8
    s0, n = steps[0]["step"] - 1, steps[-1]["step"]
    dx = (right - left) / max(n - s0, 1)
    x = lambda boundary: left + (boundary - s0) * dx
    top = y + 14
    bottom = top + len(lanes) * LANE
    window = tl.get("window")
    if window:
        wx0, wx1 = x(window[0] - 1), x(window[1])
        out.append(f'<rect class="window" x="{wx0:.1f}" y="{top - 12}" width="{wx1 - wx0:.1f}" '
                   f'height="{bottom - top + 12}" fill="{WINDOW_FILL}">'
                   f'<title>the window: steps {window[0]}..{window[1]}, from the unlock to the '
                   f"timer's own spl, where network input can run</title></rect>")
        out.append(f'<text x="{wx0 + 2:.1f}" y="{top - 3}" font-size="10" fill="#7a5a00">'
                   f'window</text>')
    for p, i in row.items():
        ly = top + i * LANE
        name = level_name(port, p)
        out.append(f'<text class="lane" x="{left - 5:.1f}" y="{ly + 11}" font-size="10.5" '
                   f'text-anchor="end">{escape(name[:int(label_w / 6.0)])}<title>'
                   f'{escape(port.priority_label(p))}</title></text>')
        out.append(f'<line x1="{left:.1f}" y1="{ly + LANE}" x2="{right:.1f}" y2="{ly + LANE}" '
                   f'stroke="#e4e4e4"/>')
    for s in steps:
        where = s.get("line") or s.get("symbol")
        where = f" ({where})" if where else ""
        out.append(f'<rect class="step" x="{x(s["step"] - 1):.2f}" y="{top + row[s["priority"]] * LANE + 2}" '
                   f'width="{max(dx, 0.8):.2f}" height="{LANE - 4}" fill="{REGION_COLOUR[s["region"]]}">'
                   f'<title>step {s["step"]}: {escape(s.get("text") or "")}{escape(where)}; '
                   f'{s["region"]}; priority after: {escape(level_name(port, s["priority"]))}'
                   f'</title></rect>')
    # the step axis
    out.append(f'<line class="axis" x1="{left:.1f}" y1="{bottom + 2}" x2="{right:.1f}" '
               f'y2="{bottom + 2}" stroke="#333333"/>')
    unit = _axis_step(n - s0, right - left)
    for t in range(-(-s0 // unit) * unit, n + 1, unit):
        out.append(f'<line class="tick" x1="{x(t):.1f}" y1="{bottom + 2}" x2="{x(t):.1f}" '
                   f'y2="{bottom + 6}" stroke="#333333"/>')
        out.append(f'<text x="{x(t):.1f}" y="{bottom + 16}" font-size="9.5" text-anchor="middle" '
                   f'fill="#333333">{t}</text>')
    out.append(f'<text x="{left - 5:.1f}" y="{bottom + 16}" font-size="9.5" text-anchor="end" '
               f'fill="#333333">step</text>')
    # the events, marked apart; labels staggered on up to three rows
    ends = [float("-inf")] * 3
    label_top = bottom + 30
    source = tl.get("source") or ""
    for boundary, kind in marks(tl):
        if not s0 <= boundary <= n:
            continue
        colour, dash, words = MARK_STYLE[kind]
        mx = x(boundary)
        width = 3 if kind in ("stale", "replay") else 1.6
        out.append(f'<line class="mark {kind}" x1="{mx:.1f}" y1="{top - 4}" x2="{mx:.1f}" '
                   f'y2="{bottom + 2}" stroke="{colour}" stroke-width="{width}"'
                   + (f' stroke-dasharray="{dash}"' if dash else "")
                   + f'><title>boundary {boundary}: {escape(source)} {escape(words)}</title></line>')
        text = SHORT[kind]
        size = len(text) * 5.6 + 4
        slot = next((i for i, end in enumerate(ends) if end < mx - 1), None)
        if slot is None:
            continue
        ends[slot] = mx + size
        ly = label_top + slot * 11
        out.append(f'<text class="label {kind}" x="{mx + 1:.1f}" y="{ly}" font-size="9.5" '
                   f'fill="{colour}">{text}</text>')
    return out, label_top + 2 * 11 + 8 - y0


def legend(y: float, timelines: list[dict]) -> tuple[list[str], float]:
    """The colours and marks the page's timelines use."""
    regions = {s["region"] for tl in timelines for s in tl["steps"]}
    kinds = {kind for tl in timelines for _, kind in marks(tl)}
    out, x = [], 10.0
    for name, colour in REGION_COLOUR.items():
        if name not in regions:
            continue
        out.append(f'<rect x="{x:.0f}" y="{y}" width="11" height="11" fill="{colour}"/>')
        out.append(f'<text x="{x + 15:.0f}" y="{y + 10}" font-size="11">{name}</text>')
        x += 30 + len(name) * 6.2
    if any(tl.get("window") for tl in timelines):
        out.append(f'<rect x="{x:.0f}" y="{y}" width="22" height="11" fill="{WINDOW_FILL}"/>')
        out.append(f'<text x="{x + 26:.0f}" y="{y + 10}" font-size="11">window</text>')
    y += 20
    x = 10.0
    for kind, (colour, dash, words) in MARK_STYLE.items():
        if kind not in kinds:
            continue
        out.append(f'<line x1="{x + 5:.0f}" y1="{y - 1}" x2="{x + 5:.0f}" y2="{y + 11}" '
                   f'stroke="{colour}" stroke-width="2.5"'
                   + (f' stroke-dasharray="{dash}"' if dash else "") + '/>')
        out.append(f'<text x="{x + 13:.0f}" y="{y + 10}" font-size="11">{escape(words)}</text>')
        x += 30 + len(words) * 6.0
    return out, y + 20


def page(title: str, subtitle: str, cells: list[list[tuple]]) -> str:
    """Rows of panels: each cell (port, timeline, title, verdict, bad)."""
    parts = [f'<text x="10" y="22" font-size="16" font-weight="bold">{escape(title)}</text>']
    y = 30.0
    for line in _wrap(subtitle, 150):
        parts.append(f'<text x="10" y="{y + 12:.0f}" font-size="11.5" fill="#444444">'
                     f'{escape(line)}</text>')
        y += 15
    y += 10
    for cells_row in cells:
        w = (PAGE_WIDTH - 20 - 16 * (len(cells_row) - 1)) / len(cells_row)
        tallest = 0.0
        for i, cell in enumerate(cells_row):
            drawn, h = panel(*cell, 10 + i * (w + 16), y, w)
            parts += drawn
            tallest = max(tallest, h)
        y += tallest + 14
        parts.append(f'<line x1="10" y1="{y - 8:.0f}" x2="{PAGE_WIDTH - 10}" y2="{y - 8:.0f}" '
                     f'stroke="#cccccc"/>')
    drawn, y = legend(y, [cell[1] for row in cells for cell in row if cell[1]])
    parts += drawn
    h = int(y + 10)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{PAGE_WIDTH}" height="{h}" '
            f'viewBox="0 0 {PAGE_WIDTH} {h}" {FONT}>\n'
            f'<rect width="100%" height="100%" fill="white"/>\n' + "\n".join(parts) + "\n</svg>\n")


def races_to_svg(port_models: dict[str, PortModel], results) -> str:
    """Every (port, fix) as a small multiple: ports down, fixes across.
    A cell with a window draws its first counter-example; one without
    draws the dispatch with no interrupt, so the closing shows."""
    fixes = list(dict.fromkeys(r.fix for r in results))
    ports = list(dict.fromkeys(r.port for r in results))
    by = {(r.port, r.fix): r for r in results}
    rows = []
    for name in ports:
        row = []
        for fix in fixes:
            r = by.get((name, fix))
            if r is None:
                continue
            title = f"{name}: {FIX_TITLE.get(r.fix, r.fix)}"
            if r.counter_example:
                ce = r.counter_example
                verdict = (f"WINDOW at {r.width} boundaries ({r.cases} cases); first: "
                           f"{ce['source']} at step {ce['step']}, stale access at step "
                           f"{ce['stale_step']}")
                tl = ce["timeline"]
            else:
                tl = r.baseline
                verdict = (f"no window in {r.cases} cases; no interrupt: {path_text(r.path)}"
                           + ("" if r.compare_ok else "; compare FAILS")
                           + ("; network input can run in the shaded steps, yet no case "
                              "touched freed state" if tl and tl.get("window") else "")
                           + ("; network input stays blocked from the lock to the timer's "
                              "touch" if tl and tl.get("window") == [] else ""))
            row.append((port_models[name], tl, title, verdict, bool(r.counter_example) or not r.compare_ok))
        rows.append(row)
    return page("PR#20390 callout race: priority over time, every port x fix",
                "Each panel: the dispatch of one due callout from IPL_SOFTCLOCK. With a window, "
                "its first counter-example; without, the run with no interrupt. Shaded: where "
                "network input can run between the unlock and the timer's own spl. Hover a step "
                "for its instruction and file:line.", rows)


def check_to_svg(port: PortModel, check) -> str:
    """Each failing property's counter-example of `iplemu check`."""
    rows = []
    for r in check.routines:
        for prop, v in r.verdicts.items():
            ce = v.counter_example
            if ce is None:
                continue
            title = f"{port.name} {r.routine} {ce.from_ipl} -> {ce.to_ipl}: {prop} FAILS"
            where = f" ({ce.line or ce.symbol})" if ce.line or ce.symbol else ""
            verdict = (f"{ce.source or 'no source'} at boundary {ce.step}, before "
                       f"{ce.instruction}{where}: {ce.what}")
            tl = ce.timeline
            if tl is not None:
                lo, hi = ce.step - CHECK_CONTEXT[0], ce.step + CHECK_CONTEXT[1]
                tl = {**tl, "source": ce.source,
                      "steps": [s for s in tl["steps"] if lo < s["step"] <= hi]}
            rows.append([(port, tl, title, verdict, True)])
    if not rows:
        from .checkreport import within_rounds
        bound = within_rounds(check)
        rows = [[(port, None, f"{port.name}: every property holds",
                  f"{check.cases} cases, depth {check.depth}"
                  + (f", within {bound} rounds of repeated calls" if bound else ""), False)]]
    return page(f"iplemu check {port.name}: counter-examples",
                "Each panel: the failing case replayed, priority over time. Hover a step for "
                "its instruction and file:line.", rows)
