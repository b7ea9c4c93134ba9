"""Every path regionet uses, in one place."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "regionet"
SESSIONS_ENV = "REGIONET_SESSIONS"
CONFIG_ENV = "REGIONET_CONFIG"


def sessions_folder(explicit: str | Path | None = None) -> Path:
    """--sessions-dir, else $REGIONET_SESSIONS, else ./sessions when it exists,
    else the user's data folder."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(SESSIONS_ENV)
    if from_env:
        return Path(from_env).expanduser()
    local = Path.cwd() / "sessions"
    if local.is_dir():
        return local
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "sessions"


def config_folder() -> Path:
    from_env = os.environ.get(CONFIG_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def settings_file() -> Path:
    return config_folder() / "settings.json"
