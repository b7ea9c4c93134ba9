"""For a round with a predecessor: how it compares with the round before it
(gaps per service, commitments, milestones and follow-ups kept, reflection per
theme), as the comparison screen shows it."""

from __future__ import annotations

from ...core.compare import Comparison, FollowUpOutcome, Pair, compare
from ...core.rounds import Predecessor
from ...models import Session
from ..blocks import Block, Cell, Heading, Paragraph, Section, Table
from ..labels import Labels


def _number(value: float | None, labels: Labels) -> str:
    return "–" if value is None else labels.number(value)


def _totals(result: Comparison, labels: Labels) -> Table:
    t = labels.t

    def of(counts: Pair, totals: Pair) -> list[Cell]:
        return [t("compare.count_of", count=counts.before, total=totals.before),
                t("compare.count_of", count=counts.now, total=totals.now)]

    def plain(counts: Pair) -> list[Cell]:
        return [str(counts.before), str(counts.now)]

    rows: list[list[Cell]] = [
        [t("compare.row_commitments"), *of(result.commitments, result.commitments_possible)],
        [t("compare.row_milestones_done"), *of(result.milestones_done, result.milestones_total)],
        [t("compare.row_milestones_late"), *plain(result.milestones_late)],
        [t("compare.row_followups_done"), *of(result.followups_done, result.followups_total)],
        [t("compare.row_followups_late"), *plain(result.followups_late)],
    ]
    return Table([t("compare.col_item"), t("compare.col_before"), t("compare.col_now")], rows,
                 numeric=frozenset({1, 2}))


def _milestone(outcome: FollowUpOutcome, labels: Labels) -> str:
    if outcome.milestone_now is not None:
        return labels.choice("milestone", outcome.milestone_now)
    return labels.t("compare.not_in_plan") if outcome.promoted else "–"


def _outcomes(result: Comparison, labels: Labels) -> list[Block]:
    t = labels.t
    heading = Heading(t("compare.section_outcomes"))
    if not result.outcomes:
        return [heading, Paragraph(t("compare.no_outcomes"), note=True)]
    rows: list[list[Cell]] = []
    for outcome in result.outcomes:
        status = labels.choice("followup", outcome.status_before)
        if outcome.late:
            status += " " + t("report.compare.late")
        rows.append([outcome.what, status, _milestone(outcome, labels)])
    return [heading, Table([t("compare.col_what"), t("compare.col_status_then"),
                            t("compare.col_milestone_now")], rows)]


def _with_attention(value: float | None, attention: bool, labels: Labels) -> str:
    text = _number(value, labels)
    return f"{labels.t('compare.attention')} {text}" if attention else text


def _comparison(previous: Session, session: Session, labels: Labels) -> list[Block]:
    t = labels.t
    result = compare(previous, session)
    blocks: list[Block] = [
        Paragraph(t("compare.heading", before=previous.title,
                    before_date=labels.day(previous.date), now=session.title,
                    now_date=labels.day(session.date))),
        Heading(t("compare.section_services")),
    ]
    if result.services:
        blocks.append(Table(
            [t("compare.col_service"), t("compare.col_before"), t("compare.col_now"),
             t("compare.col_change")],
            [[labels.service(g.service), _number(g.before, labels), _number(g.now, labels),
              t(f"compare.change.{g.change}")] for g in result.services],
            numeric=frozenset({1, 2})))
    else:
        blocks.append(Paragraph(t("report.empty"), note=True))
    blocks += [Heading(t("compare.section_totals")), _totals(result, labels)]
    blocks += _outcomes(result, labels)
    themes = [ts for ts in result.themes if ts.before is not None or ts.now is not None
              or ts.attention_before or ts.attention_now]
    blocks.append(Heading(t("compare.section_themes")))
    if themes:
        blocks.append(Table(
            [t("compare.col_theme"), t("compare.col_before"), t("compare.col_now"),
             t("compare.col_change")],
            [[labels.theme(ts.theme.id),
              _with_attention(ts.before, ts.attention_before, labels),
              _with_attention(ts.now, ts.attention_now, labels),
              t(f"compare.score.{ts.change}")] for ts in themes],
            numeric=frozenset({1, 2})))
        blocks.append(Paragraph(t("report.compare.attention_legend"), note=True))
    else:
        blocks.append(Paragraph(t("report.compare.no_themes"), note=True))
    return blocks


def section(session: Session, labels: Labels, previous: Predecessor | None) -> Section:
    """`previous` is the predecessor as read from the sessions folder; None when
    it was not looked up (a report made from a single file)."""
    t = labels.t
    title = t("compare.title")
    if previous is not None and previous.session is not None:
        return Section("compare", title, _comparison(previous.session, session, labels))
    name = session.predecessor_title or session.predecessor or ""
    if previous is not None and previous.problem == "damaged" and previous.damage is not None:
        reason = t(f"damage.{previous.damage.reason}", detail=previous.damage.detail)
        text = t("report.compare.damaged", title=name, reason=reason)
    else:
        text = t("report.compare.missing", title=name)
    return Section("compare", title, [Paragraph(text, note=True)])
