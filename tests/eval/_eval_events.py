"""Hand-built Event objects for the metric tests."""

from __future__ import annotations

from parley.models import ActorRef, Event, TextInfo

Actor = tuple[str, str | None, str | None] | tuple[str, str | None, str | None, int, int]


def ref(spec: Actor) -> ActorRef:
    if len(spec) == 5:
        text, code, sector, start, end = spec
        return ActorRef(entity_text=text, code=code, sector=sector, start=start, end=end)
    text, code, sector = spec[0], spec[1], spec[2]
    return ActorRef(entity_text=text, code=code, sector=sector)


def ev(
    event: str,
    *,
    cameo: str = "010",
    quad: int = 0,
    conf: float = 0.5,
    src: list[Actor] | None = None,
    tgt: list[Actor] | None = None,
    negated: bool = False,
    hypothetical: bool = False,
) -> Event:
    return Event(
        id=f"e-{event}-{cameo}-{conf}", doc_id="d", event=event, cameo=cameo, quad_class=quad,
        penta_class=quad,
        goldstein=0.0, actor=[ref(a) for a in src or []], recipient=[ref(a) for a in tgt or []],
        negated=negated, hypothetical=hypothetical,
        text_info=TextInfo(sentence="s", start=0, end=1), explanation="test",
        confidence=conf, coder_version="t", dictionary_version="t",
    )  # fmt: skip
