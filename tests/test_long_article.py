"""A very long article costs about what its parts cost (issue 15: no quadratic stage).

No timings here (they live in bench/big_article.py): the tests count the work a stage does
on generated long texts, or check that an index answers what the scan it replaced did."""
from __future__ import annotations

import random

from tui.engine import align as A
from tui.engine.corpus import load_corpus
from tui.engine.quotes.naming import People, same_role, _last_before

FIRST = "Ada Bram Cleo Dana Emil Faye Gus Hana Ivo Jana Kurt Lena Milo Nora Otto Pia".split()
LAST = "Kerr Holt Vance Marsh Quill Brandt Osei Lund Ferro Abbot Sato Novak".split()
TITLES = ["Mayor", "Senator", "President", "Prime Minister", "Judge", "Governor"]
NOUNS = "harbour bridge council budget ferry strike school clinic tunnel tariff".split()
VERBS = "delayed approved blocked reviewed cancelled funded opened closed".split()


def _prose(n_par: int, seed: int = 3) -> str:
    """Invented news paragraphs: titled names, lone surnames, role phrases, quotations."""
    rng = random.Random(seed)
    out = []
    for _ in range(n_par):
        first, last, title = rng.choice(FIRST), rng.choice(LAST), rng.choice(TITLES)
        noun, verb = rng.choice(NOUNS), rng.choice(VERBS)
        out.append(f"{title} {first} {last} {verb} the {noun} plan on {rng.randint(1, 28)} "
                   f"May. “The {noun} will wait,” {last} said. The {title.lower()} "
                   f"also {verb} the {rng.choice(NOUNS)} vote, {rng.choice(LAST)} added.")
    return "\n\n".join(out)


def _scan(people: People, a: int, role: str, pos: int):
    """by_role's person as the plain scan over the article's people finds it."""
    best, best_pos = None, -1
    for p in people.by_article.get(a, {}).values():
        if not p.roles or not any(same_role(role, r) for r in p.roles):
            continue
        last = max(_last_before(p.seen, pos),
                   _last_before(people.lone_at.get((a, p.surname), []), pos))
        if last > best_pos:
            best, best_pos = p, last
    return best, best_pos


def test_role_index_finds_who_the_scan_finds():
    text = _prose(120)
    people = People()
    people.read(0, text)
    roles = {r for p in people.by_article[0].values() for r in p.roles} | {"leader", "mayor"}
    assert len(roles) >= 4 and not people.lone_role_names.get(0)
    for role in sorted(roles):
        for pos in range(0, len(text) + 50, 97):
            assert people.by_role(0, role, pos) is _scan(people, 0, role, pos)[0]


def test_role_index_ties_go_to_the_first_person():
    people = People()
    people.read(0, "Mayor Ada Kerr met Mayor Bram Kerr.\n\nThen Kerr spoke. Kerr left.")
    text_pos = 10_000
    want, _ = _scan(people, 0, "mayor", text_pos)
    assert people.by_role(0, "mayor", text_pos) is want


def _article(tmp_path, name: str, text: str):
    (tmp_path / name).write_text(text, encoding="utf-8")


def test_one_article_is_not_read_by_the_aligner(tmp_path, monkeypatch):
    """Alone, an article has nothing to align with: its sentences are never read, however
    long it is, and every sentence is unique."""
    _article(tmp_path, "long.txt", _prose(200))
    arts = load_corpus([str(tmp_path / "long.txt")]).articles
    calls = []
    monkeypatch.setattr(A, "_read", lambda *a: calls.append(a) or A._read(*a))
    links = A.align(arts)
    assert calls == []
    assert links.groups() == []
    assert all(links.is_unique(0, s.i) for s in arts[0].sentences)


def _twin_work(tmp_path, n_par: int, monkeypatch) -> int:
    """Sentences the copy search compares in a long article plus a short one."""
    d = tmp_path / f"c{n_par}"
    d.mkdir()
    _article(d, "a_long.txt", _prose(n_par, seed=n_par))
    _article(d, "b_short.txt", _prose(3, seed=1))
    arts = load_corpus([str(d)]).articles
    sents = A._prepare(arts)
    seen = []
    real = A.overlap
    monkeypatch.setattr(A, "overlap", lambda x, y: seen.append(1) or real(x, y))
    A._collapse_twins(sents)
    monkeypatch.setattr(A, "overlap", real)
    return len(seen), len(sents)


def test_copy_search_in_one_article_is_windowed(tmp_path, monkeypatch):
    """Within one long article a copy is looked for among the last TWIN_WINDOW sentences:
    four times the text, about four times the comparisons (not sixteen)."""
    monkeypatch.setattr(A, "TWIN_WINDOW", 60)
    small, n_small = _twin_work(tmp_path, 100, monkeypatch)
    large, n_large = _twin_work(tmp_path, 400, monkeypatch)
    assert n_large > 3.5 * n_small
    assert small > 0
    assert large < 6 * small


class _Counted(list):
    """A list that counts its reads by index."""
    reads = 0

    def __getitem__(self, k):
        _Counted.reads += 1
        return super().__getitem__(k)


def _expansion_reads(tmp_path, copies: int) -> int:
    """Sentences read to list every sentence's matches: one article repeating a sentence
    `copies` times, another stating it once."""
    d = tmp_path / f"r{copies}"
    d.mkdir()
    line = "The harbour bridge will close for repairs on Monday, the council said."
    _article(d, "a.txt", "\n\n".join([line] * copies))
    _article(d, "b.txt", line + "\n\nFerries will run every hour instead.")
    arts = load_corpus([str(d)]).articles
    links = A.align(arts)
    links._sents = _Counted(links._sents)
    _Counted.reads = 0
    n = 0
    for a, art in enumerate(arts):
        for s in art.sentences:
            n += len(links.alignment(a, s.i).matches)
    assert n == 2 * copies            # each copy matches b's sentence, and b's all copies
    return _Counted.reads


def test_copies_in_one_article_are_not_walked_per_sentence(tmp_path):
    """A sentence's matches skip its own article's copies as one run: four times the copies,
    about four times the reading (it was sixteen)."""
    small = _expansion_reads(tmp_path, 100)
    large = _expansion_reads(tmp_path, 400)
    assert large < 6 * small


def test_the_same_text_deep_in_a_long_article_is_a_copy(tmp_path, monkeypatch):
    """Past the copy window, the very same sentence is still a copy of its first telling
    (one representative per text, however long the article)."""
    monkeypatch.setattr(A, "TWIN_WINDOW", 20)
    para = ("The harbour bridge will close for repairs on Monday, the council said. "
            "Ferries will run every hour while the work lasts. "
            "Shops near the bridge expect fewer customers until June.")
    _article(tmp_path, "a.txt", "\n\n".join([para] * 60))
    _article(tmp_path, "b.txt", "Ferries will run every hour while the work lasts.")
    arts = load_corpus([str(tmp_path)]).articles
    sents = A._prepare(arts)
    rep_of = A._collapse_twins(sents)
    assert len(arts[0].sentences) == 180
    assert {rep_of[x] for x in range(180)} == {0, 1, 2}
