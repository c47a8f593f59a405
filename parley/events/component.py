"""The ``parley_events`` spaCy component: codes events into ``doc._.parley_events``.

Config (``nlp.add_pipe("parley_events", config={...})``):

- ``lexicons``: extra lexicon files (YAML), loaded after the shipped lexicon and validated;
- ``min_confidence``: events below this confidence are dropped;
- ``statements``: code a bare public statement (CAMEO 010) when a sentence has nothing else
  and the speaker is a known actor;
- ``require_actor``: drop events whose arguments are all unknown proper names ("Arsenal beat
  Chelsea"); off by default, useful on corpora with much non-political news.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..models import ActorMention, Event, Location
from . import CODER_VERSION
from .coder import EventCoderEngine
from .lexicon import Lexicon, load_lexicon


def _mentions(doc: Doc, tokens: Iterable[Token]) -> list[ActorMention]:
    from ..actors import mentions_for_tokens

    return mentions_for_tokens(doc, tokens)


def knowledge_base_version() -> str:
    """The actor knowledge base's version, or ``"nokb"`` when the actor stage has none."""
    from .. import actors

    loader = getattr(actors, "load_knowledge_base", None)
    if loader is None:
        return "nokb"
    return str(loader().version)


def _optional(module: str, name: str) -> Any:
    """``parley.events.<module>.<name>`` when that stage exists, else None."""
    try:
        mod = importlib.import_module(f"{__package__}.{module}")
    except ModuleNotFoundError:
        return None
    return getattr(mod, name, None)


def _date_fn() -> Any:
    fn = _optional("dates", "event_date")
    if fn is None:
        return None

    last: list[Any] = [None, None, None]  # doc, (start, end, doc date), result

    def date_of(sent: Span, doc_date: dt.date | None) -> tuple[dt.date | None, str | None]:
        # the events of one sentence share its date: resolve it once (the doc itself is
        # kept, not its id, so a later doc at the same address is never taken for it)
        key = (sent.start, sent.end, doc_date)
        if last[0] is sent.doc and last[1] == key:
            got = last[2]
        else:
            got = fn(sent, doc_date)
            last[:] = [sent.doc, key, got]
        if isinstance(got, tuple):
            return got[0], got[1]
        if got is None:
            return doc_date, "document" if doc_date else None
        return got, "document" if got == doc_date else "sentence"

    return date_of


def _geo_fn() -> Any:
    fn = _optional("geo", "locate_event")
    if fn is None:
        return None

    def where(sent: Span, trigger: Token, exclude: tuple[tuple[int, int], ...]
              ) -> Location | None:
        got = fn(sent, trigger=trigger, exclude=exclude)
        return got if isinstance(got, Location) else None

    return where


def dictionary_version(lexicon: Lexicon, *, kb_version: str | None = None) -> str:
    """``lex-<lexicon hash>+kb-<knowledge-base version>``; ``kb_version`` defaults to the
    shipped knowledge base's (without user dictionaries)."""
    kb = kb_version if kb_version is not None else knowledge_base_version()
    return f"lex-{lexicon.version}+kb-{kb}"


def _pipeline_kb_version(nlp: Language) -> str | None:
    """The version of the knowledge base the pipeline's ``parley_actors`` pipe loaded (it
    covers the user dictionaries given in that pipe's config), or None without that pipe."""
    for pipe_name, pipe in nlp.pipeline:
        if pipe_name == "parley_actors" or type(pipe).__name__ == "ActorResolver":
            version = getattr(pipe, "version", None)
            if isinstance(version, str):
                return version
    return None


class EventCoder:
    """spaCy component wrapping :class:`EventCoderEngine`."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        lexicons: list[str] | None = None,
        min_confidence: float = 0.0,
        statements: bool = True,
        require_actor: bool = False,
    ) -> None:
        self.name = name
        self.lexicon = load_lexicon(tuple(lexicons or ()))
        self.nlp = nlp
        self.engine = EventCoderEngine(
            self.lexicon,
            coder_version=CODER_VERSION,
            dictionary_version=dictionary_version(self.lexicon,
                                                  kb_version=_pipeline_kb_version(nlp)),
            mentions=_mentions,
            date_fn=_date_fn(),
            geo_fn=_geo_fn(),
            min_confidence=min_confidence,
            statements=statements,
            require_actor=require_actor,
        )
        self._kb_checked = False

    @property
    def dictionary_version(self) -> str:
        """The version of the lexicon and actor dictionaries every event records (what a
        run records before coding)."""
        self._check_kb()
        return str(self.engine.dictionary_version)

    def _check_kb(self) -> None:
        if not self._kb_checked:
            # the actors pipe may have been added after this one: take its version now
            self._kb_checked = True
            kb = _pipeline_kb_version(self.nlp)
            if kb is not None:
                self.engine.dictionary_version = dictionary_version(self.lexicon,
                                                                    kb_version=kb)

    def __call__(self, doc: Doc) -> Doc:
        self._check_kb()
        if doc._.parley_mentions is None:
            doc._.parley_mentions = []
        events: list[Event] = self.engine.code_doc(doc)
        doc._.parley_events = events
        return doc


@Language.factory(
    "parley_events",
    requires=["doc._.parley_mentions", "token.dep"],
    assigns=["doc._.parley_events"],
    default_config={"lexicons": [], "min_confidence": 0.0, "statements": True,
                    "require_actor": False},
)
def make_event_coder(
    nlp: Language,
    name: str,
    lexicons: list[str],
    min_confidence: float,
    statements: bool,
    require_actor: bool,
) -> EventCoder:
    return EventCoder(nlp, name, lexicons=lexicons, min_confidence=min_confidence,
                      statements=statements, require_actor=require_actor)
