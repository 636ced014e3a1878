"""One exception hierarchy, with fields, so every caller words an error in its own terms.

A library error says *what* is wrong and *where*: the file, line and column, the named query's
parameter (``param``) or the call's option (``option``: ``project``, ``focus``, ``timeout``…)
with the ``value`` given, the ``choices`` there are, and the option that would fix it
(``fix``). It never names a command-line flag. :func:`worded` turns the fields into one line
for a caller: the command line says ``--param text=…`` and ``--focus``
(:data:`COMMAND_LINE`), a page or the endpoint ``text=`` (:data:`HTTP`), and Python (``str()``,
:data:`PYTHON`) ``params={"text": …}`` and ``focus=``. An option without a value is the one the
error is about, named at the end.

>>> error = QueryError("not an IRI", param="place", value="Dat ong")
>>> str(error)
"params={'place': 'Dat ong'}: not an IRI"
>>> worded(error, COMMAND_LINE)
'--param place=Dat ong: not an IRI'
>>> worded(error, HTTP)
'place=Dat ong: not an IRI'
>>> worded(ProjectNotFound("no project here", fix="project"), COMMAND_LINE)
'no project here (pass --project)'
>>> worded(TKGError("it ran past the 0.5 s timeout", option="timeout"), COMMAND_LINE)
'it ran past the 0.5 s timeout (--timeout)'
>>> worded(TKGError("give a number of seconds above 0", option="timeout", value=-1.0), COMMAND_LINE)
'--timeout -1: give a number of seconds above 0'

:class:`Problem` is one line of what is wrong with a project (``FILE:LINE: [check] message``);
the loader, ``validate`` and every other command report the same lines.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Sequence


class Wording(namedtuple("Wording", "param option about fix")):
    """How one kind of caller names a parameter (its value None when none was given), an
    option with its value, the option an error is about, and the option that would fix it."""

    __slots__ = ()


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def _shown(value: object) -> str:
    """A value as a person typed it (a float without a trailing ``.0``), its control characters
    (a line break in a title) escaped so that the error stays one line."""
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text if text.isprintable() else "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


PYTHON = Wording(
    param=lambda name, value: f"params[{name!r}]" if value is None else f"params={{{name!r}: {value!r}}}",
    option=lambda name, value: f"{name}={value!r}",
    about=lambda name: f"({name}=)",
    fix=lambda name: f"pass {name}=…",
)
COMMAND_LINE = Wording(
    param=lambda name, value: f"--param {name}" if value is None else f"--param {name}={_shown(value)}",
    option=lambda name, value: f"{_flag(name)} {_shown(value)}",
    about=lambda name: f"({_flag(name)})",
    fix=lambda name: f"pass {_flag(name)}",
)
HTTP = Wording(
    param=lambda name, value: name if value is None else f"{name}={_shown(value)}",
    option=lambda name, value: f"{name}={_shown(value)}",
    about=lambda name: f"({name}=)",
    fix=lambda name: f"give {name}=",
)


class TKGError(Exception):
    """Base class of every error meant for the user; see the module docstring for its fields."""

    exit_code = 2

    def __init__(
        self,
        what: str = "",
        *,
        file: object = None,
        line: int | None = None,
        column: int | None = None,
        param: str | None = None,
        option: str | None = None,
        value: object = None,
        choices: Sequence[str] | None = None,
        fix: str | None = None,
    ) -> None:
        self.what, self.file, self.line, self.column = what, file, line, column
        self.param, self.option, self.value = param, option, value
        self.choices, self.fix = list(choices) if choices is not None else None, fix
        super().__init__(what)

    def __str__(self) -> str:
        return worded(self, PYTHON)


def worded(error: BaseException, wording: Wording) -> str:
    """One line for ``error`` in a caller's terms (any exception: its ``str()`` when it has no
    fields)."""
    if not isinstance(error, TKGError):
        return str(error)
    where: list[str] = []
    if error.file is not None:
        at = [str(error.file), *(str(n) for n in (error.line, error.column) if n is not None)]
        where.append(":".join(at))
    if error.param is not None:
        where.append(wording.param(error.param, error.value))
    elif error.option is not None and error.value is not None:
        where.append(wording.option(error.option, error.value))
    text = ": ".join([*where, error.what]) if error.what else ": ".join(where)
    if error.choices is not None:
        text += f"; known: {', '.join(error.choices) or 'none'}"
    if error.option is not None and error.value is None and error.param is None:
        text += f" {wording.about(error.option)}"
    if error.fix is not None:
        text += f" ({wording.fix(error.fix)})"
    return text


class ProjectNotFound(TKGError):
    """No project directory (with ontology/, graph/ and queries/) could be found."""


class ReadError(TKGError):
    """A file that cannot be read, or is not UTF-8 text. ``str()`` is ``FILE[:LINE]: message``."""


class OutputError(TKGError):
    """An output could not be written."""


class QueryError(TKGError):
    """An unknown query, a bad header, or a missing or malformed parameter."""


class Problem(namedtuple("Problem", "check where message")):
    """One problem: which check found it, where (``file`` or ``file:line``), and what."""

    __slots__ = ()

    def __str__(self) -> str:
        return f"{self.where}: [{self.check}] {self.message}"


class ProjectInvalid(TKGError):
    """The project's files cannot be loaded as they are; ``problems`` lists why. ``str()`` is the
    first problem's line, the same line ``validate`` prints."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 1} more problem(s): run transition-kg validate)" if len(problems) > 1 else ""
        super().__init__(f"{problems[0]}{more}")


class ValidationFailed(TKGError):
    """The project has problems; ``problems`` lists them."""

    exit_code = 1

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"validation failed: {len(problems)} problem(s)")
