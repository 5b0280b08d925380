"""ActorStage lists every actor mention of a document, with exact spans."""

from __future__ import annotations

from eventwire.actors import ActorStage, resolver_for
from eventwire.records import Analysis, Article

FR_TEXT = (
    "Le groupe Asaib Ahl al-Haq a menacé les Américains. "
    "« Nous ne céderons pas », a affirmé le porte-parole d'Asaïb Ahl al-Haq, Nadim Sabbagh. "
    "M. Sabbagh a accusé les forces américaines et le gouvernement irakien. "
    "Des hommes armés ont attaqué un convoi à Bagdad. "
    "Le groupe jihadiste somalien Hizbul Islam a revendiqué l'attaque."
)


def _run(resources, nlp, text, lang, published="2020-11-05"):
    article = Article(id="t", text=text, language=lang, published=published)
    return ActorStage(resources)(Analysis(article=article, doc=nlp(text)))


def test_actors_stage_spans_are_exact(resources, nlp_fr):
    analysis = _run(resources, nlp_fr, FR_TEXT, "fr")
    assert analysis.actors
    for actor in analysis.actors:
        assert FR_TEXT[actor.span[0]:actor.span[1]] == actor.text


def test_actors_stage_finds_dictionary_role_and_generic_mentions(resources, nlp_fr):
    names = [a.name for a in _run(resources, nlp_fr, FR_TEXT, "fr").actors]
    assert names.count("Asaib Ahl al-Haq") == 2
    assert "United States" in names            # "les Américains", "les forces américaines"
    assert "Iraqi government" in names
    assert "gunmen" in names


def test_actors_stage_place_is_not_an_actor(resources, nlp_fr):
    texts = [a.text for a in _run(resources, nlp_fr, FR_TEXT, "fr").actors]
    assert "Bagdad" not in texts               # "à Bagdad" is where, not who


def test_actors_stage_surname_takes_the_earlier_full_name(resources, nlp_fr):
    actors = _run(resources, nlp_fr, FR_TEXT, "fr").actors
    sabbagh = [a for a in actors if a.text == "M. Sabbagh"]
    assert sabbagh and sabbagh[0].name == "Nadim Sabbagh"


def test_actors_stage_surname_stays_when_ambiguous(resources, nlp_fr):
    text = ("Ahmed Sabbagh et Karim Sabbagh sont arrivés à Paris lundi matin. "
            "M. Sabbagh a ensuite rencontré le ministre.")
    actors = _run(resources, nlp_fr, text, "fr").actors
    assert [a.name for a in actors if a.text == "M. Sabbagh"] in ([], ["Sabbagh"])


def test_actors_stage_unknown_group_gets_country_and_sector(resources, nlp_fr):
    actors = _run(resources, nlp_fr, FR_TEXT, "fr").actors
    hizbul = [a for a in actors if a.name == "Hizbul Islam"]
    assert hizbul and (hizbul[0].country, hizbul[0].sector) == ("SOM", "REB")


def test_actors_stage_english(resources, nlp_en):
    text = ("Iraqi protesters stormed the US embassy in Baghdad on Tuesday, and Washington "
            "blamed Kataib Hezbollah. Gunmen later opened fire on security forces.")
    actors = _run(resources, nlp_en, text, "en").actors
    got = {(a.text, a.name) for a in actors}
    assert ("Iraqi protesters", "protesters") in got
    assert ("Washington", "United States") in got
    assert ("Kataib Hezbollah", "Kataeb Hezbollah") in got
    assert ("Gunmen", "gunmen") in got
    assert all(text[a.span[0]:a.span[1]] == a.text for a in actors)


def test_actors_stage_actor_at_offset(resources, nlp_fr):
    analysis = _run(resources, nlp_fr, FR_TEXT, "fr")
    resolver = resolver_for(resources, "fr")
    start = FR_TEXT.index("Américains")
    assert resolver.actor_at(analysis, start + 2).name == "United States"
    assert resolver.actor_at(analysis, FR_TEXT.index("menacé")) is None


def test_actors_stage_resolver_is_built_once_per_process(resources):
    assert resolver_for(resources, "fr") is resolver_for(resources, "fr")


def test_actors_stage_person_title_gives_country_and_sector(resources, nlp_fr):
    text = "Selon le ministre somalien Ahmed Nour Warsame, les pays du Golfe ont protesté."
    actors = {a.text: a for a in _run(resources, nlp_fr, text, "fr").actors}
    warsame = actors["Ahmed Nour Warsame"]
    assert (warsame.country, warsame.sector) == ("SOM", "GOV")
    assert actors["pays du Golfe"].name == "Gulf countries"
