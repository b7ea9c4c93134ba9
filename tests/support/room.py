"""Helpers for the room's tests: a room on a demo session, and phones that use it.

A `Phone` goes through the room as a partner's phone does (the QR code's
link, picking the organisation, a form post with its token and the page's
origin); tests then break one rule at a time.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

from regionet_tui.demo import build_demo
from regionet_tui.room.access import Device
from regionet_tui.room.host import RoomHost
from regionet_tui.room.server import RoomServer
from regionet_tui.storage import SessionLibrary, SessionStore

DEMO_PARTNERS = ["p-baken", "p-roc", "p-linden", "p-tiel", "p-uwv", "p-loket"]
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
CODE = re.compile(r'class="code"[^>]*>([^<]+)<')


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def demo_store(folder: Path, language: str = "nl") -> SessionStore:
    """The demo workshop as a session file in `folder`, open; in `language` (the demo
    is a Dutch session: "en" makes it one whose pages speak English)."""
    library = SessionLibrary(folder)
    library.prepare()
    demo = build_demo("demo")
    if language != demo.language:
        demo = demo.model_copy(update={"language": language})
    return library.add(demo)


@dataclass
class Phone:
    http: aiohttp.ClientSession
    base: str
    device: Device | None = None

    @property
    def csrf(self) -> str:
        assert self.device is not None
        return self.device.csrf

    async def get(self, path: str, **headers: str) -> tuple[int, str]:
        async with self.http.get(self.base + path, headers=headers,
                                 allow_redirects=False) as response:
            return response.status, await response.text()

    async def post(self, path: str, data: Mapping[str, str] | Sequence[tuple[str, str]] | str
                   | bytes, *, csrf: bool = True, origin: str | None = "", json: bool = True,
                   headers: Mapping[str, str] | None = None) -> tuple[int, Any]:
        """A form post as the page's script sends it (JSON answer), or as a plain
        form (`json=False`: the answer is the page or the redirect)."""
        sent: Any = data
        if csrf and isinstance(data, Mapping):
            sent = {"csrf": self.csrf, **data}
        all_headers = {"Accept": "application/json"} if json else {}
        if origin is not None:
            all_headers["Origin"] = origin or self.base
        all_headers.update(headers or {})
        async with self.http.post(self.base + path, data=sent, headers=all_headers,
                                  allow_redirects=False) as response:
            if response.content_type == "application/json":
                return response.status, await response.json()
            return response.status, await response.text()


@asynccontextmanager
async def room_on(store: SessionStore, *stages: str) -> AsyncIterator[RoomServer]:
    """A room on 127.0.0.1 (a free port) with `stages` open; stopped afterwards."""
    server = RoomServer(RoomHost(store))
    await server.start(port=0)
    for stage in stages:
        server.set_open(stage, True)  # type: ignore[arg-type]
    try:
        yield server
    finally:
        await server.stop()


@asynccontextmanager
async def phone(server: RoomServer, partner_id: str | None = None, *,
                admit: bool = True) -> AsyncIterator[Phone]:
    """A phone in the room: joined by the QR code's link; with `partner_id`,
    it asked for that partner (and was let in, unless `admit` is False)."""
    jar = aiohttp.CookieJar(unsafe=True)  # the room is reached by an IP address
    async with aiohttp.ClientSession(cookie_jar=jar) as http:
        handset = Phone(http, f"http://127.0.0.1:{server.port}")
        status, _ = await handset.get("/j/" + server.access.secret)  # the QR code's link
        assert status == 303
        token = next(cookie.value for cookie in jar if cookie.key == "regionet_room")
        handset.device = server.access.device(token)
        if partner_id is not None:
            status, _ = await handset.post("/join", {"partner": partner_id}, json=False)
            assert status == 303
            if admit:
                assert handset.device is not None
                server.access.admit(handset.device.id)
        yield handset
