"""The rule engine: lexicon triggers + dependency patterns -> :class:`~parley.models.Event`.

For each sentence the coder

1. finds *triggers*: verbs and nouns whose lemma (and required particle, object or modifier)
   matches a lexicon pattern (:mod:`parley.events.lexicon`);
2. walks up the dependency tree from each trigger to find *governors* that change its
   meaning: intent ("offered to mediate" -> 039), appeals and demands ("urged X to withdraw"
   -> 0256), refusals (12x), threats (13x), failure and negation, hypotheticals, and
   reported speech ("X said Y attacked Z" -> Y attacks Z, reported by X);
3. extracts source and target from the dependency structure (subject / passive agent,
   object / passive subject, "between X and Y", "with", "against", possessives and
   nationality modifiers of nominal events, coordination, relative pronouns, xcomp chains);
4. resolves the arguments to actors through the ``parley_actors`` mentions.

Every decision is written into ``Event.explanation``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ..models import ActorMention, ActorRef, Event, Location, TextInfo
from .cameo import CameoCode, cameo_table
from .lexicon import STOP_CODE, Lexicon, Pattern

# Dependency labels --------------------------------------------------------------------
_SUBJ = {"nsubj", "csubj"}
_OBJ = {"dobj", "obj", "dative", "attr", "oprd"}
_TARGET_PREPS = {"with", "against", "to", "on", "between", "toward", "towards", "at", "into",
                 "upon", "from", "among", "amongst", "onto", "over", "across"}
_NOUN_ARG_PREPS = _TARGET_PREPS | {"by", "of"}
_MODAL_HYPO = {"would", "could", "might", "may", "should", "must", "can", "ought"}
_MODAL_FUTURE = {"will", "shall", "'ll", "wo"}
_NEG_DET = {"no", "neither", "nor"}
_NEG_ADV = {"not", "never", "n't", "no", "nor", "neither"}
_REL_PRON = {"which", "who", "that", "whom", "whose"}
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "you", "them", "him", "her", "us", "its",
             "their", "itself", "themselves"}
_CORE_DEPS = {"compound", "amod", "poss", "nmod", "det", "appos", "nummod", "case", "flat"}
_CORE_PREPS = {"of", "for", "from", "in", "at"}
#: "a round of talks", "a series of attacks": the event noun is the "of" object
_QUANTIFIER_NOUNS = {"round", "series", "set", "session", "wave", "spate", "string", "number",
                     "resumption", "part", "kind", "type", "form", "day", "days", "week",
                     "weeks", "month", "months", "year", "years", "hours", "act", "acts",
                     "campaign", "bout", "surge", "flurry", "spree", "outbreak", "escalation",
                     "cycle", "chain", "volley", "barrage", "hail", "lot", "dozens", "hundreds",
                     "thousands", "scores", "tens", "millions", "billions"}
#: events both sides do together: "with" partners are sources as well
_SYMMETRIC_CODES = {"040", "041", "044", "046", "057", "190", "193", "036"}
#: verbs of force that are as often figures of speech ("fight crime", "attacked the plan")
_FIGURATIVE_FORCE = {"fight", "battle", "attack", "hit", "strike", "beat", "clash", "combat",
                     "assault", "target", "bombard", "blast", "slam", "hammer", "batter"}
#: things only attacked for real ("attacked the convoy")
_PHYSICAL_TARGETS = {
    "convoy", "base", "checkpoint", "patrol", "post", "outpost", "position", "vehicle",
    "ship", "plane", "aircraft", "helicopter", "tank", "camp", "village", "town", "city",
    "embassy", "station", "barracks", "compound", "building", "home", "house", "school",
    "hospital", "mosque", "church", "market", "bus", "train", "car", "truck", "pipeline"}
_ARMED_SECTORS = {"MIL", "REB", "INS", "COP", "CRM", "SPY", "UAF", "SEP", "RAD"}
_NONPOLITICAL_SECTORS = {"BUS", "MED", "EDU", "SPT", "HLH", "AGR", "ENV", "SCI", "CVL", "MNC"}
_MEASURE_NOUNS = {"ton", "tons", "tonne", "tonnes", "truckload", "truckloads", "shipment",
                  "shipments", "batch", "consignment", "kilogram", "kilograms", "lot", "lots",
                  "pallet", "pallets", "planeload", "convoy", "package", "supply", "worth",
                  "million", "billion", "thousand", "thousands", "dozens", "hundreds",
                  # quantities: "gave Armenia some of the military equipment"
                  "some", "part", "most", "much", "half", "rest", "bulk", "portion", "share",
                  "majority"}
#: nouns that govern the clause they introduce: "a demand that ...", "an offer to mediate"
_NOUN_GOVERNORS = {"demand", "call", "appeal", "request", "plea", "threat", "warning",
                   "ultimatum", "refusal", "rejection", "offer", "plan", "proposal", "pledge",
                   "promise", "commitment", "decision", "bid", "readiness", "willingness",
                   "intention", "vow", "agreement", "failure", "attempt", "effort"}
_ORDERING_VERBS = {"order", "authorize", "authorise", "approve", "command", "instruct"}
_SENDING_VERBS = {"send", "dispatch", "deploy", "despatch", "fly", "rush"}
_BACKGROUND_PREPS = {"after", "following", "despite", "amid", "amidst", "over", "since",
                     "during", "before", "because", "ahead", "prior"}
_NON_ACTOR_ENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
#: heads that keep an event noun in compound position an event: "mediation offer"
_EVENT_HEADS = {"effort", "offer", "plan", "proposal", "bid", "initiative", "mission",
                "process", "campaign", "operation", "talk", "attempt", "move", "deal",
                "agreement", "accord", "programme", "program", "drive", "push", "call",
                "request", "appeal", "pledge", "promise", "threat", "decision", "order",
                "package", "round", "spree", "wave", "strike", "attack", "raid", "team",
                "force", "convoy", "shipment", "delivery", "flight", "flights", "bill"}
#: nouns whose clause is alleged, feared or reported content, not an event
_CONTENT_NOUNS = {"accusation", "allegation", "claim", "charge", "report", "rumour", "rumor",
                  "suggestion", "speculation", "fear", "concern", "worry", "hope", "idea",
                  "possibility", "prospect", "notion", "belief", "view", "assertion", "denial",
                  "evidence", "sign", "risk", "suspicion", "impression", "theory", "story",
                  "question", "doubt", "perception", "assumption", "argument"}
_FAIL_NOUN_HEADS = {"lack", "absence", "failure", "collapse", "breakdown", "end", "suspension",
                    "cancellation", "postponement", "rejection", "refusal"}
#: nouns that belong to whoever made them: "rejected Iran's offer", "denied charges by X",
#: "conceded to demands from UNITA": the owner is the target of the response
_OWNED_NOUNS = {"request", "demand", "offer", "proposal", "invitation", "charge", "accusation",
                "allegation", "call", "appeal", "plea", "plan", "claim", "criticism",
                "ultimatum", "bid", "initiative", "condition", "conditions", "terms",
                "overture", "suggestion", "complaint", "apology", "assurance", "pressure",
                "warning", "threat", "order", "ruling", "decision", "verdict", "resolution",
                "pledge", "policy", "remark", "comment", "word", "statement", "speech",
                "record", "handling", "stance", "position", "budget", "bill", "manifesto",
                "strategy", "view", "idea", "approach", "response", "reform", "law"}
#: prepositions naming what a statement, complaint or refusal is about
_PLACE_NOUNS = {"part", "parts", "area", "areas", "region", "regions", "district", "districts",
                "province", "provinces", "town", "city", "village", "villages", "outskirts",
                "centre", "center", "north", "south", "east", "west", "capital", "state",
                "county", "neighbourhood", "neighborhood", "suburb", "suburbs", "border"}
_CIVILIAN_PLACES = {"area", "areas", "home", "homes", "house", "houses", "village", "villages",
                    "neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods",
                    "district", "districts", "school", "schools", "hospital", "hospitals",
                    "market", "markets", "mosque", "mosques", "church", "churches",
                    "camp", "camps", "town", "towns", "street", "streets", "building",
                    "buildings", "residence", "residences", "shelter", "shelters"}
_DISPLACE_VERBS = {"flee", "order", "expel", "deport", "displace", "evict", "drive", "force",
                   "chase", "uproot", "escape", "banish"}
_NATURAL_FORCES = {"tsunami", "earthquake", "quake", "storm", "hurricane", "cyclone", "typhoon",
                   "flood", "floods", "flooding", "tornado", "drought", "wildfire", "fire",
                   "fires", "blaze", "landslide", "avalanche", "eruption", "volcano",
                   "disaster", "virus", "epidemic", "pandemic", "outbreak", "disease",
                   "heatwave", "snowstorm", "blizzard", "mudslide", "tremor", "aftershock",
                   "rain", "rains", "winds", "wave", "waves"}
#: particles of phrasal verbs ("give in", "step down"), as against prepositions ("call for")
_PHRASAL_PARTICLES = {"in", "down", "up", "out", "off", "over", "back", "away", "around",
                      "through"}
#: verbs of a purpose clause that name whom an action sets out to move ("to convince X")
_PERSUADE_VERBS = {"convince", "persuade", "pressure", "pressurise", "pressurize", "force",
                   "compel", "coerce", "push", "press", "induce", "prod"}
#: prepositions of an object noun that name whom the object is aimed at
_AIMED_PREPS = {"on", "against", "to", "toward", "towards", "upon"}
#: pronouns that stand for a name given earlier in the sentence
_OBJECT_PRONOUNS = {"him", "her", "them", "he", "she", "they", "it"}
#: subject pronouns that, in "X said it ...", name the speaker
_SELF_PRONOUNS = {"it", "they", "he", "she"}
_COPULAS = {"be", "remain", "seem", "appear", "become", "stay", "sound", "feel"}
_QUESTION_VERBS = {"ask", "wonder", "query"}
_SPEECH_VERBS = {"say", "tell", "announce", "declare", "state", "reiterate", "confirm",
                 "proclaim", "repeat"}
_TOPIC_PREPS = {"about", "regarding", "concerning", "over"}
_FAIL_VERBS = {"fail", "collapse", "stall", "falter", "founder", "break"}
_OUTCOME_NOUNS = {"breakthrough", "agreement", "deal", "result", "progress", "success",
                  "accord", "outcome", "resolution", "settlement", "consensus", "solution"}
_EVENTIVE_SUBJ_VERBS = {"take", "erupt", "break", "continue", "end", "begin", "start",
                        "resume", "kill", "leave", "wound", "injure", "conclude", "collapse",
                        "fail", "stall", "occur", "happen", "rage", "intensify", "escalate",
                        "culminate", "produce", "yield", "result", "last", "hold", "go",
                        "destroy", "damage", "hit", "target", "claim", "spark", "trigger"}


@dataclass
class Trigger:
    token: Token
    pattern: Pattern
    matched: list[Token] = field(default_factory=list)  # particle / object / modifier tokens


@dataclass
class Frame:
    """What the walk up from a trigger found."""

    code: str
    kind: str = "action"  # action | intent | request | appeal | reject | threaten
    governor: Token | None = None
    negated: bool = False
    hypothetical: bool = False
    intent: bool = False
    reporter: Token | None = None
    light: Token | None = None  # the light verb a nominal event hangs from
    outer: list[Token] = field(default_factory=list)  # further governors absorbed
    depth: int = 0  # clause boundaries between the trigger and the main clause
    dropped: bool = False  # alleged or reported content of a noun: "accusations that ..."
    notes: list[str] = field(default_factory=list)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _hyphen_form(tok: Token) -> str | None:
    """``cease-fire`` is tokenised cease / - / fire: the lemma of the whole word at its end."""
    doc = tok.doc
    i = tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ \
            and not doc[i - 1].whitespace_:
        return f"{doc[i - 2].lower_}-{_lemma(tok)}"
    return None


def _same(a: Token | None, b: Token | None) -> bool:
    """Whether two tokens are the same (spaCy makes a new Token object on every access)."""
    return a is not None and b is not None and a.i == b.i


def _is_passive(tok: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return True
    # a bare participle clause: "when asked about", "people arrested in Cairo"
    return tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl") and not any(
        c.dep_ in ("nsubj", "aux", "dobj") for c in tok.children)


def _conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.conjuncts:
        if c.i != tok.i and c.pos_ not in ("VERB", "AUX"):
            out.append(c)
    return out


class SentenceCoder:
    """Codes one sentence. Built per sentence by :class:`EventCoderEngine`."""

    def __init__(
        self,
        engine: EventCoderEngine,
        doc: Doc,
        sent: Span,
        index: int,
    ) -> None:
        self.engine = engine
        self.lex = engine.lexicon
        self.doc = doc
        self.sent = sent
        self.index = index
        self.question = sent.text.rstrip().endswith("?")

    # ------------------------------------------------------------------ triggers
    def _match(self, tok: Token, pat: Pattern) -> list[Token] | None:
        matched: list[Token] = []
        kids = list(tok.children)
        for part in pat.particles:
            hit = next((c for c in kids if c.dep_ in ("prt", "prep", "agent", "advmod", "dobj",
                                                      "compound:prt", "acomp", "mark")
                        and c.lower_ == part
                        and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)),
                       None)
            if hit is None and part == "for":
                # "called for Britain to stay": "for" marks the clause asked for
                hit = next((g for c in kids if c.dep_ in ("advcl", "ccomp", "xcomp")
                            for g in c.children if g.dep_ == "mark" and g.lower_ == part),
                           None)
            if (hit is not None and part in _PHRASAL_PARTICLES and hit.dep_ == "prep"
                    and any(g.dep_ == "pobj" for g in hit.children)
                    and any(c.dep_ in ("dobj", "obj") for c in kids)):
                # "gave more details in a speech" is not "give in": with an object of its
                # own, the verb's "in"/"down"/"up" phrase is a preposition, not a particle
                hit = None
            if hit is None:
                return None
            matched.append(hit)
        if pat.objects is not None:
            cands = [c for c in kids if c.dep_ in (*_OBJ, "nsubjpass", "xcomp", "npadvmod")]
            for c in kids:
                if c.dep_ in ("prep", "agent", "prt"):
                    cands.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
            for m in matched:
                cands.extend(g for g in m.children if g.dep_ in ("pobj", "pcomp"))
            for c in kids:
                if c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VBG":
                    # "accept any refugees fleeing ...", parsed as a clause
                    cands.extend(g for g in c.children if g.dep_ == "nsubj")
            if "*" in pat.objects:
                cands = [c for c in kids if c.dep_ in ("dobj", "obj", "nsubjpass")]
            cands += [g for c in cands for g in c.children if g.dep_ == "compound"]
            # "flew 13 tons of medicine": the measured thing is the object
            cands += [g for c in cands if _lemma(c) in _MEASURE_NOUNS
                      for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj"]
            obj = next((c for c in cands if "*" in pat.objects or _lemma(c) in pat.objects
                        or c.lower_ in pat.objects
                        or (_hyphen_form(c) or "") in pat.objects), None)
            if obj is None:
                return None
            matched.append(obj)
        if pat.modifiers is not None:
            mods = [c for c in kids if c.dep_ in ("compound", "amod", "advmod", "npadvmod",
                                                  "nmod", "prep", "poss", "nummod")]
            for c in kids:
                if c.dep_ == "prep":
                    mods.extend(g for g in c.children if g.dep_ == "pobj")
            if tok.dep_ == "compound":
                mods.append(tok.head)
            mod = next((c for c in mods if _lemma(c) in pat.modifiers
                        or c.lower_ in pat.modifiers), None)
            if mod is None:
                return None
            matched.append(mod)
        if pat.intransitive and any(c.dep_ in ("dobj", "obj", "nsubjpass") for c in kids):
            return None
        return matched

    def find_triggers(self) -> list[Trigger]:
        out: list[Trigger] = []
        for tok in self.sent:
            if tok.pos_ in ("VERB", "AUX"):
                if tok.dep_ == "amod" or (tok.tag_ in ("VBN", "VBD") and tok.dep_ in (
                        "nsubj", "nsubjpass", "dobj", "pobj", "compound")):
                    # participles used as adjectives: "the recognised government",
                    # "wounded soldiers", "Libya's internationally recognised Government
                    # of National Accord announced" (a participle parsed as the subject)
                    continue
                if tok.tag_ == "VBN" and not any(c.dep_ in ("agent", "auxpass", "prep",
                                                            "xcomp", "dobj", "ccomp")
                                                 for c in tok.children) and (
                        tok.dep_ in ("acomp", "oprd")
                        or (tok.dep_ == "conj" and tok.head.tag_ == "VBN"
                            and tok.head.dep_ in ("acomp", "oprd"))
                        or (tok.dep_ == "conj" and not any(
                            c.dep_ in ("nsubj", "aux", "dobj") for c in tok.children)
                            and any(c.dep_ in ("acomp", "oprd") and c.tag_ == "VBN"
                                    and c.i < tok.i for c in tok.head.children))):
                    # a state, not an action: "communities feel heard and supported",
                    # "they seemed surprised"
                    continue
                table = self.lex.verbs
            elif tok.pos_ in ("NOUN", "PROPN"):
                table = self.lex.nouns
                if tok.pos_ == "PROPN" and tok.ent_type_:
                    continue
                if tok.dep_ == "pobj" and tok.head.lower_ in ("into", "about", "over", "of",
                                                              "on") and (
                        _lemma(tok.head.head) in _INQUIRY_NOUNS or any(
                            c.dep_ in ("dobj", "obj") and _lemma(c) in _INQUIRY_NOUNS
                            for c in tok.head.head.children)):
                    # "an investigation into an allegation that ...": what is looked into
                    # is not an event of its own
                    continue
            elif tok.pos_ == "ADJ" and tok.dep_ == "acomp" and _lemma(tok.head) in _COPULAS:
                # a predicate adjective is matched like a verb: "it is skeptical of ..."
                table = self.lex.adjectives
            else:
                continue
            if table is self.lex.verbs and _lemma(tok) in _QUESTION_VERBS and not any(
                    c.dep_ in ("xcomp", "prep", "prt", "dobj") and not (
                        c.dep_ == "dobj" and (c.pos_ in ("PROPN", "PRON")
                                              or c.ent_type_ == "PERSON"))
                    for c in tok.children):
                # "Mr Lewis asked.", "asked him how ...": a question, not a request (a
                # request asks someone to do something or for something)
                continue
            keys = [k for k in (_hyphen_form(tok), _lemma(tok), tok.lower_) if k]
            if (table is self.lex.verbs and tok.lower_.endswith(("ed", "ing"))
                    and _lemma(tok) not in table and _lemma(tok) + "e" in table):
                # the lemmatiser drops a silent e: "staged" -> "stag", "staging" -> "stag"
                keys.insert(1, _lemma(tok) + "e")
            for key in keys:
                best: tuple[Pattern, list[Token]] | None = None
                for pat in table.get(key, ()):
                    if best is not None and pat.specificity < best[0].specificity:
                        break
                    matched = self._match(tok, pat)
                    if matched is None:
                        continue
                    if best is None:
                        best = (pat, matched)
                    elif any(m.dep_ == "compound" for m in matched) and not any(
                            m.dep_ == "compound" for m in best[1]):
                        # equally specific patterns: the one naming the modifier of the
                        # object wins ("violated the ceasefire agreement": a ceasefire)
                        best = (pat, matched)
                if best is not None:
                    if best[0].code != STOP_CODE:  # a stop pattern: not an event
                        out.append(Trigger(tok, best[0], best[1]))
                    break
        return out

    # ------------------------------------------------------------------ arguments
    def _np_core(self, tok: Token) -> list[Token]:
        toks = [tok]
        for c in tok.children:
            if c.dep_ in _CORE_DEPS or (c.dep_ == "prep" and c.lower_ in _CORE_PREPS
                                        and tok.pos_ in ("NOUN", "PRON")):
                # not into a clause inside it: "dozens of Russian peacekeepers destined for
                # Nagorno-Karabakh" names the peacekeepers, not where they go
                clause = {x.i for t in c.subtree if t.dep_ in ("acl", "relcl")
                          for x in t.subtree}
                toks.extend(t for t in c.subtree if t.i not in clause)
        return toks

    def _refs_for(self, tok: Token, *, depth: int = 0) -> list[ActorRef]:
        """Actors named by the noun phrase headed by ``tok`` (one per conjunct)."""
        out: list[ActorRef] = []
        for head in _conjuncts(tok):
            out.extend(self._refs_one(head, depth=depth))
        seen: set[tuple[int | None, int | None, str | None]] = set()
        uniq = []
        for r in out:
            key = (r.start, r.end, r.code)
            if key not in seen:
                seen.add(key)
                uniq.append(r)
        return uniq

    def _refs_one(self, tok: Token, *, depth: int) -> list[ActorRef]:
        if depth > 3:
            return []
        if tok.lower_ in _REL_PRON and tok.head.dep_ == "relcl":
            return self._refs_for(tok.head.head, depth=depth + 1)
        own = self.engine.mentions(self.doc, [tok])
        if tok.pos_ in ("NOUN", "PROPN") and not any(
                m.resolved and m.actor is not None and m.actor.sector not in (None, "CVL", "REF")
                for m in own):
            displaced = self._displaced_from(tok)
            if displaced is not None:
                return [displaced]
        if own and any(m.resolved for m in own):
            return [self._named(m) for m in _prefer_resolved(own)]
        if tok.lower_ in ("it", "they", "its", "their") and tok.pos_ == "PRON":
            ante = self._antecedent(tok)
            if ante is not None:
                a = ante.actor
                return [ActorRef(entity_text=tok.text, code=a.code if a else None,
                                 sector=a.sector if a else None, cameo=a.cameo if a else None,
                                 name=a.name if a else None, kind=a.kind if a else None,
                                 start=tok.idx, end=tok.idx + len(tok.text),
                                 rule=f"pronoun -> '{ante.text}' (event coder fallback)")]
        if own:
            return [_ref_from_mention(m) for m in _prefer_resolved(own)]
        core = self._np_core(tok)
        found = self.engine.mentions(self.doc, core)
        if found:
            return [_ref_from_mention(m) for m in _prefer_resolved(found)]
        if tok.pos_ in ("NOUN",):
            for c in tok.children:
                if c.dep_ in ("prep", "agent") and c.lower_ == "by":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            got = self._refs_for(g, depth=depth + 1)
                            if got:
                                return got
        if tok.ent_type_ in _NON_ACTOR_ENTS:
            return []
        if tok.pos_ == "NOUN" and _lemma(tok) in self.lex.nouns \
                and not _lemma(tok).endswith(("er", "or", "ist", "ant", "ee")):
            # an event is not an actor: "dialogue that could lead to an agreement"
            return []
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and tok.lower_ not in _REL_PRON:
            if tok.pos_ == "PRON" and tok.lower_ not in _PRONOUNS:
                return []
            left = min(t.i for t in core if t.i <= tok.i) if core else tok.i
            span = self.doc[left: tok.i + 1]
            text = span.text.strip()
            if text:
                return [ActorRef(entity_text=text, start=span.start_char, end=span.end_char,
                                 rule="unresolved noun phrase")]
        return []

    def _displaced_from(self, tok: Token) -> ActorRef | None:
        """People "fleeing Somalia", "ordered out of Nigeria", "expelled from Iraq" are
        refugees of that country (CAMEO sector REF)."""
        for c in tok.children:
            if c.dep_ != "acl" or _lemma(c) not in _DISPLACE_VERBS:
                continue
            places = [g for g in c.children if g.dep_ in ("dobj", "obj")]
            preps = [p for p in c.children if p.dep_ in ("prep", "prt")
                     and p.lower_ in ("from", "out")]
            preps += [q for p in preps if p.lower_ == "out" for q in p.children
                      if q.dep_ == "prep" and q.lower_ == "of"]
            places += [g for p in preps for g in p.children if g.dep_ == "pobj"]
            for g in places:
                found = [m for m in self.engine.mentions(self.doc, [g]) if m.resolved
                         and m.actor is not None and m.actor.code and m.actor.kind == "country"]
                if found and found[0].actor is not None:
                    a = found[0].actor
                    left = min(t.i for t in self._np_core(tok) if t.i <= tok.i)
                    span = self.doc[left: tok.i + 1]
                    return ActorRef(entity_text=span.text, code=a.code, sector="REF",
                                    cameo=f"{a.code}REF", name=a.name, kind=a.kind,
                                    start=span.start_char, end=span.end_char,
                                    rule=f"displaced from '{found[0].text}'")
        return None

    def _antecedent(self, pron: Token) -> ActorMention | None:
        """A resolved group or country mention a pronoun may point back to (used only when
        the actor stage left the pronoun unresolved): the closest earlier one in the
        sentence, else the subject or possessor of the previous sentence."""
        doc = self.doc
        everything: list[ActorMention] = doc._.parley_mentions or []
        mentions = [m for m in everything if m.resolved and m.actor
                    and m.actor.kind in ("country", "igo", "ngo", "group")
                    and m.end <= pron.idx]
        if not mentions:
            return None
        same = [m for m in mentions if m.start >= self.sent.start_char]
        if same:
            return same[-1]
        prev_start = 0
        for s in doc.sents:
            if s.start_char >= self.sent.start_char:
                break
            prev_start = s.start_char
        prev = [m for m in mentions if m.start >= prev_start]
        if not prev:
            return None

        def rank(m: ActorMention) -> int:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            dep = span.root.dep_ if span is not None else ""
            return {"nsubj": 0, "nsubjpass": 0, "poss": 1, "compound": 2}.get(dep, 3)

        return min(prev, key=rank)

    def _subject_of(self, verb: Token, depth: int = 0) -> tuple[list[ActorRef], str]:
        if depth > 4:
            return [], ""
        passive = _is_passive(verb)
        if passive and not any(c.dep_ == "agent" for c in verb.children) and (
                self.lex.governor("light", _lemma(verb))
                or self.lex.governor("intent", _lemma(verb))):
            # "Vietnam is committed to", "forces were engaged in": a state of the subject
            for c in verb.children:
                if c.dep_ == "nsubjpass":
                    refs = self._refs_for(c)
                    if refs:
                        return refs, f"subject '{c.text}'"
        if passive and not any(c.dep_ == "agent" for c in verb.children):
            # "when asked about the talks": the passive subject is acted upon, and no
            # subject is inherited
            return [], ""
        for c in verb.children:
            if passive and c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return self._refs_for(g), f"agent 'by {g.text}'"
            if not passive and c.dep_ in _SUBJ:
                refs = self._refs_for(c)
                if not refs and c.pos_ in ("VERB", "AUX", "ADJ"):
                    # a garbled parse ("internationally recognised Government ... announced"):
                    # the named actors of the subject phrase
                    found = self.engine.mentions(self.doc, list(c.subtree))
                    refs = [_ref_from_mention(m) for m in _prefer_resolved(found)
                            if m.resolved]
                if refs:
                    return refs, f"nsubj '{c.text}'"
        dep = verb.dep_
        head = verb.head
        if head.i == verb.i:
            return [], ""
        if dep in ("acomp", "amod") and head.pos_ in ("VERB", "AUX", "ADJ"):
            # "X is responsible for the killings", "guilty of violating"
            return self._subject_of(head, depth + 1)
        if verb.pos_ == "ADJ" and dep in ("acomp", "oprd") and head.pos_ == "AUX":
            return self._subject_of(head, depth + 1)
        if dep == "conj" and head.pos_ in ("VERB", "AUX"):
            # "the United States, which has dominated ... but has since withdrawn": a verb
            # coordinated past a relative clause whose form it shares (and its governor's
            # it does not) continues the relative clause, however the parser attached it
            rel = [r for r in head.subtree if r.dep_ == "relcl" and head.i < r.i < verb.i
                   and r.pos_ in ("VERB", "AUX")]
            if rel and rel[-1].tag_ == verb.tag_ != head.tag_:
                refs, how = self._subject_of(rel[-1], depth + 1)
                if refs:
                    return refs, f"subject of '{rel[-1].text}' ({how})"
        if dep == "conj" and head.pos_ in ("VERB", "AUX") and _is_passive(head):
            for c in head.children:
                if c.dep_ == "nsubjpass":
                    refs = self._refs_for(c)
                    if refs:
                        return refs, f"subject of '{head.text}' (nsubjpass '{c.text}')"
        if dep == "xcomp" and head.pos_ == "ADJ":
            # "they are willing to forgive": the subject of the adjective's clause
            refs, how = self._subject_of(head, depth + 1)
            return refs, (f"subject of '{head.text}' ({how})" if refs else "")
        if dep in ("xcomp", "conj", "advcl", "pcomp", "ccomp") and head.pos_ in ("VERB", "AUX"):
            if dep == "xcomp":
                # "urged Israel to withdraw": the object of the governor is the subject.
                for c in head.children:
                    if c.dep_ in ("dobj", "obj"):
                        return self._refs_for(c), f"object of '{head.text}'"
            if dep in ("ccomp",) and any(c.dep_ in _SUBJ for c in verb.children):
                return [], ""
            refs, how = self._subject_of(head, depth + 1)
            return refs, (f"subject of '{head.text}' ({how})" if refs else "")
        if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            if passive or verb.tag_ == "VBN" or (dep == "acl" and verb.tag_ == "VBD"):
                return [], ""
            if dep == "acl" and head.pos_ == "NOUN" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                # "the need to reform", "Russia's plan to attack": the noun is not the doer,
                # its owner is
                return self._noun_source(head)
            return self._refs_for(head), f"the noun '{head.text}' it modifies"
        if dep in ("acl", "pcomp", "pobj") and head.pos_ in ("NOUN", "PROPN"):
            return self._noun_source(head)
        if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN"):
            # "Moscow's interest in facilitating dialogue", "Russia's role in mediating":
            # whoever the noun belongs to
            refs, how = self._noun_source(head.head)
            if refs:
                return refs, f"{how} of '{head.head.text}'"
        if dep == "prep" or head.dep_ == "prep":
            return self._subject_of(head.head if dep != "prep" else head, depth + 1)
        return [], ""

    def _objects_of(self, trig: Trigger, *, skip: set[int], actor_objects: bool = True,
                    ) -> tuple[list[ActorRef], list[str]]:
        verb = trig.token
        refs: list[ActorRef] = []
        how: list[str] = []
        passive = _is_passive(verb)
        for c in verb.children:
            if c.i in skip:
                continue
            if (c.dep_ in _OBJ and not passive) or c.dep_ == "nsubjpass":
                got = self._refs_for(c)
                if not any(r.code for r in got):
                    # "hosted talks between Israel and Hamas": the parties of the object
                    inner = self._prep_refs(c, ("between", "with", "among", "by"))
                    if any(r.code for r in inner):
                        got = inner
                    elif not any(r.code or r.sector for r in got):
                        # "suspended a tax on U.S. tech companies", "lifted travel curbs to
                        # North Korea", "provide support to Palestinian refugees": whom the
                        # object is aimed at
                        aimed = self._prep_refs(c, _AIMED_PREPS)
                        if any(r.code or r.sector for r in aimed):
                            got = aimed
                            how.append(f"whom '{c.text}' is aimed at")
                if got:
                    refs.extend(got)
                    how.append(f"{c.dep_} {_names(got)}")
            elif c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
                for g in c.children:
                    if c.lower_ == "at" and g.ent_type_ in ("GPE", "FAC", "LOC") \
                            and int(trig.pattern.code[:2]) < 9:
                        # "talks at the Kremlin", "met at Camp David": where, not whom
                        continue
                    if g.dep_ == "pobj" and g.i not in skip:
                        got = self._refs_for(g)
                        if c.lower_ == "with" and g.pos_ == "NOUN":
                            # "pounded positions with airstrikes", "spoke with sincerity":
                            # an instrument or a manner, unless it names an actor
                            got = [r for r in got if r.code or r.sector]
                        if got:
                            refs.extend(got)
                            how.append(f"'{c.lower_}' object {_names(got)}")
        for m in [verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))]:
            for c in m.children:
                if c.dep_ == "prep" and c.lower_ == "for":
                    # "aid for Romania and Poland": only named actors, never "for talks"
                    for g in c.children:
                        if g.dep_ == "pobj" and g.i not in skip:
                            got = [r for r in self._refs_for(g) if r.code]
                            if got:
                                refs.extend(got)
                                how.append(f"'for' object {_names(got)}")
        if verb.dep_ in ("acl",) and (passive or verb.tag_ in ("VBN", "VBD")):
            got = self._refs_for(verb.head)
            if got:
                refs.extend(got)
                how.append(f"the noun '{verb.head.text}' it modifies")
        # a matched object may itself carry the target: "accuse X of", "sign a deal with X"
        for m in trig.matched:
            if m.pos_ not in ("NOUN", "PROPN"):
                continue
            if m.dep_ in (*_OBJ, "nsubjpass", "pobj") and actor_objects \
                    and not any(r.code for r in refs):
                # (only when nothing else is the target: "send a delegation to Pakistan")
                # the matched object is an actor itself: "summoned the Egyptian ambassador",
                # "called his Lebanese counterpart"
                own = [x for x in self.engine.mentions(self.doc, [m])
                       if x.resolved and x.actor is not None and x.actor.code]
                if own:
                    got = [_ref_from_mention(x) for x in _prefer_resolved(own)]
                    refs.extend(got)
                    how.append(f"object {_names(got)}")
                    continue
            owned = _lemma(m) in _OWNED_NOUNS
            if owned:
                # "rejected Iran's offer", "denied charges by X": whose offer or charge
                got, owner = self._noun_source(m)
                if not got:
                    for c in [*m.children, *(() if passive else verb.children)]:
                        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                            got = [r for g in c.children if g.dep_ == "pobj"
                                   for r in self._refs_for(g)]
                            if got:
                                owner = f"'{c.lower_}' object"
                                break
                if got:
                    refs.extend(got)
                    how.append(f"owner of '{m.text}' ({owner})")
            for c in m.children:
                if c.dep_ == "acl" and c.tag_ == "VBN":
                    # "lifted the sanctions imposed on Eritrea": whom the thing is aimed at
                    for p in c.children:
                        if p.dep_ == "prep" and p.lower_ in ("on", "against", "upon"):
                            got = [r for g in p.children if g.dep_ == "pobj"
                                   for r in self._refs_for(g)]
                            if got:
                                refs.extend(got)
                                how.append(f"'{c.text} {p.lower_}' object {_names(got)}")
            for c in m.children:
                if c.dep_ == "prep" and (c.lower_ in _TARGET_PREPS - {"from"}
                                         or (c.lower_ == "by" and m.dep_ != "pobj"
                                             and not owned)
                                         or (c.lower_ == "of" and not owned)):
                        for g in c.children:
                            if g.dep_ == "pobj":
                                got = self._refs_for(g)
                                if got:
                                    refs.extend(got)
                                    how.append(f"'{c.lower_}' object {_names(got)}")
        return refs, how

    def _persuaded(self, verb: Token, *, helping: bool = False) -> tuple[list[ActorRef], str]:
        """The actor a purpose clause of ``verb`` sets out to move: "to convince X (to ...)",
        "in a bid to force X to ...", "to pressure X to resign"; with ``helping`` (a
        cooperative event) also whom it sets out to help ("earmarked aid to help Haiti").
        Follows prepositional phrases ("in part of a drive", "in a bid") and the object to a
        persuading verb with "to"."""
        verbs = _PERSUADE_VERBS | _HELP_VERBS if helping else _PERSUADE_VERBS
        frontier = [(verb, 0)]
        while frontier:
            node, depth = frontier.pop(0)
            for c in node.children:
                if (c.dep_ in ("advcl", "xcomp", "acl", "relcl") and _lemma(c) in verbs
                        and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)):
                    objs = [g for g in c.children if g.dep_ in ("dobj", "obj")]
                    objs = objs or [s for x in c.children if x.dep_ in ("ccomp", "xcomp")
                                    for s in x.children if s.dep_ in _SUBJ]
                    got = [r for g in objs for r in self._refs_for(g)]
                    if any(r.code or r.sector for r in got):
                        return got, f"whom '{c.text}' aims at ({_names(got)})"
                elif (c.dep_ in ("prep", "pobj") or (helping and c.dep_ in ("dobj", "obj"))) \
                        and depth < 4:
                    frontier.append((c, depth + 1))
        return [], ""

    def _named(self, m: ActorMention) -> ActorRef:
        """A pronoun's ref, given by the name it points back to when that name is in the
        same sentence ("after Kiir pardoned him": Peter Biar Ajak, named before)."""
        if m.antecedent and m.text.lower() in _OBJECT_PRONOUNS:
            for other in self.doc._.parley_mentions or []:
                if (other.text == m.antecedent and other is not m
                        and self.sent.start_char <= other.start < self.sent.end_char
                        and other.text.lower() not in _OBJECT_PRONOUNS):
                    ref = _ref_from_mention(other)
                    ref.rule = f"{m.rule or ''} ('{m.text}')".strip()
                    return ref
        return _ref_from_mention(m)

    def _destinations(self, verb: Token) -> list[ActorRef]:
        """Places in the verb's (or its object's) in/into/from/to/out of phrases."""
        heads = [verb, *(o for o in verb.children if o.dep_ in ("dobj", "obj"))]
        preps = [c for h in heads for c in h.children
                 if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS]
        preps += [g for c in list(preps) if c.lower_ == "out" for g in c.children
                  if g.dep_ == "prep" and g.lower_ == "of"]
        out: list[ActorRef] = []
        for c in preps:
            for g in c.children:
                if g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "LOC", "FAC")
                                         or any(r.code for r in self._refs_for(g))):
                    out.extend(self._refs_for(g) or [self._np_ref(g)])
        return out

    def _prep_refs(self, tok: Token, preps: Collection[str]) -> list[ActorRef]:
        """The actors named by the objects of ``tok``'s prepositions in ``preps``."""
        return [r for p in tok.children if p.dep_ == "prep" and p.lower_ in preps
                for g in p.children if g.dep_ == "pobj" for r in self._refs_for(g)]

    def _np_ref(self, tok: Token) -> ActorRef:
        """An unresolved noun phrase: ``tok`` and what stands before it in its subtree."""
        left = min(t.i for t in tok.subtree if t.i <= tok.i)
        span = self.doc[left: tok.i + 1]
        return ActorRef(entity_text=span.text, start=span.start_char, end=span.end_char,
                        rule="unresolved noun phrase")

    def _with_partners(self, trig: Trigger) -> list[ActorRef]:
        """Named actors in "with" phrases of the trigger or of its matched object."""
        out: list[ActorRef] = []
        for m in [trig.token, *trig.matched]:
            for c in m.children:
                if c.dep_ == "prep" and c.lower_ == "with":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            out.extend(r for r in self._refs_for(g) if r.code)
        return out

    def _noun_source(self, noun: Token) -> tuple[list[ActorRef], str]:
        for c in noun.children:
            if c.dep_ == "poss":
                got = self._refs_for(c)
                if got:
                    return got, f"possessive '{c.text}'"
        for c in noun.children:
            if c.dep_ in ("prep", "agent") and c.lower_ == "by":
                for g in c.children:
                    if g.dep_ == "pobj":
                        got = self._refs_for(g)
                        if got:
                            return got, f"'by {g.text}'"
        mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
        found = self.engine.mentions(self.doc, [t for c in mods for t in c.subtree])
        if found:
            refs = [_ref_from_mention(m) for m in _prefer_resolved(found) if m.resolved]
            if refs:
                return refs, "modifier " + ", ".join(f"'{r.entity_text}'" for r in refs)
        return [], ""

    def _noun_targets(self, noun: Token, *, skip: set[int]) -> tuple[list[ActorRef], list[str]]:
        refs: list[ActorRef] = []
        how: list[str] = []
        if _lemma(noun) in _INQUIRY_NOUNS:
            # "an investigation into an allegation (by X) that the NPFL had taken ...": the
            # one the allegation is about, not who made it
            host = noun.head if noun.dep_ in ("dobj", "obj") else noun
            for c in (*noun.children, *(host.children if host is not noun else ())):
                if c.dep_ != "prep" or c.lower_ not in ("into", "about", "over", "of", "on"):
                    continue
                for g in c.children:
                    if g.dep_ == "pobj" and _lemma(g) in _CONTENT_NOUNS:
                        subj = [x for cl in g.children if cl.dep_ in ("acl", "ccomp", "relcl")
                                for x in cl.children if x.dep_ in _SUBJ]
                        got = [r for x in subj for r in self._refs_for(x)]
                        if got:
                            return got, [f"whom the '{g.text}' looked into is about "
                                         f"{_names(got)}"]
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
                for g in c.children:
                    if g.dep_ == "pobj" and g.i not in skip:
                        got = self._refs_for(g)
                        if got:
                            refs.extend(got)
                            how.append(f"'{c.lower_}' object {_names(got)}")
            elif c.dep_ == "prep" and c.lower_ == "of" and noun.dep_ != "compound" \
                    and _lemma(noun) not in _CONTENT_NOUNS:
                # (not "accusations of supporting insurgents": that is the charge)
                # "the release of prisoners", "the arrest of X": the object of the action
                for g in c.children:
                    if g.dep_ == "pobj" and g.i not in skip:
                        got = self._refs_for(g)
                        if got:
                            refs.extend(got)
                            how.append(f"'of' object {_names(got)}")
                    elif g.dep_ == "pobj":
                        # "a suspension of air links with 21 countries": the matched
                        # thing's partner or aim
                        for p in g.children:
                            if p.dep_ == "prep" and p.lower_ in _AIMED_PREPS | {"with"}:
                                got = [r for x in p.children if x.dep_ == "pobj"
                                       for r in self._refs_for(x)]
                                if got:
                                    refs.extend(got)
                                    how.append(f"'{g.text} {p.lower_}' object {_names(got)}")
        return refs, how

    # ------------------------------------------------------------------ modality
    def _local_modality(self, tok: Token, frame: Frame, *, reported: bool) -> None:
        for c in tok.children:
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ == "advmod" and low in ("never",)):
                frame.negated = True
                frame.notes.append(f"negated by '{c.text}'")
            elif c.dep_ == "aux":
                if low in _MODAL_FUTURE:
                    frame.intent = True
                    frame.notes.append(f"future '{c.text}'")
                elif low in _MODAL_HYPO:
                    if low == "would" and reported:
                        frame.intent = True
                        frame.notes.append("reported future 'would'")
                    elif low not in ("must", "can"):
                        frame.hypothetical = True
                        frame.notes.append(f"modal '{c.text}'")
            elif c.dep_ == "mark" and low in ("if", "unless", "whether", "until", "before"):
                frame.hypothetical = True
                frame.notes.append(f"conditional '{c.text}'")
            elif c.dep_ == "det" and low in _NEG_DET:
                frame.negated = True
                frame.notes.append(f"negated by '{c.text}'")

    def _clause_depth(self, tok: Token) -> int:
        """Clause boundaries between ``tok`` and the main clause (reporting verbs and
        governors do not count); a nominal event after "after", "amid" ... counts one more."""
        depth = 0
        cur = tok
        if tok.dep_ == "pobj" and tok.head.lower_ in _BACKGROUND_PREPS:
            depth += 1
        for _ in range(12):
            if cur.head.i == cur.i:
                break
            dep = cur.dep_
            hl = _lemma(cur.head)
            governs = any(self.lex.governor(k, hl) for k in
                          ("request", "appeal", "intent", "reject", "threaten"))
            if (dep in ("advcl", "relcl", "csubj", "parataxis")
                    or (dep == "acl" and not governs)
                    or (dep == "ccomp" and not governs
                        and not self.lex.governor("report", hl))):
                depth += 1
            cur = cur.head
        return depth

    def _is_reported(self, tok: Token) -> bool:
        cur = tok
        for _ in range(6):
            if cur.dep_ == "ccomp" and self.lex.governor("report", _lemma(cur.head)):
                return True
            if cur.head.i == cur.i:
                return False
            cur = cur.head
        return False

    def frame(self, trig: Trigger) -> Frame:
        tok = trig.token
        pat = trig.pattern
        purpose = _deployment_purpose(tok) if pat.code[:2] == "15" else None
        if purpose is not None:
            # a deployment to keep the peace or to help is cooperation, and an offer of one
            # is an offer of aid, not a threat: the walk up starts from that code
            pat = replace(pat, code=purpose[0], intent=None)
        fr = Frame(code=pat.code)
        if purpose is not None:
            fr.notes.append(purpose[1])
        reported = self._is_reported(tok)
        self._local_modality(tok, fr, reported=reported)
        # "to" + VBG after "without": "without consulting"
        if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
            fr.negated = True
            fr.notes.append("'without'")
        cur = tok
        chain = 0
        sealed = False
        while cur.head.i != cur.i and chain < 6:
            chain += 1
            dep = cur.dep_
            head = cur.head
            if dep == "ccomp" and not self.lex.governor("report", _lemma(head)):
                # "reiterated its demand today that Israel ease ...", parsed as a clause of
                # the verb: the clause belongs to the governing noun
                noun_gov = next((c for c in head.children if c.dep_ == "dobj"
                                 and c.pos_ == "NOUN" and c.i < cur.i
                                 and any(self.lex.governor(k, _lemma(c)) for k in
                                         ("request", "appeal", "threaten", "intent"))), None)
                if noun_gov is not None:
                    head = noun_gov
                    dep = "acl"
            hl = _lemma(head)
            if dep in ("xcomp", "ccomp", "acl", "advcl", "pcomp", "dobj", "pobj", "prep",
                       "compound", "nsubj", "nsubjpass", "conj", "relcl", "attr", "acomp",
                       "amod", "appos"):
                pass
            else:
                break
            if dep == "conj":
                # coordinated verbs share auxiliaries: "will visit and meet"
                if cur.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("aux", "neg")
                                                          for c in cur.children):
                    self._local_modality(head, fr, reported=reported)
                cur = head
                continue
            if ((dep in ("acl", "ccomp", "relcl") and hl in _CONTENT_NOUNS
                    and head.pos_ in ("NOUN", "PROPN")
                    and any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in cur.children))
                    or (dep in ("pobj", "pcomp") and head.lower_ in ("of", "about")
                        and _lemma(head.head) in _CONTENT_NOUNS)):
                fr.dropped = True
                fr.notes.append(f"content of '{head.text}'")
                break
            if dep in ("pcomp", "pobj") and head.lower_ in ("for", "of") \
                    and head.head.pos_ in ("VERB", "ADJ", "NOUN") and any(
                        p.code[:2] in ("11", "17") or p.code[:3] in ("016",)
                        for p in (self.lex.nouns if head.head.pos_ == "NOUN"
                                  else self.lex.verbs).get(_lemma(head.head), ())):
                # "arrested for collaborating with", "accused of attacking": the alleged
                # reason is not an event of its own
                fr.dropped = True
                fr.notes.append(f"reason given for '{head.head.text}'")
                break
            if dep in ("advcl", "relcl", "acl", "csubj", "pcomp", "parataxis") or (
                    dep == "ccomp" and not self.lex.governor("report", hl)):
                fr.depth += 1
            if dep in ("advcl", "relcl", "pcomp") and not (
                    _lemma(head) in _SENDING_VERBS
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)):
                # governors above an adverbial or relative clause do not govern the trigger:
                # "declined to comment when asked about ..." (but "offered to send troops to
                # distribute supplies" is an offer)
                sealed = True
            if dep in ("xcomp", "acl", "ccomp", "dobj", "compound", "pobj", "prep", "acomp",
                       "attr") and fr.kind == "action" and not sealed:
                via_clause = dep in ("xcomp", "acl", "ccomp", "acomp")
                nominal = dep in ("dobj", "compound", "pobj", "prep", "attr")
                kinds = ("reject", "threaten", "request", "appeal", "intent", "consider",
                         "fail", "hypothetical")
                hit = None
                for kind in kinds:
                    if self.lex.governor(kind, hl):
                        hit = kind
                        break
                if hit is not None and head.pos_ in ("NOUN", "PROPN") \
                        and hl not in _NOUN_GOVERNORS:
                    # "the rebel forces opposed to ...": a noun governs only when it names a
                    # demand, an offer, a plan or a threat
                    hit = None
                if hit == "appeal" and dep == "ccomp" and hl in ("ask", "call"):
                    hit = None
                if hit == "intent" and dep not in ("xcomp", "acl", "ccomp", "acomp", "dobj",
                                                   "compound"):
                    hit = None
                if hit in ("request", "appeal", "reject", "threaten", "consider") \
                        and not via_clause \
                        and not (nominal and pat.pos == "noun"
                                 and dep in ("dobj", "pobj", "prep")):
                    hit = None
                if hit == "intent" and dep == "ccomp" and hl not in ("announce", "decide",
                                                                     "agree", "promise",
                                                                     "pledge", "vow"):
                    hit = None
                if hit == "fail" and hl == "deny" and dep == "ccomp":
                    hit = "fail"
                if hit is not None and hit not in ("fail", "hypothetical"):
                    derived = self.lex.derived(hit, pat.code)
                    if hit == "intent":
                        fr.intent = True
                        if pat.code.startswith("03"):
                            pass
                        elif pat.intent is not None:
                            fr.code = pat.intent
                        elif derived is not None:
                            fr.code = derived
                        fr.kind = "intent"
                        fr.governor = head
                        fr.notes.append(f"intent verb '{head.text}' + {dep}")
                        self._local_modality(head, fr, reported=reported)
                        cur = head
                        continue
                    if derived is not None:
                        fr.code = derived
                        fr.kind = hit
                        fr.governor = head
                        fr.notes.append(f"{hit} verb '{head.text}' + {dep}")
                        sub = Frame(code=fr.code)
                        self._local_modality(head, sub, reported=reported)
                        fr.negated = sub.negated
                        fr.hypothetical = fr.hypothetical or sub.hypothetical
                        fr.intent = False
                        cur = head
                        continue
                if hit == "fail" and (via_clause or (dep == "dobj" and pat.pos == "noun")):
                    fr.negated = True
                    fr.notes.append(f"'{head.text}' + {dep}")
                elif hit == "hypothetical" and (via_clause or dep == "dobj"):
                    fr.hypothetical = True
                    fr.notes.append(f"'{head.text}' + {dep}")
            if dep in ("nsubj", "nsubjpass") and pat.pos == "noun":
                sub = Frame(code=fr.code)
                self._local_modality(head, sub, reported=reported)
                if sub.hypothetical:
                    fr.hypothetical = True
                    fr.notes.extend(sub.notes)
                if hl in _FAIL_VERBS or any(
                    c.dep_ == "prep" and c.lower_ == "without"
                    and any(_lemma(g) in _OUTCOME_NOUNS for g in c.children)
                    for c in head.children
                ):
                    fr.negated = True
                    fr.notes.append(f"outcome negated: '{head.text} "
                                    + ("without …'" if hl not in _FAIL_VERBS else "'"))
                if any(c.dep_ == "neg" for c in head.children):
                    fr.negated = True
                    fr.notes.append(f"'{head.text}' negated")
                break
            if dep in ("dobj", "pobj") and pat.pos == "noun" \
                    and self.lex.governor("light", hl) and head.pos_ in ("VERB", "AUX") \
                    and fr.kind == "action" and fr.governor is None:
                # "failed to yield lasting agreements": the light verb's modality counts;
                # "ordered patrols": the light verb gives way to the nominal event
                self._local_modality(head, fr, reported=reported)
                fr.light = head
                cur = head
                continue
            if dep == "pobj" and pat.pos == "noun" and head.dep_ == "prep" \
                    and head.lower_ not in _BACKGROUND_PREPS \
                    and self.lex.governor("light", _lemma(head.head)) \
                    and head.head.pos_ in ("VERB", "AUX") and fr.kind == "action" \
                    and fr.governor is None:
                # "engaged in ethnic cleansing", "culminated in a ceasefire"
                self._local_modality(head.head, fr, reported=reported)
                fr.light = head.head
                cur = head.head
                continue
            if dep in ("pobj",) and head.lower_ == "without":
                fr.negated = True
                fr.notes.append("'without'")
            if dep == "pobj" and _lemma(head.head) in _FAIL_NOUN_HEADS and head.lower_ == "of":
                fr.negated = True
                fr.notes.append(f"'{head.head.text} of'")
            if dep == "ccomp" and self.lex.governor("report", hl):
                fr.reporter = head
                break
            if dep in ("xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "pcomp", "prep"):
                cur = head
                continue
            if dep == "pobj" and head.lower_ == "of" and _lemma(head.head) in _QUANTIFIER_NOUNS:
                cur = head.head
                continue
            break
        if trig.pattern.pos == "noun" and not fr.negated:
            # "after talks ... ended without a breakthrough" (however the parser attached it)
            cur = tok
            for _ in range(5):
                if cur.dep_ not in ("pobj", "prep", "mark", "nsubj", "compound", "conj") \
                        or cur.head.i == cur.i:
                    break
                cur = cur.head
                if cur.pos_ in ("VERB", "AUX"):
                    if _lemma(cur) in _FAIL_VERBS or any(
                        c.dep_ == "prep" and c.lower_ == "without"
                        and any(_lemma(g) in _OUTCOME_NOUNS for g in c.children)
                        for c in cur.children
                    ):
                        fr.negated = True
                        fr.notes.append(f"outcome negated: '{cur.text}'")
                    break
        if trig.pattern.pos == "noun":
            for c in tok.children:
                if c.dep_ in ("amod", "compound") and _lemma(c) in ("propose", "planned",
                                                                     "plan", "proposed",
                                                                     "possible", "potential",
                                                                     "upcoming", "future",
                                                                     "prospective"):
                    fr.hypothetical = True
                    fr.notes.append(f"modifier '{c.text}'")
        if fr.kind == "action" and tok.dep_ in ("advcl", "xcomp") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
                and _lemma(tok.head) in _SENDING_VERBS:
            # "sent experts to investigate the attacks": the purpose is the event
            fr.outer.append(tok.head)
            fr.notes.append(f"purpose of '{tok.head.text}'")
        if fr.kind in ("reject", "threaten", "intent", "request") and fr.governor is not None:
            g = fr.governor
            for _ in range(3):
                if g.dep_ not in ("xcomp", "ccomp", "conj") or g.head.i == g.i:
                    break
                gh = g.head
                outer_kind = next((k for k in ("request", "appeal")
                                   if self.lex.governor(k, _lemma(gh))), None)
                if outer_kind is not None:
                    kind = outer_kind
                    fr.outer.append(fr.governor)
                    fr.code = self.lex.derived(kind, pat.code) or fr.code
                    fr.kind = kind
                    fr.governor = gh
                    fr.intent = False
                    fr.notes.append(f"{kind} verb '{gh.text}' over it")
                    break
                g = gh
        fr.depth = max(fr.depth, self._clause_depth(tok))
        if self.question:
            fr.hypothetical = True
            fr.notes.append("question")
        if fr.intent and fr.kind == "action" and not pat.code.startswith("03"):
            code = pat.intent or self.lex.derived("intent", pat.code)
            if code is not None:
                fr.code = code
            fr.kind = "intent"
        must_on = tok.head if tok.dep_ == "conj" and not any(
            c.dep_ == "aux" for c in tok.children) else tok
        if fr.light is not None:
            must_on = fr.light
        if fr.kind == "action" and reported and any(
                c.dep_ == "aux" and c.lower_ in ("must", "should") for c in must_on.children):
            # "X said the government must ensure ...": X demands it
            rep = tok
            for _ in range(6):
                if rep.dep_ == "ccomp" and self.lex.governor("report", _lemma(rep.head)):
                    rep = rep.head
                    break
                rep = rep.head
            code = self.lex.derived("request", pat.code)
            if code is not None and self.lex.governor("report", _lemma(rep)):
                fr.code = code
                fr.kind = "request"
                fr.governor = rep
                fr.hypothetical = False
                fr.notes.append(f"'must' reported by '{rep.text}': a demand")
        if fr.hypothetical and fr.kind == "action" and not self.question \
                and (int(pat.code[:2]) >= 14 or pat.code[:3] in ("164", "165", "166")) \
                and any("conditional" in n or "modal" in n for n in fr.notes):
            # "may halt mediation if ...", "could strike if ...": a threat
            code = self.lex.derived("threaten", pat.code)
            if code is not None:
                fr.code = code
                fr.kind = "threaten"
                fr.hypothetical = False
                fr.notes.append("conditional conflict action coded as a threat")
        if fr.negated and fr.kind == "intent":
            # "will not lift the ban", "did not agree to meet": a refusal
            code = self.lex.derived("reject", pat.code)
            if code is not None and pat.code[:2] in ("02", "03", "04", "05", "06", "07",
                                                     "08"):
                fr.code = code
                fr.kind = "reject"
                fr.negated = False
                fr.intent = False
                fr.notes.append("negated intent coded as a refusal")
        if fr.reporter is None and reported:
            cur = tok
            for _ in range(6):
                if cur.dep_ == "ccomp" and self.lex.governor("report", _lemma(cur.head)):
                    fr.reporter = cur.head
                    break
                if cur.head.i == cur.i:
                    break
                cur = cur.head
        if fr.reporter is not None and fr.kind == "action" and int(pat.code[:2]) >= 14 \
                and self.lex.governor("claim", _lemma(fr.reporter)) and any(
                    c.dep_ in _SUBJ and c.lower_ in ("they", "we", "it", "he", "she", "i")
                    for c in tok.children):
            # "the Taliban claimed that they had attacked ...": claiming responsibility
            code = self.lex.derived("claim", pat.code)
            if code is not None:
                fr.code = code
                fr.kind = "claim"
                fr.governor = fr.reporter
                fr.reporter = None
                fr.notes.append(f"claimed by its own author via '{fr.governor.text}'")
        if fr.kind == "action" and fr.code in ("042", "043") and any(
                c.dep_ in _SUBJ and _lemma(c) in _MILITARY_UNITS for c in tok.children) \
                and _peacekeeping(tok):
            # "Japanese peacekeepers arrive in Juba": a deployment, not a visit
            fr.code = "074"
            fr.notes.append(_PEACEKEEPING_NOTE)
        return fr


_PEACEKEEPING = {"peacekeeping", "peacekeeper", "peacekeepers", "peace-keeping",
                 "peace-keepers", "peace-keeper"}
_PEACEKEEPING_NOTE = ("a peacekeeping deployment: coded 074 (Provide military protection or "
                      "peacekeeping)")
#: inquiries whose subject ("an investigation into allegations of ...") is no event
_INQUIRY_NOUNS = {"investigation", "probe", "inquiry", "enquiry", "review", "audit"}
#: purposes that make a deployment help ("send troops to help the army")
_HELP_VERBS = {"help", "assist", "support", "aid", "distribute", "deliver", "train", "rebuild",
               "evacuate", "supply", "reinforce", "bolster"}
#: nouns for troops on the move: their arrival is a deployment, not a visit
_MILITARY_UNITS = {"troop", "troops", "soldier", "contingent", "battalion", "brigade", "unit",
                   "peacekeeper", "force", "marine", "platoon", "company", "detachment",
                   "hundred", "hundreds", "dozen", "dozens", "thousand", "thousands"}
_MONITOR_VERBS = {"monitor", "observe", "supervise", "oversee", "police", "enforce"}
_TRUCE_NOUNS = {"ceasefire", "cease-fire", "truce", "armistice", "peace"}


def _deployment_purpose(tok: Token) -> tuple[str, str] | None:
    """The cooperative code of a deployment (CAMEO 15) and why, or None: peacekeeping (074);
    sent to help, train or supply someone (072, military aid) ("offered to send troops to
    help the Philippines army")."""
    if _peacekeeping(tok):
        return "074", _PEACEKEEPING_NOTE
    for c in tok.children:
        if c.dep_ in ("advcl", "xcomp") and _lemma(c) in _HELP_VERBS and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            return "072", (f"a deployment to '{c.text}': coded 072 (Provide military aid)")
    return None


def _peacekeeping(tok: Token) -> bool:
    """Whether a deployment is for peacekeeping: its phrase (or the subject of it or of the
    verb it depends on) says peacekeeping, or it goes to monitor a ceasefire."""
    toks = set(tok.subtree)
    if tok.dep_ in ("dobj", "obj", "pobj", "nsubjpass"):
        # "approved the deployment of a team to monitor a ceasefire": the purpose clause may
        # hang on the verb that governs the deployment noun
        toks.update(t for c in tok.head.children if c.dep_ in ("advcl", "xcomp")
                    for t in c.subtree)
    cur = tok
    for _ in range(3):
        toks.update(t for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")
                    for t in c.subtree)
        if cur.dep_ not in ("xcomp", "conj") or cur.head.i == cur.i:
            break
        cur = cur.head
    for t in toks:
        if t.lower_ in _PEACEKEEPING or (t.lower_ == "keeping" and t.i > 0
                                          and t.doc[t.i - 1].lower_ in ("peace", "-")):
            return True
        if _lemma(t) in _MONITOR_VERBS and any(
                c.dep_ in ("dobj", "obj") and (_lemma(c) in _TRUCE_NOUNS
                                               or (_hyphen_form(c) or "") in _TRUCE_NOUNS)
                for c in t.children):
            return True
    return False


_PLACE_PREPS = {"in", "into", "from", "to", "across", "along", "near", "inside", "out"}


def _own_forces(ref: ActorRef, src: list[ActorRef], code: str) -> bool:
    """"its forces", "their troops", or troops of the source's own country that it sends,
    offers or withdraws (not those it fights or arrests): the source's own armed forces."""
    if ref.sector not in ("MIL", "COP"):
        return False
    first = ref.entity_text.lower().split(" ", 1)[0]
    if first in ("its", "their", "his", "her", "our"):
        return ref.code is None or ref.code in {r.code for r in src}
    return (code[:2] in ("03", "07", "08", "13", "15") and ref.code is not None
            and any(r.code == ref.code and r.sector not in ("MIL", "COP") for r in src))


def _speaker_pronoun(ref: ActorRef, speakers: list[ActorRef]) -> bool:
    """Whether a subject pronoun can name the speaker of its clause: "it" a state or body,
    "he"/"she" a person or a singular agent ("a virus expert"), "they" anyone; its code, when
    known, is the speaker's."""
    word = ref.entity_text.lower()
    if word not in _SELF_PRONOUNS:
        return False
    if ref.code is not None and ref.code not in {s.code for s in speakers}:
        return False
    if word == "it":
        return all(s.kind != "person" for s in speakers)
    if word in ("he", "she"):
        one = speakers[0]
        head = one.entity_text.split()[-1] if one.entity_text.split() else ""
        # a person, or one holder of a role ("a virus expert", "the spokesman"), not a party
        # or body named like an agent ("Labour")
        return len(speakers) == 1 and (one.kind == "person" or (
            "agent:" in (one.rule or "") and head.islower() and not head.endswith("s")))
    return True


def _prefer_resolved(ms: list[ActorMention]) -> list[ActorMention]:
    res = [m for m in ms if m.resolved]
    chosen = res or ms
    # drop mentions nested inside another chosen one
    out = []
    for m in chosen:
        if not any(o is not m and o.start <= m.start and m.end <= o.end
                   and (o.end - o.start) > (m.end - m.start) for o in chosen):
            out.append(m)
    return out


def _with_role(r: ActorRef) -> bool:
    """False for a person known only by name, whose country the actor stage took from the
    context ("Michael Howard" in a British story): not enough to make a sentence an event."""
    return not (r.kind == "person" and r.sector is None)


def _ref_from_mention(m: ActorMention) -> ActorRef:
    a = m.actor
    return ActorRef(
        entity_text=m.text,
        code=a.code if a else None,
        sector=a.sector if a else None,
        cameo=a.cameo if a else None,
        name=a.name if a else None,
        kind=a.kind if a else None,
        start=m.start,
        end=m.end,
        rule=m.rule,
    )


def _names(refs: list[ActorRef]) -> str:
    return ", ".join(f"'{r.entity_text}'" for r in refs)


def _distinct(refs: list[ActorRef]) -> list[ActorRef]:
    """``refs`` without repeats of the same name with the same code and sector."""
    seen: set[tuple[str, str | None, str | None]] = set()
    out: list[ActorRef] = []
    for r in refs:
        key = (" ".join(r.entity_text.lower().split()), r.code, r.sector)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _describe(refs: list[ActorRef]) -> str:
    out = []
    for r in refs:
        label = " ".join(x for x in (r.code, r.sector) if x) or "unresolved"
        out.append(f"'{r.entity_text}' ({label})")
    return ", ".join(out)


MentionLookup = Callable[[Doc, Iterable[Token]], list[ActorMention]]
DateFn = Callable[[Span, "dt.date | None"], "tuple[dt.date | None, str | None]"]
GeoFn = Callable[[Span, Token, "tuple[tuple[int, int], ...]"], "Location | None"]


class EventCoderEngine:
    """Codes spaCy ``Doc`` objects with a compiled :class:`Lexicon`.

    ``mentions`` finds the actor mentions overlapping some tokens (by default
    :func:`parley.actors.mentions_for_tokens`); ``date_fn(sent, doc_date)`` and
    ``geo_fn(sent, trigger, actor_spans)`` give an event's date and location (by default the
    document date and no location).
    """

    def __init__(
        self,
        lexicon: Lexicon,
        *,
        coder_version: str,
        dictionary_version: str,
        mentions: MentionLookup,
        date_fn: DateFn | None = None,
        geo_fn: GeoFn | None = None,
        min_confidence: float = 0.0,
        statements: bool = True,
        require_actor: bool = False,
    ) -> None:
        self.lexicon = lexicon
        self.require_actor = require_actor
        self.coder_version = coder_version
        self.dictionary_version = dictionary_version
        self.mentions = mentions
        self.date_fn = date_fn
        self.geo_fn = geo_fn
        self.min_confidence = min_confidence
        self.statements = statements
        self.table = cameo_table()

    def code_doc(self, doc: Doc) -> list[Event]:
        events: list[Event] = []
        for index, sent in enumerate(doc.sents):
            events.extend(self.code_sentence(doc, sent, index))
        return [e for e in events if e.confidence >= self.min_confidence]

    def code_sentence(self, doc: Doc, sent: Span, index: int) -> list[Event]:
        sc = SentenceCoder(self, doc, sent, index)
        triggers = sc.find_triggers()
        by_tok = {t.token.i: t for t in triggers}
        consumed: set[int] = set()
        for t in triggers:
            for m in t.matched:
                if m.i != t.token.i:
                    consumed.add(m.i)
                    if m.dep_ == "compound" and m.head.i != t.token.i:
                        # "violated the ceasefire agreement": the whole object is used up
                        consumed.add(m.head.i)
        events: list[Event] = []
        absorbed: set[int] = set()
        frames: dict[int, Frame] = {}
        for t in triggers:
            if t.token.i not in consumed:
                frames[t.token.i] = sc.frame(t)
        # a trigger that is the governor of another trigger (request / reject / threaten /
        # intent) is absorbed into it: "urged X to withdraw" is one appeal event
        for fr in frames.values():
            if fr.dropped:
                continue
            for g in (fr.governor, *fr.outer):
                if g is not None and g.i in by_tok:
                    absorbed.add(g.i)
        for fr in frames.values():
            g = fr.governor
            if g is not None and g.pos_ in ("NOUN", "PROPN") and g.i in consumed:
                # "refused a request to visit": the refusal is the event
                fr.dropped = True
        built: dict[int, Event] = {}
        # nominal events on a light verb first: the light verb gives way only to an event
        for t in sorted(triggers, key=lambda t: frames.get(t.token.i) is None
                        or frames[t.token.i].light is None):
            i = t.token.i
            if i in consumed or i in absorbed or frames[i].dropped:
                continue
            ev = self._build(sc, t, frames[i], by_tok, consumed)
            if ev is not None:
                built[i] = ev
                light = frames[i].light
                if light is not None and light.i in by_tok:
                    absorbed.add(light.i)
        events = [built[t.token.i] for t in triggers if t.token.i in built]
        # subordinate-clause readings give way to a main-clause event: keep those deeper
        # down only when they name their own source
        depths = {built[i].id: frames[i].depth for i in built}
        top = min(depths.values(), default=0)
        nominal = {built[i].id for i in built if by_tok[i].pattern.pos == "noun"}
        events = [e for e in events if depths[e.id] == top
                  or (depths[e.id] == top + 1 and e.id not in nominal
                      and any(r.code and _with_role(r) for r in e.actor))]
        events = self._dedupe(events)
        comment_toks = [i for i in built if by_tok[i].pattern.pos == "adjective"]
        if comment_toks:
            # what a comment is about is not an event of its own ("skeptical over Moscow's
            # will to agree"); a comment gives way to an event it sits beside ("Albanians,
            # skeptical of ..., are demanding ...")
            topic = {t.i for i in comment_toks for t in sc.doc[i].subtree if t.i != i}
            about = {built[i].id for i in built if i in topic}
            comments = {built[i].id for i in comment_toks}
            events = [e for e in events if e.id not in about]
            if len(events) > len([e for e in events if e.id in comments]):
                events = [e for e in events if e.id not in comments]
        if not events and self.statements:
            st = self._statement(sc)
            if st is not None:
                events.append(st)
        return events

    @staticmethod
    def _names_unknown(doc: Doc, refs: Iterable[ActorRef]) -> bool:
        """Whether some argument is a proper name (an unknown team, firm or person)."""
        for r in refs:
            if r.start is None or r.end is None:
                continue
            span = doc.char_span(r.start, r.end, alignment_mode="expand")
            if span is not None and span.root.pos_ == "PROPN":
                return True
        return False

    @staticmethod
    def _dedupe(events: list[Event]) -> list[Event]:
        """One event per PLOVER type, source and modality in a sentence: "attacked the base,
        killing 17 soldiers" is one assault; the most confident reading is kept."""
        best: dict[tuple[object, ...], Event] = {}
        order: list[tuple[object, ...]] = []
        for ev in events:
            src = frozenset((r.code or r.entity_text.lower()) for r in ev.actor)
            key = (ev.event, src, ev.negated, ev.hypothetical, ev.intent)
            if key not in best:
                order.append(key)
                best[key] = ev
                continue
            keep, other = (ev, best[key]) if ev.confidence > best[key].confidence \
                else (best[key], ev)
            have = {(r.code, r.entity_text) for r in keep.recipient}
            extra = [r for r in other.recipient if r.code and (r.code, r.entity_text) not in have]
            if extra and not any(r.code for r in keep.recipient):
                keep = keep.model_copy(update={
                    "recipient": keep.recipient + extra,
                    "explanation": keep.explanation + "; target from the merged reading "
                    f"'{other.text_info.trigger}'"})
            best[key] = keep
        out = [best[k] for k in order]
        # a reading with no source folds into one of the same type that has one
        merged: list[Event] = []
        for ev in out:
            if not ev.actor:
                host = next((o for o in out if o.actor and o.event == ev.event
                             and o.negated == ev.negated and o.hypothetical == ev.hypothetical),
                            None)
                if host is not None:
                    if not any(r.code for r in host.recipient) and ev.recipient:
                        host.recipient = host.recipient + ev.recipient
                        host.explanation += (f"; target from the merged reading "
                                             f"'{ev.text_info.trigger}'")
                    continue
            merged.append(ev)
        return merged

    # ------------------------------------------------------------------ building
    def _build(self, sc: SentenceCoder, trig: Trigger, fr: Frame, by_tok: dict[int, Trigger],
               consumed: set[int]) -> Event | None:
        tok = trig.token
        pat = trig.pattern
        # matched objects and modifiers are not targets; a matched preposition's object may
        # be ("fire at targets")
        skip = {m.i for m in trig.matched if m.dep_ not in ("prep", "agent")}
        # "violated the ceasefire agreement": the object whose modifier was matched is used up
        skip |= {m.head.i for m in trig.matched if m.dep_ == "compound" and m.head.i != tok.i
                 and _lemma(m.head) in self.lexicon.nouns}
        notes: list[str] = []
        src: list[ActorRef]
        tgt: list[ActorRef]
        if pat.pos != "noun":  # verbs and predicate adjectives
            anchor = fr.governor if fr.kind in ("request", "appeal", "reject", "threaten",
                                                "claim") \
                and fr.governor is not None else tok
            if anchor.pos_ in ("NOUN", "PROPN"):
                # "its demand that Israel ease ...": the demand's owner, or the light verb's
                src, how_s = sc._noun_source(anchor)
                if not src and anchor.dep_ in ("dobj", "attr", "nsubjpass"):
                    src, how_s = sc._subject_of(anchor.head)
            else:
                src, how_s = sc._subject_of(anchor)
            tgt, how_t = sc._objects_of(trig, skip=skip)
            if anchor.i != tok.i:
                gt, gh = sc._objects_of(Trigger(anchor, pat, []), skip=skip)
                if anchor.pos_ in ("NOUN", "PROPN"):
                    gt, gh = [], []
                if gt:
                    tgt, how_t = gt, gh
                elif fr.kind in ("request", "appeal"):
                    # "demanded that Mugabe abandon ...": who is asked to act
                    it, ih = sc._subject_of(tok)
                    it = [r for r in it if (r.start, r.end) not in
                          {(x.start, x.end) for x in src}]
                    if it:
                        tgt, how_t = it, [f"{ih} of the demanded action"]
            if not tgt and fr.code[:2] == "13":
                # "warned that police will no longer tolerate rallies by Kifaya": who the
                # threatened action is aimed at
                for c in tok.children:
                    if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"):
                        aimed, aimed_how = sc._objects_of(Trigger(c, pat, []), skip=skip)
                        if any(r.code for r in aimed):
                            tgt, how_t = aimed, aimed_how
                            break
            if not tgt and fr.code[:2] in ("01", "11", "12"):
                # "expressed concern about X", "complained about X": what it is about
                for host in [tok, *(m for m in trig.matched if m.pos_ == "NOUN")]:
                    for c in host.children:
                        if c.dep_ == "prep" and (c.lower_ in _TOPIC_PREPS or (
                                c.lower_ == "for" and host.i != tok.i)):
                            # "concern for X's health", "pessimism over holding talks with
                            # the United States": what it is about, or whom
                            heads = [g for g in c.children if g.dep_ == "pobj"]
                            heads += [o for g in c.children if g.dep_ == "pcomp"
                                      for o in [*(x for x in g.children
                                                  if x.dep_ in ("dobj", "obj")),
                                                *(y for x in g.children if x.dep_ == "prep"
                                                  and x.lower_ in _TARGET_PREPS
                                                  for y in x.children if y.dep_ == "pobj")]]
                            got = [r for g in heads for r in sc._refs_for(g)]
                            if got:
                                tgt = got
                                how_t = [f"'{c.lower_}' object {_names(got)}"]
                                break
                    if tgt:
                        break
            if not any(r.code for r in tgt):
                # "collected signatures in a drive to convince the Lithuanian Parliament to
                # ...", "staged protests to pressure the government": whom it aims to move
                moved, moved_how = sc._persuaded(
                    tok, helping=fr.code[:2] in ("03", "04", "05", "06", "07", "08"))
                if moved:
                    tgt, how_t = moved, [moved_how]
            if not tgt and pat.code[:2] in ("01", "02", "10", "11", "12", "13"):
                # "demanded that Mugabe abandon ...", "warned that police will ...",
                # "called for Britain to stay", "expressed hope that the government will
                # ...": the subject of the clause is who it is addressed to or about
                clauses = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")
                           or (c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for"
                                                         for g in c.children))]
                clauses += [c for m in trig.matched if m.pos_ == "NOUN"
                            for c in m.children if c.dep_ in ("acl", "ccomp")
                            and c.pos_ in ("VERB", "AUX")]
                for c in clauses:
                    subj = [g for g in c.children if g.dep_ in _SUBJ]
                    it = sc._refs_for(subj[0]) if subj else []
                    if it:
                        tgt, how_t = it, [f"subject '{subj[0].text}' of its clause"]
                        break
            if how_s:
                notes.append(f"source = {how_s}")
            if how_t:
                notes.append("target = " + "; ".join(how_t))
        else:
            src, tgt, ok, how = self._noun_args(sc, trig, fr, by_tok, skip)
            if not ok:
                return None
            notes.extend(how)
            gov = fr.governor
            if fr.kind in ("request", "appeal", "reject", "threaten", "claim") \
                    and gov is not None and gov.pos_ in ("VERB", "AUX") \
                    and not _same(gov, fr.light):
                # "Russia says Israel must end its attacks": Russia demands, of Israel
                gsrc, gov_how = sc._subject_of(gov)
                if gsrc:
                    gkeys = {(r.start, r.end) for r in gsrc}
                    tgt = [r for r in src if (r.start, r.end) not in gkeys] + tgt
                    src = gsrc
                    notes.append(f"source = {gov_how} of '{gov.text}'")
        if any(r.code for r in tgt):
            # with a known target, unresolved common nouns are what is given, lifted or
            # used ("handed over equipment and medicines to the Ministry of Health")
            tgt = [r for r in tgt if r.code or r.sector
                   or self._names_unknown(sc.doc, [r])]
        if not any(r.code for r in tgt) and (
                int(fr.code[:2]) >= 13 or (not tgt and fr.code[:2] not in ("01", "04"))):
            # "imposed a curfew in Algiers", "fired at targets in Jericho", "set up a centre
            # in Tokyo": with no named target, the place acted upon stands for its people
            heads = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "obj"))]
            heads += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS
                      for g in c.children if g.dep_ == "pobj"]
            for m in heads:
                for c in m.children:
                    if c.dep_ != "prep" or c.lower_ not in ("in", "inside", "near"):
                        continue
                    places = [g for g in c.children if g.dep_ == "pobj"]
                    # "in parts of X", "in the town of Rafah": the named place
                    places += [x for g in places if g.ent_type_ not in ("GPE", "LOC", "FAC")
                               and _lemma(g) in _PLACE_NOUNS
                               for p in g.children if p.dep_ == "prep" and p.lower_ == "of"
                               for x in p.children if x.dep_ == "pobj"]
                    for g in places:
                        if g.ent_type_ in ("GPE", "LOC", "FAC") or (
                                g.pos_ == "PROPN" and not g.ent_type_):
                            # the place stands for the people in it: civilians
                            got = [r.model_copy(update={"sector": "CVL",
                                                        "cameo": f"{r.code}CVL"})
                                   if r.kind in ("country", "place", "city", None) else r
                                   for r in sc._refs_for(g) if r.code]
                            if not got and not tgt and int(fr.code[:2]) >= 13:
                                # a place the dictionaries do not know ("North District",
                                # "Alta Verapaz"): named, with no country
                                got = [sc._np_ref(g)]
                                got[0].rule = "unresolved place"
                            if got:
                                tgt = tgt + got
                                notes.append(f"target = place '{g.text}'")
        if int(fr.code[:2]) >= 18:
            tgt = [self._civilian_place(sc, r) for r in tgt]
            if pat.pos == "verb":
                # "shelled positions of the security forces and residential areas near X":
                # a civilian place anywhere in the object
                have = {(r.start, r.end) for r in tgt}
                for o in tok.children:
                    if o.dep_ not in ("dobj", "obj"):
                        continue
                    for t in o.subtree:
                        if t.i != o.i and _lemma(t) in _CIVILIAN_PLACES and t.pos_ == "NOUN":
                            ref = self._civilian_place(sc, sc._np_ref(t))
                            if ref.code and (ref.start, ref.end) not in have:
                                tgt.append(ref)
                                notes.append(f"target = civilian place '{ref.entity_text}'")
        if src and pat.pos == "verb" and any(_own_forces(r, src, fr.code) for r in tgt):
            # "strengthened its forces in the Gulf", "withdraw its troops from Abyei": the
            # source's own forces are what it moves; the place is where the event is aimed
            tgt = [r for r in tgt if not _own_forces(r, src, fr.code)]
            if not tgt:
                dest = sc._destinations(tok)
                if dest:
                    tgt = dest
                    notes.append(f"target = where its own forces go, {_names(dest)}")
        # "between X and Y" with no other source: the first is the source
        if not src and len(tgt) >= 2 and any("'between'" in n for n in notes):
            src, tgt = tgt[:1], tgt[1:]
        if not src and not tgt:
            return None
        if int(fr.code[:2]) >= 14 and src and all(
                not r.code and r.start is not None and any(
                    w.lower().strip(".,") in _NATURAL_FORCES
                    for w in r.entity_text.split()[-1:]) for r in src):
            # "the tsunami which struck south Asia", "the earthquake hit Nepal": nature is
            # no actor
            return None
        if pat.objects is not None and "*" in pat.objects \
                and not any(r.code or r.sector for r in (*src, *tgt)) \
                and not self._names_unknown(sc.doc, (*src, *tgt)):
            # a pattern that takes any object ("provide +*") needs a known actor: not
            # "whose influence could provide a fresh perspective"
            return None
        if not any(r.code or r.sector for r in (*src, *tgt)) and (
                (pat.pos == "noun" and fr.light is None and fr.governor is None)
                or (self.require_actor and self._names_unknown(sc.doc, (*src, *tgt)))):
            # no known actor, and the arguments are names the actor stage does not know
            # ("Arsenal beat Chelsea"), or a nominal event with nothing to hold on to
            return None
        if src and (fr.code[:3] in _SYMMETRIC_CODES or fr.code[:2] == "06"):
            # "held talks with X", "shared expertise with X": both sides act
            partners = sc._with_partners(trig)
            if partners:
                keys = {(r.start, r.end) for r in partners}
                src = src + [r for r in partners if (r.start, r.end) not in
                             {(x.start, x.end) for x in src}]
                tgt = [r for r in tgt if (r.start, r.end) not in keys]
                notes.append("symmetric event: the 'with' side acts too")
        # one actor cannot be its own recipient
        src_keys = {(r.start, r.end) for r in src}
        tgt = [r for r in tgt if (r.start, r.end) not in src_keys]
        # the same actor named twice in a sentence ("Egypt and Sudan ... Egypt and Sudan")
        # is listed once on each side
        src, tgt = _distinct(src), _distinct(tgt)
        if fr.code[:2] in ("18", "19") and pat.lemma in _FIGURATIVE_FORCE and src and not any(
                (r.sector or "") in _ARMED_SECTORS
                or (r.code and r.sector == "GOV" and r.kind in ("country", "group", "igo"))
                or (r.code and r.sector in (None, "CVL") and r.kind == "country")
                for r in (*src, *tgt)) and not any(
                    c.dep_ in ("dobj", "obj") and _lemma(c) in _PHYSICAL_TARGETS
                    for c in tok.children):
            # "we have to fight", "Labour is fighting the Tories", "Brown attacked the plan":
            # force by someone unarmed against no armed side and no state is a figure of
            # speech ("Bohendi was beaten", with no one named, is not)
            return None
        info = self.table.get(fr.code) or self.table[pat.code]
        reporters: list[ActorRef] = []
        if fr.reporter is not None:
            reporters, _ = sc._subject_of(fr.reporter)
            if reporters and src and all(_speaker_pronoun(r, reporters) for r in src):
                # "the agency said it is skeptical", "Walsh says they are pessimistic": the
                # pronoun is the speaker, who is the source (not only its reporter)
                src = reporters
                reporters = []
                notes.append(f"source = the speaker '{fr.reporter.text}' names, whom the "
                             f"pronoun points back to")
            if reporters:
                notes.append(f"reported by {_describe(reporters)} via '{fr.reporter.text}'")
        return self._event(sc, trig, fr, info, src, tgt, reporters, notes)

    def _civilian_place(self, sc: SentenceCoder, ref: ActorRef) -> ActorRef:
        """An attacked civilian place ("residential areas near the town of Rafah", "homes in
        Idlib") stands for the civilians of the country its named place is in."""
        if ref.code or ref.start is None or ref.end is None:
            return ref
        span = sc.doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is None or _lemma(span.root) not in _CIVILIAN_PLACES:
            return ref
        root = span.root
        where = [t for c in root.children if c.dep_ == "prep"
                 and c.lower_ in ("in", "near", "of", "inside", "around", "outside")
                 for t in c.subtree]
        found = [m for m in self.mentions(sc.doc, where)
                 if m.resolved and m.actor is not None and m.actor.code]
        if not found:
            return ref
        actor = found[0].actor
        if actor is None:
            return ref
        return ref.model_copy(update={"code": actor.code, "sector": "CVL",
                                      "cameo": f"{actor.code}CVL", "kind": actor.kind,
                                      "name": actor.name,
                                      "rule": f"civilian place in '{found[0].text}'"})

    def _noun_args(self, sc: SentenceCoder, trig: Trigger, fr: Frame,
                   by_tok: dict[int, Trigger], skip: set[int],
                   ) -> tuple[list[ActorRef], list[ActorRef], bool, list[str]]:
        noun = trig.token
        how: list[str] = []
        if noun.dep_ in ("compound", "amod") and _lemma(noun.head) not in _EVENT_HEADS \
                and noun.head.i not in by_tok:
            # a classifier, not an event: "war crimes court", "aid workers"
            return [], [], False, []
        np = noun.head if noun.dep_ == "compound" else noun
        if np.dep_ == "pobj" and np.head.lower_ == "of" \
                and _lemma(np.head.head) in _QUANTIFIER_NOUNS:
            np = np.head.head
        src, hs = sc._noun_source(np)
        if np.i != noun.i and not src:
            src, hs = sc._noun_source(noun)
        if hs:
            how.append(f"source = {hs}")
        tgt, ht = sc._noun_targets(np, skip=skip | {noun.i})
        if np.i != noun.i:
            t2, h2 = sc._noun_targets(noun, skip=skip)
            tgt += t2
            ht += h2
        if not any(r.code for r in tgt) and fr.code[:2] in ("11", "10", "12") \
                and _lemma(noun) in _CONTENT_NOUNS | _OWNED_NOUNS:
            # "an allegation by X that the NPFL had taken the city", "a demand that Israel
            # withdraw": the subject of the clause is who is accused or asked
            for c in [*np.children, *(g for p in np.children if p.dep_ == "prep"
                                      for o in p.children if o.dep_ == "pobj"
                                      for g in o.children)]:
                if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX") \
                        and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
                    subj = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
                    got = [r for r in sc._refs_for(subj[0]) if r.code] if subj else []
                    if got:
                        tgt = got
                        ht = [f"subject '{subj[0].text}' of its clause"]
                        break
        if ht:
            how.append("target = " + "; ".join(ht))
        while np.dep_ == "conj" and np.head.pos_ in ("NOUN", "PROPN"):
            # "launched artillery, mortar and rocket fire": the first conjunct's place
            np = np.head
        head = np.head
        dep = np.dep_
        # climb through prepositions: "culminated in a ceasefire", "took part in talks"
        verb = None
        if dep in ("dobj", "obj", "attr", "nsubjpass", "oprd"):
            verb = head
        elif dep == "pobj" and head.lower_ in _BACKGROUND_PREPS:
            # "after the attack", "following the U.S. withdrawal": background, coded only
            # with actors of its own
            return src, tgt, bool(src or tgt), how
        elif dep == "pobj" and head.dep_ in ("prep",) and (
                head.head.pos_ in ("VERB", "AUX")
                or (head.head.pos_ == "ADJ" and sc.lex.governor("light", _lemma(head.head)))):
            verb = head.head
        if verb is not None:
            if verb.i in by_tok and fr.kind == "action" and not _same(fr.light, verb):
                # content of another event: "condemned the attack"
                return [], [], False, []
            vl = _lemma(verb)
            light = sc.lex.governor("light", vl) or sc.lex.governor("intent", vl) \
                or _same(fr.governor, verb) or _same(fr.light, verb)
            if light:
                if vl in _ORDERING_VERBS:
                    # "the government ordered patrols by police": who orders is the source
                    osrc, oh = sc._subject_of(verb)
                    if any(r.code for r in osrc):
                        src, hs = osrc, oh
                        how.append(f"source = {oh} of '{verb.text}'")
                if not src:
                    src, h = sc._subject_of(verb)
                    if h:
                        how.append(f"source = {h} of light verb '{verb.text}'")
                if not tgt or (fr.kind != "action" and _same(fr.governor, verb)):
                    vt, vh = sc._objects_of(Trigger(verb, trig.pattern, [noun]),
                                            skip=skip | {noun.i, np.i}, actor_objects=False)
                    if vt:
                        tgt = tgt + vt
                        how.append("target = " + "; ".join(vh))
                return src, tgt, True, how
            if not (src or tgt) or not self._anchored(noun, np, how):
                return [], [], False, []
            return src, tgt, True, how
        if dep in ("nsubj",) and _lemma(head) in _EVENTIVE_SUBJ_VERBS:
            if not tgt:
                vt, vh = sc._objects_of(Trigger(head, trig.pattern, []), skip=skip | {noun.i})
                if vt:
                    tgt = vt
                    how.append("target = " + "; ".join(vh))
            return src, tgt, bool(src or tgt), how
        return src, tgt, bool(src or tgt) and self._anchored(noun, np, how), how

    @staticmethod
    def _anchored(noun: Token, np: Token, how: list[str]) -> bool:
        """Whether a nominal event with no light verb is told as a happening, not named as a
        topic ("many see the Russian mediation as ...", "a Russian-brokered dialogue could
        enhance ..."): it needs an owner or agent ("Russia's offer", "by X"), participants
        or a place ("talks between X and Y", "clashes in Gaza"), a time, or a headline
        position; a nationality modifier alone is not enough."""
        if not any("modifier" in h for h in how):
            return True
        for n in {noun.i: noun, np.i: np}.values():
            if n.dep_ == "ROOT":
                return True
            for c in n.children:
                if c.dep_ == "poss" or (c.dep_ in ("prep", "agent") and c.lower_ in (
                        _TARGET_PREPS | {"by", "in", "near", "inside"})
                        and any(g.dep_ == "pobj" for g in c.children)):
                    return True
            if any(t.ent_type_ in ("DATE", "TIME") for t in n.subtree):
                return True
        return False

    def _statement(self, sc: SentenceCoder) -> Event | None:
        root = sc.sent.root
        if not sc.lex.governor("report", _lemma(root)):
            return None
        if not any(c.dep_ in ("ccomp", "parataxis", "xcomp") for c in root.children) and not (
                _lemma(root) in _SPEECH_VERBS
                and any(c.dep_ in ("dobj", "obj") for c in root.children)):
            # something said has a clause ("claims to be ...") or is a speech act
            # ("announced a ceasefire"): "the group has found safe havens", "has shown a
            # willingness" are not statements
            return None
        src, how = sc._subject_of(root)
        # a statement is an event only when a political actor makes it: not "the company
        # said", "the coach said"
        src = [r for r in src if r.code and (r.sector or "") not in _NONPOLITICAL_SECTORS
               and r.kind != "other" and _with_role(r)]
        if not src:
            return None
        # ... and speaks about another actor: "Lavrov said the Geneva talks had stalled",
        # not "the ministry said growth was slower"
        speaker = {(r.start, r.end) for r in src}
        others = [m for m in self.mentions(sc.doc, [t for t in sc.sent if t.i != root.i])
                  if m.resolved and (m.start, m.end) not in speaker
                  and not any(a <= m.start and m.end <= b for a, b in speaker
                              if a is not None and b is not None)]
        if not others:
            return None
        pat = Pattern(entry="statement", code="010", pos="verb", lemma=_lemma(root),
                      path="(built in)", line=0)
        trig = Trigger(root, pat, [])
        fr = Frame(code="010")
        sc._local_modality(root, fr, reported=False)
        if fr.negated:
            return None
        notes = [f"source = {how}", "statement: a reporting verb with a known speaker and no "
                 "other event in the sentence"]
        tgt: list[ActorRef] = []
        for c in root.children:
            # "said the U.S. Embassy had conveyed concerns": whom the statement is about
            if c.dep_ == "ccomp":
                subj = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
                tgt = [r for r in (sc._refs_for(subj[0]) if subj else [])
                       if r.code and (r.start, r.end) not in speaker
                       and not (subj[0].pos_ == "PRON" and r.code in {x.code for x in src})]
                if tgt:
                    notes.append(f"target = subject '{subj[0].text}' of its clause")
                    break
        return self._event(sc, trig, fr, self.table["010"], src, tgt, [], notes)

    def _event(self, sc: SentenceCoder, trig: Trigger, fr: Frame, info: CameoCode,
               src: list[ActorRef], tgt: list[ActorRef], reporters: list[ActorRef],
               notes: list[str]) -> Event:
        tok = trig.token
        pat = trig.pattern
        doc = sc.doc
        sent = sc.sent
        doc_id = str(doc._.parley_doc_id or "doc")
        words = [tok.text] + [m.text for m in trig.matched]
        desc = f"{pat.pos} '{pat.lemma or _lemma(tok)}'"
        if trig.matched:
            desc += " + " + ", ".join(f"'{m.text}'" for m in trig.matched)
        expl = [f"{desc} (lexicon {pat.entry}: '{pat.text}' -> {pat.code}"
                + (f", {pat.path.rsplit('/', 1)[-1]}:{pat.line})" if pat.line else ")")]
        if fr.code != pat.code:
            expl.append(f"coded {fr.code} ({info.name}) as {fr.kind}")
        expl.extend(fr.notes)
        expl.extend(notes)
        conf = 0.5
        # a person known only by name counts as unresolved here (see _with_role)
        if any(r.code and _with_role(r) for r in src):
            conf += 0.2
        elif src:
            conf += 0.05
        if any(r.code and _with_role(r) for r in tgt):
            conf += 0.1
        conf += 0.05 * pat.specificity
        if pat.pos == "noun":
            conf -= 0.1
        if fr.hypothetical:
            conf -= 0.1
        if pat.entry == "statement":
            conf -= 0.15
        conf -= 0.08 * min(fr.depth, 3)
        if pat.pos == "noun" and tok.dep_ == "pobj" and tok.head.lower_ in _BACKGROUND_PREPS:
            conf -= 0.15
        conf = max(0.05, min(0.99, conf * pat.weight))
        date = doc._.parley_date
        date_source: str | None = "document" if date is not None else None
        if self.date_fn is not None:
            date, date_source = self.date_fn(sent, date)
        location = None
        if self.geo_fn is not None:
            spans = tuple((r.start, r.end) for r in (*src, *tgt)
                          if r.start is not None and r.end is not None)
            anchor = fr.governor if fr.governor is not None and pat.pos == "noun" else tok
            location = self.geo_fn(sent, anchor, spans)
        start = tok.idx
        end = tok.idx + len(tok.text)
        return Event(
            id=f"{doc_id}-s{sc.index}-t{start}-{fr.code}",
            doc_id=doc_id,
            date=date,
            date_source=date_source,
            event=info.plover,
            mode=info.mode,
            context=list(info.context),
            cameo=fr.code,
            quad_class=info.quad_class,
            penta_class=info.penta_class,
            goldstein=info.goldstein,
            actor=src,
            recipient=tgt,
            reported_by=reporters,
            negated=fr.negated,
            hypothetical=fr.hypothetical,
            intent=fr.intent,
            location=location,
            text_info=TextInfo(sentence=sent.text, start=sent.start_char, end=sent.end_char,
                               trigger=" ".join(words), trigger_start=start,
                               trigger_end=end),
            explanation="; ".join(expl),
            confidence=round(conf, 3),
            coder_version=self.coder_version,
            dictionary_version=self.dictionary_version,
            sentence_index=sc.index,
        )


__all__ = ["EventCoderEngine", "Frame", "SentenceCoder", "Trigger"]
