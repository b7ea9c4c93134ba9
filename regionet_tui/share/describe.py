"""Saying in words what a merge would change, for the facilitator who decides."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from ..i18n import has, t
from ..report.labels import Labels
from .bases import BaseSearch
from .merge import Difference, MergePlan, leaf_differences

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
    value = next((v for v in (difference.incoming, difference.local, difference.base)
                  if v is not None), None)
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


def conflict_lines(difference: Difference, three_way: bool) -> list[str]:
    """Each differing field: its place, this session's value and the file's,
    and in a three-way merge the base's value before them. A side that removed
    the part says so; the fields shown are then those the other side changed."""
    if not three_way:
        return [t("share.merge.field_line", field=field_label(name),
                  local=show_value(mine), incoming=show_value(theirs))
                for name, mine, theirs in difference.changed_fields()]
    if difference.local is not None and difference.incoming is not None:
        rows = [(name, show_value(difference.base_field(name)), show_value(mine),
                 show_value(theirs)) for name, mine, theirs in difference.changed_fields()]
    else:
        removed = t("share.merge.removed")
        present = difference.incoming if difference.local is None else difference.local
        changed = sorted(leaf_differences("", difference.base, present), key=lambda d: d[0])
        if not changed:  # the part itself is as it was; what belongs to it changed
            changed = [("", difference.base, present)]
        rows = []
        for name, _, value in changed:
            shown = _whole_or_value(name, value)
            local, incoming = (removed, shown) if difference.local is None else (shown, removed)
            rows.append((name, _whole_or_value(name, difference.base_field(name)), local,
                         incoming))
    return [t("share.merge.field_line_base", field=field_label(name), base=base,
              local=local, incoming=incoming)
            for name, base, local, incoming in rows]


def _whole_or_value(path: str, value: Any) -> str:
    """A whole part by its name or title where it has one; a field's value as it is."""
    return (_item_title(value) or show_value(value)) if not path else show_value(value)


def taken_summary(plan: MergePlan) -> str:
    """What comes from the file without asking, counted per kind of part."""
    counts = Counter(d.area for d in plan.taken)
    return ", ".join(f"{t(f'share.area.{area}')} {count}" for area, count in counts.items())


def orders_taken(plan: MergePlan) -> str:
    """The lists whose order comes from the file, or "" when none."""
    areas = dict.fromkeys(t(f"share.area.{area}") for area, _ in plan.orders)
    return t("share.merge.order_taken", parts=", ".join(areas)) if areas else ""


def how_merged(plan: MergePlan, search: BaseSearch) -> str:
    """One plain sentence: three-way from which export, or two-way and why."""
    if search.base is not None and plan.three_way:
        when = search.base.exported_at.astimezone().strftime("%d-%m-%Y %H:%M")
        return t("share.merge.three_way", when=when, revision=search.base.revision[:8])
    if search.damaged is not None:
        return t("share.merge.two_way_damaged", name=search.damaged.name, reason=search.reason)
    return t("share.merge.two_way")


def summary(plan: MergePlan) -> str:
    if plan.three_way:
        return t("share.merge.summary_three_way", taken=len(plan.taken), kept=plan.kept,
                 same=plan.identical, conflicts=len(plan.conflicts))
    return t("share.merge.summary", added=len(plan.taken), same=plan.identical,
             conflicts=len(plan.conflicts))
