"""The session store: atomic, never loses a change, refuses damaged files."""

from __future__ import annotations

import json
import os
import time
from datetime import date
from pathlib import Path

import pytest
from support.app import make_session

from regionet_tui.core.partners import add_partner
from regionet_tui.core.rounds import add_next_round
from regionet_tui.models import Partner
from regionet_tui.storage import DamagedSessionFile, ReadOnlyError, SessionLibrary, sessionfile
from regionet_tui.storage.atomic import atomic_write, remove_stale_temp_files


def test_a_change_is_on_disk_when_change_returns(library: SessionLibrary) -> None:
    store = library.create("Ronde 1", "Rivierenland", date(2026, 11, 22))
    store.change(lambda s: add_partner(s, Partner.create("ROC Rivierenland", "mbo")))
    on_disk = sessionfile.read(store.path)
    assert [p.name for p in on_disk.partners] == ["ROC Rivierenland"]
    store.close()
    raw = json.loads(store.path.read_text(encoding="utf-8"))
    # A TinyDB file: the session, and the mark of the journal's last change it holds.
    assert list(raw) == ["session", "journal"]
    assert raw["journal"]["1"]["seq"] == 1


def test_backup_keeps_the_previous_version(library: SessionLibrary) -> None:
    store = library.create("Ronde 1", "", date(2026, 11, 22))
    store.change(lambda s: setattr(s, "region", "Achterhoek"))
    store.checkpoint()  # a pause: the snapshot is written
    store.change(lambda s: setattr(s, "region", "Twente"))
    store.checkpoint()
    assert sessionfile.parse(sessionfile.backup_path(store.path).read_bytes()
                             ).region == "Achterhoek"
    assert sessionfile.read(store.path).region == "Twente"
    store.close()


def test_a_refused_change_changes_nothing(library: SessionLibrary) -> None:
    store = library.create("Ronde 1", "", date(2026, 11, 22))
    before = store.path.read_bytes()
    with pytest.raises(ValueError):
        store.change(lambda s: setattr(s, "title", ""))
    assert store.session.title == "Ronde 1"
    assert store.path.read_bytes() == before
    store.close()


def test_second_opener_gets_read_only(library: SessionLibrary) -> None:
    session_id = make_session(library)
    first = library.open(session_id)
    second = library.open(session_id)
    assert not first.readonly and second.readonly
    with pytest.raises(ReadOnlyError):
        second.change(lambda s: setattr(s, "region", "X"))
    second.close()
    first.close()
    third = library.open(session_id)
    assert not third.readonly
    third.close()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b'{"session": {"1": {"schema_version": 1, "id": "x"', "not_json"),
        (b"[1, 2, 3]", "foreign"),
        (b'{"_default": {"1": {"naam": "iets anders"}}}', "foreign"),
        (b'{"session": {"1": {"schema_version": 1, "id": "abc", "title": ""}}}', "invalid"),
        (b'{"session": {"1": {"schema_version": 99, "id": "abc"}}}', "newer"),
    ],
)
def test_damaged_files_are_listed_and_never_overwritten(
    library: SessionLibrary, folder: Path, content: bytes, reason: str
) -> None:
    path = folder / "kapot.json"
    path.write_bytes(content)
    [entry] = library.entries()
    assert entry.damage is not None and entry.damage.reason == reason
    with pytest.raises(DamagedSessionFile):
        library.open("kapot")
    assert path.read_bytes() == content


def test_restore_backup_and_move_aside(library: SessionLibrary, folder: Path) -> None:
    store = library.create("Ronde 1", "", date(2026, 11, 22))
    store.change(lambda s: setattr(s, "region", "Achterhoek"))
    store.close()
    store.path.write_bytes(b'{"session": {"1": {"schema_')  # damaged from outside
    [entry] = library.entries()
    assert entry.damaged and entry.has_backup
    library.restore_backup(entry)
    assert sessionfile.read(store.path).title == "Ronde 1"
    assert len(list((folder / "damaged").iterdir())) == 1

    store.path.write_bytes(b"")
    [entry] = library.entries()
    target = library.move_aside(entry)
    assert target.read_bytes() == b"" and not store.path.exists()


def test_index_is_used_and_refreshed(library: SessionLibrary, folder: Path) -> None:
    session_id = make_session(library, "Eerste titel")
    assert library.entries()[0].title == "Eerste titel"
    index = json.loads((folder / ".index.json").read_text())
    assert f"{session_id}.json" in index
    library.rename(library.path_for(session_id), "Tweede titel")
    assert library.entries()[0].title == "Tweede titel"


def test_duplicate_links_to_its_predecessor(library: SessionLibrary) -> None:
    session_id = make_session(library, "Voorjaar")
    copy = add_next_round(library, library.path_for(session_id), "Najaar", date(2026, 11, 29))
    reread = sessionfile.read(library.path_for(copy.id))
    assert reread.predecessor == session_id and reread.predecessor_title == "Voorjaar"
    assert reread.title == "Najaar" and reread.id != session_id


def test_delete_moves_to_trash_and_restores(library: SessionLibrary) -> None:
    session_id = make_session(library, "Weg ermee")
    library.delete(library.path_for(session_id))
    assert library.entries() == []
    [trashed] = library.trashed()
    library.restore(trashed)
    assert [e.title for e in library.entries()] == ["Weg ermee"]


def test_stale_temp_files_are_removed(folder: Path) -> None:
    stale = folder / ".abc.json.1234.tmp"
    stale.write_bytes(b"half")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = folder / ".def.json.5678.tmp"
    fresh.write_bytes(b"busy")
    assert remove_stale_temp_files(folder) == 1
    assert fresh.exists() and not stale.exists()


def test_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "f.json"
    atomic_write(path, b'{"ok": true}')

    def disk_full(fd: int, data: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", disk_full)
    with pytest.raises(OSError):
        atomic_write(path, b'{"ok": false}')
    monkeypatch.undo()
    assert path.read_bytes() == b'{"ok": true}'
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_large_sessions_are_saved_off_the_calling_thread(library: SessionLibrary) -> None:
    store = library.create("Groot", "", date(2026, 11, 22))
    store._last_size = 10 * 1024 * 1024  # noqa: SLF001 (the store's own) — as if the file were large
    store.change(lambda s: setattr(s, "region", "Groot gebied"))
    store.checkpoint()
    store.flush()
    assert sessionfile.parse(store.path.read_bytes()).region == "Groot gebied"
    assert sessionfile.read(store.path).region == "Groot gebied"
    store.close()
