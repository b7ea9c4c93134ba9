"""Sharing: export the session as JSON, write the report, merge a partner's file.

The report writer and the merge are imported when first used: they are large
imports, which the first visit of this stage need not pay.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, Label, Static

from regionet_tui.i18n import LANGUAGES, language, t
from regionet_tui.share.export import export_document, export_folder, file_stem, with_revision
from regionet_tui.share.targets import choose_stem, taken_names, write_own_file
from regionet_tui.storage.problems import os_reason

from ..stage import StageScreen
from ..widgets.text import show_text

if TYPE_CHECKING:
    from regionet_tui.report.formats import Format
    from regionet_tui.share.merge import MergePlan, SettledAnswers
    from regionet_tui.storage import SessionStore

    from ..dialogs.merge import Choices

SUFFIXES: dict[str, str] = {"json": ".json", "md": ".md", "html": ".html"}


def _written(usual: Path, session_id: str, data: bytes, done_key: str) -> tuple[str, bool]:
    """Write a file without overwriting another's: what to tell the user, and
    whether it is an error. Touches no widget (an export runs in a thread)."""
    try:
        taken = taken_names(usual.parent, usual.stem, session_id)
        path = write_own_file(usual.parent, usual.stem, usual.suffix, session_id, data)
    except OSError as error:
        return t("share.write_failed", path=str(usual), cause=os_reason(error)), True
    message = t(done_key, path=str(path))
    if path != usual:
        message = f"{message}\n{t('share.name_taken', names=', '.join(taken))}"
    return message, False


class ShareScreen(StageScreen):
    STAGE_ID = "share"
    AUTO_FOCUS = "#share-export"
    BINDINGS = [
        Binding("e", "export", "share.key_export"),
        Binding("r", "report('md')", "share.key_report_md"),
        Binding("h", "report('html')", "share.key_report_html"),
        Binding("l", "report_language", "share.key_report_language"),
        Binding("m", "merge", "share.key_merge"),
    ]

    def __init__(self, store: SessionStore) -> None:
        super().__init__(store)
        # The report is in the session's language unless the facilitator picks another.
        self.report_language: str = self.session.language
        self._exporting = False  # an export is being written in the background
        # Conflicts answered while merging files into this session, not asked again;
        # made at the first merge (the merge is imported only then).
        self._settled: SettledAnswers | None = None

    def compose_stage(self) -> ComposeResult:
        folder = export_folder(self.regionet_app.library.folder)
        with VerticalScroll(id="share-body"):
            yield Label(t("share.folder_label"), classes="field-label")
            yield Input(str(folder), id="share-folder", compact=True)
            yield Static("", id="share-files", classes="share-hint")
            with Horizontal(classes="share-buttons"):
                yield Button(t("share.button_export"), id="share-export", compact=True)
                yield Button(t("share.button_md"), id="share-md", compact=True)
                yield Button(t("share.button_html"), id="share-html", compact=True)
            with Horizontal(classes="share-buttons", id="share-language-row"):
                yield Button(self._language_label(), id="share-language", compact=True)
            yield Label(t("share.merge_label"), classes="field-label")
            yield Input("", placeholder=t("share.path_placeholder"), id="share-merge-path",
                        compact=True)
            with Horizontal(classes="share-buttons"):
                yield Button(t("share.button_merge"), id="share-merge", compact=True)
            yield Static("", id="share-result")

    def on_mount(self) -> None:
        super().on_mount()
        self._show_files()

    # -- where the files go ------------------------------------------------------------
    def folder(self) -> Path:
        text = self.query_one("#share-folder", Input).value.strip()
        return Path(text).expanduser() if text else export_folder(
            self.regionet_app.library.folder)

    def target(self, kind: str, language: str | None = None) -> Path:
        """The usual name of the file; `_write` picks another when that one is taken.

        A report in another language than the session's gets the language in its
        name, so it stands beside the report in the session's own language.
        """
        stem = file_stem(self.session, self.folder())
        if language is not None and language != self.session.language:
            stem = f"{stem}.{language}"
        return self.folder() / f"{stem}{SUFFIXES[kind]}"

    def refresh_stage(self) -> None:
        self._show_files()

    @on(Input.Changed, "#share-folder")
    def _show_files(self) -> None:
        stem = file_stem(self.session, self.folder())
        with contextlib.suppress(OSError):  # a folder typed halfway may not be looked into
            stem = choose_stem(self.folder(), stem, self.session.id)
        show_text(self.query_one("#share-files", Static), t("share.files", stem=stem))

    @on(Input.Submitted, "#share-folder")
    def _folder_done(self) -> None:
        self.query_one("#share-export", Button).focus()

    def _result(self, message: str, error: bool = False) -> None:
        result = self.query_one("#share-result", Static)
        result.update(Content(message))
        result.set_class(error, "share-error")
        if error:
            self.notify(message, severity="error", markup=False)

    # -- export and report ---------------------------------------------------------------
    def _write(self, kind: str, data: bytes, done_key: str, language: str | None = None) -> None:
        """Write the file without overwriting another's, and say where it went."""
        self._result(*_written(self.target(kind, language), self.session.id, data, done_key))

    class Exported(Message):
        """The export written (or refused) in the background: what to tell the user."""

        def __init__(self, message: str, error: bool) -> None:
            super().__init__()
            self.message = message
            self.error = error

    @on(Button.Pressed, "#share-export")
    def action_export(self) -> None:
        """Take the session as it is now, then encode and write it off the interface
        thread: at region scale that takes a while, and keys must keep answering.
        The export is kept as a base too: a partner's file made from it then
        merges three-way."""
        from regionet_tui.share.bases import keep_base

        if self._exporting:
            return
        self._exporting = True
        data = export_document(self.session).model_dump(mode="json", exclude={"revision"})
        usual, session_id = self.target("json"), self.session.id
        sessions_folder = self.regionet_app.library.folder

        def export() -> None:
            try:
                encoded, revision = with_revision(data)
                message, error = _written(usual, session_id, encoded, "share.exported")
                if not error:
                    try:
                        keep_base(sessions_folder, session_id, revision, encoded)
                    except OSError as problem:
                        kept = t("share.base_not_kept", cause=os_reason(problem))
                        message, error = f"{message}\n{kept}", True
                said = (message, error)
            except Exception as error:  # the facilitator hears of any failure
                said = (t("share.write_failed", path=str(usual), cause=str(error)), True)
            self.post_message(self.Exported(*said))

        self.run_worker(export, thread=True, group="export", exit_on_error=False)

    @on(Exported)
    def _exported(self, event: Exported) -> None:
        self._exporting = False
        self._result(event.message, error=event.error)

    @on(Button.Pressed, "#share-md")
    def _report_md(self) -> None:
        self.action_report("md")

    @on(Button.Pressed, "#share-html")
    def _report_html(self) -> None:
        self.action_report("html")

    def _language_label(self) -> str:
        return t("share.button_language", language=t(f"share.language.{self.report_language}"))

    @on(Button.Pressed, "#share-language")
    def action_report_language(self) -> None:
        """The next language for the report; the app's own language stays as it is."""
        following = (LANGUAGES.index(self.report_language) + 1) % len(LANGUAGES)
        self.report_language = LANGUAGES[following]
        self.query_one("#share-language", Button).label = self._language_label()

    def action_report(self, fmt: Format) -> None:
        from regionet_tui.core.rounds import load_predecessor
        from regionet_tui.report.build import render

        previous = load_predecessor(self.regionet_app.library, self.session)
        text = render(self.session, fmt, language=self.report_language, previous=previous)
        self._write(fmt, text.encode("utf-8"), "share.report_written", self.report_language)

    # -- merging a file into this session ------------------------------------------------------
    @on(Input.Submitted, "#share-merge-path")
    @on(Button.Pressed, "#share-merge")
    def action_merge(self) -> None:
        from regionet_tui.report.labels import Labels
        from regionet_tui.share import importer
        from regionet_tui.share.bases import base_for
        from regionet_tui.share.describe import how_merged
        from regionet_tui.share.errors import ImportRefused
        from regionet_tui.share.merge import SettledAnswers, plan_merge

        from ..dialogs.merge import MergeDialog

        if self._settled is None:
            self._settled = SettledAnswers()
        settled = self._settled

        field = self.query_one("#share-merge-path", Input)
        text = field.value.strip()
        if not text:
            field.focus()
            self._result(t("share.path_required"), error=True)
            return
        if self.store.readonly:
            self._result(t("app.readonly_refused"), error=True)
            return
        path = Path(text).expanduser()
        try:
            document = importer.read_document(path)
        except ImportRefused as refused:
            self._result(t("share.merge.refused", path=str(path), reason=refused.message()),
                         error=True)
            return
        incoming = document.session
        search = base_for(self.regionet_app.library.folder, self.session, document)
        plan = plan_merge(self.session, incoming,
                          search.base.session if search.base is not None else None)
        if not plan.changes_anything:
            self._result(t("share.merge.nothing_new_three_way" if plan.three_way
                           else "share.merge.nothing_new"))
            return

        def chosen(choices: Choices | None) -> None:
            if choices is not None and self._apply_merge(plan, choices):
                settled.remember(plan, choices)

        others = [incoming] if search.base is None else [incoming, search.base.session]
        labels = Labels(self.session, t, *others, language=language())
        self.app.push_screen(MergeDialog(plan, labels, path.name, how_merged(plan, search),
                                         settled.answers_for(plan)), chosen)

    def _apply_merge(self, plan: MergePlan, choices: Choices) -> bool:
        from regionet_tui.share.merge import adopt, keep_backup, merged_session

        self.store.flush()
        try:
            backup = keep_backup(self.store.path, datetime.now())
        except OSError as error:
            self._result(t("share.write_failed", path=str(self.store.path.parent),
                           cause=os_reason(error)), error=True)
            return False
        if not self.change(lambda s: adopt(s, merged_session(plan, choices))):
            return False
        self._result(t("share.merge.done", backup=backup.name))
        return True


SCREEN = ShareScreen
