"""RSS and Atom feeds (feedparser): one document per item, with its link, title and date."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import Errors, FormatError, InputError
from ..models import RawDocument
from ._common import content_hash
from .dates import metadata_date
from .html import fragment_to_text


def _item_html(entry: Any) -> str:
    contents = entry.get("content") or []
    best = ""
    for c in contents:
        value = c.get("value") or ""
        if len(value) > len(best):
            best = value
    summary = entry.get("summary") or ""
    return best if len(best) >= len(summary) else summary


def iter_feed(data: bytes, *, source: str) -> Iterator[RawDocument | InputError]:
    """The items of an RSS/Atom feed; an item with no text gives an :class:`InputError`."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = str(parsed.get("bozo_exception") or "no items found")
        yield FormatError(Errors.E104.format(path=source, reason=reason), path=source)
        return
    feed_title = (parsed.get("feed") or {}).get("title") or None
    for index, entry in enumerate(entries, 1):
        fragment = _item_html(entry)
        text = fragment_to_text(fragment)
        title = entry.get("title") or None
        if not text.strip():
            yield InputError(Errors.E022.format(path=f"{source}, item {index}",
                             detail=f" (feed item {title!r} has no text)"), path=source,
                             line=index)
            continue
        date, date_source = None, None
        for key in ("published_parsed", "updated_parsed", "created_parsed"):
            if entry.get(key):
                date, date_source = metadata_date(entry.get(key), source="feed")
                break
        raw = fragment.encode("utf-8")
        author = entry.get("author") or None
        yield RawDocument(
            external_id=None,
            raw=raw,
            text=text,
            content_hash=content_hash(raw),
            source=source,
            source_line=index,
            format="feed",
            title=title,
            url=entry.get("link") or None,
            outlet=feed_title,
            author=author,
            date=date,
            date_source=date_source,
            extra={"feed_item_id": entry.get("id")} if entry.get("id") else {},
        )


__all__ = ["iter_feed"]
