"""Writing files so that a reader never sees half of one."""
from __future__ import annotations

import os
import secrets
from pathlib import Path


def atomic_write(path: str | os.PathLike, data: bytes | str, mode: int = 0o666) -> Path:
    """Write data to path through a temporary file beside it and a rename.

    The file gets `mode` less the umask (by default the user's usual permissions; 0o600
    for a private cache).  On any failure the
    temporary file is removed and the error raised; an existing file at path is untouched.
    Returns the absolute path written."""
    target = Path(path).expanduser().absolute()
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return target
