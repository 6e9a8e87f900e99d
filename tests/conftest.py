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


@pytest.fixture(scope="session", autouse=True)
def terminal_signals():
    """Programs started by the tests get Ctrl+C and hang-ups as from a terminal, even when
    the run itself was started with them ignored (`&`, nohup): see terminal_signals.py."""
    from terminal_signals import give_children_the_default, restore

    saved = give_children_the_default()
    yield
    restore(saved)


@pytest.fixture
def started_in_the_background():
    """This process as a shell starts `pytest ... &` under nohup (SIGINT, SIGQUIT and SIGHUP
    ignored), then what the session does about it (terminal_signals above)."""
    import signal

    from terminal_signals import give_children_the_default, restore

    sigs = [getattr(signal, n) for n in ("SIGINT", "SIGQUIT", "SIGHUP") if hasattr(signal, n)]
    old = {s: signal.signal(s, signal.SIG_IGN) for s in sigs}
    saved = give_children_the_default()
    yield
    restore(saved)
    restore(old)
