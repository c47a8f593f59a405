"""Relative and absolute dates."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.clean import parse_date, resolve_relative_date

ANCHOR = dt.date(2025, 11, 19)  # a Wednesday


@pytest.mark.parametrize(("expr", "expected"), [
    ("yesterday", dt.date(2025, 11, 18)),
    ("today", ANCHOR),
    ("on Tuesday", dt.date(2025, 11, 18)),
    ("last Tuesday", dt.date(2025, 11, 18)),
    ("last Wednesday", dt.date(2025, 11, 12)),
    ("on Friday", dt.date(2025, 11, 14)),
    ("next Monday", dt.date(2025, 11, 24)),
    ("earlier this month", dt.date(2025, 11, 1)),
    ("earlier this week", dt.date(2025, 11, 17)),
    ("last month", dt.date(2025, 10, 1)),
    ("last week", dt.date(2025, 11, 10)),
    ("last year", dt.date(2024, 1, 1)),
    ("two days ago", dt.date(2025, 11, 17)),
    ("3 weeks ago", dt.date(2025, 10, 29)),
    ("in March", dt.date(2025, 3, 1)),
    ("in December", dt.date(2024, 12, 1)),
    ("on November 2", dt.date(2025, 11, 2)),
    ("on 17 Nov 2021", dt.date(2021, 11, 17)),
])
def test_resolve_relative_date(expr: str, expected: dt.date) -> None:
    assert resolve_relative_date(expr, ANCHOR) == expected


@pytest.mark.parametrize("expr", ["", "the talks", "soon", "a week of fighting"])
def test_no_date(expr: str) -> None:
    assert resolve_relative_date(expr, ANCHOR) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("17 Nov 2025", dt.date(2025, 11, 17)),
    ("Nov. 17, 2025", dt.date(2025, 11, 17)),
    ("2025-11-17T08:00:00Z", dt.date(2025, 11, 17)),
    ("17/11/2025", dt.date(2025, 11, 17)),
    ("Monday, 17th of November 2025", dt.date(2025, 11, 17)),
    ("Nov 17", None),
    ("31 Feb 2025", None),
])
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text, use_dateparser=False) == expected
