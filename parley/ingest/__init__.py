"""parley.ingest: reading inputs into :class:`~parley.models.RawDocument` s.

``iter_inputs(paths, *, settings, transport=None)`` reads files, directories (recursively),
``-`` (JSONL on stdin) and http(s) URLs, and yields one ``RawDocument`` per document or an
:class:`~parley.errors.InputError` per problem; it never raises for a bad input and goes on
with the others. Formats by extension, else by sniffing the first bytes:

========================  =====================================================
``.txt .text .md``        plain text, one document per file
``.html .htm .xhtml``     HTML: main text and metadata through trafilatura
``.jsonl .ndjson``        one JSON object per line: ``id``, ``text`` (+ ``date``,
                          ``url``, ``title``, ``outlet``); streamed
``.xml .rss .atom``       RSS/Atom feed: one document per item
``.warc .warc.gz``        WARC archive: one document per HTML response; streamed
========================  =====================================================
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..config import Settings
from ..errors import EmptyDocumentError, Errors, FormatError, InputError
from ..models import RawDocument
from ._common import (
    binary_reason,
    check_not_empty,
    content_hash,
    decode,
    format_for_name,
    sniff,
    unreadable,
    unsupported,
)
from .feeds import iter_feed
from .fetch import (
    FetchFailed,
    FetchingTransport,
    Response,
    Transport,
    UrllibTransport,
    call_transport,
)
from .html import extract_html, read_html
from .jsonl import iter_jsonl_lines, read_jsonl
from .warc import iter_warc

_URL = re.compile(r"https?://", re.IGNORECASE)


def iter_inputs(
    paths: Iterable[str | Path], *, settings: Settings, transport: Transport | None = None
) -> Iterator[RawDocument | InputError]:
    """Every document in ``paths`` (files, directories, ``-``, URLs), or an error for each
    input that cannot be read."""
    for item in paths:
        name = str(item)
        if isinstance(item, str) and _URL.match(item):
            yield from iter_url(item, settings=settings, transport=transport)
        elif name == "-":
            yield from iter_jsonl_lines(sys.stdin.buffer, source="-")
        else:
            yield from iter_path(Path(item), settings=settings)


def iter_path(path: Path, *, settings: Settings) -> Iterator[RawDocument | InputError]:
    """The documents of one file or directory."""
    source = str(path)
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            rel = child.relative_to(path)
            if child.is_file() and not any(part.startswith(".") for part in rel.parts):
                yield from iter_file(child, settings=settings, in_directory=True)
        return
    if not path.exists():
        yield InputError(Errors.E020.format(path=source), path=source)
        return
    yield from iter_file(path, settings=settings)


def iter_file(path: Path, *, settings: Settings, in_directory: bool = False
              ) -> Iterator[RawDocument | InputError]:
    source = str(path)
    fmt = format_for_name(path.name)
    try:
        with open(path, "rb") as fh:
            head = fh.read(8192)
        size = path.stat().st_size
    except OSError as exc:
        yield unreadable(source, exc)
        return
    if fmt is None:
        if binary_reason(head) is not None and head[:5] != b"WARC/" and head[:2] != b"\x1f\x8b":
            if in_directory:
                return  # images, archives and other files that sit beside the articles
            yield FormatError(Errors.E025.format(path=source, reason=binary_reason(head)),
                              path=source)
            return
        fmt = sniff(head)
        if fmt is None:
            yield unsupported(source, path.suffix or "(no extension)")
            return
    if fmt == "jsonl":
        yield from read_jsonl(path, settings=settings)
        return
    if fmt == "warc":
        yield from iter_warc(path)
        return
    if size > settings.max_bytes:
        yield InputError(Errors.E026.format(
            path=source, size=size, limit=settings.max_bytes,
            hint="Split it, or raise PARLEY_MAX_BYTES (JSONL and WARC are streamed and exempt)."),
            path=source)
        return
    if size == 0:
        yield EmptyDocumentError(Errors.E022.format(path=source, detail=" (0 bytes)"),
                                 path=source)
        return
    reason = binary_reason(head)
    if reason is not None:
        yield FormatError(Errors.E025.format(path=source, reason=reason), path=source)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield unreadable(source, exc)
        return
    yield from from_bytes(data, fmt=fmt, source=source)


def from_bytes(data: bytes, *, fmt: str, source: str, url: str | None = None
               ) -> Iterator[RawDocument | InputError]:
    """Documents from the bytes of one file or response in format ``fmt``."""
    if fmt == "html":
        yield extract_html(data, source=source, url=url)
    elif fmt == "feed":
        yield from iter_feed(data, source=source)
    elif fmt == "jsonl":
        yield from iter_jsonl_lines(data.splitlines(), source=source)
    elif fmt == "text":
        try:
            text = decode(data, path=source)
            check_not_empty(text, path=source)
        except InputError as exc:
            yield exc
            return
        yield RawDocument(raw=data, text=text, content_hash=content_hash(data), source=source,
                          format="text", url=url)
    else:
        yield unsupported(source, fmt)


def iter_url(url: str, *, settings: Settings, transport: Transport | None = None
             ) -> Iterator[RawDocument | InputError]:
    """Fetch ``url`` through ``transport`` and read what came back (a feed yields its items)."""
    chosen: Transport = transport if transport is not None else UrllibTransport(
        max_bytes=settings.max_bytes)
    try:
        response = call_transport(chosen, url)
    except FetchFailed as exc:
        yield InputError(Errors.E100.format(url=url, reason=exc), path=url)
        return
    if not 200 <= response.status < 300:
        yield InputError(Errors.E101.format(url=url, status=response.status), path=url)
        return
    body = response.body
    if len(body) > settings.max_bytes:
        yield InputError(Errors.E026.format(path=url, size=len(body), limit=settings.max_bytes,
                         hint="Raise PARLEY_MAX_BYTES to read it."), path=url)
        return
    if not body.strip():
        yield InputError(Errors.E022.format(path=url, detail=" (empty response)"), path=url)
        return
    ctype = response.content_type
    if any(k in ctype for k in ("rss", "atom", "/xml")):
        fmt: str = "feed"
    elif "html" in ctype:
        fmt = "html"
    elif "json" in ctype:
        fmt = "jsonl"
    elif "text/plain" in ctype:
        fmt = "text"
    else:
        reason = binary_reason(body[:8192])
        if reason is not None:
            yield InputError(Errors.E025.format(path=url, reason=reason), path=url)
            return
        fmt = sniff(body[:8192]) or "text"
        if fmt == "warc":
            yield InputError(Errors.E105.format(path=url, kind="a WARC archive over HTTP",
                             reason="download it and ingest the file"), path=url)
            return
    yield from from_bytes(body, fmt=fmt, source=url, url=response.url or url)


__all__ = [
    "FetchFailed",
    "FetchingTransport",
    "Response",
    "Transport",
    "UrllibTransport",
    "from_bytes",
    "iter_file",
    "iter_inputs",
    "iter_path",
    "iter_url",
    "read_html",
    "read_jsonl",
]
