"""iplemu: run each NetBSD port's spl(9) routines, in its own assembly, on an
emulated CPU taking interrupts at every instruction boundary.

Installed, this package is ``iplemu`` (pyproject.toml maps the source
folder ``emu/`` to that name).  Besides the ``iplemu`` program it offers
functions for scripts and notebooks, documented in api.py and the README:
``ports``, ``run``, ``check``, ``compare``, ``table``, ``race``.  They are
imported on first use, so that ``import iplemu`` stays cheap.
"""

__version__ = "0.1.0"
__all__ = ["ports", "run", "check", "compare", "table", "race", "IplemuError"]


def __getattr__(name: str):
    if name in __all__:
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
