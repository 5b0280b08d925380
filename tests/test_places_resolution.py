"""Place resolution and event location on tiny real sentences, with the full offline gazetteer.

The full gazetteer is the test session's (``resources``: built at most once per test run, into
pytest's temporary area, see ``conftest._gazetteer_cache``). The test of a user places file, as
``config.user_places`` adds it, builds its own small gazetteer.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.config import load_config
from eventwire.pipeline import Resources
from eventwire.places import PlaceStage, sources
from eventwire.places.sources import PLACE_COLUMNS, open_gazetteer
from eventwire.records import Actor, Analysis, Article, Event, Found, TextRef

pytestmark = pytest.mark.slow

USER_ROW = ("camp-zorglub\tCamp Zorglub\tfacility\tMLI\tGao\t16.3\t-0.1\t0\t"
            "camp de Zorglub|Zorglub camp\tmy survey")


@pytest.fixture(scope="module")
def stage(resources):
    """The stage on the default configuration and the session's full gazetteer."""
    return PlaceStage(resources)


class _FewCities(sources.PackageData):
    """The package data of a gazetteer build with one city and no divisions: the build is the real
    one (countries, the shipped and the user's places files, the cache), in a second instead of a full
    build of GeoNames' cities."""

    def __init__(self) -> None:
        import pycountry

        self.cities = {"2457163": {"geonameid": 2457163, "name": "Gao", "alternatenames": [], "countrycode": "ML",
                                   "admin1code": "07", "latitude": 16.27, "longitude": -0.04, "population": 87000}}
        self.gn_countries = {}
        self.iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        self.admin1_names = {}


def run(stage, nlp, text, trigger=None, source=None, lang="fr"):
    doc = nlp(text)
    events = () if trigger is None else (make_event(doc, trigger, source, lang),)
    return stage(Analysis(article=Article("t", text, lang), doc=doc, events=events))


def make_event(doc, trigger, source, lang):
    start = doc.text.index(trigger)
    sent = doc.char_span(start, start + len(trigger), alignment_mode="expand").sent
    actor = None
    if source is not None:
        s = doc.text.index(source)
        actor = Actor(text=source, name=source, span=(s, s + len(source)))
    return Event("t", lang, "ASSAULT", TextRef(trigger, (start, start + len(trigger))),
                 TextRef(sent.text, (sent.start_char, sent.end_char)), source=actor)


def names(analysis):
    return {(p.text, p.name, p.country, p.precision) for p in analysis.places}


def test_places_french_exonym_bagdad_is_baghdad(stage, nlp_fr):
    a = run(stage, nlp_fr, "Une bombe a explosé à Bagdad mardi.", "a explosé")
    loc = a.events[0].location
    assert (loc.name, loc.country, loc.precision, loc.text) == ("Baghdad", "IRQ", "city", "Bagdad")
    assert a.article.text[loc.span[0]:loc.span[1]] == "Bagdad"
    assert abs(loc.lat - 33.34) < 0.1 and abs(loc.lon - 44.40) < 0.1


def test_places_french_exonym_alep_is_aleppo(stage, nlp_fr):
    loc = run(stage, nlp_fr, "Des combats ont eu lieu à Alep.", "combats").events[0].location
    assert (loc.name, loc.country) == ("Aleppo", "SYR")


def test_places_stated_state_keeps_long_beach_in_usa(stage, nlp_en):
    text = "Police arrested two men in Long Beach, California, on Sunday."
    a = run(stage, nlp_en, text, "arrested", lang="en")
    loc = a.events[0].location
    assert (loc.name, loc.country, loc.admin1, loc.precision) == ("Long Beach", "USA", "California", "city")


def test_places_facility_beats_region_and_country(stage, nlp_fr):
    text = "Des conseillers ont atterri à la base aérienne d'Aïn al-Asad, au nord d'al-Anbar en Irak."
    a = run(stage, nlp_fr, text, "ont atterri")
    loc = a.events[0].location
    assert (loc.name, loc.precision, loc.admin1) == ("Ain al-Asad Air Base", "facility", "Al Anbar")
    assert "Aïn al-Asad" in loc.text
    assert {"country", "admin1", "facility"} <= {p.precision for p in a.places}


def test_places_near_baghdad_airport_is_the_airport(stage, nlp_fr):
    a = run(stage, nlp_fr, "Le général a été tué près de l'aéroport de Bagdad.", "a été tué")
    loc = a.events[0].location
    assert (loc.name, loc.precision) == ("Baghdad International Airport", "facility")


def test_places_capital_as_subject_is_an_actor_not_a_location(stage, nlp_fr):
    a = run(stage, nlp_fr, "Washington a refusé la proposition.", "a refusé")
    assert all(p.name != "Washington" for p in a.places)
    loc = a.events[0].location
    assert loc is None or loc.name != "Washington"


def test_places_event_source_span_is_not_its_location(stage, nlp_en):
    text = "Moscow condemned the strike in Idlib."
    a = run(stage, nlp_en, text, "condemned", source="Moscow", lang="en")
    assert a.events[0].location.name != "Moscow"


def test_places_demonym_is_not_a_place(stage, nlp_fr):
    a = run(stage, nlp_fr, "Des soldats américains ont été blessés.")
    assert a.places == ()


def test_places_unknown_village_does_not_drop_the_city(stage, nlp_fr):
    a = run(stage, nlp_fr, "Des frappes ont touché Zorglubville et Mossoul.", "frappes")
    assert ("Mossoul", "Mosul", "IRQ", "city") in names(a)
    assert a.events[0].location.name == "Mosul"


def test_places_fallback_to_the_main_country_at_country_precision(stage, nlp_fr):
    text = ("La Syrie traverse une crise. Le gouvernement syrien a été critiqué en Syrie. "
            "Le groupe a menacé les soldats.")
    a = run(stage, nlp_fr, text, "a menacé")
    loc = a.events[0].location
    assert (loc.country, loc.precision, loc.name) == ("SYR", "country", "Syria")
    assert text[loc.span[0]:loc.span[1]] == "Syrie"


def test_places_headline_city_is_the_fallback(stage, nlp_fr):
    text = "Attaque à Aden. Au moins neuf soldats ont été tués lundi matin par des assaillants."
    loc = run(stage, nlp_fr, text, "ont été tués").events[0].location
    assert (loc.name, loc.country, loc.precision) == ("Aden", "YEM", "city")


def test_places_province_cue_gives_admin1(stage, nlp_en):
    a = run(stage, nlp_en, "Airstrikes hit villages in Idlib province, Syria.", "Airstrikes", lang="en")
    loc = a.events[0].location
    assert (loc.country, loc.precision) == ("SYR", "admin1")


def test_places_user_places_file_is_used(tmp_path, monkeypatch, nlp_fr):
    user = tmp_path / "mine.tsv"
    user.write_text("\t".join(PLACE_COLUMNS) + "\n" + USER_ROW + "\n", encoding="utf-8")
    config = load_config(overrides={"user_places": [str(user)]})
    monkeypatch.setattr(sources, "PackageData", _FewCities)
    resources = Resources(config)
    resources.get("gazetteer", lambda cfg: open_gazetteer(cfg, directory=tmp_path / "cache"))
    user_stage = PlaceStage(resources)
    a = run(user_stage, nlp_fr, "Des hommes armés ont attaqué le camp de Zorglub jeudi.", "ont attaqué")
    loc = a.events[0].location
    assert (loc.name, loc.country, loc.precision) == ("Camp Zorglub", "MLI", "facility")
    assert [c.id for c in user_stage.gazetteer.lookup("Zorglub camp")] == ["camp-zorglub"]


def test_places_paris_is_france_without_other_clues(stage, nlp_fr):
    a = run(stage, nlp_fr, "Une manifestation a eu lieu à Paris.", "manifestation")
    assert a.events[0].location.country == "FRA"


def test_places_capital_as_subject_in_english(stage, nlp_en):
    a = run(stage, nlp_en, "Washington refused to comment on the report.", "refused", lang="en")
    assert all(p.name != "Washington" for p in a.places)


def test_places_nationality_adjective_in_english_is_not_a_place(stage, nlp_en):
    a = run(stage, nlp_en, "American soldiers were wounded.")
    assert a.places == ()


def test_places_month_name_is_not_a_place(stage, nlp_en):
    text = "Army units seized two hills around Aleppo in June."
    a = run(stage, nlp_en, text, "seized", lang="en")
    assert [p.name for p in a.places] == ["Aleppo"]


def test_places_based_monitor_is_not_the_event_location(stage, nlp_en):
    text = "Militants shelled Aleppo on Sunday, a Britain-based war monitor said."
    loc = run(stage, nlp_en, text, "shelled", lang="en").events[0].location
    assert (loc.name, loc.country) == ("Aleppo", "SYR")


def test_places_place_inside_a_misc_entity_after_a_preposition(stage, nlp_fr):
    a = run(stage, nlp_fr, "Attentats à Aden. Des kamikazes ont frappé.")
    assert ("Aden", "Aden", "YEM", "city") in names(a)


def test_places_own_name_in_article_country_beats_an_old_foreign_name(stage, nlp_fr):
    text = "Le Royaume-Uni accuse Moscou. L'empoisonnement a eu lieu à Salisbury, au Royaume-Uni."
    loc = run(stage, nlp_fr, text, "L'empoisonnement").events[0].location
    assert (loc.name, loc.country) == ("Salisbury", "GBR")  # not Harare, once called Salisbury


def test_places_arabic_names_resolve(stage, nlp_fr):
    assert [c.country for c in stage.gazetteer.lookup("العراق")] == ["IRQ"]
    assert stage.gazetteer.lookup("عين الأسد")[0].id == "ain-al-asad"


def test_places_headline_country_weighs_double_for_the_main_country(stage, nlp_fr):
    text = ("Syrie : nouvelle attaque contre l'armée.\n"
            "Des responsables de l'Irak ont commenté. Le gouvernement de l'Irak a réagi. "
            "Le groupe a menacé les soldats.")
    loc = run(stage, nlp_fr, text, "a menacé").events[0].location
    assert (loc.country, loc.precision) == ("SYR", "country")


def test_places_text_without_places_leaves_events_unlocated(stage, nlp_fr):
    a = run(stage, nlp_fr, "Le groupe a menacé les soldats.", "a menacé")
    assert a.places == () and a.events[0].location is None


def test_places_event_with_empty_evidence_does_not_crash(stage, nlp_fr):
    text = "Des combats ont eu lieu à Alep."
    doc = nlp_fr(text)
    event = Event("t", "fr", "ASSAULT", TextRef("", (0, 0)), TextRef("", (0, 0)))
    a = stage(Analysis(article=Article("t", text, "fr"), doc=doc, events=(event,)))
    assert a.events[0].location is not None and a.events[0].location.name == "Aleppo"  # headline city


# --- event location: syntax around the trigger, fallbacks, regions (places.context / places.regions) ---

def test_places_country_leading_the_source_actor_is_not_the_location(stage, nlp_fr):
    text = ("Les combats continuent en Syrie. "
            "La coalition dirigée par la France a mené des frappes contre les insurgés.")
    loc = run(stage, nlp_fr, text, "frappes", source="La coalition").events[0].location
    assert (loc.country, loc.precision) == ("SYR", "country")


def test_places_genitive_country_of_an_air_force_is_not_the_location(stage, nlp_fr):
    text = "Des combats ont eu lieu à Homs. Les rebelles ont reculé sous les frappes aériennes de la Russie."
    loc = run(stage, nlp_fr, text, "frappes aériennes").events[0].location
    assert (loc.name, loc.country) == ("Homs", "SYR")


def test_places_country_qualifying_the_source_is_not_the_location(stage, nlp_en):
    text = "Fighting resumed in Idlib on Monday. Rebel forces in Turkey fired rockets, the army said."
    loc = run(stage, nlp_en, text, "fired", source="Rebel forces", lang="en").events[0].location
    assert loc.country == "SYR"


def test_places_place_of_another_clause_is_not_taken(stage, nlp_fr):
    text = "Le ministre a condamné à Paris l'attaque qui a tué dix civils à Mossoul."
    a = run(stage, nlp_fr, text, "a condamné")
    assert a.events[0].location.name == "Paris"
    assert run(stage, nlp_fr, text, "a tué").events[0].location.name == "Mosul"


def test_places_place_complement_of_the_event_noun(stage, nlp_fr):
    loc = run(stage, nlp_fr, "L'attentat de Kayseri a fait treize morts.", "L'attentat").events[0].location
    assert (loc.name, loc.country) == ("Kayseri", "TUR")


def test_places_preceding_place_of_the_same_paragraph(stage, nlp_fr):
    text = ("Nouveaux combats\n\n3 mai 2017 . –\nDes combats ont éclaté à Homs mardi. "
            "Les rebelles ont ensuite attaqué un poste de contrôle.")
    loc = run(stage, nlp_fr, text, "ont ensuite attaqué").events[0].location
    assert (loc.name, loc.country) == ("Homs", "SYR")


def test_places_lead_sentence_place_after_a_background_clause(stage, nlp_fr):
    text = ("Bilan contrasté pour l'armée\n\n12 décembre 2016 . –\n"
            "Alors que l'armée gagne du terrain à Alep, elle a été chassée de Palmyre par les djihadistes. "
            "C'est un revers.\n\nLe 11 décembre, l'armée débordée s'est retirée.")
    loc = run(stage, nlp_fr, text, "s'est retirée").events[0].location
    assert (loc.name, loc.country) == ("Tadmur", "SYR")


def test_places_north_east_of_a_country_is_a_region(stage, nlp_fr):
    text = "Le groupe a lancé une insurrection dans le nord-est du Nigeria."
    loc = run(stage, nlp_fr, text, "insurrection").events[0].location
    assert (loc.country, loc.precision, loc.text) == ("NGA", "admin1", "nord-est du Nigeria")
    assert loc.lat > 10.5 and loc.lon > 11


def test_places_east_of_the_country_is_a_region_of_the_main_country(stage, nlp_fr):
    text = "Le Tchad a renforcé sa frontière. Un agronome a été enlevé dans l'est du pays."
    loc = run(stage, nlp_fr, text, "a été enlevé").events[0].location
    assert (loc.country, loc.precision) == ("TCD", "admin1") and loc.lon > 19.5


def test_places_english_northern_country_is_a_region(stage, nlp_en):
    loc = run(stage, nlp_en, "Militants attacked a village in northern Mali.", "attacked", lang="en").events[0].location
    assert (loc.country, loc.precision) == ("MLI", "admin1") and loc.lat > 15


def test_places_people_after_an_article_are_not_a_city(stage, nlp_fr):
    a = run(stage, nlp_fr, "Les Kurdes ont combattu aux côtés des Français.")
    assert all(p.country in (None, "FRA") for p in a.places)
    assert not [p for p in a.places if p.precision == "city"]


def test_places_under_is_locative(stage, nlp_en):
    text = "Insurgents detonated explosives in a tunnel under Aleppo on Friday night."
    loc = run(stage, nlp_en, text, "detonated", source="Insurgents", lang="en").events[0].location
    assert (loc.name, loc.country) == ("Aleppo", "SYR")


def test_places_locative_through_a_noun_chain(stage, nlp_en):
    text = "Later in the coastal city of Latakia, army troops destroyed two ammunition stores."
    loc = run(stage, nlp_en, text, "destroyed", source="army troops", lang="en").events[0].location
    assert (loc.name, loc.country) == ("Latakia", "SYR")


def _typed(stage, nlp, text, trigger, kind, lang):
    from dataclasses import replace as _replace
    doc = nlp(text)
    event = _replace(make_event(doc, trigger, None, lang), type=kind)
    return stage(Analysis(article=Article("t", text, lang), doc=doc, events=(event,))).events[0].location


def test_places_security_council_vote_is_at_un_headquarters(stage, nlp_en):
    text = "Two members vetoed a draft Security Council resolution calling for a truce in Aleppo."
    loc = _typed(stage, nlp_en, text, "vetoed", "REJECT", "en")
    assert (loc.country, loc.precision) == ("USA", "facility") and "New York" in loc.name


@pytest.mark.parametrize(("text", "trigger"), [
    # the court is named in a clause of its own: what it may do, not where the rejection was made
    ("Brazil on Monday rejected a mediation offer, saying only the International Court of Justice "
     "could decide the matter.", "rejected"),
    ("The Brazilian minister denounced the ruling and said he would take the case back to the "
     "International Court of Justice.", "denounced"),
])
def test_places_a_venue_in_another_clause_is_not_the_place(stage, nlp_en, text, trigger):
    loc = _typed(stage, nlp_en, text, trigger, "REJECT", "en")
    assert loc is None or loc.country != "NLD"


def test_places_a_venue_where_the_speakers_gathered_still_places_it(stage, nlp_en):
    # a participle on the subject says where its speakers are: their act is there
    text = "The ministers, gathered at the European Council, decided to recall their ambassadors."
    loc = _typed(stage, nlp_en, text, "recall", "SANCTION", "en")
    assert loc.country == "BEL"


def test_places_a_venue_in_the_events_own_clause_still_places_it(stage, nlp_en):
    text = "Brazil on Monday rejected a ruling of the International Court of Justice on the border."
    loc = _typed(stage, nlp_en, text, "rejected", "REJECT", "en")
    assert loc.country == "NLD"


def test_places_venue_of_an_earlier_sentence_for_a_diplomatic_event(stage, nlp_fr):
    text = ("Les dirigeants se sont réunis au sein du Conseil européen jeudi. "
            "La Première ministre a demandé des mesures plus strictes.")
    loc = _typed(stage, nlp_fr, text, "a demandé", "REQUEST", "fr")
    assert (loc.country, loc.precision) == ("BEL", "facility")


def test_places_venue_is_not_the_place_of_an_attack(stage, nlp_fr):
    text = "Le Conseil de sécurité s'est réuni. Des hommes armés ont attaqué un convoi à Gao."
    loc = _typed(stage, nlp_fr, text, "ont attaqué", "ASSAULT", "fr")
    assert (loc.name, loc.country) == ("Gao", "MLI")
    text = "Le Conseil de sécurité s'est réuni. Des hommes armés ont ensuite attaqué un convoi."
    loc = _typed(stage, nlp_fr, text, "ont ensuite attaqué", "ASSAULT", "fr")
    assert loc is None or loc.country != "USA"


def test_places_venues_file_is_valid():
    from eventwire.places.venues import load_venues

    found = load_venues().find("Le Conseil de sécurité de l'ONU a voté.")
    assert [p.name for _, p in found] == ["United Nations Headquarters, New York"]


def test_places_clause_describing_the_event_noun_and_conjoined_places(stage, nlp_en):
    text = "The minister condemned the crimes being committed by the regime in Hama and Homs."
    loc = run(stage, nlp_en, text, "crimes", source="regime", lang="en").events[0].location
    assert loc.name in ("Ḩamāh", "Hama") and loc.country == "SYR"


def test_places_a_persons_post_is_not_the_event_location(stage, nlp_fr):
    text = "Les ministres, réunis au Conseil européen, ont décidé de rappeler leur ambassadeur à Moscou."
    loc = _typed(stage, nlp_fr, text, "rappeler", "SANCTION", "fr")
    assert loc.country == "BEL"


def test_places_attacked_city_as_object_is_the_location(stage, nlp_en):
    text = "Fighting resumed in Idlib on Monday. Later, government forces shelled Mosul with rockets."
    loc = run(stage, nlp_en, text, "shelled", source="government forces", lang="en").events[0].location
    assert (loc.name, loc.country) == ("Mosul", "IRQ")


def test_places_accused_capital_as_object_is_not_the_location(stage, nlp_en):
    text = "Fighting resumed in Idlib on Monday. Later, the minister accused Moscow of lying."
    loc = _typed(stage, nlp_en, text, "accused", "ACCUSE", "en")
    assert loc is None or loc.name != "Moscow"


def test_places_an_old_name_of_a_big_city_is_no_country_prior(pipeline):
    # "Salisbury" is also Harare's colonial name: that hit must not vote for Zimbabwe by itself, and the
    # article's British actor supports the English town
    text = ("Le gouvernement britannique demande des sanctions contre la Russie. L'empoisonnement "
            "de l'ex-agent double a eu lieu dans la ville de Salisbury le 4 mars.")
    places = pipeline.analyze(Article("t", text, "fr", published="2018-03-24")).places
    assert [(p.name, p.country) for p in places if p.text == "Salisbury"] == [("Salisbury", "GBR")]


def test_places_fronted_place_frames_its_whole_paragraph(stage, nlp_fr):
    text = ("Bilan\n\n3 mars 2019 . –\nL'armée a dû se retirer de Palmyre.\n\n"
            "En revanche, à Alep, les troupes gouvernementales progressent. C'est le front le plus disputé "
            "de la guerre. Depuis 2013, les insurgés contrôlent les quartiers orientaux. Le gouvernement veut "
            "les reprendre. Les combattants d'Idleb ont attaqué les lignes du régime.")
    loc = run(stage, nlp_fr, text, "ont attaqué").events[0].location
    assert (loc.name, loc.country) == ("Aleppo", "SYR")


def test_places_a_place_inside_a_clause_does_not_frame_the_paragraph(stage, nlp_fr):
    text = ("Bilan\n\n3 mars 2019 . –\nL'armée a dû se retirer de Palmyre.\n\n"
            "Les troupes gouvernementales, qui ont avancé à Alep, progressent encore. C'est le front le plus "
            "disputé de la guerre. Depuis 2013, les insurgés contrôlent l'est du pays. Le gouvernement veut "
            "les reprendre. Les combattants d'Idleb ont attaqué les lignes du régime.")
    loc = run(stage, nlp_fr, text, "ont attaqué").events[0].location
    assert loc is None or loc.name != "Aleppo"


def test_places_a_fronted_place_later_in_the_paragraph_frames_only_its_neighbours(stage, nlp_fr):
    text = ("Fusillade à Narbonne\n\n4 juin 2019 . – Une fusillade a éclaté à Narbonne.\n\n"
            "Le tireur a été arrêté par la police. C'est un homme de 31 ans. Dans la nuit, à Carcassonne, "
            "il a incendié une voiture. Puis il a menacé des passants. Ensuite, il est parti vers la gare. "
            "Il aurait proféré des insultes. Trois personnes ont été blessées par le tireur.")
    loc = run(stage, nlp_fr, text, "ont été blessées").events[0].location
    assert loc is None or loc.name != "Carcassonne"


# -- GeoNames false hits: spelling variants, odd alternate names, regions nobody named ------------
def test_places_spelling_variant_needs_the_article_country(stage, nlp_fr):
    a = run(stage, nlp_fr, "Le président de la Corée a rencontré son homologue japonais.", "a rencontré")
    assert not any(p.country == "CHE" for p in a.places)  # "Corée" is no Zürich
    a = run(stage, nlp_fr, "Les combats ont repris à Rakka, en Syrie.", "combats")
    assert a.events[0].location is not None and a.events[0].location.name == "Ar Raqqah"


def test_places_unrelated_alternate_name_of_a_village_is_no_place(stage, nlp_fr):
    text = ("À Paris, l'avenue des Champs-Élysées de l'Étoile à la Concorde est fermée à la circulation, et le pont "
            "de la Concorde aussi. Tout piéton voulant passer au lieu de la manifestation est fouillé.")
    a = run(stage, nlp_fr, text, "manifestation")
    assert "Concorde" not in {p.text for p in a.places}  # not Saint-Sauveur-d'Aunis, a village with that alias


def test_places_region_of_a_country_never_named_is_no_place(stage, nlp_fr):
    text = ("Corée du Sud : Moon Jae-in élu président\n\n9 mai 2017 . –\nLe candidat Moon Jae-in a remporté "
            "l'élection présidentielle en Corée du Sud avec 41 % des voix.")
    a = run(stage, nlp_fr, text, "a remporté")
    assert not any(p.country == "RWA" for p in a.places)  # the title's "Sud" alone is a region of Rwanda too
    assert a.events[0].location is not None and a.events[0].location.country == "KOR"


def test_places_seat_of_government_is_its_capital_not_a_namesake(stage, nlp_fr):
    a = run(stage, nlp_fr, "Le porte-parole a répondu aux journalistes à la Maison-Blanche.", "a répondu")
    loc = a.events[0].location
    assert (loc.name, loc.country, loc.precision) == ("White House", "USA", "facility")


def test_places_one_letter_is_no_place(stage, nlp_fr):
    text = ("Les ventes reculent\n\n5 avril 2018 . –\nLes ventes de voitures ont connu un recul en mars. "
            "La catégorie A enregistre un recul de 2 % sur un an.")
    a = run(stage, nlp_fr, text, "reculent")
    assert all(p.text != "A" for p in a.places)  # not Ardres, whose alternate names include "A"


def test_places_place_after_a_closed_relative_clause_is_the_main_clause_s(stage, nlp_fr):
    text = ("Il avait été arrêté par des policiers armés, qui n'ont jamais justifié l'arrestation, le 8 novembre "
            "2015 à Gao, une ville du nord du Mali.")
    lead = ("Un Belge a été arrêté au Tchad.\n\nPour l'instant, on ne connaît qu'un seul autre cas de "
            "détention d'un ressortissant belge dans la région, celui d'un ingénieur qui travaillait pour une "
            "société minière. ")
    a = run(stage, nlp_fr, lead + text, "avait été arrêté")
    assert a.events[0].location is not None and a.events[0].location.name == "Gao"


def test_places_complement_of_a_noun_inside_a_verbal_trigger(stage, nlp_fr):
    text = ("L'armée a envoyé des renforts contre les insurgés à l'ouest du pays. Le 2 octobre, les troupes "
            "syriennes et leurs alliés ont levé le siège de Deir ez-Zor grâce à des renforts venus de Homs.")
    a = run(stage, nlp_fr, text, "ont levé le siège")
    assert a.events[0].location is not None and a.events[0].location.name == "Deir ez-Zor"


def test_places_place_naming_a_treaty_is_no_location(stage, nlp_fr):
    text = "Les États-Unis se retirent de l'accord de Paris sur le climat."
    a = run(stage, nlp_fr, text, "se retirent")
    assert all(p.text != "Paris" for p in a.places)  # neither Paris nor Paris, Texas


def test_places_seat_of_a_court_is_where_it_rules(stage, nlp_fr):
    text = "Un ancien préfet, qui vit à Nice, a été condamné par la cour d'appel de Lyon à un an de prison."
    a = run(stage, nlp_fr, text, "a été condamné", source="cour d'appel de Lyon")
    assert a.events[0].location is not None and (a.events[0].location.name, a.events[0].location.country) == (
        "Lyon", "FRA")


def test_places_region_with_an_article_is_the_region(stage, nlp_fr):
    loc = run(stage, nlp_fr, "Des milliers d'étudiants ont manifesté au Québec.", "ont manifesté").events[0].location
    assert (loc.precision, loc.country) == ("admin1", "CAN")
    loc = run(stage, nlp_fr, "Des milliers d'étudiants ont manifesté à Québec.", "ont manifesté").events[0].location
    assert (loc.precision, loc.country) == ("city", "CAN")
    loc = run(stage, nlp_fr, "Des manifestants ont brisé des vitrines dans l'Oregon.", "ont brisé").events[0].location
    assert (loc.name, loc.precision) == ("Oregon", "admin1")  # not Oregon, Ohio
    loc = run(stage, nlp_fr, "Des milliers de personnes ont manifesté au Caire.", "ont manifesté").events[0].location
    assert (loc.name, loc.precision) == ("Cairo", "city")  # the governorate is not ten times the city


def test_places_city_district_only_by_its_full_name(stage, nlp_fr):
    text = "À Bordeaux, des manifestants se sont rassemblés devant l'Hôtel de Ville et ont affronté la police."
    a = run(stage, nlp_fr, text, "ont affronté")
    assert all("Paris" not in p.name for p in a.places)  # not "Paris 04 Hôtel-de-Ville"


def test_places_small_namesake_never_beats_a_big_city_on_priors_alone(stage, nlp_en):
    text = ("Washington: the United States will leave the deal, US President Donald Trump said in Washington. The "
            "United States and US officials said more. Protesters gathered in Paris on Friday.")
    a = run(stage, nlp_en, text, "gathered", lang="en")
    assert a.events[0].location is not None and a.events[0].location.country == "FRA"


def test_places_country_after_a_la_is_a_dative_not_a_location(stage, nlp_fr):
    text = ("Trump retire les États-Unis du traité transpacifique\n\nLe président a signé le décret à Washington. "
            "Le retrait américain pourrait également bénéficier à la Chine.")
    loc = run(stage, nlp_fr, text, "retrait").events[0].location
    assert loc is not None and loc.country != "CHN"


def test_places_object_of_a_verb_of_taking_is_the_place_taken(stage, nlp_fr):
    text = ("La Turquie est entrée en Syrie. Les rebelles soutenus par Ankara ont ensuite réussi à prendre "
            "al-Raï, une petite ville tenue par les djihadistes.")
    loc = run(stage, nlp_fr, text, "prendre").events[0].location
    assert loc is not None and (loc.country, loc.precision, loc.text) == ("SYR", "city", "al-Raï")


EXECUTION = ("Irak : une église visée par un attentat\n\n9 mai 2017 . – Un attentat a visé une église à Hilla. "
             "Le pays est traversé par des manifestations et de la colère après l'exécution d'un opposant chiite "
             "en Arabie saoudite vendredi.")


def test_places_place_of_another_event_noun_is_not_this_event_s(stage, nlp_fr):
    doc = nlp_fr(EXECUTION)
    protest, execution = (make_event(doc, t, None, "fr") for t in ("manifestations", "exécution"))
    a = stage(Analysis(article=Article("t", EXECUTION, "fr"), doc=doc, events=(protest, execution)))
    assert a.events[0].location is None or a.events[0].location.country != "SAU"
    assert a.events[1].location is not None and a.events[1].location.country == "SAU"


def test_places_place_that_gave_the_inferred_source_is_still_the_location(stage, nlp_fr):
    doc = nlp_fr(EXECUTION)
    ev = make_event(doc, "exécution", None, "fr")
    s = EXECUTION.index("Arabie saoudite")
    saudi = Actor(text="Arabie saoudite", name="Saudi Arabia", span=(s, s + 15), country="SAU", sector="GOV")
    ev = replace(ev, source=saudi, rule="fr.ASSAULT.noun.inferred-state-of-place-of",
                 source_found=Found.PLACE)
    loc = stage(Analysis(article=Article("t", EXECUTION, "fr"), doc=doc, events=(ev,))).events[0].location
    assert loc is not None and loc.country == "SAU" and loc.precision == "country"


def test_places_name_in_parentheses_after_a_place_qualifies_it(stage, nlp_fr):
    text = "En France, les Gilets jaunes manifestent. À Sorgues (Vaucluse), des manifestants ont bloqué la route."
    a = run(stage, nlp_fr, text, "ont bloqué")
    assert a.events[0].location is not None and a.events[0].location.name == "Sorgues"
    assert "Vaucluse" not in {p.text for p in a.places}  # not Fontaine-de-Vaucluse, a second place


@pytest.mark.parametrize(("text", "name"), [
    # NER reads the division and its type word as one organisation: the name without the type word
    ("SAN SALVADOR - Rebels burned a bus in Cuscatlan Department on Monday.", "Cuscatlán"),
    ("SAN SALVADOR - Soldiers clashed with rebels in Morazan Department on Monday.", "Morazán"),
])
def test_places_a_division_written_with_its_type_word(stage, nlp_en, text, name):
    trigger = "burned" if "burned" in text else "clashed"
    loc = run(stage, nlp_en, text, trigger, source="Rebels" if "Rebels" in text else "Soldiers",
              lang="en").events[0].location
    assert (loc.name, loc.country, loc.precision) == (name, "SLV", "admin1")


def test_places_a_possessive_ner_swallowed_is_no_part_of_the_name(stage, nlp_en):
    text = "Rebels shot dead an air force officer in San Salvador's main market on Monday."
    loc = run(stage, nlp_en, text, "shot", source="Rebels", lang="en").events[0].location
    assert (loc.text, loc.country) == ("San Salvador", "SLV")


def test_places_a_spelling_of_a_big_city_beats_its_small_namesake_in_a_country_the_sentence_names(pipeline):
    # "Bagdad" is Baghdad in French and a village in Florida: an embassy of the United States in the
    # sentence does not move the Iraqi capital to Florida when the article speaks of Iraq
    text = ("Deux roquettes ont visé samedi l'ambassade des États-Unis à Bagdad, sans faire de blessés. "
            "Le gouvernement irakien a condamné l'attaque.")
    places = pipeline.analyze(Article("t", text, "fr", published="2024-03-02")).places
    assert [(p.name, p.country) for p in places if p.text == "Bagdad"] == [("Baghdad", "IRQ")]
    # "Paris, Texas": the sentence names the namesake's own region, and it stays
    text = "Un incendie a détruit un entrepôt à Paris, au Texas, dimanche."
    places = pipeline.analyze(Article("t2", text, "fr", published="2024-03-02")).places
    assert [(p.country, p.admin1) for p in places if p.text == "Paris"] == [("USA", "Texas")]


def test_places_a_spelling_of_a_big_city_is_a_country_prior(pipeline):
    # "KIEV" and "Odessa" are Kyiv and Odesa spelled the French way: the dateline says Ukraine, so
    # Odessa is the Ukrainian port, not the Texan town of its exact name
    text = ("KIEV, 3 mars 2024 (AFP) - Des drones ont frappé dans la nuit le port d'Odessa, blessant "
            "trois dockers, selon les autorités régionales. Un entrepôt de céréales a brûlé.")
    places = pipeline.analyze(Article("t", text, "fr", published="2024-03-03")).places
    assert {(p.name, p.country) for p in places if p.text == "Odessa"} == {("Odesa", "UKR")}


def test_places_a_name_does_not_state_the_region_above_its_namesake_divisions(pipeline):
    # GeoNames has counties named Washington in many states: the name alone says no state, and the
    # federal capital is not outweighed by a village of Louisiana
    text = "Des milliers de manifestants ont défilé samedi à Washington contre la réforme."
    places = pipeline.analyze(Article("t", text, "fr", published="2024-03-02")).places
    assert [(p.name, p.admin1) for p in places if p.text == "Washington"] == [("Washington", "District of Columbia")]
    # a region of the name itself still speaks for the city of the name ("San José", province and capital)
    text = "La police a dispersé dimanche une manifestation d'étudiants à San José, au Costa Rica."
    places = pipeline.analyze(Article("t2", text, "fr", published="2024-03-02")).places
    assert {(p.name, p.country) for p in places if p.text == "San José"} == {("San José", "CRI")}


@pytest.mark.parametrize(("text", "trigger", "admin1", "country"), [
    ("Des agriculteurs ont manifesté en Floride mardi.", "ont manifesté", "Florida", "USA"),
    ("Des militants ont défilé en Bavière samedi contre la loi.", "ont défilé", "Bayern", "DEU"),
    ("Des enseignants ont manifesté en Lombardie jeudi.", "ont manifesté", "Lombardia", "ITA"),
    ("Des militants ont manifesté en Kabylie dimanche.", "ont manifesté", "Kabylie", "DZA"),
    ("Des soldats ont été déployés dans le Sinaï lundi.", "ont été déployés", "Sinai Peninsula", "EGY"),
    ("Des pêcheurs ont manifesté en Écosse lundi.", "ont manifesté", "Scotland", "GBR"),
])
def test_places_a_first_level_division_by_its_french_name(stage, nlp_fr, text, trigger, admin1, country):
    # pycountry's ISO 3166-2 catalogues give the divisions' French names ("Floride", "Bavière")
    loc = run(stage, nlp_fr, text, trigger).events[0].location
    assert loc is not None and (loc.country, loc.precision) == (country, "admin1")
    assert loc.admin1 == admin1 or loc.name == admin1
