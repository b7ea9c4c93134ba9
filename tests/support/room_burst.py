"""Phones that answer in a burst against a room in another process, and the check that
nothing they were told was saved is missing afterwards (kill -9 test, benchmark)."""

from __future__ import annotations

import asyncio
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from regionet_tui.models import Session
from regionet_tui.room.submissions import item_id

NOTE = re.compile(r"^burst (\d+)$")


@dataclass
class BurstPhone:
    partner_id: str
    service_id: str
    acked: int = -1  # the highest note number the room said it saved
    parked: list[str] = field(default_factory=list)  # submission ids the room said it saved
    request_times: list[float] = field(default_factory=list)


async def wait_for_info(info: Path, timeout: float = 60.0) -> dict[str, Any]:
    end = time.monotonic() + timeout
    while not info.exists():
        if time.monotonic() > end:
            raise TimeoutError(f"the room did not open within {timeout} s")
        await asyncio.sleep(0.05)
    result: dict[str, Any] = json.loads(info.read_text())
    return result


async def join(http: aiohttp.ClientSession, url: str, partner_id: str) -> tuple[str, str]:
    """Join by the QR code's link, ask for `partner_id`, wait to be let in; the base and
    the form token."""
    base = url.split("/j/")[0]
    async with http.get(url) as response:
        page = await response.text()
    token = re.search(r'name="csrf" value="([^"]+)"', page)
    assert token is not None, page[:300]
    async with http.post(base + "/join", data={"csrf": token.group(1), "partner": partner_id},
                         headers={"Origin": base}) as response:
        assert response.status == 200
    for _ in range(500):
        async with http.get(base + "/s/stap1") as response:
            if response.status == 200:
                return base, token.group(1)
        await asyncio.sleep(0.02)
    raise TimeoutError("not let in")


async def burst(phone: BurstPhone, http: aiohttp.ClientSession, base: str, csrf: str,
                count: int, pause: float = 0.0) -> None:
    """Answer `count` times (a note that counts up; every fifth time a parked note too)
    until the room stops answering."""
    headers = {"Origin": base, "Accept": "application/json"}
    for n in range(count):
        name = f"s.{phone.service_id}.note"
        try:
            start = time.perf_counter()
            async with http.post(base + "/s/stap1", data={"csrf": csrf, name: f"burst {n}"},
                                 headers=headers) as response:
                answer = await response.json()
            phone.request_times.append(time.perf_counter() - start)
            if response.status == 200 and answer["ok"]:
                phone.acked = n
            if n % 5 == 0:
                sid = f"{phone.partner_id}-burst-{n:06d}".ljust(16, "x")
                async with http.post(base + "/s/parking/add", headers=headers, data={
                        "csrf": csrf, "sid": sid, "text": f"geparkeerd {n}"}) as response:
                    answer = await response.json()
                if response.status == 200 and answer["ok"]:
                    phone.parked.append(sid)
        except (TimeoutError, aiohttp.ClientError):
            return
        if pause:
            await asyncio.sleep(pause)


def missing(session: Session, phones: list[BurstPhone]) -> list[str]:
    """What the phones were told was saved but the session lacks (or holds twice)."""
    problems = []
    parking = [item.id for item in session.workshop.parking]
    for phone in phones:
        note = session.portfolio.scores.get(phone.partner_id, {}).get(phone.service_id)
        found = NOTE.match(note.note) if note is not None else None
        saved = int(found.group(1)) if found else -1
        if saved < phone.acked:
            problems.append(f"{phone.partner_id}: note {saved} saved, {phone.acked} acknowledged")
        for sid in phone.parked:
            count = parking.count(item_id(phone.partner_id, sid))
            if count != 1:
                problems.append(f"{phone.partner_id}: parked {sid} {count} times")
    return problems
