"""karabakh-tui: learn the facts of a news article in the terminal."""

__version__ = "0.1.0"
