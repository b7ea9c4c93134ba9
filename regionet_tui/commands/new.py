"""`regionet new TITLE`: create a session and print its id."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from ..i18n import language, t
from ..storage.problems import os_reason

if TYPE_CHECKING:
    from ..storage import SessionLibrary


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("new", help=t("share.cli.new_help"))
    parser.add_argument("title", metavar="TITLE", help=t("share.cli.title_help"))
    parser.add_argument("--region", default="", help=t("share.cli.region_help"))
    parser.add_argument("--date", metavar="DATE", help=t("share.cli.date_help"))
    parser.add_argument("--facilitator", default="", help=t("share.cli.facilitator_help"))


def run(args: argparse.Namespace, library: SessionLibrary) -> int:
    from pydantic import ValidationError

    from ..forms import FormError, describe, parse_date
    from .output import fail

    labels = {"title": t("form.title"), "region": t("form.region"),
              "facilitator": t("form.facilitator")}
    try:
        on = parse_date(args.date, t("form.date")) if args.date else date.today()
        store = library.create(args.title, args.region, on, args.facilitator,
                               language())  # type: ignore[arg-type]
    except FormError as error:
        return fail(str(error))
    except ValidationError as error:
        return fail(describe(error, labels))
    except OSError as error:
        return fail(t("share.cli.write_failed", path=str(library.folder),
                      cause=os_reason(error)))
    session_id = store.session.id
    store.close()
    print(session_id)
    return 0
