"""A countdown shown as a bar and seconds; time left comes from the session's clock."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static


class Countdown(Horizontal):
    """Seconds left as a draining bar and a number (text too, so it never relies on colour)."""

    DEFAULT_CSS = """
    Countdown { height: 1; width: 1fr; }
    Countdown ProgressBar { width: 1fr; }
    Countdown ProgressBar Bar { width: 1fr; }
    Countdown #seconds { width: 13; content-align: right middle; }
    """

    def __init__(self, total: float | None, **kwargs) -> None:  # noqa: ANN003
        super().__init__(**kwargs)
        self.total = total

    def compose(self) -> ComposeResult:
        yield ProgressBar(total=self.total or 1, show_percentage=False, show_eta=False)
        yield Static("", id="seconds")

    def on_mount(self) -> None:
        self.display = self.total is not None

    def show(self, left: float | None, total: float | None) -> None:
        self.display = left is not None
        if left is None or total is None:
            return
        bar = self.query_one(ProgressBar)
        bar.update(total=total, progress=left)
        self.query_one("#seconds", Static).update(f"{left:4.0f} s left")
