from tui.engine.segment import segment, split_paragraph


def sents(p: str) -> list[str]:
    return [p[a:b] for a, b in split_paragraph(p)]


def test_plain_split():
    assert sents("The balloon flew. It was large! Was it? Yes.") == [
        "The balloon flew.", "It was large!", "Was it?", "Yes."]


def test_abbreviations_do_not_split():
    p = ("Sen. Marco Rubio (R-Fla.) said so. Gen. Mark Milley and Brig. Gen. Patrick Ryder agreed "
         "on Feb. 1, 2023. Mr. Smith left.")
    assert sents(p) == ["Sen. Marco Rubio (R-Fla.) said so.",
                        "Gen. Mark Milley and Brig. Gen. Patrick Ryder agreed on Feb. 1, 2023.",
                        "Mr. Smith left."]


def test_party_tag_and_acronyms():
    p = "House Speaker Kevin McCarthy (R-Calif.) announced it. The U.S. Secretary of State went."
    assert sents(p) == ["House Speaker Kevin McCarthy (R-Calif.) announced it.",
                        "The U.S. Secretary of State went."]


def test_acronym_at_a_real_end():
    assert sents("It flew over the U.S. The Pentagon said so.") == [
        "It flew over the U.S.", "The Pentagon said so."]


def test_initials():
    assert sents("Deputy Attorney General Rod J. Rosenstein spoke. He left.") == [
        "Deputy Attorney General Rod J. Rosenstein spoke.", "He left."]


def test_ellipsis_runs_on():
    assert sents("We waited... Then nothing. And… More came.") == [
        "We waited... Then nothing.", "And… More came."]


def test_split_inside_quotations():
    p = ("“Clearly the intent is surveillance,” the official said. “And so the path does carry it. "
         "We know where it is.”")
    assert sents(p) == ["“Clearly the intent is surveillance,” the official said.",
                        "“And so the path does carry it.", "We know where it is.”"]


def test_quote_closing_after_period():
    assert sents("It was monitoring a “potential second incident.” The Pentagon agreed.") == [
        "It was monitoring a “potential second incident.”", "The Pentagon agreed."]


def test_photo_credit_stays_with_caption():
    p = "A balloon over Billings on Feb. 1, 2023. (Chase Doak/via Reuters)"
    assert sents(p) == [p]


def test_dateline_prefix_is_its_own_unit():
    p = " date 2023-02-03 Canada said it was working with the United States."
    assert sents(p) == ["date 2023-02-03", "Canada said it was working with the United States."]
    assert sents("date 2023-02-03 WORLD") == ["date 2023-02-03 WORLD"]


def test_offsets_exact_and_lines_are_paragraphs():
    text = "Title line\n\nFirst one. Second one.\nThird.\n\n***\n"
    units = segment(text)
    assert [text[a:b] for a, b, _ in units] == [
        "Title line", "First one.", "Second one.", "Third.", "***"]
    assert [p for _, _, p in units] == [0, 1, 1, 2, 3]


def test_lowercase_after_period_does_not_split():
    assert sents("It was 5 p.m. local time and the jets were up.") == [
        "It was 5 p.m. local time and the jets were up."]
