"""Word frequencies (wordfreq, loaded once per process) and the glued-word splitter.

A token is split only when two known words are far more likely than the token itself:
frequencies are Zipf values (log10 of occurrences per billion words), so the score of a split
``l + r`` is ``zipf(l) + zipf(r) - 9`` against ``zipf(token)``.
"""

from __future__ import annotations

import math
import threading

_LOCK = threading.Lock()
_ZIPF: dict[str, float] | None = None

#: two-letter and one-letter words that may stand alone as a piece of a glued token
SHORT_WORDS = frozenset({
    "a", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my",
    "no", "of", "on", "or", "so", "to", "up", "us", "we",
})
#: name prefixes that are followed by a capital without being glue (McDonald, DiCaprio...)
NAME_PREFIXES = frozenset({
    "mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von", "del", "della", "al", "el",
    "o", "st", "ibn", "bin", "abu",
})

#: a token at least this frequent is a word and is never split
KNOWN_ZIPF = 4.0
#: tokens rarer than this are treated as unknown (typos, glue, rare names)
RARE_ZIPF = 2.0


def zipf_table() -> dict[str, float]:
    """The English Zipf table (``word -> zipf``), built once per process."""
    global _ZIPF
    if _ZIPF is None:
        with _LOCK:
            if _ZIPF is None:
                import wordfreq

                freqs = wordfreq.get_frequency_dict("en", wordlist="large")
                _ZIPF = {w: math.log10(f * 1e9) for w, f in freqs.items() if f > 0}
    return _ZIPF


def zipf(word: str) -> float:
    return zipf_table().get(word.lower(), 0.0)


def _piece_zipf(piece: str, table: dict[str, float]) -> float | None:
    """Zipf of ``piece`` when it may stand as a word of its own, else None."""
    n = len(piece)
    if n <= 2:
        return table.get(piece) if piece in SHORT_WORDS else None
    z = table.get(piece)
    if z is None:
        return None
    if n == 3 and z < 4.0:
        return None
    if z < (2.0 if n >= 6 else 2.5):
        return None
    return z


def split_point(token: str, *, capitalised: bool = False) -> int | None:
    """Where to split a glued lowercase ``token`` in two, or None to leave it.

    ``capitalised`` tokens (the first letter was upper case) are held to a stricter score: an
    unknown capitalised token is more often a name than glue.
    """
    table = zipf_table()
    n = len(token)
    if n < 3:
        return None
    zt = table.get(token, 0.0)
    if zt >= KNOWN_ZIPF:
        return None
    best: tuple[float, int] | None = None
    for i in range(1, n):
        zl = _piece_zipf(token[:i], table)
        if zl is None:
            continue
        zr = _piece_zipf(token[i:], table)
        if zr is None:
            continue
        total = zl + zr
        if best is None or total > best[0]:
            best = (total, i)
    if best is None:
        return None
    total, i = best
    if zt >= RARE_ZIPF:
        # a real (if rare) word: split only when the pair is a thousand times likelier
        return i if total - 9.0 >= zt + 2.0 else None
    if capitalised:
        # the left piece must be a solid word: "Asuccessful", "Russianmediation"
        return i if total >= 7.0 and table.get(token[:i], 0.0) >= 3.5 else None
    return i if total >= 4.5 else None


def camel_ok(left: str, right: str, whole: str) -> bool:
    """Is ``left|right`` (lower->Upper inside ``whole``) glue rather than a CamelCase name?"""
    if len(right) < 2 or len(left) < 2:
        return False
    if left.lower() in NAME_PREFIXES:
        return False
    table = zipf_table()
    return table.get(whole.lower(), 0.0) < 2.5


__all__ = ["camel_ok", "split_point", "zipf", "zipf_table"]
