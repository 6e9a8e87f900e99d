"""Fixtures for the reader's tests.

`story()` is a hand-built Analysis (three short articles about a bridge closing, with
an alignment written out by hand): a verbatim sentence that moved, edited sentences
whose numbers and verbs differ, a paraphrase, additions and boilerplate.  It needs no
engine, so tests where exact matches matter (and the snapshots) do not change when the
engine's alignment improves.  `STORY_TEXTS` are the same articles as files, for the
tests that run the real engine on them.
"""
from __future__ import annotations

from pathlib import Path

from tui.engine.stored import StoredLinks
import dataclasses

from tui.engine.model import (Alignment, Analysis, Article, Corpus, Match, Quote, Sentence,
                              Speaker, Topic)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def article(ident: str, paragraphs: list[list[str]], *, outlet=None, date=None, title=None,
            roles: dict[int, str] | None = None) -> Article:
    """An Article from paragraphs of sentences; `roles` marks boilerplate sentences."""
    roles = roles or {}
    text = ""
    sentences = []
    for p, para in enumerate(paragraphs):
        if text:
            text += "\n\n"
        for k, s in enumerate(para):
            if k:
                text += " "
            start = len(text)
            text += s
            i = len(sentences)
            sentences.append(Sentence(i=i, start=start, end=len(text), text=s, paragraph=p,
                                      role=roles.get(i)))
    text += "\n"
    return Article(id=ident, path=f"{ident}.txt", text=text, shown=text, title=title,
                   outlet=outlet, date=date, sentences=tuple(sentences))


def _spans(art: Article, i: int, words) -> tuple[tuple[int, int], ...]:
    s = art.sentences[i]
    out = []
    for w in words:
        k = art.text.index(w, s.start, s.end)
        out.append((k, k + len(w)))
    return tuple(out)


def build(articles: list[Article], groups, marks=None) -> Analysis:
    """groups: [(relation, score, [(a, i), ...]), ...];  marks: {(a, i): (added words,
    changed words)}.  Every member of a group matches every other member."""
    marks = marks or {}
    matches = {}
    group_of = {}
    for g, (rel, score, members) in enumerate(groups):
        for a, i in members:
            group_of[(a, i)] = g
            changed = _spans(articles[a], i, marks.get((a, i), ((), ()))[1])
            matches[(a, i)] = tuple(Match(article=b, i=j, score=score, relation=rel,
                                          changed=changed)
                                    for b, j in members if b != a)
    table, gids = [], []
    for a, art in enumerate(articles):
        row, grow = [], []
        for s in art.sentences:
            added = _spans(art, s.i, marks.get((a, s.i), ((), ()))[0])
            row.append(Alignment(matches=matches.get((a, s.i), ()), added=added))
            grow.append(group_of.get((a, s.i), -1))
        table.append(tuple(row))
        gids.append(tuple(grow))
    corpus = Corpus(articles=tuple(articles))
    return Analysis(corpus=corpus, links=StoredLinks(tuple(table), tuple(gids)))


STORY_TEXTS = {
    "a_alpha.txt": [
        ["Bridge closes after crack found"],
        ["The city closed the Elm Street bridge on Monday after inspectors found a crack.",
         "Traffic was diverted to the ring road."],
        ["Engineers said repairs would take six weeks.",
         "The mayor called the closure a precaution."],
        ["Local shops fear a drop in trade.", "The bridge was built in 1962."],
    ],
    "b_beta.txt": [
        ["Elm Street bridge shut"],
        ["The bridge was built in 1962."],
        ["The city shut the Elm Street bridge on Monday after inspectors discovered a crack.",
         "Engineers said repairs would take eight weeks."],
        ["A ferry service will run in the meantime.", "Photo: city council"],
    ],
    "c_gamma.txt": [
        ["The mayor described the closure as a precaution."],
        ["Cyclists can still cross on foot.",
         "Traffic is being sent along the ring road instead."],
    ],
}


def story() -> Analysis:
    texts = list(STORY_TEXTS.values())
    arts = [
        article("a_alpha", texts[0], outlet="Alpha Times", date="2024-05-06",
                title="Bridge closes after crack found", roles={0: "headline"}),
        article("b_beta", texts[1], outlet="Beta News", date="2024-05-06",
                title="Elm Street bridge shut", roles={0: "headline", 5: "caption"}),
        article("c_gamma", texts[2], outlet="Gamma Daily", date="2024-05-07"),
    ]
    groups = [
        ("paraphrase", 61.0, [(0, 0), (1, 0)]),                 # the headlines
        ("edited", 88.0, [(0, 1), (1, 2)]),                     # closed / shut, found / discovered
        ("paraphrase", 64.0, [(0, 2), (2, 2)]),                 # diverted / sent along
        ("edited", 93.0, [(0, 3), (1, 3)]),                     # six / eight weeks
        ("paraphrase", 70.0, [(0, 4), (2, 0)]),                 # the mayor
        ("verbatim", 100.0, [(0, 6), (1, 1)]),                  # moved to the top in Beta
    ]
    marks = {
        (0, 1): ((), ("closed", "found")),
        (1, 2): ((), ("shut", "discovered")),
        (0, 3): ((), ("six",)),
        (1, 3): ((), ("eight",)),
        (2, 2): (("instead",), ()),
    }
    return annotate(build(arts, groups, marks))


def quote(an: Analysis, a: int, i: int, text: str, speaker: str, cue: str = "said") -> Quote:
    art = an.articles[a]
    s = art.sentences[i]
    k = art.text.index(text, s.start, s.end)
    return Quote(article=a, start=k, end=k + len(text), text=text, speaker=speaker,
                 mention=speaker, cue=cue, sentence=i, attribution="explicit")


def annotate(an: Analysis) -> Analysis:
    """The story's quotes, speakers and topics, written out by hand: the engineers' estimate
    (six weeks in Alpha, eight in Beta), the mayor's "precaution" (Alpha, Gamma); a topic
    on the closure and one on the repairs."""
    quotes = (
        quote(an, 0, 3, "repairs would take six weeks", "Engineers"),
        quote(an, 0, 4, "a precaution", "Mayor", "called"),
        quote(an, 1, 3, "repairs would take eight weeks", "Engineers"),
        quote(an, 2, 0, "a precaution", "Mayor", "described"),
    )
    speakers = (
        Speaker(name="Engineers", kind="anonymous", aliases=("engineers",), quotes=2),
        Speaker(name="Mayor", kind="person", aliases=("the mayor",), quotes=2,
                role="mayor of the city"),
    )
    topics = (Topic("t1", "Closure", ("closed", "shut", "traffic")),
              Topic("t2", "Repairs", ("repairs", "weeks", "ferry")))
    on = {("t1", 0): {1, 2, 4}, ("t1", 1): {2}, ("t1", 2): {0, 2},
          ("t2", 0): {3}, ("t2", 1): {3, 4}, ("t2", 2): set()}
    sentence_topics = tuple(
        tuple(tuple(t.id for t in topics if s.i in on[(t.id, a)]) for s in art.sentences)
        for a, art in enumerate(an.articles))
    return dataclasses.replace(an, quotes=quotes, speakers=speakers, topics=topics,
                               sentence_topics=sentence_topics)


def write_story(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, paras in STORY_TEXTS.items():
        (folder / name).write_text("\n\n".join(" ".join(p) for p in paras) + "\n",
                                   encoding="utf-8")
    return folder
