"""Where the built-in bank lives: inside the installed package, or in a source checkout."""

from __future__ import annotations

from pathlib import Path

from ..errors import BankError
from .kinds import BANK_FILE

BUILTIN = "karabakh"
_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def banks_root() -> Path:
    """The folder holding the shipped banks.

    A wheel carries them as ``karabakh_tui/question_banks``; an editable install or a
    checkout has them at the top of the project, two levels above the package.
    """
    for candidate in (_PACKAGE_DIR / "question_banks", _PACKAGE_DIR.parent.parent / "question_banks"):
        if (candidate / BUILTIN / BANK_FILE).is_file():
            return candidate
    raise BankError(f"the built-in question bank is missing (looked in {_PACKAGE_DIR / 'question_banks'}); reinstall karabakh-tui")


def builtin_bank_dir() -> Path:
    return banks_root() / BUILTIN


def resolve_bank_file(path: Path | None) -> Path:
    """A bank file from a file or directory path; None means the built-in bank."""
    if path is None:
        return builtin_bank_dir() / BANK_FILE
    return path / BANK_FILE if path.is_dir() else path
