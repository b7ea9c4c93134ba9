"""Settings remembered between runs (language, theme, ASCII drawing).

A plain dataclass read leniently: a damaged or foreign settings file gives
the defaults, and start-up does not pay for pydantic. Only an ordinary file of
a settings file's size is read: a FIFO or a device in its place gives the
defaults too, instead of a start that never comes.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass, fields, replace

from . import locations
from .storage.atomic import atomic_write
from .storage.regular import FileTooLarge, NotRegularFile, read_regular

LIMIT = 64 * 1024  # bytes; the settings take a few dozen


@dataclass(frozen=True)
class Settings:
    language: str = "nl"
    theme: str = "regionet"
    ascii: bool = False

    def with_changes(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


_CHECKS = {"language": lambda v: v in ("nl", "en"), "theme": lambda v: isinstance(v, str),
           "ascii": lambda v: isinstance(v, bool)}


def load() -> Settings:
    try:
        data = json.loads(read_regular(locations.settings_file(), LIMIT))
    except (OSError, ValueError, RecursionError, NotRegularFile, FileTooLarge):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    known = {f.name for f in fields(Settings)}
    valid = {k: v for k, v in data.items() if k in known and _CHECKS[k](v)}
    return Settings(**valid)


def save(settings: Settings) -> bool:
    """Remember the settings; False when the config folder is not writable."""
    path = locations.settings_file()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, json.dumps(asdict(settings), indent=1).encode())
        return True
    return False
