"""The shared core of the CPUs interpreted in Python (sparc, alpha, ...).

A CPU module subclasses ``Interpreter`` and keeps only its instruction set
and its interrupt rules; this core holds what every interpreter needs:

* memory: 4 KiB pages of RAM in the CPU's byte order, naturally aligned
  loads and stores for instructions (``_load`` / ``_store``), and the
  Backend API's ``map_memory`` / ``read_memory`` / ``write_memory``;
* the decode-table pattern: each instruction word is decoded once, by the
  CPU's ``_decode(word, pc)``, into a Python closure (a *step*); steps are
  cached by address and dropped when memory under them is written or
  restored;
* the step loop: ``run`` calls the boundary callback before every
  instruction and ``_execute(step)``, the CPU's rule for running one step
  and advancing its PC (one PC on Alpha; PC/nPC and the delayed PSR write
  on SPARC); ``run_watching`` is the same loop, checking only a set of
  addresses;
* the register file ``_regs`` (names in ``register_index``; the hardwired
  zero register ignores writes) with the CPU's other registers behind
  ``_read_special`` / ``_write_special``;
* snapshots: the CPU's own state (``_cpu_state`` / ``_set_cpu_state``) and
  a copy of memory, restored in place with a block diff over code pages so
  that a restore forgets only the steps whose bytes changed.

An instruction that faults raises ``InstructionFault(message)``; the loop
turns it into a ``CpuFault`` at that instruction's PC.
"""

from __future__ import annotations

import operator
import struct
from typing import Callable

from ..loops import WATCH_FROM, LoopWatch, loop_message
from .base import ASSEMBLED, NOT_DECODED, Backend, CpuFault, Unmodelled, fault_at, not_decoded

PAGE_SHIFT = 12
PAGE_SIZE = 1 << PAGE_SHIFT
PAGE_MASK = PAGE_SIZE - 1
#: granule of the code-page diff on restore
_BLOCK = 64


def signed_field(word: int, bits: int) -> int:
    """The low ``bits`` of ``word`` as a two's-complement number (the
    displacements and immediates a decode table extracts)."""
    sign = 1 << (bits - 1)
    return ((word & ((sign << 1) - 1)) ^ sign) - sign


class InstructionFault(Exception):
    """Raised while an instruction executes (or by a memory access the CPU
    makes for it); ``run`` reports it as a CpuFault at that PC."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class Interpreter(Backend):
    """A CPU interpreted in Python (see the module doc for the split).

    Class attributes a CPU sets, besides ``family`` and ``write_latencies``:

    ``byte_order``       "big" or "little"
    ``address_mask``     the width of an address (2**32 - 1, 2**64 - 1)
    ``register_index``   lower-case register name -> index in ``_regs``
    ``register_count``   length of ``_regs``
    ``zero_register``    the index that always reads 0 (writes ignored)
    ``instruction_size`` bytes per instruction word (fixed-width ISAs)
    ``fault_text``       the CPU's wording of memory faults: format strings
                         "unmapped" and "misaligned" (fields ``access``,
                         ``size``, ``address``) and "fetch" (``address``)
    ``code_sync``        where the CPU's fetches need not see a store into
                         the instruction stream until an instruction makes
                         them coherent: (that instruction, the manual's
                         words and section); the backend calls
                         ``_code_synced`` where it runs it.  None: a stored
                         instruction runs at once
    """

    byte_order = "big"
    address_mask = 0xFFFFFFFF
    register_index: dict[str, int] = {}
    register_count = 32
    zero_register = 0
    instruction_size = 4
    code_sync: tuple[str, str] | None = None
    fault_text = {
        "unmapped": "unmapped {access} of 0x{address:08x}",
        "misaligned": "misaligned {size}-byte {access} of 0x{address:08x}",
        "fetch": "unmapped instruction fetch from 0x{address:08x}",
    }

    def __init__(self, model: str | None = None):
        super().__init__(model)
        # _regs is only ever updated in place: decoded steps hold it.
        self._regs = [0] * self.register_count
        self._pc = 0
        self._pages: dict[int, bytearray] = {}
        self._read_only: dict[int, str] = {}       # page number -> what it is (protect_memory)
        self._decoded: dict[int, Callable] = {}
        self._code_pages: set[int] = set()
        #: instruction words stored into since the CPU last made its fetches
        #: see stores (code_sync): running one is unpredictable
        self._unsynced: frozenset[int] = frozenset()
        order = ">" if self.byte_order == "big" else "<"
        self._unpack = {size: struct.Struct(order + code).unpack_from
                        for size, code in ((1, "B"), (2, "H"), (4, "I"), (8, "Q"))}
        self._pack = {size: struct.Struct(order + code).pack_into
                      for size, code in ((1, "B"), (2, "H"), (4, "I"), (8, "Q"))}
        self._fetch_unpack = self._unpack[self.instruction_size]

    # -- memory (the Backend API) -------------------------------------------
    def map_memory(self, address: int, size: int) -> None:
        """Map zeroed pages; mapping a page twice is a ValueError (as in
        unicorn)."""
        if address & PAGE_MASK or size & PAGE_MASK or size <= 0:
            raise ValueError(f"map_memory(0x{address:x}, 0x{size:x}): "
                             "base and size must be page multiples")
        pages = range(address >> PAGE_SHIFT, (address + size) >> PAGE_SHIFT)
        if any(p in self._pages for p in pages):
            raise ValueError(f"map_memory(0x{address:x}, 0x{size:x}) "
                             "overlaps memory already mapped")
        for p in pages:
            self._pages[p] = bytearray(PAGE_SIZE)

    def protect_memory(self, address: int, size: int, what: str) -> None:
        for number in range(address >> PAGE_SHIFT, (address + size) >> PAGE_SHIFT):
            self._read_only[number] = what

    def read_memory(self, address: int, size: int) -> bytes:
        out = bytearray(size)
        self._copy(address, size, out, into_guest=False)
        return bytes(out)

    def write_memory(self, address: int, data: bytes) -> None:
        self._copy(address, len(data), data, into_guest=True)
        self._forget_steps(address, len(data), stored=False)

    def _copy(self, address: int, size: int, buffer, into_guest: bool) -> None:
        """Copy between ``buffer`` and guest memory page by page; an
        unmapped page raises CpuFault naming the address."""
        done = 0
        while done < size:
            at = address + done
            page = self._pages.get(at >> PAGE_SHIFT)
            if page is None:
                access = "write" if into_guest else "read"
                raise CpuFault(at, self.fault_text["unmapped"].format(
                    access=access, size=size, address=at))
            offset = at & PAGE_MASK
            chunk = min(size - done, PAGE_SIZE - offset)
            if into_guest:
                page[offset:offset + chunk] = buffer[done:done + chunk]
            else:
                buffer[done:done + chunk] = page[offset:offset + chunk]
            done += chunk

    # -- memory (instructions) ----------------------------------------------
    def _page(self, address: int, size: int, access: str) -> bytearray:
        """The page holding a naturally aligned access of ``size`` bytes
        (every guest load and store looks its page up here: a watched
        access is noted, Backend.watch_memory)."""
        if self._watched and self.own_top:
            self._note_access(address, size, access == "write")
        if address & (size - 1):
            raise InstructionFault(self.fault_text["misaligned"].format(
                access=access, size=size, address=address))
        page = self._pages.get(address >> PAGE_SHIFT)
        if page is None:
            raise InstructionFault(self.fault_text["unmapped"].format(
                access=access, size=size, address=address))
        if access == "write" and self._read_only and address >> PAGE_SHIFT in self._read_only:
            raise InstructionFault(f"write of 0x{address:08x}, "
                                   f"{self._read_only[address >> PAGE_SHIFT]}")
        return page

    def _load(self, address: int, size: int) -> int:
        """An aligned load of 1, 2, 4 or 8 bytes, unsigned."""
        return self._unpack[size](self._page(address, size, "read"), address & PAGE_MASK)[0]

    def _store(self, address: int, size: int, value: int) -> None:
        """An aligned store of the low ``size`` bytes of ``value``; drops the
        decoded steps it overwrites."""
        page = self._page(address, size, "write")
        self._pack[size](page, address & PAGE_MASK, value & ((1 << 8 * size) - 1))
        if address >> PAGE_SHIFT in self._code_pages:
            self._forget_steps(address, size)

    def _code_synced(self) -> None:
        """The CPU's code_sync instruction ran: fetches see every store."""
        self._unsynced = frozenset()

    # -- decoding ------------------------------------------------------------
    def _fetch(self, pc: int) -> int:
        """The instruction word at ``pc``."""
        page = self._pages.get(pc >> PAGE_SHIFT)
        if page is None or pc & (self.instruction_size - 1):
            if page is not None:
                raise InstructionFault(f"misaligned instruction fetch from 0x{pc:08x}")
            raise InstructionFault(self.fault_text["fetch"].format(address=pc))
        return self._fetch_unpack(page, pc & PAGE_MASK)[0]

    def _decode_at(self, pc: int) -> Callable:
        """Fetch and decode the instruction at ``pc`` and cache its step
        (a stored word not yet synced, code_sync: a fault)."""
        if pc in self._unsynced:
            sync, manual = self.code_sync
            raise InstructionFault(f"an instruction word stored into since the last {sync} "
                                   f"runs before one: {manual}")
        word = self._fetch(pc)
        step = self._decode(word, pc)
        if step is None:
            raise InstructionFault(self._not_decoded(word, pc))
        self._decoded[pc] = step
        self._code_pages.add(pc >> PAGE_SHIFT)
        return step

    def _decode(self, word: int, pc: int) -> Callable | None:
        """The CPU's decode table: the step of ``word`` at ``pc``, or None
        for an instruction outside the model."""
        raise NotImplementedError

    def _not_decoded(self, word: int, pc: int) -> str:
        """Why the model stops at ``word``, which its decoder lacks: where the
        assembler emitted it (Backend.assembled) a legal instruction the
        model does not run (Unmodelled: no verdict), else _undecoded's
        fault (data run as code may be an instruction the CPU refuses)."""
        why = self._undecoded(word, pc)
        return Unmodelled(why.replace(NOT_DECODED, ASSEMBLED)) if pc in self.assembled else why

    def _undecoded(self, word: int, pc: int) -> str:
        """The fault message for an instruction outside the model."""
        return not_decoded(self._disassemble_word(word, pc), f"0x{word:08x}")

    def _forget_steps(self, address: int, size: int, stored: bool = True) -> None:
        """Drop the decoded steps overlapping [address, address + size),
        which a guest store wrote into (every store step calls this on a
        page of code run; ``stored`` False: the host, write_memory); where
        fetches need not see a store (code_sync), the image's instruction
        words and those run there are unsynced."""
        first, last = address >> PAGE_SHIFT, (address + size - 1) >> PAGE_SHIFT
        if not any(p in self._code_pages for p in range(first, last + 1)):
            return
        width = self.instruction_size
        decoded, assembled = self._decoded, self.assembled
        words = range(address & -width, address + size, width)
        if stored and self.code_sync is not None:
            unsynced = [pc for pc in words if pc in assembled or pc in decoded]
            if unsynced:
                self._unsynced |= frozenset(unsynced)
        for pc in words:
            decoded.pop(pc, None)

    # -- the step loop ---------------------------------------------------------
    def _execute(self, step: Callable) -> None:
        """Run one decoded step and advance the PC (the CPU's rule)."""
        raise NotImplementedError

    def run(self, on_boundary: Callable[[int], bool], synced: bool = False) -> None:
        """Execute from the PC, calling ``on_boundary(pc)`` before every
        instruction.  When the callback takes an interrupt (or sets the
        PC), the new PC's instruction is the next boundary."""
        decoded, decode, execute = self._decoded, self._decode_at, self._execute
        while True:
            pc = self._pc
            if not on_boundary(pc):
                return
            if self._pc != pc:
                continue
            try:
                execute(decoded.get(pc) or decode(pc))
            except InstructionFault as fault:
                raise fault_at(pc, fault.message) from None

    def run_watching(self, on_address: Callable[[int], bool], watch: set[int],
                     max_transfers: int) -> None:
        """``run`` with the callback only at the ``watch``ed addresses (and,
        on a CPU that latches requests, where one of them is due:
        Backend.latched_due); every boundary counts towards
        ``max_transfers`` (the runaway limit).  Between two calls of
        ``on_address`` nothing but the CPU and memory decides the run: a
        state that recurs there recurs for ever (emu/loops.py), a runaway
        found without running to the limit."""
        decoded, decode, execute = self._decoded, self._decode_at, self._execute
        # a CPU that latches requests may take one again at any boundary
        due = self.latched_due if self.latches_requests else None
        loops = LoopWatch(lambda: self.snapshot_bytes(self.snapshot()))
        count = 0
        while True:
            pc = self._pc
            count += 1
            if count > max_transfers:
                raise RuntimeError(f"no return after {max_transfers} steps, last pc 0x{pc:08x}")
            if pc in watch or (due is not None and due()):
                loops.forget()
                if not on_address(pc):
                    return
                if self._pc != pc:
                    continue
            elif count >= WATCH_FROM:
                period = loops.period(pc, count)
                if period is not None:
                    raise RuntimeError(loop_message(pc, "", period))
            if self.code_log is not None:
                self.code_log.add(pc)
            try:
                execute(decoded.get(pc) or decode(pc))
            except InstructionFault as fault:
                raise fault_at(pc, fault.message) from None

    # -- registers -----------------------------------------------------------
    def read_register(self, name: str) -> int:
        index = self.register_index.get(name)
        if index is not None:
            return self._regs[index]
        return self._read_special(name)

    def register_reader(self, names) -> Callable[[], tuple[int, ...]]:
        """Backend.register_reader: the register file's values taken in one
        itemgetter (``_regs`` is updated in place), the special registers
        read one by one, put back in ``names``'s order."""
        names = tuple(names)
        filed = tuple(n for n in names if n in self.register_index)
        special = tuple(n for n in names if n not in self.register_index)
        if len(filed) < 2:
            return super().register_reader(names)
        take = operator.itemgetter(*(self.register_index[n] for n in filed))
        regs, read_special = self._regs, self._read_special
        if not special:
            return lambda: take(regs)
        order = filed + special
        arrange = operator.itemgetter(*(order.index(n) for n in names))
        return lambda: arrange(take(regs) + tuple(read_special(n) for n in special))

    def write_register(self, name: str, value: int) -> None:
        value &= self.address_mask
        index = self.register_index.get(name)
        if index is None:
            self._write_special(name, value)
        elif index != self.zero_register:
            self._regs[index] = value

    def _read_special(self, name: str) -> int:
        """A register outside ``_regs`` (pc, status registers); KeyError
        for an unknown name."""
        raise KeyError(name)

    def _write_special(self, name: str, value: int) -> None:
        raise KeyError(name)

    # -- disassembly -----------------------------------------------------------
    def disassemble(self, address: int) -> tuple[int, str]:
        """(instruction size, the CPU's text for the word at ``address``);
        unmapped memory raises CpuFault."""
        try:
            word = self._fetch(address)
        except InstructionFault as fault:
            raise fault_at(address, fault.message) from None
        return self.instruction_size, self._disassemble_word(word, address)

    def _disassemble_word(self, word: int, address: int) -> str:
        raise NotImplementedError

    # -- snapshots -------------------------------------------------------------
    def _cpu_state(self) -> tuple:
        """Every CPU register outside ``_regs`` and memory, as immutable values."""
        raise NotImplementedError

    def _set_cpu_state(self, state: tuple) -> None:
        raise NotImplementedError

    def snapshot(self) -> object:
        """The register file, the CPU's state and a copy of every page.
        (``latency`` is the machine's setting, not CPU state.)"""
        return (tuple(self._regs), self._pc, self._cpu_state(),
                {number: bytes(page) for number, page in self._pages.items()}, self._unsynced)

    def restore(self, snapshot: object) -> None:
        regs, self._pc, state, pages, unsynced = snapshot
        if self._unsynced or unsynced:
            # a step decoded after a sync must not run where this state has none
            for pc in self._unsynced | unsynced:
                self._decoded.pop(pc, None)
            self._unsynced = unsynced
        self._regs[:] = regs
        self._set_cpu_state(state)
        mine = self._pages
        for number in [n for n in mine if n not in pages]:
            del mine[number]
            self._forget_code_page(number)
        for number, data in pages.items():
            page = mine.get(number)
            if page is None:
                mine[number] = bytearray(data)
            elif page != data:
                if number in self._code_pages:
                    self._restore_code_page(number, page, data)
                else:
                    page[:] = data

    def snapshot_bytes(self, snapshot: object) -> bytes:
        """The registers, the CPU state and every page, page numbers included."""
        regs, pc, state, pages, unsynced = snapshot
        parts = [repr((regs, pc, state, sorted(pages), sorted(unsynced))).encode()]
        parts += [pages[number] for number in sorted(pages)]
        return b"".join(parts)

    def _restore_code_page(self, number: int, page: bytearray, data: bytes) -> None:
        """Copy back only the blocks that differ, forgetting the steps
        decoded from them (data next to code must not cost the decodes)."""
        decoded, base, width = self._decoded, number << PAGE_SHIFT, self.instruction_size
        for offset in range(0, PAGE_SIZE, _BLOCK):
            block = data[offset:offset + _BLOCK]
            if page[offset:offset + _BLOCK] != block:
                page[offset:offset + _BLOCK] = block
                for pc in range(base + offset, base + offset + _BLOCK, width):
                    decoded.pop(pc, None)

    def _forget_code_page(self, number: int) -> None:
        if number in self._code_pages:
            self._code_pages.discard(number)
            for pc in [pc for pc in self._decoded if pc >> PAGE_SHIFT == number]:
                del self._decoded[pc]
