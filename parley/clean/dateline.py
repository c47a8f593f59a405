"""Datelines: ``ISLAMABAD, 17 Nov 2025:``, ``KABUL, Afghanistan (Reuters) -``, ``ISLAMABAD:``.

A dateline opens the first content line of a story: a place in capitals (or a capitalised place
followed by a date or an agency), an optional date, an optional ``(Agency)`` and a separator
(``:``, ``-``, ``--``, ``–``, ``—``). The place is stripped before the date is parsed (dateparser
returns None on a whole dateline).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from .dates import parse_date

_UPPER_PLACE = r"[A-Z][A-Z'’.\-]+(?:[ ][A-Z][A-Z'’.\-]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-z'’.\-]+(?:[ ][A-Z][a-z'’.\-]+){0,2}"
_REGION = r"(?:,[ ]*[A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+){0,2})"
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = (
    r"(?:(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?[ ]+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?[ ]+" + _MON + r"(?:,?[ ]+\d{4})?"
    r"|" + _MON + r"[ ]+\d{1,2}(?:st|nd|rd|th)?(?:,?[ ]+\d{4})?"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}))"
)
_AGENCY = r"(?:\((?:[A-Z][\w.&' ]{1,30})\))"
_SEP = r"(?:[ ]*(?::|--|–|—|-)[ ]*)"

_DATELINE = re.compile(
    r"(?P<place>" + _UPPER_PLACE + r")(?P<region>" + _REGION + r")?"
    r"(?:,?[ ]*(?P<date>" + _DATE + r"))?"
    r"(?:[ ]*(?P<agency>" + _AGENCY + r"))?" + _SEP
)
_DATELINE_TITLE = re.compile(
    r"(?P<place>" + _TITLE_PLACE + r")(?P<region>" + _REGION + r")?"
    r"(?:(?:,?[ ]*(?P<date>" + _DATE + r"))(?:[ ]*(?P<agency>" + _AGENCY + r"))?"
    r"|[ ]*(?P<agency2>" + _AGENCY + r"))" + _SEP
)
_SENTENCE = re.compile(r"[\"'“‘(]?[A-Z][a-z]+(?:[ ,'’]|\Z)|[\"'“‘(]?(?:A|I) [a-z]")
_NOT_PLACES = frozenset({"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "NOTE", "EDITOR", "WATCH",
                         "LIVE", "OPINION", "ANALYSIS", "FACTBOX", "SOURCE", "SOURCES", "PHOTO",
                         "VIDEO", "Q", "A", "I", "UPDATE 1", "UPDATE 2", "CORRECTED"})


class DatelineMatch(NamedTuple):
    end: int  # end of the dateline in the line (separator and spaces included)
    place: str | None
    date: dt.date | None
    date_text: str | None


def _place_name(raw: str) -> str:
    words = raw.replace("’", "'").split()
    out = []
    for w in words:
        if w.isupper() and len(w) > 1 and "." not in w:
            out.append("-".join(p.capitalize() for p in w.split("-")))
        else:
            out.append(w)
    return " ".join(out)


def match_dateline(line: str) -> DatelineMatch | None:
    """The dateline at the start of ``line``, or None."""
    m = _DATELINE.match(line)
    if m is None or m["place"].strip() in _NOT_PLACES:
        m = _DATELINE_TITLE.match(line)
        if m is None:
            return None
    place_raw = m["place"].strip()
    if place_raw in _NOT_PLACES or len(place_raw) < 2:
        return None
    rest = line[m.end():]
    # the separator must be followed by the story (or the line may end: dateline alone)
    if rest and not (rest[0].isalnum() or rest[0] in "\"'“‘("):
        return None
    sep = line[m.start("place"):m.end()]
    if "-" in sep[len(place_raw):] and ":" not in sep and " " not in line[m.end() - 2:m.end()] \
            and m["date"] is None and m["agency"] is None:
        return None  # "ISLAMABAD-based" is a word, not a dateline
    if m["date"] is None and m["agency"] is None and not _SENTENCE.match(rest):
        return None  # a bare place must open a sentence: not "LEAD - 1550 tonnes", "YEAR -"
    date_text = m["date"]
    date = parse_date(date_text, use_dateparser=False) if date_text else None
    return DatelineMatch(end=m.end(), place=_place_name(place_raw), date=date,
                         date_text=date_text)


__all__ = ["DatelineMatch", "match_dateline"]
