"""Texts in the session's language (the pages), independent of the interface's.

The terminal speaks the facilitator's language (`i18n.t`); a partner's phone
speaks the session's. Both come from the same catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from .. import i18n

Translate = Callable[..., str]


@cache
def translator(language: str) -> Translate:
    """`t`-like lookup for one language, falling back to Dutch, then to the key."""
    if language not in i18n.LANGUAGES:
        language = i18n.DEFAULT_LANGUAGE
    messages = i18n.catalogue(language)
    fallback = i18n.catalogue(i18n.DEFAULT_LANGUAGE)

    def translate(key: str, /, **values: object) -> str:
        message = messages.get(key) or fallback.get(key) or key
        return message.format(**values) if values else message

    return translate
