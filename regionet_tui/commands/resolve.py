"""Finding the session a command is about: an id, a unique title, or a file path.

A file can be a session file from a sessions folder or an export file; both
are read with the same guards as an import. Errors carry a message in the
user's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..i18n import t
from ..models import Session
from ..share import importer
from ..share.errors import ImportRefused
from ..storage import DamagedSessionFile, SessionLibrary, sessionfile

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")


class ResolveError(Exception):
    """The session cannot be found or read; `str(error)` is the message to show."""


@dataclass(frozen=True)
class Resolved:
    session: Session
    path: Path


def _damage(error: DamagedSessionFile) -> ResolveError:
    damage = error.damage
    return ResolveError(t(f"damage.{damage.reason}", detail=damage.detail))


def read_file(path: Path) -> Session:
    """The session in a session file or in an export file."""
    try:
        raw = importer.read_capped(path)
        data = importer.parse_json(raw)
        if isinstance(data, dict) and "format" in data:
            return importer.validate(data)
    except ImportRefused as refused:
        raise ResolveError(refused.message()) from None
    try:
        return sessionfile.parse(raw)
    except DamagedSessionFile as error:
        raise _damage(error) from None


def resolve(library: SessionLibrary, text: str) -> Resolved:
    path = Path(text).expanduser()
    if path.is_file():
        return Resolved(read_file(path), path)
    if _ID.match(text) and library.path_for(text).is_file():
        found = library.path_for(text)
        try:
            return Resolved(sessionfile.read(found), found)
        except DamagedSessionFile as error:
            raise _damage(error) from None
    entries = [e for e in library.entries() if not e.damaged]
    matches = [e for e in entries if e.title == text]
    if not matches:
        matches = [e for e in entries if e.title.casefold() == text.casefold()]
    if len(matches) > 1:
        ids = ", ".join(e.id for e in matches)
        raise ResolveError(t("share.cli.ambiguous", title=text, ids=ids))
    if not matches:
        raise ResolveError(t("share.cli.not_found", session=text, folder=str(library.folder)))
    try:
        return Resolved(sessionfile.read(matches[0].path), matches[0].path)
    except DamagedSessionFile as error:
        raise _damage(error) from None
