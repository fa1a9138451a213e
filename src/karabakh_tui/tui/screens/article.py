"""The article to read, with the evidence in question highlighted and scrolled into view."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ..widgets.evidence import HIGHLIGHT

PART_STYLES = {"caption_heading": "dim italic", "gallery_title": "bold", "section_heading": "bold underline",
               "metadata": "dim strike", "byline": "italic", "credits": "dim"}


class ArticleScreen(Screen[None]):
    DEFAULT_CSS = """
    ArticleScreen #article { padding: 0 2; }
    ArticleScreen .paragraph { margin-bottom: 1; }
    """
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="back")]

    def __init__(self, spans: list[list[int]]) -> None:
        super().__init__()
        self.spans = spans

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="article"):
            article = self.app.ctx.article  # type: ignore[attr-defined]
            body = article.body
            start = 0
            for number, paragraph in enumerate(body.split("\n\n")):
                end = start + len(paragraph)
                if paragraph.strip():
                    yield Static(self.render_paragraph(start, end), id=f"p{number}", classes="paragraph")
                start = end + 2
        yield Footer()

    def render_paragraph(self, start: int, end: int) -> Text:
        article = self.app.ctx.article  # type: ignore[attr-defined]
        text = Text(article.body[start:end].strip("\n"))
        offset = start + (len(article.body[start:end]) - len(article.body[start:end].lstrip("\n")))
        for part in article.parts_of(start, end):
            style = PART_STYLES.get(part.kind)
            if style:
                text.stylize(style, max(0, part.start - offset), part.end - offset)
        for s, e in self.spans:
            if s < end and start < e:
                text.stylize(HIGHLIGHT, max(0, s - offset), e - offset)
        return text

    def on_mount(self) -> None:
        article = self.app.ctx.article  # type: ignore[attr-defined]
        self.sub_title = article.article.title
        if self.spans:
            first = min(s for s, _ in self.spans)
            index = article.body[:first].count("\n\n")
            target = self.query(f"#p{index}")
            if target:
                self.call_after_refresh(self.query_one("#article").scroll_to_widget, target.first(), top=True, animate=False)
