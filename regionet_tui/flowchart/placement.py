"""Horizontal placement with real box widths, and ports along box borders.

Each layer is placed by weighted isotonic regression: nodes want their anchor
column where their neighbours' anchors are, subject to keeping their order and
the minimum gaps. Pool-adjacent-violators solves that exactly in linear time.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

PLACEMENT_ROUNDS = 6


@dataclass
class Footprint:
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
    weighted_above = _weighted_links(above, footprints)
    weighted_below = _weighted_links(below, footprints)
    for _ in range(PLACEMENT_ROUNDS):
        for layer in layers[1:]:
            _align_layer(layer, footprints, weighted_above, offsets, left)
        for layer in reversed(layers[:-1]):
            _align_layer(layer, footprints, weighted_below, offsets, left)
    for layer in layers[1:]:
        _align_layer(layer, footprints, weighted_above, offsets, left)
    shift = min(left, default=0)
    return [column - shift for column in left]


def _weighted_links(
    neighbours: list[list[int]], footprints: list[Footprint]
) -> list[list[tuple[int, float]]]:
    """Neighbours with the pull of each link; dummy-to-dummy links pull most so long edges run straight."""
    return [
        [
            (
                other,
                1.0 + 3.0 * (not footprints[node].is_box) + 3.0 * (not footprints[other].is_box),
            )
            for other in others
        ]
        for node, others in enumerate(neighbours)
    ]


def _align_layer(
    layer: list[int],
    footprints: list[Footprint],
    links: list[list[tuple[int, float]]],
    offsets: list[int],
    left: list[int],
) -> None:
    targets: list[float] = []
    weights: list[float] = []
    for node in layer:
        anchor = footprints[node].anchor
        total = pull = 0.0
        for other, weight in links[node]:
            total += weight
            pull += weight * (left[other] + footprints[other].anchor)
        if total:
            targets.append(pull / total - anchor - offsets[node])
            weights.append(total)
        else:
            targets.append(float(left[node] - offsets[node]))
            weights.append(0.05)  # unlinked nodes stay where they are unless pushed
    for node, value in zip(layer, _isotonic(targets, weights)):
        left[node] = round(value) + offsets[node]


def _isotonic(values: list[float], weights: list[float]) -> list[float]:
    """Weighted least-squares fit of a non-decreasing sequence (pool adjacent violators)."""
    blocks: list[list[float]] = []  # [mean, weight, count]
    for value, weight in zip(values, weights):
        blocks.append([value, weight, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, total, count = blocks.pop()
            previous = blocks[-1]
            merged_weight = previous[1] + total
            previous[0] = (previous[0] * previous[1] + mean * total) / merged_weight
            previous[1] = merged_weight
            previous[2] += count
    fitted: list[float] = []
    for mean, _, count in blocks:
        fitted.extend([mean] * int(count))
    return fitted


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
