"""Source and citation lines: ``Source: www.dawn.com/news/1">https://...`` and bare URL lines.

A source line is taken out of the clean text (kept as a ``source-line`` removed span) and the
URLs in it are recovered: HTML debris (``">``, ``″>``, quotes, angle brackets) and glued
``Source:`` labels are cut away, a missing scheme becomes ``https://``, the host is lower-cased
and duplicates are dropped (first occurrence wins).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

_HEAD = (
    r"(?:sources?|via|originally (?:published|appeared) (?:at|on|in|by)|"
    r"read (?:the )?(?:original|full) (?:article|story|report)(?: (?:at|on|here))?|"
    r"(?:news )?source (?:link|url)|credits?|courtesy)"
)
#: a whole line that starts with a source label
SOURCE_LINE = re.compile(r"[\s\-–—*•(]*" + _HEAD + r"(?:\s*:|\s+(?:-|–|—))\s*", re.IGNORECASE)
#: a source label glued to the end of a sentence in the middle of a line
SOURCE_TAIL = re.compile(
    r"(?<=[.!?\"')\]”’])\s*(?:Sources?|Via|SOURCE|SOURCES)\s*:\s*(?=(?:https?://|www\.|[a-z0-9\-]+"
    r"\.[a-z]{2,}))"
)
_URL_START = re.compile(r"(?:https?://|www\.|[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)+/)",
                        re.IGNORECASE)
_URL_LINE = re.compile(r"\s*[(<\[]?(?:https?://|www\.)\S+[)>\]]?\s*", re.IGNORECASE)
_SPLIT = re.compile(r"(?i:sources?\s*:)|[\s\"'“”‘’″′<>\[\]{}|\\^`]+")
_URL_TOKEN = re.compile(
    r"(?:https?://|www\.)[^\s]+|[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.[a-z]{2,}/[^\s]*",
    re.IGNORECASE,
)


def normalise_url(candidate: str) -> str | None:
    """A clean absolute URL from a scraped fragment, or None when it is not one."""
    s = candidate.strip().strip(".,;:)]}>\"'”’″")
    if not s:
        return None
    if not re.match(r"https?://", s, re.IGNORECASE):
        s = "https:" + s if s.startswith("//") else "https://" + s
    try:
        parts = urlsplit(s)
    except ValueError:
        return None
    host = parts.netloc.lower()
    if "." not in host or not re.fullmatch(r"[a-z0-9.\-:@]+", host):
        return None
    return urlunsplit((parts.scheme.lower(), host, parts.path, parts.query, parts.fragment))


def extract_urls(text: str) -> list[str]:
    """Every URL in a source line, normalised and deduplicated, in order of appearance."""
    seen: dict[str, None] = {}
    for piece in _SPLIT.split(text):
        if not piece:
            continue
        for m in _URL_TOKEN.finditer(piece):
            url = normalise_url(m.group(0))
            if url is not None and url not in seen:
                seen[url] = None
    return list(seen)


def source_line_start(line: str) -> int | None:
    """Where a source/citation part of ``line`` starts (0 for a whole line), else None."""
    m = SOURCE_LINE.match(line)
    if m is not None:
        rest = line[m.end():]
        if _URL_START.match(rest) or len(line) <= 100:
            return 0
    if _URL_LINE.fullmatch(line):
        return 0
    t = SOURCE_TAIL.search(line)
    if t is not None:
        return t.start()
    return None


__all__ = ["extract_urls", "normalise_url", "source_line_start"]
