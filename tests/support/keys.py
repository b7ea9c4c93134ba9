"""Keys as a fast typist's terminal sends them: a burst, all waiting at once.

`pilot.press(*keys)` lets the app go idle after every key, which a terminal
never does: what is typed quickly arrives in one read and is queued before the
app handles the first key. `burst` queues every key first, as the terminal
does, then waits until the app has handled them all.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from textual import events
from textual.pilot import Pilot

# Named keys and the character a terminal sends for them.
_NAMED = {"space": " ", "tab": "\t", "enter": "\r", "escape": "\x1b", "backspace": "\x7f"}


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` key by key, as a facilitator does."""
    await pilot.press(*("space" if char == " " else char for char in text))


def key_event(key: str) -> events.Key:
    """The event of one key: a character ("a", "/", " ") or a name ("tab", "shift+tab")."""
    if len(key) == 1:
        name = key if key.isalnum() else unicodedata.name(key).lower().replace(" ", "_")
        return events.Key(name.replace("-", "_"), key)
    return events.Key(key, _NAMED.get(key))


async def burst(pilot: Any, *keys: str) -> None:
    """Queue every key at once, then wait until the app has handled all of them."""
    app = pilot.app
    for key in keys:
        app.post_message(key_event(key))
    for _ in range(100):  # bounded: each round is one pause
        await pilot.pause()
        if not app.keys_waiting:
            break
    await pilot.pause()
