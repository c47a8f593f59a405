from __future__ import annotations

import hashlib

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from parley.config import Settings
from parley.models import DocStatus, Document, OffsetMap
from parley.pipeline import Pipeline


def _document(doc_id: str, text: str, *, status: DocStatus = DocStatus.pending) -> Document:
    return Document(
        doc_id=doc_id, content_hash=hashlib.sha256(text.encode()).hexdigest(), source="t",
        raw_text=text, text=text, offsets=OffsetMap.identity(len(text)), status=status,
        status_reason="language 'fr' is not coded" if status == DocStatus.not_coded else None,
    )


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings(batch_size=2))


def test_documents_come_back_in_order_with_sentences(pipeline: Pipeline) -> None:
    docs = [
        _document("a", "Russia offered to mediate. Pakistan welcomed the offer."),
        _document("b", "Bonjour tout le monde.", status=DocStatus.not_coded),
        _document("c", "Kenya and Uganda signed a trade deal."),
    ]
    results = list(pipeline.process(docs))
    assert [r.document.doc_id for r in results] == ["a", "b", "c"]
    assert [r.document.status for r in results] == [
        DocStatus.coded, DocStatus.not_coded, DocStatus.coded]
    assert results[1].document.status_reason == "language 'fr' is not coded"
    first = results[0]
    assert [s.text for s in first.sentences] == [
        "Russia offered to mediate.", "Pakistan welcomed the offer."]
    for s in first.sentences:
        assert docs[0].text[s.start:s.end] == s.text


def test_a_failing_document_is_isolated(pipeline: Pipeline) -> None:
    name = "test_fail_on_marker"
    if name not in Language.factories:
        @Language.component(name)
        def _fail(doc: Doc) -> Doc:
            if "EXPLODE" in doc.text:
                raise RuntimeError("boom")
            return doc

    nlp = pipeline.nlp
    nlp.add_pipe(name, first=True)
    try:
        results = list(pipeline.process([_document("ok", "Kenya met Uganda."),
                                         _document("bad", "EXPLODE now.")]))
    finally:
        nlp.remove_pipe(name)
    assert results[0].document.status == DocStatus.coded
    assert results[1].document.status == DocStatus.failed
    assert "RuntimeError: boom" in (results[1].document.status_reason or "")


def test_versions_are_known(pipeline: Pipeline) -> None:
    assert pipeline.coder_version
    assert pipeline.dictionary_version
    assert "core_web_sm" in pipeline.model_name
