"""The corrections of a reading session, apart from any widget: those in force, the
changes made (for undo), and the corpus file they are written to.

Every change is written at once to the corpus file the reader opened (or, when it opened
a folder or files, to the one it offered to save beside them): the file is read again, the
change made to what it holds now (a line added, removed, put back), and written atomically
(tui.engine.corrections.CorpusFile), so an edit made to it meanwhile by hand is kept.  A
file that cannot be written loses nothing: the corrections stay in force in the session,
the changes not written are kept and written with the next one that can be, and the reader
says so once.  No Textual here (tests/app/test_app_editing.py).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..engine.corrections import Correction, CorpusFile

NEW_NAME = "corpus.synopsis"     # not .txt: a folder never reads it as an article
HEADER = ("synopsis corpus file: the articles compared, then the corrections made in the "
          "reader.\nOpen it again with: synopsis {name}")


@dataclass(frozen=True)
class Change:
    """One change to the corrections in force: `added` or `removed` (at index `at`)."""

    added: Correction | None = None
    removed: Correction | None = None
    at: int = -1                 # where the removed one stood among those in force


@dataclass
class _Op:
    path: str
    kind: str                    # "add" | "remove" | "insert"
    correction: Correction
    line: int = 0                # "insert": the line it goes back to


@dataclass
class Editor:
    """The session's corrections.  `target`: the corpus file new ones are written to
    (None: none yet, or the session only); `listing`: what a new corpus file lists."""

    corrections: tuple[Correction, ...] = ()
    target: str | None = None
    listing: tuple[str, ...] = ()        # paths (relative to target) and URLs, for a new file
    history: list[Change] = field(default_factory=list)
    failed: str = ""                     # why the last write failed ("" if it did not)
    asked: bool = False                  # the offer to save a corpus file was made
    session_only: bool = False           # write no file (a served reader: not the visitor's)
    _pending: list[_Op] = field(default_factory=list)

    @property
    def base(self) -> str:
        """The folder article paths are named from: the corpus file's, else the current one."""
        return os.path.dirname(os.path.abspath(self.target)) if self.target else os.getcwd()

    @property
    def unsaved(self) -> bool:
        return bool(self._pending)

    # -- changes ----------------------------------------------------------------------------
    def add(self, c: Correction) -> str:
        """Put `c` in force (last: it has the last word); the save message."""
        c = Correction(c.kind, c.sentences, c.names, file=self.target or "")
        self.corrections = self.corrections + (c,)
        self.history.append(Change(added=c))
        if self.target:
            self._pending.append(_Op(self.target, "add", c))
        return self.flush()

    def remove(self, c: Correction) -> str:
        """Take `c` (one in force) out; the save message."""
        k = self.corrections.index(c)
        gone = self.corrections[k]
        self.corrections = self.corrections[:k] + self.corrections[k + 1:]
        self.history.append(Change(removed=gone, at=k))
        if gone.file or self.target:
            self._pending.append(_Op(gone.file or self.target, "remove", gone))
        return self.flush()

    def undo(self) -> tuple[Change | None, str]:
        """Undo the last change; (the change undone or None, the save message)."""
        if not self.history:
            return None, ""
        ch = self.history.pop()
        if ch.added is not None:
            k = len(self.corrections) - 1 - self.corrections[::-1].index(ch.added)
            self.corrections = self.corrections[:k] + self.corrections[k + 1:]
            if ch.added.file or self.target:
                self._pending.append(_Op(ch.added.file or self.target, "remove", ch.added))
        else:
            c = ch.removed
            self.corrections = self.corrections[:ch.at] + (c,) + self.corrections[ch.at:]
            if c.file or self.target:
                self._pending.append(_Op(c.file or self.target, "insert", c, c.lineno))
        return ch, self.flush()

    # -- the corpus file ------------------------------------------------------------------------
    def keep_in_session(self) -> None:
        """Write nothing from now on: corrections stay in force for this session only (a
        served reader's files are the server's, not the visitor's to write)."""
        self.session_only, self.target, self.asked = True, None, True
        self._pending.clear()

    def save_to(self, target: str, listing: tuple[str, ...]) -> str:
        """From now on write to a new corpus file `target`, listing `listing` and every
        correction in force; the save message."""
        self.target, self.listing = target, listing
        self.corrections = tuple(Correction(c.kind, c.sentences, c.names, file=c.file or target)
                                 for c in self.corrections)
        self._pending = [_Op(target, "add", c) for c in self.corrections if c.file == target]
        return self.flush()

    def flush(self) -> str:
        """Write what is pending, file by file; "" when all is written (or nothing was to
        be), else the one message saying why not (empty again when it says nothing new)."""
        if self.session_only:
            self._pending.clear()
            return ""
        if not self._pending:
            was, self.failed = self.failed, ""
            return "Corrections saved" if was else ""
        paths = list(dict.fromkeys(op.path for op in self._pending))
        for path in paths:
            ops = [op for op in self._pending if op.path == path]
            try:
                self._write(path, ops)
            except (OSError, ValueError) as e:
                reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
                first = not self.failed
                self.failed = f"{path}: {reason.lower()}"
                if first:
                    return (f"Could not save the corrections in {path} ({reason.lower()}); "
                            "they stay in force in this session, and are saved with the next "
                            "change once the file can be written")
                return ""
            self._pending = [op for op in self._pending if op.path != path]
        was, self.failed = self.failed, ""
        return f"Corrections saved in {paths[-1]}" if was else ""

    def _write(self, path: str, ops: list[_Op]) -> None:
        try:
            cf = CorpusFile.read(path)
        except FileNotFoundError:
            if path != self.target:
                raise
            comment = HEADER.format(name=os.path.basename(path))
            cf = CorpusFile.new(path, list(self.listing), comment)
        for op in ops:
            if op.kind == "add":
                cf = cf.add(op.correction)
            elif op.kind == "remove":
                cf = cf.remove(op.correction)
            else:
                cf = cf.insert(op.correction, op.line)
        cf.save()


def new_corpus_file(paths: list[str], bundled: Path | None = None) -> tuple[str, tuple[str, ...]] | None:
    """Where the reader offers to save a corpus file when it opened folders, files and
    URLs (not a corpus file): beside them (in the folder opened; else the folder the files
    share; only URLs: the current folder), under a name not taken; with what it lists.
    None for the bundled corpus (not the user's to write beside)."""
    from ..engine.urls import is_url

    local = [os.path.abspath(p) for p in paths if not is_url(p)]
    if bundled is not None and any(
            os.path.realpath(p) == os.path.realpath(bundled) for p in local):
        return None
    if len(local) == 1 and os.path.isdir(local[0]):
        folder = local[0]
    elif local:
        folder = os.path.commonpath([p if os.path.isdir(p) else os.path.dirname(p)
                                     for p in local])
    else:
        folder = os.getcwd()
    stem, suffix = os.path.splitext(NEW_NAME)
    target = os.path.join(folder, NEW_NAME)
    k = 2
    while os.path.lexists(target):
        target = os.path.join(folder, f"{stem}-{k}{suffix}")
        k += 1
    listing = tuple(p if is_url(p) else os.path.relpath(os.path.abspath(p), folder)
                    for p in paths)
    return target, listing


def saved_beside(paths: list[str]) -> str | None:
    """The corpus file an earlier session saved in the one folder opened, if there is one
    (opening the folder does not read it; opening it does, with its corrections)."""
    if len(paths) != 1 or not os.path.isdir(paths[0]):
        return None
    p = os.path.join(paths[0], NEW_NAME)
    return p if os.path.isfile(p) else None
