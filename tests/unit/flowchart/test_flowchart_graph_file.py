"""Graph files: a good one draws, every bad one is refused with a message naming the place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from regionet_tui.commands.flowchart_graph import GraphFileError, draw_graph_file
from regionet_tui.flowchart.graph_file import MAX_GRAPH_FILE_BYTES, MAX_NODES, parse_graph

GOOD = {
    "nodes": [
        {"id": "m", "label": "Municipality", "kind": "partner"},
        {"id": "b", "label": "Broker"},
    ],
    "edges": [{"from": "m", "to": "b", "label": "funds"}, {"from": "b", "to": "m"}],
}


def write(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "graph.json"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_good_file_is_drawn(tmp_path: Path) -> None:
    text = draw_graph_file(
        write(tmp_path, json.dumps(GOOD)), ascii=True, direction="TB", width=None
    )
    assert "Municipality" in text and "funds" in text and "v" in text and "┌" not in text


def test_empty_graph_draws_nothing(tmp_path: Path) -> None:
    assert (
        draw_graph_file(write(tmp_path, '{"nodes": []}'), ascii=False, direction="auto", width=80)
        == ""
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"nodes": [], "nodes": []}', 'the key "nodes" appears twice'),
        ('{"nodes": [{"id": "a", "label": NaN}]}', "NaN is not a number"),
        ('{"nodes": [{"id": "a", "label": 1}]}', "nodes[0].label: Input should be a valid string"),
        (
            '{"nodes": [{"id": "a", "label": "A", "colour": "red"}]}',
            "nodes[0].colour: Extra inputs",
        ),
        (
            '{"nodes": [{"id": "a", "label": "A", "kind": "mayor"}]}',
            "nodes[0].kind: Input should be",
        ),
        (
            '{"nodes": [{"id": "a", "label": "A"}, {"id": "a", "label": "B"}]}',
            'nodes[1].id: duplicate node id "a"',
        ),
        (
            '{"nodes": [{"id": "a", "label": "A"}], "edges": [{"from": "a", "to": "x"}]}',
            'edges[0].to: unknown node "x"',
        ),
        (
            '{"nodes": [{"id": "a", "label": "A"}], "edges": [{"to": "a"}]}',
            "edges[0].from: Field required",
        ),
        ('{"edges": []}', "nodes: Field required"),
        ("[1, 2]", "must hold one JSON object"),
        ('{"nodes": [', "not valid JSON at line 1"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"nodes": [], "title": "x"}', "title: Extra inputs are not permitted"),
    ],
)
def test_bad_file_is_refused_with_its_place(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(GraphFileError) as caught:
        draw_graph_file(write(tmp_path, content), ascii=False, direction="TB", width=None)
    assert message in str(caught.value)


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = write(tmp_path, b" " * (MAX_GRAPH_FILE_BYTES + 1))
    with pytest.raises(GraphFileError, match="larger than"):
        draw_graph_file(path, ascii=False, direction="TB", width=None)


def test_too_many_nodes_are_refused() -> None:
    nodes = [{"id": str(index), "label": "x"} for index in range(MAX_NODES + 1)]
    with pytest.raises(GraphFileError, match=f"nodes: {MAX_NODES + 1} nodes are more than"):
        parse_graph(json.dumps({"nodes": nodes}).encode())


def test_byte_order_mark_is_accepted() -> None:
    graph = parse_graph("\ufeff".encode() + json.dumps(GOOD).encode())
    assert [node.id for node in graph.nodes] == ["m", "b"]


def test_missing_file_and_bad_encoding_are_explained(tmp_path: Path) -> None:
    with pytest.raises(GraphFileError, match="cannot read"):
        draw_graph_file(tmp_path / "absent.json", ascii=False, direction="TB", width=None)
    with pytest.raises(GraphFileError, match="not UTF-8"):
        parse_graph(b'{"nodes": [{"id": "\xff"}]}')


def test_unknown_direction_is_a_graph_file_error(tmp_path: Path) -> None:
    with pytest.raises(GraphFileError, match="direction"):
        draw_graph_file(write(tmp_path, json.dumps(GOOD)), ascii=False, direction="up", width=None)


def test_drawing_a_graph_file_loads_neither_pydantic_nor_the_models(tmp_path: Path) -> None:
    """`regionet flowchart --graph` pays for the drawing only (a third of the time)."""
    import subprocess
    import sys

    graph = write(tmp_path, '{"nodes": [{"id": "a", "label": "Gemeente"}, '
                            '{"id": "b", "label": "Loket"}], "edges": [{"from": "a", "to": "b"}]}')
    code = ("import sys; from regionet_tui import cli; "
            f"code = cli.main(['--sessions-dir', {str(tmp_path / 's')!r}, 'flowchart', "
            f"'--graph', {str(graph)!r}]); "
            "loaded = [m for m in ('pydantic', 'regionet_tui.models', 'rich.text', 'textual') "
            "if m in sys.modules]; print(code, loaded)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert "Gemeente" in done.stdout and "Loket" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "0 []"
