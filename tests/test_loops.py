"""A run that comes back to a state it was in never ends (emu/loops.py):
found by Brent's doubling, only between the engine's steps, and no
earlier than WATCH_FROM."""

from __future__ import annotations

import pytest

from emu.loops import COMPARISONS, WATCH_FROM, LoopWatch
from emu.machine import SENTINEL

from conftest import machine_for


def test_a_state_that_recurs_is_found_with_its_period():
    period = 3            # the machine: a loop of three states, one pc each
    watch = LoopWatch(lambda: bytes([step % period]))
    found = None
    for step in range(WATCH_FROM, 4 * WATCH_FROM):
        found = watch.period(pc=step % period, step=step)
        if found is not None:
            break
    assert found == period and step == WATCH_FROM + period


def test_a_counter_never_recurs_and_costs_few_comparisons():
    looked = []

    def state():
        looked.append(step)
        return step.to_bytes(4, "little")       # a counter: never the same
    watch = LoopWatch(state)
    for step in range(WATCH_FROM, 8 * WATCH_FROM):
        assert watch.period(pc=0x100, step=step) is None
    # kept at each doubling, and at most COMPARISONS looks between
    assert len(looked) <= 3 * (COMPARISONS + 1)


def test_after_the_engine_steps_in_nothing_kept_before_counts():
    watch = LoopWatch(lambda: b"same")
    watch.period(pc=4, step=WATCH_FROM)
    watch.forget()
    assert all(watch.period(pc=4, step=s) is None for s in range(WATCH_FROM + 1, 2 * WATCH_FROM))
    watch.period(pc=4, step=2 * WATCH_FROM)            # kept again at the doubling
    assert watch.period(pc=4, step=2 * WATCH_FROM + 1) == 1


@pytest.mark.parametrize("port,loop,period", [
    ("alpha", "1:\tbr $31, 1b", "1 step"), ("sh3", "1:\tbra 1b\n\tnop", "1 step"),
    ("sparc", "1:\tba 1b\n\tnop", "2 steps")])
def test_an_interpreter_s_case_run_ends_an_endless_loop_early(tmp_path, port, loop, period):
    """Interpreter.run_watching (a case's run) raises the runaway once the
    state recurs, long before the step limit."""
    path = tmp_path / f"{port}.S"
    path.write_text(f"\t.text\n\t.globl f\nf:\n{loop}\n")
    machine = machine_for(port, str(path))
    machine.prepare_call("f", [0], 0)
    with pytest.raises(RuntimeError, match="a loop that never ends: the machine is back in "
                                           f"the state it was in {period} before"):
        machine.backend.run_watching(lambda pc: pc != SENTINEL, {SENTINEL}, 100 * WATCH_FROM)
