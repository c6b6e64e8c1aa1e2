#!/usr/bin/env python3
"""What the poison worlds beyond the first (world 1 and the zero world) cost
`iplemu check PORT` (issue 17).

Runs check_port on the port's own routines (every one, every IPL pair,
one process) twice per repeat: as shipped, and with the other worlds
switched off *in this process only* (the call's world-1 and zero-world
runs and every case's world-1 and zero-world runs replaced by "no
difference"; defined_only is then not judged).  Prints the emulator runs
and CPU seconds of both, and the share of the runs the other worlds add.
The shipped code has no switch for this: what `iplemu check` judges is
never weaker.

    .venv/bin/python tools/bench_worlds.py [PORT ...] [--depth N] [--repeat N]

Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from emu.assembler import build_image  # noqa: E402
from emu.machine import DEFAULT_MAX_STEPS, Machine  # noqa: E402
from emu.model import load_port  # noqa: E402
from emu.worlds import Worlds  # noqa: E402

check_module = importlib.import_module("emu.check")     # emu.check is also a function's name


def one_world():
    """Patch emu.worlds.Worlds so the second world is never run; returns
    the undo."""
    saved = Worlds.case_problem, Worlds.call_problem
    Worlds.case_problem = lambda self, *args: None
    Worlds.call_problem = lambda self, *args: None

    def undo():
        Worlds.case_problem, Worlds.call_problem = saved
    return undo


def measure(port, image, routines, depth: int, worlds: int) -> tuple[int, float, bool]:
    """(emulator runs, CPU seconds, holds) of one check of every routine."""
    undo = one_world() if worlds == 1 else (lambda: None)
    try:
        start = time.process_time()
        result = check_module.check_port(Machine(port, image), routines, DEFAULT_MAX_STEPS, depth)
        seconds = time.process_time() - start
    finally:
        undo()
    return sum(r.runs for r in result.routines), seconds, result.holds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ports", nargs="*", default=["i386", "powerpc"])
    parser.add_argument("--depth", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("IPLEMU_CACHE", tempfile.mkdtemp(prefix="iplemu-bench-"))
    for name in args.ports:
        port = load_port(name)
        image = build_image(port)
        routines = [(r.name, r.symbol, r.kind, r.returns_value, r.ipl)
                    for r in port.routines.values()]
        found = {}
        for worlds in (2, 1):
            samples = [measure(port, image, routines, args.depth, worlds)
                       for _ in range(args.repeat)]
            runs = samples[0][0]
            cpu = sorted(s[1] for s in samples)
            found[worlds] = (runs, statistics.median(cpu), cpu, samples[0][2])
        (runs2, cpu2, all2, holds), (runs1, cpu1, all1, _) = found[2], found[1]
        print(f"{name} depth {args.depth}, {len(routines)} routines, one process, "
              f"CPU s min/median/max of {args.repeat}; holds: {holds}")
        for label, runs, cpu, every in (("two worlds (shipped)", runs2, cpu2, all2),
                                        ("first world only", runs1, cpu1, all1)):
            print(f"  {label:22} {runs:9,} emulator runs  "
                  f"{every[0]:7.2f}/{cpu:7.2f}/{every[-1]:7.2f} CPU s")
        print(f"  the second world: +{runs2 - runs1:,} runs ({(runs2 / runs1 - 1) * 100:.0f} %), "
              f"+{cpu2 - cpu1:.2f} CPU s ({(cpu2 / cpu1 - 1) * 100:.0f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
