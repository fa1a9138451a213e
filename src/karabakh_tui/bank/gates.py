"""Quality gates: every rule a built bank must satisfy. A violation names the question.

The rules:
- evidence is the article text at the question's offsets, inside parts that state facts
  (never the repeated caption heading, a gallery title, byline, credits or metadata), and
  nothing quotes metadata the body contradicts;
- the answer is stated in the evidence, and not given away in the prompt;
- every wrong option is defensibly wrong (see ``distractors.refusal``) and all options
  share one type and format;
- a figure or claim the article attributes to someone is asked with that attribution,
  and a value true only at one time is asked with its time;
- a false true/false statement swaps in a value the article contradicts;
- right answers sit evenly across option positions; True and False are balanced.
"""

from __future__ import annotations

import re
from collections import Counter

from .distractors import refusal
from .io import evidence_matches
from .models import Article, Bank, Fact, Question
from .text import contains_words, fold, parse_number, stated_in

_YEAR = re.compile(r"^\d{4}$")


def check(bank: Bank, article: Article, facts: list[Fact]) -> list[tuple[str, str]]:
    """All violations as (question id, message) pairs; empty when the bank passes."""
    by_id = {f.id: f for f in facts}
    problems: list[tuple[str, str]] = []
    for question in bank.questions:
        if not evidence_matches(question, article.body):
            problems.append((question.id, f"evidence not found in the article at {question.spans}"))
        q_facts = [by_id[f] for f in question.fact_ids if f in by_id]
        if len(q_facts) != len(question.fact_ids):
            problems.append((question.id, "refers to a fact that does not exist"))
            continue
        problems += [(question.id, m) for m in _question_problems(question, q_facts, article, facts)]
    problems += _balance_problems(bank.questions)
    return problems


def _question_problems(question: Question, q_facts: list[Fact], article: Article, facts: list[Fact]) -> list[str]:
    problems = []
    for start, end in question.spans:
        if not article.quotable(start, end):
            problems.append(f"evidence at {start}-{end} is not inside a part that states facts")
    shown = " ".join([question.prompt, *question.choices, *_answer_texts(question)])
    for discrepancy in article.discrepancies:
        if discrepancy.given in shown or discrepancy.given[:4] in shown:
            problems.append(f"uses metadata the body contradicts ({discrepancy.field} {discrepancy.given})")
    if question.type in ("matching", "ordering"):
        return problems + _group_problems(question, q_facts)
    fact = q_facts[0]
    if not any(stated_in(fact.evidence, s) or s in fact.evidence for s in (fact.answer, *fact.aliases)):
        problems.append(f"answer {fact.answer!r} is not stated in its evidence")
    if fact.source and fold(fact.source) not in fold(question.prompt):
        problems.append(f"asked without its attribution ({fact.source!r})")
    if fact.time and fold(fact.time) not in fold(question.prompt):
        problems.append(f"asked without its time ({fact.time!r})")
    if question.type in ("multiple_choice", "cloze", "numeric"):
        for spelling in (fact.answer, *fact.aliases):
            if contains_words(question.prompt, spelling):
                problems.append(f"prompt gives away the answer ({spelling!r})")
    if question.type == "multiple_choice":
        for option in question.choices:
            if option != question.answer and (why := refusal(fact, option, facts)):
                problems.append(f"option {why}")
        problems += _format_problems(question.choices)
    if question.type == "true_false":
        problems += _true_false_problems(question, fact, facts)
    return problems


def _answer_texts(question: Question) -> list[str]:
    if isinstance(question.answer, str):
        return [question.answer]
    return [x if isinstance(x, str) else " ".join(x) for x in question.answer]


def _true_false_problems(question: Question, fact: Fact, facts: list[Fact]) -> list[str]:
    if question.answer == "True":
        if question.prompt != fact.statement.replace("{answer}", fact.answer):
            return ["a true statement must state the fact as the article does"]
        return []
    swapped = question.swapped
    if swapped is None or question.prompt != fact.statement.replace("{answer}", swapped):
        return ["a false statement must be the fact with one value swapped"]
    if not fact.exclusive:
        return ["a false statement needs a fact that admits one value; the swap may be true as well"]
    if why := refusal(fact, swapped, facts):
        return [f"the swapped value is not contradicted: {why}"]
    return []


def _format_problems(options: list[str]) -> list[str]:
    def shape(option: str) -> tuple[bool, bool]:
        return parse_number(option) is not None, bool(_YEAR.match(option))

    shapes = {shape(o) for o in options}
    lengths = [len(o) for o in options]
    problems = []
    if len(shapes) > 1:
        problems.append(f"options differ in type or format: {options}")
    if max(lengths) > 4 * min(lengths):
        problems.append(f"options differ too much in length: {options}")
    return problems


def _group_problems(question: Question, q_facts: list[Fact]) -> list[str]:
    problems = []
    if question.type == "matching":
        lefts = [p[0] for p in question.pairs]
        rights = [p[1] for p in question.pairs]
        if len(set(map(fold, lefts))) != len(lefts) or len(set(map(fold, rights))) != len(rights):
            problems.append("matching items repeat, so more than one pairing would be right")
        for fact, right in zip(q_facts, rights):
            if fact.source and fold(fact.source) not in fold(right):
                problems.append(f"item for {fact.id} lacks its attribution ({fact.source!r})")
            if fact.time and fold(fact.time) not in fold(right):
                problems.append(f"item for {fact.id} lacks its time ({fact.time!r})")
    else:
        keys = [f.timeline_sort or "" for f in q_facts]
        if any(a >= b for a, b in zip(keys, keys[1:])):
            problems.append("events tie or are out of order, so the order is not defensible")
        if any(f.source for f in q_facts):
            problems.append("an event reported by only one side is used on the timeline")
        if question.choices == question.answer:
            problems.append("items are shown already in order")
    return problems


def _balance_problems(questions: list[Question]) -> list[tuple[str, str]]:
    problems = []
    positions: dict[int, Counter[int]] = {}
    for q in questions:
        if q.type == "multiple_choice":
            positions.setdefault(len(q.choices), Counter())[q.choices.index(str(q.answer))] += 1
    for size, counts in positions.items():
        spread = [counts.get(i, 0) for i in range(size)]
        if max(spread) - min(spread) > max(1, sum(spread) // 20):
            problems.append(("bank", f"right answers of {size}-option questions are unevenly placed: {spread}"))
    verdicts = Counter(q.answer for q in questions if q.type == "true_false")
    total = verdicts["True"] + verdicts["False"]
    if abs(verdicts["True"] - verdicts["False"]) > max(2, total // 10):
        problems.append(("bank", f"true/false answers are unbalanced: {dict(verdicts)}"))
    return problems
