"""SPARC register windows run out as on the CPU: an interrupt nested deeper
than the windows WIM leaves valid is a one-line window-overflow verdict
naming the address, never a wrap onto live registers or a "runaway"."""

from __future__ import annotations

from emu.backends import Unmodelled
from emu.backends.sparc import SparcBackend

from conftest import run_cli

S, ET = 0x80, 0x20


def test_entry_into_the_invalid_window_is_beyond_the_model():
    """The CPU would take the trap (V8 §7.5 does not check WIM); the model
    says why it cannot follow: the kernel's window spill comes next."""
    cpu = SparcBackend()
    cpu.write_register("psr", S | ET)        # CWP 0
    cpu.write_register("wim", 1 << 7)        # the trap would enter window 7
    reason = cpu.entry_fault()
    assert reason == (
        "register window overflow: interrupt entry into window 7, invalid in %wim 0x80 "
        "(nesting deeper than the 7 valid windows: the kernel's window spill)")
    assert isinstance(reason, Unmodelled)        # no verdict: the model stops, not the CPU
    cpu.write_register("wim", 1 << 1)        # NetBSD's boot value: window 1 invalid
    assert cpu.entry_fault() is None
    cpu.write_register("psr", S | ET | 2)    # CWP 2: the next trap enters window 1
    assert "interrupt entry into window 1" in cpu.entry_fault()


def test_seven_nested_interrupts_end_in_a_window_overflow_verdict():
    """The port boots with WIM = 0x2 (window 1 invalid): the routine's window
    and six nested interrupt windows fit, the seventh interrupt does not."""
    # each arrives just after the stub before it has raised PIL and set ET
    injections = ["softclock@0", "disk@12", "ether@24", "clock@36", "zs@48", "statclock@60"]
    args = ["run", "sparc", "--call", "spllower", "--arg", "IPL_NONE", "--ipl", "IPL_NONE"]
    fits = run_cli(*args, *[x for i in injections for x in ("--inject", i)])
    assert fits.returncode == 0, fits.stderr
    assert "6 interrupts taken" in fits.stdout
    overflow = run_cli(*args, *[x for i in injections + ["nmi@72"] for x in ("--inject", i)])
    assert overflow.returncode == 2
    lines = overflow.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in overflow.stderr
    assert lines[0].startswith("iplemu: not modelled: register window overflow: interrupt "
                               "entry into window 1"), lines[0]
    assert "(Xintr_statclock+0x" in lines[0]
    assert "runaway" not in lines[0]


def test_the_windows_an_overflow_may_spill_are_the_current_and_older_valid_ones():
    """V8: the current window's %sp, and each older window's up to the one
    WIM marks invalid (the window overflow trap stores a window at its own
    %sp); the next one's %sp is the current %fp (Poisoner.spill_windows)."""
    cpu = SparcBackend()
    cpu.write_register("wim", 1 << 1)        # NetBSD's boot value
    cpu.write_register("psr", S | ET)        # CWP 0: the routine's window
    cpu.write_register("sp", 0x1000)
    assert cpu.window_stack_pointers() == (0x1000,)      # window 1 invalid: nothing older
    cpu.write_register("psr", S | 7)         # a trap's window, CWP 7
    cpu.write_register("sp", 0x900)
    assert cpu.read_register("fp") == 0x1000
    assert cpu.window_stack_pointers() == (0x900, 0x1000)
    cpu.write_register("psr", S | 6)         # a C function's save
    cpu.write_register("sp", 0x800)
    assert cpu.window_stack_pointers() == (0x800, 0x900, 0x1000)
    cpu.write_register("wim", 1 << 0)        # window 0 spilled already
    assert cpu.window_stack_pointers() == (0x800, 0x900)


def test_v9_windows_an_overflow_may_spill_are_counted_by_canrestore_and_otherwin():
    from emu.backends.sparc64 import Sparc64Backend
    cpu = Sparc64Backend()
    cpu.write_register("cwp", 0)
    cpu.write_register("sp", 0x1000 - 2047)
    cpu.write_register("cwp", 1)
    cpu.write_register("sp", 0x900 - 2047)
    assert cpu.window_stack_pointers() == (0x900 - 2047,)     # CANRESTORE 0
    cpu.write_register("canrestore", 1)
    assert cpu.window_stack_pointers() == (0x900 - 2047, 0x1000 - 2047)
    cpu.write_register("cwp", 2)
    cpu.write_register("sp", 0x800 - 2047)
    cpu.write_register("otherwin", 1)
    assert cpu.window_stack_pointers() == (0x800 - 2047, 0x900 - 2047, 0x1000 - 2047)
