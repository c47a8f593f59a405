"""Acceptance on the seed articles in ../shared/seeds (issue 3)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parley.clean import prepare, repair
from parley.config import Settings
from parley.ingest import iter_inputs
from parley.models import Document, RawDocument, RepairResult

FIRST = "000_cac6ae10ac3e4762.txt"
SECOND = "001_ab245c65050a7e69.txt"


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, tuple[str, RepairResult]]:
    out = {}
    for name in (FIRST, SECOND):
        raw = (seeds_dir / name).read_text(encoding="utf-8")
        out[name] = (raw, repair(raw))
    return out


def test_no_glued_words_remain(seeds: dict[str, tuple[str, RepairResult]]) -> None:
    _, second = seeds[SECOND]
    text = second.text
    for good in ("partners by", "Maria Zakharova", "region. The announcement", "in a region",
                 "a move that underscores", "intensified, with", "Saudi Arabia",
                 "Russian mediation", "embolden hardliners", "A successful"):
        assert good in text, good
    for glued in ("partnersby", "MariaZakharova", "aregion", "region.The", "thatunderscores",
                  "SaudiArabia"):
        assert glued not in text, glued
    for name in ("Zakharova", "Istanbul", "Islamabad"):
        assert name in text


def test_names_are_not_split(seeds: dict[str, tuple[str, RepairResult]]) -> None:
    _, first = seeds[FIRST]
    for name in ("Tehrik-i-Taliban", "Zakharova", "Istanbul", "U.S.", "Ivanova", "Kremlin"):
        assert name in first.text, name


def test_hard_wraps_are_joined(seeds: dict[str, tuple[str, RepairResult]]) -> None:
    _, first = seeds[FIRST]
    assert "has offered to mediate between Pakistan" in first.text
    assert "a spokesperson for the Russian Foreign Ministry, Maria Zakharova, emphasised that " \
           "stability" in first.text
    assert "dialogue between Afghanistan and Pakistan stems" in first.text
    # paragraph ends are kept: short lines that end a sentence
    assert "top priority.\nIn a geopolitical landscape" in first.text
    assert all(len(p) > 100 for p in first.text.split("\n"))


def test_comment_tail_removed_and_kept(seeds: dict[str, tuple[str, RepairResult]]) -> None:
    raw, first = seeds[FIRST]
    assert "Comment" not in first.text
    assert first.text.endswith("no dates have been shared.")
    tails = [r for r in first.removed if r.reason == "boilerplate:comments"]
    assert [r.text.strip() for r in tails] == ["Comments", "Post a Comment"]
    for r in first.removed:
        assert raw[r.raw_start:r.raw_end] == r.text


def test_datelines(seeds: dict[str, tuple[str, RepairResult]]) -> None:
    _, first = seeds[FIRST]
    assert first.dateline is not None
    assert first.dateline.place == "Islamabad"
    assert first.dateline.date == dt.date(2025, 11, 17)
    assert first.text.startswith("Already facing growing international isolation")
    _, second = seeds[SECOND]
    assert second.dateline is not None
    assert second.dateline.place == "Islamabad"
    assert second.dateline.date is None
    assert second.text.startswith("Russia has extended an olive branch")


def test_source_line(seeds: dict[str, tuple[str, RepairResult]]) -> None:
    raw, second = seeds[SECOND]
    assert second.cited_sources == [
        "https://www.dawn.com/news/1876543",
        "https://www.reuters.com/world/asia-pacific/"
        "russia-offers-mediation-pakistan-afghanistan-2025-11-15/",
    ]
    assert "Source" not in second.text and "dawn.com" not in second.text
    assert second.text.endswith("actionable steps toward peace.")
    sources = [r for r in second.removed if r.reason == "source-line"]
    assert len(sources) == 1
    assert sources[0].text.startswith("Source: www.dawn.com/news/1876543")
    assert raw[sources[0].raw_start:sources[0].raw_end] == sources[0].text


def test_every_clean_char_maps_back(seeds: dict[str, tuple[str, RepairResult]]) -> None:
    for raw, result in seeds.values():
        offsets = result.offsets
        for i, ch in enumerate(result.text):
            if offsets.is_inserted(i):
                assert ch == " "
                continue
            r = raw[offsets.to_raw(i)]
            assert r == ch or (ch == " " and r.isspace()) or (ch in "'\"" and r in "’“”"), i


def test_prepare_seed_documents(seeds_dir: Path) -> None:
    settings = Settings()
    docs = [d for d in iter_inputs([seeds_dir], settings=settings) if isinstance(d, RawDocument)]
    assert len(docs) == 2
    prepared: list[Document] = [prepare(d, settings=settings) for d in docs]
    first, second = prepared
    assert first.doc_id == FIRST.removesuffix(".txt")
    assert first.date == dt.date(2025, 11, 17) and first.date_source == "dateline"
    assert first.place == "Islamabad" and second.place == "Islamabad"
    assert second.date is None
    assert first.language == "en" and first.status.value == "pending"
    assert len(second.cited_sources) == 2
    assert first.raw_text == docs[0].text
