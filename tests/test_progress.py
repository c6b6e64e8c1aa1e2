"""A progress line on a terminal only, erased at the end (issue 10)."""

from __future__ import annotations

import io

from emu import progress as progress_module
from emu.progress import Progress

from conftest import run_cli


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_terminal_sees_done_total_and_time_left(monkeypatch):
    monkeypatch.setattr(progress_module, "QUIET_SECONDS", 0.0)
    screen = _Terminal()
    bar = Progress("check i386", 4, screen)
    bar.advance()
    bar.advance(2)
    bar.finish()
    text = screen.getvalue()
    assert "check i386: 1/4 (25%)" in text and "check i386: 3/4 (75%)" in text
    assert "s left" in text and text.endswith("\r\033[K")


def test_nothing_is_printed_when_piped_or_quick(monkeypatch):
    piped = io.StringIO()
    bar = Progress("check", 2, piped)
    bar.advance(2)
    bar.finish()
    assert piped.getvalue() == ""
    quick = _Terminal()
    bar = Progress("check", 2, quick)      # under QUIET_SECONDS: silent
    bar.advance(2)
    bar.finish()
    assert quick.getvalue() == ""


def test_the_cli_prints_no_progress_into_a_pipe():
    result = run_cli("check", "alpha", "--routine", "spllower")
    assert result.returncode == 0 and result.stderr == ""
