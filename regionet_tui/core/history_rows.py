"""The history screen's rows: the journal's changes, newest first, filtered by
stage and partner, in words a facilitator reads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..i18n import language, t
from ..models import Session
from ..storage.journal import Record
from .history import HISTORY_STAGES


@dataclass(frozen=True)
class HistoryRow:
    seq: int
    time: str
    who: str
    stage: str
    what: str


def who_of(record: Record) -> str:
    if record.who.kind == "facilitator":
        return t("history.who.facilitator")
    return t(f"history.who.{record.who.kind}", name=record.who.name)


def rows(session: Session, records: Sequence[Record], stage: str | None = None,
         partner: str | None = None) -> list[HistoryRow]:
    shown = []
    for record in reversed(records):
        if stage is not None and record.stage != stage:
            continue
        if partner is not None and partner not in record.partners:
            continue
        what = record.what.get(language()) or next(iter(record.what.values()), "")
        if record.undoes is not None:
            what = t("history.undone", what=what)
        elif record.redoes is not None:
            what = t("history.redone", what=what)
        elif record.back_to is not None:
            what = t("history.went_back", seq=record.back_to, what=what)
        local = record.at.astimezone()
        shown.append(HistoryRow(record.seq, local.strftime("%d-%m %H:%M:%S"), who_of(record),
                                t(f"history.stage.{record.stage}"), what))
    return shown


def stages_in(records: Sequence[Record]) -> list[str]:
    present = {record.stage for record in records}
    return [stage for stage in HISTORY_STAGES if stage in present]


def partners_in(session: Session, records: Sequence[Record]) -> list[str]:
    present = {partner for record in records for partner in record.partners}
    return [partner.id for partner in session.partners if partner.id in present]
