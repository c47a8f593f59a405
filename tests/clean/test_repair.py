"""Repair cases one by one (issue 3)."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.clean import repair
from parley.clean.sources import extract_urls


def clean(text: str) -> str:
    return repair(text).text


@pytest.mark.parametrize(("raw", "expected"), [
    ("The group said on Mondaythat itwould attack.",
     "The group said on Monday that it would attack."),
    ("talkswith MariaZakharova and SaudiArabia", "talks with Maria Zakharova and Saudi Arabia"),
    ("a move thatunderscores the bothPakistan", "a move that underscores the both Pakistan"),
    ("the region.The talks", "the region. The talks"),
    ("tensions rose,with accusations", "tensions rose, with accusations"),
    ("Asuccessful deal", "A successful deal"),
])
def test_glued_words_are_split(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize("text", [
    "The U.S. economy grew 3.5 pct in 2021, the figures from www.bea.gov/news showed.",
    "Apple's iPhone, McDonald's, YouTube, PlayStation, JavaScript, eBay and LinkedIn.",
    "Oil majors ChevronTexaco and ExxonMobil met GlobeScan and ThinkVantage staff.",
    "The Tehrik-i-Taliban Pakistan attacked posts near Islamabad and Istanbul.",
    "Mr. Smith met Dr. Jones at 5 p.m. on Jan. 3. They discussed the deal.",
    "Mail press@un.org or see https://news.un.org/en/story/2025/11/1.html today.",
    "The rate was 1,000.50 dollars; e.g. the fee.",
])
def test_no_false_splits(text: str) -> None:
    assert clean(text) == text


def test_hyphenation_and_wraps() -> None:
    raw = "The media-\ntion effort was a long-\nterm project that the govern-\nment backed."
    assert clean(raw) == "The mediation effort was a long-term project that the government backed."


def test_mojibake_entities_controls_quotes() -> None:
    result = repair("It\u00e2\u20ac\u2122s a \u00e2\u20ac\u0153test\u00e2\u20ac\x9d.\r\n"
                    "&lt;AMERICAN EXPRESS&gt; said\u00a0so.\n Reuter\n&#3;")
    assert result.text == "It's a \"test\".\n<AMERICAN EXPRESS> said so."
    assert result.changes["mojibake"] == 1 and result.changes["entities"] == 3
    assert [r.reason for r in result.removed] == ["boilerplate:signoff"]


def test_boilerplate_lines_removed_and_kept() -> None:
    raw = ("By Jane Doe\nThe talks began on Monday.\nRead more: Talks stall\nShare this article\n"
           "Facebook Twitter WhatsApp\nAdvertisement\nThe offer stands, the ministry said.\n"
           "Reporting by Jane Doe; Editing by Bob Roe")
    result = repair(raw)
    assert result.text == "The talks began on Monday.\nThe offer stands, the ministry said."
    reasons = [r.reason for r in result.removed]
    assert reasons == ["boilerplate:byline", "boilerplate:read-more", "boilerplate:share",
                       "boilerplate:share", "boilerplate:advert", "boilerplate:byline"]
    for r in result.removed:
        assert raw[r.raw_start:r.raw_end] == r.text


@pytest.mark.parametrize("line", [
    "By the end of the year, prices had risen.",
    "Read the statement, the minister told reporters.",
    "Comments by the minister angered Kabul.",
    "Share prices fell 3 percent on Monday.",
])
def test_content_lines_that_look_like_boilerplate_stay(line: str) -> None:
    assert clean(line) == line


@pytest.mark.parametrize(("raw", "place", "date", "rest"), [
    ("WASHINGTON (Reuters) - The United States said it would send aid.", "Washington", None,
     "The United States"),
    ("LONDON, Nov 17 (Reuters) - Britain said it would send aid.", "London", None, "Britain"),
    ("KABUL, Afghanistan — Officials said the offer stands.", "Kabul", None, "Officials"),
    ("Washington, March 3, 2024 -- The talks resumed.", "Washington", dt.date(2024, 3, 3), "The"),
    ("NEW YORK: Stocks fell.", "New York", None, "Stocks"),
])
def test_datelines(raw: str, place: str, date: dt.date | None, rest: str) -> None:
    result = repair(raw)
    assert result.dateline is not None
    assert (result.dateline.place, result.dateline.date) == (place, date)
    assert result.text.startswith(rest)
    assert result.removed[0].reason == "dateline"


@pytest.mark.parametrize("text", [
    "Moscow-based analysts said talks failed.",
    "BREAKING: Talks collapse in Istanbul.",
    "He said: talks failed.",
    "LEAD - 1550 tonnes mainly carries cash.",
    "YEAR - period ended October 31, 1986.",
    "PARANA STATE: UMUARAMA NIL, PARANAVAI 1.5 MILLIMETRES.",
])
def test_not_datelines(text: str) -> None:
    result = repair(text)
    assert result.dateline is None and result.text == text


def test_source_lines() -> None:
    raw = "Talks failed.\nSource: Reuters\nhttps://example.org/story?id=3\nVia: bbc.co.uk/news/1"
    result = repair(raw)
    assert result.text == "Talks failed."
    assert result.cited_sources == ["https://example.org/story?id=3", "https://bbc.co.uk/news/1"]
    assert [r.reason for r in result.removed] == ["source-line"] * 3


def test_extract_urls_from_debris() -> None:
    assert extract_urls('www.A.com/x″>https://www.a.com/x”>Source:b.org/y/') == [
        "https://www.a.com/x", "https://b.org/y/"]


def test_empty_and_whitespace() -> None:
    assert repair("").text == ""
    assert repair(" \n\t ").text == ""
    assert repair("Comments\nPost a Comment").text == ""


def test_paragraphs_of_unwrapped_text_are_kept() -> None:
    raw = "Talks open\n\nThe first paragraph ends here.\nThe second one starts.\n\n\n\nThird."
    assert clean(raw) == ("Talks open\n\nThe first paragraph ends here.\nThe second one starts."
                          "\n\nThird.")
