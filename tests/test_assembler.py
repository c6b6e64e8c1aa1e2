"""The routine's own data: the bytes the user's objects take (Image.owned)."""

from __future__ import annotations

from pathlib import Path

import pytest

from emu.assembler import _owned_extents, build_image
from emu.machine import OUTSIDE

from conftest import machine_for, port_model


def test_a_sized_object_ends_at_its_size_a_label_at_the_next_or_the_section_end():
    data, text = (0x100, 0x120, False), (0x200, 0x210, True)
    # a sized word, padding, a label with no size, the section's end
    assert _owned_extents([data], [(0x104, 4), (0x110, 0)]) == ((0x100, 0x120),)
    # the last object sized: its tail (padding to 0x120) is nobody's
    assert _owned_extents([data], [(0x104, 4), (0x110, 8)]) == ((0x100, 0x118),)
    # a label with no size runs to the next symbol, even one elsewhere
    assert _owned_extents([data], [(0x100, 0), (0x108, 4)]) == ((0x100, 0x10c),)
    # a size beyond the section stops at its end; data no symbol names are the user's
    assert _owned_extents([data], [(0x118, 64)]) == ((0x100, 0x120),)
    assert _owned_extents([data], []) == ((0x100, 0x120),)
    # code is the user's whole; adjacent runs merge
    assert _owned_extents([data, text, (0x120, 0x130, False)], [(0x120, 4)]) \
        == ((0x100, 0x124), (0x200, 0x210))


def _image(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text)
    return build_image(port_model("amd64"), path), path


def test_assembler_labels_bss_comm_and_lcomm_are_own_and_the_tail_is_not(tmp_path):
    data, _ = _image(tmp_path, "data.S", """
	.data
	.align	4
sized:	.long	0
	.size	sized, 4
	.align	16
unsized: .long	0, 0
	.text
	.globl	rt
rt:	ret
""")
    bss, _ = _image(tmp_path, "bss.S", """
	.bss
	.align	4
skip:	.skip	12
	.lcomm	lc, 8
	.comm	cm, 16, 8
""")
    for image, objects in ((data, (("sized", 4), ("unsized", 8), ("rt", 1))),
                           (bss, (("skip", 12), ("lc", 8), ("cm", 16)))):
        for name, size in objects:
            assert all(image.owns(image.symbols[name] + i) for i in range(size)), name
    assert data.owns(data.symbols["sized"] + 4)         # padding between two objects of the file
    assert not data.owns(data.symbols["unsized"] + 8)   # past the data section's last object
    assert not data.owns(data.symbols["sized"] - 1)     # the port's, or ld's fill
    assert not bss.owns(bss.symbols["cm"] + 16)         # past the last .bss object


def test_c_statics_are_own_and_their_tail_is_another_objects(tmp_path):
    image, path = _image(tmp_path, "own.c", """
#include "port.h"
static volatile int counter;
static volatile char flags[3];
int rt(int ncpl) { counter++; flags[0] = 1; return ncpl; }
""")
    s = image.symbols
    assert all(image.owns(s["counter"] + i) for i in range(4))
    assert all(image.owns(s["flags"] + i) for i in range(3))
    last = max(s["counter"] + 4, s["flags"] + 3)
    assert not image.owns(last)
    machine = machine_for("amd64", str(path))
    named = machine._kernel_word(last)
    assert named is not None and named[1], named        # outside every object
    changed = machine.byte_change(last, 0, bytes(4), b"\x01\0\0\0")
    assert changed is not None and changed[0].endswith(f"{OUTSIDE})"), changed
    assert machine._kernel_word(s["counter"]) is None


@pytest.mark.parametrize("port", ["alpha", "pmax", "powerpc"])
def test_a_small_common_is_own(port, tmp_path):
    """ld puts a small .comm in .scommon or .sbss, which the object has no
    section of: the map's line for it counts too."""
    path = tmp_path / "comm.S"
    path.write_text("\t.comm\tcm, 4\n\t.data\nd:\t.long\t1\n")
    image = build_image(port_model(port), path)
    assert all(image.owns(image.symbols[name]) for name in ("cm", "d"))
