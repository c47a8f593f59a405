"""Gold readers: every format, written here as tiny files of our own."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from parley.errors import DataFileError, EvalError
from parley.eval import read_gold, sniff_format
from parley.eval.gold import GoldActor, detokenize, penta_of_root, quad_of_penta


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


PLOVER = [
    {"id": "DOC-1", "event": "DOCUMENT", "eventText": "header"},
    {
        "id": "R-1", "date": "2000-01-01", "event": "FIGHT",
        "text": "Rebels shelled the town.",
        "source": [{"actorText": "Rebels", "code": "XYZ", "sector": "REBabc"}],
        "target": "", "eventLoc": {"name": "Gorazde"},
    },
    {
        "id": "R-2", "event": "DEMAND", "text": "Japan urged Ruritania to talk.",
        "source": [{"actorText": "Japan", "code": "JAP"}],
        "target": [{"actorText": "Ruritania", "code": "RUR", "sector": "***"}],
    },
    {"id": "R-3", "event": "DISAPPROVE", "text": "A court criticised the minister."},
]  # fmt: skip


def test_plover_reader_skips_header_and_maps_old_names(tmp_path: Path) -> None:
    gs = read_gold(_write(tmp_path, "gsr.json", json.dumps(PLOVER)))
    assert gs.fmt == "plover"
    assert [i.ref for i in gs.items] == ["R-1", "R-2", "R-3"]
    types = [i.events[0].event for i in gs.items if i.events]
    assert types == ["ASSAULT", "REQUEST", "ACCUSE"]
    first = gs.items[0]
    assert first.date == dt.date(2000, 1, 1)
    assert first.events is not None and first.events[0].target == ()
    assert first.events[0].source == (GoldActor(code="XYZ", sector="REB", text="Rebels"),)
    assert first.events[0].location == "Gorazde"
    second = gs.items[1].events
    assert second is not None
    assert second[0].source[0].code == "JPN"  # JAP is not ISO
    assert second[0].target[0].sector is None  # "***" is no sector
    assert gs.items[0].complete is False
    assert len(gs.sha256) == 64


def test_plover_record_without_text_names_the_record(tmp_path: Path) -> None:
    bad = [{"id": "R-9", "event": "AGREE", "text": ""}]
    with pytest.raises(DataFileError, match=r"\[E181\].*R-9.*'text'"):
        read_gold(_write(tmp_path, "bad.json", json.dumps(bad)))


def test_cameo_table_reader_keeps_rows_with_examples(tmp_path: Path) -> None:
    text = (
        "code,name,goldstein,description,usage_notes,example,root_code\n"
        "01,MAKE PUBLIC STATEMENT,0,,,,01\n"
        '0311,Express intent,5.2,desc,"notes, with comma",Atlantis offered to help Lemuria.,03\n'
        "190,Use force,-10,,,,19\n"
        '180,Assault,-9,,,"Gunmen attacked a convoy, police said.",18\n'
    )
    gs = read_gold(_write(tmp_path, "codes.csv", text))
    assert gs.fmt == "cameo"
    assert [i.text for i in gs.items] == [
        "Atlantis offered to help Lemuria.",
        "Gunmen attacked a convoy, police said.",
    ]
    first = gs.items[0].events
    assert first is not None and first[0].cameo == "0311" and first[0].cameo_root == "03"
    assert first[0].event is None
    assert [i.penta for i in gs.items] == [1, 4]


def test_penta_reader_splits_on_last_tab(tmp_path: Path) -> None:
    text = "Troops\tattacked the village.\t4\nThe minister said talks went well.\t0\n\n"
    gs = read_gold(_write(tmp_path, "penta.tsv", text))
    assert gs.fmt == "penta"
    assert [(i.text, i.penta) for i in gs.items] == [
        ("Troops\tattacked the village.", 4),
        ("The minister said talks went well.", 0),
    ]
    assert gs.items[0].events is None


def test_penta_reader_rejects_bad_label_with_line(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"\[E030\].*line 2.*'7'"):
        read_gold(_write(tmp_path, "p.tsv", "A said B.\t0\nC hit D.\t7\n"))


def test_conll_reader_builds_spans_with_offsets(tmp_path: Path) -> None:
    text = (
        "The O\nrebel B-S\narmy I-S\nattacked O\nthe B-T\nvillage I-T\n's I-T\nchief I-T\n"
        ". O\n\nPolice B-S\narrested O\nprotesters B-T\nand O\nmedics B-T\nin O\ncourt B-R\n"
    )
    gs = read_gold(_write(tmp_path, "spans.conll", text))
    assert gs.fmt == "spans"
    first, second = gs.items
    assert first.text == "The rebel army attacked the village's chief."
    assert first.spans is not None
    assert [(s.role, s.text) for s in first.spans] == [
        ("source", "rebel army"), ("target", "the village's chief"),
    ]  # fmt: skip
    for s in first.spans:
        assert first.text[s.start:s.end] == s.text
    assert second.spans is not None
    assert [(s.role, s.text) for s in second.spans] == [
        ("source", "Police"), ("target", "protesters"), ("target", "medics"),
    ]  # fmt: skip
    assert second.ref == "line 11"


def test_jsonl_reader(tmp_path: Path) -> None:
    lines = [
        {"text": "Atlantis troops shelled Lemuria on Monday.", "date": "2024-03-05",
         "events": [{"event": "ASSAULT", "cameo": "195",
                     "source": [{"code": "ATL", "sector": "MIL"}],
                     "target": [{"code": "LEM"}]}]},
        {"id": "n-2", "text": "Atlantis did not sign the deal.",
         "events": [{"event": "AGREE", "negated": True, "source": [{"code": "ATL"}]}]},
        {"text": "The weather was fine.", "events": []},
    ]  # fmt: skip
    gs = read_gold(_write(tmp_path, "mine.jsonl", "\n".join(json.dumps(x) for x in lines)))
    assert gs.fmt == "jsonl"
    a, b, c = gs.items
    assert a.date == dt.date(2024, 3, 5) and a.complete and a.penta == 4
    assert a.events is not None and a.events[0].source[0].sector == "MIL"
    assert b.ref == "n-2" and b.events is not None and b.events[0].negated
    assert b.penta is None  # no CAMEO code, no sentence class
    assert c.events == []


def test_jsonl_reader_rejects_numeric_cameo(tmp_path: Path) -> None:
    line = json.dumps({"text": "A met B.", "events": [{"cameo": 42}]})
    with pytest.raises(DataFileError, match=r"\[E181\].*line 1.*events\[0\]\.cameo"):
        read_gold(_write(tmp_path, "g.jsonl", line))


def test_unknown_format_is_e050_naming_the_file(tmp_path: Path) -> None:
    p = _write(tmp_path, "notes.txt", "just some prose\nwith lines of words\n")
    with pytest.raises(EvalError, match=r"\[E050\].*notes\.txt"):
        read_gold(p)
    q = _write(tmp_path, "empty.tsv", "  \n")
    with pytest.raises(EvalError, match=r"\[E050\].*empty\.tsv.*empty"):
        sniff_format(q, q.read_text())


def test_format_is_sniffed_from_content_not_extension(tmp_path: Path) -> None:
    p = _write(tmp_path, "gold.txt", "A hit B.\t4\n")
    assert read_gold(p).fmt == "penta"


def test_class_helpers() -> None:
    assert [penta_of_root(r) for r in ("01", "02", "05", "06", "08", "09", "13", "14", "20")] \
        == [0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert [quad_of_penta(p) for p in (0, 1, 2, 3, 4, None)] == [1, 1, 2, 3, 4, None]
    text, offsets = detokenize(["He", "said", "(", "again", ")", "it", "'s", "$", "5", "."])
    assert text == "He said (again) it's $5."
    assert [text[a:b] for a, b in offsets][2:5] == ["(", "again", ")"]


def test_a_gold_code_takes_the_pentaclass_the_events_carry(tmp_path: Path) -> None:
    """Appeals (02) and reducing relations (16) in the convention of ``penta_class``."""
    text = (
        "code,name,goldstein,description,usage_notes,example,root_code\n"
        "020,Appeal,3,,,Atlantis urged Lemuria to talk.,02\n"
        "160,Reduce relations,-4,,,Atlantis cut ties with Lemuria.,16\n"
        "0311,Express intent,5.2,,,Atlantis offered to help Lemuria.,03\n"
    )
    gs = read_gold(_write(tmp_path, "codes.csv", text))
    assert [i.penta for i in gs.items] == [0, 3, 1]


def test_old_plover_names() -> None:
    from parley.eval.gold import normalise_event_type

    assert [normalise_event_type(n) for n in ("fight", "DEMAND", "Disapprove", "INVESTIGATE",
                                              "AGREE")] == [
        "ASSAULT", "REQUEST", "ACCUSE", "ACCUSE", "AGREE"]
