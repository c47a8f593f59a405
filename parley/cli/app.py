"""The typer application and the entry point; command modules register onto ``app``."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="parley",
    help="Turn news into event data: who did what to whom, when and where, with provenance.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: Command modules, imported for their side effect of registering commands on ``app``.
COMMAND_MODULES = ("parley.cli.process", "parley.cli.query", "parley.cli.eval")


def _register() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name)


def main() -> None:
    _register()
    app()
