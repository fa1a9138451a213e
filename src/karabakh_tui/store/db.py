"""Opening the history database: pragmas, schema migrations with a backup, clear failures.

Durability: WAL journal with ``synchronous=NORMAL``. Every answer is its own committed
transaction, so a process killed at any moment (even SIGKILL) loses nothing it had recorded;
only a power cut or OS crash could lose the last few commits. ``busy_timeout`` lets two app
instances share one database: a writer waits its turn instead of failing with "locked".
"""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime, timezone
from pathlib import Path

from ..errors import StoreError
from .schema import APPLICATION_ID, CURRENT_VERSION, MIGRATIONS

DB_FILE = "history.db"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 15.0


REPAIR_HINT = "nothing was changed; move it away, or run 'karabakh-tui doctor --repair' to set it aside and start a fresh history"


def check_file(path: Path) -> None:
    """Refuse a file that is not a SQLite database, without touching it."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise StoreError(f"{path}: is a directory, not a history database") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the history database ({exc.strerror})") from None
    if header and header != SQLITE_MAGIC:
        raise StoreError(f"{path}: not a history database (not SQLite); {REPAIR_HINT}")


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"{path.parent}: cannot create the data directory ({exc.strerror}); "
            "choose a writable one with --data-dir or KARABAKH_TUI_DATA_DIR"
        ) from None
    check_file(path)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the history database ({exc}); choose a writable data dir with --data-dir") from None
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            _prepare(conn, path)
            return conn
        except StoreError:
            conn.close()
            raise
        except sqlite3.OperationalError as exc:
            # Two instances opening a new database at once can meet on the journal-mode
            # switch or the first migration, where SQLite answers "locked" at once instead
            # of waiting: try again until the usual busy timeout has passed.
            if "locked" in str(exc) and time.monotonic() < deadline:
                time.sleep(0.05)
                continue
            conn.close()
            if "locked" in str(exc):
                raise StoreError(f"{path}: the history database stayed locked by another program for {BUSY_TIMEOUT_S:.0f} s; try again") from None
            raise StoreError(f"{path}: the history database is damaged ({exc}); {REPAIR_HINT}") from None
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"{path}: the history database is damaged ({exc}); {REPAIR_HINT}") from None


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    # One read transaction, so another instance's first migration is seen whole or not at all.
    conn.execute("BEGIN")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    finally:
        conn.execute("COMMIT")
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and has_tables and version == 0):
        raise StoreError(f"{path}: a SQLite database of some other program, not karabakh-tui history; {REPAIR_HINT}")
    if version > CURRENT_VERSION:
        raise StoreError(f"{path}: written by a newer karabakh-tui (schema {version}, this one knows {CURRENT_VERSION}); upgrade karabakh-tui")
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        if version < CURRENT_VERSION:
            migrate(conn, path, version)
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc) or "unable to open" in str(exc):
            raise StoreError(f"{path}: cannot write the history database ({exc}); choose a writable data dir with --data-dir") from None
        raise


def migrate(conn: sqlite3.Connection, path: Path, version: int) -> Path | None:
    """Apply the migrations after ``version`` in order; back the file up first if it has data."""
    backup = None
    if version > 0:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        backup = path.with_name(f"{path.name}.v{version}-backup-{stamp}")
        target = sqlite3.connect(backup)
        try:
            conn.backup(target)
        finally:
            target.close()
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another instance may have migrated while we waited for the write lock.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version + 1, CURRENT_VERSION + 1):
            for statement in statements(MIGRATIONS[number - 1]):
                conn.execute(statement)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {CURRENT_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return backup


def statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit our transaction)."""
    parts, current = [], []
    for line in script.splitlines():
        current.append(line)
        if sqlite3.complete_statement("\n".join(current)):
            parts.append("\n".join(current).strip())
            current = []
    return [p for p in parts if p]


def open_history(data_dir: Path, clock=None):  # noqa: ANN001 - avoids a circular import
    """The ``History`` for ``data_dir`` (created on first use)."""
    from .history import History

    path = data_dir / DB_FILE
    return History(connect(path), path, clock=clock)
