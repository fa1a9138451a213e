"""Facts carry verbatim evidence at exact offsets, with attribution and time where they apply."""

from __future__ import annotations

import pytest

from karabakh_tui.bank.io import load_article, load_facts
from karabakh_tui.errors import BankError
from tests.conftest import BANK_DIR, replace_in


@pytest.fixture(scope="module")
def loaded():
    article = load_article(BANK_DIR / "article.toml")
    return article, load_facts(BANK_DIR / "facts.toml", article)


def test_every_evidence_quote_is_the_article_text_at_its_offset(loaded):
    article, facts = loaded
    assert len(facts) >= 80
    for fact in facts:
        assert article.body[fact.start:fact.end] == fact.evidence


def test_every_paragraph_that_states_facts_has_at_least_one_fact(loaded):
    article, facts = loaded
    for part in article.parts:
        if part.kind in ("report", "gallery_caption", "background"):
            inside = [f.id for f in facts if part.start <= f.start and f.end <= part.end]
            assert inside, f"no fact from: {article.body[part.start:part.end][:60]!r}"


@pytest.mark.parametrize(
    ("fact_id", "source", "time"),
    [
        ("figure.nk_soldier_deaths", "authorities in Nagorno-Karabakh", "during the fighting in autumn 2020"),
        ("figure.putin_total_deaths", "Vladimir Putin", "during the fighting in autumn 2020"),
        ("figure.civilian_deaths", "official figures", "during the fighting in autumn 2020"),
        ("figure.could_flee", "regional authorities", "during the fighting in autumn 2020"),
        ("figure.barda_dead", "Azerbaijani authorities", "during the fighting in autumn 2020"),
        ("figure.total_killed", None, "in January 2021"),
    ],
)
def test_figures_that_one_side_reported_or_that_changed_carry_their_anchor(loaded, fact_id, source, time):
    fact = {f.id: f for f in loaded[1]}[fact_id]
    assert (fact.source, fact.time) == (source, time)


def test_the_two_death_tolls_are_kept_apart_as_one_quantity_at_two_times(loaded):
    facts = {f.id: f for f in loaded[1]}
    early, late = facts["figure.putin_total_deaths"], facts["figure.total_killed"]
    assert early.measure == late.measure and (early.value, late.value) == (5000, 6000)
    assert early.time != late.time


def test_evidence_moved_off_its_offset_is_reported_with_fact_id_and_line(bank_copy):
    replace_in(bank_copy / "facts.toml", 'evidence = "Armenian Prime Minister Nikol Pashinyan"\nstart = ', 'evidence = "Armenian Prime Minister Nikol Pashinyan"\nstart = 1')
    article = load_article(bank_copy / "article.toml")
    with pytest.raises(BankError) as caught:
        load_facts(bank_copy / "facts.toml", article)
    (problem,) = caught.value.problems
    assert "facts.toml:" in problem and "people.pashinyan_role" in problem and "not at offset" in problem


def test_evidence_taken_from_the_caption_heading_is_refused(bank_copy):
    text = (bank_copy / "facts.toml").read_text()
    heading = "Human toll in Azerbaijan-Armenia fight for Nagorno-Karabakh"
    article = load_article(bank_copy / "article.toml")
    offset = article.body.index(heading)
    old = 'evidence = "Ganja, Azerbaijan\'s second largest city"\nstart = '
    start = text.index(old) + len(old)
    end = text.index("\n", start)
    text = text[:text.index(old)] + f'evidence = "{heading}"\nstart = {offset}' + text[end:]
    (bank_copy / "facts.toml").write_text(text)
    with pytest.raises(BankError) as caught:
        load_facts(bank_copy / "facts.toml", article)
    assert "place.ganja_rank" in caught.value.problems[0] and "caption_heading" in caught.value.problems[0]
