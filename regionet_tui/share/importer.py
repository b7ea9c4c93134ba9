"""Reading an export file, refusing anything that is not a sound regionet session.

The checks run from cheap to thorough, each naming the place in the file:
size (read at most MAX_BYTES + 1 bytes, before any parsing), UTF-8, JSON
syntax, duplicate keys, NaN and Infinity, nesting depth, the envelope
(format and schema version, migrating older versions), and finally the
models, which forbid unknown fields and sanitise every string.

Validation is strict: a file means what it says. `true`, `"5"`, `" 5 "` and
`5.0` are no score, `"yes"`, `1` and `"true"` no yes-or-no; dates and times are
the JSON strings regionet writes.

A sound export of the current version, the usual case, is read in one pass
(`parse_sound`): pydantic validates it strictly, straight from the bytes, and
a count of keys proves it had no duplicates. Whatever that pass cannot vouch
for goes the precise way (`parse_precise`), which names what is wrong and where.
"""

from __future__ import annotations

import codecs
import contextlib
import gc
import json
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..core.workshop import pause_timer, running_slot
from ..i18n import t
from ..models import Session, new_id
from ..models.base import left_out_reading
from ..models.text import clean_line
from ..storage import SessionLibrary
from ..storage.names import SESSION_NAME_GROWTH, fits_windows_path, is_portable, name_taken
from ..storage.problems import os_reason
from ..storage.regular import FileTooLarge, NotRegularFile, read_regular
from .document import FORMAT, ExportDocument
from .duplicates import keys_in, pairs_at_most
from .errors import ImportRefused
from .migrate import migrate

MAX_BYTES = 10 * 1024 * 1024
# A session nests about eight levels deep; anything far beyond is not ours.
MAX_DEPTH = 32
ENVELOPE_FIELDS = frozenset(ExportDocument.model_fields)
PLACE_MAX = 120
_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]{0,63}$")


# -- reading the bytes -----------------------------------------------------------------
def read_capped(path: Path) -> bytes:
    """The bytes of an ordinary file of at most MAX_BYTES; a larger file, or a
    FIFO, device or folder, is refused unread (storage/regular.py)."""
    try:
        return read_regular(path, MAX_BYTES)
    except NotRegularFile as error:
        raise ImportRefused(f"kind_{error.kind}") from None
    except FileTooLarge:
        raise ImportRefused("too_large", max=MAX_BYTES // (1024 * 1024)) from None
    except OSError as error:
        raise ImportRefused("unreadable", cause=os_reason(error)) from None


# -- parsing -------------------------------------------------------------------------------
class _Duplicated(dict[str, Any]):
    """An object that had a key twice; remembered so the walk can say where."""

    duplicate = ""


class _Constant:
    """NaN, Infinity or -Infinity, which JSON does not allow."""

    def __init__(self, text: str) -> None:
        self.text = text


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            marked = _Duplicated(pairs)
            marked.duplicate = key
            return marked
        result[key] = value
    return result


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def _too_deep_at(text: str) -> tuple[int, int]:
    """Where the nesting first passes MAX_DEPTH (strings skipped)."""
    depth = 0
    for match in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return _position(text, match.start())
        elif token in "]}":
            depth -= 1
    return 0, 0


def parse_json(raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused("not_utf8", offset=error.start + 1) from None
    if not text.strip():
        raise ImportRefused("empty")
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_Constant)
    except json.JSONDecodeError as error:
        raise ImportRefused("not_json", line=error.lineno, column=error.colno) from None
    except RecursionError:
        line, column = _too_deep_at(text)
        raise ImportRefused("too_deep_at", max=MAX_DEPTH, line=line, column=column) from None
    except ValueError:  # an integer with thousands of digits
        raise ImportRefused("number_too_long") from None
    _check_tree(data)
    return data


# -- the place in the file -----------------------------------------------------------------
def _key_text(key: object) -> str:
    text = clean_line(str(key))[:40]
    return text if _PLAIN_KEY.match(text) else json.dumps(text, ensure_ascii=False)


def place(loc: tuple[object, ...] | list[object]) -> str:
    """A path in the file as a person reads it: `session.partners[2].name`."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif part == "[key]":
            parts.append(" (key)")
        else:
            text = _key_text(part)
            parts.append(f"[{text}]" if text.startswith('"') else f".{text}")
    joined = "".join(parts).lstrip(".")
    if len(joined) > PLACE_MAX:
        joined = joined[:PLACE_MAX] + "…"
    return joined or t("share.top_level")


def _has_problem(data: Any) -> bool:
    """Whether _check_tree would refuse anything: a walk that builds no places,
    so a sound document (the usual case) is checked quickly."""
    if type(data) is not dict and type(data) is not list:
        return _odd_scalar(data)
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth >= MAX_DEPTH:
            return True
        for item in value.values() if type(value) is dict else value:
            kind = type(item)
            if kind is dict or kind is list:
                stack.append((item, depth + 1))
            elif kind is not str and kind is not int and kind is not bool and _odd_scalar(item):
                return True
    return False


def _odd_scalar(value: Any) -> bool:
    """NaN/Infinity, a duplicated-key object or anything else JSON does not hold."""
    if type(value) is float:
        return not math.isfinite(value)
    return value is not None and type(value) not in (str, int, bool)


def _check_tree(data: Any) -> None:
    """Refuse duplicate keys, NaN/Infinity, numbers beyond range and deep nesting,
    naming the first place (in document order) where one occurs."""
    if not _has_problem(data):
        return
    stack: list[tuple[Any, tuple[object, ...]]] = [(data, ())]
    while stack:
        value, loc = stack.pop()
        if len(loc) >= MAX_DEPTH and isinstance(value, (dict, list)):
            raise ImportRefused("too_deep", max=MAX_DEPTH, place=place(loc))
        if isinstance(value, _Duplicated):
            raise ImportRefused("duplicate_key", key=_key_text(value.duplicate), place=place(loc))
        if isinstance(value, _Constant):
            raise ImportRefused("constant", value=value.text, place=place(loc))
        if isinstance(value, float) and not math.isfinite(value):
            raise ImportRefused("out_of_range", place=place(loc))
        if isinstance(value, dict):
            stack.extend((item, (*loc, key)) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((item, (*loc, index)) for index, item in reversed(list(enumerate(value))))


# -- the envelope and the models -------------------------------------------------------------
_TYPE_REASONS = {
    "string_type": "expected_text", "int_type": "expected_integer",
    "int_parsing": "expected_integer", "int_from_float": "expected_integer",
    "float_type": "expected_number", "float_parsing": "expected_number",
    "bool_type": "expected_bool", "bool_parsing": "expected_bool",
    "list_type": "expected_list", "dict_type": "expected_object", "model_type": "expected_object",
    "model_attributes_type": "expected_object", "dataclass_type": "expected_object",
    "date_type": "expected_date", "date_parsing": "expected_date", "date_from_datetime_parsing":
    "expected_date", "date_from_datetime_inexact": "expected_date",
    "datetime_type": "expected_datetime", "datetime_parsing": "expected_datetime",
    "datetime_from_date_parsing": "expected_datetime",
    "string_pattern_mismatch": "bad_id", "finite_number": "out_of_range",
    "missing": "missing", "extra_forbidden": "unknown_field",
    "unexpected_keyword_argument": "unknown_field",  # in a dataclass record (a score)
    "string_too_short": "required", "too_short": "required",
    "string_too_long": "too_long", "too_long": "too_many",
    "greater_than_equal": "out_of_bounds", "less_than_equal": "out_of_bounds",
    "greater_than": "out_of_bounds", "less_than": "out_of_bounds",
}


def refusal_for(error: ValidationError) -> ImportRefused:
    """The first problem pydantic found, as a refusal naming its place."""
    first = error.errors(include_url=False)[0]
    where = place(first["loc"])
    kind = first["type"]
    ctx = first.get("ctx") or {}
    if kind == "literal_error":
        expected = clean_line(str(ctx.get("expected", ""))).replace(" or ", ", ")[:300]
        return ImportRefused("not_allowed", place=where, expected=expected)
    if kind == "duplicate_id":
        return ImportRefused("duplicate_id", place=place((*first["loc"], *ctx["at"])),
                             id=_key_text(ctx["id"]))
    if kind == "date_out_of_range":
        return ImportRefused("date_out_of_range", place=where, first=ctx["first"],
                             last=ctx["last"])
    reason = _TYPE_REASONS.get(kind, "invalid")
    if reason == "bad_id" and first["loc"][-1] in {"revision", "origin_revision"}:
        reason = "bad_revision"
    if reason == "too_many" and isinstance(first.get("input"), str):
        reason = "too_long"
    values: dict[str, object] = {"place": where}
    if reason in {"too_long", "too_many"}:
        values["max"] = ctx.get("max_length", "?")
    if reason == "out_of_bounds":
        values["limit"] = next((ctx[k] for k in ("ge", "le", "gt", "lt") if k in ctx), "?")
    return ImportRefused(reason, **values)


def validate(data: Any, raw: bytes | None = None) -> Session:
    """The session in a parsed export (`raw`: the bytes it was parsed from, if
    at hand), checked strictly; ImportRefused naming the first problem."""
    return validate_document(data, raw).session


def validate_document(data: Any, raw: bytes | None = None) -> ExportDocument:
    """The parsed export as a document, checked strictly as `validate` says."""
    if not isinstance(data, dict):
        raise ImportRefused("not_object")
    if data.get("format") != FORMAT:
        looks_like_session_file = isinstance(data.get("session"), dict) and "1" in data["session"]
        raise ImportRefused("session_file" if looks_like_session_file else "format")
    unknown = sorted(set(data) - ENVELOPE_FIELDS)
    if unknown:
        raise ImportRefused("unknown_field", place=place((unknown[0],)))
    migrated = migrate(data)
    # Strict validation reads dates from JSON text only: the bytes as they came,
    # or the migrated document written out again.
    if migrated is not data or raw is None:
        raw = json.dumps(migrated, ensure_ascii=False).encode("utf-8")
    try:
        return ExportDocument.model_validate_json(raw.removeprefix(codecs.BOM_UTF8),
                                                  strict=True)
    except ValidationError as error:
        raise refusal_for(error) from None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """A session is tens of thousands of small objects made at once, none of them
    garbage: the cyclic collector would only walk them again and again.

    While it is built the collector waits; afterwards the new objects are moved
    out of the young generations unscanned. With nothing frozen (no session
    open) freezing and thawing at once moves them to the oldest generation,
    where only a full collection looks at them. With an open session frozen
    (app.py) they join it until it closes, like a stage screen built meanwhile:
    what is not frozen is collected first (a short walk: the session is
    frozen), so that no garbage of the app is frozen along. Reference counting
    frees them either way once the session is dropped: they hold no cycles."""
    was_enabled = gc.isenabled()
    session_frozen = gc.get_freeze_count() > 0
    if session_frozen:
        gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if not session_frozen:
            gc.unfreeze()
        if was_enabled:
            gc.enable()


def parse_sound(raw: bytes) -> Session | None:
    """The session in a sound export of the current version, read in one pass;
    None when this pass cannot vouch for the file (parse_precise then decides)."""
    document = sound_document(raw)
    return None if document is None else document.session


def parse_precise(raw: bytes) -> Session:
    """Every check in turn on the parsed document: slower, but it names the place
    of the first problem."""
    return precise_document(raw).session


def sound_document(raw: bytes) -> ExportDocument | None:
    """The document of a sound export of the current version, read in one pass;
    None when this pass cannot vouch for the file (precise_document then decides).

    Strict validation straight from the bytes refuses everything the precise
    path refuses (NaN, Infinity, numbers beyond range, nesting no field allows,
    unknown fields, other versions), except duplicate keys, which pydantic lets
    pass keeping the last value: those the key count catches (duplicates.py).
    A small record does not remember which fields it was given: the fields it
    was not given are counted as their defaults are made (models/base.py)."""
    raw = raw.removeprefix(codecs.BOM_UTF8)
    with _collector_paused():
        before = left_out_reading()
        try:
            document = ExportDocument.model_validate_json(raw, strict=True)
        except ValidationError:
            return None
        left_out = left_out_reading() - before - 1
        if "schema_version" not in document.model_fields_set:  # the default is for exports
            return None
        if keys_in(document) - left_out != pairs_at_most(raw):
            return None
    return document


def precise_document(raw: bytes) -> ExportDocument:
    """The document, checked the precise way (see parse_precise)."""
    return validate_document(parse_json(raw), raw)


def parse_document(raw: bytes) -> ExportDocument:
    """The export document in the bytes of an export file, or ImportRefused
    saying what is wrong and where."""
    if len(raw) > MAX_BYTES:
        raise ImportRefused("too_large", max=MAX_BYTES // (1024 * 1024))
    document = sound_document(raw)
    return document if document is not None else precise_document(raw)


def parse(raw: bytes) -> Session:
    """The session in the bytes of an export file, or ImportRefused."""
    return parse_document(raw).session


def read_document(path: Path) -> ExportDocument:
    """The document in an export file, or ImportRefused saying what is wrong and where."""
    return parse_document(read_capped(path))


def read(path: Path) -> Session:
    """The session in an export file, or ImportRefused saying what is wrong and where."""
    return parse(read_capped(path))


# -- adding to the sessions folder --------------------------------------------------------------
def add_as_new(library: SessionLibrary, session: Session) -> tuple[Session, bool]:
    """Save an imported session in the folder. When its id is taken (the same
    session, or a copy of it, is already there) or cannot name its file on
    every system (see _usable_id) it gets a new id: the second value says so."""
    renamed = not _usable_id(library, session.id)
    if renamed:
        session = session.model_copy(update={"id": _free_id(library)})
    if running_slot(session) is not None:
        # A timer that ran when the file was written runs on no clock here: it
        # is paused as of the file's last change, keeping the time spent till then.
        changed = session.modified
        pause_timer(session, changed if changed.tzinfo else changed.replace(tzinfo=UTC))
    store = library.add(session)
    store.close()
    return session, renamed


def _usable_id(library: SessionLibrary, session_id: str) -> bool:
    """The id can name the session's file in this folder: no file there has the
    name, not even in another case, Windows takes it (not `CON.json`), and an
    id longer than regionet's own leaves every file made from it within
    Windows' path limit."""
    path = library.path_for(session_id)
    fits = len(session_id) <= len(new_id()) or fits_windows_path(path, SESSION_NAME_GROWTH)
    return fits and is_portable(path.name) and not name_taken(library.folder, path.name)


def _free_id(library: SessionLibrary) -> str:
    while True:
        candidate = new_id()
        if not library.path_for(candidate).exists():
            return candidate


@dataclass(frozen=True)
class ExportFile:
    """An export file as read and checked: its document and its bytes."""

    document: ExportDocument
    raw: bytes


def read_export(path: Path) -> ExportFile:
    """An export file, or ImportRefused saying what is wrong and where."""
    raw = read_capped(path)
    return ExportFile(parse_document(raw), raw)


def add_export(library: SessionLibrary, export: ExportFile) -> tuple[Session, bool]:
    """Save the session of an export file as a new session (see add_as_new).

    The new session remembers the revision the file was made at, and the file
    is kept as its base, so that a file later made from this copy merges
    three-way, here or where the file came from (bases.py). The base is kept
    only when the file's content is the revision it names; it is a cache, so
    a folder that refuses it does not stop the import."""
    from .bases import keep_base
    from .revision import revision_of

    document = export.document
    session = document.session
    if document.revision is not None:
        session = session.model_copy(update={"origin_revision": document.revision})
    added, renamed = add_as_new(library, session)
    if document.revision is not None and revision_of(document.session) == document.revision:
        with contextlib.suppress(OSError):
            keep_base(library.folder, added.id, document.revision, export.raw)
    return added, renamed


def import_file(library: SessionLibrary, path: Path) -> tuple[Session, bool]:
    """Read an export file and save its session in the folder as a new session."""
    return add_export(library, read_export(path))
