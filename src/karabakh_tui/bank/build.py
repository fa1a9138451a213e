"""Build a bank directory: article.toml + facts.toml -> gated bank.toml."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import BankError
from . import gates
from .generate import build_bank, place_answers
from .io import BANK_HEADER, bank_toml, load_article, load_facts_file, open_bank, write_bank
from .kinds import ARTICLE_FILE, BANK_FILE, FACTS_FILE
from .models import Article, Bank, Fact, Question
from .tomlfile import LineMap, where


@dataclass(frozen=True)
class Built:
    article: Article
    facts: list[Fact]
    bank: Bank
    rejected: tuple[str, ...] = ()


def build(bank_dir: Path) -> Built:
    """Generate the bank for ``bank_dir`` and run the gates.

    For curated facts a violation fails the build (``BankError`` naming the question). For
    extracted facts (``extracted = true``) the offending questions are dropped instead and
    listed in ``rejected``: the rules cannot be corrected by hand, the questions can be left out.
    """
    article = load_article(bank_dir / ARTICLE_FILE)
    facts_path = bank_dir / FACTS_FILE
    document = load_facts_file(facts_path, article)
    facts = document.facts
    if document.extracted:
        bank, rejected = gated(article, facts)
        return Built(article, facts, bank, tuple(rejected))
    bank = build_bank(article, facts)
    violations = gates.check(bank, article, facts)
    if violations:
        lines = LineMap(facts_path.read_text(encoding="utf-8"), "facts")
        index = {f.id: i for i, f in enumerate(facts)}
        by_question = {q.id: q for q in bank.questions}
        problems = []
        for qid, message in violations:
            first_fact = by_question[qid].fact_ids[0] if qid in by_question else None
            line = lines.item_line(index[first_fact]) if first_fact in index else None
            problems.append(f"{where(facts_path, line)}: question {qid}: {message}")
        raise BankError(problems)
    return Built(article, facts, bank)


def gated(article: Article, facts: list[Fact]) -> tuple[Bank, list[str]]:
    """Generate, then drop every question a gate rejects (saying why) until the bank passes."""
    bank = build_bank(article, facts)
    rejected: list[str] = []
    for _ in range(5):
        problems = gates.check(bank, article, facts)
        if not problems:
            return bank, rejected
        bad = {qid for qid, _ in problems if qid != "bank"}
        rejected += [f"{qid}: {message}" for qid, message in problems if qid != "bank"]
        kept = [q for q in bank.questions if q.id not in bad]
        if any(qid == "bank" and "true/false" in m for qid, m in problems):
            kept, dropped = _balance_true_false(kept)
            rejected += [f"{qid}: dropped to keep true and false answers balanced" for qid in dropped]
        kept = place_answers(kept)
        bank = bank.model_copy(update={"questions": kept, "bank": bank.bank.model_copy(update={"questions": len(kept)})})
    raise BankError("the generated questions still break the gates after dropping the rejected ones")


def _balance_true_false(questions: list[Question]) -> tuple[list[Question], list[str]]:
    verdicts = Counter(q.answer for q in questions if q.type == "true_false")
    more = "True" if verdicts["True"] > verdicts["False"] else "False"
    excess = max(0, abs(verdicts["True"] - verdicts["False"]) - 1)
    dropped = [q.id for q in questions if q.type == "true_false" and q.answer == more][:excess]
    return [q for q in questions if q.id not in dropped], dropped


def build_and_write(bank_dir: Path) -> Built:
    built = build(bank_dir)
    write_bank(built.bank, bank_dir / BANK_FILE)
    return built


def check_file(bank_file: Path) -> Bank:
    """Validate a bank file; beside its facts, also run the gates and insist it is freshly built.

    A hand-edited bank.toml fails here: questions come from facts, never from editing.
    """
    bank, article = open_bank(bank_file)
    facts_path = bank_file.parent / FACTS_FILE
    if article is None or not facts_path.is_file():
        return bank
    document = load_facts_file(facts_path, article)
    facts = document.facts
    lines = LineMap(bank_file.read_text(encoding="utf-8"), "questions")
    index = {q.id: i for i, q in enumerate(bank.questions)}
    problems = [
        f"{where(bank_file, lines.item_line(index[qid]) if qid in index else None)}: question {qid}: {message}"
        for qid, message in gates.check(bank, article, facts)
    ]
    fresh = BANK_HEADER + bank_toml(gated(article, facts)[0] if document.extracted else build_bank(article, facts))
    if not problems and bank_file.read_text(encoding="utf-8") != fresh:
        problems.append(f"{bank_file}: differs from a fresh build of {facts_path.name}; run 'karabakh-tui bank build {bank_file.parent}'")
    if problems:
        raise BankError(problems)
    return bank
