"""How many threads a call may use: the `workers` argument of validate_many and sweep."""
from __future__ import annotations

import os
from typing import Optional

from .errors import ArgumentError


def worker_count(workers: Optional[int]) -> int:
    """`workers` checked (a positive int), or one per core for None."""
    if workers is None:
        return os.cpu_count() or 1
    if isinstance(workers, bool) or not isinstance(workers, int):
        raise TypeError(f"workers must be an int or None, not {type(workers).__name__}")
    if workers < 1:
        raise ArgumentError(f"workers must be at least 1, not {workers}")
    return workers
