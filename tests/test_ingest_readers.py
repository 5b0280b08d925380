"""Readers: files, directories, JSONL, stdin; one bad document never stops the batch."""

from __future__ import annotations

import io
import json
import shutil
import time
from pathlib import Path

import pytest

from eventwire.config import load_config
from eventwire.ingest import read_inputs
from eventwire.records import Article, DocumentError

DATA = Path(__file__).parent / "data" / "ingest"
from _shared import CORPUS  # noqa: E402

FR = "Le ministre irakien des Affaires étrangères a convoqué l'ambassadeur des États-Unis.\n"


def _read(inputs, **kwargs):
    return list(read_inputs(inputs, config=kwargs.pop("config", load_config()), **kwargs))


def _kinds(items):
    return [it.code if isinstance(it, DocumentError) else "ok" for it in items]


def test_readers_txt_file_id_is_stem_and_source_is_path():
    (article,) = _read([DATA / "communique-fr.txt"])
    assert isinstance(article, Article)
    assert article.id == "communique-fr"
    assert article.source == str(DATA / "communique-fr.txt")
    assert article.text.startswith("Bagdad, le 5 novembre 2020.")


def test_readers_crlf_becomes_lf():
    (article,) = _read([DATA / "statement-en.txt"])
    assert "\r" not in article.text
    assert "responsible.\nOfficials said" in article.text


def test_readers_directory_goes_on_after_bad_files(tmp_path):
    (tmp_path / "a-good.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "b-empty.txt").write_text("  \n \n", encoding="utf-8")
    (tmp_path / "c-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "d-latin1.txt").write_bytes(FR.encode("latin-1"))
    items = _read([tmp_path])
    assert _kinds(items) == ["ok", "E101", "E102", "E104"]
    assert [it.article_id if isinstance(it, DocumentError) else it.id for it in items] == [
        "a-good", "b-empty", "c-binary", "d-latin1"]
    assert all(it.stage == "read" for it in items[1:])


def test_readers_directory_recursive_sorted_known_suffixes_only(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "a.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "notes.md").write_text(FR, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(FR, encoding="utf-8")
    shutil.copy(DATA / "article-fr.html", tmp_path / "sub" / "c.htm")
    assert [it.id for it in _read([tmp_path])] == ["a", "b", "c"]


def test_readers_json_file_is_a_record_or_an_array_of_records(tmp_path):
    gold = {"article_id": "g1", "lang": "fr", "published": "2021-03-02", "text": FR, "events": []}
    (tmp_path / "one.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"id": "m1", "text": FR}, 7, {"text": FR},
                                                    {"id": "m4", "html": "<p>x</p>", "published": "2020"}]))
    (tmp_path / "broken.json").write_text('{"id": "b", "text": ', encoding="utf-8")
    items = _read([tmp_path / "one.json", tmp_path / "many.json", tmp_path / "broken.json"])
    assert isinstance(items[0], Article) and items[0].id == "g1" and items[0].text == FR
    assert items[0].published == "2021-03-02" and items[0].language == "fr"
    assert _kinds(items[1:4]) == ["ok", "E105", "E106"]  # one bad record, the next ones still read
    assert items[2].message.startswith("record 2:") and items[2].source.endswith("many.json[2]")
    assert _kinds(items[5:]) == ["E105"] and "not valid JSON" in items[5].message


def test_readers_random_bytes_are_binary(tmp_path):
    import random

    rng = random.Random(7)
    (tmp_path / "noise.txt").write_bytes(bytes(rng.randrange(1, 256) for _ in range(4000)))
    assert _kinds(_read([tmp_path / "noise.txt"])) == ["E102"]


def test_readers_invalid_utf8_message_names_byte(tmp_path):
    (tmp_path / "bad.txt").write_bytes(FR.encode("latin-1"))
    (error,) = _read([tmp_path / "bad.txt"])
    assert error.code == "E104"
    assert f"invalid UTF-8 at byte {FR.index('é')}" in error.message


def test_readers_utf8_bom_is_fine(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + FR.encode("utf-8"))
    (article,) = _read([tmp_path / "bom.txt"])
    assert article.text == FR


def test_readers_missing_file_is_e107(tmp_path):
    items = _read([tmp_path / "absent.txt", DATA / "communique-fr.txt"])
    assert _kinds(items) == ["E107", "ok"]
    assert items[0].article_id == "absent"


def test_readers_huge_file_refused_from_stat_without_reading(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: 50 MB on paper, nothing written
        fh.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    (error,) = _read([big])
    assert time.perf_counter() - started < 0.5
    assert error.code == "E103"
    assert str(50 * 1024 * 1024) in error.message


def test_readers_huge_file_never_opened(tmp_path, monkeypatch):
    big = tmp_path / "big.html"
    big.write_bytes(b"x" * 2000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a file over max_bytes"))
    (error,) = _read([big], config=load_config(overrides={"max_bytes": 1000}))
    assert error.code == "E103"


def test_readers_jsonl_broken_lines_do_not_stop_the_rest():
    items = _read([DATA / "records.jsonl"])
    assert _kinds(items) == ["ok", "E105", "ok", "E105", "E106", "E106", "ok"]
    assert [it.source for it in items][:3] == [f"{DATA / 'records.jsonl'}:{n}" for n in (1, 2, 3)]
    assert items[1].article_id == "records:2"
    assert items[4].article_id == "records:6"   # no id: the error is named after the line
    assert items[5].article_id == "no-text"     # id known, no text: named after the record
    assert items[1].message.startswith("line 2: not valid JSON")
    assert items[3].message == "line 5: JSONL line is a list, not a JSON object"


def test_readers_jsonl_fields_and_published():
    first, _, second, *_, html = _read([DATA / "records.jsonl"])
    assert (first.id, first.language, first.published) == ("fr-1", "fr", "2020-11-05")
    assert (first.title, first.outlet, first.url) == ("Menace", "Le Quotidien", "https://example.org/fr-1")
    assert (second.id, second.language, second.published) == ("en-2", None, "2020-11-06")
    assert html.id == "fr-html" and html.published is None and html.warnings
    assert "Le Premier ministre libanais a démissionné" in html.text


def test_readers_caller_overrides_published_and_lang():
    first, *_ = _read([DATA / "records.jsonl"], published="2021-01-02", lang="en")
    assert (first.published, first.language) == ("2021-01-02", "en")


def test_readers_jsonl_huge_line_refused_next_line_read(tmp_path):
    path = tmp_path / "big.jsonl"
    huge = json.dumps({"id": "huge", "text": "mot " * 5000})
    small = json.dumps({"id": "small", "text": FR})
    path.write_text(huge + "\n" + small + "\n", encoding="utf-8")
    items = _read([path], config=load_config(overrides={"max_bytes": 4096}))
    assert _kinds(items) == ["E103", "ok"]
    assert items[1].id == "small"


def test_readers_jsonl_error_in_text_keeps_record_id(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": "vide", "text": "   "}) + "\n", encoding="utf-8")
    (error,) = _read([path])
    assert (error.article_id, error.code, error.source) == ("vide", "E101", f"{path}:1")


def test_readers_html_file_and_no_article_page():
    items = _read([DATA / "article-fr.html", DATA / "no-article.html", DATA / "article-cp1252.html"])
    assert _kinds(items) == ["ok", "E110", "ok"]
    assert items[0].title.startswith("Irak : les Kataeb Hezbollah")
    assert "l’armée" in items[2].text


def test_readers_stdin_plain_text():
    (article,) = _read(["-"], stdin=io.BytesIO(FR.encode("utf-8")), published="2020-11-05")
    assert (article.id, article.source, article.published) == ("stdin", "stdin", "2020-11-05")
    assert article.text == FR


def test_readers_stdin_jsonl():
    lines = [json.dumps({"id": "s1", "text": FR}), json.dumps({"id": "s2", "text": FR}), "{pas json}"]
    items = _read(["-"], stdin=io.BytesIO("\n".join(lines).encode("utf-8")))
    assert _kinds(items) == ["ok", "ok", "E105"]
    assert [it.source for it in items] == ["stdin:1", "stdin:2", "stdin:3"]


def test_readers_stdin_text_with_braces_is_text():
    text = "{Note} Le président a reçu son homologue.\nLa rencontre a eu lieu à Paris."
    (article,) = _read(["-"], stdin=io.BytesIO(text.encode("utf-8")))
    assert article.text == text


def test_readers_stdin_empty_and_too_large():
    assert _kinds(_read(["-"], stdin=io.BytesIO(b""))) == ["E101"]
    config = load_config(overrides={"max_bytes": 100})
    assert _kinds(_read(["-"], stdin=io.BytesIO(FR.encode() * 3), config=config)) == ["E103"]


def test_readers_is_lazy(tmp_path):
    (tmp_path / "a.txt").write_text(FR, encoding="utf-8")
    items = read_inputs([tmp_path / "a.txt", tmp_path / "later.txt"], config=load_config())
    first = next(items)
    (tmp_path / "later.txt").write_text(FR, encoding="utf-8")
    assert [first.id, next(items).id] == ["a", "later"]


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_readers_whole_wikinews_corpus():
    items = _read([CORPUS])
    assert len(items) == 266
    assert all(isinstance(it, Article) for it in items)
    url_lists = [it for it in items if it.id.endswith("-urls")]
    assert len(url_lists) == 23
    assert all(it.published is None and it.warnings for it in url_lists)
    assert all(it.published for it in items if not it.id.endswith("-urls"))


def test_readers_binary_jsonl_is_one_error(tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)) * 40 + b"\n" * 50)
    items = _read([path, DATA / "communique-fr.txt"])
    assert _kinds(items) == ["E102", "ok"]
    assert items[0].article_id == "archive"


def test_readers_stdin_jsonl_with_long_first_record():
    long_text = FR * 1500  # ~130 kB: longer than what is sniffed to tell JSONL from text
    lines = [json.dumps({"id": "long", "text": long_text}), json.dumps({"id": "short", "text": FR})]
    items = _read(["-"], stdin=io.BytesIO("\n".join(lines).encode("utf-8")))
    assert [(it.id, len(it.text)) for it in items] == [("long", len(long_text)), ("short", len(FR))]


def test_ingest_readers_count_documents_matches_what_is_read(tmp_path, config):
    from eventwire.ingest import count_documents

    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Le gouvernement a annoncé des mesures.", encoding="utf-8")
    (tmp_path / "sub" / "b.jsonl").write_text('{"id": "1", "text": "x"}\n\nnot json\n{"id": "2", "text": "y"}\n',
                                              encoding="utf-8")
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    assert count_documents([tmp_path]) == len(list(read_inputs([tmp_path], config=config))) == 4
    assert count_documents(["-"]) is None
