"""Shared fixtures: every test gets its own data and cache dirs, never the user's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BANK_DIR = ROOT / "question_banks" / "karabakh"
SEED = ROOT.parent / "shared" / "seed" / "article.txt"


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KARABAKH_TUI_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("KARABAKH_TUI_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def bank_copy(tmp_path: Path) -> Path:
    """A private copy of the built-in bank directory that a test may change."""
    target = tmp_path / "karabakh"
    shutil.copytree(BANK_DIR, target)
    return target


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
