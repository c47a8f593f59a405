from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from parley.errors import ConfigError
from parley.export import FLAT_COLUMNS, events_to_string, flat_row, write_events
from parley.models import ActorRef, Event, Location, TextInfo


def _event() -> Event:
    return Event(
        id="d:0:1", doc_id="d", event="AGREE", cameo="039", quad_class=1, goldstein=5.0,
        actor=[ActorRef(entity_text="Russia", code="RUS", sector="GOV", cameo="RUSGOV")],
        recipient=[ActorRef(entity_text="Pakistan", code="PAK", sector="GOV"),
                   ActorRef(entity_text="Afghanistan", code="AFG", sector="GOV")],
        intent=True, location=Location(name="Moscow", country="RUS", lat=55.75, lon=37.62),
        text_info=TextInfo(sentence="Russia offered to mediate.", start=5, end=31),
        explanation="because", confidence=0.8, coder_version="1", dictionary_version="x",
    )


def test_flat_row_joins_actor_lists() -> None:
    row = flat_row(_event())
    assert list(row) == FLAT_COLUMNS
    assert row["target_code"] == "PAK;AFG"
    assert row["source_cameo"] == "RUSGOV"
    assert row["lat"] == 55.75


def test_jsonl_keeps_the_nested_contract() -> None:
    line = events_to_string([_event()], "jsonl").strip()
    data = json.loads(line)
    for key in ("id", "doc_id", "date", "event", "mode", "cameo", "quad_class", "goldstein",
                "actor", "recipient", "negated", "hypothetical", "text_info", "explanation",
                "confidence", "coder_version"):
        assert key in data
    assert data["cameo"] == "039" and isinstance(data["cameo"], str)
    assert data["recipient"][1]["code"] == "AFG"
    assert data["text_info"]["start"] == 5


def test_csv_round_trip() -> None:
    rows = list(csv.DictReader(io.StringIO(events_to_string([_event()], "csv"))))
    assert rows[0]["cameo"] == "039" and rows[0]["target_code"] == "PAK;AFG"


def test_parquet_has_no_index_column(tmp_path: Path) -> None:
    out = tmp_path / "e.parquet"
    assert write_events([_event()], "parquet", out) == 1
    table = pq.read_table(out)
    assert table.column_names == FLAT_COLUMNS
    assert table.column("goldstein").to_pylist() == [5.0]


def test_bad_format_and_parquet_to_stream_are_clear_errors() -> None:
    with pytest.raises(ConfigError, match=r"\[E002\]"):
        write_events([_event()], "xml", io.StringIO())
    with pytest.raises(ConfigError, match="parquet needs an output file"):
        write_events([_event()], "parquet", io.StringIO())
