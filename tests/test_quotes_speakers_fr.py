"""French quotes: who speaks, how the text says so, and through whom."""

from __future__ import annotations

import pytest

from eventwire.actors import ActorStage
from eventwire.quotes import QuoteStage
from eventwire.records import Analysis, Article


@pytest.fixture(scope="module")
def quotes_of(nlp_fr, resources):
    def run(text: str):
        analysis = Analysis(article=Article(id="t", text=text, language="fr"), doc=nlp_fr(text))
        return QuoteStage(resources)(ActorStage(resources)(analysis)).quotes

    return run


def test_quotes_fr_inversion_with_date_and_channel(quotes_of):
    text = ("« Nous ne reculerons pas », a déclaré jeudi 12 mars le porte-parole du Hamas, "
            "Hazem Qassem, dans un communiqué.")
    (q,) = quotes_of(text)
    assert (q.text, q.kind, q.direct) == ("Nous ne reculerons pas", "named", True)
    assert q.speaker.name == "Hazem Qassem" and q.speaker.role == "porte-parole"
    assert q.speaker.actor is not None and "Hamas" in q.speaker.actor.text
    assert q.channel.text == "dans un communiqué" and q.cue.text == "a déclaré"
    assert text[q.span[0] : q.span[1]] == q.text


def test_quotes_fr_guillemets_across_paragraphs(quotes_of):
    text = ("« Nous avons perdu trois soldats.\n« Les combats continuent dans le nord », "
            "a indiqué le porte-parole de l'armée malienne, Souleymane Dembélé.")
    (q,) = quotes_of(text)
    assert q.text.startswith("Nous avons perdu") and q.text.endswith("dans le nord")
    assert q.speaker.name == "Souleymane Dembélé"


def test_quotes_fr_selon_media(quotes_of):
    (q,) = quotes_of("Selon l'agence Reuters, des frappes ont visé la ville de Homs.")
    assert (q.kind, q.direct, q.speaker.name) == ("media", False, "Reuters")
    assert q.text == "des frappes ont visé la ville de Homs"


def test_quotes_fr_d_apres_anonymous(quotes_of):
    (q,) = quotes_of("D'après une source sécuritaire, les rebelles ont attaqué un convoi près de Gao.")
    assert q.kind == "anonymous" and q.speaker.text == "une source sécuritaire"


@pytest.mark.parametrize("text, speaker", [
    ("Une source de sécurité irakienne a affirmé que trois roquettes étaient tombées.",
     "Une source de sécurité irakienne"),
    ("Des témoins ont indiqué que la police avait tiré sur la foule.", "Des témoins"),
    ("Les soldats ont quitté la base, a-t-on appris de sources proches du dossier.",
     "sources proches du dossier"),
])
def test_quotes_fr_anonymous_forms(quotes_of, text, speaker):
    (q,) = quotes_of(text)
    assert q.kind == "anonymous" and q.speaker.text == speaker and not q.direct


def test_quotes_fr_on_a_appris_without_source(quotes_of):
    (q,) = quotes_of("Les combats ont repris à Gao, a-t-on appris.")
    assert (q.kind, q.speaker, q.text) == ("anonymous", None, "Les combats ont repris à Gao")


def test_quotes_fr_state_television_is_media(quotes_of):
    (q,) = quotes_of("La télévision d'État a rapporté que le couvre-feu était levé.")
    assert q.kind == "media" and q.speaker.name == "télévision d'État"


def test_quotes_fr_la_source_relayed_links_back(quotes_of):
    text = ("Un responsable militaire a affirmé que les troupes avaient avancé. « Nous contrôlons "
            "le village », a ajouté la source, citée par l'agence iranienne Tasnim.")
    first, second = quotes_of(text)
    assert second.direct and second.kind == "anonymous" and second.via.name == "Tasnim"
    assert second.speaker == first.speaker and first.speaker.text == "Un responsable militaire"
    assert first.via is not None and first.via.name == "Tasnim"


def test_quotes_fr_pronoun_takes_the_previous_speaker(quotes_of):
    text = "Le ministre Jean Dupont a dénoncé l'attaque. Il a expliqué que « les auteurs seront punis »."
    quotes = quotes_of(text)
    assert quotes[-1].text == "les auteurs seront punis" and quotes[-1].speaker.name == "Jean Dupont"


def test_quotes_fr_pronoun_without_a_speaker_before_is_dropped(quotes_of):
    assert quotes_of("L'armée a bombardé la ville. Il a expliqué que « les auteurs seront punis ».") == ()


def test_quotes_fr_a_t_il_ajoute_after_a_new_paragraph(quotes_of):
    text = ("Le président Paul Biya a souligné que « la paix est possible ».\n"
            "« Mais elle exige des efforts de tous », a-t-il ajouté.")
    first, second = quotes_of(text)
    assert second.text == "Mais elle exige des efforts de tous" and second.cue.text == "a-t-il ajouté"
    assert second.speaker == first.speaker and second.kind == "named"


def test_quotes_fr_m_surname_refers_back(quotes_of):
    text = ("« La trêve est finie », a déclaré le porte-parole du Hamas, Hazem Qassem. "
            "M. Qassem a souligné que « le gouvernement doit agir ».")
    first, second = quotes_of(text)
    assert second.speaker.name == "Hazem Qassem" and second.speaker == first.speaker


def test_quotes_fr_scare_quotes_are_not_quotes(quotes_of):
    assert quotes_of("Les forces ont lancé l'opération « Rempart du Sahel » avant l'aube.") == ()


def test_quotes_fr_uncued_quote_in_the_same_paragraph_continues(quotes_of):
    text = ("« Nous ne reculerons pas », a déclaré le porte-parole du Hamas, Hazem Qassem. "
            "« Nos combattants sont prêts à défendre chaque maison. »")
    first, second = quotes_of(text)
    assert second.text.startswith("Nos combattants") and second.speaker == first.speaker


def test_quotes_fr_uncued_quote_in_a_new_paragraph_is_not_guessed(quotes_of):
    text = ("« Nous ne reculerons pas », a déclaré le porte-parole du Hamas, Hazem Qassem.\n"
            "« Nos combattants sont prêts à défendre chaque maison. »")
    assert len(quotes_of(text)) == 1


def test_quotes_fr_definite_body_refers_back_to_the_body_only(quotes_of):
    text = ("Le Hezbollah a affirmé avoir visé une caserne. « Nos combattants ont atteint leur cible », "
            "a ajouté le mouvement dans un communiqué.")
    assert quotes_of(text)[-1].speaker.name == "Hezbollah"
    text = "« Nous ne reculerons pas », a déclaré Hazem Qassem. L'armée a parlé d'une « opération limitée »."
    assert quotes_of(text)[-1].speaker.name != "Hazem Qassem"


def test_quotes_fr_relay_inside_the_subject(quotes_of):
    (q,) = quotes_of("Des témoins cités par la chaîne Al-Jazeera ont affirmé que la police avait tiré.")
    assert (q.kind, q.speaker.text, q.via.name) == ("anonymous", "Des témoins", "Al-Jazeera")


def test_quotes_fr_selon_with_relay(quotes_of):
    (q,) = quotes_of("Le bilan s'élève à quinze morts, selon des sources médicales citées par la radio Mosaïque FM.")
    assert (q.text, q.kind, q.via.name) == ("Le bilan s'élève à quinze morts", "anonymous", "Mosaïque FM")


def test_quotes_fr_dash_attribution(quotes_of):
    text = "« Nous avons parlé avec les deux délégations » — Claire Martin, directrice de la communication."
    (q,) = quotes_of(text)
    assert q.speaker.name == "Claire Martin" and q.cue.text == "—"


def test_quotes_fr_relative_subject_takes_its_antecedent(quotes_of):
    text = "La mesure a été adoptée à la demande du Premier ministre Marc Lefebvre, qui demande des sanctions."
    (q,) = quotes_of(text)
    assert q.speaker.name == "Marc Lefebvre" and q.text == "des sanctions"


def test_quotes_fr_pronoun_with_another_person_between_is_dropped(quotes_of):
    text = ("Le ministre Jean Dupont a dénoncé l'attaque après avoir rencontré Paul Martin. "
            "Il a expliqué que « les auteurs seront punis ».")
    assert [q.speaker.name for q in quotes_of(text)] == ["Jean Dupont"]
