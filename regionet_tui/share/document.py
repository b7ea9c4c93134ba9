"""The export file: one JSON document around one session.

    {
      "app_version": "0.1.0",
      "exported_at": "2026-11-22T14:03:00Z",
      "format": "regionet-session",
      "revision": "3f0c…",
      "schema_version": 1,
      "session": { ...the Session... }
    }

`revision` (optional: files of earlier versions lack it) is the content hash
of the session as exported (revision.py): a merge of a file made from this
one finds its common ancestor by it.

`schema_version` numbers the shape of the whole document; it is the same
number as the session's own `schema_version`, and both move together.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BeforeValidator

from ..models import Record, Session
from ..models.session import Revision
from ..models.text import ShortText

FORMAT = "regionet-session"
SUFFIX = ".json"


def _integer_only(value: object) -> object:
    """`true` and `1.0` are no version numbers, though pydantic's Literal[1] takes them."""
    if type(value) is not int:
        raise ValueError("schema_version must be an integer")
    return value


class ExportDocument(Record):
    """The whole export file as the current version of regionet writes it."""

    format: Literal["regionet-session"]
    schema_version: Annotated[Literal[1], BeforeValidator(_integer_only)] = 1
    app_version: ShortText
    exported_at: datetime
    session: Session
    revision: Revision | None = None
