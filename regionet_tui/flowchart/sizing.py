"""Box and footprint sizes in layout space, decided before placement."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from .layout import Chain
from .placement import Footprint
from .text import block_size


class SelfLoop(NamedTuple):
    """A loop on the right side of its box (layout space), with its label beside it."""

    edge_index: int
    row: int  # row of the loop's upper leg, relative to the box top
    label: list[str]


class Plan(NamedTuple):
    """Sizes decided before placement, all in layout space."""

    boxes: list[tuple[int, int]]  # width, height of every real box
    loops: list[list[SelfLoop]]
    footprints: list[Footprint]


def plan_sizes(
    node_count: int,
    ends: list[tuple[int, int]],
    chains: list[Chain],
    node_layer: list[int],
    node_labels: list[list[str]],
    edge_labels: list[list[str]],
    layout_size: Callable[[tuple[int, int]], tuple[int, int]],
    *,
    label_gap: int,
) -> Plan:
    """Boxes wide enough for their labels and ports, footprints that also hold labels and loops."""
    bottom_ports = [0] * node_count
    top_ports = [0] * node_count
    for chain in chains:
        bottom_ports[chain.nodes[0]] += 1
        top_ports[chain.nodes[-1]] += 1
    loops: list[list[SelfLoop]] = [[] for _ in range(node_count)]
    loop_reach = [0] * node_count
    loop_label_width = [0] * node_count
    for edge_index, (source, target) in enumerate(ends):
        if source != target:
            continue
        lines = edge_labels[edge_index]
        label_w, label_h = layout_size(block_size(lines)) if lines else (0, 0)
        # Loops stack down the box side, two cells apart so their labels never read as one.
        row = loop_reach[source] + 2 if loops[source] else 1
        loops[source].append(SelfLoop(edge_index, row, lines))
        loop_reach[source] = row + label_h
        loop_label_width[source] = max(loop_label_width[source], label_w)
    boxes: list[tuple[int, int]] = []
    footprints: list[Footprint] = []
    for node in range(node_count):
        text_w, text_h = block_size(node_labels[node])
        width, height = layout_size((text_w + 4, text_h + 2))
        # Ports sit two cells apart and never on a corner.
        width = max(width, 2 * max(bottom_ports[node], top_ports[node]) + 1)
        extra = 0
        if loops[node]:
            height = max(height, loops[node][-1].row + 3)
            extra = 2 + (label_gap + loop_label_width[node] if loop_label_width[node] else 0)
        boxes.append((width, height))
        footprints.append(Footprint(width + extra, max(height, loop_reach[node]), width // 2, True))
    footprints += [Footprint(1, 1, 0, False) for _ in range(node_count, len(node_layer))]
    for chain in chains:
        if chain.label_node is not None:
            label_w, label_h = layout_size(block_size(edge_labels[chain.edge_index]))
            footprints[chain.label_node] = Footprint(1 + label_gap + label_w, label_h, 0, False)
    return Plan(boxes, loops, footprints)
