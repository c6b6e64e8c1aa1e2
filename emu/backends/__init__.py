"""CPU backends, chosen by archs/<port>.yaml ``cpu.family``."""

from __future__ import annotations

from importlib import import_module

from .base import Backend, CpuFault, NotModelled, Unmodelled, fault_at

#: family -> "module:class"; imported on demand so a port pays only for its CPU
FAMILIES = {
    "x86": "x86:X86Backend",
    "m68k": "m68k:M68kBackend",
    "sparc": "sparc:SparcBackend",
    "sparc64": "sparc64:Sparc64Backend",
    "alpha": "alpha:AlphaBackend",
    "arm": "arm:ArmBackend",
    "mips": "mips:MipsBackend",
    "powerpc": "powerpc:PowerPCBackend",
    "sh3": "sh3:Sh3Backend",
    "hppa": "hppa:HppaBackend",
}


def backend_class(family: str) -> type[Backend]:
    try:
        module, cls = FAMILIES[family].split(":")
    except KeyError:
        raise KeyError(f"no backend for CPU family {family!r} (known: {', '.join(FAMILIES)})") from None
    return getattr(import_module(f".{module}", __name__), cls)


__all__ = ["Backend", "CpuFault", "FAMILIES", "NotModelled", "Unmodelled", "backend_class",
           "fault_at"]
