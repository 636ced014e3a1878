"""One exception hierarchy. The CLI prints ``str(error)`` as a single line and exits with
``error.exit_code``; nothing else is turned into a user error."""

from __future__ import annotations


class TKGError(Exception):
    """Base class of every error meant for the user."""

    exit_code = 2


class ProjectNotFound(TKGError):
    """No project directory (with ontology/, graph/ and queries/) could be found."""


class ParseError(TKGError):
    """An RDF file is not well-formed. ``str()`` is ``FILE:LINE: message``."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class ValidationFailed(TKGError):
    """The project has problems; ``problems`` lists them."""

    exit_code = 1

    def __init__(self, problems: list) -> None:
        self.problems = problems
        super().__init__(f"validation failed: {len(problems)} problem(s)")


class OutputError(TKGError):
    """An output could not be written."""
