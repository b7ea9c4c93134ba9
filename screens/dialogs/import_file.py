"""Ask for an export file and read it; a refused file is explained in the dialog
and nothing changes."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding

from regionet_tui.forms import FormError
from regionet_tui.i18n import t
from regionet_tui.share import importer
from regionet_tui.share.errors import ImportRefused

from .form import FormDialog


class ImportFileDialog(FormDialog[importer.ExportFile | None]):
    """Its button imports: nothing is saved until the file has been read and checked."""

    BINDINGS = [Binding("ctrl+s", "save", "share.key_import")]
    SAVE_LABEL = "share.button_import"

    def __init__(self, heading: str, folder: Path) -> None:
        super().__init__(heading)
        self._folder = folder

    def compose_fields(self) -> ComposeResult:
        yield from self.labelled_input("share.import_label", "path", f"{self._folder}/",
                                       placeholder=t("share.path_placeholder"))

    def build_result(self) -> importer.ExportFile:
        text = self.value("path").strip()
        if not text:
            raise FormError(t("share.path_required"))
        try:
            return importer.read_export(Path(text).expanduser())
        except ImportRefused as refused:
            raise FormError(refused.message()) from None
