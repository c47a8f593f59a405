"""Acceptance on the first seed article (read from ../shared/seeds, never copied)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from parley.models import ActorMention


@pytest.fixture(scope="module")
def seed_mentions(seeds_dir: Path, annotate: Callable[..., Doc]) -> list[ActorMention]:
    path = next(iter(sorted(seeds_dir.glob("000_*.txt"))))
    doc = annotate(path.read_text(encoding="utf-8"), place="Islamabad")
    mentions: list[ActorMention] = doc._.parley_mentions
    return mentions


def _by_text(mentions: list[ActorMention], text: str) -> list[ActorMention]:
    found = [m for m in mentions if " ".join(m.text.split()) == text]
    assert found, f"no mention {text!r} in {[m.text for m in mentions]}"
    return found


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [
        ("Russia", "RUS", "GOV"),
        ("Moscow", "RUS", "GOV"),
        ("Kremlin", "RUS", "GOV"),
        ("Maria Zakharova", "RUS", "GOV"),
        ("Russian Foreign Ministry", "RUS", "GOV"),
        ("Pakistan", "PAK", "GOV"),
        ("Islamabad", "PAK", "GOV"),
        ("Pakistani delegation", "PAK", "GOV"),
        ("Pakistan's government", "PAK", "GOV"),
        ("Kabul", "AFG", "GOV"),
        ("Afghan Taliban regime", "AFG", "GOV"),
        ("Afghan authorities", "AFG", "GOV"),
        ("TTP", "PAK", "REB"),
        ("Tehrik-i-Taliban Pakistan", "PAK", "REB"),
        ("Turkey", "TUR", "GOV"),
    ],
)
def test_seed_actor(seed_mentions: list[ActorMention], text: str, code: str,
                    sector: str) -> None:
    for m in _by_text(seed_mentions, text):
        assert m.actor is not None, m
        assert (m.actor.code, m.actor.sector) == (code, sector), m
        assert m.rule


def test_seed_expert_with_affiliation(seed_mentions: list[ActorMention]) -> None:
    (m,) = _by_text(seed_mentions, "Dr. Elena Ivanova")
    assert m.actor is not None
    assert m.actor.kind == "person"
    assert m.actor.person == "Elena Ivanova"
    assert (m.actor.code, m.actor.sector) == ("RUS", "EDU")
    assert m.actor.role == "expert"
    assert m.actor.affiliation is not None and "Moscow Institute" in m.actor.affiliation


def test_seed_two_sides_points_back(seed_mentions: list[ActorMention]) -> None:
    pair = [m for m in seed_mentions if m.text == "two sides"]
    assert {m.actor.code for m in pair if m.actor} == {"AFG", "PAK"}
    assert all(m.antecedent for m in pair)


def test_seed_unresolved_entities_are_kept(seed_mentions: list[ActorMention]) -> None:
    unresolved = [m for m in seed_mentions if m.actor is None]
    assert "South Asian" in {m.text for m in unresolved}
    assert all(m.rule is None for m in unresolved)


def test_seed_city_outside_the_kb_gets_its_country(seed_mentions: list[ActorMention]) -> None:
    (m,) = _by_text(seed_mentions, "Istanbul")
    assert m.actor is not None
    assert (m.actor.code, m.actor.sector) == ("TUR", "CVL")
    assert m.rule is not None and m.rule.startswith("city:geonames:")
