"""Named query files: ``queries/NAME.rq`` and the quality checks ``queries/checks/*-violation.rq``,
each with its header of leading comments (title, description, typed parameters, ``bind:`` and
``text:``). Reading them is part of the project; binding and running them is :mod:`..ask.queries`."""

from __future__ import annotations

import re
from collections import namedtuple
from pathlib import Path

from .errors import QueryError, ReadError
from .files import read_text
from .paths import Project
from .sparql import blank_out

PARAM_TYPES = ("IRI", "string", "integer", "decimal", "year")


class Param(namedtuple("Param", "name type default description", defaults=("",))):
    """A declared parameter: its name, type, default (as written) and description."""

    __slots__ = ()


class NamedQuery:
    """A query file and its header."""

    def __init__(
        self,
        name: str,
        path: Path,
        title: str,
        description: str,
        params: list[Param] | None = None,
        text: str = "",
        inline: bool = False,
        text_search: tuple[str, str] | None = None,
    ) -> None:
        self.name, self.path, self.title, self.description = name, path, title, description
        self.params = params or []
        self.text = text
        self.inline = inline  # '# bind: inline': parameters written in place, not by VALUES
        self.text_search = text_search  # '# text: PARAM VAR': PARAM is looked up in ?VAR's labels

    def __repr__(self) -> str:
        return f"<NamedQuery {self.name}: {self.title}>"

    @property
    def ordered(self) -> bool:
        """Whether the query fixes the order of its rows."""
        return re.search(r"\bORDER\s+BY\b", blank_out(self.text), re.I) is not None


def parse_header(path: Path, name: str | None = None) -> NamedQuery:
    """Read a query file and its header; raise QueryError naming the file and line."""
    try:
        text = read_text(path)
    except ReadError as exc:
        raise QueryError(str(exc)) from None
    query = NamedQuery(name or path.stem, path, "", "", [], text)
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = re.match(r"#\s*(title|description|param|bind|text):\s*(.*)$", line)
        if not match:
            continue
        key, value = match.groups()
        if key == "bind":
            if value.strip() not in ("inline", "values"):
                raise QueryError(f"{path}:{number}: bind must be 'inline' or 'values'")
            query.inline = value.strip() == "inline"
        elif key == "text":
            parts = value.split()
            if len(parts) != 2:
                raise QueryError(f"{path}:{number}: text must be 'PARAM VARIABLE'")
            query.text_search = (parts[0], parts[1].lstrip("?$"))
        elif key == "title":
            query.title = value.strip()
        elif key == "description":
            query.description = (query.description + " " + value.strip()).strip()
        else:
            parts = value.split(None, 3)
            if len(parts) < 2 or parts[1] not in PARAM_TYPES:
                raise QueryError(
                    f"{path}:{number}: param must be 'NAME TYPE [DEFAULT [DESCRIPTION]]' "
                    f"with TYPE one of {', '.join(PARAM_TYPES)}"
                )
            default = parts[2] if len(parts) > 2 and parts[2] != "-" else None
            query.params.append(Param(parts[0], parts[1], default, parts[3] if len(parts) > 3 else ""))
    if not query.title:
        raise QueryError(f"{path}:1: the header has no '# title:' line")
    return query


def discover(project: Project) -> dict[str, NamedQuery]:
    """Every named query of the project (``queries/*.rq``), by name."""
    return {p.stem: parse_header(p) for p in sorted(project.queries_dir.glob("*.rq"))}


def checks(project: Project) -> dict[str, NamedQuery]:
    """The quality checks, ``queries/checks/*-violation.rq``: each must return no rows."""
    return {p.stem: parse_header(p) for p in sorted((project.queries_dir / "checks").glob("*-violation.rq"))}


def get(project: Project, name: str) -> NamedQuery:
    """The named query ``name`` (or the one query whose name starts with it, as ``cq05``), or a
    QueryError listing the names there are."""
    path = project.queries_dir / f"{name}.rq"
    if name and "/" not in name and "\\" not in name and path.is_file():  # named in full: that file alone is read
        return parse_header(path)
    found = discover(project)
    if name not in found:  # a query's number or any unique start of its name: cq05, cq05-indicator
        starting = [n for n in found if n.startswith(name + "-")] or [n for n in found if n.startswith(name)]
        if len(starting) == 1 and name:
            return found[starting[0]]
        raise QueryError(
            f"unknown query {name!r}; known: {', '.join(found) or 'none'} (transition-kg queries lists them)"
        )
    return found[name]
