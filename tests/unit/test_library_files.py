"""The library acts on the file of the session chosen, also when its name is not
`<id>.json` and another file holds a session of the same id; two windows
doing the same thing at the same moment never make a session appear twice."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from support.app import make_session
from support.share import restored_beside_its_copy

from regionet_tui.core.rounds import add_next_round
from regionet_tui.storage import DamagedSessionFile, SessionLibrary, sessionfile
from regionet_tui.storage.library import (
    MOVING_SUFFIX,
    SessionGoneError,
    SessionInUseError,
    recover_stale_moves,
)


def titles(folder: Path) -> dict[str, str]:
    """File name -> title of every session file in `folder`."""
    return {path.name: sessionfile.read(path).title for path in folder.glob("*.json")
            if not path.name.startswith(".")}


def test_delete_rename_and_next_round_act_on_the_file_chosen(
    library: SessionLibrary, folder: Path, tmp_path: Path
) -> None:
    restored, copy = restored_beside_its_copy(library, tmp_path)
    library.rename(restored, "De teruggezette")
    assert titles(folder)[restored.name] == "De teruggezette"
    assert titles(folder)[copy.name] != "De teruggezette"

    next_round = add_next_round(library, restored, "Volgende", date(2026, 11, 29))
    assert next_round.predecessor_title == "De teruggezette"

    library.delete(restored)
    assert restored.name not in titles(folder) and copy.name in titles(folder)
    assert "De teruggezette" in titles(library.trash).values()


def test_the_loser_of_two_deletes_is_told_the_session_is_gone(library: SessionLibrary) -> None:
    path = library.path_for(make_session(library, "Twee keer weg"))
    library.delete(path)
    with pytest.raises(SessionGoneError):
        library.delete(path)
    with pytest.raises(SessionGoneError):
        library.rename(path, "Nog eens")
    [trashed] = library.trashed()
    library.restore(trashed)
    with pytest.raises(SessionGoneError):
        library.restore(trashed)


def test_two_restores_at_once_put_the_session_back_once(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library.delete(library.path_for(make_session(library, "Terug")))
    [trashed] = library.trashed()
    real_link = os.link
    raced: list[Any] = []

    def other_window_first(source: Any, target: Any, **options: Any) -> None:
        if not raced:  # the other window restores while this one is halfway
            raced.append(True)
            with pytest.raises(SessionGoneError):
                library.restore(trashed)
        real_link(source, target, **options)

    monkeypatch.setattr(os, "link", other_window_first)
    library.restore(trashed)
    assert list(titles(folder).values()) == ["Terug"]
    assert library.trashed() == [] and not list(folder.rglob(f"*{MOVING_SUFFIX}"))


def test_a_rename_never_writes_back_a_session_deleted_meanwhile(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is read only once its lock is held: a delete while it is read
    is refused as "in use", and the rename keeps the one session there is."""
    path = library.path_for(make_session(library, "Weg"))
    real_read = sessionfile.read_bytes
    refused: list[type[Exception]] = []

    def delete_tried_while_reading(target: Path) -> Any:
        if target == path:
            try:
                library.delete(path)  # another window, while this one reads
            except (SessionInUseError, SessionGoneError) as error:
                refused.append(type(error))
        return real_read(target)

    monkeypatch.setattr(sessionfile, "read_bytes", delete_tried_while_reading)
    library.rename(path, "Toch terug?")
    monkeypatch.undo()
    assert refused == [SessionInUseError]
    assert list(titles(folder).values()) == ["Toch terug?"]
    assert list(titles(library.trash).values()) == []


def test_a_session_deleted_before_its_lock_is_taken_is_never_opened(
    library: SessionLibrary, folder: Path
) -> None:
    path = library.path_for(make_session(library, "Weg"))
    library.delete(path)
    with pytest.raises(SessionGoneError):
        library.rename(path, "Toch terug?")
    assert not path.exists()
    assert list(titles(library.trash).values()) == ["Weg"]


def test_a_damaged_file_is_still_reported_as_damaged(library: SessionLibrary) -> None:
    path = library.path_for(make_session(library, "Kapot"))
    path.write_bytes(b'{"session": ')
    with pytest.raises(DamagedSessionFile):
        library.rename(path, "Heel")


def test_a_move_a_crash_cut_short_is_put_back_at_the_next_start(
    library: SessionLibrary, folder: Path
) -> None:
    kept = library.path_for(make_session(library, "Halverwege"))
    placed = library.path_for(make_session(library, "Al verplaatst"))
    claimed = folder / f".{kept.name}.0123456789ab{MOVING_SUFFIX}"
    kept.rename(claimed)  # claimed for the trash, then the crash
    library.trash.mkdir()
    twice = folder / f".{placed.name}.ba9876543210{MOVING_SUFFIX}"
    placed.rename(twice)
    os.link(twice, library.trash / placed.name)  # placed in the trash, not yet tidied
    SessionLibrary(folder).prepare()  # just now: as good as a move of another window
    assert claimed.exists() and twice.exists()
    assert recover_stale_moves(folder, older_than=-1) == 1  # as if a minute had passed
    assert titles(folder) == {kept.name: "Halverwege"}
    assert titles(library.trash) == {placed.name: "Al verplaatst"}
    assert not list(folder.rglob(f"*{MOVING_SUFFIX}"))
