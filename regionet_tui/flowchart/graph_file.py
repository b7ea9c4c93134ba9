"""Loading a graph from a plain JSON file, refusing anything ambiguous with a clear message.

Format: {"nodes": [{"id": "a", "label": "A", "kind": "partner"}],
         "edges": [{"from": "a", "to": "b", "label": "funds"}]}
"kind" and the edge "label" are optional.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from .graph import Edge, Graph, Node

MAX_GRAPH_FILE_BYTES = 1_000_000
# Beyond this a drawing takes seconds and no longer fits a screen.
MAX_NODES = 300
MAX_EDGES = 1000
KINDS = ("partner", "broker", "service", "step", "other")


class GraphFileError(ValueError):
    """A graph file that cannot be used; the message says where and why, in plain English."""


# The fields of each entry: name -> (required, check). Checked by hand, not by
# pydantic, whose import would be most of what `regionet flowchart --graph` costs.
_Check = Literal["id", "text", "kind"]
_NODE: dict[str, tuple[bool, _Check]] = {"id": (True, "id"), "label": (True, "text"),
                                         "kind": (False, "kind")}
_EDGE: dict[str, tuple[bool, _Check]] = {"from": (True, "text"), "to": (True, "text"),
                                         "label": (False, "text")}


def _problem(value: object, check: _Check) -> str | None:
    if not isinstance(value, str):
        if check == "kind":
            return "Input should be " + ", ".join(f"'{k}'" for k in KINDS[:-1]) + \
                f" or '{KINDS[-1]}'"
        return "Input should be a valid string"
    if check == "id" and not value:
        return "String should have at least 1 character"
    if check == "kind" and value not in KINDS:
        return _problem(None, "kind")
    return None


def _entries(raw: dict[str, Any], name: str, fields: dict[str, tuple[bool, _Check]],
             required: bool) -> list[dict[str, Any]]:
    """The entries of one list of the file, each checked against `fields`."""
    if name not in raw:
        if required:
            raise GraphFileError(f"{name}: Field required")
        return []
    entries = raw[name]
    if not isinstance(entries, list):
        raise GraphFileError(f"{name}: Input should be a valid list")
    for index, entry in enumerate(entries):
        place = f"{name}[{index}]"
        if not isinstance(entry, dict):
            raise GraphFileError(f"{place}: Input should be a valid dictionary")
        for field, (needed, check) in fields.items():
            if field not in entry:
                if needed:
                    raise GraphFileError(f"{place}.{field}: Field required")
                continue
            problem = _problem(entry[field], check)
            if problem is not None:
                raise GraphFileError(f"{place}.{field}: {problem}")
        for field in entry:
            if field not in fields:
                raise GraphFileError(f"{place}.{field}: Extra inputs are not permitted")
    return entries


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
    nodes = _entries(raw, "nodes", _NODE, required=True)
    edges = _entries(raw, "edges", _EDGE, required=False)
    for extra in raw:
        if extra not in ("nodes", "edges"):
            raise GraphFileError(f"{extra}: Extra inputs are not permitted")
    return _build(nodes, edges)


def _build(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> Graph:
    for name, count, limit in (
        ("nodes", len(nodes), MAX_NODES),
        ("edges", len(edges), MAX_EDGES),
    ):
        if count > limit:
            raise GraphFileError(
                f"{name}: {count} {name} are more than the {limit} a flowchart can show"
            )
    seen: set[str] = set()
    for index, node in enumerate(nodes):
        if node["id"] in seen:
            raise GraphFileError(f"nodes[{index}].id: duplicate node id {json.dumps(node['id'])}")
        seen.add(node["id"])
    for index, edge in enumerate(edges):
        for field in ("from", "to"):
            if edge[field] not in seen:
                raise GraphFileError(
                    f"edges[{index}].{field}: unknown node {json.dumps(edge[field])}")
    return Graph(
        [Node(node["id"], node["label"], node.get("kind", "other")) for node in nodes],
        [Edge(edge["from"], edge["to"], edge.get("label", "")) for edge in edges],
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
