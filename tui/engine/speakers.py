"""Who is speaking: reading a speaker's noun phrase, and one name per speaker.

Pure Python over plain tokens; no models.  ``quotes.py`` finds the quotation marks and
the speech cues and calls in here for the noun phrase that names the speaker
(``np_back`` / ``np_fwd`` / ``analyse_np``).  ``Registry`` then gives every person or
organisation one entity per article, and ``merge`` folds them across articles into
canonical speakers ("Pat Ryder", "Ryder" and "Pentagon press secretary Brig. Gen.
Patrick Ryder" -> "Patrick Ryder").

The word lists are generic (titles, organisation and media words, speech verbs); none
is about one story.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass, field

from .places import PLACE, fold_places
from .segment import ABBREVIATIONS

# ---------------------------------------------------------------- tokens

# dotted acronyms (U.S.), words with inner apostrophes/hyphens and a possessive s’,
# or one punctuation character.  \x02 / \x03 stand for a masked quotation.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:[’'\-][^\W_]+)*(?:[’'](?=\s|$))?|[^\w\s]")


@dataclass(slots=True, eq=False)
class Tok:
    text: str
    start: int
    end: int
    low: str        # lower-cased, no trailing period, ’ -> '
    word: bool
    cap: bool


_PARTY_TAG = re.compile(r"[A-Za-z]-[A-Za-z]+")


def tokenize(s: str, offset: int = 0) -> list[Tok]:
    out: list[Tok] = []
    append = out.append
    for m in _TOKEN.finditer(s):
        t = m.group()
        a = m.start() + offset
        if t == ".":
            if out:
                prev = out[-1]
                if prev.word and prev.end == a and (
                        prev.low in ABBREVIATIONS or prev.low in TITLES
                        or (len(prev.text) == 1 and prev.text.isupper())
                        or _PARTY_TAG.fullmatch(prev.text)):
                    prev.text += "."
                    prev.end += 1
                    continue
            append(Tok(t, a, a + 1, t, False, False))
            continue
        c = t[0]
        word = c.isalnum()
        low = t.lower()
        if "’" in low:
            low = low.replace("’", "'")
        if low[-1] == ".":
            low = low.rstrip(".")
        append(Tok(t, a, a + len(t), low, word, word and c.isupper()))
    return out


# ---------------------------------------------------------------- lexicons

def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


DETERMINERS = _w("a an the this that these those one two three four several some many other "
                 "another both its their his her")
PRONOUNS = _w("he she they it who which")
# capitalised at a sentence start, but never part of a name
FUNC_CAP = _w("""
a an the this that these those it its he she they we i you his her their our my but and or so
yet however meanwhile still also in on at as after before when while if there here then now later
earlier today yesterday tomorrow what who why how where some many most several no not
moreover furthermore indeed instead thus therefore asked speaking according read more source
watch video breaking update exclusive opinion analysis photo pictured related please date
said says told added adding separately elsewhere previously last next since until during amid
with without from for by to of about over under into through among despite following given
even only just both each every all any nor neither either whether although though because once
""")
TITLES = _w("""
mr mrs ms miss mx dr prof sen senator rep representative congressman congresswoman gov governor
gen general brig lt col colonel maj major capt captain sgt adm admiral cmdr commander president
vice secretary speaker minister premier chancellor mayor ambassador judge justice prince princess
king queen sheikh pope bishop rev reverend sir dame lord lady chairman chairwoman chair director
chief deputy spokesman spokeswoman spokesperson leader ceo cfo coo founder professor attorney
counsel envoy inspector commissioner superintendent sheriff officer detective sergeant
lieutenant corporal private marshal chancellor councillor councilor assemblyman assemblywoman
delegate senior junior former acting
""")
ORG_WORDS = _w("""
department ministry pentagon kremlin office agency command committee council commission court
government administration army navy force forces guard police service services bureau institute
university college school hospital bank corp corporation inc ltd llc company co group association
union federation party parliament congress senate assembly embassy consulate national federal
state defense defence foreign affairs security intelligence health justice treasury interior
homeland joint chiefs staff military armed air board authority center centre foundation
organization organisation cabinet presidency secretariat directorate house commons lords
network airlines airline nations bureau fund reserve exchange coalition alliance front
center centre institute ministry
""")
MEDIA_WORDS = _w("""
times post news daily journal herald gazette tribune telegraph guardian reuters ap afp xinhua
bbc cnn msnbc fox nbc abc cbs npr pbs bloomberg politico axios magazine press mail express
independent observer chronicle economist tass ria sputnik kyodo yonhap radio television tv
broadcasting broadcaster wire insider examiner mirror standard dispatch bulletin
""")
ANON_HEADS = _w("""
official officials source sources diplomat diplomats aide aides insider insiders officer officers
person people spokesman spokeswoman spokesperson lawmaker lawmakers staffer staffers authorities
investigators investigator analyst analysts witness witnesses resident residents expert experts
representative representatives member members economist economists engineer engineers scientist
scientists researcher researchers lawyer lawyers doctor doctors historian critic critics
campaigner campaigners activist activists negotiator negotiators prosecutor prosecutors
legislator legislators strategist pollster commentator columnist editor reporter correspondent
pilot driver worker workers farmer farmers nurse surgeon man woman men women
""")
DOC_HEADS = _w("""
statement statements announcement report document documents letter memo filing complaint
indictment ruling order release notice post tweet readout transcript assessment study survey
communique communiqué decree directive guidance affidavit lawsuit motion summary editorial
""")
STATEMENT_HEADS = _w("statement announcement release readout communique communiqué notice")
ORG_HEADS = _w("""
ministry department government agency embassy military army navy police office administration
regime company firm command parliament council committee court mission consulate cabinet
presidency force forces service bureau commission
""")
MEDIA_HEADS = _w("newspaper media tabloid broadcaster outlet daily mouthpiece network")
GENERIC_ORG = _w("government administration regime authorities state leadership")
ROLE_LOWER = _w("""
former acting deputy top senior junior chief foreign defense defence press secretary minister
spokesman spokeswoman spokesperson official officer director head chairman chairwoman chair
commander leader envoy ambassador lawmaker senator governor mayor president prime state general
attorney counsel adviser advisor aide member analyst expert professor national security
intelligence military government administration regional local federal provincial municipal
party opposition ruling state-run state-owned state-backed retired unnamed anonymous high-ranking
high-level veteran longtime current u.s us white interior health justice trade finance economic
public police army navy air force affairs ministry department embassy agency office cabinet
economist engineer scientist researcher lawyer doctor historian author executive manager owner
founder teacher economists engineers scientists researchers lawyers doctors critics critic
campaigner campaigners activist activists negotiator negotiators prosecutor prosecutors
investigator lawmaker legislator legislators strategist pollster commentator columnist editor
reporter correspondent pilot captain driver worker workers farmer farmers nurse surgeon
""") | ORG_HEADS | MEDIA_HEADS | ANON_HEADS | DOC_HEADS
PARTY = _w("republican republicans democrat democrats democratic conservative conservatives "
           "labour liberal liberals communist communists socialist tory tories green greens gop")
PARTICLES = _w("von van der den de la le da di du bin al el ibn ben dos das")
CONNECT_OF = _w("of for on at in")
DAYS = _w("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur "
          "thurs fri sat sun january february march april may june july august september "
          "october november december jan feb mar apr jun jul aug sep sept oct nov dec")

NICKNAMES = {
    "tom": "thomas", "tommy": "thomas", "mike": "michael", "bill": "william", "will": "william",
    "bob": "robert", "rob": "robert", "bobby": "robert", "jim": "james", "jimmy": "james",
    "joe": "joseph", "dick": "richard", "rick": "richard", "pat": "patrick", "tony": "anthony",
    "chris": "christopher", "dan": "daniel", "dave": "david", "ed": "edward", "ted": "edward",
    "jeff": "jeffrey", "ken": "kenneth", "liz": "elizabeth", "beth": "elizabeth",
    "kate": "katherine", "kathy": "katherine", "sam": "samuel", "steve": "steven",
    "ben": "benjamin", "alex": "alexander", "andy": "andrew", "nick": "nicholas",
    "matt": "matthew", "greg": "gregory", "jon": "jonathan", "larry": "lawrence",
    "chuck": "charles", "charlie": "charles", "don": "donald", "ron": "ronald", "jerry": "gerald",
    "fred": "frederick", "hank": "henry", "harry": "henry", "jack": "john", "johnny": "john",
    "jen": "jennifer", "jenny": "jennifer", "sue": "susan", "meg": "margaret", "peggy": "margaret",
    "vic": "victor", "zach": "zachary", "josh": "joshua", "nate": "nathan", "phil": "philip",
    "walt": "walter", "al": "albert", "abe": "abraham", "barb": "barbara", "deb": "deborah",
    "nancy": "ann", "dmitry": "dmitri", "sergey": "sergei",
}


@lru_cache(maxsize=8192)
def fold(s: str) -> str:
    """Lower-case, accents off, ’ -> '."""
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


# More countries than places.PLACE holds (that table serves the aligner): name, people, capital.
_MORE_PLACES = """
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
_EXTRA_PLACE: dict[str, str] = {}
for _grp in _MORE_PLACES.split("|"):
    _ws = _grp.split()
    if _ws:
        for _x in _ws:
            _EXTRA_PLACE[_x.replace("_", " ")] = _ws[0].replace("_", "")
_KEYS = ("usa", "uk", "northkorea", "southkorea", "southafrica", "saudi", "eu")


def _place_of_word(w: str) -> str | None:
    if w in PLACE:
        return PLACE[w]
    if w in _KEYS:
        return w
    return _EXTRA_PLACE.get(w)


@lru_cache(maxsize=8192)
def place_key(text: str) -> str | None:
    """'Canada', 'Canadian', 'the United States', 'U.S.' -> a country key (else None)."""
    words = re.findall(r"[a-z]+", fold(fold_places(text)))
    words = [w for w in words if w not in ("the", "s")]
    if len(words) == 1:
        return _place_of_word(words[0])
    if len(words) == 2:
        return _EXTRA_PLACE.get(" ".join(words))
    return None


@lru_cache(maxsize=4096)
def _places_in(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z]+", fold(fold_places(text)))
    out = set()
    for w in words:
        k = _place_of_word(w)
        if k:
            out.add(k)
    return frozenset(out)


def _bare(low: str) -> str:
    """Possessive off: canada's -> canada, arkansas' -> arkansas."""
    if low.endswith("'s"):
        return low[:-2]
    if low.endswith("s'"):
        return low[:-1]
    return low


def _is_poss(t: Tok) -> bool:
    return t.word and (t.low.endswith("'s") or t.low.endswith("s'"))


_SHOUTED = re.compile(r"[A-Z]{3,}(?:ED|ING|ES)")


def _is_name_tok(t: Tok) -> bool:
    """A capitalised word that can be part of a proper name."""
    if not t.word or not t.cap:
        return False
    b = _bare(t.low)
    return b not in FUNC_CAP and b not in DAYS and not _SHOUTED.fullmatch(t.text)


def _np_word(t: Tok) -> bool:
    """Words a speaker's noun phrase is made of (besides determiners and connectors)."""
    if not t.word:
        return False
    if _is_name_tok(t):
        return True
    b = _bare(t.low)
    return b in ROLE_LOWER or b in PARTY or b in TITLES or (_is_poss(t) and not t.cap)


# ---------------------------------------------------------------- noun phrases

def np_back(toks: list[Tok], j: int, lo: int) -> tuple[int, int] | None:
    """The speaker-like noun phrase that ends at token j (inclusive), not before lo."""
    if j < lo:
        return None
    end = j
    k = j
    if toks[k].text == ")":  # (R-Calif.) after the name
        m = k - 1
        while m >= lo and toks[m].text != "(" and k - m < 8:
            m -= 1
        if m < lo or toks[m].text != "(":
            return None
        k = m - 1
    if k < lo:
        return None
    t = toks[k]
    if t.word and t.low in PRONOUNS:
        return (k, end)
    i = k
    first = None
    while i >= lo:
        t = toks[i]
        if t.word and t.low in DETERMINERS and first is not None:
            first = i
            # "a spokesman for the Chinese foreign ministry": go on past the preposition
            if i - 2 >= lo and toks[i - 1].word and toks[i - 1].low in CONNECT_OF \
                    and _np_word(toks[i - 2]) and not _is_name_tok(toks[i - 2]) \
                    or i - 2 >= lo and toks[i - 1].low in ("of", "on") and _np_word(toks[i - 2]):
                first = i - 1
                i -= 2
                continue
            break
        if _np_word(t):
            first = i
            i -= 1
            continue
        if first is not None and t.word and t.low in ("and", "&") and i - 1 >= lo \
                and _is_name_tok(toks[i - 1]) and _is_name_tok(toks[i + 1]):
            first = i
            i -= 1
            continue
        if first is not None and t.word and (t.low in CONNECT_OF or t.low in PARTICLES):
            nxt = toks[i + 1]
            if _is_name_tok(nxt) or (nxt.low == "the" and i + 2 <= end and _is_name_tok(toks[i + 2])) \
                    or (t.low in PARTICLES and nxt.cap):
                first = i
                i -= 1
                continue
        if first is not None and t.text == ")" :
            break
        break
    if first is None:
        return None
    # connectors cannot open a phrase
    while first <= k and toks[first].word and (toks[first].low in CONNECT_OF
                                               or toks[first].low in ("and", "&")):
        first += 1
    if first > k:
        return None
    return (first, end)


def np_fwd(toks: list[Tok], i: int, hi: int) -> tuple[int, int] | None:
    """The speaker-like noun phrase that starts at token i (before hi)."""
    if i >= hi:
        return None
    t = toks[i]
    if t.word and t.low in PRONOUNS:
        return (i, i)
    k = i
    if t.word and t.low in DETERMINERS:
        k += 1
    last = None
    while k < hi:
        t = toks[k]
        if _np_word(t):
            last = k
            k += 1
            continue
        if last is not None and t.word and (t.low in CONNECT_OF or t.low in PARTICLES
                                            or t.low in ("and", "&")) and k + 1 < hi:
            nxt = toks[k + 1]
            if t.low in ("and", "&"):
                if _is_name_tok(toks[last]) and _is_name_tok(nxt):
                    k += 1
                    continue
                break
            if _is_name_tok(nxt) or (nxt.low == "the" and k + 2 < hi and _is_name_tok(toks[k + 2])):
                k += 2 if nxt.low == "the" else 1
                continue
        break
    if last is None:
        return None
    if last + 1 < hi and toks[last + 1].text == "(":
        m = last + 1
        while m < hi and toks[m].text != ")" and m - last < 8:
            m += 1
        if m < hi and toks[m].text == ")":
            last = m
    return (i, last)


@dataclass(slots=True)
class Mention:
    start: int                  # offsets of the whole phrase
    end: int
    text: str
    kind: str                   # person organisation media anonymous document place pronoun
    name: str                   # the proper name, or the description
    role: str = ""
    country: str | None = None  # country key the phrase ties it to (Canada's ..., Chinese ...)
    plural: bool = False
    level: int = 2              # 0 place, 1 government/statement, 2 specific
    head: str = ""              # head noun of a description ("official")
    definite: bool = False
    surname: str = ""
    first: str = ""
    parts: tuple[str, ...] = ()  # joint speakers


def _span_text(text: str, toks: list[Tok], a: int, b: int) -> str:
    return " ".join(text[toks[a].start:toks[b].end].split())


def _person_like(ts: list[Tok]) -> bool:
    if not 1 <= len(ts) <= 4:
        return False
    for t in ts:
        b = _bare(t.low)
        if t.low in PARTICLES:
            continue
        if not t.cap or b in ORG_WORDS or b in MEDIA_WORDS or b in TITLES or b in PARTY:
            return False
        if place_key(t.text) and len(ts) == 1:
            return False
        if t.text.isupper() and len(t.text) > 1 and len(ts) == 1:
            return False
    return True


_NOT_SPEAKERS = _w("something nothing anything everything one time way thing things")


def analyse_np(text: str, toks: list[Tok], a: int, b: int, outlets: frozenset[str] = frozenset(),
               appos: tuple[int, int] | None = None, loose: bool = False) -> Mention | None:
    """Read the noun phrase toks[a..b] (plus an apposition) as a speaker mention."""
    start, end = toks[a].start, toks[b].end
    full = text[start:end]
    if appos:
        end = max(end, toks[appos[1]].end)
        full = text[min(start, toks[appos[0]].start):end]
        start = min(start, toks[appos[0]].start)
    surface = " ".join(full.split())
    ts = [t for t in toks[a:b + 1]]
    role_extra = _span_text(text, toks, appos[0], appos[1]) if appos else ""
    if len(ts) == 1 and ts[0].low in PRONOUNS:
        return Mention(start, end, surface, "pronoun", ts[0].low, plural=ts[0].low == "they")
    # parenthetical tags off
    core: list[Tok] = []
    depth = 0
    for t in ts:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            core.append(t)
    if not core:
        return None
    definite = core[0].low in ("the", "this", "that", "these", "those")
    while core and core[0].word and core[0].low in DETERMINERS:
        core = core[1:]
    if not core:
        return None
    # joint speakers: Name and Name
    if any(t.low in ("and", "&") for t in core):
        k = next(i for i, t in enumerate(core) if t.low in ("and", "&"))
        left, right = _strip_titles(core[:k]), _strip_titles(core[k + 1:])
        if left and right and _person_like(left) and _person_like(right) and len(left) > 1 \
                and len(right) > 1:
            n1 = " ".join(t.text for t in left)
            n2 = " ".join(t.text for t in right)
            return Mention(start, end, surface, "person", f"{n1} and {n2}", role=role_extra,
                           parts=(n1, n2), plural=True,
                           surname=fold(right[-1].text), first="")
    # the head is what precedes of/for/on/at/in (unless "of" sits inside a proper name)
    head = core
    tail: list[Tok] = []
    for i, t in enumerate(core):
        if i == 0 or not t.word:
            continue
        if t.low in ("of", "for", "on", "at", "in"):
            prev, nxt = core[i - 1], core[i + 1] if i + 1 < len(core) else None
            pb = _singular(_bare(prev.low))
            if t.low in ("of", "for") and _is_name_tok(prev) and nxt is not None and (
                    _is_name_tok(nxt) or nxt.low == "the") and (
                    pb in ORG_WORDS or pb in TITLES or _bare(prev.low) in ORG_WORDS):
                continue  # Department of National Defence, Department for Transport
            head, tail = core[:i], core[i:]
            break
    tail_text = " ".join(t.text for t in tail)
    country = None
    for t in head + tail:
        if t.word and (t.cap or _bare(t.low) in ("us", "u.s")):
            pk = place_key(_bare(t.text.replace("’", "'")))
            if pk:
                country = country or pk
    last = head[-1]
    lastb = _bare(last.low)
    common = len(head) == 1 and last.cap and not last.text.isupper() and (
        lastb in ANON_HEADS or lastb in DOC_HEADS or lastb in MEDIA_HEADS
        or lastb in ("police", "prosecutors", "authorities"))  # "Officials said", sentence-initial
    if not last.cap or common or lastb in PARTY or lastb in TITLES and lastb not in ORG_WORDS:
        # a description: "the senior defense official", "China's foreign ministry"
        desc = " ".join(t.text for t in head)
        plural = lastb.endswith("s") and not lastb.endswith("ss") and lastb not in (
            "press", "news", "forces", "affairs", "chiefs", "us")
        if lastb in ANON_HEADS:
            return Mention(start, end, surface, "anonymous", desc, role=_join(tail_text, role_extra),
                           country=country, plural=plural, head=_singular(lastb),
                           definite=definite)
        if lastb in DOC_HEADS:
            lvl = 1 if lastb in STATEMENT_HEADS else 2
            return Mention(start, end, surface, "document", desc, role=_join(tail_text, role_extra),
                           country=country, level=lvl, head=lastb, definite=definite)
        if lastb in MEDIA_HEADS:
            return Mention(start, end, surface, "media", desc, role=_join(tail_text, role_extra),
                           country=country, head=lastb, definite=definite)
        if lastb in ORG_HEADS or lastb in GENERIC_ORG:
            content = [t for t in head if not (place_key(_bare(t.text)) or _is_poss(t))]
            generic = all(_bare(t.low) in GENERIC_ORG for t in content)
            name = " ".join(t.text for t in head if not _is_poss(t) and not place_key(_bare(t.text)))
            return Mention(start, end, surface, "organisation", name or desc,
                           role=_join(tail_text, role_extra), country=country,
                           level=1 if generic else 2, head=lastb, definite=definite)
        if lastb in TITLES or (loose and last.word and last.low.isalpha() and len(head) <= 4
                               and lastb not in FUNC_CAP and lastb not in _NOT_SPEAKERS):
            # "the president", "the Speaker"; loose: "the night porter said"
            return Mention(start, end, surface, "anonymous", desc, role=_join(tail_text, role_extra),
                           country=country, head=_singular(lastb), definite=definite,
                           plural=plural)
        return None
    # a proper name ends the head
    # split the run at possessives: "Canada's Department of National Defence"
    run = head
    for i in range(len(head) - 1, -1, -1):
        if _is_poss(head[i]) and i < len(head) - 1:
            run = head[i + 1:]
            break
    # the person's name is what follows the last title or organisation word
    cut = -1
    for i, t in enumerate(run):
        b_ = _bare(t.low)
        if t.word and (b_ in TITLES or (t.cap and b_ in ORG_WORDS) or b_ in PARTY
                       or (t.cap and b_ in MEDIA_WORDS)
                       or (place_key(t.text) and i < len(run) - 1)
                       or (t.text.isupper() and len(t.text) > 1 and i < len(run) - 1)
                       or not t.cap and t.low not in PARTICLES and t.low not in CONNECT_OF):
            cut = i
    person = [t for t in run[cut + 1:] if t.word]
    prefix_text = cut >= 0
    pre_run = head[:len(head) - len(run)]
    pre_text = " ".join(t.text for t in pre_run)
    if person and _person_like(person):
        name = " ".join(t.text for t in person)
        role_bits = []
        if pre_text or prefix_text:
            role_bits.append(" ".join(
                x for x in (pre_text, " ".join(t.text for t in run[:cut + 1])) if x))
        role = _join(*(role_bits + [tail_text, role_extra]))
        return Mention(start, end, surface, "person", name, role=role, country=country,
                       surname=fold(person[-1].text), first=fold(person[0].text)
                       if len(person) > 1 else "")
    # an organisation, a medium, or a place: the trailing capitalised run
    k0 = len(run) - 1
    while k0 > 0:
        prev = run[k0 - 1]
        if _is_name_tok(prev) and not _is_poss(prev) or (
                prev.word and prev.low in ("of", "for", "and", "&", "the") and k0 - 2 >= 0
                and _is_name_tok(run[k0 - 2])):
            k0 -= 1
            continue
        break
    if k0 > 0:
        pre_text = " ".join(x for x in (pre_text, " ".join(t.text for t in run[:k0])) if x)
    run = run[k0:]
    name_toks = [t for t in run if not (t.word and _bare(t.low) in TITLES and not t.cap)]
    while name_toks and _bare(name_toks[0].low) in TITLES and _bare(name_toks[0].low) not in ORG_WORDS:
        name_toks = name_toks[1:]
    if not name_toks:
        return None
    name = " ".join(text[name_toks[0].start:name_toks[-1].end].split())
    pk = place_key(name)
    if pk and not tail:
        return Mention(start, end, surface, "place", name, role=role_extra, country=pk, level=0)
    fn = fold(name)
    words = set(re.findall(r"[a-z]+", fn))
    if fn in outlets or words & MEDIA_WORDS and not words & {"house", "department", "ministry"}:
        kind = "media"
    else:
        kind = "organisation"
    if pre_run and country is None:
        country = place_key(_bare(pre_run[-1].text))
    return Mention(start, end, surface, kind, name, role=_join(pre_text, tail_text, role_extra),
                   country=country)


def _strip_titles(ts: list[Tok]) -> list[Tok]:
    out = list(ts)
    while out and out[0].word and (_bare(out[0].low) in TITLES or out[0].low in DETERMINERS
                                   or _bare(out[0].low) in ROLE_LOWER and not out[0].cap):
        out = out[1:]
    while out and out[0].text in (",",):
        out = out[1:]
    return out


def _singular(w: str) -> str:
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def _join(*bits: str) -> str:
    return ", ".join(b.strip(" ,") for b in bits if b and b.strip(" ,"))


# ---------------------------------------------------------------- entities

@dataclass
class Entity:
    id: int
    article: int
    kind: str
    name: str
    level: int = 2
    country: str | None = None
    plural: bool = False
    head: str = ""
    surname: str = ""
    first: str = ""
    roles: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    intro: str = ""             # the description that introduced an anonymous source
    parts: tuple[str, ...] = ()
    spoke: bool = False         # subject of a speech verb in its article


def first_compatible(a: str, b: str) -> bool:
    if not a or not b:
        return True
    if a == b:
        return True
    a2, b2 = NICKNAMES.get(a, a), NICKNAMES.get(b, b)
    if a2 == b2:
        return True
    return (len(a) >= 3 and len(b) >= 3) and (a.startswith(b) or b.startswith(a))


_NORM_ORG = (("defence", "defense"), ("organisation", "organization"), ("centre", "center"),
             ("programme", "program"), ("u.s.", "us"))
_ORG_STOP = _w("the of for and a an s")


def org_tokens(name: str) -> frozenset[str]:
    n = fold(name)
    for a, b in _NORM_ORG:
        n = n.replace(a, b)
    return frozenset(w for w in re.findall(r"[a-z0-9]+", n) if w not in _ORG_STOP)


class Registry:
    """The entities of one corpus: one per speaker per article, merged later."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.parent: list[int] = []
        self.by_article: dict[int, list[Entity]] = {}

    # -- union-find
    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> int:
        """Merge a into b; b's root stays the root."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb
        return rb

    def new(self, article: int, m: Mention) -> Entity:
        e = Entity(len(self.entities), article, m.kind, m.name, level=m.level, country=m.country,
                   plural=m.plural, head=m.head, surname=m.surname, first=m.first,
                   parts=m.parts)
        if m.kind == "anonymous":
            e.intro = fold(m.name)
        self.entities.append(e)
        self.parent.append(e.id)
        self.by_article.setdefault(article, []).append(e)
        return e

    def note(self, e: Entity, m: Mention) -> None:
        if m.kind != "pronoun" and m.text and m.text not in e.mentions:
            e.mentions.append(m.text)
        role = m.role.strip(" ,")
        if role and role not in e.roles and not place_key(_bare(fold(role))):
            e.roles.append(role)  # (a bare "Canada’s" is no role)
        if e.country is None and m.country:
            e.country = m.country
        if m.kind == "person" and m.first and not e.first:
            e.first = m.first
            e.name = m.name

    def lookup(self, article: int, m: Mention, recent: list[Entity]) -> Entity:
        """The entity of article `article` that mention m names (created if new).

        `recent`: the article's entities, most recent first (for anaphora)."""
        arts = [e for e in self.by_article.get(article, ()) if self.find(e.id) == e.id]
        if m.kind == "person":
            if m.parts:
                for e in arts:
                    if e.kind == "person" and e.parts and fold(e.name) == fold(m.name):
                        return e
                return self.new(article, m)
            same = [e for e in arts if e.kind == "person" and e.surname == m.surname
                    and not e.parts and first_compatible(e.first, m.first)]
            if m.first:
                exact = [e for e in same if e.first == m.first or
                         first_compatible(e.first, m.first) and e.first]
                if exact:
                    return exact[0]
                if same:
                    return same[0]
                return self.new(article, m)
            if same:  # a surname alone: the most recent person of that name
                for e in recent:
                    if e in same:
                        return e
                return same[0]
            return self.new(article, m)
        if m.kind == "anonymous":
            if m.definite or (m.name and fold(m.name) == m.head):
                for e in recent:
                    if e.kind == "anonymous" and e.head == m.head and e.plural == m.plural:
                        return e
            # an indefinite description introduces a new source; a bare repeat is the same one
            if not m.definite:
                for e in arts:
                    if e.kind == "anonymous" and e.intro == fold(m.name) and m.definite:
                        return e
            return self.new(article, m)
        if m.kind in ("organisation", "media", "document"):
            toks = org_tokens(m.name)
            for e in arts:
                if e.kind != m.kind:
                    continue
                if m.definite and m.kind == "document" and e.head == m.head:
                    return e
                et = org_tokens(e.name)
                if (et == toks or (toks and et and (toks <= et or et <= toks)
                                   and (e.country == m.country or not m.country
                                        or not e.country))) and e.level == m.level:
                    return e
            return self.new(article, m)
        if m.kind == "place":
            for e in arts:
                if e.kind == "place" and e.country == m.country:
                    return e
            return self.new(article, m)
        return self.new(article, m)


def compatible_country(e: Entity, country: str) -> bool:
    if e.country == country:
        return True
    return any(country in _places_in(r) for r in e.roles + e.mentions)
