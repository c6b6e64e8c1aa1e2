#!/usr/bin/env python3
"""Benchmark `iplemu check PORT` on one workload, four ways, in one run:

iplemu  check_port itself, as `iplemu check` runs it (properties included)
naive   one assembly, then a fresh Machine and a full engine call (with its
        injections) for every case: measured on every case, not sampled
lean    the same algorithm as the explorer (one emulator, a snapshot per
        boundary, one case run per first acceptance) written straight on the
        Backend interface, without the engine's events and bookkeeping
floor   the case runs' restore + interrupt entry + emu_start, with no Python
        hook at all, on a second emulator (unicorn CPUs only)

Every engine does check's work: the handlers re-enter the routine under
check as check sets them up (emu/reenter.py); each pair also starts once
with a request pending at the call (check's explore_pending: the source
pending_at_call picks, delivered at the first boundary, or where the CPU
takes it when it held it from the call on), and from the boundary after
its stub returned (from its take on, when held) every engine runs the cases of the depth
asked, as from a clean call (the pending request is where those cases
start, not one of the depth's deliveries: check's depth_of); where check
runs a case a second time in the other poison world (every delivery with
nothing in flight, not from a request pending at the call), so do lean
and floor, from the boundary's second-world state made once, as check
makes it.  check explores each state once; the other engines run every
case: that is the difference measured, on the same set of cases.

A case is (pair, (pending, first), (step, source)), counted once: pair is
(routine, IPL pair, write latency, start, re-entry setting): the setting
of the handlers' re-entry words (emu/reenter.py: a raise's handlers call
it with each of several targets, each a setting; past the first, only
the cases where some re-entering source is delivered, as check); the
start None for the usual
call, else one of the other starts check explores every source at every
boundary of (its explore_start: the routine's own data as interrupted
calls or repeated rounds of calls left them, in each call state;
emu/starts.py), at depth 1 whatever the depth asked, as check, and in
one poison world (check judges defined_only on the usual start's cases);
pending the (step, source) of the
request pending at the call the case starts from (None: a clean call);
first, at depth 2, the (step, source) of the first delivery whose run the
case nests in (None: none); then the boundary of that run where the
case's own source arrives.  Their number must be the number of cases
check judges no_window on (it judges that on every case).  Each engine's
outcome of each case (the handlers that ran after the delivery and their
priorities, a bad interrupt return, the final priority and the return
value; the floor has only the last two) is compared with iplemu's
explorer, and every difference is printed.  Times are CPU and wall
seconds, min/median/max over the repeats.  Prints; asserts nothing.

    .venv/bin/python tools/bench_check.py [PORT] [--depth 1 2] [--routine NAME ...]
        [--ipl NAME ...] [--depth2-ipl NAME ...] [--repeat N] [--naive-repeat N]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from unicorn import UcError  # noqa: E402

from emu.assembler import build_image  # noqa: E402
from emu.backends import CpuFault  # noqa: E402
from emu.check import _Checker, check_port, pending_at_call  # noqa: E402
from emu.contract import promised, routine_pairs  # noqa: E402
from emu.errors import GuestFault, RunError  # noqa: E402
from emu.explore import (record_after_stub, record_baseline, record_nested,  # noqa: E402
                         run_case)
from emu.machine import DEFAULT_MAX_STEPS, SENTINEL, Injection, Machine  # noqa: E402
from emu.model import load_port  # noqa: E402
from emu.reenter import reentry_variants  # noqa: E402

FAULT = "fault"


class Clock:
    """CPU and wall seconds of the blocks run under ``with clock:``."""

    def __init__(self):
        self.cpu = self.wall = 0.0

    def __enter__(self):
        self._cpu, self._wall = time.process_time(), time.perf_counter()

    def __exit__(self, *exc):
        self.cpu += time.process_time() - self._cpu
        self.wall += time.perf_counter() - self._wall


def pairs(machine, routines, only):
    """(routine, symbol, kind, from, to, latency, None, setting) in check's
    order (every argument the routine takes a target:
    contract.routine_pairs); None: the usual start (explored_starts adds
    the others); setting: (index, the sources re-entering in some setting,
    None for the first, and the setting's words as sorted items, found
    once per routine as check does) of each setting of the handlers'
    re-entry words check explores the pair with (emu/reenter.py
    reentry_variants)."""
    port = machine.port
    for name, symbol, kind in routines:
        settings = variants(machine, symbol, kind)
        again = frozenset(n[len("reenter_raise_"):] for words, _ in settings
                          for n, value in words.items() if n.startswith("reenter_raise_") and value)
        for frm, to in routine_pairs(port, kind, only or None,
                                     argument=port.argument_kind(symbol)):
            for index, (words, _) in enumerate(settings):
                setting = (index, index and again or None, tuple(sorted(words.items())))
                for latency in machine.write_latencies:
                    yield name, symbol, kind, frm, to, latency, None, setting


def runs_case(pair, start, source):
    """Does check run the case of ``source`` (after ``start``'s (pending,
    first)) in the pair's re-entry setting: every case in the first; past
    it, one where some source re-enters (check's explore: the others run
    as in the first)."""
    again = pair[7][1]
    return again is None or source in again or any(
        delivery is not None and delivery[1] in again for delivery in start)


def explored_starts(port, image, routines, only, depth, max_steps, work):
    """Work items for the other starts check explores every source at
    every boundary of (_Checker.explore_start: own data interrupted calls
    or repeated rounds left, in each call state), found by running check
    once, untimed: each pair's item again with (start, the arguments check
    passed from it, whether check explored its request pending at the call
    too) as its seventh field, in check's order."""
    found = []
    explore_start = _Checker.explore_start

    def recording(checker, pair, pending=True):
        found.append((checker.symbol, pair.frm.name, pair.to.name, pair.latency,
                      (pair.start, tuple(checker.arguments(pair.to, pair.start)), pending)))
        return explore_start(checker, pair, pending)
    _Checker.explore_start = recording
    try:
        check_port(Machine(port, image), routines, max_steps, depth, only)
    finally:
        _Checker.explore_start = explore_start
    usual = {(item[1], item[3].name, item[4].name, item[5]): item for item in work
             if not item[7][0]}
    # check calls the other starts with the first re-entry setting only
    return [usual[tuple(key)][:6] + (start, usual[tuple(key)][7]) for *key, start in found]


def passed(port, symbol, kind, to, start=None):
    """What check calls the routine with to go to ``to`` (_Checker.arguments;
    from ``start``, what check passed there)."""
    if start is not None:
        return list(start[1])
    return [] if kind == "set" else [port.argument_as(port.argument_kind(symbol), to.name)]


def starting(machine, start, max_steps):
    """The context a pair's calls start in: Machine.starting for another
    start, nothing for the usual one."""
    return contextlib.nullcontext() if start is None else machine.starting(start[0], max_steps)


def start_depth(start, depth):
    """check explores another start at depth 1 whatever the depth asked."""
    return depth if start is None else 1


def explores_pending(start):
    """Does check explore the call from ``start`` with a request pending
    at the call too (explore_start's ``pending``, as recorded)?"""
    return start is None or start[2]


def second_world_start(start):
    """check runs a case again in the second poison world on the usual
    start's and a call state's cases, not on an own-data start's."""
    return start is None or not start[0].own


def variants(machine, symbol, kind):
    """Every setting of the words that make the handlers call the routine
    under check again, as check has them for it (emu/reenter.py)."""
    port = machine.port
    routine = next((r for r in port.routines.values() if r.symbol == symbol), None)
    return reentry_variants(port, machine.image.symbols, symbol, kind, port.argument_kind(symbol),
                            routine.returns_value if routine else True,
                            routine.ipl if routine else None)


def reentering(machine, pair):
    """Set the pair's re-entry setting's words."""
    machine.set_words(dict(pair[7][2]))


def summary(outcome):
    """What every engine must agree on for one case (None: never taken)."""
    if outcome is None or outcome == FAULT:
        return outcome
    if outcome.fault is not None:
        return FAULT
    return (tuple(h[:3] for h in outcome.handlers), outcome.bad_return is not None,
            outcome.priority_after,
            outcome.returned)


# -- iplemu's explorer, for the reference outcomes ------------------------------------
def explorer_outcomes(machine, work, depth, max_steps, pending):
    """{case: summary} the way check explores (the module docstring says
    what a case is).  ``pending`` gets pair -> (step, source name) of its
    request pending at the call, for the other engines."""
    port = machine.port
    outcomes = {}
    for pair in work:
        name, symbol, kind, frm, to, latency, start, _ = pair
        machine.backend.latency = latency
        reentering(machine, pair)
        with starting(machine, start, max_steps):
            base = record_baseline(machine, symbol, passed(port, symbol, kind, to, start),
                                   frm.live, max_steps)
            deep = start_depth(start, depth)
            _explore_start(machine, base, pair, None, deep, outcomes, max_steps)
            after = _after_pending(machine, base, pair, max_steps, pending) \
                if explores_pending(start) else None
            if after is not None:
                _explore_start(machine, after, pair, pending[pair], deep, outcomes, max_steps)
    return outcomes


def _after_pending(machine, base, pair, max_steps, pending):
    """The run after the stub of the request pending at the call returned,
    or, where the CPU held it from the call on, the run from where it took
    it, as check's explore_pending (None: no such request, or no such run)."""
    port = machine.port
    name, symbol, kind, frm, to, latency, start, _ = pair
    found = pending_at_call(port, frm.live, promised(port, kind, frm.live, to.live), base)
    if found is None:
        return None
    source, taken = found
    entry = base.boundaries[0].step
    try:
        if taken == entry:
            after = record_after_stub(machine, base, entry, source, max_steps)
        else:
            after = record_nested(machine, base, taken, source, max_steps)
    except RunError:
        return None
    if after is not None:
        pending[pair] = (taken, source.name)
    return after


def _explore_start(machine, base, pair, pending, depth, outcomes, max_steps):
    """The cases of ``base``'s run (a clean call's, or ``pending``'s after
    its stub returned), and at depth 2 those of the run nested after every
    first delivery on it, as check's explore."""
    memo = {}
    _explore(machine, base, pair, (pending, None), memo, outcomes, max_steps)
    if depth < 2:
        return
    for taken_at, first_name in [key for key, value in memo.items() if value.fault is None]:
        try:
            nested = record_nested(machine, base, taken_at, machine.port.source(first_name),
                                   max_steps)
        except GuestFault:
            continue              # check's explore skips it too: the case itself faults
        _explore(machine, nested, pair, (pending, (taken_at, first_name)), {}, outcomes,
                 max_steps)


def _explore(machine, base, pair, start, memo, outcomes, max_steps):
    """Every (boundary, source) case of ``base``'s run; ``start``: the
    case's (pending, first)."""
    for boundary in base.boundaries:
        for source in machine.port.sources:
            if not runs_case(pair, start, source.name):
                continue
            taken = base.first_acceptance(boundary.step, source)
            outcome = None
            if taken is not None:
                key = (taken, source.name)
                if key not in memo:
                    memo[key] = run_case(machine, base, taken, source, max_steps)
                outcome = memo[key]
            outcomes[(pair, start, (boundary.step, source.name))] = summary(outcome)


# -- naive: a fresh emulator and a full engine call per case ---------------------------
def earlier_deliveries(start):
    """A case's (pending, first): the (step, source) delivered before its own."""
    return [delivery for delivery in start if delivery is not None]


def naive_outcome(port, image, pair, start, second, max_steps):
    name, symbol, kind, frm, to, latency, other, _ = pair
    machine = Machine(port, image, latency=latency)
    reentering(machine, pair)
    earlier = earlier_deliveries(start)
    injections = [Injection(port.source(s), step) for step, s in earlier]
    injections.append(Injection(port.source(second[1]), second[0]))
    try:
        with starting(machine, other, max_steps):
            result = machine.call(symbol, passed(port, symbol, kind, to, other), frm.live,
                                  injections, max_steps)
    except RunError:
        return FAULT
    taken = [i for i, e in enumerate(result.events) if e.kind == "taken"]
    index = len(earlier)
    if len(taken) <= index:
        return None
    after = result.events[taken[index] + 1:]
    handlers = tuple((e.source, e.priority, e.problem) for e in after if e.kind == "handler")
    bad = any(e.kind == "return" and e.detail != "restored" for e in after)
    return handlers, bad, result.priority_after, result.returned


# -- lean: the explorer's algorithm on the bare Backend --------------------------------
class Lean:
    """One emulator; a baseline stepped once with a snapshot and the accepted
    sources at every boundary; one watched run per (first acceptance, source)."""

    def __init__(self, machine, max_steps, floor=None):
        self.m, self.b = machine, machine.backend
        self.sources = machine.port.sources
        self.levels = {s.level for s in self.sources}
        self.handlers = machine.handler_addresses
        self.max_steps = max_steps
        self.floor = floor
        poisoner = machine.poisoner
        self.fields, self.other = poisoner.poison_fields(0), poisoner.poison_values(1)
        self.flipped = {}

    def boundaries(self, first=None):
        """[(step, snapshot, accepted names, active deliveries)] from the
        current state to the return; ``first`` (source, return point,
        priority, step) when a delivery is in flight."""
        b, out = self.b, []
        step = first[3] if first else 0
        active = [first[:3]] if first else []

        def on_boundary(pc):
            nonlocal step
            if active and b.return_point() == active[0][1]:
                active.clear()
            accepted = {level: b.interrupt_accepted(level) for level in self.levels}
            accepts = {s.name for s in self.sources if accepted[s.level]}
            undefined = {reg for reg, fields in self.fields.items() if b.unwritten_bits(reg, fields)}
            out.append((step, b.snapshot(), accepts, tuple(active), undefined))
            if pc == SENTINEL and not active:
                return False
            if len(out) > self.max_steps:
                raise RunError("runaway")
            step += 1
            return True
        b.run(on_boundary, synced=True)
        return out

    def second_world(self, snapshot, undefined):
        """The snapshot with world 1's poison in the ``undefined`` registers,
        made once per boundary as check makes it (its cases restore it)."""
        known = self.flipped.get(id(snapshot))
        if known is None:
            b = self.b
            b.restore(snapshot)
            for reg in undefined:
                bits = b.unwritten_bits(reg, self.fields[reg])
                b.write_register(reg, (b.read_register(reg) & ~bits) | (self.other[reg][0] & bits))
            # the snapshot is kept with it, so its id is not reused meanwhile
            known = self.flipped[id(snapshot)] = (snapshot, b.snapshot())
        return known[1]

    def case(self, snapshot, active, source):
        m, b = self.m, self.b
        b.restore(snapshot)
        in_flight = list(active) + [(source, b.return_point(), m.read_priority())]
        b.take_interrupt(source.level, source.vector, m.stub_address(source))
        handlers, bad = [], False

        def on_address(pc):
            nonlocal bad
            returned = False
            while in_flight and b.return_point() == in_flight[-1][1]:
                returned = True
                done = in_flight.pop()
                bad = bad or m.read_priority() != done[2]
            if pc in self.handlers and not returned:
                priority = m.read_priority()
                handlers.append((self.handlers[pc].name, priority,
                                 m.handler_entry_problem(self.handlers[pc], priority)))
            return not (pc == SENTINEL and not in_flight)
        watch = set(self.handlers) | {d[1][0] for d in in_flight} | {SENTINEL}
        try:
            b.run_watching(on_address, watch, self.max_steps)
        except (CpuFault, RuntimeError):
            return FAULT
        return tuple(handlers), bad, m.read_priority(), b.read_register(m.port.abi.returns)

    def explore(self, work, depth, outcomes, pending):
        """``pending``: pair -> (step, source) of its request pending at the
        call (explorer_outcomes)."""
        for pair in work:
            name, symbol, kind, frm, to, latency, start, _ = pair
            self.b.latency = latency
            self.flipped = {}         # boundary snapshot -> its second world's (second_world)
            reentering(self.m, pair)
            if self.floor is not None:
                reentering(self.floor.m, pair)
            with starting(self.m, start, self.max_steps):
                self.m.prepare_call(symbol, passed(self.m.port, symbol, kind, to, start),
                                    frm.live)
                base = self.boundaries()
            deep, world = start_depth(start, depth), second_world_start(start)
            self._start(base, pair, None, deep, outcomes, world)
            if pair in pending:
                entry, name = pending[pair]
                nested = self._nested(base, entry, self.m.port.source(name))
                # a request the CPU held from the call on: the cases start at
                # its take (its stub and handler too), else after its stub returned
                back = 0 if entry != base[0][0] else \
                    next(i for i, boundary in enumerate(nested) if not boundary[3])
                self._start(nested[back:], pair, (entry, name), deep, outcomes, world)

    def _start(self, base, pair, pending, depth, outcomes, world=True):
        """The cases of ``base``'s run (a clean call's, or ``pending``'s
        after its stub returned), and at depth 2 those nested after every
        first delivery on it; check runs no second world on a case from a
        request pending at the call, nor where ``world`` is false."""
        memo = self._cases(base, pair, (pending, None), outcomes,
                           second_world=world and pending is None)
        if depth < 2:
            return
        for (taken, first_name), outcome in memo.items():
            if outcome == FAULT:
                continue
            nested = self._nested(base, taken, self.m.port.source(first_name))
            self._cases(nested, pair, (pending, (taken, first_name)), outcomes,
                        second_world=world and pending is None)

    def _nested(self, base, taken, first):
        """The boundaries of the run with ``first`` delivered at step ``taken``."""
        step, snapshot, _, _, _ = base[taken - base[0][0]]
        self.b.restore(snapshot)
        point, prio = self.b.return_point(), self.m.read_priority()
        self.b.take_interrupt(first.level, first.vector, self.m.stub_address(first))
        return self.boundaries((first, point, prio, step))

    def _cases(self, base, pair, start, outcomes, second_world=True):
        """Every (boundary, source) case of ``base``'s run; ``start``: the
        case's (pending, first).  Returns {(step taken, source): outcome}."""
        memo, first_step = {}, base[0][0]
        for index, (step, snapshot, _, active, _) in enumerate(base):
            for source in self.sources:
                if not runs_case(pair, start, source.name):
                    continue
                taken = next((i for i in range(index, len(base)) if source.name in base[i][2]), None)
                outcome = None
                if taken is not None:
                    key = (taken + first_step, source.name)
                    if key not in memo:
                        _, at, _, in_flight, undefined = base[taken]
                        memo[key] = self.case(at, in_flight, source)
                        # the second poison world, where check runs one (nothing in flight)
                        second = self.second_world(at, undefined) \
                            if second_world and not in_flight else None
                        if second is not None:
                            self.case(second, in_flight, source)
                        if self.floor is not None:
                            self.floor.queue(at, source, (pair, start, (step, source.name)), second)
                    outcome = memo[key]
                outcomes[(pair, start, (step, source.name))] = outcome
        if self.floor is not None:
            self.floor.flush()
        return memo


class Floor:
    """restore + interrupt entry + emu_start to the return, on a second
    emulator with its Python block hook removed; timed per batch."""

    def __init__(self, port, image):
        self.m = Machine(port, image)
        self.b = self.m.backend
        self.b.uc.hook_del(self.b._block_hook)
        self.clock, self.batch, self.ends = Clock(), [], []

    def queue(self, snapshot, source, case, second=None):
        """``second``: the snapshot the case's second-world run starts from
        (Lean.second_world; None: no such run)."""
        self.batch.append((snapshot, source, case))
        if second is not None:
            self.batch.append((second, source, None))

    def flush(self):
        b, uc, m = self.b, self.b.uc, self.m
        ends = []
        with self.clock:
            for snapshot, source, case in self.batch:
                b.restore(snapshot)
                b.take_interrupt(source.level, source.vector, m.stub_address(source))
                try:
                    uc.emu_start(b.pc, SENTINEL, count=DEFAULT_MAX_STEPS)
                    end = m.read_priority(), b.read_register(m.port.abi.returns)
                except UcError:
                    end = FAULT
                if case is not None:
                    ends.append((case, end))
        self.ends.extend(ends)
        self.batch = []


# -- the report ------------------------------------------------------------------------
def spread(values):
    return min(values), statistics.median(values), max(values)


def differences(name, reference, outcomes, project=lambda o: o, limit=10):
    """Print every case where ``outcomes`` differs from ``reference``; return the count."""
    diff = [case for case, want in reference.items() if project(outcomes.get(case)) != project(want)]
    for case in diff[:limit]:
        pair, (pending, first), second = case
        other = "" if pair[6] is None else f" from {pair[6][0].left_by or pair[6][0].state}"
        other += f" re-entry setting {pair[7][0]}" if pair[7][0] else ""
        print(f"  DIFF {name}: {pair[0]} {pair[3].name}->{pair[4].name} latency {pair[5]}{other} "
              f"pending {pending} first {first} case {second}: iplemu {reference[case]} vs {outcomes.get(case)}")
    if len(diff) > limit:
        print(f"  ... {len(diff) - limit} more differences")
    return len(diff)


def bench_depth(port, image, routines, only, depth, repeat, naive_repeat) -> int:
    """Time and compare every engine on one workload; the number of
    outcome differences from iplemu's explorer."""
    max_steps = DEFAULT_MAX_STEPS
    machine = Machine(port, image)
    work = list(pairs(machine, routines, only))
    work += explored_starts(port, image, routines, only, depth, max_steps, work)
    pending = {}
    reference = explorer_outcomes(machine, work, depth, max_steps, pending)
    cases = len(reference)
    runs = {}

    def timed(name, job, repeats=repeat):
        cpu, wall = [], []
        for _ in range(repeats):
            clock = Clock()
            with clock:
                result = job()
            cpu.append(clock.cpu)
            wall.append(clock.wall)
        runs[name] = (cpu, wall)
        return result

    check = timed("iplemu", lambda: check_port(Machine(port, image), routines, max_steps, depth, only))
    if not check.holds:
        print("  (the check found a failing property; its counter-examples are part of the time)")

    lean_outcomes = {}
    timed("lean", lambda: Lean(Machine(port, image), max_steps).explore(work, depth, lean_outcomes,
                                                                         pending))
    found = differences("lean", reference, lean_outcomes)
    # check judges no_window on every case it runs: the same set of cases, counted once
    # (but the interrupts-disabled starts' cases, which run nothing and no engine repeats)
    judged = sum(r.verdicts["no_window"].cases - r.interrupts_off_cases for r in check.routines)
    if judged != cases:
        print(f"  DIFF cases: check judged no_window on {judged} cases, the engines run {cases}")
        found += 1

    if hasattr(machine.backend, "uc"):
        floors = []

        def floor_job():
            floor = Floor(port, image)
            outcomes = {}
            Lean(Machine(port, image), max_steps, floor).explore(work, depth, outcomes, pending)
            floors.append(floor)
        for _ in range(repeat):
            floor_job()
        runs["floor"] = ([f.clock.cpu for f in floors], [f.clock.wall for f in floors])
        ends = floors[-1].ends
        mismatch = 0
        for case, end in ends:
            want = reference[case]
            if (want[2:] if isinstance(want, tuple) else want) != end:
                mismatch += 1
                if mismatch <= 10:
                    print(f"  DIFF floor: {case}: iplemu ends {want} vs {end}")
        print(f"  floor: {len(ends)} runs; end state (priority, return value) differs from "
              f"iplemu's in {mismatch}")
        found += mismatch

    if naive_repeat:
        naive_outcomes = {}
        # a second source at the first delivery's own boundary (the stub's
        # entry has the delivery's step number) has no injection of its own:
        # injected at that step, the CPU offers both at once, highest level first
        replayable = {case: want for case, want in reference.items()
                      if not earlier_deliveries(case[1])
                      or earlier_deliveries(case[1])[-1][0] != case[2][0]}

        def naive_job():
            for pair, start, second in replayable:
                naive_outcomes[(pair, start, second)] = naive_outcome(port, image, pair, start,
                                                                       second, max_steps)
        timed("naive", naive_job, naive_repeat)
        if len(replayable) < cases:
            print(f"  naive: {cases - len(replayable)} cases have no injection replay (a second "
                  f"source at the first delivery's boundary); naive ran the other {len(replayable)}")
        found += differences("naive", replayable, naive_outcomes)

    base_cpu = statistics.median(runs["iplemu"][0])
    after_pending = [first for _, (pending_at, first), _ in reference if pending_at is not None]
    nested_after = sum(1 for first in after_pending if first is not None)
    others = sum(1 for pair in work if pair[6] is not None)
    settings = sum(1 for pair in work if pair[7][0])
    print(f"  {cases} cases ({len(work) - others - settings} routine x pair x latency"
          + (f", {settings} more in another re-entry setting" if settings else "")
          + (f", {others} more from other starts" if others else "")
          + (f"; {len(after_pending)} of them after a request pending at the call"
             if after_pending else "")
          + (f", {nested_after} of those nested after a first delivery" if nested_after else "")
          + f"), repeats {repeat}; CPU s and wall s as min/median/max")
    print(f"  {'engine':7} {'cases/CPU s':>12} {'CPU s':>22} {'wall s':>22} {'CPU vs iplemu':>14}")
    for name, (cpu, wall) in runs.items():
        count = len(replayable) if name == "naive" else cases
        lo, mid, hi = spread(cpu)
        wlo, wmid, whi = spread(wall)
        print(f"  {name:7} {count / mid:12,.0f} {lo:7.3f}/{mid:7.3f}/{hi:7.3f} "
              f"{wlo:7.3f}/{wmid:7.3f}/{whi:7.3f} {mid / base_cpu:13.2f}x")
    lean_cpu = statistics.median(runs["lean"][0])
    line = f"  iplemu takes {base_cpu / lean_cpu:.2f}x the lean reference's CPU time"
    if "floor" in runs:
        line += f" and {base_cpu / statistics.median(runs['floor'][0]):.2f}x the floor's"
    print(line)
    print(f"  outcome differences from iplemu's explorer: {found}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("port", nargs="?", default="i386")
    parser.add_argument("--depth", type=int, nargs="+", choices=(1, 2), default=[1, 2])
    parser.add_argument("--routine", action="append", default=[], metavar="NAME")
    parser.add_argument("--ipl", action="append", default=[], metavar="NAME",
                        help="depth 1 workload: only these IPLs as from and to (default: all)")
    parser.add_argument("--depth2-ipl", action="append", default=[], metavar="NAME",
                        help="depth 2 workload (default: IPL_NONE and IPL_HIGH; naive runs "
                             "every case, so the default keeps it to minutes)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--naive-repeat", type=int, default=1, metavar="N",
                        help="repeats of the naive engine, the slowest (0: skip it)")
    args = parser.parse_args()
    os.environ.setdefault("IPLEMU_CACHE", tempfile.mkdtemp(prefix="iplemu-bench-"))
    port = load_port(args.port)
    image = build_image(port)
    # every engine here calls a routine with the target's spl value: the
    # routines that take one (a set routine, spl0 or splhigh, takes none)
    routines = [(r.name, r.symbol, r.kind) for r in port.routines.values()
                if r.kind != "set" and (not args.routine or r.name in args.routine)]
    for depth in args.depth:
        only = args.ipl if depth == 1 else (args.depth2_ipl or default_depth2_ipls(port))
        print(f"{port.name} depth {depth}: routines {', '.join(r[0] for r in routines)}; "
              f"IPLs {', '.join(only) if only else 'all'}")
        bench_depth(port, image, routines, only, depth, args.repeat, args.naive_repeat)
    return 0


def default_depth2_ipls(port):
    names = list(port.ipls)
    return [n for n in ("IPL_NONE", "IPL_HIGH") if n in names] or names[:2]


if __name__ == "__main__":
    sys.exit(main())
