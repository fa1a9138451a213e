"""Text helpers shared by the generator, the gates and answer grading."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

_ARTICLES = ("the ", "a ", "an ")
_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"^[+-]?\d{1,3}(?:[ ,]\d{3})+(?:\.\d+)?$|^[+-]?\d+(?:\.\d+)?$")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _PUNCT.sub(" ", plain.lower().replace("'s ", " ").replace("-", " "))
    return _SPACE.sub(" ", plain).strip()


@lru_cache(maxsize=1 << 16)
def fold_answer(text: str) -> str:
    """``fold`` and drop one leading article ("the", "a", "an")."""
    folded = fold(text)
    for article in _ARTICLES:
        if folded.startswith(article):
            return folded[len(article):]
    return folded


def parse_number(text: str) -> float | None:
    """Read ``1200``, ``1,200``, ``1 200`` or ``12.5``; ``None`` if it is not a number."""
    cleaned = text.strip()
    if not _NUMBER.match(cleaned):
        return None
    return float(cleaned.replace(",", "").replace(" ", ""))


def contains_words(haystack: str, needle: str) -> bool:
    """True when ``needle`` occurs in ``haystack`` as whole words, after folding both."""
    hay, pin = f" {fold(haystack)} ", f" {fold(needle)} "
    return pin.strip() != "" and pin in hay


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, cut off at ``limit`` (returns ``limit`` when it is larger)."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) >= limit:
            return limit
        previous = current
    return min(previous[-1], limit)


def near_spelling(a: str, b: str) -> bool:
    """True when two answers are close enough in spelling to be confused for one another."""
    fa, fb = fold_answer(a), fold_answer(b)
    if fa == fb:
        return True
    if edit_distance(fa, fb) <= (1 if min(len(fa), len(fb)) < 6 else 2):
        return True
    return SequenceMatcher(None, fa, fb).ratio() >= 0.85


def stated_in(text: str, phrase: str) -> bool:
    """True when ``text`` states ``phrase`` as whole words, forgiving one typo in longer phrases."""
    if contains_words(text, phrase):
        return True
    words, target = fold(text).split(), fold(phrase)
    size = len(target.split())
    if len(target) < 5:
        return False
    return any(edit_distance(" ".join(words[i:i + size]), target, 2) <= 1 for i in range(len(words) - size + 1))
