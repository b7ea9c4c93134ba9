"""Input model of the flowchart engine: plain frozen dataclasses, no layout state."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Node:
    """A box; `kind` (partner, broker, service, step or other) only picks its style."""

    id: str
    label: str
    kind: str = "other"


@dataclass(frozen=True)
class Edge:
    """An arrow from source to target, optionally labelled."""

    source: str
    target: str
    label: str = ""


@dataclass(frozen=True)
class Graph:
    """Nodes in the order they should be read; edges may form cycles and self-loops."""

    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

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
