"""``karabakh-tui bank new``: any article into a bank that the app can study; bad input is refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from karabakh_tui.bank.build import build
from karabakh_tui.cli import main
from karabakh_tui.study.clock import ManualClock
from karabakh_tui.tui.app import create_app
from tests.conftest import SEED

ARTICLES = Path(__file__).parent / "articles"


def test_a_new_bank_is_written_checked_and_reported(tmp_path, capsys):
    code = main(["bank", "new", str(ARTICLES / "factory.txt"), "--title", "Brenner plant cuts", "--date", "2026-09-04", "--out", str(tmp_path)])
    out = capsys.readouterr().out
    folder = tmp_path / "brenner-plant-cuts"
    assert code == 0 and f"wrote {folder}" in out and "facts by kind:" in out and "questions by type:" in out
    assert "gate rejections:" in out and "left out as unsure:" in out
    assert {p.name for p in folder.iterdir()} == {"article.toml", "facts.toml", "bank.toml"}
    assert "extracted = true" in (folder / "facts.toml").read_text()
    assert main(["bank", "check", str(folder)]) == 0
    built = build(folder)
    assert built.bank.questions and all(q.fact_ids[0].startswith("extracted.") for q in built.bank.questions)


def test_the_metadata_date_is_used_and_said_when_no_date_is_given(tmp_path, capsys):
    assert main(["bank", "new", str(ARTICLES / "factory.txt"), "--out", str(tmp_path)]) == 0
    assert "date 2026-09-02 taken from the metadata line" in capsys.readouterr().out


async def test_the_app_studies_a_new_bank(tmp_path):
    assert main(["bank", "new", str(SEED), "--title", "Moscow talks", "--date", "2021-01-11", "--out", str(tmp_path)]) == 0
    app = create_app(tmp_path / "moscow-talks" / "bank.toml", tmp_path / "data", clock=ManualClock(), testing=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q", "ctrl+s")
        await pilot.pause()
        assert app.screen.session.current.fact_ids[0].startswith("extracted.")


def _refused(tmp_path, capsys, content: bytes | str, *extra: str) -> str:
    path = tmp_path / "input.txt"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    code = main(["bank", "new", str(path), "--date", "2026-01-01", "--out", str(tmp_path / "out"), *extra])
    err = capsys.readouterr().err.splitlines()
    assert code == 2 and len(err) == 1 and not (tmp_path / "out").exists()
    return err[0]


def test_an_empty_file_is_refused(tmp_path, capsys):
    assert "the file is empty" in _refused(tmp_path, capsys, "  \n\n ")


def test_a_binary_file_is_refused(tmp_path, capsys):
    assert "binary data, not text" in _refused(tmp_path, capsys, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_html_is_refused(tmp_path, capsys):
    html = "<!DOCTYPE html><html><body><p>Leaders met on Monday in Moscow.</p></body></html>"
    assert "looks like HTML" in _refused(tmp_path, capsys, html)


def test_a_five_megabyte_file_is_refused(tmp_path, capsys):
    assert "too long for one article" in _refused(tmp_path, capsys, "The minister said prices rose. " * 170_000)


def test_text_without_sentences_is_refused(tmp_path, capsys):
    assert "no sentences found" in _refused(tmp_path, capsys, "apples\npears\nplums\n")


def test_a_bad_date_is_refused(tmp_path, capsys):
    assert "--date: 'yesterday' is not a date" in _refused(tmp_path, capsys, (ARTICLES / "harbour.txt").read_text(), "--date", "yesterday")


def test_an_existing_bank_is_not_overwritten_without_force(tmp_path, capsys):
    args = ["bank", "new", str(ARTICLES / "harbour.txt"), "--title", "Harbour", "--date", "2026-03-10", "--out", str(tmp_path)]
    assert main(args) == 0
    before = (tmp_path / "harbour" / "facts.toml").read_bytes()
    capsys.readouterr()
    assert main(args) == 2 and "already exists" in capsys.readouterr().err
    assert (tmp_path / "harbour" / "facts.toml").read_bytes() == before
    assert main([*args, "--force"]) == 0


def test_a_long_article_shows_progress_and_no_traceback(tmp_path):
    text = "\n\n".join((ARTICLES / name).read_text() for name in ("election.txt", "vaccine.txt", "factory.txt")) * 40
    path = tmp_path / "long.txt"
    path.write_text(text)
    result = subprocess.run([sys.executable, "-m", "karabakh_tui", "bank", "new", str(path), "--title", "Long",
                             "--date", "2026-09-04", "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "extracting facts from" in result.stderr and "Traceback" not in result.stderr
