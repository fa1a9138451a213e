"""Small text charts: horizontal bars, a score trend and a calendar of study days."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text

BLOCKS = " \u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"


def bar_rows(rows: dict[str, tuple[int, int]], width: int = 24, label_width: int = 16) -> Text:
    """One line per label: a bar of the share right, then ``correct/total`` and the percentage."""
    text = Text()
    if not rows:
        return Text("no graded answers yet", style="italic")
    for label, (correct, total) in rows.items():
        share = correct / total if total else 0.0
        filled = round(share * width)
        text.append(f"{label[:label_width]:<{label_width}} ")
        text.append("\u2588" * filled, style="green")
        text.append("\u2591" * (width - filled), style="dim")
        text.append(f" {correct}/{total} {share:4.0%}\n")
    return text


def trend(scores: list[float], width: int = 60) -> Text:
    """Session scores (0..1), oldest first, as a line of block heights (latest on the right)."""
    if not scores:
        return Text("no finished quizzes yet", style="italic")
    recent = scores[-width:]
    line = "".join(BLOCKS[max(1, round(s * 8))] for s in recent)
    return Text.assemble(("0% ", "dim"), (line, "bold"), (" 100%  ", "dim"), f"last {recent[-1]:.0%}, {len(scores)} quizzes")


def calendar(days: list[date], today: date, weeks: int = 12) -> Text:
    """A GitHub-style grid: one column per week, Monday at the top; \u25a0 studied, \u00b7 not."""
    studied = set(days)
    start = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    text = Text()
    for weekday, name in enumerate(["Mon", "", "Wed", "", "Fri", "", "Sun"]):
        text.append(f"{name:<4}")
        for week in range(weeks):
            day = start + timedelta(days=7 * week + weekday)
            if day > today:
                text.append("  ")
            elif day in studied:
                text.append("\u25a0 ", style="bold green")
            else:
                text.append("\u00b7 ", style="dim")
        text.append("\n")
    return text
