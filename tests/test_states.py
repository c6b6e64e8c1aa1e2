"""States explored once (issue 10): an interrupt that returns leaving
nothing behind gives back the very state it interrupted, byte for byte, so
the explorer merges the run after the return with the run it interrupted.
That needs the stock handlers to store nothing, the free stack to hold the
same poison after every return (Poisoner.clobber_after_interrupt), lazily
kept condition codes settled (Backend.settle) and, on amd64, the segment
caches loaded as an iretq loads them."""

from __future__ import annotations

import pytest

from emu.contract import routine_pairs
from emu.explore import States, record_baseline, record_nested
from conftest import machine_for, port_model

#: the ports whose CPU state after a transparent interrupt equals the state
#: before it; on the others an interrupt leaves registers outside the
#: interrupted code's behind (mips EPC, powerpc SRR0/SRR1, the arm IRQ bank,
#: the sparc trap window's locals), or the emulator keeps condition codes
#: lazily and cannot give them back exactly between instructions (m68k:
#: docs/emulators.md), so no settle: their states stay apart, which costs
#: merges, not soundness
MERGING = ["i386", "amd64", "alpha"]


@pytest.mark.parametrize("port", MERGING)
def test_a_transparent_interrupt_gives_back_the_state_it_interrupted(port):
    model, machine = port_model(port), machine_for(port)
    routine = model.routines["splraise"]
    frm, to = next((f, t) for f, t in routine_pairs(model, routine.kind)
                   if f.name == "IPL_NONE" and t.name == "IPL_NONE")
    states = States()
    base = record_baseline(machine, routine.symbol, [model.argument_for(routine.symbol, to.name)],
                           frm.live, 10000, states)
    states.add(base)
    first = base.boundaries[0]
    source = next(s for s in model.sources if s.name in first.accepts)
    nested = record_nested(machine, base, first.step, source, 10000, states)
    assert states.merges == 1
    # after the return the nested run is the baseline's own continuation
    assert nested.boundaries[-1].key == base.boundaries[-1].key
    assert nested.result.priority_after == base.result.priority_after


def test_x86_settle_leaves_the_flags_computed():
    """The saved-context offsets the x86 backend masks (unicorn 2.1.4's
    CPUX86State): after settle, cc_op holds CC_OP_EFLAGS."""
    from emu.backends import x86
    machine = machine_for("i386")
    backend = machine.backend
    backend.settle()
    raw = backend.snapshot_bytes(backend.snapshot())
    context = raw[:x86._CC_OP + 4]
    assert int.from_bytes(context[x86._CC_OP:x86._CC_OP + 4], "little") == x86._CC_OP_EFLAGS
