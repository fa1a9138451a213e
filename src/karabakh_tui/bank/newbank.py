"""``karabakh-tui bank new``: any plain-text article into a bank, offline, through the same gates."""

from __future__ import annotations

import hashlib
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import tomli_w

from ..errors import BankError
from .build import gated
from .extract import Candidate, extract_facts
from .io import write_bank
from .kinds import ARTICLE_FILE, BANK_FILE, FACTS_FILE
from .models import QUOTABLE_PARTS, Article, ArticleInfo, ArticleText, Part
from .segment import sentences, tag_parts

MAX_BYTES = 2 * 1024 * 1024
_HTML = re.compile(r"<!DOCTYPE html|<(?:html|head|body|div|p|span|script|article|a\s+href)\b", re.IGNORECASE)
_METADATA_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


@dataclass
class Report:
    folder: Path
    facts: Counter[str] = field(default_factory=Counter)
    questions: Counter[str] = field(default_factory=Counter)
    rejected: list[str] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"wrote {self.folder}: {sum(self.questions.values())} questions from {sum(self.facts.values())} facts"]
        out.append("  facts by kind:      " + (", ".join(f"{k} {v}" for k, v in sorted(self.facts.items())) or "none"))
        out.append("  questions by type:  " + (", ".join(f"{k} {v}" for k, v in sorted(self.questions.items())) or "none"))
        out += [f"  note: {n}" for n in self.notes]
        out.append(f"  gate rejections: {len(self.rejected)}")
        out += [f"    {r}" for r in self.rejected]
        out.append(f"  left out as unsure: {len(self.unsure)}")
        out += [f"    {u}" for u in self.unsure]
        return out


def read_article(path: Path) -> str:
    """The article's text, or a one-line reason why it is not a plain-text article."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise BankError(f"{path}: is a directory, not an article")
        if size > MAX_BYTES:
            raise BankError(f"{path}: {size / 1e6:.1f} MB is too long for one article (the limit is {MAX_BYTES // (1024 * 1024)} MB)")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BankError(f"{path}: no such file") from None
    except OSError as exc:
        raise BankError(f"{path}: cannot read ({exc.strerror})") from None
    nul = raw.find(b"\x00", 0, 8192)
    if nul >= 0:
        raise BankError(f"{path}: binary data, not text (a NUL byte at {nul})")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BankError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise BankError(f"{path}: the file is empty")
    if len(_HTML.findall(text[:20000])) >= 2:
        raise BankError(f"{path}: looks like HTML; save the article as plain text and try again")
    return text.replace("\r\n", "\n")


def slug(title: str) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return words[:40].rstrip("-") or "article"


def _title(text: str, parts: list) -> str:  # noqa: ANN001
    for part in parts:
        if part.kind == "section_heading":
            return text[part.start:part.end].strip()
    first = next((p for p in parts if p.kind in QUOTABLE_PARTS), None)
    words = text[first.start:first.end].split()[:9] if first else ["Untitled"]
    return " ".join(words).rstrip(",.;:") + "\u2026"


def _article_date(text: str, parts: list, given: str | None, report: Report) -> date:  # noqa: ANN001
    if given:
        try:
            return date.fromisoformat(given)
        except ValueError:
            raise BankError(f"--date: '{given}' is not a date of the form YYYY-MM-DD") from None
    for part in parts:
        if part.kind == "metadata" and (m := _METADATA_DATE.search(text, part.start, part.end)):
            report.notes.append(f"date {m.group(1)} taken from the metadata line; pass --date if the body says otherwise")
            return date.fromisoformat(m.group(1))
    raise BankError("the article carries no date line; pass --date YYYY-MM-DD so relative dates can be resolved")


def new_bank(source: Path, title: str | None, when: str | None, out: Path | None, force: bool = False) -> Report:
    text = read_article(source)
    spans = tag_parts(text)
    found = sentences(text, spans, QUOTABLE_PARTS)
    if not found:
        raise BankError(f"{source}: no sentences found; is this a news article?")
    chosen_title = title or _title(text, spans)
    folder = (out or Path("question_banks")) / slug(chosen_title)
    report = Report(folder)
    if folder.exists() and any(folder.iterdir()) and not force:
        raise BankError(f"{folder}: already exists; choose another --out or --title, or pass --force to replace it")
    article_date = _article_date(text, spans, when, report)
    if len(found) > 200:
        print(f"extracting facts from {len(found)} sentences ...", file=sys.stderr, flush=True)
    facts, unsure = extract_facts(found, article_date)
    report.unsure = [_describe(c, why) for c, why in unsure]
    if not facts:
        raise BankError(f"{source}: no facts could be extracted; nothing was written")
    article = Article(
        article=ArticleInfo(id=slug(chosen_title).replace("-", "_") or "article", title=chosen_title,
                            date=article_date.isoformat(), source_file=source.name, extracted=True,
                            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                            credit="Extracted automatically by karabakh-tui bank new; facts not curated by hand."),
        parts=[Part(kind=p.kind, start=p.start, end=p.end) for p in spans],
        text=ArticleText(body=text),
    )
    bank, rejected = gated(article, facts)
    report.rejected = rejected
    if not bank.questions:
        raise BankError(f"{source}: every question broke a gate; nothing was written")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ARTICLE_FILE).write_text(tomli_w.dumps(article.model_dump(mode="json", exclude_none=True), multiline_strings=True), encoding="utf-8")
    facts_doc = {"schema": 1, "article": ARTICLE_FILE, "extracted": True,
                 "facts": [f.model_dump(mode="json", exclude_none=True, exclude_defaults=True) for f in facts]}
    (folder / FACTS_FILE).write_text("# Extracted by karabakh-tui bank new (rule-based); not curated.\n" + tomli_w.dumps(facts_doc), encoding="utf-8")
    write_bank(bank, folder / BANK_FILE)
    report.facts = Counter(f.kind for f in facts)
    report.questions = Counter(q.type for q in bank.questions)
    return report


def _describe(candidate: Candidate, why: str) -> str:
    return f"{candidate.kind} {candidate.answer!r}: {why} (\u201c{candidate.sentence.text[:70]}\u201d)"
