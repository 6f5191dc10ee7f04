"""The welcome panel: the empty window, and the first start."""
