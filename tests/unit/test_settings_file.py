"""The settings file is read only when it is an ordinary file of a settings
file's size: anything else gives the defaults, and the app still starts."""

from __future__ import annotations

import os

import pytest

from regionet_tui import locations, settings


def test_saved_settings_come_back() -> None:
    settings.save(settings.load().with_changes(language="en", ascii=True))
    assert settings.load() == settings.Settings(language="en", ascii=True)


@pytest.mark.parametrize("kind", ["fifo", "directory", "huge", "garbage", "dev_zero"])
def test_a_settings_file_that_is_not_one_gives_the_defaults(kind: str) -> None:
    path = locations.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)  # reading it would wait for a writer for ever
    elif kind == "directory":
        path.mkdir()
    elif kind == "huge":
        path.write_text('{"language": "en", "theme": "' + "x" * 100_000 + '"}')
    elif kind == "garbage":
        path.write_bytes(b"\xff\x00{not json")
    else:
        path.symlink_to("/dev/zero")
    assert settings.load() == settings.Settings()
