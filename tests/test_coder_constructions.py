"""Constructions the tagger or the parser misreads, and the readings the coder repairs: verb forms
tagged as nouns or given the wrong lemma, a name split at its hyphen, a clitic or a parenthesis before
the verb, "to" before an infinitive, a participle hung on a time noun, "allow X to V" read as
"allow [X to V]"."""

from __future__ import annotations

import pytest

from _coder import analyze, coded, of_type, one

pytestmark = pytest.mark.slow


# -- tagger repairs -------------------------------------------------------------------------------
def test_coder_fr_unlemmatized_conditional_is_a_verb(rules_pipeline):
    text = "Les rebelles ne tiennent plus que deux villages alors que les émissaires russes et américains " \
           "négocieraient leur départ."
    evs = coded(rules_pipeline, text, "fr")
    pairs = {(e.source.name, e.target.name if e.target else None) for e in of_type(evs, "CONSULT")}
    assert pairs == {("Russia", "United States")}  # one event per pair, the first named as source


def test_coder_fr_present_misread_as_ir_verb_tries_er_verb(rules_pipeline):
    evs = coded(rules_pipeline, "Ses alliés français pressent les Maliens à négocier avec les rebelles.", "fr")
    (ev,) = of_type(evs, "REQUEST")
    assert ev.source.name == "France" and ev.target is not None and ev.target.name == "Mali"


def test_coder_fr_pressentir_keeps_its_own_sense(rules_pipeline):
    evs = coded(rules_pipeline, "Le ministre pressent une crise grave.", "fr")
    assert not of_type(evs, "REQUEST")


def test_coder_fr_infinitive_tagged_as_noun(rules_pipeline):
    text = "Malgré la tempête, les hélicoptères irakiens réussissent à ravitailler les soldats."
    (ev,) = coded(rules_pipeline, text, "fr", "AID")
    assert ev.source.name == "Iraq" and ev.target is not None


@pytest.mark.parametrize("text, source", [
    pytest.param("The US on Friday rejected calls by the European Union to lift the tariffs.", "United States",
                 id="us_is_not_the_pronoun_us"),
    pytest.param("Finance Minister Peter Otieno has declined to resign.", "Peter Otieno",
                 id="infinitive_to_is_a_particle"),
])
def test_coder_en_tagger_repair_keeps_the_subject(rules_pipeline, text, source):
    evs = coded(rules_pipeline, text, "en")
    (ev,) = of_type(evs, "REJECT")
    assert ev.source.name == source


# -- subjects the parser loses ----------------------------------------------------------------------
def test_coder_fr_split_name_before_verb_is_repaired(rules_pipeline):
    evs = coded(rules_pipeline, "Le mois dernier, le Royaume-Uni a déjà expulsé 12 diplomates iraniens.", "fr")
    (ev,) = [e for e in evs if e.type == "SANCTION"]
    assert ev.mode == "expel" and "Uni" in ev.source.text


def test_coder_fr_clitic_before_verb_does_not_hide_subject(rules_pipeline):
    evs = coded(rules_pipeline, "En quelques heures, le camp est envahi et la milice débordée se retire.", "fr")
    assert [e for e in evs if e.type == "RETREAT" and "milice" in e.source.text]


@pytest.mark.parametrize("text,source", [
    ("Palmyre est devenue un symbole quand l'État islamique (Daech) l'a conquise en mai 2015.", "Islamic State"),
    ("Selon l'armée, les Forces démocratiques syriennes (FDS) ont attaqué la ville mardi.",
     "Syrian Democratic Forces"),
])
def test_coder_fr_subject_before_a_parenthesis_and_an_object_clitic(rules_pipeline, text, source):
    found = coded(rules_pipeline, text, "fr", "ASSAULT")
    assert found and found[0].source is not None and found[0].source.name == source


# -- a participle on a time noun ---------------------------------------------------------------------
def test_coder_en_participle_on_first_time_takes_the_clause_subject(rules_pipeline):
    text = "Rebels have pushed far into the north for the first time capturing a string of towns."
    (ev,) = coded(rules_pipeline, text, "en", "ASSAULT")
    assert ev.source.name == "rebels" and ev.trigger.text == "capturing"


def test_coder_en_participle_on_time_noun_negative(rules_pipeline):
    text = "The regulator raised fees for the first time in years, forcing airlines to cut flights."
    assert analyze(rules_pipeline, text, "en").events == ()


# -- "allow X to V" read as "allow [X to V]" -------------------------------------------------
def test_coder_en_would_allow_inspectors_is_a_promise_of_access(rules_pipeline):
    text = "Officials said the government would allow foreign inspectors to enter the mines."
    (ev,) = coded(rules_pipeline, text, "en", "AGREE")
    assert ev.source.name == "government" and ev.target is not None and "inspectors" in ev.target.text
    assert ev.rule.startswith("en.RETREAT.") and ev.rule.endswith(".promise")


def test_coder_en_allowed_a_person_to_act_is_a_concession(rules_pipeline):
    text = "The interior minister allowed opposition leader Imran Khan to hold a rally in Lahore."
    (ev,) = coded(rules_pipeline, text, "en", "CONCEDE")
    assert ev.target is not None and ev.target.name == "Imran Khan" and ev.mode == "ease"


def test_coder_en_allow_without_an_actor_object_codes_no_concession(rules_pipeline):
    text = "The ceasefire allowed the talks to resume."
    assert not coded(rules_pipeline, text, "en", "CONCEDE") and not coded(rules_pipeline, text, "en", "AGREE")


# -- hyphenated tokens ----------------------------------------------------------------------------
def test_coder_fr_hyphenated_token_matches_the_words_it_joins(rules_pipeline):
    text = "Un militant a été placé en garde-à-vue par la police dimanche à Lyon."  # one token, three words
    ev = one(coded(rules_pipeline, text, "fr"), "COERCE")
    assert ev.mode == "arrest" and ev.source is not None and ev.source.name == "police"
    assert ev.trigger.text.endswith("garde-à-vue")


@pytest.mark.parametrize("text", ["Le militant a été mis en garde-à-vue.", "Le militant a été mis en garde à vue."])
def test_coder_fr_mettre_en_garde_a_vue_is_a_candidate(rules_pipeline, text):
    from eventwire.coding.lexicon import lexicon_for
    from eventwire.coding.match import candidates

    doc = rules_pipeline.nlp("fr")(text)
    lex = lexicon_for(rules_pipeline.resources, "fr")
    found = [(c.alternatives[0].lemma, c.alternatives[0].mode) for s in doc.sents for c in candidates(s, lex)]
    assert ("mettre en garde à vue", "arrest") in found


def test_coder_hyphen_prefix_alone_matches_no_single_word_entry():
    """A hyphenated token's first part is a key only for entries whose words it joins in full."""
    from eventwire import Pipeline
    from eventwire.coding.match import covers

    doc = Pipeline().nlp("fr")("Il a été mis en garde-à-vue.")
    tok = next(t for t in doc if "-" in t.text)
    assert covers(("garde", "à", "vue"), 0, tok) == 3
    assert covers(("garde",), 0, tok) == 0 and covers(("mettre", "en", "garde"), 2, tok) == 0


# -- a multiword verb holding its object between its words --------------------------------------
@pytest.mark.parametrize("lang, text, etype, trigger", [
    pytest.param("en", "The rights group holds the government responsible for the journalist's murder.",
                 "ACCUSE", "holds the government responsible", id="en_hold_responsible"),
    pytest.param("fr", "L'ONG tient le gouvernement pour responsable de la mort du journaliste.", "ACCUSE",
                 "tient le gouvernement pour responsable", id="fr_tenir_pour_responsable"),
    pytest.param("en", "Russia pulled its troops out of the region on Monday.", "RETREAT", "pulled its troops out",
                 id="en_phrasal_verb_around_its_object"),
    # an object that is itself a word of the entry is matched, not stepped over
    pytest.param("en", "Thailand offered a formal apology to the families on Friday.", "CONCEDE",
                 "offered a formal apology", id="en_object_inside_the_entry"),
])
def test_coder_multiword_verb_around_its_object(rules_pipeline, lang, text, etype, trigger):
    found = coded(rules_pipeline, text, lang, etype)
    assert [e.trigger.text for e in found] == [trigger]
