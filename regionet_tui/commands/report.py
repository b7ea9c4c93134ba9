"""`regionet report SESSION --format md|html -o FILE [--lang nl|en]`: the report of a
session, in the session's language unless --lang (before or after the command) says
otherwise; a round with a predecessor in the folder is compared with it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..i18n import t
from ..report.formats import FORMATS, Format

if TYPE_CHECKING:
    from ..storage import SessionLibrary


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("report", help=t("share.cli.report_help"))
    parser.add_argument("session", metavar="SESSION", help=t("share.cli.session_help"))
    parser.add_argument("--format", choices=FORMATS, help=t("share.cli.format_help"))
    parser.add_argument("-o", "--output", metavar="FILE", help=t("share.cli.output_help"))


def _format(args: argparse.Namespace) -> Format:
    if args.format:
        chosen: Format = args.format
        return chosen
    output = (args.output or "").lower()
    return "html" if output.endswith((".html", ".htm")) else "md"


def run(args: argparse.Namespace, library: SessionLibrary) -> int:
    from ..core.rounds import load_predecessor
    from ..report.build import render
    from .output import deliver, fail
    from .resolve import ResolveError, resolve

    try:
        found = resolve(library, args.session)
    except ResolveError as error:
        return fail(str(error))
    session = found.session
    text = render(session, _format(args), language=args.lang,
                  previous=load_predecessor(library, session))
    return deliver(text.encode("utf-8"), args.output, library.folder)
