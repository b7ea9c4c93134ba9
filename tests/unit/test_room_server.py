"""The room's server, driven over HTTP on 127.0.0.1 as phones (and attackers) would.

Every refused request gets a clear message in the session's language, and
leaves the session file exactly as it was (hashed before and after).
"""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest
from support.room import CODE, demo_store, file_hash, phone, room_on

from regionet_tui.room.server import CSP, RoomServer
from regionet_tui.storage import SessionStore, sessionfile

SERVICE = "s.svc-arbeidspool"


@pytest.fixture
def store(folder: Path) -> SessionStore:
    opened = demo_store(folder)
    yield opened  # type: ignore[misc]
    opened.close()


def saved_score(store: SessionStore, partner: str, service: str = "svc-arbeidspool") -> object:
    return sessionfile.read(store.path).portfolio.scores.get(partner, {}).get(service)


# -- the way in ----------------------------------------------------------------------
async def test_a_phone_joins_waits_with_a_code_and_answers_once_let_in(
        store: SessionStore) -> None:
    async with room_on(store, "stap1") as server, phone(server) as handset:
        status, page = await handset.get("/")
        assert status == 200 and "ROC Rivierenland" in page  # pick your organisation
        status, _ = await handset.post("/join", {"partner": "p-roc"}, json=False)
        assert status == 303
        status, page = await handset.get("/")
        code = CODE.search(page)
        assert code is not None and code.group(1) == server.access.waiting()[0].code
        status, answer = await handset.post("/s/stap1", {f"{SERVICE}.quality": "9"})
        assert status == 403 and "nog niet toegelaten" in answer["message"]
        assert handset.device is not None
        server.access.admit(handset.device.id)
        status, answer = await handset.post("/s/stap1", {f"{SERVICE}.quality": "9"})
        assert status == 200 and answer["ok"] and answer["message"].startswith("Opgeslagen")
    score = saved_score(store, "p-roc")
    assert score is not None and score.quality == 9 and score.offered is True  # type: ignore[attr-defined]


async def test_without_the_script_a_plain_form_saves_and_says_so(store: SessionStore) -> None:
    async with room_on(store, "stap1") as server, phone(server, "p-linden") as handset:
        status, page = await handset.get("/s/stap1")
        assert status == 200 and 'name="was.s.svc-arbeidspool.quality"' in page
        status, _ = await handset.post("/s/stap1", {f"{SERVICE}.desired": "10",
                                                    f"was.{SERVICE}.desired": "8"}, json=False)
        assert status == 303
        status, page = await handset.get("/s/stap1?saved=1")
        assert "Opgeslagen op de laptop van de begeleider." in page
    assert saved_score(store, "p-linden").desired == 10  # type: ignore[union-attr]


async def test_every_response_carries_the_strict_policy(store: SessionStore) -> None:
    async with room_on(store, "stap1") as server, phone(server, "p-roc") as handset:
        async with handset.http.get(handset.base + "/static/room.css") as response:
            assert response.headers["Content-Security-Policy"] == CSP
            assert response.headers["X-Content-Type-Options"] == "nosniff"
        async with handset.http.get(handset.base + "/nope") as response:
            assert response.status == 404
            assert response.headers["Content-Security-Policy"] == CSP
            assert response.headers["X-Frame-Options"] == "DENY"
            assert "Deze pagina bestaat niet." in await response.text()
    assert "default-src 'none'" in CSP and "frame-ancestors 'none'" in CSP


# -- hostile and broken requests --------------------------------------------------------
async def _refused(store: SessionStore, server: RoomServer, send: object, status: int,
                   words: str) -> None:
    before = file_hash(store.path)
    got_status, answer = await send()  # type: ignore[operator]
    message = answer["message"] if isinstance(answer, dict) else answer
    assert got_status == status, message
    assert words in message
    assert file_hash(store.path) == before


async def test_no_token_gets_no_page_and_no_write(store: SessionStore) -> None:
    async with room_on(store, "stap1") as server, aiohttp.ClientSession() as http:
        base = f"http://127.0.0.1:{server.port}"
        before = file_hash(store.path)
        for method, path in (("GET", "/s/stap1"), ("POST", "/s/stap1"), ("GET", "/")):
            async with http.request(method, base + path, data={f"{SERVICE}.quality": "9"},
                                    headers={"Origin": base}) as response:
                assert response.status == 403
                assert "Scan de code" in await response.text()
        assert file_hash(store.path) == before


async def test_a_wrong_room_code_or_a_made_up_token_is_refused(store: SessionStore) -> None:
    async with room_on(store, "stap1") as server:
        jar = aiohttp.CookieJar(unsafe=True)
        async with aiohttp.ClientSession(cookie_jar=jar) as http:
            base = f"http://127.0.0.1:{server.port}"
            async with http.get(base + "/j/" + "A" * 22, allow_redirects=False) as response:
                assert response.status == 403
                assert "hoort niet (meer) bij de zaal" in await response.text()
            jar.update_cookies({"regionet_room": "made-up-token"}, response.url)
            async with http.get(base + "/s/stap1") as response:
                assert response.status == 403
                assert "Je toegang geldt niet (meer)" in await response.text()
        assert not server.access.admitted()


async def test_a_token_of_a_closed_room_opens_nothing_in_the_next(store: SessionStore) -> None:
    before = saved_score(store, "p-roc")
    async with room_on(store, "stap1") as first, phone(first, "p-roc") as handset:
        status, _ = await handset.get("/s/stap1")
        assert status == 200
        old_link = first.url
        await first.stop()
        with pytest.raises(aiohttp.ClientConnectionError):  # the closed room is gone
            await handset.post("/s/stap1", {f"{SERVICE}.quality": "9"})
        async with room_on(store, "stap1") as second:
            handset.base = f"http://127.0.0.1:{second.port}"
            await _refused(store, second, lambda: handset.post(
                "/s/stap1", {f"{SERVICE}.quality": "9"}), 403, "toegang geldt niet")
            status, page = await handset.get(old_link.split(str(first.port), 1)[1])
            assert status == 403 and "hoort niet (meer) bij de zaal" in page
    assert saved_score(store, "p-roc") == before


async def test_a_phone_writes_only_for_its_own_partner(store: SessionStore) -> None:
    async with room_on(store, "stap1", "stap3") as server, \
            phone(server, "p-roc") as roc, phone(server, "p-baken") as baken:
        # Naming another partner in the form is no field the room knows.
        await _refused(store, server, lambda: roc.post(
            "/s/stap1", {"partner": "p-baken", f"{SERVICE}.quality": "9"}), 400,
            "hoort niet (meer) bij de sessie")
        # Another phone's form token with this phone's cookie.
        await _refused(store, server, lambda: roc.post(
            "/s/stap1", {"csrf": baken.csrf, f"{SERVICE}.quality": "9"}, csrf=False), 403,
            "verlopen of hoort bij een andere telefoon")
        # Another partner's agenda item cannot be removed: it is not this partner's.
        other_item = store.session.goal.own["p-baken"][0].id
        before = file_hash(store.path)
        status, _ = await roc.post("/s/stap3/remove", {"item": other_item})
        assert status == 200 and file_hash(store.path) == before
        # A phone that waits to be let in writes nothing; nor does one refused.
        async with phone(server, "p-tiel", admit=False) as waiting:
            await _refused(store, server, lambda: waiting.post(
                "/s/stap1", {f"{SERVICE}.quality": "9"}), 403, "nog niet toegelaten")
            assert waiting.device is not None
            server.access.refuse(waiting.device.id)
            await _refused(store, server, lambda: waiting.post(
                "/s/stap1", {f"{SERVICE}.quality": "9"}), 403, "nog niet toegelaten")
        status, page = await roc.get("/s/stap1")
        assert "Je antwoordt voor ROC Rivierenland" in page


async def test_oversized_bodies_and_ten_thousand_fields_are_refused(store: SessionStore) -> None:
    async with room_on(store, "stap1") as server, phone(server, "p-roc") as handset:
        huge = f"csrf={handset.csrf}&{SERVICE}.note=" + "x" * 300_000
        await _refused(store, server, lambda: handset.post(
            "/s/stap1", huge, csrf=False, headers={
                "Content-Type": "application/x-www-form-urlencoded"}), 413, "te veel tekst")
        many = [("csrf", handset.csrf)] + [(f"f{i}", "1") for i in range(10_000)]
        await _refused(store, server, lambda: handset.post("/s/stap1", many, csrf=False),
                       413, "te veel velden")
        await _refused(store, server, lambda: handset.post(
            "/s/stap1", {f"{SERVICE}.note": "x" * 5001}), 400, "te lang (hoogstens 5000")


@pytest.mark.parametrize("value", ["0", "11", "7; DROP", "7.0", " 7", "true", "-1"])
async def test_invalid_scores_are_refused(store: SessionStore, value: str) -> None:
    async with room_on(store, "stap1") as server, phone(server, "p-roc") as handset:
        await _refused(store, server, lambda: handset.post(
            "/s/stap1", {f"{SERVICE}.quality": value, f"{SERVICE}.desired": "9"}), 400,
            'Kies bij "Kwaliteit nu (1–10)" een van de mogelijkheden')


async def test_a_refused_plain_form_comes_back_with_what_was_typed(store: SessionStore) -> None:
    async with room_on(store, "stap1") as server, phone(server, "p-roc") as handset:
        status, page = await handset.post("/s/stap1", {
            f"{SERVICE}.quality": "11", f"{SERVICE}.note": "typed <b>here</b>",
            f"was.{SERVICE}.note": ""}, json=False)
        assert status == 400
        assert "typed &lt;b&gt;here&lt;/b&gt;</textarea>" in page
        assert "<b>here" not in page
        assert 'class="field-problem" role="alert"' in page


async def test_markup_and_escape_sequences_in_notes_are_kept_as_harmless_text(
        store: SessionStore) -> None:
    note = "[bold red]rood[/] \x1b]0;gekaapt\x07\x1b[2J<script>alert(1)</script> a\u202eb"
    async with room_on(store, "stap1") as server, phone(server, "p-roc") as handset:
        status, _answer = await handset.post("/s/stap1", {f"{SERVICE}.note": note})
        assert status == 200
        saved = saved_score(store, "p-roc").note  # type: ignore[union-attr]
        assert "\x1b" not in saved and "\x07" not in saved and "\u202e" not in saved
        assert saved.startswith("[bold red]rood[/] ]0;gekaapt[2J<script>")  # text, not markup
        status, page = await handset.get("/s/stap1")
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page


async def test_a_cross_site_post_is_refused(store: SessionStore) -> None:
    async with room_on(store, "stap1") as server, phone(server, "p-roc") as handset:
        data = {f"{SERVICE}.quality": "9"}
        await _refused(store, server, lambda: handset.post(
            "/s/stap1", data, origin="http://evil.example"), 403, "niet van de pagina")
        await _refused(store, server, lambda: handset.post(
            "/s/stap1", data, origin=None), 403, "niet van de pagina")
        await _refused(store, server, lambda: handset.post(
            "/s/stap1", data, origin=None,
            headers={"Referer": "http://evil.example/form"}), 403, "niet van de pagina")
        await _refused(store, server, lambda: handset.post(
            "/s/stap1", data, origin="null"), 403, "niet van de pagina")


async def test_broken_requests_are_refused(store: SessionStore) -> None:
    async with room_on(store, "stap1") as server, phone(server, "p-roc") as handset:
        await _refused(store, server, lambda: handset.post(
            "/s/stap1", '{"quality": 9}', csrf=False,
            headers={"Content-Type": "application/json"}), 415, "kan de zaal niet lezen")
        await _refused(store, server, lambda: handset.post(
            "/s/stap1", b"csrf=" + handset.csrf.encode() + b"&note=%ff%fe", csrf=False,
            headers={"Content-Type": "application/x-www-form-urlencoded"}), 400,
            "kan de zaal niet lezen")
        twice = [("csrf", handset.csrf), (f"{SERVICE}.quality", "9"), (f"{SERVICE}.quality", "3")]
        await _refused(store, server, lambda: handset.post("/s/stap1", twice, csrf=False), 400,
                       "kan de zaal niet lezen")
        await _refused(store, server, lambda: handset.post(
            "/s/stap1", {f"{SERVICE}.quality": "9"}, headers={"Host": "evil.example"}), 421,
            "hoort niet bij de zaal")


async def test_a_locked_part_and_a_closed_room_refuse(store: SessionStore) -> None:
    async with room_on(store) as server, phone(server, "p-roc") as handset:
        await _refused(store, server, lambda: handset.post(
            "/s/stap1", {f"{SERVICE}.quality": "9"}), 403, "niet open voor de zaal")
        _status, page = await handset.get("/")
        assert "Nog niets staat open" in page
        server.set_open("stap1", True)
        _status, page = await handset.get("/")
        assert 'href="/s/stap1"' in page
        server.running = False  # closing: the last requests in flight are refused
        await _refused(store, server, lambda: handset.post(
            "/s/stap1", {f"{SERVICE}.quality": "9"}), 503, "De zaal is gesloten")


async def test_a_flood_from_one_phone_is_slowed_down(store: SessionStore) -> None:
    async with room_on(store, "stap1") as server, phone(server, "p-roc") as handset:
        statuses = [(await handset.get("/s/stap1"))[0] for _ in range(80)]
        assert 429 in statuses and statuses[0] == 200
        status, page = await handset.get("/s/stap1")
        assert status == 429 and "Te veel verzoeken" in page


async def test_errors_speak_the_sessions_language(folder: Path) -> None:
    store = demo_store(folder, "en")
    try:
        async with room_on(store, "stap1") as server, phone(server, "p-roc") as handset:
            status, answer = await handset.post("/s/stap1", {f"{SERVICE}.quality": "0"})
            assert status == 400
            assert answer["message"] == 'Pick one of the options for "Quality now (1–10)".'
            status, page = await handset.get("/s/stap1")
            assert "Do you offer this now?" in page and 'lang="en"' in page
    finally:
        store.close()


# -- resubmission and what a partner sees ---------------------------------------------------
async def test_a_resubmission_replaces_and_counts_nothing_twice(store: SessionStore) -> None:
    async with room_on(store, "stap1", "stap3", "parking") as server, \
            phone(server, "p-roc") as handset:
        answer = {f"{SERVICE}.quality": "9", f"was.{SERVICE}.quality": "2"}
        await handset.post("/s/stap1", answer)
        after_first = file_hash(store.path)
        status, _ = await handset.post("/s/stap1", answer)
        assert status == 200 and file_hash(store.path) == after_first
        items = len(store.session.goal.own["p-roc"])
        for _ in range(3):
            await handset.post("/s/stap3/add", {"sid": "A" * 22, "title": "Stageplekken"})
            await handset.post("/s/parking/add", {"sid": "B" * 22, "text": "Vervoer"})
        assert len(store.session.goal.own["p-roc"]) == items + 1
        parked = [p for p in store.session.workshop.parking if p.text == "Vervoer"]
        assert len(parked) == 1
        # The facilitator removes it; the same submission sent again does not bring it back.
        store.change(lambda s: setattr(s.workshop, "parking", []))
        await handset.post("/s/parking/add", {"sid": "B" * 22, "text": "Vervoer"})
        assert store.session.workshop.parking == []
        saved = sessionfile.read(store.path)
        assert len(saved.goal.own["p-roc"]) == items + 1


async def test_a_stale_page_changes_only_what_the_partner_changed(store: SessionStore) -> None:
    from regionet_tui.core import stap1

    async with room_on(store, "stap1") as server, phone(server, "p-roc") as handset:
        status, page = await handset.get("/s/stap1")  # desired shows 8
        assert 'name="was.s.svc-arbeidspool.desired" value="8"' in page
        # Meanwhile the facilitator types a 6 for the desired quality in the terminal.
        store.change(lambda s: stap1.update_score(s, "p-roc", "svc-arbeidspool", desired=6))
        # The phone sends its whole page: only the quality changed on it.
        status, _ = await handset.post("/s/stap1", {
            f"{SERVICE}.quality": "4", f"was.{SERVICE}.quality": "2",
            f"{SERVICE}.desired": "8", f"was.{SERVICE}.desired": "8"}, json=False)
        assert status == 303
    score = saved_score(store, "p-roc")
    assert (score.quality, score.desired) == (4, 6)  # type: ignore[union-attr]


async def test_a_partner_sees_its_own_answers_and_never_another_partners(
        store: SessionStore, folder: Path) -> None:
    from regionet_tui.core import reflection

    def notes(session: object) -> None:
        rating = reflection.rating_of(store.session, "thm-give_and_take")
        reflection.set_rating(store.session, "thm-give_and_take", rating.model_copy(update={
            "partner_notes": {"p-baken": "geheim van het Baken"}, "notes": "groepsnotitie"}))

    store.change(notes)
    async with room_on(store, "reflection", "stap1", "stap2", "stap3", "commitment",
                       "parking") as server, phone(server, "p-roc") as handset:
        status, _answer = await handset.post("/s/reflection", {
            "r.thm-give_and_take": "2", "f.thm-give_and_take": "on",
            "n.thm-give_and_take": "Wij brengen meer dan we halen"})
        assert status == 200
        pages = [(await handset.get(path))[1] for path in (
            "/", "/s/reflection", "/s/stap1", "/s/stap2", "/s/stap3", "/s/commitment",
            "/s/parking")]
    everything = "\n".join(pages)
    assert "Wij brengen meer dan we halen" in everything
    assert "geheim van het Baken" not in everything and "groepsnotitie" not in everything
    assert str(folder) not in everything and store.path.name not in everything
    assert store.session.id not in everything
    rating = sessionfile.read(store.path).reflection.ratings["thm-give_and_take"]
    assert rating.per_partner["p-roc"] == 2 and "p-roc" in rating.partner_attention
    assert rating.partner_notes == {"p-baken": "geheim van het Baken",
                                    "p-roc": "Wij brengen meer dan we halen"}


async def test_every_part_takes_its_answers_from_a_plain_form(store: SessionStore) -> None:
    async with room_on(store, "commitment", "stap2", "stap3", "parking") as server, \
            phone(server, "p-tiel") as handset:
        status, _ = await handset.post("/s/commitment", {
            "a.inform": "no", "n.inform": "Wij horen het vaak te laat"}, json=False)
        assert status == 303
        status, _ = await handset.post("/s/stap2", {
            "c.finances": "limited", "t.finances": "Alleen dit jaar", "goals": "Minder uitval"},
            json=False)
        assert status == 303
        first = store.session.goal.own["p-tiel"][0]
        status, _ = await handset.post("/s/stap3", {
            f"i.{first.id}.title": "Werkend leren", f"was.i.{first.id}.title": first.title},
            json=False)
        assert status == 303
        status, _ = await handset.post("/s/stap3/add", {
            "sid": "C" * 22, "title": "Bus naar Geldermalsen", "explanation": ""}, json=False)
        assert status == 303
        status, page = await handset.post("/s/stap3", {f"i.{first.id}.title": ""}, json=False)
        assert status == 400 and "Vul &#34;Punt&#34; in." in page  # escaped in the page
        added = next(i for i in store.session.goal.own["p-tiel"] if i.title.startswith("Bus"))
        status, _ = await handset.post("/s/stap3/remove", {"item": added.id}, json=False)
        assert status == 303
        status, _ = await handset.post("/s/parking/add", {"sid": "D" * 22, "text": "Vervoer"},
                                       json=False)
        assert status == 303
        status, page = await handset.get("/s/parking")
        assert "Vervoer · open" in page
    saved = sessionfile.read(store.path)
    entry = saved.commitment.entries["p-tiel"]["inform"]
    assert entry.committed is False and entry.note == "Wij horen het vaak te laat"
    start = saved.start.partners["p-tiel"]
    assert start.capacity["finances"].assessment == "limited" and start.goals == "Minder uitval"
    assert start.capacity["finances"].text == "Alleen dit jaar"
    titles = [item.title for item in saved.goal.own["p-tiel"]]
    assert titles[0] == "Werkend leren" and "Bus naar Geldermalsen" not in titles
    assert [item.text for item in saved.workshop.parking].count("Vervoer") == 1


async def test_a_fault_of_the_room_itself_is_a_clear_error_not_a_bare_500(
        store: SessionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from regionet_tui.room import stap1 as room_stap1

    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(room_stap1, "apply", broken)
    async with room_on(store, "stap1") as server, phone(server, "p-roc") as handset:
        await _refused(store, server, lambda: handset.post(
            "/s/stap1", {f"{SERVICE}.quality": "9"}), 500, "ging op de laptop iets mis")
