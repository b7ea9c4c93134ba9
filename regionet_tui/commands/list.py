"""`regionet list`: the sessions in the folder, one a line."""

from __future__ import annotations

import argparse
import sys

from ..i18n import t
from ..storage import SessionLibrary


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    subparsers.add_parser("list", help=t("cli.list_help"))


def run(args: argparse.Namespace, library: SessionLibrary) -> int:
    entries = library.entries()
    if not entries:
        print(t("cli.list_empty", path=str(library.folder)))
        return 0
    for entry in entries:
        if entry.damage is not None:
            reason = t(f"damage.{entry.damage.reason}", detail=entry.damage.detail)
            print(f"{entry.path.name}\t{t('start.damaged_title', name=entry.path.name)}: {reason}",
                  file=sys.stdout)
            continue
        print(f"{entry.id}\t{entry.title}\t{entry.region}\t{entry.date}\t"
              f"{entry.partners}\t{entry.done}/{entry.total}")
    return 0
