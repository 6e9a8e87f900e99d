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

# multi-word and dotted names, replaced in the text before it is split into words; each
# with what every way of writing it holds (a text holding none of those is left alone)
_MULTI = {
    "usa": (("U",), r"\bU\.\s?S\.(?:\s?A\.)?|\bUSA\b|\bUS\b|\bUnited States(?: of America)?\b"),
    "uk": (("U", "Britain"), r"\bU\.\s?K\.|\bUK\b|\bUnited Kingdom\b|\bGreat Britain\b"),
    "northkorea": (("Korea",), r"\bNorth Korea(?:n|ns)?\b"),
    "southkorea": (("Korea",), r"\bSouth Korea(?:n|ns)?\b"),
    "southafrica": (("Africa",), r"\bSouth Africa(?:n|ns)?\b"),
    "saudi": (("Saudi",), r"\bSaudi Arabia(?:n|ns)?\b"),
    "china": (("Republic",), r"\bPeople[’']s Republic of China\b"),
    "eu": (("U",), r"\bEuropean Union\b"),
    "delhi": (("Delhi",), r"\bNew Delhi\b"),
}
FOLDED = frozenset(_MULTI)       # the one-word keys fold_places writes
# most sentences hold none of these, and a substring test is far cheaper than the scan
_NEEDLES = tuple(dict.fromkeys(n for needles, _ in _MULTI.values() for n in needles))
# the look-ahead on the first letters lets the scan skip most positions at once
_MULTI_RX = re.compile("(?=[UNSGPEn])(?:" + "|".join(
    f"(?P<{k}>{rx})" for k, (_, rx) in _MULTI.items()) + ")")


def _key(m: re.Match) -> str:
    return f" {m.lastgroup} "


def fold_places(text: str) -> str:
    """Multi-word and dotted country names become one word ("U.S." -> "usa")."""
    for n in _NEEDLES:
        if n in text:
            return _MULTI_RX.sub(_key, text)
    return text


# More countries than PLACE holds (that table serves the aligner; this one tells which
# country a speaker speaks for): name, people, capital; word or two words -> country key.
_MORE = """
argentina argentine argentinian buenos_aires | austria austrian vienna | belgium belgian |
chile chilean | colombia colombian bogota | denmark danish copenhagen |
finland finnish helsinki | hungary hungarian budapest | indonesia indonesian jakarta |
ireland irish dublin | jordanian amman | lebanon lebanese beirut | libya libyan tripoli |
malaysia malaysian kuala_lumpur | morocco moroccan rabat | netherlands dutch hague amsterdam |
zealand wellington | peru peruvian | portugal portuguese lisbon | qatar qatari doha |
romania romanian bucharest | serbia serbian belgrade | singapore singaporean |
switzerland swiss bern | thailand thai bangkok | tunisia tunisian tunis |
yemen yemeni sanaa | ethiopia ethiopian addis_ababa | ghana ghanaian accra |
sudan sudanese khartoum | somalia somali mogadishu | algeria algerian algiers |
bangladesh bangladeshi dhaka | myanmar burmese naypyidaw | nepal nepalese kathmandu |
kazakhstan kazakh astana | tbilisi | armenia armenian yerevan |
azerbaijan azerbaijani baku | belarus belarusian minsk | lithuania lithuanian vilnius |
latvia latvian riga | estonia estonian tallinn | czech prague | slovakia slovak bratislava |
croatia croatian zagreb | bulgaria bulgarian | cyprus cypriot nicosia |
iceland icelandic reykjavik | ecuador ecuadorian quito | bolivia bolivian |
uruguay uruguayan montevideo | paraguay paraguayan | panama panamanian |
guatemala guatemalan | honduras honduran | nicaragua nicaraguan managua |
haiti haitian | jamaica jamaican | senegal senegalese dakar | mali malian bamako |
niger nigerien niamey | chadian | cameroon cameroonian | congo congolese kinshasa |
uganda ugandan kampala | tanzania tanzanian | rwanda rwandan kigali | zimbabwe zimbabwean harare |
zambia zambian lusaka | angola angolan luanda | mozambique mozambican | kuwait kuwaiti |
bahrain bahraini | oman omani muscat | emirates emirati abu_dhabi dubai | palestine palestinian |
gaza | sri_lanka colombo | cambodia cambodian phnom_penh | laos laotian vientiane |
mongolia mongolian ulaanbaatar | uzbekistan uzbek tashkent | moldova moldovan chisinau |
"""
MORE_PLACES: dict[str, str] = {}
for _grp in _MORE.split("|"):
    _ws = _grp.split()
    if _ws:
        for _x in _ws:
            MORE_PLACES[_x.replace("_", " ")] = _ws[0].replace("_", "")


_ADJ_ENDS = ("an", "ese", "ish", "i", "ch", "ss", "ic")


def adjective(key: str) -> str | None:
    """A country's adjective ("israel" -> "Israeli", "usa" -> "American"), None if the
    tables hold none."""
    rows = [_TABLE.get(key, "").split()] + [g.split() for g in _MORE.split("|")
                                            if key in g.split()]
    for words in rows:
        for w in words[1:] if words and words[0] == key else words:
            if w != key and w.endswith(_ADJ_ENDS) and "_" not in w:
                return w[:1].upper() + w[1:]
    return None
