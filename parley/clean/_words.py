"""Word frequencies (wordfreq, loaded once per process) and the glued-word splitter.

A token is split only when two known words are far more likely than the token itself:
frequencies are Zipf values (log10 of occurrences per billion words), so the score of a split
``l + r`` is ``zipf(l) + zipf(r) - 9`` against ``zipf(token)``.
"""

from __future__ import annotations

import itertools
import math
import re
import threading

_LOCK = threading.Lock()
_ZIPF: dict[str, float] | None = None
_TOKEN = re.compile(r"\S+")
_INNER_CAP = re.compile(r"[a-z][A-Z]")
#: a lost space after punctuation inside a token ("said.The", "rose,with", "so...it")
_SUBTOKEN = re.compile(r"(?<=[a-z0-9)\"'%])(?:[.!?]+[\"')\]]?(?=[\"(]?[A-Z])|[,;:](?=[A-Za-z])"
                       r"|\.{3}(?=[A-Za-z]))")
_TERMINAL = frozenset(".!?:;\"')]")
_ENTITY_END = re.compile(r"&#?\w+;\Z")

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




# --------------------------------------------------------------------------- line-end evidence

#: suffixes after an apostrophe ("company's", "wasn't", "they'll")
_CLITICS = frozenset({"s", "t", "d", "m", "ll", "re", "ve"})
#: a cut that follows sentence or clause punctuation ("region.The", "rose,with")
_PUNCT_CUT = frozenset(".,;:!?")


#: prefixes that make new words of known ones ("recapitalised", "unhedged")
_PREFIXES = ("re", "un", "non", "pre", "over", "under", "out", "co", "de", "dis", "mis", "sub")
#: units written straight after a number ("$11bn", "374m")
_UNITS = frozenset({"m", "bn", "mn", "tn", "k", "km", "kg", "g", "p", "pc", "am", "pm", "s",
                    "th", "st", "nd", "rd", "mph", "ft", "lb", "lbs", "mw", "gw"})
#: what a lower->Upper change inside a glued token adds to the score of a cut there
CAMEL_BONUS = 4.0
#: the score of a cut after sentence punctuation ("region.The"); a very likely word cut in
#: the same token wins, since a lost sentence space is also mended without the layout
PUNCT_SCORE = 11.0
WEAK = 9.0
#: how much less likely than a known word its split may be at a weak site
WEAK_PRIOR = -1.5
#: the share of wrapped lines that may break the greedy-wrap rules (paragraph ends)
RAGGED = 0.2
_MOJIBAKE_APOSTROPHE = "\u00e2\u20ac\u2122"
_APOSTROPHES = "'\u2019\u00e2\u20ac\u2122"


def _piece_score(piece: str, table: dict[str, float]) -> float:
    """Log-probability (Zipf scale) of ``piece`` standing as a word; low when unknown."""
    piece = piece.replace("\u00e2\u20ac\u2122", "'").replace("\u2019", "'")
    low = piece.lower()
    if "'" in low:
        head, _, tail = low.rpartition("'")
        if tail in _CLITICS and head:
            return _piece_score(piece[:len(head)], table) - 0.5
        return -5.0
    if "-" in low:
        # a compound scores as its parts: "ex-King", "would-be", not "law-a|biding"
        parts = [p for p in piece.split("-") if p]
        if not parts or any(len(p) == 1 for p in parts):
            return -5.0
        return sum(_part_score(p, table) for p in parts) / len(parts)
    n = len(low)
    z = table.get(low, 0.0)
    if n <= 2 and low not in SHORT_WORDS and low != "am" and not (n == 1 and piece == "I"):
        if n == 2 and piece.isupper():
            return max(z - 1.0, 2.0)  # an acronym: "UK", "EU", "LG"
        if n == 2 and piece[0].isupper() and z >= 4.0:
            return z - 1.0  # "Mr", "Dr"
        return -5.0 if z < 6.0 else z - 4.0
    if piece.isupper() and n >= 3:
        return max(z, 2.0)  # an acronym: "JPM", "BBC"
    if piece[0].isupper() and n >= 3:
        # a capitalised piece may be a name wordfreq hardly knows, but a long unknown one is
        # seldom a name: "Pixaranimati|on"
        return max(z, 1.0 - 0.3 * max(0, n - 8))
    if z > 0.0:
        if z < 2.0:
            return z - 3.0  # "geard": a word so rare that a name is likelier
        return z if n > 3 or z >= 3.5 else z - 1.5
    if piece[0].isupper():
        return 1.0 if n >= 3 else -5.0  # an unknown capitalised piece is most often a name
    for prefix in _PREFIXES:
        if low.startswith(prefix) and len(low) - len(prefix) >= 5:
            zr = table.get(low[len(prefix):], 0.0)
            if zr >= 1.5:
                return zr - 1.5  # "recapitalised"
    return -5.0


def _word_start(token: str, k: int, *, camel: bool = True) -> int:
    """Start of the word that ends at ``k`` (``camel``: it starts at a lower->Upper change)."""
    while k > 0 and (token[k - 1].isalpha() or token[k - 1] in _APOSTROPHES or token[k - 1] == "-"):
        k -= 1
        if camel and k > 0 and token[k].isupper() and token[k - 1].islower():
            break
    return k


def _part_score(part: str, table: dict[str, float]) -> float:
    """Score of one part of a hyphenated compound (two-letter parts: "ex", "co", "up")."""
    if len(part) == 2:
        z = table.get(part.lower(), 0.0)
        return z - 1.0 if z >= 4.0 else -5.0
    return _piece_score(part, table)


def _word_end(token: str, k: int, *, camel: bool = True) -> int:
    """End of the word that starts at ``k`` (``camel``: it ends at a lower->Upper change)."""
    n = len(token)
    j = k
    while j < n:
        if token.startswith(_MOJIBAKE_APOSTROPHE, j) and j + 3 < n and token[j + 3].isalpha():
            j += 3  # "theyâ€™re": an apostrophe read as cp1252
            continue
        if not (token[j].isalpha() or (token[j] in _APOSTROPHES and j + 1 < n
                                       and token[j + 1].isalpha())):
            break
        if camel and j > k and token[j].isupper() and token[j - 1].islower():
            break
        j += 1
    return j


def site_cut(token: str, hi: int, table: dict[str, float], *, prior: float = 2.0,
             least: float = 2.5, boundary: bool = False) -> tuple[float, int] | None:
    """``(score, cut)``: the likeliest cut in ``token`` at an offset ``<= hi``, where a lost
    line break is known to have glued two words, or None when no cut beats the token.

    Each cut is scored as the sum of the log-frequencies (Zipf) of the two words it makes
    (an unknown capitalised piece counts as a rare name, an unknown lower-case piece as very
    unlikely); a cut after sentence or clause punctuation wins outright and a lower->Upper
    change ("theMitsubishi") scores a little more. A known word ("turnaround") is cut only
    when the two words are together likelier than it; an unknown one ("Yukosclaims") only
    when the score reaches that of a rare name plus a common word.
    """
    # ``boundary``: the token follows a lost sentence space ("said.|The"), a cut before it
    best: tuple[float, int] | None = (PUNCT_SCORE, 0) if boundary and hi >= 0 else None
    for k in range(1, min(hi, len(token) - 1) + 1):
        a, b = token[k - 1], token[k]
        if not b.isalpha():
            continue
        if a in _PUNCT_CUT:
            if a == ";" and _ENTITY_END.search(token, 0, k):
                continue  # "&lt;Donohue": an SGML entity
            if k >= 2 and (token[k - 2].isalpha() or token[k - 2] in ")\"'%"):
                ellipsis = token.endswith("...", 0, k)
                if a == "." and not ellipsis and (
                        b.islower() or (k >= 3 and token[k - 3] == ".")
                        or (k + 1 < len(token) and token[k + 1] == ".")):
                    continue  # "e.g", "U.S.A": not a sentence end
                if not (k + 1 < len(token) and token[k + 1].isalpha()) and b not in "AI":
                    continue  # "<BNPP.P>": a ticker, not a sentence end
                score = PUNCT_SCORE
            elif k >= 4 and token.endswith("...", 0, k):
                score = PUNCT_SCORE  # "income...some"
            else:
                continue
        elif a.isalpha() and token.startswith(("\u00c2\u00a3", "\u00a3"), k):
            # a word glued to a price whose pound sign was read as cp1252: "aÂ£7m"
            score = _piece_score(token[_word_start(token, k):k], table) + 3.0
        elif a.isalpha():
            ls, re_ = _word_start(token, k), _word_end(token, k)
            if not re_ > k:
                continue
            # a CamelCase word wordfreq knows is one piece ("WorldCom|has")
            ls0, re0 = _word_start(token, k, camel=False), _word_end(token, k, camel=False)
            if ls0 < ls and table.get(token[ls0:k].lower(), 0.0) >= 2.0:
                ls = ls0
            if re0 > re_ and table.get(token[k:re0].lower(), 0.0) >= 2.0:
                re_ = re0
            left, right = token[ls:k], token[k:re_]
            if ls > 0 and token[ls - 1].isdigit() and left.lower() in _UNITS:
                zl = 5.0  # a unit after a number: "374meuros"
            elif len(left) == 1 and left.isupper() and right[0].isupper() and right[1:].islower():
                zl = 3.0  # an initial: "MWilliams" -> "M Williams"
            else:
                zl = _piece_score(left, table)
            if re_ < len(token) and token[re_] == "-" and len(right) <= 3:
                # the first part of a compound: "ex-King", "co-chairman", "X-Box"
                zr = 2.0 if len(right) == 1 and right.isupper() else _part_score(right, table)
                compound = True
            else:
                zr = _piece_score(right, table)
                compound = False
            score = zl + zr
            # a piece that stops at a case change inside the token needs a second cut
            if ls > 0 and token[ls - 1].isalpha():
                score -= 6.0
            if re_ < len(token) and token[re_].isalpha():
                score -= 6.0
            if a.islower() and b.isupper():
                if left.lower() in NAME_PREFIXES and ls == 0 and left[0].isupper():
                    score -= 4.0
                else:
                    score += CAMEL_BONUS
            elif a.isupper() and b.isupper() and not (k + 1 < len(token)
                                                      and token[k + 1].islower()):
                score -= 2.0  # inside an acronym; "LGGroup" cuts before "Group"
            if re_ - k == 1 and not compound:
                score -= 3.0  # a one-letter word glued at the end: "Finanziari|a"
            whole = token[ls:re_].replace(_MOJIBAKE_APOSTROPHE, "'").lower().rsplit("-", 1)[-1]
            if whole.endswith("'s"):
                whole = whole[:-2]  # "Pullman's"
            zw = table.get(whole, 0.0)
            # a known word stays unless the split is about as likely; a capitalised one (a
            # name: "Usher", "Pullman") needs a larger margin
            margin = prior - max(0.0, zw - 3.0) - (1.0 if token[ls].isupper() else 0.0)
            if zw > 0.0 and score - 9.0 < zw - margin:
                continue  # a known word stays unless the split is (nearly) as likely
        else:
            continue
        if best is None or score > best[0]:
            best = (score, k)
    if best is None or best[0] < least:
        return None
    return best


def wrap_glue(raw: str) -> tuple[bool, list[int]]:
    """Read the layout of hard-wrapped ``raw`` text: ``(hard_wrapped, glue cuts)``.

    In text hard-wrapped at a fixed width, a line break that was lost makes one line about
    twice as long as the others, and the glue sits where the line would have been broken: in
    the first word that would have run past the wrap width. The width lies between the
    longest ordinary line and the shortest "line + next line's first word" (that word did not
    fit). Each over-long line is walked word by word as if re-wrapped, and where a word would
    cross the width the likeliest cut (:func:`site_cut`) among the words in the uncertain
    band is taken. Returns the raw offsets of the cuts (where a space goes back), and whether
    the text is hard-wrapped at all (most lines in a narrow band below the width).
    """
    if raw.count("\n") < 4:
        return False, []
    table = zipf_table()
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in raw.split("\n"):
        lines.append((pos, line.rstrip()))
        pos += len(line) + 1
    lengths: list[int] = []
    pairs: list[tuple[int, int]] = []
    for (_, a), (_, b) in itertools.pairwise(lines):
        if not b.strip() or len(a) < 20:
            continue
        n = len(a)
        if a.endswith("-"):
            n = a.rfind(" ") if " " in a else n
        elif a[-1] not in _TERMINAL:  # a line that ends a sentence may end a paragraph
            pairs.append((n, len(b.lstrip().split(" ", 1)[0])))
        lengths.append(n)
    if len(lengths) < 4:
        return False, []
    lengths.sort()
    median = lengths[len(lengths) // 2]
    ordinary = [n for n in lengths if n <= 1.3 * median]
    if len(ordinary) < 4:
        return False, []
    # the width W: no ordinary line is longer, and each wrapped line's next word did not fit
    # (n + 1 + w > W); a line that ended a paragraph breaks the second rule, a short glued line
    # the first, so W is the width that breaks fewest, and [lo, hi] the widths that tie
    costs: list[tuple[int, int]] = []
    for width in range(ordinary[len(ordinary) // 2], ordinary[-1] + 8):
        cost = sum(1 for n in ordinary if n > width) + sum(
            1 for n, w in pairs if n + 1 + w <= width)
        costs.append((cost, width))
    least = min(c for c, _ in costs)
    tied = [w for c, w in costs if c == least]
    lo, hi = tied[0], min(tied[-1], tied[0] + 6)
    # hard-wrapped: the ordinary lines fill a narrow band below the width
    band = sum(1 for n in ordinary if lo - 20 <= n <= lo)
    if band < 0.7 * len(ordinary) or lo > 200:
        return False, []
    # greedy wrapping (a word goes to the next line only when it does not fit) is what makes
    # the columns tell where glue is; ragged wrapping (Reuters) gives no such evidence
    if least > RAGGED * len(pairs):
        return True, []
    cuts: list[int] = []
    for start, line in lines:
        if len(line) <= hi + 1:
            if len(line) >= lo and " " in line:
                # a full line: its last word may hold glue that ended a paragraph
                s = line.rfind(" ") + 1
                found = site_cut(line[s:], len(line) - s, table, prior=WEAK_PRIOR, least=WEAK)
                if found is not None:
                    cuts.append(start + s + found[1])
            continue
        spans = [(m.start(), m.end()) for m in _TOKEN.finditer(line)]
        if line.endswith("-"):
            spans.pop()
        # words that lost a sentence space are walked one by one: "cuttingfurther.|Economic"
        tokens: list[tuple[int, int, bool]] = []
        for s0, e0 in spans:
            cut0 = s0
            for m in _SUBTOKEN.finditer(line, s0, e0):
                if _ENTITY_END.search(line, s0, m.end()):
                    continue  # "&lt;Donohue": an SGML entity, not a lost space
                tokens.append((cut0, m.end(), cut0 > s0))
                cut0 = m.end()
            tokens.append((cut0, e0, cut0 > s0))
        v = 0
        j = 0
        cut_made = False
        while j < len(tokens):
            s, e, _ = tokens[j]
            if e - v < lo:
                j += 1
                continue
            if j == len(tokens) - 1 and e - v <= hi and cut_made:
                # the last word fits: glue in it ended a paragraph, if anything
                found = site_cut(line[s:e], e - s, table, prior=WEAK_PRIOR, least=WEAK)
                if found is not None:
                    cuts.append(start + s + found[1])
                break
            best: tuple[float, int, int] | None = None
            jj = j
            while jj < len(tokens) and tokens[jj][0] - v <= hi:
                s2, e2, after_punct = tokens[jj]
                found = site_cut(line[s2:e2], hi - (s2 - v), table, boundary=after_punct)
                if found is not None and (best is None or found[0] > best[0]):
                    best = (found[0], jj, s2 + found[1])
                jj += 1
            if best is None:
                v = s
                j += 1
                continue
            cuts.append(start + best[2])
            cut_made = True
            v = best[2]
            j = best[1] + 1
    return True, cuts

__all__ = ["FUNCTION_WORDS", "camel_ok", "site_cut", "split_point", "split_points", "wrap_glue",
           "zipf", "zipf_table"]
