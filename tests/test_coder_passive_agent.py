"""A passive whose auxiliary the parser reads as a copula, "par exemple" is not an agent, and a generic
actor noun named by a participle ("un groupe baptisé X", "a group called X") stands for the name."""

from __future__ import annotations

import pytest

from eventwire.records import Article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline(rules_pipeline):
    """The argument and sense rules are tested on the rule coder alone; what the learned judge keeps is
    measured by ``make eval``, not asserted here."""
    return rules_pipeline



def factual(pipeline, text, etype, lang="fr"):
    a = pipeline.analyze(Article(id="pn", text=text, language=lang, published="2017-02-03"))
    return [e for e in a.events if e.type == etype and not (e.negated or e.hypothetical)]


def test_coder_fr_discourse_adverbial_is_not_the_agent(pipeline):
    text = ("En mars 2016, le groupe rebelle appelé 13e division de l'Armée syrienne libre est par exemple "
            "chassé de Ma'arrat al-Numan par le Front al-Nosra.")
    (ev,) = factual(pipeline, text, "ASSAULT")
    assert ev.source.text == "Front al-Nosra"
    assert ev.target is not None and ev.target.text.startswith("13")  # the name, not "groupe rebelle"


def test_coder_fr_par_ailleurs_in_a_compound_passive(pipeline):
    (ev,) = factual(pipeline, "Le village a par ailleurs été bombardé par l'aviation russe.", "ASSAULT")
    assert ev.source.text == "aviation russe" and ev.target is not None and ev.target.text == "Le village"


def test_coder_fr_named_group_is_the_actor(pipeline):
    text = ("Laurent Meurice a été kidnappé dans l'est du pays par un groupe soudanais du Darfour baptisé "
            "les « Aigles de libération de l'Afrique ».")
    (ev,) = factual(pipeline, text, "ASSAULT")
    assert ev.source.name == "Aigles de libération de l'Afrique"
    assert text[ev.source.span[0]:ev.source.span[1]].startswith("Aigles")


def test_coder_fr_called_upon_is_not_a_name(pipeline):
    (ev,) = factual(pipeline, "Les rebelles, appelés à déposer les armes par Damas, ont attaqué la ville.",
                    "ASSAULT")
    assert ev.source.text == "rebelles"


def test_coder_en_group_called_a_known_name(pipeline):
    text = "The town was attacked by a little-known group called the Free Syrian Army."
    (ev,) = factual(pipeline, text, "ASSAULT", lang="en")
    assert ev.source.name == "Free Syrian Army"


def test_coder_fr_forces_expelled_from_a_town_is_an_assault(pipeline):
    (ev,) = factual(pipeline, "L'armée syrienne a été expulsée de Palmyre par Daech.", "ASSAULT")
    assert ev.source.name == "Islamic State" and ev.target is not None and ev.target.country == "SYR"
    assert factual(pipeline, "L'armée a expulsé des milliers d'habitants du village.", "ASSAULT") == []


def test_coder_fr_pronoun_after_a_fronted_clause_is_its_subject(pipeline):
    text = ("Alors que l'armée syrienne est en passe de remporter une victoire à Alep face aux rebelles, "
            "elle a été de nouveau expulsée par Daech le 11 décembre de Palmyre.")
    (ev,) = factual(pipeline, text, "ASSAULT")  # "a été" + participle: a passive, "été" read as a copula
    assert ev.source.name == "Islamic State" and ev.target is not None and ev.target.text == "armée syrienne"


def test_coder_fr_fronted_clause_subject_must_be_an_actor(pipeline):
    text = "Benjamin Cauchy estime que la concertation doit tout aborder. Si ce thème était absent, il refusera."
    a = pipeline.analyze(Article(id="pn", text=text, language="fr", published="2018-12-18"))
    (ev,) = [e for e in a.events if e.type == "REJECT"]  # future tense: hypothetical, still coded
    assert ev.source.text == "Benjamin Cauchy"  # "il" is the previous sentence's subject, not "ce thème"
