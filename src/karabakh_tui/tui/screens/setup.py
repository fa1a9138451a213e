"""Quiz setup: how many questions, how much time, which topics and types, when to show feedback.

It opens with the settings of the last quiz, so the usual choice is one key away.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, RadioButton, RadioSet, SelectionList, Static

from ...bank.models import QUESTION_TYPES
from ...study.quiz import QuizSettings
from ..widgets.inputs import text_input
from ..widgets.question import TYPE_NAMES


def _number(text: str, name: str, whole: bool) -> float | None:
    text = text.strip()
    if not text:
        return None
    try:
        value = int(text) if whole else float(text)
    except ValueError:
        raise ValueError(f"{name}: '{text}' is not a {'whole ' if whole else ''}number") from None
    if value <= 0:
        raise ValueError(f"{name} must be more than 0")
    return value


class QuizSetupScreen(Screen[None]):
    DEFAULT_CSS = """
    QuizSetupScreen #setup { padding: 0 1; }
    QuizSetupScreen .row { height: auto; }
    QuizSetupScreen .field { padding: 1 1 0 1; }
    QuizSetupScreen Input { width: 12; }
    QuizSetupScreen .lists { height: 12; }
    QuizSetupScreen SelectionList { width: 1fr; height: 12; border: round $primary; }
    QuizSetupScreen RadioSet { width: 1fr; }
    QuizSetupScreen #setup-error { color: $error; }
    """
    BINDINGS = [
        Binding("ctrl+s", "start", "Start", id="start", priority=True),
        Binding("escape", "app.pop_screen", "Back", id="back"),
    ]

    def compose(self) -> ComposeResult:
        ctx = self.app.ctx  # type: ignore[attr-defined]
        last = self.last_settings()
        topics = sorted({t for q in ctx.bank.questions for t in q.topics})
        yield Header()
        with VerticalScroll(id="setup"):
            with Horizontal(classes="row"):
                yield Label("Questions", classes="field")
                yield text_input(not ctx.testing, value=str(last.questions), id="questions", type="integer")
                yield Label("Seconds each", classes="field")
                yield text_input(not ctx.testing, value=_text(last.per_question), id="per_question", placeholder="none", type="number")
                yield Label("Quiz limit (s)", classes="field")
                yield text_input(not ctx.testing, value=_text(last.time_limit), id="time_limit", placeholder="none", type="number")
            with Horizontal(classes="lists"):
                yield SelectionList[str](*[(t, t, t in last.topics) for t in topics], id="topics")
                yield SelectionList[str](*[(TYPE_NAMES[t], t, t in last.types) for t in QUESTION_TYPES], id="types")
            with Horizontal(classes="row"):
                with RadioSet(id="feedback"):
                    yield RadioButton("Feedback after each question", value=last.feedback == "each", id="each")
                    yield RadioButton("Feedback only at the end", value=last.feedback == "end", id="end")
                yield Button("Start (ctrl+s)", id="go", variant="primary")
            yield Static("No topic or type ticked means all of them.", id="setup-hint")
            yield Static("", id="setup-error")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#topics").border_title = "Topics"
        self.query_one("#types").border_title = "Types"
        self.query_one("#questions", Input).focus()

    def last_settings(self) -> QuizSettings:
        """The settings of the most recent quiz, or the defaults."""
        quizzes = self.app.ctx.history.sessions("quiz")  # type: ignore[attr-defined]
        return QuizSettings.model_validate(quizzes[-1].settings | {"seed": None}) if quizzes else QuizSettings()

    def read_settings(self) -> QuizSettings:
        count = _number(self.query_one("#questions", Input).value, "Questions", whole=True) or 10
        feedback = "end" if self.query_one("#end", RadioButton).value else "each"
        return QuizSettings(
            questions=int(count),
            per_question=_number(self.query_one("#per_question", Input).value, "Seconds each", whole=False),
            time_limit=_number(self.query_one("#time_limit", Input).value, "Quiz limit", whole=False),
            topics=list(self.query_one("#topics", SelectionList).selected),
            types=list(self.query_one("#types", SelectionList).selected),
            feedback=feedback,
        )

    def action_start(self) -> None:
        try:
            settings = self.read_settings()
        except ValueError as exc:
            self.query_one("#setup-error", Static).update(f"\u2718 {exc}")
            return
        self.app.pop_screen()
        self.app.start_quiz(settings)  # type: ignore[attr-defined]

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_start()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_start()


def _text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
