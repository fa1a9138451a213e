"""Recording sessions and answers, and the queries the screens are built on."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from fsrs import Card, Rating, Scheduler
from hypothesis import given, settings
from hypothesis import strategies as st

from karabakh_tui.store import open_history
from tests.store.helpers import FakeClock


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def history(tmp_path, clock):
    with open_history(tmp_path, clock=clock) as h:
        yield h


def quiz(history, clock, results, mode="quiz"):
    """Run a session answering (question_id, correct) pairs one minute apart."""
    session = history.start_session(mode, "karabakh", {"questions": len(results), "seed": 1})
    for qid, correct in results:
        clock.advance(minutes=1)
        history.record_answer(session, qid, "h" + qid, "given", correct, seconds=4.5)
    history.finish_session(session)
    return session


def test_answers_are_kept_with_their_session_and_score(history, clock):
    session = quiz(history, clock, [("a:mc", True), ("b:tf", False), ("c:cloze", True)])
    (record,) = history.sessions()
    assert (record.id, record.mode, record.total, record.correct) == (session, "quiz", 3, 2)
    assert record.finished and record.settings == {"questions": 3, "seed": 1}
    assert [a.question_id for a in history.answers(session)] == ["a:mc", "b:tf", "c:cloze"]
    assert history.answers(session)[1].correct is False


def test_a_timed_out_answer_counts_as_wrong(history, clock):
    session = history.start_session("quiz", "karabakh")
    history.record_answer(session, "a:mc", "h", "", correct=True, seconds=30, timed_out=True)
    (answer,) = history.answers(session)
    assert answer.timed_out and not answer.correct
    assert [m.question_id for m in history.missed()] == ["a:mc"]


def test_missed_list_follows_the_most_recent_graded_answer(history, clock):
    quiz(history, clock, [("a", False), ("b", False), ("c", True)])
    assert [m.question_id for m in history.missed()] == ["b", "a"]
    quiz(history, clock, [("a", True)], mode="review")
    assert [m.question_id for m in history.missed()] == ["b"]
    quiz(history, clock, [("c", False)])
    assert [m.question_id for m in history.missed()] == ["c", "b"]


def test_study_and_cram_answers_do_not_touch_the_missed_list(history, clock):
    quiz(history, clock, [("a", False)])
    quiz(history, clock, [("a", True)], mode="study")
    quiz(history, clock, [("b", False)], mode="cram")
    assert [m.question_id for m in history.missed()] == ["a"]


def test_missed_list_can_be_ordered_by_how_often(history, clock):
    quiz(history, clock, [("often", False), ("once", False)])
    quiz(history, clock, [("often", False)])
    quiz(history, clock, [("once", True), ("once", False)])
    assert [(m.question_id, m.misses) for m in history.missed("often")] == [("once", 2), ("often", 2)]
    assert [m.question_id for m in history.missed("recent")] == ["once", "often"]
    quiz(history, clock, [("often", False)])
    assert [(m.question_id, m.misses) for m in history.missed("often")] == [("often", 3), ("once", 2)]


def test_suspended_questions_leave_the_missed_list_and_due_cards(history, clock):
    quiz(history, clock, [("a", False), ("b", False)])
    history.cards.suspend("a", "the answer is ambiguous")
    assert [m.question_id for m in history.missed()] == ["b"]
    assert history.cards.suspended() == {"a": "the answer is ambiguous"}
    history.cards.unsuspend("a")
    assert {m.question_id for m in history.missed()} == {"a", "b"}


def test_personal_best_is_the_highest_finished_quiz_score(history, clock):
    quiz(history, clock, [("a", True), ("b", False)])
    best = quiz(history, clock, [("a", True), ("b", True), ("c", False)])
    unfinished = history.start_session("quiz", "karabakh")
    history.record_answer(unfinished, "a", "h", "x", True, 1)
    assert history.personal_best().id == best
    assert [s.id for s in history.unfinished()] == [unfinished]


def test_accuracy_by_type_and_topic_uses_the_bank(history, clock):
    quiz(history, clock, [("a:mc", True), ("b:mc", False), ("c:tf", True), ("gone:mc", False)])
    info = {"a:mc": ("multiple_choice", ["people"]), "b:mc": ("multiple_choice", ["places"]), "c:tf": ("true_false", ["people"])}
    accuracy = history.accuracy(info)
    assert accuracy["by_type"] == {"multiple_choice": (1, 2), "true_false": (1, 1)}
    assert accuracy["by_topic"] == {"people": (2, 2), "places": (0, 1)}


def test_days_studied_and_streak(history, clock, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    for day in (1, 2, 3, 5, 6):
        clock.moment = datetime(2026, 3, day, 12, tzinfo=timezone.utc)
        quiz(history, clock, [("a", True)])
    assert history.days_studied() == [date(2026, 3, d) for d in (1, 2, 3, 5, 6)]
    assert history.streak(date(2026, 3, 6)) == 2
    assert history.streak(date(2026, 3, 7)) == 2
    assert history.streak(date(2026, 3, 8)) == 0


def test_cards_store_fsrs_state_and_undo_restores_it(history, clock):
    scheduler = Scheduler()
    session = history.start_session("study", "karabakh")
    card = Card(card_id=1)
    card, log = scheduler.review_card(card, Rating.Good, review_datetime=clock())
    history.cards.save_review("a", card.to_dict(), log.to_dict(), session)
    first = history.cards.get("a")
    assert Card.from_dict(first).due == card.due
    card2, log2 = scheduler.review_card(Card.from_dict(first), Rating.Easy, review_datetime=clock())
    history.cards.save_review("a", card2.to_dict(), log2.to_dict(), session)
    undone = history.cards.undo_last(session)
    assert undone.question_id == "a" and history.cards.get("a") == first
    assert history.cards.undo_last(session).card is None and history.cards.get("a") is None
    assert history.cards.undo_last(session) is None


def test_due_cards_are_those_whose_time_has_come(history, clock):
    scheduler = Scheduler()
    for qid in ("a", "b"):
        card, log = scheduler.review_card(Card(card_id=hash(qid) % 1000), Rating.Again, review_datetime=clock())
        history.cards.save_review(qid, card.to_dict(), log.to_dict(), None)
    assert history.cards.due() == []
    clock.advance(days=1)
    assert history.cards.due() == ["a", "b"]
    history.cards.suspend("b", "bad")
    assert history.cards.due() == ["a"]


def test_rebuilding_the_latest_results_gives_the_same_missed_list(history, clock):
    quiz(history, clock, [("a", False), ("b", False), ("c", True)])
    quiz(history, clock, [("a", True), ("c", False)], mode="review")
    quiz(history, clock, [("b", False)])
    before = history.missed("often")
    history.rebuild_derived()
    assert history.missed("often") == before and [m.question_id for m in before] == ["b", "c"]


_STEP = st.tuples(st.sampled_from(["quiz", "review", "study", "cram"]), st.sampled_from("abcde"), st.booleans(), st.booleans(), st.integers(0, 3000))


@settings(max_examples=40, deadline=None)
@given(steps=st.lists(st.lists(_STEP, min_size=1, max_size=6), min_size=1, max_size=6))
def test_incremental_summaries_always_match_a_rebuild_from_the_answers(tmp_path_factory, steps):
    clock = FakeClock()
    with open_history(tmp_path_factory.mktemp("h"), clock=clock) as history:
        for session_steps in steps:
            session = history.start_session(session_steps[0][0], "karabakh")
            for _, qid, correct, timed_out, minutes in session_steps:
                clock.advance(minutes=minutes)
                history.record_answer(session, qid, "h", "x", correct, 1.0, timed_out=timed_out)
        info = {q: ("multiple_choice", [q]) for q in "abcde"}
        before = (history.sessions(), history.missed("often"), history.missed("recent"), history.accuracy(info), history.days_studied())
        history.rebuild_derived()
        after = (history.sessions(), history.missed("often"), history.missed("recent"), history.accuracy(info), history.days_studied())
        assert after == before
