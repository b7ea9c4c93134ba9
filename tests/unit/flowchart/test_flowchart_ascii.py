"""ASCII drawings of large charts read like their Unicode drawings: every box's
border is whole (only its corners are "+"), and no connection lines close a
rectangle that reads as an extra, empty box. Checked by finding every
rectangle in generated charts of 40 and 100 nodes, in both modes."""

from __future__ import annotations

import pytest
from support.flowchart_grid_reader import cells_of
from support.flowchart_rectangles import ascii_of, border_cells, rectangles

from regionet_tui.flowchart import Drawing, Edge, Graph, Node, render
from regionet_tui.flowchart.samples import random_network


def fan_out(count: int) -> Graph:
    """One box whose connections leave it side by side, to boxes that link back."""
    nodes = [Node("hub", "Onderwijsloket", "broker"),
             *(Node(f"p{n}", f"Partner {n}", "partner") for n in range(count))]
    edges = [Edge("hub", f"p{n}", "coordineert" if n % 3 else "") for n in range(count)]
    edges += [Edge(f"p{n}", f"p{(n + 1) % count}", "") for n in range(0, count, 2)]
    edges += [Edge(f"p{n}", "hub", "levert") for n in range(0, count, 5)]
    return Graph(nodes, edges)


GRAPHS = {
    "network_40_4": random_network(40, 60, seed=4),
    "network_40_7": random_network(40, 60, seed=7),
    "network_100_6": random_network(100, 150, seed=6),
    "fan_out_40": fan_out(40),
}


def _labels_inside(drawing: Drawing, graph: Graph) -> None:
    grid = cells_of(drawing)
    for node in graph.nodes:
        left, top, width, height = drawing.node_boxes[node.id]
        inside = " ".join("".join(row[left + 1:left + width - 1]).strip()
                          for row in grid[top + 1:top + height - 1])
        assert " ".join(inside.split()) == node.label, node.id


@pytest.mark.parametrize("ascii", [False, True], ids=["unicode", "ascii"])
@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_every_rectangle_is_a_box_with_its_label(name: str, direction: str, ascii: bool) -> None:
    graph = GRAPHS[name]
    drawing = render(graph, direction=direction, ascii=ascii)
    assert sorted(rectangles(drawing, ascii)) == sorted(drawing.node_boxes.values())
    _labels_inside(drawing, graph)


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_an_ascii_box_border_is_whole_apart_from_its_corners(name: str, direction: str) -> None:
    drawing = render(GRAPHS[name], direction=direction, ascii=True)
    grid = cells_of(drawing)
    for box in drawing.node_boxes.values():
        for (x, y), kind in border_cells(box).items():
            assert grid[y][x] == {"corner": "+", "across": "-", "down": "|"}[kind], (box, x, y)
    assert drawing.text.isascii()


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_the_ascii_drawing_is_the_unicode_drawing_in_plain_characters(
    name: str, direction: str
) -> None:
    unicode = render(GRAPHS[name], direction=direction)
    ascii = render(GRAPHS[name], direction=direction, ascii=True)
    assert ascii.lines == ascii_of(unicode)
    assert (ascii.node_boxes, ascii.crossings) == (unicode.node_boxes, unicode.crossings)
