"""Reading and writing whole files with the core's rules (``cpp/src/files.cpp``): a read never
blocks on a FIFO and takes only regular files; a write replaces the regular file a path leads
to (through its symlinks) atomically, keeps its permissions, refuses read-only and special
targets, and cleans up what interrupted saves left. Refusals are :class:`FileError`."""
from __future__ import annotations

import io
import os
from pathlib import Path
from typing import BinaryIO, Callable, Union

from . import _core

__all__ = ["read_file", "write_atomically"]

PathLike = Union[str, bytes, "os.PathLike[str]"]


def read_file(path: PathLike, max_bytes: int) -> bytes:
    """The bytes of the regular file at `path`, at most `max_bytes` of them."""
    return _core.read_file(path, max_bytes)


def write_atomically(path: PathLike, write: Callable[[BinaryIO], None]) -> Path:
    """Call `write` with an in-memory file, then have the core replace `path` with what it
    wrote: a crash or a full disk leaves the old file or the new one, never half a file.
    Returns the path."""
    buffer = io.BytesIO()
    write(buffer)
    _core.write_file(path, buffer.getvalue())
    return Path(os.fsdecode(path))
