"""The generated bank: enough questions of every type, deterministic, with stable ids."""

from __future__ import annotations

from collections import Counter

import pytest

from karabakh_tui.bank.build import build
from karabakh_tui.bank.io import BANK_HEADER, bank_toml
from karabakh_tui.bank.generate import build_bank
from tests.conftest import BANK_DIR, replace_in


@pytest.fixture(scope="module")
def built():
    return build(BANK_DIR)


def test_bank_has_enough_questions_of_every_type(built):
    counts = Counter(q.type for q in built.bank.questions)
    assert len(built.bank.questions) >= 150
    for kind in ("multiple_choice", "true_false", "cloze", "numeric"):
        assert counts[kind] >= 10, kind
    for kind in ("matching", "ordering"):
        assert counts[kind] >= 5, kind


def test_every_paragraph_that_states_facts_is_asked_about(built):
    spans = [span for q in built.bank.questions for span in q.spans]
    for part in built.article.parts:
        if part.kind in ("report", "gallery_caption", "background"):
            assert any(part.start <= s and e <= part.end for s, e in spans), built.article.body[part.start:part.end][:60]


def test_every_question_shows_verbatim_evidence(built):
    body = built.article.body
    for q in built.bank.questions:
        assert q.source == " … ".join(body[s:e] for s, e in q.spans)


def test_committed_bank_is_exactly_a_fresh_build(built):
    assert (BANK_DIR / "bank.toml").read_text(encoding="utf-8") == BANK_HEADER + bank_toml(built.bank)


def test_two_builds_give_identical_bytes(built):
    again = build_bank(built.article, built.facts)
    assert bank_toml(again) == bank_toml(built.bank)


def test_rewording_a_fact_keeps_question_ids_but_changes_their_hash(bank_copy, built):
    replace_in(bank_copy / "facts.toml", 'ask = "Which office does Vladimir Putin hold?"', 'ask = "What is Vladimir Putin\'s office?"')
    reworded = build(bank_copy).bank.by_id()
    original = built.bank.by_id()
    assert reworded.keys() == original.keys()
    assert reworded["people.putin_role:mc"].hash != original["people.putin_role:mc"].hash
    assert reworded["meeting.host:mc"].hash == original["meeting.host:mc"].hash


def test_numeric_options_never_repeat_another_figure_for_the_same_quantity(built):
    q = built.bank.by_id()["figure.putin_total_deaths:mc"]
    assert "6,000" not in q.choices and q.answer == "5,000"
    q = built.bank.by_id()["figure.barda_distance_km:mc"]
    assert "12" not in q.choices


def test_attributed_figures_are_asked_with_their_attribution(built):
    q = built.bank.by_id()["figure.nk_soldier_deaths:numeric"]
    assert "according to authorities in Nagorno-Karabakh" in q.prompt
    assert "during the fighting in autumn 2020" in q.prompt.lower()
    assert q.attribution == "authorities in Nagorno-Karabakh"


def test_nothing_quotes_the_caption_heading_or_the_contradicted_date(built):
    for q in built.bank.questions:
        text = " ".join([q.prompt, *q.choices])
        assert "Human toll in" not in text and "2017" not in text


def test_right_answers_are_spread_over_positions_and_true_false_balances(built):
    positions = Counter(q.choices.index(q.answer) for q in built.bank.questions if q.type == "multiple_choice")
    assert max(positions.values()) - min(positions.values()) <= 1 and len(positions) == 4
    verdicts = Counter(q.answer for q in built.bank.questions if q.type == "true_false")
    assert abs(verdicts["True"] - verdicts["False"]) <= 2


def test_a_false_statement_swaps_a_value_the_article_contradicts(built):
    q = built.bank.by_id()["meeting.host:tf"]
    fact = {f.id: f for f in built.facts}["meeting.host"]
    if q.answer == "False":
        assert q.swapped and q.prompt == fact.statement.replace("{answer}", q.swapped) and q.swapped != fact.answer
    falses = [q for q in built.bank.questions if q.type == "true_false" and q.answer == "False"]
    assert falses and all(q.swapped for q in falses)


def test_ordering_questions_list_events_in_time_order(built):
    facts = {f.id: f for f in built.facts}
    for q in built.bank.questions:
        if q.type == "ordering":
            keys = [facts[f].timeline_sort for f in q.fact_ids]
            assert keys == sorted(keys) and q.choices != q.answer


def test_matching_answers_pair_each_left_item_once(built):
    for q in built.bank.questions:
        if q.type == "matching":
            lefts = [p[0] for p in q.pairs]
            assert len(set(lefts)) == len(lefts) == len(q.choices) // 2
