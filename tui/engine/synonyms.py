"""Words that news copy swaps for one another, folded to one family for the aligner.

Outlets rewording one report reach for the same small stock of verbs and nouns: a
country "halts", "suspends" or "freezes" tests, a president "blasts", "slams" or
"criticises" a deal, an "agreement" is also a "deal", an "accord" or a "pact".  A generic
table of that stock (not of any one story) lets the aligner see a paraphrase whose
words differ.  Each line is one sense; a word sits on one line only, in the sense news
uses most, and words with a common second sense that would mislead are left out.
Irregular forms are listed (the stemmer does not know that "withdrew" is "withdraw").
"""
from __future__ import annotations

import re

from .text import key

_SENSES = """
halt: halt suspend suspension freeze froze frozen cease stop pause moratorium shutdown
close: close closure shut shutter
resume: resume restart
lie: lie liar deceive deception deceit deceptive mislead misleading
criticize: criticize criticise criticism blast slam condemn condemnation denounce disparage rebuke lambaste decry assail berate
threaten: threaten threat warn warning
withdraw: withdraw withdrew withdrawn withdrawal quit abandon scrap ditch exit renege jettison cancel
destroy: destroy destruction dismantle dismantling demolish eliminate
build: build built develop construct
meet: meet met meeting summit
launch: launch fire
sue: sue lawsuit litigation
arrest: arrest detain detention apprehend
kill: kill killing slay slew slain
injure: injure injury wound
accuse: accuse accusation allege allegation
deny: deny denial refute
agree: agreement deal accord pact treaty
praise: praise welcome commend hail applaud laud
weapon: weapon arms arsenal armament
nuclear: nuclear nuke atomic
document: document file dossier paperwork
evidence: evidence proof prove
secret: secret covert clandestine
hide: hide hid hidden conceal concealment
obtain: obtain acquire seize
investigate: investigate investigation probe inquiry
resign: resign resignation
increase: increase rise rose risen surge soar jump climb
decrease: decrease decline drop plunge slump
cut: cut reduce reduction
ban: ban prohibit prohibition outlaw
delay: delay postpone postponement defer
exempt: exempt exemption waiver
impose: impose levy
tariff: tariff duty duties
demand: demand insist
urge: urge advise recommend recommendation
reject: reject rejection dismiss
support: support endorse endorsement
oppose: oppose opposition
protest: protest demonstration rally
reveal: reveal disclose disclosure expose
visit: visit trip
plan: plan intend intention
wake: wake woke woken awake awaken
verify: verify verification
crash: crash collide collision
fight: fight fought battle combat
vote: vote ballot
elect: elect election
sanction: sanction penalty
"""

SENSE: dict[str, str] = {}
for _line in _SENSES.strip().splitlines():
    _name, _words = _line.split(":", 1)
    for _w in _words.split():
        SENSE.setdefault(key(_w), "~" + _name)

# Phrasal verbs that say in two words what a line above says in one.
_PHRASES = {
    "withdraw": r"(?:pull|pulls|pulled|pulling|back|backs|backed|backing|walk|walks|walked|walking)"
                r"\s+(?:out|away)|(?:tear|tears|tore|torn|tearing)\s+up"
                r"|(?:give|gives|gave|given|giving)\s+up|(?:call|calls|called|calling)\s+off",
    "close": r"(?:shut|shuts|shutting)\s+down",
    "resign": r"(?:step|steps|stepped|stepping)\s+down",
    "sue": r"(?:file|files|filed|filing)\s+(?:a\s+)?(?:law)?suit",
}
# the look-ahead on the first letters lets the scan skip most positions at once
_PHRASE_RX = re.compile(r"\b(?=[pbwtgcsfPBWTGCSF])(?:"
                        + "|".join(f"(?P<{k}>{rx})" for k, rx in _PHRASES.items()) + r")\b", re.I)


_PARTICLES = frozenset("out away up off down suit lawsuit".split())


def fold_phrases(text: str, words: set | None = None) -> str:
    """Phrasal verbs become their one-word sense ("pulled out" -> "withdraw").  `words`:
    the text's lower-cased words, when already found (most texts hold no particle)."""
    if words is not None and _PARTICLES.isdisjoint(words):
        return text
    return _PHRASE_RX.sub(lambda m: m.lastgroup, text)
