"""The room from the facilitator's keys: F6, letting phones in, opening parts, closing.

Phones are played by aiohttp clients in the same event loop as the Pilot-driven
app, as a partner's phone reaches the laptop over the network.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from regionet_tui.screens.room import RoomScreen
from regionet_tui.screens.stages.stap1 import Stap1Screen
from regionet_tui.screens.widgets.qr_code import QrCode
from regionet_tui.screens.widgets.room_badge import RoomBadge
from support.app import NotingApp, make_app, screen_text
from support.room import phone
from support.stages import notifications, open_demo_at

from regionet_tui.app import AppConfig, RegionetApp
from regionet_tui.core import stap1_gaps
from regionet_tui.room.qr import matrix
from regionet_tui.storage import sessionfile

pytestmark = pytest.mark.usefixtures("any_free_port")


async def until(pilot: Any, condition: Callable[[], object], seconds: float = 10.0) -> None:
    """Let the app run until `condition` holds (bounded: the machine may be busy)."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition()


def gap_row(app: RegionetApp, service: str) -> str:
    """The gap table's row of `service` (table rows are shown as cells joined by " | ")."""
    return next(line for line in screen_text(app).splitlines()
                if line.startswith(service) and " | " in line)


async def test_f6_opens_the_room_with_its_address_as_text_and_as_a_qr_code(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "1")
        await pilot.press("f6")
        await until(pilot, lambda: "alleen op deze laptop" in screen_text(app))
        assert isinstance(app.screen, RoomScreen)
        room = app.room
        assert room is not None and room.running and not room.networked
        text = screen_text(app)
        assert room.url in text and "alleen op deze laptop" in text
        assert "1 ● STAP 1 · open" in text and "0 ○ Toewijding · dicht" in text
        qr = app.screen.query_one(QrCode)
        modules = matrix(room.url)
        drawn = [[cell[half] for cell in line] for line in qr.cells for half in (0, 1)]
        assert drawn[:len(modules)] == modules  # every module as segno made it
        assert qr.size.width <= 37 and qr.size.height <= 19  # fits 80x24 beside the text
        await pilot.press("escape")
        await pilot.pause()
        badge = app.screen.query_one(RoomBadge)
        assert badge.display and "Zaal · 0 tel." in str(badge.render())


async def test_a_phone_is_let_in_with_a_and_its_answer_shows_in_the_gap_table(
        folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "1")
        await pilot.press("g")  # the gap table on the projector
        await pilot.pause()
        before = gap_row(app, "Arbeidspool")
        await pilot.press("f6")
        await pilot.pause()
        assert app.room is not None
        async with phone(app.room, "p-baken", admit=False) as handset:
            assert handset.device is not None
            await until(pilot, lambda: "Wacht: Het Baken" in screen_text(app))
            text = screen_text(app)
            assert f"Wacht: Het Baken College · code {handset.device.code}" in text
            assert f"wacht {handset.device.code}" in text
            await pilot.press("a")
            await until(pilot, lambda: "Niemand wacht op toegang." in screen_text(app))
            assert handset.device.admitted
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, Stap1Screen)
            status, answer = await handset.post("/s/stap1", {
                "s.svc-arbeidspool.offered": "yes", "s.svc-arbeidspool.quality": "10",
                "s.svc-arbeidspool.desired": "10"})
            assert status == 200 and answer["ok"]
            await until(pilot, lambda: gap_row(app, "Arbeidspool") != before)
            after = gap_row(app, "Arbeidspool")
    saved = sessionfile.read(folder / "demo.json")
    row = next(r for r in stap1_gaps.by_service(saved) if r.key == "svc-arbeidspool")
    assert after != before
    assert f"{row.mean_current:.1f}".replace(".", ",") in after


async def test_parts_open_and_lock_with_their_stage_keys(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "p")  # the partners stage: nothing of it is for the room
        await pilot.press("f6")
        await pilot.pause()
        assert app.room is not None and app.room.open_stages == set()
        await pilot.press("7", "p", "1")
        await pilot.pause()
        assert app.room.open_stages == {"reflection", "parking", "stap1"}
        await pilot.press("1")
        await until(pilot, lambda: "1 ○ STAP 1 · dicht" in screen_text(app))
        assert app.room.open_stages == {"reflection", "parking"}
        text = screen_text(app)
        assert "7 ● Praatplaat · open" in text and "1 ○ STAP 1 · dicht" in text
        async with phone(app.room, "p-roc") as handset:
            _status, page = await handset.get("/")
            assert "Praatplaat" in page and "Parkeerplaats" in page and "/s/stap1" not in page


async def test_closing_the_room_stops_the_server_and_every_token(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "1")
        await pilot.press("f6")
        await pilot.pause()
        room = app.room
        assert room is not None
        async with phone(room, "p-roc") as handset:
            await pilot.press("c")
            await pilot.pause()
            await pilot.press("j")
            await until(pilot, lambda: not isinstance(app.screen, RoomScreen))
            assert app.room is None and not room.running
            try:  # refused while the server stops, gone once it has
                status, page = await handset.get("/s/stap1")
                assert status == 503 and "De zaal is gesloten" in page
            except aiohttp.ClientConnectionError:
                pass
        assert not app.screen.query_one(RoomBadge).has_class("-open")
        await pilot.press("f6")  # a new room: a new secret
        await until(pilot, lambda: app.room is not None)
        assert app.room is not None and app.room.access.secret != room.access.secret


async def test_closing_the_session_closes_the_room(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "p")
        await pilot.press("f6")
        await pilot.pause()
        room = app.room
        assert room is not None
        await pilot.press("escape", "escape")
        await until(pilot, lambda: app.store is None)
        assert app.room is None and not room.running
        await pilot.press("f6")  # no session: no room
        await pilot.pause()
        assert app.room is None


async def test_a_read_only_session_has_no_room(folder: Path) -> None:
    from filelock import FileLock

    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "p")
        path = app.store.path if app.store else None
        await pilot.press("escape")
        await pilot.pause()
        assert path is not None
        holder = FileLock(sessionfile.lock_path(path), timeout=0)
        holder.acquire()  # another window holds the session
        try:
            await pilot.press("enter")
            await pilot.pause()
            assert app.store is not None and app.store.readonly
            await pilot.press("f6")
            await pilot.pause()
            assert app.room is None
            assert any("alleen-lezen" in n and "zaal" in n for n in notifications(app))
        finally:
            holder.release()


async def test_regionet_room_opens_the_session_with_its_room(folder: Path) -> None:
    app = make_app(folder, demo=True)
    async with app.run_test() as pilot:  # first create the demo session
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    config = AppConfig(folder, "en", open_path=folder / "demo.json", open_room="local",
                       room_port=0)
    app = NotingApp(config)
    async with app.run_test() as pilot:
        await until(pilot, lambda: isinstance(app.screen, RoomScreen)
                    and "on this laptop only" in screen_text(app))
        assert app.room is not None and app.room.running
        async with phone(app.room, "p-roc") as handset:
            _status, page = await handset.get("/")
            assert 'lang="nl"' in page  # the session's language, not the interface's


async def test_what_a_phone_writes_reaches_the_terminal_as_text(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "1")
        await pilot.press("f6")
        await pilot.pause()
        assert app.room is not None
        async with phone(app.room, "p-baken") as handset:
            await handset.post("/s/stap1", {
                "s.svc-arbeidspool.note": "[bold]vet[/] [@click=app.quit]klik\x1b]0;x\x07"})
        await pilot.press("escape")
        await until(pilot, lambda: "[bold]vet[/]" in screen_text(app))
        assert app.is_running
        assert "[bold]vet[/] [@click=app.quit]klik]0;x" in screen_text(app)  # the detail line


async def test_the_stage_bar_shows_phones_that_came_in_while_the_stage_was_away(
        folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "1")
        await pilot.press("f6", "escape", "2")  # the room open, then on to STAP 2
        await pilot.pause()
        assert app.room is not None
        def badge() -> str:
            return str(app.screen.query_one(RoomBadge).render())

        async with phone(app.room, "p-roc"), phone(app.room, "p-uwv", admit=False):
            await until(pilot, lambda: "Zaal · 1 wacht" in badge())
            await pilot.press("1")  # back to STAP 1, kept since its first visit
            await until(pilot, lambda: isinstance(app.screen, Stap1Screen))
            assert "Zaal · 1 wacht" in badge()
            app.admit_device(app.room.access.waiting()[0].id)
            await until(pilot, lambda: "Zaal · 2 tel." in badge())


async def test_the_praatplaat_shows_what_partners_said_from_the_room(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "7")
        await pilot.press("f6")
        await pilot.pause()
        assert app.room is not None and "reflection" in app.room.open_stages
        async with phone(app.room, "p-uwv") as handset:
            theme = "thm-declining_pupils"  # the first theme, under the cursor
            status, _ = await handset.post("/s/reflection", {
                f"r.{theme}": "1", f"f.{theme}": "on", f"n.{theme}": "Krimp raakt ons [hard]"})
            assert status == 200
        await pilot.press("escape")
        await until(pilot, lambda: "Aandacht nodig volgens: UWV Rivierenland" in screen_text(app))
        assert "UWV Rivierenland: Krimp raakt ons [hard]" in screen_text(app)


async def test_n_puts_the_room_on_the_rooms_network_and_back(folder: Path) -> None:
    from regionet_tui.room.network import room_addresses

    found = room_addresses()
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "1")
        await pilot.press("f6")
        await pilot.pause()
        assert app.room is not None
        port = app.room.port
        await pilot.press("n")
        if not found:  # a machine with no network at all: the room stays on the laptop
            await until(pilot, lambda: any("Geen netwerk" in n for n in notifications(app)))
            assert not app.room.networked
            return
        await until(pilot, lambda: app.room is not None and app.room.networked)
        assert app.room.address == found[0] and app.room.port == port
        await until(pilot, lambda: f"http://{found[0]}:{port}/j/" in screen_text(app))
        async with phone(app.room, "p-roc") as handset:  # still reachable on the laptop
            status, _ = await handset.get("/s/stap1")
            assert status == 200
        await pilot.press("n")
        await until(pilot, lambda: app.room is not None and not app.room.networked)


async def test_the_room_is_in_the_command_palette_of_every_stage(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "4")  # STAP 4: no part of it is for the room
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "De zaal" in titles
        await pilot.press("f6")
        await until(pilot, lambda: isinstance(app.screen, RoomScreen))
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Toelaten", "Netwerk/laptop", "Sluiten",
                "STAP 1 open/dicht voor de zaal"} <= set(titles)
