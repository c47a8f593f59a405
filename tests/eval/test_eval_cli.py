"""`parley eval` end to end on tiny gold files of our own (the real pipeline)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from parley.cli.app import _register, app

_register()
runner = CliRunner()

GOLD = [
    {"text": "Atlantis troops shelled villages in Lemuria on Monday.", "date": "2024-03-05",
     "events": [{"event": "ASSAULT", "cameo": "195", "source": [{"code": "ATL", "sector": "MIL"}],
                 "target": [{"code": "LEM"}]}]},
    {"text": "The weather in the capital was mild.", "events": []},
]  # fmt: skip


def test_eval_json_and_errors_file(tmp_path: Path) -> None:
    gold = tmp_path / "mine.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in GOLD) + "\n", encoding="utf-8")
    penta = tmp_path / "p.tsv"
    penta.write_text("Rebels attacked a convoy near the border.\t4\n", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    res = runner.invoke(app, ["eval", str(gold), str(penta), "--json", "--errors", str(errors)])
    assert res.exit_code == 0, res.output
    payload = json.loads(res.stdout)
    assert payload["counts"]["items"] == 3
    assert set(payload["by_file"]) == {"mine.jsonl", "p.tsv"}
    assert payload["files"]["mine.jsonl"]["format"] == "jsonl"
    assert payload["by_file"]["p.tsv"]["event_f1_micro"] is None
    assert 0.0 <= payload["scores"]["penta_macro_f1"] <= 1.0
    lines = [json.loads(x) for x in errors.read_text(encoding="utf-8").splitlines()]
    assert payload["errors_written"] == len(lines)
    for rec in lines:
        assert set(rec) == {"file", "ref", "kind", "sentence", "gold", "predicted"}
        assert rec["sentence"]


def test_eval_table_output(tmp_path: Path) -> None:
    gold = tmp_path / "mine.jsonl"
    gold.write_text(json.dumps(GOLD[0]) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["eval", str(gold), "--quiet"])
    assert res.exit_code == 0, res.output
    assert "event type F1 (micro)" in res.stdout
    assert "ASSAULT" in res.stdout


def test_eval_unknown_format_names_file(tmp_path: Path) -> None:
    bad = tmp_path / "prose.txt"
    bad.write_text("nothing that looks like gold\n", encoding="utf-8")
    res = runner.invoke(app, ["eval", str(bad)])
    assert res.exit_code == 2
    assert "E050" in res.output and "prose.txt" in res.output
