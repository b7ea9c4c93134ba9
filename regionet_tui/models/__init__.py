"""Pydantic models of everything regionet saves. No textual in here.

Names are loaded on first use (PEP 562): building the pydantic models costs
time that the start screen, which lists sessions from an index, need not pay.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ..version import SCHEMA_VERSION

if TYPE_CHECKING:
    from .base import Id, Record, new_id, utc_now
    from .partners import ORG_KINDS, ROLES, OrgKind, Partner, Role
    from .session import Language, Session

_WHERE = {
    "Id": "base", "Record": "base", "new_id": "base", "utc_now": "base",
    "ORG_KINDS": "partners", "ROLES": "partners", "OrgKind": "partners", "Partner": "partners",
    "Role": "partners", "Language": "session", "Session": "session",
}

# Spelled out (not built from _WHERE) so a type checker knows what is exported;
# tests/unit/test_lazy_exports.py checks that the two agree.
__all__ = [
    "ORG_KINDS", "ROLES", "SCHEMA_VERSION", "Id", "Language", "OrgKind", "Partner", "Record",
    "Role", "Session", "new_id", "utc_now",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
