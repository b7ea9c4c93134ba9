"""The room on the App: partners answer from their phones while the workshop runs.

The App owns the room's server (`room.server.RoomServer`) while a session is
open: `open_room` starts it in the App's own asyncio loop, `close_room` stops
it (and with it every device's token), and closing the session or quitting
closes it too. F6 opens the room and shows its screen (`screens/room.py`):
the address as text and QR code, what is open for the room, who waits to be
let in and how far every partner is.

What the server reports arrives as messages on the App: an answer saved
(the visible stage shows it, a moment later and once for a burst of them),
a device waiting to be let in. `room_changed` (a Signal) tells the room's
widgets (the screen, the badge in the stage bar) to show the room anew.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.signal import Signal

from .i18n import t

if TYPE_CHECKING:
    from .config import AppConfig
    from .room.host import Answered
    from .room.server import RoomEvent, RoomServer
    from .room.stages import RoomStage
    from .storage import SessionStore
    from .storage.journal import Record

ROOM_BINDINGS: list[BindingType] = [
    Binding("f6", "room", "room.key_room", show=False, priority=True),
]
# A burst of answers refreshes the stage on screen once, this long after the first.
REFRESH_DELAY = 0.2
# Toasts about devices waiting to be let in: at most one per this many seconds.
WAITING_TOAST_SECONDS = 3.0
RECENT_ANSWERS = 6


class RoomMode(App[None]):
    """The part of RegionetApp that runs the room."""

    BINDINGS = ROOM_BINDINGS

    config: AppConfig
    store: SessionStore | None
    session_changed_signal: Signal[Record | None]

    class RoomAnswered(Message):
        """A partner's answer was saved (posted by the room's server)."""

        def __init__(self, answered: Answered) -> None:
            super().__init__()
            self.answered = answered

    class RoomDeviceEvent(Message):
        """A device asks to be let in (posted by the room's server)."""

        def __init__(self, event: RoomEvent) -> None:
            super().__init__()
            self.event = event

    def __init__(self) -> None:
        super().__init__()
        self.room: RoomServer | None = None
        self.room_changed: Signal[None] = Signal(self, "room_changed")
        self.recent_answers: deque[Answered] = deque(maxlen=RECENT_ANSWERS)
        self._stage_refresh_due = False
        self._last_waiting_toast = 0.0
        self._room_stopping: asyncio.Task[None] | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "room" and self.store is None:
            return False
        return super().check_action(action, parameters)

    # -- opening and closing ----------------------------------------------------------
    async def open_room(self, network: bool = False, port: int | None = None) -> bool:
        """Start the room for the open session (on the laptop, or on the room's
        network); True when it listens. A read-only session has no room."""
        from .room.host import RoomHost
        from .room.network import LOCAL, room_addresses
        from .room.server import DEFAULT_PORT, RoomServer

        if self.room is not None:
            return True
        store = self.store
        if store is None:
            return False
        if store.readonly:
            self.notify(t("room.readonly"), severity="warning", timeout=10, markup=False)
            return False
        if self._room_stopping is not None:
            await self._room_stopping  # the last room's port is free again
        address = LOCAL
        if network:
            found = room_addresses()
            if not found:
                self.notify(t("room.no_network"), severity="warning", timeout=10,
                            markup=False)
            address = found[0] if found else LOCAL
        host = RoomHost(store, on_answer=lambda answered: self.post_message(
            self.RoomAnswered(answered)))
        server = RoomServer(host, on_event=lambda event: self.post_message(
            self.RoomDeviceEvent(event)))
        if port is None:  # the port given on the command line, else the usual one
            port = DEFAULT_PORT if self.config.room_port is None else self.config.room_port
        try:
            await server.start(address, port)
        except OSError as error:
            await server.stop()
            self.notify(t("room.cannot_open", reason=error.strerror or str(error)),
                        severity="error", timeout=15, markup=False)
            return False
        self.room = server
        self.recent_answers.clear()
        stage = self._room_stage_on_screen()
        if stage is not None:
            server.set_open(stage, True)
        self.room_changed.publish(None)
        return True

    async def close_room(self) -> None:
        server, self.room = self.room, None
        if server is None:
            return
        await server.stop()
        self.room_changed.publish(None)
        self.notify(t("room.closed"), markup=False)

    def room_session_closing(self) -> None:
        """The session closes: the room refuses everything from now on and stops."""
        server, self.room = self.room, None
        if server is None:
            return
        server.running = False
        self._room_stopping = asyncio.get_running_loop().create_task(server.stop())
        self.room_changed.publish(None)

    @on(events.Unmount)
    async def _stop_room_on_exit(self) -> None:
        """Quitting: the room's sockets are closed before the loop ends (after the
        App's own Unmount handler has closed the session)."""
        if self.room is not None:
            server, self.room = self.room, None
            await server.stop()
        if self._room_stopping is not None:
            await self._room_stopping

    async def set_room_network(self, network: bool) -> None:
        """Move the room to the room's network, or back to the laptop only."""
        from .room.network import LOCAL, room_addresses

        server = self.room
        if server is None or network == server.networked:
            return
        found = room_addresses() if network else []
        if network and not found:
            self.notify(t("room.no_network"), severity="warning", timeout=10, markup=False)
            return
        try:
            await server.move(found[0] if network else LOCAL)
        except OSError as error:
            self.notify(t("room.cannot_open", reason=error.strerror or str(error)),
                        severity="error", timeout=15, markup=False)
        self.room_changed.publish(None)

    # -- the facilitator's decisions -------------------------------------------------
    def admit_device(self, device_id: str) -> None:
        if self.room is not None and self.room.access.admit(device_id) is not None:
            self.room_changed.publish(None)

    def refuse_device(self, device_id: str) -> None:
        if self.room is not None and self.room.access.refuse(device_id) is not None:
            self.room_changed.publish(None)

    def set_room_stage(self, stage: RoomStage, is_open: bool) -> None:
        if self.room is not None:
            self.room.set_open(stage, is_open)
            self.room_changed.publish(None)

    def _room_stage_on_screen(self) -> RoomStage | None:
        from .room.stages import ROOM_STAGES
        from .screens.stage import StageScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, StageScreen):
                return next((s for s in ROOM_STAGES if s == screen.STAGE_ID), None)
        return None

    # -- the room's screen ---------------------------------------------------------------
    async def action_room(self) -> None:
        """Open the room (on the laptop) if it is closed, and show its screen."""
        from .screens.room import RoomScreen

        if self.store is None or any(isinstance(s, RoomScreen) for s in self.screen_stack):
            return
        if self.room is None and not await self.open_room():
            return
        self.push_screen(RoomScreen())

    # -- what the server reports -----------------------------------------------------------
    def on_room_mode_room_answered(self, message: RoomAnswered) -> None:
        if not message.answered.saved:
            self.notify(t("room.not_saved"), severity="error", timeout=15, markup=False)
            return
        self.recent_answers.appendleft(message.answered)
        self.room_changed.publish(None)
        if not self._stage_refresh_due:
            self._stage_refresh_due = True
            self.set_timer(REFRESH_DELAY, self._show_room_answers)

    def _show_room_answers(self) -> None:
        """The answers that arrived are published as one change of the session:
        the stage on screen shows them (the others do when shown)."""
        self._stage_refresh_due = False
        if not self.screen_stack:  # quitting
            return
        self.session_changed_signal.publish(None)

    def on_room_mode_room_device_event(self, message: RoomDeviceEvent) -> None:
        from .screens.room import RoomScreen

        self.room_changed.publish(None)
        server = self.room
        if server is None or not self.screen_stack or isinstance(self.screen, RoomScreen):
            return
        now = asyncio.get_running_loop().time()
        if now - self._last_waiting_toast < WAITING_TOAST_SECONDS:
            return
        self._last_waiting_toast = now
        waiting = server.access.waiting()
        if len(waiting) == 1 and self.store is not None:
            partner = self.store.session.partner(waiting[0].partner_id or "")
            name = partner.name if partner else "?"
            self.notify(t("room.waiting_one", name=name, code=waiting[0].code), markup=False)
        elif waiting:
            self.notify(t("room.waiting_many", count=len(waiting)), markup=False)
