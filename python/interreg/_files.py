"""Writing export files atomically: a crash or a full disk leaves the old file or the new
one, never half a file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable, Union

from .errors import FileError

__all__ = ["write_atomically"]


def write_atomically(path: Union[str, "os.PathLike[str]"], write: Callable[[BinaryIO], None]) -> Path:
    """Call `write` with a temporary file in the target's folder, flush it to disk, give it
    the permissions of an ordinary new file and rename it over `path`; then sync the folder.
    On failure the temporary file is removed; an OSError becomes :class:`FileError`.
    Returns the path."""
    target = Path(os.fspath(path))
    folder = target.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise FileError(f"cannot write '{target}': {error.strerror or error}") from error
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's 0600
        os.replace(tmp, target)
    except BaseException as failure:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(failure, OSError):
            raise FileError(f"cannot write '{target}': {failure.strerror or failure}") from failure
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. a folder that cannot be opened for reading
        return target
    try:
        os.fsync(dir_fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(dir_fd)
    return target
