"""Help (?): every key of the screen underneath, with what it does."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        text = Text.assemble(("Keys on this screen\n\n", "bold"))
        seen: dict[str, str] = {}
        for active in self.under.active_bindings.values():
            binding = active.binding
            label = binding.description or binding.action
            shown = binding.key_display or self.app.get_key_display(binding)
            if label not in seen.values() or binding.key_display is None:
                seen[shown] = label
        for shown, label in seen.items():
            text.append(f"{shown:>12}  ", style="bold")
            text.append(f"{label}\n")
        text.append("\nctrl+p opens the command palette with every mode. Escape closes this help.", style="italic")
        with VerticalScroll(classes="dialog help"):
            yield Static(text)
