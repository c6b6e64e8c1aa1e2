"""Re-entry: a handler calls the routine under check, as a driver does.

Every NetBSD driver handler calls spl routines (``s = splhigh(); ...;
splx(s)``), so a routine that is not re-entrant (it keeps the old level in
a static variable between a store and a reload) is wrong however well it
orders its priority writes.  A port's handler re-enters through three
words its snippets define per source (archs/README.md, "The stock
handlers"):

- ``reenter_raise_<source>``: the address of a routine to call first with
  ``reenter_arg_<source>`` (0: the handler calls nothing, as in ``run``
  and ``race``);
- ``reenter_arg_<source>``: its argument, in that routine's own encoding;
- ``reenter_restore_<source>``: the routine the handler then calls with
  what the first returned, putting its priority back.

``check`` sets them (Machine.set_words) for the routine under check, in
the handlers of ``reentering_sources`` (typically the clock's, and
softclock's, whose raise really raises): the routine itself is the first call when it
raises (kind raise, or a set routine whose IPL blocks the source:
splhigh-like) or when it lowers to what an spl value is not (an IPL
number, blocked lines: it is called with the handler's own IPL, and
returns the old level), the second when it restores (kind restore, or a
lower routine taking an spl value); the port's own raise and restore
routines (the first of each kind its YAML lists) stand in for the other
call, and for both where the routine cannot be called from a handler: a
set routine whose IPL does not block the source (spl0: it would lower the
handler's priority below its own IPL), a void raise, set or non-spl lower
routine (the handler would have no old level to restore).  The port's
raise goes to ``REENTER_IPL``; a raise under check goes there, and, in
settings of their own (``reentry_variants``: check runs every pair once
per setting), to the handler's own IPL and to the next target above it,
or, for a routine with own data beside its code, to every target above it
(``raise_targets``); a restore under check with own data is called, in
settings of their own, after the stand-in raise went to each of those
targets (``first_targets``), so that it lowers from each of them, as a
driver's splx(s) after its splbio() does.  The words are as wide as a
register (pointers; Machine.set_words).

A port's handler may define a fourth word, ``reenter_base_arg_<source>``
(``base_word_name``; pmax's, whose stub passes the interrupted Status as
NetBSD's clockframe does): where it is not 0 and the handler interrupted
base priority, the first call takes it instead of ``reenter_arg``.  It
is set where the routine under check is a lower taking what an spl value
is not (re-entered with the handler's own IPL, which lowers nothing):
to the routine's argument for IPL_SOFTCLOCK, in the clock's handler, as
NetBSD's hardclock() calls spllowersoftclock() when it
interrupted base priority (kern_clock.c 1.75, CLKF_BASEPRI), a call that
really lowers (red team 29 H A); the handler sets its
``reenter_lowered_<source>`` word (``lowered_word_name``) until its
restore returns, while what its IPL blocks may come in, as in NetBSD.
The outcome of the handler's call itself is judged by check
(``_Checker.note_inside``: a call from the own data the interrupted call
had there).
"""

from __future__ import annotations

from .contract import distinct_levels, highest_sources, target_levels
from .model import PortModel, Source

REENTER_IPL = "IPL_HIGH"


#: where the clock's handler lowers to when it interrupted base priority
BASE_LOWER_IPL = "IPL_SOFTCLOCK"
#: the source whose handler is NetBSD's hardclock() (every port's YAML names it so)
CLOCK_SOURCE = "clock"


def word_names(source: Source) -> tuple[str, str, str]:
    """The symbols of a source's three re-entry words."""
    return (f"reenter_raise_{source.name}", f"reenter_arg_{source.name}",
            f"reenter_restore_{source.name}")


def base_word_name(source: Source) -> str:
    """The symbol of a source's optional fourth word: the first call's
    argument where the handler interrupted base priority (0: as elsewhere)."""
    return f"reenter_base_arg_{source.name}"


def lowered_word_name(source: Source) -> str:
    """The symbol of the word a handler sets while it runs lowered by
    design (``base_word_name``'s call made, its restore not yet
    returned): Machine.running_handlers leaves it out then."""
    return f"reenter_lowered_{source.name}"


def base_argument(port: PortModel, source: Source, kind: str, argument: str,
                  returns_value: bool) -> int:
    """The fourth word's value for a check of a routine of ``kind`` taking
    ``argument`` (``base_word_name``): a lower taking what an spl value is
    not, which the clock's handler calls first, goes to BASE_LOWER_IPL
    where the handler interrupted base priority and its own IPL lies above
    it (a call that really lowers, as hardclock's spllowersoftclock());
    else 0."""
    if not (source.name == CLOCK_SOURCE and kind == "lower" and argument != "spl" and returns_value
            and lowers_to_nothing_less(port, source) and BASE_LOWER_IPL in port.ipls):
        return 0
    own, base = port.priority_of(source.ipl), port.priority_of(BASE_LOWER_IPL)
    if own == base or not port.priority.covers(own, base):
        return 0
    return port.argument_as(argument, BASE_LOWER_IPL)


def reentering_sources(port: PortModel, every_level: bool = False) -> list[Source]:
    """The sources whose handlers re-enter, of those ``REENTER_IPL`` blocks
    but of that IPL itself (pmax's memory error is of IPL_HIGH): the
    highest (blocked by the fewest distinct levels), typically the clock,
    whose handler interrupts every routine running below it; and the
    lowest whose own IPL a raise to ``REENTER_IPL`` really raises (the
    first if several), typically softclock, whose handler's raise and
    restore change the priority: where the clock's IPL blocks what
    ``REENTER_IPL`` blocks (i386, amd64, powerpc; arm32's statclock), the
    clock's raise returns at once and its restore lowers nothing, so a
    routine whose fault lies on its path that really raises or lowers
    would be re-entered only where it is right.

    ``every_level`` (a routine whose calls touch own data outside its
    code, where a static temporary lives: check_routine): also, for every
    distinct level the interrupted call may be at, the lowest source that
    level does not block, whose handler interrupts the call there and
    really raises (review 24 D4: a static on a path taken only where
    softclock is blocked was overwritten by no handler: a disk's raise
    does).  A routine with none keeps nothing for a handler's call to
    overwrite: the two stand for the rest (every source would rerun
    nearly every case once per setting)."""
    if REENTER_IPL not in port.ipls:
        return []
    high = port.priority_of(REENTER_IPL)
    blocked = [s for s in port.sources if port.blocks(high, s)]
    # below it: not a source of REENTER_IPL itself (pmax's memory error)
    eligible = [s for s in blocked if s.ipl != REENTER_IPL] or blocked
    chosen = highest_sources(port, eligible)
    raising = [s for s in eligible
               if not port.priority.covers(port.priority_of(s.ipl), high)]
    levels = distinct_levels(port)
    rank = {s.name: sum(port.blocks(level.live, s) for level in levels) for s in raising}
    lowest = max(raising, key=lambda s: rank[s.name], default=None)
    if lowest is not None and lowest not in chosen:
        chosen.append(lowest)
    if every_level:
        for level in levels:
            unblocked = [s for s in raising if not port.blocks(level.live, s)]
            below = max(unblocked, key=lambda s: rank[s.name], default=None)
            if below is not None and below not in chosen:
                chosen.append(below)
    return chosen


def _own(port: PortModel, kind: str):
    """The port's first routine of ``kind`` fit to stand in: a raise that
    returns the old value, a restore taking an spl value."""
    return next((r for r in port.routines.values() if r.kind == kind
                 and (r.returns_value if kind == "raise" else r.argument == "spl")), None)


def lowers_to_nothing_less(port: PortModel, source: Source) -> bool:
    """Does ``source``'s IPL cover every level that does not block it?  Its
    handler then runs at that IPL whatever it interrupted (at its IPL joined
    with the interrupted priority), and lowering to it unblocks nothing:
    NetBSD's hardclock() lowers (spllowersoftclock) only when it
    interrupted base priority (kern_clock.c 1.75 CLKF_BASEPRI) for the
    same reason."""
    own = port.priority_of(source.ipl)
    return all(port.blocks(level.live, source) or port.priority.covers(own, level.live)
               for level in distinct_levels(port))


def raise_targets(port: PortModel, source: Source, argument: str,
                  every_target: bool = False) -> list[str]:
    """The IPLs ``source``'s handler raises to when the routine under
    check (a raise taking ``argument``) is its first call, one per
    distinct argument, in this order: ``REENTER_IPL`` (splhigh), the
    handler's own IPL (a raise that changes nothing, but takes the path
    of that target), and the target levels above it, which a raise from
    the handler really raises to: with ``every_target`` (a routine with
    own data beside its code, where a static temporary lives:
    check_routine) every target level, lowest first, those below the
    handler's own IPL too (red team 30 I: a raise below the current
    level takes a path of its own), else the lowest above alone (NetBSD's ipintr()
    in softnet's handler: ``s = splnet(); IF_DEQUEUE(...); splx(s)``,
    netinet/ip_input.c 1.137; a callout runs at softclock's level, spl.9
    1.32.12.1: IPL_SOFTCLOCK "is the priority at which callbacks
    generated by the callout(9) facility runs", and may raise to any
    level above it, a driver's timeout to splbio or spltty).  A static
    temporary on the path of some targets below ``REENTER_IPL`` only is
    re-entered so (red team 20: i386, m68k; red team 22 A F5: the path
    of the device levels, IPL_BIO..IPL_AUDIO, which the lowest target
    above softclock's IPL alone missed).  A routine with no own data
    beside its code keeps nothing of a call in memory of its own for a
    handler's call to overwrite:
    the lowest above stands for the rest (the ports' routines; every one
    would cost check PORT 4% (i386) to 81% (sparc64) more CPU).  Every
    re-entering source's handler raises to these, a device's too: splbio
    in a disk's handler (review 24 D4), splvm from a network receive's
    MGETHDR, splhigh in wakeup() (red team 30 I B)."""
    own = port.priority_of(source.ipl)
    levels = [level.name for level in target_levels(port, argument)]
    if every_target:
        # every target, those below the handler's own IPL too (a raise there
        # changes nothing but takes its path: malloc's splvm() in an audio
        # or clock handler, red team 30 I A)
        others = levels
    else:
        others = [name for name in levels if port.priority.covers(port.priority_of(name), own)
                  and port.priority_of(name) != own][:1]
    chosen: dict[int, str] = {}
    for ipl in (REENTER_IPL, source.ipl, *others):
        chosen.setdefault(port.argument_as(argument, ipl), ipl)
    return list(chosen.values())


def calls(port: PortModel, source: Source, symbol: str, kind: str, argument: str,
          returns_value: bool, fixed: str | None, target: str = REENTER_IPL
          ) -> tuple[str, int, str] | None:
    """(the first routine's symbol, its argument, the second's) that
    ``source``'s handler calls in a check of the routine at ``symbol``
    (``kind``, ``argument``, ``returns_value``, a set routine's IPL
    ``fixed``); None where the port has no stand-in.  ``target``: the IPL
    the routine goes to where it is the first call and a raise (one of
    raise_targets), or the one the port's own raise standing in goes to
    where the routine is the second call (a restore: it then lowers from
    there); else the stand-in goes to ``REENTER_IPL``."""
    first = second = None
    if kind == "raise" and returns_value:
        first = (symbol, port.argument_as(argument, target))
    elif kind == "set" and returns_value and fixed is not None \
            and port.blocks(port.priority_of(fixed), source):
        first = (symbol, 0)
    elif kind == "lower" and argument != "spl" and returns_value \
            and lowers_to_nothing_less(port, source):
        # s = lower(the handler's own IPL); restore(s): a lowering that
        # unblocks nothing the handler or what it interrupted blocks
        first = (symbol, port.argument_as(argument, source.ipl))
    if restores(kind, argument):
        second = symbol
    raise_own, restore_own = _own(port, "raise"), _own(port, "restore")
    if first is None and raise_own is not None:
        first = (raise_own.symbol,
                 port.argument_as(raise_own.argument, target if second else REENTER_IPL))
    if second is None and restore_own is not None:
        second = restore_own.symbol
    if first is None or second is None:
        return None
    return (*first, second)


def restores(kind: str, argument: str) -> bool:
    """Is a routine of ``kind`` taking ``argument`` a handler's second call
    (it puts back what the first returned: a restore, or a lower taking
    an spl value)?"""
    return kind == "restore" or (kind == "lower" and argument == "spl")


def first_targets(port: PortModel, source: Source, kind: str, argument: str,
                  returns_value: bool, every_target: bool) -> list[str]:
    """The IPLs ``source``'s handler's first call goes to across the
    settings: raise_targets' for a raise under check (it is that call);
    for a restore under check with own data beside its code
    (``every_target``) the same targets for the port's raise standing in,
    so that the routine is called to lower from each of them (red team 29
    H: a static on the path a restore takes from a device level, which a
    disk handler's splx(s) after its splbio() takes, was overwritten by no
    handler: they all lowered from IPL_HIGH or their own IPL); else
    ``REENTER_IPL`` alone."""
    if kind == "raise" and returns_value:
        return raise_targets(port, source, argument, every_target)
    raise_own = _own(port, "raise")
    if restores(kind, argument) and every_target and raise_own is not None:
        return raise_targets(port, source, raise_own.argument, every_target)
    return [REENTER_IPL]


def reentered(port: PortModel, symbol: str, kind: str, argument: str, returns_value: bool,
              fixed: str | None, every_level: bool = False) -> list[Source]:
    """The sources whose handlers call the routine at ``symbol`` in its
    check (``every_level``: reentering_sources')."""
    return [source for source in reentering_sources(port, every_level)
            if symbol in (calls(port, source, symbol, kind, argument, returns_value, fixed)
                          or ())[::2]]


def reentry_words(port: PortModel, symbols: dict[str, int], symbol: str, kind: str,
                  argument: str, returns_value: bool, fixed: str | None,
                  variant: int = 0, every_target: bool = False) -> dict[str, int]:
    """symbol -> value of every re-entry word the image has, for a check of
    the routine at ``symbol`` (see ``calls``); words of the other sources
    get 0, as do a source's whose routines the image lacks.  ``variant``:
    which of raise_targets each re-entering source's first call goes to
    where that call is the routine (its last where it has fewer);
    ``every_target``: raise_targets', and reentering_sources' every_level."""
    words: dict[str, int] = {}
    chosen = {s.name for s in reentering_sources(port, every_target)}
    for source in port.sources:
        names = word_names(source)
        if not all(name in symbols for name in names):
            continue
        values = (0, 0, 0)
        pair = None
        if source.name in chosen:
            targets = first_targets(port, source, kind, argument, returns_value, every_target)
            pair = calls(port, source, symbol, kind, argument, returns_value, fixed,
                         targets[min(variant, len(targets) - 1)])
        if pair is not None and pair[0] in symbols and pair[2] in symbols:
            values = (symbols[pair[0]], pair[1], symbols[pair[2]])
        words.update(zip(names, values))
        if base_word_name(source) in symbols:
            words[base_word_name(source)] = base_argument(
                port, source, kind, argument, returns_value) \
                if pair is not None and pair[0] == symbol and values[0] else 0
    return words


def reentry_variants(port: PortModel, symbols: dict[str, int], symbol: str, kind: str,
                     argument: str, returns_value: bool, fixed: str | None,
                     every_target: bool = False) -> list[tuple[dict[str, int], str]]:
    """Every distinct setting of the re-entry words a check explores, each
    with what it says of the handlers' first calls ("" for the first:
    ``REENTER_IPL``, or the own IPL of a source only a routine with data
    beside its code has re-enter): one per first_targets entry where
    the routine under check is a raise returning a value (the handler's
    first call), else the one.  check runs every pair's cases once per
    setting; ``every_target``: raise_targets' and reentering_sources'
    every_level (check: the routine has own data beside its code)."""
    found: list[tuple[dict[str, int], str]] = []
    raising = kind == "raise" and returns_value      # the routine is the handlers' first call
    # each re-entering source's first-call targets, in setting order
    targets_of = [(source, first_targets(port, source, kind, argument, returns_value,
                                         every_target))
                  for source in reentering_sources(port, every_target)]
    count = max((len(targets) for _, targets in targets_of), default=1)
    for variant in range(count):
        words = reentry_words(port, symbols, symbol, kind, argument, returns_value, fixed,
                              variant, every_target)
        if any(words == known for known, _ in found):
            continue
        said = []
        for source, targets in targets_of if variant else ():
            if word_names(source)[0] in symbols and words.get(word_names(source)[0]):
                target = targets[min(variant, len(targets) - 1)]
                said.append(f"{source.name}'s handler calls it with {target}" if raising
                            else f"{source.name}'s handler calls it after raising to {target}")
        found.append((words, "; ".join(said)))
    return found


def reentry_changed(port: PortModel, first: dict[str, int], words: dict[str, int]
                    ) -> frozenset[str]:
    """The sources whose re-entry words differ between the setting
    ``first`` and ``words`` (reentry_words'): their handlers call
    otherwise there."""
    return frozenset(source.name for source in port.sources
                     if any(words.get(word) != first.get(word) for word in word_names(source)))
