"""Importing refuses every hostile or damaged file with a clear message that
names the place, and leaves the sessions folder as it was."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.app import HOSTILE_NAMES, make_session
from support.share import demo_export, folder_snapshot

from regionet_tui import i18n
from regionet_tui.share import importer
from regionet_tui.share.errors import ImportRefused
from regionet_tui.share.migrate import migrate
from regionet_tui.storage import SessionLibrary

RAW = demo_export()
TEXT = RAW.decode("utf-8")


def _edit(change: Any) -> bytes:
    data = json.loads(RAW)
    change(data)
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


def _set_version(version: object) -> bytes:
    return _edit(lambda d: d.update(schema_version=version))


def _deep(levels: int) -> bytes:
    return b'{"format": "regionet-session", "x": ' + b"[" * levels + b"]" * levels + b"}"


# name -> (file content, words the Dutch message must contain)
HOSTILE: dict[str, tuple[bytes, tuple[str, ...]]] = {
    "empty": (b"", ("leeg",)),
    "whitespace": (b"  \n\t ", ("leeg",)),
    "not utf-8": (b'{"format": "regionet-\xff"}', ("UTF-8", "byte 22")),
    "syntax error": (RAW[:700], ("geen geldige JSON", "regel")),
    "trailing garbage": (RAW + b"{}", ("geen geldige JSON",)),
    "a list": (b"[1, 2]", ("één JSON-object",)),
    "a string": (b'"regionet"', ("één JSON-object",)),
    "other format": (_edit(lambda d: d.update(format="iets-anders")), ('"format"',)),
    "session file": (json.dumps({"session": {"1": {"schema_version": 1}}}).encode(),
                     ("sessiebestand",)),
    "duplicate top key": (RAW.replace(b'"format": "regionet-session",',
                                      b'"format": "regionet-session", "format": "x",'),
                          ("format", "twee keer", "hoogste niveau")),
    "duplicate nested key": (RAW.replace(b'"name": "ROC Rivierenland"',
                                         b'"name": "ROC Rivierenland", "name": "Ander ROC"'),
                             ("name", "twee keer", "session.partners[1]")),
    "NaN": (RAW.replace(b'"quality": 5', b'"quality": NaN', 1),
            ("NaN", "session.portfolio.scores.")),
    "Infinity": (RAW.replace(b'"quality": 5', b'"quality": Infinity', 1), ("Infinity",)),
    "-Infinity": (RAW.replace(b'"quality": 5', b'"quality": -Infinity', 1), ("-Infinity",)),
    "1e400": (RAW.replace(b'"quality": 5', b'"quality": 1e400', 1), ("te groot",)),
    "huge integer": (RAW.replace(b'"quality": 5', b'"quality": ' + b"9" * 5000, 1),
                     ("duizenden cijfers",)),
    "deep nesting": (_deep(60), ("dieper genest dan 32", "x[0][0]")),
    "very deep nesting": (_deep(100_000), ("dieper genest dan 32", "regel 1")),
    "unknown top field": (_edit(lambda d: d.update(extra=True)), ("extra", "kent regionet niet")),
    "unknown nested field": (_edit(lambda d: d["session"]["partners"][2].update(web="x")),
                             ("session.partners[2].web", "kent regionet niet")),
    "unknown field in a score": (
        _edit(lambda d: d["session"]["portfolio"]["scores"]["p-roc"]["svc-bijscholen"].update(
            stars=3)),
        ('session.portfolio.scores.p-roc.svc-bijscholen.stars', "kent regionet niet")),
    "a number for a score": (
        _edit(lambda d: d["session"]["portfolio"]["scores"]["p-roc"].update(
            {"svc-bijscholen": 7})),
        ("session.portfolio.scores.p-roc.svc-bijscholen", "object")),
    "wrong kind": (_edit(lambda d: d["session"]["partners"][0].update(kind="<script>")),
                   ("session.partners[0].kind", "niet toegestaan")),
    "name too long": (_edit(lambda d: d["session"]["partners"][0].update(name="x" * 201)),
                      ("session.partners[0].name", "hoogstens 200 tekens")),
    "empty name": (_edit(lambda d: d["session"]["partners"][0].update(name="\u200b \x1b")),
                   ("session.partners[0].name", "niet leeg")),
    "missing title": (_edit(lambda d: d["session"].pop("title")),
                      ("session.title", "ontbreekt")),
    "bad id": (_edit(lambda d: d["session"]["partners"][0].update(id="../../etc")),
               ("session.partners[0].id", "geen geldige id")),
    "hostile key": (RAW.replace(b'"p-roc": {', b'"p roc\\u001b[2J": {', 1),
                    ("session.commitment.entries", "geen geldige id")),
    "quality out of range": (RAW.replace(b'"quality": 5', b'"quality": 11', 1),
                             ("quality", "bereik")),
    "text for a number": (RAW.replace(b'"quality": 5', b'"quality": "vijf"', 1),
                          ("quality", "geheel getal")),
    "bad date": (_edit(lambda d: d["session"].update(date="31-02-2026")),
                 ("session.date", "datum")),
    "newer version": (_set_version(2), ("nieuwere versie", "schemaversie 2")),
    "much newer version": (_set_version(99), ("schemaversie 99",)),
    "version zero": (_set_version(0), ("Schemaversie 0 bestaat niet",)),
    "negative version": (_set_version(-1), ("Schemaversie -1",)),
    "version as text": (_set_version("1"), ("schema_version", "geen geheel getal")),
    "version as bool": (_set_version(True), ("schema_version",)),
    "version missing": (_edit(lambda d: d.pop("schema_version")), ("schema_version",)),
    "inner version differs": (_edit(lambda d: d["session"].update(schema_version=2)),
                              ("session.schema_version",)),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_refused_naming_the_place(name: str) -> None:
    content, words = HOSTILE[name]
    with pytest.raises(ImportRefused) as refused:
        importer.parse(content)
    message = refused.value.message()
    for word in words:
        assert word in message, f"{name}: {message}"
    assert "\x1b" not in message and "Traceback" not in message


def test_messages_are_in_english_too() -> None:
    i18n.set_language("en")
    with pytest.raises(ImportRefused) as refused:
        importer.parse(HOSTILE["unknown nested field"][0])
    assert refused.value.message() == "session.partners[2].web: regionet does not know this field."


def test_a_file_over_ten_megabytes_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "groot.json"
    with big.open("wb") as handle:
        handle.write(RAW)
        handle.write(b" " * (importer.MAX_BYTES + 1 - len(RAW)))
    with pytest.raises(ImportRefused) as refused:
        importer.read(big)
    assert "groter dan 10 MB" in refused.value.message()
    exactly = tmp_path / "precies.json"
    exactly.write_bytes(RAW + b" " * (importer.MAX_BYTES - len(RAW)))
    assert importer.read(exactly).title == "Leernetwerk Rivierenland – najaarsronde"


def test_a_missing_file_or_a_folder_is_a_clear_refusal(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused) as refused:
        importer.read(tmp_path / "bestaat-niet.json")
    assert "kan niet worden gelezen" in refused.value.message()
    with pytest.raises(ImportRefused) as refused:
        importer.read(tmp_path)
    assert refused.value.message() == "Dit is een map, geen exportbestand."


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_text_is_sanitised_like_all_text(name: str) -> None:
    content = _edit(lambda d: d["session"]["partners"][0].update(name=name))
    try:
        session = importer.parse(content)
    except ImportRefused as refused:  # names that are nothing but controls
        assert "session.partners[0].name" in refused.value.message()
        return
    cleaned = session.partners[0].name
    assert "\x1b" not in cleaned and "\u202e" not in cleaned and "\u200b" not in cleaned


def test_the_migration_registry_refuses_unknown_and_newer_versions() -> None:
    with pytest.raises(ImportRefused) as newer:
        migrate({"schema_version": 3}, current=2, steps={1: lambda d: {**d, "schema_version": 2}})
    assert newer.value.reason == "newer"
    with pytest.raises(ImportRefused) as gap:
        migrate({"schema_version": 1}, current=3, steps={2: lambda d: {**d, "schema_version": 3}})
    assert gap.value.reason == "unknown_version"
    assert migrate({"schema_version": 1, "x": 0}) == {"schema_version": 1, "x": 0}


def test_migration_steps_run_in_order_up_to_the_current_version() -> None:
    seen: list[int] = []

    def step(version: int) -> Any:
        def run(document: dict[str, Any]) -> dict[str, Any]:
            seen.append(version)
            return {**document, "schema_version": version + 1}
        return run

    result = migrate({"schema_version": 1}, current=3, steps={1: step(1), 2: step(2)})
    assert result == {"schema_version": 3} and seen == [1, 2]


def test_a_refused_import_leaves_every_session_untouched(
    library: SessionLibrary, folder: Path, tmp_path: Path
) -> None:
    make_session(library, "Voorjaar")
    importer.add_as_new(library, importer.parse(RAW))
    before = folder_snapshot(folder)
    for name, (content, _) in HOSTILE.items():
        path = tmp_path / "import.json"
        path.write_bytes(content)
        with pytest.raises(ImportRefused):
            importer.import_file(library, path)
        assert folder_snapshot(folder) == before, name


# -- damaged files made by hypothesis ----------------------------------------------------------
@st.composite
def damaged_bytes(draw: st.DrawFn) -> bytes:
    data = bytearray(RAW)
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["cut", "insert", "flip", "truncate"]))
        if action == "cut":
            del data[position:position + draw(st.integers(1, 40))]
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=8))
        elif action == "flip" and position < len(data):
            data[position] = draw(st.integers(0, 255))
        elif action == "truncate":
            del data[position:]
    return bytes(data)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=8,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


PATHS = _paths(json.loads(RAW))[1:]


@st.composite
def damaged_documents(draw: st.DrawFn) -> bytes:
    data = json.loads(RAW)
    path = draw(st.sampled_from(PATHS))
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = draw(JSON_VALUES)
    return json.dumps(data, allow_nan=True).encode()


def _parse_or_refuse(content: bytes) -> None:
    try:
        importer.parse(content)
    except ImportRefused as refused:
        assert refused.message().strip() and "share.error." not in refused.message()


@settings(max_examples=150, deadline=None)
@given(damaged_bytes())
def test_damaged_bytes_are_read_or_refused_clearly(content: bytes) -> None:
    _parse_or_refuse(content)


@settings(max_examples=150, deadline=None)
@given(damaged_documents())
def test_damaged_values_are_read_or_refused_clearly(content: bytes) -> None:
    _parse_or_refuse(content)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=damaged_bytes())
def test_a_damaged_import_never_touches_existing_sessions(
    library: SessionLibrary, folder: Path, tmp_path: Path, content: bytes
) -> None:
    if not library.entries():
        make_session(library, "Bestaand")
    before = folder_snapshot(folder)
    path = tmp_path / "beschadigd.json"
    path.write_bytes(content)
    try:
        session, _ = importer.import_file(library, path)
    except ImportRefused:
        assert folder_snapshot(folder) == before
        return
    after = folder_snapshot(folder)
    added = set(after) - set(before)
    assert {name: after[name] for name in before} == before
    # The new session, and the file kept as its base when it names its revision.
    assert {name for name in added if not name.startswith("bases/")} == {f"{session.id}.json"}
    assert all(name.startswith("bases/") and name.endswith(f".{session.id}.json")
               for name in added - {f"{session.id}.json"})
    library.delete(library.path_for(session.id))
