"""One assembler front end for every port (GNU as + ld from Debian's
binutils-<triple>), keyed by the port YAML's ``assembler`` section.

``build_image(port, extra)`` assembles the port's snippets plus the user's
file (a ``.c`` file: compiled by the port's GCC, compiler.py), links them
at TEXT_BASE, and returns an Image: loadable segments,
the symbol table (ELF .symtab) and an address -> file:line map (DWARF
.debug_line, from ``as -g``).  Results are cached on disk by a hash of every
input (sources, the generated constants, tool flags and the tool's version),
so a warm run starts no assembler.  An entry also records the hash of every
file the assembler read (``as --MD``: the ``.include``d ones too) and a
checksum of itself; an entry that is not a regular file, not of the expected
shape, fails its checksum or names a changed file is rebuilt (cache.py).

The port's numbers reach the assembly as ``.equiv`` constants generated from
the YAML (see ``port_constants``), so each fact lives in the YAML only.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import os
import re
import shutil
import tempfile
from typing import NamedTuple
from dataclasses import dataclass, field
from pathlib import Path

from elftools.elf.constants import SH_FLAGS
from elftools.elf.elffile import ELFFile

from . import cache, compiler
from .cache import cache_dir
from .errors import InputError
from .isolation import run_tool
from .layout import merged_runs
from .model import PortModel

TEXT_BASE = 0x10000
CACHE_VERSION = "13"       # 13: the data at 0x85a0 in their 64 KiB; Image.owned
MAX_ROW_SPAN = 4096        # bytes one line-table row may cover in the address map
MAX_IMAGE = 64 << 20      # bytes an image may occupy: far more than any spl snippet needs


@dataclass
class Image:
    """Assembled and linked code: what the machine loads."""
    segments: list[tuple[int, bytes]]
    symbols: dict[str, int]
    lines: dict[int, str]           # address -> "file:line"
    #: the names the user's files (``build_image``'s extra) define: where
    #: one is also the port's, the user's definition is the one linked
    user_symbols: frozenset[str] = frozenset()
    #: the names of data, not code: ELF objects (STT_OBJECT) and symbols
    #: of no executable section (SHF_EXECINSTR)
    data_symbols: frozenset[str] = frozenset()
    #: the addresses of the symbols the user's files define (a local one
    #: named as one of the port's files' locals too: ``processing``)
    user_addresses: frozenset[int] = frozenset()
    #: (name, address) of the local symbols whose name an earlier one took
    #: in ``symbols`` (two files' ``processing``): symbol_of names them too
    more_symbols: tuple[tuple[str, int], ...] = ()
    #: sorted (start, end) of the bytes the user's objects take
    #: (_owned_extents): the routine's own data; every other byte is another's
    owned: tuple[tuple[int, int], ...] = ()
    _sorted: list | None = field(default=None, repr=False, compare=False)

    def symbol(self, name: str) -> int:
        try:
            return self.symbols[name]
        except KeyError:
            raise InputError(f"unknown symbol {name!r} (not defined by the port's snippets or yours)") from None

    def routine(self, name: str) -> int:
        """The address of the code ``name`` names; InputError where it is
        unknown or names data (a --routine naming cpl is a typo, not code
        to run)."""
        address = self.symbol(name)
        if name in self.data_symbols:
            where = self._definition_line(name)
            raise InputError(f"{where + ': ' if where else ''}{name!r} names data at {address:#x}, "
                             f"not code: a routine's symbol is a label in an executable "
                             f"section (.text)")
        return address

    def _definition_line(self, name: str) -> str | None:
        """"file:line" of a data definition of ``name`` in a file the image
        has code from (an assembler label ``name:``, or a C definition
        ``... name = ...;``, ``... name;``, ``... name[...]``, not extern),
        None where none is found: data have no line table of their own."""
        label = re.compile(rf"^\s*{re.escape(name)}\s*:")
        c_definition = re.compile(rf"^(?!\s*extern\b)[^(]*\b{re.escape(name)}\s*(=|;|\[)")
        for path in sorted({where.rpartition(":")[0] for where in self.lines.values()}):
            try:
                text = Path(path).read_text(errors="replace").splitlines()
            except OSError:
                continue
            for number, line in enumerate(text, 1):
                if label.match(line) or path.endswith(".c") and c_definition.match(line):
                    return f"{_short(path)}:{number}"
        return None

    def code_segments(self) -> list[tuple[int, bytes]]:
        """The segments holding code: a label of an executable section or
        an instruction the assembler recorded a line for (the data, linked
        apart since _data_address, are left out)."""
        code = [address for name, address in self.symbols.items()
                if name not in self.data_symbols]
        code += self.lines
        return [(base, body) for base, body in self.segments
                if any(base <= address < base + len(body) for address in code)]

    def addresses_from(self, path: Path) -> frozenset[int]:
        """The addresses of the instructions assembled from ``path``."""
        wanted = os.path.realpath(path)
        return frozenset(address for address, where in self.lines.items()
                         if os.path.realpath(where.rpartition(":")[0]) == wanted)

    def line_of(self, address: int) -> str | None:
        """Where the instruction at ``address`` comes from: "file:line" (path
        relative to the working directory when below it), or None where the
        assembler recorded no line (inside a macro expansion)."""
        where = self.lines.get(address)
        if where is None:
            return None
        path, _, line = where.rpartition(":")
        return f"{_short(path)}:{line}"

    def symbol_of(self, address: int) -> str | None:
        """"symbol" or "symbol+0xN" for an address inside the image (the
        nearest symbol at or below it, a global one first), as objdump and
        GDB name addresses; None outside the image."""
        if not any(base <= address < base + len(body) for base, body in self.segments):
            return None
        table = self._by_address()
        index = bisect.bisect_right(table, (address, chr(0x10FFFF))) - 1
        if index < 0:
            return None
        value, name = table[index][0], table[index][2]
        return name if value == address else f"{name}+0x{address - value:x}"

    def users_nearest(self, address: int) -> bool:
        """Is the nearest symbol address at or below ``address`` one where
        the user's files define a symbol (user_addresses)?"""
        table = self._by_address()
        index = bisect.bisect_right(table, (address, chr(0x10FFFF))) - 1
        return index >= 0 and table[index][0] in self.user_addresses

    def owns(self, address: int) -> bool:
        """Is the byte at ``address`` one of the user's objects' (owned)?"""
        index = bisect.bisect_right(self.owned, (address, 1 << 64)) - 1
        return index >= 0 and address < self.owned[index][1]

    def object_near(self, address: int) -> str | None:
        """"symbol+0xN" for ``address`` from the nearest symbol at or below
        it that is not one the linker makes (``_edata``, ``__bss_start``),
        inside the image's segments or past them; None below every symbol."""
        table = self._by_address()
        index = bisect.bisect_right(table, (address, chr(0x10FFFF))) - 1
        while index >= 0 and _LINKER_NAME.match(table[index][2]):
            index -= 1
        if index < 0:
            return None
        value, name = table[index][0], table[index][2]
        return name if value == address else f"{name}+0x{address - value:x}"

    def names_nearest(self, address: int) -> list[str]:
        """Every name of the nearest symbol address at or below ``address``
        (symbol_of gives one of them): a linker's ``__bss_start`` and
        ``_edata`` share their address with the first .bss variable."""
        table = self._by_address()
        index = bisect.bisect_right(table, (address, chr(0x10FFFF))) - 1
        if index < 0:
            return []
        value = table[index][0]
        names = []
        while index >= 0 and table[index][0] == value:
            names.append(table[index][2])
            index -= 1
        return names

    def where(self, address: int) -> str | None:
        """file:line first, symbol+offset where the assembler recorded no line."""
        return self.line_of(address) or self.symbol_of(address)

    def _by_address(self) -> list[tuple[int, str, str]]:
        """(address, sort key, name) of every symbol, sorted; at one address
        the first name of ``symbols`` (globals come first) sorts last, so a
        search for the last entry at or below an address finds it."""
        if self._sorted is None:
            named = [*self.symbols.items(), *self.more_symbols]
            count = len(named)
            self._sorted = sorted((value, f"{count - i:08d}", name)
                                  for i, (name, value) in enumerate(named))
        return self._sorted


#: names GNU ld's default scripts define, which mark no object
_LINKER_NAME = re.compile(r"_*(bss_start|edata|end|etext|executable_start|data_start)$")


def port_constants(port: PortModel) -> str:
    """`.equiv` lines (GNU as's `.equ` that refuses a redefinition; PA-RISC
    gas keeps `.equ` for its own SOM syntax) for every IPL and source fact the snippets may use:
    IPL_x (intr.h value), SPL_x (the spl value, x without IPL_),
    SRC_<NAME>_LEVEL / _BIT / _SPL / _VECTOR, and the macro
    ``IPLEMU_SOURCES m`` that invokes ``m name, bit, level, spl, vector`` for
    every source, so a snippet can build one stub per source; where the
    port has an interrupt.enable_register, IPLEMU_IENAB (its address) and
    IPLEMU_IENAB_ALL (the bits that enable every level)."""
    out = [f"/* generated from {port.path.name}: do not edit */"]
    for ipl in port.ipls.values():
        out.append(f"\t.equiv {ipl.name}, {ipl.value}")
        out.append(f"\t.equiv SPL_{ipl.name[4:]}, {ipl.spl}")
    out.append("\t.macro IPLEMU_SOURCES m")
    for src in port.sources:  # \m name, bit, level, spl, vector (-1: not on this port)
        bit = -1 if src.bit is None else src.bit
        level = -1 if src.level is None else src.level
        out.append(f"\t\\m {src.name}, {bit}, {level}, {port.ipls[src.ipl].spl}, {src.vector}")
    out.append("\t.endm")
    for src in port.sources:
        tag = src.name.upper()
        if src.level is not None:
            out.append(f"\t.equiv SRC_{tag}_LEVEL, {src.level}")
        if src.bit is not None:
            out.append(f"\t.equiv SRC_{tag}_BIT, {src.bit}")
        out.append(f"\t.equiv SRC_{tag}_SPL, {port.ipls[src.ipl].spl}")
        out.append(f"\t.equiv SRC_{tag}_VECTOR, {src.vector}")
    enable = port.interrupt_enable_register
    if enable is not None:
        out.append(f"\t.equiv IPLEMU_IENAB, {enable.address}")
        out.append(f"\t.equiv IPLEMU_IENAB_ALL, {enable.all}")
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
    entry = cache_dir() / f"{key}.json"
    payload = cache.read(entry)
    if payload is not None:
        image = _cached_image(payload)
        if image is not None and image.segments and _named_symbols(port) <= set(image.symbols):
            return image
    image, read = _assemble_and_link(port, files, constants)
    cache.write(entry, {"image": _image_to_json(image), "read": read})
    return image


def _named_symbols(port: PortModel) -> set[str]:
    """Symbols the port's YAML names, which its own snippets define."""
    return ({s.stub for s in port.sources} | {s.handler for s in port.sources}
            | {r.symbol for r in port.routines.values()})


def _cached_image(payload) -> Image | None:
    """The image of a verified cache entry, or None when it has the wrong
    shape or a file the assembler read then has changed since."""
    try:
        read = payload["read"]
        if not isinstance(read, dict) or any(
                not isinstance(path, str) or cache.file_digest(Path(path)) != digest
                for path, digest in read.items()):
            return None
        return _image_from_json(payload["image"])
    except (KeyError, TypeError, ValueError):
        return None


def _cache_key(port: PortModel, files: list[Path], constants: str) -> str:
    digest = hashlib.sha256()
    digest.update(CACHE_VERSION.encode())
    digest.update(port.assembler_triple.encode())
    digest.update(repr((port.as_flags, port.ld_flags, port.kernel_text,
                        port.run_at_kernel_text)).encode())
    digest.update(_tool_identity(port).encode())
    digest.update(constants.encode())
    if any(compiler.is_c(path) for path in files):
        gcc = compiler.compiler_path(port, next(p for p in files if compiler.is_c(p)))
        digest.update(f"{gcc}:{os.stat(gcc).st_mtime_ns}".encode())
        digest.update(repr(port.compiler.flags).encode())
        digest.update(compiler.port_header(port).encode())
    for path in files:
        content = cache.file_digest(path)
        if content is None:
            raise InputError(f"{path}: cannot read (not a readable regular file)")
        digest.update(str(path.resolve()).encode())
        digest.update(content.encode())
    return digest.hexdigest()[:32]


def _tool_identity(port: PortModel) -> str:
    """The assembler's path and mtime: a new binutils invalidates the cache
    without starting a process on the warm path."""
    path = tool(port, "as")
    return f"{path}:{os.stat(path).st_mtime_ns}"


_AS_ERROR = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?:Error|Fatal error): (?P<msg>.*)$")
_LD_OBJECT = re.compile(r"\S*/(\d+)\.o:")        # an object of ours, by its index in files
_LD_TWICE = re.compile(r"(?:@(?P<obj>\d+):)?(?P<where>[^\s@]+): multiple definition of "
                       r"[`'](?P<sym>[^'`]+)'; @(?P<first_obj>\d+):(?P<first>\S+): first defined here")
_LD_UNDEFINED = re.compile(r"undefined reference to [`'](?P<sym>[^'`]+)'")
#: GCC's runtime helpers (libgcc, millicode): ``__divdi3``, alpha
#: ``__reml``, hppa ``$$remI``, sparc ``.udiv``, powerpc ``_savegpr_29``
_RUNTIME_HELPER = re.compile(r"__|\$\$|\.|_savegpr|_restgpr")


def _assemble_and_link(port: PortModel, files: list[Path], constants: str) -> tuple[Image, dict]:
    """The linked image, and {path: digest} of every file the assembler read."""
    read: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="iplemu-") as tmp:
        workdir = Path(tmp)
        (workdir / "port.inc").write_text(constants)
        (workdir / compiler.HEADER).write_text(compiler.port_header(port))
        objects = []
        for i, path in enumerate(files):
            obj = workdir / f"{i}.o"
            deps = workdir / f"{i}.d"
            if compiler.is_c(path):      # an object of its own: no labels shared with other code
                compiler.compile_c(port, path, workdir, obj, deps)
                base = Path.cwd()        # gcc ran here and names what it read from here
            else:
                # run in workdir: GNU as looks in the current directory before any -I,
                # and a port.inc of the user's there must not replace the generated one
                cmd = [tool(port, "as"), *port.as_flags, "-g", "--MD", str(deps), "-I", str(workdir),
                       "-I", os.path.abspath(path.parent), "-I", os.getcwd(),
                       "-o", str(obj), os.path.abspath(path)]
                result = run_tool(cmd, cwd=workdir)
                if result.returncode != 0:
                    raise InputError(_first_as_error(result.stderr, path))
                base = workdir
            _refuse_too_big(_allocated_bytes(obj), path)
            objects.append(str(obj))
            for dep in _dependencies(deps.read_text(errors="replace")):
                resolved = Path(os.path.abspath(base / dep))
                if workdir not in resolved.parents:   # port.inc and port.h are in the key already
                    read[str(resolved)] = cache.file_digest(resolved)
        ported = len(port.snippets)
        user_symbols = _take_user_definitions(port, objects[:ported],
                                              list(zip(files[ported:], objects[ported:])))
        elf = workdir / "image.elf"
        text = port.kernel_text if port.run_at_kernel_text else TEXT_BASE
        mapped = f"-Map={workdir / 'image.map'}"
        result = run_tool([*_link_command(port, text, elf, objects), mapped])
        if result.returncode == 0:
            data_at = _data_address(elf.read_bytes())
            if data_at is not None:
                result = run_tool([*_link_command(port, text, elf, objects, data_at), mapped])
        if result.returncode != 0:
            where = f" (linked where {port.name}'s kernel is, at 0x{text:x}: " \
                    f"assembler.kernel_text)" if port.run_at_kernel_text else ""
            raise InputError(_link_error(result.stderr, files) + where)
        if port.kernel_text is not None and not port.run_at_kernel_text:
            _link_at_kernel_text(port, objects, workdir, files)
        image = _load_elf(elf.read_bytes(), files[-1], _owners(objects[:ported], user_symbols),
                          _user_sections((workdir / "image.map").read_text(errors="replace"),
                                         objects[ported:]))
        image.user_symbols = user_symbols
        return image, read


def _link_command(port: PortModel, text: int, out: Path, objects: list[str],
                  data: int | None = None) -> list[str]:
    """ld linking ``objects`` into ``out`` with the text (and the entry) at
    ``text``, and the data at ``data`` when given."""
    placed = [f"-Tdata=0x{data:x}"] if data is not None else []
    return [tool(port, "ld"), *port.ld_flags, "-N", f"-Ttext=0x{text:x}", *placed,
            "-e", f"0x{text:x}", "-o", str(out), *objects]


def _data_address(elf_bytes: bytes) -> int | None:
    """Where the data go so that their addresses have bit 15 set and no
    round low bits, or None where they have both already (or there are no
    data).

    A 16-bit displacement is sign-extended on most of the CPUs modelled
    (PowerPC D-form, PEM §4.2.3; MIPS I-type; Alpha's memory format), so the
    high half of an address must be adjusted by one when its low half is
    0x8000 or more (``@ha``, not ``@h``; ``ldah`` with the carry).  Code
    forming an address with the unadjusted high half works only where the
    linker happens to put the data below 0x8000 in their 64 KiB.  And a
    high part alone (SPARC ``sethi %hi``, 22 bits; PA-RISC ``ldil L%``, 21;
    MIPS ``lui``) reaches the data only where their low bits are 0: code
    leaving out the low part, or a word equal to its high part (hppa's dp
    at ``$global$``), works by luck there.  The data are linked at the first
    address at or after where they would go whose low 16 bits are
    DATA_LOW_BITS (rounded up to the sections' alignment), the gap left
    unmapped (_section_ranges)."""
    elf = ELFFile(io.BytesIO(elf_bytes))
    writable = [section for section in elf.iter_sections()
                if section["sh_flags"] & SH_FLAGS.SHF_ALLOC and section["sh_size"]
                and section["sh_flags"] & SH_FLAGS.SHF_WRITE]
    if not writable:
        return None
    start = min(section["sh_addr"] for section in writable)
    if start & 0x8000 and start & 0x7FF:
        return None
    align = max(max(section["sh_addralign"] for section in writable), 1)
    low = -(-DATA_LOW_BITS // align) * align
    placed = (start & ~0xFFFF) | low
    return placed if placed >= start else placed + 0x10000


#: the low 16 bits of the data's first address (_data_address):
#: bit 15 set, and the low 10, 11 and 12 bits not 0
DATA_LOW_BITS = 0x85A0


def _link_at_kernel_text(port: PortModel, objects: list[str], workdir: Path,
                         files: list[Path]) -> None:
    """Link the objects where the port's kernel is linked too
    (assembler.kernel_text), only to see that every address fits there: an
    instruction that holds an address in fewer bits than the kernel's
    addresses need (x86-64 ``movl $cpl,%ecx``, a zero-extended 32-bit
    absolute, where NetBSD/amd64's kernel sits in the top 2 GiB) works at
    the model's low addresses and fails to link there."""
    result = run_tool(_link_command(port, port.kernel_text, workdir / "kernel_text.elf", objects))
    if result.returncode == 0:
        return
    where = (f"linked where {port.name}'s kernel is, at 0x{port.kernel_text:x}: "
             f"assembler.kernel_text")
    raise InputError(f"{_link_error(result.stderr, files)} ({where})")


def _link_error(stderr: str, files: list[Path]) -> str:
    """ld's first error, an address that does not fit named first."""
    for line in stderr.splitlines():
        match = _LD_TRUNCATED.search(line)
        if match:
            return f"{match['where'] or str(files[-1])}: {match['what']}"
    return _first_ld_error("\n".join(l for l in stderr.splitlines() if ": warning: " not in l),
                           files)


#: ld's "FILE:LINE:(.text+0x1): relocation truncated to fit: R_X86_64_32
#: against symbol `cpl' defined in .data section in OBJECT"
_LD_TRUNCATED = re.compile(r"^(?:(?P<where>[^:(]+:\d+):)?.*?(?P<what>relocation truncated to fit: "
                           r"\S+ against (?:symbol `[^']+'|`[^']+'))")


def _defined_symbols(obj: str) -> dict[str, str]:
    """{name: ELF binding} of the named code and data symbols ``obj``
    defines (no section, file or assembler-local ``.L`` names)."""
    with open(obj, "rb") as f:
        symtab = ELFFile(f).get_section_by_name(".symtab")
        if symtab is None:
            return {}
        return {sym.name: sym["st_info"]["bind"] for sym in symtab.iter_symbols()
                if sym.name and not sym.name.startswith(".L")
                and sym["st_info"]["type"] in ("STT_NOTYPE", "STT_FUNC", "STT_OBJECT")
                and sym["st_shndx"] != "SHN_UNDEF"}


def _take_user_definitions(port: PortModel, port_objects: list[str],
                           user_objects: list[tuple[Path, str]]) -> frozenset[str]:
    """Make the user's definition of a symbol the port's snippets also
    define the one the link takes, and return every name the user's files
    define.  The port's routines, stubs and handlers are ``.weak`` so that a
    user's global definition replaces them (archs/README.md "Your own
    routines"); a user's file copied from the port's keeps that ``.weak``,
    and GNU ld takes the first of two weak definitions (the port's, linked
    first), and a plain label (a local symbol) never replaces a global one.
    Either would leave the port's code where the user's was meant to be
    checked, with nothing said (red team 22 B F0).  So such a symbol of
    the user's is made global in the user's object (objcopy
    --globalize-symbol; a weak one is made local first, as objcopy keeps
    the weak binding otherwise): a port definition that is not weak then
    meets it as ld's "multiple definition", a link error."""
    ported: set[str] = set()
    for obj in port_objects:
        ported |= {name for name, bind in _defined_symbols(obj).items() if bind != "STB_LOCAL"}
    defined: set[str] = set()
    for path, obj in user_objects:
        symbols = _defined_symbols(obj)
        defined |= set(symbols)
        weak = sorted(n for n, bind in symbols.items() if n in ported and bind == "STB_WEAK")
        local = sorted(n for n, bind in symbols.items() if n in ported and bind == "STB_LOCAL")
        passes = [[f"--localize-symbol={n}" for n in weak],
                  [f"--globalize-symbol={n}" for n in weak + local]]
        for flags in passes:
            if flags:
                result = run_tool([tool(port, "objcopy"), *flags, obj])
                if result.returncode != 0:
                    said = (result.stderr.strip().splitlines() or ["failed"])[-1]
                    raise InputError(f"{path}: objcopy: {said}")
    return frozenset(defined)


def _dependencies(makefile_rule: str) -> list[str]:
    """The prerequisites of the one rule ``as --MD`` writes
    (``obj: a.S b\\ c.inc``; a backslash escapes a space)."""
    text = makefile_rule.replace("\\\n", " ")
    _, _, prerequisites = text.partition(": ")
    return [name.replace("\\ ", " ") for name in re.split(r"(?<!\\)\s+", prerequisites) if name]


def _first_as_error(stderr: str, path: Path) -> str:
    given = os.path.abspath(path)    # as names it so; a marker keeps a ':' or a line break in it
    for line in stderr.replace(given, "\0").splitlines():
        match = _AS_ERROR.match(line)
        if match:
            where = _short(given if match["file"] == "\0" else match["file"])
            message = match["msg"].replace("\0", given)
            return f"{where}:{match['line']}: assembler error: {message}"
    first = next((l for l in stderr.splitlines() if l.strip()), "assembler failed")
    return f"{path}: assembler error: {first}"


def _first_ld_error(stderr: str, files: list[Path]) -> str:
    in_object = None       # ld names the object on a line of its own before a data symbol's
    for line in stderr.splitlines():
        marked = _LD_OBJECT.sub(r"@\1:", line)
        match = _LD_TWICE.search(marked)
        if match:    # a place with no line (data: "(.data+0x14)") is named by its file
            where, first = (match[key] if not match[key].startswith("(") or index is None
                            else str(files[int(index)])
                            for key, index in (("where", match["obj"] or in_object),
                                               ("first", match["first_obj"])))
            return (f"{where}: symbol {match['sym']!r} is defined twice (also in "
                    f"{_short(first)}): give yours another name")
        in_object = next(iter(re.findall(r"@(\d+): in function", marked)), in_object)
        match = _LD_UNDEFINED.search(line)
        if match:
            where = line.split(": ")[0] if line.startswith("/") else str(files[-1])
            helper = _RUNTIME_HELPER.match(match["sym"]) and any(path.suffix == ".c"
                                                                  for path in files)
            return f"{where}: undefined symbol {match['sym']!r}" + (
                " (a helper GCC calls for what the CPU has no instruction for: no libgcc is "
                "linked, archs/README.md \"C snippets\"; write the operation another way or "
                "the helper into your file)" if helper else "")
    first = next((l for l in stderr.splitlines() if l.strip()), "link failed")
    return f"{files[-1]}: link error: {first}"


def _allocated_bytes(obj: Path) -> int:
    """The memory one object's sections take (SHF_ALLOC), counted before
    the link: ld adds addresses in the target's word, so a 4 GiB .bss on a
    32-bit port wraps around to a few bytes and links without a word."""
    with open(obj, "rb") as stream:
        return sum(section["sh_size"] for section in ELFFile(stream).iter_sections()
                   if section["sh_flags"] & SH_FLAGS.SHF_ALLOC)


def _refuse_too_big(size: int, named: Path) -> None:
    if size > MAX_IMAGE:
        raise InputError(f"{named}: the linked image needs {size:,} bytes of memory "
                         f"(at most {MAX_IMAGE:,}); a .space or .bss that large is not an spl routine")


#: an input section's line in GNU ld's map: " name address size file";
#: a long name stands on a line of its own
_MAP_INPUT = re.compile(r"^ (?P<name>[^\s*]\S*)\s+0x(?P<addr>[0-9a-f]+)\s+0x(?P<size>[0-9a-f]+) "
                        r"(?P<file>\S.*)$", re.MULTILINE)


def _user_sections(map_text: str, user_objects: list[str]) -> list[tuple[int, int, bool]]:
    """(start, end, code) of each non-empty allocated input section of
    ``user_objects`` where ld's map (``map_text``) says it linked it (a
    .comm's COMMON too, or .scommon, which the object has no section of):
    ``code`` for an executable one."""
    _, _, linked = map_text.partition("\nLinker script and memory map")
    flags: dict[str, dict[str, int]] = {}
    for obj in user_objects:
        with open(obj, "rb") as stream:
            flags[obj] = {section.name: section["sh_flags"] for section in ELFFile(stream).iter_sections()}
    found = []
    for match in _MAP_INPUT.finditer(linked):
        obj, name, size = match["file"].strip(), match["name"], int(match["size"], 16)
        if obj not in flags or not size:
            continue
        flag = flags[obj].get(name, SH_FLAGS.SHF_ALLOC)     # not a section: commons
        if flag & SH_FLAGS.SHF_ALLOC:
            start = int(match["addr"], 16)
            found.append((start, start + size, bool(flag & SH_FLAGS.SHF_EXECINSTR)))
    return found


def _owned_extents(sections: list[tuple[int, int, bool]], objects: list[tuple[int, int]]
                   ) -> tuple[tuple[int, int], ...]:
    """The bytes the user's objects take: (start, end) runs, sorted.  A code
    section is the user's whole.  A data section is the user's from its
    start (unnamed bytes before its first label: a ``.L`` label's) to the
    end of its last object: ``objects`` are (address, ELF st_size) of the
    image's symbols; a sized one ends at its size, a label without a size
    (``.space`` after a label with no ``.size``) at the next symbol or the
    section's end, the best guess there is.  Bytes between two objects are
    the user's in any link; bytes past the last one (a sized object's tail
    padding) and outside the sections (ld's fill, the rest of the page)
    are another object's in a kernel."""
    addresses = sorted({address for address, _ in objects})
    runs = []
    for start, end, code in sections:
        reach = end if code else start
        inside = [(address, size) for address, size in objects if start <= address < end]
        if not code and not inside:
            reach = end                     # data no symbol names at all: the user's
        for address, size in inside:
            if size:
                reach = max(reach, min(end, address + size))
            else:
                later = addresses[bisect.bisect_right(addresses, address):]
                reach = max(reach, min([end, *later]))
        if reach > start:
            runs.append((start, reach))
    return tuple(merged_runs(runs))


def _load_elf(data: bytes, named: Path, owners: "Owners",
              sections: list[tuple[int, int, bool]] = ()) -> Image:
    """The image ``ld`` wrote (``data``); ``owners`` tells the user's
    symbols from the port's, ``sections`` (_user_sections) where the
    user's objects' sections are."""
    elf = ELFFile(io.BytesIO(data))
    loads = [seg for seg in elf.iter_segments() if seg["p_type"] == "PT_LOAD" and seg["p_memsz"]]
    _refuse_too_big(sum(seg["p_memsz"] for seg in loads), named)
    ranges = _section_ranges(elf)
    segments = []  # .bss: memsz beyond filesz is zero-filled
    for seg in loads:
        body = seg.data() + bytes(seg["p_memsz"] - seg["p_filesz"])
        start = seg["p_vaddr"]
        for low, high in ranges:
            low, high = max(low, start), min(high, start + len(body))
            if low < high:
                segments.append((low, body[low - start:high - start]))
    symbols: dict[str, int] = {}
    data: set[str] = set()
    users: set[int] = set()
    more: list[tuple[str, int]] = []
    seen: dict[str, int] = {}          # local definitions met so far, by name
    objects: list[tuple[int, int]] = []   # (address, st_size) of every label and object
    symtab = elf.get_section_by_name(".symtab")
    if symtab is not None:
        ordered = sorted(symtab.iter_symbols(),   # global and weak (the port's parts) first
                         key=lambda s: s["st_info"]["bind"] == "STB_LOCAL")
        code = {index for index, section in enumerate(elf.iter_sections())
                if section["sh_flags"] & SH_FLAGS.SHF_EXECINSTR}
        for sym in ordered:
            if not _named_definition(sym):
                continue
            name, value = sym.name, sym["st_value"]
            if sym["st_shndx"] != "SHN_ABS" and not _MAPPING_SYMBOL.match(name):
                objects.append((value, sym["st_size"]))
            if sym["st_info"]["bind"] == "STB_LOCAL":
                # ld keeps the objects' locals in link order, the port's first
                later = seen.get(name, 0)
                seen[name] = later + 1
                users_own = later >= owners.port_locals.get(name, 0)
            else:
                users_own = name in owners.user_defined
            if users_own:
                users.add(value)
            if name in symbols:
                # a constant (.equ) names no byte; an ARM mapping symbol
                # ($a, $d: AAELF, "Mapping symbols") names no variable
                if sym["st_shndx"] != "SHN_ABS" and not _MAPPING_SYMBOL.match(name):
                    more.append((name, value))
                continue
            symbols[name] = value
            if sym["st_info"]["type"] == "STT_OBJECT" or sym["st_shndx"] not in code:
                data.add(name)
    loaded = [(section, base, base + len(body)) for section in sections for base, body in segments]
    return Image(segments, symbols, _line_map(elf), data_symbols=frozenset(data),
                 user_addresses=frozenset(users), more_symbols=tuple(more),
                 owned=_owned_extents([section for section, start, end in loaded
                                       if start <= section[0] and section[1] <= end], objects))


def _section_ranges(elf: ELFFile) -> list[tuple[int, int]]:
    """The address ranges the allocated sections cover, neighbours merged:
    a segment's gap between the text and the data
    (_data_address) is no memory of the image's."""
    return merged_runs(((s["sh_addr"], s["sh_addr"] + s["sh_size"]) for s in elf.iter_sections()
                        if s["sh_flags"] & SH_FLAGS.SHF_ALLOC and s["sh_size"]), _SECTION_GAP)


#: sections closer than this are one range (alignment padding between them)
_SECTION_GAP = 0x1000


#: ARM ELF mapping symbols: $a, $t, $d (and $x), optionally ".anything"
_MAPPING_SYMBOL = re.compile(r"\$[adtx](\..*)?$")


class Owners(NamedTuple):
    """Who defines which symbols of a link: the names the user's files
    define, and how many of the port's objects define each local name."""
    user_defined: frozenset[str]
    port_locals: dict[str, int]


def _owners(port_objects: list[str], user_defined: frozenset[str]) -> Owners:
    """Owners of the link of ``port_objects`` and the user's objects (which
    define ``user_defined``, as _take_user_definitions left them)."""
    counts: dict[str, int] = {}
    for obj in port_objects:
        with open(obj, "rb") as f:
            symtab = ELFFile(f).get_section_by_name(".symtab")
            for sym in symtab.iter_symbols() if symtab is not None else ():
                if _named_definition(sym) and sym["st_info"]["bind"] == "STB_LOCAL":
                    counts[sym.name] = counts.get(sym.name, 0) + 1   # each, ARM's $d too
    return Owners(user_defined, counts)


def _named_definition(sym) -> bool:
    """Is ``sym`` a named code or data definition (not a section, file,
    undefined or assembler-local ``.L`` symbol)?"""
    return bool(sym.name) and sym["st_info"]["type"] in ("STT_NOTYPE", "STT_FUNC", "STT_OBJECT") \
        and sym["st_shndx"] != "SHN_UNDEF" and not sym.name.startswith(".L")


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
        step = max(1, header["minimum_instruction_length"])
        compiled = _is_compiled(cu)
        rows = [entry.state for entry in program.get_entries() if entry.state is not None]
        for state, after in zip(rows, rows[1:] + [None]):
            if state.end_sequence:
                continue
            index = state.file - base
            if not 0 <= index < len(names):
                continue
            name = names[index]
            dir_index = header.file_entry[index].dir_index - (1 if header.version < 5 else 0)
            if not name.startswith("/") and 0 <= dir_index < len(dirs):
                name = os.path.join(dirs[dir_index], name)
            # a compiler's row covers the addresses up to the next row (it
            # writes none for many instructions); an assembler writes one per
            # instruction, and none inside a macro expansion (line_of names those)
            end = after.address if compiled and after is not None and after.address > state.address \
                else state.address + step
            text = f"{name}:{state.line}"
            # several compiler rows at one address (where an inlined
            # function's statements start, GCC's views): the last names the
            # instruction, as addr2line and objdump -l say
            if compiled:
                lines[state.address] = text
            for address in range(state.address, min(end, state.address + MAX_ROW_SPAN), step):
                lines.setdefault(address, text)
    return lines


#: DW_LANG_Mips_Assembler, the language GNU as records for a unit: a vendor
#: code in the range DWARF 5 §7.12 leaves to vendors (0x8000-0xffff)
DW_LANG_MIPS_ASSEMBLER = 0x8001


def _is_compiled(cu) -> bool:
    """A unit a compiler wrote (C), not the assembler."""
    language = cu.get_top_DIE().attributes.get("DW_AT_language")
    return language is not None and language.value != DW_LANG_MIPS_ASSEMBLER


def _short(path: str) -> str:
    """A path relative to the working directory when it is below it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return path


def _image_to_json(image: Image) -> dict:
    """Segments as [address, bytes in hex, count of zero bytes after them]:
    a .bss costs its size, not its bytes."""
    segments = []
    for addr, body in image.segments:
        data = body.rstrip(b"\0")
        segments.append([addr, data.hex(), len(body) - len(data)])
    return {"segments": segments, "symbols": image.symbols,
            "lines": {str(k): v for k, v in image.lines.items()},
            "user_symbols": sorted(image.user_symbols),
            "data_symbols": sorted(image.data_symbols),
            "user_addresses": sorted(image.user_addresses),
            "more_symbols": [list(entry) for entry in image.more_symbols],
            "owned": [list(run) for run in image.owned]}


def _image_from_json(data: dict) -> Image:
    """The image back from ``_image_to_json``; ValueError, TypeError or
    KeyError for anything of another shape."""
    segments, total = [], 0
    for addr, hexdata, zeros in data["segments"]:
        if not (_is_int(addr) and _is_int(zeros) and zeros >= 0 and isinstance(hexdata, str)):
            raise ValueError("segment")
        total += len(hexdata) // 2 + zeros
        if total > MAX_IMAGE:
            raise ValueError("segment size")
        segments.append((addr, bytes.fromhex(hexdata) + bytes(zeros)))
    symbols, lines = data["symbols"], data["lines"]
    user, objects = data["user_symbols"], data["data_symbols"]
    addresses, more, owned = data["user_addresses"], data["more_symbols"], data["owned"]
    if not (isinstance(symbols, dict) and all(isinstance(k, str) and _is_int(v) for k, v in symbols.items())
            and isinstance(lines, dict) and all(isinstance(v, str) for v in lines.values())
            and all(isinstance(names, list) and all(isinstance(name, str) for name in names)
                    for names in (user, objects))
            and isinstance(addresses, list) and all(_is_int(a) for a in addresses)
            and isinstance(more, list) and all(isinstance(e, list) and len(e) == 2
                                               and isinstance(e[0], str) and _is_int(e[1])
                                               for e in more)
            and isinstance(owned, list) and all(isinstance(r, list) and len(r) == 2
                                                and all(_is_int(a) for a in r) for r in owned)):
        raise ValueError("symbols or lines")
    return Image(segments, symbols, {int(k): v for k, v in lines.items()}, frozenset(user),
                 frozenset(objects), frozenset(addresses), tuple((n, a) for n, a in more),
                 tuple((start, end) for start, end in owned))


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
