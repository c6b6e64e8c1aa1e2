"""The two kinds of failure the CLI tells apart.

``InputError``: the user's input is wrong (unknown port, a YAML that breaks
the schema, a snippet that does not assemble, an unknown symbol).  Its text is
one line naming the file:line or the address.

``RunError``: the input was well formed but the guest run went wrong (a
runaway loop, an unmapped access, an illegal instruction, an emulator crash)
or reached something the model does not cover (NotModelledFault).

Both end the CLI with exit code 2 and one line on stderr: their text is
kept to one line however it was built, since it quotes the user's input
(a file name, a YAML string, a tool's output), which may hold line breaks.
"""


def one_line(text: str) -> str:
    """``text`` with line breaks and other unprintable characters written
    as Python escapes (``\\n``, ``\\x1b``): one line, and nothing that
    drives the terminal."""
    return "".join(c if c.isprintable() or c == "\t" else c.encode("unicode_escape").decode("ascii")
                   for c in text)


class _OneLineError(Exception):
    def __str__(self) -> str:
        return one_line(super().__str__())


class InputError(_OneLineError):
    """Bad input; ``str()`` is one line naming file:line."""


class RunError(_OneLineError):
    """The guest run could not complete; ``str()`` is one line naming the address."""


class GuestFault(RunError):
    """The guest itself went wrong: a CPU fault (unmapped access, illegal
    instruction, trap, halt) or a runaway.  ``address`` is where; ``result``
    the run up to that point (its events and trace), so a counter-example
    can show how the guest got there.  `run` reports it as a RunError;
    `check` turns it into a failing ``no_fault`` verdict.  (``address``
    has a default so that one raised in a worker process unpickles.)"""

    def __init__(self, message: str, address: int = 0, result=None):
        super().__init__(message)
        self.address = address
        self.result = result


class NotModelledFault(GuestFault):
    """The guest run reached something the model does not cover
    (backends.NotModelled): no fault of the guest's, and no verdict on it.
    `run` and `race` report it as one line (exit 2); `check` gives the
    routine no verdict (exit 2 unless another property fails)."""
