"""The interactive HTML view of a built graph: RDF → networkx → one offline vis-network page."""
