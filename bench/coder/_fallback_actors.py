"""A tiny stand-in for ``parley_actors`` used by the coder benchmarks only while the actor
component is a placeholder (delete once it lands). Dictionary hits from the actor knowledge
base become mentions; "it"/"they" point back to the last country mentioned."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from parley.actors.kb import ORG_PREFIXES, load_knowledge_base, split_cameo
from parley.models import Actor, ActorMention


def add_mentions(doc: Doc) -> None:
    if doc._.parley_mentions:
        return
    kb: Any = load_knowledge_base()
    text = doc.text
    hits = sorted(kb.match(text), key=lambda h: (-(h.end - h.start), h.start))
    taken: list[tuple[int, int]] = []
    out: list[ActorMention] = []
    for h in hits:
        if any(s < h.end and h.start < e for s, e in taken):
            continue
        entry = h.entry
        agent = h.agent
        code = sector = cameo = None
        if entry is not None and entry.roles:
            cameo = entry.roles[0].cameo
            code, sector = split_cameo(cameo)
        if agent is not None:
            sector = agent.sector
        if code is None and sector is None:
            continue
        taken.append((h.start, h.end))
        kind = "country" if code and code not in ORG_PREFIXES else "igo"
        out.append(ActorMention(start=h.start, end=h.end, text=text[h.start:h.end],
                                actor=Actor(code=code, sector=sector, cameo=cameo, kind=kind),
                                rule="fallback"))
    out.sort(key=lambda m: m.start)
    # pronouns
    last = None
    for tok in doc:
        ms = [m for m in out if m.start <= tok.idx < m.end]
        if ms and ms[0].actor and ms[0].actor.code:
            last = ms[0]
        elif tok.lower_ in ("it", "they") and last is not None and tok.dep_.startswith("nsubj"):
            out.append(ActorMention(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text,
                                    actor=last.actor, rule="fallback-coref",
                                    antecedent=last.text))
    out.sort(key=lambda m: m.start)
    doc._.parley_mentions = out
