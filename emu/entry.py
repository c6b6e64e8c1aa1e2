"""The `iplemu` program's first code, run before anything heavy is imported.

It makes the promises of the exit codes hold from the first instruction on:
a Ctrl-C (SIGINT) during start-up is one line and exit 130, SIGTERM and
SIGHUP one line and 128 + the signal's number (bash's convention, bash(1)
EXIT STATUS), never a KeyboardInterrupt traceback; and a standard stream
the shell left closed (``iplemu ports >&-``) is one line and exit 2 instead
of an AttributeError, with /dev/null put in its place so that no file the
program opens later takes over descriptor 1 or 2.
"""

from __future__ import annotations

import os
import signal
import sys

EXIT_BAD_INPUT = 2
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def say(line: str) -> None:
    """Write one line to stderr; a closed or broken stderr is not an error."""
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


def stop_message(signum: int) -> str:
    """'interrupted' for Ctrl-C, 'stopped by SIGTERM' for the others."""
    return "interrupted" if signum == signal.SIGINT else f"stopped by {signal.Signals(signum).name}"


def _stopped_early(signum, _frame):
    say(f"iplemu: {stop_message(signum)}")
    os._exit(128 + signum)


def _reopen_closed_streams() -> set[int]:
    """Put /dev/null on every standard descriptor that is closed; return
    the ones that were."""
    closed = set()
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            closed.add(fd)
            if os.open(os.devnull, os.O_RDWR) != fd:  # the lowest free descriptor is fd
                os._exit(EXIT_BAD_INPUT)
    if 0 in closed:
        sys.stdin = open(0, "r", closefd=False)
    if 1 in closed:
        sys.stdout = open(1, "w", closefd=False)
    if 2 in closed:
        sys.stderr = open(2, "w", closefd=False)
    return closed


def main(argv: list[str] | None = None) -> int:
    for signum in STOP_SIGNALS:
        signal.signal(signum, _stopped_early)
    if 1 in _reopen_closed_streams():
        say("iplemu: standard output is closed; nowhere to print the result")
        return EXIT_BAD_INPUT
    try:     # a name the output's encoding has no letter for (PYTHONIOENCODING=ascii): \xfc
        sys.stdout.reconfigure(errors="backslashreplace")
    except (AttributeError, ValueError):
        pass
    from .cli import main as cli_main
    code = 0                       # what a reader that went away (| head) leaves
    try:
        try:
            code = cli_main(argv)
        except SystemExit as stop:     # argparse: --help, --version (0), a usage error (2)
            code = stop.code if isinstance(stop.code, int) else EXIT_BAD_INPUT
        sys.stdout.flush()
    except BrokenPipeError:
        _drop_stdout()
    except OSError as exc:
        # what this process printed itself (argparse's help; the work prints in its
        # worker) could not be written: a full disk, --help > /dev/full
        say(f"iplemu: cannot write: {exc.strerror or exc}")
        _drop_stdout()
        return EXIT_BAD_INPUT
    return code


def _drop_stdout() -> None:
    """Point descriptor 1 at /dev/null, so that Python's own flush at exit
    finds nowhere to fail."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)


if __name__ == "__main__":
    sys.exit(main())
