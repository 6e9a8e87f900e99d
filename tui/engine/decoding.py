"""Bytes -> text: the encoding of an article file or a web page, found or detected."""
from __future__ import annotations

import codecs
import re

from .errors import InputError

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


# single-byte encodings that read Western European text (cp1252 first: a superset of
# latin-1's printable characters, and what "latin-1" usually means in practice)
WESTERN = ("cp1252", "latin_1", "iso8859_15")
# how close to the detector's best a candidate must be to count as "as likely"
_CHAOS_MARGIN = 1.0         # percentage points of chaos
_COHERENCE_MARGIN = 5.0     # percentage points of coherence


def decode(data: bytes, name: str) -> tuple[str, str, str | None]:
    """Bytes -> (text, encoding, note).  UTF-8 first (a BOM is kept as the contract's
    ``read_text(encoding="utf-8")`` keeps it), then BOM-marked UTF-16/32, then detection;
    newlines are made universal.  Bytes that are not valid in the encoding read become
    U+FFFD, and `note` (else None) says so, or says the encoding was a guess among several
    that read the text differently."""
    note = None
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text, enc, note = _lenient(data, "utf-32", name)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, enc, note = _lenient(data, "utf-16", name)
    else:
        if b"\x00" in data[:8192]:
            raise InputError(f"{name}: binary file, not an article")
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, enc, note = _mostly_utf8(data, name) or _single_byte(data, name)
    if looks_binary(text):
        raise InputError(f"{name}: binary file, not an article")
    return text.replace("\r\n", "\n").replace("\r", "\n"), enc, note


def _lenient(data: bytes, enc: str, name: str) -> tuple[str, str, str | None]:
    """Decode, the invalid bytes replaced by U+FFFD (and counted in the note)."""
    try:
        return data.decode(enc), enc, None
    except UnicodeDecodeError:
        pass
    text = data.decode(enc, "replace")
    bad = text.count("\ufffd") - data.decode(enc, "ignore").count("\ufffd")
    return text, enc, (f"{name}: {bad} invalid {_plural(bad, 'byte sequence')} for "
                       f"{enc.upper()}, shown as \ufffd")


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def _mostly_utf8(data: bytes, name: str) -> tuple[str, str, str | None] | None:
    """UTF-8 with a few bad bytes (a stray byte of another encoding, a cut sequence):
    more valid multi-byte characters than invalid sequences.  None: not UTF-8."""
    text = data.decode("utf-8", "replace")
    valid = data.decode("utf-8", "ignore")
    bad = text.count("\ufffd") - valid.count("\ufffd")
    multibyte = sum(1 for ch in valid if ord(ch) > 0x7F)
    if multibyte <= bad:
        return None
    return text, "utf-8", (f"{name}: {bad} invalid {_plural(bad, 'byte sequence')} for "
                           "UTF-8, shown as \ufffd")


def _single_byte(data: bytes, name: str) -> tuple[str, str, str | None]:
    """The detector's ranking (charset-normalizer) with a preference for Western European
    encodings among the candidates it finds as likely as its best; a note when another
    candidate as likely would read the text differently."""
    from charset_normalizer import from_bytes  # only paid for on non-UTF-8 input

    ranked = list(from_bytes(data))
    if not ranked:
        enc = _first_decoding(data, WESTERN)
        return (data.decode(enc), enc,
                f"{name}: not UTF-8 and no encoding fits it well; read as {_label(enc)}")
    best = ranked[0]
    near = [m for m in ranked if m.percent_chaos <= best.percent_chaos + _CHAOS_MARGIN]
    chosen, enc = best, best.encoding
    for m in near:
        west = [e for e in WESTERN if e in m.could_be_from_charset]
        if west:
            chosen, enc = m, west[0]
            break
    rivals = [m for m in near if enc not in m.could_be_from_charset
              and m.percent_coherence >= chosen.percent_coherence - _COHERENCE_MARGIN]
    text = data.decode(enc)
    note = None
    if rivals:
        note = (f"{name}: not UTF-8; read as {_label(enc)}, the likeliest of several encodings "
                f"(also possible: {', '.join(m.encoding for m in rivals[:3])}); "
                "if letters look wrong, save the file as UTF-8")
    return text, enc, note


def _first_decoding(data: bytes, encodings) -> str:
    for enc in encodings:
        try:
            data.decode(enc)
            return enc
        except UnicodeDecodeError:
            continue
    return "latin_1"  # pragma: no cover - latin-1 decodes any byte


def _label(enc: str) -> str:
    return f"{enc} (Western European)" if enc in WESTERN else enc


def decode_html(data: bytes, name: str, declared: str | None = None
                ) -> tuple[str, str, str | None]:
    """Bytes of a page -> (markup, encoding, note).  The BOM wins, then the charset the
    server declared, then the page's own <meta charset>, then UTF-8, then detection."""
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
            codec = codecs.lookup(enc)
            if not getattr(codec, "_is_text_encoding", True):
                continue  # 'base64', 'rot13', 'zlib' ...: not a charset
            return data.decode(codec.name), codec.name, None
        except (LookupError, UnicodeDecodeError):
            continue
    return decode(data, name)


def looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    ctrl = len(_CONTROL.findall(sample))
    return "\x00" in sample or ctrl / len(sample) > 0.05
