"""Errors about input: the one line a user sees when something given cannot be read.

``InputError`` is bad input (a missing file, a binary file, a page without an article);
``FetchError`` is a URL that could not be read.  Both carry the one line that is printed
(on standard error, in the reader's warnings), nothing else.  They live here, apart from
the modules that raise them (load, fetch, extract), so those need not import each other.
"""
from __future__ import annotations


class InputError(Exception):
    """Bad input: its message is the one clear line the user sees."""


class FetchError(InputError):
    """A URL could not be read: the message is its one line."""
