"""Where karabakh-tui keeps its files.

History goes in the user data dir (``--data-dir`` or ``KARABAKH_TUI_DATA_DIR`` override it);
parsed banks are cached in the user cache dir (``KARABAKH_TUI_CACHE_DIR`` overrides it).
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "karabakh-tui"


def data_dir(explicit: Path | None = None) -> Path:
    if explicit is not None:
        return explicit
    if env := os.environ.get("KARABAKH_TUI_DATA_DIR"):
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP, appauthor=False))


def cache_dir() -> Path:
    if env := os.environ.get("KARABAKH_TUI_CACHE_DIR"):
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP, appauthor=False))
