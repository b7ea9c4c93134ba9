"""`regionet flowchart --graph FILE`: draw a graph file as text."""

from __future__ import annotations

from pathlib import Path

from regionet_tui.flowchart import render
from regionet_tui.flowchart.graph_file import GraphFileError, load_graph_file

__all__ = ["GraphFileError", "draw_graph_file"]


def draw_graph_file(path: Path, *, ascii: bool, direction: str, width: int | None) -> str:
    """The drawing of the graph in `path`; GraphFileError explains any problem with the file."""
    graph = load_graph_file(path)
    try:
        return render(graph, direction=direction, ascii=ascii, max_width=width).text
    except ValueError as error:
        raise GraphFileError(str(error)) from error
