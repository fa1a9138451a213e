"""Read TOML files and turn validation errors into one line per problem, with line numbers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import BankError

try:  # tomli's compiled wheels parse the same TOML about three times faster than tomllib
    import tomli as toml_reader
except ImportError:  # pragma: no cover - tomli is a declared dependency
    import tomllib as toml_reader

_AT_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def read_toml(path: Path) -> tuple[dict[str, Any], str]:
    """Parse ``path``; a missing, unreadable or malformed file raises ``BankError``."""
    try:
        raw = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise BankError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BankError(f"{path}: is a directory, not a TOML file") from None
    except UnicodeDecodeError as exc:
        raise BankError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise BankError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        return toml_reader.loads(raw), raw
    except toml_reader.TOMLDecodeError as exc:
        message = str(exc)
        found = _AT_LINE.search(message)
        where = f"{path}:{found.group(1)}" if found else str(path)
        return_msg = _AT_LINE.sub("", message).strip()
        raise BankError(f"{where}: invalid TOML: {return_msg}") from None


class LineMap:
    """Finds the line of the i-th ``[[table]]`` of an array, and of a key inside it."""

    def __init__(self, raw: str, array: str) -> None:
        self.lines = raw.splitlines()
        header = re.compile(rf"^\s*\[\[\s*{re.escape(array)}\s*\]\]")
        tables = [i for i, line in enumerate(self.lines) if line.lstrip().startswith("[")]
        self.starts = [i for i in tables if header.match(self.lines[i])]
        following = dict(zip(tables, tables[1:] + [len(self.lines)]))
        self.ends = [following[start] for start in self.starts]

    def item_line(self, index: int) -> int | None:
        """1-based line of the item's header, or None when the file does not show it."""
        return self.starts[index] + 1 if 0 <= index < len(self.starts) else None

    def key_line(self, index: int, key: str) -> int | None:
        """1-based line of ``key = ...`` inside the item, falling back to the item's header."""
        if not 0 <= index < len(self.starts):
            return None
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for j in range(self.starts[index], self.ends[index]):
            if pattern.match(self.lines[j]):
                return j + 1
        return self.item_line(index)


def where(path: Path, line: int | None) -> str:
    return f"{path}:{line}" if line else str(path)


def validation_problems(
    exc: ValidationError | list[Any], path: Path, lines: LineMap | None, array: str, items: list[Any] | None, noun: str
) -> list[str]:
    """One line per pydantic error: file:line: <noun> <id>: field: message."""
    problems = []
    errors = exc.errors() if isinstance(exc, ValidationError) else exc
    for error in errors:
        loc = list(error["loc"])
        line = None
        label = ""
        if len(loc) >= 2 and loc[0] == array and isinstance(loc[1], int):
            index = loc[1]
            item = items[index] if items and index < len(items) else None
            item_id = item.get("id") if isinstance(item, dict) else None
            label = f"{noun} {item_id}: " if isinstance(item_id, str) else f"{noun} #{index + 1}: "
            field = next((str(x) for x in loc[2:] if isinstance(x, str)), None)
            if lines is not None:
                line = lines.key_line(index, field) if field else lines.item_line(index)
            loc = loc[2:]
        field_text = ".".join(str(x) for x in loc if not str(x).startswith("function-after"))
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown field"
        elif error["type"] == "missing":
            message = "missing field"
        elif error["type"] == "literal_error":
            message = f"{message} (got {error.get('input')!r})"
        problems.append(f"{where(path, line)}: {label}{field_text + ': ' if field_text else ''}{message}")
    return problems
