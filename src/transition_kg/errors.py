"""One exception hierarchy. The CLI prints ``str(error)`` as a single line and exits with
``error.exit_code``; nothing else is turned into a user error.

:class:`Problem` is one line of what is wrong with a project (``FILE:LINE: [check] message``);
the loader, ``validate`` and every other command report the same lines.
"""

from __future__ import annotations

from collections import namedtuple


class TKGError(Exception):
    """Base class of every error meant for the user."""

    exit_code = 2


class ProjectNotFound(TKGError):
    """No project directory (with ontology/, graph/ and queries/) could be found."""


class ReadError(TKGError):
    """A file that cannot be read, or is not UTF-8 text. ``str()`` is ``FILE[:LINE]: message``."""


class OutputError(TKGError):
    """An output could not be written."""


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
