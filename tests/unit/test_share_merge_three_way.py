"""The three-way merge: a partner's file against the export it was made from.

Properties over random edits of a full session: a merge with an unchanged
side gives the other side, and changes to different parts on the two sides
all survive. Then the bases: kept on export and import, bounded, checked
against their revision, and a damaged one falls back to two-way."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from support.share import EXPORTED_AT, full_session

from regionet_tui.core import stap1, stap3
from regionet_tui.core.partners import remove_partner
from regionet_tui.core.workshop import add_parking
from regionet_tui.models import Partner, Session
from regionet_tui.models.commitment import ATTITUDES, CommitmentEntry
from regionet_tui.models.reflection import ThemeRating
from regionet_tui.models.stap3 import AgendaItem
from regionet_tui.models.stap4 import SignOff
from regionet_tui.share import bases, importer
from regionet_tui.share.describe import conflict_lines, how_merged
from regionet_tui.share.export import exported
from regionet_tui.share.merge import merged_session, plan_merge
from regionet_tui.share.revision import revision_of
from regionet_tui.storage import SessionLibrary

BASE = full_session()
PARTNERS = [p.id for p in BASE.partners]
SERVICES = [s.id for s in BASE.portfolio.services]
MILESTONES = [m.id for m in BASE.plan.milestones]
THEMES = [th.id for th in BASE.reflection.themes]
NOW = datetime(2026, 11, 22, 15, 0, tzinfo=UTC)

# An edit is a tuple; its first element names it. `touches` says which parts
# of the session it changes, so that two sides' edits can be kept apart.
Edit = tuple[object, ...]

edits_on_one_part = st.one_of(
    st.tuples(st.just("score"), st.sampled_from(PARTNERS), st.sampled_from(SERVICES),
              st.one_of(st.none(), st.integers(1, 10))),
    st.tuples(st.just("contact"), st.sampled_from(PARTNERS), st.sampled_from(["A", "B", ""])),
    st.tuples(st.just("statement"), st.sampled_from(["Samen sterk.", "Eén loket.", ""])),
    st.tuples(st.just("add_partner"), st.integers(0, 3)),
    st.tuples(st.just("own_item"), st.sampled_from(PARTNERS), st.integers(0, 3)),
    st.tuples(st.just("park"), st.integers(0, 3)),
    st.tuples(st.just("signoff"), st.sampled_from(PARTNERS),
              st.sampled_from(["agreed", "reservations", "not_yet"])),
    st.tuples(st.just("move_service"), st.sampled_from(SERVICES), st.sampled_from([-1, 1])),
    st.tuples(st.just("add_service"), st.integers(0, 3)),
    st.tuples(st.just("commit"), st.sampled_from(PARTNERS), st.sampled_from(ATTITUDES),
              st.sampled_from([True, False, None])),
    st.tuples(st.just("milestone"), st.sampled_from(MILESTONES),
              st.sampled_from(["planned", "in_progress", "done"])),
    st.tuples(st.just("rating"), st.sampled_from(THEMES), st.one_of(st.none(), st.integers(1, 5))),
)
any_edit = st.one_of(edits_on_one_part,
                     st.tuples(st.just("remove_partner"), st.sampled_from(PARTNERS)))


def touches(edit: Edit) -> set[tuple[object, ...]]:
    kind = edit[0]
    if kind in {"move_service", "add_service"}:
        return {("services-order",)}
    if kind in {"add_partner", "own_item", "park"}:
        return set()  # a new part with an id of its own side
    if kind == "statement":
        return {("statement",)}
    return {(kind, *edit[1:3])} if kind in {"score", "commit"} else {(kind, edit[1])}


def apply(session: Session, edits: list[Edit], side: str) -> Session:
    """The session after the edits, made as the app makes them."""
    result = session.model_copy(deep=True)
    for edit in edits:
        kind = edit[0]
        if kind in {"score", "commit", "contact", "own_item", "signoff", "remove_partner"} and \
                result.partner(str(edit[1])) is None:
            continue  # the app offers nothing of a partner that is gone
        if kind == "score":
            _, partner, service, quality = edit
            scores = result.portfolio.scores
            row = scores.get(partner, {})
            score = stap1.score_of(result, str(partner), str(service)).model_copy(
                update={"quality": quality})
            result.portfolio.scores = {**scores, str(partner): {**row, str(service): score}}
        elif kind == "contact":
            result.partners = [p.model_copy(update={"contact": edit[2]}) if p.id == edit[1]
                               else p for p in result.partners]
        elif kind == "statement":
            stap3.set_statement(result, str(edit[1]))
        elif kind == "add_partner":
            new_id = f"{side}-p{edit[1]}"
            if result.partner(new_id) is None:
                result.partners = [*result.partners,
                                   Partner(id=new_id, name=f"Partner {side} {edit[1]}")]
        elif kind == "own_item":
            new_id = f"{side}-o{edit[2]}"
            own = result.goal.own
            items = own.get(str(edit[1]), [])
            if all(item.id != new_id for _, item in stap3.own_items(result)):
                result.goal.own = {**own, str(edit[1]): [*items, AgendaItem(id=new_id,
                                                                           title=new_id)]}
        elif kind == "park":
            new_id = f"{side}-park{edit[1]}"
            if all(item.id != new_id for item in result.workshop.parking):
                add_parking(result, f"Punt {new_id}", NOW, item_id=new_id)
        elif kind == "signoff":
            result.deal.signoffs = {**result.deal.signoffs,
                                    str(edit[1]): SignOff(status=edit[2])}  # type: ignore[arg-type]
        elif kind == "move_service":
            stap1.move_service(result, str(edit[1]), int(edit[2]))  # type: ignore[call-overload]
        elif kind == "add_service":
            added = stap1.add_service(result, f"Dienst {side} {len(result.portfolio.services)}")
            # A fixed id instead of a random one, so that the edits can be replayed.
            fixed = added.model_copy(update={"id": f"{side}-s{len(result.portfolio.services)}"})
            result.portfolio.services = [fixed if svc.id == added.id else svc
                                         for svc in result.portfolio.services]
        elif kind == "commit":
            _, partner, attitude, committed = edit
            entries = result.commitment.entries
            row = entries.get(str(partner), {})
            entry = row.get(str(attitude), CommitmentEntry()).model_copy(
                update={"committed": committed})
            result.commitment.entries = {**entries, str(partner): {**row, str(attitude): entry}}
        elif kind == "milestone":
            result.plan.milestones = [m.model_copy(update={"status": edit[2]}) if m.id == edit[1]
                                      else m for m in result.plan.milestones]
        elif kind == "rating":
            ratings = result.reflection.ratings
            rating = ratings.get(str(edit[1]), ThemeRating()).model_copy(
                update={"group": edit[2]})
            result.reflection.ratings = {**ratings, str(edit[1]): rating}
        elif kind == "remove_partner":
            remove_partner(result, str(edit[1]))
    return result


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(any_edit, max_size=6))
def test_a_merge_with_an_unchanged_side_gives_the_other_side(edits: list[Edit]) -> None:
    changed = apply(BASE, edits, "x")
    unchanged = BASE.model_copy(deep=True)

    from_file = plan_merge(unchanged, changed, BASE)
    assert from_file.conflicts == ()
    assert merged_session(from_file, {}) == changed

    only_here = plan_merge(changed, unchanged, BASE)
    assert only_here.conflicts == () and only_here.taken == () and not only_here.orders
    assert merged_session(only_here, {}) == changed


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edits_on_one_part, max_size=5), st.lists(edits_on_one_part, max_size=5))
def test_changes_to_different_parts_on_both_sides_all_survive(
    here: list[Edit], there: list[Edit]
) -> None:
    assume(not set().union(*map(touches, here)) & set().union(*map(touches, there)))
    local = apply(BASE, here, "here")
    incoming = apply(BASE, there, "there")
    plan = plan_merge(local, incoming, BASE)
    assert plan.conflicts == ()
    # Edits to different parts commute: this session's, then the file's (what
    # each side added comes after what was there, this session's first).
    assert merged_session(plan, {}) == apply(apply(BASE, here, "here"), there, "there")


def test_only_parts_changed_differently_on_both_sides_are_asked_with_the_base_value() -> None:
    local = apply(BASE, [("score", "p-roc", "svc-bijscholen", 8), ("contact", "p-uwv", "A"),
                         ("statement", "Samen sterk.")], "here")
    incoming = apply(BASE, [("score", "p-roc", "svc-bijscholen", 9), ("contact", "p-tiel", "B"),
                            ("statement", "Samen sterk.")], "there")
    plan = plan_merge(local, incoming, BASE)
    assert [(c.area, c.key) for c in plan.conflicts] == [("scores", ("p-roc", "svc-bijscholen"))]
    assert [(d.area, d.key) for d in plan.taken] == [("partners", ("p-tiel",))]
    assert plan.kept == 1  # UWV's contact, changed only here
    [conflict] = plan.conflicts
    assert conflict_lines(conflict, three_way=True) == [
        "Kwaliteit: basis 7  |  deze sessie 8  |  bestand 9"]
    merged = merged_session(plan, {0: "incoming"})
    assert merged.portfolio.scores["p-roc"]["svc-bijscholen"].quality == 9
    assert merged.partner("p-uwv").contact == "A"  # type: ignore[union-attr]
    assert merged.partner("p-tiel").contact == "B"  # type: ignore[union-attr]


def test_a_list_reordered_only_in_the_file_takes_the_files_order() -> None:
    from regionet_tui.share.describe import orders_taken

    incoming = apply(BASE, [("move_service", SERVICES[2], -1)], "there")
    local = apply(BASE, [("score", "p-roc", "svc-bijscholen", 8)], "here")
    plan = plan_merge(local, incoming, BASE)
    assert plan.changes_anything and plan.taken == () and plan.conflicts == ()
    assert orders_taken(plan) == "De volgorde komt uit het bestand: Dienst."
    merged = merged_session(plan, {})
    assert [s.id for s in merged.portfolio.services] == [
        s.id for s in incoming.portfolio.services]
    assert merged.portfolio.scores["p-roc"]["svc-bijscholen"].quality == 8


def test_a_part_kept_here_that_the_file_removed_stays_where_it_was() -> None:
    local = BASE.model_copy(deep=True)
    first, second, third, fourth = local.workshop.parking
    local.workshop.parking = [first, second.model_copy(update={"text": "Bus naar Buren"}),
                              third, fourth]
    incoming = BASE.model_copy(deep=True)
    incoming.workshop.parking = [fourth, first, third]  # removed the second, moved the last
    plan = plan_merge(local, incoming, BASE)
    assert [(c.area, c.key) for c in plan.conflicts] == [("parking", (second.id,))]
    merged = merged_session(plan, {})
    assert [item.id for item in merged.workshop.parking] == [
        fourth.id, first.id, second.id, third.id]
    assert merged.workshop.parking[2].text == "Bus naar Buren"


def test_a_partner_removed_in_the_file_while_its_scores_changed_here_is_asked() -> None:
    local = apply(BASE, [("score", "p-roc", "svc-bijscholen", 2)], "here")
    incoming = apply(BASE, [("remove_partner", "p-roc")], "there")
    plan = plan_merge(local, incoming, BASE)
    asked = {(c.area, c.key) for c in plan.conflicts}
    assert ("partners", ("p-roc",)) in asked
    assert ("scores", ("p-roc", "svc-bijscholen")) in asked
    [partner] = [c for c in plan.conflicts if c.area == "partners"]
    assert conflict_lines(partner, three_way=True) == [
        "(geheel): basis ROC Rivierenland  |  deze sessie ROC Rivierenland  |  "
        "bestand (verwijderd)"]

    kept = merged_session(plan, {})
    assert kept.partner("p-roc") is not None
    assert kept.portfolio.scores["p-roc"]["svc-bijscholen"].quality == 2
    removed = merged_session(plan, dict.fromkeys(range(len(plan.conflicts)), "incoming"))
    assert removed.partner("p-roc") is None and "p-roc" not in removed.portfolio.scores


def test_a_partner_removed_here_and_kept_from_the_file_comes_back_whole() -> None:
    local = apply(BASE, [("remove_partner", "p-roc")], "here")
    incoming = apply(BASE, [("score", "p-roc", "svc-bijscholen", 2)], "there")
    plan = plan_merge(local, incoming, BASE)
    asked = [(c.area, c.key) for c in plan.conflicts]
    assert ("partners", ("p-roc",)) in asked and ("scores", ("p-roc", "svc-bijscholen")) in asked
    assert merged_session(plan, {}).partner("p-roc") is None

    back = merged_session(plan, dict.fromkeys(range(len(asked)), "incoming"))
    assert back.partner("p-roc") is not None
    assert back.portfolio.scores["p-roc"] == incoming.portfolio.scores["p-roc"]
    assert back.commitment.entries["p-roc"] == BASE.commitment.entries["p-roc"]
    assert back.goal.own.get("p-roc") == BASE.goal.own.get("p-roc")


def test_without_a_base_nothing_is_removed_and_every_difference_is_asked() -> None:
    local = apply(BASE, [("contact", "p-uwv", "A")], "here")
    incoming = apply(BASE, [("remove_partner", "p-roc")], "there")
    plan = plan_merge(local, incoming)
    assert not plan.three_way
    asked = [(c.area, c.key) for c in plan.conflicts]
    # UWV's contact changed here is a question too: there is nothing to tell it apart.
    assert ("partners", ("p-uwv",)) in asked and ("partners", ("p-roc",)) not in asked
    assert plan.taken == ()
    merged = merged_session(plan, dict.fromkeys(range(len(asked)), "incoming"))
    assert merged.partner("p-roc") is not None and "p-roc" in merged.portfolio.scores


# -- revisions and bases -------------------------------------------------------------------
def test_the_revision_is_the_same_after_a_round_trip_through_the_file() -> None:
    data, revision = exported(BASE, EXPORTED_AT)
    document = importer.parse_document(data)
    assert document.revision == revision == revision_of(BASE) == revision_of(document.session)
    changed = apply(BASE, [("score", "p-roc", "svc-bijscholen", 8)], "x")
    assert revision_of(changed) != revision


def test_an_import_remembers_its_revision_and_keeps_the_file_as_its_base(
    library: SessionLibrary, folder: Path, tmp_path: Path
) -> None:
    data, revision = exported(BASE, EXPORTED_AT)
    source = tmp_path / "van-facilitator.json"
    source.write_bytes(data)
    session, _ = importer.import_file(library, source)
    assert session.origin_revision == revision
    base = bases.base_path(folder, session.id, revision)
    assert base.read_bytes() == data
    assert importer.read(source).origin_revision is None  # the file itself is as it was

    # The copy's own export names where it came from: found by the folder it came from.
    copy_data, _ = exported(library.open(session.id).session)
    search = bases.base_for(folder, BASE, importer.parse_document(copy_data))
    assert search.base is not None and search.base.revision == revision


def test_the_bases_of_a_session_are_bounded(folder: Path) -> None:
    session = BASE.model_copy(deep=True)
    for number in range(bases.MAX_PER_SESSION + 5):
        session.goal.statement = f"Versie {number}"
        data, revision = exported(session, EXPORTED_AT)
        bases.keep_base(folder, session.id, revision, data)
    kept = sorted((folder / "bases").glob(f"*.{session.id}.json"))
    assert len(kept) == bases.MAX_PER_SESSION
    assert all(path.name.startswith(tuple("0123456789abcdef")) for path in kept)
    assert bases.base_path(folder, session.id, revision) in kept  # the newest stays
    other = BASE.model_copy(deep=True, update={"id": "CON"})  # a device name on Windows
    bases.keep_base(folder, other.id, *reversed(exported(other, EXPORTED_AT)))
    assert len(list((folder / "bases").glob("*.json"))) == bases.MAX_PER_SESSION + 1


def test_a_base_kept_already_is_left_as_it_is_and_a_damaged_one_is_written_anew(
    folder: Path
) -> None:
    data, revision = exported(BASE, EXPORTED_AT)
    path = bases.keep_base(folder, BASE.id, revision, data)
    assert path is not None
    again = data.replace(b'\n  "', b'\n    "')  # the same state, written otherwise
    assert bases.keep_base(folder, BASE.id, revision, again) == path
    assert path.read_bytes() == data
    path.write_bytes(b"\x00" * 100)
    bases.keep_base(folder, BASE.id, revision, data)
    assert path.read_bytes() == data


def test_an_export_too_large_to_import_is_not_kept_as_a_base(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, revision = exported(BASE, EXPORTED_AT)
    monkeypatch.setattr(importer, "MAX_BYTES", len(data) - 1)
    assert bases.keep_base(folder, BASE.id, revision, data) is None
    assert not (folder / "bases").exists()


@pytest.mark.parametrize("damage", ["edited", "garbage", "folder"])
def test_a_damaged_base_is_named_and_the_merge_falls_back_to_two_way(
    folder: Path, damage: str
) -> None:
    data, revision = exported(BASE, EXPORTED_AT)
    path = bases.keep_base(folder, BASE.id, revision, data)
    assert path is not None
    if damage == "edited":
        path.write_bytes(data.replace(b"Het Baken College", b"Het Anker College"))
    elif damage == "garbage":
        path.write_bytes(b"\x00" * 100)
    else:
        path.unlink()
        path.mkdir()
    partner = apply(BASE, [("contact", "p-roc", "A")], "there")
    partner.origin_revision = revision
    document = importer.parse_document(exported(partner, EXPORTED_AT)[0])
    search = bases.base_for(folder, BASE, document)
    assert search.base is None and search.damaged == path and search.reason
    plan = plan_merge(BASE, document.session, None)
    assert how_merged(plan, search).startswith(f"Tweeweg: de basis {path.name} is beschadigd")
    if damage == "edited":
        assert "past niet meer bij de versie" in search.reason


def test_a_file_that_names_no_known_revision_merges_two_way(folder: Path) -> None:
    document = importer.parse_document(exported(BASE, EXPORTED_AT)[0])
    search = bases.base_for(folder, BASE, document)
    assert search.base is None and search.damaged is None
    assert how_merged(plan_merge(BASE, BASE), search).startswith("Tweeweg: regionet kent")


def test_an_export_without_a_revision_is_still_read() -> None:
    data = json.loads(exported(BASE, EXPORTED_AT)[0])
    del data["revision"]
    assert importer.parse(json.dumps(data).encode()) == BASE


def test_a_malformed_revision_is_refused_by_name() -> None:
    from regionet_tui.share.errors import ImportRefused

    data = json.loads(exported(BASE, EXPORTED_AT)[0])
    data["revision"] = "../../etc/passwd"
    with pytest.raises(ImportRefused) as refused:
        importer.parse(json.dumps(data).encode())
    assert refused.value.message() == (
        "revision: geen geldige versie (32 tekens 0-9 en a-f).")
