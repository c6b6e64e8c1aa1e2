"""Build small Alpha programs with GNU binutils for the Alpha tests.

``assemble(source)`` runs alpha-linux-gnu-as (with -mev6, so the BWX
instructions ldbu/stw/sextb... are accepted) and alpha-linux-gnu-ld
-N -Ttext=0x10000, and returns the loadable ELF segments.  Results are
cached by content hash for the life of the test process.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from elftools.elf.elffile import ELFFile

AS = "alpha-linux-gnu-as"
LD = "alpha-linux-gnu-ld"
OBJDUMP = "alpha-linux-gnu-objdump"
TEXT_BASE = 0x10000

_cache: dict[str, "Program"] = {}


@dataclass
class Program:
    segments: list[tuple[int, bytes]]  # (address, bytes incl. zeroed .bss)
    symbols: dict[str, int]
    entry: int


def require_binutils() -> None:
    for tool in (AS, LD, OBJDUMP):
        if shutil.which(tool) is None:
            raise RuntimeError(f"{tool} not found: install binutils-alpha-linux-gnu")


def link(source: str, ld_args: list[str], workdir: Path) -> Path:
    """Assemble and link ``source`` in ``workdir``; return the ELF path."""
    require_binutils()
    (workdir / "prog.s").write_text(source)
    subprocess.run([AS, "-mev6", "-o", "prog.o", "prog.s"], cwd=workdir,
                   check=True, capture_output=True, text=True)
    subprocess.run([LD, *ld_args, "-o", "prog", "prog.o"], cwd=workdir,
                   check=True, capture_output=True, text=True)
    return workdir / "prog"


def load_elf(path: Path) -> Program:
    with open(path, "rb") as f:
        elf = ELFFile(f)
        segments = []
        for seg in elf.iter_segments():
            if seg["p_type"] != "PT_LOAD":
                continue
            data = seg.data() + bytes(seg["p_memsz"] - seg["p_filesz"])
            segments.append((seg["p_vaddr"], data))
        symtab = elf.get_section_by_name(".symtab")
        symbols = {s.name: s["st_value"] for s in symtab.iter_symbols() if s.name}
        return Program(segments, symbols, elf.header["e_entry"])


def assemble(source: str) -> Program:
    """Assemble and link at 0x10000; ``_start`` (or the first instruction)
    is the entry."""
    key = hashlib.sha256(source.encode()).hexdigest()
    if key not in _cache:
        with tempfile.TemporaryDirectory() as tmp:
            path = link(source, ["-N", f"-Ttext=0x{TEXT_BASE:x}"], Path(tmp))
            _cache[key] = load_elf(path)
    return _cache[key]


def load_into(backend, program: Program, extra: int = 0x4000) -> None:
    """Map pages covering every segment (plus ``extra`` bytes after the
    last one) and copy the segments in."""
    for address, data in program.segments:
        start = address & ~0xFFF
        end = (address + len(data) + extra + 0xFFF) & ~0xFFF
        for page in range(start, end, 0x1000):
            try:
                backend.read_memory(page, 1)
            except Exception:
                backend.map_memory(page, 0x1000)
        backend.write_memory(address, data)
