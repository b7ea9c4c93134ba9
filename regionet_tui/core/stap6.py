"""STAP 6: the flowchart of the collaboration, as data.

- `progress(session)`: empty / in progress / done.
- `graph_of(chart)`: the saved chart as the drawing engine's Graph.
- `generate(session, labels)`: a first chart derived from the session: every
  partner, the broker ("makelaar/loket") partners as broker nodes, the
  services with the largest shortfall, and the agreements as flows;
  `first_chart(session)` does it in the session's language.
- add/update/remove functions for nodes and edges; each validates before it
  changes anything and keeps the chart consistent (no edge to a missing node).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..i18n import speaking, t
from ..models.base import new_id
from ..models.stap6 import FlowEdge, FlowNode, NodeKind

if TYPE_CHECKING:
    from ..flowchart import Graph
    from ..models import Session
    from ..progress import Status

# Shortfall services drawn by "generate": more makes the chart unreadable.
MAX_SERVICES = 3


def progress(session: Session) -> Status:
    chart = session.flowchart
    if not chart.nodes:
        return "empty"
    return "done" if chart.edges else "in_progress"


def graph_of(session: Session) -> Graph:
    from ..flowchart import Edge, Graph, Node

    chart = session.flowchart
    return Graph(
        nodes=[Node(n.id, n.label, n.kind) for n in chart.nodes],
        edges=[Edge(e.source, e.target, e.label) for e in chart.edges],
    )


class FlowError(ValueError):
    """A change that would make the chart inconsistent; the message is the
    catalogue key of what to tell the user."""


# -- generating ------------------------------------------------------------------
def generate(session: Session, label: Callable[[str], str],
             shortfalls: list[tuple[str, str, float]] | None = None
             ) -> tuple[list[FlowNode], list[FlowEdge]]:
    """A first chart from the session's data, kept readable on a projector.

    Every partner is a box; a partner with the makelaar/loket role is a broker
    box and the hub: each other partner gets one flow to it ("contributes",
    when it brings something to an agreement) or from it ("coordinates").
    Without a broker, agreements become flows from who brings to who gets.
    The services with the largest shortfall (`shortfalls`: service id, name,
    gap, largest first; by default the STAP 1 gap table's; at most MAX_SERVICES
    with a positive gap) are boxes coordinated by the hub and supplied by the
    partner that offers them best.
    `label(key)` gives edge words in the user's language (contributes,
    coordinates, supplies).
    """
    if shortfalls is None:
        shortfalls = largest_shortfalls(session)
    nodes: list[FlowNode] = []
    edges: list[FlowEdge] = []

    def connect(source: str, target: str, text: str) -> None:
        if source != target and not any(e.source == source and e.target == target
                                         for e in edges):
            edges.append(FlowEdge(id=new_id(), source=source, target=target, label=text))

    node_of: dict[str, str] = {}
    for partner in session.partners:
        kind: NodeKind = "broker" if partner.role == "makelaar" else "partner"
        node = FlowNode(id=new_id(), kind=kind, label=partner.name, ref=partner.id)
        nodes.append(node)
        node_of[partner.id] = node.id
    hub = next((node_of[p.id] for p in session.partners if p.role == "makelaar"), None)

    agreements = session.deal.agreements
    givers = {c.partner for a in agreements for c in a.contributions}
    if hub is not None:
        for partner in session.partners:
            node_id = node_of[partner.id]
            if partner.id in givers:
                connect(node_id, hub, label("contributes"))
            else:
                connect(hub, node_id, label("coordinates"))
    else:
        for agreement in agreements:
            for giver in (c.partner for c in agreement.contributions):
                for taker in (b.partner for b in agreement.benefits):
                    if giver in node_of and taker in node_of:
                        connect(node_of[giver], node_of[taker], agreement.what[:40])

    scores = session.portfolio.scores
    for service_id, name, _gap in [s for s in shortfalls if s[2] > 0][:MAX_SERVICES]:
        service = FlowNode(id=new_id(), kind="service", label=name, ref=service_id)
        nodes.append(service)
        if hub is not None:
            connect(hub, service.id, label("coordinates"))
        suppliers = [
            (score.quality or 0, partner.id) for partner in session.partners
            if (score := scores.get(partner.id, {}).get(service_id)) is not None
            and score.offered and node_of[partner.id] != hub
        ]
        if suppliers:
            best = max(suppliers, key=lambda pair: pair[0])[1]
            connect(node_of[best], service.id, label("supplies"))
    return nodes, edges


def first_chart(session: Session) -> tuple[list[FlowNode], list[FlowEdge]]:
    """`generate` in the session's language: the arrows' words and the services'
    names are the session's, whatever language the app shows."""
    with speaking(session.language):
        return generate(session, lambda key: t(f"stap6.flow.{key}"))


def largest_shortfalls(session: Session) -> list[tuple[str, str, float]]:
    """(service id, name, gap) of the services that fall short, largest first."""
    from . import stap1_gaps

    return [(row.key, row.label, row.gap) for row in stap1_gaps.by_service(session)
            if row.shortfall and row.gap is not None]


def replace_chart(session: Session, nodes: list[FlowNode], edges: list[FlowEdge]) -> None:
    session.flowchart.edges = []  # never an edge to a node that is gone
    session.flowchart.nodes = nodes
    session.flowchart.edges = edges


# -- editing ------------------------------------------------------------------------
def add_node(session: Session, label: str, kind: NodeKind) -> FlowNode:
    node = FlowNode(id=new_id(), kind=kind, label=label)
    session.flowchart.nodes = [*session.flowchart.nodes, node]
    return node


def update_node(session: Session, node_id: str, label: str, kind: NodeKind) -> None:
    updated = [
        n.model_copy(update={"label": FlowNode(id=n.id, kind=kind, label=label).label,
                             "kind": kind}) if n.id == node_id else n
        for n in session.flowchart.nodes
    ]
    session.flowchart.nodes = updated


def remove_node(session: Session, node_id: str) -> None:
    """Remove a node and every edge that touches it."""
    chart = session.flowchart
    chart.edges = [e for e in chart.edges if node_id not in (e.source, e.target)]
    chart.nodes = [n for n in chart.nodes if n.id != node_id]


def add_edge(session: Session, source: str, target: str, label: str) -> FlowEdge:
    ids = {n.id for n in session.flowchart.nodes}
    if source not in ids or target not in ids:
        raise FlowError("stap6.error_unknown_node")
    edge = FlowEdge(id=new_id(), source=source, target=target, label=label)
    if any(e.source == source and e.target == target for e in session.flowchart.edges):
        raise FlowError("stap6.error_duplicate_edge")
    session.flowchart.edges = [*session.flowchart.edges, edge]
    return edge


def update_edge(session: Session, edge_id: str, label: str) -> None:
    session.flowchart.edges = [
        e.model_copy(update={"label": FlowEdge(id=e.id, source=e.source, target=e.target,
                                               label=label).label}) if e.id == edge_id else e
        for e in session.flowchart.edges
    ]


def forget_partner(session: Session, partner_id: str) -> None:
    """A partner leaves: its box stays (the facilitator may keep or remove it),
    but no longer points at the partner."""
    session.flowchart.nodes = [
        n.model_copy(update={"ref": None}) if n.ref == partner_id else n
        for n in session.flowchart.nodes
    ]


def remove_edge(session: Session, edge_id: str) -> None:
    session.flowchart.edges = [e for e in session.flowchart.edges if e.id != edge_id]
