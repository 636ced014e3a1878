"""The view's graph: a small directed multigraph of the project's own (:class:`ViewGraph`).

It holds exactly what the view needs of a graph, with networkx's ``MultiDiGraph`` names and
order (nodes in the order they were added; edges by their source's order, then by the order
in which each pair and each key was first added), so code written for networkx reads it
unchanged; :meth:`ViewGraph.to_networkx` gives a real ``networkx.MultiDiGraph`` for
networkx's algorithms. The command line's ``view`` never imports networkx (about 60–100 ms).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeAlias, overload

if TYPE_CHECKING:
    import networkx as nx

Data = dict[str, Any]
#: a graph the pages read: the view's, or a networkx ``MultiDiGraph`` of the same attributes
Graph: TypeAlias = "ViewGraph | nx.MultiDiGraph"


class _Nodes:
    """What a graph and its ``nodes`` both are, as in networkx: their nodes iterated, counted
    and tested with ``in``."""

    __slots__ = ()
    _nodes: dict[str, Data]

    def __iter__(self) -> Iterator[str]:
        return iter(self._nodes)

    def __len__(self) -> int:
        return len(self._nodes)

    def __contains__(self, node: object) -> bool:
        return node in self._nodes


class NodeView(_Nodes):
    """A graph's nodes as networkx's ``G.nodes``: iterated, counted, tested with ``in``,
    ``nodes[n]`` (the node's attributes) and ``nodes(data=True)`` (pairs of node and attributes)."""

    __slots__ = ("_nodes",)

    def __init__(self, nodes: dict[str, Data]) -> None:
        self._nodes = nodes

    def __getitem__(self, node: str) -> Data:
        return self._nodes[node]

    def __call__(self, data: bool = False) -> Iterable[Any]:
        return self._nodes.items() if data else self._nodes.keys()


class ViewGraph(_Nodes):
    """A directed graph with several edges between two nodes, each under a key (the view's
    edges are keyed by their property): the subset of ``networkx.MultiDiGraph`` the view uses.
    ``graph`` is the graph's own attributes (the catalogue, a focus, the reserve, …)."""

    def __init__(self, **attributes: Any) -> None:
        self.graph: Data = dict(attributes)
        self._nodes: dict[str, Data] = {}
        self._succ: dict[str, dict[str, dict[Any, Data]]] = {}  # u → v → key → attributes
        self._pred: dict[str, dict[str, dict[Any, Data]]] = {}  # v → u → key → the same attributes

    # --- building -----------------------------------------------------------------------------

    def add_node(self, node: str, **attributes: Any) -> None:
        """Add ``node`` (or update its attributes)."""
        if node not in self._nodes:
            self._nodes[node] = {}
            self._succ[node] = {}
            self._pred[node] = {}
        self._nodes[node].update(attributes)

    def add_edge(self, u: str, v: str, key: Any = None, **attributes: Any) -> Any:
        """Add an edge from ``u`` to ``v`` under ``key`` (or update that edge's attributes),
        adding its nodes if they are new; without a key, the first free number (as networkx)."""
        for node in (u, v):
            if node not in self._nodes:
                self.add_node(node)
        keys = self._succ[u].get(v)
        if keys is None:
            keys = self._succ[u][v] = {}
            self._pred[v][u] = keys
        if key is None:
            number = len(keys)
            while number in keys:
                number += 1
            key = number
        keys.setdefault(key, {}).update(attributes)
        return key

    def clear_edges(self) -> None:
        """Remove every edge, keeping the nodes."""
        for node in self._nodes:
            self._succ[node] = {}
            self._pred[node] = {}

    # --- reading ------------------------------------------------------------------------------

    @property
    def nodes(self) -> NodeView:
        """The nodes, as networkx's ``G.nodes``."""
        return NodeView(self._nodes)

    def edges(self, data: bool = False, keys: bool = False) -> Iterator[tuple[Any, ...]]:
        """The edges as ``(u, v)``, with the key (``keys``) and the attributes (``data``):
        ``(u, v, key, attributes)``, in networkx's order."""
        for u, targets in self._succ.items():
            for v, found in targets.items():
                for key, attributes in found.items():
                    if keys:
                        yield (u, v, key, attributes) if data else (u, v, key)
                    else:
                        yield (u, v, attributes) if data else (u, v)

    def get_edge_data(self, u: str, v: str, key: Any = None, default: Any = None) -> Any:
        """The attributes of the edge ``u`` → ``v`` under ``key``, or (no key) a dict of every
        such edge's by key; ``default`` when there is none."""
        found = self._succ.get(u, {}).get(v)
        if found is None:
            return default
        return found if key is None else found.get(key, default)

    def successors(self, node: str) -> Iterator[str]:
        """The nodes ``node`` has an edge to."""
        return iter(self._succ[node])

    def predecessors(self, node: str) -> Iterator[str]:
        """The nodes that have an edge to ``node``."""
        return iter(self._pred[node])

    def neighbours(self, node: str) -> Iterator[str]:
        """The nodes an edge joins to ``node``, either way (a node both ways: twice)."""
        yield from self._pred[node]
        yield from self._succ[node]

    @overload
    def degree(self, node: str) -> int: ...

    @overload
    def degree(self, node: None = None) -> dict[str, int]: ...

    def degree(self, node: str | None = None) -> int | dict[str, int]:
        """The edges at ``node`` (in and out; a loop counts twice), or every node's as a dict."""
        if node is not None:
            return self._count(self._succ[node]) + self._count(self._pred[node])
        return {n: self._count(self._succ[n]) + self._count(self._pred[n]) for n in self._nodes}

    def in_degree(self, node: str) -> int:
        """The edges into ``node``."""
        return self._count(self._pred[node])

    @staticmethod
    def _count(adjacent: dict[str, dict[Any, Data]]) -> int:
        return sum(len(found) for found in adjacent.values())

    def number_of_nodes(self) -> int:
        """How many nodes."""
        return len(self._nodes)

    def number_of_edges(self) -> int:
        """How many edges."""
        return sum(self._count(targets) for targets in self._succ.values())

    def __repr__(self) -> str:
        return f"<ViewGraph: {self.number_of_nodes():,} nodes, {self.number_of_edges():,} edges>"

    # --- networkx --------------------------------------------------------------------------

    def to_networkx(self) -> nx.MultiDiGraph:
        """The same graph as a ``networkx.MultiDiGraph`` (same order, attributes copied): a
        reserve held in the graph's attributes is converted too."""
        import networkx as nx

        attributes = {
            k: v.to_networkx() if isinstance(v, ViewGraph) and v is not self else v for k, v in self.graph.items()
        }
        converted = nx.MultiDiGraph(**attributes)
        converted.add_nodes_from((n, dict(data)) for n, data in self._nodes.items())
        converted.add_edges_from((u, v, k, dict(data)) for u, v, k, data in self.edges(keys=True, data=True))
        return converted
