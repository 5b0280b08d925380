"""The words of war in a contest: an article about a match, a market or a show.

- "offensive", "frappe", "riposter", "attaquer", "neutraliser", "s'affronter" name plays of a team, moves of a
  firm or the effect of a film when the article is about a contest: it uses several words of sport, markets
  or shows (``contest_words`` of ``coding.yaml``, at least ``CONTEST_MIN`` distinct ones, densely). Their ASSAULT
  senses are then no event unless an armed actor or a state takes part (a rule before the
  judge, with its reason).
- One such word in a political article ("le match de football a été annulé après l'attentat") does not make
  it a contest: the attack is coded as usual."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

CONTEST = "a contest's word"


def _violent(a) -> list:
    return [e for e in a.events if e.type == "ASSAULT"]


@pytest.mark.parametrize("text, lang", [
    # a football match
    ("Le FC Nantes a battu Brest samedi en championnat (2-0). Dès la mi-temps, l'entraîneur nantais a lancé "
     "une offensive avec deux attaquants, et le buteur Paul Martin a conclu d'une frappe puissante. Les joueurs "
     "brestois ont tenté de riposter, en vain, avant la fin du match.", "fr"),
    # a price war between retailers
    ("Auchan a lancé mardi une offensive sur les prix de 300 produits. Son concurrent Système U a riposté "
     "dès le lendemain, tandis que la Bourse saluait la stratégie du distributeur, dont les actionnaires "
     "attendaient un geste pour les consommateurs.", "fr"),
    # a film
    ("Le film de Léa Morel a attaqué le box-office avec une frappe de communication inédite. La réalisatrice, "
     "acclamée au festival de Cannes, s'en prend aux clichés sur la banlieue.", "fr"),
    # a cricket test match
    ("Kandy Lions crushed the Dhaka Tigers by six wickets on Sunday. Their bowlers ambushed the top order "
     "before lunch, and the captain's side attacked the new ball with two batsmen at the crease, ending the "
     "match with a day to spare.", "en"),
    # a takeover battle
    ("Alpine Chemicals launched a hostile takeover bid for its rival on Monday, attacking the board's "
     "dividend policy. The rival's shares jumped 9 percent as shareholders weighed the raid.", "en"),
])
def test_violent_words_in_a_contest_are_no_event(analysed, text, lang):
    a = analysed(text, lang)
    assert not _violent(a), _violent(a)
    assert any(CONTEST in r.reason for r in a.rejections), [r.reason for r in a.rejections]


def test_an_armed_actor_in_a_contest_article_still_attacks(analysed):
    text = ("Des supporters ont envahi la pelouse à la fin du match de championnat entre Lens et Lille. "
            "Des hommes armés ont tiré sur deux policiers près du stade, selon la préfecture. Le joueur "
            "lillois et son entraîneur ont condamné ces violences.")
    a = analysed(text, "fr")
    assert [e for e in a.events if e.type == "ASSAULT"], [r.reason for r in a.rejections]


@pytest.mark.parametrize("text, lang", [
    ("Des hommes armés ont attaqué lundi un poste de police à Kidal, tuant trois policiers. "
     "Le match de football prévu le soir même dans la ville a été reporté.", "fr"),
    ("Gunmen attacked a police post in Kidal on Monday, killing three officers. The football match "
     "planned in the town that evening was postponed.", "en"),
])
def test_one_sport_word_does_not_make_a_contest(analysed, text, lang):
    a = analysed(text, lang)
    assert [e for e in a.events if e.type == "ASSAULT"], [r.reason for r in a.rejections]
    assert not any(CONTEST in r.reason for r in a.rejections)


def test_a_stage_race_and_a_stock_index_are_contests(analysed):
    text = ("Le coureur belge a attaqué dans la dernière montée et a remporté l'étape en solitaire. Les "
            "sprinteurs, distancés, n'ont pas pu riposter, et il conserve le maillot de leader.")
    a = analysed(text, "fr")
    assert not _violent(a), _violent(a)
    text = ("La Bourse de Paris a reculé jeudi, le CAC 40 perdant 1 %. Les valeurs bancaires ont poursuivi "
            "leur offensive, portées par des investisseurs optimistes.")
    a = analysed(text, "fr")
    assert not _violent(a), _violent(a)


def test_contest_words_in_passing_in_a_long_report_make_no_contest(analysed):
    riot = ("Des casseurs ont attaqué un commissariat de Rouen samedi soir et incendié deux voitures de police. "
            "Les forces de l'ordre ont répliqué par des tirs de gaz lacrymogène. ")
    text = (riot * 12 + "Un maillot de football a été retrouvé près d'un distributeur de billets, et un "
            "joueur de rugby figure parmi les personnes interpellées. " + riot * 12)
    a = analysed(text, "fr")
    assert [e for e in a.events if e.type == "ASSAULT"], [r.reason for r in a.rejections]
    assert not any(CONTEST in r.reason for r in a.rejections)

