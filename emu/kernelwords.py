"""Kernel data the user's code keeps its state in.

A routine's own data (Machine.own_ranges) are the bytes the user's
objects take (Image.owned): its statics, from which check makes starts (what
an interrupted call left, what a call had where a handler called the
routine again).  A user's routine may keep the same state in a word the
port's files name instead: a re-entry guard in ``count_com0``, set and
cleared around its write of the priority (red team 39 F F1).  Data a
routine leaves as it found them pass preserves, so without more such a
guard is never seen set by a call that starts inside another.

users_kernel_bytes finds the kernel data bytes the user's instructions
write, outside any interrupt and outside the port's handlers and stubs, in
calls with no interrupt and in calls with a request the routine unblocks
arriving at its first instruction (the path of a replay: a guard set only
while the routine replays what was pending); Machine.adopt_kernel_bytes
then takes them as the routine's own data as well (preserves still judges
them).  The port's own code writing its own words (the powerpc
do_pending_int's ``processing`` guard) is not the user's and is left out.
A word the user's code writes only on a path an interrupt opens later in
the call is not found (said in tests/data/open/README.md).
"""

from __future__ import annotations

from typing import Iterable

from .errors import GuestFault
from .machine import Machine, differing


def users_kernel_bytes(machine: Machine, calls: Iterable[tuple[str, list[int], int, list]]
                       ) -> frozenset[int]:
    """The addresses of the kernel data bytes (Machine.byte_change's:
    named by a symbol of the port's files, not the priority or pending
    word) that an instruction of the user's files (Image.users_nearest)
    other than a source's stub or handler changes with no interrupt in
    flight, in any of ``calls`` ((symbol, arguments, live priority,
    injections)): the data are compared before and after every such
    instruction.  A call that faults counts up to its fault."""
    image, port = machine.image, machine.port
    interrupt_code = {name for s in port.sources for name in (s.stub, s.handler) if name}
    users: dict[int, bool] = {}
    found: set[int] = set()
    last: list = [None, None]           # the previous boundary's pc and data

    def the_users(pc: int) -> bool:
        mine = users.get(pc)
        if mine is None:
            named = image.symbol_of(pc) or ""
            mine = users[pc] = image.users_nearest(pc) \
                and named.partition("+")[0] not in interrupt_code
        return mine

    def observe(run, pc) -> None:
        data = machine.loaded_data()
        before, was = last
        if before is not None and data != was and the_users(before):
            for (addr, _), old, new in zip(machine.loaded_segments, was, data):
                if old != new:
                    found.update(addr + i for i in differing(old, new)
                                 if machine.byte_change(addr, i, old, new) is not None)
        # the next instruction counts only with no interrupt in flight
        last[0], last[1] = (None if run.active else pc), data

    for symbol, args, priority, injections in calls:
        last[0] = last[1] = None
        try:
            machine.call(symbol, args, priority, injections, observer=observe)
        except GuestFault:
            pass               # the check judges the fault; the writes before it count
    return frozenset(found)
