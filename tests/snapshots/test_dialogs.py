"""Every dialog at 80x24, in Dutch and English, opened with its key over the screen
it belongs to in the demo workshop, with its first field focused as it opens.

A field under the buttons or cut off at the edge shows in the picture; the
keyboard walk (tests/tui/test_keyboard_walk.py) checks that Tab reaches each
one and shows it whole.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from regionet_tui.screens.base import RegionetModal
from support.snapshots import (
    LANGUAGES,
    PARTNER_FILE,
    Shot,
    partner_file_with_conflict,
    reach,
    shot_ids,
    snapshot_app,
)
from textual.screen import Screen

SnapCompare = Callable[..., bool]

DIALOGS = [
    # the start screen, the demo selected
    Shot("start-new-session", ("escape", "n")),
    Shot("start-rename", ("escape", "r")),
    Shot("start-next-round", ("escape", "u")),
    Shot("start-delete", ("escape", "x")),
    Shot("start-trash", ("escape", "t")),
    Shot("start-import", ("escape", "i")),
    Shot("start-help", ("escape", "question_mark")),
    # everywhere in a session
    Shot("session-details", ("i",)),
    Shot("stage-help", ("question_mark",)),
    Shot("park", ("f2",)),
    # the stages
    Shot("partners-add", ("a",)),
    Shot("partners-edit", ("e",)),
    Shot("partners-remove", ("x",)),
    Shot("commitment-note", ("0", "o")),
    Shot("commitment-reason", ("0", "r")),
    Shot("stap1-add-service", ("1", "a")),
    Shot("stap1-rename-service", ("1", "r")),
    Shot("stap1-remove-service", ("1", "x")),
    Shot("stap2-edit", ("2", "e")),
    Shot("stap3-own-add", ("3", "a")),
    Shot("stap3-own-edit", ("3", "e")),
    Shot("stap3-goal", ("3", "g")),
    Shot("stap3-own-remove", ("3", "x")),
    Shot("stap3-shared-add", ("3", "v", "a")),
    Shot("stap3-shared-edit", ("3", "v", "e")),
    Shot("stap4-add", ("4", "a")),
    Shot("stap4-gives", ("4", "b")),
    Shot("stap4-gets", ("4", "h")),
    Shot("stap4-edit", ("4", "e")),
    Shot("stap4-remove", ("4", "x")),
    Shot("stap4-signoff", ("4", "v", "s")),
    Shot("stap5-add", ("5", "a")),
    Shot("stap5-edit", ("5", "e")),
    Shot("stap5-remove", ("5", "x")),
    Shot("stap6-add-box", ("6", "n")),
    Shot("stap6-add-arrow", ("6", "c")),
    Shot("stap6-generate", ("6", "g")),
    Shot("stap6-edit-box", ("6", "l", "e")),
    Shot("stap6-remove-box", ("6", "l", "x")),
    Shot("reflection-rate", ("7", "e")),
    Shot("reflection-add-theme", ("7", "a")),
    Shot("reflection-followup-from-theme", ("7", "o")),
    Shot("reflection-followup-add", ("7", "w", "a")),
    Shot("reflection-followup-edit", ("7", "w", "e")),
    Shot("reflection-followup-remove", ("7", "w", "x")),
    Shot("share-merge", ("m", *PARTNER_FILE, "enter"), before=partner_file_with_conflict),
    Shot("agenda-minutes", ("f8", "e")),
    Shot("agenda-add-stage", ("f8", "a")),
    Shot("agenda-remove", ("f8", "x")),
    Shot("agenda-park", ("f8", "tab", "a")),
    Shot("agenda-parked-edit", ("f8", "tab", "e")),
    Shot("room-close", ("f6", "c")),
]


@pytest.mark.parametrize("shot", DIALOGS, ids=shot_ids(DIALOGS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_dialog(snap_compare: SnapCompare, language: str, shot: Shot) -> None:
    shown: list[Screen[object]] = []
    assert snap_compare(snapshot_app(language), run_before=reach(shot, shown=shown))
    assert isinstance(shown[-1], RegionetModal), f"{shot.keys} opened no dialog: {shown}"
