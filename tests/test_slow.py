"""Exhaustive runs too slow for the default test command (pytest -m slow):
every routine of every port at --depth 2."""

from __future__ import annotations

import pytest

from emu.check import check_routine

from conftest import machine_for, port_model


@pytest.mark.slow
@pytest.mark.parametrize("port", ["i386", "m68k", "sparc", "alpha", "amd64", "powerpc", "arm32",
                                  "pmax", "sparc64", "sh3", "hppa"])
def test_every_routine_holds_at_depth_2(port):
    machine = machine_for(port)
    for routine in port_model(port).routines.values():
        # a set routine (spl0) is checked going to its own IPL, as check does
        result = check_routine(machine, routine.name, routine.symbol, routine.kind, depth=2,
                               returns_value=routine.returns_value, fixed=routine.ipl)
        failing = {p: v.counter_example.what for p, v in result.verdicts.items() if not v.holds}
        assert not failing, (routine.name, failing)
