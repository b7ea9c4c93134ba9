"""Every notification an app shows, in order, seen through a message hook
(`app.run_test(message_hook=toasts)`): public API, no peeking at the app."""

from __future__ import annotations

from textual.message import Message
from textual.notifications import Notify


class Toasts:
    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.shown.append((message.notification.severity, message.notification.message))

    def errors(self) -> list[str]:
        return [text for severity, text in self.shown if severity == "error"]
