"""Reading and writing files, with one policy each.

- :func:`read_bytes` / :func:`read_text`: a file that cannot be read, or is not UTF-8 text, is
  a :class:`~transition_kg.core.errors.ReadError` naming the file (and the line of a bad byte).
- :func:`write_atomic`: the new content goes to a temporary file in the same folder, which
  then replaces the target in one rename, so a reader sees the old file or the new one,
  never half of one. A symlink, a device, a FIFO or a folder at the target is refused, never
  replaced.
- :class:`Journal`: a change to several files that a kill cannot leave half done. Each file's
  old bytes are saved under the project's ``.tkg-journal/`` (and listed there) before the file is
  replaced; the change is kept by removing the list, and undone on an exception (Ctrl-C
  included) or, after a kill, by :func:`recover` on the next run of a command that writes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import OutputError, ReadError


def read_bytes(path: Path, shown: str | None = None) -> bytes:
    """The file's bytes; ReadError ``FILE: cannot read: reason``."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ReadError(f"{shown or path}: cannot read: {exc.strerror or exc}") from None


def decode(data: bytes, shown: str) -> str:
    """UTF-8 text; ReadError ``FILE:LINE: not UTF-8 text (byte N)`` otherwise."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReadError(f"{shown}:{line}: not UTF-8 text (byte {exc.start})") from None


def read_text(path: Path, shown: str | None = None) -> str:
    """The file as UTF-8 text (see :func:`read_bytes` and :func:`decode`)."""
    return decode(read_bytes(path, shown), shown or str(path))


def remove(path: Path) -> None:
    """Remove a file if it is there; OutputError when it cannot be."""
    try:
        Path(path).unlink(missing_ok=True)
    except OSError as exc:
        raise OutputError(f"{path}: cannot remove: {exc.strerror}") from None


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    Refuses a target that is a symlink or not a regular file (nothing is written then). A file
    rewritten keeps its permissions (a private 0600 file stays private); a new one gets the
    umask's."""
    path = Path(path)
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
    if mode is not None and not stat.S_ISREG(mode):
        kind = "a symlink" if stat.S_ISLNK(mode) else "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        raise OutputError(f"{path}: cannot write: {kind}; give the path of a regular file")
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if mode is not None:
            os.chmod(tmp, stat.S_IMODE(mode))
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from None


JOURNAL = ".tkg-journal"  # beside graph/ and ontology/: the old bytes of a change under way
_LIST = "files.json"  # its list of files: the change is under way while it is there
_OWNER = "pid"  # the process making the change


def _owner(path: Path) -> int | None:
    """The process making a change, while it runs (None when the change was left by a process
    that is gone: killed, or on a machine that went down)."""
    try:
        pid = int(path.read_text())
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:  # running, as another user
        return pid
    except (OSError, ValueError):
        return None
    return pid


_steps = 0  # the steps of changes this process made (for TKG_TEST_SIGNAL)


def _test_step() -> None:
    """The tests' way to meet a kill or Ctrl-C at each step of a change: ``TKG_TEST_SIGNAL``
    ``N:NAME`` sends signal NAME to this process after its Nth step (a file saved or written)."""
    global _steps
    hook = os.environ.get("TKG_TEST_SIGNAL")
    if not hook:
        return
    step, name = hook.split(":")
    _steps += 1
    if _steps == int(step):
        import signal

        os.kill(os.getpid(), getattr(signal, "SIG" + name))


class Journal:
    """A change to several files under ``root`` that is kept whole or not at all::

        with Journal(root) as journal:
            journal.write(path, data)  # as write_atomic, the old bytes saved first
            ...                        # an exception here puts every file back

    Leaving the block keeps the change (unless :meth:`rollback` was called); an exception puts
    every file back as it was; after a kill, :func:`recover` does so on the next run."""

    def __init__(self, root: Path):
        self.root = Path(root).absolute()
        self.folder = self.root / JOURNAL
        self.saved: dict[str, str | None] = {}  # file (relative to root) → its saved copy, or None: new

    def __enter__(self) -> Journal:
        recover(self.root)
        try:
            # one change at a time: a second writer meets it here; private, as the files it keeps may be
            self.folder.mkdir(0o700)
        except FileExistsError:
            raise OutputError(f"{self.root}: another command began changing the project just now; run again") from None
        except OSError as exc:
            raise OutputError(f"{self.folder}: cannot write: {exc.strerror}") from None
        write_atomic(self.folder / _OWNER, str(os.getpid()).encode())
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            self._forget()
        else:
            self.rollback()

    def write(self, path: Path, data: bytes) -> None:
        """Replace ``path`` with ``data``, its old bytes (or that it was not there) kept first."""
        path = Path(path).absolute()  # (not resolved: a link at the target is refused, never followed)
        name = str(path.relative_to(self.root) if path.is_relative_to(self.root) else path)
        if name not in self.saved:
            copy = None
            if path.exists():
                copy = str(len(self.saved))
                write_atomic(self.folder / copy, read_bytes(path))
                _test_step()
            self.saved[name] = copy
            import json  # (json and shutil only where a file is journalled: a query imports neither)

            write_atomic(self.folder / _LIST, json.dumps(self.saved).encode())
            _test_step()
        write_atomic(path, data)
        _test_step()

    def rollback(self) -> None:
        """Put every file written back as it was."""
        _restore(self.root, self.saved)
        self._forget()

    def _forget(self) -> None:
        remove(self.folder / _LIST)  # from here the change is kept
        self.saved = {}
        import shutil

        shutil.rmtree(self.folder, ignore_errors=True)


def _restore(root: Path, saved: dict[str, str | None]) -> None:
    for name, copy in saved.items():
        path = root / name
        if copy is None:
            remove(path)
        else:
            write_atomic(path, read_bytes(root / JOURNAL / copy))
        for left in path.parent.glob(f".{path.name}.*.tmp"):  # a temporary file a kill left
            remove(left)


def recover(root: Path) -> list[str]:
    """Undo a change a kill interrupted (see :class:`Journal`): every file it touched put back
    as it was. Returns those files (relative to ``root``); none when no change was under way."""
    root = Path(root).absolute()
    listed = root / JOURNAL / _LIST
    if not (root / JOURNAL).is_dir():
        return []
    owner = _owner(root / JOURNAL / _OWNER)
    if owner is not None:
        raise OutputError(f"{root}: another command (process {owner}) is changing the project; wait for it to end")
    import json
    import shutil

    saved: dict[str, str | None] = {}
    if listed.exists():
        try:
            saved = json.loads(read_text(listed))
        except ValueError:
            raise OutputError(f"{listed}: cannot read the list of an interrupted change; restore by hand") from None
    _restore(root, saved)
    remove(listed)
    shutil.rmtree(root / JOURNAL, ignore_errors=True)
    return sorted(saved)
