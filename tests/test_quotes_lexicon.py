"""The shipped reporting lexicons load, validate, and reject malformed files."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.quotes.lexicon import load_lexicon, phrase_pattern
from eventwire.text import fold_words


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_quotes_lexicon_shipped_files_validate(lang):
    lex = load_lexicon(lang)
    assert lex.lang == lang
    assert lex.reporting_verbs and lex.anonymous_nouns and lex.media_nouns and lex.outlets
    assert all(w == fold_words(w) for w in lex.reporting_verbs | lex.statement_verbs)


def test_quotes_lexicon_folds_accents_and_apostrophes():
    assert fold_words("D’après l’État") == "d'apres l'etat"
    assert load_lexicon("fr").is_verb("déclarer", "déclaré")
    assert load_lexicon("fr").is_verb("communiqué", "communiqué")  # "a-t-il communiqué" taken for a noun
    assert load_lexicon("en").is_verb("say", "said")
    assert not load_lexicon("en").is_verb("eat", "ate")


def test_quotes_lexicon_phrase_pattern_matches_whole_words():
    pattern = phrase_pattern(("selon", "d'apres"))
    assert pattern is not None
    assert pattern.search(fold_words("Selon l'AFP"))
    assert pattern.search(fold_words("D’après lui"))
    assert not pattern.search("resselon")


def test_quotes_lexicon_rejects_a_malformed_file(tmp_path):
    bad = tmp_path / "reporting.yaml"
    bad.write_text("lang: fr\nreporting_verbs: déclarer\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        load_lexicon("fr", str(bad))


def test_quotes_lexicon_rejects_yaml_booleans(tmp_path):
    """An unquoted ``on`` is a YAML boolean: the validator says so instead of matching nothing."""
    import yaml

    from eventwire.data import data_path

    raw = yaml.safe_load(data_path("lang", "fr", "reporting.yaml").read_text(encoding="utf-8"))
    raw["indefinite_pronouns"] = [True]
    path = tmp_path / "reporting.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError, match="indefinite_pronouns"):
        load_lexicon("fr", str(path))
