"""Pydantic models of everything regionet saves. No textual in here."""

from .base import Id, Record, new_id, utc_now
from .partners import ORG_KINDS, ROLES, OrgKind, Partner, Role
from .session import SCHEMA_VERSION, Language, Session

__all__ = [
    "ORG_KINDS", "ROLES", "SCHEMA_VERSION", "Id", "Language", "OrgKind", "Partner", "Record",
    "Role", "Session", "new_id", "utc_now",
]
