"""Where the image puts the data: at an address whose low 16 bits are
0x85a0 (assembler._data_address), the gap after the text
unmapped, so an unadjusted high half (`@h` for `@ha`) points at no memory
of the image's and a high part alone (`sethi %hi`, `ldil L%`) is not a
data address."""

from __future__ import annotations

import pytest

from emu.model import available_ports

from conftest import machine_for


@pytest.mark.parametrize("port", available_ports())
def test_the_data_sit_where_bit_15_of_their_address_is_set(port):
    image = machine_for(port).image
    (text_base, text), *rest = image.segments
    in_data = [image.symbols[name] for name in image.data_symbols
               if any(base <= image.symbols[name] < base + len(body) for base, body in rest)]
    first = min(in_data)
    assert first & 0x8000 and first & 0x7FF, hex(first)     # bit 15; no round low bits
    gap = range(text_base + len(text), first)
    assert len(gap) > 0
    assert not any(base < gap.stop and base + len(body) > gap.start
                   for base, body in image.segments), [hex(b) for b, _ in image.segments]
