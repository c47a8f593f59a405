"""Glue found from the layout of hard-wrapped text, and the document-level glue rules."""

from __future__ import annotations

import pytest

from parley.clean import repair
from parley.clean._words import site_cut, wrap_glue, zipf_table

TEXT = ("The board of Zorvex Holdings met on Monday to weigh an offer from its largest rival, "
        "and the directors said that Zorvex claims the bid undervalues the group by a wide "
        "margin. Analysts expect the talks to drag on for several weeks because the two "
        "companies disagree about the price, the timing and the future of the factories in the "
        "north. Workers at the plants have asked for guarantees that no jobs will be cut before "
        "the end of next year, and the unions plan to meet the management again on Friday.")


def wrap(text: str, width: int, lose: frozenset[int] = frozenset()) -> str:
    """Greedy hard wrap at ``width``; the wrap points numbered in ``lose`` lose their break."""
    out: list[str] = []
    col = n = 0
    for i, word in enumerate(text.split()):
        if i == 0:
            out.append(word)
            col = len(word)
        elif col + 1 + len(word) > width:
            out.append(word if n in lose else "\n" + word)
            n += 1
            col = len(word)
        else:
            out.append(" " + word)
            col += 1 + len(word)
    return "".join(out)


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lost", [0, 1, 2, 3, 4, 5, 7, 8, 9, 10])
def test_a_lost_wrap_break_is_found_where_the_line_would_have_ended(lost: int) -> None:
    raw = wrap(TEXT, 44, frozenset({lost}))
    assert words(repair(raw).text) == TEXT


def test_two_lost_breaks_in_one_document() -> None:
    raw = wrap(TEXT, 44, frozenset({2, 8}))
    assert "Zorvex claimsthe" in raw and "forguarantees" in raw
    assert words(repair(raw).text) == TEXT


def test_an_unknown_name_glued_to_a_word_at_a_wrap_point_is_split() -> None:
    # "Zorvex" is unknown to wordfreq: only the layout says that "Zorvexclaims" is glue
    raw = wrap(TEXT.replace("that Zorvex claims", "that Zorvex Zorvex claims"), 44)
    lines = raw.split("\n")
    k = next(i for i, line in enumerate(lines) if line.endswith("Zorvex"))
    glued = "\n".join([*lines[:k], lines[k] + lines[k + 1], *lines[k + 2:]])
    assert "Zorvexclaims" in glued or "Zorvexthe" in glued
    assert words(repair(glued).text) == words(
        TEXT.replace("that Zorvex claims", "that Zorvex Zorvex claims"))


def test_glue_away_from_a_wrap_point_is_left_in_hard_wrapped_text() -> None:
    # the text is hard-wrapped and no line is over-long: there is no lost break, so a token
    # that merely looks glued ("Zorvexclaims", a brand "DataVault") is not split
    text = TEXT.replace("Zorvex claims", "Zorvexclaims").replace("the group", "DataVault")
    assert words(repair(wrap(text, 44)).text) == text


def test_layout_reading() -> None:
    wrapped, cuts = wrap_glue(wrap(TEXT, 44, frozenset({2})))
    raw = wrap(TEXT, 44, frozenset({2}))
    assert wrapped and [raw[c - 6:c + 3] for c in cuts] == ["claimsthe"]
    assert wrap_glue("one line only") == (False, [])


def test_ragged_wrapping_gives_no_layout_evidence() -> None:
    # lines broken well before the width (not greedy): an over-long line is no evidence
    lines = ["The board met on Monday to weigh an offer from its",
             "largest rival, and the directors said that the",
             "bid undervalues the group by a wide margin; the",
             "analysts expect the talks to drag on for weeks",
             "because the two companies disagree about the",
             "price, the timing and the future of the plants",
             "in the north, where Workersunions plan to meet the management again",
             "on Friday to discuss the plan for the coming year"]
    wrapped, cuts = wrap_glue("\n".join(lines))
    assert wrapped and cuts == []


@pytest.mark.parametrize(("token", "cut"), [
    ("theMitsubishi", 3),        # lower -> Upper
    ("Yukosclaims", 5),          # an unknown name, then a word
    ("DB'sshares", 4),           # a possessive glued to a word
    ("income...some", 9),        # an ellipsis
    ("374meuros", 4),            # a unit after a number
    ("MWilliams", 1),            # an initial
    ("ofex-King", 2),            # the first part of a compound
    ("turnaroundplan", 10),      # a known word, then a word
])
def test_site_cut_picks_the_likeliest_cut(token: str, cut: int) -> None:
    found = site_cut(token, len(token), zipf_table())
    assert found is not None and found[1] == cut


@pytest.mark.parametrize("token", [
    "&lt;Donohue",       # an SGML entity
    "law-abiding",       # a hyphenated word
    "without",           # a common word, however likely "with out"
    "Zakharova",         # names
    "Istanbul",
])
def test_site_cut_leaves_words(token: str) -> None:
    assert site_cut(token, len(token), zipf_table()) is None


@pytest.mark.parametrize(("raw", "expected"), [
    ("He left the IRA.It was late.", "He left the IRA. It was late."),
    ("Buy Halo 2.Simply choose a level.", "Buy Halo 2. Simply choose a level."),
    ("Mr.Smith met J.Smith.", "Mr.Smith met J.Smith."),
])
def test_lost_sentence_space_after_acronyms_and_numbers(raw: str, expected: str) -> None:
    assert repair(raw).text == expected


def test_unknown_capitalised_tokens_need_other_glue_in_the_document() -> None:
    # undamaged text: a company name that looks like "name + is" stays
    assert repair("Dimis Inc said it has agreed to buy the unit.").text == \
        "Dimis Inc said it has agreed to buy the unit."
    # the same token in a document that shows glue elsewhere is split
    assert repair("Yukoshad debts, the firm said.The talks failed.").text == \
        "Yukos had debts, the firm said. The talks failed."
