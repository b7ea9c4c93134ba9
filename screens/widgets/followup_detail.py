"""The selected follow-up in full: what, who, when, status, its theme and milestone;
or, while there are none, how to make one."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from regionet_tui.core.reflection import (
    find_followup,
    find_theme,
    in_step,
    is_late,
    milestone_of,
    theme_name,
)
from regionet_tui.forms import format_date
from regionet_tui.i18n import t
from regionet_tui.models import Session

from .text import show_text


class FollowUpDetail(Static):
    def show(self, session: Session, followup_id: str | None, today: date) -> None:
        followup = find_followup(session, followup_id) if followup_id else None
        if followup is None:
            empty = not session.reflection.followups
            show_text(self, t("reflection.followups_empty") if empty else "")
            return
        partner = session.partner(followup.partner) if followup.partner else None
        who = " · ".join(part for part in (followup.person, partner.name if partner else "")
                         if part) or t("reflection.no_one")
        when = format_date(followup.when) or t("reflection.no_one")
        if is_late(followup, today):
            when = f"{when} {t('reflection.late_mark')}"
        lines = [followup.what,
                 t("reflection.detail_followup", who=who, when=when,
                   status=t(f"reflection.status.{followup.status}"))]
        theme = find_theme(session, followup.theme)
        milestone = milestone_of(session, followup)
        extra = [t("reflection.detail_theme", theme=theme_name(theme)) if theme else ""]
        if milestone is not None:
            key = "detail_milestone" if in_step(followup, milestone) else "detail_milestone_differs"
            extra.append(t(f"reflection.{key}",
                           status=t(f"reflection.milestone.{milestone.status}")))
        elif followup.milestone:
            extra.append(t("reflection.detail_milestone_gone"))
        if any(extra):
            lines.append(" · ".join(part for part in extra if part))
        show_text(self, "\n".join(lines))
