"""Run a command where an emulator crash, a hang or a signal cannot take the
CLI down or leave a process behind.

Unicorn is C code: some calls kill the whole process (2.1.4 segfaults on
reading the SPARC PSR; see docs/emulators.md), and a guest can
loop inside it where no hook fires.  The CLI does its work in a forked
worker; the parent only waits, so that

- a worker killed by a signal becomes one line and exit code 2;
- a worker still running after ``timeout`` seconds is killed, one line
  naming the command, exit code 2;
- SIGINT, SIGTERM and SIGHUP to the parent are forwarded to the worker,
  then one line and exit 128 + the signal (130 for Ctrl-C);
- the worker dies with its parent even when the parent is SIGKILLed
  (Linux prctl(2) PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import ctypes
import faulthandler
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import traceback
from typing import Callable

from .entry import STOP_SIGNALS, say, stop_message

PR_SET_PDEATHSIG = 1          # linux/prctl.h
EXIT_BAD_INPUT = 2


def run_isolated(work: Callable[[], int], what: str, timeout: float | None = None) -> int:
    """Run ``work()`` (which prints and returns an exit code) in a worker
    process; return its exit code, or 2 / 128 + signal with a one-line
    message when it crashed, ran out of time or was stopped.  ``what``
    completes "... while <what>"; ``timeout`` is in seconds (None or 0: no
    limit)."""
    _flush_quietly()
    parent = os.getpid()
    worker: list[int] = []          # filled in after the fork
    received: list[int | str] = []

    def forward(signum, _frame):
        if os.getpid() != parent:   # the worker, before it reset its handlers
            os._exit(128 + signum)
        received.append(signum)
        _signal(worker, signum)

    def expire(_signum, _frame):
        received.append("timeout")
        _signal(worker, signal.SIGKILL)

    scratch = _scratch_folder()
    previous = {s: signal.signal(s, forward) for s in STOP_SIGNALS}
    previous[signal.SIGALRM] = signal.signal(signal.SIGALRM, expire)
    # Stop signals wait (blocked) across the fork: one arriving before the
    # parent knows the worker's pid could not be forwarded, and one the
    # child received before CPython's after-fork reset of its signal flags
    # was lost; each side lets them in once it is ready for them.  (A
    # process with other threads may still run the parent's handler early:
    # the mask is per thread; what it recorded is forwarded after the fork.)
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        try:
            pid = os.fork()
        except BaseException:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
            raise
        if pid == 0:
            _become_worker(parent)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
            if scratch is not None:   # its temporary files, and its tools' (TMPDIR)
                tempfile.tempdir = os.environ["TMPDIR"] = scratch
            code = EXIT_BAD_INPUT
            try:
                code = work()
            except BaseException:   # only IPLEMU_DEBUG lets an error through: show it
                traceback.print_exc()
            finally:
                os._exit(_flush_result(code))
        worker.append(pid)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)   # forwarded from now on
        stops = [s for s in received if s != "timeout"]
        if stops:     # taken by another thread's mask before the pid was known
            _signal(worker, stops[0])
        if timeout:
            # a mask is inherited across exec: a parent that started us with
            # SIGALRM blocked would leave the limit unenforced
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGALRM})
            signal.setitimer(signal.ITIMER_REAL, timeout)
        _, status = os.waitpid(pid, 0)   # retried after each handler (PEP 475)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if scratch is not None and os.getpid() == parent:
            shutil.rmtree(scratch, ignore_errors=True)
    return _outcome(status, received, what, timeout)


def _scratch_folder() -> str | None:
    """A folder for the worker's temporary files, which the parent removes
    however the worker ends (a worker killed by the time limit or a signal
    left its assembler folder, and GCC its ccXXXX.s, in /tmp for good);
    None where none can be made (the worker then uses the system's)."""
    try:
        return tempfile.mkdtemp(prefix="iplemu-")
    except OSError:
        return None


def _outcome(status: int, received: list, what: str, timeout: float | None) -> int:
    if os.WIFEXITED(status):
        return os.WEXITSTATUS(status)   # finished, whatever arrived meanwhile
    sig = os.WTERMSIG(status)
    if "timeout" in received and sig == signal.SIGKILL:
        say(f"iplemu: time limit of {timeout:g} s reached while {what}; stopped it "
            f"(raise the limit with --timeout S, 0 for none)")
        return EXIT_BAD_INPUT
    stops = [s for s in received if s != "timeout"]
    if stops or sig in STOP_SIGNALS:
        stop = stops[0] if stops else sig
        say(f"iplemu: {stop_message(stop)} while {what}")
        return 128 + stop
    name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
    say(f"iplemu: emulator crashed ({name}) while {what}")
    return EXIT_BAD_INPUT


def _signal(worker: list[int], signum: int) -> None:
    """Send ``signum`` to the worker if it is there; it may have exited."""
    if worker:
        try:
            os.kill(worker[0], signum)
        except ProcessLookupError:
            pass


def _become_worker(parent: int) -> None:
    """Signals kill the worker outright (the parent reports them); the
    kernel kills it when the parent dies; the parent reports a crash."""
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_DFL)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    faulthandler.disable()
    die_with_parent(parent)


def die_with_parent(parent: int) -> None:
    """Have the kernel SIGKILL this process when its parent dies (Linux
    prctl(2) PR_SET_PDEATHSIG); also the ``preexec_fn`` of the assembler
    and linker where setpriv(1) is missing (``run_tool``), so that a
    stopped worker leaves no tool running.  ``parent``: the parent's PID,
    taken before the fork (the parent now may already be init, when the
    real one died before this call)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass                        # not Linux: forwarding still covers TERM/HUP/INT
    if os.getppid() != parent:      # the parent died before prctl took effect
        os._exit(EXIT_BAD_INPUT)


#: what one assembler, linker or compiler process may use (setrlimit(2)):
#: far beyond any spl snippet's needs, and a bound that holds even for a
#: tool left behind (GCC's cc1 outlives a driver killed by the time limit)
TOOL_MEMORY = 4 << 30          # RLIMIT_AS, bytes of address space
TOOL_CPU_SECONDS = 60          # RLIMIT_CPU
TOOL_FILE_SIZE = 256 << 20     # RLIMIT_FSIZE, bytes in one file it writes (`.space 0x7fffffff`)


def run_tool(cmd: list[str], cwd=None, env=None) -> subprocess.CompletedProcess:
    """Run an assembler, linker or compiler, output captured as text, so
    that it dies with this process and within its bounds (TOOL_MEMORY,
    TOOL_CPU_SECONDS, TOOL_FILE_SIZE, which its own children inherit): util-linux
    setpriv(1) ``--pdeathsig KILL`` sets PR_SET_PDEATHSIG and prlimit(1)
    the limits, each then execs the next, which keeps Python's fast spawn
    (vfork); a ``preexec_fn`` would fork the whole worker first, ~6 ms of
    CPU per tool.  Without them, ``_become_tool`` is the preexec_fn.
    (setpriv, unlike it, does not check that the parent is still there: a
    worker killed in the instant between the spawn and the prctl leaves its
    tool to finish alone, within its bounds.)"""
    options = dict(capture_output=True, text=True, errors="replace", stdin=subprocess.DEVNULL,
                   cwd=cwd, env=env)
    setpriv, prlimit = shutil.which("setpriv"), shutil.which("prlimit")
    if setpriv is None or prlimit is None:
        parent = os.getpid()
        result = subprocess.run(cmd, preexec_fn=lambda: _become_tool(parent), **options)
    else:
        result = subprocess.run([setpriv, "--pdeathsig", "KILL", "--", prlimit,
                                 f"--as={TOOL_MEMORY}", f"--cpu={TOOL_CPU_SECONDS}",
                                 f"--fsize={TOOL_FILE_SIZE}", "--", *cmd], **options)
    if result.returncode and _out_of_bounds(result):
        result.stderr = (f"{os.path.basename(cmd[0])} stopped at iplemu's bounds for a tool "
                         f"({TOOL_MEMORY >> 20} MiB of memory, {TOOL_CPU_SECONDS} s of CPU, "
                         f"{TOOL_FILE_SIZE >> 20} MiB per file)\n{result.stderr}")
    return result


def _become_tool(parent: int) -> None:
    """The tool's process, before the exec: die with ``parent``, set the bounds."""
    die_with_parent(parent)
    resource.setrlimit(resource.RLIMIT_AS, (TOOL_MEMORY, TOOL_MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (TOOL_CPU_SECONDS, TOOL_CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_FSIZE, (TOOL_FILE_SIZE, TOOL_FILE_SIZE))


def _out_of_bounds(result: subprocess.CompletedProcess) -> bool:
    """Did the tool (or a program it ran) stop at a bound?  Killed by the
    CPU and file size limits' signals, or a driver saying its program was (GCC: "Killed
    signal terminated program cc1"), or out of memory."""
    if -result.returncode in (signal.SIGXCPU, signal.SIGXFSZ, signal.SIGKILL):
        return True
    text = result.stderr.lower()
    return "signal terminated program" in text or "out of memory" in text \
        or "memory exhausted" in text or "cannot allocate memory" in text


def _flush_result(code: int) -> int:
    """Flush the worker's output; the exit code to leave with.  A reader
    that went away (``| head -1``) is not an error; output that could not
    be written (a full disk) is: one line and 2."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass
    except (OSError, ValueError) as exc:
        say(f"iplemu: cannot write the result: {getattr(exc, 'strerror', None) or exc}")
        code = EXIT_BAD_INPUT
    _flush_quietly()
    return code


def _flush_quietly() -> None:
    """Flush stdout and stderr; a reader that went away (``| head -1``) or
    a closed stream is not an error."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
