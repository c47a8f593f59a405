"""Actor resolution: who is who.

- :func:`load_knowledge_base` loads (and caches) the shipped knowledge base plus user
  dictionaries; ``KnowledgeBase.version`` is a short hash of the files loaded.
- The ``parley_actors`` spaCy component (:class:`ActorResolver`) sets
  ``doc._.parley_mentions``: every actor-like mention with its resolved :class:`Actor` (or
  ``None``), the rule that resolved it and, for coreference, its antecedent.
- :func:`mentions_for_tokens` gives the event coder the mentions under some tokens;
  :func:`resolve_text` resolves a free phrase ("Pakistani police", "the government").

See ``docs/actors.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..models import Actor, ActorMention
from .component import ActorResolver
from .kb import KnowledgeBase, load_knowledge_base, split_cameo
from .resolve import resolve_phrase


def mentions_for_tokens(doc: Doc, tokens: Iterable[Token]) -> list[ActorMention]:
    """Actor mentions (from ``doc._.parley_mentions``) that overlap any of ``tokens``.

    Mentions come back in text order; a phrase such as "the two sides" yields one mention
    per actor it stands for.
    """
    mentions: list[ActorMention] = doc._.parley_mentions or []
    spans = sorted((t.idx, t.idx + len(t.text)) for t in tokens)
    if not spans or not mentions:
        return []
    lo, hi = spans[0][0], spans[-1][1]
    out = []
    for m in mentions:
        if m.end <= lo or m.start >= hi:
            continue
        if any(s < m.end and m.start < e for s, e in spans):
            out.append(m)
    return out


def resolve_text(
    text: str,
    *,
    date: dt.date | None = None,
    country: str | None = None,
    kb: KnowledgeBase | None = None,
) -> Actor | None:
    """Resolve a free phrase to an actor, or None when nothing in it is known.

    A bare agent ("the government", "militants") has ``code=None`` unless ``country`` (an
    ISO3 code from the caller's context) is given. ``kb`` defaults to the shipped knowledge
    base.
    """
    return resolve_phrase(kb or load_knowledge_base(), text, date=date, country=country)


__all__ = [
    "ActorResolver",
    "KnowledgeBase",
    "load_knowledge_base",
    "mentions_for_tokens",
    "resolve_text",
    "split_cameo",
]
