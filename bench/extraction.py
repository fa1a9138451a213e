"""The offline extractor: agreement with the curated facts, and speed on a 10,000-word article."""

from __future__ import annotations

import tempfile
import time
import tomllib
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BANK_DIR = ROOT / "question_banks" / "karabakh"
ARTICLES = ROOT / "tests" / "bank" / "articles"


def agreement() -> dict[str, float]:
    """Precision and recall against curated facts.toml (built-in article) and the sample articles' lists."""
    from karabakh_tui.bank.extract import evaluate, extract_facts
    from karabakh_tui.bank.io import load_article, load_facts
    from karabakh_tui.bank.models import QUOTABLE_PARTS
    from karabakh_tui.bank.segment import sentences, tag_parts
    from karabakh_tui.bank.text import fold_answer

    article = load_article(BANK_DIR / "article.toml")
    curated = load_facts(BANK_DIR / "facts.toml", article)
    facts, _ = extract_facts(sentences(article.body, tag_parts(article.body), QUOTABLE_PARTS), date(2021, 1, 11))
    table = evaluate(facts, curated)
    figures = {"extract_precision": table["all"]["precision"], "extract_recall": table["all"]["recall"]}
    for kind, row in table.items():
        if kind != "all":
            figures[f"extract_{kind}_precision"] = row["precision"]
            figures[f"extract_{kind}_recall"] = row["recall"]
    hits = total = found = wanted = 0
    for path in sorted(ARTICLES.glob("*.txt")):
        expected = tomllib.loads(path.with_suffix(".expected.toml").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        facts, _ = extract_facts(sentences(text, tag_parts(text), QUOTABLE_PARTS), date.fromisoformat(expected["date"]))

        def same(fact, item) -> bool:  # noqa: ANN001
            return fold_answer(item["answer"]) in {fold_answer(x) for x in (fact.answer, *fact.aliases)} and item["evidence"] in fact.evidence

        total += len(facts)
        hits += sum(any(same(f, e) for e in expected["facts"]) for f in facts)
        wanted += len(expected["facts"])
        found += sum(any(same(f, e) for f in facts) for e in expected["facts"])
    figures["samples_precision"] = hits / total
    figures["samples_recall"] = found / wanted
    return figures


def long_article(words: int) -> str:
    pieces = [(BANK_DIR.parent.parent.parent / "shared" / "seed" / "article.txt")]
    texts = [p.read_text(encoding="utf-8") for p in [*pieces, *sorted(ARTICLES.glob("*.txt"))] if p.exists()]
    out, count = [], 0
    while count < words:
        for text in texts:
            out.append(text)
            count += len(text.split())
    return "\n\n".join(out)


def speed(words: int = 10_000) -> dict[str, float]:
    """``bank new`` end to end on a long article, beside the floor of reading and segmenting it."""
    from karabakh_tui.bank.models import QUOTABLE_PARTS
    from karabakh_tui.bank.newbank import new_bank
    from karabakh_tui.bank.segment import sentences, tag_parts

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.txt"
        text = long_article(words)
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        sentences(text, tag_parts(text), QUOTABLE_PARTS)
        floor = time.perf_counter() - start
        start = time.perf_counter()
        new_bank(path, "Long article", "2026-09-04", Path(folder) / "out")
        whole = time.perf_counter() - start
    return {"extract_10k_words_seconds": whole, "extract_segment_floor_seconds": floor, "extract_words": float(len(text.split()))}
