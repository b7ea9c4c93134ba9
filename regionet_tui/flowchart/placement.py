"""Horizontal placement with real box widths, and ports along box borders.

Each layer is placed by weighted isotonic regression: nodes want their anchor
column where their neighbours' anchors are, subject to keeping their order and
the minimum gaps. Pool-adjacent-violators solves that exactly in linear time.
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

PLACEMENT_ROUNDS = 6


class Footprint(NamedTuple):
    """The cells one layout node reserves inside its layer (layout space)."""

    width: int
    height: int
    anchor: int  # column, relative to the left edge, where edges attach
    is_box: bool


def place_columns(
    layers: list[list[int]],
    footprints: list[Footprint],
    above: list[list[int]],
    below: list[list[int]],
    box_gap: int,
) -> list[int]:
    """Left column of every node, shifted so the drawing starts at column 0."""
    # Offsets of each node from the left end of its layer when packed tight:
    # x[i] - offset[i] must not decrease along a layer.
    offsets = [0] * len(footprints)
    left = [0] * len(footprints)
    for layer in layers:
        for previous, node in itertools.pairwise(layer):
            gap = box_gap if footprints[previous].is_box and footprints[node].is_box else 1
            offsets[node] = offsets[previous] + footprints[previous].width + gap
        for node in layer:
            left[node] = offsets[node]
    anchors = [footprint.anchor for footprint in footprints]
    # The column where each node's edges attach, kept up to date with `left`.
    ports = [column + anchor for column, anchor in zip(left, anchors)]
    from_above = [_pulls(layer, above, footprints) for layer in layers]
    from_below = [_pulls(layer, below, footprints) for layer in layers]

    def align(index: int, pulls: list[_LayerPulls]) -> None:
        _align_layer(layers[index], *pulls[index], anchors, offsets, left, ports)

    for _ in range(PLACEMENT_ROUNDS):
        for index in range(1, len(layers)):
            align(index, from_above)
        for index in range(len(layers) - 2, -1, -1):
            align(index, from_below)
    for index in range(1, len(layers)):
        align(index, from_above)
    shift = min(left, default=0)
    return [column - shift for column in left]


# A node's neighbours on one side, the pull of each link and their sum.
_Links = tuple[list[int], list[float], float]
# Those of every node of a layer, and the weight of each node in the fit.
_LayerPulls = tuple[list[_Links], list[float]]


def _pulls(layer: list[int], neighbours: list[list[int]],
           footprints: list[Footprint]) -> _LayerPulls:
    """How the nodes of a layer are pulled by their neighbours on one side.

    Dummy-to-dummy links pull most so long edges run straight. The sum is
    added up link by link, as the pulls are, so it is the same float.
    """
    links: list[_Links] = []
    weights: list[float] = []
    for node in layer:
        others = neighbours[node]
        pulls = [
            1.0 + 3.0 * (not footprints[node].is_box) + 3.0 * (not footprints[other].is_box)
            for other in others
        ]
        total = 0.0
        for pull in pulls:
            total += pull
        links.append((others, pulls, total))
        weights.append(total or 0.05)  # unlinked nodes stay where they are unless pushed
    return links, weights


def _align_layer(
    layer: list[int],
    links: list[_Links],
    weights: list[float],
    anchors: list[int],
    offsets: list[int],
    left: list[int],
    ports: list[int],
) -> None:
    """Move a layer's nodes as near their neighbours as their order and gaps allow.

    Each node's target is the weighted mean of its neighbours' edge columns,
    relative to its packed offset; the nearest non-decreasing sequence of
    targets (weighted least squares) is found by pooling adjacent violators,
    one target at a time, into blocks that share their mean.
    """
    means: list[float] = []  # of the blocks of pooled targets
    totals: list[float] = []  # their weights
    counts: list[int] = []  # how many nodes each holds
    for node, (others, pulls, total), weight in zip(layer, links, weights):
        if not total:
            target = float(left[node] - offsets[node])
        elif len(others) == 1:
            target = pulls[0] * ports[others[0]] / total - anchors[node] - offsets[node]
        else:
            pull = 0.0
            for other, link_pull in zip(others, pulls):
                pull += link_pull * ports[other]
            target = pull / total - anchors[node] - offsets[node]
        if means and means[-1] > target:
            count = 1
            while means and means[-1] > target:
                previous_mean, previous_total = means.pop(), totals.pop()
                merged_weight = previous_total + weight
                target = (previous_mean * previous_total + target * weight) / merged_weight
                weight = merged_weight
                count += counts.pop()
            means.append(target)
            totals.append(weight)
            counts.append(count)
        else:
            means.append(target)
            totals.append(weight)
            counts.append(1)
    nodes = iter(layer)
    for mean, count in zip(means, counts):
        shift = round(mean)
        for _ in range(count):
            node = next(nodes)
            column = shift + offsets[node]
            left[node] = column
            ports[node] = column + anchors[node]


def spread_ports(wanted: list[float], low: int, high: int) -> list[int]:
    """Columns for ports kept in the given order, two apart, inside [low, high].

    Each port goes as near its wanted column as the order and spacing allow,
    so an edge to a box straight below usually needs no bend.
    """
    columns: list[int] = []
    for index, target in enumerate(wanted):
        floor = low if index == 0 else columns[-1] + 2
        columns.append(max(round(target), floor))
    ceiling = high
    for index in range(len(columns) - 1, -1, -1):
        columns[index] = min(columns[index], ceiling)
        ceiling = columns[index] - 2
    return columns
