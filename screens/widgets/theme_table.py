"""The Praatplaat as a table: per theme how it goes, the spread, attention and the
score of the previous round. Content themes first, then process themes, each
under a heading row."""

from __future__ import annotations

from rich.text import Text

from regionet_tui.core.reflection import format_score, group_view, score_bar, spread, theme_name
from regionet_tui.i18n import t
from regionet_tui.models import Session
from regionet_tui.models.reflection import THEME_GROUPS, Theme

from .line_table import LineTable, Row

HEADING_PREFIX = "heading-"
COLUMNS = ("theme", "score", "spread", "attention", "previous")


class ThemeTable(LineTable):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._row_keys: list[str] = []

    def on_mount(self) -> None:
        for column in COLUMNS:
            self.add_column(Text(t(f"reflection.col_{column}")), key=column)

    def show_themes(self, session: Session, previous: Session | None) -> None:
        """Show the themes; the cursor stays on the theme it was on."""
        keep = self.selected_theme_id()
        rows = []
        for group in THEME_GROUPS:
            themes = [th for th in session.reflection.themes if th.group == group]
            if not themes:
                continue
            rows.append(Row(f"{HEADING_PREFIX}{group}", (
                Text(t(f"reflection.heading.{group}"), style="bold"), *[Text("")] * 4)))
            rows += [Row(theme.id, self._cells(session, previous, theme)) for theme in themes]
        if not self.show(rows):
            return
        self._row_keys = [str(row.key) for row in rows]
        if keep in self._row_keys:
            self.move_cursor(row=self._row_keys.index(keep))
        elif self._row_keys:
            self.move_cursor(row=min(1, len(self._row_keys) - 1))

    @staticmethod
    def _cells(session: Session, previous: Session | None, theme: Theme) -> tuple[Text, ...]:
        rating = session.reflection.ratings.get(theme.id)
        view = group_view(rating)
        score = Text(f"{score_bar(view)} {format_score(view)}" if view is not None
                     else t("reflection.not_scored"))
        lowest_highest = spread(rating)
        spread_text = f"{lowest_highest[0]}–{lowest_highest[1]}" if lowest_highest else ""
        attention = t("reflection.attention_mark") if rating and rating.attention else ""
        before = ""
        if previous is not None:
            before = format_score(group_view(previous.reflection.ratings.get(theme.id)))
        return (Text(theme_name(theme)), score, Text(spread_text, justify="center"),
                Text(attention, style="bold"), Text(before, justify="right"))

    def selected_theme_id(self) -> str | None:
        """The theme under the cursor; None on a heading row or an empty table."""
        if not self._row_keys or self.cursor_row < 0:
            return None
        key = self._row_keys[min(self.cursor_row, len(self._row_keys) - 1)]
        return None if key.startswith(HEADING_PREFIX) else key
