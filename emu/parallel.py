"""Run independent units of work on every core, results in submission order.

Workers are forked from the caller, each with a Machine of its own built
from the caller's port and image (no emulator state crosses a fork
boundary).  They ignore SIGINT (the CLI parent answers Ctrl-C) and die with
their parent (Linux PR_SET_PDEATHSIG), so no worker outlives a killed CLI.
"""

from __future__ import annotations

import os
import signal
from typing import Callable, Iterable, Iterator

from .isolation import die_with_parent

_worker_machine = None
_pending: tuple | None = None      # (port, image) for the workers about to fork


#: the variable that sets --jobs's default (a test run on every core sets 1)
JOBS_VARIABLE = "IPLEMU_JOBS"


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:           # not Linux
        return max(1, os.cpu_count() or 1)


def _start_worker(parent: int) -> None:
    global _worker_machine
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)
    from .machine import Machine
    port, image = _pending
    _worker_machine = Machine(port, image)


def _call(job: tuple):
    work, item = job
    return work(_worker_machine, item)


def map_in_workers(machine, work: Callable, items: Iterable, jobs: int) -> Iterator:
    """``work(machine_of_the_worker, item)`` for every item, on ``jobs``
    forked processes; yields the results in the order of ``items``.  The
    pool ends when the generator is closed: use it in ``contextlib.closing``
    (a caller that stops early or fails would otherwise leave the workers
    running until the generator is collected)."""
    global _pending
    _pending = (machine.port, machine.image)
    context = _fork_context()
    with context.Pool(jobs, initializer=_start_worker,
                      initargs=(os.getpid(),)) as pool:
        yield from pool.imap(_call, [(work, item) for item in items])


def map_ports(work: Callable, items: list, jobs: int, label: str = "") -> list:
    """``work(item)`` for every item (a port and what to do with it), on up
    to ``jobs`` forked processes (no machine is shared: each call builds its
    own); results in the order of ``items``; a progress line (``label``) on
    a terminal."""
    from .progress import Progress
    progress = Progress(label, len(items))
    results = []
    if jobs <= 1 or len(items) <= 1:
        for item in items:
            results.append(work(item))
            progress.advance()
    else:
        context = _fork_context()
        with context.Pool(min(jobs, len(items)), initializer=_quiet_worker,
                          initargs=(os.getpid(),)) as pool:
            for result in pool.imap(work, items):
                results.append(result)
                progress.advance()
    progress.finish()
    return results


def _fork_context():
    """multiprocessing's fork context, imported only when there is work to
    split: the import costs ~20 ms, and every command's --help default asks
    ``default_jobs`` first."""
    import multiprocessing
    return multiprocessing.get_context("fork")


def _quiet_worker(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)
