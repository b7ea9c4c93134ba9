"""A change in words a facilitator reads, in both languages, for the journal.

The journal records what a change did as places in the session's JSON
(storage/changes.py). This says it as the facilitator knows it: the stage,
the names along the place (the service, the partner, the agreement...), the
field and its old and new value: "Bijscholen · ROC Rivierenland · huidig 7 → leeg".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..i18n import LANGUAGES, has, speaking, t
from ..models import Session
from ..storage.changes import ABSENT, Edit

# The stage each part of the session belongs to (the export's field names).
STAGE_OF_FIELD = {
    "partners": "partners", "commitment": "commitment", "portfolio": "stap1",
    "start": "stap2", "goal": "stap3", "deal": "stap4", "plan": "stap5",
    "flowchart": "stap6", "reflection": "reflection", "workshop": "workshop",
}
SESSION = "session"  # the session's own details: title, region, date...
HISTORY_STAGES = (SESSION, "partners", "commitment", "stap1", "stap2", "stap3", "stap4",
                  "stap5", "stap6", "reflection", "workshop")
_NAME_FIELDS = ("name", "title", "label", "text", "what", "theme")
_SHORT = 40


def stage_of(edit: Edit) -> str:
    return STAGE_OF_FIELD.get(str(edit.path[0]), SESSION)


def describe(session: Session, edits: Sequence[Edit]
             ) -> tuple[str, dict[str, str], tuple[str, ...]]:
    """The stage of a change, what it did in each language, and the partners it touched."""
    if not edits:
        return SESSION, dict.fromkeys(LANGUAGES, ""), ()
    partner_ids = {partner.id for partner in session.partners}
    touched: list[str] = []
    for edit in edits:
        for partner_id in _partners_on(session, edit, partner_ids):
            if partner_id not in touched:
                touched.append(partner_id)
    what = {}
    for language in LANGUAGES:
        with speaking(language):
            text = _one(session, edits[0])
            if len(edits) > 1:
                text = t("history.and_more", what=text, count=len(edits) - 1)
            what[language] = text
    return stage_of(edits[0]), what, tuple(touched)


def _partners_on(session: Session, edit: Edit, partner_ids: set[str]) -> list[str]:
    found = [key for key in edit.path if isinstance(key, str) and key in partner_ids]
    if edit.path[0] == "partners" and len(edit.path) > 1 and isinstance(edit.path[1], int):
        for value in (edit.new, edit.old):
            if isinstance(value, dict) and isinstance(value.get("id"), str):
                found.append(value["id"])
                break
        else:
            if 0 <= edit.path[1] < len(session.partners):
                found.append(session.partners[edit.path[1]].id)
    for value in (edit.new, edit.old):  # an item of a partner: its partner field
        if isinstance(value, dict) and isinstance(value.get("partner_id"), str):
            found.append(value["partner_id"])
    return found


Place = tuple[str | int, ...]


def _leaves(path: Place, old: Any, new: Any) -> list[tuple[Place, Any, Any]]:
    """An edit of a whole record as the edits of its fields (a score's offered,
    quality...), leaving out those empty on both sides."""
    if isinstance(old, dict) or isinstance(new, dict):
        before = old if isinstance(old, dict) else {}
        after = new if isinstance(new, dict) else {}
        if (before and not isinstance(old, dict)) or (after and not isinstance(new, dict)):
            return [(path, old, new)]
        out = []
        for key in list(before) + [k for k in after if k not in before]:
            out.extend(_leaves((*path, key), before.get(key, ABSENT), after.get(key, ABSENT)))
        if any(isinstance(k, str) and k.endswith("id") for k in (*before, *after)) and not (
                before and after):
            return [(path, old, new)]  # a whole item added or removed: named by its name
        return out
    if _empty(old) and _empty(new):
        return []
    return [(path, old, new)]


def _empty(value: Any) -> bool:
    return value is ABSENT or value is None or value == "" or value == [] or value == {}


def _one(session: Session, edit: Edit) -> str:
    leaves = _leaves(edit.path, edit.old, edit.new) or [(edit.path, edit.old, edit.new)]
    parent = leaves[0][0][:-1]
    group = [leaf for leaf in leaves if leaf[0][:-1] == parent][:3]
    names = _place(session, leaves[0][0])
    changes = []
    for path, old, new in group:
        last = path[-1]
        label = _field(last) if isinstance(last, str) else ""
        change = f"{_value(old)} → {_value(new)}"
        changes.append(f"{label} {change}" if label else change)
    place = " · ".join(names) or t(f"history.stage.{stage_of(edit)}")
    return f"{place} · {', '.join(changes)}"


def _place(session: Session, path: tuple[str | int, ...]) -> list[str]:
    """The names along a place: the service, the partner, the item..."""
    names: list[str] = []
    node: Any = session
    services = {service.id: service for service in session.portfolio.services}
    for key in path[:-1]:
        node = _step(node, key)
        label = _label(session, services, key, node)
        if label and label not in names:
            names.append(label)
    if str(path[0]) == "portfolio" and len(names) >= 2:
        names[0], names[1] = names[1], names[0]  # the service first, as in the grid
    if len(path) == 1 or not names:
        field = _field(str(path[0])) if len(path) == 1 else t(f"history.stage.{_stage_key(path)}")
        names.insert(0, field or str(path[0]))
    return names


def _stage_key(path: tuple[str | int, ...]) -> str:
    return STAGE_OF_FIELD.get(str(path[0]), SESSION)


def _step(node: Any, key: str | int) -> Any:
    if node is None:
        return None
    if isinstance(key, int):
        return node[key] if isinstance(node, list) and 0 <= key < len(node) else None
    if isinstance(node, dict):
        return node.get(key)
    return getattr(node, key, None)


def _label(session: Session, services: dict[str, Any], key: str | int, node: Any) -> str:
    if isinstance(key, str):
        partner = session.partner(key)
        if partner is not None:
            return _short(partner.name)
        if key in services:
            from .stap1 import service_name

            return _short(service_name(services[key]))
    for field in _NAME_FIELDS:
        value = node.get(field) if isinstance(node, dict) else getattr(node, field, None)
        if isinstance(value, str) and value:
            return _short(value)
    return ""


def _field(name: str) -> str:
    key = f"history.field.{name}"
    return t(key) if has(key) else ""


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"


def _value(value: Any) -> str:
    if _empty(value):
        return t("history.empty")
    if isinstance(value, bool):
        return t("history.yes") if value else t("history.no")
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return f"“{_short(value)}”"
    if isinstance(value, list):
        return t("history.items", count=len(value))
    for field in _NAME_FIELDS:
        if isinstance(value.get(field), str) and value[field]:
            return f"“{_short(value[field])}”"
    shown = [f"{_field(k) or k} {_value(v)}" for k, v in value.items()
             if v not in (None, "", [], {}) and not k.endswith("id")]
    return ", ".join(shown[:3]) or t("history.empty")
