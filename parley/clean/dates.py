"""Dates: absolute dates in datelines and metadata, and relative expressions in sentences.

``parse_date`` handles the formats news uses (``17 Nov 2025``, ``Nov. 17, 2025``,
``2025-11-17``, ``17/11/2025``) without dateparser (fast and predictable), falling back to
dateparser for the rest. ``resolve_relative_date`` turns "yesterday", "last Tuesday",
"earlier this month", "two days ago"... into a date, given the document date as the anchor.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3,
    "a few": 3, "few": 3, "a couple of": 2, "couple of": 2,
}

_MONTH = r"(?P<mon>[A-Za-z]{3,9})\.?"
_DMY = re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<y>\d{4})")
_MDY = re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})")
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
_NUMERIC = re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})")
_MY = re.compile(_MONTH + r",?\s+(?P<y>\d{4})")


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_date(text: str, *, use_dateparser: bool = True) -> dt.date | None:
    """An absolute date in ``text`` (a dateline date, a metadata value), else None.

    Numeric ``a/b/yyyy`` is read day-first unless the first number is over 12 ... or the
    second is (then month-first). Text with no year gives None.
    """
    s = text.strip()
    if not s:
        return None
    m = _ISO.fullmatch(s[:10]) if len(s) >= 8 else None
    if m:
        return _make(int(m["y"]), int(m["m"]), int(m["d"]))
    for pattern in (_DMY, _MDY):
        m = pattern.search(s)
        if m and m["mon"].lower() in MONTHS:
            return _make(int(m["y"]), MONTHS[m["mon"].lower()], int(m["d"]))
    m = _NUMERIC.search(s)
    if m:
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        return _make(y, a, b) if b > 12 else _make(y, b, a)
    m = _ISO.search(s)
    if m:
        return _make(int(m["y"]), int(m["m"]), int(m["d"]))
    if not use_dateparser or not re.search(r"\d{4}", s):
        return None
    import dateparser

    parsed = dateparser.parse(
        s, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed is not None else None


def parse_iso_date(value: object) -> dt.date | None:
    """A metadata value (``2025-11-17``, ``2025-11-17T08:00:00Z``, a date) as a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    s = value.strip()
    m = _ISO.match(s)
    if m:
        return _make(int(m["y"]), int(m["m"]), int(m["d"]))
    return parse_date(s, use_dateparser=False)


_REL_DAY = re.compile(r"\b(today|tonight|this morning|this afternoon|this evening|yesterday|"
                      r"last night|tomorrow|the day before yesterday|the day after tomorrow)\b")
_REL_WEEKDAY = re.compile(r"\b(?:(last|this|next|on|past)\s+)?(" + "|".join(
    sorted(WEEKDAYS, key=len, reverse=True)) + r")\b")
_REL_AGO = re.compile(r"\b(\d+|a couple of|couple of|a few|few|several|an?|one|two|three|four|"
                      r"five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month|year)s?"
                      r"\s+(ago|earlier|before|later|from now|hence)\b")
_REL_PERIOD = re.compile(r"\b(earlier|later|early|late|this|last|next|previous|past|"
                         r"coming|the previous|the following|the next)\s+(?:this\s+)?"
                         r"(week|month|year|weekend)\b")
_REL_EARLIER_THIS = re.compile(r"\b(earlier|later) this (week|month|year)\b")
_REL_MONTH = re.compile(r"\b(?:(last|this|next|in|on|early|late|mid-?)\s+)?(" + "|".join(
    sorted((k for k in MONTHS if len(k) > 3 or k == "may"), key=len, reverse=True)) + r")"
    r"(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?\b")


def _month_shift(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    day = min(d.day, [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
                      31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])
    return dt.date(year, month, day)


def resolve_relative_date(expr: str, anchor: dt.date) -> dt.date | None:
    """The date a relative expression refers to, counted from ``anchor`` (the document date).

    Periods resolve to their start ("last month" -> the 1st of the previous month, "earlier
    this month" -> the 1st of the anchor's month, "last week" -> the Monday of the previous
    week). A bare weekday ("on Tuesday", "last Tuesday") is the latest such day before the
    anchor; "next Tuesday" the first after it. Absolute dates in ``expr`` are parsed too.
    Returns None when ``expr`` holds no date expression.
    """
    s = " ".join(expr.lower().replace("’", "'").split())
    if not s:
        return None
    m = _REL_DAY.search(s)
    if m:
        word = m.group(1)
        offsets = {"yesterday": -1, "last night": -1, "tomorrow": 1,
                   "the day before yesterday": -2, "the day after tomorrow": 2}
        return anchor + dt.timedelta(days=offsets.get(word, 0))
    m = _REL_AGO.search(s)
    if m:
        count_word, unit, direction = m.groups()
        n = int(count_word) if count_word.isdigit() else NUMBERS.get(count_word, 1)
        sign = 1 if direction in ("later", "from now", "hence") else -1
        if unit == "day":
            return anchor + dt.timedelta(days=sign * n)
        if unit == "week":
            return anchor + dt.timedelta(weeks=sign * n)
        if unit == "month":
            return _month_shift(anchor, sign * n)
        return _month_shift(anchor, sign * 12 * n)
    m = _REL_EARLIER_THIS.search(s)
    if m:
        unit = m.group(2)
        if unit == "week":
            return anchor - dt.timedelta(days=anchor.weekday())
        if unit == "month":
            return anchor.replace(day=1)
        return dt.date(anchor.year, 1, 1)
    absolute = parse_date(s, use_dateparser=False)
    if absolute is not None:
        return absolute
    m = _REL_WEEKDAY.search(s)
    if m and not re.search(r"\b(week|month|year)\b", s[m.end():m.end() + 8]):
        qualifier, day = m.groups()
        target = WEEKDAYS[day]
        if qualifier == "next":
            delta = (target - anchor.weekday()) % 7 or 7
            return anchor + dt.timedelta(days=delta)
        if qualifier == "this":
            return anchor + dt.timedelta(days=target - anchor.weekday())
        delta = (anchor.weekday() - target) % 7 or 7
        if qualifier is None or qualifier == "on":
            delta = (anchor.weekday() - target) % 7
        return anchor - dt.timedelta(days=delta)
    m = _REL_PERIOD.search(s)
    if m:
        qualifier, unit = m.groups()
        step = {"last": -1, "previous": -1, "past": -1, "the previous": -1, "next": 1,
                "coming": 1, "the following": 1, "the next": 1}.get(qualifier, 0)
        if unit in ("week", "weekend"):
            monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=step)
            return monday + dt.timedelta(days=5) if unit == "weekend" else monday
        if unit == "month":
            return _month_shift(anchor.replace(day=1), step)
        return dt.date(anchor.year + step, 1, 1)
    m = _REL_MONTH.search(s)
    if m:
        qualifier, month_word, day = m.groups()
        month = MONTHS[month_word]
        if qualifier == "next":
            year = anchor.year + (1 if month <= anchor.month else 0)
        else:
            year = anchor.year - (1 if month > anchor.month else 0)
        return _make(year, month, int(day) if day else 1)
    return None


__all__ = ["parse_date", "parse_iso_date", "resolve_relative_date"]
