"""The room's web server: aiohttp, in the App's own asyncio loop, while the room is open.

It listens on the laptop (127.0.0.1) by default, and on one address of the
room's network only when the facilitator opens it there. Every request is
checked in `_guard` before a handler sees it: the room is open, the Host is
one of the addresses it listens on (no DNS rebinding), the device or address
is within its rate. A post must come from this site (Origin or Referer), be a
plain urlencoded form within the size and field bounds, and carry the
device's form token. A device writes only for the partner it was admitted
for, only in what the facilitator opened. Anything refused gets a page (or,
for the script, JSON) saying why in the session's language, and changes
nothing.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from aiohttp import web
from pydantic import ValidationError

from ..forms import FormError
from ..storage import ReadOnlyError, SaveError
from . import pages
from .access import Device, RoomAccess, RoomFull
from .fields import RESERVED, Field, Group, Refused, changes, clean, submitted
from .host import NotSaved, RoomHost
from .limits import (
    ADDRESS_BURST,
    ADDRESS_RATE,
    DEVICE_BURST,
    DEVICE_RATE,
    MAX_BODY_BYTES,
    MAX_FIELDS,
    RateLimiter,
)
from .network import LOCAL
from .stages import ADDITIVE, ROOM_STAGES, RoomStage, stage_module
from .submissions import valid_sid
from .texts import translator

if TYPE_CHECKING:
    from .texts import Translate

LOG = logging.getLogger("regionet.room")
COOKIE = "regionet_room"
DEFAULT_PORT = 8765
SHUTDOWN_SECONDS = 2.0
BACKLOG = 1024  # a room of phones connecting at once is not turned away
CSP = ("default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
FORM_TYPE = "application/x-www-form-urlencoded"
DEVICE_KEY = web.RequestKey("device", object)


class Problem(Exception):
    """A request refused with `status`; `key` says why in the session's language."""

    def __init__(self, status: int, key: str, *, field: str | None = None,
                 **values: object) -> None:
        super().__init__(key)
        self.status, self.key, self.field, self.values = status, key, field, values


@dataclass(frozen=True)
class RoomEvent:
    """Something the terminal shows as it happens: a device waits to be let in."""

    kind: str  # "waiting"
    device_id: str
    partner_id: str | None


def _bind_all(hosts: list[str], port: int) -> list[socket.socket]:
    """A listening socket on each host, all on one port (the first's, when 0)."""
    bound: list[socket.socket] = []
    try:
        for host in hosts:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            bound.append(sock)
            if os.name == "posix":  # a room reopened at once gets its port back
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
            port = int(sock.getsockname()[1])
            sock.setblocking(False)
    except OSError:
        for sock in bound:
            sock.close()
        raise
    return bound


def _redirect(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location})


def _wants_json(request: web.Request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


class RoomServer:
    """The room of one open session; `start` and `stop` it in the App's loop."""

    def __init__(self, host: RoomHost,
                 on_event: Callable[[RoomEvent], object] | None = None) -> None:
        self.host = host
        self.on_event = on_event
        self.access = RoomAccess()
        self.open_stages: set[RoomStage] = set()
        self.address = LOCAL  # where the room is reached: the QR code's address
        self.port = 0
        self.running = False
        self._runner: web.AppRunner | None = None
        self._sites: list[web.SockSite] = []
        self._hosts: set[str] = set()
        self._device_rate = RateLimiter(DEVICE_RATE, DEVICE_BURST)
        self._address_rate = RateLimiter(ADDRESS_RATE, ADDRESS_BURST)

    # -- starting and stopping ------------------------------------------------------
    @property
    def url(self) -> str:
        """The address in the QR code: it carries the room's secret."""
        return f"http://{self.address}:{self.port}/j/{self.access.secret}"

    @property
    def networked(self) -> bool:
        return self.address != LOCAL

    def _application(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[self._guard])
        app.router.add_get("/", self._home)
        app.router.add_get("/j/{secret}", self._join_link)
        app.router.add_post("/join", self._join)
        app.router.add_get("/static/{name}", self._static)
        app.router.add_get("/favicon.ico", self._no_icon)
        app.router.add_get("/s/{stage}", self._stage_page)
        app.router.add_post("/s/{stage}", self._answer)
        app.router.add_post("/s/{stage}/add", self._add)
        app.router.add_post("/s/{stage}/remove", self._remove)
        return app

    async def start(self, address: str = LOCAL, port: int = DEFAULT_PORT) -> None:
        """Listen on `address` (and on the laptop itself); OSError when it cannot."""
        if self._runner is None:
            self._runner = web.AppRunner(self._application(), access_log=None,
                                         handle_signals=False,
                                         shutdown_timeout=SHUTDOWN_SECONDS)
            await self._runner.setup()
        await self._listen(address, port)
        self.running = True

    async def _listen(self, address: str, port: int) -> None:
        assert self._runner is not None
        wanted = [address] if address == LOCAL else [address, LOCAL]
        try:
            sockets = _bind_all(wanted, port)
        except OSError:
            if port == 0:
                raise
            sockets = _bind_all(wanted, 0)  # the wanted port is taken: any free one
        port = int(sockets[0].getsockname()[1])
        sites = [web.SockSite(self._runner, sock, backlog=BACKLOG) for sock in sockets]
        for site in sites:
            await site.start()
        self._sites, self.address, self.port = sites, address, port
        self._hosts = {f"{host}:{port}" for host in wanted} | {f"localhost:{port}"}

    async def move(self, address: str) -> None:
        """Listen on another address (the laptop only, or the room's network)."""
        old, port = self._sites, self.port
        for site in old:
            await site.stop()
        try:
            await self._listen(address, port)
        except OSError:
            await self._listen(self.address, port)
            raise

    async def stop(self) -> None:
        """Stop listening; every device's token is forgotten with the room."""
        self.running = False
        runner, self._runner, self._sites = self._runner, None, []
        if runner is not None:
            await runner.cleanup()

    def set_open(self, stage: RoomStage, is_open: bool) -> None:
        if is_open:
            self.open_stages.add(stage)
        else:
            self.open_stages.discard(stage)

    # -- every request ----------------------------------------------------------------
    @web.middleware
    async def _guard(self, request: web.Request,
                     handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                     ) -> web.StreamResponse:
        try:
            if not self.running:
                raise Problem(503, "room.error.closed")
            if request.host.lower() not in self._hosts:
                raise Problem(421, "room.error.address")
            device = self.access.device(request.cookies.get(COOKIE))
            allowed = (self._device_rate.allow(device.id) if device is not None
                       else self._address_rate.allow(request.remote or "?"))
            if not allowed:
                raise Problem(429, "room.error.too_many")
            request[DEVICE_KEY] = device
            response = await handler(request)
        except Problem as problem:
            response = self._problem(request, problem)
        except web.HTTPRequestEntityTooLarge:
            response = self._problem(request, Problem(413, "room.error.too_large"))
        except web.HTTPMethodNotAllowed:
            response = self._problem(request, Problem(405, "room.error.not_found"))
        except web.HTTPNotFound:
            response = self._problem(request, Problem(404, "room.error.not_found"))
        except Exception:  # a fault of the room's own: logged, and the phone told
            LOG.exception("room: %s %s", request.method, request.path)
            response = self._problem(request, Problem(500, "room.error.internal"))
        for name, value in SECURITY_HEADERS.items():
            response.headers[name] = value
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    @property
    def _tr(self) -> Translate:
        return translator(self.host.language)

    def _problem(self, request: web.Request, problem: Problem) -> web.Response:
        message = self._tr(problem.key, **problem.values)
        if _wants_json(request):
            return web.json_response({"ok": False, "message": message, "field": problem.field},
                                     status=problem.status)
        link, link_text = "/", self._tr("room.page.back")
        if problem.key in {"room.error.no_device", "room.error.closed", "room.error.address"}:
            link = ""
        html = pages.render("message.html", self.host.language, heading=self._tr(
            "room.page.problem_title"), problem=message, notice="", session_title="",
            partner_name="", link=link, link_text=link_text, room_key="", csrf_token="")
        return web.Response(text=html, status=problem.status, content_type="text/html",
                            charset="utf-8")

    def _page(self, template: str, device: Device | None, **context: Any) -> web.Response:
        session = self.host.session
        partner = session.partner(device.partner_id) if device and device.partner_id else None
        admitted = partner is not None and device is not None and device.admitted
        defaults: dict[str, Any] = {
            "notice": "", "problem": "", "session_title": session.title,
            "partner_name": partner.name if partner is not None and admitted else "",
            # Where the page's script keeps and resends answers not yet saved.
            "room_key": f"{self.access.room_id}:{partner.id}" if partner and admitted else "",
            "csrf_token": device.csrf if device is not None else ""}
        html = pages.render(template, self.host.language, **{**defaults, **context})
        return web.Response(text=html, content_type="text/html", charset="utf-8")

    # -- who is asking ----------------------------------------------------------------
    @staticmethod
    def _device(request: web.Request) -> Device | None:
        device = request.get(DEVICE_KEY)
        return device if isinstance(device, Device) else None

    def _admitted(self, request: web.Request) -> tuple[Device, str]:
        """The admitted device and its partner id; Problem for anyone else."""
        device = self._device(request)
        if device is None:
            raise Problem(403, "room.error.no_device")
        if not device.admitted or device.partner_id is None:
            raise Problem(403, "room.error.not_admitted")
        if self.host.session.partner(device.partner_id) is None:
            raise Problem(409, "room.error.partner_gone")
        return device, device.partner_id

    def _open_stage(self, request: web.Request) -> RoomStage:
        name = request.match_info.get("stage", "")
        stage = next((s for s in ROOM_STAGES if s == name), None)
        if stage is None:
            raise Problem(404, "room.error.not_found")
        if stage not in self.open_stages:
            raise Problem(403, "room.error.stage_closed")
        return stage

    async def _form(self, request: web.Request, device: Device) -> list[tuple[str, str]]:
        """The posted form, within bounds, from this site, with the device's token."""
        if request.content_type != FORM_TYPE:
            raise Problem(415, "room.error.bad_request")
        origin = request.headers.get("Origin")
        own = f"{request.scheme}://{request.host}".lower()
        if origin is not None:
            from_here = origin.lower() == own
        else:
            referer = urlsplit(request.headers.get("Referer", ""))
            from_here = f"{referer.scheme}://{referer.netloc}".lower() == own
        if not from_here:
            raise Problem(403, "room.error.cross_site")
        body = await request.read()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise Problem(400, "room.error.bad_request") from None
        if text.count("&") + 1 > MAX_FIELDS:
            raise Problem(413, "room.error.too_many_fields")
        try:
            pairs = parse_qsl(text, keep_blank_values=True, max_num_fields=MAX_FIELDS,
                              encoding="utf-8", errors="strict")
        except ValueError:
            raise Problem(400, "room.error.bad_request") from None
        tokens = [value for name, value in pairs if name == "csrf"]
        if len(tokens) != 1 or not hmac.compare_digest(tokens[0].encode(), device.csrf.encode()):
            raise Problem(403, "room.error.csrf")
        return pairs

    # -- joining ---------------------------------------------------------------------
    async def _join_link(self, request: web.Request) -> web.StreamResponse:
        if not self.access.secret_matches(request.match_info.get("secret", "")):
            raise Problem(403, "room.error.wrong_code")
        response = _redirect("/")
        if self._device(request) is None:
            try:
                device = self.access.join()
            except RoomFull:
                raise Problem(503, "room.error.full") from None
            response.set_cookie(COOKIE, device.token, httponly=True, samesite="Lax", path="/")
        return response

    async def _join(self, request: web.Request) -> web.StreamResponse:
        device = self._device(request)
        if device is None:
            raise Problem(403, "room.error.no_device")
        values = submitted(await self._form(request, device), RESERVED | {"partner"})
        partner = self.host.session.partner(values.get("partner", ""))
        if partner is None:
            raise Problem(400, "room.error.unknown_partner")
        if device.admitted:
            raise Problem(409, "room.error.already_admitted")
        self.access.ask(device, partner.id)
        if self.on_event is not None:
            self.on_event(RoomEvent("waiting", device.id, partner.id))
        return _redirect("/")

    async def _home(self, request: web.Request) -> web.StreamResponse:
        device = self._device(request)
        tr, session = self._tr, self.host.session
        if device is None:
            raise Problem(403, "room.error.no_device")
        partners = [{"id": p.id, "name": p.name} for p in session.partners]
        if device.state in ("new", "refused"):
            problem = tr("room.page.refused") if device.state == "refused" else ""
            return self._page("join.html", device, heading=tr("room.page.join_title"),
                              csrf=device.csrf, partners=partners, problem=problem)
        partner = session.partner(device.partner_id or "")
        if partner is None:
            raise Problem(409, "room.error.partner_gone")
        if device.state == "waiting":
            return self._page("waiting.html", device, heading=tr("room.page.waiting_title"),
                              csrf=device.csrf, partners=partners, code=device.code,
                              partner_name=partner.name)
        stages = []
        for stage in ROOM_STAGES:
            if stage in self.open_stages:
                done, total = stage_module(stage).progress(session, partner.id)
                progress = (tr("room.page.progress", done=done, total=total) if total
                            else tr("room.page.count", count=done))
                stages.append({"id": stage, "title": tr(f"room.stage.{stage}"),
                               "progress": progress})
        return self._page("home.html", device, heading=tr("room.page.home_title"),
                          stages=stages)

    async def _static(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info.get("name", "")
        body = pages.static_file(name)
        if body is None:
            raise Problem(404, "room.error.not_found")
        return web.Response(body=body, content_type=pages.STATIC_TYPES[name],
                            headers={"Cache-Control": "no-cache"})

    async def _no_icon(self, request: web.Request) -> web.StreamResponse:
        return web.Response(status=204)  # browsers ask for it; the room has none

    # -- a stage's page and its answers ------------------------------------------------
    def _stage_view(self, stage: RoomStage, device: Device, partner_id: str, *,
                    notice: str = "", problem: str = "", error_field: str | None = None,
                    shown: dict[str, str] | None = None, base: dict[str, str] | None = None,
                    status: int = 200) -> web.Response:
        tr, session = self._tr, self.host.session
        module = stage_module(stage)
        context: dict[str, Any] = {
            "heading": tr(f"room.stage.{stage}"), "intro": tr(f"room.intro.{stage}"),
            "stage": stage, "csrf": device.csrf, "groups": module.groups(session, partner_id, tr),
            "store_key": f"{self.access.room_id}:{partner_id}:{stage}", "notice": notice,
            "problem": problem, "error_field": error_field, "shown": shown or {},
            "base": base or {}, "add_fields": [], "add_shown": {}, "removable": [],
            "listed": [], "sid": "", "add_title": "", "add_button": "", "listed_title": "",
        }
        if stage in ADDITIVE:
            from .submissions import new_sid

            context.update(add_fields=module.add_fields(tr), sid=new_sid(),
                           add_title=tr(f"room.{stage}.add_title"),
                           add_button=tr(f"room.{stage}.add_button"))
            if error_field in {field.name for field in context["add_fields"]}:
                context["add_shown"] = shown or {}
        if stage == "stap3":
            context["removable"] = [{"id": item.id, "title": item.title}
                                    for item in session.goal.own.get(partner_id, [])]
        if stage == "parking":
            context["listed"] = [
                f"{item.text} · {tr(f'room.parking.status.{item.status}')}"
                for item in module.sent(session, partner_id)]
            context["listed_title"] = tr("room.parking.sent")
        response = self._page("stage.html", device, **context)
        response.set_status(status)
        return response

    async def _stage_page(self, request: web.Request) -> web.StreamResponse:
        device, partner_id = self._admitted(request)
        stage = self._open_stage(request)
        notice = self._tr("room.page.saved") if request.query.get("saved") == "1" else ""
        return self._stage_view(stage, device, partner_id, notice=notice)

    def _current_values(self, stage: RoomStage, partner_id: str) -> dict[str, str]:
        groups: list[Group] = stage_module(stage).groups(self.host.session, partner_id, self._tr)
        return {field.name: field.value for group in groups for field in group.fields}

    async def _answer(self, request: web.Request) -> web.StreamResponse:
        device, partner_id = self._admitted(request)
        stage = self._open_stage(request)
        form = await self._form(request, device)
        module = stage_module(stage)
        async with self.host.turn():
            fields = [f for g in module.groups(self.host.session, partner_id, self._tr)
                      for f in g.fields]
            try:
                changed = changes(fields, form)
            except Refused as refused:
                return self._refused(request, stage, device, partner_id, refused, form)
            if changed:
                self._apply(device, lambda session: module.apply(session, partner_id, changed))
        if changed:
            await self._durable(device, stage, len(changed))
        return self._saved(request, stage, partner_id)

    async def _add(self, request: web.Request) -> web.StreamResponse:
        device, partner_id = self._admitted(request)
        stage = self._open_stage(request)
        if stage not in ADDITIVE:
            raise Problem(404, "room.error.not_found")
        form = await self._form(request, device)
        module = stage_module(stage)
        add_fields: list[Field] = module.add_fields(self._tr)
        try:
            values = submitted(form, RESERVED | {f.name for f in add_fields})
            cleaned = {f.name: clean(f, values.get(f.name, "")) for f in add_fields}
        except Refused as refused:
            return self._refused(request, stage, device, partner_id, refused, form)
        sid = values.get("sid", "")
        if not valid_sid(sid):
            raise Problem(400, "room.error.bad_request")
        if sid in device.submissions:  # sent before and saved: a replay adds nothing
            return self._saved(request, stage, partner_id)
        # The parking lot also records when an item came in.
        extra = (self.host.clock(),) if stage == "parking" else ()

        def apply(session: Any) -> object:
            return module.add(session, partner_id, sid, cleaned, *extra)

        async with self.host.turn():
            self._apply(device, apply)
        await self._durable(device, stage, len(cleaned))
        device.seen_submission(sid)
        return self._saved(request, stage, partner_id)

    async def _remove(self, request: web.Request) -> web.StreamResponse:
        device, partner_id = self._admitted(request)
        stage = self._open_stage(request)
        if stage != "stap3":
            raise Problem(404, "room.error.not_found")
        form = await self._form(request, device)
        own_id = submitted(form, RESERVED | {"item"}).get("item", "")
        module = stage_module(stage)
        async with self.host.turn():
            there = module.has_item(self.host.session, partner_id, own_id)
            if there:
                self._apply(device, lambda session: module.remove(session, partner_id, own_id))
        if there:
            await self._durable(device, stage, 1)
        return self._saved(request, stage, partner_id)

    def _apply(self, device: Device, apply: Callable[[Any], object]) -> None:
        try:
            self.host.apply(device, apply)
        except ReadOnlyError:
            raise Problem(503, "room.error.read_only") from None
        except SaveError:
            raise Problem(503, "room.error.not_saved") from None
        except (FormError, ValidationError):
            raise Problem(409, "room.error.not_accepted") from None

    async def _durable(self, device: Device, stage: RoomStage, count: int) -> None:
        try:
            await self.host.saved(device, stage, count)
        except NotSaved:
            raise Problem(503, "room.error.not_saved") from None

    def _saved(self, request: web.Request, stage: RoomStage,
               partner_id: str) -> web.StreamResponse:
        if _wants_json(request):
            return web.json_response({"ok": True, "message": self._tr("room.page.saved"),
                                      "values": self._current_values(stage, partner_id)},
                                     dumps=json.dumps)
        return _redirect(f"/s/{stage}?saved=1")

    def _refused(self, request: web.Request, stage: RoomStage, device: Device, partner_id: str,
                 refused: Refused, form: list[tuple[str, str]]) -> web.StreamResponse:
        if refused.field is None or _wants_json(request):
            raise Problem(400, refused.key, field=refused.field, **refused.values)
        values = dict(form)
        shown = {name: value for name, value in values.items() if not name.startswith("was.")}
        base = {name.removeprefix("was."): value for name, value in values.items()
                if name.startswith("was.")}
        for name in shown.keys() - base.keys():
            base[name] = shown[name]
        message = self._tr(refused.key, **refused.values)
        return self._stage_view(stage, device, partner_id, problem=message,
                                error_field=refused.field, shown=shown, base=base, status=400)


__all__ = ["COOKIE", "DEFAULT_PORT", "RoomEvent", "RoomServer"]
