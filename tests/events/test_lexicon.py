"""Lexicon files: format, validation with file and line, user extensions; the CAMEO table."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from parley.errors import DataFileError
from parley.events.cameo import PLOVER_TYPES, cameo_table, penta_class
from parley.events.lexicon import compile_lexicon, load_lexicon, parse_pattern
from parley.nlp import load_pipeline, make_doc


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lex.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_lexicon_is_broad_and_valid() -> None:
    lex = load_lexicon()
    assert lex.n_patterns > 800
    roots = {p.code[:2] for pats in (*lex.verbs.values(), *lex.nouns.values()) for p in pats}
    assert roots >= {f"{i:02d}" for i in range(1, 21)}
    assert len(lex.version) == 10
    assert lex.governor("intent", "offer") and lex.derived("intent", "045") == "039"
    assert lex.derived("appeal", "0874") == "0256"  # longest matching prefix wins


def test_pattern_syntax() -> None:
    p = parse_pattern("call on", pos="verb", path="x", line=1)
    assert p.particles == ("on",)
    p = parse_pattern("sign +agreement|treaty", pos="verb", path="x", line=1)
    assert p.objects == frozenset({"agreement", "treaty"})
    p = parse_pattern("strike ~hunger", pos="noun", path="x", line=1)
    assert p.modifiers == frozenset({"hunger"})
    assert parse_pattern("demonstrate !", pos="verb", path="x", line=1).intransitive


def test_unknown_cameo_code_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "entries:\n  - id: a\n    cameo: '045'\n    verbs: [broker]\n"
                            "  - id: b\n    cameo: '999'\n    verbs: [zap]\n")
    with pytest.raises(DataFileError) as info:
        compile_lexicon([path])
    assert "[E030]" in str(info.value) and "999" in str(info.value)
    assert info.value.line == 6 and info.value.path == str(path)


def test_conflicting_patterns(tmp_path: Path) -> None:
    path = _write(tmp_path, "entries:\n  - id: a\n    cameo: '045'\n    verbs: [broker]\n"
                            "  - id: b\n    cameo: '046'\n    verbs:\n      - zap\n"
                            "      - broker\n")
    with pytest.raises(DataFileError) as info:
        compile_lexicon([path])
    assert info.value.line == 9 and "line 4" in str(info.value)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("entries:\n  - id: a\n    cameo: '045'\n    colour: red\n", 2, "unknown key"),
        ("stuff: 1\n", 1, "unknown section"),
        ("entries:\n  - id: a\n    cameo: '045'\n    verbs: ['+x']\n", 4, "must be a word"),
        ("governors:\n  maybe: [x]\n", 2, "unknown governor"),
        ("entries: [\n", 2, "not valid YAML"),
        ("entries:\n  - id: a\n    cameo: '045'\n    verbs: [x]\n    verbs: [y]\n", 5,
         "given twice"),
    ],
)
def test_malformed_files(tmp_path: Path, text: str, line: int, words: str) -> None:
    with pytest.raises(DataFileError) as info:
        compile_lexicon([_write(tmp_path, text)])
    assert info.value.line == line and words in str(info.value)


def test_stop_entry(tmp_path: Path) -> None:
    path = _write(tmp_path, "entries:\n  - id: s\n    cameo: none\n    verbs: [zap +fly]\n")
    lex = compile_lexicon([path])
    assert lex.verbs["zap"][0].code == "none"


def test_user_lexicon_through_component_config(tmp_path: Path) -> None:
    path = _write(tmp_path, "entries:\n  - id: snub_user\n    cameo: '1245'\n"
                            "    verbs: [stonewall]\n")
    nlp: Language = load_pipeline(component_config={"parley_events": {"lexicons": [str(path)]}})
    doc = nlp(make_doc(nlp, "Russia stonewalled the inspectors.", doc_id="u"))
    (ev,) = doc._.parley_events
    assert ev.cameo == "1245" and "snub_user" in ev.explanation
    assert ev.dictionary_version != load_lexicon().version


def test_cameo_table() -> None:
    table = cameo_table()
    assert len(table) > 300
    assert {c.plover for c in table.values()} <= PLOVER_TYPES
    assert table["039"].plover == "AGREE" and table["039"].goldstein == 5.0
    assert table["0871"].plover == "RETREAT" and table["0871"].mode == "ceasefire"
    # QuadClass: CAMEO's root split, public statements (01) kept apart as 0
    assert [table[c].quad_class for c in ("010", "020", "057", "073", "112", "163", "145",
                                          "190")] == [0, 1, 1, 2, 3, 4, 4, 4]
    # PentaClass: the Phoenix convention (appeals neutral, 16 verbal conflict)
    assert [penta_class(c) for c in ("010", "020", "036", "073", "112", "161", "145")] == [
        0, 0, 1, 2, 3, 3, 4]
    for code, info in table.items():
        assert info.penta_class == penta_class(code)


def test_dictionary_version_covers_user_actor_dictionaries(tmp_path: Path) -> None:
    # parley issue 5: user dictionaries given to the actors pipe change the events'
    # dictionary version, and the event carries the actor the user dictionary defines
    from parley.actors import load_knowledge_base

    path = tmp_path / "extra.yaml"
    path.write_text("actors:\n  - {name: Blue Crescent Militia, kind: group, cameo: LBYREB}\n",
                    encoding="utf-8")
    nlp: Language = load_pipeline(
        component_config={"parley_actors": {"dictionaries": [str(path)]}})
    doc = nlp(make_doc(nlp, "The Blue Crescent Militia attacked the army base.", doc_id="v"))
    ev = doc._.parley_events[0]
    kb = nlp.get_pipe("parley_actors").version
    assert kb != load_knowledge_base().version
    assert ev.dictionary_version.endswith(f"+kb-{kb}")
    assert [a.code for a in ev.actor] == ["LBY"]
