"""The shipped trigger lexicons and coding knowledge are valid data (types, modes, classes, no duplicates)."""

from __future__ import annotations

import pytest

from eventwire.coding.lexicon import LIST_KEYS, build_lexicon, load_modes, parse_triggers, validate
from eventwire.data import data_path, load_yaml
from eventwire.errors import DataFileError
from eventwire.records import PLOVER_TYPES

LANGS = ("fr", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_data_every_type_and_mode_documented(lang):
    lex = build_lexicon(lang)
    modes = load_modes()
    assert {e.type for e in lex.entries} == set(PLOVER_TYPES)
    for e in lex.entries:
        assert e.mode is None or e.mode in modes[e.type], (e.lemma, e.mode)


@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_data_no_duplicate_entries(lang):
    lex = build_lexicon(lang)
    keys = [e.key() for e in lex.entries]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_data_coding_lists_present(lang):
    raw = load_yaml(data_path("lang", lang, "coding.yaml"))
    for key in LIST_KEYS:
        assert isinstance(raw.get(key), list), f"{lang}/coding.yaml lacks {key}"


def test_lexicon_data_every_list_has_words_in_some_language():
    raws = [load_yaml(data_path("lang", lang, "coding.yaml")) for lang in LANGS]
    assert [k for k in LIST_KEYS if not any(raw[k] for raw in raws)] == []


@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_data_brief_lexemes_present(lang):
    lex = build_lexicon(lang)
    wanted = {"fr": ["menacer", "menace", "assassinat", "retrait", "refuser", "prendre en otage",
                     "frappe aérien", "attentat-suicide"],
              "en": ["threaten", "withdrawal", "airstrike", "call", "meet", "sign", "condemn",
                     "arrest", "deploy", "protest"]}[lang]
    lemmas = {e.lemma for e in lex.entries}
    assert not [w for w in wanted if w not in lemmas]


def test_lexicon_validate_rejects_bad_mode_and_unknown_class():
    modes, classes = load_modes(), {"actor": frozenset({"army"})}
    bad_mode = parse_triggers({"triggers": {"ASSAULT": {"verb": ["attack/demo"]}}}, "t")
    with pytest.raises(DataFileError):
        validate(bad_mode, modes, classes)
    bad_class = parse_triggers({"triggers": {"ASSAULT": {"verb": [{"lemma": "hit", "objclass": "x"}]}}}, "t")
    with pytest.raises(DataFileError):
        validate(bad_class, modes, classes)


def test_lexicon_parse_rejects_unknown_type_and_keys():
    with pytest.raises(DataFileError):
        parse_triggers({"triggers": {"FIGHT": {"verb": ["fight"]}}}, "t")
    with pytest.raises(DataFileError):
        parse_triggers({"triggers": {"ASSAULT": {"verb": [{"lemma": "hit", "colour": "red"}]}}}, "t")


def test_lexicon_duplicate_in_one_file_rejected():
    doc = {"triggers": {"ASSAULT": {"verb": ["attack"]}, "ACCUSE": {"verb": ["attack"]}}}
    entries = parse_triggers(doc, "t")
    with pytest.raises(DataFileError):
        validate(entries, load_modes(), {})


def test_lexicon_user_file_adds_entries(tmp_path):
    user = tmp_path / "mine.yaml"
    text = "language: en\ntriggers:\n  PROTEST:\n    verb:\n      - {lemma: picket-line, mode: demo}\n"
    user.write_text(text, encoding="utf-8")
    lex = build_lexicon("en", [str(user)])
    assert any(e.lemma == "picket-line" and e.origin == str(user) for e in lex.entries)
    assert not any(e.lemma == "picket-line" for e in build_lexicon("fr", [str(user)]).entries)


def test_lexicon_yaml_booleans_are_rejected():
    with pytest.raises(DataFileError):
        parse_triggers({"triggers": {"REQUEST": {"verb": [{"lemma": "call", "prep": ["for", True]}]}}}, "t")


def test_looting_is_a_seizure_or_a_riot():
    # an armed group's looting takes property (COERCE seize); a crowd's is a riot (PROTEST): both senses
    # are candidates and the judge weighs them ("Armed men looted the market", "Rioters looted shops")
    lex = build_lexicon("en")
    senses = {(e.type, e.mode, e.object_required) for e in lex.entries if e.lemma == "loot" and e.pos == "verb"}
    assert ("COERCE", "seize", True) in senses and ("PROTEST", "riot", False) in senses
