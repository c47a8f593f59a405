"""Run the coder over gold items and score the result."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from spacy.language import Language

from ..models import Event
from ..nlp import make_doc
from .gold import GoldItem, GoldSet, read_gold
from .scoring import EvalResult, score

ProgressCallback = Callable[[int], None]


def predict(
    items: Sequence[GoldItem],
    nlp: Language,
    *,
    batch_size: int = 64,
    on_progress: ProgressCallback | None = None,
) -> list[list[Event]]:
    """Code every item's text with ``nlp`` (``nlp.pipe`` in batches); the events per item.

    ``on_progress(n)`` is called after every ``n`` items coded.
    """
    docs = (
        make_doc(nlp, item.text, doc_id=f"{item.source}:{item.ref}", date=item.date)
        for item in items
    )
    out: list[list[Event]] = []
    pending = 0
    for doc in nlp.pipe(docs, batch_size=batch_size):
        events = doc._.parley_events
        out.append(list(events) if events else [])
        pending += 1
        if on_progress is not None and pending >= batch_size:
            on_progress(pending)
            pending = 0
    if on_progress is not None and pending:
        on_progress(pending)
    return out


def evaluate(
    gold_sets: Sequence[GoldSet],
    nlp: Language,
    *,
    batch_size: int = 64,
    on_progress: ProgressCallback | None = None,
) -> EvalResult:
    """Code the items of ``gold_sets`` and score them (pooled and per file)."""
    items = [item for gs in gold_sets for item in gs.items]
    predictions = predict(items, nlp, batch_size=batch_size, on_progress=on_progress)
    result = score(items, predictions)
    for gs in gold_sets:
        info = result.files.setdefault(gs.name, {})
        info.update({"path": str(gs.path), "format": gs.fmt, "sha256": gs.sha256,
                     "items": len(gs.items)})  # fmt: skip
    return result


def evaluate_files(
    paths: Sequence[str | Path],
    nlp: Language,
    *,
    batch_size: int = 64,
    on_progress: ProgressCallback | None = None,
) -> EvalResult:
    """Read the gold files at ``paths`` (formats sniffed) and evaluate ``nlp`` on them."""
    return evaluate([read_gold(p) for p in paths], nlp, batch_size=batch_size,
                    on_progress=on_progress)  # fmt: skip


__all__ = ["ProgressCallback", "evaluate", "evaluate_files", "predict"]
