"""Writing the export file: deterministic, so two exports of one session diff cleanly.

Keys are sorted, lists keep their (meaningful) order, text is UTF-8 with
two-space indentation and a final newline.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from ..models import Session, utc_now
from ..storage.atomic import atomic_write
from ..storage.names import MAX_PATH, WRITE_EXTRA, portable_stem, slug
from ..version import APP_VERSION
from .document import FORMAT, ExportDocument


def export_document(session: Session, at: datetime | None = None) -> ExportDocument:
    return ExportDocument(format=FORMAT, app_version=APP_VERSION,
                          exported_at=at or utc_now(), session=session)


def encode(data: Any) -> bytes:
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False)
    return (text + "\n").encode("utf-8")


def export_bytes(session: Session, at: datetime | None = None) -> bytes:
    return encode(export_document(session, at).model_dump(mode="json"))


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
