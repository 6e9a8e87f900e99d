"""Topics' faster paths give exactly what the plain ones give (invented input)."""
from __future__ import annotations

import random
import re

from tui.engine import topics


def test_strongest_slots_is_strongest_of_the_list_as_a_dict():
    rng = random.Random(11)
    for _ in range(300):
        n = rng.randrange(0, 40)
        sums = [rng.choice([0.0, 0.0, 0.1, 0.25, 0.25, 0.5, 0.75, 1.0, -0.2]) for _ in range(n)]
        m = rng.choice([1, 3, 10, 60])
        want = topics._strongest({j: s for j, s in enumerate(sums) if s}, m)
        assert topics._strongest_slots(sums, m) == want, (sums, m)


def _vec(rng: random.Random, words: list[str]) -> dict[str, float]:
    ws = rng.sample(words, rng.randrange(1, len(words)))
    return topics._unit({w: rng.random() + 0.01 for w in ws})


def _graph_by_dicts(vecs, content, adjn):
    """The similarity graph the plain way: every unit's sums in a dict, in its own word
    order, article neighbours' bonus on top, its strongest kept."""
    bonus = topics.PARAMS["adjacent"]
    edges = {u: {} for u in content}
    for u in content:
        acc: dict[int, float] = {}
        for f, x in vecs[u].items():
            for v in content:
                if f in vecs[v]:
                    acc[v] = acc.get(v, 0.0) + x * vecs[v][f]
        acc.pop(u, None)
        for v, w in adjn[u].items():
            if v in edges:
                base = acc[v] if v in acc else topics._dot(vecs[u], vecs[v])
                acc[v] = base + bonus * min(1.0, w + adjn[v].get(u, 0.0))
        for s, v in topics._strongest(acc, topics.NEIGHBOURS):
            edges[u][v] = s
            edges[v][u] = s
    return edges


def test_graph_is_the_plain_sums_edge_for_edge_in_order():
    rng = random.Random(5)
    words = [f"w{i}" for i in range(30)]
    for _ in range(20):
        n = rng.randrange(2, 40)
        vecs = [_vec(rng, words) if rng.random() < 0.9 else {} for _ in range(n)]
        content = [u for u in range(n) if vecs[u]]
        adjn = [{} for _ in range(n)]
        for u in range(n - 1):
            if rng.random() < 0.6:
                adjn[u][u + 1] = adjn[u + 1][u] = rng.choice([0.5, 1.0])
        got = topics._graph(vecs, content, adjn)
        want = _graph_by_dicts(vecs, content, adjn)
        assert [(u, list(e.items())) for u, e in got.items()] == \
            [(u, list(e.items())) for u, e in want.items()]


def test_fold_places_skips_only_texts_the_pattern_leaves_alone():
    from tui.engine import places

    bits = ["U.S.", "U. S. A.", "US", "USA", "UK", "U.K.", "United States", "United States of "
            "America", "United Kingdom", "Great Britain", "North Korea", "South Koreans",
            "South African", "Saudi Arabia", "People's Republic of China", "People’s Republic "
            "of China", "European Union", "New Delhi", "us", "uk", "north korea", "BUS", "USAF",
            "Union", "Seoul", "Britain", "Delhi", "Africa", "Korea", "said", ",", ".", "the"]
    rng = random.Random(3)
    for _ in range(3000):
        text = rng.choice(["", " "]).join(rng.choice(bits) for _ in range(rng.randrange(0, 6)))
        want = places._MULTI_RX.sub(lambda m: f" {m.lastgroup} ", text)
        assert places.fold_places(text) == want, text


_PLAIN_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|(?:[A-Z]|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Dr|St|Jr|Sr"
                          r"|Adm|Capt|Maj|Brig|Prof|Rev)\.(?=\s+[A-Z])|[^\W_]+(?:[-'’][^\W_]+)*")


def _tokens_plainly(text: str) -> list[tuple]:
    """The label tokens as they were read: one pass of the pattern without look-aheads."""
    out = []
    last = -1
    for m in _PLAIN_TOKEN.finditer(text):
        if last < 0:
            out.append((m.group(), False, True))
        else:
            gap = text[last:m.start()].strip()
            out.append((m.group(), not gap, gap in topics._OPENERS))
        last = m.end()
    return out


def test_tokens_are_the_token_matches_with_their_gaps():
    bits = ["Dr.", "U.S.", "Sen.", "A.", "Smith", "Capt.", "Brig.", "Prof.", "Gen", "St", "Lt.",
            "Mr.", "Profs.", "Sgt.", "X.Y.", "é.", "said", "it's", "Jae-in", "Canada's", "’s",
            "co-op", "(", ")", '"', "“", "—", "–", "-", ":", ",", ".", "\n", "  ", " ", "\t",
            "Ünïcödé", "42", "3.5", "_", "x_y", "'", "‘", "l’avion", "…"]
    rng = random.Random(9)
    for _ in range(3000):
        text = "".join(rng.choice(bits) + rng.choice(["", " ", " ", "\n"])
                       for _ in range(rng.randrange(0, 10)))
        got = [(t.text, t.joined, t.first) for t in topics._tokens(text)]
        assert got == _tokens_plainly(text), text
        for t in topics._tokens(text):
            assert (t.low, t.fam, t.stop, t.plain, t.cap) == topics._lexeme(t.text)


def test_top_is_the_items_sorted_by_value_then_key_largest_first():
    rng = random.Random(13)
    for _ in range(500):
        n = rng.randrange(0, 80)
        # few distinct values: ties at the cut, broken by the key
        v = {f"k{rng.randrange(200)}": rng.choice([0.1, 0.2, 0.2, 0.3, 0.5, rng.random()])
             for _ in range(n)}
        m = rng.choice([1, 5, 10, 60])
        want = dict(sorted(v.items(), key=lambda fx: (fx[1], fx[0]), reverse=True)[:m])
        got = topics._top(v, m)
        assert list(got.items()) == list(want.items()) if len(v) > m else got == v


def test_largest_is_nlargest_of_value_then_negated_key():
    import heapq

    rng = random.Random(17)
    for _ in range(500):
        part = {rng.randrange(300): rng.choice([0.1, 0.2, 0.2, 0.5, rng.random()])
                for _ in range(rng.randrange(0, 60))}
        m = rng.choice([1, 5, 30])
        want = heapq.nlargest(m, [(s, -j) for j, s in part.items()])
        assert topics._largest(part, m) == want


def _families_plainly(text: str):
    """Families, lower-case and capitalised families of a text, word by word."""
    from tui.engine.places import PLACE, fold_places
    from tui.engine.text import STOPWORDS, WORD, key

    def content(w):
        lw = w.lower()
        if PLACE.get(lw):
            return PLACE[lw], w.islower()
        if lw in STOPWORDS:
            return None, False
        k = key(w)
        if k.isdigit() or k in STOPWORDS or len(k) < 2:
            return None, False
        return k, (w[:-2] if w.endswith(("'s", "’s")) else w).islower()

    words = WORD.findall(fold_places(text))
    out = [(fam, low, False) for fam, low in map(content, words) if fam is not None]
    if out and content(words[0])[0] is not None:
        out[0] = (out[0][0], out[0][1], True)
    lows = [f for f, low, _ in out if low]
    caps = [f for f, low, first in out if not low and not first]
    return [f for f, _, _ in out], lows, caps


def test_families_with_their_case_counts_as_word_by_word():
    bits = ["The", "the", "Beijing", "beijing", "Chinese", "U.S.", "North Korea", "Trump's",
            "trump’s", "said", "Said", "42", "one", "Nuclear", "nuclear", "tests", "Tests",
            "it", "It", "a", "x", "Iran's", "IRAN", "deal", ",", "."]
    rng = random.Random(21)
    for _ in range(2000):
        text = " ".join(rng.choice(bits) for _ in range(rng.randrange(0, 8)))
        lows: list[str] = []
        caps: list[str] = []
        fams = topics._families(text, lows, caps)
        assert (fams, lows, caps) == _families_plainly(text), text
