"""Loading: paths -> decoded texts.  Inputs are only ever read, never written."""
from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
MARKDOWN_SUFFIXES = (".md", ".markdown")
# Generous: a news article is a few tens of KiB; this only stops a mistaken huge file.
MAX_BYTES = 20 * 1024 * 1024


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


class InputError(Exception):
    """Bad input: its message is the one clear line the user sees."""


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    path: str
    text: str
    encoding: str
    fmt: str  # "text" | "markdown"


def bundled_seeds() -> Path:
    """The bundled default corpus, installed as tui/seeds (or ./seeds in a checkout)."""
    here = Path(__file__).resolve().parent.parent
    for cand in (here / "seeds", here.parent / "seeds"):
        if cand.is_dir() and any(p.suffix in ARTICLE_SUFFIXES for p in cand.iterdir()):
            return cand
    raise InputError("the bundled corpus is missing from this installation")


def expand(paths: list[str]) -> list[Path]:
    """Folders become their article files (sorted by name); files stay as given."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise InputError(f"{raw}: no such file or folder")
        if p.is_dir():
            try:
                files = sorted(
                    (c for c in p.iterdir() if c.is_file() and c.suffix.lower() in ARTICLE_SUFFIXES),
                    key=lambda c: c.name,
                )
            except PermissionError:
                raise InputError(f"{raw}: folder cannot be read (permission denied)") from None
            if not files:
                raise InputError(f"{raw}: no articles in this folder (looked for *.txt and *.md)")
            out.extend(files)
        else:
            out.append(p)
    return out


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Bytes -> (text, encoding).  UTF-8 first (a BOM is kept as the contract's
    ``read_text(encoding="utf-8")`` keeps it), then BOM-marked UTF-16/32, then
    detection; newlines are made universal."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text, enc = data.decode("utf-32"), "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, enc = data.decode("utf-16"), "utf-16"
    else:
        if b"\x00" in data[:8192]:
            raise InputError(f"{name}: binary file, not an article")
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, enc = _detect(data, name)
    if _looks_binary(text):
        raise InputError(f"{name}: binary file, not an article")
    return text.replace("\r\n", "\n").replace("\r", "\n"), enc


def _detect(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # only paid for on non-UTF-8 input

    best = from_bytes(data).best()
    if best is not None:
        return str(best), best.encoding
    # cp1252 covers most Western news text that is not UTF-8; latin-1 decodes anything.
    for enc in ("cp1252", "latin-1"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise InputError(f"{name}: cannot tell this file's text encoding")  # pragma: no cover


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    ctrl = len(_CONTROL.findall(sample))
    return "\x00" in sample or ctrl / len(sample) > 0.05


def read_sources(paths: list[str]) -> tuple[list[Source], list[str]]:
    """Read every article; returns the sources and warnings (skipped empty files)."""
    files = expand(paths)
    sources: list[Source] = []
    warnings: list[str] = []
    seen: dict[str, int] = {}
    for p in files:
        name = str(p)
        try:
            if p.stat().st_size > MAX_BYTES:
                raise InputError(f"{name}: too large for an article ({p.stat().st_size} bytes)")
            with open(p, "rb") as fh:
                data = fh.read()
        except IsADirectoryError:
            raise InputError(f"{name}: is a folder inside a folder; pass it on its own") from None
        except PermissionError:
            raise InputError(f"{name}: cannot be read (permission denied)") from None
        except OSError as e:
            raise InputError(f"{name}: cannot be read ({e.strerror or e})") from None
        text, enc = decode(data, name)
        if not text.strip("\ufeff \t\n"):
            warnings.append(f"{name}: empty, skipped")
            continue
        ident = p.stem
        if ident in seen:  # two files with one stem: keep ids unique and stable
            seen[ident] += 1
            ident = f"{ident}-{seen[ident]}"
        else:
            seen[ident] = 1
        fmt = "markdown" if p.suffix.lower() in MARKDOWN_SUFFIXES else "text"
        sources.append(Source(ident, name, text, enc, fmt))
    if not sources:
        raise InputError("no articles to read: every file given is empty")
    return sources, warnings


def display_path(p: str) -> str:
    """Paths inside the bundled corpus are shown relative to it ('seeds/x.txt')."""
    try:
        rel = os.path.relpath(p)
    except ValueError:  # pragma: no cover - other drive on Windows
        return p
    return p if rel.startswith("..") else rel
