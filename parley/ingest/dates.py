"""Dates in input metadata (JSONL ``date``, HTML meta tags, feed items, WARC headers)."""

from __future__ import annotations

import datetime as dt
import time

from ..clean.dates import parse_iso_date


def metadata_date(value: object, *, source: str = "metadata") -> tuple[dt.date | None, str | None]:
    """``(date, date_source)`` from a metadata value, ``(None, None)`` when there is none."""
    if value is None or value == "":
        return None, None
    if isinstance(value, time.struct_time):
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday), source
    date = parse_iso_date(value)
    return (date, source) if date is not None else (None, None)


__all__ = ["metadata_date"]
