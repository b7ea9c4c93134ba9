"""What the start screen does with the sessions folder: new, rename, next round,
delete, trash, repair, demo and import.

Each action acts on the file of the session the facilitator selected (its
entry's path), never on "the file of this id": a restored or imported copy can
share an id with another file. Afterwards the start screen lists the folder
again (`StartScreen.reload`), with the session the action made or changed
selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from regionet_tui import i18n
from regionet_tui.i18n import t
from regionet_tui.storage import DamagedSessionFile, SessionEntry, SessionInUseError, sessionfile
from regionet_tui.storage.library import SessionGoneError

if TYPE_CHECKING:
    from regionet_tui.models import Language

    from .dialogs.session_form import SessionDetails
    from .start import StartScreen

DEMO_ID = "demo"


def new_session(screen: StartScreen) -> None:
    from .dialogs.session_form import SessionFormDialog

    app = screen.regionet_app

    def create(details: SessionDetails | None) -> None:
        if details is None:
            return
        language: Language = "en" if i18n.language() == "en" else "nl"
        try:
            store = app.library.create(details.title, details.region, details.date,
                                       details.facilitator, language)
        except OSError as error:
            app.folder_refused(error)
            return
        path = store.path
        store.close()
        screen.reload(path.name)
        if not app.open_session(path):
            screen.reload()

    app.push_screen(SessionFormDialog(t("start.new_title")), create)


def rename(screen: StartScreen, entry: SessionEntry) -> None:
    from .dialogs.prompt import NamePromptDialog

    app = screen.regionet_app

    def rename_to(title: str | None) -> None:
        if title is None:
            return
        try:
            app.library.rename(entry.path, title)
        except SessionInUseError:
            app.warn(t("start.in_use"))
        except SessionGoneError:
            app.warn(t("start.gone", title=entry.title))
        except DamagedSessionFile:
            pass  # listed as damaged now, with the reason
        except OSError as error:
            app.folder_refused(error)
        screen.reload(entry.path.name)

    app.push_screen(
        NamePromptDialog(t("start.rename_title"), "start.rename_label", entry.title), rename_to
    )


def next_round(screen: StartScreen, entry: SessionEntry) -> None:
    """Start the next round from the selected session (key `u`): asks its title,
    proposed in the session's own language, and the date the group meets again."""
    from datetime import date

    from regionet_tui.core.rounds import add_next_round
    from regionet_tui.i18n import speaking

    from .dialogs.next_round_form import NextRound, NextRoundDialog

    app = screen.regionet_app
    try:
        previous = sessionfile.read(entry.path)
    except DamagedSessionFile:
        screen.reload()
        return

    def start(chosen: NextRound | None) -> None:
        if chosen is None:
            return
        if not entry.path.exists():
            app.warn(t("start.gone", title=entry.title))
            screen.reload()
            return
        try:
            copy = add_next_round(app.library, entry.path, chosen.title, chosen.date)
        except DamagedSessionFile:
            screen.reload()
            return
        except OSError as error:
            app.folder_refused(error)
            return
        app.notify(t("start.duplicated", title=copy.title), markup=False)
        screen.reload(app.library.path_for(copy.id).name)

    with speaking(previous.language):
        proposed = t("start.duplicate_default", title=previous.title)[:200]
    app.push_screen(NextRoundDialog(proposed, previous.date, date.today()), start)


def delete(screen: StartScreen, entry: SessionEntry) -> None:
    from .dialogs.confirm import ConfirmDialog

    app = screen.regionet_app

    def move_to_trash(yes: bool | None) -> None:
        if not yes:
            return
        try:
            app.library.delete(entry.path)
        except SessionInUseError:
            app.warn(t("start.in_use"))
            return
        except SessionGoneError:
            app.warn(t("start.gone", title=entry.title))
            screen.reload()
            return
        except OSError as error:
            app.folder_refused(error)
            return
        app.notify(t("start.deleted", title=entry.title), markup=False)
        screen.reload()

    app.push_screen(ConfirmDialog(t("start.delete_question", title=entry.title)), move_to_trash)


def show_trash(screen: StartScreen) -> None:
    from .dialogs.trash import TrashDialog

    app = screen.regionet_app

    def restore(entry: SessionEntry | None) -> None:
        if entry is None:
            return
        try:
            path = app.library.restore(entry)
        except SessionGoneError:
            app.warn(t("start.gone", title=entry.title))
            screen.reload()
            return
        except OSError as error:
            app.folder_refused(error)
            return
        app.notify(t("start.restored", title=entry.title), markup=False)
        screen.reload(path.name)

    app.push_screen(TrashDialog(app.library.trashed()), restore)


def repair(screen: StartScreen, entry: SessionEntry) -> None:
    """What to do with a file that cannot be opened: its previous version, or aside."""
    from .dialogs.choice import ChoiceDialog

    app = screen.regionet_app
    assert entry.damage is not None
    reason = t(f"damage.{entry.damage.reason}", detail=entry.damage.detail)
    choices = [("aside", t("start.repair_aside"))]
    if entry.has_backup:
        choices.insert(0, ("backup", t("start.repair_backup")))

    def chosen(choice: str | None) -> None:
        try:
            if choice == "backup":
                app.library.restore_backup(entry)
                app.notify(t("start.repaired"))
            elif choice == "aside":
                target = app.library.move_aside(entry)
                app.notify(t("start.moved_aside", path=str(target)), markup=False)
        except DamagedSessionFile:
            app.warn(t("start.repair_no_backup"))
            return
        except OSError as error:
            app.folder_refused(error)
        screen.reload(entry.path.name)

    text = t("start.repair_text", name=entry.path.name, reason=reason)
    app.push_screen(ChoiceDialog(t("start.repair_title"), text, choices), chosen)


def open_demo(screen: StartScreen) -> None:
    """Open the demo workshop, saving it (and the round before it) first if needed.

    Each of the two is written when missing, whatever happened to the other:
    a round before that failed to be written once is written the next time.
    """
    from regionet_tui.demo import build_demo
    from regionet_tui.demo.rounds import PREVIOUS_ID, build_previous_round

    app = screen.regionet_app
    library = app.library
    path = library.path_for(DEMO_ID)
    created = False
    try:
        if not path.exists():
            library.add(build_demo(DEMO_ID)).close()
            created = True
        if not library.path_for(PREVIOUS_ID).exists():
            library.add(build_previous_round()).close()
    except OSError as error:
        app.folder_refused(error)
        screen.reload()
        if not path.exists():
            return
    if created:
        app.notify(t("start.demo_created"))
    screen.reload(path.name)
    if not app.open_session(path):
        screen.reload()


def import_session(screen: StartScreen) -> None:
    from regionet_tui.share.export import export_folder
    from regionet_tui.share.importer import ExportFile, add_export

    from .dialogs.import_file import ImportFileDialog

    app = screen.regionet_app

    def add(export: ExportFile | None) -> None:
        if export is None:
            return
        try:
            added, renamed = add_export(app.library, export)
        except OSError as error:
            app.folder_refused(error)
            return
        message = "share.imported_renamed" if renamed else "share.imported"
        app.notify(t(message, title=added.title, id=added.id), timeout=10, markup=False)
        screen.reload(app.library.path_for(added.id).name)

    folder = export_folder(app.library.folder)
    app.push_screen(ImportFileDialog(t("share.import_title"), folder), add)
