"""The knowledge base: shipped files, user files in every format, problems, versions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from parley.actors import load_knowledge_base, resolve_text, split_cameo
from parley.actors.kb import build_knowledge_base
from parley.errors import DataFileError


def test_shipped_kb_loads_clean_and_is_cached() -> None:
    kb = load_knowledge_base()
    assert kb.problems == []
    assert len(kb.version) == 12
    assert load_knowledge_base() is kb
    assert len(kb.countries) > 190
    assert kb.countries["PAK"].name == "Pakistan"


@pytest.mark.parametrize(
    ("phrase", "code", "sector"),
    [
        ("Afghan", "AFG", "GOV"),
        ("Emirati", "ARE", "GOV"),
        ("Saudi", "SAU", "GOV"),
        ("American", "USA", "GOV"),
        ("British", "GBR", "GOV"),
        ("Chinese", "CHN", "GOV"),
        ("Doha", "QAT", "GOV"),
        ("Ankara", "TUR", "GOV"),
        ("the White House", "USA", "GOV"),
        ("Beijing", "CHN", "GOV"),
        ("Washington", "USA", "GOV"),
        ("Pakistani police", "PAK", "COP"),
        ("Russian troops", "RUS", "MIL"),
        ("Afghan refugees", "AFG", "REF"),
        ("Turkish protesters", "TUR", "OPP"),
        ("Indian parliament", "IND", "LEG"),
        ("a Pakistani court", "PAK", "JUD"),
        ("Afghans", "AFG", "CVL"),
        ("the Shanghai Cooperation Organization", "IGO", "IGO"),
        ("NATO", "IGO", "IGO"),
        ("UN peacekeepers", "IGO", "MIL"),
        ("the TTP", "PAK", "REB"),
        ("former president", None, "ELI"),
        ("Darfur", "SDN", "CVL"),
        ("the Sindh government", "PAK", "GOV"),
        ("Georgia", "GEO", "GOV"),  # the country, not the US state
        ("Texas", "USA", "CVL"),
        ("Yoruba leaders", "NGA", "ELI"),
        ("Karen guerrillas", "MMR", "REB"),
    ],
)
def test_resolve_text(phrase: str, code: str | None, sector: str) -> None:
    actor = resolve_text(phrase, date=dt.date(2025, 1, 1))
    assert actor is not None
    assert (actor.code, actor.sector) == (code, sector)


def test_organisation_keeps_its_own_cameo_code() -> None:
    actor = resolve_text("the Shanghai Cooperation Organization")
    assert actor is not None
    assert actor.kind == "igo" and actor.cameo == "IGOASA"
    assert actor.name == "Shanghai Cooperation Organization"


def test_bare_agent_has_no_country_unless_given() -> None:
    bare = resolve_text("the government")
    assert bare is not None and bare.code is None and bare.sector == "GOV"
    given = resolve_text("militants", country="PAK")
    assert given is not None and (given.code, given.sector, given.cameo) == ("PAK", "REB",
                                                                          "PAKREB")
    assert resolve_text("the weather") is None


def test_lower_case_common_words_are_not_actors() -> None:
    assert resolve_text("us") is None  # the pronoun, not the United States
    assert resolve_text("turkey") is None  # the bird
    us = resolve_text("US")
    assert us is not None and us.code == "USA"


def test_taliban_dated_roles() -> None:
    before = resolve_text("the Taliban", date=dt.date(2015, 6, 1))
    after = resolve_text("the Taliban", date=dt.date(2021, 8, 15))
    latest = resolve_text("the Taliban")
    assert before is not None and (before.code, before.sector) == ("AFG", "INS")
    assert after is not None and (after.code, after.sector) == ("AFG", "GOV")
    assert latest is not None and latest.sector == "GOV"  # no date: the latest role


def test_person_roles_follow_the_date() -> None:
    in_office = resolve_text("Ashraf Ghani", date=dt.date(2019, 1, 1))
    after = resolve_text("Ashraf Ghani", date=dt.date(2023, 1, 1))
    assert in_office is not None and (in_office.sector, in_office.role) == ("GOV", "president")
    assert after is not None and after.sector == "ELI"
    assert in_office.kind == "person" and in_office.person == "Ashraf Ghani"


@pytest.mark.parametrize(
    ("cameo", "expected"),
    [
        ("RUSGOV", ("RUS", "GOV")),
        ("AFGGOVMIL", ("AFG", "MIL")),
        ("IGOUNO", ("IGO", "IGO")),
        ("IGOUNOREF", ("IGO", "REF")),
        ("IMGMOSALQ", ("IMG", "REB")),
        ("PAK", ("PAK", None)),
        ("~COP", (None, "COP")),
        ("~MUSUAF", ("MUS", "REB")),  # unidentified armed forces count as REB
    ],
)
def test_split_cameo(cameo: str, expected: tuple[str | None, str | None]) -> None:
    assert split_cameo(cameo) == expected


def test_user_yaml_extends_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors:\n"
        "  - {id: ngo:example, kind: ngo, name: Example Relief, cameo: NGOHLH,\n"
        "     names: [Example Relief, ERX]}\n"
        "  - id: person:jane-roe\n"
        "    kind: person\n"
        "    name: Jane Roe\n"
        "    roles:\n"
        "      - {cameo: PAKGOV, role: minister, from: 2020-01-01}\n"
        "agents:\n"
        "  - {sector: MIL, words: [levies]}\n",
        encoding="utf-8",
    )
    kb = build_knowledge_base(extra=[path])
    assert kb.problems == []
    assert kb.version != load_knowledge_base().version
    ngo = resolve_text("Example Relief", kb=kb)
    assert ngo is not None and (ngo.code, ngo.kind) == ("NGO", "ngo")
    jane = resolve_text("Jane Roe", kb=kb, date=dt.date(2024, 1, 1))
    assert jane is not None and (jane.code, jane.role) == ("PAK", "minister")
    levies = resolve_text("Afghan levies", kb=kb)
    assert levies is not None and (levies.code, levies.sector) == ("AFG", "MIL")


def test_user_csv_and_json(tmp_path: Path) -> None:
    csv_path = tmp_path / "people.csv"
    csv_path.write_text(
        "name,names,kind,cameo,from,until,role\n"
        "John Doe,Doe,person,USAGOV,2020-01-01,2022-12-31,envoy\n"
        "John Doe,,person,USAELI,2023-01-01,,former envoy\n",
        encoding="utf-8",
    )
    json_path = tmp_path / "groups.json"
    json_path.write_text(
        '{"actors": [{"name": "Free Hills Front", "kind": "group", "cameo": "PAKREB"}]}',
        encoding="utf-8",
    )
    kb = build_knowledge_base(extra=[csv_path, json_path])
    assert kb.problems == []
    early = resolve_text("John Doe", kb=kb, date=dt.date(2021, 5, 1))
    late = resolve_text("Doe", kb=kb, date=dt.date(2024, 5, 1))
    assert early is not None and (early.sector, early.role) == ("GOV", "envoy")
    assert late is not None and (late.sector, late.role) == ("ELI", "former envoy")
    group = resolve_text("Free Hills Front", kb=kb)
    assert group is not None and (group.code, group.sector) == ("PAK", "REB")


def test_malformed_entries_are_reported_and_the_rest_loads(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "actors:\n"
        "  - {id: ok:1, kind: group, name: Good Group, cameo: PAKREB}\n"
        "  - {id: bad:1, kind: planet, name: Mars, cameo: MRS}\n"
        "  - {id: bad:2, kind: group, name: Nocode Group}\n",
        encoding="utf-8",
    )
    kb = build_knowledge_base(extra=[path])
    messages = [str(p) for p in kb.problems]
    assert len(messages) == 2
    assert "[E132]" in messages[0] and "bad.yaml, line 3" in messages[0]
    assert "[E030]" in messages[1] and "line 4" in messages[1]
    assert all(p.path == str(path) for p in kb.problems)
    assert resolve_text("Good Group", kb=kb) is not None
    with pytest.raises(DataFileError, match=r"\[E132\]"):
        build_knowledge_base(extra=[path], strict=True)


def test_unknown_format_and_missing_file(tmp_path: Path) -> None:
    odd = tmp_path / "x.docx"
    odd.write_text("x", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"\[E130\]"):
        build_knowledge_base(extra=[odd])
    with pytest.raises(DataFileError, match=r"\[E020\]"):
        load_knowledge_base(extra=[tmp_path / "missing.yaml"])


def test_cache_reloads_an_edited_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("actors:\n  - {name: Alpha Front, kind: group, cameo: PAKREB}\n",
                    encoding="utf-8")
    first = load_knowledge_base(extra=[path])
    assert load_knowledge_base(extra=[path]) is first
    path.write_text("actors:\n  - {name: Alpha Front, kind: group, cameo: AFGREB}\n"
                    "# edited\n", encoding="utf-8")
    second = load_knowledge_base(extra=[path])
    assert second is not first and second.version != first.version
    actor = resolve_text("Alpha Front", kb=second)
    assert actor is not None and actor.code == "AFG"


def test_version_depends_on_content_not_location(tmp_path: Path) -> None:
    body = "actors:\n  - {name: Gamma Front, kind: group, cameo: PAKREB}\n"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "mine.yaml").write_text(body, encoding="utf-8")
    (tmp_path / "b" / "mine.yaml").write_text(body, encoding="utf-8")
    one = build_knowledge_base(extra=[tmp_path / "a" / "mine.yaml"])
    two = build_knowledge_base(extra=[tmp_path / "b" / "mine.yaml"])
    assert one.version == two.version
    (tmp_path / "b" / "mine.yaml").write_text(body.replace("PAKREB", "AFGREB"),
                                              encoding="utf-8")
    assert build_knowledge_base(extra=[tmp_path / "b" / "mine.yaml"]).version != one.version


@pytest.mark.parametrize(
    ("text", "word", "corrected"),
    [
        ("Ethopia agreed.", "Ethopia", "ethiopia"),  # a letter left out
        ("the UN peackeepers", "peackeepers", "peacekeepers"),
        ("the goverment said", "goverment", "government"),
        ("Bangaldesh said", "Bangaldesh", "bangladesh"),  # two letters swapped
        ("the millitary", "millitary", "military"),  # a letter added
    ],
)
def test_misspelt_words_match_the_dictionary_word(text: str, word: str, corrected: str) -> None:
    kb = load_knowledge_base()
    (hit,) = [h for h in kb.match(text) if text[h.start:h.end] == word]
    assert hit.corrected == corrected


@pytest.mark.parametrize(
    "text",
    [
        "Larry Speakes said",  # a changed letter makes names: not speaker
        "the leavers voted",  # a real word
        "Aerolineas Argentinas",  # a changed ending, not Argentina
        "Iram and Iraq",  # short words are never corrected
        "the Kifaya group",  # far from every key
    ],
)
def test_names_and_real_words_are_not_corrected(text: str) -> None:
    kb = load_knowledge_base()
    assert [text[h.start:h.end] for h in kb.match(text) if h.corrected] == []


def test_a_corrected_actor_is_resolved_and_says_so(annotate: Callable[..., Doc]) -> None:
    actor = resolve_text("UN peackeepers", date=dt.date(2025, 1, 1))
    assert actor is not None and (actor.code, actor.sector) == ("IGO", "MIL")
    doc = annotate("Ethopia opened its borders to UN peackeepers.")
    rules = {m.text: m.rule or "" for m in doc._.parley_mentions}
    assert "spelling:ethiopia" in rules["Ethopia"]
    assert "spelling:peacekeepers" in rules["UN peackeepers"]
