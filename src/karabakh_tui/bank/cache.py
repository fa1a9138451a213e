"""The validated-bank cache: JSON of a bank file that passed validation, keyed by its content hash.

Kept free of pydantic so the app can read a bank's title and counts before the first frame.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..paths import cache_dir


def cache_file(path: Path) -> Path | None:
    """Where the cache of this exact bank file lives (None if the file cannot be read)."""
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    return cache_dir() / "banks" / f"{digest}.json"


@dataclass(frozen=True)
class BankSummary:
    id: str
    title: str
    article_date: str
    facts: int
    questions: int


def cached_summary(path: Path) -> BankSummary | None:
    """The bank's heading from the cache, when this exact file has been validated before."""
    cached = cache_file(path)
    if cached is None or not cached.is_file():
        return None
    try:
        info = json.loads(cached.read_bytes())["bank"]
        return BankSummary(info["id"], info["title"], info["article_date"], int(info["facts"]), int(info["questions"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
