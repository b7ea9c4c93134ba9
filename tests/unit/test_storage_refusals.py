"""A sessions folder that refuses writes (read-only USB stick, share without
write rights) or a full disk: clear errors, and nothing changed or lost."""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path

import pytest
from support.app import make_session
from support.disk import full, read_only
from support.share import folder_snapshot

from regionet_tui import i18n
from regionet_tui.core.partners import add_partner
from regionet_tui.core.rounds import add_next_round
from regionet_tui.models import Partner
from regionet_tui.storage import ReadOnlyError, SaveError, SessionLibrary, sessionfile
from regionet_tui.storage.problems import os_reason

REFUSALS = [errno.EROFS, errno.EACCES, errno.EPERM]


@pytest.mark.parametrize("code", REFUSALS)
def test_a_session_in_a_read_only_folder_opens_read_only(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    session_id = make_session(library, "Op de stick")
    before = folder_snapshot(folder)
    read_only(monkeypatch, folder, code)
    store = library.open(session_id)
    assert store.readonly
    assert store.lock_error is not None and store.lock_error.errno == code
    assert store.session.title == "Op de stick"
    with pytest.raises(ReadOnlyError):
        store.change(lambda s: setattr(s, "region", "Elders"))
    store.close()
    assert folder_snapshot(folder) == before


@pytest.mark.parametrize("code", REFUSALS)
def test_creating_renaming_duplicating_deleting_refuse_and_change_nothing(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    session_id = make_session(library, "Op de stick")
    before = folder_snapshot(folder)
    read_only(monkeypatch, folder, code)
    with pytest.raises(OSError) as created:
        library.create("Nieuw", "", date(2026, 11, 22))
    assert created.value.errno == code
    path = library.path_for(session_id)
    with pytest.raises(OSError):
        library.rename(path, "Andere naam")
    with pytest.raises(OSError):
        add_next_round(library, path, "Volgende ronde", date(2026, 11, 29))
    with pytest.raises(OSError):
        library.delete(path)
    assert folder_snapshot(folder) == before
    assert [e.title for e in library.entries()] == ["Op de stick"]


def test_a_failed_delete_of_the_backup_puts_the_session_back(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = library.create("Met backup", "", date(2026, 11, 22))
    store.change(lambda s: setattr(s, "region", "Betuwe"))  # the first backup
    store.close()
    before = folder_snapshot(folder)
    real_rename = Path.rename

    def backup_refused(self: Path, target: Path) -> Path:
        if self.name.endswith(sessionfile.BACKUP_SUFFIX):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", backup_refused)
    with pytest.raises(PermissionError):
        library.delete(store.path)
    assert folder_snapshot(folder) == before


def test_a_failed_save_is_kept_and_written_once_the_disk_has_room(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = library.create("Ronde 1", "", date(2026, 11, 22))
    disk = full(monkeypatch, folder)
    with pytest.raises(SaveError):
        store.change(lambda s: add_partner(s, Partner.create("ROC Rivierenland", "mbo")))
    assert store.unsaved
    with pytest.raises(SaveError):
        store.save_unsaved()  # still full
    assert sessionfile.read(store.path).partners == []
    disk.refusing = False
    store.save_unsaved()
    assert not store.unsaved
    assert [p.name for p in sessionfile.read(store.path).partners] == ["ROC Rivierenland"]
    store.close()


def test_a_failed_background_save_is_kept_too(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = library.create("Groot", "", date(2026, 11, 22))
    store.wait_for_disk = 0  # a slow disk: the change returns before its line is written
    errors: list[Exception] = []
    store.on_background_error = errors.append
    disk = full(monkeypatch, folder)
    store.change(lambda s: setattr(s, "region", "Betuwe"))
    assert store.unsaved
    assert [type(e) for e in errors] == [SaveError]
    assert "de schijf is vol" in str(errors[0])
    disk.refusing = False
    store.close()  # closing tries once more
    assert sessionfile.read(store.path).region == "Betuwe"


@pytest.mark.parametrize(("code", "nl", "en"), [
    (errno.ENOSPC, "de schijf is vol", "the disk is full"),
    (errno.EROFS, "de map is alleen-lezen", "the folder is read-only"),
    (errno.EACCES, "je hebt geen rechten", "you have no permission"),
    (errno.EIO, "het systeem meldt een fout", "the system reports an error"),
])
def test_the_reason_is_translated_and_the_system_text_is_only_a_detail(
    code: int, nl: str, en: str
) -> None:
    import os

    error = OSError(code, os.strerror(code))
    assert os_reason(error).startswith(nl)
    assert f"({'melding van het systeem: ' if code != errno.EIO else ''}{os.strerror(code)})" \
        in os_reason(error)
    i18n.set_language("en")
    assert os_reason(error).startswith(en)


def test_a_session_that_cannot_even_be_read_is_listed_with_the_reason(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = make_session(library, "Geen leesrechten")
    path = library.path_for(session_id)
    real_open = os.open

    def refused(name: str | Path, flags: int, *args: int, **kwargs: int) -> int:
        if Path(name) == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refused)
    [entry] = library.entries()
    assert entry.damage is not None and entry.damage.reason == "no_permission"
    assert i18n.t(f"damage.{entry.damage.reason}") == "je hebt geen rechten om dit bestand te lezen"


def test_restoring_the_backup_on_a_full_disk_leaves_the_damaged_file_in_place(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = library.create("Ronde 1", "", date(2026, 11, 22))
    store.change(lambda s: setattr(s, "region", "Betuwe"))  # the backup holds the first save
    store.close()
    store.path.write_bytes(b'{"session": {"1": {"schema_ver')
    [entry] = library.entries()
    from regionet_tui.storage import library as library_module

    real_write = library_module.atomic_write

    def full_for_the_session(path: Path, data: bytes, **kwargs: object) -> None:
        if path == entry.path:  # the copy in damaged/ fits, the session does not
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real_write(path, data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(library_module, "atomic_write", full_for_the_session)
    damaged = entry.path.read_bytes()
    with pytest.raises(OSError):
        library.restore_backup(entry)
    assert entry.path.read_bytes() == damaged
    assert sessionfile.read(sessionfile.backup_path(entry.path)).region == ""


def test_a_failed_background_save_is_reported_once_the_writer_is_free() -> None:
    """The interface may wait in flush() (closing, quitting) while the report of a
    failed write waits for the interface: the report must come after the writer
    is done, so that a flush from it returns at once instead of timing out."""
    import threading

    from regionet_tui.storage.store import _BackgroundWriter

    reported = threading.Event()
    flushed_in_time: list[bool] = []

    def write(snapshot: bytes, seq: int) -> None:
        raise OSError(28, "No space left on device")

    def on_error(error: Exception) -> None:
        started = threading.Event()
        waiter = threading.Thread(target=lambda: (started.set(), writer.flush(timeout=5)))
        waiter.start()
        started.wait()
        waiter.join(timeout=2)
        flushed_in_time.append(not waiter.is_alive())
        reported.set()

    writer = _BackgroundWriter(write, on_error)
    writer.submit(b"{}", 1)
    assert reported.wait(timeout=10)
    writer.stop()
    assert flushed_in_time == [True]
