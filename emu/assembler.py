"""One assembler front end for every port (GNU as + ld from Debian's
binutils-<triple>), keyed by the port YAML's ``assembler`` section.

``build_image(port, extra)`` assembles the port's snippets plus the user's
file, links them at TEXT_BASE, and returns an Image: loadable segments,
the symbol table (ELF .symtab) and an address -> file:line map (DWARF
.debug_line, from ``as -g``).  Results are cached on disk by a hash of every
input (sources, the generated constants, tool flags and the tool's version),
so a warm run starts no assembler.

The port's numbers reach the assembly as ``.equ`` constants generated from
the YAML (see ``port_constants``), so each fact lives in the YAML only.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from elftools.elf.elffile import ELFFile

from .errors import InputError
from .model import PortModel

TEXT_BASE = 0x10000
CACHE_VERSION = "1"


@dataclass
class Image:
    """Assembled and linked code: what the machine loads."""
    segments: list[tuple[int, bytes]]
    symbols: dict[str, int]
    lines: dict[int, str]           # address -> "file:line"

    def symbol(self, name: str) -> int:
        try:
            return self.symbols[name]
        except KeyError:
            raise InputError(f"unknown symbol {name!r} (not defined by the port's snippets or yours)") from None

    def line_of(self, address: int) -> str | None:
        """Where the instruction at ``address`` comes from: "file:line" (path
        relative to the working directory when below it), or "symbol+0xN"
        where the assembler recorded no line (inside a macro expansion)."""
        where = self.lines.get(address)
        if where is not None:
            path, _, line = where.rpartition(":")
            return f"{_short(path)}:{line}"
        if not any(base <= address < base + len(body) for base, body in self.segments):
            return None
        below = [(value, name) for name, value in self.symbols.items() if value <= address]
        if not below:
            return None
        value, name = max(below)
        return name if value == address else f"{name}+0x{address - value:x}"


def cache_dir() -> Path:
    base = os.environ.get("IPLEMU_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "iplemu")
    return Path(base)


def port_constants(port: PortModel) -> str:
    """`.equ` lines for every IPL and source fact the snippets may use:
    IPL_x (intr.h value), SPL_x (the spl value, x without IPL_),
    SRC_<NAME>_LEVEL / _BIT / _SPL / _VECTOR, and the macro
    ``IPLEMU_SOURCES m`` that invokes ``m name, bit, level, spl, vector`` for
    every source, so a snippet can build one stub per source."""
    out = [f"/* generated from {port.path.name}: do not edit */"]
    for ipl in port.ipls.values():
        out.append(f"\t.equ {ipl.name}, {ipl.value}")
        out.append(f"\t.equ SPL_{ipl.name[4:]}, {ipl.spl}")
    out.append("\t.macro IPLEMU_SOURCES m")
    for src in port.sources:  # \m name, bit, level, spl, vector (-1: not on this port)
        bit = -1 if src.bit is None else src.bit
        level = -1 if src.level is None else src.level
        out.append(f"\t\\m {src.name}, {bit}, {level}, {port.ipls[src.ipl].spl}, {src.vector}")
    out.append("\t.endm")
    for src in port.sources:
        tag = src.name.upper()
        if src.level is not None:
            out.append(f"\t.equ SRC_{tag}_LEVEL, {src.level}")
        if src.bit is not None:
            out.append(f"\t.equ SRC_{tag}_BIT, {src.bit}")
        out.append(f"\t.equ SRC_{tag}_SPL, {port.ipls[src.ipl].spl}")
        out.append(f"\t.equ SRC_{tag}_VECTOR, {src.vector}")
    return "\n".join(out) + "\n"


def tool(port: PortModel, name: str) -> str:
    path = shutil.which(f"{port.assembler_triple}-{name}")
    if path is None:
        raise InputError(f"{port.path}: assembler {port.assembler_triple}-{name} not found "
                         f"(apt-get install binutils-{port.assembler_triple})")
    return path


def build_image(port: PortModel, extra: Path | list[Path] | None = None) -> Image:
    """Assemble the port's snippets and ``extra`` (the user's file, or
    several), link, load."""
    extras = [] if extra is None else [extra] if isinstance(extra, Path) else list(extra)
    files = list(port.snippets) + extras
    constants = port_constants(port)
    key = _cache_key(port, files, constants)
    cached = cache_dir() / f"{key}.json"
    if cached.exists():
        try:
            return _image_from_json(cached.read_text())
        except (ValueError, KeyError):
            pass  # a damaged cache entry is rebuilt below
    image = _assemble_and_link(port, files, constants)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(_image_to_json(image))
        tmp.replace(cached)
    except OSError:
        pass  # the cache is an optimisation; an unwritable one is not an error
    return image


def _cache_key(port: PortModel, files: list[Path], constants: str) -> str:
    digest = hashlib.sha256()
    digest.update(CACHE_VERSION.encode())
    digest.update(port.assembler_triple.encode())
    digest.update(repr((port.as_flags, port.ld_flags)).encode())
    digest.update(_tool_identity(port).encode())
    digest.update(constants.encode())
    for path in files:
        try:
            digest.update(str(path.resolve()).encode())
            digest.update(path.read_bytes())
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    return digest.hexdigest()[:32]


def _tool_identity(port: PortModel) -> str:
    """The assembler's path and mtime: a new binutils invalidates the cache
    without starting a process on the warm path."""
    path = tool(port, "as")
    return f"{path}:{os.stat(path).st_mtime_ns}"


_AS_ERROR = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?:Error|Fatal error): (?P<msg>.*)$")
_LD_UNDEFINED = re.compile(r"undefined reference to [`'](?P<sym>[^'`]+)'")


def _assemble_and_link(port: PortModel, files: list[Path], constants: str) -> Image:
    with tempfile.TemporaryDirectory(prefix="iplemu-") as tmp:
        workdir = Path(tmp)
        (workdir / "port.inc").write_text(constants)
        objects = []
        for i, path in enumerate(files):
            obj = workdir / f"{i}.o"
            cmd = [tool(port, "as"), *port.as_flags, "-g", "-I", str(workdir),
                   "-I", str(path.parent), "-o", str(obj), str(path)]
            result = subprocess.run(cmd, capture_output=True, text=True)
            if result.returncode != 0:
                raise InputError(_first_as_error(result.stderr, path))
            objects.append(str(obj))
        elf = workdir / "image.elf"
        cmd = [tool(port, "ld"), *port.ld_flags, "-N", f"-Ttext=0x{TEXT_BASE:x}",
               "-e", f"0x{TEXT_BASE:x}", "-o", str(elf), *objects]
        result = subprocess.run(cmd, capture_output=True, text=True)
        if result.returncode != 0:
            raise InputError(_first_ld_error(result.stderr, files))
        return _load_elf(elf.read_bytes())


def _first_as_error(stderr: str, path: Path) -> str:
    for line in stderr.splitlines():
        match = _AS_ERROR.match(line)
        if match:
            return f"{match['file']}:{match['line']}: assembler error: {match['msg']}"
    first = next((l for l in stderr.splitlines() if l.strip()), "assembler failed")
    return f"{path}: assembler error: {first}"


def _first_ld_error(stderr: str, files: list[Path]) -> str:
    for line in stderr.splitlines():
        match = _LD_UNDEFINED.search(line)
        if match:
            where = line.split(": ")[0] if line.startswith("/") else str(files[-1])
            return f"{where}: undefined symbol {match['sym']!r}"
    first = next((l for l in stderr.splitlines() if l.strip()), "link failed")
    return f"{files[-1]}: link error: {first}"


def _load_elf(data: bytes) -> Image:
    elf = ELFFile(io.BytesIO(data))
    segments = []  # .bss: memsz beyond filesz is zero-filled
    for seg in elf.iter_segments():
        if seg["p_type"] == "PT_LOAD" and seg["p_memsz"]:
            body = seg.data() + bytes(seg["p_memsz"] - seg["p_filesz"])
            segments.append((seg["p_vaddr"], body))
    symbols: dict[str, int] = {}
    symtab = elf.get_section_by_name(".symtab")
    if symtab is not None:
        ordered = sorted(symtab.iter_symbols(),
                         key=lambda s: s["st_info"]["bind"] != "STB_GLOBAL")
        for sym in ordered:
            if sym.name and sym["st_info"]["type"] in ("STT_NOTYPE", "STT_FUNC", "STT_OBJECT") \
                    and sym["st_shndx"] != "SHN_UNDEF" and not sym.name.startswith(".L"):
                symbols.setdefault(sym.name, sym["st_value"])
    return Image(segments, symbols, _line_map(elf))


def _line_map(elf: ELFFile) -> dict[int, str]:
    lines: dict[int, str] = {}
    if not elf.has_dwarf_info():
        return lines
    dwarf = elf.get_dwarf_info()
    for cu in dwarf.iter_CUs():
        program = dwarf.line_program_for_CU(cu)
        if program is None:
            continue
        header = program.header
        names = [e.name.decode() if isinstance(e.name, bytes) else e.name for e in header.file_entry]
        dirs = [d.decode() if isinstance(d, bytes) else d for d in header.include_directory]
        base = 1 if header.version < 5 else 0
        for entry in program.get_entries():
            state = entry.state
            if state is None or state.end_sequence:
                continue
            index = state.file - base
            if not 0 <= index < len(names):
                continue
            name = names[index]
            dir_index = header.file_entry[index].dir_index - (1 if header.version < 5 else 0)
            if not name.startswith("/") and 0 <= dir_index < len(dirs):
                name = os.path.join(dirs[dir_index], name)
            lines.setdefault(state.address, f"{name}:{state.line}")
    return lines


def _short(path: str) -> str:
    """A path relative to the working directory when it is below it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return path


def _image_to_json(image: Image) -> str:
    return json.dumps({
        "segments": [[addr, body.hex()] for addr, body in image.segments],
        "symbols": image.symbols,
        "lines": {str(k): v for k, v in image.lines.items()},
    })


def _image_from_json(text: str) -> Image:
    data = json.loads(text)
    return Image([(addr, bytes.fromhex(body)) for addr, body in data["segments"]],
                 data["symbols"], {int(k): v for k, v in data["lines"].items()})
