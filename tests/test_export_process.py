"""`synopsis export` as a process of its own, and called from a program."""
from __future__ import annotations

import gc
from pathlib import Path

from tui.cli import main

SEEDS = str(Path(__file__).resolve().parent.parent / "seeds")


def test_an_export_called_from_a_program_leaves_its_garbage_collector_alone(tmp_path):
    """Freezing what start-up made is for the command's own process: a program (or a test
    run) calling main() keeps collecting its own objects."""
    before = gc.get_freeze_count()
    assert main(["export", SEEDS, "--no-cache", "-o", str(tmp_path / "x.json")]) == 0
    assert gc.get_freeze_count() == before
    assert (tmp_path / "x.json").read_text(encoding="utf-8").startswith('{"schema":')
