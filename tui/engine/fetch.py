"""Fetching article pages over HTTP(S), with a cache so a comparison reopens offline.

Only the standard library is used (http.client): one GET per URL, redirects followed (at
most 10, http and https only), a timeout on every socket operation plus one deadline per URL
across name lookup, connection, headers, body and every redirect (a watchdog shuts the
connection at the deadline, so a server trickling bytes cannot hold it), a size limit past
which the page is cut off (and said so), and a content-type check (HTML, XHTML or plain
text); the environment's http_proxy / https_proxy / no_proxy are honoured.  Every failure is
one line: ``FetchError(str)``, which never holds a password (addresses with credentials are
refused and printed as ``http://…@host/``).

The cache: a page fetched once is kept under the user cache folder
(``platformdirs.user_cache_dir("synopsis")/pages``, or ``$SYNOPSIS_WEB_CACHE``) and read
from there on the next run, without the network, so a saved comparison opens the same way
tomorrow and offline.  ``refresh=True`` fetches again (and replaces the entry).  Failures
are never cached on disk; within one process a failure is remembered for a minute so the
reader does not wait twice for the same dead host.
"""
from __future__ import annotations

import hashlib
import json
import os
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .files import atomic_write
from .errors import FetchError
from .urls import _PARTS, is_url, normalise, redact  # noqa: F401 (what an address is)

TIMEOUT = 15.0                  # seconds, each connect / read
DEADLINE = 45.0                 # seconds, the whole transfer
MAX_BYTES = 8 * 1024 * 1024     # a page is cut off past this (news pages are ~0.1-3 MiB)
MAX_REDIRECTS = 10
USER_AGENT = "synopsis/0.1 (news comparison reader; +https://pypi.org/project/synopsis/)"
ENV_DIR = "SYNOPSIS_WEB_CACHE"
CACHE_FORMAT = 1
FAILURE_MEMORY = 60.0           # seconds a failure is remembered within a process

ACCEPTED = ("text/html", "application/xhtml+xml", "text/plain")
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Page:
    url: str                    # as asked (without #fragment)
    final_url: str              # after redirects
    body: bytes
    content_type: str           # "text/html", "text/plain", ...
    charset: str | None         # as the server declared it
    truncated: bool = False     # cut off at MAX_BYTES
    from_cache: bool = False

    @property
    def is_html(self) -> bool:
        return self.content_type != "text/plain"


def cache_dir() -> Path:
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("synopsis", appauthor=False)) / "pages"


def _entry(url: str, directory: Path) -> Path:
    return directory / (hashlib.sha256(url.encode("utf-8")).hexdigest()[:40] + ".page")


def read_cached(url: str, directory: Path | None = None) -> Page | None:
    """The cached page for this URL, or None (absent, unreadable or foreign entry)."""
    url = normalise(url)
    path = _entry(url, directory or cache_dir())
    try:
        with open(path, "rb") as fh:
            head = json.loads(fh.readline().decode("utf-8"))
            body = fh.read()
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if (not isinstance(head, dict) or head.get("format") != CACHE_FORMAT
            or head.get("url") != url or head.get("length") != len(body)):
        return None
    return Page(url=url, final_url=head.get("final_url") or url, body=body,
                content_type=head.get("content_type") or "text/html",
                charset=head.get("charset"), truncated=bool(head.get("truncated")),
                from_cache=True)


def store(page: Page, directory: Path | None = None) -> Path | None:
    """Write the page to the cache (atomically); None when the cache cannot be written."""
    directory = directory or cache_dir()
    head = {"format": CACHE_FORMAT, "url": page.url, "final_url": page.final_url,
            "content_type": page.content_type, "charset": page.charset,
            "truncated": page.truncated, "length": len(page.body), "fetched": int(time.time())}
    try:
        directory.mkdir(parents=True, exist_ok=True)
        return atomic_write(_entry(page.url, directory),
                            json.dumps(head).encode("utf-8") + b"\n" + page.body)
    except OSError:
        return None


def forget(url: str, directory: Path | None = None) -> None:
    """Remove the cached page for this URL, if there is one."""
    try:
        _entry(normalise(url), directory or cache_dir()).unlink()
    except OSError:
        pass


def _describe(e: BaseException) -> str:
    """A network error -> a short human reason."""
    import http.client

    if isinstance(e, (socket.timeout, TimeoutError)):
        return "timed out"
    if isinstance(e, socket.gaierror):
        return "host not found (or no network)"
    if isinstance(e, ConnectionRefusedError):
        return "connection refused"
    if isinstance(e, ConnectionResetError):
        return "connection reset by the server"
    if isinstance(e, ssl.SSLError):
        return f"secure connection failed ({getattr(e, 'reason', None) or e})"
    if isinstance(e, http.client.RemoteDisconnected):
        return "the server closed the connection without answering"
    if isinstance(e, http.client.IncompleteRead):
        return "the server closed the connection before the page was complete"
    if isinstance(e, http.client.HTTPException):
        return f"the server's answer is not valid HTTP ({type(e).__name__})"
    if isinstance(e, OSError) and e.strerror:
        return e.strerror.lower()
    text = str(e).strip()
    return text[:200] or type(e).__name__


def _content_type(value: str | None) -> tuple[str, str | None]:
    if not value:
        return "", None
    parts = [p.strip() for p in value.split(";")]
    ctype = parts[0].lower()
    charset = None
    for p in parts[1:]:
        k, _, v = p.partition("=")
        if k.strip().lower() == "charset":
            charset = v.strip().strip("\"'") or None
    return ctype, charset


def _sniff(body: bytes) -> str:
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")):
        return "text/html"
    return ""


def _decompress(body: bytes, encoding: str, limit: int) -> tuple[bytes, bool]:
    encoding = encoding.lower()
    if encoding in ("", "identity"):
        return body, False
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(f"unsupported content encoding {encoding!r}")
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    d = zlib.decompressobj(wbits)
    try:
        out = d.decompress(body, limit + 1)
    except zlib.error:
        try:  # raw deflate, as some servers send it
            out = zlib.decompressobj(-zlib.MAX_WBITS).decompress(body, limit + 1)
        except zlib.error:
            raise FetchError("the server sent a corrupt compressed page") from None
    return out[:limit], len(out) > limit


def check(url: str) -> tuple[str, str, int]:
    """An address that can be fetched -> (scheme, host, port); else FetchError saying what
    is wrong with it (never a ValueError, never the credentials it holds)."""
    try:
        parts = urlsplit(url)
    except ValueError as e:  # "http://[::1/x": an unclosed IPv6 bracket
        raise FetchError(f"not a valid web address ({e})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"only http:// and https:// addresses can be fetched, not {scheme}://")
    if "@" in parts.netloc:
        raise FetchError("addresses with a user name or password are not supported "
                         "(nothing was sent)")
    try:
        port = parts.port
    except ValueError:
        raw = parts.netloc.rpartition(":")[2]
        raise FetchError(f"port {raw}: not a port number (1-65535)") from None
    if port == 0:
        raise FetchError("port 0: not a port number (1-65535)")
    host = parts.hostname
    if not host:
        raise FetchError("no host in this address")
    return scheme, host, port or (443 if scheme == "https" else 80)


class _Deadline:
    """One deadline for one URL, across name lookup, connection, headers, body and every
    redirect.  Socket operations get at most `timeout` each (no byte for that long: timed
    out); past the deadline a watchdog shuts the connection down, so a server that sends a
    byte now and then cannot hold the transfer open."""

    def __init__(self, seconds: float, timeout: float):
        self.end = time.monotonic() + seconds
        self.seconds = seconds
        self.timeout = timeout
        self.fired = False
        self.conn = None
        self._done = threading.Event()
        threading.Thread(target=self._watch, daemon=True, name="synopsis-deadline").start()

    def _watch(self) -> None:
        if self._done.wait(max(0.0, self.end - time.monotonic())):
            return
        self.fired = True
        sock = getattr(self.conn, "sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def stop(self) -> None:
        self._done.set()

    def left(self) -> float:
        """Seconds for the next socket operation; FetchError when the deadline has passed."""
        rest = self.end - time.monotonic()
        if rest <= 0 or self.fired:
            raise self.expired()
        return min(self.timeout, rest)

    def expired(self) -> FetchError:
        return FetchError(f"timed out (no complete page after {self.seconds:g} s)")

    def resolve(self, host: str, port: int) -> list:
        """getaddrinfo, which no timeout covers, in a helper thread: bounded by the deadline."""
        box: dict = {}
        done = threading.Event()

        def run() -> None:
            try:
                box["r"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except OSError as e:
                box["e"] = e
            done.set()

        threading.Thread(target=run, daemon=True, name="synopsis-resolve").start()
        if not done.wait(self.left()):
            raise self.expired()
        if "e" in box:
            raise box["e"]
        return box["r"]

    def connect(self, address, *_args, **_kw) -> socket.socket:
        """A replacement for socket.create_connection: bounded lookup and connect."""
        host, port = address[0], address[1]
        error: OSError | None = None
        for family, kind, proto, _, addr in self.resolve(host, port):
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(self.left())
                sock.connect(addr)
                return sock
            except OSError as e:
                error = e
                sock.close()
        raise error or OSError("no address for this host")


def _proxy(scheme: str, host: str) -> tuple[str, int, dict] | None:
    """The proxy the environment names for this address (http_proxy, https_proxy, no_proxy),
    as (host, port, headers), or None."""
    import urllib.request

    url = urllib.request.getproxies().get(scheme)
    if not url or urllib.request.proxy_bypass(host):
        return None
    parts = urlsplit(url if "://" in url else "http://" + url)
    if not parts.hostname:
        return None
    headers = {}
    if parts.username:
        import base64
        from urllib.parse import unquote

        pair = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
        headers["Proxy-Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    return parts.hostname, parts.port or 8080, headers


def _open(url: str, clock: _Deadline):
    """One GET of `url` (no redirect followed): the connection and its response, headers
    read.  The connection is in clock.conn, for the watchdog."""
    import http.client

    scheme, host, port = check(url)
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    proxy = _proxy(scheme, host)
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip", "Connection": "close",
               "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"}
    if scheme == "https":
        conn = http.client.HTTPSConnection(proxy[0] if proxy else host,
                                           proxy[1] if proxy else port,
                                           timeout=clock.left(),
                                           context=ssl.create_default_context())
        if proxy:
            conn.set_tunnel(host, port, headers=proxy[2])
    else:
        conn = http.client.HTTPConnection(proxy[0] if proxy else host,
                                          proxy[1] if proxy else port, timeout=clock.left())
        if proxy:
            target = url
            headers.update(proxy[2])
    conn._create_connection = clock.connect  # lookup and connect bounded by the deadline
    clock.conn = conn
    try:
        conn.request("GET", target, headers=headers)
        return conn, conn.getresponse()
    except BaseException:
        conn.close()
        raise


def _reason(resp) -> str:
    reason = (resp.reason or "").strip()[:80]
    return f"HTTP {resp.status}{' ' + reason if reason else ''}"


def download(url: str, *, timeout: float | None = None, deadline: float | None = None,
             max_bytes: int | None = None) -> Page:
    """GET one page from the network (no cache).  Raises FetchError with the reason."""
    timeout = TIMEOUT if timeout is None else timeout
    deadline = DEADLINE if deadline is None else deadline
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    url = normalise(url)
    check(url)
    clock = _Deadline(deadline, timeout)
    try:
        return _follow(url, clock, max_bytes)
    except FetchError:
        raise
    except Exception as e:  # http.client, ssl and socket errors: one line
        if clock.fired or time.monotonic() >= clock.end:
            raise clock.expired() from None
        raise FetchError(_describe(e)) from None
    finally:
        clock.stop()


def _follow(url: str, clock: _Deadline, max_bytes: int) -> Page:
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        conn, resp = _open(current, clock)
        try:
            if resp.status in (301, 302, 303, 307, 308):
                location = (resp.getheader("Location") or "").strip()
                if not location:
                    raise FetchError(f"{_reason(resp)} without a Location to go to")
                try:
                    target = urljoin(current, location)
                except ValueError:
                    target = location
                m = _PARTS.match(target)
                if not m or m.group(1).lower() not in ("http://", "https://"):
                    raise FetchError(f"redirected to a non-web address ({redact(target)})")
                try:
                    check(target)
                except FetchError as e:
                    raise FetchError(f"redirected to {redact(target)}: {e}") from None
                current = normalise(target)
                continue
            if resp.status != 200:
                raise FetchError(_reason(resp))
            return _page(url, current, resp, clock, max_bytes)
        finally:
            conn.close()
    raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})")


def _page(url: str, final: str, resp, clock: _Deadline, max_bytes: int) -> Page:
    ctype, charset = _content_type(resp.getheader("Content-Type"))
    if ctype and ctype not in ACCEPTED:
        raise FetchError(f"not a web page (content type {ctype})")
    chunks: list[bytes] = []
    size = 0
    truncated = False
    while True:
        clock.left()  # raises once the deadline has passed
        chunk = resp.read1(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            truncated = True
            break
    if clock.fired:  # the watchdog cut the connection: what came is not the page
        raise clock.expired()
    body = b"".join(chunks)[:max_bytes]
    body, cut = _decompress(body, resp.getheader("Content-Encoding") or "", max_bytes)
    if not body.strip():
        raise FetchError("the server sent an empty page")
    if not ctype:
        ctype = _sniff(body) or "text/plain"
    return Page(url=url, final_url=final, body=body, content_type=ctype, charset=charset,
                truncated=truncated or cut)


_failures: dict[str, tuple[float, str]] = {}
_lock = threading.Lock()


def fetch(url: str, *, refresh: bool = False, directory: Path | None = None, **limits) -> Page:
    """The page at `url`: from the cache when it is there (unless `refresh`), else from the
    network, then cached.  Raises FetchError (one line, without the URL)."""
    url = normalise(url)
    if not refresh:
        cached = read_cached(url, directory)
        if cached is not None:
            return cached
        with _lock:
            failed = _failures.get(url)
        if failed and time.monotonic() - failed[0] < FAILURE_MEMORY:
            raise FetchError(failed[1])
    try:
        page = download(url, **limits)
    except FetchError as e:
        with _lock:
            _failures[url] = (time.monotonic(), str(e))
        raise
    with _lock:
        _failures.pop(url, None)
    store(page, directory)
    return page


def fetch_all(urls: list[str], *, refresh: bool = False, directory: Path | None = None,
              **limits) -> dict[str, Page | FetchError]:
    """Fetch several pages at once: url -> Page or the FetchError.

    The downloads run in daemon threads (at most 8) while this thread waits in short,
    interruptible steps: Ctrl+C stops the wait at once, and the process can exit without
    waiting for a transfer (a thread pool would be joined first, for up to the deadline)."""
    todo = list(dict.fromkeys(normalise(u) for u in urls))
    out: dict[str, Page | FetchError] = {}
    if not todo:
        return out
    queue = list(reversed(todo))
    ready = threading.Condition()

    def work() -> None:
        while True:
            with ready:
                if not queue:
                    return
                u = queue.pop()
            try:
                res: Page | FetchError = fetch(u, refresh=refresh, directory=directory, **limits)
            except FetchError as e:
                res = e
            except Exception as e:  # noqa: BLE001 - a URL never costs a traceback
                res = FetchError(_describe(e))
            with ready:
                out[u] = res
                ready.notify_all()

    for _ in range(min(8, len(todo))):
        threading.Thread(target=work, daemon=True, name="synopsis-fetch").start()
    with ready:
        while len(out) < len(todo):
            ready.wait(0.2)
    return out
