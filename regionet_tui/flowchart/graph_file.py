"""Loading a graph from a plain JSON file, refusing anything ambiguous with a clear message.

Format: {"nodes": [{"id": "a", "label": "A", "kind": "partner"}],
         "edges": [{"from": "a", "to": "b", "label": "funds"}]}
"kind" and the edge "label" are optional.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .graph import Edge, Graph, Node

MAX_GRAPH_FILE_BYTES = 1_000_000
# Beyond this a drawing takes seconds and no longer fits a screen.
MAX_NODES = 300
MAX_EDGES = 1000


class GraphFileError(ValueError):
    """A graph file that cannot be used; the message says where and why, in plain English."""


class _NodeEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    id: str = Field(min_length=1)
    label: str
    kind: Literal["partner", "broker", "service", "step", "other"] = "other"


class _EdgeEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    source: str = Field(alias="from")
    target: str = Field(alias="to")
    label: str = ""


class _GraphEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    nodes: list[_NodeEntry]
    edges: list[_EdgeEntry] = []


def load_graph_file(path: Path) -> Graph:
    """The graph in an ordinary file of at most MAX_GRAPH_FILE_BYTES: a FIFO or a
    device is refused unopened (it would never end)."""
    from ..storage.regular import FileTooLarge, NotRegularFile, read_regular

    try:
        data = read_regular(path, MAX_GRAPH_FILE_BYTES)
    except NotRegularFile as error:
        raise GraphFileError(f"{path} is not an ordinary file but a {error.kind}") from error
    except FileTooLarge as error:
        raise GraphFileError(f"{path} is larger than {MAX_GRAPH_FILE_BYTES:,} bytes") from error
    except OSError as error:
        raise GraphFileError(f"cannot read {path}: {error.strerror or error}") from error
    return parse_graph(data)


def parse_graph(data: bytes) -> Graph:
    """Validate the bytes of a graph file and build the Graph."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise GraphFileError(f"the file is not UTF-8 text (byte {error.start})") from error
    try:
        raw = json.loads(
            text, object_pairs_hook=_refuse_duplicate_keys, parse_constant=_refuse_constant
        )
    except json.JSONDecodeError as error:
        raise GraphFileError(
            f"not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from error
    except RecursionError as error:
        raise GraphFileError("the JSON is nested too deeply to be a graph") from error
    if not isinstance(raw, dict):
        raise GraphFileError('the file must hold one JSON object with "nodes" and "edges"')
    try:
        entry = _GraphEntry.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        raise GraphFileError(f"{_place(first['loc'])}: {first['msg']}") from error
    return _build(entry)


def _build(entry: _GraphEntry) -> Graph:
    for name, count, limit in (
        ("nodes", len(entry.nodes), MAX_NODES),
        ("edges", len(entry.edges), MAX_EDGES),
    ):
        if count > limit:
            raise GraphFileError(
                f"{name}: {count} {name} are more than the {limit} a flowchart can show"
            )
    seen: set[str] = set()
    for index, node in enumerate(entry.nodes):
        if node.id in seen:
            raise GraphFileError(f"nodes[{index}].id: duplicate node id {json.dumps(node.id)}")
        seen.add(node.id)
    for index, edge in enumerate(entry.edges):
        for field, node_id in (("from", edge.source), ("to", edge.target)):
            if node_id not in seen:
                raise GraphFileError(f"edges[{index}].{field}: unknown node {json.dumps(node_id)}")
    return Graph(
        [Node(node.id, node.label, node.kind) for node in entry.nodes],
        [Edge(edge.source, edge.target, edge.label) for edge in entry.edges],
    )


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise GraphFileError(f"the key {json.dumps(key)} appears twice in one object")
        result[key] = value
    return result


def _refuse_constant(name: str) -> Any:
    raise GraphFileError(f"{name} is not a number this file may contain")


def _place(location: tuple[int | str, ...]) -> str:
    """Turn a pydantic error location into `edges[3].to`."""
    place = ""
    for part in location:
        place += f"[{part}]" if isinstance(part, int) else (f".{part}" if place else str(part))
    return place or "the file"
