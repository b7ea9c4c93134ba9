"""Curated graphs shared by the flowchart tests and the benchmark."""

from __future__ import annotations

import random

from regionet_tui.flowchart import Edge, Graph, Node


def _graph(edges: list[tuple[str, str, str]], kinds: dict[str, str] | None = None) -> Graph:
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
    return _graph(
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


CURATED: dict[str, Graph] = {
    "chain": _graph([("Start", "Plan", ""), ("Plan", "Do", ""), ("Do", "Check", "")]),
    "diamond": _graph([("a", "b", ""), ("a", "c", ""), ("b", "d", ""), ("c", "d", "")]),
    "fan_in": _graph([(f"partner {n}", "broker", "joins") for n in range(1, 6)]),
    "fan_out": _graph([("broker", f"service {n}", "") for n in range(1, 6)]),
    "cycles": _graph(
        [("a", "b", "x"), ("b", "c", ""), ("c", "a", "back"), ("c", "d", ""), ("d", "b", "again")]
    ),
    "self_loop": _graph([("review", "review", "revise"), ("review", "publish", "approve")]),
    "long_labels": _graph(
        [
            (
                "Regional network of adult education providers",
                "Municipal social domain",
                "sends participants with a complicated request for support",
            ),
            ("Municipal social domain", "Supercalifragilisticexpialidocious-partner", ""),
        ]
    ),
    "sample": sample_graph(),
}


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


CURATED["network_40"] = random_network(40, 60, seed=7)
