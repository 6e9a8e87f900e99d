"""Quote marks and dashes, every kind, and `fold`: the one place that says which
characters count as the same mark when text is compared or searched."""
from __future__ import annotations

_FOLD = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
    "“": "'", "”": "'", "„": "'", "‟": "'", "″": "'", "«": "'", "»": "'", '"': "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    "\u00a0": " ", "\u202f": " ",
})


def fold(text: str) -> str:
    """Lower case, one quote mark for every kind (single or double, straight or curly,
    guillemets), one dash; the same length as `text`, so offsets into it are offsets into
    the text."""
    t = text.translate(_FOLD)
    low = t.lower()
    if len(low) == len(t):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in t)
