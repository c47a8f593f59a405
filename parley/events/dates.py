"""When an event happened: the sentence's own time expressions, else the document date.

:func:`event_date` looks at the DATE entities of the sentence and at time words the NER may
miss ("on Monday", "yesterday", "last week", "earlier this month", "in 2021", "on 15 November"),
resolves each against the document date, and returns the most precise one with a source
string saying where it came from::

    (date(2021, 1, 1), "sentence:year:'in 2021'")
    (date(2024, 3, 4), "sentence:day:'on Monday'")
    (date(2024, 3, 7), "document")

Precision is ``day``, ``week`` (the Monday of that week), ``month`` (the 1st) or ``year``
(1 January). Resolution is rule-based and cached; dateparser is only consulted for a DATE
entity that names a month, a weekday or a year in a shape the rules do not know.
Sentences with no DATE entity and no time word cost one regular-expression search.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Literal

from spacy.tokens import Span

Precision = Literal["day", "week", "month", "year"]
_RANK: dict[str, int] = {"day": 0, "week": 1, "month": 2, "year": 3}

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(WEEKDAYS)
_NUM_RE = r"\d{1,3}|" + "|".join(NUMBERS)

#: Time words the NER may miss; a sentence without a DATE entity is only examined when one
#: of these occurs in it.
_TIME_WORDS = re.compile(
    rf"\b(?:{_WEEKDAY_RE}|yesterday|today|tonight|tomorrow|ago|"
    rf"(?:last|this|next|earlier this|later this|past)\s+(?:week|month|year|weekend)|"
    rf"(?:{_MONTH_RE})\.?\s+\d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_RE})\b|"
    rf"(?:in|since|during)\s+(?:(?:{_MONTH_RE})\.?\s+)?(?:19|20)\d\d)\b",
    re.IGNORECASE,
)

# Shapes, tried in order on one lower-cased expression.
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_DMY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?\b"
)
_MDY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")
_MY = re.compile(rf"\b({_MONTH_RE})\.?,?\s+(\d{{4}})\b")
_MONTH_ONLY = re.compile(rf"\b(?:(last|next|this|early|late|mid-?)\s+)?({_MONTH_RE})\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_DAY_WORDS = re.compile(
    r"\b(the day before yesterday|the day after tomorrow|yesterday|last night|today|tonight|"
    r"this (?:morning|afternoon|evening)|tomorrow)\b"
)
_AGO = re.compile(rf"\b({_NUM_RE})\s+(day|week|month|year)s?\s+(ago|earlier|later)\b")
_WEEKDAY = re.compile(rf"\b(?:(last|next|this|on|past)\s+)?({_WEEKDAY_RE})\b")
_EARLIER_THIS = re.compile(r"\b(?:earlier|later|early|late)?\s*this\s+(week|month|year)\b")
_PERIOD = re.compile(r"\b(last|next|past|previous|coming)\s+(week|weekend|month|year)\b")

_FUTURE = re.compile(r"\b(will|shall|'ll|is due|are due|is scheduled|are scheduled|"
                     r"is expected|are expected|plans? to|next)\b", re.IGNORECASE)  # fmt: skip
_PREPOSITIONS = {"in", "on", "at", "since", "during", "by", "from", "until", "before", "after"}

Resolved = tuple[dt.date, Precision]


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_shift(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    return dt.date(d.year + y, m + 1, 1)


def _nearest_year(month: int, day: int, anchor: dt.date | None, *, future: bool) -> int | None:
    """The year of a day/month with no year: the anchor's, moved back (or, in a future-tense
    sentence, forward) when that puts the date more than half a year away."""
    if anchor is None:
        return None
    candidate = _make(anchor.year, month, min(day, 28) if month == 2 else day)
    if candidate is None:
        return anchor.year
    delta = (candidate - anchor).days
    if delta > 183 and not future:
        return anchor.year - 1
    if delta < -183 and future:
        return anchor.year + 1
    return anchor.year


@lru_cache(maxsize=4096)
def resolve(expr: str, anchor: dt.date | None, *, future: bool = False) -> Resolved | None:
    """Resolve one time expression against ``anchor`` (the document date, may be None).

    Returns ``(date, precision)`` or None when the expression holds no date we can place.
    """
    s = " ".join(expr.lower().replace("’", "'").split())
    if not s:
        return None
    m = _ISO.search(s)
    if m:
        d = _make(int(m[1]), int(m[2]), int(m[3]))
        return (d, "day") if d else None
    for pattern, order in ((_DMY, "dmy"), (_MDY, "mdy")):
        m = pattern.search(s)
        if m:
            day, mon = (m[1], m[2]) if order == "dmy" else (m[2], m[1])
            month = MONTHS[mon]
            year = int(m[3]) if m[3] else _nearest_year(month, int(day), anchor, future=future)
            if year is not None:
                d = _make(year, month, int(day))
                if d is not None:
                    return d, "day"
    m = _MY.search(s)
    if m:
        return dt.date(int(m[2]), MONTHS[m[1]], 1), "month"
    if anchor is not None:
        rel = _relative(s, anchor, future=future)
        if rel is not None:
            return rel
    m = _YEAR.search(s)
    if m and not re.search(r"\b(?:19|20)\d\ds\b", s):  # "the 1990s" is not a year
        return dt.date(int(m[1]), 1, 1), "year"
    return None


def _relative(s: str, anchor: dt.date, *, future: bool) -> Resolved | None:
    m = _DAY_WORDS.search(s)
    if m:
        offsets = {"yesterday": -1, "last night": -1, "tomorrow": 1,
                   "the day before yesterday": -2, "the day after tomorrow": 2}  # fmt: skip
        return anchor + dt.timedelta(days=offsets.get(m[1], 0)), "day"
    m = _AGO.search(s)
    if m:
        n = int(m[1]) if m[1].isdigit() else NUMBERS[m[1]]
        sign = 1 if m[3] == "later" else -1
        unit = m[2]
        if unit == "day":
            return anchor + dt.timedelta(days=sign * n), "day"
        if unit == "week":
            d = anchor + dt.timedelta(weeks=sign * n)
            return d - dt.timedelta(days=d.weekday()), "week"
        if unit == "month":
            return _month_shift(anchor, sign * n), "month"
        return dt.date(anchor.year + sign * n, 1, 1), "year"
    m = _WEEKDAY.search(s)
    if m:
        qualifier, target = m[1], WEEKDAYS[m[2]]
        if qualifier == "next" or (qualifier in (None, "on", "this") and future):
            delta = (target - anchor.weekday()) % 7
            if qualifier == "next" and delta == 0:
                delta = 7
            return anchor + dt.timedelta(days=delta), "day"
        delta = (anchor.weekday() - target) % 7
        if qualifier in ("last", "past") and delta == 0:
            delta = 7
        return anchor - dt.timedelta(days=delta), "day"
    m = _PERIOD.search(s)
    if m:
        step = 1 if m[1] in ("next", "coming") else -1
        unit = m[2]
        if unit in ("week", "weekend"):
            monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=step)
            if unit == "weekend":
                return monday + dt.timedelta(days=5), "day"
            return monday, "week"
        if unit == "month":
            return _month_shift(anchor, step), "month"
        return dt.date(anchor.year + step, 1, 1), "year"
    m = _EARLIER_THIS.search(s)
    if m:
        unit = m[1]
        if unit == "week":
            return anchor - dt.timedelta(days=anchor.weekday()), "week"
        if unit == "month":
            return anchor.replace(day=1), "month"
        return dt.date(anchor.year, 1, 1), "year"
    m = _MONTH_ONLY.search(s)
    if m:
        month = MONTHS[m[2]]
        qualifier = m[1]
        if qualifier == "next":
            year = anchor.year + (1 if month <= anchor.month else 0)
        elif qualifier == "last":
            year = anchor.year - (1 if month >= anchor.month else 0)
        elif future:
            year = anchor.year + (1 if month < anchor.month else 0)
        else:
            year = anchor.year - (1 if month > anchor.month else 0)
        return dt.date(year, month, 1), "month"
    return None


def _dateparser(expr: str, anchor: dt.date | None) -> Resolved | None:
    """Last resort for a DATE entity in a shape the rules do not know (cached per anchor)."""
    return _dateparser_cached(expr, anchor)


@lru_cache(maxsize=2048)
def _dateparser_cached(expr: str, anchor: dt.date | None) -> Resolved | None:
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["year"]}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    parsed = dateparser.parse(expr, languages=["en"], settings=settings)
    if parsed is None:
        return None
    return parsed.date(), "day"


def _expressions(sent: Span, date_ents: list[Span]) -> list[tuple[str, str]]:
    """``(text to resolve, text to quote)`` for each time expression in the sentence."""
    out: list[tuple[str, str]] = []
    covered: list[tuple[int, int]] = []
    for ent in date_ents:
        if ent.root.dep_ in ("compound", "amod", "nummod") and ent.root.head.pos_ in (
            "NOUN", "PROPN"
        ) and ent.root.head.i >= ent.end:
            continue  # "the 2015 agreement": a name, not when this event happened
        quote = ent.text
        prev = ent.doc[ent.start - 1] if ent.start > sent.start else None
        if prev is not None and prev.lower_ in _PREPOSITIONS:
            quote = f"{prev.text} {ent.text}"
        out.append((ent.text, quote))
        covered.append((ent.start_char, ent.end_char))
    for m in _TIME_WORDS.finditer(sent.text):
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        if any(a < end and start < b for a, b in covered):
            continue
        out.append((m.group(0), m.group(0)))
    return out


def event_date(sent: Span, doc_date: dt.date | None) -> tuple[dt.date | None, str]:
    """The date of an event reported in ``sent``, and where it came from.

    The most precise time expression of the sentence that resolves wins (the first one on a
    tie); the source is ``"sentence:<precision>:'<expression>'"``. Without one, the document
    date with source ``"document"`` (or ``(None, "none")`` when there is no document date).
    """
    text = sent.text
    # (Span.ents builds every entity of the document: read it once)
    date_ents = [e for e in sent.ents if e.label_ == "DATE"]
    if not date_ents and not _TIME_WORDS.search(text):
        return (doc_date, "document") if doc_date is not None else (None, "none")
    future = bool(_FUTURE.search(text))
    best: tuple[Resolved, str] | None = None
    for expr, quote in _expressions(sent, date_ents):
        resolved = resolve(expr, doc_date, future=future)
        if resolved is None and re.search(
            rf"\b(?:{_MONTH_RE}|{_WEEKDAY_RE}|(?:19|20)\d\d)\b", expr, re.IGNORECASE
        ):
            resolved = _dateparser(expr, doc_date)
        if resolved is None:
            continue
        if best is None or _RANK[resolved[1]] < _RANK[best[0][1]]:
            best = (resolved, quote)
    if best is None:
        return (doc_date, "document") if doc_date is not None else (None, "none")
    (date, precision), quote = best
    return date, f"sentence:{precision}:'{quote}'"


__all__ = ["event_date", "resolve"]
