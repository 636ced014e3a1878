"""transition-kg: a knowledge graph of how coal cities change, with provenance for every fact.

The package is four rooms over one core, with the command line on top; imports flow one way
(``cli`` → ``ask`` / ``see`` / ``grow`` → ``core``; ``ask`` may use ``see`` to serve its pages):

- :mod:`transition_kg.core` — the project and its graph: finding the project (``paths``), the
  namespaces (``vocab``), reading files (``files``), loading them into a store (``load``,
  ``infer``), the store interface (``store``: embedded or a remote SPARQL 1.1 endpoint), answers
  and formats (``sparql``), the query files (``named``), validation and build, errors with fields.
- :mod:`transition_kg.ask` — asking the graph: named queries and their parameters (``queries``),
  terminal tables, the SPARQL endpoint and workbench (``serve``), pushing to another store.
- :mod:`transition_kg.see` — seeing the graph: the network page, entity cards, the docs page,
  GraphML/GEXF exports, the one theme and the page templates.
- :mod:`transition_kg.grow` — growing the graph: registering articles, extracting candidates,
  anchoring evidence, promoting reviewed candidates into facts.
- :mod:`transition_kg.cli` — the ``transition-kg`` command, a thin layer that words errors in flags.

Nothing is imported here: ``import transition_kg`` costs nothing, and each command imports only
the rooms it uses.
"""

__version__ = "0.1.0"
