"""The CLI reference of ``docs/cli.md``, generated from the commands themselves."""

from __future__ import annotations

from typing import Any

import typer.main

from .app import _register, app


def cli_reference_markdown() -> str:
    """Markdown for every command: its help, arguments and options with defaults."""
    _register()
    group: Any = typer.main.get_command(app)
    ctx = group.context_class(group, info_name="parley")
    lines: list[str] = []
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if cmd is None or cmd.hidden:
            continue
        lines.append(f"## `parley {name}`\n")
        lines.append((cmd.help or "").strip() + "\n")
        args = [
            (p.name or "").upper() + ("..." if p.nargs == -1 else "")
            for p in cmd.params
            if p.param_type_name == "argument"
        ]
        usage = " ".join(["[OPTIONS]", *args])
        lines.append(f"```\nparley {name} {usage}\n```\n")
        rows = []
        for param in cmd.params:
            if getattr(param, "hidden", False):
                continue
            if param.param_type_name == "argument":
                label = f"`{(param.name or '').upper()}`"
                rows.append((label, getattr(param, "help", "") or "", ""))
            else:
                if "--help" in param.opts:
                    continue
                names = ", ".join(f"`{o}`" for o in param.opts + param.secondary_opts)
                default = ""
                if param.default not in (None, False, "", ()) and not callable(param.default):
                    default = f"`{param.default}`"
                rows.append((names, param.help or "", default))
        if rows:
            lines.append("| argument / option | what it does | default |")
            lines.append("|---|---|---|")
            for a, b, c in rows:
                lines.append(f"| {a} | {b.replace('|', '/')} | {c} |")
            lines.append("")
    return "\n".join(lines)
