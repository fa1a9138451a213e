"""Errors that reach the user as clear one-line messages (never tracebacks)."""

from __future__ import annotations


class UserError(Exception):
    """A problem with the user's input or environment.

    ``problems`` holds one line per problem, each saying what is wrong and where
    (file, line, question or fact id). The CLI prints them and exits with status 2.
    """

    def __init__(self, problems: str | list[str]) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


class BankError(UserError):
    """A bank, facts or article file that cannot be used as it is."""


class StoreError(UserError):
    """The history database cannot be opened or written."""
