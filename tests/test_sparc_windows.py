"""SPARC register windows run out as on the CPU: an interrupt nested deeper
than the windows WIM leaves valid is a one-line window-overflow verdict
naming the address, never a wrap onto live registers or a "runaway"."""

from __future__ import annotations

from emu.backends import Unmodelled
from emu.backends.sparc import SparcBackend

from conftest import run_cli

S, ET = 0x80, 0x20


def test_entry_into_the_invalid_window_needs_the_save_area():
    """The CPU takes the trap (V8 §7.5 does not check WIM), and the kernel's
    trap setup spills the oldest window first: a backend with no
    abi.window_save_area (window_save_bias) cannot, and says why."""
    cpu = SparcBackend()
    cpu.write_register("psr", S | ET)        # CWP 0
    cpu.write_register("wim", 1 << 7)        # the trap would enter window 7
    reason = cpu.entry_fault()
    assert reason == (
        "register window overflow: interrupt entry into window 7, invalid in %wim 0x80, "
        "with no abi.window_save_area to spill the oldest window to")
    assert isinstance(reason, Unmodelled)        # no verdict: the model stops, not the CPU
    cpu.write_register("wim", 1 << 1)        # NetBSD's boot value: window 1 invalid
    assert cpu.entry_fault() is None
    cpu.window_save_bias = 0                 # the port's: the spill is run
    cpu.write_register("wim", 1 << 7)
    assert cpu.entry_fault() is None


def test_seven_nested_interrupts_spill_the_oldest_window_and_return():
    """The port boots with WIM = 0x2 (window 1 invalid): the routine's window
    and six nested interrupt windows fit; the seventh interrupt's entry
    spills the oldest window (the routine's caller's) as NetBSD's trap
    setup does, and the returns fill it back (rft_kernel before rett)."""
    # each arrives just after the stub before it has raised PIL and set ET
    injections = ["softclock@0", "disk@12", "ether@24", "clock@36", "zs@48", "statclock@60",
                  "nmi@72"]
    args = ["run", "sparc", "--call", "spllower", "--arg", "IPL_NONE", "--ipl", "IPL_NONE"]
    result = run_cli(*args, *[x for i in injections for x in ("--inject", i)])
    assert result.returncode == 0, result.stderr
    assert "7 interrupts taken" in result.stdout
    assert "softclock returns to 0 IPL_NONE (restored)" in result.stdout


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
