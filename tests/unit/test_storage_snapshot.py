"""The saved file is written from pydantic's JSON of the session, as a TinyDB file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tinydb import TinyDB

from regionet_tui.core.partners import add_partner
from regionet_tui.models import Partner
from regionet_tui.storage import SessionLibrary, sessionfile
from regionet_tui.storage.tinystore import AtomicJSONStorage, frame


def test_the_file_is_the_session_as_tinydb_reads_it(library: SessionLibrary) -> None:
    store = library.create("Ronde 1", "Rivierenland", date(2026, 11, 22), "Marieke")
    store.change(lambda s: add_partner(s, Partner.create("Café \"De Brug\" ✓", "company")))
    store.checkpoint()  # a pause: the snapshot is written
    with TinyDB(store.path, access_mode="r") as database:
        record = database.table(sessionfile.TABLE).get(doc_id=sessionfile.DOC_ID)
    assert record == store.session.model_dump(mode="json")
    raw = json.loads(store.path.read_bytes())
    assert raw[sessionfile.TABLE] == sessionfile.document(store.session)[sessionfile.TABLE]
    store.close()


def test_a_background_save_writes_the_state_of_its_change(library: SessionLibrary) -> None:
    store = library.create("Groot", "", date(2026, 11, 22))
    store._last_size = 10 * 1024 * 1024  # noqa: SLF001 (the store's own) — as if the file were large: the writer thread saves
    store.change(lambda s: setattr(s, "region", "Eerste"))
    store.checkpoint()
    store.change(lambda s: setattr(s, "region", "Tweede"))
    store.checkpoint()
    store.flush()
    assert sessionfile.parse(store.path.read_bytes()).region == "Tweede"
    # the backup is the file before the last write: two snapshots may make one write
    backup = sessionfile.backup_path(store.path).read_bytes()
    assert sessionfile.parse(backup).region in ("", "Eerste")
    store.close()


def test_the_storage_reads_back_what_was_written_encoded(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    storage = AtomicJSONStorage(path)
    storage.write_encoded(frame("session", 1, b'{"a":[1,2]}'))
    assert storage.read() == {"session": {"1": {"a": [1, 2]}}}
