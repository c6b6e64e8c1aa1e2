"""Run a command where an emulator crash cannot take the CLI down.

Unicorn is C code: some calls kill the whole process (2.1.4 segfaults on
reading the SPARC PSR; see ../shared/notes/emulators.md).  The CLI does its
work in a forked child; the parent only waits, so a child killed by a
signal becomes one line and exit code 2 instead of a dead CLI.
"""

from __future__ import annotations

import faulthandler
import os
import signal
import sys
from typing import Callable


def run_isolated(work: Callable[[], int], what: str) -> int:
    """Run ``work()`` (which prints and returns an exit code) in a child
    process; return its exit code, or 2 with a one-line message when the
    child dies by a signal."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: do the work, never return into the caller
        faulthandler.disable()  # the parent reports a crash, in one line
        code = 2
        try:
            code = work()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    while True:
        try:
            _, status = os.waitpid(pid, 0)
            break
        except InterruptedError:
            continue
        except KeyboardInterrupt:
            os.kill(pid, signal.SIGKILL)
            print(f"iplemu: interrupted while {what}", file=sys.stderr)
            return 2
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
        print(f"iplemu: emulator crashed ({name}) while {what}", file=sys.stderr)
        return 2
    return os.WEXITSTATUS(status)
