"""Demo flowchart: generated from the demo's data, then edited as a
facilitator would (the regional fund and the pupils added by hand)."""

from __future__ import annotations

from ..core import stap6
from ..models import Session
from ..models.stap6 import FlowEdge, FlowNode


def fill(session: Session) -> None:
    nodes, edges = stap6.first_chart(session)
    # Fixed ids, so that the demo is the same document every time it is built.
    renamed = {n.id: f"n-{n.ref or index}" for index, n in enumerate(nodes)}
    nodes = [n.model_copy(update={"id": renamed[n.id]}) for n in nodes]
    edges = [e.model_copy(update={"id": f"e-{index:02d}", "source": renamed[e.source],
                                  "target": renamed[e.target]})
             for index, e in enumerate(edges)]
    loket = next(n.id for n in nodes if n.ref == "p-loket")
    tiel = next(n.id for n in nodes if n.ref == "p-tiel")
    fund = FlowNode(id="n-fonds", kind="other", label="Regiofonds Rivierenland")
    pupils = FlowNode(id="n-zij", kind="step", label="Zij-instromers en stagiairs")
    nodes += [fund, pupils]
    edges += [
        FlowEdge(id="e-fonds", source=fund.id, target=loket, label="financiert"),
        FlowEdge(id="e-tiel-fonds", source=tiel, target=fund.id, label="subsidieert"),
        FlowEdge(id="e-zij", source=loket, target=pupils.id, label="begeleidt"),
    ]
    stap6.replace_chart(session, nodes, edges)
