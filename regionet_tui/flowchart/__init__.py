"""Flowchart drawing engine: layered layout and orthogonal routing on a character grid.

Pure Python; rich is used only to measure wide characters and for
`Drawing.to_rich()`.
"""

from .drawing import Drawing
from .engine import render
from .graph import Edge, Graph, Node

__all__ = ["Drawing", "Edge", "Graph", "Node", "render"]
