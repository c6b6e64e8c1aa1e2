"""Render one RunResult (``iplemu run``) as text or a JSON object."""

from __future__ import annotations

import json
import os

from .events import RunResult
from .model import PortModel


def ipl_json(port: PortModel, priority: int) -> dict:
    names = port.names_at(priority)
    return {"name": names[0] if names else None, "value": priority, "names": names}


def run_to_json(port: PortModel, result: RunResult, with_trace: bool) -> str:
    data = {
        "port": port.name,
        "routine": result.routine,
        "args": result.args,
        "ipl_before": ipl_json(port, result.priority_before),
        "ipl_after": ipl_json(port, result.priority_after),
        "settling_after": result.settling_after,
        "returned": result.returned,
        "steps": result.steps,
        "events": [e.to_json() for e in result.events],
    }
    if with_trace:
        data["trace"] = [{"step": s.step, "address": s.address, "insn": s.text,
                          "ipl": ipl_json(port, s.priority), "settling": s.settling,
                          "line": s.line} for s in result.trace]
    return json.dumps(data, indent=2)


def describe_event(port: PortModel, event) -> str:
    label = port.priority_label
    if event.kind == "inject":
        return f"{event.source} requests"
    if event.kind == "blocked":
        return f"{event.source} blocked by CPU at {label(event.priority)}"
    if event.kind == "taken":
        return f"{event.source} TAKEN (interrupts {label(event.priority)})"
    if event.kind == "pended":
        return f"{event.source} pended"
    if event.kind == "withdrawn":
        return f"{event.source} request cleared by software"
    if event.kind == "handler":
        return f"{event.source} handler runs at {label(event.priority)} ({event.detail})"
    if event.kind == "return":
        return f"{event.source} returns to {label(event.priority)} ({event.detail})"
    if event.kind == "priority":
        why = " by interrupt entry" if event.detail and "entry" in event.detail else ""
        return f"priority -> {label(event.priority)}{why}"
    return event.kind


def trace_lines(port: PortModel, result: RunResult, first: int = 0, last: int | None = None) -> list[str]:
    """The trace as aligned text rows (a header, then steps ``first``..``last``
    with the events at each boundary)."""
    label = lambda p: port.priority_label(p).replace("IPL_", "")
    by_step: dict[int, list[str]] = {}
    for event in result.events:
        if event.kind == "priority" and "entry" not in (event.detail or ""):
            continue  # the priority column already shows it
        by_step.setdefault(event.step, []).append(describe_event(port, event))
    shown = [step for step in result.trace
             if first <= step.step and (last is None or step.step <= last)]
    prios = {step.step: label(step.priority) + (f" (+{step.settling})" if step.settling else "")
             for step in shown}
    # the priority column fits its longest label: a name is never cut
    width = max([len("priority after"), len(label(result.priority_before)), *map(len, prios.values())])
    rows = [f"{'step':>5}  {'address':10}  {'instruction':30}  {'priority after':{width}}  "
            f"{'where':24}  events"]
    if first <= 0:
        for text in by_step.get(0, []):
            rows.append(f"{0:>5}  {'(entry)':10}  {'':30}  {label(result.priority_before):{width}}  "
                        f"{'':24}  {text}")
    for step in shown:
        events = by_step.get(step.step, [""])
        rows.append(f"{step.step:>5}  {step.address:#010x}  {step.text[:30]:30}  "
                    f"{prios[step.step]:{width}}  "
                    f"{os.path.basename(step.line or '')[:24]:24}  {events[0]}".rstrip())
        for extra in events[1:]:
            rows.append(f"{'':>5}  {'':10}  {'':30}  {'':{width}}  {'':24}  {extra}")
    return rows


def run_to_text(port: PortModel, result: RunResult, with_trace: bool) -> str:
    label = port.priority_label
    lines = [f"{port.name}: {result.routine}({', '.join(hex(a) for a in result.args)}) "
             f"from {label(result.priority_before)}"]
    if with_trace:
        lines += trace_lines(port, result)
    else:
        for event in result.events:
            lines.append(f"  step {event.step:>4}: {describe_event(port, event)}")
    taken = len(result.of_kind("taken"))
    handlers = ", ".join(f"{e.source}@{label(e.priority)}" for e in result.of_kind("handler")) or "none"
    settle = f" (write still settling: {result.settling_after} insns)" if result.settling_after else ""
    lines.append(f"summary: returned {result.returned:#x}; priority {label(result.priority_before)} -> "
                 f"{label(result.priority_after)}{settle}; {result.steps} steps; "
                 f"{taken} interrupts taken; handlers: {handlers}")
    return "\n".join(lines)
