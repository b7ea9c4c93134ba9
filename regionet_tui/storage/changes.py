"""What one change did to a session, as places in its JSON and their old and new values.

A change is found by comparing the session's JSON before and after, part by
part (each top-level field of the session): only a part whose JSON differs is
looked into, down to the smallest place that differs. Applying the edits in
order turns the old JSON into the new one; applying their inverses in reverse
order turns it back. Both work on the JSON tree, so replaying a journal and
undoing a change need nothing but the session's JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

Key = str | int
Path = tuple[Key, ...]


class _Absent:
    """No value at this place (a key added or removed)."""

    _instance: _Absent | None = None

    def __new__(cls) -> _Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()


class EditDoesNotApply(ValueError):
    """The place of an edit is not in the JSON, or holds another value than
    the edit says it had: the journal does not fit this session."""


@dataclass(frozen=True, slots=True)
class Edit:
    path: Path
    old: Any
    new: Any

    def inverse(self) -> Edit:
        return Edit(self.path, self.new, self.old)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"p": list(self.path)}
        if self.old is not ABSENT:
            out["o"] = self.old
        if self.new is not ABSENT:
            out["n"] = self.new
        return out

    @classmethod
    def from_json(cls, data: Any) -> Edit:
        if not isinstance(data, dict) or not isinstance(data.get("p"), list) or not data["p"]:
            raise EditDoesNotApply("edit")
        path = tuple(data["p"])
        if not all(isinstance(key, str | int) and not isinstance(key, bool) for key in path):
            raise EditDoesNotApply("edit")
        return cls(path, data.get("o", ABSENT), data.get("n", ABSENT))


def diff(old: Any, new: Any, path: Path = ()) -> list[Edit]:
    """The edits that turn `old` into `new` (JSON values)."""
    if type(old) is dict and type(new) is dict:
        edits: list[Edit] = []
        for key, value in old.items():
            if key not in new:
                edits.append(Edit((*path, key), value, ABSENT))
            elif new[key] != value:
                edits.extend(diff(value, new[key], (*path, key)))
        edits.extend(Edit((*path, key), ABSENT, value)
                     for key, value in new.items() if key not in old)
        if not edits and list(old) != list(new):  # the same keys in another order
            return [Edit(path, old, new)]
        return edits
    if type(old) is list and type(new) is list:
        if len(old) == len(new):
            edits = []
            for index, (before, after) in enumerate(zip(old, new, strict=True)):
                if before != after:
                    edits.extend(diff(before, after, (*path, index)))
            return edits
        return _list_diff(old, new, path)
    if type(old) is type(new) and old == new:
        return []
    return [Edit(path, old, new)]


def _list_diff(old: list[Any], new: list[Any], path: Path) -> list[Edit]:
    """Items removed and inserted between the common start and end of two lists:
    a partner added to a list of a thousand is one edit, not the whole list."""
    start = 0
    while start < min(len(old), len(new)) and _same(old[start], new[start]):
        start += 1
    end = 0
    while (end < min(len(old), len(new)) - start
           and _same(old[len(old) - 1 - end], new[len(new) - 1 - end])):
        end += 1
    removed = old[start:len(old) - end]
    inserted = new[start:len(new) - end]
    # Each removal takes the item now at `start`; each insertion puts the next after it.
    edits = [Edit((*path, start), item, ABSENT) for item in removed]
    edits += [Edit((*path, start + offset), ABSENT, item) for offset, item in enumerate(inserted)]
    return edits


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def apply(tree: Any, edits: Iterable[Edit]) -> None:
    """Apply the edits to the JSON tree in place; EditDoesNotApply when one does
    not fit (its place is missing or holds another value than its old one)."""
    for edit in edits:
        *parents, last = edit.path
        node = tree
        try:
            for key in parents:
                node = node[key]
            if isinstance(node, dict) and isinstance(last, str):
                current = node.get(last, ABSENT)
            elif isinstance(node, list) and isinstance(last, int) and not isinstance(last, bool):
                # In a list, an edit with no old value inserts, one with no new value removes.
                limit = len(node) + (1 if edit.old is ABSENT else 0)
                if not 0 <= last < limit:
                    raise EditDoesNotApply(str(edit.path))
                current = ABSENT if edit.old is ABSENT else node[last]
            else:
                raise EditDoesNotApply(str(edit.path))
        except (KeyError, IndexError, TypeError):
            raise EditDoesNotApply(str(edit.path)) from None
        if not (current is edit.old or _same(current, edit.old)):
            raise EditDoesNotApply(str(edit.path))
        if isinstance(node, list):
            assert isinstance(last, int)  # checked above
            if edit.old is ABSENT and edit.new is ABSENT:
                raise EditDoesNotApply(str(edit.path))
            if edit.old is ABSENT:
                node.insert(last, edit.new)
            elif edit.new is ABSENT:
                del node[last]
            else:
                node[last] = edit.new
        elif edit.new is ABSENT:
            del node[last]
        else:
            node[last] = edit.new


def inverse(edits: Sequence[Edit]) -> list[Edit]:
    return [edit.inverse() for edit in reversed(edits)]
