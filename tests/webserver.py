"""A local web server for the tests: 127.0.0.1, a random port, routes set by the test,
stopped after it.  Nothing here reaches the network."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tui.engine import fetch as fetchmod


def news_body() -> bytes:
    from test_web import news_page

    return news_page().encode()


class Site:
    """Routes for a ThreadingHTTPServer on 127.0.0.1 (random port), stopped after the test."""

    def __init__(self):
        self.routes: dict[str, tuple] = {}
        self.hits: dict[str, int] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):  # quiet
                pass

            def do_GET(self):
                site.hits[self.path] = site.hits.get(self.path, 0) + 1
                route = site.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                kind = route[0]
                if kind == "page":
                    _, body, ctype, extra = route
                    data = body.encode("utf-8") if isinstance(body, str) else body
                    self.send_response(200)
                    self.send_header("Content-Type", ctype)
                    for k, v in extra.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                elif kind == "redirect":
                    self.send_response(302)
                    self.send_header("Location", route[1])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                elif kind == "sleep":  # headers never come (bounded: the test's timeout is shorter)
                    time.sleep(route[1])
                    try:
                        self.send_error(504)
                    except OSError:
                        pass
                elif kind == "raw":  # the test writes the answer itself, byte by byte if it likes
                    try:
                        route[1](self)
                    except OSError:
                        pass  # the client hung up: expected when it gives up
                    self.close_connection = True
                elif kind == "huge":  # no Content-Length, more than the limit, stops itself
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.end_headers()
                    head = news_body().decode().split("</article>")[0].encode()
                    try:
                        self.wfile.write(head)
                        filler = b"<p>" + b"filler words " * 80 + b"</p>\n"
                        for _ in range(route[1]):
                            self.wfile.write(filler)
                    except OSError:
                        pass  # the client hung up at its limit: expected
                    self.close_connection = True

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def page(self, path, body, ctype="text/html; charset=utf-8", **headers):
        self.routes[path] = ("page", body, ctype, headers)
        return self.base + path

    def url(self, path):
        return self.base + path

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def raw(self, path, answer):
        """`answer(handler)` writes the whole answer (status line included) itself."""
        self.routes[path] = ("raw", answer)
        return self.base + path


@pytest.fixture
def site():
    s = Site()
    yield s
    s.stop()


@pytest.fixture(autouse=True)
def page_cache(tmp_path, monkeypatch):
    """Every test gets its own page cache and forgets earlier failures."""
    d = tmp_path / "page-cache"
    monkeypatch.setenv(fetchmod.ENV_DIR, str(d))
    fetchmod._failures.clear()
    return d
