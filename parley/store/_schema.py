"""The database schema (SQLAlchemy Core) and its versioned migrations.

The schema is written for SQLite and PostgreSQL alike: only portable column types, JSON kept
in ``JSON`` columns (TEXT on SQLite, JSONB-compatible on PostgreSQL).

Migrations are numbered functions in :data:`MIGRATIONS`; ``schema_version`` records the
highest applied. A database newer than the code is refused (E041) rather than damaged.
Later stages (stories, corrections with an audit trail) add tables through new migrations.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
    Column("description", Text, nullable=False),
)

runs = Table(
    "runs",
    metadata,
    Column("run_id", String(40), primary_key=True),
    Column("started", DateTime(timezone=True), nullable=False),
    Column("finished", DateTime(timezone=True)),
    Column("command", Text, nullable=False),
    Column("coder_version", String(40), nullable=False),
    Column("dictionary_version", String(80), nullable=False),
    Column("model", String(200), nullable=False),
    Column("documents", Integer, nullable=False, default=0),
    Column("events", Integer, nullable=False, default=0),
    Column("errors", Integer, nullable=False, default=0),
    Column("settings", JSON),
)

# Raw bytes, content-addressed: the same bytes are stored once whatever their source.
blobs = Table(
    "blobs",
    metadata,
    Column("content_hash", String(64), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("doc_id", String(200), primary_key=True),
    Column("content_hash", String(64), ForeignKey("blobs.content_hash"), nullable=False),
    Column("source", Text, nullable=False),
    Column("source_line", Integer),
    Column("format", String(20), nullable=False),
    Column("raw_text", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("offsets", JSON, nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("author", Text),
    Column("date", Date),
    Column("date_source", String(80)),
    Column("place", Text),
    Column("language", String(12)),
    Column("cited_sources", JSON, nullable=False),
    Column("status", String(20), nullable=False),
    Column("status_reason", Text),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("coded_at", DateTime(timezone=True)),
    Column("coded_run", String(40), ForeignKey("runs.run_id")),
    UniqueConstraint("content_hash", name="uq_documents_content_hash"),
    Index("ix_documents_status", "status"),
    Index("ix_documents_date", "date"),
)

removed_spans = Table(
    "removed_spans",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(200), ForeignKey("documents.doc_id"), nullable=False),
    Column("raw_start", Integer, nullable=False),
    Column("raw_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("reason", String(80), nullable=False),
    Index("ix_removed_doc", "doc_id"),
)

sentences = Table(
    "sentences",
    metadata,
    Column("doc_id", String(200), ForeignKey("documents.doc_id"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

actor_mentions = Table(
    "actor_mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(200), ForeignKey("documents.doc_id"), nullable=False),
    Column("sentence", Integer),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("resolved", Boolean, nullable=False),
    Column("code", String(20)),
    Column("sector", String(20)),
    Column("cameo", String(40)),
    Column("name", Text),
    Column("kind", String(20)),
    Column("person", Text),
    Column("role", Text),
    Column("affiliation", Text),
    Column("rule", Text),
    Column("antecedent", Text),
    Column("run_id", String(40), ForeignKey("runs.run_id")),
    Index("ix_mentions_doc", "doc_id"),
    Index("ix_mentions_code", "code"),
)

events = Table(
    "events",
    metadata,
    Column("event_id", String(200), primary_key=True),
    Column("doc_id", String(200), ForeignKey("documents.doc_id"), nullable=False),
    Column("sentence_index", Integer),
    Column("date", Date),
    Column("event", String(20), nullable=False),
    Column("mode", String(40)),
    Column("cameo", String(8), nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("hypothetical", Boolean, nullable=False),
    Column("intent", Boolean, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("source_codes", Text),  # ";"-joined, for quick filters; event_actors is the truth
    Column("target_codes", Text),
    Column("location_name", Text),
    Column("location_country", String(3)),
    Column("lat", Float),
    Column("lon", Float),
    Column("sent_start", Integer, nullable=False),
    Column("sent_end", Integer, nullable=False),
    Column("coder_version", String(40), nullable=False),
    Column("dictionary_version", String(80), nullable=False),
    Column("run_id", String(40), ForeignKey("runs.run_id")),
    Column("data", JSON, nullable=False),  # the whole Event, as `parley extract` writes it
    Index("ix_events_doc", "doc_id"),
    Index("ix_events_event", "event"),
    Index("ix_events_cameo", "cameo"),
    Index("ix_events_date", "date"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", String(200), ForeignKey("events.event_id"), primary_key=True),
    Column("role", String(10), primary_key=True),  # source | target | reporter
    Column("position", Integer, primary_key=True),
    Column("entity_text", Text, nullable=False),
    Column("code", String(20)),
    Column("sector", String(20)),
    Column("cameo", String(40)),
    Index("ix_event_actors_code", "code", "role"),
)

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", String(40), ForeignKey("runs.run_id")),
    Column("source", Text, nullable=False),
    Column("line", Integer),
    Column("message", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)


def _v1(conn: Connection) -> None:
    v1_tables = [runs, blobs, documents, removed_spans, sentences, actor_mentions, events,
                 event_actors, ingest_errors]
    metadata.create_all(conn, tables=v1_tables)


#: (version, description, upgrade function). Append; never edit a released migration.
MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "initial schema: documents, blobs, sentences, actor mentions, events, runs", _v1),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]
