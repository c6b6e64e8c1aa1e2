#!/usr/bin/env python3
"""Benchmark the CLI as a user runs it: `iplemu check PORT [--depth N]`
end to end (CPU seconds of the process and its worker, wall seconds, peak
RSS), and the cold (assembling) vs warm (cached image) start of
`iplemu run`.  Min/median/max over the repeats; prints, asserts nothing.
The per-case engine comparison (naive, lean, floor) is tools/bench_check.py.

    .venv/bin/python tools/bench_run.py [PORT ...] [--depth 1 2] [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from emu.model import available_ports  # noqa: E402

BENCH = ROOT / "tools" / "bench"


def cli(args: list[str], cache: str) -> tuple[float, float, int, int]:
    """(CPU s, wall s, peak RSS in KiB, exit code) of one CLI run; the
    worker the CLI forks is waited for by it, so wait4 counts it too."""
    env = dict(os.environ, IPLEMU_CACHE=cache, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "emu.cli", *args], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss, child.returncode


def spread(values) -> str:
    return "/".join(f"{v:.2f}" for v in (min(values), statistics.median(values), max(values)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ports", nargs="*", metavar="PORT")
    parser.add_argument("--depth", type=int, nargs="+", choices=(1, 2), default=[1])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ports = args.ports or available_ports()
    cache = tempfile.mkdtemp(prefix="iplemu-bench-")
    print(f"iplemu check, end to end ({args.repeat} runs; min/median/max)")
    print(f"{'port':8} {'depth':>5} {'CPU s':>20} {'wall s':>20} {'peak RSS MB':>20} exit")
    for port in ports:
        cli(["check", port, "--routine", "splx"], cache)          # assemble once, untimed
        for depth in args.depth:
            runs = [cli(["check", port, "--depth", str(depth)], cache) for _ in range(args.repeat)]
            cpu, wall, rss, codes = zip(*runs)
            print(f"{port:8} {depth:5} {spread(cpu):>20} {spread(wall):>20} "
                  f"{spread([r / 1024 for r in rss]):>20} {','.join(map(str, sorted(set(codes))))}")
    print()
    print("iplemu run, cold (assembles) vs warm (cached image) start, wall ms")
    for port in ports:
        snippet = BENCH / f"{port}.S"
        if not snippet.exists():
            continue
        command = ["run", port, str(snippet), "--call", "splraise", "--arg", "IPL_NET"]
        cold, warm = [], []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as fresh:
                cold.append(cli(command, fresh)[1] * 1e3)
                warm.append(cli(command, fresh)[1] * 1e3)
        print(f"{port:8} cold {spread(cold)}  warm {spread(warm)}  "
              f"cold/warm {statistics.median(cold) / statistics.median(warm):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
