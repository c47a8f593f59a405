"""A text buffer that remembers, for every character, where it came from in the raw text.

Each repair pass collects :class:`Edit` s against the current text and applies them in one go;
the buffer keeps an ``array('q')`` of raw positions (``-1`` for inserted characters) in step
with the text, so any number of passes compose into one exact :class:`~parley.models.OffsetMap`.
"""

from __future__ import annotations

from array import array
from typing import NamedTuple

import numpy as np

from ..models import OffsetMap

#: replacement characters copy the raw positions of the replaced ones (same length)
SAME = 0
#: replacement characters are new: they map to no raw character
INSERT = 1
#: every replacement character maps to the first raw character of the replaced run
ANCHOR = 2


class Edit(NamedTuple):
    start: int
    end: int
    text: str
    kind: int = INSERT


class Buffer:
    __slots__ = ("idx", "raw_length", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.raw_length = len(text)
        self.idx = array("q", np.arange(len(text), dtype=np.int64).tobytes())

    def raw_pos(self, i: int) -> int:
        return self.idx[i]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw span covering the current-text span ``start:end`` (inserted chars ignored)."""
        positions = [p for p in self.idx[start:end] if p >= 0]
        if not positions:
            p = self.idx[start] if start < len(self.idx) else self.raw_length
            return max(p, 0), max(p, 0)
        return min(positions), max(positions) + 1

    def apply(self, edits: list[Edit]) -> None:
        """Apply sorted, non-overlapping edits."""
        if not edits:
            return
        text, idx = self.text, self.idx
        parts: list[str] = []
        new_idx = array("q")
        pos = 0
        for start, end, repl, kind in edits:
            if start < pos:
                continue  # overlapping edit: the first one wins
            parts.append(text[pos:start])
            new_idx.extend(idx[pos:start])
            if repl:
                parts.append(repl)
                if kind == SAME and end - start == len(repl):
                    new_idx.extend(idx[start:end])
                elif kind == ANCHOR and end > start:
                    anchor = next((p for p in idx[start:end] if p >= 0), -1)
                    new_idx.extend(array("q", [anchor]) * len(repl))
                else:
                    new_idx.extend(array("q", [-1]) * len(repl))
            pos = end
        parts.append(text[pos:])
        new_idx.extend(idx[pos:])
        self.text = "".join(parts)
        self.idx = new_idx

    def offset_map(self) -> OffsetMap:
        n = len(self.text)
        if n == 0:
            return OffsetMap(segments=[], clean_length=0, raw_length=self.raw_length)
        a = np.frombuffer(self.idx, dtype=np.int64)
        valid = a >= 0
        brk = np.ones(n, dtype=bool)
        brk[1:] = (a[1:] != a[:-1] + 1) | ~valid[:-1]
        starts = np.flatnonzero(brk & valid)
        stops = np.flatnonzero(brk | ~valid)
        stops = np.append(stops, n)
        ends = stops[np.searchsorted(stops, starts, side="right")]
        segments = [
            (int(c), int(r), int(length))
            for c, r, length in zip(starts.tolist(), a[starts].tolist(),
                                    (ends - starts).tolist(), strict=True)
        ]
        return OffsetMap(segments=segments, clean_length=n, raw_length=self.raw_length)


__all__ = ["ANCHOR", "INSERT", "SAME", "Buffer", "Edit"]
