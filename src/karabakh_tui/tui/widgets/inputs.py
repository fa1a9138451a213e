"""Text boxes whose cursor blink can be switched off (tests and snapshots need a still cursor)."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input


def text_input(blink: bool = True, **kwargs: Any) -> Input:
    box = Input(**kwargs)
    box.cursor_blink = blink
    return box
