"""The commitment checklist in the room: a partner's own five attitudes and notes."""

from __future__ import annotations

from typing import cast

from ..core import commitment as core
from ..models import Session
from ..models.commitment import ATTITUDES, Attitude
from .fields import Field, Group, choice_labels
from .texts import Translate

ANSWER_VALUES: dict[str, bool | None] = {"": None, "yes": True, "no": False}


def _answer(committed: bool | None) -> str:
    return "" if committed is None else "yes" if committed else "no"


def groups(session: Session, partner_id: str, tr: Translate) -> list[Group]:
    answers = choice_labels((("yes", tr("room.yes")), ("no", tr("room.no"))),
                            tr("room.not_answered"))
    result = []
    for attitude in ATTITUDES:
        entry = core.entry(session, partner_id, attitude)
        result.append(Group(attitude, tr(f"commitment.attitude.{attitude}"), (
            Field(f"a.{attitude}", "choice", tr("room.commitment.answer"),
                  _answer(entry.committed), answers),
            Field(f"n.{attitude}", "block", tr("room.note"), entry.note),
        )))
    return result


def apply(session: Session, partner_id: str, values: dict[str, str]) -> None:
    for name, value in values.items():
        part, attitude_name = name.split(".", 1)
        attitude = cast(Attitude, attitude_name)
        if part == "a":
            core.set_answer(session, partner_id, attitude, ANSWER_VALUES[value])
        else:
            core.set_note(session, partner_id, attitude, value)


def progress(session: Session, partner_id: str) -> tuple[int, int | None]:
    answered = sum(1 for attitude in ATTITUDES
                   if core.entry(session, partner_id, attitude).committed is not None)
    return answered, len(ATTITUDES)
