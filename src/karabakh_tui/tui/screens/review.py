"""Said plainly when the missed list is empty."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class NothingToReview(Screen[None]):
    DEFAULT_CSS = """
    NothingToReview #empty { padding: 1 2; }
    NothingToReview .big { text-style: bold; margin-bottom: 1; }
    """
    BINDINGS = [
        Binding("q", "quiz", "Quiz", id="quiz"),
        Binding("escape", "app.pop_screen", "Home", id="home"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="empty"):
            yield Static("Nothing to review.", classes="big")
            yield Static("Your missed list is empty: every question you have answered in a quiz or review "
                         "was right the last time. Take a quiz (q) to find new gaps.")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Review missed"

    def action_quiz(self) -> None:
        self.app.pop_screen()
        self.app.action_quiz_setup()  # type: ignore[attr-defined]
