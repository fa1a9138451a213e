"""Spaced-repetition cards, their review logs with undo, and suspended questions.

Cards are stored as the JSON of fsrs' ``Card.to_dict()`` with ``CARD_SCHEMA`` beside them,
so a future fsrs with another layout can be migrated. This module only stores; scheduling
is the study logic's job.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .history import History

CARD_SCHEMA = 1


@dataclass(frozen=True, slots=True)
class Undone:
    question_id: str
    card: dict[str, Any] | None


def _due(card: dict[str, Any]) -> str:
    """The card's due time in the store's sortable timestamp form."""
    from .history import stamp

    return stamp(datetime.fromisoformat(card["due"]))


class CardStore:
    def __init__(self, history: History) -> None:
        self.history = history

    def get(self, question_id: str) -> dict[str, Any] | None:
        row = self.history.conn.execute("SELECT card FROM cards WHERE question_id = ?", (question_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def all(self) -> dict[str, dict[str, Any]]:
        return {qid: json.loads(card) for qid, card in self.history.conn.execute("SELECT question_id, card FROM cards")}

    def save_review(self, question_id: str, card: dict[str, Any], log: dict[str, Any], session_id: int | None) -> None:
        """Store a card's new state and its review log in one transaction (undoable)."""
        now = self.history.now()
        due = _due(card)
        with self.history.write() as conn:
            before = conn.execute("SELECT card FROM cards WHERE question_id = ?", (question_id,)).fetchone()
            conn.execute(
                "INSERT INTO review_logs (question_id, session_id, log, card_before, card_schema, reviewed_at) VALUES (?, ?, ?, ?, ?, ?)",
                (question_id, session_id, json.dumps(log, sort_keys=True), before[0] if before else None, CARD_SCHEMA, now),
            )
            conn.execute(
                """INSERT INTO cards (question_id, card, card_schema, due, updated) VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT (question_id) DO UPDATE SET card = excluded.card, card_schema = excluded.card_schema,
                   due = excluded.due, updated = excluded.updated""",
                (question_id, json.dumps(card, sort_keys=True), CARD_SCHEMA, due, now),
            )
            self.history.mark_day(conn)

    def undo_last(self, session_id: int | None) -> Undone | None:
        """Take back the latest review of the session: the card returns to its earlier state."""
        with self.history.write() as conn:
            row = conn.execute(
                "SELECT id, question_id, card_before FROM review_logs WHERE session_id IS ? ORDER BY id DESC LIMIT 1",
                (session_id,),
            ).fetchone()
            if row is None:
                return None
            log_id, question_id, before = row
            conn.execute("DELETE FROM review_logs WHERE id = ?", (log_id,))
            if before is None:
                conn.execute("DELETE FROM cards WHERE question_id = ?", (question_id,))
            else:
                card = json.loads(before)
                conn.execute("UPDATE cards SET card = ?, due = ? WHERE question_id = ?", (before, _due(card), question_id))
        return Undone(question_id, json.loads(before) if before else None)

    def due(self, now: str | None = None) -> list[str]:
        """Question ids whose card is due at ``now`` (default: the clock), soonest first."""
        rows = self.history.conn.execute(
            """SELECT question_id FROM cards WHERE due <= ?
               AND question_id NOT IN (SELECT question_id FROM suspended) ORDER BY due, question_id""",
            (now or self.history.now(),),
        ).fetchall()
        return [r[0] for r in rows]

    def review_count(self) -> int:
        return int(self.history.conn.execute("SELECT count(*) FROM review_logs").fetchone()[0])

    # --- suspended questions ("report bad question") ---------------------------------------

    def suspend(self, question_id: str, reason: str) -> None:
        with self.history.write() as conn:
            conn.execute(
                "INSERT INTO suspended (question_id, reason, since) VALUES (?, ?, ?) "
                "ON CONFLICT (question_id) DO UPDATE SET reason = excluded.reason",
                (question_id, reason, self.history.now()),
            )

    def unsuspend(self, question_id: str) -> None:
        with self.history.write() as conn:
            conn.execute("DELETE FROM suspended WHERE question_id = ?", (question_id,))

    def suspended(self) -> dict[str, str]:
        return dict(self.history.conn.execute("SELECT question_id, reason FROM suspended ORDER BY since"))
