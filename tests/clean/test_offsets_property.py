"""Property: every clean character maps back to the raw character it came from."""

from __future__ import annotations

import html

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.clean import repair
from parley.clean.repair import QUOTES
from parley.models import RepairResult

WORDS = [
    "the", "minister", "said", "Russia", "Pakistan", "talks", "Zakharova", "Istanbul",
    "offered", "to", "mediate", "between", "and", "a", "region", "announcement", "on",
    "Tehrik-i-Taliban", "U.S.", "3.5", "percent", "www.dawn.com/news/1", "partners", "by",
    "“quoted”", "it’s", "Kabul", "government", "security", "forces", "attacked", "rebels",
]
BOILERPLATE = ["Comments", "Post a Comment", "Share this article", "Read more: x", "By Jane Doe",
               "Advertisement", "Subscribe to our newsletter"]


@st.composite
def damaged_text(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=80))
    out: list[str] = []
    col = 0
    width = draw(st.integers(min_value=20, max_value=90))
    for i, w in enumerate(words):
        glue = draw(st.integers(0, 9))
        if i == 0:
            sep = ""
        elif col + len(w) > width:
            sep = "\n" if glue > 2 else ""  # hard wrap, or a lost line break that glues
            col = 0
        elif glue == 0:
            sep = "."
        elif glue == 1:
            sep = draw(st.sampled_from(["  ", "\t", "\r\n", "\n\n", " &amp; ", "\x03", "\u00a0",
                                        "-\n", " \n", ", "]))
        else:
            sep = " "
        out.append(sep + w)
        col += len(sep) + len(w)
        if draw(st.integers(0, 30)) == 0:
            out.append("\n" + draw(st.sampled_from(BOILERPLATE)) + "\n")
            col = 0
    if draw(st.booleans()):
        out.insert(0, draw(st.sampled_from(["ISLAMABAD, 17 Nov 2025: ", "KABUL: ",
                                            "LONDON (Reuters) - "])))
    if draw(st.booleans()):
        out.append("Source: www.example.com/a″>https://www.example.com/a")
    return "".join(out)


def _compatible(raw: str, i: int, clean_char: str) -> bool:
    r = raw[i]
    if r == clean_char:
        return True
    if clean_char in (" ", "\n") and (r.isspace() or r == "\u00a0"):
        return True
    if r.translate(QUOTES) == clean_char:
        return True
    if r == "&":  # an entity decoded to one character
        end = raw.find(";", i)
        return end > i and html.unescape(raw[i:end + 1]) == clean_char
    return False


def check_offsets(raw: str, result: RepairResult) -> None:
    offsets = result.offsets
    assert offsets.clean_length == len(result.text)
    assert offsets.raw_length == len(raw)
    previous = -1
    for clean_start, raw_start, length in offsets.segments:
        assert length > 0 and raw_start + length <= len(raw)
        assert clean_start + length <= len(result.text)
        assert raw_start > previous  # raw order is kept: nothing is moved
        previous = raw_start + length - 1
    for i, ch in enumerate(result.text):
        pos = offsets.to_raw(i)
        assert 0 <= pos <= len(raw)
        if offsets.is_inserted(i):
            assert ch == " "
        else:
            assert _compatible(raw, pos, ch), (i, ch, raw[pos])
    for span in result.removed:
        assert raw[span.raw_start:span.raw_end] == span.text
    start, end = offsets.span_to_raw(0, len(result.text))
    assert 0 <= start <= end <= len(raw)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_text())
def test_clean_offsets_map_back_to_raw(raw: str) -> None:
    check_offsets(raw, repair(raw))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_repaired_without_error(raw: str) -> None:
    result = repair(raw)
    offsets = result.offsets
    assert offsets.clean_length == len(result.text)
    for i in range(len(result.text) + 1):
        assert 0 <= offsets.to_raw(i) <= len(raw)
    for span in result.removed:
        assert raw[span.raw_start:span.raw_end] == span.text


def test_content_words_survive(raw: str = "The minister said the talks had failed.") -> None:
    assert repair(raw).text == raw
