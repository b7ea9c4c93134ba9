"""The export file: deterministic, complete, and the same after a round trip."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
from support.share import EXPORTED_AT, demo_export, demo_session

from regionet_tui.share import importer
from regionet_tui.share.export import export_bytes, write_export
from regionet_tui.share.schema import DRAFT, json_schema
from regionet_tui.storage import SessionLibrary, sessionfile


def test_the_export_is_sorted_indented_utf8_with_an_envelope() -> None:
    raw = demo_export()
    text = raw.decode("utf-8")
    data = json.loads(text)
    assert list(data) == ["app_version", "exported_at", "format", "revision", "schema_version",
                          "session"]
    assert re.fullmatch(r"[0-9a-f]{32}", data["revision"])
    assert data["format"] == "regionet-session" and data["schema_version"] == 1
    assert data["exported_at"] == "2026-11-22T14:03:00Z"
    assert text == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert "coördinator" in text  # UTF-8, not \u escapes


def test_two_exports_of_one_session_are_identical() -> None:
    assert demo_export() == export_bytes(demo_session(), EXPORTED_AT)


def test_round_trip_export_import_export_gives_the_same_document(
    library: SessionLibrary, tmp_path: Path
) -> None:
    first = write_export(demo_session(), tmp_path / "exports" / "ronde.json", EXPORTED_AT)
    imported, renamed = importer.add_as_new(library, importer.read(first))
    assert not renamed
    saved = sessionfile.read(library.path_for(imported.id))
    assert export_bytes(saved, EXPORTED_AT) == first.read_bytes()


def test_importing_a_session_that_is_already_there_gives_it_a_new_id(
    library: SessionLibrary
) -> None:
    session = importer.parse(demo_export())
    importer.add_as_new(library, session)
    again, renamed = importer.add_as_new(library, session)
    assert renamed and again.id != session.id
    assert sorted(e.id for e in library.entries()) == sorted([session.id, again.id])


def test_the_schema_is_draft_2020_12_and_describes_the_export() -> None:
    schema = json_schema()
    assert schema["$schema"] == DRAFT
    assert set(schema["required"]) >= {"format", "app_version", "exported_at", "session"}
    assert schema["properties"]["format"]["const"] == "regionet-session"
    assert schema["additionalProperties"] is False


def test_the_schema_accepts_the_export_and_refuses_an_unknown_field() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())
    validator = jsonschema.Draft202012Validator(json_schema())
    data = json.loads(demo_export())
    assert list(validator.iter_errors(data)) == []
    data["session"]["partners"][0]["extra"] = 1
    assert list(validator.iter_errors(data))


def test_the_export_version_is_the_session_schema_version() -> None:
    from regionet_tui.models import SCHEMA_VERSION
    from regionet_tui.share.document import ExportDocument

    assert ExportDocument.model_fields["schema_version"].default == SCHEMA_VERSION
    assert json.loads(demo_export())["session"]["schema_version"] == SCHEMA_VERSION


def test_file_names_are_safe_and_readable() -> None:
    from datetime import date

    from regionet_tui.models import Session
    from regionet_tui.share.export import export_folder, file_stem

    assert file_stem(demo_session()) == "leernetwerk-rivierenland-najaarsronde-2026-11-12"
    hostile = Session.create("../../CON é/\\<x>", "", date(2027, 1, 2))
    assert file_stem(hostile) == "con-e-x-2027-01-02"
    only_symbols = Session.create("🧑‍🏫📚", "", date(2027, 1, 2))
    assert file_stem(only_symbols) == f"{only_symbols.id}-2027-01-02"
    assert export_folder(Path("/data/regionet/sessions")) == Path("/data/regionet/exports")


def test_the_schema_in_docs_is_the_one_the_app_writes() -> None:
    from regionet_tui.share.export import encode

    committed = Path(__file__).resolve().parents[2] / "docs" / "regionet-session.schema.json"
    assert committed.read_bytes() == encode(json_schema()), (
        "docs/regionet-session.schema.json is stale: run `regionet schema -o "
        "docs/regionet-session.schema.json`")


def test_a_timer_running_in_an_imported_file_is_paused_with_its_time(
    library: SessionLibrary, tmp_path: Path
) -> None:
    from datetime import UTC, datetime, timedelta

    from regionet_tui.models.workshop import AgendaSlot

    session = demo_session()
    changed = datetime(2026, 11, 12, 10, 30, tzinfo=UTC)
    session.workshop.agenda = [
        AgendaSlot(stage="stap1", actual_seconds=60,
                   started_at=changed - timedelta(minutes=10)),
        *[slot for slot in session.workshop.agenda if slot.stage != "stap1"],
    ]
    session.modified = changed
    path = write_export(session, tmp_path / "lopend.json", EXPORTED_AT)
    imported, _ = importer.add_as_new(library, importer.read(path))
    saved = sessionfile.read(library.path_for(imported.id))
    stap1 = next(slot for slot in saved.workshop.agenda if slot.stage == "stap1")
    assert (stap1.started_at, stap1.actual_seconds) == (None, 60 + 600)
    assert all(slot.started_at is None for slot in saved.workshop.agenda)


def _standard(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False)
            + "\n").encode("utf-8")


def test_the_export_encoder_writes_exactly_what_the_standard_one_does() -> None:
    from regionet_tui.share.export import encode

    every_character = "".join(chr(code) for code in range(0x3000) if not 0xD800 <= code < 0xE000)
    samples: list[object] = [
        {"z": every_character, "a": ["\"\\\n\r\t\b\f\x00\x1b\x7f\u2028\u202e🧑‍🏫", "Café"],
         "m": {"b": {}, "a": [], "c": [{}]}, "t": True, "f": False, "n": None},
        [0.0, -0.0, 0.1, 1.5, 100.0, 0.0001, 123456.789, 999999999999.99, 1e15, -2.5e-3],
        [1e16, 1e-5, 1e300, 5e-324, 2**63, -(2**70), 7],  # written the standard way
        {"2": 1, "10": 2, "é": 3, "E": 4, "": 5},
        json.loads(demo_export()),
    ]
    for data in samples:
        assert encode(data) == _standard(data)
