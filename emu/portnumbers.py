"""What a number on the command line means on a port, and which numbers
make no sense there.

``--ipl N`` is a live priority (a level of the priority field, or a mask of
blocked sources); ``--arg N`` is what the called routine takes (an spl value,
an intr.h IPL number, or the bits to block: the routine's ``argument``).
Both are described and checked from the port YAML alone: the priority's
kind, place and ``spl_bits``, the IPL table, and ``abi.state`` (bits of the
priority register no spl routine may change, such as m68k's SR S bit).
"""

from __future__ import annotations

from .errors import InputError
from .model import PortModel


def priority_meaning(port: PortModel) -> str:
    """What ``--ipl N`` means on ``port``."""
    prio = port.priority
    hi, lo = prio.bits
    top = (1 << (hi - lo + 1)) - 1
    high = _highest(port)
    if prio.kind == "level":
        where = f"{prio.register}[{hi}:{lo}]" if prio.register else f"`{prio.symbol}`"
        return (f"a level of {where}, 0 to {top}; a source is blocked at or below it "
                f"({high} is {port.priority_of(high)})")
    where = f"{prio.register}[{hi}:{lo}]" if prio.register else f"the word `{prio.symbol}`"
    enables = " (the register's bits enable: the number is their complement)" if prio.invert else ""
    return (f"a mask of blocked sources from {where}, 0 to {top:#x}: bit n set blocks "
            f"source bit n{enables} ({high} is {port.priority_of(high):#x})")


def argument_meaning(port: PortModel, kind: str) -> str:
    """What ``--arg N`` means for a routine that takes ``kind``
    (model.ARGUMENT_KINDS)."""
    prio = port.priority
    hi, lo = prio.spl_bits
    high = _highest(port)
    if kind == "ipl":
        return f"an IPL number as intr.h defines it ({high} is {port.ipls[high].value})"
    example = f"{high} is {port.argument_as(kind, high):#x}"
    if kind == "blocked":
        return f"the priority bits to block, in bits {hi}:{lo} ({example})"
    if prio.register and prio.spl_bits == prio.bits:
        return f"an spl value laid out as {prio.register}, the priority in bits {hi}:{lo} ({example})"
    if prio.kind == "mask":
        return f"an spl value: a mask like `{prio.symbol or prio.register}`, bit n set blocks source bit n ({example})"
    return f"an spl value, the priority in bits {hi}:{lo} ({example})"


def checked_priority(port: PortModel, text: str, value: int) -> int:
    """``--ipl`` ``value`` if it is a live priority of ``port``; otherwise
    an InputError saying what the number means there and what was likely
    meant (an IPL's spl value given instead of its priority)."""
    prio = port.priority
    hi, lo = prio.bits
    top = (1 << (hi - lo + 1)) - 1
    if 0 <= value <= top:
        return value
    where = prio.register or prio.symbol
    hint = next((f"; {value:#x} is {i.name}'s spl value, whose priority is "
                 f"{port.priority_of(i.name)} (or say {i.name})"
                 for i in port.ipls.values() if i.spl == value), "")
    raise InputError(f"--ipl {text}: a {port.name} priority is {prio.kind} "
                     f"{where}[{hi}:{lo}], from 0 to {top}{hint}")


def checked_argument(port: PortModel, text: str, value: int, kind: str) -> int:
    """``--arg`` ``value`` for a routine that takes ``kind``, refused when
    it takes an spl value and this is none (see spl_value_problem)."""
    if kind != "spl":
        return value
    problem = spl_value_problem(port, value)
    if problem is None:
        return value
    why, usual = problem
    hi, lo = port.priority.spl_bits
    hint = (f"; for the level {value} say {value << lo | usual:#x} or an IPL name"
            if 0 < value < 1 << (hi - lo + 1) else "")
    raise InputError(f"--arg {text}: {why}{hint}")


def spl_value_problem(port: PortModel, value: int) -> tuple[str, int] | None:
    """Why ``value`` is no spl value of ``port``: it changes state bits of
    the priority register (``abi.state``) that every spl value of the port
    leaves alone (an splx of it would change them: m68k's S bit, pmax's
    IEc), or other bits outside the priority field that every spl value
    has alike (sparc64's bits above PIL), within the bits an spl value fills
    (abi.result_bits or arg_bits: m68k's SR word).  None when it is one; else (the
    reason, those bits' usual value)."""
    prio = port.priority
    if not prio.register:
        return None
    width = port.abi.result_bits or port.abi.arg_bits
    if width:
        value &= (1 << width) - 1       # an spl value fills that much (m68k: SR's word)
    hi, lo = prio.spl_bits
    for state in port.abi.state:
        if state.register != prio.register:
            continue
        fixed = state.mask & ~(((1 << (hi - lo + 1)) - 1) << lo)
        seen = {ipl.spl & fixed for ipl in port.ipls.values()}
        if len(seen) != 1 or value & fixed == next(iter(seen)):
            continue
        usual = next(iter(seen))
        cleared = _bits(usual & ~value & fixed)
        raised = _bits(value & ~usual & fixed)
        change = " and ".join(f"{verb} bit{'s' if len(bits) > 1 else ''} {', '.join(map(str, bits))}"
                              for verb, bits in (("clears", cleared), ("sets", raised)) if bits)
        return (f"every {port.name} spl value has {prio.register} bits {fixed:#x} = {usual:#x}; "
                f"this one {change} of {prio.register}, state bits no spl routine may change "
                f"({state.source})", usual)
    # the other bits outside the priority field: where every spl value
    # agrees, an spl value agrees too, or comparing it with another spl
    # value (an IPL comparison, fix 1 of PR#20390) goes wrong.  Where the
    # port's spl values are images of the whole register (they carry bits
    # outside the field: m68k's S), the bits the ABI leaves undefined in it
    # go along as they are (NetBSD m68k's _spl returns SR, condition codes
    # and all); where they are the field alone (sparc's psr & PSR_PIL,
    # sh3's SR & PSL_IMASK), every other bit is clear
    scratch = [mask for reg, mask in port.abi.scratch if reg == prio.register]
    if None in scratch:
        return None
    other = ~(((1 << (hi - lo + 1)) - 1) << lo) & ((1 << 64) - 1)
    if spl_values_are_images(port):
        for mask in scratch:
            other &= ~mask
    seen = {ipl.spl & other for ipl in port.ipls.values()}
    if len(seen) == 1 and value & other != next(iter(seen)):
        usual = next(iter(seen))
        return (f"every {port.name} spl value has {usual:#x} in the bits outside the priority "
                f"field {prio.register}[{hi}:{lo}]; this one has {value & other:#x} there, so "
                f"comparing it with an spl value or an IPL's goes wrong", usual)
    return None


def spl_values_are_images(port: PortModel) -> bool:
    """Are the port's spl values images of the whole priority register
    (some IPL's has bits outside the priority field: m68k's SR with its S
    bit, pmax's Status with IEc), not the field alone (sparc's psr &
    PSR_PIL, sh3's IMASK)?  Then the bits the ABI leaves undefined in the
    register go along in a returned value as they are."""
    prio = port.priority
    if not prio.register:
        return False
    hi, lo = prio.spl_bits
    field = ((1 << (hi - lo + 1)) - 1) << lo
    return any(ipl.spl & ~field for ipl in port.ipls.values())


def carried_state(port: PortModel) -> int:
    """The abi.state bits of the priority register that the port's spl
    values carry as the register has them: where the spl values are images
    of the register (some has bits outside the priority field: m68k's S,
    pmax's IEc), the state bits every IPL's spl value has set, as
    cpu.reset has them (not pmax's CU1, which no spl value has, nor its
    KUp, clear in every spl value and in cpu.reset: a bit no value has
    set may be one the routines mask off, as NetBSD's pmax routines
    return Status & (MIPS_INT_MASK | MIPS_SR_INT_IE)); 0 where they are
    the field alone (sparc's psr & PSR_PIL) or the priority is in memory.
    A call made in another state of these bits (abi.call_states) returns
    values carrying that state (pmax's _splraise from IEc = 0 returns
    IEc = 0), and its restore routine is passed them so."""
    prio = port.priority
    if not spl_values_are_images(port):
        return 0
    hi, lo = prio.spl_bits
    field = ((1 << (hi - lo + 1)) - 1) << lo
    reset = port.reset.get(prio.register)
    if reset is None:
        return 0
    carried = 0
    for state in port.abi.state:
        if state.register != prio.register:
            continue
        fixed = state.mask & ~field
        for bit in (1 << n for n in range(fixed.bit_length()) if fixed >> n & 1):
            if reset & bit and all(ipl.spl & bit for ipl in port.ipls.values()):
                carried |= bit
    return carried


def state_in_value(port: PortModel, state, value: int) -> int:
    """The spl ``value`` as a caller in the call state ``state``
    (abi.call_states; None: cpu.reset's) has it: the state's bits that spl
    values carry (carried_state) at the state's value."""
    if state is None:
        return value
    carried = carried_state(port)
    for reg, mask, bits in state.bits:
        if reg == port.priority.register and mask & carried:
            value = value & ~(mask & carried) | bits & carried
    return value


def usual_value(port: PortModel, state, value: int) -> int:
    """The spl ``value`` a call in ``state`` returned, with the state's
    carried bits as cpu.reset has them (what spl_value_problem knows)."""
    if state is None:
        return value
    carried = carried_state(port)
    usual = next(iter(port.ipls.values())).spl      # every IPL's, in the carried bits
    for reg, mask, _ in state.bits:
        if reg == port.priority.register and mask & carried:
            value = value & ~(mask & carried) | usual & mask & carried
    return value


def _highest(port: PortModel) -> str:
    """IPL_HIGH, or the port's last IPL when it has none: the example."""
    return "IPL_HIGH" if "IPL_HIGH" in port.ipls else list(port.ipls)[-1]


def _bits(mask: int) -> list[int]:
    """The numbers of the set bits of ``mask``, high to low."""
    return [bit for bit in reversed(range(mask.bit_length())) if mask >> bit & 1]
