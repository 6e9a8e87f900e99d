"""Names of one country fold to one key: the country, its people, its capital.

News copy says "Beijing", "China" and "Chinese" for one actor, "Washington",
"U.S.", "US", "United States" and "American" for another.  A generic table of
countries (not of any one story) lets the aligner see that.
"""
from __future__ import annotations

import re

# canonical key: the words that name it (lower-case, single words; multi-word names
# are joined by _MULTI below before words are split)
_TABLE = {
    "usa": "america american americans washington usa",
    "china": "china chinese beijing prc",
    "canada": "canada canadian canadians ottawa",
    "russia": "russia russian russians moscow kremlin",
    "uk": "uk britain british briton britons london england english",
    "france": "france french paris",
    "germany": "germany german germans berlin",
    "japan": "japan japanese tokyo",
    "india": "india indian indians delhi",
    "ukraine": "ukraine ukrainian ukrainians kyiv kiev",
    "iran": "iran iranian iranians tehran",
    "israel": "israel israeli israelis",
    "taiwan": "taiwan taiwanese taipei",
    "northkorea": "pyongyang",
    "southkorea": "seoul",
    "turkey": "turkey turkish turkiye ankara",
    "mexico": "mexico mexican mexicans",
    "brazil": "brazil brazilian brasilia",
    "australia": "australia australian australians canberra",
    "italy": "italy italian italians rome",
    "spain": "spain spanish madrid",
    "poland": "poland polish warsaw",
    "egypt": "egypt egyptian egyptians cairo",
    "pakistan": "pakistan pakistani islamabad",
    "saudi": "saudi riyadh",
    "syria": "syria syrian syrians damascus",
    "iraq": "iraq iraqi iraqis baghdad",
    "afghanistan": "afghanistan afghan afghans kabul",
    "philippines": "philippines filipino manila",
    "vietnam": "vietnam vietnamese hanoi",
    "southafrica": "pretoria",
    "nigeria": "nigeria nigerian abuja",
    "kenya": "kenya kenyan nairobi",
    "cuba": "cuba cuban havana",
    "venezuela": "venezuela venezuelan caracas",
    "greece": "greece greek athens",
    "sweden": "sweden swedish stockholm",
    "norway": "norway norwegian oslo",
    "eu": "eu brussels",
}
PLACE = {w: k for k, words in _TABLE.items() for w in words.split()}

# multi-word and dotted names, replaced in the text before it is split into words
_MULTI = {
    "usa": r"\bU\.\s?S\.(?:\s?A\.)?|\bUSA\b|\bUS\b|\bUnited States(?: of America)?\b",
    "uk": r"\bU\.\s?K\.|\bUK\b|\bUnited Kingdom\b|\bGreat Britain\b",
    "northkorea": r"\bNorth Korea(?:n|ns)?\b",
    "southkorea": r"\bSouth Korea(?:n|ns)?\b",
    "southafrica": r"\bSouth Africa(?:n|ns)?\b",
    "saudi": r"\bSaudi Arabia(?:n|ns)?\b",
    "china": r"\bPeople[’']s Republic of China\b",
    "eu": r"\bEuropean Union\b",
    "delhi": r"\bNew Delhi\b",
}
# the look-ahead on the first letters lets the scan skip most positions at once
_MULTI_RX = re.compile("(?=[UNSGPEn])(?:" + "|".join(f"(?P<{k}>{rx})" for k, rx in _MULTI.items()) + ")")


def fold_places(text: str) -> str:
    """Multi-word and dotted country names become one word ("U.S." -> "usa")."""
    return _MULTI_RX.sub(lambda m: f" {m.lastgroup} ", text)
