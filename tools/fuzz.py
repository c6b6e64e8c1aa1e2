#!/usr/bin/env python3
"""Feed random programs through the real CLI on every port and check the
promises of the exit codes (issue 13, item 7).

    tools/fuzz.py --per-port N [--seed S] [--ports P ...] [--keep DIR] [--max-seconds S] [--jobs N]

Per port, N inputs: half random bytes, half random sequences from the
port's instruction list (tests/data/fuzz/<port>.txt, some with no meaning
in the model on purpose), each a routine ``f`` followed by the port's
return.  Each input goes through ``iplemu run`` and ``iplemu check
--snippet``, twice, and every execution must: exit 0, 1 or 2; print no
"Traceback" and no "internal error" (the CLI's line for an exception it
did not expect, which names no file:line or address); print exactly one
stderr line when it exits 2; print the same bytes the second time; end
within the time bound and not by the CLI's own wall-clock limit (the step
limit is to stop a runaway first).

The imports are paid once: each execution is a fork of this process
calling the CLI's entry point (``emu.entry.main``) with its stdout and
stderr on files, so it runs exactly the code the ``iplemu`` program runs.
Failures are listed on stderr (the input is kept with --keep); the last
line is ``fuzz: N runs, F failures``; exit 1 when F > 0.  Per port, a
line gives the inputs, executions, failures, seconds and executions per
second; with --max-seconds a port stops starting inputs after S seconds
(a campaign that has to end in time; the line says how many ran).

With --jobs N, N forked executors take the inputs of a port, each running
an input's four executions in turn; the inputs, the counts and the FAIL
lines (in input order) are the same whatever N, only the seconds differ.
Where one execution's time goes (i386, idle machine): the fork and exit
of the harness's copy and of the CLI's isolation worker (~2.5 ms each,
for a 44 MB process), the command itself (a new emulator instance is
~650 page faults), and the copy-on-write page faults spread over all of
them (CPython writes reference counts into every object it touches; a
page fault costs ~5-10 us on this virtual machine).  The command line and
the ports are built and checked once, before the first fork (``warm_up``;
load_port reuses a checked port while its text is unchanged): ~3,800 ->
~2,800 page faults per ``run``; i386, 100 inputs, idle machine, one run
each: 28.0 -> 14.9 s wall; paired on a loaded one (farm-bench, 40 inputs,
3 pairs, median): 0.89x the CPU, 0.88x the wall time.
"""

from __future__ import annotations

import argparse
import collections
import importlib
import multiprocessing
import os
import pkgutil
import random
import select
import signal
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from emu import entry                                   # noqa: E402
from emu.isolation import die_with_parent              # noqa: E402
from emu.model import available_ports, load_port        # noqa: E402

def warm_up(ports: list[str]) -> None:
    """Import every module of the emu package (and the libraries they use),
    build the command line and check the ports once here, so that each
    forked execution starts warm and runs the code as it was when the
    campaign began: work left to the execution costs it again every time
    (an import also compiles the source each time when
    PYTHONDONTWRITEBYTECODE is set)."""
    import emu
    for module in pkgutil.walk_packages(emu.__path__, "emu."):
        if not module.name.endswith(".__main__"):   # that one runs the CLI
            importlib.import_module(module.name)
    importlib.import_module("emu.cli").build_parser()
    for port in ports:
        load_port(port)


INSTRUCTIONS = ROOT / "tests" / "data" / "fuzz"
RETURN = {"i386": "ret", "amd64": "ret", "m68k": "rts", "sparc": "retl\n\tnop",
          "sparc64": "retl\n\tnop",
          "alpha": "ret $31, ($26), 1", "arm32": "mov pc, lr", "pmax": "jr $ra", "powerpc": "blr",
          "sh3": "rts\n\tnop",
          "hppa": "bv %r0(%rp)\n\tnop"}
WORD = {"m68k": 2, "sparc": 4, "alpha": 4, "arm32": 4, "pmax": 4, "powerpc": 4, "sh3": 2, "hppa": 4,
        "sparc64": 4}   # instruction granule, bytes
#: --timeout given to every execution (seconds).  The step limits bound an
#: execution to about a second of CPU; the wall-clock limit catches what
#: they miss, so it leaves room for a shared machine: a niced campaign on a
#: loaded 2-core machine saw a 0.2 s execution take more than 5 s.
CLI_TIMEOUT = 60
GRACE = 30                 # beyond it, the harness calls the execution hung
RUN_STEPS, CHECK_STEPS = 2000, 48


@dataclass
class Execution:
    code: int | None       # None: the harness killed it (hung)
    stdout: bytes
    stderr: bytes
    cpu: float             # user + system seconds of the CLI, its worker and tools


@dataclass
class Outcome:
    """What the executions of one input found."""
    runs: int
    failures: list[str]    # one FAIL line each


def instruction_list(port: str) -> list[str]:
    lines = (INSTRUCTIONS / f"{port}.txt").read_text().splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def fill(template: str, rng: random.Random) -> str:
    """The template with its placeholders replaced by random values."""
    addresses = (0x10000, 0x10004, 0x100000 - 4, 0x103f00, 0x50000000, rng.getrandbits(32))
    return (template.replace("{imm}", str(rng.getrandbits(32)))
            .replace("{imm8}", str(rng.randint(-128, 127)))
            .replace("{imm13}", str(rng.randint(-4096, 4095)))
            .replace("{imm16}", str(rng.randint(-32768, 32767)))
            .replace("{addr}", f"0x{rng.choice(addresses):x}"))


def program(port: str, rng: random.Random, instructions: list[str], raw: bool) -> str:
    """One routine ``f``: random bytes (raw) or random instructions, then
    the port's return."""
    if raw:
        count = rng.randint(1, 6) * WORD.get(port, 1)
        body = "\t.byte " + ", ".join(f"0x{rng.getrandbits(8):02x}" for _ in range(count))
    else:
        body = "\n".join("\t" + fill(rng.choice(instructions), rng)
                         for _ in range(rng.randint(1, 8)))
    return f"\t.text\n\t.globl f\nf:\n{body}\n\t.balign 4\n\t{RETURN[port]}\n"


def commands(port: str, ipls: list[str], source: Path) -> list[list[str]]:
    """``run`` and ``check --snippet`` of ``source`` (``ipls``: the port's
    levels, lowest first); check on one process (--jobs 1): a pool of
    workers per input would cost more than the few IPL pairs it explores,
    and the harness runs inputs side by side (its own --jobs)."""
    common = ["--timeout", str(CLI_TIMEOUT), "--format", "json"]
    return [["run", port, str(source), "--call", "f", "--arg", ipls[0], "--ipl", ipls[-1],
             "--max-steps", str(RUN_STEPS), *common],
            ["check", port, "--snippet", str(source), "--routine", "f=lower", "--ipl", ipls[0],
             "--ipl", ipls[-1], "--max-steps", str(CHECK_STEPS), "--jobs", "1", *common]]


def execute(argv: list[str], output: Path) -> Execution:
    """The CLI on ``argv`` in a forked copy of this process (its own
    process group, so a hung one is killed with its worker); its stdout
    and stderr go to ``output`` with the suffixes .stdout and .stderr."""
    out, err = output.with_suffix(".stdout"), output.with_suffix(".stderr")
    pid = os.fork()
    if pid == 0:
        code = 2
        try:
            os.setpgid(0, 0)
            for fd, path in ((1, out), (2, err)):
                target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                os.dup2(target, fd)
                os.close(target)
            sys.stdout = open(1, "w", closefd=False)
            sys.stderr = open(2, "w", closefd=False)
            code = entry.main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)
    code, cpu = _wait(pid, CLI_TIMEOUT + GRACE)
    return Execution(code, out.read_bytes(), err.read_bytes(), cpu)


def _wait(pid: int, seconds: float) -> tuple[int | None, float]:
    """The exit code of child ``pid`` (None when it was still running after
    ``seconds`` and was killed with its process group) and the CPU seconds
    it and the children it reaped used (wait4(2)).  Sleeps on a Linux
    pidfd (pidfd_open(2), Linux 5.3), which becomes readable when the
    process ends: no polling."""
    pidfd = os.pidfd_open(pid)
    try:
        waiter = select.poll()
        waiter.register(pidfd, select.POLLIN)
        ended = waiter.poll(seconds * 1000)
    finally:
        os.close(pidfd)
    if not ended:
        os.killpg(pid, signal.SIGKILL)
    _, status, usage = os.wait4(pid, 0)
    return (os.waitstatus_to_exitcode(status) if ended else None), usage.ru_utime + usage.ru_stime


def problems(first: Execution, second: Execution) -> list[str]:
    found = []
    for run in (first, second):
        if run.code is None:
            found.append(f"no exit after {CLI_TIMEOUT + GRACE} s")
        elif run.code not in (0, 1, 2):
            found.append(f"exit code {run.code}")
        if b"Traceback" in run.stdout + run.stderr:
            found.append("a traceback")
        if b"internal error" in run.stderr:    # one line, but naming no file:line or address
            found.append("an internal error")
        if run.code == 2 and len(run.stderr.strip().splitlines()) != 1:
            found.append(f"{len(run.stderr.strip().splitlines())} stderr lines on exit 2")
        if b"time limit of" in run.stderr:   # with the CPU it got: a few seconds say a starved host
            found.append(f"stopped by the {CLI_TIMEOUT} s wall-clock limit, not the step limit "
                         f"(after {run.cpu:.1f} s of CPU)")
    if (first.code, first.stdout, first.stderr) != (second.code, second.stdout, second.stderr):
        found.append("different output the second time")
    return sorted(set(found))


def fuzz_input(port: str, ipls: list[str], index: int, text: str, scratch: Path,
               keep: Path | None) -> Outcome:
    """Input number ``index`` (program ``text``) through ``run`` and
    ``check --snippet``, each twice."""
    source = scratch / f"{port}-{index}.S"
    source.write_text(text)
    runs, failures = 0, []
    for argv in commands(port, ipls, source):
        first = execute(argv, source)
        # a run the wall-clock limit stopped is a failure already; not twice
        second = first if b"time limit of" in first.stderr else execute(argv, source)
        runs += 1 if second is first else 2
        found = problems(first, second)
        if found:
            where = source
            if keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                where = keep / source.name
                where.write_text(text)
            line = first.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
            failures.append(f"FAIL {port} #{index}: {'; '.join(found)}: iplemu "
                            f"{' '.join(argv).replace(str(source), str(where))}  [{line[0][:160]}]")
    for path in (source, source.with_suffix(".stdout"), source.with_suffix(".stderr")):
        path.unlink(missing_ok=True)
    return Outcome(runs, failures)


def fuzz_port(port: str, per_port: int, seed: int, scratch: Path, keep: Path | None,
              seconds: float | None = None, jobs: int = 1) -> tuple[int, int, int]:
    """(inputs, executions, failures) for ``per_port`` inputs on ``port``,
    printing a FAIL line per failure, in input order; fewer inputs when
    ``seconds`` have passed before the last one starts (the inputs are the
    same, in the same order, whatever the bound and ``jobs``)."""
    rng = random.Random(f"{seed}:{port}")
    instructions = instruction_list(port)
    ipls = list(load_port(port).ipls)
    deadline = None if seconds is None else time.monotonic() + seconds

    def inputs() -> Iterator[tuple]:
        for index in range(per_port):
            if deadline is not None and time.monotonic() >= deadline:
                return
            yield port, ipls, index, program(port, rng, instructions, raw=index % 2 == 0), scratch, keep

    done = runs = failures = 0
    for outcome in _outcomes(inputs(), jobs):
        done += 1
        runs += outcome.runs
        failures += len(outcome.failures)
        for line in outcome.failures:
            print(line, file=sys.stderr, flush=True)
    return done, runs, failures


def _outcomes(inputs: Iterator[tuple], jobs: int) -> Iterator[Outcome]:
    """``fuzz_input(*args)`` for each ``args`` of ``inputs``, in order: here
    (jobs 1), or on ``jobs`` forked executors, asking ``inputs`` for the
    next only when an executor is about to be free."""
    if jobs == 1:
        for args in inputs:
            yield fuzz_input(*args)
        return
    # an executor dies with this process (stopped by a signal, it would
    # otherwise go on taking inputs from a queue nobody reads)
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                             initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        pending: collections.deque = collections.deque()
        for args in inputs:
            pending.append(pool.submit(fuzz_input, *args))
            if len(pending) > jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-port", type=int, required=True, metavar="N", help="inputs per port")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ports", nargs="+", default=available_ports(), choices=available_ports())
    parser.add_argument("--keep", type=Path, metavar="DIR", help="copy failing inputs here")
    parser.add_argument("--max-seconds", type=float, metavar="S",
                        help="per port, start no input after S seconds (the summary says how many ran)")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="run N inputs at a time (default 1); the output is the same but for the seconds")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs takes a positive number")
    warm_up(args.ports)
    total_runs = total_failures = 0
    with tempfile.TemporaryDirectory(prefix="iplemu-fuzz-") as tmp:
        scratch = Path(tmp)
        os.environ["IPLEMU_CACHE"] = str(scratch / "cache")
        for port in args.ports:
            started = time.monotonic()
            inputs, runs, failures = fuzz_port(port, args.per_port, args.seed, scratch, args.keep,
                                               args.max_seconds, args.jobs)
            seconds = time.monotonic() - started
            print(f"{port}: {inputs} inputs, {runs} runs, {failures} failures, {seconds:.1f} s, "
                  f"{runs / seconds:.1f} runs/s", file=sys.stderr, flush=True)
            total_runs += runs
            total_failures += failures
    print(f"fuzz: {total_runs} runs, {total_failures} failures")
    return 1 if total_failures else 0


if __name__ == "__main__":
    sys.exit(main())
