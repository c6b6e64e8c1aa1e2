"""What a caller of an spl routine relies on, and what a check found.

What it relies on, one property each:

exact             the priority after return is the one promised (raise: the
                  higher of from and to; lower, restore and set: to; a set
                  routine takes no argument and goes to its one IPL from
                  every priority), and settled
                  (a pending write of the value already in effect is not
                  settling)
no_window         no source runs before the return while the priority must
                  still block it (blocked by both `from` and the promised
                  result), nor at the return boundary while the result blocks
                  it; in a call made with the CPU's interrupt enable off
                  (abi.interrupt_enable), which blocks every source, the CPU
                  takes none before the return (the caller disabled them so
                  that nothing interrupts it: a routine must not let one in)
no_lost           every source the result does not block that arrived during
                  the routine has run its handler by the return.  The return
                  boundary counts as "by the return": a source taken after
                  the routine's last instruction and before the caller's first
                  is, for the caller, one taken just before (so a sparc
                  `wr %psr; nop; retl; nop` holds at write latency 3)
nesting           every interrupt taken returns to the priority it
                  interrupted, and the routine's final priority (and its
                  result, unless it is void) is what it is without it
returns_previous  raise, lower and set return an spl value whose priority
                  field is the priority at entry (not for `returns: none`),
                  its state bits as at the call (abi.call_states)
preserves         at return the ABI's preserved registers, the caller's stack
                  pointer, the CPU state bits (abi.state: mode, interrupt
                  enable, window pointer...) and the caller's frame (beyond
                  its arguments and abi.stack_reserve, with the reserve's
                  abi.stack_reserve_kept words) are what they were at
                  entry; a call no interrupt enters leaves the kernel's
                  data (the port's snippets') but the priority and pending
                  words as loaded, and with interrupts the routine changes
                  none of it itself (what changes while an interrupt or a
                  handler runs is theirs: explore._RoutineWrites)
handler_priority  every handler, taken directly or replayed from pending,
                  starts at a priority that blocks everything its own IPL
                  blocks (so at least its own source) and no more than its
                  IPL, the IPLs of the handlers still running and one more
                  priority block together: started while an interrupt is
                  in flight (the CPU took it, or a stub's exit path
                  replayed it), the priority the innermost one interrupted;
                  started by the routine itself (its replay), the promised
                  result, not the priority at the call: a replay exists
                  only because the new priority unblocks its source
                  (judgement.Judge.handler_ceiling);
                  there the CPU takes every source that priority does not
                  block (a stub leaving interrupts disabled lets nothing
                  preempt the handler; not asked in a call made with
                  interrupts disabled, whose replay may keep the caller's
                  enable off: NetBSD's powerpc, arm32 and hppa replays
                  do).  Not judged: which of several pending hardware
                  sources a replay runs first.  NetBSD's own replays run
                  lower handlers first on several ports (i386 Xspllower
                  picks the lowest pending bit with bsfl, icu.s 1.45, as
                  kernel_snippets/i386/spl.S does: every hardware IRQ bit
                  comes before the soft bits 29-31, so ne0 at IPL_NET runs
                  before a pending softserial; the shipped amd64, powerpc,
                  arm32 and hppa replays likewise), so such a rule would
                  fail the code the tool exists to judge.  Judged: a soft
                  handler started while a hardware request its priority
                  does not block waits (pended, or held by the CPU): that
                  order, every hardware bit before the soft ones, is the
                  one bsfl gives; and one started while a higher soft
                  request its priority does not block waits pended (bsfl
                  takes SIR_SERIAL first, macppc's do_pending_int runs
                  softserial, softnet, softclock: red team 39 E F1)
                  (Machine.waiting_requests)
served_once       every request the CPU took has run its handler after it, or
                  is still pending (its bit set in the pending word) and
                  blocked by the result; every request software withdrew in
                  the CPU before the CPU took it (Backend.withdrawn_levels:
                  sparc64 CLEAR_SOFTINT, hppa EIRR, pmax Cause IP1..0) has
                  run its handler after it arrived, whatever the result
                  blocks (withdrawn, it is neither served nor pending); no
                  handler runs more often than its source was taken; the
                  pending word holds nothing else
no_fault          no case (the routine, its interrupt paths, its replays)
                  faults, traps, halts or runs away.  A case that reaches
                  what the model does not cover (a device, a legal
                  instruction it does not run, the kernel's trap handler:
                  backends.NotModelled) is judged on no property: the
                  routine gets no verdict unless another property fails
defined_only      nothing depends on what the ABI leaves undefined: every
                  case ends the same when the scratch registers and bits
                  (the condition codes among them; for a baseline also the
                  free stack beyond the stack pointer and the stack_reserve
                  on the caller's side of it) start with a pattern
                  and when they start with its complement (a case flips
                  only what no instruction wrote since the call); a
                  baseline, and a case that ran code its baseline never
                  ran, also when they hold 0 (a test for zero, or of two
                  undefined registers being equal, finds the same in a
                  pattern and its complement); a baseline also ends the
                  same when the scratch registers hold what the routine's
                  own call, or another spl routine's of the port, to the
                  start's priority (from each priority) left in them, as
                  two spl calls in a row find them; a
                  restore routine's argument, a value an earlier call
                  returned, with its bits the ABI leaves undefined there
                  (beyond abi.result_bits, the condition codes of an SR
                  image) flipped in the second world
interrupt_transparent
                  every interrupt gives the interrupted code back all its
                  registers (the ABI's and the condition codes) as they were
                  when it was taken: a stub or replay path that clobbers one
                  fails even where the routine never reads it again

Where a call starts: every case starts from the loaded image at one
stack address; each pair's call is also judged (every property above but
defined_only, on its end: with no interrupt, and with the highest request
it unblocks pending at the call) after ``s = routine(to); splx(s)`` ran
first with no interrupt, from the routine's own data as they left it (a
one-entry memo, a table built on the first call), and from every other
stack address modulo 16 the ABI's call_stack_alignment allows (a
realignment undone by a constant); and where the CPU's interrupt enable
apart from the priority (abi.interrupt_enable: i386 EFLAGS.IF, sparc64
PSTATE.IE) is off at the call: with no interrupt, so a routine that turns
it back on with a constant instead of giving back what it found fails
preserves; with every source requested at every boundary, one the CPU
takes before the return failing no_window; and, where the priority pends
in software (priority.pending), with the highest source the routine
unblocks already pended, judged at the end (a replay's handler may run
with interrupts on: NetBSD's stubs enable them before the handler);
and from each other CPU state a caller may have (abi.call_states: sparc
another register window, PSR.PS = 0; pmax Status IEc = 0, judged as
interrupts off), so a routine writing a constant into those bits fails
preserves; returns_previous asks the bits the port's spl values carry
(pmax IEc) as they were at the call: emu/starts.py.

The IPL pairs a routine is checked on (``routine_pairs``), what it
promises on each (``promised``), and the results: a Verdict per property,
a RoutineCheck per routine, a PortCheck per port.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .events import RunResult
from .model import PortModel, Source

PROPERTIES = ("exact", "no_window", "no_lost", "nesting", "returns_previous", "preserves",
              "handler_priority", "served_once", "no_fault", "defined_only",
              "interrupt_transparent")


@dataclass(frozen=True)
class Level:
    """One distinct live priority (as a start), or one distinct live
    priority and argument (as a target: ``target_levels``), named by its
    first IPL (aliases kept: the IPLs it stands for)."""
    name: str
    aliases: tuple[str, ...]
    live: int
    spl: int


@dataclass
class CounterExample:
    """One failing case, replayed with a trace.  ``step``, ``address``,
    ``instruction``, ``line`` (file:line or None), ``symbol`` and ``source``
    describe the last injection (the boundary where the case's source
    arrived); ``injections`` lists every injection of the case in order (up
    to two at depth 2, after a request pending at the call where the case
    starts from one).  ``argument``: what the routine was called with (the IPL
    ``to_ipl`` names as the routine takes it: an spl value, an IPL_* number
    or a mask of sources to block; None for a set routine).  ``run`` is the
    replay around that boundary (its steps and events); ``fault`` the
    one-line error where the replay faulted.  A case from another start
    (emu/starts.py): ``stack_shift``, the bytes its stack address lay
    beyond the usual one; ``earlier``, the calls made before it with no
    interrupt (their traced runs), whose writes to the routine's own data
    it started from; ``interrupts_disabled``, the call started with the
    CPU's interrupt enable off (abi.interrupt_enable); ``pended_before_call``,
    with it, the source already pended in the pending word at the call
    (None: none); ``call_state``, the abi.call_states entry the CPU was in
    at the call (None: cpu.reset's); ``left_by``, the interrupted call
    whose end state of the routine's own data the call started from
    (None: none), or, with ``repeated_rounds``, the round of calls made
    that many times first (emu/repeats.py)."""
    port: str
    routine: str
    from_ipl: str
    to_ipl: str
    latency: int | None
    step: int
    address: int
    instruction: str
    line: str | None
    source: str | None
    what: str
    symbol: str | None = None
    run: RunResult | None = None
    fault: str | None = None
    injections: list[dict] = field(default_factory=list)
    timeline: dict | None = None     # the case replayed, for pictures (emu/timeline.py)
    argument: int | None = None
    stack_shift: int = 0
    earlier: list[RunResult] = field(default_factory=list)
    interrupts_disabled: bool = False
    pended_before_call: str | None = None
    call_state: str | None = None
    left_by: str | None = None
    #: rounds of left_by's calls made with no interrupt before the call (0: none)
    repeated_rounds: int = 0

    def to_json(self, port: PortModel) -> dict:
        """The fields, and the replay's steps and events as ``run`` prints
        them (each earlier call's too)."""
        from .runreport import ipl_json, trace_json
        data = {k: v for k, v in self.__dict__.items() if k not in ("run", "earlier")}
        data["earlier"] = [{"routine": call.routine, "args": call.args,
                            "ipl_before": ipl_json(port, call.priority_before),
                            "ipl_after": ipl_json(port, call.priority_after),
                            "returned": call.returned, **trace_json(port, call)}
                           for call in self.earlier]
        return {**data, **(trace_json(port, self.run) if self.run else {"trace": [], "events": []})}


@dataclass
class Verdict:
    prop: str
    cases: int = 0
    counter_example: CounterExample | None = None

    @property
    def holds(self) -> bool:
        return self.counter_example is None

    @property
    def reported(self) -> bool | None:
        """``holds`` as check's and table's JSON give it: None for a
        property no case reached (nothing was asked of it), never true."""
        return self.holds if self.cases or not self.holds else None


@dataclass
class RoutineCheck:
    routine: str
    symbol: str
    kind: str
    argument: str              # what it was called with (model.ARGUMENT_KINDS)
    pairs: int
    latencies: tuple[int, ...]
    boundaries: int            # instruction boundaries explored, summed over pairs and latencies
    runs: int                  # emulator runs after merging equivalent cases
    common_path: int           # instructions of the call on its common path (median pair)
    atomic: bool               # the priority changes in one instruction, once
    verdicts: dict[str, Verdict]
    returns_value: bool = True
    states: int = 0            # distinct states explored (depth 2 and beyond), summed over pairs
    merges: int = 0            # runs that reached an explored state and took its continuation
    deepest: int = 1           # the most injections in one case explored
    #: pairs also explored from a start with a request pending (check.explore_pending)
    pending_starts: int = 0
    ipl: str | None = None     # the IPL a set routine goes to
    #: calls of a pair from another start (emu/starts.py), summed over pairs and latencies
    other_starts: int = 0
    #: pairs also explored on the path a call took in another world, to
    #: the same end (check.explore_world_path)
    world_paths: int = 0
    #: pairs also explored with what an earlier spl call left in what the
    #: ABI leaves undefined, where it changed the call's path
    #: (check.explore_left_paths)
    left_paths: int = 0
    #: calls of a pair with the highest request it unblocks pending at the
    #: call, made with what an earlier spl call left in what the ABI leaves
    #: undefined, where the call with no interrupt took its own path with
    #: it, each judged at its end (check.judge_left_pending)
    left_pending: int = 0
    #: no_window cases of the calls made with interrupts disabled (no run)
    interrupts_off_cases: int = 0
    #: distinct states of the routine's own data that interrupted cases
    #: left and no call without an interrupt did (check._Checker.left_starts),
    #: every pair called again from each
    left_data: int = 0
    #: the generations of those states explored (the interrupted calls from
    #: one generation's states leave the next's: check.LEFT_GENERATIONS),
    #: and 1 where the last still left new ones, unexplored
    left_generations: int = 0
    left_unsettled: int = 0
    #: states of its own data repeated rounds of earlier calls left (up to
    #: repeats.START_BUDGET), every pair called from each as from
    #: left_data's (emu/repeats.py)
    repeated_starts: int = 0
    #: the kinds of round explored, the rounds made in all, and whether
    #: own data still changed after ``repeat_bound`` rounds (1: calls
    #: beyond that unexplored; emu/repeats.py)
    repeat_chains: int = 0
    repeat_rounds: int = 0
    repeat_unsettled: int = 0
    repeat_bound: int = 0
    #: its calls touch own bytes outside its code or write into its code,
    #: where a static temporary lives (_Checker.static_found): the
    #: handlers of more sources call it again (reenter.reentering_sources
    #: every_level)
    static_data: bool = False
    #: the sources whose handlers, where they interrupted base priority,
    #: called it first to lower to IPL_SOFTCLOCK (reenter.base_argument:
    #: hardclock's spllowersoftclock())
    base_lowering: tuple[str, ...] = ()
    #: the other routines the user's snippet defines, each called as a
    #: handler calls it from every state of their shared data a call left
    #: where that handler could run, and judged as its kind on the
    #: routine's behalf (check._judge_siblings)
    siblings: tuple[str, ...] = ()
    #: the words of the kernel's data (named by the port's files) that the
    #: user's code writes, taken as its own data too (emu/kernelwords.py)
    kernel_words: tuple[str, ...] = ()
    #: a case reached what the model does not cover (backends.NotModelled):
    #: one line naming it and where; the routine then has no verdict unless
    #: a property fails with a counter-example
    not_modelled: str | None = None

    @property
    def fails(self) -> bool:
        """Some property fails with a counter-example."""
        return not all(v.holds for v in self.verdicts.values())

    @property
    def holds(self) -> bool:
        """Every property holds, and every case was judged."""
        return not self.fails and self.not_modelled is None


def distinct_levels(port: PortModel) -> list[Level]:
    """One Level per distinct live priority, in YAML order: the priorities a
    call starts from (the machine at a call holds only the live priority, so
    IPLs that share it are one start, and the value a routine returns there
    is the same)."""
    return _grouped(port, lambda ipl: port.priority.of_spl(ipl.spl))


def _grouped(port: PortModel, key) -> list[Level]:
    """One Level per distinct ``key(ipl)`` of the port's IPLs, in YAML
    order, named by its first IPL, with that IPL's priority and spl value."""
    seen: dict[object, list[str]] = {}
    for ipl in port.ipls.values():
        seen.setdefault(key(ipl), []).append(ipl.name)
    return [Level(names[0], tuple(names), port.priority.of_spl(port.ipls[names[0]].spl),
                  port.ipls[names[0]].spl) for names in seen.values()]


def unblocked_sources(port: PortModel, frm: int, want: int) -> list[Source]:
    """The sources the caller's priority ``frm`` blocks and the promised
    ``want`` does not: those a request pending at the call may be of."""
    return [s for s in port.sources if port.blocks(frm, s) and not port.blocks(want, s)]


def highest_sources(port: PortModel, sources: list[Source]) -> list[Source]:
    """Of ``sources``, the highest: those blocked by the fewest distinct
    levels (distinct_levels), in ``sources``' order."""
    levels = distinct_levels(port)
    rank = {s.name: sum(port.blocks(level.live, s) for level in levels) for s in sources}
    top = min(rank.values(), default=None)
    return [s for s in sources if rank[s.name] == top]


def target_levels(port: PortModel, argument: str | None = "spl") -> list[Level]:
    """One Level per distinct (live priority, argument) in YAML order: the
    targets a routine taking ``argument`` (model.ARGUMENT_KINDS; None: no
    argument, a set routine) is called with.  IPLs that share a priority
    but not the argument the caller passes stay apart: a routine given an
    IPL_* number maps it through a table of its own, and arm32's IPL_HIGH
    (12) is looked up in another row than IPL_STATCLOCK (11) although both
    rows should hold the same mask.  Aliases passed as the same argument
    (the same spl value) are one target."""
    if argument is None:
        return distinct_levels(port)
    return _grouped(port, lambda ipl: (port.priority.of_spl(ipl.spl),
                                       port.argument_as(argument, ipl.name)))


def promised(port: PortModel, kind: str, before: int, target: int) -> int:
    """The live priority a routine of ``kind`` promises after return."""
    if kind != "raise":
        return target
    return port.priority.join(before, target)


def applies(port: PortModel, kind: str, frm: Level, to: Level) -> bool:
    """A lower is asked to lower (or keep) the priority; raise, restore and
    set take every pair (a raise asked to go down must not; a set goes to
    its one IPL from everywhere)."""
    return kind != "lower" or port.priority.covers(frm.live, to.live)



def port_floor(port: PortModel, source: Source) -> int:
    """The live priority of a source's own IPL: its handler must run at
    least there."""
    return port.priority.of_spl(port.ipls[source.ipl].spl)



def routine_pairs(port: PortModel, kind: str, only: list[str] | None = None,
                  starts: list[str] | None = None, targets: list[str] | None = None,
                  fixed: str | None = None, argument: str = "spl") -> list:
    """The (from, to) Levels a routine of ``kind`` taking ``argument`` is
    checked on, in serial order: from every distinct live priority
    (distinct_levels) to every distinct priority and argument
    (target_levels; a set routine has no argument).  ``only``: just these
    IPL names, as from and to; ``starts``: as from; ``targets``: as to;
    ``fixed``: a set routine's one IPL, the only to.  A Level matches a name
    list by any alias, and goes by the name asked."""
    def named(levels: list[Level], names: list[str] | None) -> list[Level]:
        # a level asked for by one of its aliases goes by that name
        if not names:
            return levels
        return [replace(lv, name=next(n for n in names if n in lv.aliases))
                for lv in levels if set(lv.aliases) & set(names)]
    froms = named(named(distinct_levels(port), only), starts)
    tos = named(target_levels(port, None if kind == "set" else argument), only)
    tos = named(named(tos, targets), [fixed] if fixed else None)
    return [(f, t) for f in froms for t in tos if applies(port, kind, f, t)]



@dataclass
class PortCheck:
    port: str
    routines: list[RoutineCheck]
    seconds: float
    depth: int | str = 1

    @property
    def cases(self) -> int:
        return sum(v.cases for r in self.routines for v in r.verdicts.values())

    @property
    def holds(self) -> bool:
        return all(r.holds for r in self.routines)

    @property
    def fails(self) -> bool:
        """Some routine fails a property with a counter-example (exit 1;
        else a routine with a case not modelled has no verdict: exit 2)."""
        return any(r.fails for r in self.routines)

