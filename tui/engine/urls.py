"""What an address is, without the network: `is_url`, `normalise`, `redact`.

Reading local files asks these of every path, so they live apart from fetch.py, which
imports sockets, TLS and threads: a run without a URL never loads them.
"""
from __future__ import annotations

import re

_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
_PARTS = re.compile(r"^([a-z][a-z0-9+.-]*://)([^/?#]*)(.*)$", re.I | re.S)


def is_url(ref: str) -> bool:
    """Anything with a scheme (so 'ftp://' gets a clear 'not supported', not 'no such file')."""
    return bool(_URL.match(ref))


def normalise(url: str) -> str:
    """The address without its #fragment (never raises, even on a malformed address)."""
    return url.strip().partition("#")[0]


def redact(url: str) -> str:
    """The address as it may be printed: a user name and password in it become '…'."""
    m = _PARTS.match(url)
    if not m or "@" not in m.group(2):
        return url
    return m.group(1) + "\u2026@" + m.group(2).rpartition("@")[2] + m.group(3)
