"""The gap table of STAP 1: where the network falls short, and who sees it differently.

Pure functions over a session; no textual. Used by the STAP 1 screen, the
report and the comparison of two sessions.

API
---
``individual(score) -> Individual``
    One partner's view of one service: ``current`` (quality when offered,
    0 when explicitly not offered, None when not scored), ``desired`` (the
    same for wanted) and ``gap = desired - current`` (None unless both known).
``by_service(session, partner_ids=None) -> list[GapRow]``
    One row per visible service, over all partners (or only ``partner_ids``),
    sorted with the largest shortfall first. The items of a row are partners.
``by_partner(session) -> list[GapRow]``
    One row per partner, over the visible services; the items are services.
``by_group(session) -> list[GroupRow]``
    Per visible service, the gap as each kind of organisation sees it
    (schools, companies, government, other) and how far the groups differ.
``sort_rows(rows, column, descending=True)``
    Sort by any field or property of GapRow or GroupRow (``gap:<group>`` for
    one group's gap); rows without a value go last, ties keep their order.
``others_mean(values, key) -> float | None``
    The mean of the other items' gaps, to say how far the outlier is off.
``tenths(value) -> float | None``
    A mean to one decimal, halves up, as a reader rounds.
``bar(gap, width=10) -> str``
    A horizontal bar for a positive gap on the 0..10 scale (text, not colour).

How a row is computed
---------------------
Only partners whose gap is known are *paired*; the means are over the same
paired partners, so ``gap == mean_desired - mean_current`` always holds.
What is shown adds up too: ``shown_current`` and ``shown_desired`` are the
means to one decimal and ``shown_gap`` is their difference, so a facilitator
checking a row in front of the group finds desired − current = gap (the exact
mean gap may differ from it by 0.1 at most; sorting and bars use the exact one).
``offered``/``wanted`` count the yes answers among all ``count`` items.
``spread`` is min..max of the individual gaps and ``disagreement`` their
population standard deviation. ``outlier`` is the item whose gap is furthest
from the mean of the others' gaps (needs 3 paired items and a single furthest
one). A row is a ``shortfall`` when the gap is above zero and somebody wants
the service: a service nobody wants is never a shortfall. Nothing divides by
zero: without paired items every mean is None (shown as "—").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from math import sqrt
from typing import Literal, TypeVar, cast, get_args

from ..i18n import t
from ..models import Session
from ..models.partners import SCHOOL_KINDS, OrgKind
from ..models.stap1 import Score
from .stap1 import service_name, visible_services

Group = Literal["school", "company", "government", "other"]
GROUPS: tuple[Group, ...] = get_args(Group)
SCALE = 10  # qualities run from 1 to 10; a gap is at most 10


def group_of(kind: OrgKind) -> Group:
    if kind in SCHOOL_KINDS:
        return "school"
    if kind == "company":
        return "company"
    if kind in ("government", "uwv"):
        return "government"
    return "other"


@dataclass(frozen=True)
class Individual:
    current: int | None
    desired: int | None

    @property
    def gap(self) -> int | None:
        if self.current is None or self.desired is None:
            return None
        return self.desired - self.current


def individual(score: Score) -> Individual:
    def level(flag: bool | None, quality: int | None) -> int | None:
        if flag is False:
            return 0
        return quality if flag is True else None

    return Individual(level(score.offered, score.quality), level(score.wanted, score.desired))


@dataclass(frozen=True)
class GapRow:
    key: str  # service id (by_service) or partner id (by_partner)
    label: str
    count: int  # items considered: partners of a service, services of a partner
    offered: int
    wanted: int
    paired: int  # items with a known gap
    mean_current: float | None
    mean_desired: float | None
    gap: float | None
    gap_min: int | None
    gap_max: int | None
    disagreement: float | None
    outlier: str | None  # key of the item furthest from the others
    outlier_label: str
    per_item: dict[str, int]  # item key -> its own gap, for the paired items

    @property
    def shortfall(self) -> bool:
        return self.gap is not None and self.gap > 0 and self.wanted > 0

    @property
    def shown_current(self) -> float | None:
        return tenths(self.mean_current)

    @property
    def shown_desired(self) -> float | None:
        return tenths(self.mean_desired)

    @property
    def shown_gap(self) -> float | None:
        """desired − current as shown, so the row adds up on screen and on paper."""
        current, desired = self.shown_current, self.shown_desired
        if current is None or desired is None:
            return tenths(self.gap)
        return round(desired - current, 1)

    @property
    def spread(self) -> int | None:
        """How far apart the smallest and largest individual gap are."""
        if self.gap_min is None or self.gap_max is None:
            return None
        return self.gap_max - self.gap_min


@dataclass(frozen=True)
class GroupRow:
    key: str  # service id
    label: str
    gaps: dict[Group, GapRow]  # only groups that have partners
    difference: float | None  # largest minus smallest group gap
    widest: Group | None  # the group furthest from the others

    def gap(self, group: Group) -> float | None:
        row = self.gaps.get(group)
        return None if row is None else row.gap


def tenths(value: float | None) -> float | None:
    """`value` to one decimal, halves up (1.75 -> 1.8, 6.25 -> 6.3), as a reader rounds;
    Python's own rounding goes to the even digit and by the binary value."""
    if value is None:
        return None
    return float(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _outlier(gaps: Mapping[str, float]) -> str | None:
    """The key whose value is furthest from the mean of the others; None on a tie."""
    if len(gaps) < 3:
        return None
    total = sum(gaps.values())
    others = len(gaps) - 1
    distance = [abs(value - (total - value) / others) for value in gaps.values()]
    furthest = max(distance)
    leaders = [index for index, d in enumerate(distance) if abs(d - furthest) < 1e-9]
    if len(leaders) != 1 or furthest <= 1e-9:
        return None
    return next(key for index, key in enumerate(gaps) if index == leaders[0])


def _row(key: str, label: str, items: list[tuple[str, Score]],
         name_of: Callable[[str], str]) -> GapRow:
    # One pass over the items, the levels as `individual` defines them but
    # without an object per score: a region's table has tens of thousands.
    per_item: dict[str, int] = {}
    currents: list[int] = []
    desireds: list[int] = []
    offered = wanted = 0
    for item, score in items:
        offers, wants = score.offered, score.wanted
        if offers is True:
            offered += 1
            current = score.quality
        else:
            current = 0 if offers is False else None
        if wants is True:
            wanted += 1
            desired = score.desired
        else:
            desired = 0 if wants is False else None
        if current is not None and desired is not None:
            per_item[item] = desired - current
            currents.append(current)
            desireds.append(desired)
    gaps = list(per_item.values())
    mean_gap = _mean(gaps)
    disagreement = None
    if mean_gap is not None:
        disagreement = sqrt(sum((g - mean_gap) ** 2 for g in gaps) / len(gaps))
    outlier = _outlier(per_item)
    return GapRow(
        key=key, label=label, count=len(items),
        offered=offered,
        wanted=wanted,
        paired=len(gaps),
        mean_current=_mean(currents),
        mean_desired=_mean(desireds),
        gap=mean_gap,
        gap_min=min(gaps) if gaps else None,
        gap_max=max(gaps) if gaps else None,
        disagreement=disagreement,
        outlier=outlier,
        outlier_label=name_of(outlier) if outlier else "",
        per_item=per_item,
    )


_NOT_SCORED = Score()  # read only: what a partner that scored nothing has


def _partner_name(session: Session) -> Callable[[str], str]:
    names = {p.id: p.name for p in session.partners}
    return lambda partner_id: names.get(partner_id, partner_id)


def by_service(session: Session, partner_ids: Iterable[str] | None = None) -> list[GapRow]:
    wanted_ids = None if partner_ids is None else set(partner_ids)
    partners = [p for p in session.partners if wanted_ids is None or p.id in wanted_ids]
    name_of = _partner_name(session)
    scores = session.portfolio.scores
    scored = [(p.id, scores.get(p.id) or {}) for p in partners]
    rows = [
        _row(service.id, service_name(service),
             [(partner_id, own.get(service.id) or _NOT_SCORED) for partner_id, own in scored],
             name_of)
        for service in visible_services(session.portfolio)
    ]
    return sort_rows(rows, "gap")


def by_partner(session: Session) -> list[GapRow]:
    services = visible_services(session.portfolio)
    names = {s.id: service_name(s) for s in services}
    scores = session.portfolio.scores
    ids = [s.id for s in services]
    rows = []
    for p in session.partners:
        own = scores.get(p.id) or {}
        rows.append(_row(p.id, p.name, [(sid, own.get(sid) or _NOT_SCORED) for sid in ids],
                         lambda service_id: names.get(service_id, service_id)))
    return sort_rows(rows, "gap")


def by_group(session: Session) -> list[GroupRow]:
    members: dict[Group, list[str]] = {}
    for partner in session.partners:
        members.setdefault(group_of(partner.kind), []).append(partner.id)
    per_group = {
        group: {row.key: row for row in by_service(session, members[group])}
        for group in GROUPS if group in members
    }
    rows = []
    for service in visible_services(session.portfolio):
        gaps = {group: table[service.id] for group, table in per_group.items()}
        known = {group: row.gap for group, row in gaps.items() if row.gap is not None}
        difference = max(known.values()) - min(known.values()) if len(known) >= 2 else None
        widest = cast("Group | None", _outlier({str(g): gap for g, gap in known.items()}))
        rows.append(GroupRow(service.id, service_name(service), gaps, difference, widest))
    return sort_rows(rows, "difference")


Row = TypeVar("Row", GapRow, GroupRow)


def sort_rows(rows: Iterable[Row], column: str, descending: bool = True) -> list[Row]:
    """Sorted by `column` (a field name, or `gap:<group>` for a GroupRow); None last.

    Ties keep their order, so a sort by one column after another is stable.
    """
    def value(row: Row) -> object:
        if column.startswith("gap:") and isinstance(row, GroupRow):
            return row.gap(column.removeprefix("gap:"))  # type: ignore[arg-type]
        return getattr(row, column)

    present = [r for r in rows if value(r) is not None]
    missing = [r for r in rows if value(r) is None]

    def key(row: Row) -> object:
        found = value(row)
        return found.casefold() if isinstance(found, str) else found

    return sorted(present, key=key, reverse=descending) + missing  # type: ignore[arg-type]


def others_mean(values: Mapping[str, float], key: str) -> float | None:
    """The mean of every value but `key`'s: what the outlier is compared with."""
    others = [value for item, value in values.items() if item != key]
    return _mean(others)


def bar(gap: float | None, width: int = 10) -> str:
    """`█` per unit of shortfall on the 0..10 scale (half a unit gets `▌`); "" for none."""
    if gap is None or gap <= 0:
        return ""
    halves = round(min(gap, SCALE) / SCALE * width * 2)
    return "█" * (halves // 2) + ("▌" if halves % 2 else "")


def group_name(group: Group) -> str:
    return t(f"stap1_gaps.group.{group}")
