"""Article metadata (title, outlet, date, byline) and boilerplate roles.

Everything is read from the text's own clues; unknown stays None.

Boilerplate is decided per paragraph, from the shape of news pages rather than
from any one outlet:
- body prose ends its paragraph with sentence punctuation; a paragraph that
  does not (a headline, subheading, caption, byline, video title) is page
  furniture;
- lines that are pure dates, "date YYYY-MM-DD" datelines, separators;
- read-more, source, credit and video-player lines, by their wording;
- a top block of several lines not separated by blank lines, in an article
  whose paragraphs are otherwise blank-line separated, is the page header
  (headline, standfirst, caption, byline, date).
"""
from __future__ import annotations

import re
from datetime import date as _date

from .outlets import is_section

MONTHS = {m: k for k, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: k for m, k in list(MONTHS.items())})

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAYNAME = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_DATE_PATTERNS = [
    (re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"), "ymd"),
    (re.compile(_DAYNAME + r"(" + _MONTH + r")\s+(\d{1,2}),?\s+(\d{4})", re.I), "mdy"),
    (re.compile(_DAYNAME + r"(\d{1,2})\s+(" + _MONTH + r")\s+(\d{4})", re.I), "dmy"),
]
_DATE_LINE_WORDS = re.compile(
    r"^(?:date|published|updated|posted|last updated|first published|on)?[:\s]*", re.I)

_TERMINAL = re.compile(r"[.!?…:;,]['\"”’»)\]]*\s*$|[.!?]\s*['\"”’»]\s*$")
_SEPARATOR = re.compile(r"^[\W_]+$")
_READ_MORE = re.compile(
    r"^(?:read more|read next|read also|more:|related(?: articles?| stories| coverage)?\b|see also|"
    r"recommended|also read|watch:|listen:|source\s*:|sources?\s*:|source link\b|"
    r"advertisement\b|sponsored\b|sign up\b|subscribe\b|click here\b|follow us\b|share this\b|"
    r"copyright\b|©|all rights reserved)", re.I)
_CREDIT = re.compile(
    r"(?:\bcontributed to this (?:report|story|article)\b|^(?:additional )?reporting by\b|"
    r"^(?:editing|writing|compiled|produced) by\b)", re.I)
_VIDEO = re.compile(r"(?:video player|please use chrome|enable javascript|watch the video|"
                    r"your browser does not support|"
                    r"\b(?:has|have) (?:that|the|this|more on (?:this|that)) (?:story|report)\b)", re.I)
# a line that only introduces what follows (an embedded tweet, a quoted report):
# "Jennifer Doe of Daily News tweeted", "As Example.com reported:", "The senator said in a tweet."
_LEAD_IN = re.compile(
    r"^(?:as\s+)?(?:[\w.'’&-]+\s+){0,8}?(?:tweeted|tweets|wrote|writes|posted|posts|said|says|"
    r"reported|reports|added|announced|noted|explained)"
    r"(?:\s+(?:on|in|via)\s+(?:twitter|a\s+tweet|a\s+statement|facebook|instagram|a\s+post|"
    r"social\s+media))?\s*[:.]?$", re.I)
# a note left by whoever collected the text: "[Paragraph missing]", "(Photo removed.)"
_NOTE = re.compile(
    r"^\[[^\]]{2,80}\]\.?$|^\(?(?:[\w'’-]+\s+){0,5}?(?:paragraph|text|image|photo|video|section|"
    r"sentence|graphic|chart)s?\s+(?:\([^()]*\)\s+)?(?:is\s+|was\s+|are\s+|were\s+|has\s+been\s+)?"
    r"(?:missing|removed|omitted|unavailable|not\s+available|cut)\b[^()]{0,20}\)?\.?$", re.I)
_CAPTION_CUE = re.compile(
    r"(?:\bpictured\b|\bin this (?:picture|photo|image|handout)\b|\bphoto(?:graph)?:|"
    r",\s*(?:left|right|center|centre|second from (?:left|right))\s*,|"
    r"\((?:left|right|center|centre)\)|"
    r"^(?:a |an |the |this )?(?:photo(?:graph)?|picture|image|handout)\b[^.]{0,120}\bshows?\b|"
    r"/\s*(?:AP|AFP|Reuters|Getty(?: Images)?|EPA|PA)\s*\)?\s*$|\((?:[^()]*/)?(?:via )?"
    r"(?:AP|AFP|Reuters|Getty Images|EPA|PA|Shutterstock)[^()]*\)\s*$|\bGetty Images\b)",
    re.I)
_SOURCE = re.compile(r"^source\s*:\s*([^\n]+?)(?:\s+and agencies)?\s*$", re.I)
_READ_MORE_AT = re.compile(r"^read more (?:at|on)\s+(\S+?)\.?$", re.I)
_BYLINE = re.compile(r"^(?:by\s+)?([A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|da|bin|al)){1,4})$")
_WIRE = re.compile(r"\b([A-Z][\w&.]+(?:\s+[A-Z][\w&.]+){0,3})\s+contributed to this\b")


_HAS_DIGITS4 = re.compile(r"\d{4}")


_CAPTION_HINTS = ("pictur", "photo", "image", "handout", "left", "right", "center", "centre",
                  "getty", "/", "(")


def _maybe_caption(t: str) -> bool:
    """Cheap test before the caption regex: one of its words is there."""
    low = t.lower()
    return any(h in low for h in _CAPTION_HINTS)


def _maybe_credit(t: str, low: str) -> bool:
    """Cheap test before the credit regex: its words are there."""
    return "ontributed" in t or low.startswith(("additional", "reporting", "editing", "writing",
                                                 "compiled", "produced"))


def find_date(s: str) -> str | None:
    if not _HAS_DIGITS4.search(s):  # every pattern has a four-digit year
        return None
    for rx, order in _DATE_PATTERNS:
        m = rx.search(s)
        if not m:
            continue
        g = m.groups()
        try:
            if order == "ymd":
                y, mo, d = int(g[0]), int(g[1]), int(g[2])
            elif order == "mdy":
                mo, d, y = MONTHS[g[0].lower().rstrip(".")[:3]], int(g[1]), int(g[2])
            else:
                d, mo, y = int(g[0]), MONTHS[g[1].lower().rstrip(".")[:3]], int(g[2])
            return _date(y, mo, d).isoformat()
        except (KeyError, ValueError):
            continue
    return None


def is_date_line(s: str) -> bool:
    """A line that is a date and little else ("February 3, 2023", "date 2023-02-03 WORLD")."""
    if len(s) > 60 or not find_date(s):
        return False
    rest = s
    for rx, _ in _DATE_PATTERNS:
        rest = rx.sub(" ", rest)
    rest = _DATE_LINE_WORDS.sub("", rest.strip())
    rest = re.sub(r"\b\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\b|\b(?:GMT|UTC|EST|EDT|BST|ET)\b", " ", rest, flags=re.I)
    # what is left may be a section tag ("WORLD") or separators
    words = re.findall(r"[^\W\d_]+", rest)
    return all(w.isupper() for w in words) and len(words) <= 3


_SENTENCE_END = re.compile(r"[a-z0-9)]{2}[.!?][\"'”’]?\s+[\"“‘']?[A-Z]")
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def headline_shaped(t: str, rest: int) -> bool:
    """A first paragraph that reads as a headline although it ends like prose ("Storm
    Closes Port." / "Port closes as storm hits."): short, and one sentence (two in Title
    Case: "Storm Closes Port. Here's What Comes Next."), with the article still to come."""
    words = t.split()
    if rest < 4 or len(words) > 22:
        return False
    ends = len(_SENTENCE_END.findall(t))
    if ends == 0:
        return True
    long_words = _TITLE_WORD.findall(t)
    title_case = bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words)
    return ends == 1 and title_case


def ends_like_prose(para: str) -> bool:
    return bool(_TERMINAL.search(para.rstrip(" \t\u00a0\ufeff")))


def _norm(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def split_title_suffix(line: str) -> tuple[str, str | None]:
    """'Headline | Site' -> ('Headline', 'Site')."""
    m = re.match(r"^(.{12,}?)\s+[|]\s+([^|]{2,40})$", line.strip())
    if m:
        return m.group(1).strip(), m.group(2).strip()
    return line.strip(), None


def describe(shown: str, paras: list[tuple[int, int]], units: list[tuple[int, int, int]]):
    """Returns (metadata dict, roles per unit: None for body prose)."""
    ptext = [shown[a:b].strip(" \t\u00a0\ufeff") for a, b in paras]
    n = len(paras)
    proles: list[str | None] = [None] * n
    meta: dict[str, str | None] = {"title": None, "outlet": None, "date": None,
                                   "byline": None, "wire": None}

    # blank-line blocks: paragraphs k and k+1 are in one block when only "\n" separates them
    block = [0] * n
    for k in range(1, n):
        gap = shown[paras[k - 1][1]:paras[k][0]]
        block[k] = block[k - 1] + (1 if gap.count("\n") > 1 else 0)
    n_blocks = block[-1] + 1 if n else 0

    # the page header: a leading multi-line block (of at most 6 lines) in a blank-line-separated article
    header: set[int] = set()
    if n_blocks >= 4:
        for b in (0, 1):
            members = [k for k in range(n) if block[k] == b]
            if 2 <= len(members) <= 6:
                header.update(members)
                break
            if len(members) > 1 or (members and ends_like_prose(ptext[members[0]])):
                break

    title_k = None
    for k, t in enumerate(ptext):
        if is_date_line(t) or _SEPARATOR.match(t) or not t:
            continue
        if k <= 3 and (not ends_like_prose(t) or headline_shaped(t, n - k)):
            title_k = k
        break
    if title_k is not None:
        title, suffix = split_title_suffix(ptext[title_k])
        if ends_like_prose(title):
            title = title.rstrip(".")
        meta["title"] = title
        if suffix and not is_section(suffix):     # "| US News" is a section, not a site
            meta["outlet"] = suffix
    title_norm = _norm(meta["title"] or "")

    prev_video = False
    for k, t in enumerate(ptext):
        role = None
        low = t[:40].lower()
        if _SEPARATOR.match(t):
            role = "separator"
        elif is_date_line(t):
            role = "dateline"
            meta["date"] = meta["date"] or find_date(t)
        elif len(t) < 120 and _VIDEO.search(t):
            role = "video notice"
        elif _READ_MORE.match(t):
            role = "read-more"
        elif _maybe_credit(t, low) and _CREDIT.search(t):
            role = "credit"
        elif k == title_k:
            role = "headline"
        elif title_norm and _norm(split_title_suffix(t)[0]) == title_norm:
            role = "headline (repeated)"
        elif prev_video and len(t.split()) <= 14:
            role = "video title"
        elif len(t) < 100 and _LEAD_IN.match(t):
            role = "lead-in"
        elif len(t) < 120 and _NOTE.match(t):
            role = "note"
        elif not ends_like_prose(t) or k in header:
            words = t.split()
            if _CAPTION_CUE.search(t):
                role = "caption"
            elif (k in header or k < 6) and _BYLINE.match(t) and not _norm(t) == title_norm \
                    and len(words) <= 5:
                role = "byline"
                meta["byline"] = meta["byline"] or re.sub(r"^by\s+", "", t, flags=re.I)
            elif k in header and ends_like_prose(t):
                role = "standfirst"
            elif len(words) <= 12:
                role = "subheading"
            else:
                role = "caption"
        elif len(t) < 300 and _maybe_caption(t) and _CAPTION_CUE.search(t) and (
                t.rstrip().endswith(")") or len(_SENTENCE_END.findall(t)) <= 1):
            role = "caption"  # a caption runs to two sentences ("X, left, and Y. X briefed Y.")
        proles[k] = role
        prev_video = role == "video notice"

        # metadata clues
        if role == "read-more" and not meta["outlet"]:
            m = _SOURCE.match(t) or _READ_MORE_AT.match(t)
            if m:
                meta["outlet"] = m.group(1).strip()
        if role == "credit" and not meta["wire"]:
            m = _WIRE.search(t)
            if m:
                meta["wire"] = m.group(1)
        if role == "dateline" and not meta["date"]:
            meta["date"] = find_date(t)

    # a dateline prefix split off a body line ("date 2023-02-03 Canada said ...")
    roles: list[str | None] = []
    for a, b, p in units:
        r = proles[p]
        if r is None and is_date_line(shown[a:b]):
            r = "dateline"
            meta["date"] = meta["date"] or find_date(shown[a:b])
        roles.append(r)
    return meta, roles
