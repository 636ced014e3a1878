"""Growing the graph: registering a new article, extracting candidates from its text, anchoring
evidence to its words, and promoting reviewed candidates into facts."""
