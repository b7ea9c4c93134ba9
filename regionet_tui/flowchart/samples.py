"""Example graphs: the network of FLOWCHART.md and random networks for tests and benchmarks."""

from __future__ import annotations

import random

from .graph import Edge, Graph, Node


def graph_of(edges: list[tuple[str, str, str]], kinds: dict[str, str] | None = None) -> Graph:
    """A graph whose node ids are also their labels, in order of first mention."""
    names: list[str] = []
    for source, target, _ in edges:
        for name in (source, target):
            if name not in names:
                names.append(name)
    kinds = kinds or {}
    return Graph(
        [Node(name, name, kinds.get(name, "other")) for name in names],
        [Edge(source, target, label) for source, target, label in edges],
    )


def sample_graph() -> Graph:
    """The network of FLOWCHART.md: funding, intake, referral and two cycles."""
    broker = "Broker (Coordination Office)"
    return graph_of(
        [
            ("Municipality", broker, "funds"),
            ("Regional Fund", broker, "funds"),
            (broker, "Intake Desk", "coordinates"),
            ("Citizen", "Intake Desk", "asks"),
            ("Intake Desk", "Needs Assessment", ""),
            ("Needs Assessment", "Referral", ""),
            ("Referral", "Youth Centre", "delivers to"),
            ("Referral", "Health Clinic", "delivers to"),
            ("Referral", "Housing Association", "delivers to"),
            ("Youth Centre", "Case Management", "reports"),
            ("Health Clinic", "Case Management", "reports"),
            ("Housing Association", "Case Management", "reports"),
            ("Case Management", "Follow-up", ""),
            ("Follow-up", "Citizen", "asks"),
            ("Follow-up", broker, "reports"),
        ],
        {
            "Municipality": "partner",
            "Regional Fund": "partner",
            broker: "broker",
            "Citizen": "partner",
            "Youth Centre": "service",
            "Health Clinic": "service",
            "Housing Association": "service",
            "Intake Desk": "step",
            "Referral": "step",
        },
    )


def random_network(node_count: int, edge_count: int, seed: int, labelled: float = 0.5) -> Graph:
    """A connected-ish network with ~15% back edges, like the measurements in FLOWCHART.md."""
    chooser = random.Random(seed)
    nodes = [Node(f"n{index}", f"Partner {index}", "partner") for index in range(node_count)]
    edges: list[Edge] = []
    for index in range(1, node_count):
        source = chooser.randrange(max(0, index - 5), index)
        edges.append(Edge(f"n{source}", f"n{index}", _maybe_label(chooser, labelled)))
    while len(edges) < edge_count:
        first, second = sorted(chooser.sample(range(node_count), 2))
        if chooser.random() < 0.15:
            first, second = second, first
        edges.append(Edge(f"n{first}", f"n{second}", _maybe_label(chooser, labelled)))
    return Graph(nodes, edges)


def _maybe_label(chooser: random.Random, labelled: float) -> str:
    return (
        chooser.choice(["funds", "refers", "reports", "asks"])
        if chooser.random() < labelled
        else ""
    )
