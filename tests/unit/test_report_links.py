"""No text a partner typed becomes a link in a report: not in Markdown, which
GitHub, GitLab and linkify turn bare addresses into links in, and not in HTML,
whose policy allows no base and no form either."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from markdown_it import MarkdownIt
from support.share import full_session

from regionet_tui.report.build import render
from regionet_tui.report.markdown import escape

AT = datetime(2026, 11, 22, 14, 3, tzinfo=UTC)
ADDRESSES = ["https://evil.example/inlog", "HTTP://EVIL.NL", "www.evil.nl", "evil.nl/loket",
             "mailto:a@b.nl", "info@roc-rivierenland.nl", "ftp://x.nl", "//evil.nl/x",
             "xmpp:partner@chat.nl", "tel:+31612345678"]
# markdown-it with linkify: fuzzier than GitHub's autolinks (it links a bare x.nl too).
RENDERER = MarkdownIt("gfm-like")


@pytest.mark.parametrize("address", ADDRESSES)
def test_a_bare_address_in_user_text_is_shown_not_linked(address: str) -> None:
    html = RENDERER.render(escape(f"Zie {address} voor meer."))
    assert "<a " not in html and f"Zie {address} voor meer." in html


def test_no_name_in_the_markdown_report_becomes_a_link() -> None:
    session = full_session(ADDRESSES)
    html = RENDERER.render(render(session, "md", AT))
    assert "<a " not in html
    assert len(session.partners) > 4 and all(p.name in html for p in session.partners)


def test_ordinary_text_keeps_its_dots_and_colons() -> None:
    assert escape("Rivierenland (Tiel). 12-11-2026, om 9:30 uur: 3.5 fte") == (
        "Rivierenland (Tiel). 12-11-2026, om 9:30 uur: 3.5 fte")


def test_the_html_report_allows_no_base_and_no_form() -> None:
    html = render(full_session(), "html", AT)
    assert "base-uri 'none'" in html and "form-action 'none'" in html
