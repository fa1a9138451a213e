"""The database schema as an ordered list of migrations; ``PRAGMA user_version`` is the index.

Never edit a migration that has shipped: add a new one. Each runs in its own transaction.
"""

from __future__ import annotations

#: 'KTUI' - marks a SQLite file as ours, so a foreign database is never migrated.
APPLICATION_ID = 0x4B545549

#: Recomputes the tables derived from the answers: the latest graded result and totals per
#: question, each session's counts, and the days studied. Migration 3 and
#: ``History.rebuild_derived`` run it.
DERIVED_REBUILD = """
DELETE FROM graded;
INSERT INTO graded (question_id, last_correct, last_at, misses, last_missed, attempts, corrects)
SELECT a.question_id,
       (SELECT a2.correct FROM answers a2 JOIN sessions s2 ON s2.id = a2.session_id
         WHERE a2.question_id = a.question_id AND s2.mode IN ('quiz', 'review')
         ORDER BY a2.answered_at DESC, a2.id DESC LIMIT 1),
       max(a.answered_at),
       sum(NOT a.correct),
       max(CASE WHEN NOT a.correct THEN a.answered_at END),
       count(*),
       sum(a.correct)
  FROM answers a JOIN sessions s ON s.id = a.session_id
 WHERE s.mode IN ('quiz', 'review')
 GROUP BY a.question_id;
UPDATE sessions SET
  total = (SELECT count(*) FROM answers WHERE session_id = sessions.id),
  correct = (SELECT coalesce(sum(correct), 0) FROM answers WHERE session_id = sessions.id);
DELETE FROM study_days;
INSERT OR IGNORE INTO study_days (day)
SELECT date(answered_at, 'localtime') FROM answers
UNION SELECT date(reviewed_at, 'localtime') FROM review_logs;
"""

MIGRATIONS: list[str] = [
    # 1: sessions and one row per answer.
    """
    CREATE TABLE sessions (
        id        INTEGER PRIMARY KEY,
        mode      TEXT NOT NULL CHECK (mode IN ('quiz', 'review', 'study', 'cram')),
        bank_id   TEXT NOT NULL,
        settings  TEXT NOT NULL DEFAULT '{}',
        started   TEXT NOT NULL,
        finished  TEXT,
        score     REAL
    );
    CREATE TABLE answers (
        id             INTEGER PRIMARY KEY,
        session_id     INTEGER NOT NULL REFERENCES sessions (id),
        question_id    TEXT NOT NULL,
        question_hash  TEXT NOT NULL,
        given          TEXT NOT NULL,
        correct        INTEGER NOT NULL CHECK (correct IN (0, 1)),
        seconds        REAL NOT NULL,
        timed_out      INTEGER NOT NULL DEFAULT 0 CHECK (timed_out IN (0, 1)),
        answered_at    TEXT NOT NULL
    );
    CREATE INDEX answers_by_session ON answers (session_id);
    """,
    # 2: spaced-repetition cards (fsrs Card.to_dict() as JSON), their review logs, and
    #    questions a user suspended as bad.
    """
    CREATE TABLE cards (
        question_id  TEXT PRIMARY KEY,
        card         TEXT NOT NULL,
        card_schema  INTEGER NOT NULL,
        due          TEXT NOT NULL,
        updated      TEXT NOT NULL
    );
    CREATE INDEX cards_by_due ON cards (due);
    CREATE TABLE review_logs (
        id           INTEGER PRIMARY KEY,
        question_id  TEXT NOT NULL,
        session_id   INTEGER REFERENCES sessions (id),
        log          TEXT NOT NULL,
        card_before  TEXT,
        card_schema  INTEGER NOT NULL,
        reviewed_at  TEXT NOT NULL
    );
    CREATE INDEX review_logs_by_session ON review_logs (session_id);
    CREATE TABLE suspended (
        question_id  TEXT PRIMARY KEY,
        reason       TEXT NOT NULL,
        since        TEXT NOT NULL
    );
    """,
    # 3: tables derived from the answers and kept in step with them inside each answer's
    #    transaction, so the screens read one row per question, session or day instead of
    #    scanning every answer: the latest graded result and totals per question, each
    #    session's counts, and the local days on which anything was studied.
    """
    CREATE TABLE graded (
        question_id   TEXT PRIMARY KEY,
        last_correct  INTEGER NOT NULL,
        last_at       TEXT NOT NULL,
        misses        INTEGER NOT NULL,
        last_missed   TEXT,
        attempts      INTEGER NOT NULL,
        corrects      INTEGER NOT NULL
    );
    ALTER TABLE sessions ADD COLUMN total INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sessions ADD COLUMN correct INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE study_days (day TEXT PRIMARY KEY);
    CREATE INDEX answers_by_question ON answers (question_id);
    """
    + DERIVED_REBUILD,
]

CURRENT_VERSION = len(MIGRATIONS)
