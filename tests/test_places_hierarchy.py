"""Written hierarchies, second-level divisions, the state-forces fallback and the refusal of places
in countries the article never mentions — on sentences of our own, with the full offline gazetteer."""

from __future__ import annotations

from collections import Counter

import pytest

from _places import run  # noqa: E402
from eventwire.places import PlaceStage
from eventwire.places.gazetteer import Candidate
from eventwire.places.mentions import Mention
from eventwire.places.resolve import resolve_all
from eventwire.places.stage import hierarchy_groups

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def stage(resources):
    return PlaceStage(resources)


def test_hierarchy_groups_are_capitalised_units_after_a_name():
    text = ("Gunmen struck Zorglubia (Douentza, Mopti) at dawn; the A6 (Mâcon) is closed (AFP). "
            "Un bus a brûlé à Sorgues (Vaucluse) et dans l’Aube (France).")
    found = [(text[h[0]:h[1]], text[b[0]:b[1]]) for h, b in hierarchy_groups(text)]
    assert found == [("Zorglubia", "Douentza, Mopti"), ("Sorgues", "Vaucluse"), ("Aube", "France")]


def test_unknown_village_takes_the_district_written_after_it(stage, nlp_en):
    ev = run(stage, nlp_en, "On 2 May, gunmen attacked a market in Zorglubia (Djenné, Mopti), killing four people.",
             "attacked", "en")
    loc = ev.location
    assert (loc.name, loc.country, loc.text) == ("Djenné", "MLI", "Djenné")
    assert "the division written after 'Zorglubia'" in ev.explanation


def test_the_written_district_beats_a_namesake_abroad(stage, nlp_en):
    # Soum is a province of Burkina Faso and a village of Senegal: the region written after it decides
    ev = run(stage, nlp_en, "On 2 May, soldiers were ambushed near Zorglubia (Soum, Sahel). Four died.",
             "ambushed", "en")
    assert (ev.location.country, ev.location.precision) == ("BFA", "admin1")
    assert ev.location.gazetteer_id.startswith("admin2:BF.")


def test_the_written_hierarchy_places_a_town_whose_namesake_abroad_is_a_million_city(stage, nlp_en):
    # Nara is a town of Mali and a Japanese city of 1.5 million people: the cercle and the region written
    # after it say which, however large the namesake
    ev = run(stage, nlp_en, "On 3 March 2023, gunmen attacked a market in Nara (Nara cercle, Koulikoro region), "
             "killing two traders.", "attacked", "en")
    assert (ev.location.name, ev.location.country, ev.location.precision) == ("Nara", "MLI", "city")


def test_a_name_ner_missed_is_placed_by_the_hierarchy_written_after_it(stage, nlp_en):
    # the parser's entities leave "Monguno" out; "(Borno State)" after it says it is a place, and which
    ev = run(stage, nlp_en, "A female suicide bomber blew herself up at a vigilante checkpoint at the entrance to "
             "Monguno (Borno State) on Tuesday, killing two guards.", "blew herself up", "en")
    assert (ev.location.name, ev.location.country, ev.location.precision) == ("Monguno", "NGA", "city")


def test_french_departement_is_a_division(stage, nlp_fr):
    ev = run(stage, nlp_fr, "Des gendarmes ont interpellé trois hommes dans l'Aube mardi.", "ont interpellé", "fr")
    loc = ev.location
    assert (loc.name, loc.country, loc.precision, loc.admin1) == ("Aube", "FRA", "admin1", "Grand-Est")


def test_state_forces_place_an_article_that_names_no_place(stage, nlp_en):
    text = "Soldiers of the Burkinabe army killed ten suspected militants near Zorglubia on Sunday."
    ev = run(stage, nlp_en, text, "killed", "en", source="Burkinabe army", sector="MIL", country="BFA")
    loc = ev.location
    assert (loc.country, loc.precision, loc.text) == ("BFA", "country", "Burkinabe army")
    assert "location: the country of the state forces 'Burkinabe army'" in ev.explanation


def test_state_forces_do_not_override_the_articles_places(stage, nlp_fr):
    text = ("Syrie : frappes sur Alep\n\n3 mai 2016\n\nL'aviation russe a bombardé plusieurs quartiers. "
            "Les frappes ont tué douze civils.")
    ev = run(stage, nlp_fr, text, "ont tué", "fr", source="aviation russe", sector="MIL", country="RUS")
    assert ev.location.country == "SYR"  # the article's place, not the foreign forces' state
    assert "the article's title or dateline" in ev.explanation


def _mention(text, start, sentence=(0, 200)):
    return Mention(text=text, span=(start, start + len(text)), tokens=(0, 1), sentence=sentence, source="GPE",
                   locative=True, subject=False, admin_cue=False)


class _Tiny:
    """A two-entry gazetteer: a Malian region, and a town of 80,000 people in Kazakhstan that shares
    its name with a village the gazetteer does not know."""

    MOPTI = Candidate("admin1:ML.04", "Mopti", "MLI", "Mopti", 14.5, -4.2, 2_000_000, "admin1")
    ABROAD = Candidate("gn:1", "Zorgul", "KAZ", "Almaty", 43.0, 77.0, 80_000, "city")

    def lookup(self, name, *, country=None, fuzzy=True):
        return {"Mopti": [self.MOPTI], "Zorgul": [self.ABROAD]}.get(name, [])

    def country(self, iso3):
        return None


def test_a_town_in_a_country_the_article_never_names_is_refused():
    mali = [_mention("Mopti", 0), _mention("Zorgul", 300, sentence=(250, 400))]
    assert [r.place.country for r in resolve_all(mali, _Tiny())] == ["MLI"]
    # with nothing else named, the namesake stays (no country to hold it against), as before
    assert [r.place.country for r in resolve_all([_mention("Zorgul", 300)], _Tiny())] == ["KAZ"]
    # the text says so: the country's actors support it
    alone = resolve_all(mali, _Tiny(), priors=Counter(), named=frozenset({"KAZ"}))
    assert [r.place.country for r in alone] == ["MLI", "KAZ"]


@pytest.mark.parametrize(("text", "trigger", "lang"), [
    ("On Sunday, rebels killed four engineers in the small town of Zorglubia, Soum Province, near the border.",
     "killed", "en"),
    ("Dimanche, des hommes armés ont tué quatre gendarmes à Zorglubia, dans la province du Sourou.", "ont tué", "fr"),
])
def test_division_written_after_an_unknown_town(stage, nlp_en, nlp_fr, text, trigger, lang):
    ev = run(stage, nlp_en if lang == "en" else nlp_fr, text, trigger, lang)
    assert (ev.location.country, ev.location.precision) == ("BFA", "admin1")


def test_cette_derniere_is_the_last_place_named(stage, nlp_fr):
    text = "Le ministre a quitté Lyon mardi pour Grenoble. Dans cette dernière, des manifestants ont bloqué son convoi."
    ev = run(stage, nlp_fr, text, "ont bloqué", "fr")
    assert (ev.location.name, ev.location.text) == ("Grenoble", "cette dernière")


def test_cette_ville_needs_one_place_before_it(stage, nlp_fr):
    one = "Les rebelles ont pris Gao en 2012. Dans cette ville, les soldats ont arrêté dix hommes en mars."
    assert run(stage, nlp_fr, one, "ont arrêté", "fr").location.text == "cette ville"
    two = ("Les rebelles ont pris Gao puis Tombouctou en 2012. Dans cette ville, les soldats ont arrêté dix "
           "hommes en mars.")
    assert run(stage, nlp_fr, two, "ont arrêté", "fr").location.text != "cette ville"  # which one: not certain


def test_a_unit_written_as_one_word_is_one_name(stage, nlp_en):
    # NER cuts "Centre-Nord" into "Centre" and "Nord" (a French département): the unit is one region
    text = "On 14 October, gunmen attacked the village of Zorglubia (Bam, Centre-Nord), killing 20 people."
    ev = run(stage, nlp_en, text, "attacked", "en")
    assert (ev.location.name, ev.location.country) == ("Bam", "BFA")


def test_the_town_of_an_attacked_place_noun(stage, nlp_en):
    ev = run(stage, nlp_en, "On 9 September, militants burned the market of Kaya, in the Centre-Nord region.",
             "burned", "en")
    assert (ev.location.name, ev.location.country, ev.location.precision) == ("Kaya", "BFA", "city")


def test_a_district_named_like_an_organisation(stage, nlp_en):
    text = "On 18 May, armed men abducted a village chief in Zorglubia, Koro district, Mopti region."
    ev = run(stage, nlp_en, text, "abducted", "en")
    assert (ev.location.name, ev.location.country) == ("Koro", "MLI")


def test_a_town_left_unsupported_is_resolved_in_its_written_country(stage, nlp_en):
    # Bourem (Mali, 40,000 people) is too small to stand alone in a text that names no country
    ev = run(stage, nlp_en, "On 20 July, militants attacked the town of Bourem (Gao), killing three soldiers.",
             "attacked", "en")
    assert (ev.location.name, ev.location.country, ev.location.precision) == ("Bourem", "MLI", "city")


def test_a_big_city_abroad_by_an_alternate_name_is_refused(stage, nlp_en):
    # GeoNames gives a Chinese city of 1.5 million people the alternate name "Seytenga"
    text = "On 2 November, soldiers of Burkina Faso killed ten militants in Seytenga, near the border."
    ev = run(stage, nlp_en, text, "killed", "en")
    assert ev.location is None or ev.location.country == "BFA"


def test_french_division_words_in_a_written_hierarchy(stage, nlp_fr):
    text = "Le 4 février, des hommes armés ont attaqué le poste de Zorglubia (cercle de Niono, région de Ségou)."
    ev = run(stage, nlp_fr, text, "ont attaqué", "fr")
    assert (ev.location.name, ev.location.country) == ("Niono", "MLI")
    assert "written after 'Zorglubia'" in ev.explanation



def test_a_name_inside_a_longer_place_is_placed_where_the_text_names_it_alone(pipeline):
    """"au Parlement de Londres ( Royaume-Uni )": the country written after the name places no event when the
    article resolves "Londres" where it names it alone (its title)."""
    from eventwire.records import Article
    text = ("Attaque au couteau à Londres\n\n14 mai 2019 . – Le bilan de l' attaque au couteau au Parlement de "
            "Londres ( Royaume-Uni ) survenue hier s'est alourdi.\n\nL'agresseur a poignardé deux gardiens avant "
            "d'être arrêté par la police devant le Parlement.")
    (res,) = pipeline.process([Article(id="h", text=text, language="fr", published="2019-05-14")])
    arrest = [e for e in res.events if e.type == "COERCE"]
    assert arrest and (arrest[0].location.name, arrest[0].location.precision) == ("London", "city")


def test_french_departement_before_a_weekday_the_ner_joined_to_it(stage, nlp_fr):
    # the NER reads "Aube samedi" as one name: the weekday is no part of the place
    ev = run(stage, nlp_fr, "Des agriculteurs ont manifesté dans l'Aube samedi.", "ont manifesté", "fr")
    assert (ev.location.name, ev.location.precision) == ("Aube", "admin1")
