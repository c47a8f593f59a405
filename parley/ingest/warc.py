"""WARC archives (warcio), the format of Common Crawl's news crawl: one document per HTML
response record. Streamed; a truncated or corrupt archive yields the records before the damage
and then an :class:`~parley.errors.FormatError` (E102)."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import Errors, FormatError, InputError
from ..models import RawDocument
from .dates import metadata_date
from .html import extract_html


def iter_warc(path: str | Path) -> Iterator[RawDocument | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = str(path)
    records = 0
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                records += 1
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in ctype:
                    continue
                status = record.http_headers.get_statuscode()
                if status and not str(status).startswith("2"):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                body = record.content_stream().read()
                doc = extract_html(body, source=source, url=url, source_line=records,
                                   fmt="warc",
                                   extra={"warc_record_id":
                                          record.rec_headers.get_header("WARC-Record-ID")})
                if isinstance(doc, RawDocument) and doc.date is None:
                    date, _ = metadata_date(record.rec_headers.get_header("WARC-Date"))
                    if date is not None:
                        doc.date, doc.date_source = date, "warc-date"
                yield doc
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError) as exc:
        yield FormatError(Errors.E102.format(path=source, records=records,
                          reason=f"{type(exc).__name__}: {exc}"), path=source, line=records)


__all__ = ["iter_warc"]
