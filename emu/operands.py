"""Operands named by symbols, as objdump -d and GDB's x/i name them: a
branch or call target, or an absolute address, that falls in the image
becomes ``symbol`` or ``symbol+0xN`` (``call handler_clock``,
``bne spllower+0x1c``).  Which text is an address is the backend's
``address_literal`` (its disassembler's syntax); immediates stay numbers."""

from __future__ import annotations

import re

from .assembler import Image


def with_symbols(text: str, backend, image: Image, address: int, size: int) -> str:
    """The instruction ``text`` (at ``address``, ``size`` bytes) with every
    address literal inside the image replaced by its symbol (literals
    outside it, such as a device register, stay), and a PC-relative operand
    that reaches into the image followed by a comment naming the address
    (``movl 0x46a(%rip), %eax  # cpl``)."""
    named = _literals(text, backend.address_literal, image)
    relative = backend.pc_relative.search(named) if backend.pc_relative else None
    if relative is None:
        return named
    target = backend.pc_relative_base(address, size) + int(relative["disp"], 0)
    name = image.symbol_of(target)
    return f"{named}  {backend.comment} {name}" if name else named


def _literals(text: str, address_literal: re.Pattern, image: Image) -> str:
    out, end = [], 0
    for match in address_literal.finditer(text):
        name = image.symbol_of(int(match["hex"], 16))
        if name is None:
            continue
        start, stop = match.span("literal")
        out += [text[end:start], name]
        end = stop
    return "".join(out) + text[end:] if out else text
