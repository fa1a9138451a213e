"""Browse the bank: search with /, read each question with its evidence, suspend bad ones (!)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from ..widgets.evidence import answer_text, evidence_text
from ..widgets.inputs import text_input
from ..widgets.question import TYPE_NAMES


class BrowseScreen(Screen[None]):
    DEFAULT_CSS = """
    BrowseScreen OptionList { width: 1fr; height: 1fr; border: round $primary; }
    BrowseScreen #detail { width: 1fr; padding: 0 1; }
    BrowseScreen Horizontal { height: 1fr; }
    """
    BINDINGS = [
        Binding("slash", "search", "Search", id="search"),
        Binding("exclamation_mark", "suspend", "Report bad", id="suspend"),
        Binding("u", "unsuspend", "Unsuspend", id="unsuspend"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="browse"):
            yield text_input(not self.app.ctx.testing, placeholder="/ to search prompts, answers, ids and topics", id="search")  # type: ignore[attr-defined]
            with Horizontal():
                yield OptionList(id="questions")
                yield Static(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Browse the bank"
        self.fill("")
        self.query_one(OptionList).focus()

    def fill(self, query: str) -> None:
        ctx = self.app.ctx  # type: ignore[attr-defined]
        suspended = ctx.history.cards.suspended()
        words = query.lower().split()
        options = []
        for q in ctx.bank.questions:
            haystack = f"{q.id} {q.prompt} {answer_text(q)} {' '.join(q.topics)}".lower()
            if all(w in haystack for w in words):
                mark = "\u2298 " if q.id in suspended else "  "
                prompt = q.prompt if len(q.prompt) <= 30 else q.prompt[:29] + "\u2026"
                options.append(Option(f"{mark}{prompt}", id=q.id))
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options(options)
        listing.border_title = f"{len(options)} questions"
        if options:
            listing.highlighted = 0
        else:
            self.query_one("#detail", Static).update("No question matches.")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show(event.option.id or "")

    def selected_id(self) -> str | None:
        listing = self.query_one(OptionList)
        if listing.highlighted is None:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def show(self, question_id: str) -> None:
        ctx = self.app.ctx  # type: ignore[attr-defined]
        q = ctx.questions_by_id[question_id]
        reason = ctx.history.cards.suspended().get(q.id)
        text = Text()
        text.append(f"{q.id}\n", style="bold")
        text.append(f"{TYPE_NAMES[q.type]} \u00b7 difficulty {q.difficulty} \u00b7 {', '.join(q.topics)}\n\n")
        text.append(q.prompt + "\n")
        if q.choices and q.type != "true_false":
            text.append("Options: " + " | ".join(q.choices) + "\n")
        text.append("Answer: ", style="bold")
        text.append(answer_text(q) + "\n")
        text.append_text(evidence_text(q))
        if reason:
            text.append(f"\n\n\u2298 Suspended: {reason}", style="bold")
        self.query_one("#detail", Static).update(text)

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_suspend(self) -> None:
        from .confirm import ReasonScreen

        question_id = self.selected_id()
        if question_id is None:
            return

        def reported(reason: str | None) -> None:
            if reason:
                self.app.ctx.history.cards.suspend(question_id, reason)  # type: ignore[attr-defined]
                self.notify(f"Suspended {question_id}: it will not be asked again.")
                self.refill(question_id)

        self.app.push_screen(ReasonScreen(question_id, cursor_blink=not self.app.ctx.testing), reported)  # type: ignore[attr-defined]

    def action_unsuspend(self) -> None:
        question_id = self.selected_id()
        if question_id and question_id in self.app.ctx.history.cards.suspended():  # type: ignore[attr-defined]
            self.app.ctx.history.cards.unsuspend(question_id)  # type: ignore[attr-defined]
            self.notify(f"{question_id} will be asked again.")
            self.refill(question_id)

    def refill(self, question_id: str) -> None:
        listing = self.query_one(OptionList)
        keep = listing.highlighted
        self.fill(self.query_one("#search", Input).value)
        if keep is not None and keep < listing.option_count:
            listing.highlighted = keep
        self.show(question_id)

    def action_back(self) -> None:
        if self.focused is self.query_one("#search", Input):
            self.query_one(OptionList).focus()
        else:
            self.app.pop_screen()
