"""iplemu's command line: parse, call the engine, print.

Exit codes: 0 ran and every checked property holds; 1 ran and some
property fails; 2 bad input or usage (one line on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path

from .entry import say
from .errors import GuestFault, InputError, RunError
from .isolation import run_isolated

EXIT_OK, EXIT_FAILS, EXIT_BAD_INPUT = 0, 1, 2
_CANNOT_WRITE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF}
MAX_STEPS = 100_000_000          # --max-steps: well past any spl routine, still finite
MAX_TIMEOUT = 7 * 24 * 3600      # --timeout: a week
RUN_TIMEOUT, WORK_TIMEOUT = 60.0, 1800.0   # default limits: one call; a whole check


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit code 2."""

    def error(self, message):
        print(f"iplemu: {message} (see '{self.prog} --help')", file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)

    def _get_values(self, action, arg_strings):
        """Python 3.11's argparse drops an option value that is exactly '--'
        (``--arg=--``) and passes on an empty list; keep it as written."""
        if action.option_strings and action.nargs is None and arg_strings == ["--"]:
            value = self._get_value(action, "--")
            self._check_value(action, value)
            return value
        return super()._get_values(action, arg_strings)


def _injection(text: str) -> tuple[str, int]:
    name, sep, step = text.rpartition("@")
    if not sep or not name or not step.isdigit() or int(step) > MAX_STEPS:
        raise argparse.ArgumentTypeError(
            f"--inject takes SOURCE@STEP with STEP from 0 to {MAX_STEPS}, got {text!r}")
    return name, int(step)


def _positive(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) <= MAX_STEPS:
        raise argparse.ArgumentTypeError(f"expected a number from 1 to {MAX_STEPS}, got {text!r}")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= MAX_TIMEOUT:   # also refuses nan and inf
        raise argparse.ArgumentTypeError(
            f"--timeout takes seconds from 0 (no limit) to {MAX_TIMEOUT}, got {text!r}")
    return value


def _bounded(parser, timeout: float) -> None:
    """--timeout, shared by every command that runs the engine."""
    parser.add_argument("--timeout", type=_seconds, default=timeout, metavar="S",
                        help=f"stop after S seconds of wall-clock time, exit 2 "
                             f"(default {timeout:g}; 0: no limit)")


def build_parser() -> argparse.ArgumentParser:
    from .parallel import default_jobs
    parser = _Parser(prog="iplemu", description=(
        "Run each port's spl routines, in that port's assembly, on an emulated CPU "
        "with modelled interrupt delivery."))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    ports = sub.add_parser("ports", help="one row per port: CPU, priority kind and place, IPLs")
    ports.add_argument("--format", choices=("text", "json"), default="text")

    run = sub.add_parser("run", help="run a routine (yours or the port's) with a trace")
    run.add_argument("port", help="port name (archs/<port>.yaml) or a path to a port YAML")
    run.add_argument("file", nargs="?", type=Path,
                     help="your assembly file, linked with the port's own routines")
    run.add_argument("--call", required=True, metavar="SYMBOL", help="routine to call")
    run.add_argument("--arg", action="append", default=[], metavar="N|IPL_NAME",
                     help="argument (a number, or an IPL name for its spl value); repeatable")
    run.add_argument("--ipl", default="IPL_NONE", metavar="NAME|N",
                     help="priority to enter before the call: an IPL name or a live value")
    run.add_argument("--inject", action="append", default=[], type=_injection,
                     metavar="SOURCE@STEP", help="request SOURCE from boundary STEP on; repeatable")
    run.add_argument("--max-steps", type=_positive, default=10_000, metavar="N")
    run.add_argument("--latency", type=int, default=None, metavar="N",
                     help="instructions before a priority write takes effect "
                          "(CPUs with delayed writes; default: the longest)")
    run.add_argument("--trace", action="store_true", help="print every instruction")
    run.add_argument("--regs", action="store_true",
                     help="--trace, and under each instruction the registers it changed")
    run.add_argument("--format", choices=("text", "json"), default="text")
    _bounded(run, RUN_TIMEOUT)
    check = sub.add_parser("check", help="check spl routines by exhaustive injection")
    check.add_argument("port", help="port name or a path to a port YAML")
    check.add_argument("--routine", action="append", default=[], metavar="NAME[=KIND[,void]]",
                       help="a routine to check (default: the port's); KIND is raise, lower, "
                            "restore or set:IPL_NAME (no argument: sets that IPL, as spl0 and "
                            "splhigh), needed for your own routines; ',void': the routine returns "
                            "nothing (its return register is not compared); repeatable")
    check.add_argument("--snippet", type=Path, metavar="FILE.S",
                       help="your routines, following the port's ABI (see archs/README.md)")
    check.add_argument("--ipl", action="append", default=[], metavar="NAME",
                       help="explore only these IPLs as from and to (default: all); repeatable")
    check.add_argument("--from", dest="starts", action="append", default=[], metavar="NAME",
                       help="explore only the pairs starting at these IPLs (default: all); "
                            "repeatable")
    check.add_argument("--to", dest="targets", action="append", default=[], metavar="NAME",
                       help="explore only the pairs whose target is one of these IPLs "
                            "(default: all); repeatable")
    check.add_argument("--depth", type=int, choices=(1, 2), default=1,
                       help="2: also a second source at every boundary after the first")
    check.add_argument("--max-steps", type=_positive, default=10_000, metavar="N")
    check.add_argument("--regs", action="store_true",
                       help="counter-example traces also show the registers each instruction changed")
    check.add_argument("--format", choices=("text", "json", "svg"), default="text")
    check.add_argument("--jobs", type=_positive, default=default_jobs(), metavar="N",
                       help="processes to split the IPL pairs over (default: the cores, %(default)s); "
                            "the output is the same for any N")
    check.add_argument("--timings", action="store_true",
                       help="also print the seconds taken (off by default: the output is "
                            "the same on every run)")
    _bounded(check, WORK_TIMEOUT)

    compare = sub.add_parser("compare", help="compare two IPLs of a port, with the evidence")
    compare.add_argument("port")
    compare.add_argument("a", metavar="IPL_A")
    compare.add_argument("b", metavar="IPL_B")
    compare.add_argument("--format", choices=("text", "json"), default="text")
    _bounded(compare, WORK_TIMEOUT)

    table = sub.add_parser("table", help="the portability table (runs the checks)")
    table.add_argument("--ports", nargs="+", metavar="PORT", help="default: every port")
    table.add_argument("--format", choices=("text", "mail", "md", "csv", "json"), default="text")
    table.add_argument("--jobs", type=_positive, default=default_jobs(), metavar="N",
                       help="processes to split the ports over (default: the cores, %(default)s); "
                            "the output is the same for any N")
    table.add_argument("--no-cache", action="store_true", help="run every check again")
    table.add_argument("--timings", action="store_true",
                       help="json: also the seconds each port's checks took")
    _bounded(table, WORK_TIMEOUT)
    race = sub.add_parser("race", help="replay the PR#20390 callout race and judge the fixes")
    race.add_argument("ports", nargs="*", metavar="PORT")
    race.add_argument("--all", action="store_true", help="every port with a race scenario")
    race.add_argument("--fix", choices=("none", "spllower", "ack", "all"), default="all",
                      help="the port's dispatchers to run (default: all); with --dispatcher "
                           "only a label: the verdict comes from running it")
    race.add_argument("--snippet", type=Path, metavar="FILE.S",
                      help="your own dispatcher, linked with the port's race.S")
    race.add_argument("--dispatcher", metavar="SYMBOL",
                      help="run this dispatcher (from --snippet) instead of the port's; "
                           "a window in it fails (exit 1)")
    race.add_argument("--format", choices=("text", "json", "svg"), default="text")
    race.add_argument("--jobs", type=_positive, default=default_jobs(), metavar="N",
                       help="processes to split the ports over (default: the cores, %(default)s); "
                            "the output is the same for any N")
    _bounded(race, WORK_TIMEOUT)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = COMMANDS[args.command]

    def work() -> int:
        try:
            return handler(args)
        except (InputError, RunError) as exc:
            print(f"iplemu: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
        except BrokenPipeError:   # the reader went away (| head); nothing left to tell
            return EXIT_OK
        except Exception as exc:  # a bug of ours: still one line, no traceback
            if isinstance(exc, OSError) and exc.errno in _CANNOT_WRITE:   # a full disk
                say(f"iplemu: cannot write: {exc.strerror}")
                return EXIT_BAD_INPUT
            if os.environ.get("IPLEMU_DEBUG"):
                raise
            print(f"iplemu: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT

    return run_isolated(work, f"running '{args.command}'", getattr(args, "timeout", None))


# -- commands -----------------------------------------------------------------

def cmd_ports(args) -> int:
    from .jsonout import document
    from .model import available_ports, load_port
    ports = [load_port(name) for name in available_ports()]
    if args.format == "json":
        print(document("ports", {"ports": [_port_row(p) for p in ports]}))
        return EXIT_OK
    for port in ports:
        prio = port.priority
        where = (f"{prio.register}[{prio.bits[0]}:{prio.bits[1]}]" if prio.register
                 else f"memory word `{prio.symbol}`")
        print(f"{port.name}: {port.description}")
        print(f"  cpu {port.cpu_family}/{port.cpu_model or '-'}, {port.endian}-endian; "
              f"priority: {prio.kind} in {where}"
              + (f", pending in `{prio.pending}`" if prio.pending else ""))
        width = max(len(n) for n in port.ipls)
        for ipl in port.ipls.values():
            live = port.priority_label(prio.of_spl(ipl.spl)).split()[0]
            print(f"    {ipl.name:<{width}}  value {ipl.value:<3} spl {ipl.spl:#010x}  priority {live}")
        print(f"  sources: " + ", ".join(
            f"{s.name}({'L' + str(s.level) if s.level is not None else 'bit ' + str(s.bit)}"
            f"{', soft' if s.soft else ''})" for s in port.sources))
    return EXIT_OK


def _port_row(port) -> dict:
    prio = port.priority
    return {
        "port": port.name, "description": port.description, "cpu": port.cpu_family,
        "model": port.cpu_model, "priority_kind": prio.kind,
        "priority_location": ({"register": prio.register, "bits": list(prio.bits)} if prio.register
                              else {"symbol": prio.symbol}),
        "ipls": {i.name: {"value": i.value, "spl": i.spl, "priority": prio.of_spl(i.spl)}
                 for i in port.ipls.values()},
        "sources": [{"name": s.name, "ipl": s.ipl, "level": s.level, "bit": s.bit, "soft": s.soft}
                    for s in port.sources],
    }


def cmd_run(args) -> int:
    from .assembler import build_image
    from .machine import Injection, Machine
    from .model import load_port
    from .runreport import run_to_json, run_to_text
    port = load_port(args.port)
    _readable(args.file)
    call_args = [_call_argument(port, a, args.call) for a in args.arg]
    priority = _priority_argument(port, args.ipl)
    injections = [Injection(port.source(name), step) for name, step in args.inject]
    image = build_image(port, args.file)
    machine = Machine(port, image, latency=args.latency)
    machine.trace_registers = args.regs
    traced = args.trace or args.regs

    def show(result, fault: str | None = None) -> None:
        if args.format == "json":
            print(run_to_json(port, result, traced, fault=fault))
        else:
            print(run_to_text(port, result, traced, machine.backend.register_bits, fault=bool(fault)))

    try:
        result = machine.call(args.call, call_args, priority, injections,
                              args.max_steps, trace=traced)
    except GuestFault as fault:     # the run up to the fault, then the one-line error
        if fault.result is not None:
            show(fault.result, str(fault))
        raise
    show(result)
    return EXIT_OK


def _readable(path: Path | None) -> None:
    """The user's assembly file exists and is a regular file (a FIFO or a
    device would block or never end)."""
    if path is None:
        return
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")


def _number(text: str) -> int | None:
    """A decimal or 0x/0o/0b number with an optional minus sign, else None."""
    try:
        return int(text.strip(), 0)
    except ValueError:
        return None


def _call_argument(port, text: str, symbol: str) -> int:
    """--arg: an IPL name (what the routine at ``symbol`` takes for it,
    argument_for) or a number that fits the port's argument word (a
    negative one is taken as two's complement)."""
    value = _number(text)
    if value is None:
        return port.spl_of(text, symbol)
    bits = 8 * port.abi.arg_size
    if not -(1 << bits - 1) <= value < 1 << bits:
        raise InputError(f"--arg {text}: does not fit the {port.name} argument word "
                         f"({bits} bits: {-(1 << bits - 1)} to {(1 << bits) - 1:#x})")
    return value & ((1 << bits) - 1)


def _priority_argument(port, text: str) -> int:
    """--ipl: an IPL name, or a live priority that fits the port's priority
    field (a level) or word (a mask)."""
    value = _number(text)
    if value is None:
        try:
            return port.priority_of(text)
        except ValueError:          # a number's prefix with no digits, such as 0x
            raise InputError(f"--ipl {text}: neither an IPL name nor a number") from None
    hi, lo = port.priority.bits
    top = (1 << (hi - lo + 1)) - 1
    if not 0 <= value <= top:
        where = port.priority.register or port.priority.symbol
        raise InputError(f"--ipl {text}: a {port.name} priority is {port.priority.kind} "
                         f"{where}[{hi}:{lo}], from 0 to {top}")
    return value


def _routines_to_check(port, names: list[str]) -> list[tuple[str, str, str, bool, str | None]]:
    """(name, symbol, kind, returns_value, the IPL of a set routine) for each
    --routine NAME[=KIND[,void]] (KIND: raise, lower, restore, set:IPL_NAME;
    default: the port's own)."""
    from .model import ROUTINE_KINDS
    if not names:
        return [(r.name, r.symbol, r.kind, r.returns_value, r.ipl) for r in port.routines.values()]
    chosen = []
    for text in names:
        name, _, spec = text.partition("=")
        kind, _, flag = spec.partition(",")
        kind, colon, ipl = kind.partition(":")
        if kind and kind not in ROUTINE_KINDS:
            raise InputError(f"--routine {text}: KIND must be one of raise, lower, restore, "
                             f"set:IPL_NAME")
        if (kind == "set") != bool(colon):
            raise InputError(f"--routine {text}: " + (
                "a set routine names its IPL: set:IPL_NAME" if kind == "set"
                else "only set takes an IPL (set:IPL_NAME)"))
        if flag not in ("", "void"):
            raise InputError(f"--routine {text}: after the kind only ',void' may follow")
        own = port.routines.get(name)
        if not kind:
            if own is None:
                raise InputError(f"--routine {name}: not one of the port's routines "
                                 f"({', '.join(port.routines)}); say its kind: "
                                 f"{name}=raise|lower|restore|set:IPL_NAME")
            kind, ipl = own.kind, own.ipl
        elif kind == "set":
            ipl = _ipl_names(port, [ipl])[0] if ipl else ""
            if not ipl:
                raise InputError(f"--routine {text}: a set routine names its IPL: set:IPL_NAME")
        returns_value = flag != "void" and (own.returns_value if own and not spec else True)
        chosen.append((name, own.symbol if own else name, kind, returns_value, ipl or None))
    return chosen


def cmd_check(args) -> int:
    from .assembler import build_image
    from .check import check_port, routine_pairs
    from .checkreport import check_to_json, check_to_text
    from .machine import Machine
    from .model import load_port
    from .svgtimeline import check_to_svg
    port = load_port(args.port)
    _readable(args.snippet)
    routines = _routines_to_check(port, args.routine)
    image = build_image(port, args.snippet)
    for _, symbol, *_ in routines:
        image.symbol(symbol)
    only, starts, targets = (_ipl_names(port, names)
                             for names in (args.ipl, args.starts, args.targets))
    for name, _, kind, _, fixed in routines:
        if not routine_pairs(port, kind, only, starts, targets, fixed):
            raise InputError(f"{port.name}: no IPL pair of {name} ({kind}) is left by "
                             f"--ipl/--from/--to")
    machine = Machine(port, image)
    machine.trace_registers = args.regs
    check = check_port(machine, routines, args.max_steps, args.depth, only, args.jobs,
                       starts, targets)
    if args.format == "svg":
        print(check_to_svg(port, check))
    else:
        render = check_to_json if args.format == "json" else check_to_text
        print(render(port, check, timings=args.timings,
                     register_bits=machine.backend.register_bits))
    return EXIT_OK if check.holds else EXIT_FAILS


def _ipl_names(port, names: list[str]) -> list[str]:
    """IPL names as the user wrote them (IPL_SOFTNET, softnet), checked."""
    keys = []
    for name in names:
        key = name.upper() if name.upper().startswith("IPL_") else "IPL_" + name.upper()
        if key not in port.ipls:
            raise InputError(f"{port.name}: unknown IPL {name!r} (known: {', '.join(port.ipls)})")
        keys.append(key)
    return keys


def cmd_compare(args) -> int:
    from .assembler import build_image
    from .checkreport import compare_to_json, compare_to_text
    from .machine import Machine
    from .model import load_port
    from .order import derive_order
    port = load_port(args.port)
    names = _ipl_names(port, [args.a, args.b])
    order = derive_order(Machine(port, build_image(port)))
    render = compare_to_json if args.format == "json" else compare_to_text
    print(render(port, order, *names))
    return EXIT_OK


def cmd_table(args) -> int:
    from .model import available_ports
    from .table import RENDERERS, port_rows
    names = args.ports or available_ports()
    known = available_ports()
    for name in names:
        if name not in known:
            raise InputError(f"unknown port {name!r} (known: {', '.join(known)})")
    rows = port_rows(names, not args.no_cache, args.jobs)
    if not args.timings:
        for row in rows:
            row.pop("seconds", None)
    print(RENDERERS[args.format](rows))
    return EXIT_OK if all(r["routines_hold"] for r in rows) else EXIT_FAILS


def cmd_race(args) -> int:
    from .model import available_ports, load_port
    from .race import FIXES, YOURS, race_ports
    from .racereport import races_to_json, races_to_text
    from .svgtimeline import races_to_svg
    if args.all == bool(args.ports):
        raise InputError("name the ports, or say --all")
    names = available_ports() if args.all else args.ports
    fixes = FIXES if args.fix == "all" else (args.fix,)
    if args.dispatcher:
        fixes = (YOURS,) if args.fix == "all" else fixes
    _readable(args.snippet)
    models = {name: load_port(name) for name in names}
    results = race_ports(names, fixes, args.snippet, args.dispatcher, args.jobs)
    if args.format == "json":
        print(races_to_json(results))
    elif args.format == "svg":
        print(races_to_svg(models, results))
    else:
        print(races_to_text(models, results))
    return EXIT_FAILS if any(r.fails for r in results) else EXIT_OK


COMMANDS = {"race": cmd_race, "ports": cmd_ports, "run": cmd_run, "check": cmd_check, "compare": cmd_compare,
            "table": cmd_table}


if __name__ == "__main__":
    from emu.entry import main as entry_main   # the signal and stream set-up first
    sys.exit(entry_main())
