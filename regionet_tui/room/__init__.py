"""The room: partners answer their own part from a phone, over the room's network.

No Textual in here. The server (`server.py`, aiohttp) runs in the App's own
asyncio loop; the App (`room_mode.py`) starts and stops it and shows what
arrives. Everything a partner may send goes through:

- `access.py`: the room's secret, the devices and the partner each is admitted for;
- `limits.py`: the bounds of every request (size, fields, rate);
- `fields.py`: the fields of a page, parsed and checked like typed text;
- one module per stage the room can open (`commitment.py`, `stap1.py`, `stap2.py`,
  `stap3.py`, `reflection.py`, `parking.py`), which builds its page and applies an
  answer with the same core functions the screens call;
- `host.py`: the one place an answer changes the session (`store.change`).
"""

from __future__ import annotations

from .stages import ROOM_STAGES, RoomStage

__all__ = ["ROOM_STAGES", "RoomStage"]
