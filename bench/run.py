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


ROWS = [
    ("build_seconds", "build the shipped bank from its facts", "s", "< 1 s"),
    ("bank_cold_ms", "load + validate shipped bank, cold (TOML)", "ms", "< 50 ms"),
    ("bank_warm_ms", "load + validate shipped bank, warm (cache)", "ms", "< 50 ms"),
    ("bank_floor_ms", "floor: json.loads + pydantic on same data", "ms", ""),
    ("bank_warm_ratio", "warm load / floor", "x", "<= 2x"),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, for CI")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    repeat = 5 if args.quick else 25
    figures = bench_bank(repeat)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"karabakh-tui benchmarks ({'quick' if args.quick else 'full'}; {os.cpu_count()} cores; medians of {repeat})")
    for key, label, unit, target in ROWS:
        print(f"  {label:<46} {figures[key]:>9.3f} {unit:<3} {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
