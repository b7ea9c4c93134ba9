"""The room: the address and QR code partners scan, what is open for them, who is in.

Shown over the stage it was opened from (F6); Esc goes back. The facilitator
lets phones in here (`a` the one that asked first, whose organisation and
matching code the screen shows; `enter` the one of the partner under the
cursor), opens and locks each part for the room with the key of its stage,
moves the room onto the room's network (`n`) and closes it (`c`).
"""

from __future__ import annotations

from typing import cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, Static

from regionet_tui.i18n import t
from regionet_tui.room.server import RoomServer
from regionet_tui.room.stages import ROOM_STAGES, RoomStage
from regionet_tui.room_mode import RoomMode

from .base import RegionetScreen
from .dialogs.confirm import ConfirmDialog
from .widgets.qr_code import QrCode
from .widgets.room_table import RoomTable
from .widgets.text import show_text
from .widgets.title_bar import TitleBar

# The key that opens or locks each part for the room: the stage's own key.
STAGE_KEYS: dict[RoomStage, str] = {"commitment": "0", "stap1": "1", "stap2": "2", "stap3": "3",
                                    "reflection": "7", "parking": "p"}
# Answers arriving in a burst redraw the screen once, this long after the first.
REDRAW_DELAY = 0.25


class RoomScreen(RegionetScreen):
    BINDINGS = [
        Binding("escape", "back", "app.key_back"),
        Binding("a", "admit_next", "room.key_admit"),
        Binding("x", "refuse_next", "room.key_refuse"),
        Binding("enter", "admit_selected", "room.key_admit_selected", show=False),
        Binding("d", "revoke", "room.key_revoke", show=False),
        *[Binding(key, f"toggle_stage('{stage}')", f"room.key_toggle_{stage}", show=False)
          for stage, key in STAGE_KEYS.items()],
        Binding("n", "network", "room.key_network"),
        Binding("q", "toggle_qr", "room.key_qr", show=False),
        Binding("c", "close_room", "room.key_close"),
        Binding("question_mark,f1", "app.help", "app.key_help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._redraw: Timer | None = None

    @property
    def hub(self) -> RoomMode:
        return cast(RoomMode, self.app)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="room-address")
        with Horizontal(id="room-panes"):
            yield QrCode(id="room-qr")
            with Vertical(id="room-side"):
                yield Static("", id="room-stages")
                yield Static("", id="room-waiting")
                yield RoomTable(id="room-table")
                yield Static("", id="room-recent")
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("room.title")
        store = self.hub.store
        self.sub_title = store.session.title if store is not None else ""
        self.hub.room_changed.subscribe(self, self._room_changed)
        # After the first refresh: the widgets nested in the panes are mounted by then.
        self.call_after_refresh(self._first_show)

    def _first_show(self) -> None:
        self.show_room()
        self.query_one(RoomTable).focus()

    def help_text(self) -> str:
        return t("room.help")

    def _room_changed(self, _: object) -> None:
        if self._redraw is None:
            self._redraw = self.set_timer(REDRAW_DELAY, self._redraw_now)

    def _redraw_now(self) -> None:
        self._redraw = None
        self.show_room()

    # -- showing the room ---------------------------------------------------------------
    def show_room(self) -> None:
        room, store = self.hub.room, self.hub.store
        if room is None or store is None:
            show_text(self.query_one("#room-address", Static), t("room.is_closed"))
            self.query_one(QrCode).show("")
            return
        where = (t("room.where_network", address=room.address) if room.networked
                 else t("room.where_local"))
        show_text(self.query_one("#room-address", Static),
                  t("room.address_line", where=where, url=room.url))
        self.query_one(QrCode).show(room.url)
        show_text(self.query_one("#room-stages", Static), self._stages_text(room))
        show_text(self.query_one("#room-waiting", Static), self._waiting_text(room))
        self.query_one(RoomTable).show_room(store.session, room.access)
        show_text(self.query_one("#room-recent", Static), self._recent_text())

    def _stages_text(self, room: RoomServer) -> str:
        lines = [t("room.stages_heading")]
        for stage, key in STAGE_KEYS.items():
            is_open = stage in room.open_stages
            lines.append(t("room.stage_line", key=key, mark="●" if is_open else "○",
                           name=t(f"room.stage_name.{stage}"),
                           state=t("room.state_open" if is_open else "room.state_locked")))
        return "\n".join(lines)

    def _waiting_text(self, room: RoomServer) -> str:
        waiting = room.access.waiting()
        store = self.hub.store
        if not waiting or store is None:
            return t("room.nobody_waiting")
        first = waiting[0]
        partner = store.session.partner(first.partner_id or "")
        text = t("room.first_waiting", name=partner.name if partner else "?", code=first.code)
        if len(waiting) > 1:
            text += " " + t("room.more_waiting", count=len(waiting) - 1)
        return text

    def _recent_text(self) -> str:
        store = self.hub.store
        if store is None or not self.hub.recent_answers:
            return ""
        lines = []
        for answered in list(self.hub.recent_answers)[:2]:
            partner = store.session.partner(answered.partner_id)
            lines.append(t("room.recent_line", time=answered.at.astimezone().strftime("%H:%M:%S"),
                           name=partner.name if partner else "?",
                           stage=t(f"room.stage_name.{answered.stage}")))
        return "\n".join(lines)

    # -- the facilitator's keys ------------------------------------------------------------
    def action_back(self) -> None:
        self.app.pop_screen()

    def action_admit_next(self) -> None:
        room = self.hub.room
        if room is not None and room.access.waiting():
            self.hub.admit_device(room.access.waiting()[0].id)

    def action_refuse_next(self) -> None:
        room = self.hub.room
        if room is not None and room.access.waiting():
            self.hub.refuse_device(room.access.waiting()[0].id)

    def _selected_devices(self) -> list[str]:
        room, partner_id = self.hub.room, self.query_one(RoomTable).selected_partner()
        if room is None or partner_id is None:
            return []
        return [d.id for d in room.access.devices_of(partner_id)]

    def action_admit_selected(self) -> None:
        room = self.hub.room
        if room is None:
            return
        for device_id in self._selected_devices():
            device = room.access.by_id(device_id)
            if device is not None and device.state == "waiting":
                self.hub.admit_device(device_id)
                return

    def action_revoke(self) -> None:
        for device_id in self._selected_devices():
            self.hub.refuse_device(device_id)

    def action_toggle_stage(self, stage: str) -> None:
        room = self.hub.room
        chosen = next((s for s in ROOM_STAGES if s == stage), None)
        if room is None or chosen is None:
            return
        is_open = chosen not in room.open_stages
        self.hub.set_room_stage(chosen, is_open)
        self.notify(t("room.stage_opened" if is_open else "room.stage_locked",
                      name=t(f"room.stage_name.{chosen}")), markup=False)

    async def action_network(self) -> None:
        room = self.hub.room
        if room is not None:
            await self.hub.set_room_network(not room.networked)

    def action_toggle_qr(self) -> None:
        qr = self.query_one(QrCode)
        qr.display = not qr.display

    def action_close_room(self) -> None:
        async def close(yes: bool | None) -> None:
            if yes:
                await self.hub.close_room()
                if self.app.screen is self:
                    self.app.pop_screen()

        self.app.push_screen(ConfirmDialog(t("room.close_question")), close)
