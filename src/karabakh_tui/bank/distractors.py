"""Wrong answers for a fact: first from the article's other facts, then from the gazetteer.

A candidate is *defensible* as wrong only if it is not the answer in another spelling
(alias, surname, substring, near-spelling) and the article does not state it of the
same subject elsewhere. The gates call the same check on every built question.
"""

from __future__ import annotations

import hashlib
import tomllib
from functools import cache
from importlib.resources import files

from .models import Fact
from .text import contains_words, fold, fold_answer, near_spelling, parse_number

NUMBER_TYPES = ("number", "year")


@cache
def gazetteer() -> dict[str, tuple[str, ...]]:
    raw = files("karabakh_tui.bank").joinpath("gazetteer.toml").read_text(encoding="utf-8")
    return {key: tuple(values) for key, values in tomllib.loads(raw).items()}


def stable_key(*parts: str) -> str:
    """A reproducible sort key (so choices are shuffled the same way on every build)."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


class FactIndex:
    """What the article states of each subject and each measured quantity, for quick look-ups."""

    def __init__(self, facts: list[Fact]) -> None:
        self.answers: dict[tuple[str, str], list[tuple[str, set[str]]]] = {}
        self.values: dict[tuple[str, str], set[float]] = {}
        self.measures: dict[str, set[float]] = {}
        for f in facts:
            key = (fold(f.subject), fold(f.relation))
            self.answers.setdefault(key, []).append((f.id, {fold_answer(x) for x in (f.answer, *f.aliases)}))
            if f.value is not None:
                self.values.setdefault(key, set()).add(f.value)
                if f.measure:
                    self.measures.setdefault(f.measure, set()).add(f.value)


_INDEXES: dict[int, tuple[list[Fact], FactIndex]] = {}


def index_of(facts: list[Fact]) -> FactIndex:
    """The index of this very list of facts (built once; lists of facts are never changed)."""
    cached = _INDEXES.get(id(facts))
    if cached is None or cached[0] is not facts:
        if len(_INDEXES) > 8:
            _INDEXES.clear()
        cached = _INDEXES[id(facts)] = (facts, FactIndex(facts))
    return cached[1]


def refusal(fact: Fact, candidate: str, facts: list[Fact]) -> str | None:
    """Why ``candidate`` cannot be a wrong answer for ``fact`` (None when it can)."""
    spellings = [fact.answer, *fact.aliases]
    folded = fold_answer(candidate)
    if fact.is_number:
        number = parse_number(candidate)
        if number is None:
            return f"{candidate!r} is not a number"
        taken = quantity_values(fact, facts)
        if any(abs(number - value) <= fact.tolerance for value in taken):
            return f"{candidate!r} is a figure the article gives for the same quantity"
        return None
    for spelling in spellings:
        own = fold_answer(spelling)
        if folded == own:
            return f"{candidate!r} is the answer"
        if folded in own or own in folded:
            return f"{candidate!r} is a substring of the answer {spelling!r}"
        if near_spelling(candidate, spelling):
            return f"{candidate!r} is a near-spelling of the answer {spelling!r}"
        if fact.answer_type == "person" and set(folded.split()) & set(own.split()):
            return f"{candidate!r} shares a name with the answer {spelling!r}"
    wording = f"{fact.ask or ''} {fact.statement}"
    named = [candidate, candidate.split()[-1]] if fact.answer_type == "person" else [candidate]
    if any(contains_words(wording, name) for name in named):
        return f"{candidate!r} is named in the question itself"
    if any(fold_answer(x) == folded for x in fact.exclude):
        return f"{candidate!r} is also defensible for this fact (listed in its exclude)"
    for other_id, spellings in index_of(facts).answers.get((fold(fact.subject), fold(fact.relation)), []):
        if other_id != fact.id and folded in spellings:
            return f"{candidate!r} is true of the same subject in fact {other_id}"
    return None


#: Gazetteer types that suit any article; names of people and places only suit this one.
GENERIC_TYPES = frozenset({"country", "month", "weekday", "century", "room", "kin", "share", "day", "distance"})


def text_distractors(fact: Fact, facts: list[Fact], count: int = 3) -> list[str]:
    """Up to ``count`` wrong answers of the fact's answer type.

    Extracted facts (ids ``extracted.*``) come from other articles, so they only take
    gazetteer entries of the generic types.
    """
    in_article = sorted(
        {f.answer for f in facts if f.answer_type == fact.answer_type and f.id != fact.id},
        key=lambda c: stable_key(fact.id, c),
    )
    usable = fact.answer_type in GENERIC_TYPES or not fact.id.startswith("extracted.")
    from_gazetteer = sorted(gazetteer().get(fact.answer_type, ()) if usable else (), key=lambda c: stable_key(fact.id, c))
    chosen: list[str] = []
    for candidate in [*in_article, *from_gazetteer]:
        if len(chosen) == count:
            break
        if refusal(fact, candidate, facts) is None and all(fold_answer(candidate) != fold_answer(c) for c in chosen):
            chosen.append(candidate)
    return chosen


def format_like(value: float, answer: str) -> str:
    """Write ``value`` the way ``answer`` is written (thousands separators or not)."""
    number = int(round(value))
    return f"{number:,}" if "," in answer else str(number)


def _round_like(value: float, reference: float) -> float:
    """Round to the granularity of the reference figure (1,200 -> hundreds, 75,000 -> thousands)."""
    step, ref = 1, int(abs(reference))
    while ref and ref % (step * 10) == 0:
        step *= 10
    return max(step, round(value / step) * step)


def quantity_values(fact: Fact, facts: list[Fact]) -> set[float]:
    """Every figure the article states for the same quantity (same measure or subject)."""
    index = index_of(facts)
    values = {fact.value} if fact.value is not None else set()
    values |= index.values.get((fold(fact.subject), fold(fact.relation)), set())
    if fact.measure:
        values |= index.measures.get(fact.measure, set())
    return values


def numeric_distractors(fact: Fact, facts: list[Fact], count: int = 3) -> list[str]:
    """Plausible wrong figures, never equal to a figure the article gives for the same quantity."""
    assert fact.value is not None
    value = fact.value
    taken = quantity_values(fact, facts)
    in_article = sorted(
        {f.value for f in facts if f.value is not None and f.unit == fact.unit and f.answer_type == fact.answer_type
         and 1 / 3 <= f.value / value <= 3},
        key=lambda v: stable_key(fact.id, str(v)),
    )
    if fact.answer_type == "year":
        generated = [value + d for d in (-2, 3, -5, 6, 1, -1)]
    else:
        generated = [_round_like(value * m, value) for m in (0.5, 2, 1.5, 3, 0.75, 2.5)]
    chosen: list[float] = []
    margin = max(fact.tolerance, 0.0)
    for candidate in [*in_article, *generated]:
        if len(chosen) == count:
            break
        if candidate <= 0 or any(abs(candidate - t) <= margin for t in taken) or candidate in chosen:
            continue
        chosen.append(candidate)
    return [format_like(v, fact.answer) for v in chosen]


def distractors(fact: Fact, facts: list[Fact], count: int = 3) -> list[str]:
    if fact.answer_type == "phrase":
        return []
    if fact.answer_type in NUMBER_TYPES:
        return numeric_distractors(fact, facts, count)
    return text_distractors(fact, facts, count)
