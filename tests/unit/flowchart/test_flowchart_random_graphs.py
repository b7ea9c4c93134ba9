"""Random cyclic graphs, drawn and read back: the drawing must say exactly what the graph says."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.flowchart_grid_reader import read_edges
from support.flowchart_rectangles import ascii_of

from regionet_tui.flowchart import Edge, Graph, Node, render

WORDS = [
    "funds",
    "asks",
    "refers",
    "reports to",
    "delivers",
    "coordinates the work of",
    "資金を 提供",
]


@st.composite
def cyclic_graphs(draw: st.DrawFn) -> Graph:
    node_count = draw(st.integers(min_value=1, max_value=18))
    names = [f"n{index}" for index in range(node_count)]
    labels = draw(
        st.lists(
            st.sampled_from(["Partner", "Broker office", "Intake", "地域 センター"]),
            min_size=node_count,
            max_size=node_count,
        )
    )
    nodes = [
        Node(name, f"{label} {index}") for index, (name, label) in enumerate(zip(names, labels))
    ]
    edge_ends = draw(
        st.lists(st.tuples(st.sampled_from(names), st.sampled_from(names)), max_size=34)
    )
    edges = [
        Edge(source, target, draw(st.sampled_from(["", "", *WORDS])))
        for source, target in edge_ends
    ]
    return Graph(nodes, edges)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    graph=cyclic_graphs(),
    direction=st.sampled_from(["TB", "LR"]),
    # At least as wide as the longest word, so wrapped labels read back with single spaces.
    label_width=st.integers(min_value=12, max_value=30),
)
def test_random_graph_reads_back_as_its_edges(
    graph: Graph, direction: str, label_width: int
) -> None:
    drawing = render(graph, direction=direction, label_width=label_width)
    expected = sorted((edge.source, edge.target, edge.label) for edge in graph.edges)
    assert read_edges(drawing) == expected
    assert render(
        graph, direction=direction, ascii=True, label_width=label_width
    ).lines == ascii_of(drawing)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graph=cyclic_graphs(), max_width=st.integers(min_value=10, max_value=160))
def test_automatic_direction_is_the_narrower_of_both_drawings(
    graph: Graph, max_width: int
) -> None:
    """"auto" skips laying out sideways when the top-down layout proves it
    cannot be narrower; the result must be what drawing both and comparing gives."""
    top_down = render(graph, direction="TB")
    expected = top_down
    if top_down.width > max_width:
        left_right = render(graph, direction="LR")
        expected = left_right if left_right.width < top_down.width else top_down
    assert render(graph, direction="auto", max_width=max_width) == expected
