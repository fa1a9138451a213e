"""Performance figures for karabakh-tui, each beside a baseline measured in the same run.

    python bench/run.py            full run, table on the terminal
    python bench/run.py --quick    fewer repetitions (CI runs this so a broken benchmark shows)
    python bench/run.py --json     machine-readable figures

Timings are medians of repeated runs on a shared, noisy machine; read the ratios, not the
milliseconds. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
BANK_DIR = ROOT / "question_banks" / "karabakh"


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def fresh_build_seconds() -> float:
    """One build of the shipped bank in a new interpreter (no warm caches), timed inside it."""
    code = (
        "import time, pathlib; from karabakh_tui.bank.build import build; t = time.perf_counter(); "
        f"build(pathlib.Path({str(BANK_DIR)!r})); print(time.perf_counter() - t)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    return float(result.stdout)


def bench_bank(repeat: int) -> dict[str, float]:
    """Building the shipped bank, and loading + validating it cold (TOML) and warm (cache)."""
    from karabakh_tui.bank.io import BANK_FILE, load_article, load_bank
    from karabakh_tui.bank.models import Bank
    import tomllib

    bank_file = BANK_DIR / BANK_FILE
    article = load_article(BANK_DIR / "article.toml")
    build_s = statistics.median(fresh_build_seconds() for _ in range(max(3, repeat // 3)))
    data = tomllib.loads(bank_file.read_text(encoding="utf-8"))
    as_json = json.dumps(data)
    floor = median_seconds(lambda: Bank.model_validate(json.loads(as_json)), repeat)

    def cold() -> None:
        with tempfile.TemporaryDirectory() as empty:
            os.environ["KARABAKH_TUI_CACHE_DIR"] = empty
            load_bank(bank_file, article)

    cold_s = median_seconds(cold, repeat)
    with tempfile.TemporaryDirectory() as cache:
        os.environ["KARABAKH_TUI_CACHE_DIR"] = cache
        load_bank(bank_file, article)
        warm_s = median_seconds(lambda: load_bank(bank_file, article), repeat)
    return {
        "build_seconds": build_s,
        "bank_cold_ms": cold_s * 1000,
        "bank_warm_ms": warm_s * 1000,
        "bank_floor_ms": floor * 1000,
        "bank_warm_ratio": warm_s / floor,
    }


def fill_history(history, answers: int, sessions: int, question_ids: list[str]) -> None:
    """Bulk-load a realistic history: sessions spread over 200 days, ~70% answers right."""
    import random
    from datetime import datetime, timedelta, timezone

    from karabakh_tui.store.history import stamp

    rng = random.Random(7)
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    per_session = answers // sessions
    modes = ["quiz"] * 6 + ["review"] * 2 + ["study", "cram"]
    with history.write() as conn:
        for s in range(1, sessions + 1):
            begun = start + timedelta(minutes=s * 288)
            conn.execute(
                "INSERT INTO sessions (id, mode, bank_id, settings, started, finished) VALUES (?, ?, 'karabakh', '{}', ?, ?)",
                (s, modes[s % len(modes)], stamp(begun), stamp(begun + timedelta(minutes=10))),
            )
            conn.executemany(
                "INSERT INTO answers (session_id, question_id, question_hash, given, correct, seconds, timed_out, answered_at)"
                " VALUES (?, ?, 'h', 'x', ?, ?, ?, ?)",
                [
                    (s, rng.choice(question_ids), int(rng.random() < 0.7), rng.uniform(2, 20), int(rng.random() < 0.03),
                     stamp(begun + timedelta(seconds=5 * i)))
                    for i in range(per_session)
                ],
            )
    history.rebuild_derived()


def bench_history(repeat: int, answers: int = 100_000, sessions: int = 1000) -> dict[str, float]:
    """The store at scale: recording one answer, the stats summary, the missed list."""
    from karabakh_tui.bank.io import load_bank
    from karabakh_tui.store import open_history
    from karabakh_tui.store.report import summary

    bank = load_bank(BANK_DIR / "bank.toml")
    info = {q.id: (q.type, q.topics) for q in bank.questions}
    with tempfile.TemporaryDirectory() as folder, open_history(Path(folder)) as history:
        fill_history(history, answers, sessions, sorted(info))
        floor = median_seconds(lambda: history.conn.execute("SELECT count(*), sum(correct) FROM answers").fetchone(), repeat)
        stats_s = median_seconds(lambda: summary(history, info), repeat)
        missed_s = median_seconds(history.missed, repeat)
        session = history.start_session("quiz", "karabakh")
        record = lambda: history.record_answer(session, "meeting.host:mc", "h", "x", True, 3.0)  # noqa: E731
        record_normal = median_seconds(record, repeat * 4)
        history.conn.execute("PRAGMA synchronous = FULL")
        record_full = median_seconds(record, repeat * 4)
    return {
        "history100k_stats_ms": stats_s * 1000,
        "history100k_missed_ms": missed_s * 1000,
        "history100k_scan_floor_ms": floor * 1000,
        "history100k_stats_ratio": stats_s / floor,
        "record_answer_ms": record_normal * 1000,
        "record_answer_full_sync_ms": record_full * 1000,
    }


ROWS = [
    ("build_seconds", "build the shipped bank from its facts", "s", "< 1 s"),
    ("bank_cold_ms", "load + validate shipped bank, cold (TOML)", "ms", "< 50 ms"),
    ("bank_warm_ms", "load + validate shipped bank, warm (cache)", "ms", "< 50 ms"),
    ("bank_floor_ms", "floor: json.loads + pydantic on same data", "ms", ""),
    ("bank_warm_ratio", "warm load / floor", "x", "<= 2x"),
    ("history100k_stats_ms", "stats summary, 100k answers / 1k sessions", "ms", "<= 100 ms"),
    ("history100k_missed_ms", "missed list, 100k answers", "ms", "<= 100 ms"),
    ("history100k_scan_floor_ms", "floor: one full scan of the answers", "ms", ""),
    ("history100k_stats_ratio", "stats summary / full scan", "x", ""),
    ("record_answer_ms", "record one answer (WAL, synchronous=NORMAL)", "ms", ""),
    ("record_answer_full_sync_ms", "record one answer (WAL, synchronous=FULL)", "ms", ""),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, for CI")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    repeat = 5 if args.quick else 25
    figures = bench_bank(repeat)
    figures.update(bench_history(repeat))
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"karabakh-tui benchmarks ({'quick' if args.quick else 'full'}; {os.cpu_count()} cores; medians of {repeat})")
    for key, label, unit, target in ROWS:
        print(f"  {label:<46} {figures[key]:>9.3f} {unit:<3} {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
