"""Feeds, WARC archives and URLs through an injected transport (issue 3)."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from parley.config import Settings
from parley.errors import FormatError, InputError
from parley.ingest import FetchFailed, Response, iter_inputs
from parley.models import RawDocument

SETTINGS = Settings()

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>World News</title><link>https://news.example.org/</link>
<item><title>Talks offered</title><link>https://news.example.org/a/1</link>
<guid>https://news.example.org/a/1</guid><pubDate>Mon, 17 Nov 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;KABUL: The government offered talks to the opposition.&lt;/p&gt;
&lt;p&gt;The offer came after clashes.&lt;/p&gt;</description></item>
<item><title>Empty item</title><link>https://news.example.org/a/2</link><description></description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Troops withdraw</title><link href="https://wire.example.com/e/9"/>
<id>urn:wire:9</id><updated>2025-11-18T10:00:00Z</updated>
<content type="html">&lt;p&gt;Troops withdrew from the border town on Tuesday.&lt;/p&gt;</content>
</entry></feed>"""

ARTICLE = b"""<html><head><title>Talks offered</title>
<meta property="article:published_time" content="2025-11-17"></head><body><article>
<h1>Talks offered</h1><p>KABUL: The government offered talks to the opposition on Monday, the
ministry said in a statement issued in the capital after a week of clashes.</p>
<p>Officials said the talks could begin next week if both sides agreed to the terms.</p>
</article></body></html>"""


def docs(out: list[RawDocument | InputError]) -> list[RawDocument]:
    return [d for d in out if isinstance(d, RawDocument)]


def test_rss_file(tmp_path: Path) -> None:
    f = tmp_path / "world.rss"
    f.write_bytes(RSS)
    out = list(iter_inputs([f], settings=SETTINGS))
    (doc,) = docs(out)
    assert doc.format == "feed" and doc.url == "https://news.example.org/a/1"
    assert doc.text == "KABUL: The government offered talks to the opposition.\n" \
                       "The offer came after clashes."
    assert str(doc.date) == "2025-11-17" and doc.date_source == "feed"
    assert doc.outlet == "World News" and doc.title == "Talks offered"
    errors = [e for e in out if isinstance(e, InputError)]
    assert len(errors) == 1 and "item 2" in str(errors[0])


def test_atom_file(tmp_path: Path) -> None:
    f = tmp_path / "wire.atom"
    f.write_bytes(ATOM)
    (doc,) = docs(list(iter_inputs([f], settings=SETTINGS)))
    assert doc.text == "Troops withdrew from the border town on Tuesday."
    assert str(doc.date) == "2025-11-18" and doc.url == "https://wire.example.com/e/9"


def test_not_a_feed(tmp_path: Path) -> None:
    f = tmp_path / "broken.xml"
    f.write_bytes(b"<notes><note>hello</note></notes>")
    (err,) = list(iter_inputs([f], settings=SETTINGS))
    assert isinstance(err, FormatError) and "[E104]" in str(err)


def _warc(records: list[tuple[str, bytes, str]], *, gzip: bool) -> bytes:
    return _warc_with_ends(records, gzip=gzip)[0]


def _warc_with_ends(records: list[tuple[str, bytes, str]], *,
                    gzip: bool) -> tuple[bytes, list[int]]:
    """The archive and the byte offset where each record ends."""
    buf = io.BytesIO()
    ends: list[int] = []
    writer = WARCWriter(buf, gzip=gzip)
    for url, body, ctype in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                           http_headers=headers)
        writer.write_record(record)
        record.raw_stream.close()  # warcio spools the payload to a temporary file
        ends.append(buf.tell())
    return buf.getvalue(), ends


def test_warc(tmp_path: Path) -> None:
    f = tmp_path / "crawl.warc.gz"
    f.write_bytes(_warc([
        ("https://news.example.org/a/1", ARTICLE, "text/html; charset=utf-8"),
        ("https://news.example.org/logo.png", b"\x89PNG....", "image/png"),
        ("https://news.example.org/empty", b"<html><body></body></html>", "text/html"),
    ], gzip=True))
    out = list(iter_inputs([f], settings=SETTINGS))
    (doc,) = docs(out)
    assert doc.format == "warc" and doc.url == "https://news.example.org/a/1"
    assert "offered talks to the opposition" in doc.text and str(doc.date) == "2025-11-17"
    assert doc.raw == ARTICLE
    assert [type(e).__name__ for e in out if isinstance(e, InputError)] == ["InputError"]


def test_truncated_warc(tmp_path: Path) -> None:
    data, ends = _warc_with_ends([("https://news.example.org/a/1", ARTICLE, "text/html")] * 3,
                                 gzip=True)
    f = tmp_path / "cut.warc.gz"
    f.write_bytes(data)
    assert len(docs(list(iter_inputs([f], settings=SETTINGS)))) == 3
    # A cut exactly where a record ends leaves a shorter but valid archive, not a truncated one
    # (record ids are random, so where the records end moves from run to run).
    for cut in ends[:-1]:
        f.write_bytes(data[:cut])
        out = list(iter_inputs([f], settings=SETTINGS))
        assert len(docs(out)) == len(out) == ends.index(cut) + 1
    for cut in range(40, len(data) - 10, 23):
        if cut in ends:
            continue
        f.write_bytes(data[:cut])
        out = list(iter_inputs([f], settings=SETTINGS))
        assert len(docs(out)) <= 2
        assert isinstance(out[-1], FormatError) and "[E102]" in str(out[-1]), cut
        assert all(isinstance(o, RawDocument) for o in out[:-1])


def test_url_through_transport() -> None:
    calls: list[str] = []

    def transport(url: str) -> Response:
        calls.append(url)
        if url.endswith("feed"):
            return Response(url=url, body=RSS, headers={"Content-Type": "application/rss+xml"})
        if url.endswith("gone"):
            return Response(url=url, body=b"", status=404)
        if url.endswith("down"):
            raise FetchFailed("connection refused")
        return Response(url=url, body=ARTICLE, headers={"Content-Type": "text/html"})

    out = list(iter_inputs(["https://x.example/story", "https://x.example/feed",
                            "https://x.example/gone", "https://x.example/down"],
                           settings=SETTINGS, transport=transport))
    assert calls == ["https://x.example/story", "https://x.example/feed",
                     "https://x.example/gone", "https://x.example/down"]
    found = docs(out)
    assert found[0].source == "https://x.example/story" and found[0].format == "html"
    assert found[1].format == "feed" and found[1].url == "https://news.example.org/a/1"
    codes = [str(e)[:6] for e in out if isinstance(e, InputError)]
    assert codes == ["[E022]", "[E101]", "[E100]"]


def test_transport_object_with_fetch() -> None:
    class Canned:
        def fetch(self, url: str) -> Response:
            return Response(url=url, body=b"Plain words about talks.",
                            headers={"Content-Type": "text/plain"})

    (doc,) = list(iter_inputs(["http://x.example/t.txt"], settings=SETTINGS, transport=Canned()))
    assert isinstance(doc, RawDocument) and doc.text == "Plain words about talks."
