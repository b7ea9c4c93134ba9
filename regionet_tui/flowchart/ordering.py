"""Crossing reduction: median/barycenter sweeps plus transposition of neighbours.

Ties are always broken by the current position, so the result depends only
on the input order.
"""

from __future__ import annotations

SWEEP_ROUNDS = 24
PATIENCE = 4  # rounds without improvement before giving up


def order_layers(layer_of: list[int], links: list[tuple[int, int]]) -> tuple[list[list[int]], int]:
    """Order the nodes inside each layer; returns the layers and their crossing count.

    `links` join nodes of adjacent layers, upper node first.
    """
    layer_count = max(layer_of, default=-1) + 1
    layers: list[list[int]] = [[] for _ in range(layer_count)]
    for node, layer in enumerate(layer_of):
        layers[layer].append(node)
    above: list[list[int]] = [[] for _ in layer_of]
    below: list[list[int]] = [[] for _ in layer_of]
    for upper, lower in links:
        below[upper].append(lower)
        above[lower].append(upper)
    position = [0] * len(layer_of)
    _number(layers, position)
    for index in range(1, layer_count):
        _sort_by_median(layers[index], above, position)
    best = [list(layer) for layer in layers]
    best_crossings = count_crossings(layers, below, position)
    stale = 0
    for _ in range(SWEEP_ROUNDS):
        for index in range(1, layer_count):
            _sort_by_median(layers[index], above, position)
        for index in range(layer_count - 2, -1, -1):
            _sort_by_median(layers[index], below, position)
        _transpose(layers, above, below, position)
        crossings = count_crossings(layers, below, position)
        if crossings < best_crossings:
            best, best_crossings = [list(layer) for layer in layers], crossings
            stale = 0
        else:
            stale += 1
            if stale == PATIENCE or best_crossings == 0:
                break
    _number(best, position)
    return best, best_crossings


def _number(layers: list[list[int]], position: list[int]) -> None:
    for layer in layers:
        for index, node in enumerate(layer):
            position[node] = index


def _sort_by_median(layer: list[int], neighbours: list[list[int]], position: list[int]) -> None:
    def key(node: int) -> tuple[float, int]:
        places = sorted(position[other] for other in neighbours[node])
        if not places:
            return float(position[node]), position[node]
        middle = len(places) // 2
        median = places[middle] if len(places) % 2 else (places[middle - 1] + places[middle]) / 2
        # Half median, half barycenter: the median resists outliers, the
        # barycenter separates nodes whose medians tie.
        return (median + sum(places) / len(places)) / 2, position[node]

    layer.sort(key=key)
    for index, node in enumerate(layer):
        position[node] = index


def _pair_crossings(left_ends: list[int], right_ends: list[int]) -> tuple[int, int]:
    """Crossings between two nodes' edges with the nodes as they are, and swapped."""
    kept = swapped = 0
    for left_end in left_ends:
        for right_end in right_ends:
            if left_end > right_end:
                kept += 1
            elif left_end < right_end:
                swapped += 1
    return kept, swapped


def _transpose(
    layers: list[list[int]], above: list[list[int]], below: list[list[int]], position: list[int]
) -> None:
    """Swap neighbours while that removes crossings.

    Positions in the adjacent layers stay put while one layer is worked on, so
    each node's neighbour positions are gathered once per layer.
    """
    for layer in layers:
        ends = {
            node: (
                [position[other] for other in above[node]],
                [position[other] for other in below[node]],
            )
            for node in layer
        }
        improved = True
        passes = 0
        while improved and passes < 4:
            improved = False
            passes += 1
            for index in range(len(layer) - 1):
                left, right = layer[index], layer[index + 1]
                kept_above, swapped_above = _pair_crossings(ends[left][0], ends[right][0])
                kept_below, swapped_below = _pair_crossings(ends[left][1], ends[right][1])
                if swapped_above + swapped_below < kept_above + kept_below:
                    layer[index], layer[index + 1] = right, left
                    position[left], position[right] = index + 1, index
                    improved = True


def count_crossings(layers: list[list[int]], below: list[list[int]], position: list[int]) -> int:
    """Total crossings between adjacent layers, counted as inversions with a Fenwick tree."""
    total = 0
    for index in range(len(layers) - 1):
        ends = sorted(
            (position[upper], position[lower]) for upper in layers[index] for lower in below[upper]
        )
        size = len(layers[index + 1])
        tree = [0] * (size + 1)
        for seen, (_, lower_place) in enumerate(ends):
            # Count earlier edges that end strictly right of this one.
            at_most = 0
            slot = lower_place + 1
            while slot > 0:
                at_most += tree[slot]
                slot -= slot & -slot
            total += seen - at_most
            slot = lower_place + 1
            while slot <= size:
                tree[slot] += 1
                slot += slot & -slot
    return total
