"""Reflection: the Praatplaat (themes) and the Follow-up plaat (agreements)."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field, field_validator

from .base import Day, Id, Moment, Record, ids_of, unique_ids
from .text import LongText, Name, ShortText

ThemeGroup = Literal["content", "process"]
THEME_GROUPS: tuple[ThemeGroup, ...] = get_args(ThemeGroup)
Rating = Annotated[int, Field(ge=1, le=5)]  # 1 goes badly .. 5 goes very well
RATINGS: tuple[int, ...] = (1, 2, 3, 4, 5)

# The content themes of the VO-raad Praatplaat (seed 004).
ContentTheme = Literal[
    "declining_pupils", "teacher_shortage", "passend_onderwijs", "vocational",
    "equal_opportunities",
]
# The process: give and take, the organisation, the commitment attitudes kept in
# practice, and the conditions for success of seeds 001 and 002.
ProcessTheme = Literal[
    "give_and_take", "organisation", "attitudes", "content_first", "equality", "deadlines",
    "project_leader", "committed_boards", "governance",
]
BuiltinTheme = ContentTheme | ProcessTheme
CONTENT_THEMES: tuple[ContentTheme, ...] = get_args(ContentTheme)
PROCESS_THEMES: tuple[ProcessTheme, ...] = get_args(ProcessTheme)


class Theme(Record):
    id: Id
    builtin: BuiltinTheme | None = None  # a default theme, named by the catalogue
    name: ShortText = ""  # the name of a custom theme
    group: ThemeGroup = "content"


def default_themes() -> list[Theme]:
    content = [Theme(id=f"thm-{key}", builtin=key, group="content") for key in CONTENT_THEMES]
    process = [Theme(id=f"thm-{key}", builtin=key, group="process") for key in PROCESS_THEMES]
    return [*content, *process]


class ThemeRating(Record):
    group: Rating | None = None  # the score the group agreed on
    per_partner: dict[Id, Rating] = Field(default_factory=dict)
    attention: bool = False  # needs (extra) attention
    notes: LongText = ""
    next_steps: LongText = ""
    # What partners said on their own (in the room): who thinks the theme needs
    # attention, and each one's note. The group's flag and notes stay the facilitator's.
    partner_attention: list[Id] = Field(default_factory=list)
    partner_notes: dict[Id, LongText] = Field(default_factory=dict)

    def is_empty(self) -> bool:
        return self == ThemeRating()


FollowUpStatus = Literal["open", "in_progress", "done"]
FOLLOWUP_STATUSES: tuple[FollowUpStatus, ...] = get_args(FollowUpStatus)


class FollowUp(Record):
    id: Id
    what: Name
    partner: Id | None = None
    person: ShortText = ""
    when: Day | None = None
    status: FollowUpStatus = "open"
    theme: Id | None = None
    milestone: Id | None = None  # the STAP 5 milestone it became
    created: Moment | None = None


class Reflection(Record):
    themes: list[Theme] = Field(default_factory=default_themes)
    ratings: dict[Id, ThemeRating] = Field(default_factory=dict)  # theme id -> rating
    followups: list[FollowUp] = Field(default_factory=list)

    @field_validator("themes")
    @classmethod
    def _one_theme_per_id(cls, themes: list[Theme]) -> list[Theme]:
        return unique_ids(themes, ids_of(themes))

    @field_validator("followups")
    @classmethod
    def _one_followup_per_id(cls, followups: list[FollowUp]) -> list[FollowUp]:
        return unique_ids(followups, ids_of(followups))
