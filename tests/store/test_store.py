from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from parley.errors import StoreError
from parley.models import (
    Actor,
    ActorMention,
    ActorRef,
    DocStatus,
    Document,
    Event,
    OffsetMap,
    ProcessedDocument,
    RawDocument,
    RemovedSpan,
    Sentence,
    TextInfo,
)
from parley.store import SCHEMA_VERSION, EventFilter, Store, database_url


def _raw(text: str, *, ext_id: str = "d1") -> RawDocument:
    data = text.encode()
    return RawDocument(
        external_id=ext_id, raw=data, text=text,
        content_hash=hashlib.sha256(data).hexdigest(), source=f"{ext_id}.txt",
    )


def _doc(raw: RawDocument, *, doc_id: str | None = None) -> Document:
    return Document(
        doc_id=doc_id or raw.external_id or "x",
        content_hash=raw.content_hash,
        source=raw.source,
        raw_text=raw.text,
        text=raw.text.strip(),
        offsets=OffsetMap.identity(len(raw.text.strip())),
        removed=[RemovedSpan(raw_start=0, raw_end=2, text="ab", reason="boilerplate:test")],
        date=dt.date(2025, 11, 17),
    )


def _event(doc_id: str, n: int, *, src: str, tgt: str, event: str = "CONSULT",
           cameo: str = "040", date: dt.date = dt.date(2025, 11, 17),
           negated: bool = False) -> Event:
    return Event(
        id=f"{doc_id}:{n}", doc_id=doc_id, date=date, event=event, cameo=cameo,
        quad_class=1, goldstein=1.0,
        actor=[ActorRef(entity_text=src, code=src, sector="GOV", cameo=src + "GOV")],
        recipient=[ActorRef(entity_text=tgt, code=tgt, sector="GOV", cameo=tgt + "GOV")],
        negated=negated,
        text_info=TextInfo(sentence="s", start=0, end=1), explanation="test",
        confidence=0.9, coder_version="t", dictionary_version="t", sentence_index=0,
    )


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The same tests run on SQLite and on a PostgreSQL server the tests start."""
    if request.param == "postgres":
        url = request.getfixturevalue("postgres_url")
        st = Store.open(url)
    else:
        st = Store.open(str(tmp_path / "p.db"))
    yield st
    st.close()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    st = Store.open(str(tmp_path / "p.db"))
    yield st
    st.close()


def test_database_url_forms(tmp_path: Path) -> None:
    assert database_url(str(tmp_path / "a.db")).startswith("sqlite:///")
    assert database_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_schema_is_migrated_and_sqlite_uses_wal(sqlite_store: Store, tmp_path: Path) -> None:
    assert sqlite_store.schema_version() == SCHEMA_VERSION
    raw = _raw("Hello world.")
    sqlite_store.add_document(raw, _doc(raw))
    con = sqlite3.connect(tmp_path / "p.db")
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_newer_database_is_refused(sqlite_store: Store, tmp_path: Path) -> None:
    con = sqlite3.connect(tmp_path / "p.db")
    con.execute("INSERT INTO schema_version VALUES (999, '2030-01-01', 'future')")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match=r"\[E041\]"):
        Store.open(str(tmp_path / "p.db"))


def test_same_bytes_are_stored_once(store: Store) -> None:
    raw = _raw("Russia offered to mediate.")
    first = store.add_document(raw, _doc(raw))
    second = store.add_document(raw, _doc(raw))
    assert first == ("d1", True)
    assert second == ("d1", False)
    assert store.stats()["documents"] == 1
    assert store.raw_bytes("d1") == raw.raw


def test_id_collision_with_other_content_gets_suffix(store: Store) -> None:
    a, b = _raw("one", ext_id="same"), _raw("two", ext_id="same")
    store.add_document(a, _doc(a))
    doc_id, created = store.add_document(b, _doc(b))
    assert created and doc_id == f"same-{b.content_hash[:8]}"


def test_document_round_trip_keeps_removed_spans(store: Store) -> None:
    raw = _raw("ab Text here.")
    store.add_document(raw, _doc(raw))
    back = store.document("d1")
    assert back.text == "ab Text here."
    assert back.removed[0].reason == "boilerplate:test"
    assert back.date == dt.date(2025, 11, 17)
    assert back.status == DocStatus.pending
    with pytest.raises(StoreError, match=r"\[E042\]"):
        store.document("nope")


def test_save_processed_replaces_atomically_and_filters(store: Store) -> None:
    raw = _raw("Russia met Pakistan.")
    store.add_document(raw, _doc(raw))
    doc = store.document("d1").model_copy(update={"status": DocStatus.coded})
    mention = ActorMention(start=0, end=6, text="Russia", sentence=0,
                           actor=Actor(code="RUS", sector="GOV", cameo="RUSGOV"), rule="t")
    unresolved = ActorMention(start=11, end=19, text="Pakistan", sentence=0)
    result = ProcessedDocument(
        document=doc,
        sentences=[Sentence(doc_id="d1", index=0, start=0, end=20, text=raw.text)],
        mentions=[mention, unresolved],
        events=[_event("d1", 1, src="RUS", tgt="PAK"),
                _event("d1", 2, src="PAK", tgt="AFG", event="ACCUSE", cameo="112",
                       date=dt.date(2025, 12, 1), negated=True)],
    )
    run_id = store.start_run(command="t", coder_version="t", dictionary_version="t", model="m")
    store.save_processed(result, run_id=run_id)
    assert store.document("d1").status == DocStatus.coded
    assert len(store.events()) == 2
    assert [e.id for e in store.events(EventFilter(actor="AFG"))] == ["d1:2"]
    assert [e.id for e in store.events(EventFilter(source="RUS"))] == ["d1:1"]
    assert [e.id for e in store.events(EventFilter(target="RUS"))] == []
    assert [e.id for e in store.events(EventFilter(dyad=("PAK", "RUS")))] == []
    assert [e.id for e in store.events(EventFilter(dyad=("PAK", "RUS"),
                                                   either_direction=True))] == ["d1:1"]
    assert [e.id for e in store.events(EventFilter(event="accuse"))] == ["d1:2"]
    assert [e.id for e in store.events(EventFilter(cameo="11"))] == ["d1:2"]
    assert [e.id for e in store.events(EventFilter(since=dt.date(2025, 11, 20)))] == ["d1:2"]
    assert [e.id for e in store.events(EventFilter(until=dt.date(2025, 11, 20)))] == ["d1:1"]
    assert [e.id for e in store.events(EventFilter(include_negated=False))] == ["d1:1"]
    assert [e.id for e in store.events(EventFilter(actor="RUSGOV"))] == ["d1:1"]
    counts = store.actor_counts()
    assert counts[0]["code"] == "RUS" and counts[0]["mentions"] == 1
    assert store.actor_counts(unresolved=True)[0]["text"] == "pakistan"
    # re-coding replaces, never duplicates
    store.save_processed(result.model_copy(update={"events": result.events[:1]}),
                         run_id=run_id)
    assert [e.id for e in store.events()] == ["d1:1"]
    assert store.stats()["mentions"] == 2


def test_failed_save_keeps_what_was_stored(store: Store) -> None:
    raw = _raw("Russia met Pakistan.")
    store.add_document(raw, _doc(raw))
    doc = store.document("d1")
    good = ProcessedDocument(document=doc, events=[_event("d1", 1, src="RUS", tgt="PAK")])
    store.save_processed(good, run_id=None)
    dup = _event("d1", 2, src="RUS", tgt="PAK")
    bad = ProcessedDocument(document=doc, events=[dup, dup])  # duplicate primary key
    with pytest.raises(Exception, match=r"(?i)unique"):
        store.save_processed(bad, run_id=None)
    assert [e.id for e in store.events()] == ["d1:1"]


def test_runs_and_errors_are_recorded(store: Store) -> None:
    run_id = store.start_run(command="run x", coder_version="1", dictionary_version="abc",
                             model="en")
    store.record_error(run_id=run_id, source="bad.jsonl", line=3, message="[E023] broken")
    store.finish_run(run_id, documents=2, events=5, errors=1)
    (run,) = store.runs()
    assert (run.documents, run.events, run.errors, run.dictionary_version) == (2, 5, 1, "abc")
    assert store.errors(run_id=run_id)[0]["line"] == 3


@pytest.mark.postgres
def test_postgres_schema_version(postgres_url: str) -> None:
    with Store.open(postgres_url) as st:
        assert st.schema_version() == SCHEMA_VERSION
        assert st.url.startswith("postgresql+psycopg://")
        assert st.display_url.startswith("postgresql+psycopg://parley:***@127.0.0.1")
