"""WARC archives (warcio), the format of Common Crawl's news crawl: one document per HTML
response record. Streamed; a truncated or corrupt archive yields the records before the damage
and then a :class:`~parley.errors.FormatError` (E102)."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import Errors, FormatError, InputError
from ..models import RawDocument
from .dates import metadata_date
from .html import extract_html


class _Truncated(Exception):
    pass


def iter_warc(path: str | Path) -> Iterator[RawDocument | InputError]:
    """The HTML responses of a WARC file as documents (other records are skipped)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    source = str(path)
    records = 0
    try:
        with open(path, "rb") as fh:
            size = Path(path).stat().st_size
            it = ArchiveIterator(fh)
            start = end = 0
            for record in it:
                if not record.rec_type or record.length is None:
                    raise _Truncated(f"record {records + 1} has no complete WARC header")
                if record.rec_type == "response" and record.http_headers is None:
                    raise _Truncated(f"response record {records + 1} has no HTTP header")
                body = record.content_stream().read()
                left = getattr(record.raw_stream, "limit", 0)
                if left:
                    raise _Truncated(f"record {records + 1} is {left} bytes short")
                end = it.get_record_offset() + it.get_record_length()
                records += 1
                doc = _document(record, body, source=source, index=records)
                if doc is not None:
                    yield doc
                start = it.get_record_offset()
            fh.seek(end)
            if fh.read(64).strip():
                raise _Truncated(f"{size - end} bytes after the last complete record")
            if records and not _member_complete(fh, start, end):
                raise _Truncated(f"the compressed stream of record {records} is cut short")
    # warcio fails on damaged archives with many exception types (AttributeError on a cut
    # header, StatusAndHeadersParserException, zlib.error, EOFError...): each becomes E102.
    except (_Truncated, ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, zlib.error,
            OSError, ValueError, AttributeError, TypeError, KeyError, IndexError) as exc:
        yield FormatError(Errors.E102.format(path=source, records=records,
                          reason=f"{type(exc).__name__.lstrip('_')}: {exc}"), path=source,
                          line=records)


def _member_complete(fh: BinaryIO, start: int, end: int) -> bool:
    """Whether the gzip member holding the last record ends with its trailer. A cut that only
    loses the trailer (and the record's closing blank lines) still yields the whole record
    through warcio, so the check is made here. Uncompressed archives pass."""
    fh.seek(start)
    if fh.read(2) != b"\x1f\x8b":
        return True
    fh.seek(start)
    inflate = zlib.decompressobj(wbits=31)
    left = end - start
    while left > 0 and not inflate.eof:
        chunk = fh.read(min(left, 1 << 16))
        if not chunk:
            break
        left -= len(chunk)
        inflate.decompress(chunk, 1 << 16)
        while inflate.unconsumed_tail and not inflate.eof:
            inflate.decompress(inflate.unconsumed_tail, 1 << 16)
    return inflate.eof


def _document(record: object, body: bytes, *, source: str, index: int
              ) -> RawDocument | InputError | None:
    rec_type = getattr(record, "rec_type", None)
    http = getattr(record, "http_headers", None)
    if rec_type != "response" or http is None:
        return None
    ctype = (http.get_header("Content-Type") or "").lower()
    status = str(http.get_statuscode() or "")
    if "html" not in ctype or (status and not status.startswith("2")):
        return None
    headers = record.rec_headers  # type: ignore[attr-defined]
    url = headers.get_header("WARC-Target-URI")
    doc = extract_html(body, source=source, url=url, source_line=index, fmt="warc",
                       extra={"warc_record_id": headers.get_header("WARC-Record-ID")})
    if isinstance(doc, RawDocument) and doc.date is None:
        date, _ = metadata_date(headers.get_header("WARC-Date"))
        if date is not None:
            doc.date, doc.date_source = date, "warc-date"
    return doc


__all__ = ["iter_warc"]
