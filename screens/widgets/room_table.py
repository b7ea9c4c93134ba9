"""The partners in the room: their phones, and how far each is in what the room answers.

Progress is a symbol per stage (○ nothing, ◐ some, ● all; a count for agenda
items and parked notes), the phones in words ("✓ 2", "wacht K7F"): never
colour alone.
"""

from __future__ import annotations

from rich.text import Text

from regionet_tui.i18n import t
from regionet_tui.models import Session
from regionet_tui.room.access import RoomAccess
from regionet_tui.room.progress import partner_progress
from regionet_tui.room.stages import ROOM_STAGES

from .line_table import LineTable, Row

PARTNER_WIDTH, PHONES_WIDTH = 14, 10


def phones_text(access: RoomAccess, partner_id: str) -> Text:
    """"✓ 2" phones in, "wacht K7F" for one waiting (bold: the facilitator's turn)."""
    devices = access.devices_of(partner_id)
    admitted = sum(1 for d in devices if d.admitted)
    waiting = [d.code for d in devices if d.state == "waiting"]
    parts = [t("room.phones_in", count=admitted)] if admitted else []
    if waiting:
        parts.append(t("room.phones_waiting", code=waiting[0]))
        if len(waiting) > 1:
            parts.append(f"+{len(waiting) - 1}")
    return Text(" ".join(parts), style="bold" if waiting else "")


class RoomTable(LineTable):
    def on_mount(self) -> None:
        self.add_column(Text(t("room.col_partner")), key="partner", max_width=PARTNER_WIDTH)
        self.add_column(Text(t("room.col_phones")), key="phones", max_width=PHONES_WIDTH)
        # One column for the six parts, headed by their keys: 80 columns hold it beside the QR code.
        self.add_column(Text(" ".join(t(f"room.col.{stage}") for stage in ROOM_STAGES)),
                        key="progress")

    def show_room(self, session: Session, access: RoomAccess) -> None:
        rows = []
        for partner in session.partners:
            progress = partner_progress(session, partner.id)
            rows.append(Row(partner.id, (
                partner.name,
                phones_text(access, partner.id),
                " ".join(progress[stage].symbol for stage in ROOM_STAGES),
            )))
        self.show(rows)

    def selected_partner(self) -> str | None:
        if self.row_count == 0 or self.cursor_row < 0:
            return None
        return self.row_key_at(min(self.cursor_row, self.row_count - 1))
