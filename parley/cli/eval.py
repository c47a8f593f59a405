"""`parley eval`: score the coder on gold files and hold the evaluation gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..errors import Errors, EvalError, ParleyError
from ..eval import INFO_NAMES, SCORE_NAMES, EvalResult, evaluate, read_gold
from ..eval.gate import (
    check_floors,
    gold_paths,
    load_floors,
    new_floors,
    raise_floors,
    save_floors,
)
from ..eval.gold import GoldSet
from ._common import ModelOption, QuietOption, console, err_console, fail, progress, settings
from .app import app

_LABELS = {
    "event_precision_micro": "event type precision (micro)",
    "event_recall_micro": "event type recall (micro)",
    "event_f1_micro": "event type F1 (micro)",
    "event_f1_macro": "event type F1 (macro)",
    "cameo_root_accuracy": "CAMEO root accuracy",
    "quad_macro_f1": "QuadClass macro-F1",
    "penta_macro_f1": "PentaClass macro-F1",
    "penta_macro_f1_none_as_statement": "PentaClass macro-F1 (no event = 0)",
    "source_country_accuracy": "source country accuracy",
    "source_sector_accuracy": "source sector accuracy",
    "target_country_accuracy": "target country accuracy",
    "target_sector_accuracy": "target sector accuracy",
    "triple_precision": "triple precision",
    "triple_recall": "triple recall",
    "triple_f1": "triple F1 (source, type, target)",
    "source_span_f1": "source span F1 (overlap)",
    "target_span_f1": "target span F1 (overlap)",
    "modality_accuracy": "negated/hypothetical agreement",
    "location_accuracy": "event location accuracy",
    "events_per_gold_event": "events per gold event",
}


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _scores_table(result: EvalResult) -> Table:
    files = list(result.by_file)
    table = Table(title="parley eval", show_lines=False)
    table.add_column("score")
    table.add_column("all", justify="right", style="bold")
    if len(files) > 1:
        for name in files:
            table.add_column(Path(name).stem, justify="right")
    for key in (*SCORE_NAMES, *INFO_NAMES):
        row = [_fmt(result.scores.get(key))]
        if len(files) > 1:
            row += [_fmt(result.by_file[name].get(key)) for name in files]
        if all(cell == "-" for cell in row):
            continue
        table.add_row(_LABELS.get(key, key), *row)
    return table


def _bar(value: float, width: int = 20) -> str:
    """A horizontal bar for a score in 0..1, in eighths of a character."""
    eighths = round(max(0.0, min(1.0, value)) * width * 8)
    full, rest = divmod(eighths, 8)
    return "\u2588" * full + ("" if rest == 0 else chr(0x2590 - rest))


def _types_table(result: EvalResult) -> Table:
    table = Table(title="event types")
    for col in ("type", "precision", "recall", "F1", "", "support", "predicted"):
        if col == "":  # the bar: cropped, never wrapped or elided, on a narrow terminal
            table.add_column(col, no_wrap=True, overflow="crop", min_width=10)
        else:
            table.add_column(col, justify="left" if col == "type" else "right")
    for label, c in result.per_type.items():
        table.add_row(label, f"{c['precision']:.3f}", f"{c['recall']:.3f}", f"{c['f1']:.3f}",
                      f"[green]{_bar(float(c['f1']))}[/]", str(c["support"]),
                      str(int(c["tp"]) + int(c["fp"])))  # fmt: skip
    return table


def _write_errors(result: EvalResult, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for err in result.errors:
            fh.write(json.dumps(err.model_dump(mode="json"), ensure_ascii=False) + "\n")


def run_evaluation(
    gold_sets: list[GoldSet], *, model: str | None, batch_size: int | None, quiet: bool
) -> EvalResult:
    """Load the pipeline and evaluate it on ``gold_sets`` with a progress bar."""
    from ..nlp import load_pipeline

    cfg = settings(model=model)
    nlp = load_pipeline(cfg.spacy_model)
    total = sum(len(g.items) for g in gold_sets)
    with progress(quiet=quiet) as bar:
        task = bar.add_task("coding gold sentences", total=total)
        return evaluate(gold_sets, nlp, batch_size=batch_size or max(cfg.batch_size, 64),
                        on_progress=lambda n: bar.advance(task, n))  # fmt: skip


DEFAULT_FLOORS = Path("eval") / "floors.json"


@app.command("eval")
def eval_command(
    gold: Annotated[
        list[Path] | None,
        typer.Argument(help="Gold files: PLOVER records (.json), parley JSONL, the CAMEO "
                       "codebook CSV, sentence<TAB>label TSV or CoNLL spans; the format is "
                       "sniffed from the content. With --check or --update-floors and no "
                       "files, the gold files named in the floors file.", show_default=False),
    ] = None,
    model: ModelOption = None,
    errors: Annotated[
        Path | None,
        typer.Option("--errors", help="Write every error as JSONL (sentence, gold, predicted, "
                     "kind) to this file.", show_default=False),
    ] = None,
    json_out: Annotated[
        bool, typer.Option("--json", help="Print the result as JSON (scores, per file, per "
                           "type, counts; errors only with --errors).")
    ] = False,
    batch_size: Annotated[
        int | None,
        typer.Option("--batch-size", min=1, help="Sentences per nlp.pipe batch.",
                     show_default=False),
    ] = None,
    check: Annotated[
        Path | None,
        typer.Option("--check", help="The gate: exit 1 when a score is below its floor in "
                     "this floors file (e.g. eval/floors.json) or a gold file changed.",
                     show_default=False),
    ] = None,
    update_floors: Annotated[
        bool, typer.Option("--update-floors", help="Raise the floors in --floors to the "
                           "current scores (never lowers one without --allow-lower).")
    ] = False,
    floors: Annotated[
        Path, typer.Option("--floors", help="Floors file written by --update-floors.")
    ] = DEFAULT_FLOORS,
    allow_lower: Annotated[
        bool, typer.Option("--allow-lower", help="With --update-floors: allow floors to go "
                           "down (needs --reason).")
    ] = False,
    reason: Annotated[
        str | None,
        typer.Option("--reason", help="Why floors go down; recorded in the floors file.",
                     show_default=False),
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Score the event coder on gold files: event types, CAMEO roots, Quad/PentaClass, actors,
    triples, spans and over-coding; hold or raise the evaluation gate's floors."""
    if check is not None and update_floors:
        fail(EvalError(Errors.E186.format(option="--check/--update-floors",
                                          reason="use one at a time")))  # fmt: skip
    if allow_lower and not update_floors:
        fail(EvalError(Errors.E186.format(option="--allow-lower",
                                          reason="only means something with --update-floors")))
    floors_path = check if check is not None else floors
    try:
        floors_data = None
        if check is not None or (update_floors and floors.is_file()):
            floors_data = load_floors(floors_path)
        paths = list(gold or [])
        if not paths and floors_data is not None:
            paths = gold_paths(floors_data, floors_path)
        if not paths:
            fail(EvalError(Errors.E186.format(option="GOLD", reason="give at least one gold "
                                              "file")))  # fmt: skip
        gold_sets = [read_gold(p) for p in paths]
        result = run_evaluation(gold_sets, model=model, batch_size=batch_size, quiet=quiet)
    except ParleyError as exc:
        fail(exc)
    if errors is not None:
        _write_errors(result, errors)
    failures: list[str] = []
    if check is not None and floors_data is not None:
        failures = check_floors(result, gold_sets, floors_data)
    if update_floors:
        from ..events import CODER_VERSION

        try:
            updated, changes = raise_floors(
                floors_data or new_floors(), result, gold_sets, floors_path=floors,
                allow_lower=allow_lower, reason=reason, coder_version=CODER_VERSION,
                model=settings(model=model).spacy_model,
            )  # fmt: skip
        except ParleyError as exc:
            fail(exc, code=1)
        save_floors(floors, updated)
        err_console.print(f"{len(changes)} floor(s) changed in {floors}", highlight=False)
    if json_out:
        payload = result.model_dump(mode="json", exclude={"errors"})
        payload["errors_written"] = len(result.errors) if errors is not None else None
        if check is not None:
            payload["gate"] = {"passed": not failures, "failures": failures}
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        _print_result(result, errors)
    if check is not None:
        if failures:
            fail(EvalError(Errors.E051.format(failures="; ".join(failures))), code=1)
        held = sum(len(v) for v in floors_data["floors"].values()) if floors_data else 0
        err_console.print(f"gate passed: {held} floors held ({floors_path})", highlight=False)


def _print_result(result: EvalResult, errors: Path | None) -> None:
    console.print(_scores_table(result))
    if result.per_type:
        console.print(_types_table(result))
    counts = result.counts
    console.print(
        f"{counts['items']} sentences, {counts['predicted_events']} events coded, "
        f"{counts['items_without_event']} sentences without an event, {len(result.errors)} "
        "errors" + (f" written to {errors}" if errors is not None else " (--errors PATH to "
                    "inspect them)"),
        highlight=False,
    )  # fmt: skip
