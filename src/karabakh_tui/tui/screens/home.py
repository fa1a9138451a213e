"""Home: what the bank is, how you are doing, and one key per mode."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.worker import Worker, WorkerState

from ...errors import UserError
from ...store.history import best_of


class HomeScreen(Screen[None]):
    BINDINGS = [
        Binding("q", "app.quiz_setup", "Quiz", id="quiz"),
        Binding("r", "app.review", "Review", id="review"),
        Binding("s", "app.study", "Study", id="study"),
        Binding("c", "app.cram", "Cram", id="cram", show=False),
        Binding("u", "app.resume", "Resume", id="resume", show=False),
        Binding("t", "app.stats", "Stats", id="stats"),
        Binding("a", "app.article", "Article", id="article", show=False),
        Binding("b", "app.browse", "Browse", id="browse", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static(id="title")
            yield Static(id="numbers")
            yield Static(id="scores")
            yield Static(id="modes")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_numbers()
        # Parse and validate the bank once the first frame is out (see AppContext).
        self.set_timer(0.05, self.load_bank)

    def load_bank(self) -> None:
        self.run_worker(self.app.ctx.load, thread=True, exit_on_error=False, name="bank-loader")  # type: ignore[attr-defined]

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A bank that fails its checks now (say, its article was edited) ends the app cleanly."""
        if event.worker.name == "bank-loader" and event.state == WorkerState.ERROR:
            error = event.worker.error
            problems = error.problems if isinstance(error, UserError) else [repr(error)]
            self.app.exit(return_code=2, message="\n".join(f"karabakh-tui: {p}" for p in problems))

    def on_screen_resume(self) -> None:
        self.refresh_numbers()

    def refresh_numbers(self) -> None:
        ctx = self.app.ctx  # type: ignore[attr-defined]
        history = ctx.history
        summary = ctx.summary
        self.query_one("#title", Static).update(Text(summary.title, style="bold"))
        sessions = history.sessions()
        quizzes = [s for s in sessions if s.mode == "quiz" and s.finished and s.total]
        missed = len(history.missed())
        due = len(history.cards.due())
        unfinished = history.unfinished("quiz")
        numbers = Text()
        numbers.append(f"{summary.questions} questions", style="bold")
        numbers.append(f" from {summary.facts} facts \u00b7 article of {summary.article_date}\n")
        days = history.days_studied()
        numbers.append(f"Cards due: {due}   Missed: {missed}   Days studied: {len(days)}   Streak: {history.streak(days_studied=days)}")
        if unfinished:
            u = unfinished[-1]
            numbers.append(f"\nAn unfinished quiz ({u.total} answered) can be resumed with u.", style="italic")
        self.query_one("#numbers", Static).update(numbers)
        scores = Text()
        best = best_of(sessions)
        if quizzes:
            last = ", ".join(f"{s.correct}/{s.total}" for s in quizzes[-5:])
            scores.append(f"Last scores: {last}\n")
            scores.append(f"Personal best: {best.correct}/{best.total} ({best.correct / best.total:.0%})" if best else "")
        else:
            scores.append("No quizzes yet: press q to take your first.", style="italic")
        self.query_one("#scores", Static).update(scores)
        modes = Text()
        for key, label in (("q", "Quiz"), ("r", "Review missed"), ("s", "Study cards"), ("c", "Cram"), ("u", "Resume a quiz"),
                           ("t", "Stats"), ("a", "Read the article"), ("b", "Browse the bank"), ("?", "Help"), ("ctrl+p", "All commands")):
            modes.append(f" {key:>6} ", style="bold reverse")
            modes.append(f" {label}\n")
        self.query_one("#modes", Static).update(modes)
