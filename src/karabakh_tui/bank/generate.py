"""Turn facts into questions of six types. Wording comes from the facts; ids from fact id + form.

A question's id never depends on its wording (``<fact id>:<form>``, or a digest of the
fact ids for matching and ordering), so rewording a template keeps a user's history; its
``hash`` covers the wording so the store can tell an edited question from the old one.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from typing import Any

from .distractors import distractors, stable_key
from .models import TRUE_FALSE_CHOICES, Article, Bank, BankInfo, Fact, Question

GENERATOR = "karabakh-tui generator 1"
BLANK = "_____"
WINDOW = 4
MATCH_PROMPTS = {
    "people": "Match each person to what the article says of them.",
    "places": "Match each place to what the article says of it.",
    "figures": "Match each figure to what it counts, as the article reports it.",
}
ORDER_PROMPT = "Put these events in the order they happened, earliest first."
_BASE_DIFFICULTY = {"true_false": 1, "multiple_choice": 1, "matching": 2, "ordering": 2, "cloze": 2, "numeric": 3}


def content_hash(fields: dict[str, Any]) -> str:
    keys = ("type", "prompt", "choices", "answer", "accept", "value", "tolerance")
    canon = json.dumps({k: fields.get(k) for k in keys}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()[:16]


def _question(**fields: Any) -> Question:
    return Question(**fields, hash=content_hash(fields))


def _difficulty(kind: str, facts: list[Fact]) -> int:
    harder = any(f.source or f.time or f.kind == "figure" for f in facts)
    return min(3, _BASE_DIFFICULTY[kind] + (1 if harder and kind in ("multiple_choice", "true_false", "cloze") else 0))


def _common(fact: Fact, kind: str) -> dict[str, Any]:
    return {
        "type": kind,
        "fact_ids": [fact.id],
        "source": fact.evidence,
        "spans": [[fact.start, fact.end]],
        "topics": list(fact.topics),
        "difficulty": _difficulty(kind, [fact]),
        "attribution": fact.source,
        "time": fact.time,
    }


def blanked(fact: Fact) -> str:
    return fact.statement.replace("{answer}", BLANK)


def false_statement_facts(facts: list[Fact]) -> set[str]:
    """Pick which facts get a false true/false statement, so True and False balance out.

    Only an exclusive fact with a defensible wrong value can be made false (the swap
    then contradicts the article); the others can only be stated truly.
    """
    eligible = sorted((f for f in facts if f.exclusive and distractors(f, facts, 1)), key=lambda f: stable_key(f.id, "tf"))
    return {f.id for f in eligible[: len(facts) // 2]}


def fact_questions(fact: Fact, facts: list[Fact], make_false: bool) -> list[Question]:
    """The single-fact questions: multiple choice, true/false, cloze and numeric."""
    questions = []
    wrong = distractors(fact, facts)
    if len(wrong) == 3:
        prompt = fact.ask or f"Which answer fills the blank? {blanked(fact)}"
        questions.append(_question(id=f"{fact.id}:mc", prompt=prompt, choices=[fact.answer, *wrong],
                                   answer=fact.answer, **_common(fact, "multiple_choice")))
    if make_false:
        statement = fact.statement.replace("{answer}", wrong[0])
        questions.append(_question(id=f"{fact.id}:tf", prompt=statement, choices=list(TRUE_FALSE_CHOICES),
                                   answer="False", swapped=wrong[0], **_common(fact, "true_false")))
    else:
        statement = fact.statement.replace("{answer}", fact.answer)
        questions.append(_question(id=f"{fact.id}:tf", prompt=statement, choices=list(TRUE_FALSE_CHOICES),
                                   answer="True", **_common(fact, "true_false")))
    if fact.cloze and not fact.is_number:
        questions.append(_question(id=f"{fact.id}:cloze", prompt=blanked(fact), answer=fact.answer,
                                   accept=list(fact.aliases), **_common(fact, "cloze")))
    if fact.is_number:
        questions.append(_question(id=f"{fact.id}:numeric", prompt=fact.ask or blanked(fact), answer=fact.answer, accept=list(fact.aliases),
                                   value=fact.value, tolerance=fact.tolerance, unit=fact.unit, **_common(fact, "numeric")))
    return questions


def _windows(items: list[Any]) -> list[list[Any]]:
    """Every run of WINDOW consecutive items, wrapping round, so each set is different."""
    if len(items) < WINDOW:
        return []
    if len(items) == WINDOW:
        return [list(items)]
    return [[items[(i + j) % len(items)] for j in range(WINDOW)] for i in range(len(items))]


def _group_fields(group: list[Fact], kind: str) -> dict[str, Any]:
    return {
        "type": kind,
        "fact_ids": [f.id for f in group],
        "source": " … ".join(f.evidence for f in group),
        "spans": [[f.start, f.end] for f in group],
        "topics": sorted({t for f in group for t in f.topics}),
        "difficulty": _difficulty(kind, group),
    }


def _group_id(prefix: str, group: list[Fact]) -> str:
    return f"{prefix}:{stable_key(*sorted(f.id for f in group))[:10]}"


def matching_questions(facts: list[Fact]) -> list[Question]:
    groups: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.match_group:
            groups[fact.match_group].append(fact)
    questions = []
    for name in sorted(groups):
        members = sorted(groups[name], key=lambda f: stable_key(name, f.id))
        for window in _windows(members):
            window = sorted(window, key=lambda f: f.id)
            qid = _group_id(f"match.{name}", window)
            left = [f.match_left for f in window]
            right = sorted((f.match_right for f in window), key=lambda r: stable_key(qid, r or ""))
            pairs = [[f.match_left, f.match_right] for f in window]
            prompt = MATCH_PROMPTS.get(name, "Match each item on the left with one on the right.")
            questions.append(_question(id=qid, prompt=prompt, choices=[*left, *right], answer=pairs, **_group_fields(window, "matching")))
    return questions


def ordering_questions(facts: list[Fact]) -> list[Question]:
    events = sorted((f for f in facts if f.timeline_sort), key=lambda f: f.timeline_sort or "")
    questions = []
    for window in _windows(events):
        window = sorted(window, key=lambda f: f.timeline_sort or "")
        qid = _group_id("order.timeline", window)
        ordered = [f.timeline_label or "" for f in window]
        shown = sorted(ordered, key=lambda label: stable_key(qid, label))
        if shown == ordered:
            shown = shown[1:] + shown[:1]
        questions.append(_question(id=qid, prompt=ORDER_PROMPT, choices=shown, answer=ordered, **_group_fields(window, "ordering")))
    return questions


def place_answers(questions: list[Question]) -> list[Question]:
    """Shuffle multiple-choice options reproducibly, balancing where the right answer sits.

    Questions are dealt, in a hashed order, the positions 0, 1, 2, 3, 0, 1, ... for their
    right answer; the wrong answers fill the other places in a hashed order.
    """
    mc = sorted((q for q in questions if q.type == "multiple_choice"), key=lambda q: stable_key(q.id, "position"))
    placed = {}
    for index, question in enumerate(mc):
        wrong = sorted((c for c in question.choices if c != question.answer), key=lambda c: stable_key(question.id, c))
        position = index % len(question.choices)
        choices = wrong[:position] + [str(question.answer)] + wrong[position:]
        fields = question.model_dump(exclude={"hash"})
        fields["choices"] = choices
        placed[question.id] = _question(**fields)
    return [placed.get(q.id, q) for q in questions]


def build_bank(article: Article, facts: list[Fact]) -> Bank:
    """All questions for the facts, before gates."""
    make_false = false_statement_facts(facts)
    questions: list[Question] = []
    for fact in facts:
        questions += fact_questions(fact, facts, fact.id in make_false)
    questions += matching_questions(facts)
    questions += ordering_questions(facts)
    questions = place_answers(questions)
    info = BankInfo(
        id=article.article.id,
        title=article.article.title,
        article_date=article.article.date,
        article_sha256=hashlib.sha256(article.body.encode("utf-8")).hexdigest(),
        generator=GENERATOR,
        facts=len(facts),
        questions=len(questions),
    )
    return Bank(bank=info, questions=questions)
