"""prepare(): RawDocument -> Document."""

from __future__ import annotations

import datetime as dt

from parley.clean import prepare
from parley.config import Settings
from parley.models import DocStatus, RawDocument

SETTINGS = Settings()


def raw_doc(text: str, **kw: object) -> RawDocument:
    data = text.encode()
    fields: dict[str, object] = {"raw": data, "text": text, "content_hash": "h" * 64,
                                 "source": "/tmp/news/story-1.txt"}
    fields.update(kw)
    return RawDocument.model_validate(fields)


def test_dateline_fills_date_and_place() -> None:
    doc = prepare(raw_doc("KABUL, 3 March 2024: Officials said the talks would resume soon "
                          "after the holiday, and that both sides had agreed."), settings=SETTINGS)
    assert doc.doc_id == "story-1"
    assert (doc.place, doc.date, doc.date_source) == ("Kabul", dt.date(2024, 3, 3), "dateline")
    assert doc.status == DocStatus.pending and doc.language == "en"
    assert doc.text.startswith("Officials said")
    assert doc.raw_text.startswith("KABUL")


def test_metadata_date_wins_over_dateline() -> None:
    doc = prepare(raw_doc("KABUL, 3 March 2024: Officials said the talks would resume.",
                          date=dt.date(2024, 3, 4), date_source="metadata", external_id="x9"),
                  settings=SETTINGS)
    assert (doc.doc_id, doc.date, doc.date_source, doc.place) == (
        "x9", dt.date(2024, 3, 4), "metadata", "Kabul")


def test_other_languages_are_not_coded_but_kept() -> None:
    text = ("Le gouvernement a proposé des négociations à l'opposition lundi, a indiqué le "
            "ministère dans un communiqué publié à Paris.")
    doc = prepare(raw_doc(text), settings=SETTINGS)
    assert doc.status == DocStatus.not_coded and doc.language == "fr"
    assert doc.status_reason is not None and "'fr'" in doc.status_reason
    assert doc.text == text
    coded = prepare(raw_doc(text), settings=Settings(languages="en,fr"))
    assert coded.status == DocStatus.pending


def test_empty_after_repair_is_not_coded() -> None:
    doc = prepare(raw_doc("Comments\nPost a Comment\nShare this article"), settings=SETTINGS)
    assert doc.status == DocStatus.not_coded and doc.text == ""
    assert doc.status_reason is not None and "empty" in doc.status_reason
    assert len(doc.removed) == 3


def test_url_documents_get_a_slug_id() -> None:
    doc = prepare(raw_doc("Talks began in Doha on Monday between the two delegations.",
                          source="https://news.example.org/world/talks-begin?id=4"),
                  settings=SETTINGS)
    assert doc.doc_id == "news.example.org-world-talks-begin-id-4"
