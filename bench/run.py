"""Performance figures for karabakh-tui, each beside a baseline measured in the same run.

    python bench/run.py            full run, table on the terminal
    python bench/run.py --quick    a reduced run in under a minute (CI runs it; it asserts nothing)
    python bench/run.py --json     the figures as JSON

Timings come from a shared, noisy machine: read the ratios against the baselines measured in
the same run, not the milliseconds alone.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

from extraction import agreement, speed  # noqa: E402
from latency import bench_latency  # noqa: E402
from scale import bench_bank, bench_bank10k, bench_history  # noqa: E402
from startup import launch_until  # noqa: E402


def bench_startup(pairs: int) -> dict[str, float]:
    """Launch the app and the minimal Textual app in turn; compare time to first screen."""
    script = Path(sys.executable).with_name("karabakh-tui")
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "TERM": "xterm-256color", "KARABAKH_TUI_DATA_DIR": folder,
               "KARABAKH_TUI_CACHE_DIR": str(Path(folder) / "cache")}
        ours = [str(script)]
        floor = [sys.executable, str(HERE / "minimal_app.py")]
        launch_until(ours, b"Cards due:", env)  # warm the bank cache and the OS file cache
        launch_until(floor, b"minimal app ready", env)
        app_runs, floor_runs = [], []
        for _ in range(pairs):
            app_runs.append(launch_until(ours, b"Cards due:", env))
            floor_runs.append(launch_until(floor, b"minimal app ready", env))
    app_s = statistics.median(t for t, _ in app_runs)
    floor_s = statistics.median(t for t, _ in floor_runs)
    ratios = [a[0] / f[0] for a, f in zip(app_runs, floor_runs)]
    return {
        "startup_app_ms": app_s * 1000,
        "startup_floor_ms": floor_s * 1000,
        "startup_ratio": statistics.median(ratios),
        "startup_peak_mib": max(m for _, m in app_runs),
        "startup_floor_peak_mib": max(m for _, m in floor_runs),
    }


ROWS = [
    ("startup_app_ms", "start-up: karabakh-tui until home is drawn", "ms", ""),
    ("startup_floor_ms", "floor: minimal Textual app until drawn", "ms", ""),
    ("startup_ratio", "start-up ratio (median of pairs)", "x", "<= 1.3"),
    ("startup_peak_mib", "peak memory, karabakh-tui", "MiB", "<= 60"),
    ("startup_floor_peak_mib", "peak memory, minimal app", "MiB", ""),
    ("answer_latency_median_ms", "key press -> feedback drawn, median", "ms", ""),
    ("answer_latency_p95_ms", "key press -> feedback drawn, p95", "ms", "<= 50"),
    ("next_question_median_ms", "Enter -> next question drawn, median", "ms", ""),
    ("next_question_p95_ms", "Enter -> next question drawn, p95", "ms", ""),
    ("build_seconds", "build the shipped bank from its facts", "s", "< 1"),
    ("bank_cold_ms", "shipped bank: load + validate, cold (TOML)", "ms", "< 50"),
    ("bank_warm_ms", "shipped bank: load + validate, warm (cache)", "ms", "< 50"),
    ("bank10k_cold_ms", "big bank: cold open (TOML parse + validation)", "ms", ""),
    ("bank10k_warm_ms", "big bank: warm open (validated cache)", "ms", ""),
    ("bank10k_floor_ms", "floor: json.loads + pydantic, same data", "ms", ""),
    ("bank10k_warm_ratio", "big bank: warm / floor", "x", "<= 2"),
    ("history100k_stats_ms", "big history: stats summary", "ms", "<= 100"),
    ("history100k_missed_ms", "big history: missed list", "ms", "<= 100"),
    ("history100k_scan_floor_ms", "floor: one full scan of the answers", "ms", ""),
    ("record_answer_ms", "record one answer (WAL, synchronous=NORMAL)", "ms", ""),
    ("record_answer_full_sync_ms", "record one answer (WAL, synchronous=FULL)", "ms", ""),
    ("extract_precision", "extractor vs curated facts: precision", "", ">= 0.90"),
    ("extract_recall", "extractor vs curated facts: recall", "", ">= 0.60"),
    ("samples_precision", "extractor on 5 sample articles: precision", "", ""),
    ("samples_recall", "extractor on 5 sample articles: recall", "", ""),
    ("extract_10k_words_seconds", "bank new on a long article (words in header)", "s", "< 5 for 10k"),
    ("extract_segment_floor_seconds", "floor: reading + sentence splitting it", "s", ""),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, under a minute")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    repeat = 5 if args.quick else 25
    bank_size, answers, sessions = (2_000, 20_000, 200) if args.quick else (10_000, 100_000, 1_000)
    figures: dict[str, float | str] = {"mode": "quick" if args.quick else "full", "big_bank_questions": bank_size,
                                       "big_history_answers": answers, "big_history_sessions": sessions}
    figures.update(bench_startup(pairs=3 if args.quick else 9))
    figures.update(bench_latency(answers=20 if args.quick else 60))
    figures.update(bench_bank(repeat))
    figures.update(bench_bank10k(3 if args.quick else 9, size=bank_size))
    figures.update(bench_history(repeat, answers=answers, sessions=sessions))
    figures.update(agreement())
    figures.update(speed(words=3_000 if args.quick else 10_000))
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"karabakh-tui benchmarks ({figures['mode']}): {os.cpu_count()} cores; big bank {bank_size:,} questions; "
          f"big history {answers:,} answers in {sessions:,} sessions; long article {int(figures['extract_words']):,} words")
    for key, label, unit, target in ROWS:
        if key in figures:
            print(f"  {label:<48} {float(figures[key]):>9.2f} {unit:<4} {'target ' + target if target else ''}")
    kinds = sorted(k.removeprefix("extract_").removesuffix("_precision") for k in figures
                   if k.startswith("extract_") and k.endswith("_precision") and k != "extract_precision")
    print("  extractor vs curated facts, by kind:        precision  recall")
    for kind in kinds:
        print(f"    {kind:<42} {float(figures[f'extract_{kind}_precision']):>9.2f} {float(figures[f'extract_{kind}_recall']):>7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
