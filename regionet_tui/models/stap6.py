"""STAP 6: the flowchart of the collaboration, as saved with the session."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field, field_validator

from .base import Id, Record, ids_of, unique_ids
from .text import Name, ShortText

NodeKind = Literal["partner", "broker", "service", "step", "other"]
NODE_KINDS: tuple[NodeKind, ...] = get_args(NodeKind)
Direction = Literal["auto", "TB", "LR"]


class FlowNode(Record):
    id: Id
    kind: NodeKind = "other"
    label: Name
    ref: Id | None = None  # the partner or service it stands for


class FlowEdge(Record):
    id: Id
    source: Id
    target: Id
    label: ShortText = ""


class Flowchart(Record):
    nodes: list[FlowNode] = Field(default_factory=list)
    edges: list[FlowEdge] = Field(default_factory=list)
    direction: Direction = "auto"

    @field_validator("nodes")
    @classmethod
    def _one_box_per_id(cls, nodes: list[FlowNode]) -> list[FlowNode]:
        return unique_ids(nodes, ids_of(nodes))

    @field_validator("edges")
    @classmethod
    def _one_arrow_per_id(cls, edges: list[FlowEdge]) -> list[FlowEdge]:
        return unique_ids(edges, ids_of(edges))
