"""Feasibility of spllower() and of an IPL comparison on one port, from the
checks and the derived order (never from a hand-written table).

spllower   'yes' when the port's lower routine holds every property; the
           conditions it needed come from the model: a pending replay on
           mask ports, a write delay where the CPU has one; 'no' when a
           property fails; 'untested' when the port names no lower routine.
compare    the first comparison expression that agrees with the observed
           order for every pair of IPLs, or 'no'.
soft       'shared' when IPL_SOFTCLOCK and IPL_SOFTNET block the same
           sources (softnet cannot preempt softclock-level code), else
           'distinct'.
"""

from __future__ import annotations

from dataclasses import dataclass

from .contract import PortCheck, RoutineCheck
from .machine import Machine
from .order import Order


@dataclass
class Feasibility:
    port: str
    priority_kind: str
    location: str
    spllower: str                 # yes / no / untested
    spllower_conditions: list[str]
    spllower_routine: RoutineCheck | None
    compare: str                  # yes / no
    compare_how: str
    soft: str                     # shared / distinct / n/a
    softnet_preempts_softclock: bool | None
    cases: int
    check: PortCheck
    order: Order


def location(machine: Machine) -> str:
    prio = machine.port.priority
    if prio.register:
        return f"{prio.register}[{prio.bits[0]}:{prio.bits[1]}]"
    return f"{prio.symbol} (memory)"


def assess(machine: Machine, check: PortCheck, order: Order) -> Feasibility:
    port = machine.port
    lower = next((r for r in check.routines if r.kind == "lower"), None)
    conditions = []
    if port.priority.pending:
        conditions.append("replays pending")
    if max(machine.write_latencies) > 0:
        conditions.append(f"+{max(machine.write_latencies)}-insn write delay")
    if lower is not None and not lower.atomic:
        conditions.append("not atomic")
    verdict = "untested" if lower is None else "yes" if lower.holds else "no"
    best = order.comparison
    soft, preempts = "n/a", None
    if "IPL_SOFTCLOCK" in order.blocks and "IPL_SOFTNET" in order.blocks:
        softnet = [s.name for s in port.sources if s.ipl == "IPL_SOFTNET"]
        preempts = any(name not in order.blocks["IPL_SOFTCLOCK"] for name in softnet)
        soft = "shared" if order.relation("IPL_SOFTCLOCK", "IPL_SOFTNET") == "=" else "distinct"
    return Feasibility(
        port=port.name, priority_kind=port.priority.kind, location=location(machine),
        spllower=verdict, spllower_conditions=conditions, spllower_routine=lower,
        compare="yes" if best else "no", compare_how=best.expression if best else "",
        soft=soft, softnet_preempts_softclock=preempts,
        cases=check.cases + order.cases, check=check, order=order)
