"""French speech acts the parse hides: a denial in a comment relative ("..., ce que X dément"), a denial
of one's own act ("X a assuré n'avoir pas ..."), a claim called "sans fondement", a present the tagger
reads as a future, and the lexicon senses of admitting, withdrawing, rallying and threatening."""

from __future__ import annotations

import pytest

from _coder import coded, one

pytestmark = pytest.mark.slow


def _rule_denials(evs):
    return [e for e in evs if e.type == "REJECT" and e.mode == "deny" and ".rule." in (e.rule or "")]


# -- "..., ce que X dément": the noun phrase after the relative pronoun denies -------------------------
@pytest.mark.parametrize("text,src", [
    ("Le ministre accuse le Mali d'armer les rebelles, ce que Bamako dément.", "Bamako"),
    ("Le ministre accuse le Mali d'armer les rebelles, ce que Bamako nie.", "Bamako"),
    ("Le chef de l'armée accuse l'Algérie de soutenir les insurgés, ce que le gouvernement algérien dément.",
     "gouvernement"),
])
def test_a_comment_relative_names_the_denier(rules_pipeline, text, src):
    ev = one(coded(rules_pipeline, text, "fr", "REJECT"), "REJECT")
    assert ev.mode == "deny" and ev.source is not None and src in ev.source.text
    assert "comment-relative" in ev.rule


def test_a_comment_relative_without_a_verb_of_denial_is_no_denial(rules_pipeline):
    assert not coded(rules_pipeline, "Le rapport décrit ce que le gouvernement a fait.", "fr", "REJECT")


# -- "X a assuré n'avoir pas ...": saying one did not act is a denial --------------------------------
@pytest.mark.parametrize("text,src", [
    ("Le M23 a assuré n'avoir pas tiré un seul obus sur la ville.", "M23"),
    ("Le député a affirmé qu'il n'avait jamais tenu ces propos.", "député"),
])
def test_saying_one_did_not_act_is_a_denial(events_of, text, src):
    (ev,) = _rule_denials(events_of(text, "fr"))
    assert src in ev.source.text and "did not act" in ev.explanation


@pytest.mark.parametrize("text", [
    "Le ministre a affirmé qu'il n'y avait pas eu de victimes.",        # impersonal: no act denied
    "Le porte-parole a affirmé que l'armée n'a pas tiré sur la foule.",  # another's act
    "Le président a déclaré ne pas vouloir se représenter.",             # an intention, not a past act
])
def test_no_own_denial(events_of, text):
    assert not _rule_denials(events_of(text, "fr"))


# -- "ce que X a qualifié d'allégations sans fondement": a phrase of falsehood ----------------------
def test_a_phrase_of_falsehood_calls_a_claim_false(events_of):
    text = ("Le ministre a accusé le Pakistan d'abriter des terroristes, ce qu'Islamabad a qualifié "
            "d'accusations sans fondement.")
    (ev,) = _rule_denials(events_of(text, "fr"))
    assert "Islamabad" in ev.source.text and "calls a claim false" in ev.explanation


# -- a present the tagger reads as a future ----------------------------------------------------------
def test_a_present_misread_as_a_future_is_factual(rules_pipeline):
    ev = one(coded(rules_pipeline, "Jean Castex décrète un moratoire sur deux taxes.", "fr", "CONCEDE"),
             "CONCEDE")
    assert ev.mode == "policy"
    assert not coded(rules_pipeline, "Jean Castex décrétera un moratoire sur deux taxes.", "fr", "CONCEDE")


# -- lexicon senses ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text,etype,mode", [
    ("Le maire a reconnu une irrégularité dans le marché public.", "CONCEDE", "admit"),
    ("Les miliciens ont reconnu mardi que leurs hommes avaient pillé un entrepôt.", "CONCEDE", "admit"),
    ("Le gouvernement a retiré vendredi son projet de loi sur la presse.", "CONCEDE", "policy"),
    ("Le syndicat appelle à rejoindre les manifestants.", "SUPPORT", "endorse"),
    ("Le patronat a décidé de rester solidaire des grévistes.", "SUPPORT", None),
    ("Le sénateur s'est montré très critique envers la réforme.", "ACCUSE", "disapprove"),
    ("Le groupe armé a juré la perte du gouvernement.", "THREATEN", "violence"),
    ("Le préfet a signalé au parquet les propos du militant.", "ACCUSE", "sue"),
])
def test_speech_act_senses(rules_pipeline, text, etype, mode):
    ev = one(coded(rules_pipeline, text, "fr", etype), etype)
    assert ev.mode == mode and ev.source is not None


def test_calling_a_measure_insufficient_is_a_criticism(events_of):
    evs = [e for e in events_of("La réforme a été jugée insuffisante par les syndicats.", "fr")
           if e.type == "ACCUSE" and ".rule." in (e.rule or "")]
    assert evs and "syndicats" in evs[0].source.text


# -- « X doit ... », a déclaré Y: an obligation at the top of a quote is Y's demand ----------------------
def test_a_quoted_obligation_is_a_request_of_the_speaker(events_of):
    text = "« La Russie doit cesser ses frappes », a déclaré le ministre français des Affaires étrangères."
    evs = [e for e in events_of(text, "fr") if e.type == "REQUEST" and ".modal." in (e.rule or "")]
    assert evs and evs[0].source.name == "France" and evs[0].target.name == "Russia"


@pytest.mark.parametrize("text", [
    "« Nous devons rester unis », a déclaré le président.",                            # the speaker's own duty
    "« Je pense que la Russie doit cesser ses frappes », a déclaré le ministre français.",  # under another verb
])
def test_no_quoted_obligation(events_of, text):
    assert not [e for e in events_of(text, "fr") if e.type == "REQUEST" and ".modal." in (e.rule or "")]


@pytest.mark.parametrize("lang, text, src", [
    pytest.param("en", "Ankara said it reserved the right to retaliate after the shelling of its border post.",
                 "Turkey", id="en_reserved_the_right_to_retaliate"),
    pytest.param("fr", "L'Inde se réserve le droit de riposter, a déclaré son ministre de la Défense.", "India",
                 id="fr_se_reserve_le_droit_de_riposter"),
])
def test_reserving_the_right_to_respond_is_a_threat(rules_pipeline, lang, text, src):
    (ev,) = coded(rules_pipeline, text, lang, "THREATEN")
    assert ev.source is not None and ev.source.name == src
