"""Build SPARC test programs with GNU binutils and load them into a backend.

``assemble`` runs ``sparc64-linux-gnu-as -32 -Av8`` and ``ld -m elf32_sparc``
(``V9``: ``-64 -Av9`` and ``elf64_sparc``)
(outputs cached by a hash of the source and options for the life of the test
process, since the tools' start-up dominates short tests); ``load_elf`` maps
and fills the ELF's PT_LOAD segments and returns its symbols.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile

from elftools.elf.elffile import ELFFile

AS = "sparc64-linux-gnu-as"
LD = "sparc64-linux-gnu-ld"
PAGE_SIZE = 0x1000
_cache_dir = tempfile.TemporaryDirectory(prefix="iplemu-sparc-")  # removed at exit

#: Link a bare test image: text at 0x10000, data right after it.
BARE_LINK = ("-N", "-Ttext=0x10000")
#: Link a static sparc32 Linux program that qemu-sparc can run.
LINUX_LINK = ("-static",)
#: the assembler flags and ld emulation of SPARC V8 (32-bit) and V9 (64-bit)
V8 = (("-32", "-Av8"), "elf32_sparc")
V9 = (("-64", "-Av9"), "elf64_sparc")


def require_binutils() -> None:
    missing = [tool for tool in (AS, LD) if shutil.which(tool) is None]
    if missing:
        raise RuntimeError(f"{', '.join(missing)} not found: "
                           "apt-get install binutils-sparc64-linux-gnu")


def assemble(source: str, link_args: tuple[str, ...] = BARE_LINK, isa=V8) -> str:
    """Assemble and link ``source``; return the path of the ELF file."""
    require_binutils()
    as_flags, emulation = isa
    key = hashlib.sha256(repr((source, link_args, isa)).encode()).hexdigest()[:24]
    elf = os.path.join(_cache_dir.name, key + ".elf")
    if os.path.exists(elf):
        return elf
    with tempfile.TemporaryDirectory(dir=_cache_dir.name) as work:
        src, obj, out = (os.path.join(work, n) for n in ("p.S", "p.o", "p.elf"))
        with open(src, "w") as f:
            f.write(source)
        for cmd in ([AS, *as_flags, "-o", obj, src],
                    [LD, "-m", emulation, *link_args, "-o", out, obj]):
            result = subprocess.run(cmd, capture_output=True, text=True)
            if result.returncode:
                raise RuntimeError(f"{' '.join(cmd)} failed:\n{result.stderr}")
        os.replace(out, elf)
    return elf


def load_elf(backend, path: str) -> dict[str, int]:
    """Map the pages of every PT_LOAD segment, copy the file contents in,
    and return {symbol name: address}."""
    with open(path, "rb") as f:
        elf = ELFFile(f)
        segments = [(seg["p_vaddr"], seg["p_memsz"], seg.data())
                    for seg in elf.iter_segments() if seg["p_type"] == "PT_LOAD"]
        symtab = elf.get_section_by_name(".symtab")
        symbols = {sym.name: sym["st_value"] for sym in symtab.iter_symbols()
                   if sym.name}
    pages = sorted({page for vaddr, memsz, _ in segments
                    for page in range(vaddr // PAGE_SIZE,
                                      (vaddr + memsz + PAGE_SIZE - 1) // PAGE_SIZE)})
    # Map runs of consecutive pages as one region each.
    start = previous = None
    for page in pages + [None]:
        if start is not None and page != previous + 1:
            backend.map_memory(start * PAGE_SIZE, (previous + 1 - start) * PAGE_SIZE)
            start = None
        if start is None:
            start = page
        previous = page
    for vaddr, _, data in segments:
        backend.write_memory(vaddr, data)
    return symbols


def qemu_trace(emulator: str, elf: str, timeout: int = 300) -> tuple[list[str], bytes]:
    """Run ``elf`` under Debian's ``emulator`` (qemu-sparc, qemu-sparc64)
    with ``-singlestep -d cpu,nochain``: the log's per-instruction blocks
    (each starting after its ``pc: ``) and the program's stdout."""
    qemu = shutil.which(emulator)
    assert qemu, (f"{emulator} not found: the differential test needs Debian's "
                  "qemu-user (apt-get install qemu-user)")
    with tempfile.TemporaryDirectory() as work:
        log = os.path.join(work, "log")
        result = subprocess.run([qemu, "-singlestep", "-d", "cpu,nochain", "-D", log, elf],
                                capture_output=True, timeout=timeout)
        assert result.returncode == 0, result.stderr.decode()
        with open(log) as f:
            text = f.read()
    return re.split(r"^pc: ", text, flags=re.M)[1:], result.stdout
