"""Every screen of the demo workshop at 80x24, in Dutch and English; the stage
screens also in the projector theme (F9) and the presentation layout (F5).

Each picture is reached by the facilitator's keys from the start screen. A
reviewer reads the SVG diff for clipping, cut labels and hidden fields; after
a deliberate change of a screen, `pytest tests/snapshots --snapshot-update`
writes them all anew (see the README).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from support.snapshots import LANGUAGES, Shot, reach, shot_ids, snapshot_app

SnapCompare = Callable[..., bool]

# The stage screens, each at its first view.
STAGES = [
    Shot("partners"),
    Shot("commitment", ("0",)),
    Shot("stap1-grid", ("1",)),
    Shot("stap2", ("2",)),
    Shot("stap3-own-agenda", ("3",)),
    Shot("stap4-agreements", ("4",)),
    Shot("stap5-list", ("5",)),
    Shot("stap6-flowchart", ("6",)),
    Shot("reflection-praatplaat", ("7",)),
    Shot("share", ("8",)),
]

# The other views of the stages, and the screens that are not a stage.
SCREENS = [
    Shot("start-empty", demo=False),
    Shot("start", ("escape",)),
    *STAGES,
    Shot("stap1-gap-table", ("1", "g")),
    Shot("stap3-shared-agenda", ("3", "v")),
    Shot("stap4-balance", ("4", "v")),
    Shot("stap5-timeline", ("5", "v")),
    Shot("stap6-lists", ("6", "l")),
    Shot("reflection-followup", ("7", "w")),
    Shot("reflection-comparison", ("7", "v")),
    Shot("agenda", ("f8",)),
    Shot("agenda-parking-lot", ("f8", "tab")),
    Shot("room", ("f6",)),
    Shot("palette", ("ctrl+p",)),
    Shot("history", ("1", "e", "j", "escape", "f7")),  # one change, then the history
    Shot("too-small", size=(48, 13)),  # under the smallest size the app is laid out for
]


@pytest.mark.parametrize("shot", SCREENS, ids=shot_ids(SCREENS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_screen(snap_compare: SnapCompare, language: str, shot: Shot) -> None:
    assert snap_compare(snapshot_app(language), run_before=reach(shot),
                        terminal_size=shot.size)


@pytest.mark.parametrize("shot", STAGES, ids=shot_ids(STAGES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_stage_in_projector_theme(snap_compare: SnapCompare, language: str, shot: Shot) -> None:
    assert snap_compare(snapshot_app(language), run_before=reach(shot, theme_key="f9"))


@pytest.mark.parametrize("shot", STAGES, ids=shot_ids(STAGES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_stage_in_presentation_layout(snap_compare: SnapCompare, language: str,
                                      shot: Shot) -> None:
    assert snap_compare(snapshot_app(language), run_before=reach(shot, presenting=True))
