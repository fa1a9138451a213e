"""Grading answers with care.

Typed answers ignore case, accents, punctuation and a leading article; accept the fact's
aliases ("Putin" for "Vladimir Putin"); forgive one wrong, missing or extra letter in words
of five letters or more; and read numbers written ``1200``, ``1,200`` or ``1 200`` (or as a
listed word such as "six"), within the question's tolerance.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..bank.models import Question
from ..bank.text import edit_distance, fold_answer, parse_number

TYPO_MIN_LETTERS = 5


def _words_match(given: str, expected: str) -> bool:
    """Word by word equal, each word of five or more letters allowed one typo."""
    got, want = given.split(), expected.split()
    if len(got) != len(want):
        return False
    for g, w in zip(got, want):
        if g == w:
            continue
        if len(w) < TYPO_MIN_LETTERS or edit_distance(g, w, 2) > 1:
            return False
    return True


def text_matches(given: str, accepted: Sequence[str]) -> bool:
    folded = fold_answer(given)
    if not folded:
        return False
    return any(_words_match(folded, fold_answer(option)) for option in accepted)


def number_matches(given: str, value: float, tolerance: float, words: Sequence[str] = ()) -> bool:
    number = parse_number(given.strip())
    if number is None:
        return text_matches(given, words) if words else False
    return abs(number - value) <= tolerance + 1e-9


def grade(question: Question, given: str | Sequence[str] | Sequence[Sequence[str]]) -> bool:
    """True when ``given`` answers ``question`` correctly.

    ``given`` is the option text (multiple choice, true/false), the typed text (cloze,
    numeric), the items in chosen order (ordering) or the chosen [left, right] pairs (matching).
    """
    kind = question.type
    if kind in ("multiple_choice", "true_false"):
        return given == question.answer
    if kind == "cloze":
        return isinstance(given, str) and text_matches(given, [str(question.answer), *question.accept])
    if kind == "numeric":
        assert question.value is not None
        return isinstance(given, str) and number_matches(given, question.value, question.tolerance, question.accept)
    if kind == "ordering":
        return list(given) == list(question.answer)
    if kind == "matching":
        return sorted(tuple(p) for p in given) == sorted(tuple(p) for p in question.answer)
    return False
