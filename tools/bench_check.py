#!/usr/bin/env python3
"""Benchmark `iplemu check PORT`: the exhaustive check as iplemu runs it,
against (a) the naive way, a fresh assembly and a fresh emulator per
injection case with a per-instruction trace, and (b) raw unicorn running
the same case runs with no Python hook at all.  Prints figures and ratios
measured in this one run; asserts nothing.

    .venv/bin/python tools/bench_check.py [PORT] [--sample N]

The naive way is measured on a random sample of the cases (seeded) and
extrapolated to all of them: running it in full takes minutes.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from emu.assembler import build_image  # noqa: E402
from emu.check import applies, check_port, distinct_levels  # noqa: E402
from emu.explore import record_baseline  # noqa: E402
from emu.machine import SENTINEL, Injection, Machine  # noqa: E402
from emu.model import load_port  # noqa: E402


def all_cases(machine, routines):
    """Every (routine, kind, from, to, latency, boundary, source) the check explores,
    with the baseline of its pair (for the raw replay)."""
    port = machine.port
    levels = distinct_levels(port)
    for name, symbol, kind in routines:
        for latency in machine.write_latencies:
            machine.backend.latency = latency
            for frm in levels:
                for to in levels:
                    if not applies(port, kind, frm, to):
                        continue
                    base = record_baseline(machine, symbol, [to.spl], frm.live, 10_000)
                    yield symbol, frm, to, latency, base


def naive_seconds_per_case(port, routines, cases, sample, seed=1):
    rng = random.Random(seed)
    chosen = rng.sample(cases, min(sample, len(cases)))
    start = time.perf_counter()
    for symbol, frm, to, latency, step, source in chosen:
        with tempfile.TemporaryDirectory() as cache:
            os.environ["IPLEMU_CACHE"] = cache            # a fresh assembly every time
            machine = Machine(port, build_image(port), latency=latency)
            machine.call(symbol, [to.spl], frm.live, [Injection(source, step)], trace=True)
    return (time.perf_counter() - start) / len(chosen), len(chosen)


def raw_seconds(machine, routines):
    """The check's emulator work with no Python hook: each distinct delivered
    case restored, entered and run to the return by bare emu_start."""
    uc = getattr(machine.backend, "uc", None)
    if uc is None:
        return None, 0
    runs = []
    for symbol, frm, to, latency, base in all_cases(machine, routines):
        seen = set()
        for boundary in base.boundaries:
            for source in machine.port.sources:
                taken = base.first_acceptance(boundary.step, source)
                if taken is not None and (taken, source.name) not in seen:
                    seen.add((taken, source.name))
                    runs.append((base.boundaries[taken].snapshot, source))
    backend = machine.backend
    uc.hook_del(backend._hook)               # no Python hook from here on
    start = time.perf_counter()
    for snapshot, source in runs:
        backend.restore(snapshot)
        backend.take_interrupt(source.level, source.vector, machine.stub_address(source))
        uc.emu_start(backend.pc, SENTINEL)
    return time.perf_counter() - start, len(runs)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("port", nargs="?", default="i386")
    parser.add_argument("--sample", type=int, default=60)
    args = parser.parse_args()
    os.environ.setdefault("IPLEMU_CACHE", tempfile.mkdtemp(prefix="iplemu-bench-"))
    port = load_port(args.port)
    routines = [(r.name, r.symbol, r.kind) for r in port.routines.values()]
    machine = Machine(port, build_image(port))

    check = check_port(machine, routines)
    runs = sum(r.runs for r in check.routines)
    print(f"{port.name}: exhaustive check: {check.cases} cases, {runs} emulator runs, "
          f"{check.seconds:.2f} s ({check.cases / check.seconds:,.0f} cases/s)")

    cases = [(symbol, frm, to, latency, boundary.step, source)
             for symbol, frm, to, latency, base in all_cases(machine, routines)
             for boundary in base.boundaries for source in port.sources]
    per_case, sampled = naive_seconds_per_case(port, routines, cases, args.sample)
    naive_total = per_case * len(cases)
    print(f"naive (fresh assembly + fresh emulator + traced run per case): "
          f"{per_case * 1e3:.1f} ms/case on {sampled} sampled cases, "
          f"{naive_total:.0f} s extrapolated to the {len(cases)} (boundary, source) cases")
    print(f"  check is {naive_total / check.seconds:.0f}x faster than naive")

    raw, raw_runs = raw_seconds(Machine(port, build_image(port)), routines)
    if raw is None:
        print("raw unicorn: - (this CPU runs on iplemu's own interpreter)")
    else:
        print(f"raw unicorn (restore + entry + unhooked emu_start, {raw_runs} runs): {raw:.2f} s; "
              f"the check takes {check.seconds / raw:.1f}x that")
    return 0


if __name__ == "__main__":
    sys.exit(main())
