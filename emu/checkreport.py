"""Render `iplemu check` and `iplemu compare` results as text or JSON."""

from __future__ import annotations

from .contract import PortCheck
from .jsonout import document
from .model import PortModel
from .order import Order
from .reenter import reentered, reentering_sources
from .repeats import START_BUDGET
from .runreport import trace_lines
from .starts import LEFT_GENERATIONS, REALIGN_BYTES, restored_states

EXPLAIN = {
    "exact": "the priority after return is the one promised",
    "no_window": "no source runs while the priority must block it",
    "no_lost": "every unblocked source that arrived has run by the return",
    "nesting": "interrupts return to the interrupted priority; result unchanged",
    "returns_previous": "returns the priority at entry",
    "preserves": "preserved registers, stack pointer, CPU state and caller's memory kept",
    "handler_priority": "every handler runs at its own IPL (no more), can be preempted, never ahead of a higher one",
    "served_once": "every request served exactly once or still pending",
    "no_fault": "no fault, trap, halt or runaway in any case",
    "defined_only": "nothing depends on what the ABI leaves undefined",
    "interrupt_transparent": "interrupts give back the interrupted registers",
}
#: what a routine is called with, when it is not an spl value (check --routine ...,argument=)
ARGUMENT_MEANINGS = {"ipl": "IPL_* numbers", "blocked": "the sources to block at the spl value's bits"}
# a property no case reached (the routine faulted before) is "n/a", never "holds"


def check_to_text(port: PortModel, check: PortCheck, timings: bool = False,
                  register_bits: int = 32) -> str:
    """The report; the seconds taken only with ``timings`` (the same input
    gives the same text otherwise)."""
    total = check.cases
    count = len(check.routines)
    lines = [f"iplemu check {port.name}: {count} routine{'s' if count != 1 else ''}, {total} cases "
             f"(depth {check.depth})" + (f" in {check.seconds:.2f} s" if timings else "")]
    for r in check.routines:
        lat = (f", write latency {min(r.latencies)}..{max(r.latencies)}" if len(r.latencies) > 1 else "")
        lines.append("")
        kind = f"set {r.ipl}" if r.ipl else r.kind
        lines.append(f"{r.routine} ({kind}, symbol {r.symbol}): {r.pairs} IPL pairs{lat}, "
                     f"{r.boundaries} boundaries, {r.runs} emulator runs; "
                     f"{r.common_path} insns on the common path"
                     f"{', one atomic priority write' if r.atomic and r.common_path else ''}")
        if r.states:
            lines[-1] += (f"; explored {r.states} states, {r.merges} merges, "
                          f"{r.deepest} injections deep")
        if r.pending_starts:
            lines[-1] += f"; {r.pending_starts} pairs also from a request pending at the call"
        if r.other_starts:
            lines[-1] += f"; {r.other_starts} calls from other starts"
        if r.world_paths:
            lines[-1] += (f"; {r.world_paths} pairs also on the path the call took with the "
                          f"undefined bits flipped (to the same end)")
        if r.left_paths:
            lines[-1] += (f"; {r.left_paths} pairs also on the path the call took with what "
                          f"an earlier spl call left in what the ABI leaves undefined")
        if r.left_pending:
            lines[-1] += (f"; {r.left_pending} calls with a request pending at the call and "
                          f"what an earlier spl call left in what the ABI leaves undefined")
        if r.left_data:
            lines[-1] += (f"; {r.left_data} state{'s' if r.left_data != 1 else ''} of its own "
                          f"data only interrupted calls left ({r.left_generations} "
                          f"generation{'s' if r.left_generations != 1 else ''}), every pair "
                          f"called from each")
        if r.left_unsettled:
            lines[-1] += (f"; own data its interrupted calls leave still new after "
                          f"{r.left_generations} generations: later ones unexplored")
        if r.repeated_starts:
            lines[-1] += (f"; {r.repeated_starts} state{'s' if r.repeated_starts != 1 else ''} "
                          f"of its own data repeated rounds of earlier calls left, every pair "
                          f"called from each")
        if r.repeat_unsettled:
            lines[-1] += (f"; own data still changing after {r.repeat_bound} rounds of "
                          f"repeated calls (every sequence of up to {r.repeat_bound} of its "
                          f"{r.repeat_chains} kinds of round explored): calls beyond that "
                          f"unexplored")
        if r.kernel_words:
            lines[-1] += (f"; {spoken_list(list(r.kernel_words))}, of the kernel's data, "
                          f"written by the user's code: its own data too")
        void = "" if r.returns_value else ", void (returns nothing)"
        if void:
            lines[-1] += void
        if r.argument != "spl" and r.kind != "set":
            lines[-1] += f", called with {ARGUMENT_MEANINGS[r.argument]}"
        if r.not_modelled:
            lines.append(f"  no verdict: {r.not_modelled}")
        for prop, v in r.verdicts.items():
            state = "FAILS" if not v.holds else "holds" if v.cases else "n/a"
            lines.append(f"  {prop:<16} {state:<6} {v.cases:>8} cases   {EXPLAIN.get(prop, '')}"
                         .rstrip())
            if not v.holds:
                lines += _counter_example_text(port, v.counter_example, register_bits,
                                               r.argument)
    failed = [f"{r.routine}.{p}" for r in check.routines for p, v in r.verdicts.items()
              if not v.holds]
    lines.append("")
    lines.append(f"explored: {explored_text(check)}; {other_starts_text(port)}"
                 f"{repeats_text(check)}{reentry_text(port, check)}{siblings_text(check)}")
    own = {routine.symbol for routine in port.routines.values()}
    others = [r for r in check.routines if r.symbol not in own]
    again = {r.symbol: reentered(port, r.symbol, r.kind, r.argument, r.returns_value, r.ipl,
                                 r.static_data)
             for r in others}
    called = sorted({r.symbol for r in others if again[r.symbol]})
    never = sorted({r.symbol for r in others if not again[r.symbol]})
    names = ", ".join(sorted(own))
    if called:
        sources = sorted({s.name for symbol in called for s in again[symbol]})
        handlers = spoken_list(sources) + (" handlers" if len(sources) > 1 else " handler")
        lines.append(f"re-entered: {', '.join(called)}: by the {handlers}, as a driver's "
                     f"calls spl routines (archs/README.md); the port's stubs, "
                     f"other handlers and replay paths call the port's routines ({names}): "
                     f"name yours as one of them to replace it (weak symbols) and have them "
                     f"call it too")
    if never:
        lines.append(f"not re-entered: {', '.join(never)}: only the check calls it (no "
                     f"handler can: archs/README.md, \"A handler calls the routine again\"); "
                     f"the port's stubs, handlers and replay paths call the port's routines "
                     f"({names}): name yours as one of them to replace it (weak symbols) and "
                     f"have interrupts call it too")
    unjudged = [r for r in check.routines if r.not_modelled]
    if failed:
        lines.append(f"verdict: FAILS: {', '.join(failed)}" + "".join(
            f"; and some cases of {r.routine} were not judged: {r.not_modelled}"
            for r in unjudged))
    elif unjudged:
        lines.append("verdict: " + "; ".join(no_verdict_line(r) for r in unjudged))
    else:
        lines.append(f"verdict: every property holds{within_text(check)} ({total} cases)")
    return "\n".join(lines)


def within_rounds(check: PortCheck) -> int | None:
    """The bound of repeated calls a "holds" is said within: the fewest
    rounds after which some routine's own data still changed
    (emu/repeats.py: later calls unexplored), else None."""
    bounds = [r.repeat_bound for r in check.routines if r.repeat_unsettled]
    return min(bounds) if bounds else None


def within_generations(check: PortCheck) -> int | None:
    """The bound of generations of interrupted calls a "holds" is said
    within: the fewest after which some routine's interrupted calls still
    left new own data (starts.LEFT_GENERATIONS: later ones unexplored), else
    None."""
    bounds = [r.left_generations for r in check.routines if r.left_unsettled]
    return min(bounds) if bounds else None


def within_text(check: PortCheck) -> str:
    """What the verdict line adds where within_rounds or
    within_generations bounds it."""
    text = ""
    bound = within_rounds(check)
    if bound is not None:
        names = ", ".join(r.routine for r in check.routines if r.repeat_unsettled)
        text += (f", within {bound} rounds of repeated calls: {names}: own data still changing "
                 f"after them, later calls unexplored")
    generations = within_generations(check)
    if generations is not None:
        names = ", ".join(r.routine for r in check.routines if r.left_unsettled)
        text += (f", within {generations} generations of interrupted calls: {names}: own data "
                 f"they leave still new after them, later calls unexplored")
    return text


def no_verdict_line(routine) -> str:
    """The one line of a routine a case of which the model does not cover."""
    return f"no verdict on {routine.routine}: {routine.not_modelled}"


#: what the verdict covers, by depth: a "holds" says what it was found on
#: ({pending}: PENDING where some pair ran from a request pending at the
#: call, RoutineCheck.pending_starts, else nothing)
EXPLORED = {
    "1": "depth 1, every source requested at every boundary, one interrupt a case, from a "
         "clean call{pending} (--depth 2 adds a second everywhere)",
    "2": "depth 2, a first source at every boundary, a second at every boundary "
         "after it, in the first's handler too, from a clean call{pending} (--depth all nests "
         "further)",
    "all": "depth all, sources nested in the handlers before them until no new state "
           "appeared, from a clean call{pending}",
}
PENDING = (" and from one where the highest request the routine unblocks was pended at the "
           "call ({count} of {pairs} pairs: pended by its stub at the routine's first "
           "instruction, or held by the CPU from the call on and taken where the routine let "
           "it in, its stub and handler explored too)")


def explored_text(check: PortCheck) -> str:
    """What the cases were run on (EXPLORED), naming the pending start
    only where it ran."""
    count = sum(r.pending_starts for r in check.routines)
    pairs = sum(r.pairs * len(r.latencies) for r in check.routines)
    pending = PENDING.format(count=count, pairs=pairs) if count else ""
    return EXPLORED[str(check.depth)].format(pending=pending)


def other_starts_text(port: PortModel) -> str:
    """What every depth adds: the other starts (emu/starts.py)."""
    pending_bits = (f", and the bits of {port.priority.pending} no source owns"
                    if port.priority.pending else "")
    several = (f", and, lowering to a priority that blocks none of them, with every source "
               f"the caller's priority blocks already pended in {port.priority.pending} "
               f"(requests waiting together; from the priority checked that blocks the most "
               f"of them, with every source at every boundary, depth 1)"
               if port.priority.pending else "")
    text = (f"every pair also called with no interrupt, and with the highest request it "
            f"unblocks pending at the call (where the CPU takes one before the return)"
            f"{several}, "
            f"and, where what the ABI leaves undefined holding its other poison changed only "
            f"the path of the call with no interrupt (not how it ended), on that path too, "
            f"with every source at every boundary, and so where what an earlier spl call "
            f"left there (its scratch registers, the free stack, the free register windows) "
            f"changed only that path, and with each of those values that left the "
            f"path alone, the call with the highest request it unblocks pending at the "
            f"call, judged at its end, "
            f"after s = routine(to); splx(s) ran first "
            f"(from the pair's priority and from another) and after s = routine(x); splx(s) "
            f"with another IPL's argument x (the routine's own data as they left it, where "
            f"they changed it), explored with every source at every boundary (depth 1) from "
            f"each state of its own data that an interrupted case left and no call without "
            f"an interrupt does (in the bytes the routine itself reads or writes outside any "
            f"interrupt{pending_bits}), and from those the interrupted cases from them leave "
            f"in turn, for up to {LEFT_GENERATIONS} generations, "
            f"and from every other stack address modulo {REALIGN_BYTES} the ABI's alignment "
            f"allows")
    gate = port.abi.interrupt_enable
    if gate is not None:
        text += (f", and from interrupts disabled at the call ({gate.register} {gate.name} = "
                 f"{gate.value:#x}), with no interrupt and with every source requested at "
                 f"every boundary (none may be taken before the return)")
        if port.priority.pending:
            text += (f", and with them disabled and the highest source it unblocks already "
                     f"pended in {port.priority.pending}, with every source requested at every "
                     f"boundary (depth 1: its replay may turn interrupts on)")
    for state in port.abi.call_states:
        fields = ", ".join(f"{reg}&{mask:#x} = {value:#x}" for reg, mask, value in state.bits)
        text += (f", and from the CPU state {state.name} at the call ({fields}, abi.call_states)"
                 + (", with no interrupt and with every source requested at every boundary "
                    "(none may be taken before the return)" if state.interrupts_off else
                    ", with no interrupt and with the highest request it unblocks pending")
                 + (f" and, its {state.older_windows} register windows above the caller's in "
                    f"the register file (abi.frame_pointer), with every source at every "
                    f"boundary (depth 1, the first write latency)" if state.older_windows else "")
                 + ", also after those earlier calls and from those states of its own data")
    restored = " and ".join(start.state for start in restored_states(port))
    if restored:
        text += (f", and a restore routine from {restored} passed an spl value whose state "
                 f"bits are cpu.reset's, which it sets, with every source requested at every "
                 f"boundary (depth 1)")
    return text


def repeats_text(check: PortCheck) -> str:
    """What the chains of rounds (emu/repeats.py) explored, where a routine
    ran any: said once, with the bound where own data still changed at
    it (nothing said where no routine's rounds change its own data)."""
    chained = [r for r in check.routines if r.repeat_chains]
    if not chained:
        return ""
    bound = max(r.repeat_bound for r in chained)
    text = (f"; and every pair's warm starts' rounds of earlier calls in every sequence "
            f"with no interrupt, each round from the own data the one before left, until no "
            f"new state of them appears or for {bound} rounds, every pair explored with every "
            f"source at every boundary (depth 1) from each state of its own data they left, "
            f"within a round too, fewest rounds first, up to {START_BUDGET} states, where a "
            f"caller meets it (the priorities and handlers the port's routines' calls and "
            f"interrupts lead it to from the image as loaded) (emu/repeats.py)")
    unsettled = [r for r in chained if r.repeat_unsettled]
    if unsettled:
        text += "; " + ", ".join(f"{r.routine}: own data still changing after "
                                 f"{r.repeat_bound} rounds" for r in unsettled) \
            + ": calls beyond that unexplored"
    return text


def siblings_text(check: PortCheck) -> str:
    """Which other routines of the user's file were called on a routine's
    behalf (check._judge_siblings), where any were."""
    judged = [r for r in check.routines if r.siblings]
    if not judged:
        return ""
    said = "; ".join(f"{spoken_list(list(r.siblings))} for {r.routine}" for r in judged)
    return (f"; and the other routines your file defines ({said}), which share the routine's "
            f"data, each called as a handler calls it from every state of that data a call "
            f"(of the routine, or in a round of earlier calls) had where the handler could "
            f"run, with every source at every boundary (depth 1), judged as its kind: a "
            f"failure is the routine's, its counter-example naming the one called")


def spoken_list(names: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def reentry_text(port: PortModel, check) -> str:
    """Who calls the routine again in every case (emu/reenter.py): more
    sources' handlers where a routine keeps data beside its code."""
    sources = [s.name for s in reentering_sources(port)]
    if not sources:
        return ""
    extra = [s.name for s in reentering_sources(port, True) if s.name not in sources] \
        if any(r.static_data for r in check.routines) else []
    also = (f", and, for a routine with data beside its code, the {spoken_list(extra)} "
            f"handler{'s' if len(extra) > 1 else ''}, raising to "
            f"{'their' if len(extra) > 1 else 'its'} own IPL" if extra else "")
    lowering = sorted({name for r in check.routines for name in r.base_lowering})
    base = (f"; where it interrupted base priority, the {spoken_list(lowering)} "
            f"handler{'s' if len(lowering) > 1 else ''} called it first to lower to "
            f"IPL_SOFTCLOCK, as NetBSD's hardclock() calls spllowersoftclock()"
            if lowering else "")
    return (f"; the {spoken_list(sources)} handler{'s' if len(sources) > 1 else ''}{also}, "
            f"wherever {'they' if len(sources) + len(extra) > 1 else 'it'} ran, called the "
            f"routine again as a driver's does, where a handler can (archs/README.md, \"A "
            f"handler calls the routine again\"){base}")


def _counter_example_text(port: PortModel, ce, register_bits: int,
                          argument: str = "spl") -> list[str]:
    """What failed where, then the replay's trace (ending, for a fault, with
    the one-line error, as ``run`` ends).  A routine not given spl values
    (``argument``) shows what it was passed: IPLs that share a priority are
    passed apart when their arguments differ (contract.target_levels)."""
    latency = f", write latency {ce.latency}" if ce.latency is not None else ""
    source = f", source {ce.source}" if ce.source else ""
    where = f" ({ce.line or ce.symbol})" if ce.line or ce.symbol else ""
    passed = ""
    if argument != "spl" and ce.argument is not None:
        passed = f" (passed {ce.argument if argument == 'ipl' else f'{ce.argument:#x}'})"
    lines = [f"    counter-example: {ce.port} {ce.routine} from {ce.from_ipl} to {ce.to_ipl}"
             f"{passed}{latency}{source}"]
    if len(ce.injections) > 1:
        for n, inj in enumerate(ce.injections, 1):
            at = f" ({inj['line'] or inj['symbol']})" if inj["line"] or inj["symbol"] else ""
            pended = ("" if not inj["pended_at_call"] else
                      " (pending at the call: requested there, held by the CPU until the "
                      "routine let it in)" if inj["held_by_cpu"] else
                      " (pending at the call: its stub pended it)")
            lines.append(f"    injection {n}: {inj['source']} at boundary {inj['step']}: "
                         f"0x{inj['address']:08x} {inj['instruction']}{at}{pended}")
    else:
        lines.append(f"    at boundary {ce.step}: 0x{ce.address:08x} {ce.instruction}{where}")
    lines.append(f"    {ce.what}")
    for n, call in enumerate(ce.earlier, 1):
        args = ", ".join(f"{a:#x}" for a in call.args)
        lines.append(f"    earlier call {n} (no interrupt): {call.routine}({args}) from "
                     f"{port.priority_label(call.priority_before)} to "
                     f"{port.priority_label(call.priority_after)}, returned {call.returned:#x}:")
        lines += [f"    {row}" for row in trace_lines(port, call, register_bits=register_bits)]
    lines.append("    trace:" if not ce.earlier else "    trace (the case's call):")
    if ce.run is not None:
        lines += [f"    {row}" for row in trace_lines(port, ce.run, register_bits=register_bits)]
    if ce.fault:
        lines.append(f"    fault: {ce.fault}")
    return lines


def check_to_json(port: PortModel, check: PortCheck, timings: bool = False,
                  register_bits: int = 32) -> str:
    """JSON; ``seconds`` only with ``timings``, so two runs compare equal."""
    return document("check", {
        "port": port.name, "holds": check.holds, "cases": check.cases, "depth": check.depth,
        **({"within_rounds": within_rounds(check)} if within_rounds(check) is not None else {}),
        **({"within_generations": within_generations(check)}
           if within_generations(check) is not None else {}),
        **({"seconds": round(check.seconds, 3)} if timings else {}),
        "routines": [{
            "routine": r.routine, "symbol": r.symbol, "kind": r.kind, "holds": r.holds,
            **({"ipl": r.ipl} if r.ipl else {}),
            **({"no_verdict": r.not_modelled} if r.not_modelled else {}),
            "pairs": r.pairs, "latencies": list(r.latencies), "boundaries": r.boundaries,
            "runs": r.runs, "states": r.states, "merges": r.merges, "deepest": r.deepest,
            "pending_starts": r.pending_starts, "other_starts": r.other_starts,
            "world_paths": r.world_paths, "left_paths": r.left_paths,
            "left_pending": r.left_pending,
            "left_data": r.left_data, "left_generations": r.left_generations,
            "left_unsettled": r.left_unsettled,
            "repeats": {"starts": r.repeated_starts, "chains": r.repeat_chains,
                        "rounds": r.repeat_rounds, "unsettled": r.repeat_unsettled,
                        "bound": r.repeat_bound},
            **({"siblings_judged": list(r.siblings)} if r.siblings else {}),
            **({"kernel_words": list(r.kernel_words)} if r.kernel_words else {}),
            "common_path": r.common_path, "atomic": r.atomic,
            "returns": "spl" if r.returns_value else "none", "argument": r.argument,
            "verdicts": {p: {"holds": v.reported, "cases": v.cases,
                             "counter_example": v.counter_example.to_json(port)
                             if v.counter_example else None}
                         for p, v in r.verdicts.items()},
        } for r in check.routines],
    })


def compare_to_text(port: PortModel, order: Order, a: str, b: str) -> str:
    rel = order.relation(a, b)
    said = {"<": f"{a} is lower than {b}", ">": f"{a} is higher than {b}",
            "=": f"{a} and {b} block the same sources", "incomparable": f"{a} and {b} are incomparable"}[rel]
    lines = [f"{port.name}: {said}",
             f"  {a} (spl {port.ipls[a].spl:#x}) blocks: {', '.join(sorted(order.blocks[a])) or 'nothing'}",
             f"  {b} (spl {port.ipls[b].spl:#x}) blocks: {', '.join(sorted(order.blocks[b])) or 'nothing'}",
             f"  evidence: {order.cases} probes ({len(order.blocks)} IPLs x {len(port.sources)} sources), "
             f"the IPLs {'form a chain' if order.chain else 'do not form a chain'}"]
    best = order.comparison
    if best:
        lines.append(f"  a port can compare them with: {best.expression}  "
                     f"(agrees with the injections for every pair)")
    else:
        lines.append("  no candidate expression orders the IPLs as the injections do")
    for c in order.candidates:
        lines.append(f"    {c.name:<12} {c.expression:<44} {'agrees' if c.agrees else 'no: ' + c.counter}")
    return "\n".join(lines)


def compare_to_json(port: PortModel, order: Order, a: str, b: str) -> str:
    return document("compare", {
        "port": port.name, "a": a, "b": b, "relation": order.relation(a, b),
        "blocks": {a: sorted(order.blocks[a]), b: sorted(order.blocks[b])},
        "chain": order.chain, "aliases": order.aliases, "probes": order.cases,
        "comparison": order.comparison.expression if order.comparison else None,
        "candidates": [{"name": c.name, "expression": c.expression, "agrees": c.agrees,
                        "counter": c.counter} for c in order.candidates],
    })
