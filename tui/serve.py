"""`synopsis serve`: the reader in a browser (textual-serve), only for the browsers it is
served to.

textual-serve starts one reader process per browser connection and passes keys from the
page's WebSocket to it.  Left as it is, any web page the user visits could open that
WebSocket (a cross-site WebSocket) or reach the server through a name it controls (DNS
rebinding), read the articles and press keys.  So here:

- every request's Host must name this server (the address it listens on, this machine's
  names when it listens on all interfaces, the --public-url), and a WebSocket's Origin, when
  the browser sends one, must be one of those too: anything else gets 403;
- at most `max_sessions` readers run at once (each is a process): more get 503;
- the page is textual-serve's own, without its link to a public web-font service: the font
  comes from this server, so nothing is fetched from outside (an offline projector works).

The served reader itself does not write report files (its `w` key says so): they would land
in the server's folder, written on a visitor's key press.
"""
from __future__ import annotations

import ipaddress
import socket
from pathlib import Path
from urllib.parse import urlsplit

MAX_SESSIONS = 8
PAGE_DIR = Path(__file__).resolve().parent / "web"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
ANY = ("0.0.0.0", "::", "")


def _split(netloc: str, default_port: int | None) -> tuple[str, int | None] | None:
    """'Host:port' (or '[v6]:port') -> (host lower-case, port or the default); None if
    it is not an address."""
    try:
        parts = urlsplit("//" + netloc.strip())
        host, port = parts.hostname, parts.port
    except ValueError:
        return None
    if not host or parts.username is not None or parts.path:
        return None
    return host.lower().rstrip("."), port if port is not None else default_port


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


class Guard:
    """Which Host and Origin headers name this server."""

    def __init__(self, host: str, port: int, public_url: str | None = None):
        self.port = port
        self.any_ip = host in ANY
        if host in LOOPBACK:
            names = set(LOOPBACK)
        elif self.any_ip:
            names = {"localhost", "127.0.0.1", "::1"}
            for name in (socket.gethostname(), socket.getfqdn()):
                if name:
                    names.add(name.lower().rstrip("."))
        else:
            names = {host.lower().strip("[]")}
        self.allowed: set[tuple[str, int | None]] = {(n, port) for n in names}
        if public_url:
            p = urlsplit(public_url)
            default = 443 if p.scheme == "https" else 80
            got = _split(p.netloc, default)
            if got:
                self.allowed.add(got)

    def _names_us(self, host: str, port: int | None) -> bool:
        if (host, port) in self.allowed:
            return True
        if port is None:  # a Host header without a port: the default one of its scheme
            return any(h == host and p in (80, 443) for h, p in self.allowed)
        # listening on every interface: any address literal (rebinding needs a name)
        return self.any_ip and port == self.port and _is_ip(host)

    def host_ok(self, header: str | None) -> bool:
        got = _split(header or "", None)
        return got is not None and self._names_us(*got)

    def origin_ok(self, header: str | None) -> bool:
        """No Origin (not a browser: it could send any) is let through; a browser's must be
        this server."""
        if header is None:
            return True
        p = urlsplit(header.strip()) if header.strip() != "null" else None
        if p is None or p.scheme not in ("http", "https"):
            return False
        got = _split(p.netloc, 443 if p.scheme == "https" else 80)
        return got is not None and self._names_us(*got)


def make_server(command: str, host: str, port: int, public_url: str | None = None,
                max_sessions: int = MAX_SESSIONS, title: str = "synopsis"):
    """textual-serve's Server with the guard, the session cap and the offline page."""
    from aiohttp import web
    from textual_serve.server import Server

    guard = Guard(host, port, public_url)

    class GuardedServer(Server):
        sessions = 0

        async def _make_app(self) -> web.Application:
            app = await super()._make_app()

            @web.middleware
            async def check_host(request: web.Request, handler):
                if not guard.host_ok(request.headers.get("Host")):
                    return web.Response(status=403, text="synopsis: not served under this name\n")
                if request.path == "/ws" and not guard.origin_ok(request.headers.get("Origin")):
                    return web.Response(status=403, text="synopsis: not for pages of other sites\n")
                return await handler(request)

            app.middlewares.append(check_host)
            return app

        async def handle_websocket(self, request: web.Request):
            if GuardedServer.sessions >= max_sessions:
                return web.Response(status=503, text=f"synopsis: {max_sessions} readers are "
                                    "open already; close one and reload\n")
            GuardedServer.sessions += 1
            try:
                return await super().handle_websocket(request)
            finally:
                GuardedServer.sessions -= 1

    return GuardedServer(command, host=host, port=port, title=title, public_url=public_url,
                         templates_path=PAGE_DIR)
