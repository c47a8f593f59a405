"""JSONL: one document per line, ``{"id": ..., "text": ..., "date"?, "url"?, "title"?,
"outlet"?}``; other keys are kept in ``RawDocument.extra``. Streamed line by line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..config import Settings
from ..errors import EmptyDocumentError, Errors, FormatError, InputError
from ..models import RawDocument
from ._common import content_hash, unreadable
from .dates import metadata_date

_KNOWN = {"id", "text", "date", "url", "title", "outlet", "author", "language", "lang"}


def parse_jsonl_line(line: bytes | str, *, source: str, line_no: int
                     ) -> Iterator[RawDocument | InputError]:
    """The document on one JSONL line (nothing for a blank line)."""
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield FormatError(Errors.E023.format(path=source, line=line_no,
                              reason=f"not UTF-8 at byte {exc.start}"), path=source, line=line_no)
            return
    if not line.strip():
        return
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        yield FormatError(Errors.E023.format(path=source, line=line_no,
                          reason=f"not valid JSON ({exc.msg} at column {exc.colno})"),
                          path=source, line=line_no)
        return
    if not isinstance(obj, dict):
        yield FormatError(Errors.E023.format(path=source, line=line_no,
                          reason=f"a JSON {type(obj).__name__}, not an object"),
                          path=source, line=line_no)
        return
    text = obj.get("text")
    if not isinstance(text, str):
        reason = "no 'text' field" if text is None else "'text' is not a string"
        yield FormatError(Errors.E023.format(path=source, line=line_no, reason=reason),
                          path=source, line=line_no, field="text")
        return
    doc_id = obj.get("id")
    if doc_id is None or isinstance(doc_id, (dict, list, bool)) or str(doc_id).strip() == "":
        yield FormatError(Errors.E023.format(path=source, line=line_no,
                          reason="no usable 'id' field"), path=source, line=line_no, field="id")
        return
    if not text.strip():
        yield EmptyDocumentError(Errors.E022.format(path=f"{source}, line {line_no}",
                                 detail=" ('text' is blank)"), path=source, line=line_no,
                                 field="text")
        return
    date, date_source = metadata_date(obj.get("date"))
    if obj.get("date") not in (None, "") and date is None:
        yield InputError(Errors.E027.format(path=f"{source}, line {line_no}", field="'date'",
                         value=obj.get("date")), path=source, line=line_no, field="date")
    raw = text.encode("utf-8", "surrogatepass")
    extra: dict[str, Any] = {k: v for k, v in obj.items() if k not in _KNOWN}

    def opt(key: str) -> str | None:
        value = obj.get(key)
        return str(value) if value not in (None, "") else None

    yield RawDocument(
        external_id=str(doc_id),
        raw=raw,
        text=text,
        content_hash=content_hash(raw),
        source=source,
        source_line=line_no,
        format="jsonl",
        title=opt("title"),
        url=opt("url"),
        outlet=opt("outlet"),
        author=opt("author"),
        date=date,
        date_source=date_source,
        language=opt("language") or opt("lang"),
        extra=extra,
    )


def iter_jsonl_lines(lines: Iterable[bytes | str], *, source: str
                     ) -> Iterator[RawDocument | InputError]:
    for line_no, line in enumerate(lines, 1):
        yield from parse_jsonl_line(line, source=source, line_no=line_no)


def read_jsonl(path: str | Path, *, settings: Settings) -> Iterator[RawDocument | InputError]:
    """Documents of a JSONL file (streamed; ``settings.max_bytes`` does not apply)."""
    del settings  # streamed: no size limit applies
    source = str(path)
    try:
        fh: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed below, generator
    except OSError as exc:
        yield unreadable(source, exc)
        return
    with fh:
        empty = True
        for item in iter_jsonl_lines(fh, source=source):
            empty = False
            yield item
        if empty:
            yield EmptyDocumentError(Errors.E022.format(path=source, detail=" (no JSONL lines)"),
                                     path=source)


__all__ = ["iter_jsonl_lines", "parse_jsonl_line", "read_jsonl"]
