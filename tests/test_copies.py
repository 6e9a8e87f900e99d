"""Copies: inputs with the very same text are read once, as one article that names them;
the export lists them and costs what one article costs, whatever their number."""
from __future__ import annotations

import json

from tui.cli import main
from tui.engine.corpus import load_corpus

TEXT = ("Harbour pilots walked off the job on Monday, the port authority said.\n\n"
        "\u201cWe will not sail without a new contract,\u201d a pilots' spokeswoman said.\n\n"
        "Ferries to the islands were cancelled until further notice.\n")
OTHER = ("The port authority said on Monday that harbour pilots had walked out.\n\n"
         "Ferry crossings were called off, and freight waited offshore.\n")


def _folder(tmp_path, copies: int, other: bool = True):
    d = tmp_path / "in"
    d.mkdir()
    for k in range(copies):
        (d / f"wire-{k:03d}.txt").write_text(TEXT, encoding="utf-8")
    if other:
        (d / "zz-local.txt").write_text(OTHER, encoding="utf-8")
    return d


def test_copies_are_read_once_and_named(tmp_path):
    corpus = load_corpus([str(_folder(tmp_path, 4))])
    assert [a.id for a in corpus.articles] == ["wire-000", "zz-local"]
    first = corpus.articles[0]
    assert [i for i, _ in first.copies] == ["wire-001", "wire-002", "wire-003"]
    assert all(p.endswith(f"{i}.txt") for i, p in first.copies)
    said = [w for w in corpus.warnings if "same text" in w]
    assert len(said) == 1 and "wire-001.txt and 2 more" in said[0]
    assert not corpus.articles[1].copies


def test_a_file_given_twice_is_one_article(tmp_path):
    d = _folder(tmp_path, 1, other=False)
    f = str(d / "wire-000.txt")
    corpus = load_corpus([f, f])
    assert len(corpus.articles) == 1 and len(corpus.articles[0].copies) == 1


def test_the_same_words_in_another_format_are_not_a_copy(tmp_path):
    d = _folder(tmp_path, 1, other=False)
    (d / "wire-md.md").write_text(TEXT, encoding="utf-8")
    corpus = load_corpus([str(d)])
    assert len(corpus.articles) == 2 and not any(a.copies for a in corpus.articles)


def test_the_export_costs_what_one_article_costs(tmp_path):
    sizes, listed_size = {}, 0
    for n in (1, 60):
        d = tmp_path / f"n{n}"
        d.mkdir()
        out = d / "out.json"
        assert main(["export", str(_folder(d, n)), "-o", str(out), "--no-cache"]) == 0
        sizes[n] = out.stat().st_size
        doc = json.loads(out.read_text(encoding="utf-8"))
        assert [a["id"] for a in doc["articles"]] == ["wire-000", "zz-local"]
        listed = doc["articles"][0].get("copies", [])
        assert [c["id"] for c in listed] == [f"wire-{k:03d}" for k in range(1, n)]
        listed_size = len(json.dumps(listed, ensure_ascii=False))
    # the articles' records are the same; only the list of copies grows (by its own
    # size, written with the export's indentation: a few bytes a line; the paths in it
    # are as long as the test's temporary folder, so the bound is the list's size)
    assert sizes[60] - sizes[1] < listed_size + 59 * 16
