"""Split a plain-text article into tagged parts and sentences, with character offsets.

Headings, repeated caption headings, gallery titles, bylines, credits and metadata lines are
tagged so that nothing is extracted from them; report paragraphs are split into sentences.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_METADATA = re.compile(r"\s*((?:date|published|updated|posted)\s*:?\s*\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
_BYLINE = re.compile(r"(?:^|\s)((?:Author|By|Written by|Photos?|Reporting by):?\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})\s*$")
_CREDITS = re.compile(r"^[\w.-]+(?:/[\w.-]+)+\s*\(([A-Z][\w.]*)(?:,\s*[A-Z][\w.]*)*\)\s*$|^\((?:[A-Z][\w.]*)(?:,\s*[A-Z][\w.]*)*\)$")
_CAPTION = re.compile(r"^(?:Photo|Caption|Pictured|Image|Picture)\s*:", re.IGNORECASE)
_SENTENCE_END = re.compile(r"""(?<=[.!?])["”’')\]]*\s+(?=["“‘(]?[A-Z0-9])""")
_ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Col.", "Lt.", "Sgt.", "St.", "Jan.", "Feb.", "Aug.", "Sept.",
                  "Oct.", "Nov.", "Dec.", "U.S.", "U.N.", "U.K.", "E.U.", "No.", "Prof.", "Sen.", "Rep.", "Gov.", "vs.")
WORD = re.compile(r"[A-Za-z][\w'-]*")


@dataclass(frozen=True)
class Span:
    kind: str
    start: int
    end: int
    label: str | None = None


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    part: str


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def repeated_heading(paragraphs: list[str]) -> str | None:
    """A run of four or more words that opens three or more paragraphs (a gallery's caption heading)."""
    openings: Counter[str] = Counter()
    for paragraph in paragraphs:
        words = paragraph.split()
        for size in range(4, min(len(words), 14) + 1):
            openings[" ".join(words[:size])] += 1
    repeated = [(len(k), k) for k, n in openings.items() if n >= 3]
    return max(repeated)[1] if repeated else None


def title_after_heading(text: str) -> int:
    """Length of a short title (one to seven words) that follows a caption heading, or 0.

    The title runs until the first capitalised word after its first word: "Destroyed
    livelihood Ragiba Guliyeva stands ..." has the title "Destroyed livelihood".
    """
    words = list(WORD.finditer(text))
    for index, word in enumerate(words[1:8], start=1):
        if word.group()[0].isupper():
            return words[index - 1].end() + (1 if text[words[index - 1].end():words[index - 1].end() + 1] in "?!:" else 0)
    return 0


def _is_heading(paragraph: str) -> bool:
    words = paragraph.split()
    if paragraph.rstrip().endswith("?") and len(words) <= 14:
        return True
    return len(words) <= 10 and not re.search(r"[.!:;,\"”]\s*$", paragraph) and paragraph[:1].isupper()


def tag_parts(text: str) -> list[Span]:
    """Every paragraph as parts: metadata, caption headings and titles, headings, byline, credits, report."""
    matches = list(_PARAGRAPH.finditer(text))
    heading = repeated_heading([m.group().strip() for m in matches])
    parts: list[Span] = []
    for number, match in enumerate(matches):
        start, end = _strip(text, match.start(), match.end())
        if start >= end:
            continue
        if meta := _METADATA.match(text, start, end):
            parts.append(Span("metadata", meta.start(1), meta.end(1)))
            start, end = _strip(text, meta.end(1), end)
        is_last = number == len(matches) - 1
        paragraph = text[start:end]
        if is_last and _CREDITS.match(paragraph):
            parts.append(Span("credits", start, end))
            continue
        if _CAPTION.match(paragraph):
            parts.append(Span("caption", start, end))
            continue
        kind = "report"
        standalone = _BYLINE.match(paragraph)
        if standalone and standalone.start(1) == 0:
            parts.append(Span("byline", start, end))
            continue
        if heading and paragraph.startswith(heading):
            parts.append(Span("caption_heading", start, start + len(heading)))
            start, end = _strip(text, start + len(heading), end)
            title = title_after_heading(text[start:end])
            if title:
                parts.append(Span("gallery_title", start, start + title))
                start, end = _strip(text, start + title, end)
            kind = "gallery_caption"
        elif _is_heading(paragraph):
            parts.append(Span("section_heading", start, end))
            continue
        if byline := _BYLINE.search(text, start, end):
            if byline.start(1) > start:
                before_start, before_end = _strip(text, start, byline.start(1))
                parts.append(Span(kind, before_start, before_end))
            parts.append(Span("byline", byline.start(1), byline.end(1)))
            continue
        if start < end:
            parts.append(Span(kind, start, end))
    return parts


def sentences(text: str, parts: list[Span], quotable: frozenset[str]) -> list[Sentence]:
    """The sentences of the parts that state facts, each with its offsets in ``text``."""
    found = []
    for part in parts:
        if part.kind not in quotable:
            continue
        cursor = part.start
        for boundary in _SENTENCE_END.finditer(text, part.start, part.end):
            if text[cursor:boundary.start()].endswith(_ABBREVIATIONS):
                continue
            found.append(_sentence(text, cursor, boundary.start(), part.kind))
            cursor = boundary.end()
        found.append(_sentence(text, cursor, part.end, part.kind))
    return [s for s in found if len(s.text.split()) >= 3 and s.text.rstrip()[-1:] in ".!?\"\u201d\u2019')"]


def _sentence(text: str, start: int, end: int, part: str) -> Sentence:
    start, end = _strip(text, start, end)
    return Sentence(start, end, text[start:end], part)
