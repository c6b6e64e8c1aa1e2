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
- which states become starts: every one new to the routine, those
  reached within a round too (after its call of the routine, before its
  restore, where the restore changes them again), fewest rounds first,
  until START_BUDGET (past it ``unsettled`` as above, with the rounds
  within which every state is a start).  How a round's call behaves from
  a state (its path, the priorities it went through, its return) cannot
  tell them apart: a count that empties the pending word every 16th call
  by arithmetic, one instruction path for all (review 24 D1), differs
  only with a request pending, that is under an interrupt.  Each start is
  one of every pair from where callers meet the state (``Whereabouts``:
  data that follow the priority exist at some priorities only) as the
  own data an interrupted call left are
  (check._Checker.check_left_starts): the pair's call judged with no
  interrupt and with the highest request it unblocks pending at the
  call, and explored with every source at every boundary (depth 1), in
  cpu.reset's state and each abi.call_states entry; a call from it that
  faults is a failing no_fault case.

So a statistics counter costs its rounds, two plain calls each, every
kind from every state, and a start per state up to START_BUDGET: a
counter with more states (wider than 6 bits, counted by every call) is
explored within the rounds that reach START_BUDGET of them, and the
verdict says so.
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace

from .errors import GuestFault
from .explore import record_baseline
from .model import Routine
from .starts import CallStart, other_starts, snippet_siblings

#: the most rounds of earlier calls (``s = routine(to); restore(s)``, two
#: calls of a few dozen instructions, no interrupt) in a sequence: past it,
#: own data still changing (a counter wider than a byte) are left
#: unexplored, and check's "explored:" line says so.  256 rounds reach
#: every state of a byte-wide counter and every sampling period of up to
#: 256 calls
REPEAT_BOUND = 256

#: the most states of one routine's own data the rounds make starts (each
#: costs every pair explored at depth 1 from it): a level of states that
#: would take it past this is left unexplored, and the bound said is the
#: rounds within which every state is a start
START_BUDGET = 64

#: the most places (a state of the routine's own data at a priority,
#: outside any handler or in one source's) Whereabouts searches, each with
#: every call of the spl routines (a few dozen emulator runs): past it,
#: every state is taken to exist at every priority, as the image as loaded
PLACE_BUDGET = 1024

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


def sibling_rounds(checker, frm, to) -> list[CallStart]:
    """A caller's ``s = raise(); routine(s)`` (or spl0()) for a routine that
    lowers (a restore, a lower, a set routine), from ``to`` with the
    routine going back there from ``frm``, for each routine of the
    snippet's (starts.snippet_siblings) that raises to ``frm`` and
    returns the old value: a raise passed ``frm``, a set routine whose
    IPL is ``frm``'s priority.  The routine's own rounds (s =
    routine(to); restore(s)) never call them, and the data they share
    may be in a state after them that no call of the routine leaves (red
    team 30 I D: splx after a snippet's splhigh)."""
    port = checker.port
    if checker.kind == "raise" or to.live == frm.live \
            or not port.priority.covers(frm.live, to.live):
        return []
    rounds = []
    for sibling in snippet_siblings(port, checker.machine.image.user_symbols, checker.symbol):
        if not sibling.returns_value:
            continue
        if sibling.kind == "raise":
            args = (port.argument_as(sibling.argument, frm.name),)
        elif sibling.kind == "set" and port.priority_of(sibling.ipl) == frm.live:
            args = ()
        else:
            continue
        rounds.append(CallStart(earlier=((sibling.symbol, args, to.live),
                                         (checker.symbol, tuple(checker.arguments(to)), None))))
    return rounds


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


def _one_round(checker, warm: CallStart, chains: Chains, note: bool = False):
    """From the start set now, ``warm``'s round: the routine's call and
    then the restore, each from the own data the call before left.
    Returns (the own data after the routine's call, the own data after
    the round); the last None where the restore faulted (a case of the
    restore routine's own check).  The routine's call faulting raises
    GuestFault.  ``note`` (a round from the own data
    as loaded, which every priority may meet): the restore's own data
    where a handler may run inside it are kept for check_inside_starts
    (_Checker.note_inside_run): splx after a snippet's splhigh may leave
    the data they share in a state no call of the routine reaches (red
    team 30 I D: a flag "at IPL_HIGH" still set after splx lowered).  A
    later round starts from a state at a priority its calls choose, which
    data that follow the priority (that flag) may never meet there: its
    inside states are not kept (red team 34 F2)."""
    machine = checker.machine
    (symbol, args, priority), *rest = warm.earlier
    chains.calls += 1
    at = machine.call(symbol, list(args), priority, max_steps=checker.max_steps).priority_after
    machine.carry_own()
    midway = machine.own_bytes()
    recorded = []
    try:
        for restore, restore_args, live in rest:
            chains.calls += 1
            frm = at if live is None else live
            if not note:
                at = machine.call(restore, list(restore_args), frm,
                                  max_steps=checker.max_steps).priority_after
                machine.carry_own()
                continue
            base = record_baseline(machine, restore, list(restore_args), frm, checker.max_steps)
            at = base.result.priority_after
            machine.carry_own()
            recorded.append((base, f"{restore}({', '.join(f'{a:#x}' for a in restore_args)}) "
                             f"from {checker.port.priority_label(frm)} in a round of "
                             f"{round_calls(checker.port, warm)}"))
    except GuestFault:
        return midway, None
    left = machine.own_bytes()
    for base, call in recorded:         # (restores the boundaries' snapshots)
        checker.note_inside_run(base, call, (1, chains.rounds), left)
    return midway, left


def explore_rounds(checker, rounds: list[CallStart], chains: Chains, known: set) -> None:
    """Every state of the routine's own data sequences of ``rounds`` reach
    from the image as loaded, breadth first, each state with every round,
    and every state new to ``known`` a start (module docstring), fewest
    rounds first, until START_BUDGET of them."""
    machine, port = checker.machine, checker.port
    loaded = machine.loaded_own_bytes()
    seen = {loaded: ()}
    level: list[bytes] = [loaded]
    midway: dict[bytes, CallStart] = {}      # states inside a round, new at this level
    chains.chains = len(rounds)

    def take(states: list[CallStart]) -> bool:
        """Make ``states`` starts, each own data once (a state inside a
        round that a later round reached too is named by the rounds),
        unless that passes START_BUDGET."""
        new: dict[bytes, CallStart] = {}
        for start in states:
            if start.own not in known:
                new.setdefault(start.own, start)
        if len(chains.starts) + len(new) > START_BUDGET:
            return False
        known.update(new)
        chains.starts.extend(new.values())
        return True

    with machine.starting(CallStart(own=loaded), checker.max_steps):
        for depth in range(chains.bound + 1):
            reached = [rounds_start(port, rounds, seen[own], own) for own in level] \
                if depth else []
            if not take(reached + list(midway.values())):
                chains.unsettled = 1
                chains.bound = depth - 1    # every state fewer rounds reach is a start
                return
            if chains.rounds + len(level) * len(rounds) > ROUND_BUDGET:
                chains.unsettled = 1
                chains.bound = depth - 1    # every state fewer rounds reach was explored
                return
            after, cut, midway = [], False, {}
            for own in level:
                sequence = seen[own]
                for index, warm in enumerate(rounds):
                    machine.start_with_own(own)
                    chains.rounds += 1
                    try:
                        inside, left = _one_round(checker, warm, chains, note=not depth)
                    except GuestFault:
                        continue             # a no_fault case of every pair from ``own``
                    if inside not in seen and inside != left and inside not in midway:
                        start = rounds_start(port, rounds, sequence + (index,), inside)
                        left_out = " and ".join(symbol for symbol, *_ in warm.earlier[1:])
                        midway[inside] = replace(start, left_by=f"{start.left_by}, the last "
                                                 f"one's {left_out} left out", mixed=True)
                    if left is None:
                        continue
                    if left not in seen:
                        if depth == chains.bound:
                            cut = True      # a state past the bounds: left unexplored
                            continue
                        seen[left] = sequence + (index,)
                        after.append(left)
            if cut:
                chains.unsettled = 1
                chains.bound = depth    # every state fewer rounds reach was explored
                return
            if not after:
                # settled: no sequence of rounds reaches a new state
                if not take(list(midway.values())):
                    chains.unsettled = 1
                    chains.bound = depth
                return
            level = after


def repeated_starts(checker, pairs: list, known: set, bound: int = REPEAT_BOUND,
                    companions: tuple = ()) -> Chains:
    """The chains of the routine's rounds (chain_rounds) and the starts
    they give, none of them in ``known`` (own data already starts; the
    image as loaded), each where callers meet it (Whereabouts;
    ``companions``: the routines checked with it, which callers call
    too)."""
    chains = Chains(bound)
    machine = checker.machine
    if not machine.own_ranges():
        return chains
    explore_rounds(checker, chain_rounds(checker, pairs), chains, known)
    if chains.starts:
        with machine.starting(CallStart(own=machine.loaded_own_bytes()), checker.max_steps):
            where = Whereabouts(checker, companions)
        chains.starts = [replace(start, exists_at=where.of(start.own))
                         for start in chains.starts]
    note_sibling_rounds(checker, pairs, chains)
    return chains


def note_sibling_rounds(checker, pairs: list, chains: Chains) -> None:
    """Each pair's sibling_rounds from the own data as loaded, for the
    states a handler may meet inside the routine's call there
    (_one_round's ``note``); the states they leave are no starts: a
    state of data that follow the priority exists at the priority the
    round left only (red team 34 F2: a flag at IPL_HIGH, started from
    IPL_NONE, failed correct routines)."""
    machine = checker.machine
    loaded = machine.loaded_own_bytes()
    seen = set()
    with machine.starting(CallStart(own=loaded), checker.max_steps):
        for frm, to in pairs:
            for warm in sibling_rounds(checker, frm, to):
                if warm.earlier in seen:
                    continue
                seen.add(warm.earlier)
                machine.start_with_own(loaded)
                try:
                    _one_round(checker, warm, chains, note=True)
                except GuestFault:
                    continue            # a no_fault case of the sibling's own check


class Whereabouts:
    """Where callers meet each state of the routine's own data: the live
    priorities outside any handler, and (priority, source) where that
    source's handler runs and calls.  Found breadth first from the image
    as loaded at every priority: from each place, every call of the
    port's spl routines (the user's where the files define them, the
    routine checked and its companions) with any IPL's argument leads to
    the own data and priority it leaves, but inside a handler none below
    its own IPL (check_inside_starts's rule), and every source the
    priority lets in runs its handler at its IPL, with the same data.
    Every sequence of calls a round of earlier calls makes is one of
    these.  Data that follow the priority (a flag "at IPL_HIGH" set with
    it and cleared before every lowering) then meet no call at a
    priority no caller has them at (red team 34 F2, a false "fails"),
    while a raise that keeps them (the port's, which the files leave)
    takes them above it (red team 34 F4: splhigh after splhigh();
    splraise(IPL_SERIAL), a false hold).  Past PLACE_BUDGET places every
    state is met everywhere, as before.  Runs inside Machine.starting,
    with no interrupt."""

    def __init__(self, checker, companions: tuple = ()):
        self.checker = checker
        port = checker.port
        self.every = frozenset(port.priority_of(name) for name in port.ipls)
        self.loaded = checker.machine.loaded_own_bytes()
        self.calls = self._calls(companions)
        #: own data -> their places: (priority, None outside handlers, or
        #: the name of the source whose handler runs); None past the budget
        self.places: dict[bytes, set] | None = self._search()

    def _calls(self, companions: tuple) -> list[tuple[str, tuple]]:
        """(symbol, arguments) of every call a caller makes of the spl
        routines, each once."""
        checker = self.checker
        port, user_symbols = checker.port, checker.machine.image.user_symbols
        routines = [replace(r, symbol=r.defined_by_user(user_symbols) or r.symbol)
                    for r in port.routines.values()]
        routines += [Routine(checker.routine, checker.symbol, checker.kind, "",
                             argument=checker.argument), *companions]
        calls: dict = {}
        for routine in routines:
            for name in (None,) if routine.kind == "set" else port.ipls:
                args = () if name is None else (port.argument_as(routine.argument, name),)
                calls[(routine.symbol, args)] = True
        return list(calls)

    def _search(self) -> dict[bytes, dict] | None:
        """Own data -> {(priority, None or the source whose handler runs):
        the calls that lead there first (_path)}, breadth first: the
        fewest calls.  None past PLACE_BUDGET places."""
        port = self.checker.port
        roots = [(self.loaded, priority, None) for priority in sorted(self.every)]
        came: dict = {place: None for place in roots}     # place -> (from, step)
        todo = deque(roots)
        ends: dict = {}               # (own, priority) -> what each call leaves
        while todo:
            if len(came) > PLACE_BUDGET:
                return None
            place = todo.popleft()
            own, at, inside = place
            handler = port.source(inside) if inside else None
            steps = [((own, port.priority_of(s.ipl), s.name), ("interrupt", s.name))
                     for s in port.sources if not port.blocks(at, s)]
            if (own, at) not in ends:
                ends[(own, at)] = self._ends(own, at)
            # a handler lowers (restores) no lower than its own IPL
            steps += [((left, priority, inside), ("call", call, at))
                      for call, (left, priority) in ends[(own, at)]
                      if handler is None or port.blocks(priority, handler)]
            for after, step in steps:
                if after not in came:
                    came[after] = (place, step)
                    todo.append(after)
        places: dict[bytes, dict] = {}
        for place in came:
            own, priority, inside = place
            places.setdefault(own, {})[(priority, inside)] = self._path(came, place)
        return places

    def _path(self, came: dict, place) -> str:
        """The calls (and interrupts) that lead to ``place``, as a
        counter-example says them: "splhigh() from 0 IPL_NONE, then
        spllower(0x1)", "..., then clock's interrupt, then its handler's
        splraise(0x6)"."""
        port = self.checker.port
        steps = []
        while came[place] is not None:
            place, step = came[place]
            steps.append(step)
        said, handlers = [], 0
        for kind, what, *at in reversed(steps):
            if kind == "interrupt":
                said.append(f"{what}'s interrupt")
                handlers += 1
                continue
            symbol, args = what
            call = f"{symbol}({', '.join(f'{a:#x}' for a in args)})"
            said.append(f"{call} from {port.priority_label(at[0])}" if not said
                        else f"its handler's {call}" if handlers else call)
        return ", then ".join(said)

    def _ends(self, own: bytes, priority: int) -> list[tuple[tuple, tuple[bytes, int]]]:
        """((symbol, arguments), (own data, live priority)) of every call
        from ``own`` at ``priority`` (a call that faults: none; it is a
        case of that routine's own check)."""
        checker = self.checker
        machine = checker.machine
        ends = []
        for symbol, args in self.calls:
            machine.start_with_own(own)
            try:
                after = machine.call(symbol, list(args), priority,
                                     max_steps=checker.max_steps).priority_after
            except GuestFault:
                continue
            ends.append(((symbol, args), (machine.own_bytes(), after)))
        return ends

    def of(self, own: bytes) -> tuple | None:
        """((priority, None or a source's name), the calls that lead
        there) for each place callers meet ``own`` at: outside any
        handler, or in that source's handler; None: anywhere (the image as
        loaded, a state met outside handlers at every IPL's priority, whose
        counter-example then names the rounds that made it, or past the
        budget)."""
        if self.places is None or own == self.loaded:
            return None
        places = self.places.get(own, {})
        if self.every <= {priority for priority, inside in places if inside is None}:
            return None
        return tuple(sorted(places.items(), key=lambda item: (item[0][0], item[0][1] or "")))
