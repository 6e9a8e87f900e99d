"""Fixtures for the reader's tests (the hand-built corpus is in reader_story.py)."""
from __future__ import annotations

import asyncio
import inspect

from textual._context import active_app

import pytest

from reader_story import story


@pytest.fixture(autouse=True, scope="session")
def quick_keys():
    """Pilot's key presses, without the wait for an idle CPU.  Textual's press sends a key,
    then twice waits until the process looks idle, sleeping in 20 ms steps (the app's
    timers rarely let it look idle sooner): 50-70 ms a key, most of the reader tests' time.
    Here a press waits instead until the app and the screen have handled what is queued
    (the key, then what handling it posted; Textual calls this twice a key): the key's
    work and no more.  `pilot.pause()` still waits for idle, where a test needs a refresh to pass."""
    import textual.app
    from textual.pilot import Pilot

    async def settle(min_sleep: float = 0, max_sleep: float = 1) -> None:
        app = active_app.get()
        pilot = Pilot(app)
        for _ in range(2):        # the key, then what handling it posted
            await asyncio.sleep(0)
            await pilot._wait_for_screen()

    saved = textual.app.wait_for_idle
    textual.app.wait_for_idle = settle
    yield
    textual.app.wait_for_idle = saved


@pytest.fixture
def story_analysis():
    return story()


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run `async def` tests (Pilot) in a fresh event loop; no asyncio plugin needed."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        args = {k: pyfuncitem.funcargs[k] for k in pyfuncitem._fixtureinfo.argnames}
        asyncio.run(pyfuncitem.obj(**args))
        return True
    return None
