"""Partners of the regional learning network."""

from __future__ import annotations

from typing import Literal, get_args

from .base import Id, Record, new_id
from .text import Name, ShortText

OrgKind = Literal[
    "po", "vo", "mbo", "hbo", "wo", "company", "government", "uwv", "social", "knowledge", "other"
]
ORG_KINDS: tuple[OrgKind, ...] = get_args(OrgKind)
SCHOOL_KINDS: frozenset[OrgKind] = frozenset({"po", "vo", "mbo", "hbo", "wo"})

Role = Literal["trekker", "deelnemer", "makelaar"]
ROLES: tuple[Role, ...] = get_args(Role)


class Partner(Record):
    id: Id
    name: Name
    kind: OrgKind = "other"
    contact: ShortText = ""
    role: Role = "deelnemer"

    @classmethod
    def create(cls, name: str, kind: OrgKind = "other", contact: str = "",
               role: Role = "deelnemer") -> Partner:
        return cls(id=new_id(), name=name, kind=kind, contact=contact, role=role)
