"""Asking why the group goes on without full commitment: from the commitment
checklist (`r`) and at the gate of STAP 1, so it lives beside both screens."""

from __future__ import annotations

from collections.abc import Callable

from regionet_tui.core import commitment as rules
from regionet_tui.i18n import t

from .dialogs.text_prompt import TextPromptDialog
from .stage import StageScreen


def ask_reason(screen: StageScreen, after: Callable[[], object] | None = None,
               on_cancel: Callable[[], object] | None = None, *, gate: bool = False) -> None:
    """Ask why the group goes on without full commitment, and save it."""
    commitment = screen.session.commitment

    def save(reason: str | None) -> None:
        if reason is None:
            if on_cancel is not None:
                on_cancel()
            return
        if screen.change(lambda s: rules.record_override(s, reason)):
            screen.notify(t("commitment.reason_saved"), markup=False)
            if after is not None:
                after()
        elif on_cancel is not None:
            on_cancel()

    heading = t("commitment.gate_title") if gate else t("commitment.reason_title")
    explain = t("commitment.gate_text") if gate else t("commitment.reason_text")
    screen.app.push_screen(
        TextPromptDialog(heading, "commitment.reason_label", commitment.override_reason,
                         explain=explain, required=True,
                         required_key="commitment.reason_required"),
        save,
    )
