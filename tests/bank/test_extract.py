"""The offline extractor: parts it leaves alone, facts it finds, and how well it agrees with people."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from karabakh_tui.bank.extract import evaluate, extract_facts
from karabakh_tui.bank.io import load_article, load_facts
from karabakh_tui.bank.models import QUOTABLE_PARTS
from karabakh_tui.bank.segment import sentences, tag_parts
from karabakh_tui.bank.text import fold_answer
from tests.conftest import BANK_DIR, SEED

ARTICLES = Path(__file__).parent / "articles"
MEETING = date(2021, 1, 11)


def extracted(text: str, when: date):
    parts = tag_parts(text)
    return extract_facts(sentences(text, parts, QUOTABLE_PARTS), when)


@pytest.fixture(scope="module")
def seed_facts():
    return extracted(SEED.read_text(encoding="utf-8"), MEETING)


def test_headings_captions_byline_credits_and_metadata_are_tagged_like_the_curated_parts():
    text = SEED.read_text(encoding="utf-8")
    ours = {(p.kind, p.start, p.end) for p in tag_parts(text) if p.kind not in QUOTABLE_PARTS}
    curated = load_article(BANK_DIR / "article.toml")
    theirs = {(p.kind, p.start, p.end) for p in curated.parts if p.kind not in QUOTABLE_PARTS}
    assert ours == theirs


def test_nothing_is_taken_from_parts_that_state_no_facts(seed_facts):
    article = load_article(BANK_DIR / "article.toml")
    facts, _ = seed_facts
    assert facts and all(article.quotable(f.start, f.end) for f in facts)
    assert not any("Human toll" in f.evidence or "Julia Hahn" in f.evidence or "2017" in f.evidence for f in facts)


def test_agreement_with_the_curated_facts_meets_the_targets(seed_facts):
    facts, _ = seed_facts
    curated = load_facts(BANK_DIR / "facts.toml", load_article(BANK_DIR / "article.toml"))
    table = evaluate(facts, curated)
    assert table["all"]["precision"] >= 0.9, table
    assert table["all"]["recall"] >= 0.6, table


def _fact(facts, answer: str, evidence: str):
    return next((f for f in facts if fold_answer(f.answer) == fold_answer(answer) and evidence in f.evidence), None)


def test_relative_dates_are_resolved_against_the_article_date(seed_facts):
    facts, _ = seed_facts
    assert _fact(facts, "November", "signed last November").resolved == "2020-11"
    assert _fact(facts, "Monday", "leaders on Monday").resolved == "2021-01-11"
    assert _fact(facts, "Sunday", "tweeted on Sunday").resolved == "2021-01-10"
    assert _fact(facts, "January 30", "working group").resolved == "2021-01-30"


def test_later_surnames_link_back_to_the_full_name(seed_facts):
    facts, _ = seed_facts
    quote = _fact(facts, "Vladimir Putin", 'Putin said the peace agreement "created')
    assert quote is not None and "Putin" in quote.aliases


def test_figures_keep_who_reported_them(seed_facts):
    facts, _ = seed_facts
    assert _fact(facts, "1,200", "soldiers have died").source == "Authorities in Nagorno-Karabakh"
    assert _fact(facts, "130", "civilians").source == "official figures"
    assert _fact(facts, "5,000", "recently mentioned").time == "recently"


def test_unsure_speakers_are_left_out_and_reported(seed_facts):
    facts, unsure = seed_facts
    reasons = [why for _, why in unsure]
    assert "the speaker is only 'she'" in reasons
    assert not any(f.answer.lower() in ("she", "he", "it") for f in facts)


def _expected(name: str):
    return tomllib.loads((ARTICLES / f"{name}.expected.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(p.stem for p in ARTICLES.glob("*.txt")))
def test_each_sample_article_yields_its_expected_facts(name):
    expected = _expected(name)
    facts, _ = extracted((ARTICLES / f"{name}.txt").read_text(encoding="utf-8"), date.fromisoformat(expected["date"]))
    found = [e for e in expected["facts"] if _fact(facts, e["answer"], e["evidence"])]
    assert len(found) / len(expected["facts"]) >= 0.8, [e for e in expected["facts"] if e not in found]
    right = [f for f in facts if any(fold_answer(e["answer"]) in {fold_answer(x) for x in (f.answer, *f.aliases)}
                                     and e["evidence"] in f.evidence for e in expected["facts"])]
    assert len(right) / len(facts) >= 0.8


def test_across_the_sample_articles_precision_and_recall_meet_the_targets():
    hits = total = found = wanted = 0
    for path in ARTICLES.glob("*.txt"):
        expected = _expected(path.stem)
        facts, _ = extracted(path.read_text(encoding="utf-8"), date.fromisoformat(expected["date"]))
        total += len(facts)
        wanted += len(expected["facts"])
        found += sum(bool(_fact(facts, e["answer"], e["evidence"])) for e in expected["facts"])
        hits += sum(any(_fact([f], e["answer"], e["evidence"]) for e in expected["facts"]) for f in facts)
    assert hits / total >= 0.9 and found / wanted >= 0.6


def test_captions_and_bylines_of_a_sample_article_are_not_quizzed():
    text = (ARTICLES / "summit.txt").read_text(encoding="utf-8")
    kinds = [p.kind for p in tag_parts(text)]
    assert kinds.count("caption_heading") == 3 and kinds.count("gallery_title") == 3 and "byline" in kinds
    facts, _ = extracted(text, date(2026, 6, 14))
    assert not any("Human toll" in f.evidence or "Mila Svoboda" in f.evidence for f in facts)
