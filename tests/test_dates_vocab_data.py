"""The date vocabularies under data/dates/ load, validate and compile."""

from __future__ import annotations

import pytest

from eventwire.dates.vocab import compile_grammar, load_vocab
from eventwire.errors import DataFileError


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dates_vocab_covers_every_month_and_weekday(lang):
    vocab = load_vocab(lang)
    assert set(vocab.months.values()) == set(range(1, 13))
    assert set(vocab.weekdays.values()) == set(range(7))
    assert vocab.relative and vocab.counted and vocab.lists["reporting_verbs"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dates_vocab_compiles(lang):
    grammar = compile_grammar(load_vocab(lang))
    assert [k for k, _ in grammar.patterns][:3] == ["iso", "numeric", "dmy"]
    assert len(grammar.counted_rules) == len(grammar.vocab.counted)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dates_vocab_ambiguous_months_are_months(lang):
    vocab = load_vocab(lang)
    for name in vocab.lists["ambiguous_months"]:
        assert 1 <= vocab.month(name) <= 12


def test_dates_vocab_rejects_bad_relative_rule(tmp_path):
    bad = tmp_path / "fr.yaml"
    bad.write_text("language: fr\nrelative:\n  hier: [fortnight, -1]\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        load_vocab("fr", bad)


def test_dates_vocab_rejects_wrong_language(tmp_path):
    bad = tmp_path / "fr.yaml"
    bad.write_text("language: en\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        load_vocab("fr", bad)


def test_dates_vocab_rejects_month_out_of_range(tmp_path):
    bad = tmp_path / "fr.yaml"
    bad.write_text("language: fr\nmonths:\n  brumaire: 13\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        load_vocab("fr", bad)
