r"""The page wing's one template environment: ``see/templates/`` (a base and one template per
page), autoescaped, with the pages' own script and style files and vis-network's (pyvis's
package data) inlined at render, so each page is one file that loads nothing from the network.

Data enters a page only as a JSON island, ``<script type="application/json" id="data">``,
whose shape each page writes down as TypedDicts (``NetworkData``, ``WorkbenchData``):
:func:`island` escapes it so no text in it can end the element, and :func:`read_island` reads
it back.

>>> island({"label": "</script><b>"})
Markup('{"label":"\\u003c/script\\u003e\\u003cb\\u003e"}')
>>> page = f'<script type="application/json" id="data">{island({"a": "</script>"})}</script>'
>>> read_island(page)
{'a': '</script>'}
"""

from __future__ import annotations

import functools
import json
import re
from typing import TYPE_CHECKING, Any

from .theme import variables

if TYPE_CHECKING:
    import jinja2
    from markupsafe import Markup

#: vis-network's files in pyvis's package data
VIS_NETWORK = ("templates", "lib", "vis-9.1.2")
_ENDS = re.compile(r"</(script|style)", re.I)
_ISLAND = re.compile(r'<script type="application/json" id="data">(.*?)</script>', re.S)


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The one environment: templates and assets from ``see/templates``, text escaped."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("transition_kg.see", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(inline=_inline, vendor=vendor, script=_asset, theme=variables())
    env.filters.update(island=island, thousands=lambda n: f"{n:,}")
    return env


def render(template: str, **context: Any) -> str:
    """The page ``template`` rendered with ``context``."""
    return environment().get_template(template).render(**context)


def _asset(name: str, text: str) -> Markup:
    """A script or style file's text, to inline as it is (it must not end its own element)."""
    from markupsafe import Markup

    if _ENDS.search(text):
        raise ValueError(f"{name} holds a closing </script> or </style> tag: it cannot be inlined")
    return Markup(text)


@functools.cache
def _inline(name: str) -> Markup:
    """One of the pages' own files (``network.js``, ``docs.css``, …), inlined at render."""
    env = environment()
    assert env.loader is not None
    return _asset(name, env.loader.get_source(env, name)[0])


@functools.cache
def vendor(name: str) -> Markup:
    """One of vis-network's files, as pyvis carries it (``vis-network.min.js``, ``vis-network.css``),
    found without importing pyvis (its package imports networkx and IPython: 100 ms)."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyvis, which carries vis-network's files, is not installed")
    found = Path(next(iter(spec.submodule_search_locations)))
    return _asset(name, found.joinpath(*VIS_NETWORK, name).read_text(encoding="utf-8"))


def island(value: Any) -> Markup:
    """``value`` as compact JSON for a ``<script type="application/json">`` element: ``<``,
    ``>`` and ``&`` escaped, so no text in it (``</script>``, ``<!--``) ends the element."""
    from markupsafe import Markup

    text = json.dumps(value, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def read_island(html: str) -> Any:
    """The data a page carries (what :func:`island` wrote)."""
    found = _ISLAND.search(html)
    if found is None:
        raise ValueError("the page carries no data island")
    return json.loads(found.group(1))
