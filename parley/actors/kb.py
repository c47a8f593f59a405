"""The actor knowledge base: entries, agent words, loading and fast phrase matching.

The shipped knowledge base lives in ``parley/data/actors/`` (``countries.tsv``,
``organisations.yaml``, ``people.yaml``, ``agents.yaml``). Users add their own files
(YAML, JSON, CSV, or TABARI/PETRARCH ``.actors`` / ``.agents`` dictionaries) with
``Settings.dictionaries`` or ``load_knowledge_base(extra=[...])``; later files take precedence
for a phrase that several files define.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import ahocorasick
import yaml

from ..clean._words import zipf_table
from ..errors import DataFileError, Errors
from ._text import CAPS_ONLY, norm_phrase, plural, words

Kind = Literal["country", "igo", "ngo", "group", "person", "other"]
KINDS: tuple[str, ...] = ("country", "igo", "ngo", "group", "person", "other")

#: Sector codes understood in CAMEO codes (PLOVER sectors plus CAMEO's own).
SECTORS = frozenset(
    {
        "GOV", "MIL", "COP", "REB", "INS", "OPP", "PTY", "LEG", "JUD", "CVL", "REF", "MED",
        "EDU", "BUS", "LAB", "NGO", "IGO", "ELI", "HLH", "REL", "CRM", "SPY", "AGR", "ENV",
        "HRI", "DEV", "MOD", "RAD", "UAF", "SEP",
    }
)
#: CAMEO sector codes folded into a PLOVER sector.
_SECTOR_ALIASES = {"UAF": "REB", "SEP": "REB", "MOD": None, "RAD": None}
#: Codes that are not countries but organisation families.
ORG_PREFIXES = {"IGO": "igo", "NGO": "ngo", "IMG": "group", "MNC": "other", "INT": "other"}

#: How a country entry names its country: the country's name, its adjective or demonym,
#: its capital, a seat of government, a people living there ("Yoruba") or a region in it.
FORMS = ("name", "adjective", "capital", "seat", "people", "region")

#: Files of the shipped knowledge base, loaded in this order.
SHIPPED_FILES = (
    "countries.tsv", "regions.yaml", "organisations.yaml", "people.yaml", "agents.yaml"
)


@dataclass(frozen=True, slots=True)
class Role:
    """One code an entry carries, optionally restricted to a date range (inclusive)."""

    cameo: str
    start: dt.date | None = None
    end: dt.date | None = None
    role: str | None = None
    affiliation: str | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def valid_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """A named actor: a country form, an organisation, a group or a person."""

    id: str
    kind: str
    name: str
    roles: tuple[Role, ...]
    source: str  # "file:line" where it was defined
    form: str = "name"  # for countries: name | adjective | capital | seat | people | region

    def role_on(self, day: dt.date | None) -> Role | None:
        """The role valid on ``day``; with no day, the latest role."""
        if not self.roles:
            return None
        dated = [r for r in self.roles if r.dated]
        undated = [r for r in self.roles if not r.dated]
        if day is None:
            if dated:
                return max(dated, key=lambda r: (r.end or dt.date.max, r.start or dt.date.min))
            return undated[0]
        for r in dated:
            if r.valid_on(day):
                return r
        if undated:
            return undated[0]
        # outside every range: the nearest one in time
        def distance(r: Role) -> int:
            if r.end is not None and r.end < day:
                return (day - r.end).days
            if r.start is not None and r.start > day:
                return (r.start - day).days
            return 0

        return min(dated, key=distance)


@dataclass(frozen=True, slots=True)
class Agent:
    """An agent word: who inside a country ("police" -> COP)."""

    word: str
    sector: str
    role: bool
    source: str


@dataclass(slots=True)
class Hit:
    """A dictionary phrase found in a text (character offsets)."""

    start: int
    end: int
    words: int
    entries: list[Entry]
    agents: list[Agent]
    #: the dictionary word a misspelt text word was read as ("peackeepers" -> "peacekeepers")
    corrected: str | None = None

    @property
    def entry(self) -> Entry | None:
        return self.entries[-1] if self.entries else None

    @property
    def agent(self) -> Agent | None:
        return self.agents[-1] if self.agents else None


def split_cameo(cameo: str) -> tuple[str | None, str | None]:
    """``(code, sector)`` of a CAMEO actor code: ``RUSGOV`` -> ``("RUS", "GOV")``.

    Organisation codes keep their family as the code (``IGOUNO`` -> ``("IGO", "IGO")``,
    ``NGOHRI`` -> ``("NGO", "NGO")``, ``IMGMOSALQ`` -> ``("IMG", "REB")``); a country code
    takes its most specific sector (``AFGGOVMIL`` -> ``MIL``).
    """
    c = cameo.strip().upper().lstrip("~")
    if len(c) < 3:
        return None, (c if c in SECTORS else None)
    code, rest = c[:3], c[3:]
    chunks = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    if code in SECTORS and code not in ORG_PREFIXES:
        # an agent-only code such as "GOV" or "ELI"
        chunks.insert(0, code)
        code = ""
    sector: str | None = None
    for ch in chunks:
        if ch in SECTORS:
            mapped = _SECTOR_ALIASES.get(ch, ch)
            if mapped:
                sector = mapped
    if code in ORG_PREFIXES:
        if code == "IMG":
            sector = sector if sector in {"GOV", "MIL", "REB", "INS"} else "REB"
        elif sector not in {"MIL", "COP", "JUD", "REF"}:
            sector = code if code in {"IGO", "NGO"} else sector
    return (code or None), sector


@dataclass
class KnowledgeBase:
    """Loaded dictionaries with a phrase matcher. Build with :func:`load_knowledge_base`."""

    files: list[str] = field(default_factory=list)
    version: str = ""
    problems: list[DataFileError] = field(default_factory=list)
    countries: dict[str, Entry] = field(default_factory=dict)
    _phrases: dict[str, tuple[list[Entry], list[Agent]]] = field(default_factory=dict)
    _automaton: Any = None
    _fuzzy: dict[str, tuple[str, ...]] | None = None
    _digest: Any = field(default_factory=hashlib.sha256)

    # ------------------------------------------------------------------ building

    def add_entry(self, entry: Entry, names: Sequence[str]) -> None:
        for key in dict.fromkeys(norm_phrase(n) for n in names):
            if key:
                self._slot(key)[0].append(entry)
        if entry.kind == "country" and entry.form == "name":
            code, _ = split_cameo(entry.roles[0].cameo) if entry.roles else (None, None)
            if code and code not in self.countries:
                self.countries[code] = entry
        self._automaton = None
        self._fuzzy = None

    def add_agent(self, agent: Agent, phrase: str, *, plurals: bool = True) -> None:
        key = norm_phrase(phrase)
        if not key:
            return
        self._slot(key)[1].append(agent)
        if plurals:
            pl = plural(key)
            if pl != key:
                self._slot(pl)[1].append(agent)
        self._automaton = None
        self._fuzzy = None

    def _slot(self, key: str) -> tuple[list[Entry], list[Agent]]:
        slot = self._phrases.get(key)
        if slot is None:
            slot = ([], [])
            self._phrases[key] = slot
        return slot

    def __len__(self) -> int:
        return len(self._phrases)

    def _build(self) -> Any:
        auto = ahocorasick.Automaton()
        for key, (entries, agents) in self._phrases.items():
            auto.add_word(f" {key} ", (key.count(" ") + 1, key in CAPS_ONLY, entries, agents))
        if len(auto):
            auto.make_automaton()
        self._automaton = auto
        return auto

    # ------------------------------------------------------------------ lookup

    def lookup(self, phrase: str) -> tuple[list[Entry], list[Agent]]:
        """Entries and agents stored under exactly ``phrase`` (normalised)."""
        return self._phrases.get(norm_phrase(phrase), ([], []))

    def country_code(self, text: str) -> str | None:
        """The country a place or country word names ("Islamabad" -> "PAK"), if any."""
        entries, _ = self.lookup(text)
        for e in reversed(entries):
            if e.kind == "country" and e.roles:
                code, _ = split_cameo(e.roles[0].cameo)
                if code and code not in ORG_PREFIXES:
                    return code
        return None

    def match(self, text: str) -> list[Hit]:
        """Every dictionary phrase found in ``text`` (overlapping hits included)."""
        auto = self._automaton if self._automaton is not None else self._build()
        if not len(auto):
            return []
        ws = words(text)
        if not ws:
            return []
        parts = [" "]
        ends: dict[int, int] = {}
        pos = 1
        for i, (_, _, w) in enumerate(ws):
            parts.append(w)
            parts.append(" ")
            pos += len(w)
            ends[pos] = i
            pos += 1
        norm = "".join(parts)
        hits: list[Hit] = []
        covered: set[int] = set()
        for end_idx, (n, caps_only, entries, agents) in auto.iter(norm):
            last = ends.get(end_idx)
            if last is None:
                continue
            first = last - n + 1
            start, end = ws[first][0], ws[last][1]
            surface = text[start:end]
            if caps_only and not surface.replace(".", "").isupper():
                continue
            proper = any(c.isupper() or c.isdigit() for c in surface)
            es = entries if proper else []
            if agents and not proper:
                # agent words given capitalised ("Labour", "Tories") are names of a kind
                agents = [a for a in agents if not _proper_word(a.word)]
            if not es and not agents:
                continue
            hits.append(Hit(start, end, n, es, agents))
            covered.update(range(first, last + 1))
        table = zipf_table()  # wordfreq, loaded once per process (text repair loads it too)
        for i, (start, end, w) in enumerate(ws):
            if (len(w) >= FUZZY_MIN_LENGTH and table.get(w, 0.0) < FUZZY_MAX_ZIPF
                    and i not in covered and w.isalpha()):
                hit = self._misspelt(text, start, end, w, table)
                if hit is not None:
                    hits.append(hit)
        return hits

    def _misspelt(self, text: str, start: int, end: int, word: str,
                  table: dict[str, float]) -> Hit | None:
        """A hit for a word that is one slip (a letter left out or added, two letters
        swapped) away from single-word dictionary keys of one meaning, when the word is
        rare in English and the key far more common ("peackeepers", "Ethopia", "goverment").
        Names the dictionary lacks are mostly real words or far from every key, so they stay
        unmatched."""
        index = self._fuzzy if self._fuzzy is not None else self._build_fuzzy()
        candidates = {key for d in (word, *_deletions(word)) for key in index.get(d, ())}
        candidates.discard(word)
        keys = [k for k in candidates if _one_edit(word, k)]
        # several keys are fine when they mean the same ("militans": militant, militants)
        if not keys or len({self._meaning(k) for k in keys}) != 1:
            return None
        key = max(keys, key=lambda k: (table.get(k, 0.0), k))
        if table.get(key, 0.0) - table.get(word, 0.0) < FUZZY_MIN_GAIN:
            return None
        entries, agents = self._phrases[key]
        surface = text[start:end]
        proper = surface[:1].isupper()
        es = entries if proper else []
        ags = [a for a in agents if not _proper_word(a.word)] if not proper else agents
        if key in CAPS_ONLY or (not es and not ags):
            return None
        return Hit(start, end, 1, es, ags, corrected=key)

    def _meaning(self, key: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        entries, agents = self._phrases[key]
        return (tuple(r.cameo for e in entries for r in e.roles[:1]),
                tuple(a.sector for a in agents))

    def _build_fuzzy(self) -> dict[str, tuple[str, ...]]:
        index: dict[str, list[str]] = {}
        for key in self._phrases:
            if " " not in key and len(key) >= FUZZY_MIN_LENGTH and key.isalpha():
                for d in {key, *_deletions(key)}:
                    index.setdefault(d, []).append(key)
        # tuples of strings, which the garbage collector stops tracking (thousands of lists
        # would slow every later collection)
        self._fuzzy = {d: tuple(keys) for d, keys in index.items()}
        return self._fuzzy


#: words shorter than this are never read as a misspelling (Iran/Iraq, Mali/Male...)
FUZZY_MIN_LENGTH = 7
#: a word at least this frequent in English (Zipf scale) is a word, not a misspelling
FUZZY_MAX_ZIPF = 3.0
#: ...and the dictionary word must be this much more frequent than the misspelt one
FUZZY_MIN_GAIN = 1.5


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one typing slip apart: a letter left out or added, or two
    neighbours swapped, away from the last two letters. Changed letters and changed endings
    are left alone: they make other words and names ("leavers", "Speakes", "Argentinas")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return (len(diff) == 2 and diff[1] == diff[0] + 1 and diff[1] < len(a) - 2
                and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_) - 2))


def _proper_word(word: str) -> bool:
    """An agent word written with a leading capital and not all in capitals ("Labour",
    "Liberal Democrats"): it matches only text with a capital letter."""
    return word[:1].isupper() and not word.replace(" ", "").isupper() and word[1:2].islower()


# ---------------------------------------------------------------------- loading


def _date(value: Any, path: str, line: int | None, what: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise DataFileError.at(path, line, f"{what} {value!r} is not an ISO date") from exc


def _entry_from_mapping(item: dict[str, Any], path: str, line: int | None) -> Entry:
    where = f"{path}:{line}" if line else path
    if not isinstance(item, dict):
        raise DataFileError.at(path, line, "an actor must be a mapping")
    name = item.get("name")
    if not name:
        raise DataFileError.at(path, line, "actor has no 'name'")
    kind = str(item.get("kind") or (
        "person" if str(item.get("id", "")).startswith("person:") else "other"))
    if kind not in KINDS:
        raise DataFileError(
            Errors.E132.format(path=path, line=line or "?", value=kind, known=", ".join(KINDS)),
            path=path,
            line=line,
        )
    roles: list[Role] = []
    if item.get("cameo"):
        roles.append(Role(str(item["cameo"]), role=item.get("role"),
                          affiliation=item.get("affiliation")))
    for r in item.get("roles") or []:
        if not isinstance(r, dict) or not r.get("cameo"):
            raise DataFileError.at(path, line, f"a role of {name!r} needs a 'cameo' code")
        roles.append(
            Role(
                str(r["cameo"]),
                start=_date(r.get("from"), path, line, "from"),
                end=_date(r.get("until"), path, line, "until"),
                role=r.get("role"),
                affiliation=r.get("affiliation"),
            )
        )
    if not roles:
        raise DataFileError.at(path, line, f"actor {name!r} has neither 'cameo' nor 'roles'")
    form = str(item.get("form") or "name")
    if form not in FORMS:
        raise DataFileError.at(path, line, f"form {form!r} is not one of {', '.join(FORMS)}")
    return Entry(id=str(item.get("id") or name), kind=kind, name=str(name), roles=tuple(roles),
                 source=where, form=form)


class _Loader:
    def __init__(self, kb: KnowledgeBase, *, strict: bool) -> None:
        self.kb = kb
        self.strict = strict

    def problem(self, err: DataFileError) -> None:
        if self.strict:
            raise err
        self.kb.problems.append(err)

    def load(self, label: str, text: str, suffix: str) -> None:
        # the version hashes each file's name and content (not its directory), so the same
        # dictionaries give the same version wherever they are installed
        name_bytes = Path(label).name.encode()
        self.kb._digest.update(name_bytes + b"\0" + text.encode("utf-8") + b"\0")
        self.kb.files.append(label)
        name = Path(label).name.lower()
        if suffix == ".tsv":
            self.load_countries(label, text)
        elif suffix in {".yaml", ".yml", ".json"}:
            self.load_structured(label, text, suffix)
        elif suffix == ".csv":
            self.load_csv(label, text)
        elif suffix == ".agents" or (suffix == ".txt" and "agent" in name):
            from .tabari import load_tabari_agents

            load_tabari_agents(self.kb, label, text, self.problem)
        elif suffix in {".actors", ".txt"}:
            from .tabari import load_tabari_actors

            load_tabari_actors(self.kb, label, text, self.problem)
        else:
            raise DataFileError(Errors.E130.format(path=label, suffix=suffix or "(none)"),
                                path=label)

    def load_countries(self, path: str, text: str) -> None:
        header_seen = False
        for lineno, raw in enumerate(text.splitlines(), 1):
            if not raw.strip() or raw.startswith("#"):
                continue
            cols = raw.split("\t")
            if not header_seen and cols[0].strip().lower() == "iso3":
                header_seen = True
                continue
            if len(cols) < 2 or len(cols[0].strip()) != 3 or not cols[0].strip().isalpha():
                self.problem(DataFileError.at(
                    path, lineno, "expected iso3<TAB>name<TAB>names<TAB>adjectives<TAB>capitals"
                    "<TAB>seats with a three-letter code first"))
                continue
            cols += [""] * (6 - len(cols))
            code, name = cols[0].strip().upper(), cols[1].strip()

            def split(s: str) -> list[str]:
                return [x.strip() for x in s.split("|") if x.strip()]

            where = f"{path}:{lineno}"
            forms = (
                ("name", [name, *split(cols[2])], code),
                ("adjective", split(cols[3]), code),
                ("capital", split(cols[4]), code + "GOV"),
                ("seat", split(cols[5]), code + "GOV"),
            )
            for form, names, cameo in forms:
                if names:
                    entry = Entry(id=f"country:{code}" + ("" if form == "name" else f"#{form}"),
                                  kind="country", name=name, roles=(Role(cameo),),
                                  source=where, form=form)
                    self.kb.add_entry(entry, names)

    def load_structured(self, path: str, text: str, suffix: str) -> None:
        try:
            data = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
        except (json.JSONDecodeError, yaml.YAMLError) as exc:
            mark = getattr(exc, "problem_mark", None)
            line = (mark.line + 1) if mark is not None else getattr(exc, "lineno", None)
            self.problem(DataFileError.at(path, line, f"not valid: {exc}"))
            return
        if not isinstance(data, dict) or not ({"actors", "agents"} & set(data)):
            self.problem(DataFileError(
                Errors.E031.format(
                    path=path,
                    reason="expected a mapping with an 'actors' and/or 'agents' list "
                    "(see docs/actors.md)",
                ),
                path=path,
            ))
            return
        lines = _item_lines(text) if suffix != ".json" else []
        for i, item in enumerate(data.get("actors") or []):
            line = lines[i] if i < len(lines) else None
            try:
                entry = _entry_from_mapping(item, path, line)
            except DataFileError as err:
                self.problem(err)
                continue
            names = [entry.name, *[str(n) for n in item.get("names") or []]]
            self.kb.add_entry(entry, names)
        for group in data.get("agents") or []:
            if not isinstance(group, dict) or "sector" not in group:
                self.problem(DataFileError(
                    Errors.E031.format(path=path, reason="each agents group needs a 'sector'"),
                    path=path,
                ))
                continue
            sector = str(group["sector"]).upper()
            if sector not in SECTORS:
                self.problem(DataFileError(
                    Errors.E131.format(path=path, value=sector, known=", ".join(sorted(SECTORS))),
                    path=path,
                ))
                continue
            for word in group.get("words") or []:
                agent = Agent(word=str(word), sector=sector, role=bool(group.get("role")),
                              source=path)
                self.kb.add_agent(agent, str(word))
            abbreviations = group.get("abbreviations") or {}
            if not isinstance(abbreviations, dict):
                self.problem(DataFileError(
                    Errors.E031.format(path=path, reason="'abbreviations' must be a mapping"),
                    path=path,
                ))
                continue
            for abbr, full in abbreviations.items():
                agent = Agent(word=str(full), sector=sector, role=bool(group.get("role")),
                              source=path)
                self.kb.add_agent(agent, str(abbr), plurals=False)

    def load_csv(self, path: str, text: str) -> None:
        reader = csv.DictReader(io.StringIO(text))
        need = {"name", "cameo"}
        if not reader.fieldnames or not need <= set(reader.fieldnames):
            self.problem(DataFileError(
                Errors.E031.format(
                    path=path,
                    reason="a CSV dictionary needs the columns name,cameo (optional: names, "
                    "kind, from, until, role, affiliation)",
                ),
                path=path,
            ))
            return
        grouped: dict[str, tuple[dict[str, Any], list[dict[str, Any]], int]] = {}
        for row in reader:
            lineno = reader.line_num
            name = (row.get("name") or "").strip()
            if not name or not (row.get("cameo") or "").strip():
                self.problem(DataFileError.at(path, lineno, "empty name or cameo"))
                continue
            role = {"cameo": row["cameo"].strip(), "from": row.get("from") or None,
                    "until": row.get("until") or None, "role": row.get("role") or None,
                    "affiliation": row.get("affiliation") or None}
            if name in grouped:
                grouped[name][1].append(role)
                names = grouped[name][0]["names"]
            else:
                item: dict[str, Any] = {"name": name, "kind": (row.get("kind") or "other").strip(),
                                        "names": []}
                grouped[name] = (item, [role], lineno)
                names = item["names"]
            names.extend(x.strip() for x in (row.get("names") or "").split("|") if x.strip())
        for item, roles, lineno in grouped.values():
            item["roles"] = roles
            try:
                entry = _entry_from_mapping(item, path, lineno)
            except DataFileError as err:
                self.problem(err)
                continue
            self.kb.add_entry(entry, [entry.name, *item["names"]])


def _item_lines(text: str) -> list[int]:
    """Line numbers of the items of the top-level ``actors:`` list (for messages)."""
    out: list[int] = []
    inside = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.startswith("actors:"):
            inside = True
            continue
        if inside and line and not line.startswith((" ", "#", "-")):
            inside = False
        if inside and line.lstrip().startswith("- ") and len(line) - len(line.lstrip()) <= 2:
            out.append(lineno)
    return out


def _shipped() -> Iterator[tuple[str, str, str]]:
    base = resources.files("parley") / "data" / "actors"
    for name in SHIPPED_FILES:
        res = base / name
        yield f"parley/data/actors/{name}", res.read_text(encoding="utf-8"), Path(name).suffix


def build_knowledge_base(
    *, extra: Sequence[Path | str] = (), strict: bool = False, shipped: bool = True
) -> KnowledgeBase:
    """Load the shipped knowledge base and ``extra`` files (uncached)."""
    kb = KnowledgeBase()
    loader = _Loader(kb, strict=strict)
    if shipped:
        for label, text, suffix in _shipped():
            loader.load(label, text, suffix)
    for p in extra:
        path = Path(p)
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError as exc:
            raise DataFileError(Errors.E020.format(path=path), path=str(path)) from exc
        except OSError as exc:
            raise DataFileError(Errors.E031.format(path=path, reason=exc), path=str(path)) from exc
        loader.load(str(path), text, path.suffix.lower())
    kb.version = kb._digest.hexdigest()[:12]
    kb._digest = None  # done hashing (and a hash object cannot be pickled)
    kb._build()
    return kb


@lru_cache(maxsize=8)
def _cached(key: tuple[tuple[str, int, int], ...], strict: bool) -> KnowledgeBase:
    return build_knowledge_base(extra=[Path(k[0]) for k in key], strict=strict)


def load_knowledge_base(
    *, extra: Sequence[Path | str] = (), strict: bool = False
) -> KnowledgeBase:
    """The shipped knowledge base plus ``extra`` dictionary files, cached.

    The cache key includes each file's size and modification time, so an edited dictionary
    is reloaded. Malformed lines are collected in ``KnowledgeBase.problems`` (the rest of the
    file still loads); with ``strict=True`` the first one raises :class:`DataFileError`.
    """
    key: list[tuple[str, int, int]] = []
    for p in extra:
        path = Path(p)
        try:
            st = path.stat()
        except FileNotFoundError as exc:
            raise DataFileError(Errors.E020.format(path=path), path=str(path)) from exc
        key.append((str(path.resolve()), st.st_size, st.st_mtime_ns))
    return _cached(tuple(key), strict)


__all__ = [
    "Agent",
    "Entry",
    "Hit",
    "KnowledgeBase",
    "Role",
    "build_knowledge_base",
    "load_knowledge_base",
    "split_cameo",
]
