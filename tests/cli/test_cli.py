"""The command line, end to end on the sample corpus, the seeds and bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli.app import _register, app

_register()
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("seeded") / "parley.db"
    code, out = invoke("run", *sorted(str(p) for p in seeds_dir.glob("*.txt")),
                       "--db", str(db))
    assert code == 0, out
    return db


def _mediation_events(events: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    return [
        e for e in events
        if e["cameo"] == "039"
        and any(a["code"] == "RUS" and a["sector"] == "GOV" for a in e["actor"])
        and {"PAK", "AFG"} <= {a["code"] for a in e["recipient"]}
    ]


def test_seed_articles_yield_the_mediation_offer(seeded_db: Path, seeds_dir: Path) -> None:
    code, out = invoke("events", "--db", str(seeded_db), "--format", "jsonl")
    assert code == 0, out
    events = [json.loads(line) for line in out.splitlines() if line.strip()]
    found = _mediation_events(events)
    doc_ids = {e["doc_id"] for e in found}
    assert doc_ids == {p.stem for p in seeds_dir.glob("*.txt")}, found
    code, out = invoke("show", sorted(doc_ids)[0], "--db", str(seeded_db))
    assert code == 0
    for e in found:
        text = e["text_info"]["sentence"]
        assert "mediat" in text and "Pakistan" in text and "Afghanistan" in text
        assert e["event"] == "AGREE"  # CAMEO 039 maps to PLOVER AGREE
        assert e["coder_version"] and e["dictionary_version"]


def test_the_run_records_the_versions_its_events_carry(seeded_db: Path) -> None:
    from parley.store import Store

    with Store.open(str(seeded_db)) as store:
        (run,) = store.runs()
        events = list(store.events())
    assert run.dictionary_version.startswith("lex-") and "+kb-" in run.dictionary_version
    assert events and {e.dictionary_version for e in events} == {run.dictionary_version}
    assert {e.coder_version for e in events} == {run.coder_version}


def test_text_info_selects_the_sentence_in_the_stored_text(seeded_db: Path) -> None:
    from parley.store import Store

    with Store.open(str(seeded_db)) as store:
        for e in store.events():
            doc = store.document(e.doc_id)
            assert doc.text[e.text_info.start:e.text_info.end] == e.text_info.sentence


def test_extract_gives_the_same_events_without_a_database(
    tmp_path: Path, seeds_dir: Path, seeded_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "seeds.jsonl"
    with docs.open("w") as fh:
        for p in sorted(seeds_dir.glob("*.txt")):
            fh.write(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}) + "\n")
    out = tmp_path / "events.jsonl"
    code, output = invoke("extract", str(docs), "-o", str(out))
    assert code == 0, output
    extracted = [json.loads(line) for line in out.read_text().splitlines()]
    assert {e["doc_id"] for e in _mediation_events(extracted)} == {
        p.stem for p in seeds_dir.glob("*.txt")
    }
    assert not list(tmp_path.glob("*.db")), "extract must not create a database"
    code, stored = invoke("events", "--db", str(seeded_db), "--format", "jsonl")
    stored_keys = {(e["doc_id"], e["cameo"], e["text_info"]["sentence"])
                   for e in map(json.loads, stored.splitlines())}
    extracted_keys = {(e["doc_id"], e["cameo"], e["text_info"]["sentence"]) for e in extracted}
    assert extracted_keys == stored_keys


def test_extract_reads_what_ingest_reads(tmp_path: Path, seeds_dir: Path,
                                        seeded_db: Path) -> None:
    """Text files given directly (no JSONL) give the events that run stored."""
    out = tmp_path / "events.jsonl"
    code, output = invoke("extract", *sorted(str(p) for p in seeds_dir.glob("*.txt")),
                          "-o", str(out))
    assert code == 0, output
    extracted = [json.loads(line) for line in out.read_text().splitlines()]
    code, stored = invoke("events", "--db", str(seeded_db), "--format", "jsonl")
    assert {(e["doc_id"], e["cameo"]) for e in extracted} == {
        (e["doc_id"], e["cameo"]) for e in map(json.loads, stored.splitlines())}
    code, output = invoke("extract", str(tmp_path / "missing.txt"), "-o", str(out))
    assert code == 1 and "[E020]" in output


def test_run_twice_stores_once(tmp_path: Path, sample_dir: Path) -> None:
    db = str(tmp_path / "p.db")
    code, out = invoke("run", str(sample_dir), "--db", db)
    assert code == 0, out
    assert "Events found" in out and "Database:" in out
    from parley.store import Store

    with Store.open(db) as store:
        first = store.stats()
    code, out = invoke("run", str(sample_dir), "--db", db)
    assert code == 0, out
    with Store.open(db) as store:
        assert store.stats()["documents"] == first["documents"] == 4
        assert store.stats()["events"] == first["events"]


def test_bad_inputs_are_reported_and_nothing_is_lost(tmp_path: Path, sample_dir: Path) -> None:
    db = str(tmp_path / "p.db")
    code, _ = invoke("run", str(sample_dir / "sahel.jsonl"), "--db", db)
    assert code == 0
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "latin.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x00binary\x00junk" * 20)
    (bad / "empty.txt").write_text("")
    (bad / "notext.jsonl").write_text('{"id": "x1", "title": "no text"}\n'
                                      '{"id": "x2", "text": "Kenya and Uganda agreed to '
                                      'reopen their border on Monday."}\n')
    shutil.copy(sample_dir / "geneva-talks.txt", bad / "good.txt")
    code, out = invoke("run", str(bad), str(tmp_path / "missing.txt"), "--db", db)
    assert code == 1
    assert "missing.txt" in out and "not found" in out
    assert "empty.txt" in out
    assert "notext.jsonl" in out and "line 1" in out
    assert "latin.txt" in out
    from parley.store import Store

    with Store.open(db) as store:
        ids = {d.doc_id for d in store.documents()}
        assert {"sahel-001", "sahel-002", "x2", "good"} <= ids
        assert len(store.errors()) >= 4


def test_filters_and_formats(tmp_path: Path, sample_dir: Path) -> None:
    db = str(tmp_path / "p.db")
    invoke("run", str(sample_dir), "--db", db)
    code, out = invoke("events", "--db", db, "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("id,doc_id,date,event")
    code, out = invoke("events", "--db", db, "--since", "2026-02-12", "--format", "jsonl")
    assert all(json.loads(x)["date"] >= "2026-02-12" for x in out.splitlines())
    code, out = invoke("events", "--db", db, "--dyad", "RUS")
    assert code == 2 and "E002" in out
    parquet = tmp_path / "e.parquet"
    code, _ = invoke("events", "--db", db, "--format", "parquet", "-o", str(parquet))
    assert code == 0 and parquet.stat().st_size > 0
    code, out = invoke("show", "nope", "--db", db)
    assert code == 2 and "E042" in out
    code, out = invoke("show", "geneva-talks", "--db", db, "--raw")
    assert code == 0 and "Read more" in out
    code, out = invoke("actors", "--db", db)
    assert code == 0
    code, out = invoke("runs", "--db", db)
    assert code == 0 and "run" in out


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    code, out = invoke("events", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "No database" in out


def test_cli_reference_is_current(repo_root: Path) -> None:
    from parley.cli._reference import cli_reference_markdown

    text = (repo_root / "docs" / "cli.md").read_text()
    body = text.split("<!-- cli-reference:start -->\n", 1)[1].split("<!-- cli-reference:end")[0]
    assert body == cli_reference_markdown(), "regenerate with scripts/gen_docs.sh"


def test_raw_offsets_point_at_the_sentence_in_the_raw_text(seeded_db: Path) -> None:
    import re

    from parley.store import Store

    squeeze = re.compile(r"\s+")
    quotes = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
    with Store.open(str(seeded_db)) as store:
        found = store.events()
        assert found
        for e in found:
            raw = store.document(e.doc_id).raw_text
            assert e.text_info.raw_start is not None and e.text_info.raw_end is not None
            raw_slice = raw[e.text_info.raw_start:e.text_info.raw_end]
            # inside a sentence of the seeds the repair only changes whitespace and quotes
            assert (squeeze.sub("", raw_slice).translate(quotes)
                    == squeeze.sub("", e.text_info.sentence).translate(quotes))


def test_timeline_counts_events_per_period(tmp_path: Path, sample_dir: Path) -> None:
    db = str(tmp_path / "p.db")
    invoke("run", str(sample_dir), "--db", db)
    from parley.store import EventFilter, Store

    with Store.open(db) as store:
        dated = [e for e in store.events(EventFilter(include_negated=False)) if e.date]
    months = {f"{e.date.year}-{e.date.month:02d}" for e in dated if e.date}
    code, out = invoke("timeline", "--db", db, "--by", "month")
    assert code == 0, out
    for month in months:
        row = next(line for line in out.splitlines() if month in line)
        count = sum(1 for e in dated if e.date and f"{e.date.year}-{e.date.month:02d}" == month)
        assert f" {count} " in row
    code, out = invoke("timeline", "--db", db, "--by", "fortnight")
    assert code == 2 and "E002" in out


def test_ingest_then_code_then_recode(tmp_path: Path, sample_dir: Path) -> None:
    from parley.models import DocStatus
    from parley.store import Store

    db = str(tmp_path / "p.db")
    code, out = invoke("ingest", str(sample_dir), "--db", db)
    assert code == 0 and "4 new" in out, out
    with Store.open(db) as store:
        assert {d.status for d in store.documents()} == {DocStatus.pending}
        assert store.stats()["events"] == 0
    code, out = invoke("code", "--db", db)
    assert code == 0, out
    with Store.open(db) as store:
        assert {d.status for d in store.documents()} == {DocStatus.coded}
        first = sorted(e.id for e in store.events())
    assert first
    code, out = invoke("code", "--db", db)  # nothing pending: nothing changes
    code, out = invoke("code", "--all", "--db", db)
    assert code == 0, out
    with Store.open(db) as store:
        assert sorted(e.id for e in store.events()) == first
        runs = store.runs()
        assert len(runs) == 4 and runs[0].events == len(first)
