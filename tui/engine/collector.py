"""The cyclic garbage collector held off while a stage builds its data.

A stage that makes millions of small objects (pair columns, spans, dicts of a JSON
document) sets off a collection every 700 allocations, and each older-generation one walks
every object alive: work that finds nothing, since these stages make no reference cycles
(measured: none after aligning the seeds five times, 11 objects after aligning 300
articles).  Held off, the collector costs nothing while the stage runs; it is on again after
(if it was on), and collects then as before.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused():
    """No collection while inside; the collector as it was after (on if it was on)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
