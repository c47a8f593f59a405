"""``RawDocument -> Document``: repair, dateline, language, status."""

from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import urlsplit

from ..config import Settings
from ..models import DocStatus, Document, RawDocument
from .language import identify
from .repair import repair


def slug(text: str, *, limit: int = 80) -> str:
    """A file-name-safe id: ``https://x.org/news/a-b?c=1`` -> ``x.org-news-a-b-c-1``."""
    s = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-._")
    return s[:limit].rstrip("-._") or "doc"


def document_id(raw: RawDocument) -> str:
    """``external_id`` when given; a slug of the URL for web inputs; else the file stem."""
    if raw.external_id:
        return raw.external_id
    source = raw.source
    if re.match(r"https?://", source) or (raw.url and raw.format in ("warc", "feed", "url")):
        url = raw.url or source
        parts = urlsplit(url)
        return slug(parts.netloc + parts.path + ("-" + parts.query if parts.query else ""))
    name = PurePath(source).stem if source not in ("-", "") else "stdin"
    if raw.source_line is not None and raw.format not in ("text", "html"):
        return f"{slug(name)}-{raw.source_line}"
    return slug(name)


def prepare(raw: RawDocument, *, settings: Settings) -> Document:
    """Repair ``raw`` and fill the document's date, place, language, sources and status.

    The document's own date (metadata, feed) wins over the dateline's; ``date_source`` says
    which was used. A document whose language is not in ``settings.language_list`` or whose
    repaired text is empty is kept with ``status=not_coded`` and a ``status_reason``.
    """
    result = repair(raw.text)
    date, date_source = raw.date, raw.date_source
    if date is not None and date_source is None:
        date_source = "metadata"
    place = None
    if result.dateline is not None:
        place = result.dateline.place
        if date is None and result.dateline.date is not None:
            date, date_source = result.dateline.date, "dateline"
    status = DocStatus.pending
    reason: str | None = None
    language = raw.language
    if not result.text.strip():
        status, reason = DocStatus.not_coded, "empty after repair (nothing but boilerplate)"
    else:
        guess = identify(result.text)
        allowed = settings.language_list
        if guess is None:
            status, reason = DocStatus.not_coded, "no letters in the text"
        elif language is None or language not in allowed:
            if guess.language in allowed or not guess.reliable:
                language = guess.language if guess.language in allowed else language
            else:
                language = guess.language
                status = DocStatus.not_coded
                reason = (
                    f"language '{guess.language}' (p={guess.probability:.2f}) is not in "
                    f"the coded languages ({', '.join(allowed)}); set PARLEY_LANGUAGES to "
                    "code it"
                )
    return Document(
        doc_id=document_id(raw),
        content_hash=raw.content_hash,
        source=raw.source,
        source_line=raw.source_line,
        format=raw.format,
        raw_text=raw.text,
        text=result.text,
        offsets=result.offsets,
        removed=result.removed,
        title=raw.title,
        url=raw.url,
        outlet=raw.outlet,
        author=raw.author,
        date=date,
        date_source=date_source,
        place=place,
        language=language,
        cited_sources=result.cited_sources,
        status=status,
        status_reason=reason,
    )


__all__ = ["document_id", "prepare", "slug"]
