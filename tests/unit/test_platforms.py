"""Where Windows and macOS differ from Linux, the call that differs is simulated
here, so every branch for them runs on every platform: no folder fsync and no
O_NONBLOCK on Windows, binary mode, hard links that cannot be told not to
follow a symbolic link, a rename that changes no time Windows keeps, a lock
file that cannot be removed while held, and the data and config folders that
platformdirs gives on each system."""

from __future__ import annotations

import io
import json
import os
import socket
import sys
import time
import types
from datetime import date
from pathlib import Path

import platformdirs
import pytest
from platformdirs.macos import MacOS
from platformdirs.unix import Unix
from platformdirs.windows import Windows
from support.app import make_session

from regionet_tui import cli, locations, settings
from regionet_tui.commands import output
from regionet_tui.room import network
from regionet_tui.room.server import _bind_all
from regionet_tui.share import importer
from regionet_tui.share.export import export_bytes, export_folder, write_export
from regionet_tui.storage import SessionLibrary, atomic, regular, sessionfile
from regionet_tui.storage.atomic import atomic_write
from regionet_tui.storage.library import MOVING_SUFFIX, _claim_name, recover_stale_moves

# O_BINARY as Windows has it (0x8000); stripped again before Linux sees it.
O_BINARY = 0o100000


class WindowsOs(types.ModuleType):
    """`os` as regionet's file code sees it on Windows: no O_NONBLOCK,
    O_NOCTTY, O_CLOEXEC or set_blocking (Python 3.11), and an O_BINARY
    without which a file opens in text mode. Records the flags of every open."""

    def __init__(self) -> None:
        super().__init__("os")
        self.O_BINARY = O_BINARY
        self.opened: dict[str, int] = {}

    def __getattr__(self, name: str) -> object:
        if name in ("O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC", "set_blocking"):
            raise AttributeError(name)
        return getattr(os, name)

    def open(self, path: object, flags: int, *args: object, **kwargs: object) -> int:
        self.opened[os.fsdecode(path)] = flags  # type: ignore[arg-type]
        return os.open(path, flags & ~O_BINARY, *args, **kwargs)  # type: ignore[arg-type]

    def text_mode(self) -> list[str]:
        """What was opened without O_BINARY: Windows would have changed its bytes."""
        return [name for name, flags in self.opened.items()
                if not flags & O_BINARY and not Path(name).is_dir()]  # a folder holds no bytes


def windows_os(monkeypatch: pytest.MonkeyPatch) -> WindowsOs:
    simulated = WindowsOs()
    for module in (regular, atomic, output):
        monkeypatch.setattr(module, "os", simulated)
    return simulated


def test_on_windows_every_file_is_read_and_written_in_binary_mode(
    library: SessionLibrary, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    opened = windows_os(monkeypatch)
    store = library.create("Ronde 1", "Rivierenland", date(2026, 11, 22))
    store.change(lambda s: setattr(s, "region", "Betuwe"))
    session = store.session
    store.close()
    assert sessionfile.read(store.path).region == "Betuwe"
    library.entries()
    export = write_export(session, export_folder(folder) / "ronde-1.json", session.modified)
    # Byte for byte, LF line ends: two exports of one session diff cleanly.
    assert export.read_bytes() == export_bytes(session, session.modified)
    assert importer.read(export).title == "Ronde 1"
    report = tmp_path / "verslag.md"
    assert cli.main(["--sessions-dir", str(folder), "report", "Ronde 1", "-o", str(report)]) == 0
    assert cli.main(["--sessions-dir", str(folder), "report", "Ronde 1", "-o", os.devnull]) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert b"\r\n" not in report.read_bytes()
    names = {Path(name).name for name in opened.opened}
    assert {export.name, f"{session.id}.json"} <= names  # read
    for written in (export.name, f"{session.id}.json", "verslag.md"):
        assert any(name.startswith(f".{written}.") for name in names)  # written, atomically
    assert os.devnull in opened.opened
    assert opened.text_mode() == []


def test_on_windows_the_folder_is_not_fsynced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    target = tmp_path / "sessie.json"
    atomic_write(target, b"{}")
    assert len(synced) == 2  # the file, then its folder (POSIX)
    synced.clear()
    monkeypatch.setattr(os, "name", "nt")  # Windows cannot open a folder to fsync it
    atomic_write(target, b'{"a": 1}')
    assert len(synced) == 1
    assert target.read_bytes() == b'{"a": 1}'


F_FULLFSYNC = 51  # its value on macOS


@pytest.mark.parametrize("system", ["macos", "macos-refused", "windows", "linux"])
def test_a_written_file_is_flushed_through_the_drive_cache_where_the_system_can(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, system: str
) -> None:
    import fcntl

    synced: list[int] = []
    full: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    if system.startswith("macos"):
        monkeypatch.setattr(fcntl, "F_FULLFSYNC", F_FULLFSYNC, raising=False)

        def mac_fcntl(fd: int, command: int, *args: object) -> int:
            assert command == F_FULLFSYNC
            full.append(fd)
            if system == "macos-refused":  # a file system that does not know it
                raise OSError(45, "Operation not supported")
            return 0

        monkeypatch.setattr(fcntl, "fcntl", mac_fcntl)
    elif system == "windows":
        monkeypatch.setitem(sys.modules, "fcntl", None)  # no fcntl to import
        monkeypatch.setattr(os, "name", "nt")
    target = tmp_path / "sessie.json"
    atomic_write(target, b'{"a": 1}')
    assert target.read_bytes() == b'{"a": 1}'
    assert len(full) == (1 if system.startswith("macos") else 0)
    # fsync for the file where F_FULLFSYNC did not do it; for the folder on POSIX.
    expected = {"macos": 1, "macos-refused": 2, "windows": 1, "linux": 2}[system]
    assert len(synced) == expected


def test_where_a_hard_link_would_follow_a_symbolic_link_moves_still_work(
    library: SessionLibrary, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_link = os.link

    def link_without_follow_symlinks(source: object, target: object, **kwargs: object) -> None:
        if "follow_symlinks" in kwargs:  # what Python raises where it cannot honour it
            raise NotImplementedError("link: follow_symlinks unavailable on this platform")
        real_link(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "link", link_without_follow_symlinks)
    monkeypatch.setattr(os, "supports_follow_symlinks", set())
    path = library.path_for(make_session(library, "Naar de prullenbak"))
    trashed = library.delete(path)
    assert not path.exists() and sessionfile.read(trashed).title == "Naar de prullenbak"
    assert library.restore(library.trashed()[0]) == path
    # A symbolic link named like a session moves as the link, not what it points to.
    elsewhere = tmp_path / "elders.json"
    elsewhere.write_bytes(path.read_bytes())
    (folder / "verwijzing.json").symlink_to(elsewhere)
    moved = library.delete(folder / "verwijzing.json")
    assert moved.is_symlink() and elsewhere.exists()


def test_a_claim_is_dated_by_its_name_as_windows_keeps_no_time_of_a_rename(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = library.path_for(make_session(library, "Onderweg"))
    claimed = _claim_name(path)
    path.rename(claimed)  # another window is moving it, right now
    real_lstat = os.lstat

    def windows_lstat(target: object, **kwargs: object) -> os.stat_result:
        status = real_lstat(target, **kwargs)  # type: ignore[arg-type]
        fields = list(status[:10])
        fields[9] = time.time() - 3600  # Windows: st_ctime is when the file was made
        return os.stat_result(fields)

    monkeypatch.setattr(os, "lstat", windows_lstat)
    assert recover_stale_moves(folder) == 0  # a move under way is left alone
    assert claimed.exists() and not path.exists()
    # The same claim, made two minutes ago by a window that crashed: put back.
    old = claimed.with_name(claimed.name.replace(
        claimed.name.split(".")[-2].split("-")[0], str(int(time.time()) - 120)))
    claimed.rename(old)
    monkeypatch.setattr(os, "lstat", real_lstat)  # Linux: ctime is the rename, just now
    assert recover_stale_moves(folder) == 1
    assert sessionfile.read(path).title == "Onderweg"
    assert not list(folder.glob(f"*{MOVING_SUFFIX}"))


def test_a_lock_file_windows_will_not_remove_while_held_stops_nothing(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = library.path_for(make_session(library, "Vergrendeld"))
    lock = sessionfile.lock_path(path)
    real_unlink = Path.unlink

    def windows_unlink(self: Path, missing_ok: bool = False) -> None:
        if self.suffix == sessionfile.LOCK_SUFFIX:
            raise PermissionError(13, "The process cannot access the file because it is "
                                      "being used by another process", str(self))
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", windows_unlink)
    library.delete(path)
    assert lock.exists() and not path.exists()  # left behind, as on Windows
    restored = library.restore(library.trashed()[0])
    store = SessionLibrary(folder).open(restored.stem)
    assert not store.readonly  # a lock file nobody holds locks nothing
    store.change(lambda s: setattr(s, "region", "Betuwe"))
    store.close()
    assert sessionfile.read(restored).region == "Betuwe"


@pytest.mark.parametrize(("system", "data", "config"), [
    ("windows", "AppData/Local/regionet", "AppData/Local/regionet"),
    ("macos", "Library/Application Support/regionet", "Library/Application Support/regionet"),
    ("linux", ".local/share/regionet", ".config/regionet"),
])
def test_the_data_and_config_folders_of_each_system_hold_sessions_settings_and_exports_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, system: str, data: str, config: str
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "REGIONET_CONFIG", "REGIONET_SESSIONS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no ./sessions here
    folders = {"CSIDL_LOCAL_APPDATA": home / "AppData/Local",
               "CSIDL_APPDATA": home / "AppData/Roaming"}
    monkeypatch.setattr("platformdirs.windows.get_win_folder", lambda csidl: str(folders[csidl]))
    kind = {"windows": Windows, "macos": MacOS, "linux": Unix}[system]
    monkeypatch.setattr(platformdirs, "PlatformDirs", kind)

    sessions = locations.sessions_folder()
    assert sessions == home / data / "sessions"
    assert locations.config_folder() == home / config
    library = SessionLibrary(sessions)
    store = library.create("Ronde 1", "Rivierenland", date(2026, 11, 22))
    store.close()
    assert settings.save(settings.load().with_changes(language="en"))
    assert settings.load().language == "en"
    write_export(store.session, export_folder(sessions) / "ronde-1.json")
    # The settings file and the exports never land among the sessions.
    assert [e.title for e in library.entries()] == ["Ronde 1"]
    assert not locations.settings_file().is_relative_to(sessions)
    assert not export_folder(sessions).is_relative_to(sessions)
    assert json.loads(locations.settings_file().read_text())["language"] == "en"


@pytest.mark.parametrize("posix", [True, False])
def test_the_room_asks_for_its_port_back_only_where_that_is_safe(
    monkeypatch: pytest.MonkeyPatch, posix: bool
) -> None:
    # On Windows SO_REUSEADDR would let another program take the room's port.
    monkeypatch.setattr(os, "name", "posix" if posix else "nt")
    sockets = _bind_all(["127.0.0.1"], 0)
    try:
        reuse = sockets[0].getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR)
        assert bool(reuse) is posix
    finally:
        for sock in sockets:
            sock.close()


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_off_linux_the_room_finds_its_address_without_linux_calls(
    monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setitem(sys.modules, "fcntl", None)  # importing it would fail, as on Windows
    monkeypatch.setattr(network, "_route_address", lambda target: "192.168.1.23")
    assert network.room_addresses()[0] == "192.168.1.23"


def test_output_to_a_file_or_pipe_is_utf8_where_windows_would_write_cp1252(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = tmp_path / "graaf.json"
    graph.write_text(json.dumps({
        "nodes": [{"id": "g", "label": "Gemeente Tiel ✔", "kind": "partner"},
                  {"id": "l", "label": "Onderwijsloket", "kind": "broker"}],
        "edges": [{"from": "g", "to": "l", "label": "financiert"}]}), encoding="utf-8")
    # `regionet flowchart --graph graaf.json > schema.txt` in PowerShell on Windows.
    redirected = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", redirected)
    assert cli.main(["flowchart", "--graph", str(graph)]) == 0
    redirected.flush()
    written = redirected.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
    assert "┌" in written and "Gemeente Tiel ✔" in written
