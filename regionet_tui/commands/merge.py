"""`regionet merge SESSION FILE [--prefer ours|theirs]`: merge a partner's export
file into a session, as the share stage does.

Three-way when the file was made from an export of this session that is
kept as a base (share/bases.py), else two-way. What the merge would do is
listed first, in the language of the run; a merge without conflicts is then
made. With conflicts nothing changes unless `--prefer` says which side holds.

Exit codes: 0 merged, or nothing to merge; 1 an error (the session or the
file cannot be read, the session is open elsewhere, the save failed), nothing
changed; 2 a wrong command line; 3 conflicts and no `--prefer`, nothing changed.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import t

if TYPE_CHECKING:
    from ..share.bases import BaseSearch
    from ..share.merge import MergePlan
    from ..storage import SessionLibrary, SessionStore

CONFLICTS_LEFT = 3
PREFERENCES = {"ours": "local", "theirs": "incoming"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("merge", help=t("share.cli.merge_help"))
    parser.add_argument("session", metavar="SESSION", help=t("share.cli.merge_session_help"))
    parser.add_argument("file", metavar="FILE", help=t("share.cli.merge_file_help"))
    parser.add_argument("--prefer", choices=sorted(PREFERENCES), help=t("share.cli.prefer_help"))


def run(args: argparse.Namespace, library: SessionLibrary) -> int:
    from ..share import importer
    from ..share.bases import base_for
    from ..share.errors import ImportRefused
    from ..share.merge import plan_merge
    from ..storage import DamagedSessionFile, SessionStore
    from .output import fail
    from .resolve import ResolveError, resolve

    try:
        found = resolve(library, args.session)
    except ResolveError as error:
        return fail(str(error))
    try:
        store = SessionStore.open(found.path)
    except DamagedSessionFile as error:
        reason = t(f"damage.{error.damage.reason}", detail=error.damage.detail)
        return fail(t("share.cli.merge_not_session_file", path=str(found.path), reason=reason))
    try:
        if store.readonly:
            return fail(t("share.cli.merge_in_use", title=store.session.title))
        file = Path(args.file).expanduser()
        try:
            document = importer.read_document(file)
        except ImportRefused as refused:
            return fail(t("share.merge.refused", path=args.file, reason=refused.message()))
        search = base_for(found.path.parent, store.session, document)
        plan = plan_merge(store.session, document.session,
                          search.base.session if search.base is not None else None)
        _list(plan, search, file.name, store.session.title)
        if not plan.changes_anything:
            print(t("share.merge.nothing_new_three_way" if plan.three_way
                    else "share.cli.merge_nothing"))
            return 0
        if plan.conflicts and args.prefer is None:
            print(t("share.cli.merge_need_prefer", count=len(plan.conflicts)))
            return CONFLICTS_LEFT
        return _apply(store, plan, args.prefer)
    finally:
        store.close()


def _list(plan: MergePlan, search: BaseSearch, file_name: str, title: str) -> None:
    from ..i18n import language
    from ..models import Session
    from ..report.labels import Labels
    from ..share.describe import (
        conflict_lines,
        how_merged,
        orders_taken,
        summary,
        taken_summary,
        unit_label,
    )

    local = Session.model_validate(plan.local)
    others = [Session.model_validate(plan.incoming)]
    if search.base is not None:
        others.append(search.base.session)
    labels = Labels(local, t, *others, language=language())
    print(t("share.cli.merge_heading", file=file_name, title=title))
    print(how_merged(plan, search))
    print(summary(plan))
    if plan.taken:
        key = "share.cli.merge_taken" if plan.three_way else "share.cli.merge_added"
        print(t(key, parts=taken_summary(plan)))
    if plan.orders:
        print(orders_taken(plan))
    for number, conflict in enumerate(plan.conflicts, start=1):
        print(t("share.cli.merge_conflict", number=number, part=unit_label(conflict, labels)))
        for line in conflict_lines(conflict, plan.three_way):
            print(f"  {line}")


def _apply(store: SessionStore, plan: MergePlan, prefer: str | None) -> int:
    from ..share.merge import Side, adopt, keep_backup, merged_session
    from ..storage import SaveError
    from ..storage.problems import os_reason
    from .output import fail

    side: Side = "incoming" if prefer == "theirs" else "local"
    if plan.conflicts:
        print(t(f"share.cli.merge_choice_{side}"))
    choices: dict[int, Side] = dict.fromkeys(range(len(plan.conflicts)), side)
    merged = merged_session(plan, choices)
    try:
        backup = keep_backup(store.path, datetime.now())
        store.change(lambda session: adopt(session, merged))
        store.save_unsaved()
    except SaveError as error:
        return fail(t("share.cli.write_failed", path=str(store.path), cause=str(error)))
    except OSError as error:
        return fail(t("share.cli.write_failed", path=str(store.path.parent),
                      cause=os_reason(error)))
    print(t("share.cli.merge_done", backup=backup.name))
    return 0
