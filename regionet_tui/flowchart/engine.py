"""The pipeline from a Graph to a Drawing.

All geometry is computed in layout space, where layers run top to bottom; a
left-to-right chart is laid out with every size transposed and the finished
grid transposed back, so both directions share one implementation.
"""

from __future__ import annotations

from .drawing import Box, Drawing
from .graph import Graph
from .layout import assign_layers, break_cycles, build_chains
from .ordering import order_layers
from .placement import place_columns
from .ports import port_columns
from .raster import LineGrid, Point, put_text
from .route import Segment, assign_tracks, channel_path
from .sizing import plan_sizes
from .text import text_cells, wrap

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
        return Drawing(direction="LR" if direction == "LR" else "TB")
    if direction != "auto":
        return _draw(graph, direction, ascii, label_width)
    top_down = _draw(graph, "TB", ascii, label_width)
    if max_width is None or top_down.width <= max_width:
        return top_down
    left_right = _draw(graph, "LR", ascii, label_width)
    return left_right if left_right.width < top_down.width else top_down


def _draw(graph: Graph, direction: str, ascii: bool, label_width: int) -> Drawing:
    across = direction == "LR"

    def layout_size(size: tuple[int, int]) -> tuple[int, int]:
        return (size[1], size[0]) if across else size

    label_gap = 0 if across else 1
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
    chains, node_layer = build_chains(
        ends, [bool(lines) for lines in edge_labels], reversed_edges, layer
    )
    chain_links = [pair for chain in chains for pair in zip(chain.nodes, chain.nodes[1:])]
    layers, _ = order_layers(node_layer, chain_links)
    above: list[list[int]] = [[] for _ in node_layer]
    below: list[list[int]] = [[] for _ in node_layer]
    for upper, lower in chain_links:
        below[upper].append(lower)
        above[lower].append(upper)

    plan = plan_sizes(
        graph, ends, chains, node_layer, node_labels, edge_labels, layout_size, label_gap
    )
    left = place_columns(layers, plan.footprints, above, below, box_gap=1 if across else 3)
    columns = port_columns(chains, layers, plan, left)

    band = [max(plan.footprints[node].height for node in nodes) for nodes in layers]
    channel_segments: list[list[tuple[int, int, Segment]]] = [[] for _ in layers]
    for chain_index, chain in enumerate(chains):
        for step, upper in enumerate(chain.nodes[:-1]):
            segment = Segment(columns[chain_index][step], columns[chain_index][step + 1])
            channel_segments[node_layer[upper]].append((chain_index, step, segment))
    tracks: dict[tuple[int, int], int] = {}
    top = [0] * len(layers)
    for index, segments in enumerate(channel_segments[:-1]):
        assigned, track_count = assign_tracks([segment for _, _, segment in segments])
        for (chain_index, step, _), track in zip(segments, assigned):
            tracks[(chain_index, step)] = track
        # With bends, a free row above and below the tracks keeps them off box
        # borders and arrowheads. Straight channels need one row when a label
        # layer already spaces the boxes, two otherwise so arrows can breathe.
        straight_rows = 1 if labelled_links else 2
        top[index + 1] = (
            top[index] + band[index] + (track_count + 2 if track_count else straight_rows)
        )

    width = max((left[node] + plan.footprints[node].width for node in range(len(left))), default=0)
    grid = LineGrid(width, top[-1] + band[-1])
    for node in range(len(graph.nodes)):
        grid.add_box(left[node], top[node_layer[node]], *plan.boxes[node])
    for chain_index, chain in enumerate(chains):
        path: list[Point] = [
            (
                columns[chain_index][0],
                top[node_layer[chain.nodes[0]]] + plan.boxes[chain.nodes[0]][1] - 1,
            )
        ]
        for step, upper in enumerate(chain.nodes[:-1]):
            index = node_layer[upper]
            segment = Segment(columns[chain_index][step], columns[chain_index][step + 1])
            path += channel_path(
                segment, tracks[(chain_index, step)], top[index] + band[index], top[index + 1] - 1
            )
            if step + 2 < len(chain.nodes):
                path += [(segment.bottom, top[index + 1] + band[index + 1] - 1)]
            else:
                path += [(segment.bottom, top[index + 1])]
        grid.add_edge(path[::-1] if chain.reversed else path, owner=chain.edge_index)
    for node, loops in enumerate(plan.loops):
        box_left, box_top = left[node], top[node_layer[node]]
        border = box_left + plan.boxes[node][0] - 1
        for loop in loops:
            row = box_top + loop.row
            grid.add_edge(
                [(border, row), (border + 2, row), (border + 2, row + 1), (border, row + 1)],
                loop.edge_index,
            )

    def final_point(column: int, row: int) -> Point:
        return (row, column) if across else (column, row)

    cells = (grid.transposed() if across else grid).to_cells(ascii)
    crossings = len(grid.crossed)
    node_boxes: dict[str, Box] = {}
    for node, graph_node in enumerate(graph.nodes):
        box_x, box_y = final_point(left[node], top[node_layer[node]])
        box_w, box_h = layout_size(plan.boxes[node])
        node_boxes[graph_node.id] = (box_x, box_y, box_w, box_h)
        lines = node_labels[node]
        first_row = box_y + 1 + (box_h - 2 - len(lines)) // 2
        for offset, line in enumerate(lines):
            put_text(
                cells, box_x + 2 + (box_w - 4 - text_cells(line)) // 2, first_row + offset, line
            )
    for chain in chains:
        if chain.label_node is not None:
            dummy = chain.label_node
            column, row = final_point(left[dummy] + 1 + label_gap, top[node_layer[dummy]])
            for offset, line in enumerate(edge_labels[chain.edge_index]):
                put_text(cells, column, row + offset, line)
    for node, loops in enumerate(plan.loops):
        label_column = left[node] + plan.boxes[node][0] + 2 + label_gap
        for loop in loops:
            column, row = final_point(label_column, top[node_layer[node]] + loop.row)
            for offset, line in enumerate(loop.label):
                put_text(cells, column, row + offset, line)
    return Drawing(
        lines=["".join(row) for row in cells],
        direction=direction,
        crossings=crossings,
        node_boxes=node_boxes,
        node_kinds={node.id: node.kind for node in graph.nodes},
    )
