"""Signals, closed streams and the wall-clock limit, through the real CLI:
exit 130 (Ctrl-C) or 128 + the signal, one line on stderr, never a
traceback, and no worker left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT

PORTS = ["alpha", "i386", "m68k", "sparc"]
ENV = dict(os.environ, PYTHONPATH=str(ROOT))
CLI = [sys.executable, "-m", "emu.entry"]

#: a loop with no way out, per port, in its own assembly
#: a loop that never ends and never comes back to a state (a counter): a
#: state that recurs would end it at once as a runaway (emu/loops.py)
SPIN = {
    "i386": "\t.globl spin\nspin:\n1:\tincl %eax\n\tjmp 1b\n",
    "m68k": "\t.globl spin\nspin:\n1:\taddq.l #1, %d0\n\tbra.s 1b\n",
    "sparc": "\t.globl spin\nspin:\n1:\tba 1b\n\tadd %o0, 1, %o0\n",
    "alpha": "\t.globl spin\nspin:\n1:\taddq $0, 1, $0\n\tbr $31, 1b\n",
}


def start(*args: str) -> subprocess.Popen:
    """The CLI in its own process group, as a shell starts a job."""
    return subprocess.Popen([*CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT, env=ENV, start_new_session=True)


def worker_of(proc: subprocess.Popen, within: float = 60.0) -> int:
    """The pid of the CLI's forked worker, once it is there."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True)
        if children.stdout.split():
            return int(children.stdout.split()[0])
        time.sleep(0.02)
    raise AssertionError("the CLI started no worker")


def running(pid: int) -> bool:
    """Is ``pid`` alive and not a zombie?"""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def assert_gone(pid: int) -> None:
    deadline = time.monotonic() + 10
    while running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not running(pid), f"worker {pid} outlived the CLI"


def assert_one_line(stderr: str, text: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and text in lines[0], stderr


@pytest.mark.parametrize("port", PORTS)
def test_ctrl_c_during_a_check_is_exit_130_and_one_line(port):
    proc = start("check", port, "--depth", "2")
    worker = worker_of(proc)
    time.sleep(0.5)                     # into the imports or the exploration
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal sends on Ctrl-C
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert_one_line(err, "iplemu: interrupted while running 'check'")
    assert_gone(worker)


@pytest.mark.parametrize("delay", [0.0, 0.01, 0.03, 0.1])
def test_ctrl_c_during_the_imports_is_never_a_traceback(delay):
    """The worker imports the emulators, YAML and ELF readers after the
    fork.  (A Ctrl-C inside Python's own start-up, before iplemu's first
    line runs, is the interpreter's: README, Exit codes.)"""
    proc = start("check", "i386", "--depth", "2")
    worker_of(proc)
    time.sleep(delay)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert_one_line(err, "iplemu: interrupted")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_term_and_hup_to_the_cli_stop_the_worker(signum):
    proc = start("check", "sparc", "--depth", "2")
    worker = worker_of(proc)
    proc.send_signal(signum)            # to the CLI only, not its group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum, err
    assert_one_line(err, f"iplemu: stopped by {signal.Signals(signum).name} while running 'check'")
    assert_gone(worker)


#: run_isolated in a process of its own (as the CLI, one thread: a
#: process-directed signal reaches the thread that waits), the signal sent
#: right after the fork to the CLI or to its worker
FORK_RACE = """
import os, signal, sys, time
from emu import isolation
target, real_fork = sys.argv[1], os.fork
def fork():
    pid = real_fork()
    if pid:
        os.kill(os.getpid() if target == "cli" else pid, signal.SIGTERM)
    return pid
os.fork = fork
sys.exit(isolation.run_isolated(lambda: (time.sleep(20), 0)[1], "testing"))
"""


@pytest.mark.parametrize("target", ["cli", "worker"])
def test_a_stop_signal_at_the_fork_is_not_lost(target):
    """A TERM reaching the CLI before it knows the worker's pid, or the
    worker before CPython's after-fork reset of its signal flags, was
    lost: the worker ran on (check sparc --depth 2 ran past the test's 60
    s).  Signals wait, blocked, across the fork (isolation.run_isolated)."""
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", FORK_RACE, target], capture_output=True,
                            text=True, cwd=ROOT, env=ENV, timeout=60)
    assert result.returncode == 128 + signal.SIGTERM, result.stderr
    assert time.monotonic() - started < 10
    assert_one_line(result.stderr, "iplemu: stopped by SIGTERM while testing")


def test_worker_dies_when_the_cli_is_killed():
    proc = start("check", "m68k", "--depth", "2")
    worker = worker_of(proc)
    time.sleep(0.3)                     # past the worker's prctl
    proc.kill()
    proc.communicate(timeout=60)
    assert_gone(worker)


def shell(command: str) -> subprocess.CompletedProcess:
    cli = " ".join(CLI)
    return subprocess.run(["bash", "-c", "set -o pipefail; " + command.replace("iplemu", cli)],
                          capture_output=True, text=True, cwd=ROOT, env=ENV, timeout=300)


def test_closed_stdout_is_one_line_and_exit_2():
    result = shell("iplemu ports >&-")
    assert result.returncode == 2
    assert_one_line(result.stderr, "standard output is closed")


def test_closed_stderr_still_gives_the_exit_code():
    assert shell("iplemu run vax --call splx 2>&-").returncode == 2
    assert shell("iplemu ports 2>&- >/dev/null").returncode == 0


@pytest.mark.parametrize("command", ["ports", "ports --format json", "run i386 --call splx --trace",
                                     "table --ports i386 --format json"])
def test_a_reader_that_goes_away_is_no_traceback(command):
    result = shell(f"iplemu {command} | head -c 1 >/dev/null")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize("port", PORTS)
def test_a_run_that_never_ends_stops_at_the_time_limit(port, tmp_path):
    spin = tmp_path / "spin.S"
    spin.write_text(SPIN[port])
    started = time.monotonic()
    result = subprocess.run([*CLI, "run", port, str(spin), "--call", "spin",
                             "--max-steps", "100000000", "--timeout", "1"],
                            capture_output=True, text=True, cwd=ROOT, env=ENV, timeout=120)
    assert result.returncode == 2, result.stderr
    assert_one_line(result.stderr, "time limit of 1 s reached while running 'run'")
    assert time.monotonic() - started < 60


@pytest.mark.parametrize("args", [["check", "sparc", "--depth", "2"], ["compare", "alpha", "none", "high"],
                                  ["table", "--no-cache"], ["race", "--all"]])
def test_every_engine_command_has_a_time_limit(args):
    result = subprocess.run([*CLI, *args, "--timeout", "0.001"], capture_output=True, text=True,
                            cwd=ROOT, env=ENV, timeout=120)
    assert result.returncode == 2, result.stderr
    assert_one_line(result.stderr, f"reached while running '{args[0]}'")


def test_the_time_limit_holds_when_the_parent_blocked_sigalrm():
    """A signal mask is inherited across exec: a caller that blocked
    SIGALRM (the full suite once ran `race --all --timeout 0.001` to its
    end, exit 0) must not switch the limit off."""
    result = subprocess.run([*CLI, "compare", "alpha", "none", "high", "--timeout", "0.001"],
                            capture_output=True, text=True, cwd=ROOT, env=ENV, timeout=120,
                            preexec_fn=lambda: signal.pthread_sigmask(signal.SIG_BLOCK,
                                                                      {signal.SIGALRM}))
    assert result.returncode == 2, result.stderr
    assert_one_line(result.stderr, "reached while running 'compare'")


@pytest.mark.parametrize("value", ["-1", "nan", "inf", "1e99", "x", "--"])
def test_timeout_is_range_checked(value):
    result = subprocess.run([*CLI, "run", "i386", "--call", "splx", f"--timeout={value}"],
                            capture_output=True, text=True, cwd=ROOT, env=ENV, timeout=120)
    assert result.returncode == 2
    assert_one_line(result.stderr, "--timeout")


def test_the_time_limit_stops_the_assembler_too(tmp_path):
    """...and leaves none of the worker's temporary files (its assembler
    folder) behind, in the TMPDIR it was given."""
    slow = tmp_path / "slow_to_assemble.S"
    slow.write_text("\t.globl f\nf:\n\t.rept 30000000\n\tnop\n\t.endr\n\tret\n")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    result = subprocess.run([*CLI, "run", "i386", str(slow), "--call", "f", "--timeout", "2"],
                            capture_output=True, text=True, cwd=ROOT,
                            env=dict(ENV, TMPDIR=str(temporary)), timeout=120)
    assert list(temporary.iterdir()) == []
    assert result.returncode == 2, result.stderr
    assert_one_line(result.stderr, "time limit of 2 s reached while running 'run'")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        left = subprocess.run(["pgrep", "-f", str(slow)], capture_output=True, text=True).stdout
        if not left.split():
            break
        time.sleep(0.1)
    assert not left.split(), "the assembler outlived the command"


@pytest.mark.parametrize("command", ["ports", "run sparc --call splx", "compare m68k none high"])
def test_output_that_cannot_be_written_is_one_line_and_exit_2(command):
    result = shell(f"iplemu {command} >/dev/full")
    assert result.returncode == 2
    assert_one_line(result.stderr, "iplemu: cannot write")


@pytest.mark.parametrize("argv,limit", [
    (["check", "i386"], 1800.0), (["check", "i386", "--depth", "2"], 8 * 3600.0),
    (["check", "i386", "--depth", "all"], 8 * 3600.0),
    (["check", "i386", "--depth", "2", "--timeout", "5"], 5.0),
    (["check", "i386", "--depth", "2", "--timeout", "0"], 0.0),
    (["run", "i386", "--call", "splx"], 60.0), (["race", "--all"], 1800.0)])
def test_the_default_time_limit_follows_the_depth(argv, limit):
    """A depth-2 check of one port can run for half an hour (issue 10): its
    default limit is not the depth-1 one; a given --timeout always wins."""
    from emu.cli import _timeout, build_parser
    assert _timeout(build_parser().parse_args(argv)) == limit


@pytest.mark.parametrize("command", ["--help", "--version", "check --help"])
def test_help_that_cannot_be_written_is_one_line_and_exit_2(command):
    """argparse prints the help itself and dropped a failed write: exit 0
    with nothing printed."""
    result = shell(f"iplemu {command} >/dev/full")
    assert result.returncode == 2
    assert_one_line(result.stderr, "iplemu: cannot write")
    assert shell(f"iplemu {command} | head -c 1 >/dev/null").returncode == 0


def test_closed_stdin_reads_as_empty():
    result = shell("iplemu run i386 - --call f <&-")
    assert result.returncode == 2
    assert_one_line(result.stderr, "unknown symbol 'f'")


def test_a_name_the_output_encoding_cannot_spell_is_escaped(tmp_path):
    snippet = tmp_path / "ünï.S"
    snippet.write_text("\t.globl f\nf:\tret\n")
    result = subprocess.run([*CLI, "run", "i386", str(snippet), "--call", "f", "--trace"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120,
                            env=dict(ENV, PYTHONIOENCODING="ascii"))
    assert result.returncode == 0, result.stderr
    assert "\\xfcn\\xef.S:2" in result.stdout
