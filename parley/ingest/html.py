"""HTML pages: the main text and metadata through trafilatura."""

from __future__ import annotations

import re
from typing import Any

from ..errors import Errors, FormatError, InputError
from ..models import RawDocument
from ._common import content_hash
from .dates import metadata_date

_BLOCK_END = re.compile(r"(?i)<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/tr|/blockquote)\s*>")
_TAG = re.compile(r"<[^>]*>")


#: Fewer words than this after extraction means the page has no article.
MIN_ARTICLE_WORDS = 5


def extract_html(data: bytes, *, source: str, url: str | None = None,
                 source_line: int | None = None, fmt: str = "html",
                 extra: dict[str, Any] | None = None) -> RawDocument | InputError:
    """One article from an HTML page, or an :class:`InputError` when it has none."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            data, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, TypeError, AttributeError) as exc:  # lxml or trafilatura gave up
        return FormatError(Errors.E103.format(path=source, detail=f" ({exc})"), path=source,
                           line=source_line)
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not text:
        return InputError(Errors.E103.format(path=source, detail=""), path=source,
                          line=source_line)
    words = len(text.split())
    if words < MIN_ARTICLE_WORDS:  # what is left is navigation or a caption, not an article
        return InputError(
            Errors.E103.format(path=source, detail=f" (only {words} word(s) of text: {text!r})"),
            path=source, line=source_line,
        )
    date, date_source = metadata_date(getattr(result, "date", None))
    return RawDocument(
        raw=data,
        text=text,
        content_hash=content_hash(data),
        source=source,
        source_line=source_line,
        format=fmt,
        title=getattr(result, "title", None) or None,
        url=url or getattr(result, "url", None) or None,
        outlet=getattr(result, "sitename", None) or None,
        author=getattr(result, "author", None) or None,
        date=date,
        date_source=date_source,
        language=None,
        extra=dict(extra or {}),
    )


def fragment_to_text(fragment: str) -> str:
    """Text of a small HTML fragment (a feed item's summary): tags dropped, blocks on lines."""
    import html

    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    text = _BLOCK_END.sub("\n", fragment)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line).strip()


def read_html(data: bytes, *, source: str) -> RawDocument | InputError:
    """The article of an HTML file's bytes."""
    return extract_html(data, source=source)


__all__ = ["extract_html", "fragment_to_text", "read_html"]
