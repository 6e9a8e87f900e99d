"""Writing reports: devices and pipes are written in place (never replaced by a file), links
are written through, and a process stopped in the middle of a write leaves nothing behind."""
from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from tui.cli import main
from tui.engine.files import atomic_write

ROOT = Path(__file__).resolve().parent.parent
SEED = str(next((ROOT / "seeds").glob("*.txt")))


def test_a_device_is_written_in_place_not_replaced(tmp_path, capsys):
    """As root, `-o /dev/null` replaced the device with a regular file.  Tested on a
    private copy of /dev/null (making one needs root), so nothing shared is at risk."""
    dev = tmp_path / "null"
    try:
        os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError):
        pytest.skip("cannot make a device node here")
    assert main(["export", "-o", str(dev), SEED]) == 0, capsys.readouterr().err
    assert stat.S_ISCHR(os.stat(dev).st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_named_pipe_is_written_in_place(tmp_path, capsys):
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    got: dict = {}

    def read():
        with open(fifo, "rb") as fh:
            got["data"] = fh.read()

    t = threading.Thread(target=read, daemon=True)
    t.start()
    assert main(["export", "-o", str(fifo), SEED]) == 0
    t.join(20)
    assert json.loads(got["data"])["schema"] == "synopsis.export/1"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_dev_stdout_through_a_link_reaches_standard_output(tmp_path):
    link = tmp_path / "stdout"
    link.symlink_to("/dev/stdout")
    r = subprocess.run([sys.executable, "-m", "tui", "export", "--no-cache", "-o", str(link),
                        SEED], capture_output=True, timeout=120, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["schema"] == "synopsis.export/1"
    assert link.is_symlink() and os.readlink(link) == "/dev/stdout"


def test_a_link_is_written_through(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_a_folder_is_not_a_file(tmp_path, capsys):
    assert main(["export", "-o", str(tmp_path), SEED]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write" in err


SLOW_WRITE = textwrap.dedent("""
    import os, sys, time
    from tui import cli
    from tui.engine import files
    cli._on_termination()
    real_replace = os.replace
    def slow_replace(a, b):
        print("written", flush=True)
        time.sleep(30)
        real_replace(a, b)
    os.replace = slow_replace
    files.atomic_write(sys.argv[1], b"x" * (4 << 20))
""")


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGHUP"])
def test_stopped_during_a_write_leaves_no_temporary_file(tmp_path, sig):
    """SIGTERM in the middle of a write left a hidden .tmp of several MB."""
    _stop_during_a_write(tmp_path, sig)


def test_hang_up_reaches_the_writer_when_the_tests_run_under_nohup(tmp_path,
                                                                  started_in_the_background):
    """It failed in every run of the suite started under nohup: the child inherited the
    ignored SIGHUP and kept it (terminal_signals.py)."""
    _stop_during_a_write(tmp_path, "SIGHUP")


def _stop_during_a_write(tmp_path, sig):
    target = tmp_path / "report.html"
    proc = subprocess.Popen([sys.executable, "-c", SLOW_WRITE, str(target)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert proc.stdout.readline().strip() == b"written"
        assert [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]   # under way
        proc.send_signal(getattr(signal, sig))
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -getattr(signal, sig)        # stopped as the signal stops
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "r.md"
    target.write_text("old")

    def boom(a, b):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write(target, "new")
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"] and target.read_text() == "old"


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_a_report_written_into_the_folder_is_not_read_next_time(tmp_path, capsys, fmt):
    """`synopsis export DIR -o DIR/report.html` made the report an input of the next run."""
    import shutil

    for p in sorted((ROOT / "seeds").glob("*.txt"))[:3]:
        shutil.copy(p, tmp_path / p.name)
    out = tmp_path / f"report.{fmt}"
    for _ in range(2):
        assert main(["export", "--no-cache", str(tmp_path), "-o", str(out)]) == 0
        capsys.readouterr()
        assert main(["export", "--no-cache", str(tmp_path)]) == 0
        ids = [a["id"] for a in json.loads(capsys.readouterr().out)["articles"]]
        assert ids == [p.stem for p in sorted(tmp_path.glob("*.txt"))], ids
