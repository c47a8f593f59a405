"""Acceptance on the first seed article (read from ../shared/seeds, repaired by parley.clean)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from parley.clean import repair
from parley.models import Event
from parley.nlp import make_doc


@pytest.fixture(scope="module")
def seed(nlp: Language, seeds_dir: Path) -> tuple[str, list[Event]]:
    raw = (seeds_dir / "000_cac6ae10ac3e4762.txt").read_text(encoding="utf-8")
    text = repair(raw).text
    doc = nlp(make_doc(nlp, text, doc_id="seed0", date=dt.date(2025, 11, 17)))
    return text, list(doc._.parley_events)


def _codes(refs: list) -> set[str]:  # type: ignore[type-arg]
    return {r.code for r in refs if r.code}


def test_russia_offers_to_mediate(seed: tuple[str, list[Event]]) -> None:
    text, events = seed
    hits = [e for e in events if e.cameo == "039"]
    assert hits, [e.explanation for e in events]
    ev = hits[0]
    assert ev.event == "AGREE"  # 039 -> AGREE in CAMEO2PLOVER
    assert ev.intent is True and not ev.negated
    assert any(r.code == "RUS" and r.sector == "GOV" for r in ev.actor)
    assert {"PAK", "AFG"} <= _codes(ev.recipient)
    ti = ev.text_info
    assert text[ti.start:ti.end] == ti.sentence
    assert "offered to mediate" in ti.sentence.replace("\n", " ")
    assert ti.trigger_start is not None and text[ti.trigger_start:ti.trigger_end] == "mediate"
    assert "offered" in ev.explanation and "mediate" in ev.explanation
    assert ev.id == f"seed0-s{ev.sentence_index}-t{ti.trigger_start}-039"
    assert ev.coder_version and ev.dictionary_version.startswith("lex-")


def test_istanbul_talks_ended_without_breakthrough(seed: tuple[str, list[Event]]) -> None:
    _, events = seed
    talks = [e for e in events if e.cameo.startswith("04") and "Istanbul" in e.text_info.sentence]
    assert talks, [e.explanation for e in events]
    ev = talks[0]
    assert ev.event == "CONSULT"
    assert ev.negated is True
    assert "PAK" in _codes(ev.actor) | _codes(ev.recipient)
    assert ev.location is not None and ev.location.name == "Istanbul"
    assert ev.location.country == "TUR"


def test_turkey_plans_to_send_delegation(seed: tuple[str, list[Event]]) -> None:
    _, events = seed
    hits = [e for e in events if "delegation to Pakistan" in e.text_info.sentence]
    assert hits
    ev = hits[0]
    assert ev.cameo == "036" and ev.intent is True and ev.event == "AGREE"
    assert "TUR" in _codes(ev.actor)  # "it" points back to Turkey in the previous sentence
    assert "PAK" in _codes(ev.recipient)


def test_us_withdrawal_from_afghanistan(seed: tuple[str, list[Event]]) -> None:
    _, events = seed
    hits = [e for e in events
            if e.event == "RETREAT" and "withdrawal" in (e.text_info.trigger or "")]
    assert hits
    ev = hits[0]
    assert ev.cameo.startswith("087")
    assert "USA" in _codes(ev.actor) and "AFG" in _codes(ev.recipient)
    assert ev.date == dt.date(2021, 1, 1)


def test_watching_closely_is_no_event(seed: tuple[str, list[Event]]) -> None:
    _, events = seed
    for ev in events:
        assert ev.text_info.trigger not in ("watches", "watch")
        assert all("international community" not in r.entity_text for r in ev.actor)


def test_second_seed_mediated_ceasefire(nlp: Language, seeds_dir: Path) -> None:
    raw = (seeds_dir / "001_ab245c65050a7e69.txt").read_text(encoding="utf-8")
    text = repair(raw).text  # the glued text, as the clean stage repairs it
    doc = nlp(make_doc(nlp, text, doc_id="seed1", date=dt.date(2025, 11, 17)))
    events = list(doc._.parley_events)
    truce = [e for e in events if e.cameo == "0871"]
    assert truce, [e.explanation for e in events]
    assert {"QAT", "TUR"} <= _codes(truce[0].actor) and truce[0].event == "RETREAT"
    offer = [e for e in events if e.cameo == "039"]
    assert offer and _codes(offer[0].actor) == {"RUS"}
