"""Saving and loading sessions. No textual in here."""

from .library import SessionEntry, SessionInUseError, SessionLibrary
from .sessionfile import Damage, DamagedSessionFile
from .store import ReadOnlyError, SaveError, SessionStore

__all__ = [
    "Damage", "DamagedSessionFile", "ReadOnlyError", "SaveError", "SessionEntry",
    "SessionInUseError", "SessionLibrary", "SessionStore",
]
