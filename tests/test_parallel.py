"""--jobs splits independent work over processes; the output does not
depend on how many (issue 10)."""

from __future__ import annotations

import json
import os
import time

from conftest import DATA, run_cli
from emu import parallel


def _without_timing(text: str) -> dict:
    report = json.loads(text)
    if isinstance(report, dict):
        report.pop("seconds", None)
    return report


def test_check_output_does_not_depend_on_jobs():
    snippet = str(DATA / "broken" / "i386" / "contract.S")
    outputs = [run_cli("check", "i386", "--snippet", snippet, "--routine", "spllower_stale_ecx=lower",
                       "--routine", "splraise", "--format", "json", "--jobs", jobs)
               for jobs in ("1", "2", "3")]
    assert {o.returncode for o in outputs} == {1}
    first = _without_timing(outputs[0].stdout)
    assert all(_without_timing(o.stdout) == first for o in outputs[1:])


def test_race_and_table_output_do_not_depend_on_jobs():
    races = [run_cli("race", "i386", "sparc", "--format", "json", "--jobs", jobs) for jobs in ("1", "2")]
    assert races[0].returncode == 0 and races[0].stdout == races[1].stdout
    # json rows hold every routine's verdicts and counter-examples; --no-cache
    # so that both build them (the table spreads routines over the processes)
    tables = [run_cli("table", "--ports", "alpha", "m68k", "--format", "json", "--no-cache",
                      "--jobs", jobs) for jobs in ("1", "2")]
    assert tables[0].returncode == 0 and tables[0].stdout == tables[1].stdout


def test_jobs_must_be_positive():
    result = run_cli("check", "alpha", "--jobs", "0")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_the_jobs_variable_sets_the_default_and_is_checked(monkeypatch):
    """$IPLEMU_JOBS is --jobs's default (check, table, race); --jobs wins
    over it; a value that is no positive whole number is bad input (one
    line, exit 2), as --jobs 0 is."""
    from emu.cli import _apply_common_options, build_parser
    monkeypatch.setenv("IPLEMU_JOBS", "two")
    bad = run_cli("check", "alpha", "--ipl", "none")
    assert bad.returncode == 2 and "$IPLEMU_JOBS must be a positive whole number" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1, bad.stderr
    monkeypatch.setenv("IPLEMU_JOBS", "3")
    for argv, jobs in ((["check", "alpha"], 3), (["table", "--all"], 3), (["race", "i386"], 3),
                       (["check", "alpha", "--jobs", "1"], 1)):
        args = build_parser().parse_args(argv)
        _apply_common_options(args)
        assert args.jobs == jobs, (argv, args.jobs)
    monkeypatch.delenv("IPLEMU_JOBS")
    args = build_parser().parse_args(["check", "alpha"])
    _apply_common_options(args)
    assert args.jobs == parallel.default_jobs()


def test_a_worker_that_starts_after_its_parent_died_exits():
    """A pool worker the scheduler starts only after the CLI's worker has
    exited (a loaded machine) must exit, not wait for work forever as
    init's child: it checks the parent PID taken before the fork."""
    read, write = os.pipe()
    child = os.fork()
    if child == 0:                       # the pool's parent: forks the worker and exits
        forker = os.getpid()
        if os.fork() == 0:               # the pool worker
            try:
                os.close(read)
                deadline = time.monotonic() + 10
                while os.getppid() == forker and time.monotonic() < deadline:
                    time.sleep(0.01)     # starts only once its parent is gone
                parallel._quiet_worker(forker)
                os.write(write, b"still running")
            finally:
                os._exit(0)
        os._exit(0)
    os.close(write)
    os.waitpid(child, 0)
    with os.fdopen(read, "rb") as pipe:
        assert pipe.read() == b""        # the worker exited in _quiet_worker


def test_check_starts_no_more_processes_than_ipl_pairs(monkeypatch):
    """--jobs is a bound, not a count: a check of 4 IPL pairs with --jobs
    60 forked 60 processes (and --jobs 100000000 would try as many)."""
    from conftest import machine_for
    from emu.check import check_routine
    started = []
    real = parallel.map_in_workers

    def counting(machine, work, items, jobs):
        started.append(jobs)
        return real(machine, work, items, jobs)

    monkeypatch.setattr(parallel, "map_in_workers", counting)
    result = check_routine(machine_for("i386"), "splraise", "splraise", "raise",
                           only=["IPL_NONE", "IPL_HIGH"], jobs=100_000_000)
    assert started == [result.pairs] and result.pairs == 4   # none, high: as from and to


def _crash_on_three(item: int) -> int:
    """A unit whose worker dies in C as unicorn's crashes kill one."""
    if item == 3:
        import ctypes
        ctypes.string_at(0)
    time.sleep(0.05)
    return item * 2


def _slow_double(item: int) -> int:
    time.sleep(0.2)
    return item * 2


def test_a_worker_killed_by_a_signal_ends_the_work_with_one_line():
    """A worker that dies (SIGSEGV in unicorn's C) was replaced by
    multiprocessing.Pool and its unit lost: imap waited for ever (session
    37, --jobs 2).  Now it is a RunError naming the signal, and no worker
    is left.  (concurrent.futures' pool, tried first, named SIGTERM or left
    a worker now and then: its thread reaped the workers too.)"""
    from multiprocessing import active_children
    from emu.errors import RunError
    try:
        parallel.map_ports(_crash_on_three, list(range(12)), 2)
    except RunError as error:
        message = str(error)
    else:
        raise AssertionError("the dead worker's unit gave a result")
    assert message == ("emulator crashed (SIGSEGV) in a worker process (--jobs 2); "
                       "the other workers were stopped"), message
    assert active_children() == []


def test_a_caller_that_stops_early_leaves_no_worker():
    from contextlib import closing
    from multiprocessing import active_children
    from conftest import machine_for
    with closing(parallel.map_in_workers(machine_for("alpha"), _double_with_machine,
                                         list(range(40)), 2)) as results:
        assert next(results) == 0
    assert active_children() == []


def _double_with_machine(machine, item: int) -> int:
    assert machine.port.name == "alpha"
    return _slow_double(item)
