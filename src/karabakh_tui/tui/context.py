"""Everything the screens share: the bank, its article, the history and the clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..bank.models import Article, Bank, Question
from ..store.history import History
from ..study.clock import Clock


@dataclass
class AppContext:
    bank: Bank
    article: Article | None
    history: History
    clock: Clock
    bank_file: Path
    testing: bool = False
    questions_by_id: dict[str, Question] = field(init=False)

    def __post_init__(self) -> None:
        self.questions_by_id = self.bank.by_id()

    @property
    def bank_id(self) -> str:
        return self.bank.bank.id

    def question_info(self) -> dict[str, tuple[str, list[str]]]:
        return {q.id: (q.type, q.topics) for q in self.bank.questions}


def load_context(bank_file: Path, data_dir: Path, clock: Clock, testing: bool = False) -> AppContext:
    """Load the bank and open the history; errors surface as ``UserError`` before any screen."""
    from ..bank.io import open_bank
    from ..store import open_history

    bank, article = open_bank(bank_file)
    history = open_history(data_dir, clock=clock.now)
    return AppContext(bank, article, history, clock, bank_file, testing)
