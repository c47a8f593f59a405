from __future__ import annotations

from spacy.language import Language

from parley.nlp import make_doc


def test_a_line_break_ends_a_sentence(nlp: Language) -> None:
    text = ("Egypt and Sudan sign water accord\nEgypt and Sudan signed an agreement on Monday. "
            "Ethiopia rejected it.\n\nThe African Union called for talks.")
    doc = nlp(make_doc(nlp, text, doc_id="t"))
    starts = [s.text.strip() for s in doc.sents]
    assert starts == [
        "Egypt and Sudan sign water accord",
        "Egypt and Sudan signed an agreement on Monday.",
        "Ethiopia rejected it.",
        "The African Union called for talks.",
    ]
    assert nlp.pipe_names.index("parley_paragraphs") < nlp.pipe_names.index("parser")


def test_headline_actors_are_not_repeated_on_one_event(nlp: Language) -> None:
    text = "Egypt and Sudan sign water accord\nEgypt and Sudan signed a water accord on Monday."
    doc = nlp(make_doc(nlp, text, doc_id="t"))
    for ev in doc._.parley_events:
        keys = [(r.entity_text, r.code, r.sector) for r in ev.actor]
        assert len(keys) == len(set(keys)), keys
    signed = [e for e in doc._.parley_events if e.cameo == "057"]
    assert signed and {r.code for r in signed[-1].actor} == {"EGY", "SDN"}
