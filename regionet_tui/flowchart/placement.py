"""Horizontal placement with real box widths, and ports along box borders.

Each layer is placed by weighted isotonic regression: nodes want their anchor
column where their neighbours' anchors are, subject to keeping their order and
the minimum gaps. Pool-adjacent-violators solves that exactly in linear time.
"""

from __future__ import annotations

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
    left = [0] * len(footprints)
    for layer in layers:
        column = 0
        for node in layer:
            left[node] = column
            column += footprints[node].width + _gap(footprints[node], None, box_gap)
    for _ in range(PLACEMENT_ROUNDS):
        for layer in layers[1:]:
            _align_layer(layer, footprints, above, left, box_gap)
        for layer in reversed(layers[:-1]):
            _align_layer(layer, footprints, below, left, box_gap)
    for layer in layers[1:]:
        _align_layer(layer, footprints, above, left, box_gap)
    shift = min(left, default=0)
    return [column - shift for column in left]


def _gap(first: Footprint, second: Footprint | None, box_gap: int) -> int:
    if first.is_box and (second is None or second.is_box):
        return box_gap
    return 1


def _align_layer(
    layer: list[int],
    footprints: list[Footprint],
    neighbours: list[list[int]],
    left: list[int],
    box_gap: int,
) -> None:
    targets: list[float] = []
    weights: list[float] = []
    offsets: list[int] = []
    offset = 0
    for index, node in enumerate(layer):
        if index:
            previous = footprints[layer[index - 1]]
            offset += previous.width + _gap(previous, footprints[node], box_gap)
        offsets.append(offset)
        anchor = footprints[node].anchor
        others = neighbours[node]
        if others:
            # Dummy-to-dummy links weigh most so long edges run straight.
            link_weights = [
                1.0 + 3.0 * (not footprints[node].is_box) + 3.0 * (not footprints[other].is_box)
                for other in others
            ]
            wanted = sum(
                weight * (left[other] + footprints[other].anchor)
                for weight, other in zip(link_weights, others)
            ) / sum(link_weights)
            weights.append(sum(link_weights))
        else:
            wanted = left[node] + anchor
            weights.append(0.05)
        targets.append(wanted - anchor - offset)
    for node, value, offset in zip(layer, _isotonic(targets, weights), offsets):
        left[node] = round(value) + offset


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
