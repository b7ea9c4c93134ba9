"""Rules for STAP 4, the deal. No textual in here.

API:
    add_agreement / replace_agreement / remove_agreement(session, ...)
        contributions and benefits must name existing partners (FormError
        otherwise); removing an agreement clears "serves" on milestones.
    set_signoff(session, partner_id, signoff) one partner's sign-off.
    parse_amount(text, field) -> float | None: "1.500", "1500,50", "€ 2.000".
    give_take(session) -> list[GiveTake], one per partner in partner order:
        what the partner brings (its contributions) and what it gets (its
        benefits) over all agreements, the money it brings, and a `balance`:
        "none" (neither), "gives_only", "takes_only" or "both"; `imbalanced`
        is true for the one-sided two, the ones to show at a glance.
    add_part / replace_part / remove_part(session, agreement_id, ...) one
        contribution or benefit of an agreement, addressed by its index.
    forget_partner(session, partner_id) drops a removed partner's
        contributions and benefits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..forms import FormError
from ..i18n import t
from ..models import Session
from ..models.stap4 import Agreement, Benefit, Contribution, SignOff
from ..progress import Status

Balance = Literal["none", "gives_only", "takes_only", "both"]
BALANCE_SYMBOLS: dict[Balance, str] = {
    "none": "·", "gives_only": "⚠", "takes_only": "⚠", "both": "⇄",
}
SIGNOFF_SYMBOLS = {"agreed": "✔", "reservations": "~", "not_yet": "…"}

_AMOUNT = re.compile(r"^(\d{1,3}(\.\d{3})+|\d+)(,\d{1,2})?$")


def progress(session: Session) -> Status:
    deal = session.deal
    if not deal.agreements:
        return "empty"
    signed = all(
        deal.signoffs.get(p.id) is not None and deal.signoffs[p.id].status == "agreed"
        for p in session.partners
    )
    return "done" if signed else "in_progress"


def parse_amount(text: str, field: str) -> float | None:
    """An amount in euros written the Dutch way; empty means no amount."""
    cleaned = text.replace("€", "").replace(" ", "").strip()
    if not cleaned:
        return None
    if not _AMOUNT.match(cleaned):
        raise FormError(t("stap4.error.amount", field=field))
    value = float(cleaned.replace(".", "").replace(",", "."))
    if value > 1e12:
        raise FormError(t("stap4.error.amount", field=field))
    return value


def format_amount(value: float | None) -> str:
    if value is None:
        return ""
    whole, cents = f"{value:,.2f}".split(".")
    text = "€ " + whole.replace(",", ".")
    return text if cents == "00" else f"{text},{cents}"


def check_agreement(session: Session, agreement: Agreement) -> None:
    partners = {p.id for p in session.partners}
    named = [c.partner for c in agreement.contributions] + [b.partner for b in agreement.benefits]
    if any(partner not in partners for partner in named):
        raise FormError(t("stap4.error.unknown_partner"))


def add_agreement(session: Session, agreement: Agreement) -> None:
    check_agreement(session, agreement)
    session.deal.agreements = [*session.deal.agreements, agreement]


def replace_agreement(session: Session, agreement: Agreement) -> None:
    check_agreement(session, agreement)
    session.deal.agreements = [agreement if a.id == agreement.id else a
                               for a in session.deal.agreements]


def remove_agreement(session: Session, agreement_id: str) -> None:
    agreements = [a for a in session.deal.agreements if a.id != agreement_id]
    milestones = [m.model_copy(update={"serves": None}) if m.serves == agreement_id else m
                  for m in session.plan.milestones]
    session.deal.agreements = agreements
    session.plan.milestones = milestones


def _agreement(session: Session, agreement_id: str) -> Agreement:
    found = next((a for a in session.deal.agreements if a.id == agreement_id), None)
    if found is None:
        raise FormError(t("stap4.error.unknown_agreement"))
    return found


def _with_parts(agreement: Agreement, contributions: list[Contribution],
                benefits: list[Benefit]) -> Agreement:
    return Agreement.model_validate(
        {**agreement.model_dump(), "contributions": [c.model_dump() for c in contributions],
         "benefits": [b.model_dump() for b in benefits]}
    )


def add_part(session: Session, agreement_id: str, part: Contribution | Benefit) -> None:
    """Add what a partner brings (Contribution) or gets (Benefit)."""
    agreement = _agreement(session, agreement_id)
    if isinstance(part, Contribution):
        updated = _with_parts(agreement, [*agreement.contributions, part], agreement.benefits)
    else:
        updated = _with_parts(agreement, agreement.contributions, [*agreement.benefits, part])
    replace_agreement(session, updated)


def replace_part(session: Session, agreement_id: str, index: int,
                 part: Contribution | Benefit) -> None:
    agreement = _agreement(session, agreement_id)
    contributions, benefits = list(agreement.contributions), list(agreement.benefits)
    if isinstance(part, Contribution):
        contributions[index] = part
    else:
        benefits[index] = part
    replace_agreement(session, _with_parts(agreement, contributions, benefits))


def remove_part(session: Session, agreement_id: str, kind: Literal["give", "get"],
                index: int) -> None:
    agreement = _agreement(session, agreement_id)
    contributions, benefits = list(agreement.contributions), list(agreement.benefits)
    if kind == "give":
        del contributions[index]
    else:
        del benefits[index]
    replace_agreement(session, _with_parts(agreement, contributions, benefits))


def forget_partner(session: Session, partner_id: str) -> None:
    session.deal.agreements = [
        _with_parts(a, [c for c in a.contributions if c.partner != partner_id],
                    [b for b in a.benefits if b.partner != partner_id])
        for a in session.deal.agreements
    ]


def set_signoff(session: Session, partner_id: str, signoff: SignOff) -> None:
    if session.partner(partner_id) is None:
        raise FormError(t("stap4.error.unknown_partner"))
    session.deal.signoffs = {**session.deal.signoffs, partner_id: signoff}


@dataclass(frozen=True)
class Given:
    agreement_id: str
    agreement: str  # what the agreement is about
    contribution: Contribution


@dataclass(frozen=True)
class Received:
    agreement_id: str
    agreement: str
    description: str


@dataclass(frozen=True)
class GiveTake:
    partner_id: str
    gives: list[Given]
    gets: list[Received]
    money: float  # the total of the amounts of its money contributions

    @property
    def balance(self) -> Balance:
        if self.gives and self.gets:
            return "both"
        if self.gives:
            return "gives_only"
        return "takes_only" if self.gets else "none"

    @property
    def imbalanced(self) -> bool:
        return self.balance in ("gives_only", "takes_only")


def give_take(session: Session) -> list[GiveTake]:
    result = []
    for partner in session.partners:
        gives = [Given(a.id, a.what, c) for a in session.deal.agreements
                 for c in a.contributions if c.partner == partner.id]
        gets = [Received(a.id, a.what, b.description) for a in session.deal.agreements
                for b in a.benefits if b.partner == partner.id]
        money = sum(g.contribution.amount or 0.0 for g in gives
                    if g.contribution.kind == "money")
        result.append(GiveTake(partner.id, gives, gets, money))
    return result
