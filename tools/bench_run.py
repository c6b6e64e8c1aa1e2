#!/usr/bin/env python3
"""Benchmark `iplemu run`: instructions per second of the engine (events
only, and with a full trace) against the CPU running the same snippet with
no hooks at all, and the cold vs warm (cached assembly) start of the CLI.
Prints ratios measured in this one run; asserts nothing.

    .venv/bin/python tools/bench_run.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from emu.assembler import build_image  # noqa: E402
from emu.machine import SENTINEL, Machine  # noqa: E402
from emu.model import available_ports, load_port  # noqa: E402

BENCH = ROOT / "tools" / "bench"


def best_of(n, work):
    """The fastest of n runs (seconds) and the last result."""
    times, result = [], None
    for _ in range(n):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def raw_seconds(machine: Machine) -> float | None:
    """The same call on the bare CPU: unicorn's emu_start with no hook
    (run last: the machine keeps no hook afterwards)."""
    uc = getattr(machine.backend, "uc", None)
    if uc is None:
        return None

    # no Python hook at all; deleting it also drops the translated blocks,
    # whose `until` checks unicorn compiled in when it translated them
    uc.hook_del(machine.backend._hook)

    def work():
        entry = machine.prepare_call("bench_loop", [], 0)
        uc.emu_start(entry, SENTINEL)
    return best_of(5, work)[0]


def cli_seconds(port: str, cache: str) -> float:
    env = dict(os.environ, IPLEMU_CACHE=cache, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "emu.cli", "run", port, str(BENCH / f"{port}.S"),
                    "--call", "splraise", "--arg", "IPL_NET"], check=True, env=env,
                   capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    ports = [p for p in available_ports() if (BENCH / f"{p}.S").exists()]
    rows = []
    hooked_unicorn = []
    print(f"{'port':6} {'steps':>7} {'raw M/s':>8} {'engine k/s':>10} {'traced k/s':>10} "
          f"{'raw/engine':>10} {'raw/traced':>10}")
    for name in ports:
        port = load_port(name)
        machine = Machine(port, build_image(port, BENCH / f"{name}.S"))
        engine_s, result = best_of(3, lambda: machine.call("bench_loop", [], 0, max_steps=10**6))
        traced_s, _ = best_of(3, lambda: machine.call("bench_loop", [], 0, max_steps=10**6, trace=True))
        steps = result.steps
        raw_s = raw_seconds(machine)
        engine, traced = steps / engine_s, steps / traced_s
        if raw_s is not None:
            hooked_unicorn.append(engine)
        raw = f"{steps / raw_s / 1e6:8.1f}" if raw_s else f"{'-':>8}"
        ratio = lambda s: f"{s / raw_s:10.0f}" if raw_s else f"{'-':>10}"
        print(f"{name:6} {steps:7d} {raw} {engine / 1e3:10.0f} {traced / 1e3:10.0f} "
              f"{ratio(engine_s)} {ratio(traced_s)}")
        rows.append((name, engine, raw_s is None))
    if hooked_unicorn:
        mean = statistics.mean(hooked_unicorn)
        for name, engine, own in rows:
            if own:
                print(f"{name}: own interpreter under the engine runs at {engine / mean:.2f}x "
                      f"the unicorn ports' hooked speed ({engine / 1e3:.0f}k vs {mean / 1e3:.0f}k insn/s)")
    print()
    for name in ports:
        with tempfile.TemporaryDirectory() as cache:
            cold = cli_seconds(name, cache)
            warm = min(cli_seconds(name, cache) for _ in range(3))
        print(f"{name}: CLI start cold (assembles) {cold * 1e3:.0f} ms, warm (cached) "
              f"{warm * 1e3:.0f} ms: cold/warm {cold / warm:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
