"""The session file: one TinyDB JSON file per session, named by its id.

Layout: {"session": {"1": <the Session as JSON>}}. Reading checks every way
a file can be damaged and says which, so the library can list it as damaged
and never overwrite it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..version import SCHEMA_VERSION

if TYPE_CHECKING:
    from ..models import Session

TABLE = "session"
DOC_ID = 1
SUFFIX = ".json"
BACKUP_SUFFIX = ".json.bak"
LOCK_SUFFIX = ".lock"


@dataclass(frozen=True)
class Damage:
    """Why a file cannot be opened. `reason` is a catalogue key under `damage.`."""

    reason: str
    detail: str = ""


class DamagedSessionFile(Exception):
    def __init__(self, damage: Damage) -> None:
        super().__init__(f"{damage.reason}: {damage.detail}")
        self.damage = damage


def document(session: Session) -> dict[str, Any]:
    return {TABLE: {str(DOC_ID): session.model_dump(mode="json")}}


def extract(raw: bytes) -> dict[str, Any]:
    """The session dict inside a file's bytes, or DamagedSessionFile."""
    if not raw.strip():
        raise DamagedSessionFile(Damage("empty"))
    # Details stay short and free of Python's English: the position of a JSON
    # error, the field that does not fit. The catalogue says what they mean.
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise DamagedSessionFile(Damage("not_text")) from None
    except json.JSONDecodeError as error:
        raise DamagedSessionFile(Damage("not_json", str(error.pos + 1))) from None
    except (ValueError, RecursionError):
        raise DamagedSessionFile(Damage("foreign")) from None
    if not isinstance(data, dict) or not isinstance(data.get(TABLE), dict):
        raise DamagedSessionFile(Damage("foreign"))
    record = data[TABLE].get(str(DOC_ID))
    if not isinstance(record, dict) or "schema_version" not in record:
        raise DamagedSessionFile(Damage("foreign"))
    version = record["schema_version"]
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise DamagedSessionFile(Damage("newer", str(version)))
    return record


def parse(raw: bytes) -> Session:
    from pydantic import ValidationError

    from ..models import Session

    record = extract(raw)
    try:
        return Session.model_validate(record)
    except ValidationError as error:
        place = ".".join(str(part) for part in error.errors()[0]["loc"])
        raise DamagedSessionFile(Damage("invalid", place[:120] or TABLE)) from None


def read(path: Path) -> Session:
    try:
        raw = path.read_bytes()
    except PermissionError:
        raise DamagedSessionFile(Damage("no_permission")) from None
    except OSError as error:
        detail = error.strerror or str(error)
        raise DamagedSessionFile(Damage("unreadable", detail[:120])) from None
    return parse(raw)


def backup_path(path: Path) -> Path:
    return path.with_name(path.stem + BACKUP_SUFFIX)


def lock_path(path: Path) -> Path:
    return path.with_name(path.stem + LOCK_SUFFIX)
