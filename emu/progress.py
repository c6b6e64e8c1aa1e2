"""A progress line for long work, on a terminal only.

Nothing is printed when stderr is not a TTY (pipes, files, CI) or before
the work has taken ``QUIET_SECONDS``; then one line, rewritten in place,
says how many units are done of how many and the time left at the pace so
far, and is erased when the work ends, so the output proper is unchanged.
"""

from __future__ import annotations

import sys
import time

QUIET_SECONDS = 2.0


class Progress:
    def __init__(self, label: str, total: int, stream=None):
        self.label = label
        self.total = max(total, 1)
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.start = time.monotonic()
        self.shown = False
        try:
            self.live = self.stream.isatty()
        except (AttributeError, ValueError):
            self.live = False

    def advance(self, units: int = 1) -> None:
        self.done += units
        if not self.live:
            return
        elapsed = time.monotonic() - self.start
        if elapsed < QUIET_SECONDS:
            return
        left = elapsed / self.done * (self.total - self.done) if self.done else 0
        self._write(f"\r{self.label}: {self.done}/{self.total} "
                    f"({100 * self.done // self.total}%), about {left:.0f} s left ")
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self._write("\r\033[K")

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            self.live = False
