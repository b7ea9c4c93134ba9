"""What was said about the theme under the cursor: partner scores, notes, next steps."""

from __future__ import annotations

from textual.widgets import Static

from regionet_tui.core.reflection import find_theme, format_score, group_view, theme_name
from regionet_tui.i18n import t
from regionet_tui.models import Session

from .text import show_text


class ThemeDetail(Static):
    def show(self, session: Session, theme_id: str | None) -> None:
        theme = find_theme(session, theme_id)
        if theme is None:
            show_text(self, "")
            return
        rating = session.reflection.ratings.get(theme.id)
        heading = [theme_name(theme), t(f"reflection.group.{theme.group}")]
        view = group_view(rating)
        if view is not None:
            heading.append(f"{format_score(view)} {t(f'reflection.rating.{int(view + 0.5)}')}")
        lines = [" · ".join(heading)]
        if rating is None:
            lines.append(t("reflection.detail_empty"))
        else:
            if rating.per_partner:
                scores = " · ".join(
                    f"{p.name} {rating.per_partner[p.id]}"
                    for p in session.partners if p.id in rating.per_partner
                )
                lines.append(t("reflection.detail_partners", scores=scores))
            names = {p.id: p.name for p in session.partners}
            if rating.partner_attention:
                lines.append(t("room.detail_attention", names=", ".join(
                    names.get(pid, pid) for pid in rating.partner_attention)))
            if rating.partner_notes:
                notes = rating.partner_notes.items()
                lines.append(t("room.detail_notes", notes=" · ".join(
                    f"{names.get(pid, pid)}: {note}" for pid, note in notes)))
            if rating.notes:
                lines.append(t("reflection.detail_notes", text=rating.notes))
            if rating.next_steps:
                lines.append(t("reflection.detail_next", text=rating.next_steps))
        show_text(self, "\n".join(lines))
