"""The article is kept verbatim and structured into parts; metadata is established, not copied."""

from __future__ import annotations

import re

from karabakh_tui.bank.io import load_article
from karabakh_tui.bank.models import QUOTABLE_PARTS
from tests.conftest import BANK_DIR, SEED

CAPTION = "Human toll in Azerbaijan-Armenia fight for Nagorno-Karabakh"


def article():
    return load_article(BANK_DIR / "article.toml")


def test_text_is_the_seed_article_character_for_character():
    assert SEED.is_file(), f"the seed article should be at {SEED}"
    assert article().body == SEED.read_text(encoding="utf-8")


def test_date_comes_from_the_body_and_the_contradicting_metadata_is_recorded():
    a = article()
    assert a.article.date == "2021-01-11"
    assert [(d.field, d.given, d.established) for d in a.discrepancies] == [("date", "2017-07-11", "2021-01-11")]
    assert "Nagorno-Karabakh" in a.article.title
    assert a.article.gallery_author == "Julia Hahn"
    assert a.article.agencies == ["AFP", "AP", "Reuters"]


def test_every_repeated_caption_heading_is_tagged_and_not_quotable():
    a = article()
    starts = [m.start() for m in re.finditer(re.escape(CAPTION), a.body)]
    tagged = [p.start for p in a.parts if p.kind == "caption_heading"]
    assert len(starts) == 11 and tagged == starts
    assert not any(a.quotable(s, s + len(CAPTION)) for s in starts)


def test_parts_cover_every_word_of_the_text():
    a = article()
    covered = [False] * len(a.body)
    for part in a.parts:
        for i in range(part.start, part.end):
            covered[i] = True
    uncovered = {a.body[i] for i, c in enumerate(covered) if not c}
    assert uncovered <= {" ", "\n"}


def test_byline_credits_and_metadata_are_separate_unquotable_parts():
    a = article()
    kinds = {p.kind: a.body[p.start:p.end] for p in a.parts if p.kind in ("byline", "credits", "metadata")}
    assert kinds == {"byline": "Author: Julia Hahn", "credits": "kbd/rt (AFP, AP, Reuters)", "metadata": "date 2017-07-11"}
    assert not {"byline", "credits", "metadata"} & QUOTABLE_PARTS
