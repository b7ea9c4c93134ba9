"""The one place where an answer from the room changes the session.

An answer is applied with the store's `change(...)`, like every key the
facilitator presses: validated before anything is mutated, saved at once. A
phone is told "saved" only once the change is on disk: `save_answer` returns
after the store has written it (a large session is written by the store's
writer thread; the wait for it runs off the event loop), and raises when it
could not be written.

The terminal comes first. Answers are checked and applied one at a time (a
`turn`), and after each the room leaves the event loop to the terminal for as
long as the turn took (`PACING`): a burst of a hundred phones then takes at
most about half of the loop, and a key pressed meanwhile waits for one answer
at most, not for the burst. Phones wait a little longer instead.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime

from ..ids import utc_now
from ..models import Session
from ..storage import SaveError, SessionStore
from ..storage.journal import Who
from .access import Device

# After a change that took t seconds, the next answer waits PACING * t.
PACING = 1.0


class NotSaved(Exception):
    """The answer is in the session in memory, but the disk refused it (full, gone)."""


@dataclass(frozen=True)
class Answered:
    """A partner's answer was saved: what the terminal shows as it arrives."""

    partner_id: str
    stage: str
    device_id: str
    changed: int  # how many values it changed
    at: datetime
    saved: bool = True  # False: in the session in memory, but the disk refused it


class RoomHost:
    """The open session as the room sees it: read it, change it, tell the terminal."""

    def __init__(self, store: SessionStore,
                 on_answer: Callable[[Answered], object] | None = None,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self.store = store
        self.on_answer = on_answer
        self.clock = clock
        self._turn = asyncio.Lock()

    @property
    def session(self) -> Session:
        return self.store.session

    @property
    def language(self) -> str:
        return self.store.session.language

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """One answer's turn: checked and applied with no other answer in between,
        then the loop is left to the terminal for as long as the turn took."""
        async with self._turn:
            began = time.perf_counter()
            try:
                yield
            finally:
                await asyncio.sleep((time.perf_counter() - began) * PACING)

    def apply(self, device: Device, apply: Callable[[Session], object]) -> None:
        """Apply one answer of `device`'s partner (in its turn) and save it.

        Raises what `store.change` raises: ReadOnlyError, FormError or
        ValidationError for a refused change (nothing changed), SaveError when
        the disk refused it (the change is kept in memory).
        """
        partner = (self.store.session.partner(device.partner_id)
                   if device.partner_id is not None else None)
        who = Who("device", partner.name if partner is not None else "",
                  device.partner_id or "")
        try:
            self.store.change(apply, who)
        except SaveError:
            self._tell(device, "", 0, saved=False)
            raise
        device.answers += 1
        device.last_answer = asyncio.get_running_loop().time()

    async def saved(self, device: Device, stage: str, changed: int) -> None:
        """Return once what was applied is on disk (NotSaved if the disk refused it);
        the terminal hears of the answer either way."""
        unsaved = await self._unsaved()
        self._tell(device, stage, changed, saved=not unsaved)
        if unsaved:
            raise NotSaved()

    def _tell(self, device: Device, stage: str, changed: int, *, saved: bool) -> None:
        if self.on_answer is not None and device.partner_id is not None:
            self.on_answer(Answered(device.partner_id, stage, device.id, changed,
                                    self.clock(), saved))

    async def _unsaved(self) -> bool:
        """Wait, off the loop, until the store has written what it holds."""
        store = self.store
        return await asyncio.get_running_loop().run_in_executor(None, lambda: store.unsaved)
