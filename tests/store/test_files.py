"""Migrations with a backup, and every way the database file can be wrong."""

from __future__ import annotations

import sqlite3

import pytest

from karabakh_tui.cli import main
from karabakh_tui.errors import StoreError
from karabakh_tui.store import DB_FILE, open_history
from karabakh_tui.store.schema import APPLICATION_ID, CURRENT_VERSION, MIGRATIONS


def make_v1(path):
    """A database as the first schema version left it, with two sessions of answers."""
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0])
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO sessions VALUES (1, 'quiz', 'karabakh', '{}', '2026-01-01T10:00:00.000+00:00', '2026-01-01T10:05:00.000+00:00', 0.5)")
    conn.execute("INSERT INTO sessions VALUES (2, 'review', 'karabakh', '{}', '2026-01-02T10:00:00.000+00:00', NULL, NULL)")
    rows = [
        (1, "a:mc", 1, "2026-01-01T10:01:00.000+00:00"),
        (1, "b:mc", 0, "2026-01-01T10:02:00.000+00:00"),
        (1, "c:mc", 0, "2026-01-01T10:03:00.000+00:00"),
        (2, "b:mc", 1, "2026-01-02T10:01:00.000+00:00"),
    ]
    for session, qid, correct, at in rows:
        conn.execute(
            "INSERT INTO answers (session_id, question_id, question_hash, given, correct, seconds, timed_out, answered_at)"
            " VALUES (?, ?, 'h', 'x', ?, 2.0, 0, ?)", (session, qid, correct, at),
        )
    conn.commit()
    conn.close()


def test_a_version_1_database_is_backed_up_then_migrated_with_its_history(tmp_path):
    make_v1(tmp_path / DB_FILE)
    with open_history(tmp_path) as history:
        assert history.schema_version() == CURRENT_VERSION
        assert [(s.id, s.total, s.correct) for s in history.sessions()] == [(1, 3, 1), (2, 1, 1)]
        assert [m.question_id for m in history.missed()] == ["c:mc"]
        assert history.cards.get("a:mc") is None
    (backup,) = tmp_path.glob(f"{DB_FILE}.v1-backup-*")
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 4
    conn.close()


def test_a_fresh_database_needs_no_backup(tmp_path):
    open_history(tmp_path).close()
    assert not list(tmp_path.glob("*backup*"))


def _error(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.err.splitlines()


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path, capsys):
    db = tmp_path / DB_FILE
    db.write_bytes(b"these are my notes, not a database\n" * 50)
    before = db.read_bytes()
    code, lines = _error(capsys, "--data-dir", str(tmp_path), "stats")
    assert code == 2 and len(lines) == 1
    assert str(db) in lines[0] and "not a history database" in lines[0] and "doctor --repair" in lines[0]
    assert db.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == [DB_FILE]


def test_a_damaged_sqlite_file_is_refused_and_left_alone(tmp_path, capsys):
    with open_history(tmp_path) as history:
        session = history.start_session("quiz", "karabakh")
        history.record_answer(session, "a", "h", "x", True, 1)
    db = tmp_path / DB_FILE
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    db.write_bytes(bytes(data))
    code, lines = _error(capsys, "--data-dir", str(tmp_path), "stats")
    assert code == 2 and len(lines) == 1 and str(db) in lines[0] and "damaged" in lines[0]
    assert db.read_bytes() == bytes(data)


def test_another_programs_sqlite_database_is_refused(tmp_path, capsys):
    conn = sqlite3.connect(tmp_path / DB_FILE)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    code, lines = _error(capsys, "--data-dir", str(tmp_path), "stats")
    assert code == 2 and "some other program" in lines[0]


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    open_history(tmp_path).close()
    conn = sqlite3.connect(tmp_path / DB_FILE)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer karabakh-tui"):
        open_history(tmp_path)


def test_an_unusable_data_dir_is_a_clear_error(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    code, lines = _error(capsys, "--data-dir", str(blocker / "data"), "stats")
    assert code == 2 and lines == [
        f"karabakh-tui: {blocker / 'data'}: cannot create the data directory (Not a directory); "
        "choose a writable one with --data-dir or KARABAKH_TUI_DATA_DIR"
    ]


def test_doctor_reports_paths_version_and_integrity(tmp_path, capsys):
    with open_history(tmp_path) as history:
        session = history.start_session("quiz", "karabakh")
        history.record_answer(session, "meeting.host:mc", "stale-hash", "x", True, 1)
        history.record_answer(session, "removed.fact:mc", "h", "x", False, 1)
    assert main(["--data-dir", str(tmp_path), "doctor"]) == 0
    out = capsys.readouterr().out
    assert f"database:  {tmp_path / DB_FILE}" in out and f"version {CURRENT_VERSION}" in out and "integrity: ok" in out
    assert "1 answered questions are no longer in the bank (their history is kept): removed.fact:mc" in out
    assert "1 answered questions were edited" in out


def test_doctor_repair_sets_a_damaged_file_aside_only_when_asked(tmp_path, capsys):
    db = tmp_path / DB_FILE
    db.write_bytes(b"garbage" * 100)
    assert main(["--data-dir", str(tmp_path), "doctor"]) == 2
    assert "not a history database" in capsys.readouterr().out and db.read_bytes() == b"garbage" * 100
    assert main(["--data-dir", str(tmp_path), "doctor", "--repair"]) == 0
    assert "moved the damaged database" in capsys.readouterr().out
    (aside,) = tmp_path.glob(f"{DB_FILE}.corrupt-*")
    assert aside.read_bytes() == b"garbage" * 100
    with open_history(tmp_path) as history:
        assert history.sessions() == [] and history.integrity() == "ok"
    assert main(["--data-dir", str(tmp_path), "doctor", "--repair"]) == 0
    assert "nothing to repair" in capsys.readouterr().out


def test_data_dir_comes_from_option_then_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KARABAKH_TUI_DATA_DIR", str(tmp_path / "env"))
    assert main(["doctor"]) == 0
    assert f"data dir:  {tmp_path / 'env'}" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path / "opt"), "doctor"]) == 0
    assert f"data dir:  {tmp_path / 'opt'}" in capsys.readouterr().out
