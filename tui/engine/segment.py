"""Sentence segmentation with exact offsets.

Every non-blank line is a paragraph.  A paragraph splits at a sentence end
(. ! ? with any closing quotes or brackets) followed by space and a capital,
digit or opening quote -- also inside quotations.  It does not split after
abbreviations (Sen., Gen., Feb., Mr.), initials (Rod J. Rosenstein), dotted
acronyms that run on into the sentence (U.S. Secretary), or ellipses.

One compiled regex finds the candidate ends; a few dictionary look-ups decide.
"""
from __future__ import annotations

import re

# Words that end in a period without ending the sentence.  Lower-cased, no dot.
ABBREVIATIONS = frozenset("""
mr mrs ms messrs mme mmes dr prof sen sens rep reps gov govs gen gens brig lt col maj capt cpt
sgt cpl pvt adm cmdr cdr rear vice adj supt insp det atty pres rev hon fr msgr sr jr st
no nos vol vols fig figs approx dept est ft mt
jan feb mar apr jun jul aug sep sept oct nov dec
mon tue tues wed thu thur thurs fri sat sun
ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb
nev okla ore pa tenn tex va vt wash wis wyo
""".split())

# Words that commonly open a sentence: after a dotted acronym ("in the U.S. The ...")
# they mark a real end; any other capitalised word is taken as running on.
OPENERS = frozenset("""
a an the this that these those it its he she they we i you his her their our my
but and or so yet however meanwhile still also in on at as after before when while if
there here then now later earlier today yesterday tomorrow what who why how where
some many most several no not
""".split())

_END = re.compile(r"(\.{3,}|…|[.!?]+)([\"'”’»)\]]*)(\s+)(?=(\S))")
_OPENING = "\"'“‘«[(¿¡"
_DATELINE = re.compile(r"\s*date\s+\d{4}-\d{2}-\d{2}(?:\s+[A-Z][A-Z&/-]+\b(?![a-z]))*")
_WS = " \t\ufeff\u00a0\u2009\u200a\u200b\u202f\u3000\f\v"
_WS_NL = _WS + "\n"


def _next_starts_sentence(para: str, k: int) -> bool:
    ch = para[k]
    if ch.isupper() or ch.isdigit():
        return True
    if ch in "“‘«\"'":
        rest = para[k + 1:k + 3].lstrip("“‘«\"'(")
        return bool(rest) and (rest[0].isupper() or rest[0].isdigit() or rest[0] in "(.…")
    return False


def _word_before(para: str, end: int) -> str:
    """The token that ends right before position `end` (where the period is)."""
    k = end
    while k > 0 and not para[k - 1].isspace() and para[k - 1] not in "(\"“‘'":
        k -= 1
    return para[k:end]


def _is_real_end(para: str, punct: str, p_start: int, nxt: int) -> bool:
    if punct.startswith("..") or punct == "…":
        return False  # an ellipsis runs on
    if not _next_starts_sentence(para, nxt):
        return False
    if punct != ".":
        return True
    tok = _word_before(para, p_start)
    if not tok:
        return True
    bare = tok.rstrip(".").lstrip("-–—")
    low = bare.lower()
    # (R-Calif.) style party-state tags
    if "-" in bare and low.split("-")[-1] in ABBREVIATIONS:
        return False
    if low in ABBREVIATIONS:
        return False
    if len(bare) == 1 and bare.isalpha() and bare.isupper():
        return False  # an initial: Rod J. Rosenstein
    if "." in bare and all(len(part) <= 2 for part in bare.split(".")):
        # dotted acronym (U.S., a.m., D.C.): an end only if a sentence opener follows
        m = re.match(r"[\"'“‘«(]*([A-Za-z]+)", para[nxt:nxt + 30])
        return bool(m) and m.group(1).lower() in OPENERS
    if bare.isdigit() and p_start - len(tok) <= 0:
        return False  # "1. " list numbering at the start of a paragraph
    return True


def split_paragraph(para: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within one paragraph, trimmed of spaces."""
    cuts = [0]
    m = _DATELINE.match(para)
    if m and para[m.end():].strip(_WS):
        cuts.append(m.end())
    for m in _END.finditer(para):
        punct = m.group(1)
        if _is_real_end(para, punct, m.start(1), m.start(4)):
            cuts.append(m.start(3))
    cuts.append(len(para))
    spans = []
    if len(cuts) == 2 and para and para[0] not in _WS_NL and para[-1] not in _WS_NL:
        return [(0, len(para))]        # one sentence, nothing to trim (most paragraphs)
    for a, b in zip(cuts, cuts[1:]):
        piece = para[a:b]
        left = len(piece) - len(piece.lstrip(_WS_NL))
        right = len(piece.rstrip(_WS_NL))
        if right > left:
            spans.append((a + left, a + right))
    return spans


def paragraphs(shown: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line."""
    out = []
    pos = 0
    for line in shown.split("\n"):
        if line.strip(_WS):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def segment(shown: str, paras: list[tuple[int, int]] | None = None
            ) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index) of every sentence unit, in text order (`paras`: the
    text's paragraphs(), when already found)."""
    out = []
    for p, (ps, pe) in enumerate(paragraphs(shown) if paras is None else paras):
        for a, b in split_paragraph(shown[ps:pe]):
            out.append((ps + a, ps + b, p))
    return out
