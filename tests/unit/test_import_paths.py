"""The one-pass import of a sound export and the precise, check-by-check import
give the same session, or the same refusal, for every file.

`parse_sound` may decline a file (None) and leave it to `parse_precise`; it
must never accept a file that the precise path refuses or reads differently.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.app import HOSTILE_NAMES
from support.share import EXPORTED_AT, full_session

from regionet_tui.models import Session
from regionet_tui.share import importer
from regionet_tui.share.document import ExportDocument
from regionet_tui.share.duplicates import keys_in, pairs_at_most
from regionet_tui.share.errors import ImportRefused
from regionet_tui.share.export import export_bytes

RAW = export_bytes(full_session(), EXPORTED_AT)
DATA = json.loads(RAW)


class Pairs(list[tuple[str, Any]]):
    """A JSON object that may hold a key twice."""


def dump(value: Any, colon: str = ": ") -> str:
    """JSON text of `value`, writing Pairs with every pair, duplicates included."""
    if isinstance(value, dict):
        value = Pairs(value.items())
    if isinstance(value, Pairs):
        return "{" + ", ".join(json.dumps(k, ensure_ascii=False) + colon + dump(v, colon)
                               for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(dump(item, colon) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False, allow_nan=True)


def edited(change: Any) -> bytes:
    data = json.loads(RAW)
    change(data)
    return dump(data).encode()


def with_twice(path: tuple[Any, ...], key: str, value: Any = None, *,
               same: bool = True) -> bytes:
    """The export with `key` of the object at `path` written twice."""
    data = json.loads(RAW)
    target = data
    for part in path[:-1]:
        target = target[part]
    obj = target[path[-1]] if path else data
    pairs = Pairs(obj.items())
    pairs.append((key, obj[key] if same else value))
    if path:
        target[path[-1]] = pairs
    else:
        data = pairs
    return dump(data).encode()


def outcome(parse: Any, raw: bytes) -> Session | tuple[str, dict[str, object]]:
    try:
        return parse(raw)  # type: ignore[no-any-return]
    except ImportRefused as refused:
        return refused.reason, refused.values


def assert_paths_agree(raw: bytes) -> Session | None:
    """Both paths agree on `raw`; returns what the one-pass path gave."""
    precise = outcome(importer.parse_precise, raw)
    sound = importer.parse_sound(raw)
    if sound is not None:
        assert isinstance(precise, Session), precise
        assert sound == precise
        assert sound.model_dump_json() == precise.model_dump_json()
    assert outcome(importer.parse, raw) == precise
    return sound


def _set_score(value: str) -> bytes:
    return RAW.replace(b'"quality": 5', b'"quality": ' + value.encode(), 1)


def _set_partner_name(name: str) -> bytes:
    return edited(lambda d: d["session"]["partners"][0].update(name=name))


def _set_note(text: str) -> bytes:
    return edited(lambda d: d["session"]["deal"]["signoffs"]["p-tiel"].update(note=text))


def _score(data: dict[str, Any]) -> dict[str, Any]:
    score: dict[str, Any] = data["session"]["portfolio"]["scores"]["p-roc"]["svc-bijscholen"]
    return score


def _without_a_note_and_a_name_twice(data: dict[str, Any]) -> None:
    """The key count alone would miss this: the score's missing key makes up
    for the partner's extra one."""
    _score(data).pop("note")
    partners = data["session"]["partners"]
    partners[1] = Pairs([*partners[1].items(), ("name", "Ander ROC")])


def _deep(levels: int) -> bytes:
    nested = "[" * levels + "]" * levels
    return RAW.replace(b'"depends_on": [\n', b'"depends_on": [' + nested.encode() + b",\n", 1)


SOUND = {
    "the export": RAW,
    "compact": json.dumps(DATA, separators=(",", ":"), ensure_ascii=False).encode(),
    "spaces before colons": dump(DATA, colon=" :\t").encode(),
    "CRLF lines": RAW.replace(b"\n", b"\r\n"),
    "ASCII escapes": json.dumps(DATA, ensure_ascii=True).encode(),
    "slash escapes": _set_note("1/2 of 3/4").replace(b"/", b"\\/"),
    "byte order mark": b"\xef\xbb\xbf" + RAW,
    "a note over lines": _set_note("regel 1\nregel 2\r\nregel\t3"),
    "newline in a name": _set_partner_name("Het\nBaken"),
    "spaces around a name": _set_partner_name("  \u00a0Het Baken \u3000"),
    "line separator": _set_partner_name("Het\u2028Baken"),
    "private use": _set_partner_name("Het \ue000 Baken"),
    "integer 4300 digits long": edited(
        lambda d: d["session"]["workshop"]["agenda"][0].update(actual_seconds=int("9" * 4300))),
    "inner version as true": RAW.replace(b'"schema_version": 1', b'"schema_version": true', 2)
    .replace(b'"schema_version": true', b'"schema_version": 1', 1),
    "a score without its note": edited(lambda d: _score(d).pop("note")),
    **{f"hostile name {name!r}": _set_partner_name(name) for name in HOSTILE_NAMES},
    "hostile names escaped": json.dumps(
        {**DATA, "session": {**DATA["session"], "partners": [
            {**DATA["session"]["partners"][0], "name": "\x1b[2J\u202eA\u200b\u2066"}]}},
        ensure_ascii=True).encode(),
}

TRICKY = {
    "duplicate at the top": with_twice((), "format"),
    "duplicate in the session": with_twice(("session",), "title", "Ander", same=False),
    "duplicate in a partner": with_twice(("session", "partners", 1), "name"),
    "duplicate partner in the scores": with_twice(("session", "portfolio", "scores"), "p-roc"),
    "duplicate in a score": with_twice(
        ("session", "portfolio", "scores", "p-roc", "svc-bijscholen"), "quality", 9, same=False),
    "duplicate in a commitment entry": with_twice(
        ("session", "commitment", "entries", "p-roc"), "open"),
    "duplicate in a milestone": with_twice(("session", "plan", "milestones", 1), "depends_on"),
    "duplicate in a contribution": with_twice(
        ("session", "deal", "agreements", 0, "contributions", 1), "amount", 1.0, same=False),
    "duplicate in a rating": with_twice(("session", "reflection", "ratings", "t-1",
                                         "per_partner"), "p-roc"),
    "duplicate with spaces before colons": RAW.replace(
        b'"title": "Leernetwerk', b'"title" : "x",\n"title"\n: "Leernetwerk', 1),
    "duplicate spelled with an escape": RAW.replace(
        b'"title": "Leernetwerk', b'"title": "x", "t\\u0069tle": "Leernetwerk', 1),
    "duplicate in an unknown field": edited(lambda d: d.update(x=Pairs([("a", 1), ("a", 2)]))),
    "quote and colon in a note": _set_note('Zij zei: "ja": dat telt'),
    "NaN": _set_score("NaN"),
    "Infinity": _set_score("Infinity"),
    "-Infinity": _set_score("-Infinity"),
    "1e400": _set_score("1e400"),
    "an amount of 1e400": RAW.replace(b'"amount": 25000.0', b'"amount": 1e400', 1),
    "an amount of NaN": RAW.replace(b'"amount": 25000.0', b'"amount": NaN', 1),
    "integer 4301 digits long": edited(
        lambda d: d["session"]["workshop"]["agenda"][0].update(actual_seconds=12345)).replace(
        b'"actual_seconds": 12345', b'"actual_seconds": ' + b"9" * 4301),
    "1.0 for an integer": _set_score("5.0"),
    "true for an integer": _set_score("true"),
    "text for an integer": _set_score('"5"'),
    "version 1.0": RAW.replace(b'"schema_version": 1', b'"schema_version": 1.0', 1),
    "version true": RAW.replace(b'"schema_version": 1', b'"schema_version": true', 1),
    "version missing": edited(lambda d: d.pop("schema_version")),
    "version 2": RAW.replace(b'"schema_version": 1', b'"schema_version": 2', 1),
    "33 levels deep": edited(lambda d: d.update(x=json.loads("[" * 33 + "]" * 33))),
    "60 levels deep in a list": _deep(60),
    "100000 levels deep": _deep(100_000),
    "unknown top field": edited(lambda d: d.update(extra=True)),
    "unknown nested field": edited(lambda d: d["session"]["partners"][2].update(web="x")),
    "unknown field in a score": edited(lambda d: _score(d).update(stars=3)),
    "list for a score": edited(lambda d: d["session"]["portfolio"]["scores"]["p-roc"].update(
        {"svc-bijscholen": []})),
    "a score without its note and a key twice": edited(_without_a_note_and_a_name_twice),
    "null for a name": _set_partner_name(None),  # type: ignore[arg-type]
    "number for a name": edited(lambda d: d["session"]["partners"][0].update(name=7)),
    "list for an object": edited(lambda d: d["session"].update(deal=[])),
    "empty name after cleaning": _set_partner_name("\u200b \x1b"),
    "lone surrogate": RAW.replace(b'"Het Baken', b'"\\ud800Het Baken', 1),
    "raw control character": RAW.replace(b'"Het Baken', b'"\x1bHet Baken', 1),
    "raw DEL and C1": RAW.replace(b'"Het Baken', '"\x7f\x85Het Baken'.encode(), 1),
    "decomposed accents": _set_partner_name("Cafe\u0301 e\u0301e\u0301n"),
    "trailing garbage": RAW + b"{}",
    "not UTF-8": RAW.replace(b"Het Baken", b"Het \xff Baken", 1),
    "other format": edited(lambda d: d.update(format="iets-anders")),
    "session file": json.dumps({"session": {"1": {"schema_version": 1}}}).encode(),
    "empty": b"",
}


@pytest.mark.parametrize("name", sorted(SOUND))
def test_a_sound_file_is_read_in_one_pass_like_the_precise_path(name: str) -> None:
    assert assert_paths_agree(SOUND[name]) is not None, name


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_a_tricky_file_gets_the_same_answer_either_way(name: str) -> None:
    assert_paths_agree(TRICKY[name])


@pytest.mark.parametrize("name", [name for name in TRICKY if name.startswith("duplicate")])
def test_the_one_pass_path_never_lets_a_duplicate_key_through(name: str) -> None:
    assert importer.parse_sound(TRICKY[name]) is None
    with pytest.raises(ImportRefused) as refused:
        importer.parse(TRICKY[name])
    assert refused.value.reason == "duplicate_key"


def test_a_score_that_leaves_a_field_out_is_read_in_one_pass_with_its_default() -> None:
    """A dataclass record does not remember which fields the file gave: the
    fields left out are counted as their defaults are made, so the key count
    still proves that no key was written twice."""
    without_note = SOUND["a score without its note"]
    session = importer.parse_sound(without_note)
    assert session is not None
    assert session.portfolio.scores["p-roc"]["svc-bijscholen"].note == ""
    assert session == importer.parse_precise(RAW)
    twice = TRICKY["a score without its note and a key twice"]
    assert importer.parse_sound(twice) is None
    with pytest.raises(ImportRefused) as refused:
        importer.parse(twice)
    assert refused.value.reason == "duplicate_key"


def test_the_key_count_matches_the_file() -> None:
    document = ExportDocument.model_validate_json(RAW, strict=True)
    pairs = RAW.count(b'":')
    assert keys_in(document) == pairs == pairs_at_most(RAW)


# -- random files --------------------------------------------------------------------------------
def _objects(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if isinstance(value, dict) and value else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _objects(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _objects(item, (*prefix, index))
    return found


OBJECTS = _objects(DATA)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=6,
)


@st.composite
def files_with_a_key_twice(draw: st.DrawFn) -> bytes:
    path = draw(st.sampled_from(OBJECTS))
    target = DATA
    for part in path:
        target = target[part]
    key = draw(st.sampled_from(sorted(target)))
    if draw(st.booleans()):
        return with_twice(path, key)
    return with_twice(path, key, draw(JSON_VALUES), same=False)


@st.composite
def files_with_a_value_changed(draw: st.DrawFn) -> bytes:
    path = draw(st.sampled_from(OBJECTS))
    data = json.loads(RAW)
    target = data
    for part in path:
        target = target[part]
    key = draw(st.sampled_from(sorted(target)) | st.text(max_size=8))
    target[key] = draw(JSON_VALUES)
    return dump(data).encode()


@settings(max_examples=100, deadline=None)
@given(files_with_a_key_twice())
def test_a_key_written_twice_anywhere_is_never_read_in_one_pass(content: bytes) -> None:
    assert assert_paths_agree(content) is None


@settings(max_examples=150, deadline=None)
@given(files_with_a_value_changed())
def test_any_changed_value_gets_the_same_answer_either_way(content: bytes) -> None:
    assert_paths_agree(content)
