"""Saying in words what a merge would change, for the facilitator who decides."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from ..i18n import has, t
from ..report.labels import Labels
from .merge import Difference, MergePlan

VALUE_WIDTH = 60
_TITLE_FIELDS = ("title", "name", "what", "label", "text", "id")


def _item_title(value: Any) -> str:
    if isinstance(value, dict):
        for name in _TITLE_FIELDS:
            if isinstance(value.get(name), str) and value[name]:
                return str(value[name])
    return ""


def unit_label(difference: Difference, labels: Labels) -> str:
    """For example "Score · ROC Rivierenland · Bijscholen"."""
    key = difference.key
    value = difference.incoming if difference.incoming is not None else difference.local
    area = difference.area
    if area == "commitment":
        names = [labels.partner(key[0]), t(f"report.attitude.{key[1]}")]
    elif area == "scores":
        names = [labels.partner(key[0]), labels.service(key[1])]
    elif area in {"start", "signoffs"}:
        names = [labels.partner(key[0])]
    elif area == "own_agenda":
        names = [labels.partner(key[0]), _item_title(value)]
    elif area == "ratings":
        names = [labels.theme(key[0])]
    elif key:
        names = [_item_title(value) or key[-1]]
    else:
        names = []
    return " · ".join([t(f"share.area.{area}"), *(n for n in names if n)])


def field_label(path: str) -> str:
    """A dotted field path in words: "gives.0.amount" -> "Geeft › 1 › Omvang"."""
    if not path:
        return t("share.merge.whole")
    parts = []
    for part in path.split("."):
        if part.isdigit():
            parts.append(str(int(part) + 1))
        elif has(f"share.field.{part}"):
            parts.append(t(f"share.field.{part}"))
        elif has(f"stages.area.{part}"):
            parts.append(t(f"stages.area.{part}"))
        else:
            parts.append(part)
    return " › ".join(parts)


def show_value(value: Any) -> str:
    """One value as a short line of text: strings as they are, yes/no, others as JSON."""
    if value is None:
        text = "–"
    elif isinstance(value, bool):
        text = t("share.merge.yes") if value else t("share.merge.no")
    elif isinstance(value, str):
        text = value or "–"
    else:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = " ".join(text.split())
    return text if len(text) <= VALUE_WIDTH else text[: VALUE_WIDTH - 1] + "…"


def conflict_lines(difference: Difference) -> list[str]:
    """Each differing field: its place, this session's value and the file's."""
    return [t("share.merge.field_line", field=field_label(name),
              local=show_value(mine), incoming=show_value(theirs))
            for name, mine, theirs in difference.changed_fields()]


def additions_summary(plan: MergePlan) -> str:
    counts = Counter(d.area for d in plan.additions)
    return ", ".join(f"{t(f'share.area.{area}')} {count}" for area, count in counts.items())
