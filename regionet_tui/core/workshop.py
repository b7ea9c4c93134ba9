"""Workshop mode: the agenda with timeboxes, its timer, and the parking lot.

Pure functions. Time always comes in as an argument (`now`), so the timer can
be tested with a fake clock and a restart picks up where the saved state was.
Mutations build new validated objects first and assign them last, so a refused
change changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from ..forms import FormError
from ..i18n import t
from ..models import Session, new_id
from ..models.reflection import FollowUp
from ..models.workshop import AgendaSlot, ParkingItem, ParkingStatus, Workshop
from ..progress import STAGE_IDS

# A workshop of about three and a half hours; STAP 1 takes longest because
# every partner scores every service.
DEFAULT_MINUTES: dict[str, int] = {
    "partners": 10,
    "commitment": 15,
    "stap1": 45,
    "stap2": 25,
    "stap3": 30,
    "stap4": 30,
    "stap5": 25,
    "stap6": 20,
    "reflection": 20,
}
EXTENSION_MINUTES = 5
MINUTES_STEP = 5
MAX_MINUTES = 600


# -- the agenda ---------------------------------------------------------------
def default_agenda() -> list[AgendaSlot]:
    return [AgendaSlot(stage=stage, minutes=minutes) for stage, minutes in DEFAULT_MINUTES.items()]


def agenda(session: Session) -> list[AgendaSlot]:
    """The session's agenda; a session that never set one follows the default."""
    return session.workshop.agenda or default_agenda()


def slot_for(session: Session, stage: str) -> AgendaSlot | None:
    return next((slot for slot in agenda(session) if slot.stage == stage), None)


def running_slot(session: Session) -> AgendaSlot | None:
    return next((slot for slot in session.workshop.agenda if slot.started_at is not None), None)


def missing_stages(session: Session) -> list[str]:
    """Stages not on the agenda, in workshop order: the ones that can be added."""
    planned = {slot.stage for slot in agenda(session)}
    return [stage for stage in STAGE_IDS if stage not in planned]


def _stage_name(stage: str) -> str:
    return t(f"stage.name.{stage}")


def _with(slot: AgendaSlot, **changes: object) -> AgendaSlot:
    return AgendaSlot.model_validate({**slot.model_dump(), **changes})


def _save_agenda(session: Session, slots: list[AgendaSlot]) -> None:
    stages = [slot.stage for slot in slots]
    if len(set(stages)) != len(stages):
        raise FormError(t("workshop.stage_twice"))
    if not slots:
        raise FormError(t("workshop.agenda_empty"))
    checked = Workshop(agenda=slots)
    session.workshop.agenda = checked.agenda


def _replace_slot(session: Session, stage: str, **changes: object) -> AgendaSlot:
    slots = agenda(session)
    current = next((slot for slot in slots if slot.stage == stage), None)
    if current is None:
        raise FormError(t("workshop.not_on_agenda", stage=_stage_name(stage)))
    changed = _with(current, **changes)
    _save_agenda(session, [changed if slot is current else slot for slot in slots])
    return changed


def set_minutes(session: Session, stage: str, minutes: int) -> None:
    if not 1 <= minutes <= MAX_MINUTES:
        raise FormError(t("form.error.number_range", field=t("workshop.minutes"), min=1,
                          max=MAX_MINUTES))
    _replace_slot(session, stage, minutes=minutes)


def move(session: Session, stage: str, offset: int) -> None:
    """Move a stage earlier (negative offset) or later on the agenda."""
    slots = agenda(session)
    index = next((i for i, slot in enumerate(slots) if slot.stage == stage), None)
    if index is None:
        raise FormError(t("workshop.not_on_agenda", stage=_stage_name(stage)))
    target = max(0, min(len(slots) - 1, index + offset))
    if target == index:
        return
    reordered = [slot for slot in slots if slot.stage != stage]
    reordered.insert(target, slots[index])
    _save_agenda(session, reordered)


def add_stage(session: Session, stage: str) -> None:
    """Put a stage back on the agenda, where it belongs in workshop order."""
    if stage not in STAGE_IDS:
        raise FormError(t("workshop.not_on_agenda", stage=stage))
    slots = agenda(session)
    order = STAGE_IDS.index(stage)
    position = next((i for i, slot in enumerate(slots)
                     if slot.stage in STAGE_IDS and STAGE_IDS.index(slot.stage) > order),
                    len(slots))
    new = AgendaSlot(stage=stage, minutes=DEFAULT_MINUTES.get(stage, 15))
    _save_agenda(session, [*slots[:position], new, *slots[position:]])


def remove_stage(session: Session, stage: str) -> None:
    slots = agenda(session)
    _save_agenda(session, [slot for slot in slots if slot.stage != stage])


# -- the timer -------------------------------------------------------------------
def timebox_seconds(slot: AgendaSlot) -> int:
    return (slot.minutes + slot.added_minutes) * 60


def elapsed_seconds(slot: AgendaSlot, now: datetime) -> int:
    """Time spent on the stage: what was saved, plus the running part."""
    running = 0
    if slot.started_at is not None:
        running = max(0, int((now - slot.started_at).total_seconds()))
    return slot.actual_seconds + running


def remaining_seconds(slot: AgendaSlot, now: datetime) -> int:
    """Seconds left in the timebox; negative once time is up."""
    return timebox_seconds(slot) - elapsed_seconds(slot, now)


def overrun_seconds(slot: AgendaSlot, now: datetime) -> int:
    return max(0, -remaining_seconds(slot, now))


def format_clock(seconds: int) -> str:
    """12:34, or 1:02:03 from an hour on; always without a sign."""
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def _paused(slot: AgendaSlot, now: datetime) -> AgendaSlot:
    return _with(slot, actual_seconds=elapsed_seconds(slot, now), started_at=None)


def start_timer(session: Session, stage: str, now: datetime) -> None:
    """Run the timer of `stage`; a timer that was running for another stage pauses."""
    slots = agenda(session)
    if not any(slot.stage == stage for slot in slots):
        raise FormError(t("workshop.not_on_agenda", stage=_stage_name(stage)))
    changed = []
    for slot in slots:
        if slot.stage == stage:
            changed.append(slot if slot.started_at else _with(slot, started_at=now))
        elif slot.started_at is not None:
            changed.append(_paused(slot, now))
        else:
            changed.append(slot)
    _save_agenda(session, changed)


def pause_timer(session: Session, now: datetime) -> None:
    slots = agenda(session)
    _save_agenda(session, [_paused(slot, now) if slot.started_at else slot for slot in slots])


def toggle_timer(session: Session, stage: str, now: datetime) -> bool:
    """Pause the timer of `stage` when it runs, else start it. True when it now runs."""
    current = running_slot(session)
    if current is not None and current.stage == stage:
        pause_timer(session, now)
        return False
    start_timer(session, stage, now)
    return True


def extend(session: Session, stage: str, minutes: int = EXTENSION_MINUTES) -> AgendaSlot:
    """Give a stage more time in the room; the planned timebox stays as planned."""
    current = slot_for(session, stage)
    if current is None:
        raise FormError(t("workshop.not_on_agenda", stage=_stage_name(stage)))
    if current.minutes + current.added_minutes + minutes > MAX_MINUTES:
        raise FormError(t("workshop.too_long", max=MAX_MINUTES))
    return _replace_slot(session, stage, added_minutes=current.added_minutes + minutes)


def reset_time(session: Session, stage: str) -> None:
    """Forget the time spent on a stage (a timer started by mistake)."""
    _replace_slot(session, stage, actual_seconds=0, started_at=None, added_minutes=0)


# -- planned against actual (also for the report) ------------------------------------
@dataclass(frozen=True)
class AgendaRow:
    stage: str
    planned_minutes: int
    added_minutes: int
    actual_seconds: int
    running: bool

    @property
    def timebox_seconds(self) -> int:
        return (self.planned_minutes + self.added_minutes) * 60

    @property
    def difference_seconds(self) -> int:
        """Actual minus the timebox (planned plus the minutes added in the room), as
        the stage bar counts it; positive means over."""
        return self.actual_seconds - self.timebox_seconds

    @property
    def over_time(self) -> bool:
        return self.actual_seconds > self.timebox_seconds

    @property
    def started(self) -> bool:
        return self.running or self.actual_seconds > 0


def agenda_rows(session: Session, now: datetime | None = None) -> list[AgendaRow]:
    """Planned against actual per stage, in agenda order.

    A running timer counts up to `now` (the current time when not given).
    """
    moment = now or datetime.now(UTC)
    return [
        AgendaRow(slot.stage, slot.minutes, slot.added_minutes, elapsed_seconds(slot, moment),
                  slot.started_at is not None)
        for slot in agenda(session)
    ]


def agenda_state(row: AgendaRow) -> str:
    """How a stage stands against its timebox, in words with a symbol."""
    if row.running and row.over_time:
        return t("workshop.state_running_over")
    if row.running:
        return t("workshop.state_running")
    if row.over_time:
        return t("workshop.state_over")
    if row.started:
        return t("workshop.state_stopped")
    return t("workshop.state_not_started")


def signed_clock(seconds: int) -> str:
    """+05:00 or -02:30, for a difference against the plan."""
    return ("+" if seconds > 0 else "-" if seconds < 0 else "±") + format_clock(seconds)


# -- the parking lot -----------------------------------------------------------------
def _parking_item(session: Session, item_id: str) -> ParkingItem:
    item = next((p for p in session.workshop.parking if p.id == item_id), None)
    if item is None:
        raise FormError(t("workshop.parking_gone"))
    return item


def _replace_item(session: Session, item_id: str, **changes: object) -> ParkingItem:
    current = _parking_item(session, item_id)
    changed = ParkingItem.model_validate({**current.model_dump(), **changes})
    session.workshop.parking = [changed if p is current else p for p in session.workshop.parking]
    return changed


def add_parking(session: Session, text: str, now: datetime,
                item_id: str | None = None) -> ParkingItem:
    """Park a side issue; `item_id` is given when the id must be known beforehand
    (the room derives it from the submission, so a resend parks nothing twice)."""
    item = ParkingItem(id=item_id or new_id(), text=text, created=now)
    session.workshop.parking = [*session.workshop.parking, item]
    return item


def edit_parking(session: Session, item_id: str, text: str) -> None:
    _replace_item(session, item_id, text=text)


def _has_followup(session: Session, item: ParkingItem) -> bool:
    return item.status == "followup" and any(
        followup.id == item.followup for followup in session.reflection.followups
    )


def set_parking_status(session: Session, item_id: str, status: ParkingStatus) -> None:
    """Close an item or open it again.

    A follow-up stays linked to its action; only when that action was
    removed from the reflection can the item be opened or closed again.
    """
    item = _parking_item(session, item_id)
    if _has_followup(session, item):
        raise FormError(t("workshop.already_followup"))
    _replace_item(session, item_id, status=status, followup=None)


def remove_parking(session: Session, item_id: str) -> None:
    _parking_item(session, item_id)
    session.workshop.parking = [p for p in session.workshop.parking if p.id != item_id]


def parking_to_followup(session: Session, item_id: str, now: datetime) -> FollowUp:
    """Turn a parked item into an open follow-up action of the reflection."""
    item = _parking_item(session, item_id)
    if _has_followup(session, item):
        raise FormError(t("workshop.already_followup"))
    followup = FollowUp(id=new_id(), what=item.text, status="open", created=now)
    changed = ParkingItem.model_validate(
        {**item.model_dump(), "status": "followup", "followup": followup.id}
    )
    session.reflection.followups = [*session.reflection.followups, followup]
    session.workshop.parking = [changed if p is item else p for p in session.workshop.parking]
    return followup


def open_parking(session: Session) -> list[ParkingItem]:
    return [item for item in session.workshop.parking if item.status == "open"]
