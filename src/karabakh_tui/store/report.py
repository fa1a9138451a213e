"""History as data for people and scripts: the stats summary and the history export."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from .history import History, best_of

QuestionInfo = Mapping[str, tuple[str, Sequence[str]]]


def summary(history: History, info: QuestionInfo) -> dict[str, Any]:
    """What the home and stats screens show: sessions with scores, best, accuracy, days, streak."""
    sessions = history.sessions()
    best = best_of(sessions)
    accuracy = history.accuracy(info)
    days = history.days_studied()
    return {
        "sessions": [
            {
                "id": s.id, "mode": s.mode, "bank": s.bank_id, "started": s.started, "finished": s.finished,
                "total": s.total, "correct": s.correct, "score": s.score, "settings": s.settings,
            }
            for s in sessions
        ],
        "missed": [m.question_id for m in history.missed()],
        "due": len(history.cards.due()),
        "personal_best": None if best is None else {"session": best.id, "correct": best.correct, "total": best.total},
        "accuracy": {group: {k: {"correct": c, "total": t} for k, (c, t) in values.items()} for group, values in accuracy.items()},
        "days_studied": [d.isoformat() for d in days],
        "streak": history.streak(days_studied=days),
    }


def stats(history: History, info: QuestionInfo) -> dict[str, Any]:
    """The ``stats --format json`` object: the summary, each session listing its answers."""
    data = summary(history, info)
    answers_by_session: dict[int, list[dict[str, Any]]] = {}
    for a in history.answers():
        answers_by_session.setdefault(a.session_id, []).append(
            {"question_id": a.question_id, "correct": a.correct, "seconds": a.seconds, "timed_out": a.timed_out, "given": a.given}
        )
    for session in data["sessions"]:
        session["answers"] = answers_by_session.get(session["id"], [])
    return data


def stats_text(data: dict[str, Any]) -> str:
    """A short report for people."""
    lines = []
    quizzes = [s for s in data["sessions"] if s["mode"] == "quiz"]
    lines.append(f"{len(data['sessions'])} sessions ({len(quizzes)} quizzes), {sum(s['total'] for s in data['sessions'])} answers")
    for s in data["sessions"][-10:]:
        state = "finished" if s["finished"] else "unfinished"
        lines.append(f"  #{s['id']:<4} {s['mode']:<6} {s['started'][:16].replace('T', ' ')}  {s['correct']}/{s['total']}  {state}")
    best = data["personal_best"]
    lines.append(f"personal best: {best['correct']}/{best['total']} (session #{best['session']})" if best else "personal best: none yet")
    for group, title in (("by_type", "accuracy by type"), ("by_topic", "accuracy by topic")):
        parts = [f"{k} {v['correct']}/{v['total']}" for k, v in data["accuracy"][group].items()]
        lines.append(f"{title}: " + (", ".join(parts) if parts else "no answers yet"))
    lines.append(f"days studied: {len(data['days_studied'])}, current streak: {data['streak']}")
    lines.append(f"missed: {len(data['missed'])}, cards due: {data['due']}")
    return "\n".join(lines) + "\n"


EXPORT_FIELDS = ["session_id", "mode", "bank", "question_id", "question_hash", "given", "correct", "seconds", "timed_out", "answered_at"]


def export_rows(history: History) -> list[dict[str, Any]]:
    modes = {s.id: (s.mode, s.bank_id) for s in history.sessions()}
    return [
        {
            "session_id": a.session_id, "mode": modes[a.session_id][0], "bank": modes[a.session_id][1],
            "question_id": a.question_id, "question_hash": a.question_hash, "given": a.given, "correct": a.correct,
            "seconds": a.seconds, "timed_out": a.timed_out, "answered_at": a.answered_at,
        }
        for a in history.answers()
    ]


def export_text(history: History, fmt: str) -> str:
    """Every answer ever given, one row each, as CSV or as JSON."""
    rows = export_rows(history)
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
