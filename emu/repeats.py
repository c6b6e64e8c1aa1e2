"""The routine's own data as its earlier calls, repeated, leave them.

A warm start (emu/starts.py) makes one round of earlier calls first,
``s = routine(to); restore(s)`` with no interrupt, and the pair's call
starts from the own data they left.  A routine whose own data reach a
state only after more rounds (a statistics counter that samples every
8th call and goes another way there; a table filled one entry a call) is
wrong, if at all, only from that state.  So check repeats rounds:

- which rounds: every pair's warm starts' rounds (other_starts: from its
  priority, from another, and with another IPL's argument), each kind
  once; a count advanced by the raises to one target that goes wrong on
  a raise to another (red team 22 A F4) needs them mixed;
- which states: every state of the routine's own data some sequence of
  those rounds reaches from the image as loaded, breadth first: each
  state with every round (Machine.start_with_own), with no interrupt,
  keeping the routine's own data (Machine.own_bytes) after it, until no
  new state appears (``settled``: the rounds are deterministic, so no
  longer sequence reaches one either); or until REPEAT_BOUND rounds, or
  until the next level of states would take it past ROUND_BUDGET rounds
  (``unsettled``, with the rounds every state was explored within: later
  calls unexplored, and check's "explored:" line and verdict say so).
  States are compared in all their bytes: no interrupt runs in a round,
  so two states differ only where the calls wrote, in the bytes the
  routine's calls touch outside interrupts (Machine.watch_own);
- which states become starts: one from which some round's call of the
  routine behaves otherwise than that round's call from every state
  explored before it (the image as loaded included: a one-round state,
  a warm start's, which emu/starts.py judges with no interrupt only, is
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

So a statistics counter costs its rounds, two plain calls each, every
kind from every state, and no start: its every state runs the same
instructions, writes the same priorities and returns the same.  A write
of the priority already in effect is no change: a transient write of
IPL_NONE shows in the rounds from another priority (other_starts'
``elsewhere``), not in those from IPL_NONE.  What the rounds' behaviour leaves out: a state from
which every round behaves as from an earlier one but an interrupted case
would differ (a handler's own call of the routine reading the data); the
state after it, where the handler's call would have been one more round,
is the nearest it comes.
"""

from __future__ import annotations

from .errors import GuestFault
from .starts import CallStart, other_starts

#: the most rounds of earlier calls (``s = routine(to); restore(s)``, two
#: calls of a few dozen instructions, no interrupt) in a sequence: past it,
#: own data still changing (a counter wider than a byte) are left
#: unexplored, and check's "explored:" line says so.  256 rounds reach
#: every state of a byte-wide counter and every sampling period of up to
#: 256 calls
REPEAT_BOUND = 256

#: the most rounds one routine's exploration runs (every round from every
#: state it reaches: a few CPU seconds): a level of states that would take
#: it past this is left unexplored, and the bound said is the rounds every
#: state was explored within
ROUND_BUDGET = 16384


class Chains:
    """What the rounds of one routine found: ``chains``, the kinds of
    round, ``rounds`` made in all (``calls``: the emulator runs they
    took), ``unsettled``: 1 where own data still changed after ``bound``
    rounds (REPEAT_BOUND, or fewer where ROUND_BUDGET cut it), and the
    starts (CallStart with ``own`` and ``rounds``) they gave."""

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
    """The rounds (module docstring): every pair's warm starts, in the
    pairs' order, each once."""
    port = checker.port
    rounds, seen = [], set()
    for frm, to in pairs:
        for start in other_starts(port, checker.symbol, checker.kind, checker.argument,
                                  checker.arguments(to), frm.name, frm.live, None, to.name):
            if start.earlier and start.state is None and start.earlier not in seen:
                seen.add(start.earlier)
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


def rounds_start(port, rounds: list[CallStart], sequence: tuple[int, ...],
                 own: bytes) -> CallStart:
    """The start from the own data ``own`` a state's sequence of rounds
    (indices into ``rounds``) left, as a counter-example says it
    (CallStart.note): one round's calls where every round is the same,
    and how many in a row, else each run of equal rounds in turn."""
    runs: list[list[int]] = []
    for index in sequence:
        if runs and runs[-1][0] == index:
            runs[-1][1] += 1
        else:
            runs.append([index, 1])
    if len(runs) == 1:
        return CallStart(own=own, left_by=round_calls(port, rounds[runs[0][0]]),
                         rounds=len(sequence))
    said = [f"{count} round{'s' if count != 1 else ''} of {round_calls(port, rounds[index])}"
            for index, count in runs]
    return CallStart(own=own, left_by=", then ".join(said), rounds=len(sequence), mixed=True)


def _one_round(checker, warm: CallStart, chains: Chains):
    """From the start set now, ``warm``'s round: the routine's call (its
    behaviour) and then the restore, each from the own data the call
    before left.  Returns (behaviour, the own data after the round); the
    own data None where the restore faulted (a case of the restore
    routine's own check).  The routine's call faulting raises GuestFault."""
    machine = checker.machine
    (symbol, args, priority), *rest = warm.earlier
    chains.calls += 1
    way = behaviour(machine, symbol, args, priority, checker.max_steps)
    machine.carry_own()
    at = way[3]
    try:
        for restore, restore_args, live in rest:
            chains.calls += 1
            at = machine.call(restore, list(restore_args), at if live is None else live,
                              max_steps=checker.max_steps).priority_after
            machine.carry_own()
    except GuestFault:
        return way, None
    return way, machine.own_bytes()


def explore_rounds(checker, rounds: list[CallStart], chains: Chains, known: set) -> None:
    """Every state of the routine's own data sequences of ``rounds`` reach
    from the image as loaded, breadth first, each state with every round
    (module docstring), adding to ``chains`` the states new to ``known``
    from which some round's call behaves anew."""
    machine, port = checker.machine, checker.port
    loaded = machine.loaded_own_bytes()
    ways = [set() for _ in rounds]
    seen = {loaded: ()}
    level = [loaded]
    chains.chains = len(rounds)
    with machine.starting(CallStart(own=loaded), checker.max_steps):
        for depth in range(chains.bound + 1):
            if chains.rounds + len(level) * len(rounds) > ROUND_BUDGET:
                chains.unsettled = 1
                chains.bound = depth - 1    # every state fewer rounds reach was explored
                return
            after, cut = [], False
            for own in level:
                sequence = seen[own]
                anew = faulted = False
                for index, warm in enumerate(rounds):
                    machine.start_with_own(own)
                    try:
                        way, left = _one_round(checker, warm, chains)
                    except GuestFault:
                        chains.rounds += 1
                        faulted = True       # a no_fault case of every pair
                        continue
                    if way not in ways[index]:
                        ways[index].add(way)
                        anew = True
                    chains.rounds += 1
                    if left is None:
                        continue
                    if left not in seen:
                        if depth == chains.bound:
                            cut = True      # a state past the bounds: left unexplored
                            continue
                        seen[left] = sequence + (index,)
                        after.append(left)
                if (anew or faulted) and depth and own not in known:
                    known.add(own)
                    chains.starts.append(rounds_start(port, rounds, sequence, own))
            if cut:
                chains.unsettled = 1
                chains.bound = depth    # every state fewer rounds reach was explored
                return
            if not after:
                return              # settled: no sequence of rounds reaches a new state
            level = after


def repeated_starts(checker, pairs: list, known: set, bound: int = REPEAT_BOUND) -> Chains:
    """The chains of the routine's rounds (chain_rounds) and the starts
    they give, none of them in ``known`` (own data already starts; the
    image as loaded)."""
    chains = Chains(bound)
    if not checker.machine.own_ranges():
        return chains
    explore_rounds(checker, chain_rounds(checker, pairs), chains, known)
    return chains
