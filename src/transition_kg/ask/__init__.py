"""Asking the graph: named queries with typed parameters, terminal tables, the SPARQL 1.1
endpoint with its workbench page, and pushing the graph to another store."""
