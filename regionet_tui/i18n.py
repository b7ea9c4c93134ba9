"""The message catalogue: every visible string, in Dutch (default) and English.

Each language is one catalogue, kept as TOML files per area of the app under
`locale/<language>/`; a key is `<area>.<name>` (for example `start.title`).
An area's file is read when one of its keys is first asked for, so start-up
reads the few areas the start screen shows, not all of them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

# Package data beside this module, read as files: importlib.resources would
# add imports to the start-up for the same answer.
_LOCALE = Path(__file__).parent / "locale"
_areas: dict[tuple[str, str], dict[str, str]] = {}  # (language, area) -> messages
_catalogues: dict[str, dict[str, str]] = {}
_current = DEFAULT_LANGUAGE
# The language `speaking` chose for the code running now: per thread and per
# asyncio task, so a report written beside the interface never changes the
# language the interface is drawn in.
_speaking: ContextVar[str | None] = ContextVar("speaking", default=None)


def _flatten(prefix: str, table: dict[str, Any], into: dict[str, str]) -> None:
    for name, value in table.items():
        key = f"{prefix}.{name}" if prefix else name
        if isinstance(value, dict):
            _flatten(key, value, into)
        else:
            into[key] = str(value)


def _area(language: str, area: str) -> dict[str, str]:
    if (language, area) not in _areas:
        messages: dict[str, str] = {}
        item = _LOCALE / language / f"{area}.toml"
        if area.isidentifier() and item.is_file():
            _flatten(area, tomllib.loads(item.read_text(encoding="utf-8")), messages)
        _areas[language, area] = messages
    return _areas[language, area]


def catalogue(language: str) -> dict[str, str]:
    """Every message of `language`."""
    if language not in _catalogues:
        messages: dict[str, str] = {}
        for item in sorted((_LOCALE / language).iterdir(), key=lambda entry: entry.name):
            if item.name.endswith(".toml"):
                messages.update(_area(language, item.name.removesuffix(".toml")))
        _catalogues[language] = messages
    return _catalogues[language]


def _message(language: str, key: str) -> str | None:
    return _area(language, key.partition(".")[0]).get(key)


def set_language(language: str) -> None:
    global _current
    if language not in LANGUAGES:
        raise ValueError(language)
    _current = language


def language() -> str:
    return _speaking.get() or _current


@contextmanager
def speaking(chosen: str) -> Iterator[None]:
    """`t` speaks `chosen` for a while, in this thread or task only: what the
    app writes for a session (a report, the words of a generated flowchart) is
    in the session's language, whatever the interface shows."""
    if chosen not in LANGUAGES:
        raise ValueError(chosen)
    token = _speaking.set(chosen)
    try:
        yield
    finally:
        _speaking.reset(token)


def t(key: str, /, **values: object) -> str:
    """The message for `key` in the current language, with `{name}` filled in.

    Values are inserted as plain text; callers render the result with markup
    off, so user text inside a message stays data.
    """
    message = _message(language(), key) or _message(DEFAULT_LANGUAGE, key) or key
    return message.format(**values) if values else message


def has(key: str) -> bool:
    return _message(language(), key) is not None
