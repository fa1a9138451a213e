"""Typed answers are graded the way a fair teacher would."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from karabakh_tui.bank.io import load_bank
from karabakh_tui.study.grading import grade, number_matches, text_matches
from tests.conftest import BANK_DIR

BANK = load_bank(BANK_DIR / "bank.toml").by_id()


@pytest.mark.parametrize("typed", ["Vladimir Putin", "vladimir putin", "Putin", "  PUTIN ", "Vladimir Putin.", "Vladimir Putn", "Vladimír Putin"])
def test_cloze_accepts_case_accents_punctuation_aliases_and_one_typo(typed):
    assert grade(BANK["meeting.host:cloze"], typed)


@pytest.mark.parametrize("typed", ["Pashinyan", "Putim Vladimir", "", "Vlad", "Vladimir Pootin"])
def test_cloze_refuses_wrong_answers(typed):
    assert not grade(BANK["meeting.host:cloze"], typed)


def test_leading_articles_are_ignored():
    assert text_matches("the coronavirus", ["coronavirus"]) and text_matches("a kitchen", ["kitchen"])


def test_short_words_get_no_typo_allowance():
    assert not text_matches("Bako", ["Baku"])
    assert text_matches("Stepanakrt", ["Stepanakert"])


@pytest.mark.parametrize("typed", ["1200", "1,200", "1 200", " 1200 "])
def test_numbers_in_every_common_form(typed):
    assert grade(BANK["figure.nk_soldier_deaths:numeric"], typed)


def test_numbers_outside_tolerance_are_wrong_and_inside_right():
    km = BANK["figure.barda_distance_km:numeric"]
    assert km.tolerance == 2
    assert grade(km, "21") and grade(km, "18") and not grade(km, "23")
    assert not grade(BANK["figure.nk_soldier_deaths:numeric"], "1201")


def test_number_words_listed_as_aliases_are_accepted():
    assert grade(BANK["war.duration_weeks:numeric"], "six") and not grade(BANK["war.duration_weeks:numeric"], "seven")


def test_choice_ordering_and_matching():
    mc = BANK["meeting.host:mc"]
    assert grade(mc, "Vladimir Putin") and not grade(mc, "Ilham Aliyev")
    order = next(q for q in BANK.values() if q.type == "ordering")
    assert grade(order, list(order.answer)) and not grade(order, list(reversed(order.answer)))
    match = next(q for q in BANK.values() if q.type == "matching")
    pairs = [list(p) for p in match.answer]
    assert grade(match, list(reversed(pairs)))
    swapped = [[pairs[0][0], pairs[1][1]], [pairs[1][0], pairs[0][1]], *pairs[2:]]
    assert not grade(match, swapped)


@given(st.integers(0, 10_000_000))
def test_any_integer_written_with_separators_reads_back(n):
    assert number_matches(f"{n:,}", n, 0) and number_matches(f"{n:,}".replace(",", " "), n, 0) and number_matches(str(n), n, 0)


@given(st.text(alphabet="abcdefghij", min_size=5, max_size=12), st.integers(0, 11), st.sampled_from("klmnop"))
def test_one_letter_typo_in_a_long_word_is_forgiven_two_are_not(word, at, letter):
    at %= len(word)
    one = word[:at] + letter + word[at + 1:]
    assert text_matches(one, [word])
    two = letter + one[1:] if at != 0 else one[:-1] + letter
    if sum(a != b for a, b in zip(two, word)) >= 2:
        assert not text_matches(two, [word])
