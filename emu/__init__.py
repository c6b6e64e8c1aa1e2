"""iplemu: run each NetBSD port's spl(9) routines, in its own assembly, on an
emulated CPU taking interrupts at every instruction boundary.

Installed, this package is ``iplemu`` (pyproject.toml maps the source
folder ``emu/`` to that name).  Besides the ``iplemu`` program it offers
functions for scripts and notebooks (api.py, README "From Python"):
``ports``, ``run``, ``check``, ``compare``, ``table``, ``race``.
"""

import sys
import types

from .api import IplemuError, check, compare, ports, race, run, table

__version__ = "0.1.0"
__all__ = ["ports", "run", "check", "compare", "table", "race", "IplemuError"]


class _Package(types.ModuleType):
    """This package's module object.  Importing a submodule binds it as an
    attribute of its package; check.py, table.py and race.py would then
    replace the functions of the same names, so those bindings are skipped
    (the submodules stay in sys.modules: ``from .check import ...`` works)."""

    def __setattr__(self, name, value):
        if name in __all__ and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
