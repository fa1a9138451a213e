"""Broken bank, facts and article files: one clear line per problem, exit 2, no traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from karabakh_tui.bank.io import load_article, load_facts
from karabakh_tui.cli import main
from karabakh_tui.errors import BankError
from tests.conftest import BANK_DIR, replace_in


@pytest.fixture
def lone_bank(tmp_path: Path) -> Path:
    """bank.toml beside its article but without facts.toml: checked on its own merits."""
    for name in ("bank.toml", "article.toml"):
        shutil.copy(BANK_DIR / name, tmp_path / name)
    return tmp_path / "bank.toml"


def run_check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["bank", "check", str(path)])
    err = capsys.readouterr().err
    return code, [line for line in err.splitlines() if line]


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_broken_toml_names_file_and_line(lone_bank, capsys):
    replace_in(lone_bank, 'id = "meeting.host:tf"', 'id = "meeting.host:tf')
    code, lines = run_check(lone_bank, capsys)
    line = line_of(lone_bank, 'id = "meeting.host:tf')
    assert code == 2 and len(lines) == 1
    assert f"{lone_bank}:{line}: invalid TOML" in lines[0]


def test_unknown_type_names_question_and_line(lone_bank, capsys):
    replace_in(lone_bank, 'id = "meeting.host:cloze"\ntype = "cloze"', 'id = "meeting.host:cloze"\ntype = "essay"')
    code, lines = run_check(lone_bank, capsys)
    line = line_of(lone_bank, 'type = "essay"')
    assert code == 2 and len(lines) == 1
    assert f"{lone_bank}:{line}: question meeting.host:cloze: type:" in lines[0]
    assert "'essay'" in lines[0]


def test_missing_field_is_reported(lone_bank, capsys):
    replace_in(lone_bank, 'id = "meeting.host:cloze"\ntype = "cloze"\n', 'id = "meeting.host:cloze"\n')
    code, lines = run_check(lone_bank, capsys)
    header = line_of(lone_bank, 'id = "meeting.host:cloze"') - 1
    assert code == 2 and lines == [f"karabakh-tui: {lone_bank}:{header}: question meeting.host:cloze: type: missing field"]


def test_mistyped_field_is_reported(lone_bank, capsys):
    text = lone_bank.read_text()
    start = text.index('id = "meeting.host:mc"')
    at = text.index("difficulty = ", start)
    lone_bank.write_text(text[:at] + 'difficulty = "hard"' + text[text.index("\n", at):])
    code, lines = run_check(lone_bank, capsys)
    assert code == 2 and len(lines) == 1 and "question meeting.host:mc: difficulty:" in lines[0]


def test_duplicate_id_is_reported_once_with_its_line(lone_bank, capsys):
    replace_in(lone_bank, 'id = "meeting.host:tf"', 'id = "meeting.host:mc"')
    code, lines = run_check(lone_bank, capsys)
    second = [i for i, line in enumerate(lone_bank.read_text().splitlines(), 1) if line == 'id = "meeting.host:mc"'][1]
    assert code == 2 and lines == [f"karabakh-tui: {lone_bank}:{second}: question meeting.host:mc: duplicate id"]


def test_evidence_not_in_the_article_is_reported(lone_bank, capsys):
    replace_in(lone_bank, 'source = "Russian President Vladimir Putin hosted Armenian and Azerbaijani leaders on Monday"',
               'source = "Russian President Vladimir Putin hosted Armenian and Azerbaijani leaders on Tuesday"')
    code, lines = run_check(lone_bank, capsys)
    assert code == 2 and all("evidence not found in the article" in line for line in lines)
    assert {line.split("question ")[1].split(":")[0] for line in lines} == {"meeting.host"}


def test_answer_not_among_choices_is_reported(lone_bank, capsys):
    replace_in(lone_bank, 'answer = "Vladimir Putin"', 'answer = "Boris Yeltsin"')
    code, lines = run_check(lone_bank, capsys)
    assert code == 2 and len(lines) == 1 and "question meeting.host:mc" in lines[0] and "not among the choices" in lines[0]


def test_missing_file_and_directory_without_bank(tmp_path, capsys):
    code, lines = run_check(tmp_path / "nope.toml", capsys)
    assert code == 2 and lines == [f"karabakh-tui: {tmp_path / 'nope.toml'}: no such bank file"]


def test_hand_edited_bank_beside_its_facts_is_refused(bank_copy, capsys):
    replace_in(bank_copy / "bank.toml", "Who hosted the Armenian", "Who received the Armenian")
    code, lines = run_check(bank_copy / "bank.toml", capsys)
    assert code == 2 and "differs from a fresh build" in lines[-1]


def test_bad_facts_file_fails_the_build_cleanly(bank_copy, capsys):
    replace_in(bank_copy / "facts.toml", 'kind = "person"', 'kind = "animal"')
    code = main(["bank", "build", str(bank_copy)])
    err = capsys.readouterr().err
    assert code == 2 and "fact people.putin_role: kind:" in err and "facts.toml:" in err


def test_the_real_command_prints_no_traceback(lone_bank):
    replace_in(lone_bank, "[[questions]]", "[[questions]", 1)
    result = subprocess.run([sys.executable, "-m", "karabakh_tui", "bank", "check", str(lone_bank)], capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1 and "invalid TOML" in result.stderr


_MUTATIONS = st.sampled_from(["delete-line", "duplicate-line", "cut", "swap-quote", "garble"])


def _mutate(text: str, kind: str, where: float, char: str) -> str:
    lines = text.splitlines(keepends=True)
    i = int(where * (len(lines) - 1))
    if kind == "delete-line":
        del lines[i]
    elif kind == "duplicate-line":
        lines.insert(i, lines[i])
    elif kind == "cut":
        return text[: int(where * len(text))]
    elif kind == "swap-quote":
        lines[i] = lines[i].replace('"', "'", 1)
    else:
        position = int(where * len(text))
        return text[:position] + char + text[position + 1:]
    return "".join(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=_MUTATIONS, where=st.floats(0, 1), char=st.characters(codec="utf-8"))
def test_any_mutation_of_a_bank_gives_a_clean_result(lone_bank, capsys, kind, where, char):
    original = (BANK_DIR / "bank.toml").read_text()
    lone_bank.write_text(_mutate(original, kind, where, char), encoding="utf-8")
    code, lines = run_check(lone_bank, capsys)
    assert code in (0, 2)
    if code == 2:
        assert lines and all(line.startswith(f"karabakh-tui: {lone_bank}") for line in lines)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=_MUTATIONS, where=st.floats(0, 1), char=st.characters(codec="utf-8"))
def test_any_mutation_of_facts_or_article_gives_a_clean_error_or_loads(tmp_path, kind, where, char):
    for name in ("facts.toml", "article.toml"):
        target = tmp_path / name
        shutil.copy(BANK_DIR / "facts.toml", tmp_path / "facts.toml")
        shutil.copy(BANK_DIR / "article.toml", tmp_path / "article.toml")
        target.write_text(_mutate((BANK_DIR / name).read_text(), kind, where, char), encoding="utf-8")
        try:
            load_facts(tmp_path / "facts.toml", load_article(tmp_path / "article.toml"))
        except BankError as exc:
            assert exc.problems and all(p.startswith(str(tmp_path)) for p in exc.problems)
