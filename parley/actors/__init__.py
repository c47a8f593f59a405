"""Actor resolution: who is who (placeholder interface; see docs/architecture.md)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..models import ActorMention


def mentions_for_tokens(doc: Doc, tokens: Iterable[Token]) -> list[ActorMention]:
    """Actor mentions (from ``doc._.parley_mentions``) that overlap any of ``tokens``."""
    mentions: list[ActorMention] = doc._.parley_mentions or []
    spans = [(t.idx, t.idx + len(t.text)) for t in tokens]
    out = []
    for m in mentions:
        if any(s < m.end and m.start < e for s, e in spans):
            out.append(m)
    return out


__all__ = ["mentions_for_tokens"]
