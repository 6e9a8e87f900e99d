"""cue_form tries a word's stems in turn without a list of candidates: the same answer as
listing the stems an ending may leave and taking the first that is a cue verb."""
from __future__ import annotations

from tui.engine.quotes.words import _IRREGULAR, CUE_VERBS, cue_form


def _listed(low: str) -> tuple[str, str]:
    if low in _IRREGULAR:
        return _IRREGULAR[low], "ed"
    if low in CUE_VERBS:
        return low, "base"
    cands: list[tuple[str, str]] = []
    if low.endswith("ing") and len(low) > 4:
        st = low[:-3]
        cands += [(st, "ing"), (st + "e", "ing")]
        if len(st) > 2 and st[-1] == st[-2]:
            cands.append((st[:-1], "ing"))
    elif low.endswith("ed") and len(low) > 3:
        st = low[:-2]
        cands += [(st, "ed"), (low[:-1], "ed")]
        if st.endswith("i"):
            cands.append((st[:-1] + "y", "ed"))
        if len(st) > 2 and st[-1] == st[-2]:
            cands.append((st[:-1], "ed"))
    elif low.endswith("s") and len(low) > 2:
        cands.append((low[:-1], "s"))
        if low.endswith("es"):
            cands.append((low[:-2], "s"))
        if low.endswith("ies"):
            cands.append((low[:-3] + "y", "s"))
    for base, form in cands:
        if base in CUE_VERBS:
            return base, form
    return "", ""


def test_cue_form_is_the_first_listed_stem_that_is_a_cue_verb():
    words = {"said", "told", "fumed", "says", "saying", "say", "sing", "ed", "is", "reports",
             "the", "pressed", "went", "news", "denied", "cried", "ties", "tied"}
    for v in CUE_VERBS:
        for stem in (v, v[:-1], v[:-1] + "i", v + v[-1]):
            for end in ("", "s", "es", "ies", "ed", "d", "ied", "ing", "eing", "ding", "ted"):
                words.add(stem + end)
    forms = 0
    for w in sorted(words):
        assert cue_form.__wrapped__(w) == _listed(w), w
        forms += bool(_listed(w)[0])
    assert forms > len(CUE_VERBS) * 3      # the words reach every ending's stems
    assert cue_form("fumed") == ("fume", "ed") and cue_form("saying") == ("say", "ing")
