"""iplemu's command line: parse, call the engine, print.

Exit codes: 0 ran and every checked property holds; 1 ran and some
property fails; 2 bad input or usage (one line on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import errno
import functools
import os
import sys
from pathlib import Path

from .entry import say
from .errors import GuestFault, InputError, RunError
from .isolation import run_isolated
from .userfiles import file_problem

EXIT_OK, EXIT_FAILS, EXIT_BAD_INPUT = 0, 1, 2
_CANNOT_WRITE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF}
MAX_STEPS = 100_000_000          # --max-steps: well past any spl routine, still finite
#: --max-steps' default, machine.DEFAULT_MAX_STEPS (not imported here: the
#: CLI loads no emulator before a command needs one)
DEFAULT_MAX_STEPS = 10_000
MAX_TIMEOUT = 7 * 24 * 3600      # --timeout: a week
RUN_TIMEOUT, WORK_TIMEOUT = 60.0, 1800.0   # default limits: one call; a whole check
#: check's default limit with --depth 2 or all: depth 2 of one port costs up
#: to ~60x depth 1 (powerpc: 27 CPU minutes, issue 10), more on a loaded machine
DEEP_TIMEOUT = 8 * 3600.0


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit code 2."""

    def error(self, message):
        print(f"iplemu: {message} (see '{self.prog} --help')", file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)

    def _print_message(self, message, file=None):
        """argparse drops a failed write (``--help > /dev/full`` printed
        nothing and exited 0); let it raise, for entry.main to report."""
        if message:
            (file or sys.stderr).write(message)

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


def _depth(text: str) -> int | str:
    """--depth: 1, 2 or all."""
    if text in ("1", "2", "all"):
        return text if text == "all" else int(text)
    raise argparse.ArgumentTypeError(f"invalid choice: {text!r} (choose from 1, 2, all)")


def _states(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
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


def _bounded(parser, timeout: float, deep: float | None = None) -> None:
    """--timeout, shared by every command that runs the engine (``deep``:
    the default with --depth 2 or all, when the command has --depth)."""
    default = f"{timeout:g}" if deep is None else f"{timeout:g}, with --depth 2 or all {deep:g}"
    parser.add_argument("--timeout", type=_seconds, default=timeout if deep is None else None,
                        metavar="S", help=f"stop after S seconds of wall-clock time, exit 2 "
                                          f"(default {default}; 0: no limit)")


class _HelpFormatter(argparse.HelpFormatter):
    """Descriptions wrapped, examples (text with line breaks) as written; an
    option's default appended to its help when it has one worth saying and
    the help does not say it."""

    def _fill_text(self, text, width, indent):
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)

    def _get_help_string(self, action):
        text = action.help or ""
        if action.default in (None, False, [], argparse.SUPPRESS) or "default" in text \
                or not action.option_strings:
            return text
        return f"{text} (default: %(default)s)"


# -- options every command shares -----------------------------------------------

PORT_HELP = ("a port: its name or alias (see 'iplemu ports'), or a path to a port YAML; "
             "--port-path DIR adds your own")
FORMAT_MEANINGS = {"text": "for people", "json": "one JSON document for scripts",
                   "svg": "a timeline picture", "csv": "one line per port",
                   "mail": "the reply to the PR#20390 thread, as plain text",
                   "md": "the same reply in Markdown"}


def _common_options() -> argparse.ArgumentParser:
    """--port-path and --no-cache, accepted by every command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--port-path", action="append", default=[], metavar="DIR",
                        help="also take every DIR/*.yaml as a port, searched before the "
                             "shipped ones; repeatable (also the variable IPLEMU_PORT_PATH, "
                             "DIRs separated by ':'; see archs/README.md)")
    common.add_argument("--no-cache", action="store_true",
                        help="ignore cached images and table rows: assemble and run everything again")
    return common


def _one_port(parser) -> None:
    parser.add_argument("port", help=PORT_HELP)


def _many_ports(parser, when_none: str) -> None:
    """The one way to choose several ports: name them, or say --all
    (``--ports P...``, the older spelling, still adds to the names)."""
    parser.add_argument("ports", nargs="*", metavar="PORT", help=PORT_HELP + "; " + when_none)
    parser.add_argument("--ports", dest="more_ports", action="extend", nargs="+", default=[],
                        metavar="PORT", help="more ports, as if named before; repeatable")
    parser.add_argument("--all", action="store_true", help="every port")


def _format(parser, choices: tuple[str, ...]) -> None:
    parser.add_argument("--format", choices=choices, default="text",
                        help="; ".join(f"{c}: {FORMAT_MEANINGS[c]}" for c in choices))


def _snippet_help(what: str) -> str:
    return f"{what}; '-' reads assembly from standard input"


def _command(sub, common, name: str, summary: str, description: str, examples: list[str]):
    return sub.add_parser(name, help=summary, parents=[common], formatter_class=_HelpFormatter,
                          description=description,
                          epilog="examples:\n" + "\n".join(f"  {e}" for e in examples))


def _version() -> str:
    from . import __version__
    return f"iplemu {__version__}"


@functools.cache
def build_parser() -> argparse.ArgumentParser:
    """The whole command line, built once per process (~5 ms): parsing
    leaves a parser as it was, so every later command reuses it."""
    from .parallel import JOBS_VARIABLE, default_jobs
    parser = _Parser(prog="iplemu", formatter_class=_HelpFormatter, description=(
        "Run each port's spl routines, in that port's assembly, on an emulated CPU "
        "with modelled interrupt delivery."),
        epilog="'iplemu COMMAND --help' explains a command, with examples.")
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    common = _common_options()
    jobs_help = (f"processes to split the work over (default: ${JOBS_VARIABLE} if set, else "
                 f"the cores, {default_jobs()}); the output is the same for any N")

    ports = _command(sub, common, "ports", "one row per port: CPU, priority kind and place, IPLs",
                     "List the ports (the shipped ones and yours): CPU, where the priority lives, "
                     "what --ipl and --arg numbers mean there, the IPLs with their spl values, "
                     "the interrupt sources and the port's aliases.",
                     ["iplemu ports", "iplemu ports m68k macppc --format json"])
    _many_ports(ports, "none: every port")
    _format(ports, ("text", "json"))

    run = _command(sub, common, "run", "run a routine (yours or the port's) with a trace",
                   "Call one routine on the emulated CPU, optionally with interrupt requests "
                   "raised from a given instruction boundary on, and print what happened; a "
                   "fault, or what the model does not cover (not modelled), ends it with one "
                   "line, exit 2.",
                   ["iplemu run i386 --call splx --arg IPL_NONE --ipl IPL_HIGH --inject clock@0 --trace",
                    "iplemu run m68k mine.S --call myspl --arg 0x2500   # m68k: an SR image"])
    _one_port(run)
    run.add_argument("file", nargs="?",
                     help=_snippet_help("your assembly (.S) or C (.c) file, linked with the port's own routines"))
    run.add_argument("--call", required=True, metavar="SYMBOL", help="routine to call")
    run.add_argument("--arg", action="append", default=[], metavar="N|IPL_NAME",
                     help="argument: an IPL name (what the routine takes for it) or a number, "
                          "meaning what the routine takes on that port (i386: a cpl mask; "
                          "m68k: an SR image; see 'iplemu ports'); repeatable")
    run.add_argument("--argument", choices=("spl", "ipl", "blocked"), default=None,
                     help="what the routine takes, as --routine's argument=A says it for check "
                          "(archs/README.md): spl (an spl value), ipl (an IPL_* number) or "
                          "blocked (the sources to block, at the spl value's bits) "
                          "(default: as the port's routine of that name; your own: spl)")
    run.add_argument("--ipl", default="IPL_NONE", metavar="NAME|N",
                     help="priority to enter before the call: an IPL name or a live priority "
                          "(i386: a cpl mask; m68k: the SR level 0-7; see 'iplemu ports')")
    run.add_argument("--inject", action="append", default=[], type=_injection,
                     metavar="SOURCE@STEP", help="request SOURCE from boundary STEP on; repeatable")
    run.add_argument("--max-steps", type=_positive, default=10_000, metavar="N",
                     help="instructions after which the call is given up")
    run.add_argument("--latency", type=int, default=None, metavar="N",
                     help="instructions before a priority write takes effect "
                          "(CPUs with delayed writes; default: the longest)")
    run.add_argument("--trace", action="store_true", help="print every instruction")
    run.add_argument("--regs", action="store_true",
                     help="--trace, and under each instruction the registers it changed")
    _format(run, ("text", "json"))
    _bounded(run, RUN_TIMEOUT)

    check = _command(sub, common, "check", "check spl routines by exhaustive injection",
                     "Run the port's spl routines (or yours) from every priority to every IPL "
                     "(IPLs sharing a priority are one start, and one target only where the "
                     "routine is passed the same value for them) with every interrupt source "
                     "requested at every instruction boundary, and say which properties hold "
                     "(exit 0) or fail (exit 1, with a counter-example); a routine a case of "
                     "which reaches what the model does not cover (a device, an instruction it "
                     "does not run) gets no verdict (exit 2, one line naming it and where, "
                     "unless another property fails).",
                     ["iplemu check i386", "iplemu check m68k --snippet mine.S --routine myspl=lower"])
    _one_port(check)
    check.add_argument("--routine", action="append", default=[],
                       metavar="NAME[=KIND[,void][,argument=A]]",
                       help="a routine to check (default: the port's); KIND, needed for your "
                            "own routines, is what it promises: raise (never lowers, returns the "
                            "old value), lower (sets exactly the argument), restore (sets a value "
                            "an earlier call returned) or set:IPL_NAME (no argument: sets that "
                            "IPL, as spl0 and splhigh); ',void': the routine returns nothing (its "
                            "return register is not compared); ',argument=A': what it is called "
                            "with, as the port's routines say it (archs/README.md): spl (an spl "
                            "value, the default for your own), ipl (an IPL_* number) or blocked "
                            "(the sources to block, at the spl value's bits); repeatable")
    check.add_argument("--snippet", metavar="FILE.S|FILE.c",
                       help=_snippet_help("your routines, following the port's ABI (see archs/README.md); "
                                     "a .c file is compiled with the port's cross GCC"))
    check.add_argument("--ipl", action="append", default=[], metavar="NAME",
                       help="explore only these IPLs as from and to (default: all); repeatable")
    check.add_argument("--from", dest="starts", action="append", default=[], metavar="NAME",
                       help="explore only the pairs starting at these IPLs (default: all); "
                            "repeatable")
    check.add_argument("--to", dest="targets", action="append", default=[], metavar="NAME",
                       help="explore only the pairs whose target is one of these IPLs "
                            "(default: all); repeatable")
    check.add_argument("--depth", type=_depth, default=1, metavar="{1,2,all}",
                       help="1: one source requested at every boundary; "
                            "2: also a second source at every boundary after the first; "
                            "all: further sources nested in the handlers before them until "
                            "no new state appears (each state explored once); each depth "
                            "from a clean call and from one with a request pending at the "
                            "call (the highest the routine unblocks, which is not counted "
                            "in the depth)")
    check.add_argument("--max-states", type=_states, metavar="N",
                       help="stop with no verdict (exit 2) past N distinct states in one IPL "
                            "pair (default 1000000); states are counted at --depth 2 and all "
                            "only (depth 1 explores each case once and keeps no states)")
    check.add_argument("--max-memory", type=_states, metavar="MIB",
                       help="stop with no verdict (exit 2) once the check holds more than MIB "
                            "MiB (default: half the machine's memory, at most 8192): deep "
                            "nesting keeps a snapshot of every boundary it may still nest from")
    check.add_argument("--max-steps", type=_positive, default=DEFAULT_MAX_STEPS, metavar="N",
                       help="instructions after which one run is given up (default: "
                            "%(default)s): with N the default or more, a run that passes N is "
                            "a runaway (no_fault fails); with a lower N it stops the check "
                            "with no verdict (exit 2)")
    _format(check, ("text", "json", "svg"))
    check.add_argument("--jobs", type=_positive, default=None, metavar="N", help=jobs_help)
    check.add_argument("--regs", action="store_true",
                       help="counter-example traces also show the registers each instruction changed")
    check.add_argument("--timings", action="store_true",
                       help="also print the seconds taken (off by default: the output is "
                            "the same on every run)")
    _bounded(check, WORK_TIMEOUT, DEEP_TIMEOUT)

    compare = _command(sub, common, "compare", "compare two IPLs of a port, with the evidence",
                       "Say which of two IPLs blocks more, as the injections show it, and which "
                       "comparison of their spl values agrees.",
                       ["iplemu compare i386 softclock softnet", "iplemu compare mvme68k IPL_BIO IPL_NET"])
    _one_port(compare)
    compare.add_argument("a", metavar="IPL_A", help="an IPL name (IPL_ may be left out)")
    compare.add_argument("b", metavar="IPL_B", help="another IPL name")
    _format(compare, ("text", "json"))
    _bounded(compare, WORK_TIMEOUT)

    table = _command(sub, common, "table", "the portability table (runs the checks)",
                     "One row per port from running its checks, IPL order and race: exit 0 when "
                     "every port's routines hold, 1 otherwise. Rows are cached until an input "
                     "changes (--no-cache: run again).",
                     ["iplemu table", "iplemu table i386 m68k --format csv"])
    _many_ports(table, "none: every port")
    _format(table, ("text", "mail", "md", "csv", "json"))
    table.add_argument("--jobs", type=_positive, default=None, metavar="N", help=jobs_help)
    table.add_argument("--timings", action="store_true",
                       help="json: also the seconds each port's checks took")
    table.add_argument("--depth", type=int, choices=(1, 2), default=1,
                       help="the checks' depth (as check --depth): 1, one source per case; "
                            "2, also a second source at every boundary after the first "
                            "(~40-100x the CPU; rows are cached per depth)")
    _bounded(table, WORK_TIMEOUT)

    race = _command(sub, common, "race", "replay the PR#20390 callout race and judge the fixes",
                    "Run the port's race scenario (race.S beside its snippets, see "
                    "kernel_snippets/RACE.md) with every source at every boundary, without a fix "
                    "and with each fix: exit 1 when a fix leaves the window open; exit 2, one "
                    "line, when a run reaches what the model does not cover (no verdict).",
                    ["iplemu race --all", "iplemu race i386 --snippet mine.S --dispatcher my_dispatch"])
    _many_ports(race, "name at least one, or say --all")
    race.add_argument("--fix", choices=("none", "spllower", "ack", "all"), default="all",
                      help="the port's dispatchers to run: none: as shipped in 2003; spllower: "
                           "fix 1, lower to the callout's IPL; ack: fix 2, callout_stop/"
                           "callout_ack; all: each of them; with --dispatcher only a label: "
                           "the verdict comes from running it")
    race.add_argument("--snippet", metavar="FILE.S|FILE.c",
                      help=_snippet_help("your own dispatcher (assembly or C), linked with the port's race.S"))
    race.add_argument("--dispatcher", metavar="SYMBOL",
                      help="run this dispatcher (from --snippet) instead of the port's; "
                           "a window in it fails (exit 1)")
    _format(race, ("text", "json", "svg"))
    race.add_argument("--jobs", type=_positive, default=None, metavar="N", help=jobs_help)
    _bounded(race, WORK_TIMEOUT)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = COMMANDS[args.command]

    def work() -> int:
        try:
            _apply_common_options(args)
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

    return run_isolated(work, f"running '{args.command}'", _timeout(args))


def _timeout(args) -> float | None:
    """The wall-clock limit: --timeout, else the command's default for its depth."""
    timeout = getattr(args, "timeout", None)
    if timeout is None and hasattr(args, "depth"):
        timeout = WORK_TIMEOUT if str(args.depth) == "1" else DEEP_TIMEOUT
    return timeout


# -- commands -----------------------------------------------------------------

def _apply_common_options(args) -> None:
    from . import cache, catalog
    catalog.add_port_path(args.port_path)
    if args.no_cache:
        cache.ignore_entries()
    if hasattr(args, "jobs") and args.jobs is None:
        args.jobs = _jobs_from_environment()


def _jobs_from_environment() -> int:
    """--jobs's default: $IPLEMU_JOBS (a positive whole number) if set,
    else the cores (parallel.default_jobs)."""
    from .parallel import JOBS_VARIABLE, default_jobs
    text = os.environ.get(JOBS_VARIABLE, "").strip()
    if not text:
        return default_jobs()
    if not text.isdigit() or int(text) < 1:
        raise InputError(f"${JOBS_VARIABLE} must be a positive whole number (--jobs's default), "
                         f"got {text!r}")
    return int(text)


def _chosen_ports(args, every_by_default: bool) -> list[str]:
    """The ports a several-port command works on: those named (positional
    and --ports, in that order, each once), every port with --all or, for
    ``every_by_default`` commands, when none is named."""
    from .model import available_ports, load_port
    named = list(dict.fromkeys([*args.ports, *args.more_ports]))
    if args.all and named:
        raise InputError("name the ports or say --all, not both")
    if args.all or (not named and every_by_default):
        return available_ports()
    if not named:
        raise InputError("name the ports, or say --all")
    for name in named:
        load_port(name)               # an unknown or broken one: one line, before any work
    return named


def _snippet(text: str | None) -> Path | None:
    """The user's assembly file; '-' is standard input, read once into a
    file named after its content (so the image cache still applies)."""
    if text is None:
        return None
    if text != "-":
        path = Path(text)
        _readable(path)
        return path
    import hashlib
    import tempfile
    from .cache import cache_dir
    data = sys.stdin.buffer.read()
    folder = cache_dir() / "stdin" / hashlib.sha256(data).hexdigest()[:32]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:                   # no cache folder to write: a private one
        folder = Path(tempfile.mkdtemp(prefix="iplemu-stdin-"))
    path = folder / "stdin.S"
    if not path.is_file() or path.read_bytes() != data:
        path.write_bytes(data)
    return path


def cmd_ports(args) -> int:
    from .jsonout import document
    from .model import load_port
    from .portnumbers import argument_meaning, priority_meaning
    ports = [load_port(name) for name in _chosen_ports(args, every_by_default=True)]
    if args.format == "json":
        print(document("ports", {"ports": [_port_row(p) for p in ports]}))
        return EXIT_OK
    for port in ports:
        prio = port.priority
        where = (f"{prio.register}[{prio.bits[0]}:{prio.bits[1]}]" if prio.register
                 else f"memory word `{prio.symbol}`")
        print(f"{port.name}: {port.description}")
        if port.aliases:
            print(f"  also called: {', '.join(port.aliases)}")
        print(f"  cpu {port.cpu_family}/{port.cpu_model or '-'}, {port.endian}-endian; "
              f"priority: {prio.kind} in {where}"
              + (f", pending in `{prio.pending}`" if prio.pending else ""))
        print(f"  --ipl N: {priority_meaning(port)}")
        for routine in port.routines.values():
            print(f"  --arg N to {routine.symbol}: {argument_meaning(port, routine.argument)}")
        width = max(len(n) for n in port.ipls)
        for ipl in port.ipls.values():
            live = port.priority_label(prio.of_spl(ipl.spl)).split()[0]
            print(f"    {ipl.name:<{width}}  value {ipl.value:<3} spl {ipl.spl:#010x}  priority {live}")
        print("  sources: " + ", ".join(
            f"{s.name}({'L' + str(s.level) if s.level is not None else 'bit ' + str(s.bit)}"
            f"{', soft' if s.soft else ''})" for s in port.sources))
    return EXIT_OK


def _port_row(port) -> dict:
    prio = port.priority
    return {
        "port": port.name, "aliases": list(port.aliases), "description": port.description,
        "cpu": port.cpu_family,
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
    from .machine import Machine
    from .runloop import Injection
    from .model import load_port
    from .runreport import run_to_json, run_to_text
    from .portnumbers import argument_meaning, priority_meaning
    port = load_port(args.port)
    snippet = _snippet(args.file)
    argument = args.argument or port.argument_kind(args.call)
    problem = port.argument_problem(argument)
    if problem:
        raise InputError(f"--argument {problem}")
    call_args = [_call_argument(port, a, argument) for a in args.arg]
    priority = _priority_argument(port, args.ipl)
    twice = next((f"{name}@{step}" for i, (name, step) in enumerate(args.inject)
                  if (name, step) in args.inject[:i]), None)
    if twice:
        raise InputError(f"--inject {twice} given twice: a device line requested twice at one "
                         f"boundary is one request (it keeps requesting until taken)")
    injections = [Injection(port.source(name), step) for name, step in args.inject]
    image = build_image(port, snippet)
    machine = Machine(port, image, latency=args.latency)
    machine.trace_registers = args.regs
    traced = args.trace or args.regs

    def show(result, fault: str | None = None) -> None:
        if args.format == "json":
            print(run_to_json(port, result, traced, fault=fault))
        else:
            print(run_to_text(port, result, traced, machine.backend.register_bits, fault=bool(fault)))

    if args.format != "json":
        if _number(args.ipl) is not None:
            print(f"--ipl {args.ipl}: on {port.name}, {priority_meaning(port)}")
        for text, value in zip(args.arg, call_args):
            if _number(text) is not None:
                print(f"--arg {text}: on {port.name}, {argument_meaning(port, argument)}"
                      f"; {value:#x} stands for {_argument_label(port, argument, value)}")
    try:
        result = machine.call(args.call, call_args, priority, injections,
                              args.max_steps, trace=traced)
    except GuestFault as fault:     # the run up to the fault, then the one-line error
        if fault.result is not None:
            show(fault.result, str(fault))
        raise
    show(result)
    return EXIT_OK


def _argument_label(port, kind: str, value: int) -> str:
    """What an --arg number stands for, to a routine that takes ``kind``:
    the live priority and its IPLs, or the IPLs of that intr.h number."""
    if kind == "ipl":
        return "/".join(i.name for i in port.ipls.values() if i.value == value) or "no IPL"
    if kind == "blocked":
        hi, lo = port.priority.spl_bits
        return port.priority_label(value >> lo & ((1 << (hi - lo + 1)) - 1))
    return port.priority_label(port.priority.of_spl(value))


def _readable(path: Path | None) -> None:
    """The user's assembly file exists and is a regular file (a FIFO or a
    device would block or never end)."""
    if path is None:
        return
    problem = file_problem(path)
    if problem == "not a regular file":
        problem += " (for standard input say -)"
    if problem:
        raise InputError(f"{path}: {problem}")


def _number(text: str) -> int | None:
    """A decimal or 0x/0o/0b number with an optional minus sign, else None."""
    try:
        return int(text.strip(), 0)
    except ValueError:
        return None


def _call_argument(port, text: str, kind: str) -> int:
    """--arg: an IPL name (what a routine that takes ``kind`` takes for it,
    argument_as) or a number that fits the port's argument word (a
    negative one is taken as two's complement) and makes sense there
    (portnumbers.checked_argument)."""
    from .portnumbers import checked_argument
    value = _number(text)
    if value is None:
        return port.spl_of(text, kind)
    bits = 8 * port.abi.arg_size
    if not -(1 << bits - 1) <= value < 1 << bits:
        raise InputError(f"--arg {text}: does not fit the {port.name} argument word "
                         f"({bits} bits: {-(1 << bits - 1)} to {(1 << bits) - 1:#x})")
    return checked_argument(port, text, value & ((1 << bits) - 1), kind)


def _priority_argument(port, text: str) -> int:
    """--ipl: an IPL name, or a live priority that fits the port's priority
    field (a level) or word (a mask) (portnumbers.checked_priority)."""
    from .portnumbers import checked_priority
    value = _number(text)
    if value is None:
        try:
            return port.priority_of(text)
        except ValueError:          # a number's prefix with no digits, such as 0x
            raise InputError(f"--ipl {text}: neither an IPL name nor a number") from None
    return checked_priority(port, text, value)


def _routines_to_check(port, names: list[str]) -> list[tuple]:
    """(name, symbol, kind, returns_value, the IPL of a set routine, what it
    takes) for each --routine NAME[=KIND[,void][,argument=A]] (KIND: raise,
    lower, restore, set:IPL_NAME; default: the port's own; A: spl, ipl or
    blocked, None when not said: check_routine's default)."""
    from .model import ARGUMENT_KINDS, ROUTINE_KINDS
    if not names:
        return [(r.name, r.symbol, r.kind, r.returns_value, r.ipl, None)
                for r in port.routines.values()]
    chosen = []
    for text in names:
        name, _, spec = text.partition("=")
        kind, *flags = spec.split(",")
        void = "void" in flags
        arguments = [f.partition("=")[2] for f in flags if f.startswith("argument=")]
        if any(f != "void" and not f.startswith("argument=") for f in flags) \
                or flags.count("void") > 1 or len(arguments) > 1:
            raise InputError(f"--routine {text}: after the kind only ',void' and "
                             f"',argument=spl|ipl|blocked' may follow, once each")
        if arguments and arguments[0] not in ARGUMENT_KINDS:
            raise InputError(f"--routine {text}: argument= takes spl, ipl or blocked")
        kind, colon, ipl = kind.partition(":")
        if kind and kind not in ROUTINE_KINDS:
            raise InputError(f"--routine {text}: KIND must be one of raise, lower, restore, "
                             f"set:IPL_NAME")
        if (kind == "set") != bool(colon):
            raise InputError(f"--routine {text}: " + (
                "a set routine names its IPL: set:IPL_NAME" if kind == "set"
                else "only set takes an IPL (set:IPL_NAME)"))
        if kind == "set" and arguments:
            raise InputError(f"--routine {text}: a set routine takes no argument")
        problem = port.argument_problem(arguments[0]) if arguments else None
        if problem:
            raise InputError(f"--routine {text}: argument={problem}")
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
        returns_value = not void and (own.returns_value if own and not spec else True)
        chosen.append((name, own.symbol if own else name, kind, returns_value, ipl or None,
                       arguments[0] if arguments else None))
    return chosen


def _users_symbols(port, routines: list[tuple], image) -> list[tuple]:
    """The routines to check with a port routine whose YAML symbol is not
    its name (sh3 splraise: _cpu_intr_raise) checked at the name where the
    user's file defines the name and not the symbol: the user's code, not
    the port's left beside it (red team 22 B F0)."""
    chosen = []
    for name, symbol, kind, returns_value, ipl, argument in routines:
        own = port.routines.get(name)
        if own is not None and symbol == own.symbol \
                and own.defined_by_user(image.user_symbols) == name != symbol:
            symbol, argument = name, argument or own.argument
        chosen.append((name, symbol, kind, returns_value, ipl, argument))
    return chosen


def cmd_check(args) -> int:
    from .assembler import build_image
    from .check import DEFAULT_MAX_STATES, check_port, default_max_memory
    from .contract import routine_pairs
    from .checkreport import check_to_json, check_to_text, no_verdict_line
    from .machine import Machine
    from .model import load_port
    from .svgtimeline import check_to_svg
    port = load_port(args.port)
    snippet = _snippet(args.snippet)
    image = build_image(port, snippet)
    routines = _users_symbols(port, _routines_to_check(port, args.routine), image)
    for _, symbol, *_ in routines:
        image.routine(symbol)
    only, starts, targets = (_ipl_names(port, names)
                             for names in (args.ipl, args.starts, args.targets))
    for name, symbol, kind, _, fixed, *argument in routines:
        if not routine_pairs(port, kind, only, starts, targets, fixed,
                             (argument or [None])[0] or port.argument_kind(symbol)):
            hint = (f" (a set routine goes only to its own IPL, {fixed}: --ipl must name it)"
                    if kind == "set" and fixed else "")
            raise InputError(f"{port.name}: no IPL pair of {name} ({kind}) is left by "
                             f"--ipl/--from/--to{hint}")
    machine = Machine(port, image)
    machine.trace_registers = args.regs
    check = check_port(machine, routines, args.max_steps, args.depth, only, args.jobs,
                       starts, targets, max_states=args.max_states or DEFAULT_MAX_STATES,
                       max_memory=args.max_memory or default_max_memory())
    if args.format == "svg":
        print(check_to_svg(port, check))
    else:
        render = check_to_json if args.format == "json" else check_to_text
        print(render(port, check, timings=args.timings,
                     register_bits=machine.backend.register_bits))
    if check.holds:
        return EXIT_OK
    if check.fails:
        return EXIT_FAILS
    say("iplemu: check " + "; ".join(no_verdict_line(r) for r in check.routines
                                      if r.not_modelled))
    return EXIT_BAD_INPUT


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
    from .table import RENDERERS, port_rows
    rows = port_rows(_chosen_ports(args, every_by_default=True), not args.no_cache, args.jobs,
                     args.depth)
    if not args.timings:
        for row in rows:
            row.pop("seconds", None)
    print(RENDERERS[args.format](rows))
    return EXIT_OK if all(r["routines_hold"] for r in rows) else EXIT_FAILS


def cmd_race(args) -> int:
    from .model import load_port
    from .race import FIXES, YOURS, race_ports
    from .racereport import races_to_json, races_to_text
    from .svgtimeline import races_to_svg
    names = _chosen_ports(args, every_by_default=False)
    fixes = FIXES if args.fix == "all" else (args.fix,)
    if args.dispatcher:
        fixes = (YOURS,) if args.fix == "all" else fixes
    snippet = _snippet(args.snippet)
    models = {port.name: port for port in map(load_port, names)}
    results = race_ports(names, fixes, snippet, args.dispatcher, args.jobs)
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
    from .entry import main as entry_main   # the signal and stream set-up first
    sys.exit(entry_main())
