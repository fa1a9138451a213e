"""Sessions and answers: recording them durably, and the queries the screens need."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal

from ..errors import StoreError
from .cards import CardStore
from .schema import DERIVED_REBUILD

Clock = Callable[[], datetime]
MODES = ("quiz", "review", "study", "cram")
GRADED_MODES = ("quiz", "review")


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def stamp(moment: datetime) -> str:
    """Timestamps are stored as ISO 8601 UTC with milliseconds, so they sort as text."""
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


@dataclass(frozen=True, slots=True)
class SessionRecord:
    id: int
    mode: str
    bank_id: str
    settings: dict[str, Any]
    started: str
    finished: str | None
    total: int
    correct: int

    @property
    def score(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    id: int
    session_id: int
    question_id: str
    question_hash: str
    given: str
    correct: bool
    seconds: float
    timed_out: bool
    answered_at: str


@dataclass(frozen=True, slots=True)
class MissedEntry:
    question_id: str
    last_missed: str
    misses: int


def best_of(sessions: Sequence[SessionRecord], mode: str = "quiz") -> SessionRecord | None:
    finished = [s for s in sessions if s.mode == mode and s.finished and s.total]
    return max(finished, key=lambda s: (s.correct / s.total, -s.id), default=None)


class History:
    """A person's history in one SQLite database. Writes are one short transaction each."""

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Clock | None = None) -> None:
        self.conn = conn
        self.path = path
        self.clock = clock or utc_now
        self.cards = CardStore(self)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> str:
        return stamp(self.clock())

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: waits for other writers instead of failing."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: cannot write the history ({exc})") from None
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self.conn.execute("ROLLBACK")
            raise StoreError(f"{self.path}: cannot write the history ({exc})") from None

    # --- recording -------------------------------------------------------------------------

    def start_session(self, mode: str, bank_id: str, settings: Mapping[str, Any] | None = None) -> int:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        with self.write() as conn:
            cursor = conn.execute(
                "INSERT INTO sessions (mode, bank_id, settings, started) VALUES (?, ?, ?, ?)",
                (mode, bank_id, json.dumps(dict(settings or {}), sort_keys=True), self.now()),
            )
        return int(cursor.lastrowid or 0)

    def record_answer(
        self, session_id: int, question_id: str, question_hash: str, given: str,
        correct: bool, seconds: float, timed_out: bool = False,
    ) -> int:
        """Store one answer, committed before this returns. A timed-out answer counts as wrong."""
        right = bool(correct) and not timed_out
        at = self.now()
        with self.write() as conn:
            mode_row = conn.execute("SELECT mode FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if mode_row is None:
                raise ValueError(f"no session {session_id}")
            cursor = conn.execute(
                "INSERT INTO answers (session_id, question_id, question_hash, given, correct, seconds, timed_out, answered_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, question_id, question_hash, given, int(right), float(seconds), int(timed_out), at),
            )
            conn.execute("UPDATE sessions SET total = total + 1, correct = correct + ? WHERE id = ?", (int(right), session_id))
            self.mark_day(conn)
            if mode_row[0] in GRADED_MODES:
                conn.execute(
                    """INSERT INTO graded (question_id, last_correct, last_at, misses, last_missed, attempts, corrects)
                       VALUES (?1, ?2, ?3, ?4, CASE WHEN ?2 THEN NULL ELSE ?3 END, 1, ?2)
                       ON CONFLICT (question_id) DO UPDATE SET
                         last_correct = CASE WHEN excluded.last_at >= last_at THEN excluded.last_correct ELSE last_correct END,
                         last_at = max(last_at, excluded.last_at),
                         misses = misses + excluded.misses,
                         last_missed = coalesce(max(last_missed, excluded.last_missed), last_missed, excluded.last_missed),
                         attempts = attempts + 1,
                         corrects = corrects + excluded.corrects""",
                    (question_id, int(right), at, int(not right)),
                )
        return int(cursor.lastrowid or 0)

    def undo_last_answer(self, session_id: int) -> str | None:
        """Remove the latest answer of a study or cram session (their grades can be undone).

        Quiz and review answers are never taken back: they decide the missed list.
        """
        with self.write() as conn:
            mode = conn.execute("SELECT mode FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if mode is None or mode[0] in GRADED_MODES:
                raise ValueError(f"session {session_id} is not a study or cram session")
            row = conn.execute(
                "SELECT id, question_id, correct FROM answers WHERE session_id = ? ORDER BY id DESC LIMIT 1", (session_id,)
            ).fetchone()
            if row is None:
                return None
            conn.execute("DELETE FROM answers WHERE id = ?", (row[0],))
            conn.execute("UPDATE sessions SET total = total - 1, correct = correct - ? WHERE id = ?", (row[2], session_id))
        return str(row[1])

    def mark_day(self, conn: sqlite3.Connection) -> None:
        """Note today (in local time) as a day studied; call inside a write transaction."""
        conn.execute("INSERT OR IGNORE INTO study_days (day) VALUES (?)", (self.clock().astimezone().date().isoformat(),))

    def finish_session(self, session_id: int) -> float | None:
        """Mark a session finished and store its score (correct / answered)."""
        with self.write() as conn:
            total, correct = conn.execute("SELECT total, correct FROM sessions WHERE id = ?", (session_id,)).fetchone()
            score = correct / total if total else None
            conn.execute("UPDATE sessions SET finished = ?, score = ? WHERE id = ?", (self.now(), score, session_id))
        return score

    # --- reading ---------------------------------------------------------------------------

    def sessions(self, mode: str | None = None) -> list[SessionRecord]:
        """Every session, oldest first, with its answer count and correct count."""
        rows = self.conn.execute(
            """SELECT id, mode, bank_id, settings, started, finished, total, correct FROM sessions
                WHERE ?1 IS NULL OR mode = ?1 ORDER BY started, id""",
            (mode,),
        ).fetchall()
        return [SessionRecord(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5], r[6], r[7]) for r in rows]

    def session(self, session_id: int) -> SessionRecord | None:
        return next((s for s in self.sessions() if s.id == session_id), None)

    def answers(self, session_id: int | None = None) -> list[AnswerRecord]:
        rows = self.conn.execute(
            """SELECT id, session_id, question_id, question_hash, given, correct, seconds, timed_out, answered_at
                 FROM answers WHERE ?1 IS NULL OR session_id = ?1 ORDER BY session_id, id""",
            (session_id,),
        ).fetchall()
        return [AnswerRecord(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], bool(r[7]), r[8]) for r in rows]

    def unfinished(self, mode: str | None = None) -> list[SessionRecord]:
        return [s for s in self.sessions(mode) if s.finished is None]

    def personal_best(self, mode: str = "quiz") -> SessionRecord | None:
        """The finished session of ``mode`` with the highest score (the earliest on a tie)."""
        return best_of(self.sessions(mode))

    def missed(self, order: Literal["recent", "often"] = "recent", include_suspended: bool = False) -> list[MissedEntry]:
        """The missed list.

        Rule: a question is *missed* when its most recent graded answer - one given in a quiz
        or a review session - was wrong or timed out. Answering it right in a review (or a
        later quiz) takes it off. Study and cram sessions grade cards, not answers, and do
        not touch the list. Suspended questions are left out unless asked for.

        ``order="recent"``: most recently missed first; ``"often"``: most misses first.
        """
        by = "last_missed DESC, misses DESC" if order == "recent" else "misses DESC, last_missed DESC"
        rows = self.conn.execute(
            f"""SELECT g.question_id, g.last_missed, g.misses FROM graded g
                 WHERE g.last_correct = 0
                   AND (?1 OR g.question_id NOT IN (SELECT question_id FROM suspended))
                 ORDER BY {by}, g.question_id""",
            (int(include_suspended),),
        ).fetchall()
        return [MissedEntry(*r) for r in rows]

    def accuracy(self, info: Mapping[str, tuple[str, Sequence[str]]]) -> dict[str, dict[str, tuple[int, int]]]:
        """Correct and total graded answers by question type and by topic.

        ``info`` maps question id -> (type, topics), taken from the bank; answers to
        questions no longer in the bank are kept in the history but not counted here.
        """
        by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        by_topic: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        rows = self.conn.execute("SELECT question_id, corrects, attempts FROM graded").fetchall()
        for qid, correct, total in rows:
            if qid not in info:
                continue
            kind, topics = info[qid]
            for bucket in [by_type[kind], *(by_topic[t] for t in topics)]:
                bucket[0] += correct
                bucket[1] += total
        return {
            "by_type": {k: (v[0], v[1]) for k, v in sorted(by_type.items())},
            "by_topic": {k: (v[0], v[1]) for k, v in sorted(by_topic.items())},
        }

    def days_studied(self) -> list[date]:
        """Local calendar days on which anything was answered or reviewed, oldest first."""
        rows = self.conn.execute("SELECT day FROM study_days ORDER BY day").fetchall()
        return [date.fromisoformat(r[0]) for r in rows if r[0]]

    def streak(self, today: date | None = None, days_studied: Sequence[date] | None = None) -> int:
        """Consecutive days studied, ending today (or yesterday, if today has no study yet)."""
        days = set(self.days_studied() if days_studied is None else days_studied)
        day = today or self.clock().astimezone().date()
        if day not in days:
            day -= timedelta(days=1)
        count = 0
        while day in days:
            count += 1
            day -= timedelta(days=1)
        return count

    def answered_question_ids(self) -> dict[str, set[str]]:
        """Each answered question id with the content hashes it was answered under."""
        seen: dict[str, set[str]] = defaultdict(set)
        for qid, qhash in self.conn.execute("SELECT DISTINCT question_id, question_hash FROM answers"):
            seen[qid].add(qhash)
        return dict(seen)

    def rebuild_derived(self) -> None:
        """Recompute the tables derived from the answers (after a bulk import or a repair)."""
        from .db import statements

        with self.write() as conn:
            for statement in statements(DERIVED_REBUILD):
                conn.execute(statement)

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def integrity(self) -> str:
        return ", ".join(r[0] for r in self.conn.execute("PRAGMA integrity_check").fetchall())
