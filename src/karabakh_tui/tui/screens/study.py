"""Study cards: the question as a cue, Space to flip, 1-4 to grade through fsrs, u to undo."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ...study.scheduler import RATING_NAMES, StudyDeck
from ..widgets.evidence import answer_text, evidence_text


class StudyScreen(Screen[None]):
    DEFAULT_CSS = """
    StudyScreen #study { padding: 1 2; }
    StudyScreen .card { border: round $primary; padding: 1 2; height: auto; margin-top: 1; }
    """
    BINDINGS = [
        Binding("space", "flip", "Flip", id="flip"),
        *[Binding(str(n), f"grade({n})", RATING_NAMES[n], id=f"grade{n}") for n in range(1, 5)],
        Binding("u", "undo", "Undo", id="undo"),
        Binding("v", "article", "Article", id="article"),
        Binding("escape", "leave", "Home", id="leave"),
    ]

    def __init__(self, deck: StudyDeck) -> None:
        super().__init__()
        self.deck = deck

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="study"):
            yield Static(id="study-status")
            yield Static(id="card", classes="card")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Cram" if self.deck.cram else "Study cards"
        self.show()

    def show(self) -> None:
        deck = self.deck
        status = Text()
        status.append(f" {'Cram' if deck.cram else 'Study'} ", style="bold reverse")
        status.append(f"  Left this session: {deck.remaining}   Done: {len(deck.done)}")
        if not deck.cram:
            status.append(f"   Due now: {deck.due_count()}")
        self.query_one("#study-status", Static).update(status)
        card = self.query_one("#card", Static)
        question = deck.current
        if question is None:
            card.update(Text("No cards left for now. \u2714\nCome back when more are due, or cram (c on home) to practise any card.", style="bold"))
        else:
            text = Text()
            text.append("Front\n", style="bold italic")
            text.append(question.prompt + "\n")
            if deck.flipped:
                text.append("\nBack\n", style="bold italic")
                text.append("Answer: ", style="bold")
                text.append(answer_text(question) + "\n")
                text.append_text(evidence_text(question))
                text.append("\n\nHow well did you know it?  1 Again \u00b7 2 Hard \u00b7 3 Good \u00b7 4 Easy", style="italic")
            else:
                text.append("\nSpace: show the answer", style="italic")
            card.update(text)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "flip":
            return self.deck.current is not None
        if action in ("grade", "article"):
            return self.deck.current is not None and self.deck.flipped
        if action == "undo":
            return bool(self.deck.done)
        return True

    def action_flip(self) -> None:
        self.deck.flip()
        self.show()

    def action_grade(self, rating: int) -> None:
        if self.deck.current is not None and self.deck.flipped:
            self.deck.grade(rating)
            self.show()

    def action_undo(self) -> None:
        if self.deck.undo() is not None:
            self.notify("Last grade undone.")
        self.show()

    def action_article(self) -> None:
        if self.deck.current is not None:
            self.app.action_article(self.deck.current.spans)  # type: ignore[attr-defined]

    def action_leave(self) -> None:
        self.deck.finish()
        self.app.go_home()  # type: ignore[attr-defined]
