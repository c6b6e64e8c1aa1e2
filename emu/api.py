"""iplemu for scripts and notebooks: each command as a function returning
what the command prints with ``--format json``, as Python values.

    import iplemu
    verdict = iplemu.check("m68k")               # {"holds": ..., ...}
    rows = iplemu.table("i386", "sparc")          # one dict per port
    trace = iplemu.run("i386", call="splx", args=["IPL_NONE"], ipl="IPL_HIGH",
                       inject=["clock@0"], trace=True)

Each call runs the command exactly as the ``iplemu`` program does, in a
forked worker process (isolation.py): an emulator crash, a hang past
``timeout`` or bad input raises IplemuError with the program's one-line
message and leaves the caller running; Ctrl-C raises KeyboardInterrupt.
A property that fails is no error: it is in the returned data.  Keyword
options are the command's options (``max_steps=`` is ``--max-steps``,
lists repeat the option, True is a flag); call from the main thread.
"""

from __future__ import annotations

import os

EXIT_BAD_INPUT, EXIT_INTERRUPTED = 2, 130


class IplemuError(Exception):
    """A command refused its input or could not finish: ``message`` is the
    line the program prints, ``exit_code`` its exit code."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


def ports(*names: str, **options) -> list[dict]:
    """Every port (or those named, by name, alias or YAML path): CPU,
    priority, IPLs, sources, aliases (the JSON's ``ports``)."""
    return _json("ports", *names, **options)["ports"]


def run(port: str, call: str, snippet: str | os.PathLike | None = None, **options) -> dict:
    """Call the routine ``call`` of ``port`` (from its snippets or your
    ``snippet`` file); options: args, ipl, inject, max_steps, latency, trace,
    timeout."""
    options["arg"] = options.pop("args", [])
    return _json("run", port, *([os.fspath(snippet)] if snippet else []), call=call, **options)


def check(port: str, **options) -> dict:
    """Check the spl routines of ``port`` by exhaustive injection; options:
    routine, snippet, ipl, depth, max_steps, jobs, timeout."""
    return _json("check", port, **options)


def compare(port: str, a: str, b: str, **options) -> dict:
    """Compare the IPLs ``a`` and ``b`` of ``port``, with the evidence."""
    return _json("compare", port, a, b, **options)


def table(*names: str, **options) -> list[dict]:
    """The portability table's rows: every port, or those named; options:
    jobs, no_cache, timings, timeout, depth (the JSON's ``rows``)."""
    return _json("table", *names, **options)["rows"]


def race(*names: str, **options) -> list[dict]:
    """The PR#20390 race on the named ports (every port when none is
    named); options: fix, snippet, dispatcher, jobs, timeout."""
    if not names:
        options.setdefault("all", True)
    return _json("race", *names, **options)["races"]


def _json(command: str, *positional: str, **options):
    """Run ``iplemu COMMAND ... --format json`` in an isolated worker; its
    output, parsed."""
    import json
    import tempfile
    from contextlib import redirect_stderr, redirect_stdout

    from .cli import main
    argv = [command, *map(str, positional), *_flags(options), "--format", "json"]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as usage:      # argparse refused the options
                code = usage.code
        out.seek(0)
        err.seek(0)
        text, message = out.read(), err.read().strip()
    if code == EXIT_INTERRUPTED:
        raise KeyboardInterrupt(message)
    if code not in (0, 1):
        raise IplemuError(message.removeprefix("iplemu: ") or f"exit code {code}", code)
    return json.loads(text)


def _flags(options: dict) -> list[str]:
    """Keyword options as command-line options."""
    argv = []
    for key, value in options.items():
        flag = "--" + key.replace("_", "-")
        if value is None or value is False:
            continue
        if value is True:
            argv.append(flag)
        elif isinstance(value, (list, tuple)):
            for item in value:
                argv += [flag, _option_value(item)]
        else:
            argv += [flag, _option_value(value)]
    return argv


def _option_value(value) -> str:
    return os.fspath(value) if isinstance(value, os.PathLike) else str(value)
