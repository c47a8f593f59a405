"""Word normalisation shared by the dictionaries and the matcher.

A phrase and a text are compared word by word: words are runs of letters and digits,
lower-cased, with accents removed, so "U.N." is ``u n``, "Tehrik-i-Taliban" is
``tehrik i taliban`` and "Pakistan's" is ``pakistan s``. Everything else (spaces, hyphens,
underscores, apostrophes, dots) only separates words.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")

#: Single words that are also common English words: as actor names they only match when
#: written in capitals in the text ("US" but not "us", "IT" but not "it").
CAPS_ONLY = frozenset(
    {
        "us", "it", "as", "in", "or", "at", "is", "am", "an", "no", "we", "he", "me", "my",
        "so", "do", "go", "to", "by", "up", "on", "un", "eu", "au", "who", "ec", "sco", "ttp",
        "cis", "oas", "let", "bla", "hts", "sdf", "ppp", "pti", "isi", "cia", "rsf", "msf",
        "pla", "idf", "wto", "wfp", "oic", "gcc", "adb", "icc", "icj", "ilo", "imf", "plo",
        "ksa", "car", "roc", "rok", "prc", "uno", "ira", "mp", "mps", "ngo", "ngos", "ice",
        "ria", "rt", "gop", "cpc", "nab", "fia", "dhs", "nsa", "fda", "cdc",
    }
)


def fold(word: str) -> str:
    """Lower-case ``word`` and strip accents."""
    w = word.lower()
    if not w.isascii():
        w = "".join(
            c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c)
        )
    return w


def words(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, folded)`` for every word of ``text``."""
    return [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]


def norm_phrase(phrase: str) -> str:
    """The matching key of a phrase: folded words joined by single spaces.

    A leading "the" is dropped ("the Kremlin" and "Kremlin" are one key).
    """
    ws = [fold(m.group()) for m in _WORD.finditer(phrase)]
    if len(ws) > 1 and ws[0] == "the":
        ws = ws[1:]
    return " ".join(ws)


_ES = ("s", "x", "z", "ch", "sh")


def plural(phrase: str) -> str:
    """A regular English plural of the last word of a normalised phrase."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith("man"):
        p = last[:-3] + "men"
    elif last.endswith("person"):
        p = last[:-6] + "people"
    elif last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        p = last[:-1] + "ies"
    elif last.endswith(_ES):
        p = last + "es"
    else:
        p = last + "s"
    return f"{head} {p}" if head else p


__all__ = ["CAPS_ONLY", "fold", "norm_phrase", "plural", "words"]
