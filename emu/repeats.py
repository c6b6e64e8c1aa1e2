"""The routine's own data as its earlier calls, repeated, leave them.

A warm start (emu/starts.py) makes one round of earlier calls first,
``s = routine(to); restore(s)`` with no interrupt, and the pair's call
starts from the own data they left.  A routine whose own data reach a
state only after more rounds (a statistics counter that samples every
8th call and goes another way there; a table filled one entry a call) is
wrong, if at all, only from that state.  So check repeats rounds:

- which rounds: for each target the routine's pairs go to, the warm
  starts' rounds of the first pair that goes there (other_starts: from
  its priority, from another, and with another IPL's argument), each a
  chain of its own;
- each round from the own data the one before left (Machine.starting
  with ``CallStart.own``), with no interrupt, keeping the routine's own
  data (Machine.own_bytes) after it, until a state repeats one seen
  earlier in the chain (or the image as loaded): the rounds are
  deterministic, so every state the chain reaches from then on has been
  seen (``settled``); or until REPEAT_BOUND rounds ran with new states
  still appearing (``unsettled``: later calls unexplored, and check's
  "explored:" line says so); or until a round faults.  States are
  compared in all their bytes: no interrupt runs in a chain, so two of
  its states differ only where its calls wrote, in the bytes the
  routine's calls touch outside interrupts (Machine.watch_own);
- which states become starts: one from which the round's call of the
  routine behaves otherwise than from every state of the chain before it
  (the image as loaded included: the first round's state, the one-round
  warm start's, which emu/starts.py judges with no interrupt only, is
  compared with it): another path (the sequence of the addresses it
  executed), another sequence of priorities it went through (each change
  of the priority, at its step: a value written for one instruction and
  overwritten by the next, as an every-8th call that drops cpl to
  IPL_NONE between two writes, is a change its other calls do not make),
  another value returned, or another priority at the return, or one from
  which a round faulted.  Each such state, new
  to the routine, is a start of every pair as the own data an interrupted
  call left are (check._Checker.check_left_starts): the pair's call judged
  with no interrupt and with the highest request it unblocks pending at
  the call, and explored with every source at every boundary (depth 1),
  in cpu.reset's state and each abi.call_states entry; a call from it that
  faults is a failing no_fault case.

So a statistics counter costs its chains' calls, two plain calls a
round, and no start: its every state runs the same instructions, writes
the same priorities and returns the same.  A write of the priority
already in effect is no change: a transient write of IPL_NONE shows in
the chain from another priority (other_starts' ``elsewhere``), not in the
one from IPL_NONE.  What the behaviour of the chain's own call leaves out:
a state from which that call behaves as from an earlier one but another
pair's call, or an interrupted case, would differ (a handler's own call
of the routine reading the data); the chain of that pair's target, and
the state after it, where the handler's call would have been one more
round, are the nearest it comes.
"""

from __future__ import annotations

from .errors import GuestFault
from .starts import CallStart, other_starts

#: the most rounds of earlier calls (``s = routine(to); restore(s)``, two
#: calls of a few dozen instructions, no interrupt) one chain repeats: past
#: it, own data still changing (a counter wider than a byte) are left
#: unexplored, and check's "explored:" line says so.  256 rounds reach
#: every state of a byte-wide counter and every sampling period of up to
#: 256 calls
REPEAT_BOUND = 256


class Chains:
    """What the chains of one routine found: ``chains`` run, ``rounds``
    made in all (``calls``: the emulator runs they took), ``unsettled``:
    chains whose own data still changed after REPEAT_BOUND rounds (the
    bound in ``bound``), and the starts (CallStart with ``own`` and
    ``rounds``) they gave."""

    def __init__(self, bound: int = REPEAT_BOUND):
        self.bound = bound
        self.chains = self.rounds = self.unsettled = 0
        self.calls = 0          # emulator runs the chains made
        self.starts: list[CallStart] = []


def round_calls(port, start: CallStart) -> str:
    """One round of a warm start's earlier calls, as a note names them."""
    said = []
    for symbol, args, priority in start.earlier:
        call = f"{symbol}({', '.join(f'{a:#x}' for a in args)})"
        if priority is not None:
            call += f" from {port.priority_label(priority)}"
        said.append(call)
    return " and then ".join(said)


def chain_rounds(checker, pairs: list) -> list[CallStart]:
    """The rounds chains repeat (module docstring): the warm starts of the
    first pair to each target, in the pairs' order, each once."""
    port = checker.port
    firsts = {}
    for frm, to in pairs:
        firsts.setdefault(to.name, (frm, to))
    rounds = []
    for frm, to in firsts.values():
        for start in other_starts(port, checker.symbol, checker.kind, checker.argument,
                                  checker.arguments(to), frm.name, frm.live, None, to.name):
            if start.earlier and start.state is None and start not in rounds:
                rounds.append(start)
    return rounds


def behaviour(machine, symbol: str, args: list, priority: int, max_steps: int):
    """The round's call of the routine from the machine's start now: what
    it ran (the addresses, in order), the priorities it went through (each
    change, at its step: a value written for one instruction and
    overwritten counts), what it returned and left the priority at."""
    path: list[int] = []
    result = machine.call(symbol, list(args), priority, max_steps=max_steps,
                          observer=lambda run, pc: path.append(pc))
    went = tuple((event.step, event.priority) for event in result.of_kind("priority"))
    return tuple(path), went, result.returned, result.priority_after, result.settling_after


def run_chain(checker, warm: CallStart, chains: Chains, known: set) -> None:
    """Repeat ``warm``'s round of earlier calls (module docstring), adding
    to ``chains`` the states new to ``known`` (own data already starts,
    or as loaded) from which the routine's call behaves anew."""
    machine, port = checker.machine, checker.port
    (symbol, args, priority), *rest = warm.earlier
    calls = round_calls(port, warm)
    loaded = machine.loaded_own_bytes()
    seen_states = {loaded}
    seen_ways = set()
    own = loaded
    chains.chains += 1
    # one start for the whole chain: each call goes on from the own data
    # the one before left (Machine.carry_own)
    try:
        with machine.starting(CallStart(own=loaded), checker.max_steps):
            for rounds in range(0, chains.bound + 1):
                start = CallStart(own=own, left_by=calls, rounds=rounds)
                chains.calls += 1
                try:
                    way = behaviour(machine, symbol, args, priority, checker.max_steps)
                except GuestFault:
                    # its call faults from this state: a no_fault case of every pair
                    if own not in known:
                        known.add(own)
                        chains.starts.append(start)
                    return
                if way not in seen_ways:
                    seen_ways.add(way)
                    if rounds and own not in known:
                        known.add(own)
                        chains.starts.append(start)
                if rounds == chains.bound:
                    chains.unsettled += 1
                    return
                # the round goes on from what that call left: the restore
                chains.rounds += 1
                machine.carry_own()
                at = way[3]
                for restore, restore_args, live in rest:
                    chains.calls += 1
                    at = machine.call(restore, list(restore_args), at if live is None else live,
                                      max_steps=checker.max_steps).priority_after
                    machine.carry_own()
                own = machine.own_bytes()
                if own in seen_states:
                    return               # settled: every later state is one seen
                seen_states.add(own)
    except GuestFault:
        return      # a restore faulted: a case of the restore routine's own check


def repeated_starts(checker, pairs: list, known: set, bound: int = REPEAT_BOUND) -> Chains:
    """The chains of the routine's rounds (chain_rounds) and the starts
    they give, none of them in ``known`` (own data already starts; the
    image as loaded)."""
    chains = Chains(bound)
    if not checker.machine.own_ranges():
        return chains
    for warm in chain_rounds(checker, pairs):
        run_chain(checker, warm, chains, known)
    return chains
