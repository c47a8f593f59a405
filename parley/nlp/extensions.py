"""The custom attributes parley sets on spaCy objects.

Set before annotation (by :func:`parley.nlp.pipeline.make_doc`):

- ``doc._.parley_doc_id``: the document id (str)
- ``doc._.parley_date``: the document date (``datetime.date`` or None)
- ``doc._.parley_place``: the dateline place (str or None)

Set by the components:

- ``doc._.parley_mentions``: list of :class:`parley.models.ActorMention` (``parley_actors``)
- ``doc._.parley_events``: list of :class:`parley.models.Event` (``parley_events``)
"""

from __future__ import annotations

from spacy.tokens import Doc

_DOC_EXTENSIONS: dict[str, object] = {
    "parley_doc_id": None,
    "parley_date": None,
    "parley_place": None,
    "parley_mentions": None,
    "parley_events": None,
}


def register_extensions() -> None:
    """Register parley's ``Doc`` extensions (idempotent)."""
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
