"""The engine's model written out: the synopsis.export/1 JSON document (../shared/EXPORT.md).

What the editor corrected (tui.engine.correct) is marked `"source": "user"` (matches,
sentences' roles, quotes' speakers, speakers); an article's label is `label`; the
corrections themselves, when the corpus has any, are listed with what became of each."""
from __future__ import annotations

import json

from .collector import paused
from .model import Analysis

SCHEMA = "synopsis.export/1"


def to_dict(an: Analysis) -> dict:
    with paused():        # a dict and list per sentence and match, and no reference cycles
        return _to_dict(an)


def _to_dict(an: Analysis) -> dict:
    arts = an.articles
    out_articles = []
    for a, art in enumerate(arts):
        sents = []
        for s in art.sentences:
            al = an.at(a, s.i)
            sent = {
                "i": s.i,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "boilerplate": s.boilerplate,
                "role": s.role,
                "status": "unique" if al.unique else "shared",
                "matches": [_user({"article": arts[m.article].id, "i": m.i, "score": m.score,
                                   "confidence": m.confidence, "relation": m.relation,
                                   "changed": [list(c) for c in m.changed]}, m)
                            for m in al.matches],
                "added": [list(x) for x in al.added],
                "topics": list(an.topics_of(a, s.i)),
            }
            sents.append(_user(sent, s))
        doc_art = {
            "id": art.id, "path": art.path, "title": art.title, "outlet": art.outlet,
            "date": art.date, "byline": art.byline, "wire": art.wire,
            "encoding": art.encoding, "format": art.fmt,
            "label": art.user_label, "sentences": sents,
        }
        if art.copies:   # inputs with this very text, read once as this article
            doc_art["copies"] = [{"id": i, "path": p} for i, p in art.copies]
        if art.is_web or art.fmt not in ("text", "markdown"):
            # not a local text file: carry the text the offsets index into, and its address
            doc_art["text"] = art.text
            doc_art["url"] = art.path if art.is_web else None
        out_articles.append(doc_art)
    doc = {
        "schema": SCHEMA,
        "articles": out_articles,
        "quotes": [
            _user({"article": arts[q.article].id, "start": q.start, "end": q.end,
                   "text": q.text, "speaker": q.speaker, "mention": q.mention, "cue": q.cue,
                   "sentence": q.sentence, "attribution": q.attribution, "depth": q.depth}, q)
            for q in an.quotes
        ],
        "speakers": [
            _user({"name": sp.name, "kind": sp.kind, "role": sp.role,
                   "aliases": list(sp.aliases), "quotes": sp.quotes}, sp)
            for sp in an.speakers
        ],
        "topics": [{"id": t.id, "label": t.label, "keywords": list(t.keywords)} for t in an.topics],
    }
    if an.corrections:
        doc["corrections"] = [
            {"line": o.correction.line(), "where": o.correction.where or None,
             "applied": o.applied, "problem": o.problem or None}
            for o in an.corrections
        ]
    return doc


def _user(record: dict, obj) -> dict:
    """`"source": "user"` on a record of what a correction decided."""
    if getattr(obj, "source", "engine") == "user":
        record["source"] = "user"
    return record


def to_json(an: Analysis) -> str:
    # compact, so the C encoder runs (an indent makes json fall back to pure Python); the
    # document is a tree made just now, so no container needs to be watched for a cycle
    return json.dumps(to_dict(an), ensure_ascii=False, separators=(",", ":"),
                      check_circular=False) + "\n"
