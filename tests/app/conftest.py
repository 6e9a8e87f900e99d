"""Fixtures for the reader's tests (the hand-built corpus is in reader_story.py)."""
from __future__ import annotations

import asyncio
import inspect

import pytest

from reader_story import story


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
