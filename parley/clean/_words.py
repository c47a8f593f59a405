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


#: common words that glue onto a neighbour when a line break is lost ("partnersby")
FUNCTION_WORDS = frozenset({
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "because",
    "been", "being", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had",
    "has", "have", "he", "her", "him", "his", "if", "in", "into", "is", "it", "its", "may",
    "might", "must", "no", "not", "of", "on", "or", "our", "said", "says", "she", "should", "so",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "to", "up", "was", "we", "were", "what", "when", "where", "which", "while", "who", "will",
    "with", "would", "you", "your",
})


def _best_split(token: str, table: dict[str, float]) -> tuple[float, int, bool] | None:
    """``(zipf sum, cut, has a function word)`` of the likeliest two-word split."""
    best: tuple[float, int, bool] | None = None
    for i in range(1, len(token)):
        zl = _piece_zipf(token[:i], table)
        if zl is None:
            continue
        zr = _piece_zipf(token[i:], table)
        if zr is None:
            continue
        total = zl + zr
        if best is None or total > best[0]:
            left, right = token[:i], token[i:]
            function = (left in FUNCTION_WORDS and left not in COMPOUND_HEADS) or (
                right in FUNCTION_WORDS and right not in COMPOUND_TAILS)
            best = (total, i, function)
    return best


#: first elements of closed compounds ("overbalancing", "outweigh", "subproducts")
COMPOUND_HEADS = frozenset({
    "over", "out", "under", "up", "down", "off", "back", "fore", "counter", "cross",
    "sub", "super", "inter", "multi", "non", "anti", "pre", "post", "mid", "self", "semi",
    "through",
})
#: last elements of closed compounds ("carmaker", "writeback", "spokesman", "nationwide")
COMPOUND_TAILS = frozenset({
    "man", "men", "woman", "women", "maker", "makers", "making", "ship", "ships", "wide",
    "like", "less", "ness", "hood", "wise", "worker", "workers", "holder", "holders", "keeper",
    "keepers", "goer", "goers", "taker", "takers",
})
#: endings of a left piece that is a word form, not the first element of a compound
_INFLECTED = ("est", "ing", "ed", "ly", "ous", "ive", "ful", "al")


def split_points(token: str, *, capitalised: bool = False, after_name: bool = False
                 ) -> list[int]:
    """Where to split a glued lowercase ``token`` (cut offsets), or ``[]`` to leave it.

    A token wordfreq knows (even rarely: names, compounds such as "outperformance") is split
    only when the two words are far likelier than it ("ofthe", "morethan"). An unknown token
    is split when both pieces are words and the pair is not a closed compound ("carmaker"); an
    unknown capitalised token (more often a name) only when the left piece is a common word
    ("Asuccessful", "Russianmediation") or the right one a function word ("Yukoshad").
    Three-word glue ("previouslybeenthought") is split twice. ``after_name``: the token
    follows a capitalised word ("Bruce Misamore"), so only a function word is split off.
    """
    table = zipf_table()
    n = len(token)
    if n < 3:
        return []
    zt = table.get(token, 0.0)
    if zt >= KNOWN_ZIPF:
        return []
    best = _best_split(token, table)
    if zt > 0.0:
        if best is None:
            return []
        total, i, function = best
        margin = 1.5 if function and zt < 2.5 else 2.5
        if capitalised:
            margin = 3.0  # a capitalised token wordfreq knows is a name ("Orin")
        return [i] if total - 9.0 >= zt + margin else []
    if capitalised:
        if best is not None and not after_name:
            total, i, _function = best
            left, right = token[:i], token[i:]
            zl = table.get(left, 0.0)
            if total >= 7.0 and zl >= 3.5 and len(right) >= 4 and table.get(right, 0.0) >= 2.5:
                return [i] + [i + c for c in split_points(right)]
        for j in range(n - 2, 0, -1):
            right = token[j:]
            if right in FUNCTION_WORDS:
                zl = table.get(token[:j], 0.0)
                if zl >= 3.5 or (j >= 3 and (len(right) >= 4 or (zl >= 1.0 and len(right) >= 3)
                                             or (zl >= 1.0 and j >= 4 and not after_name))):
                    return [j]  # a name or word, then a function word: "Yukoshad", "Acehin"
        if token[0] == "i" and zt < 2.5:
            rest = token[1:]
            if len(rest) >= 3 and table.get(rest, 0.0) >= 4.0:
                return [1]  # "Ithink", "Ican"
        if not after_name:
            # a name, then a past-tense verb: "Milburnearned", "Niebaumstepped"
            for j in range(3, n - 4):
                right = token[j:]
                if right.endswith("ed") and table.get(right, 0.0) >= 3.0 and (
                        table.get(token[:j], 0.0) >= 1.0 or j >= 4):
                    return [j]
        return []
    if best is not None:
        total, i, function = best
        left, right = token[:i], token[i:]
        if function:
            ok = total >= 4.5
        else:
            ok = (len(left) >= 3 and len(right) >= 3 and left not in COMPOUND_HEADS
                  and (right not in COMPOUND_TAILS or left.endswith(_INFLECTED))
                  and total >= 4.5)
        if not ok:
            return []
        # a piece may be glue itself: "commandofthe" -> "command" + "ofthe" -> "of the"
        return [*split_points(left), i, *(i + c for c in split_points(right))]
    if n < 8:
        return []
    # three words: a word, then a glued pair
    for i in range(2, n - 4):
        if _piece_zipf(token[:i], table) is None:
            continue
        cuts = split_points(token[i:])
        if len(cuts) == 1:
            return [i, i + cuts[0]]
    return []


def split_point(token: str, *, capitalised: bool = False) -> int | None:
    """The first cut of :func:`split_points`, or None."""
    cuts = split_points(token, capitalised=capitalised)
    return cuts[0] if cuts else None


def camel_ok(left: str, right: str, whole: str) -> bool:
    """Is ``left|right`` (lower->Upper inside ``whole``) glue rather than a CamelCase name?"""
    if len(right) < 2 or (len(left) < 2 and left != "a"):
        return False
    if right.isupper() and not left.islower() and left.lower() not in FUNCTION_WORDS:
        return False  # "DrKW", "McKW": initials, not glue
    if left.lower() in NAME_PREFIXES:
        return False
    table = zipf_table()
    zt = table.get(whole.lower(), 0.0)
    if zt == 0.0 or (right.isupper() and (left.islower() or left.lower() in FUNCTION_WORDS)):
        return True  # unknown, or an acronym glued to a word: "saidAOL", "aUS", "TheUS"
    # a CamelCase token wordfreq knows is a name unless both parts are far more common
    return min(table.get(left.lower(), 0.0), table.get(right.lower(), 0.0)) - zt >= 3.0


__all__ = ["FUNCTION_WORDS", "camel_ok", "split_point", "split_points", "zipf", "zipf_table"]
