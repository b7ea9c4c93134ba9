"""Saving and loading sessions. No textual in here.

Names are loaded on first use (PEP 562), so listing sessions does not load
the models or the store.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .library import SessionEntry, SessionGoneError, SessionInUseError, SessionLibrary
    from .sessionfile import Damage, DamagedSessionFile
    from .store import ReadOnlyError, SaveError, SessionStore

_WHERE = {
    "SessionEntry": "library", "SessionGoneError": "library", "SessionInUseError": "library",
    "SessionLibrary": "library",
    "Damage": "sessionfile", "DamagedSessionFile": "sessionfile",
    "ReadOnlyError": "store", "SaveError": "store", "SessionStore": "store",
}

# Spelled out (not built from _WHERE) so a type checker knows what is exported;
# tests/unit/test_lazy_exports.py checks that the two agree.
__all__ = [
    "Damage", "DamagedSessionFile", "ReadOnlyError", "SaveError", "SessionEntry",
    "SessionGoneError", "SessionInUseError", "SessionLibrary", "SessionStore",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
