"""Evidence quotes with the answer highlighted, for feedback, results, study and the article."""

from __future__ import annotations

import re

from rich.text import Text

from ...bank.models import Question

HIGHLIGHT = "bold reverse"


def answer_terms(question: Question) -> list[str]:
    """The words to highlight in the evidence: the answer, its aliases, or matched items."""
    if question.type == "matching":
        return [part for pair in question.answer for part in pair]  # type: ignore[union-attr]
    if question.type in ("ordering", "true_false"):
        return []
    return [t for t in (str(question.answer), *question.accept) if t]


def highlighted(source: str, terms: list[str]) -> Text:
    """``source`` with every case-insensitive occurrence of a term marked (bold + reverse)."""
    text = Text(source)
    for term in sorted(terms, key=len, reverse=True):
        for match in re.finditer(re.escape(term), source, flags=re.IGNORECASE):
            text.stylize(HIGHLIGHT, match.start(), match.end())
    return text


def evidence_text(question: Question) -> Text:
    quote = highlighted(question.source, answer_terms(question))
    return Text.assemble(("Evidence: ", "bold"), "\u201c", quote, "\u201d")


def answer_text(question: Question) -> str:
    """The right answer in words a person reads."""
    if question.type == "matching":
        return "; ".join(f"{left} \u2192 {right}" for left, right in question.answer)  # type: ignore[misc]
    if question.type == "ordering":
        return " \u2192 ".join(question.answer)  # type: ignore[arg-type]
    if question.type == "true_false" and question.answer == "False" and question.swapped:
        return f"False (the article does not say {question.swapped})"
    return str(question.answer)
