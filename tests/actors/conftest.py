"""Fixtures for the actor tests: one parsed pipeline, documents made with a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from parley.nlp import make_doc


@pytest.fixture(scope="session")
def annotate(nlp: Language) -> Callable[..., Doc]:
    def run(text: str, *, date: dt.date | None = dt.date(2025, 11, 17),
            place: str | None = None) -> Doc:
        doc = make_doc(nlp, text, doc_id="t", date=date, place=place)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
            if _ == "parley_actors":
                break
        return doc

    return run
