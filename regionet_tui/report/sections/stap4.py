"""STAP 4: the deal: the agreements, what each partner gives and gets, the sign-offs."""

from __future__ import annotations

from ...core.stap4 import BALANCE_SYMBOLS, format_amount, give_take
from ...models import Session
from ...models.stap4 import Agreement, Contribution
from ..blocks import Block, Cell, Facts, Heading, Items, Paragraph, Section, Table
from ..labels import Labels


def _contribution(contribution: Contribution, labels: Labels) -> str:
    parts = [labels.choice("contribution", contribution.kind)]
    if contribution.amount is not None:
        parts.append(format_amount(contribution.amount))
    if contribution.description:
        parts.append(contribution.description)
    return ": ".join([parts[0], " ".join(parts[1:])]) if len(parts) > 1 else parts[0]


def _agreement(agreement: Agreement, labels: Labels) -> list[Block]:
    t = labels.t
    blocks: list[Block] = [Heading(agreement.what, level=4)]
    facts = [(t(f"report.stap4.{name}"), value) for name, value in (
        ("responsibilities", agreement.responsibilities), ("mandate", agreement.mandate),
        ("financing", agreement.financing)) if value]
    if agreement.review_date:
        facts.append((t("report.stap4.review_date"), labels.day(agreement.review_date)))
    if facts:
        blocks.append(Facts(facts))
    gives = [t("report.stap4.gives_line", partner=labels.partner(c.partner),
               what=_contribution(c, labels)) for c in agreement.contributions]
    gets = [t("report.stap4.gets_line", partner=labels.partner(b.partner),
              what=b.description or "–") for b in agreement.benefits]
    if gives or gets:
        blocks.append(Items(gives + gets))
    return blocks


def _give_take(session: Session, labels: Labels) -> Table:
    t = labels.t
    rows: list[list[Cell]] = []
    for partner in give_take(session):
        gives = "; ".join(f"{_contribution(g.contribution, labels)} ({g.agreement})"
                          for g in partner.gives)
        gets = "; ".join(f"{r.description or '–'} ({r.agreement})" for r in partner.gets)
        balance = f"{BALANCE_SYMBOLS[partner.balance]} {t(f'stap4.balance.{partner.balance}')}"
        rows.append([labels.partner(partner.partner_id), gives or "–", gets or "–",
                     format_amount(partner.money) if partner.money else "–", balance])
    return Table([t("report.partners.name"), t("report.stap4.gives"), t("report.stap4.gets"),
                  t("report.stap4.money"), t("report.stap4.balance")], rows,
                 numeric=frozenset({3}))


def section(session: Session, labels: Labels) -> Section:
    t = labels.t
    title = t("report.stap4.title")
    deal = session.deal
    if not deal.agreements and not deal.signoffs:
        return Section("stap4", title, [Paragraph(t("report.empty"), note=True)])
    blocks: list[Block] = [Heading(t("report.stap4.agreements"))]
    for agreement in deal.agreements:
        blocks += _agreement(agreement, labels)
    if not deal.agreements:
        blocks.append(Paragraph(t("report.empty"), note=True))
    if session.partners:
        blocks += [Heading(t("report.stap4.give_take")), _give_take(session, labels)]
        signoffs: list[list[Cell]] = []
        for partner in session.partners:
            signoff = deal.signoffs.get(partner.id)
            status = signoff.status if signoff else "not_yet"
            signoffs.append([partner.name, labels.choice("signoff", status),
                             labels.day(signoff.at) if signoff and signoff.at else "–",
                             signoff.note if signoff and signoff.note else "–"])
        blocks += [Heading(t("report.stap4.signoffs")),
                   Table([t("report.partners.name"), t("report.stap4.status"),
                          t("report.stap4.when"), t("report.stap4.note")], signoffs,
                         nowrap=frozenset({1, 2}))]
    return Section("stap4", title, blocks)
