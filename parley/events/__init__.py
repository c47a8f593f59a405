"""The event coder: lexicon + dependency patterns over spaCy parses -> PLOVER/CAMEO events.

See ``docs/events.md``. Entry points: the ``parley_events`` spaCy factory
(:mod:`parley.events.component`), :class:`~parley.events.coder.EventCoderEngine`,
:func:`~parley.events.lexicon.load_lexicon`, :func:`~parley.events.cameo.cameo_table`.
"""

CODER_VERSION = "0.2.0"

__all__ = ["CODER_VERSION"]
