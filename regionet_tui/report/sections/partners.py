"""The partners of the network."""

from __future__ import annotations

from ...models import Session
from ..blocks import Paragraph, Section, Table
from ..labels import Labels


def section(session: Session, labels: Labels) -> Section:
    t = labels.t
    title = t("report.partners.title")
    if not session.partners:
        return Section("partners", title, [Paragraph(t("report.empty"), note=True)])
    table = Table(
        [t("report.partners.name"), t("report.partners.kind"), t("report.partners.role"),
         t("report.partners.contact")],
        [[p.name, t(f"partners.kind.{p.kind}"), t(f"partners.role.{p.role}"), p.contact or "–"]
         for p in session.partners],
    )
    return Section("partners", title, [table])
