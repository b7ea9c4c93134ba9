"""Turning what a facilitator types into values, with messages in their language.

No textual in here: dialogs call these and show the message they get back.
"""

from __future__ import annotations

import re
from datetime import date

from pydantic import ValidationError

from .i18n import t
from .models.years import FIRST_YEAR, LAST_YEAR

_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


class FormError(ValueError):
    """Input that cannot be accepted; `str(error)` is the message to show."""


def parse_date(text: str, field: str) -> date:
    """A date written as 22-11-2026, 22/11/2026, 22.11.2026 or 2026-11-22, in the
    years a session holds (models/base.py: a typo such as 9999 is refused)."""
    day_first = _DAY_FIRST.match(text)
    iso = _ISO.match(text)
    parsed = None
    try:
        if day_first:
            parsed = date(int(day_first[3]), int(day_first[2]), int(day_first[1]))
        elif iso:
            parsed = date(int(iso[1]), int(iso[2]), int(iso[3]))
    except ValueError:
        pass
    if parsed is None:
        raise FormError(t("form.error.date", field=field))
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise FormError(t("form.error.date_range", field=field, first=FIRST_YEAR,
                          last=LAST_YEAR))
    return parsed


def parse_optional_date(text: str, field: str) -> date | None:
    return None if not text.strip() else parse_date(text, field)


def format_date(value: date | None) -> str:
    return "" if value is None else value.strftime("%d-%m-%Y")


def describe(error: ValidationError, labels: dict[str, str]) -> str:
    """The first problem of a validation error, in the user's language.

    `labels` maps field names to the labels the user sees.
    """
    first = error.errors()[0]
    field_name = next((str(p) for p in reversed(first["loc"]) if isinstance(p, str)), "")
    field = labels.get(field_name, field_name)
    kind = first["type"]
    ctx = first.get("ctx") or {}
    if kind in {"string_too_short", "too_short", "missing"}:
        return t("form.error.required", field=field)
    if kind in {"string_too_long", "too_long"}:
        return t("form.error.too_long", field=field, max=ctx.get("max_length", "?"))
    if kind == "date_out_of_range":
        return t("form.error.date_range", field=field, first=ctx.get("first", "?"),
                 last=ctx.get("last", "?"))
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        return t("form.error.invalid", field=field)
    return t("form.error.invalid", field=field)
