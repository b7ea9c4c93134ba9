"""The pipeline from a Graph to a Drawing.

All geometry is computed in layout space, where layers run top to bottom; a
left-to-right chart is laid out with every size transposed and the finished
grid transposed back, so both directions share one implementation.
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

from .drawing import Box, Drawing
from .graph import Graph
from .layout import Chain, assign_layers, break_cycles, build_chains
from .ordering import order_layers
from .placement import place_columns
from .ports import port_columns
from .raster import LineGrid, Point, put_text
from .route import ChannelRoute, Segment, route_channel
from .sizing import Plan, plan_sizes
from .text import block_size, text_cells, wrap

DIRECTIONS = ("TB", "LR", "auto")


def render(
    graph: Graph,
    *,
    direction: str = "auto",
    ascii: bool = False,
    max_width: int | None = None,
    label_width: int = 22,
) -> Drawing:
    """Draw the graph; "auto" takes top-to-bottom unless left-to-right fits max_width better."""
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}")
    graph.check()
    if not graph.nodes:
        return Drawing([], "LR" if direction == "LR" else "TB", 0, {}, {})
    if direction != "auto":
        return _draw(graph, direction, ascii, label_width)
    # Both directions are laid out, but only the one chosen is painted: the
    # width of each is known from its layout (~30% of an 80-node chart's time).
    top_down = _lay_out(graph, False, label_width)
    top_down_paths, top_down_width = _paths(top_down)
    if (max_width is None or top_down_width <= max_width
            or _sideways_width_at_least(top_down, len(graph.nodes)) >= top_down_width):
        return _finish(graph, top_down, top_down_paths, top_down_width, "TB", ascii)
    left_right = _lay_out(graph, True, label_width)
    # Sideways, the drawing is as wide as the layout is tall.
    if left_right.top[-1] + left_right.band[-1] < top_down_width:
        return _finish(graph, left_right, *_paths(left_right), "LR", ascii)
    return _finish(graph, top_down, top_down_paths, top_down_width, "TB", ascii)


class _Layout(NamedTuple):
    """Everything decided about one drawing, in layout space."""

    across: bool  # left to right: the grid is transposed at the end
    node_labels: list[list[str]]
    edge_labels: list[list[str]]
    chains: list[Chain]
    node_layer: list[int]
    plan: Plan
    left: list[int]  # left column of every node's footprint
    columns: list[list[int]]  # column of every chain at each of its nodes
    top: list[int]  # first row of every layer
    band: list[int]  # height of every layer
    channels: list[list[tuple[int, int]]]  # (chain, step) of the segments in each channel
    routes: list[ChannelRoute]

    @property
    def label_gap(self) -> int:
        """Blank cells between an edge and its label: a column when upright, none sideways."""
        return 0 if self.across else 1

    def final_point(self, column: int, row: int) -> Point:
        return (row, column) if self.across else (column, row)

    def final_size(self, size: tuple[int, int]) -> tuple[int, int]:
        return (size[1], size[0]) if self.across else size


def _sideways_width_at_least(top_down: _Layout, node_count: int) -> int:
    """A lower bound of the width of the left-to-right drawing, from the top-down layout.

    Both directions have the same layers. Sideways, every layer is at least as
    wide as its widest box (label plus border and padding, 4 cells), and the
    channel between two layers takes at least one column.
    """
    widest = [1] * (max(top_down.node_layer) + 1)
    for node in range(node_count):
        layer = top_down.node_layer[node]
        widest[layer] = max(widest[layer], block_size(top_down.node_labels[node])[0] + 4)
    return sum(widest) + len(widest) - 1


def _draw(graph: Graph, direction: str, ascii: bool, label_width: int) -> Drawing:
    layout = _lay_out(graph, direction == "LR", label_width)
    return _finish(graph, layout, *_paths(layout), direction, ascii)


def _finish(graph: Graph, layout: _Layout, paths: list[tuple[list[Point], int]], width: int,
            direction: str, ascii: bool) -> Drawing:
    grid = _paint_lines(layout, paths, width)
    cells = (grid.transposed() if layout.across else grid).to_cells(
        ascii, crossing="-" if layout.across else "|")
    node_boxes = _write_text(layout, graph, cells)
    return Drawing(
        lines=["".join(row) for row in cells],
        direction=direction,
        crossings=grid.crossings,
        node_boxes=node_boxes,
        node_kinds={node.id: node.kind for node in graph.nodes},
    )


def _lay_out(graph: Graph, across: bool, label_width: int) -> _Layout:
    index_of = {node.id: index for index, node in enumerate(graph.nodes)}
    ends = [(index_of[edge.source], index_of[edge.target]) for edge in graph.edges]
    edge_labels = [wrap(edge.label, label_width) if edge.label else [] for edge in graph.edges]
    node_labels = [wrap(node.label, label_width) for node in graph.nodes]

    reversed_edges = break_cycles(len(graph.nodes), ends)
    links = [
        (target, source) if index in reversed_edges else (source, target)
        for index, (source, target) in enumerate(ends)
        if source != target
    ]
    labelled_links = any(edge_labels[i] for i, (s, t) in enumerate(ends) if s != t)
    layer = assign_layers(len(graph.nodes), links, 2 if labelled_links else 1)
    labelled = [bool(lines) for lines in edge_labels]
    chains, node_layer = build_chains(ends, labelled, reversed_edges, layer)
    chain_links = [pair for chain in chains for pair in itertools.pairwise(chain.nodes)]
    layers, _ = order_layers(node_layer, chain_links)
    above: list[list[int]] = [[] for _ in node_layer]
    below: list[list[int]] = [[] for _ in node_layer]
    for upper, lower in chain_links:
        below[upper].append(lower)
        above[lower].append(upper)

    def layout_size(size: tuple[int, int]) -> tuple[int, int]:
        return (size[1], size[0]) if across else size

    plan = plan_sizes(
        len(graph.nodes),
        ends,
        chains,
        node_layer,
        node_labels,
        edge_labels,
        layout_size,
        label_gap=0 if across else 1,
    )
    left = place_columns(layers, plan.footprints, above, below, box_gap=1 if across else 3)
    columns = port_columns(chains, layers, plan, left)
    band = [max(plan.footprints[node].height for node in nodes) for nodes in layers]
    channels: list[list[tuple[int, int]]] = [[] for _ in layers]
    for chain_index, chain in enumerate(chains):
        for step, upper in enumerate(chain.nodes[:-1]):
            channels[node_layer[upper]].append((chain_index, step))
    routes: list[ChannelRoute] = []
    top = [0] * len(layers)
    for index, steps in enumerate(channels[:-1]):
        route = route_channel([Segment(columns[c][s], columns[c][s + 1]) for c, s in steps])
        routes.append(route)
        track_count = route.track_count
        # With bends, a free row above and below the tracks keeps them off box
        # borders and arrowheads. Straight channels need one row when a label
        # layer already spaces the boxes, two otherwise so arrows can breathe.
        rows = track_count + 2 if track_count else (1 if labelled_links else 2)
        top[index + 1] = top[index] + band[index] + rows
    return _Layout(
        across,
        node_labels,
        edge_labels,
        chains,
        node_layer,
        plan,
        left,
        columns,
        top,
        band,
        channels,
        routes,
    )


def _paths(layout: _Layout) -> tuple[list[tuple[list[Point], int]], int]:
    """The path of every edge (with its edge index) and the width of the grid."""
    plan, left, top, band = layout.plan, layout.left, layout.top, layout.band
    slot = {step: index for steps in layout.channels for index, step in enumerate(steps)}
    paths: list[tuple[list[Point], int]] = []
    for chain_index, chain in enumerate(layout.chains):
        columns = layout.columns[chain_index]
        upper = chain.nodes[0]
        path: list[Point] = [(columns[0], top[layout.node_layer[upper]] + plan.boxes[upper][1] - 1)]
        for step, node in enumerate(chain.nodes[:-1]):
            index = layout.node_layer[node]
            segment = Segment(columns[step], columns[step + 1])
            route = layout.routes[index]
            path += route.path(
                slot[(chain_index, step)], segment, top[index] + band[index], top[index + 1] - 1
            )
            # Through a dummy's whole layer, or onto the top border of the last box.
            last_row = (
                top[index + 1]
                if step + 2 == len(chain.nodes)
                else top[index + 1] + band[index + 1] - 1
            )
            path.append((segment.bottom, last_row))
        paths.append((path[::-1] if chain.reversed else path, chain.edge_index))
    for node, loops in enumerate(plan.loops):
        border = left[node] + plan.boxes[node][0] - 1
        for loop in loops:
            row = top[layout.node_layer[node]] + loop.row
            loop_path = [(border, row), (border + 2, row), (border + 2, row + 1), (border, row + 1)]
            paths.append((loop_path, loop.edge_index))
    # A detour may reach one column past the last footprint.
    width = max(
        max(left[node] + footprint.width for node, footprint in enumerate(plan.footprints)),
        max((column + 1 for path, _ in paths for column, _ in path), default=0),
    )
    return paths, width


def _paint_lines(layout: _Layout, paths: list[tuple[list[Point], int]], width: int) -> LineGrid:
    plan, left, top, band = layout.plan, layout.left, layout.top, layout.band
    grid = LineGrid(width, top[-1] + band[-1])
    for node, (box_w, box_h) in enumerate(plan.boxes):
        grid.add_box(left[node], top[layout.node_layer[node]], box_w, box_h)
    for path, edge_index in paths:
        grid.add_edge(path, owner=edge_index)
    return grid


def _write_text(layout: _Layout, graph: Graph, cells: list[list[str]]) -> dict[str, Box]:
    """Put box and edge labels into the final grid; returns where each box ended up."""
    left, top, node_layer = layout.left, layout.top, layout.node_layer
    node_boxes: dict[str, Box] = {}
    for node, graph_node in enumerate(graph.nodes):
        box_x, box_y = layout.final_point(left[node], top[node_layer[node]])
        box_w, box_h = layout.final_size(layout.plan.boxes[node])
        node_boxes[graph_node.id] = (box_x, box_y, box_w, box_h)
        lines = layout.node_labels[node]
        first_row = box_y + 1 + (box_h - 2 - len(lines)) // 2
        for offset, line in enumerate(lines):
            column = box_x + 2 + (box_w - 4 - text_cells(line)) // 2
            put_text(cells, column, first_row + offset, line)
    for chain in layout.chains:
        if chain.label_node is not None:
            dummy = chain.label_node
            column = left[dummy] + 1 + layout.label_gap
            _put_block(
                cells,
                layout.final_point(column, top[node_layer[dummy]]),
                layout.edge_labels[chain.edge_index],
            )
    for node, loops in enumerate(layout.plan.loops):
        column = left[node] + layout.plan.boxes[node][0] + 2 + layout.label_gap
        for loop in loops:
            _put_block(
                cells, layout.final_point(column, top[node_layer[node]] + loop.row), loop.label
            )
    return node_boxes


def _put_block(cells: list[list[str]], corner: Point, lines: list[str]) -> None:
    for offset, line in enumerate(lines):
        put_text(cells, corner[0], corner[1] + offset, line)
