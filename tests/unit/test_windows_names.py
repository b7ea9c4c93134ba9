"""Every file name regionet makes is one Windows takes: sessions, backups, the
trash, damaged copies, exports, reports, next rounds, imports, settings. The
sessions folder travels (OneDrive, a USB stick, a zip), so this holds on every
platform, and is checked here against Windows' own rules."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from support.share import demo_export
from support.windows_names import MAX_PATH, NameRecorder, why_windows_refuses

from regionet_tui import settings
from regionet_tui.core.rounds import add_next_round
from regionet_tui.models import Session
from regionet_tui.report.build import render
from regionet_tui.share import importer
from regionet_tui.share.export import export_bytes, export_folder, file_stem
from regionet_tui.share.merge import keep_backup
from regionet_tui.share.targets import write_own_file
from regionet_tui.storage import SessionLibrary, sessionfile
from regionet_tui.storage.names import (
    SESSION_NAME_GROWTH,
    WRITE_EXTRA,
    is_portable,
    name_taken,
    portable_stem,
    slug,
    windows_problem,
)

TITLES = ["CON", "Vergadering: 3/4?", "x" * 200, "nul", "Com1", "LPT9.", "Ronde 1 . ",
          'a<b>c"d|e*f\\g', "🧑‍🏫📚", "Écoles … ", "aux.json", "..."]
# A facilitator's documents folder as OneDrive on a school laptop makes it.
WINDOWS_BASE = (r"C:\Users\marieke.van.den.berg-jansen\OneDrive - Stichting Openbaar "
                r"Onderwijs Rivierenland\Documenten\regionet")

NAMES_WINDOWS_REFUSES = ["CON", "con.json", "Nul.md", "COM1", "com9.json.bak", "LPT1 .txt",
                         "aux", "PRN.html", "Vergadering: 3/4?", "a/b", "a\\b", "tab\there",
                         "eind.", "eind ", "x" * 256, "", ".", "..", "a*b", "a|b", 'a"b',
                         "a<b", "a>b"]
NAMES_WINDOWS_TAKES = ["CONSOLE.json", "con-2026-11-22.json", "COM10", "LPT0", "nullen.md",
                       "x" * 255, ".index.json", "abc.json.bak", "sessie-1.en.md", "a b.c",
                       "ÆØÅ.json", ".abc.json.1234abcd.tmp"]


@pytest.mark.parametrize("name", NAMES_WINDOWS_REFUSES)
def test_the_rules_refuse_what_windows_refuses(name: str) -> None:
    assert why_windows_refuses(name) is not None
    assert windows_problem(name) is not None
    assert not is_portable(name)


@pytest.mark.parametrize("name", NAMES_WINDOWS_TAKES)
def test_the_rules_take_what_windows_takes(name: str) -> None:
    assert why_windows_refuses(name) is None
    assert windows_problem(name) is None


@pytest.mark.parametrize("text", [*TITLES, "x" * 300, "", "CON" * 100, "COM1"])
def test_a_stem_made_from_any_text_is_a_name_windows_takes(text: str) -> None:
    stem = portable_stem(text)
    for suffix in (".json", ".md", ".html", ".en.md", ".json.bak", ""):
        assert why_windows_refuses(f"{stem}{suffix}") is None, (text, stem)
    readable = slug(text, 60)
    assert len(readable) <= 60
    assert readable == "" or why_windows_refuses(portable_stem(readable)) is None


@pytest.mark.parametrize("title", [*TITLES, "x" * 300])
def test_the_file_name_of_any_title_is_valid_on_windows(title: str) -> None:
    # model_copy does not validate: a title of 300 characters, longer than the
    # app lets anyone type, still gives a short and valid name.
    session = Session.create("Ronde", "", date(2026, 11, 22)).model_copy(update={"title": title})
    stem = file_stem(session)
    assert stem.endswith("-2026-11-22")
    assert len(stem) <= 60 + len("-2026-11-22")
    for suffix in (".json", ".md", ".html", ".en.md", ".nl.html"):
        assert why_windows_refuses(f"{stem}{suffix}") is None


def test_titles_that_are_device_names_keep_their_words() -> None:
    session = Session.create("CON", "", date(2026, 11, 22))
    assert file_stem(session) == "con-2026-11-22"
    odd = Session.create("Vergadering: 3/4?", "", date(2026, 11, 22))
    assert file_stem(odd) == "vergadering-3-4-2026-11-22"


def test_in_a_deep_export_folder_the_name_shortens_to_stay_within_the_path_limit(
    tmp_path: Path
) -> None:
    deep = tmp_path / "Gedeelde documenten - Samenwerkingsverband"
    deep = deep / ("d" * (180 - len(str(deep)) - 1))  # 180 characters, as OneDrive can make
    session = Session.create("Werkconferentie lerarentekort Rivierenland voorjaar", "",
                             date(2026, 11, 22))
    stem = file_stem(session, deep)
    assert stem.startswith("werkconf") and stem.endswith("-2026-11-22")
    # Its longest file: another session's name taken, in English, as HTML, being written.
    longest = f"{stem}-0123abcd-99.en.html"
    assert len(str(deep / longest)) + WRITE_EXTRA <= MAX_PATH
    assert file_stem(session, tmp_path) == file_stem(session)  # room enough: as usual


def test_every_name_the_app_makes_is_valid_on_windows(
    library: SessionLibrary, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REGIONET_CONFIG", str(tmp_path / "config"))
    recorder = NameRecorder(monkeypatch, tmp_path)
    exports = export_folder(folder)
    for title in TITLES:
        store = library.create(title, "Rivierenland", date(2026, 11, 22))
        store.change(lambda s: setattr(s, "region", "Betuwe"))  # a .bak beside it
        session, path = store.session, store.path
        keep_backup(path, datetime(2026, 11, 22, 14, 3))  # before a merge
        store.close()
        library.rename(path, f"{title[:190]} (2)")
        stem = file_stem(session, exports)
        write_own_file(exports, stem, ".json", session.id, export_bytes(session))
        for fmt in ("md", "html"):
            write_own_file(exports, stem, f".{fmt}", session.id, render(session, fmt).encode())
            write_own_file(exports, f"{stem}.en", f".{fmt}", session.id,
                           render(session, fmt, language="en").encode())
        add_next_round(library, path, f"{title[:190]} ronde 2", date(2027, 3, 1))

    # A session to the trash, its name taken meanwhile, back with a time added.
    first = library.entries()[0]
    copy = first.path.read_bytes()
    library.delete(first.path)
    first.path.write_bytes(copy)
    library.restore(library.trashed()[0])
    # A damaged file: its backup put back, a copy of it aside; another moved aside.
    with_backup = [entry.path for entry in library.entries() if entry.has_backup]
    with_backup[0].write_bytes(b"{kapot")
    library.restore_backup(next(e for e in library.entries() if e.path == with_backup[0]))
    with_backup[1].write_bytes(b"\x00")
    library.move_aside(next(e for e in library.entries() if e.damaged))

    # Imports of files whose session ids are device names.
    for session_id in ("CON", "com1", "Lpt9", "nul"):
        raw = json.loads(demo_export())
        raw["session"]["id"] = session_id
        source = tmp_path / "ontvangen" / f"partner-{session_id}.json"
        source.parent.mkdir(exist_ok=True)
        source.write_text(json.dumps(raw), encoding="utf-8")
        imported, renamed = importer.import_file(library, source)
        assert renamed and imported.id != session_id
    settings.save(settings.load())

    names = recorder.names()
    assert any(name.endswith(".json.bak") for name in names)
    assert {"trash", "damaged", "exports", "sessions", "config"} <= names
    assert any(".before-merge-" in name for name in names)
    assert any(name.endswith(".en.html") for name in names)
    refused = {name: why_windows_refuses(name) for name in names}
    assert {name: why for name, why in refused.items() if why} == {}
    # Every path, moved under a OneDrive documents folder, within Windows' limit.
    longest = max((str(path) for path in recorder.made), key=len)
    assert len(WINDOWS_BASE) + 1 + len(longest) <= MAX_PATH, longest


@pytest.mark.parametrize("session_id", ["CON", "con", "Com1", "LPT9", "nul", "aux", "PRN"])
def test_an_import_whose_id_is_a_device_name_gets_a_new_id(
    library: SessionLibrary, tmp_path: Path, session_id: str
) -> None:
    raw = json.loads(demo_export())
    raw["session"]["id"] = session_id
    imported, renamed = importer.add_as_new(library, importer.parse(json.dumps(raw).encode()))
    assert renamed and imported.id != session_id
    assert [p.name for p in library.folder.glob("*.json")] == [f"{imported.id}.json"]
    assert why_windows_refuses(f"{imported.id}.json") is None


def test_an_import_whose_id_differs_only_in_case_gets_a_new_id(library: SessionLibrary) -> None:
    raw = json.loads(demo_export())
    raw["session"]["id"] = "Werkconf2026"
    first, renamed = importer.add_as_new(library, importer.parse(json.dumps(raw).encode()))
    assert (first.id, renamed) == ("Werkconf2026", False)
    raw["session"]["id"] = "werkconf2026"  # the same file on Windows and macOS
    second, renamed = importer.add_as_new(library, importer.parse(json.dumps(raw).encode()))
    assert renamed and second.id.casefold() != "werkconf2026"
    assert name_taken(library.folder, "WERKCONF2026.json")
    assert not name_taken(library.folder, "anders.json")


def test_an_import_with_a_long_id_in_a_deep_folder_gets_a_short_one(tmp_path: Path) -> None:
    # 170 characters: room for regionet's own ids, none for one of 64 characters.
    sessions = tmp_path / "Samenwerkingsverband Rivierenland"
    sessions = sessions / ("d" * (170 - len(str(sessions)) - 1))
    assert len(str(sessions)) == 170
    library = SessionLibrary(sessions)
    library.prepare()
    raw = json.loads(demo_export())
    raw["session"]["id"] = "a" * 64
    imported, renamed = importer.add_as_new(library, importer.parse(json.dumps(raw).encode()))
    assert renamed and len(imported.id) == 12
    longest = library.path_for(imported.id)
    assert len(str(longest)) + SESSION_NAME_GROWTH <= MAX_PATH
    assert sessionfile.read(longest).title == imported.title
