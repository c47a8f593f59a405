"""Fetching URLs through an injectable transport.

A transport is any callable ``(url) -> Response`` (or an object with such a ``fetch``
method). Tests pass one that returns canned bytes; the default, :class:`UrllibTransport`, uses
``urllib.request`` with a timeout and a size limit.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from .. import __version__ as _version


@dataclass(frozen=True)
class Response:
    """What a transport returns for a URL."""

    url: str
    body: bytes
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        for key, value in self.headers.items():
            if key.lower() == "content-type":
                return value.lower()
        return ""


class FetchFailed(Exception):
    """A transport could not get the URL at all (network error, refused, timeout)."""


@runtime_checkable
class FetchingTransport(Protocol):
    def fetch(self, url: str) -> Response: ...


Transport = Callable[[str], Response] | FetchingTransport


class UrllibTransport:
    """The default transport: ``urllib.request`` with a timeout and a byte limit."""

    def __init__(self, *, timeout: float = 30.0, max_bytes: int = 50_000_000,
                 user_agent: str | None = None) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.user_agent = user_agent or f"parley/{_version} (+https://github.com/parley)"

    def __call__(self, url: str) -> Response:
        return self.fetch(url)

    def fetch(self, url: str) -> Response:
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as reply:
                body = reply.read(self.max_bytes + 1)
                headers = {k: v for k, v in reply.headers.items()}
                return Response(url=reply.geturl(), body=body, status=reply.status,
                                headers=headers)
        except urllib.error.HTTPError as exc:
            return Response(url=url, body=b"", status=exc.code, headers=dict(exc.headers or {}))
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            raise FetchFailed(str(getattr(exc, "reason", exc))) from exc


def call_transport(transport: Transport, url: str) -> Response:
    if isinstance(transport, FetchingTransport):
        return transport.fetch(url)
    return transport(url)


__all__ = ["FetchFailed", "FetchingTransport", "Response", "Transport", "UrllibTransport",
           "call_transport"]
