"""Who may write what: the room's secret, devices, and the partner each is admitted for.

The QR code on the projector carries the room's secret: 128 random bits, new
for every room, so only someone who sees the screen can join, and an old code
(a photo from the last workshop) opens nothing. Joining gives the phone a
device token (a cookie) and a form token (against cross-site posts); the
partner picks their organisation and the phone shows a short matching code,
which the terminal shows beside the organisation's name. Only when the
facilitator admits that device is it bound to that one partner: it can read
and write that partner's answers and nothing else, until the room closes.
Every token lives in this object only, in memory: closing the room ends them.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

DeviceState = Literal["new", "waiting", "admitted", "refused"]

SECRET_BYTES = 16  # 128 bits: unguessable, and a QR code small enough to scan from afar
TOKEN_BYTES = 32
# Read aloud and compared by eye: no 0/O, 1/I/L, 2/Z, 5/S, 8/B.
CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY34679"
CODE_LENGTH = 4
MAX_DEVICES = 2000  # a region of a few hundred partners, a phone or two each
MAX_SUBMISSIONS = 1000  # submission ids remembered per device


class RoomFull(Exception):
    """No more devices can join this room."""


@dataclass(eq=False)
class Device:
    id: str  # short, for the terminal: "t12"
    token: str  # the cookie: the device's credential
    csrf: str  # carried in every form: a post from another site lacks it
    joined: float
    state: DeviceState = "new"
    partner_id: str | None = None
    code: str = ""  # the matching code while it waits
    asked: float = 0.0
    answers: int = 0
    last_answer: float | None = None
    submissions: list[str] = field(default_factory=list)

    @property
    def admitted(self) -> bool:
        return self.state == "admitted"

    def may_write(self, partner_id: str) -> bool:
        return self.admitted and self.partner_id == partner_id

    def seen_submission(self, sid: str) -> bool:
        """Remember `sid`; True when it was seen before (a replay)."""
        if sid in self.submissions:
            return True
        self.submissions.append(sid)
        del self.submissions[:-MAX_SUBMISSIONS]
        return False


class RoomAccess:
    """The devices of one room; forgotten, with every token, when the room closes."""

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 max_devices: int = MAX_DEVICES) -> None:
        self.secret = secrets.token_urlsafe(SECRET_BYTES)
        # Names this room in a phone's saved drafts; says nothing about the secret.
        self.room_id = secrets.token_hex(4)
        self._clock = clock
        self._max_devices = max_devices
        self._by_token: dict[str, Device] = {}
        self._by_id: dict[str, Device] = {}
        self._count = 0

    # -- joining ------------------------------------------------------------------
    def secret_matches(self, candidate: str) -> bool:
        return hmac.compare_digest(candidate.encode("utf-8", "replace"),
                                   self.secret.encode("ascii"))

    def join(self) -> Device:
        if len(self._by_token) >= self._max_devices:
            self._forget_unused()
            if len(self._by_token) >= self._max_devices:
                raise RoomFull()
        self._count += 1
        device = Device(id=f"t{self._count}", token=secrets.token_urlsafe(TOKEN_BYTES),
                        csrf=secrets.token_urlsafe(TOKEN_BYTES), joined=self._clock())
        self._by_token[device.token] = device
        self._by_id[device.id] = device
        return device

    def _forget_unused(self) -> None:
        """Make room by forgetting devices that never asked for a partner."""
        for device in [d for d in self._by_token.values() if d.state in ("new", "refused")]:
            self._forget(device)

    def _forget(self, device: Device) -> None:
        self._by_token.pop(device.token, None)
        self._by_id.pop(device.id, None)

    def device(self, token: str | None) -> Device | None:
        if not token:
            return None
        return self._by_token.get(token)

    def by_id(self, device_id: str) -> Device | None:
        return self._by_id.get(device_id)

    def ask(self, device: Device, partner_id: str) -> None:
        """The device asks to answer for `partner_id`; it waits for the facilitator."""
        if device.admitted:
            return
        taken = {d.code for d in self._by_token.values() if d.state == "waiting"}
        code = _new_code()
        while code in taken:
            code = _new_code()
        device.state, device.partner_id = "waiting", partner_id
        device.code, device.asked = code, self._clock()

    # -- the facilitator's decisions ------------------------------------------------
    def admit(self, device_id: str) -> Device | None:
        device = self._by_id.get(device_id)
        if device is None or device.state != "waiting":
            return None
        device.state = "admitted"
        return device

    def refuse(self, device_id: str) -> Device | None:
        device = self._by_id.get(device_id)
        if device is None or device.state not in ("waiting", "admitted"):
            return None
        device.state = "refused"
        return device

    def forget_partner(self, partner_id: str) -> None:
        """A partner left the session: its devices may no longer write."""
        for device in self._by_token.values():
            if device.partner_id == partner_id and device.state in ("waiting", "admitted"):
                device.state = "refused"

    # -- what the terminal shows ------------------------------------------------------
    def waiting(self) -> list[Device]:
        return sorted((d for d in self._by_token.values() if d.state == "waiting"),
                      key=lambda d: d.asked)

    def admitted(self) -> list[Device]:
        return [d for d in self._by_token.values() if d.admitted]

    def devices_of(self, partner_id: str) -> list[Device]:
        return [d for d in self._by_token.values()
                if d.partner_id == partner_id and d.state in ("waiting", "admitted")]


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
