"""Bank and history at scale, each beside a floor measured in the same run."""

from __future__ import annotations

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
    from karabakh_tui.bank.io import load_article, load_bank
    from karabakh_tui.bank.kinds import BANK_FILE
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




def synthetic_bank(target: Path, size: int) -> Path:
    """A bank of ``size`` questions made by repeating the shipped ones under new ids."""
    import shutil

    import tomli_w

    from karabakh_tui.bank.io import load_bank

    shutil.copy(BANK_DIR / "article.toml", target / "article.toml")
    bank = load_bank(BANK_DIR / "bank.toml")
    questions = []
    for n in range(size):
        q = bank.questions[n % len(bank.questions)]
        fact, form = q.id.split(":")
        questions.append(q.model_copy(update={"id": f"{fact}.copy{n}:{form}"}).model_dump(mode="json", exclude_none=True))
    data = {"bank": bank.bank.model_dump(mode="json") | {"questions": size}, "questions": questions}
    path = target / "bank.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    (target / "bank.json").write_text(json.dumps(data), encoding="utf-8")
    return path


def bench_bank10k(repeat: int, size: int = 10_000) -> dict[str, float]:
    """Cold (TOML) and warm (cache) open of a 10,000-question bank against json.loads + pydantic."""
    from karabakh_tui.bank.io import load_article, load_bank
    from karabakh_tui.bank.models import Bank

    with tempfile.TemporaryDirectory() as folder:
        path = synthetic_bank(Path(folder), size)
        article = load_article(Path(folder) / "article.toml")
        raw_json = (Path(folder) / "bank.json").read_text(encoding="utf-8")
        floor = median_seconds(lambda: Bank.model_validate(json.loads(raw_json)), repeat)

        def cold() -> None:
            with tempfile.TemporaryDirectory() as empty:
                os.environ["KARABAKH_TUI_CACHE_DIR"] = empty
                load_bank(path, article)

        cold_s = median_seconds(cold, max(3, repeat // 3))
        with tempfile.TemporaryDirectory() as cache:
            os.environ["KARABAKH_TUI_CACHE_DIR"] = cache
            load_bank(path, article)
            warm_s = median_seconds(lambda: load_bank(path, article), repeat)
    return {
        "bank10k_cold_ms": cold_s * 1000,
        "bank10k_warm_ms": warm_s * 1000,
        "bank10k_floor_ms": floor * 1000,
        "bank10k_cold_ratio": cold_s / floor,
        "bank10k_warm_ratio": warm_s / floor,
    }
