"""STAP 1: the service portfolio, current and desired, per partner."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Annotated, Any, Literal, get_args

from pydantic import ConfigDict, Field
from pydantic.dataclasses import dataclass

from .base import Id, Record, new_id
from .text import LongText, ShortText

BuiltinService = Literal[
    "arbeidspool", "tijdelijke_krachten", "probleemoplossend", "nieuwe_kennis",
    "lerende_netwerken", "bijscholen", "opscholen", "omscholen",
]
BUILTIN_SERVICES: tuple[BuiltinService, ...] = get_args(BuiltinService)

Financing = Literal["own_budget", "in_kind", "subsidy", "partner_contribution", "project", "other"]
FINANCING: tuple[Financing, ...] = get_args(Financing)

Quality = Annotated[int, Field(ge=1, le=10)]


class Service(Record):
    id: Id
    builtin: BuiltinService | None = None
    # Empty for a built-in service that keeps its catalogue name (nl or en).
    name: ShortText = ""
    hidden: bool = False


# A session holds one score per partner and service, thousands of them, so a
# score is a slotted pydantic dataclass rather than a Record: the same fields,
# checks, JSON and JSON schema (the docstring is its description), in 80 bytes
# instead of about 1,100 (a model instance also carries a dict and a set of the
# fields given), and quicker to build when a session is read. It offers the
# Record methods the app uses.
@dataclass(slots=True, config=ConfigDict(extra="forbid", validate_assignment=True))
class Score:
    """One partner's view of one service. None means "not scored"."""

    offered: bool | None = None
    quality: Quality | None = None
    wanted: bool | None = None
    desired: Quality | None = None
    financing: Financing | None = None
    note: LongText = ""

    def is_empty(self) -> bool:
        return self == Score()

    @classmethod
    def model_validate(cls, values: Mapping[str, Any]) -> Score:
        return cls(**values)

    def model_dump(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Score:
        """A copy with some fields changed; unlike BaseModel.model_copy, checked."""
        return dataclasses.replace(self, **(update or {}))


def default_services() -> list[Service]:
    return [Service(id=f"svc-{key}", builtin=key) for key in BUILTIN_SERVICES]


class Portfolio(Record):
    services: list[Service] = Field(default_factory=default_services)
    # partner id -> service id -> score
    scores: dict[Id, dict[Id, Score]] = Field(default_factory=dict)

    def add_custom(self, name: str) -> Service:
        service = Service(id=new_id(), name=name)
        self.services = [*self.services, service]
        return service
