"""Crossing reduction: median/barycenter sweeps plus transposition of neighbours.

Ties are always broken by the current position, so the result depends only
on the input order.
"""

from __future__ import annotations

from bisect import bisect_right, insort

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
        before = [list(layer) for layer in layers]
        for index in range(1, layer_count):
            _sort_by_median(layers[index], above, position)
        for index in range(layer_count - 2, -1, -1):
            _sort_by_median(layers[index], below, position)
        _transpose(layers, above, below, position)
        if layers == before:
            # A round depends only on the order it starts from: every further
            # round would return this same order and never beat the best.
            break
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
    """Sort by half median, half barycenter of the neighbours' positions.

    The median resists outliers, the barycenter separates nodes whose medians
    tie. A node without neighbours keeps its place; ties keep the current order
    (the sort is stable and the layer is in position order).
    """
    values: list[float] = []
    for node in layer:
        others = neighbours[node]
        count = len(others)
        if count == 1:
            values.append(float(position[others[0]]))
        elif count == 2:
            # Median and barycenter are both the midpoint.
            values.append((position[others[0]] + position[others[1]]) / 2)
        elif count == 0:
            values.append(float(position[node]))
        else:
            places = sorted([position[other] for other in others])
            middle = count // 2
            median = (places[middle] if count % 2
                      else (places[middle - 1] + places[middle]) / 2)
            values.append((median + sum(places) / count) / 2)
    order = sorted(range(len(layer)), key=values.__getitem__)
    layer[:] = [layer[index] for index in order]
    for index, node in enumerate(layer):
        position[node] = index


def _swap_gain(left_ends: list[int], right_ends: list[int]) -> int:
    """Crossings two nodes' edges have as they are, minus those they would have swapped."""
    if len(left_ends) == 1 and len(right_ends) == 1:
        left_end, right_end = left_ends[0], right_ends[0]
        return (left_end > right_end) - (left_end < right_end)
    gain = 0
    for left_end in left_ends:
        for right_end in right_ends:
            gain += (left_end > right_end) - (left_end < right_end)
    return gain


def _transpose(
    layers: list[list[int]], above: list[list[int]], below: list[list[int]], position: list[int]
) -> None:
    """Swap neighbours while that removes crossings.

    Positions in the adjacent layers stay put while one layer is worked on, so
    each node's neighbour positions are gathered once per layer (kept in
    lists that are swapped along with the layer).
    """
    for layer in layers:
        if len(layer) < 2:
            continue
        upper_ends = [[position[other] for other in above[node]] for node in layer]
        lower_ends = [[position[other] for other in below[node]] for node in layer]
        improved = True
        passes = 0
        while improved and passes < 4:
            improved = False
            passes += 1
            for index in range(len(layer) - 1):
                following = index + 1
                gain = _swap_gain(upper_ends[index], upper_ends[following]) + _swap_gain(
                    lower_ends[index], lower_ends[following])
                if gain > 0:
                    left, right = layer[index], layer[following]
                    layer[index], layer[following] = right, left
                    position[left], position[right] = following, index
                    upper_ends[index], upper_ends[following] = (upper_ends[following],
                                                                upper_ends[index])
                    lower_ends[index], lower_ends[following] = (lower_ends[following],
                                                                lower_ends[index])
                    improved = True


def count_crossings(layers: list[list[int]], below: list[list[int]], position: list[int]) -> int:
    """Total crossings between adjacent layers, counted as inversions.

    Edges are taken in order of their upper end (then lower end); each crosses
    the earlier edges that end strictly right of it, counted by bisection in
    the sorted list of earlier lower ends.
    """
    total = 0
    for index in range(len(layers) - 1):
        size = len(layers[index + 1])
        ends = sorted([position[upper] * size + position[lower]
                       for upper in layers[index] for lower in below[upper]])
        seen: list[int] = []
        for count, end in enumerate(ends):
            lower_place = end % size
            total += count - bisect_right(seen, lower_place)
            insort(seen, lower_place)
    return total
