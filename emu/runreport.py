"""Render one RunResult (``iplemu run``) as text or a JSON object."""

from __future__ import annotations

import os

from .events import SETTLING, Event, RunResult, Step
from .jsonout import document
from .model import PortModel


def ipl_json(port: PortModel, priority: int) -> dict:
    names = port.names_at(priority)
    return {"name": names[0] if names else None, "value": priority, "names": names}


def step_json(port: PortModel, step: Step) -> dict:
    """One traced instruction as data: ``line`` is file:line or None,
    ``symbol`` symbol+0xN; ``registers`` what it changed (with --regs);
    ``returned_from`` the C function it returned from (its scratch
    registers poisoned: Poisoner.poison_after_call)."""
    data = {"step": step.step, "address": step.address, "insn": step.text,
            "ipl": ipl_json(port, step.priority), "settling": step.settling,
            "line": step.line, "symbol": step.symbol}
    if step.returned_from is not None:
        data["returned_from"] = step.returned_from
    if step.changed is not None:
        data["registers"] = step.changed
    return data


def trace_json(port: PortModel, result: RunResult, first: int = 0,
               last: int | None = None) -> dict:
    """Steps ``first``..``last`` and the events at their boundaries (step
    0's too when ``first`` is 0), as ``run --format json`` prints them."""
    inside = lambda n: first <= n and (last is None or n <= last)
    return {"trace": [step_json(port, s) for s in result.trace if inside(s.step)],
            "events": [e.to_json() for e in result.events if inside(e.step)]}


def pending_at_return(port: PortModel, result: RunResult) -> dict[str, list[str]]:
    """The requests not served at the return: ``pended`` by the port's
    software (its pending word), ``requesting`` at the CPU (not taken, or
    taken and still held by a CPU that latches requests: RunResult.latched_after)."""
    pended = [s.name for s in port.sources
              if port.priority.pending and s.bit is not None and result.pending_after >> s.bit & 1]
    return {"pended": pended, "requesting": list(result.requesting_after)
            + [name for name in result.latched_after if name not in result.requesting_after]}


def run_to_json(port: PortModel, result: RunResult, with_trace: bool,
                fault: str | None = None) -> str:
    """``fault``: the one-line error of a run that faulted (``result`` is
    the run up to the fault)."""
    data = {
        "port": port.name,
        "routine": result.routine,
        "args": result.args,
        "ipl_before": ipl_json(port, result.priority_before),
        "ipl_after": ipl_json(port, result.priority_after),
        "settling_after": result.settling_after,
        "returned": result.returned,
        "steps": result.steps,
        "pending_after": pending_at_return(port, result),
        "events": [e.to_json() for e in result.events],
        "fault": fault,
    }
    if with_trace:
        data["trace"] = trace_json(port, result)["trace"]
    return document("run", data)


def describe_event(port: PortModel, event) -> str:
    label = port.priority_label
    if event.kind == "inject":
        return f"{event.source} requests" + (f" ({event.detail})" if event.detail else "")
    if event.kind == "blocked":
        return f"{event.source} blocked by CPU at {label(event.priority)}"
    if event.kind == "taken":
        if event.detail == SETTLING:
            return (f"{event.source} TAKEN {event.detail} (interrupts "
                    f"{label(event.priority)}: the written value, which the take completes)")
        again = f" {event.detail}" if event.detail else ""
        return f"{event.source} TAKEN{again} (interrupts {label(event.priority)})"
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


WIDTH = 100          # the columns a trace line fits by default
EVENT_MARK = "*"     # an event line: what happened at the boundary after the step above


def priority_cell(port: PortModel, priority: int) -> str:
    """The priority column: the IPL names (without IPL_) on a mask port,
    the value where no IPL names it; a level port's level and names."""
    names = [n.replace("IPL_", "") for n in port.names_at(priority)]
    if port.priority.kind == "mask":
        return "/".join(names) if names else f"{priority:#010x}"
    return " ".join([str(priority), "/".join(names)]).strip()


def register_text(registers: dict[str, int], bits: int) -> str:
    """``eax=0x00000001 esp=0x00103ef8``, as qemu -d cpu prints them."""
    digits = bits // 4
    return " ".join(f"{name}={value:#0{digits + 2}x}" for name, value in registers.items())


def trace_lines(port: PortModel, result: RunResult, first: int = 0, last: int | None = None,
                register_bits: int = 32) -> list[str]:
    """The trace as text: a header, then one row per step ``first``..``last``
    (step, address, instruction, priority after it, where: file:line, else
    symbol+offset), each followed by the registers it changed (--regs) and
    the events at the boundary after it, one per line.  No cell is cut;
    the rows fit WIDTH columns unless an instruction or a name is longer."""
    by_step: dict[int, list[Event]] = {}
    for event in result.events:
        if event.kind == "priority" and "entry" not in (event.detail or ""):
            continue  # the priority column already shows it
        by_step.setdefault(event.step, []).append(event)
    shown = [step for step in result.trace
             if first <= step.step and (last is None or step.step <= last)]
    prios = {step.step: priority_cell(port, step.priority)
             + (f" (+{step.settling})" if step.settling else "") for step in shown}
    before = priority_cell(port, result.priority_before)
    prio_w = max([len("priority"), len(before), *map(len, prios.values())])
    insn_w = max([len("instruction"), *(len(step.text) for step in shown)])
    addresses = {step.step: f"{step.address:#010x}" for step in shown}
    addr_w = max([len("(entry)"), *map(len, addresses.values())])  # 18 where the image is high
    indent = " " * 7

    def row(step: str, address: str, insn: str, prio: str, where: str) -> str:
        return f"{step:>5}  {address:{addr_w}}  {insn:{insn_w}}  {prio:{prio_w}}  {where}".rstrip()

    def notes(events: list[Event]) -> list[str]:
        """An event a line; under a ``taken``, the registers the entry changed."""
        lines = []
        for event in events:
            lines.append(f"{indent}{EVENT_MARK} {describe_event(port, event)}")
            if event.registers:
                lines += _wrapped(register_text(event.registers, register_bits), indent + "  ")
        return lines

    rows = [row("step", "address", "instruction", "priority", "where")]
    if first <= 0 and by_step.get(0):
        rows.append(row("0", "(entry)", "", before, ""))
        rows += notes(by_step[0])
    for step in shown:
        rows.append(row(str(step.step), addresses[step.step], step.text, prios[step.step],
                        _where(step)))
        if step.returned_from is not None:
            rows.append(f"{indent}{EVENT_MARK} {step.returned_from} returned: a C function's "
                        f"scratch registers are undefined now")
        if step.changed:
            rows += _wrapped(register_text(step.changed, register_bits), indent)
        rows += notes(by_step.get(step.step, []))
    return rows


def _where(step: Step) -> str:
    """file:line (the file's name only), else symbol+offset."""
    if step.line:
        return os.path.basename(step.line)
    return step.symbol or ""


def _wrapped(text: str, indent: str) -> list[str]:
    """``text`` (space-separated words) in lines of at most WIDTH columns."""
    lines, line = [], ""
    for word in text.split():
        if line and len(indent) + len(line) + 1 + len(word) > WIDTH:
            lines.append(indent + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + ([indent + line] if line else [])


def run_to_text(port: PortModel, result: RunResult, with_trace: bool,
                register_bits: int = 32, fault: bool = False) -> str:
    """``fault``: the run stopped at a fault, so there is no summary (the
    one-line error follows on stderr)."""
    label = port.priority_label
    lines = [f"{port.name}: {result.routine}({', '.join(hex(a) for a in result.args)}) "
             f"from {label(result.priority_before)}"]
    if with_trace:
        lines += trace_lines(port, result, register_bits=register_bits)
    else:
        for event in result.events:
            lines.append(f"  step {event.step:>4}: {describe_event(port, event)}")
    if not fault:
        lines.append(summary(port, result))
    return "\n".join(lines)


def summary(port: PortModel, result: RunResult) -> str:
    """The return in a few lines: the value, the priority before and
    after, the interrupts and handlers, the requests left pending (by the
    port's software or still requesting at the CPU)."""
    label = port.priority_label
    taken = len(result.of_kind("taken"))
    handlers = ", ".join(f"{e.source}@{label(e.priority)}" for e in result.of_kind("handler")) or "none"
    settle = f" (write still settling: {result.settling_after} insns)" if result.settling_after else ""
    left = pending_at_return(port, result)
    pending = ", ".join([*(f"{name} (pended)" for name in left["pended"]),
                         *(f"{name} (requesting)" for name in left["requesting"])]) or "none"
    return "\n".join([
        f"summary: returned {result.returned:#x}; {result.steps} steps; {taken} interrupts taken",
        f"  priority: {label(result.priority_before)} -> {label(result.priority_after)}{settle}",
        *_wrapped(f"handlers: {handlers}", "  "),
        *_wrapped(f"pending at return: {pending}", "  ")])
