"""The engine draws exactly what it drew before its speed-ups.

Every case is a graph with render options; its digest covers everything a
Drawing holds (lines, direction, crossings, boxes, kinds). The digests were
computed with the engine as it was before it was made faster, so an
optimisation that changes any cell of any of these drawings fails here.
A deliberate change of the drawing updates the digests with
REGIONET_UPDATE_PINNED=1 (and says why in its commit).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
from pathlib import Path

import pytest

from regionet_tui.flowchart import Drawing, Edge, Graph, Node, render
from regionet_tui.flowchart.samples import random_network, sample_graph

PINNED = Path(__file__).parent / "golden" / "pinned_digests.json"
UPDATE_PINNED = os.environ.get("REGIONET_UPDATE_PINNED") == "1"

WORDS = ["", "", "funds", "asks", "reports to", "coordinates the work of", "資金を 提供", "levert"]
NAMES = ["Partner", "Broker office", "Intake", "地域 センター", "Gemeente Tiel",
         "Regionaal Opleidingencentrum Rivierenland", "UWV"]


def mixed_graph(seed: int) -> Graph:
    """Small cyclic graphs with self-loops, repeated edges, wide characters and long labels."""
    chooser = random.Random(seed)
    node_count = chooser.randint(1, 22)
    nodes = [Node(f"n{i}", f"{chooser.choice(NAMES)} {i}", chooser.choice(
        ["partner", "broker", "service", "step", "other"])) for i in range(node_count)]
    edges = [
        Edge(f"n{chooser.randrange(node_count)}", f"n{chooser.randrange(node_count)}",
             chooser.choice(WORDS))
        for _ in range(chooser.randint(0, 40))
    ]
    return Graph(nodes, edges)


def tree_with_returns(node_count: int, seed: int) -> Graph:
    """Like the region benchmark's chart: each node fed by an earlier one, 40% flow back."""
    chooser = random.Random(seed)
    nodes = [Node(f"n{i:02d}", f"Organisatie nummer {i} in de regio", "partner")
             for i in range(node_count)]
    edges: list[Edge] = []
    for index in range(1, node_count):
        edges.append(Edge(f"n{chooser.randrange(index):02d}", f"n{index:02d}", "levert"))
        if chooser.random() < 0.4:
            edges.append(Edge(f"n{index:02d}", f"n{chooser.randrange(node_count):02d}",
                              "vraagt"))
    return Graph(nodes, edges)


def cases() -> dict[str, tuple[Graph, dict[str, object]]]:
    graphs: dict[str, Graph] = {"sample": sample_graph()}
    for nodes, edges, seed, labelled in ((5, 7, 1, 0.5), (10, 15, 2, 0.0), (20, 30, 3, 1.0),
                                         (40, 60, 4, 0.5), (60, 90, 5, 0.3), (100, 150, 6, 0.5),
                                         (120, 180, 7, 0.7)):
        graphs[f"random_{nodes}_{seed}"] = random_network(nodes, edges, seed, labelled)
    for seed in range(24):
        graphs[f"mixed_{seed}"] = mixed_graph(seed)
    for nodes, seed in ((30, 1), (80, 7), (80, 8)):
        graphs[f"returns_{nodes}_{seed}"] = tree_with_returns(nodes, seed)
    found: dict[str, tuple[Graph, dict[str, object]]] = {}
    for name, graph in graphs.items():
        options: list[dict[str, object]] = [
            {"direction": "TB"}, {"direction": "LR", "ascii": True},
            {"direction": "auto", "max_width": 96}, {"direction": "auto", "max_width": 200},
        ]
        if name.startswith("mixed") or name == "sample":
            options += [{"direction": "TB", "ascii": True, "label_width": 12},
                        {"direction": "LR", "label_width": 30}]
        for option in options:
            key = "-".join(f"{k}={v}" for k, v in option.items())
            found[f"{name}/{key}"] = (graph, option)
    return found


def digest(drawing: Drawing) -> str:
    content = json.dumps([drawing.lines, drawing.direction, drawing.crossings,
                          sorted(drawing.node_boxes.items()), sorted(drawing.node_kinds.items())],
                         ensure_ascii=False)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:20]


CASES = cases()


@pytest.fixture(scope="module")
def pinned() -> dict[str, str]:
    if UPDATE_PINNED:
        found = {name: digest(render(graph, **option))  # type: ignore[arg-type]
                 for name, (graph, option) in CASES.items()}
        PINNED.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    stored: dict[str, str] = json.loads(PINNED.read_text(encoding="utf-8"))
    return stored


def test_every_case_is_pinned(pinned: dict[str, str]) -> None:
    assert sorted(pinned) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_drawing_is_unchanged(name: str, pinned: dict[str, str]) -> None:
    graph, option = CASES[name]
    assert digest(render(graph, **option)) == pinned[name]  # type: ignore[arg-type]
