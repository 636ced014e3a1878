"""Seeing the graph: the catalogue and entity cards read from RDF, the offline network page,
the docs page, GraphML/GEXF exports, the one theme, and the page templates (``templates/``)."""
