"""Who said what: direct quotations, their speakers, one name per speaker.

    find_quotes(articles) -> (quotes, speakers)

One module per step, each taking what the one before gives:

    marks        quotation marks -> RawQuote spans (per paragraph, nesting, open quotes)
    words        tokens and the shared word lists
    subjects     a speaker's noun phrase and its apposition -> Mention
    cues         speech verbs and their subjects -> Event
    attribution  each quotation -> the event (or the quote before) that names its speaker
    naming       mentions -> entities per article -> one speaker across articles
"""
from __future__ import annotations

import bisect

from ..model import Article, Quote, Speaker
from ..segment import paragraphs
from .article import Ctx
from .attribution import QRec, attribute_article
from .cues import find_events
from .marks import mask_quotes, scan_article
from .naming import (Entity, People, Registry, canonical, inherit_same_words, merge_across,
                     resolve_metonymy)
from .words import has_cue_word, tokenize

__all__ = ["find_quotes"]

def find_quotes(articles: tuple[Article, ...]) -> tuple[tuple[Quote, ...], tuple[Speaker, ...]]:
    """Every direct quotation in the articles, with its speaker; and the speakers.  It
    makes no reference cycles (none after the seeds or 1,000 real articles), only tokens,
    mentions and records by the hundred thousand: the stages run with the cyclic collector
    held off (stages.run, collector.py)."""
    reg = Registry()
    people = People()
    read = []
    for a, art in enumerate(articles):
        paras = paragraphs(art.shown)
        boiler_paras: dict[int, bool] = {}
        for s in art.sentences:
            boiler_paras[s.paragraph] = boiler_paras.get(s.paragraph, True) and s.boilerplate
        boiler = {p for p, b in boiler_paras.items() if b}
        raws = scan_article(art, paras, boiler)
        masked = mask_quotes(art.shown, raws, paras)
        people.read(a, masked)
        read.append((paras, boiler, raws, masked))
    all_recs: list[QRec] = []
    for a, art in enumerate(articles):
        paras, boiler, raws, masked = read[a]
        toks = []
        for sn in art.sentences:
            seg = masked[sn.start:sn.end]
            if "\x02" in seg or "\x03" in seg or "according" in seg or has_cue_word(seg) \
                    or masked[max(0, sn.start - 3):sn.start].rstrip().endswith("\x03"):
                toks.extend(tokenize(seg, sn.start))
        starts = [t.start for t in toks]
        sents = art.sentences or ()
        sent_starts = [s.start for s in sents]
        bounds = []
        for s in sents:
            bounds.append((bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)))
        ctx = Ctx(a, art, masked, toks, starts, bounds, sent_starts,
                  [s.paragraph for s in sents], people=people)
        find_events(ctx)
        recs = [QRec(q, a) for q in raws]
        attribute_article(ctx, recs, reg, paras, boiler)
        all_recs.extend(recs)
    inherit_same_words(all_recs, articles)
    resolve_metonymy(all_recs, reg, articles)
    merge_across(reg)
    groups, counts, names = _speakers(reg, all_recs)
    quotes = []
    sent_starts: dict[int, list[int]] = {}
    for r in all_recs:
        q = r.raw
        art = articles[r.a]
        if art.sentences:
            if r.a not in sent_starts:
                sent_starts[r.a] = [sn.start for sn in art.sentences]
            r.sent = max(0, bisect.bisect_right(sent_starts[r.a], max(q.start - 1, 0)) - 1)
        spk = names[reg.find(r.entity.id)][0] if r.entity is not None else None
        quotes.append(Quote(article=r.a, start=q.start, end=q.end, text=art.text[q.start:q.end],
                            speaker=spk, mention=r.mention if spk else "",
                            cue=r.cue if spk else "", sentence=r.sent,
                            attribution=r.how if spk else "", depth=q.depth))
    speakers = []
    for k in sorted(counts, key=lambda k: (-counts[k], names[k][0])):
        name, kind, role = names[k]
        aliases = list(dict.fromkeys(m for e in groups[k] for m in e.mentions))
        speakers.append(Speaker(name=name, kind=kind, aliases=tuple(aliases), quotes=counts[k],
                                role=role or None))
    return tuple(quotes), tuple(speakers)




def _speakers(reg: Registry, recs: list[QRec]):
    """(members, quote count, (name, kind, role)) per speaker root.  Two speakers that would
    show the same name are one: a name is never qualified by an article."""
    while True:
        groups: dict[int, list[Entity]] = {}
        for e in reg.entities:
            groups.setdefault(reg.find(e.id), []).append(e)
        counts: dict[int, int] = {}
        for r in recs:
            if r.entity is not None:
                k = reg.find(r.entity.id)
                counts[k] = counts.get(k, 0) + 1
        names = {k: canonical(groups[k]) for k in counts}
        first: dict[str, int] = {}
        merged = False
        for k in sorted(names, key=lambda k: (-counts[k], k)):
            n = names[k][0]
            if n in first:
                reg.union(k, first[n])
                merged = True
            else:
                first[n] = k
        if not merged:
            return groups, counts, names
