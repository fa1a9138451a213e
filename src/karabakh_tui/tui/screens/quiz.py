"""The quiz (and review) screen: one question at a time, a visible countdown, feedback."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ...study.quiz import Outcome, QuizSession, given_text
from ..widgets.countdown import Countdown
from ..widgets.evidence import answer_text, evidence_text
from ..widgets.question import LETTERS, QuestionView

TICK_SECONDS = 0.2
_PICKS = [Binding(str(n), f"pick({n})", "Pick", key_display="1-9", show=n == 1) for n in range(1, 10)]
_LETTERS = [Binding(c, f"letter('{c}')", "Match", key_display="a-h", show=c == "a") for c in LETTERS[:8]]


class QuizScreen(Screen[None]):
    DEFAULT_CSS = """
    QuizScreen #quiz { padding: 1 2; }
    QuizScreen #status { height: 1; }
    QuizScreen #countdown { margin-bottom: 1; }
    QuizScreen #question-area { height: 1fr; }
    QuizScreen QuestionView { height: auto; }
    QuizScreen QuestionView #kind { color: $text-muted; }
    QuizScreen QuestionView #prompt { margin: 0 0 1 0; text-style: bold; }
    QuizScreen QuestionView .choice { padding: 0 1; }
    QuizScreen QuestionView .choice:hover { background: $boost; }
    QuizScreen QuestionView #picks { margin-top: 1; color: $text-muted; }
    QuizScreen QuestionView Input { margin-top: 1; }
    QuizScreen #feedback { height: auto; max-height: 12; border: round $primary; padding: 0 1; }
    QuizScreen #feedback.right { border: round $success; }
    QuizScreen #feedback.wrong { border: round $error; }
    """
    BINDINGS = [
        *_PICKS,
        Binding("t", "true_false('True')", "True", id="true"),
        Binding("f", "true_false('False')", "False", id="false"),
        *_LETTERS,
        Binding("backspace", "unpick", "Undo pick", id="unpick"),
        Binding("enter", "enter", "Submit/next", id="submit"),
        Binding("space", "next", "Next", id="next"),
        Binding("v", "article", "Article", id="article"),
        Binding("escape", "abandon", "Abandon", id="abandon"),
    ]

    def __init__(self, session: QuizSession, title: str = "Quiz") -> None:
        super().__init__()
        self.session = session
        self.title_text = title
        self.state = "asking"
        self.last: Outcome | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="quiz"):
            yield Static(id="status")
            yield Countdown(self.session.settings.per_question or self.session.settings.time_limit, id="countdown")
            yield VerticalScroll(id="question-area")
            yield Static(id="feedback")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.title_text
        self.show_question()
        if self.session.seconds_left() is not None:
            self.set_interval(TICK_SECONDS, self.tick)

    @property
    def view(self) -> QuestionView | None:
        views = self.query(QuestionView)
        return views.first() if views else None

    def show_question(self) -> None:
        question = self.session.current
        if question is None:
            return
        area = self.query_one("#question-area", VerticalScroll)
        area.remove_children()
        area.mount(QuestionView(question, cursor_blink=not self.app.ctx.testing))  # type: ignore[attr-defined]
        self.session.begin_question()
        self.state = "asking"
        feedback = self.query_one("#feedback", Static)
        feedback.update("")
        feedback.display = False
        self.update_status()
        self.refresh_bindings()

    def update_status(self) -> None:
        s = self.session
        text = Text()
        text.append(f" {self.title_text} ", style="bold reverse")
        shown = len(s.outcomes) if self.state == "feedback" else s.position
        text.append(f"  Question {min(shown, s.total)}/{s.total}   Score {s.correct}/{len(s.outcomes)}")
        quiz_left = s.quiz_seconds_left()
        if quiz_left is not None and s.settings.per_question is not None:
            text.append(f"   Quiz time left {quiz_left:.0f} s")
        self.query_one("#status", Static).update(text)
        total = s.settings.per_question if s.settings.per_question is not None else s.settings.time_limit
        self.query_one(Countdown).show(s.seconds_left(), total)

    def tick(self) -> None:
        """Redraw the countdown; a question whose time is up counts as missed and moves on."""
        if self.state != "asking":
            return
        outcome = self.session.check_time()
        self.update_status()
        if outcome is not None:
            if self.view is not None:
                self.view.freeze()
            self.after_answer(outcome)

    def on_question_view_submitted(self, message: QuestionView.Submitted) -> None:
        if self.state != "asking" or self.session.current is None:
            return
        self.after_answer(self.session.answer(message.given))

    def after_answer(self, outcome: Outcome) -> None:
        self.last = outcome
        if self.session.settings.feedback == "end" and not self.session.requeue_wrong:
            self.go_next()
            return
        self.state = "feedback"
        feedback = self.query_one("#feedback", Static)
        feedback.update(self.feedback_text(outcome))
        feedback.display = True
        feedback.set_class(outcome.correct, "right")
        feedback.set_class(not outcome.correct, "wrong")
        self.focus_next_target()
        self.update_status()
        self.refresh_bindings()

    def focus_next_target(self) -> None:
        """Move focus off a finished text box so Enter goes on to the next question."""
        self.set_focus(None)

    @staticmethod
    def feedback_text(outcome: Outcome) -> Text:
        question = outcome.question
        text = Text()
        if outcome.timed_out:
            text.append("\u2718 Time's up \u2014 counted as missed\n", style="bold")
        elif outcome.correct:
            text.append("\u2714 Right\n", style="bold")
        else:
            text.append("\u2718 Wrong", style="bold")
            text.append(f"   you answered: {given_text(outcome.given)[:120]}\n")
        text.append("Answer: ", style="bold")
        text.append(answer_text(question) + "\n")
        text.append_text(evidence_text(question))
        text.append("\nEnter or Space: next \u00b7 v: see it in the article", style="italic")
        return text

    def go_next(self) -> None:
        if self.session.next() is None:
            self.finish()
        else:
            self.show_question()

    def finish(self) -> None:
        from .results import ResultsScreen

        self.session.finish()
        self.state = "done"
        self.app.switch_screen(ResultsScreen(self.session, self.title_text))

    # --- actions ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        kind = self.session.current.type if self.session.current is not None else None
        asking = self.state == "asking"
        if action == "pick":
            return asking and kind in ("multiple_choice", "ordering")
        if action == "true_false":
            return asking and kind == "true_false"
        if action == "letter":
            return asking and kind == "matching"
        if action == "unpick":
            return asking and kind in ("matching", "ordering")
        if action == "next" or action == "article":
            return self.state == "feedback"
        return True

    def action_pick(self, number: int) -> None:
        if self.view is not None:
            self.view.pick_number(number)

    def action_true_false(self, value: str) -> None:
        if self.view is not None:
            self.view.true_false(value)

    def action_letter(self, letter: str) -> None:
        if self.view is not None:
            self.view.pick_letter(letter)

    def action_unpick(self) -> None:
        if self.view is not None:
            self.view.unpick()

    def action_enter(self) -> None:
        if self.state == "feedback":
            self.go_next()
        elif self.view is not None:
            self.view.submit()

    def action_next(self) -> None:
        if self.state == "feedback":
            self.go_next()

    def action_article(self) -> None:
        if self.last is not None:
            self.app.action_article(self.last.question.spans)  # type: ignore[attr-defined]

    def action_abandon(self) -> None:
        from .confirm import ConfirmScreen

        def decided(abandon: bool | None) -> None:
            if abandon:
                self.state = "done"
                self.app.go_home()  # type: ignore[attr-defined]

        asked = len(self.session.outcomes)
        self.app.push_screen(
            ConfirmScreen(f"Abandon this {self.title_text.lower()}? The {asked} answers given so far are kept, "
                          "and a quiz can be resumed from home (u)."),
            decided,
        )
