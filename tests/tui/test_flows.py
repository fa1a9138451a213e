"""Every flow driven with keys through Textual's Pilot, against the real bank and store."""

from __future__ import annotations

from karabakh_tui.store import open_history
from karabakh_tui.study.clock import ManualClock
from karabakh_tui.tui.screens.browse import BrowseScreen
from karabakh_tui.tui.screens.help import HelpScreen
from karabakh_tui.tui.screens.home import HomeScreen
from karabakh_tui.tui.screens.quiz import QuizScreen
from karabakh_tui.tui.screens.results import ResultsScreen
from karabakh_tui.tui.screens.review import NothingToReview
from karabakh_tui.tui.screens.stats import StatsScreen
from karabakh_tui.tui.screens.study import StudyScreen
from tests.tui.helpers import answer, make_app


def screen_text(app) -> str:  # noqa: ANN001
    return "\n".join(str(w.render()) for w in app.screen.query("Static"))


async def test_a_timed_quiz_from_setup_to_results(tmp_path):
    clock = ManualClock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        for key in ("end", "backspace", "backspace", "5", "tab", "3", "0"):
            await pilot.press(key)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen) and app.screen.session.settings.per_question == 30
        assert "Question 1/5" in screen_text(app)
        for number in range(5):
            clock.advance(4)
            await answer(pilot, right=number != 2)
            assert app.screen.state == "feedback"
            assert ("\u2714 Right" if number != 2 else "\u2718 Wrong") in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "Results" in text and "Score: 4/5  (80%)" in text and "Time taken: 0 min 20 s" in text and "Missed (1)" in text
    with open_history(tmp_path) as history:
        (session,) = history.sessions()
        assert (session.total, session.correct) == (5, 4) and session.finished


async def test_time_running_out_counts_as_missed_and_moves_on(tmp_path):
    clock = ManualClock()
    app = make_app(tmp_path, "quiz", clock, questions=2, per_question=10, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock.advance(11)
        await pilot.pause(0.5)
        assert app.screen.state == "feedback" and "Time's up" in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        assert "Question 2/2" in screen_text(app)
    with open_history(tmp_path) as history:
        answers = history.answers()
    assert len(answers) == 1 and answers[0].timed_out and not answers[0].correct


async def test_abandon_keeps_answers_and_the_quiz_resumes(tmp_path):
    app = make_app(tmp_path, "quiz", questions=4, seed=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await answer(pilot)
        await pilot.press("enter", "escape")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and "unfinished quiz" in screen_text(app)
        assert app.ctx.history.sessions()[0].finished is None and len(app.ctx.history.answers()) == 1
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen) and "Question 2/4" in screen_text(app)
        for _ in range(3):
            await answer(pilot)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen) and "Score: 4/4" in screen_text(app)
    with open_history(tmp_path) as history:
        (session,) = history.sessions()
    assert session.finished and session.total == 4


async def test_review_drills_the_missed_list_until_it_is_empty(tmp_path):
    app = make_app(tmp_path, "quiz", questions=3, seed=4)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(3):
            await answer(pilot, right=False)
            await pilot.press("enter")
            await pilot.pause()
        assert len(app.ctx.history.missed()) == 3
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen) and app.screen.session.mode == "review"
        await answer(pilot, right=False)
        await pilot.press("enter")
        await pilot.pause()
        while isinstance(app.screen, QuizScreen):
            await answer(pilot)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen) and "Score: 3/4" in screen_text(app)
        assert app.ctx.history.missed() == []
        await pilot.press("h", "r")
        await pilot.pause()
        assert isinstance(app.screen, NothingToReview) and "Nothing to review." in screen_text(app)


async def test_study_grades_a_card_and_undo_takes_it_back(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        first = app.screen.deck.current
        await pilot.press("3")
        assert app.ctx.history.cards.get(first.id) is None, "grading needs the card flipped first"
        await pilot.press("space")
        await pilot.pause()
        assert "Answer:" in screen_text(app) and "Evidence:" in screen_text(app)
        await pilot.press("3")
        await pilot.pause()
        assert app.ctx.history.cards.get(first.id) is not None and app.screen.deck.current != first
        await pilot.press("u")
        await pilot.pause()
        assert app.ctx.history.cards.get(first.id) is None and app.screen.deck.current == first


async def test_browse_suspends_a_bad_question_with_a_reason(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        await pilot.press("slash", *"trenin_center:mc", "enter")
        await pilot.pause()
        chosen = app.screen.selected_id()
        assert chosen == "people.trenin_center:mc"
        await pilot.press("exclamation_mark")
        await pilot.pause()
        await pilot.press(*"two answers fit", "enter")
        await pilot.pause()
        assert app.ctx.history.cards.suspended() == {chosen: "two answers fit"}
        assert "Suspended: two answers fit" in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert app.ctx.history.cards.suspended() == {}


async def test_help_lists_the_keys_of_the_current_screen(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Quiz" in text and "Review" in text and "Stats" in text
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_every_mode_is_in_the_command_palette(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"stats")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, StatsScreen)


async def test_options_can_be_picked_with_the_mouse(tmp_path):
    app = make_app(tmp_path, "quiz", questions=2, seed=3, types=["multiple_choice"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        question = app.screen.session.current
        right = question.choices.index(question.answer)
        await pilot.click(f"#choice-{right}")
        await pilot.pause()
        assert app.screen.state == "feedback" and app.screen.last.correct


async def test_every_screen_survives_tiny_and_huge_windows(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(40, 12)) as pilot:
        for key in ("q", "escape", "s", "escape", "t", "escape", "a", "escape", "b", "escape", "r", "escape", "question_mark", "escape"):
            await pilot.press(key)
            for size in ((40, 12), (300, 100)):
                await pilot.resize_terminal(*size)
                await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_any_window_size_during_a_quiz(tmp_path):
    app = make_app(tmp_path, "quiz", questions=3, per_question=20, seed=9)
    async with app.run_test(size=(80, 24)) as pilot:
        for size in ((40, 12), (300, 100), (41, 13), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await answer(pilot)
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert app.screen.state == "feedback"


async def test_setup_refuses_bad_numbers_and_remembers_the_last_choice(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q", "end", "backspace", "backspace", "0", "ctrl+s")
        await pilot.pause()
        assert "Questions must be more than 0" in screen_text(app)
        await pilot.press("backspace", "3", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen) and app.screen.session.total == 3
        await pilot.press("escape", "y")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert app.screen.query_one("#questions").value == "3"
