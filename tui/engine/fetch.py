"""Fetching article pages over HTTP(S), with a cache so a comparison reopens offline.

Only the standard library is used (urllib): one GET per URL, redirects followed (at most
10, http and https only), a timeout on every socket operation plus a deadline for the whole
transfer, a size limit past which the page is cut off (and said so), and a content-type
check (HTML, XHTML or plain text).  Every failure is one line: ``FetchError(str)``.

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
import re
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from .files import atomic_write
from .errors import FetchError

TIMEOUT = 15.0                  # seconds, each connect / read
DEADLINE = 45.0                 # seconds, the whole transfer
MAX_BYTES = 8 * 1024 * 1024     # a page is cut off past this (news pages are ~0.1-3 MiB)
MAX_REDIRECTS = 10
USER_AGENT = "synopsis/0.1 (news comparison reader; +https://pypi.org/project/synopsis/)"
ENV_DIR = "SYNOPSIS_WEB_CACHE"
CACHE_FORMAT = 1
FAILURE_MEMORY = 60.0           # seconds a failure is remembered within a process

ACCEPTED = ("text/html", "application/xhtml+xml", "text/plain")
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
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


def is_url(ref: str) -> bool:
    """Anything with a scheme (so 'ftp://' gets a clear 'not supported', not 'no such file')."""
    return bool(_URL.match(ref))


def normalise(url: str) -> str:
    return urldefrag(url.strip())[0]


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


class _Redirects:
    """A redirect handler that allows http(s) targets only and counts hops."""

    def __new__(cls):
        import urllib.request

        class Handler(urllib.request.HTTPRedirectHandler):
            max_redirections = MAX_REDIRECTS

            def redirect_request(self, req, fp, code, msg, headers, newurl):
                if urlsplit(newurl).scheme.lower() not in ("http", "https"):
                    raise FetchError(f"redirected to a non-web address ({newurl})")
                return super().redirect_request(req, fp, code, msg, headers, newurl)

        return Handler()


def _describe(e: BaseException) -> str:
    """A network error -> a short human reason."""
    import urllib.error

    if isinstance(e, urllib.error.HTTPError):
        if 300 <= e.code < 400:
            return "too many redirects"
        reason = (e.reason or "").strip() if isinstance(e.reason, str) else ""
        return f"HTTP {e.code}{' ' + reason if reason else ''}"
    if isinstance(e, urllib.error.URLError):
        e = e.reason if isinstance(e.reason, BaseException) else e
        if isinstance(e, str):  # pragma: no cover
            return e
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
    if isinstance(e, OSError) and e.strerror:
        return e.strerror.lower()
    text = str(getattr(e, "reason", "") or e).strip()
    return text or type(e).__name__


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


def download(url: str, *, timeout: float | None = None, deadline: float | None = None,
             max_bytes: int | None = None) -> Page:
    """GET one page from the network (no cache).  Raises FetchError with the reason."""
    import urllib.request

    timeout = TIMEOUT if timeout is None else timeout
    deadline = DEADLINE if deadline is None else deadline
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    url = normalise(url)
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"only http:// and https:// addresses can be fetched, not {scheme}://")
    if not urlsplit(url).hostname:
        raise FetchError("no host in this address")
    opener = urllib.request.build_opener(_Redirects())
    req = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
        "Accept-Encoding": "gzip",
    })
    start = time.monotonic()
    try:
        with opener.open(req, timeout=timeout) as resp:
            ctype, charset = _content_type(resp.headers.get("Content-Type"))
            if ctype and ctype not in ACCEPTED:
                raise FetchError(f"not a web page (content type {ctype})")
            chunks: list[bytes] = []
            size = 0
            truncated = False
            while True:
                if time.monotonic() - start > deadline:
                    raise FetchError(f"timed out (no complete page after {deadline:g} s)")
                # read1: whatever has arrived (one recv), so a trickling server meets the deadline
                chunk = resp.read1(min(_CHUNK, max_bytes + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    truncated = True
                    break
            body = b"".join(chunks)[:max_bytes]
            body, cut = _decompress(body, resp.headers.get("Content-Encoding") or "", max_bytes)
            truncated = truncated or cut
            final = resp.geturl() or url
    except FetchError:
        raise
    except Exception as e:  # urllib raises HTTPError, URLError, OSError, http.client errors
        raise FetchError(_describe(e)) from None
    if not body.strip():
        raise FetchError("the server sent an empty page")
    if not ctype:
        ctype = _sniff(body) or "text/plain"
    return Page(url=url, final_url=final, body=body, content_type=ctype, charset=charset,
                truncated=truncated)


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
    """Fetch several pages at once (a few threads): url -> Page or the FetchError."""
    out: dict[str, Page | FetchError] = {}
    todo = list(dict.fromkeys(normalise(u) for u in urls))
    if not todo:
        return out

    def one(u: str) -> None:
        try:
            out[u] = fetch(u, refresh=refresh, directory=directory, **limits)
        except FetchError as e:
            out[u] = e

    if len(todo) == 1:
        one(todo[0])
        return out
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(8, len(todo))) as pool:
        list(pool.map(one, todo))
    return out
