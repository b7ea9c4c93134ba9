"""Compare this session with the round before it: gaps per service, what was
kept of the commitments, milestones and follow-ups, and the reflection scores."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Footer, Static

from regionet_tui.core.compare import Comparison, FollowUpOutcome, Pair, compare
from regionet_tui.core.reflection import format_score, theme_name
from regionet_tui.core.rounds import Predecessor
from regionet_tui.core.stap1 import service_name
from regionet_tui.forms import format_date
from regionet_tui.i18n import t
from regionet_tui.models import Session

from .base import RegionetScreen
from .widgets.title_bar import TitleBar


def _table(table_id: str, columns: tuple[str, ...], rows: list[list[Text]],
           widths: dict[str, int] | None = None) -> DataTable[Text]:
    table: DataTable[Text] = DataTable(id=table_id, cursor_type="none", zebra_stripes=True,
                                       show_cursor=False)
    table.can_focus = False
    for column in columns:
        table.add_column(Text(t(f"compare.col_{column}")), key=column,
                         width=(widths or {}).get(column))
    for row in rows:
        table.add_row(*row)
    return table


class ComparisonScreen(RegionetScreen):
    BINDINGS = [
        Binding("escape,q", "back", "compare.key_back"),
        Binding("question_mark,f1", "app.help", "app.key_help"),
    ]

    def __init__(self, session: Session, predecessor: Predecessor) -> None:
        super().__init__()
        self._session = session
        self._predecessor = predecessor

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="compare"):
            yield Static(Content(t("compare.title")), classes="stage-title")
            previous = self._predecessor.session
            if previous is None:
                yield Static(Content(self._problem()), id="compare-problem",
                             classes="compare-problem")
            else:
                yield from self._sections(previous, compare(previous, self._session))
        yield Footer()

    def on_mount(self) -> None:
        self.title = self._session.title
        self.sub_title = t("compare.title")
        self.query_one("#compare", VerticalScroll).focus()

    def help_text(self) -> str:
        return t("compare.help")

    def _problem(self) -> str:
        problem = self._predecessor.problem
        if problem == "missing":
            return t("compare.missing", title=self._session.predecessor_title
                     or self._session.predecessor or "")
        if problem == "damaged" and self._predecessor.damage is not None:
            damage = self._predecessor.damage
            return t("compare.damaged", reason=t(f"damage.{damage.reason}", detail=damage.detail))
        return t("compare.no_predecessor")

    def _sections(self, previous: Session, result: Comparison) -> ComposeResult:
        yield Static(Content(t("compare.heading", before=previous.title,
                                before_date=format_date(previous.date),
                                now=self._session.title,
                                now_date=format_date(self._session.date))),
                     classes="compare-heading")
        yield Static(Content(t("compare.section_services")), classes="compare-section")
        yield _table("compare-services", ("service", "before", "now", "change"), [
            [Text(service_name(g.service)), Text(format_score(g.before), justify="right"),
             Text(format_score(g.now), justify="right"), Text(t(f"compare.change.{g.change}"))]
            for g in result.services
        ])
        yield Static(Content(t("compare.section_totals")), classes="compare-section")
        yield _table("compare-totals", ("item", "before", "now"), self._totals(result))
        yield Static(Content(t("compare.section_outcomes")), classes="compare-section")
        if result.outcomes:
            yield _table("compare-outcomes", ("what", "status_then", "milestone_now"), [
                [Text(o.what, no_wrap=True, overflow="ellipsis"),
                 Text(" ".join(part for part in (
                     t(f"reflection.status.{o.status_before}"),
                     t("reflection.late_mark") if o.late else "") if part)),
                 Text(self._milestone(o))]
                for o in result.outcomes
            ], widths={"what": 34})
        else:
            yield Static(Content(t("compare.no_outcomes")), classes="empty-hint")
        yield Static(Content(t("compare.section_themes")), classes="compare-section")
        yield _table("compare-themes", ("theme", "before", "now", "change"), [
            [Text(theme_name(ts.theme)),
             Text(self._with_attention(ts.before, ts.attention_before), justify="right"),
             Text(self._with_attention(ts.now, ts.attention_now), justify="right"),
             Text(t(f"compare.score.{ts.change}"))]
            for ts in result.themes
        ])

    @staticmethod
    def _milestone(outcome: FollowUpOutcome) -> str:
        if outcome.milestone_now is not None:
            return t(f"reflection.milestone.{outcome.milestone_now}")
        return t("compare.not_in_plan") if outcome.promoted else t("reflection.no_one")

    @staticmethod
    def _with_attention(value: float | None, attention: bool) -> str:
        text = format_score(value)
        return f"{t('compare.attention')} {text}" if attention else text

    @staticmethod
    def _totals(result: Comparison) -> list[list[Text]]:
        def of(counts: Pair, totals: Pair) -> list[Text]:
            return [Text(t("compare.count_of", count=counts.before, total=totals.before),
                         justify="right"),
                    Text(t("compare.count_of", count=counts.now, total=totals.now),
                         justify="right")]

        def plain(counts: Pair) -> list[Text]:
            return [Text(str(counts.before), justify="right"),
                    Text(str(counts.now), justify="right")]

        return [
            [Text(t("compare.row_commitments")),
             *of(result.commitments, result.commitments_possible)],
            [Text(t("compare.row_milestones_done")),
             *of(result.milestones_done, result.milestones_total)],
            [Text(t("compare.row_milestones_late")), *plain(result.milestones_late)],
            [Text(t("compare.row_followups_done")),
             *of(result.followups_done, result.followups_total)],
            [Text(t("compare.row_followups_late")), *plain(result.followups_late)],
        ]

    def action_back(self) -> None:
        self.dismiss()
