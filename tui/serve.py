"""``lede --serve``: the same reader in a web browser, through textual-serve.

Each browser session runs its own ``lede`` process on the server; the page
talks to it over a websocket. Whoever holds that websocket reads the screen and
presses keys, so it is guarded like a Jupyter server: a secret token made for
this run (in the address printed at start) is needed for the page and the
websocket, the websocket refuses pages of other origins, a server on loopback
answers only to loopback host names (a rebinding DNS name gets nothing), and
only a few sessions run at once.
"""

from __future__ import annotations

import errno
import hmac
import ipaddress
import logging
import os
import re
import secrets
import shlex
import socket
import sys

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

MAX_SESSIONS = 4
_HOST = re.compile(r"^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$")


def is_loopback(host: str) -> bool:
    """True for a name or address that only this machine can reach."""
    host = host.strip("[]")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class GuardedServer(Server):
    """textual-serve's server behind a token, an origin check and a cap on sessions."""

    def __init__(self, command: str, *, hosts: list[str], port: int, token: str) -> None:
        # aiohttp listens on each of a list of hosts; textual-serve passes it on as it is
        super().__init__(command, host=hosts, port=port, title="lede")  # type: ignore[arg-type]
        self.loopback_only = all(map(is_loopback, hosts))
        self.token = token
        self.sessions = 0

    async def _make_app(self) -> web.Application:
        app = web.Application()
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index),
                web.get("/ws/{token}", self.handle_websocket),
                web.static("/static", self.statics_path),
            ]
        )
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Quiet: ``serve`` says where to point the browser."""

    def initialize_logging(self) -> None:
        """Problems alone: a line for each request a browser made (aiohttp's access log)
        filled the terminal below the address to open."""
        super().initialize_logging()
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

    def _browser_host(self, request: web.Request) -> str:
        """The host (and port) the browser asked for, refused if it is not one of ours."""
        host = request.host
        match = _HOST.match(host)
        if match is None or (self.loopback_only and not is_loopback(match[1])):
            raise web.HTTPForbidden(text="lede: this server answers on loopback names only\n")
        return host

    def _check_token(self, token: str) -> None:
        if not hmac.compare_digest(token.encode(), self.token.encode()):
            raise web.HTTPForbidden(
                text="lede: wrong or missing token; open the address lede printed at start\n"
            )

    async def handle_index(self, request: web.Request) -> web.Response:
        """The page, told to connect back to the host the browser used."""
        host = self._browser_host(request)
        self._check_token(request.query.get("token", ""))
        scheme = "wss" if request.secure else "ws"
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"{scheme}://{host}/ws/{self.token}",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """A session, for the right token from a page of this server (or a non-browser)."""
        host = self._browser_host(request)
        self._check_token(request.match_info["token"])
        origin = request.headers.get("Origin")
        if origin is not None and origin not in (f"http://{host}", f"https://{host}"):
            raise web.HTTPForbidden(text="lede: refused a page of another origin\n")
        if self.sessions >= MAX_SESSIONS:
            raise web.HTTPServiceUnavailable(
                text=f"lede: already {MAX_SESSIONS} sessions; close one first\n"
            )
        self.sessions += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions -= 1


def _bindable(address: str, port: int) -> None:
    """Raises ``OSError`` where one of the sockets the server would open on ``address``
    cannot be bound (IPv6 ones take IPv6 alone, as the server's do)."""
    for family, kind, proto, _name, where in socket.getaddrinfo(
        address, port, type=socket.SOCK_STREAM
    ):
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                probe.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            probe.bind(where)


def listen_addresses(host: str, port: int) -> list[str]:
    """The addresses ``--host`` asks for, each checked free before any address is given
    out; raises ``OSError`` with one line for the user.

    ``localhost`` is the loopback of both families, whichever this machine has: clients
    resolve it to ``::1`` or to ``127.0.0.1``, and one that tries only the first got
    nothing from a server on the other. An IPv6 address may come bracketed, as in a URL.
    """
    host = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    wanted = ["127.0.0.1", "::1"] if host == "localhost" else [host]
    found = []
    for address in wanted:
        try:
            _bindable(address, port)
        except OSError as error:
            missing = error.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT)
            if len(wanted) > 1 and missing:
                continue  # a machine without this family's loopback
            shown = f"[{address}]" if ":" in address else address
            raise OSError(f"cannot serve on {shown}:{port}: {error.strerror}") from None
        found.append(address)
    if not found:
        raise OSError(f"cannot serve on {host}:{port}: this machine has no loopback")
    return found


def serve(paths: list[str], *, host: str, port: int) -> int:
    """Serve the reader on ``host:port`` until interrupted."""
    # -P: the working folder is not searched for the reader (a project's own ``tui``)
    command = shlex.join([sys.executable, "-P", "-m", "tui", *map(os.path.abspath, paths)])
    token = secrets.token_urlsafe(24)
    addresses = listen_addresses(host, port)  # one that is taken is said before any address
    shown = "localhost" if len(addresses) > 1 else addresses[0]
    shown = f"[{shown}]" if ":" in shown else shown
    sys.stderr.write(
        f"lede: serving the reader at http://{shown}:{port}/?token={token} (ctrl+c stops)\n"
    )
    sys.stderr.flush()
    GuardedServer(command, hosts=addresses, port=port, token=token).serve()
    return 0
