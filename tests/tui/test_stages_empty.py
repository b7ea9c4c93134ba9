"""STAP 2 to 5 on a session without partners or content: hints, no crashes."""

from __future__ import annotations

from pathlib import Path

from regionet_tui.screens.stage import StageScreen
from regionet_tui.screens.widgets.partner_bar import PartnerBar
from support.app import make_app, make_session

from regionet_tui.storage import SessionLibrary, sessionfile


async def test_every_view_opens_on_an_empty_session(library: SessionLibrary,
                                                    folder: Path) -> None:
    session_id = make_session(library)
    before = library.path_for(session_id).read_bytes()
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        for stage in "2345":
            await pilot.press(stage)
            await pilot.pause()
            # every key of the stage, in both views: nothing to act on, nothing breaks
            for key in ("e", "x", "full_stop", "s", "b", "h", "m", "v", "e", "x", "s"):
                await pilot.press(key)
                await pilot.pause()
                if not isinstance(app.screen, StageScreen):
                    await pilot.press("escape")
                    await pilot.pause()
            assert isinstance(app.screen, StageScreen)
        await pilot.press("3")
        await pilot.pause()
        assert "Nog geen partners" in str(app.screen.query_one(PartnerBar).shown())
    assert library.path_for(session_id).read_bytes() == before
    assert sessionfile.read(library.path_for(session_id)).plan.milestones == []
