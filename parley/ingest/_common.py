"""Shared helpers: decoding bytes, sniffing formats, hashing."""

from __future__ import annotations

import codecs
import hashlib
import re
from typing import Literal

from ..errors import DecodeError, EmptyDocumentError, Errors, InputError

Format = Literal["text", "html", "jsonl", "feed", "warc"]

EXTENSIONS: dict[str, Format] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".warc": "warc", ".warc.gz": "warc", ".arc": "warc", ".arc.gz": "warc",
}
KNOWN = ", ".join(sorted(EXTENSIONS))


def content_hash(data: bytes) -> str:
    """The content address of a document: sha256 of its raw bytes, hex."""
    return hashlib.sha256(data).hexdigest()


def format_for_name(name: str) -> Format | None:
    lower = name.lower()
    for ext in (".warc.gz", ".arc.gz"):
        if lower.endswith(ext):
            return EXTENSIONS[ext]
    dot = lower.rfind(".")
    return EXTENSIONS.get(lower[dot:]) if dot >= 0 else None


_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def sniff(head: bytes) -> Format | None:
    """Guess the format from the first bytes, or None when they are not text we read."""
    if head.startswith(b"WARC/") or head.startswith(b"\x1f\x8b"):
        return "warc"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"<"):
        low = stripped[:2000].lower()
        if b"<rss" in low or b"<feed" in low or b"<rdf:rdf" in low:
            return "feed"
        return "html"
    return "text"


def binary_reason(head: bytes) -> str | None:
    """Why ``head`` looks binary (not text), or None."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    for magic, what in ((b"%PDF", "a PDF"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff",
                        "a JPEG image"), (b"PK\x03\x04", "a ZIP archive"), (b"GIF8", "a GIF image"),
                        (b"\x7fELF", "an executable")):
        if head.startswith(magic):
            return what
    sample = head[:8192]
    if b"\x00" in sample:
        return "it contains NUL bytes"
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        return "it is full of control characters"
    return None


def decode(data: bytes, *, path: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252.

    Raises :class:`DecodeError` (E021) when none fits.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(Errors.E021.format(path=path, reason=f"bad UTF-16: {exc.reason}"),
                              path=path) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = f"invalid UTF-8 at byte {exc.start}"
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise DecodeError(
            Errors.E021.format(path=path, reason=f"{utf8_error}; not Windows-1252 either"),
            path=path,
        ) from exc


def check_not_empty(text: str, *, path: str, line: int | None = None, detail: str = "") -> None:
    if not text.strip():
        where = f"{path}, line {line}" if line is not None else path
        raise EmptyDocumentError(Errors.E022.format(path=where, detail=detail), path=path,
                                 line=line)


def unsupported(path: str, fmt: str) -> InputError:
    return InputError(Errors.E028.format(path=path, fmt=fmt, known=KNOWN), path=path)


def unreadable(path: str, exc: OSError) -> InputError:
    """The error for a file that cannot be opened or read: missing (E020) or else (E024)."""
    if isinstance(exc, FileNotFoundError):
        return InputError(Errors.E020.format(path=path), path=path)
    return InputError(Errors.E024.format(path=path, reason=exc.strerror or str(exc)), path=path)


__all__ = [
    "EXTENSIONS",
    "Format",
    "binary_reason",
    "check_not_empty",
    "content_hash",
    "decode",
    "format_for_name",
    "sniff",
    "unreadable",
    "unsupported",
]
