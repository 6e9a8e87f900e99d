"""What a source is called: its outlet when the text says so, else the name of its file.

Never a byline (a person is not a source), a section of a site ("US News", "World",
"Politics": the suffix of a headline such as "Headline | US News" names where on the site
the page stands, not whose site it is), or a hash ("003_dfd4a5a4a88ba7f9" is shown as
"003").  A file named after a well-known outlet ("01_huffpost.txt", "nytimes-2018.txt")
is shown as that outlet ("HuffPost", "The New York Times").  A label the user gives is a
correction: it becomes the article's outlet.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Words a site's section is made of: a headline suffix of only these names a section.
SECTION_WORDS = frozenset("""
news world us uk u.s. eu local national international politics political business money
economy markets finance opinion opinions comment analysis editorial editorials sport sports
tech technology science health entertainment culture arts lifestyle life style travel food
latest breaking top stories story home homepage video videos live blog blogs media
environment climate education weather features feature investigations region regional
europe asia africa americas middle east australia canada china india metro city nation
global domestic foreign affairs us-news world-news uk-news
""".split())

# Well-known outlets by the slug people (and sites) write their names as; names that are
# also common words ("time", "vice", "mirror", "fox") only in a longer slug.
OUTLET_SLUGS = {
    "apnews": "AP", "reuters": "Reuters", "afp": "AFP", "bbc": "BBC",
    "cnn": "CNN", "nbc": "NBC News", "nbcnews": "NBC News", "cbs": "CBS News",
    "cbsnews": "CBS News", "abcnews": "ABC News", "npr": "NPR",
    "pbs": "PBS", "msnbc": "MSNBC", "foxnews": "Fox News",
    "breitbart": "Breitbart", "huffpost": "HuffPost", "huffingtonpost": "HuffPost",
    "nyt": "The New York Times", "nytimes": "The New York Times",
    "washingtonpost": "The Washington Post", "wapo": "The Washington Post",
    "wsj": "The Wall Street Journal", "usatoday": "USA Today", "latimes": "Los Angeles Times",
    "politico": "Politico", "axios": "Axios", "thehill": "The Hill", "bloomberg": "Bloomberg",
    "guardian": "The Guardian", "theguardian": "The Guardian", "telegraph": "The Telegraph",
    "dailymail": "Daily Mail", "thesun": "The Sun", "economist": "The Economist",
    "aljazeera": "Al Jazeera", "france24": "France 24", "euronews": "Euronews",
    "scmp": "South China Morning Post", "globaltimes": "Global Times", "xinhua": "Xinhua",
    "trtworld": "TRT World", "skynews": "Sky News", "cbc": "CBC",
    "globeandmail": "The Globe and Mail", "abcnet": "ABC (Australia)", "smh": "The Sydney "
    "Morning Herald", "timesofindia": "The Times of India", "hindustantimes": "Hindustan "
    "Times", "epochtimes": "The Epoch Times", "theepochtimes": "The Epoch Times",
    "newsweek": "Newsweek", "theatlantic": "The Atlantic", "buzzfeed": "BuzzFeed News",
    "dailycaller": "The Daily Caller", "nypost": "New York Post",
    "washingtontimes": "The Washington Times", "washingtonexaminer": "Washington Examiner",
    "nationalreview": "National Review", "motherjones": "Mother Jones",
    "thedailybeast": "The Daily Beast", "dailybeast": "The Daily Beast",
    "yahoo": "Yahoo News", "yahoonews": "Yahoo News", "cnbc": "CNBC", "forbes": "Forbes",
    "spiegel": "Der Spiegel", "lemonde": "Le Monde", "elpais": "El País",
}

_HASHLIKE = re.compile(r"^(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{8,}$", re.I)
_TOKENS = re.compile(r"[^\W_]+")


def is_section(name: str) -> bool:
    """A section of a site ("US News", "World", "Politics | Opinion"), not an outlet."""
    words = re.findall(r"[\w.'-]+", name.lower())
    return bool(words) and all(w.strip(".") in SECTION_WORDS or w in SECTION_WORDS
                               for w in words)


@lru_cache(maxsize=4096)
def from_filename(stem: str) -> str:
    """A file's name as a source's name: a well-known outlet's slug as the outlet
    ("01_huffpost" -> "HuffPost"), else the name without its hash-like parts
    ("003_dfd4a5a4a88ba7f9" -> "003")."""
    tokens = _TOKENS.findall(stem.lower())
    for k in range(len(tokens)):
        for n in (3, 2, 1):                 # "fox_news", "new_york_times" ...
            slug = "".join(tokens[k:k + n])
            if len(tokens[k:k + n]) == n and slug in OUTLET_SLUGS:
                return OUTLET_SLUGS[slug]
    kept = [t for t in re.split(r"([_\-. ]+)", stem) if not _HASHLIKE.match(t)]
    name = "".join(kept).strip("_-. ")
    return name or stem
