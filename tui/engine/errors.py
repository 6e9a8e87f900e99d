"""Errors about input: the one line a user sees when something given cannot be read.

``InputError`` is bad input (a missing file, a binary file, a page without an article);
``FetchError`` is a URL that could not be read.  Both carry the one line that is printed
(on standard error, in the reader's warnings), nothing else, and nothing in it can act on
a terminal (tui.engine.untrusted).  They live here, apart from
the modules that raise them (load, fetch, extract), so those need not import each other.
"""
from __future__ import annotations

from .untrusted import one_line


class InputError(Exception):
    """Bad input: its message is the one clear line the user sees (made one harmless
    line here: it names files, URLs and what servers said)."""

    def __init__(self, message: str = "") -> None:
        super().__init__(one_line(str(message)))


class FetchError(InputError):
    """A URL could not be read: the message is its one line."""
