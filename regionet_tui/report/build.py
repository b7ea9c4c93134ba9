"""Building the report of a session, in the session's own language."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from .. import i18n
from ..models import Session, utc_now
from ..storage.atomic import atomic_write
from ..version import APP_VERSION
from .blocks import Facts, Report
from .formats import Format
from .html import render_html
from .labels import Labels, translator
from .markdown import render_markdown
from .sections import SECTIONS


@contextmanager
def _speaking(language: str) -> Iterator[None]:
    """The core helpers a section uses (month names of the timeline, for one)
    speak the session's language while the report is built."""
    before = i18n.language()
    i18n.set_language(language)
    try:
        yield
    finally:
        i18n.set_language(before)


def build_report(session: Session, at: datetime | None = None) -> Report:
    with _speaking(session.language):
        return _build(session, at)


def _build(session: Session, at: datetime | None) -> Report:
    t = translator(session.language)
    made = (at or utc_now()).astimezone()
    labels = Labels(session, t, today=made.date())
    pairs = [
        (t("report.region"), session.region or "–"),
        (t("report.date"), labels.day(session.date)),
        (t("report.facilitator"), session.facilitator or "–"),
        (t("report.partner_count"), str(len(session.partners))),
    ]
    if session.predecessor_title:
        pairs.append((t("report.predecessor"), session.predecessor_title))
    return Report(
        title=session.title,
        subtitle=t("report.subtitle"),
        language=session.language,
        facts=Facts(pairs),
        sections=[build(session, labels) for build in SECTIONS],
        footer=t("report.footer", when=made.strftime("%d-%m-%Y %H:%M"), version=APP_VERSION),
    )


def render(session: Session, fmt: Format, at: datetime | None = None) -> str:
    report = build_report(session, at)
    return render_markdown(report) if fmt == "md" else render_html(report)


def write_report(session: Session, path: Path, fmt: Format, at: datetime | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, render(session, fmt, at).encode("utf-8"))
    return path
