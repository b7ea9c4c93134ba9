"""The reflection rules, with hand-computed cases."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from regionet_tui.core import reflection as core
from regionet_tui.forms import FormError
from regionet_tui.models import Partner, Session
from regionet_tui.models.reflection import (
    CONTENT_THEMES,
    PROCESS_THEMES,
    FollowUp,
    ThemeRating,
)
from regionet_tui.models.stap5 import Milestone


def session_with_partners() -> Session:
    session = Session.create("Ronde", "Rivierenland", date(2026, 11, 12))
    session.partners = [Partner(id="p-a", name="School A"), Partner(id="p-b", name="Bedrijf B")]
    return session


def test_every_new_session_has_the_default_themes_in_two_groups() -> None:
    themes = session_with_partners().reflection.themes
    assert [th.builtin for th in themes] == [*CONTENT_THEMES, *PROCESS_THEMES]
    assert {th.group for th in themes if th.builtin in CONTENT_THEMES} == {"content"}
    assert {th.group for th in themes if th.builtin in PROCESS_THEMES} == {"process"}
    assert len(CONTENT_THEMES) == 5 and len(PROCESS_THEMES) == 9


def test_group_view_is_the_group_score_or_else_the_partner_mean() -> None:
    assert core.group_view(None) is None
    assert core.group_view(ThemeRating()) is None
    assert core.group_view(ThemeRating(per_partner={"p-a": 2, "p-b": 5})) == 3.5
    assert core.group_view(ThemeRating(group=4, per_partner={"p-a": 1})) == 4.0
    assert core.spread(ThemeRating(per_partner={"p-a": 2, "p-b": 5})) == (2, 5)
    assert core.spread(ThemeRating(group=3)) is None


def test_score_text_and_bar() -> None:
    assert core.format_score(3.5) == "3,5"
    assert core.format_score(4.0) == "4"
    assert core.format_score(None) == "–"
    assert core.score_bar(3.5) == "●●●●○"
    assert core.score_bar(2.0) == "●●○○○"
    assert core.score_bar(None) == "○○○○○"


def test_step_group_starts_at_an_end_then_from_the_mean_and_stays_within_1_to_5() -> None:
    session = session_with_partners()
    core.step_group(session, "thm-deadlines", -1)  # not rated: lowering gives the last step
    assert session.reflection.ratings["thm-deadlines"].group == 5
    core.step_group(session, "thm-governance", 1)  # and raising the first
    assert session.reflection.ratings["thm-governance"].group == 1
    core.step_group(session, "thm-governance", -1)
    assert session.reflection.ratings["thm-governance"].group == 1
    core.set_rating(session, "thm-equality", ThemeRating(per_partner={"p-a": 4, "p-b": 5}))
    core.step_group(session, "thm-equality", 1)  # mean 4.5 rounds to 5; +1 stays 5
    assert session.reflection.ratings["thm-equality"].group == 5
    core.step_group(session, "thm-equality", -1)
    assert session.reflection.ratings["thm-equality"].group == 4
    assert session.reflection.ratings["thm-equality"].per_partner == {"p-a": 4, "p-b": 5}


def test_clear_group_puts_a_theme_back_to_not_rated_and_keeps_the_partners_scores() -> None:
    session = session_with_partners()
    core.step_group(session, "thm-deadlines", 1)
    core.clear_group(session, "thm-deadlines")
    assert "thm-deadlines" not in session.reflection.ratings  # nothing left: not rated
    core.set_rating(session, "thm-equality", ThemeRating(group=2, per_partner={"p-a": 4}))
    core.clear_group(session, "thm-equality")
    rating = session.reflection.ratings["thm-equality"]
    assert (rating.group, rating.per_partner) == (None, {"p-a": 4})


def test_attention_toggles_and_an_emptied_rating_is_dropped() -> None:
    session = session_with_partners()
    assert core.toggle_attention(session, "thm-governance") is True
    assert session.reflection.ratings["thm-governance"].attention
    assert core.toggle_attention(session, "thm-governance") is False
    assert "thm-governance" not in session.reflection.ratings


def test_a_rating_for_an_unknown_partner_or_theme_is_refused_and_changes_nothing() -> None:
    session = session_with_partners()
    before = session.model_dump()
    with pytest.raises(FormError):
        core.set_rating(session, "thm-equality", ThemeRating(per_partner={"p-x": 3}))
    with pytest.raises(FormError):
        core.set_rating(session, "thm-nope", ThemeRating(group=3))
    with pytest.raises(ValidationError):
        ThemeRating(group=6)
    assert session.model_dump() == before


def test_custom_themes_can_be_added_renamed_and_removed_but_defaults_stay() -> None:
    session = session_with_partners()
    theme = core.add_theme(session, "t-stage", "Stageplaatsen", "content")
    assert core.theme_name(session.reflection.themes[-1]) == "Stageplaatsen"
    before = session.model_dump()
    with pytest.raises(FormError):
        core.add_theme(session, "t-2", "stageplaatsen", "process")
    with pytest.raises(FormError):
        core.add_theme(session, "t-3", "Tekort aan leraren", "process")  # a default's name
    with pytest.raises(FormError):
        core.remove_theme(session, "thm-teacher_shortage")
    with pytest.raises(FormError):
        core.edit_theme(session, "thm-teacher_shortage", "Anders", "content")
    assert session.model_dump() == before
    core.edit_theme(session, theme.id, "Stages en leerbanen", "process")
    core.set_rating(session, theme.id, ThemeRating(group=2))
    core.add_followup(session, FollowUp(id="f1", what="Stagebank", theme=theme.id))
    core.remove_theme(session, theme.id)
    assert core.find_theme(session, theme.id) is None
    assert theme.id not in session.reflection.ratings
    assert session.reflection.followups[0].theme is None


def test_followups_refuse_unknown_partners_and_get_a_creation_time() -> None:
    session = session_with_partners()
    before = session.model_dump()
    with pytest.raises(FormError):
        core.add_followup(session, FollowUp(id="f1", what="Iets", partner="p-x"))
    assert session.model_dump() == before
    core.add_followup(session, FollowUp(id="f1", what="Iets", partner="p-a"))
    assert session.reflection.followups[0].created is not None
    assert core.is_late(FollowUp(id="f", what="x", when=date(2026, 1, 1)), date(2026, 2, 1))
    assert not core.is_late(FollowUp(id="f", what="x", when=date(2026, 1, 1), status="done"),
                            date(2026, 2, 1))


def test_promoting_a_followup_makes_a_linked_milestone_once() -> None:
    session = session_with_partners()
    session.plan.milestones = [Milestone(id="m-0", title="Bestaand")]
    core.add_followup(session, FollowUp(id="f1", what="Stagebank opzetten", partner="p-b",
                                        when=date(2027, 3, 1), status="in_progress"))
    milestone = core.promote_followup(session, "f1", "m-1")
    assert [m.id for m in session.plan.milestones] == ["m-0", "m-1"]
    assert (milestone.title, milestone.owner, milestone.deadline, milestone.status,
            milestone.followup) == ("Stagebank opzetten", "p-b", date(2027, 3, 1),
                                    "in_progress", "f1")
    assert session.reflection.followups[0].milestone == "m-1"
    before = session.model_dump()
    with pytest.raises(FormError):
        core.promote_followup(session, "f1", "m-2")
    assert session.model_dump() == before
    # When the milestone is gone from the plan, the follow-up can be promoted again.
    session.plan.milestones = [session.plan.milestones[0]]
    core.promote_followup(session, "f1", "m-3")
    assert session.reflection.followups[0].milestone == "m-3"


def test_removing_a_promoted_followup_keeps_the_milestone_unlinked() -> None:
    session = session_with_partners()
    core.add_followup(session, FollowUp(id="f1", what="Stagebank"))
    core.promote_followup(session, "f1", "m-1")
    core.remove_followup(session, "f1")
    assert session.reflection.followups == []
    assert session.plan.milestones[0].followup is None


def test_forget_partner_drops_its_scores_and_assignments() -> None:
    session = session_with_partners()
    core.set_rating(session, "thm-equality", ThemeRating(per_partner={"p-a": 2, "p-b": 4}))
    core.set_rating(session, "thm-deadlines", ThemeRating(per_partner={"p-a": 2}))
    core.add_followup(session, FollowUp(id="f1", what="Iets", partner="p-a"))
    core.forget_partner(session, "p-a")
    assert session.reflection.ratings["thm-equality"].per_partner == {"p-b": 4}
    assert "thm-deadlines" not in session.reflection.ratings
    assert session.reflection.followups[0].partner is None


def test_progress_needs_ratings_and_followups() -> None:
    session = session_with_partners()
    assert core.progress(session) == "empty"
    core.step_group(session, "thm-equality", 1)
    assert core.progress(session) == "in_progress"
    core.add_followup(session, FollowUp(id="f1", what="Iets"))
    assert core.progress(session) == "done"


def test_a_followup_and_its_milestone_keep_one_status() -> None:
    from regionet_tui.core import stap5
    from regionet_tui.core.reflection import in_step, promote_followup, replace_followup
    from regionet_tui.models import Session
    from regionet_tui.models.reflection import FollowUp

    session = Session(id="x", title="Ronde", date=date(2026, 11, 12))
    session.reflection.followups = [FollowUp(id="f", what="Stagebank")]
    promote_followup(session, "f", "m")

    def pair() -> tuple[str, str]:
        return session.reflection.followups[0].status, session.plan.milestones[0].status

    replace_followup(session, session.reflection.followups[0].model_copy(
        update={"status": "done"}))
    assert pair() == ("done", "done")
    stap5.replace_milestone(session, session.plan.milestones[0].model_copy(
        update={"status": "late"}))
    assert pair() == ("in_progress", "late")
    # Another change than the status leaves the other side as it is.
    replace_followup(session, session.reflection.followups[0].model_copy(
        update={"what": "Stagebank techniek"}))
    assert pair() == ("in_progress", "late")
    assert in_step(session.reflection.followups[0], session.plan.milestones[0])
    stap5.replace_milestone(session, session.plan.milestones[0].model_copy(
        update={"status": "planned"}))
    assert pair() == ("open", "planned")
    assert stap5.out_of_step(session) == []
