"""Ingest: text, directories, JSONL, HTML, bad input (issue 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.config import Settings
from parley.errors import DecodeError, EmptyDocumentError, FormatError, InputError
from parley.ingest import iter_inputs, read_jsonl
from parley.models import RawDocument

SETTINGS = Settings()

ARTICLE_HTML = b"""<html><head><title>Talks offered | The Daily</title>
<meta name="author" content="Jane Doe"><meta property="og:site_name" content="The Daily">
<meta property="article:published_time" content="2025-11-17T08:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Talks offered</h1>
<p>KABUL: The government offered talks to the opposition on Monday, the ministry said in a
statement. The offer came after a week of clashes in the north of the country.</p>
<p>Officials said the talks could begin next week in the capital if both sides agreed.</p>
</article><footer>Copyright 2025 The Daily</footer></body></html>"""


def run(paths: list[str | Path]) -> list[RawDocument | InputError]:
    return list(iter_inputs(paths, settings=SETTINGS))


def test_text_file(tmp_path: Path) -> None:
    f = tmp_path / "story.txt"
    f.write_bytes(b"The minister met his counterpart.\n")
    (doc,) = run([f])
    assert isinstance(doc, RawDocument)
    assert doc.raw == f.read_bytes() and doc.text == "The minister met his counterpart.\n"
    assert doc.source == str(f) and doc.format == "text" and len(doc.content_hash) == 64


def test_same_file_twice_has_one_hash(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Same words.", encoding="utf-8")
    b.write_text("Same words.", encoding="utf-8")
    docs = run([a, b, a])
    assert len({d.content_hash for d in docs if isinstance(d, RawDocument)}) == 1


def test_directory_recurses_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.md").write_text("One story here.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Two stories here.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Not me.", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    docs = run([tmp_path])
    assert sorted(d.text for d in docs if isinstance(d, RawDocument)) == [
        "One story here.", "Two stories here."]
    assert not [d for d in docs if isinstance(d, InputError)]


def test_bad_files_give_errors_and_the_run_goes_on(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \n\n ")
    binary = tmp_path / "data.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\x81\x8d\x8f")
    good = tmp_path / "good.txt"
    good.write_text("Good text.", encoding="utf-8")
    out = run([tmp_path / "missing.txt", empty, blank, binary, bad, good])
    assert isinstance(out[0], InputError) and "[E020]" in str(out[0])
    assert "missing.txt" in str(out[0])
    assert isinstance(out[1], EmptyDocumentError) and "[E022]" in str(out[1])
    assert isinstance(out[2], EmptyDocumentError)
    assert isinstance(out[3], FormatError) and "[E025]" in str(out[3])
    assert isinstance(out[4], DecodeError) and "[E021]" in str(out[4]) and "bad.txt" in str(out[4])
    assert isinstance(out[5], RawDocument) and out[5].text == "Good text."


def test_windows_1252_and_utf16_are_decoded(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_bytes("caf\u00e9 \u201cquoted\u201d".encode("cp1252"))
    b = tmp_path / "b.txt"
    b.write_bytes("Zakharova said".encode("utf-16"))
    docs = run([a, b])
    assert [d.text for d in docs if isinstance(d, RawDocument)] == [
        "caf\u00e9 \u201cquoted\u201d", "Zakharova said"]


def test_file_over_max_bytes(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(b"word " * 300)
    out = list(iter_inputs([f], settings=Settings(max_bytes=1000)))
    assert len(out) == 1 and isinstance(out[0], InputError) and "[E026]" in str(out[0])


def test_jsonl(tmp_path: Path) -> None:
    f = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Talks began.", "date": "2025-11-17",
                    "url": "https://example.org/a1", "title": "T", "outlet": "O",
                    "category": "world"}),
        "",
        json.dumps({"id": "a2"}),
        "{broken",
        json.dumps({"id": "a3", "text": "   "}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "no id"}),
        json.dumps({"id": 4, "text": "Fine again.", "date": "yesterday-ish"}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = list(read_jsonl(f, settings=SETTINGS))
    first = out[0]
    assert isinstance(first, RawDocument)
    assert (first.external_id, first.source_line, first.title, first.outlet) == ("a1", 1, "T", "O")
    assert str(first.date) == "2025-11-17" and first.date_source == "metadata"
    assert first.extra == {"category": "world"} and first.raw == b"Talks began."
    errors = [e for e in out if isinstance(e, InputError)]
    assert [e.line for e in errors] == [3, 4, 5, 6, 7, 8]
    assert errors[0].field == "text" and "no 'text' field" in str(errors[0])
    assert "line 3" in str(errors[0]) and str(f) in str(errors[0])
    assert "[E027]" in str(errors[-1])
    last = out[-1]
    assert isinstance(last, RawDocument) and last.external_id == "4" and last.date is None


def test_html(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_bytes(ARTICLE_HTML)
    (doc,) = run([f])
    assert isinstance(doc, RawDocument)
    assert doc.format == "html" and doc.raw == ARTICLE_HTML
    assert "offered talks to the opposition" in doc.text
    assert "Home | World" not in doc.text and "Copyright" not in doc.text
    assert doc.title == "Talks offered" and doc.author == "Jane Doe"
    assert doc.outlet == "The Daily" and str(doc.date) == "2025-11-17"


def test_html_without_article(tmp_path: Path) -> None:
    f = tmp_path / "empty.html"
    f.write_bytes(b"<html><head><title>x</title></head><body><nav></nav></body></html>")
    (err,) = run([f])
    assert isinstance(err, InputError) and "[E103]" in str(err) and "empty.html" in str(err)


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    f = tmp_path / "story.dat"
    f.write_text("Plain words in a file.", encoding="utf-8")
    (doc,) = run([f])
    assert isinstance(doc, RawDocument) and doc.text == "Plain words in a file."


@pytest.mark.parametrize("name", ["x.txt", "x.html", "x.jsonl"])
def test_never_raises_on_garbage(tmp_path: Path, name: str) -> None:
    f = tmp_path / name
    f.write_bytes(bytes(range(256)) * 4)
    out = run([f])
    assert all(isinstance(o, (InputError, RawDocument)) for o in out)


def test_issue3_html_with_only_navigation_is_no_article(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from parley.config import Settings
    from parley.errors import InputError
    from parley.ingest import iter_inputs

    page = tmp_path / "nav.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (item,) = list(iter_inputs([page], settings=Settings()))
    assert isinstance(item, InputError)
    assert "[E103]" in str(item) and "nav.html" in str(item) and "1 word" in str(item)
