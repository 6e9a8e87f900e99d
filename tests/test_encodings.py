"""Text encodings: nothing garbled silently, nothing that crashes.  The bytes are made here."""
from __future__ import annotations

import codecs

import pytest

from tui.engine.corpus import load_corpus
from tui.engine.decoding import decode

FRENCH = ("Le maire a expliqué très clairement qu'il était prêt à négocier avec les élus. "
          "Les négociations reprendront la semaine prochaine à la mairie.\n")
GERMAN = ("Die Bürger müssen größere Anstrengungen unternehmen, sagte die Präsidentin am "
          "Dienstag. Der Haushalt wurde mit knapper Mehrheit beschlossen.\n")
POLISH = ("Zażółć gęślą jaźń, powiedział prezydent w środę. Rząd przyjął ustawę o podatkach "
          "i samorządach.\n")
ENGLISH = ("The mayor said \u201cwe will not back down\u201d on Tuesday \u2014 and the council "
           "agreed. It\u2019s the third budget in a row without a tax rise.\n")


def load_one(path):
    corpus = load_corpus([str(path)])
    assert len(corpus.articles) == 1
    return corpus.articles[0], corpus.warnings


@pytest.mark.parametrize("enc", ["cp1252", "latin-1"])
def test_western_single_byte_text_is_not_read_as_central_european(tmp_path, enc):
    f = tmp_path / "fr.txt"
    f.write_bytes(FRENCH.encode(enc))
    art, warnings = load_one(f)
    assert art.text == FRENCH                      # "très", not "trčs"
    assert art.encoding in ("cp1252", "latin_1", "iso8859_15")


def test_an_ambiguous_guess_is_said_once(tmp_path):
    f = tmp_path / "fr.txt"
    f.write_bytes(FRENCH.encode("cp1252"))
    _, warnings = load_one(f)
    said = [w for w in warnings if "fr.txt" in w]
    assert len(said) == 1 and "not UTF-8; read as cp1252" in said[0]


def test_german_latin1(tmp_path):
    f = tmp_path / "de.txt"
    f.write_bytes(GERMAN.encode("latin-1"))
    art, _ = load_one(f)
    assert art.text == GERMAN


def test_clearly_central_european_text_keeps_its_encoding(tmp_path):
    f = tmp_path / "pl.txt"
    f.write_bytes(POLISH.encode("cp1250"))
    art, _ = load_one(f)
    assert art.text == POLISH and art.encoding == "cp1250"


def test_one_bad_byte_in_utf8_garbles_nothing_else(tmp_path):
    data = ENGLISH.encode("utf-8")
    k = data.index(b"third")
    f = tmp_path / "en.txt"
    f.write_bytes(data[:k] + b"\xff" + data[k:])
    art, warnings = load_one(f)
    assert art.encoding == "utf-8"
    assert art.text == ENGLISH[:ENGLISH.index("third")] + "\ufffd" + ENGLISH[ENGLISH.index("third"):]
    said = [w for w in warnings if "en.txt" in w]
    assert said == [f"{f}: 1 invalid byte sequence for UTF-8, shown as \ufffd"]


def test_a_cut_utf8_sequence_at_the_end(tmp_path):
    f = tmp_path / "en.txt"
    f.write_bytes(ENGLISH.encode("utf-8") + "\u2019".encode("utf-8")[:2])
    art, warnings = load_one(f)
    assert art.text.startswith(ENGLISH.rstrip("\n")) and art.encoding == "utf-8"
    assert any("invalid byte sequence for UTF-8" in w for w in warnings)


@pytest.mark.parametrize("tail", [b"\x00", b"\x00\xd8", b"\x00\xd8A\x00"],
                         ids=["odd byte", "lone surrogate at the end", "lone surrogate"])
def test_utf16_with_a_bom_and_bad_bytes_reads_with_replacement(tmp_path, tail):
    f = tmp_path / "u16.txt"
    f.write_bytes(codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le") + tail)
    art, warnings = load_one(f)
    assert art.text.startswith(ENGLISH) and "\ufffd" in art.text
    assert any("invalid byte sequence" in w and "UTF-16" in w for w in warnings)


def test_decode_never_raises_unicode_errors():
    """A sweep of awkward byte strings: text or an InputError, never a UnicodeError."""
    from tui.engine import InputError

    samples = [codecs.BOM_UTF16_BE + b"\xd8\x00", codecs.BOM_UTF32_LE + b"\xff\xff\xff\x7f",
               codecs.BOM_UTF8 + b"\xc3", b"\xe9" * 3, b"caf\xe9", b"\xed\xa0\x80 surrogate",
               bytes(range(0x80, 0x100)), b"\x1b[2J" * 100]
    for data in samples:
        try:
            text, enc, *_ = decode(data, "x")
        except InputError:
            continue
        assert isinstance(text, str) and not any(0xD800 <= ord(c) <= 0xDFFF for c in text)
