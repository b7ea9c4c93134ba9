"""Sessions and files shared by the share tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from regionet_tui.demo import build_demo
from regionet_tui.models import Session
from regionet_tui.share import importer
from regionet_tui.share.export import export_bytes
from regionet_tui.storage import SessionLibrary

EXPORTED_AT = datetime(2026, 11, 22, 14, 3, tzinfo=UTC)


# Built once: the demo flowchart gets fresh ids on every build, and the tests
# compare documents of "the same" session.
_DEMO = build_demo("demo")


def demo_session(session_id: str = "demo") -> Session:
    return _DEMO.model_copy(deep=True, update={"id": session_id})


def demo_export() -> bytes:
    return export_bytes(demo_session(), EXPORTED_AT)


def folder_snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in the sessions folder with its bytes (the index cache excepted)."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".index.json" and not path.name.endswith(".lock")
    }


def full_session(names: list[str] | None = None) -> Session:
    """The demo with every later stage filled in too, partner names optionally replaced."""
    from datetime import date

    from regionet_tui.models import Partner
    from regionet_tui.models.reflection import FollowUp, Theme, ThemeRating
    from regionet_tui.models.stap2 import CapacityItem, PartnerStart
    from regionet_tui.models.stap3 import AgendaItem, SharedItem
    from regionet_tui.models.stap4 import Agreement, Benefit, Contribution, SignOff
    from regionet_tui.models.stap5 import Milestone
    from regionet_tui.models.stap6 import FlowEdge, FlowNode

    session = demo_session()
    if names:
        session.partners = [Partner.model_validate({**p.model_dump(), "name": name})
                            for p, name in zip(session.partners, names, strict=False)]
    session.start.partners = {"p-baken": PartnerStart(
        capacity={"time": CapacityItem(assessment="limited", text="Roosters zitten vol.")},
        goals="Zij-instromers binnen een jaar bevoegd.")}
    session.goal.own = {"p-baken": [AgendaItem(id="o-1", title="Begeleiding zij-instromers")]}
    session.goal.shared = [SharedItem(id="g-1", title="Eén regionaal opleidingshuis",
                                      sources=["o-1"], supporters=["p-baken", "p-roc"])]
    session.goal.statement = "In 2030 heeft iedere klas in Rivierenland een bevoegde leraar."
    session.deal.agreements = [Agreement(
        id="d-1", what="Gezamenlijk begeleidingsprogramma",
        contributions=[Contribution(partner="p-roc", kind="people", description="2 coaches"),
                       Contribution(partner="p-tiel", kind="money", amount=25000.0)],
        benefits=[Benefit(partner="p-baken", description="Begeleiding voor 8 zij-instromers")],
        mandate="Stuurgroep beslist.", review_date=date(2027, 6, 1))]
    session.deal.signoffs = {"p-roc": SignOff(status="agreed"),
                             "p-tiel": SignOff(status="reservations", note="Raad beslist nog")}
    session.plan.milestones = [
        Milestone(id="m-1", title="Coaches geworven", owner="p-roc", start=date(2026, 12, 1),
                  deadline=date(2027, 2, 1), status="in_progress"),
        Milestone(id="m-2", title="Eerste lichting gestart", owner="p-baken",
                  deadline=date(2027, 8, 30), depends_on=["m-1"]),
    ]
    session.flowchart.nodes = [FlowNode(id="n-1", kind="broker", label="Onderwijsloket"),
                               FlowNode(id="n-2", kind="partner", label="Het Baken College")]
    session.flowchart.edges = [FlowEdge(id="e-1", source="n-1", target="n-2", label="koppelt")]
    session.reflection.themes = [Theme(id="t-1", name="Lerarentekort", group="content")]
    session.reflection.ratings = {"t-1": ThemeRating(group=3, per_partner={"p-roc": 4},
                                                     attention=True, notes="Urgent.")}
    session.reflection.followups = [FollowUp(id="f-1", what="Stuurgroep plannen",
                                             partner="p-loket", when=date(2026, 12, 15))]
    return session


def restored_beside_its_copy(library: SessionLibrary, tmp_path: Path) -> tuple[Path, Path]:
    """The audit's case: delete a session, import its export again (the id is free,
    so the copy takes it), restore the deleted one (it becomes `<id>-<stamp>.json`).
    Returns (the restored file, the imported copy's file)."""
    source = tmp_path / "export.json"
    source.write_bytes(demo_export())
    original, _ = importer.import_file(library, source)
    library.delete(library.path_for(original.id))
    copy, renamed = importer.import_file(library, source)
    assert not renamed and copy.id == original.id
    [trashed] = library.trashed()
    restored = library.restore(trashed)
    assert restored.name != f"{original.id}.json" and restored.name.startswith(original.id)
    return restored, library.path_for(copy.id)


async def press_export(app: Any, pilot: Any) -> None:
    """`e` on the share stage, and wait until the file is written and the screen says so
    (the export is written in the background)."""
    await pilot.press("e")
    await app.workers.wait_for_complete()
    await pilot.pause()
