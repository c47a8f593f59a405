"""`parley ingest`, `parley code`, `parley run` and `parley extract`."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..config import Settings
from ..errors import InputError, ParleyError
from ..export import event_json
from ..models import DocStatus, ProcessedDocument, RawDocument
from ..pipeline import Pipeline
from ..store import Store
from ._common import DbOption, ModelOption, QuietOption, console, fail, progress, settings, warn
from .app import app

PathsArg = Annotated[
    list[str],
    typer.Argument(help="Files, directories, or http(s) URLs: text, HTML, JSONL, feeds, WARC."),
]


class _Tally:
    def __init__(self) -> None:
        self.new = 0
        self.duplicates = 0
        self.errors = 0
        self.not_coded = 0


def _ingest(
    pipeline: Pipeline, store: Store, paths: list[str], *, run_id: str, quiet: bool
) -> _Tally:
    from ..ingest import iter_inputs

    tally = _Tally()
    with progress(quiet=quiet) as bar:
        task = bar.add_task("ingesting", total=None)
        for item in iter_inputs(paths, settings=pipeline.settings):
            bar.advance(task)
            if isinstance(item, InputError):
                tally.errors += 1
                warn(str(item))
                store.record_error(run_id=run_id, source=item.path or "?", line=item.line,
                                   message=str(item))
                continue
            try:
                document = pipeline.prepare(item)
            except ParleyError as exc:
                tally.errors += 1
                warn(str(exc))
                store.record_error(run_id=run_id, source=item.source, line=item.source_line,
                                   message=str(exc))
                continue
            _doc_id, created = store.add_document(item, document)
            if not created:
                tally.duplicates += 1
            else:
                tally.new += 1
                if document.status == DocStatus.not_coded:
                    tally.not_coded += 1
                    warn(f"{item.source}: stored, not coded: {document.status_reason}")
    return tally


def _code(
    pipeline: Pipeline, store: Store, *, run_id: str, recode: bool, quiet: bool
) -> tuple[int, int, list[ProcessedDocument]]:
    statuses = None if recode else [DocStatus.pending]
    documents = list(store.documents(status=statuses))
    if recode:
        documents = [
            d.model_copy(update={"status": DocStatus.pending})
            if d.status != DocStatus.not_coded else d
            for d in documents
        ]
    n_events = 0
    failed = 0
    done: list[ProcessedDocument] = []
    with progress(quiet=quiet) as bar:
        task = bar.add_task("coding", total=len(documents))
        for result in pipeline.process(documents):
            store.save_processed(result, run_id=run_id)
            n_events += len(result.events)
            if result.document.status == DocStatus.failed:
                failed += 1
                warn(f"{result.document.doc_id}: {result.document.status_reason}")
            done.append(result)
            bar.advance(task)
    return n_events, failed, done


def _summary(store: Store, pipeline: Pipeline, done: list[ProcessedDocument]) -> None:
    table = Table(title="Events found", show_lines=False)
    table.add_column("document")
    table.add_column("date")
    table.add_column("status")
    table.add_column("events", justify="right")
    table.add_column("most frequent (PLOVER / CAMEO)")
    for result in done:
        d = result.document
        counts = Counter(f"{e.event}/{e.cameo}" for e in result.events)
        top = ", ".join(f"{k} x{v}" for k, v in counts.most_common(3))
        table.add_row(d.doc_id, str(d.date or ""), d.status.value, str(len(result.events)), top)
    console.print(table)
    stats = store.stats()
    console.print(
        f"Database: [bold]{store.display_url}[/]  ({stats['documents']} documents, "
        f"{stats['events']} events)  spaCy pipeline: [bold]{pipeline.model_name}[/]"
    )


def _start_coding_run(store: Store, pipeline: Pipeline, *, command: str) -> str:
    """Record a run with the versions that will code it (loads the spaCy pipeline)."""
    try:
        return store.start_run(
            command=command, coder_version=pipeline.coder_version,
            dictionary_version=pipeline.dictionary_version, model=pipeline.model_name,
            settings=pipeline.settings.model_dump(),
        )
    except ParleyError as exc:
        fail(exc)


def _open(cfg: Settings) -> Store:
    try:
        return Store.open(cfg.db)
    except ParleyError as exc:
        fail(exc)


@app.command()
def ingest(paths: PathsArg, db: DbOption = None, quiet: QuietOption = False) -> None:
    """Read documents, repair their text and store them (not coded yet)."""
    cfg = settings(db=db)
    pipeline = Pipeline(cfg)
    with _open(cfg) as store:
        run_id = store.start_run(command="ingest", coder_version=pipeline.coder_version,
                                 dictionary_version="-", model="-")
        tally = _ingest(pipeline, store, paths, run_id=run_id, quiet=quiet)
        store.finish_run(run_id, documents=tally.new, events=0, errors=tally.errors)
        if not quiet:
            console.print(f"{tally.new} new, {tally.duplicates} already stored, "
                          f"{tally.not_coded} not coded, {tally.errors} errors; "
                          f"database {store.display_url}")
    raise typer.Exit(1 if tally.errors else 0)


@app.command()
def code(
    db: DbOption = None,
    model: ModelOption = None,
    recode: Annotated[bool, typer.Option("--all", help="Re-code every document.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Annotate and code the stored documents that are pending (or all with --all)."""
    cfg = settings(db=db, model=model)
    pipeline = Pipeline(cfg)
    with _open(cfg) as store:
        run_id = _start_coding_run(store, pipeline, command="code")
        n_events, failed, done = _code(pipeline, store, run_id=run_id, recode=recode,
                                       quiet=quiet)
        store.finish_run(run_id, documents=len(done), events=n_events, errors=failed)
        if not quiet:
            _summary(store, pipeline, done)
    raise typer.Exit(1 if failed else 0)


@app.command()
def run(
    paths: PathsArg,
    db: DbOption = None,
    model: ModelOption = None,
    quiet: QuietOption = False,
) -> None:
    """Ingest PATHS and code everything pending: the whole pipeline in one command."""
    cfg = settings(db=db, model=model)
    pipeline = Pipeline(cfg)
    with _open(cfg) as store:
        run_id = _start_coding_run(store, pipeline, command="run " + " ".join(paths))
        tally = _ingest(pipeline, store, paths, run_id=run_id, quiet=quiet)
        n_events, failed, done = _code(pipeline, store, run_id=run_id, recode=False,
                                       quiet=quiet)
        errors = tally.errors + failed
        store.finish_run(run_id, documents=len(done), events=n_events, errors=errors)
        if not quiet:
            _summary(store, pipeline, done)
            if tally.duplicates:
                console.print(f"{tally.duplicates} input(s) were already stored.")
            if errors:
                warn(f"{errors} input(s) failed; see the messages above or `parley errors`.")
    raise typer.Exit(1 if errors else 0)


@app.command()
def extract(
    paths: PathsArg,
    output: Annotated[Path | None, typer.Option("-o", "--output",
                                                help="Output JSONL (default: stdout).")] = None,
    model: ModelOption = None,
    quiet: QuietOption = False,
) -> None:
    """Documents in, events out, one JSON object per line. No database is touched.

    Reads what ingest reads (text, HTML, JSONL, feeds, WARC, directories, URLs; - for JSONL
    on standard input)."""
    from ..ingest import iter_inputs

    cfg = settings(model=model)
    pipeline = Pipeline(cfg)
    errors = 0
    raws: list[RawDocument] = []
    for item in iter_inputs(paths, settings=cfg):
        if isinstance(item, InputError):
            errors += 1
            warn(str(item))
        else:
            raws.append(item)
    documents = []
    for raw in raws:
        try:
            documents.append(pipeline.prepare(raw))
        except ParleyError as exc:
            errors += 1
            warn(str(exc))
    out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    n = 0
    try:
        with progress(quiet=quiet or output is None) as bar:
            task = bar.add_task("coding", total=len(documents))
            for result in pipeline.process(documents):
                bar.advance(task)
                if result.document.status == DocStatus.failed:
                    errors += 1
                    warn(f"{result.document.doc_id}: {result.document.status_reason}")
                elif result.document.status == DocStatus.not_coded:
                    warn(f"{result.document.doc_id}: not coded: "
                         f"{result.document.status_reason}")
                for e in result.events:
                    out.write(event_json(e) + "\n")
                    n += 1
    finally:
        if output:
            out.close()
    if output and not quiet:
        console.print(f"{n} events from {len(documents)} documents written to {output}")
    raise typer.Exit(1 if errors else 0)
