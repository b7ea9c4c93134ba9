"""kill -9 of the app while phones answer: every answer a phone was told was saved is in
the session when it is opened again (a few rounds here; benchmarks/bench_room.py runs more)."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import aiohttp
from support.room import DEMO_PARTNERS, demo_store
from support.room_burst import BurstPhone, burst, join, missing, wait_for_info

from regionet_tui.storage import SessionLibrary, sessionfile

DRIVER = Path(__file__).resolve().parents[1] / "support" / "room_driver.py"
ROUNDS = 3


async def one_round(path: Path, work: Path, seed: int) -> tuple[list[BurstPhone], int]:
    info = work / f"info-{seed}.json"
    child = subprocess.Popen([sys.executable, str(DRIVER), str(path), str(info)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        room = await wait_for_info(info)
        services = ["svc-bijscholen", "svc-omscholen", "svc-opscholen"]
        phones = [BurstPhone(partner, services[i % 3]) for i, partner in enumerate(DEMO_PARTNERS)]
        jar = aiohttp.CookieJar
        sessions = [aiohttp.ClientSession(cookie_jar=jar(unsafe=True)) for _ in phones]
        try:
            joined = await asyncio.gather(*(join(http, room["url"], phone.partner_id)
                                            for http, phone in zip(sessions, phones)))
            rng = random.Random(seed)

            async def kill_soon() -> None:
                await asyncio.sleep(rng.uniform(0.2, 0.8))
                os.kill(child.pid, signal.SIGKILL)

            await asyncio.gather(kill_soon(), *(
                burst(phone, http, base, csrf, 10_000)
                for phone, http, (base, csrf) in zip(phones, sessions, joined)))
        finally:
            for http in sessions:
                await http.close()
    finally:
        child.kill()
        child.wait()
    return phones, child.returncode


async def test_kill_9_during_a_burst_loses_no_answer_a_phone_was_told_was_saved(
        folder: Path, tmp_path: Path) -> None:
    store = demo_store(folder)
    path = store.path
    store.close()
    acknowledged = 0
    for seed in range(ROUNDS):
        phones, code = await one_round(path, tmp_path, seed)
        assert code == -signal.SIGKILL
        session = sessionfile.read(path)  # the file is whole, and opens
        assert missing(session, phones) == []
        acknowledged += sum(phone.acked + 1 + len(phone.parked) for phone in phones)
    print(f"\n{ROUNDS} rounds, {acknowledged} answers acknowledged and found")
    assert acknowledged > 0
    assert not SessionLibrary(folder).entries()[0].damaged
