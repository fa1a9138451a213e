"""``stats`` and ``export history`` print what was recorded."""

from __future__ import annotations

import csv
import io
import json

from karabakh_tui.cli import main
from karabakh_tui.store import open_history


def fill(data_dir):
    with open_history(data_dir) as history:
        first = history.start_session("quiz", "karabakh", {"questions": 2})
        history.record_answer(first, "meeting.host:mc", "h1", "Vladimir Putin", True, 3.25)
        history.record_answer(first, "figure.nk_soldier_deaths:numeric", "h2", "", False, 30.0, timed_out=True)
        history.finish_session(first)
        second = history.start_session("review", "karabakh")
        history.record_answer(second, "figure.nk_soldier_deaths:numeric", "h2", "1,200", True, 5.0)
    return first, second


def test_stats_json_has_sessions_answers_missed_and_due(tmp_path, capsys):
    first, second = fill(tmp_path)
    assert main(["--data-dir", str(tmp_path), "stats", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in data["sessions"]] == [first, second]
    s1 = data["sessions"][0]
    assert (s1["mode"], s1["total"], s1["correct"]) == ("quiz", 2, 1) and s1["finished"] and s1["started"]
    assert s1["answers"][1] == {"question_id": "figure.nk_soldier_deaths:numeric", "correct": False, "seconds": 30.0, "timed_out": True, "given": ""}
    assert data["sessions"][1]["finished"] is None
    assert data["missed"] == [] and data["due"] == 0
    assert data["accuracy"]["by_type"]["numeric"] == {"correct": 1, "total": 2}


def test_stats_text_is_for_people(tmp_path, capsys):
    fill(tmp_path)
    assert main(["--data-dir", str(tmp_path), "stats"]) == 0
    out = capsys.readouterr().out
    assert "2 sessions (1 quizzes), 3 answers" in out and "personal best: 1/2" in out and "unfinished" in out


def test_export_history_as_csv_and_json(tmp_path, capsys):
    fill(tmp_path)
    target = tmp_path / "history.csv"
    assert main(["--data-dir", str(tmp_path), "export", "history", "--format", "csv", "-o", str(target)]) == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    assert [(r["mode"], r["question_id"], r["correct"], r["timed_out"]) for r in rows] == [
        ("quiz", "meeting.host:mc", "True", "False"),
        ("quiz", "figure.nk_soldier_deaths:numeric", "False", "True"),
        ("review", "figure.nk_soldier_deaths:numeric", "True", "False"),
    ]
    assert main(["--data-dir", str(tmp_path), "export", "history", "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert len(exported) == 3 and exported[0]["given"] == "Vladimir Putin" and exported[0]["seconds"] == 3.25
