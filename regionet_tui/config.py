"""How the App was started: the sessions folder, the language, and what to open first.

A module of its own so that the App and its workshop mode (workshop_mode.py)
both read it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class AppConfig:
    sessions_folder: Path
    language: str = "nl"
    open_demo: bool = False
    remember: bool = True  # remember changed settings between runs
    # `regionet room SESSION`: open this session file, and its room ("local" or "network")
    open_path: Path | None = None
    open_room: str | None = None
    room_port: int | None = None
