"""The signals a child of the tests starts with: those a terminal gives a command.

A command started in the background by a shell without job control (`pytest ... &` in a
script or a tool) starts with SIGINT and SIGQUIT ignored, and under `nohup` with SIGHUP
ignored.  An ignored signal stays ignored across fork and exec, so every program the tests
start would ignore the Ctrl+C or the hang-up a test sends it: synopsis, like Python itself,
keeps a signal its parent chose to ignore (a background job is not stopped by the Ctrl+C
typed at the terminal).  That made the Ctrl+C and SIGHUP tests fail in every run of the
suite started that way, and pass in the foreground.

A caught signal is reset to its default at exec: an ignored one is caught here by a handler
that does nothing, so this process stays deaf to it and its children get the default."""
from __future__ import annotations

import signal

NAMES = ("SIGINT", "SIGHUP", "SIGTERM", "SIGQUIT")


def _deaf(_signum, _frame) -> None:
    pass


def give_children_the_default() -> dict:
    """Ignored signals caught by a no-op instead (main thread only); returns what to restore."""
    saved = {}
    for name in NAMES:
        sig = getattr(signal, name, None)
        if sig is not None and signal.getsignal(sig) == signal.SIG_IGN:
            saved[sig] = signal.signal(sig, _deaf)
    return saved


def restore(saved: dict) -> None:
    for sig, handler in saved.items():
        signal.signal(sig, handler)
