"""The wheel carries the built-in bank, and the core never imports Textual."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT

CORE = ("bank", "study", "store")


def test_wheel_finds_and_validates_its_own_bank_from_anywhere(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(ROOT)],
        check=True, capture_output=True,
    )
    (wheel,) = wheels.glob("karabakh_tui-*.whl")
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    assert (site / "karabakh_tui" / "question_banks" / "karabakh" / "bank.toml").is_file()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONSAFEPATH": "1"}
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from karabakh_tui.cli import main; sys.exit(main(['bank', 'check']))"],
        cwd=elsewhere, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert f"{site / 'karabakh_tui' / 'question_banks' / 'karabakh' / 'bank.toml'}: ok" in result.stdout


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_packages_do_not_import_textual():
    package = ROOT / "src" / "karabakh_tui"
    checked = 0
    for core in CORE:
        for path in (package / core).rglob("*.py"):
            checked += 1
            assert not {"textual", "rich"} & _imports(path), path
    assert checked >= 5


def test_importing_the_core_loads_no_textual_module():
    code = "import sys, karabakh_tui.bank.build, karabakh_tui.bank.io; print(any(m.startswith('textual') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_the_fast_list_of_question_types_matches_the_model():
    from typing import get_args

    from karabakh_tui.bank.kinds import QUESTION_TYPES
    from karabakh_tui.bank.models import QuestionType

    assert get_args(QuestionType) == QUESTION_TYPES
