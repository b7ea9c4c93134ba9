"""The journal beside a session file: replay, a cut-off last line, a damaged
journal, undo across a restart, and opening only under the lock."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regionet_tui.core.partners import add_partner
from regionet_tui.models import Partner
from regionet_tui.storage import SessionLibrary, sessionfile
from regionet_tui.storage.journal import journal_path
from regionet_tui.storage.store import SessionStore


def _store(library: SessionLibrary) -> SessionStore:
    return library.create("Ronde 1", "Rivierenland", date(2026, 11, 22))


def test_opening_is_the_snapshot_plus_the_changes_after_it(library: SessionLibrary) -> None:
    store = _store(library)
    store.change(lambda s: add_partner(s, Partner.create("ROC Rivierenland", "mbo")))
    store.change(lambda s: setattr(s, "region", "Betuwe"))
    store.flush()
    # Not yet written whole: the snapshot lacks both, the journal has them.
    assert sessionfile.parse(store.path.read_bytes()).partners == []
    current = sessionfile.read(store.path)
    assert [p.name for p in current.partners] == ["ROC Rivierenland"]
    assert current.region == "Betuwe"
    store.close()
    assert sessionfile.parse(store.path.read_bytes()).region == "Betuwe"


def test_a_cut_off_last_line_is_dropped_and_the_rest_kept(library: SessionLibrary) -> None:
    store = _store(library)
    store.change(lambda s: setattr(s, "region", "Eerste"))
    store.change(lambda s: setattr(s, "region", "Tweede"))
    store.flush()
    path, journal = store.path, journal_path(store.path)
    data, snapshot = journal.read_bytes(), path.read_bytes()
    store.close()
    path.write_bytes(snapshot)  # as a killed process left them: no snapshot at the end
    journal.write_bytes(data[:-7])  # and the crash cut the last line
    reopened = SessionStore.open(path)
    assert reopened.session.region == "Eerste"
    assert reopened.journal_notice is None
    reopened.change(lambda s: setattr(s, "region", "Derde"))
    reopened.close()
    assert sessionfile.read(path).region == "Derde"


def test_a_damaged_journal_opens_the_snapshot_says_so_and_is_moved_aside(
        library: SessionLibrary, folder: Path) -> None:
    store = _store(library)
    store.change(lambda s: setattr(s, "region", "Eerste"))
    store.close()
    journal = journal_path(store.path)
    journal.write_bytes(journal.read_bytes() + b"garbage\n{}\n")
    reopened = SessionStore.open(store.path)
    assert reopened.session.region == "Eerste"
    assert reopened.journal_notice is not None
    assert reopened.journal_notice.reason == "damaged"
    aside = reopened.journal_notice.aside
    assert aside is not None and aside.exists() and b"garbage" in aside.read_bytes()
    reopened.change(lambda s: setattr(s, "region", "Tweede"))
    reopened.close()
    assert sessionfile.read(store.path).region == "Tweede"


def test_a_change_that_does_not_apply_makes_the_journal_damaged(library: SessionLibrary) -> None:
    store = _store(library)
    store.change(lambda s: setattr(s, "region", "Eerste"))
    store.flush()
    path = store.path
    journal = journal_path(path)
    data = journal.read_bytes().replace(b'"o":"Rivierenland"', b'"o":"Elders"')
    store.close()
    # The snapshot from before the change, the journal with a wrong old value.
    snapshot = sessionfile.backup_path(path).read_bytes()
    path.write_bytes(snapshot)
    journal.write_bytes(data)
    reopened = SessionStore.open(path)
    assert reopened.journal_notice is not None
    assert reopened.session.region == "Rivierenland"
    reopened.close()


def test_the_journal_is_cut_at_any_byte_and_still_opens(library: SessionLibrary) -> None:
    store = _store(library)
    for n in range(12):
        store.change(lambda s, n=n: setattr(s, "region", f"Regio {n}"))
    store.flush()
    data = journal_path(store.path).read_bytes()
    snapshot = store.path.read_bytes()
    store.close()
    chance = random.Random(7)
    header_end = data.index(b"\n") + 1
    for cut in sorted(chance.sample(range(header_end, len(data)), 40)):
        store.path.write_bytes(snapshot)
        journal_path(store.path).write_bytes(data[:cut])
        complete = data[:cut].count(b"\n") - 1
        opened = SessionStore.open(store.path)
        expected = f"Regio {complete - 1}" if complete else "Rivierenland"
        assert opened.session.region == expected, cut
        assert opened.journal_notice is None
        opened.close()


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["region", "facilitator", "partner", "undo", "redo"]),
                          st.text(alphabet="abc xyz", min_size=1, max_size=6)), max_size=12))
def test_replay_equals_memory_and_undo_restores_exactly(
        tmp_path_factory: object, steps: list[tuple[str, str]]) -> None:
    folder = tmp_path_factory.mktemp("s")  # type: ignore[attr-defined]
    library = SessionLibrary(folder)
    store = _store(library)
    for action, text in steps:
        before = store.session.model_dump()
        if action == "undo":
            store.undo()
            continue
        if action == "redo":
            store.redo()
            continue
        if action == "partner":
            store.change(lambda s, text=text: add_partner(s, Partner.create(text.strip() or "p")))
        else:
            store.change(lambda s, action=action, text=text: setattr(s, action, text))
        if store.session.model_dump() == before:
            continue  # the same value again: no change, nothing to undo
        store.undo()
        after_undo = store.session.model_dump()
        before.pop("modified"), after_undo.pop("modified")
        assert after_undo == before
        store.redo()
    store.flush()
    replayed = sessionfile.read(store.path).model_dump()
    memory = store.session.model_dump()
    assert replayed == memory
    store.close()


WORKER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from regionet_tui.storage import DamagedSessionFile, SessionInUseError, SessionLibrary
    from regionet_tui.storage.library import SessionGoneError
    from regionet_tui.storage.store import SessionStore

    library = SessionLibrary(Path(sys.argv[1]))
    path = Path(sys.argv[2])
    for step in range(int(sys.argv[3])):
        if sys.argv[4] == "delete":
            try:
                library.delete(path)
                print("deleted", flush=True)
                break
            except (SessionInUseError, SessionGoneError):
                continue
        try:
            store = SessionStore.open(path)
        except (SessionGoneError, DamagedSessionFile):
            break
        if not store.readonly:
            store.change(lambda s, step=step: setattr(s, "region", f"r{step}"))
        store.close()
    """
)


def test_a_session_deleted_while_others_open_it_is_never_written_back(
        library: SessionLibrary, folder: Path) -> None:
    """Several processes open and change a session while another deletes it:
    once deleted it stays deleted (no window writes it back), and only the
    trash holds it."""
    for _round in range(4):
        created = _store(library)
        path = created.path
        created.close()
        openers = [subprocess.Popen([sys.executable, "-c", WORKER, str(folder), str(path),
                                     "40", "open"], stderr=subprocess.PIPE, text=True)
                   for _ in range(3)]
        deleter = subprocess.Popen([sys.executable, "-c", WORKER, str(folder), str(path),
                                    "400", "delete"], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        out, err = deleter.communicate(timeout=120)
        for opener in openers:
            _, opener_err = opener.communicate(timeout=120)
            assert opener.returncode == 0, opener_err
        assert deleter.returncode == 0, err
        if "deleted" in out:
            assert not path.exists()
            assert not journal_path(path).exists()
