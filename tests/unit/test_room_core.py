"""The room's core without a server: fields, access, limits, addresses, QR code, texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.room import demo_store

from regionet_tui import i18n
from regionet_tui.room import stap1 as room_stap1
from regionet_tui.room import stap2 as room_stap2
from regionet_tui.room.access import CODE_ALPHABET, RoomAccess, RoomFull
from regionet_tui.room.fields import Field, Refused, changes
from regionet_tui.room.limits import RateLimiter
from regionet_tui.room.network import room_addresses, usable
from regionet_tui.room.qr import matrix
from regionet_tui.room.stages import ROOM_STAGES, stage_module
from regionet_tui.room.submissions import item_id, partner_prefix, valid_sid
from regionet_tui.room.texts import translator
from regionet_tui.storage import SessionLibrary

ROOM = Path(__file__).resolve().parents[2] / "regionet_tui" / "room"
YES_NO = (("", "—"), ("yes", "Ja"), ("no", "Nee"))


def field(name: str = "q", kind: str = "choice", value: str = "") -> Field:
    return Field(name, kind, "Label", value, YES_NO if kind == "choice" else ())  # type: ignore[arg-type]


# -- fields -------------------------------------------------------------------------------
def test_only_what_the_partner_changed_since_the_page_is_a_change() -> None:
    fields = [field("a", value="yes"), field("b", value="no"), field("c", value="")]
    form = [("a", "no"), ("was.a", "yes"),   # changed on the phone
            ("b", "yes"), ("was.b", "yes"),  # unchanged on the phone (someone else changed it)
            ("c", "")]                       # no base: compared with what is saved
    assert changes(fields, form) == {"a": "no"}


def test_a_field_on_the_page_but_not_sent_is_empty_and_one_not_on_it_is_left_alone() -> None:
    fields = [field("flag", "flag", "on"), field("other", value="yes")]
    assert changes(fields, [("was.flag", "on")]) == {"flag": ""}
    assert changes(fields, []) == {}


def test_text_is_cleaned_like_typed_text_before_it_is_compared() -> None:
    fields = [field("note", "block", "regel een\nregel twee")]
    form = [("note", "regel een\r\nregel twee  "), ("was.note", "regel een\nregel twee")]
    assert changes(fields, form) == {}
    assert changes(fields, [("note", "a\x1b[2Jb\u200b")]) == {"note": "a[2Jb"}


def test_a_field_of_something_gone_since_the_page_was_shown_is_left_out() -> None:
    form = [("q", "yes"), ("s.svc-hidden.quality", "7"), ("was.s.svc-hidden.quality", "")]
    assert changes([field("q")], form) == {"q": "yes"}


@pytest.mark.parametrize("form, key", [
    ([("q", "maybe")], "room.error.choice"),
    ([("q", "yes"), ("q", "no")], "room.error.bad_request"),
    ([("partner", "p-baken")], "room.error.unknown_field"),
    ([("was.partner", "p-baken")], "room.error.unknown_field"),
    ([("s.svc<script>.quality", "7")], "room.error.unknown_field"),
    ([("f0", "1")], "room.error.unknown_field"),
])
def test_a_bad_form_is_refused_whole(form: list[tuple[str, str]], key: str) -> None:
    with pytest.raises(Refused) as refused:
        changes([field("q")], form)
    assert refused.value.key == key


def test_required_and_too_long_text_name_the_field() -> None:
    with pytest.raises(Refused) as refused:
        changes([field("title", "name", "Oud")], [("title", "  ")])
    assert (refused.value.key, refused.value.field) == ("room.error.required", "title")
    with pytest.raises(Refused) as refused:
        changes([field("title", "name")], [("title", "x" * 201)])
    assert refused.value.key == "room.error.too_long" and refused.value.values["max"] == 200


# -- applying answers with the core's rules ------------------------------------------------
def test_stap1_answers_keep_the_scores_consistent(library: SessionLibrary, folder: Path) -> None:
    store = demo_store(folder)
    try:
        store.change(lambda s: room_stap1.apply(s, "p-roc", {
            "s.svc-bijscholen.offered": "no", "s.svc-omscholen.desired": "9"}))
        bijscholen = store.session.portfolio.scores["p-roc"]["svc-bijscholen"]
        omscholen = store.session.portfolio.scores["p-roc"]["svc-omscholen"]
        assert bijscholen.offered is False and bijscholen.quality is None  # nothing to rate
        assert omscholen.wanted is True and omscholen.desired == 9  # a quality implies "wanted"
        store.change(lambda s: room_stap2.apply(s, "p-roc", {
            "c.time": "lacking", "goals": "Meer stageplekken"}))
        start = store.session.start.partners["p-roc"]
        assert start.capacity["time"].assessment == "lacking" and start.goals == "Meer stageplekken"
    finally:
        store.close()


def test_every_stage_module_builds_its_page_and_progress(folder: Path) -> None:
    store = demo_store(folder)
    tr = translator("nl")
    try:
        for stage in ROOM_STAGES:
            module = stage_module(stage)
            groups = module.groups(store.session, "p-roc", tr)
            done, total = module.progress(store.session, "p-roc")
            assert done >= 0 and (total is None or total >= done)
            names = [f.name for g in groups for f in g.fields]
            assert len(names) == len(set(names)), stage
            assert all(re.fullmatch(r"[A-Za-z0-9_.!-]+", name) for name in names), stage
    finally:
        store.close()


# -- access ---------------------------------------------------------------------------------
def test_a_room_secret_is_long_random_and_new_for_every_room() -> None:
    first, second = RoomAccess(), RoomAccess()
    assert len(first.secret) >= 22 and first.secret != second.secret
    assert first.secret_matches(first.secret) and not first.secret_matches(second.secret)
    assert not first.secret_matches("") and not first.secret_matches("é" * 22)


def test_a_device_is_bound_to_one_partner_once_admitted() -> None:
    access = RoomAccess()
    device = access.join()
    assert access.device(device.token) is device and access.device("other") is None
    assert not device.may_write("p-roc")
    access.ask(device, "p-roc")
    assert device.state == "waiting" and len(device.code) == 4
    assert set(device.code) <= set(CODE_ALPHABET)
    assert access.admit(device.id) is device
    assert device.may_write("p-roc") and not device.may_write("p-baken")
    access.ask(device, "p-baken")  # once admitted, asking again changes nothing
    assert device.partner_id == "p-roc" and device.admitted
    access.forget_partner("p-roc")
    assert not device.may_write("p-roc")


def test_waiting_devices_have_distinct_codes_and_the_room_has_a_limit() -> None:
    access = RoomAccess(max_devices=50)
    devices = [access.join() for _ in range(50)]
    for device in devices:
        access.ask(device, "p-roc")
    assert len({d.code for d in devices}) == 50
    with pytest.raises(RoomFull):
        access.join()


def test_a_device_remembers_the_submissions_it_sent() -> None:
    device = RoomAccess().join()
    assert not device.seen_submission("a" * 22)
    assert device.seen_submission("a" * 22)


def test_submission_ids_give_valid_item_ids_with_the_partners_prefix() -> None:
    own = item_id("p-roc", "x" * 22)
    assert own.startswith(partner_prefix("p-roc")) and own == item_id("p-roc", "x" * 22)
    assert own != item_id("p-baken", "x" * 22)
    assert re.fullmatch(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", own)
    assert valid_sid("A" * 22) and not valid_sid("short") and not valid_sid("a b" * 10)


def test_the_rate_limiter_allows_a_burst_then_a_steady_rate() -> None:
    now = [0.0]
    limiter = RateLimiter(rate=2.0, burst=3, clock=lambda: now[0], max_keys=2)
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    now[0] += 0.5
    assert limiter.allow("a") and not limiter.allow("a")
    assert limiter.allow("b") and limiter.allow("c")  # "a" is forgotten: at most two keys
    assert limiter.allow("a")


# -- addresses, QR code, texts ------------------------------------------------------------------
def test_room_addresses_are_never_loopback_or_link_local() -> None:
    assert not usable("127.0.0.1") and not usable("169.254.1.2") and not usable("0.0.0.0")
    assert usable("192.168.1.23") and not usable("nonsense")
    assert all(usable(address) for address in room_addresses())


def test_the_qr_matrix_is_square_with_a_light_border() -> None:
    longest = "http://192.168.100.200:54321/j/" + "A" * 22  # the longest room address
    modules = matrix(longest)
    assert len(modules) == len(modules[0]) <= 37  # version 4 at most, and a border of 2
    assert not any(modules[0]) and not any(row[0] for row in modules)


def test_every_text_the_pages_use_is_in_both_catalogues() -> None:
    sources = [*ROOM.glob("*.py"), *ROOM.glob("templates/*.html")]
    pattern = re.compile(
        r"""(?:\bt|tr|_tr|Problem\(\d+,|Refused\()\s*\(?\s*["'](room\.[a-z0-9_.]+)["']""")
    used = {key for source in sources for key in pattern.findall(source.read_text("utf-8"))}
    used |= {f"room.{kind}.{stage}" for stage in ROOM_STAGES for kind in ("stage", "intro")}
    assert len(used) > 40
    for language in i18n.LANGUAGES:
        missing = sorted(used - set(i18n.catalogue(language)))
        assert missing == [], language


def test_the_rooms_core_never_loads_textual() -> None:
    import subprocess
    import sys

    modules = sorted(f"regionet_tui.room.{path.stem}" for path in ROOM.glob("*.py")
                     if path.stem != "__init__")
    code = ("import importlib, sys\n"
            f"for name in {modules!r}:\n"
            "    importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"
    assert "regionet_tui.room.server" in modules and len(modules) >= 14


def test_a_page_of_scores_is_one_change_with_the_rules_of_single_scores(folder: Path) -> None:
    from regionet_tui.core import stap1
    from regionet_tui.forms import FormError

    store = demo_store(folder)
    try:
        one_by_one = store.session.model_copy(deep=True)
        page = {"svc-bijscholen": {"offered": False}, "svc-omscholen": {"desired": 9},
                "svc-opscholen": {"quality": 4, "note": "nieuw"}}
        for service, changed in page.items():
            stap1.update_score(one_by_one, "p-roc", service, **changed)
        stap1.update_scores(store.session, "p-roc", page)
        assert store.session.portfolio.scores == one_by_one.portfolio.scores
        before = store.session.portfolio.scores
        with pytest.raises(FormError):
            stap1.update_scores(store.session, "p-roc", {"svc-omscholen": {"desired": 3},
                                                         "svc-gone": {"desired": 3}})
        assert store.session.portfolio.scores == before
    finally:
        store.close()
