"""Stats, drawn: score trend, accuracy by topic and type, a calendar of days studied, the streak."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ...store.report import summary
from ..widgets.charts import bar_rows, calendar, trend
from ..widgets.question import TYPE_NAMES


class StatsScreen(Screen[None]):
    DEFAULT_CSS = """
    StatsScreen #stats { padding: 0 2; }
    StatsScreen #stats > * { margin-bottom: 1; }
    StatsScreen #accuracy { height: auto; }
    StatsScreen #accuracy > Static { width: 1fr; }
    """
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats"):
            yield Static(id="trend")
            with Horizontal(id="accuracy"):
                yield Static(id="by-type")
                yield Static(id="by-topic")
            yield Static(id="calendar")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Stats"
        ctx = self.app.ctx  # type: ignore[attr-defined]
        data = summary(ctx.history, ctx.question_info())
        quizzes = [s for s in data["sessions"] if s["mode"] == "quiz" and s["finished"] and s["total"]]
        head = Text.assemble(("Score trend (finished quizzes, oldest to newest)\n", "bold"))
        head.append_text(trend([s["correct"] / s["total"] for s in quizzes], width=50))
        best = data["personal_best"]
        head.append(f"\nPersonal best: {best['correct']}/{best['total']}" if best else "\nPersonal best: none yet")
        self.query_one("#trend", Static).update(head)
        acc = data["accuracy"]
        by_type = {TYPE_NAMES.get(k, k): (v["correct"], v["total"]) for k, v in acc["by_type"].items()}
        by_topic = {k: (v["correct"], v["total"]) for k, v in acc["by_topic"].items()}
        self.query_one("#by-type", Static).update(Text.assemble(("Accuracy by type\n", "bold")) + bar_rows(by_type, width=10))
        self.query_one("#by-topic", Static).update(Text.assemble(("Accuracy by topic\n", "bold")) + bar_rows(by_topic, width=10, label_width=13))
        from datetime import date

        days = [date.fromisoformat(d) for d in data["days_studied"]]
        today = ctx.clock.now().astimezone().date()
        cal = Text.assemble((f"Days studied: {len(days)}   Current streak: {data['streak']} day{'s' if data['streak'] != 1 else ''}\n", "bold"))
        cal.append_text(calendar(days, today))
        cal.append(f"Missed now: {len(data['missed'])}   Cards due: {data['due']}")
        self.query_one("#calendar", Static).update(cal)
