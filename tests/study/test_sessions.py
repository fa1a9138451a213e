"""Quiz, review and study sessions against the real bank and store, with a controlled clock."""

from __future__ import annotations

import pytest

from karabakh_tui.bank.io import load_bank
from karabakh_tui.store import open_history
from karabakh_tui.study.clock import ManualClock
from karabakh_tui.study.quiz import QuizSession, QuizSettings, resume_quiz, review_questions, select_questions
from karabakh_tui.study.scheduler import StudyDeck, card_questions
from tests.conftest import BANK_DIR

BANK = load_bank(BANK_DIR / "bank.toml")


@pytest.fixture
def clock():
    return ManualClock()


@pytest.fixture
def history(tmp_path, clock):
    with open_history(tmp_path, clock=clock.now) as h:
        yield h


def test_selection_mixes_types_filters_and_never_repeats_a_fact():
    chosen = select_questions(BANK.questions, QuizSettings(questions=30, seed=4))
    facts = [f for q in chosen for f in q.fact_ids]
    assert len(chosen) == 30 and len(facts) == len(set(facts))
    assert len({q.type for q in chosen[:6]}) >= 4
    only = select_questions(BANK.questions, QuizSettings(questions=10, types=["numeric"], topics=["casualties"], seed=1))
    assert only and all(q.type == "numeric" and "casualties" in q.topics for q in only)
    assert select_questions(BANK.questions, QuizSettings(seed=3)) == select_questions(BANK.questions, QuizSettings(seed=3))


def test_suspended_questions_are_never_chosen():
    everything = select_questions(BANK.questions, QuizSettings(questions=1000, seed=1))
    banned = {q.id for q in everything[:20]}
    again = select_questions(BANK.questions, QuizSettings(questions=1000, seed=1), suspended=banned)
    assert not banned & {q.id for q in again}


def answer_right(session):
    q = session.current
    return session.answer(q.answer if q.type != "matching" else [list(p) for p in q.answer])


def test_a_timed_quiz_records_each_answer_and_times_out(history, clock):
    questions = select_questions(BANK.questions, QuizSettings(questions=3, seed=2))
    session = QuizSession(questions, QuizSettings(questions=3, per_question=20), clock, history, "karabakh")
    clock.advance(5)
    first = answer_right(session)
    assert first.correct and first.seconds == 5 and session.next() is not None
    clock.advance(19)
    assert session.check_time() is None and session.seconds_left() == 1
    clock.advance(1)
    timed = session.check_time()
    assert timed.timed_out and not timed.correct
    session.next()
    session.answer("surely wrong")
    assert session.next() is None and session.finished
    (record,) = history.sessions()
    assert (record.total, record.correct, record.finished is not None) == (3, 1, True)
    assert [a.timed_out for a in history.answers()] == [False, True, False]
    assert {m.question_id for m in history.missed()} == {questions[1].id, questions[2].id}


def test_a_quiz_time_limit_ends_the_quiz(history, clock):
    questions = select_questions(BANK.questions, QuizSettings(questions=5, seed=2))
    session = QuizSession(questions, QuizSettings(questions=5, time_limit=30), clock, history, "karabakh")
    answer_right(session)
    session.next()
    clock.advance(31)
    assert session.check_time().timed_out and session.next() is None
    assert len(session.outcomes) == 2 and session.finished


def test_review_drills_until_every_missed_question_is_right(history, clock):
    questions = select_questions(BANK.questions, QuizSettings(questions=3, seed=5))
    quiz = QuizSession(questions, QuizSettings(questions=3), clock, history, "karabakh")
    for _ in questions:
        quiz.answer("wrong on purpose")
        quiz.next()
    missed = review_questions(history, BANK.questions)
    assert len(missed) == 3
    review = QuizSession(missed, QuizSettings(), clock, history, "karabakh", mode="review", requeue_wrong=True)
    review.answer("still wrong")
    review.next()
    while review.current is not None:
        answer_right(review)
        review.next()
    assert history.missed() == [] and len(review.outcomes) == 4 and review.correct == 3


def test_an_abandoned_quiz_resumes_where_it_stopped(history, clock):
    questions = select_questions(BANK.questions, QuizSettings(questions=4, seed=8))
    quiz = QuizSession(questions, QuizSettings(questions=4, seed=8), clock, history, "karabakh")
    answer_right(quiz)
    quiz.next()
    resumed = resume_quiz(history, quiz.session_id, BANK.questions, clock)
    assert resumed.current.id == questions[1].id and resumed.position == 2 and resumed.total == 4
    while resumed.current is not None:
        answer_right(resumed)
        resumed.next()
    (record,) = history.sessions()
    assert record.finished and (record.total, record.correct) == (4, 4)


def test_study_grades_schedule_cards_and_undo_restores(history, clock):
    deck = StudyDeck(BANK.questions, history, clock, "karabakh")
    assert deck.remaining == 20 and deck.current.type in ("cloze", "numeric", "multiple_choice")
    first = deck.current
    deck.flip()
    graded = deck.grade(3)
    assert graded.due and history.cards.get(first.id) is not None
    assert deck.undo() == first and history.cards.get(first.id) is None and deck.current == first
    deck.grade(1)
    clock.advance(3600)
    again = StudyDeck(BANK.questions, history, clock, "karabakh")
    assert again.current == first and again.due_count() == 1


def test_cram_never_touches_the_schedule(history, clock):
    deck = StudyDeck(BANK.questions, history, clock, "karabakh", cram=True, seed=1)
    assert deck.remaining == len(card_questions(BANK.questions))
    deck.grade(4)
    deck.grade(1)
    assert history.cards.all() == {} and history.cards.review_count() == 0
