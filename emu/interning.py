"""One shared object per distinct value: a deep check keeps an outcome or
a boundary for every state it explored, and most of them hold equal
tuples, frozensets and end states (a correct routine leaves the same
registers in nearly every case).  Interning them keeps one copy each,
which bounds a depth-2 check's memory by its distinct values rather than
its cases."""


class Interner:
    """``intern(value)``: the first object equal to ``value`` seen since
    the table was last emptied (it empties itself at ``limit`` entries, so
    a long run holds at most that many)."""

    def __init__(self, limit: int = 1 << 16):
        self.limit = limit
        self._table: dict = {}

    def __call__(self, value):
        return self.by_key(value, lambda: value)

    def by_key(self, key, make):
        """The object stored for ``key`` (hashable), made by ``make()`` the
        first time: for an unhashable value (a dict) known by a key."""
        found = self._table.get(key)
        if found is None:
            if len(self._table) >= self.limit:
                self._table.clear()
            found = self._table[key] = make()
        return found
