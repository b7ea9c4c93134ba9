"""Merging a session from a file into the open session.

The two sessions are compared unit by unit: a partner, one partner's score
for one service, one sign-off, one agenda item, one milestone... Units are
matched by their ids. The session's own details (title, region, date,
facilitator, language) and the workshop agenda with its timers (the state of
this room) stay those of the open session.

With a *base* (the common ancestor: the state the file was made from, kept
when it was exported, see bases.py) the merge is three-way. Per unit:
- the same on both sides: nothing to do;
- changed only in the file (this session still holds the base's value): the
  file's value is taken without asking, be it new, changed or removed;
- changed only here (the file still holds the base's value): it stays;
- changed on both sides, differently: a *conflict*, and the facilitator
  chooses, seeing the base's value too.
The order of a list (services, milestones...) follows the file when only the
file reordered it. A partner removed on one side while its parts changed on
the other is a conflict too, never a silent loss.

Without a base the merge is two-way, as it always was: a unit only the file
has is added, a unit both have with different content is a conflict, and
nothing is removed. "Changed on both sides" then can only mean "different on
the two sides".

Nothing is changed here: `plan_merge` only looks, `merged_session` builds a
new validated session from the facilitator's choices, and the caller saves it.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from ..core.partners import remove_partner
from ..models import Session
from ..storage.atomic import atomic_write

Shape = Literal["list", "map", "map_map", "map_list", "group"]
Side = Literal["local", "incoming"]
Json = dict[str, Any]
Key = tuple[str, ...]


@dataclass(frozen=True)
class Area:
    """A part of the session that merges unit by unit. `id` names it in the
    catalogue (`share.area.<id>`)."""

    id: str
    path: tuple[str, ...]
    shape: Shape
    key: str = "id"  # the field that identifies an item of a list
    fields: tuple[str, ...] = ()  # the fields of a "group"
    per_partner: bool = False  # the first part of a unit's key is a partner's id


AREAS: tuple[Area, ...] = (
    Area("partners", ("partners",), "list"),
    Area("commitment", ("commitment", "entries"), "map_map", per_partner=True),
    Area("commitment_override", ("commitment",), "group",
         fields=("override_reason", "override_at")),
    Area("services", ("portfolio", "services"), "list"),
    Area("scores", ("portfolio", "scores"), "map_map", per_partner=True),
    Area("start", ("start", "partners"), "map", per_partner=True),
    Area("own_agenda", ("goal", "own"), "map_list", per_partner=True),
    Area("shared_agenda", ("goal", "shared"), "list"),
    Area("goal_statement", ("goal",), "group", fields=("statement",)),
    Area("agreements", ("deal", "agreements"), "list"),
    Area("signoffs", ("deal", "signoffs"), "map", per_partner=True),
    Area("milestones", ("plan", "milestones"), "list"),
    Area("flow_nodes", ("flowchart", "nodes"), "list"),
    Area("flow_edges", ("flowchart", "edges"), "list"),
    Area("flow_direction", ("flowchart",), "group", fields=("direction",)),
    Area("themes", ("reflection", "themes"), "list"),
    Area("ratings", ("reflection", "ratings"), "map"),
    Area("followups", ("reflection", "followups"), "list"),
    Area("parking", ("workshop", "parking"), "list"),
)
AREA_BY_ID = {area.id: area for area in AREAS}


@dataclass(frozen=True)
class Difference:
    """One unit that the file changes, or that the two sides hold differently.
    A value is None where that side lacks the unit (never had it, or removed it)."""

    area: str
    key: Key
    local: Any
    incoming: Any
    base: Any = None  # the common ancestor's value, in a three-way merge

    def changed_fields(self) -> list[tuple[str, Any, Any]]:
        """The leaves that differ, as (dotted path, local, incoming)."""
        return sorted(leaf_differences("", self.local, self.incoming), key=lambda d: d[0])

    def base_field(self, path: str) -> Any:
        """The base's value of one leaf (a path from `changed_fields`)."""
        found: Any = self.base
        for part in path.split(".") if path else ():
            if isinstance(found, dict):
                found = found.get(part)
            elif isinstance(found, list) and part.isdigit() and int(part) < len(found):
                found = found[int(part)]
            else:
                return None
        return found


@dataclass(frozen=True)
class MergePlan:
    local: Json
    incoming: Json
    taken: tuple[Difference, ...]  # from the file without asking
    conflicts: tuple[Difference, ...]
    identical: int
    same_session: bool
    incoming_title: str = ""
    base: Json | None = None  # three-way when there is one
    kept: int = 0  # units changed only here since the base: they stay
    # The lists (area id, the key of the list within the area) whose order the
    # file changed while this session did not: the file's order is taken.
    orders: Mapping[tuple[str, Key], tuple[str, ...]] = field(default_factory=dict)

    @property
    def three_way(self) -> bool:
        return self.base is not None

    @property
    def changes_anything(self) -> bool:
        return bool(self.taken or self.conflicts or self.orders)


# -- looking ------------------------------------------------------------------------
def _at(data: Json, path: tuple[str, ...]) -> Any:
    found: Any = data
    for part in path:
        found = found.get(part) if isinstance(found, dict) else None
        if found is None:
            return None
    return found


def _empty(value: Any) -> bool:
    """No content at all: nothing the facilitator would miss."""
    if value is None or value == "" or value == [] or value == {}:
        return True
    if isinstance(value, dict):
        return all(_empty(v) for v in value.values())
    return False


def _raw_units(area: Area, data: Json) -> dict[Key, Any]:
    """Every unit of an area, keyed by its id path, empty ones included."""
    found = _at(data, area.path)
    units: dict[Key, Any] = {}
    if area.shape == "group":
        units[()] = {name: (found or {}).get(name) for name in area.fields}
    elif area.shape == "list":
        for item in found or []:
            units[(str(item[area.key]),)] = item
    elif area.shape == "map":
        for key, value in (found or {}).items():
            units[(key,)] = value
    elif area.shape == "map_map":
        for outer, inner in (found or {}).items():
            for key, value in inner.items():
                units[(outer, key)] = value
    elif area.shape == "map_list":
        for outer, items in (found or {}).items():
            for item in items:
                units[(outer, str(item[area.key]))] = item
    return units


def _units(area: Area, data: Json) -> dict[Key, Any]:
    """Every unit of an area; empty units count as absent."""
    return {key: value for key, value in _raw_units(area, data).items() if not _empty(value)}


def _orders(area: Area, data: Json) -> dict[Key, tuple[str, ...]]:
    """The order of the items of each list in the area, by id."""
    found = _at(data, area.path)
    if area.shape == "list":
        return {(): tuple(str(item[area.key]) for item in found or [])}
    if area.shape == "map_list":
        return {(outer,): tuple(str(item[area.key]) for item in items)
                for outer, items in (found or {}).items()}
    return {}


def _among(order: tuple[str, ...], ids: tuple[str, ...]) -> tuple[str, ...]:
    kept = set(ids)
    return tuple(item for item in order if item in kept)


def _order_from_file(area: Area, local: Json, incoming: Json, base: Json
                     ) -> dict[tuple[str, Key], tuple[str, ...]]:
    """The lists whose order only the file changed: there the file's order holds."""
    mine, theirs, original = _orders(area, local), _orders(area, incoming), _orders(area, base)
    found = {}
    for key, their_order in theirs.items():
        base_order = original.get(key, ())
        my_order = mine.get(key, ())
        unchanged_here = _among(my_order, base_order) == _among(base_order, my_order)
        if unchanged_here and their_order != base_order and their_order != my_order:
            found[(area.id, key)] = their_order
    return found


def plan_merge(local: Session, incoming: Session, base: Session | None = None) -> MergePlan:
    """What merging `incoming` into `local` would change and where the two
    disagree: three-way from `base` when given, else two-way."""
    local_json = local.model_dump(mode="json")
    incoming_json = incoming.model_dump(mode="json")
    base_json = base.model_dump(mode="json") if base is not None else None
    taken: list[Difference] = []
    conflicts: list[Difference] = []
    identical = kept = 0
    orders: dict[tuple[str, Key], tuple[str, ...]] = {}
    for area in AREAS:
        mine = _units(area, local_json)
        theirs = _units(area, incoming_json)
        if base_json is None:
            for key, value in theirs.items():
                if key not in mine:
                    taken.append(Difference(area.id, key, None, value))
                elif mine[key] == value:
                    identical += 1
                else:
                    conflicts.append(Difference(area.id, key, mine[key], value))
            continue
        original = _units(area, base_json)
        for key in _keys_in_order(theirs, mine, original):
            my_value, their_value, base_value = mine.get(key), theirs.get(key), original.get(key)
            if my_value == their_value:
                identical += my_value is not None
            elif their_value == base_value:
                kept += 1
            elif my_value == base_value:
                taken.append(Difference(area.id, key, my_value, their_value, base_value))
            else:
                conflicts.append(Difference(area.id, key, my_value, their_value, base_value))
        orders.update(_order_from_file(area, local_json, incoming_json, base_json))
    if base_json is not None:
        kept -= _ask_about_partners_removed_with_changes(taken, conflicts, local_json,
                                                         incoming_json, base_json)
    return MergePlan(local_json, incoming_json, tuple(taken), tuple(conflicts), identical,
                     same_session=local.id == incoming.id, incoming_title=incoming.title,
                     base=base_json, kept=kept, orders=orders)


def _keys_in_order(*sides: dict[Key, Any]) -> list[Key]:
    seen: dict[Key, None] = {}
    for side in sides:
        seen.update(dict.fromkeys(side))
    return list(seen)


def _ask_about_partners_removed_with_changes(
    taken: list[Difference], conflicts: list[Difference], local: Json, incoming: Json,
    base: Json,
) -> int:
    """A partner removed on one side while its parts changed on the other side
    is a question, not a silent removal (nor a score of a partner that is gone).
    The number of removals made here that thus become a question."""
    for difference in list(taken):
        if difference.area != "partners" or difference.incoming is not None:
            continue
        partner_id = difference.key[0]
        if _changed_parts_of(partner_id, local, base):
            taken.remove(difference)
            conflicts.append(difference)
    partners = AREA_BY_ID["partners"]
    original, mine, theirs = (_units(partners, side) for side in (base, local, incoming))
    asked = {d.key for d in conflicts if d.area == "partners"}
    promoted = 0
    for key, value in original.items():
        removed_here = key not in mine and theirs.get(key) == value
        if removed_here and key not in asked and _changed_parts_of(key[0], incoming, base):
            conflicts.append(Difference("partners", key, None, value, value))
            promoted += 1
    return promoted


def _changed_parts_of(partner_id: str, side: Json, base: Json) -> bool:
    """Whether `side` holds a part of this partner that differs from the base."""
    for area in AREAS:
        if not area.per_partner:
            continue
        mine = {k: v for k, v in _units(area, side).items() if k[0] == partner_id}
        original = {k: v for k, v in _units(area, base).items() if k[0] == partner_id}
        if any(original.get(key) != value for key, value in mine.items()):
            return True
    return False


def leaf_differences(prefix: str, mine: Any, theirs: Any) -> Iterator[tuple[str, Any, Any]]:
    """Each leaf (a dotted path under `prefix`) where the two values differ."""
    if isinstance(mine, dict) and isinstance(theirs, dict):
        for name in sorted(set(mine) | set(theirs)):
            yield from leaf_differences(f"{prefix}.{name}" if prefix else name,
                                         mine.get(name), theirs.get(name))
    elif mine != theirs:
        yield prefix, mine, theirs


# -- applying -----------------------------------------------------------------------------
def _container(data: Json, path: tuple[str, ...], empty: Any) -> Any:
    for part in path[:-1]:
        data = data.setdefault(part, {})
    return data.setdefault(path[-1], empty)


def _put(area: Area, data: Json, key: Key, value: Any) -> None:
    """Set one unit in the JSON of a session: replace it where it is, else append."""
    if area.shape == "group":
        _container(data, area.path, {}).update(value)
    elif area.shape == "map":
        _container(data, area.path, {})[key[0]] = value
    elif area.shape == "map_map":
        _container(data, area.path, {}).setdefault(key[0], {})[key[1]] = value
    else:
        if area.shape == "list":
            items = _container(data, area.path, [])
        else:
            items = _container(data, area.path, {}).setdefault(key[0], [])
        for index, item in enumerate(items):
            if str(item[area.key]) == key[-1]:
                items[index] = value
                return
        items.append(value)


def _remove(area: Area, data: Json, key: Key, source: Json) -> None:
    """Take one unit out of the JSON of a session; an inner map or list left
    empty goes too, unless `source` (the side removing it) still has it."""
    found = _at(data, area.path)
    if not found:
        return
    if area.shape == "map":
        found.pop(key[0], None)
    elif area.shape == "list":
        found[:] = [item for item in found if str(item[area.key]) != key[-1]]
    elif key[0] in found:
        inner = found[key[0]]
        if area.shape == "map_map":
            inner.pop(key[1], None)
        else:
            inner[:] = [item for item in inner if str(item[area.key]) != key[-1]]
        if not inner and key[0] not in (_at(source, area.path) or {}):
            del found[key[0]]


def _take(area: Area, data: Json, key: Key, source: Json) -> None:
    """Make one unit in `data` what it is in `source`: its value there exactly
    (an empty one too), or gone when `source` lacks it."""
    raw = _raw_units(area, source)
    if key in raw:
        _put(area, data, key, copy.deepcopy(raw[key]))
    else:
        _remove(area, data, key, source)


def _reorder(area: Area, data: Json, key: Key, order: tuple[str, ...]) -> None:
    found = _at(data, area.path)
    items = found if area.shape == "list" else (found or {}).get(key[0])
    if not items:
        return
    wanted = set(order)
    by_id = {str(item[area.key]): item for item in items}
    arranged = [by_id[item_id] for item_id in order if item_id in by_id]
    # An item the file's order does not name (added here, or kept here where
    # the file removed it) stays right after the item it followed.
    for index, item in enumerate(items):
        if str(item[area.key]) not in wanted:
            after = arranged.index(items[index - 1]) + 1 if index else 0
            arranged.insert(after, item)
    items[:] = arranged


def _bring_back_parts(partner_id: str, data: Json, source: Json) -> None:
    """A partner removed here that the facilitator keeps from the file comes
    back whole: all its parts as the file has them (a conflict about one of
    them is then settled as chosen)."""
    for area in AREAS:
        if area.per_partner:
            for key in _raw_units(area, source):
                if key[0] == partner_id:
                    _take(area, data, key, source)


def merged_session(plan: MergePlan, choices: Mapping[int, Side]) -> Session:
    """The open session with everything taken from the file and, per conflict
    (by its index in `plan.conflicts`), the side the facilitator chose; the
    open session's value where no choice was made. A partner that is gone
    after the merge takes its parts along. Validated as a whole before
    anything is saved."""
    data = copy.deepcopy(plan.local)
    for difference in plan.taken:
        _take(AREA_BY_ID[difference.area], data, difference.key, plan.incoming)
    for index, difference in enumerate(plan.conflicts):
        if difference.area == "partners" and difference.local is None and \
                choices.get(index) == "incoming":
            _bring_back_parts(difference.key[0], data, plan.incoming)
    for index, difference in enumerate(plan.conflicts):
        side = plan.incoming if choices.get(index) == "incoming" else plan.local
        _take(AREA_BY_ID[difference.area], data, difference.key, side)
    for (area_id, key), order in plan.orders.items():
        _reorder(AREA_BY_ID[area_id], data, key, order)
    merged = Session.model_validate(data)
    present = {partner.id for partner in merged.partners}
    for partner in (*plan.local.get("partners", []), *plan.incoming.get("partners", [])):
        if partner["id"] not in present:
            remove_partner(merged, partner["id"])
    return merged


def adopt(session: Session, merged: Session) -> None:
    """Give the open session the merged content (the caller saves it)."""
    for name in Session.model_fields:
        if name not in {"id", "created", "modified"}:
            setattr(session, name, getattr(merged, name))


def keep_backup(path: Path, at: datetime) -> Path:
    """Copy the session file before a merge, named so it is never listed as a session."""
    backup = path.with_name(f"{path.stem}.before-merge-{at.strftime('%Y%m%d-%H%M%S')}.json.bak")
    atomic_write(backup, path.read_bytes())
    return backup


class SettledAnswers:
    """The facilitator's answers to conflicts in one sitting, so that merging
    several partner files one after another never asks the same question
    twice. A question is a part with two values; its answer is the value that
    stays. A later conflict between the same two values of that part, either
    way round, gets that answer, ready to confirm.

    Matters most without a base, where a change made here since the files went
    out is a conflict with every file that still holds the old value."""

    def __init__(self) -> None:
        self._answers: dict[tuple[str, Key, frozenset[str]], str] = {}

    @staticmethod
    def _question(difference: Difference) -> tuple[str, Key, frozenset[str]]:
        values = frozenset((_canonical(difference.local), _canonical(difference.incoming)))
        return difference.area, difference.key, values

    def answers_for(self, plan: MergePlan) -> dict[int, Side]:
        """The conflicts of `plan` answered before, by their index: the side that
        holds the value chosen then."""
        found: dict[int, Side] = {}
        for index, difference in enumerate(plan.conflicts):
            chosen = self._answers.get(self._question(difference))
            if chosen is not None:
                found[index] = "local" if chosen == _canonical(difference.local) else "incoming"
        return found

    def remember(self, plan: MergePlan, choices: Mapping[int, Side]) -> None:
        for index, difference in enumerate(plan.conflicts):
            side = choices.get(index, "local")
            value = difference.local if side == "local" else difference.incoming
            self._answers[self._question(difference)] = _canonical(value)


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)
