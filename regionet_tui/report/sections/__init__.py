"""One module per stage of the workshop, each with `section(session, labels) -> Section`.

SECTIONS lists them in the order of the workshop; the report shows them all,
also the stages that are still empty (saying so), so a reader sees where the
network stands. After them come the sections about the workshop itself, which
need more than the session (`compare`: the previous round; `workshop`: the
moment the report is made), so `build.py` calls them itself.
"""

from __future__ import annotations

from collections.abc import Callable

from ...models import Session
from ..blocks import Section
from ..labels import Labels
from . import commitment, partners, reflection, stap1, stap2, stap3, stap4, stap5, stap6

SectionBuilder = Callable[[Session, Labels], Section]

SECTIONS: tuple[SectionBuilder, ...] = (
    partners.section, commitment.section, stap1.section, stap2.section, stap3.section,
    stap4.section, stap5.section, stap6.section, reflection.section,
)
