"""The stage bar follows every change, but a key works out only the status of
the stages whose data it changed: a score in STAP 1 costs the same with many
partners in the other stages."""

from __future__ import annotations

from pathlib import Path

import pytest
from regionet_tui.screens.widgets.stage_nav import StageNav
from support.app import make_app
from support.stap1 import prepared_session
from test_stap1 import open_stap1

from regionet_tui import progress
from regionet_tui.storage import SessionLibrary, sessionfile


async def test_a_score_key_works_out_stap1_alone_and_the_bar_shows_it(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = prepared_session(library)
    app = make_app(folder)
    worked_out: list[str] = []
    status = progress.status

    def counted(session: object, stage_id: str) -> progress.Status:
        worked_out.append(stage_id)
        return status(session, stage_id)  # type: ignore[arg-type]

    async with app.run_test(size=(100, 30)) as pilot:
        await open_stap1(app, pilot)
        nav = app.screen.query_one(StageNav)
        assert nav.statuses["stap1"] == "empty"
        assert nav.statuses["commitment"] == "done"
        await pilot.press("e")  # the grid takes scores
        await pilot.pause()
        monkeypatch.setattr(progress, "status", counted)
        await pilot.press("j", "7")
        await pilot.pause()
        assert worked_out == ["stap1", "stap1"]
        assert nav.statuses["stap1"] == "in_progress"
        assert "1 STAP 1 ◐" in str(nav.render())
        assert nav.statuses["commitment"] == "done"
    score = sessionfile.read(path).portfolio.scores["p-school"]["svc-arbeidspool"]
    assert (score.offered, score.quality) == (True, 7)
