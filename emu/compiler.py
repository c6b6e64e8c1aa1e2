"""C snippets: the port's cross GCC (Debian ``gcc-<triple>``), keyed by the
port YAML's ``compiler`` section.

A C file is compiled on its own into an object (``-c -g``) that the
assembler front end links with the port's snippets, so two compiler outputs
never share labels or relocation numbers (alpha ``$L``, ``!gpdisp``).  It
includes the generated ``port.h``: the same constants as ``port.inc``
(IPL_*, SPL_*, SRC_*, and ``IPLEMU_SOURCES(m)``) and C declarations of the
port's symbols.  ``-MD`` lists every file the compiler read, for the cache.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from .errors import InputError
from .isolation import run_tool
from .model import PortModel

HEADER = "port.h"
#: what every C snippet is compiled with besides the YAML's flags: an
#: object of its own with DWARF lines (traces name the C line), the headers
#: it read (the cache key), diagnostics without colour or source excerpts
DRIVER_FLAGS = ("-c", "-g", "-fdiagnostics-plain-output")


def is_c(path: Path) -> bool:
    return path.suffix == ".c"


def port_header(port: PortModel) -> str:
    """port.h: every IPL and source fact port.inc gives an assembly snippet,
    as C macros, and declarations of the symbols the YAML names (the
    priority and pending words, routines, stubs, handlers) plus the
    compiler section's own declarations."""
    out = [f"/* generated from {port.path.name}: do not edit */",
           "#ifndef IPLEMU_PORT_H", "#define IPLEMU_PORT_H"]
    for ipl in port.ipls.values():
        out.append(f"#define {ipl.name} {ipl.value}")
        out.append(f"#define SPL_{ipl.name[4:]} {ipl.spl:#x}")
    rows = []
    for src in port.sources:
        tag, spl = src.name.upper(), port.ipls[src.ipl].spl
        if src.level is not None:
            out.append(f"#define SRC_{tag}_LEVEL {src.level}")
        if src.bit is not None:
            out.append(f"#define SRC_{tag}_BIT {src.bit}")
        out.append(f"#define SRC_{tag}_SPL {spl:#x}")
        out.append(f"#define SRC_{tag}_VECTOR {src.vector:#x}")
        bit = -1 if src.bit is None else src.bit
        level = -1 if src.level is None else src.level
        rows.append(f"m({src.name}, {bit}, {level}, {spl:#x}, {src.vector:#x})")
    out.append("/* m(name, bit, level, spl, vector) once per source; -1: not on this port */")
    out.append("#define IPLEMU_SOURCES(m) " + " ".join(rows))
    enable = port.interrupt_enable_register
    if enable is not None:
        out.append(f"#define IPLEMU_IENAB {enable.address:#x}")
        out.append(f"#define IPLEMU_IENAB_ALL {enable.all:#x}")
    prio = port.priority
    for word in (prio.symbol, prio.pending):
        if word:
            out.append(f"extern volatile int {word};")
    for routine in port.routines.values():
        result = "int" if routine.returns_value else "void"
        out.append(f"{result} {routine.symbol}({'void' if routine.kind == 'set' else 'int'});")
    for src in port.sources:
        out.append(f"void {src.stub}(void);")
        out.append(f"void {src.handler}(void);")
    for declaration in port.compiler.declarations if port.compiler else ():
        out.append(f"{declaration.rstrip(';')};")
    out.append("#endif")
    return "\n".join(out) + "\n"


def compiler_path(port: PortModel, named: Path) -> str:
    """The port's ``<triple>-gcc``; one line naming the file when the port
    has none or it is not installed."""
    if port.compiler is None:
        raise InputError(f"{named}: {port.name} has no C compiler (no compiler section in {port.path.name})")
    path = shutil.which(f"{port.compiler.triple}-gcc")
    if path is None:
        package = "gcc-" + port.compiler.triple.replace("_", "-")
        raise InputError(f"{named}: compiler {port.compiler.triple}-gcc not found "
                         f"(apt-get install {package}; tools/setup.sh does)")
    return path


def compile_c(port: PortModel, path: Path, workdir: Path, obj: Path, deps: Path) -> None:
    """Compile ``path`` to ``obj`` with port.h (in ``workdir``) on the
    include path; the first error is one line naming the user's file:line."""
    cmd = [compiler_path(port, path), *port.compiler.flags, *DRIVER_FLAGS,
           "-MD", "-MF", str(deps), "-I", str(workdir), "-I", str(path.parent),
           "-o", str(obj), str(path)]
    result = run_tool(cmd, env={**os.environ, "LC_ALL": "C"})   # plain quotes in messages
    if result.returncode != 0:
        raise InputError(_first_error(result.stderr, path))


#: a compiler's error (``error:``) or its assembler's (``Error:``, from an
#: asm statement), at a file and line
_GCC_ERROR = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?:\d+:)? (?:fatal )?"
                        r"(?P<assembler>[Ee])rror: (?P<msg>.*)$")


def _first_error(stderr: str, path: Path) -> str:
    """The first error as one line naming the user's file:line; an
    assembler's error at a line of GCC's own assembly output (a temporary
    .s file, where no debug line directive named the source) names the
    user's file alone."""
    for line in stderr.splitlines():
        match = _GCC_ERROR.match(line)
        if not match:
            continue
        what = "assembler error (an asm statement)" if match["assembler"] == "E" \
            else "compiler error"
        if match["file"].endswith(".s") or match["file"].startswith("{"):
            return f"{path}: {what}: {match['msg']}"
        return f"{match['file']}:{match['line']}: {what}: {match['msg']}"
    first = next((l for l in stderr.splitlines() if l.strip()), "compiler failed")
    return f"{path}: compiler error: {first}"
