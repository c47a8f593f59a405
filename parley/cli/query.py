"""`parley events`, `show`, `docs`, `actors`, `runs`, `errors`: reading the store."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..errors import ConfigError, Errors, ParleyError
from ..export import write_events
from ..models import Event
from ..store import EventFilter, Store
from ._common import DbOption, console, fail, settings
from .app import app


def _open(db: str | None) -> Store:
    cfg = settings(db=db)
    try:
        if "://" not in cfg.db and not Path(cfg.db).exists():
            raise ConfigError(
                f"No database at {cfg.db}. Run `parley run PATH...` first, or pass --db."
            )
        return Store.open(cfg.db)
    except ParleyError as exc:
        fail(exc)


def _date(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(ConfigError(Errors.E002.format(name=name, value=value,
                                            reason="use a date like 2025-11-17")))


def _actors(refs: list[object]) -> str:
    parts = []
    for r in refs:
        code = getattr(r, "code", None) or "?"
        sector = getattr(r, "sector", None)
        parts.append(f"{code}{'/' + sector if sector else ''}")
    return ", ".join(parts)


def _events_table(events: list[Event]) -> Table:
    table = Table(show_lines=False, expand=True)
    for col in ("date", "doc", "source", "event", "cameo", "target", "flags"):
        table.add_column(col, no_wrap=True)
    table.add_column("trigger: sentence", no_wrap=True, overflow="ellipsis", ratio=1)
    for e in events:
        flags = " ".join(
            f for f, on in (("neg", e.negated), ("hyp", e.hypothetical), ("intent", e.intent))
            if on
        )
        trigger = e.text_info.trigger or ""
        table.add_row(
            str(e.date or ""), e.doc_id, _actors(list(e.actor)), e.event, e.cameo,
            _actors(list(e.recipient)), flags,
            escape(" ".join(f"{trigger}: {e.text_info.sentence}".split()) if trigger
                   else " ".join(e.text_info.sentence.split())),
        )
    return table


ActorOpt = Annotated[str | None, typer.Option(help="Actor code on either side (RUS, RUSGOV, "
                                              "IGOUNO ...).")]
SourceOpt = Annotated[str | None, typer.Option(help="Source actor code.")]
TargetOpt = Annotated[str | None, typer.Option(help="Target actor code.")]
DyadOpt = Annotated[str | None, typer.Option(help="SOURCE:TARGET codes, e.g. RUS:PAK.")]
BothWaysOpt = Annotated[bool, typer.Option("--both-ways", help="With --dyad: either direction.")]
EventOpt = Annotated[str | None, typer.Option("--event", "-e",
                                              help="PLOVER event type, e.g. CONSULT.")]
CameoOpt = Annotated[str | None, typer.Option(help="CAMEO code prefix, e.g. 03 or 039.")]
SinceOpt = Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")]
DocOpt = Annotated[str | None, typer.Option(help="Only this document.")]
NoNegatedOpt = Annotated[bool, typer.Option("--no-negated", help="Leave out negated events.")]


def _filter(
    *, actor: str | None, source: str | None, target: str | None, dyad: str | None,
    both_ways: bool, event: str | None, cameo: str | None, since: str | None,
    until: str | None, doc: str | None, no_negated: bool, limit: int | None = None,
) -> EventFilter:
    pair = None
    if dyad:
        if ":" not in dyad:
            fail(ConfigError(Errors.E002.format(name="dyad", value=dyad,
                                                reason="use SOURCE:TARGET, e.g. RUS:PAK")))
        a, b = dyad.split(":", 1)
        pair = (a, b)
    return EventFilter(
        actor=actor, source=source, target=target, dyad=pair, either_direction=both_ways,
        event=event, cameo=cameo, since=_date(since, "since"), until=_date(until, "until"),
        doc_id=doc, include_negated=not no_negated, limit=limit,
    )


@app.command()
def events(
    db: DbOption = None,
    actor: ActorOpt = None,
    source: SourceOpt = None,
    target: TargetOpt = None,
    dyad: DyadOpt = None,
    both_ways: BothWaysOpt = False,
    event: EventOpt = None,
    cameo: CameoOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    doc: DocOpt = None,
    no_negated: NoNegatedOpt = False,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f",
                                     help="table, csv, jsonl, json or parquet.")] = "table",
    output: Annotated[Path | None, typer.Option("-o", "--output",
                                                help="Write to this file.")] = None,
) -> None:
    """List coded events, filtered, as a table or in an export format."""
    flt = _filter(actor=actor, source=source, target=target, dyad=dyad, both_ways=both_ways,
                  event=event, cameo=cameo, since=since, until=until, doc=doc,
                  no_negated=no_negated, limit=limit)
    with _open(db) as store:
        found = store.events(flt)
    try:
        if fmt == "table":
            if output:
                fail(ConfigError(Errors.E002.format(name="format", value=fmt,
                                                    reason="tables go to the screen; use csv")))
            console.print(_events_table(found))
            console.print(f"{len(found)} events")
        else:
            write_events(found, fmt, output if output else sys.stdout)
    except ParleyError as exc:
        fail(exc)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id (see `parley docs`).")],
    db: DbOption = None,
    raw: Annotated[bool, typer.Option("--raw", help="Show the raw text, with what the "
                                      "repair removed marked.")] = False,
) -> None:
    """Print a document with its coded sentences highlighted and its events listed."""
    with _open(db) as store:
        try:
            document = store.document(doc_id)
        except ParleyError as exc:
            fail(exc)
        found = store.events(EventFilter(doc_id=doc_id))
        mentions = store.mentions(doc_id)
    console.rule(f"[bold]{escape(document.doc_id)}[/]")
    meta = [("source", document.source), ("date", f"{document.date or '?'} "
             f"({document.date_source or 'unknown'})"), ("place", document.place),
            ("title", document.title), ("url", document.url), ("language", document.language),
            ("status", document.status.value + (f": {document.status_reason}"
                                                if document.status_reason else "")),
            ("cited sources", ", ".join(document.cited_sources))]
    for key, value in meta:
        if value:
            console.print(f"[dim]{key}:[/] {escape(str(value))}")
    console.print()
    if raw:
        text = Text(document.raw_text)
        for span in document.removed:
            text.stylize("strike red", span.raw_start, span.raw_end)
        console.print(text)
        console.print()
        if document.removed:
            table = Table(title="Removed by repair (kept here)")
            table.add_column("reason")
            table.add_column("raw offsets")
            table.add_column("text", overflow="fold")
            for span in document.removed:
                table.add_row(span.reason, f"{span.raw_start}-{span.raw_end}",
                              escape(span.text))
            console.print(table)
        return
    text = Text(document.text)
    for m in mentions:
        text.stylize("cyan" if m["resolved"] else "dim underline", m["start"], m["end"])
    for e in found:
        text.stylize("bold", e.text_info.start, e.text_info.end)
        if e.text_info.trigger_start is not None and e.text_info.trigger_end is not None:
            text.stylize("reverse", e.text_info.trigger_start, e.text_info.trigger_end)
    console.print(text)
    console.print()
    if found:
        console.print(_events_table(found))
        for e in found:
            console.print(f"[dim]{escape(e.id)}:[/] {escape(e.explanation)}")
    else:
        console.print("No events coded in this document.")


@app.command()
def docs(
    db: DbOption = None,
    status: Annotated[str | None, typer.Option(help="pending, coded, not_coded or failed.")]
    = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
) -> None:
    """List stored documents with their status."""
    from ..models import DocStatus

    statuses = None
    if status:
        try:
            statuses = [DocStatus(status)]
        except ValueError:
            fail(ConfigError(Errors.E002.format(name="status", value=status,
                                                reason="pending, coded, not_coded, failed")))
    with _open(db) as store:
        table = Table()
        for col in ("doc_id", "date", "status", "language", "source", "title"):
            table.add_column(col, overflow="fold")
        for d in store.documents(status=statuses, limit=limit):
            table.add_row(d.doc_id, str(d.date or ""), d.status.value
                          + (f" ({d.status_reason})" if d.status_reason else ""),
                          d.language or "", d.source, d.title or "")
        console.print(table)
        console.print(", ".join(f"{k}: {v}" for k, v in store.count_documents().items()))


@app.command()
def actors(
    db: DbOption = None,
    unresolved: Annotated[bool, typer.Option("--unresolved", help="The most frequent "
                                             "mentions nobody could resolve.")] = False,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
) -> None:
    """Actors found in the stored documents, with counts."""
    with _open(db) as store:
        rows = store.actor_counts(unresolved=unresolved, limit=limit)
    table = Table(title="Unresolved mentions" if unresolved else "Actors")
    columns = (["text", "mentions", "documents"] if unresolved
               else ["code", "sector", "cameo", "name", "mentions", "documents"])
    for col in columns:
        table.add_column(col, justify="right" if col in {"mentions", "documents"} else "left")
    for r in rows:
        table.add_row(*[escape(str(r.get(c) or "")) for c in columns])
    console.print(table)


@app.command()
def runs(db: DbOption = None, limit: int = 20) -> None:
    """Past runs with the coder and dictionary versions they used."""
    with _open(db) as store:
        found = store.runs(limit=limit)
    table = Table()
    for col in ("run", "command", "coder", "dictionary", "model", "docs", "events", "errors"):
        table.add_column(col, overflow="fold")
    for r in found:
        table.add_row(r.run_id, escape(r.command[:60]), r.coder_version, r.dictionary_version,
                      r.model, str(r.documents), str(r.events), str(r.errors))
    console.print(table)


@app.command("errors")
def errors_cmd(
    db: DbOption = None,
    run_id: Annotated[str | None, typer.Option("--run", help="Only this run.")] = None,
) -> None:
    """Inputs that could not be ingested, with the reason."""
    with _open(db) as store:
        found = store.errors(run_id=run_id)
    table = Table()
    for col in ("when", "source", "line", "message"):
        table.add_column(col, overflow="fold")
    for r in found:
        table.add_row(str(r["at"])[:19], escape(r["source"]), str(r["line"] or ""),
                      escape(r["message"]))
    console.print(table)


@app.command("settings")
def settings_cmd(
    markdown: Annotated[bool, typer.Option("--markdown", help="The table of docs/settings.md.")]
    = False,
) -> None:
    """Every setting with its environment variable, default and current value."""
    from ..config import Settings, settings_markdown

    if markdown:
        sys.stdout.write(settings_markdown())
        return
    current = settings()
    table = Table()
    for col in ("setting", "environment", "current", "what it does"):
        table.add_column(col, overflow="fold")
    for spec in Settings.specs():
        table.add_row(spec.name, spec.env, repr(getattr(current, spec.name)), spec.help)
    console.print(table)


@app.command("cli-reference", hidden=True)
def cli_reference_cmd() -> None:
    """Print the markdown CLI reference (used to regenerate docs/cli.md)."""
    from ._reference import cli_reference_markdown

    sys.stdout.write(cli_reference_markdown())


_QUAD = {0: ("statement", "white"), 1: ("verbal coop.", "green"), 2: ("material coop.", "cyan"),
         3: ("verbal conflict", "yellow"), 4: ("material conflict", "red")}


def _period(day: dt.date, by: str) -> str:
    if by == "year":
        return f"{day.year}"
    if by == "month":
        return f"{day.year}-{day.month:02d}"
    if by == "week":
        iso = day.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    return day.isoformat()


@app.command()
def timeline(
    db: DbOption = None,
    actor: ActorOpt = None,
    source: SourceOpt = None,
    target: TargetOpt = None,
    dyad: DyadOpt = None,
    both_ways: BothWaysOpt = False,
    event: EventOpt = None,
    cameo: CameoOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    no_negated: NoNegatedOpt = True,
    by: Annotated[str, typer.Option(help="day, week, month or year.")] = "month",
    width: Annotated[int, typer.Option(help="Width of the longest bar.")] = 40,
) -> None:
    """A chart of events over time, stacked by QuadClass, with the mean Goldstein score.

    Negated events are left out unless --no-no-negated is given.
    """
    if by not in {"day", "week", "month", "year"}:
        fail(ConfigError(Errors.E002.format(name="by", value=by,
                                            reason="day, week, month or year")))
    flt = _filter(actor=actor, source=source, target=target, dyad=dyad, both_ways=both_ways,
                  event=event, cameo=cameo, since=since, until=until, doc=None,
                  no_negated=no_negated)
    with _open(db) as store:
        found = [e for e in store.events(flt) if e.date is not None]
    if not found:
        console.print("No dated events match.")
        return
    periods: dict[str, list[Event]] = {}
    for e in sorted(found, key=lambda x: x.date or dt.date.min):
        periods.setdefault(_period(e.date or dt.date.min, by), []).append(e)
    biggest = max(len(v) for v in periods.values())
    table = Table(title="Events over time", show_lines=False)
    table.add_column(by)
    table.add_column("events", justify="right")
    table.add_column("by QuadClass", no_wrap=True)
    table.add_column("Goldstein", justify="right")
    for period, evs in periods.items():
        bar = Text()
        for quad, (_name, colour) in _QUAD.items():
            n = sum(1 for e in evs if e.quad_class == quad)
            if n:
                bar.append("\u2588" * max(1, round(width * n / biggest)), style=colour)
        mean = sum(e.goldstein for e in evs) / len(evs)
        table.add_row(period, str(len(evs)), bar, f"{mean:+.1f}")
    console.print(table)
    legend = Text("  ")
    for _quad, (name, colour) in _QUAD.items():
        legend.append("\u2588 ", style=colour)
        legend.append(name + "   ")
    console.print(legend)
