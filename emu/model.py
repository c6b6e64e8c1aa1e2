"""PortModel: one NetBSD port's spl facts, read from archs/<port>.yaml.

The schema is documented in archs/README.md; ``load_port`` checks it and
refuses a broken file with ``file:line: key.path: what is wrong``.  Nothing
here knows any particular port: every fact comes from the YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import catalog
from .errors import InputError
from .userfiles import is_regular_file
from .yamlsource import Located, parse_located, read_source

ROUTINE_KINDS = ("raise", "lower", "restore", "set")
#: what a routine takes (Routine.argument): an spl value, an IPL_* number,
#: or the sources to block at the spl value's bits
ARGUMENT_KINDS = ("spl", "ipl", "blocked")


@dataclass(frozen=True)
class Ipl:
    """One IPL_* name: ``value`` as the port's intr.h defines it, ``spl`` the
    raw value the spl routines take and return (an SR image on m68k, a PIL
    on sparc, a cpl mask on i386)."""
    name: str
    value: int
    spl: int
    source: str


@dataclass(frozen=True)
class Source:
    """One interrupt source: the IPL it belongs to, how it reaches the CPU
    (hardware ``level`` on level ports, ``bit`` in the cpl/ipending masks on
    mask ports), the stub the CPU vectors to and the handler it runs.
    ``preemptible`` False: the port's own dispatch runs its handler with
    the CPU taking no interrupt (pmax's clock: dec_3100_intr calls
    hardclock before it turns IE on), which handler_priority then allows."""
    name: str
    ipl: str
    level: int | None
    bit: int | None
    vector: int
    soft: bool
    stub: str
    handler: str
    source: str
    preemptible: bool = True


@dataclass(frozen=True)
class Priority:
    """Where the current priority lives and how to read it.

    ``kind`` is ``level`` (a field of a CPU register; a source is blocked when
    its level is at or below the field) or ``mask`` (a memory word of blocked
    source bits).  ``spl_bits`` says which bits of an spl value hold that
    priority, so spl values and the live priority compare directly."""
    kind: str
    register: str | None
    bits: tuple[int, int]
    symbol: str | None
    spl_bits: tuple[int, int]
    pending: str | None
    unmaskable: int | None               # a request level no priority blocks (m68k 7, sparc 15)
    source: str
    invert: int = 0                      # field bits that enable when set (MIPS Status IM)

    def field_of(self, raw: int) -> int:
        """The priority field of a register value (or the whole mask word),
        as a mask port's blocked bits: ``invert`` turns enable bits around."""
        hi, lo = self.bits
        return ((raw >> lo) & ((1 << (hi - lo + 1)) - 1)) ^ self.invert

    def raw_field(self, priority: int) -> int:
        """The inverse of field_of: the field's bits for a live priority."""
        return priority ^ self.invert

    def of_spl(self, spl: int) -> int:
        """The priority an spl value stands for, in the same units as field_of."""
        hi, lo = self.spl_bits
        return ((spl >> lo) & ((1 << (hi - lo + 1)) - 1)) ^ self.invert

    def covers(self, priority: int, other: int) -> bool:
        """Does live ``priority`` block everything ``other`` blocks? (a
        level: at or above it; a mask: a superset of its blocked bits)"""
        if self.kind == "mask":
            return other & ~priority == 0
        return priority >= other

    def join(self, a: int, b: int) -> int:
        """The lowest live priority that covers both (a raise's promise)."""
        return a | b if self.kind == "mask" else max(a, b)


@dataclass(frozen=True)
class Abi:
    """How a routine is called: arguments on the stack or in registers,
    the return register, where the return address goes."""
    args: tuple[str, ...] | None        # None: on the stack, arg_size each
    arg_size: int
    returns: str
    return_address: str | None           # register name; None: pushed on the stack
    return_offset: int                   # the callee returns to reg + offset (sparc: 8)
    stack_pointer: str
    stack_reserve: int                   # bytes on the caller's side of sp the callee may use (sparc: 96)
    source: str
    #: offsets of the reserve's words the ABI defines at a call (powerpc 0:
    #: the back chain at 0(r1)); the machine poisons the rest at entry
    stack_reserve_defined: tuple[int, ...] = ()
    #: the reserve's words the callee must leave as they were (powerpc's
    #: back chain at 0(r1): only the LR save word is the callee's to write);
    #: ``preserves`` compares them like the caller's frame, by their names
    stack_reserve_kept: tuple["KeptWord", ...] = ()
    #: the frames of the caller's callers, linked from a reserve word
    #: (powerpc's back chain at 0(r1)); None: the caller's frame is a pattern
    back_chain: "BackChain | None" = None
    #: the register that holds the caller's caller's stack pointer, and the
    #: frames of the windows above the caller's (SPARC's %fp, %i6); None:
    #: the ABI defines no such register
    frame_pointer: "FramePointer | None" = None
    #: "down" (push decrements sp) or "up" (PA-RISC: the stack grows towards higher addresses)
    stack_grows: str = "down"
    #: where the machine puts the stack (None: layout.STACK_BASE): amd64's
    #: kernel stacks are in the kernel's half of the address space
    stack_address: int | None = None
    preserved: tuple[str, ...] = ()      # callee-saved registers: equal at return to entry
    state: tuple["StateBits", ...] = ()  # CPU register bits a routine must leave as they were
    #: registers that are neither the routine's inputs nor its to change
    #: (a user process's FPU state under lazy switching, x86 CR2 and
    #: DR0-DR3, m68k USP): the machine poisons them at a call as it does
    #: abi.scratch (reading one fails defined_only) and compares them as
    #: it does abi.preserved (preserves, interrupt_transparent)
    foreign: tuple[str, ...] = ()
    #: what a call leaves undefined: (register, mask or None for all of it);
    #: the machine poisons these at entry (two worlds: a pattern, its complement)
    scratch: tuple[tuple[str, int | None], ...] = ()
    #: the register a call loads with the callee's address (alpha pv, $27:
    #: GCC's prologue computes the GP from it); None: the ABI asks for none
    callee_address: str | None = None
    #: (register, symbol): a call loads the register with the symbol's
    #: address (hppa dp = $global$: GCC reaches data relative to it)
    global_pointer: tuple[str, str] | None = None
    #: the low bits of an argument register the value fills (amd64: 32, an
    #: int in a 64-bit register); the bits above are the caller's garbage,
    #: poisoned like abi.scratch.  None: the caller writes the whole register
    arg_bits: int | None = None
    #: the low bits of the result register the result fills (an int spl
    #: value in a 64-bit register: 32), and what the bits above must be:
    #: "sign" or "zero" (the ABI has the callee extend it), "undefined"
    #: (the caller extends it itself).  None: the whole register
    result_bits: int | None = None
    result_upper: str | None = None
    #: the stack pointer holds the address it stands for less this many
    #: bytes (SPARC V9 64-bit ABI: 2047, an odd %sp marking a 64-bit frame)
    stack_bias: int = 0
    #: bytes at every register window's stack address (sp + stack_bias)
    #: that a window overflow may fill with that window's registers (SPARC:
    #: the 16-word register save area, 64 bytes on V8, 128 on V9); 0: the
    #: CPU has no register windows.  Poisoned after every SAVE and at every
    #: C function entry for each window the backend names
    #: (Poisoner.spill_windows)
    window_save_area: int = 0
    #: bytes the stack address (sp + stack_bias) is a multiple of at every
    #: call of a C function, before the call pushes anything (amd64: 16,
    #: x86-64 psABI §3.2.2); the machine's own calls meet it, and a call of
    #: a handler or C function that does not is a fault (no_fault)
    call_stack_alignment: int = 1
    #: what the CPU state is at the entry of every C function (a handler,
    #: a ``compiler.declarations`` function): bits of a register and the
    #: value they must hold there (a direction flag clear, traps enabled);
    #: a call of one in another state is a fault (no_fault)
    entry_state: tuple["EntryBits", ...] = ()
    #: the CPU's interrupt enable apart from the priority (i386 EFLAGS.IF,
    #: sparc64 PSTATE.IE): the bits of abi.state a caller may have turned
    #: off, and their value then; check also calls each pair with them so
    #: (emu/starts.py).  None: the priority is the CPU's only gate
    interrupt_enable: "EntryBits | None" = None
    #: other values of abi.state bits a caller may call a routine with
    #: (sparc: another register window, PSR.PS = 0; pmax: Status IEc = 0):
    #: check also calls each pair from each (emu/starts.py)
    call_states: tuple["CallState", ...] = ()
    #: where ``callee_address`` comes from (its YAML ``source``); None:
    #: written as a plain register name, abi.source cites it
    callee_address_source: str | None = None


@dataclass(frozen=True)
class EntryBits:
    """``mask`` bits of ``register`` hold ``value`` at a C function's entry
    (abi.entry_state), or with interrupts disabled (abi.interrupt_enable);
    ``name`` is what a counter-example calls them."""
    register: str
    mask: int
    value: int
    name: str
    source: str


@dataclass(frozen=True)
class CallState:
    """Another state a caller may call a routine in (abi.call_states):
    each (register, mask, value) of ``bits`` holds ``value`` in its
    ``mask`` bits (abi.state bits) instead of cpu.reset's; ``name`` is
    what a counter-example calls it; ``interrupts_off``: the CPU takes no
    interrupt at all in it (judged as the interrupts-disabled start);
    ``older_windows``: that many register windows above the caller's hold
    its callers' registers, loaded from their frames (abi.frame_pointer),
    so a spill of them stores through the caller's frame pointer."""
    name: str
    bits: tuple[tuple[str, int, int], ...]
    interrupts_off: bool
    source: str
    older_windows: int = 0


@dataclass(frozen=True)
class StateBits:
    """Bits of a CPU register that no spl routine may change (the mode, the
    interrupt enable, the window pointer...): ``mask`` of ``register``;
    also the bits an interrupt's return gives back beyond the ABI's
    (interrupt.restores) and the state bits an interrupt may leave changed
    (interrupt.state_changes).  ``name``: what a counter-example calls
    them (``N``), when the backend has no name for them.  ``caller``
    (abi.state only): the bits hold the caller's value, not a setting of
    the kernel (powerpc's nonvolatile CR fields): each call gets a pattern
    of its own there, another in the second world, as abi.preserved's
    registers do (Poisoner.caller_fields_at_call)."""
    register: str
    mask: int
    source: str
    name: str | None = None
    caller: bool = False

    @property
    def kept_key(self) -> str:
        """``cr&0xfff000``: the bits' name in Machine.kept_state."""
        return f"{self.register}&{self.mask:#x}"


@dataclass(frozen=True)
class EnableRegister:
    """A device register outside the CPU whose ``all`` bits gate every
    interrupt request level, the CPU's unmaskable one too
    (interrupt.enable_register: the sun4/sun4c interrupt enable register's
    IE_ALLIE): ``size`` bytes at ``address``, ``reset`` when a call
    starts.  While software keeps the bits clear the CPU takes no request
    (Backend.set_enable_register).  A routine gives the ``all`` bits back
    as it found them (``preserves``: Machine.kept_state); ``name``: what
    they are called (IE_ALLIE), for its messages; ``soft_requests``:
    (level, bit) of each bit that is the soft interrupt request of a level
    (sun4c IE_L1: setsoftint() sets it), which a source of ``soft: true``
    at that level sets when it is requested, and whose clearing withdraws
    the soft requests of that level not yet taken (Backend.withdrawn_levels)."""
    address: int
    size: int
    reset: int
    all: int
    source: str
    name: str | None = None
    soft_requests: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class KeptWord:
    """A word of ``abi.stack_reserve`` that belongs to the caller, not the
    callee: ``offset`` counted like ``stack_reserve_defined``'s, ``name``
    what a counter-example calls it (``the back chain``)."""
    offset: int
    name: str
    source: str


@dataclass(frozen=True)
class BackChain:
    """The chain of frames an ABI links from every frame (SVR4 PowerPC:
    0(r1) holds the previous frame's sp, and 4 of that frame the LR its
    callee saved there).  At a call the reserve word ``offset`` holds the
    address ``frame`` bytes beyond sp, where ``frames`` frames of
    ``frame`` bytes follow, each linking to the next and the last to 0
    (the stack's first frame), each holding a return address at
    ``return_address``.  Defined by the ABI, they are the same in every
    world, and the caller's to keep (``preserves``): a routine may follow
    the chain (``__builtin_return_address(1)``) but not write it."""
    offset: int
    frame: int
    return_address: int
    frames: int
    source: str


@dataclass(frozen=True)
class FramePointer:
    """A register window's frame pointer (SPARC %fp, %i6: the %sp of the
    window above, SPARC V8 manual §4.1, V9 §6.3.1).  At a call it holds
    the stack address (less abi.stack_bias) of the first of ``frames``
    frames at the stack's far end, the caller's callers', each holding an
    abi.window_save_area whose word at ``link`` (where a spill stores the
    window's own %i6) is the next frame's, the last one's 0.  Defined by
    the ABI: the same in every world, the caller's to keep.  A call
    state's ``older_windows`` has the first windows of those frames live
    in the register file, their registers what their save areas hold, so
    a spill writes what is there, and one through a frame pointer the
    routine changed writes elsewhere."""
    register: str
    link: int
    frames: int
    source: str


@dataclass(frozen=True)
class Routine:
    """A routine the port ships; ``returns_value`` False for a void one
    (spl(9): ``void splx(int)``), whose return register means nothing;
    ``argument`` what it is called with: ``spl`` (an spl value), ``ipl``
    (the IPL_* number: arm footbridge ``_splraise(IPL_BIO)`` looks up the
    mask itself) or ``blocked`` (the sources to block, at the spl value's
    bits: MIPS ``_splraise(MIPS_INT_MASK)`` clears those IM bits).  A
    ``set`` routine takes no argument and sets the priority to ``ipl``
    (spl(9) ``spl0()``, ``splhigh()``)."""
    name: str
    symbol: str
    kind: str
    source: str
    returns_value: bool = True
    argument: str = "spl"
    ipl: str | None = None

    def defined_by_user(self, user_symbols) -> str | None:
        """The symbol the user's files (``user_symbols``: Image.user_symbols)
        define this routine at: its YAML symbol, else its name where that
        differs (sh3 splraise is _cpu_intr_raise; red team 22 B F0); None
        where they define neither."""
        if self.symbol in user_symbols:
            return self.symbol
        return self.name if self.name in user_symbols else None


#: a C function's prototype: its result type, its name, its parameters
_PROTOTYPE = re.compile(r"\s*(?:extern\s+)?(?P<result>[A-Za-z_][\w\s*]*?[\s*])\s*"
                        r"(?P<name>[A-Za-z_]\w*)\s*\(")


@dataclass(frozen=True)
class Compiler:
    """The port's C compiler for C snippets: GCC ``<triple>-gcc`` (Debian
    ``gcc-<triple>``), the flags that make its output fit the port's ABI
    and CPU, and C declarations of the port's symbols beyond those the
    YAML names (``void Xspllower(void)``), written into port.h."""
    triple: str
    flags: tuple[str, ...]
    declarations: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class PortModel:
    name: str
    description: str
    path: Path
    cpu_family: str
    cpu_model: str | None
    endian: str
    reset: dict[str, int]
    assembler_triple: str
    as_flags: tuple[str, ...]
    ld_flags: tuple[str, ...]
    syntax: str | None             # the snippets' assembly syntax, for traces (None: the CPU's default)
    #: where the port's kernel is linked (assembler.kernel_text): every image
    #: is linked there too, as a check that each address fits (None: no check)
    kernel_text: int | None
    #: the image runs at kernel_text, not at the model's low address
    #: (assembler.run_at_kernel_text: a pointer cut to 32 bits is seen)
    run_at_kernel_text: bool
    priority: Priority
    interrupt: dict[str, str]
    ipls: dict[str, Ipl]
    sources: list[Source]
    abi: Abi
    routines: dict[str, Routine]
    snippets: list[Path]
    aliases: tuple[str, ...] = ()
    compiler: Compiler | None = None
    #: registers of the interrupted code an interrupt entry may leave changed
    #: (interrupt.clobbers): the engine poisons them at every interrupt return
    interrupt_clobbers: tuple[str, ...] = ()
    #: (offset, size): bytes from the interrupted code's stack address
    #: (sp + abi.stack_bias) an interrupt may overwrite (interrupt.spill_area:
    #: SPARC's window save area, where a window overflow during the
    #: interrupt spills the interrupted window); poisoned at every return
    interrupt_spill: tuple[int, int] | None = None
    #: bits of the interrupted code's state the CPU's interrupt return
    #: gives back (or the stub must) beyond the ABI's registers and
    #: abi.state (interrupt.restores: hppa PSW[N]); interrupt_transparent
    #: compares them
    interrupt_restores: tuple[StateBits, ...] = ()
    #: abi.state bits an interrupt may leave changed though the interrupted
    #: code is given back (interrupt.state_changes: what the return does
    #: not restore); interrupt_transparent does not compare them
    interrupt_state_changes: tuple[StateBits, ...] = ()
    #: a device register whose bits gate every request level
    #: (interrupt.enable_register); None: the CPU alone decides
    interrupt_enable_register: EnableRegister | None = None
    sources_by_name: dict[str, Source] = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "sources_by_name", {s.name: s for s in self.sources})

    @property
    def c_functions(self) -> dict[str, bool]:
        """The port's C functions beyond its routines, stubs and handlers:
        name -> whether it returns a value, from the compiler section's
        prototypes (``void Xspllower(void)``; data declarations are not
        functions).  A call to one leaves the ABI's scratch registers
        undefined (Poisoner.poison_after_call), as a C function may."""
        found = {}
        for declaration in self.compiler.declarations if self.compiler else ():
            match = _PROTOTYPE.match(declaration)
            if match:
                found[match["name"]] = match["result"].split()[-1] != "void"
        return found

    @property
    def race_scenario(self) -> Path:
        """race.S beside the port's first snippet (kernel_snippets/RACE.md);
        it may not exist."""
        return self.snippets[0].parent / "race.S"

    def call_state(self, name: str) -> "CallState":
        """The abi.call_states entry called ``name``."""
        return next(state for state in self.abi.call_states if state.name == name)

    def source(self, name: str) -> Source:
        try:
            return self.sources_by_name[name]
        except KeyError:
            known = ", ".join(self.sources_by_name)
            raise InputError(f"{self.name}: unknown interrupt source {name!r} (known: {known})") from None

    def spl_of(self, ipl: str | int, kind: str | None = None) -> int:
        """An IPL_* name (or its short form, e.g. ``softnet``) or a number ->
        spl value; with ``kind``, the IPL as an argument of that kind
        (argument_as)."""
        if isinstance(ipl, int):
            return ipl
        text = ipl.strip()
        try:
            return int(text, 0)
        except ValueError:
            pass
        key = text.upper()
        if not key.startswith("IPL_"):
            key = "IPL_" + key
        if key not in self.ipls:
            raise InputError(f"{self.name}: unknown IPL {ipl!r} (known: {', '.join(self.ipls)})")
        return self.ipls[key].spl if kind is None else self.argument_as(kind, key)

    def argument_for(self, symbol: str, ipl: str) -> int:
        """What the routine at ``symbol`` is called with to go to IPL ``ipl``,
        by its ``argument`` (Routine; argument_kind)."""
        return self.argument_as(self.argument_kind(symbol), ipl)

    def argument_kind(self, symbol: str) -> str:
        """The ``argument`` of the port's routine at ``symbol``; ``spl`` for
        routines of the user's own (check --routine and run --argument may
        say otherwise)."""
        return next((r.argument for r in self.routines.values() if r.symbol == symbol), "spl")

    def argument_as(self, kind: str, ipl: str) -> int:
        """IPL ``ipl`` as an argument of ``kind`` (ARGUMENT_KINDS)."""
        entry = self.ipls[ipl]
        if kind == "ipl":
            return entry.value
        if kind == "blocked":
            return self.priority.of_spl(entry.spl) << self.priority.spl_bits[1]
        return entry.spl

    def argument_problem(self, kind: str) -> str | None:
        """Why no routine of this port can take an argument of ``kind``
        (ARGUMENT_KINDS), as '<kind>: why (say ...)'; None: it can.  The
        CLI's --routine and --argument and the YAML's routines ask it."""
        if kind == "blocked" and self.priority.kind != "mask":
            return (f"blocked (the sources to block) needs a mask priority; {self.name}'s "
                    f"is a level (say spl or ipl)")
        clash = self.ipl_number_clash() if kind == "ipl" else None
        return f"ipl: {clash} (say spl)" if clash else None

    def ipl_number_clash(self) -> str | None:
        """Why no routine can take an IPL_* number here (argument=ipl):
        two IPLs of different priorities with one ``value`` (mvme68k's
        IPL_SOFTNET and IPL_BIO are both 1), so the number cannot say which
        priority the caller means.  None: every number names one priority."""
        seen: dict[int, Ipl] = {}
        for entry in self.ipls.values():
            other = seen.setdefault(entry.value, entry)
            if self.priority.of_spl(other.spl) != self.priority.of_spl(entry.spl):
                return (f"{self.name}'s {other.name} and {entry.name} are both IPL number "
                        f"{entry.value} but stand for different priorities, so a routine "
                        f"given the number cannot tell which is meant")
        return None

    def priority_of(self, ipl: str | int) -> int:
        """An IPL_* name -> the live priority it stands for; a number is
        taken as a live priority already (a level, or a mask)."""
        if isinstance(ipl, str) and not ipl.strip().lstrip("-").isdigit() \
                and not ipl.strip().lower().startswith("0x"):
            return self.priority.of_spl(self.spl_of(ipl))
        return int(ipl, 0) if isinstance(ipl, str) else ipl

    def priority_label(self, priority: int) -> str:
        """'3 IPL_NET/IPL_TTY' on level ports, '0xc0004400 IPL_NET' on mask ports."""
        value = f"{priority:#010x}" if self.priority.kind == "mask" else str(priority)
        names = self.names_at(priority)
        return f"{value} {'/'.join(names)}" if names else value

    def names_at(self, priority: int) -> list[str]:
        """IPL_* names whose spl value stands for this live priority."""
        return [i.name for i in self.ipls.values() if self.priority.of_spl(i.spl) == priority]

    def blocks(self, priority: int, source: Source) -> bool:
        """Does this live priority block ``source`` by the port's own rule?
        Level ports: the source's level is at or below the field (and is
        not the CPU's unmaskable level); a source pended in software (a
        ``bit`` in the pending word: NetBSD/alpha's ssir) is blocked as its
        IPL is, its ``level`` being the CPU request that posts it.
        Mask ports: the source's bit is set in the mask."""
        if self.priority.kind == "level":
            if source.bit is not None:
                return self.priority.covers(priority,
                                            self.priority.of_spl(self.ipls[source.ipl].spl))
            return source.level != self.priority.unmaskable and source.level <= priority
        return bool(priority >> source.bit & 1)


def available_ports() -> list[str]:
    """Every port's name: the shipped ones and the user's (catalog.py)."""
    return catalog.available_ports()


def load_port(name_or_path: str) -> PortModel:
    """Load a port by name or alias (catalog.py) or by a path to a YAML file.

    The file is read every time; a text this process has checked already
    (same path, same bytes, its snippets found in the same places) gives
    the model it built then, unchanged (the model is frozen): the schema
    check costs ~10 ms and the check of register names an emulator
    instance, paid once per text instead of by every command a long-lived
    process runs (the tests, tools/fuzz.py)."""
    path = catalog.resolve(name_or_path)
    raw = read_source(path)
    key = (path, raw)
    port, doc = _CHECKED.pop(key, (None, None))
    if port is not None and _Schema(doc).snippets(port.name) != port.snippets:
        port = None                          # a snippet was added or removed since
    if port is None:
        doc = parse_located(path, raw)
        port = _Schema(doc).port()
    _CHECKED[key] = port, doc                # the newest last
    while len(_CHECKED) > _CHECKED_TEXTS:
        del _CHECKED[next(iter(_CHECKED))]   # the least recently loaded
    if path != Path(name_or_path) and port.name != path.stem:
        raise doc.error(("port",), f"{port.name!r}, but the file is {path.name}: "
                                   f"a port's file is named after it")
    return port


#: the ports this process has checked, by (path, text), with their located
#: documents; a bounded few, the least recently loaded first
_CHECKED: dict[tuple[Path, bytes], tuple[PortModel, Located]] = {}
_CHECKED_TEXTS = 32


class _Schema:
    """Checks one located YAML document against the schema in archs/README.md."""

    def __init__(self, doc: Located):
        self.doc = doc

    # -- primitive checks ---------------------------------------------------
    def get(self, mapping: dict, path: tuple, key: str, kind, required=True, default=None):
        if not isinstance(mapping, dict):
            raise self.doc.error(path, "expected a mapping")
        if key not in mapping:
            if required:
                raise self.doc.error(path + (key,), "missing required key")
            return default
        value = mapping[key]
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise self.doc.error(path + (key,), f"expected an integer, got {value!r}")
        if kind is str and not (isinstance(value, str) and value.strip()):
            raise self.doc.error(path + (key,), f"expected a non-empty string, got {value!r}")
        if kind is bool and not isinstance(value, bool):
            raise self.doc.error(path + (key,), f"expected true or false, got {value!r}")
        if kind is dict and not isinstance(value, dict):
            raise self.doc.error(path + (key,), "expected a mapping")
        if kind is list and not isinstance(value, list):
            raise self.doc.error(path + (key,), "expected a list")
        return value

    def only(self, mapping: dict, path: tuple, allowed: set[str]):
        if not isinstance(mapping, dict):
            raise self.doc.error(path, "expected a mapping")
        for key in mapping:
            if key not in allowed:
                raise self.doc.error(path + (key,), f"unknown key (allowed: {', '.join(sorted(allowed))})")

    def source(self, mapping: dict, path: tuple) -> str:
        text = self.get(mapping, path, "source", str)
        if not text.strip():
            raise self.doc.error(path + ("source",), "must cite a manual section or NetBSD file")
        return text

    def bitrange(self, mapping, path, key) -> tuple[int, int]:
        value = self.get(mapping, path, key, list)
        if len(value) != 2 or not all(isinstance(v, int) for v in value) or value[0] < value[1]:
            raise self.doc.error(path + (key,), "expected [high_bit, low_bit]")
        return value[0], value[1]

    def strings(self, mapping, path, key, required=True) -> tuple[str, ...]:
        value = self.get(mapping, path, key, list, required, [])
        for i, item in enumerate(value):
            if not (isinstance(item, str) and item.strip()):
                raise self.doc.error(path + (key, i), f"expected a non-empty string, got {item!r}")
        return tuple(value)

    # -- sections -------------------------------------------------------------
    def snippets(self, name: str) -> list[Path]:
        """The files of ``snippets``, each where it is found first (catalog.py)."""
        snippet_names = self.strings(self.doc.data, (), "snippets")
        if not snippet_names:
            raise self.doc.error(("snippets",), "at least one snippet (the port's spl routines)")
        snippets = []
        for i, snippet in enumerate(snippet_names):
            places = catalog.snippet_candidates(self.doc.path, name, snippet)
            found = next((p for p in places if is_regular_file(p)), None)
            if found is None:
                raise self.doc.error(("snippets", i), "no such regular file: looked for "
                                     + " and ".join(str(p) for p in places))
            snippets.append(found)
        return snippets

    def port(self) -> PortModel:
        top = self.doc.data
        if not isinstance(top, dict):
            raise self.doc.error((), "expected a mapping at the top level")
        self.only(top, (), {"port", "description", "cpu", "assembler", "priority", "interrupt",
                            "ipl", "sources", "abi", "routines", "snippets", "aliases",
                            "compiler"})
        name = self.get(top, (), "port", str)
        cpu = self.get(top, (), "cpu", dict)
        self.only(cpu, ("cpu",), {"family", "model", "endian", "reset", "source"})
        self.source(cpu, ("cpu",))
        endian = self.get(cpu, ("cpu",), "endian", str)
        if endian not in ("big", "little"):
            raise self.doc.error(("cpu", "endian"), "expected big or little")
        reset = self.get(cpu, ("cpu",), "reset", dict, False, {})
        for reg, value in reset.items():
            if not isinstance(value, int):
                raise self.doc.error(("cpu", "reset", reg), "expected an integer register value")
        asm = self.get(top, (), "assembler", dict)
        self.only(asm, ("assembler",), {"triple", "as_flags", "ld_flags", "syntax", "kernel_text",
                                        "run_at_kernel_text", "source"})
        self.source(asm, ("assembler",))
        ipls = self.ipls(self.get(top, (), "ipl", dict))
        priority = self.priority(self.get(top, (), "priority", dict))
        sources = self.sources(self.get(top, (), "sources", list), ipls, priority)
        interrupt = self.get(top, (), "interrupt", dict)
        self.only(interrupt, ("interrupt",), {"saves", "priority", "returns", "changes", "clobbers",
                                              "spill_area", "restores", "state_changes", "enable_register",
                                              "source"})
        spill = self.get(interrupt, ("interrupt",), "spill_area", list, False)
        if spill is not None:
            if len(spill) != 2 or not all(isinstance(v, int) and not isinstance(v, bool)
                                          for v in spill):
                raise self.doc.error(("interrupt", "spill_area"),
                                     "expected [offset, size] in bytes from the stack pointer")
            self.within(("interrupt", "spill_area", 0), spill[0], 0, 4096, "bytes")
            self.within(("interrupt", "spill_area", 1), spill[1], 1, 4096, "bytes")
            spill = tuple(spill)
        for key in ("saves", "priority", "returns", "changes"):
            self.get(interrupt, ("interrupt",), key, str)
        self.source(interrupt, ("interrupt",))
        if not re.fullmatch(r"[a-z0-9_]+", name):
            raise self.doc.error(("port",), "a port name is lower-case letters, digits and _")
        snippets = self.snippets(name)
        aliases = self.strings(top, (), "aliases", False)
        for i, alias in enumerate(aliases):
            if not re.fullmatch(r"[a-z0-9_]+", alias) or alias == name:
                raise self.doc.error(("aliases", i), "an alias is another name of the port: "
                                                     "lower-case letters, digits and _")
        return self.checked(PortModel(
            name=name,
            description=self.get(top, (), "description", str),
            path=self.doc.path,
            cpu_family=self.get(cpu, ("cpu",), "family", str),
            cpu_model=self.get(cpu, ("cpu",), "model", str, False),
            endian=endian,
            reset=reset,
            assembler_triple=self.get(asm, ("assembler",), "triple", str),
            as_flags=self.strings(asm, ("assembler",), "as_flags", False),
            ld_flags=self.strings(asm, ("assembler",), "ld_flags", False),
            syntax=self.get(asm, ("assembler",), "syntax", str, False),
            kernel_text=self.get(asm, ("assembler",), "kernel_text", int, False),
            run_at_kernel_text=self.run_at_kernel_text(asm),
            priority=priority,
            interrupt=interrupt,
            ipls=ipls,
            sources=sources,
            abi=self.abi(self.get(top, (), "abi", dict)),
            routines=self.routines(self.get(top, (), "routines", dict), ipls),
            snippets=snippets,
            aliases=aliases,
            compiler=self.compiler(top),
            interrupt_clobbers=self.strings(interrupt, ("interrupt",), "clobbers", False),
            interrupt_spill=spill,
            interrupt_restores=self.state_bits(interrupt, ("interrupt",), "restores"),
            interrupt_state_changes=self.state_bits(interrupt, ("interrupt",), "state_changes"),
            interrupt_enable_register=self.enable_register(interrupt),
        ))

    # -- ranges and registers, on the whole model ----------------------------
    def within(self, path: tuple, value: int, low: int, high: int, what: str = ""):
        if not low <= value <= high:
            raise self.doc.error(path, f"{value} is out of range: {what or 'expected'} "
                                       f"{low}..{high}")

    def checked(self, port: PortModel) -> PortModel:
        """Every number in its range; every register name one the CPU's
        backend knows, and every reset value one it can hold."""
        from .backends import backend_class
        try:
            cpu = backend_class(port.cpu_family)(port.cpu_model)
        except KeyError as exc:
            raise self.doc.error(("cpu", "family"), exc.args[0]) from None
        except Exception as exc:    # the emulator refuses the model
            raise self.doc.error(("cpu", "model"), f"{exc}") from None
        if port.syntax is not None and port.syntax not in cpu.syntaxes:
            raise self.doc.error(("assembler", "syntax"), f"{port.syntax!r}: the {port.cpu_family} "
                                 f"disassembler prints {', '.join(cpu.syntaxes) or 'one syntax only'}")
        if port.interrupt_enable_register is not None and not cpu.models_enable_register:
            raise self.doc.error(("interrupt", "enable_register"),
                                 f"the {port.cpu_family} backend does not model an interrupt "
                                 f"enable register (Backend.models_enable_register)")
        enable = port.interrupt_enable_register
        for i, (level, _) in enumerate(enable.soft_requests if enable else ()):
            devices = [s.name for s in port.sources if s.level == level and not s.soft]
            if devices:
                raise self.doc.error(("interrupt", "enable_register", "soft_requests", i, "level"),
                                     f"level {level} has a device source ({', '.join(devices)}), "
                                     f"whose request clearing this bit would withdraw too: list "
                                     f"only levels of soft sources")
        prio = port.priority
        for key in ("bits", "spl_bits"):
            self.within(("priority", key), getattr(prio, key)[0], 0, 63, "bit numbers")
            self.within(("priority", key), getattr(prio, key)[1], 0, 63, "bit numbers")
        if prio.register is None:   # a word in memory, which the machine reads as 32 bits
            self.within(("priority", "bits"), prio.bits[0], 0, 31,
                        f"bit numbers of the 32-bit word {prio.symbol}")
        width = prio.bits[0] - prio.bits[1] + 1
        top = (1 << width) - 1
        if prio.unmaskable is not None:
            self.within(("priority", "unmaskable"), prio.unmaskable, 1, top, "a request level")
        self.within(("priority", "invert"), prio.invert, 0, top, "bits of the priority field")
        for name, ipl in port.ipls.items():
            self.within(("ipl", name, "value"), ipl.value, 0, 0xffff)
        for i, src in enumerate(port.sources):
            if prio.kind == "level":
                self.within(("sources", i, "level"), src.level, 1, top,
                            f"a request level of {prio.register or prio.symbol}"
                            f"[{prio.bits[0]}:{prio.bits[1]}]:")
                if src.bit is not None:
                    if prio.pending is None:
                        raise self.doc.error(("sources", i, "bit"), "a source pended in software "
                                             "needs the word it is pended in (priority.pending)")
                    self.within(("sources", i, "bit"), src.bit, 0, 31,
                                f"a bit of the 32-bit pending word {prio.pending}:")
            else:
                self.within(("sources", i, "bit"), src.bit, 0, width - 1,
                            f"a bit of the {width}-bit priority mask:")
                if src.level is not None:
                    self.within(("sources", i, "level"), src.level, 0, 63, "an interrupt line")
            self.within(("sources", i, "vector"), src.vector, 0, 0xffffffff)
        abi = port.abi
        if abi.arg_size not in (1, 2, 4, 8):
            raise self.doc.error(("abi", "arg_size"), f"{abi.arg_size}: expected 1, 2, 4 or 8 bytes")
        if abi.arg_bits is not None:
            self.within(("abi", "arg_bits"), abi.arg_bits, 1, 63, "bits")
        # an spl value is what the routines take and return: it fits their argument
        word = abi.arg_bits or 8 * abi.arg_size
        for name, ipl in port.ipls.items():
            self.within(("ipl", name, "spl"), ipl.spl, 0, (1 << word) - 1,
                        f"an spl value, which a routine takes in its {word}-bit argument:")
        for name, routine in port.routines.items():
            problem = port.argument_problem(routine.argument)
            if problem:
                raise self.doc.error(("routines", name, "argument"), problem)
        self.within(("abi", "return_offset"), abi.return_offset, 0, 64, "bytes")
        self.within(("abi", "stack_bias"), abi.stack_bias, 0, 4095, "bytes")
        self.within(("abi", "window_save_area"), abi.window_save_area, 0, 4096, "bytes")
        align = abi.call_stack_alignment
        self.within(("abi", "call_stack_alignment", "bytes"), align, 1, 256, "bytes")
        if align & (align - 1):
            raise self.doc.error(("abi", "call_stack_alignment", "bytes"),
                                 f"{align}: expected a power of two (bytes)")
        if abi.result_bits is not None:
            self.within(("abi", "result_bits"), abi.result_bits, 1, 63, "bits")
            if abi.result_upper not in ("sign", "zero", "undefined"):
                raise self.doc.error(("abi", "result_upper" if abi.result_upper else "result_bits"),
                                     f"{abi.result_upper!r}: the bits above result_bits are "
                                     f"'sign', 'zero' or 'undefined' (abi.result_upper)")
        elif abi.result_upper is not None:
            raise self.doc.error(("abi", "result_upper"), "result_upper needs result_bits")
        self.within(("abi", "stack_reserve"), abi.stack_reserve, 0, 4096, "bytes")
        for i, offset in enumerate(abi.stack_reserve_defined):
            if offset % 4 or offset + 4 > abi.stack_reserve:
                raise self.doc.error(("abi", "stack_reserve_defined", i),
                                     f"{offset}: expected the offset of a word inside the "
                                     f"{abi.stack_reserve}-byte stack_reserve (a multiple of 4)")
        for i, word in enumerate(abi.stack_reserve_kept):
            if word.offset % 4 or word.offset + 4 > abi.stack_reserve:
                raise self.doc.error(("abi", "stack_reserve_kept", i, "offset"),
                                     f"{word.offset}: expected the offset of a word inside the "
                                     f"{abi.stack_reserve}-byte stack_reserve (a multiple of 4)")
        self.check_frame_pointer(abi)
        chain = abi.back_chain
        if chain is not None and (chain.offset not in abi.stack_reserve_defined
                                  or chain.offset not in [w.offset for w in abi.stack_reserve_kept]
                                  or abi.stack_grows == "up"):
            raise self.doc.error(("abi", "back_chain", "offset"),
                                 f"{chain.offset}: the back chain is a word of the reserve that "
                                 f"stack_reserve_defined and stack_reserve_kept both name, on a "
                                 f"downward stack")
        named = [(("priority", "register"), prio.register)] if prio.register is not None else []
        named += [(("abi", "args", i), reg) for i, reg in enumerate(abi.args or ())]
        named += [(("abi", key), getattr(abi, key)) for key in ("returns", "stack_pointer")]
        for key in ("return_address", "callee_address"):   # None: not a register ('stack', absent)
            if getattr(abi, key) is not None:
                named.append((("abi", key), getattr(abi, key)))
        if abi.global_pointer:
            named.append((("abi", "global_pointer", "register"), abi.global_pointer[0]))
        named += [(("abi", "preserved", i), reg) for i, reg in enumerate(abi.preserved)]
        named += [(("abi", "state", i, "register"), bits.register) for i, bits in enumerate(abi.state)]
        named += [(("abi", "entry_state", i, "register"), bits.register)
                  for i, bits in enumerate(abi.entry_state)]
        if abi.interrupt_enable is not None:
            named.append((("abi", "interrupt_enable", "register"), abi.interrupt_enable.register))
        named += [(("abi", "call_states", i, "bits", j, "register"), reg)
                  for i, state in enumerate(abi.call_states)
                  for j, (reg, _, _) in enumerate(state.bits)]
        named += [(("abi", "scratch", i), reg) for i, (reg, _) in enumerate(abi.scratch)]
        others = {reg for _, reg in named}
        for reg in abi.foreign:
            if reg in others:
                raise self.doc.error(("abi", "foreign"), f"{reg}: also a register the ABI "
                                     f"passes, keeps or leaves undefined (a foreign register "
                                     f"is none of these)")
        named += [(("abi", "foreign"), reg) for reg in abi.foreign]
        named += [(("interrupt", "clobbers", i), reg) for i, reg in enumerate(port.interrupt_clobbers)]
        for key in ("restores", "state_changes"):
            named += [(("interrupt", key, i, "register"), bits.register)
                      for i, bits in enumerate(getattr(port, f"interrupt_{key}"))]
        for path, reg in named:
            problem = cpu.register_problem(reg)
            if problem:
                raise self.doc.error(path, problem)
        for i, bits in enumerate(port.interrupt_restores):
            if bits.register in port.interrupt_clobbers:
                raise self.doc.error(("interrupt", "restores", i, "register"),
                                     f"{bits.register} is in interrupt.clobbers: an interrupt "
                                     f"may change it, so it cannot give it back")
        for i, bits in enumerate(port.interrupt_state_changes):
            state = 0
            for kept in abi.state:
                if kept.register == bits.register:
                    state |= kept.mask
            if bits.mask & ~state:
                raise self.doc.error(("interrupt", "state_changes", i, "mask"),
                                     f"{bits.mask:#x}: bits {bits.mask & ~state:#x} of "
                                     f"{bits.register} are not abi.state bits")
        for reg, value in port.reset.items():
            problem = cpu.register_problem(str(reg), value)
            if problem:
                raise self.doc.error(("cpu", "reset", reg), problem)
        for i, bits in enumerate(abi.entry_state):   # the kernel runs its C code in cpu.reset
            if bits.register in port.reset and port.reset[bits.register] & bits.mask != bits.value:
                raise self.doc.error(("abi", "entry_state", i, "value"),
                                     f"{bits.value:#x}: cpu.reset gives {bits.register}&"
                                     f"{bits.mask:#x} ({bits.name}) "
                                     f"{port.reset[bits.register] & bits.mask:#x}, the state the "
                                     f"kernel runs in, C functions included")
        self.check_interrupt_enable(port)
        self.check_call_states(port)
        return port

    def check_frame_pointer(self, abi) -> None:
        """abi.frame_pointer: a preserved register, on a downward stack with
        register windows, its link a register's word of the save area (16
        registers: V8 4 bytes each, V9 8); a call state's
        older_windows no more than its frames."""
        pointer, where = abi.frame_pointer, ("abi", "frame_pointer")
        if pointer is not None:
            if pointer.register not in abi.preserved:
                raise self.doc.error(where + ("register",), f"{pointer.register}: expected a "
                                     f"register of abi.preserved (the caller's, kept)")
            if not abi.window_save_area or abi.stack_grows == "up":
                raise self.doc.error(where, "a frame pointer's frames need register windows "
                                            "(abi.window_save_area) on a downward stack")
            word = abi.window_save_area // 16   # a save area is 16 registers
            if pointer.link % word or not 0 <= pointer.link < abi.window_save_area:
                raise self.doc.error(where + ("link",), f"{pointer.link}: expected a word of "
                                     f"the {abi.window_save_area}-byte window save area")
        frames = pointer.frames if pointer is not None else 0
        for i, state in enumerate(abi.call_states):
            if state.older_windows > frames:
                raise self.doc.error(("abi", "call_states", i, "older_windows"),
                                     f"{state.older_windows}: more windows than "
                                     f"abi.frame_pointer's {frames} frames")

    def check_call_states(self, port: PortModel) -> None:
        """abi.call_states: abi.state bits (so ``preserves`` asks a routine
        to give them back) outside the priority field, set in cpu.reset to
        another value (the usual start's), one register once in an entry."""
        prio = port.priority
        for i, state in enumerate(port.abi.call_states):
            seen = set()
            differs = False
            for j, (reg, mask, value) in enumerate(state.bits):
                where = ("abi", "call_states", i, "bits", j)
                if reg in seen:
                    raise self.doc.error(where + ("register",), f"{reg}: given twice in this state")
                seen.add(reg)
                if prio.register == reg:
                    hi, lo = prio.bits
                    if mask & ((1 << (hi - lo + 1)) - 1) << lo:
                        raise self.doc.error(where + ("mask",), f"{mask:#x}: overlaps the "
                                             f"priority field (each pair sets that itself)")
                kept = 0
                for bits in port.abi.state:
                    if bits.register == reg:
                        kept |= bits.mask
                if mask & ~kept:
                    raise self.doc.error(where + ("mask",), f"{mask:#x}: bits {mask & ~kept:#x} "
                                         f"of {reg} are not abi.state bits")
                if reg not in port.reset:
                    raise self.doc.error(where + ("register",), f"{reg}: cpu.reset does not set "
                                         f"it (the usual start's value)")
                differs |= port.reset[reg] & mask != value
            if not differs:
                raise self.doc.error(("abi", "call_states", i, "bits"),
                                     "every bit as cpu.reset has it: that is the usual start")

    def check_interrupt_enable(self, port: PortModel) -> None:
        """abi.interrupt_enable: abi.state bits (so ``preserves`` asks a
        routine to give them back), apart from the priority, and on in
        cpu.reset (the kernel's usual state, every other start's)."""
        gate = port.abi.interrupt_enable
        if gate is None:
            return
        where = ("abi", "interrupt_enable")
        prio = port.priority
        if prio.register == gate.register:
            hi, lo = prio.bits
            if gate.mask & ((1 << (hi - lo + 1)) - 1) << lo:
                raise self.doc.error(where + ("mask",), f"{gate.mask:#x}: overlaps the priority "
                                     f"field (an enable apart from the priority is asked)")
        kept = 0
        for bits in port.abi.state:
            if bits.register == gate.register:
                kept |= bits.mask
        if gate.mask & ~kept:
            raise self.doc.error(where + ("mask",), f"{gate.mask:#x}: bits "
                                 f"{gate.mask & ~kept:#x} of {gate.register} are not abi.state bits")
        if gate.register not in port.reset or port.reset[gate.register] & gate.mask == gate.value:
            raise self.doc.error(where + ("disabled",), f"{gate.value:#x}: cpu.reset must set "
                                 f"{gate.register}&{gate.mask:#x} ({gate.name}) to another value: "
                                 f"the kernel runs with interrupts enabled")

    def ipls(self, table: dict) -> dict[str, Ipl]:
        result = {}
        for name, entry in table.items():
            path = ("ipl", name)
            if not isinstance(name, str) or not name.startswith("IPL_"):
                raise self.doc.error(path, "IPL names start with IPL_")
            self.only(entry, path, {"value", "spl", "source"})
            result[name] = Ipl(name, self.get(entry, path, "value", int),
                               self.get(entry, path, "spl", int), self.source(entry, path))
        if "IPL_NONE" not in result:
            raise self.doc.error(("ipl",), "IPL_NONE is required")
        return result

    def priority(self, entry: dict) -> Priority:
        path = ("priority",)
        self.only(entry, path, {"kind", "register", "bits", "symbol", "spl_bits", "pending",
                                "unmaskable", "invert", "source"})
        kind = self.get(entry, path, "kind", str)
        if kind not in ("level", "mask"):
            raise self.doc.error(path + ("kind",), "expected level or mask")
        register = self.get(entry, path, "register", str, False)
        symbol = self.get(entry, path, "symbol", str, False)
        if (register is None) == (symbol is None):
            raise self.doc.error(path, "give exactly one of register (a CPU register field) or symbol (a memory word)")
        pending = self.get(entry, path, "pending", str, False)
        if kind == "mask" and pending is None and symbol is not None:
            raise self.doc.error(path, "a mask in memory names its pending word (pending: symbol)")
        if pending is not None and pending == symbol:
            raise self.doc.error(path + ("pending",), f"{pending}: the pending word must be "
                                                      f"another word than the priority's")
        invert = self.get(entry, path, "invert", int, False, 0)
        if invert and kind != "mask":
            raise self.doc.error(path + ("invert",), "only a mask has bits that enable")
        return Priority(kind, register, self.bitrange(entry, path, "bits"), symbol,
                        self.bitrange(entry, path, "spl_bits"), pending,
                        self.get(entry, path, "unmaskable", int, False), self.source(entry, path),
                        invert)

    def sources(self, items: list, ipls: dict, priority: Priority) -> list[Source]:
        result = []
        for i, entry in enumerate(items):
            path = ("sources", i)
            self.only(entry, path, {"name", "ipl", "level", "bit", "vector", "soft", "stub",
                                    "handler", "source", "preemptible"})
            ipl = self.get(entry, path, "ipl", str)
            if ipl not in ipls:
                raise self.doc.error(path + ("ipl",), f"unknown IPL {ipl!r}")
            level = self.get(entry, path, "level", int, priority.kind == "level")
            bit = self.get(entry, path, "bit", int, priority.kind == "mask")
            name = self.get(entry, path, "name", str)
            if any(s.name == name for s in result):
                raise self.doc.error(path + ("name",), f"duplicate source {name!r}")
            sharing = next((s.name for s in result if bit is not None and s.bit == bit), None)
            if sharing:   # the pending word could not tell the two apart
                raise self.doc.error(path + ("bit",), f"bit {bit}: source {sharing!r} has it already; "
                                     "each source has a bit of its own")
            result.append(Source(
                name=name, ipl=ipl, level=level, bit=bit,
                vector=self.get(entry, path, "vector", int, False, 0),
                soft=self.get(entry, path, "soft", bool, False, False),
                stub=self.get(entry, path, "stub", str),
                handler=self.get(entry, path, "handler", str),
                source=self.source(entry, path),
                preemptible=self.get(entry, path, "preemptible", bool, False, True)))
        if not result:
            raise self.doc.error(("sources",), "at least one interrupt source is required")
        return result

    def abi(self, entry: dict) -> Abi:
        path = ("abi",)
        self.only(entry, path, {"args", "arg_size", "arg_bits", "result_bits", "result_upper",
                                "returns", "return_address",
                                "return_offset", "stack_bias", "stack_pointer", "stack_reserve", "window_save_area",
                                "call_stack_alignment", "entry_state", "interrupt_enable",
                                "call_states",
                                "stack_reserve_defined", "stack_reserve_kept", "back_chain", "frame_pointer",
                                "stack_grows", "preserved", "state",
                                "scratch", "foreign", "callee_address", "global_pointer",
                                "stack_address", "source"})
        args = self.get(entry, path, "args", (list, str))
        if args == "stack":
            args = None
        elif isinstance(args, list) and all(isinstance(a, str) for a in args):
            args = tuple(args)
        else:
            raise self.doc.error(path + ("args",), "expected 'stack' or a list of register names")
        ret_addr = self.get(entry, path, "return_address", str)
        callee = self.callee_address(entry, path)
        if self.stack_direction(entry, path) == "up" and (args is None or ret_addr == "stack"):
            raise self.doc.error(path + ("stack_grows",), "an upward stack takes arguments and "
                                 "the return address in registers")
        if ret_addr == "stack" and self.get(entry, path, "stack_reserve", int, False, 0):
            raise self.doc.error(path + ("stack_reserve",), "a reserve beyond the caller's stack "
                                 "pointer needs the return address in a register (the call "
                                 "pushes nothing between them)")
        return Abi(args=args,
                   arg_size=self.get(entry, path, "arg_size", int, False, 4),
                   arg_bits=self.get(entry, path, "arg_bits", int, False),
                   result_bits=self.get(entry, path, "result_bits", int, False),
                   result_upper=self.get(entry, path, "result_upper", str, False),
                   returns=self.get(entry, path, "returns", str),
                   return_address=None if ret_addr == "stack" else ret_addr,
                   return_offset=self.get(entry, path, "return_offset", int, False, 0),
                   stack_pointer=self.get(entry, path, "stack_pointer", str),
                   stack_reserve=self.get(entry, path, "stack_reserve", int, False, 0),
                   stack_bias=self.get(entry, path, "stack_bias", int, False, 0),
                   window_save_area=self.get(entry, path, "window_save_area", int, False, 0),
                   call_stack_alignment=self.call_stack_alignment(entry, path),
                   stack_reserve_defined=self.offsets(entry, path, "stack_reserve_defined"),
                   stack_reserve_kept=self.kept_words(entry, path),
                   back_chain=self.back_chain(entry, path),
                   frame_pointer=self.frame_pointer(entry, path),
                   stack_grows=self.stack_direction(entry, path),
                   stack_address=self.get(entry, path, "stack_address", int, False),
                   source=self.source(entry, path),
                   preserved=self.strings(entry, path, "preserved", False),
                   state=self.state_bits(entry, path),
                   scratch=self.scratch(entry, path),
                   foreign=self.foreign(entry, path),
                   callee_address=callee[0] if callee else None,
                   callee_address_source=callee[1] if callee else None,
                   entry_state=self.entry_state(entry, path),
                   interrupt_enable=self.interrupt_enable(entry, path),
                   call_states=self.call_states(entry, path),
                   global_pointer=self.global_pointer(entry, path))

    def callee_address(self, entry: dict, path: tuple) -> tuple[str, str | None] | None:
        """``callee_address: pv`` or ``{register: pv, source: ...}``, optional:
        (register, source or None)."""
        if not isinstance(entry.get("callee_address"), dict):
            name = self.get(entry, path, "callee_address", str, False)
            return None if name is None else (name, None)
        item = entry["callee_address"]
        here = path + ("callee_address",)
        self.only(item, here, {"register", "source"})
        return self.get(item, here, "register", str), self.source(item, here)

    def entry_state(self, entry: dict, path: tuple) -> tuple[EntryBits, ...]:
        """``[{register, mask, value, name, source}]``, optional: bits every
        C function is entered with; ``value`` inside ``mask``."""
        return tuple(self.entry_bits(item, path + ("entry_state", i), "value")
                     for i, item in enumerate(self.get(entry, path, "entry_state", list, False, [])))

    def interrupt_enable(self, entry: dict, path: tuple) -> EntryBits | None:
        """``{register, mask, disabled, name, source}``, optional: the bits
        of the CPU's interrupt enable and their value with interrupts off."""
        item = self.get(entry, path, "interrupt_enable", dict, False)
        return None if item is None else self.entry_bits(item, path + ("interrupt_enable",),
                                                          "disabled")

    def call_states(self, entry: dict, path: tuple) -> tuple[CallState, ...]:
        """``[{name, bits: [{register, mask, value}], interrupts_off, source}]``,
        optional: the other states a caller may call a routine in."""
        result = []
        for i, item in enumerate(self.get(entry, path, "call_states", list, False, [])):
            where = path + ("call_states", i)
            self.only(item, where, {"name", "bits", "interrupts_off", "older_windows", "source"})
            name = self.get(item, where, "name", str)
            if any(state.name == name for state in result):
                raise self.doc.error(where + ("name",), f"duplicate call state {name!r}")
            bits = []
            for j, one in enumerate(self.get(item, where, "bits", list)):
                here = where + ("bits", j)
                self.only(one, here, {"register", "mask", "value"})
                mask = self.get(one, here, "mask", int)
                if mask <= 0:
                    raise self.doc.error(here + ("mask",), "expected a positive bit mask")
                value = self.get(one, here, "value", int)
                if value < 0 or value & ~mask:
                    raise self.doc.error(here + ("value",), f"{value:#x}: expected bits of the "
                                         f"mask {mask:#x} (the value those bits hold)")
                bits.append((self.get(one, here, "register", str), mask, value))
            if not bits:
                raise self.doc.error(where + ("bits",), "expected at least one field")
            older = self.get(item, where, "older_windows", int, False, 0)
            self.within(where + ("older_windows",), older, 0, 8, "windows")
            result.append(CallState(name, tuple(bits),
                                     self.get(item, where, "interrupts_off", bool, False, False),
                                     self.source(item, where), older))
        return tuple(result)

    def entry_bits(self, item: dict, where: tuple, key: str) -> EntryBits:
        """``{register, mask, <key>, name, source}``: ``key``'s value inside ``mask``."""
        self.only(item, where, {"register", "mask", key, "name", "source"})
        mask = self.get(item, where, "mask", int)
        if mask <= 0:
            raise self.doc.error(where + ("mask",), "expected a positive bit mask")
        value = self.get(item, where, key, int)
        if value < 0 or value & ~mask:
            raise self.doc.error(where + (key,), f"{value:#x}: expected bits of the "
                                 f"mask {mask:#x} (the value those bits hold)")
        return EntryBits(self.get(item, where, "register", str), mask, value,
                         self.get(item, where, "name", str), self.source(item, where))

    def global_pointer(self, entry: dict, path: tuple) -> tuple[str, str] | None:
        """``global_pointer: {register: dp, symbol: $global$}`` or absent."""
        pointer = self.get(entry, path, "global_pointer", dict, False)
        if pointer is None:
            return None
        here = path + ("global_pointer",)
        self.only(pointer, here, {"register", "symbol"})
        return self.get(pointer, here, "register", str), self.get(pointer, here, "symbol", str)

    def compiler(self, top: dict) -> Compiler | None:
        """The optional ``compiler`` section: what C snippets are built with."""
        if "compiler" not in top:
            return None
        path = ("compiler",)
        entry = self.get(top, (), "compiler", dict)
        self.only(entry, path, {"triple", "flags", "declarations", "source"})
        return Compiler(triple=self.get(entry, path, "triple", str),
                        flags=self.strings(entry, path, "flags", False),
                        declarations=self.strings(entry, path, "declarations", False),
                        source=self.source(entry, path))

    def stack_direction(self, entry: dict, path: tuple) -> str:
        grows = self.get(entry, path, "stack_grows", str, False, "down")
        if grows not in ("down", "up"):
            raise self.doc.error(path + ("stack_grows",), f"{grows!r}: expected 'down' or 'up'")
        return grows

    def offsets(self, entry: dict, path: tuple, key: str) -> tuple[int, ...]:
        """``[0, 4]``: byte offsets (non-negative integers), optional."""
        value = self.get(entry, path, key, list, False, [])
        for i, item in enumerate(value):
            if not isinstance(item, int) or isinstance(item, bool) or item < 0:
                raise self.doc.error(path + (key, i), f"expected a byte offset, got {item!r}")
        return tuple(value)

    def call_stack_alignment(self, entry: dict, path: tuple) -> int:
        """``{bytes: 16, source: ...}``, optional (absent: 1, no rule)."""
        item = self.get(entry, path, "call_stack_alignment", dict, False)
        if item is None:
            return 1
        where = path + ("call_stack_alignment",)
        self.only(item, where, {"bytes", "source"})
        self.source(item, where)
        return self.get(item, where, "bytes", int)

    def kept_words(self, entry: dict, path: tuple) -> tuple[KeptWord, ...]:
        """``[{offset: 0, name: the back chain, source: ...}]``, optional."""
        result, names = [], set()
        for i, item in enumerate(self.get(entry, path, "stack_reserve_kept", list, False, [])):
            where = path + ("stack_reserve_kept", i)
            self.only(item, where, {"offset", "name", "source"})
            offset = self.get(item, where, "offset", int)
            if offset < 0:
                raise self.doc.error(where + ("offset",), f"expected a byte offset, got {offset}")
            name = self.get(item, where, "name", str)
            if offset in names:
                raise self.doc.error(where + ("offset",), f"{offset}: named twice")
            names.add(offset)
            result.append(KeptWord(offset, name, self.source(item, where)))
        return tuple(result)

    def run_at_kernel_text(self, asm: dict) -> bool:
        """``assembler.run_at_kernel_text: true``, optional, with kernel_text."""
        run = self.get(asm, ("assembler",), "run_at_kernel_text", bool, False, False)
        if run and asm.get("kernel_text") is None:
            raise self.doc.error(("assembler", "run_at_kernel_text"), "needs kernel_text")
        return run

    def back_chain(self, entry: dict, path: tuple) -> BackChain | None:
        """``{offset: 0, frame: 16, return_address: 4, frames: 3, source}``,
        optional (BackChain)."""
        item = self.get(entry, path, "back_chain", dict, False)
        if item is None:
            return None
        where = path + ("back_chain",)
        self.only(item, where, {"offset", "frame", "return_address", "frames", "source"})
        chain = BackChain(offset=self.get(item, where, "offset", int),
                          frame=self.get(item, where, "frame", int),
                          return_address=self.get(item, where, "return_address", int),
                          frames=self.get(item, where, "frames", int),
                          source=self.source(item, where))
        self.within(where + ("frames",), chain.frames, 1, 8, "frames")
        self.within(where + ("frame",), chain.frame, 8, 256, "bytes")
        if chain.frame % 4 or chain.return_address % 4 \
                or not 4 <= chain.return_address <= chain.frame - 4:
            raise self.doc.error(where + ("return_address",),
                                 f"{chain.return_address}: expected a word inside the "
                                 f"{chain.frame}-byte frame past its link word (multiples of 4)")
        return chain

    def frame_pointer(self, entry: dict, path: tuple) -> FramePointer | None:
        """``{register: i6, link: 0x70, frames: 2, source}``, optional
        (FramePointer)."""
        item = self.get(entry, path, "frame_pointer", dict, False)
        if item is None:
            return None
        where = path + ("frame_pointer",)
        self.only(item, where, {"register", "link", "frames", "source"})
        pointer = FramePointer(register=self.get(item, where, "register", str),
                               link=self.get(item, where, "link", int),
                               frames=self.get(item, where, "frames", int),
                               source=self.source(item, where))
        self.within(where + ("frames",), pointer.frames, 1, 8, "frames")
        return pointer

    def foreign(self, entry: dict, path: tuple) -> tuple[str, ...]:
        """``[{registers: [xmm0, ...], source: ...}]``, optional: the
        registers of every group, in order, each named once."""
        names: list[str] = []
        for i, item in enumerate(self.get(entry, path, "foreign", list, False, [])):
            where = path + ("foreign", i)
            self.only(item, where, {"registers", "source"})
            self.source(item, where)
            for name in self.strings(item, where, "registers"):
                if name in names:
                    raise self.doc.error(where + ("registers",), f"{name}: named twice")
                names.append(name)
        return tuple(names)

    def scratch(self, entry: dict, path: tuple) -> tuple[tuple[str, int | None], ...]:
        """``[eax, ecx, "eflags:0x8d5"]``: whole registers, or some bits of one."""
        result = []
        for i, text in enumerate(self.strings(entry, path, "scratch", False)):
            name, colon, mask = text.partition(":")
            try:
                bits = int(mask, 0) if colon else None
            except ValueError:
                bits = 0
            if bits is not None and bits <= 0:
                raise self.doc.error(path + ("scratch", i), "expected REGISTER or REGISTER:MASK "
                                     "(a positive bit mask)")
            result.append((name, bits))
        return tuple(result)

    def enable_register(self, interrupt: dict) -> EnableRegister | None:
        """interrupt.enable_register: {address, size, reset, all, name
        (optional), source}."""
        entry = self.get(interrupt, ("interrupt",), "enable_register", dict, False)
        if entry is None:
            return None
        path = ("interrupt", "enable_register")
        self.only(entry, path, {"address", "size", "reset", "all", "name", "soft_requests",
                                "source"})
        size = self.get(entry, path, "size", int)
        if size not in (1, 2, 4):
            raise self.doc.error(path + ("size",), "expected 1, 2 or 4 bytes")
        address = self.get(entry, path, "address", int)
        self.within(path + ("address",), address, 0, 0xFFFFFFFF, "a 32-bit address")
        if address % size:
            raise self.doc.error(path + ("address",), f"expected an address aligned to {size} bytes")
        top = (1 << 8 * size) - 1
        every = self.get(entry, path, "all", int)
        self.within(path + ("all",), every, 1, top, "bits of the register")
        reset = self.get(entry, path, "reset", int)
        self.within(path + ("reset",), reset, 0, top, "a value of the register")
        name = self.get(entry, path, "name", str, False)
        soft = []
        for i, item in enumerate(self.get(entry, path, "soft_requests", list, False, [])):
            where = path + ("soft_requests", i)
            self.only(item, where, {"level", "bit"})
            level, bit = self.get(item, where, "level", int), self.get(item, where, "bit", int)
            self.within(where + ("level",), level, 1, 63, "a request level")
            if bit <= 0 or bit & (bit - 1) or bit > top or bit & every:
                raise self.doc.error(where + ("bit",), "expected one bit of the register, "
                                     "not one of `all`")
            soft.append((level, bit))
        return EnableRegister(address, size, reset, every, self.source(entry, path), name,
                              tuple(soft))

    def state_bits(self, entry: dict, path: tuple, key: str = "state") -> tuple[StateBits, ...]:
        """A list of {register, mask, name (optional), source}: ``abi.state``
        (also ``caller``, optional), ``interrupt.restores``,
        ``interrupt.state_changes``."""
        result = []
        for i, item in enumerate(self.get(entry, path, key, list, False, [])):
            where = path + (key, i)
            self.only(item, where, {"register", "mask", "name", "source",
                                    *(("caller",) if key == "state" else ())})
            mask = self.get(item, where, "mask", int)
            if mask <= 0:
                raise self.doc.error(where + ("mask",), "expected a positive bit mask")
            result.append(StateBits(self.get(item, where, "register", str), mask,
                                    self.source(item, where),
                                    self.get(item, where, "name", str, False),
                                    self.get(item, where, "caller", bool, False, False)))
        return tuple(result)

    def routines(self, table: dict, ipls: dict) -> dict[str, Routine]:
        result = {}
        for name, entry in table.items():
            path = ("routines", name)
            self.only(entry, path, {"symbol", "kind", "returns", "argument", "ipl", "source"})
            kind = self.get(entry, path, "kind", str)
            if kind not in ROUTINE_KINDS:
                raise self.doc.error(path + ("kind",), f"expected one of {', '.join(ROUTINE_KINDS)}")
            ipl = self.get(entry, path, "ipl", str, kind == "set")
            if ipl is not None and kind != "set":
                raise self.doc.error(path + ("ipl",), "only a set routine has a fixed IPL")
            if ipl is not None and ipl not in ipls:
                raise self.doc.error(path + ("ipl",), f"unknown IPL {ipl!r} (known: {', '.join(ipls)})")
            if kind == "set" and "argument" in entry:
                raise self.doc.error(path + ("argument",), "a set routine takes no argument")
            returns = self.get(entry, path, "returns", str, False, "spl")
            if returns not in ("spl", "none"):
                raise self.doc.error(path + ("returns",), "expected spl (the default) or none (void)")
            argument = self.get(entry, path, "argument", str, False, "spl")
            if argument not in ARGUMENT_KINDS:
                raise self.doc.error(path + ("argument",), "expected spl (the default), ipl (an IPL_* "
                                                           "number) or blocked (the sources to block)")
            result[name] = Routine(name, self.get(entry, path, "symbol", str), kind,
                                   self.source(entry, path), returns == "spl", argument, ipl)
        return result
