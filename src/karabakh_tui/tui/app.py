"""The application: screens for home, quizzes, review, study, stats, the article and the bank."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from ..study.clock import Clock, SystemClock
from .commands import ModeCommands
from .context import AppContext, load_context

if TYPE_CHECKING:
    from ..study.quiz import QuizSettings


class KarabakhApp(App[None]):
    """Home is the base screen; every mode is pushed on top of it."""

    CSS_PATH = "app.tcss"
    TITLE = "karabakh-tui"
    COMMANDS = App.COMMANDS | {ModeCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    ]

    def __init__(self, ctx: AppContext, start: str = "home", quiz_settings: QuizSettings | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.start = start
        self.quiz_settings = quiz_settings

    def get_default_screen(self) -> Screen:
        """Home is the base screen, drawn in the app's first frame."""
        from .screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        if self.start == "quiz":
            from ..study.quiz import QuizSettings

            self.start_quiz(self.quiz_settings or QuizSettings())
        elif self.start == "review":
            self.action_review()
        elif self.start in ("study", "cram"):
            self.action_study(cram=self.start == "cram")

    def on_unmount(self) -> None:
        self.ctx.history.close()

    # --- navigation ------------------------------------------------------------------------

    def go_home(self) -> None:
        from .screens.home import HomeScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def action_quiz_setup(self) -> None:
        from .screens.setup import QuizSetupScreen

        self.push_screen(QuizSetupScreen())

    def start_quiz(self, settings: QuizSettings, questions: list | None = None) -> None:
        from ..study.quiz import QuizSession, select_questions
        from .screens.quiz import QuizScreen

        ctx = self.ctx
        chosen = questions or select_questions(ctx.bank.questions, settings, ctx.history.cards.suspended())
        session = QuizSession(chosen, settings, ctx.clock, ctx.history, ctx.bank_id)
        self.push_screen(QuizScreen(session, title="Quiz"))

    def action_resume(self) -> None:
        from ..study.quiz import resume_quiz
        from .screens.quiz import QuizScreen

        unfinished = self.ctx.history.unfinished("quiz")
        if not unfinished:
            self.notify("There is no unfinished quiz to resume.")
            return
        session = resume_quiz(self.ctx.history, unfinished[-1].id, self.ctx.bank.questions, self.ctx.clock)
        if session is None or session.current is None:
            if session is not None:
                session.finish()
            self.notify("That quiz has no questions left; it is closed now.")
            return
        self.push_screen(QuizScreen(session, title="Quiz (resumed)"))

    def action_review(self) -> None:
        from ..study.quiz import QuizSession, QuizSettings, review_questions
        from .screens.quiz import QuizScreen
        from .screens.review import NothingToReview

        ctx = self.ctx
        missed = [q for q in review_questions(ctx.history, ctx.bank.questions)]
        if not missed:
            self.push_screen(NothingToReview())
            return
        session = QuizSession(missed, QuizSettings(questions=len(missed)), ctx.clock, ctx.history, ctx.bank_id,
                              mode="review", requeue_wrong=True)
        self.push_screen(QuizScreen(session, title="Review missed"))

    def action_study(self, cram: bool = False) -> None:
        from ..study.scheduler import StudyDeck
        from .screens.study import StudyScreen

        deck = StudyDeck(self.ctx.bank.questions, self.ctx.history, self.ctx.clock, self.ctx.bank_id, cram=cram)
        self.push_screen(StudyScreen(deck))

    def action_cram(self) -> None:
        self.action_study(cram=True)

    def action_stats(self) -> None:
        from .screens.stats import StatsScreen

        self.push_screen(StatsScreen())

    def action_article(self, spans: list[list[int]] | None = None) -> None:
        from .screens.article import ArticleScreen

        if self.ctx.article is None:
            self.notify("This bank has no article beside it.", severity="warning")
            return
        self.push_screen(ArticleScreen(spans or []))

    def action_browse(self) -> None:
        from .screens.browse import BrowseScreen

        self.push_screen(BrowseScreen())

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))


def create_app(
    bank_file: Path, data_dir: Path, clock: Clock | None = None, start: str = "home",
    quiz_settings: QuizSettings | None = None, testing: bool = False,
) -> KarabakhApp:
    """The one way to build the app, shared by the command line and the tests."""
    ctx = load_context(bank_file, data_dir, clock or SystemClock(), testing)
    return KarabakhApp(ctx, start, quiz_settings)
