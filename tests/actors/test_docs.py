"""docs/actors.md: the example runs and prints what the page says; the API is pinned."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import parley.actors

DOC = Path(__file__).resolve().parents[2] / "docs" / "actors.md"


def test_docs_example_prints_what_the_page_shows() -> None:
    text = DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```(\w*)\n(.*?)```", text, flags=re.S)
    code = next(body for lang, body in blocks if lang == "python")
    expected = next(body for lang, body in blocks if lang == "" and "entry:person" in body)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, str(DOC), "exec"), {})
    assert out.getvalue() == expected


def test_public_api_is_pinned() -> None:
    assert sorted(parley.actors.__all__) == [
        "ActorResolver", "KnowledgeBase", "load_knowledge_base", "mentions_for_tokens",
        "resolve_text", "split_cameo",
    ]
