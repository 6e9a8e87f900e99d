"""`synopsis serve`: the reader served to a browser on loopback (textual-serve)."""
from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tui.cli import main, serve_command

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ("Council approves budget\n\nThe city council approved a budget of 12 million dollars "
           "on Tuesday night after a long debate. The vote passed seven to four.\n")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 2.0) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.status, r.read().decode("utf-8", "replace")


@contextlib.contextmanager
def serving(tmp_path, *extra, cwd=ROOT):
    """`synopsis serve` on a free loopback port, running until the block ends: (base, page)."""
    (tmp_path / "alphaherald.txt").write_text(ARTICLE)
    (tmp_path / "betatimes.txt").write_text(ARTICLE.replace("12 million", "15 million"))
    port = free_port()
    env = dict(os.environ, SYNOPSIS_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", "--port", str(port), "--no-cache", *extra,
         str(tmp_path / "alphaherald.txt"), str(tmp_path / "betatimes.txt")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd,
        start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    page = None
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            page = get(base + "/")
            break
        except OSError:
            time.sleep(0.05)
    try:
        assert page is not None, proc.stderr.read1().decode() if proc.poll() is not None else ""
        yield base, page
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)   # the server and the readers it started
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)
        proc.stdout.close()
        proc.stderr.close()


@pytest.fixture(scope="module")
def served_folder(tmp_path_factory):
    """The served articles, and run/: the server's working folder, empty, where nothing
    may be written."""
    folder = tmp_path_factory.mktemp("served")
    (folder / "run").mkdir()
    return folder


@pytest.fixture(scope="module")
def served(served_folder):
    """`synopsis serve` on a free loopback port, one for the module's tests (they ask it
    questions, and the sessions they open end with them); stopped after them."""
    with serving(served_folder, cwd=served_folder / "run") as got:
        yield got


def test_serve_answers_on_loopback(served):
    base, (status, body) = served
    assert status == 200
    assert "synopsis" in body                             # the page names the app
    port = base.rsplit(":", 1)[1]
    assert f"ws://127.0.0.1:{port}/ws" in body           # the browser connects back here
    status, js = get(base + "/static/js/textual.js")
    assert status == 200 and len(js) > 1000


def served_screen(base: str, until: bytes, keys: str = "", seconds: float = 40) -> bytes:
    """What a browser's reader sends (120x30) until `until` appears; `keys` typed once the
    first screen (with the sources) is there."""
    import aiohttp

    ws_url = base.replace("http", "ws", 1) + "/ws?width=120&height=30"

    async def read() -> bytes:
        got = b""
        async with aiohttp.ClientSession() as s:
            async with s.ws_connect(ws_url) as ws:
                await ws.send_str(json.dumps(["resize", {"width": 120, "height": 30}]))
                t0 = time.monotonic()
                typed = not keys
                while time.monotonic() - t0 < seconds and until not in got:
                    if not typed and b"alphaherald" in got:
                        await ws.send_str(json.dumps(["stdin", keys]))
                        typed = True
                    try:
                        msg = await ws.receive(timeout=1)
                    except asyncio.TimeoutError:
                        continue
                    if msg.type == aiohttp.WSMsgType.BINARY:
                        got += msg.data
                    elif msg.type != aiohttp.WSMsgType.TEXT:
                        break
        return got

    return asyncio.run(read())


@pytest.mark.skipif(importlib.util.find_spec("tui.app.main") is None,
                    reason="the reader app is not in this checkout yet")
def test_served_reader_draws_the_articles(served):
    """A browser's websocket gets a running reader: its first screen, with the sources."""
    base, _ = served
    screen = served_screen(base, until=b"alphaherald")
    assert b"\x1b[?1049h" in screen                      # a full-screen app started
    assert b"alphaherald" in screen


def test_serve_bad_input_is_one_line(tmp_path, capsys):
    rc = main(["serve", "--port", str(free_port()), str(tmp_path / "missing.txt")])
    _, err = capsys.readouterr()
    assert rc == 2 and err.count("\n") == 1 and "no such file or folder" in err


def test_serve_port_in_use_is_one_line(tmp_path, capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        r = subprocess.run([sys.executable, "-m", "tui", "serve", "--port", str(port)],
                           capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert r.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in r.stderr and "Traceback" not in r.stderr


def test_serve_rejects_bad_options(capsys):
    assert main(["serve", "--port", "70000"]) == 2
    _, err = capsys.readouterr()
    assert "not a port number" in err
    with pytest.raises(SystemExit):
        main(["serve", "--no-such-option"])


def test_serve_command_runs_this_python_on_absolute_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cmd = shlex.split(serve_command(["a.txt", "https://example.org/x"], ["--no-cache"]))
    assert cmd == [sys.executable, "-m", "tui", "--no-cache", "--", str(tmp_path / "a.txt"),
                   "https://example.org/x"]


# ---------------------------------------------------------------- served to whom it is meant for

def status_of(url: str, headers: dict) -> int:
    req = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def ws_status(base: str, headers: dict | None = None) -> int:
    """The answer to a WebSocket handshake on /ws (101 when a reader would start)."""
    import base64

    key = base64.b64encode(os.urandom(16)).decode()
    hs = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
          "Sec-WebSocket-Key": key, **(headers or {})}
    host, port = base.rsplit("/", 1)[1].rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=10) as s:
        lines = [f"GET /ws?width=80&height=24 HTTP/1.1",
                 f"Host: {hs.pop('Host', f'{host}:{port}')}"]
        lines += [f"{k}: {v}" for k, v in hs.items()]
        s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        answer = s.recv(4096).decode("latin-1")
    return int(answer.split()[1])


def test_the_page_fetches_nothing_from_outside(served):
    base, (status, body) = served
    assert status == 200 and "fonts.googleapis" not in body
    fetched = re.findall(r"""(?:src|href|url)\s*[=(]\s*["']?(https?://[^"')\s]+)""", body)
    external = [u for u in fetched if not u.startswith(base + "/")]
    assert fetched and not external, external
    assert "fonts/RobotoMono" in body                      # the font comes from this server


def test_a_websocket_from_another_site_is_refused(served):
    base, _ = served
    port = base.rsplit(":", 1)[1]
    assert ws_status(base, {"Origin": "https://evil.example"}) == 403
    assert ws_status(base, {"Origin": "null"}) == 403
    assert ws_status(base, {"Origin": f"http://127.0.0.1:{int(port) + 1}"}) == 403
    assert ws_status(base, {"Origin": f"http://localhost:{port}"}) == 101


def test_a_foreign_host_name_is_refused(served):
    """DNS rebinding: a name the attacker controls, pointing at 127.0.0.1."""
    base, _ = served
    port = base.rsplit(":", 1)[1]
    assert status_of(base + "/", {"Host": f"evil.example:{port}"}) == 403
    assert ws_status(base, {"Host": f"evil.example:{port}"}) == 403
    assert status_of(base + "/", {"Host": f"localhost:{port}"}) == 200


def test_sessions_are_capped(tmp_path):
    import aiohttp

    with serving(tmp_path, "--max-sessions", "1") as (base, _):
        ws_url = base.replace("http", "ws", 1) + "/ws?width=80&height=24"

        async def two() -> tuple[bool, int]:
            async with aiohttp.ClientSession() as s:
                async with s.ws_connect(ws_url) as first:
                    await first.send_str(json.dumps(["resize", {"width": 80, "height": 24}]))
                    try:
                        async with s.ws_connect(ws_url):
                            return True, 101
                    except aiohttp.WSServerHandshakeError as e:
                        return False, e.status

        opened, status = asyncio.run(two())
    assert not opened and status == 503


def test_guard_names():
    from tui.serve import Guard

    g = Guard("127.0.0.1", 8000)
    assert g.host_ok("127.0.0.1:8000") and g.host_ok("localhost:8000") and g.host_ok("[::1]:8000")
    assert not g.host_ok("127.0.0.1:8001") and not g.host_ok("evil.example:8000")
    assert not g.host_ok(None) and not g.host_ok("") and not g.host_ok("a b:8000")
    assert g.origin_ok(None) and g.origin_ok("http://localhost:8000")
    assert not g.origin_ok("http://localhost:8000.evil.example") and not g.origin_ok("file://")
    every = Guard("0.0.0.0", 8000)
    assert every.host_ok("192.168.1.20:8000") and every.host_ok("[fe80::1]:8000")
    assert not every.host_ok("evil.example:8000") and not every.host_ok("192.168.1.20:9000")
    proxied = Guard("127.0.0.1", 8000, public_url="https://reader.example.org")
    assert proxied.origin_ok("https://reader.example.org") and proxied.host_ok("reader.example.org")
    assert not proxied.origin_ok("http://reader.example.org.evil.example")


def test_served_reader_writes_no_report_on_w(served, served_folder):
    """(The reader's side, in this process: tests/app/test_app_served.py.)"""
    base, _ = served
    screen = served_screen(base, until=b"writes no report", keys="w")
    assert b"writes no report" in screen
    assert not (served_folder / "run" / "synopsis-reports").exists()
