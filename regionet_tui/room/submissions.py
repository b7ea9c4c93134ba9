"""Submission ids: an additive answer (an agenda item, a parked note) sent twice is added once.

A page that adds something carries a fresh random submission id. The new
item's id is derived from it and from the partner, so a resend, a reload or a
replay of the same submission finds its item already there and adds nothing,
even after the app was restarted. Items a partner added carry the partner's
prefix, which is how the room finds what that partner parked.
"""

from __future__ import annotations

import hashlib
import re
import secrets

SID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def new_sid() -> str:
    return secrets.token_urlsafe(16)


def valid_sid(sid: str) -> bool:
    return bool(SID_PATTERN.match(sid))


def _digest(text: str, length: int) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def partner_prefix(partner_id: str) -> str:
    return f"r{_digest(partner_id, 8)}-"


def item_id(partner_id: str, sid: str) -> str:
    """The id of what this partner's submission `sid` adds (valid as a model Id)."""
    return partner_prefix(partner_id) + _digest(f"{partner_id}\x00{sid}", 20)
