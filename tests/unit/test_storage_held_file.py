"""Saving while another program holds the session's files for a moment
(OneDrive, a virus scanner, the search indexer on Windows): a change goes to
the session's journal, the snapshot and its backup replace the session file;
each is tried again, briefly, and a file still held is reported like a full
disk."""

from __future__ import annotations

import errno
import os
import time
from datetime import date
from pathlib import Path

import pytest
from support.held import hold, hold_while_moving

from regionet_tui.core.partners import add_partner
from regionet_tui.i18n import set_language
from regionet_tui.models import Partner
from regionet_tui.storage import SaveError, SessionLibrary, sessionfile
from regionet_tui.storage.atomic import atomic_write
from regionet_tui.storage.journal import journal_path
from regionet_tui.storage.problems import os_reason
from regionet_tui.storage.replace import REPLACE_PAUSES, FileBusyError, replace_with_retry


def partner_names(path: Path) -> list[str]:
    return [p.name for p in sessionfile.read(path).partners]


def test_the_pauses_stay_well_under_a_second() -> None:
    assert 0.2 <= sum(REPLACE_PAUSES) <= 0.3
    assert len(REPLACE_PAUSES) >= 5


@pytest.mark.parametrize("times", [1, 3, len(REPLACE_PAUSES)])
def test_a_file_held_for_a_moment_is_saved_on_a_later_try(
    library: SessionLibrary, monkeypatch: pytest.MonkeyPatch, times: int
) -> None:
    store = library.create("Ronde 1", "Rivierenland", date(2026, 11, 22))
    held = hold(monkeypatch, journal_path(store.path), times)  # where a change goes
    started = time.perf_counter()
    store.change(lambda s: add_partner(s, Partner.create("ROC Rivierenland", "mbo")))
    waited = time.perf_counter() - started
    assert held.tries == times + 1
    assert partner_names(store.path) == ["ROC Rivierenland"]
    assert not store.unsaved
    assert waited < 1.0
    store.close()


def test_a_file_held_through_every_try_is_reported_and_the_next_change_saves(
    library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = library.create("Ronde 1", "Rivierenland", date(2026, 11, 22))
    before = store.path.read_bytes()
    held = hold(monkeypatch, journal_path(store.path), times=1000)
    started = time.perf_counter()
    with pytest.raises(SaveError) as failure:
        store.change(lambda s: add_partner(s, Partner.create("ROC Rivierenland", "mbo")))
    waited = time.perf_counter() - started
    assert held.tries == len(REPLACE_PAUSES) + 1
    assert sum(REPLACE_PAUSES) <= waited < 1.0
    assert isinstance(failure.value.error, FileBusyError)
    assert "een ander programma hield het bestand vast" in str(failure.value)
    assert "OneDrive" in str(failure.value)
    # The change is in memory, the files as they were, no temp file left behind.
    assert [p.name for p in store.session.partners] == ["ROC Rivierenland"]
    assert store.path.read_bytes() == before
    assert partner_names(store.path) == []
    assert store.unsaved
    assert not list(store.path.parent.glob(".*.tmp"))

    held.release()
    store.change(lambda s: add_partner(s, Partner.create("Gemeente Tiel", "government")))
    assert partner_names(store.path) == ["ROC Rivierenland", "Gemeente Tiel"]
    assert not store.unsaved
    store.close()


def test_the_reason_is_said_in_english_too(
    library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = library.create("Round 1", "", date(2026, 11, 22))
    hold(monkeypatch, journal_path(store.path), times=1000)
    set_language("en")
    with pytest.raises(SaveError) as failure:
        store.change(lambda s: setattr(s, "region", "Betuwe"))
    assert "another program held the file" in str(failure.value)
    store.close()


def test_a_held_backup_is_waited_for_as_well(
    library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = library.create("Ronde 1", "Achterhoek", date(2026, 11, 22))
    backup = sessionfile.backup_path(store.path)
    held = hold(monkeypatch, backup, times=2)
    store.change(lambda s: setattr(s, "region", "Twente"))
    store.checkpoint()  # a pause: the snapshot replaces the file, the backup keeps the old one
    assert held.tries == 3
    assert sessionfile.read(backup).region == "Achterhoek"
    assert sessionfile.read(store.path).region == "Twente"
    store.close()


def test_a_full_disk_is_not_tried_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "rapport.md"
    target.write_bytes(b"oud")
    tries = 0

    def full_disk(source: object, destination: object) -> None:
        nonlocal tries
        tries += 1
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError) as failure:
        atomic_write(target, b"nieuw")
    assert failure.value.errno == errno.ENOSPC
    assert not isinstance(failure.value, FileBusyError)
    assert tries == 1
    assert target.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.md"]


def test_replace_with_retry_sleeps_only_between_refused_tries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = tmp_path / "nieuw", tmp_path / "doel"
    source.write_bytes(b"nieuw")
    target.write_bytes(b"oud")
    hold(monkeypatch, target, times=2)
    slept: list[float] = []
    replace_with_retry(source, target, pauses=(0.5, 0.25, 0.125), sleep=slept.append)
    assert slept == [0.5, 0.25]
    assert target.read_bytes() == b"nieuw" and not source.exists()


def test_a_session_held_for_a_moment_still_goes_to_the_trash(
    library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = library.create("Weg ermee", "", date(2026, 11, 22))
    store.close()
    held = hold_while_moving(monkeypatch, store.path, times=3)
    trashed = library.delete(store.path)
    assert held.tries == 4
    assert not store.path.exists() and sessionfile.read(trashed).title == "Weg ermee"


def test_a_session_held_through_every_try_stays_where_it_is(
    library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = library.create("Vastgehouden", "", date(2026, 11, 22))
    store.close()
    hold_while_moving(monkeypatch, store.path, times=1000)
    with pytest.raises(FileBusyError) as failure:
        library.delete(store.path)
    assert "een ander programma hield het bestand vast" in os_reason(failure.value)
    assert [e.title for e in library.entries()] == ["Vastgehouden"]
    assert library.trashed() == []
