"""STAP 1: the service portfolio, current and desired, per partner."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field, field_validator

from .base import Id, Record, SmallRecord, ids_of, left_out, new_id, small_record, unique_ids
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


@small_record
class Score(SmallRecord):
    """One partner's view of one service. None means "not scored"."""

    offered: bool | None = left_out(None)
    quality: Quality | None = left_out(None)
    wanted: bool | None = left_out(None)
    desired: Quality | None = left_out(None)
    financing: Financing | None = left_out(None)
    note: LongText = left_out("")

    def is_empty(self) -> bool:
        return (self.offered is None and self.quality is None and self.wanted is None
                and self.desired is None and self.financing is None and not self.note)


def default_services() -> list[Service]:
    return [Service(id=f"svc-{key}", builtin=key) for key in BUILTIN_SERVICES]


class Portfolio(Record):
    services: list[Service] = Field(default_factory=default_services)
    # partner id -> service id -> score
    scores: dict[Id, dict[Id, Score]] = Field(default_factory=dict)

    @field_validator("services")
    @classmethod
    def _one_service_per_id(cls, services: list[Service]) -> list[Service]:
        return unique_ids(services, ids_of(services))

    def add_custom(self, name: str) -> Service:
        service = Service(id=new_id(), name=name)
        self.services = [*self.services, service]
        return service
