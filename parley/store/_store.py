"""The store: documents, their raw bytes, annotations, events and runs.

One class, :class:`Store`, over SQLAlchemy Core. SQLite (WAL mode) is the embedded default;
a PostgreSQL URL (``postgresql://`` or ``postgresql+psycopg://``) uses the same code.

Writes that belong together run in one transaction: re-coding a document replaces its
sentences, mentions and events atomically, so a failure leaves what was stored before intact.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import (
    Connection,
    Engine,
    Table,
    and_,
    create_engine,
    delete,
    event,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import SQLAlchemyError

from ..errors import Errors, StoreError
from ..models import (
    DocStatus,
    Document,
    Event,
    OffsetMap,
    ProcessedDocument,
    RawDocument,
    RemovedSpan,
    Run,
)
from . import _schema as s


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def database_url(db: str) -> str:
    """A SQLAlchemy URL for ``db``: a URL is kept (psycopg 3 made explicit), a path -> SQLite."""
    if "://" in db:
        if db.startswith("postgresql://") or db.startswith("postgres://"):
            return "postgresql+psycopg://" + db.split("://", 1)[1]
        return db
    return "sqlite:///" + str(Path(db).expanduser().resolve())


class EventFilter(BaseModel):
    """Filters for :meth:`Store.events`. ``None`` means no filter."""

    model_config = ConfigDict(extra="forbid")

    actor: str | None = None  # code on either side
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None  # source code, target code (either direction if both)
    either_direction: bool = False
    event: str | None = None  # PLOVER type
    cameo: str | None = None  # code prefix: "03" matches 030..039x
    since: dt.date | None = None
    until: dt.date | None = None
    doc_id: str | None = None
    include_negated: bool = True
    limit: int | None = None


class Store:
    """parley's database. Open with :meth:`Store.open`; use as a context manager."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, db: str, *, migrate: bool = True) -> Store:
        url = database_url(db)
        try:
            if url.startswith("sqlite"):
                path = url.removeprefix("sqlite:///")
                if path and path != ":memory:":
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                engine = create_engine(url)
                event.listen(engine, "connect", _sqlite_pragmas)
            else:
                engine = create_engine(url, pool_pre_ping=True)
            store = cls(engine, url)
            if migrate:
                store.migrate()
        except SQLAlchemyError as exc:
            raise StoreError(Errors.E040.format(url=_safe_url(url), reason=exc)) from exc
        except ImportError as exc:
            raise StoreError(
                Errors.E040.format(
                    url=_safe_url(url),
                    reason=f"{exc}; for PostgreSQL install parley[postgres]",
                )
            ) from exc
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def display_url(self) -> str:
        return _safe_url(self.url)

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return _current_version(conn)

    def migrate(self) -> int:
        """Apply pending migrations; returns the schema version."""
        with self.engine.begin() as conn:
            s.schema_version.create(conn, checkfirst=True)
            current = _current_version(conn)
            if current > s.SCHEMA_VERSION:
                raise StoreError(
                    Errors.E041.format(
                        url=self.display_url, found=current, known=s.SCHEMA_VERSION
                    )
                )
            for version, description, upgrade in s.MIGRATIONS:
                if version > current:
                    upgrade(conn)
                    conn.execute(
                        insert(s.schema_version).values(
                            version=version, applied_at=_now(), description=description
                        )
                    )
            return s.SCHEMA_VERSION

    # ------------------------------------------------------------------ runs

    def start_run(
        self,
        *,
        command: str,
        coder_version: str,
        dictionary_version: str,
        model: str,
        settings: dict[str, Any] | None = None,
    ) -> str:
        run_id = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
        with self.engine.begin() as conn:
            conn.execute(
                insert(s.runs).values(
                    run_id=run_id,
                    started=_now(),
                    command=command,
                    coder_version=coder_version,
                    dictionary_version=dictionary_version,
                    model=model,
                    documents=0,
                    events=0,
                    errors=0,
                    settings=settings or {},
                )
            )
        return run_id

    def finish_run(self, run_id: str, *, documents: int, events: int, errors: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(s.runs)
                .where(s.runs.c.run_id == run_id)
                .values(finished=_now(), documents=documents, events=events, errors=errors)
            )

    def runs(self, *, limit: int = 20) -> list[Run]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(s.runs).order_by(s.runs.c.started.desc()).limit(limit)
            ).mappings()
            return [Run(**{k: v for k, v in r.items() if k != "settings"}) for r in rows]

    def record_error(
        self, *, run_id: str | None, source: str, line: int | None, message: str
    ) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(s.ingest_errors).values(
                    run_id=run_id, source=source, line=line, message=message, at=_now()
                )
            )

    def errors(self, *, run_id: str | None = None) -> list[dict[str, Any]]:
        q = select(s.ingest_errors).order_by(s.ingest_errors.c.id)
        if run_id:
            q = q.where(s.ingest_errors.c.run_id == run_id)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    # ------------------------------------------------------------------ documents

    def add_document(self, raw: RawDocument, doc: Document) -> tuple[str, bool]:
        """Store a document and its raw bytes. Returns ``(doc_id, created)``.

        The same bytes (by content hash) are stored once: a second ingest returns the id of
        the first and ``created=False``. A new document whose id is taken by different content
        gets the id with a short hash suffix.
        """
        with self.engine.begin() as conn:
            existing = conn.execute(
                select(s.documents.c.doc_id).where(
                    s.documents.c.content_hash == raw.content_hash
                )
            ).scalar()
            if existing is not None:
                return str(existing), False
            doc_id = doc.doc_id
            taken = conn.execute(
                select(s.documents.c.doc_id).where(s.documents.c.doc_id == doc_id)
            ).scalar()
            if taken is not None:
                doc_id = f"{doc_id}-{raw.content_hash[:8]}"
            has_blob = conn.execute(
                select(exists().where(s.blobs.c.content_hash == raw.content_hash))
            ).scalar()
            if not has_blob:
                conn.execute(
                    insert(s.blobs).values(
                        content_hash=raw.content_hash, size=len(raw.raw), data=raw.raw
                    )
                )
            conn.execute(insert(s.documents).values(**_document_row(doc, doc_id)))
            if doc.removed:
                conn.execute(
                    insert(s.removed_spans),
                    [{"doc_id": doc_id, **r.model_dump()} for r in doc.removed],
                )
            return doc_id, True

    def document(self, doc_id: str) -> Document:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(s.documents).where(s.documents.c.doc_id == doc_id)
            ).mappings().first()
            if row is None:
                raise StoreError(Errors.E042.format(doc_id=doc_id))
            removed = conn.execute(
                select(s.removed_spans)
                .where(s.removed_spans.c.doc_id == doc_id)
                .order_by(s.removed_spans.c.raw_start)
            ).mappings()
            return _row_document(row, [_row_removed(r) for r in removed])

    def raw_bytes(self, doc_id: str) -> bytes:
        with self.engine.connect() as conn:
            data = conn.execute(
                select(s.blobs.c.data)
                .select_from(s.documents.join(s.blobs))
                .where(s.documents.c.doc_id == doc_id)
            ).scalar()
        if data is None:
            raise StoreError(Errors.E042.format(doc_id=doc_id))
        return bytes(data)

    def documents(
        self, *, status: Sequence[DocStatus] | None = None, limit: int | None = None
    ) -> Iterator[Document]:
        """Documents in ingest order, optionally only those with one of ``status``."""
        q = select(s.documents).order_by(s.documents.c.ingested_at, s.documents.c.doc_id)
        if status:
            q = q.where(s.documents.c.status.in_([st.value for st in status]))
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            rows = list(conn.execute(q).mappings())
            removed: dict[str, list[RemovedSpan]] = {}
            if rows:
                ids = [r["doc_id"] for r in rows]
                for chunk_start in range(0, len(ids), 500):
                    chunk = ids[chunk_start : chunk_start + 500]
                    for r in conn.execute(
                        select(s.removed_spans)
                        .where(s.removed_spans.c.doc_id.in_(chunk))
                        .order_by(s.removed_spans.c.raw_start)
                    ).mappings():
                        removed.setdefault(r["doc_id"], []).append(_row_removed(r))
        for row in rows:
            yield _row_document(row, removed.get(row["doc_id"], []))

    def count_documents(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(s.documents.c.status, func.count()).group_by(s.documents.c.status)
            ).all()
        return {str(status): int(n) for status, n in rows}

    def save_processed(self, result: ProcessedDocument, *, run_id: str | None) -> None:
        """Replace a document's annotations and events with ``result``, atomically."""
        doc = result.document
        with self.engine.begin() as conn:
            self._clear_annotations(conn, doc.doc_id)
            if result.sentences:
                conn.execute(
                    insert(s.sentences),
                    [
                        {"doc_id": doc.doc_id, "idx": x.index, "start": x.start,
                         "end": x.end, "text": x.text}
                        for x in result.sentences
                    ],
                )
            if result.mentions:
                conn.execute(
                    insert(s.actor_mentions),
                    [_mention_row(doc.doc_id, m, run_id) for m in result.mentions],
                )
            if result.events:
                conn.execute(insert(s.events), [_event_row(e, run_id) for e in result.events])
                actor_rows = [
                    {
                        "event_id": e.id,
                        "role": role,
                        "position": i,
                        "entity_text": a.entity_text,
                        "code": a.code,
                        "sector": a.sector,
                        "cameo": a.cameo,
                    }
                    for e in result.events
                    for role, refs in (
                        ("source", e.actor),
                        ("target", e.recipient),
                        ("reporter", e.reported_by),
                    )
                    for i, a in enumerate(refs)
                ]
                if actor_rows:
                    conn.execute(insert(s.event_actors), actor_rows)
            conn.execute(
                update(s.documents)
                .where(s.documents.c.doc_id == doc.doc_id)
                .values(
                    status=doc.status.value,
                    status_reason=doc.status_reason,
                    coded_at=_now(),
                    coded_run=run_id,
                )
            )

    def _clear_annotations(self, conn: Connection, doc_id: str) -> None:
        event_ids = select(s.events.c.event_id).where(s.events.c.doc_id == doc_id)
        conn.execute(delete(s.event_actors).where(s.event_actors.c.event_id.in_(event_ids)))
        conn.execute(delete(s.events).where(s.events.c.doc_id == doc_id))
        conn.execute(delete(s.actor_mentions).where(s.actor_mentions.c.doc_id == doc_id))
        conn.execute(delete(s.sentences).where(s.sentences.c.doc_id == doc_id))

    # ------------------------------------------------------------------ queries

    def events(self, flt: EventFilter | None = None) -> list[Event]:
        flt = flt or EventFilter()
        e = s.events
        q = select(e.c.data).order_by(e.c.date, e.c.doc_id, e.c.sentence_index, e.c.event_id)
        conds = []
        if flt.event:
            conds.append(e.c.event == flt.event.upper())
        if flt.cameo:
            conds.append(e.c.cameo.startswith(flt.cameo))
        if flt.since:
            conds.append(e.c.date >= flt.since)
        if flt.until:
            conds.append(e.c.date <= flt.until)
        if flt.doc_id:
            conds.append(e.c.doc_id == flt.doc_id)
        if not flt.include_negated:
            conds.append(e.c.negated.is_(False))
        if flt.actor:
            conds.append(_has_actor(flt.actor, ("source", "target")))
        if flt.source:
            conds.append(_has_actor(flt.source, ("source",)))
        if flt.target:
            conds.append(_has_actor(flt.target, ("target",)))
        if flt.dyad:
            a, b = flt.dyad
            forward = and_(_has_actor(a, ("source",)), _has_actor(b, ("target",)))
            if flt.either_direction:
                backward = and_(_has_actor(b, ("source",)), _has_actor(a, ("target",)))
                conds.append(or_(forward, backward))
            else:
                conds.append(forward)
        if conds:
            q = q.where(and_(*conds))
        if flt.limit:
            q = q.limit(flt.limit)
        with self.engine.connect() as conn:
            return [Event.model_validate(row[0]) for row in conn.execute(q)]

    def actor_counts(self, *, unresolved: bool = False, limit: int = 50) -> list[dict[str, Any]]:
        """Most frequent actors (or unresolved mention texts) with mention and document counts."""
        m = s.actor_mentions
        if unresolved:
            key = [func.lower(m.c.text).label("text")]
            q = select(
                *key, func.count().label("mentions"),
                func.count(func.distinct(m.c.doc_id)).label("documents"),
            ).where(m.c.resolved.is_(False)).group_by(func.lower(m.c.text))
        else:
            q = select(
                m.c.code, m.c.sector, m.c.cameo, func.min(m.c.name).label("name"),
                func.count().label("mentions"),
                func.count(func.distinct(m.c.doc_id)).label("documents"),
            ).where(m.c.resolved.is_(True)).group_by(m.c.code, m.c.sector, m.c.cameo)
        q = q.order_by(func.count().desc()).limit(limit)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def sentences(self, doc_id: str) -> list[dict[str, Any]]:
        return self._doc_rows(s.sentences, doc_id, order=s.sentences.c.idx)

    def mentions(self, doc_id: str) -> list[dict[str, Any]]:
        return self._doc_rows(s.actor_mentions, doc_id, order=s.actor_mentions.c.start)

    def _doc_rows(self, table: Table, doc_id: str, *, order: Any) -> list[dict[str, Any]]:
        """A document's rows of ``table`` as dicts, in ``order``."""
        with self.engine.connect() as conn:
            q = select(table).where(table.c.doc_id == doc_id).order_by(order)
            return [dict(r) for r in conn.execute(q).mappings()]

    def stats(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                "documents": int(conn.execute(select(func.count()).select_from(s.documents))
                                 .scalar() or 0),
                "sentences": int(conn.execute(select(func.count()).select_from(s.sentences))
                                 .scalar() or 0),
                "mentions": int(conn.execute(select(func.count()).select_from(s.actor_mentions))
                                .scalar() or 0),
                "events": int(conn.execute(select(func.count()).select_from(s.events))
                              .scalar() or 0),
                "runs": int(conn.execute(select(func.count()).select_from(s.runs)).scalar() or 0),
            }


# ---------------------------------------------------------------------- helpers


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _safe_url(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    return url


def _current_version(conn: Connection) -> int:
    if not conn.dialect.has_table(conn, "schema_version"):
        return 0
    return int(conn.execute(select(func.max(s.schema_version.c.version))).scalar() or 0)


def _has_actor(code: str, roles: tuple[str, ...]) -> Any:
    ea = s.event_actors
    code = code.upper()
    return exists().where(
        and_(
            ea.c.event_id == s.events.c.event_id,
            ea.c.role.in_(roles),
            or_(ea.c.code == code, ea.c.cameo == code, ea.c.cameo.startswith(code)),
        )
    )


def _document_row(doc: Document, doc_id: str) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "content_hash": doc.content_hash,
        "source": doc.source,
        "source_line": doc.source_line,
        "format": doc.format,
        "raw_text": doc.raw_text,
        "text": doc.text,
        "offsets": doc.offsets.model_dump(mode="json"),
        "title": doc.title,
        "url": doc.url,
        "outlet": doc.outlet,
        "author": doc.author,
        "date": doc.date,
        "date_source": doc.date_source,
        "place": doc.place,
        "language": doc.language,
        "cited_sources": list(doc.cited_sources),
        "status": doc.status.value,
        "status_reason": doc.status_reason,
        "ingested_at": _now(),
    }


def _row_document(row: Any, removed: list[RemovedSpan]) -> Document:
    return Document(
        doc_id=row["doc_id"],
        content_hash=row["content_hash"],
        source=row["source"],
        source_line=row["source_line"],
        format=row["format"],
        raw_text=row["raw_text"],
        text=row["text"],
        offsets=OffsetMap.model_validate(row["offsets"]),
        removed=removed,
        title=row["title"],
        url=row["url"],
        outlet=row["outlet"],
        author=row["author"],
        date=row["date"],
        date_source=row["date_source"],
        place=row["place"],
        language=row["language"],
        cited_sources=list(row["cited_sources"] or []),
        status=DocStatus(row["status"]),
        status_reason=row["status_reason"],
    )


def _row_removed(r: Any) -> RemovedSpan:
    return RemovedSpan(raw_start=r["raw_start"], raw_end=r["raw_end"], text=r["text"],
                       reason=r["reason"])


def _mention_row(doc_id: str, m: Any, run_id: str | None) -> dict[str, Any]:
    a = m.actor
    return {
        "doc_id": doc_id,
        "sentence": m.sentence,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "resolved": bool(m.resolved),
        "code": a.code if a else None,
        "sector": a.sector if a else None,
        "cameo": a.cameo if a else None,
        "name": a.name if a else None,
        "kind": a.kind if a else None,
        "person": a.person if a else None,
        "role": a.role if a else None,
        "affiliation": a.affiliation if a else None,
        "rule": m.rule,
        "antecedent": m.antecedent,
        "run_id": run_id,
    }


def _event_row(e: Event, run_id: str | None) -> dict[str, Any]:
    loc = e.location
    return {
        "event_id": e.id,
        "doc_id": e.doc_id,
        "sentence_index": e.sentence_index,
        "date": e.date,
        "event": e.event,
        "mode": e.mode,
        "cameo": e.cameo,
        "quad_class": e.quad_class,
        "goldstein": e.goldstein,
        "negated": e.negated,
        "hypothetical": e.hypothetical,
        "intent": e.intent,
        "confidence": e.confidence,
        "source_codes": ";".join(a.code for a in e.actor if a.code),
        "target_codes": ";".join(a.code for a in e.recipient if a.code),
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "sent_start": e.text_info.start,
        "sent_end": e.text_info.end,
        "coder_version": e.coder_version,
        "dictionary_version": e.dictionary_version,
        "run_id": run_id,
        "data": e.model_dump(mode="json"),
    }
