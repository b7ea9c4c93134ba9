"""Writing the export file: deterministic, so two exports of one session diff cleanly.

Keys are sorted, lists keep their (meaningful) order, text is UTF-8 with
two-space indentation and a final newline.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any

from ..models import Session, utc_now
from ..storage.atomic import atomic_write
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


def file_stem(session: Session) -> str:
    """A safe, readable file name for the session's files: title and date, ASCII only."""
    folded = unicodedata.normalize("NFKD", session.title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:60].strip("-")
    return f"{slug or session.id}-{session.date.isoformat()}"
