"""Each gate catches the fault it exists for, naming the question."""

from __future__ import annotations

import pytest

from karabakh_tui.bank import gates
from karabakh_tui.bank.build import build
from karabakh_tui.errors import BankError
from tests.conftest import BANK_DIR, replace_in


@pytest.fixture(scope="module")
def built():
    return build(BANK_DIR)


def _with(built, qid, **changes):
    questions = [q.model_copy(update=changes) if q.id == qid else q for q in built.bank.questions]
    return built.bank.model_copy(update={"questions": questions})


def _violations(built, bank):
    return gates.check(bank, built.article, built.facts)


def test_the_shipped_bank_passes_every_gate(built):
    assert _violations(built, built.bank) == []


@pytest.mark.parametrize(
    ("qid", "bad_option", "reason"),
    [
        ("meeting.host:mc", "Putin", "substring"),
        ("meeting.host:mc", "Vladimir Putn", "near-spelling"),
        ("meeting.host:mc", "Boris Putin", "shares a name"),
        ("claim.turkey_support:mc", "Azerbaijan", "named in the question"),
        ("figure.putin_total_deaths:mc", "6,000", "same quantity"),
    ],
)
def test_an_option_that_is_also_right_is_caught(built, qid, bad_option, reason):
    q = built.bank.by_id()[qid]
    wrong = next(c for c in q.choices if c != q.answer)
    choices = [bad_option if c == wrong else c for c in q.choices]
    found = _violations(built, _with(built, qid, choices=choices))
    assert any(v[0] == qid and reason in v[1] for v in found), found


def test_a_prompt_that_gives_the_answer_away_is_caught(built):
    found = _violations(built, _with(built, "meeting.host:mc", prompt="Did Vladimir Putin host the leaders?"))
    assert ("meeting.host:mc", "prompt gives away the answer ('Vladimir Putin')") in found


def test_an_attributed_figure_asked_without_its_source_is_caught(built):
    found = _violations(built, _with(built, "figure.nk_soldier_deaths:numeric", prompt="During the fighting in autumn 2020, how many soldiers had died?"))
    assert any("attribution" in m for q, m in found if q == "figure.nk_soldier_deaths:numeric")


def test_a_figure_asked_without_its_time_is_caught(built):
    found = _violations(built, _with(built, "figure.total_killed:numeric", prompt="More than how many people were killed in the battle?"))
    assert any("without its time" in m for q, m in found if q == "figure.total_killed:numeric")


def test_a_false_statement_on_a_fact_that_admits_several_values_is_caught(bank_copy):
    built = build(bank_copy)
    falses = [q for q in built.bank.questions if q.type == "true_false" and q.answer == "False"]
    target = falses[0].fact_ids[0]
    facts = [f.model_copy(update={"exclusive": False}) if f.id == target else f for f in built.facts]
    found = gates.check(built.bank, built.article, facts)
    assert any(q == falses[0].id and "admits one value" in m for q, m in found)


def test_evidence_pointing_into_the_caption_heading_is_caught(built):
    start = built.article.body.index("Human toll in")
    heading = built.article.body[start:start + 20]
    found = _violations(built, _with(built, "place.ganja_rank:mc", spans=[[start, start + 20]], source=heading))
    assert any("not inside a part that states facts" in m for q, m in found if q == "place.ganja_rank:mc")


def test_options_of_mixed_format_are_caught(built):
    q = built.bank.by_id()["figure.civilian_deaths:mc"]
    choices = [c if c == q.answer else "many" for c in q.choices[:2]] + [c for c in q.choices[2:]]
    found = _violations(built, _with(built, q.id, choices=choices))
    assert any("differ in type or format" in m for qid, m in found if qid == q.id)


def test_right_answers_piled_on_one_position_are_caught(built):
    questions = []
    for q in built.bank.questions:
        if q.type == "multiple_choice":
            q = q.model_copy(update={"choices": [q.answer, *[c for c in q.choices if c != q.answer]]})
        questions.append(q)
    found = gates.check(built.bank.model_copy(update={"questions": questions}), built.article, built.facts)
    assert any(qid == "bank" and "unevenly placed" in m for qid, m in found)


def test_a_build_that_violates_a_gate_fails_naming_the_question(bank_copy):
    replace_in(bank_copy / "facts.toml", 'ask = "Which office does Vladimir Putin hold?"', 'ask = "Is Vladimir Putin the Russian President?"')
    with pytest.raises(BankError) as caught:
        build(bank_copy)
    assert any("people.putin_role:mc" in p and "gives away" in p and "facts.toml:" in p for p in caught.value.problems)
