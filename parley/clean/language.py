"""Language identification with py3langid (its model ships inside the package).

The model is loaded once per process, on first use. Only the first few thousand characters
are classified: enough for a reliable guess, and the cost stays flat for long documents.
"""

from __future__ import annotations

import threading
from typing import Any, NamedTuple

_LOCK = threading.Lock()
_IDENTIFIER: Any = None
#: characters of a document that are classified
SAMPLE_CHARS = 3000
#: below this many letters a guess is not trusted enough to refuse a document
MIN_LETTERS = 40


class LanguageGuess(NamedTuple):
    language: str
    probability: float
    letters: int

    @property
    def reliable(self) -> bool:
        return self.letters >= MIN_LETTERS and self.probability >= 0.8


def _identifier() -> Any:
    global _IDENTIFIER
    if _IDENTIFIER is None:
        with _LOCK:
            if _IDENTIFIER is None:
                from py3langid.langid import (  # type: ignore[import-untyped]
                    MODEL_FILE,
                    LanguageIdentifier,
                )

                _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _IDENTIFIER


def identify(text: str) -> LanguageGuess | None:
    """The language of ``text`` (ISO 639-1) with its probability, or None for no letters."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(1 for c in sample if c.isalpha())
    if letters == 0:
        return None
    language, probability = _identifier().classify(sample)
    return LanguageGuess(str(language), float(probability), letters)


__all__ = ["LanguageGuess", "identify"]
