"""`synopsis serve`: the reader served to a browser on loopback (textual-serve)."""
from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
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


@pytest.fixture
def served(tmp_path):
    """Start `synopsis serve` on a free loopback port; stop it after the test."""
    (tmp_path / "alphaherald.txt").write_text(ARTICLE)
    (tmp_path / "betatimes.txt").write_text(ARTICLE.replace("12 million", "15 million"))
    port = free_port()
    env = dict(os.environ, SYNOPSIS_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", "--port", str(port), "--no-cache",
         str(tmp_path / "alphaherald.txt"), str(tmp_path / "betatimes.txt")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
        start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    page = None
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            page = get(base + "/")
            break
        except OSError:
            time.sleep(0.2)
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


def test_serve_answers_on_loopback(served):
    base, (status, body) = served
    assert status == 200
    assert "synopsis" in body                             # the page names the app
    port = base.rsplit(":", 1)[1]
    assert f"ws://127.0.0.1:{port}/ws" in body           # the browser connects back here
    status, js = get(base + "/static/js/textual.js")
    assert status == 200 and len(js) > 1000


@pytest.mark.skipif(importlib.util.find_spec("tui.app.main") is None,
                    reason="the reader app is not in this checkout yet")
def test_served_reader_draws_the_articles(served):
    """A browser's websocket gets a running reader: its first screen, with the sources."""
    import aiohttp

    base, _ = served
    ws_url = base.replace("http", "ws", 1) + "/ws?width=120&height=30"

    async def first_screen() -> bytes:
        got = b""
        async with aiohttp.ClientSession() as s:
            async with s.ws_connect(ws_url) as ws:
                await ws.send_str(json.dumps(["resize", {"width": 120, "height": 30}]))
                t0 = time.monotonic()
                while time.monotonic() - t0 < 30 and b"alphaherald" not in got:
                    try:
                        msg = await ws.receive(timeout=2)
                    except asyncio.TimeoutError:
                        continue
                    if msg.type == aiohttp.WSMsgType.BINARY:
                        got += msg.data
                    elif msg.type != aiohttp.WSMsgType.TEXT:
                        break
        return got

    screen = asyncio.run(first_screen())
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
