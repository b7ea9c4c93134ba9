"""The models keep every id unique within its session and every date within the
years a session holds, however the value arrives: built, assigned, read from
disk or imported. The timeline stays safe at the ends of the calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from pydantic import ValidationError

from regionet_tui.core.stap5_timeline import layout
from regionet_tui.models import Partner, Session
from regionet_tui.models.reflection import FollowUp, Reflection, Theme
from regionet_tui.models.stap1 import Portfolio, Service
from regionet_tui.models.stap3 import AgendaItem, LongTermGoal, SharedItem
from regionet_tui.models.stap4 import Agreement, Deal
from regionet_tui.models.stap5 import Milestone, TransitionPlan
from regionet_tui.models.stap6 import Flowchart, FlowEdge, FlowNode
from regionet_tui.models.workshop import AgendaSlot, ParkingItem, Workshop


def refused(change: Any) -> dict[str, Any]:
    with pytest.raises(ValidationError) as error:
        change()
    first: dict[str, Any] = error.value.errors()[0]  # type: ignore[assignment]
    return first


TWICE = [
    (Session, "partners", [Partner(id="p", name="A"), Partner(id="p", name="B")], (1, "id")),
    (Portfolio, "services", [Service(id="s", name="A"), Service(id="s", name="B")], (1, "id")),
    (LongTermGoal, "own", {"p": [AgendaItem(id="o", title="A")],
                           "q": [AgendaItem(id="o", title="B")]}, ("q", 0, "id")),
    (LongTermGoal, "shared", [SharedItem(id="g", title="A"), SharedItem(id="g", title="B")],
     (1, "id")),
    (Deal, "agreements", [Agreement(id="a", what="A"), Agreement(id="a", what="B")], (1, "id")),
    (TransitionPlan, "milestones", [Milestone(id="m", title="A"), Milestone(id="m", title="B")],
     (1, "id")),
    (Flowchart, "nodes", [FlowNode(id="n", label="A"), FlowNode(id="n", label="B")], (1, "id")),
    (Flowchart, "edges", [FlowEdge(id="e", source="a", target="b"),
                          FlowEdge(id="e", source="b", target="a")], (1, "id")),
    (Reflection, "themes", [Theme(id="t", name="A"), Theme(id="t", name="B")], (1, "id")),
    (Reflection, "followups", [FollowUp(id="f", what="A"), FollowUp(id="f", what="B")],
     (1, "id")),
    (Workshop, "agenda", [AgendaSlot(stage="stap1"), AgendaSlot(stage="stap1")], (1, "stage")),
    (Workshop, "parking", [ParkingItem(id="k", text="A"), ParkingItem(id="k", text="B")],
     (1, "id")),
]


def _session() -> Session:
    return Session.create("Ronde", "", date(2026, 11, 22))


def _empty(model: type) -> Any:
    return _session() if model is Session else model()


@pytest.mark.parametrize(("model", "field", "value", "at"), TWICE,
                         ids=[f"{m.__name__}.{f}" for m, f, _, _ in TWICE])
def test_an_id_twice_is_refused_when_built_and_when_assigned(
    model: type, field: str, value: Any, at: tuple[Any, ...]
) -> None:
    target = _empty(model)
    problem = refused(lambda: setattr(target, field, value))
    assert problem["type"] == "duplicate_id" and problem["loc"] == (field,)
    assert problem["ctx"]["at"] == at
    assert getattr(target, field) != value  # the model is as it was
    data = {**_empty(model).model_dump(), field: value}
    assert refused(lambda: model.model_validate(data))["type"] == "duplicate_id"


def test_the_same_id_in_different_parts_is_fine() -> None:
    session = _session()
    session.partners = [Partner(id="x", name="A")]
    session.plan.milestones = [Milestone(id="x", title="A")]
    session.reflection.followups = [FollowUp(id="x", what="A")]
    assert Session.model_validate_json(session.model_dump_json()) == session


@pytest.mark.parametrize("value", [date(9999, 12, 31), date(1, 1, 1), date(1899, 12, 31),
                                   date(2200, 1, 1)])
def test_a_date_outside_the_years_is_refused(value: date) -> None:
    milestone = Milestone(id="m", title="A")
    problem = refused(lambda: setattr(milestone, "deadline", value))
    assert problem["type"] == "date_out_of_range" and milestone.deadline is None
    assert refused(lambda: Session.create("R", "", value))["type"] == "date_out_of_range"
    moment = datetime(value.year, value.month, value.day, tzinfo=UTC)
    assert refused(lambda: AgendaSlot(stage="stap1", started_at=moment))[
        "type"] == "date_out_of_range"


def test_the_first_and_last_day_are_fine_and_the_timeline_draws_them() -> None:
    first, last = date(1900, 1, 1), date(2199, 12, 31)
    milestones = [Milestone(id="a", title="Begin", deadline=first),
                  Milestone(id="b", title="Eind", start=date(2199, 11, 1), deadline=last)]
    for scale in ("month", "quarter"):
        chart = layout(milestones, date(2026, 11, 22), scale)  # type: ignore[arg-type]
        assert chart.periods[0].start == first and chart.periods[-1].end == last


def test_the_timeline_is_safe_at_the_end_of_the_calendar() -> None:
    """A date the models would refuse (from before they did) draws, not crashes."""
    far = Milestone.model_construct(id="z", title="Ooit", start=None, deadline=date.max,
                                    status="planned")
    for scale in ("month", "quarter"):
        chart = layout([far], date(9999, 10, 1), scale)  # type: ignore[arg-type]
        assert chart.periods[-1].end == date.max and chart.rows[0].dated
