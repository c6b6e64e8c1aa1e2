"""The claims a run tracks in the pending word (emu/runloop.py): hardware
requests claimed into a register (HardwareClaims) and soft requests
claimed for a dispatch (SoftClaims), on powerpc's cpl/ipending words."""

from __future__ import annotations

from emu.runloop import Delivery, HardwareClaims, SoftClaims

from conftest import machine_for, port_model


def _bits(model, *names) -> int:
    return sum(1 << model.source(name).bit for name in names)


def test_a_hardware_request_claimed_in_a_batch_waits_until_its_handler():
    """Red team 24 F2: a dispatch that clears the clock's and softclock's
    bits in one store holds the clock's request in a register; it waits at
    that level until its bit is set again or the level returns."""
    model, machine = port_model("powerpc"), machine_for("powerpc")
    softclock, clock = model.source("softclock"), model.source("clock")
    claims = HardwareClaims()
    claims.track(machine, _bits(model, "clock", "softclock"), 0, 0)
    assert claims.started(softclock, 0) == ("clock",) and claims.started(softclock, 1) == ()
    assert claims.started(clock, 0) == () and claims == {}   # its handler serves it
    claims.track(machine, _bits(model, "clock"), 0, 0)
    claims.track(machine, 0, _bits(model, "clock"), 0)       # pended again: waits there
    assert claims.started(softclock, 0) == ()
    claims.track(machine, _bits(model, "clock"), 0, 1)       # claimed inside an interrupt
    claims.returned(0)                                       # which returned
    assert claims == {}


def test_a_soft_claim_held_across_another_handler_answers_for_every_pended_request():
    """Red team 24 F3: softclock and softnet claimed in one store, then
    softclock's handler runs: softnet's claim is held across it, where
    NetBSD's dispatch would look at the hardware again before claiming
    softnet.  A clock pended meanwhile by an interrupt nested where the
    claim's level did not block it counts against softnet (None: every
    pended one), as it does not against a claim made just before its own
    handler."""
    model, machine = port_model("powerpc"), machine_for("powerpc")
    none = 0
    nested = [Delivery(model.source("clock"), none, (0,))]
    batch = SoftClaims()
    batch.track(machine, _bits(model, "softclock", "softnet"), 0, [])
    assert batch.started(model.source("softclock"), 0) == ()
    batch.track(machine, 0, _bits(model, "clock"), nested)
    assert batch.started(model.source("softnet"), 0) is None

    alone = SoftClaims()
    alone.track(machine, _bits(model, "softnet"), 0, [])
    alone.track(machine, 0, _bits(model, "clock"), nested)
    assert alone.started(model.source("softnet"), 0) == ()
