"""Text from outside made harmless before anyone sees it.

Articles, file names, corpus lines, web pages, their metadata and what servers answer are
written by others.  Raw, a control character in them acts on the terminal that shows them
(ESC sequences set the window title, write the clipboard with OSC 52, draw links, clear the
screen; C1 codes do the same on some terminals), and bidirectional overrides or invisible
characters reorder or hide what a row shows.  Every such string passes through one of these
functions in the load step (tui.engine.corpus), in every error message (InputError) and
before standard error (tui.cli), so no view, report or message needs to care.

Each function maps one character to one character: offsets into the text stay exact.

- ``neutral``: what can act on a terminal, for the article's text itself: C0 controls
  (other than tab and newline) become their visible Control Pictures (ESC -> ␛), the
  separators among them (VT, FF, FS, GS, RS) newlines, US a space; DEL -> ␡; C1 controls
  -> U+FFFD; bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069)
  spaces; lone surrogates (from undecodable file names) U+FFFD.
- ``visible``: ``neutral`` plus what the reader must not pass on raw: zero-width and
  other invisible format characters (U+200B-200F, U+2060-2064, U+206A-206F, U+FEFF,
  U+180E, U+061C, U+FFF9-FFFB, tag characters) become spaces, line and paragraph
  separators (NEL, U+2028, U+2029) newlines.  For ``Article.shown``.
- ``one_line``: ``visible`` with every whitespace character a plain space: for a name, a
  metadata field or a message, which must stay on its line.
"""
from __future__ import annotations

import re

_PICTURE = {c: chr(0x2400 + c) for c in range(0x20)}
_NEUTRAL: dict[int, str] = {}
_NEUTRAL.update((c, _PICTURE[c]) for c in range(0x20) if c not in (0x09, 0x0A))
_NEUTRAL.update({0x0B: "\n", 0x0C: "\n", 0x1C: "\n", 0x1D: "\n", 0x1E: "\n", 0x1F: " ",
                 0x0D: "\n", 0x7F: "\u2421"})
_NEUTRAL.update((c, "\ufffd") for c in range(0x80, 0xA0))
_NEUTRAL.update((c, " ") for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))

_VISIBLE = dict(_NEUTRAL)
_VISIBLE.update((c, " ") for c in (*range(0x200B, 0x2010), *range(0x2060, 0x2065),
                                   *range(0x206A, 0x2070), 0xFEFF, 0x180E, 0x061C,
                                   *range(0xFFF9, 0xFFFC), *range(0xE0000, 0xE0080)))
_VISIBLE.update({0x85: "\n", 0x2028: "\n", 0x2029: "\n"})

_ONE_LINE = dict(_VISIBLE)
_ONE_LINE.update((ord(c), " ") for c in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029")
_ONE_LINE.update((c, " ") for c in range(0x2000, 0x200B))
_ONE_LINE.update({0xA0: " ", 0x1680: " ", 0x202F: " ", 0x205F: " ", 0x3000: " "})

# (compiled when first needed, and kept: most texts never need them, and the wide classes
# take milliseconds to compile at every start)
_PATTERNS = {
    "neutral": "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]",
    "visible": ("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064"
                "\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"),
    "surrogate": "[\ud800-\udfff]",
}
_COMPILED: dict[str, re.Pattern] = {}


def _rx(name: str) -> re.Pattern:
    rx = _COMPILED.get(name)
    if rx is None:
        rx = _COMPILED[name] = re.compile(_PATTERNS[name])
    return rx


def _plain(text: str) -> bool:
    """Nothing to change for sure (the common case, at C speed): no control, format,
    separator, surrogate or unassigned character but tab, newline, space and no-break
    space."""
    return text.replace("\n", " ").replace("\t", " ").replace("\xa0", " ").isprintable()


def _fix_surrogates(text: str) -> str:
    if text.isprintable():   # (a surrogate is not printable)
        return text
    return _rx("surrogate").sub("\ufffd", text)


def neutral(text: str) -> str:
    """`text` with nothing that can act on a terminal; same length."""
    if _plain(text) or not _rx("neutral").search(text):
        return text
    return _fix_surrogates(text).translate(_NEUTRAL)


def visible(text: str) -> str:
    """`text` as a reader may show it: neutral, nothing invisible or reordering; same length."""
    if _plain(text) or not _rx("visible").search(text):
        return text
    return _fix_surrogates(text).translate(_VISIBLE)


def one_line(text: str) -> str:
    """`text` as one harmless line: visible, every whitespace character a space; same length."""
    return _fix_surrogates(text).translate(_ONE_LINE)
