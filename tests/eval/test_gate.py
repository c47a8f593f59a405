"""The evaluation gate: floors only go up; a lower score or a changed gold file fails.

``test_dev_scores_hold_their_floors`` runs the dev evaluation against ``eval/floors.json``
(the gold files live in ``../shared/eval``, beside the repository, as in CI).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from parley.cli.app import _register, app
from parley.errors import EvalError
from parley.eval import EvalResult, GoldSet, evaluate, read_gold
from parley.eval.gate import (
    check_floors,
    floor4,
    gold_paths,
    load_floors,
    new_floors,
    raise_floors,
    save_floors,
)

REPO = Path(__file__).resolve().parents[2]
FLOORS = REPO / "eval" / "floors.json"
SHARED_EVAL = REPO.parent / "shared" / "eval"


def _gold(tmp_path: Path, name: str = "p.tsv", text: str = "A hit B.\t4\n") -> GoldSet:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return read_gold(p)


def _result(name: str, **scores: float | None) -> EvalResult:
    return EvalResult(scores=dict(scores), by_file={name: dict(scores)})


def test_floor4_truncates() -> None:
    assert floor4(0.71549) == 0.7154
    assert floor4(0.5) == 0.5
    assert floor4(1 / 3) == 0.3333


def test_floors_go_up_and_a_lower_score_fails(tmp_path: Path) -> None:
    gs = _gold(tmp_path)
    path = tmp_path / "floors.json"
    data, changes = raise_floors(new_floors(), _result("p.tsv", penta_macro_f1=0.61234),
                                 [gs], floors_path=path, today=dt.date(2026, 1, 2))  # fmt: skip
    assert data["floors"]["p.tsv"] == {"penta_macro_f1": 0.6123}
    assert changes == {"p.tsv:penta_macro_f1": (None, 0.6123)}
    assert data["gold"]["p.tsv"]["sha256"] == gs.sha256
    assert data["gold"]["p.tsv"]["path"] == "p.tsv"
    save_floors(path, data)
    data = load_floors(path)
    assert check_floors(_result("p.tsv", penta_macro_f1=0.61234), [gs], data) == []
    # a better score raises the floor
    data, changes = raise_floors(data, _result("p.tsv", penta_macro_f1=0.7), [gs],
                                 floors_path=path)  # fmt: skip
    assert data["floors"]["p.tsv"]["penta_macro_f1"] == 0.7
    assert data["history"][-1]["action"] == "raise"
    # a lower score fails the gate ...
    failures = check_floors(_result("p.tsv", penta_macro_f1=0.69), [gs], data)
    assert len(failures) == 1 and "below its floor 0.7000" in failures[0]
    # ... and updating refuses to lower the floor
    with pytest.raises(EvalError, match=r"\[E183\].*penta_macro_f1 0.7000 -> 0.6900"):
        raise_floors(data, _result("p.tsv", penta_macro_f1=0.69), [gs], floors_path=path)
    with pytest.raises(EvalError, match=r"\[E184\]"):
        raise_floors(data, _result("p.tsv", penta_macro_f1=0.69), [gs], floors_path=path,
                     allow_lower=True)  # fmt: skip
    lowered, _ = raise_floors(data, _result("p.tsv", penta_macro_f1=0.69), [gs],
                              floors_path=path, allow_lower=True,
                              reason="relabelled gold")  # fmt: skip
    assert lowered["floors"]["p.tsv"]["penta_macro_f1"] == 0.69
    assert lowered["history"][-1]["reason"] == "relabelled gold"
    assert lowered["history"][-1]["action"] == "lower"
    # an unchanged score changes nothing and adds no history
    same, changes = raise_floors(data, _result("p.tsv", penta_macro_f1=0.7), [gs],
                                 floors_path=path)  # fmt: skip
    assert changes == {} and len(same["history"]) == len(data["history"])


def test_overcoding_has_a_ceiling_that_only_goes_down(tmp_path: Path) -> None:
    gs = _gold(tmp_path)
    path = tmp_path / "floors.json"
    data, _ = raise_floors(new_floors(), _result("p.tsv", events_per_gold_event=1.18231),
                           [gs], floors_path=path)  # fmt: skip
    assert data["ceilings"]["p.tsv"] == {"events_per_gold_event": 1.1824}
    assert check_floors(_result("p.tsv", events_per_gold_event=1.18231), [gs], data) == []
    failures = check_floors(_result("p.tsv", events_per_gold_event=1.3), [gs], data)
    assert len(failures) == 1 and "above its ceiling 1.1824" in failures[0]
    tighter, changes = raise_floors(data, _result("p.tsv", events_per_gold_event=1.1),
                                    [gs], floors_path=path)  # fmt: skip
    assert tighter["ceilings"]["p.tsv"]["events_per_gold_event"] == 1.1
    assert changes == {"p.tsv:events_per_gold_event": (1.1824, 1.1)}
    with pytest.raises(EvalError, match=r"\[E183\].*ceiling 1.1000 -> 1.2000"):
        raise_floors(tighter, _result("p.tsv", events_per_gold_event=1.2), [gs],
                     floors_path=path)  # fmt: skip


def test_missing_score_and_missing_file_fail(tmp_path: Path) -> None:
    gs = _gold(tmp_path)
    data = new_floors()
    data["floors"] = {"p.tsv": {"penta_macro_f1": 0.5}, "other.json": {"event_f1_micro": 0.1}}
    data["gold"] = {"p.tsv": {"sha256": gs.sha256}}
    failures = check_floors(_result("p.tsv", penta_macro_f1=None), [gs], data)
    assert any("not computed" in f for f in failures)
    assert any("other.json: not evaluated" in f for f in failures)
    with pytest.raises(EvalError, match=r"\[E183\].*no longer computed"):
        raise_floors(data, _result("p.tsv", penta_macro_f1=None), [gs],
                     floors_path=tmp_path / "f.json")  # fmt: skip


def test_changed_gold_file_is_detected(tmp_path: Path) -> None:
    gs = _gold(tmp_path)
    data, _ = raise_floors(new_floors(), _result("p.tsv", penta_macro_f1=0.5), [gs],
                           floors_path=tmp_path / "floors.json")  # fmt: skip
    changed = _gold(tmp_path, text="A hit B.\t4\nC met D.\t1\n")
    failures = check_floors(_result("p.tsv", penta_macro_f1=0.9), [changed], data)
    assert len(failures) == 1 and "gold file changed" in failures[0]
    with pytest.raises(EvalError, match=r"\[E183\].*gold file changed"):
        raise_floors(data, _result("p.tsv", penta_macro_f1=0.9), [changed],
                     floors_path=tmp_path / "floors.json")  # fmt: skip
    rebased, _ = raise_floors(data, _result("p.tsv", penta_macro_f1=0.4), [changed],
                              floors_path=tmp_path / "floors.json", allow_lower=True,
                              reason="gold set grew")  # fmt: skip
    assert rebased["gold"]["p.tsv"]["sha256"] == changed.sha256
    assert rebased["floors"]["p.tsv"]["penta_macro_f1"] == 0.4


def test_floors_file_errors(tmp_path: Path) -> None:
    bad = tmp_path / "floors.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(EvalError, match=r"\[E182\].*version"):
        load_floors(bad)
    with pytest.raises(EvalError, match=r"\[E182\].*no such file"):
        load_floors(tmp_path / "absent.json")
    data = new_floors()
    data["gold"] = {"gone.tsv": {"path": "gone.tsv"}}
    with pytest.raises(EvalError, match=r"\[E185\].*gone\.tsv"):
        gold_paths(data, bad)


def test_cli_update_then_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _register()
    runner = CliRunner()
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"text": "Rebels attacked a convoy near the border.",
                                "events": [{"event": "ASSAULT", "cameo": "190"}]}) + "\n",
                    encoding="utf-8")  # fmt: skip
    floors = tmp_path / "eval" / "floors.json"
    res = runner.invoke(app, ["eval", str(gold), "--update-floors", "--floors", str(floors),
                              "--quiet", "--json"])  # fmt: skip
    assert res.exit_code == 0, res.output
    data = json.loads(floors.read_text(encoding="utf-8"))
    assert data["gold"]["g.jsonl"]["path"] == "../g.jsonl"
    assert "cameo_root_accuracy" in data["floors"]["g.jsonl"]
    # the gate reads the gold files from the floors file
    res = runner.invoke(app, ["eval", "--check", str(floors), "--quiet", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["gate"] == {"passed": True, "failures": []}
    # an impossible floor fails it
    data["floors"]["g.jsonl"]["cameo_root_accuracy"] = 1.01
    floors.write_text(json.dumps(data), encoding="utf-8")
    res = runner.invoke(app, ["eval", "--check", str(floors), "--quiet"])
    assert res.exit_code == 1
    assert "E051" in res.output and "cameo_root_accuracy" in res.output
    # lowering needs --allow-lower and a reason
    res = runner.invoke(app, ["eval", "--update-floors", "--floors", str(floors), "--quiet"])
    assert res.exit_code == 1 and "E183" in res.output
    res = runner.invoke(app, ["eval", "--update-floors", "--floors", str(floors), "--quiet",
                              "--allow-lower"])  # fmt: skip
    assert res.exit_code == 1 and "E184" in res.output
    res = runner.invoke(app, ["eval", "--update-floors", "--floors", str(floors), "--quiet",
                              "--allow-lower", "--reason", "test floor was impossible"])
    assert res.exit_code == 0, res.output
    data = json.loads(floors.read_text(encoding="utf-8"))
    assert data["history"][-1]["reason"] == "test floor was impossible"


@pytest.mark.slow
def test_dev_scores_hold_their_floors(nlp: Language) -> None:
    """The CI gate: the dev evaluation must not fall below eval/floors.json."""
    if not SHARED_EVAL.is_dir():
        pytest.skip(f"dev gold not present at {SHARED_EVAL} (it is in CI)")
    data = load_floors(FLOORS)
    gold_sets = [read_gold(p) for p in gold_paths(data, FLOORS)]
    result = evaluate(gold_sets, nlp, batch_size=64)
    failures = check_floors(result, gold_sets, data)
    assert failures == [], "\n".join(failures)
