"""The ``parley_events`` spaCy component (placeholder until the coder lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class EventCoder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.parley_events = []
        return doc


@Language.factory(
    "parley_events",
    requires=["doc._.parley_mentions", "token.dep"],
    assigns=["doc._.parley_events"],
)
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    return EventCoder(nlp, name)
