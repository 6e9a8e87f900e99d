"""Writing files so that a reader never sees half of one, and nothing is left behind."""
from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

# temporary files of writes under way: removed by discard_pending() when the process is
# stopped in the middle of one (SIGTERM, SIGHUP: tui.cli installs that; Ctrl+C and other
# exceptions are handled where the write is)
_pending: set[str] = set()
_lock = threading.Lock()


def atomic_write(path: str | os.PathLike, data: bytes | str, mode: int = 0o666) -> Path:
    """Write data to path through a temporary file beside it and a rename.

    The file gets `mode` less the umask (by default the user's usual permissions; 0o600
    for a private cache).  On any failure the temporary file is removed and the error
    raised; an existing file at path is untouched.  A symbolic link is written through
    (the link stays, its file is replaced).  Anything that is not a regular file (a
    device such as /dev/null, /dev/stdout, a pipe) is written in place, never renamed
    over.  Returns the absolute path written."""
    target = Path(path).expanduser().absolute()
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        st = os.stat(target)            # through links, as the kernel sees them
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "Is a directory", str(target))
    if st is not None and not stat.S_ISREG(st.st_mode):
        with open(target, "wb") as fh:
            fh.write(raw)
        return target
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    tmp = str(target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"))
    with _lock:
        _pending.add(tmp)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.replace(tmp, target)
    except BaseException:
        _unlink(tmp)
        raise
    finally:
        with _lock:
            _pending.discard(tmp)
    return target


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def discard_pending() -> None:
    """Remove the temporary files of writes still under way (the process is stopping)."""
    for _ in range(3):
        try:
            pending = list(_pending)
        except RuntimeError:  # another thread changed the set meanwhile: look again
            continue
        for tmp in pending:
            _unlink(tmp)
        return
