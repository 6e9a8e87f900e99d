"""Programs the tests start get Ctrl+C and hang-ups as from a terminal, even when the test
run was started with them ignored (`pytest ... &` in a script, nohup): the Ctrl+C and SIGHUP
tests failed in every such run (the child inherited the ignored signal), never in the
foreground."""
from __future__ import annotations

import signal
import subprocess
import sys

import pytest
from terminal_signals import give_children_the_default, restore

SAYS = ("import signal; print(signal.getsignal(signal.SIGINT) is signal.default_int_handler,"
        " signal.getsignal(signal.SIGHUP) == signal.SIG_DFL)")


def child_dispositions() -> str:
    return subprocess.run([sys.executable, "-c", SAYS], capture_output=True, text=True,
                          timeout=30).stdout.strip()


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
def test_a_child_of_a_run_started_in_the_background_gets_the_default():
    old = {s: signal.signal(s, signal.SIG_IGN) for s in (signal.SIGINT, signal.SIGHUP)}
    try:
        assert child_dispositions() == "False False"        # inherited ignored: the cause
        saved = give_children_the_default()
        try:
            assert signal.getsignal(signal.SIGINT) not in (signal.SIG_IGN, signal.SIG_DFL)
            assert child_dispositions() == "True True"      # as from a terminal
        finally:
            restore(saved)
        assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    finally:
        restore(old)
