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
    _untangle_swaps(chains, columns, plan, left, node_layer=_layers_of(layers))
    return columns


def _layers_of(layers: list[list[int]]) -> dict[int, int]:
    return {node: index for index, nodes in enumerate(layers) for node in nodes}


def _untangle_swaps(
    chains: list[Chain],
    columns: list[list[int]],
    plan: Plan,
    left: list[int],
    node_layer: dict[int, int],
) -> None:
    """Move a port by one cell where two segments of a channel trade columns.

    If one segment starts in the column where another ends and the other
    starts where the first ends, no order of tracks keeps them from running
    along each other; shifting one port breaks the tie.
    """
    channels: dict[int, list[ChainStep]] = {}
    for chain_index, chain in enumerate(chains):
        for step, upper in enumerate(chain.nodes[:-1]):
            channels.setdefault(node_layer[upper], []).append((chain_index, step))
    for steps in channels.values():
        ending_at = {columns[c][s + 1]: (c, s) for c, s in steps}
        for chain_index, step in steps:
            top, bottom = columns[chain_index][step], columns[chain_index][step + 1]
            partner = ending_at.get(top)
            if top == bottom or partner is None or columns[partner[0]][partner[1]] != bottom:
                continue
            tops = {columns[c][s] for c, s in steps}
            bottoms = {columns[c][s + 1] for c, s in steps}
            for end_chain, end_step, is_top in (
                (chain_index, step, True),
                (partner[0], partner[1] + 1, False),
                (chain_index, step + 1, False),
                (partner[0], partner[1], True),
            ):
                if _nudge_port(
                    chains[end_chain],
                    columns[end_chain],
                    end_step,
                    plan,
                    left,
                    blocked=(bottoms if is_top else tops) | (tops if is_top else bottoms),
                ):
                    ending_at = {columns[c][s + 1]: (c, s) for c, s in steps}
                    break


def _nudge_port(
    chain: Chain, columns: list[int], step: int, plan: Plan, left: list[int], blocked: set[int]
) -> bool:
    if 0 < step < len(chain.nodes) - 1:
        return False  # a dummy: its column is its whole footprint
    node = chain.nodes[step]
    low, high = left[node] + 1, left[node] + plan.boxes[node][0] - 2
    for column in (columns[step] + 1, columns[step] - 1):
        if low <= column <= high and column not in blocked:
            columns[step] = column
            return True
    return False
