"""TABARI / PETRARCH dictionaries: the format, date restrictions, errors, and the Phoenix
dictionaries from ../shared/eval/dictionaries (MIT; read there, never copied)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parley.actors import resolve_text
from parley.actors.kb import KnowledgeBase, build_knowledge_base
from parley.actors.tabari import parse_code
from parley.errors import DataFileError

ACTORS = """\
# a test dictionary
FREEDONIA_  [FRD]
+FREEDONIAN_
+FREDONIA_CITY_  # the capital

RUFUS_T._FIREFLY_  # ruler
+FIREFLY_
\t[FRDELI 300101-330101]
\t[FRDGOV >330102]
\t[FRDELI]
OLD_REGIME_
\t[FRDGOV <320101]
SYLVANIA_ARMY_ [SYLMIL]
HILL_FRONT_(HF)_ [FRDREB]
NOBODY_ [---]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN
GUARDS!PERSON! [~COP]
RIVER_PATROL {} [~MIL]
LAWMAN {LAWMEN} [~COP]
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    d = tmp_path_factory.mktemp("tabari")
    (d / "test.actors").write_text(ACTORS, encoding="utf-8")
    (d / "test.agents").write_text(AGENTS, encoding="utf-8")
    return build_knowledge_base(extra=[d / "test.actors", d / "test.agents"])


def test_roots_synonyms_and_inline_codes(small: KnowledgeBase) -> None:
    assert small.problems == []
    for phrase in ("Freedonia", "Freedonian", "Fredonia City"):
        actor = resolve_text(phrase, kb=small)
        assert actor is not None and actor.code == "FRD", phrase
    army = resolve_text("the Sylvania Army", kb=small)
    assert army is not None and (army.code, army.sector) == ("SYL", "MIL")
    front = resolve_text("Hill Front", kb=small)  # the parenthesised abbreviation is optional
    assert front is not None and (front.code, front.sector) == ("FRD", "REB")
    assert resolve_text("Nobody", kb=small) is None  # [---] is no code


def test_date_restricted_codes(small: KnowledgeBase) -> None:
    def sector(day: dt.date | None) -> str | None:
        actor = resolve_text("Rufus T. Firefly", kb=small, date=day)
        assert actor is not None
        return actor.sector

    assert sector(dt.date(1931, 6, 1)) == "ELI"  # 300101-330101
    assert sector(dt.date(1934, 6, 1)) == "GOV"  # >330102
    assert sector(None) == "GOV"  # no date: the latest
    old = resolve_text("Old Regime", kb=small, date=dt.date(1931, 1, 1))
    assert old is not None and old.sector == "GOV"  # <320101


def test_agents_with_substitution_sets_and_plurals(small: KnowledgeBase) -> None:
    for phrase, sector in [("Freedonian guardsmen", "COP"), ("Freedonian guardswoman", "COP"),
                           ("Freedonian lawmen", "COP"), ("Freedonian river patrol", "MIL")]:
        actor = resolve_text(phrase, kb=small)
        assert actor is not None and (actor.code, actor.sector) == ("FRD", sector), phrase


@pytest.mark.parametrize(
    ("content", "start", "end"),
    [
        ("AFGGOV >011222", dt.date(2001, 12, 22), None),
        ("USRARM <900823", None, dt.date(1990, 8, 23)),
        ("AFGELI 19270101-730717", dt.date(1927, 1, 1), dt.date(1973, 7, 17)),
        ("IGOUNO", None, None),
    ],
)
def test_parse_code(content: str, start: dt.date | None, end: dt.date | None) -> None:
    role = parse_code(content)
    assert role is not None
    assert (role.start, role.end) == (start, end)


def test_malformed_lines_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.actors"
    path.write_text(
        "+ORPHAN_SYNONYM_\n"
        "GOOD_LAND_ [GDL]\n"
        "BAD_DATE_\n"
        "\t[GDLGOV 9008223-911221]\n"
        "BROKEN_ [GDL\n"
        "OTHER_LAND_ [OTL]\n",
        encoding="utf-8",
    )
    kb = build_knowledge_base(extra=[path])
    found = {(p.line, str(p).split(":", 1)[0]) for p in kb.problems}
    assert {line for line, _ in found} == {1, 4, 5}
    assert all("[E133]" in str(p) and str(path) in str(p) for p in kb.problems)
    for phrase in ("Good Land", "Other Land"):
        assert resolve_text(phrase, kb=kb) is not None
    with pytest.raises(DataFileError, match=r"\[E133\].*line 1"):
        build_knowledge_base(extra=[path], strict=True)


PHOENIX = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dictionaries"


@pytest.fixture(scope="module")
def phoenix() -> KnowledgeBase:
    files = sorted(PHOENIX.glob("Phoenix.*.txt"))
    assert files, f"the Phoenix dictionaries are expected in {PHOENIX}"
    return build_knowledge_base(extra=files)


def test_phoenix_dictionaries_load(phoenix: KnowledgeBase) -> None:
    assert len(phoenix) > 30_000
    # the few malformed lines in the distributed files are reported, not fatal
    assert 0 < len(phoenix.problems) < 50
    assert all(p.path and p.line for p in phoenix.problems)


@pytest.mark.parametrize(
    ("phrase", "day", "code", "sector"),
    [
        ("Pakistan", None, "PAK", "GOV"),
        ("Hamid Karzai", dt.date(2005, 1, 1), "AFG", "GOV"),
        ("Hamid Karzai", dt.date(1990, 1, 1), "AFG", "ELI"),
        ("Nawaz Sharif", dt.date(1998, 1, 1), "PAK", "GOV"),
        ("Ban Ki-moon", dt.date(2010, 1, 1), "IGO", "IGO"),
        ("Kofi Annan", dt.date(2000, 1, 1), "IGO", "GOV"),  # a person in an IGO: GOV
        ("Afghan National Army", None, "AFG", "MIL"),
        ("Pakistani anti riot police", None, "PAK", "COP"),
    ],
)
def test_phoenix_entries_resolve(phoenix: KnowledgeBase, phrase: str, day: dt.date | None,
                                 code: str, sector: str) -> None:
    actor = resolve_text(phrase, kb=phoenix, date=day)
    assert actor is not None, phrase
    assert (actor.code, actor.sector) == (code, sector), (phrase, actor)
