"""The view's scale, shared by the full layout (kg.view.layout, numpy) and the kept one (kg.view.relayout, pure
Python): in its own module so that the kept layout gets it without importing numpy."""

EDGE_LENGTH = 150.0  # pixels between neighbours at zoom 1
MIN_GAP = 0.55  # no two nodes closer than this many edge lengths (after scaling)
LEAF_RADIUS = 0.6  # a leaf's distance from its node, in edge lengths (the core's median): just past MIN_GAP
