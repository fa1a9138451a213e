"""What each screen looks like at 80x24, compared with the committed SVG snapshots.

After a deliberate change of look: ``pytest tests/tui/test_snapshots.py --snapshot-update``,
then read the new SVGs before committing them.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from karabakh_tui.store import open_history
from karabakh_tui.study.clock import ManualClock
from karabakh_tui.study.quiz import QuizSession, QuizSettings, select_questions
from karabakh_tui.bank.io import load_bank
from tests.tui.helpers import BANK_FILE, answer, keys_for, make_app

SIZE = (80, 24)


def seeded_history(data_dir, clock: ManualClock) -> None:
    """Five quizzes over a week, some misses, so stats and home have something to draw."""
    bank = load_bank(BANK_FILE)
    moment = clock.now() - timedelta(days=6)
    with open_history(data_dir, clock=lambda: moment) as history:
        for day, seed in enumerate([1, 2, 3, 5, 8]):
            moment = clock.now() - timedelta(days=6 - day if day < 3 else 4 - day)
            settings = QuizSettings(questions=6, seed=seed)
            questions = select_questions(bank.questions, settings)
            session = QuizSession(questions, settings, clock, history, "karabakh")
            for n, question in enumerate(questions):
                session.answer(question.answer if n % (day + 2) else "wrong")
                session.next()


@pytest.fixture
def clock():
    return ManualClock()


def test_home(snap_compare, tmp_path, clock):
    seeded_history(tmp_path, clock)
    assert snap_compare(make_app(tmp_path, clock=clock), terminal_size=SIZE)


def test_home_first_run(snap_compare, tmp_path, clock):
    assert snap_compare(make_app(tmp_path, clock=clock), terminal_size=SIZE)


def test_quiz_setup(snap_compare, tmp_path, clock):
    assert snap_compare(make_app(tmp_path, clock=clock), press=["q"], terminal_size=SIZE)


def test_quiz_multiple_choice_with_countdown(snap_compare, tmp_path, clock):
    app = make_app(tmp_path, "quiz", clock, questions=10, per_question=30, seed=11, types=["multiple_choice"])

    async def wait(pilot):
        clock.advance(12)
        await pilot.pause(0.4)

    assert snap_compare(app, run_before=wait, terminal_size=SIZE)


def test_quiz_feedback_after_a_wrong_answer(snap_compare, tmp_path, clock):
    app = make_app(tmp_path, "quiz", clock, questions=10, seed=11, types=["numeric"])

    async def wrong(pilot):
        await answer(pilot, right=False)

    assert snap_compare(app, run_before=wrong, terminal_size=SIZE)


def test_quiz_matching(snap_compare, tmp_path, clock):
    app = make_app(tmp_path, "quiz", clock, questions=3, seed=2, types=["matching"])

    async def two_picks(pilot):
        await pilot.press(*keys_for(pilot.app.screen.session.current)[:2])

    assert snap_compare(app, run_before=two_picks, terminal_size=SIZE)


def test_quiz_ordering(snap_compare, tmp_path, clock):
    app = make_app(tmp_path, "quiz", clock, questions=3, seed=2, types=["ordering"])
    assert snap_compare(app, terminal_size=SIZE)


def test_abandon_dialog(snap_compare, tmp_path, clock):
    app = make_app(tmp_path, "quiz", clock, questions=3, seed=2, types=["true_false"])
    assert snap_compare(app, press=["escape"], terminal_size=SIZE)


def test_results(snap_compare, tmp_path, clock):
    app = make_app(tmp_path, "quiz", clock, questions=4, seed=6, types=["multiple_choice", "cloze"])

    async def finish(pilot):
        for n in range(4):
            clock.advance(7)
            await answer(pilot, right=n % 2 == 0)
            await pilot.press("enter")
            await pilot.pause()

    assert snap_compare(app, run_before=finish, terminal_size=SIZE)


def test_review_of_missed_questions(snap_compare, tmp_path, clock):
    seeded_history(tmp_path, clock)
    assert snap_compare(make_app(tmp_path, "review", clock), terminal_size=SIZE)


def test_review_with_nothing_missed(snap_compare, tmp_path, clock):
    assert snap_compare(make_app(tmp_path, "review", clock), terminal_size=SIZE)


def test_study_card_flipped(snap_compare, tmp_path, clock):
    assert snap_compare(make_app(tmp_path, "study", clock), press=["space"], terminal_size=SIZE)


def test_stats(snap_compare, tmp_path, clock):
    seeded_history(tmp_path, clock)
    assert snap_compare(make_app(tmp_path, clock=clock), press=["t"], terminal_size=SIZE)


def test_article_with_evidence_highlighted(snap_compare, tmp_path, clock):
    app = make_app(tmp_path, "quiz", clock, questions=3, seed=5, types=["numeric"])

    async def to_article(pilot):
        await answer(pilot)
        await pilot.press("v")
        await pilot.pause(0.3)

    assert snap_compare(app, run_before=to_article, terminal_size=SIZE)


def test_browse(snap_compare, tmp_path, clock):
    assert snap_compare(make_app(tmp_path, clock=clock), press=["b", "down", "down"], terminal_size=SIZE)


def test_help(snap_compare, tmp_path, clock):
    assert snap_compare(make_app(tmp_path, clock=clock), press=["question_mark"], terminal_size=SIZE)
