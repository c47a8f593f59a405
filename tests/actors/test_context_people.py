"""Named people, their later mentions and party names take the country of the context."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from parley.models import ActorMention

Annotate = Callable[..., Doc]

_TEXT = ("The British government set out new plans on Monday. Michael Hartley criticised the "
         "plans in London. Mr Hartley said he would vote against them. The Liberal Democrats "
         "and the Tories criticised them too, and Labour defended them. Child labour is rare. "
         "Tory leader Michael Howard spoke.")


def _one(doc: Doc, text: str) -> ActorMention:
    found = [m for m in doc._.parley_mentions if m.text == text]
    assert len(found) == 1, f"{text!r} in {[m.text for m in doc._.parley_mentions]}"
    return found[0]


def _cs(m: ActorMention) -> tuple[str | None, str | None]:
    assert m.actor is not None, m
    return m.actor.code, m.actor.sector


def test_a_named_person_takes_the_document_country(annotate: Annotate) -> None:
    doc = annotate(_TEXT)
    m = _one(doc, "Michael Hartley")
    assert _cs(m) == ("GBR", None)
    assert m.rule == "context:document"
    assert m.actor is not None and m.actor.person == "Michael Hartley"


def test_later_mentions_follow_the_person_once_it_has_a_country(annotate: Annotate) -> None:
    doc = annotate(_TEXT)
    later = _one(doc, "Mr Hartley")
    assert _cs(later) == ("GBR", None) and later.antecedent == "Michael Hartley"
    he = _one(doc, "he")
    assert _cs(he) == ("GBR", None)
    assert he.rule is not None and "coref:pronoun" in he.rule


def test_party_names_are_parties_of_the_context_country(annotate: Annotate) -> None:
    doc = annotate(_TEXT)
    for name in ("Liberal Democrats", "Tories", "Labour"):
        assert _cs(_one(doc, name)) == ("GBR", "PTY"), name
    assert _cs(_one(doc, "Tory leader Michael Howard")) == ("GBR", "PTY")
    # lower case "labour" is work, not the party
    assert not any(m.text.lower() == "labour" and m.actor is not None and
                   m.actor.sector == "PTY" for m in doc._.parley_mentions if m.text != "Labour")


def test_a_single_unknown_name_stays_uncoded(annotate: Annotate) -> None:
    doc = annotate("Britain said talks would go ahead. SLM rejected the offer.")
    assert all(m.actor is None or m.actor.code is None
               for m in doc._.parley_mentions if m.text == "SLM")


def test_pronouns_point_back_to_an_office_holder(annotate: Annotate) -> None:
    doc = annotate("Britain said talks would go ahead. The home secretary said he would not "
                   "launch an inquiry. The prime minister said she was happy.")
    he = _one(doc, "he")
    assert _cs(he) == ("GBR", "GOV") and he.antecedent == "home secretary"
    she = _one(doc, "she")
    assert _cs(she) == ("GBR", "GOV") and she.antecedent == "prime minister"


def test_titled_people_and_civil_bodies(annotate: Annotate) -> None:
    doc = annotate("Britain said talks would go ahead. The Refugee Council criticised the plans. "
                   "Ecologists warned MSPs. The city council met. The Cardinal spoke to voters. "
                   "Mr Clarke and Lord Falconer disagreed.")
    assert _cs(_one(doc, "Refugee Council")) == ("NGO", "NGO")
    assert _cs(_one(doc, "city council")) == ("GBR", "GOV")
    assert _cs(_one(doc, "Ecologists")) == ("GBR", "ENV")
    assert _cs(_one(doc, "MSPs")) == ("GBR", "LEG")
    assert _cs(_one(doc, "Cardinal")) == ("GBR", "REL")
    assert _cs(_one(doc, "voters")) == ("GBR", "CVL")
    assert _cs(_one(doc, "Mr Clarke")) == ("GBR", None)
    assert _cs(_one(doc, "Lord Falconer")) == ("GBR", None)


def test_first_person_in_a_quotation_is_the_speaker(annotate: Annotate) -> None:
    doc = annotate('Britain said talks would go ahead. Labour told the BBC: "We are ready and '
                   'I am proud." We agree, said nobody.')
    quoted = [m for m in doc._.parley_mentions if m.text in ("We", "I")]
    assert [(m.text, _cs(m), m.antecedent) for m in quoted] == [
        ("We", ("GBR", "PTY"), "Labour"), ("I", ("GBR", "PTY"), "Labour")]


def test_a_later_title_and_surname_follow_the_office_holder(annotate: Annotate) -> None:
    doc = annotate("Britain said so. Home Secretary Charles Clarke spoke. Mr Clarke has rejected "
                   "that idea. The G8 met.")
    m = _one(doc, "Mr Clarke")
    assert _cs(m) == ("GBR", "GOV") and m.antecedent == "Home Secretary Charles Clarke"
    assert _cs(_one(doc, "G8")) == ("IGO", "IGO")


def test_a_titled_person_takes_the_document_country_not_the_sentence_one(
        annotate: Annotate) -> None:
    doc = annotate("Britain and the UK parliament debated. Money spent on the war in Iraq should "
                   "have gone to the poor, Cardinal John Smith said.")
    m = _one(doc, "Cardinal John Smith")
    assert _cs(m) == ("GBR", "REL") and m.rule == "agent:cardinal+context:document"
