"""Shared CLI pieces: consoles, the settings options, error reporting, progress bars."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from ..config import Settings
from ..errors import ParleyError

console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database path or URL (setting db; env PARLEY_DB).",
                 show_default=False),
]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="spaCy pipeline to load (setting spacy_model; env "
                 "PARLEY_SPACY_MODEL).", show_default=False),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar or summary, errors only.")
]


def settings(*, db: str | None = None, model: str | None = None) -> Settings:
    try:
        return Settings.load(db=db, spacy_model=model)
    except ParleyError as exc:
        fail(exc)


def fail(exc: BaseException, *, code: int = 2) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    err_console.print(f"[yellow]warning:[/] {message}", highlight=False, soft_wrap=True)


@contextmanager
def progress(*, quiet: bool) -> Iterator[Progress]:
    """A progress bar on stderr (disabled when quiet or not a terminal in CI logs)."""
    bar = Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err_console,
        disable=quiet or not sys.stderr.isatty(),
        transient=False,
    )
    with bar:
        yield bar
