"""Bad, hostile and faulty input, end to end: every case runs synopsis in a fresh process
and checks it never crashes, never hangs, never modifies an input and never lets text act.

    python bench/fuzz.py [--jobs 4] [--only WORD] [--list] [-v]

A case makes its input here (files, a folder, a corpus file, a page on a local HTTP server
on 127.0.0.1, a signal at the wrong moment, a probe of `synopsis serve`), runs the command
and judges it:

- crash: a traceback, or an exit code that is neither the one expected nor 0/2/130;
- hang: still running after the case's time bound (the product's own limits plus margin:
  a URL's deadline is 45 s);
- input modified: any input file's bytes, mode or kind changed, or a file left beside it
  (a .tmp of an interrupted write);
- passed: the expected exit code, standard error made of `synopsis: ...` lines only, the
  expected words in it, and nothing that acts on a terminal (C0/C1 controls, bidi
  overrides) on standard output or standard error.

It prints one line per case that did not pass, then: cases, passed, crashes, hangs, inputs
modified (all but cases should be 0).  Nothing here reaches the network.
"""
from __future__ import annotations

import argparse
import codecs
import gzip
import hashlib
import json
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
DEADLINE = 45.0                   # tui.engine.fetch.DEADLINE, the documented bound per URL

GOOD = ("Council approves budget\n\nThe city council approved a budget of 12 million dollars "
        "on Tuesday night after a debate that lasted more than six hours. Mayor Ana Lopez "
        "said the plan would \"protect every library and every pool in the city\". The vote "
        "passed seven to four, with two members abstaining.\n")
OTHER = GOOD.replace("12 million", "15 million").replace("six hours", "five hours")
PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Budget approved</title>"
        "<meta property='og:site_name' content='The Herald'></head><body><article>"
        "<h1>Budget approved</h1>" + "".join(f"<p>{p}.</p>" for p in GOOD.split(". ")[1:])
        + "</article></body></html>")
ATTACK = ("\x1b]0;pwned\x07 \x1b]52;c;ZWNobyBwd25lZA==\x07 \x1b]8;;https://evil.example/\x1b\\"
          "link\x1b]8;;\x1b\\ \x1b[2J\x1b[H \x9b31m \x9d0;t\x9c \u202eevil\u202c \u2066x\u2069 "
          "zero\u200bwidth\ufeff")


@dataclass
class Outcome:
    passed: bool = False
    crash: bool = False
    hang: bool = False
    modified: bool = False
    detail: str = ""


@dataclass
class Case:
    name: str
    make: Callable                      # (dir, site) -> argv after `python -m tui`
    rc: tuple = (0,)                    # exit codes that pass
    says: tuple = ()                    # words standard error must hold
    bound: float = 60.0                 # seconds before it counts as a hang
    run: Callable | None = None         # a custom runner: (case, dir, site) -> Outcome
    env: dict = field(default_factory=dict)
    known: str = ""                     # a defect another piece of work owns (said, not hidden)


# ---------------------------------------------------------------- a local web server

class Site:
    """127.0.0.1, random port; path -> function(handler) that writes the raw answer."""

    def __init__(self):
        self.routes: dict[str, Callable] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):
                fn = site.routes.get(self.path)
                try:
                    if fn is None:
                        self.send_error(404, "Not Found")
                    else:
                        fn(self)
                except OSError:
                    pass
                self.close_connection = True

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def add(self, path: str, fn: Callable) -> str:
        self.routes[path] = fn
        return self.base + path

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def raw(data: bytes) -> Callable:
    def fn(h):
        h.wfile.write(data)
    return fn


def answer(body: bytes | str, ctype="text/html; charset=utf-8", status="200 OK",
           headers: dict | None = None) -> Callable:
    body = body.encode() if isinstance(body, str) else body
    extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
    return raw(f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
               f"{extra}\r\n".encode("latin-1") + body)


def trickle(first: bytes, then: bytes, every: float, seconds: float) -> Callable:
    def fn(h):
        h.wfile.write(first)
        h.wfile.flush()
        t0 = time.monotonic()
        while time.monotonic() - t0 < seconds:
            for b in then:
                time.sleep(every)
                h.wfile.write(bytes([b]))
                h.wfile.flush()
    return fn


def redirect(to: str, delay: float = 0.0) -> Callable:
    def fn(h):
        time.sleep(delay)
        h.wfile.write(f"HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\n\r\n"
                      .encode("latin-1"))
    return fn


def sleeper(seconds: float) -> Callable:
    def fn(h):
        time.sleep(seconds)
    return fn


# ---------------------------------------------------------------- running and judging

def snapshot(root: Path) -> dict:
    """Every file and link under root: kind, mode and a digest of regular files."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            try:
                st = os.lstat(p)
            except OSError:
                continue
            digest = ""
            if stat.S_ISREG(st.st_mode):
                try:
                    digest = hashlib.sha256(p.read_bytes()).hexdigest()
                except OSError:
                    digest = "unreadable"
            elif stat.S_ISLNK(st.st_mode):
                digest = os.readlink(p)
            out[os.fsencode(p)] = (stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode), digest)
    return out


def judge(case: Case, rc: int | None, out: str, err: str, took: float) -> Outcome:
    o = Outcome()
    if rc is None:
        o.hang = True
        o.detail = f"still running after {case.bound:g} s"
        return o
    if "Traceback" in err or rc not in case.rc + (0, 2, 130):
        o.crash = True
        o.detail = f"exit {rc}: " + (err.strip().splitlines() or [""])[-1][:200]
        return o
    problems = []
    if rc not in case.rc:
        problems.append(f"exit {rc}, expected {case.rc}")
    lines = [ln for ln in err.split("\n") if ln]
    if any(not ln.startswith("synopsis: ") for ln in lines):
        problems.append("a line on stderr that is not synopsis': " + repr(lines[0][:120]))
    for word in case.says:
        if word not in err:
            problems.append(f"stderr lacks {word!r}: {err.strip()[:200]!r}")
    for what, text in (("stdout", out), ("stderr", err)):
        if RAW.search(text.replace("\n", "").replace("\t", "")):
            problems.append(f"a raw control character on {what}")
    o.passed = not problems
    o.detail = "; ".join(problems)
    return o


def run_tui(argv: list[str], cwd: Path, bound: float, env: dict | None = None,
            interrupt: tuple | None = None) -> tuple[int | None, str, str, float]:
    e = dict(os.environ, SYNOPSIS_CACHE_DIR=str(cwd / ".cache"),
             SYNOPSIS_WEB_CACHE=str(cwd / ".pages"), **(env or {}))
    e.pop("NO_COLOR", None)
    t0 = time.monotonic()
    proc = subprocess.Popen([PY, "-m", "tui", *argv], cwd=cwd, env=e, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    if interrupt:
        wait_for, sig = interrupt
        while not wait_for() and time.monotonic() - t0 < bound:
            time.sleep(0.05)
        proc.send_signal(sig)
        t0 = time.monotonic()
    try:
        out, err = proc.communicate(timeout=bound)
        rc = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        rc = None
    return rc, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), \
        time.monotonic() - t0


def run_case(case: Case, site: Site) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="synopsis-fuzz-") as tmp:
        d = Path(tmp)
        (d / "in").mkdir()
        try:
            if case.run is not None:
                return case.run(case, d, site)
            argv = case.make(d / "in", site)
            before = snapshot(d / "in")
            rc, out, err, took = run_tui(argv, d, case.bound, case.env)
            o = judge(case, rc, out, err, took)
            after = snapshot(d / "in")
            if after != before:
                o.modified = True
                changed = sorted(set(after.items()) ^ set(before.items()))
                o.detail += f"; input changed: {os.fsdecode(changed[0][0])}"
            return o
        except Exception as e:  # noqa: BLE001 - a broken case is reported, not fatal
            return Outcome(crash=True, detail=f"the case itself failed: {e!r}")


# ---------------------------------------------------------------- the cases

def files(spec: dict, good: bool = True) -> Callable:
    """Files by name -> bytes (or str); with `good`, two good articles beside them."""
    def make(d: Path, _site) -> list[str]:
        for name, data in spec.items():
            p = d / os.fsdecode(name) if isinstance(name, bytes) else d / name
            p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        if good:
            (d / "good-a.txt").write_text(GOOD)
            (d / "good-b.txt").write_text(OTHER)
        return ["export", str(d)]
    return make


def alone(name: str, data) -> Callable:
    def make(d: Path, _site) -> list[str]:
        (d / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return ["export", str(d / name)]
    return make


def reader(make: Callable) -> Callable:
    """The same input in the reader (headless, first frame, then exit)."""
    def make_reader(d: Path, site) -> list[str]:
        argv = make(d, site)
        return ["--headless", "--exit-after-first-frame", "--no-cache", *argv[1:]]
    return make_reader


def with_good(url_of: Callable) -> Callable:
    def make(d: Path, site) -> list[str]:
        (d / "good-a.txt").write_text(GOOD)
        return ["export", str(d / "good-a.txt"), url_of(site)]
    return make


def url_alone(url_of: Callable) -> Callable:
    def make(_d: Path, site) -> list[str]:
        return ["export", url_of(site)]
    return make


def link(target: str) -> Callable:
    def make(d: Path, _site) -> list[str]:
        (d / "x.txt").symlink_to(target)
        return ["export", str(d / "x.txt")]
    return make


# Defects found here that other work owns: reported on their own line, not as passed.
KNOWN: dict[str, str] = {}


def bad_file_cases() -> list[Case]:
    u16 = codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le")
    western = "Le maire a expliqué très clairement qu'il était prêt à négocier. " * 3
    contents = {
        "empty": b"", "blank": b"\n\n  \n", "nbsp": "\u00a0\u00a0\n", "zwsp": "\u200b\n",
        "nul": b"\x00" * 100, "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "random": bytes((k * 7919) % 256 for k in range(4096)),
        "utf16-odd": u16 + b"\x00", "utf16-lone-surrogate": u16 + b"\x00\xd8A\x00",
        "utf16be-truncated": codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be")[:-1],
        "utf32-bad": codecs.BOM_UTF32_LE + b"\xff\xff\xff\x7f" * 8,
        "utf8-one-bad-byte": GOOD.replace("Tuesday", "Tues\udcffday").encode("utf-8",
                                                                             "surrogateescape"),
        "utf8-cut-at-end": GOOD.encode() + "\u2019".encode()[:2],
        "utf8-encoded-surrogate": GOOD.encode() + b"\xed\xa0\x80",
        "cp1252": western.encode("cp1252"), "latin1": western.encode("latin-1"),
        "cp1250": "Zażółć gęślą jaźń, powiedział prezydent w środę. ".encode("cp1250") * 3,
        "koi8r": "Президент заявил во вторник, что закон принят. ".encode("koi8_r") * 3,
        "shift-jis": "首相は火曜日に新しい予算を発表した。".encode("shift_jis") * 3,
        "controls": GOOD.replace("Tuesday", "Tuesday " + ATTACK),
        "only-controls": "\x1b[2J\x07\x1b]0;x\x07" * 10,
        "bidi-row": "\u202e" + GOOD + "\u202c",
        "zero-width-everywhere": "\u200b".join(GOOD),
        "emoji-zwj": GOOD.replace("Tuesday", "Tuesday \U0001F468\u200d\U0001F469\u200d\U0001F467"),
        "rtl-arabic": "قال رئيس البلدية إن الميزانية ستحمي كل مكتبة. وافق المجلس يوم الثلاثاء.\n",
        "combining": GOOD.replace("budget", "b" + "\u0301" * 200 + "udget"),
        "cr-only": GOOD.replace("\n", "\r"), "crlf": GOOD.replace("\n", "\r\n"),
        "form-feeds": GOOD.replace("\n\n", "\n\x0c\n"),
        "line-separators": GOOD.replace("\n\n", "\u2028\u2029"),
        "long-line": ("word " * 200_000).encode(), "many-short-lines": "a.\n" * 50_000,
        "punctuation": "!?.,;:" * 2000, "one-url": "https://example.com/\n",
        "quotes-unbalanced": '"' * 3000 + " said the mayor.",
        "private-use": GOOD.replace("budget", "bud\ue000get"),
        "noncharacters": GOOD.replace("budget", "bud\ufffe\uffffget"),
    }
    cases = []
    for name, data in contents.items():
        cases.append(Case(f"file {name}, beside good ones", files({f"x-{name}.txt": data}),
                          rc=(0, 2), known=KNOWN.get(name, "")))
        cases.append(Case(f"file {name}, alone", alone(f"{name}.txt", data), rc=(0, 2),
                          known=KNOWN.get(name, "")))
    big = (GOOD.replace("\n\n", " ") * (5_000_000 // len(GOOD))).encode()
    cases.append(Case("file a 5 MB article (past the size limit)", files({"big.txt": big}),
                      rc=(2,), says=("too long to analyse",), bound=15))
    copies = {f"copy-{k:03d}.txt": GOOD for k in range(200)}
    cases.append(Case("200 identical copies", files(copies), bound=15))
    for name in ("nbsp", "zwsp", "controls", "bidi-row", "zero-width-everywhere"):
        cases.append(Case(f"reader: file {name}, beside good ones",
                          reader(files({f"x-{name}.txt": contents[name]}))))
    cases.append(Case("reader: markdown with only a comment, beside good ones",
                      reader(files({"c.md": "<!-- nothing -->\n"}))))
    markdown = {
        "md-comment-only": "<!-- only a comment -->\n", "md-unclosed-fence": "```\n" + GOOD,
        "md-html-block": "<div>\n" + GOOD + "\n</div>\n", "md-deep-list": "".join(
            "  " * k + "- item\n" for k in range(300)), "md-huge-table": "|a|b|\n|-|-|\n"
        + "|x|y|\n" * 5000, "md-links": GOOD.replace("budget", "[budget](javascript:alert(1))"),
        "md-controls-in-link": GOOD.replace("budget", "[budget](\x1b]0;x\x07)"),
    }
    for name, text in markdown.items():
        cases.append(Case(f"markdown {name}", files({f"{name}.md": text})))
    html = {
        "html-script-only": "<html><body><script>alert(1)</script></body></html>",
        "html-deep-nesting": "<html><body>" + "<div>" * 5000 + PAGE + "</div>" * 5000,
        "html-unclosed": PAGE[:-40], "html-bogus-charset": PAGE.replace("utf-8", "rot13"),
        "html-charset-base64": PAGE.replace("utf-8", "base64"),
        "html-utf16-declared": PAGE.replace("utf-8", "utf-16"),
        "html-controls-in-title": PAGE.replace("Budget approved</title>",
                                               "Budget \x1b]0;x\x07approved</title>"),
        "html-nul": PAGE.replace("<article>", "<article>\x00"),
        "html-entities": PAGE.replace("Tuesday", "Tuesday &#27;[2J &#x9b; &#0; &#xd800;"),
        "xhtml": "<?xml version='1.0'?>" + PAGE,
        "txt-holding-html": PAGE,
    }
    for name, text in html.items():
        suffix = ".txt" if name == "txt-holding-html" else ".html"
        cases.append(Case(f"page {name}", files({name + suffix: text}), rc=(0, 2)))
    names = {
        "name-with-escape": "evil\x1b]0;pwned\x07.txt", "name-with-newline": "a\nb.txt",
        "name-with-bidi": "\u202etxt.exe.txt", "name-undecodable": b"caf\xe9.txt",
        "name-long": "n" * 250 + ".txt", "name-hidden": ".hidden.txt",
        "name-spaces": "  spaced  .txt",
    }
    for name, fname in names.items():
        cases.append(Case(f"file {name}", files({fname: GOOD})))
    return cases


def path_cases() -> list[Case]:
    def fifo(d, _s):
        os.mkfifo(d / "pipe.txt")
        return ["export", str(d / "pipe.txt")]

    def fifo_in_folder(d, _s):
        os.mkfifo(d / "pipe.txt")
        (d / "good.txt").write_text(GOOD)
        return ["export", str(d)]

    def sock(d, _s):
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(d / "s.txt"))
        return ["export", str(d / "s.txt")]

    def loop(d, _s):
        (d / "a.txt").symlink_to(d / "b.txt")
        (d / "b.txt").symlink_to(d / "a.txt")
        return ["export", str(d / "a.txt")]

    def nested(d, _s):
        (d / "sub").mkdir()
        (d / "sub" / "x.txt").write_text(GOOD)
        (d / "y.txt").write_text(GOOD)
        return ["export", str(d)]

    def corpus(lines: str, extra: dict | None = None):
        def make(d, _s):
            (d / "good.txt").write_text(GOOD)
            for k, v in (extra or {}).items():
                (d / k).write_text(v)
            (d / "list.txt").write_text(lines)
            return ["export", str(d / "list.txt")]
        return make

    def corpus_loop(d, _s):
        (d / "a.lst").write_text("b.lst\n")
        (d / "b.lst").write_text("a.lst\n")
        return ["export", str(d / "a.lst")]

    def denied(d, _s):
        (d / "x.txt").write_text(GOOD)
        (d / "x.txt").chmod(0)
        return ["export", str(d / "x.txt")]

    cases = [
        Case("a missing file", lambda d, s: ["export", str(d / "nope.txt")], rc=(2,),
             says=("no such file",)),
        Case("a dangling link", link("/nonexistent/x.txt"), rc=(2,), says=("does not exist",)),
        Case("a symbolic link loop", loop, rc=(2,), says=("loop",)),
        Case("a named pipe", fifo, rc=(2,), says=("named pipe",), bound=20),
        Case("a named pipe in a folder", fifo_in_folder, bound=20),
        Case("a socket", sock, rc=(2,), says=("socket",)),
        Case("/dev/zero", lambda d, s: ["export", "/dev/zero"], rc=(2,), says=("device",),
             bound=20),
        Case("/dev/null", lambda d, s: ["export", "/dev/null"], rc=(2,), says=("device",)),
        Case("/dev/urandom via a link", link("/dev/urandom"), rc=(2,), says=("device",),
             bound=20),
        Case("a folder with a folder in it", nested),
        Case("an empty folder", lambda d, s: ["export", str(d)], rc=(2,), says=("no articles",)),
        Case("a file without read permission", denied, rc=(0, 2)),
        Case("a corpus file naming a device", corpus("good.txt\n/dev/zero\n"), rc=(2,),
             says=("device",), bound=20),
        Case("a corpus file with a missing entry", corpus("good.txt\nmissing.txt\n"), rc=(2,),
             says=("list.txt:2",)),
        Case("corpus files in a loop", corpus_loop, rc=(2,), says=("loop",)),
        Case("a corpus line with controls", corpus("good.txt\nevil\x1b]0;x\x07.txt\n"),
             rc=(2,)),
        Case("a corpus line with a malformed URL", corpus("good.txt\nhttp://[::1/x\n"),
             says=("not a valid web address",)),
        Case("a corpus line with a NUL", corpus("good.txt\nbad\x00name.txt\n"), rc=(2,),
             says=("NUL",)),
        Case("a very long path", lambda d, s: ["export", str(d) + "/" + "x" * 5000 + ".txt"],
             rc=(2,)),
    ]
    return cases


def url_cases() -> list[Case]:
    ok_page = lambda s: s.add("/ok", answer(PAGE))  # noqa: E731
    bomb = gzip.compress(b"<p>" + b"a" * (64 << 20) + b"</p>")
    def chain_of(s):
        for k in range(10):
            s.add(f"/r{k}", redirect(f"/r{k + 1}", delay=DEADLINE / 8))
        s.add("/r10", answer(PAGE))
        return s.base + "/r0"

    u16 = codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le") + b"\x00\xd8"
    specs = [
        ("404", lambda s: s.base + "/missing", ("HTTP 404",)),
        ("500 with an evil status text", lambda s: s.add("/e", raw(
            b"HTTP/1.1 500 \x1b]0;pwned\x07\x1b[2J\x9b31m boom\r\nContent-Length: 0\r\n\r\n")),
         ("HTTP 500",)),
        ("headers sent slowly", lambda s: s.add("/sh", trickle(b"HTTP/1.1 200 OK\r\n",
                                                              b"X-Slow: abc\r\n", 5, 120)),
         ("timed out",)),
        ("body sent slowly", lambda s: s.add("/sb", trickle(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 99999\r\n\r\n",
            b"<p>x</p>", 5, 120)), ("timed out",)),
        ("a chain of slow redirects", chain_of, ("timed out",)),
        ("no answer at all", lambda s: s.add("/sleep", sleeper(120)), ("timed out",)),
        ("a redirect loop", lambda s: (s.add("/la", redirect("/lb")), s.add("/lb", redirect(
            "/la")))[0], ("too many redirects",)),
        ("a redirect to file://", lambda s: s.add("/f", redirect("file:///etc/passwd")),
         ("non-web address",)),
        ("a redirect to a password", lambda s: s.add("/c", redirect(
            "http://bob:hunter2@127.0.0.1:1/")), ("user name or password",)),
        ("a redirect without a Location", lambda s: s.add("/nl", raw(
            b"HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n")), ("Location",)),
        ("a password in the address", lambda s: s.base.replace("http://", "http://al:pw@")
         + "/ok", ("user name or password",)),
        ("a malformed address", lambda s: "http://[::1/x", ("not a valid web address",)),
        ("port 99999", lambda s: "http://127.0.0.1:99999/", ("not a port number",)),
        ("port 0", lambda s: "http://127.0.0.1:0/", ("not a port number",)),
        ("no host", lambda s: "http:///x", ("no host",)),
        ("ftp", lambda s: "ftp://127.0.0.1/x", ("only http",)),
        ("a closed port", lambda s: f"http://127.0.0.1:{_closed_port()}/", ("refused",)),
        ("a PDF", lambda s: s.add("/pdf", answer(b"%PDF-1.4", "application/pdf")),
         ("not a web page",)),
        ("an empty page", lambda s: s.add("/empty", answer(b"")), ("empty",)),
        ("a gzip bomb", lambda s: s.add("/bomb", answer(bomb, headers={
            "Content-Encoding": "gzip"})), ()),
        ("corrupt gzip", lambda s: s.add("/cgz", answer(b"\x1f\x8b not gzip", headers={
            "Content-Encoding": "gzip"})), ("corrupt",)),
        ("brotli", lambda s: s.add("/br", answer(b"xx", headers={"Content-Encoding": "br"})),
         ("content encoding",)),
        ("garbage instead of HTTP", lambda s: s.add("/g", raw(b"\x00\xff garbage\r\n\r\n")),
         ()),
        ("a header line of 100 kB", lambda s: s.add("/lh", raw(
            b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 100_000 + b"\r\n\r\n")), ()),
        ("200 headers", lambda s: s.add("/mh", raw(
            b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: a\r\n" % k for k in range(200))
            + b"\r\n")), ()),
        ("broken chunked encoding", lambda s: s.add("/ch", raw(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"zz\r\n")), ()),
        ("closed before the page ends", lambda s: s.add("/short", raw(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 99999\r\n\r\n"
            + PAGE.encode())), ()),
        ("UTF-16 page with a lone surrogate", lambda s: s.add("/u16", answer(
            u16, "text/plain")), ()),
        ("a wrong charset header", lambda s: s.add("/cs", answer(
            PAGE.encode("utf-8"), "text/html; charset=rot13")), ()),
        ("a page without an article", lambda s: s.add("/menu", answer(
            "<html><body><nav>Home News</nav></body></html>")), ("no article text",)),
        ("a page with controls", lambda s: s.add("/ctl", answer(
            PAGE.replace("Tuesday", "Tuesday " + ATTACK))), ()),
    ]
    cases = []
    slow = ("headers sent slowly", "body sent slowly", "a chain of slow redirects",
            "no answer at all")
    for name, url_of, says in specs:
        bound = DEADLINE + 20 if name in slow else 60
        cases.append(Case(f"URL {name}, beside a good file", with_good(url_of), says=says,
                          bound=bound))
        cases.append(Case(f"URL {name}, alone", url_alone(url_of), rc=(0, 2), says=says,
                          bound=bound))
    cases.append(Case("URL good, alone", url_alone(ok_page)))
    return cases


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_cases() -> list[Case]:
    def out_to(target: Callable) -> Callable:
        def make(d, _s):
            (d / "good-a.txt").write_text(GOOD)
            (d / "good-b.txt").write_text(OTHER)
            return ["export", "--no-cache", "-o", target(d), str(d / "good-a.txt"),
                    str(d / "good-b.txt")]
        return make

    def device(d: Path) -> str:
        p = d.parent / "null"
        os.mknod(p, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        return str(p)

    def link_to_stdout(d: Path) -> str:
        p = d.parent / "stdout"
        p.symlink_to("/dev/stdout")
        return str(p)

    def device_run(case, d, site):
        (d / "probe").mkdir()
        try:
            device(d / "probe" / "x")
        except OSError:
            return Outcome(passed=True, detail="skipped: cannot make a device node")
        o = generic(case, d, site)
        if not stat.S_ISCHR(os.stat(d / "null").st_mode):
            o.passed, o.modified = False, True
            o.detail += "; the device was replaced by a file"
        return o

    def report_then_read(case, d, site):
        (d / "in" / "good-a.txt").write_text(GOOD)
        (d / "in" / "good-b.txt").write_text(OTHER)
        rc1, *_ = run_tui(["export", "--no-cache", str(d / "in"), "-o",
                           str(d / "in" / "report.html")], d, 60)
        rc, out, err, took = run_tui(["export", "--no-cache", str(d / "in")], d, 60)
        o = judge(case, rc, out, err, took)
        try:
            ids = [a["id"] for a in json.loads(out)["articles"]]
        except ValueError:
            ids = []
        if rc1 != 0 or ids != ["good-a", "good-b"]:
            o.passed = False
            o.detail += f"; read {ids}"
        return o

    def sigterm_during_export(case, d, site):
        for k in range(40):
            (d / "in" / f"a{k:02d}.txt").write_text(GOOD.replace("12", str(k)) * 20)
        before = snapshot(d / "in")
        out = d / "out"
        out.mkdir()
        e = dict(os.environ, SYNOPSIS_CACHE_DIR=str(d / ".cache"))
        leftovers = 0
        for delay in (0.5, 1.0, 1.5, 2.0, 2.5):
            proc = subprocess.Popen([PY, "-m", "tui", "export", "--no-cache", "--format", "html",
                                     "-o", str(out / "r.html"), str(d / "in")], cwd=d, env=e,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(delay)
            proc.send_signal(signal.SIGTERM)
            proc.communicate(timeout=30)
            leftovers += len([p for p in out.iterdir() if p.name.endswith(".tmp")])
        o = Outcome(passed=leftovers == 0, detail=f"{leftovers} temporary files left")
        o.modified = snapshot(d / "in") != before
        return o

    def ctrl_c_while_fetching(case, d, site):
        paths = [f"/hang-{os.getpid()}-{k}" for k in range(3)]
        seen: set = set()

        def hang(h):
            seen.add(h.path)
            time.sleep(60)

        for p in paths:
            site.add(p, hang)
        rc, out, err, took = run_tui(["export", *[site.base + p for p in paths]], d, 10,
                                     interrupt=(lambda: len(seen) == 3, signal.SIGINT))
        o = judge(case, rc, out, err, took)
        if o.passed and took > 3:
            o.passed, o.detail = False, f"exited {took:.1f} s after Ctrl+C"
        return o

    def generic(case, d, site):
        argv = case.make(d / "in", site)
        before = snapshot(d / "in")
        rc, out, err, took = run_tui(argv, d, case.bound)
        o = judge(case, rc, out, err, took)
        o.modified = snapshot(d / "in") != before
        return o

    return [
        Case("-o a private /dev/null", out_to(device), run=device_run),
        Case("-o /dev/stdout through a link", out_to(link_to_stdout), run=generic),
        Case("-o a folder", out_to(lambda d: str(d)), rc=(2,), says=("cannot write",),
             run=generic),
        Case("-o into a missing folder", out_to(lambda d: str(d / "no" / "r.json")), rc=(2,),
             says=("cannot write",), run=generic),
        Case("-o onto an input", out_to(lambda d: str(d / "good-a.txt")), rc=(2,),
             says=("refusing",), run=generic),
        Case("export DIR -o DIR/report.html, then DIR again", None, run=report_then_read),
        Case("SIGTERM during an export", None, run=sigterm_during_export),
        Case("Ctrl+C while fetching three URLs", None, rc=(130,), run=ctrl_c_while_fetching),
    ]


def cache_cases() -> list[Case]:
    def corrupt_page_cache(case, d, site):
        url = site.add(f"/cached-{os.getpid()}", answer(PAGE))
        run_tui(["export", url], d, 60)
        for p in (d / ".pages").glob("*.page"):
            p.write_bytes(b'{"format": 1, "url": "' + url.encode() + b'", "length": 5}\n\x00\xff')
        rc, out, err, took = run_tui(["export", url], d, 60)
        return judge(case, rc, out, err, took)

    def page_cache_is_a_file(case, d, site):
        (d / ".pages").write_text("not a folder")
        url = site.add(f"/pc-{os.getpid()}", answer(PAGE))
        rc, out, err, took = run_tui(["export", url], d, 60)
        return judge(case, rc, out, err, took)

    def corrupt_analysis_cache(case, d, site):
        (d / "in" / "a.txt").write_text(GOOD)
        (d / "in" / "b.txt").write_text(OTHER)
        run_tui(["export", str(d / "in")], d, 60)
        for p in (d / ".cache").rglob("*"):
            if p.is_file():
                p.write_bytes(b"\x00garbage" * 10)
        rc, out, err, took = run_tui(["export", str(d / "in")], d, 60)
        return judge(case, rc, out, err, took)

    return [Case("a corrupt page cache entry", None, run=corrupt_page_cache),
            Case("a file where the page cache should be", None, run=page_cache_is_a_file),
            Case("a corrupt analysis cache", None, run=corrupt_analysis_cache)]


def serve_cases() -> list[Case]:
    def serve_probe(case, d, site):
        (d / "in" / "a.txt").write_text(GOOD)
        (d / "in" / "b.txt").write_text(OTHER)
        port = _closed_port()
        e = dict(os.environ, SYNOPSIS_CACHE_DIR=str(d / ".cache"))
        proc = subprocess.Popen([PY, "-m", "tui", "serve", "--port", str(port),
                                 "--max-sessions", "1", str(d / "in")], cwd=d, env=e,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                start_new_session=True)
        problems = []
        try:
            t0 = time.monotonic()
            page = None
            while page is None and time.monotonic() - t0 < 60 and proc.poll() is None:
                try:
                    page = _http(port, "/", {})
                except OSError:
                    time.sleep(0.2)
            if page is None:
                return Outcome(crash=True, detail="serve did not start")
            body = page[1]
            if re.search(r"(?:src|href|url)\s*[=(]\s*[\"']?https?://(?!127\.0\.0\.1)", body):
                problems.append("the page fetches from outside")
            for what, headers, want in [
                    ("another site's WebSocket", {"Origin": "https://evil.example"}, 403),
                    ("a null Origin", {"Origin": "null"}, 403),
                    ("a foreign Host", {"Host": f"evil.example:{port}"}, 403)]:
                got = _ws(port, headers)
                if got != want:
                    problems.append(f"{what}: {got}")
            if _http(port, "/", {"Host": f"rebind.example:{port}"})[0] != 403:
                problems.append("the page under a foreign Host")
            with _ws_open(port) as first:
                if first != 101:
                    problems.append(f"the first reader: {first}")
                elif _ws(port, {}) != 503:
                    problems.append("a second reader beyond --max-sessions 1 was let in")
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            proc.stderr.close()
        return Outcome(passed=not problems, detail="; ".join(problems))

    return [Case("serve: origin, host and the page", None, run=serve_probe)]


def _http(port: int, path: str, headers: dict) -> tuple[int, str]:
    import http.client

    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        c.putrequest("GET", path, skip_host="Host" in headers)
        for k, v in headers.items():
            c.putheader(k, v)
        c.endheaders()
        r = c.getresponse()
        return r.status, r.read().decode("utf-8", "replace")
    finally:
        c.close()


class _ws_open:
    """A WebSocket handshake kept open for the block: its status code."""

    def __init__(self, port: int):
        self.port = port

    def __enter__(self) -> int:
        import base64

        self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=10)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
                          "Connection: Upgrade\r\nUpgrade: websocket\r\n"
                          f"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: {key}\r\n\r\n"
                          .encode())
        return int(self.sock.recv(4096).split()[1])

    def __exit__(self, *exc) -> None:
        self.sock.close()


def _ws(port: int, headers: dict) -> int:
    import base64

    hs = {"Host": f"127.0.0.1:{port}", "Connection": "Upgrade", "Upgrade": "websocket",
          "Sec-WebSocket-Version": "13",
          "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(), **headers}
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(("GET /ws HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in hs.items())
                   + "\r\n").encode())
        return int(s.recv(4096).split()[1])


def all_cases() -> list[Case]:
    return bad_file_cases() + path_cases() + url_cases() + write_cases() + cache_cases() \
        + serve_cases()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jobs", type=int, default=4, help="cases at once (default 4)")
    ap.add_argument("--only", help="only the cases whose name holds this")
    ap.add_argument("--list", action="store_true", help="list the cases and stop")
    ap.add_argument("-v", "--verbose", action="store_true", help="a line for every case")
    args = ap.parse_args()
    cases = [c for c in all_cases() if not args.only or args.only in c.name]
    if args.list:
        print("\n".join(c.name for c in cases))
        return 0
    sys.path.insert(0, str(ROOT / "tests"))
    from terminal_signals import give_children_the_default

    give_children_the_default()   # Ctrl+C and hang-ups reach the cases even from `fuzz.py &`
    site = Site()
    t0 = time.monotonic()
    try:
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            outcomes = list(pool.map(lambda c: run_case(c, site), cases))
    finally:
        site.stop()
    known = [(c, o) for c, o in zip(cases, outcomes) if c.known and not o.passed]
    mine = [(c, o) for c, o in zip(cases, outcomes) if not (c.known and not o.passed)]
    for c, o in mine:
        if args.verbose or not o.passed or o.crash or o.hang or o.modified:
            flag = ("CRASH" if o.crash else "HANG" if o.hang else "MODIFIED" if o.modified
                    else "ok" if o.passed else "FAIL")
            print(f"{flag:8} {c.name}: {o.detail}".rstrip(": "))
    for c, o in known:
        print(f"KNOWN    {c.name}: {o.detail} [{c.known}]")
    outs = [o for _, o in mine]
    print(f"cases {len(cases)}, passed {sum(o.passed for o in outs)}, "
          f"crashes {sum(o.crash for o in outs)}, hangs {sum(o.hang for o in outs)}, "
          f"inputs modified {sum(o.modified for o in outs)}"
          + (f"; known defects owned elsewhere {len(known)}" if known else "")
          + f" ({time.monotonic() - t0:.0f} s)")
    bad = sum(not o.passed or o.crash or o.hang or o.modified for o in outs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
