"""Building the report of a session, in the session's own language unless
another is chosen when it is written."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .. import i18n
from ..models import Session, utc_now
from ..storage.atomic import atomic_write
from ..version import APP_VERSION
from .blocks import Facts, Report
from .formats import Format
from .html import render_html
from .labels import Labels, translator
from .markdown import render_markdown
from .sections import SECTIONS, compare, workshop

if TYPE_CHECKING:
    from ..core.rounds import Predecessor


def build_report(session: Session, at: datetime | None = None, *, language: str | None = None,
                 previous: Predecessor | None = None) -> Report:
    """The report in `language` (default: the session's own).

    `previous` is the round before this one as read from the sessions folder
    (`core.rounds.load_predecessor`); a session with a predecessor gets a
    comparison with it, or a note saying why there is none.
    """
    chosen = language or session.language
    if chosen not in i18n.LANGUAGES:
        raise ValueError(chosen)
    # The core helpers a section uses (the timeline's month names, for one)
    # speak the report's language while it is built.
    with i18n.speaking(chosen):
        return _build(session, at, chosen, previous)


def _build(session: Session, at: datetime | None, language: str,
           previous: Predecessor | None) -> Report:
    t = translator(language)
    made = (at or utc_now()).astimezone()
    earlier = [previous.session] if previous is not None and previous.session else []
    labels = Labels(session, t, *earlier, language=language, today=made.date(), moment=made)
    pairs = [
        (t("report.region"), session.region or "–"),
        (t("report.date"), labels.day(session.date)),
        (t("report.facilitator"), session.facilitator or "–"),
        (t("report.partner_count"), str(len(session.partners))),
    ]
    if session.predecessor_title:
        pairs.append((t("report.predecessor"), session.predecessor_title))
    sections = [build(session, labels) for build in SECTIONS]
    if session.predecessor:
        sections.append(compare.section(session, labels, previous))
    sections += [workshop.agenda_section(session, labels),
                 workshop.parking_section(session, labels)]
    return Report(
        title=session.title,
        subtitle=t("report.subtitle"),
        language=language,
        facts=Facts(pairs),
        sections=sections,
        footer=t("report.footer", when=made.strftime("%d-%m-%Y %H:%M"), version=APP_VERSION),
    )


def render(session: Session, fmt: Format, at: datetime | None = None, *,
           language: str | None = None, previous: Predecessor | None = None) -> str:
    report = build_report(session, at, language=language, previous=previous)
    return render_markdown(report) if fmt == "md" else render_html(report)


def write_report(session: Session, path: Path, fmt: Format, at: datetime | None = None, *,
                 language: str | None = None, previous: Predecessor | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, render(session, fmt, at, language=language,
                              previous=previous).encode("utf-8"))
    return path
