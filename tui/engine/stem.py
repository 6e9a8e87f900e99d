"""The Snowball English stemmer, and nothing else of Snowball.

`english()` gives a function word -> stem.  PyStemmer (Snowball compiled, the same stems)
when it is installed; else snowballstemmer's pure-Python English stemmer, loaded on its
own: importing the snowballstemmer package loads all of its 30-odd languages (a fifth of
`synopsis export`'s start-up), for one of them.
"""
from __future__ import annotations

from typing import Callable

_PRIVATE = "_synopsis_snowball"     # snowballstemmer's folder, as a package of our own name


def english() -> Callable[[str], str]:
    try:
        import Stemmer  # PyStemmer
    except ImportError:
        pass
    else:
        return Stemmer.Stemmer("english").stemWord
    try:
        return _english_module().EnglishStemmer().stemWord
    except (ImportError, AttributeError):  # another layout: the package's own way
        import snowballstemmer

        return snowballstemmer.stemmer("english").stemWord


def _english_module():
    """snowballstemmer/english_stemmer.py (and the two modules it imports) without the
    package's __init__, under a private package name: `import snowballstemmer` elsewhere
    still gets the whole package."""
    import importlib
    import importlib.util
    import sys
    import types

    if _PRIVATE not in sys.modules:
        spec = importlib.util.find_spec("snowballstemmer")
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("snowballstemmer is not installed")
        pkg = types.ModuleType(_PRIVATE)
        pkg.__path__ = list(spec.submodule_search_locations)
        sys.modules[_PRIVATE] = pkg
    return importlib.import_module(f"{_PRIVATE}.english_stemmer")
