"""Start-up: home is drawn from the validated-bank cache; the bank itself loads afterwards."""

from __future__ import annotations

from karabakh_tui.bank.io import load_bank
from karabakh_tui.cli import main
from karabakh_tui.study.clock import ManualClock
from karabakh_tui.tui.app import create_app
from tests.conftest import replace_in
from tests.tui.helpers import BANK_FILE


async def test_home_comes_from_the_cache_and_the_bank_loads_after_the_first_frame(tmp_path):
    load_bank(BANK_FILE)  # a bank that validated once is cached
    app = create_app(BANK_FILE, tmp_path, clock=ManualClock(), testing=True)
    assert app.ctx._loaded is None and app.ctx.summary.questions >= 150
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        assert app.ctx._loaded is not None
        assert len(app.ctx.bank.questions) == app.ctx.summary.questions


async def test_a_bank_that_fails_after_a_cached_start_ends_the_app_with_a_clean_error(bank_copy, tmp_path):
    load_bank(bank_copy / "bank.toml")
    replace_in(bank_copy / "article.toml", "Putin thanked both", "Putin thanked all")
    app = create_app(bank_copy / "bank.toml", tmp_path / "data", clock=ManualClock(), testing=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 2


def test_a_broken_bank_is_reported_before_the_app_starts(bank_copy, capsys):
    replace_in(bank_copy / "bank.toml", 'type = "cloze"', 'type = "essay"')
    assert main(["--bank", str(bank_copy), "--data-dir", str(bank_copy / "data")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "type:" in err[0] and "'essay'" in err[0] and "bank.toml:" in err[0]
