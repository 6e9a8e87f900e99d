from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "gold" / "seeds"


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Never read or write the user's own analysis cache from a test."""
    d = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("SYNOPSIS_CACHE_DIR", str(d))
    return d


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seeds_analysis():
    from tui.engine import analyse

    return analyse([str(SEEDS)])
