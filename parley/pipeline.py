"""Orchestration: raw documents -> repaired documents -> annotated, coded documents.

Used by the CLI (`parley run`, `parley code`, `parley extract`), and written so the batch
runner and the API call the same code. No database here: storing is the caller's business.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .config import Settings
from .models import DocStatus, Document, Event, ProcessedDocument, RawDocument, Sentence
from .nlp import load_pipeline, make_doc


class Pipeline:
    """The processing pipeline for one set of settings. The spaCy model loads on first use."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        self._nlp: Language | None = None

    # ------------------------------------------------------------------ parts

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(
                self.settings.spacy_model, component_config=self.component_config()
            )
        return self._nlp

    def component_config(self) -> dict[str, dict[str, Any]]:
        config: dict[str, dict[str, Any]] = {}
        dictionaries = [str(p) for p in self.settings.path_list("dictionaries")]
        lexicons = [str(p) for p in self.settings.path_list("lexicons")]
        if dictionaries:
            config["parley_actors"] = {"dictionaries": dictionaries}
        if lexicons:
            config["parley_events"] = {"lexicons": lexicons}
        return config

    @property
    def coder_version(self) -> str:
        from .events import CODER_VERSION

        return CODER_VERSION

    @property
    def dictionary_version(self) -> str:
        """The version of the dictionaries and lexicon the loaded coder uses."""
        coder = self.nlp.get_pipe("parley_events")
        version = getattr(coder, "dictionary_version", None)
        return str(version) if version else "unversioned"

    @property
    def model_name(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"

    # ------------------------------------------------------------------ stages

    def prepare(self, raw: RawDocument) -> Document:
        """Repair a raw document and fill its metadata (date, place, language)."""
        from .clean import prepare

        return prepare(raw, settings=self.settings)

    def process(
        self,
        documents: Iterable[Document],
        *,
        on_done: Callable[[ProcessedDocument], None] | None = None,
    ) -> Iterator[ProcessedDocument]:
        """Annotate and code ``documents`` in batches; yields results in input order.

        Documents already marked ``not_coded`` (wrong language, empty) pass through with their
        reason. A document that makes a component fail is yielded with status ``failed`` and
        the error as its reason; the others in its batch are still coded.
        """
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= self.settings.batch_size:
                yield from self._process_batch(batch, on_done)
                batch = []
        if batch:
            yield from self._process_batch(batch, on_done)

    def _process_batch(
        self,
        batch: list[Document],
        on_done: Callable[[ProcessedDocument], None] | None,
    ) -> Iterator[ProcessedDocument]:
        codable = [d for d in batch if d.status != DocStatus.not_coded]
        results: dict[int, ProcessedDocument] = {}
        if codable:
            docs = [self._make_doc(d) for d in codable]
            try:
                annotated = list(self.nlp.pipe(docs, batch_size=self.settings.batch_size))
                for document, doc in zip(codable, annotated, strict=True):
                    results[id(document)] = self._result(document, doc)
            except Exception:  # noqa: BLE001 - isolate the failing document, below
                for document in codable:
                    results[id(document)] = self._process_one(document)
        for document in batch:
            result = results.get(id(document)) or ProcessedDocument(document=document)
            if on_done is not None:
                on_done(result)
            yield result

    def _process_one(self, document: Document) -> ProcessedDocument:
        try:
            doc = self.nlp(self._make_doc(document))
        except Exception as exc:  # noqa: BLE001 - recorded on the document, never silent
            failed = document.model_copy(
                update={
                    "status": DocStatus.failed,
                    "status_reason": f"annotation failed: {type(exc).__name__}: {exc}",
                }
            )
            return ProcessedDocument(document=failed)
        return self._result(document, doc)

    def _make_doc(self, document: Document) -> Doc:
        return make_doc(
            self.nlp,
            document.text,
            doc_id=document.doc_id,
            date=document.date,
            place=document.place,
        )

    def _result(self, document: Document, doc: Doc) -> ProcessedDocument:
        sentences = [
            Sentence(
                doc_id=document.doc_id,
                index=i,
                start=sent.start_char,
                end=sent.end_char,
                text=sent.text,
            )
            for i, sent in enumerate(doc.sents)
        ]
        events = [_with_raw_offsets(e, document) for e in (doc._.parley_events or [])]
        if self.settings.min_confidence > 0:
            events = [e for e in events if e.confidence >= self.settings.min_confidence]
        mentions = [
            m.model_copy(update={"doc_id": document.doc_id})
            for m in (doc._.parley_mentions or [])
        ]
        coded = document.model_copy(update={"status": DocStatus.coded, "status_reason": None})
        return ProcessedDocument(
            document=coded, sentences=sentences, mentions=mentions, events=events
        )




def _with_raw_offsets(event: Event, document: Document) -> Event:
    """Fill ``text_info.raw_start/raw_end``: where the sentence lies in the raw text."""
    info = event.text_info
    if info.raw_start is not None:
        return event
    raw_start, raw_end = document.offsets.span_to_raw(info.start, info.end)
    info = info.model_copy(update={"raw_start": raw_start, "raw_end": raw_end})
    return event.model_copy(update={"text_info": info})


def code_text(
    text: str,
    *,
    doc_id: str = "text",
    date: dt.date | None = None,
    settings: Settings | None = None,
) -> list[Event]:
    """Repair and code one text; returns its events. The quickest way in from Python."""
    import hashlib

    data = text.encode("utf-8")
    raw = RawDocument(
        external_id=doc_id, raw=data, text=text,
        content_hash=hashlib.sha256(data).hexdigest(), source="<text>", date=date,
        date_source="argument" if date else None,
    )
    pipeline = _default_pipeline(settings)
    (result,) = pipeline.process([pipeline.prepare(raw)])
    return list(result.events)


_PIPELINES: dict[str, Pipeline] = {}


def _default_pipeline(settings: Settings | None) -> Pipeline:
    cfg = settings or Settings.load()
    key = cfg.model_dump_json()
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(cfg)
    return _PIPELINES[key]


__all__ = ["Pipeline", "code_text"]
