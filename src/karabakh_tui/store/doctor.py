"""``karabakh-tui doctor``: what is where, is the database sound, and does it fit the bank."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import StoreError
from .db import DB_FILE, connect
from .history import History
from .schema import CURRENT_VERSION


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    healthy: bool = True


def diagnose(data_dir: Path, cache_dir: Path, bank_hashes: Mapping[str, str] | None) -> Report:
    """Paths, schema version, integrity, and answers to questions the bank no longer has."""
    path = data_dir / DB_FILE
    report = Report([f"data dir:  {data_dir}", f"database:  {path}", f"cache dir: {cache_dir}"])
    if not path.exists():
        report.lines.append("history:   none yet (created on first use)")
        return report
    try:
        history = History(connect(path), path)
    except StoreError as exc:
        report.lines.append(f"problem:   {exc.problems[0]}")
        report.healthy = False
        return report
    with history:
        integrity = history.integrity()
        report.healthy = integrity == "ok"
        report.lines.append(f"schema:    version {history.schema_version()} (this karabakh-tui writes {CURRENT_VERSION})")
        report.lines.append(f"integrity: {integrity}")
        sessions = history.sessions()
        unfinished = sum(1 for s in sessions if s.finished is None)
        report.lines.append(f"history:   {len(sessions)} sessions ({unfinished} unfinished), {sum(s.total for s in sessions)} answers")
        if bank_hashes is not None:
            seen = history.answered_question_ids()
            gone = sorted(q for q in seen if q not in bank_hashes)
            edited = sorted(q for q, hashes in seen.items() if q in bank_hashes and hashes - {bank_hashes[q]})
            report.lines.append(f"bank:      {len(gone)} answered questions are no longer in the bank (their history is kept)"
                                + (f": {', '.join(gone[:5])}{' ...' if len(gone) > 5 else ''}" if gone else ""))
            report.lines.append(f"bank:      {len(edited)} answered questions were edited since they were answered")
    if not report.healthy:
        report.lines.append("run 'karabakh-tui doctor --repair' to set the damaged database aside and start fresh")
    return report


def repair(data_dir: Path) -> str:
    """Move a damaged database (and its WAL files) aside under a timestamped name; start fresh."""
    path = data_dir / DB_FILE
    if not path.exists():
        return f"{path}: no database yet; nothing to repair"
    try:
        with History(connect(path), path) as history:
            if history.integrity() == "ok":
                return f"{path}: the database is sound; nothing to repair"
    except (StoreError, sqlite3.DatabaseError):
        pass
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            source.rename(Path(f"{aside}{suffix}"))
    connect(path).close()
    return f"{path}: moved the damaged database to {aside} and started a fresh history"
