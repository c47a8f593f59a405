"""Score predicted events against gold items.

:func:`score` takes gold items and, for each, the events the coder produced for its text, and
returns an :class:`EvalResult`: pooled scores, the same per gold file, per-type event counts
and one :class:`ErrorRecord` per error. How sentence labels are predicted from events and how
events are matched to gold ones is documented in ``docs/eval.md``; in short:

- **matching**: for each gold event, a predicted event of the same PLOVER type (or, when the
  gold gives only a CAMEO code, the same CAMEO root) wins, preferring the one whose
  negated/hypothetical flags agree, then the highest confidence; a gold event with no such
  event is paired with the highest-confidence event left over (a wrong-type pair), or with
  nothing. Predicted events left unpaired are false positives only where the gold is
  *complete* (parley JSONL); PLOVER records and CAMEO examples label one event per sentence;
- **sentence class** (PentaClass/QuadClass): the ``penta_class`` (Phoenix convention, the
  one the PentaClass gold follows) of the highest-confidence non-negated event; no event
  predicts no class, which is wrong for every gold sentence (``penta_macro_f1``);
  ``penta_macro_f1_none_as_statement`` is the same with "no event"
  read as class 0;
- **actors**: in each gold/predicted pair, a gold actor is right when some predicted actor on
  the same side has its code (generic gold codes IGO/NGO/IMG/MNC accept any code of that kind)
  or sector;
- **spans**: for CoNLL source/target gold, the predicted event whose actors overlap most gold
  spans is compared, by character overlap.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..events.geo import geocode, name_key
from ..models import ActorRef, Event, Location
from .gold import (
    GoldActor,
    GoldEvent,
    GoldItem,
    GoldSpan,
    cameo_root,
    normalise_code,
    normalise_sector,
    quad_of_penta,
)
from .metrics import PRF, PerClass, classification_macro_f1, ratio

#: Gold codes that stand for a kind of actor rather than one actor.
GENERIC_CODES = {"IGO": "igo", "NGO": "ngo", "IMG": "group", "MNC": "other"}

#: Scores where higher is better (the ones the gate can hold floors for), in display order.
SCORE_NAMES: tuple[str, ...] = (
    "event_precision_micro",
    "event_recall_micro",
    "event_f1_micro",
    "event_f1_macro",
    "cameo_root_accuracy",
    "quad_macro_f1",
    "penta_macro_f1",
    "penta_macro_f1_none_as_statement",
    "source_country_accuracy",
    "source_sector_accuracy",
    "target_country_accuracy",
    "target_sector_accuracy",
    "triple_precision",
    "triple_recall",
    "triple_f1",
    "source_span_f1",
    "target_span_f1",
    "modality_accuracy",
    "location_accuracy",
)
#: Scores that are reported but are not "higher is better".
INFO_NAMES: tuple[str, ...] = ("events_per_gold_event",)


class ErrorRecord(BaseModel):
    """One error, as written to the ``--errors`` JSONL file."""

    model_config = ConfigDict(extra="forbid")

    file: str
    ref: str
    kind: str
    sentence: str
    gold: Any = None
    predicted: Any = None


class EvalResult(BaseModel):
    """What an evaluation returns. ``scores`` values are None where no gold supports them."""

    model_config = ConfigDict(extra="forbid")

    scores: dict[str, float | None]
    by_file: dict[str, dict[str, float | None]] = Field(default_factory=dict)
    per_type: dict[str, dict[str, float | int]] = Field(default_factory=dict)
    counts: dict[str, int] = Field(default_factory=dict)
    files: dict[str, dict[str, Any]] = Field(default_factory=dict)
    errors: list[ErrorRecord] = Field(default_factory=list)


# --------------------------------------------------------------------------- helpers


def primary_event(events: Sequence[Event]) -> Event | None:
    """The event that speaks for the sentence: highest confidence among the non-negated ones
    (the first one on a tie)."""
    best: Event | None = None
    for ev in events:
        if ev.negated:
            continue
        if best is None or ev.confidence > best.confidence:
            best = ev
    return best


def predicted_penta(events: Sequence[Event]) -> int | None:
    """PentaClass of the sentence: the ``penta_class`` (Phoenix convention, which the
    PentaClass gold follows) of its primary event; None when it has no event."""
    ev = primary_event(events)
    if ev is None:
        return None
    if ev.penta_class is not None:
        return ev.penta_class
    from ..events.cameo import penta_class

    return penta_class(ev.cameo)


def _ref_codes(ref: ActorRef) -> set[str]:
    codes: set[str] = set()
    code = normalise_code(ref.code)
    if code:
        codes.add(code)
    if ref.cameo and len(ref.cameo) >= 3:
        codes.add(ref.cameo[:3].upper())
    return codes


def code_matches(gold_code: str, ref: ActorRef) -> bool:
    """Whether the predicted actor ``ref`` has the gold actor's code."""
    codes = _ref_codes(ref)
    if gold_code in codes:
        return True
    kind = GENERIC_CODES.get(gold_code)
    if kind is None:
        return False
    return any(c.startswith(gold_code) for c in codes) or (ref.kind or "") == kind


def _ref_sector(ref: ActorRef) -> str | None:
    sector = normalise_sector(ref.sector)
    if sector is None and ref.cameo and len(ref.cameo) >= 6:
        sector = normalise_sector(ref.cameo[3:6])
    return sector


def _event_view(ev: Event) -> dict[str, Any]:
    def actors(refs: list[ActorRef]) -> list[dict[str, Any]]:
        return [{"text": r.entity_text, "code": r.code, "sector": r.sector} for r in refs]

    return {
        "event": ev.event, "cameo": ev.cameo, "quad_class": ev.quad_class,
        "penta_class": ev.penta_class,
        "confidence": round(ev.confidence, 4), "negated": ev.negated,
        "hypothetical": ev.hypothetical, "trigger": ev.text_info.trigger,
        "source": actors(ev.actor), "target": actors(ev.recipient),
        "location": None if ev.location is None else ev.location.name,
    }  # fmt: skip


def _gold_view(ge: GoldEvent) -> dict[str, Any]:
    def actors(gas: tuple[GoldActor, ...]) -> list[dict[str, Any]]:
        return [{"text": a.text, "code": a.code, "sector": a.sector} for a in gas]

    out: dict[str, Any] = {"event": ge.event, "cameo": ge.cameo,
                           "source": actors(ge.source), "target": actors(ge.target)}  # fmt: skip
    if ge.location:
        out["location"] = ge.location
    if ge.negated:
        out["negated"] = True
    if ge.hypothetical:
        out["hypothetical"] = True
    return out


def location_matches(gold: str, predicted: Location | None) -> bool:
    """Whether the predicted location is the gold place: the same name (or the predicted name
    is a word-aligned part of the gold one: "Rafah" in "town of Rafah"), or both geocode to
    points within 50 km of each other."""
    if predicted is None:
        return False
    g, p = name_key(gold), name_key(predicted.name)
    if p and (p == g or f" {p} " in f" {g} "):
        return True
    where = geocode(gold)
    if where is None and " of " in g:
        where = geocode(g.rsplit(" of ", 1)[1])  # "town of Rafah"
    if where is None or where.lat is None or predicted.lat is None:
        return False
    if where.lon is None or predicted.lon is None:
        return False
    return _km(where.lat, where.lon, predicted.lat, predicted.lon) <= 50.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _actor_gold(actor: GoldActor, event: GoldEvent) -> dict[str, Any]:
    """The gold side of an actor error: the actor that was missed, and its event."""
    return {"actor": {"text": actor.text, "code": actor.code, "sector": actor.sector},
            "event": _gold_view(event)}  # fmt: skip


def _ref_key(ref: ActorRef | None) -> tuple[str, ...]:
    """What makes two predicted actors the same for triples (one event naming a group and
    its acronym gives one triple, not two)."""
    if ref is None:
        return ("-",)
    codes = tuple(sorted(_ref_codes(ref)))
    return codes + ((ref.kind or "",) if codes else ("text", ref.entity_text.casefold()))


def match_events(
    gold: Sequence[GoldEvent], predicted: Sequence[Event]
) -> tuple[list[tuple[GoldEvent, Event | None]], list[Event]]:
    """Pair each gold event with at most one predicted event; return the pairs and the
    predicted events left over."""
    left = list(predicted)
    paired: dict[int, Event | None] = {}

    def flags_agree(g: GoldEvent, p: Event) -> bool:
        return p.negated == g.negated and p.hypothetical == g.hypothetical

    def same_kind(g: GoldEvent, p: Event) -> bool:
        if g.event is not None:
            return p.event.upper() == g.event
        return cameo_root(p.cameo) == g.cameo_root

    # Pass 1: same type (or CAMEO root), flags agreeing first, then confidence.
    for i, g in enumerate(gold):
        candidates = [p for p in left if same_kind(g, p)]
        if candidates:
            best = max(candidates, key=lambda p: (flags_agree(g, p), p.confidence))
            paired[i] = best
            left.remove(best)
    # Pass 2: what is still unpaired takes the highest-confidence event left, if any.
    for i, g in enumerate(gold):
        if i in paired:
            continue
        if left:
            best = max(left, key=lambda p: (flags_agree(g, p), p.confidence))
            paired[i] = best
            left.remove(best)
        else:
            paired[i] = None
    return [(g, paired[i]) for i, g in enumerate(gold)], left


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _ref_span(ref: ActorRef, text: str) -> tuple[int, int] | None:
    if ref.start is not None and ref.end is not None:
        return ref.start, ref.end
    if ref.entity_text:
        i = text.find(ref.entity_text)
        if i >= 0:
            return i, i + len(ref.entity_text)
    return None


# --------------------------------------------------------------------------- accumulator


class _Acc:
    """Counts for one scope (all files pooled, or one file)."""

    def __init__(self) -> None:
        self.types = PerClass()
        self.cameo_right = 0
        self.cameo_total = 0
        self.penta_pairs: list[tuple[int, int | None]] = []
        self.actor_right: dict[str, int] = {}
        self.actor_total: dict[str, int] = {}
        self.triples = PRF()
        self.spans = {"source": PRF(), "target": PRF()}
        self.modality_right = 0
        self.modality_total = 0
        self.location_right = 0
        self.location_total = 0
        self.gold_events = 0
        self.pred_events_on_event_gold = 0
        self.items = 0
        self.pred_events = 0
        self.items_without_event = 0
        self.has_type_gold = False
        self.has_actor_gold: set[str] = set()
        self.has_triple_gold = False
        self.has_span_gold = False

    def actor(self, key: str, right: bool) -> None:
        self.has_actor_gold.add(key)
        self.actor_total[key] = self.actor_total.get(key, 0) + 1
        self.actor_right[key] = self.actor_right.get(key, 0) + int(right)

    def scores(self) -> dict[str, float | None]:
        s: dict[str, float | None] = dict.fromkeys((*SCORE_NAMES, *INFO_NAMES))
        if self.has_type_gold:
            micro = self.types.micro()
            s["event_precision_micro"] = micro.precision
            s["event_recall_micro"] = micro.recall
            s["event_f1_micro"] = micro.f1
            s["event_f1_macro"] = self.types.macro_f1()
        if self.cameo_total:
            s["cameo_root_accuracy"] = ratio(self.cameo_right, self.cameo_total)
        if self.penta_pairs:
            s["penta_macro_f1"] = classification_macro_f1(self.penta_pairs)[0]
            s["penta_macro_f1_none_as_statement"] = classification_macro_f1(
                (g, 0 if p is None else p) for g, p in self.penta_pairs
            )[0]
            s["quad_macro_f1"] = classification_macro_f1(
                (quad_of_penta(g), quad_of_penta(p)) for g, p in self.penta_pairs
            )[0]
        for key in ("source_country", "source_sector", "target_country", "target_sector"):
            if key in self.has_actor_gold:
                s[f"{key}_accuracy"] = ratio(self.actor_right[key], self.actor_total[key])
        if self.has_triple_gold:
            s["triple_precision"] = self.triples.precision
            s["triple_recall"] = self.triples.recall
            s["triple_f1"] = self.triples.f1
        if self.has_span_gold:
            s["source_span_f1"] = self.spans["source"].f1
            s["target_span_f1"] = self.spans["target"].f1
        if self.modality_total:
            s["modality_accuracy"] = ratio(self.modality_right, self.modality_total)
        if self.location_total:
            s["location_accuracy"] = ratio(self.location_right, self.location_total)
        if self.gold_events:
            s["events_per_gold_event"] = ratio(self.pred_events_on_event_gold, self.gold_events)
        return s

    def counts(self) -> dict[str, int]:
        return {
            "items": self.items,
            "predicted_events": self.pred_events,
            "items_without_event": self.items_without_event,
            "gold_events": self.gold_events,
            "cameo_gold_events": self.cameo_total,
            "sentence_class_items": len(self.penta_pairs),
            "triples_gold": self.triples.tp + self.triples.fn,
            "triples_predicted": self.triples.tp + self.triples.fp,
            "source_spans_gold": self.spans["source"].support,
            "target_spans_gold": self.spans["target"].support,
        }


# --------------------------------------------------------------------------- scoring


class _Scorer:
    def __init__(self) -> None:
        self.total = _Acc()
        self.by_file: dict[str, _Acc] = {}
        self.errors: list[ErrorRecord] = []
        self.item: GoldItem | None = None

    def _accs(self, item: GoldItem) -> tuple[_Acc, _Acc]:
        if item.source not in self.by_file:
            self.by_file[item.source] = _Acc()
        return self.total, self.by_file[item.source]

    def _error(self, item: GoldItem, kind: str, gold: Any, predicted: Any) -> None:
        self.errors.append(
            ErrorRecord(file=item.source, ref=item.ref, kind=kind, sentence=item.text,
                        gold=gold, predicted=predicted)
        )

    def add(self, item: GoldItem, predicted: Sequence[Event]) -> None:
        accs = self._accs(item)
        for acc in accs:
            acc.items += 1
            acc.pred_events += len(predicted)
            acc.items_without_event += int(not predicted)
        if item.events is not None:
            self._events(item, item.events, predicted, accs)
        if item.penta is not None:
            pred = predicted_penta(predicted)
            for acc in accs:
                acc.penta_pairs.append((item.penta, pred))
            if pred != item.penta:
                primary = primary_event(predicted)
                self._error(item, "penta", item.penta,
                            None if primary is None else _event_view(primary))  # fmt: skip
        if item.spans is not None:
            self._spans(item, item.spans, predicted, accs)

    def _events(
        self, item: GoldItem, gold: list[GoldEvent], predicted: Sequence[Event],
        accs: tuple[_Acc, ...],
    ) -> None:  # fmt: skip
        pairs, left = match_events(gold, predicted)
        for acc in accs:
            acc.gold_events += len(gold)
            acc.pred_events_on_event_gold += len(predicted)
        for g, p in pairs:
            if g.event is not None:
                for acc in accs:
                    acc.has_type_gold = True
                    if p is not None and p.event.upper() == g.event:
                        acc.types.tp(g.event)
                    else:
                        acc.types.fn(g.event)
                        if p is not None:
                            acc.types.fp(p.event.upper())
            if p is None:
                self._error(item, "missed_event", _gold_view(g), None)
                continue
            if g.event is not None and p.event.upper() != g.event:
                self._error(item, "wrong_type", _gold_view(g), _event_view(p))
            if g.cameo_root is not None:
                right = cameo_root(p.cameo) == g.cameo_root
                for acc in accs:
                    acc.cameo_total += 1
                    acc.cameo_right += int(right)
                if not right:
                    self._error(item, "cameo_root", _gold_view(g), _event_view(p))
            agree = p.negated == g.negated and p.hypothetical == g.hypothetical
            for acc in accs:
                acc.modality_total += 1
                acc.modality_right += int(agree)
            if not agree:
                self._error(item, "modality", _gold_view(g), _event_view(p))
            if g.location is not None:
                right = location_matches(g.location, p.location)
                for acc in accs:
                    acc.location_total += 1
                    acc.location_right += int(right)
                if not right:
                    self._error(item, "location", _gold_view(g), _event_view(p))
            self._actors(item, g, p, accs)
        # Gold events with a CAMEO code and no predicted event still count for the root score.
        for g, p in pairs:
            if p is None and g.cameo_root is not None:
                for acc in accs:
                    acc.cameo_total += 1
        if item.complete:
            for p in left:
                if p.event:
                    for acc in accs:
                        acc.has_type_gold = True
                        acc.types.fp(p.event.upper())
                self._error(item, "spurious_event", None, _event_view(p))
        self._triples(item, pairs, left, accs)

    def _actors(self, item: GoldItem, g: GoldEvent, p: Event, accs: tuple[_Acc, ...]) -> None:
        for side, gold_actors, refs in (("source", g.source, p.actor),
                                        ("target", g.target, p.recipient)):  # fmt: skip
            for ga in gold_actors:
                if ga.code is not None:
                    right = any(code_matches(ga.code, r) for r in refs)
                    for acc in accs:
                        acc.actor(f"{side}_country", right)
                    if not right:
                        self._error(item, f"{side}_country", _actor_gold(ga, g), _event_view(p))
                if ga.sector is not None:
                    right = any(_ref_sector(r) == ga.sector for r in refs)
                    for acc in accs:
                        acc.actor(f"{side}_sector", right)
                    if not right:
                        self._error(item, f"{side}_sector", _actor_gold(ga, g), _event_view(p))

    def _triples(
        self,
        item: GoldItem,
        pairs: list[tuple[GoldEvent, Event | None]],
        left: list[Event],
        accs: tuple[_Acc, ...],
    ) -> None:
        typed = [(g, p) for g, p in pairs if g.event is not None]
        if not typed and not (item.complete and left):
            return
        gold_triples: list[tuple[str | None, str, str | None]] = []
        for g, _ in typed:
            srcs = [a.code for a in g.source] or [None]
            tgts = [a.code for a in g.target] or [None]
            gold_triples += [(s, g.event or "", t) for s in srcs for t in tgts]
        considered = [p for _, p in typed if p is not None]
        if item.complete:
            considered += left
        gold_triples = list(dict.fromkeys(gold_triples))
        by_key: dict[tuple[object, ...], tuple[ActorRef | None, str, ActorRef | None]] = {}
        for p in considered:
            srcs_p: list[ActorRef | None] = list(p.actor) or [None]
            tgts_p: list[ActorRef | None] = list(p.recipient) or [None]
            for s in srcs_p:
                for t in tgts_p:
                    by_key.setdefault((_ref_key(s), p.event.upper(), _ref_key(t)),
                                      (s, p.event.upper(), t))  # fmt: skip
        pred_triples = list(by_key.values())

        def side_ok(code: str | None, ref: ActorRef | None) -> bool:
            if code is None or ref is None:
                return code is None and ref is None
            return code_matches(code, ref)

        used: set[int] = set()
        tp = 0
        for gs, gt_type, gt in gold_triples:
            for j, (ps, pt_type, pt) in enumerate(pred_triples):
                if j in used or pt_type != gt_type:
                    continue
                if side_ok(gs, ps) and side_ok(gt, pt):
                    used.add(j)
                    tp += 1
                    break
        for acc in accs:
            acc.has_triple_gold = True
            acc.triples.tp += tp
            acc.triples.fn += len(gold_triples) - tp
            acc.triples.fp += len(pred_triples) - tp

    def _spans(
        self, item: GoldItem, spans: list[GoldSpan], predicted: Sequence[Event],
        accs: tuple[_Acc, ...],
    ) -> None:  # fmt: skip
        gold = {"source": [(s.start, s.end) for s in spans if s.role == "source"],
                "target": [(s.start, s.end) for s in spans if s.role == "target"]}  # fmt: skip

        def pred_spans(ev: Event) -> dict[str, list[tuple[int, int]]]:
            out: dict[str, list[tuple[int, int]]] = {"source": [], "target": []}
            for side, refs in (("source", ev.actor), ("target", ev.recipient)):
                for r in refs:
                    sp = _ref_span(r, item.text)
                    if sp is not None:
                        out[side].append(sp)
            return out

        def hits(ev: Event) -> tuple[int, float]:
            ps = pred_spans(ev)
            n = sum(
                any(_overlaps(gs, q) for q in ps[side]) for side in gold for gs in gold[side]
            )
            return n, ev.confidence

        chosen = max(predicted, key=hits) if predicted else None
        pspans = pred_spans(chosen) if chosen is not None else {"source": [], "target": []}
        for side in ("source", "target"):
            counts = PRF()
            for gs in gold[side]:
                if any(_overlaps(gs, q) for q in pspans[side]):
                    counts.tp += 1
                else:
                    counts.fn += 1
                    self._error(item, f"{side}_span_missed", item.text[gs[0]:gs[1]],
                                None if chosen is None else _event_view(chosen))  # fmt: skip
            for q in pspans[side]:
                if not any(_overlaps(gs, q) for gs in gold[side]):
                    counts.fp += 1
                    self._error(item, f"{side}_span_spurious",
                                [item.text[a:b] for a, b in gold[side]], item.text[q[0]:q[1]])
            for acc in accs:
                acc.has_span_gold = True
                acc.spans[side].add(counts)


def score(items: Sequence[GoldItem], predictions: Sequence[Sequence[Event]]) -> EvalResult:
    """Score ``predictions`` (the events coded from each item's text, in item order)."""
    if len(items) != len(predictions):
        raise ValueError(f"{len(items)} gold items but {len(predictions)} predictions")
    scorer = _Scorer()
    for item, predicted in zip(items, predictions, strict=True):
        scorer.add(item, predicted)
    per_type = {
        label: prf.as_dict() for label, prf in sorted(scorer.total.types.counts.items())
    }
    return EvalResult(
        scores=scorer.total.scores(),
        by_file={name: acc.scores() for name, acc in scorer.by_file.items()},
        per_type=per_type,
        counts=scorer.total.counts(),
        files={name: {"counts": acc.counts()} for name, acc in scorer.by_file.items()},
        errors=scorer.errors,
    )


__all__ = [
    "GENERIC_CODES",
    "INFO_NAMES",
    "SCORE_NAMES",
    "ErrorRecord",
    "EvalResult",
    "code_matches",
    "match_events",
    "predicted_penta",
    "primary_event",
    "score",
]
