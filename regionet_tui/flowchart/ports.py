"""Where edges meet boxes: ports spread along the top and bottom borders."""

from __future__ import annotations

from .layout import Chain
from .placement import spread_ports
from .sizing import Plan

ChainStep = tuple[int, int]  # chain index, index of the node inside the chain


def port_columns(
    chains: list[Chain], layers: list[list[int]], plan: Plan, left: list[int]
) -> list[list[int]]:
    """Column of every chain at each of its nodes; at real boxes that is the port."""
    position = {node: index for nodes in layers for index, node in enumerate(nodes)}
    columns = [
        [left[node] + plan.footprints[node].anchor for node in chain.nodes] for chain in chains
    ]
    leaving: list[list[int]] = [[] for _ in plan.boxes]
    entering: list[list[int]] = [[] for _ in plan.boxes]
    for chain_index, chain in enumerate(chains):
        leaving[chain.nodes[0]].append(chain_index)
        entering[chain.nodes[-1]].append(chain_index)
    # Bottom ports first, aiming at the far end; top ports then aim at those.
    for side, far, near in ((leaving, 1, 0), (entering, -2, -1)):
        for node, attached in enumerate(side):
            attached.sort(key=lambda c: (position[chains[c].nodes[far]], chains[c].edge_index))
            wanted = [float(columns[c][far]) for c in attached]
            spread = spread_ports(wanted, left[node] + 1, left[node] + plan.boxes[node][0] - 2)
            for chain_index, column in zip(attached, spread):
                columns[chain_index][near] = column
    node_layer = {node: index for index, nodes in enumerate(layers) for node in nodes}
    _unshare_columns(chains, columns, plan, left, node_layer)
    return columns


def _unshare_columns(
    chains: list[Chain],
    columns: list[list[int]],
    plan: Plan,
    left: list[int],
    node_layer: dict[int, int],
) -> None:
    """Move ports by one cell so no channel column is where one segment starts and another ends.

    Such a shared column forces the order of two tracks, and a ring of forced
    orders (two segments trading columns, say) makes the router detour.
    Segments through such a column bend anyway, so the move costs nothing.
    """
    channels: dict[int, list[ChainStep]] = {}
    for chain_index, chain in enumerate(chains):
        for step, upper in enumerate(chain.nodes[:-1]):
            channels.setdefault(node_layer[upper], []).append((chain_index, step))
    for steps in channels.values():
        tops = {columns[c][s]: (c, s) for c, s in steps}
        bottoms = {columns[c][s + 1]: (c, s + 1) for c, s in steps}
        for column in sorted(tops.keys() & bottoms.keys()):
            starting, ending = tops[column], bottoms[column]
            if starting[0] == ending[0]:
                continue  # one straight segment
            blocked = tops.keys() | bottoms.keys()
            for chain_index, step in (starting, ending):
                moved = _nudge_port(
                    chains[chain_index], columns[chain_index], step, plan, left, blocked
                )
                if moved is not None:
                    side = tops if (chain_index, step) == starting else bottoms
                    side[moved] = side.pop(column)
                    break


def _nudge_port(
    chain: Chain, columns: list[int], step: int, plan: Plan, left: list[int], blocked: set[int]
) -> int | None:
    """Shift a port one cell aside if its border has room; returns its new column."""
    if 0 < step < len(chain.nodes) - 1:
        return None  # a dummy: its column is its whole footprint
    node = chain.nodes[step]
    low, high = left[node] + 1, left[node] + plan.boxes[node][0] - 2
    for column in (columns[step] + 1, columns[step] - 1):
        if low <= column <= high and column not in blocked:
            columns[step] = column
            return column
    return None
