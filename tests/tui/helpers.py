"""Building the real app for tests, and answering its questions the way a person would."""

from __future__ import annotations

from pathlib import Path

from karabakh_tui.study.clock import ManualClock
from karabakh_tui.study.quiz import QuizSettings
from karabakh_tui.tui.app import KarabakhApp, create_app
from tests.conftest import BANK_DIR

BANK_FILE = BANK_DIR / "bank.toml"


def make_app(data_dir: Path, start: str = "home", clock: ManualClock | None = None, **settings) -> KarabakhApp:  # noqa: ANN003
    quiz = QuizSettings(**settings) if start == "quiz" else None
    return create_app(BANK_FILE, data_dir, clock=clock or ManualClock(), start=start, quiz_settings=quiz, testing=True)


def keys_for(question, right: bool = True) -> list[str]:
    """The key presses that answer ``question`` (rightly, or wrongly)."""
    kind = question.type
    if kind == "multiple_choice":
        index = question.choices.index(question.answer)
        return [str((index if right else (index + 1) % len(question.choices)) + 1)]
    if kind == "true_false":
        truth = question.answer == "True"
        return ["t" if truth == right else "f"]
    if kind in ("cloze", "numeric"):
        text = str(question.answer) if right else "zzz"
        return [*("space" if c == " " else c for c in text), "enter"]
    if kind == "ordering":
        order = list(question.answer) if right else list(reversed(question.answer))
        return [*(str(question.choices.index(item) + 1) for item in order), "enter"]
    half = len(question.choices) // 2
    rights = question.choices[half:]
    letters = [("abcdefgh"[rights.index(r)]) for _, r in question.answer]
    lefts = [left for left, _ in question.answer]
    order = [letters[lefts.index(left)] for left in question.choices[:half]]
    return [*(order if right else order[1:] + order[:1]), "enter"]


async def answer(pilot, right: bool = True) -> None:  # noqa: ANN001
    await pilot.pause()
    question = pilot.app.screen.session.current
    await pilot.press(*keys_for(question, right))
    await pilot.pause()
