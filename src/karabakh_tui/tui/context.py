"""Everything the screens share: the bank, its article, the history and the clock.

The bank is parsed and validated with pydantic, which is slow to import. When this exact
bank file has been validated before, its title and counts come from the cache and the full
bank loads in a thread after the home screen is drawn; otherwise it loads before the app
starts, so a bad bank is reported on the command line, not inside the TUI.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..bank.cache import BankSummary, cached_summary
from ..store.history import History
from ..study.clock import Clock

if TYPE_CHECKING:
    from ..bank.models import Article, Bank, Question


@dataclass
class AppContext:
    bank_file: Path
    history: History
    clock: Clock
    summary: BankSummary
    testing: bool = False
    _loaded: tuple[Bank, Article | None] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _by_id: dict[str, Question] | None = None

    def load(self) -> tuple[Bank, Article | None]:
        """The bank and its article, loading them now if the background load has not yet."""
        with self._lock:
            if self._loaded is None:
                from ..bank.io import open_bank

                self._loaded = open_bank(self.bank_file)
            return self._loaded

    @property
    def bank(self) -> Bank:
        return self.load()[0]

    @property
    def article(self) -> Article | None:
        return self.load()[1]

    @property
    def questions_by_id(self) -> dict[str, Question]:
        if self._by_id is None:
            self._by_id = self.bank.by_id()
        return self._by_id

    @property
    def bank_id(self) -> str:
        return self.summary.id

    def question_info(self) -> dict[str, tuple[str, list[str]]]:
        return {q.id: (q.type, q.topics) for q in self.bank.questions}


def load_context(bank_file: Path, data_dir: Path, clock: Clock, testing: bool = False) -> AppContext:
    """Open the history and find the bank; errors surface as ``UserError`` before any screen."""
    from ..store import open_history

    summary = cached_summary(bank_file)
    loaded = None
    if summary is None:
        from ..bank.io import open_bank

        loaded = open_bank(bank_file)
        info = loaded[0].bank
        summary = BankSummary(info.id, info.title, info.article_date, info.facts, len(loaded[0].questions))
    history = open_history(data_dir, clock=clock.now)
    return AppContext(bank_file, history, clock, summary, testing, _loaded=loaded)
