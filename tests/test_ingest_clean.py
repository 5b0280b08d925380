"""Cleaning: text normalisation, published dates, decoding, bad text, HTML extraction."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import load_config
from eventwire.errors import BudgetError, ExtractionError, ReadError
from eventwire.ingest.clean import (
    article_from_html,
    article_from_text,
    decode_bytes,
    normalize_language,
    normalize_published,
    normalize_text,
)

DATA = Path(__file__).parent / "data" / "ingest"
FR = "Le ministre irakien des Affaires étrangères a convoqué l'ambassadeur des États-Unis."


@pytest.mark.parametrize("raw, iso", [
    ("2020-11-05", "2020-11-05"),
    ("2020-11-05T10:00:00Z", "2020-11-05"),
    ("2020-11-05 10:00", "2020-11-05"),
    ("20201105", "2020-11-05"),
    (20201105, "2020-11-05"),
])
def test_clean_published_normalised_to_iso(raw, iso):
    assert normalize_published(raw) == (iso, None)


@pytest.mark.parametrize("raw", ["2016-01-ur", "2020-02-30", "5 novembre 2020", "2020-13-01"])
def test_clean_published_invalid_becomes_none_with_warning(raw):
    value, warning = normalize_published(raw)
    assert value is None
    assert warning is not None and repr(raw) in warning


def test_clean_published_absent_is_silent():
    assert normalize_published(None) == (None, None)
    assert normalize_published("  ") == (None, None)


def test_clean_article_keeps_invalid_published_as_warning():
    article = article_from_text(FR, article_id="a", published="2016-01-ur", config=load_config())
    assert article.published is None
    assert len(article.warnings) == 1 and "2016-01-ur" in article.warnings[0]


def test_clean_text_nfc_and_newlines():
    decomposed = "Le ministre de\u0301missionne.\r\nIl part.\rFin."
    text = normalize_text("\ufeff" + decomposed)
    assert text == "Le ministre démissionne.\nIl part.\nFin."


def test_clean_text_keeps_leading_space_so_offsets_hold():
    article = article_from_text("  " + FR + "\n", article_id="a", config=load_config())
    assert article.text == "  " + FR + "\n"


def test_clean_language_code_normalised():
    assert normalize_language("FR") == "fr"
    assert normalize_language("en-GB") == "en"
    assert normalize_language("") is None


@pytest.mark.parametrize("text, code", [
    ("", "E101"),
    ("  \n\t \n", "E101"),
    ("Trop court.", "E101"),
    ("Texte\x00" * 10, "E102"),
    ("\x01\x02\x03\x04 du texte pas du tout lisible \x05\x06\x07\x08", "E102"),
])
def test_clean_bad_text_refused_with_code(text, code):
    with pytest.raises(ReadError) as info:
        article_from_text(text, article_id="a", config=load_config())
    assert info.value.code == code


def test_clean_text_over_max_chars_refused():
    config = load_config(overrides={"max_chars": 50})
    with pytest.raises(BudgetError) as info:
        article_from_text(FR, article_id="a", config=config)
    assert info.value.code == "E140" and info.value.stage == "read"  # the character budget
    assert "max_chars=50" in info.value.message


def test_clean_decode_utf8_with_bom():
    assert decode_bytes(b"\xef\xbb\xbf" + FR.encode("utf-8")) == FR


def test_clean_decode_invalid_utf8_names_the_byte():
    data = "Le général a été".encode() + b"\xe9" + b" nomm\xe9 hier."
    with pytest.raises(ReadError) as info:
        decode_bytes(data)
    assert info.value.code == "E104"
    assert f"at byte {len('Le général a été'.encode())}" in info.value.message


def test_clean_decode_html_declared_windows_1252():
    text = decode_bytes((DATA / "article-cp1252.html").read_bytes(), html=True)
    assert "l’armée" in text and "cœur" in text


def test_clean_decode_html_declared_iso_8859_1():
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Réunion à Genève</p></body></html>'
    assert "Réunion à Genève" in decode_bytes(html.encode("latin-1"), html=True)


def test_clean_decode_plain_text_ignores_charset_looking_text():
    data = '<meta charset="latin-1"> Réunion à Genève'.encode("latin-1")
    with pytest.raises(ReadError) as info:
        decode_bytes(data)
    assert info.value.code == "E104"


def test_clean_html_article_extracted_with_metadata():
    html = (DATA / "article-fr.html").read_text(encoding="utf-8")
    article = article_from_html(html, article_id="kh", config=load_config())
    assert article.title == "Irak : les Kataeb Hezbollah menacent les forces américaines"
    assert article.published == "2020-11-05"
    assert article.url == "https://quotidien-levant.example/irak/kataeb-hezbollah-menace"
    assert "a menacé mercredi les forces américaines" in article.text
    assert "Mohammed Mohi" in article.text
    assert "Mentions légales" not in article.text and "Football" not in article.text


def test_clean_html_keeps_paragraph_breaks():
    html = (DATA / "article-fr.html").read_text(encoding="utf-8")
    lines = article_from_html(html, article_id="kh", config=load_config()).text.split("\n")
    assert any(line.startswith("« La trêve conditionnelle") for line in lines)
    assert any(line.startswith("Selon une source de sécurité") for line in lines)


def test_clean_html_caller_metadata_wins():
    html = (DATA / "article-fr.html").read_text(encoding="utf-8")
    article = article_from_html(html, article_id="kh", published="20201106", title="Autre titre",
                                config=load_config())
    assert (article.published, article.title) == ("2020-11-06", "Autre titre")


def test_clean_html_short_article_kept():
    html = ("<html><head><title>Brève</title></head><body><nav>Accueil</nav><div>"
            "<p>Le Premier ministre libanais a démissionné lundi soir à Beyrouth.</p></div></body></html>")
    article = article_from_html(html, article_id="b", config=load_config())
    assert "Le Premier ministre libanais a démissionné lundi soir à Beyrouth." in article.text


def test_clean_html_without_article_is_e110():
    html = (DATA / "no-article.html").read_text(encoding="utf-8")
    with pytest.raises(ExtractionError) as info:
        article_from_html(html, article_id="login", config=load_config())
    assert info.value.code == "E110"



def test_clean_decode_xhtml_xml_declaration_charset():
    page = ('<?xml version="1.0" encoding="iso-8859-1"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
            "<body><p>Les négociations ont repris mardi à Genève.</p></body></html>")
    assert "repris mardi à Genève" in decode_bytes(page.encode("latin-1"), html=True)


def test_clean_decode_html_declared_utf8_but_invalid_is_e104():
    page = '<html><head><meta charset="utf-8"></head><body><p>Réunion</p></body></html>'
    with pytest.raises(ReadError) as info:
        decode_bytes(page.encode("latin-1"), html=True)
    assert info.value.code == "E104" and "UTF-8" in info.value.message


from _shared import EVAL  # noqa: E402

GOLD_DIRS = [EVAL / "dev", EVAL / "dev-en"]


@pytest.mark.skipif(not all(d.is_dir() for d in GOLD_DIRS), reason="shared gold not present")
def test_clean_leaves_gold_texts_unchanged_so_gold_spans_hold():
    import json

    paths = sorted(p for d in GOLD_DIRS for p in d.glob("*.json"))
    texts = [json.loads(p.read_text(encoding="utf-8")).get("text") for p in paths]
    texts = [t for t in texts if isinstance(t, str)]
    assert len(texts) > 10
    assert all(normalize_text(t) == t for t in texts)


def test_clean_decode_utf16_with_bom():
    assert decode_bytes(FR.encode("utf-16")) == FR
    assert decode_bytes(b"\xfe\xff" + FR.encode("utf-16-be")) == FR


def test_clean_decode_utf16_without_bom_is_binary():
    with pytest.raises(ReadError) as info:
        decode_bytes(FR.encode("utf-16-le"))
    assert info.value.code == "E102"


def test_clean_html_english_page_boilerplate_dropped():
    html = (DATA / "article-en.html").read_text(encoding="utf-8")
    article = article_from_html(html, article_id="en", config=load_config())
    assert (article.title, article.published) == ("Iraq militia threatens US forces", "2020-11-05")
    assert "An Iran-backed militia threatened on Wednesday" in article.text
    assert "security source said." in article.text
    for boilerplate in ("cookies", "Share on Facebook", "Oil prices fall", "All rights reserved"):
        assert boilerplate not in article.text
