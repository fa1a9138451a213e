"""Every mode in the command palette."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

MODES = [
    ("Quiz", "Set up and start a timed quiz", "quiz_setup"),
    ("Review missed", "Drill the questions you missed until each is right", "review"),
    ("Study cards", "Spaced-repetition cards that are due", "study"),
    ("Cram", "Practise any cards without touching the schedule", "cram"),
    ("Resume quiz", "Continue the last unfinished quiz", "resume"),
    ("Stats", "Scores, accuracy, streak and days studied", "stats"),
    ("Article", "Read the article", "article"),
    ("Browse bank", "Search questions, suspend bad ones", "browse"),
    ("Home", "Back to the home screen", "home"),
]


class ModeCommands(Provider):
    async def discover(self) -> Hits:
        for name, help_text, action in MODES:
            yield DiscoveryHit(name, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in MODES:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._run, action), help=help_text)

    async def _run(self, action: str) -> None:
        app = self.app
        if action == "home":
            app.go_home()  # type: ignore[attr-defined]
        else:
            await app.run_action(action)
