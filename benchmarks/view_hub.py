"""The view of one node that many graphs state: its time against a reference of the same
size measured side by side, the same triples with no node shared (each graph states a city
of its own), so the ratio stays flat when the per-node lists grow linearly.

    python -m benchmarks.view_hub                      # 2,500 and 10,000 graphs
    python -m benchmarks.view_hub --graphs 1000 4000

Each line: graphs, seconds for the hub and for the reference (the view's graph and cards), their
ratio. Last line: ``hub_growth=G ref_growth=R`` (time at the largest size over time at the
smallest, for each; linear growth makes both about the ratio of the sizes).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rdflib import Dataset, Literal
from rdflib.namespace import RDF, RDFS

from transition_kg.core.vocab import ONTOLOGY_GRAPH, TKG, TKR
from transition_kg.see.view import cards_of, select

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"


def graphs(n: int, shared: bool) -> Dataset:
    """The ontology and ``n`` article graphs, each with a place located in a city: the one
    city ``tkr:hub`` every graph states (``shared``), or a city of its own."""
    dataset = Dataset()
    ontology = dataset.graph(ONTOLOGY_GRAPH)
    for path in sorted(ONTOLOGY.glob("*.ttl")):
        ontology.parse(path, format="turtle")
    for i in range(n):
        name = TKR[f"article-{i}"]
        graph = dataset.graph(name)
        city = TKR.hub if shared else TKR[f"city-{i}"]
        graph.add((name, RDF.type, TKG.Article))
        graph.add((city, RDF.type, TKG.City))
        graph.add((city, RDFS.label, Literal("Hub" if shared else f"City {i}", lang="en")))
        graph.add((TKR[f"place-{i}"], RDF.type, TKG.City))
        graph.add((TKR[f"place-{i}"], RDFS.label, Literal(f"Place {i}", lang="en")))
        graph.add((TKR[f"place-{i}"], TKG.locatedIn, city))
    return dataset


def seconds(dataset: Dataset) -> float:
    """The view's graph and its cards (the page's layout, which changes with the size, aside)."""
    began = time.perf_counter()
    cards_of(select(dataset))
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--graphs", type=int, nargs="+", default=[2_500, 10_000])
    sizes = sorted(parser.parse_args().graphs)
    seconds(graphs(10, True))  # imports and first calls, out of the measure
    hub, ref = {}, {}
    for n in sizes:
        hub[n], ref[n] = seconds(graphs(n, True)), seconds(graphs(n, False))
        print(f"graphs={n} hub={hub[n]:.2f}s reference={ref[n]:.2f}s ratio={hub[n] / ref[n]:.2f}", flush=True)
    first, last = sizes[0], sizes[-1]
    print(f"hub_growth={hub[last] / hub[first]:.2f} ref_growth={ref[last] / ref[first]:.2f}")


if __name__ == "__main__":
    main()
