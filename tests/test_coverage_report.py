"""``eventwire coverage``: uncovered verbs and event nouns that govern an actor, and rejection reasons."""

from __future__ import annotations

import json

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
