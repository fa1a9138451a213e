"""Names shared by the bank and the command line, kept free of pydantic so they load fast."""

from __future__ import annotations

QUESTION_TYPES: tuple[str, ...] = ("multiple_choice", "true_false", "cloze", "numeric", "matching", "ordering")

ARTICLE_FILE = "article.toml"
FACTS_FILE = "facts.toml"
BANK_FILE = "bank.toml"
