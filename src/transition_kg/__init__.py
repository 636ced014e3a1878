"""transition-kg: a knowledge graph of how coal cities change, with provenance for every fact.

The package is a set of small modules over rdflib objects:

- :mod:`transition_kg.core.paths` finds the project (ontology/, graph/, queries/) and the corpus;
- :mod:`transition_kg.core.load` reads them into an rdflib ``Dataset`` (one named graph per file);
- :mod:`transition_kg.core.validate` checks syntax, vocabulary, SHACL shapes and evidence spans;
- :mod:`transition_kg.core.build` adds inferred triples, counts, and writes ``build/``;
- :mod:`transition_kg.cli` is the ``transition-kg`` command, a thin layer over these.
"""

__version__ = "0.1.0"
