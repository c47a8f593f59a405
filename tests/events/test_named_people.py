"""A person known only by name gets a country from the context, but that alone does not
make a sentence an event or raise an event's confidence."""

from __future__ import annotations

from spacy.language import Language

from parley.nlp import make_doc

_TEXT = ("The British government set out new plans on Monday. Michael Hartley said Britain "
         "would talk to France. Labour said the government had failed the country.")


def test_statements_need_a_speaker_with_a_role(nlp: Language) -> None:
    doc = nlp(make_doc(nlp, _TEXT, doc_id="t"))
    events = doc._.parley_events
    # "Michael Hartley said ...": the embedded event is coded, not a statement by him
    assert [(e.cameo, [a.code for a in e.actor]) for e in events if e.cameo == "036"] == [
        ("036", ["GBR"])]
    assert not any(a.entity_text == "Michael Hartley" for e in events for a in e.actor)
    # a party with the context country is a political speaker
    (st,) = [e for e in events if e.cameo == "010"]
    assert [(a.entity_text, a.code, a.sector) for a in st.actor] == [("Labour", "GBR", "PTY")]
