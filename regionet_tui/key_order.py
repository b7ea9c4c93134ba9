"""Keys in the order they were typed, each on the screen it was typed for.

Textual hands every key at once to the widget that has the focus: it posts the
key to that widget's queue and goes on with the next. A key that opens a
dialog does so only when the widget, its parents and at last the App have
handled it, and by then the keys typed after it have been handed to the same
widget behind the dialog. Typed in one burst ("aGemeente", "m/tmp/x.json"),
they acted on the screen below: letters ran its shortcuts (`p` went to the
partners, `x` removed one, `j` said yes to it) or were lost.

Here the App hands out one key at a time. After it has given a key to a
widget, it waits until that widget and every parent up to the App have dealt
with it, and with the messages the key set off (a row chosen, a button
pressed, the focus moved), then once more when the key showed another screen,
until that screen has been drawn and has put its focus where typing goes. Only
then does the next key go to whatever has the focus now. A key that waits
longer than WAIT_AT_MOST (a widget that went away before it answered) lets
the next one go, as Textual would.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.timer import Timer

# Seconds a key may hold up the next before they go on regardless.
WAIT_AT_MOST = 0.5


class KeysInOrder(App[None]):
    """The part of the App that hands keys out one by one (see the module)."""

    def __init__(self) -> None:
        super().__init__()
        self._typed: deque[events.Key] = deque()
        self._key_in_hand = 0  # the number of the key being handled; 0: none
        self._keys_handed = 0
        self._wait_timer: Timer | None = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._typed.append(event)
            await self._hand_out_keys()
            return
        await super().on_event(event)

    @property
    def keys_waiting(self) -> int:
        """Keys typed and not yet handed out (the one in hand included)."""
        return len(self._typed) + (1 if self._key_in_hand else 0)

    async def _hand_out_keys(self) -> None:
        while self._typed and not self._key_in_hand:
            await self._hand_out(self._typed.popleft())

    async def _hand_out(self, key: events.Key) -> None:
        screen = self.screen
        target: DOMNode = self.focused or screen
        await super().on_event(key)  # a priority binding, or given to the target
        if not key.is_forwarded and self.screen is screen:
            return  # done at once
        self._keys_handed += 1
        number = self._keys_handed
        self._key_in_hand = number
        self._wait_timer = self.set_timer(WAIT_AT_MOST, lambda: self._key_done(number))
        self._after(target, lambda: self._after(
            target, lambda: self._when_screen_ready(number, screen)))

    def _after(self, node: DOMNode, then: Callable[[], object]) -> None:
        """Run `then` on the App once `node` and each of its parents have handled
        everything in their queues now (and what it sent them meanwhile)."""
        chain = [n for n in node.ancestors_with_self if n is not self]

        def step(index: int) -> None:
            while index < len(chain):
                if chain[index].call_later(step, index + 1):
                    return
                index += 1  # gone: nothing more will come from there
            self.call_later(then)

        step(0)

    def _when_screen_ready(self, number: int, screen: DOMNode) -> None:
        if self.screen is screen:
            self._key_done(number)
            return
        # Another screen: once drawn, its mount has run and asked for the focus,
        # which the App sets when it gets to it (the App's queue: hence call_later).
        self.screen.call_after_refresh(lambda: self.call_later(lambda: self._key_done(number)))

    def _key_done(self, number: int) -> None:
        if number != self._key_in_hand:
            return  # let go already (waited too long)
        self._key_in_hand = 0
        if self._wait_timer is not None:
            self._wait_timer.stop()
            self._wait_timer = None
        self.call_later(self._hand_out_keys)
