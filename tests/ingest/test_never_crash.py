"""Bad input never crashes ingest or prepare: it becomes an InputError or a not-coded document."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.clean import prepare
from parley.config import Settings
from parley.errors import InputError
from parley.ingest import from_bytes, iter_inputs
from parley.models import DocStatus, RawDocument

SETTINGS = Settings()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), fmt=st.sampled_from(["text", "html", "jsonl", "feed"]))
def test_random_bytes(data: bytes, fmt: str) -> None:
    for item in from_bytes(data, fmt=fmt, source=f"fuzz.{fmt}"):
        assert isinstance(item, (RawDocument, InputError))
        if isinstance(item, RawDocument):
            doc = prepare(item, settings=SETTINGS)
            assert doc.status in (DocStatus.pending, DocStatus.not_coded)
            if doc.status == DocStatus.not_coded:
                assert doc.status_reason


def test_prepare_marks_noise_not_coded() -> None:
    raw = RawDocument(raw=b"x", text="12 34 56 -- !!", content_hash="0" * 64, source="n.txt")
    doc = prepare(raw, settings=SETTINGS)
    assert doc.status == DocStatus.not_coded and doc.status_reason


def test_mixed_directory(tmp_path: Path) -> None:
    (tmp_path / "a.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: resp")
    (tmp_path / "b.rss").write_bytes(b"<rss><channel><item>")
    (tmp_path / "c.html").write_bytes(b"<html>" + b"<div>" * 5000)
    (tmp_path / "d.jsonl").write_bytes(b'{"id": 1, "text": "ok text here"}\n\xff\xfe\n')
    (tmp_path / "e.txt").write_text("A fine story about talks.", encoding="utf-8")
    out = list(iter_inputs([tmp_path], settings=SETTINGS))
    docs = [o for o in out if isinstance(o, RawDocument)]
    errors = [o for o in out if isinstance(o, InputError)]
    assert sorted(d.text for d in docs) == ["A fine story about talks.", "ok text here"]
    assert {Path(e.path or "").name for e in errors} >= {"a.warc", "b.rss", "c.html", "d.jsonl"}
