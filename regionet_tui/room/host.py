"""The one place where an answer from the room changes the session.

An answer is applied with the store's `change(...)`, like every key the
facilitator presses: validated before anything is mutated, saved at once. A
phone is told "saved" only once the change is on disk: `save_answer` returns
after the store has written it (a large session is written by the store's
writer thread; the wait for it runs off the event loop), and raises when it
could not be written.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ..ids import utc_now
from ..models import Session
from ..storage import SessionStore
from .access import Device


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


class RoomHost:
    """The open session as the room sees it: read it, change it, tell the terminal."""

    def __init__(self, store: SessionStore,
                 on_answer: Callable[[Answered], None] | None = None,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self.store = store
        self.on_answer = on_answer
        self.clock = clock

    @property
    def session(self) -> Session:
        return self.store.session

    @property
    def language(self) -> str:
        return self.store.session.language

    async def save_answer(self, device: Device, stage: str, changed: int,
                          apply: Callable[[Session], object]) -> None:
        """Apply one answer of `device`'s partner and return once it is durable.

        Raises what `store.change` raises for a refused change (ReadOnlyError,
        FormError, ValidationError: nothing changed), SaveError or NotSaved
        when the disk refused it (the change is kept in memory).
        """
        self.store.change(apply)
        device.answers += 1
        device.last_answer = asyncio.get_running_loop().time()
        try:
            if await self._unsaved():
                raise NotSaved()
        finally:
            if self.on_answer is not None and device.partner_id is not None:
                self.on_answer(Answered(device.partner_id, stage, device.id, changed,
                                        self.clock()))

    async def _unsaved(self) -> bool:
        """Wait, off the loop, until the store has written what it holds."""
        store = self.store
        return await asyncio.get_running_loop().run_in_executor(None, lambda: store.unsaved)
