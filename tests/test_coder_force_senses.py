"""French candidates for the force types (ASSAULT, COERCE, PROTEST, MOBILIZE, RETREAT).

- A multiword trigger may step over the time words a wire puts between the verb and its object ("ont
  ouvert jeudi matin un corridor"): up to three ``time_nouns`` besides the usual determiners/adverbs.
- A past participle with its auxiliary that the tagger reads as an adjective ("a volontairement foncé",
  "foncé": dark) is tried as the -er verb.
- An elided "s'" before anything but "il"/"ils" is the reflexive "se", not "si": "ont affirmé s'être
  emparés de la ville" states no condition.
- A noun entry's ``objclass`` reads the noun's "de" complement: "la prise de la localité" is ground
  taken in fighting (ASSAULT), "la prise de parole" is not.
- Lexicon senses (the judge decides which are events): things thrown at people are an attack; the police
  unblocking a site, gassing a crowd or taking people to the station coerce; an eviction of occupants is
  COERCE, not the expulsion of diplomats (SANCTION); protesters lifting barricades or striking their camp
  retreat; extra police arriving is a MOBILIZE.

Seen on the candidates the judge is asked about (every candidate is recorded, whatever the judge keeps)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _at(recs: list[dict], text: str, word: str, etype: str) -> list[dict]:
    i = text.index(word)
    return [r for r in recs if r["type"] == etype and r["span"][0] <= i < r["span"][1]]


def _held(rec: dict) -> bool:
    return "sense_ok=True" in rec["features"]


def _held_at(collected, text: str, word: str, etype: str) -> list[dict]:
    """The candidates of ``etype`` at ``word``, asserting the first holds its sense."""
    recs = _at(collected(text, "fr"), text, word, etype)
    assert recs and _held(recs[0]), collected(text, "fr")
    return recs


@pytest.mark.parametrize("text,word,etype", [
    ("Les miliciens ont ouvert jeudi matin un corridor vers le camp de réfugiés.", "ouvert", "RETREAT"),
    ("Les agriculteurs ont levé dimanche soir leurs barricades sur la nationale.", "levé", "RETREAT"),
])
def test_multiword_steps_over_time_words(collected, text, word, etype):
    recs = _held_at(collected, text, word, etype)
    assert recs[0]["span"][1] > text.index(word) + len(word) + 6  # the match runs on to the object


def test_noun_class_reads_the_complement(collected):
    text = "Le commandement rebelle a revendiqué la prise de la localité frontalière."
    _held_at(collected, text, "prise", "ASSAULT")
    text = "La prise de parole du ministre a surpris les journalistes."
    assert not [r for r in _at(collected(text, "fr"), text, "prise", "ASSAULT") if _held(r)]


@pytest.mark.parametrize("text,word,etype", [
    ("Des casseurs ont jeté des pavés sur les gendarmes près de la gare.", "jeté", "ASSAULT"),
    ("Deux hommes ont lancé des projectiles sur les pompiers.", "lancé", "ASSAULT"),
    ("Le dépôt de carburant a été débloqué par les gendarmes à l'aube.", "débloqué", "COERCE"),
    ("Les policiers ont gazé les manifestants devant la préfecture.", "gazé", "COERCE"),
    ("Les policiers les ont conduits au commissariat du quartier.", "conduits", "COERCE"),
    ("Trois policiers ont été blessés lors de l'expulsion des occupants du squat.", "expulsion", "COERCE"),
    ("Les militants ont démonté leur campement au petit matin.", "démonté", "RETREAT"),
    ("Le préfet a annoncé l'arrivée de quarante gendarmes en renfort.", "arrivée", "MOBILIZE"),
    ("Une centaine de salariés se sont massés devant les grilles de l'usine.", "massés", "PROTEST"),
])
def test_force_senses(collected, text, word, etype):
    _held_at(collected, text, word, etype)


def test_expelled_diplomats_are_no_eviction(collected):
    text = "Le ministère a annoncé l'expulsion de quatre diplomates de l'ambassade."
    assert not [r for r in _at(collected(text, "fr"), text, "expulsion", "COERCE") if _held(r)]


@pytest.mark.parametrize("text,word,hypothetical", [
    # a past infinitive after "pour" gives the cause: the act was done
    ("Deux jeunes ont été condamnés à six mois de prison pour avoir caillassé des policiers.", "caillassé", False),
    # a present infinitive after "pour" is an aim
    ("Les rebelles ont massé des troupes pour attaquer la ville.", "attaquer", True),
    # an elided "s'" before anything but il/ils is the reflexive "se", no condition
    ("Les rebelles ont affirmé lundi s'être emparés de Kindu, la principale ville de la province.", "emparés", False),
    ("Les rebelles seraient bombardés s'ils attaquaient la capitale provinciale.", "attaquaient", True),
])
def test_causes_and_reflexives_are_no_condition(collected, text, word, hypothetical):
    recs = _at(collected(text, "fr"), text, word, "ASSAULT")
    assert recs, collected(text, "fr")
    assert ("hypothetical" in recs[0]["features"]) is hypothetical, recs[0]["features"]


@pytest.mark.parametrize("text,word,etype", [
    ("Un homme a volontairement foncé sur quatre soldats devant la caserne.", "foncé", "ASSAULT"),
    ("Des grévistes l'avaient aussitôt rebloqué.", "rebloqué", "PROTEST"),
])
def test_participle_read_as_adjective(collected, text, word, etype):
    _held_at(collected, text, word, etype)
