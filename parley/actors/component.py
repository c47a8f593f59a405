"""The ``parley_actors`` spaCy component (placeholder until the resolver lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ActorResolver:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.parley_mentions = []
        return doc


@Language.factory(
    "parley_actors",
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.parley_mentions"],
)
def make_actor_resolver(nlp: Language, name: str) -> ActorResolver:
    return ActorResolver(nlp, name)
