"""Text repair: raw scraped text in, clean text out, with an exact map back to the raw text.

The passes, in order (each one edits a :class:`~parley.clean._buffer.Buffer`, so offsets stay
exact whatever the passes do):

1. characters: ``\\r\\n`` to ``\\n``, control and zero-width characters dropped, HTML/SGML
   entities decoded (``&lt;`` -> ``<``, ``&#3;`` dropped), odd spaces to spaces, mojibake fixed
   with ftfy, typographic quotes to ASCII quotes (``’`` -> ``'``, ``“`` -> ``"``);
2. lines: boilerplate lines (comment widgets, share bars, "Read more", bylines, sign-offs)
   and source lines (``Source: www...``) are removed and kept in ``removed``; the URLs of source
   lines become ``cited_sources``; a dateline at the start is removed, its place and date kept;
3. line joins: hard-wrapped lines are joined into paragraphs, words hyphenated at a line end
   are rejoined (``media-\\ntion`` -> ``mediation``, ``long-\\nterm`` -> ``long-term``);
4. glue: a space goes back where a lost line break glued words (``partnersby``,
   ``MariaZakharova``, ``region.The``, ``tensions,with``);
5. spaces: runs of spaces collapsed, lines and the text stripped, 3+ newlines become 2.

Normalisations (a clean character that differs from the raw character it maps to): quotes and
primes to ``'`` / ``"``, any whitespace to a space, an entity or a mojibake run to the character
it stands for (mapped to the first raw character of the run).
"""

from __future__ import annotations

import html
import itertools
import re
from bisect import bisect_right
from collections import Counter

import numpy as np

from ..models import Dateline, RemovedSpan, RepairResult
from ._buffer import ANCHOR, INSERT, SAME, Buffer, Edit
from ._words import FUNCTION_WORDS, camel_ok, split_points, wrap_glue, zipf_table
from .boilerplate import MAX_LINE, boilerplate_reason
from .dateline import match_dateline
from .sources import extract_urls, source_line_start

QUOTES = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
})
_CHARS = re.compile(
    r"\r\n?|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f\u200b-\u200d\u2060\ufeff\xad]"
    r"|[\t\xa0\u2000-\u200a\u202f\u205f\u3000]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f\u200b-\u200d\u2060\ufeff\xad]")
_MOJIBAKE = re.compile(
    "[ÂÃâ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\xa0-\xbf]"
)

_TERMINAL = frozenset(".!?:;\"')]")
_BULLET = re.compile(r"(?:[-*•–—]\s|\d{1,3}[.)]\s|[a-z][.)]\s)")
_PROTECT_MARK = re.compile(r"://|www\.|@|#|\.(?:com|org|net|gov|edu|int|io|info)\b|(?-i:\w\.[a-z]{2,})",
                           re.IGNORECASE)
_PUNCT_GLUE = re.compile(
    r"(?<=[a-z0-9%)\"'][a-z0-9%)\"'])(?:[.!?]+[\"')\]]?)(?=[\"(]?[A-Z][a-z]|[A-Z]{2,}\b|[A-Z] )"
    r"|(?<=[A-Z]{2})[.!?](?=[A-Z][a-z]{2,})"
    r"|(?<=[A-Za-z0-9%)\"'])[,;](?=[A-Za-z])"
    r"|(?<=\d)(?:bn|mn|tn|m|k)(?=[a-z]{3,}\b)"
    r"|(?<=[a-z][a-z]):(?=[A-Z][a-z])"
    r"|(?<=\b[A-Z]\.[A-Z])\.(?=[A-Z][a-z])"
)
_SENTENCE_GLUE = re.compile(r"(?:^|(?<=\s))(\S*[A-Za-z0-9])[.!?](?=(I|[A-Z][a-z]+)\b)")
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "no", "co", "inc", "corp", "ltd", "jr", "sr", "gen", "gov",
    "sen", "rep", "vol", "fig", "vs", "prof", "capt", "col", "lt", "sgt", "rev", "mt", "ft",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})
_WORD = re.compile(r"[^\W\d_]+")
_NAME_AFTER = re.compile(r" [A-Z][a-z]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"]\s*|\n)\Z")
_WORD3 = re.compile(r"[^\W\d_]{3,}")
_NAME_BEFORE = re.compile(r"(?:^|[^.!?\n\s] +)(?:Mr|Mrs|Ms|Dr|[A-Z][a-z]+|[A-Z]\.) +\Z")
_ACRONYM_GLUE = re.compile(r"([A-Z]{2,})([a-z]{2,})\Z")
_CONTRACTION = re.compile(r"(s|t|d|m|ll|re|ve)((?<=[a-z])[a-z]{3,}|[A-Z][a-z]+)\Z")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SPACES = re.compile(r"(?<=[^\n ]) {2,}| +(?=\n)|(?<=\n) +|\n{3,}")


def repair(text: str) -> RepairResult:
    """Repair scraped ``text``; see the module docstring for what is done."""
    buf = Buffer(text)
    changes: Counter[str] = Counter()
    removed: list[RemovedSpan] = []
    _characters(buf, changes)
    dateline, cited = _lines(buf, text, changes, removed)
    wrapped, cuts = wrap_glue(text)
    _join_lines(buf, changes)
    _unglue(buf, changes, wrapped=wrapped, layout_cuts=cuts)
    _spaces(buf)
    removed.sort(key=lambda r: r.raw_start)
    return RepairResult(
        text=buf.text,
        offsets=buf.offset_map(),
        removed=removed,
        dateline=dateline,
        cited_sources=cited,
        changes={k: v for k, v in sorted(changes.items()) if v},
    )


# --------------------------------------------------------------------------- 1 characters


def _characters(buf: Buffer, changes: Counter[str]) -> None:
    if _MOJIBAKE.search(buf.text):
        _mojibake(buf, changes)
    text = buf.text
    edits: list[Edit] = []
    for m in _CHARS.finditer(text):
        s = m.group(0)
        c = s[0]
        if c == "\r":
            edits.append(Edit(m.start(), m.end(), "\n", ANCHOR))
            changes["line-endings"] += 1
        elif c == "&":
            value = html.unescape(s)
            if value == s:
                continue
            changes["entities"] += 1
            value = _CONTROL.sub("", value)
            if value in ("\t", "\xa0"):
                value = " "
            edits.append(Edit(m.start(), m.end(), value, ANCHOR))
        elif _CONTROL.match(c):
            edits.append(Edit(m.start(), m.end(), ""))
            changes["control-chars"] += 1
        else:
            edits.append(Edit(m.start(), m.end(), " ", SAME))
            changes["spaces"] += 1
    buf.apply(edits)
    translated = buf.text.translate(QUOTES)
    if translated != buf.text:
        changes["quotes"] += sum(1 for a, b in zip(buf.text, translated, strict=True) if a != b)
        buf.text = translated


def _mojibake(buf: Buffer, changes: Counter[str]) -> None:
    import difflib

    import ftfy

    text = buf.text
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        if _MOJIBAKE.search(line):
            fixed = ftfy.fix_encoding(line)
            if fixed != line:
                sm = difflib.SequenceMatcher(None, line, fixed, autojunk=False)
                for op, i1, i2, j1, j2 in sm.get_opcodes():
                    if op != "equal":
                        edits.append(Edit(pos + i1, pos + i2, fixed[j1:j2], ANCHOR))
                changes["mojibake"] += 1
        pos += len(line) + 1
    buf.apply(edits)


# --------------------------------------------------------------------------- 2 lines


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _lines(
    buf: Buffer, raw: str, changes: Counter[str], removed: list[RemovedSpan]
) -> tuple[Dateline | None, list[str]]:
    text = buf.text
    n = len(text)
    edits: list[Edit] = []
    cited: dict[str, None] = {}
    dateline: Dateline | None = None
    content_seen = 0

    def remove(start: int, end: int, reason: str) -> None:
        if end <= start:
            return
        r0, r1 = buf.raw_span(start, end)
        removed.append(RemovedSpan(raw_start=r0, raw_end=r1, text=raw[r0:r1], reason=reason))
        edits.append(Edit(start, end, ""))

    spans = _line_spans(text)
    content = [k for k, (a, b) in enumerate(spans) if text[a:b].strip()]
    tail = set(content[-2:])  # an agency sign-off ("Reuter") only ends a story
    for k, (start, end) in enumerate(spans):
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            continue
        whole_end = end + 1 if end < n else end  # with its newline
        if len(stripped) <= MAX_LINE:
            reason = boilerplate_reason(stripped)
            if reason == "boilerplate:signoff" and k not in tail:
                reason = None
            if reason is not None:
                remove(start, whole_end, reason)
                changes["boilerplate-lines"] += 1
                continue
        cut = source_line_start(line)
        if cut is not None:
            for url in extract_urls(line[cut:]):
                cited[url] = None
            if cut == 0 or not line[:cut].strip():
                remove(start, whole_end, "source-line")
            else:
                remove(start + cut, end, "source-line")
            changes["source-lines"] += 1
            if cut == 0 or not line[:cut].strip():
                continue
        if dateline is None and content_seen < 3:
            lead = len(line) - len(line.lstrip())
            dm = match_dateline(line[lead:])
            if dm is not None:
                d_start, d_end = start + lead, start + lead + dm.end
                if not line[lead + dm.end:].strip():
                    d_end = whole_end
                r0, r1 = buf.raw_span(d_start, d_end)
                dateline = Dateline(place=dm.place, date=dm.date, raw_start=r0, raw_end=r1)
                remove(d_start, d_end, "dateline")
                changes["dateline"] += 1
        content_seen += 1
    edits.sort(key=lambda e: (e.start, e.end))
    buf.apply(edits)
    return dateline, list(cited)


# --------------------------------------------------------------------------- 3 line joins


def _join_lines(buf: Buffer, changes: Counter[str]) -> None:
    text = buf.text
    if "\n" not in text:
        return
    spans = _line_spans(text)
    lines = [text[s:e].strip() for s, e in spans]
    wrapped = [
        len(a) for a, b in itertools.pairwise(lines)
        if a and b and a[-1] not in _TERMINAL and len(a) >= 20
    ]
    w_max = max(wrapped) if len(wrapped) >= 2 else 0
    w_med = sorted(wrapped)[len(wrapped) // 2] if w_max else 0
    table = zipf_table()
    edits: list[Edit] = []
    for i in range(len(lines) - 1):
        a, b = lines[i], lines[i + 1]
        if not a or not b:
            continue
        nl = spans[i][1]  # the newline
        if _BULLET.match(b):
            continue
        last = a[-1]
        if last == "-" and len(a) >= 2 and a[-2].isalpha() and b[0].islower():
            left = _trailing_word(a[:-1]).lower()
            right = _leading_word(b).lower()
            hyphen = text.rindex("-", spans[i][0], nl)
            if _keep_hyphen(left, right, table):
                edits.append(Edit(hyphen + 1, nl + 1, ""))
            else:
                edits.append(Edit(hyphen, nl + 1, ""))
            changes["hyphenation"] += 1
            continue
        if b[0].islower():
            join = True
        elif last not in _TERMINAL and last != "-":
            join = len(a) >= 0.5 * w_med if w_max else len(a) >= 60 and last.isalnum()
        else:
            join = bool(w_max) and 0.85 * w_med <= len(a) <= w_max + 1
        if join:
            edits.append(Edit(nl, nl + 1, " ", SAME))
            changes["line-joins"] += 1
    buf.apply(edits)


def _trailing_word(s: str) -> str:
    m = re.search(r"[^\W\d_]+$", s)
    return m.group(0) if m else ""


def _leading_word(s: str) -> str:
    m = re.match(r"[^\W\d_]+", s)
    return m.group(0) if m else ""


def _keep_hyphen(left: str, right: str, table: dict[str, float]) -> bool:
    """``long-\\nterm`` keeps its hyphen; ``media-\\ntion`` loses it."""
    zl, zr = table.get(left, 0.0), table.get(right, 0.0)
    zj = table.get(left + right, 0.0)
    return zl >= 2.5 and zr >= 2.5 and zj < min(zl, zr) - 1.0


# --------------------------------------------------------------------------- 4 glue


def _unglue(buf: Buffer, changes: Counter[str], *, wrapped: bool = False,
            layout_cuts: list[int] | None = None) -> None:
    text = buf.text
    protected: list[tuple[int, int]] = []
    for m in _PROTECT_MARK.finditer(text):
        a = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        b = min((k for k in (text.find(" ", m.end()), text.find("\n", m.end())) if k >= 0),
                default=len(text))
        if protected and a <= protected[-1][1]:
            protected[-1] = (protected[-1][0], max(b, protected[-1][1]))
        else:
            protected.append((a, b))
    p_starts = [s for s, _ in protected]

    def is_protected(i: int) -> bool:
        if not protected:
            return False
        k = bisect_right(p_starts, i) - 1
        return k >= 0 and i < protected[k][1]

    inserts: set[int] = set()
    names: list[int] = []
    table = zipf_table()
    for m in _PUNCT_GLUE.finditer(text):
        if is_protected(m.start()):
            continue
        if m.group(0)[0].isalpha():  # a unit glued to a word: "$11bnfinancial"
            word = _WORD.match(text, m.end())
            if word is None or table.get(word.group(0), 0.0) < 3.0:
                continue
        inserts.add(m.end())
        changes["glued-sentences"] += 1
    for m in _SENTENCE_GLUE.finditer(text):
        # a lost sentence space after an acronym or a number ("the IRA.It", "Halo 2.Simply"):
        # only before a common sentence opener, never after an initial or an abbreviation
        if m.end() in inserts or is_protected(m.start()):
            continue
        nxt, before = m.group(2), m.group(1)
        if nxt != "I" and table.get(nxt.lower(), 0.0) < 5.0:
            continue
        if (len(before) < 2 and not before.isdigit()) or "." in before or (
                before.lower() in _ABBREVIATIONS):
            continue
        inserts.add(m.end())
        changes["glued-sentences"] += 1
    punct = set(inserts)
    counts = Counter(_WORD3.findall(text))
    first: dict[str, int] | None = None
    if len(text) > 200_000:  # one pass beats a text.find per candidate on long texts
        first = {}
        for w in _WORD3.finditer(text):
            first.setdefault(w.group(0), w.start())
    for tok, count in counts.items():
        if count > 1:
            continue  # a token the document repeats is a word of its own (TimeWarner)
        z = table.get(tok.lower())
        if (z is not None and z >= 4.0) or not tok.isascii():
            continue
        start = first[tok] if first is not None else _find_word(text, tok)
        if start < 0 or is_protected(start):
            continue
        pieces: list[tuple[int, str]] = [(start, tok)]
        acronym = _ACRONYM_GLUE.match(tok) if tok[1].isupper() else None
        contraction = _CONTRACTION.match(tok) if start > 0 and text[start - 1] == "'" else None
        if contraction is not None:
            # a possessive or contraction glued to the next word: "company'sdebt",
            # "Japan'sNippon", "wasn'tcomfortable"
            rest = contraction.group(2)
            if rest[0].isupper() or table.get(rest, 0.0) >= 3.0 or split_points(rest):
                inserts.add(start + len(contraction.group(1)))
                changes["glued-words"] += 1
                pieces = [(start + len(contraction.group(1)), rest)]
        elif acronym is not None:
            # an acronym glued to a word: "USsales", "GDPin", "UKChancellor", "CEStrade"
            caps, lower = acronym.group(1), acronym.group(2)
            if z is None or z < 2.0:
                options = []
                for head in (caps, caps[:-1]):
                    low = tok[len(head):].lower()
                    if len(head) >= 2 and (low in FUNCTION_WORDS or (
                            len(low) >= 3 and table.get(low, 0.0) >= 2.5)):
                        options.append((table.get(low, 0.0), len(head)))
                if options:  # "MTVAwards" -> "MTV Awards", "GDPin" -> "GDP in"
                    cut = start + max(options)[1]
                    if text[cut].isupper():
                        names.append(cut)  # "USAir": maybe a name, "UKChancellor"
                    else:
                        inserts.add(cut)
                        changes["glued-words"] += 1
            del lower
            continue
        elif not tok.isupper() and _CAMEL.search(tok):
            pieces = []
            prev = 0
            for c in _CAMEL.finditer(tok):
                b = c.start()
                left, right = tok[prev:b], _leading_word_upper(tok[b:])
                if camel_ok(left, right, tok):
                    pieces.append((start + prev, left))
                    if left[0].isupper():
                        names.append(start + b)  # "MariaZakharova" or a brand name
                    else:
                        inserts.add(start + b)  # "bothPakistan", "saidAOL": glue
                        changes["glued-words"] += 1
                    prev = b
            pieces.append((start + prev, tok[prev:]))
        for p_start, piece in pieces:
            if len(piece) < 3:
                continue
            if piece.islower():
                cuts = split_points(piece)
            elif piece[0].isupper() and piece[1:].islower():
                # the second word of a name ("Bruce Misamore") only loses a function word
                after_name = p_start == start and bool(
                    _NAME_BEFORE.search(text, max(0, start - 40), start)
                    or (_NAME_AFTER.match(text, start + len(tok))
                        and not _SENTENCE_START.search(text, max(0, start - 3), start)))
                cuts = split_points(piece.lower(), capitalised=True, after_name=after_name)
                if cuts and table.get(piece.lower(), 0.0) == 0.0:
                    # an unknown capitalised token is most often a name ("Dimis", "Allwaste"):
                    # split only in a document that shows other glue, unless it starts with a
                    # function word ("Asuccessful") or its name part stands alone elsewhere
                    # in the document ("Yukos ... Yukoshad")
                    left = piece[:cuts[0]]
                    if not (left.lower() in FUNCTION_WORDS or counts.get(left, 0) > 0):
                        names.extend(p_start + cut for cut in cuts)
                        continue
            else:
                continue
            for cut in cuts:
                inserts.add(p_start + cut)
                changes["glued-words"] += 1
    if inserts and names:
        # Capitalised CamelCase ("ChevronTexaco", "MariaZakharova") and unknown capitalised
        # tokens ("Yukoshad") are split only in a document that shows other glue: undamaged
        # text is full of brand names.
        inserts.update(names)
        changes["glued-words"] += len(names)
    if wrapped:
        # hard-wrapped text: glue sits where a line was broken (see ``wrap_glue``); the word
        # rules above are not trusted elsewhere, only lost sentence spaces are
        changes["glued-words"] = 0
        inserts = set(punct)
        for i in _raw_to_buf(buf, layout_cuts or []):
            if i not in inserts:
                inserts.add(i)
                changes["glued-words"] += 1
    buf.apply([Edit(i, i, " ", INSERT) for i in sorted(inserts)])


def _raw_to_buf(buf: Buffer, raw: list[int]) -> list[int]:
    """Current positions of the raw offsets ``raw`` that are still in the text."""
    if not raw or not buf.text:
        return []
    a = np.frombuffer(buf.idx, dtype=np.int64)
    mono = np.maximum.accumulate(a)
    out = []
    for r, i in zip(raw, np.searchsorted(mono, raw).tolist(), strict=True):
        # a[i] > r: the raw character was consumed by a fix ("Â£" -> "£"); the space goes
        # before the next character that is still there
        if i < len(a) and a[i] >= r and i > 0 and buf.text[i - 1] not in " \n" and (
                a[i] == r or buf.text[i - 1].isalpha()):
            out.append(i)
    return out


def _find_word(text: str, word: str) -> int:
    """Offset of ``word`` as a whole word in ``text``, or -1."""
    n = len(word)
    i = text.find(word)
    while i >= 0:
        if (i == 0 or not text[i - 1].isalpha()) and (
                i + n == len(text) or not text[i + n].isalpha()):
            return i
        i = text.find(word, i + 1)
    return -1


def _leading_word_upper(s: str) -> str:
    m = re.match(r"[A-Z][a-z]+|[A-Z]+", s)
    return m.group(0) if m else s


# --------------------------------------------------------------------------- 5 spaces


def _spaces(buf: Buffer) -> None:
    text = buf.text
    edits: list[Edit] = []
    lead = len(text) - len(text.lstrip())
    if lead:
        edits.append(Edit(0, lead, ""))
    for m in _SPACES.finditer(text, lead):
        s = m.group(0)
        if s[0] == "\n":
            edits.append(Edit(m.start() + 2, m.end(), ""))
        else:
            keep = 1 if m.start() > 0 and text[m.start() - 1] != "\n" and s.count(" ") == len(s) \
                and m.end() < len(text) and text[m.end()] != "\n" else 0
            edits.append(Edit(m.start() + keep, m.end(), ""))
    trail = len(text) - len(text.rstrip())
    if trail and (not edits or edits[-1].end <= len(text) - trail):
        edits.append(Edit(len(text) - trail, len(text), ""))
    elif trail:
        last = edits.pop()
        edits.append(Edit(min(last.start, len(text) - trail), len(text), ""))
    buf.apply(edits)


__all__ = ["repair"]
