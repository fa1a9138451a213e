"""Results: score, time, breakdown by topic and type, and every missed question with evidence."""

from __future__ import annotations

from collections import defaultdict

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ...study.quiz import QuizSession
from ..widgets.charts import bar_rows
from ..widgets.evidence import answer_text, evidence_text
from ..widgets.question import TYPE_NAMES


class ResultsScreen(Screen[None]):
    DEFAULT_CSS = """
    ResultsScreen #results { padding: 0 2; }
    ResultsScreen #results > Static { margin-bottom: 1; }
    """
    BINDINGS = [
        Binding("r", "review", "Review missed", id="review"),
        Binding("t", "retry", "Retry", id="retry"),
        Binding("v", "article", "Article", id="article"),
        Binding("h", "home", "Home", id="home"),
        Binding("escape", "home", "Home", show=False),
    ]

    def __init__(self, session: QuizSession, title: str = "Quiz") -> None:
        super().__init__()
        self.session = session
        self.kind = title

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="results"):
            yield Static(self.summary(), id="score")
            yield Static(self.breakdown(), id="breakdown")
            yield Static(self.missed_text(), id="missed")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Results"

    def summary(self) -> Text:
        s = self.session
        answered = len(s.outcomes)
        right = s.correct
        share = right / answered if answered else 0
        text = Text()
        text.append(f"Results \u2014 {self.kind}\n", style="bold")
        text.append(f"Score: {right}/{answered}  ({share:.0%})\n", style="bold")
        minutes, seconds = divmod(int(round(s.elapsed)), 60)
        text.append(f"Time taken: {minutes} min {seconds:02d} s")
        timed_out = sum(o.timed_out for o in s.outcomes)
        if timed_out:
            text.append(f" \u00b7 {timed_out} ran out of time")
        if s.out_of_time and answered < s.planned:
            text.append(f" \u00b7 the quiz's time ran out after {answered} of {s.planned}")
        return text

    def breakdown(self) -> Text:
        by_topic: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for o in self.session.outcomes:
            for bucket in [by_type[TYPE_NAMES[o.question.type]], *(by_topic[t] for t in o.question.topics)]:
                bucket[0] += o.correct
                bucket[1] += 1
        text = Text.assemble(("By type\n", "bold"))
        text.append_text(bar_rows({k: (v[0], v[1]) for k, v in sorted(by_type.items())}, width=20))
        text.append("By topic\n", style="bold")
        text.append_text(bar_rows({k: (v[0], v[1]) for k, v in sorted(by_topic.items())}, width=20))
        return text

    def missed_text(self) -> Text:
        missed = self.session.missed()
        if not missed:
            return Text("Nothing missed. \u2714", style="bold")
        text = Text.assemble((f"Missed ({len(missed)})\n", "bold"))
        for n, outcome in enumerate(missed, 1):
            q = outcome.question
            text.append(f"\n\u2718 {n}. ", style="bold")
            text.append(q.prompt + "\n")
            text.append("   Answer: ", style="bold")
            text.append(answer_text(q) + "\n   ")
            text.append_text(evidence_text(q))
            text.append("\n")
        return text

    def action_review(self) -> None:
        self.app.go_home()  # type: ignore[attr-defined]
        self.app.action_review()  # type: ignore[attr-defined]

    def action_retry(self) -> None:
        questions = list(dict.fromkeys(o.question.id for o in self.session.outcomes))
        by_id = self.app.ctx.questions_by_id  # type: ignore[attr-defined]
        settings = self.session.settings
        self.app.go_home()  # type: ignore[attr-defined]
        self.app.start_quiz(settings, [by_id[q] for q in questions])  # type: ignore[attr-defined]

    def action_article(self) -> None:
        missed = self.session.missed()
        spans = [span for o in missed for span in o.question.spans]
        self.app.action_article(spans)  # type: ignore[attr-defined]

    def action_home(self) -> None:
        self.app.go_home()  # type: ignore[attr-defined]
