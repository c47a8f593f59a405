"""Exports: JSONL (nested, the extract contract), CSV and Parquet (flat)."""

from ._writers import FLAT_COLUMNS, FORMATS, event_json, events_to_string, flat_row, write_events

__all__ = ["FLAT_COLUMNS", "FORMATS", "event_json", "events_to_string", "flat_row", "write_events"]
