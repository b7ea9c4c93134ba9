"""Writing the export file: deterministic, so two exports of one session diff cleanly.

Keys are sorted, lists keep their (meaningful) order, text is UTF-8 with
two-space indentation and a final newline.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic_core import PydanticSerializationError, to_json

from ..models import Session, utc_now
from ..storage.atomic import atomic_write
from ..storage.names import MAX_PATH, WRITE_EXTRA, portable_stem, slug
from ..version import APP_VERSION
from .document import FORMAT, ExportDocument
from .revision import revision_of_json


def export_document(session: Session, at: datetime | None = None) -> ExportDocument:
    return ExportDocument(format=FORMAT, app_version=APP_VERSION,
                          exported_at=at or utc_now(), session=session)


# Floats that Python and pydantic-core both write without an exponent, digit for digit.
_PLAIN_FLOAT = (1e-4, 1e16)
_LARGEST_INT = 2**63


class _Unusual(Exception):
    """A value `_sorted` leaves to the standard encoder."""


def _sorted(value: Any) -> Any:
    """A copy with every object's keys sorted, for an encoder that keeps key order.

    Refuses what the two encoders might write differently (a float with an
    exponent, NaN, a huge integer, a key that is not text, anything that is not
    plain JSON data).
    """
    kind = type(value)
    if kind is dict:
        for key in value:
            if type(key) is not str:
                raise _Unusual
        return {key: _sorted(value[key]) for key in sorted(value)}
    if kind is list:
        return [_sorted(item) for item in value]
    if kind is str or kind is bool or value is None:
        return value
    if kind is int:
        if -_LARGEST_INT < value < _LARGEST_INT:
            return value
        raise _Unusual
    if kind is float and (value == 0.0 or _PLAIN_FLOAT[0] <= abs(value) < _PLAIN_FLOAT[1]):
        return value
    raise _Unusual


def encode(data: Any) -> bytes:
    """The data as the export writes it: exactly `json.dumps(data, ensure_ascii=False,
    indent=2, sort_keys=True)` and a newline.

    With an indent, the standard library encodes in Python (70 ms for a region's
    session); pydantic-core's encoder writes the same text from data whose keys
    are already in order, at a sixth of the cost. Data it might write otherwise
    goes the standard way.
    """
    try:
        return to_json(_sorted(data), indent=2) + b"\n"
    except (_Unusual, RecursionError, PydanticSerializationError):
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False)
        return (text + "\n").encode("utf-8")


def export_bytes(session: Session, at: datetime | None = None) -> bytes:
    """The export file, recording the revision it was made at."""
    return exported(session, at)[0]


def exported(session: Session, at: datetime | None = None) -> tuple[bytes, str]:
    """The export file and its revision (the session's JSON is made once for both)."""
    return with_revision(export_document(session, at).model_dump(mode="json",
                                                                 exclude={"revision"}))


def with_revision(data: dict[str, Any]) -> tuple[bytes, str]:
    """An export document's data (dumped without its revision) encoded with the
    revision of its session, and that revision. Touches no session: it can run
    off the interface thread."""
    revision = revision_of_json(data["session"])
    return encode({**data, "revision": revision}), revision


def write_export(session: Session, path: Path, at: datetime | None = None) -> Path:
    """Write the export file atomically, creating its folder when needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, export_bytes(session, at))
    return path


def export_folder(sessions_folder: Path) -> Path:
    """Where exports and reports go by default: `exports/` beside the sessions folder."""
    return sessions_folder.parent / "exports"


# The longest a title's part of a file name gets: readable, and far from any limit.
TITLE_IN_NAME = 60
# What `share.targets` and a report in another language add to a stem at most:
# "-" and 8 characters of the id, a counter, ".en", and the longest suffix.
ADDED_TO_STEM = len("-0123abcd-99") + len(".en") + len(".html")


def file_stem(session: Session, folder: Path | None = None) -> str:
    """A safe, readable file name for the session's files: title and date, ASCII
    only, a name Windows takes. In `folder`, the title's part is shortened so
    that every file regionet writes there stays within Windows' path limit."""
    length = TITLE_IN_NAME
    date_part = f"-{session.date.isoformat()}"
    if folder is not None:
        room = MAX_PATH - len(str(folder.absolute())) - 1 - len(date_part) \
            - ADDED_TO_STEM - WRITE_EXTRA
        length = max(8, min(length, room))
    return portable_stem(f"{slug(session.title, length) or session.id}{date_part}")
