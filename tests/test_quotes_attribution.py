"""Attribution of coded events: inside a quote, the statement itself, or the author."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import eventwire
from eventwire.actors import ActorStage
from eventwire.config import load_config
from eventwire.pipeline import Resources
from eventwire.quotes import AttributionStage, QuoteStage, quote_at
from eventwire.records import Analysis, Article, Event, TextRef

FR_TEXT = (
    "Le mouvement Hamas a menacé d'une riposte contre Israël. "
    "« La trêve est finie », a déclaré le porte-parole du Hamas, Hazem Qassem, dans un communiqué.\n"
    "Mardi, une source de sécurité a révélé que 50 chars étaient arrivés à la frontière. "
    "« Le convoi est arrivé de nuit », ajoute la source, citée par l'agence Tasnim.\n"
    "L'armée a bombardé la ville de Gaza en janvier."
)


def event(text: str, trigger: str, type_: str, lang: str) -> Event:
    start = text.index(trigger)
    ref = TextRef(trigger, (start, start + len(trigger)))
    return Event(article_id="t", language=lang, type=type_, trigger=ref, evidence=ref)


@pytest.fixture(scope="module")
def analysed(nlp_fr, nlp_en, resources):
    def run(text: str, lang: str, events: list[tuple[str, str]]) -> Analysis:
        nlp = nlp_fr if lang == "fr" else nlp_en
        analysis = Analysis(article=Article(id="t", text=text, language=lang), doc=nlp(text))
        analysis = QuoteStage(resources)(ActorStage(resources)(analysis))
        evs = tuple(event(text, trig, typ, lang) for trig, typ in events)
        return AttributionStage(resources)(replace(analysis, events=evs))

    return run


def test_quotes_attribution_statement_is_named_through_the_spokesman(analysed):
    (ev,) = analysed(FR_TEXT, "fr", [("a menacé", "THREATEN")]).events
    assert ev.attribution.kind == "named"
    assert ev.attribution.speaker.name == "Hazem Qassem"


def test_quotes_attribution_reported_clause_is_anonymous_with_relay(analysed):
    (ev,) = analysed(FR_TEXT, "fr", [("étaient arrivés", "MOBILIZE")]).events
    assert ev.attribution.kind == "anonymous"
    assert ev.attribution.speaker.text == "une source de sécurité"
    assert ev.attribution.via.name == "Tasnim"
    assert "50 chars étaient arrivés" in ev.attribution.quote.text


def test_quotes_attribution_defaults_to_author(analysed):
    (ev,) = analysed(FR_TEXT, "fr", [("a bombardé", "ASSAULT")]).events
    assert ev.attribution.kind == "author" and ev.attribution.speaker is None


def test_quotes_attribution_selon(analysed):
    text = "Selon un responsable de la police, une voiture piégée a explosé à Mossoul."
    (ev,) = analysed(text, "fr", [("a explosé", "ASSAULT")]).events
    assert ev.attribution.kind == "anonymous"
    assert ev.attribution.speaker.text == "un responsable de la police"


def test_quotes_attribution_indirect_speech_named(analysed):
    text = "Le ministre Jean Dupont a déclaré que les rebelles avaient attaqué un convoi près de Gao."
    (ev,) = analysed(text, "fr", [("avaient attaqué", "ASSAULT")]).events
    assert ev.attribution.kind == "named" and ev.attribution.speaker.name == "Jean Dupont"


def test_quotes_attribution_inside_direct_quote_english(analysed):
    text = '"Rebels attacked our checkpoint at dawn," army spokesman Ali Hassan said.'
    (ev,) = analysed(text, "en", [("attacked", "ASSAULT")]).events
    assert ev.attribution.kind == "named" and ev.attribution.speaker.name == "Ali Hassan"


def test_quotes_attribution_according_to_media_english(analysed):
    text = "Government forces shelled the town on Monday, according to Syrian state television."
    (ev,) = analysed(text, "en", [("shelled", "ASSAULT")]).events
    assert ev.attribution.kind == "media"


def test_quotes_attribution_english_statement_event(analysed):
    text = ("The Syrian opposition accused government forces of using poison gas. "
            "Rebels later shelled the town.")
    accused, shelled = analysed(text, "en", [("accused", "ACCUSE"), ("shelled", "ASSAULT")]).events
    assert accused.attribution.kind == "named" and "opposition" in accused.attribution.speaker.text
    assert shelled.attribution.kind == "author"


def test_quotes_quote_at_finds_the_innermost_quote(analysed):
    analysis = analysed(FR_TEXT, "fr", [])
    inside = quote_at(analysis, FR_TEXT.index("convoi est arrivé"))
    assert inside is not None and inside.direct and inside.speaker.text == "une source de sécurité"
    assert quote_at(analysis, FR_TEXT.index("bombardé")) is None
    cue = quote_at(analysis, FR_TEXT.index("menacé"))
    assert cue is not None and cue.cue.text == "a menacé"


def test_quotes_stage_leaves_unsupported_languages_alone(nlp_fr, resources):
    text = "« Nous partons », a déclaré le ministre."
    analysis = Analysis(article=Article(id="t", text=text, language="ar"), doc=nlp_fr(text))
    assert QuoteStage(resources)(analysis).quotes == ()


def test_quotes_stage_reads_a_language_of_the_registry(nlp_fr, tmp_path):
    """A language is known through ``config.language_dirs``: a folder with a reporting lexicon gets quotes."""
    folder = tmp_path / "zz"
    folder.mkdir()
    (folder / "language.yaml").write_text("name: Toy\nmodels: [fr_core_news_sm]\n", encoding="utf-8")
    shipped = (Path(eventwire.__file__).parent / "data" / "lang" / "fr" / "reporting.yaml").read_text(encoding="utf-8")
    (folder / "reporting.yaml").write_text(shipped.replace("lang: fr", "lang: zz"), encoding="utf-8")
    text = "« Nous partons », a déclaré le ministre."
    analysis = Analysis(article=Article(id="t", text=text, language="zz"), doc=nlp_fr(text))
    toy = Resources(load_config(overrides={"language_dirs": [str(tmp_path)]}))
    assert [q.speaker.text for q in QuoteStage(toy)(analysis).quotes] == ["le ministre"]
    assert QuoteStage(Resources(load_config()))(analysis).quotes == ()  # unknown without the folder


def test_quotes_attribution_without_quotes_is_author(analysed):
    text = "Les rebelles ont attaqué un convoi près de Gao."
    (ev,) = analysed(text, "fr", [("ont attaqué", "ASSAULT")]).events
    assert ev.attribution.kind == "author" and ev.attribution.quote is None
