"""The revision of a session: a content hash of the session as it is exported.

Two exports of the same state have the same revision; any change to the
session, however small, gives another. The hash is over the session's JSON
with sorted keys and no spaces, so it does not depend on how a file was
indented; 128 bits of SHA-256, as 32 lowercase hex digits (a valid file name
on every system).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..models import Session

LENGTH = 32


def revision_of_json(session_json: Any) -> str:
    """The revision of a session given as its JSON data (`model_dump(mode="json")`)."""
    text = json.dumps(session_json, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:LENGTH]


def revision_of(session: Session) -> str:
    return revision_of_json(session.model_dump(mode="json"))
