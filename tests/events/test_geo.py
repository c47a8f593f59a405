"""Offline geocoding and event location."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from parley.events.geo import PLACES_FILE, geocode, locate_event, name_key


def _doc(nlp: Language, text: str) -> Doc:
    return nlp(text, disable=["parley_actors", "parley_events"])


def test_istanbul() -> None:
    loc = geocode("Istanbul")
    assert loc is not None
    assert loc.country == "TUR" and loc.precision == "city"
    assert loc.lat == pytest.approx(41.0, abs=0.1) and loc.lon == pytest.approx(28.9, abs=0.2)
    assert loc.geonameid is not None and loc.source == f"geonames:{loc.geonameid}"


def test_torkham_is_on_the_afghanistan_pakistan_border() -> None:
    loc = geocode("Torkham")
    assert loc is not None
    assert loc.country in {"AFG", "PAK"}
    assert loc.lat == pytest.approx(34.12, abs=0.05) and loc.lon == pytest.approx(71.09, abs=0.05)
    assert loc.source is not None and loc.source.startswith("parley:places.tsv")
    assert geocode("Torkham border crossing") == loc


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Spin Boldak", "AFG", 31.0, 66.4),
        ("Chaman", "PAK", 30.9, 66.45),
        ("Kurram", "PAK", 33.7, 70.3),
        ("Bajaur", "PAK", 34.8, 71.5),
        ("the Durand Line", None, 32.3, 69.4),
    ],
)
def test_project_additions(name: str, country: str | None, lat: float, lon: float) -> None:
    loc = geocode(name)
    assert loc is not None and loc.country == country
    assert loc.lat == pytest.approx(lat, abs=0.3) and loc.lon == pytest.approx(lon, abs=0.3)


def test_exact_names_not_substrings() -> None:
    cairo = geocode("Cairo")
    assert cairo is not None and cairo.country == "EGY" and cairo.name == "Cairo"
    assert geocode("Cairo Monte") is None
    assert geocode("airo") is None
    assert geocode("Xyzzyville") is None
    assert geocode("") is None


def test_alternate_names_accents_and_case() -> None:
    kyiv = geocode("Kiev")
    assert kyiv is not None and kyiv.country == "UKR" and kyiv.name == "Kyiv"
    gorazde = geocode("GORAZDE")
    assert gorazde is not None and gorazde.country == "BIH"
    assert name_key("  The  Gaza Strip ") == "gaza strip"


def test_countries_and_hints() -> None:
    turkey = geocode("Turkey")
    assert turkey is not None and turkey.precision == "country" and turkey.country == "TUR"
    assert turkey.lat == pytest.approx(39.0, abs=1.5)
    us = geocode("U.S.")
    assert us is not None and us.country == "USA"
    rafah_egypt = geocode("Rafah", country_hint="EGY")
    rafah_gaza = geocode("Rafah")
    assert rafah_egypt is not None and rafah_egypt.country == "EGY"
    assert rafah_gaza is not None and rafah_gaza.country == "PSE"
    assert geocode("Rafah", country_hint="EG") == rafah_egypt  # ISO2 hints work too


def test_places_file_has_the_required_entries() -> None:
    text = PLACES_FILE.read_text(encoding="utf-8")
    for name in ("Torkham", "Spin Boldak", "Chaman", "Kurram", "Bajaur", "Durand Line"):
        assert f"\n{name}\t" in text


def test_locate_event_prefers_the_trigger_s_place(nlp: Language) -> None:
    doc = _doc(nlp, "Iranian and US officials held talks in Istanbul on Monday.")
    loc = locate_event(next(doc.sents), trigger=doc[4])
    assert loc is not None and loc.name == "Istanbul"


def test_locate_event_skips_actors_used_as_metonyms(nlp: Language) -> None:
    doc = _doc(nlp, "Russia imposed sanctions on Iran.")
    assert locate_event(next(doc.sents)) is None
    doc = _doc(nlp, "Moscow said its forces attacked positions near Bakhmut in eastern Ukraine.")
    loc = locate_event(next(doc.sents), trigger=doc[5])
    assert loc is not None and loc.name == "Bakhmut" and loc.country == "UKR"


def test_locate_event_border_crossing_and_exclude(nlp: Language) -> None:
    doc = _doc(nlp, "Pakistani troops clashed with Taliban fighters at the Torkham border "
                    "crossing.")  # fmt: skip
    loc = locate_event(next(doc.sents), trigger=doc[2])
    assert loc is not None and loc.name == "Torkham"
    doc = _doc(nlp, "Gunmen killed three people 20 km north of Kabul.")
    sent = next(doc.sents)
    kabul = next(e for e in doc.ents if e.text == "Kabul")
    assert locate_event(sent) is not None
    assert locate_event(sent, exclude=((kabul.start_char, kabul.end_char),)) is None
