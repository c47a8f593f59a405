"""The event coder: lexicon + dependency patterns over spaCy parses -> PLOVER/CAMEO events.

See ``docs/events.md``. Entry points: the ``parley_events`` spaCy factory
(:mod:`parley.events.component`), :class:`~parley.events.coder.EventCoderEngine`,
:func:`~parley.events.lexicon.load_lexicon`, :func:`~parley.events.cameo.cameo_table`.
"""

#: Raised whenever the coder's rules change what it codes (the lexicon and dictionaries are
#: versioned by their content in ``dictionary_version``), so that events coded by different
#: rules can be told apart.
CODER_VERSION = "0.3.0"

__all__ = ["CODER_VERSION"]
