"""Curated graphs drawn in both directions, read back and compared with golden files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.flowchart_grid_reader import read_edges
from support.flowchart_rectangles import ascii_of
from support.flowchart_samples import CURATED

from regionet_tui.flowchart import Edge, Graph, Node, render
from regionet_tui.flowchart.samples import sample_graph

GOLDEN = Path(__file__).parent / "golden"
UPDATE_GOLDEN = os.environ.get("REGIONET_UPDATE_GOLDEN") == "1"


def expected_edges(graph: Graph) -> list[tuple[str, str, str]]:
    return sorted((edge.source, edge.target, edge.label) for edge in graph.edges)


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("name", sorted(CURATED))
def test_drawing_reads_back_as_the_input_edges(name: str, direction: str) -> None:
    graph = CURATED[name]
    drawing = render(graph, direction=direction)
    assert drawing.direction == direction
    assert read_edges(drawing) == expected_edges(graph)


@pytest.mark.parametrize("ascii", [False, True], ids=["unicode", "ascii"])
@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("name", sorted(CURATED))
def test_drawing_matches_golden_file(name: str, direction: str, ascii: bool) -> None:
    text = render(CURATED[name], direction=direction, ascii=ascii).text + "\n"
    golden = GOLDEN / f"{name}_{direction}_{'ascii' if ascii else 'unicode'}.txt"
    if UPDATE_GOLDEN:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_ascii_drawing_is_the_unicode_drawing_in_plain_characters() -> None:
    graph = sample_graph()
    assert render(graph, ascii=True).lines == ascii_of(render(graph))


def test_sample_graph_needs_at_most_one_crossing() -> None:
    assert render(sample_graph(), direction="TB").crossings <= 1


def test_same_input_gives_same_drawing() -> None:
    first = render(CURATED["network_40"])
    second = render(CURATED["network_40"])
    assert first.lines == second.lines


def test_lines_are_padded_to_one_width() -> None:
    drawing = render(sample_graph())
    assert {len(line) for line in drawing.lines} == {drawing.width}
    assert drawing.height == len(drawing.lines) == len(drawing.text.splitlines())


def test_wide_characters_keep_the_grid_aligned() -> None:
    graph = Graph(
        [Node("a", "地域ネットワーク 中心"), Node("b", "市役所")],
        [Edge("a", "b", "資金を提供する")],
    )
    for direction in ("TB", "LR"):
        drawing = render(graph, direction=direction)
        from rich.cells import cell_len

        assert {cell_len(line) for line in drawing.lines} == {drawing.width}
        assert "市役所" in drawing.text and "資金を提供する" in drawing.text


def test_long_labels_wrap_without_losing_words() -> None:
    drawing = render(CURATED["long_labels"], label_width=20)
    words = ["sends", "participants", "with", "a", "complicated", "request", "for", "support"]
    assert all(word in drawing.text for word in words)
    _left, _top, width, height = drawing.node_boxes["Regional network of adult education providers"]
    assert width <= 20 + 4 and height > 3


def test_self_loop_is_a_small_loop_beside_its_box() -> None:
    drawing = render(CURATED["self_loop"], direction="TB")
    left, top, width, _ = drawing.node_boxes["review"]
    assert drawing.lines[top + 1][left + width - 1 : left + width + 2] == "├─┐"
    assert drawing.lines[top + 2][left + width - 1 : left + width + 2] == "│◄┘"


def test_empty_graph_gives_an_empty_drawing() -> None:
    drawing = render(Graph([], []))
    assert drawing.lines == [] and drawing.width == 0 and drawing.text == ""


def test_unknown_edge_end_is_refused_with_its_name() -> None:
    with pytest.raises(ValueError, match="unknown node 'ghost'"):
        render(Graph([Node("a", "A")], [Edge("a", "ghost")]))


def test_unknown_direction_is_refused() -> None:
    with pytest.raises(ValueError, match="direction"):
        render(Graph([Node("a", "A")], []), direction="diagonal")


def test_auto_direction_turns_sideways_only_when_that_fits_better() -> None:
    graph = CURATED["fan_out"]
    assert render(graph).direction == "TB"
    top_down = render(graph, direction="TB")
    left_right = render(graph, direction="LR")
    assert left_right.width < top_down.width
    assert render(graph, max_width=left_right.width).direction == "LR"


def test_labels_are_drawn_as_plain_text_in_rich() -> None:
    graph = Graph([Node("a", "[bold]A[/bold]", "partner"), Node("b", "B")], [Edge("a", "b")])
    text = render(graph).to_rich({"partner": "bold red"})
    assert "[bold]A[/bold]" in text.plain
    assert any("red" in str(span.style) for span in text.spans)


def test_drawing_does_not_depend_on_hash_seeds() -> None:
    script = (
        "from regionet_tui.flowchart.samples import random_network;"
        "from regionet_tui.flowchart import render;"
        "print(render(random_network(40, 60, seed=7)).text)"
    )
    root = Path(__file__).resolve().parents[3]
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_forty_node_network_keeps_crossings_low() -> None:
    # grandalf needs 55 crossings on a comparable 40-node graph (FLOWCHART.md).
    assert render(CURATED["network_40"]).crossings <= 40


def test_duplicate_node_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="duplicate node id 'a'"):
        render(Graph([Node("a", "A"), Node("a", "B")], []))


def test_engine_imports_without_textual() -> None:
    script = (
        "import sys, regionet_tui.flowchart, regionet_tui.commands.flowchart_graph;"
        "print('textual' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False"
