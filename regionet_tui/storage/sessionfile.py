"""The session file: one TinyDB JSON file per session, named by its id.

Layout: {"session": {"1": <the Session as JSON>}, "journal": {"1": <mark>}}:
the mark says which journal the snapshot belongs to and the last change of it
that the snapshot holds (journal.py); a file without one (written before the
journal, or by hand) is read as it is. Reading checks every way
a file can be damaged and says which, so the library can list it as damaged
and never overwrite it: only an ordinary file of at most MAX_BYTES is read
(regular.py), and the session is validated strictly, straight from the JSON,
as an import is: every value regionet writes passes, and a file changed by
hand means what it says or is listed as damaged.
"""

from __future__ import annotations

import contextlib
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NotRequired

from typing_extensions import TypedDict

from ..version import SCHEMA_VERSION
from .regular import FileTooLarge, NotRegularFile, read_regular

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError

    from ..models import Session

TABLE = "session"
MARK_TABLE = "journal"
DOC_ID = 1
SUFFIX = ".json"
BACKUP_SUFFIX = ".json.bak"
LOCK_SUFFIX = ".lock"
# A region-sized session takes about 5 MB; a file many times that is no session.
MAX_BYTES = 64 * 1024 * 1024


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


@dataclass(frozen=True)
class Mark:
    """The journal a snapshot belongs to, and the last of its changes it holds."""

    journal: str
    seq: int

    def to_json(self) -> bytes:
        return json.dumps({"journal": self.journal, "seq": self.seq}).encode()


class _MarkJSON(TypedDict):
    journal: str
    seq: int


@functools.cache
def _file_adapter() -> TypeAdapter[Any]:
    from pydantic import TypeAdapter

    from ..models import Session

    file = TypedDict("file", {TABLE: dict[str, Session],  # type: ignore[misc]
                              MARK_TABLE: NotRequired[dict[str, _MarkJSON]]})
    return TypeAdapter(file)


def _mark_of(data: Any) -> Mark | None:
    table = data.get(MARK_TABLE) if isinstance(data, dict) else None
    mark = table.get(str(DOC_ID)) if isinstance(table, dict) else None
    if (isinstance(mark, dict) and isinstance(mark.get("journal"), str)
            and isinstance(mark.get("seq"), int) and not isinstance(mark.get("seq"), bool)):
        return Mark(mark["journal"], mark["seq"])
    return None


# Problems the models name themselves (a validator of ours), said as their own reason.
_OWN_REASONS = frozenset({"duplicate_id", "date_out_of_range"})


def _invalid(error: ValidationError) -> DamagedSessionFile:
    """The first problem the models found, by its place in the session."""
    first = error.errors(include_url=False)[0]
    place = ".".join(str(part) for part in first["loc"])
    reason = first["type"] if first["type"] in _OWN_REASONS else "invalid"
    return DamagedSessionFile(Damage(reason, place[:120] or TABLE))


def parse(raw: bytes) -> Session:
    """The session in a session file's bytes, or DamagedSessionFile saying why not."""
    return parse_marked(raw)[0]


def parse_marked(raw: bytes) -> tuple[Session, Mark | None]:
    """The session in a session file's bytes and its journal mark, or
    DamagedSessionFile saying why not.

    The usual file is validated in one strict pass straight from its bytes; a
    file that fails it is looked at again, part by part, to say what is wrong.
    """
    from pydantic import ValidationError

    from ..models import Session

    with contextlib.suppress(ValidationError, KeyError):
        data = _file_adapter().validate_json(raw, strict=True)
        return data[TABLE][str(DOC_ID)], _mark_of(data)
    record = extract(raw)
    try:
        session = Session.model_validate_json(json.dumps(record), strict=True)
    except ValidationError as error:
        raise _invalid(error) from None
    try:
        mark = _mark_of(json.loads(raw))
    except ValueError:
        mark = None
    return session, mark


def read(path: Path) -> Session:
    """The session in this file as its last change left it: the snapshot and the
    changes in its journal after it (recovery.py)."""
    from .recovery import read_current

    return read_current(path)


def read_bytes(path: Path) -> bytes:
    """The bytes of a session file (or its backup); DamagedSessionFile when it is
    no ordinary file, too large, or cannot be read."""
    try:
        return read_regular(path, MAX_BYTES)
    except NotRegularFile as error:
        raise DamagedSessionFile(Damage(f"kind_{error.kind}")) from None
    except FileTooLarge as error:
        raise DamagedSessionFile(Damage("too_large", str(error.limit // (1024 * 1024)))) from None
    except PermissionError:
        raise DamagedSessionFile(Damage("no_permission")) from None
    except OSError as error:
        detail = error.strerror or str(error)
        raise DamagedSessionFile(Damage("unreadable", detail[:120])) from None


def backup_path(path: Path) -> Path:
    return path.with_name(path.stem + BACKUP_SUFFIX)


def lock_path(path: Path) -> Path:
    return path.with_name(path.stem + LOCK_SUFFIX)
