"""fold_places's quick test is made from what each name in places._MULTI always holds:
every way of writing a name that its pattern matches holds one of the name's own needles."""
from __future__ import annotations

import re

import pytest

from tui.engine import places

WRITTEN = {    # invented ways of writing each name, as news writes them
    "usa": ["U.S.", "U. S.", "U.S.A.", "USA", "US", "United States", "United States of America"],
    "uk": ["U.K.", "U. K.", "UK", "United Kingdom", "Great Britain"],
    "northkorea": ["North Korea", "North Korean", "North Koreans"],
    "southkorea": ["South Korea", "South Korean", "South Koreans"],
    "southafrica": ["South Africa", "South African", "South Africans"],
    "saudi": ["Saudi Arabia", "Saudi Arabian"],
    "china": ["People's Republic of China", "People’s Republic of China"],
    "eu": ["European Union"],
    "delhi": ["New Delhi"],
}


def test_every_name_is_listed_here():
    assert set(WRITTEN) == set(places._MULTI)


@pytest.mark.parametrize("key", sorted(WRITTEN))
def test_each_way_of_writing_a_name_holds_one_of_its_needles(key):
    needles, rx = places._MULTI[key]
    for text in WRITTEN[key]:
        assert re.fullmatch(rx, text), text
        assert any(n in text for n in needles), text
        assert places.fold_places(f"in {text} today") == f"in  {key}  today"
