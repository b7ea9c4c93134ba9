"""A follow-up and the STAP 5 milestone it became stay in step: done in one is
done in the other; where a file brings them out of step, the screens say so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from support.app import make_app, screen_text
from test_reflection_screen import make_network, open_reflection

from regionet_tui.core.reflection import promote_followup
from regionet_tui.models import Session
from regionet_tui.models.reflection import FollowUp
from regionet_tui.storage import SessionLibrary, sessionfile


def with_promoted_followup(library: SessionLibrary) -> Path:
    path = make_network(library)
    store = library.open(path.stem)

    def add(session: Session) -> None:
        session.reflection.followups = [FollowUp(id="f1", what="Stagebank opzetten",
                                                 when=date(2027, 3, 1))]
        promote_followup(session, "f1", "m1")

    store.change(add)
    store.close()
    return path


def statuses(path: Path) -> tuple[str, str]:
    saved = sessionfile.read(path)
    return saved.reflection.followups[0].status, saved.plan.milestones[0].status


async def test_a_status_set_on_either_side_is_taken_over_by_the_other(
    library: SessionLibrary, folder: Path
) -> None:
    path = with_promoted_followup(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_reflection(app, pilot)
        await pilot.press("w")  # the Follow-up plaat
        await pilot.pause()
        await pilot.press("s", "s")  # open -> in progress -> done
        await pilot.pause()
        assert statuses(path) == ("done", "done")
        assert "→ klaar" in screen_text(app)
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("s")  # done -> late: not done any more
        await pilot.pause()
        assert statuses(path) == ("in_progress", "late")
        await pilot.press("s")  # late -> planned
        await pilot.pause()
        assert statuses(path) == ("open", "planned")
        await pilot.press("s", "s")  # planned -> in progress -> done
        await pilot.pause()
        assert statuses(path) == ("done", "done")
        await pilot.press("7")
        await pilot.pause()
        assert "≠" not in screen_text(app)


async def test_a_followup_and_milestone_out_of_step_are_pointed_out(
    library: SessionLibrary, folder: Path
) -> None:
    path = with_promoted_followup(library)
    store = library.open(path.stem)  # as a merged file could leave them
    store.change(lambda s: setattr(s.reflection, "followups", [
        s.reflection.followups[0].model_copy(update={"status": "done"})]))
    store.close()
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_reflection(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        text = screen_text(app)
        assert "→ gepland ≠ verschilt" in text
        assert "Dat verschilt van deze vervolgafspraak" in text
        await pilot.press("5")
        await pilot.pause()
        assert ("\"Stagebank opzetten\" staat op gepland, maar de vervolgafspraak waar de "
                "mijlpaal uit komt staat op klaar") in screen_text(app)
        await pilot.press("s", "s")  # planned -> in progress -> done: in step again
        await pilot.pause()
        assert statuses(path) == ("done", "done")
        assert "staat op klaar" not in screen_text(app)
