"""The event lexicon: YAML data files of verb and noun patterns, validated on load.

A lexicon file has up to three sections (see ``docs/lexicon.md``)::

    entries:                 # what triggers an event, and its CAMEO code (or none)
      - id: mediate
        cameo: "045"
        verbs: [mediate, broker +deal|agreement|truce]
        nouns: [mediation]
        intent: "039"        # optional: the code when only intended ("offered to mediate")
    governors:               # verbs that change the meaning of the verb they govern
      intent: [offer, pledge, vow]
    derive:                  # CAMEO code of "intend to X" / "demand X" / ... by X's code prefix
      intent: {"04": "036", "045": "039"}

A pattern is ``LEMMA [PARTICLE ...] [+OBJECT|OBJECT] [~MODIFIER|MODIFIER] [!]``: the lemma of
the trigger, required particles or prepositions among its children ("call for", "set up"),
a required object lemma ("sign +agreement|treaty"; ``+*`` for any direct object), a required
modifier lemma ("strike ~hunger"), and ``!`` for "no direct object" ("demonstrate !").
Files are validated on load: unknown CAMEO codes, unknown sections or keys, malformed
patterns and the same pattern given two different codes raise
:class:`~parley.errors.DataFileError` naming the file and line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataFileError, Errors
from .cameo import cameo_table

LEXICON_DIR = Path(__file__).resolve().parents[1] / "data" / "lexicon"

GOVERNOR_KINDS = (
    "intent",  # "offered to mediate": intent to X (CAMEO 03x)
    "request",  # "urged Israel to withdraw": a request that X happen (10x / 02x)
    "appeal",  # "appealed for calm": appeal (02x)
    "reject",  # "refused to withdraw": rejection of X (12x)
    "threaten",  # "threatened to attack": threat of X (13x)
    "fail",  # "failed to reach": X negated
    "consider",  # "considering sending aid": consider a policy option (014)
    "hypothetical",  # "could reshape": X hypothetical
    "report",  # "said Y attacked Z": reported speech
    "light",  # "held talks", "launched an attack": the noun's event, the verb's subject
    "attempt",  # "tried to", "sought to": pass through to X unchanged
    "claim",  # "claimed that they attacked": claiming responsibility (015)
)
DERIVE_KINDS = ("intent", "request", "appeal", "reject", "threaten", "consider", "claim")

#: ``cameo: none`` marks a stop pattern: it matches, and nothing is coded ("fight poverty").
STOP_CODE = "none"

_ENTRY_KEYS = {"id", "cameo", "verbs", "nouns", "adjectives", "intent", "weight", "note"}


class _LStr(str):
    line: int = 0


class _LList(list[Any]):
    line: int = 0


class _LDict(dict[str, Any]):
    line: int = 0


#: a malformed line of a lexicon file (E030)
_err = DataFileError.at


def _from_node(node: yaml.Node, path: Path) -> Any:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        d = _LDict()
        d.line = line
        for knode, vnode in node.value:
            key = str(_from_node(knode, path))
            if key in d:
                raise _err(path, knode.start_mark.line + 1,
                           f"key {key!r} given twice in the same mapping (first on line "
                           f"{_line(d[key], line)}); merge the two")
            d[key] = _from_node(vnode, path)
        return d
    if isinstance(node, yaml.SequenceNode):
        lst = _LList(_from_node(v, path) for v in node.value)
        lst.line = line
        return lst
    assert isinstance(node, yaml.ScalarNode)
    s = _LStr(node.value)
    s.line = line
    return s


def _line(obj: Any, default: int = 1) -> int:
    return int(getattr(obj, "line", default))


@dataclass(frozen=True)
class Pattern:
    """One compiled trigger pattern."""

    entry: str
    code: str
    pos: str  # "verb", "noun" or "adjective"
    lemma: str
    particles: tuple[str, ...] = ()
    objects: frozenset[str] | None = None
    modifiers: frozenset[str] | None = None
    intent: str | None = None
    weight: float = 1.0
    intransitive: bool = False
    path: str = ""
    line: int = 0

    @property
    def specificity(self) -> float:
        objects = 0.0 if self.objects is None else 0.5 if "*" in self.objects else 1.0
        return (len(self.particles) + objects + (self.modifiers is not None)
                + self.intransitive)

    @property
    def text(self) -> str:
        out = [self.lemma, *self.particles]
        if self.objects:
            out.append("+" + "|".join(sorted(self.objects)))
        if self.modifiers:
            out.append("~" + "|".join(sorted(self.modifiers)))
        if self.intransitive:
            out.append("!")
        return " ".join(out)

    def key(self) -> tuple[Any, ...]:
        return (self.pos, self.lemma, self.particles, self.objects, self.modifiers,
                self.intransitive)


@dataclass
class Lexicon:
    """Compiled lexicon: patterns keyed by lemma, governor lemma sets, derivation tables."""

    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)
    #: predicate adjectives ("X is skeptical of Y"), matched like verbs
    adjectives: dict[str, list[Pattern]] = field(default_factory=dict)
    governors: dict[str, frozenset[str]] = field(default_factory=dict)
    derive: dict[str, dict[str, str]] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    version: str = ""

    def governor(self, kind: str, lemma: str) -> bool:
        return lemma in self.governors.get(kind, frozenset())

    def derived(self, kind: str, code: str) -> str | None:
        """The code of ``kind`` applied to ``code`` (longest matching code prefix)."""
        table = self.derive.get(kind, {})
        for n in range(len(code), 1, -1):
            if code[:n] in table:
                return table[code[:n]]
        return table.get("*")

    @property
    def n_patterns(self) -> int:
        return sum(len(v) for t in (self.verbs, self.nouns, self.adjectives)
                   for v in t.values())


def parse_pattern(text: str, *, pos: str, path: Path | str, line: int) -> Pattern:
    """Parse ``LEMMA [PARTICLE ...] [+OBJ|OBJ] [~MOD|MOD]`` (without entry data)."""
    words = text.split()
    if not words:
        raise _err(path, line, "empty pattern")
    lemma = words[0].lower()
    if not lemma.replace("-", "").replace("'", "").isalpha():
        raise _err(path, line, f"pattern {text!r}: the lemma {lemma!r} must be a word")
    particles: list[str] = []
    objects: frozenset[str] | None = None
    mods: frozenset[str] | None = None
    intransitive = False
    for w in words[1:]:
        if w == "!":
            intransitive = True
        elif w.startswith("+"):
            if objects is not None:
                raise _err(path, line, f"pattern {text!r}: give the objects once (+a|b)")
            objects = frozenset(x.lower() for x in w[1:].split("|") if x)
            if not objects:
                raise _err(path, line, f"pattern {text!r}: '+' needs object lemmas")
        elif w.startswith("~"):
            if mods is not None:
                raise _err(path, line, f"pattern {text!r}: give the modifiers once (~a|b)")
            mods = frozenset(x.lower() for x in w[1:].split("|") if x)
            if not mods:
                raise _err(path, line, f"pattern {text!r}: '~' needs modifier lemmas")
        elif w.isalpha():
            if objects is not None or mods is not None:
                raise _err(path, line, f"pattern {text!r}: particles come before +/~ parts")
            particles.append(w.lower())
        else:
            raise _err(path, line, f"pattern {text!r}: cannot read {w!r}")
    if intransitive and objects is not None:
        raise _err(path, line, f"pattern {text!r}: '!' (no object) contradicts '+' (object)")
    return Pattern(entry="", code="", pos=pos, lemma=lemma, particles=tuple(particles),
                   objects=objects, modifiers=mods, intransitive=intransitive, path=str(path),
                   line=line)


def _check_code(value: Any, path: Path, line: int, what: str) -> str:
    code = str(value).strip()
    if code not in cameo_table():
        raise _err(path, line, f"{what}: unknown CAMEO code {code!r} (see "
                   "parley/data/cameo/cameo.tsv for the codes parley knows)")
    return code


def _read(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(Errors.E020.format(path=path), path=str(path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(Errors.E031.format(path=path, reason=exc), path=str(path)) from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise _err(path, line, f"not valid YAML: {getattr(exc, 'problem', exc)}") from exc
    return None if node is None else _from_node(node, path)


def _load_into(lex: Lexicon, path: Path, seen: dict[tuple[Any, ...], Pattern]) -> None:
    data = _read(path)
    if data is None:
        return
    if not isinstance(data, dict):
        raise _err(path, _line(data), "a lexicon file is a mapping with 'entries', "
                   "'governors' and/or 'derive'")
    for key in data:
        if key not in ("entries", "governors", "derive"):
            raise _err(path, _line(data[key], _line(data)),
                       f"unknown section {key!r} (known: entries, governors, derive)")
    entries = data.get("entries") or []
    if not isinstance(entries, list):
        raise _err(path, _line(entries), "'entries' must be a list")
    ids: set[str] = set()
    for entry in entries:
        eline = _line(entry)
        if not isinstance(entry, dict):
            raise _err(path, eline, "each entry is a mapping with id, cameo, verbs/nouns")
        unknown = set(entry) - _ENTRY_KEYS
        if unknown:
            raise _err(path, eline, f"unknown key(s) {sorted(unknown)} (known: "
                       f"{sorted(_ENTRY_KEYS)})")
        if "id" not in entry or "cameo" not in entry:
            raise _err(path, eline, "an entry needs 'id' and 'cameo'")
        eid = str(entry["id"])
        if eid in ids:
            raise _err(path, _line(entry["id"]), f"duplicate entry id {eid!r}")
        ids.add(eid)
        if str(entry["cameo"]).strip().lower() == STOP_CODE:
            code = STOP_CODE
        else:
            code = _check_code(entry["cameo"], path, _line(entry["cameo"], eline),
                               f"entry {eid}")
        intent = None
        if "intent" in entry:
            intent = _check_code(entry["intent"], path, _line(entry["intent"], eline),
                                 f"entry {eid} intent")
        try:
            weight = float(entry.get("weight", 1.0))
        except ValueError as exc:
            raise _err(path, eline, f"entry {eid}: weight must be a number") from exc
        for pos, section in (("verb", "verbs"), ("noun", "nouns"), ("adjective", "adjectives")):
            pats = entry.get(section) or []
            if not isinstance(pats, list):
                raise _err(path, _line(pats, eline), f"entry {eid}: {section} must be a list")
            for raw in pats:
                pline = _line(raw, eline)
                p = parse_pattern(str(raw), pos=pos, path=path, line=pline)
                p = Pattern(entry=eid, code=code, pos=pos, lemma=p.lemma,
                            particles=p.particles, objects=p.objects, modifiers=p.modifiers,
                            intent=intent, weight=weight, intransitive=p.intransitive,
                            path=str(path), line=pline)
                prev = seen.get(p.key())
                if prev is not None:
                    if prev.code != p.code:
                        raise _err(path, pline, f"pattern {p.text!r} ({pos}) is coded {code} "
                                   f"here but {prev.code} in {prev.path}, line {prev.line} "
                                   f"(entry {prev.entry}); give it one code")
                    continue
                seen[p.key()] = p
                table = {"verb": lex.verbs, "noun": lex.nouns}.get(pos, lex.adjectives)
                table.setdefault(p.lemma, []).append(p)
    govs = data.get("governors") or {}
    if not isinstance(govs, dict):
        raise _err(path, _line(govs), "'governors' must be a mapping of kind -> lemmas")
    for kind, lemmas in govs.items():
        if kind not in GOVERNOR_KINDS:
            raise _err(path, _line(lemmas), f"unknown governor kind {kind!r} (known: "
                       f"{', '.join(GOVERNOR_KINDS)})")
        if not isinstance(lemmas, list):
            raise _err(path, _line(lemmas), f"governors.{kind} must be a list of lemmas")
        cur = set(lex.governors.get(kind, frozenset()))
        cur.update(str(x).lower() for x in lemmas)
        lex.governors[kind] = frozenset(cur)
    derive = data.get("derive") or {}
    if not isinstance(derive, dict):
        raise _err(path, _line(derive), "'derive' must be a mapping")
    for kind, table in derive.items():
        if kind not in DERIVE_KINDS:
            raise _err(path, _line(table), f"unknown derive kind {kind!r} (known: "
                       f"{', '.join(DERIVE_KINDS)})")
        if not isinstance(table, dict):
            raise _err(path, _line(table), f"derive.{kind} must map code prefixes to codes")
        cur_t = lex.derive.setdefault(kind, {})
        for prefix, target in table.items():
            tline = _line(target, _line(table))
            if prefix != "*" and not (prefix.isdigit() and 2 <= len(prefix) <= 4):
                raise _err(path, tline, f"derive.{kind}: {prefix!r} is not a CAMEO code prefix")
            cur_t[prefix] = _check_code(target, path, tline, f"derive.{kind}.{prefix}")


def default_lexicon_files() -> list[Path]:
    return sorted(LEXICON_DIR.glob("*.yaml"))


def load_lexicon(extra: Sequence[str | Path] = (), *, shipped: bool = True) -> Lexicon:
    """Load the shipped lexicon files (unless ``shipped=False``) and then ``extra`` files."""
    return _load_cached(tuple(str(p) for p in extra), shipped)


@lru_cache(maxsize=8)
def _load_cached(extra: tuple[str, ...], shipped: bool) -> Lexicon:
    paths = (default_lexicon_files() if shipped else []) + [Path(p) for p in extra]
    return compile_lexicon(paths)


def compile_lexicon(paths: Iterable[Path]) -> Lexicon:
    lex = Lexicon()
    seen: dict[tuple[Any, ...], Pattern] = {}
    digest = hashlib.sha1()
    files = []
    for path in paths:
        _load_into(lex, path, seen)
        digest.update(path.read_bytes())
        files.append(str(path))
    for table in (lex.verbs, lex.nouns, lex.adjectives):
        for pats in table.values():
            pats.sort(key=lambda p: -p.specificity)
    lex.files = tuple(files)
    lex.version = digest.hexdigest()[:10]
    return lex


__all__ = ["GOVERNOR_KINDS", "LEXICON_DIR", "STOP_CODE", "Lexicon", "Pattern", "compile_lexicon",
           "default_lexicon_files", "load_lexicon", "parse_pattern"]
