"""Pydantic models of the article, its facts and the generated questions."""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .kinds import QUESTION_TYPES

PartKind = Literal[
    "metadata", "report", "caption_heading", "gallery_title", "gallery_caption",
    "byline", "section_heading", "background", "credits", "caption",
]
#: Parts of the article that state facts; everything else (headings, byline, credits,
#: metadata) is never quizzed.
QUOTABLE_PARTS: frozenset[str] = frozenset({"report", "gallery_caption", "background"})

FactKind = Literal["person", "place", "figure", "date", "event", "quote", "claim"]
QuestionType = Literal["multiple_choice", "true_false", "cloze", "numeric", "matching", "ordering"]
__all__ = ["QUESTION_TYPES", "QuestionType"]  # QUESTION_TYPES (bank.kinds) lists the same names, pydantic-free
TRUE_FALSE_CHOICES = ["True", "False"]


class Strict(BaseModel):
    """Base for file-backed models: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Part(Strict):
    """A span of the article text and what role it plays (report, caption heading...)."""

    kind: PartKind
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    label: str | None = None


class ArticleInfo(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    title: str = Field(min_length=1)
    title_basis: str | None = None
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    date_basis: str | None = None
    language: str = "en"
    gallery_author: str | None = None
    agencies: list[str] = []
    editor_initials: str | None = None
    source_file: str | None = None
    sha256: str | None = None
    credit: str | None = None
    extracted: bool = False


class Discrepancy(Strict):
    """A piece of metadata the body contradicts; nothing is ever built on ``given``."""

    field: str
    given: str
    established: str
    where: str
    reason: str


class Note(Strict):
    kind: str
    quote: str
    reading: str


class ArticleText(Strict):
    body: str = Field(min_length=1)


class Article(Strict):
    article: ArticleInfo
    discrepancies: list[Discrepancy] = []
    notes: list[Note] = []
    parts: list[Part] = []
    text: ArticleText

    @property
    def body(self) -> str:
        return self.text.body

    def parts_of(self, start: int, end: int) -> list[Part]:
        """The parts that overlap the span ``[start, end)``."""
        return [p for p in self.parts if p.start < end and start < p.end]

    def quotable(self, start: int, end: int) -> bool:
        """True when the span lies wholly inside one part that states facts."""
        starts = self._part_starts
        i = bisect_right(starts, start) - 1
        return i >= 0 and self.parts[i].kind in QUOTABLE_PARTS and end <= self.parts[i].end

    @cached_property
    def _part_starts(self) -> list[int]:
        """Part starts in order (parts are checked to be sorted and not to overlap)."""
        return [p.start for p in self.parts]


class Fact(Strict):
    """One statement of the article: a subject, a relation and the value a question asks for."""

    id: str = Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
    kind: FactKind
    topics: list[str] = Field(min_length=1)
    subject: str = Field(min_length=1)
    relation: str = Field(min_length=1)
    answer: str = Field(min_length=1)
    answer_type: str = Field(min_length=1)
    aliases: list[str] = []
    ask: str | None = None
    statement: str
    evidence: str = Field(min_length=1)
    start: int = Field(ge=0)
    value: float | None = None
    unit: str | None = None
    measure: str | None = None
    tolerance: float = Field(default=0, ge=0)
    qualifier: str | None = None
    source: str | None = None
    time: str | None = None
    exclusive: bool = True
    cloze: bool = True
    exclude: list[str] = []
    timeline_label: str | None = None
    timeline_sort: str | None = None
    resolved: str | None = None
    match_group: str | None = None
    match_left: str | None = None
    match_right: str | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.evidence)

    @property
    def is_number(self) -> bool:
        return self.answer_type in ("number", "year")

    @field_validator("statement")
    @classmethod
    def _statement_has_slot(cls, value: str) -> str:
        if value.count("{answer}") != 1:
            raise ValueError("statement must contain '{answer}' exactly once")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Fact:
        if self.is_number and self.value is None:
            raise ValueError(f"a fact with answer_type {self.answer_type!r} needs a value")
        if (self.timeline_label is None) != (self.timeline_sort is None):
            raise ValueError("timeline_label and timeline_sort go together")
        if self.match_group and not (self.match_left and self.match_right):
            raise ValueError("match_group needs match_left and match_right")
        return self


class FactsFile(Strict):
    schema_: int = Field(alias="schema", default=1)
    article: str = "article.toml"
    extracted: bool = False
    facts: list[Fact] = Field(min_length=1)


Answer = str | list[str] | list[list[str]]


class Question(Strict):
    """A generated question, as stored in bank.toml and exported as JSON."""

    id: str = Field(pattern=r"^[a-z0-9_.]+:[a-z0-9_]+$")
    type: QuestionType
    prompt: str = Field(min_length=1)
    choices: list[str] = []
    answer: Answer
    accept: list[str] = []
    value: float | None = None
    tolerance: float = Field(default=0, ge=0)
    unit: str | None = None
    fact_ids: list[str] = Field(min_length=1)
    source: str = Field(min_length=1)
    spans: list[list[int]] = Field(min_length=1)
    topics: list[str] = Field(min_length=1)
    difficulty: int = Field(ge=1, le=3)
    attribution: str | None = None
    time: str | None = None
    swapped: str | None = None
    hash: str = Field(pattern=r"^[0-9a-f]{16}$")

    @field_validator("spans")
    @classmethod
    def _spans_are_pairs(cls, spans: list[list[int]]) -> list[list[int]]:
        for span in spans:
            if len(span) != 2 or not 0 <= span[0] < span[1]:
                raise ValueError(f"span {span} is not a [start, end] pair with start < end")
        return spans

    @model_validator(mode="after")
    def _answer_fits_type(self) -> Question:
        kind, answer, choices = self.type, self.answer, self.choices
        if kind in ("multiple_choice", "true_false", "cloze", "numeric") and not isinstance(answer, str):
            raise ValueError(f"a {kind} answer must be text")
        if kind == "multiple_choice" and answer not in choices:
            raise ValueError(f"answer {answer!r} is not among the choices")
        if kind == "multiple_choice" and len(set(choices)) != len(choices):
            raise ValueError("choices repeat")
        if kind == "true_false" and (choices != TRUE_FALSE_CHOICES or answer not in choices):
            raise ValueError("a true_false question has choices ['True', 'False'] and one of them as answer")
        if kind in ("cloze", "numeric") and choices:
            raise ValueError(f"a {kind} question is typed and has no choices")
        if kind == "numeric" and self.value is None:
            raise ValueError("a numeric question needs a value")
        if kind == "ordering":
            if not isinstance(answer, list) or sorted(map(str, answer)) != sorted(choices):
                raise ValueError("an ordering answer lists exactly the choices, in order")
        if kind == "matching":
            pairs = answer if isinstance(answer, list) else []
            if not pairs or not all(isinstance(p, list) and len(p) == 2 for p in pairs):
                raise ValueError("a matching answer is a list of [left, right] pairs")
            if sorted(x for p in pairs for x in p) != sorted(choices):
                raise ValueError("a matching answer pairs up exactly the choices")
        return self

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """For matching: the right (left, right) pairs."""
        return [(p[0], p[1]) for p in self.answer] if self.type == "matching" else []  # type: ignore[index,union-attr]


class BankInfo(Strict):
    id: str
    title: str
    article: str = "article.toml"
    article_date: str
    article_sha256: str
    generator: str
    facts: int = Field(ge=0)
    questions: int = Field(ge=0)


class Bank(Strict):
    bank: BankInfo
    questions: list[Question]

    def by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}
