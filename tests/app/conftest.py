"""Fixtures for the reader's tests (the hand-built corpus is in reader_story.py)."""
from __future__ import annotations

import asyncio
import inspect
import time

from textual._context import active_app

import pytest

from reader_story import story


@pytest.fixture(autouse=True, scope="session")
def quick_keys():
    """Pilot's waits, for the app's work and no longer.  Textual's press sends a key, then
    twice waits until the process looks idle, sleeping in 20 ms steps (the app's timers
    rarely let it look idle sooner), and Pilot waits for the screen by posting a callback
    to every widget and waiting for them all (over 100 messages a key, more work than the
    key's own).  Here a press waits until the app and its screen's widgets have handled
    all that is queued: the key and whatever handling it posted, however long the chain (a
    message counts until its handler returns), then for the screen's next idle (its
    layout).  `pilot.pause()` waits the same way, then 10 ms (short timers fire: a resize
    is sent after 1/120 s; the idle wait slept 20 ms first), then for a running worker (up
    to a second, as the idle wait did), then draws a frame, as idle time would have, and
    waits for what the frame posted (after-refresh callbacks)."""
    import textual.app
    import textual.pilot
    from textual.message_pump import MessagePump
    from textual.pilot import Pilot
    from textual.worker import WorkerState

    handling = [0]
    dispatch = MessagePump._dispatch_message

    async def counted(self, message):
        handling[0] += 1
        try:
            return await dispatch(self, message)
        finally:
            handling[0] -= 1

    def quiet(app) -> bool:
        if handling[0]:
            return False
        for node in (app, *app.screen.walk_children(with_self=True)):
            if node._message_queue.qsize() or node._next_callbacks:
                return False
        return True

    async def until_quiet(app, timeout: float = 30.0) -> None:
        calm, k = 0, 0
        end = time.monotonic() + timeout
        while calm < 3:
            # a key is posted a few loop turns after it is sent; a long handler: let it run
            await asyncio.sleep(0 if k < 100 else 0.001)
            k += 1
            calm = calm + 1 if quiet(app) else 0
            if k % 1000 == 0 and time.monotonic() > end:
                raise TimeoutError("the app's messages were not handled in time")

    async def settle(min_sleep: float = 0, max_sleep: float = 1) -> None:
        app = active_app.get()
        await until_quiet(app)
        done = asyncio.Event()
        if app.screen.call_later(done.set):     # the screen's idle after it
            await done.wait()
            await until_quiet(app)

    async def wait_for_screen(self, timeout: float = 30.0) -> bool:
        await settle()
        return True

    async def idle(min_sleep: float = 0, max_sleep: float = 1) -> None:
        app = active_app.get()
        end = time.monotonic() + max_sleep
        await settle()
        await asyncio.sleep(0.01)   # short timers fire (a resize's, 1/120 s)
        while time.monotonic() < end and any(
                w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers):
            await asyncio.sleep(0.005)
        await settle()
        app.screen._on_timer_update()      # a frame, as idle time would have drawn
        await settle()

    saved = (textual.app.wait_for_idle, textual.pilot.wait_for_idle, Pilot._wait_for_screen)
    MessagePump._dispatch_message = counted
    textual.app.wait_for_idle = settle
    textual.pilot.wait_for_idle = idle
    Pilot._wait_for_screen = wait_for_screen
    yield
    textual.app.wait_for_idle, textual.pilot.wait_for_idle, Pilot._wait_for_screen = saved
    MessagePump._dispatch_message = dispatch


@pytest.fixture(autouse=True, scope="session")
def css_parsed_once():
    """Each app parses every widget's CSS anew (Textual keeps parsed rules per stylesheet,
    that is per app); here the rules parsed for one CSS text, place and set of theme
    variables are kept for the session, so a test's app parses only what no earlier app
    did.  The rules are the ones that parse gives (Textual already shares them between
    the nodes of one app); the snapshots check the screens are drawn as before."""
    from textual.css.stylesheet import Stylesheet

    parse = Stylesheet._parse_rules
    parsed: dict = {}

    def parse_once(self, css, read_from, is_default_rules=False, tie_breaker=0, scope=""):
        key = (css, read_from, is_default_rules, tie_breaker, scope,
               tuple(sorted(self._variables.items())))
        rules = parsed.get(key)
        if rules is None:
            rules = parsed[key] = parse(self, css, read_from, is_default_rules,
                                        tie_breaker, scope)
        return rules

    Stylesheet._parse_rules = parse_once
    yield
    Stylesheet._parse_rules = parse


@pytest.fixture(autouse=True)
def nothing_built_ahead(request, monkeypatch):
    """The reader builds lines and screens ahead whenever it is idle (ReaderScreen.warm_up,
    after start-up and after each move): a quarter of a pilot test's CPU, for what no key
    of the test needs (a key builds what it shows itself).  Here it is off, except in the
    tests marked `built_ahead` (tests/app/test_app_ahead.py), which test that work: what
    is built ahead is drawn as if built when the key came."""
    from tui.app.screens.reader import ReaderScreen

    if request.node.get_closest_marker("built_ahead") is None:
        monkeypatch.setattr(ReaderScreen, "warm_up", lambda self: None)
    else:   # its steps (3 ms of work each) 2 ms apart, not 20: the tests wait for the last
        monkeypatch.setattr(ReaderScreen, "WARM_EVERY", 0.002)


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
