"""The command line as a person uses it: help and version everywhere, list and export."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from karabakh_tui import __version__
from karabakh_tui.cli import main

COMMANDS = [
    [], ["bank"], ["bank", "build"], ["bank", "check"], ["bank", "list"], ["bank", "export"],
    ["quiz"], ["review"], ["study"], ["stats"], ["export"], ["export", "history"], ["doctor"],
]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_every_command_has_help_and_version(command, flag, capsys):
    with pytest.raises(SystemExit) as done:
        main([*command, flag])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert (f"karabakh-tui {__version__}" in out) if flag == "--version" else ("usage: karabakh-tui" in out)


def test_installed_script_reports_its_version():
    script = Path(sys.executable).with_name("karabakh-tui")
    assert script.exists(), "the console script should be installed beside the interpreter"
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == f"karabakh-tui {__version__}"


def test_check_summarises_the_built_in_bank(capsys):
    assert main(["bank", "check"]) == 0
    out = capsys.readouterr().out
    assert "ok:" in out and "by type:" in out and "multiple_choice" in out and "by topic:" in out


def test_list_filters_by_type_and_topic(capsys):
    assert main(["bank", "list", "--type", "ordering"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows and all(row.split("\t")[1] == "ordering" for row in rows)
    assert main(["bank", "list", "--topic", "casualties", "--type", "numeric"]) == 0
    assert "figure.nk_soldier_deaths:numeric" in capsys.readouterr().out


def test_export_json_keeps_the_public_fields(tmp_path, capsys):
    out = tmp_path / "bank.json"
    assert main(["bank", "export", "--format", "json", "-o", str(out)]) == 0
    questions = json.loads(out.read_text())
    assert len(questions) >= 150
    for q in questions:
        assert {"id", "type", "prompt", "choices", "answer", "source", "topics"} <= q.keys()
        assert isinstance(q["topics"], list) and q["source"]
    by_type = {q["type"]: q for q in questions}
    assert by_type["true_false"]["choices"] == ["True", "False"]
    assert by_type["cloze"]["choices"] == [] and by_type["numeric"]["choices"] == []
    assert all(len(pair) == 2 for pair in by_type["matching"]["answer"])
    assert sorted(by_type["ordering"]["answer"]) == sorted(by_type["ordering"]["choices"])


def test_export_to_an_unwritable_place_is_a_clean_error(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert main(["bank", "export", "-o", str(blocker / "out.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"karabakh-tui: {blocker / 'out.json'}: cannot write") and err.count("\n") == 1


def test_bank_option_points_at_another_bank(bank_copy, capsys):
    assert main(["--bank", str(bank_copy), "bank", "check"]) == 0
    assert str(bank_copy) in capsys.readouterr().out


def test_module_entry_point_runs():
    result = subprocess.run([sys.executable, "-m", "karabakh_tui", "bank", "list", "--type", "matching"], capture_output=True, text=True)
    assert result.returncode == 0 and "match.people:" in result.stdout


@pytest.mark.parametrize(("argv", "complaint"), [
    (["quiz", "--questions", "0"], "must be 1 or more"),
    (["quiz", "--per-question", "-5"], "must be more than 0"),
    (["quiz", "--type", "essay"], "invalid choice: 'essay'"),
])
def test_bad_quiz_options_are_refused_before_the_app_starts(argv, complaint, capsys):
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 2 and complaint in capsys.readouterr().err
