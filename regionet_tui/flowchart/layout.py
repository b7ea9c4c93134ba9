"""Layered (Sugiyama) structure: cycle removal, layering and dummy chains.

Everything here works on integer node indices; sizes and coordinates are
added later by placement and routing.
"""

from __future__ import annotations

from collections import deque
from typing import NamedTuple


class Chain(NamedTuple):
    """One input edge as a path of layout nodes from the upper to the lower layer."""

    edge_index: int
    nodes: list[int]
    reversed: bool
    label_node: int | None


def break_cycles(node_count: int, edges: list[tuple[int, int]]) -> set[int]:
    """Edge indices to reverse, found by a depth-first search in input order.

    An edge that reaches a node still on the search stack closes a cycle; it is
    laid out reversed but still drawn with its arrowhead at the real target.
    """
    outgoing: list[list[tuple[int, int]]] = [[] for _ in range(node_count)]
    for index, (source, target) in enumerate(edges):
        if source != target:
            outgoing[source].append((index, target))
    state = [0] * node_count  # 0 unvisited, 1 on the stack, 2 finished
    reversed_edges: set[int] = set()
    for root in range(node_count):
        if state[root]:
            continue
        state[root] = 1
        stack: list[tuple[int, int]] = [(root, 0)]
        while stack:
            node, next_child = stack[-1]
            if next_child == len(outgoing[node]):
                state[node] = 2
                stack.pop()
                continue
            stack[-1] = (node, next_child + 1)
            index, target = outgoing[node][next_child]
            if state[target] == 1:
                reversed_edges.add(index)
            elif state[target] == 0:
                state[target] = 1
                stack.append((target, 0))
    return reversed_edges


def assign_layers(node_count: int, links: list[tuple[int, int]], min_span: int) -> list[int]:
    """Longest-path layering of an acyclic graph, then tightened.

    `min_span` is 2 when edges carry labels: every edge then passes through a
    layer of its own where the label sits beside it.
    """
    outgoing: list[list[int]] = [[] for _ in range(node_count)]
    incoming: list[list[int]] = [[] for _ in range(node_count)]
    for source, target in links:
        outgoing[source].append(target)
        incoming[target].append(source)
    order = _topological_order(node_count, outgoing, incoming)
    layer = [0] * node_count
    for node in order:
        for source in incoming[node]:
            layer[node] = max(layer[node], layer[source] + min_span)
    # Longest path leaves sources on the top layer even when all their edges
    # run far down; pulling a node down shortens its outgoing edges, which
    # pays off when it has more of them than incoming ones.
    changed = True
    while changed:
        changed = False
        for node in reversed(order):
            if outgoing[node] and len(outgoing[node]) > len(incoming[node]):
                lowest = min(layer[target] for target in outgoing[node]) - min_span
                if lowest > layer[node]:
                    layer[node] = lowest
                    changed = True
    return layer


def _topological_order(
    node_count: int, outgoing: list[list[int]], incoming: list[list[int]]
) -> list[int]:
    remaining = [len(sources) for sources in incoming]
    ready = deque(node for node in range(node_count) if remaining[node] == 0)
    order: list[int] = []
    while ready:
        node = ready.popleft()
        order.append(node)
        for target in outgoing[node]:
            remaining[target] -= 1
            if remaining[target] == 0:
                ready.append(target)
    return order


def build_chains(
    edges: list[tuple[int, int]],
    labelled: list[bool],
    reversed_edges: set[int],
    layer: list[int],
) -> tuple[list[Chain], list[int]]:
    """Chains for all non-loop edges, plus the layer of every node (dummies appended)."""
    node_layer = list(layer)
    chains: list[Chain] = []
    for index, (source, target) in enumerate(edges):
        if source == target:
            continue
        is_reversed = index in reversed_edges
        upper, lower = (target, source) if is_reversed else (source, target)
        nodes = [upper]
        for dummy_layer in range(node_layer[upper] + 1, node_layer[lower]):
            nodes.append(len(node_layer))
            node_layer.append(dummy_layer)
        nodes.append(lower)
        dummies = nodes[1:-1]
        label_node = dummies[(len(dummies) - 1) // 2] if labelled[index] and dummies else None
        chains.append(Chain(index, nodes, is_reversed, label_node))
    return chains, node_layer
