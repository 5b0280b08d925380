"""Place resolution and event location on tiny real sentences, with the full offline gazetteer.

The gazetteer is built once for this module into a temporary directory (never the user's cache),
with one user places file, as ``config.user_places`` would add it.
"""

from __future__ import annotations

import pytest

from eventwire.config import load_config
from eventwire.extractors.gazetteer_sources import PLACE_COLUMNS, open_gazetteer
from eventwire.extractors.places import PlaceStage
from eventwire.pipeline import Resources
from eventwire.records import Actor, Analysis, Article, Event, TextRef

pytestmark = pytest.mark.slow

USER_ROW = ("camp-zorglub\tCamp Zorglub\tfacility\tMLI\tGao\t16.3\t-0.1\t0\t"
            "camp de Zorglub|Zorglub camp\tmy survey")


@pytest.fixture(scope="module")
def stage(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("places")
    user = tmp / "mine.tsv"
    user.write_text("\t".join(PLACE_COLUMNS) + "\n" + USER_ROW + "\n", encoding="utf-8")
    config = load_config(overrides={"user_places": [str(user)]})
    resources = Resources(config)
    resources.get("gazetteer", lambda cfg: open_gazetteer(cfg, directory=tmp / "cache"))
    return PlaceStage(resources)


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
    text = "Les renforts sont arrivés à la base aérienne d'Aïn al-Asad, à l'ouest d'al-Anbar en Irak."
    a = run(stage, nlp_fr, text, "arrivés")
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
    text = "Attentats à Aden. Au moins 22 personnes ont été tuées ce vendredi par des kamikazes."
    loc = run(stage, nlp_fr, text, "ont été tuées").events[0].location
    assert (loc.name, loc.country, loc.precision) == ("Aden", "YEM", "city")


def test_places_province_cue_gives_admin1(stage, nlp_en):
    a = run(stage, nlp_en, "Airstrikes hit villages in Idlib province, Syria.", "Airstrikes", lang="en")
    loc = a.events[0].location
    assert (loc.country, loc.precision) == ("SYR", "admin1")


def test_places_user_places_file_is_used(stage, nlp_fr):
    a = run(stage, nlp_fr, "Des hommes armés ont attaqué le camp de Zorglub jeudi.", "ont attaqué")
    loc = a.events[0].location
    assert (loc.name, loc.country, loc.precision) == ("Camp Zorglub", "MLI", "facility")


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
    text = "Government forces took strategic ground around Aleppo in June."
    a = run(stage, nlp_en, text, "took", lang="en")
    assert [p.name for p in a.places] == ["Aleppo"]


def test_places_based_monitor_is_not_the_event_location(stage, nlp_en):
    text = "Rebels shelled Aleppo on Monday, the Britain-based Syrian Observatory for Human Rights said."
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
