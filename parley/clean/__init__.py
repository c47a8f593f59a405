"""parley.clean: text repair with an offset map back to the raw text, and ``prepare``.

``repair(text) -> RepairResult`` turns scraped text into clean text (glued words split, hard
wraps joined, boilerplate, datelines and source lines taken out and kept); ``prepare(raw, *,
settings) -> Document`` adds the dateline's date and place, the language and the status.
"""

from __future__ import annotations

from .dates import parse_date, resolve_relative_date
from .prepare import document_id, prepare
from .repair import repair

__all__ = ["document_id", "parse_date", "prepare", "repair", "resolve_relative_date"]
