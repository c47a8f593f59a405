"""Event dates: the sentence's own time expressions, resolved against the document date."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Span

from parley.events.dates import event_date, resolve

DOC_DATE = dt.date(2024, 3, 7)  # a Thursday


def _sent(nlp: Language, text: str) -> Span:
    doc = nlp(text, disable=["parley_actors", "parley_events"])
    return next(iter(doc.sents))


@pytest.mark.parametrize(
    ("text", "expected", "source"),
    [
        ("The group attacked the base in 2021.", dt.date(2021, 1, 1),
         "sentence:year:'in 2021'"),
        ("Troops shelled the town last Tuesday.", dt.date(2024, 3, 5),
         "sentence:day:'last Tuesday'"),
        ("Ministers met on Monday in Brussels.", dt.date(2024, 3, 4),
         "sentence:day:'on Monday'"),
        ("The talks collapsed earlier this month.", dt.date(2024, 3, 1),
         "sentence:month:'earlier this month'"),
        ("Police arrested 12 people on 15 November.", dt.date(2023, 11, 15),
         "sentence:day:'on 15 November'"),
        ("Rebels seized the town yesterday, officials said.", dt.date(2024, 3, 6),
         "sentence:day:'yesterday'"),
        ("The army withdrew last week.", dt.date(2024, 2, 26), "sentence:week:'last week'"),
        ("The deal was signed on November 15, 2021.", dt.date(2021, 11, 15),
         "sentence:day:'on November 15, 2021'"),
        ("Leaders will meet on Friday.", dt.date(2024, 3, 8), "sentence:day:'on Friday'"),
        ("Protesters marched through the capital.", DOC_DATE, "document"),
        ("The 2015 agreement was signed by both sides.", DOC_DATE, "document"),
    ],
)  # fmt: skip
def test_event_date(nlp: Language, text: str, expected: dt.date, source: str) -> None:
    assert event_date(_sent(nlp, text), DOC_DATE) == (expected, source)


def test_without_document_date(nlp: Language) -> None:
    assert event_date(_sent(nlp, "Troops shelled the town last Tuesday."), None) == (None, "none")
    # an absolute year needs no anchor
    assert event_date(_sent(nlp, "The group attacked the base in 2021."), None) == (
        dt.date(2021, 1, 1), "sentence:year:'in 2021'")


def test_most_precise_expression_wins(nlp: Language) -> None:
    sent = _sent(nlp, "In 2023 the rebels, who had fought since 2019, attacked on 3 March.")
    assert event_date(sent, DOC_DATE) == (dt.date(2024, 3, 3), "sentence:day:'on 3 March'")


@pytest.mark.parametrize(
    ("expr", "anchor", "expected"),
    [
        ("last Tuesday", dt.date(2024, 3, 5), (dt.date(2024, 2, 27), "day")),  # a Tuesday
        ("on Tuesday", dt.date(2024, 3, 5), (dt.date(2024, 3, 5), "day")),
        ("two weeks ago", DOC_DATE, (dt.date(2024, 2, 19), "week")),
        ("three days ago", DOC_DATE, (dt.date(2024, 3, 4), "day")),
        ("last month", DOC_DATE, (dt.date(2024, 2, 1), "month")),
        ("last year", DOC_DATE, (dt.date(2023, 1, 1), "year")),
        ("in May", DOC_DATE, (dt.date(2023, 5, 1), "month")),
        ("in January", DOC_DATE, (dt.date(2024, 1, 1), "month")),
        ("28 December", dt.date(2024, 1, 2), (dt.date(2023, 12, 28), "day")),
        ("November 2021", DOC_DATE, (dt.date(2021, 11, 1), "month")),
        ("2022-04-09", None, (dt.date(2022, 4, 9), "day")),
        ("the 1990s", DOC_DATE, None),
        ("three years", DOC_DATE, None),
    ],
)  # fmt: skip
def test_resolve(expr: str, anchor: dt.date | None, expected: object) -> None:
    assert resolve(expr, anchor) == expected


def test_resolve_future_tense_moves_forward() -> None:
    assert resolve("in January", dt.date(2024, 11, 20), future=True) == (
        dt.date(2025, 1, 1), "month")
    assert resolve("next Thursday", DOC_DATE) == (dt.date(2024, 3, 14), "day")
