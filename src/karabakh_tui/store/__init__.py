"""The history store: SQLite in the user data dir, one transaction per answer.

Plain Python on the standard library's sqlite3; nothing here imports Textual.
"""

from .db import DB_FILE, open_history
from .history import History

__all__ = ["DB_FILE", "History", "open_history"]
