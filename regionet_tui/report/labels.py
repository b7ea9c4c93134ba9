"""Names a reader understands for the ids and choices a session stores,
in a language of our choosing (a report is in the session's language)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from .. import i18n
from ..models import Session
from ..models.stap1 import Service

Translate = Callable[..., str]


def translator(language: str) -> Translate:
    """A `t` bound to one language, whatever language the app shows."""

    def t(key: str, /, **values: object) -> str:
        message = (i18n.catalogue(language).get(key)
                   or i18n.catalogue(i18n.DEFAULT_LANGUAGE).get(key, key))
        return message.format(**values) if values else message

    return t


class Labels:
    def __init__(self, session: Session, t: Translate, *others: Session,
                 language: str | None = None, today: date | None = None,
                 moment: datetime | None = None) -> None:
        self.t = t
        self.language = language or session.language
        self.today = today or date.today()
        self.moment = moment  # when the report is made; None: now
        self._partners = {p.id: p.name for s in (*others, session) for p in s.partners}
        self._services = {
            svc.id: svc for s in (*others, session) for svc in s.portfolio.services
        }
        self._themes = {th.id: th for s in (*others, session) for th in s.reflection.themes}

    def partner(self, partner_id: str | None) -> str:
        if partner_id is None:
            return "–"
        return self._partners.get(partner_id, partner_id)

    def service(self, service: Service | str) -> str:
        if isinstance(service, str):
            found = self._services.get(service)
            if found is None:
                return service
            service = found
        if service.name:
            return service.name
        if service.builtin:
            return self.t(f"stap1.service.{service.builtin}")
        return service.id

    def theme(self, theme_id: str) -> str:
        theme = self._themes.get(theme_id)
        if theme is None:
            return theme_id
        if theme.builtin:
            return self.t(f"reflection.theme.{theme.builtin}")
        return theme.name or theme.id

    def choice(self, group: str, value: str | None) -> str:
        """The label of one value of a closed list (status, kind...)."""
        return "–" if value is None else self.t(f"report.{group}.{value}")

    def day(self, value: date | datetime | None) -> str:
        if value is None:
            return "–"
        if isinstance(value, datetime):
            return value.strftime("%d-%m-%Y %H:%M")
        return value.strftime("%d-%m-%Y")

    def number(self, value: float) -> str:
        """3 or 3,5 (Dutch) / 3.5 (English)."""
        text = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
        return text.replace(".", ",") if self.language == "nl" else text

