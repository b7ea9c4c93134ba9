"""Curated graphs for the flowchart tests, one per situation the engine must handle."""

from __future__ import annotations

from regionet_tui.flowchart import Graph
from regionet_tui.flowchart.samples import graph_of, random_network, sample_graph

CURATED: dict[str, Graph] = {
    "chain": graph_of([("Start", "Plan", ""), ("Plan", "Do", ""), ("Do", "Check", "")]),
    "diamond": graph_of([("a", "b", ""), ("a", "c", ""), ("b", "d", ""), ("c", "d", "")]),
    "fan_in": graph_of([(f"partner {n}", "broker", "joins") for n in range(1, 6)]),
    "fan_out": graph_of([("broker", f"service {n}", "") for n in range(1, 6)]),
    "cycles": graph_of(
        [("a", "b", "x"), ("b", "c", ""), ("c", "a", "back"), ("c", "d", ""), ("d", "b", "again")]
    ),
    "self_loop": graph_of([("review", "review", "revise"), ("review", "publish", "approve")]),
    "long_labels": graph_of(
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


CURATED["network_40"] = random_network(40, 60, seed=7)
