"""Reading and writing files, with one policy each.

- :func:`read_bytes` / :func:`read_text`: a file that cannot be read, or is not UTF-8 text, is
  a :class:`~transition_kg.core.errors.ReadError` naming the file (and the line of a bad byte).
- :func:`write_atomic`: the new content goes to a temporary file in the same folder, which
  then replaces the target in one rename, so a reader sees the old file or the new one,
  never half of one. A symlink, a device, a FIFO or a folder at the target is refused, never
  replaced.
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
