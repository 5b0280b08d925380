"""Who acts, when the French parse hides it: a second past participle sharing its auxiliary with the
first ("a condamné X et démenti Y"), even when the parser hangs it on the first one's object or an
adverbial splits the auxiliary from its participle; a compound tense with avoir whose subject the
parser calls passive; the members listed after "dont"; a dateline is never a
source inferred from the article."""

from __future__ import annotations

import pytest

from _coder import analyze, coded
from eventwire.coding.context_source import ContextSources
from eventwire.coding.judge import Judge
from eventwire.records import Event, TextRef

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, etype, source", [
    # the second participle hangs on the first one's object
    pytest.param("La Chine avait convoqué mercredi l'ambassadeur de France et exigé des « excuses officielles ».",
                 "REQUEST", "China", id="conjunct_hung_on_the_object"),
    pytest.param("Ankara a dénoncé une « provocation inadmissible » et averti que ses navires riposteraient.",
                 "THREATEN", "Turkey", id="conjunct_hung_on_a_quoted_adjective"),
    # an adverbial between the auxiliary and its participle
    pytest.param("Le maire de Lyon a de son côté fustigé « des actes de vandalisme inacceptables ».",
                 "ACCUSE", "Le maire de Lyon", id="adverbial_splits_auxiliary_and_participle"),
])
def test_fr_bare_participle_shares_the_subject_of_its_auxiliary(rules_pipeline, text, etype, source):
    assert source in {e.source.name for e in coded(rules_pipeline, text, "fr", etype) if e.source is not None}


def test_fr_avoir_tense_conjunct_is_active(rules_pipeline):
    # the parser reads "Téhéran" as a passive subject; "a ... condamné" is active, and so is "démenti"
    text = "Téhéran a « fermement condamné » ces mesures et démenti toute vente de drones."
    rejects = coded(rules_pipeline, text, "fr", "REJECT")
    assert rejects and all(e.source is not None and e.source.name == "Iran" for e in rejects)
    assert all(e.target is None or e.target.name != "Iran" for e in rejects)


def test_fr_pronoun_takes_an_avoir_tense_subject_read_as_passive(rules_pipeline):
    text = ("Les syndicats ont « condamné fermement ces violences », tout en reprochant au patronat de "
            "« rester sourd ». Ils réclament le retrait de la réforme.")
    requests = coded(rules_pipeline, text, "fr", "REQUEST")
    assert [e.source.text for e in requests if e.source is not None] == ["Les syndicats"]


@pytest.mark.parametrize("text, etype, sources", [
    pytest.param("L'attentat a été condamné par plusieurs dirigeants, dont le chancelier allemand Olaf Scholz "
                 "et le Premier ministre belge Charles Michel.", "ACCUSE", {"Charles Michel"},
                 id="agent_with_members"),
])
def test_fr_members_listed_after_dont_are_the_sources(rules_pipeline, text, etype, sources):
    found = {e.source.name for e in coded(rules_pipeline, text, "fr", etype) if e.source is not None}
    assert sources <= found and len(found) >= 2 and "plusieurs dirigeants" not in found


def test_fr_dont_relative_clause_is_no_list(rules_pipeline):
    text = "Les rebelles, dont le chef Ahmed Salah a été arrêté, ont attaqué la ville."
    names = {e.source.name for e in coded(rules_pipeline, text, "fr", "ASSAULT") if e.source is not None}
    assert "Ahmed Salah" not in names


def test_dateline_is_no_context_source(pipeline):
    text = ("BEYROUTH, 3 mars 2026 - Un convoi humanitaire a été attaqué mardi près de la frontière, "
            "selon une ONG locale.")
    a = analyze(pipeline, text, "fr", published="2026-03-03")
    at = text.index("a été attaqué")
    attack = Event(article_id="t", language="fr", type="ASSAULT", trigger=TextRef("a été attaqué", (at, at + 13)),
                   evidence=TextRef("a été attaqué", (at, at + 13)))
    assert any(x.span[0] == 0 for x in a.actors)  # the dateline's city is a mention
    candidates = [actor.span[0] for actor, _ in ContextSources(a, list(a.events), Judge()).candidates(attack)]
    assert 0 not in candidates


@pytest.mark.parametrize("text, source", [
    # the parser hangs ", qui demande" on the main verb, not on the noun before the comma
    ("Le gouvernement a critiqué le parti Syriza, qui demande des élections anticipées depuis un mois.", "Syriza"),
    ("Le gouvernement a critiqué Podemos, qui demande des élections anticipées.", "Podemos"),
])
def test_fr_a_relative_after_a_comma_stands_for_the_noun_before_it(rules_pipeline, text, source):
    found = [e for e in coded(rules_pipeline, text, "fr", "REQUEST") if e.source is not None]
    assert any(source in (e.source.text or "") for e in found), found
