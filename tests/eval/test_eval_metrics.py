"""Metrics on hand-built events, against values computed by hand."""

from __future__ import annotations

import pytest
from _eval_events import ev

from parley.eval import GoldActor, GoldEvent, GoldItem, GoldSpan, score
from parley.eval.metrics import PRF, PerClass, classification_macro_f1
from parley.eval.scoring import code_matches, match_events, primary_event
from parley.models import ActorRef

A = GoldActor


def _item(fmt: str, text: str, **kw: object) -> GoldItem:
    return GoldItem(source=f"{fmt}.gold", ref=text[:10], fmt=fmt, text=text, **kw)  # type: ignore[arg-type]


def test_prf_arithmetic() -> None:
    c = PRF(tp=2, fp=1, fn=3)
    assert c.precision == pytest.approx(2 / 3)
    assert c.recall == pytest.approx(0.4)
    assert c.f1 == pytest.approx(0.5)
    assert PRF().f1 == 0.0
    per = PerClass()
    per.tp("A")
    per.fn("B")
    per.fp("C")
    assert per.micro().f1 == pytest.approx(0.5)  # tp1 fp1 fn1
    assert per.macro_f1() == pytest.approx(0.5)  # A=1, B=0; C has no gold support


def test_classification_macro_f1_counts_none_as_wrong() -> None:
    macro, per = classification_macro_f1([(0, 0), (1, None), (1, 1), (2, 1)])
    # class 0: F1 1; class 1: tp1 fp1 fn1 -> 0.5; class 2: 0
    assert macro == pytest.approx(0.5)
    assert per["1"].fp == 1 and per["2"].fn == 1


def test_plover_style_matching_and_scores() -> None:
    items = [
        _item("plover", "one", events=[GoldEvent(event="ASSAULT", source=(A("ATL", "MIL"),),
                                                 target=(A("LEM"),))]),
        _item("plover", "two", events=[GoldEvent(event="REQUEST", source=(A("JPN"),))]),
        _item("plover", "three", events=[GoldEvent(event="AGREE", source=(A("IGO"),),
                                                   target=(A("ROU"),))]),
    ]  # fmt: skip
    preds = [
        [ev("STATEMENT", conf=0.9),
         ev("ASSAULT", conf=0.6, src=[("troops", "ATL", "MIL")], tgt=[("Lemuria", "LEM", None)])],
        [ev("ACCUSE", conf=0.7, src=[("Tokyo", "JPN", "GOV")])],
        [],
    ]  # fmt: skip
    r = score(items, preds)
    s = r.scores
    assert s["event_precision_micro"] == pytest.approx(0.5)
    assert s["event_recall_micro"] == pytest.approx(1 / 3)
    assert s["event_f1_micro"] == pytest.approx(0.4)
    assert s["event_f1_macro"] == pytest.approx(1 / 3)  # ASSAULT 1, REQUEST 0, AGREE 0
    assert s["source_country_accuracy"] == 1.0  # ATL and JPN; item three has no pair
    assert s["source_sector_accuracy"] == 1.0
    assert s["target_country_accuracy"] == 1.0
    assert s["target_sector_accuracy"] is None  # no gold target sector
    assert s["triple_precision"] == pytest.approx(0.5)
    assert s["triple_recall"] == pytest.approx(1 / 3)
    assert s["triple_f1"] == pytest.approx(0.4)
    assert s["events_per_gold_event"] == pytest.approx(1.0)
    assert s["modality_accuracy"] == 1.0
    assert s["cameo_root_accuracy"] is None and s["penta_macro_f1"] is None
    # The unmatched STATEMENT event is not a false positive: PLOVER gold is partial.
    assert "STATEMENT" not in r.per_type
    assert r.per_type["ACCUSE"]["fp"] == 1
    kinds = sorted(e.kind for e in r.errors)
    assert kinds == ["missed_event", "wrong_type"]
    wrong = next(e for e in r.errors if e.kind == "wrong_type")
    assert wrong.gold["event"] == "REQUEST" and wrong.predicted["event"] == "ACCUSE"
    assert r.counts["items"] == 3 and r.counts["predicted_events"] == 3


def test_sentence_classes_from_primary_event() -> None:
    items = [_item("penta", f"s{i}", penta=g) for i, g in enumerate([0, 1, 4, 4])]
    preds = [
        [ev("STATEMENT", quad=0)],
        [],
        [ev("ASSAULT", quad=4, conf=0.8), ev("ACCUSE", quad=3, conf=0.2)],
        [ev("ASSAULT", quad=4, conf=0.9, negated=True), ev("ACCUSE", quad=3, conf=0.5)],
    ]
    s = score(items, preds).scores
    assert s["penta_macro_f1"] == pytest.approx((1 + 0 + 2 / 3) / 3)
    assert s["penta_macro_f1_none_as_statement"] == pytest.approx((2 / 3 + 0 + 2 / 3) / 3)
    assert s["quad_macro_f1"] == pytest.approx(2 / 3)
    assert s["event_f1_micro"] is None  # no event-type gold here
    assert primary_event(preds[3]) is preds[3][1]


def test_cameo_root_accuracy() -> None:
    items = [
        _item("cameo", "c1", events=[GoldEvent(cameo="0311")], penta=1),
        _item("cameo", "c2", events=[GoldEvent(cameo="180")], penta=4),
        _item("cameo", "c3", events=[GoldEvent(cameo="0231")], penta=1),
    ]
    preds = [
        [ev("STATEMENT", cameo="010", conf=0.9), ev("AGREE", cameo="036", quad=1, conf=0.4)],
        [ev("PROTEST", cameo="141", quad=4)],
        [],
    ]
    r = score(items, preds)
    assert r.scores["cameo_root_accuracy"] == pytest.approx(1 / 3)
    assert r.scores["events_per_gold_event"] == pytest.approx(1.0)
    # c1 primary event is the statement (0); c2 right (4); c3 none
    assert r.scores["penta_macro_f1"] == pytest.approx((0 + 1) / 2)
    assert sum(e.kind == "cameo_root" for e in r.errors) == 1


def test_complete_jsonl_gold_counts_spurious_events_and_modality() -> None:
    items = [
        _item("jsonl", "j1", complete=True, events=[
            GoldEvent(event="ASSAULT", cameo="190", source=(A("ATL"),), target=(A("LEM"),))]),
        _item("jsonl", "j2", complete=True, events=[
            GoldEvent(event="AGREE", negated=True, source=(A("IGO"),))]),
    ]  # fmt: skip
    preds = [
        [ev("ASSAULT", cameo="190", quad=4, conf=0.8, src=[("A", "ATL", None)],
            tgt=[("L", "LEM", None)]),
         ev("STATEMENT", conf=0.9, src=[("A", "ATL", None)])],
        [ev("AGREE", cameo="030", quad=1, src=[("UN", "IGOUNO", "IGO")])],
    ]  # fmt: skip
    r = score(items, preds)
    s = r.scores
    # types: ASSAULT tp, AGREE tp, STATEMENT fp
    assert s["event_precision_micro"] == pytest.approx(2 / 3)
    assert s["event_recall_micro"] == 1.0
    assert s["modality_accuracy"] == pytest.approx(0.5)
    assert s["source_country_accuracy"] == 1.0  # IGO accepts IGOUNO
    # triples: (ATL,ASSAULT,LEM) tp, (ATL,STATEMENT,-) fp, (IGO,AGREE,-) tp
    assert s["triple_precision"] == pytest.approx(2 / 3)
    assert s["triple_recall"] == 1.0
    assert s["events_per_gold_event"] == pytest.approx(1.5)
    assert s["cameo_root_accuracy"] == 1.0
    assert {e.kind for e in r.errors} == {"spurious_event", "modality"}


def test_span_overlap_scores() -> None:
    text = "The rebel army attacked the village's chief."
    spans = [GoldSpan("source", 4, 14, "rebel army"), GoldSpan("target", 24, 43, "x")]
    items = [
        _item("spans", text, spans=spans),
        _item("spans", "Police arrested protesters.",
              spans=[GoldSpan("source", 0, 6, "Police")]),
    ]  # fmt: skip
    preds = [
        [ev("ASSAULT", conf=0.5, src=[("rebel", "XXX", None, 4, 9)],
            tgt=[("chief", None, None, 38, 43)]),
         ev("STATEMENT", conf=0.9, src=[("village", None, None, 28, 35)])],
        [],
    ]  # fmt: skip
    r = score(items, preds)
    assert r.scores["source_span_f1"] == pytest.approx(2 / 3)  # tp1 fn1
    assert r.scores["target_span_f1"] == 1.0
    assert [e.kind for e in r.errors] == ["source_span_missed"]
    assert r.by_file["spans.gold"]["source_span_f1"] == pytest.approx(2 / 3)


def test_match_prefers_same_type_then_flags_then_confidence() -> None:
    gold = [GoldEvent(event="ASSAULT"), GoldEvent(event="ACCUSE")]
    a_neg = ev("ASSAULT", conf=0.9, negated=True)
    a_pos = ev("ASSAULT", conf=0.3)
    other = ev("STATEMENT", conf=0.8)
    pairs, left = match_events(gold, [a_neg, other, a_pos])
    assert pairs[0][1] is a_pos  # flags agree beats confidence
    # no ACCUSE: the left-over event whose flags agree wins over a more confident negated one
    assert pairs[1][1] is other
    assert left == [a_neg]


def test_code_matching() -> None:
    assert code_matches("IGO", ActorRef(entity_text="UN", code="IGOUNO"))
    assert code_matches("IGO", ActorRef(entity_text="NATO", code="NATO", kind="igo"))
    assert not code_matches("IGO", ActorRef(entity_text="Chad", code="TCD"))
    assert code_matches("RUS", ActorRef(entity_text="Moscow", code=None, cameo="RUSGOV"))
    assert code_matches("JPN", ActorRef(entity_text="Tokyo", code="JAP"))


def test_triples_count_one_actor_named_twice_once() -> None:
    items = [_item("plover", "apec", events=[GoldEvent(event="AGREE", source=(A("IGO"),))])]
    preds = [[ev("AGREE", src=[("Asia-Pacific Economic Cooperation", "IGO", "IGO"),
                               ("APEC", "IGO", "IGO")])]]  # fmt: skip
    s = score(items, preds).scores
    assert s["triple_precision"] == 1.0 and s["triple_recall"] == 1.0


def test_location_accuracy() -> None:
    from parley.models import Location

    gold = [GoldEvent(event="ASSAULT", location="town of Rafah")]
    items = [_item("plover", f"l{i}", events=gold) for i in range(4)]
    near = ev("ASSAULT")
    near.location = Location(name="Khan Yunis", lat=31.34, lon=34.31)  # ~9 km from Rafah
    named = ev("ASSAULT")
    named.location = Location(name="Rafah")
    far = ev("ASSAULT")
    far.location = Location(name="Cairo", lat=30.06, lon=31.25)
    r = score(items, [[named], [near], [far], [ev("ASSAULT")]])
    assert r.scores["location_accuracy"] == pytest.approx(0.5)
    assert sum(e.kind == "location" for e in r.errors) == 2
