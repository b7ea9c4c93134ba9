"""Merging a session from a file into the open session.

The two sessions are compared unit by unit: a partner, one partner's score
for one service, one sign-off, one agenda item, one milestone... Units are
matched by their ids. A unit that only the file has is an *addition*; a unit
that both have with the same content is *identical*; a unit that both have
with different content is a *conflict*, and the facilitator chooses which
side holds. A unit only the open session has stays as it is. The session's
own details (title, region, date, facilitator, language) and the workshop
agenda with its timers (the state of this room) stay those of the open
session.

There is no common ancestor to compare with, so "both sides changed it"
means "the two sides differ": the facilitator sees both values and decides.
Nothing is changed here: `plan_merge` only looks, `merged_session` builds a
new validated session from the facilitator's choices, and the caller saves it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from ..models import Session
from ..storage.atomic import atomic_write

Shape = Literal["list", "map", "map_map", "map_list", "group"]
Side = Literal["local", "incoming"]
Json = dict[str, Any]


@dataclass(frozen=True)
class Area:
    """A part of the session that merges unit by unit. `id` names it in the
    catalogue (`share.area.<id>`)."""

    id: str
    path: tuple[str, ...]
    shape: Shape
    key: str = "id"  # the field that identifies an item of a list
    fields: tuple[str, ...] = ()  # the fields of a "group"


AREAS: tuple[Area, ...] = (
    Area("partners", ("partners",), "list"),
    Area("commitment", ("commitment", "entries"), "map_map"),
    Area("commitment_override", ("commitment",), "group",
         fields=("override_reason", "override_at")),
    Area("services", ("portfolio", "services"), "list"),
    Area("scores", ("portfolio", "scores"), "map_map"),
    Area("start", ("start", "partners"), "map"),
    Area("own_agenda", ("goal", "own"), "map_list"),
    Area("shared_agenda", ("goal", "shared"), "list"),
    Area("goal_statement", ("goal",), "group", fields=("statement",)),
    Area("agreements", ("deal", "agreements"), "list"),
    Area("signoffs", ("deal", "signoffs"), "map"),
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
    """One unit that the file adds or that both sides hold differently."""

    area: str
    key: tuple[str, ...]
    local: Any  # JSON value; None when the open session lacks the unit
    incoming: Any

    def changed_fields(self) -> list[tuple[str, Any, Any]]:
        """The leaves that differ, as (dotted path, local, incoming)."""
        return sorted(_leaf_differences("", self.local, self.incoming), key=lambda d: d[0])


@dataclass(frozen=True)
class MergePlan:
    local: Json
    incoming: Json
    additions: tuple[Difference, ...]
    conflicts: tuple[Difference, ...]
    identical: int
    same_session: bool
    incoming_title: str = ""

    @property
    def changes_anything(self) -> bool:
        return bool(self.additions or self.conflicts)


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


def _units(area: Area, data: Json) -> dict[tuple[str, ...], Any]:
    """Every unit of an area, keyed by its id path; empty units count as absent."""
    found = _at(data, area.path)
    units: dict[tuple[str, ...], Any] = {}
    if area.shape == "group":
        group = {name: (found or {}).get(name) for name in area.fields}
        if not _empty(group):
            units[()] = group
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
    return {key: value for key, value in units.items() if not _empty(value)}


def plan_merge(local: Session, incoming: Session) -> MergePlan:
    """What merging `incoming` into `local` would add and where the two disagree."""
    local_json = local.model_dump(mode="json")
    incoming_json = incoming.model_dump(mode="json")
    additions: list[Difference] = []
    conflicts: list[Difference] = []
    identical = 0
    for area in AREAS:
        mine = _units(area, local_json)
        theirs = _units(area, incoming_json)
        for key, value in theirs.items():
            if key not in mine:
                additions.append(Difference(area.id, key, None, value))
            elif mine[key] == value:
                identical += 1
            else:
                conflicts.append(Difference(area.id, key, mine[key], value))
    return MergePlan(local_json, incoming_json, tuple(additions), tuple(conflicts), identical,
                     same_session=local.id == incoming.id, incoming_title=incoming.title)


def _leaf_differences(prefix: str, mine: Any, theirs: Any) -> Iterator[tuple[str, Any, Any]]:
    if isinstance(mine, dict) and isinstance(theirs, dict):
        for name in sorted(set(mine) | set(theirs)):
            yield from _leaf_differences(f"{prefix}.{name}" if prefix else name,
                                         mine.get(name), theirs.get(name))
    elif mine != theirs:
        yield prefix, mine, theirs


# -- applying -----------------------------------------------------------------------------
def _container(data: Json, path: tuple[str, ...], empty: Any) -> Any:
    for part in path[:-1]:
        data = data.setdefault(part, {})
    return data.setdefault(path[-1], empty)


def _put(area: Area, data: Json, key: tuple[str, ...], value: Any) -> None:
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


def merged_session(plan: MergePlan, choices: Mapping[int, Side]) -> Session:
    """The open session with every addition and, per conflict (by its index in
    `plan.conflicts`), the side the facilitator chose; the open session's value
    where no choice was made. Validated as a whole before anything is saved."""
    data = copy.deepcopy(plan.local)
    for difference in plan.additions:
        _put(AREA_BY_ID[difference.area], data, difference.key, copy.deepcopy(difference.incoming))
    for index, difference in enumerate(plan.conflicts):
        if choices.get(index) == "incoming":
            _put(AREA_BY_ID[difference.area], data, difference.key,
                 copy.deepcopy(difference.incoming))
    return Session.model_validate(data)


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
