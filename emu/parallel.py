"""Run independent units of work on every core, results in submission order.

Workers are forked from the caller, each with a Machine of its own built
from the caller's port and image (no emulator state crosses a fork
boundary).  They ignore SIGINT (the CLI parent answers Ctrl-C) and die with
their parent (Linux PR_SET_PDEATHSIG), so no worker outlives a killed CLI.
A worker that dies (unicorn is C code: a crash kills the whole process)
ends the work with one line naming the signal (a RunError), the other
workers stopped: never a wait for a result that will not come.
"""

from __future__ import annotations

import os
import signal
from typing import Callable, Iterable, Iterator

from .errors import RunError
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
    _quiet_worker(parent)
    from .machine import Machine
    port, image = _pending
    _worker_machine = Machine(port, image)


def _quiet_worker(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)


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
    yield from _in_pool(_call, [(work, item) for item in items], jobs, _start_worker)


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
        for result in _in_pool(work, items, min(jobs, len(items)), _quiet_worker):
            results.append(result)
            progress.advance()
    progress.finish()
    return results


def _in_pool(function: Callable, items: list, jobs: int, initializer: Callable) -> Iterator:
    """``function(item)`` for every item on ``jobs`` forked workers (each
    started by ``initializer(parent_pid)``), the results in the order of
    ``items``.  Each worker has a pipe of its own and one item at a time;
    a worker that dies closes its pipe, so the parent, waiting on the
    pipes, sees it at once (a RunError naming its signal).  However the
    caller stops, no worker is left running.  (multiprocessing.Pool
    replaced a dead worker and waited for ever for its item's result;
    concurrent.futures' pool reaps workers in a thread of its own, which
    raced this one for their exit codes.)"""
    from multiprocessing.connection import wait
    context = _fork_context()
    parent = os.getpid()
    workers: list = []                        # (process, its end of the pipe)
    finished = False
    try:
        for _ in range(min(jobs, len(items))):
            ours, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(theirs, function, initializer, parent))
            process.start()
            theirs.close()
            workers.append((process, ours))
        busy, results, done = {}, {}, 0     # busy: pipe -> index of its item
        waiting = iter(range(len(items)))

        def hand_out(pipe) -> None:         # the next item, if any is left
            index = next(waiting, None)
            if index is not None:
                pipe.send(items[index])
                busy[pipe] = index
        for _, pipe in workers:
            hand_out(pipe)
        while done < len(items):
            while done in results:
                yield results.pop(done)
                done += 1
            if done == len(items):
                break
            for ready in wait(list(busy)):
                try:
                    ok, value = ready.recv()
                except EOFError:              # its worker died with no answer
                    process = next(process for process, pipe in workers if pipe is ready)
                    process.join()
                    raise RunError(_death(process.exitcode, jobs)) from None
                if not ok:
                    raise value
                results[busy.pop(ready)] = value
                hand_out(ready)
        finished = True
    finally:
        _stop(workers, finished)


#: what tells an idle worker the work is done
_DONE = None


def _serve(pipe, function: Callable, initializer: Callable, parent: int) -> None:
    """A worker: ``function`` of each item the pipe brings, its result (or
    the exception it raised) sent back, until the parent closes the pipe."""
    initializer(parent)
    while True:
        try:
            item = pipe.recv()
        except (EOFError, OSError):
            return
        if item is _DONE:
            return
        try:
            answer = (True, function(item))
        except BaseException as error:     # the parent raises it
            answer = (False, error)
        pipe.send(answer)


def _stop(workers: list, finished: bool) -> None:
    """End every worker: when the work is ``finished`` they are idle and
    leave on _DONE (not at their pipe's end: a worker forked later holds
    a copy of it); else some are at work on results nobody will read (the
    caller stopped early, a worker died or failed) and all are
    terminated."""
    for process, pipe in workers:
        if finished:
            pipe.send(_DONE)
        elif process.exitcode is None:
            process.terminate()
        pipe.close()
    for process, _ in workers:
        process.join()


def _death(exitcode: int | None, jobs: int) -> str:
    """One line for a worker that died with no answer."""
    if exitcode is not None and exitcode < 0:
        what = f"emulator crashed ({_signal_name(-exitcode)}) in a worker process"
    else:
        what = f"a worker process exited ({exitcode})"
    return f"{what} (--jobs {jobs}); the other workers were stopped"


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _fork_context():
    """multiprocessing's fork context, imported only when there is work to
    split: the import costs ~20 ms, and every command's --help default asks
    ``default_jobs`` first."""
    import multiprocessing
    return multiprocessing.get_context("fork")
