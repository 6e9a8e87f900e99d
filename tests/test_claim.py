"""What a sentence claims: attribution tags, preambles, clauses (tui/engine/claim.py).

Every sentence here is invented; each shows one shape of news copy."""
from __future__ import annotations

import pytest

from tui.engine.claim import clauses, preamble_end, tag_spans


def tags(text: str, headline: bool = False) -> list[str]:
    return [text[a:b].strip(" ,.") for a, b in tag_spans(text, headline)]


@pytest.mark.parametrize("text, tag", [
    # leading tags: the claim follows the speech verb
    ("The harbour authority said that the ferry will resume sailing on Monday.",
     "The harbour authority said that"),
    ("Mayor Lena Fisk said the pool would stay closed all summer.", "Mayor Lena Fisk said"),
    ("The water board told residents on Tuesday that the pipes were safe.",
     "The water board told residents on Tuesday that"),
    ("According to the county coroner, the driver died at the scene.",
     "According to the county coroner"),
    # trailing tags, after the claim or after a quotation
    ("The ferry will resume sailing on Monday, the harbour authority said on Friday.",
     "the harbour authority said on Friday"),
    ('"We will rebuild the pier by spring," the harbour master said.',
     '" the harbour master said'),
    ("The pier reopens in May, according to a notice posted at the gate.",
     "according to a notice posted at the gate"),
    # an inverted tag with appositions: the names must not carry a match
    ("Farm subsidies will double next year, said Chairwoman Ann Smith, R-Ohio, and "
     "Chairman Bo Lee, D-Iowa.",
     "said Chairwoman Ann Smith, R-Ohio, and Chairman Bo Lee, D-Iowa"),
    ("The deal is dead, said the senior negotiator.", "said the senior negotiator"),
    # a lead whose subject closes with an apposition or adjunct set off by commas
    ("Lena Fisk, a spokeswoman for the water board, said the pipes were safe.",
     "Lena Fisk, a spokeswoman for the water board, said"),
    ("The mayor, speaking at the town hall, said the bridge would reopen in May.",
     "The mayor, speaking at the town hall, said"),
    # a possessive inside a tag is no quotation mark
    ('"The ferry has done its work," the mayor said in a statement carried by the city\'s '
     'radio station.', '" the mayor said in a statement carried by the city\'s radio station'),
    ("The dam will hold, the company’s chief engineer said on Monday in the region’s "
     "parliament.", "the company’s chief engineer said on Monday in the region’s parliament"),
    # a trailing tag that names whom the speaker quotes
    ('"The dam will hold through the winter," the water board said, quoting its engineer.',
     '" the water board said, quoting its engineer'),
    # a lead-in that announces the point after a colon
    ('"This morning I am here to tell you one thing: the dam failed."',
     '"This morning I am here to tell you one thing:'),
    ("Let me be clear: nobody will lose their pension.", "Let me be clear:"),
])
def test_tags_found(text, tag):
    assert tags(text) == [tag]


def test_middle_tag():
    t = "The tapes, the inspector said, showed that the lock had been forced."
    assert tags(t) == ["the inspector said"]


@pytest.mark.parametrize("text", [
    # "States", "reports" and "claims" are nouns here
    "The United States and Canada signed the treaty in 1994.",
    "The reports did not say whether the bridge would reopen.",
    "His claims about the budget were false.",
    # the speech verb belongs to a clause of the claim, not to a tag
    "Todd Reyes, the owner, said the repairs were already under way.".replace(
        "Todd Reyes, the owner, said", "The owner of the bakery, which opened in 1990, said"),
    # a verb that is the claim itself, not a report of speech
    "The council warned residents to boil their water.",
    "Prices continued to rise through the winter.",
    # nothing but a tag is left: no claim, no tag
    "The senator said so.",
    # the speech verb sits inside the claim: "what X said", a second predicate, a noun
    "The minister showed reporters what she said were the missing ledgers.",
    "The union walked out of the talks and said the strike would go on for a week.",
    "The board rejected the mayor's claims that the bridge was safe.",
    # a colon before a list, or a lead-in that neither tells nor addresses anyone
    "The budget has three parts: roads, schools and water.",
    "The cause of the blackout was simple: a squirrel in the substation.",
])
def test_no_tag(text):
    assert tags(text) == []


def test_lead_that_runs_into_a_trailing_tag_is_the_claim():
    t = "The city will close three schools next year, the education office announced."
    assert tags(t) == ["the education office announced"]


def test_headline_source():
    assert tags("Storm Cuts Power to Coastal Towns: Utility", headline=True) == [": Utility"]
    assert tags("Police: Two Arrested After Bank Raid", headline=True) == ["Police:"]
    assert tags("Police: Two Arrested After Bank Raid") == []  # body text keeps its colon


@pytest.mark.parametrize("text, rest", [
    ("LISBON, Portugal — The central bank raised rates.", "The central bank raised rates."),
    ("OSLO (Reuters) - Wages rose in May.", "Wages rose in May."),
    ("Dakar (AFP) – The port reopened on Sunday.", "The port reopened on Sunday."),
    ("First, the bridge was never inspected.", "the bridge was never inspected."),
    ('"Second, the money was spent twice," she said.', 'the money was spent twice," she said.'),
    ("Meanwhile, rain fell all week.", "rain fell all week."),
    ("The bank raised rates.", "The bank raised rates."),
    ("North Korea — a closed state — tested a rocket.", "North Korea — a closed state — tested a rocket."),
])
def test_preamble(text, rest):
    assert text[preamble_end(text):] == rest


def spans(text: str) -> list[str]:
    return [" ".join(text[a:b].strip(" ,;") for a, b in c) for c in clauses(text)]


def test_clauses_split_at_clause_shapes_only():
    assert spans("Residents are safe and the company is taking steps to contain the spill, "
                 "including monitoring a second leak.") == [
        "Residents are safe", "and the company is taking steps to contain the spill",
        "including monitoring a second leak."]
    # "and" between nouns joins no clauses
    assert spans("The port halted grain and fertiliser exports on Friday.") == [
        "The port halted grain and fertiliser exports on Friday."]
    # "and" before a verb does
    assert spans("The port will halt exports and will close two docks.") == [
        "The port will halt exports", "and will close two docks."]
    assert spans("The minister resigned and apologised to the staff.") == [
        "The minister resigned", "and apologised to the staff."]
    assert spans("Trains stopped; buses ran late.") == ["Trains stopped", "buses ran late."]


def test_relative_clause_set_off_by_commas_does_not_end_the_main_clause():
    assert spans("The mayor, who took office in May, opened the new library.") == [
        "The mayor opened the new library.", "who took office in May"]
    # at the end, a relative clause is a later clause
    assert spans("The mayor opened the library, which cost $4 million.") == [
        "The mayor opened the library", "which cost $4 million."]


def test_as_starts_a_clause_only_before_a_subject():
    assert spans("Shares fell as it emerged the bank had lost money.") == [
        "Shares fell", "as it emerged the bank had lost money."]
    assert spans("Ports such as Antwerp and Hamburg reopened.") == [
        "Ports such as Antwerp and Hamburg reopened."]


def test_occasions():
    from tui.engine.claim import occasions, occasions_differ

    def differ(a, b):
        return occasions_differ(occasions(a), occasions(b))

    assert differ("On March 3 the plant closed.", "The plant closed on April 21.")
    assert differ("In 2015 the treaty was signed.", "The treaty signed in 2017.")
    assert differ("In July the port reopened.", "The port reopened in August.")
    assert not differ("The 2015 treaty", "the treaty, signed in July 2015")
    assert not differ("the 1950-53 war", "the armistice of 1953")
    assert not differ("a deadline of May 12", "by May 12")
    assert not differ("It may 5 times double.", "on May 5")        # "may" is a verb
    assert not differ("The plant closed.", "The plant closed on April 21.")  # one names none


def test_denial():
    from tui.engine.claim import denial

    assert denial("The ministry denied that the crane collapsed.")
    assert denial("Officials rebutted the report.")
    assert not denial("The crane collapsed, the ministry said.")
