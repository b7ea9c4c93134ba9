"""Input model of the flowchart engine: plain immutable records, no layout state.

Named tuples rather than frozen dataclasses: a dataclass compiles its methods
when it is created, which the first visit of STAP 6 paid for on import.
"""

from __future__ import annotations

from typing import NamedTuple


class Node(NamedTuple):
    """A box; `kind` (partner, broker, service, step or other) only picks its style."""

    id: str
    label: str
    kind: str = "other"


class Edge(NamedTuple):
    """An arrow from source to target, optionally labelled."""

    source: str
    target: str
    label: str = ""


class Graph(NamedTuple):
    """Nodes in the order they should be read; edges may form cycles and self-loops."""

    nodes: list[Node]
    edges: list[Edge]

    def check(self) -> None:
        """Raise ValueError when node ids repeat or an edge names an unknown node."""
        seen: set[str] = set()
        for node in self.nodes:
            if node.id in seen:
                raise ValueError(f"duplicate node id {node.id!r}")
            seen.add(node.id)
        for index, edge in enumerate(self.edges):
            for end, node_id in (("source", edge.source), ("target", edge.target)):
                if node_id not in seen:
                    raise ValueError(f"edge {index} {end}: unknown node {node_id!r}")
