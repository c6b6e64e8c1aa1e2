"""Build small PA-RISC programs with GNU binutils for the hppa tests.

``assemble(source)`` runs hppa-linux-gnu-as and hppa-linux-gnu-ld -N
-Ttext=0x10000 and returns the loadable ELF segments and symbols;
``objdump(path)`` the disassembly of an ELF as {address: text}.  Results
are cached by content hash for the life of the test process.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.alpha_helpers import Program, load_elf

AS = "hppa-linux-gnu-as"
LD = "hppa-linux-gnu-ld"
OBJDUMP = "hppa-linux-gnu-objdump"
TEXT_BASE = 0x10000

_cache: dict[str, Program] = {}


def require_binutils() -> None:
    for tool in (AS, LD, OBJDUMP):
        if shutil.which(tool) is None:
            raise RuntimeError(f"{tool} not found: install binutils-hppa-linux-gnu")


def link(source: str, ld_args: list[str], workdir: Path) -> Path:
    """Assemble and link ``source`` in ``workdir``; return the ELF path."""
    require_binutils()
    (workdir / "prog.s").write_text(source)
    subprocess.run([AS, "-o", "prog.o", "prog.s"], cwd=workdir, check=True,
                   capture_output=True, text=True)
    subprocess.run([LD, *ld_args, "-o", "prog", "prog.o"], cwd=workdir, check=True,
                   capture_output=True, text=True)
    return workdir / "prog"


def assemble(source: str) -> Program:
    """Assemble and link at 0x10000."""
    key = hashlib.sha256(source.encode()).hexdigest()
    if key not in _cache:
        with tempfile.TemporaryDirectory() as tmp:
            _cache[key] = load_elf(link(source, ["-N", f"-Ttext=0x{TEXT_BASE:x}"], Path(tmp)))
    return _cache[key]


_LINE = re.compile(r"^\s*([0-9a-f]+):\s+(?:[0-9a-f]{2} ){4}\s*(.*)$")


def objdump(path: Path) -> dict[int, str]:
    """address -> objdump's text for every instruction of ``path``, with
    the " <symbol+offset>" after branch targets removed."""
    out = subprocess.run([OBJDUMP, "-d", str(path)], check=True, capture_output=True,
                         text=True).stdout
    texts = {}
    for line in out.splitlines():
        match = _LINE.match(line)
        if match:
            texts[int(match.group(1), 16)] = re.sub(r" <[^>]*>", "", match.group(2)).strip()
    return texts
