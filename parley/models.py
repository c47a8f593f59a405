"""Data passed between pipeline stages.

ingest -> :class:`RawDocument` -> clean -> :class:`Document` (with :class:`OffsetMap`)
-> nlp (spaCy ``Doc``) -> actors (:class:`ActorMention`) -> events (:class:`Event`)
-> store / export.

Every model here is a pydantic v2 model so that it serialises to JSON the same way in the
CLI, the API and the exports. Offsets are *character* offsets into the named text:
``Document.text`` (clean) unless a field says ``raw``.
"""

from __future__ import annotations

import bisect
import datetime as dt
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


# --------------------------------------------------------------------------- ingest


class RawDocument(_Model):
    """One document as it arrived, before any repair.

    ``raw`` keeps the exact bytes (for a JSONL line: the UTF-8 bytes of its ``text`` value; for
    HTML and WARC: the HTML bytes). ``text`` is the decoded text that repair starts from (for
    HTML: the main text trafilatura extracted).
    """

    external_id: str | None = None
    raw: bytes
    text: str
    content_hash: str
    source: str
    source_line: int | None = None
    format: str = "text"
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: dt.date | None = None
    date_source: str | None = None
    language: str | None = None
    extra: dict[str, Any] = Field(default_factory=dict)


class OffsetMap(_Model):
    """Maps offsets in the clean text back to offsets in the raw text.

    ``segments`` is a sorted list of ``(clean_start, raw_start, length)``: clean characters
    ``clean_start .. clean_start+length`` copy raw characters ``raw_start ..``. A clean character
    in no segment was inserted by the repair (a space between glued words, a replaced quote);
    it maps to the raw position of the next segment (or the end of the raw text).
    """

    segments: list[tuple[int, int, int]] = Field(default_factory=list)
    clean_length: int = 0
    raw_length: int = 0

    _starts: list[int] | None = PrivateAttr(default=None)

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(segments=[(0, 0, length)] if length else [], clean_length=length,
                   raw_length=length)

    def _segment_index(self, clean_offset: int) -> int:
        """Index of the last segment starting at or before ``clean_offset`` (-1 if none)."""
        starts = self._starts
        if starts is None or len(starts) != len(self.segments):
            starts = [seg[0] for seg in self.segments]
            self._starts = starts
        return bisect.bisect_right(starts, clean_offset) - 1

    def to_raw(self, clean_offset: int) -> int:
        """Raw offset of the clean character at ``clean_offset`` (or of the end, for ``len``).

        A character the repair inserted maps to the raw start of the next segment (the raw end
        of the last segment when none follows). ``clean_length`` maps to the raw end of the
        last segment.
        """
        if clean_offset < 0 or clean_offset > self.clean_length:
            raise IndexError(f"clean offset {clean_offset} outside 0..{self.clean_length}")
        if not self.segments:
            return 0
        if clean_offset == self.clean_length:
            c0, r0, n = self.segments[-1]
            return r0 + n
        i = self._segment_index(clean_offset)
        if i >= 0:
            c0, r0, n = self.segments[i]
            if clean_offset < c0 + n:
                return r0 + (clean_offset - c0)
        if i + 1 < len(self.segments):
            return self.segments[i + 1][1]
        c0, r0, n = self.segments[-1]
        return r0 + n

    def is_inserted(self, clean_offset: int) -> bool:
        """True when the clean character at ``clean_offset`` has no raw counterpart."""
        if clean_offset < 0 or clean_offset >= self.clean_length:
            raise IndexError(f"clean offset {clean_offset} outside 0..{self.clean_length - 1}")
        i = self._segment_index(clean_offset)
        if i < 0:
            return True
        c0, _r0, n = self.segments[i]
        return clean_offset >= c0 + n

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` covering the clean span ``start:end``."""
        if end <= start:
            r = self.to_raw(start)
            return r, r
        raw_start = self.to_raw(start)
        last = end - 1
        while last > start and self.is_inserted(last):
            last -= 1
        raw_end = self.to_raw(last) + 1 if not self.is_inserted(last) else self.to_raw(end)
        return raw_start, max(raw_start, raw_end)


class RemovedSpan(_Model):
    """Text the repair took out of the clean text, kept for inspection (``parley show --raw``)."""

    raw_start: int
    raw_end: int
    text: str
    reason: str  # "boilerplate:comments", "dateline", "source-line", ...


class Dateline(_Model):
    place: str | None = None
    date: dt.date | None = None
    raw_start: int = 0
    raw_end: int = 0


class RepairResult(_Model):
    """What the clean stage returns: clean text, the way back to raw, and what it took out."""

    text: str
    offsets: OffsetMap
    removed: list[RemovedSpan] = Field(default_factory=list)
    dateline: Dateline | None = None
    cited_sources: list[str] = Field(default_factory=list)
    changes: dict[str, int] = Field(default_factory=dict)  # kind of repair -> count


class DocStatus(StrEnum):
    pending = "pending"
    coded = "coded"
    not_coded = "not_coded"
    failed = "failed"


class Document(_Model):
    """A repaired document ready for annotation (and as stored)."""

    doc_id: str
    content_hash: str
    source: str
    source_line: int | None = None
    format: str = "text"
    raw_text: str
    text: str
    offsets: OffsetMap
    removed: list[RemovedSpan] = Field(default_factory=list)
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: dt.date | None = None
    date_source: str | None = None
    place: str | None = None
    language: str | None = None
    cited_sources: list[str] = Field(default_factory=list)
    status: DocStatus = DocStatus.pending
    status_reason: str | None = None


# --------------------------------------------------------------------------- annotation


class Sentence(_Model):
    doc_id: str
    index: int
    start: int
    end: int
    text: str


class Actor(_Model):
    """A resolved actor: who an entity mention refers to.

    ``code`` is the country (ISO 3166 alpha-3) or organisation code (``IGOUNO``, ``NATO``...);
    ``sector`` the PLOVER sector (GOV, MIL, REB, INS, IGO, NGO, CVL, MED, BUS, EDU, COP, ...);
    ``cameo`` the full CAMEO actor code (``RUSGOV``, ``PAKREB``, ``IGOUNO``).
    """

    code: str | None = None
    sector: str | None = None
    cameo: str | None = None
    name: str | None = None
    kind: Literal["country", "igo", "ngo", "group", "person", "other"] = "country"
    person: str | None = None  # a named person, when the actor is one
    role: str | None = None  # their role, e.g. "spokesperson", "expert"
    affiliation: str | None = None


class ActorMention(_Model):
    """A stretch of the clean text that names (or refers to) an actor."""

    doc_id: str | None = None
    sentence: int | None = None
    start: int
    end: int
    text: str
    actor: Actor | None = None  # None when unresolved
    rule: str | None = None  # which rule or dictionary entry resolved it
    antecedent: str | None = None  # for coreference: the text it points back to

    @property
    def resolved(self) -> bool:
        return self.actor is not None and self.actor.code is not None


class ActorRef(_Model):
    """An actor as it appears on an event (the ``actor`` / ``recipient`` lists of extract)."""

    entity_text: str
    code: str | None = None
    sector: str | None = None
    cameo: str | None = None
    name: str | None = None
    kind: str | None = None
    start: int | None = None
    end: int | None = None
    rule: str | None = None


class Location(_Model):
    name: str
    country: str | None = None  # ISO3
    lat: float | None = None
    lon: float | None = None
    precision: Literal["point", "city", "admin1", "country", "region", "unknown"] = "unknown"
    geonameid: int | None = None
    source: str | None = None  # gazetteer entry that resolved it


class TextInfo(_Model):
    sentence: str
    start: int  # clean-text offsets of the sentence in Document.text
    end: int
    raw_start: int | None = None  # the same sentence in the raw text
    raw_end: int | None = None
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None


class Event(_Model):
    """One coded event. Field names follow the ``parley extract`` JSONL contract."""

    id: str
    doc_id: str
    date: dt.date | None = None
    date_source: str | None = None  # "sentence:'in 2021'", "document", ...
    event: str  # PLOVER type
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    cameo: str  # CAMEO code as a string, e.g. "039"
    quad_class: int  # 0 public statement (CAMEO 01), 1..4 per CAMEO QuadClass (02-05 ...)
    penta_class: int | None = None  # Phoenix convention: 0 = 01-02, 3 includes 16 (see docs)
    goldstein: float
    actor: list[ActorRef] = Field(default_factory=list)
    recipient: list[ActorRef] = Field(default_factory=list)
    reported_by: list[ActorRef] = Field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    intent: bool = False
    location: Location | None = None
    text_info: TextInfo
    explanation: str
    confidence: float
    coder_version: str
    dictionary_version: str
    sentence_index: int | None = None


class Run(_Model):
    run_id: str
    started: dt.datetime
    finished: dt.datetime | None = None
    command: str
    coder_version: str
    dictionary_version: str
    model: str
    documents: int = 0
    events: int = 0
    errors: int = 0


class ProcessedDocument(_Model):
    """Everything the pipeline produced for one document."""

    document: Document
    sentences: list[Sentence] = Field(default_factory=list)
    mentions: list[ActorMention] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)


__all__ = [
    "Actor",
    "ActorMention",
    "ActorRef",
    "Dateline",
    "DocStatus",
    "Document",
    "Event",
    "Location",
    "OffsetMap",
    "ProcessedDocument",
    "RawDocument",
    "RemovedSpan",
    "RepairResult",
    "Run",
    "Sentence",
    "TextInfo",
]
