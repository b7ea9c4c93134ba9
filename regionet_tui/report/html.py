"""The report as one self-contained HTML file: styles inline, no scripts, no
links, no external assets; printable. Every piece of text is escaped."""

from __future__ import annotations

from html import escape as _escape

from ..models.text import clean_block
from . import page
from .blocks import Bar, Block, Cell, Drawing, Facts, Heading, Items, Paragraph, Report, Table

# Even a mistake elsewhere could not make the file load or run anything.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1f24;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { margin-bottom: 0.2rem; }
h2 { border-bottom: 2px solid #2f5d8a; padding-bottom: 0.2rem; margin-top: 2.2rem; }
.subtitle { color: #4a5563; margin-top: 0; }
.note { color: #4a5563; font-style: italic; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.6rem 0; width: 100%; }
th, td { border: 1px solid #c9d1da; padding: 0.25rem 0.5rem; text-align: left;
         vertical-align: top; }
th { background: #eef2f6; }
td.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.bar { display: inline-block; width: 6rem; height: 0.8rem; border: 1px solid #2f5d8a;
       vertical-align: middle; margin-right: 0.4rem; background: #fff; }
.bar > span { display: block; height: 100%; background: #2f5d8a; }
pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.8rem;
      line-height: 1.15; overflow-x: auto; border: 1px solid #c9d1da; padding: 0.5rem; }
.text { white-space: pre-wrap; }
footer { margin-top: 3rem; color: #4a5563; font-size: 0.85rem; }
@page { size: A4 portrait; margin: $margin; }
@page wide { size: A4 landscape; margin: $margin; }
@media print {
  body { margin: 0; max-width: none; font-size: $body; overflow-wrap: break-word; }
  h2, h3, h4 { break-after: avoid; }
  tr, li, dl, pre { break-inside: avoid; }
  thead { display: table-header-group; }
  .scroll { overflow: visible; }
  .wide { page: wide; }
  table { font-size: var(--print-size, $body); }
  th, td { padding: 0.2em 0.4em; overflow-wrap: break-word; }
  .squeezed table { table-layout: fixed; }
  .squeezed th, .squeezed td { overflow-wrap: anywhere; white-space: normal; }
  .bar { width: 4.5em; }
  pre { overflow: visible; white-space: pre; font-size: var(--print-size, $drawing);
        padding: 0.4em; }
  .bar, .bar > span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""".replace("$margin", f"{page.MARGIN_MM}mm").replace("$body", f"{page.BODY_PT}pt").replace(
    "$drawing", f"{page.DRAWING_PT}pt")


def escape(text: str) -> str:
    """Text as HTML, also cleaned of control and bidi characters (as the models do)."""
    return _escape(clean_block(text), quote=True)


def _text(text: str) -> str:
    return f'<span class="text">{escape(text)}</span>' if "\n" in text else escape(text)


def _bar(bar: Bar) -> str:
    span = bar.high - bar.low
    share = 0.0 if span <= 0 else (min(max(bar.value, bar.low), bar.high) - bar.low) / span
    percent = round(share * 100)
    return (f'<span class="bar" role="img" aria-label="{escape(bar.text)}">'
            f'<span style="width:{percent}%"></span></span>{escape(bar.text)}')


def _cell(cell: Cell, numeric: bool, nowrap: bool) -> str:
    if isinstance(cell, Bar):
        return f'<td class="nowrap">{_bar(cell)}</td>'
    if numeric:
        return f'<td class="num">{_text(cell)}</td>'
    return f'<td class="nowrap">{_text(cell)}</td>' if nowrap else f"<td>{_text(cell)}</td>"


def _landscape(block: Block) -> bool:
    if isinstance(block, Table):
        return page.table_fit(block).landscape
    return isinstance(block, Drawing) and page.drawing_fit(block).landscape


def _print_size(fit: page.Fit, usual: float) -> str:
    return "" if fit.font_pt == usual else f' style="--print-size: {fit.font_pt}pt"'


def _table(table: Table) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in table.headers)
    body = "".join(
        "<tr>" + "".join(_cell(c, i in table.numeric, i in table.nowrap)
                         for i, c in enumerate(row)) + "</tr>"
        for row in table.rows
    )
    fit = page.table_fit(table)
    classes = "scroll squeezed" if fit.squeezed else "scroll"
    return (f'<div class="{classes}"{_print_size(fit, page.BODY_PT)}><table><thead>'
            f"<tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{escape(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        css = ' class="note"' if block.note else ""
        return f"<p{css}>{_text(block.text)}</p>"
    if isinstance(block, Items):
        return "<ul>" + "".join(f"<li>{_text(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Facts):
        pairs = "".join(f"<dt>{escape(label)}</dt><dd>{_text(value)}</dd>"
                        for label, value in block.pairs)
        return f'<dl class="facts">{pairs}</dl>'
    if isinstance(block, Drawing):
        size = _print_size(page.drawing_fit(block), page.DRAWING_PT)
        return f"<pre{size}>" + _escape("\n".join(block.clean_lines())) + "</pre>"
    return _table(block)


def render_html(report: Report) -> str:
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(report.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(report.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(report.title)}</h1>",
        f'<p class="subtitle">{escape(report.subtitle)}</p>',
        _block(report.facts),
        "</header>",
        "<main>",
    ]
    for section in report.sections:
        # A section with something too wide for an upright page prints on
        # landscape pages as a whole, so its title never stays behind alone.
        wide = ' class="wide"' if any(_landscape(block) for block in section.blocks) else ""
        parts.append(f'<section id="{escape(section.id)}"{wide}>')
        parts.append(f"<h2>{escape(section.title)}</h2>")
        parts.extend(_block(block) for block in section.blocks)
        parts.append("</section>")
    parts += ["</main>", f"<footer>{escape(report.footer)}</footer>", "</body>", "</html>", ""]
    return "\n".join(parts)
