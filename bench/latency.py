"""Answer latency inside the real app (headless, as in Textual's Pilot tests).

A key event is posted to the app as the terminal driver would; the clock stops at the first
frame the app writes after the screen shows the feedback (then, after Enter, the next
question). Pilot's own ``press`` waits for the process to look idle, which measures the
test harness rather than the app, so the key is posted directly and frames are counted.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from textual import events

ROOT = Path(__file__).resolve().parent.parent
BANK_FILE = ROOT / "question_banks" / "karabakh" / "bank.toml"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


async def _key_to_frame(app, key: str, char: str | None, reached: Callable[[], bool], frames: list[float]) -> float:  # noqa: ANN001
    """Seconds from posting ``key`` to the first frame drawn once ``reached()`` holds."""
    event = events.Key(key, char)
    event.set_sender(app)
    start = time.perf_counter()
    app.post_message(event)
    while not reached():
        await asyncio.sleep(0.0005)
    seen = len(frames)
    while len(frames) == seen:
        await asyncio.sleep(0.0005)
    return frames[-1] - start


async def _measure(answers: int) -> tuple[list[float], list[float]]:
    from karabakh_tui.study.clock import ManualClock
    from karabakh_tui.study.quiz import QuizSettings
    from karabakh_tui.tui.app import create_app

    to_feedback: list[float] = []
    to_next: list[float] = []
    frames: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        settings = QuizSettings(questions=answers + 1, seed=1, types=["multiple_choice", "true_false"], per_question=60)
        app = create_app(BANK_FILE, Path(folder), clock=ManualClock(), start="quiz", quiz_settings=settings, testing=True)
        async with app.run_test(size=(80, 24)) as pilot:
            display = app._display

            def counted(screen, update) -> None:  # noqa: ANN001
                display(screen, update)
                frames.append(time.perf_counter())

            app._display = counted  # type: ignore[method-assign]
            await pilot.pause()
            for _ in range(answers):
                screen = app.screen
                key = "1" if screen.session.current.type == "multiple_choice" else "t"
                to_feedback.append(await _key_to_frame(app, key, key, lambda s=screen: s.state == "feedback", frames))
                shown = len(screen.session.outcomes)
                to_next.append(await _key_to_frame(
                    app, "enter", "\r", lambda s=screen, n=shown: s.state == "asking" and s.session.position == n + 1, frames))
                await pilot.pause()
    return to_feedback, to_next


def bench_latency(answers: int) -> dict[str, float]:
    to_feedback, to_next = asyncio.run(_measure(answers))
    return {
        "answer_latency_median_ms": statistics.median(to_feedback) * 1000,
        "answer_latency_p95_ms": percentile(to_feedback, 0.95) * 1000,
        "next_question_median_ms": statistics.median(to_next) * 1000,
        "next_question_p95_ms": percentile(to_next, 0.95) * 1000,
        "answers_measured": float(len(to_feedback)),
    }
