"""The fields of a room page, and what a submission of them changes.

A page is a list of groups (a service, an attitude, a theme...) of fields. The
form carries, beside every field, the value it showed (`was.<name>`): a
submission changes only what the partner changed since the page was shown, so
a stale page never undoes what the facilitator typed meanwhile, and a
resubmission (a reload, a resend after a lost connection) repeats the same
"set" and changes nothing more. Every value is checked and cleaned with the
same types the models use, before anything is applied: one bad value refuses
the whole submission.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pydantic import TypeAdapter, ValidationError

from ..models.text import LONG_MAX, NAME_MAX, SHORT_MAX, LongText, Name, ShortText

Kind = Literal["choice", "flag", "line", "name", "block"]
Choices = tuple[tuple[str, str], ...]  # (value, label); "" is "not answered"
BASE_PREFIX = "was."
FLAG_ON = "on"
# Fields every form may carry besides its own.
RESERVED = frozenset({"csrf", "sid"})
MAX_LENGTH: dict[Kind, int] = {"line": SHORT_MAX, "name": NAME_MAX, "block": LONG_MAX}


class Refused(Exception):
    """A submission that cannot be accepted; nothing was changed.

    `key` is a catalogue key (`room.error.*`), said in the session's language
    with `values`; `field` names the field it is about, when there is one.
    """

    def __init__(self, key: str, *, field: str | None = None, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.field = field
        self.values = values


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    label: str
    value: str  # as the page shows it now
    choices: Choices = ()

    @property
    def max_length(self) -> int:
        return MAX_LENGTH.get(self.kind, 0)


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    fields: tuple[Field, ...]
    hint: str = ""


@cache
def _adapter(kind: Kind) -> TypeAdapter[Any]:
    return TypeAdapter({"line": ShortText, "name": Name, "block": LongText}[kind])


def clean(field: Field, raw: str) -> str:
    """The value as it will be saved; Refused when the field cannot take it."""
    if field.kind == "choice":
        if raw not in {value for value, _ in field.choices}:
            raise Refused("room.error.choice", field=field.name, label=field.label)
        return raw
    if field.kind == "flag":
        if raw not in ("", FLAG_ON):
            raise Refused("room.error.choice", field=field.name, label=field.label)
        return raw
    try:
        cleaned: str = _adapter(field.kind).validate_python(raw)
    except ValidationError as error:
        kind = error.errors()[0]["type"]
        if kind in {"string_too_short", "too_short", "missing"}:
            raise Refused("room.error.required", field=field.name, label=field.label) from None
        if kind in {"string_too_long", "too_long"}:
            raise Refused("room.error.too_long", field=field.name, label=field.label,
                          max=field.max_length) from None
        raise Refused("room.error.choice", field=field.name, label=field.label) from None
    return cleaned


def _lenient(field: Field, raw: str) -> str | None:
    try:
        return clean(field, raw)
    except Refused:
        return None


# A field of a page: a letter, an id and a part ("s.svc-bijscholen.quality").
_PAGE_FIELD = re.compile(r"^[a-z]\.[A-Za-z0-9][A-Za-z0-9_-]{0,63}(\.[a-z]{1,20})?$")


def stale(name: str) -> bool:
    """A field as a page names them, for something no longer on it (a service the
    facilitator hid since the page was shown): left out, not refused."""
    return bool(_PAGE_FIELD.match(name.removeprefix(BASE_PREFIX)))


def submitted(form: Sequence[tuple[str, str]], allowed: frozenset[str] = RESERVED
              ) -> dict[str, str]:
    """The form as a mapping, without stale fields; a name sent twice, or one that is
    neither in `allowed` (or its base) nor a stale field, refuses it."""
    values: dict[str, str] = {}
    for name, value in form:
        known = name in allowed or name.removeprefix(BASE_PREFIX) in allowed
        if not known and stale(name):
            continue
        if not known:
            raise Refused("room.error.unknown_field")
        if name in values:
            raise Refused("room.error.bad_request")
        values[name] = value
    return values


def changes(fields: Sequence[Field], form: Sequence[tuple[str, str]],
            extra: frozenset[str] = RESERVED) -> dict[str, str]:
    """What the partner changed, cleaned: field name -> new value.

    A field that was on the page but not sent (an unticked box) counts as
    empty; a field neither sent nor on the page (a script that sent one
    answer) is left alone. A value equal to the one the page showed, or to
    the one saved now, is no change.
    """
    by_name = {field.name: field for field in fields}
    values = submitted(form, extra | frozenset(by_name))
    result: dict[str, str] = {}
    problems: list[Refused] = []
    for name, field in by_name.items():
        base_name = BASE_PREFIX + name
        if name not in values and base_name not in values:
            continue
        try:
            value = clean(field, values.get(name, ""))
        except Refused as problem:
            problems.append(problem)
            continue
        base = _lenient(field, values[base_name]) if base_name in values else None
        if value != base and value != field.value:
            result[name] = value
    if problems:
        raise problems[0]
    return result


def choice_labels(pairs: Sequence[tuple[str, str]], empty: str) -> Choices:
    """Choices with "not answered" first."""
    return (("", empty), *pairs)
