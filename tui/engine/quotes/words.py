"""Words: the tokens a speaker's phrase is read from, and the word lists the steps share.

Takes a sentence's (masked) text; gives `Tok`s (word or punctuation, offsets, lower-cased
form) and the lexicons: titles, organisation / media / document words, speech verbs,
place names (country keys).  Generic lists of English, none about one story.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..places import FOLDED, MORE_PLACES, PLACE, fold_places
from ..segment import ABBREVIATIONS

# ---------------------------------------------------------------- tokens

# dotted acronyms (U.S.), words with inner apostrophes/hyphens and a possessive s’,
# or one punctuation character.  \x02 / \x03 stand for a masked quotation.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:[’'\-][^\W_]+)*(?:[’'](?=\s|$))?|--|[^\w\s]")
# dashes that set off a phrase: "Kerr — a teacher — said", "Kerr -- a teacher -- said"
DASHES = frozenset(("—", "–", "--"))


@dataclass(slots=True, eq=False)
class Tok:
    """A token of an article's text (a word, a number or a mark) and what is known of it."""
    text: str
    start: int
    end: int
    low: str        # lower-cased, no trailing period, ’ -> '
    word: bool
    cap: bool
    proper: bool = False   # a capitalised common word that is a name here ("Ian Read said")


_PARTY_TAG = re.compile(r"[A-Za-z]-[A-Za-z]+")


# common words that are also surnames ("George Will", "Ian Read") or end a name ("Human
# Rights Watch"): a name when capitalised inside a sentence, or before a past-tense verb
SURNAME_WORDS = frozenset("will read still watch more".split())
_OPENERS = frozenset(("\x02", "“", '"', "‘", "'", "(", ":", "-") + tuple(DASHES))


def _read_chunk(chunk: str) -> tuple[tuple[int, str, str, bool, bool, bool], ...]:
    """The tokens of one run of non-space characters, as (offset in the run, text, low, word,
    cap, a capitalised SURNAME_WORDS word): what `tokenize` makes of it wherever it stands.
    No token spans a space, and a period joins only the word right before it, so a run's
    tokens are the same in any sentence."""
    if chunk.isalpha():
        # letters only (most runs): one word, as _TOKEN would find it (letters are \w)
        low = chunk.lower()
        cap = chunk[0].isupper()
        got = ((0, chunk, low, True, cap, cap and low in SURNAME_WORDS),)
    else:
        got = _read_tokens(chunk)
    if len(_CHUNKS) >= _CHUNKS_MAX:
        _CHUNKS.clear()         # bounded: the runs of any corpus
    _CHUNKS[chunk] = got
    return got


def _read_tokens(chunk: str) -> tuple[tuple[int, str, str, bool, bool, bool], ...]:
    """`_read_chunk`'s tokens of any run, by _TOKEN."""
    out: list[list] = []
    for m in _TOKEN.finditer(chunk):
        t = m.group()
        r = m.start()
        if t == ".":
            if out:
                prev = out[-1]
                text = prev[1]
                if prev[3] and prev[0] + len(text) == r and (
                        prev[2] in ABBREVIATIONS or prev[2] in TITLES
                        or (len(text) == 1 and text.isupper())
                        or _PARTY_TAG.fullmatch(text)):
                    prev[1] = text + "."
                    continue
            out.append([r, t, t, False, False, False])
            continue
        c = t[0]
        word = c.isalnum()
        low = t.lower()
        if "’" in low:
            low = low.replace("’", "'")
        if low[-1] == ".":
            low = low.rstrip(".")
        cap = word and c.isupper()
        out.append([r, t, low, word, cap, cap and low in SURNAME_WORDS])
    return tuple(tuple(x) for x in out)


_CHUNKS: dict[str, tuple[tuple[int, str, str, bool, bool, bool], ...]] = {}
_CHUNKS_MAX = 100_000
_new = object.__new__


def tokenize(s: str, offset: int = 0) -> list[Tok]:
    """The tokens of s (offsets + offset): words (dotted acronyms, inner apostrophes and
    hyphens, a possessive s’, a period after an abbreviation, title or initial) and single
    punctuation marks.  Read run by run of non-space characters (each run's tokens read
    once: `_read_chunk`)."""
    out: list[Tok] = []
    append = out.append
    first_word: Tok | None = None
    find = s.find
    pos = 0
    for chunk in s.split():
        p = find(chunk, pos)
        pos = p + len(chunk)
        got = _CHUNKS.get(chunk)
        if got is None:
            got = _read_chunk(chunk)
        base = offset + p
        for r, t, low, word, cap, surname in got:
            tok = _new(Tok)
            a = base + r
            tok.text = t
            tok.start = a
            tok.end = a + len(t)
            tok.low = low
            tok.word = word
            tok.cap = cap
            tok.proper = False
            if surname:
                if out:
                    if out[-1].text not in _OPENERS:
                        tok.proper = True      # "“...,” Read said", "Judicial Watch added"
                else:
                    first_word = tok
            append(tok)
    if first_word is not None and len(out) > 1 and first_word.low in ("will", "read"):
        nxt = out[1]
        if nxt.word and not nxt.cap and (nxt.low.endswith("ed") or cue_form(nxt.low)[1] == "s"):
            first_word.proper = True       # "Will wrote", "Will claims" (not "Will voters")
    return out


# ---------------------------------------------------------------- lexicons

def words_of(s: str) -> frozenset[str]:
    return frozenset(s.split())


DETERMINERS = words_of("a an the this that these those one two three four several some many other "
                 "another both its their his her")
PRONOUNS = words_of("he she they it who which")
# pronouns that are never the subject of a verb of saying
OBJECT_PRONOUNS = words_of("him her them us me you myself himself herself themselves itself i we")
# capitalised at a sentence start, but never part of a name
FUNC_CAP = words_of("""
a an the this that these those it its he she they we i you his her their our my but and or so
yet however meanwhile still also in on at as after before when while if there here then now later
earlier today yesterday tomorrow what who why how where some many most several no not
moreover furthermore indeed instead thus therefore asked speaking according read more source
watch video breaking update exclusive opinion analysis photo pictured related please date
said says told added adding separately elsewhere previously last next since until during amid
with without from for by to of about over under into through among despite following given
even only just both each every all any nor neither either whether although though because once
whatever whoever whichever wherever whenever unless is are was were has have had will be
does do did can could would should must shall such
""")
TITLES = words_of("""
mr mrs ms miss mx dr prof sen senator rep representative congressman congresswoman gov governor
gen general brig lt col colonel maj major capt captain sgt adm admiral cmdr commander president
vice secretary speaker minister premier chancellor mayor ambassador judge justice prince princess
king queen sheikh pope bishop rev reverend sir dame lord lady chairman chairwoman chair director
chief deputy spokesman spokeswoman spokesperson leader ceo cfo coo founder professor attorney
counsel envoy inspector commissioner superintendent sheriff officer detective sergeant
lieutenant corporal private marshal chancellor councillor councilor assemblyman assemblywoman
delegate senior junior former acting
""")
ORG_WORDS = words_of("""
department ministry pentagon kremlin office agency command committee council commission court
government administration army navy force forces guard police service services bureau institute
university college school hospital bank corp corporation inc ltd llc company co group association
union federation party parliament congress senate assembly embassy consulate national federal
state defense defence foreign affairs security intelligence health justice treasury interior
homeland joint chiefs staff military armed air board authority center centre foundation
organization organisation cabinet presidency secretariat directorate house commons lords
network airlines airline nations bureau fund reserve exchange coalition alliance front
center centre institute ministry tower street square avenue road palace building plaza
airport studies watch
""")
MEDIA_WORDS = words_of("""
times post news daily journal herald gazette tribune telegraph guardian reuters ap afp xinhua
bbc cnn msnbc fox nbc abc cbs npr pbs bloomberg politico axios magazine press mail express
independent observer chronicle economist tass ria sputnik kyodo yonhap radio television tv
broadcasting broadcaster wire insider examiner mirror standard dispatch bulletin
""")
ANON_HEADS = words_of("""
official officials source sources diplomat diplomats aide aides insider insiders officer officers
person people spokesman spokeswoman spokesperson lawmaker lawmakers staffer staffers authorities
investigators investigator analyst analysts witness witnesses resident residents expert experts
representative representatives member members economist economists engineer engineers scientist
scientists researcher researchers lawyer lawyers doctor doctors historian critic critics
campaigner campaigners activist activists negotiator negotiators prosecutor prosecutors
legislator legislators strategist pollster commentator columnist editor reporter correspondent
pilot driver worker workers farmer farmers nurse surgeon man woman men women candidate
candidates nominee nominees hopeful hopefuls front-runner frontrunner contender contenders
challenger incumbent delegate delegates advocate advocates voter voters supporters
friend friends colleague colleagues wife husband son daughter mother father brother sister
neighbour neighbor neighbours neighbors relative relatives cousin uncle aunt partner fiance
fiancee boyfriend girlfriend boss employee employees student students teacher teachers parent
parents child children boy girl kid kids widow survivor survivors victim victims fan fans
protester protesters demonstrator demonstrators commuter commuters passenger passengers
shopper shoppers customer customers owner owners spectator spectators marcher marchers crowd
audience attendee attendees volunteer volunteers organizer organizers organiser organisers
participant participants classmate coworker co-worker employer landlord tenant tenants citizen
citizens veteran veterans soldier soldiers guy guys
""")
DOC_HEADS = words_of("""
statement statements announcement report document documents letter memo filing complaint
indictment ruling order release notice post tweet readout transcript assessment study survey
communique communiqué decree directive guidance affidavit lawsuit motion summary editorial
question questions questionnaire poll survey sign banner placard ad advert advertisement
footnote website webpage page headline caption textbook book email e-mail message text flyer
leaflet brochure pamphlet video commercial column article story blog
""")
STATEMENT_HEADS = words_of("statement announcement release readout communique communiqué notice")
ORG_HEADS = words_of("""
ministry department government agency embassy military army navy police office administration
regime company firm command parliament council committee court mission consulate cabinet
presidency force forces service bureau commission campaign
""")
MEDIA_HEADS = words_of("newspaper media tabloid broadcaster outlet daily mouthpiece network")
GENERIC_ORG = words_of("government administration regime authorities state leadership")
ROLE_LOWER = words_of("""
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
PARTY = words_of("republican republicans democrat democrats democratic conservative conservatives "
           "labour liberal liberals communist communists socialist tory tories green greens gop")
PARTICLES = words_of("von van der den de la le da di du bin al el ibn ben dos das")
CONNECT_OF = words_of("of for on at in")
NUMBER_WORDS = words_of("""
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
hundreds thousand thousands million millions billion percent per cent half third quarter dozen
dozens
""")
DAYS = words_of("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur "
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
    if s.isascii():
        return s.lower()          # nothing to decompose (most words: no NFKD pass)
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()




_ROLE_SUFFIX = ("er", "or", "ist", "ent", "ant", "man", "woman", "ary", "ian", "ee", "ive")


def role_noun(w: str) -> bool:
    """Can this lower-case word name a person by role ("dictator", "spokeswoman",
    "candidate", "demonstrator")?  The known role words, or the agent endings of English."""
    w = fold(w)
    return (w in TITLES or w in ROLE_LOWER or w in ANON_HEADS or w.endswith(_ROLE_SUFFIX)
            and not w.endswith(("ed", "ing")) and len(w) > 5)


def _place_of_word(w: str) -> str | None:
    if w in PLACE:
        return PLACE[w]
    if w in FOLDED:
        return w
    return MORE_PLACES.get(w)


@lru_cache(maxsize=8192)
def place_key(text: str) -> str | None:
    """'Norway', 'Norwegian', 'the United States', 'U.S.' -> a country key (else None)."""
    words = LOWER_WORD.findall(fold(fold_places(text)))
    words = [w for w in words if w not in ("the", "s")]
    if len(words) == 1:
        return _place_of_word(words[0])
    if len(words) == 2:
        return MORE_PLACES.get(" ".join(words))
    return None


@lru_cache(maxsize=4096)
def places_in(text: str) -> frozenset[str]:
    words = LOWER_WORD.findall(fold(fold_places(text)))
    out = set()
    for w in words:
        k = _place_of_word(w)
        if k:
            out.add(k)
    return frozenset(out)


def bare(low: str) -> str:
    """Possessive off: norway's -> norway, texas' -> texas."""
    if "'" not in low:
        return low
    if low.endswith("'s"):
        return low[:-2]
    if low.endswith("s'"):
        return low[:-1]
    return low


def is_poss(t: Tok) -> bool:
    return t.word and "'" in t.low and (t.low.endswith("'s") or t.low.endswith("s'"))


_SHOUTED = re.compile(r"[A-Z]{3,}(?:ED|ING|ES)")


def is_name_tok(t: Tok) -> bool:
    """A capitalised word that can be part of a proper name."""
    if not t.word or not t.cap:
        return False
    if t.proper:
        return True
    b = bare(t.low)
    return b not in FUNC_CAP and b not in DAYS and not (t.text.isupper()
                                                         and _SHOUTED.fullmatch(t.text))


_AGENT = ("er", "or", "ist", "ee", "ian")
# common nouns with an agent's ending that name no one
NOT_AGENT = words_of("""
number matter border center centre corner factor sector manner answer rather whether together
however better quarter chapter winter summer computer register cancer career trigger finger
dinner danger shower flower silver filter letter mirror monitor motor harbor harbour honor
honour labor labour rumor rumour terror horror interior exterior favor favour flavor behavior
behaviour theater parameter character disaster weather leather feather shelter banner poster
sticker trailer thriller headquarter meter liter litre error mentor anchor sponsor vendor
debtor creditor tractor reactor sensor scanner printer container folder counter
further earlier latter order offer cover power water paper layer
""")


def agent_noun(t: Tok) -> bool:
    """A lower-case noun of a person by its agent ending ("employee", "commuters"): with
    np_word, what can end a speaker's noun phrase."""
    if not t.word or t.cap:
        return False
    w = singular_word(t.low)
    return len(w) > 5 and w.endswith(_AGENT) and not w.endswith(("ed", "ing")) \
        and w not in NOT_AGENT


def singular_word(w: str) -> str:
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def modifier(t: Tok) -> bool:
    """A plain lower-case word that may stand between a determiner and its head noun ("the
    news outlet", "her oldest friend", "a fundraising email"): no verb of the clause, no
    preposition, pronoun, conjunction or adverb."""
    if not t.word or t.cap or not t.low.replace("-", "").isalpha():
        return False
    low = t.low
    return not (low in MODIFIER_STOP or low.endswith("ly") or is_cue_word(low)
                or low in DETERMINERS or low in PRONOUNS or low in OBJECT_PRONOUNS)


def np_word(t: Tok) -> bool:
    """Words a speaker's noun phrase is made of (besides determiners and connectors)."""
    if not t.word:
        return False
    if is_name_tok(t):
        return True
    b = bare(t.low)
    return b in ROLE_LOWER or b in PARTY or b in TITLES or (is_poss(t) and not t.cap) \
        or singular_word(b) in ROLE_LOWER



# Verbs that attribute words to someone, by base form: speaking, writing, judging aloud,
# and the few verbs of thought news uses to report a stance ("researchers hope").
CUE_VERBS = words_of("""
say tell add state write tweet post announce explain note warn insist argue claim ask reply
respond declare urge recall acknowledge admit concede confirm describe call recommend comment
remark observe suggest stress emphasise emphasize predict promise vow pledge caution complain
joke quip shout yell exclaim testify deny accuse allege assert contend mention reiterate repeat
proclaim counter retort demand plead boast conclude disclose reveal speak criticise criticize
dub label brand hail slam blast condemn lament threaten text email continue wonder report
recount read blurt fume beam boom chant grouse groan muse scoff sneer snap gush marvel rave rant
mutter murmur whisper sigh laugh chuckle tout praise dismiss deride mock ridicule decry
denounce question query inquire interject cite quote characterize characterise term portray
cast refer summarize summarise point affirm assure reassure advise agree disagree object
protest estimate forecast apologize apologise congratulate welcome applaud lambast lambaste
rebuke chide scold berate defend justify maintain propose instruct inform notify brief hint
imply indicate signal concur echo shoot fire hit lash weigh chime think believe hope fear feel
expect worry reckon guess pronounce assess opine vent thunder bellow scream cry roar howl
insinuate posit theorize theorise speculate pitch preach lecture pray remember snipe gripe
grumble sing elaborate clarify
""")
# nouns of saying that name their speaker by a possessive: "Kerr's warning that “...”",
# "in her words", "the ministry's statement"
SPEECH_NOUNS = words_of("""
statement statements warning warnings claim claims remark remarks comment comments words
message tweet tweets post posts letter promise pledge vow assertion argument view response
reply answer plea insistence accusation allegation suggestion description announcement
declaration prediction quote headline slogan chant cry refrain motto lament broadside
conclusion finding findings verdict retort quip joke complaint criticism demand denial
admission boast threat rebuke contention characterization recollection
""")
# cue verbs that need their particle: "pointed out", "shot back", "weighed in"
PARTICLE = {"point": "out", "shoot": "back", "fire": "back", "hit": "back", "lash": "out",
            "weigh": "in", "chime": "in", "blurt": "out"}
_IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "written": "write",
              "spoke": "speak", "spoken": "speak", "thought": "think", "felt": "feel",
              "shot": "shoot", "read": "read", "hit": "hit", "cast": "cast", "quit": "quit",
              "forecast": "forecast", "lit": "light", "swore": "swear", "sworn": "swear", "sang": "sing", "sung": "sing"}


@lru_cache(maxsize=16384)
def cue_form(low: str) -> tuple[str, str]:
    """(base, form) of a cue verb's word form: "fumed" -> ("fume", "ed"), "says" -> ("say",
    "s"), "saying" -> ("say", "ing"), "say" -> ("say", "base"); ("", "") for other words."""
    if low in _IRREGULAR:
        return _IRREGULAR[low], "ed"
    if low in CUE_VERBS:
        return low, "base"
    # the stems an ending may leave, tried in turn (the first that is a cue verb)
    if low.endswith("ing") and len(low) > 4:
        st = low[:-3]
        if st in CUE_VERBS:
            return st, "ing"
        if st + "e" in CUE_VERBS:
            return st + "e", "ing"
        if len(st) > 2 and st[-1] == st[-2] and st[:-1] in CUE_VERBS:
            return st[:-1], "ing"
    elif low.endswith("ed") and len(low) > 3:
        st = low[:-2]
        if st in CUE_VERBS:
            return st, "ed"
        if low[:-1] in CUE_VERBS:
            return low[:-1], "ed"
        if st.endswith("i") and st[:-1] + "y" in CUE_VERBS:
            return st[:-1] + "y", "ed"
        if len(st) > 2 and st[-1] == st[-2] and st[:-1] in CUE_VERBS:
            return st[:-1], "ed"
    elif low.endswith("s") and len(low) > 2:
        if low[:-1] in CUE_VERBS:
            return low[:-1], "s"
        if low.endswith("es") and low[:-2] in CUE_VERBS:
            return low[:-2], "s"
        if low.endswith("ies") and low[:-3] + "y" in CUE_VERBS:
            return low[:-3] + "y", "s"
    return "", ""


_IS_CUE: dict[str, bool] = {}


def is_cue_word(low: str) -> bool:
    """Is this lower-case word a form of a cue verb? (memoised: called on every word)"""
    v = _IS_CUE.get(low)
    if v is None:
        v = bool(cue_form(low)[0])
        if len(_IS_CUE) < 200_000:      # bounded: words of any corpus
            _IS_CUE[low] = v
    return v


def _run_has_cue(run: str) -> bool:
    v = any(map(is_cue_word, LOWER_WORD.findall(run)))
    if len(_RUN_CUE) >= 100_000:
        _RUN_CUE.clear()            # bounded: the runs of any corpus
    _RUN_CUE[run] = v
    return v


_RUN_CUE: dict[str, bool] = {}


def has_cue_word(s: str) -> bool:
    """any(map(is_cue_word, LOWER_WORD.findall(s))), read run by run of non-space
    characters (no lower-case word spans a space), each distinct run judged once."""
    get = _RUN_CUE.get
    for run in s.split():
        v = get(run)
        if v is None:
            v = _run_has_cue(run)
        if v:
            return True
    return False


SKIP = words_of("""
also then now later earlier again further too still had has have would will did does do went on to
continued continues go goes going once never not just already separately subsequently
previously recently publicly privately repeatedly reportedly initially first last finally
declined refused wanted tried sought could may might must should can shall been since ever only
even simply merely
""")
PASSIVE = words_of("was were is are be been being")
SUBORDINATORS = words_of("as while because when after before although though but if since whereas "
                         "until unless whether where")
SUBORD = (SUBORDINATORS - {"but"}) | words_of("that what which who")
COORD = words_of("and but or")
AUX = words_of("to will would did does do could may might must should can shall not never also "
              "just")
PREPS = words_of("around of for about over with by from against to into on at in under among "
                "between toward towards across through via amid despite like than behind near")
OBJ_VERBS = words_of("told tell tells telling asked ask urged urge called")


LOWER_WORD = re.compile(r"[a-z]+")
INITIAL = re.compile(r"[A-Z]\.")         # an initial: "J."
MODIFIER_STOP = PREPS | COORD | SUBORD | AUX | PASSIVE | SKIP | words_of(
    "has have had do does did can may must shall not no nor so than then there here as")

