"""Study cards scheduled with FSRS (fsrs 6.x); cram practises cards without scheduling them."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass

from fsrs import Card, Rating, Scheduler

from ..bank.models import Question
from ..store.history import History
from .clock import Clock

#: Which question of a fact makes the best card: the typed forms ask for recall.
CARD_PREFERENCE = ("cloze", "numeric", "multiple_choice")
RATINGS = {1: Rating.Again, 2: Rating.Hard, 3: Rating.Good, 4: Rating.Easy}
RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
NEW_PER_SESSION = 20


def card_questions(questions: Sequence[Question]) -> list[Question]:
    """One card per fact, in bank order: its cloze, else numeric, else multiple-choice question."""
    best: dict[str, Question] = {}
    for q in questions:
        if q.type not in CARD_PREFERENCE or len(q.fact_ids) != 1:
            continue
        fact = q.fact_ids[0]
        if fact not in best or CARD_PREFERENCE.index(q.type) < CARD_PREFERENCE.index(best[fact].type):
            best[fact] = q
    return list(best.values())


def card_id(question_id: str) -> int:
    """A stable fsrs card id from the question id (fsrs' default id sleeps to be unique)."""
    return int.from_bytes(hashlib.sha256(question_id.encode()).digest()[:6], "big")


@dataclass
class Graded:
    question: Question
    rating: int
    due: str | None


class StudyDeck:
    """Due cards first, then up to ``new_limit`` new ones; grading reschedules through fsrs.

    With ``cram=True`` any cards are practised in random order and nothing is scheduled.
    Every grade is also recorded as an answer (Good or Easy count as right).
    """

    def __init__(
        self, questions: Sequence[Question], history: History, clock: Clock, bank_id: str = "",
        cram: bool = False, new_limit: int = NEW_PER_SESSION, seed: int | None = None,
    ) -> None:
        self.history = history
        self.clock = clock
        self.cram = cram
        self.scheduler = Scheduler()
        cards = card_questions(questions)
        suspended = set(history.cards.suspended())
        by_id = {q.id: q for q in cards if q.id not in suspended}
        if cram:
            queue = list(by_id.values())
            random.Random(seed).shuffle(queue)
        else:
            now = history.now()
            due = [by_id[qid] for qid in history.cards.due(now) if qid in by_id]
            known = set(history.cards.all())
            new = [q for q in by_id.values() if q.id not in known][:new_limit]
            queue = due + new
        self.queue = queue
        self.done: list[Graded] = []
        self.flipped = False
        self.session_id = history.start_session("cram" if cram else "study", bank_id, {"cards": len(queue)})

    @property
    def current(self) -> Question | None:
        return self.queue[0] if self.queue else None

    @property
    def remaining(self) -> int:
        return len(self.queue)

    def due_count(self) -> int:
        return len(self.history.cards.due())

    def flip(self) -> None:
        self.flipped = not self.flipped

    def grade(self, rating: int) -> Graded:
        question = self.current
        if question is None:
            raise RuntimeError("no card to grade")
        due = None
        if not self.cram:
            stored = self.history.cards.get(question.id)
            card = Card.from_dict(stored) if stored else Card(card_id=card_id(question.id))
            card, log = self.scheduler.review_card(card, RATINGS[rating], review_datetime=self.clock.now())
            self.history.cards.save_review(question.id, card.to_dict(), log.to_dict(), self.session_id)
            due = card.to_dict()["due"]
        self.history.record_answer(self.session_id, question.id, question.hash, RATING_NAMES[rating], rating >= 3, 0.0)
        graded = Graded(question, rating, due)
        self.done.append(graded)
        self.queue.pop(0)
        self.flipped = False
        return graded

    def undo(self) -> Question | None:
        """Take back the last grade: the card's schedule is restored and it is shown again."""
        if not self.done:
            return None
        last = self.done.pop()
        if not self.cram:
            self.history.cards.undo_last(self.session_id)
        self.history.undo_last_answer(self.session_id)
        self.queue.insert(0, last.question)
        self.flipped = False
        return last.question

    def finish(self) -> None:
        self.history.finish_session(self.session_id)
