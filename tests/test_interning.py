"""emu/interning.py: equal values a deep check keeps share one object."""
from emu.interning import Interner


def test_equal_values_share_the_first_object():
    intern = Interner()
    first = intern(tuple([("eax", 1), ("flags", 0x8d5)]))
    again = intern(tuple([("eax", 1), ("flags", 0x8d5)]))
    assert again is first
    assert intern((("eax", 2),)) is not first


def test_an_unhashable_value_is_made_once_per_key():
    intern = Interner()
    made = []

    def make():
        made.append(1)
        return {"sp": 0x1000}
    one = intern.by_key(("kept", (0x1000,)), make)
    two = intern.by_key(("kept", (0x1000,)), make)
    assert one is two and made == [1]


def test_the_table_empties_at_its_limit():
    intern = Interner(limit=2)
    a = intern(frozenset({"a"}))
    intern(frozenset({"b"}))
    intern(frozenset({"c"}))          # the table was full: it starts again
    assert intern(frozenset({"a"})) is not a
    assert intern(frozenset({"a"})) == a
