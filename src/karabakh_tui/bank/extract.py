"""Rule-based fact extraction from a plain-text news article: offline, no models, no data.

Each finder reads one sentence and proposes facts whose answer is a span of that sentence:
people with their roles, the speakers of quotes and statements, figures with what they count
and who reported them, dates (relative ones resolved against the article's date), places with
what is said of them. A fact's ``statement`` is its sentence with the answer cut out, so the
curated generator and gates apply unchanged. Candidates the rules are unsure of (a quote said
by "she", a surname two people share) are kept out and reported.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib.resources import files

from .models import Fact
from .segment import Sentence
from .text import fold_answer

TOPICS = {"person": "people", "quote": "quotes", "figure": "figures", "date": "dates", "place": "places", "claim": "claims", "event": "events"}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NAME = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
FULL_NAME = rf"{NAME}(?:\s+{NAME}){{1,2}}"
NATIONALITY = r"[A-Z][a-z]+(?:ian|ani|ese|ish|ch|an|i)"
OFFICES = (r"President|Vice President|Prime Minister|Foreign Minister|Defen[cs]e Minister|Interior Minister|Minister|"
           r"Chancellor|Secretary-General|Secretary of State|Secretary|Senator|Governor|Mayor|King|Queen|Pope|"
           r"Ambassador|Spokes(?:man|woman|person)|Chief Executive|General|Director|Commander|Chairman|Chairwoman|"
           r"[Hh]arbour master|[Ll]eader|[Hh]ead")
DEPARTMENT = r"(?:Health|Finance|Economy|Education|Justice|Opposition|Party|Deputy|Acting|Former|Interior|Transport)"
SPEECH = r"(?:said|says|has said|had said|told|added|tweeted|wrote|warned|pledged|insisted|maintained|announced|claimed)"
QUALIFIERS = r"at least|more than|over|nearly|almost|about|around|some|up to|roughly"
_ROLE_BEFORE = re.compile(rf"\b(?P<role>(?:{NATIONALITY}\s+|{DEPARTMENT}\s+|[A-Z][a-z]+\s+(?=[Hh]arbour|[Ll]eader))?(?:{OFFICES}))\s+(?P<name>{FULL_NAME})")
_ROLE_POSSESSIVE = re.compile(rf"\b(?P<role>{NAME}'s\s+(?:president|prime minister|foreign minister|defen[cs]e minister|"
                              rf"leader|ambassador|spokes(?:man|woman)))\s*,\s+(?P<name>{FULL_NAME})\s*,")
_ROLE_APPOSITIVE = re.compile(rf"\b(?P<name>{FULL_NAME}),\s+(?:a|an|the)\s+(?P<role>[a-z][a-z -]{{2,40}}?\s(?:for|of|at|with)\s+"
                              rf"(?:the\s+)?(?P<org>(?:[A-Z][\w&.-]*\s*){{1,5}}?))\s*,")
_QUOTE_SPEAKER = re.compile(rf"""[”"]\s*,?\s*(?P<who>{NAME}(?:\s+{NAME})?|he|she|they)\s+{SPEECH}\b""")
_SPEAKER_FIRST = re.compile(rf"""(?:^|(?<=[\s,;]))(?P<who>{FULL_NAME}|{NAME}),?\s+(?:[a-z]+\s+)?{SPEECH}\b""")
_NUMBER = re.compile(rf"""(?:(?P<qual>{QUALIFIERS})\s+)?(?<![\w,.-])(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{'|'.join(NUMBER_WORDS)})"""
                     rf"""(?P<age>-year-old)?(?:\s+\((?:[\d,.]+)\s+[a-z]+\))?\s+(?P<unit>(?:[a-z]+-)?[a-z]+(?:\s+(?:troops|soldiers|people|civilians))?)""",
                     re.IGNORECASE)
_YEAR = re.compile(r"\b(?:in|from|since|until|to|by)\s+(?P<year>(?:19|20)\d{2})\b(?!\s*(?:people|soldiers))")
_SOURCE = re.compile(r"[Aa]ccording to (?P<src>[^,.]+?)(?=[,.]|$)|(?P<src2>(?:[A-Z][\w-]*\s+)?(?:[Aa]uthorities|[Oo]fficials|[Dd]octors|"
                     r"[Oo]bservers|[Pp]olice|[Gg]overnment)(?:\s+in\s+(?:the\s+)?[A-Z][\w-]+(?:\s+region)?)?)\s+(?:say|said|reported|estimate|estimated|claim|claimed)\b")
_TIME = re.compile(r"\b(?:recently|a few days ago|last (?:week|month|year)|this (?:week|month|year)|yesterday)\b")
_DAY = re.compile(rf"\b(?P<month>{'|'.join(MONTHS)})\s+(?P<day>\d{{1,2}})\b(?!,?\s*\d{{4}})")
_MONTH_YEAR = re.compile(rf"\b(?P<month>{'|'.join(MONTHS)})\s+(?P<year>(?:19|20)\d{{2}})\b")
_LAST_MONTH = re.compile(rf"\b(?:last|in|since|early|late|end of|by|until|before|after|from)\s+(?P<month>{'|'.join(MONTHS)})\b(?!\s+\d)")
_WEEKDAY = re.compile(rf"\b(?:on|last|since)\s+(?P<weekday>{'|'.join(WEEKDAYS)})\b|\b(?P<weekday2>{'|'.join(WEEKDAYS)})'s\b")
_PLACE_APPOSITIVE = re.compile(rf"\b(?P<place>{NAME}),\s+(?P<desc>(?:{NAME}|the [a-z]+)'s\s+[a-z -]*?(?:city|town|capital|port|village))\b")
_CAPITAL_OF = re.compile(rf"\bthe\s+(?P<desc>[A-Z][\w-]+\s+capital),\s+(?P<place>{NAME})\b")
_TOWN_OF = re.compile(rf"\b(?:the\s+)?(?P<desc>town|city|village|region|province)\s+of\s+(?P<place>{NAME})\b")
_SEAT = re.compile(rf"\b(?P<desc>(?:[A-Z][a-z]+'s\s+)?government),\s+in\s+(?P<place>{NAME})\b")
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
NOT_NAMES = {"The", "A", "An", "This", "That", "These", "Those", "However", "But", "And", "It", "Its", "Both", "Some",
             "Protesters", "Observers", "Officials", "Authorities", "Doctors", "Residents", "People"}


@dataclass
class Candidate:
    kind: str
    answer: str
    answer_type: str
    start: int
    end: int
    sentence: Sentence
    subject: str
    relation: str
    aliases: list[str] = field(default_factory=list)
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    resolved: str | None = None
    unsure: str | None = None


@dataclass
class People:
    """Full names seen so far, their roles, and which surname points to whom."""

    roles: dict[str, str] = field(default_factory=dict)
    by_surname: dict[str, set[str]] = field(default_factory=dict)

    def add(self, name: str, role: str | None = None) -> None:
        if role and name not in self.roles:
            self.roles[name] = role
        self.by_surname.setdefault(name.split()[-1], set()).add(name)

    def resolve(self, mention: str) -> tuple[str | None, str | None]:
        """Full name for a mention, or (None, why not)."""
        if mention.lower() in PRONOUNS:
            return None, f"the speaker is only '{mention}'"
        if mention.split()[0] in NOT_NAMES:
            return None, f"'{mention}' is not a person's name"
        if " " in mention:
            words = mention.split()
            for cut in range(len(words) - 1):
                if " ".join(words[cut:]) in self.roles:
                    return " ".join(words[cut:]), None
            return mention, None
        names = self.by_surname.get(mention, set())
        if len(names) == 1:
            return next(iter(names)), None
        if len(names) > 1:
            return None, f"'{mention}' could be {' or '.join(sorted(names))}"
        return None, f"'{mention}' is not a person named earlier"


def resolve_month(month: str, article: date, year: int | None = None) -> str:
    """'November' in an article of 2021-01-11 is November 2020: the latest such month by then."""
    number = MONTHS.index(month) + 1
    if year is None:
        year = article.year if number <= article.month else article.year - 1
    return f"{year:04d}-{number:02d}"


def resolve_day(month: str, day: int, article: date) -> str:
    """A day without a year: the one nearest the article's date (within half a year)."""
    number = MONTHS.index(month) + 1
    options = [date(article.year + d, number, min(day, 28 if number == 2 else 30 if number in (4, 6, 9, 11) else 31)) for d in (-1, 0, 1)]
    return min(options, key=lambda d: abs((d - article).days)).isoformat()


def resolve_weekday(weekday: str, article: date) -> str:
    """'On Monday' in a report: the latest such weekday on or before the article's date."""
    back = (article.weekday() - WEEKDAYS.index(weekday)) % 7
    return (article - timedelta(days=back)).isoformat()


def _number_value(text: str) -> float:
    return float(NUMBER_WORDS[text.lower()]) if text.lower() in NUMBER_WORDS else float(text.replace(",", ""))


def find_people(sentence: Sentence, people: People) -> list[Candidate]:
    found = []
    s = sentence.text
    for pattern in (_ROLE_BEFORE, _ROLE_POSSESSIVE):
        for m in pattern.finditer(s):
            name, role = m.group("name"), m.group("role")
            first = name not in people.roles
            people.add(name, role)
            if first:
                found.append(Candidate("person", role, "office", m.start("role"), m.end("role"), sentence, name, "role"))
    for m in _ROLE_APPOSITIVE.finditer(s):
        name, org = m.group("name"), m.group("org").strip()
        people.add(name, m.group("role"))
        found.append(Candidate("person", org, "organization", m.start("org"), m.start("org") + len(org), sentence, name, "works for"))
    return found


def find_speakers(sentence: Sentence, people: People) -> list[Candidate]:
    found = []
    s = sentence.text
    for pattern in (_QUOTE_SPEAKER, _SPEAKER_FIRST):
        for m in pattern.finditer(s):
            mention = m.group("who")
            if mention in MONTHS or mention in WEEKDAYS:
                continue
            full, why = people.resolve(mention)
            aliases = [mention] if full and full != mention else []
            if full and " " in full and full.split()[-1] != mention:
                aliases.append(full.split()[-1])
            found.append(Candidate("quote", full or mention, "person", m.start("who"), m.end("who"), sentence,
                                   f"what {mention} said: {s}", "speaker", aliases=sorted(set(aliases)), unsure=why))
            break
    return found[:1]


_KIN = re.compile(rf"\b(?P<owner>{NAME})'s\s+(?:\d+-year-old\s+)?(?P<kin>son|daughter|grandson|granddaughter|wife|husband|"
                  rf"brother|sister|mother|father|nephew|niece|uncle|aunt)\b,?\s+(?P<name>{NAME})")
_SHARE = re.compile(r"\b(?:(?P<qual>about|nearly|almost|roughly|more than|less than)\s+)?(?P<share>half|a third|a quarter|two thirds|"
                    r"three quarters)\s+of\s+the\s+(?P<what>[a-z' ]+?)\b(?=[,.]|\s(?:test|could|were|are|have|had|will|is|was)\b)")
_CENTURY = re.compile(r"\b(?P<century>\d{1,2}(?:st|nd|rd|th))-century\b")
_ACTS = r"hosted|thanked|visited|welcomed|signed|criticised|criticized|praised|sacked|appointed|rejected|denied|defended"


def find_relatives(sentence: Sentence, people: People) -> list[Candidate]:
    """'Guliyeva's 13-year-old grandson, Artur': Artur is the grandson."""
    found = []
    for m in _KIN.finditer(sentence.text):
        found.append(Candidate("person", m.group("kin"), "kin", m.start("kin"), m.end("kin"), sentence,
                               f"{m.group('name')}, relative of {m.group('owner')}", "relation"))
    return found


def find_actors(sentence: Sentence, people: People) -> list[Candidate]:
    """A person named earlier as the one who acts, or is acted against: 'Putin thanked ...', '... against Pashinyan'."""
    found = []
    known = sorted({n for names in people.by_surname.values() for n in names} | set(people.by_surname), key=len, reverse=True)
    if not known:
        return found
    who = "|".join(re.escape(k) for k in known)
    patterns = (rf"\b(?P<who>{who})\s+(?:{_ACTS})\b", rf"\b(?:against|opposite(?: of)?)\s+(?P<who>{who})\b")
    for pattern in patterns:
        for m in re.finditer(pattern, sentence.text):
            full, why = people.resolve(m.group("who"))
            if full is None:
                continue
            aliases = [m.group("who")] if m.group("who") != full else []
            found.append(Candidate("event", full, "person", m.start("who"), m.end("who"), sentence,
                                   f"who: {sentence.text}", "actor", aliases=aliases))
    return found


def find_figures(sentence: Sentence) -> list[Candidate]:
    found = []
    s = sentence.text
    for m in _NUMBER.finditer(s):
        num, unit = m.group("num"), m.group("unit").lower()
        if unit in ("of", "and", "or", "to", "a", "the", "in") or (num.lower() in NUMBER_WORDS and unit in ("of",)):
            continue
        if m.group("age"):
            unit = "years old"
        value = _number_value(num)
        if 1900 <= value <= 2099 and "," not in num:
            continue
        worded = num.lower() in NUMBER_WORDS
        found.append(Candidate("figure", str(int(value)) if worded else num, "number", m.start("num"), m.end("num"), sentence,
                               f"{unit}: {s}", "count", aliases=[num] if worded else [], value=value, unit=unit,
                               qualifier=(m.group("qual") or "").lower() or None))
    for m in _SHARE.finditer(s):
        found.append(Candidate("figure", m.group("share"), "share", m.start("share"), m.end("share"), sentence,
                               f"share of {m.group('what')}: {s}", "share", qualifier=m.group("qual")))
    for m in _CENTURY.finditer(s):
        found.append(Candidate("figure", f"{m.group('century')} century", "century", m.start(), m.end(), sentence,
                               f"century: {s}", "century", aliases=[m.group()]))
    for m in _YEAR.finditer(s):
        if _MONTH_YEAR.search(s, max(0, m.start("year") - 12), m.end("year")):
            continue
        year = m.group("year")
        found.append(Candidate("date", year, "year", m.start("year"), m.end("year"), sentence, f"year: {s}", "year",
                               value=float(year), unit="year", resolved=year))
    return found


_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d")


def find_dates(sentence: Sentence, article: date) -> list[Candidate]:
    """Dates of the report itself; a date inside a quotation is the speaker's, not the article's."""
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(sentence.text)]
    return [c for c in _dates(sentence, article) if not any(a <= c.start < b for a, b in quoted)]


def _dates(sentence: Sentence, article: date) -> list[Candidate]:
    found = []
    s = sentence.text
    for m in _MONTH_YEAR.finditer(s):
        found.append(Candidate("date", m.group(), "month", m.start(), m.end(), sentence, f"when: {s}", "month",
                               resolved=resolve_month(m.group("month"), article, int(m.group("year")))))
    for m in _DAY.finditer(s):
        found.append(Candidate("date", m.group(), "day", m.start(), m.end(), sentence, f"when: {s}", "day",
                               resolved=resolve_day(m.group("month"), int(m.group("day")), article)))
    taken = [(c.start, c.end) for c in found]
    for m in _LAST_MONTH.finditer(s):
        if any(a <= m.start("month") < b for a, b in taken):
            continue
        resolved = resolve_month(m.group("month"), article)
        found.append(Candidate("date", m.group("month"), "month", m.start("month"), m.end("month"), sentence, f"when: {s}",
                               "month", aliases=[f"{m.group('month')} {resolved[:4]}"], resolved=resolved))
    for m in _WEEKDAY.finditer(s):
        weekday = m.group("weekday") or m.group("weekday2")
        group = "weekday" if m.group("weekday") else "weekday2"
        found.append(Candidate("date", weekday, "weekday", m.start(group), m.end(group), sentence, f"when: {s}", "weekday",
                               resolved=resolve_weekday(weekday, article)))
    return found


def find_places(sentence: Sentence) -> list[Candidate]:
    found = []
    s = sentence.text
    for pattern, relation in ((_PLACE_APPOSITIVE, "is"), (_CAPITAL_OF, "is"), (_TOWN_OF, "named"), (_SEAT, "seat")):
        for m in pattern.finditer(s):
            found.append(Candidate("place", m.group("place"), "place", m.start("place"), m.end("place"), sentence,
                                   f"{m.group('desc')}: {s}", relation))
    return found


@cache
def countries() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """Adjective -> country, and patterns for country names and adjectives (longest first)."""
    raw = tomllib.loads(files("karabakh_tui.bank").joinpath("countries.toml").read_text(encoding="utf-8"))
    adjective = {adj: name for name, adjs in raw.items() for adj in adjs}
    names = "|".join(re.escape(n) for n in sorted(raw, key=len, reverse=True))
    adjs = "|".join(re.escape(a) for a in sorted(adjective, key=len, reverse=True))
    return adjective, re.compile(rf"(?:{names})"), re.compile(rf"(?:{adjs})")


def _country_relations() -> list[tuple[re.Pattern[str], str]]:
    """Generic relations whose answer is a country (named, or as an adjective: 'Russian-brokered')."""
    _, name, adj = countries()
    c, a = f"(?P<c>{name.pattern})", f"(?P<c>{adj.pattern})"
    rules = [
        (rf"\b(?:supported|brokered|mediated|backed|funded|hosted|led) by (?:the )?{c}\b", "done by"),
        (rf"\b(?:receives?|received|gets?|got|buys?|bought|imports?)\b[^.;]{{0,60}}?\bfrom {c}\b", "supplied by"),
        (rf"\basked {c} for\b", "asked for help"),
        (rf"\bborders? with {c}\b", "borders shut with"),
        (rf"\b{c} (?:has|have|had) rejected\b", "rejected by"),
        (rf"(?:^|, ){c} is the [a-z ]+? (?:for|of|to)\b", "is the"),
        (rf"\b{c} (?:deployed|sent|brokered|mediated|supplied|invaded|annexed)\b", "acted"),
        (rf"\b{a}-(?:brokered|backed|led|mediated)\b", "brokered by"),
        (rf"\b[Tt]he {a} (?:government|army|military|forces|troops) (?:denied|pushed|attacked|launched|claimed|rejected)\b", "acted"),
        (rf"\bin (?:western|eastern|northern|southern|central) {c}\b", "located in"),
        (rf"\bindependence from {c}\b", "independence from"),
    ]
    return [(re.compile(rule), relation) for rule, relation in rules]


def find_countries(sentence: Sentence) -> list[Candidate]:
    adjective, _, _ = countries()
    found = []
    for pattern, relation in _country_relations():
        for m in pattern.finditer(sentence.text):
            written = m.group("c")
            name = adjective.get(written, written)
            aliases = [written] if written != name else []
            found.append(Candidate("claim", name, "country", m.start("c"), m.end("c"), sentence,
                                   f"{relation}: {sentence.text}", relation, aliases=aliases))
    return found


def source_of(sentence: Sentence) -> str | None:
    m = _SOURCE.search(sentence.text)
    return None if m is None else (m.group("src") or m.group("src2")).strip()


def time_of(sentence: Sentence) -> str | None:
    m = _TIME.search(sentence.text)
    return m.group() if m else None


def candidates(sentences: list[Sentence], article: date) -> list[Candidate]:
    """Every candidate fact, sentence by sentence, people first so later surnames resolve."""
    people = People()
    found: list[Candidate] = []
    for sentence in sentences:
        found += find_people(sentence, people)
    for sentence in sentences:
        found += find_relatives(sentence, people)
        found += find_actors(sentence, people)
        found += find_speakers(sentence, people)
        found += find_figures(sentence)
        found += find_dates(sentence, article)
        found += find_places(sentence)
        found += find_countries(sentence)
    return found


def to_facts(found: list[Candidate]) -> tuple[list[Fact], list[tuple[Candidate, str]]]:
    """Candidates the rules are sure of, as facts; the others with the reason they were left out."""
    facts: list[Fact] = []
    unsure: list[tuple[Candidate, str]] = []
    seen: set[tuple[int, int]] = set()
    for c in found:
        if c.unsure:
            unsure.append((c, c.unsure))
            continue
        if c.kind == "claim" and c.answer in c.sentence.text[: c.start] + c.sentence.text[c.end:]:
            unsure.append((c, f"{c.answer} is named twice in the sentence"))
            continue
        if (c.sentence.start + c.start, c.sentence.start + c.end) in seen:
            continue
        seen.add((c.sentence.start + c.start, c.sentence.start + c.end))
        s = c.sentence
        statement = s.text[: c.start] + "{answer}" + s.text[c.end:]
        if "{answer}" in s.text:
            unsure.append((c, "the sentence contains braces"))
            continue
        facts.append(Fact(
            id=f"extracted.{c.kind}_{len(facts) + 1:03d}", kind=c.kind, topics=[TOPICS[c.kind]], subject=c.subject,
            relation=c.relation, answer=c.answer, answer_type=c.answer_type, aliases=c.aliases, statement=statement,
            evidence=s.text, start=s.start, value=c.value, unit=c.unit, qualifier=c.qualifier,
            source=source_of(s) if c.kind in ("figure", "date") else None, time=time_of(s), resolved=c.resolved,
        ))
    return facts, unsure


def extract_facts(sentences: list[Sentence], article: date) -> tuple[list[Fact], list[tuple[Candidate, str]]]:
    return to_facts(candidates(sentences, article))


def matches(extracted: Fact, curated: Fact) -> bool:
    """The same value, found in the same place of the article."""
    if not (extracted.start < curated.end and curated.start < extracted.end):
        return False
    ours = {fold_answer(x) for x in (extracted.answer, *extracted.aliases)}
    theirs = {fold_answer(x) for x in (curated.answer, *curated.aliases)}
    return bool(ours & theirs)


def evaluate(extracted: list[Fact], curated: list[Fact]) -> dict[str, dict[str, float]]:
    """Precision by the extracted fact's kind, recall by the curated fact's kind, and overall."""
    table: dict[str, dict[str, float]] = {}
    for kind in sorted({f.kind for f in extracted} | {f.kind for f in curated}):
        mine = [e for e in extracted if e.kind == kind]
        theirs = [c for c in curated if c.kind == kind]
        hit_mine = sum(any(matches(e, c) for c in curated) for e in mine)
        hit_theirs = sum(any(matches(e, c) for e in extracted) for c in theirs)
        table[kind] = {"extracted": len(mine), "curated": len(theirs), "precision": hit_mine / len(mine) if mine else 1.0,
                       "recall": hit_theirs / len(theirs) if theirs else 1.0}
    hit_mine = sum(any(matches(e, c) for c in curated) for e in extracted)
    hit_theirs = sum(any(matches(e, c) for e in extracted) for c in curated)
    table["all"] = {"extracted": len(extracted), "curated": len(curated),
                    "precision": hit_mine / len(extracted) if extracted else 1.0,
                    "recall": hit_theirs / len(curated) if curated else 1.0}
    return table
