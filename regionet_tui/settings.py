"""Settings remembered between runs (language, theme, ASCII drawing)."""

from __future__ import annotations

import contextlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from . import locations
from .storage.atomic import atomic_write


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    language: Literal["nl", "en"] = "nl"
    theme: str = "regionet"
    ascii: bool = False


def load() -> Settings:
    try:
        return Settings.model_validate_json(locations.settings_file().read_bytes())
    except (OSError, ValidationError, ValueError):
        return Settings()


def save(settings: Settings) -> bool:
    """Remember the settings; False when the config folder is not writable."""
    path = locations.settings_file()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, settings.model_dump_json(indent=1).encode())
        return True
    return False
