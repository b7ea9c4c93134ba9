"""Both catalogues are complete, and every key the code uses exists."""

from __future__ import annotations

import re
from pathlib import Path

from regionet_tui import i18n
from regionet_tui.progress import STAGES

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*ROOT.joinpath("regionet_tui").rglob("*.py"), *ROOT.joinpath("screens").rglob("*.py")]
LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z0-9_]+\.[a-z0-9_.]+)["']""")
BINDING_KEY = re.compile(r"""Binding\([^)]*?["']([a-z0-9_]+\.key_[a-z0-9_]+)["']""")


def test_dutch_and_english_have_the_same_keys() -> None:
    dutch, english = set(i18n.catalogue("nl")), set(i18n.catalogue("en"))
    assert sorted(dutch - english) == [], "missing in English"
    assert sorted(english - dutch) == [], "missing in Dutch"


def test_no_message_is_empty() -> None:
    for language in i18n.LANGUAGES:
        empty = [k for k, v in i18n.catalogue(language).items() if not v.strip()]
        assert empty == [], language


def test_every_key_used_in_the_code_exists() -> None:
    used: set[str] = set()
    for source in SOURCES:
        text = source.read_text(encoding="utf-8")
        used |= set(LITERAL_KEY.findall(text)) | set(BINDING_KEY.findall(text))
    assert used, "the scan found no keys at all"
    for language in i18n.LANGUAGES:
        missing = sorted(used - set(i18n.catalogue(language)))
        assert missing == [], f"{language}: {missing}"


def test_every_stage_has_a_name_title_and_explanation() -> None:
    for language in i18n.LANGUAGES:
        catalogue = i18n.catalogue(language)
        for stage in STAGES:
            for part in ("name", "title", "explain"):
                assert f"stage.{part}.{stage.id}" in catalogue


def test_english_differs_from_dutch() -> None:
    i18n.set_language("en")
    assert i18n.t("start.key_new") == "New"
    i18n.set_language("nl")
    assert i18n.t("start.key_new") == "Nieuw"


def test_a_report_written_in_another_thread_leaves_the_interface_language_alone() -> None:
    import threading

    i18n.set_language("nl")
    inside: list[str] = []
    started, release = threading.Event(), threading.Event()

    def write_report() -> None:
        with i18n.speaking("en"):
            inside.append(i18n.t("app.key_quit"))
            started.set()
            release.wait(5)

    worker = threading.Thread(target=write_report)
    worker.start()
    assert started.wait(5)
    assert i18n.language() == "nl"  # the interface, meanwhile
    assert i18n.t("app.key_quit") == i18n.catalogue("nl")["app.key_quit"]
    release.set()
    worker.join(5)
    assert inside == [i18n.catalogue("en")["app.key_quit"]]
