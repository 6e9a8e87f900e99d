"""Loading: paths, web pages, URLs and corpus files -> decoded texts.

Inputs are only ever read, never written.  What can be given, mixed freely:

- an article file: ``.txt`` / ``.md`` (read as they are) or a saved web page
  (``.html``, ``.htm``, ``.xhtml``, or any file that starts like an HTML document), whose
  article text and metadata are extracted (tui.engine.extract);
- a folder: its articles and saved pages, sorted by name;
- a URL (``http://``, ``https://``): fetched (or read from the page cache) and extracted
  (tui.engine.fetch).  A URL that fails is skipped with a one-line warning; the others open;
- a corpus file: a text file listing paths and URLs, one a line (``#`` starts a comment,
  relative paths are relative to the corpus file), so a comparison reopens with one command.
  Its correction lines are the editor's (tui.engine.corrections reads them).
"""
from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .decoding import decode, decode_html
from .errors import InputError

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# what a folder contributes
FOLDER_SUFFIXES = ARTICLE_SUFFIXES + HTML_SUFFIXES
# a corpus file is at most this big, and nested at most this deep
MAX_CORPUS_BYTES = 256 * 1024
MAX_CORPUS_DEPTH = 4
# Generous: a news article is a few tens of KiB; this only stops a mistaken huge file.
MAX_BYTES = 20 * 1024 * 1024
# An article's text longer than this is refused (the README's Safety section). Set when
# 1.25 MB took about 10 s to analyse; bench/big_article.py, CPU on a loaded 2-core machine,
# now: 1 MB 3.5 s, 2.5 MB 10.6 s, 5 MB 16.7 s (the target, 5 MB in 10 s, not met).
MAX_CHARS = 1_250_000


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    path: str               # the file as given, or the URL
    text: str
    encoding: str
    fmt: str                # "text" | "markdown" | "html"
    url: str | None = None  # set when the article was fetched from the web
    # metadata the page itself states (HTML sources); None: read from the text's clues
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    byline: str | None = None


@dataclass(frozen=True, slots=True)
class Input:
    """One thing to read: a local file or a URL, and where it was named."""

    ref: str                # the file path, or the URL
    kind: str               # "file" | "url"
    where: str = ""         # "corpus.txt:3" when it came from a corpus file

    def name(self) -> str:
        """How messages name it: a URL without its user name and password."""
        ref = self.ref
        if self.kind == "url":
            from .urls import redact

            ref = redact(ref)
        return f"{self.where}: {ref}" if self.where else ref


@lru_cache(maxsize=1)
def bundled_seeds() -> Path:
    """The bundled default corpus, installed as tui/seeds (or ./seeds in a checkout)."""
    here = Path(__file__).resolve().parent.parent
    for cand in (here / "seeds", here.parent / "seeds"):
        if cand.is_dir() and any(p.suffix in ARTICLE_SUFFIXES for p in cand.iterdir()):
            return cand
    raise InputError("the bundled corpus is missing from this installation")


@lru_cache(maxsize=1)
def _installed_seeds() -> Path | None:
    """The bundled corpus's folder, resolved (None: missing), looked up once: where the
    program is installed does not change while it runs (not listed again for every
    article of a large corpus)."""
    try:
        return bundled_seeds().resolve()
    except InputError:
        return None


def _is_url(ref: str) -> bool:
    from .urls import is_url

    return is_url(ref)


def _folder(p: Path, raw: str) -> list[Path]:
    try:
        children = list(p.iterdir())
    except PermissionError:
        raise InputError(f"{raw}: folder cannot be read (permission denied)") from None
    except OSError as e:
        raise InputError(f"{raw}: folder cannot be read ({_reason(e)})") from None
    files = sorted((c for c in children if c.suffix.lower() in FOLDER_SUFFIXES
                    and _regular(c) and not _own_report(c)), key=lambda c: c.name)
    if not files:
        raise InputError(f"{raw}: no articles in this folder (looked for *.txt, *.md and *.html)")
    return files


_GENERATOR = re.compile(rb"""<meta\s+name=["']?generator["']?\s+content=["']?synopsis\b""", re.I)
_MD_SUMMARY = re.compile(r"^_\d+ sources?, \d+ sentences?; \d+ statements? shared by two sources "
                         r"or more; \d+ additions?\._$")
# the Markdown report as the overview (tui/report/markdown_report.py)
_MD_OVERVIEW = re.compile(r"^_\d+ sources? · \d+ sentences? · \d+ statements? shared · "
                          r"\d+ additions?_$")


def _own_report(p: Path) -> bool:
    """A report synopsis wrote (`synopsis export DIR -o DIR/report.html`, the reader's `w`),
    which a folder must not offer as an article on the next run: an HTML page whose
    generator is synopsis, or a Markdown report by its summary line."""
    try:
        with open(p, "rb", opener=_open_nonblocking) as fh:
            head = fh.read(4096)
    except OSError:
        return False
    if p.suffix.lower() in HTML_SUFFIXES:
        return bool(_GENERATOR.search(head))
    if p.suffix.lower() in MARKDOWN_SUFFIXES:
        lines = head.decode("utf-8", "replace").split("\n", 3)
        if len(lines) <= 3 or not lines[0].startswith("# "):
            return False
        return ((bool(_MD_SUMMARY.match(lines[2])) and "## Sources" in lines[3][:600])
                or (bool(_MD_OVERVIEW.match(lines[2])) and "**Headlines**" in lines[3][:900]))
    return False


def _regular(p: Path) -> bool:
    """A regular file (or a link to one): what a folder contributes.  Pipes, devices and
    sockets are left out, as are entries that cannot even be looked at."""
    try:
        return stat.S_ISREG(os.stat(p).st_mode)
    except OSError:
        return False


def _reason(e: OSError) -> str:
    """An OSError -> a short human reason."""
    if e.errno == errno.ELOOP:
        return "a loop of symbolic links"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if e.errno == errno.ENAMETOOLONG:
        return "name too long"
    return (e.strerror or type(e).__name__).lower()


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"  # pragma: no cover - doors, whiteouts


def _probe(p: Path, name: str) -> os.stat_result:
    """What `p` is (following links), or the one line saying why it cannot be looked at."""
    try:
        return os.stat(p)
    except ValueError:  # a NUL character: no file can have that name
        raise InputError(f"{name}: not a possible file name (it holds a NUL character)") from None
    except (FileNotFoundError, NotADirectoryError):
        if os.path.islink(p):
            raise InputError(f"{name}: a link to a file that does not exist") from None
        raise InputError(f"{name}: no such file or folder") from None
    except OSError as e:
        raise InputError(f"{name}: cannot be looked at ({_reason(e)})") from None


def _read_regular(p: Path, name: str, limit: int) -> bytes | None:
    """At most `limit` + 1 bytes of `p`, which must be a regular file (checked on the open
    file, so a file swapped for a pipe or a device meanwhile is refused, never waited on).
    None when `p` is not a regular file."""
    with open(p, "rb", opener=_open_nonblocking) as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            return None
        return fh.read(limit + 1)


def _open_nonblocking(path, flags: int) -> int:
    # a pipe opened for reading waits for a writer; non-blocking, the open returns at once
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))


def _reference(line: str, base: Path) -> bool:
    """Could this corpus-file line name an input (rather than be a line of prose)?"""
    if _is_url(line):
        return True
    p = Path(os.path.expanduser(line))
    if not p.is_absolute():
        p = base / p
    try:
        os.stat(p)
        return True
    except (FileNotFoundError, NotADirectoryError, ValueError):
        pass
    except OSError:
        return True  # something is there that cannot be looked at: reading it says what
    # a file that has moved away still looks like a path: no prose, an article suffix
    return (line.lower().endswith(FOLDER_SUFFIXES + ("/",))
            and len(line.split()) <= 3 and not line.endswith((". ", "? ", "! ")))


def corpus_lines(p: Path) -> list[tuple[int, str]] | None:
    """The (line number, reference) entries of a corpus file, or None if `p` is not one.

    A corpus file is a small text file (not Markdown, not HTML) whose every line, apart
    from blank lines and ``#`` comments, is a URL or a path; an article never is."""
    if p.suffix.lower() in MARKDOWN_SUFFIXES + HTML_SUFFIXES:
        return None
    try:
        data = _read_regular(p, str(p), MAX_CORPUS_BYTES)
    except OSError:
        return None  # reading it as an article reports the problem
    if data is None or len(data) > MAX_CORPUS_BYTES:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    from .corrections import is_correction_line  # (only a file that may be a corpus file)

    entries = []
    for k, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#") or is_correction_line(line):
            continue
        if not _reference(line, p.parent):
            return None
        entries.append((k, line))
    return entries or None


def inputs(paths: list[str], corpus_files: list[Path] | None = None) -> list[Input]:
    """Paths, folders, URLs and corpus files -> the files and URLs to read, in order.
    Folders become their article files (sorted by name); corpus files their entries (and
    are appended to `corpus_files` when it is given)."""
    out: list[Input] = []

    def add(raw: str, where: str, base: Path | None, depth: int, seen: frozenset) -> None:
        if _is_url(raw):
            out.append(Input(raw.strip(), "url", where))
            return
        p = Path(os.path.expanduser(raw)) if base is not None else Path(raw)
        if base is not None and not p.is_absolute():
            p = base / p
        name = f"{where}: {raw}" if where else raw
        mode = _probe(p, name).st_mode
        if stat.S_ISDIR(mode):
            out.extend(Input(str(c), "file", where) for c in _folder(p, name))
            return
        if not stat.S_ISREG(mode):
            raise InputError(f"{name}: not a regular file ({_kind(mode)}); "
                             "only article files, folders and URLs are read")
        entries = corpus_lines(p)
        if entries is None:
            out.append(Input(str(p), "file", where))
            return
        real = os.path.realpath(p)
        if real in seen or depth >= MAX_CORPUS_DEPTH:
            raise InputError(f"{name}: corpus files include each other in a loop")
        if corpus_files is not None:
            corpus_files.append(p)
        for k, ref in entries:
            add(ref, f"{p}:{k}", p.parent, depth + 1, seen | {real})

    for raw in paths:
        add(raw, "", None, 0, frozenset())
    return out


def expand(paths: list[str]) -> list[Path]:
    """The local files that `paths` name (folders and corpus files expanded; URLs left out)."""
    return [Path(i.ref) for i in inputs(paths) if i.kind == "file"]


def local_files(paths: list[str]) -> list[Path]:
    """Every local file a run reads: the articles and the corpus files that list them."""
    listed: list[Path] = []
    files = [Path(i.ref) for i in inputs(paths, listed) if i.kind == "file"]
    return files + listed


def _read_file(p: Path, name: str) -> bytes:
    try:
        data = _read_regular(p, name, MAX_BYTES)
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder inside a folder; pass it on its own") from None
    except PermissionError:
        raise InputError(f"{name}: cannot be read (permission denied)") from None
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({_reason(e)})") from None
    if data is None:
        raise InputError(f"{name}: not a regular file; only article files, folders and URLs "
                         "are read")
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: too large for an article (more than {MAX_BYTES} bytes)")
    return data


def _check_length(text: str, name: str) -> None:
    if len(text) > MAX_CHARS:
        raise InputError(f"{name}: too long to analyse ({len(text)} characters of text; "
                         f"the limit is {MAX_CHARS})")


def _html_source(ident: str, path: str, markup: str, enc: str, name: str,
                 url: str | None = None) -> Source:
    from .extract import extract

    ex = extract(markup, name, url=url)
    _check_length(ex.text, name)
    return Source(ident, path, ex.text, enc, "html", url=url, title=ex.title,
                  outlet=ex.outlet, date=ex.date, byline=ex.byline)


def url_id(url: str) -> str:
    """A short stable id for an article fetched from `url`: host and last path segment."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    host = (parts.hostname or "page").removeprefix("www.")
    segs = [unquote(x) for x in parts.path.split("/") if x]
    last = segs[-1] if segs else ""
    last = re.sub(r"\.(?:s?html?|php|aspx?)$", "", last, flags=re.I)
    ident = f"{host}_{last}" if last else host
    ident = re.sub(r"[^\w.-]+", "-", ident).strip("-.")
    return ident[:80] or "page"


def _load_url(inp: Input, page, ident: str) -> tuple[Source, str | None]:
    from .urls import redact

    name = redact(inp.ref)
    if page.is_html:
        markup, enc, note = decode_html(page.body, name, page.charset)
        return _html_source(ident, inp.ref, markup, enc, name, url=inp.ref), note
    text, enc, note = decode(page.body, name)
    _check_length(text, name)
    return Source(ident, inp.ref, text, enc, "text", url=inp.ref), note


def read_sources(paths: list[str], *, refresh: bool = False,
                 corpus_files: list[Path] | None = None) -> tuple[list[Source], list[str]]:
    """Read every article; returns the sources and warnings (skipped empty files, URLs that
    failed, pages cut off at the size limit).  Bad local input raises InputError; a URL that
    fails is only a warning, unless nothing at all could be read.  The corpus files read
    are appended to `corpus_files` when it is given."""
    todo = inputs(paths, corpus_files)
    pages: dict = {}
    urls = [i.ref for i in todo if i.kind == "url"]
    if urls:
        from .fetch import fetch_all, forget, normalise, redact

        fetched = fetch_all(urls, refresh=refresh)
        pages = {u: fetched[normalise(u)] for u in urls}
    sources: list[Source] = []
    warnings: list[str] = []
    failed: list[str] = []
    seen: dict[str, int] = {}

    def unique(ident: str) -> str:
        if ident in seen:  # two files with one stem: keep ids unique and stable
            seen[ident] += 1
            return f"{ident}-{seen[ident]}"
        seen[ident] = 1
        return ident

    for inp in todo:
        if inp.kind == "url":
            page = pages[inp.ref]
            try:
                if isinstance(page, Exception):
                    raise page
                src, note = _load_url(inp, page, url_id(inp.ref))
            except InputError as e:
                if not isinstance(page, Exception):
                    forget(inp.ref)  # a page that cannot be read is not kept for next time
                msg, said = str(e), redact(inp.ref) + ": "
                if msg.startswith(said):
                    msg = msg[len(said):]
                failed.append(f"{inp.name()}: {msg}")
                warnings.append(f"{inp.name()}: {msg}; skipped")
                continue
            if note:
                warnings.append(note)
            if page.truncated:
                warnings.append(f"{inp.name()}: page larger than the size limit; "
                                "only its beginning was read")
            if not src.text.strip("\ufeff \t\n"):
                warnings.append(f"{inp.name()}: empty, skipped")
                continue
            sources.append(replace(src, id=unique(src.id)))
            continue
        p = Path(inp.ref)
        name = inp.name()
        data = _read_file(p, name)
        suffix = p.suffix.lower()
        if suffix in HTML_SUFFIXES or (suffix not in MARKDOWN_SUFFIXES and _looks_html(data)):
            markup, enc, note = decode_html(data, name)
            if note:
                warnings.append(note)
            if not markup.strip("\ufeff \t\n"):
                warnings.append(f"{name}: empty, skipped")
                continue
            sources.append(_html_source(unique(p.stem), str(p), markup, enc, name))
            continue
        text, enc, note = decode(data, name)
        if note:
            warnings.append(note)
        if not text.strip("\ufeff \t\n"):
            warnings.append(f"{name}: empty, skipped")
            continue
        _check_length(text, name)
        fmt = "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
        sources.append(Source(unique(p.stem), str(p), text, enc, fmt))
    if not sources:
        if len(failed) == 1 and len(todo) == 1:
            raise InputError(failed[0])
        if failed:
            raise InputError(f"no articles to read: {len(failed)} of {len(todo)} inputs failed ("
                             + "; ".join(failed) + ")")
        raise InputError("no articles to read: every file given is empty")
    return sources, warnings


def _looks_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def display_path(p: str) -> str:
    """Paths inside the bundled corpus are shown relative to it ('seeds/x.txt'); URLs as given."""
    if _is_url(p):
        return p
    path = Path(p).resolve()
    seeds = _installed_seeds()
    if seeds is not None and path.parent == seeds:
        return f"seeds/{path.name}"
    try:
        rel = os.path.relpath(p)
    except ValueError:  # pragma: no cover - other drive on Windows
        return p
    return p if rel.startswith("..") else rel
