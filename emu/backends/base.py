"""The seam between the generic machine and one emulated CPU.

A backend knows the silicon's rules (how the CPU takes an interrupt, which
level it accepts, how it returns) and nothing about a NetBSD port: the port's
facts arrive as data from archs/<port>.yaml through the Machine.

The machine drives a backend like this::

    backend.map_memory(base, size); backend.write_memory(addr, data)
    backend.write_register("sp", top)          # names as in the port YAML
    backend.run(on_boundary)                   # on_boundary(pc) -> bool

``run`` calls ``on_boundary(pc)`` before every instruction (delay slots
included: each one is its own boundary).  Inside the callback the machine may
read registers and memory, call ``take_interrupt``, or return False to stop
before that instruction executes.
"""

from __future__ import annotations

import re
from typing import Callable


class Unmodelled(str):
    """A reason that names what this model does not cover (a legal
    instruction it does not run, a device, a register the machine holds
    elsewhere, the kernel's trap handler), as opposed to a plain ``str``
    reason, which names what the CPU itself refuses or leaves undefined:
    ``fault_at`` makes a NotModelled of it."""


class CpuFault(Exception):
    """The guest did something the CPU refuses (unmapped access, illegal or
    unimplemented instruction, an unexpected trap).  ``address`` is the PC of
    the faulting instruction (or the data address for an unmapped access when
    the PC is unknown); ``str()`` is one line for the user."""

    def __init__(self, address: int, message: str):
        super().__init__(f"{message} at 0x{address:08x}")
        self.address = address
        self.message = message


class NotModelled(CpuFault):
    """The guest reached something this model does not cover (Unmodelled):
    no fault of the guest's, and nothing the model can judge.  `check`
    gives the routine no verdict (exit 2, unless another property fails
    with a counter-example); `run` and `race` stop with one line, exit 2."""

    def __init__(self, address: int, message: str):
        super().__init__(address, f"not modelled: {message}")


def fault_at(address: int, reason: str) -> CpuFault:
    """The fault a ``reason`` makes at ``address``: NotModelled for an
    Unmodelled one, else CpuFault."""
    return (NotModelled if isinstance(reason, Unmodelled) else CpuFault)(address, reason)


#: what every fault at a legal instruction the model does not run says
#: (not_run), apart from the CPU's own faults (an illegal or privileged
#: instruction, an unmapped access): the reason is the model's, not the
#: routine's, so it is Unmodelled (no verdict)
NOT_RUN = "a legal instruction this model does not run"


def not_run(text: str, reference: str) -> Unmodelled:
    """The reason at a legal instruction this model does not run: ``text``
    names it (its disassembly), ``reference`` the manual section that
    defines it, with what it would do."""
    return Unmodelled(f"{text}: {NOT_RUN} ({reference})")


#: what a fault at an instruction word the model's decoder does not know
#: says (not_decoded): it cannot tell a legal instruction it lacks from one
#: the CPU itself would refuse
NOT_DECODED = "not in this model's decode table (a legal instruction it does not run, or an illegal one)"


#: what it says instead where the assembler emitted the word as an
#: instruction (Backend.assembled): it is legal, so no verdict (Unmodelled)
ASSEMBLED = ("a legal instruction this model does not run (the assembler emitted it; the "
             "model's decode table lacks it)")


def vectors_moved(what: str) -> Unmodelled:
    """The reason at a write of where the CPU finds its trap or interrupt
    vectors (``what``: the instruction and its manual section): this
    model's interrupt entry goes to the ports' stubs directly, whatever
    the register says."""
    return Unmodelled(f"{what}: the CPU's interrupt entry would go elsewhere, and this model "
                      f"enters the ports' stubs directly")


def not_decoded(text: str, code: str) -> str:
    """The message of a fault at an instruction the model's decoder lacks:
    ``text`` its disassembly (or what is known of it), ``code`` its word."""
    return f"{text} ({code}): {NOT_DECODED}"


class Backend:
    """One emulated CPU.  Subclasses implement every method below.

    Class attributes a subclass sets:
      ``family``          the CPU family name used by archs/*.yaml ``cpu.family``
      ``register_bits``   the width of a general register (32, or 64 on alpha)
      ``write_latencies`` the possible delays, in instructions, before a write
                          to the priority register takes effect for interrupt
                          acceptance (SPARC V8 wr %psr: (0, 1, 2, 3)); (0,)
                          where a write takes effect at once.
    """

    family: str = ""
    #: the addresses of the instructions the image's assembler or compiler
    #: emitted (its line table; the Machine sets it): a word there the
    #: model's decoder lacks is a legal instruction (no verdict), a word
    #: elsewhere (data run as code, a .word) one the CPU may refuse
    assembled: frozenset[int] = frozenset()
    write_latencies: tuple[int, ...] = (0,)
    register_bits: int = 32
    #: (address, size) of memory the backend keeps for itself; an image must not overlap it
    reserved: tuple[tuple[int, int], ...] = ()
    #: the syntaxes ``disassemble`` can print (archs/*.yaml ``assembler.syntax``),
    #: its default first; empty where it prints one syntax only
    syntaxes: tuple[str, ...] = ()
    #: a PC-relative memory operand in ``disassemble``'s text: group ``disp``
    #: is the displacement (a signed number) from ``pc_relative_base``; a
    #: trace names the address it reaches after ``comment`` (objdump's
    #: ``# 0x10470``, GDB's ``<cpl>``).  None: the CPU has none.
    pc_relative: re.Pattern | None = None
    comment: str = "#"
    #: a memory operand at ``offset`` bytes from ``register`` as GNU as
    #: writes it for this CPU (memory_operand: a counter-example names a word
    #: of the caller's frame so)
    operand_form: str = "{offset}({register})"
    #: the registers a trace with --regs compares after every step, in the
    #: names the disassembly uses (no aliases, no program counter)
    trace_registers: tuple[str, ...] = ()
    #: an address in ``disassemble``'s text (a branch or call target, an
    #: absolute memory operand), never an immediate: group ``literal`` is
    #: the text a symbol replaces, group ``hex`` the address in hex.  This
    #: default: a bare 0x number (not after $ # % or a sign, not a
    #: displacement before a parenthesis)
    address_literal: re.Pattern = re.compile(
        r"(?<![\w$#%.+-])(?P<literal>0x(?P<hex>[0-9a-fA-F]+))\b(?!\()")

    def __init__(self, model: str | None = None):
        self.model = model
        #: delay used for interrupt acceptance after a priority write; one of
        #: ``write_latencies``.  The machine sets it before ``run``.
        self.latency = max(self.write_latencies)

    # -- memory ---------------------------------------------------------
    def map_memory(self, address: int, size: int) -> None:
        """Map ``size`` bytes (page multiples) of zeroed RAM at ``address``."""
        raise NotImplementedError

    def protect_memory(self, address: int, size: int, what: str) -> None:
        """Make mapped pages read-only to guest instructions: a store there
        faults ("write of 0x..., ``what``"); write_memory still writes."""
        raise NotImplementedError

    def write_memory(self, address: int, data: bytes) -> None:
        raise NotImplementedError

    def read_memory(self, address: int, size: int) -> bytes:
        raise NotImplementedError

    #: accesses of guest instructions to the ranges given to watch_memory are
    #: noted (in ``own_touched``) only while this is true: the run loop sets
    #: it at every boundary to "no interrupt in flight" (runloop.Run)
    own_top: bool = True
    #: (start, end) of the watched ranges (watch_memory); empty: none
    _watched: tuple = ()

    def watch_memory(self, ranges: tuple[tuple[int, int], ...]) -> None:
        """Note in ``own_touched`` (a set of addresses) every byte of
        ``ranges`` ((address, length)) a guest instruction reads or writes
        while ``own_top``, and in ``own_written`` those it writes; writes
        by the host (write_memory) and instruction fetches are not guest
        accesses.  Called once; a second call replaces the ranges."""
        self.own_touched: set[int] = set()
        self.own_written: set[int] = set()
        self._watched = tuple((addr, addr + length) for addr, length in ranges)

    def _note_access(self, address: int, size: int, write: bool) -> None:
        """A guest access of ``size`` bytes at ``address`` (watch_memory)."""
        end = address + size
        for lo, hi in self._watched:
            if address < hi and lo < end:
                touched = range(max(lo, address), min(hi, end))
                self.own_touched.update(touched)
                if write:
                    self.own_written.update(touched)

    def image_loaded(self, segments: list[tuple[int, bytes]]) -> None:
        """The guest's image, (address, bytes) per segment, is in memory and
        nothing has run: a backend that studies the code before running it
        (MIPS I: its load delay slots) does it here, and adds the emulator
        hooks it needs once (docs/emulators.md: a hook added later makes
        the emulator translate again).  This default: nothing."""

    # -- registers ------------------------------------------------------
    def read_register(self, name: str) -> int:
        """Read a register by its lower-case assembler name (``eax``, ``sr``,
        ``psr``, ``o0``, ``sp``, ``pc``...).  Unknown names raise KeyError."""
        raise NotImplementedError

    def write_register(self, name: str, value: int) -> None:
        raise NotImplementedError

    #: register -> the bits a read between two instructions may get wrong
    #: (unicorn's m68k CCR: docs/emulators.md); read_exactly reads them
    #: right, between runs only.  Any other read must work inside a run
    #: too (a case's interrupt return is seen from a hook): a backend whose
    #: register only guest code can read finds another way (powerpc XER's
    #: SO/OV/CA)
    inexact_bits: dict[str, int] = {}

    def read_exactly(self, name: str) -> int:
        """Register ``name`` with its ``inexact_bits`` as the guest sees
        them, between two runs (a backend with inexact bits reads them by
        guest code).  This default: read_register."""
        return self.read_register(name)

    def unwritten_bits(self, name: str, fields: tuple[tuple[int, int], ...]) -> int:
        """The bits of register ``name``'s ``fields`` ((entry value, mask)
        pairs) that no instruction has written since the engine gave them
        their entry value at the call (engine writes through
        ``write_register`` are not instructions).  This default judges by
        value: a whole field when it still equals its entry value, else
        none of it.  Never-written bits are always judged so (no false
        "written"); a field an instruction rewrote with its entry value
        looks unwritten, which for a one-bit flag is half of all writes: a
        backend that tracks writes of such a field overrides this."""
        raw = self.read_register(name)
        bits = 0
        for entry, mask in fields:
            if raw & mask == entry:
                bits |= mask
        return bits

    #: register -> {flag name: its bit}: the condition-code bits whose
    #: writes ``written_flags`` knows instruction by instruction (the
    #: engine then tracks which of them were never written since the call
    #: exactly, instead of asking ``unwritten_bits``)
    flag_bits: dict[str, dict[str, int]] = {}

    def written_flags(self, address: int) -> tuple[tuple[str, int], ...]:
        """(register, bits) of ``flag_bits`` the instruction at ``address``
        may write (an instruction that leaves a flag undefined writes it; a
        write with a count of 0 that changes nothing still counts: never a
        false "unwritten").  This default: none (no flag is tracked)."""
        return ()

    def undefined_flags(self, address: int) -> tuple[tuple[str, int], ...]:
        """(register, bits) of ``flag_bits`` the instruction at ``address``
        leaves undefined (among those written_flags gives): the engine gives
        them the world's poison after it, as a call's entry does, and counts
        them unwritten again (a routine that branches on one fails
        defined_only).  This default: none."""
        return ()

    #: set by the machine: gives the (register, bits) it is called with the
    #: poison of the world the run is in (Poisoner.poison_left_undefined),
    #: for what the CPU or its firmware leaves undefined in the middle of
    #: a run by itself (alpha PALcode's clobbers), in any kind of run
    poison_now: "Callable[[tuple[tuple[str, int], ...]], None] | None" = None
    #: while set (a case's run_watching), called with the (register, bits)
    #: instructions left undefined (undefined_flags) before any instruction
    #: reads them: the engine gives them the world's poison (a stepped run
    #: does that itself after each instruction).  A backend whose
    #: undefined_flags is never empty honours it; None: not asked
    left_undefined: "Callable[[tuple[tuple[str, int], ...]], None] | None" = None
    #: whether a register write from a hook inside a run reaches the flags
    #: the guest reads next (x86, arm: yes; m68k: its lazy condition codes
    #: are read stale and written wrong there, docs/emulators.md): where
    #: not, the run stops and left_undefined is called between two runs
    flags_written_in_hooks = True
    #: called (no arguments) after an instruction took a new register
    #: window (SPARC SAVE), the new window current: a CPU with fewer free
    #: windows would have taken a window overflow trap there, which spills
    #: an older window into its save area (Poisoner.spill_windows).  None:
    #: not asked; a backend without register windows never calls it
    window_saved: "Callable[[], None] | None" = None
    #: set by the machine (abi.stack_bias, when abi.window_save_area is
    #: set): a register window's save area is at its stack pointer plus
    #: this, where a backend that runs the kernel's window spill and fill
    #: itself (SPARC V9 FLUSHW, the fill after it) stores and loads the
    #: window.  None: it cannot, and such a spill or fill is not run
    window_save_bias: int | None = None
    #: set by the engine for a case's run (explore.run_case): where the
    #: CPU's manual lets an implementation go either way, world 0 goes one
    #: way and world 1 the other (``implementation_choice`` says how), so
    #: a case that ends differently fails defined_only, as one reading an
    #: undefined register does
    choice_world = 0
    #: set by the engine during a case's run (explore.run_case): a set that
    #: gets the address of every block (an interpreter: every instruction)
    #: run_watching runs while it is set; None: nothing is logged
    code_log: "set[int] | None" = None
    #: what world 1 does otherwise, for a counter-example; None: the CPU
    #: leaves nothing a case can meet to the implementation
    implementation_choice: str | None = None

    def flag_mask(self, name: str) -> int:
        """All the bits of register ``name`` in ``flag_bits`` (0: none)."""
        mask = 0
        for bit in self.flag_bits.get(name, {}).values():
            mask |= bit
        return mask

    def flag_name(self, name: str, bits: int) -> str:
        """``eflags CF``: the flags of register ``name`` among ``bits``, by
        their names in ``flag_bits`` (``name (bits 0x..)`` otherwise)."""
        names = [flag for flag, bit in self.flag_bits.get(name, {}).items() if bits & bit]
        return f"{name} {' '.join(names)}" if names else f"{name} (bits {bits:#x})"

    def set_bits(self, name: str, bits: int, value: int) -> None:
        """Give the ``bits`` of register ``name`` those of ``value``, the
        other bits as the CPU holds them (read_exactly, flip_bits); with
        neither overridden, one read and at most one write."""
        now = self.read_exactly(name)
        wrong = (now ^ value) & bits
        if not wrong:
            return
        if type(self).flip_bits is Backend.flip_bits \
                and type(self).read_exactly is Backend.read_exactly:
            self.write_register(name, now ^ wrong)
        else:
            self.flip_bits(name, wrong)

    def flip_bits(self, name: str, bits: int) -> None:
        """Invert the ``bits`` of register ``name``, the other bits as the
        CPU holds them.  This default reads the register and writes it
        back; a backend whose read of some bits is not exact between
        instructions (m68k's CCR) flips them by guest code."""
        self.write_register(name, self.read_register(name) ^ bits)

    def register_reader(self, names) -> "Callable[[], tuple[int, ...]]":
        """A function reading ``names`` (in that order) as one tuple, made
        once for a list read at every case (a backend may batch it)."""
        read = self.read_register
        names = tuple(names)
        return lambda: tuple(read(name) for name in names)

    def raw_reader(self, names) -> tuple:
        """(a function reading ``names`` as one bytes object, and each
        one's (name, offset, size) in it): for registers compared only as
        a whole most of the time (abi.foreign), which a caller decodes
        (each register's bytes in host order) only where they differ.
        This default joins read_register's values."""
        import sys
        layout, offset = [], 0
        for name in names:
            size = (self.register_width(name) + 7) // 8
            layout.append((name, offset, size))
            offset += size
        read = self.read_register
        return (lambda: b"".join(read(name).to_bytes(size, sys.byteorder)
                                 for name, _, size in layout)), tuple(layout)

    def fixed_writer(self, values) -> "Callable[[], None]":
        """A function writing the same (name, value) pairs, in order, each
        time it is called (a backend may prepare them as one batch).
        This default: write_registers."""
        values = tuple(values)
        return lambda: self.write_registers(values)

    def holdable(self, name: str, value: int) -> int:
        """The value nearest ``value`` that register ``name`` can hold as the
        architecture defines it (a poison must be a state the CPU can be
        in: a save and restore may rebuild the rest).  This default:
        ``value``."""
        return value

    def register_width(self, name: str) -> int:
        """The bits register ``name`` holds (what a poison written to it
        may fill); this default: a general register's."""
        return self.register_bits

    def write_registers(self, values) -> None:
        """Write (name, value) pairs, in order, as one batch (a backend
        whose registers share one costly write may join them: powerpc's
        SPRGs, one CPU-state copy).  This default writes them one by one."""
        for name, value in values:
            self.write_register(name, value)

    @property
    def pc(self) -> int:
        return self.read_register("pc")

    def register_problem(self, name: str, value: int | None = None) -> str | None:
        """Why ``name`` is not a register of this CPU, or why it cannot hold
        ``value`` (it refuses it, or reads back something else); None when
        it can.  Asks ``write_register``/``read_register`` themselves, so
        the answer is the emulator's own.  Changes the register: meant for
        an instance that runs nothing afterwards."""
        try:
            if value is None:
                self.read_register(name)
                return None
            self.write_register(name, value)
            back = self.read_register(name)
        except KeyError:
            return f"{self.family} has no register {name!r}"
        except Exception as exc:  # the emulator's own refusal, in its words
            return f"{name} cannot hold {value:#x}: {exc}"
        if back != value:
            return f"{name} cannot hold {value:#x} (it reads back as {back:#x})"
        return None

    # -- execution ------------------------------------------------------
    def run(self, on_boundary: Callable[[int], bool], synced: bool = False) -> None:
        """Execute from the current PC.  Before each instruction call
        ``on_boundary(pc)``; stop (without executing it) when it returns
        False.  Exceptions raised by the callback propagate.  A guest fault
        raises CpuFault.  ``synced``: every state the callback reads or
        snapshots is exact (an emulator with lazily computed flags must
        stop at each boundary for that; our interpreters always are)."""
        raise NotImplementedError

    def run_watching(self, on_address: Callable[[int], bool], watch: set[int],
                     max_transfers: int) -> None:
        """A cheaper run for when only a few addresses matter: call
        ``on_address(pc)`` when execution reaches an address in ``watch``
        by a control transfer (a call, return, jump or interrupt return);
        stop when it returns False.  Raise RuntimeError after
        ``max_transfers`` control transfers (a runaway).  This default
        checks every boundary; unicorn backends use a block hook."""
        count = 0

        def on_boundary(pc):
            nonlocal count
            count += 1
            if count > max_transfers:
                raise RuntimeError(f"no return after {max_transfers} steps, last pc 0x{pc:08x}")
            return on_address(pc) if pc in watch else True

        self.run(on_boundary)

    def disassemble(self, address: int) -> tuple[int, str]:
        """(length in bytes, "mnemonic operands") of the instruction at
        ``address``; ("?", length 0) is never returned: undecodable bytes
        give e.g. (4, ".word 0x...")."""
        raise NotImplementedError

    def pc_relative_base(self, address: int, size: int) -> int:
        """What a PC-relative displacement of the instruction at ``address``
        (``size`` bytes) counts from: by default the next instruction."""
        return address + size

    def memory_operand(self, register: str, offset: int) -> str:
        """``8(%esp)``: the memory at ``offset`` bytes from ``register``,
        as the snippets' assembly writes it (``operand_form``)."""
        return self.operand_form.format(register=register, offset=offset)

    def use_syntax(self, name: str) -> None:
        """Print ``disassemble``'s text in ``name``, one of ``syntaxes``."""
        if name not in self.syntaxes:
            raise ValueError(f"no disassembly syntax {name!r} for {self.family}")

    # -- interrupts (the CPU's rules) -----------------------------------
    def interrupt_accepted(self, level: int | None) -> bool:
        """Would the CPU take an interrupt request at hardware ``level`` at
        this boundary?  Level CPUs compare with their priority field (using
        the effective value under ``self.latency`` while a write is still
        settling); x86 looks only at EFLAGS.IF and ignores ``level``."""
        raise NotImplementedError

    def accepted_levels(self, levels) -> dict:
        """{level: interrupt_accepted(level)} for each of ``levels`` at this
        boundary; a backend whose priority field is dear to read (m68k's
        SR) reads it once."""
        return {level: self.interrupt_accepted(level) for level in levels}

    def take_interrupt(self, level: int | None, vector: int, handler: int) -> None:
        """Do what the CPU does when it takes the interrupt at this boundary:
        save the interrupted state where the CPU saves it, change the
        priority the way the CPU changes it, and continue at ``handler``
        (the port's stub; the vector-table lookup itself is not modelled)."""
        raise NotImplementedError

    def complete_writes(self) -> None:
        """Finish what an instruction before this boundary still has to
        write of the interrupted code's state, as the CPU does before it
        takes an interrupt here (SPARC V8: a settling wr %psr's icc).  The
        machine calls it before it reads the registers an interrupt must
        give back; nothing to do on most CPUs."""

    #: set by a backend whose ``write_latencies`` are more than one when
    #: the run could have gone otherwise at another latency (latency_bound);
    #: the engine clears it where a run starts
    latency_seen: bool = False

    def latency_bound(self) -> bool:
        """Could the run since ``latency_seen`` was cleared have done
        anything but decide interrupt acceptance differently at another of
        ``write_latencies``?  Never on a CPU with one latency."""
        return self.latency_seen

    def entry_fault(self) -> str | None:
        """Why an interrupt taken at this boundary cannot be followed (None:
        it can): an Unmodelled reason where the CPU would take it and what
        the kernel must do next is outside the model (a SPARC trap into the
        window WIM marks invalid needs the kernel's window spill), a plain
        one where the routine left the CPU where taking it is undefined or
        cannot resume.  The machine makes the fault (fault_at) at the
        interrupted instruction."""
        return None

    def load_older_windows(self, windows: list[list[int]]) -> None:
        """Give the register windows above the current one (the next older
        first) the registers ``windows`` lists, each in the order a spill
        stores them (a call state's abi.call_states older_windows).  Only
        a CPU with register windows has them (the YAML check asks for
        abi.window_save_area)."""
        raise NotImplementedError(f"{type(self).__name__} has no register windows")

    def free_window_registers(self) -> tuple[str, ...]:
        """The names of the registers of the register windows below the
        current one that hold no window's registers, nearest first: a
        routine that takes a window enters them as code that ran there
        last left them (load_free_windows gives them values).  Empty on a
        CPU without register windows."""
        return ()

    def free_window_values(self) -> list[int]:
        """The values of the registers free_window_registers names, in its
        order."""
        return []

    def load_free_windows(self, values: list[int]) -> None:
        """Give the registers free_window_registers names ``values``, in
        its order."""
        raise NotImplementedError(f"{type(self).__name__} has no register windows")

    #: why the registers free_window_registers names are undefined (the
    #: manual's words), for a counter-example
    free_window_source = ""

    #: the registers flushed_view gives values of (the window counters)
    flushed_registers: tuple[str, ...] = ()

    def flushed_view(self) -> tuple[dict[str, int], tuple[tuple[int, bytes], ...]]:
        """The windows as a flush of every older one (SPARC V9 FLUSHW, V8's
        ST_FLUSHWIN trap) would leave them, without doing it: (register ->
        its value then, for the window registers a flush changes;
        (address, bytes) of the save areas it would fill).  Empty where
        no window above the current one holds registers, or the CPU has
        none: what a routine must give back is its caller's callers'
        registers, in the register file or in their save areas."""
        return {}, ()

    def window_stack_pointers(self) -> tuple[int, ...]:
        """The stack pointers (as the register holds them) of the register
        windows a window overflow may spill from here on, into the save
        area each window's stack pointer addresses (abi.window_save_area):
        the current window's (code called from here that takes a window
        makes it an older one) and every older window still in the
        registers.  Empty on a CPU without register windows."""
        return ()

    #: the CPU holds a request in a register of its own from the moment
    #: the device asks until software clears it (PA-RISC EIRR): taking the
    #: interrupt does not consume it, so while software leaves it set the
    #: CPU takes it again whenever it accepts that level (Run._deliver,
    #: explore.run_case), and a request that arrives while its line is
    #: still held merges into it (``latched_levels``)
    latches_requests = False
    #: a hardware (not soft) source's device keeps its line asserted after
    #: the CPU took its request, until its handler acknowledges the device
    #: (the handler's entry stands for that): meanwhile the CPU takes the
    #: same request again wherever it accepts its level (Run._deliver,
    #: explore.run_case), as level-sensitive interrupt lines are.  False
    #: where taking the interrupt itself consumes the request (an x86
    #: INTA cycle moves it to the controller's in-service register) or
    #: software, not the handler's entry, clears it (PA-RISC EIRR:
    #: ``latches_requests``); False also where no manual read here says
    #: the device holds it past the CPU's own acknowledge (MC68030 UM
    #: §8.1.9: a device "should hold its interrupt priority level constant
    #: until its corresponding interrupt acknowledge cycle", the take's)
    holds_taken_requests = False
    #: the backend honours ``set_enable_register``: a device register
    #: outside the CPU whose bits, while software keeps them clear, keep
    #: the CPU from taking any request (interrupt.enable_register)
    models_enable_register = False

    def set_enable_register(self, address: int, size: int, bits: int,
                            soft_requests: tuple[tuple[int, int], ...] = ()) -> None:
        """From now on the CPU takes no interrupt request, at any level (its
        unmaskable one too), while the ``bits`` of the ``size``-byte
        register at ``address`` (mapped guest memory; big or little endian
        as the CPU) are all clear: the sun4/sun4c interrupt enable
        register's IE_ALLIE (interrupt.enable_register).  ``soft_requests``:
        (level, bit) of its soft request bits (``request`` with ``soft``
        sets one; a store clearing one withdraws: withdrawn_levels).
        Backends that do not model it (``models_enable_register`` False)
        refuse."""
        raise ValueError(f"the {self.family} backend does not model an interrupt enable register")

    def request(self, level: int | None, soft: bool = False) -> None:
        """A device (``soft``: software) starts requesting at ``level``: a
        CPU that latches requests (``latches_requests``) sets the line's bit
        in its request register, where software reads it; a soft request
        at a level with a bit in the interrupt enable register
        (set_enable_register's ``soft_requests``) sets that bit.  Nothing
        on others."""

    def latched_levels(self) -> int:
        """The levels (bit n: level n) whose request the CPU holds now
        (``latches_requests``), taken or not; 0 on other CPUs."""
        return 0

    def latched_due(self) -> bool:
        """Would the CPU take one of its ``latched_levels`` at this
        boundary?  Checked at every boundary of a case run
        (Interpreter.run_watching) while the CPU latches requests."""
        latched = self.latched_levels()
        level = 0
        while latched:
            if latched & 1 and self.interrupt_accepted(level):
                return True
            latched >>= 1
            level += 1
        return False

    def reads_latched(self, address: int) -> bool:
        """Does the instruction at ``address`` read the register where the
        CPU holds its requests (``latches_requests``)?  A case whose request
        arrives before such a read and is taken after it is run from its
        arrival (check.one_case): the read sees it."""
        return False

    def withdrawn_levels(self) -> int:
        """The request levels (bit n: level n) whose pending requests the
        instruction just executed cleared in the CPU, as UltraSPARC's
        CLEAR_SOFTINT does; reading clears them.  0 on CPUs where software
        cannot withdraw a request: there a refused request stays asserted."""
        return 0

    def return_point(self) -> tuple:
        """A value that identifies 'the interrupted code resumes here'
        (e.g. (pc, sp) or (pc, npc, sp, cwp)).  The machine saves it when it
        delivers and compares after each instruction to see the return."""
        raise NotImplementedError

    def return_hazard(self) -> tuple[str | None, int | None, str] | None:
        """What the routine's last instructions leave in flight as control
        reaches its caller, which the caller's first instruction would
        meet (a pending nullification, a load still in its delay): (the
        register it concerns, None for any; the address of the instruction
        that left it, None for the return itself; why).  None: nothing
        (this default)."""
        return None

    def nullified(self) -> bool:
        """Whether the instruction at this boundary is skipped: it takes its
        place and its boundary but does nothing (PA-RISC PSW[N]).  Traces
        mark it."""
        return False

    def settling(self) -> int:
        """Instructions still to execute before the last priority write takes
        effect for interrupt acceptance (0 when settled)."""
        return 0

    # -- snapshots -------------------------------------------------------
    def snapshot(self) -> object:
        """All CPU and memory state, restorable by ``restore``."""
        raise NotImplementedError

    def restore(self, snapshot: object) -> None:
        raise NotImplementedError

    def snapshot_bytes(self, snapshot: object) -> bytes:
        """Everything ``restore`` would put back, as bytes: two snapshots
        with equal bytes restore the same machine (the explorer merges
        states by them).  For snapshots taken after ``settle``."""
        raise NotImplementedError

    def settle(self) -> None:
        """Give derived CPU state one form before a snapshot whose bytes
        are compared (the explorer's keyed states): an emulator that keeps
        condition codes lazily (as the operands of the last operation)
        computes them, so that equal machines save equal bytes.  Changes no
        architectural state."""

