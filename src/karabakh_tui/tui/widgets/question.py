"""A question on screen, answerable with keys alone (and the mouse).

Multiple choice and true/false: a number (or t/f) picks. Cloze and numeric: type, then Enter.
Matching: for each left item in turn, a letter picks its partner. Ordering: numbers pick the
events from earliest to latest. Backspace takes back the last pick; Enter submits.
"""

from __future__ import annotations

import string

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from ...bank.models import Question
from .inputs import text_input

TYPE_NAMES = {
    "multiple_choice": "Multiple choice", "true_false": "True or false", "cloze": "Fill the blank",
    "numeric": "Number", "matching": "Match the pairs", "ordering": "Put in order",
}
LETTERS = string.ascii_lowercase


class Choice(Static):
    """One clickable option line."""

    class Clicked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, label: str, index: int, **kwargs) -> None:  # noqa: ANN003
        super().__init__(label, markup=False, id=f"choice-{index}", **kwargs)
        self.index = index

    def on_click(self) -> None:
        self.post_message(self.Clicked(self.index))


class QuestionView(Vertical):
    """Shows one question and collects an answer; posts ``Submitted`` with the given answer."""

    class Submitted(Message):
        def __init__(self, given: str | list[str] | list[list[str]]) -> None:
            super().__init__()
            self.given = given

    def __init__(self, question: Question, cursor_blink: bool = True, **kwargs) -> None:  # noqa: ANN003
        super().__init__(**kwargs)
        self.question = question
        self.blink = cursor_blink
        self.frozen = False
        half = len(question.choices) // 2
        self.lefts = question.choices[:half] if question.type == "matching" else []
        self.rights = question.choices[half:] if question.type == "matching" else []
        self.assigned: list[int] = []
        self.order: list[int] = []

    def compose(self) -> ComposeResult:
        q = self.question
        yield Static(Text(TYPE_NAMES[q.type], style="bold italic"), id="kind")
        yield Static(q.prompt, id="prompt", markup=False)
        if q.type in ("multiple_choice", "ordering"):
            for i, choice in enumerate(q.choices):
                yield Choice(f" {i + 1}. {choice}", i, classes="choice")
        elif q.type == "true_false":
            yield Choice(" t. True", 0, classes="choice")
            yield Choice(" f. False", 1, classes="choice")
        elif q.type in ("cloze", "numeric"):
            hint = "a number" + (f" ({q.unit})" if q.unit and q.unit not in ("people", "year") else "") if q.type == "numeric" else "your answer"
            yield text_input(self.blink, placeholder=f"Type {hint}, then Enter", id="typed")
        elif q.type == "matching":
            yield Static("", id="lefts", markup=False)
            for i, right in enumerate(self.rights):
                yield Choice(f" {LETTERS[i]}. {right}", i, classes="choice")
        if q.type in ("matching", "ordering"):
            yield Static("", id="picks", markup=False)

    def on_mount(self) -> None:
        self._refresh_picks()
        if self.question.type in ("cloze", "numeric"):
            self.query_one("#typed", Input).focus()

    # --- input from the screen's keys ------------------------------------------------------

    def pick_number(self, number: int) -> None:
        """1-based option number: choose it (multiple choice) or place it next (ordering)."""
        q = self.question
        if self.frozen or not 1 <= number <= len(q.choices):
            return
        if q.type == "multiple_choice":
            self._submit(q.choices[number - 1])
        elif q.type == "ordering" and number - 1 not in self.order:
            self.order.append(number - 1)
            self._refresh_picks()
        elif q.type == "true_false" and number <= 2:
            self._submit(["True", "False"][number - 1])

    def pick_letter(self, letter: str) -> None:
        """Matching: the letter's right item goes with the first left item still open."""
        index = LETTERS.index(letter)
        if self.frozen or self.question.type != "matching" or index >= len(self.rights) or index in self.assigned:
            return
        if len(self.assigned) < len(self.lefts):
            self.assigned.append(index)
            self._refresh_picks()

    def true_false(self, value: str) -> None:
        if not self.frozen and self.question.type == "true_false":
            self._submit(value)

    def unpick(self) -> None:
        if self.frozen:
            return
        if self.assigned:
            self.assigned.pop()
        elif self.order:
            self.order.pop()
        self._refresh_picks()

    def complete(self) -> bool:
        q = self.question
        if q.type == "matching":
            return len(self.assigned) == len(self.lefts)
        if q.type == "ordering":
            return len(self.order) == len(q.choices)
        return False

    def submit(self) -> None:
        """Enter: hand in a finished matching or ordering (typed answers submit from the Input)."""
        if self.frozen or not self.complete():
            return
        if self.question.type == "matching":
            self._submit([[self.lefts[i], self.rights[r]] for i, r in enumerate(self.assigned)])
        else:
            self._submit([self.question.choices[i] for i in self.order])

    def freeze(self) -> None:
        """No more input: the answer is in (or time ran out)."""
        self.frozen = True
        for typed in self.query(Input):
            typed.disabled = True

    # --- widget events ---------------------------------------------------------------------

    def on_choice_clicked(self, message: Choice.Clicked) -> None:
        message.stop()
        if self.question.type == "matching":
            self.pick_letter(LETTERS[message.index])
        elif self.question.type == "true_false":
            self.true_false(["True", "False"][message.index])
        else:
            self.pick_number(message.index + 1)

    def on_input_submitted(self, message: Input.Submitted) -> None:
        message.stop()
        if not self.frozen and message.value.strip():
            self._submit(message.value)

    def _submit(self, given: str | list[str] | list[list[str]]) -> None:
        self.freeze()
        self.post_message(self.Submitted(given))

    def _refresh_picks(self) -> None:
        q = self.question
        if q.type == "matching":
            lines = Text()
            for i, left in enumerate(self.lefts):
                mark = f"\u2192 {LETTERS[self.assigned[i]]}" if i < len(self.assigned) else ("\u25b6 ?" if i == len(self.assigned) else "  ?")
                lines.append(f" {mark}  {left}\n", style="bold" if i == len(self.assigned) else "")
            self.query_one("#lefts", Static).update(lines)
            done = len(self.assigned) == len(self.lefts)
            self.query_one("#picks", Static).update("All matched: Enter to submit, Backspace to change." if done else "Press the letter that matches the item marked \u25b6.")
        elif q.type == "ordering":
            chosen = " \u2192 ".join(str(i + 1) for i in self.order) or "none yet"
            tail = "Enter to submit, Backspace to change." if self.complete() else "Press the numbers from earliest to latest."
            self.query_one("#picks", Static).update(f"Your order: {chosen}. {tail}")
