"""``eventwire coverage``: uncovered verbs and event nouns that govern an actor, and rejection reasons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.coding.coverage import fold_reason

pytestmark = pytest.mark.slow


def test_alike_reasons_count_together():
    assert fold_reason("sense constraint failed (menacer)") == fold_reason("sense constraint failed (annoncer)")
    assert fold_reason("not an event (no source; judge 0.31 < 0.40)") == \
        fold_reason("not an event (no source; judge 0.12 < 0.40)")
    assert fold_reason("not an event (classifier of 'avion')") == "not an event (classifier of '…')"


def test_the_report_lists_an_uncovered_verb_and_noun_with_an_example(tmp_path):
    doc = tmp_path / "a.jsonl"
    lines = [{"id": f"d{i}", "lang": "fr", "published": "2021-05-0{i}",
              "text": "Le gouvernement français a houspillé le préfet de police. La réélection du maire "
                      "de Lyon par le Conseil municipal a surpris. Emmanuel Macron a houspillé son conseiller."}
             for i in range(1, 3)]
    doc.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    res = CliRunner().invoke(main, ["coverage", str(doc), "--json", "--top", "50"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert report["articles"] == 2
    verbs = {r["lemma"]: r for r in report["uncovered_verbs"]}
    assert verbs["houspiller"]["count"] == 4 and "houspillé" in verbs["houspiller"]["example"]
    assert "réélection" in {r["lemma"] for r in report["uncovered_nouns"]}
    assert "avoir" not in verbs  # function verbs are no lexicon's business


def test_the_text_report_has_its_three_lists(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("La police a interpellé trois militants à Rennes mardi soir après une manifestation.",
                   encoding="utf-8")
    res = CliRunner().invoke(main, ["coverage", str(doc), "--lang", "fr"])
    assert res.exit_code == 0, res.output
    for heading in ("uncovered verbs governing an actor", "uncovered event nouns", "rejection reasons",
                    "events per type: "):
        assert heading in res.output


def _dates_report(tmp_path, records, *args):
    doc = tmp_path / "c.jsonl"
    doc.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in records), encoding="utf-8")
    res = CliRunner().invoke(main, ["coverage", "--dates", str(doc), *args])
    assert res.exit_code == 0, res.output
    return res


def test_the_dates_report_counts_mentions_words_outside_them_and_datelines(tmp_path):
    records = [
        # a dated lead, then a time word the grammar does not read ("de mai prochain")
        {"id": "a", "lang": "fr", "published": "2022-03-09",
         "text": "Des agriculteurs ont bloqué mardi une route à Rennes. Ils promettent de revenir lors du salon "
                 "de mai prochain."},
        # a wire dateline naming the day before the record's published date
        {"id": "b", "lang": "en", "published": "2022-03-09",
         "text": "LAGOS, March 8, 2022 (Zorglub News) - Police arrested ten protesters on Tuesday."},
        {"id": "c", "lang": "fr", "text": ""},  # an empty text: not read, the report goes on
    ]
    report = json.loads(_dates_report(tmp_path, records, "--json", "--top", "50").output)
    assert report["articles"] == 2 and report["errors"] == 1
    assert report["mentions"] >= 3 and report["not_resolved"] == 0
    outside = {r["words"]: r for r in report["outside"]}
    assert "de mai prochain." in outside and "salon" in outside["de mai prochain."]["example"]
    assert [r["words"] for r in report["dateline_disagreements"]] == ["dateline 2022-03-08 / published 2022-03-09"]


def test_a_date_with_no_anchor_is_found_but_not_resolved(tmp_path):
    # no published date, no dateline, no full date in the text: a weekday cannot be placed
    res = _dates_report(tmp_path, [{"id": "a", "lang": "fr", "text": "La police a interpellé trois militants mardi."}])
    assert "1 articles (0 not read): 1 date mentions found, 1 not resolved" in res.output
    assert "mardi" in res.output.split("found, not resolved")[1]


def test_the_documented_dates_report_is_what_the_command_prints():
    # docs/cli.md shows the report on docs/examples/notes.jsonl, as the command prints it (checked by
    # tests/test_docs_examples.py as well): here the two articles of the page's text are those of the file
    root = Path(__file__).resolve().parent.parent
    docs = (root / "docs" / "cli.md").read_text(encoding="utf-8")
    notes = [json.loads(line) for line in (root / "docs" / "examples" / "notes.jsonl").read_text(
        encoding="utf-8").splitlines()]
    for record in notes:
        assert " ".join(record["text"].split()[:4]) in " ".join(docs.split())
