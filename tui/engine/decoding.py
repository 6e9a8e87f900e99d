"""Bytes -> text: the encoding of an article file or a web page, found or detected."""
from __future__ import annotations

import codecs
import re

from .errors import InputError

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


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
    if looks_binary(text):
        raise InputError(f"{name}: binary file, not an article")
    return text.replace("\r\n", "\n").replace("\r", "\n"), enc


def decode_html(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """Bytes of a page -> (markup, encoding).  The BOM wins, then the charset the server
    declared, then the page's own <meta charset>, then UTF-8, then detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, name)
    candidates = []
    if declared:
        candidates.append(declared)
    m = _META_CHARSET.search(data[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "replace"))
    for enc in candidates:
        try:
            codecs.lookup(enc)
            return data.decode(enc), codecs.lookup(enc).name
        except (LookupError, UnicodeDecodeError):
            continue
    return decode(data, name)


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


def looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    ctrl = len(_CONTROL.findall(sample))
    return "\x00" in sample or ctrl / len(sample) > 0.05
