"""Writers for events: JSONL (the `parley extract` contract), CSV and Parquet (flat rows).

Flat rows put one event on one line with ``;``-joined actor lists, so spreadsheets and
dataframes read them directly. JSONL keeps the nested structure exactly.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from ..errors import ConfigError, Errors
from ..models import ActorRef, Event

FORMATS = ("table", "csv", "jsonl", "json", "parquet")

#: Columns of the flat layout, in order.
FLAT_COLUMNS = [
    "id", "doc_id", "date", "event", "mode", "cameo", "quad_class", "goldstein",
    "source_text", "source_code", "source_sector", "source_cameo",
    "target_text", "target_code", "target_sector", "target_cameo",
    "reported_by", "negated", "hypothetical", "intent", "confidence",
    "location", "location_country", "lat", "lon",
    "sentence", "sent_start", "sent_end", "explanation", "coder_version", "dictionary_version",
]


def _join(refs: list[ActorRef], attr: str) -> str:
    return ";".join(str(getattr(r, attr) or "") for r in refs)


def flat_row(e: Event) -> dict[str, Any]:
    """One event as a flat dict with the :data:`FLAT_COLUMNS`."""
    loc = e.location
    return {
        "id": e.id,
        "doc_id": e.doc_id,
        "date": e.date.isoformat() if e.date else None,
        "event": e.event,
        "mode": e.mode,
        "cameo": e.cameo,
        "quad_class": e.quad_class,
        "goldstein": e.goldstein,
        "source_text": _join(e.actor, "entity_text"),
        "source_code": _join(e.actor, "code"),
        "source_sector": _join(e.actor, "sector"),
        "source_cameo": _join(e.actor, "cameo"),
        "target_text": _join(e.recipient, "entity_text"),
        "target_code": _join(e.recipient, "code"),
        "target_sector": _join(e.recipient, "sector"),
        "target_cameo": _join(e.recipient, "cameo"),
        "reported_by": _join(e.reported_by, "entity_text"),
        "negated": e.negated,
        "hypothetical": e.hypothetical,
        "intent": e.intent,
        "confidence": e.confidence,
        "location": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "sentence": e.text_info.sentence,
        "sent_start": e.text_info.start,
        "sent_end": e.text_info.end,
        "explanation": e.explanation,
        "coder_version": e.coder_version,
        "dictionary_version": e.dictionary_version,
    }


def event_json(e: Event) -> str:
    """One event as a JSON line (no trailing newline)."""
    return json.dumps(e.model_dump(mode="json"), ensure_ascii=False)


def write_jsonl(events: Iterable[Event], out: IO[str]) -> int:
    n = 0
    for e in events:
        out.write(event_json(e) + "\n")
        n += 1
    return n


def write_json(events: Iterable[Event], out: IO[str]) -> int:
    items = [e.model_dump(mode="json") for e in events]
    json.dump(items, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(items)


def write_csv(events: Iterable[Event], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS)
    writer.writeheader()
    n = 0
    for e in events:
        writer.writerow(flat_row(e))
        n += 1
    return n


def write_parquet(events: Iterable[Event], path: str | Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flat_row(e) for e in events]
    schema = pa.schema(
        [
            (c, pa.float64() if c in {"goldstein", "confidence", "lat", "lon"}
             else pa.int64() if c in {"quad_class", "sent_start", "sent_end"}
             else pa.bool_() if c in {"negated", "hypothetical", "intent"}
             else pa.string())
            for c in FLAT_COLUMNS
        ]
    )
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, str(path))
    return len(rows)


def write_events(events: Iterable[Event], fmt: str, out: IO[str] | str | Path) -> int:
    """Write ``events`` as ``fmt`` (csv, jsonl, json, parquet) to a stream or path."""
    if fmt not in FORMATS or fmt == "table":
        raise ConfigError(
            Errors.E002.format(name="format", value=fmt,
                               reason="use one of csv, jsonl, json, parquet")
        )
    if fmt == "parquet":
        if not isinstance(out, (str, Path)):
            raise ConfigError(
                Errors.E002.format(name="output", value="stdout",
                                   reason="parquet needs an output file: -o events.parquet")
            )
        return write_parquet(events, out)
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return write_events(events, fmt, fh)
    writer = {"csv": write_csv, "jsonl": write_jsonl, "json": write_json}[fmt]
    return writer(events, out)


def events_to_string(events: Iterable[Event], fmt: str) -> str:
    buf = io.StringIO()
    write_events(events, fmt, buf)
    return buf.getvalue()
