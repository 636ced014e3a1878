"""The store: the embedded graph or a remote SPARQL 1.1 endpoint, behind one interface.

:func:`open_store` opens one; every caller then uses :class:`Store` alone, whichever it holds:
the raw answer (:meth:`~Store.answer`, what :func:`transition_kg.core.sparql.serialize`
writes) or the answer read (:meth:`~Store.query`; by form :meth:`~Store.select`,
:meth:`~Store.ask`, :meth:`~Store.construct`, :meth:`~Store.describe`, each with an optional
timeout), the project's graphs (:meth:`~Store.graphs`), labels (:meth:`~Store.labels`), the
entities a text names (:meth:`~Store.search`), an rdflib copy (:meth:`~Store.dataset`), and
where the store is writable :meth:`~Store.load`, :meth:`~Store.replace_graph` and
:meth:`~Store.remove_graph`. Each kind of store is a module of :mod:`transition_kg.core.stores`:
the embedded store (:class:`EmbeddedStore`: its default graph is the union of the project's
graphs and the house prefixes are built in) and a remote one (:class:`RemoteStore`).
:func:`store_is_complete` says whether a folder holds a store on disk whose load ended.

>>> store = open_store()
>>> store.select("SELECT ?city WHERE { ?city a tkg:City ; tkg:locatedIn tkr:shanxi }").records()
[{'city': 'https://w3id.org/transition-kg/id/datong'}]
>>> store.ask("ASK FROM tkr:graph-shared { tkr:datong tkg:locatedIn ?where }")   # FROM chooses
False
>>> [iri.rsplit("/", 1)[1] for iri in store.search("七台")]
['qitaihe']
"""

from __future__ import annotations

from pathlib import Path

from .load import load, store_is_complete
from .paths import Project, find_project
from .stores.base import DEFAULT_TIMEOUT, PAGE, QUERY_THREAD, QueryTimeout, Store, bounded, is_project_graph
from .stores.embedded import EmbeddedStore, describe_by_graph, run_query

TYPE_CHECKING = False  # typing costs a cold start 5 ms; mypy reads this name as typing's
if TYPE_CHECKING:
    from .net import USER_AGENT, EndpointError
    from .stores.remote import POST_ABOVE, RemoteStore
_REMOTE = {"USER_AGENT": "net", "EndpointError": "net", "POST_ABOVE": "stores.remote", "RemoteStore": "stores.remote"}

__all__ = [
    "DEFAULT_TIMEOUT",
    "PAGE",
    "POST_ABOVE",
    "QUERY_THREAD",
    "USER_AGENT",
    "EmbeddedStore",
    "EndpointError",
    "QueryTimeout",
    "RemoteStore",
    "Store",
    "bounded",
    "describe_by_graph",
    "is_project_graph",
    "open_store",
    "run_query",
    "store_is_complete",
]


def __getattr__(name: str):
    """The remote store's names, imported when first asked for: a command on the embedded store
    does not pay for the HTTP client's import."""
    if name in _REMOTE:
        import importlib

        return getattr(importlib.import_module(f"{__package__}.{_REMOTE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_store(
    project: Project | str | Path | None = None,
    endpoint: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    store_dir: Path | None = None,
    user: str | None = None,
    *,
    update_endpoint: str | None = None,
    graph_store: str | None = None,
) -> Store:
    """The remote store at ``endpoint`` when one is named (each request stopped at ``timeout``;
    as ``user``, see :mod:`transition_kg.core.net`; written through ``update_endpoint`` or the
    Graph Store Protocol URL ``graph_store`` when given); else the embedded store of the
    project (found as :func:`transition_kg.core.paths.find_project` does), in memory or on disk
    in ``store_dir``."""
    if endpoint:
        from .net import credentials
        from .stores.remote import RemoteStore

        creds = credentials(graph_store or update_endpoint or endpoint, user)
        return RemoteStore(endpoint, timeout, creds, update_endpoint=update_endpoint, graph_store=graph_store)
    if not isinstance(project, Project):
        project = find_project(project)
    return EmbeddedStore(load(project, store_dir))
