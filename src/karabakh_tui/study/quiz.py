"""Quiz and review sessions: choosing questions, timing them, grading and recording answers."""

from __future__ import annotations

import json
import random
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..bank.models import Question, QuestionType
from ..store.history import History
from .clock import Clock
from .grading import grade

Given = str | list[str] | list[list[str]]


class QuizSettings(BaseModel):
    """What a person chose on the quiz setup screen (and what the store remembers)."""

    model_config = ConfigDict(extra="ignore")

    questions: int = Field(default=10, ge=1, le=1000)
    per_question: float | None = Field(default=None, gt=0)
    time_limit: float | None = Field(default=None, gt=0)
    topics: list[str] = []
    types: list[QuestionType] = []
    seed: int | None = None
    feedback: Literal["each", "end"] = "each"


def select_questions(
    questions: Sequence[Question], settings: QuizSettings, suspended: Iterable[str] = ()
) -> list[Question]:
    """Up to ``settings.questions`` questions, types mixed, never two on the same fact.

    Filters by type and topic, leaves out suspended questions, and deals from a shuffled
    queue per type in turn so that a quiz is not ten true/false questions in a row.
    """
    excluded = set(suspended)
    pool = [
        q for q in questions
        if q.id not in excluded
        and (not settings.types or q.type in settings.types)
        and (not settings.topics or set(settings.topics) & set(q.topics))
    ]
    rng = random.Random(settings.seed)
    rng.shuffle(pool)
    by_type: dict[str, deque[Question]] = {}
    for q in pool:
        by_type.setdefault(q.type, deque()).append(q)
    order = sorted(by_type)
    rng.shuffle(order)
    chosen: list[Question] = []
    used_facts: set[str] = set()
    while len(chosen) < settings.questions and any(by_type.values()):
        for kind in order:
            queue = by_type[kind]
            while queue:
                q = queue.popleft()
                if not used_facts & set(q.fact_ids):
                    chosen.append(q)
                    used_facts.update(q.fact_ids)
                    break
            if len(chosen) == settings.questions:
                break
    return chosen


@dataclass(frozen=True)
class Outcome:
    question: Question
    given: Given
    correct: bool
    seconds: float
    timed_out: bool


def given_text(given: Given) -> str:
    return given if isinstance(given, str) else json.dumps(given, ensure_ascii=False)


class QuizSession:
    """One run through a list of questions, timed by an injected clock.

    In a review (``requeue_wrong=True``) a question answered wrongly goes to the back of
    the queue, so the session ends only when every question has been answered right.
    Each answer is written to the history as it is given.
    """

    def __init__(
        self, questions: Sequence[Question], settings: QuizSettings, clock: Clock,
        history: History | None = None, bank_id: str = "", mode: str = "quiz",
        requeue_wrong: bool = False, session_id: int | None = None,
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.history = history
        self.mode = mode
        self.requeue_wrong = requeue_wrong
        self.queue: deque[Question] = deque(questions)
        self.planned = len(questions)
        self.outcomes: list[Outcome] = []
        self.started = clock.monotonic()
        self.question_started = self.started
        self.out_of_time = False
        self.finished = not self.queue
        self._closed = False
        self.session_id = session_id
        if history is not None and session_id is None:
            stored = settings.model_dump(mode="json") | {"question_ids": [q.id for q in questions]}
            self.session_id = history.start_session(mode, bank_id, stored)

    @property
    def current(self) -> Question | None:
        return None if self.finished or not self.queue else self.queue[0]

    @property
    def position(self) -> int:
        """1-based number of the question on screen."""
        return len(self.outcomes) + 1

    @property
    def total(self) -> int:
        return self.planned if not self.requeue_wrong else len(self.outcomes) + len(self.queue)

    @property
    def correct(self) -> int:
        return sum(o.correct for o in self.outcomes)

    @property
    def elapsed(self) -> float:
        return self.clock.monotonic() - self.started

    def question_seconds_left(self) -> float | None:
        if self.settings.per_question is None:
            return None
        return max(0.0, self.settings.per_question - (self.clock.monotonic() - self.question_started))

    def quiz_seconds_left(self) -> float | None:
        if self.settings.time_limit is None:
            return None
        return max(0.0, self.settings.time_limit - self.elapsed)

    def seconds_left(self) -> float | None:
        """Whichever runs out first: this question's time or the whole quiz's."""
        left = [s for s in (self.question_seconds_left(), self.quiz_seconds_left()) if s is not None]
        return min(left) if left else None

    def begin_question(self) -> None:
        """Start this question's clock (call when it is shown)."""
        self.question_started = self.clock.monotonic()

    def answer(self, given: Given) -> Outcome:
        question = self._require_current()
        return self._settle(question, given, grade(question, given), timed_out=False)

    def time_out(self) -> Outcome:
        """Time ran out on the current question: it counts as missed."""
        return self._settle(self._require_current(), "", False, timed_out=True)

    def check_time(self) -> Outcome | None:
        """Time the current question out if its time (or the quiz's) is up."""
        left = self.seconds_left()
        if self.current is None or left is None or left > 0:
            return None
        if self.quiz_seconds_left() == 0:
            self.out_of_time = True
        return self.time_out()

    def next(self) -> Question | None:
        """Move past the settled question; returns the next one, or None when finished."""
        if self.out_of_time or not self.queue:
            self.finish()
            return None
        self.begin_question()
        return self.current

    def finish(self) -> float | None:
        """End the session and store its score (once)."""
        if self._closed:
            return None
        self._closed = self.finished = True
        if self.history is not None and self.session_id is not None:
            return self.history.finish_session(self.session_id)
        return None

    def missed(self) -> list[Outcome]:
        """Questions whose last answer in this session was wrong."""
        last = {o.question.id: o for o in self.outcomes}
        return [o for o in last.values() if not o.correct]

    def _require_current(self) -> Question:
        if self.current is None:
            raise RuntimeError("the session has no question left")
        return self.current

    def _settle(self, question: Question, given: Given, correct: bool, timed_out: bool) -> Outcome:
        seconds = self.clock.monotonic() - self.question_started
        outcome = Outcome(question, given, correct, round(seconds, 3), timed_out)
        self.outcomes.append(outcome)
        if self.history is not None and self.session_id is not None:
            self.history.record_answer(self.session_id, question.id, question.hash, given_text(given), correct, seconds, timed_out)
        self.queue.popleft()
        if self.requeue_wrong and not correct:
            self.queue.append(question)
        return outcome


def review_questions(history: History, questions: Sequence[Question]) -> list[Question]:
    """The missed list as bank questions, most recently missed first."""
    by_id = {q.id: q for q in questions}
    return [by_id[m.question_id] for m in history.missed() if m.question_id in by_id]


def resume_quiz(history: History, session_id: int, questions: Sequence[Question], clock: Clock) -> QuizSession | None:
    """Continue an unfinished quiz where it stopped (answers already given stay counted)."""
    record = history.session(session_id)
    if record is None or record.finished is not None or record.mode != "quiz":
        return None
    settings = QuizSettings.model_validate(record.settings)
    by_id = {q.id: q for q in questions}
    planned = [by_id[qid] for qid in record.settings.get("question_ids", []) if qid in by_id]
    answered = {a.question_id for a in history.answers(session_id)}
    remaining = [q for q in planned if q.id not in answered]
    session = QuizSession(remaining, settings, clock, history, mode="quiz", session_id=session_id)
    session.planned = len(planned)
    session.outcomes = [
        Outcome(by_id[a.question_id], a.given, a.correct, a.seconds, a.timed_out)
        for a in history.answers(session_id) if a.question_id in by_id
    ]
    return session
