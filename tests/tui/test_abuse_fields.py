"""Every text field of every dialog, fed hostile text as if pasted.

For each dialog a facilitator can open, each Input and TextArea in turn gets
a string full of markup, terminal escapes (CSI and OSC), bidi overrides,
zero-width characters, emoji and NFD accents, and then a 10,000-character
paste. Each save either lands, with the text stored cleaned and shown
literally, or is refused with a message and leaves the file as it was. At
every step nothing the terminal would receive carries a control or format
character, and markup in the text is shown as the characters typed.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from regionet_tui.screens.dialogs.confirm import ConfirmDialog
from regionet_tui.screens.dialogs.form import FormDialog
from support.app import make_app
from textual import events
from textual.widgets import Input, Static, TextArea

from regionet_tui.safe_text import remove_unsafe
from regionet_tui.storage import sessionfile
from regionet_tui.storage.library import INDEX_NAME

# Markup first, so that a table cell cut short still shows whether it was parsed.
HOSTILE = ("[b]vet[/b] [@click=app.quit]klik[/] \x1b]0;gekaapt\x07 \x1b[2Jwis "
           "a\u202eevil\u202c zero\u200bwidth\ufeff Cafe\u0301 🧑‍🏫📚")
LONG = "lang " * 2000  # 10,000 characters
UNSAFE = {"Cc", "Cf", "Cs"}
STORED = unicodedata.normalize("NFC", remove_unsafe(HOSTILE))

# (case, keys from the start screen with the demo selected, keys that open the
# dialog from there, the dialog expected)
CASES: list[tuple[str, list[str], list[str], str]] = [
    ("new_session", [], ["n"], "SessionFormDialog"),
    ("rename_session", [], ["r"], "NamePromptDialog"),
    ("duplicate_session", [], ["u"], "NextRoundDialog"),
    ("import_path", [], ["i"], "ImportFileDialog"),
    ("session_details", ["enter"], ["i"], "SessionFormDialog"),
    ("park", ["enter"], ["f2"], "NamePromptDialog"),
    ("partner_add", ["enter"], ["a"], "PartnerFormDialog"),
    ("partner_edit", ["enter"], ["e"], "PartnerFormDialog"),
    ("commitment_note", ["enter", "0"], ["o"], "TextPromptDialog"),
    ("commitment_reason", ["enter", "0"], ["r"], "TextPromptDialog"),
    ("score_note", ["enter", "1"], ["o"], "TextPromptDialog"),
    ("service_add", ["enter", "1"], ["a"], "NamePromptDialog"),
    ("service_rename", ["enter", "1"], ["r"], "NamePromptDialog"),
    ("capacity", ["enter", "2"], ["e"], "CapacityFormDialog"),
    ("goals", ["enter", "2", "down", "down", "down", "down", "down"], ["e"], "TextFormDialog"),
    ("agenda_add", ["enter", "3"], ["a"], "AgendaFormDialog"),
    ("agenda_edit", ["enter", "3"], ["e"], "AgendaFormDialog"),
    ("shared_add", ["enter", "3", "v"], ["a"], "SharedFormDialog"),
    ("statement", ["enter", "3"], ["g"], "TextFormDialog"),
    ("agreement_add", ["enter", "4"], ["a"], "AgreementFormDialog"),
    ("agreement_edit", ["enter", "4"], ["e"], "AgreementFormDialog"),
    ("part_add", ["enter", "4"], ["b"], "PartFormDialog"),
    ("signoff", ["enter", "4", "v"], ["s"], "SignOffFormDialog"),
    ("milestone_add", ["enter", "5"], ["a"], "MilestoneFormDialog"),
    ("milestone_edit", ["enter", "5"], ["e"], "MilestoneFormDialog"),
    ("node_add", ["enter", "6"], ["n"], "NodeFormDialog"),
    ("edge_add", ["enter", "6"], ["c"], "EdgeFormDialog"),
    ("theme_add", ["enter", "7"], ["a"], "ThemeFormDialog"),
    ("rating", ["enter", "7"], ["e"], "RatingDialog"),
    ("followup_add", ["enter", "7", "w"], ["a"], "FollowUpDialog"),
    ("minutes", ["enter", "f8"], ["e"], "MinutesDialog"),
    ("parked_edit", ["enter", "f8", "tab"], ["e"], "NamePromptDialog"),
]


def terminal_cells(app: Any) -> list[str]:
    """The text of every line the terminal would be sent for the whole screen."""
    update = app.screen._compositor.render_full_update()  # noqa: SLF001 (no public API gives the drawn cells)
    return ["".join(segment.text for segment in strip) for strip in update.strips]


def check_terminal(app: Any) -> None:
    lines = terminal_cells(app)
    for number, line in enumerate(lines):
        bad = {hex(ord(c)) for c in line if unicodedata.category(c) in UNSAFE}
        assert not bad, f"line {number} would send {bad} raw: {line!r}"
    # Parsed as markup, "[b]vet[/b] [@click=app.quit]klik[/]" would read "vet klik".
    assert "vet klik" not in "\n".join(lines)


def strings_in(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in [key, *strings_in(item)]]
    if isinstance(value, list):
        return [s for item in value for s in strings_in(item)]
    return []


def files(folder: Path) -> dict[str, bytes]:
    """Each session as saved (its file and the changes in its journal after it),
    and the library's index as it is on disk."""
    return {path.name: (path.read_bytes() if path.name == INDEX_NAME
                        else sessionfile.read(path).model_dump_json().encode())
            for path in sorted(folder.glob("*.json"))}


def check_saved(folder: Path) -> None:
    journals = {path.name + str(n): line for path in folder.glob("*.journal")
                for n, line in enumerate(path.read_bytes().splitlines())}
    for name, data in {**files(folder), **journals}.items():
        for text in strings_in(json.loads(data)):
            bad = {hex(ord(c)) for c in text
                   if unicodedata.category(c) in UNSAFE and c not in "\n\t"}
            assert not bad, f"{name} holds {bad}: {text!r}"


async def to_start(pilot: Any) -> None:
    from regionet_tui.screens.start import StartScreen

    while not isinstance(pilot.app.screen, StartScreen):
        await pilot.press("escape")
        await pilot.pause()


async def open_case(pilot: Any, keys: list[str], dialog_keys: list[str],
                    expected: str) -> FormDialog[Any]:
    from regionet_tui.screens.start import StartScreen

    if not keys:  # a dialog of the start screen; saving may have opened a session
        await to_start(pilot)
    elif isinstance(pilot.app.screen, StartScreen):
        await pilot.press(*keys)
        await pilot.pause()
    await pilot.press(*dialog_keys)
    await pilot.pause()
    dialog = pilot.app.screen
    assert type(dialog).__name__ == expected, (keys, dialog_keys, type(dialog).__name__)
    return dialog


async def paste(pilot: Any, dialog: FormDialog[Any], field_id: str, text: str) -> bool:
    """Paste into the field; True when the field took it (digit fields refuse)."""
    field = dialog.query_one(f"#{field_id}")
    if isinstance(field, Input):
        field.value = ""
    elif isinstance(field, TextArea):
        field.text = ""
    field.focus()
    await pilot.pause()
    pilot.app.post_message(events.Paste(text))  # as the terminal sends a paste
    await pilot.pause()
    return (field.value if isinstance(field, Input) else field.text) != ""


async def save_and_check(pilot: Any, dialog: FormDialog[Any], folder: Path) -> bool:
    """Save the dialog; True when it closed, else it says why and no file changed."""
    before = files(folder)
    check_terminal(pilot.app)
    await pilot.press("ctrl+s")
    await pilot.pause()
    check_saved(folder)
    check_terminal(pilot.app)
    if pilot.app.screen is not dialog:
        return True
    message = str(dialog.query_one("#form-error", Static).content)
    assert message.strip(), "refused without saying why"
    assert files(folder) == before
    return False


@pytest.mark.parametrize("case, keys, dialog_keys, expected", CASES,
                         ids=[case[0] for case in CASES])
async def test_every_field_takes_hostile_text_safely(folder: Path, case: str, keys: list[str],
                                                     dialog_keys: list[str],
                                                     expected: str) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("d")  # the demo workshop is made, then back to the list
        await pilot.pause()
        await to_start(pilot)
        dialog = await open_case(pilot, keys, dialog_keys, expected)
        fields = [field.id for field in dialog.query("Input, TextArea") if field.id]
        assert fields, f"{expected} has no text field"
        await pilot.press("escape")
        for field_id in fields:
            for text in (HOSTILE, LONG):
                await pilot.pause()
                dialog = await open_case(pilot, keys, dialog_keys, expected)
                taken = await paste(pilot, dialog, field_id, text)
                if not await save_and_check(pilot, dialog, folder):
                    await pilot.press("escape")
                    await pilot.pause()
                    if isinstance(app.screen, ConfirmDialog):  # typed in: it asks first
                        await pilot.press("j")
                elif taken and text is HOSTILE:  # stored cleaned, markup kept as typed
                    stored = [s for data in files(folder).values()
                              for s in strings_in(json.loads(data))]
                    assert any(STORED in s for s in stored), field_id
                assert app.is_running
        await to_start(pilot)
        check_terminal(app)


async def paste_into(pilot: Any, field_id: str, text: str) -> None:
    field = pilot.app.screen.query_one(f"#{field_id}", Input)
    field.value = ""
    field.focus()
    await pilot.pause()
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
    assert field.value == remove_unsafe(text)  # the paste landed, cleaned
    check_terminal(pilot.app)


@pytest.mark.parametrize("text", [HOSTILE, LONG], ids=["hostile", "long"])
async def test_fields_on_screens_and_the_palette_take_hostile_text_safely(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    monkeypatch.chdir(tmp_path)  # a relative export folder lands here
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await to_start(pilot)
        await pilot.press("slash")  # the filter of the session list
        await paste_into(pilot, "filter", text)
        await pilot.press("escape")
        await to_start(pilot)
        await pilot.press("enter", "8")
        await pilot.pause()
        before = files(folder)
        await paste_into(pilot, "share-folder", text)
        await pilot.press("enter", "enter")  # to the export button, and press it
        await pilot.pause()
        check_terminal(app)
        assert str(app.screen.query_one("#share-result", Static).content).strip()
        await paste_into(pilot, "share-merge-path", text)
        await pilot.press("enter")  # no such file: said, nothing merged
        await pilot.pause()
        check_terminal(app)
        assert str(app.screen.query_one("#share-result", Static).content).strip()
        assert files(folder) == before
        await pilot.press("ctrl+p")
        await pilot.pause()
        pilot.app.post_message(events.Paste(text))
        await pilot.pause()
        check_terminal(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
