"""Characters that count as one when text is compared or searched: every kind of quote
mark (straight, curly, low, guillemets, primes), dashes and no-break spaces, and `fold`,
which maps each kind to one.  The one table of them; the quotation finder, the statements,
the reports and the reader's search read it."""
from __future__ import annotations

DOUBLE = '"“”„‟«»'                  # double quote marks
SINGLE = "'‘’‚‛‹›"                  # single quote marks (and apostrophes)
QUOTE_MARKS = DOUBLE + SINGLE
OPENING_DOUBLE = "“„‟«"             # double marks that only open ...
CLOSING_DOUBLE = "”»"               # ... and that only close
PRIMES = "′″`´"                     # typed for quote marks often enough
DASHES = "‐‑‒–—―−"
SPACES = "\u00a0\u202f"             # no-break spaces

_FOLD = str.maketrans({**{c: "'" for c in QUOTE_MARKS + PRIMES}, **{c: "-" for c in DASHES},
                       **{c: " " for c in SPACES}})


def fold(text: str) -> str:
    """Lower case, one quote mark for every kind (single or double, straight or curly,
    guillemets), one dash; the same length as `text`, so offsets into it are offsets into
    the text."""
    t = text.translate(_FOLD)
    low = t.lower()
    if len(low) == len(t):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in t)
